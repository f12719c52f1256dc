/* rapport-store-process.c — the sales process as the user edits it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pipelines, stages, playbooks and gates (rapport-store-process.h). A
 * change of the process is rare and touches few rows, except when deals
 * go elsewhere: then every deal moved gets its history entry, so the
 * funnel and the deal page still tell what happened.
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-store-private.h"
#include "rapport-store-process.h"
#include "rapport-validate.h"

#define SQL_INSERT_EMPTY_PIPELINE \
  "INSERT INTO pipeline (name, template, position, created_at, process_uid)" \
  " VALUES (?1, NULL, (SELECT coalesce(max(position) + 1, 0) FROM pipeline), ?2, lower(hex(randomblob(16))))"
#define SQL_STAGE_IDS "SELECT id FROM stage WHERE pipeline_id = ?1 ORDER BY position, id"
#define SQL_STAGE_SET_POSITION "UPDATE stage SET position = ?2 WHERE id = ?1"
#define SQL_ACTION_IDS "SELECT id FROM stage_action WHERE stage_id = ?1 ORDER BY position, id"
#define SQL_ACTION_SET_POSITION "UPDATE stage_action SET position = ?2 WHERE id = ?1"
#define SQL_COUNT_PIPELINES "SELECT count(*) FROM pipeline"
#define SQL_COUNT_STAGE_DEALS "SELECT count(*) FROM deal WHERE stage_id = ?1"
#define SQL_COUNT_PIPELINE_DEALS \
  "SELECT count(*) FROM deal WHERE stage_id IN (SELECT id FROM stage WHERE pipeline_id = ?1)"
/* A history entry for every deal of stage ?1 going to ?2. */
#define SQL_HISTORY_OF_STAGE \
  "INSERT INTO stage_change (deal_id, from_stage_id, to_stage_id, from_status, to_status, changed_at," \
  " from_stage_name, to_stage_name, reason)" \
  " SELECT id, ?1, ?2, status, status, ?3, (SELECT name FROM stage WHERE id = ?1)," \
  " (SELECT name FROM stage WHERE id = ?2), ?4 FROM deal WHERE stage_id = ?1 ORDER BY id"
/* The open deals of ?1 after those of ?2 (whose last rank is ?3), in
 * their board order. */
#define SQL_REASSIGN_STAGE_OPEN \
  "UPDATE deal SET stage_id = ?2, rank = ?3 + moved.n * ?5, stage_entered_at = ?4, updated_at = ?4" \
  " FROM (SELECT id, row_number() OVER (ORDER BY rank, id) AS n" \
  "       FROM deal WHERE stage_id = ?1 AND status = 0) AS moved" \
  " WHERE deal.id = moved.id"
#define SQL_REASSIGN_STAGE_CLOSED "UPDATE deal SET stage_id = ?2, updated_at = ?3 WHERE stage_id = ?1 AND status != 0"
#define SQL_STAGE_MAX_RANK "SELECT coalesce(max(rank), 0) FROM deal WHERE stage_id = ?1 AND status = 0"
#define SQL_REASSIGN_OPEN \
  "UPDATE deal SET stage_id = ?2, rank = ?3, stage_entered_at = ?4, updated_at = ?4 WHERE id = ?1"
#define SQL_REASSIGN_CLOSED "UPDATE deal SET stage_id = ?2, updated_at = ?3 WHERE id = ?1"
#define SQL_DELETE_STAGE "DELETE FROM stage WHERE id = ?1"
#define SQL_DELETE_PIPELINE "DELETE FROM pipeline WHERE id = ?1"
#define SQL_DELETE_ACTION "DELETE FROM stage_action WHERE id = ?1"
#define SQL_STAGE_BY_NAME \
  "SELECT id FROM stage WHERE pipeline_id = ?1 AND name = ?2 COLLATE NOCASE ORDER BY position LIMIT 1"
#define SQL_STAGE_AT \
  "SELECT id FROM stage WHERE pipeline_id = ?1 ORDER BY position, id LIMIT 1 OFFSET ?2"
#define SQL_LAST_STAGE \
  "SELECT id FROM stage WHERE pipeline_id = ?1 ORDER BY position DESC, id DESC LIMIT 1"
#define SQL_PREVIOUS_STAGE \
  "SELECT id FROM stage WHERE pipeline_id = ?1 AND position < ?2 ORDER BY position DESC, id DESC LIMIT 1"
#define SQL_UNDONE_ACTIONS \
  "SELECT a.action FROM stage_action a" \
  " WHERE a.stage_id = ?1 AND NOT EXISTS" \
  " (SELECT 1 FROM deal_action d WHERE d.deal_id = ?2 AND d.stage_action_id = a.id)" \
  " ORDER BY a.position, a.id"

