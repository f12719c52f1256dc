/* rapport-picker-row.c — an entry row that picks a stored record or names a new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Typing shows a popover of the stored contacts or organizations whose
 * names start with the text (the first few, found over an index); Up,
 * Down and Enter pick from it without the focus leaving the entry. Text
 * that matches none names a new record, which the form creates. The one
 * record picker of the app: the New Deal and New Lead dialogs and the
 * contact page use it.
 */

#define G_LOG_DOMAIN "rapport-picker-row"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-picker-row.h"

/* Enough to pick from without scrolling; the store finds them with one
 * index range, so asking on every key costs nothing with 200 000 rows. */
#define MAX_MATCHES 8

struct _RapportPickerRow
{
  AdwEntryRow     parent_instance;

  /* Widgets */
  GtkWidget      *new_label;
  GtkPopover     *popover;         /* parented to the row; never focused */
  GtkListBox     *list;

  /* Owned references */
  RapportStore   *store;
  RapportRecord  *record;          /* the one picked; NULL: a new one by name */

  GType           record_type;     /* RAPPORT_TYPE_CONTACT or _ORGANIZATION */
  guint           updating;        /* > 0 while code, not the user, sets the text */
};

G_DEFINE_FINAL_TYPE (RapportPickerRow, rapport_picker_row, ADW_TYPE_ENTRY_ROW)

enum {
  PICKER_PROP_0,
  PICKER_PROP_STORE,
  PICKER_PROP_RECORD_TYPE,
  PICKER_PROP_RECORD,
  PICKER_N_PROPS
};

static GParamSpec *picker_properties[PICKER_N_PROPS];

static gboolean
picker_is_contact (RapportPickerRow *self)
{
  return self->record_type == RAPPORT_TYPE_CONTACT;
}

static const char *
record_name (RapportRecord *record)
{
  if (RAPPORT_IS_CONTACT (record))
    return rapport_contact_get_name (RAPPORT_CONTACT (record));

  return rapport_organization_get_name (RAPPORT_ORGANIZATION (record));
}

/* What tells two “Ann Lee”s apart. */
static const char *
record_detail (RapportRecord *record)
{
  const char *detail;

  if (RAPPORT_IS_CONTACT (record))
    {
      detail = rapport_contact_get_email (RAPPORT_CONTACT (record));
      if (detail == NULL || *detail == '\0')
        detail = rapport_contact_get_phone (RAPPORT_CONTACT (record));
    }
  else
    {
      detail = rapport_organization_get_website (RAPPORT_ORGANIZATION (record));
      if (detail == NULL || *detail == '\0')
        detail = rapport_organization_get_phone (RAPPORT_ORGANIZATION (record));
    }

  return detail;
}

static void
rapport_picker_row_update_new_label (RapportPickerRow *self)
{
  g_autofree char *name = rapport_picker_row_dup_name (self);

  g_assert (RAPPORT_IS_PICKER_ROW (self));

  gtk_widget_set_visible (self->new_label, *name != '\0' && self->record == NULL);
}

static GtkWidget *
create_match_row (RapportRecord *record,
                  const char    *prefix)
{
  const char *name = record_name (record);
  const char *detail = record_detail (record);
  gsize bold = strlen (prefix);
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  g_autofree char *markup = NULL;
  GtkWidget *row, *box, *labels, *label;

  /* The store matches ignoring ASCII case, so the typed part is as many
   * bytes of the name; anything else gets no bold rather than a cut
   * character. */
  if (g_ascii_strncasecmp (name, prefix, bold) != 0)
    bold = 0;
  head = g_markup_escape_text (name, bold);
  tail = g_markup_escape_text (name + bold, -1);
  markup = g_strdup_printf ("<b>%s</b>%s", head, tail);

  row = gtk_list_box_row_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "rapport-record",
                          g_object_ref (record), g_object_unref);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_box_append (GTK_BOX (box), adw_avatar_new (32, name, TRUE));

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (labels), label);

  if (detail != NULL && *detail != '\0')
    {
      label = gtk_label_new (detail);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (labels), label);
    }

  return row;
}

