/* rapport-cli-common.c — running a command of the table, and what the
 * commands share: errors, options, ids and look-ups, output of fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "rapport-cli-private.h"
#include "rapport-time.h"
#include "rapport-validate.h"

G_DEFINE_QUARK (rapport-cli-error-quark, rapport_cli_error)

/* Errors */

/* Every error is one line, whatever text it quotes; an unmet gate says
 * what is missing on a line each. */
int
rapport_cli_user_error (const GError *error)
{
  g_auto(GStrv) lines = NULL;

  if (!g_error_matches (error, RAPPORT_ERROR, RAPPORT_ERROR_GATE))
    {
      g_autofree char *message = rapport_text_escape (error->message, FALSE);

      g_printerr ("rapport-cli: %s\n", message);
      return RAPPORT_CLI_EXIT_USER_ERROR;
    }

  lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = rapport_text_escape (lines[i], FALSE);

      g_printerr (i == 0 ? "rapport-cli: %s\n" : "  %s\n", line);
    }
  return RAPPORT_CLI_EXIT_USER_ERROR;
}

int
rapport_cli_usage_error (const char *usage,
                         const char *message)
{
  g_autofree char *line = rapport_text_escape (message, FALSE);

  if (line != NULL)
    g_printerr ("rapport-cli: %s\n", line);
  g_printerr (_("Usage: rapport-cli [--db FILE] %s\n"), usage);
  return RAPPORT_CLI_EXIT_USAGE;
}

/* For a command that finds its arguments wrong: main() prints @message
 * with the command's usage line. Returns FALSE, to return in turn. */
gboolean
rapport_cli_set_usage (GError     **error,
                       const char  *message)
{
  g_set_error_literal (error, RAPPORT_CLI_ERROR, RAPPORT_CLI_ERROR_USAGE, message);
  return FALSE;
}

/* Running a command */