/* Ids a statement returns, in its order. */
static GArray *
read_ids (RapportStore   *self,
          RapportSqlStmt *stmt)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  while (rapport_sql_step (stmt) == RAPPORT_SQL_ROW)
    {
      gint64 id = rapport_sql_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  rapport_sql_reset (stmt);

  return ids;
}

static gint64
count_of (RapportStore *self,
          const char   *sql,
          gint64        id)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, sql);

  if (id != 0)
    rapport_sql_bind_int64 (stmt, 1, id);

  return rapport_store_step_int64 (self, stmt, 0);
}

/* After the process changed: the lists of pipelines and stages read
 * again, the live objects too (positions, deals moved), then the views
 * told. */
void
rapport_store_process_changed (RapportStore *self,
                               gboolean      deals_moved)
{
  GHashTableIter iter;
  gpointer key, list;

  rapport_store_reload_live (self, RAPPORT_TYPE_PIPELINE);
  rapport_store_reload_live (self, RAPPORT_TYPE_STAGE);
  rapport_store_reload_live (self, RAPPORT_TYPE_STAGE_ACTION);
  if (self->pipelines != NULL)
    rapport_store_reload_pipelines (self);
  g_hash_table_iter_init (&iter, self->stages);
  while (g_hash_table_iter_next (&iter, &key, &list))
    rapport_store_reload_stages (self, *(gint64 *) key, list);

  if (deals_moved)
    rapport_store_reload_live (self, RAPPORT_TYPE_DEAL);

  rapport_store_notify (self, RAPPORT_ENTITY_PIPELINE, RAPPORT_CHANGE_RELOAD, 0);
  rapport_store_notify (self, RAPPORT_ENTITY_STAGE, RAPPORT_CHANGE_RELOAD, 0);
  if (deals_moved)
    {
      rapport_store_notify (self, RAPPORT_ENTITY_DEAL, RAPPORT_CHANGE_RELOAD, 0);
      rapport_store_notify (self, RAPPORT_ENTITY_DEAL_ACTION, RAPPORT_CHANGE_RELOAD, 0);
    }
}

/* Writes positions 0, 1, … in the order of @ids, with @moved at @position
 * (clamped; -1 for the end). */
