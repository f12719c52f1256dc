/* rapport-cli.c — Rapport's scriptable command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status: 0 success; 1 a user error (unknown id, empty title, a file
 * that is not a Rapport database, …) with one line on stderr; 2 a usage
 * error. Scripts and tests rely on both the status and the --json shapes.
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "rapport-cli-json.h"
#include "rapport-money.h"
#include "rapport-store.h"
#include "rapport-templates.h"
#include "rapport-time.h"
#include "rapport-validate.h"

#define EXIT_USER_ERROR 1
#define EXIT_USAGE 2

typedef struct
{
  const char *db_path;
  const char *template_id;  /* only "init" sets it */
  gboolean read_only;       /* the command only reads: an older file is not upgraded */
  RapportStore *store;
} Cli;

typedef int (*CommandFunc) (Cli *cli, int argc, char **argv);

typedef struct
{
  const char  *group;      /* "deal", or NULL for a one-word command */
  const char  *name;
  CommandFunc  func;
  const char  *usage;
} Command;

/* Every error is one line, whatever text it quotes. */
static int
user_error (const GError *error)
{
  g_autofree char *message = rapport_text_escape (error->message, FALSE);

  g_printerr ("rapport-cli: %s\n", message);
  return EXIT_USER_ERROR;
}

static int
usage_error (const char *usage,
             const char *message)
{
  g_autofree char *line = rapport_text_escape (message, FALSE);

  if (line != NULL)
    g_printerr ("rapport-cli: %s\n", line);
  g_printerr (_("Usage: rapport-cli [--db FILE] %s\n"), usage);
  return EXIT_USAGE;
}

static RapportStore *
open_store (Cli     *cli,
            GError **error)
{
  g_autofree char *path = cli->db_path ? g_strdup (cli->db_path) : rapport_store_default_path ();
  const char *pinned = g_getenv ("RAPPORT_NOW");
  gint64 now = 0;

  if (cli->store != NULL)
    return cli->store;

  /* Scripts and tests pin the clock with RAPPORT_NOW (ISO 8601). */
  if (pinned != NULL && *pinned != '\0' && !rapport_time_parse_iso8601 (pinned, &now, NULL))
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("RAPPORT_NOW is not a date and time: use ISO 8601, like 2026-11-23T09:30:00Z"));
      return NULL;
    }

  cli->store = rapport_store_new_full (path, cli->template_id,
                                       cli->read_only ? RAPPORT_STORE_READ_ONLY : RAPPORT_STORE_DEFAULT,
                                       error);
  if (cli->store != NULL && now != 0)
    rapport_store_set_now (cli->store, now);

  return cli->store;
}

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
      *status = usage_error (usage, error->message);
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

typedef enum
{
  ID_CONTACT,
  ID_DEAL,
  ID_ORGANIZATION,
  ID_FOLLOWUP,
} IdKind;

/* An id the user typed, as Rapport writes it (12, not +12, 012 or " 12"):
 * a malformed one is a user error, like an unknown one. */
static gboolean
require_id (const char  *text,
            IdKind       kind,
            gint64      *id,
            GError     **error)
{
  g_autofree char *quoted = NULL;

  if (rapport_id_parse (text, id))
    return TRUE;

  quoted = rapport_text_quote (text);
  switch (kind)
    {
    case ID_CONTACT:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a contact id: write a positive whole number, like 12"), quoted);
      break;
    case ID_DEAL:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a deal id: write a positive whole number, like 12"), quoted);
      break;
    case ID_ORGANIZATION:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not an organization id: write a positive whole number, like 12"), quoted);
      break;
    case ID_FOLLOWUP:
    default:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a follow-up id: write a positive whole number, like 12"), quoted);
      break;
    }

  return FALSE;
}

static char *field (const char *text);

/* Long lists print as they go: a full disk or a closed pipe stops the
 * walk with an error instead of printing on into the void. */
static gboolean
check_output (GError **error)
{
  if (!ferror (stdout))
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The list could not be written to the standard output"));
  return FALSE;
}

static gboolean
finish_output (GError **error)
{
  fflush (stdout);
  return check_output (error);
}

/* What a list command's walk carries from row to row. */
typedef struct
{
  RapportStore      *store;
  RapportJsonStream *json;       /* NULL for the lines of text */
  GHashTable        *positions;  /* deal list --json only */
} Listing;

/* init */

static int
cmd_init (Cli   *cli,
          int    argc,
          char **argv)
{
  static const char usage[] = "init [--template classic5|cycle7|repeat5|consultative7|field7]";
  g_autoptr(GError) error = NULL;
  g_autofree char *template_id = NULL;
  g_autoptr(RapportPipeline) pipeline = NULL;
  GOptionEntry entries[] = {
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_id, NULL, NULL },
    { NULL }
  };
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return usage_error (usage, _("init takes no arguments"));
  if (template_id != NULL && rapport_templates_find (template_id) == NULL)
    return usage_error (usage, _("unknown template"));

  cli->template_id = template_id;
  if (open_store (cli, &error) == NULL)
    return user_error (error);

  pipeline = rapport_store_get_current_pipeline (cli->store);

  /* On an existing file, a named template becomes the current pipeline:
   * added and made current in one transaction. */
  if (template_id != NULL && g_strcmp0 (rapport_pipeline_get_template (pipeline), template_id) != 0)
    {
      g_clear_object (&pipeline);
      if ((pipeline = rapport_store_use_template (cli->store, template_id, &error)) == NULL)
        return user_error (error);
    }

  g_print (_("Database ready: %s (pipeline “%s”)\n"),
           rapport_store_get_path (cli->store), rapport_pipeline_get_name (pipeline));
  return 0;
}

/* stage */

static int
cmd_stage_list (Cli   *cli,
                int    argc,
                char **argv)
{
  static const char usage[] = "stage list [--json]";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPipeline) pipeline = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  GListModel *stages;
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return usage_error (usage, NULL);
  if (open_store (cli, &error) == NULL)
    return user_error (error);

  pipeline = rapport_store_get_current_pipeline (cli->store);
  stages = rapport_store_get_stages (cli->store, pipeline);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);

      if (json)
        json_array_add_element (array, rapport_json_stage (stage));
      else
        {
          g_autofree char *name = field (rapport_stage_get_name (stage));

          g_print ("%" G_GINT64_FORMAT "\t%s\t%d%%\n", rapport_record_get_id (RAPPORT_RECORD (stage)),
                   name, rapport_stage_get_probability (stage));
        }
    }

  if (json)
    rapport_json_print_array (array);

  return 0;
}

/* org */

