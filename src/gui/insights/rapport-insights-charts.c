/* rapport-insights-charts.c — the Insights tab's charts, filled from a
 * report, and the words its figures share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each bar says its figure and is read aloud as a sentence; bars are
 * scaled to the largest of their chart (the funnel to its first stage).
 */

#define G_LOG_DOMAIN "rapport-insights-view"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "rapport-format.h"
#include "rapport-insights-charts.h"

/* Words */

char *
rapport_insights_format_money (const RapportReport *report,
                               double               minor_units)
{
  if (isnan (minor_units))
    return g_strdup (_("None"));

  return rapport_format_money_whole ((gint64) llround (minor_units), report->currency);
}

char *
rapport_insights_format_percent (double fraction)
{
  if (isnan (fraction))
    return g_strdup (_("None"));

  /* Translators: a percentage, as in “38%” */
  return g_strdup_printf (_("%.0f%%"), fraction * 100);
}

/* Charts */

static char *
format_month (const RapportReportMonth *month)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (month->year, month->month, 1, 0, 0, 0);

  return rapport_format_date_time (time, "yMMM", "%b %Y");
}

void
rapport_insights_fill_funnel (RapportBarList      *chart,
                              const RapportReport *report)
{
  GArray *funnel = report->current.funnel;
  guint first = funnel->len > 0 ? g_array_index (funnel, RapportReportStage, 0).reached : 0;

  rapport_bar_list_clear (chart);
  for (guint i = 0; i < funnel->len; i++)
    {
      const RapportReportStage *stage = &g_array_index (funnel, RapportReportStage, i);
      g_autofree char *conversion = rapport_insights_format_percent (stage->conversion);
      g_autofree char *value = NULL;
      g_autofree char *spoken = NULL;

      if (stage->reached == 0)
        value = g_strdup ("0");
      else
        /* Translators: a funnel stage: deals that reached it, and the share that went on */
        value = g_strdup_printf (_("%u · %s on"), stage->reached, conversion);
      /* Translators: a funnel stage read aloud */
      spoken = g_strdup_printf (_("%s: %u deals reached it, %s went on."),
                                stage->name, stage->reached, conversion);
      rapport_bar_list_append (chart, stage->name, value,
                               first ? (double) stage->reached / first : 0,
                               first ? (double) stage->advanced / first : 0,
                               spoken, TRUE);
    }
}

static gint64
largest_month_value (GArray *months)
{
  gint64 largest = 0;

  for (guint i = 0; i < months->len; i++)
    largest = MAX (largest, g_array_index (months, RapportReportMonth, i).value);

  return largest;
}

void
rapport_insights_fill_forecast (RapportBarList      *chart,
                                const RapportReport *report)
{
  GArray *forecast = report->forecast;
  gint64 largest = largest_month_value (forecast);

  rapport_bar_list_clear (chart);
  for (guint i = 0; i < forecast->len; i++)
    {
      const RapportReportMonth *month = &g_array_index (forecast, RapportReportMonth, i);
      g_autofree char *name = format_month (month);
      g_autofree char *total = rapport_insights_format_money (report, month->value);
      g_autofree char *weighted = rapport_insights_format_money (report, month->weighted);
      g_autofree char *value = NULL;
      g_autofree char *spoken = NULL;

      /* Translators: a forecast month: the open deals' value and its weighted part */
      value = g_strdup_printf (_("%s · %s weighted"), total, weighted);
      /* Translators: a forecast month read aloud */
      spoken = g_strdup_printf (_("%s: %u open deals expected to close, %s, weighted %s."),
                                name, month->count, total, weighted);
      rapport_bar_list_append (chart, name, value,
                               largest ? (double) month->value / largest : 0,
                               largest ? (double) month->weighted / largest : 0,
                               spoken, TRUE);
    }
}

