/* rapport-store-process-file.c — a pipeline's process read whole, and a
 * process file's taken in as a new pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-store-private.h"
#include "rapport-store-process.h"

#define SQL_PIPELINE_OF_UID \
  "SELECT id FROM pipeline WHERE process_uid = ?1 ORDER BY process_version DESC LIMIT 1"
#define SQL_PIPELINE_OF_NAME "SELECT count(*) FROM pipeline WHERE name = ?1 COLLATE NOCASE"
#define SQL_INSERT_PROCESS \
  "INSERT INTO pipeline (name, template, position, created_at, process_uid, process_version)" \
  " VALUES (?1, ?2, (SELECT coalesce(max(position) + 1, 0) FROM pipeline), ?3," \
  " coalesce(?4, lower(hex(randomblob(16)))), ?5)"
#define SQL_INSERT_PROCESS_STAGE \
  "INSERT INTO stage (pipeline_id, name, position, probability, purpose, rotting_days," \
  " require_qualified, require_checklist) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
#define SQL_SET_VERSION "UPDATE pipeline SET process_version = ?2 WHERE id = ?1"

static void
read_actions (RapportStore        *self,
              RapportStage        *stage,
              RapportProcessStage *out)
{
  g_autoptr(GPtrArray) actions = rapport_store_get_stage_actions (self, stage, NULL);

  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      RapportStageAction *action = g_ptr_array_index (actions, i);
      RapportProcessAction *copy = rapport_process_stage_add_action (out);

      copy->action = g_strdup (rapport_stage_action_get_action (action));
      copy->owner = g_strdup (rapport_stage_action_get_owner (action));
      copy->activity = g_strdup (rapport_stage_action_get_activity (action));
      copy->material = g_strdup (rapport_stage_action_get_material (action));
      copy->output = g_strdup (rapport_stage_action_get_output (action));
    }
}

RapportProcess *
rapport_store_read_process (RapportStore    *self,
                            RapportPipeline *pipeline)
{
  RapportProcess *process;
  GListModel *stages;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (pipeline), NULL);

  process = rapport_process_new ();
  process->name = g_strdup (rapport_pipeline_get_name (pipeline));
  process->template_id = g_strdup (rapport_pipeline_get_template (pipeline));
  process->uid = g_strdup (rapport_pipeline_get_process_uid (pipeline));
  process->version = MAX (rapport_pipeline_get_process_version (pipeline), 1);

  stages = rapport_store_get_stages (self, pipeline);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);
      RapportProcessStage *copy = rapport_process_add_stage (process);

      copy->name = g_strdup (rapport_stage_get_name (stage));
      copy->probability = rapport_stage_get_probability (stage);
      copy->rotting_days = rapport_stage_get_rotting_days (stage);
      copy->purpose = g_strdup (rapport_stage_get_purpose (stage));
      copy->require_qualified = rapport_stage_get_require_qualified (stage);
      copy->require_checklist = rapport_stage_get_require_checklist (stage);
      read_actions (self, stage, copy);
    }

  rapport_store_read_after_sales (self, pipeline, process);
  return process;
}

gboolean
rapport_store_set_process_version (RapportStore     *self,
                                   RapportPipeline  *pipeline,
                                   int               version,
                                   GError          **error)
{
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (pipeline), FALSE);

  if (version < 1)
    return rapport_store_invalid (error, _("A process version is a whole number from 1."));
  if (!rapport_store_begin (self, error))
    return FALSE;
  stmt = rapport_store_stmt_sql (self, SQL_SET_VERSION);
  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (pipeline)));
  rapport_sql_bind_int (stmt, 2, version);
  if (!rapport_store_step_done (self, stmt, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  if (!rapport_store_commit (self, error))
    return FALSE;

  rapport_store_reload_record (self, RAPPORT_RECORD (pipeline), NULL);
  rapport_store_notify (self, RAPPORT_ENTITY_PIPELINE, RAPPORT_CHANGE_UPDATED,
                        rapport_record_get_id (RAPPORT_RECORD (pipeline)));
  return TRUE;
}

/* The same process once more is no news; an older version would go back. */
static gboolean
check_version (RapportStore          *self,
               const RapportProcess  *process,
               GError               **error)
{
  g_autoptr(RapportPipeline) known = NULL;
  RapportSqlStmt *stmt;
  gint64 id;

  if (process->uid == NULL)
    return TRUE;

  stmt = rapport_store_stmt_sql (self, SQL_PIPELINE_OF_UID);
  rapport_sql_bind_text (stmt, 1, process->uid);
  if ((id = rapport_store_step_int64 (self, stmt, 0)) == 0 ||
      (known = rapport_store_lookup (self, RAPPORT_TYPE_PIPELINE, id, NULL)) == NULL)
    return TRUE;

  if (rapport_pipeline_get_process_version (known) >= process->version)
    return rapport_store_invalid (error, _("The pipeline “%s” already has version %d of this process; the file has version %d."),
                                  rapport_pipeline_get_name (known), rapport_pipeline_get_process_version (known),
                                  process->version);
  return TRUE;
}

