/* rapport-contact-detail.c — everything about one contact, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each field saves itself as it is edited (rapport-edit.h): there is no
 * Save button, Ctrl+Z takes an edit back, and a refused value is explained
 * under its field while the record keeps what is stored. The lists below
 * (deals, activity, notes) are small lists from the store that follow it,
 * so a call logged here or in another window shows up at once.
 */

#define G_LOG_DOMAIN "rapport-contact-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-conflict-list.h"
#include "rapport-activity-row.h"
#include "rapport-choice-menu.h"
#include "rapport-contact-detail.h"
#include "rapport-date-time-picker.h"
#include "rapport-deal-dialog.h"
#include "rapport-deal-row.h"
#include "rapport-debounce.h"
#include "rapport-delete-dialog.h"
#include "rapport-edit.h"
#include "rapport-followup-row.h"
#include "rapport-form.h"
#include "rapport-format.h"
#include "rapport-log-popover.h"
#include "rapport-merge-dialog.h"
#include "rapport-money.h"
#include "rapport-notes-section.h"
#include "rapport-record-extras.h"
#include "rapport-record-picker.h"
#include "rapport-satisfaction-section.h"
#include "rapport-store-after-sales.h"

/* How long focus may be away from the organization row before a typed,
 * unpicked name is taken as a new organization: clicking one of the
 * matches moves the focus for a moment, and picks it meanwhile. */
#define ORGANIZATION_COMMIT_DELAY_MS 200

struct _RapportContactDetail
{
  AdwBin            parent_instance;

  /* Template widgets */
  RapportConflictList *conflict_list;
  AdwAvatar        *avatar;
  GtkLabel         *name_label;
  GtkLabel         *lifecycle_badge;
  GtkLabel         *subtitle_label;
  GtkMenuButton    *log_call_button;
  GtkMenuButton    *log_email_button;
  GtkMenuButton    *log_meeting_button;
  GtkMenuButton    *followup_button;
  GtkMenuButton    *deal_button;
  GtkButton        *convert_button;
  AdwEntryRow      *name_row;
  GtkLabel         *name_message;
  AdwEntryRow      *title_row;
  GtkLabel         *title_message;
  AdwEntryRow      *email_row;
  GtkLabel         *email_message;
  AdwEntryRow      *phone_row;
  GtkLabel         *phone_message;
  GtkButton        *write_button;
  GtkButton        *call_button;
  AdwEntryRow      *address_row;
  GtkLabel         *address_message;
  AdwEntryRow      *birthday_row;
  GtkLabel         *birthday_message;
  AdwBin           *extras_bin;
  RapportRecordPicker *organization_row;
  GtkLabel         *organization_message;
  GtkButton        *open_organization_button;
  AdwComboRow      *lifecycle_row;
  AdwEntryRow      *source_row;
  GtkMenuButton    *source_button;
  GtkLabel         *source_message;
  AdwEntryRow      *owner_row;
  GtkLabel         *owner_message;
  AdwPreferencesGroup *addresses_group;
  GtkListBox       *deals_list;
  GtkWidget        *repeat_button;
  GtkWidget        *satisfaction_section;
  GtkListBox       *activities_list;
  AdwBin           *notes_bin;

  /* Template widgets of the quick actions' popovers */
  GtkEntry         *followup_title;
  GtkDropDown      *followup_kind;
  RapportDateTimePicker *followup_when;
  GtkEntry         *deal_title;
  GtkEntry         *deal_value;
  GtkLabel         *deal_message;

  /* Owned references */
  RapportContext   *context;
  RapportStore     *store;   /* the context's */
  RapportContact   *contact;
  GListModel       *deals;
  GListModel       *activities;
  GPtrArray        *address_rows;  /* the rows in addresses_group */

  RapportDebounce   organization_enter;   /* commit once Enter is done */
  RapportDebounce   organization_leave;   /* commit if the focus stays away */
  guint             syncing;          /* > 0 while code sets widgets from the record */
};

