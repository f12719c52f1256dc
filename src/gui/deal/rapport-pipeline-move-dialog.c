/* rapport-pipeline-move-dialog.c — a deal to another pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Move to Another Pipeline… on the deal page: the other pipelines, and for
 * the one chosen the stage the deal lands in, as the store maps it (the
 * stage of the same name, else of the same place, else the last), which
 * the user may change. Move is one store call
 * (rapport_store_move_deal_to_pipeline(), with its history entry); the
 * move goes on the window's undo stack and its toast has Undo, which puts
 * the deal back in its stage and place. No gate holds a move to another
 * pipeline: the team's process there starts over with it.
 */

#define G_LOG_DOMAIN "rapport-pipeline-move-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-pipeline-move-dialog.h"
#include "rapport-store-process.h"

struct _RapportPipelineMoveDialog
{
  AdwMessageDialog    parent_instance;

  /* Template widgets */
  AdwComboRow        *pipeline_row;
  AdwComboRow        *stage_row;

  /* Owned references */
  RapportContext     *context;
  RapportDeal        *deal;
  RapportStage       *from;        /* the deal's stage when asked */
  GtkFilterListModel *pipelines;   /* every pipeline but the deal's */
};

G_DEFINE_FINAL_TYPE (RapportPipelineMoveDialog, rapport_pipeline_move_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Undo: back to the stage, and the place in it, of before */

typedef struct
{
  RapportDeal *deal;
  gint64       stage_id;
  int          position;   /* -1 for a won or lost deal */
} MoveBack;

static void
move_back_free (MoveBack *back)
{
  g_object_unref (back->deal);
  g_free (back);
}

static gboolean
move_back (RapportStore  *store,
           gpointer       data,
           GError       **error)
{
  MoveBack *back = data;
  g_autoptr(RapportStage) stage = rapport_store_get_stage (store, back->stage_id, error);

  if (stage == NULL ||
      !rapport_store_move_deal_to_pipeline (store, back->deal, stage, error))
    return FALSE;

  /* It came back at the end of the stage; its own place again (a move
   * within a stage meets no gate and makes no history). */
  return back->position < 0 ||
         rapport_store_move_deal (store, back->deal, stage, back->position, error);
}

static void
rapport_pipeline_move_dialog_move (RapportPipelineMoveDialog *self)
{
  RapportStore *store = rapport_context_get_store (self->context);
  RapportPipeline *pipeline = adw_combo_row_get_selected_item (self->pipeline_row);
  RapportStage *stage = adw_combo_row_get_selected_item (self->stage_row);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  MoveBack *back;
  guint64 step;

  g_assert (RAPPORT_IS_PIPELINE_MOVE_DIALOG (self));

  if (pipeline == NULL || stage == NULL)
    return;

  back = g_new0 (MoveBack, 1);
  back->deal = g_object_ref (self->deal);
  back->stage_id = rapport_deal_get_stage_id (self->deal);
  back->position = rapport_deal_get_status (self->deal) == RAPPORT_DEAL_STATUS_OPEN
                     ? rapport_store_get_deal_position (store, self->deal) : -1;

  if (!rapport_store_move_deal_to_pipeline (store, self->deal, stage, &error))
    {
      move_back_free (back);
      rapport_context_report_error (self->context, error);
      return;
    }

  /* Translators: an undo step, and the toast that says it was done: the
   * deal, then the pipeline and the stage it went to. */
  label = g_strdup_printf (_("Moved “%s” to %s, stage %s"), rapport_deal_get_title (self->deal),
                           rapport_pipeline_get_name (pipeline), rapport_stage_get_name (stage));
  step = rapport_context_push_undo (self->context, label, move_back, back, (GDestroyNotify) move_back_free);
  rapport_context_add_toast (self->context, rapport_context_undo_toast_new (self->context, label, step));
}

static void
on_response (RapportPipelineMoveDialog *self,
             const char                *response)
{
  g_assert (RAPPORT_IS_PIPELINE_MOVE_DIALOG (self));

  if (g_str_equal (response, "move"))
    rapport_pipeline_move_dialog_move (self);
}

/* The chosen pipeline's stages, the mapped one selected. */
static void
on_pipeline_selected (RapportPipelineMoveDialog *self)
{
  RapportStore *store = self->context != NULL ? rapport_context_get_store (self->context) : NULL;
  RapportPipeline *pipeline = adw_combo_row_get_selected_item (self->pipeline_row);
  g_autoptr(RapportStage) mapped = NULL;
  GListModel *stages;

  g_assert (RAPPORT_IS_PIPELINE_MOVE_DIALOG (self));

  if (self->context == NULL)   /* the template, before the deal is set */
    return;
  if (pipeline == NULL || self->from == NULL)
    {
      adw_combo_row_set_model (self->stage_row, NULL);
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "move", FALSE);
      return;
    }

  stages = rapport_store_get_stages (store, pipeline);
  adw_combo_row_set_model (self->stage_row, stages);
  mapped = rapport_store_map_stage (store, self->from, pipeline);
  for (guint i = 0; mapped != NULL && i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);

      if (rapport_record_get_id (RAPPORT_RECORD (stage)) == rapport_record_get_id (RAPPORT_RECORD (mapped)))
        adw_combo_row_set_selected (self->stage_row, i);
    }
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "move",
                                           g_list_model_get_n_items (stages) > 0);
}

