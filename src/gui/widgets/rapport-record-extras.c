/* rapport-record-extras.c — the tags and custom fields of a contact or an
 * organization
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tags show as chips (click one to take it away) above an entry that adds
 * one; the team's fields as one row each: an entry row for text, numbers
 * and dates, a combo row for a choice. Each change is one store call, on
 * the window's undo history; a refused value is explained under the
 * fields and the row keeps what was typed. The record's updated-at moves
 * with every write, whoever makes it, and the section reads itself again.
 */

#define G_LOG_DOMAIN "rapport-record-extras"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-record-extras.h"

/* One custom field's row. */
typedef struct
{
  RapportRecordExtras *self;     /* unowned: it owns the row */
  RapportCustomField  *field;
  GtkWidget           *row;      /* AdwEntryRow or AdwComboRow, in fields_list */
  GtkEventController  *focus;    /* an entry row's, or NULL */
  char                *synced;   /* the stored value shown, or NULL */
} FieldRow;

struct _RapportRecordExtras
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkFlowBox          *tags_box;
  GtkEntry            *tag_entry;
  AdwPreferencesGroup *fields_group;
  GtkListBox          *fields_list;
  GtkLabel            *field_message;

  /* Owned references */
  RapportContext      *context;
  RapportStore        *store;     /* the context's */
  RapportRecord       *record;
  GPtrArray           *field_rows;  /* FieldRow */

  RapportEntity        entity;
  guint                syncing;   /* > 0 while code sets rows from the store */
};

G_DEFINE_FINAL_TYPE (RapportRecordExtras, rapport_record_extras, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
record_id (RapportRecordExtras *self)
{
  return rapport_record_get_id (self->record);
}

/* Undo: a tag given back or taken away again, a value put back. */

typedef struct
{
  RapportEntity       entity;
  gint64              id;
  char               *tag;       /* a tag's step… */
  gboolean            present;   /* …what it was before */
  RapportCustomField *field;     /* a value's step… */
  char               *value;     /* …the value before, NULL for none */
} Step;

static void
step_free (Step *step)
{
  g_free (step->tag);
  rapport_custom_field_free (step->field);
  g_free (step->value);
  g_free (step);
}

static gboolean
undo_step (RapportStore  *store,
           gpointer       data,
           GError       **error)
{
  Step *step = data;

  if (step->tag != NULL)
    return rapport_store_set_tag (store, step->entity, step->id, step->tag, step->present, error);
  return rapport_store_set_custom_value (store, step->id, step->field, step->value, error);
}

static RapportCustomField *
field_copy (const RapportCustomField *field)
{
  RapportCustomField *copy = g_new0 (RapportCustomField, 1);

  *copy = *field;
  copy->name = g_strdup (field->name);
  copy->choices = g_strdupv (field->choices);
  return copy;
}

/* Tags */

static void
set_tag (RapportRecordExtras *self,
         const char          *tag,
         gboolean             present)
{
  g_autoptr(GError) error = NULL;
  Step *step;

  if (!rapport_store_set_tag (self->store, self->entity, record_id (self), tag, present, &error))
    {
      rapport_context_report_error (self->context, error);
      return;
    }

  step = g_new0 (Step, 1);
  step->entity = self->entity;
  step->id = record_id (self);
  step->tag = g_strdup (tag);
  step->present = !present;
  rapport_context_push_undo (self->context,
                             present ? _("Added a tag") : _("Removed a tag"),
                             undo_step, step, (GDestroyNotify) step_free);
}

static void
on_chip_clicked (RapportRecordExtras *self,
                 GtkButton           *chip)
{
  g_autofree char *tag = g_strdup (gtk_widget_get_name (GTK_WIDGET (chip)));

  set_tag (self, tag, FALSE);
}

static GtkWidget *
create_chip (RapportRecordExtras *self,
             const char          *tag)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  g_autofree char *description = NULL;

  gtk_box_append (GTK_BOX (box), gtk_label_new (tag));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  /* The widget's name is its tag: the click says which. */
  gtk_widget_set_name (button, tag);
  gtk_widget_add_css_class (button, "tag-chip");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  /* Translators: a tag's button on a record; %s is the tag */
  description = g_strdup_printf (_("Remove the tag “%s”"), tag);
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_chip_clicked), self, G_CONNECT_SWAPPED);
  return button;
}