G_DEFINE_FINAL_TYPE (RapportContactDetail, rapport_contact_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CONTEXT,
  PROP_CONTACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const lifecycle_classes[] = { "lead", "contact", "customer" };

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

static RapportOrganization *
lookup_organization (RapportContactDetail *self)
{
  gint64 id = rapport_contact_get_organization_id (self->contact);

  if (id <= 0)
    return NULL;

  return rapport_store_get_organization (self->store, id, NULL);
}

/* The header: name, lifecycle, where they work */

static void
rapport_contact_detail_update_header (RapportContactDetail *self)
{
  RapportLifecycle lifecycle = rapport_contact_get_lifecycle (self->contact);
  g_autoptr(RapportOrganization) organization = lookup_organization (self);
  const char *email = rapport_contact_get_email (self->contact);
  GString *subtitle = g_string_new (NULL);

  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  gtk_label_set_label (self->lifecycle_badge, rapport_lifecycle_get_label (lifecycle));
  for (guint i = 0; i < G_N_ELEMENTS (lifecycle_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->lifecycle_badge), lifecycle_classes[i]);
  if (lifecycle < G_N_ELEMENTS (lifecycle_classes))
    gtk_widget_add_css_class (GTK_WIDGET (self->lifecycle_badge), lifecycle_classes[lifecycle]);

  if (organization != NULL)
    g_string_append (subtitle, rapport_organization_get_name (organization));
  if (!is_blank (email))
    {
      if (subtitle->len > 0)
        /* Translators: between the organization and the email under a contact's name */
        g_string_append (subtitle, _(" · "));
      g_string_append (subtitle, email);
    }
  gtk_label_set_label (self->subtitle_label, subtitle->str);
  g_string_free (subtitle, TRUE);

  gtk_widget_set_visible (GTK_WIDGET (self->convert_button),
                          lifecycle != RAPPORT_LIFECYCLE_CUSTOMER);
  /* A customer with a won deal can buy again. */
  {
    g_autoptr(RapportDeal) won = NULL;

    if (lifecycle == RAPPORT_LIFECYCLE_CUSTOMER)
      won = rapport_store_get_latest_won_deal (self->store, self->contact);
    gtk_widget_set_visible (self->repeat_button, won != NULL);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->open_organization_button), organization != NULL);

  self->syncing++;
  adw_combo_row_set_selected (self->lifecycle_row, lifecycle);
  self->syncing--;
}

static void
on_name_changed (RapportContactDetail *self)
{
  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* Lifecycle */

static void
on_lifecycle_selected (RapportContactDetail *self)
{
  guint selected = adw_combo_row_get_selected (self->lifecycle_row);

  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  if (self->syncing > 0 || selected == GTK_INVALID_LIST_POSITION ||
      (RapportLifecycle) selected == rapport_contact_get_lifecycle (self->contact))
    return;

  /* A refused change is shown as a toast; put the stored one back. */
  if (!rapport_edit_set_enum (self->context, RAPPORT_RECORD (self->contact),
                              "lifecycle", (int) selected, NULL))
    rapport_contact_detail_update_header (self);
}

static void
on_convert_clicked (RapportContactDetail *self)
{
  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  rapport_edit_set_enum (self->context, RAPPORT_RECORD (self->contact),
                         "lifecycle", RAPPORT_LIFECYCLE_CUSTOMER, NULL);
}

/* Organization: pick a stored one, or name a new one */

static void
show_organization_message (RapportContactDetail *self,
                           const char           *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->organization_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->organization_row), "error");
  gtk_label_set_label (self->organization_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->organization_message), message != NULL);
}

static void
rapport_contact_detail_set_organization (RapportContactDetail *self,
                                         gint64                id)
{
  g_autoptr(GError) error = NULL;

  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  if (id == rapport_contact_get_organization_id (self->contact))
    {
      show_organization_message (self, NULL);
      return;
    }

  if (rapport_edit_set_int64 (self->context, RAPPORT_RECORD (self->contact),
                              "organization-id", id, &error))
    show_organization_message (self, NULL);
  else
    show_organization_message (self, error->message);
}

