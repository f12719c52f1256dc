/* rapport-store-review.c — the weekly pipeline review's queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One statement per section (rapport-review.h says what each holds), all
 * returning the same columns, in the order of RapportReviewItem, so one
 * loop reads them all. Parameters: ?1 the week's Monday, ?2 the next
 * Monday, ?3 the owner or NULL, ?4 today ("YYYY-MM-DD", UTC), ?5 now. A
 * statement that does not use one ignores its binding.
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include "rapport-review-private.h"
#include "rapport-store-private.h"
#include "rapport-store-snapshot.h"

/* A deal's organization is its own, else its contact's. */
#define DEAL_PEOPLE \
  " LEFT JOIN contact c ON c.id = d.contact_id" \
  " LEFT JOIN organization o ON o.id = d.organization_id" \
  " LEFT JOIN organization co ON co.id = c.organization_id"

#define DEAL_COLUMNS(at, days) \
  "SELECT d.id, d.title, coalesce(o.name, co.name), c.name, d.owner, s.name, NULL," \
  " d.value, d.currency, " at ", d.expected_close, d.lost_reason, " days ", 0, NULL" \
  " FROM deal d JOIN stage s ON s.id = d.stage_id" DEAL_PEOPLE

#define DEAL_OWNER " AND (?3 IS NULL OR d.owner = ?3)"

#define DAYS(seconds) "CAST ((" seconds ") / 86400 AS INTEGER)"

static const char * const section_sql[RAPPORT_REVIEW_N_SECTIONS] = {
  [RAPPORT_REVIEW_ADDED] =
    DEAL_COLUMNS ("d.created_at", "0")
    " WHERE d.created_at >= ?1 AND d.created_at < ?2" DEAL_OWNER
    " ORDER BY d.created_at, d.id",

  /* Moves between open stages of one pipeline to a later position; a deal
   * moved forward twice is one row, from the stage it left first to the
   * stage it reached last. */
  [RAPPORT_REVIEW_ADVANCED] =
    "WITH forward AS ("
    "  SELECT sc.id, sc.deal_id, sc.from_stage_id, sc.to_stage_id, sc.changed_at,"
    "    row_number () OVER (PARTITION BY sc.deal_id ORDER BY sc.changed_at, sc.id) AS nth,"
    "    row_number () OVER (PARTITION BY sc.deal_id ORDER BY sc.changed_at DESC, sc.id DESC) AS nth_last"
    "  FROM stage_change sc"
    "  JOIN stage f ON f.id = sc.from_stage_id JOIN stage t ON t.id = sc.to_stage_id"
    "  WHERE sc.changed_at >= ?1 AND sc.changed_at < ?2 AND sc.from_status = 0 AND sc.to_status = 0"
    "    AND t.pipeline_id = f.pipeline_id AND t.position > f.position)"
    " SELECT d.id, d.title, coalesce(o.name, co.name), c.name, d.owner, ts.name, fs.name,"
    "  d.value, d.currency, last.changed_at, d.expected_close, d.lost_reason, 0, 0, NULL"
    " FROM forward first"
    " JOIN forward last ON last.deal_id = first.deal_id AND last.nth_last = 1"
    " JOIN stage fs ON fs.id = first.from_stage_id JOIN stage ts ON ts.id = last.to_stage_id"
    " JOIN deal d ON d.id = first.deal_id" DEAL_PEOPLE
    " WHERE first.nth = 1" DEAL_OWNER
    " ORDER BY last.changed_at, d.id",

  [RAPPORT_REVIEW_WON] =
    DEAL_COLUMNS ("d.closed_at", DAYS ("d.closed_at - d.created_at"))
    " WHERE d.status = 1 AND d.closed_at >= ?1 AND d.closed_at < ?2" DEAL_OWNER
    " ORDER BY d.closed_at, d.id",

  [RAPPORT_REVIEW_LOST] =
    DEAL_COLUMNS ("d.closed_at", "0")
    " WHERE d.status = 2 AND d.closed_at >= ?1 AND d.closed_at < ?2" DEAL_OWNER
    " ORDER BY d.closed_at, d.id",

  [RAPPORT_REVIEW_SLIPPED] =
    DEAL_COLUMNS ("0", "CAST (julianday (?4) - julianday (d.expected_close) AS INTEGER)")
    " WHERE d.status = 0 AND d.expected_close IS NOT NULL AND d.expected_close < ?4" DEAL_OWNER
    " ORDER BY d.expected_close, d.id",

  /* The rule of rapport_store_deal_is_rotting(), for every deal at once. */
  [RAPPORT_REVIEW_ROTTING] =
    DEAL_COLUMNS ("coalesce (d.stage_entered_at, 0)", DAYS ("?5 - coalesce (d.stage_entered_at, 0)"))
    " WHERE d.status = 0 AND s.rotting_days > 0"
    "  AND coalesce (d.stage_entered_at, 0) + s.rotting_days * 86400 <= ?5"
    "  AND NOT EXISTS (SELECT 1 FROM activity a WHERE a.deal_id = d.id AND a.done_at IS NULL"
    "    AND a.due_at IS NOT NULL)" DEAL_OWNER
    " ORDER BY coalesce (d.stage_entered_at, 0), d.id",

  /* The follow-ups list's overdue ones (activity_pending is their index). */
  [RAPPORT_REVIEW_OVERDUE] =
    "SELECT coalesce (d.id, 0), d.title, coalesce (o.name, co.name), c.name, coalesce (d.owner, c.owner),"
    "  s.name, NULL, coalesce (d.value, 0), d.currency, coalesce (a.snoozed_until, a.due_at),"
    "  d.expected_close, NULL, " DAYS ("?5 - coalesce (a.snoozed_until, a.due_at)") ", a.id, a.title"
    " FROM activity a"
    " LEFT JOIN deal d ON d.id = a.deal_id LEFT JOIN stage s ON s.id = d.stage_id"
    " LEFT JOIN contact c ON c.id = coalesce (a.contact_id, d.contact_id)"
    " LEFT JOIN organization o ON o.id = d.organization_id"
    " LEFT JOIN organization co ON co.id = c.organization_id"
    " WHERE a.done_at IS NULL AND a.due_at IS NOT NULL AND coalesce (a.snoozed_until, a.due_at) < ?5"
    "  AND (?3 IS NULL OR coalesce (d.owner, c.owner) = ?3)"
    " ORDER BY coalesce (a.snoozed_until, a.due_at), a.id",
};

