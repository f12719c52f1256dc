/* rapport-record-picker.c — an entry row that picks a stored record or names a new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Typing shows the stored contacts, organizations or deals whose names
 * start with the text (the first few, found over an index): in a popover
 * under the row, or in a list the form places itself. Up, Down and Enter
 * pick from it without the focus leaving the entry. With "allow-new",
 * text that matches none names a new record, which the form creates. The
 * one record picker of the app: the New Deal, New Lead and New Follow-up
 * dialogs, the contact page and the deal page use it.
 */

#define G_LOG_DOMAIN "rapport-record-picker"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-enums.h"
#include "rapport-format.h"
#include "rapport-match-row.h"
#include "rapport-record-picker.h"

/* Enough to pick from without scrolling; the store finds them with one
 * index range, so asking on every key costs nothing with 200 000 rows. */
#define MAX_MATCHES 8

struct _RapportRecordPicker
{
  AdwEntryRow     parent_instance;

  /* Template widgets */
  GtkWidget      *new_label;
  GtkPopover     *popover;         /* parented to the row; never focused */
  GtkListBox     *list;

  /* Owned references */
  GtkListBox     *matches_list;    /* the form's, instead of the popover */
  RapportStore   *store;
  RapportRecord  *record;          /* the one picked; NULL: a new one by name */

  RapportEntity   kind;            /* contact, organization or deal */
  gboolean        allow_new;
  guint           updating;        /* > 0 while code, not the user, sets the text */
};