/* Shows the stored organization in the row. */
static void
rapport_contact_detail_sync_organization (RapportContactDetail *self)
{
  g_autoptr(RapportOrganization) organization = lookup_organization (self);

  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  self->syncing++;
  if (organization != NULL)
    rapport_record_picker_set_record (self->organization_row, RAPPORT_RECORD (organization));
  else
    {
      rapport_record_picker_set_record (self->organization_row, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->organization_row), "");
    }
  self->syncing--;
}

static void
on_organization_picked (RapportContactDetail *self)
{
  RapportRecord *record = rapport_record_picker_get_record (self->organization_row);

  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  if (self->syncing > 0 || record == NULL)
    return;

  rapport_contact_detail_set_organization (self, rapport_record_get_id (record));
}

/* The typed name, when no stored organization was picked: an empty one
 * clears the organization, one that names a stored organization (in any
 * case) picks it, another one is created. */
static void
rapport_contact_detail_commit_organization (RapportContactDetail *self)
{
  g_autofree char *name = rapport_record_picker_dup_name (self->organization_row);
  g_autoptr(RapportOrganization) current = lookup_organization (self);
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(RapportOrganization) created = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  if (rapport_record_picker_get_record (self->organization_row) != NULL)
    return;

  if (*name == '\0')
    {
      rapport_contact_detail_set_organization (self, 0);
      return;
    }

  if (current != NULL && g_utf8_collate (rapport_organization_get_name (current), name) == 0)
    {
      rapport_contact_detail_sync_organization (self);
      return;
    }

  matches = rapport_store_find_organizations_by_prefix (self->store, name, 1, NULL);
  if (matches != NULL && matches->len > 0)
    {
      RapportOrganization *match = g_ptr_array_index (matches, 0);

      if (g_ascii_strcasecmp (rapport_organization_get_name (match), name) == 0)
        {
          rapport_record_picker_set_record (self->organization_row, RAPPORT_RECORD (match));
          return;
        }
    }

  created = rapport_store_add_organization (self->store, name, &error);
  if (created == NULL)
    {
      show_organization_message (self, error->message);
      return;
    }

  rapport_record_picker_set_record (self->organization_row, RAPPORT_RECORD (created));
}

static void
on_organization_activated (RapportContactDetail *self)
{
  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  rapport_contact_detail_commit_organization (self);
}

/* The focus left the row some time ago, and did not come back. */
static void
rapport_contact_detail_organization_left (RapportContactDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->organization_row)))
    rapport_contact_detail_commit_organization (self);
}

/* Enter in the organization row first goes to its list of matches, which
 * takes the highlighted one; when that was “Add as new”, nothing is picked
 * and the typed name is to be created: look once the row is done. */
static void
rapport_contact_detail_organization_entered (RapportContactDetail *self)
{
  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  rapport_debounce_cancel (&self->organization_leave);
  rapport_debounce_restart (&self->organization_enter);
}

static void
on_organization_focus_leave (RapportContactDetail *self)
{
  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  rapport_debounce_cancel (&self->organization_enter);
  rapport_debounce_restart (&self->organization_leave);
}

static void
on_open_organization_clicked (RapportContactDetail *self)
{
  gint64 id = rapport_contact_get_organization_id (self->contact);

  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-organization", "x", id);
}

static void
on_organization_id_changed (RapportContactDetail *self)
{
  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  rapport_contact_detail_sync_organization (self);
  rapport_contact_detail_update_header (self);
}

/* Deals */

static GtkWidget *
create_deal_row (gpointer item,
                 gpointer user_data)
{
  RapportContactDetail *self = user_data;

  return rapport_deal_row_new (self->context, RAPPORT_DEAL (item));
}

/* Activity: a timeline, newest first */

static GtkWidget *
create_activity_row (gpointer item,
                     gpointer user_data)
{
  RapportContactDetail *self = user_data;

  return rapport_activity_row_new (self->context, RAPPORT_ACTIVITY (item), FALSE);
}

static GtkWidget *
create_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "contact-placeholder");

  return label;
}

/* Logging a call, an email or a meeting: each button's popover is made
 * when it is first pressed. */

