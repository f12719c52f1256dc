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

static gboolean
parse_activity_kind (const char          *text,
                     RapportActivityKind *kind)
{
  if (g_str_equal (text, "call"))
    *kind = RAPPORT_ACTIVITY_CALL;
  else if (g_str_equal (text, "email"))
    *kind = RAPPORT_ACTIVITY_EMAIL;
  else if (g_str_equal (text, "meeting"))
    *kind = RAPPORT_ACTIVITY_MEETING;
  else
    return FALSE;

  return TRUE;
}

static gboolean
cmd_activity_log (RapportCli  *cli,
                  GError     **error)
{
  const char *deal = rapport_cli_string (cli, "deal");
  g_autoptr(RapportActivity) activity = NULL;
  RapportActivityKind kind;
  gint64 contact_id = 0, deal_id = 0;

  if (!parse_activity_kind (cli->args[1], &kind))
    return rapport_cli_set_usage (error, _("the kind is call, email or meeting"));

  if (!rapport_cli_require_id (cli->args[0], RAPPORT_CLI_ID_CONTACT, &contact_id, error) ||
      (deal != NULL && !rapport_cli_require_id (deal, RAPPORT_CLI_ID_DEAL, &deal_id, error)) ||
      rapport_cli_open_store (cli, error) == NULL ||
      (activity = rapport_store_log_activity (cli->store, contact_id, deal_id, kind,
                                              rapport_cli_string (cli, "note"), error)) == NULL)
    return FALSE;

  if (cli->json)
    rapport_json_print (rapport_json_followup (activity));
  else
    g_print (_("Logged %s %lld\n"), rapport_activity_get_title (activity),
             (long long) rapport_record_get_id (RAPPORT_RECORD (activity)));

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

  if ((activity = rapport_cli_find_followup (cli, cli->args[0], error)) == NULL ||
      !rapport_store_complete_activity (cli->store, activity, error))
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
  { NULL }
};

static const RapportCliOption list_options[] = {
  { "due", G_OPTION_ARG_NONE, 0 },
  { NULL }
};

/* activity log takes --json though its usage line does not say so. */
const RapportCliCommand rapport_cli_followup_commands[] = {
  { "activity", "log", cmd_activity_log,
    "activity log CONTACT_ID call|email|meeting [--deal ID] [--note TEXT]",
    2, 2, RAPPORT_CLI_JSON, log_options, NULL },
  { "followup", "list", cmd_followup_list, "followup list [--due] [--json]",
    0, 0, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, list_options, NULL },
  { "followup", "done", cmd_followup_done, "followup done ID", 1, 1, 0, NULL, NULL },
  { "followup", "snooze", cmd_followup_snooze, "followup snooze ID MINUTES", 2, 2, 0, NULL, NULL },
  { NULL }
};
