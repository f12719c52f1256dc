/* rapport-store-deals.c — deals through the process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-enums.h"
#include "rapport-money.h"
#include "rapport-record-list.h"
#include "rapport-store-private.h"
#include "rapport-store-process.h"
#include "rapport-store-settings.h"
#include "rapport-time.h"
#include "rapport-validate.h"

int
rapport_store_get_deal_position (RapportStore *self,
                                 RapportDeal  *deal)
{
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), -1);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), -1);

  if (rapport_deal_get_status (deal) != RAPPORT_DEAL_STATUS_OPEN)
    return -1;

  stmt = rapport_store_stmt (self, STMT_DEAL_POSITION);
  rapport_sql_bind_int64 (stmt, 1, rapport_deal_get_stage_id (deal));
  rapport_sql_bind_int64 (stmt, 2, rapport_deal_get_rank (deal));
  rapport_sql_bind_int64 (stmt, 3, rapport_record_get_id (RAPPORT_RECORD (deal)));

  return (int) rapport_store_step_int64 (self, stmt, -1);
}

GPtrArray *
rapport_store_list_deal_ids (RapportStore  *self,
                             RapportStage  *stage,
                             GError       **error)
{
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func (g_free);
  RapportSqlStmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (stage != NULL)
    {
      stmt = rapport_store_stmt (self, STMT_DEAL_IDS_OF_STAGE);
      rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (stage)));
    }
  else
    stmt = rapport_store_stmt_sql (self, RAPPORT_SQL_DEAL_IDS);

  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = rapport_sql_column_int64 (stmt, 0);
      g_ptr_array_add (ret, id);
    }
  rapport_sql_reset (stmt);

  if (rc != RAPPORT_SQL_DONE)
    {
      rapport_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ret);
}

GPtrArray *
rapport_store_get_stage_history (RapportStore  *self,
                                 RapportDeal   *deal,
                                 GError       **error)
{
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), NULL);

  stmt = rapport_store_stmt (self, STMT_STAGE_HISTORY);
  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (deal)));

  return rapport_store_records_from (self, RAPPORT_TYPE_STAGE_CHANGE, stmt, error);
}

/* List models */

GListModel *
rapport_store_get_stage_deals (RapportStore *self,
                               RapportStage *stage)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_STAGE (stage), NULL);

  return rapport_record_list_new (self, RAPPORT_TYPE_DEAL, STMT_DEAL_IDS_OF_STAGE,
                                  rapport_record_get_id (RAPPORT_RECORD (stage)));
}

static gint64
first_stage_id (RapportStore *self)
{
  g_autoptr(RapportPipeline) pipeline = rapport_store_get_current_pipeline (self);
  g_autoptr(RapportStage) stage = NULL;
  GListModel *stages;

  if (pipeline == NULL)
    return 0;

  stages = rapport_store_get_stages (self, pipeline);
  if (g_list_model_get_n_items (stages) == 0)
    return 0;

  stage = g_list_model_get_item (stages, 0);
  return rapport_record_get_id (RAPPORT_RECORD (stage));
}

/* The rank that puts a deal at @position among the stage's open deals
 * (other than @deal_id), renumbering the stage when no gap is left. Runs
 * inside the caller's transaction. */
