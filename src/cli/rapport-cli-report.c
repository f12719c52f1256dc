/* rapport-cli-report.c — report speed-to-lead and summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include <math.h>

#include "rapport-cli-private.h"
#include "rapport-money.h"
#include "rapport-time.h"
#include "rapport-validate.h"

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

/* report summary */

#define DAY_SECONDS 86400


/* --from and --to are days, both included, in UTC. Without them the period
 * is the 30 days ending today; --from alone runs to today (or for 30 days,
 * if it is after today); --to alone is the 30 days ending then. */
static gboolean
parse_period (RapportCli          *cli,
              RapportReportQuery  *query,
              GError             **error)
{
  const char *from = rapport_cli_string (cli, "from");
  const char *to = rapport_cli_string (cli, "to");
  gint64 now = rapport_store_now (cli->store);
  gint64 first, last;

  if (to != NULL)
    {
      if (!rapport_cli_parse_day ("--to", to, &last, error))
        return FALSE;
    }
  else
    last = now - now % DAY_SECONDS - (now < 0 && now % DAY_SECONDS ? DAY_SECONDS : 0);

  if (from != NULL)
    {
      if (!rapport_cli_parse_day ("--from", from, &first, error))
        return FALSE;
      if (to == NULL && first > last)
        last = first + 29 * DAY_SECONDS;
    }
  else
    first = last - 29 * DAY_SECONDS;

  if (first > last)
    return rapport_cli_set_usage (error, _("--from must not be after --to"));

  query->from = first;
  query->to = last + DAY_SECONDS;
  return TRUE;
}

static char *
percent_or_none (double fraction)
{
  if (isnan (fraction))
    return g_strdup (_("none"));

  return g_strdup_printf ("%.1f%%", 100.0 * fraction);
}

static char *
number_or_none (double value)
{
  if (isnan (value))
    return g_strdup (_("none"));

  return g_strdup_printf ("%.1f", value);
}

static char *
money_or_none (double       value,
               const char  *currency)
{
  if (isnan (value))
    return g_strdup (_("none"));

  return rapport_money_format ((gint64) llround (value), currency);
}

static char *
day_of (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format (dt, "%Y-%m-%d");
}

static void
print_amounts (const RapportReportPeriod *period,
               const RapportReportPeriod *previous,
               const char                *currency)
{
  g_autofree char *won = rapport_money_format (period->won.value, currency);
  g_autofree char *won_before = rapport_money_format (previous->won.value, currency);
  g_autofree char *lost = rapport_money_format (period->lost.value, currency);
  g_autofree char *lost_before = rapport_money_format (previous->lost.value, currency);
  g_autofree char *rate = percent_or_none (period->win_rate);
  g_autofree char *rate_before = percent_or_none (previous->win_rate);
  g_autofree char *rate_value = percent_or_none (period->win_rate_value);
  g_autofree char *average = money_or_none (period->average_won_value, currency);
  g_autofree char *average_before = money_or_none (previous->average_won_value, currency);
  g_autofree char *cycle = number_or_none (period->cycle_days_average);
  g_autofree char *median = number_or_none (period->cycle_days_median);
  g_autofree char *open = rapport_money_format (period->open.value, currency);
  g_autofree char *weighted = rapport_money_format (period->open_weighted, currency);
  g_autofree char *velocity = money_or_none (period->velocity_per_day, currency);
  g_autofree char *velocity_before = money_or_none (previous->velocity_per_day, currency);

  g_print (_("Won: %u deals, %s (previous period: %u, %s)\n"), period->won.count, won, previous->won.count, won_before);
  g_print (_("Lost: %u deals, %s (previous period: %u, %s)\n"), period->lost.count, lost, previous->lost.count, lost_before);
  g_print (_("Win rate: %s by count, %s by value (previous period: %s)\n"), rate, rate_value, rate_before);
  g_print (_("Average won deal: %s (previous period: %s)\n"), average, average_before);
  g_print (_("Sales cycle: %s days on average, %s days median\n"), cycle, median);
  g_print (_("Open at the end: %u deals, %s, weighted %s\n"), period->open.count, open, weighted);
  g_print (_("Sales velocity: %s per day (previous period: %s)\n"), velocity, velocity_before);
}