static GtkWidget *
create_new_row (RapportPickerRow *self,
                const char       *name)
{
  g_autofree char *text = NULL;
  GtkWidget *row, *box, *icon, *label;

  if (picker_is_contact (self))
    /* Translators: %s is the name typed in the Contact field. */
    text = g_strdup_printf (_("Add “%s” as a new contact"), name);
  else
    /* Translators: %s is the name typed in the Organization field. */
    text = g_strdup_printf (_("Add “%s” as a new organization"), name);

  row = gtk_list_box_row_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* As wide as an avatar, so the names line up. */
  icon = gtk_image_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_size_request (icon, 32, 32);
  gtk_box_append (GTK_BOX (box), icon);

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  return row;
}

static void
rapport_picker_row_hide_matches (RapportPickerRow *self)
{
  g_assert (RAPPORT_IS_PICKER_ROW (self));

  /* Focus leaves the row while its window is destroyed, after dispose. */
  if (self->popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_popdown (self->popover);
}

static void
rapport_picker_row_show_matches (RapportPickerRow *self)
{
  g_autofree char *name = rapport_picker_row_dup_name (self);
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_assert (RAPPORT_IS_PICKER_ROW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (*name == '\0' || self->store == NULL)
    {
      rapport_picker_row_hide_matches (self);
      return;
    }

  if (picker_is_contact (self))
    matches = rapport_store_find_contacts_by_prefix (self->store, name, MAX_MATCHES, &error);
  else
    matches = rapport_store_find_organizations_by_prefix (self->store, name, MAX_MATCHES, &error);

  /* A busy or vanished file costs the suggestions, not the typing; the
   * store says what is wrong when the user creates. */
  if (matches == NULL)
    g_debug ("No matches for “%s”: %s", name, error->message);

  for (guint i = 0; matches != NULL && i < matches->len; i++)
    gtk_list_box_append (self->list, create_match_row (g_ptr_array_index (matches, i), name));
  gtk_list_box_append (self->list, create_new_row (self, name));

  /* The first row is what Enter takes, as in other pickers. */
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));

  gtk_widget_set_size_request (GTK_WIDGET (self->list),
                               MAX (gtk_widget_get_width (GTK_WIDGET (self)) - 24, 240), -1);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_popup (self->popover);
}

static void
rapport_picker_row_take_row (RapportPickerRow *self,
                             GtkListBoxRow    *row)
{
  RapportRecord *record;

  g_assert (RAPPORT_IS_PICKER_ROW (self));

  rapport_picker_row_hide_matches (self);

  /* “Add as new” has no record: the typed name stays, to be created. */
  record = g_object_get_data (G_OBJECT (row), "rapport-record");
  if (record != NULL)
    rapport_picker_row_set_record (self, record);
}

static void
rapport_picker_row_move_selection (RapportPickerRow *self,
                                   int               delta)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  int index = row ? gtk_list_box_row_get_index (row) + delta : 0;
  GtkListBoxRow *next = gtk_list_box_get_row_at_index (self->list, MAX (index, 0));

  g_assert (RAPPORT_IS_PICKER_ROW (self));

  if (next != NULL)
    gtk_list_box_select_row (self->list, next);
}

/* Keys reach the entry, not the popover (which never has the focus): the
 * arrows move through the matches, Enter takes one, Escape closes the
 * list without closing the dialog. */