static gboolean
rank_for_position (RapportStore  *self,
                   gint64         stage_id,
                   gint64         deal_id,
                   int            position,
                   gint64        *rank,
                   GError       **error)
{
  RapportSqlStmt *stmt;
  gboolean has_prev = FALSE, has_next = FALSE;
  gint64 prev = 0, next = 0;

  if (position < 0)
    {
      stmt = rapport_store_stmt (self, STMT_DEAL_MAX_RANK);
      rapport_sql_bind_int64 (stmt, 1, stage_id);
      rapport_sql_bind_int64 (stmt, 2, deal_id);
      if (rapport_sql_step (stmt) == RAPPORT_SQL_ROW && !rapport_sql_column_is_null (stmt, 0))
        {
          *rank = rapport_sql_column_int64 (stmt, 0) + RAPPORT_RANK_GAP;
          rapport_sql_reset (stmt);
          return TRUE;
        }
      rapport_sql_reset (stmt);
      *rank = 0;
      return TRUE;
    }

  if (position > 0)
    {
      stmt = rapport_store_stmt (self, STMT_DEAL_RANK_AT);
      rapport_sql_bind_int64 (stmt, 1, stage_id);
      rapport_sql_bind_int64 (stmt, 2, deal_id);
      rapport_sql_bind_int (stmt, 3, position - 1);
      if ((has_prev = rapport_sql_step (stmt) == RAPPORT_SQL_ROW))
        prev = rapport_sql_column_int64 (stmt, 0);
      rapport_sql_reset (stmt);

      /* Past the end: append. */
      if (!has_prev)
        return rank_for_position (self, stage_id, deal_id, -1, rank, error);
    }

  stmt = rapport_store_stmt (self, STMT_DEAL_RANK_AT);
  rapport_sql_bind_int64 (stmt, 1, stage_id);
  rapport_sql_bind_int64 (stmt, 2, deal_id);
  rapport_sql_bind_int (stmt, 3, position);
  if ((has_next = rapport_sql_step (stmt) == RAPPORT_SQL_ROW))
    next = rapport_sql_column_int64 (stmt, 0);
  rapport_sql_reset (stmt);

  if (!has_prev && !has_next)
    *rank = 0;
  else if (!has_next)
    *rank = prev + RAPPORT_RANK_GAP;
  else if (!has_prev)
    *rank = next - RAPPORT_RANK_GAP;
  else if (next - prev > 1)
    *rank = prev + (next - prev) / 2;
  else
    {
      /* No room: spread the stage out again, leaving the gap at @position. */
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      stmt = rapport_store_stmt (self, STMT_DEAL_RENUMBER_LIST);
      rapport_sql_bind_int64 (stmt, 1, stage_id);
      rapport_sql_bind_int64 (stmt, 2, deal_id);
      while (rapport_sql_step (stmt) == RAPPORT_SQL_ROW)
        {
          gint64 id = rapport_sql_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
        }
      rapport_sql_reset (stmt);

      for (guint i = 0; i < ids->len; i++)
        {
          stmt = rapport_store_stmt (self, STMT_DEAL_SET_RANK);
          rapport_sql_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
          rapport_sql_bind_int64 (stmt, 2, ((gint64) i + ((int) i >= position ? 1 : 0)) * RAPPORT_RANK_GAP);
          if (!rapport_store_step_done (self, stmt, error))
            return FALSE;
        }

      *rank = (gint64) position * RAPPORT_RANK_GAP;
      /* Live deals of the stage now hold stale ranks: reload after commit. */
      self->renumbered_stage = stage_id;
    }

  return TRUE;
}

