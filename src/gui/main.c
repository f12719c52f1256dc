/* main.c — the entry point of the Rapport application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "rapport-application.h"
#include "rapport-bench-hook.h"

/* Whether the machine has a GPU that Mesa can render with: a DRM render
 * node (/dev/dri/renderD128…). */
static gboolean
has_render_node (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/dev/dri", 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return TRUE;

  return FALSE;
}

/* Without a GPU, GL is Mesa's software rasterizer (llvmpipe): setting it
 * up (GDK makes an EGL display at start) and drawing the board's first
 * frame with GTK 4.8's GL renderer takes about 250 ms more than drawing
 * the same with its Cairo renderer on the processor, with GL left off
 * (GDK_DEBUG=gl-disable is how GTK 4.8 says that; measured with
 * build-aux/bench on a machine without a GPU). Rapport draws nothing with
 * GL itself. The user's own GSK_RENDERER or GDK_DEBUG always wins. */
static void
pick_renderer (void)
{
  if (g_getenv ("GSK_RENDERER") != NULL || g_getenv ("GDK_DEBUG") != NULL || has_render_node ())
    return;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RapportApplication) app = NULL;
  int status;

  rapport_bench_hook_mark ("main");
  pick_renderer ();

  /* Before option parsing, so that --help is translated too; GTK would
   * only set the locale later, in startup. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
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
