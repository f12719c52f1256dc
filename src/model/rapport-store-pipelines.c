/* rapport-store-pipelines.c — pipelines, stages and their playbooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-store-private.h"
#include "rapport-store-process.h"
#include "rapport-validate.h"

/* Pipelines and stages */

void
rapport_store_reload_pipelines (RapportStore *self)
{
  rapport_store_fill_list (self, self->pipelines, RAPPORT_TYPE_PIPELINE,
                   rapport_store_stmt (self, STMT_LIST_PIPELINES));
}

GListModel *
rapport_store_get_pipelines (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (self->pipelines == NULL)
    {
      self->pipelines = g_list_store_new (RAPPORT_TYPE_PIPELINE);
      rapport_store_reload_pipelines (self);
    }

  return G_LIST_MODEL (self->pipelines);
}

RapportPipeline *
rapport_store_get_current_pipeline (RapportStore *self)
{
  g_autofree char *current = NULL;
  RapportPipeline *pipeline = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  current = rapport_store_get_setting (self, "current-pipeline");
  if (current != NULL)
    pipeline = rapport_store_lookup (self, RAPPORT_TYPE_PIPELINE, g_ascii_strtoll (current, NULL, 10), NULL);

  /* A removed current pipeline falls back to the first one. */
  if (pipeline == NULL && g_list_model_get_n_items (rapport_store_get_pipelines (self)) > 0)
    pipeline = g_list_model_get_item (rapport_store_get_pipelines (self), 0);

  return pipeline;
}

gboolean
rapport_store_set_current_pipeline (RapportStore     *self,
                                    RapportPipeline  *pipeline,
                                    GError          **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (pipeline), FALSE);

  text = g_strdup_printf ("%" G_GINT64_FORMAT, rapport_record_get_id (RAPPORT_RECORD (pipeline)));
  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!rapport_store_set_setting (self, "current-pipeline", text, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  if (!rapport_store_commit (self, error))
    return FALSE;

  rapport_store_notify (self, RAPPORT_ENTITY_PIPELINE, RAPPORT_CHANGE_RELOAD, 0);
  return TRUE;
}

RapportPipeline *
rapport_store_add_pipeline_from_template (RapportStore  *self,
                                          const char    *template_id,
                                          GError       **error)
{
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (!rapport_store_begin (self, error))
    return NULL;
  if (!rapport_schema_seed_pipeline (self, template_id, &id, error))
    {
      rapport_store_rollback (self);
      return NULL;
    }
  if (!rapport_store_commit (self, error))
    return NULL;

  if (self->pipelines != NULL)
    rapport_store_reload_pipelines (self);
  rapport_store_notify (self, RAPPORT_ENTITY_PIPELINE, RAPPORT_CHANGE_ADDED, id);

  return rapport_store_lookup (self, RAPPORT_TYPE_PIPELINE, id, error);
}

RapportPipeline *
rapport_store_use_template (RapportStore  *self,
                            const char    *template_id,
                            GError       **error)
{
  GListModel *pipelines;
  g_autofree char *text = NULL;
  gboolean added = FALSE;
  gint64 id = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (template_id != NULL, NULL);

  pipelines = rapport_store_get_pipelines (self);
  for (guint i = 0; i < g_list_model_get_n_items (pipelines) && id == 0; i++)
    {
      g_autoptr(RapportPipeline) pipeline = g_list_model_get_item (pipelines, i);

      if (g_strcmp0 (rapport_pipeline_get_template (pipeline), template_id) == 0)
        id = rapport_record_get_id (RAPPORT_RECORD (pipeline));
    }

  /* Adding the pipeline and making it current are one change: a failure
   * between them leaves no pipeline that nothing asked for. */
  if (!rapport_store_begin (self, error))
    return NULL;
  if (id == 0)
    {
      if (!rapport_schema_seed_pipeline (self, template_id, &id, error))
        goto fail;
      added = TRUE;
    }
  text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  if (!rapport_store_set_setting (self, "current-pipeline", text, error))
    goto fail;
  if (!rapport_store_commit (self, error))
    return NULL;

  if (added && self->pipelines != NULL)
    rapport_store_reload_pipelines (self);
  rapport_store_notify (self, RAPPORT_ENTITY_PIPELINE, RAPPORT_CHANGE_RELOAD, 0);

  return rapport_store_lookup (self, RAPPORT_TYPE_PIPELINE, id, error);

fail:
  rapport_store_rollback (self);
  return NULL;
}