/* The file's name, unless a pipeline has it: then with its version. */
static char *
free_name (RapportStore         *self,
           const RapportProcess *process)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, SQL_PIPELINE_OF_NAME);

  rapport_sql_bind_text (stmt, 1, process->name);
  if (rapport_store_step_int64 (self, stmt, 0) == 0)
    return g_strdup (process->name);

  /* Translators: a pipeline imported beside one of the same name. */
  return g_strdup_printf (_("%s (version %d)"), process->name, process->version);
}

static gboolean
insert_stage (RapportStore               *self,
              gint64                      pipeline_id,
              int                         position,
              const RapportProcessStage  *stage,
              GError                    **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, SQL_INSERT_PROCESS_STAGE);
  gint64 stage_id;

  rapport_sql_bind_int64 (stmt, 1, pipeline_id);
  rapport_sql_bind_text (stmt, 2, stage->name);
  rapport_sql_bind_int (stmt, 3, position);
  rapport_sql_bind_int (stmt, 4, stage->probability);
  rapport_sql_bind_text_or_null (stmt, 5, stage->purpose);
  rapport_sql_bind_int (stmt, 6, stage->rotting_days);
  rapport_sql_bind_int (stmt, 7, stage->require_qualified);
  rapport_sql_bind_int (stmt, 8, stage->require_checklist);
  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;
  stage_id = rapport_store_last_id (self);

  for (guint i = 0; i < stage->actions->len; i++)
    {
      const RapportProcessAction *action = g_ptr_array_index (stage->actions, i);

      stmt = rapport_store_stmt (self, STMT_INSERT_STAGE_ACTION);
      rapport_sql_bind_int64 (stmt, 1, stage_id);
      rapport_sql_bind_int (stmt, 2, (int) i);
      rapport_sql_bind_text (stmt, 3, action->action);
      rapport_sql_bind_text_or_null (stmt, 4, action->owner);
      rapport_sql_bind_text_or_null (stmt, 5, action->material);
      rapport_sql_bind_text_or_null (stmt, 6, action->output);
      rapport_sql_bind_text_or_null (stmt, 7, action->activity);
      if (!rapport_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

RapportPipeline *
rapport_store_import_process (RapportStore          *self,
                              const RapportProcess  *process,
                              GError               **error)
{
  g_autofree char *name = NULL;
  RapportSqlStmt *stmt;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (process != NULL, NULL);

  if (process->stages->len == 0)
    {
      rapport_store_invalid (error, _("A process needs at least one stage."));
      return NULL;
    }
  if (!check_version (self, process, error))
    return NULL;
  if (!rapport_store_begin (self, error))
    return NULL;

  name = free_name (self, process);
  stmt = rapport_store_stmt_sql (self, SQL_INSERT_PROCESS);
  rapport_sql_bind_text (stmt, 1, name);
  rapport_sql_bind_text_or_null (stmt, 2, process->template_id);
  rapport_sql_bind_int64 (stmt, 3, rapport_store_now (self));
  rapport_sql_bind_text_or_null (stmt, 4, process->uid);
  rapport_sql_bind_int (stmt, 5, MAX (process->version, 1));
  if (!rapport_store_step_done (self, stmt, error))
    goto fail;
  id = rapport_store_last_id (self);

  for (guint i = 0; i < process->stages->len; i++)
    if (!insert_stage (self, id, (int) i, g_ptr_array_index (process->stages, i), error))
      goto fail;
  if (!rapport_store_write_after_sales (self, id, process, error))
    goto fail;

  if (!rapport_store_commit (self, error))
    return NULL;

  rapport_store_process_changed (self, FALSE);
  return rapport_store_lookup (self, RAPPORT_TYPE_PIPELINE, id, error);

fail:
  rapport_store_rollback (self);
  return NULL;
}