static void
print_activity (const RapportReportPeriod *period)
{
  const RapportReportSpeed *speed = &period->speed;
  g_autofree char *share = percent_or_none (speed->share);
  g_autofree char *median = number_or_none (speed->median_minutes);
  g_autofree char *p90 = number_or_none (speed->p90_minutes);

  g_print (_("New leads: %u; new deals: %u\n"), period->new_leads, period->new_deals);
  g_print (_("Speed to lead: %u of %u leads contacted within %d minutes (%s); median %s min, 90th percentile %s min\n"),
           speed->within, speed->leads, speed->minutes, share, median, p90);
  g_print (_("First contact after 0–5 min: %u, 5–15 min: %u, 15–60 min: %u, over 60 min: %u; never contacted: %u\n"),
           speed->buckets[0], speed->buckets[1], speed->buckets[2], speed->buckets[3], speed->never);
  g_print (_("Activities done: %u calls, %u emails, %u meetings, %u tasks, %u follow-ups\n"),
           period->activities[RAPPORT_ACTIVITY_CALL], period->activities[RAPPORT_ACTIVITY_EMAIL],
           period->activities[RAPPORT_ACTIVITY_MEETING], period->activities[RAPPORT_ACTIVITY_TASK],
           period->activities[RAPPORT_ACTIVITY_FOLLOWUP]);
}

static void
print_funnel (const RapportReportPeriod *period)
{
  if (period->funnel->len == 0)
    return;

  g_print ("%s\n", _("Funnel of the deals created in the period:"));
  for (guint i = 0; i < period->funnel->len; i++)
    {
      const RapportReportStage *stage = &g_array_index (period->funnel, RapportReportStage, i);
      g_autofree char *conversion = percent_or_none (stage->conversion);
      g_autofree char *cumulative = percent_or_none (stage->cumulative);
      g_autofree char *days = number_or_none (stage->median_days);

      g_print (_("  %s: %u reached, %u went on (%s), %s of the first stage, median %s days in it\n"),
               stage->name, stage->reached, stage->advanced, conversion, cumulative, days);
    }
}

static void
print_months (const RapportReport *report)
{
  g_print ("%s\n", _("Forecast of open deals by expected close month:"));
  for (guint i = 0; i < report->forecast->len; i++)
    {
      const RapportReportMonth *month = &g_array_index (report->forecast, RapportReportMonth, i);
      g_autofree char *value = rapport_money_format (month->value, report->currency);
      g_autofree char *weighted = rapport_money_format (month->weighted, report->currency);

      g_print (_("  %04d-%02d: %u deals, %s, weighted %s\n"), month->year, month->month, month->count, value, weighted);
    }

  g_print ("%s\n", _("Won by month:"));
  for (guint i = 0; i < report->won_by_month->len; i++)
    {
      const RapportReportMonth *month = &g_array_index (report->won_by_month, RapportReportMonth, i);
      g_autofree char *value = rapport_money_format (month->value, report->currency);

      g_print (_("  %04d-%02d: %u deals, %s\n"), month->year, month->month, month->count, value);
    }
}

static void
print_groups (const RapportReportPeriod *period,
              const char                *currency)
{
  for (guint i = 0; i < period->lost_reasons->len; i++)
    {
      const RapportReportGroup *group = &g_array_index (period->lost_reasons, RapportReportGroup, i);
      g_autofree char *value = rapport_money_format (group->value, currency);

      g_print (_("Lost because “%s”: %u deals, %s\n"), group->name, group->count, value);
    }
  for (guint i = 0; i < period->won_by_source->len; i++)
    {
      const RapportReportGroup *group = &g_array_index (period->won_by_source, RapportReportGroup, i);
      g_autofree char *value = rapport_money_format (group->value, currency);

      if (*group->name == '\0')
        g_print (_("Won from contacts without a source: %u deals, %s\n"), group->count, value);
      else
        g_print (_("Won from “%s”: %u deals, %s\n"), group->name, group->count, value);
    }
  for (guint i = 0; i < period->owners->len; i++)
    {
      const RapportReportOwner *owner = &g_array_index (period->owners, RapportReportOwner, i);
      g_autofree char *value = rapport_money_format (owner->won_value, currency);
      g_autofree char *rate = percent_or_none (owner->win_rate);

      if (*owner->owner == '\0')
        g_print (_("Without an owner: %u won (%s), %u lost, win rate %s, %u activities\n"),
                 owner->won, value, owner->lost, rate, owner->activities);
      else
        g_print (_("%s: %u won (%s), %u lost, win rate %s, %u activities\n"),
                 owner->owner, owner->won, value, owner->lost, rate, owner->activities);
    }
}

