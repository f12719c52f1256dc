/* rapport-note-row.c — one note of a notes section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The body, selectable for copying, over when it was written. The body
 * is bound to the note's property, so an edit made elsewhere shows here.
 */

#define G_LOG_DOMAIN "rapport-note-row"

#include "config.h"

#include "rapport-note-row.h"

struct _RapportNoteRow
{
  GtkListBoxRow  parent_instance;

  /* Template widgets */
  GtkLabel      *body_label;
  GtkLabel      *time_label;
  GtkButton     *delete_button;

  /* Owned references */
  RapportNote   *note;
};

G_DEFINE_FINAL_TYPE (RapportNoteRow, rapport_note_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_NOTE,
  PROP_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Screen readers name the row by what it says. */
static void
on_body_changed (RapportNoteRow *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_label (self->body_label),
                                  -1);
}

static void
rapport_note_row_constructed (GObject *object)
{
  RapportNoteRow *self = RAPPORT_NOTE_ROW (object);

  G_OBJECT_CLASS (rapport_note_row_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_NOTE (self->note));

  g_signal_connect_object (self->body_label, "notify::label", G_CALLBACK (on_body_changed), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property (self->note, "body", self->body_label, "label", G_BINDING_SYNC_CREATE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "x",
                                    rapport_record_get_id (RAPPORT_RECORD (self->note)));
}

static void
rapport_note_row_dispose (GObject *object)
{
  RapportNoteRow *self = RAPPORT_NOTE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_NOTE_ROW);
  g_clear_object (&self->note);

  G_OBJECT_CLASS (rapport_note_row_parent_class)->dispose (object);
}

static void
rapport_note_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RapportNoteRow *self = RAPPORT_NOTE_ROW (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      g_value_set_object (value, self->note);
      break;

    case PROP_TIME:
      g_value_set_string (value, gtk_label_get_label (self->time_label));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_note_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RapportNoteRow *self = RAPPORT_NOTE_ROW (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      self->note = g_value_dup_object (value);
      break;

    case PROP_TIME:
      gtk_label_set_label (self->time_label, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_note_row_class_init (RapportNoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_note_row_constructed;
  object_class->dispose = rapport_note_row_dispose;
  object_class->get_property = rapport_note_row_get_property;
  object_class->set_property = rapport_note_row_set_property;

  /**
   * RapportNoteRow:note:
   *
   * The note shown.
   */
  properties[PROP_NOTE] =
    g_param_spec_object ("note", NULL, NULL,
                         RAPPORT_TYPE_NOTE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportNoteRow:time:
   *
   * When the note was written, in words.
   */
  properties[PROP_TIME] =
    g_param_spec_string ("time", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/widgets/note-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportNoteRow, body_label);
  gtk_widget_class_bind_template_child (widget_class, RapportNoteRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, RapportNoteRow, delete_button);
}

static void
rapport_note_row_init (RapportNoteRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_note_row_new (RapportNote *note,
                      const char  *time)
{
  g_return_val_if_fail (RAPPORT_IS_NOTE (note), NULL);

  return g_object_new (RAPPORT_TYPE_NOTE_ROW, "note", note, "time", time, NULL);
}

RapportNote *
rapport_note_row_get_note (RapportNoteRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_NOTE_ROW (self), NULL);

  return self->note;
}
