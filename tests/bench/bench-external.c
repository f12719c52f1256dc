/* bench-external.c — how soon another program's change reaches a view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app follows rapport-cli and other instances by polling the file's
 * data_version (RapportStore's watch, every 500 ms as the app sets it).
 * This measures, over many changes made at random moments by a second
 * connection (another program, to SQLite), the time from that program's
 * commit to the moment the board's model of the target stage (the list
 * the column shows) announces the new card. The floor is the poll itself:
 * with changes at random moments, a median of half the interval and a
 * worst case of one interval. Drawing the card after that is the board's
 * own frame, measured by rapport-bench's drop figure.
 */

#include "config.h"

#include <stdio.h>

#include "bench-support.h"
#include "rapport-store.h"
#include "rapport-test-support.h"

#define N_CHANGES   60
#define INTERVAL_MS 500

typedef struct
{
  GMainLoop *loop;
  gint64     committed_at;
  GArray    *latencies;
} Run;

static void
on_items_changed (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Run        *run)
{
  if (added > 0 && run->committed_at != 0)
    {
      double ms = bench_ms_since (run->committed_at);

      g_array_append_val (run->latencies, ms);
      run->committed_at = 0;
      g_main_loop_quit (run->loop);
    }
}

int
main (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) viewer = rapport_test_store_new (&dir, NULL);
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) writer = rapport_store_new (path, &error);
  g_autoptr(RapportStage) first = rapport_test_stage_at (viewer, 0);
  g_autoptr(RapportStage) second = rapport_test_stage_at (viewer, 1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  Run run = { g_main_loop_new (NULL, FALSE), 0, g_array_new (FALSE, FALSE, sizeof (double)) };
  GListModel *columns[2];
  g_autoptr(RapportDeal) deal = NULL;
  RapportDealFields fields = { 0, };

  g_assert_no_error (error);
  fields.title = "Moved by another program";
  fields.value = 100;
  deal = rapport_store_add_deal (writer, &fields, &error);
  g_assert_no_error (error);

  columns[0] = rapport_store_get_stage_deals (viewer, first);
  columns[1] = rapport_store_get_stage_deals (viewer, second);
  g_list_model_get_n_items (columns[0]);
  g_list_model_get_n_items (columns[1]);
  for (guint i = 0; i < 2; i++)
    g_signal_connect (columns[i], "items-changed", G_CALLBACK (on_items_changed), &run);
  rapport_store_watch_external (viewer, INTERVAL_MS);

  for (guint i = 0; i < N_CHANGES; i++)
    {
      g_autoptr(RapportDeal) moved = NULL;
      /* The writer's own objects: it is another program. */
      g_autoptr(RapportStage) to = rapport_test_stage_at (writer, i % 2 == 0 ? 1 : 0);

      /* At a random moment of the poll's cycle. */
      g_usleep (g_rand_int_range (rand, 0, INTERVAL_MS) * 1000);
      moved = rapport_store_get_deal (writer, rapport_record_get_id (RAPPORT_RECORD (deal)), &error);
      if (!rapport_store_move_deal (writer, moved, to, 0, &error))
        g_error ("%s", error->message);
      run.committed_at = g_get_monotonic_time ();
      g_main_loop_run (run.loop);
    }

  printf ("another program's change reaching the board's model, %u changes at random moments:\n", N_CHANGES);
  printf ("  median %.0f ms, p95 %.0f ms, worst %.0f ms   floor (the %d ms poll): median %d ms, worst %d ms\n",
          bench_percentile (run.latencies, 50), bench_percentile (run.latencies, 95),
          bench_percentile (run.latencies, 100), INTERVAL_MS, INTERVAL_MS / 2, INTERVAL_MS);

  g_object_unref (columns[0]);
  g_object_unref (columns[1]);
  g_array_unref (run.latencies);
  g_main_loop_unref (run.loop);
  g_clear_object (&writer);
  g_clear_object (&viewer);
  rapport_test_tmpdir_free (g_steal_pointer (&dir));

  return 0;
}
