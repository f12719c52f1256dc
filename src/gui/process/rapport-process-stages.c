/* rapport-process-stages.c — the stages of a pipeline, edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows are Preferences' kept-list rows (RapportChoiceRow): renamed in
 * place, moved by Alt+Up / Alt+Down, by their buttons and by a drag. As
 * there, every change is one store call and the rows are drawn again from
 * the store's list of stages (which follows every change, also another
 * program's), the keyboard kept where the user was. Row i is the
 * stage at position i of that list.
 */

#define G_LOG_DOMAIN "rapport-process-stages"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-choice-row.h"
#include "rapport-process-dialogs.h"
#include "rapport-process-stages.h"
#include "rapport-row-reorder.h"
#include "rapport-store-process.h"

struct _RapportProcessStages
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  GtkListBox          *list_box;
  AdwEntryRow         *add_row;

  /* Owned references */
  RapportStore        *store;
  RapportPipeline     *pipeline;
  GListModel          *stages;     /* the store's, of the pipeline */
  RapportStage        *deleting;   /* while its dialog asks */

  /* Where the keyboard goes once drawn again */
  gint64               focus_id;     /* this stage's row */
  int                  focus_index;  /* else this row; -1 for neither */
};

G_DEFINE_FINAL_TYPE (RapportProcessStages, rapport_process_stages, ADW_TYPE_PREFERENCES_GROUP)

enum {
  FAILED,
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static RapportChoiceRow *
row_at (RapportProcessStages *self,
        int                   index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, index);

  return RAPPORT_IS_CHOICE_ROW (row) ? RAPPORT_CHOICE_ROW (row) : NULL;
}

/* The stage of a row (transfer full), by its place. */
static RapportStage *
stage_of (RapportProcessStages *self,
          RapportChoiceRow     *row)
{
  return g_list_model_get_item (self->stages, (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static guint
n_stages (RapportProcessStages *self)
{
  return self->stages != NULL ? g_list_model_get_n_items (self->stages) : 0;
}

static gboolean
shows (RapportProcessStages *self)
{
  guint n = n_stages (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (self->stages, i);
      RapportChoiceRow *row = row_at (self, (int) i);

      if (row == NULL || !g_str_equal (rapport_choice_row_get_label (row), rapport_stage_get_name (stage)))
        return FALSE;
    }
  return row_at (self, (int) n) == NULL;
}

static void
fail (RapportProcessStages *self,
      GError               *error)
{
  g_signal_emit (self, signals[FAILED], 0, error->message);
  g_error_free (error);
}

static void
refocus (RapportProcessStages *self)
{
  guint n = n_stages (self);
  GtkWidget *focus = NULL;

  for (guint i = 0; self->focus_id != 0 && i < n; i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (self->stages, i);

      if (rapport_record_get_id (RAPPORT_RECORD (stage)) == self->focus_id)
        focus = GTK_WIDGET (row_at (self, (int) i));
    }
  if (focus == NULL && self->focus_index >= 0)
    focus = self->focus_index < (int) n ? GTK_WIDGET (row_at (self, self->focus_index))
                                        : GTK_WIDGET (self->add_row);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  self->focus_id = 0;
  self->focus_index = -1;
}

static void on_row_move   (RapportProcessStages *self,
                           int                   delta,
                           RapportChoiceRow     *row);
static void on_row_remove (RapportProcessStages *self,
                           RapportChoiceRow     *row);
static void on_row_rename (RapportProcessStages *self,
                           const char           *text,
                           RapportChoiceRow     *row);

/* The keyboard on a stage's row chooses it: its playbook shows below. */
static void
on_row_focus (RapportProcessStages    *self,
              GtkEventControllerFocus *controller)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  g_autoptr(RapportStage) stage = NULL;

  if (gtk_widget_get_parent (row) != GTK_WIDGET (self->list_box))
    return;
  if ((stage = stage_of (self, RAPPORT_CHOICE_ROW (row))) != NULL)
    g_signal_emit (self, signals[CHOSEN], 0, stage);
}

static GtkWidget *
row_new (RapportProcessStages *self,
         RapportStage         *stage,
         guint                 index,
         guint                 n)
{
  GtkWidget *row = rapport_choice_row_new (rapport_stage_get_name (stage));
  GtkEventController *focus = gtk_event_controller_focus_new ();

  rapport_choice_row_set_place (RAPPORT_CHOICE_ROW (row), index == 0, index + 1 == n);
  /* A pipeline keeps one stage at least, to hold its deals. */
  gtk_widget_action_set_enabled (row, "choice.remove", n > 1);
  g_signal_connect_object (row, "move", G_CALLBACK (on_row_move), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "rename", G_CALLBACK (on_row_rename), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_row_focus), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, focus);
  return row;
}

static void
fill (RapportProcessStages *self)
{
  guint n = n_stages (self);
  RapportChoiceRow *old;

  g_assert (RAPPORT_IS_PROCESS_STAGES (self));

  if (shows (self))
    {
      refocus (self);
      return;
    }

  while ((old = row_at (self, 0)) != NULL)
    gtk_list_box_remove (self->list_box, GTK_WIDGET (old));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (self->stages, i);

      gtk_list_box_insert (self->list_box, row_new (self, stage, i, n), (int) i);
    }
  refocus (self);
}

