/* rapport-deal-dialog.c — the “New Deal” dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small form over RapportDealFields. Every field is checked as the user
 * types and says what is wrong right under it; Create stays insensitive
 * until the form can be stored. The contact and the organization are
 * picked from the stored ones (a popover of the first matches of what was
 * typed) or created by name. Whatever the store refuses is shown at the top
 * of the dialog, which stays open with the user's input.
 */

#define G_LOG_DOMAIN "rapport-deal-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-a11y.h"
#include "rapport-deal-dialog.h"
#include "rapport-form.h"
#include "rapport-record-picker.h"
#include "rapport-money.h"
#include "rapport-store-after-sales.h"
#include "rapport-time.h"

/* Fields whose message shows: the title and value once changed, the
 * currency and date once left (they are wrong until typed in full), all
 * of them once the user tries to create. A dialog that opened all red
 * would scold before anything was typed. */
typedef enum
{
  FIELD_TITLE    = 1 << 0,
  FIELD_VALUE    = 1 << 1,
  FIELD_CURRENCY = 1 << 2,
  FIELD_CLOSE    = 1 << 3,
  FIELD_ALL      = FIELD_TITLE | FIELD_VALUE | FIELD_CURRENCY | FIELD_CLOSE,
} Field;

struct _RapportDealDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkButton           *create_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwEntryRow         *title_row;
  GtkLabel            *title_message;
  AdwEntryRow         *value_row;
  GtkLabel            *value_message;
  AdwEntryRow         *currency_row;
  GtkLabel            *currency_message;
  AdwComboRow         *stage_row;
  AdwEntryRow         *close_row;
  GtkLabel            *close_message;
  GtkPopover          *calendar_popover;
  GtkCalendar         *calendar;
  RapportRecordPicker    *contact_row;
  RapportRecordPicker    *organization_row;

  /* Owned references */
  RapportContext      *context;
  RapportStore        *store;   /* the context's */

  /* State */
  gint64               repeat_of;      /* the deal a repeat deal sells again, or 0 */
  gint64               value;          /* of value_row, in minor units, when valid */
  Field                touched;
  guint                updating;       /* > 0 while code, not the user, sets text */
};

