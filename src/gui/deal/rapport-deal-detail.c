/* rapport-deal-detail.c — everything about one deal, editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page of the window, opened with win.open-deal. Fields save as they
 * are edited (rapport-edit.h: Ctrl+Z takes them back); the stage stepper,
 * Won / Lost…, the playbook ticks and the BANT answers are single store
 * calls with their own undo steps. What the page shows follows the deal's
 * notify signals and the store's lists, so a change made anywhere else
 * (the board, rapport-cli in another process) shows here too.
 *
 * Opening must stay fast whatever the deal's history: the activity and
 * note lists show a slice of the store's list models (only the rows on
 * show are made), and nothing is read per activity.
 */

#define G_LOG_DOMAIN "rapport-deal-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-activity-row.h"
#include "rapport-delete-dialog.h"
#include "rapport-store-change-log.h"
#include "rapport-deal-detail-private.h"
#include "rapport-satisfaction-section.h"
#include "rapport-edit.h"
#include "rapport-format.h"
#include "rapport-log-popover.h"
#include "rapport-lost-reason-dialog.h"
#include "rapport-money.h"
#include "rapport-notes-section.h"
#include "rapport-pipeline-move-dialog.h"
#include "rapport-record-list.h"

G_DEFINE_FINAL_TYPE (RapportDealDetail, rapport_deal_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CONTEXT,
  PROP_DEAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

char *
rapport_deal_detail_format_duration (gint64 seconds)
{
  gint64 n;

  if (seconds < HOUR)
    /* Translators: time spent in a stage */
    return g_strdup (_("under an hour"));

  if (seconds < DAY)
    {
      n = seconds / HOUR;
      return g_strdup_printf (ngettext ("%u hour", "%u hours", (gulong) n), (guint) n);
    }

  n = seconds / DAY;
  return g_strdup_printf (ngettext ("%u day", "%u days", (gulong) n), (guint) MIN (n, G_MAXUINT));
}

/* "19 Feb 2026, 14:30" in local time. */
char *
rapport_deal_detail_format_time (gint64 when)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (when);

  if (time == NULL)
    return g_strdup ("");

  return rapport_format_date_time (time, "yMMMdjmm", "%-d %b %Y, %H:%M");
}

void
rapport_deal_detail_clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "deal-detail-placeholder");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);

  return label;
}

/* The header: title, value, status and the actions that fit it */

/* Rotting and a passed expected close, as the deal's card shows them. */
static void
rapport_deal_detail_update_marks (RapportDealDetail *self)
{
  int days = rapport_store_deal_get_days_rotting (self->store, self->deal);
  gboolean past = FALSE;
  g_autofree char *close = NULL;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  if (days > 0)
    {
      g_autofree char *text = rapport_format_days_rotting (days);
      g_autofree char *tooltip = rapport_format_days_rotting_long (days);

      gtk_label_set_label (self->rotting_badge, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->rotting_badge), tooltip);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rotting_badge), days > 0);

  if (rapport_deal_get_status (self->deal) == RAPPORT_DEAL_STATUS_OPEN)
    close = rapport_format_day (rapport_deal_get_expected_close (self->deal),
                                rapport_store_now (self->store), &past);
  gtk_widget_set_visible (GTK_WIDGET (self->close_past_badge), close != NULL && past);
}

/* In a team, whose deal it is, under the title; outside one the Owner
 * row says it, as before teams. */
static void
rapport_deal_detail_update_owner (RapportDealDetail *self)
{
  g_autofree char *user = rapport_store_get_team_user (self->store);
  const char *owner = rapport_deal_get_owner (self->deal);
  gboolean shown = user != NULL && owner != NULL && *owner != '\0';

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  if (shown)
    {
      /* Translators: under a deal's title, in a team; %s is the team
       * member who owns the deal. */
      g_autofree char *text = g_strdup_printf (_("Owned by %s"), owner);

      gtk_label_set_label (self->owner_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->owner_label), shown);
}

