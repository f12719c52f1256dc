/* rapport-deal-card.c — one deal on the pipeline board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A card shows a deal's title, who it is with, its value, its expected
 * close, and two warnings: an overdue follow-up and a deal that has sat in
 * its stage longer than the stage allows ("rotting"); in a team's file,
 * also whose deal it is (its owner's initials). Columns recycle
 * cards: the list view's factory makes a few and binds them to whichever
 * deals are on screen, so everything here follows the `deal` property and
 * the deal's own notify signals, never a deal fixed at construction.
 *
 * The card is where a drag starts (it carries the RapportDeal itself), and
 * it owns the deal's keyboard shortcuts and context menu. Both only name
 * actions, board.* ones (RapportPipelineView installs them) and
 * win.schedule-followup: the card never writes to the store.
 */

#define G_LOG_DOMAIN "rapport-deal-card"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rapport-a11y.h"
#include "rapport-board.h"
#include "rapport-deal-card.h"
#include "rapport-format.h"
#include "rapport-store-change-log.h"

struct _RapportDealCard
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkWidget           *frame;
  GtkLabel            *title_label;
  GtkLabel            *party_label;
  GtkLabel            *value_label;
  GtkWidget           *close_box;
  GtkLabel            *close_label;
  AdwAvatar           *owner_avatar;
  GtkWidget           *badge_box;
  GtkWidget           *overdue_badge;
  GtkWidget           *rotting_badge;
  GtkLabel            *rotting_label;

  /* Owned widgets */
  GtkWidget           *menu;            /* GtkPopoverMenu, made on first use */

  /* Borrowed references */
  GtkListItem         *list_item;       /* the row showing this card */

  /* Owned references */
  RapportStore        *store;
  RapportDeal         *deal;
  RapportOrganization *organization;
  RapportContact      *contact;

  /* What screen readers were last told, so that a refresh that changes
   * nothing sends nothing over the accessibility bus. */
  char                *accessible_label;
  char                *accessible_description;

  /* Where the pointer grabbed the card, for the drag icon. */
  double               drag_x;
  double               drag_y;

  /* What the tooltips say; see on_close_query_tooltip() */
  gboolean             close_past;
  int                  rotting_days;

  /* The file is in a team: the owner shows. Read when the store is set
   * and at each settings notice, not per card bound. */
  gboolean             in_team;
};

G_DEFINE_FINAL_TYPE (RapportDealCard, rapport_deal_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DEAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Showing the deal */

static void
rapport_deal_card_update_accessible (RapportDealCard *self)
{
  g_autoptr(GString) description = g_string_new (NULL);
  const char *label;
  const char *parties = gtk_label_get_label (self->party_label);
  const char *close = gtk_label_get_label (self->close_label);

  g_assert (RAPPORT_IS_DEAL_CARD (self));

  /* The name is exactly the title: screen readers say it first, and tests
   * find a card by it. The rest goes in the description. */
  if (parties != NULL && *parties != '\0')
    g_string_append (description, parties);
  if (description->len > 0)
    g_string_append (description, ", ");
  g_string_append (description, gtk_label_get_label (self->value_label));
  if (gtk_widget_get_visible (GTK_WIDGET (self->owner_avatar)))
    {
      g_string_append (description, ", ");
      /* Translators: spoken by screen readers after a deal's value, in a
       * team; %s is the deal's owner, a member of the team. */
      g_string_append_printf (description, _("owned by %s"), adw_avatar_get_text (self->owner_avatar));
    }
  if (gtk_widget_get_visible (self->close_box) && close != NULL && *close != '\0')
    {
      g_string_append (description, ", ");
      /* Translators: spoken by screen readers after a deal's value. */
      g_string_append_printf (description, _("expected to close %s"), close);
    }
  if (gtk_widget_get_visible (self->overdue_badge))
    {
      g_string_append (description, ", ");
      g_string_append (description, _("follow-up overdue"));
    }
  if (gtk_widget_get_visible (self->rotting_badge))
    {
      g_autofree char *rotting = rapport_format_days_rotting_long (self->rotting_days);

      g_string_append (description, ", ");
      g_string_append (description, rotting);
    }

  label = self->deal != NULL ? rapport_deal_get_title (self->deal) : "";

  if (g_strcmp0 (label, self->accessible_label) != 0)
    {
      g_free (self->accessible_label);
      self->accessible_label = g_strdup (label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      /* The board's row around the card is what a screen reader meets
       * first, moving through a column. */
      rapport_a11y_name_list_row (GTK_WIDGET (self), label);
    }

  if (g_strcmp0 (description->str, self->accessible_description) != 0)
    {
      g_free (self->accessible_description);
      self->accessible_description = g_strdup (description->str);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                      -1);
    }
}

static void
rapport_deal_card_update_parties (RapportDealCard *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert (RAPPORT_IS_DEAL_CARD (self));

  if (self->organization != NULL)
    g_string_append (text, rapport_organization_get_name (self->organization));
  if (self->contact != NULL)
    {
      if (text->len > 0)
        /* Translators: between a deal's organization and its contact. */
        g_string_append (text, _(" · "));
      g_string_append (text, rapport_contact_get_name (self->contact));
    }

  gtk_label_set_label (self->party_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->party_label), text->len > 0);
}