static int
cmd_org_add (Cli   *cli,
             int    argc,
             char **argv)
{
  static const char usage[] = "org add NAME [--json]";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportOrganization) org = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (usage, NULL);
  if (open_store (cli, &error) == NULL)
    return user_error (error);

  org = rapport_store_add_organization (cli->store, argv[1], &error);
  if (org == NULL)
    return user_error (error);

  if (json)
    rapport_json_print (rapport_json_organization (org));
  else
    g_print (_("Created organization %lld “%s”\n"),
             (long long) rapport_record_get_id (RAPPORT_RECORD (org)), rapport_organization_get_name (org));

  return 0;
}

/* contact */

static int
cmd_contact_add (Cli   *cli,
                 int    argc,
                 char **argv)
{
  static const char usage[] =
    "contact add NAME [--email E] [--phone P] [--org ID] [--lead] [--created-at ISO8601] [--json]";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContact) contact = NULL;
  g_autofree char *email = NULL, *phone = NULL, *org = NULL, *created_at = NULL, *source = NULL;
  gboolean lead = FALSE, json = FALSE;
  RapportContactFields fields = { 0, };
  GOptionEntry entries[] = {
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, NULL, NULL },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, NULL, NULL },
    { "org", 0, 0, G_OPTION_ARG_STRING, &org, NULL, NULL },
    { "lead", 0, 0, G_OPTION_ARG_NONE, &lead, NULL, NULL },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, NULL, NULL },
    { "created-at", 0, 0, G_OPTION_ARG_STRING, &created_at, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (usage, NULL);

  if ((org != NULL && !require_id (org, ID_ORGANIZATION, &fields.organization_id, &error)) ||
      (created_at != NULL && !rapport_time_parse_iso8601 (created_at, &fields.created_at, &error)))
    return user_error (error);
  fields.has_created_at = created_at != NULL;
  if (open_store (cli, &error) == NULL)
    return user_error (error);

  fields.name = argv[1];
  fields.email = email;
  fields.phone = phone;
  fields.source = source;
  fields.lifecycle = lead ? RAPPORT_LIFECYCLE_LEAD : RAPPORT_LIFECYCLE_CONTACT;

  contact = rapport_store_add_contact (cli->store, &fields, &error);
  if (contact == NULL)
    return user_error (error);

  if (json)
    rapport_json_print (rapport_json_contact (contact));
  else
    g_print (_("Created contact %lld “%s”\n"),
             (long long) rapport_record_get_id (RAPPORT_RECORD (contact)), rapport_contact_get_name (contact));

  return 0;
}

static gboolean
list_contact (gpointer   record,
              gpointer   user_data,
              GError   **error)
{
  RapportContact *contact = record;
  Listing *listing = user_data;

  if (listing->json != NULL)
    rapport_json_stream_add (listing->json, rapport_json_contact (contact));
  else
    {
      g_autofree char *name = field (rapport_contact_get_name (contact));
      g_autofree char *email = field (rapport_contact_get_email (contact));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n", rapport_record_get_id (RAPPORT_RECORD (contact)),
               name, email);
    }

  return check_output (error);
}

static int
cmd_contact_list (Cli   *cli,
                  int    argc,
                  char **argv)
{
  static const char usage[] = "contact list [--json]";
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  Listing listing = { NULL, };
  gboolean ok;
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return usage_error (usage, NULL);
  if (open_store (cli, &error) == NULL)
    return user_error (error);

  listing.store = cli->store;
  listing.json = json ? rapport_json_stream_begin () : NULL;
  ok = rapport_store_foreach_contact (cli->store, list_contact, &listing, &error);
  if (listing.json != NULL)
    rapport_json_stream_end (listing.json);
  if (!ok || !finish_output (&error))
    return user_error (error);

  return 0;
}

/* Human output of the detail lists: one line per item, briefly. */

static const char *
or_empty (const char *text)
{
  return text ? text : "";
}

/* @text as one field of a line of output: tabs, newlines and every other
 * control character escaped (\t, \n, \x1b), invalid UTF-8 as U+FFFD,
 * so a field never splits a line or reaches the terminal as a command. */
static char *
field (const char *text)
{
  return rapport_text_escape (text ? text : "", FALSE);
}

/* An ISO 8601 time, or @missing for none (transfer full). */
static char *
time_or (gint64      unix_seconds,
         const char *missing)
{
  char *text = rapport_time_to_iso8601 (unix_seconds);

  return text ? text : g_strdup (missing);
}

static void
print_notes (GListModel *notes)
{
  guint n = g_list_model_get_n_items (notes);

  if (n > 0)
    g_print (_("Notes:\n"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportNote) note = g_list_model_get_item (notes, i);
      g_autofree char *when = rapport_time_to_iso8601 (rapport_note_get_created_at (note));
      g_auto(GStrv) lines = g_strsplit (rapport_note_get_body (note), "\n", 2);
      g_autofree char *first = field (lines[0]);

      /* Only a note's first line, so each note stays one line. */
      g_print ("  %" G_GINT64_FORMAT "\t%s\t%s%s\n", rapport_record_get_id (RAPPORT_RECORD (note)),
               or_empty (when), first, lines[0] && lines[1] ? " …" : "");
    }
}

static void
print_activities (GListModel *activities)
{
  guint n = g_list_model_get_n_items (activities);

  if (n > 0)
    g_print (_("Activities:\n"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportActivity) activity = g_list_model_get_item (activities, i);
      gint64 done_at = rapport_activity_get_done_at (activity);
      g_autofree char *when = rapport_time_to_iso8601 (done_at ? done_at : rapport_activity_get_due_at (activity));
      g_autofree char *title = field (rapport_activity_get_title (activity));

      g_print ("  %" G_GINT64_FORMAT "\t%s\t%s\t%s\n", rapport_record_get_id (RAPPORT_RECORD (activity)),
               /* Translators: whether an activity in a list is done or still to do */
               done_at ? _("done") : _("to do"), or_empty (when), title);
    }
}

static void
print_id_list (const char *label,
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

static void
print_contact (RapportStore   *store,
               RapportContact *contact)
{
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (contact));
  gint64 organization_id = rapport_contact_get_organization_id (contact);
  g_autoptr(RapportOrganization) organization = NULL;
  g_autoptr(GListModel) deals = rapport_store_get_contact_deals (store, id);
  g_autoptr(GListModel) notes = rapport_store_get_contact_notes (store, id);
  g_autoptr(GListModel) activities = rapport_store_get_contact_activities (store, id);
  g_autofree char *first = time_or (rapport_contact_get_first_contacted_at (contact), _("not yet"));
  g_autofree char *last = time_or (rapport_contact_get_last_contacted_at (contact), _("not yet"));
  g_autofree char *next = time_or (rapport_contact_get_next_followup_at (contact), _("none"));

  if (organization_id != 0)
    organization = rapport_store_get_organization (store, organization_id, NULL);

  g_print ("%s\n", rapport_contact_get_name (contact));
  g_print (_("Email: %s\n"), or_empty (rapport_contact_get_email (contact)));
  g_print (_("Phone: %s\n"), or_empty (rapport_contact_get_phone (contact)));
  g_print (_("Organization: %s\n"), organization ? rapport_organization_get_name (organization) : "");
  g_print (_("Owner: %s\n"), or_empty (rapport_contact_get_owner (contact)));
  g_print (_("First contacted: %s\n"), first);
  g_print (_("Last contacted: %s\n"), last);
  g_print (_("Next follow-up: %s\n"), next);
  print_id_list (_("Deals:"), deals);
  print_notes (notes);
  print_activities (activities);
}

