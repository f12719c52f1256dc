/* bench-support.h — what the benchmark programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Milliseconds since @start (g_get_monotonic_time). */
double bench_ms_since    (gint64  start);
/* Nearest-rank percentile of @samples (doubles; sorted in place). */
double bench_percentile  (GArray *samples,
                          double  p);

G_END_DECLS