static gboolean
write_positions (RapportStore  *self,
                 const char    *set_sql,
                 GArray        *ids,
                 gint64         moved,
                 int            position,
                 GError       **error)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == moved)
      {
        g_array_remove_index (ids, i);
        break;
      }
  if (position < 0 || (guint) position > ids->len)
    position = (int) ids->len;
  if (moved != 0)
    g_array_insert_val (ids, position, moved);

  for (guint i = 0; i < ids->len; i++)
    {
      RapportSqlStmt *stmt = rapport_store_stmt_sql (self, set_sql);

      rapport_sql_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      rapport_sql_bind_int (stmt, 2, (int) i);
      if (!rapport_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
record_change (RapportStore              *self,
               gint64                     deal_id,
               gint64                     from_stage_id,
               gint64                     to_stage_id,
               RapportDealStatus          status,
               RapportStageChangeReason   reason,
               gint64                     now,
               GError                   **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt (self, STMT_INSERT_STAGE_CHANGE_WHY);

  rapport_sql_bind_int64 (stmt, 1, deal_id);
  rapport_sql_bind_id_or_null (stmt, 2, from_stage_id);
  rapport_sql_bind_int64 (stmt, 3, to_stage_id);
  rapport_sql_bind_int (stmt, 4, status);
  rapport_sql_bind_int (stmt, 5, status);
  rapport_sql_bind_int64 (stmt, 6, now);
  rapport_sql_bind_int (stmt, 7, reason);
  return rapport_store_step_done (self, stmt, error);
}

/* Moves every deal of stage @from to stage @to: the open ones after the
 * open deals there, in their order; the closed ones keep their outcome.
 * Each gets a history entry saying why. A few statements for the whole
 * stage, however many deals it holds. */
static gboolean
reassign_deals (RapportStore              *self,
                gint64                     from,
                gint64                     to,
                RapportStageChangeReason   reason,
                GError                   **error)
{
  gint64 now = rapport_store_now (self);
  RapportSqlStmt *stmt;
  gint64 rank;

  stmt = rapport_store_stmt_sql (self, SQL_HISTORY_OF_STAGE);
  rapport_sql_bind_int64 (stmt, 1, from);
  rapport_sql_bind_int64 (stmt, 2, to);
  rapport_sql_bind_int64 (stmt, 3, now);
  rapport_sql_bind_int (stmt, 4, reason);
  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;

  stmt = rapport_store_stmt_sql (self, SQL_STAGE_MAX_RANK);
  rapport_sql_bind_int64 (stmt, 1, to);
  rank = rapport_store_step_int64 (self, stmt, 0);

  stmt = rapport_store_stmt_sql (self, SQL_REASSIGN_STAGE_OPEN);
  rapport_sql_bind_int64 (stmt, 1, from);
  rapport_sql_bind_int64 (stmt, 2, to);
  rapport_sql_bind_int64 (stmt, 3, rank);
  rapport_sql_bind_int64 (stmt, 4, now);
  rapport_sql_bind_int64 (stmt, 5, RAPPORT_RANK_GAP);
  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;

  stmt = rapport_store_stmt_sql (self, SQL_REASSIGN_STAGE_CLOSED);
  rapport_sql_bind_int64 (stmt, 1, from);
  rapport_sql_bind_int64 (stmt, 2, to);
  rapport_sql_bind_int64 (stmt, 3, now);
  return rapport_store_step_done (self, stmt, error);
}

/* Pipelines */

RapportPipeline *
rapport_store_get_pipeline (RapportStore  *self,
                            gint64         id,
                            GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return rapport_store_lookup (self, RAPPORT_TYPE_PIPELINE, id, error);
}

RapportPipeline *
rapport_store_add_pipeline (RapportStore  *self,
                            const char    *name,
                            const char    *template_id,
                            GError       **error)
{
  RapportSqlStmt *stmt;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (!rapport_text_check (name, RAPPORT_TEXT_NAME, TRUE, error))
    return NULL;
  if (!rapport_store_begin (self, error))
    return NULL;

  if (template_id != NULL)
    {
      if (!rapport_schema_seed_pipeline (self, template_id, &id, error))
        goto fail;
      stmt = rapport_store_stmt_sql (self, "UPDATE pipeline SET name = ?2 WHERE id = ?1");
      rapport_sql_bind_int64 (stmt, 1, id);
      rapport_sql_bind_text (stmt, 2, name);
      if (!rapport_store_step_done (self, stmt, error))
        goto fail;
    }
  else
    {
      stmt = rapport_store_stmt_sql (self, SQL_INSERT_EMPTY_PIPELINE);
      rapport_sql_bind_text (stmt, 1, name);
      rapport_sql_bind_int64 (stmt, 2, rapport_store_now (self));
      if (!rapport_store_step_done (self, stmt, error))
        goto fail;
      id = rapport_store_last_id (self);

      /* A pipeline holds deals from the start: one stage to rename. */
      stmt = rapport_store_stmt (self, STMT_INSERT_STAGE);
      rapport_sql_bind_int64 (stmt, 1, id);
      rapport_sql_bind_text (stmt, 2, _("New"));
      rapport_sql_bind_int (stmt, 3, 0);
      rapport_sql_bind_int (stmt, 4, 10);
      rapport_sql_bind_null (stmt, 5);
      rapport_sql_bind_int (stmt, 6, 0);
      if (!rapport_store_step_done (self, stmt, error) ||
          !rapport_schema_seed_after_sales (self, id, error))
        goto fail;
    }

  if (!rapport_store_commit (self, error))
    return NULL;

  rapport_store_process_changed (self, FALSE);
  return rapport_store_lookup (self, RAPPORT_TYPE_PIPELINE, id, error);

fail:
  rapport_store_rollback (self);
  return NULL;
}

guint
rapport_store_count_pipeline_deals (RapportStore    *self,
                                    RapportPipeline *pipeline)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (pipeline), 0);

  return (guint) count_of (self, SQL_COUNT_PIPELINE_DEALS, rapport_record_get_id (RAPPORT_RECORD (pipeline)));
}

