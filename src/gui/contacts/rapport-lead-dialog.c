/* rapport-lead-dialog.c — the “New Lead” dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A lead is a contact at the first step of the lifecycle. Storing one also
 * stores its speed-to-lead follow-up (the model does that, in the same
 * transaction), so the toast tells the seller how soon to call. The form
 * works like the deal dialog's: messages under the fields as the user
 * types, Create insensitive until the form can be stored, the store's
 * refusals at the top with the input kept.
 */

#define G_LOG_DOMAIN "rapport-lead-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-a11y.h"
#include "rapport-choice-menu.h"
#include "rapport-record-picker.h"
#include "rapport-form.h"
#include "rapport-lead-dialog.h"
#include "rapport-validate.h"

/* Fields whose message shows: the name once changed, the email and phone
 * once left (they are wrong until typed in full), all of them once the
 * user tries to create. */
typedef enum
{
  FIELD_NAME  = 1 << 0,
  FIELD_EMAIL = 1 << 1,
  FIELD_PHONE = 1 << 2,
  FIELD_ALL   = FIELD_NAME | FIELD_EMAIL | FIELD_PHONE,
} Field;

struct _RapportLeadDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  GtkButton         *create_button;
  GtkRevealer       *error_revealer;
  GtkLabel          *error_label;
  AdwEntryRow       *name_row;
  GtkLabel          *name_message;
  AdwEntryRow       *email_row;
  GtkLabel          *email_message;
  GtkLabel          *known_message;
  AdwEntryRow       *phone_row;
  GtkLabel          *phone_message;
  RapportRecordPicker  *organization_row;
  AdwEntryRow       *source_row;
  GtkMenuButton     *source_button;

  /* Owned references */
  RapportContext    *context;
  RapportStore      *store;   /* the context's */
  RapportLifecycle   lifecycle;     /* of the person made: a lead or a contact */

  Field              touched;
  gboolean           disposed;      /* the fields are gone; focus may still move */
};

G_DEFINE_FINAL_TYPE (RapportLeadDialog, rapport_lead_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_LIFECYCLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


/* Validation. The email and phone rules are the model's own
 * (rapport-validate.h), so the dialog never lets through what the store
 * would refuse. */

static char *
check_name (RapportLeadDialog *self)
{
  g_autofree char *name = rapport_form_dup_text (self->name_row);

  if (*name == '\0')
    return g_strdup (_("A name is required"));

  return NULL;
}

static char *
check_email (RapportLeadDialog *self)
{
  g_autofree char *email = rapport_form_dup_text (self->email_row);

  if (*email == '\0' || rapport_email_is_plausible (email))
    return NULL;

  return g_strdup (_("Use an address like name@example.com"));
}

static char *
check_phone (RapportLeadDialog *self)
{
  g_autofree char *phone = rapport_form_dup_text (self->phone_row);

  if (*phone == '\0' || rapport_phone_is_plausible (phone))
    return NULL;

  return g_strdup (_("Use digits, spaces and + - ( ), like +1 555 0100"));
}

/* Shows the messages of the touched fields (all of them with @show_all)
 * and makes Create sensitive when nothing is wrong. Returns the first
 * invalid row, or NULL. */
static GtkWidget *
rapport_lead_dialog_validate (RapportLeadDialog *self,
                               gboolean           show_all)
{
  /* Saving tries every field: from then on each one says what is wrong. */
  guint touched = show_all ? (self->touched = FIELD_ALL) : self->touched;
  RapportFormField fields[] = {
    { self->name_row, self->name_message, check_name (self), (touched & FIELD_NAME) != 0 },
    { self->email_row, self->email_message, check_email (self), (touched & FIELD_EMAIL) != 0 },
    { self->phone_row, self->phone_message, check_phone (self), (touched & FIELD_PHONE) != 0 }
  };

  g_assert (RAPPORT_IS_LEAD_DIALOG (self));

  return rapport_form_show_fields (GTK_WINDOW (self), fields, G_N_ELEMENTS (fields),
                                   GTK_WIDGET (self->create_button));
}

/* Field callbacks */

static void
rapport_lead_dialog_touch (RapportLeadDialog *self,
                           Field              field)
{
  g_assert (RAPPORT_IS_LEAD_DIALOG (self));

  if (self->disposed)
    return;

  self->touched |= field;
  rapport_lead_dialog_validate (self, FALSE);
}

static void
on_name_changed (RapportLeadDialog *self,
                 GtkEditable       *editable)
{
  rapport_lead_dialog_touch (self, FIELD_NAME);
}

/* Someone with this e-mail is already a contact: say who, without
 * refusing (two people may share an address; the seller decides). */
static void
rapport_lead_dialog_check_known (RapportLeadDialog *self)
{
  g_autofree char *email = rapport_form_dup_text (self->email_row);
  g_autoptr(RapportContact) known = NULL;
  g_autofree char *message = NULL;

  if (self->store != NULL && rapport_email_is_plausible (email))
    known = rapport_store_find_contact_by_email (self->store, email);

  if (known != NULL)
    /* Translators: %s is the name of the contact who has the e-mail typed */
    message = g_strdup_printf (_("%s already has this e-mail: creating adds a second contact"),
                               rapport_contact_get_name (known));

  gtk_label_set_label (self->known_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->known_message), known != NULL);
}

