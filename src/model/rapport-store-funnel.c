/* rapport-store-funnel.c — the deals created in a period, and their funnel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From the stage history (stage_change: a deal's first stage, each move,
 * each win, loss and reopening), read once for the deals created in both
 * periods, deal by deal. What "reached" and "advanced" mean is in
 * rapport-report.h.
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rapport-report-private.h"

#define STAGES_SQL \
  "SELECT id, name, probability FROM stage WHERE pipeline_id = ?1 ORDER BY position, id"

/* A deal's rows, oldest change first; a deal without history (a file made
 * by hand) has one row of NULLs and counts in its current stage. */
#define HISTORY_SQL \
  "SELECT d.id, d.currency, d.created_at, d.status, d.stage_id," \
  " sc.to_stage_id, sc.to_status, sc.changed_at" \
  RAPPORT_REPORT_DEAL_FROM " LEFT JOIN stage_change sc ON sc.deal_id = d.id" \
  " WHERE d.created_at >= ?1 AND d.created_at < ?2" RAPPORT_REPORT_DEAL_FILTER \
  " ORDER BY d.created_at, d.id, sc.changed_at, sc.id"

/* The order of the indexes deal_by_created and stage_change_by_deal: the
 * rows come without a sort. */

typedef struct
{
  int    stage;    /* index in the funnel, or -1 for another pipeline's */
  int    status;
  gint64 at;
} Event;

typedef struct
{
  RapportReportContext *ctx;
  GArray               *stage_ids;      /* gint64, by position */
  GArray               *days[2];        /* per period: a GArray of double per stage */
  GArray               *events;         /* Event, of the deal being read */
  gint64                deal;
  gboolean              is_default;
  gint64                created;
  int                   status;
  gint64                stage_id;
  gint64                pipeline_id;
  double               *spent;          /* seconds per stage, of this deal */
  gboolean             *left;           /* per stage: left it at least once */
} Funnel;

static int
stage_index (Funnel *funnel,
             gint64  stage_id)
{
  for (guint i = 0; i < funnel->stage_ids->len; i++)
    if (g_array_index (funnel->stage_ids, gint64, i) == stage_id)
      return (int) i;

  return -1;
}

static gboolean
read_stages (Funnel  *funnel,
             GError **error)
{
  RapportReportContext *ctx = funnel->ctx;
  RapportSqlStmt *stmt = rapport_store_stmt_sql (ctx->store, STAGES_SQL);
  int rc;

  rapport_sql_bind_int64 (stmt, 1, ctx->funnel_pipeline_id);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      gint64 id = rapport_sql_column_int64 (stmt, 0);

      g_array_append_val (funnel->stage_ids, id);
      for (int p = 0; p < 2; p++)
        {
          RapportReportStage stage = {
            .stage_id = id,
            .name = g_strdup (rapport_sql_column_text (stmt, 1)),
            .probability = rapport_sql_column_int (stmt, 2),
          };
          GArray *days = g_array_new (FALSE, FALSE, sizeof (double));

          g_array_append_val (ctx->periods[p]->funnel, stage);
          g_array_append_val (funnel->days[p], days);
        }
    }
  rapport_sql_reset (stmt);

  if (rc != RAPPORT_SQL_DONE)
    return rapport_store_set_error (ctx->store, rc, error);

  return TRUE;
}

/* Time in each stage: from entering it open to the next change of stage
 * or status. */
static void
add_time_in_stages (Funnel *funnel,
                    int     p)
{
  guint n = funnel->stage_ids->len;
  int stage = -1, status = -1;
  gint64 entered = 0;

  memset (funnel->spent, 0, n * sizeof *funnel->spent);
  memset (funnel->left, 0, n * sizeof *funnel->left);

  for (guint i = 0; i < funnel->events->len; i++)
    {
      const Event *event = &g_array_index (funnel->events, Event, i);

      if (event->stage == stage && event->status == status)
        continue;

      if (stage >= 0 && status == RAPPORT_DEAL_STATUS_OPEN)
        {
          funnel->spent[stage] += (double) (event->at - entered);
          funnel->left[stage] = TRUE;
        }
      stage = event->stage;
      status = event->status;
      entered = event->at;
    }

  for (guint k = 0; k < n; k++)
    if (funnel->left[k])
      {
        double days = funnel->spent[k] / 86400.0;

        g_array_append_val (g_array_index (funnel->days[p], GArray *, k), days);
      }
}