static void
on_stages_changed (RapportProcessStages *self)
{
  fill (self);
}

/* A rename changes a stage, not the list: its notice says so. */
static void
on_stage_notice (RapportProcessStages *self)
{
  fill (self);
}

static void
move (RapportProcessStages *self,
      RapportChoiceRow     *row,
      int                   to)
{
  g_autoptr(RapportStage) stage = stage_of (self, row);
  GError *error = NULL;

  g_assert (RAPPORT_IS_PROCESS_STAGES (self));

  if (stage == NULL || to < 0 || to >= (int) n_stages (self))
    return;

  self->focus_id = rapport_record_get_id (RAPPORT_RECORD (stage));
  if (!rapport_store_move_stage (self->store, stage, to, &error))
    fail (self, error);
  fill (self);
}

static void
on_row_move (RapportProcessStages *self,
             int                   delta,
             RapportChoiceRow     *row)
{
  move (self, row, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + delta);
}

static gboolean
on_drop (gpointer       data,
         GtkListBoxRow *row,
         int            index)
{
  RapportProcessStages *self = data;

  if (gtk_list_box_row_get_index (row) == index)
    return FALSE;
  move (self, RAPPORT_CHOICE_ROW (row), index);
  return TRUE;
}

static void
on_row_rename (RapportProcessStages *self,
               const char           *text,
               RapportChoiceRow     *row)
{
  g_autoptr(RapportStage) stage = stage_of (self, row);
  g_auto(GValue) value = G_VALUE_INIT;
  GError *error = NULL;

  if (stage == NULL)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  self->focus_id = rapport_record_get_id (RAPPORT_RECORD (stage));
  if (!rapport_store_update (self->store, RAPPORT_RECORD (stage), "name", &value, &error))
    {
      gtk_editable_set_text (GTK_EDITABLE (row), rapport_choice_row_get_label (row));
      fail (self, error);
    }
  fill (self);
}

static void
on_delete_response (RapportProcessStages *self,
                    const char           *response,
                    AdwMessageDialog     *dialog)
{
  g_autoptr(RapportStage) stage = g_steal_pointer (&self->deleting);
  RapportStage *to = rapport_process_delete_dialog_get_target (dialog);
  GError *error = NULL;

  if (stage == NULL || !g_str_equal (response, "delete"))
    return;
  if (!rapport_store_delete_stage (self->store, stage, to, &error))
    fail (self, error);
  fill (self);
}