/* Parses a command's options; leaves its positional arguments in argv. */
static gboolean
parse_options (const char   *usage,
               GOptionEntry *entries,
               int          *argc,
               char       ***argv,
               int          *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = rapport_cli_usage_error (usage, error->message);
      return FALSE;
    }

  /* GOption leaves the "--" that lets an argument start with "-" (search
   * -- -foo); it is not an argument itself. */
  for (int i = 1; i < *argc; i++)
    if (g_str_equal ((*argv)[i], "--"))
      {
        memmove (*argv + i, *argv + i + 1, (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
      }

  return TRUE;
}

/* The GOption entries of @command, each writing into @cli->values at the
 * index of its option, and --json if the command takes it. */
static void
build_entries (RapportCli              *cli,
               const RapportCliCommand *command,
               GOptionEntry            *entries)
{
  const RapportCliOption *options = command->options;
  guint n = 0;

  for (; options != NULL && options[n].long_name != NULL; n++)
    {
      g_assert (n < RAPPORT_CLI_MAX_OPTIONS - 1);
      if (options[n].arg == G_OPTION_ARG_INT)
        cli->values[n].number = options[n].default_int;
      entries[n] = (GOptionEntry) { options[n].long_name, 0, 0, options[n].arg, &cli->values[n], NULL, NULL };
    }

  if (command->flags & RAPPORT_CLI_JSON)
    entries[n++] = (GOptionEntry) { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, NULL, NULL };
  entries[n] = (GOptionEntry) { NULL };
}

/* Runs @command with its own argv: argv[0] is the command's last word,
 * then its options and arguments. Returns the exit status. */
int
rapport_cli_run (RapportCli              *cli,
                 const RapportCliCommand *command,
                 int                      argc,
                 char                   **argv)
{
  GOptionEntry entries[RAPPORT_CLI_MAX_OPTIONS + 1];
  g_autoptr(GError) error = NULL;
  int status;

  cli->command = command;
  build_entries (cli, command, entries);
  if (!parse_options (command->usage, entries, &argc, &argv, &status))
    return status;

  cli->args = argv + 1;
  cli->n_args = (guint) argc - 1;
  if (cli->n_args < command->min_args || cli->n_args > command->max_args)
    return rapport_cli_usage_error (command->usage, command->wrong_args ? _(command->wrong_args) : NULL);

  if (command->func (cli, &error))
    return 0;
  if (g_error_matches (error, RAPPORT_CLI_ERROR, RAPPORT_CLI_ERROR_USAGE))
    return rapport_cli_usage_error (command->usage, error->message);
  return rapport_cli_user_error (error);
}

void
rapport_cli_clear (RapportCli *cli)
{
  const RapportCliOption *options = cli->command ? cli->command->options : NULL;

  /* The store first: it may still point at an option's text. */
  g_clear_object (&cli->store);
  for (guint i = 0; options != NULL && options[i].long_name != NULL; i++)
    if (options[i].arg == G_OPTION_ARG_STRING)
      g_clear_pointer (&cli->values[i].string, g_free);
}

/* Options */

static RapportCliValue *
find_value (RapportCli *cli,
            const char *long_name,
            GOptionArg  arg)
{
  const RapportCliOption *options = cli->command->options;

  for (guint i = 0; options != NULL && options[i].long_name != NULL; i++)
    if (g_str_equal (options[i].long_name, long_name))
      {
        g_assert (options[i].arg == arg);
        return &cli->values[i];
      }

  /* A command asking for an option it did not declare is a bug here. */
  g_error ("%s declares no option --%s", cli->command->usage, long_name);
}

/* NULL if the option was not given. */
const char *
rapport_cli_string (RapportCli *cli,
                    const char *long_name)
{
  return find_value (cli, long_name, G_OPTION_ARG_STRING)->string;
}

gboolean
rapport_cli_flag (RapportCli *cli,
                  const char *long_name)
{
  return find_value (cli, long_name, G_OPTION_ARG_NONE)->flag;
}

int
rapport_cli_int (RapportCli *cli,
                 const char *long_name)
{
  return find_value (cli, long_name, G_OPTION_ARG_INT)->number;
}

/* The store */

RapportStore *
rapport_cli_open_store (RapportCli  *cli,
                        GError     **error)
{
  g_autofree char *path = cli->db_path ? g_strdup (cli->db_path) : rapport_store_default_path ();
  gboolean read_only = (cli->command->flags & RAPPORT_CLI_READS_ONLY) != 0;
  gint64 now = 0;

  if (cli->store != NULL)
    return cli->store;

  /* Scripts and tests pin the clock with RAPPORT_NOW (ISO 8601). */
  if (!rapport_time_pinned_now (&now, error))
    return NULL;

  /* A command that only reads never upgrades a backup or an older file. */
  cli->store = rapport_store_new_full (path, cli->template_id,
                                       read_only ? RAPPORT_STORE_READ_ONLY : RAPPORT_STORE_DEFAULT,
                                       error);
  if (cli->store != NULL && now != 0)
    rapport_store_set_now (cli->store, now);

  return cli->store;
}

/* Ids and look-ups */

gboolean
rapport_cli_pipeline_option (RapportCli  *cli,
                             gint64      *pipeline_id,
                             GError     **error)
{
  const char *pipeline = rapport_cli_string (cli, "pipeline");
  g_autofree char *quoted = NULL;

  *pipeline_id = 0;
  if (pipeline == NULL || rapport_id_parse (pipeline, pipeline_id))
    return TRUE;

  quoted = rapport_text_quote (pipeline);
  g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
               _("“%s” is not a pipeline id: write a positive whole number, like 12"), quoted);
  return FALSE;
}

/* An id the user typed, as Rapport writes it (12, not +12, 012 or " 12"):
 * a malformed one is a user error, like an unknown one. */
gboolean
rapport_cli_require_id (const char        *text,
                        RapportCliIdKind   kind,
                        gint64            *id,
                        GError           **error)
{
  g_autofree char *quoted = NULL;

  if (rapport_id_parse (text, id))
    return TRUE;

  quoted = rapport_text_quote (text);
  switch (kind)
    {
    case RAPPORT_CLI_ID_CONTACT:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a contact id: write a positive whole number, like 12"), quoted);
      break;
    case RAPPORT_CLI_ID_DEAL:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a deal id: write a positive whole number, like 12"), quoted);
      break;
    case RAPPORT_CLI_ID_ORGANIZATION:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not an organization id: write a positive whole number, like 12"), quoted);
      break;
    case RAPPORT_CLI_ID_GOAL:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a goal id: write a positive whole number, like 12"), quoted);
      break;
    case RAPPORT_CLI_ID_ACTIVITY:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not an activity id: write a positive whole number, like 12"), quoted);
      break;
    case RAPPORT_CLI_ID_NOTE:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a note id: write a positive whole number, like 12"), quoted);
      break;
    case RAPPORT_CLI_ID_NEGOTIATION_ENTRY:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a negotiation entry id: write a positive whole number, like 12"), quoted);
      break;
    case RAPPORT_CLI_ID_PIPELINE:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a pipeline id: write a positive whole number, like 12"), quoted);
      break;
    case RAPPORT_CLI_ID_STAGE:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a stage id: write a positive whole number, like 12"), quoted);
      break;
    case RAPPORT_CLI_ID_STAGE_ACTION:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a key action id: write a positive whole number, like 12"), quoted);
      break;
    case RAPPORT_CLI_ID_FOLLOWUP:
    default:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a follow-up id: write a positive whole number, like 12"), quoted);
      break;
    }

  return FALSE;
}

