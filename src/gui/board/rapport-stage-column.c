/* rapport-stage-column.c — one stage of the pipeline board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A column is a header with the stage's name, number of open deals, their
 * total and weighted values, over a GtkListView of the stage's deal list.
 * The list model is the store's own (ids only, refreshed with a minimal
 * items-changed after each change), and the factory recycles a few cards,
 * so a stage of 20 000 deals costs no more than one of a few hundred.
 *
 * The column is also where cards are dropped: rapport-stage-column-dnd.c.
 */

#define G_LOG_DOMAIN "rapport-stage-column"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-format.h"
#include "rapport-locale.h"
#include "rapport-stage-column-private.h"

/* Frames to wait for a moved card's row before giving up focusing it. */
#define FOCUS_MAX_FRAMES 30

/* GTK 4.8's list view keeps a row widget for up to 200 items around what
 * it shows, whatever its height: five long stages are a thousand cards to
 * build, measure and draw before the first frame. The list starts with a
 * screenful (RapportStageColumn:first-rows; this many when the board does
 * not know its height) and grows a few rows a frame after the board is on
 * screen. */
#define FIRST_ROWS        12
#define MORE_ROWS_A_FRAME  8
#define LIST_VIEW_ROWS   200

G_DEFINE_FINAL_TYPE (RapportStageColumn, rapport_stage_column, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAGE,
  PROP_N_DEALS,
  PROP_FIRST_ROWS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The board's filters, kept with strings of their own. */
static void
filter_clear (RapportDealQuery *filter)
{
  g_free ((char *) filter->owner);
  g_free ((char *) filter->close_from);
  g_free ((char *) filter->close_to);
  g_free ((char *) filter->tag);
  rapport_deal_query_init (filter);
}

static void
filter_copy (RapportDealQuery       *to,
             const RapportDealQuery *from)
{
  *to = *from;
  to->owner = g_strdup (from->owner);
  to->close_from = g_strdup (from->close_from);
  to->close_to = g_strdup (from->close_to);
  to->tag = g_strdup (from->tag);
  to->search = NULL;
}

/* Header */

static void
rapport_stage_column_update_name (RapportStageColumn *self)
{
  const char *name = rapport_stage_get_name (self->stage);
  const char *purpose;
  g_autofree char *probability = NULL;

  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  gtk_label_set_label (self->name_label, name);

  /* Translators: a stage's win probability; “%%” is the percent sign. */
  probability = g_strdup_printf (_("%d%%"), rapport_stage_get_probability (self->stage));
  gtk_label_set_label (self->probability_label, probability);
  /* The purpose shows as the name's tooltip: on_name_query_tooltip(). */
  purpose = rapport_stage_get_purpose (self->stage);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->name_label), purpose != NULL && purpose[0] != '\0');

  /* Screen readers and tests find a column by its stage. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/**
 * rapport_stage_column_refresh_totals:
 *
 * Reads the stage's totals again: when a deal of the stage changes, when
 * deals come or go, and when the board is (re)built.
 */
