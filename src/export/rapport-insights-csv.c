/* rapport-insights-csv.c — the tables of the Insights tab as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each table holds what its chart shows, and the counts behind its
 * percentages, so a spreadsheet can recompute them.
 */

#define G_LOG_DOMAIN "rapport-export"

#include "config.h"

#include "rapport-insights-csv.h"

static const char * const files[RAPPORT_INSIGHTS_N_TABLES] = {
  [RAPPORT_INSIGHTS_TABLE_FUNNEL] = "funnel.csv",
  [RAPPORT_INSIGHTS_TABLE_FORECAST] = "forecast.csv",
  [RAPPORT_INSIGHTS_TABLE_WON_BY_MONTH] = "won-by-month.csv",
  [RAPPORT_INSIGHTS_TABLE_LOST_REASONS] = "lost-reasons.csv",
  [RAPPORT_INSIGHTS_TABLE_OWNERS] = "owners.csv",
  [RAPPORT_INSIGHTS_TABLE_SPEED_TO_LEAD] = "speed-to-lead.csv",
};

static const char * const headers[RAPPORT_INSIGHTS_N_TABLES] = {
  [RAPPORT_INSIGHTS_TABLE_FUNNEL] =
    "stage_id,stage,probability,reached,advanced,dropped,conversion,median_days",
  [RAPPORT_INSIGHTS_TABLE_FORECAST] = "month,deals,value,weighted,currency",
  [RAPPORT_INSIGHTS_TABLE_WON_BY_MONTH] = "month,deals,value,currency",
  [RAPPORT_INSIGHTS_TABLE_LOST_REASONS] = "lost_reason,deals,value,currency",
  [RAPPORT_INSIGHTS_TABLE_OWNERS] = "owner,won,lost,won_value,currency,win_rate,activities",
  [RAPPORT_INSIGHTS_TABLE_SPEED_TO_LEAD] = "first_contact,leads",
};

const char *
rapport_insights_table_file (RapportInsightsTable table)
{
  g_return_val_if_fail ((guint) table < RAPPORT_INSIGHTS_N_TABLES, NULL);

  return files[table];
}

static void
funnel (GString             *csv,
        const RapportReport *report)
{
  GArray *stages = report->current.funnel;

  for (guint i = 0; i < stages->len; i++)
    {
      const RapportReportStage *stage = &g_array_index (stages, RapportReportStage, i);

      rapport_csv_field_int (csv, stage->stage_id);
      rapport_csv_field (csv, stage->name);
      rapport_csv_field_int (csv, stage->probability);
      rapport_csv_field_int (csv, stage->reached);
      rapport_csv_field_int (csv, stage->advanced);
      rapport_csv_field_int (csv, stage->dropped);
      rapport_csv_field_double (csv, stage->conversion);
      rapport_csv_field_double (csv, stage->median_days);
      rapport_csv_end_line (csv);
    }
}

/* "2026-11", or a word for the forecast's overdue and undated deals. */
static void
month_line (GString                  *csv,
            const RapportReport      *report,
            const char               *name,
            const RapportReportMonth *month,
            gboolean                  weighted)
{
  g_autofree char *iso = name == NULL ? g_strdup_printf ("%04d-%02d", month->year, month->month) : NULL;

  rapport_csv_field (csv, name != NULL ? name : iso);
  rapport_csv_field_int (csv, month->count);
  rapport_csv_field_money (csv, month->value, report->currency);
  if (weighted)
    rapport_csv_field_money (csv, month->weighted, report->currency);
  rapport_csv_field (csv, report->currency);
  rapport_csv_end_line (csv);
}

static void
months (GString             *csv,
        const RapportReport *report,
        GArray              *list,
        gboolean             forecast)
{
  if (forecast)
    month_line (csv, report, "overdue", &report->forecast_overdue, TRUE);
  for (guint i = 0; i < list->len; i++)
    month_line (csv, report, NULL, &g_array_index (list, RapportReportMonth, i), forecast);
  if (forecast)
    month_line (csv, report, "undated", &report->forecast_undated, TRUE);
}

