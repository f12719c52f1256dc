/* rapport-stage-action-row.c — one key action of a playbook, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As a kept list's row does, the row changes nothing itself: it says what
 * the user asked (edit a field, move, remove) and the stage page makes
 * the store call. It follows its action: an edit stored (here or by
 * another program) shows in its title and fields, except in the field
 * being typed in.
 */

#define G_LOG_DOMAIN "rapport-stage-action-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-row-reorder.h"
#include "rapport-stage-action-row.h"

struct _RapportStageActionRow
{
  AdwExpanderRow      parent_instance;

  /* Template widgets */
  GtkWidget          *up_button;
  GtkWidget          *down_button;
  GtkWidget          *remove_button;
  GtkWidget          *action_row;
  GtkWidget          *owner_row;
  GtkWidget          *activity_row;
  GtkWidget          *material_row;
  GtkWidget          *output_row;

  /* Owned references */
  RapportStageAction *action;
};

G_DEFINE_FINAL_TYPE (RapportStageActionRow, rapport_stage_action_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_ACTION,
  N_PROPS
};

enum {
  MOVE,
  REMOVE,
  EDIT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The field of each property of a key action. */
static GtkWidget *
field_of (RapportStageActionRow *self,
          const char            *property)
{
  GtkWidget *fields[] = {
    self->action_row, self->owner_row, self->activity_row, self->material_row, self->output_row,
  };
  static const char * const names[] = { "action", "owner", "activity", "material", "output" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i], property))
      return fields[i];
  return NULL;
}

static const char *
property_of (RapportStageActionRow *self,
             GtkWidget             *field)
{
  static const char * const names[] = { "action", "owner", "activity", "material", "output" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (field_of (self, names[i]) == field)
      return names[i];
  return NULL;
}

static void
show_field (RapportStageActionRow *self,
            const char            *property)
{
  GtkWidget *field = field_of (self, property);
  g_autofree char *text = NULL;

  /* Typing is not interrupted by the store's echo of another field. */
  if (gtk_widget_has_focus (field) || gtk_widget_is_focus (field) ||
      gtk_widget_get_focus_child (field) != NULL)
    return;

  g_object_get (self->action, property, &text, NULL);
  gtk_editable_set_text (GTK_EDITABLE (field), text != NULL ? text : "");
}

static void
show_action (RapportStageActionRow *self)
{
  const char *action = rapport_stage_action_get_action (self->action);
  const char *owner = rapport_stage_action_get_owner (self->action);
  g_autofree char *up = g_strdup_printf (_("Move “%s” Up"), action);
  g_autofree char *down = g_strdup_printf (_("Move “%s” Down"), action);
  g_autofree char *remove = g_strdup_printf (_("Remove “%s”"), action);
  static const char * const names[] = { "action", "owner", "activity", "material", "output" };

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), action);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), owner != NULL ? owner : "");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    show_field (self, names[i]);

  /* Each row's buttons are told apart by what they act on. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->up_button), GTK_ACCESSIBLE_PROPERTY_LABEL, up, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->down_button), GTK_ACCESSIBLE_PROPERTY_LABEL, down, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
}

static void
on_field_apply (GtkWidget             *field,
                RapportStageActionRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field))));
  const char *property = property_of (self, field);
  g_autofree char *stored = NULL;

  g_assert (RAPPORT_IS_STAGE_ACTION_ROW (self));

  g_object_get (self->action, property, &stored, NULL);
  if (g_strcmp0 (text, stored != NULL ? stored : "") != 0)
    g_signal_emit (self, signals[EDIT], 0, property, text);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[MOVE], 0, g_str_equal (action_name, "key-action.move-up") ? -1 : 1);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

static void
rapport_stage_action_row_constructed (GObject *object)
{
  RapportStageActionRow *self = RAPPORT_STAGE_ACTION_ROW (object);

  G_OBJECT_CLASS (rapport_stage_action_row_parent_class)->constructed (object);

  show_action (self);
  g_signal_connect_object (self->action, "notify", G_CALLBACK (show_action), self, G_CONNECT_SWAPPED);
}

static void
rapport_stage_action_row_dispose (GObject *object)
{
  RapportStageActionRow *self = RAPPORT_STAGE_ACTION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), RAPPORT_TYPE_STAGE_ACTION_ROW);
  g_clear_object (&self->action);

  G_OBJECT_CLASS (rapport_stage_action_row_parent_class)->dispose (object);
}

static void
rapport_stage_action_row_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  RapportStageActionRow *self = RAPPORT_STAGE_ACTION_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTION:
      g_value_set_object (value, self->action);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_stage_action_row_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  RapportStageActionRow *self = RAPPORT_STAGE_ACTION_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTION:
      self->action = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_stage_action_row_class_init (RapportStageActionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_stage_action_row_constructed;
  object_class->dispose = rapport_stage_action_row_dispose;
  object_class->get_property = rapport_stage_action_row_get_property;
  object_class->set_property = rapport_stage_action_row_set_property;

  /**
   * RapportStageActionRow:action:
   *
   * The key action shown, as the store keeps it.
   */
  properties[PROP_ACTION] =
    g_param_spec_object ("action", NULL, NULL, RAPPORT_TYPE_STAGE_ACTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportStageActionRow::move:
   * @delta: -1 to move up, 1 to move down
   */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * RapportStageActionRow::remove:
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RapportStageActionRow::edit:
   * @property: the field's property of the key action ("owner", …)
   * @text: its new text, trimmed (empty clears it)
   */
  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/process/stage-action-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportStageActionRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, RapportStageActionRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, RapportStageActionRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, RapportStageActionRow, action_row);
  gtk_widget_class_bind_template_child (widget_class, RapportStageActionRow, owner_row);
  gtk_widget_class_bind_template_child (widget_class, RapportStageActionRow, activity_row);
  gtk_widget_class_bind_template_child (widget_class, RapportStageActionRow, material_row);
  gtk_widget_class_bind_template_child (widget_class, RapportStageActionRow, output_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_apply);

  /* Alt+Up and Alt+Down, as a kept list's rows and the after-sales steps. */
  rapport_row_reorder_install (widget_class, "key-action.move-up", "key-action.move-down", move_action);
  gtk_widget_class_install_action (widget_class, "key-action.remove", NULL, remove_action);
}