G_DEFINE_FINAL_TYPE (RapportRecordPicker, rapport_record_picker, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  PROP_RECORD,
  PROP_SELECTED_ID,
  PROP_ALLOW_NEW,
  PROP_MATCHES_LIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
record_type_of (RapportEntity kind)
{
  switch (kind)
    {
    case RAPPORT_ENTITY_ORGANIZATION:
      return RAPPORT_TYPE_ORGANIZATION;
    case RAPPORT_ENTITY_DEAL:
      return RAPPORT_TYPE_DEAL;
    case RAPPORT_ENTITY_CONTACT:
    default:
      return RAPPORT_TYPE_CONTACT;
    }
}

static const char *
record_name (RapportRecord *record)
{
  if (RAPPORT_IS_CONTACT (record))
    return rapport_contact_get_name (RAPPORT_CONTACT (record));
  if (RAPPORT_IS_DEAL (record))
    return rapport_deal_get_title (RAPPORT_DEAL (record));

  return rapport_organization_get_name (RAPPORT_ORGANIZATION (record));
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

/* What tells two “Ann Lee”s apart. */
static char *
record_detail (RapportRecordPicker *self,
               RapportRecord       *record)
{
  const char *detail;

  if (RAPPORT_IS_DEAL (record))
    return deal_detail (self->store, RAPPORT_DEAL (record));

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

  return g_strdup (detail);
}

/* The list the matches go in: the form's, or the popover's. */
static GtkListBox *
rapport_record_picker_get_list (RapportRecordPicker *self)
{
  return self->matches_list != NULL ? self->matches_list : self->list;
}

static GtkWidget *
rapport_record_picker_get_list_shell (RapportRecordPicker *self)
{
  return self->matches_list != NULL ? GTK_WIDGET (self->matches_list) : GTK_WIDGET (self->popover);
}

static void
rapport_record_picker_update_new_label (RapportRecordPicker *self)
{
  g_autofree char *name = rapport_record_picker_dup_name (self);

  g_assert (RAPPORT_IS_RECORD_PICKER (self));

  gtk_widget_set_visible (self->new_label, self->allow_new && *name != '\0' && self->record == NULL);
}

static GtkWidget *
create_match_row (RapportRecordPicker *self,
                  RapportRecord       *record,
                  const char          *prefix)
{
  const char *name = record_name (record);
  g_autofree char *detail = record_detail (self, record);
  gsize bold = strlen (prefix);
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  g_autofree char *markup = NULL;

  /* The store matches ignoring ASCII case, so the typed part is as many
   * bytes of the name; anything else gets no bold rather than a cut
   * character. */
  if (g_ascii_strncasecmp (name, prefix, bold) != 0)
    bold = 0;
  head = g_markup_escape_text (name, bold);
  tail = g_markup_escape_text (name + bold, -1);
  markup = g_strdup_printf ("<b>%s</b>%s", head, tail);

  /* A deal has no face: an icon, so that titles line up with names. */
  return rapport_match_row_new (record, name, markup, detail,
                                RAPPORT_IS_DEAL (record) ? "x-office-document-symbolic" : NULL);
}

static GtkWidget *
create_new_row (RapportRecordPicker *self,
                const char          *name)
{
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;

  if (self->kind == RAPPORT_ENTITY_CONTACT)
    /* Translators: %s is the name typed in the Contact field. */
    text = g_strdup_printf (_("Add “%s” as a new contact"), name);
  else
    /* Translators: %s is the name typed in the Organization field. */
    text = g_strdup_printf (_("Add “%s” as a new organization"), name);

  markup = g_markup_escape_text (text, -1);

  return rapport_match_row_new (NULL, text, markup, NULL, "list-add-symbolic");
}

static void
rapport_record_picker_hide_matches (RapportRecordPicker *self)
{
  GtkWidget *shell;

  g_assert (RAPPORT_IS_RECORD_PICKER (self));

  /* Focus leaves the row while its window is destroyed, after dispose. */
  if (self->popover == NULL)
    return;

  shell = rapport_record_picker_get_list_shell (self);
  if (!gtk_widget_get_visible (shell))
    return;

  if (GTK_IS_POPOVER (shell))
    gtk_popover_popdown (GTK_POPOVER (shell));
  else
    gtk_widget_set_visible (shell, FALSE);
}

static gboolean
rapport_record_picker_matches_shown (RapportRecordPicker *self)
{
  return self->popover != NULL && gtk_widget_get_visible (rapport_record_picker_get_list_shell (self));
}

static GPtrArray *
rapport_record_picker_find (RapportRecordPicker  *self,
                            const char           *name,
                            GError              **error)
{
  switch (self->kind)
    {
    case RAPPORT_ENTITY_ORGANIZATION:
      return rapport_store_find_organizations_by_prefix (self->store, name, MAX_MATCHES, error);
    case RAPPORT_ENTITY_DEAL:
      return rapport_store_find_deals_by_prefix (self->store, name, MAX_MATCHES, error);
    case RAPPORT_ENTITY_CONTACT:
    default:
      return rapport_store_find_contacts_by_prefix (self->store, name, MAX_MATCHES, error);
    }
}

static void
rapport_record_picker_show_matches (RapportRecordPicker *self)
{
  g_autofree char *name = rapport_record_picker_dup_name (self);
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBox *list = rapport_record_picker_get_list (self);
  GtkWidget *child;

  g_assert (RAPPORT_IS_RECORD_PICKER (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  if (*name == '\0' || self->store == NULL)
    {
      rapport_record_picker_hide_matches (self);
      return;
    }

  /* A busy or vanished file costs the suggestions, not the typing; the
   * store says what is wrong when the user creates. */
  matches = rapport_record_picker_find (self, name, &error);
  if (matches == NULL)
    g_debug ("No matches for “%s”: %s", name, error->message);

  for (guint i = 0; matches != NULL && i < matches->len; i++)
    gtk_list_box_append (list, create_match_row (self, g_ptr_array_index (matches, i), name));
  if (self->allow_new)
    gtk_list_box_append (list, create_new_row (self, name));

  if (gtk_widget_get_first_child (GTK_WIDGET (list)) == NULL)
    {
      rapport_record_picker_hide_matches (self);
      return;
    }

  /* The first row is what Enter takes, as in other pickers. */
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 0));

  if (self->matches_list != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->matches_list), TRUE);
      return;
    }

  gtk_widget_set_size_request (GTK_WIDGET (self->list),
                               MAX (gtk_widget_get_width (GTK_WIDGET (self)) - 24, 240), -1);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_popup (self->popover);
}