static void
on_contact_detail_changed (RapportLeadDialog *self,
                           GtkEditable       *editable)
{
  rapport_lead_dialog_touch (self, 0);
  if (editable == GTK_EDITABLE (self->email_row))
    rapport_lead_dialog_check_known (self);
}

static void
on_field_focus_leave (RapportLeadDialog       *self,
                      GtkEventControllerFocus *controller)
{
  Field field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (controller), "rapport-field"));

  rapport_lead_dialog_touch (self, field);
}

static void
rapport_lead_dialog_judge_on_leave (RapportLeadDialog *self,
                                    AdwEntryRow       *row,
                                    Field              field)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_assert (RAPPORT_IS_LEAD_DIALOG (self));

  g_object_set_data (G_OBJECT (controller), "rapport-field", GUINT_TO_POINTER (field));
  g_signal_connect_object (controller, "leave",
                           G_CALLBACK (on_field_focus_leave), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (row), controller);
}

static void
on_entry_activated (RapportLeadDialog *self,
                    AdwEntryRow       *row)
{
  g_assert (RAPPORT_IS_LEAD_DIALOG (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.create", NULL);
}

static void
on_create_clicked (RapportLeadDialog *self,
                   GtkButton         *button)
{
  g_assert (RAPPORT_IS_LEAD_DIALOG (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.create", NULL);
}

/* Actions */

static void
rapport_lead_dialog_source_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  RapportLeadDialog *self = RAPPORT_LEAD_DIALOG (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->source_row), g_variant_get_string (parameter, NULL));
  gtk_editable_set_position (GTK_EDITABLE (self->source_row), -1);
}

static void
rapport_lead_dialog_show_error (RapportLeadDialog *self,
                                const GError      *error)
{
  g_assert (RAPPORT_IS_LEAD_DIALOG (self));

  gtk_label_set_label (self->error_label, error->message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

/* “Lead ‘Ann Lee’ added — contact them within the hour”, following the
 * speed-to-lead time stored with the data. @name is markup. */
static char *
format_added_message (const char *name,
                      int         minutes)
{
  int n;

  if (minutes == 60)
    /* Translators: %s is the new lead's name. */
    return g_strdup_printf (_("Lead ‘%s’ added — contact them within the hour"), name);

  if (minutes % (24 * 60) == 0)
    {
      n = minutes / (24 * 60);
      /* Translators: %s is the new lead's name, %d a number of days. */
      return g_strdup_printf (ngettext ("Lead ‘%s’ added — contact them within %d day",
                                        "Lead ‘%s’ added — contact them within %d days", n),
                              name, n);
    }

  if (minutes % 60 == 0)
    {
      n = minutes / 60;
      /* Translators: %s is the new lead's name, %d a number of hours. */
      return g_strdup_printf (ngettext ("Lead ‘%s’ added — contact them within %d hour",
                                        "Lead ‘%s’ added — contact them within %d hours", n),
                              name, n);
    }

  /* Translators: %s is the new lead's name, %d a number of minutes. */
  return g_strdup_printf (ngettext ("Lead ‘%s’ added — contact them within %d minute",
                                    "Lead ‘%s’ added — contact them within %d minutes", minutes),
                          name, minutes);
}

/* A new organization is a store call of its own; once made, it is the
 * picked one, so trying again after a refused lead makes no twin. */
static gboolean
rapport_lead_dialog_ensure_organization (RapportLeadDialog  *self,
                                         GError            **error)
{
  g_autofree char *name = rapport_record_picker_dup_name (self->organization_row);
  g_autoptr(RapportOrganization) organization = NULL;

  g_assert (RAPPORT_IS_LEAD_DIALOG (self));

  if (rapport_record_picker_get_record (self->organization_row) != NULL || *name == '\0')
    return TRUE;

  organization = rapport_store_add_organization (self->store, name, error);
  if (organization == NULL)
    return FALSE;

  rapport_record_picker_set_record (self->organization_row, RAPPORT_RECORD (organization));
  return TRUE;
}

static void
rapport_lead_dialog_create_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  RapportLeadDialog *self = RAPPORT_LEAD_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContact) lead = NULL;
  g_autofree char *name = rapport_form_dup_text (self->name_row);
  g_autofree char *email = rapport_form_dup_text (self->email_row);
  g_autofree char *phone = rapport_form_dup_text (self->phone_row);
  g_autofree char *source = rapport_form_dup_text (self->source_row);
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;
  RapportContactFields fields = { 0 };
  RapportRecord *organization;
  GtkWidget *invalid;

  invalid = rapport_lead_dialog_validate (self, TRUE);
  if (invalid != NULL)
    {
      gtk_widget_grab_focus (invalid);
      return;
    }

  if (!rapport_lead_dialog_ensure_organization (self, &error))
    {
      rapport_lead_dialog_show_error (self, error);
      return;
    }
  organization = rapport_record_picker_get_record (self->organization_row);

  fields.name = name;
  fields.email = *email != '\0' ? email : NULL;
  fields.phone = *phone != '\0' ? phone : NULL;
  fields.source = *source != '\0' ? source : NULL;
  fields.organization_id = organization ? rapport_record_get_id (organization) : 0;
  /* For a lead, the model adds the speed-to-lead follow-up with it. */
  fields.lifecycle = self->lifecycle;

  lead = rapport_store_add_contact (self->store, &fields, &error);
  if (lead == NULL)
    {
      rapport_lead_dialog_show_error (self, error);
      return;
    }

  escaped = g_markup_escape_text (rapport_contact_get_name (lead), -1);
  if (self->lifecycle == RAPPORT_LIFECYCLE_LEAD)
    message = format_added_message (escaped, rapport_store_get_speed_to_lead_minutes (self->store));
  else
    /* Translators: %s is the new contact's name. */
    message = g_strdup_printf (_("Contact ‘%s’ added"), escaped);
  rapport_form_report_created (self->context, message, "win.open-contact",
                               rapport_record_get_id (RAPPORT_RECORD (lead)));

  gtk_window_destroy (GTK_WINDOW (self));
}

/* GObject */

static void
rapport_lead_dialog_constructed (GObject *object)
{
  RapportLeadDialog *self = RAPPORT_LEAD_DIALOG (object);
  g_autoptr(GMenuModel) sources = NULL;

  G_OBJECT_CLASS (rapport_lead_dialog_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));

  rapport_record_picker_set_store (self->organization_row, self->store);
  /* The team's list of sources (Preferences); any other may be typed. */
  sources = rapport_choice_menu_new (self->store, RAPPORT_CHOICE_LEAD_SOURCE, "dialog.source");
  gtk_menu_button_set_menu_model (self->source_button, sources);
  if (self->lifecycle != RAPPORT_LIFECYCLE_LEAD)
    gtk_window_set_title (GTK_WINDOW (self), _("New Contact"));

  rapport_lead_dialog_validate (self, FALSE);
  rapport_a11y_focus_when_shown (GTK_WIDGET (self->name_row));
}

static void
rapport_lead_dialog_dispose (GObject *object)
{
  RapportLeadDialog *self = RAPPORT_LEAD_DIALOG (object);

  /* The focus leaves the fields as the window goes: nothing to check. */
  self->disposed = TRUE;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_LEAD_DIALOG);

  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_lead_dialog_parent_class)->dispose (object);
}