static void
rapport_deal_detail_update_header (RapportDealDetail *self)
{
  RapportDealStatus status = rapport_deal_get_status (self->deal);
  g_autofree char *value = NULL;
  const char *badge;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  gtk_label_set_label (self->title_label, rapport_deal_get_title (self->deal));
  rapport_deal_detail_update_owner (self);

  value = rapport_format_money (rapport_deal_get_value (self->deal), rapport_deal_get_currency (self->deal));
  gtk_label_set_label (self->value_label, value);

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_badge), "won");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_badge), "lost");
  switch (status)
    {
    case RAPPORT_DEAL_STATUS_WON:
      badge = C_("deal status", "Won");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_badge), "won");
      break;

    case RAPPORT_DEAL_STATUS_LOST:
      badge = C_("deal status", "Lost");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_badge), "lost");
      break;

    case RAPPORT_DEAL_STATUS_OPEN:
    default:
      badge = C_("deal status", "Open");
      break;
    }
  gtk_label_set_label (self->status_badge, badge);

  gtk_widget_set_visible (self->won_button, status == RAPPORT_DEAL_STATUS_OPEN);
  gtk_widget_set_visible (self->lost_button, status == RAPPORT_DEAL_STATUS_OPEN);
  gtk_widget_set_visible (self->reopen_button, status != RAPPORT_DEAL_STATUS_OPEN);
  gtk_widget_set_visible (GTK_WIDGET (self->qualified_badge), rapport_deal_get_qualified (self->deal));
  rapport_deal_detail_update_marks (self);
  rapport_deal_detail_update_after_sales (self);
}

/* Status: Won, Lost…, Reopen */

typedef struct
{
  RapportDeal       *deal;
  RapportDealStatus  status;
  char              *lost_reason;
} StatusUndo;

static void
status_undo_free (StatusUndo *undo)
{
  g_object_unref (undo->deal);
  g_free (undo->lost_reason);
  g_free (undo);
}

static gboolean
status_undo (RapportStore  *store,
             gpointer       data,
             GError       **error)
{
  StatusUndo *undo = data;

  return rapport_store_set_deal_status (store, undo->deal, undo->status, undo->lost_reason, error);
}

static StatusUndo *
status_undo_new (RapportDeal *deal)
{
  StatusUndo *undo = g_new0 (StatusUndo, 1);

  undo->deal = g_object_ref (deal);
  undo->status = rapport_deal_get_status (deal);
  undo->lost_reason = g_strdup (rapport_deal_get_lost_reason (deal));

  return undo;
}

static void
rapport_deal_detail_set_status (RapportDealDetail *self,
                                RapportDealStatus  status,
                                const char        *reason,
                                const char        *label)
{
  g_autoptr(GError) error = NULL;
  StatusUndo *undo;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  undo = status_undo_new (self->deal);
  if (!rapport_store_set_deal_status (self->store, self->deal, status, reason, &error))
    {
      status_undo_free (undo);
      rapport_context_report_error (self->context, error);
      return;
    }

  rapport_context_push_undo (self->context, label, status_undo, undo,
                          (GDestroyNotify) status_undo_free);
}

static void
on_won_clicked (RapportDealDetail *self)
{
  /* Translators: an undo step */
  rapport_deal_detail_set_status (self, RAPPORT_DEAL_STATUS_WON, NULL, _("Marked as won"));
}

static void
on_reopen_clicked (RapportDealDetail *self)
{
  rapport_deal_detail_set_status (self, RAPPORT_DEAL_STATUS_OPEN, NULL, _("Reopened"));
}

static void
on_lost_reason_given (RapportDealDetail *self,
                      const char        *reason)
{
  rapport_deal_detail_set_status (self, RAPPORT_DEAL_STATUS_LOST, reason, _("Marked as lost"));
}

static void
on_lost_clicked (RapportDealDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  dialog = rapport_lost_reason_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                           self->store, self->deal);
  g_signal_connect_object (dialog, "reason-given", G_CALLBACK (on_lost_reason_given), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Value: parsed as money, refused without storing anything */

static void
show_value_message (RapportDealDetail *self,
                    const char        *error)
{
  if (error != NULL)
    {
      gtk_label_set_label (self->value_message, error);
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_message), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->value_message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->value_row), "error");
    }
  else
    {
      g_autofree char *formatted = rapport_format_money (rapport_deal_get_value (self->deal),
                                                         rapport_deal_get_currency (self->deal));

      gtk_label_set_label (self->value_message, formatted);
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->value_message), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_row), "error");
    }
}

