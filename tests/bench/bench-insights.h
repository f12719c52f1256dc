/* bench-insights.h — the Insights figures of rapport-bench
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Prints the median and p95 of @n_runs whole summaries on the database at
 * @path, beside one plain scan of its deals. */
void bench_insights_summary (const char *path,
                             int         n_runs);

G_END_DECLS
