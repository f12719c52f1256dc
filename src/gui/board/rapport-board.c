/* rapport-board.c — what a card and a column ask of the board they are on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-board"

#include "config.h"

#include "rapport-board.h"

#define CANCELLED_KEY "rapport-drag-cancelled"

G_DEFINE_INTERFACE (RapportBoard, rapport_board, GTK_TYPE_WIDGET)

static void
rapport_board_default_init (RapportBoardInterface *iface)
{
}

RapportBoard *
rapport_board_find (GtkWidget *widget)
{
  GtkWidget *board;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  board = gtk_widget_get_ancestor (widget, RAPPORT_TYPE_BOARD);

  return board != NULL ? RAPPORT_BOARD (board) : NULL;
}

void
rapport_board_track_drag (RapportBoard  *self,
                          GtkDragSource *source,
                          GdkDrag       *drag,
                          RapportDeal   *deal)
{
  g_return_if_fail (RAPPORT_IS_BOARD (self));

  RAPPORT_BOARD_GET_IFACE (self)->track_drag (self, source, drag, deal);
}

gboolean
rapport_board_focus_beside (RapportBoard *self,
                            GtkWidget    *card,
                            int           delta)
{
  g_return_val_if_fail (RAPPORT_IS_BOARD (self), FALSE);

  return RAPPORT_BOARD_GET_IFACE (self)->focus_beside (self, card, delta);
}

void
rapport_board_cancel_drag (GdkDrag *drag)
{
  g_return_if_fail (GDK_IS_DRAG (drag));

  g_object_set_data (G_OBJECT (drag), CANCELLED_KEY, GINT_TO_POINTER (TRUE));
}

/**
 * rapport_board_drop_is_cancelled:
 *
 * Whether the drag @target is offered was cancelled with Escape: the
 * board's drop targets then neither highlight nor take it.
 */
gboolean
rapport_board_drop_is_cancelled (GtkDropTarget *target)
{
  GdkDrop *drop;
  GdkDrag *drag;

  g_return_val_if_fail (GTK_IS_DROP_TARGET (target), FALSE);

  drop = gtk_drop_target_get_current_drop (target);
  drag = drop != NULL ? gdk_drop_get_drag (drop) : NULL;

  return drag != NULL && g_object_get_data (G_OBJECT (drag), CANCELLED_KEY) != NULL;
}