RapportDeal *
rapport_store_add_deal (RapportStore             *self,
                        const RapportDealFields  *fields,
                        GError                  **error)
{
  g_autofree char *title = NULL;
  const char *currency;
  gint64 stage_id, now, created_at, rank, id;
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  title = g_strstrip (g_strdup (fields->title ? fields->title : ""));
  currency = fields->currency ? fields->currency : self->default_currency;
  stage_id = fields->stage_id ? fields->stage_id : first_stage_id (self);
  now = rapport_store_now (self);

  if (!rapport_text_check (title, RAPPORT_TEXT_TITLE, TRUE, error) ||
      !rapport_text_check (fields->owner, RAPPORT_TEXT_OWNER, FALSE, error) ||
      !rapport_store_arrival_time (self, fields->created_at, fields->has_created_at, &created_at, error))
    return NULL;
  if (fields->value < 0)
    {
      rapport_store_invalid (error, _("The value cannot be negative"));
      return NULL;
    }
  if (!rapport_currency_check (currency, error) ||
      !rapport_date_check (fields->expected_close, error))
    return NULL;
  if (!rapport_store_check_exists (self, RAPPORT_TYPE_STAGE, stage_id, error) ||
      !rapport_store_check_exists (self, RAPPORT_TYPE_CONTACT, fields->contact_id, error) ||
      !rapport_store_check_exists (self, RAPPORT_TYPE_ORGANIZATION, fields->organization_id, error) ||
      !rapport_store_check_exists (self, RAPPORT_TYPE_DEAL, fields->repeat_of, error))
    return NULL;

  if (!rapport_store_begin (self, error))
    return NULL;
  if (!rank_for_position (self, stage_id, 0, -1, &rank, error))
    goto fail;

  stmt = rapport_store_stmt (self, STMT_INSERT_DEAL);
  rapport_sql_bind_text (stmt, 1, title);
  rapport_sql_bind_int64 (stmt, 2, fields->value);
  rapport_sql_bind_text (stmt, 3, currency);
  rapport_sql_bind_int64 (stmt, 4, stage_id);
  rapport_sql_bind_int64 (stmt, 5, rank);
  rapport_sql_bind_id_or_null (stmt, 6, fields->contact_id);
  rapport_sql_bind_id_or_null (stmt, 7, fields->organization_id);
  rapport_sql_bind_text_or_null (stmt, 8, fields->expected_close);
  rapport_sql_bind_text_or_null (stmt, 9, fields->owner);
  rapport_sql_bind_int64 (stmt, 10, created_at);
  rapport_sql_bind_int64 (stmt, 11, now);
  if (!rapport_store_step_done (self, stmt, error))
    goto fail;
  id = rapport_store_last_id (self);
  if (fields->repeat_of != 0 && !rapport_store_link_repeat_deal (self, id, fields->repeat_of, error))
    goto fail;

  /* History starts with the stage the deal entered first. */
  stmt = rapport_store_stmt (self, STMT_INSERT_STAGE_CHANGE);
  rapport_sql_bind_int64 (stmt, 1, id);
  rapport_sql_bind_null (stmt, 2);
  rapport_sql_bind_int64 (stmt, 3, stage_id);
  rapport_sql_bind_int (stmt, 4, RAPPORT_DEAL_STATUS_OPEN);
  rapport_sql_bind_int (stmt, 5, RAPPORT_DEAL_STATUS_OPEN);
  rapport_sql_bind_int64 (stmt, 6, created_at);
  if (!rapport_store_step_done (self, stmt, error))
    goto fail;

  if (!rapport_store_commit (self, error))
    return NULL;

  rapport_store_notify (self, RAPPORT_ENTITY_DEAL, RAPPORT_CHANGE_ADDED, id);
  return rapport_store_lookup (self, RAPPORT_TYPE_DEAL, id, error);

fail:
  rapport_store_rollback (self);
  return NULL;
}

/* Deals through the process */

static gboolean
record_stage_change (RapportStore              *self,
                     RapportDeal               *deal,
                     gint64                     to_stage_id,
                     RapportDealStatus          to_status,
                     RapportStageChangeReason   reason,
                     gint64                     now,
                     GError                   **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt (self, STMT_INSERT_STAGE_CHANGE_WHY);

  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (deal)));
  rapport_sql_bind_int64 (stmt, 2, rapport_deal_get_stage_id (deal));
  rapport_sql_bind_int64 (stmt, 3, to_stage_id);
  rapport_sql_bind_int (stmt, 4, rapport_deal_get_status (deal));
  rapport_sql_bind_int (stmt, 5, to_status);
  rapport_sql_bind_int64 (stmt, 6, now);
  rapport_sql_bind_int (stmt, 7, reason);

  return rapport_store_step_done (self, stmt, error);
}

/* A move within the pipeline; past an unmet gate only when @anyway,
 * which the history then says. */