gboolean
rapport_store_delete_pipeline (RapportStore     *self,
                               RapportPipeline  *pipeline,
                               RapportPipeline  *move_to,
                               GError          **error)
{
  gint64 id;
  g_autoptr(GArray) stages = NULL;
  g_autofree char *current = NULL;
  RapportSqlStmt *stmt;
  gboolean has_deals;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (pipeline), FALSE);
  g_return_val_if_fail (move_to == NULL || RAPPORT_IS_PIPELINE (move_to), FALSE);

  id = rapport_record_get_id (RAPPORT_RECORD (pipeline));
  if (count_of (self, SQL_COUNT_PIPELINES, 0) <= 1)
    return rapport_store_invalid (error, _("The last pipeline cannot be deleted: every deal needs one."));
  if (move_to != NULL && rapport_record_get_id (RAPPORT_RECORD (move_to)) == id)
    return rapport_store_invalid (error, _("Deals cannot be moved to the pipeline that is being deleted."));

  has_deals = rapport_store_count_pipeline_deals (self, pipeline) > 0;
  if (has_deals && move_to == NULL)
    return rapport_store_invalid (error, _("The pipeline “%s” has deals: say which pipeline they move to."),
                                  rapport_pipeline_get_name (pipeline));

  if (!rapport_store_begin (self, error))
    return FALSE;

  stmt = rapport_store_stmt_sql (self, SQL_STAGE_IDS);
  rapport_sql_bind_int64 (stmt, 1, id);
  stages = read_ids (self, stmt);
  for (guint i = 0; has_deals && i < stages->len; i++)
    {
      g_autoptr(RapportStage) from = rapport_store_lookup (self, RAPPORT_TYPE_STAGE,
                                                           g_array_index (stages, gint64, i), error);
      g_autoptr(RapportStage) to = NULL;

      if (from == NULL)
        goto fail;
      to = rapport_store_map_stage (self, from, move_to);
      if (to == NULL)
        {
          rapport_store_invalid (error, _("The pipeline “%s” has no stages to take the deals."),
                                 rapport_pipeline_get_name (move_to));
          goto fail;
        }
      if (!reassign_deals (self, g_array_index (stages, gint64, i), rapport_record_get_id (RAPPORT_RECORD (to)),
                           RAPPORT_STAGE_CHANGE_PIPELINE_CHANGED, error))
        goto fail;
    }

  stmt = rapport_store_stmt_sql (self, SQL_DELETE_PIPELINE);
  rapport_sql_bind_int64 (stmt, 1, id);
  if (!rapport_store_step_done (self, stmt, error))
    goto fail;

  /* The board shows where the deals went. */
  current = rapport_store_get_setting (self, "current-pipeline");
  if (current != NULL && g_ascii_strtoll (current, NULL, 10) == id)
    {
      g_autofree char *text = NULL;
      RapportPipeline *next = move_to;
      g_autoptr(RapportPipeline) first = NULL;

      if (next == NULL)
        {
          stmt = rapport_store_stmt_sql (self, "SELECT id FROM pipeline ORDER BY position, id LIMIT 1");
          first = rapport_store_lookup (self, RAPPORT_TYPE_PIPELINE, rapport_store_step_int64 (self, stmt, 0), NULL);
          next = first;
        }
      if (next != NULL)
        {
          text = g_strdup_printf ("%" G_GINT64_FORMAT, rapport_record_get_id (RAPPORT_RECORD (next)));
          if (!rapport_store_set_setting (self, "current-pipeline", text, error))
            goto fail;
        }
    }

  if (!rapport_store_commit (self, error))
    return FALSE;

  for (guint i = 0; i < stages->len; i++)
    {
      RapportRecord *stage = rapport_store_peek_live (self, RAPPORT_TYPE_STAGE, g_array_index (stages, gint64, i));

      if (stage != NULL)
        rapport_store_forget (self, stage);
    }
  rapport_store_forget (self, RAPPORT_RECORD (pipeline));
  rapport_store_process_changed (self, has_deals);
  return TRUE;

fail:
  rapport_store_rollback (self);
  return FALSE;
}

/* Stages */

RapportStage *
rapport_store_add_stage (RapportStore     *self,
                         RapportPipeline  *pipeline,
                         const char       *name,
                         int               position,
                         int               probability,
                         int               rotting_days,
                         GError          **error)
{
  gint64 pipeline_id, id;
  g_autoptr(GArray) ids = NULL;
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (pipeline), NULL);

  if (!rapport_text_check (name, RAPPORT_TEXT_NAME, TRUE, error))
    return NULL;
  if (probability < 0 || probability > 100)
    {
      rapport_store_invalid (error, _("A win probability is a percentage from 0 to 100."));
      return NULL;
    }
  if (rotting_days < 0)
    {
      rapport_store_invalid (error, _("Rotting days cannot be negative: give 0 for never."));
      return NULL;
    }

  pipeline_id = rapport_record_get_id (RAPPORT_RECORD (pipeline));
  if (!rapport_store_begin (self, error))
    return NULL;

  stmt = rapport_store_stmt (self, STMT_INSERT_STAGE);
  rapport_sql_bind_int64 (stmt, 1, pipeline_id);
  rapport_sql_bind_text (stmt, 2, name);
  rapport_sql_bind_int (stmt, 3, G_MAXINT);
  rapport_sql_bind_int (stmt, 4, probability);
  rapport_sql_bind_null (stmt, 5);
  rapport_sql_bind_int (stmt, 6, rotting_days);
  if (!rapport_store_step_done (self, stmt, error))
    goto fail;
  id = rapport_store_last_id (self);

  stmt = rapport_store_stmt_sql (self, SQL_STAGE_IDS);
  rapport_sql_bind_int64 (stmt, 1, pipeline_id);
  ids = read_ids (self, stmt);
  if (!write_positions (self, SQL_STAGE_SET_POSITION, ids, id, position, error))
    goto fail;

  if (!rapport_store_commit (self, error))
    return NULL;

  rapport_store_process_changed (self, FALSE);
  return rapport_store_lookup (self, RAPPORT_TYPE_STAGE, id, error);