static int
cmd_contact_show (Cli   *cli,
                  int    argc,
                  char **argv)
{
  static const char usage[] = "contact show ID [--json]";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContact) contact = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  gint64 id;
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (usage, NULL);
  if (!require_id (argv[1], ID_CONTACT, &id, &error) || open_store (cli, &error) == NULL ||
      (contact = rapport_store_get_contact (cli->store, id, &error)) == NULL)
    return user_error (error);

  if (json)
    rapport_json_print (rapport_json_contact_details (cli->store, contact));
  else
    print_contact (cli->store, contact);

  return 0;
}

/* deal */

static RapportDeal *
find_deal (Cli         *cli,
           const char  *text,
           GError     **error)
{
  gint64 id;

  if (!require_id (text, ID_DEAL, &id, error) || open_store (cli, error) == NULL)
    return NULL;

  return rapport_store_get_deal (cli->store, id, error);
}

static int
cmd_deal_add (Cli   *cli,
              int    argc,
              char **argv)
{
  static const char usage[] =
    "deal add TITLE --value AMOUNT [--currency CODE] [--contact ID] [--org ID] [--stage ID|NAME]"
    " [--close YYYY-MM-DD] [--owner NAME] [--json]";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  g_autoptr(RapportStage) stage = NULL;
  g_autofree char *value = NULL, *currency = NULL, *contact = NULL, *org = NULL;
  g_autofree char *stage_name = NULL, *close = NULL, *owner = NULL;
  gboolean json = FALSE;
  RapportDealFields fields = { 0, };
  GOptionEntry entries[] = {
    { "value", 0, 0, G_OPTION_ARG_STRING, &value, NULL, NULL },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &currency, NULL, NULL },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &contact, NULL, NULL },
    { "org", 0, 0, G_OPTION_ARG_STRING, &org, NULL, NULL },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_name, NULL, NULL },
    { "close", 0, 0, G_OPTION_ARG_STRING, &close, NULL, NULL },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (usage, NULL);
  if (value == NULL)
    return usage_error (usage, _("--value is required"));
  if (open_store (cli, &error) == NULL)
    return user_error (error);

  fields.currency = currency ? currency : rapport_store_get_default_currency (cli->store);
  if (!rapport_currency_is_valid (fields.currency))
    {
      g_autofree char *quoted = rapport_text_quote (fields.currency);

      g_set_error (&error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not an ISO 4217 currency code like EUR or USD"), quoted);
      return user_error (error);
    }

  if (!rapport_money_parse (value, fields.currency, &fields.value, &error) ||
      (contact != NULL && !require_id (contact, ID_CONTACT, &fields.contact_id, &error)) ||
      (org != NULL && !require_id (org, ID_ORGANIZATION, &fields.organization_id, &error)))
    return user_error (error);

  if (stage_name != NULL)
    {
      stage = rapport_store_find_stage (cli->store, stage_name, &error);
      if (stage == NULL)
        return user_error (error);
      fields.stage_id = rapport_record_get_id (RAPPORT_RECORD (stage));
    }

  fields.title = argv[1];
  fields.expected_close = close;
  fields.owner = owner;

  deal = rapport_store_add_deal (cli->store, &fields, &error);
  if (deal == NULL)
    return user_error (error);

  if (json)
    rapport_json_print (rapport_json_deal (cli->store, deal, RAPPORT_JSON_POSITION_UNKNOWN, FALSE));
  else
    g_print (_("Created deal %lld “%s”\n"),
             (long long) rapport_record_get_id (RAPPORT_RECORD (deal)), rapport_deal_get_title (deal));

  return 0;
}

static int
cmd_deal_move (Cli   *cli,
               int    argc,
               char **argv)
{
  static const char usage[] = "deal move ID STAGE_ID|STAGE_NAME [--position N]";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  g_autoptr(RapportStage) stage = NULL;
  int position = -1;
  GOptionEntry entries[] = {
    { "position", 0, 0, G_OPTION_ARG_INT, &position, NULL, NULL },
    { NULL }
  };
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return usage_error (usage, NULL);
  if (position < -1)
    return usage_error (usage, _("--position must be 0 or more"));

  if ((deal = find_deal (cli, argv[1], &error)) == NULL ||
      (stage = rapport_store_find_stage (cli->store, argv[2], &error)) == NULL ||
      !rapport_store_move_deal (cli->store, deal, stage, position, &error))
    return user_error (error);

  g_print (_("Moved deal %lld to %s, position %d\n"),
           (long long) rapport_record_get_id (RAPPORT_RECORD (deal)), rapport_stage_get_name (stage),
           rapport_store_get_deal_position (cli->store, deal));
  return 0;
}

static int
cmd_deal_won (Cli   *cli,
              int    argc,
              char **argv)
{
  static const char usage[] = "deal won ID";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  GOptionEntry entries[] = { { NULL } };
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (usage, NULL);

  if ((deal = find_deal (cli, argv[1], &error)) == NULL ||
      !rapport_store_set_deal_status (cli->store, deal, RAPPORT_DEAL_STATUS_WON, NULL, &error))
    return user_error (error);

  g_print (_("Deal %lld “%s” is won\n"),
           (long long) rapport_record_get_id (RAPPORT_RECORD (deal)), rapport_deal_get_title (deal));
  return 0;
}

static int
cmd_deal_lost (Cli   *cli,
               int    argc,
               char **argv)
{
  static const char usage[] = "deal lost ID --reason TEXT";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, NULL, NULL },
    { NULL }
  };
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (usage, NULL);
  if (reason == NULL)
    return usage_error (usage, _("--reason is required: a lost deal needs a reason"));

  if ((deal = find_deal (cli, argv[1], &error)) == NULL ||
      !rapport_store_set_deal_status (cli->store, deal, RAPPORT_DEAL_STATUS_LOST, reason, &error))
    return user_error (error);

  g_print (_("Deal %lld “%s” is lost\n"),
           (long long) rapport_record_get_id (RAPPORT_RECORD (deal)), rapport_deal_get_title (deal));
  return 0;
}