G_DEFINE_FINAL_TYPE (RapportDealDialog, rapport_deal_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


/* “1234.50” in the shape @currency's amounts take (“1234” for JPY). */
static char *
example_amount (const char *currency)
{
  int exponent = rapport_currency_exponent (currency);
  GString *example = g_string_new ("1234");

  if (exponent > 0)
    {
      g_string_append (example, ".5");
      for (int i = 1; i < exponent; i++)
        g_string_append_c (example, '0');
    }

  return g_string_free (example, FALSE);
}

static char *
dup_currency (RapportDealDialog *self)
{
  g_autofree char *text = rapport_form_dup_text (self->currency_row);

  return g_ascii_strup (text, -1);
}

/* Validation */

static char *
check_title (RapportDealDialog *self)
{
  g_autofree char *title = rapport_form_dup_text (self->title_row);

  if (*title == '\0')
    return g_strdup (_("A title is required"));

  /* Length and encoding are the store's to judge; it says so clearly. */
  return NULL;
}

static char *
check_currency (RapportDealDialog *self)
{
  g_autofree char *currency = dup_currency (self);

  if (!rapport_currency_is_valid (currency))
    /* Translators: %s is a currency code such as EUR. */
    return g_strdup_printf (_("Use a three-letter currency code, like %s"),
                            rapport_store_get_default_currency (self->store));

  return NULL;
}

static char *
check_value (RapportDealDialog *self)
{
  g_autofree char *text = rapport_form_dup_text (self->value_row);
  g_autofree char *currency = dup_currency (self);
  g_autofree char *example = NULL;

  /* Amounts are read in the currency's own minor units; until the code is
   * valid, the default currency's rules stand in. */
  if (!rapport_currency_is_valid (currency))
    {
      g_free (currency);
      currency = g_strdup (rapport_store_get_default_currency (self->store));
    }

  self->value = 0;
  if (*text == '\0')
    return NULL;

  if (rapport_money_parse (text, currency, &self->value, NULL))
    return NULL;

  if (text[0] == '-')
    return g_strdup (_("The value cannot be negative"));

  example = example_amount (currency);
  /* Translators: %s is an amount such as 1234.50. */
  return g_strdup_printf (_("Use digits, like %s"), example);
}

static char *
check_close (RapportDealDialog *self)
{
  g_autofree char *text = rapport_form_dup_text (self->close_row);
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *example = NULL;

  if (*text == '\0' || rapport_date_is_valid (text))
    return NULL;

  today = g_date_time_new_now_local ();
  example = g_date_time_format (today, "%Y-%m-%d");
  /* Translators: %s is today's date, as YYYY-MM-DD. */
  return g_strdup_printf (_("Use a date like %s, or choose one"), example);
}

/* Shows the messages of the touched fields (all of them with @show_all)
 * and makes Create sensitive when nothing is wrong. Returns the first
 * invalid row, or NULL. */
static GtkWidget *
rapport_deal_dialog_validate (RapportDealDialog *self,
                               gboolean           show_all)
{
  /* Saving tries every field: from then on each one says what is wrong. */
  guint touched = show_all ? (self->touched = FIELD_ALL) : self->touched;
  RapportFormField fields[] = {
    { self->title_row, self->title_message, check_title (self), (touched & FIELD_TITLE) != 0 },
    { self->value_row, self->value_message, check_value (self), (touched & FIELD_VALUE) != 0 },
    { self->currency_row, self->currency_message, check_currency (self), (touched & FIELD_CURRENCY) != 0 },
    { self->close_row, self->close_message, check_close (self), (touched & FIELD_CLOSE) != 0 }
  };

  g_assert (RAPPORT_IS_DEAL_DIALOG (self));

  return rapport_form_show_fields (GTK_WINDOW (self), fields, G_N_ELEMENTS (fields),
                                   GTK_WIDGET (self->create_button));
}

/* Field callbacks */

static void
rapport_deal_dialog_touch (RapportDealDialog *self,
                           Field              field)
{
  g_assert (RAPPORT_IS_DEAL_DIALOG (self));

  if (self->updating > 0)
    return;

  self->touched |= field;
  rapport_deal_dialog_validate (self, FALSE);
}

static void
on_title_changed (RapportDealDialog *self,
                  GtkEditable       *editable)
{
  rapport_deal_dialog_touch (self, FIELD_TITLE);
}

static void
on_value_changed (RapportDealDialog *self,
                  GtkEditable       *editable)
{
  rapport_deal_dialog_touch (self, FIELD_VALUE);
}

/* A currency code or a date is wrong until it is typed in full, so these
 * two are judged once the user leaves them; from then on, as they type,
 * so that a fix clears the message at once. The value's decimals depend
 * on the currency: validation checks both. */
static void
on_currency_changed (RapportDealDialog *self,
                     GtkEditable       *editable)
{
  rapport_deal_dialog_touch (self, 0);
}

static void
on_close_changed (RapportDealDialog *self,
                  GtkEditable       *editable)
{
  rapport_deal_dialog_touch (self, 0);
}

static void
on_field_focus_leave (RapportDealDialog       *self,
                      GtkEventControllerFocus *controller)
{
  Field field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (controller), "rapport-field"));
  g_autofree char *currency = NULL;

  if (self->updating > 0)
    return;

  /* “eur” is read as EUR; show it the way it will be stored. */
  if (field == FIELD_CURRENCY)
    {
      currency = dup_currency (self);
      if (rapport_currency_is_valid (currency) &&
          g_strcmp0 (currency, gtk_editable_get_text (GTK_EDITABLE (self->currency_row))) != 0)
        {
          self->updating++;
          gtk_editable_set_text (GTK_EDITABLE (self->currency_row), currency);
          self->updating--;
        }
    }

  rapport_deal_dialog_touch (self, field);
}

static void
rapport_deal_dialog_judge_on_leave (RapportDealDialog *self,
                                    AdwEntryRow       *row,
                                    Field              field)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_assert (RAPPORT_IS_DEAL_DIALOG (self));

  g_object_set_data (G_OBJECT (controller), "rapport-field", GUINT_TO_POINTER (field));
  g_signal_connect_object (controller, "leave",
                           G_CALLBACK (on_field_focus_leave), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (row), controller);
}

/* A deal is usually with the contact's company: fill it in, unless the
 * user already named one. */
static void
on_contact_picked (RapportDealDialog *self,
                   GParamSpec        *pspec,
                   RapportRecordPicker  *row)
{
  RapportRecord *contact = rapport_record_picker_get_record (row);
  g_autoptr(RapportOrganization) organization = NULL;
  g_autofree char *typed = NULL;
  gint64 organization_id;

  g_assert (RAPPORT_IS_DEAL_DIALOG (self));

  if (contact == NULL || self->store == NULL)
    return;

  organization_id = rapport_contact_get_organization_id (RAPPORT_CONTACT (contact));
  typed = rapport_record_picker_dup_name (self->organization_row);
  if (organization_id == 0 || *typed != '\0')
    return;

  organization = rapport_store_get_organization (self->store, organization_id, NULL);
  if (organization != NULL)
    rapport_record_picker_set_record (self->organization_row, RAPPORT_RECORD (organization));
}