fail:
  rapport_store_rollback (self);
  return NULL;
}

gboolean
rapport_store_move_stage (RapportStore  *self,
                          RapportStage  *stage,
                          int            position,
                          GError       **error)
{
  g_autoptr(GArray) ids = NULL;
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STAGE (stage), FALSE);

  if (!rapport_store_begin (self, error))
    return FALSE;

  stmt = rapport_store_stmt_sql (self, SQL_STAGE_IDS);
  rapport_sql_bind_int64 (stmt, 1, rapport_stage_get_pipeline_id (stage));
  ids = read_ids (self, stmt);
  if (!write_positions (self, SQL_STAGE_SET_POSITION, ids, rapport_record_get_id (RAPPORT_RECORD (stage)),
                        position, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  if (!rapport_store_commit (self, error))
    return FALSE;

  rapport_store_process_changed (self, FALSE);
  return TRUE;
}

guint
rapport_store_count_stage_deals (RapportStore *self,
                                 RapportStage *stage)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);
  g_return_val_if_fail (RAPPORT_IS_STAGE (stage), 0);

  return (guint) count_of (self, SQL_COUNT_STAGE_DEALS, rapport_record_get_id (RAPPORT_RECORD (stage)));
}

gboolean
rapport_store_delete_stage (RapportStore  *self,
                            RapportStage  *stage,
                            RapportStage  *reassign_to,
                            GError       **error)
{
  gint64 id, pipeline_id;
  g_autoptr(GArray) ids = NULL;
  gboolean has_deals;
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STAGE (stage), FALSE);
  g_return_val_if_fail (reassign_to == NULL || RAPPORT_IS_STAGE (reassign_to), FALSE);

  id = rapport_record_get_id (RAPPORT_RECORD (stage));
  pipeline_id = rapport_stage_get_pipeline_id (stage);
  has_deals = rapport_store_count_stage_deals (self, stage) > 0;

  if (count_of (self, "SELECT count(*) FROM stage WHERE pipeline_id = ?1", pipeline_id) <= 1)
    return rapport_store_invalid (error, _("The last stage of a pipeline cannot be deleted."));
  if (reassign_to != NULL && rapport_record_get_id (RAPPORT_RECORD (reassign_to)) == id)
    return rapport_store_invalid (error, _("Deals cannot be moved to the stage that is being deleted."));
  if (reassign_to != NULL && rapport_stage_get_pipeline_id (reassign_to) != pipeline_id)
    return rapport_store_invalid (error, _("“%s” is a stage of another pipeline"), rapport_stage_get_name (reassign_to));
  if (has_deals && reassign_to == NULL)
    return rapport_store_invalid (error, _("The stage “%s” has deals: say which stage they move to."),
                                  rapport_stage_get_name (stage));

  if (!rapport_store_begin (self, error))
    return FALSE;
  if (has_deals &&
      !reassign_deals (self, id, rapport_record_get_id (RAPPORT_RECORD (reassign_to)),
                       RAPPORT_STAGE_CHANGE_STAGE_DELETED, error))
    goto fail;

  stmt = rapport_store_stmt_sql (self, SQL_DELETE_STAGE);
  rapport_sql_bind_int64 (stmt, 1, id);
  if (!rapport_store_step_done (self, stmt, error))
    goto fail;

  stmt = rapport_store_stmt_sql (self, SQL_STAGE_IDS);
  rapport_sql_bind_int64 (stmt, 1, pipeline_id);
  ids = read_ids (self, stmt);
  if (!write_positions (self, SQL_STAGE_SET_POSITION, ids, 0, -1, error))
    goto fail;

  if (!rapport_store_commit (self, error))
    return FALSE;

  rapport_store_forget (self, RAPPORT_RECORD (stage));
  rapport_store_process_changed (self, has_deals);
  return TRUE;

fail:
  rapport_store_rollback (self);
  return FALSE;
}

