/* rapport-stage-column-private.h — what the stage column's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rapport-stage-column.c holds the header, the list of cards, its growing
 * and the focus after a move; rapport-stage-column-dnd.c the drops: the
 * insertion line, the autoscroll near the edges and the move itself.
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-deal-card.h"
#include "rapport-stage-column.h"

G_BEGIN_DECLS

struct _RapportStageColumn
{
  GtkBox              parent_instance;

  /* Template widgets */
  GtkLabel           *name_label;
  GtkLabel           *probability_label;
  GtkLabel           *count_label;
  GtkLabel           *total_label;
  GtkLabel           *weighted_label;
  GtkScrolledWindow  *scroller;
  GtkListView        *list_view;
  GtkWidget          *empty_label;

  /* Owned references */
  RapportStore       *store;
  RapportStage       *stage;
  GListModel         *deals;
  gboolean            filtered;    /* @deals is some of the stage's (the board's filters) */
  GtkSliceListModel  *slice;       /* what the list view sees of @deals */
  guint               first_rows;
  guint               grow_id;
  guint               grow_frames;

  /* The board's filters while @filtered (its strings owned) */
  RapportDealQuery    filter;

  /* The totals of what the column shows, as last read, and how many open
   * deals the whole stage has */
  guint               n_open;
  gint64              total;
  gint64              weighted;
  guint               n_stage;

  /* Drop feedback: the card showing the insertion line (weak) */
  RapportDealCard    *drop_card;
  guint               autoscroll_id;
  double              autoscroll_speed;   /* pixels per second, signed */
  gint64              autoscroll_time;

  /* Follow-ups changed in bulk: badges to read again, once */
  guint               badges_idle_id;

  /* Whether the list shows its first card: then it keeps doing so when
   * cards are inserted at the top (by another program, say). */
  gboolean            at_top;

  /* A deal to focus once its row exists */
  gint64              focus_deal_id;
  guint               focus_id;
  guint               focus_frames;

  /* A card to bring in view too once the list has laid the move out: the
   * one a card swapped places with */
  guint               keep_position;
  guint               keep_id;
  guint               keep_frames;
};

/* rapport-stage-column.c */
RapportDealCard *rapport_stage_column_find_card       (RapportStageColumn *self,
                                                       int                 position,
                                                       gint64              deal_id);

/* rapport-stage-column-dnd.c */
void             rapport_stage_column_dnd_init        (RapportStageColumn *self);
void             rapport_stage_column_stop_autoscroll (RapportStageColumn *self);

/* Where a drop at @index of the list shown lands among all the stage's
 * deals: the same, unless the board's filters hide some. */
guint rapport_stage_column_stage_position (RapportStageColumn *self,
                                           guint               index);

G_END_DECLS