static void
rapport_lead_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportLeadDialog *self = RAPPORT_LEAD_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_LIFECYCLE:
      g_value_set_enum (value, self->lifecycle);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_lead_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RapportLeadDialog *self = RAPPORT_LEAD_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      self->store = g_object_ref (rapport_context_get_store (self->context));
      break;

    case PROP_LIFECYCLE:
      self->lifecycle = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_lead_dialog_class_init (RapportLeadDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_lead_dialog_constructed;
  object_class->dispose = rapport_lead_dialog_dispose;
  object_class->get_property = rapport_lead_dialog_get_property;
  object_class->set_property = rapport_lead_dialog_set_property;

  /**
   * RapportLeadDialog:context:
   *
   * The store shown and edited, the undo history and the toasts.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportLeadDialog:lifecycle:
   *
   * What the person made is: a lead (with the speed-to-lead follow-up),
   * or a contact already known.
   */
  properties[PROP_LIFECYCLE] =
    g_param_spec_enum ("lifecycle", NULL, NULL,
                       RAPPORT_TYPE_LIFECYCLE, RAPPORT_LIFECYCLE_LEAD,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                       G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_RECORD_PICKER);

  /* Screen readers announce it as a dialog, and tests find it as one. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/contacts/lead-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportLeadDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, RapportLeadDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, RapportLeadDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RapportLeadDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RapportLeadDialog, name_message);
  gtk_widget_class_bind_template_child (widget_class, RapportLeadDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, RapportLeadDialog, email_message);
  gtk_widget_class_bind_template_child (widget_class, RapportLeadDialog, known_message);
  gtk_widget_class_bind_template_child (widget_class, RapportLeadDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RapportLeadDialog, phone_message);
  gtk_widget_class_bind_template_child (widget_class, RapportLeadDialog, organization_row);
  gtk_widget_class_bind_template_child (widget_class, RapportLeadDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, RapportLeadDialog, source_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_contact_detail_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked);

  gtk_widget_class_install_action (widget_class, "dialog.source", "s", rapport_lead_dialog_source_action);

  /* Enabled even while the form is invalid: Ctrl+Enter then points at
   * what is missing instead of doing nothing. */
  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, rapport_lead_dialog_create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "dialog.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rapport_lead_dialog_init (RapportLeadDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  rapport_form_label_row (self->name_row);
  rapport_form_label_row (self->email_row);
  rapport_form_label_row (self->phone_row);
  rapport_form_label_row (self->organization_row);
  rapport_form_label_row (self->source_row);

  rapport_lead_dialog_judge_on_leave (self, self->email_row, FIELD_EMAIL);
  rapport_lead_dialog_judge_on_leave (self, self->phone_row, FIELD_PHONE);
}