static void
attach_log_popovers (RapportContactDetail *self)
{
  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  rapport_log_popover_attach (self->log_call_button, self->context, RAPPORT_RECORD (self->contact),
                              RAPPORT_ACTIVITY_CALL, FALSE);
  rapport_log_popover_attach (self->log_email_button, self->context, RAPPORT_RECORD (self->contact),
                              RAPPORT_ACTIVITY_EMAIL, FALSE);
  rapport_log_popover_attach (self->log_meeting_button, self->context, RAPPORT_RECORD (self->contact),
                              RAPPORT_ACTIVITY_MEETING, FALSE);
}

/* Scheduling a follow-up */

static void
on_followup_popover_show (RapportContactDetail *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (rapport_store_now (self->store));
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) morning = NULL;

  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  /* Tomorrow morning: the usual next step. */
  morning = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                   g_date_time_get_month (tomorrow),
                                   g_date_time_get_day_of_month (tomorrow),
                                   9, 0, 0);
  rapport_date_time_picker_set_time (self->followup_when, g_date_time_to_unix (morning));
  gtk_editable_set_text (GTK_EDITABLE (self->followup_title), "");
  gtk_drop_down_set_selected (self->followup_kind, RAPPORT_ACTIVITY_TASK);
  gtk_widget_grab_focus (GTK_WIDGET (self->followup_title));
}

static void
on_schedule_clicked (RapportContactDetail *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->followup_title))));
  g_autofree char *default_title = NULL;
  g_autoptr(RapportActivity) followup = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  if (*title == '\0')
    /* Translators: the title of a follow-up scheduled without one; %s is a name */
    default_title = g_strdup_printf (_("Follow up with %s"), rapport_contact_get_name (self->contact));

  followup = rapport_store_add_followup_of_kind (self->store,
                                                 rapport_record_get_id (RAPPORT_RECORD (self->contact)), 0,
                                                 (RapportActivityKind) MIN (gtk_drop_down_get_selected (self->followup_kind),
                                                                            RAPPORT_ACTIVITY_TASK),
                                                 default_title ? default_title : title,
                                                 rapport_date_time_picker_get_time (self->followup_when), &error);
  if (followup == NULL)
    {
      rapport_context_report_error (self->context, error);
      return;
    }

  rapport_edit_push_undo_add (self->context, _("Scheduled follow-up"), RAPPORT_RECORD (followup));
  gtk_menu_button_popdown (self->followup_button);
}

/* Creating a deal for this contact */

static void
show_deal_message (RapportContactDetail *self,
                   const char           *message)
{
  gtk_label_set_label (self->deal_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->deal_message), message != NULL);
}

static void
on_deal_popover_show (RapportContactDetail *self)
{
  g_autofree char *title = NULL;

  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  /* Translators: the suggested title of a new deal; %s is the contact's name */
  title = g_strdup_printf (_("Deal with %s"), rapport_contact_get_name (self->contact));
  gtk_editable_set_text (GTK_EDITABLE (self->deal_title), title);
  gtk_editable_set_text (GTK_EDITABLE (self->deal_value), "");
  show_deal_message (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->deal_title));
}

static void
on_create_deal_clicked (RapportContactDetail *self)
{
  const char *currency = rapport_store_get_default_currency (self->store);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->deal_title))));
  g_autofree char *value_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->deal_value))));
  RapportDealFields fields = { 0 };
  g_autoptr(RapportDeal) deal = NULL;
  g_autoptr(GError) error = NULL;
  gint64 value = 0;

  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  if (*title == '\0')
    {
      show_deal_message (self, _("A deal needs a title"));
      return;
    }

  if (*value_text != '\0' && !rapport_money_parse (value_text, currency, &value, &error))
    {
      show_deal_message (self, error->message);
      return;
    }

  fields.title = title;
  fields.value = value;
  fields.contact_id = rapport_record_get_id (RAPPORT_RECORD (self->contact));
  fields.organization_id = rapport_contact_get_organization_id (self->contact);
  fields.owner = rapport_contact_get_owner (self->contact);

  deal = rapport_store_add_deal (self->store, &fields, &error);
  if (deal == NULL)
    {
      show_deal_message (self, error->message);
      return;
    }

  gtk_menu_button_popdown (self->deal_button);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-deal", "x",
                              rapport_record_get_id (RAPPORT_RECORD (deal)));
}

