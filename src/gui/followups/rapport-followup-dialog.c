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

#include "rapport-a11y.h"
#include "rapport-date-time-picker.h"
#include "rapport-followup-dialog.h"
#include "rapport-followup-row.h"
#include "rapport-format.h"
#include "rapport-record-picker.h"

struct _RapportFollowupDialog
{
  AdwWindow              parent_instance;

  /* Template widgets */
  GtkWidget             *accept_button;
  GtkWidget             *new_fields;
  GtkEditable           *title_entry;
  AdwComboRow           *kind_row;
  RapportRecordPicker   *contact_entry;
  RapportRecordPicker   *deal_entry;
  RapportDateTimePicker *when;
  GtkLabel              *error_label;

  /* Owned references */
  RapportContext        *context;
  RapportActivity       *activity;        /* rescheduled; NULL for a new one */
  RapportDeal           *deal;            /* the one given to start with */
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
      const char *contact = gtk_editable_get_text (GTK_EDITABLE (self->contact_entry));
      const char *deal = gtk_editable_get_text (GTK_EDITABLE (self->deal_entry));
      gint64 contact_id = rapport_record_picker_get_selected_id (self->contact_entry);
      gint64 deal_id = rapport_record_picker_get_selected_id (self->deal_entry);

      /* Nothing to say about an empty title: Create stays off. */
      if (*title == '\0')
        return "";
      if (*contact != '\0' && contact_id <= 0)
        return _("Choose a contact from the list, or leave it empty");
      if (*deal != '\0' && deal_id <= 0)
        return _("Choose a deal from the list, or leave it empty");
      if (contact_id <= 0 && deal_id <= 0)
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

/* The deal, and its contact when no contact is chosen yet. */
static void
rapport_followup_dialog_set_deal (RapportFollowupDialog *self,
                                  RapportDeal           *deal)
{
  gint64 contact_id = rapport_deal_get_contact_id (deal);

  rapport_record_picker_set_record (self->deal_entry, RAPPORT_RECORD (deal));

  if (contact_id > 0 && *gtk_editable_get_text (GTK_EDITABLE (self->contact_entry)) == '\0')
    {
      g_autoptr(RapportContact) contact = rapport_store_get_contact (store_of (self), contact_id, NULL);

      if (contact != NULL)
        rapport_record_picker_set_record (self->contact_entry, RAPPORT_RECORD (contact));
    }
}

static void
on_deal_picked (RapportFollowupDialog *self)
{
  RapportRecord *deal = rapport_record_picker_get_record (self->deal_entry);

  if (deal != NULL && self->context != NULL)
    rapport_followup_dialog_set_deal (self, RAPPORT_DEAL (deal));
  on_changed (self);
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

      activity = rapport_store_add_followup_of_kind (store,
                                                     rapport_record_picker_get_selected_id (self->contact_entry),
                                                     rapport_record_picker_get_selected_id (self->deal_entry),
                                                     (RapportActivityKind) MIN (adw_combo_row_get_selected (self->kind_row),
                                                                                RAPPORT_ACTIVITY_TASK),
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
  rapport_record_picker_set_store (self->contact_entry, store_of (self));
  rapport_record_picker_set_store (self->deal_entry, store_of (self));

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
    rapport_a11y_focus_when_shown (GTK_WIDGET (self->title_entry));
}

static void
rapport_followup_dialog_dispose (GObject *object)
{
  RapportFollowupDialog *self = RAPPORT_FOLLOWUP_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_FOLLOWUP_DIALOG);

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
  g_type_ensure (RAPPORT_TYPE_RECORD_PICKER);

  /* Screen readers announce it as a dialog. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/followups/followup-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupDialog, accept_button);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupDialog, new_fields);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupDialog, contact_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupDialog, deal_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupDialog, when);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_deal_picked);
  gtk_widget_class_bind_template_callback (widget_class, on_accept);

  /* Closed by Escape, as every dialog. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
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