static void
on_entry_activated (RapportDealDialog *self,
                    AdwEntryRow       *row)
{
  g_assert (RAPPORT_IS_DEAL_DIALOG (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.create", NULL);
}

static void
on_create_clicked (RapportDealDialog *self,
                   GtkButton         *button)
{
  g_assert (RAPPORT_IS_DEAL_DIALOG (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.create", NULL);
}

/* The calendar opens on the date typed, or on today. */
static void
on_calendar_popover_show (RapportDealDialog *self,
                          GtkPopover        *popover)
{
  g_autofree char *text = rapport_form_dup_text (self->close_row);
  g_autoptr(GDateTime) date = NULL;
  gint64 seconds;

  g_assert (RAPPORT_IS_DEAL_DIALOG (self));

  if (rapport_date_is_valid (text) && rapport_time_parse_iso8601 (text, &seconds, NULL))
    date = g_date_time_new_from_unix_utc (seconds);
  else
    date = g_date_time_new_now_local ();

  self->updating++;
  gtk_calendar_select_day (self->calendar, date);
  self->updating--;
}

static void
on_calendar_day_selected (RapportDealDialog *self,
                          GtkCalendar       *calendar)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;

  g_assert (RAPPORT_IS_DEAL_DIALOG (self));

  if (self->updating > 0)
    return;

  date = gtk_calendar_get_date (calendar);
  text = g_date_time_format (date, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->close_row), text);
  gtk_popover_popdown (self->calendar_popover);
}

/* Creating */

static void
rapport_deal_dialog_show_error (RapportDealDialog *self,
                                const GError      *error)
{
  g_assert (RAPPORT_IS_DEAL_DIALOG (self));

  gtk_label_set_label (self->error_label, error->message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

/* A new organization or contact is a store call of its own; once made, it
 * is the picked one, so trying again after a refused deal makes no twin. */
static gboolean
rapport_deal_dialog_ensure_organization (RapportDealDialog  *self,
                                         GError            **error)
{
  g_autofree char *name = rapport_record_picker_dup_name (self->organization_row);
  g_autoptr(RapportOrganization) organization = NULL;

  g_assert (RAPPORT_IS_DEAL_DIALOG (self));

  if (rapport_record_picker_get_record (self->organization_row) != NULL || *name == '\0')
    return TRUE;

  organization = rapport_store_add_organization (self->store, name, error);
  if (organization == NULL)
    return FALSE;

  rapport_record_picker_set_record (self->organization_row, RAPPORT_RECORD (organization));
  return TRUE;
}

static gboolean
rapport_deal_dialog_ensure_contact (RapportDealDialog  *self,
                                    GError            **error)
{
  g_autofree char *name = rapport_record_picker_dup_name (self->contact_row);
  RapportRecord *organization = rapport_record_picker_get_record (self->organization_row);
  g_autoptr(RapportContact) contact = NULL;
  RapportContactFields fields = { 0 };

  g_assert (RAPPORT_IS_DEAL_DIALOG (self));

  if (rapport_record_picker_get_record (self->contact_row) != NULL || *name == '\0')
    return TRUE;

  fields.name = name;
  /* Someone a deal is made with is past being a lead; a lead would also
   * get a speed-to-lead follow-up nobody asked for. */
  fields.lifecycle = RAPPORT_LIFECYCLE_CONTACT;
  fields.organization_id = organization ? rapport_record_get_id (organization) : 0;

  contact = rapport_store_add_contact (self->store, &fields, error);
  if (contact == NULL)
    return FALSE;

  rapport_record_picker_set_record (self->contact_row, RAPPORT_RECORD (contact));
  return TRUE;
}

static gint64
record_id_or_zero (RapportRecord *record)
{
  return record ? rapport_record_get_id (record) : 0;
}

static void
rapport_deal_dialog_create_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  RapportDealDialog *self = RAPPORT_DEAL_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  g_autofree char *title = rapport_form_dup_text (self->title_row);
  g_autofree char *currency = dup_currency (self);
  g_autofree char *close = rapport_form_dup_text (self->close_row);
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;
  RapportStage *stage = adw_combo_row_get_selected_item (self->stage_row);
  RapportDealFields fields = { 0 };
  GtkWidget *invalid;

  invalid = rapport_deal_dialog_validate (self, TRUE);
  if (invalid != NULL)
    {
      gtk_widget_grab_focus (invalid);
      return;
    }

  if (!rapport_deal_dialog_ensure_organization (self, &error) ||
      !rapport_deal_dialog_ensure_contact (self, &error))
    {
      rapport_deal_dialog_show_error (self, error);
      return;
    }

  fields.title = title;
  fields.value = self->value;
  fields.currency = currency;
  fields.stage_id = record_id_or_zero (RAPPORT_RECORD (stage));
  fields.contact_id = record_id_or_zero (rapport_record_picker_get_record (self->contact_row));
  fields.organization_id = record_id_or_zero (rapport_record_picker_get_record (self->organization_row));
  fields.expected_close = *close != '\0' ? close : NULL;
  fields.repeat_of = self->repeat_of;

  deal = rapport_store_add_deal (self->store, &fields, &error);
  if (deal == NULL)
    {
      rapport_deal_dialog_show_error (self, error);
      return;
    }

  escaped = g_markup_escape_text (rapport_deal_get_title (deal), -1);
  /* Translators: %s is the title of the deal just created. */
  message = g_strdup_printf (_("Created ‘%s’"), escaped);
  rapport_form_report_created (self->context, message, "win.open-deal",
                               rapport_record_get_id (RAPPORT_RECORD (deal)));

  gtk_window_destroy (GTK_WINDOW (self));
}

/* GObject */

static void
rapport_deal_dialog_constructed (GObject *object)
{
  RapportDealDialog *self = RAPPORT_DEAL_DIALOG (object);
  g_autoptr(RapportPipeline) pipeline = NULL;

  G_OBJECT_CLASS (rapport_deal_dialog_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));

  rapport_record_picker_set_store (self->contact_row, self->store);
  rapport_record_picker_set_store (self->organization_row, self->store);

  /* The store's own list of the stages: it follows renames and moves. */
  pipeline = rapport_store_get_current_pipeline (self->store);
  if (pipeline != NULL)
    adw_combo_row_set_model (self->stage_row, rapport_store_get_stages (self->store, pipeline));

  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row),
                         rapport_store_get_default_currency (self->store));
  self->updating--;

  rapport_deal_dialog_validate (self, FALSE);
  rapport_a11y_focus_when_shown (GTK_WIDGET (self->title_row));
}

