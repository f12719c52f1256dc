/* rapport-followup-dialog.c — the New Follow-up and Reschedule dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One dialog for both: rescheduling asks only for the new time; a new
 * follow-up also asks for its title and what it is about, a contact, a
 * deal or both, each picked from the stored ones by the start of its
 * name. Create (Reschedule) stays off until the form can be stored, and
 * says why underneath; the store's refusal shows there too, with the
 * input kept. Done, the dialog says so on the window and closes.
 */

#define G_LOG_DOMAIN "rapport-followup-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-date-time-picker.h"
#include "rapport-followup-dialog.h"
#include "rapport-followup-row.h"
#include "rapport-format.h"

/* Contacts and deals offered while typing. */
#define MAX_MATCHES       6
#define MAX_DEAL_MATCHES  8

struct _RapportFollowupDialog
{
  AdwWindow              parent_instance;

  /* Template widgets */
  GtkWidget             *accept_button;
  GtkWidget             *new_fields;
  GtkEditable           *title_entry;
  GtkEditable           *contact_entry;
  GtkListBox            *contact_matches;
  GtkEditable           *deal_entry;
  GtkListBox            *deal_matches;
  RapportDateTimePicker *when;
  GtkLabel              *error_label;

  /* Owned references */
  RapportContext        *context;
  RapportActivity       *activity;        /* rescheduled; NULL for a new one */
  RapportDeal           *deal;            /* the one given to start with */
  GPtrArray             *found_contacts;  /* in the order of contact_matches */
  GPtrArray             *found_deals;     /* in the order of deal_matches */

  gint64                 contact_id;
  gint64                 deal_id;
  gboolean               picking;         /* a match is setting an entry's text */
};

G_DEFINE_FINAL_TYPE (RapportFollowupDialog, rapport_followup_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ACTIVITY,
  PROP_DEAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static RapportStore *
store_of (RapportFollowupDialog *self)
{
  return rapport_context_get_store (self->context);
}

static gint64
effective_due (RapportActivity *activity)
{
  gint64 snoozed = rapport_activity_get_snoozed_until (activity);

  return snoozed > 0 ? snoozed : rapport_activity_get_due_at (activity);
}

static char *
activity_title (RapportActivity *activity)
{
  const char *title = rapport_activity_get_title (activity);

  return g_strdup (title != NULL && *title != '\0' ? title : _("Follow-up"));
}

/* Validation */

static const char *
rapport_followup_dialog_problem (RapportFollowupDialog *self)
{
  if (self->activity == NULL)
    {
      g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (self->title_entry)));
      const char *contact = gtk_editable_get_text (self->contact_entry);
      const char *deal = gtk_editable_get_text (self->deal_entry);

      /* Nothing to say about an empty title: Create stays off. */
      if (*title == '\0')
        return "";
      if (*contact != '\0' && self->contact_id <= 0)
        return _("Choose a contact from the list, or leave it empty");
      if (*deal != '\0' && self->deal_id <= 0)
        return _("Choose a deal from the list, or leave it empty");
      if (self->contact_id <= 0 && self->deal_id <= 0)
        return _("Choose a contact, a deal, or both");
    }

  if (rapport_date_time_picker_get_time (self->when) <= rapport_store_now (store_of (self)))
    return _("Choose a time in the future");

  return NULL;
}

static void
rapport_followup_dialog_validate (RapportFollowupDialog *self)
{
  const char *problem = rapport_followup_dialog_problem (self);

  g_assert (RAPPORT_IS_FOLLOWUP_DIALOG (self));

  gtk_label_set_label (self->error_label, problem != NULL ? problem : "");
  gtk_widget_set_sensitive (self->accept_button, problem == NULL);
}

static void
on_changed (RapportFollowupDialog *self)
{
  if (self->context != NULL)
    rapport_followup_dialog_validate (self);
}

/* Picking a contact and a deal */

/* Setting the text emits ::changed twice (deleted, then inserted), and a
 * pick runs inside the row's activation: leave the rows alone until the
 * user types again. */
static void
rapport_followup_dialog_set_text (RapportFollowupDialog *self,
                                  GtkEditable           *entry,
                                  const char            *text)
{
  self->picking = TRUE;
  gtk_editable_set_text (entry, text);
  gtk_editable_set_position (entry, -1);
  self->picking = FALSE;
}

static void
rapport_followup_dialog_set_contact (RapportFollowupDialog *self,
                                     RapportContact        *contact)
{
  rapport_followup_dialog_set_text (self, self->contact_entry, rapport_contact_get_name (contact));
  self->contact_id = rapport_record_get_id (RAPPORT_RECORD (contact));
  gtk_widget_set_visible (GTK_WIDGET (self->contact_matches), FALSE);
}

