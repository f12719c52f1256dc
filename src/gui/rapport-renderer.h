/* rapport-renderer.h — how Rapport draws on a machine without a GPU
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether Mesa has a GPU to render with (a DRM render node). */
gboolean rapport_renderer_has_gpu (void);
/* Before GTK starts: without a GPU, no GL and the Cairo renderer (unless
 * the user chose a renderer or GDK debug flags). */
void     rapport_renderer_pick    (void);

G_END_DECLS
