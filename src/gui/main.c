/* main.c — the entry point of the Rapport application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "rapport-application.h"
#include "rapport-bench-hook.h"
#include "rapport-renderer.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RapportApplication) app = NULL;
  int status;

  rapport_bench_hook_mark ("main");
  rapport_renderer_pick ();

  /* Before option parsing, so that --help is translated too; GTK would
   * only set the locale later, in startup. */
  setlocale (LC_ALL, "");
  /* RAPPORT_LOCALEDIR: the build tree's translations, for a run that is
   * not installed (build-aux/dev run, the tests). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RAPPORT_LOCALEDIR") != NULL ? g_getenv ("RAPPORT_LOCALEDIR")
                                                                          : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = rapport_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);

  /* g_application_run() cannot report a failure found after the main loop
   * started (a database Rapport refused to open), so the app keeps it. */
  if (status == 0)
    status = rapport_application_get_exit_status (app);

  return status;
}