static void
on_party_notify_name (RapportDealCard *self)
{
  g_assert (RAPPORT_IS_DEAL_CARD (self));

  rapport_deal_card_update_parties (self);
  rapport_deal_card_update_accessible (self);
}

static void
rapport_deal_card_drop_parties (RapportDealCard *self)
{
  if (self->organization != NULL)
    g_signal_handlers_disconnect_by_func (self->organization, on_party_notify_name, self);
  if (self->contact != NULL)
    g_signal_handlers_disconnect_by_func (self->contact, on_party_notify_name, self);
  g_clear_object (&self->organization);
  g_clear_object (&self->contact);
}

/* The organization and contact are objects of their own: a rename shows at
 * once, like the deal's own fields. */
static void
rapport_deal_card_follow_parties (RapportDealCard *self)
{
  gint64 organization_id;
  gint64 contact_id;

  g_assert (RAPPORT_IS_DEAL_CARD (self));

  rapport_deal_card_drop_parties (self);

  if (self->deal == NULL || self->store == NULL)
    return;

  organization_id = rapport_deal_get_organization_id (self->deal);
  contact_id = rapport_deal_get_contact_id (self->deal);

  if (organization_id > 0)
    self->organization = rapport_store_get_organization (self->store, organization_id, NULL);
  if (contact_id > 0)
    self->contact = rapport_store_get_contact (self->store, contact_id, NULL);

  if (self->organization != NULL)
    g_signal_connect_object (self->organization, "notify::name",
                             G_CALLBACK (on_party_notify_name), self, G_CONNECT_SWAPPED);
  if (self->contact != NULL)
    g_signal_connect_object (self->contact, "notify::name",
                             G_CALLBACK (on_party_notify_name), self, G_CONNECT_SWAPPED);

  rapport_deal_card_update_parties (self);
}

static void
rapport_deal_card_update_badges (RapportDealCard *self)
{
  gboolean overdue = FALSE;
  gboolean rotting;

  g_assert (RAPPORT_IS_DEAL_CARD (self));

  self->rotting_days = 0;
  if (self->deal != NULL && self->store != NULL)
    {
      overdue = rapport_store_deal_has_overdue_followup (self->store, self->deal);
      /* Never with an overdue follow-up: that one is pending. */
      if (!overdue)
        self->rotting_days = rapport_store_deal_get_days_rotting (self->store, self->deal);
    }
  rotting = self->rotting_days > 0;

  if (rotting)
    {
      g_autofree char *text = rapport_format_days_rotting (self->rotting_days);

      gtk_label_set_label (self->rotting_label, text);
    }

  gtk_widget_set_visible (self->overdue_badge, overdue);
  gtk_widget_set_visible (self->rotting_badge, rotting);
  gtk_widget_set_visible (self->badge_box, overdue || rotting);

  if (rotting)
    gtk_widget_add_css_class (GTK_WIDGET (self), "rotting");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "rotting");

  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue");
}