static void
finish_deal (Funnel *funnel)
{
  RapportReportContext *ctx = funnel->ctx;
  int p = rapport_report_period_of (ctx, funnel->created);
  gboolean won = funnel->status == RAPPORT_DEAL_STATUS_WON;
  int furthest = -1;

  if (funnel->deal == 0 || p < 0)
    return;

  if (!funnel->is_default)
    {
      ctx->periods[p]->other_currencies.created++;
      rapport_report_add_other (ctx, p, funnel->deal);
      return;
    }

  ctx->periods[p]->new_deals++;
  rapport_report_collect (ctx, p, RAPPORT_REPORT_SLICE_NEW, 0, NULL, funnel->deal);
  if (funnel->pipeline_id != ctx->funnel_pipeline_id)
    return;

  for (guint i = 0; i < funnel->events->len; i++)
    furthest = MAX (furthest, g_array_index (funnel->events, Event, i).stage);
  if (furthest < 0)
    furthest = stage_index (funnel, funnel->stage_id);
  if (furthest < 0)
    return;

  for (int k = 0; k <= furthest; k++)
    {
      RapportReportStage *stage = &g_array_index (ctx->periods[p]->funnel, RapportReportStage, k);
      gint64 stage_id = stage->stage_id;

      stage->reached++;
      rapport_report_collect (ctx, p, RAPPORT_REPORT_SLICE_STAGE_REACHED, stage_id, NULL, funnel->deal);
      if (k < furthest || won)
        {
          stage->advanced++;
          rapport_report_collect (ctx, p, RAPPORT_REPORT_SLICE_STAGE_ADVANCED, stage_id, NULL, funnel->deal);
        }
      else
        rapport_report_collect (ctx, p, RAPPORT_REPORT_SLICE_STAGE_DROPPED, stage_id, NULL, funnel->deal);
    }

  add_time_in_stages (funnel, p);
}

static void
start_deal (Funnel         *funnel,
            RapportSqlStmt *stmt)
{
  funnel->deal = rapport_sql_column_int64 (stmt, 0);
  funnel->is_default = g_strcmp0 (rapport_sql_column_text (stmt, 1), funnel->ctx->currency) == 0;
  funnel->created = rapport_sql_column_int64 (stmt, 2);
  funnel->status = rapport_sql_column_int (stmt, 3);
  funnel->stage_id = rapport_sql_column_int64 (stmt, 4);
  funnel->pipeline_id = rapport_report_stage_info (funnel->ctx, funnel->stage_id).pipeline_id;
  g_array_set_size (funnel->events, 0);
}

static gboolean
read_history (Funnel  *funnel,
              GError **error)
{
  RapportReportContext *ctx = funnel->ctx;
  RapportSqlStmt *stmt = rapport_store_stmt_sql (ctx->store, HISTORY_SQL);
  int rc;

  rapport_report_bind (ctx, stmt, ctx->periods[1]->from, ctx->periods[0]->to, ctx->pipeline_id);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      Event event;

      if (rapport_sql_column_int64 (stmt, 0) != funnel->deal)
        {
          finish_deal (funnel);
          start_deal (funnel, stmt);
        }
      if (rapport_sql_column_is_null (stmt, 5))
        continue;

      event.stage = stage_index (funnel, rapport_sql_column_int64 (stmt, 5));
      event.status = rapport_sql_column_int (stmt, 6);
      event.at = rapport_sql_column_int64 (stmt, 7);
      g_array_append_val (funnel->events, event);
    }
  rapport_sql_reset (stmt);
  finish_deal (funnel);

  if (rc != RAPPORT_SQL_DONE)
    return rapport_store_set_error (ctx->store, rc, error);

  return TRUE;
}

static void
finish_funnel (Funnel *funnel,
               int     p)
{
  GArray *stages = funnel->ctx->periods[p]->funnel;
  guint first = stages->len > 0 ? g_array_index (stages, RapportReportStage, 0).reached : 0;

  for (guint k = 0; k < stages->len; k++)
    {
      RapportReportStage *stage = &g_array_index (stages, RapportReportStage, k);

      stage->dropped = stage->reached - stage->advanced;
      stage->conversion = stage->reached > 0 ? (double) stage->advanced / stage->reached : NAN;
      stage->drop_off = stage->reached > 0 ? 1.0 - stage->conversion : NAN;
      stage->cumulative = first > 0 ? (double) stage->reached / first : NAN;
      stage->median_days = rapport_report_median (g_array_index (funnel->days[p], GArray *, k));
    }
}

static void
free_days (gpointer data)
{
  g_array_unref (*(GArray **) data);
}

gboolean
rapport_report_funnel (RapportReportContext  *ctx,
                       GError               **error)
{
  Funnel funnel = { .ctx = ctx };
  gboolean ok;

  funnel.stage_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  funnel.events = g_array_new (FALSE, FALSE, sizeof (Event));
  for (int p = 0; p < 2; p++)
    {
      funnel.days[p] = g_array_new (FALSE, FALSE, sizeof (GArray *));
      g_array_set_clear_func (funnel.days[p], free_days);
    }

  ok = read_stages (&funnel, error);
  if (ok)
    {
      funnel.spent = g_new0 (double, MAX (funnel.stage_ids->len, 1));
      funnel.left = g_new0 (gboolean, MAX (funnel.stage_ids->len, 1));
      ok = read_history (&funnel, error);
    }
  if (ok)
    for (int p = 0; p < 2; p++)
      finish_funnel (&funnel, p);

  g_free (funnel.spent);
  g_free (funnel.left);
  g_array_unref (funnel.events);
  g_array_unref (funnel.stage_ids);
  g_array_unref (funnel.days[0]);
  g_array_unref (funnel.days[1]);

  return ok;
}