static gboolean
parse_answer (const char    *text,
              RapportAnswer *answer)
{
  if (g_ascii_strcasecmp (text, "yes") == 0)
    *answer = RAPPORT_ANSWER_YES;
  else if (g_ascii_strcasecmp (text, "no") == 0)
    *answer = RAPPORT_ANSWER_NO;
  else if (g_ascii_strcasecmp (text, "unknown") == 0)
    *answer = RAPPORT_ANSWER_UNKNOWN;
  else
    return FALSE;

  return TRUE;
}

static int
cmd_deal_bant (Cli   *cli,
               int    argc,
               char **argv)
{
  static const char usage[] =
    "deal bant ID [--budget yes|no] [--authority yes|no] [--need yes|no] [--timeline yes|no]";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  char *answers[4] = { NULL, };
  GOptionEntry entries[] = {
    { "budget", 0, 0, G_OPTION_ARG_STRING, &answers[RAPPORT_BANT_BUDGET], NULL, NULL },
    { "authority", 0, 0, G_OPTION_ARG_STRING, &answers[RAPPORT_BANT_AUTHORITY], NULL, NULL },
    { "need", 0, 0, G_OPTION_ARG_STRING, &answers[RAPPORT_BANT_NEED], NULL, NULL },
    { "timeline", 0, 0, G_OPTION_ARG_STRING, &answers[RAPPORT_BANT_TIMELINE], NULL, NULL },
    { NULL }
  };
  RapportBantAnswer parsed[4];
  guint n_parsed = 0;
  int status = 0;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    goto out;
  if (argc != 2)
    {
      status = usage_error (usage, NULL);
      goto out;
    }

  /* Every answer is read before anything is written. */
  for (guint i = 0; i < 4; i++)
    if (answers[i] != NULL)
      {
        parsed[n_parsed].item = (RapportBantItem) i;
        if (!parse_answer (answers[i], &parsed[n_parsed++].answer))
          {
            status = usage_error (usage, _("answers are yes, no or unknown"));
            goto out;
          }
      }

  if ((deal = find_deal (cli, argv[1], &error)) == NULL)
    {
      status = user_error (error);
      goto out;
    }

  /* All the answers or none: one transaction. */
  if (!rapport_store_set_bant_answers (cli->store, deal, parsed, n_parsed, &error))
    {
      status = user_error (error);
      goto out;
    }

  g_print (rapport_deal_get_qualified (deal) ? _("Qualified — %d of 4\n") : _("Not qualified — %d of 4\n"),
           rapport_deal_get_bant_score (deal));

out:
  for (guint i = 0; i < 4; i++)
    g_free (answers[i]);
  return status;
}

static void
print_bant_notes (RapportDeal *deal)
{
  const struct
  {
    const char *label;
    const char *note;
  } items[] = {
    /* Translators: the BANT notes of a deal, "Budget: <what was said>" */
    { N_("Budget"), rapport_deal_get_bant_budget_note (deal) },
    { N_("Authority"), rapport_deal_get_bant_authority_note (deal) },
    { N_("Need"), rapport_deal_get_bant_need_note (deal) },
    { N_("Timeline"), rapport_deal_get_bant_timeline_note (deal) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    if (items[i].note != NULL && *items[i].note != '\0')
      g_print ("  %s: %s\n", _(items[i].label), items[i].note);
}

static gboolean
print_playbook (RapportStore  *store,
                RapportDeal   *deal,
                RapportStage  *stage,
                GError       **error)
{
  g_autoptr(GPtrArray) actions = rapport_store_get_stage_actions (store, stage, error);
  g_autoptr(GHashTable) done = NULL;

  if (actions == NULL || (done = rapport_store_get_done_actions (store, deal, error)) == NULL)
    return FALSE;

  if (actions->len > 0)
    g_print (_("Playbook:\n"));
  for (guint i = 0; i < actions->len; i++)
    {
      RapportStageAction *action = actions->pdata[i];
      gint64 id = rapport_record_get_id (RAPPORT_RECORD (action));

      g_print ("  %s %s\n", g_hash_table_contains (done, &id) ? "[x]" : "[ ]",
               rapport_stage_action_get_action (action));
    }

  return TRUE;
}

static void
print_negotiation (GListModel *entries)
{
  guint n = g_list_model_get_n_items (entries);

  if (n > 0)
    g_print (_("Negotiation:\n"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportNegotiationEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *amount = NULL;
      g_autofree char *text = field (rapport_negotiation_entry_get_text (entry));

      if (rapport_negotiation_entry_get_amount (entry) > 0)
        amount = rapport_money_format (rapport_negotiation_entry_get_amount (entry),
                                       rapport_negotiation_entry_get_currency (entry));

      g_print ("  %" G_GINT64_FORMAT "\t%s\t%s\t%s\n", rapport_record_get_id (RAPPORT_RECORD (entry)),
               rapport_json_negotiation_kind (rapport_negotiation_entry_get_kind (entry)),
               or_empty (amount), text);
    }
}

static int
cmd_deal_show (Cli   *cli,
               int    argc,
               char **argv)
{
  static const char usage[] = "deal show ID [--json]";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  g_autoptr(RapportStage) stage = NULL;
  g_autoptr(GListModel) negotiation = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GListModel) activities = NULL;
  g_autofree char *value = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (usage, NULL);
  if ((deal = find_deal (cli, argv[1], &error)) == NULL)
    return user_error (error);

  if (json)
    {
      JsonNode *node = rapport_json_deal_details (cli->store, deal, &error);

      if (node == NULL)
        return user_error (error);
      rapport_json_print (node);
      return 0;
    }

  stage = rapport_store_get_stage (cli->store, rapport_deal_get_stage_id (deal), NULL);
  negotiation = rapport_store_get_negotiation (cli->store, rapport_record_get_id (RAPPORT_RECORD (deal)));
  notes = rapport_store_get_deal_notes (cli->store, rapport_record_get_id (RAPPORT_RECORD (deal)));
  activities = rapport_store_get_deal_activities (cli->store, rapport_record_get_id (RAPPORT_RECORD (deal)));
  value = rapport_money_format (rapport_deal_get_value (deal), rapport_deal_get_currency (deal));
  g_print ("%s\n", rapport_deal_get_title (deal));
  g_print (_("Value: %s\n"), value);
  g_print (_("Stage: %s\n"), stage ? rapport_stage_get_name (stage) : "");
  g_print (_("Owner: %s\n"), or_empty (rapport_deal_get_owner (deal)));
  g_print (rapport_deal_get_qualified (deal) ? _("Qualified — %d of 4\n") : _("Not qualified — %d of 4\n"),
           rapport_deal_get_bant_score (deal));
  print_bant_notes (deal);
  if (stage != NULL && !print_playbook (cli->store, deal, stage, &error))
    return user_error (error);
  print_negotiation (negotiation);
  print_notes (notes);
  print_activities (activities);

  return 0;
}

/* id → position of every open deal of the current pipeline, in one pass per
 * stage rather than a count per deal. */
static GHashTable *
open_deal_positions (RapportStore *store)
{
  g_autoptr(RapportPipeline) pipeline = rapport_store_get_current_pipeline (store);
  GHashTable *positions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GListModel *stages = rapport_store_get_stages (store, pipeline);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);
      g_autoptr(GPtrArray) ids = rapport_store_list_deal_ids (store, stage, NULL);

      for (guint j = 0; ids != NULL && j < ids->len; j++)
        g_hash_table_insert (positions, g_memdup2 (ids->pdata[j], sizeof (gint64)), GINT_TO_POINTER (j));
    }

  return positions;
}