/* The id is read before the file is opened: a malformed id is the error
 * reported, whatever the file. */
static gboolean
open_for_id (RapportCli        *cli,
             const char        *text,
             RapportCliIdKind   kind,
             gint64            *id,
             GError           **error)
{
  return rapport_cli_require_id (text, kind, id, error) && rapport_cli_open_store (cli, error) != NULL;
}

RapportDeal *
rapport_cli_find_deal (RapportCli  *cli,
                       const char  *text,
                       GError     **error)
{
  gint64 id;

  if (!open_for_id (cli, text, RAPPORT_CLI_ID_DEAL, &id, error))
    return NULL;

  return rapport_store_get_deal (cli->store, id, error);
}

RapportContact *
rapport_cli_find_contact (RapportCli  *cli,
                          const char  *text,
                          GError     **error)
{
  gint64 id;

  if (!open_for_id (cli, text, RAPPORT_CLI_ID_CONTACT, &id, error))
    return NULL;

  return rapport_store_get_contact (cli->store, id, error);
}

RapportOrganization *
rapport_cli_find_organization (RapportCli  *cli,
                               const char  *text,
                               GError     **error)
{
  gint64 id;

  if (!open_for_id (cli, text, RAPPORT_CLI_ID_ORGANIZATION, &id, error))
    return NULL;

  return rapport_store_get_organization (cli->store, id, error);
}

RapportActivity *
rapport_cli_find_followup (RapportCli  *cli,
                           const char  *text,
                           GError     **error)
{
  gint64 id;

  if (!open_for_id (cli, text, RAPPORT_CLI_ID_FOLLOWUP, &id, error))
    return NULL;

  return rapport_store_get_activity (cli->store, id, error);
}

/* "call", "email", "meeting", and with @task_too "task". */
gboolean
rapport_cli_parse_activity_kind (const char          *text,
                                 gboolean             task_too,
                                 RapportActivityKind *kind)
{
  if (g_str_equal (text, "call"))
    *kind = RAPPORT_ACTIVITY_CALL;
  else if (g_str_equal (text, "email"))
    *kind = RAPPORT_ACTIVITY_EMAIL;
  else if (g_str_equal (text, "meeting"))
    *kind = RAPPORT_ACTIVITY_MEETING;
  else if (task_too && g_str_equal (text, "task"))
    *kind = RAPPORT_ACTIVITY_TASK;
  else
    return FALSE;

  return TRUE;
}

gboolean
rapport_cli_update_string (RapportCli     *cli,
                           RapportRecord  *record,
                           const char     *option,
                           const char     *property,
                           GError        **error)
{
  const char *text = rapport_cli_string (cli, option);
  g_auto(GValue) value = G_VALUE_INIT;

  if (text == NULL)
    return TRUE;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, *text != '\0' ? text : NULL);
  return rapport_store_update (cli->store, record, property, &value, error);
}

/* Output for people: the detail lists print one line per item, briefly. */

const char *
rapport_cli_or_empty (const char *text)
{
  return text ? text : "";
}

/* @text as one field of a line of output: tabs, newlines and every other
 * control character escaped (\t, \n, \x1b), invalid UTF-8 as U+FFFD,
 * so a field never splits a line or reaches the terminal as a command. */
char *
rapport_cli_field (const char *text)
{
  return rapport_text_escape (text ? text : "", FALSE);
}

/* An ISO 8601 time, or @missing for none (transfer full). */
char *
rapport_cli_time_or (gint64      unix_seconds,
                     const char *missing)
{
  char *text = rapport_time_to_iso8601 (unix_seconds);

  return text ? text : g_strdup (missing);
}