static void
rapport_stage_action_row_init (RapportStageActionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_stage_action_row_new (RapportStageAction *action)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_ACTION (action), NULL);

  return g_object_new (RAPPORT_TYPE_STAGE_ACTION_ROW, "action", action, NULL);
}

RapportStageAction *
rapport_stage_action_row_get_action (RapportStageActionRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_ACTION_ROW (self), NULL);

  return self->action;
}

void
rapport_stage_action_row_set_place (RapportStageActionRow *self,
                                    gboolean               first,
                                    gboolean               last)
{
  g_return_if_fail (RAPPORT_IS_STAGE_ACTION_ROW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "key-action.move-up", !first);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "key-action.move-down", !last);
}

void
rapport_stage_action_row_edit (RapportStageActionRow *self,
                               const char            *property)
{
  GtkWidget *field;

  g_return_if_fail (RAPPORT_IS_STAGE_ACTION_ROW (self));

  if ((field = field_of (self, property)) == NULL)
    return;
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (field);
  gtk_editable_select_region (GTK_EDITABLE (field), 0, -1);
}

void
rapport_stage_action_row_refused (RapportStageActionRow *self,
                                  const char            *property,
                                  const char            *message)
{
  GtkWidget *field;

  g_return_if_fail (RAPPORT_IS_STAGE_ACTION_ROW (self));

  if ((field = field_of (self, property)) == NULL)
    return;
  if (message == NULL)
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_widget_set_tooltip_text (field, NULL);
      return;
    }
  gtk_widget_add_css_class (field, "error");
  gtk_widget_set_tooltip_text (field, message);
  gtk_widget_error_bell (field);
}
