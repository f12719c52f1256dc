/* rapport-bar.h — one horizontal bar of a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_BAR (rapport_bar_get_type ())

G_DECLARE_FINAL_TYPE (RapportBar, rapport_bar, RAPPORT, BAR, GtkWidget)

GtkWidget *rapport_bar_new           (void);
/* @fraction of the width filled, and @inner (≤ @fraction) drawn stronger
 * over it, as the weighted part of a forecast; both 0–1. */
void       rapport_bar_set_fractions (RapportBar *self,
                                      double      fraction,
                                      double      inner);

G_END_DECLS
