/* rapport-cli-followup.c — activity log, followup list, done and snooze,
 * and export followups (iCalendar)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include <stdio.h>

#include "rapport-cli-private.h"
#include "rapport-time.h"
#include "rapport-validate.h"

/* The outcomes as scripts write them: the enum's nicks
 * (connected, left-voicemail, no-answer, wrong-number, held, no-show). */
static gboolean
parse_outcome (const char              *text,
               RapportActivityOutcome  *outcome,
               GError                 **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (RAPPORT_TYPE_ACTIVITY_OUTCOME);
  GEnumValue *value = g_enum_get_value_by_nick (klass, text);

  if (value == NULL || value->value == RAPPORT_OUTCOME_NONE)
    return rapport_cli_set_usage (error, _("the outcome is connected, left-voicemail, no-answer, "
                                           "wrong-number (a call), held or no-show (a meeting)"));
  *outcome = value->value;
  return TRUE;
}

static gboolean
parse_minutes (const char  *text,
               int         *minutes,
               GError     **error)
{
  gint64 number;

  /* Minutes are written like ids: 30, not +30 or 030. */
  if (!rapport_id_parse (text, &number) || number > RAPPORT_ACTIVITY_MAX_MINUTES)
    {
      g_autofree char *quoted = rapport_text_quote (text);

      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a number of minutes between 1 and 1440"), quoted);
      return FALSE;
    }
  *minutes = (int) number;
  return TRUE;
}

/* The options of activity log, read into @log; --next-in is kept in
 * @next_in until the store is open (its clock says when now is). */
static gboolean
read_log_options (RapportCli          *cli,
                  RapportActivityLog  *log,
                  gint64              *next_in,
                  GError             **error)
{
  const char *deal = rapport_cli_string (cli, "deal");
  const char *outcome = rapport_cli_string (cli, "outcome");
  const char *duration = rapport_cli_string (cli, "duration");
  const char *at = rapport_cli_string (cli, "at");
  const char *in = rapport_cli_string (cli, "next-in");
  const char *next_kind = rapport_cli_string (cli, "next-kind");

  if (!rapport_cli_parse_activity_kind (cli->args[1], FALSE, &log->kind))
    return rapport_cli_set_usage (error, _("the kind is call, email or meeting"));
  log->next_kind = log->kind;
  if (next_kind != NULL && !rapport_cli_parse_activity_kind (next_kind, TRUE, &log->next_kind))
    return rapport_cli_set_usage (error, _("the next step is a call, email, meeting or task"));
  if ((next_kind != NULL || rapport_cli_string (cli, "next-title") != NULL) && in == NULL)
    return rapport_cli_set_usage (error, _("say when the next step is with --next-in"));

  log->note = rapport_cli_string (cli, "note");
  log->next_title = rapport_cli_string (cli, "next-title");

  return rapport_cli_require_id (cli->args[0], RAPPORT_CLI_ID_CONTACT, &log->contact_id, error) &&
         (deal == NULL || rapport_cli_require_id (deal, RAPPORT_CLI_ID_DEAL, &log->deal_id, error)) &&
         (outcome == NULL || parse_outcome (outcome, &log->outcome, error)) &&
         (duration == NULL || parse_minutes (duration, &log->duration_minutes, error)) &&
         (at == NULL || rapport_time_parse_iso8601 (at, &log->done_at, error)) &&
         (in == NULL || rapport_duration_parse (in, next_in, error));
}

static gboolean
cmd_activity_log (RapportCli  *cli,
                  GError     **error)
{
  g_autoptr(RapportActivity) activity = NULL;
  g_autoptr(RapportActivity) next = NULL;
  RapportActivityLog log = { 0, };
  gint64 next_in = 0;

  if (!read_log_options (cli, &log, &next_in, error) ||
      rapport_cli_open_store (cli, error) == NULL)
    return FALSE;

  if (next_in != 0)
    log.next_due_at = rapport_store_now (cli->store) + next_in;
  if ((activity = rapport_store_log_activity_full (cli->store, &log, &next, error)) == NULL)
    return FALSE;

  if (cli->json)
    {
      JsonNode *node = rapport_json_followup (activity);

      if (next != NULL)
        json_object_set_member (json_node_get_object (node), "next", rapport_json_followup (next));
      rapport_json_print (node);
    }
  else
    {
      g_print (_("Logged %s %lld\n"), rapport_activity_get_title (activity),
               (long long) rapport_record_get_id (RAPPORT_RECORD (activity)));
      if (next != NULL)
        {
          g_autofree char *due = rapport_time_to_iso8601 (rapport_activity_get_due_at (next));

          g_print (_("Next: “%s” %lld, due %s\n"), rapport_activity_get_title (next),
                   (long long) rapport_record_get_id (RAPPORT_RECORD (next)), due);
        }
    }

  return TRUE;
}

