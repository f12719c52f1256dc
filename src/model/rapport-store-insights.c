/* rapport-store-insights.c — every figure of a period and the one before
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A handful of index-range reads, each over the span of both periods, and
 * the sums made here as the rows go by: closed deals (by close time), open
 * deals, leads, activities, the months of won deals, and the deals created
 * with their funnel (rapport-store-funnel.c). The definitions are in rapport-report.h.
 * Where the file allows a side reader (sqlite/rapport-store-side.c), the
 * activities are read on it in a thread of their own, in the same
 * snapshot, while this thread reads the rest.
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "rapport-report-private.h"
#include "rapport-store-after-sales.h"

/* Won and lost deals closed from ?1 on (also after the periods: those were
 * still open at a past period's end). */
#define CLOSED_SQL \
  "SELECT d.id, d.status, d.value, d.currency, d.created_at, d.closed_at, d.owner," \
  " d.lost_reason, c.source, d.contact_id, d.stage_id" \
  RAPPORT_REPORT_DEAL_FROM " LEFT JOIN contact c ON c.id = d.contact_id AND d.status = 1" \
  " WHERE d.status IN (1, 2) AND d.closed_at >= ?1 AND d.closed_at < ?2" RAPPORT_REPORT_DEAL_FILTER

/* Only won deals look their contact up (for the source): every other
 * column is in the index deal_report. */

/* The wins before ?2 in the default currency (?5), by contact. Without
 * the join to stage (the pipeline is checked only when one is asked) and
 * without a GROUP BY's sort: the earliest per contact is kept here. */
#define FIRST_WINS_SQL \
  "SELECT d.contact_id, d.closed_at FROM deal d" \
  " WHERE d.status = 1 AND d.closed_at >= ?1 AND d.closed_at < ?2 AND d.contact_id IS NOT NULL" \
  " AND d.currency = ?5 AND (?3 IS NULL OR d.owner = ?3)" \
  " AND (?4 = 0 OR d.stage_id IN (SELECT id FROM stage WHERE pipeline_id = ?4))"

#define OPEN_SQL \
  "SELECT d.id, d.value, d.currency, d.created_at, d.expected_close, d.stage_id" \
  RAPPORT_REPORT_DEAL_FROM " WHERE d.status = 0 AND d.closed_at IS NULL AND ?1 <= ?2" RAPPORT_REPORT_DEAL_FILTER

/* Leads: contacts that got the speed-to-lead follow-up. No pipeline: a
 * lead belongs to none. */
#define LEADS_SQL \
  "SELECT c.created_at, c.first_contacted_at FROM contact c" \
  " WHERE c.created_at >= ?1 AND c.created_at < ?2 AND (?3 IS NULL OR c.owner = ?3)" \
  " AND EXISTS (SELECT 1 FROM activity a WHERE a.contact_id = c.id AND a.rule = 1)"

#define WON_SQL \
  "SELECT d.id, d.closed_at, d.value, d.currency FROM deal d" \
  " WHERE d.status = 1 AND d.closed_at >= ?1 AND d.closed_at < ?2 AND (?3 IS NULL OR d.owner = ?3)" \
  " AND (?4 = 0 OR d.stage_id IN (SELECT id FROM stage WHERE pipeline_id = ?4))"

#define N_FORECAST_MONTHS 6
#define N_WON_MONTHS 12

/* What a period gathers before its figures are made. */
typedef struct
{
  GArray     *cycles;       /* double, days from creation to win */
  GArray     *delays;       /* gint64, seconds from arrival to first contact */
  GHashTable *reasons;      /* name → index + 1 in lost_reasons */
  GHashTable *sources;      /* name → index + 1 in won_by_source */
  GHashTable *owners;       /* name → index + 1 in owners */
  GHashTable *repeaters;    /* contact ids that bought again */
} PeriodWork;