/* Writing and calling: the desktop's mail program and dialler */

/* "mailto:ann@example.org", "tel:+15550100" (the digits and a leading +). */
static char *
uri_for (const char *value,
         gboolean    is_phone)
{
  GString *uri;

  if (!is_phone)
    {
      g_autofree char *escaped = g_uri_escape_string (value, "@", FALSE);

      return g_strconcat ("mailto:", escaped, NULL);
    }
  uri = g_string_new ("tel:");
  for (const char *p = value; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || (*p == '+' && uri->len == 4))
      g_string_append_c (uri, *p);
  return g_string_free (uri, FALSE);
}

static void
open_uri (RapportContactDetail *self,
          const char           *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_debug ("Opening %s", uri);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
rapport_contact_detail_open_uri_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  open_uri (RAPPORT_CONTACT_DETAIL (widget), g_variant_get_string (parameter, NULL));
}

static void
on_write_clicked (RapportContactDetail *self)
{
  const char *email = rapport_contact_get_email (self->contact);
  g_autofree char *uri = NULL;

  if (is_blank (email))
    return;
  uri = uri_for (email, FALSE);
  open_uri (self, uri);
}

static void
on_call_clicked (RapportContactDetail *self)
{
  const char *phone = rapport_contact_get_phone (self->contact);
  g_autofree char *uri = NULL;

  if (is_blank (phone))
    return;
  uri = uri_for (phone, TRUE);
  open_uri (self, uri);
}

static void
sync_contact_buttons (RapportContactDetail *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->write_button), !is_blank (rapport_contact_get_email (self->contact)));
  gtk_widget_set_sensitive (GTK_WIDGET (self->call_button), !is_blank (rapport_contact_get_phone (self->contact)));
}

/* Every e-mail address and phone number, with its label, and the photo */

static const char *
address_kind (const char *label,
              gboolean    is_phone)
{
  if (g_strcmp0 (label, "work") == 0)
    return is_phone ? _("Work phone") : _("Work email");
  if (g_strcmp0 (label, "home") == 0)
    return is_phone ? _("Home phone") : _("Home email");
  if (g_strcmp0 (label, "mobile") == 0)
    return is_phone ? _("Mobile phone") : _("Mobile email");
  return is_phone ? _("Other phone") : _("Other email");
}

static void
add_address_rows (RapportContactDetail *self,
                  GPtrArray            *values,
                  gboolean              is_phone)
{
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const RapportContactValue *value = values->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name (is_phone ? "call-start-symbolic" : "mail-unread-symbolic");
      g_autofree char *escaped = g_markup_escape_text (value->value, -1);
      g_autofree char *uri = uri_for (value->value, is_phone);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), address_kind (value->label, is_phone));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, is_phone ? _("Call") : _("Write an Email"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      is_phone ? _("Call") : _("Write an Email"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "contact.open-uri");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      /* Shown, not edited here: Tab goes on from the fields above to the
       * next field, and Ctrl+Z stays the window's undo. */
      gtk_widget_set_focusable (row, FALSE);
      adw_preferences_group_add (self->addresses_group, row);
      g_ptr_array_add (self->address_rows, row);
    }
}

static void
rapport_contact_detail_sync_addresses (RapportContactDetail *self)
{
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (self->contact));
  g_autoptr(GPtrArray) emails = rapport_store_get_contact_emails (self->store, id, NULL);
  g_autoptr(GPtrArray) phones = rapport_store_get_contact_phones (self->store, id, NULL);

  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  if (self->address_rows == NULL)
    return;
  for (guint i = 0; i < self->address_rows->len; i++)
    adw_preferences_group_remove (self->addresses_group, self->address_rows->pdata[i]);
  g_ptr_array_set_size (self->address_rows, 0);

  add_address_rows (self, emails, FALSE);
  add_address_rows (self, phones, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->addresses_group), self->address_rows->len > 0);
}

