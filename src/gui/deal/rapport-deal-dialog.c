/* rapport-deal-dialog.c — the “New Deal” dialog, and its pick-or-create row
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

#include "rapport-deal-dialog.h"
#include "rapport-form.h"
#include "rapport-money.h"
#include "rapport-time.h"
#include "rapport-window.h"

/* ------------------------------------------------------------------------
 * RapportPickerRow
 * ------------------------------------------------------------------------ */

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

/* ------------------------------------------------------------------------
 * RapportDealDialog
 * ------------------------------------------------------------------------ */

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
  RapportPickerRow    *contact_row;
  RapportPickerRow    *organization_row;

  /* Owned references */
  RapportStore        *store;

  /* State */
  gint64               value;          /* of value_row, in minor units, when valid */
  Field                touched;
  guint                updating;       /* > 0 while code, not the user, sets text */
};

G_DEFINE_FINAL_TYPE (RapportDealDialog, rapport_deal_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
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
                   RapportPickerRow  *row)
{
  RapportRecord *contact = rapport_picker_row_get_record (row);
  g_autoptr(RapportOrganization) organization = NULL;
  g_autofree char *typed = NULL;
  gint64 organization_id;

  g_assert (RAPPORT_IS_DEAL_DIALOG (self));

  if (contact == NULL || self->store == NULL)
    return;

  organization_id = rapport_contact_get_organization_id (RAPPORT_CONTACT (contact));
  typed = rapport_picker_row_dup_name (self->organization_row);
  if (organization_id == 0 || *typed != '\0')
    return;

  organization = rapport_store_get_organization (self->store, organization_id, NULL);
  if (organization != NULL)
    rapport_picker_row_set_record (self->organization_row, RAPPORT_RECORD (organization));
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
  g_autofree char *name = rapport_picker_row_dup_name (self->organization_row);
  g_autoptr(RapportOrganization) organization = NULL;

  g_assert (RAPPORT_IS_DEAL_DIALOG (self));

  if (rapport_picker_row_get_record (self->organization_row) != NULL || *name == '\0')
    return TRUE;

  organization = rapport_store_add_organization (self->store, name, error);
  if (organization == NULL)
    return FALSE;

  rapport_picker_row_set_record (self->organization_row, RAPPORT_RECORD (organization));
  return TRUE;
}

static gboolean
rapport_deal_dialog_ensure_contact (RapportDealDialog  *self,
                                    GError            **error)
{
  g_autofree char *name = rapport_picker_row_dup_name (self->contact_row);
  RapportRecord *organization = rapport_picker_row_get_record (self->organization_row);
  g_autoptr(RapportContact) contact = NULL;
  RapportContactFields fields = { 0 };

  g_assert (RAPPORT_IS_DEAL_DIALOG (self));

  if (rapport_picker_row_get_record (self->contact_row) != NULL || *name == '\0')
    return TRUE;

  fields.name = name;
  /* Someone a deal is made with is past being a lead; a lead would also
   * get a speed-to-lead follow-up nobody asked for. */
  fields.lifecycle = RAPPORT_LIFECYCLE_CONTACT;
  fields.organization_id = organization ? rapport_record_get_id (organization) : 0;

  contact = rapport_store_add_contact (self->store, &fields, error);
  if (contact == NULL)
    return FALSE;

  rapport_picker_row_set_record (self->contact_row, RAPPORT_RECORD (contact));
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
  fields.contact_id = record_id_or_zero (rapport_picker_row_get_record (self->contact_row));
  fields.organization_id = record_id_or_zero (rapport_picker_row_get_record (self->organization_row));
  fields.expected_close = *close != '\0' ? close : NULL;

  deal = rapport_store_add_deal (self->store, &fields, &error);
  if (deal == NULL)
    {
      rapport_deal_dialog_show_error (self, error);
      return;
    }

  escaped = g_markup_escape_text (rapport_deal_get_title (deal), -1);
  /* Translators: %s is the title of the deal just created. */
  message = g_strdup_printf (_("Created ‘%s’"), escaped);
  rapport_form_report_created (GTK_WINDOW (self), message, "win.open-deal",
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

  rapport_picker_row_set_store (self->contact_row, self->store);
  rapport_picker_row_set_store (self->organization_row, self->store);

  /* The store's own list of the stages: it follows renames and moves. */
  pipeline = rapport_store_get_current_pipeline (self->store);
  if (pipeline != NULL)
    adw_combo_row_set_model (self->stage_row, rapport_store_get_stages (self->store, pipeline));

  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row),
                         rapport_store_get_default_currency (self->store));
  self->updating--;

  rapport_deal_dialog_validate (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
rapport_deal_dialog_dispose (GObject *object)
{
  RapportDealDialog *self = RAPPORT_DEAL_DIALOG (object);

  /* The focus leaves the fields as the window goes: nothing to check. */
  self->updating++;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_DEAL_DIALOG);

  g_clear_object (&self->store);

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
    case PROP_STORE:
      g_value_set_object (value, self->store);
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
    case PROP_STORE:
      self->store = g_value_dup_object (value);
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
   * RapportDealDialog:store:
   *
   * The database the new deal goes to.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_PICKER_ROW);

  /* Screen readers announce it as a dialog, and tests find it as one. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Rapport/ui/deal/deal-dialog.ui");
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
 * @store: the database the new deal goes to
 *
 * Returns: (transfer none): a new modal dialog, not yet shown
 */
GtkWidget *
rapport_deal_dialog_new (GtkWindow    *parent,
                         RapportStore *store)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_DEAL_DIALOG,
                       "store", store,
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