static void
work_init (PeriodWork *work)
{
  work->cycles = g_array_new (FALSE, FALSE, sizeof (double));
  work->delays = g_array_new (FALSE, FALSE, sizeof (gint64));
  work->reasons = g_hash_table_new (g_str_hash, g_str_equal);
  work->sources = g_hash_table_new (g_str_hash, g_str_equal);
  work->owners = g_hash_table_new (g_str_hash, g_str_equal);
  work->repeaters = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
work_clear (PeriodWork *work)
{
  g_clear_pointer (&work->cycles, g_array_unref);
  g_clear_pointer (&work->delays, g_array_unref);
  g_clear_pointer (&work->reasons, g_hash_table_unref);
  g_clear_pointer (&work->sources, g_hash_table_unref);
  g_clear_pointer (&work->owners, g_hash_table_unref);
  g_clear_pointer (&work->repeaters, g_hash_table_unref);
}

typedef struct
{
  gint64 contact;
  gint64 closed_at;
} FirstWin;

typedef struct
{
  RapportReportContext  ctx;
  RapportReport        *report;
  PeriodWork            work[2];
  GArray               *first_wins;   /* FirstWin, by contact, one each */
  int                   month_now;    /* year × 12 + month − 1 of now */
} Build;

/* Shared helpers */

int
rapport_report_period_of (RapportReportContext *ctx,
                          gint64                t)
{
  for (int p = 0; p < 2; p++)
    if (t >= ctx->periods[p]->from && t < ctx->periods[p]->to)
      return p;

  return -1;
}

static gboolean
slice_has_text (RapportReportSlice slice)
{
  return slice == RAPPORT_REPORT_SLICE_LOST_REASON || slice == RAPPORT_REPORT_SLICE_WON_SOURCE ||
         slice == RAPPORT_REPORT_SLICE_OWNER_WON || slice == RAPPORT_REPORT_SLICE_OWNER_LOST;
}

static gboolean
slice_has_param (RapportReportSlice slice)
{
  return slice == RAPPORT_REPORT_SLICE_STAGE_REACHED || slice == RAPPORT_REPORT_SLICE_STAGE_ADVANCED ||
         slice == RAPPORT_REPORT_SLICE_STAGE_DROPPED || slice == RAPPORT_REPORT_SLICE_FORECAST_MONTH ||
         slice == RAPPORT_REPORT_SLICE_WON_MONTH;
}

void
rapport_report_collect (RapportReportContext *ctx,
                        int                   period,
                        RapportReportSlice    slice,
                        gint64                param,
                        const char           *text,
                        gint64                id)
{
  RapportReportCollector *collector = ctx->collector;

  if (collector == NULL || collector->slice != slice)
    return;
  /* Won months are not of a period: they have their own. */
  if (period != 0 && slice != RAPPORT_REPORT_SLICE_WON_MONTH && slice != RAPPORT_REPORT_SLICE_FORECAST_MONTH)
    return;
  if (slice_has_param (slice) && collector->param != param)
    return;
  if (slice_has_text (slice) && g_strcmp0 (collector->text ? collector->text : "", text ? text : "") != 0)
    return;

  g_array_append_val (collector->ids, id);
}

void
rapport_report_bind (RapportReportContext *ctx,
                     RapportSqlStmt       *stmt,
                     gint64                from,
                     gint64                to,
                     gint64                pipeline_id)
{
  rapport_sql_bind_int64 (stmt, 1, from);
  rapport_sql_bind_int64 (stmt, 2, to);
  rapport_sql_bind_text_or_null (stmt, 3, ctx->owner);
  rapport_sql_bind_int64 (stmt, 4, pipeline_id);
  rapport_sql_bind_text (stmt, 5, ctx->currency);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
rapport_report_median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return NAN;

  g_array_sort (values, compare_double);
  if (n % 2)
    return g_array_index (values, double, n / 2);

  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

static double
ratio (double a,
       double b)
{
  return b != 0 ? a / b : NAN;
}

static gint64
weighted (gint64 value,
          int    probability)
{
  return value / 100 * probability + value % 100 * probability / 100;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* The group of @name in @groups, made on first use. */
static RapportReportGroup *
group_of (GArray      *groups,
          GHashTable  *index,
          const char  *name)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, name));
  RapportReportGroup group = { 0 };

  if (i > 0)
    return &g_array_index (groups, RapportReportGroup, i - 1);

  group.name = g_strdup (name);
  g_array_append_val (groups, group);
  g_hash_table_insert (index, group.name, GUINT_TO_POINTER (groups->len));

  return &g_array_index (groups, RapportReportGroup, groups->len - 1);
}

static RapportReportOwner *
owner_of (RapportReportPeriod *period,
          PeriodWork          *work,
          const char          *name)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (work->owners, name));
  RapportReportOwner owner = { 0 };

  if (i > 0)
    return &g_array_index (period->owners, RapportReportOwner, i - 1);

  owner.owner = g_strdup (name);
  g_array_append_val (period->owners, owner);
  g_hash_table_insert (work->owners, owner.owner, GUINT_TO_POINTER (period->owners->len));

  return &g_array_index (period->owners, RapportReportOwner, period->owners->len - 1);
}

void
rapport_report_add_other (RapportReportContext *ctx,
                          int                   period,
                          gint64                id)
{
  g_hash_table_add (ctx->others[period], g_memdup2 (&id, sizeof id));
}

