/* bench-deal-detail.c — how long a deal's detail page takes to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Makes a small demo database in a temporary directory, adds one deal
 * with 500 activities, then opens that deal's page (RapportDealDetail)
 * in a window again and again: a fresh widget each time, timed from the
 * call to rapport_deal_detail_new() until the window's frame clock has
 * painted the first frame with it ("after-paint"). The same for an empty
 * GtkBox page gives the floor (what any page costs) in the same run.
 * Prints the median and the 95th percentile in milliseconds.
 *
 * Needs a display (Xvfb is fine): without one it says so and exits 77,
 * the code for "skipped".
 *
 *   rapport-bench-deal-detail [RUNS]
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "rapport-context.h"
#include "rapport-deal-detail.h"
#include "rapport-renderer.h"
#include "rapport-store.h"

#define N_ACTIVITIES 500
#define DEFAULT_RUNS 20

typedef GtkWidget *(*PageFunc) (RapportContext *context,
                                RapportDeal    *deal);

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static GtkWidget *
floor_page (RapportContext *context,
            RapportDeal    *deal)
{
  return gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
}

/* Milliseconds from making the page to the first frame painted with it. */
static double
time_one (GtkWindow      *window,
          PageFunc        make_page,
          RapportContext *context,
          RapportDeal    *deal)
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
  gtk_window_set_child (window, make_page (context, deal));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  end = g_get_monotonic_time ();
  g_signal_handler_disconnect (clock, handler);

  return (end - start) / 1000.0;
}

/* Milliseconds to make the page alone, without showing it. */
static double
time_construction (PageFunc        make_page,
                   RapportContext *context,
                   RapportDeal    *deal)
{
  gint64 start = g_get_monotonic_time ();
  GtkWidget *page = g_object_ref_sink (make_page (context, deal));
  gint64 end = g_get_monotonic_time ();

  g_object_unref (page);

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

static RapportDeal *
make_deal (RapportStore *store)
{
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  RapportDealFields fields = { 0 };
  RapportDeal *deal;
  gint64 contact_id = 0;
  gint64 deal_id;

  contacts = rapport_store_find_contacts_by_prefix (store, "", 1, NULL);
  if (contacts != NULL && contacts->len > 0)
    contact_id = rapport_record_get_id (g_ptr_array_index (contacts, 0));

  fields.title = "Benchmark deal with a long history";
  fields.value = 4200000;
  fields.contact_id = contact_id;
  deal = rapport_store_add_deal (store, &fields, &error);
  if (deal == NULL)
    g_error ("Cannot add the deal: %s", error->message);
  deal_id = rapport_record_get_id (RAPPORT_RECORD (deal));

  for (guint i = 0; i < N_ACTIVITIES; i++)
    {
      g_autoptr(RapportActivity) activity = NULL;
      g_autofree char *note = g_strdup_printf ("Call number %u about the renewal", i + 1);

      activity = rapport_store_log_activity (store, contact_id, deal_id,
                                             (RapportActivityKind) (i % 3), note, &error);
      if (activity == NULL)
        g_error ("Cannot log activity %u: %s", i, error->message);
    }

  return deal;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportContext) context = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) detail_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) construction_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window;
  int runs = argc > 1 ? atoi (argv[1]) : DEFAULT_RUNS;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-deal-detail: no display (set DISPLAY, e.g. to an Xvfb); skipped\n");
      return 77;
    }
  if (runs < 1)
    runs = DEFAULT_RUNS;

  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  /* Drawn as the app draws here (no GL without a GPU); both pages alike. */
  rapport_renderer_pick ();
  printf ("renderer: %s\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "GTK's default");
  if (!gtk_init_check ())
    {
      g_printerr ("bench-deal-detail: cannot open the display; skipped\n");
      return 77;
    }
  adw_init ();

  dir = g_dir_make_tmp ("rapport-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "bench.db", NULL);

  store = rapport_store_new (path, &error);
  if (store == NULL || !rapport_store_fill_demo (store, 200, 400, 1, &error))
    g_error ("Cannot make the database: %s", error->message);
  deal = make_deal (store);
  context = rapport_context_new (store);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1200, 800);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  /* One of each first: fonts, icons and CSS load once, not in the runs. */
  time_one (window, floor_page, context, deal);
  time_one (window, rapport_deal_detail_new, context, deal);

  for (int i = 0; i < runs; i++)
    {
      double t;

      t = time_one (window, floor_page, context, deal);
      g_array_append_val (floor_times, t);
      t = time_one (window, rapport_deal_detail_new, context, deal);
      g_array_append_val (detail_times, t);
      t = time_construction (rapport_deal_detail_new, context, deal);
      g_array_append_val (construction_times, t);
    }

  g_print ("Opening a deal with %d activities, to the first frame:\n", N_ACTIVITIES);
  report ("empty page (floor)", floor_times);
  report ("deal detail (RapportDealDetail)", detail_times);
  report ("…of which making the widget", construction_times);

  gtk_window_destroy (window);
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
