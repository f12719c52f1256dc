/* rapport-notes-section.c — the notes of a contact, a deal or an organization
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same section on the three detail pages: a "New Note" field (Enter
 * or its Add button stores the note, which Ctrl+Z takes back), and the
 * notes, newest first, as the store's list gives them. Only the first
 * NOTE_PAGE rows are made, whatever the history, so a page opens fast.
 */

#define G_LOG_DOMAIN "rapport-notes-section"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-delete-dialog.h"
#include "rapport-edit.h"
#include "rapport-followup-row.h"
#include "rapport-form.h"
#include "rapport-note-row.h"
#include "rapport-notes-section.h"
#include "rapport-record-list.h"

/* Rows made, at most: enough to read, cheap to open. */
#define NOTE_PAGE 50

struct _RapportNotesSection
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *group;
  AdwEntryRow         *note_row;
  GtkWidget           *add_button;
  GtkListBox          *list;

  /* Owned references */
  RapportContext      *context;
  RapportRecord       *owner;
  GListModel          *notes;      /* the store's, all of them */
  GtkSliceListModel   *shown;      /* the first NOTE_PAGE */
};

G_DEFINE_FINAL_TYPE (RapportNotesSection, rapport_notes_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_OWNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_note_row (gpointer item,
                 gpointer user_data)
{
  RapportNotesSection *self = user_data;
  RapportNote *note = item;
  RapportStore *store = rapport_context_get_store (self->context);
  g_autofree char *when = rapport_followup_format_when (rapport_note_get_created_at (note),
                                                        rapport_store_now (store));

  return rapport_note_row_new (note, when);
}

static GtkWidget *
placeholder_new (void)
{
  GtkWidget *label = gtk_label_new (_("No notes yet"));

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);

  return label;
}

/* Says so when not all of them are shown. */
static void
on_notes_changed (RapportNotesSection *self)
{
  guint n_items = g_list_model_get_n_items (self->notes);
  g_autofree char *description = NULL;

  if (n_items > NOTE_PAGE)
    /* Translators: under a list that shows the first %u of %u records */
    description = g_strdup_printf (_("The first %u of %u"), NOTE_PAGE, n_items);

  adw_preferences_group_set_description (self->group, description);
}

static void
on_note_changed (RapportNotesSection *self)
{
  g_autofree char *body = rapport_form_dup_text (self->note_row);

  gtk_widget_set_sensitive (self->add_button, *body != '\0');
}

static RapportNote *
rapport_notes_section_add (RapportNotesSection  *self,
                           const char           *body,
                           GError              **error)
{
  RapportStore *store = rapport_context_get_store (self->context);
  gint64 id = rapport_record_get_id (self->owner);

  if (RAPPORT_IS_CONTACT (self->owner))
    return rapport_store_add_note (store, id, 0, 0, body, error);
  if (RAPPORT_IS_DEAL (self->owner))
    return rapport_store_add_note (store, 0, id, 0, body, error);

  return rapport_store_add_note (store, 0, 0, id, body, error);
}