/* The end of a period as far as "open at its end" goes: not after now. */
static gint64
open_instant (Build *build,
              int    p)
{
  return MIN (build->ctx.periods[p]->to, build->ctx.now);
}

static void
count_open (Build  *build,
            int     p,
            gint64  id,
            gboolean is_default,
            gint64  value,
            int     probability)
{
  RapportReportPeriod *period = build->ctx.periods[p];

  if (!is_default)
    {
      period->other_currencies.open++;
      rapport_report_add_other (&build->ctx, p, id);
      return;
    }

  period->open.count++;
  period->open.value += value;
  period->open_weighted += weighted (value, probability);
  rapport_report_collect (&build->ctx, p, RAPPORT_REPORT_SLICE_OPEN, 0, NULL, id);
}

static gboolean
step_error (Build          *build,
            RapportSqlStmt *stmt,
            int             rc,
            GError        **error)
{
  rapport_sql_reset (stmt);
  if (rc != RAPPORT_SQL_DONE)
    return rapport_store_set_error (build->ctx.store, rc, error);

  return TRUE;
}

/* Stages: their pipeline and probability, for every deal read */

RapportReportStageInfo
rapport_report_stage_info (RapportReportContext *ctx,
                           gint64                stage_id)
{
  RapportReportStageInfo *info = g_hash_table_lookup (ctx->stages, &stage_id);

  return info != NULL ? *info : (RapportReportStageInfo) { 0, 0 };
}

static gboolean
read_stage_infos (Build   *build,
                  GError **error)
{
  RapportReportContext *ctx = &build->ctx;
  RapportSqlStmt *stmt = rapport_store_stmt_sql (ctx->store, "SELECT id, pipeline_id, probability FROM stage");
  int rc;

  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      gint64 id = rapport_sql_column_int64 (stmt, 0);
      RapportReportStageInfo info = { rapport_sql_column_int64 (stmt, 1), rapport_sql_column_int (stmt, 2) };

      g_hash_table_insert (ctx->stages, g_memdup2 (&id, sizeof id), g_memdup2 (&info, sizeof info));
    }

  return step_error (build, stmt, rc, error);
}

/* Customers' first wins, for repeat sales */

static int
compare_first_wins (gconstpointer a,
                    gconstpointer b)
{
  const FirstWin *x = a, *y = b;

  if (x->contact != y->contact)
    return x->contact < y->contact ? -1 : 1;

  return x->closed_at < y->closed_at ? -1 : x->closed_at > y->closed_at;
}

/* A sorted array, not a hash table: tens of thousands of wins, looked up
 * only for the few won in the periods. */
static gboolean
read_first_wins (Build   *build,
                 GError **error)
{
  RapportReportContext *ctx = &build->ctx;
  RapportSqlStmt *stmt = rapport_store_stmt_sql (ctx->store, FIRST_WINS_SQL);
  GArray *wins = build->first_wins;
  guint kept = 0;
  int rc;

  rapport_report_bind (ctx, stmt, G_MININT64, ctx->periods[0]->from, ctx->pipeline_id);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      FirstWin win = { rapport_sql_column_int64 (stmt, 0), rapport_sql_column_int64 (stmt, 1) };

      g_array_append_val (wins, win);
    }

  /* The earliest of each contact's wins comes first: keep it alone. */
  g_array_sort (wins, compare_first_wins);
  for (guint i = 0; i < wins->len; i++)
    if (kept == 0 || g_array_index (wins, FirstWin, i).contact != g_array_index (wins, FirstWin, kept - 1).contact)
      g_array_index (wins, FirstWin, kept++) = g_array_index (wins, FirstWin, i);
  g_array_set_size (wins, kept);

  for (guint i = 0; i < wins->len; i++)
    for (int p = 0; p < 2; p++)
      if (g_array_index (wins, FirstWin, i).closed_at < ctx->periods[p]->from)
        ctx->periods[p]->repeat.customers++;

  return step_error (build, stmt, rc, error);
}