/* The deal, and its contact when no contact is chosen yet. */
static void
rapport_followup_dialog_set_deal (RapportFollowupDialog *self,
                                  RapportDeal           *deal)
{
  gint64 contact_id = rapport_deal_get_contact_id (deal);

  rapport_followup_dialog_set_text (self, self->deal_entry, rapport_deal_get_title (deal));
  self->deal_id = rapport_record_get_id (RAPPORT_RECORD (deal));
  gtk_widget_set_visible (GTK_WIDGET (self->deal_matches), FALSE);

  if (contact_id > 0 && *gtk_editable_get_text (self->contact_entry) == '\0')
    {
      g_autoptr(RapportContact) contact = rapport_store_get_contact (store_of (self), contact_id, NULL);

      if (contact != NULL)
        rapport_followup_dialog_set_contact (self, contact);
    }
}

/* A row of matches: a name, and a dim detail after it when given. */
static GtkWidget *
match_row_new (const char *name,
               const char *detail)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (name);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  if (detail != NULL && *detail != '\0')
    {
      GtkWidget *dim = gtk_label_new (detail);

      gtk_label_set_xalign (GTK_LABEL (dim), 1);
      gtk_widget_add_css_class (dim, "dim-label");
      gtk_box_append (GTK_BOX (box), dim);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, detail != NULL ? detail : "",
                                  -1);
  return row;
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
on_contact_changed (RapportFollowupDialog *self)
{
  const char *text = gtk_editable_get_text (self->contact_entry);

  if (self->picking || self->context == NULL)
    return;

  clear_list_box (self->contact_matches);
  g_clear_pointer (&self->found_contacts, g_ptr_array_unref);

  self->contact_id = 0;
  if (*text != '\0')
    self->found_contacts = rapport_store_find_contacts_by_prefix (store_of (self), text, MAX_MATCHES, NULL);

  for (guint i = 0; self->found_contacts != NULL && i < self->found_contacts->len; i++)
    {
      RapportContact *contact = g_ptr_array_index (self->found_contacts, i);

      gtk_list_box_append (self->contact_matches, match_row_new (rapport_contact_get_name (contact), NULL));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->contact_matches),
                          self->found_contacts != NULL && self->found_contacts->len > 0);
  rapport_followup_dialog_validate (self);
}

/* "Proposal · $40,000": the deal's stage, and its value when it has one. */
static char *
deal_detail (RapportStore *store,
             RapportDeal  *deal)
{
  g_autoptr(RapportStage) stage = rapport_store_get_stage (store, rapport_deal_get_stage_id (deal), NULL);
  g_autofree char *value = NULL;

  if (rapport_deal_get_value (deal) > 0)
    value = rapport_format_money (rapport_deal_get_value (deal), rapport_deal_get_currency (deal));

  if (stage != NULL && value != NULL)
    /* Translators: a deal among the matches: its stage · its value */
    return g_strdup_printf (_("%s · %s"), rapport_stage_get_name (stage), value);
  if (stage != NULL)
    return g_strdup (rapport_stage_get_name (stage));
  return g_steal_pointer (&value);
}

static void
on_deal_changed (RapportFollowupDialog *self)
{
  const char *text = gtk_editable_get_text (self->deal_entry);

  if (self->picking || self->context == NULL)
    return;

  clear_list_box (self->deal_matches);
  g_clear_pointer (&self->found_deals, g_ptr_array_unref);

  self->deal_id = 0;
  if (*text != '\0')
    self->found_deals = rapport_store_find_deals_by_prefix (store_of (self), text, MAX_DEAL_MATCHES, NULL);

  for (guint i = 0; self->found_deals != NULL && i < self->found_deals->len; i++)
    {
      RapportDeal *deal = g_ptr_array_index (self->found_deals, i);
      g_autofree char *detail = deal_detail (store_of (self), deal);

      gtk_list_box_append (self->deal_matches, match_row_new (rapport_deal_get_title (deal), detail));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->deal_matches),
                          self->found_deals != NULL && self->found_deals->len > 0);
  rapport_followup_dialog_validate (self);
}

static void
on_contact_match_activated (RapportFollowupDialog *self,
                            GtkListBoxRow         *row)
{
  guint index = gtk_list_box_row_get_index (row);

  if (self->found_contacts == NULL || index >= self->found_contacts->len)
    return;

  rapport_followup_dialog_set_contact (self, g_ptr_array_index (self->found_contacts, index));
  rapport_followup_dialog_validate (self);
}

static void
on_deal_match_activated (RapportFollowupDialog *self,
                         GtkListBoxRow         *row)
{
  guint index = gtk_list_box_row_get_index (row);

  if (self->found_deals == NULL || index >= self->found_deals->len)
    return;

  rapport_followup_dialog_set_deal (self, g_ptr_array_index (self->found_deals, index));
  rapport_followup_dialog_validate (self);
}

/* Storing */

static void
rapport_followup_dialog_report (RapportFollowupDialog *self,
                                const char            *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  rapport_context_add_toast (self->context, toast);
}

