/* rapport-process-editor.c — the sales process, edited: "Edit Process…"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window holds the pipelines and which one and which stage are
 * chosen; the stages (RapportProcessStages), the chosen stage and its
 * playbook (RapportStagePage) and the after-sales plan
 * (RapportAfterSalesEditor) edit themselves through the store. The lists
 * shown are the store's own, which it fills anew after a change: the
 * choices are kept by id across that.
 */

#define G_LOG_DOMAIN "rapport-process-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-after-sales-editor.h"
#include "rapport-process-dialogs.h"
#include "rapport-process-editor-private.h"
#include "rapport-process-stages.h"
#include "rapport-store-process.h"

G_DEFINE_FINAL_TYPE (RapportProcessEditor, rapport_process_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PIPELINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The context's toasts are the main window's, under this one: a refusal
 * shows here. */
static void
on_failed (RapportProcessEditor *self,
           const char           *message)
{
  /* Translators: a change could not be stored; %s says why. */
  g_autofree char *text = g_strdup_printf (_("Not saved: %s"), message);
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Undo from here: the toast's button and Ctrl+Z, as in the main window. */
static void
on_undoable (RapportProcessEditor *self,
             const char           *title,
             guint64               id)
{
  adw_toast_overlay_add_toast (self->toast_overlay, rapport_context_undo_toast_new (self->context, title, id));
}

static void
undo_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  rapport_context_undo_step (RAPPORT_PROCESS_EDITOR (widget)->context, g_variant_get_uint64 (parameter));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rapport_context_undo (RAPPORT_PROCESS_EDITOR (widget)->context);
}

static void
fail (RapportProcessEditor *self,
      GError               *error)
{
  on_failed (self, error->message);
  g_error_free (error);
}

/* Pipelines */

static void
name_row (GtkWidget       *row,
          GParamSpec      *pspec,
          RapportPipeline *pipeline)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rapport_pipeline_get_name (pipeline), -1);
}

static GtkWidget *
create_pipeline_row (gpointer item,
                     gpointer user_data)
{
  RapportPipeline *pipeline = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_bind_property (pipeline, "name", label, "label", G_BINDING_SYNC_CREATE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  name_row (row, NULL, pipeline);
  g_signal_connect_object (pipeline, "notify::name", G_CALLBACK (name_row), row, G_CONNECT_SWAPPED);
  return row;
}

static void
select_pipeline_row (RapportProcessEditor *self)
{
  GListModel *pipelines = rapport_store_get_pipelines (store_of (self));
  guint index = self->pipeline != NULL
    ? rapport_process_editor_index_of (pipelines, rapport_record_get_id (RAPPORT_RECORD (self->pipeline)))
    : GTK_INVALID_LIST_POSITION;
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->pipelines_list, (int) index);

  self->refilling = TRUE;
  if (gtk_list_box_get_selected_row (self->pipelines_list) != row)
    gtk_list_box_select_row (self->pipelines_list, row);
  self->refilling = FALSE;
}

static void
show_pipeline (RapportProcessEditor *self)
{
  const char *name = self->pipeline != NULL ? rapport_pipeline_get_name (self->pipeline) : "";
  gboolean last = g_list_model_get_n_items (rapport_store_get_pipelines (store_of (self))) <= 1;

  adw_window_title_set_subtitle (self->window_title, name);
  if (gtk_widget_get_focus_child (GTK_WIDGET (self->name_row)) == NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete-pipeline", self->pipeline != NULL && !last);
  gtk_widget_set_tooltip_text (self->delete_button,
                               last ? _("The last pipeline cannot be deleted.") : NULL);
}

/* The store filled its list anew: the chosen pipeline stays chosen, or
 * if it is gone the current one is. */
static void
on_pipelines_changed (RapportProcessEditor *self)
{
  GListModel *pipelines = rapport_store_get_pipelines (store_of (self));

  if (self->pipeline == NULL ||
      rapport_process_editor_index_of (pipelines, rapport_record_get_id (RAPPORT_RECORD (self->pipeline))) == GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(RapportPipeline) current = rapport_store_get_current_pipeline (store_of (self));

      rapport_process_editor_set_pipeline (self, current);
    }
  select_pipeline_row (self);
  show_pipeline (self);
}

static void
on_pipeline_notice (RapportProcessEditor *self)
{
  show_pipeline (self);
}

static void
on_pipeline_selected (RapportProcessEditor *self,
                      GtkListBoxRow        *row)
{
  g_autoptr(RapportPipeline) pipeline = NULL;

  if (row == NULL || self->refilling)
    return;
  pipeline = g_list_model_get_item (rapport_store_get_pipelines (store_of (self)),
                                    (guint) gtk_list_box_row_get_index (row));
  rapport_process_editor_set_pipeline (self, pipeline);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Renaming changes the name from now on: the history keeps the old. */
static void
on_name_apply (RapportProcessEditor *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_auto(GValue) value = G_VALUE_INIT;
  GError *error = NULL;

  if (self->pipeline == NULL || g_str_equal (text, rapport_pipeline_get_name (self->pipeline)))
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  if (!rapport_store_update (store_of (self), RAPPORT_RECORD (self->pipeline), "name", &value, &error))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), rapport_pipeline_get_name (self->pipeline));
      fail (self, error);
    }
}