static void
lost_reasons (GString             *csv,
              const RapportReport *report)
{
  GArray *reasons = report->current.lost_reasons;

  for (guint i = 0; i < reasons->len; i++)
    {
      const RapportReportGroup *reason = &g_array_index (reasons, RapportReportGroup, i);

      rapport_csv_field (csv, reason->name);
      rapport_csv_field_int (csv, reason->count);
      rapport_csv_field_money (csv, reason->value, report->currency);
      rapport_csv_field (csv, report->currency);
      rapport_csv_end_line (csv);
    }
}

static void
owners (GString             *csv,
        const RapportReport *report)
{
  GArray *list = report->current.owners;

  for (guint i = 0; i < list->len; i++)
    {
      const RapportReportOwner *owner = &g_array_index (list, RapportReportOwner, i);

      rapport_csv_field (csv, owner->owner);
      rapport_csv_field_int (csv, owner->won);
      rapport_csv_field_int (csv, owner->lost);
      rapport_csv_field_money (csv, owner->won_value, report->currency);
      rapport_csv_field (csv, report->currency);
      rapport_csv_field_double (csv, owner->win_rate);
      rapport_csv_field_int (csv, owner->activities);
      rapport_csv_end_line (csv);
    }
}

static void
speed_to_lead (GString             *csv,
               const RapportReport *report)
{
  const RapportReportSpeed *speed = &report->current.speed;
  const char * const buckets[] = {
    "within_5_minutes", "5_to_15_minutes", "15_to_60_minutes", "over_an_hour", "not_contacted",
  };
  const guint counts[] = {
    speed->buckets[0], speed->buckets[1], speed->buckets[2], speed->buckets[3], speed->never,
  };

  for (guint i = 0; i < G_N_ELEMENTS (buckets); i++)
    {
      rapport_csv_field (csv, buckets[i]);
      rapport_csv_field_int (csv, counts[i]);
      rapport_csv_end_line (csv);
    }
}

char *
rapport_insights_table_csv (const RapportReport  *report,
                            RapportInsightsTable  table)
{
  GString *csv;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail ((guint) table < RAPPORT_INSIGHTS_N_TABLES, NULL);

  csv = g_string_new (headers[table]);
  rapport_csv_end_line (csv);

  switch (table)
    {
    case RAPPORT_INSIGHTS_TABLE_FUNNEL:
      funnel (csv, report);
      break;
    case RAPPORT_INSIGHTS_TABLE_FORECAST:
      months (csv, report, report->forecast, TRUE);
      break;
    case RAPPORT_INSIGHTS_TABLE_WON_BY_MONTH:
      months (csv, report, report->won_by_month, FALSE);
      break;
    case RAPPORT_INSIGHTS_TABLE_LOST_REASONS:
      lost_reasons (csv, report);
      break;
    case RAPPORT_INSIGHTS_TABLE_OWNERS:
      owners (csv, report);
      break;
    case RAPPORT_INSIGHTS_TABLE_SPEED_TO_LEAD:
      speed_to_lead (csv, report);
      break;
    case RAPPORT_INSIGHTS_N_TABLES:
    default:
      g_assert_not_reached ();
    }

  return g_string_free (csv, FALSE);
}

gboolean
rapport_insights_write_csv (const RapportReport  *report,
                            const char           *dir,
                            gboolean              replace,
                            GPtrArray            *written,
                            GError              **error)
{
  char *texts[RAPPORT_INSIGHTS_N_TABLES];
  gboolean ok;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  for (guint t = 0; t < RAPPORT_INSIGHTS_N_TABLES; t++)
    texts[t] = rapport_insights_table_csv (report, t);

  ok = rapport_csv_write_files (dir, RAPPORT_INSIGHTS_N_TABLES, files,
                                (const char * const *) texts, replace, written, error);

  for (guint t = 0; t < RAPPORT_INSIGHTS_N_TABLES; t++)
    g_free (texts[t]);

  return ok;
}