static void
rapport_record_picker_take_row (RapportRecordPicker *self,
                                GtkListBoxRow       *row)
{
  RapportRecord *record;

  g_assert (RAPPORT_IS_RECORD_PICKER (self));

  rapport_record_picker_hide_matches (self);

  /* “Add as new” has no record: the typed name stays, to be created. */
  record = RAPPORT_IS_MATCH_ROW (row) ? rapport_match_row_get_record (RAPPORT_MATCH_ROW (row)) : NULL;
  if (record != NULL)
    rapport_record_picker_set_record (self, record);
}

static void
rapport_record_picker_move_selection (RapportRecordPicker *self,
                                      int                  delta)
{
  GtkListBox *list = rapport_record_picker_get_list (self);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);
  int index = row ? gtk_list_box_row_get_index (row) + delta : 0;
  GtkListBoxRow *next = gtk_list_box_get_row_at_index (list, MAX (index, 0));

  g_assert (RAPPORT_IS_RECORD_PICKER (self));

  if (next != NULL)
    gtk_list_box_select_row (list, next);
}

/* Keys reach the entry, not the matches (which never have the focus): the
 * arrows move through them, Enter takes one, Escape closes the list
 * without closing the dialog. */
static gboolean
on_picker_key_pressed (RapportRecordPicker   *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  GtkListBoxRow *row;

  g_assert (RAPPORT_IS_RECORD_PICKER (self));

  if (!rapport_record_picker_matches_shown (self))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      rapport_record_picker_move_selection (self, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      rapport_record_picker_move_selection (self, -1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      /* Ctrl+Enter is the dialog's: create with the name as typed. */
      if ((state & GDK_CONTROL_MASK) ||
          (row = gtk_list_box_get_selected_row (rapport_record_picker_get_list (self))) == NULL)
        {
          rapport_record_picker_hide_matches (self);
          return GDK_EVENT_PROPAGATE;
        }
      rapport_record_picker_take_row (self, row);
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      rapport_record_picker_hide_matches (self);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
on_picker_focus_leave (RapportRecordPicker     *self,
                       GtkEventControllerFocus *controller)
{
  g_assert (RAPPORT_IS_RECORD_PICKER (self));

  rapport_record_picker_hide_matches (self);
}

static void
on_picker_row_activated (RapportRecordPicker *self,
                         GtkListBoxRow       *row,
                         GtkListBox          *list)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (self));

  g_assert (RAPPORT_IS_RECORD_PICKER (self));

  rapport_record_picker_take_row (self, row);

  /* Back to typing after the name, not over a selection of it. */
  if (GTK_IS_TEXT (text))
    gtk_text_grab_focus_without_selecting (GTK_TEXT (text));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_picker_changed (RapportRecordPicker *self,
                   GtkEditable         *editable)
{
  g_assert (RAPPORT_IS_RECORD_PICKER (self));

  if (self->updating > 0)
    return;

  /* Typing over a picked name means another one. */
  if (self->record != NULL)
    {
      g_clear_object (&self->record);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
    }

  rapport_record_picker_update_new_label (self);
  rapport_record_picker_show_matches (self);
}

static void
rapport_record_picker_set_matches_list (RapportRecordPicker *self,
                                        GtkListBox          *list)
{
  g_assert (RAPPORT_IS_RECORD_PICKER (self));

  if (self->matches_list == list)
    return;

  if (self->matches_list != NULL)
    g_signal_handlers_disconnect_by_func (self->matches_list, on_picker_row_activated, self);

  g_set_object (&self->matches_list, list);
  if (list != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (list), FALSE);
      gtk_list_box_set_selection_mode (list, GTK_SELECTION_BROWSE);
      gtk_list_box_set_activate_on_single_click (list, TRUE);
      /* A click picks without taking the focus from the entry. */
      gtk_widget_set_can_focus (GTK_WIDGET (list), FALSE);
      g_signal_connect_object (list, "row-activated",
                               G_CALLBACK (on_picker_row_activated), self,
                               G_CONNECT_SWAPPED);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCHES_LIST]);
}