static void
sync_tags (RapportRecordExtras *self)
{
  g_auto(GStrv) tags = rapport_store_get_tags (self->store, self->entity, record_id (self), NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_flow_box_remove (self->tags_box, child);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    gtk_flow_box_append (self->tags_box, create_chip (self, tags[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), tags != NULL && tags[0] != NULL);
}

static void
on_tag_activate (RapportRecordExtras *self)
{
  g_autofree char *tag = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tag_entry))));

  if (*tag == '\0')
    return;
  set_tag (self, tag, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
}

/* Custom fields */

static void
show_field_message (RapportRecordExtras *self,
                    FieldRow            *field_row,
                    const char          *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (field_row->row, "error");
  else
    gtk_widget_remove_css_class (field_row->row, "error");
  gtk_label_set_label (self->field_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->field_message), message != NULL);
}

static void
save_value (FieldRow   *field_row,
            const char *text)
{
  RapportRecordExtras *self = field_row->self;
  g_autofree char *value = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  Step *step;

  if (self->syncing > 0 || g_strcmp0 (value, field_row->synced ? field_row->synced : "") == 0)
    {
      show_field_message (self, field_row, NULL);
      return;
    }
  if (!rapport_store_set_custom_value (self->store, record_id (self), field_row->field, value, &error))
    {
      show_field_message (self, field_row, error->message);
      return;
    }
  show_field_message (self, field_row, NULL);

  step = g_new0 (Step, 1);
  step->entity = self->entity;
  step->id = record_id (self);
  step->field = field_copy (field_row->field);
  step->value = g_strdup (field_row->synced);
  /* Translators: an undoable change; %s is the name of a field the team made */
  label = g_strdup_printf (_("Changed “%s”"), field_row->field->name);
  rapport_context_push_undo (self->context, label, undo_step, step, (GDestroyNotify) step_free);
}

static void
on_entry_row_save (FieldRow *field_row)
{
  save_value (field_row, gtk_editable_get_text (GTK_EDITABLE (field_row->row)));
}

static void
on_combo_row_selected (FieldRow *field_row)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field_row->row));
  GStrv choices = field_row->field->choices;

  /* The first item is "none". */
  if (selected == GTK_INVALID_LIST_POSITION || selected > g_strv_length (choices))
    return;
  save_value (field_row, selected == 0 ? NULL : choices[selected - 1]);
}

static void
field_row_free (FieldRow *field_row)
{
  /* The row may outlive its entry here (it goes with the template). */
  g_signal_handlers_disconnect_by_data (field_row->row, field_row);
  if (field_row->focus != NULL)
    g_signal_handlers_disconnect_by_data (field_row->focus, field_row);
  rapport_custom_field_free (field_row->field);
  g_free (field_row->synced);
  g_free (field_row);
}

static GtkWidget *
create_field_row (FieldRow *field_row)
{
  const RapportCustomField *field = field_row->field;
  GtkWidget *row;

  if (field->type == RAPPORT_FIELD_CHOICE)
    {
      g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);

      /* Translators: a choice field's value when none is chosen */
      gtk_string_list_append (items, C_("choice", "None"));
      for (guint i = 0; field->choices[i] != NULL; i++)
        gtk_string_list_append (items, field->choices[i]);
      row = adw_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (items));
      g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_combo_row_selected), field_row);
    }
  else
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      row = adw_entry_row_new ();
      if (field->type != RAPPORT_FIELD_TEXT)
        gtk_editable_set_alignment (GTK_EDITABLE (row), 0.0);
      g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (on_entry_row_save), field_row);
      g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_entry_row_save), field_row);
      gtk_widget_add_controller (row, focus);
      field_row->focus = focus;
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, field->name, -1);
  return row;
}

/* Shows the stored value, unless the user is typing in the row. */
static void
sync_field_row (FieldRow   *field_row,
                const char *value)
{
  RapportRecordExtras *self = field_row->self;
  GtkRoot *root = gtk_widget_get_root (field_row->row);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  g_free (field_row->synced);
  field_row->synced = g_strdup (value);

  self->syncing++;
  if (ADW_IS_COMBO_ROW (field_row->row))
    {
      guint selected = 0;

      for (guint i = 0; value != NULL && field_row->field->choices[i] != NULL; i++)
        if (g_str_equal (field_row->field->choices[i], value))
          selected = i + 1;
      adw_combo_row_set_selected (ADW_COMBO_ROW (field_row->row), selected);
    }
  else if (focus == NULL || !gtk_widget_is_ancestor (focus, field_row->row))
    gtk_editable_set_text (GTK_EDITABLE (field_row->row), value != NULL ? value : "");
  self->syncing--;
}

