/* rapport-deal-detail-lists.c — the deal page: its contact and organization, activities, negotiation, history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-deal-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-activity-row.h"
#include "rapport-deal-detail-private.h"
#include "rapport-edit.h"
#include "rapport-format.h"
#include "rapport-money.h"
#include "rapport-record-list.h"

/* Helpers */

static const char *
negotiation_kind_name (RapportNegotiationKind kind)
{
  switch (kind)
    {
    case RAPPORT_NEGOTIATION_OFFER:
      return C_("negotiation", "Offer");
    case RAPPORT_NEGOTIATION_COUNTER_OFFER:
      return C_("negotiation", "Counter-offer");
    case RAPPORT_NEGOTIATION_OBJECTION:
      return C_("negotiation", "Objection");
    case RAPPORT_NEGOTIATION_CONCESSION:
    default:
      return C_("negotiation", "Concession");
    }
}

static const char *
negotiation_kind_icon (RapportNegotiationKind kind)
{
  switch (kind)
    {
    case RAPPORT_NEGOTIATION_OFFER:
      return "mail-send-symbolic";
    case RAPPORT_NEGOTIATION_COUNTER_OFFER:
      return "mail-reply-sender-symbolic";
    case RAPPORT_NEGOTIATION_OBJECTION:
      return "dialog-warning-symbolic";
    case RAPPORT_NEGOTIATION_CONCESSION:
    default:
      return "object-select-symbolic";
    }
}

static GtkWidget *
dim_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);

  return label;
}

/* Contact and organization pickers: a pick is written at once; an
 * emptied row, once done with, takes the contact or organization away,
 * and text that names none goes back to the deal's. */

static const char *
picker_property (RapportRecordPicker *picker)
{
  return rapport_record_picker_get_kind (picker) == RAPPORT_ENTITY_CONTACT ? "contact-id" : "organization-id";
}

static gint64
picker_deal_id (RapportDealDetail   *self,
                RapportRecordPicker *picker)
{
  gint64 id = 0;

  g_object_get (self->deal, picker_property (picker), &id, NULL);
  return id;
}

/* Typing is not overwritten by another program's change of a name. */
static gboolean
picker_has_focus (RapportRecordPicker *picker)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (picker));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (picker));
}

static void
picker_show_deals (RapportDealDetail   *self,
                   RapportRecordPicker *picker)
{
  gint64 id = picker_deal_id (self, picker);
  g_autoptr(GObject) record = NULL;

  if (id > 0 && rapport_record_picker_get_kind (picker) == RAPPORT_ENTITY_CONTACT)
    record = G_OBJECT (rapport_store_get_contact (self->store, id, NULL));
  else if (id > 0)
    record = G_OBJECT (rapport_store_get_organization (self->store, id, NULL));

  self->picker_syncing++;
  if (record != NULL)
    rapport_record_picker_set_record (picker, RAPPORT_RECORD (record));
  else
    rapport_record_picker_clear (picker);
  self->picker_syncing--;

  gtk_widget_set_visible (picker == self->contact_row ? self->contact_open_button : self->organization_open_button,
                          record != NULL);
}

void
rapport_deal_detail_picker_update (RapportDealDetail   *self,
                                   RapportRecordPicker *picker)
{
  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  if (!picker_has_focus (picker) || rapport_record_picker_get_record (picker) != NULL)
    picker_show_deals (self, picker);
}

void
rapport_deal_detail_on_picker_picked (RapportDealDetail   *self,
                                      GParamSpec          *pspec,
                                      RapportRecordPicker *picker)
{
  gint64 id = rapport_record_picker_get_selected_id (picker);

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  if (self->deal == NULL || self->picker_syncing > 0 || id <= 0 || id == picker_deal_id (self, picker))
    return;

  /* Refused (the context says why): the row shows the deal's again. */
  if (!rapport_edit_set_int64 (self->context, RAPPORT_RECORD (self->deal), picker_property (picker), id, NULL))
    picker_show_deals (self, picker);
}

void
rapport_deal_detail_on_picker_commit (RapportDealDetail   *self,
                                      RapportRecordPicker *picker)
{
  g_autofree char *name = rapport_record_picker_dup_name (picker);

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  /* Focus also leaves while the page is destroyed. */
  if (self->deal == NULL || rapport_record_picker_get_record (picker) != NULL)
    return;

  if (*name == '\0' && picker_deal_id (self, picker) > 0)
    rapport_edit_set_int64 (self->context, RAPPORT_RECORD (self->deal), picker_property (picker), 0, NULL);
  else
    picker_show_deals (self, picker);
}

void
rapport_deal_detail_on_picker_focus_leave (RapportDealDetail       *self,
                                           GtkEventControllerFocus *controller)
{
  GtkWidget *picker = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  rapport_deal_detail_on_picker_commit (self, RAPPORT_RECORD_PICKER (picker));
}