static void
on_add_response (RapportProcessEditor *self,
                 const char           *response,
                 AdwMessageDialog     *dialog)
{
  g_autofree char *name = rapport_process_add_dialog_get_name (dialog);
  g_autoptr(RapportPipeline) pipeline = NULL;
  GError *error = NULL;

  if (!g_str_equal (response, "add"))
    return;
  pipeline = rapport_store_add_pipeline (store_of (self), name, rapport_process_add_dialog_get_template (dialog), &error);
  if (pipeline == NULL)
    {
      fail (self, error);
      return;
    }
  rapport_process_editor_set_pipeline (self, pipeline);
  select_pipeline_row (self);
}

static void
add_pipeline_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RapportProcessEditor *self = RAPPORT_PROCESS_EDITOR (widget);
  AdwMessageDialog *dialog = rapport_process_add_dialog_new (widget);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_response (RapportProcessEditor *self,
                    const char           *response,
                    AdwMessageDialog     *dialog)
{
  RapportPipeline *to = rapport_process_delete_dialog_get_target (dialog);
  g_autoptr(RapportPipeline) pipeline = NULL;
  GError *error = NULL;

  if (!g_str_equal (response, "delete") || self->pipeline == NULL)
    return;
  pipeline = g_object_ref (self->pipeline);
  if (!rapport_store_delete_pipeline (store_of (self), pipeline, to, &error))
    {
      fail (self, error);
      return;
    }
  if (to != NULL)
    rapport_process_editor_set_pipeline (self, to);
  on_pipelines_changed (self);
}