static void
sync_values (RapportRecordExtras *self)
{
  g_autoptr(GPtrArray) values = rapport_store_get_custom_values (self->store, self->entity, record_id (self), NULL);

  for (guint i = 0; i < self->field_rows->len; i++)
    {
      FieldRow *field_row = self->field_rows->pdata[i];

      sync_field_row (field_row, rapport_custom_values_lookup (values, field_row->field->id));
    }
}

/* The kind's fields, as many rows (again when the team adds one). */
static void
build_field_rows (RapportRecordExtras *self)
{
  g_autoptr(GPtrArray) fields = rapport_store_get_custom_fields (self->store, self->entity, NULL);

  g_autoptr(GPtrArray) old_rows = g_ptr_array_new_with_free_func (g_object_unref);

  /* The rows' handlers go first, while the rows are alive; then the rows. */
  for (guint i = 0; i < self->field_rows->len; i++)
    g_ptr_array_add (old_rows, g_object_ref (((FieldRow *) self->field_rows->pdata[i])->row));
  g_ptr_array_set_size (self->field_rows, 0);
  for (guint i = 0; i < old_rows->len; i++)
    gtk_list_box_remove (self->fields_list, old_rows->pdata[i]);

  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      FieldRow *field_row = g_new0 (FieldRow, 1);

      field_row->self = self;
      field_row->field = g_steal_pointer (&fields->pdata[i]);
      field_row->row = create_field_row (field_row);
      gtk_list_box_append (self->fields_list, field_row->row);
      g_ptr_array_add (self->field_rows, field_row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->fields_list), self->field_rows->len > 0);
  sync_values (self);
}

/* Add Field…: a name, a type and, for a choice, its choices. The field is
 * the team's: every record of the kind has it from then on. */

typedef struct
{
  RapportRecordExtras *self;
  GtkEditable         *name;
  GtkDropDown         *type;
  GtkEditable         *choices;
  GtkWidget           *choices_box;
} AddField;

static void
add_field_free (gpointer  data,
                GClosure *closure)
{
  AddField *add = data;

  g_object_unref (add->self);
  g_free (add);
}

/* In the order of RapportFieldType. */
static GtkStringList *
type_names (void)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, C_("field type", "Text"));
  gtk_string_list_append (names, C_("field type", "Number"));
  gtk_string_list_append (names, C_("field type", "Date"));
  gtk_string_list_append (names, C_("field type", "Choice"));
  return names;
}

static void
on_add_field_type (AddField *add)
{
  gtk_widget_set_visible (add->choices_box, gtk_drop_down_get_selected (add->type) == RAPPORT_FIELD_CHOICE);
}

static void
on_add_field_name (AddField         *add,
                   GtkEditable      *entry)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (entry), ADW_TYPE_MESSAGE_DIALOG);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", *name != '\0');
}

static void
on_add_field_response (AdwMessageDialog *dialog,
                       const char       *response,
                       AddField         *add)
{
  RapportRecordExtras *self = add->self;
  RapportFieldType type = (RapportFieldType) gtk_drop_down_get_selected (add->type);
  g_auto(GStrv) choices = NULL;
  g_autoptr(RapportCustomField) field = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add"))
    return;
  if (type == RAPPORT_FIELD_CHOICE)
    choices = g_strsplit (gtk_editable_get_text (add->choices), ",", -1);
  field = rapport_store_add_custom_field (self->store, self->entity, gtk_editable_get_text (add->name), type,
                                          (const char * const *) choices, &error);
  if (field == NULL)
    rapport_context_report_error (self->context, error);
}

static GtkWidget *
labelled_entry (const char  *label,
                GtkEditable **entry)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (label);

  *entry = GTK_EDITABLE (gtk_entry_new ());
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), GTK_WIDGET (*entry));
  gtk_accessible_update_property (GTK_ACCESSIBLE (*entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*entry));
  return box;
}