RapportStage *
rapport_store_map_stage (RapportStore    *self,
                         RapportStage    *from,
                         RapportPipeline *pipeline)
{
  gint64 pipeline_id, id;
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_STAGE (from), NULL);
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (pipeline), NULL);

  pipeline_id = rapport_record_get_id (RAPPORT_RECORD (pipeline));

  stmt = rapport_store_stmt_sql (self, SQL_STAGE_BY_NAME);
  rapport_sql_bind_int64 (stmt, 1, pipeline_id);
  rapport_sql_bind_text (stmt, 2, rapport_stage_get_name (from));
  id = rapport_store_step_int64 (self, stmt, 0);

  if (id == 0)
    {
      g_autoptr(GArray) ids = NULL;
      guint index = 0;

      /* The place among its own pipeline's stages, not the stored
       * number, which an old file may not keep dense. */
      stmt = rapport_store_stmt_sql (self, SQL_STAGE_IDS);
      rapport_sql_bind_int64 (stmt, 1, rapport_stage_get_pipeline_id (from));
      ids = read_ids (self, stmt);
      for (guint i = 0; i < ids->len; i++)
        if (g_array_index (ids, gint64, i) == rapport_record_get_id (RAPPORT_RECORD (from)))
          index = i;

      stmt = rapport_store_stmt_sql (self, SQL_STAGE_AT);
      rapport_sql_bind_int64 (stmt, 1, pipeline_id);
      rapport_sql_bind_int64 (stmt, 2, index);
      id = rapport_store_step_int64 (self, stmt, 0);
    }
  if (id == 0)
    {
      stmt = rapport_store_stmt_sql (self, SQL_LAST_STAGE);
      rapport_sql_bind_int64 (stmt, 1, pipeline_id);
      id = rapport_store_step_int64 (self, stmt, 0);
    }

  return id != 0 ? rapport_store_lookup (self, RAPPORT_TYPE_STAGE, id, NULL) : NULL;
}

/* Playbooks */

RapportStageAction *
rapport_store_get_stage_action (RapportStore  *self,
                                gint64         id,
                                GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return rapport_store_lookup (self, RAPPORT_TYPE_STAGE_ACTION, id, error);
}

static gboolean
check_action_fields (const RapportStageActionFields  *fields,
                     GError                         **error)
{
  return rapport_text_check (fields->action, RAPPORT_TEXT_TITLE, TRUE, error) &&
         rapport_text_check (fields->owner, RAPPORT_TEXT_OWNER, FALSE, error) &&
         rapport_text_check (fields->activity, RAPPORT_TEXT_LINE, FALSE, error) &&
         rapport_text_check (fields->material, RAPPORT_TEXT_FREE, FALSE, error) &&
         rapport_text_check (fields->output, RAPPORT_TEXT_FREE, FALSE, error);
}

RapportStageAction *
rapport_store_add_stage_action (RapportStore                    *self,
                                RapportStage                    *stage,
                                const RapportStageActionFields  *fields,
                                int                              position,
                                GError                         **error)
{
  gint64 stage_id, id;
  g_autoptr(GArray) ids = NULL;
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_STAGE (stage), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  if (!check_action_fields (fields, error))
    return NULL;

  stage_id = rapport_record_get_id (RAPPORT_RECORD (stage));
  if (!rapport_store_begin (self, error))
    return NULL;

  stmt = rapport_store_stmt (self, STMT_INSERT_STAGE_ACTION);
  rapport_sql_bind_int64 (stmt, 1, stage_id);
  rapport_sql_bind_int (stmt, 2, G_MAXINT);
  rapport_sql_bind_text (stmt, 3, fields->action);
  rapport_sql_bind_text_or_null (stmt, 4, fields->owner);
  rapport_sql_bind_text_or_null (stmt, 5, fields->material);
  rapport_sql_bind_text_or_null (stmt, 6, fields->output);
  rapport_sql_bind_text_or_null (stmt, 7, fields->activity);
  if (!rapport_store_step_done (self, stmt, error))
    goto fail;
  id = rapport_store_last_id (self);

  stmt = rapport_store_stmt_sql (self, SQL_ACTION_IDS);
  rapport_sql_bind_int64 (stmt, 1, stage_id);
  ids = read_ids (self, stmt);
  if (!write_positions (self, SQL_ACTION_SET_POSITION, ids, id, position, error))
    goto fail;

  if (!rapport_store_commit (self, error))
    return NULL;

  rapport_store_reload_live (self, RAPPORT_TYPE_STAGE_ACTION);
  rapport_store_notify (self, RAPPORT_ENTITY_STAGE, RAPPORT_CHANGE_UPDATED, stage_id);
  return rapport_store_lookup (self, RAPPORT_TYPE_STAGE_ACTION, id, error);

fail:
  rapport_store_rollback (self);
  return NULL;
}