/* In a team, the owner's initials; else nothing, as before teams. */
static void
rapport_deal_card_update_owner (RapportDealCard *self)
{
  const char *owner = self->deal != NULL ? rapport_deal_get_owner (self->deal) : NULL;
  gboolean shown = self->in_team && owner != NULL && *owner != '\0';

  g_assert (RAPPORT_IS_DEAL_CARD (self));

  adw_avatar_set_text (self->owner_avatar, shown ? owner : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->owner_avatar), shown);
}

static gboolean
on_owner_query_tooltip (RapportDealCard *self,
                        int              x,
                        int              y,
                        gboolean         keyboard_mode,
                        GtkTooltip      *tooltip,
                        GtkWidget       *avatar)
{
  g_autofree char *text = NULL;

  g_assert (RAPPORT_IS_DEAL_CARD (self));

  /* Translators: the tooltip of a deal card's owner, in a team. */
  text = g_strdup_printf (_("Owned by %s"), adw_avatar_get_text (self->owner_avatar));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
rapport_deal_card_read_team (RapportDealCard *self)
{
  g_autofree char *user = rapport_store_get_team_user (self->store);

  g_assert (RAPPORT_IS_DEAL_CARD (self));

  self->in_team = user != NULL;
}

/* The file joined or left a team while the board shows. */
static void
on_store_setting_notice (RapportDealCard     *self,
                         const RapportNotice *notice,
                         RapportStore        *store)
{
  gboolean was_in_team = self->in_team;

  g_assert (RAPPORT_IS_DEAL_CARD (self));

  rapport_deal_card_read_team (self);
  if (self->in_team != was_in_team)
    {
      rapport_deal_card_update_owner (self);
      rapport_deal_card_update_accessible (self);
    }
}

static void
rapport_deal_card_update (RapportDealCard *self)
{
  g_autofree char *value = NULL;
  g_autofree char *close = NULL;
  gboolean close_past = FALSE;

  g_assert (RAPPORT_IS_DEAL_CARD (self));

  if (self->deal == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->value_label, "");
      gtk_widget_set_visible (self->close_box, FALSE);
      rapport_deal_card_update_owner (self);
      rapport_deal_card_update_badges (self);
      rapport_deal_card_update_accessible (self);
      return;
    }

  gtk_label_set_label (self->title_label, rapport_deal_get_title (self->deal));

  value = rapport_format_money (rapport_deal_get_value (self->deal),
                                rapport_deal_get_currency (self->deal));
  gtk_label_set_label (self->value_label, value);

  if (self->store != NULL)
    close = rapport_format_day (rapport_deal_get_expected_close (self->deal),
                                rapport_store_now (self->store), &close_past);
  gtk_widget_set_visible (self->close_box, close != NULL);
  gtk_label_set_label (self->close_label, close != NULL ? close : "");
  self->close_past = close_past;
  if (close_past)
    gtk_widget_add_css_class (self->close_box, "past");
  else
    gtk_widget_remove_css_class (self->close_box, "past");

  rapport_deal_card_update_owner (self);
  rapport_deal_card_update_badges (self);
  rapport_deal_card_update_accessible (self);
}

/* Tooltips are asked for, not set: in GTK 4.8 setting one on a shown
 * widget asks the X server where the pointer is, a round trip per card
 * and per refresh, dozens before the board's first frame. */
static gboolean
on_close_query_tooltip (RapportDealCard *self,
                        int              x,
                        int              y,
                        gboolean         keyboard_mode,
                        GtkTooltip      *tooltip,
                        GtkWidget       *close_box)
{
  g_assert (RAPPORT_IS_DEAL_CARD (self));

  gtk_tooltip_set_text (tooltip, self->close_past ? _("Expected close date has passed")
                                                  : _("Expected close date"));
  return TRUE;
}