static gboolean
move_deal (RapportStore  *self,
           RapportDeal   *deal,
           RapportStage  *stage,
           int            position,
           gboolean       anyway,
           GError       **error)
{
  g_autoptr(RapportStage) current = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  gint64 deal_id, stage_id, rank, now;
  gboolean changes_stage, was_won;
  RapportSqlStmt *stmt;

  deal_id = rapport_record_get_id (RAPPORT_RECORD (deal));
  stage_id = rapport_record_get_id (RAPPORT_RECORD (stage));
  now = rapport_store_now (self);
  changes_stage = stage_id != rapport_deal_get_stage_id (deal) ||
                  rapport_deal_get_status (deal) != RAPPORT_DEAL_STATUS_OPEN;

  current = rapport_store_lookup (self, RAPPORT_TYPE_STAGE, rapport_deal_get_stage_id (deal), NULL);
  if (current != NULL &&
      rapport_stage_get_pipeline_id (current) != rapport_stage_get_pipeline_id (stage))
    return rapport_store_invalid (error, _("“%s” is a stage of another pipeline"), rapport_stage_get_name (stage));

  was_won = rapport_deal_get_status (deal) == RAPPORT_DEAL_STATUS_WON;
  missing = rapport_store_check_gate (self, deal, stage);
  if (missing->len > 0 && !anyway)
    return rapport_store_gate_error (self, deal, stage, error);

  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!rank_for_position (self, stage_id, deal_id, position, &rank, error))
    goto fail;
  /* Back on the board, a won deal is reopened: the win is taken back. */
  if (!rapport_store_after_sales_status_change (self, deal, RAPPORT_DEAL_STATUS_OPEN, now, error))
    goto fail;

  stmt = rapport_store_stmt (self, STMT_DEAL_MOVE);
  rapport_sql_bind_int64 (stmt, 1, deal_id);
  rapport_sql_bind_int64 (stmt, 2, stage_id);
  rapport_sql_bind_int64 (stmt, 3, rank);
  rapport_sql_bind_int64 (stmt, 4, now);
  if (!rapport_store_step_done (self, stmt, error))
    goto fail;

  if (changes_stage &&
      !record_stage_change (self, deal, stage_id, RAPPORT_DEAL_STATUS_OPEN,
                            missing->len > 0 ? RAPPORT_STAGE_CHANGE_GATE_OVERRIDDEN : RAPPORT_STAGE_CHANGE_MOVED,
                            now, error))
    goto fail;

  if (!rapport_store_commit (self, error))
    return FALSE;

  if (self->renumbered_stage != 0)
    rapport_store_reload_live_deals_of_stage (self, self->renumbered_stage);
  rapport_store_reload_record (self, RAPPORT_RECORD (deal), NULL);
  self->renumbered_stage = 0;
  rapport_store_notify (self, RAPPORT_ENTITY_DEAL, RAPPORT_CHANGE_UPDATED, deal_id);
  if (was_won)
    rapport_store_after_sales_changed (self, rapport_deal_get_contact_id (deal));
  return TRUE;

fail:
  self->renumbered_stage = 0;
  rapport_store_rollback (self);
  return FALSE;
}

gboolean
rapport_store_move_deal (RapportStore  *self,
                         RapportDeal   *deal,
                         RapportStage  *stage,
                         int            position,
                         GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STAGE (stage), FALSE);

  return move_deal (self, deal, stage, position, FALSE, error);
}

gboolean
rapport_store_move_deal_anyway (RapportStore  *self,
                                RapportDeal   *deal,
                                RapportStage  *stage,
                                int            position,
                                GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STAGE (stage), FALSE);

  return move_deal (self, deal, stage, position, TRUE, error);
}

