/* rapport-a11y.h — what GTK 4.8 and libadwaita 1.2 get wrong for a
 * screen reader, put right once for the whole app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rapport_a11y_init              (void);
void rapport_a11y_name_list_row     (GtkWidget  *child,
                                     const char *name);
void rapport_a11y_focus_when_shown  (GtkWidget  *widget);

G_END_DECLS