void
rapport_deal_detail_on_picker_open (RapportDealDetail *self,
                                    GtkButton         *button)
{
  gboolean contact = GTK_WIDGET (button) == self->contact_open_button;
  gint64 id = picker_deal_id (self, contact ? self->contact_row : self->organization_row);

  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self),
                                contact ? "win.open-contact" : "win.open-organization",
                                "x", id);
}

/* Activities */

GtkWidget *
rapport_deal_detail_create_activity_row (gpointer item,
                     gpointer user_data)
{
  RapportDealDetail *self = user_data;

  return rapport_activity_row_new (self->context, RAPPORT_ACTIVITY (item), TRUE);
}

void
rapport_deal_detail_update_activity_more (RapportDealDetail *self)
{
  gtk_widget_set_visible (self->activity_more,
                          g_list_model_get_n_items (self->activities) >
                          gtk_slice_list_model_get_size (self->activity_slice));
}

void
rapport_deal_detail_on_activity_more_clicked (RapportDealDetail *self)
{
  gtk_slice_list_model_set_size (self->activity_slice,
                                 gtk_slice_list_model_get_size (self->activity_slice) + 50);
  rapport_deal_detail_update_activity_more (self);
}

void
rapport_deal_detail_on_schedule_clicked (RapportDealDetail *self)
{
  g_autoptr(RapportActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->followup_title))));

  rapport_deal_detail_followup_form_init (self);
  activity = rapport_store_add_followup_of_kind (self->store,
                                                 rapport_deal_get_contact_id (self->deal),
                                                 rapport_record_get_id (RAPPORT_RECORD (self->deal)),
                                                 (RapportActivityKind) MIN (gtk_drop_down_get_selected (self->followup_kind),
                                                                            RAPPORT_ACTIVITY_TASK),
                                                 *title != '\0' ? title : _("Follow up"),
                                                 rapport_date_time_picker_get_time (self->followup_when),
                                                 &error);
  if (activity == NULL)
    {
      rapport_context_report_error (self->context, error);
      return;
    }

  gtk_popover_popdown (self->followup_popover);
  gtk_editable_set_text (GTK_EDITABLE (self->followup_title), "");
  /* Translators: an undo step */
  rapport_edit_push_undo_add (self->context, _("New follow-up"), RAPPORT_RECORD (activity));
}

void
rapport_deal_detail_followup_form_init (RapportDealDetail *self)
{
  g_autoptr(GDateTime) tomorrow = g_date_time_new_from_unix_local (g_get_real_time () / G_USEC_PER_SEC + DAY);
  g_autoptr(GDateTime) morning = NULL;
  const char *kinds[] = { _("Call"), _("Email"), _("Meeting"), _("Task"), NULL };
  GtkWidget *button;

  /* Made when the popover first shows: calendars are costly. */
  if (self->followup_when != NULL)
    return;

  morning = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                   g_date_time_get_month (tomorrow),
                                   g_date_time_get_day_of_month (tomorrow),
                                   9, 0, 0);
  /* In the order of RapportActivityKind; a task unless said otherwise. */
  self->followup_kind = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (kinds));
  gtk_drop_down_set_selected (self->followup_kind, RAPPORT_ACTIVITY_TASK);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->followup_kind), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind"), -1);
  gtk_box_append (self->followup_form, GTK_WIDGET (self->followup_kind));

  self->followup_when = RAPPORT_DATE_TIME_PICKER (rapport_date_time_picker_new (g_date_time_to_unix (morning)));
  gtk_box_append (self->followup_form, GTK_WIDGET (self->followup_when));

  button = gtk_button_new_with_mnemonic (_("_Schedule"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Schedule"), -1);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_object (button, "clicked", G_CALLBACK (rapport_deal_detail_on_schedule_clicked), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->followup_form, button);
}

/* Negotiation */

GtkWidget *
rapport_deal_detail_create_negotiation_row (gpointer item,
                        gpointer user_data)
{
  RapportNegotiationEntry *entry = item;
  RapportNegotiationKind kind = rapport_negotiation_entry_get_kind (entry);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *when = rapport_deal_detail_format_time (rapport_negotiation_entry_get_created_at (entry));
  const char *text = rapport_negotiation_entry_get_text (entry);
  GtkWidget *time;

  if (rapport_negotiation_entry_get_amount (entry) > 0)
    {
      g_autofree char *amount = rapport_format_money (rapport_negotiation_entry_get_amount (entry),
                                                      rapport_negotiation_entry_get_currency (entry));
      /* Translators: a negotiation entry: its kind, then its amount */
      title = g_strdup_printf (_("%s — %s"), negotiation_kind_name (kind), amount);
    }
  else
    title = g_strdup (negotiation_kind_name (kind));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text != NULL ? text : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (negotiation_kind_icon (kind)));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "deal-negotiation");

  time = dim_label (when);
  gtk_widget_add_css_class (time, "caption");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), time);

  return row;
}