gboolean
rapport_store_set_deal_status (RapportStore       *self,
                               RapportDeal        *deal,
                               RapportDealStatus   status,
                               const char         *lost_reason,
                               GError            **error)
{
  g_autofree char *reason = g_strstrip (g_strdup (lost_reason ? lost_reason : ""));
  gboolean was_won;
  gint64 now;
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), FALSE);

  if (status == RAPPORT_DEAL_STATUS_LOST && *reason == '\0')
    return rapport_store_invalid (error, _("A lost deal needs a reason, so the team can learn from it"));
  if (!rapport_text_check (reason, RAPPORT_TEXT_REASON, FALSE, error))
    return FALSE;
  if (status == rapport_deal_get_status (deal) && status != RAPPORT_DEAL_STATUS_LOST)
    return TRUE;

  now = rapport_store_now (self);
  was_won = rapport_deal_get_status (deal) == RAPPORT_DEAL_STATUS_WON;

  stmt = rapport_store_stmt (self, STMT_DEAL_SET_STATUS);
  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (deal)));
  rapport_sql_bind_int (stmt, 2, status);
  rapport_sql_bind_text_or_null (stmt, 3, status == RAPPORT_DEAL_STATUS_LOST ? reason : NULL);
  if (status == RAPPORT_DEAL_STATUS_OPEN)
    rapport_sql_bind_null (stmt, 4);
  else
    rapport_sql_bind_int64 (stmt, 4, now);
  rapport_sql_bind_int64 (stmt, 5, now);

  /* The outcome, its history and what follows a win (the after-sales
   * plan, a customer) or leaving one: one user action. */
  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!rapport_store_after_sales_status_change (self, deal, status, now, error) ||
      !rapport_store_step_done (self, stmt, error) ||
      !record_stage_change (self, deal, rapport_deal_get_stage_id (deal), status,
                            RAPPORT_STAGE_CHANGE_MOVED, now, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  if (!rapport_store_commit (self, error))
    return FALSE;

  rapport_store_reload_record (self, RAPPORT_RECORD (deal), NULL);
  rapport_store_notify (self, RAPPORT_ENTITY_DEAL, RAPPORT_CHANGE_UPDATED, rapport_record_get_id (RAPPORT_RECORD (deal)));
  if (status == RAPPORT_DEAL_STATUS_WON || was_won)
    rapport_store_after_sales_changed (self, rapport_deal_get_contact_id (deal));
  return TRUE;
}

static const char * const bant_properties[] = {
  [RAPPORT_BANT_BUDGET] = "bant-budget",
  [RAPPORT_BANT_AUTHORITY] = "bant-authority",
  [RAPPORT_BANT_NEED] = "bant-need",
  [RAPPORT_BANT_TIMELINE] = "bant-timeline",
};

gboolean
rapport_store_set_bant (RapportStore     *self,
                        RapportDeal      *deal,
                        RapportBantItem   item,
                        RapportAnswer     answer,
                        GError          **error)
{
  RapportBantAnswer one = { item, answer };

  return rapport_store_set_bant_answers (self, deal, &one, 1, error);
}

gboolean
rapport_store_set_bant_answers (RapportStore             *self,
                                RapportDeal              *deal,
                                const RapportBantAnswer  *answers,
                                guint                     n_answers,
                                GError                  **error)
{
  const char *properties[G_N_ELEMENTS (bant_properties)];
  GValue values[G_N_ELEMENTS (bant_properties)] = { G_VALUE_INIT, };
  guint n = 0;
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (answers != NULL || n_answers == 0, FALSE);

  /* One value per item, the last answer given for it winning. */
  for (guint i = 0; i < n_answers; i++)
    {
      guint j;

      g_return_val_if_fail ((guint) answers[i].item < G_N_ELEMENTS (bant_properties), FALSE);

      for (j = 0; j < n && properties[j] != bant_properties[answers[i].item]; j++)
        ;
      if (j == n)
        {
          properties[n++] = bant_properties[answers[i].item];
          g_value_init (&values[j], RAPPORT_TYPE_ANSWER);
        }
      g_value_set_enum (&values[j], answers[i].answer);
    }

  if (n == 0)
    return TRUE;

  ok = rapport_store_update_properties (self, RAPPORT_RECORD (deal), n, properties, values, error);

  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);

  return ok;
}

/* The playbook checklist */

GHashTable *
rapport_store_get_done_actions (RapportStore  *self,
                                RapportDeal   *deal,
                                GError       **error)
{
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  RapportSqlStmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), NULL);

  stmt = rapport_store_stmt (self, STMT_ACTION_DONE_LIST);
  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (deal)));
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      gint64 action = rapport_sql_column_int64 (stmt, 0);
      gint64 when = rapport_sql_column_int64 (stmt, 1);

      g_hash_table_insert (done, g_memdup2 (&action, sizeof action), g_memdup2 (&when, sizeof when));
    }
  rapport_sql_reset (stmt);

  if (rc != RAPPORT_SQL_DONE)
    {
      rapport_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&done);
}

