/* rapport-row-reorder.c — a list's rows reordered by a drag and by Alt+Up / Alt+Down
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kept lists of Preferences and the stages and key actions of the
 * process editor reorder the same way. A drag: a row carries itself, the
 * list box is the drop target, and the row under the pointer is where
 * the dragged one goes. The keyboard: Alt+Up and Alt+Down on the row.
 */

#define G_LOG_DOMAIN "rapport-row-reorder"

#include "config.h"

#include "rapport-row-reorder.h"

typedef struct
{
  GtkListBox         *list;   /* borrowed: the target is the list's */
  GType               row_type;
  RapportRowDropFunc  func;
  gpointer            data;
} RowDrop;

/* Rows of other types (an add row at the end) are not places to land:
 * below the last row of the type is the last place. */
static int
drop_index (RowDrop *drop,
            double   y)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (drop->list, (int) y);
  int last = -1;

  if (row != NULL && G_TYPE_CHECK_INSTANCE_TYPE (row, drop->row_type))
    return gtk_list_box_row_get_index (row);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop->list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, drop->row_type))
      last = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (child));
  return last;
}

static GdkDragAction
on_motion (GtkDropTarget *target,
           double         x,
           double         y,
           RowDrop       *drop)
{
  int index = drop_index (drop, y);

  if (index >= 0)
    gtk_list_box_drag_highlight_row (drop->list, gtk_list_box_get_row_at_index (drop->list, index));
  return GDK_ACTION_MOVE;
}

static void
on_leave (GtkDropTarget *target,
          RowDrop       *drop)
{
  gtk_list_box_drag_unhighlight_row (drop->list);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         RowDrop       *drop)
{
  GtkWidget *row;
  int index;

  gtk_list_box_drag_unhighlight_row (drop->list);
  if (!G_VALUE_HOLDS (value, drop->row_type))
    return FALSE;

  /* Only within its own list. */
  row = g_value_get_object (value);
  if (gtk_widget_get_parent (row) != GTK_WIDGET (drop->list))
    return FALSE;

  index = drop_index (drop, y);
  return drop->func (drop->data, GTK_LIST_BOX_ROW (row), MAX (index, 0));
}

static void
row_drop_free (gpointer  data,
               GClosure *closure)
{
  g_free (data);
}

void
rapport_row_drop_attach (GtkListBox         *list,
                         GType               row_type,
                         RapportRowDropFunc  func,
                         gpointer            data)
{
  GtkDropTarget *target;
  RowDrop *drop;

  g_return_if_fail (GTK_IS_LIST_BOX (list));
  g_return_if_fail (g_type_is_a (row_type, GTK_TYPE_LIST_BOX_ROW));
  g_return_if_fail (func != NULL);

  drop = g_new0 (RowDrop, 1);
  drop->list = list;
  drop->row_type = row_type;
  drop->func = func;
  drop->data = data;

  target = gtk_drop_target_new (row_type, GDK_ACTION_MOVE);
  g_signal_connect (target, "motion", G_CALLBACK (on_motion), drop);
  g_signal_connect (target, "leave", G_CALLBACK (on_leave), drop);
  /* The last handler frees what they share, with the target. */
  g_signal_connect_data (target, "drop", G_CALLBACK (on_drop), drop, row_drop_free, 0);
  gtk_widget_add_controller (GTK_WIDGET (list), GTK_EVENT_CONTROLLER (target));
}

void
rapport_row_reorder_install (GtkWidgetClass              *widget_class,
                             const char                  *move_up,
                             const char                  *move_down,
                             GtkWidgetActionActivateFunc  activate)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));

  gtk_widget_class_install_action (widget_class, move_up, NULL, activate);
  gtk_widget_class_install_action (widget_class, move_down, NULL, activate);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, move_up, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, move_up, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, move_down, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, move_down, NULL);
}
