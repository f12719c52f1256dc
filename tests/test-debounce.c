/* test-debounce.c — one run for a burst of reasons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RapportDebounce is GLib only: no display needed. Never a duration
 * asserted: only how many runs, and in what order.
 */

#include "config.h"

#include <glib.h>

#include "rapport-debounce.h"

typedef struct
{
  guint runs;
} Counter;

static void
count_run (gpointer data)
{
  Counter *counter = data;

  counter->runs++;
}

static void
spin_until_idle (RapportDebounce *debounce)
{
  while (rapport_debounce_pending (debounce))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_queue_once_per_burst (void)
{
  Counter counter = { 0 };
  RapportDebounce debounce;

  rapport_debounce_init (&debounce, 0, count_run, &counter);
  for (guint i = 0; i < 100; i++)
    rapport_debounce_queue (&debounce);
  g_assert_true (rapport_debounce_pending (&debounce));
  g_assert_cmpuint (counter.runs, ==, 0);

  spin_until_idle (&debounce);
  g_assert_cmpuint (counter.runs, ==, 1);

  /* The next burst is another run. */
  rapport_debounce_queue (&debounce);
  spin_until_idle (&debounce);
  g_assert_cmpuint (counter.runs, ==, 2);
}

static void
test_restart_and_timeout (void)
{
  Counter counter = { 0 };
  RapportDebounce debounce;

  rapport_debounce_init (&debounce, 5, count_run, &counter);
  for (guint i = 0; i < 10; i++)
    rapport_debounce_restart (&debounce);
  spin_until_idle (&debounce);
  g_assert_cmpuint (counter.runs, ==, 1);
}

static void
test_now_and_cancel (void)
{
  Counter counter = { 0 };
  RapportDebounce debounce;

  rapport_debounce_init (&debounce, 0, count_run, &counter);

  /* Now runs at once, in place of the pending run. */
  rapport_debounce_queue (&debounce);
  rapport_debounce_now (&debounce);
  g_assert_cmpuint (counter.runs, ==, 1);
  g_assert_false (rapport_debounce_pending (&debounce));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (counter.runs, ==, 1);

  /* Cancelled: no run at all. */
  rapport_debounce_queue (&debounce);
  rapport_debounce_cancel (&debounce);
  g_assert_false (rapport_debounce_pending (&debounce));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (counter.runs, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debounce/queue/once-per-burst", test_queue_once_per_burst);
  g_test_add_func ("/debounce/restart/timeout", test_restart_and_timeout);
  g_test_add_func ("/debounce/now-and-cancel", test_now_and_cancel);

  return g_test_run ();
}