gboolean
rapport_store_set_action_done (RapportStore        *self,
                               RapportDeal         *deal,
                               RapportStageAction  *action,
                               gboolean             done,
                               GError             **error)
{
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STAGE_ACTION (action), FALSE);

  stmt = rapport_store_stmt (self, done ? STMT_ACTION_SET_DONE : STMT_ACTION_SET_UNDONE);
  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (deal)));
  rapport_sql_bind_int64 (stmt, 2, rapport_record_get_id (RAPPORT_RECORD (action)));
  if (done)
    rapport_sql_bind_int64 (stmt, 3, rapport_store_now (self));

  if (!rapport_store_run_alone (self, stmt, error))
    return FALSE;

  rapport_store_notify (self, RAPPORT_ENTITY_DEAL_ACTION, RAPPORT_CHANGE_UPDATED, rapport_record_get_id (RAPPORT_RECORD (deal)));
  return TRUE;
}

/* What cards show */

gboolean
rapport_store_deal_has_overdue_followup (RapportStore *self,
                                         RapportDeal  *deal)
{
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), FALSE);

  stmt = rapport_store_stmt (self, STMT_DEAL_OVERDUE_FOLLOWUP);
  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (deal)));
  rapport_sql_bind_int64 (stmt, 2, rapport_store_now (self));

  return rapport_store_step_int64 (self, stmt, 0) != 0;
}

int
rapport_store_deal_get_days_rotting (RapportStore *self,
                                     RapportDeal  *deal)
{
  g_autoptr(RapportStage) stage = NULL;
  RapportSqlStmt *stmt;
  gint64 over;
  int days;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), 0);

  if (rapport_deal_get_status (deal) != RAPPORT_DEAL_STATUS_OPEN)
    return 0;

  stage = rapport_store_lookup (self, RAPPORT_TYPE_STAGE, rapport_deal_get_stage_id (deal), NULL);
  days = stage ? rapport_stage_get_rotting_days (stage) : 0;
  over = rapport_store_now (self) - rapport_deal_get_stage_entered_at (deal) - (gint64) days * 86400;
  if (days <= 0 || over < 0)
    return 0;

  /* A follow-up pending, even one past due, means someone is on it: the
   * overdue badge says the rest. */
  stmt = rapport_store_stmt (self, STMT_DEAL_PENDING_FOLLOWUP);
  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (deal)));
  if (rapport_store_step_int64 (self, stmt, 0) != 0)
    return 0;

  /* Whole days, but a deal just past its limit is a day over already. */
  return (int) MIN (MAX (over / 86400, 1), G_MAXINT);
}

gboolean
rapport_store_deal_is_rotting (RapportStore *self,
                               RapportDeal  *deal)
{
  return rapport_store_deal_get_days_rotting (self, deal) > 0;
}

/* Why deals are lost, offered where a loss is recorded: the reasons
 * given most, then the team's list (rapport-store-settings.h) without
 * those given already. Picking from a list keeps one reason one text, so
 * Insights can count it; any other text may still be typed. */
char **
rapport_store_get_lost_reasons (RapportStore *self,
                                guint         limit)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) listed = NULL;
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = rapport_store_stmt_sql (self,
                                 "SELECT min(trim(lost_reason)) AS reason FROM deal"
                                 " WHERE status = 2 AND lost_reason IS NOT NULL"
                                 " GROUP BY trim(lost_reason) COLLATE NOCASE"
                                 " ORDER BY count(*) DESC, reason COLLATE NOCASE LIMIT ?1");
  rapport_sql_bind_int64 (stmt, 1, limit);
  while (rapport_sql_step (stmt) == RAPPORT_SQL_ROW)
    g_ptr_array_add (reasons, g_strdup (rapport_sql_column_text (stmt, 0)));
  rapport_sql_reset (stmt);

  listed = rapport_store_get_choices (self, RAPPORT_CHOICE_LOST_REASON);
  for (guint i = 0; listed[i] != NULL; i++)
    if (rapport_store_find_folded (reasons, listed[i]) < 0)
      g_ptr_array_add (reasons, g_strdup (listed[i]));

  g_ptr_array_add (reasons, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&reasons), FALSE);
}