/* The first win of @contact, or NULL. */
static const FirstWin *
first_win_of (Build  *build,
              gint64  contact)
{
  FirstWin key = { contact, G_MININT64 };
  guint lo = 0, hi = build->first_wins->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const FirstWin *at = &g_array_index (build->first_wins, FirstWin, mid);

      if (at->contact == contact)
        return at;
      if (compare_first_wins (at, &key) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return NULL;
}

/* Won and lost deals */

static void
count_won (Build          *build,
           int             p,
           RapportSqlStmt *stmt,
           gint64          id,
           gint64          value)
{
  RapportReportContext *ctx = &build->ctx;
  RapportReportPeriod *period = ctx->periods[p];
  PeriodWork *work = &build->work[p];
  gint64 created = rapport_sql_column_int64 (stmt, 4);
  gint64 closed = rapport_sql_column_int64 (stmt, 5);
  const char *owner = or_empty (rapport_sql_column_text (stmt, 6));
  const char *source = or_empty (rapport_sql_column_text (stmt, 8));
  gint64 contact = rapport_sql_column_int64 (stmt, 9);
  double days = (double) (closed - created) / 86400.0;
  RapportReportGroup *group;
  RapportReportOwner *who;
  const FirstWin *first;

  period->won.count++;
  period->won.value += value;
  g_array_append_val (work->cycles, days);

  group = group_of (period->won_by_source, work->sources, source);
  group->count++;
  group->value += value;

  who = owner_of (period, work, owner);
  who->won++;
  who->won_value += value;

  rapport_report_collect (ctx, p, RAPPORT_REPORT_SLICE_WON, 0, NULL, id);
  rapport_report_collect (ctx, p, RAPPORT_REPORT_SLICE_WON_SOURCE, 0, source, id);
  rapport_report_collect (ctx, p, RAPPORT_REPORT_SLICE_OWNER_WON, 0, owner, id);

  first = contact != 0 ? first_win_of (build, contact) : NULL;
  if (first != NULL && first->closed_at < period->from)
    {
      period->repeat.repeat_deals++;
      period->repeat.value += value;
      g_hash_table_add (work->repeaters, g_memdup2 (&contact, sizeof contact));
      rapport_report_collect (ctx, p, RAPPORT_REPORT_SLICE_REPEAT, 0, NULL, id);
    }
}

static void
count_lost (Build          *build,
            int             p,
            RapportSqlStmt *stmt,
            gint64          id,
            gint64          value)
{
  RapportReportContext *ctx = &build->ctx;
  RapportReportPeriod *period = ctx->periods[p];
  PeriodWork *work = &build->work[p];
  const char *owner = or_empty (rapport_sql_column_text (stmt, 6));
  const char *reason = or_empty (rapport_sql_column_text (stmt, 7));
  RapportReportGroup *group;

  period->lost.count++;
  period->lost.value += value;

  group = group_of (period->lost_reasons, work->reasons, reason);
  group->count++;
  group->value += value;
  owner_of (period, work, owner)->lost++;

  rapport_report_collect (ctx, p, RAPPORT_REPORT_SLICE_LOST, 0, NULL, id);
  rapport_report_collect (ctx, p, RAPPORT_REPORT_SLICE_LOST_REASON, 0, reason, id);
  rapport_report_collect (ctx, p, RAPPORT_REPORT_SLICE_OWNER_LOST, 0, owner, id);
}

static gboolean
read_closed (Build   *build,
             GError **error)
{
  RapportReportContext *ctx = &build->ctx;
  RapportSqlStmt *stmt = rapport_store_stmt_sql (ctx->store, CLOSED_SQL);
  int rc;

  rapport_report_bind (ctx, stmt, ctx->periods[1]->from, G_MAXINT64, ctx->pipeline_id);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      gint64 id = rapport_sql_column_int64 (stmt, 0);
      RapportDealStatus status = rapport_sql_column_int (stmt, 1);
      gint64 value = rapport_sql_column_int64 (stmt, 2);
      gboolean is_default = g_strcmp0 (rapport_sql_column_text (stmt, 3), ctx->currency) == 0;
      gint64 created = rapport_sql_column_int64 (stmt, 4);
      gint64 closed = rapport_sql_column_int64 (stmt, 5);
      int p = rapport_report_period_of (ctx, closed);

      if (p >= 0 && !is_default)
        {
          if (status == RAPPORT_DEAL_STATUS_WON)
            ctx->periods[p]->other_currencies.won++;
          else
            ctx->periods[p]->other_currencies.lost++;
          rapport_report_add_other (&build->ctx, p, id);
        }
      else if (p >= 0 && status == RAPPORT_DEAL_STATUS_WON)
        count_won (build, p, stmt, id, value);
      else if (p >= 0)
        count_lost (build, p, stmt, id, value);

      /* Closed after a period's end: it was open then. */
      for (int q = 0; q < 2; q++)
        if (created < open_instant (build, q) && closed >= open_instant (build, q))
          count_open (build, q, id, is_default, value,
                      rapport_report_stage_info (ctx, rapport_sql_column_int64 (stmt, 10)).probability);
    }

  return step_error (build, stmt, rc, error);
}

/* Open deals and the forecast */

