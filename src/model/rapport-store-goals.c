/* rapport-store-goals.c — goals and their progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Progress is counted here from the same definitions as the report's
 * figures (rapport-report.h): won value and deals won by close time in the
 * default currency, deals added by creation time, activities done (not the
 * speed-to-lead follow-ups that complete themselves), and leads that
 * arrived in the period and were first contacted within the speed-to-lead
 * time.
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-store-private.h"
#include "rapport-record-list.h"
#include "rapport-validate.h"

#define GOAL_IDS_SQL "SELECT id FROM goal ORDER BY id"

/* ?1 start, ?2 end, ?3 owner or NULL, ?4 the default currency or the
 * speed-to-lead seconds: one statement per metric, by RapportGoalMetric. */
static const char * const progress_sql[] = {
  [RAPPORT_GOAL_METRIC_WON_VALUE] =
    "SELECT coalesce(sum(value), 0) FROM deal WHERE status = 1 AND closed_at >= ?1 AND closed_at < ?2"
    " AND (?3 IS NULL OR owner = ?3) AND currency = ?4",
  [RAPPORT_GOAL_METRIC_DEALS_WON] =
    "SELECT count(*) FROM deal WHERE status = 1 AND closed_at >= ?1 AND closed_at < ?2"
    " AND (?3 IS NULL OR owner = ?3) AND currency = ?4",
  [RAPPORT_GOAL_METRIC_DEALS_ADDED] =
    "SELECT count(*) FROM deal WHERE created_at >= ?1 AND created_at < ?2"
    " AND (?3 IS NULL OR owner = ?3) AND currency = ?4",
  [RAPPORT_GOAL_METRIC_ACTIVITIES_DONE] =
    "SELECT count(*) FROM activity a LEFT JOIN deal d ON d.id = a.deal_id"
    " LEFT JOIN contact c ON c.id = a.contact_id"
    " WHERE a.done_at >= ?1 AND a.done_at < ?2 AND a.rule = 0"
    " AND (?3 IS NULL OR coalesce(d.owner, c.owner) = ?3)",
  [RAPPORT_GOAL_METRIC_LEADS_CONTACTED_IN_TIME] =
    "SELECT count(*) FROM contact c WHERE c.created_at >= ?1 AND c.created_at < ?2"
    " AND (?3 IS NULL OR c.owner = ?3) AND c.first_contacted_at >= c.created_at"
    " AND c.first_contacted_at - c.created_at <= ?4"
    " AND EXISTS (SELECT 1 FROM activity a WHERE a.contact_id = c.id AND a.rule = 1)",
};

RapportGoal *
rapport_store_add_goal (RapportStore             *self,
                        const RapportGoalFields  *fields,
                        GError                  **error)
{
  RapportSqlStmt *stmt;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  if ((guint) fields->metric > RAPPORT_GOAL_METRIC_LEADS_CONTACTED_IN_TIME)
    {
      rapport_store_invalid (error, _("Unknown goal metric"));
      return NULL;
    }
  if ((guint) fields->period > RAPPORT_PERIOD_YEAR)
    {
      rapport_store_invalid (error, _("Unknown goal period"));
      return NULL;
    }
  if (fields->target <= 0)
    {
      rapport_store_invalid (error, _("A goal's target must be more than zero"));
      return NULL;
    }
  if (!rapport_text_check (fields->owner, RAPPORT_TEXT_OWNER, FALSE, error))
    return NULL;

  stmt = rapport_store_stmt_sql (self,
                                 "INSERT INTO goal (metric, period, owner, target, created_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)");
  rapport_sql_bind_int (stmt, 1, fields->metric);
  rapport_sql_bind_int (stmt, 2, fields->period);
  rapport_sql_bind_text_or_null (stmt, 3, fields->owner);
  rapport_sql_bind_int64 (stmt, 4, fields->target);
  rapport_sql_bind_int64 (stmt, 5, rapport_store_now (self));

  if (!rapport_store_insert_alone (self, stmt, &id, error))
    return NULL;

  rapport_store_notify (self, RAPPORT_ENTITY_GOAL, RAPPORT_CHANGE_ADDED, id);
  return rapport_store_lookup (self, RAPPORT_TYPE_GOAL, id, error);
}

RapportGoal *
rapport_store_get_goal (RapportStore  *self,
                        gint64         id,
                        GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return rapport_store_lookup (self, RAPPORT_TYPE_GOAL, id, error);
}

