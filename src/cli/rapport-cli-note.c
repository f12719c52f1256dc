/* rapport-cli-note.c — note add
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include "rapport-cli-private.h"

static gboolean
cmd_note_add (RapportCli  *cli,
              GError     **error)
{
  const char *contact = rapport_cli_string (cli, "contact");
  const char *deal = rapport_cli_string (cli, "deal");
  const char *org = rapport_cli_string (cli, "org");
  g_autoptr(RapportNote) note = NULL;
  gint64 contact_id = 0, deal_id = 0, org_id = 0;

  if ((contact != NULL) + (deal != NULL) + (org != NULL) != 1)
    return rapport_cli_set_usage (error, _("a note belongs to one contact, deal or organization"));

  if ((contact != NULL && !rapport_cli_require_id (contact, RAPPORT_CLI_ID_CONTACT, &contact_id, error)) ||
      (deal != NULL && !rapport_cli_require_id (deal, RAPPORT_CLI_ID_DEAL, &deal_id, error)) ||
      (org != NULL && !rapport_cli_require_id (org, RAPPORT_CLI_ID_ORGANIZATION, &org_id, error)) ||
      rapport_cli_open_store (cli, error) == NULL ||
      (note = rapport_store_add_note (cli->store, contact_id, deal_id, org_id, cli->args[0], error)) == NULL)
    return FALSE;

  if (cli->json)
    rapport_json_print (rapport_json_note (note));
  else
    g_print (_("Added note %lld\n"), (long long) rapport_record_get_id (RAPPORT_RECORD (note)));

  return TRUE;
}

static const RapportCliOption add_options[] = {
  { "contact", G_OPTION_ARG_STRING, 0 },
  { "deal", G_OPTION_ARG_STRING, 0 },
  { "org", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

const RapportCliCommand rapport_cli_note_commands[] = {
  { "note", "add", cmd_note_add, "note add (--contact ID | --deal ID | --org ID) TEXT [--json]",
    1, 1, RAPPORT_CLI_JSON, add_options, NULL },
  { NULL }
};
