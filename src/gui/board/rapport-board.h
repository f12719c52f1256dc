/* rapport-board.h — what a card and a column ask of the board they are on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The board (RapportPipelineView) makes the columns, the columns make the
 * cards, and both ask the board for a few things back: follow a drag that
 * began, move the focus to the stage beside. They find it as their
 * ancestor implementing this interface, so neither depends on the board's
 * class (which depends on them).
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_BOARD (rapport_board_get_type ())

G_DECLARE_INTERFACE (RapportBoard, rapport_board, RAPPORT, BOARD, GtkWidget)

struct _RapportBoardInterface
{
  GTypeInterface parent_iface;

  void     (*track_drag)   (RapportBoard  *self,
                            GtkDragSource *source,
                            GdkDrag       *drag,
                            RapportDeal   *deal);
  gboolean (*focus_beside) (RapportBoard  *self,
                            GtkWidget     *card,
                            int            delta);
};

/* The board @widget is on, or NULL. */
RapportBoard *rapport_board_find          (GtkWidget     *widget);

/* A card tells the board a drag of @deal began from @source, so the Won
 * and Lost zones show until @drag ends, and Escape cancels it. */
void          rapport_board_track_drag    (RapportBoard  *self,
                                           GtkDragSource *source,
                                           GdkDrag       *drag,
                                           RapportDeal   *deal);
/* Moves the focus from @card to the nearest card in the stage beside
 * (@delta -1: before, 1: after); FALSE when there is none. */
gboolean      rapport_board_focus_beside  (RapportBoard  *self,
                                           GtkWidget     *card,
                                           int            delta);

/* Escape marks the drag cancelled (X11 gives GTK no cancel of its own in
 * time); the board's drop targets then neither highlight nor take it. */
void          rapport_board_cancel_drag        (GdkDrag       *drag);
gboolean      rapport_board_drop_is_cancelled  (GtkDropTarget *target);

G_END_DECLS
