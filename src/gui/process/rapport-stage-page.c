/* rapport-stage-page.c — one stage of the process editor and its playbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change is one store call at once; the page shows the stage as
 * stored, from the stage's notice that follows (also when another program
 * changed it). The key actions' rows are made again only when the actions
 * or their order changed, so an edit does not close the row it was made
 * in.
 */

#define G_LOG_DOMAIN "rapport-stage-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-stage-action-row.h"
#include "rapport-stage-page.h"
#include "rapport-store-process.h"

struct _RapportStagePage
{
  AdwBin            parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *settings_group;
  GtkSpinButton    *probability_spin;
  GtkSpinButton    *rotting_spin;
  GtkSwitch        *qualified_switch;
  GtkSwitch        *checklist_switch;
  AdwEntryRow      *purpose_row;
  GtkListBox       *actions_list;

  /* Owned references */
  RapportContext   *context;
  RapportStore     *store;
  RapportStage     *stage;

  /* The key action whose row takes the keyboard once made again */
  gint64            focus_id;
  const char       *focus_field;   /* a static property name, or NULL */
  gboolean          showing;       /* the widgets are being set from the store */
};

G_DEFINE_FINAL_TYPE (RapportStagePage, rapport_stage_page, ADW_TYPE_BIN)

enum {
  FAILED,
  UNDOABLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fail (RapportStagePage *self,
      GError           *error)
{
  g_signal_emit (self, signals[FAILED], 0, error->message);
  g_error_free (error);
}

/* The widgets from the stage as stored; setting them writes nothing. */
static void
show_settings (RapportStagePage *self)
{
  const char *purpose;

  g_assert (RAPPORT_IS_STAGE_PAGE (self));

  if (self->stage == NULL)
    return;

  self->showing = TRUE;
  gtk_spin_button_set_value (self->probability_spin, rapport_stage_get_probability (self->stage));
  gtk_spin_button_set_value (self->rotting_spin, rapport_stage_get_rotting_days (self->stage));
  gtk_switch_set_active (self->qualified_switch, rapport_stage_get_require_qualified (self->stage));
  gtk_switch_set_active (self->checklist_switch, rapport_stage_get_require_checklist (self->stage));
  purpose = rapport_stage_get_purpose (self->stage);
  if (gtk_widget_get_focus_child (GTK_WIDGET (self->purpose_row)) == NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->purpose_row), purpose != NULL ? purpose : "");
  adw_preferences_group_set_title (self->settings_group, rapport_stage_get_name (self->stage));
  self->showing = FALSE;
}

static void
save (RapportStagePage *self,
      const char       *property,
      const GValue     *value)
{
  GError *error = NULL;

  g_assert (RAPPORT_IS_STAGE_PAGE (self));

  if (self->showing || self->stage == NULL)
    return;
  if (!rapport_store_update (self->store, RAPPORT_RECORD (self->stage), property, value, &error))
    {
      fail (self, error);
      show_settings (self);
    }
}

static void
save_int (RapportStagePage *self,
          const char       *property,
          int               number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, number);
  save (self, property, &value);
}

static void
on_probability_changed (RapportStagePage *self)
{
  save_int (self, "probability", gtk_spin_button_get_value_as_int (self->probability_spin));
}

static void
on_rotting_changed (RapportStagePage *self)
{
  save_int (self, "rotting-days", gtk_spin_button_get_value_as_int (self->rotting_spin));
}

static void
on_gate_toggled (RapportStagePage *self,
                 GParamSpec       *pspec,
                 GtkSwitch        *gate)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (gate));
  save (self, gate == self->qualified_switch ? "require-qualified" : "require-checklist", &value);
}

static void
on_purpose_apply (RapportStagePage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->purpose_row))));
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->stage == NULL)
    return;
  if (g_strcmp0 (text, rapport_stage_get_purpose (self->stage) ? rapport_stage_get_purpose (self->stage) : "") == 0)
    return;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  save (self, "purpose", &value);
}

/* Key actions */

static RapportStageActionRow *
action_row_at (RapportStagePage *self,
               int               index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->actions_list, index);

  return RAPPORT_IS_STAGE_ACTION_ROW (row) ? RAPPORT_STAGE_ACTION_ROW (row) : NULL;
}

static gboolean
shows_actions (RapportStagePage *self,
               GPtrArray        *actions)
{
  guint i;

  for (i = 0; i < actions->len; i++)
    {
      RapportStageActionRow *row = action_row_at (self, (int) i);

      if (row == NULL || rapport_stage_action_row_get_action (row) != g_ptr_array_index (actions, i))
        return FALSE;
    }
  return action_row_at (self, (int) i) == NULL;
}

