/* rapport-renderer.c — how Rapport draws on a machine without a GPU
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without a GPU, GL is Mesa's software rasterizer (llvmpipe): setting it
 * up (GDK makes an EGL display at start) and drawing the board's first
 * frame with GTK 4.8's GL renderer takes about 250 ms more, and 85 MB more
 * memory, than drawing the same with its Cairo renderer on the processor
 * with GL left off (GDK_DEBUG=gl-disable is how GTK 4.8 says that;
 * measured with build-aux/bench on a machine without a GPU). Rapport
 * draws nothing with GL itself. The user's own GSK_RENDERER or GDK_DEBUG
 * always wins. Only GLib here: the benchmarks use it too.
 */

#include "config.h"

#include "rapport-renderer.h"

gboolean
rapport_renderer_has_gpu (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/dev/dri", 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return TRUE;

  return FALSE;
}

void
rapport_renderer_pick (void)
{
  if (g_getenv ("GSK_RENDERER") != NULL || g_getenv ("GDK_DEBUG") != NULL || rapport_renderer_has_gpu ())
    return;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
}