static gboolean
on_rotting_query_tooltip (RapportDealCard *self,
                          int              x,
                          int              y,
                          gboolean         keyboard_mode,
                          GtkTooltip      *tooltip,
                          GtkWidget       *rotting_badge)
{
  g_autofree char *text = NULL;

  g_assert (RAPPORT_IS_DEAL_CARD (self));

  text = rapport_format_days_rotting_long (self->rotting_days);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_deal_notify (RapportDealCard *self,
                GParamSpec      *pspec,
                RapportDeal     *deal)
{
  g_assert (RAPPORT_IS_DEAL_CARD (self));

  /* Bookkeeping the card does not show. */
  if (g_str_equal (pspec->name, "rank") || g_str_equal (pspec->name, "updated-at"))
    return;

  if (g_str_equal (pspec->name, "organization-id") || g_str_equal (pspec->name, "contact-id"))
    rapport_deal_card_follow_parties (self);

  rapport_deal_card_update (self);
}


/* Context menu */

static GMenuModel *
rapport_deal_card_create_menu (RapportDealCard *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();
  g_autoptr(GMenu) move = g_menu_new ();
  g_autoptr(GMenu) stages_menu = g_menu_new ();
  g_autoptr(GMenu) close = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  g_autoptr(RapportPipeline) pipeline = NULL;
  gint64 deal_id = rapport_record_get_id (RAPPORT_RECORD (self->deal));

  g_assert (RAPPORT_IS_DEAL_CARD (self));

  item = g_menu_item_new (_("_Open"), NULL);
  g_menu_item_set_action_and_target_value (item, "board.open-deal", g_variant_new_int64 (deal_id));
  g_menu_append_item (open, item);
  g_clear_object (&item);

  /* The window's action: the New Follow-up dialog, for this deal. */
  item = g_menu_item_new (_("_Schedule Follow-up…"), NULL);
  g_menu_item_set_action_and_target_value (item, "win.schedule-followup", g_variant_new_int64 (deal_id));
  g_menu_append_item (open, item);
  g_clear_object (&item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open));

  pipeline = rapport_store_get_current_pipeline (self->store);
  if (pipeline != NULL)
    {
      GListModel *stages = rapport_store_get_stages (self->store, pipeline);

      for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
        {
          g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);
          gint64 stage_id = rapport_record_get_id (RAPPORT_RECORD (stage));

          if (stage_id == rapport_deal_get_stage_id (self->deal))
            continue;

          item = g_menu_item_new (rapport_stage_get_name (stage), NULL);
          g_menu_item_set_action_and_target_value (item, "board.move-deal-to",
                                                   g_variant_new ("(xx)", deal_id, stage_id));
          g_menu_append_item (stages_menu, item);
          g_clear_object (&item);
        }
    }
  g_menu_append_submenu (move, _("_Move To"), G_MENU_MODEL (stages_menu));
  /* The window's action, as the deal page's menu has it. */
  if (g_list_model_get_n_items (rapport_store_get_pipelines (self->store)) > 1)
    {
      item = g_menu_item_new (_("Move to Another _Pipeline…"), NULL);
      g_menu_item_set_action_and_target_value (item, "win.move-deal-to-pipeline", g_variant_new_int64 (deal_id));
      g_menu_append_item (move, item);
      g_clear_object (&item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (move));

  item = g_menu_item_new (_("Mark _Won"), NULL);
  g_menu_item_set_action_and_target_value (item, "board.mark-won", g_variant_new_int64 (deal_id));
  g_menu_append_item (close, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("Mark _Lost…"), NULL);
  g_menu_item_set_action_and_target_value (item, "board.mark-lost", g_variant_new_int64 (deal_id));
  g_menu_append_item (close, item);
  g_clear_object (&item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (close));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
rapport_deal_card_popup_menu (RapportDealCard *self,
                              double           x,
                              double           y)
{
  g_autoptr(GMenuModel) model = NULL;
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  g_assert (RAPPORT_IS_DEAL_CARD (self));

  if (self->deal == NULL || self->store == NULL)
    return;

  /* Stages change; the menu is made fresh each time it opens. */
  model = rapport_deal_card_create_menu (self);

  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (model);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);

  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
on_secondary_click_pressed (RapportDealCard *self,
                            int              n_press,
                            double           x,
                            double           y,
                            GtkGestureClick *gesture)
{
  g_assert (RAPPORT_IS_DEAL_CARD (self));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  rapport_deal_card_popup_menu (self, x, y);
}

static void
on_long_pressed (RapportDealCard      *self,
                 double                x,
                 double                y,
                 GtkGestureLongPress  *gesture)
{
  g_assert (RAPPORT_IS_DEAL_CARD (self));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  rapport_deal_card_popup_menu (self, x, y);
}

/* Drag source */

static GdkContentProvider *
on_drag_prepare (RapportDealCard *self,
                 double           x,
                 double           y,
                 GtkDragSource   *source)
{
  g_assert (RAPPORT_IS_DEAL_CARD (self));

  if (self->deal == NULL)
    return NULL;

  self->drag_x = x;
  self->drag_y = y;

  return gdk_content_provider_new_typed (RAPPORT_TYPE_DEAL, self->deal);
}

static void
on_drag_begin (RapportDealCard *self,
               GdkDrag         *drag,
               GtkDragSource   *source)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkPaintable) image = NULL;
  RapportBoard *board;

  g_assert (RAPPORT_IS_DEAL_CARD (self));

  /* A still image, taken before the card dims: the card may be rebound to
   * another deal while the drag is on. */
  paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
  image = gdk_paintable_get_current_image (paintable);
  gtk_drag_source_set_icon (source, image, (int) self->drag_x, (int) self->drag_y);

  gtk_widget_add_css_class (GTK_WIDGET (self), "dragging");

  board = rapport_board_find (GTK_WIDGET (self));
  if (board != NULL && self->deal != NULL)
    rapport_board_track_drag (board, source, drag, self->deal);
}

