/* rapport-bench-hook.h — lets the benchmark time the first drawn frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* With RAPPORT_BENCH_FIRST_FRAME=1 in the environment, prints
 * "first-frame" on stdout after @window's first paint, then exits the
 * process. Without it, does nothing. */
void rapport_bench_hook_watch (GtkWindow  *window);

/* With RAPPORT_BENCH_TRACE=1, prints on stderr the time at which the step
 * @what of the start-up ended (see rapport-bench-hook.c). Without it,
 * does nothing. */
void rapport_bench_hook_mark  (const char *what);

G_END_DECLS
