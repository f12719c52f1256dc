/* rapport-report.c — periods, and freeing a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-report"

#include "config.h"

#include "rapport-store-private.h"

void
rapport_report_query_previous (const RapportReportQuery *query,
                               RapportReportQuery       *previous)
{
  g_return_if_fail (query != NULL && previous != NULL);

  *previous = *query;
  previous->to = query->from;
  previous->from = query->from - (query->to - query->from);
}

static void
clear_stage (gpointer data)
{
  RapportReportStage *stage = data;

  g_clear_pointer (&stage->name, g_free);
}

static void
clear_group (gpointer data)
{
  RapportReportGroup *group = data;

  g_clear_pointer (&group->name, g_free);
}

static void
clear_owner (gpointer data)
{
  RapportReportOwner *owner = data;

  g_clear_pointer (&owner->owner, g_free);
}

/* The arrays of a period, empty, each freeing what its items own. */
void
rapport_report_period_init (RapportReportPeriod *period)
{
  period->funnel = g_array_new (FALSE, TRUE, sizeof (RapportReportStage));
  g_array_set_clear_func (period->funnel, clear_stage);
  period->lost_reasons = g_array_new (FALSE, TRUE, sizeof (RapportReportGroup));
  g_array_set_clear_func (period->lost_reasons, clear_group);
  period->won_by_source = g_array_new (FALSE, TRUE, sizeof (RapportReportGroup));
  g_array_set_clear_func (period->won_by_source, clear_group);
  period->owners = g_array_new (FALSE, TRUE, sizeof (RapportReportOwner));
  g_array_set_clear_func (period->owners, clear_owner);
}

static void
period_clear (RapportReportPeriod *period)
{
  g_clear_pointer (&period->funnel, g_array_unref);
  g_clear_pointer (&period->lost_reasons, g_array_unref);
  g_clear_pointer (&period->won_by_source, g_array_unref);
  g_clear_pointer (&period->owners, g_array_unref);
}

void
rapport_report_free (RapportReport *report)
{
  if (report == NULL)
    return;

  period_clear (&report->current);
  period_clear (&report->previous);
  g_clear_pointer (&report->forecast, g_array_unref);
  g_clear_pointer (&report->won_by_month, g_array_unref);
  g_free (report->owner);
  g_free (report->currency);
  g_free (report);
}

void
rapport_period_bounds (RapportPeriodKind  kind,
                       gint64             at,
                       gint64            *start,
                       gint64            *end)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) next = NULL;
  int year, month, day;

  g_return_if_fail (now != NULL);
  g_return_if_fail (start != NULL && end != NULL);

  g_date_time_get_ymd (now, &year, &month, &day);
  switch (kind)
    {
    case RAPPORT_PERIOD_WEEK:
      /* ISO weeks start on Monday (day of week 1). */
      first = g_date_time_new_utc (year, month, day, 0, 0, 0);
      {
        g_autoptr(GDateTime) monday = g_date_time_add_days (first, 1 - g_date_time_get_day_of_week (now));

        g_clear_pointer (&first, g_date_time_unref);
        first = g_steal_pointer (&monday);
      }
      next = g_date_time_add_weeks (first, 1);
      break;

    case RAPPORT_PERIOD_QUARTER:
      first = g_date_time_new_utc (year, (month - 1) / 3 * 3 + 1, 1, 0, 0, 0);
      next = g_date_time_add_months (first, 3);
      break;

    case RAPPORT_PERIOD_YEAR:
      first = g_date_time_new_utc (year, 1, 1, 0, 0, 0);
      next = g_date_time_add_years (first, 1);
      break;

    case RAPPORT_PERIOD_MONTH:
    default:
      first = g_date_time_new_utc (year, month, 1, 0, 0, 0);
      next = g_date_time_add_months (first, 1);
      break;
    }

  *start = g_date_time_to_unix (first);
  *end = g_date_time_to_unix (next);
}