void
rapport_insights_fill_won_by_month (RapportBarList      *chart,
                                    const RapportReport *report)
{
  GArray *months = report->won_by_month;
  gint64 largest = largest_month_value (months);

  rapport_bar_list_clear (chart);
  for (guint i = 0; i < months->len; i++)
    {
      const RapportReportMonth *month = &g_array_index (months, RapportReportMonth, i);
      g_autofree char *name = format_month (month);
      g_autofree char *value = rapport_insights_format_money (report, month->value);
      g_autofree char *spoken = NULL;

      /* Translators: a month's won deals read aloud */
      spoken = g_strdup_printf (_("%s: %u deals won, %s."), name, month->count, value);
      rapport_bar_list_append (chart, name, value,
                               largest ? (double) month->value / largest : 0, 0,
                               spoken, TRUE);
    }
}

void
rapport_insights_fill_speed (RapportBarList      *chart,
                             const RapportReport *report)
{
  const RapportReportSpeed *speed = &report->current.speed;
  const char *names[] = {
    _("Within 5 minutes"),
    _("5 to 15 minutes"),
    _("15 to 60 minutes"),
    _("Over an hour"),
    _("Not contacted"),
  };
  guint counts[] = { speed->buckets[0], speed->buckets[1], speed->buckets[2], speed->buckets[3], speed->never };

  rapport_bar_list_clear (chart);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *value = g_strdup_printf ("%u", counts[i]);
      /* Translators: a speed-to-lead bucket read aloud: “Within 5 minutes: 37 leads.” */
      g_autofree char *spoken = g_strdup_printf (_("%s: %u leads."), names[i], counts[i]);

      rapport_bar_list_append (chart, names[i], value,
                               speed->leads ? (double) counts[i] / speed->leads : 0, 0,
                               spoken, FALSE);
    }
}

void
rapport_insights_fill_lost_reasons (RapportBarList      *chart,
                                    const RapportReport *report)
{
  GArray *reasons = report->current.lost_reasons;
  guint largest = reasons->len ? g_array_index (reasons, RapportReportGroup, 0).count : 0;

  rapport_bar_list_clear (chart);
  for (guint i = 0; i < reasons->len; i++)
    {
      const RapportReportGroup *reason = &g_array_index (reasons, RapportReportGroup, i);
      const char *name = *reason->name ? reason->name : _("No reason given");
      g_autofree char *money = rapport_insights_format_money (report, reason->value);
      g_autofree char *value = g_strdup_printf ("%u · %s", reason->count, money);
      /* Translators: a lost reason read aloud */
      g_autofree char *spoken = g_strdup_printf (_("%s: %u deals lost, %s."), name, reason->count, money);

      rapport_bar_list_append (chart, name, value,
                               largest ? (double) reason->count / largest : 0, 0,
                               spoken, TRUE);
    }
}

void
rapport_insights_fill_owners (RapportBarList      *chart,
                              const RapportReport *report)
{
  GArray *owners = report->current.owners;
  gint64 largest = 0;

  for (guint i = 0; i < owners->len; i++)
    largest = MAX (largest, g_array_index (owners, RapportReportOwner, i).won_value);

  rapport_bar_list_clear (chart);
  for (guint i = 0; i < owners->len; i++)
    {
      const RapportReportOwner *owner = &g_array_index (owners, RapportReportOwner, i);
      const char *name = *owner->owner ? owner->owner : _("No owner");
      g_autofree char *money = rapport_insights_format_money (report, owner->won_value);
      g_autofree char *rate = rapport_insights_format_percent (owner->win_rate);
      g_autofree char *value = NULL;
      g_autofree char *spoken = NULL;

      /* Translators: an owner's figures: won value, won and lost deals, win rate */
      value = g_strdup_printf (_("%s · %u won, %u lost · %s"), money, owner->won, owner->lost, rate);
      /* Translators: an owner's figures read aloud */
      spoken = g_strdup_printf (_("%s: %s won in %u deals, %u lost, win rate %s, %u activities done."),
                                name, money, owner->won, owner->lost, rate, owner->activities);
      rapport_bar_list_append (chart, name, value,
                               largest ? (double) owner->won_value / largest : 0, 0,
                               spoken, TRUE);
    }
}