GListModel *
rapport_store_get_goals (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return rapport_record_list_new_sql (self, RAPPORT_TYPE_GOAL, GOAL_IDS_SQL, 0, NULL);
}

char **
rapport_store_get_owners (RapportStore  *self,
                          GError       **error)
{
  g_autoptr(GStrvBuilder) owners = g_strv_builder_new ();
  RapportSqlStmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  /* UNION drops the repeats; a scan each, when a dialog opens. */
  stmt = rapport_store_stmt_sql (self,
                                 "SELECT owner FROM deal WHERE owner <> ''"
                                 " UNION SELECT owner FROM contact WHERE owner <> ''"
                                 " UNION SELECT owner FROM goal WHERE owner <> ''"
                                 " ORDER BY 1");
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    g_strv_builder_add (owners, rapport_sql_column_text (stmt, 0));
  rapport_sql_reset (stmt);

  if (rc != RAPPORT_SQL_DONE)
    {
      rapport_store_set_error (self, rc, error);
      return NULL;
    }

  return g_strv_builder_end (owners);
}

gboolean
rapport_store_get_goal_progress (RapportStore         *self,
                                 RapportGoal          *goal,
                                 gint64                at,
                                 RapportGoalProgress  *progress,
                                 GError              **error)
{
  RapportGoalMetric metric;
  RapportSqlStmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_GOAL (goal), FALSE);
  g_return_val_if_fail (progress != NULL, FALSE);

  metric = rapport_goal_get_metric (goal);
  g_return_val_if_fail ((guint) metric < G_N_ELEMENTS (progress_sql), FALSE);

  memset (progress, 0, sizeof *progress);
  rapport_period_bounds (rapport_goal_get_period (goal), at != 0 ? at : rapport_store_now (self),
                         &progress->start, &progress->end);
  progress->target = rapport_goal_get_target (goal);

  stmt = rapport_store_stmt_sql (self, progress_sql[metric]);
  rapport_sql_bind_int64 (stmt, 1, progress->start);
  rapport_sql_bind_int64 (stmt, 2, progress->end);
  rapport_sql_bind_text_or_null (stmt, 3, rapport_goal_get_owner (goal));
  if (metric == RAPPORT_GOAL_METRIC_LEADS_CONTACTED_IN_TIME)
    rapport_sql_bind_int64 (stmt, 4, (gint64) self->speed_to_lead_minutes * 60);
  else if (metric != RAPPORT_GOAL_METRIC_ACTIVITIES_DONE)
    rapport_sql_bind_text (stmt, 4, self->default_currency);

  rc = rapport_sql_step (stmt);
  if (rc == RAPPORT_SQL_ROW)
    progress->actual = rapport_sql_column_int64 (stmt, 0);
  rapport_sql_reset (stmt);
  if (rc != RAPPORT_SQL_ROW)
    return rapport_store_set_error (self, rc, error);

  progress->progress = progress->target > 0 ? (double) progress->actual / (double) progress->target : 0.0;
  progress->reached = progress->actual >= progress->target;
  progress->notified = rapport_goal_get_reached_period (goal) == progress->start;

  return TRUE;
}

gboolean
rapport_store_mark_goal_reached (RapportStore  *self,
                                 RapportGoal   *goal,
                                 gint64         period_start,
                                 gboolean      *first_time,
                                 GError       **error)
{
  RapportSqlStmt *stmt;
  gint64 id;
  gint64 changed;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_GOAL (goal), FALSE);

  if (first_time != NULL)
    *first_time = FALSE;

  id = rapport_record_get_id (RAPPORT_RECORD (goal));

  /* The check and the mark are one statement, so of two programs that
   * see the goal reached at once only one tells. */
  if (!rapport_store_begin (self, error))
    return FALSE;

  stmt = rapport_store_stmt_sql (self,
                                 "UPDATE goal SET reached_period = ?2"
                                 " WHERE id = ?1 AND reached_period IS NOT ?2");
  rapport_sql_bind_int64 (stmt, 1, id);
  rapport_sql_bind_int64 (stmt, 2, period_start);
  if (!rapport_store_step_done (self, stmt, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  changed = rapport_store_changes (self);

  if (!rapport_store_commit (self, error))
    return FALSE;

  if (changed > 0)
    {
      if (!rapport_store_reload_record (self, RAPPORT_RECORD (goal), error))
        return FALSE;
      rapport_store_notify (self, RAPPORT_ENTITY_GOAL, RAPPORT_CHANGE_UPDATED, id);
    }

  if (first_time != NULL)
    *first_time = changed > 0;

  return TRUE;
}