static void
on_accept (RapportFollowupDialog *self)
{
  RapportStore *store = store_of (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *when_text = NULL;
  g_autofree char *message = NULL;
  gint64 when = rapport_date_time_picker_get_time (self->when);

  rapport_followup_dialog_validate (self);
  if (!gtk_widget_get_sensitive (self->accept_button))
    return;

  when_text = rapport_followup_format_when (when, rapport_store_now (store));

  if (self->activity != NULL)
    {
      g_autofree char *title = activity_title (self->activity);

      if (!rapport_store_reschedule_activity (store, self->activity, when, &error))
        {
          gtk_label_set_label (self->error_label, error->message);
          return;
        }
      /* Translators: “Call Ada” rescheduled to “Tomorrow, 09:00” */
      message = g_strdup_printf (_("“%s” rescheduled to %s"), title, when_text);
    }
  else
    {
      g_autoptr(RapportActivity) activity = NULL;
      g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (self->title_entry)));

      activity = rapport_store_add_followup (store, self->contact_id, self->deal_id,
                                             title, when, &error);
      if (activity == NULL)
        {
          gtk_label_set_label (self->error_label, error->message);
          return;
        }
      /* Translators: a follow-up “Call Ada” added for “Tomorrow, 09:00” */
      message = g_strdup_printf (_("“%s” added for %s"), title, when_text);
    }

  rapport_followup_dialog_report (self, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* GObject */

static void
rapport_followup_dialog_constructed (GObject *object)
{
  RapportFollowupDialog *self = RAPPORT_FOLLOWUP_DIALOG (object);
  gboolean reschedule = self->activity != NULL;
  gint64 now, start;

  G_OBJECT_CLASS (rapport_followup_dialog_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_CONTEXT (self->context));

  gtk_window_set_title (GTK_WINDOW (self), reschedule ? _("Reschedule Follow-up") : _("New Follow-up"));
  gtk_button_set_label (GTK_BUTTON (self->accept_button), reschedule ? _("_Reschedule") : _("C_reate"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->accept_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  reschedule ? _("Reschedule") : _("Create"),
                                  -1);
  gtk_widget_set_visible (self->new_fields, !reschedule);

  if (self->deal != NULL && !reschedule)
    rapport_followup_dialog_set_deal (self, self->deal);

  /* The current due time if it is still ahead, else the next full hour. */
  now = rapport_store_now (store_of (self));
  start = reschedule ? effective_due (self->activity) : 0;
  if (start <= now)
    start = (now / 3600 + 1) * 3600;
  rapport_date_time_picker_set_time (self->when, start);

  rapport_followup_dialog_validate (self);
  if (!reschedule)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->title_entry));
}

static void
rapport_followup_dialog_dispose (GObject *object)
{
  RapportFollowupDialog *self = RAPPORT_FOLLOWUP_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_FOLLOWUP_DIALOG);

  g_clear_pointer (&self->found_contacts, g_ptr_array_unref);
  g_clear_pointer (&self->found_deals, g_ptr_array_unref);
  g_clear_object (&self->activity);
  g_clear_object (&self->deal);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_followup_dialog_parent_class)->dispose (object);
}

static void
rapport_followup_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RapportFollowupDialog *self = RAPPORT_FOLLOWUP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_ACTIVITY:
      g_value_set_object (value, self->activity);
      break;

    case PROP_DEAL:
      g_value_set_object (value, self->deal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_followup_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RapportFollowupDialog *self = RAPPORT_FOLLOWUP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_ACTIVITY:
      self->activity = g_value_dup_object (value);
      break;

    case PROP_DEAL:
      self->deal = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_followup_dialog_class_init (RapportFollowupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_followup_dialog_constructed;
  object_class->dispose = rapport_followup_dialog_dispose;
  object_class->get_property = rapport_followup_dialog_get_property;
  object_class->set_property = rapport_followup_dialog_set_property;

  /**
   * RapportFollowupDialog:context:
   *
   * The store the follow-up goes to, and the window's toasts.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportFollowupDialog:activity:
   *
   * The follow-up rescheduled, or %NULL for a new one.
   */
  properties[PROP_ACTIVITY] =
    g_param_spec_object ("activity", NULL, NULL,
                         RAPPORT_TYPE_ACTIVITY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportFollowupDialog:deal:
   *
   * The deal a new follow-up is about to start with (and its contact).
   */
  properties[PROP_DEAL] =
    g_param_spec_object ("deal", NULL, NULL,
                         RAPPORT_TYPE_DEAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_DATE_TIME_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Rapport/ui/followups/followup-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupDialog, accept_button);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupDialog, new_fields);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupDialog, contact_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupDialog, contact_matches);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupDialog, deal_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupDialog, deal_matches);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupDialog, when);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_contact_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_deal_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_contact_match_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_deal_match_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_accept);
}

static void
rapport_followup_dialog_init (RapportFollowupDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_followup_dialog_new (GtkWindow      *parent,
                             RapportContext *context,
                             RapportDeal    *deal)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (deal == NULL || RAPPORT_IS_DEAL (deal), NULL);

  return g_object_new (RAPPORT_TYPE_FOLLOWUP_DIALOG,
                       "transient-for", parent,
                       "context", context,
                       "deal", deal,
                       NULL);
}

GtkWidget *
rapport_followup_dialog_reschedule (GtkWindow       *parent,
                                    RapportContext  *context,
                                    RapportActivity *activity)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (activity), NULL);

  return g_object_new (RAPPORT_TYPE_FOLLOWUP_DIALOG,
                       "transient-for", parent,
                       "context", context,
                       "activity", activity,
                       NULL);
}
