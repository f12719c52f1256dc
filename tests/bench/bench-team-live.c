/* bench-team-live.c — how soon a teammate's change reaches the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rapport-bench-team-live A.db B.db PASSWORD-A [CHANGES]: two desktops of
 * one team (build-aux/bench-team makes them). Desktop A, on a thread of
 * its own as another computer would be, moves a deal between the first
 * two stages at random moments and syncs over its link at once, as the
 * app does after every change. Desktop B is the app's own machinery: a
 * RapportTeamSync (its thread hears the server's NOTIFY, pulls, and asks
 * the window's store to look) over the store whose board models are
 * watched. The figure is the time from A's commit to B's board model of
 * the target stage announcing the card; B's password comes the libpq way
 * (PGPASSWORD). The floor is the server's own notice: a NOTIFY on one
 * libpq connection until another that LISTENs reads it.
 */

#include "config.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-support.h"
#include "rapport-store-change-log.h"
#include "rapport-sync.h"
#include "rapport-team-sync.h"
#include "rapport-test-support.h"

typedef struct
{
  GMainLoop    *loop;
  GAsyncQueue  *seen;          /* B to A: the last change arrived */
  const char   *path_a;
  const char   *password_a;
  gint64        target;        /* the deal */
  guint         n_changes;
  gint64        committed_at;  /* atomic: A's last commit, 0 once seen */
  int           expecting;     /* which of B's columns should announce it */
  GArray       *latencies;
} Run;

static void
on_items_changed (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Run        *run)
{
  gint64 at = g_atomic_pointer_get (&run->committed_at);
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list), "column"));
  double ms;

  if (added == 0 || at == 0 || column != g_atomic_int_get (&run->expecting))
    return;

  ms = bench_ms_since (at);
  g_array_append_val (run->latencies, ms);
  g_atomic_pointer_set (&run->committed_at, 0);
  g_async_queue_push (run->seen, GINT_TO_POINTER (1));
}

/* Desktop A: a change, its push, then wait for B to see it. */
static gpointer
desktop_a (gpointer data)
{
  Run *run = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_new (run->path_a, &error);
  g_autoptr(RapportSyncLink) link = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  g_assert_no_error (error);
  link = rapport_sync_link_open (store, run->password_a, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < run->n_changes; i++)
    {
      g_autoptr(RapportStage) to = rapport_test_stage_at (store, i % 2 == 0 ? 1 : 0);
      g_autoptr(RapportDeal) deal = NULL;
      g_auto(RapportSyncResult) result = { 0 };

      g_usleep (g_rand_int_range (rand, 50, 300) * 1000);
      deal = rapport_store_get_deal (store, run->target, &error);
      g_assert_no_error (error);
      g_atomic_int_set (&run->expecting, i % 2 == 0 ? 1 : 0);
      if (!rapport_store_move_deal (store, deal, to, 0, &error))
        g_error ("%s", error->message);
      g_atomic_pointer_set (&run->committed_at, g_get_monotonic_time ());
      if (!rapport_sync_link_run (link, store, &result, &error))
        g_error ("%s", error->message);
      g_async_queue_pop (run->seen);
    }

  g_main_loop_quit (run->loop);
  return NULL;
}

