/* rapport-store-reports.c — figures: stage totals, speed to lead, Insights
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <string.h>

#include "rapport-report-private.h"

void
rapport_store_get_stage_totals (RapportStore *self,
                                RapportStage *stage,
                                guint        *n_deals,
                                gint64       *total,
                                gint64       *weighted)
{
  RapportSqlStmt *stmt;
  guint n = 0;
  gint64 sum = 0;

  g_return_if_fail (RAPPORT_IS_STORE (self));
  g_return_if_fail (RAPPORT_IS_STAGE (stage));

  stmt = rapport_store_stmt (self, STMT_STAGE_TOTALS);
  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (stage)));
  rapport_sql_bind_text (stmt, 2, self->default_currency);
  if (rapport_sql_step (stmt) == RAPPORT_SQL_ROW)
    {
      n = (guint) rapport_sql_column_int64 (stmt, 0);
      sum = rapport_sql_column_int64 (stmt, 1);
    }
  rapport_sql_reset (stmt);

  rapport_store_give_stage_totals (stage, n, sum, n_deals, total, weighted);
}

void
rapport_store_give_stage_totals (RapportStage *stage,
                                 guint         n,
                                 gint64        sum,
                                 guint        *n_deals,
                                 gint64       *total,
                                 gint64       *weighted)
{
  if (n_deals != NULL)
    *n_deals = n;
  if (total != NULL)
    *total = sum;
  if (weighted != NULL)
    *weighted = sum / 100 * rapport_stage_get_probability (stage)
                + sum % 100 * rapport_stage_get_probability (stage) / 100;
}

/* Speed to lead */

gboolean
rapport_store_get_speed_to_lead (RapportStore        *self,
                                 RapportSpeedToLead  *stats,
                                 GError             **error)
{
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (gint64));
  RapportSqlStmt *stmt;
  gint64 now, limit;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  memset (stats, 0, sizeof *stats);
  stats->minutes = self->speed_to_lead_minutes;
  limit = (gint64) self->speed_to_lead_minutes * 60;
  now = rapport_store_now (self);

  stmt = rapport_store_stmt (self, STMT_SPEED_TO_LEAD_TIMES);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      gint64 arrived = rapport_sql_column_int64 (stmt, 0);

      stats->n_leads++;
      if (rapport_sql_column_is_null (stmt, 1))
        {
          stats->n_waiting++;
          if (now - arrived > limit)
            stats->n_waiting_late++;
        }
      else
        {
          gint64 delay = rapport_sql_column_int64 (stmt, 1) - arrived;

          /* Contacted before arriving says the clock was wrong, not that
           * the lead was answered in time: counted, but not as within. */
          stats->n_contacted++;
          if (delay < 0)
            continue;

          g_array_append_val (delays, delay);
          if (delay <= limit)
            stats->n_within++;
        }
    }
  rapport_sql_reset (stmt);

  if (rc != RAPPORT_SQL_DONE)
    return rapport_store_set_error (self, rc, error);

  if (delays->len > 0)
    {
      g_array_sort (delays, rapport_report_compare_gint64);
      stats->median_seconds = delays->len % 2
        ? g_array_index (delays, gint64, delays->len / 2)
        : (g_array_index (delays, gint64, delays->len / 2 - 1) + g_array_index (delays, gint64, delays->len / 2)) / 2;
    }

  return TRUE;
}


/* What a file holds, in a sentence's worth of figures (a backup about to
 * be restored). The last change is the latest time any record was made
 * or edited, or an activity done. */
#define SQL_SUMMARY \
  "SELECT (SELECT count(*) FROM contact), (SELECT count(*) FROM organization), (SELECT count(*) FROM deal)," \
  " max (coalesce ((SELECT max (updated_at) FROM contact), 0), coalesce ((SELECT max (updated_at) FROM organization), 0)," \
  "      coalesce ((SELECT max (updated_at) FROM deal), 0), coalesce ((SELECT max (updated_at) FROM note), 0)," \
  "      coalesce ((SELECT max (created_at) FROM activity), 0), coalesce ((SELECT max (done_at) FROM activity), 0))"

gboolean
rapport_store_get_summary (RapportStore        *self,
                           RapportStoreSummary *summary,
                           GError             **error)
{
  RapportSqlStmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  memset (summary, 0, sizeof *summary);
  stmt = rapport_store_stmt_sql (self, SQL_SUMMARY);
  if ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      summary->contacts = rapport_sql_column_int (stmt, 0);
      summary->organizations = rapport_sql_column_int (stmt, 1);
      summary->deals = rapport_sql_column_int (stmt, 2);
      summary->last_change = rapport_sql_column_int64 (stmt, 3);
    }
  rapport_sql_reset (stmt);
  if (rc != RAPPORT_SQL_ROW)
    return rapport_store_set_error (self, rc, error);
  return TRUE;
}