void
rapport_stage_column_refresh_totals (RapportStageColumn *self)
{
  const char *currency;
  guint n_deals = 0;
  gint64 total = 0;
  gint64 weighted = 0;
  guint n_shown;
  g_autofree char *count = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *weighted_money = NULL;
  g_autofree char *weighted_text = NULL;
  g_autofree char *description = NULL;
  g_autofree char *number = NULL;

  g_return_if_fail (RAPPORT_IS_STAGE_COLUMN (self));

  currency = rapport_store_get_default_currency (self->store);
  rapport_store_get_stage_totals (self->store, self->stage, &n_deals, &total, &weighted);
  self->n_stage = n_deals;
  /* Under the board's filters, the sums of the cards shown. */
  if (self->filtered)
    rapport_store_get_stage_totals_filtered (self->store, self->stage, &self->filter, &n_deals, &total, &weighted);
  self->n_open = n_deals;
  self->total = total;
  self->weighted = weighted;
  n_shown = g_list_model_get_n_items (self->deals);

  count = g_strdup_printf ("%u", n_shown);
  gtk_label_set_label (self->count_label, count);

  total_text = rapport_format_money (total, currency);
  gtk_label_set_label (self->total_label, total_text);

  weighted_money = rapport_format_money_whole (weighted, currency);
  /* Translators: beside a stage's total: its value × the stage's win
   * probability. */
  weighted_text = g_strdup_printf (_("%s weighted"), weighted_money);
  /* Very large totals do not fit beside each other: the label's tooltip
   * is its text (has-tooltip in the template). */
  gtk_label_set_label (self->weighted_label, weighted_text);

  gtk_widget_set_visible (self->empty_label, n_shown == 0);

  /* Translators: a stage column as screen readers describe it: the number
   * of open deals, their total value and their weighted value. */
  number = rapport_locale_format_count (n_shown);
  description = g_strdup_printf (ngettext ("%s open deal, %s in total, %s weighted",
                                           "%s open deals, %s in total, %s weighted",
                                           n_shown),
                                 number, total_text, weighted_money);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Tooltips are asked for, not set: in GTK 4.8 setting one on a shown
 * widget asks the X server where the pointer is, a round trip each. */
static gboolean
on_name_query_tooltip (RapportStageColumn *self,
                       int                 x,
                       int                 y,
                       gboolean            keyboard_mode,
                       GtkTooltip         *tooltip,
                       GtkWidget          *label)
{
  const char *purpose = rapport_stage_get_purpose (self->stage);

  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  if (purpose == NULL || purpose[0] == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, purpose);
  return TRUE;
}

static gboolean
on_header_query_tooltip (RapportStageColumn *self,
                         int                 x,
                         int                 y,
                         gboolean            keyboard_mode,
                         GtkTooltip         *tooltip,
                         GtkWidget          *label)
{
  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  if (label == GTK_WIDGET (self->probability_label))
    gtk_tooltip_set_text (tooltip, _("Win probability of this stage"));
  else
    gtk_tooltip_set_text (tooltip, _("Total value of the open deals in this stage"));
  return TRUE;
}

static gboolean
on_weighted_query_tooltip (RapportStageColumn *self,
                           int                 x,
                           int                 y,
                           gboolean            keyboard_mode,
                           GtkTooltip         *tooltip,
                           GtkWidget          *label)
{
  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  gtk_tooltip_set_text (tooltip, gtk_label_get_label (self->weighted_label));
  return TRUE;
}

static void
on_stage_notify (RapportStageColumn *self,
                 GParamSpec         *pspec,
                 RapportStage       *stage)
{
  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  if (g_str_equal (pspec->name, "name") || g_str_equal (pspec->name, "purpose"))
    rapport_stage_column_update_name (self);
  else if (g_str_equal (pspec->name, "probability"))
    {
      rapport_stage_column_update_name (self);
      rapport_stage_column_refresh_totals (self);
    }
}

/* A deal of this stage changed (its value, say), or many did: read the
 * totals again. Moves in and out arrive as items-changed instead. */
static void
on_store_deal_notice (RapportStageColumn  *self,
                      const RapportNotice *notice,
                      RapportStore        *store)
{
  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  if (notice->change == RAPPORT_CHANGE_RELOAD || rapport_store_list_contains (self->deals, notice->id))
    rapport_stage_column_refresh_totals (self);
}

static void
on_deals_items_changed (RapportStageColumn *self,
                        guint               position,
                        guint               removed,
                        guint               added,
                        GListModel         *model)
{
  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  /* A deal came or went: the count, the placeholder and the totals
   * change with the list, so they never disagree with it. */
  if (removed != added)
    {
      rapport_stage_column_refresh_totals (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DEALS]);
    }
}

static void
on_vadjustment_value_changed (RapportStageColumn *self,
                              GtkAdjustment      *adjustment)
{
  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  self->at_top = gtk_adjustment_get_value (adjustment) <= gtk_adjustment_get_lower (adjustment);
}