static void
rapport_deal_dialog_dispose (GObject *object)
{
  RapportDealDialog *self = RAPPORT_DEAL_DIALOG (object);

  /* The focus leaves the fields as the window goes: nothing to check. */
  self->updating++;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_DEAL_DIALOG);

  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_deal_dialog_parent_class)->dispose (object);
}

static void
rapport_deal_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportDealDialog *self = RAPPORT_DEAL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_deal_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RapportDealDialog *self = RAPPORT_DEAL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      self->store = g_object_ref (rapport_context_get_store (self->context));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_deal_dialog_class_init (RapportDealDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_deal_dialog_constructed;
  object_class->dispose = rapport_deal_dialog_dispose;
  object_class->get_property = rapport_deal_dialog_get_property;
  object_class->set_property = rapport_deal_dialog_set_property;

  /**
   * RapportDealDialog:context:
   *
   * The store shown and edited, the undo history and the toasts.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_RECORD_PICKER);

  /* Screen readers announce it as a dialog, and tests find it as one. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/deal/deal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportDealDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDialog, title_message);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDialog, value_message);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDialog, currency_message);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDialog, stage_row);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDialog, close_row);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDialog, close_message);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDialog, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDialog, organization_row);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_value_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_currency_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_close_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_contact_picked);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);

  /* Enabled even while the form is invalid: Ctrl+Enter then points at
   * what is missing instead of doing nothing. */
  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, rapport_deal_dialog_create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "dialog.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rapport_deal_dialog_init (RapportDealDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_expression (self->stage_row,
                                gtk_property_expression_new (RAPPORT_TYPE_STAGE, NULL, "name"));

  rapport_form_label_row (self->title_row);
  rapport_form_label_row (self->value_row);
  rapport_form_label_row (self->currency_row);
  rapport_form_label_row (self->stage_row);
  rapport_form_label_row (self->close_row);
  rapport_form_label_row (self->contact_row);
  rapport_form_label_row (self->organization_row);

  rapport_deal_dialog_judge_on_leave (self, self->currency_row, FIELD_CURRENCY);
  rapport_deal_dialog_judge_on_leave (self, self->close_row, FIELD_CLOSE);

  /* The title doubles as the placeholder, so the format is said here;
   * sighted users have the calendar button. */
  g_object_set_data (G_OBJECT (self->close_row), "rapport-hint", (gpointer) _("Optional, as YYYY-MM-DD"));
}

