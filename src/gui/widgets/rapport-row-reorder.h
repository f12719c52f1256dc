/* rapport-row-reorder.h — a list's rows reordered by a drag and by Alt+Up / Alt+Down
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the dragged @row (a row of the list) and the index of the
 * row it was dropped on (or of the last row of the type, below them). */
typedef gboolean (*RapportRowDropFunc) (gpointer       data,
                                        GtkListBoxRow *row,
                                        int            index);

/* Makes the rows of type @row_type in @list drop targets for each other:
 * a row dragged (its drag source gives the row itself, typed @row_type)
 * is highlighted where it would land, and @func is called on the drop.
 * A row of another list is refused. @data is not referenced: connect it
 * to something that lives as long as @list. */
void rapport_row_drop_attach (GtkListBox         *list,
                              GType               row_type,
                              RapportRowDropFunc  func,
                              gpointer            data);

/* Installs the row class's actions @move_up and @move_down ("choice.move-up",
 * …), both run by @activate, and binds Alt+Up and Alt+Down (and the
 * keypad's) to them: the row's whole keyboard for reordering. */
void rapport_row_reorder_install (GtkWidgetClass              *widget_class,
                                  const char                  *move_up,
                                  const char                  *move_down,
                                  GtkWidgetActionActivateFunc  activate);

G_END_DECLS