gboolean
rapport_store_move_stage_action (RapportStore        *self,
                                 RapportStageAction  *action,
                                 int                  position,
                                 GError             **error)
{
  gint64 stage_id;
  g_autoptr(GArray) ids = NULL;
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STAGE_ACTION (action), FALSE);

  stage_id = rapport_stage_action_get_stage_id (action);
  if (!rapport_store_begin (self, error))
    return FALSE;

  stmt = rapport_store_stmt_sql (self, SQL_ACTION_IDS);
  rapport_sql_bind_int64 (stmt, 1, stage_id);
  ids = read_ids (self, stmt);
  if (!write_positions (self, SQL_ACTION_SET_POSITION, ids, rapport_record_get_id (RAPPORT_RECORD (action)),
                        position, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  if (!rapport_store_commit (self, error))
    return FALSE;

  rapport_store_reload_live (self, RAPPORT_TYPE_STAGE_ACTION);
  rapport_store_notify (self, RAPPORT_ENTITY_STAGE, RAPPORT_CHANGE_UPDATED, stage_id);
  return TRUE;
}

gboolean
rapport_store_delete_stage_action (RapportStore        *self,
                                   RapportStageAction  *action,
                                   GError             **error)
{
  gint64 stage_id;
  g_autoptr(GArray) ids = NULL;
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STAGE_ACTION (action), FALSE);

  stage_id = rapport_stage_action_get_stage_id (action);
  if (!rapport_store_begin (self, error))
    return FALSE;

  stmt = rapport_store_stmt_sql (self, SQL_DELETE_ACTION);
  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (action)));
  if (!rapport_store_step_done (self, stmt, error))
    goto fail;

  stmt = rapport_store_stmt_sql (self, SQL_ACTION_IDS);
  rapport_sql_bind_int64 (stmt, 1, stage_id);
  ids = read_ids (self, stmt);
  if (!write_positions (self, SQL_ACTION_SET_POSITION, ids, 0, -1, error))
    goto fail;

  if (!rapport_store_commit (self, error))
    return FALSE;

  rapport_store_forget (self, RAPPORT_RECORD (action));
  rapport_store_reload_live (self, RAPPORT_TYPE_STAGE_ACTION);
  rapport_store_notify (self, RAPPORT_ENTITY_STAGE, RAPPORT_CHANGE_UPDATED, stage_id);
  /* Its ticks went with it. */
  rapport_store_notify (self, RAPPORT_ENTITY_DEAL_ACTION, RAPPORT_CHANGE_RELOAD, 0);
  return TRUE;

fail:
  rapport_store_rollback (self);
  return FALSE;
}

/* Gates */

/* Where @stage stands among its pipeline's stages, 0 for the first. */
static int
stage_index (RapportStore *self,
             gint64        pipeline_id,
             gint64        stage_id)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, SQL_STAGE_IDS);
  g_autoptr(GArray) ids = NULL;

  rapport_sql_bind_int64 (stmt, 1, pipeline_id);
  ids = read_ids (self, stmt);
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == stage_id)
      return (int) i;

  return -1;
}

static void
check_checklist (RapportStore *self,
                 RapportDeal  *deal,
                 RapportStage *stage,
                 GPtrArray    *missing)
{
  g_autoptr(RapportStage) previous = NULL;
  RapportSqlStmt *stmt;

  stmt = rapport_store_stmt_sql (self, SQL_PREVIOUS_STAGE);
  rapport_sql_bind_int64 (stmt, 1, rapport_stage_get_pipeline_id (stage));
  rapport_sql_bind_int (stmt, 2, rapport_stage_get_position (stage));
  previous = rapport_store_lookup (self, RAPPORT_TYPE_STAGE, rapport_store_step_int64 (self, stmt, 0), NULL);
  if (previous == NULL)
    return;

  stmt = rapport_store_stmt_sql (self, SQL_UNDONE_ACTIONS);
  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (previous)));
  rapport_sql_bind_int64 (stmt, 2, rapport_record_get_id (RAPPORT_RECORD (deal)));
  while (rapport_sql_step (stmt) == RAPPORT_SQL_ROW)
    /* Translators: a key action of the stage before, not yet ticked. */
    g_ptr_array_add (missing, g_strdup_printf (_("“%s” of the stage “%s” is not done."),
                                               rapport_sql_column_text (stmt, 0),
                                               rapport_stage_get_name (previous)));
  rapport_sql_reset (stmt);
}