/* After the list view has taken the change in. */
static void
on_selection_items_changed (RapportStageColumn *self,
                            guint               position,
                            guint               removed,
                            guint               added,
                            GListModel         *model)
{
  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  if (position == 0 && added > 0 && self->at_top)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

/* Growing the list after the first frame */

static void
rapport_stage_column_show_all_rows (RapportStageColumn *self)
{
  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  if (self->grow_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->grow_id);
  self->grow_id = 0;

  if (self->slice != NULL && gtk_slice_list_model_get_size (self->slice) != G_MAXUINT)
    gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

static gboolean
grow_tick_cb (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  RapportStageColumn *self = user_data;
  guint size;

  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  /* The first tick comes before the first frame is laid out. */
  if (self->grow_frames++ == 0)
    return G_SOURCE_CONTINUE;

  size = gtk_slice_list_model_get_size (self->slice) + MORE_ROWS_A_FRAME;
  if (size >= LIST_VIEW_ROWS || size >= g_list_model_get_n_items (self->deals))
    {
      /* No more rows than that are ever made: the rest costs nothing. */
      self->grow_id = 0;
      gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }

  gtk_slice_list_model_set_size (self->slice, size);
  return G_SOURCE_CONTINUE;
}

/* Cards */

static void
on_factory_setup (RapportStageColumn       *self,
                  GtkListItem              *list_item,
                  GtkSignalListItemFactory *factory)
{
  GtkWidget *card = rapport_deal_card_new (self->store);

  rapport_deal_card_set_list_item (RAPPORT_DEAL_CARD (card), list_item);
  /* The card is the row's child itself, so the row's accessible node
   * holds the card's, named by the deal's title. */
  gtk_list_item_set_child (list_item, card);
}

static void
on_factory_bind (RapportStageColumn       *self,
                 GtkListItem              *list_item,
                 GtkSignalListItemFactory *factory)
{
  RapportDealCard *card = RAPPORT_DEAL_CARD (gtk_list_item_get_child (list_item));

  rapport_deal_card_set_deal (card, gtk_list_item_get_item (list_item));
}

static void
on_factory_unbind (RapportStageColumn       *self,
                   GtkListItem              *list_item,
                   GtkSignalListItemFactory *factory)
{
  RapportDealCard *card = RAPPORT_DEAL_CARD (gtk_list_item_get_child (list_item));

  if (self->drop_card == card)
    {
      rapport_deal_card_set_drop_position (card, RAPPORT_DROP_NONE);
      g_clear_weak_pointer (&self->drop_card);
    }
  rapport_deal_card_set_deal (card, NULL);
}

static void
on_factory_teardown (RapportStageColumn       *self,
                     GtkListItem              *list_item,
                     GtkSignalListItemFactory *factory)
{
  GtkWidget *card = gtk_list_item_get_child (list_item);

  if (card != NULL)
    rapport_deal_card_set_list_item (RAPPORT_DEAL_CARD (card), NULL);
}

static void
on_list_view_activate (RapportStageColumn *self,
                       guint               position,
                       GtkListView        *list_view)
{
  g_autoptr(RapportDeal) deal = NULL;

  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  deal = g_list_model_get_item (self->deals, position);
  if (deal != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "board.open-deal", "x",
                                rapport_record_get_id (RAPPORT_RECORD (deal)));
}

/* The card showing @position, if its row is on screen. */
RapportDealCard *
rapport_stage_column_find_card (RapportStageColumn *self,
                                int                 position,
                                gint64              deal_id)
{
  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);
      RapportDeal *deal;

      if (!RAPPORT_IS_DEAL_CARD (child) || !gtk_widget_get_mapped (child))
        continue;

      deal = rapport_deal_card_get_deal (RAPPORT_DEAL_CARD (child));
      if (deal == NULL)
        continue;

      if (deal_id != 0 && rapport_record_get_id (RAPPORT_RECORD (deal)) == deal_id)
        return RAPPORT_DEAL_CARD (child);
      if (deal_id == 0 && rapport_deal_card_get_position (RAPPORT_DEAL_CARD (child)) == position)
        return RAPPORT_DEAL_CARD (child);
    }

  return NULL;
}

/* Follow-ups */

