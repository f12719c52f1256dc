/* bench-insights-view.c — how long the Insights tab takes to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills a demo database of 100 000 deals and 200 000 contacts with two
 * years of history, then shows the Insights view (RapportInsightsView)
 * in a window again and again: a fresh view each time, as switching to
 * the tab for the first time makes it, timed from making it until the
 * window's frame clock has painted the first frame with it
 * ("after-paint"). The same for an empty GtkBox page gives the floor in
 * the same run. Prints the median and the 95th percentile in ms.
 *
 * Needs a display (Xvfb is fine): without one it says so and exits 77.
 *
 *   rapport-bench-insights-view [RUNS]
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "rapport-context.h"
#include "rapport-insights-view.h"
#include "rapport-renderer.h"
#include "rapport-store.h"

#define N_DEALS 100000
#define N_CONTACTS 200000
#define DEFAULT_RUNS 10

typedef GtkWidget *(*PageFunc) (RapportContext *context);

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static GtkWidget *
floor_page (RapportContext *context)
{
  return gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
}

/* Milliseconds from making the page to the first frame painted with it. */
static double
time_one (GtkWindow      *window,
          PageFunc        make_page,
          RapportContext *context)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean painted = FALSE;
  gulong handler;
  gint64 start, end;

  /* Let the previous page go, and any frame pending, before the clock starts. */
  gtk_window_set_child (window, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  start = g_get_monotonic_time ();
  gtk_window_set_child (window, make_page (context));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  end = g_get_monotonic_time ();
  g_signal_handler_disconnect (clock, handler);

  return (end - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static void
report (const char *what,
        GArray     *times)
{
  double median, p95;
  guint n = times->len;

  g_array_sort (times, compare_doubles);
  median = n % 2 ? g_array_index (times, double, n / 2)
                 : (g_array_index (times, double, n / 2 - 1) + g_array_index (times, double, n / 2)) / 2;
  p95 = g_array_index (times, double, MIN (n - 1, (guint) (0.95 * n + 0.5) - 1));

  g_print ("%-36s median %7.1f ms   p95 %7.1f ms   (%u runs)\n", what, median, p95, n);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportContext) context = NULL;
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) view_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window;
  int runs = argc > 1 ? atoi (argv[1]) : DEFAULT_RUNS;
  double first_view;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-insights-view: no display (set DISPLAY, e.g. to an Xvfb); skipped\n");
      return 77;
    }
  if (runs < 1)
    runs = DEFAULT_RUNS;

  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  /* Drawn as the app draws here (no GL without a GPU); both pages alike. */
  rapport_renderer_pick ();
  if (!gtk_init_check ())
    {
      g_printerr ("bench-insights-view: cannot open the display; skipped\n");
      return 77;
    }
  adw_init ();

  dir = g_dir_make_tmp ("rapport-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "bench.db", NULL);

  store = rapport_store_new (path, &error);
  if (store == NULL || !rapport_store_fill_demo (store, N_DEALS, N_CONTACTS, 1, &error))
    g_error ("Cannot make the database: %s", error->message);
  context = rapport_context_new (store);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1200, 800);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  /* The very first one pays for fonts, icons and CSS, as the app's first
   * switch to the tab does: reported on its own. */
  time_one (window, floor_page, context);
  first_view = time_one (window, rapport_insights_view_new, context);

  for (int i = 0; i < runs; i++)
    {
      double t;

      t = time_one (window, floor_page, context);
      g_array_append_val (floor_times, t);
      t = time_one (window, rapport_insights_view_new, context);
      g_array_append_val (view_times, t);
    }

  g_print ("The Insights view (this month, everyone) on %d deals and %d contacts, to the first frame:\n",
           N_DEALS, N_CONTACTS);
  report ("empty page (floor)", floor_times);
  report ("Insights view (RapportInsightsView)", view_times);
  g_print ("%-36s %7.1f ms   (target 200 ms)\n", "…the first one in the process", first_view);

  gtk_window_destroy (window);
  g_clear_object (&context);
  g_clear_object (&store);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);

  return 0;
}