/* year × 12 + month − 1 of a UTC time, or of "YYYY-MM…"; -1 if not one. */
static int
month_index_of_time (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);

  return g_date_time_get_year (dt) * 12 + g_date_time_get_month (dt) - 1;
}

static int
month_index_of_date (const char *date)
{
  if (date == NULL || strlen (date) < 7 || date[4] != '-')
    return -1;
  for (int i = 0; i < 7; i++)
    if (i != 4 && !g_ascii_isdigit (date[i]))
      return -1;

  return (int) g_ascii_strtoll (date, NULL, 10) * 12 + (int) g_ascii_strtoll (date + 5, NULL, 10) - 1;
}

static gint64
month_start (int index)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (index / 12, index % 12 + 1, 1, 0, 0, 0);

  return g_date_time_to_unix (dt);
}

static void
month_init (RapportReportMonth *month,
            int                 index)
{
  memset (month, 0, sizeof *month);
  month->start = month_start (index);
  month->year = index / 12;
  month->month = index % 12 + 1;
}

static void
forecast_deal (Build      *build,
               gint64      id,
               gint64      value,
               int         probability,
               const char *expected_close)
{
  RapportReport *report = build->report;
  int index = month_index_of_date (expected_close);
  RapportReportMonth *month;
  gint64 param;

  if (index < 0)
    {
      month = &report->forecast_undated;
      param = -1;
    }
  else if (index < build->month_now)
    {
      month = &report->forecast_overdue;
      param = 0;
    }
  else if (index < build->month_now + N_FORECAST_MONTHS)
    {
      month = &g_array_index (report->forecast, RapportReportMonth, index - build->month_now);
      param = month->start;
    }
  else
    return;

  month->count++;
  month->value += value;
  month->weighted += weighted (value, probability);
  rapport_report_collect (&build->ctx, 0, RAPPORT_REPORT_SLICE_FORECAST_MONTH, param, NULL, id);
}

static gboolean
read_open (Build   *build,
           GError **error)
{
  RapportReportContext *ctx = &build->ctx;
  RapportSqlStmt *stmt = rapport_store_stmt_sql (ctx->store, OPEN_SQL);
  int rc;

  rapport_report_bind (ctx, stmt, 0, 0, ctx->pipeline_id);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      gint64 id = rapport_sql_column_int64 (stmt, 0);
      gint64 value = rapport_sql_column_int64 (stmt, 1);
      gboolean is_default = g_strcmp0 (rapport_sql_column_text (stmt, 2), ctx->currency) == 0;
      gint64 created = rapport_sql_column_int64 (stmt, 3);
      int probability = rapport_report_stage_info (ctx, rapport_sql_column_int64 (stmt, 5)).probability;

      for (int q = 0; q < 2; q++)
        if (created < open_instant (build, q))
          count_open (build, q, id, is_default, value, probability);

      if (is_default)
        forecast_deal (build, id, value, probability, rapport_sql_column_text (stmt, 4));
    }

  return step_error (build, stmt, rc, error);
}

/* Leads */

static gboolean
read_leads (Build   *build,
            GError **error)
{
  RapportReportContext *ctx = &build->ctx;
  RapportSqlStmt *stmt = rapport_store_stmt_sql (ctx->store, LEADS_SQL);
  gint64 limit = (gint64) rapport_store_get_speed_to_lead_minutes (ctx->store) * 60;
  int rc;

  rapport_report_bind (ctx, stmt, ctx->periods[1]->from, ctx->periods[0]->to, 0);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      gint64 arrived = rapport_sql_column_int64 (stmt, 0);
      int p = rapport_report_period_of (ctx, arrived);
      RapportReportSpeed *speed;
      gint64 delay;

      if (p < 0)
        continue;

      speed = &ctx->periods[p]->speed;
      speed->leads++;
      if (rapport_sql_column_is_null (stmt, 1))
        {
          speed->never++;
          continue;
        }

      /* Contacted before arriving says the clock was wrong: a lead, but
       * neither contacted in time nor waiting. */
      delay = rapport_sql_column_int64 (stmt, 1) - arrived;
      if (delay < 0)
        continue;

      speed->contacted++;
      if (delay <= limit)
        speed->within++;
      speed->buckets[delay <= 5 * 60 ? 0 : delay <= 15 * 60 ? 1 : delay <= 60 * 60 ? 2 : 3]++;
      g_array_append_val (build->work[p].delays, delay);
    }

  return step_error (build, stmt, rc, error);
}

/* Activities */