static void
on_row_remove (RapportProcessStages *self,
               RapportChoiceRow     *row)
{
  g_autoptr(RapportStage) stage = stage_of (self, row);
  g_autofree char *body = NULL;
  g_autofree char *picker = NULL;
  AdwMessageDialog *dialog;
  guint deals;

  if (stage == NULL)
    return;

  deals = rapport_store_count_stage_deals (self->store, stage);
  body = g_strdup_printf (_("The stage “%s” and its playbook will be deleted. The deals' history keeps its name."),
                          rapport_stage_get_name (stage));
  if (deals > 0)
    picker = g_strdup_printf (ngettext ("Move its %u deal to", "Move its %u deals to", deals), deals);
  dialog = rapport_process_delete_dialog_new (GTK_WIDGET (self), _("Delete the Stage?"), body,
                                              picker, deals > 0 ? self->stages : NULL, stage);

  g_set_object (&self->deleting, stage);
  self->focus_index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A new stage goes last, with the last stage's probability and days. */
static void
on_add (RapportProcessStages *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row))));
  g_autoptr(RapportStage) last = NULL;
  g_autoptr(RapportStage) stage = NULL;
  GError *error = NULL;

  g_assert (RAPPORT_IS_PROCESS_STAGES (self));

  if (*text == '\0' || self->pipeline == NULL)
    return;

  last = g_list_model_get_item (self->stages, n_stages (self) - 1);
  stage = rapport_store_add_stage (self->store, self->pipeline, text, -1,
                                   last != NULL ? rapport_stage_get_probability (last) : 50,
                                   last != NULL ? rapport_stage_get_rotting_days (last) : 14, &error);
  if (stage == NULL)
    {
      fail (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  self->focus_index = (int) n_stages (self);
  fill (self);
  g_signal_emit (self, signals[CHOSEN], 0, stage);
}

static void
rapport_process_stages_dispose (GObject *object)
{
  RapportProcessStages *self = RAPPORT_PROCESS_STAGES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_PROCESS_STAGES);
  g_clear_object (&self->deleting);
  g_clear_object (&self->stages);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_process_stages_parent_class)->dispose (object);
}

static void
rapport_process_stages_class_init (RapportProcessStagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_process_stages_dispose;

  /**
   * RapportProcessStages::failed:
   * @message: why the store refused the change, for people
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * RapportProcessStages::chosen:
   * @stage: the stage whose row took the keyboard, or that was added
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RAPPORT_TYPE_STAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/process/process-stages.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportProcessStages, list_box);
  gtk_widget_class_bind_template_child (widget_class, RapportProcessStages, add_row);
  gtk_widget_class_bind_template_callback (widget_class, on_add);
}

static void
rapport_process_stages_init (RapportProcessStages *self)
{
  self->focus_index = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The list box is the group's: the target dies before the group. */
  rapport_row_drop_attach (self->list_box, RAPPORT_TYPE_CHOICE_ROW, on_drop, self);
}

void
rapport_process_stages_set_store (RapportProcessStages *self,
                                  RapportStore         *store)
{
  g_return_if_fail (RAPPORT_IS_PROCESS_STAGES (self));
  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "notice::stage", G_CALLBACK (on_stage_notice), self, G_CONNECT_SWAPPED);
}

void
rapport_process_stages_set_pipeline (RapportProcessStages *self,
                                     RapportPipeline      *pipeline)
{
  g_return_if_fail (RAPPORT_IS_PROCESS_STAGES (self));
  g_return_if_fail (self->store != NULL);

  if (!g_set_object (&self->pipeline, pipeline))
    return;

  if (self->stages != NULL)
    g_signal_handlers_disconnect_by_func (self->stages, on_stages_changed, self);
  g_clear_object (&self->stages);
  if (pipeline != NULL)
    {
      self->stages = g_object_ref (rapport_store_get_stages (self->store, pipeline));
      g_signal_connect_object (self->stages, "items-changed", G_CALLBACK (on_stages_changed),
                               self, G_CONNECT_SWAPPED);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_row), pipeline != NULL);
  fill (self);
}
