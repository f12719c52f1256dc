/* rapport-bench-hook.c — lets the benchmark time the first drawn frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The benchmark measures from its spawn of the process to this line, for
 * Rapport and for bare GTK and libadwaita windows with the same hook, so
 * the ratios say what Rapport adds to what any such app costs.
 *
 * RAPPORT_BENCH_TRACE=1 also prints on stderr when each step of the
 * start-up ended (rapport_bench_hook_mark() and the phases of the first
 * frame), in milliseconds since RAPPORT_BENCH_T0 (the spawning program's
 * CLOCK_MONOTONIC, in µs, as g_get_monotonic_time() gives it: then the
 * figures include the time before main()), else since the first mark.
 */

#define G_LOG_DOMAIN "rapport-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "rapport-bench-hook.h"

/* The time marks count from here (µs of CLOCK_MONOTONIC); 0 without
 * RAPPORT_BENCH_TRACE=1. */
static gint64
trace_start (void)
{
  static gint64 t0 = -1;

  if (t0 < 0)
    {
      const char *env = g_getenv ("RAPPORT_BENCH_T0");

      if (g_strcmp0 (g_getenv ("RAPPORT_BENCH_TRACE"), "1") != 0)
        t0 = 0;
      else if (env != NULL)
        t0 = g_ascii_strtoll (env, NULL, 10);
      else
        t0 = g_get_monotonic_time ();
    }

  return t0;
}

/**
 * rapport_bench_hook_mark:
 * @what: the step of the start-up that just ended
 *
 * With RAPPORT_BENCH_TRACE=1, prints “  123.4 ms  @what” on stderr; see
 * the top of this file. Without it, does nothing.
 */
void
rapport_bench_hook_mark (const char *what)
{
  gint64 t0 = trace_start ();

  if (t0 == 0)
    return;

  fprintf (stderr, "%8.1f ms  %s\n", (g_get_monotonic_time () - t0) / 1000.0, what);
}

static void
on_phase (GdkFrameClock *clock,
          gpointer       data)
{
  rapport_bench_hook_mark (data);
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  rapport_bench_hook_mark ("after-paint");
  /* The frame is drawn; nothing after this matters to the figure. */
  fputs ("first-frame\n", stdout);
  fflush (stdout);
  _exit (0);
}

static void
on_realize (GtkWidget *window,
            gpointer   data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  rapport_bench_hook_mark ("realize");
  /* Connected after GTK's own handlers: each mark is the end of a phase. */
  if (trace_start () != 0)
    {
      g_signal_connect (clock, "update", G_CALLBACK (on_phase), (gpointer) "frame: update");
      g_signal_connect (clock, "layout", G_CALLBACK (on_phase), (gpointer) "frame: layout");
      g_signal_connect (clock, "paint", G_CALLBACK (on_phase), (gpointer) "frame: paint");
    }
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

void
rapport_bench_hook_watch (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_strcmp0 (g_getenv ("RAPPORT_BENCH_FIRST_FRAME"), "1") != 0)
    return;

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize (GTK_WIDGET (window), NULL);
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}