/**
 * rapport_lead_dialog_new:
 * @parent: (nullable): the main window; the toast shows there
 * @context: the store the new lead goes to, and the toasts
 *
 * Returns: (transfer none): a new modal dialog, not yet shown
 */
GtkWidget *
rapport_lead_dialog_new (GtkWindow      *parent,
                         RapportContext *context)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_LEAD_DIALOG,
                       "context", context,
                       "transient-for", parent,
                       NULL);
}

/**
 * rapport_lead_dialog_new_contact:
 * @parent: (nullable): the main window; the toast shows there
 * @context: the store the new contact goes to, and the toasts
 *
 * The same dialog for a person already known, who is not a lead: no
 * speed-to-lead follow-up is made.
 *
 * Returns: (transfer none): a new modal dialog, not yet shown
 */
GtkWidget *
rapport_lead_dialog_new_contact (GtkWindow      *parent,
                                 RapportContext *context)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_LEAD_DIALOG,
                       "context", context,
                       "transient-for", parent,
                       "lifecycle", RAPPORT_LIFECYCLE_CONTACT,
                       NULL);
}

/**
 * rapport_lead_dialog_get_store:
 *
 * Returns: (transfer none): the database the new lead goes to
 */
RapportStore *
rapport_lead_dialog_get_store (RapportLeadDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_LEAD_DIALOG (self), NULL);

  return self->store;
}
