/* bench-insights.c — the Insights summary, against one scan of the deals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of rapport-bench: on its demo database (two years of history), the
 * whole summary the Insights view asks for (rapport_store_report_summary:
 * the period and the one before it, funnel, forecast, speed to lead,
 * owners…), timed beside the floor issue #11 names, one plain scan
 * `SELECT count(*), sum(value) FROM deal` through the bare SQLite API on
 * the same file, in the same run, taken in turn with it.
 */

#include "config.h"

#include <stdio.h>

#include "bench-insights.h"
#include "bench-support.h"
#include "rapport-report.h"

#include "rapport-sqlite-private.h"

typedef struct
{
  const char *label;
  gint64      days;          /* the period: the @days before now */
  gboolean    alone;         /* on the read-only store: one connection */
  GArray     *times;         /* ms */
} Period;

static double
time_summary (RapportStore *store,
              gint64        now,
              gint64        days)
{
  RapportReportQuery query = { now - days * 86400, now, NULL, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportReport) report = NULL;
  gint64 start = g_get_monotonic_time ();

  report = rapport_store_report_summary (store, &query, &error);
  if (report == NULL)
    g_error ("the summary failed: %s", error->message);

  return bench_ms_since (start);
}

static double
time_floor_scan (sqlite3      *db,
                 sqlite3_stmt *stmt)
{
  gint64 start = g_get_monotonic_time ();
  volatile gint64 sum;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("the floor's scan failed: %s", sqlite3_errmsg (db));
  sum = sqlite3_column_int64 (stmt, 1);
  (void) sum;
  sqlite3_reset (stmt);

  return bench_ms_since (start);
}

/* What the summary has to chew on: two years of it. */
static void
print_database (sqlite3 *db)
{
  static const char sql[] =
    "SELECT (SELECT count(*) FROM deal), (SELECT count(*) FROM deal WHERE status = 0),"
    " (SELECT count(*) FROM deal WHERE status = 1), (SELECT count(*) FROM deal WHERE status = 2),"
    " (SELECT count(*) FROM stage_change), (SELECT count(*) FROM activity),"
    " (SELECT (max(created_at) - min(created_at)) / 86400 FROM deal)";
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    printf ("  database: %lld deals (%lld open, %lld won, %lld lost) created over %lld days,"
            " %lld stage changes, %lld activities\n",
            sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
            sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3),
            sqlite3_column_int64 (stmt, 6), sqlite3_column_int64 (stmt, 4),
            sqlite3_column_int64 (stmt, 5));
  sqlite3_finalize (stmt);
}

void
bench_insights_summary (const char *path,
                        int         n_runs)
{
  Period periods[] = {
    { "Rapport summary, last 30 days", 30, FALSE, NULL },
    { "Rapport summary, last 12 months", 365, FALSE, NULL },
    /* A read-only store has no side reader: what one core gives. */
    { "the same on one connection, 30 days", 30, TRUE, NULL },
    { "the same on one connection, 12 months", 365, TRUE, NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_new (path, &error);
  g_autoptr(RapportStore) alone = NULL;
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 now;
  double first;

  g_assert_no_error (error);
  alone = rapport_store_new_full (path, NULL, RAPPORT_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  now = rapport_store_now (store);
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT count(*), sum(value) FROM deal", -1, &stmt, NULL) != SQLITE_OK)
    g_error ("the floor cannot read %s: %s", path, sqlite3_errmsg (db));

  printf ("Insights: the whole summary (the period and the one before it), everyone, every pipeline\n");
  print_database (db);

  /* The first one pays for reading the file into the page cache; then
   * each figure is taken in turn, so a busier moment weighs on all. */
  first = time_summary (store, now, 365);
  time_summary (alone, now, 365);
  time_floor_scan (db, stmt);
  for (guint j = 0; j < G_N_ELEMENTS (periods); j++)
    periods[j].times = g_array_new (FALSE, FALSE, sizeof (double));
  for (int i = 0; i < n_runs; i++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (periods); j++)
        g_array_append_val (periods[j].times, (double) { time_summary (periods[j].alone ? alone : store, now, periods[j].days) });
      g_array_append_val (floor, (double) { time_floor_scan (db, stmt) });
    }

  for (guint j = 0; j < G_N_ELEMENTS (periods); j++)
    {
      printf ("  %-44s median %7.1f ms   p95 %7.1f ms   (%d runs)\n", periods[j].label,
              bench_percentile (periods[j].times, 50), bench_percentile (periods[j].times, 95), n_runs);
    }
  printf ("  %-44s median %7.1f ms   p95 %7.1f ms\n", "floor: SELECT count(*), sum(value) FROM deal",
          bench_percentile (floor, 50), bench_percentile (floor, 95));
  printf ("  first summary after opening the file: %.1f ms\n", first);
  /* The target is the summary the app and `report summary` give by
   * default: a month-long period beside the one before it. */
  printf ("  ratio (median, 30 days)                      %.1f× the floor; target: median <= 100 ms: %s\n",
          bench_percentile (periods[0].times, 50) / bench_percentile (floor, 50),
          bench_percentile (periods[0].times, 50) <= 100.0 ? "met" : "NOT met");
  printf ("  ratio (median, 12 months)                    %.1f× the floor\n",
          bench_percentile (periods[1].times, 50) / bench_percentile (floor, 50));

  /* The view's first frame is rapport-bench-insights-view's figure. */

  for (guint j = 0; j < G_N_ELEMENTS (periods); j++)
    g_array_unref (periods[j].times);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}
