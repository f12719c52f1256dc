/* rapport-stage-column-dnd.c — dropping cards on a stage column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The column's GtkDropTarget finds the card under the pointer, marks the
 * insertion point on it, scrolls the list near its edges, and hands the
 * move to the board (board.move-deal), which writes it and offers Undo.
 */

#define G_LOG_DOMAIN "rapport-stage-column"

#include "config.h"

#include "rapport-board.h"
#include "rapport-stage-column-private.h"

/* How close to a list's top or bottom edge a drag scrolls it, and how fast
 * (pixels per second at the very edge). */
#define AUTOSCROLL_EDGE   56.0
#define AUTOSCROLL_SPEED 900.0

static void
rapport_stage_column_show_drop_card (RapportStageColumn  *self,
                                     RapportDealCard     *card,
                                     RapportDropPosition  where)
{
  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  if (self->drop_card != NULL && self->drop_card != card)
    rapport_deal_card_set_drop_position (self->drop_card, RAPPORT_DROP_NONE);

  g_set_weak_pointer (&self->drop_card, card);

  if (card != NULL)
    rapport_deal_card_set_drop_position (card, where);
}

/* Where a drop at (@x, @y), in the column's coordinates, puts a deal: the
 * index among the column's deals as they are now (the dragged one
 * included), and the card and side to draw the insertion line on. */
static guint
rapport_stage_column_drop_index (RapportStageColumn   *self,
                                 double                x,
                                 double                y,
                                 RapportDealCard     **card_out,
                                 RapportDropPosition  *where_out)
{
  GtkWidget *list = GTK_WIDGET (self->list_view);
  guint n_items = g_list_model_get_n_items (self->deals);
  graphene_point_t point = GRAPHENE_POINT_INIT (x, y);
  graphene_point_t in_list;
  GtkWidget *picked;
  GtkWidget *card = NULL;

  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  *card_out = NULL;
  *where_out = RAPPORT_DROP_NONE;

  if (n_items == 0 || !gtk_widget_compute_point (GTK_WIDGET (self), list, &point, &in_list))
    return n_items;

  /* Over the header: the top of the stage. */
  if (in_list.y < 0)
    {
      *card_out = rapport_stage_column_find_card (self, 0, 0);
      *where_out = RAPPORT_DROP_BEFORE;
      return 0;
    }

  /* Only the height matters: pick in the middle of the list, so the
   * column's side padding counts as the card beside it. */
  picked = gtk_widget_pick (list, gtk_widget_get_width (list) / 2.0, in_list.y, GTK_PICK_DEFAULT);
  if (picked != NULL && picked != list)
    {
      card = gtk_widget_get_ancestor (picked, RAPPORT_TYPE_DEAL_CARD);

      /* The row around a card (its own padding, if any). */
      if (card == NULL)
        {
          GtkWidget *row = picked;

          while (row != NULL && gtk_widget_get_parent (row) != list)
            row = gtk_widget_get_parent (row);
          if (row != NULL && RAPPORT_IS_DEAL_CARD (gtk_widget_get_first_child (row)))
            card = gtk_widget_get_first_child (row);
        }
    }

  if (card != NULL)
    {
      int position = rapport_deal_card_get_position (RAPPORT_DEAL_CARD (card));
      graphene_rect_t bounds;

      if (position >= 0 && gtk_widget_compute_bounds (card, list, &bounds))
        {
          gboolean after = in_list.y > bounds.origin.y + bounds.size.height / 2;

          *card_out = RAPPORT_DEAL_CARD (card);
          *where_out = after ? RAPPORT_DROP_AFTER : RAPPORT_DROP_BEFORE;
          return (guint) position + (after ? 1 : 0);
        }
    }

  /* Below the last card: the end of the stage. */
  *card_out = rapport_stage_column_find_card (self, n_items - 1, 0);
  *where_out = RAPPORT_DROP_AFTER;
  return n_items;
}

/* The dragged deal's own place, when it is one of this column's: a drop
 * just before or just after it changes nothing. */
static int
rapport_stage_column_own_position (RapportStageColumn *self,
                                   RapportDeal        *deal)
{
  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  if (deal == NULL ||
      rapport_deal_get_stage_id (deal) != rapport_record_get_id (RAPPORT_RECORD (self->stage)) ||
      rapport_deal_get_status (deal) != RAPPORT_DEAL_STATUS_OPEN)
    return -1;

  return rapport_store_get_deal_position (self->store, deal);
}

static gboolean
autoscroll_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  RapportStageColumn *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
  double elapsed = self->autoscroll_time ? (now - self->autoscroll_time) / (double) G_USEC_PER_SEC : 0;

  self->autoscroll_time = now;
  elapsed = MIN (elapsed, 0.1);

  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_value (adjustment) + self->autoscroll_speed * elapsed);

  return G_SOURCE_CONTINUE;
}

void
rapport_stage_column_stop_autoscroll (RapportStageColumn *self)
{
  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  if (self->autoscroll_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->scroller), self->autoscroll_id);
  self->autoscroll_id = 0;
  self->autoscroll_time = 0;
  self->autoscroll_speed = 0;
}