static void
print_repeat (const RapportReportPeriod *period,
              const char                *currency)
{
  g_autofree char *share = percent_or_none (period->repeat.share);
  g_autofree char *value = rapport_money_format (period->repeat.value, currency);

  g_print (_("Repeat sales: %u of %u earlier customers bought again (%s), %u deals, %s\n"),
           period->repeat.repeat_customers, period->repeat.customers, share, period->repeat.repeat_deals, value);
  if (period->satisfaction.scores > 0)
    g_print (ngettext ("Satisfaction: %.1f of 5 on average, %u answer\n",
                       "Satisfaction: %.1f of 5 on average, %u answers\n", period->satisfaction.scores),
             period->satisfaction.average_score, period->satisfaction.scores);
  if (period->satisfaction.nps_answers > 0)
    /* Translators: the net promoter score (promoters less detractors, in percent) */
    g_print (ngettext ("Net promoter score: %+.0f, %u answer\n",
                       "Net promoter score: %+.0f, %u answers\n", period->satisfaction.nps_answers),
             period->satisfaction.nps, period->satisfaction.nps_answers);
  if (period->other_currencies.count > 0)
    g_print (_("Left out: %u deals in other currencies than %s\n"), period->other_currencies.count, currency);
}

static gboolean
cmd_report_summary (RapportCli  *cli,
                    GError     **error)
{
  RapportReportQuery query = { 0, };
  g_autoptr(RapportReport) report = NULL;
  g_autofree char *first = NULL, *last = NULL;

  if (!rapport_cli_pipeline_option (cli, &query.pipeline_id, error))
    return FALSE;
  if (rapport_cli_open_store (cli, error) == NULL || !parse_period (cli, &query, error))
    return FALSE;
  query.owner = rapport_cli_string (cli, "owner");

  if ((report = rapport_store_report_summary (cli->store, &query, error)) == NULL)
    return FALSE;

  if (cli->json)
    {
      JsonNode *goals = rapport_cli_goals_json (cli, error);

      if (goals == NULL)
        return FALSE;
      rapport_json_print (rapport_json_report (report, goals));
      return TRUE;
    }

  first = day_of (report->current.from);
  last = day_of (report->current.to - 1);
  g_print (_("From %s to %s, compared with the %lld days before\n"), first, last,
           (long long) ((report->current.to - report->current.from) / DAY_SECONDS));
  print_amounts (&report->current, &report->previous, report->currency);
  print_activity (&report->current);
  print_funnel (&report->current);
  print_months (report);
  print_groups (&report->current, report->currency);
  print_repeat (&report->current, report->currency);
  return TRUE;
}

static const RapportCliOption summary_options[] = {
  { "from", G_OPTION_ARG_STRING, 0 },
  { "to", G_OPTION_ARG_STRING, 0 },
  { "owner", G_OPTION_ARG_STRING, 0 },
  { "pipeline", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

const RapportCliCommand rapport_cli_report_commands[] = {
  { "report", "speed-to-lead", cmd_report_speed_to_lead, "report speed-to-lead [--json]",
    0, 0, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, NULL, NULL },
  { "report", "summary", cmd_report_summary,
    "report summary [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--owner NAME] [--pipeline ID] [--json]"
    " (default: the 30 days ending today, UTC)",
    0, 0, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, summary_options, NULL },
  { "report", "review", rapport_cli_report_review,
    "report review [--week YYYY-Www] [--owner NAME] [--output FILE.pdf] [--csv-dir DIR] [--force] [--json]"
    " (default: the last complete week, UTC)",
    0, 0, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, rapport_cli_review_options, NULL },
  { NULL }
};
