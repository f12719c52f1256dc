/* bench-floor-window.c — the floors: a bare GTK window, and a bare
 * libadwaita one, timed like Rapport
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built twice: as bench-floor-window (GTK only, the floor issue #3 names)
 * and, with BENCH_FLOOR_ADW, as bench-floor-adw: an AdwApplication with an
 * AdwApplicationWindow, which is what any app built on libadwaita (as the
 * design mandates) pays before it shows anything of its own.
 */

#include "config.h"

#ifdef BENCH_FLOOR_ADW
#include <adwaita.h>
#else
#include <gtk/gtk.h>
#endif

#include "rapport-bench-hook.h"

static void
on_activate (GtkApplication *app)
{
#ifdef BENCH_FLOOR_ADW
  GtkWidget *window = adw_application_window_new (app);

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), gtk_label_new ("floor"));
#else
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("floor"));
#endif
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  rapport_bench_hook_watch (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
#ifdef BENCH_FLOOR_ADW
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.rapportcrm.Rapport.BenchFloorAdw",
                                                       G_APPLICATION_NON_UNIQUE);
#else
  g_autoptr(GtkApplication) app = gtk_application_new ("io.github.rapportcrm.Rapport.BenchFloor",
                                                       G_APPLICATION_NON_UNIQUE);
#endif

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