static gboolean
list_deal (gpointer   record,
           gpointer   user_data,
           GError   **error)
{
  RapportDeal *deal = record;
  Listing *listing = user_data;
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (deal));

  if (listing->json != NULL)
    {
      gpointer position;

      rapport_json_stream_add (listing->json,
                               rapport_json_deal (listing->store, deal,
                                                  g_hash_table_lookup_extended (listing->positions, &id,
                                                                                NULL, &position)
                                                  ? GPOINTER_TO_INT (position) : -1,
                                                  FALSE));
    }
  else
    {
      g_autofree char *value = rapport_money_to_plain (rapport_deal_get_value (deal),
                                                       rapport_deal_get_currency (deal));
      g_autofree char *title = field (rapport_deal_get_title (deal));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s %s\n", id, title, value, rapport_deal_get_currency (deal));
    }

  return check_output (error);
}

static int
cmd_deal_list (Cli   *cli,
               int    argc,
               char **argv)
{
  static const char usage[] = "deal list [--stage ID|NAME] [--json]";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStage) stage = NULL;
  g_autofree char *stage_name = NULL;
  g_autoptr(GHashTable) positions = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_name, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  Listing listing = { NULL, };
  gboolean ok;
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return usage_error (usage, NULL);
  if (open_store (cli, &error) == NULL ||
      (stage_name != NULL && (stage = rapport_store_find_stage (cli->store, stage_name, &error)) == NULL))
    return user_error (error);

  listing.store = cli->store;
  if (json)
    {
      listing.positions = positions = open_deal_positions (cli->store);
      listing.json = rapport_json_stream_begin ();
    }
  ok = rapport_store_foreach_deal (cli->store, stage, list_deal, &listing, &error);
  if (listing.json != NULL)
    rapport_json_stream_end (listing.json);
  if (!ok || !finish_output (&error))
    return user_error (error);

  return 0;
}

/* activity and follow-ups */

static int
cmd_activity_log (Cli   *cli,
                  int    argc,
                  char **argv)
{
  static const char usage[] = "activity log CONTACT_ID call|email|meeting [--deal ID] [--note TEXT]";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportActivity) activity = NULL;
  g_autofree char *deal = NULL, *note = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "deal", 0, 0, G_OPTION_ARG_STRING, &deal, NULL, NULL },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  RapportActivityKind kind;
  gint64 contact_id = 0, deal_id = 0;
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return usage_error (usage, NULL);

  if (g_str_equal (argv[2], "call"))
    kind = RAPPORT_ACTIVITY_CALL;
  else if (g_str_equal (argv[2], "email"))
    kind = RAPPORT_ACTIVITY_EMAIL;
  else if (g_str_equal (argv[2], "meeting"))
    kind = RAPPORT_ACTIVITY_MEETING;
  else
    return usage_error (usage, _("the kind is call, email or meeting"));

  if (!require_id (argv[1], ID_CONTACT, &contact_id, &error) ||
      (deal != NULL && !require_id (deal, ID_DEAL, &deal_id, &error)) ||
      open_store (cli, &error) == NULL ||
      (activity = rapport_store_log_activity (cli->store, contact_id, deal_id, kind, note, &error)) == NULL)
    return user_error (error);

  if (json)
    rapport_json_print (rapport_json_followup (activity));
  else
    g_print (_("Logged %s %lld\n"), rapport_activity_get_title (activity),
             (long long) rapport_record_get_id (RAPPORT_RECORD (activity)));

  return 0;
}

static gboolean
list_followup (gpointer   record,
               gpointer   user_data,
               GError   **error)
{
  RapportActivity *activity = record;
  Listing *listing = user_data;

  if (listing->json != NULL)
    rapport_json_stream_add (listing->json, rapport_json_followup (activity));
  else
    {
      gint64 when = rapport_activity_get_snoozed_until (activity)
        ? rapport_activity_get_snoozed_until (activity) : rapport_activity_get_due_at (activity);
      g_autofree char *text = rapport_time_to_iso8601 (when);
      g_autofree char *title = field (rapport_activity_get_title (activity));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n", rapport_record_get_id (RAPPORT_RECORD (activity)),
               text, title);
    }

  return check_output (error);
}