static gboolean
is_other_pipeline (gpointer item,
                   gpointer data)
{
  RapportPipelineMoveDialog *self = data;

  return self->from == NULL ||
         rapport_record_get_id (RAPPORT_RECORD (item)) != rapport_stage_get_pipeline_id (self->from);
}

static void
rapport_pipeline_move_dialog_dispose (GObject *object)
{
  RapportPipelineMoveDialog *self = RAPPORT_PIPELINE_MOVE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_PIPELINE_MOVE_DIALOG);

  g_clear_object (&self->pipelines);
  g_clear_object (&self->from);
  g_clear_object (&self->deal);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_pipeline_move_dialog_parent_class)->dispose (object);
}

static void
rapport_pipeline_move_dialog_class_init (RapportPipelineMoveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_pipeline_move_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/deal/pipeline-move-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportPipelineMoveDialog, pipeline_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPipelineMoveDialog, stage_row);
  gtk_widget_class_bind_template_callback (widget_class, on_response);
  gtk_widget_class_bind_template_callback (widget_class, on_pipeline_selected);
}

static void
rapport_pipeline_move_dialog_init (RapportPipelineMoveDialog *self)
{
  g_autoptr(GtkExpression) pipeline_name = gtk_property_expression_new (RAPPORT_TYPE_PIPELINE, NULL, "name");
  g_autoptr(GtkExpression) stage_name = gtk_property_expression_new (RAPPORT_TYPE_STAGE, NULL, "name");

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_expression (self->pipeline_row, pipeline_name);
  adw_combo_row_set_expression (self->stage_row, stage_name);
}

/* The deal and where it can go: set once, before the dialog shows. */
static void
rapport_pipeline_move_dialog_set_deal (RapportPipelineMoveDialog *self,
                                       RapportContext            *context,
                                       RapportDeal               *deal)
{
  RapportStore *store = rapport_context_get_store (context);
  g_autofree char *heading = NULL;

  g_assert (RAPPORT_IS_PIPELINE_MOVE_DIALOG (self));

  self->context = g_object_ref (context);
  self->deal = g_object_ref (deal);
  self->from = rapport_store_get_stage (store, rapport_deal_get_stage_id (deal), NULL);

  /* Translators: %s is a deal */
  heading = g_strdup_printf (_("Move “%s” to Another Pipeline?"), rapport_deal_get_title (deal));
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);

  /* The store's list, filtered: a pipeline added or renamed meanwhile
   * shows as it is. */
  self->pipelines = gtk_filter_list_model_new (g_object_ref (rapport_store_get_pipelines (store)),
                                               GTK_FILTER (gtk_custom_filter_new (is_other_pipeline, self, NULL)));
  adw_combo_row_set_model (self->pipeline_row, G_LIST_MODEL (self->pipelines));
  on_pipeline_selected (self);
}

void
rapport_pipeline_move_dialog_ask (RapportContext *context,
                                  GtkWidget      *from,
                                  RapportDeal    *deal)
{
  RapportPipelineMoveDialog *self;
  GtkRoot *root;

  g_return_if_fail (RAPPORT_IS_CONTEXT (context));
  g_return_if_fail (from == NULL || GTK_IS_WIDGET (from));
  g_return_if_fail (RAPPORT_IS_DEAL (deal));

  root = from != NULL ? gtk_widget_get_root (from) : NULL;
  self = g_object_new (RAPPORT_TYPE_PIPELINE_MOVE_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       NULL);
  rapport_pipeline_move_dialog_set_deal (self, context, deal);
  gtk_window_present (GTK_WINDOW (self));
}