static gboolean
refresh_badges_idle_cb (gpointer user_data)
{
  RapportStageColumn *self = user_data;

  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  self->badges_idle_id = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *card = gtk_widget_get_first_child (row);

      if (RAPPORT_IS_DEAL_CARD (card))
        rapport_deal_card_refresh_badges (RAPPORT_DEAL_CARD (card));
    }

  return G_SOURCE_REMOVE;
}

/* A follow-up was added, done, snoozed or rescheduled: the overdue badge
 * and the rotting mark of its deal may change. One handler per column, not
 * one per card: a column keeps up to 200 cards. */
static void
on_store_activity_notice (RapportStageColumn  *self,
                          const RapportNotice *notice,
                          RapportStore        *store)
{
  gint64 id = notice->id;
  g_autoptr(RapportActivity) activity = NULL;

  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  if (id > 0 && (activity = rapport_store_get_activity (store, id, NULL)) != NULL)
    {
      RapportDealCard *card;

      if (rapport_activity_get_deal_id (activity) <= 0)
        return;

      card = rapport_stage_column_find_card (self, -1, rapport_activity_get_deal_id (activity));
      if (card != NULL)
        rapport_deal_card_refresh_badges (card);
      return;
    }

  /* Many at once (another program wrote), or one that is gone. */
  if (self->badges_idle_id == 0)
    self->badges_idle_id = g_idle_add_full (G_PRIORITY_LOW, refresh_badges_idle_cb, self, NULL);
}

/* Focus after a keyboard move */

static gboolean
focus_tick_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  RapportStageColumn *self = user_data;
  RapportDealCard *card;

  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  /* Ticks run before layout: the row of a moved card exists from the
   * frame after the move on. */
  card = rapport_stage_column_find_card (self, -1, self->focus_deal_id);
  if (card != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (card));

  if (card != NULL || ++self->focus_frames > FOCUS_MAX_FRAMES)
    {
      self->focus_id = 0;
      self->focus_deal_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/**
 * rapport_stage_column_show_deal:
 * @focus: also focus the card, as soon as its row is on screen
 *
 * Scrolls to @deal's card. The list keeps its first visible card where it
 * is when deals are inserted above it, so a card dropped or put back just
 * above it would otherwise land out of sight. After a keyboard move, the
 * card keeps the focus in its new place.
 */
void
rapport_stage_column_show_deal (RapportStageColumn *self,
                                RapportDeal        *deal,
                                gboolean            focus)
{
  RapportDealCard *card;
  int position;

  g_return_if_fail (RAPPORT_IS_STAGE_COLUMN (self));
  g_return_if_fail (RAPPORT_IS_DEAL (deal));

  position = rapport_store_get_deal_position (self->store, deal);
  if (position < 0 || rapport_deal_get_stage_id (deal) != rapport_record_get_id (RAPPORT_RECORD (self->stage)))
    return;

  rapport_stage_column_show_all_rows (self);

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", (guint) position);

  if (!focus)
    return;

  /* The list makes the rows around what it shows as soon as the model
   * changes, so the card is usually there already: focus it now, before
   * the next key press, which must not reach another card. */
  card = rapport_stage_column_find_card (self, -1, rapport_record_get_id (RAPPORT_RECORD (deal)));
  if (card != NULL && gtk_widget_grab_focus (GTK_WIDGET (card)))
    return;

  self->focus_deal_id = rapport_record_get_id (RAPPORT_RECORD (deal));
  self->focus_frames = 0;
  if (self->focus_id == 0)
    self->focus_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), focus_tick_cb, self, NULL);
}

static gboolean
rapport_stage_column_card_in_view (RapportStageColumn *self,
                                   GtkWidget          *card)
{
  graphene_rect_t bounds;

  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  return gtk_widget_compute_bounds (card, GTK_WIDGET (self->list_view), &bounds) &&
         bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (self->list_view));
}

