/* rapport-bench-hook.c — lets the benchmark time the first drawn frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The benchmark measures from its spawn of the process to this line, for
 * Rapport and for a bare GTK window with the same hook, so the ratio says
 * what Rapport adds to what any GTK app costs.
 */

#define G_LOG_DOMAIN "rapport-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "rapport-bench-hook.h"

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
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