static int
cmd_followup_list (Cli   *cli,
                   int    argc,
                   char **argv)
{
  static const char usage[] = "followup list [--due] [--json]";
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE, due = FALSE;
  GOptionEntry entries[] = {
    { "due", 0, 0, G_OPTION_ARG_NONE, &due, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  Listing listing = { NULL, };
  gboolean ok;
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return usage_error (usage, NULL);
  if (open_store (cli, &error) == NULL)
    return user_error (error);

  listing.store = cli->store;
  listing.json = json ? rapport_json_stream_begin () : NULL;
  ok = rapport_store_foreach_followup (cli->store, due, list_followup, &listing, &error);
  if (listing.json != NULL)
    rapport_json_stream_end (listing.json);
  if (!ok || !finish_output (&error))
    return user_error (error);

  return 0;
}

static RapportActivity *
find_followup (Cli         *cli,
               const char  *text,
               GError     **error)
{
  gint64 id;

  if (!require_id (text, ID_FOLLOWUP, &id, error) || open_store (cli, error) == NULL)
    return NULL;

  return rapport_store_get_activity (cli->store, id, error);
}

static int
cmd_followup_done (Cli   *cli,
                   int    argc,
                   char **argv)
{
  static const char usage[] = "followup done ID";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportActivity) activity = NULL;
  GOptionEntry entries[] = { { NULL } };
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (usage, NULL);
  if ((activity = find_followup (cli, argv[1], &error)) == NULL ||
      !rapport_store_complete_activity (cli->store, activity, &error))
    return user_error (error);

  g_print (_("Done: %s\n"), rapport_activity_get_title (activity));
  return 0;
}

static int
cmd_followup_snooze (Cli   *cli,
                     int    argc,
                     char **argv)
{
  static const char usage[] = "followup snooze ID MINUTES";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportActivity) activity = NULL;
  g_autofree char *until = NULL;
  GOptionEntry entries[] = { { NULL } };
  gint64 minutes;
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return usage_error (usage, NULL);
  if (!rapport_id_parse (argv[2], &minutes) || minutes > 60 * 24 * 366)
    {
      g_autofree char *quoted = rapport_text_quote (argv[2]);

      g_set_error (&error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a number of minutes between 1 and a year"), quoted);
      return user_error (error);
    }
  if ((activity = find_followup (cli, argv[1], &error)) == NULL ||
      !rapport_store_snooze_activity (cli->store, activity,
                                      rapport_store_now (cli->store) + minutes * 60, &error))
    return user_error (error);

  until = rapport_time_to_iso8601 (rapport_activity_get_snoozed_until (activity));
  g_print (_("Snoozed “%s” until %s\n"), rapport_activity_get_title (activity), until);
  return 0;
}

/* organizations, search, notes and negotiation */

static gboolean
list_organization (gpointer   record,
                   gpointer   user_data,
                   GError   **error)
{
  RapportOrganization *organization = record;
  Listing *listing = user_data;

  if (listing->json != NULL)
    rapport_json_stream_add (listing->json, rapport_json_organization (organization));
  else
    {
      g_autofree char *name = field (rapport_organization_get_name (organization));
      g_autofree char *website = field (rapport_organization_get_website (organization));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n", rapport_record_get_id (RAPPORT_RECORD (organization)),
               name, website);
    }

  return check_output (error);
}

static int
cmd_org_list (Cli   *cli,
              int    argc,
              char **argv)
{
  static const char usage[] = "org list [--json]";
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  Listing listing = { NULL, };
  gboolean ok;
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return usage_error (usage, NULL);
  if (open_store (cli, &error) == NULL)
    return user_error (error);

  listing.store = cli->store;
  listing.json = json ? rapport_json_stream_begin () : NULL;
  ok = rapport_store_foreach_organization (cli->store, list_organization, &listing, &error);
  if (listing.json != NULL)
    rapport_json_stream_end (listing.json);
  if (!ok || !finish_output (&error))
    return user_error (error);

  return 0;
}

static void
print_organization (RapportStore        *store,
                    RapportOrganization *organization)
{
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (organization));
  g_autoptr(GListModel) contacts = rapport_store_get_organization_contacts (store, id);
  g_autoptr(GListModel) deals = rapport_store_get_organization_deals (store, id);
  g_autoptr(GListModel) notes = rapport_store_get_organization_notes (store, id);
  g_autofree char *total = NULL;
  guint n_won = 0;
  gint64 won_total = 0;

  rapport_store_get_organization_won (store, id, &n_won, &won_total);
  total = rapport_money_format (won_total, rapport_store_get_default_currency (store));

  g_print ("%s\n", rapport_organization_get_name (organization));
  g_print (_("Website: %s\n"), or_empty (rapport_organization_get_website (organization)));
  g_print (_("Phone: %s\n"), or_empty (rapport_organization_get_phone (organization)));
  /* Translators: "Won: 3 deals, $12,000.00" */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Won: %u deal, %s\n", "Won: %u deals, %s\n", n_won), n_won, total);
  print_id_list (_("Contacts:"), contacts);
  print_id_list (_("Deals:"), deals);
  print_notes (notes);
}

static int
cmd_org_show (Cli   *cli,
              int    argc,
              char **argv)
{
  static const char usage[] = "org show ID [--json]";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportOrganization) organization = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  gint64 id;
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (usage, NULL);
  if (!require_id (argv[1], ID_ORGANIZATION, &id, &error) || open_store (cli, &error) == NULL ||
      (organization = rapport_store_get_organization (cli->store, id, &error)) == NULL)
    return user_error (error);

  if (json)
    rapport_json_print (rapport_json_organization_details (cli->store, organization));
  else
    print_organization (cli->store, organization);

  return 0;
}

/* The name a search hit shows: a contact's or organization's name, a
 * deal's title; NULL if it is gone. */
static char *
hit_name (RapportStore           *store,
          const RapportSearchHit *hit)
{
  switch (hit->kind)
    {
    case RAPPORT_SEARCH_CONTACT:
      {
        g_autoptr(RapportContact) contact = rapport_store_get_contact (store, hit->id, NULL);
        return contact ? g_strdup (rapport_contact_get_name (contact)) : NULL;
      }
    case RAPPORT_SEARCH_ORGANIZATION:
      {
        g_autoptr(RapportOrganization) organization = rapport_store_get_organization (store, hit->id, NULL);
        return organization ? g_strdup (rapport_organization_get_name (organization)) : NULL;
      }
    case RAPPORT_SEARCH_DEAL:
      {
        g_autoptr(RapportDeal) deal = rapport_store_get_deal (store, hit->id, NULL);
        return deal ? g_strdup (rapport_deal_get_title (deal)) : NULL;
      }
    default:
      return NULL;
    }
}

static int
cmd_search (Cli   *cli,
            int    argc,
            char **argv)
{
  static const char usage[] = "search TEXT [--limit N] [--json]";
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  gboolean json = FALSE;
  int limit = 10;
  GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (usage, NULL);
  if (limit < 1 || limit > 10000)
    return usage_error (usage, _("--limit takes 1 to 10 000"));
  if (open_store (cli, &error) == NULL ||
      (hits = rapport_store_search (cli->store, argv[1], (guint) limit, &error)) == NULL)
    return user_error (error);

  for (guint i = 0; i < hits->len; i++)
    {
      const RapportSearchHit *hit = &g_array_index (hits, RapportSearchHit, i);
      g_autofree char *name = hit_name (cli->store, hit);
      g_autofree char *shown = field (name);

      if (json)
        json_array_add_element (array, rapport_json_search_hit (name, hit));
      else
        g_print ("%s\t%" G_GINT64_FORMAT "\t%s\n", rapport_json_search_kind (hit->kind), hit->id, shown);
    }

  if (json)
    rapport_json_print_array (array);

  return 0;
}