static void on_action_move   (RapportStagePage      *self,
                              int                    delta,
                              RapportStageActionRow *row);
static void on_action_remove (RapportStagePage      *self,
                              RapportStageActionRow *row);
static void on_action_edit   (RapportStagePage      *self,
                              const char            *property,
                              const char            *text,
                              RapportStageActionRow *row);

/* After a move or an addition the keyboard goes back to the action. */
static void
refocus (RapportStagePage *self)
{
  RapportStageActionRow *row;

  for (int i = 0; self->focus_id != 0 && (row = action_row_at (self, i)) != NULL; i++)
    if (rapport_record_get_id (RAPPORT_RECORD (rapport_stage_action_row_get_action (row))) == self->focus_id)
      {
        if (self->focus_field != NULL)
          rapport_stage_action_row_edit (row, self->focus_field);
        /* An expander row is not focusable itself: its header is. */
        else if (!gtk_widget_grab_focus (GTK_WIDGET (row)))
          gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD);
      }
  self->focus_id = 0;
  self->focus_field = NULL;
}

static void
fill_actions (RapportStagePage *self)
{
  g_autoptr(GPtrArray) actions = NULL;
  GtkWidget *old;

  g_assert (RAPPORT_IS_STAGE_PAGE (self));

  if (self->stage == NULL)
    actions = g_ptr_array_new ();
  else if ((actions = rapport_store_get_stage_actions (self->store, self->stage, NULL)) == NULL)
    return;
  if (shows_actions (self, actions))
    {
      refocus (self);
      return;
    }

  while ((old = GTK_WIDGET (action_row_at (self, 0))) != NULL)
    gtk_list_box_remove (self->actions_list, old);

  for (guint i = 0; i < actions->len; i++)
    {
      GtkWidget *row = rapport_stage_action_row_new (g_ptr_array_index (actions, i));

      rapport_stage_action_row_set_place (RAPPORT_STAGE_ACTION_ROW (row), i == 0, i + 1 == actions->len);
      g_signal_connect_object (row, "move", G_CALLBACK (on_action_move), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "remove", G_CALLBACK (on_action_remove), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "edit", G_CALLBACK (on_action_edit), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->actions_list, row);
    }
  refocus (self);
}

static void
on_action_move (RapportStagePage      *self,
                int                    delta,
                RapportStageActionRow *row)
{
  RapportStageAction *action = rapport_stage_action_row_get_action (row);
  int to = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + delta;
  GError *error = NULL;

  if (to < 0 || action_row_at (self, to) == NULL)
    return;

  self->focus_id = rapport_record_get_id (RAPPORT_RECORD (action));
  if (!rapport_store_move_stage_action (self->store, action, to, &error))
    fail (self, error);
}

/* A key action removed, to put back: its fields, its stage and place. */
typedef struct
{
  gint64  stage_id;
  int     position;
  char   *fields[5];  /* action, owner, activity, material, output */
} RemovedAction;

static void
removed_action_free (gpointer data)
{
  RemovedAction *removed = data;

  for (guint i = 0; i < G_N_ELEMENTS (removed->fields); i++)
    g_free (removed->fields[i]);
  g_free (removed);
}

static gboolean
undo_remove (RapportStore  *store,
             gpointer       data,
             GError       **error)
{
  RemovedAction *removed = data;
  RapportStageActionFields fields = {
    removed->fields[0], removed->fields[1], removed->fields[2], removed->fields[3], removed->fields[4],
  };
  g_autoptr(RapportStage) stage = rapport_store_get_stage (store, removed->stage_id, error);
  g_autoptr(RapportStageAction) action = NULL;

  if (stage == NULL)
    return FALSE;
  action = rapport_store_add_stage_action (store, stage, &fields, removed->position, error);
  return action != NULL;
}

static RemovedAction *
removed_action_new (RapportStageAction *action)
{
  RemovedAction *removed = g_new0 (RemovedAction, 1);

  removed->stage_id = rapport_stage_action_get_stage_id (action);
  removed->position = rapport_stage_action_get_position (action);
  g_object_get (action,
                "action", &removed->fields[0], "owner", &removed->fields[1], "activity", &removed->fields[2],
                "material", &removed->fields[3], "output", &removed->fields[4], NULL);
  return removed;
}