/**
 * rapport_deal_dialog_new:
 * @parent: (nullable): the main window; the toast shows there
 * @context: the store the new deal goes to, and the toasts
 *
 * Returns: (transfer none): a new modal dialog, not yet shown
 */
GtkWidget *
rapport_deal_dialog_new (GtkWindow      *parent,
                         RapportContext *context)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_DEAL_DIALOG,
                       "context", context,
                       "transient-for", parent,
                       NULL);
}

/**
 * rapport_deal_dialog_get_store:
 *
 * Returns: (transfer none): the database the new deal goes to
 */
RapportStore *
rapport_deal_dialog_get_store (RapportDealDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL_DIALOG (self), NULL);

  return self->store;
}

/* The form filled in to sell @earlier again: its contact and
 * organization, the first stage of its pipeline, its value as a
 * suggestion, "Repeat: TITLE". */
static void
rapport_deal_dialog_prefill_repeat (RapportDealDialog *self,
                                    RapportDeal       *earlier)
{
  g_autoptr(RapportStage) stage = rapport_store_get_stage (self->store, rapport_deal_get_stage_id (earlier), NULL);
  g_autoptr(RapportStage) first = NULL;
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(RapportOrganization) organization = NULL;
  g_autoptr(RapportPipeline) pipeline = NULL;
  g_autofree char *title = NULL;
  g_autofree char *value = NULL;
  RapportDealFields fields;

  g_assert (RAPPORT_IS_DEAL_DIALOG (self));

  rapport_store_repeat_deal_fields (self->store, earlier, &fields, &title);
  self->repeat_of = fields.repeat_of;
  gtk_window_set_title (GTK_WINDOW (self), _("New Repeat Deal"));

  /* The earlier deal's pipeline, which need not be the current one. */
  if (stage != NULL && (first = rapport_store_get_stage (self->store, fields.stage_id, NULL)) != NULL)
    {
      GListModel *pipelines = rapport_store_get_pipelines (self->store);

      for (guint i = 0; i < g_list_model_get_n_items (pipelines) && pipeline == NULL; i++)
        {
          g_autoptr(RapportPipeline) one = g_list_model_get_item (pipelines, i);

          if (rapport_record_get_id (RAPPORT_RECORD (one)) == rapport_stage_get_pipeline_id (first))
            pipeline = g_steal_pointer (&one);
        }
      if (pipeline != NULL)
        adw_combo_row_set_model (self->stage_row, rapport_store_get_stages (self->store, pipeline));
      adw_combo_row_set_selected (self->stage_row, 0);
    }

  if (fields.contact_id != 0 && (contact = rapport_store_get_contact (self->store, fields.contact_id, NULL)) != NULL)
    rapport_record_picker_set_record (self->contact_row, RAPPORT_RECORD (contact));
  if (fields.organization_id != 0 &&
      (organization = rapport_store_get_organization (self->store, fields.organization_id, NULL)) != NULL)
    rapport_record_picker_set_record (self->organization_row, RAPPORT_RECORD (organization));

  value = rapport_money_to_plain (fields.value, fields.currency);
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row), fields.currency);
  gtk_editable_set_text (GTK_EDITABLE (self->value_row), value);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), fields.title);
  rapport_deal_dialog_validate (self, FALSE);
}

/**
 * rapport_deal_dialog_new_repeat:
 * @parent: (nullable): the main window
 * @context: the store, and the toasts
 * @earlier: the deal sold again
 *
 * The dialog filled in for a repeat deal of @earlier, linked to it.
 *
 * Returns: (transfer none): a new modal dialog, not yet shown
 */
GtkWidget *
rapport_deal_dialog_new_repeat (GtkWindow      *parent,
                                RapportContext *context,
                                RapportDeal    *earlier)
{
  GtkWidget *dialog;

  g_return_val_if_fail (RAPPORT_IS_DEAL (earlier), NULL);

  dialog = rapport_deal_dialog_new (parent, context);
  rapport_deal_dialog_prefill_repeat (RAPPORT_DEAL_DIALOG (dialog), earlier);
  return dialog;
}