/* The floor: the server's NOTIFY from one connection to another. */
static GArray *
notify_floor (const char *conninfo,
              guint       n)
{
  PGconn *listener = PQconnectdb (conninfo);
  PGconn *sender = PQconnectdb (conninfo);
  GArray *floor = g_array_new (FALSE, FALSE, sizeof (double));

  g_assert_cmpint (PQstatus (listener), ==, CONNECTION_OK);
  g_assert_cmpint (PQstatus (sender), ==, CONNECTION_OK);
  PQclear (PQexec (listener, "LISTEN rapport_bench_floor"));
  for (guint i = 0; i < n; i++)
    {
      gint64 start = g_get_monotonic_time ();
      PGnotify *notify = NULL;
      double ms;

      PQclear (PQexec (sender, "NOTIFY rapport_bench_floor, '1'"));
      while (notify == NULL)
        {
          GPollFD fd = { PQsocket (listener), G_IO_IN, 0 };

          g_poll (&fd, 1, 1000);
          PQconsumeInput (listener);
          notify = PQnotifies (listener);
        }
      ms = bench_ms_since (start);
      g_array_append_val (floor, ms);
      PQfreemem (notify);
    }
  PQfinish (listener);
  PQfinish (sender);
  return floor;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) viewer = NULL;
  g_autoptr(RapportTeamSync) sync = NULL;
  g_autoptr(RapportStage) first = NULL;
  g_autoptr(RapportStage) second = NULL;
  g_autoptr(GListModel) deals = NULL;
  g_autoptr(GArray) floor = NULL;
  g_autofree char *server = NULL;
  g_autofree char *user = NULL;
  g_autofree char *floor_info = NULL;
  Run run = { 0 };
  GListModel *columns[2];
  GThread *thread;

  if (argc < 4)
    {
      g_printerr ("usage: %s A.db B.db PASSWORD-A [CHANGES]\n", argv[0]);
      return 2;
    }

  run.loop = g_main_loop_new (NULL, FALSE);
  run.seen = g_async_queue_new ();
  run.path_a = argv[1];
  run.password_a = argv[3];
  run.n_changes = argc > 4 ? (guint) atoi (argv[4]) : 200;
  run.latencies = g_array_new (FALSE, FALSE, sizeof (double));

  viewer = rapport_store_new (argv[2], &error);
  g_assert_no_error (error);
  first = rapport_test_stage_at (viewer, 0);
  second = rapport_test_stage_at (viewer, 1);
  columns[0] = rapport_store_get_stage_deals (viewer, first);
  columns[1] = rapport_store_get_stage_deals (viewer, second);
  for (guint i = 0; i < 2; i++)
    {
      g_list_model_get_n_items (columns[i]);
      g_object_set_data (G_OBJECT (columns[i]), "column", GINT_TO_POINTER (i));
      g_signal_connect (columns[i], "items-changed", G_CALLBACK (on_items_changed), &run);
    }
  /* The deal A moves: the first of the first stage, the same record on
   * both desktops. */
  {
    g_autoptr(RapportStore) a = rapport_store_new (run.path_a, &error);
    g_autoptr(RapportStage) a_first = NULL;

    g_assert_no_error (error);
    a_first = rapport_test_stage_at (a, 0);
    deals = rapport_store_get_stage_deals (a, a_first);
    g_assert_cmpuint (g_list_model_get_n_items (deals), >, 0);
    {
      g_autoptr(RapportDeal) deal = g_list_model_get_item (deals, 0);

      run.target = rapport_record_get_id (RAPPORT_RECORD (deal));
    }
    g_clear_object (&deals);
    server = rapport_store_get_team_server (a);
    user = rapport_store_get_team_value (a, "team-user");
  }

  /* As the app runs it: the watch, and the team's thread. */
  rapport_store_watch_external (viewer, 500);
  sync = rapport_team_sync_new (viewer);
  /* Let B connect and catch up first. */
  while (rapport_team_sync_get_state (sync) != RAPPORT_TEAM_STATE_SYNCED)
    g_main_context_iteration (NULL, TRUE);

  thread = g_thread_new ("desktop-a", desktop_a, &run);
  g_main_loop_run (run.loop);
  g_thread_join (thread);

  floor_info = g_strdup_printf ("%s user=%s password=%s", server, user, run.password_a);
  floor = notify_floor (floor_info, run.n_changes);

  printf ("a teammate's change (a stage move) reaching this desktop's board model, %u changes:\n", run.n_changes);
  printf ("  median %.0f ms, p95 %.0f ms, worst %.0f ms   floor (NOTIFY between two connections): median %.1f ms, p95 %.1f ms\n",
          bench_percentile (run.latencies, 50), bench_percentile (run.latencies, 95),
          bench_percentile (run.latencies, 100), bench_percentile (floor, 50), bench_percentile (floor, 95));
  printf ("  connections: one per desktop (its link); a join or a CLI sync opens one more while it runs\n");

  rapport_team_sync_stop (sync);
  g_object_unref (columns[0]);
  g_object_unref (columns[1]);
  g_array_unref (run.latencies);
  g_async_queue_unref (run.seen);
  g_main_loop_unref (run.loop);
  return 0;
}