static int
cmd_note_add (Cli   *cli,
              int    argc,
              char **argv)
{
  static const char usage[] = "note add (--contact ID | --deal ID | --org ID) TEXT [--json]";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportNote) note = NULL;
  g_autofree char *contact = NULL, *deal = NULL, *org = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "contact", 0, 0, G_OPTION_ARG_STRING, &contact, NULL, NULL },
    { "deal", 0, 0, G_OPTION_ARG_STRING, &deal, NULL, NULL },
    { "org", 0, 0, G_OPTION_ARG_STRING, &org, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  gint64 contact_id = 0, deal_id = 0, org_id = 0;
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (usage, NULL);
  if ((contact != NULL) + (deal != NULL) + (org != NULL) != 1)
    return usage_error (usage, _("a note belongs to one contact, deal or organization"));

  if ((contact != NULL && !require_id (contact, ID_CONTACT, &contact_id, &error)) ||
      (deal != NULL && !require_id (deal, ID_DEAL, &deal_id, &error)) ||
      (org != NULL && !require_id (org, ID_ORGANIZATION, &org_id, &error)) ||
      open_store (cli, &error) == NULL ||
      (note = rapport_store_add_note (cli->store, contact_id, deal_id, org_id, argv[1], &error)) == NULL)
    return user_error (error);

  if (json)
    rapport_json_print (rapport_json_note (note));
  else
    g_print (_("Added note %lld\n"), (long long) rapport_record_get_id (RAPPORT_RECORD (note)));

  return 0;
}

static gboolean
parse_negotiation_kind (const char             *text,
                        RapportNegotiationKind *kind)
{
  static const struct
  {
    const char *word;
    RapportNegotiationKind kind;
  } kinds[] = {
    { "offer", RAPPORT_NEGOTIATION_OFFER },
    { "counter-offer", RAPPORT_NEGOTIATION_COUNTER_OFFER },
    { "counter_offer", RAPPORT_NEGOTIATION_COUNTER_OFFER },
    { "objection", RAPPORT_NEGOTIATION_OBJECTION },
    { "concession", RAPPORT_NEGOTIATION_CONCESSION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (text, kinds[i].word))
      {
        *kind = kinds[i].kind;
        return TRUE;
      }

  return FALSE;
}

static int
cmd_deal_negotiate (Cli   *cli,
                    int    argc,
                    char **argv)
{
  static const char usage[] =
    "deal negotiate ID offer|counter-offer|objection|concession [--amount AMOUNT] [--text TEXT] [--json]";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  g_autoptr(RapportNegotiationEntry) entry = NULL;
  g_autofree char *amount_text = NULL, *text = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount_text, NULL, NULL },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  RapportNegotiationKind kind;
  gint64 amount = 0;
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return usage_error (usage, NULL);
  if (!parse_negotiation_kind (argv[2], &kind))
    return usage_error (usage, _("the kind is offer, counter-offer, objection or concession"));

  /* The amount is in the deal's currency. */
  if ((deal = find_deal (cli, argv[1], &error)) == NULL ||
      (amount_text != NULL &&
       !rapport_money_parse (amount_text, rapport_deal_get_currency (deal), &amount, &error)) ||
      (entry = rapport_store_add_negotiation_entry (cli->store, deal, kind, amount, text, &error)) == NULL)
    return user_error (error);

  if (json)
    rapport_json_print (rapport_json_negotiation_entry (entry));
  else
    g_print (_("Added %s %lld to deal %lld\n"), rapport_json_negotiation_kind (kind),
             (long long) rapport_record_get_id (RAPPORT_RECORD (entry)),
             (long long) rapport_record_get_id (RAPPORT_RECORD (deal)));

  return 0;
}

/* reports */

static int
cmd_report_speed_to_lead (Cli   *cli,
                          int    argc,
                          char **argv)
{
  static const char usage[] = "report speed-to-lead [--json]";
  g_autoptr(GError) error = NULL;
  RapportSpeedToLead stats;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return usage_error (usage, NULL);
  if (open_store (cli, &error) == NULL || !rapport_store_get_speed_to_lead (cli->store, &stats, &error))
    return user_error (error);

  if (json)
    rapport_json_print (rapport_json_speed_to_lead (&stats));
  else
    {
      g_print (_("Leads: %u (speed-to-lead time %d minutes)\n"), stats.n_leads, stats.minutes);
      g_print (_("First contacted: %u, of which within the time: %u (%.1f%% of all leads)\n"),
               stats.n_contacted, stats.n_within,
               stats.n_leads ? 100.0 * stats.n_within / stats.n_leads : 0.0);
      g_print (_("Median time to first contact: %lld min\n"), (long long) stats.median_seconds / 60);
      g_print (_("Still waiting: %u, of which past the time: %u\n"), stats.n_waiting, stats.n_waiting_late);
    }

  return 0;
}

/* demo and check */

static int
cmd_demo (Cli   *cli,
          int    argc,
          char **argv)
{
  static const char usage[] = "demo [--deals N] [--contacts N] [--seed N]";
  g_autoptr(GError) error = NULL;
  int deals = 300, contacts = 600, seed = 42;
  GOptionEntry entries[] = {
    { "deals", 0, 0, G_OPTION_ARG_INT, &deals, NULL, NULL },
    { "contacts", 0, 0, G_OPTION_ARG_INT, &contacts, NULL, NULL },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, NULL, NULL },
    { NULL }
  };
  gint64 start;
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return usage_error (usage, NULL);
  if (deals < 0 || deals > 1000000 || contacts < 0 || contacts > 2000000)
    return usage_error (usage, _("--deals and --contacts take 0 to 1 000 000 and 2 000 000"));
  if (open_store (cli, &error) == NULL)
    return user_error (error);

  start = g_get_monotonic_time ();
  if (!rapport_store_fill_demo (cli->store, (guint) deals, (guint) contacts, (guint32) seed, &error))
    return user_error (error);

  g_print (_("Added %d demo deals and %d contacts in %.1f s\n"),
           deals, contacts, (g_get_monotonic_time () - start) / 1e6);
  return 0;
}

static int
cmd_check (Cli   *cli,
           int    argc,
           char **argv)
{
  static const char usage[] = "check";
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  GOptionEntry entries[] = { { NULL } };
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return usage_error (usage, NULL);
  if (open_store (cli, &error) == NULL)
    return user_error (error);

  if (!rapport_store_check (cli->store, &report, &error))
    {
      g_printerr ("%s", report ? report : "");
      return user_error (error);
    }

  g_print (_("The database is sound: %s\n"), rapport_store_get_path (cli->store));
  return 0;
}

static int
cmd_backup (Cli   *cli,
            int    argc,
            char **argv)
{
  static const char usage[] = "backup FILE";
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (usage, NULL);
  if (open_store (cli, &error) == NULL || !rapport_store_backup (cli->store, argv[1], &error))
    return user_error (error);

  g_print (_("Backed up %s to %s\n"), rapport_store_get_path (cli->store), argv[1]);
  return 0;
}