void
rapport_cli_print_notes (GListModel *notes)
{
  guint n = g_list_model_get_n_items (notes);

  if (n > 0)
    g_print (_("Notes:\n"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportNote) note = g_list_model_get_item (notes, i);
      g_autofree char *when = rapport_time_to_iso8601 (rapport_note_get_created_at (note));
      g_auto(GStrv) lines = g_strsplit (rapport_note_get_body (note), "\n", 2);
      g_autofree char *first = rapport_cli_field (lines[0]);

      /* Only a note's first line, so each note stays one line. */
      g_print ("  %" G_GINT64_FORMAT "\t%s\t%s%s\n", rapport_record_get_id (RAPPORT_RECORD (note)),
               rapport_cli_or_empty (when), first, lines[0] && lines[1] ? " …" : "");
    }
}

void
rapport_cli_print_tags_and_fields (RapportStore  *store,
                                   RapportEntity  entity,
                                   gint64         id)
{
  g_auto(GStrv) tags = rapport_store_get_tags (store, entity, id, NULL);
  g_autoptr(GPtrArray) values = rapport_store_get_custom_values (store, entity, id, NULL);

  if (tags != NULL && tags[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", tags);

      g_print (_("Tags: %s\n"), joined);
    }
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const RapportCustomValue *value = values->pdata[i];

      /* Translators: a custom field and its value, as in "Region: North" */
      g_print (_("%s: %s\n"), value->name, value->value);
    }
}

void
rapport_cli_print_activities (GListModel *activities)
{
  guint n = g_list_model_get_n_items (activities);

  if (n > 0)
    g_print (_("Activities:\n"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportActivity) activity = g_list_model_get_item (activities, i);
      gint64 done_at = rapport_activity_get_done_at (activity);
      g_autofree char *when = rapport_time_to_iso8601 (done_at ? done_at : rapport_activity_get_due_at (activity));
      g_autofree char *title = rapport_cli_field (rapport_activity_get_title (activity));

      g_print ("  %" G_GINT64_FORMAT "\t%s\t%s\t%s\n", rapport_record_get_id (RAPPORT_RECORD (activity)),
               /* Translators: whether an activity in a list is done or still to do */
               done_at ? _("done") : _("to do"), rapport_cli_or_empty (when), title);
    }
}

void
rapport_cli_print_id_list (const char *label,
                           GListModel *records)
{
  guint n = g_list_model_get_n_items (records);

  if (n == 0)
    return;

  g_print ("%s", label);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportRecord) record = g_list_model_get_item (records, i);

      g_print (" %" G_GINT64_FORMAT, rapport_record_get_id (record));
    }
  g_print ("\n");
}

/* Streaming lists */

/* Long lists print as they go: a full disk or a closed pipe stops the
 * walk with an error instead of printing on into the void. */
gboolean
rapport_cli_check_output (GError **error)
{
  if (!ferror (stdout))
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The list could not be written to the standard output"));
  return FALSE;
}

/* Opens the store if need be, then starts a list: a JSON array with
 * --json, else lines of text. */
gboolean
rapport_cli_listing_begin (RapportCli         *cli,
                           RapportCliListing  *listing,
                           GError            **error)
{
  if ((listing->store = rapport_cli_open_store (cli, error)) == NULL)
    return FALSE;

  listing->json = cli->json ? rapport_json_stream_begin () : NULL;
  return TRUE;
}

/* Ends the list whether or not the walk got through, so the JSON stays
 * whole up to the error; then checks that all of it was written. */
gboolean
rapport_cli_listing_end (RapportCliListing  *listing,
                         gboolean            walked,
                         GError            **error)
{
  if (listing->json != NULL)
    rapport_json_stream_end (listing->json);
  if (!walked)
    return FALSE;

  fflush (stdout);
  return rapport_cli_check_output (error);
}

/* A day the user typed, YYYY-MM-DD, as the Unix time of its midnight UTC. */
gboolean
rapport_cli_parse_day (const char  *option,
                       const char  *text,
                       gint64      *midnight,
                       GError     **error)
{
  if (!rapport_date_is_valid (text) || !rapport_time_parse_iso8601 (text, midnight, NULL))
    {
      g_autofree char *quoted = rapport_text_quote (text);

      /* Translators: the first %s is an option, --from or --to. */
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("%s takes a day like 2026-03-02, not “%s”"), option, quoted);
      return FALSE;
    }

  return TRUE;
}