void
rapport_store_reload_stages (RapportStore *self,
                             gint64        pipeline_id,
                             GListStore   *list)
{
  RapportSqlStmt *stmt = rapport_store_stmt (self, STMT_LIST_STAGES);

  rapport_sql_bind_int64 (stmt, 1, pipeline_id);
  rapport_store_fill_list (self, list, RAPPORT_TYPE_STAGE, stmt);
}

GListModel *
rapport_store_get_stages (RapportStore    *self,
                          RapportPipeline *pipeline)
{
  gint64 id;
  GListStore *list;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (pipeline), NULL);

  id = rapport_record_get_id (RAPPORT_RECORD (pipeline));
  list = g_hash_table_lookup (self->stages, &id);
  if (list == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = id;
      list = g_list_store_new (RAPPORT_TYPE_STAGE);
      rapport_store_reload_stages (self, id, list);
      g_hash_table_insert (self->stages, key, list);
    }

  return G_LIST_MODEL (list);
}

RapportStage *
rapport_store_get_stage (RapportStore  *self,
                         gint64         id,
                         GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return rapport_store_lookup (self, RAPPORT_TYPE_STAGE, id, error);
}

/* A stage by id, or by name in @pipeline; @current says which message. */
static RapportStage *
find_stage (RapportStore     *self,
            RapportPipeline  *pipeline,
            gboolean          current,
            const char       *id_or_name,
            GError          **error)
{
  gint64 id;
  RapportSqlStmt *stmt;

  g_return_val_if_fail (id_or_name != NULL, NULL);

  if (rapport_id_parse (id_or_name, &id))
    return rapport_store_lookup (self, RAPPORT_TYPE_STAGE, id, error);

  id = 0;
  if (pipeline != NULL)
    {
      stmt = rapport_store_stmt (self, STMT_FIND_STAGE_BY_NAME);
      rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (pipeline)));
      rapport_sql_bind_text (stmt, 2, id_or_name);
      id = rapport_store_step_int64 (self, stmt, 0);
    }

  if (id == 0)
    {
      g_autofree char *quoted = rapport_text_quote (id_or_name);

      if (!current)
        g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                     _("There is no stage called “%s” in the pipeline “%s”"), quoted,
                     rapport_pipeline_get_name (pipeline));
      else
        g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                     _("There is no stage called “%s” in the current pipeline"), quoted);
      return NULL;
    }

  return rapport_store_lookup (self, RAPPORT_TYPE_STAGE, id, error);
}

RapportStage *
rapport_store_find_stage_in (RapportStore     *self,
                             RapportPipeline  *pipeline,
                             const char       *id_or_name,
                             GError          **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (pipeline), NULL);

  return find_stage (self, pipeline, FALSE, id_or_name, error);
}

RapportStage *
rapport_store_find_stage (RapportStore  *self,
                          const char    *id_or_name,
                          GError       **error)
{
  g_autoptr(RapportPipeline) pipeline = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  pipeline = rapport_store_get_current_pipeline (self);
  return find_stage (self, pipeline, TRUE, id_or_name, error);
}

GPtrArray *
rapport_store_get_stage_actions (RapportStore  *self,
                                 RapportStage  *stage,
                                 GError       **error)
{
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_STAGE (stage), NULL);

  stmt = rapport_store_stmt (self, STMT_LIST_STAGE_ACTIONS);
  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (stage)));

  return rapport_store_records_from (self, RAPPORT_TYPE_STAGE_ACTION, stmt, error);
}