/* Near the top or bottom edge of the list, a drag scrolls it, faster the
 * closer it gets: long stages can take a card anywhere. */
static void
rapport_stage_column_update_autoscroll (RapportStageColumn *self,
                                        double              x,
                                        double              y)
{
  graphene_point_t point = GRAPHENE_POINT_INIT (x, y);
  graphene_point_t in_scroller;
  double height = gtk_widget_get_height (GTK_WIDGET (self->scroller));
  double speed = 0;

  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  if (gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->scroller), &point, &in_scroller) &&
      in_scroller.y >= 0 && in_scroller.y <= height)
    {
      if (in_scroller.y < AUTOSCROLL_EDGE)
        speed = -AUTOSCROLL_SPEED * (1 - in_scroller.y / AUTOSCROLL_EDGE);
      else if (in_scroller.y > height - AUTOSCROLL_EDGE)
        speed = AUTOSCROLL_SPEED * (1 - (height - in_scroller.y) / AUTOSCROLL_EDGE);
    }

  if (speed == 0)
    {
      rapport_stage_column_stop_autoscroll (self);
      return;
    }

  self->autoscroll_speed = speed;
  if (self->autoscroll_id == 0)
    self->autoscroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->scroller),
                                                        autoscroll_tick_cb, self, NULL);
}

static void rapport_stage_column_clear_drop (RapportStageColumn *self);

static GdkDragAction
on_drop_motion (RapportStageColumn *self,
                double              x,
                double              y,
                GtkDropTarget      *target)
{
  const GValue *value = gtk_drop_target_get_value (target);
  RapportDeal *deal = NULL;
  RapportDealCard *card = NULL;
  RapportDropPosition where = RAPPORT_DROP_NONE;
  guint index;
  int own;

  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  /* Escape was pressed: the drag only waits for the button to go up. */
  if (rapport_board_drop_is_cancelled (target))
    {
      rapport_stage_column_clear_drop (self);
      return 0;
    }

  if (value != NULL && G_VALUE_HOLDS (value, RAPPORT_TYPE_DEAL))
    deal = g_value_get_object (value);

  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-target");

  index = rapport_stage_column_stage_position (self, rapport_stage_column_drop_index (self, x, y, &card, &where));
  own = rapport_stage_column_own_position (self, deal);
  if (own >= 0 && (index == (guint) own || index == (guint) own + 1))
    card = NULL;

  rapport_stage_column_show_drop_card (self, card, where);
  rapport_stage_column_update_autoscroll (self, x, y);

  return GDK_ACTION_MOVE;
}

static void
rapport_stage_column_clear_drop (RapportStageColumn *self)
{
  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-target");
  rapport_stage_column_show_drop_card (self, NULL, RAPPORT_DROP_NONE);
  rapport_stage_column_stop_autoscroll (self);
}

static void
on_drop_leave (RapportStageColumn *self,
               GtkDropTarget      *target)
{
  rapport_stage_column_clear_drop (self);
}

static gboolean
on_drop (RapportStageColumn *self,
         const GValue       *value,
         double              x,
         double              y,
         GtkDropTarget      *target)
{
  RapportDeal *deal;
  RapportDealCard *card = NULL;
  RapportDropPosition where;
  guint index;
  int own;

  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  rapport_stage_column_clear_drop (self);

  if (rapport_board_drop_is_cancelled (target) ||
      !G_VALUE_HOLDS (value, RAPPORT_TYPE_DEAL) || g_value_get_object (value) == NULL)
    return FALSE;

  deal = g_value_get_object (value);
  index = rapport_stage_column_stage_position (self, rapport_stage_column_drop_index (self, x, y, &card, &where));

  /* rapport_store_move_deal() counts positions among the *other* deals:
   * below its own place, a deal lands one higher than the index drawn. */
  own = rapport_stage_column_own_position (self, deal);
  if (own >= 0)
    {
      if (index > (guint) own)
        index--;
      if (index == (guint) own)
        return TRUE;
    }

  if (!gtk_widget_activate_action (GTK_WIDGET (self), "board.move-deal", "(xxi)",
                                   rapport_record_get_id (RAPPORT_RECORD (deal)),
                                   rapport_record_get_id (RAPPORT_RECORD (self->stage)),
                                   (int) index))
    return FALSE;

  /* The move is written (or refused) by now; show the card where it fell. */
  rapport_stage_column_show_deal (self, deal, FALSE);
  return TRUE;
}

void
rapport_stage_column_dnd_init (RapportStageColumn *self)
{
  GtkDropTarget *target;

  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  target = gtk_drop_target_new (RAPPORT_TYPE_DEAL, GDK_ACTION_MOVE);
  /* The value is wanted during motion, to hide a line that would not move
   * the card; a local drag has it at once. */
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect_object (target, "enter", G_CALLBACK (on_drop_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "motion", G_CALLBACK (on_drop_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "leave", G_CALLBACK (on_drop_leave), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