static char *
column_text (RapportSqlStmt *stmt,
             int             col)
{
  return g_strdup (rapport_sql_column_text (stmt, col));
}

static void
read_item (RapportSqlStmt    *stmt,
           RapportReviewItem *item)
{
  item->deal_id = rapport_sql_column_int64 (stmt, 0);
  item->title = column_text (stmt, 1);
  item->organization = column_text (stmt, 2);
  item->contact = column_text (stmt, 3);
  item->owner = column_text (stmt, 4);
  item->stage = column_text (stmt, 5);
  item->from_stage = column_text (stmt, 6);
  item->value = rapport_sql_column_int64 (stmt, 7);
  item->currency = column_text (stmt, 8);
  item->at = rapport_sql_column_int64 (stmt, 9);
  item->expected_close = column_text (stmt, 10);
  item->lost_reason = column_text (stmt, 11);
  item->days = rapport_sql_column_int (stmt, 12);
  item->activity_id = rapport_sql_column_int64 (stmt, 13);
  item->activity = column_text (stmt, 14);
}

static gboolean
read_section (RapportStore          *self,
              RapportReview         *review,
              RapportReviewSection  *section,
              const char            *today,
              GError               **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, section_sql[section->kind]);
  int rc;

  rapport_sql_bind_int64 (stmt, 1, review->from);
  rapport_sql_bind_int64 (stmt, 2, review->to);
  rapport_sql_bind_text (stmt, 3, review->owner);
  rapport_sql_bind_text (stmt, 4, today);
  rapport_sql_bind_int64 (stmt, 5, review->now);

  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      RapportReviewItem item = { 0, };

      read_item (stmt, &item);
      g_array_append_val (section->items, item);

      /* A follow-up is counted, not summed: two of one deal would add
       * its value twice. */
      if (section->kind == RAPPORT_REVIEW_OVERDUE)
        continue;
      if (g_strcmp0 (item.currency, review->currency) == 0)
        {
          section->counted++;
          section->total += item.value;
        }
      else
        section->other_currencies++;
    }
  rapport_sql_reset (stmt);

  if (rc != RAPPORT_SQL_DONE)
    return rapport_store_set_error (self, rc, error);

  return TRUE;
}

static gboolean
read_goals (RapportStore   *self,
            RapportReview  *review,
            GError        **error)
{
  g_autoptr(GListModel) goals = rapport_store_get_goals (self);
  /* The period holding the week's last second, or now while the week runs:
   * a week goal is judged on the week reviewed, a month goal on its month. */
  gint64 at = MIN (review->now, review->to - 1);
  guint n = g_list_model_get_n_items (goals);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportGoal) goal = g_list_model_get_item (goals, i);
      RapportReviewGoal row = { 0, };

      if (review->owner != NULL && g_strcmp0 (rapport_goal_get_owner (goal), review->owner) != 0)
        continue;

      row.goal_id = rapport_record_get_id (RAPPORT_RECORD (goal));
      row.metric = rapport_goal_get_metric (goal);
      row.period = rapport_goal_get_period (goal);
      if (!rapport_store_get_goal_progress (self, goal, at, &row.progress, error))
        return FALSE;
      row.owner = g_strdup (rapport_goal_get_owner (goal));
      g_array_append_val (review->goals, row);
    }

  return TRUE;
}

RapportReview *
rapport_store_get_review (RapportStore  *self,
                          int            year,
                          int            week,
                          const char    *owner,
                          GError       **error)
{
  g_autoptr(RapportReview) review = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  gboolean began, ok = TRUE;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (year >= 1970 && year <= 9999, NULL);
  g_return_val_if_fail (week >= 1 && week <= rapport_review_weeks_in_year (year), NULL);

  review = rapport_review_new ();
  review->year = year;
  review->week = week;
  rapport_review_week_bounds (year, week, &review->from, &review->to);
  review->now = rapport_store_now (self);
  review->owner = owner != NULL && *owner != '\0' ? g_strdup (owner) : NULL;
  review->currency = g_strdup (rapport_store_get_default_currency (self));

  now = g_date_time_new_from_unix_utc (review->now);
  today = g_date_time_format (now, "%Y-%m-%d");

  if (!rapport_store_snapshot_begin (self, &began, error))
    return NULL;

  for (guint i = 0; ok && i < RAPPORT_REVIEW_N_SECTIONS; i++)
    ok = read_section (self, review, &review->sections[i], today, error);
  if (ok)
    ok = read_goals (self, review, error);

  rapport_store_snapshot_end (self, began);

  return ok ? g_steal_pointer (&review) : NULL;
}