static void
on_drag_end (RapportDealCard *self,
             GdkDrag         *drag,
             gboolean         delete_data,
             GtkDragSource   *source)
{
  g_assert (RAPPORT_IS_DEAL_CARD (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
}

/* Actions: each one names the deal and asks the board */

static void
rapport_deal_card_ask_board (RapportDealCard *self,
                             const char      *action,
                             int              delta)
{
  gint64 id;

  g_assert (RAPPORT_IS_DEAL_CARD (self));

  if (self->deal == NULL)
    return;

  id = rapport_record_get_id (RAPPORT_RECORD (self->deal));
  if (delta == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), action, "x", id);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), action, "(xi)", id, delta);
}

static void
rapport_deal_card_move_sideways_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  RapportDealCard *self = RAPPORT_DEAL_CARD (widget);
  int delta = g_str_equal (action_name, "card.move-right") ? 1 : -1;

  /* Left is the previous stage, unless the board reads right to left. */
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    delta = -delta;

  rapport_deal_card_ask_board (self, "board.move-deal-step", delta);
}

static void
rapport_deal_card_focus_sideways_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  RapportBoard *board = rapport_board_find (widget);
  int delta = g_str_equal (action_name, "card.focus-right") ? 1 : -1;

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    delta = -delta;

  if (board == NULL || !rapport_board_focus_beside (board, widget, delta))
    gtk_widget_error_bell (widget);
}

static void
rapport_deal_card_reorder_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  RapportDealCard *self = RAPPORT_DEAL_CARD (widget);

  rapport_deal_card_ask_board (self, "board.reorder-deal",
                               g_str_equal (action_name, "card.move-down") ? 1 : -1);
}

static void
rapport_deal_card_open_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  rapport_deal_card_ask_board (RAPPORT_DEAL_CARD (widget), "board.open-deal", 0);
}

static void
rapport_deal_card_show_menu_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  rapport_deal_card_popup_menu (RAPPORT_DEAL_CARD (widget),
                                gtk_widget_get_width (widget) / 2.0,
                                gtk_widget_get_height (widget) / 2.0);
}

/* GtkWidget: one child, plus the popover that must be presented */