static void
rapport_record_picker_constructed (GObject *object)
{
  RapportRecordPicker *self = RAPPORT_RECORD_PICKER (object);
  const char *matching;

  G_OBJECT_CLASS (rapport_record_picker_parent_class)->constructed (object);

  /* Deals are not made from a name. */
  if (self->kind == RAPPORT_ENTITY_DEAL)
    self->allow_new = FALSE;

  switch (self->kind)
    {
    case RAPPORT_ENTITY_ORGANIZATION:
      gtk_widget_set_tooltip_text (self->new_label, _("A new organization will be created"));
      matching = _("Matching Organizations");
      break;
    case RAPPORT_ENTITY_DEAL:
      matching = _("Matching Deals");
      break;
    case RAPPORT_ENTITY_CONTACT:
    default:
      gtk_widget_set_tooltip_text (self->new_label, _("A new contact will be created"));
      matching = _("Matching Contacts");
      break;
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, matching,
                                  -1);
}

static void
rapport_record_picker_dispose (GObject *object)
{
  RapportRecordPicker *self = RAPPORT_RECORD_PICKER (object);

  rapport_record_picker_set_matches_list (self, NULL);

  /* A popover is no ordinary child: its parent must let it go. */
  if (self->popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->popover));

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_RECORD_PICKER);

  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_record_picker_parent_class)->dispose (object);
}

static void
rapport_record_picker_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportRecordPicker *self = RAPPORT_RECORD_PICKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;

    case PROP_SELECTED_ID:
      g_value_set_int64 (value, rapport_record_picker_get_selected_id (self));
      break;

    case PROP_ALLOW_NEW:
      g_value_set_boolean (value, self->allow_new);
      break;

    case PROP_MATCHES_LIST:
      g_value_set_object (value, self->matches_list);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_record_picker_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RapportRecordPicker *self = RAPPORT_RECORD_PICKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rapport_record_picker_set_store (self, g_value_get_object (value));
      break;

    case PROP_KIND:
      /* Only these are picked; anything else means contacts. */
      self->kind = g_value_get_enum (value);
      if (self->kind != RAPPORT_ENTITY_ORGANIZATION && self->kind != RAPPORT_ENTITY_DEAL)
        self->kind = RAPPORT_ENTITY_CONTACT;
      break;

    case PROP_RECORD:
      rapport_record_picker_set_record (self, g_value_get_object (value));
      break;

    case PROP_ALLOW_NEW:
      self->allow_new = g_value_get_boolean (value);
      break;

    case PROP_MATCHES_LIST:
      rapport_record_picker_set_matches_list (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_record_picker_class_init (RapportRecordPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_record_picker_constructed;
  object_class->dispose = rapport_record_picker_dispose;
  object_class->get_property = rapport_record_picker_get_property;
  object_class->set_property = rapport_record_picker_set_property;

  /**
   * RapportRecordPicker:store:
   *
   * Where the matches come from. Set after construction, since a
   * template builds the row before its dialog knows the store.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportRecordPicker:kind:
   *
   * What is picked: contacts (the default), organizations or deals.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       RAPPORT_TYPE_ENTITY, RAPPORT_ENTITY_CONTACT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * RapportRecordPicker:record:
   *
   * The stored record picked, or %NULL when the text names a new one (or
   * nothing).
   */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL,
                         RAPPORT_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportRecordPicker:selected-id:
   *
   * The id of #RapportRecordPicker:record, or 0. Notified with it.
   */
  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportRecordPicker:allow-new:
   *
   * Whether text that matches no stored contact or organization names a
   * new one: the list then ends with “Add as new”, and the row says New.
   */
  properties[PROP_ALLOW_NEW] =
    g_param_spec_boolean ("allow-new", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * RapportRecordPicker:matches-list:
   *
   * A list box of the form's where the matches show, under the row,
   * instead of the popover; hidden while there are none.
   */
  properties[PROP_MATCHES_LIST] =
    g_param_spec_object ("matches-list", NULL, NULL,
                         GTK_TYPE_LIST_BOX,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/widgets/record-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportRecordPicker, new_label);
  gtk_widget_class_bind_template_child (widget_class, RapportRecordPicker, popover);
  gtk_widget_class_bind_template_child (widget_class, RapportRecordPicker, list);
  gtk_widget_class_bind_template_callback (widget_class, on_picker_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_picker_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_picker_focus_leave);
  gtk_widget_class_bind_template_callback (widget_class, on_picker_row_activated);

  g_type_ensure (RAPPORT_TYPE_MATCH_ROW);
}

static void
rapport_record_picker_init (RapportRecordPicker *self)
{
  self->kind = RAPPORT_ENTITY_CONTACT;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));
}