static void
rapport_record_extras_add_field_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  RapportRecordExtras *self = RAPPORT_RECORD_EXTRAS (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkStringList) names = type_names ();
  AddField *add = g_new0 (AddField, 1);
  GtkWidget *dialog, *box, *type_label;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->entity == RAPPORT_ENTITY_CONTACT ? _("New Field for Contacts")
                                                                          : _("New Field for Organizations"),
                                   self->entity == RAPPORT_ENTITY_CONTACT
                                     ? _("Every contact gets the field, empty until it is filled in.")
                                     : _("Every organization gets the field, empty until it is filled in."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  add->self = g_object_ref (self);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), labelled_entry (_("Name"), &add->name));
  gtk_entry_set_activates_default (GTK_ENTRY (add->name), TRUE);
  type_label = gtk_label_new (_("Type"));
  gtk_label_set_xalign (GTK_LABEL (type_label), 0);
  add->type = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add->type), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Type"), -1);
  gtk_box_append (GTK_BOX (box), type_label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (add->type));
  add->choices_box = labelled_entry (_("Choices, separated by commas"), &add->choices);
  gtk_widget_set_visible (add->choices_box, FALSE);
  gtk_box_append (GTK_BOX (box), add->choices_box);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_signal_connect_swapped (add->type, "notify::selected", G_CALLBACK (on_add_field_type), add);
  g_signal_connect_swapped (add->name, "changed", G_CALLBACK (on_add_field_name), add);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_add_field_response), add,
                         add_field_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (add->name));
}

static void
on_record_updated (RapportRecordExtras *self)
{
  sync_tags (self);
  sync_values (self);
}

static void
on_kind_notice (RapportRecordExtras *self,
                const RapportNotice *notice,
                RapportStore        *store)
{
  if (notice->change == RAPPORT_CHANGE_RELOAD)
    {
      build_field_rows (self);
      sync_tags (self);
    }
}

static void
rapport_record_extras_constructed (GObject *object)
{
  RapportRecordExtras *self = RAPPORT_RECORD_EXTRAS (object);

  G_OBJECT_CLASS (rapport_record_extras_parent_class)->constructed (object);

  self->store = g_object_ref (rapport_context_get_store (self->context));
  self->entity = RAPPORT_IS_CONTACT (self->record) ? RAPPORT_ENTITY_CONTACT : RAPPORT_ENTITY_ORGANIZATION;

  g_signal_connect_object (self->record, "notify::updated-at", G_CALLBACK (on_record_updated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store,
                           self->entity == RAPPORT_ENTITY_CONTACT ? "notice::contact" : "notice::organization",
                           G_CALLBACK (on_kind_notice), self, G_CONNECT_SWAPPED);
  sync_tags (self);
  build_field_rows (self);
}

static void
rapport_record_extras_dispose (GObject *object)
{
  RapportRecordExtras *self = RAPPORT_RECORD_EXTRAS (object);

  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_RECORD_EXTRAS);
  g_clear_object (&self->record);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_record_extras_parent_class)->dispose (object);
}

static void
rapport_record_extras_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportRecordExtras *self = RAPPORT_RECORD_EXTRAS (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_record_extras_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RapportRecordExtras *self = RAPPORT_RECORD_EXTRAS (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_record_extras_class_init (RapportRecordExtrasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_record_extras_constructed;
  object_class->dispose = rapport_record_extras_dispose;
  object_class->get_property = rapport_record_extras_get_property;
  object_class->set_property = rapport_record_extras_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* A RapportContact or a RapportOrganization. */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, RAPPORT_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/widgets/record-extras.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportRecordExtras, tags_box);
  gtk_widget_class_bind_template_child (widget_class, RapportRecordExtras, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportRecordExtras, fields_group);
  gtk_widget_class_bind_template_child (widget_class, RapportRecordExtras, fields_list);
  gtk_widget_class_bind_template_child (widget_class, RapportRecordExtras, field_message);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_activate);

  gtk_widget_class_install_action (widget_class, "extras.add-field", NULL, rapport_record_extras_add_field_action);
}

static void
rapport_record_extras_init (RapportRecordExtras *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->field_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) field_row_free);
}

GtkWidget *
rapport_record_extras_new (RapportContext *context,
                           RapportRecord  *record)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (RAPPORT_IS_CONTACT (record) || RAPPORT_IS_ORGANIZATION (record), NULL);

  return g_object_new (RAPPORT_TYPE_RECORD_EXTRAS, "context", context, "record", record, NULL);
}
