/* bench-support.c — what the benchmark programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bench-support.h"

double
bench_ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
bench_percentile (GArray *samples,
                  double  p)
{
  guint index;

  if (samples->len == 0)
    return 0.0;

  g_array_sort (samples, compare_double);
  index = (guint) (p / 100.0 * (samples->len - 1) + 0.5);

  return g_array_index (samples, double, index);
}