static void
rapport_deal_card_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  RapportDealCard *self = RAPPORT_DEAL_CARD (widget);

  gtk_widget_measure (self->frame, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
rapport_deal_card_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  RapportDealCard *self = RAPPORT_DEAL_CARD (widget);

  gtk_widget_allocate (self->frame, width, height, baseline, NULL);

  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static GtkSizeRequestMode
rapport_deal_card_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* GObject */

static void
rapport_deal_card_dispose (GObject *object)
{
  RapportDealCard *self = RAPPORT_DEAL_CARD (object);

  rapport_deal_card_set_deal (self, NULL);
  g_clear_pointer (&self->menu, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_DEAL_CARD);

  g_clear_object (&self->store);
  self->list_item = NULL;

  G_OBJECT_CLASS (rapport_deal_card_parent_class)->dispose (object);
}

static void
rapport_deal_card_finalize (GObject *object)
{
  RapportDealCard *self = RAPPORT_DEAL_CARD (object);

  g_clear_pointer (&self->accessible_label, g_free);
  g_clear_pointer (&self->accessible_description, g_free);

  G_OBJECT_CLASS (rapport_deal_card_parent_class)->finalize (object);
}

static void
rapport_deal_card_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RapportDealCard *self = RAPPORT_DEAL_CARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DEAL:
      g_value_set_object (value, self->deal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_deal_card_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RapportDealCard *self = RAPPORT_DEAL_CARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_assert (self->store == NULL);
      self->store = g_value_dup_object (value);
      if (self->store != NULL)
        {
          rapport_deal_card_read_team (self);
          g_signal_connect_object (self->store, "notice::setting",
                                   G_CALLBACK (on_store_setting_notice), self, G_CONNECT_SWAPPED);
        }
      break;

    case PROP_DEAL:
      rapport_deal_card_set_deal (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_deal_card_class_init (RapportDealCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_deal_card_dispose;
  object_class->finalize = rapport_deal_card_finalize;
  object_class->get_property = rapport_deal_card_get_property;
  object_class->set_property = rapport_deal_card_set_property;

  widget_class->measure = rapport_deal_card_measure;
  widget_class->size_allocate = rapport_deal_card_size_allocate;
  widget_class->get_request_mode = rapport_deal_card_get_request_mode;

  /**
   * RapportDealCard:store:
   *
   * Where the card looks up the deal's organization, contact and badges.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportDealCard:deal:
   *
   * The deal shown, or %NULL while the card waits to be bound.
   */
  properties[PROP_DEAL] =
    g_param_spec_object ("deal", NULL, NULL,
                         RAPPORT_TYPE_DEAL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/board/deal-card.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportDealCard, frame);
  gtk_widget_class_bind_template_child (widget_class, RapportDealCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, RapportDealCard, party_label);
  gtk_widget_class_bind_template_child (widget_class, RapportDealCard, value_label);
  gtk_widget_class_bind_template_child (widget_class, RapportDealCard, close_box);
  gtk_widget_class_bind_template_child (widget_class, RapportDealCard, close_label);
  gtk_widget_class_bind_template_child (widget_class, RapportDealCard, owner_avatar);
  gtk_widget_class_bind_template_child (widget_class, RapportDealCard, badge_box);
  gtk_widget_class_bind_template_child (widget_class, RapportDealCard, overdue_badge);
  gtk_widget_class_bind_template_child (widget_class, RapportDealCard, rotting_badge);
  gtk_widget_class_bind_template_child (widget_class, RapportDealCard, rotting_label);
  gtk_widget_class_bind_template_callback (widget_class, on_close_query_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, on_rotting_query_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, on_owner_query_tooltip);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "card.move-left", NULL, rapport_deal_card_move_sideways_action);
  gtk_widget_class_install_action (widget_class, "card.move-right", NULL, rapport_deal_card_move_sideways_action);
  gtk_widget_class_install_action (widget_class, "card.focus-left", NULL, rapport_deal_card_focus_sideways_action);
  gtk_widget_class_install_action (widget_class, "card.focus-right", NULL, rapport_deal_card_focus_sideways_action);
  gtk_widget_class_install_action (widget_class, "card.move-up", NULL, rapport_deal_card_reorder_action);
  gtk_widget_class_install_action (widget_class, "card.move-down", NULL, rapport_deal_card_reorder_action);
  gtk_widget_class_install_action (widget_class, "card.open", NULL, rapport_deal_card_open_action);
  gtk_widget_class_install_action (widget_class, "card.show-menu", NULL, rapport_deal_card_show_menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK, "card.move-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_CONTROL_MASK, "card.move-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK, "card.move-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, GDK_CONTROL_MASK, "card.move-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "card.focus-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "card.focus-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "card.focus-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "card.focus-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "card.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "card.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "card.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "card.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "card.show-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "card.show-menu", NULL);
}

static void
rapport_deal_card_init (RapportDealCard *self)
{
  GtkDragSource *source;
  GtkGesture *click;
  GtkGesture *long_press;

  gtk_widget_init_template (GTK_WIDGET (self));

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (on_drag_prepare), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (on_drag_begin), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "drag-end", G_CALLBACK (on_drag_end), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_secondary_click_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect_object (long_press, "pressed", G_CALLBACK (on_long_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));
}

GtkWidget *
rapport_deal_card_new (RapportStore *store)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_DEAL_CARD, "store", store, NULL);
}

RapportStore *
rapport_deal_card_get_store (RapportDealCard *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL_CARD (self), NULL);

  return self->store;
}