static void
rapport_contact_detail_sync_photo (RapportContactDetail *self)
{
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (self->contact));
  g_autoptr(GBytes) photo = rapport_store_get_contact_photo (self->store, id, NULL, NULL);
  g_autoptr(GdkTexture) texture = NULL;

  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  /* A photo GdkPixbuf cannot read stays the initials. */
  if (photo != NULL)
    texture = gdk_texture_new_from_bytes (photo, NULL);
  adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
}

static void
on_contact_updated (RapportContactDetail *self)
{
  rapport_contact_detail_sync_addresses (self);
  rapport_contact_detail_sync_photo (self);
  sync_contact_buttons (self);
}

/* A source picked from the team's list is saved as if typed (with its
 * undo step); the row follows the record. */
static void
source_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (widget);

  if (self->contact != NULL)
    rapport_edit_set_string (self->context, RAPPORT_RECORD (self->contact), "source",
                             g_variant_get_string (parameter, NULL), NULL);
}

/* Setting up for a contact */

static void
rapport_contact_detail_bind (RapportContactDetail *self)
{
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (self->contact));
  RapportRecord *record = RAPPORT_RECORD (self->contact);
  g_autofree char *placeholder = NULL;
  g_autoptr(GMenuModel) sources = NULL;
  GtkEventController *focus;

  g_assert (RAPPORT_IS_CONTACT_DETAIL (self));

  g_object_bind_property (self->contact, "name", self->name_label, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->contact, "name", self->avatar, "text", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->contact, "notify::name", G_CALLBACK (on_name_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->contact, "notify::lifecycle",
                           G_CALLBACK (rapport_contact_detail_update_header), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->contact, "notify::email",
                           G_CALLBACK (rapport_contact_detail_update_header), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->contact, "notify::organization-id",
                           G_CALLBACK (on_organization_id_changed), self,
                           G_CONNECT_SWAPPED);
  /* Every write of the lists or the photo stamps updated-at. */
  g_signal_connect_object (self->contact, "notify::updated-at",
                           G_CALLBACK (on_contact_updated), self,
                           G_CONNECT_SWAPPED);

  /* Every field saves as it goes, so Ctrl+Z is the window's undo of the
   * last saved change (rapport_edit_bind_text does the same for the
   * others); the text's own history would also take back the stored value
   * put in, and empty the field. */
  rapport_edit_take_undo (self->context, GTK_WIDGET (self->organization_row));

  rapport_edit_bind_text (self->context, GTK_WIDGET (self->name_row), self->name_message, record, "name");
  rapport_edit_bind_text (self->context, GTK_WIDGET (self->title_row), self->title_message, record, "title");
  rapport_edit_bind_text (self->context, GTK_WIDGET (self->email_row), self->email_message, record, "email");
  rapport_edit_bind_text (self->context, GTK_WIDGET (self->phone_row), self->phone_message, record, "phone");
  rapport_edit_bind_text (self->context, GTK_WIDGET (self->source_row), self->source_message, record, "source");
  sources = rapport_choice_menu_new (self->store, RAPPORT_CHOICE_LEAD_SOURCE, "contact.source");
  gtk_menu_button_set_menu_model (self->source_button, sources);
  rapport_edit_bind_text (self->context, GTK_WIDGET (self->owner_row), self->owner_message, record, "owner");
  rapport_edit_bind_text (self->context, GTK_WIDGET (self->address_row), self->address_message, record, "address");
  rapport_edit_bind_text (self->context, GTK_WIDGET (self->birthday_row), self->birthday_message, record, "birthday");
  adw_bin_set_child (self->extras_bin, rapport_record_extras_new (self->context, record));

  rapport_record_picker_set_store (self->organization_row, self->store);
  rapport_contact_detail_sync_organization (self);
  g_signal_connect_object (self->organization_row, "notify::record",
                           G_CALLBACK (on_organization_picked), self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_organization_focus_leave), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->organization_row), focus);

  rapport_contact_detail_update_header (self);
  on_contact_updated (self);
  g_signal_connect_object (self->lifecycle_row, "notify::selected",
                           G_CALLBACK (on_lifecycle_selected), self, G_CONNECT_SWAPPED);

  self->deals = rapport_store_get_contact_deals (self->store, id);
  gtk_list_box_bind_model (self->deals_list, self->deals, create_deal_row, self, NULL);
  self->activities = rapport_store_get_contact_activities (self->store, id);
  gtk_list_box_bind_model (self->activities_list, self->activities, create_activity_row, self, NULL);
  adw_bin_set_child (self->notes_bin, rapport_notes_section_new (self->context, record));
  rapport_conflict_list_bind (self->conflict_list, self->context, record);


  /* Translators: the placeholder of a deal's value; %s is a currency code */
  placeholder = g_strdup_printf (_("Value in %s"), rapport_store_get_default_currency (self->store));
  gtk_entry_set_placeholder_text (self->deal_value, placeholder);
}