/* Shows the stored value, unless the user has typed something unsaved. */
static void
sync_value (RapportDealDetail *self,
            gboolean           force)
{
  g_autofree char *plain = rapport_money_to_plain (rapport_deal_get_value (self->deal),
                                                   rapport_deal_get_currency (self->deal));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->value_row));

  if (!force && g_strcmp0 (text, rapport_edit_get_synced_text (GTK_WIDGET (self->value_row))) != 0)
    return;

  rapport_edit_set_synced_text (GTK_WIDGET (self->value_row), plain);
  gtk_editable_set_text (GTK_EDITABLE (self->value_row), plain);
  show_value_message (self, NULL);
}

static void
save_value (RapportDealDetail *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->value_row));
  g_autoptr(GError) error = NULL;
  gint64 value;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  if (g_strcmp0 (text, rapport_edit_get_synced_text (GTK_WIDGET (self->value_row))) == 0)
    {
      show_value_message (self, NULL);
      return;
    }

  if (!rapport_money_parse (text, rapport_deal_get_currency (self->deal), &value, &error) ||
      !rapport_edit_set_int64 (self->context, RAPPORT_RECORD (self->deal), "value", value, &error))
    {
      show_value_message (self, error->message);
      return;
    }

  sync_value (self, TRUE);
}

static void
on_value_activated (RapportDealDetail *self)
{
  save_value (self);
}

static void
on_value_focus_leave (RapportDealDetail *self)
{
  save_value (self);
}

/* Expected close from the calendar */

static void
on_close_set_clicked (RapportDealDetail *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->close_calendar);
  g_autofree char *iso = g_date_time_format (day, "%Y-%m-%d");

  gtk_menu_button_popdown (self->close_button);
  rapport_edit_set_string (self->context, RAPPORT_RECORD (self->deal), "expected-close", iso, NULL);
}

static void
on_close_clear_clicked (RapportDealDetail *self)
{
  gtk_menu_button_popdown (self->close_button);
  rapport_edit_set_string (self->context, RAPPORT_RECORD (self->deal), "expected-close", NULL, NULL);
}

static void
on_close_popover_show (RapportDealDetail *self)
{
  const char *close = rapport_deal_get_expected_close (self->deal);
  int y, m, d;

  /* Calendars are costly to make: not one before it is wanted. */
  if (self->close_calendar == NULL)
    {
      self->close_calendar = GTK_CALENDAR (gtk_calendar_new ());
      gtk_box_prepend (self->close_box, GTK_WIDGET (self->close_calendar));
    }

  if (close == NULL || sscanf (close, "%d-%d-%d", &y, &m, &d) != 3)
    return;

  {
    g_autoptr(GDateTime) day = g_date_time_new_local (y, m, d, 12, 0, 0);

    if (day == NULL)
      return;
    gtk_calendar_select_day (self->close_calendar, day);
  }
}

/* Following the deal and the store */