/**
 * rapport_record_picker_get_store:
 *
 * Returns: (transfer none) (nullable): where the matches come from
 */
RapportStore *
rapport_record_picker_get_store (RapportRecordPicker *self)
{
  g_return_val_if_fail (RAPPORT_IS_RECORD_PICKER (self), NULL);

  return self->store;
}

void
rapport_record_picker_set_store (RapportRecordPicker *self,
                                 RapportStore        *store)
{
  g_return_if_fail (RAPPORT_IS_RECORD_PICKER (self));
  g_return_if_fail (!store || RAPPORT_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

RapportEntity
rapport_record_picker_get_kind (RapportRecordPicker *self)
{
  g_return_val_if_fail (RAPPORT_IS_RECORD_PICKER (self), RAPPORT_ENTITY_CONTACT);

  return self->kind;
}

/**
 * rapport_record_picker_get_record:
 *
 * Returns: (transfer none) (nullable): the stored record picked, or %NULL
 *   when the text names a new one (or nothing)
 */
RapportRecord *
rapport_record_picker_get_record (RapportRecordPicker *self)
{
  g_return_val_if_fail (RAPPORT_IS_RECORD_PICKER (self), NULL);

  return self->record;
}

/**
 * rapport_record_picker_set_record:
 * @record: (nullable): a stored record of the picker's kind
 *
 * Picks @record and shows its name; %NULL keeps the text, as a new name.
 */
void
rapport_record_picker_set_record (RapportRecordPicker *self,
                                  RapportRecord       *record)
{
  g_return_if_fail (RAPPORT_IS_RECORD_PICKER (self));
  g_return_if_fail (!record || G_TYPE_CHECK_INSTANCE_TYPE (record, record_type_of (self->kind)));

  if (!g_set_object (&self->record, record))
    return;

  if (record != NULL)
    {
      self->updating++;
      gtk_editable_set_text (GTK_EDITABLE (self), record_name (record));
      gtk_editable_set_position (GTK_EDITABLE (self), -1);
      self->updating--;
    }

  rapport_record_picker_update_new_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

/**
 * rapport_record_picker_get_selected_id:
 *
 * Returns: the id of the record picked, or 0
 */
gint64
rapport_record_picker_get_selected_id (RapportRecordPicker *self)
{
  g_return_val_if_fail (RAPPORT_IS_RECORD_PICKER (self), 0);

  return self->record != NULL ? rapport_record_get_id (self->record) : 0;
}

/**
 * rapport_record_picker_clear:
 *
 * Picks nothing and empties the text, without showing matches.
 */
void
rapport_record_picker_clear (RapportRecordPicker *self)
{
  g_return_if_fail (RAPPORT_IS_RECORD_PICKER (self));

  rapport_record_picker_set_record (self, NULL);
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self), "");
  self->updating--;
  rapport_record_picker_hide_matches (self);
  rapport_record_picker_update_new_label (self);
}

/**
 * rapport_record_picker_dup_name:
 *
 * Returns: (transfer full): the text, without surrounding white space
 */
char *
rapport_record_picker_dup_name (RapportRecordPicker *self)
{
  g_return_val_if_fail (RAPPORT_IS_RECORD_PICKER (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
}