static gboolean
list_followup (gpointer   record,
               gpointer   user_data,
               GError   **error)
{
  RapportActivity *activity = record;
  RapportCliListing *listing = user_data;

  if (listing->json != NULL)
    rapport_json_stream_add (listing->json, rapport_json_followup (activity));
  else
    {
      gint64 when = rapport_activity_get_snoozed_until (activity)
        ? rapport_activity_get_snoozed_until (activity) : rapport_activity_get_due_at (activity);
      g_autofree char *text = rapport_time_to_iso8601 (when);
      g_autofree char *title = rapport_cli_field (rapport_activity_get_title (activity));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n", rapport_record_get_id (RAPPORT_RECORD (activity)),
               text, title);
    }

  return rapport_cli_check_output (error);
}

static gboolean
cmd_followup_list (RapportCli  *cli,
                   GError     **error)
{
  RapportCliListing listing = { NULL, };
  gboolean walked;

  if (!rapport_cli_listing_begin (cli, &listing, error))
    return FALSE;
  walked = rapport_store_foreach_followup (cli->store, rapport_cli_flag (cli, "due"),
                                           list_followup, &listing, error);
  return rapport_cli_listing_end (&listing, walked, error);
}

static gboolean
cmd_followup_done (RapportCli  *cli,
                   GError     **error)
{
  g_autoptr(RapportActivity) activity = NULL;

  if ((activity = rapport_cli_find_followup (cli, cli->args[0], error)) == NULL)
    return FALSE;

  /* A lead's follow-up done is the first contact, logged as a call as the
   * app's Mark Contacted does. */
  if (rapport_activity_awaits_first_contact (activity))
    {
      g_autoptr(RapportActivity) logged = rapport_store_mark_contacted (cli->store, activity, error);

      if (logged == NULL)
        return FALSE;
    }
  else if (!rapport_store_complete_activity (cli->store, activity, error))
    return FALSE;

  g_print (_("Done: %s\n"), rapport_activity_get_title (activity));
  return TRUE;
}

static gboolean
cmd_followup_snooze (RapportCli  *cli,
                     GError     **error)
{
  g_autoptr(RapportActivity) activity = NULL;
  g_autofree char *until = NULL;
  gint64 minutes;

  /* Minutes are written like ids: 30, not +30 or 030. */
  if (!rapport_id_parse (cli->args[1], &minutes) || minutes > 60 * 24 * 366)
    {
      g_autofree char *quoted = rapport_text_quote (cli->args[1]);

      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a number of minutes between 1 and a year"), quoted);
      return FALSE;
    }
  if ((activity = rapport_cli_find_followup (cli, cli->args[0], error)) == NULL ||
      !rapport_store_snooze_activity (cli->store, activity,
                                      rapport_store_now (cli->store) + minutes * 60, error))
    return FALSE;

  until = rapport_time_to_iso8601 (rapport_activity_get_snoozed_until (activity));
  g_print (_("Snoozed “%s” until %s\n"), rapport_activity_get_title (activity), until);
  return TRUE;
}

static const RapportCliOption log_options[] = {
  { "deal", G_OPTION_ARG_STRING, 0 },
  { "note", G_OPTION_ARG_STRING, 0 },
  { "outcome", G_OPTION_ARG_STRING, 0 },
  { "duration", G_OPTION_ARG_STRING, 0 },
  { "at", G_OPTION_ARG_STRING, 0 },
  { "next-in", G_OPTION_ARG_STRING, 0 },
  { "next-kind", G_OPTION_ARG_STRING, 0 },
  { "next-title", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

static const RapportCliOption list_options[] = {
  { "due", G_OPTION_ARG_NONE, 0 },
  { NULL }
};

/* activity log takes --json though its usage line does not say so. */
const RapportCliCommand rapport_cli_followup_commands[] = {
  { "activity", "log", cmd_activity_log,
    "activity log CONTACT_ID call|email|meeting [--deal ID] [--note TEXT] [--at TIME]"
    " [--outcome O] [--duration MIN] [--next-in 1h|1d|3d|1w] [--next-kind K] [--next-title T]",
    2, 2, RAPPORT_CLI_JSON, log_options, NULL },
  { "followup", "list", cmd_followup_list, "followup list [--due] [--json]",
    0, 0, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, list_options, NULL },
  { "followup", "done", cmd_followup_done, "followup done ID", 1, 1, 0, NULL, NULL },
  { "followup", "snooze", cmd_followup_snooze, "followup snooze ID MINUTES", 2, 2, 0, NULL, NULL },
  { NULL }
};
