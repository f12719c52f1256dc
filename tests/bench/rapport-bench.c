/* rapport-bench.c — Rapport's figures, each against a floor measured in the
 * same run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it prints numbers for people to read. Run it through
 * build-aux/bench, which provides the display and the session bus.
 */

#include "config.h"

#include "bench-insights.h"
#include "bench-support.h"

#include <glib/gstdio.h>
#include <string.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rapport-renderer.h"

#include "rapport-sqlite-private.h"

static int n_deals = 100000;
static int n_contacts = 200000;
static int n_moves = 1000;
static int n_runs = 7;
static int n_summaries = 21;

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

/* The SQLite floor for bulk writes: plain rows, one transaction. */
static double
floor_bulk_insert (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "floor.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start;

  sqlite3_open (path, &db);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                    "CREATE TABLE deal (id INTEGER PRIMARY KEY, title TEXT, value INTEGER,"
                    " stage_id INTEGER, rank INTEGER, created_at INTEGER)", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO deal (title, value, stage_id, rank, created_at)"
                          " VALUES (?1, ?2, ?3, ?4, ?5)", -1, &stmt, NULL);

  start = g_get_monotonic_time ();
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  for (int i = 0; i < n_deals; i++)
    {
      sqlite3_bind_text (stmt, 1, "Acme renewal", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, 100000 + i);
      sqlite3_bind_int64 (stmt, 3, i % 5);
      sqlite3_bind_int64 (stmt, 4, i);
      sqlite3_bind_int64 (stmt, 5, 1700000000 + i);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return bench_ms_since (start);
}

/* The SQLite floor for one drop: a one-row UPDATE in its own transaction,
 * with the same durability settings as the store. */
static void
floor_one_row_update (const char *path,
                      GArray     *samples)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  sqlite3_open (path, &db);
  sqlite3_exec (db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "UPDATE deal SET rank = rank + 1 WHERE id = ?1", -1, &stmt, NULL);

  for (int i = 0; i < n_moves; i++)
    {
      gint64 start = g_get_monotonic_time ();

      sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      sqlite3_bind_int64 (stmt, 1, 1 + g_random_int_range (0, n_deals));
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      g_array_append_val (samples, (double) { bench_ms_since (start) });
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* What a drop on the board does: one store call, committed. */
static void
measure_moves (RapportStore *store,
               GArray       *samples)
{
  g_autoptr(RapportPipeline) pipeline = rapport_store_get_current_pipeline (store);
  GListModel *stages = rapport_store_get_stages (store, pipeline);
  guint n_stages = g_list_model_get_n_items (stages);
  g_autoptr(GPtrArray) ids = rapport_store_list_deal_ids (store, NULL, NULL);

  for (int i = 0; i < n_moves; i++)
    {
      gint64 id = *(gint64 *) ids->pdata[g_random_int_range (0, ids->len)];
      g_autoptr(RapportDeal) deal = rapport_store_get_deal (store, id, NULL);
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, g_random_int_range (0, n_stages));
      g_autoptr(GError) error = NULL;
      int position = g_random_int_range (-1, 40);
      gint64 start = g_get_monotonic_time ();

      if (!rapport_store_move_deal (store, deal, stage, position, &error))
        g_error ("move failed: %s", error->message);
      g_array_append_val (samples, (double) { bench_ms_since (start) });
    }
}

/* Runs @argv until it prints "first-frame"; returns the wall time in ms,
 * the processor time (user and system, all threads) in ms and the peak
 * resident memory in MB of the whole process. */
static gboolean
time_first_frame (char      **argv,
                  gboolean    no_gl,
                  double     *ms,
                  double  *cpu_ms,
                  double  *peak_mb)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "RAPPORT_BENCH_FIRST_FRAME", "1", TRUE);
  char line[64] = { 0 };
  struct rusage usage;
  GPid pid;
  int out_fd, status;
  gint64 start;
  FILE *out;

  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  if (no_gl)
    {
      envp = g_environ_setenv (envp, "GSK_RENDERER", "cairo", TRUE);
      envp = g_environ_setenv (envp, "GDK_DEBUG", "gl-disable", TRUE);
    }

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                 &pid, NULL, &out_fd, NULL, &error))
    {
      g_printerr ("cannot start %s: %s\n", argv[0], error->message);
      return FALSE;
    }

  out = fdopen (out_fd, "r");
  while (fgets (line, sizeof line, out) != NULL && !g_str_has_prefix (line, "first-frame"))
    ;
  *ms = bench_ms_since (start);
  fclose (out);

  if (wait4 (pid, &status, 0, &usage) < 0 || !g_str_has_prefix (line, "first-frame"))
    return FALSE;

  *cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
            (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  *peak_mb = usage.ru_maxrss / 1024.0;
  return TRUE;
}

