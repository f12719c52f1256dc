/* rapport-choice-row.c — one entry of a kept list, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row changes nothing itself: it says what the user asked (rename,
 * move, remove) and its group makes the store call, then shows the list
 * as stored. Enter or the apply button renames; Alt+Up and Alt+Down move
 * it, as do its buttons and a drag by its handle (the drop is its
 * group's).
 */

#define G_LOG_DOMAIN "rapport-choice-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-choice-row.h"
#include "rapport-row-reorder.h"

struct _RapportChoiceRow
{
  AdwEntryRow  parent_instance;

  /* Template widgets */
  GtkWidget   *handle;
  GtkWidget   *up_button;
  GtkWidget   *down_button;
  GtkWidget   *remove_button;

  /* Owned memory */
  char        *label;   /* as stored */
};

G_DEFINE_FINAL_TYPE (RapportChoiceRow, rapport_choice_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

enum {
  MOVE,
  REMOVE,
  RENAME,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
name_buttons (RapportChoiceRow *self)
{
  g_autofree char *up = g_strdup_printf (_("Move “%s” Up"), self->label);
  g_autofree char *down = g_strdup_printf (_("Move “%s” Down"), self->label);
  g_autofree char *remove = g_strdup_printf (_("Remove “%s”"), self->label);

  /* Each row's buttons are told apart by what they act on. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->up_button), GTK_ACCESSIBLE_PROPERTY_LABEL, up, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->down_button), GTK_ACCESSIBLE_PROPERTY_LABEL, down, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->label, -1);
}

static void
on_apply (RapportChoiceRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));

  g_assert (RAPPORT_IS_CHOICE_ROW (self));

  /* Enter says ::entry-activated, the button ::apply; should both come
   * for one edit, the second finds this row gone (the renamed list's rows
   * stand in its place) and does nothing. */
  if (gtk_widget_get_parent (GTK_WIDGET (self)) == NULL)
    return;

  /* Emptied: what is stored comes back; removing is the trash button's. */
  if (*text == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self), self->label);
  else if (!g_str_equal (text, self->label))
    g_signal_emit (self, signals[RENAME], 0, text);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[MOVE], 0, g_str_equal (action_name, "choice.move-up") ? -1 : 1);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

/* The drag carries the row itself: a text would be taken by the entries
 * it passes over. */
static GdkContentProvider *
on_drag_prepare (RapportChoiceRow *self,
                 double            x,
                 double            y,
                 GtkDragSource    *source)
{
  return gdk_content_provider_new_typed (RAPPORT_TYPE_CHOICE_ROW, self);
}

static void
on_drag_begin (RapportChoiceRow *self,
               GdkDrag          *drag,
               GtkDragSource    *source)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static void
rapport_choice_row_constructed (GObject *object)
{
  RapportChoiceRow *self = RAPPORT_CHOICE_ROW (object);

  G_OBJECT_CLASS (rapport_choice_row_parent_class)->constructed (object);

  gtk_editable_set_text (GTK_EDITABLE (self), self->label);
  name_buttons (self);
}

static void
rapport_choice_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RAPPORT_TYPE_CHOICE_ROW);

  G_OBJECT_CLASS (rapport_choice_row_parent_class)->dispose (object);
}

static void
rapport_choice_row_finalize (GObject *object)
{
  RapportChoiceRow *self = RAPPORT_CHOICE_ROW (object);

  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (rapport_choice_row_parent_class)->finalize (object);
}

static void
rapport_choice_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportChoiceRow *self = RAPPORT_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_choice_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RapportChoiceRow *self = RAPPORT_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_choice_row_class_init (RapportChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_choice_row_constructed;
  object_class->dispose = rapport_choice_row_dispose;
  object_class->finalize = rapport_choice_row_finalize;
  object_class->get_property = rapport_choice_row_get_property;
  object_class->set_property = rapport_choice_row_set_property;

  /**
   * RapportChoiceRow:label:
   *
   * The entry as stored.
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportChoiceRow::move:
   * @delta: -1 to move up, 1 to move down
   */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * RapportChoiceRow::remove:
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RapportChoiceRow::rename:
   * @text: the new text, trimmed, never empty
   */
  signals[RENAME] = g_signal_new ("rename", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/preferences/choice-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportChoiceRow, handle);
  gtk_widget_class_bind_template_child (widget_class, RapportChoiceRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, RapportChoiceRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, RapportChoiceRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_apply);

  rapport_row_reorder_install (widget_class, "choice.move-up", "choice.move-down", move_action);
  gtk_widget_class_install_action (widget_class, "choice.remove", NULL, remove_action);
}

static void
rapport_choice_row_init (RapportChoiceRow *self)
{
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (on_drag_prepare), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (on_drag_begin), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->handle, GTK_EVENT_CONTROLLER (source));
}

GtkWidget *
rapport_choice_row_new (const char *label)
{
  return g_object_new (RAPPORT_TYPE_CHOICE_ROW, "label", label, NULL);
}

const char *
rapport_choice_row_get_label (RapportChoiceRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHOICE_ROW (self), NULL);

  return self->label;
}

void
rapport_choice_row_set_place (RapportChoiceRow *self,
                              gboolean          first,
                              gboolean          last)
{
  g_return_if_fail (RAPPORT_IS_CHOICE_ROW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "choice.move-up", !first);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "choice.move-down", !last);
}