static void
on_deal_notify (RapportDealDetail *self,
                GParamSpec        *pspec,
                RapportDeal       *deal)
{
  const char *name = pspec->name;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  rapport_deal_detail_update_header (self);

  if (g_str_equal (name, "title"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  else if (g_str_equal (name, "value") || g_str_equal (name, "currency"))
    sync_value (self, FALSE);
  else if (g_str_equal (name, "contact-id"))
    rapport_deal_detail_picker_update (self, self->contact_row);
  else if (g_str_equal (name, "organization-id"))
    rapport_deal_detail_picker_update (self, self->organization_row);
  else if (g_str_has_prefix (name, "bant-") || g_str_equal (name, "qualified"))
    rapport_deal_detail_update_bant (self);
  else if (g_str_equal (name, "stage-id") || g_str_equal (name, "status") ||
           g_str_equal (name, "closed-at") || g_str_equal (name, "lost-reason") ||
           g_str_equal (name, "stage-entered-at"))
    {
      if (g_str_equal (name, "stage-id"))
        rapport_deal_detail_find_stages (self);
      rapport_deal_detail_update_stepper (self);
      rapport_deal_detail_update_playbook (self);
      rapport_deal_detail_update_history (self);
    }
}

static void
on_store_notice (RapportDealDetail   *self,
                 const RapportNotice *notice,
                 RapportStore        *store)
{
  gint64 deal_id = rapport_record_get_id (RAPPORT_RECORD (self->deal));

  if (rapport_notice_concerns (notice, RAPPORT_ENTITY_DEAL_ACTION, deal_id))
    rapport_deal_detail_update_ticks (self);
  else if (notice->entity == RAPPORT_ENTITY_DEAL && notice->change == RAPPORT_CHANGE_RELOAD)
    {
      /* Another program wrote (or many deals changed): ticks and history
       * are not on the deal, and the store does not say when notes or the
       * negotiation log changed elsewhere, so read those again too. */
      GtkWidget *notes = adw_bin_get_child (self->notes_bin);

      rapport_deal_detail_update_ticks (self);
      rapport_deal_detail_update_history (self);
      if (RAPPORT_IS_RECORD_LIST (self->negotiation))
        rapport_record_list_reload (RAPPORT_RECORD_LIST (self->negotiation));
      if (RAPPORT_IS_NOTES_SECTION (notes))
        rapport_notes_section_reload (RAPPORT_NOTES_SECTION (notes));
    }
  else if (notice->entity == RAPPORT_ENTITY_ACTIVITY)
    /* A follow-up scheduled, done or overdue: rotting or not. */
    rapport_deal_detail_update_marks (self);
  else if (notice->entity == RAPPORT_ENTITY_CONTACT)
    rapport_deal_detail_picker_update (self, self->contact_row);
  else if (notice->entity == RAPPORT_ENTITY_ORGANIZATION)
    rapport_deal_detail_picker_update (self, self->organization_row);
  else if (notice->entity == RAPPORT_ENTITY_SETTING)
    /* The file joined or left a team. */
    rapport_deal_detail_update_owner (self);
}

static void
bind_field (RapportDealDetail *self,
            AdwEntryRow       *row,
            GtkLabel          *message,
            const char        *property)
{
  rapport_edit_bind_text (self->context, GTK_WIDGET (row), message, RAPPORT_RECORD (self->deal), property);
}

static void
rapport_deal_detail_move_to_pipeline_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  RapportDealDetail *self = RAPPORT_DEAL_DETAIL (widget);

  rapport_pipeline_move_dialog_ask (self->context, widget, self->deal);
}

/* Another pipeline to go to only when there is more than one. */
static void
rapport_deal_detail_update_pipeline_action (RapportDealDetail *self)
{
  GListModel *pipelines = rapport_store_get_pipelines (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deal.move-to-pipeline",
                                 g_list_model_get_n_items (pipelines) > 1);
}

static void
rapport_deal_detail_bind (RapportDealDetail *self)
{
  gint64 deal_id = rapport_record_get_id (RAPPORT_RECORD (self->deal));
  GtkEventController *focus;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  rapport_conflict_list_bind (self->conflict_list, self->context, RAPPORT_RECORD (self->deal));
  bind_field (self, self->title_row, self->title_message, "title");
  rapport_edit_take_undo (self->context, GTK_WIDGET (self->value_row));
  bind_field (self, self->currency_row, self->currency_message, "currency");
  bind_field (self, self->close_row, self->close_message, "expected-close");
  bind_field (self, self->owner_row, self->owner_message, "owner");

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_value_focus_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->value_row), focus);
  sync_value (self, TRUE);

  rapport_record_picker_set_store (self->contact_row, self->store);
  rapport_record_picker_set_store (self->organization_row, self->store);
  rapport_deal_detail_picker_update (self, self->contact_row);
  rapport_deal_detail_picker_update (self, self->organization_row);

  rapport_deal_detail_bant_rows_init (self);
  g_signal_connect_object (self->followup_popover, "show", G_CALLBACK (rapport_deal_detail_followup_form_init),
                           self, G_CONNECT_SWAPPED);

  self->activities = rapport_store_get_deal_activities (self->store, deal_id);
  self->activity_slice = gtk_slice_list_model_new (g_object_ref (self->activities), 0, ACTIVITY_PAGE);
  gtk_list_box_bind_model (self->activity_list, G_LIST_MODEL (self->activity_slice),
                           rapport_deal_detail_create_activity_row, self, NULL);
  gtk_list_box_set_placeholder (self->activity_list, placeholder (_("No activities yet")));
  g_signal_connect_object (self->activities, "items-changed",
                           G_CALLBACK (rapport_deal_detail_update_activity_more), self, G_CONNECT_SWAPPED);
  rapport_deal_detail_update_activity_more (self);

  self->negotiation = rapport_store_get_negotiation (self->store, deal_id);
  gtk_list_box_bind_model (self->negotiation_list, self->negotiation, rapport_deal_detail_create_negotiation_row, self, NULL);
  gtk_list_box_set_placeholder (self->negotiation_list, placeholder (_("No offers or objections yet")));

  adw_bin_set_child (self->notes_bin, rapport_notes_section_new (self->context, RAPPORT_RECORD (self->deal)));

  gtk_list_box_set_placeholder (self->history_list, placeholder (_("No stage changes yet")));

  rapport_deal_detail_find_stages (self);
  rapport_deal_detail_update_header (self);
  rapport_deal_detail_update_stepper (self);
  rapport_deal_detail_update_playbook (self);
  rapport_deal_detail_update_bant (self);
  rapport_deal_detail_update_history (self);

  g_signal_connect_object (self->deal, "notify", G_CALLBACK (on_deal_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notice", G_CALLBACK (on_store_notice), self, G_CONNECT_SWAPPED);

  rapport_deal_detail_update_pipeline_action (self);
  g_signal_connect_object (rapport_store_get_pipelines (self->store), "items-changed",
                           G_CALLBACK (rapport_deal_detail_update_pipeline_action), self, G_CONNECT_SWAPPED);
}

/* GObject */

static void
rapport_deal_detail_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportDealDetail *self = RAPPORT_DEAL_DETAIL (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->deal != NULL ? rapport_deal_get_title (self->deal) : NULL);
      break;

    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_DEAL:
      g_value_set_object (value, self->deal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_deal_detail_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RapportDealDetail *self = RAPPORT_DEAL_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      self->store = g_object_ref (rapport_context_get_store (self->context));
      break;

    case PROP_DEAL:
      self->deal = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_deal_detail_constructed (GObject *object)
{
  RapportDealDetail *self = RAPPORT_DEAL_DETAIL (object);

  G_OBJECT_CLASS (rapport_deal_detail_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_CONTEXT (self->context));
  g_assert (RAPPORT_IS_DEAL (self->deal));

  rapport_deal_detail_bind (self);
  rapport_deal_detail_after_sales_init (self);
  /* Made when first pressed: the page opens without it. */
  rapport_log_popover_attach (self->log_button, self->context, RAPPORT_RECORD (self->deal),
                              RAPPORT_ACTIVITY_CALL, TRUE);
}

static void
rapport_deal_detail_dispose (GObject *object)
{
  RapportDealDetail *self = RAPPORT_DEAL_DETAIL (object);

  if (self->stages != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->stages, rapport_deal_detail_on_stages_changed, self);
      self->stages = NULL;
    }

  /* The deal and the store outlive the page: nothing of theirs may call
   * back into it once it is going. */
  if (self->deal != NULL)
    g_signal_handlers_disconnect_by_data (self->deal, self);
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_signal_handlers_disconnect_by_data (rapport_store_get_pipelines (self->store), self);
    }
  if (self->activities != NULL)
    g_signal_handlers_disconnect_by_data (self->activities, self);
  if (self->repeats != NULL)
    g_signal_handlers_disconnect_by_data (self->repeats, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_DEAL_DETAIL);

  g_clear_object (&self->activity_slice);
  g_clear_object (&self->activities);
  g_clear_object (&self->negotiation);
  g_clear_object (&self->repeats);
  g_clear_pointer (&self->playbook, g_ptr_array_unref);
  g_clear_pointer (&self->playbook_checks, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->deal);

  G_OBJECT_CLASS (rapport_deal_detail_parent_class)->dispose (object);
}