static void
on_note_apply (RapportNotesSection *self)
{
  g_autofree char *body = rapport_form_dup_text (self->note_row);
  g_autoptr(RapportNote) note = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (RAPPORT_IS_NOTES_SECTION (self));

  if (*body == '\0')
    return;

  note = rapport_notes_section_add (self, body, &error);
  if (note == NULL)
    {
      rapport_context_report_error (self->context, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  /* Translators: an undo step */
  rapport_edit_push_undo_add (self->context, _("New note"), RAPPORT_RECORD (note));
}

static GListModel *
notes_of (RapportStore  *store,
          RapportRecord *owner)
{
  gint64 id = rapport_record_get_id (owner);

  if (RAPPORT_IS_CONTACT (owner))
    return rapport_store_get_contact_notes (store, id);
  if (RAPPORT_IS_DEAL (owner))
    return rapport_store_get_deal_notes (store, id);

  return rapport_store_get_organization_notes (store, id);
}

static void
rapport_notes_section_constructed (GObject *object)
{
  RapportNotesSection *self = RAPPORT_NOTES_SECTION (object);

  G_OBJECT_CLASS (rapport_notes_section_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_CONTEXT (self->context));
  g_assert (RAPPORT_IS_CONTACT (self->owner) || RAPPORT_IS_DEAL (self->owner) ||
            RAPPORT_IS_ORGANIZATION (self->owner));

  self->notes = notes_of (rapport_context_get_store (self->context), self->owner);
  self->shown = gtk_slice_list_model_new (g_object_ref (self->notes), 0, NOTE_PAGE);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->shown), create_note_row, self, NULL);
  g_signal_connect_object (self->notes, "items-changed", G_CALLBACK (on_notes_changed), self,
                           G_CONNECT_SWAPPED);
  on_notes_changed (self);
}

static void
rapport_notes_section_dispose (GObject *object)
{
  RapportNotesSection *self = RAPPORT_NOTES_SECTION (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  /* The group is the bin's child and a template child: let the bin give
   * it up first, or the template's teardown unparents it behind the bin's
   * back and the bin unparents it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_NOTES_SECTION);

  g_clear_object (&self->shown);
  g_clear_object (&self->notes);
  g_clear_object (&self->owner);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_notes_section_parent_class)->dispose (object);
}

static void
rapport_notes_section_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportNotesSection *self = RAPPORT_NOTES_SECTION (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_OWNER:
      g_value_set_object (value, self->owner);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_notes_section_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RapportNotesSection *self = RAPPORT_NOTES_SECTION (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_OWNER:
      self->owner = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The Delete button of a note's row (its id the target): the question,
 * then Undo. */
static void
rapport_notes_section_delete_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  RapportNotesSection *self = RAPPORT_NOTES_SECTION (widget);

  rapport_delete_dialog_ask (self->context, widget, RAPPORT_ENTITY_NOTE, g_variant_get_int64 (parameter), NULL);
}

static void
rapport_notes_section_class_init (RapportNotesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "notes.delete", "x", rapport_notes_section_delete_action);

  object_class->constructed = rapport_notes_section_constructed;
  object_class->dispose = rapport_notes_section_dispose;
  object_class->get_property = rapport_notes_section_get_property;
  object_class->set_property = rapport_notes_section_set_property;

  /**
   * RapportNotesSection:context:
   *
   * The store the notes are in, the undo history and the toasts.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportNotesSection:owner:
   *
   * The contact, deal or organization whose notes these are.
   */
  properties[PROP_OWNER] =
    g_param_spec_object ("owner", NULL, NULL,
                         RAPPORT_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/widgets/notes-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportNotesSection, group);
  gtk_widget_class_bind_template_child (widget_class, RapportNotesSection, note_row);
  gtk_widget_class_bind_template_child (widget_class, RapportNotesSection, add_button);
  gtk_widget_class_bind_template_child (widget_class, RapportNotesSection, list);
  gtk_widget_class_bind_template_callback (widget_class, on_note_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_note_changed);
}

static void
rapport_notes_section_init (RapportNotesSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  rapport_form_label_row (self->note_row);
  gtk_list_box_set_placeholder (self->list, placeholder_new ());
}

GtkWidget *
rapport_notes_section_new (RapportContext *context,
                           RapportRecord  *owner)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (RAPPORT_IS_RECORD (owner), NULL);

  return g_object_new (RAPPORT_TYPE_NOTES_SECTION,
                       "context", context,
                       "owner", owner,
                       NULL);
}

void
rapport_notes_section_reload (RapportNotesSection *self)
{
  g_return_if_fail (RAPPORT_IS_NOTES_SECTION (self));

  if (RAPPORT_IS_RECORD_LIST (self->notes))
    rapport_record_list_reload (RAPPORT_RECORD_LIST (self->notes));
}