static gboolean
keep_tick_cb (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  RapportStageColumn *self = user_data;
  RapportDealCard *card;

  g_assert (RAPPORT_IS_STAGE_COLUMN (self));

  /* Ticks run before layout: in the first one the rows are still where
   * they were before the move. */
  if (self->keep_frames++ == 0)
    return G_SOURCE_CONTINUE;

  /* The list scrolls just far enough to show what it is asked to show: the
   * moved card, shown first, stays in view beside its neighbour. */
  card = rapport_stage_column_find_card (self, (int) self->keep_position, 0);
  if ((card != NULL && rapport_stage_column_card_in_view (self, GTK_WIDGET (card))) ||
      self->keep_position >= g_list_model_get_n_items (self->deals) ||
      self->keep_frames > FOCUS_MAX_FRAMES)
    {
      self->keep_id = 0;
      return G_SOURCE_REMOVE;
    }

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", self->keep_position);
  return G_SOURCE_CONTINUE;
}

/**
 * rapport_stage_column_keep_in_view:
 * @position: of a card beside the one just shown
 *
 * After rapport_stage_column_show_deal(), brings the card at @position
 * in view too, as soon as the list has laid the move out: Alt+Up and
 * Alt+Down keep in sight the card that the moved one swapped places with.
 */
void
rapport_stage_column_keep_in_view (RapportStageColumn *self,
                                   guint               position)
{
  g_return_if_fail (RAPPORT_IS_STAGE_COLUMN (self));

  self->keep_position = position;
  self->keep_frames = 0;
  if (self->keep_id == 0)
    self->keep_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), keep_tick_cb, self, NULL);
}

/**
 * rapport_stage_column_focus_nearest:
 * @y: a height in @from's coordinates
 *
 * Focuses the card on screen nearest to @y: Left and Right on a card
 * walk the board row by row.
 *
 * Returns: whether a card took the focus
 */
gboolean
rapport_stage_column_focus_nearest (RapportStageColumn *self,
                                    GtkWidget          *from,
                                    double              y)
{
  graphene_point_t point = GRAPHENE_POINT_INIT (0, y);
  graphene_point_t in_list;
  GtkWidget *best = NULL;
  double best_distance = G_MAXDOUBLE;
  double height = gtk_widget_get_height (GTK_WIDGET (self->list_view));

  g_return_val_if_fail (RAPPORT_IS_STAGE_COLUMN (self), FALSE);

  if (!gtk_widget_compute_point (from, GTK_WIDGET (self->list_view), &point, &in_list))
    in_list.y = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *card = gtk_widget_get_first_child (row);
      graphene_rect_t bounds;
      double middle, distance;

      if (!RAPPORT_IS_DEAL_CARD (card) || rapport_deal_card_get_deal (RAPPORT_DEAL_CARD (card)) == NULL ||
          !gtk_widget_compute_bounds (card, GTK_WIDGET (self->list_view), &bounds))
        continue;

      /* Only what is on screen. */
      if (bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= height)
        continue;

      middle = bounds.origin.y + bounds.size.height / 2;
      distance = ABS (middle - in_list.y);
      if (distance < best_distance)
        {
          best = card;
          best_distance = distance;
        }
    }

  return best != NULL && gtk_widget_grab_focus (best);
}

/* GObject */

static void
rapport_stage_column_constructed (GObject *object)
{
  RapportStageColumn *self = RAPPORT_STAGE_COLUMN (object);
  GtkListItemFactory *factory;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(GtkSliceListModel) slice = NULL;

  G_OBJECT_CLASS (rapport_stage_column_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));
  g_assert (RAPPORT_IS_STAGE (self->stage));

  self->deals = rapport_store_get_stage_deals (self->store, self->stage);
  g_signal_connect_object (self->deals, "items-changed",
                           G_CALLBACK (on_deals_items_changed), self,
                           G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_factory_setup), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_factory_unbind), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "teardown", G_CALLBACK (on_factory_teardown), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  /* Nothing to select: a card is opened, dragged or moved, not chosen. */
  slice = gtk_slice_list_model_new (g_object_ref (self->deals), 0, self->first_rows);
  self->slice = slice;
  self->grow_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), grow_tick_cb, self, NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&slice)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (selection, "items-changed",
                           G_CALLBACK (on_selection_items_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  self->at_top = TRUE;
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (on_vadjustment_value_changed), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->stage, "notify",
                           G_CALLBACK (on_stage_notify), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notice::activity",
                           G_CALLBACK (on_store_activity_notice), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notice::deal",
                           G_CALLBACK (on_store_deal_notice), self,
                           G_CONNECT_SWAPPED);

  rapport_stage_column_update_name (self);
  rapport_stage_column_refresh_totals (self);
}