typedef struct
{
  const char *label;
  char      **argv;
  gboolean    no_gl;     /* GSK_RENDERER=cairo GDK_DEBUG=gl-disable */
  GArray     *times;     /* ms, wall */
  GArray     *cpu;       /* ms, processor */
  GArray     *peaks;     /* MB */
  double      median_ms;
  double      median_cpu_ms;
  double      median_mb;
} Start;

/* Runs each program of @starts once a round, @n_runs rounds: a machine
 * that gets busier or quieter during the run weighs on all of them alike,
 * not on whichever came last. */
static void
measure_starts (Start *starts,
                guint  n_starts)
{
  for (guint j = 0; j < n_starts; j++)
    {
      starts[j].times = g_array_new (FALSE, FALSE, sizeof (double));
      starts[j].cpu = g_array_new (FALSE, FALSE, sizeof (double));
      starts[j].peaks = g_array_new (FALSE, FALSE, sizeof (double));
    }

  for (int i = 0; i < n_runs; i++)
    for (guint j = 0; j < n_starts; j++)
      {
        double ms, cpu_ms, mb;

        if (!time_first_frame (starts[j].argv, starts[j].no_gl, &ms, &cpu_ms, &mb))
          g_error ("%s did not draw a frame", starts[j].label);
        g_array_append_val (starts[j].times, ms);
        g_array_append_val (starts[j].cpu, cpu_ms);
        g_array_append_val (starts[j].peaks, mb);
      }

  for (guint j = 0; j < n_starts; j++)
    {
      Start *start = &starts[j];

      start->median_ms = bench_percentile (start->times, 50);
      start->median_cpu_ms = bench_percentile (start->cpu, 50);
      start->median_mb = bench_percentile (start->peaks, 50);
      printf ("  %-36s median %7.1f ms   (min %.1f, max %.1f)   CPU %6.1f ms   peak RSS %.0f MB\n",
              start->label, start->median_ms, bench_percentile (start->times, 0),
              bench_percentile (start->times, 100), start->median_cpu_ms, start->median_mb);
      g_array_unref (start->times);
      g_array_unref (start->cpu);
      g_array_unref (start->peaks);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— Rapport's benchmark");
  g_autoptr(GError) error = NULL;
  g_autofree char *keep = NULL;
  GOptionEntry entries[] = {
    { "deals", 0, 0, G_OPTION_ARG_INT, &n_deals, "Deals in the database (100000)", "N" },
    { "contacts", 0, 0, G_OPTION_ARG_INT, &n_contacts, "Contacts in the database (200000)", "N" },
    { "moves", 0, 0, G_OPTION_ARG_INT, &n_moves, "Moves to time (1000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Start-ups to time (7)", "N" },
    { "summaries", 0, 0, G_OPTION_ARG_INT, &n_summaries, "Insights summaries to time (21)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the database in this folder", "DIR" },
    { NULL }
  };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_moves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *cpu = NULL;
  double demo_ms, floor_ms;
  gint64 start;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  dir = keep ? g_strdup (keep) : g_dir_make_tmp ("rapport-bench-XXXXXX", NULL);
  g_mkdir_with_parents (dir, 0700);
  path = g_build_filename (dir, "bench.db", NULL);
  g_unlink (path);

  if (g_file_get_contents ("/proc/cpuinfo", &cpu, NULL, NULL))
    {
      char *model = strstr (cpu, "model name");
      char *end = model ? strchr (model, '\n') : NULL;

      if (end)
        *end = '\0';
      printf ("machine: %s, %u cores\n", model ? strchr (model, ':') + 2 : "unknown",
              g_get_num_processors ());
    }
  printf ("database: %d deals, %d contacts, in %s\n\n", n_deals, n_contacts, path);

  /* 1. Filling the database */
  start = g_get_monotonic_time ();
  store = rapport_store_new (path, &error);
  g_assert_no_error (error);
  if (!rapport_store_fill_demo (store, n_deals, n_contacts, 42, &error))
    g_error ("demo failed: %s", error->message);
  demo_ms = bench_ms_since (start);
  g_clear_object (&store);
  floor_ms = floor_bulk_insert (dir);
  printf ("demo --deals %d --contacts %d:\n", n_deals, n_contacts);
  printf ("  Rapport (two years: deals, history, activities, leads)  %8.0f ms\n", demo_ms);
  printf ("  floor: bare SQLite, %d plain rows, one transaction   %8.0f ms\n", n_deals, floor_ms);
  printf ("  file size: %.1f MB\n\n", file_size (path) / 1048576.0);

  /* 2. The Insights summary, before the moves below reopen some deals */
  bench_insights_summary (path, n_summaries);
  printf ("\n");

  /* 3. Drop to commit */
  store = rapport_store_new (path, &error);
  g_assert_no_error (error);
  measure_moves (store, moves);
  g_clear_object (&store);
  floor_one_row_update (path, floor_moves);
  printf ("drop to committed transaction, %d moves (WAL, synchronous=FULL):\n", n_moves);
  printf ("  Rapport move_deal            median %.3f ms   p99 %.3f ms\n",
          bench_percentile (moves, 50), bench_percentile (moves, 99));
  printf ("  floor: one-row UPDATE        median %.3f ms   p99 %.3f ms\n",
          bench_percentile (floor_moves, 50), bench_percentile (floor_moves, 99));
  printf ("  ratio (median)               %.2f×\n\n", bench_percentile (moves, 50) / bench_percentile (floor_moves, 50));

  /* 4. Start to first frame */
  if (g_getenv ("DISPLAY") != NULL)
    {
      char *app_argv[] = { (char *) RAPPORT_APP_PATH, (char *) "--db", path, NULL };
      char *floor_argv[] = { (char *) BENCH_FLOOR_PATH, NULL };
#ifdef BENCH_FLOOR_ADW_PATH
      char *adw_argv[] = { (char *) BENCH_FLOOR_ADW_PATH, NULL };
#endif
      /* Without a GPU Rapport leaves GL off and draws with GTK's Cairo
       * renderer (main.c): the same for a bare window is the like-for-like
       * floor, printed beside the floor as GTK comes. */
      gboolean cairo = !rapport_renderer_has_gpu ();
      Start starts[] = {
        { "floor: bare GTK window", floor_argv, FALSE },
        { "floor: bare GTK window, no GL (Cairo)", floor_argv, TRUE },
#ifdef BENCH_FLOOR_ADW_PATH
        { "floor: bare libadwaita window", adw_argv, FALSE },
#endif
        { "Rapport, board of the demo database", app_argv, FALSE },
      };
      const Start *bare = &starts[0];
      const Start *bare_cairo = &starts[1];
      const Start *app = &starts[G_N_ELEMENTS (starts) - 1];

      printf ("start to first drawn frame (%d runs each, taken in turn; CPU: all threads):\n", n_runs);
      printf ("  (%s)\n", cairo ? "no GPU here: Rapport leaves GL off and draws with GTK's Cairo renderer;"
                                 " the floors run as GTK comes, with GL, but the second"
                                 : "a GPU here: every program draws as GTK comes");
      measure_starts (starts, G_N_ELEMENTS (starts));
      printf ("  ratio                                %.2f× the floor (bare GTK window; CPU %.2f×)\n",
              app->median_ms / bare->median_ms, app->median_cpu_ms / bare->median_cpu_ms);
      if (cairo)
        printf ("  ratio                                %.2f× a bare GTK window set up as Rapport is (CPU %.2f×)\n",
                app->median_ms / bare_cairo->median_ms, app->median_cpu_ms / bare_cairo->median_cpu_ms);
#ifdef BENCH_FLOOR_ADW_PATH
      /* The design mandates libadwaita: what it costs before any content
       * of ours is no more Rapport's doing than GTK's own start is. */
      printf ("  ratio                                %.2f× a bare libadwaita window (CPU %.2f×),\n"
              "                                       which is %.2f× the bare GTK one\n",
              app->median_ms / starts[2].median_ms, app->median_cpu_ms / starts[2].median_cpu_ms,
              starts[2].median_ms / bare->median_ms);
#endif
      printf ("  peak resident memory                 %.0f MB (floor %.0f MB)\n",
              app->median_mb, bare->median_mb);
    }
  else
    printf ("start to first frame: skipped, no DISPLAY (run through build-aux/bench)\n");

  if (keep == NULL)
    {
      g_autofree char *floor_path = g_build_filename (dir, "floor.db", NULL);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_unlink (floor_path);
      g_rmdir (dir);
    }

  return 0;
}