GPtrArray *
rapport_store_check_gate (RapportStore *self,
                          RapportDeal  *deal,
                          RapportStage *stage)
{
  g_autoptr(RapportStage) current = NULL;
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_free);
  gint64 pipeline_id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), missing);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), missing);
  g_return_val_if_fail (RAPPORT_IS_STAGE (stage), missing);

  if (!rapport_stage_get_require_qualified (stage) && !rapport_stage_get_require_checklist (stage))
    return missing;

  /* Only forward: a deal taken back, or reopened in an earlier stage,
   * meets no gate. */
  pipeline_id = rapport_stage_get_pipeline_id (stage);
  current = rapport_store_lookup (self, RAPPORT_TYPE_STAGE, rapport_deal_get_stage_id (deal), NULL);
  if (current != NULL && rapport_stage_get_pipeline_id (current) == pipeline_id &&
      stage_index (self, pipeline_id, rapport_record_get_id (RAPPORT_RECORD (current))) >=
      stage_index (self, pipeline_id, rapport_record_get_id (RAPPORT_RECORD (stage))))
    return missing;

  if (rapport_stage_get_require_qualified (stage) && !rapport_deal_get_qualified (deal))
    g_ptr_array_add (missing, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "The deal is not qualified: %d of the four BANT answers is yes, and three are needed.",
                                                            "The deal is not qualified: %d of the four BANT answers are yes, and three are needed.",
                                                            rapport_deal_get_bant_score (deal)),
                                               rapport_deal_get_bant_score (deal)));
  if (rapport_stage_get_require_checklist (stage))
    check_checklist (self, deal, stage, missing);

  return missing;
}

/* The error of an unmet gate: the stage and each thing missing, one per
 * line, so the command line can print it as it is. */
gboolean
rapport_store_gate_error (RapportStore  *self,
                          RapportDeal   *deal,
                          RapportStage  *stage,
                          GError       **error)
{
  g_autoptr(GPtrArray) missing = rapport_store_check_gate (self, deal, stage);
  g_autoptr(GString) text = NULL;

  if (missing->len == 0)
    return TRUE;

  text = g_string_new (NULL);
  g_string_append_printf (text, _("The stage “%s” asks for more before “%s” moves in:"),
                          rapport_stage_get_name (stage), rapport_deal_get_title (deal));
  for (guint i = 0; i < missing->len; i++)
    g_string_append_printf (text, "\n• %s", (const char *) g_ptr_array_index (missing, i));
  g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_GATE, text->str);
  return FALSE;
}

/* Another pipeline */

gboolean
rapport_store_move_deal_to_pipeline (RapportStore  *self,
                                     RapportDeal   *deal,
                                     RapportStage  *stage,
                                     GError       **error)
{
  g_autoptr(RapportStage) current = NULL;
  gint64 deal_id, stage_id, rank, now;
  RapportDealStatus status;
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STAGE (stage), FALSE);

  deal_id = rapport_record_get_id (RAPPORT_RECORD (deal));
  stage_id = rapport_record_get_id (RAPPORT_RECORD (stage));
  status = rapport_deal_get_status (deal);
  now = rapport_store_now (self);

  current = rapport_store_lookup (self, RAPPORT_TYPE_STAGE, rapport_deal_get_stage_id (deal), NULL);
  if (current != NULL && rapport_stage_get_pipeline_id (current) == rapport_stage_get_pipeline_id (stage))
    return rapport_store_invalid (error, _("“%s” is already in that pipeline: move it to another stage instead."),
                                  rapport_deal_get_title (deal));

  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!record_change (self, deal_id, rapport_deal_get_stage_id (deal), stage_id, status,
                      RAPPORT_STAGE_CHANGE_PIPELINE_CHANGED, now, error))
    goto fail;

  if (status == RAPPORT_DEAL_STATUS_OPEN)
    {
      stmt = rapport_store_stmt_sql (self, SQL_STAGE_MAX_RANK);
      rapport_sql_bind_int64 (stmt, 1, stage_id);
      rank = rapport_store_step_int64 (self, stmt, 0) + RAPPORT_RANK_GAP;
      stmt = rapport_store_stmt_sql (self, SQL_REASSIGN_OPEN);
      rapport_sql_bind_int64 (stmt, 3, rank);
      rapport_sql_bind_int64 (stmt, 4, now);
    }
  else
    {
      stmt = rapport_store_stmt_sql (self, SQL_REASSIGN_CLOSED);
      rapport_sql_bind_int64 (stmt, 3, now);
    }
  rapport_sql_bind_int64 (stmt, 1, deal_id);
  rapport_sql_bind_int64 (stmt, 2, stage_id);
  if (!rapport_store_step_done (self, stmt, error))
    goto fail;

  if (!rapport_store_commit (self, error))
    return FALSE;

  rapport_store_reload_record (self, RAPPORT_RECORD (deal), NULL);
  rapport_store_notify (self, RAPPORT_ENTITY_DEAL, RAPPORT_CHANGE_UPDATED, deal_id);
  return TRUE;

fail:
  rapport_store_rollback (self);
  return FALSE;
}