static gboolean
on_picker_key_pressed (RapportPickerRow      *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  GtkListBoxRow *row;

  g_assert (RAPPORT_IS_PICKER_ROW (self));

  if (self->popover == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      rapport_picker_row_move_selection (self, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      rapport_picker_row_move_selection (self, -1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      /* Ctrl+Enter is the dialog's: create with the name as typed. */
      if ((state & GDK_CONTROL_MASK) ||
          (row = gtk_list_box_get_selected_row (self->list)) == NULL)
        {
          rapport_picker_row_hide_matches (self);
          return GDK_EVENT_PROPAGATE;
        }
      rapport_picker_row_take_row (self, row);
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      rapport_picker_row_hide_matches (self);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
on_picker_focus_leave (RapportPickerRow        *self,
                       GtkEventControllerFocus *controller)
{
  g_assert (RAPPORT_IS_PICKER_ROW (self));

  rapport_picker_row_hide_matches (self);
}

static void
on_picker_row_activated (RapportPickerRow *self,
                         GtkListBoxRow    *row,
                         GtkListBox       *list)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (self));

  g_assert (RAPPORT_IS_PICKER_ROW (self));

  rapport_picker_row_take_row (self, row);

  /* Back to typing after the name, not over a selection of it. */
  if (GTK_IS_TEXT (text))
    gtk_text_grab_focus_without_selecting (GTK_TEXT (text));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_picker_changed (RapportPickerRow *self,
                   GtkEditable      *editable)
{
  g_assert (RAPPORT_IS_PICKER_ROW (self));

  if (self->updating > 0)
    return;

  /* Typing over a picked name means another one. */
  if (self->record != NULL)
    {
      g_clear_object (&self->record);
      g_object_notify_by_pspec (G_OBJECT (self), picker_properties[PICKER_PROP_RECORD]);
    }

  rapport_picker_row_update_new_label (self);
  rapport_picker_row_show_matches (self);
}

static void
rapport_picker_row_constructed (GObject *object)
{
  RapportPickerRow *self = RAPPORT_PICKER_ROW (object);

  G_OBJECT_CLASS (rapport_picker_row_parent_class)->constructed (object);

  gtk_widget_set_tooltip_text (self->new_label,
                               picker_is_contact (self)
                               ? _("A new contact will be created")
                               : _("A new organization will be created"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  picker_is_contact (self)
                                  ? _("Matching Contacts")
                                  : _("Matching Organizations"),
                                  -1);
}

static void
rapport_picker_row_dispose (GObject *object)
{
  RapportPickerRow *self = RAPPORT_PICKER_ROW (object);

  /* A popover is no ordinary child: its parent must let it go. */
  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
      self->list = NULL;
    }

  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_picker_row_parent_class)->dispose (object);
}

static void
rapport_picker_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportPickerRow *self = RAPPORT_PICKER_ROW (object);

  switch (prop_id)
    {
    case PICKER_PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PICKER_PROP_RECORD_TYPE:
      g_value_set_gtype (value, self->record_type);
      break;

    case PICKER_PROP_RECORD:
      g_value_set_object (value, self->record);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_picker_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RapportPickerRow *self = RAPPORT_PICKER_ROW (object);

  switch (prop_id)
    {
    case PICKER_PROP_STORE:
      rapport_picker_row_set_store (self, g_value_get_object (value));
      break;

    case PICKER_PROP_RECORD_TYPE:
      /* Anything but organizations, the default RapportRecord included,
       * means contacts. */
      self->record_type = g_value_get_gtype (value) == RAPPORT_TYPE_ORGANIZATION
                          ? RAPPORT_TYPE_ORGANIZATION : RAPPORT_TYPE_CONTACT;
      break;

    case PICKER_PROP_RECORD:
      rapport_picker_row_set_record (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_picker_row_class_init (RapportPickerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rapport_picker_row_constructed;
  object_class->dispose = rapport_picker_row_dispose;
  object_class->get_property = rapport_picker_row_get_property;
  object_class->set_property = rapport_picker_row_set_property;

  /**
   * RapportPickerRow:store:
   *
   * Where the matches come from. Set after construction, since a
   * template builds the row before its dialog knows the store.
   */
  picker_properties[PICKER_PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportPickerRow:record-type:
   *
   * What is picked: RapportContact (the default) or RapportOrganization.
   */
  picker_properties[PICKER_PROP_RECORD_TYPE] =
    g_param_spec_gtype ("record-type", NULL, NULL,
                        RAPPORT_TYPE_RECORD,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * RapportPickerRow:record:
   *
   * The stored contact or organization picked, or %NULL when the text
   * names a new one (or nothing).
   */
  picker_properties[PICKER_PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL,
                         RAPPORT_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, PICKER_N_PROPS, picker_properties);

  /* So that templates can name them in record-type. */
  g_type_ensure (RAPPORT_TYPE_CONTACT);
  g_type_ensure (RAPPORT_TYPE_ORGANIZATION);
}

static void
rapport_picker_row_init (RapportPickerRow *self)
{
  GtkEventController *controller;

  self->record_type = RAPPORT_TYPE_CONTACT;

  /* Translators: shown next to a name that matches no stored contact or
   * organization, which will be created. */
  self->new_label = gtk_label_new (_("New"));
  gtk_widget_set_valign (self->new_label, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->new_label, FALSE);
  gtk_widget_add_css_class (self->new_label, "caption-heading");
  gtk_widget_add_css_class (self->new_label, "accent");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->new_label);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  /* Its selected row shows even though the list never has the focus. */
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect_object (self->list, "row-activated",
                           G_CALLBACK (on_picker_row_activated), self,
                           G_CONNECT_SWAPPED);

  /* Not focusable and not auto-hiding: typing goes on in the entry while
   * the matches follow it, as GtkEntryCompletion does. */
  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, GTK_WIDGET (self->list));
  gtk_popover_set_autohide (self->popover, FALSE);
  gtk_popover_set_has_arrow (self->popover, FALSE);
  gtk_popover_set_position (self->popover, GTK_POS_BOTTOM);
  gtk_widget_set_can_focus (GTK_WIDGET (self->popover), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));

  g_signal_connect_swapped (self, "changed", G_CALLBACK (on_picker_changed), self);

  /* Capture: before the entry's own Enter and the dialog's Escape. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_picker_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_picker_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/**
 * rapport_picker_row_get_store:
 *
 * Returns: (transfer none) (nullable): where the matches come from
 */
RapportStore *
rapport_picker_row_get_store (RapportPickerRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_PICKER_ROW (self), NULL);

  return self->store;
}

void
rapport_picker_row_set_store (RapportPickerRow *self,
                              RapportStore     *store)
{
  g_return_if_fail (RAPPORT_IS_PICKER_ROW (self));
  g_return_if_fail (!store || RAPPORT_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), picker_properties[PICKER_PROP_STORE]);
}

/**
 * rapport_picker_row_get_record:
 *
 * Returns: (transfer none) (nullable): the stored contact or organization
 *   picked, or %NULL when the text names a new one (or nothing)
 */
RapportRecord *
rapport_picker_row_get_record (RapportPickerRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_PICKER_ROW (self), NULL);

  return self->record;
}

/**
 * rapport_picker_row_set_record:
 * @record: (nullable): a stored contact or organization
 *
 * Picks @record and shows its name; %NULL keeps the text, as a new name.
 */
void
rapport_picker_row_set_record (RapportPickerRow *self,
                               RapportRecord    *record)
{
  g_return_if_fail (RAPPORT_IS_PICKER_ROW (self));
  g_return_if_fail (!record || G_TYPE_CHECK_INSTANCE_TYPE (record, self->record_type));

  if (!g_set_object (&self->record, record))
    return;

  if (record != NULL)
    {
      self->updating++;
      gtk_editable_set_text (GTK_EDITABLE (self), record_name (record));
      gtk_editable_set_position (GTK_EDITABLE (self), -1);
      self->updating--;
    }

  rapport_picker_row_update_new_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), picker_properties[PICKER_PROP_RECORD]);
}

/**
 * rapport_picker_row_dup_name:
 *
 * Returns: (transfer full): the text, without surrounding white space
 */
char *
rapport_picker_row_dup_name (RapportPickerRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_PICKER_ROW (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
}