static void
delete_pipeline_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RapportProcessEditor *self = RAPPORT_PROCESS_EDITOR (widget);
  guint deals;
  g_autofree char *body = NULL;
  g_autofree char *picker = NULL;
  AdwMessageDialog *dialog;

  if (self->pipeline == NULL)
    return;

  deals = rapport_store_count_pipeline_deals (store_of (self), self->pipeline);
  body = g_strdup_printf (_("The pipeline “%s”, its stages, their playbooks and its after-sales plan will be deleted. The deals' history keeps the stages' names."),
                          rapport_pipeline_get_name (self->pipeline));
  if (deals > 0)
    picker = g_strdup_printf (ngettext ("Move its %u deal to", "Move its %u deals to", deals), deals);
  dialog = rapport_process_delete_dialog_new (widget, _("Delete the Pipeline?"), body, picker,
                                              deals > 0 ? rapport_store_get_pipelines (store_of (self)) : NULL,
                                              self->pipeline);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  adw_leaflet_navigate (RAPPORT_PROCESS_EDITOR (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Every part of the window on the pipeline chosen. */
static void
show_all (RapportProcessEditor *self)
{
  g_assert (RAPPORT_IS_PROCESS_EDITOR (self));

  rapport_process_stages_set_pipeline (self->stages_group, self->pipeline);
  rapport_after_sales_editor_set_pipeline (RAPPORT_AFTER_SALES_EDITOR (adw_bin_get_child (self->after_sales_bin)),
                                           self->pipeline);
  rapport_process_editor_show_stages (self);
  show_pipeline (self);
  select_pipeline_row (self);
}

/* GObject */

static void
rapport_process_editor_constructed (GObject *object)
{
  RapportProcessEditor *self = RAPPORT_PROCESS_EDITOR (object);
  RapportStore *store = store_of (self);
  GListModel *pipelines = rapport_store_get_pipelines (store);

  G_OBJECT_CLASS (rapport_process_editor_parent_class)->constructed (object);

  rapport_process_stages_set_store (self->stages_group, store);
  rapport_stage_page_set_context (self->stage_page, self->context);
  adw_bin_set_child (self->after_sales_bin, rapport_after_sales_editor_new (store, self->pipeline));

  gtk_list_box_bind_model (self->pipelines_list, pipelines, create_pipeline_row, NULL, NULL);
  g_signal_connect_object (pipelines, "items-changed", G_CALLBACK (on_pipelines_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (store, "notice::pipeline", G_CALLBACK (on_pipeline_notice), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notice::stage", G_CALLBACK (rapport_process_editor_on_stage_notice), self, G_CONNECT_SWAPPED);
  self->shown = TRUE;
  show_all (self);
  on_pipelines_changed (self);
}

static void
rapport_process_editor_dispose (GObject *object)
{
  RapportProcessEditor *self = RAPPORT_PROCESS_EDITOR (object);

  if (self->pipelines_list != NULL)
    gtk_list_box_bind_model (self->pipelines_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_PROCESS_EDITOR);
  g_clear_object (&self->stages);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_process_editor_parent_class)->dispose (object);
}

static void
rapport_process_editor_finalize (GObject *object)
{
  RapportProcessEditor *self = RAPPORT_PROCESS_EDITOR (object);

  g_free (self->stage_names);

  G_OBJECT_CLASS (rapport_process_editor_parent_class)->finalize (object);
}

static void
rapport_process_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RapportProcessEditor *self = RAPPORT_PROCESS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_PIPELINE:
      g_value_set_object (value, self->pipeline);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_process_editor_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RapportProcessEditor *self = RAPPORT_PROCESS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_PIPELINE:
      /* At construction, only kept: the children are given it once they
       * have the store. */
      if (self->shown)
        rapport_process_editor_set_pipeline (self, g_value_get_object (value));
      else
        g_set_object (&self->pipeline, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_process_editor_class_init (RapportProcessEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_process_editor_constructed;
  object_class->dispose = rapport_process_editor_dispose;
  object_class->finalize = rapport_process_editor_finalize;
  object_class->get_property = rapport_process_editor_get_property;
  object_class->set_property = rapport_process_editor_set_property;

  /* The store, its undo and its toasts: set once, first. */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The pipeline shown and edited. */
  properties[PROP_PIPELINE] =
    g_param_spec_object ("pipeline", NULL, NULL, RAPPORT_TYPE_PIPELINE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_PROCESS_STAGES);
  g_type_ensure (RAPPORT_TYPE_STAGE_PAGE);
  g_type_ensure (RAPPORT_TYPE_STAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/process/process-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportProcessEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportProcessEditor, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RapportProcessEditor, content);
  gtk_widget_class_bind_template_child (widget_class, RapportProcessEditor, pipelines_list);
  gtk_widget_class_bind_template_child (widget_class, RapportProcessEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, RapportProcessEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, RapportProcessEditor, stages_group);
  gtk_widget_class_bind_template_child (widget_class, RapportProcessEditor, stage_row);
  gtk_widget_class_bind_template_child (widget_class, RapportProcessEditor, stage_page);
  gtk_widget_class_bind_template_child (widget_class, RapportProcessEditor, after_sales_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportProcessEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_failed);
  gtk_widget_class_bind_template_callback (widget_class, on_undoable);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_stage_chosen", G_CALLBACK (rapport_process_editor_on_stage_chosen));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_stage_picked", G_CALLBACK (rapport_process_editor_on_stage_picked));
  gtk_widget_class_bind_template_callback (widget_class, on_pipeline_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_name_apply);

  gtk_widget_class_install_action (widget_class, "editor.add-pipeline", NULL, add_pipeline_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-pipeline", NULL, delete_pipeline_action);
  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_action);
  /* The names the undo toasts' buttons use (rapport_context_undo_toast_new). */
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-step", "t", undo_step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rapport_process_editor_init (RapportProcessEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_process_editor_new (RapportContext  *context,
                            GtkWindow       *parent,
                            RapportPipeline *pipeline)
{
  g_autoptr(RapportPipeline) current = NULL;

  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);

  if (pipeline == NULL)
    pipeline = current = rapport_store_get_current_pipeline (rapport_context_get_store (context));
  /* The application's, so its shortcuts (Ctrl+Q) work here too. */
  return g_object_new (RAPPORT_TYPE_PROCESS_EDITOR,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "context", context,
                       "pipeline", pipeline,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       NULL);
}

RapportPipeline *
rapport_process_editor_get_pipeline (RapportProcessEditor *self)
{
  g_return_val_if_fail (RAPPORT_IS_PROCESS_EDITOR (self), NULL);

  return self->pipeline;
}

void
rapport_process_editor_set_pipeline (RapportProcessEditor *self,
                                     RapportPipeline      *pipeline)
{
  g_return_if_fail (RAPPORT_IS_PROCESS_EDITOR (self));
  g_return_if_fail (!pipeline || RAPPORT_IS_PIPELINE (pipeline));

  if (!g_set_object (&self->pipeline, pipeline))
    return;

  show_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIPELINE]);
}