static void
show_negotiation_message (RapportDealDetail *self,
                          const char        *message)
{
  gtk_label_set_label (self->negotiation_message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->negotiation_message), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->negotiation_amount), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->negotiation_amount), "error");
}

void
rapport_deal_detail_on_negotiation_add (RapportDealDetail *self)
{
  g_autoptr(RapportNegotiationEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *amount_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->negotiation_amount))));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->negotiation_text));
  RapportNegotiationKind kind = adw_combo_row_get_selected (self->negotiation_kind);
  gint64 amount = 0;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  if (*amount_text != '\0' &&
      !rapport_money_parse (amount_text, rapport_deal_get_currency (self->deal), &amount, &error))
    {
      show_negotiation_message (self, error->message);
      return;
    }

  entry = rapport_store_add_negotiation_entry (self->store, self->deal, kind, amount, text, &error);
  if (entry == NULL)
    {
      show_negotiation_message (self, error->message);
      return;
    }

  show_negotiation_message (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->negotiation_amount), "");
  gtk_editable_set_text (GTK_EDITABLE (self->negotiation_text), "");
  /* Translators: an undo step; %s is a kind of negotiation entry */
  {
    g_autofree char *label = g_strdup_printf (_("New %s"), negotiation_kind_name (kind));

    rapport_edit_push_undo_add (self->context, label, RAPPORT_RECORD (entry));
  }
}

/* Stage history, with the time spent in each stage */

/* When, and why when it was not a plain move, in one sentence. */
static char *
history_subtitle (RapportStageChange *change,
                  const char         *when)
{
  switch (rapport_stage_change_get_reason (change))
    {
    case RAPPORT_STAGE_CHANGE_GATE_OVERRIDDEN:
      /* Translators: a stage history entry; %s is a day and time */
      return g_strdup_printf (_("%s · Moved here though the stage’s gate was not met"), when);
    case RAPPORT_STAGE_CHANGE_STAGE_DELETED:
      /* Translators: a stage history entry; %s is a day and time */
      return g_strdup_printf (_("%s · Moved here when its stage was deleted"), when);
    case RAPPORT_STAGE_CHANGE_PIPELINE_CHANGED:
      /* Translators: a stage history entry; %s is a day and time */
      return g_strdup_printf (_("%s · Moved here from another pipeline"), when);
    case RAPPORT_STAGE_CHANGE_MOVED:
    default:
      return g_strdup (when);
    }
}

static GtkWidget *
history_row_new (RapportDealDetail  *self,
                 RapportStageChange *change,
                 gint64              until)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(RapportStage) stage = rapport_store_get_stage (self->store, rapport_stage_change_get_to_stage_id (change), NULL);
  RapportDealStatus status = rapport_stage_change_get_to_status (change);
  gint64 at = rapport_stage_change_get_changed_at (change);
  g_autofree char *when = rapport_deal_detail_format_time (at);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  /* The stage's name of the time: a renamed stage keeps its history. */
  const char *name = rapport_stage_change_get_to_stage_name (change) != NULL
                       ? rapport_stage_change_get_to_stage_name (change)
                       : stage != NULL ? rapport_stage_get_name (stage) : _("Unknown stage");

  if (status == RAPPORT_DEAL_STATUS_WON)
    /* Translators: a stage history entry; %s is the stage */
    title = g_strdup_printf (_("Won in %s"), name);
  else if (status == RAPPORT_DEAL_STATUS_LOST)
    title = g_strdup_printf (_("Lost in %s"), name);
  else
    title = g_strdup (name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  subtitle = history_subtitle (change, when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  /* A move past an unmet gate stands out: the team may want to know. */
  if (rapport_stage_change_get_reason (change) == RAPPORT_STAGE_CHANGE_GATE_OVERRIDDEN)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Gate overridden"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  if (status == RAPPORT_DEAL_STATUS_OPEN && until >= at)
    {
      g_autofree char *spent = rapport_deal_detail_format_duration (until - at);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dim_label (spent));
    }

  return row;
}

void
rapport_deal_detail_update_history (RapportDealDetail *self)
{
  g_autoptr(GPtrArray) history = rapport_store_get_stage_history (self->store, self->deal, NULL);
  gint64 end = rapport_deal_get_closed_at (self->deal);

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  if (rapport_deal_get_status (self->deal) == RAPPORT_DEAL_STATUS_OPEN || end == 0)
    end = rapport_store_now (self->store);

  rapport_deal_detail_clear_list_box (self->history_list);
  /* Newest first, like the other lists of the page. */
  for (guint i = history != NULL ? history->len : 0; i > 0; i--)
    {
      RapportStageChange *change = g_ptr_array_index (history, i - 1);
      gint64 until = i < history->len
        ? rapport_stage_change_get_changed_at (g_ptr_array_index (history, i))
        : end;

      gtk_list_box_append (self->history_list, history_row_new (self, change, until));
    }
}
