/* rapport-report-private.h — what the files computing a report share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report is computed by rapport-store-insights.c (closed, open and
 * created deals, leads, activities, repeat sales, months) and
 * rapport-store-funnel.c (the funnel from the stage history). Every pass
 * reads the span of both periods at once and files each row into the
 * period it falls in; when a RapportReportCollector is given, the rows a
 * figure counts also give their deal's id, so the deals behind a number
 * are the ones it counted.
 */

#pragma once

#include "rapport-store-private.h"

G_BEGIN_DECLS

/* SQL pieces: deal d filtered by ?3 (owner or NULL) and ?4 (pipeline or
 * 0). No join to stage: a stage's pipeline and probability come from
 * RapportReportContext.stages, read once. A join per row was a third of
 * the closed deals' read and half of the funnel's on two years of deals. */
#define RAPPORT_REPORT_DEAL_FROM " FROM deal d"
#define RAPPORT_REPORT_DEAL_FILTER \
  " AND (?3 IS NULL OR d.owner = ?3)" \
  " AND (?4 = 0 OR d.stage_id IN (SELECT id FROM stage WHERE pipeline_id = ?4))"

typedef struct
{
  gint64 pipeline_id;
  int    probability;
} RapportReportStageInfo;

typedef struct
{
  RapportReportSlice  slice;
  gint64              param;
  const char         *text;
  GArray             *ids;     /* gint64 */
} RapportReportCollector;

typedef struct
{
  RapportStore           *store;
  const char             *owner;          /* NULL for everyone */
  gint64                  pipeline_id;
  gint64                  funnel_pipeline_id;
  const char             *currency;
  gint64                  now;
  /* [0] the current period, [1] the previous one */
  RapportReportPeriod    *periods[2];
  RapportReportCollector *collector;      /* NULL, or for periods[0] */
  GHashTable             *others[2];      /* ids of deals in other currencies */
  GHashTable             *stages;         /* stage id → RapportReportStageInfo */
} RapportReportContext;

/* The pipeline and probability of @stage_id; zeros for an unknown stage. */
RapportReportStageInfo rapport_report_stage_info (RapportReportContext *ctx,
                                                  gint64                stage_id);

/* Which period @t falls in: 0 the current, 1 the previous, -1 neither. */
int       rapport_report_period_of    (RapportReportContext *ctx,
                                       gint64                t);
/* Adds @id to the collector if it collects @slice (with @param / @text)
 * and @period is the current one. */
void      rapport_report_collect      (RapportReportContext *ctx,
                                       int                   period,
                                       RapportReportSlice    slice,
                                       gint64                param,
                                       const char           *text,
                                       gint64                id);
/* Counts deal @id in @period's other currencies (once). */
void      rapport_report_add_other    (RapportReportContext *ctx,
                                       int                   period,
                                       gint64                id);
/* Binds ?1 from, ?2 to, ?3 owner and ?4 pipeline. */
void      rapport_report_bind         (RapportReportContext *ctx,
                                       RapportSqlStmt       *stmt,
                                       gint64                from,
                                       gint64                to,
                                       gint64                pipeline_id);
/* For g_array_sort() of gint64. */
int       rapport_report_compare_gint64 (gconstpointer       a,
                                         gconstpointer       b);
/* Median of doubles (sorts @values); NaN when empty. */
double    rapport_report_median       (GArray               *values);

/* rapport-store-funnel.c: the deals created in both periods, and their
 * funnels. */
gboolean  rapport_report_funnel       (RapportReportContext *ctx,
                                       GError              **error);

/* rapport-store-activity-report.c: each activity done in both periods
 * that passes the owner and pipeline filters, by period, kind and owner
 * (the deal's, else the contact's; NULL for none): @func is called once
 * for each of those with their count. It reads on @side when given one
 * (then it may run on another thread: it only reads @ctx, whose stages
 * are read before), else on the store's connection. */
typedef void (*RapportReportActivityFunc) (gpointer    user_data,
                                           int         period,
                                           int         kind,
                                           const char *owner,
                                           guint       count);

gboolean  rapport_report_activities   (RapportReportContext     *ctx,
                                       RapportSideRead          *side,
                                       RapportReportActivityFunc func,
                                       gpointer                  user_data,
                                       GError                  **error);

G_END_DECLS