/* Enter in the organization field, on its way down: take the typed name
 * (an existing organization or a new one). Ctrl+Z in the fields is
 * rapport_edit_bind_text's. */
static gboolean
on_key_pressed (RapportContactDetail  *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->organization_row)))
    {
      rapport_contact_detail_organization_entered (self);
      return GDK_EVENT_PROPAGATE;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
rapport_contact_detail_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->contact ? rapport_contact_get_name (self->contact) : NULL);
      break;
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_CONTACT:
      g_value_set_object (value, self->contact);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_contact_detail_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      self->store = g_object_ref (rapport_context_get_store (self->context));
      break;

    case PROP_CONTACT:
      self->contact = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_contact_detail_constructed (GObject *object)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (object);

  G_OBJECT_CLASS (rapport_contact_detail_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_CONTEXT (self->context));
  g_assert (RAPPORT_IS_CONTACT (self->contact));

  rapport_contact_detail_bind (self);
  attach_log_popovers (self);
  rapport_satisfaction_section_show (RAPPORT_SATISFACTION_SECTION (self->satisfaction_section), self->context,
                                     rapport_record_get_id (RAPPORT_RECORD (self->contact)), 0);
}

/* New Repeat Deal: the customer's latest won deal sold again. */
static void
rapport_contact_detail_new_repeat_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (widget);
  g_autoptr(RapportDeal) earlier = rapport_store_get_latest_won_deal (self->store, self->contact);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (earlier != NULL)
    gtk_window_present (GTK_WINDOW (rapport_deal_dialog_new_repeat (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                    self->context, earlier)));
}

static void
rapport_contact_detail_dispose (GObject *object)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (object);

  rapport_debounce_cancel (&self->organization_enter);
  rapport_debounce_cancel (&self->organization_leave);

  /* Borrowed rows of the template, which goes next. */
  g_clear_pointer (&self->address_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CONTACT_DETAIL);

  g_clear_object (&self->deals);
  g_clear_object (&self->activities);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->contact);

  G_OBJECT_CLASS (rapport_contact_detail_parent_class)->dispose (object);
}

/* Merge With…: the other one is picked, then the merge dialog. */
static void
rapport_contact_detail_merge_with_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (widget);

  rapport_merge_dialog_choose (self->context, widget, RAPPORT_ENTITY_CONTACT,
                               rapport_record_get_id (RAPPORT_RECORD (self->contact)));
}

static void
rapport_contact_detail_delete_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (widget);

  rapport_delete_dialog_ask (self->context, widget, RAPPORT_ENTITY_CONTACT,
                             rapport_record_get_id (RAPPORT_RECORD (self->contact)),
                             rapport_contact_get_name (self->contact));
}

static void
rapport_contact_detail_erase_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (widget);

  rapport_delete_dialog_ask_erase (self->context, widget,
                                   rapport_record_get_id (RAPPORT_RECORD (self->contact)),
                                   rapport_contact_get_name (self->contact));
}