static void
count_activity (gpointer    user_data,
                int         p,
                int         kind,
                const char *owner,
                guint       count)
{
  Build *build = user_data;
  RapportReportPeriod *period = build->ctx.periods[p];

  period->activities[kind] += count;
  owner_of (period, &build->work[p], or_empty (owner))->activities += count;
}

/* The activities and their owners are a third of the summary's reads and
 * share nothing with the rest until they are counted: with a side reader
 * they are read on a thread of their own meanwhile, their counts kept
 * here and handed on after. */
typedef struct
{
  int    period;
  int    kind;
  char  *owner;
  guint  count;
} KeptCount;

typedef struct
{
  RapportReportContext *ctx;
  RapportSideRead      *side;
  GArray               *counts;   /* KeptCount */
  GError               *error;
  gboolean              ok;
} SideWork;

static void
kept_count_clear (gpointer data)
{
  g_free (((KeptCount *) data)->owner);
}

static void
keep_activity (gpointer    user_data,
               int         period,
               int         kind,
               const char *owner,
               guint       count)
{
  SideWork *work = user_data;
  KeptCount kept = { period, kind, g_strdup (owner), count };

  g_array_append_val (work->counts, kept);
}

static gpointer
side_work_run (gpointer data)
{
  SideWork *work = data;

  work->ok = rapport_report_activities (work->ctx, work->side, keep_activity, work, &work->error);

  return NULL;
}

static GThread *
side_work_start (Build           *build,
                 RapportSideRead *side,
                 SideWork        *work)
{
  *work = (SideWork) { .ctx = &build->ctx, .side = side };
  work->counts = g_array_new (FALSE, FALSE, sizeof (KeptCount));
  g_array_set_clear_func (work->counts, kept_count_clear);

  return g_thread_new ("rapport-report", side_work_run, work);
}

/* Waits for the side's reads; hands on their counts when @ok. */
static gboolean
side_work_finish (Build     *build,
                  GThread   *thread,
                  SideWork  *work,
                  gboolean   ok,
                  GError   **error)
{
  g_thread_join (thread);

  if (ok && !work->ok)
    g_propagate_error (error, g_steal_pointer (&work->error));
  ok = ok && work->ok;
  for (guint i = 0; ok && i < work->counts->len; i++)
    {
      const KeptCount *kept = &g_array_index (work->counts, KeptCount, i);

      count_activity (build, kept->period, kept->kind, kept->owner, kept->count);
    }
  g_clear_error (&work->error);
  g_array_unref (work->counts);

  return ok;
}

static gboolean
read_activities (Build   *build,
                 GError **error)
{
  return rapport_report_activities (&build->ctx, NULL, count_activity, build, error);
}

/* Won deals by month: the twelve months up to the one of now. */

static gboolean
read_won_months (Build   *build,
                 GError **error)
{
  RapportReportContext *ctx = &build->ctx;
  RapportSqlStmt *stmt = rapport_store_stmt_sql (ctx->store, WON_SQL);
  int first = build->month_now - (N_WON_MONTHS - 1);
  int rc;

  rapport_report_bind (ctx, stmt, month_start (first), month_start (build->month_now + 1), ctx->pipeline_id);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      gint64 id = rapport_sql_column_int64 (stmt, 0);
      int index = month_index_of_time (rapport_sql_column_int64 (stmt, 1)) - first;
      RapportReportMonth *month;

      if (index < 0 || index >= N_WON_MONTHS ||
          g_strcmp0 (rapport_sql_column_text (stmt, 3), ctx->currency) != 0)
        continue;

      month = &g_array_index (build->report->won_by_month, RapportReportMonth, index);
      month->count++;
      month->value += rapport_sql_column_int64 (stmt, 2);
      rapport_report_collect (ctx, 0, RAPPORT_REPORT_SLICE_WON_MONTH, month->start, NULL, id);
    }

  return step_error (build, stmt, rc, error);
}

/* The figures made from what was gathered */

static int
compare_reasons (gconstpointer a,
                 gconstpointer b)
{
  const RapportReportGroup *x = a, *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;

  return strcmp (x->name, y->name);
}

static int
compare_sources (gconstpointer a,
                 gconstpointer b)
{
  const RapportReportGroup *x = a, *y = b;

  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;

  return strcmp (x->name, y->name);
}

static int
compare_owners (gconstpointer a,
                gconstpointer b)
{
  const RapportReportOwner *x = a, *y = b;

  if (x->won_value != y->won_value)
    return x->won_value > y->won_value ? -1 : 1;
  if (x->won != y->won)
    return x->won > y->won ? -1 : 1;

  return strcmp (x->owner, y->owner);
}

