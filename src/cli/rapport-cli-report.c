/* rapport-cli-report.c — report speed-to-lead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include "rapport-cli-private.h"

static gboolean
cmd_report_speed_to_lead (RapportCli  *cli,
                          GError     **error)
{
  RapportSpeedToLead stats;

  if (rapport_cli_open_store (cli, error) == NULL || !rapport_store_get_speed_to_lead (cli->store, &stats, error))
    return FALSE;

  if (cli->json)
    {
      rapport_json_print (rapport_json_speed_to_lead (&stats));
      return TRUE;
    }

  g_print (_("Leads: %u (speed-to-lead time %d minutes)\n"), stats.n_leads, stats.minutes);
  g_print (_("First contacted: %u, of which within the time: %u (%.1f%% of all leads)\n"),
           stats.n_contacted, stats.n_within,
           stats.n_leads ? 100.0 * stats.n_within / stats.n_leads : 0.0);
  g_print (_("Median time to first contact: %lld min\n"), (long long) stats.median_seconds / 60);
  g_print (_("Still waiting: %u, of which past the time: %u\n"), stats.n_waiting, stats.n_waiting_late);
  return TRUE;
}

const RapportCliCommand rapport_cli_report_commands[] = {
  { "report", "speed-to-lead", cmd_report_speed_to_lead, "report speed-to-lead [--json]",
    0, 0, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, NULL, NULL },
  { NULL }
};