static void
rapport_deal_detail_delete_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  RapportDealDetail *self = RAPPORT_DEAL_DETAIL (widget);

  rapport_delete_dialog_ask (self->context, widget, RAPPORT_ENTITY_DEAL,
                             rapport_record_get_id (RAPPORT_RECORD (self->deal)),
                             rapport_deal_get_title (self->deal));
}

static void
rapport_deal_detail_class_init (RapportDealDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_deal_detail_dispose;
  object_class->constructed = rapport_deal_detail_constructed;
  object_class->get_property = rapport_deal_detail_get_property;
  object_class->set_property = rapport_deal_detail_set_property;

  /**
   * RapportDealDetail:title:
   *
   * The deal's title, for the window's header bar.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportDealDetail:context:
   *
   * The store, the undo history and the toasts of the window shown in.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportDealDetail:deal:
   *
   * The deal shown.
   */
  properties[PROP_DEAL] =
    g_param_spec_object ("deal", NULL, NULL,
                         RAPPORT_TYPE_DEAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "deal.delete", NULL, rapport_deal_detail_delete_action);
  gtk_widget_class_install_action (widget_class, "deal.move-to-pipeline", NULL,
                                   rapport_deal_detail_move_to_pipeline_action);
  gtk_widget_class_install_action (widget_class, "deal.new-repeat", NULL,
                                   rapport_deal_detail_new_repeat_action);
  gtk_widget_class_install_action (widget_class, "deal.record-satisfaction", NULL,
                                   rapport_deal_detail_record_satisfaction_action);

  g_type_ensure (RAPPORT_TYPE_CONFLICT_LIST);
  g_type_ensure (RAPPORT_TYPE_RECORD_PICKER);
  g_type_ensure (RAPPORT_TYPE_SATISFACTION_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/deal/deal-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, conflict_list);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, owner_label);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, value_label);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, status_badge);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, qualified_badge);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, rotting_badge);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, close_past_badge);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, won_button);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, lost_button);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, stepper_box);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, stage_line);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, title_row);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, title_message);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, value_row);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, value_message);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, currency_row);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, currency_message);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, close_row);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, close_message);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, close_button);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, close_box);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, contact_row);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, organization_row);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, contact_open_button);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, organization_open_button);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, owner_row);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, owner_message);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, playbook_group);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, playbook_list);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, bant_state);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, bant_list);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, log_button);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, followup_popover);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, followup_form);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, followup_title);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, activity_list);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, activity_more);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, negotiation_list);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, negotiation_kind);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, negotiation_amount);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, negotiation_message);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, negotiation_text);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, notes_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, history_list);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, after_sales_group);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, repeat_list);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, repeat_button);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, satisfaction_section);

  gtk_widget_class_bind_template_callback (widget_class, on_won_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_lost_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_reopen_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_value_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_close_set_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clear_clicked);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_schedule_clicked", G_CALLBACK (rapport_deal_detail_on_schedule_clicked));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_activity_more_clicked", G_CALLBACK (rapport_deal_detail_on_activity_more_clicked));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_negotiation_add", G_CALLBACK (rapport_deal_detail_on_negotiation_add));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_picker_picked", G_CALLBACK (rapport_deal_detail_on_picker_picked));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_picker_commit", G_CALLBACK (rapport_deal_detail_on_picker_commit));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_picker_focus_leave", G_CALLBACK (rapport_deal_detail_on_picker_focus_leave));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_picker_open", G_CALLBACK (rapport_deal_detail_on_picker_open));
}

static void
rapport_deal_detail_init (RapportDealDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->playbook = g_ptr_array_new_with_free_func (g_object_unref);
  self->playbook_checks = g_ptr_array_new ();

  g_signal_connect_object (gtk_menu_button_get_popover (self->close_button), "show",
                           G_CALLBACK (on_close_popover_show), self, G_CONNECT_SWAPPED);
}

GtkWidget *
rapport_deal_detail_new (RapportContext *context,
                         RapportDeal    *deal)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), NULL);

  return g_object_new (RAPPORT_TYPE_DEAL_DETAIL,
                       "context", context,
                       "deal", deal,
                       NULL);
}

/**
 * rapport_deal_detail_get_deal:
 *
 * Returns: (transfer none): the deal shown
 */
RapportDeal *
rapport_deal_detail_get_deal (RapportDealDetail *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL_DETAIL (self), NULL);

  return self->deal;
}