static double
minutes_at_rank (GArray *delays,
                 guint   rank)
{
  return (double) g_array_index (delays, gint64, rank) / 60.0;
}

int
rapport_report_compare_gint64 (gconstpointer a,
                               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
finish_speed (RapportReportSpeed *speed,
              GArray             *delays)
{
  guint n = delays->len;

  speed->share = ratio (speed->within, speed->leads);
  speed->median_minutes = NAN;
  speed->p90_minutes = NAN;
  if (n == 0)
    return;

  g_array_sort (delays, rapport_report_compare_gint64);
  speed->median_minutes = n % 2 ? minutes_at_rank (delays, n / 2)
                                : (minutes_at_rank (delays, n / 2 - 1) + minutes_at_rank (delays, n / 2)) / 2;
  /* Nearest rank: the smallest delay that 90% of them do not exceed. */
  speed->p90_minutes = minutes_at_rank (delays, (guint) ceil (0.9 * n) - 1);
}

static void
finish_period (RapportReportPeriod *period,
               PeriodWork          *work,
               GHashTable          *others)
{
  period->win_rate = ratio (period->won.count, period->won.count + period->lost.count);
  period->win_rate_value = ratio ((double) period->won.value, (double) (period->won.value + period->lost.value));
  period->average_won_value = ratio ((double) period->won.value, period->won.count);
  period->cycle_days_average = NAN;
  if (work->cycles->len > 0)
    {
      double sum = 0;

      for (guint i = 0; i < work->cycles->len; i++)
        sum += g_array_index (work->cycles, double, i);
      period->cycle_days_average = sum / work->cycles->len;
    }
  period->cycle_days_median = rapport_report_median (work->cycles);

  /* NaN stays NaN through the product; a cycle of 0 days has no rate. */
  period->velocity_per_day = period->cycle_days_average > 0
    ? period->open.count * period->average_won_value * period->win_rate / period->cycle_days_average
    : NAN;

  finish_speed (&period->speed, work->delays);
  period->new_leads = period->speed.leads;

  for (guint i = 0; i < period->owners->len; i++)
    {
      RapportReportOwner *owner = &g_array_index (period->owners, RapportReportOwner, i);

      owner->win_rate = ratio (owner->won, owner->won + owner->lost);
    }
  g_array_sort (period->owners, compare_owners);
  g_array_sort (period->lost_reasons, compare_reasons);
  g_array_sort (period->won_by_source, compare_sources);

  period->repeat.repeat_customers = g_hash_table_size (work->repeaters);
  period->repeat.share = ratio (period->repeat.repeat_customers, period->repeat.customers);
  period->other_currencies.count = g_hash_table_size (others);
}

/* The pipeline of the funnel: the query's, else the current one. */
static gint64
funnel_pipeline (RapportStore *self,
                 gint64        pipeline_id)
{
  g_autoptr(RapportPipeline) current = NULL;

  if (pipeline_id != 0)
    return pipeline_id;

  current = rapport_store_get_current_pipeline (self);
  return current != NULL ? rapport_record_get_id (RAPPORT_RECORD (current)) : 0;
}

static RapportReport *
report_new (RapportStore             *self,
            const RapportReportQuery *query)
{
  RapportReport *report = g_new0 (RapportReport, 1);

  report->from = query->from;
  report->to = query->to;
  report->owner = g_strdup (query->owner);
  report->pipeline_id = query->pipeline_id;
  report->funnel_pipeline_id = funnel_pipeline (self, query->pipeline_id);
  report->currency = g_strdup (rapport_store_get_default_currency (self));
  report->now = rapport_store_now (self);

  report->current.from = query->from;
  report->current.to = query->to;
  report->previous.to = query->from;
  report->previous.from = query->from - (query->to - query->from);
  rapport_report_period_init (&report->current);
  rapport_report_period_init (&report->previous);

  report->forecast = g_array_new (FALSE, TRUE, sizeof (RapportReportMonth));
  report->won_by_month = g_array_new (FALSE, TRUE, sizeof (RapportReportMonth));

  return report;
}

/* The customers' answers of each period (rapport-store-after-sales.c),
 * with NaN for what has no answers to divide by. */
static gboolean
read_satisfaction (Build   *build,
                   GError **error)
{
  for (int p = 0; p < 2; p++)
    {
      RapportReportPeriod *period = build->ctx.periods[p];
      RapportSatisfactionSummary summary;

      if (!rapport_store_summarize_satisfaction (build->ctx.store, period->from, period->to,
                                                 build->ctx.owner, build->ctx.pipeline_id, &summary, error))
        return FALSE;

      period->satisfaction = (RapportReportSatisfaction) {
        .scores = summary.scores,
        .average_score = summary.scores > 0 ? summary.average_score : NAN,
        .nps_answers = summary.nps_answers,
        .promoters = summary.promoters,
        .passives = summary.passives,
        .detractors = summary.detractors,
        .nps = summary.nps_answers > 0 ? summary.nps : NAN,
      };
    }

  return TRUE;
}

static RapportReport *
compute (RapportStore              *self,
         const RapportReportQuery  *query,
         RapportReportCollector    *collector,
         GError                   **error)
{
  g_autoptr(RapportReport) report = NULL;
  Build build = { 0 };
  RapportSideRead *side = NULL;
  SideWork side_work;
  GThread *thread = NULL;
  gboolean began = FALSE;
  gboolean ok;

  if (query->to <= query->from)
    {
      rapport_store_invalid (error, "%s", _("A report's period must end after it starts"));
      return NULL;
    }

  report = report_new (self, query);
  build.report = report;
  build.ctx = (RapportReportContext) {
    .store = self,
    .owner = query->owner != NULL && *query->owner != '\0' ? query->owner : NULL,
    .pipeline_id = query->pipeline_id,
    .funnel_pipeline_id = report->funnel_pipeline_id,
    .currency = report->currency,
    .now = report->now,
    .periods = { &report->current, &report->previous },
    .collector = collector,
  };
  build.month_now = month_index_of_time (report->now);
  build.first_wins = g_array_new (FALSE, FALSE, sizeof (FirstWin));
  build.ctx.stages = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (int p = 0; p < 2; p++)
    {
      work_init (&build.work[p]);
      build.ctx.others[p] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    }

  g_array_set_size (report->forecast, N_FORECAST_MONTHS);
  for (int i = 0; i < N_FORECAST_MONTHS; i++)
    month_init (&g_array_index (report->forecast, RapportReportMonth, i), build.month_now + i);
  g_array_set_size (report->won_by_month, N_WON_MONTHS);
  for (int i = 0; i < N_WON_MONTHS; i++)
    month_init (&g_array_index (report->won_by_month, RapportReportMonth, i),
                build.month_now - (N_WON_MONTHS - 1) + i);
  report->current.speed.minutes = report->previous.speed.minutes = rapport_store_get_speed_to_lead_minutes (self);

  rapport_store_grow_page_cache (self);
  /* One snapshot of the file for every read, on one connection or two. */
  ok = rapport_store_read_begin_with_side (self, &began, &side, error) &&
       read_stage_infos (&build, error);
  if (ok && side != NULL)
    thread = side_work_start (&build, side, &side_work);
  ok = ok &&
       read_first_wins (&build, error) &&
       read_closed (&build, error) &&
       read_open (&build, error) &&
       read_leads (&build, error) &&
       (thread != NULL || read_activities (&build, error)) &&
       read_won_months (&build, error) &&
       read_satisfaction (&build, error) &&
       rapport_report_funnel (&build.ctx, error);
  if (thread != NULL)
    ok = side_work_finish (&build, thread, &side_work, ok, error);
  rapport_store_read_end_with_side (self, began, side);

  if (ok)
    for (int p = 0; p < 2; p++)
      finish_period (build.ctx.periods[p], &build.work[p], build.ctx.others[p]);

  for (int p = 0; p < 2; p++)
    {
      work_clear (&build.work[p]);
      g_hash_table_unref (build.ctx.others[p]);
    }
  g_array_unref (build.first_wins);
  g_hash_table_unref (build.ctx.stages);

  return ok ? g_steal_pointer (&report) : NULL;
}

RapportReport *
rapport_store_report_summary (RapportStore              *self,
                              const RapportReportQuery  *query,
                              GError                   **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return compute (self, query, NULL, error);
}

GArray *
rapport_store_report_deal_ids (RapportStore              *self,
                               const RapportReportQuery  *query,
                               RapportReportSlice         slice,
                               gint64                     param,
                               const char                *text,
                               GError                   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RapportReportCollector collector = { slice, param, text, ids };
  g_autoptr(RapportReport) report = NULL;
  guint kept = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  report = compute (self, query, &collector, error);
  if (report == NULL)
    return NULL;

  g_array_sort (ids, rapport_report_compare_gint64);
  for (guint i = 0; i < ids->len; i++)
    if (kept == 0 || g_array_index (ids, gint64, i) != g_array_index (ids, gint64, kept - 1))
      g_array_index (ids, gint64, kept++) = g_array_index (ids, gint64, i);
  g_array_set_size (ids, kept);

  return g_steal_pointer (&ids);
}