static int
cmd_restore (Cli   *cli,
             int    argc,
             char **argv)
{
  static const char usage[] = "restore FILE";
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  GOptionEntry entries[] = { { NULL } };
  int status;

  if (!parse_options (usage, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (usage, NULL);
  if (open_store (cli, &error) == NULL ||
      !rapport_store_restore (cli->store, argv[1], &saved, &error))
    return user_error (error);

  g_print (_("Restored %s from %s; the data it held before is saved in %s\n"),
           rapport_store_get_path (cli->store), argv[1], saved);
  return 0;
}

/* Commands that only read open the file for reading: a look at a backup
 * or an older file never upgrades it. */
static gboolean
command_only_reads (const char *group,
                    const char *name)
{
  static const char * const readers[] = {
    "stage list", "org list", "org show", "contact list", "contact show", "deal show",
    "deal list", "search", "followup list", "report speed-to-lead", "check", "backup",
  };
  g_autofree char *full = group ? g_strdup_printf ("%s %s", group, name) : g_strdup (name);

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    if (g_str_equal (readers[i], full))
      return TRUE;

  return FALSE;
}

static const Command commands[] = {
  { NULL, "init", cmd_init, "init [--template classic5|cycle7|repeat5|consultative7|field7]" },
  { "stage", "list", cmd_stage_list, "stage list [--json]" },
  { "org", "add", cmd_org_add, "org add NAME [--json]" },
  { "org", "list", cmd_org_list, "org list [--json]" },
  { "org", "show", cmd_org_show, "org show ID [--json]" },
  { "contact", "add", cmd_contact_add,
    "contact add NAME [--email E] [--phone P] [--org ID] [--lead] [--created-at ISO8601] [--json]" },
  { "contact", "list", cmd_contact_list, "contact list [--json]" },
  { "contact", "show", cmd_contact_show, "contact show ID [--json]" },
  { "deal", "add", cmd_deal_add,
    "deal add TITLE --value AMOUNT [--currency CODE] [--contact ID] [--org ID] [--stage ID|NAME]"
    " [--close YYYY-MM-DD] [--owner NAME] [--json]" },
  { "deal", "move", cmd_deal_move, "deal move ID STAGE_ID|STAGE_NAME [--position N]" },
  { "deal", "won", cmd_deal_won, "deal won ID" },
  { "deal", "lost", cmd_deal_lost, "deal lost ID --reason TEXT" },
  { "deal", "bant", cmd_deal_bant,
    "deal bant ID [--budget yes|no] [--authority yes|no] [--need yes|no] [--timeline yes|no]" },
  { "deal", "show", cmd_deal_show, "deal show ID [--json]" },
  { "deal", "list", cmd_deal_list, "deal list [--stage ID|NAME] [--json]" },
  { "deal", "negotiate", cmd_deal_negotiate,
    "deal negotiate ID offer|counter-offer|objection|concession [--amount AMOUNT] [--text TEXT] [--json]" },
  { "note", "add", cmd_note_add, "note add (--contact ID | --deal ID | --org ID) TEXT [--json]" },
  { NULL, "search", cmd_search, "search TEXT [--limit N] [--json]" },
  { "activity", "log", cmd_activity_log,
    "activity log CONTACT_ID call|email|meeting [--deal ID] [--note TEXT]" },
  { "followup", "list", cmd_followup_list, "followup list [--due] [--json]" },
  { "followup", "done", cmd_followup_done, "followup done ID" },
  { "followup", "snooze", cmd_followup_snooze, "followup snooze ID MINUTES" },
  { "report", "speed-to-lead", cmd_report_speed_to_lead, "report speed-to-lead [--json]" },
  { NULL, "demo", cmd_demo, "demo [--deals N] [--contacts N] [--seed N]" },
  { NULL, "check", cmd_check, "check" },
  { NULL, "backup", cmd_backup, "backup FILE" },
  { NULL, "restore", cmd_restore, "restore FILE" },
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s", _("Usage: rapport-cli [--db FILE] COMMAND [ARGS…]\n\n"
                        "Rapport's command line: the same data as the app, for scripts.\n"
                        "Without --db it uses the app's database in $XDG_DATA_HOME/rapport.\n\n"
                        "Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %s\n", commands[i].usage);
}

/* What the CLI prints for people never carries a control character other
 * than tabs and newlines, nor invalid UTF-8: a name cannot move the cursor,
 * clear the screen or retitle the terminal (JSON is escaped by json-glib). */
static void
print_to_stdout (const char *text)
{
  g_autofree char *escaped = rapport_text_escape (text, TRUE);

  fputs (escaped, stdout);
}

static void
print_to_stderr (const char *text)
{
  g_autofree char *escaped = rapport_text_escape (text, TRUE);

  fputs (escaped, stderr);
}

int
main (int    argc,
      char **argv)
{
  Cli cli = { NULL, };
  g_autofree char *quoted = NULL;
  int first = 1;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_print_handler (print_to_stdout);
  g_set_printerr_handler (print_to_stderr);

  /* Global options come before the command. */
  while (first < argc && argv[first][0] == '-')
    {
      if (g_str_equal (argv[first], "--db") && first + 1 < argc)
        {
          cli.db_path = argv[first + 1];
          first += 2;
        }
      else if (g_str_has_prefix (argv[first], "--db="))
        cli.db_path = argv[first++] + strlen ("--db=");
      else if (g_str_equal (argv[first], "--help") || g_str_equal (argv[first], "-h"))
        {
          print_help (stdout);
          return 0;
        }
      else if (g_str_equal (argv[first], "--version"))
        {
          g_print ("rapport-cli %s\n", PACKAGE_VERSION);
          return 0;
        }
      else
        {
          quoted = rapport_text_quote (argv[first]);
          g_printerr (_("rapport-cli: unknown option %s\n"), quoted);
          print_help (stderr);
          return EXIT_USAGE;
        }
    }

  if (first >= argc)
    {
      print_help (stderr);
      return EXIT_USAGE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const Command *command = &commands[i];
      int skip;

      if (command->group == NULL && g_str_equal (argv[first], command->name))
        skip = first;
      else if (command->group != NULL && g_str_equal (argv[first], command->group) &&
               first + 1 < argc && g_str_equal (argv[first + 1], command->name))
        skip = first + 1;
      else
        continue;

      cli.read_only = command_only_reads (command->group, command->name);

      /* The command sees argv[0] as its own name, then its arguments. */
      status = command->func (&cli, argc - skip, argv + skip);
      g_clear_object (&cli.store);
      return status;
    }

  quoted = rapport_text_quote (argv[first]);
  g_printerr (_("rapport-cli: unknown command “%s”\n"), quoted);
  print_help (stderr);
  return EXIT_USAGE;
}
