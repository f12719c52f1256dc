/* bench-deals.c — the Deals view's lists on 100 000 deals: every sort, the
 * filters and a search, against a floor measured in the same run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it prints numbers for people to read, and asserts nothing.
 * Usage: rapport-bench-deals [DATABASE]. Without DATABASE, or when it does
 * not exist yet, a database of 100 000 deals and 200 000 contacts is made;
 * an existing one is reused as it is.
 *
 * Each list is asked for as the view asks when a header is clicked or a
 * filter changes (rapport_store_query_deals: ids only, no objects). The
 * floors are bare SQLite on the same file: every deal id in table order,
 * and every id sorted by title (a sort with no index, as most columns).
 */

#include "config.h"

#include "bench-support.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>

#include "rapport-store.h"

#define N_DEALS    100000
#define N_CONTACTS 200000
#define REPEATS    7

G_STATIC_ASSERT (RAPPORT_DEAL_SORT_RANK == 9);

typedef double (*Measure) (gpointer data);

static double
median_of (Measure  measure,
           gpointer data)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < REPEATS; i++)
    {
      double ms = measure (data);

      g_array_append_val (samples, ms);
    }
  return bench_percentile (samples, 50);
}

typedef struct
{
  RapportStore     *store;
  RapportDealQuery  query;
  guint             n;
} ListRun;

static double
measure_list (gpointer data)
{
  ListRun *run = data;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GListModel) list = rapport_store_query_deals (run->store, &run->query);
  double ms = bench_ms_since (start);

  run->n = g_list_model_get_n_items (list);
  return ms;
}

typedef struct
{
  sqlite3    *db;
  const char *sql;
  guint       n;
} FloorRun;

static double
measure_floor (gpointer data)
{
  FloorRun *run = data;
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (sqlite3_prepare_v2 (run->db, run->sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (run->db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  run->n = ids->len;
  return bench_ms_since (start);
}

static void
report (const char             *what,
        RapportStore           *store,
        const RapportDealQuery *query)
{
  ListRun run = { store, *query, 0 };
  double ms = median_of (measure_list, &run);

  printf ("  %-34s %8.1f ms  (%u deals)\n", what, ms, run.n);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const sort_names[] = {
    "title", "organization", "contact", "value", "stage or outcome", "owner",
    "close date", "last activity", "next follow-up", "board order",
  };
  const char *path = argc > 1 ? argv[1] : "/tmp/rapport-bench-deals.db";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  gboolean existed;
  RapportDealQuery query;
  sqlite3 *db = NULL;
  FloorRun table = { NULL, "SELECT id FROM deal", 0 };
  FloorRun by_title = { NULL, "SELECT id FROM deal ORDER BY title COLLATE NOCASE, id", 0 };
  double floor_table, floor_title;

  setlocale (LC_ALL, "");

  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  store = rapport_store_new (path, &error);
  if (store == NULL)
    g_error ("Could not open %s: %s", path, error->message);
  if (!existed && !rapport_store_fill_demo (store, N_DEALS, N_CONTACTS, 42, &error))
    g_error ("Could not fill the demo data: %s", error->message);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("Could not open %s with SQLite", path);
  table.db = by_title.db = db;
  floor_table = median_of (measure_floor, &table);
  floor_title = median_of (measure_floor, &by_title);

  printf ("Deals view lists (median of %d, %s)\n", REPEATS, path);
  printf ("  floor: every id, bare SQLite        %8.1f ms  (%u deals)\n", floor_table, table.n);
  printf ("  floor: every id by title, bare SQLite %6.1f ms\n", floor_title);

  for (int sort = 0; sort <= RAPPORT_DEAL_SORT_RANK; sort++)
    {
      g_autofree char *what = g_strdup_printf ("all, by %s", sort_names[sort]);

      rapport_deal_query_init (&query);
      query.sort = sort;
      report (what, store, &query);
      query.descending = TRUE;
      g_free (what);
      what = g_strdup_printf ("all, by %s, descending", sort_names[sort]);
      report (what, store, &query);
    }

  rapport_deal_query_init (&query);
  query.status = RAPPORT_DEAL_STATUS_WON;
  report ("won", store, &query);
  query.status = RAPPORT_DEAL_STATUS_OPEN;
  report ("open", store, &query);
  rapport_deal_query_init (&query);
  query.owner = "Maya Cohen";
  report ("one owner", store, &query);
  rapport_deal_query_init (&query);
  query.close_from = "2026-01-01";
  query.close_to = "2026-03-31";
  report ("a quarter's close dates", store, &query);
  rapport_deal_query_init (&query);
  query.value_min = 1000000;
  query.value_max = 5000000;
  report ("a value range", store, &query);
  rapport_deal_query_init (&query);
  query.search = "acme";
  report ("search \"acme\"", store, &query);
  query.search = "a";
  report ("search \"a\" (one letter)", store, &query);

  sqlite3_close (db);
  return 0;
}