/* Removing asks nothing: Undo (its toast, Ctrl+Z) puts the action back. */
static void
on_action_remove (RapportStagePage      *self,
                  RapportStageActionRow *row)
{
  RapportStageAction *action = rapport_stage_action_row_get_action (row);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  RapportStageActionRow *next = action_row_at (self, index + 1) ? action_row_at (self, index + 1)
                                                                : action_row_at (self, index - 1);
  RemovedAction *removed = removed_action_new (action);
  g_autofree char *label = NULL;
  GError *error = NULL;
  guint64 id;

  if (next != NULL)
    self->focus_id = rapport_record_get_id (RAPPORT_RECORD (rapport_stage_action_row_get_action (next)));
  if (!rapport_store_delete_stage_action (self->store, action, &error))
    {
      removed_action_free (removed);
      fail (self, error);
      return;
    }

  /* Translators: an undo step; %s is a key action of the playbook */
  label = g_strdup_printf (_("Removed the key action “%s”"), removed->fields[0]);
  id = rapport_context_push_undo (self->context, label, undo_remove, removed, removed_action_free);
  g_signal_emit (self, signals[UNDOABLE], 0, label, id);
}

static void
on_action_edit (RapportStagePage      *self,
                const char            *property,
                const char            *text,
                RapportStageActionRow *row)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GError *error = NULL;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  if (rapport_store_update (self->store, RAPPORT_RECORD (rapport_stage_action_row_get_action (row)),
                            property, &value, &error))
    {
      rapport_stage_action_row_refused (row, property, NULL);
      return;
    }
  rapport_stage_action_row_refused (row, property, error->message);
  g_error_free (error);
}

static void
on_add_clicked (RapportStagePage *self)
{
  RapportStageActionFields fields = { .action = _("New key action") };
  g_autoptr(RapportStageAction) action = NULL;
  GError *error = NULL;

  if (self->stage == NULL)
    return;

  /* Open, with its text ready to be typed over, once shown. */
  action = rapport_store_add_stage_action (self->store, self->stage, &fields, -1, &error);
  if (action == NULL)
    {
      fail (self, error);
      return;
    }
  self->focus_id = rapport_record_get_id (RAPPORT_RECORD (action));
  self->focus_field = "action";
  fill_actions (self);
}

static void
on_stage_notice (RapportStagePage *self,
                 RapportNotice    *notice,
                 RapportStore     *store)
{
  if (self->stage == NULL ||
      !rapport_notice_concerns (notice, RAPPORT_ENTITY_STAGE, rapport_record_get_id (RAPPORT_RECORD (self->stage))))
    return;

  show_settings (self);
  fill_actions (self);
}

static void
rapport_stage_page_dispose (GObject *object)
{
  RapportStagePage *self = RAPPORT_STAGE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_STAGE_PAGE);
  g_clear_object (&self->stage);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_stage_page_parent_class)->dispose (object);
}

static void
rapport_stage_page_class_init (RapportStagePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_stage_page_dispose;

  /**
   * RapportStagePage::failed:
   * @message: why the store refused the change, for people
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * RapportStagePage::undoable:
   * @title: what was done, for the toast
   * @id: its undo step (rapport_context_push_undo())
   */
  signals[UNDOABLE] = g_signal_new ("undoable", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/process/stage-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportStagePage, settings_group);
  gtk_widget_class_bind_template_child (widget_class, RapportStagePage, probability_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportStagePage, rotting_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportStagePage, qualified_switch);
  gtk_widget_class_bind_template_child (widget_class, RapportStagePage, checklist_switch);
  gtk_widget_class_bind_template_child (widget_class, RapportStagePage, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, RapportStagePage, actions_list);
  gtk_widget_class_bind_template_callback (widget_class, on_probability_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_rotting_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_gate_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_purpose_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
}

static void
rapport_stage_page_init (RapportStagePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_spin_button_set_range (self->rotting_spin, 0, RAPPORT_PROCESS_MAX_DAYS);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

void
rapport_stage_page_set_context (RapportStagePage *self,
                                RapportContext   *context)
{
  g_return_if_fail (RAPPORT_IS_STAGE_PAGE (self));
  g_return_if_fail (RAPPORT_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->store = g_object_ref (rapport_context_get_store (context));
  g_signal_connect_object (self->store, "notice::stage", G_CALLBACK (on_stage_notice), self, G_CONNECT_SWAPPED);
}

RapportStage *
rapport_stage_page_get_stage (RapportStagePage *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_PAGE (self), NULL);

  return self->stage;
}

/**
 * rapport_stage_page_set_stage:
 * @stage: (nullable): the stage to show and edit
 */
void
rapport_stage_page_set_stage (RapportStagePage *self,
                              RapportStage     *stage)
{
  g_return_if_fail (RAPPORT_IS_STAGE_PAGE (self));
  g_return_if_fail (self->store != NULL);

  if (!g_set_object (&self->stage, stage))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self), stage != NULL);
  show_settings (self);
  fill_actions (self);
}