static void
rapport_contact_detail_class_init (RapportContactDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_contact_detail_dispose;
  object_class->constructed = rapport_contact_detail_constructed;
  object_class->get_property = rapport_contact_detail_get_property;
  object_class->set_property = rapport_contact_detail_set_property;

  /**
   * RapportContactDetail:title:
   *
   * The contact's name, for the header bar.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportContactDetail:context:
   *
   * The store, the undo history and the toasts of the window shown in.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportContactDetail:contact:
   *
   * The contact shown.
   */
  properties[PROP_CONTACT] =
    g_param_spec_object ("contact", NULL, NULL,
                         RAPPORT_TYPE_CONTACT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_CONFLICT_LIST);
  g_type_ensure (RAPPORT_TYPE_RECORD_PICKER);
  g_type_ensure (RAPPORT_TYPE_DATE_TIME_PICKER);
  g_type_ensure (RAPPORT_TYPE_SATISFACTION_SECTION);

  gtk_widget_class_install_action (widget_class, "contact.merge-with", NULL, rapport_contact_detail_merge_with_action);
  gtk_widget_class_install_action (widget_class, "contact.new-repeat", NULL, rapport_contact_detail_new_repeat_action);
  gtk_widget_class_install_action (widget_class, "contact.delete", NULL, rapport_contact_detail_delete_action);
  gtk_widget_class_install_action (widget_class, "contact.erase", NULL, rapport_contact_detail_erase_action);
  gtk_widget_class_install_action (widget_class, "contact.open-uri", "s", rapport_contact_detail_open_uri_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/contacts/contact-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, conflict_list);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, avatar);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, lifecycle_badge);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, log_call_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, log_email_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, log_meeting_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, followup_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, deal_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, followup_title);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, followup_kind);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, followup_when);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, deal_title);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, deal_value);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, deal_message);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, convert_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, name_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, name_message);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, title_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, title_message);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, email_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, email_message);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, phone_message);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, write_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, call_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, address_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, address_message);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, birthday_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, birthday_message);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, extras_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, organization_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, organization_message);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, open_organization_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, lifecycle_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, source_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, source_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, source_message);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, owner_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, owner_message);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, addresses_group);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, deals_list);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, repeat_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, satisfaction_section);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, activities_list);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, notes_bin);
  gtk_widget_class_install_action (widget_class, "contact.source", "s", source_action);
  gtk_widget_class_bind_template_callback (widget_class, on_convert_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_organization_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_open_organization_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_followup_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_schedule_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_deal_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_create_deal_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_write_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_call_clicked);
}

static void
rapport_contact_detail_init (RapportContactDetail *self)
{
  GtkEventController *keys;

  rapport_debounce_init (&self->organization_enter, 0,
                         (RapportDebounceFunc) rapport_contact_detail_commit_organization, self);
  rapport_debounce_init (&self->organization_leave, ORGANIZATION_COMMIT_DELAY_MS,
                         (RapportDebounceFunc) rapport_contact_detail_organization_left, self);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->address_rows = g_ptr_array_new ();

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  /* Screen readers (and the tests) know each field by its title. */
  rapport_form_label_row (self->name_row);
  rapport_form_label_row (self->title_row);
  rapport_form_label_row (self->email_row);
  rapport_form_label_row (self->phone_row);
  rapport_form_label_row (self->organization_row);
  rapport_form_label_row (self->lifecycle_row);
  rapport_form_label_row (self->source_row);
  rapport_form_label_row (self->owner_row);
  rapport_form_label_row (self->address_row);
  rapport_form_label_row (self->birthday_row);

  gtk_list_box_set_placeholder (self->deals_list, create_placeholder (_("No deals yet")));
  gtk_list_box_set_placeholder (self->activities_list, create_placeholder (_("No activity yet")));
}

GtkWidget *
rapport_contact_detail_new (RapportContext *context,
                            RapportContact *contact)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (RAPPORT_IS_CONTACT (contact), NULL);

  return g_object_new (RAPPORT_TYPE_CONTACT_DETAIL,
                       "context", context,
                       "contact", contact,
                       NULL);
}

RapportContact *
rapport_contact_detail_get_contact (RapportContactDetail *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_DETAIL (self), NULL);

  return self->contact;
}