static void
rapport_stage_column_dispose (GObject *object)
{
  RapportStageColumn *self = RAPPORT_STAGE_COLUMN (object);

  rapport_stage_column_stop_autoscroll (self);
  filter_clear (&self->filter);
  if (self->grow_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->grow_id);
  self->grow_id = 0;
  self->slice = NULL;
  g_clear_handle_id (&self->badges_idle_id, g_source_remove);
  if (self->focus_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->focus_id);
  self->focus_id = 0;
  if (self->keep_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->keep_id);
  self->keep_id = 0;
  g_clear_weak_pointer (&self->drop_card);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_STAGE_COLUMN);

  g_clear_object (&self->deals);
  g_clear_object (&self->stage);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_stage_column_parent_class)->dispose (object);
}

static void
rapport_stage_column_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportStageColumn *self = RAPPORT_STAGE_COLUMN (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_STAGE:
      g_value_set_object (value, self->stage);
      break;

    case PROP_N_DEALS:
      g_value_set_uint (value, rapport_stage_column_get_n_deals (self));
      break;

    case PROP_FIRST_ROWS:
      g_value_set_uint (value, self->first_rows);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_stage_column_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RapportStageColumn *self = RAPPORT_STAGE_COLUMN (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_STAGE:
      self->stage = g_value_dup_object (value);
      break;

    case PROP_FIRST_ROWS:
      self->first_rows = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_stage_column_class_init (RapportStageColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_stage_column_constructed;
  object_class->dispose = rapport_stage_column_dispose;
  object_class->get_property = rapport_stage_column_get_property;
  object_class->set_property = rapport_stage_column_set_property;

  /**
   * RapportStageColumn:store:
   *
   * The database the column's deals come from.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportStageColumn:stage:
   *
   * The stage shown.
   */
  properties[PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL,
                         RAPPORT_TYPE_STAGE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportStageColumn:n-deals:
   *
   * How many open deals the stage has.
   */
  properties[PROP_N_DEALS] =
    g_param_spec_uint ("n-deals", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportStageColumn:first-rows:
   *
   * How many cards the list makes before the first frame: enough to fill
   * the column. More come a few a frame after it.
   */
  properties[PROP_FIRST_ROWS] =
    g_param_spec_uint ("first-rows", NULL, NULL,
                       1, LIST_VIEW_ROWS, FIRST_ROWS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                       G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/board/stage-column.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportStageColumn, name_label);
  gtk_widget_class_bind_template_child (widget_class, RapportStageColumn, probability_label);
  gtk_widget_class_bind_template_child (widget_class, RapportStageColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, RapportStageColumn, total_label);
  gtk_widget_class_bind_template_child (widget_class, RapportStageColumn, weighted_label);
  gtk_widget_class_bind_template_child (widget_class, RapportStageColumn, scroller);
  gtk_widget_class_bind_template_child (widget_class, RapportStageColumn, list_view);
  gtk_widget_class_bind_template_child (widget_class, RapportStageColumn, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_name_query_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, on_header_query_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, on_weighted_query_tooltip);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rapport_stage_column_init (RapportStageColumn *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_deal_query_init (&self->filter);
  rapport_stage_column_dnd_init (self);
}

GtkWidget *
rapport_stage_column_new (RapportStore *store,
                          RapportStage *stage)
{
  return rapport_stage_column_new_with_rows (store, stage, FIRST_ROWS);
}

/**
 * rapport_stage_column_new_with_rows:
 * @first_rows: how many cards fill the column; see
 *   RapportStageColumn:first-rows
 */
GtkWidget *
rapport_stage_column_new_with_rows (RapportStore *store,
                                    RapportStage *stage,
                                    guint         first_rows)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (RAPPORT_IS_STAGE (stage), NULL);

  return g_object_new (RAPPORT_TYPE_STAGE_COLUMN,
                       "store", store,
                       "stage", stage,
                       "first-rows", CLAMP (first_rows, 1, LIST_VIEW_ROWS),
                       NULL);
}

/**
 * rapport_stage_column_get_stage:
 *
 * Returns: (transfer none): the stage shown
 */
RapportStage *
rapport_stage_column_get_stage (RapportStageColumn *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_COLUMN (self), NULL);

  return self->stage;
}

/**
 * rapport_stage_column_set_filter:
 * @filter: (nullable): owner, close dates, value and tag to show, or
 *   %NULL for all the stage's deals
 *
 * The board's filters: the column shows only its deals that pass, in
 * their board order, and their totals.
 */
void
rapport_stage_column_set_filter (RapportStageColumn     *self,
                                 const RapportDealQuery *filter)
{
  g_autoptr(GListModel) deals = NULL;

  g_return_if_fail (RAPPORT_IS_STAGE_COLUMN (self));

  filter_clear (&self->filter);
  if (filter != NULL)
    {
      RapportDealQuery query = *filter;

      filter_copy (&self->filter, filter);
      query.stage_id = rapport_record_get_id (RAPPORT_RECORD (self->stage));
      query.pipeline_id = 0;
      query.status = RAPPORT_DEAL_STATUS_OPEN;
      query.sort = RAPPORT_DEAL_SORT_RANK;
      query.descending = FALSE;
      query.search = NULL;
      deals = rapport_store_query_deals (self->store, &query);
    }
  else if (!self->filtered)
    return;
  else
    deals = rapport_store_get_stage_deals (self->store, self->stage);

  self->filtered = filter != NULL;
  g_signal_handlers_disconnect_by_func (self->deals, on_deals_items_changed, self);
  g_set_object (&self->deals, deals);
  g_signal_connect_object (self->deals, "items-changed",
                           G_CALLBACK (on_deals_items_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_slice_list_model_set_model (self->slice, self->deals);
  rapport_stage_column_refresh_totals (self);
}

guint
rapport_stage_column_stage_position (RapportStageColumn *self,
                                     guint               index)
{
  guint n = g_list_model_get_n_items (self->deals);
  g_autoptr(RapportDeal) deal = NULL;

  if (!self->filtered)
    return index;
  /* Before the card shown there, or after the last one shown. */
  if (index < n)
    {
      deal = g_list_model_get_item (self->deals, index);
      return (guint) rapport_store_get_deal_position (self->store, deal);
    }
  if (n == 0)
    return 0;
  deal = g_list_model_get_item (self->deals, n - 1);
  return (guint) rapport_store_get_deal_position (self->store, deal) + 1;
}

/**
 * rapport_stage_column_get_deals:
 *
 * Returns: (transfer none): the stage's open deals, in board order
 */
GListModel *
rapport_stage_column_get_deals (RapportStageColumn *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_COLUMN (self), NULL);

  return self->deals;
}

guint
rapport_stage_column_get_n_deals (RapportStageColumn *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_COLUMN (self), 0);

  return self->deals != NULL ? g_list_model_get_n_items (self->deals) : 0;
}

/**
 * rapport_stage_column_get_totals:
 *
 * The totals of the cards the column shows, read by the last
 * rapport_stage_column_refresh_totals(), in the store's default currency.
 */
void
rapport_stage_column_get_totals (RapportStageColumn *self,
                                 guint              *n_deals,
                                 gint64             *total,
                                 gint64             *weighted)
{
  g_return_if_fail (RAPPORT_IS_STAGE_COLUMN (self));

  if (n_deals != NULL)
    *n_deals = self->n_open;
  if (total != NULL)
    *total = self->total;
  if (weighted != NULL)
    *weighted = self->weighted;
}

/* The open deals of the whole stage, filtered or not: whether the board
 * is empty is the pipeline's, not the filters'. */
guint
rapport_stage_column_get_n_stage (RapportStageColumn *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_COLUMN (self), 0);

  return self->n_stage;
}