/**
 * rapport_deal_card_get_deal:
 *
 * Returns: (transfer none) (nullable): the deal shown
 */
RapportDeal *
rapport_deal_card_get_deal (RapportDealCard *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL_CARD (self), NULL);

  return self->deal;
}

void
rapport_deal_card_set_deal (RapportDealCard *self,
                            RapportDeal     *deal)
{
  g_return_if_fail (RAPPORT_IS_DEAL_CARD (self));
  g_return_if_fail (deal == NULL || RAPPORT_IS_DEAL (deal));

  if (self->deal == deal)
    return;

  if (self->deal != NULL)
    g_signal_handlers_disconnect_by_func (self->deal, on_deal_notify, self);
  g_set_object (&self->deal, deal);
  if (self->deal != NULL)
    g_signal_connect_object (self->deal, "notify",
                             G_CALLBACK (on_deal_notify), self, G_CONNECT_SWAPPED);

  /* A recycled card starts clean. */
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
  rapport_deal_card_set_drop_position (self, RAPPORT_DROP_NONE);
  if (self->menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->menu));

  rapport_deal_card_follow_parties (self);
  rapport_deal_card_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEAL]);
}

/**
 * rapport_deal_card_refresh_badges:
 *
 * Reads the overdue and rotting marks again: follow-ups live in their own
 * table, so the column calls this when one of the deal's changes.
 */
void
rapport_deal_card_refresh_badges (RapportDealCard *self)
{
  g_return_if_fail (RAPPORT_IS_DEAL_CARD (self));

  if (self->deal == NULL)
    return;

  rapport_deal_card_update_badges (self);
  rapport_deal_card_update_accessible (self);
}

/* The column's factory tells the card which row shows it, so a drop can
 * ask a card for its position. */
void
rapport_deal_card_set_list_item (RapportDealCard *self,
                                 GtkListItem     *list_item)
{
  g_return_if_fail (RAPPORT_IS_DEAL_CARD (self));

  self->list_item = list_item;
}

/**
 * rapport_deal_card_get_position:
 *
 * Returns: the card's position in its column, or -1 when it is not bound
 */
int
rapport_deal_card_get_position (RapportDealCard *self)
{
  guint position;

  g_return_val_if_fail (RAPPORT_IS_DEAL_CARD (self), -1);

  if (self->list_item == NULL || self->deal == NULL)
    return -1;

  position = gtk_list_item_get_position (self->list_item);
  return position == GTK_INVALID_LIST_POSITION ? -1 : (int) position;
}

void
rapport_deal_card_set_drop_position (RapportDealCard     *self,
                                     RapportDropPosition  where)
{
  g_return_if_fail (RAPPORT_IS_DEAL_CARD (self));

  if (where == RAPPORT_DROP_BEFORE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "drop-before");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-before");

  if (where == RAPPORT_DROP_AFTER)
    gtk_widget_add_css_class (GTK_WIDGET (self), "drop-after");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-after");
}
