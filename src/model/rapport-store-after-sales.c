/* rapport-store-after-sales.c — the after-sales plan, satisfaction, repeat deals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-process.h"
#include "rapport-record-list.h"
#include "rapport-store-after-sales.h"
#include "rapport-store-private.h"
#include "rapport-validate.h"

/* The hour of the day an after-sales follow-up is due, local time: the
 * start of a working day, as an imported all-day task's. */
#define AFTER_SALES_HOUR 9

#define STEPS_OF_PIPELINE \
  "SELECT id FROM after_sales_step WHERE pipeline_id = ?1 ORDER BY position, id"

/* The plan */

GListModel *
rapport_store_get_after_sales_steps (RapportStore    *self,
                                     RapportPipeline *pipeline)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (pipeline), NULL);

  return rapport_record_list_new_sql (self, RAPPORT_TYPE_AFTER_SALES_STEP, STEPS_OF_PIPELINE,
                                      rapport_record_get_id (RAPPORT_RECORD (pipeline)), NULL);
}

GPtrArray *
rapport_store_list_after_sales_steps (RapportStore  *self,
                                      gint64         pipeline_id,
                                      GError       **error)
{
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = rapport_store_stmt_sql (self, STEPS_OF_PIPELINE);
  rapport_sql_bind_int64 (stmt, 1, pipeline_id);

  return rapport_store_records_from (self, RAPPORT_TYPE_AFTER_SALES_STEP, stmt, error);
}

RapportAfterSalesStep *
rapport_store_get_after_sales_step (RapportStore  *self,
                                    gint64         id,
                                    GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return rapport_store_lookup (self, RAPPORT_TYPE_AFTER_SALES_STEP, id, error);
}

static gboolean
check_step_fields (const RapportAfterSalesStepFields  *fields,
                   GError                            **error)
{
  if (!rapport_text_check (fields->title, RAPPORT_TEXT_TITLE, TRUE, error) ||
      !rapport_text_check (fields->note, RAPPORT_TEXT_NOTE, FALSE, error))
    return FALSE;
  if (fields->kind < RAPPORT_ACTIVITY_CALL || fields->kind > RAPPORT_ACTIVITY_TASK)
    return rapport_store_invalid (error, _("A follow-up is a call, an email, a meeting or a task"));
  if (fields->days < 0 || fields->days > RAPPORT_AFTER_SALES_MAX_DAYS)
    return rapport_store_invalid (error, _("A step comes 0 to 3650 days after the win"));
  if (fields->offer < RAPPORT_AFTER_SALES_OFFER_NONE || fields->offer > RAPPORT_AFTER_SALES_OFFER_REPEAT)
    return rapport_store_invalid (error, _("A step offers nothing, a satisfaction record or a repeat deal"));

  return TRUE;
}

/* Puts @id at @position among the steps of @pipeline_id, the others
 * renumbered 0, 1, 2… around it; in the caller's transaction. */
static gboolean
place_step (RapportStore  *self,
            gint64         pipeline_id,
            gint64         id,
            int            position,
            GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, STEPS_OF_PIPELINE);

  rapport_sql_bind_int64 (stmt, 1, pipeline_id);
  while (rapport_sql_step (stmt) == RAPPORT_SQL_ROW)
    {
      gint64 other = rapport_sql_column_int64 (stmt, 0);

      if (other != id)
        g_array_append_val (ids, other);
    }
  rapport_sql_reset (stmt);

  if (position < 0 || (guint) position > ids->len)
    position = (int) ids->len;
  g_array_insert_val (ids, (guint) position, id);

  for (guint i = 0; i < ids->len; i++)
    {
      stmt = rapport_store_stmt_sql (self, "UPDATE after_sales_step SET position = ?2 WHERE id = ?1");
      rapport_sql_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      rapport_sql_bind_int (stmt, 2, (int) i);
      if (!rapport_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* After the plan of a pipeline changed: its steps' objects, and the
 * lists, which reload on any notice of the kind. */
static void
after_plan_changed (RapportStore  *self,
                    RapportChange  change,
                    gint64         id)
{
  rapport_store_reload_live (self, RAPPORT_TYPE_AFTER_SALES_STEP);
  rapport_store_notify (self, RAPPORT_ENTITY_AFTER_SALES_STEP, change, id);
}

RapportAfterSalesStep *
rapport_store_add_after_sales_step (RapportStore                       *self,
                                    RapportPipeline                    *pipeline,
                                    const RapportAfterSalesStepFields  *fields,
                                    int                                 position,
                                    GError                            **error)
{
  g_autofree char *title = NULL;
  gint64 pipeline_id, id;
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (pipeline), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  title = g_strstrip (g_strdup (fields->title ? fields->title : ""));
  {
    RapportAfterSalesStepFields checked = *fields;

    checked.title = title;
    if (!check_step_fields (&checked, error))
      return NULL;
  }
  pipeline_id = rapport_record_get_id (RAPPORT_RECORD (pipeline));

  if (!rapport_store_begin (self, error))
    return NULL;
  stmt = rapport_store_stmt_sql (self,
                                 "INSERT INTO after_sales_step (pipeline_id, position, title, kind, days, note, offer)"
                                 " VALUES (?1, 0, ?2, ?3, ?4, ?5, ?6)");
  rapport_sql_bind_int64 (stmt, 1, pipeline_id);
  rapport_sql_bind_text (stmt, 2, title);
  rapport_sql_bind_int (stmt, 3, fields->kind);
  rapport_sql_bind_int (stmt, 4, fields->days);
  rapport_sql_bind_text_or_null (stmt, 5, fields->note);
  rapport_sql_bind_int (stmt, 6, fields->offer);
  if (!rapport_store_step_done (self, stmt, error))
    goto fail;
  id = rapport_store_last_id (self);
  if (!place_step (self, pipeline_id, id, position, error))
    goto fail;
  if (!rapport_store_commit (self, error))
    return NULL;

  after_plan_changed (self, RAPPORT_CHANGE_ADDED, id);
  return rapport_store_lookup (self, RAPPORT_TYPE_AFTER_SALES_STEP, id, error);

fail:
  rapport_store_rollback (self);
  return NULL;
}

gboolean
rapport_store_move_after_sales_step (RapportStore           *self,
                                     RapportAfterSalesStep  *step,
                                     int                     position,
                                     GError                **error)
{
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_AFTER_SALES_STEP (step), FALSE);

  id = rapport_record_get_id (RAPPORT_RECORD (step));
  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!place_step (self, rapport_after_sales_step_get_pipeline_id (step), id, position, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  if (!rapport_store_commit (self, error))
    return FALSE;

  after_plan_changed (self, RAPPORT_CHANGE_UPDATED, id);
  return TRUE;
}

gboolean
rapport_store_delete_after_sales_step (RapportStore           *self,
                                       RapportAfterSalesStep  *step,
                                       GError                **error)
{
  gint64 id;
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_AFTER_SALES_STEP (step), FALSE);

  id = rapport_record_get_id (RAPPORT_RECORD (step));
  stmt = rapport_store_stmt_sql (self, "DELETE FROM after_sales_step WHERE id = ?1");
  rapport_sql_bind_int64 (stmt, 1, id);
  if (!rapport_store_run_alone (self, stmt, error))
    return FALSE;

  rapport_store_forget (self, RAPPORT_RECORD (step));
  after_plan_changed (self, RAPPORT_CHANGE_REMOVED, id);
  return TRUE;
}

gint64
rapport_after_sales_due_time (gint64 won_at,
                              int    days)
{
  g_autoptr(GDateTime) won = g_date_time_new_from_unix_local (won_at);
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) due = NULL;

  if (won == NULL)
    return won_at;

  /* Calendar days, so a step lands at nine also across a change of
   * summer time. */
  day = g_date_time_add_days (won, days);
  due = g_date_time_new_local (g_date_time_get_year (day),
                               g_date_time_get_month (day),
                               g_date_time_get_day_of_month (day),
                               AFTER_SALES_HOUR, 0, 0);
  if (due == NULL)
    return won_at + (gint64) days * 86400;

  return MAX (g_date_time_to_unix (due), won_at);
}

/* The plan in a process file */

void
rapport_store_read_after_sales (RapportStore    *self,
                                RapportPipeline *pipeline,
                                RapportProcess  *process)
{
  g_autoptr(GPtrArray) steps = rapport_store_list_after_sales_steps (self, rapport_record_get_id (RAPPORT_RECORD (pipeline)),
                                                                     NULL);

  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      RapportAfterSalesStep *step = steps->pdata[i];
      RapportProcessStep *out = rapport_process_add_step (process);

      out->title = g_strdup (rapport_after_sales_step_get_title (step));
      out->kind = rapport_after_sales_step_get_kind (step);
      out->days = rapport_after_sales_step_get_days (step);
      out->note = g_strdup (rapport_after_sales_step_get_note (step));
      out->offer = rapport_after_sales_step_get_offer (step);
    }
}

gboolean
rapport_store_write_after_sales (RapportStore          *self,
                                 gint64                 pipeline_id,
                                 const RapportProcess  *process,
                                 GError               **error)
{
  if (process->after_sales->len == 0)
    return rapport_schema_seed_after_sales (self, pipeline_id, error);

  for (guint i = 0; i < process->after_sales->len; i++)
    {
      const RapportProcessStep *step = g_ptr_array_index (process->after_sales, i);
      RapportSqlStmt *stmt = rapport_store_stmt_sql (self,
        "INSERT INTO after_sales_step (pipeline_id, position, title, kind, days, note, offer)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");

      rapport_sql_bind_int64 (stmt, 1, pipeline_id);
      rapport_sql_bind_int (stmt, 2, (int) i);
      rapport_sql_bind_text (stmt, 3, step->title);
      rapport_sql_bind_int (stmt, 4, step->kind);
      rapport_sql_bind_int (stmt, 5, step->days);
      rapport_sql_bind_text_or_null (stmt, 6, step->note);
      rapport_sql_bind_int (stmt, 7, step->offer);
      if (!rapport_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Winning and reopening */

static gboolean
schedule_plan (RapportStore  *self,
               RapportDeal   *deal,
               gint64         now,
               GError       **error)
{
  g_autoptr(RapportStage) stage = rapport_store_lookup (self, RAPPORT_TYPE_STAGE, rapport_deal_get_stage_id (deal), NULL);
  g_autoptr(GPtrArray) steps = NULL;

  if (stage == NULL)
    return TRUE;
  steps = rapport_store_list_after_sales_steps (self, rapport_stage_get_pipeline_id (stage), error);
  if (steps == NULL)
    return FALSE;

  for (guint i = 0; i < steps->len; i++)
    {
      RapportAfterSalesStep *step = g_ptr_array_index (steps, i);
      RapportSqlStmt *stmt = rapport_store_stmt_sql (self,
        "INSERT INTO activity (kind, title, note, due_at, contact_id, deal_id, rule, created_at,"
        " followup_kind, after_sales_offer) VALUES (4, ?1, ?2, ?3, ?4, ?5, 2, ?6, ?7, ?8)");

      rapport_sql_bind_text (stmt, 1, rapport_after_sales_step_get_title (step));
      rapport_sql_bind_text_or_null (stmt, 2, rapport_after_sales_step_get_note (step));
      rapport_sql_bind_int64 (stmt, 3, rapport_after_sales_due_time (now, rapport_after_sales_step_get_days (step)));
      rapport_sql_bind_id_or_null (stmt, 4, rapport_deal_get_contact_id (deal));
      rapport_sql_bind_int64 (stmt, 5, rapport_record_get_id (RAPPORT_RECORD (deal)));
      rapport_sql_bind_int64 (stmt, 6, now);
      rapport_sql_bind_int (stmt, 7, rapport_after_sales_step_get_kind (step));
      rapport_sql_bind_int (stmt, 8, rapport_after_sales_step_get_offer (step));
      if (!rapport_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The contact becomes a customer; the deal keeps what they were, if the
 * win changed it, for a reopening to give back. */
static gboolean
make_customer (RapportStore  *self,
               RapportDeal   *deal,
               gint64         now,
               GError       **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self,
    "UPDATE deal SET lifecycle_before_win = (SELECT lifecycle FROM contact WHERE id = ?2 AND lifecycle != 2)"
    " WHERE id = ?1");

  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (deal)));
  rapport_sql_bind_int64 (stmt, 2, rapport_deal_get_contact_id (deal));
  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;

  stmt = rapport_store_stmt_sql (self,
    "UPDATE contact SET lifecycle = 2, updated_at = ?2 WHERE id = ?1 AND lifecycle != 2");
  rapport_sql_bind_int64 (stmt, 1, rapport_deal_get_contact_id (deal));
  rapport_sql_bind_int64 (stmt, 2, now);
  return rapport_store_step_done (self, stmt, error);
}

/* What a win did, taken back: its follow-ups not done yet, and the
 * contact's lifecycle unless another won deal keeps them a customer. */
static gboolean
take_back_win (RapportStore  *self,
               RapportDeal   *deal,
               gint64         now,
               GError       **error)
{
  gint64 deal_id = rapport_record_get_id (RAPPORT_RECORD (deal));
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self,
    "DELETE FROM activity WHERE deal_id = ?1 AND rule = 2 AND done_at IS NULL");

  rapport_sql_bind_int64 (stmt, 1, deal_id);
  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;

  stmt = rapport_store_stmt_sql (self,
    "UPDATE contact SET updated_at = ?3,"
    " lifecycle = (SELECT lifecycle_before_win FROM deal WHERE id = ?2)"
    " WHERE id = ?1 AND lifecycle = 2"
    " AND (SELECT lifecycle_before_win FROM deal WHERE id = ?2) IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM deal WHERE contact_id = ?1 AND status = 1 AND id != ?2)");
  rapport_sql_bind_int64 (stmt, 1, rapport_deal_get_contact_id (deal));
  rapport_sql_bind_int64 (stmt, 2, deal_id);
  rapport_sql_bind_int64 (stmt, 3, now);
  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;

  stmt = rapport_store_stmt_sql (self, "UPDATE deal SET lifecycle_before_win = NULL WHERE id = ?1");
  rapport_sql_bind_int64 (stmt, 1, deal_id);
  return rapport_store_step_done (self, stmt, error);
}

gboolean
rapport_store_after_sales_status_change (RapportStore       *self,
                                         RapportDeal        *deal,
                                         RapportDealStatus   to_status,
                                         gint64              now,
                                         GError            **error)
{
  RapportDealStatus from_status = rapport_deal_get_status (deal);

  if (from_status == to_status)
    return TRUE;
  if (to_status == RAPPORT_DEAL_STATUS_WON)
    return schedule_plan (self, deal, now, error) &&
           (rapport_deal_get_contact_id (deal) == 0 || make_customer (self, deal, now, error));
  if (from_status == RAPPORT_DEAL_STATUS_WON)
    return take_back_win (self, deal, now, error);

  return TRUE;
}

void
rapport_store_after_sales_changed (RapportStore *self,
                                   gint64        contact_id)
{
  RapportRecord *contact = contact_id != 0 ? rapport_store_peek_live (self, RAPPORT_TYPE_CONTACT, contact_id) : NULL;

  if (contact != NULL)
    rapport_store_reload_record (self, contact, NULL);
  rapport_store_reload_live (self, RAPPORT_TYPE_ACTIVITY);
  if (contact_id != 0)
    rapport_store_notify (self, RAPPORT_ENTITY_CONTACT, RAPPORT_CHANGE_UPDATED, contact_id);
  rapport_store_notify (self, RAPPORT_ENTITY_ACTIVITY, RAPPORT_CHANGE_RELOAD, 0);
}

/* Satisfaction */

static gboolean
check_satisfaction (RapportStore                     *self,
                    const RapportSatisfactionFields  *fields,
                    GError                          **error)
{
  if (fields->contact_id == 0 && fields->deal_id == 0)
    return rapport_store_invalid (error, _("Satisfaction is recorded for a customer or a deal"));
  if (fields->score == RAPPORT_SATISFACTION_NO_SCORE && fields->nps == RAPPORT_SATISFACTION_NO_NPS)
    return rapport_store_invalid (error, _("Give a score from 1 to 5, an answer from 0 to 10, or both"));
  if (fields->score != RAPPORT_SATISFACTION_NO_SCORE && (fields->score < 1 || fields->score > 5))
    return rapport_store_invalid (error, _("A satisfaction score is from 1 to 5"));
  if (fields->nps != RAPPORT_SATISFACTION_NO_NPS && (fields->nps < 0 || fields->nps > 10))
    return rapport_store_invalid (error, _("How likely they are to recommend us is from 0 to 10"));

  return rapport_text_check (fields->comment, RAPPORT_TEXT_NOTE, FALSE, error) &&
         rapport_store_check_exists (self, RAPPORT_TYPE_CONTACT, fields->contact_id, error) &&
         rapport_store_check_exists (self, RAPPORT_TYPE_DEAL, fields->deal_id, error);
}

RapportSatisfaction *
rapport_store_record_satisfaction (RapportStore                     *self,
                                   const RapportSatisfactionFields  *fields,
                                   GError                          **error)
{
  g_autoptr(RapportDeal) deal = NULL;
  g_autofree char *comment = NULL;
  gint64 contact_id, id;
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  if (!check_satisfaction (self, fields, error))
    return NULL;

  /* A deal's answer is its customer's too. */
  contact_id = fields->contact_id;
  if (contact_id == 0 && fields->deal_id != 0 &&
      (deal = rapport_store_lookup (self, RAPPORT_TYPE_DEAL, fields->deal_id, NULL)) != NULL)
    contact_id = rapport_deal_get_contact_id (deal);
  comment = g_strstrip (g_strdup (fields->comment ? fields->comment : ""));

  stmt = rapport_store_stmt_sql (self,
                                 "INSERT INTO satisfaction (contact_id, deal_id, score, nps, comment, created_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  rapport_sql_bind_id_or_null (stmt, 1, contact_id);
  rapport_sql_bind_id_or_null (stmt, 2, fields->deal_id);
  rapport_sql_bind_int (stmt, 3, fields->score);
  rapport_sql_bind_int (stmt, 4, fields->nps);
  rapport_sql_bind_text_or_null (stmt, 5, comment);
  rapport_sql_bind_int64 (stmt, 6, rapport_store_now (self));
  if (!rapport_store_insert_alone (self, stmt, &id, error))
    return NULL;

  rapport_store_notify (self, RAPPORT_ENTITY_SATISFACTION, RAPPORT_CHANGE_ADDED, id);
  return rapport_store_lookup (self, RAPPORT_TYPE_SATISFACTION, id, error);
}

gboolean
rapport_store_delete_satisfaction (RapportStore         *self,
                                   RapportSatisfaction  *satisfaction,
                                   GError              **error)
{
  gint64 id;
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_SATISFACTION (satisfaction), FALSE);

  id = rapport_record_get_id (RAPPORT_RECORD (satisfaction));
  stmt = rapport_store_stmt_sql (self, "DELETE FROM satisfaction WHERE id = ?1");
  rapport_sql_bind_int64 (stmt, 1, id);
  if (!rapport_store_run_alone (self, stmt, error))
    return FALSE;

  rapport_store_forget (self, RAPPORT_RECORD (satisfaction));
  rapport_store_notify (self, RAPPORT_ENTITY_SATISFACTION, RAPPORT_CHANGE_REMOVED, id);
  return TRUE;
}

#define SATISFACTION_OF_DEAL \
  "SELECT id FROM satisfaction WHERE deal_id = ?1 ORDER BY created_at DESC, id DESC"
#define SATISFACTION_OF_CONTACT \
  "SELECT id FROM satisfaction WHERE contact_id = ?1 ORDER BY created_at DESC, id DESC"

GListModel *
rapport_store_get_deal_satisfaction (RapportStore *self,
                                     RapportDeal  *deal)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), NULL);

  return rapport_record_list_new_sql (self, RAPPORT_TYPE_SATISFACTION, SATISFACTION_OF_DEAL,
                                      rapport_record_get_id (RAPPORT_RECORD (deal)), NULL);
}

GListModel *
rapport_store_get_contact_satisfaction (RapportStore   *self,
                                        RapportContact *contact)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_CONTACT (contact), NULL);

  return rapport_record_list_new_sql (self, RAPPORT_TYPE_SATISFACTION, SATISFACTION_OF_CONTACT,
                                      rapport_record_get_id (RAPPORT_RECORD (contact)), NULL);
}

GPtrArray *
rapport_store_list_satisfaction (RapportStore  *self,
                                 gint64         contact_id,
                                 gint64         deal_id,
                                 GError       **error)
{
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = rapport_store_stmt_sql (self, deal_id != 0 ? SATISFACTION_OF_DEAL : SATISFACTION_OF_CONTACT);
  rapport_sql_bind_int64 (stmt, 1, deal_id != 0 ? deal_id : contact_id);

  return rapport_store_records_from (self, RAPPORT_TYPE_SATISFACTION, stmt, error);
}

gboolean
rapport_store_summarize_satisfaction (RapportStore                *self,
                                      gint64                       start,
                                      gint64                       end,
                                      const char                  *owner,
                                      gint64                       pipeline_id,
                                      RapportSatisfactionSummary  *summary,
                                      GError                     **error)
{
  RapportSqlStmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  *summary = (RapportSatisfactionSummary) { 0, };
  stmt = rapport_store_stmt_sql (self,
    "SELECT count(nullif(score, 0)), coalesce(sum(score), 0),"
    " count(CASE WHEN nps >= 9 THEN 1 END), count(CASE WHEN nps BETWEEN 7 AND 8 THEN 1 END),"
    " count(CASE WHEN nps BETWEEN 0 AND 6 THEN 1 END)"
    " FROM satisfaction s LEFT JOIN deal d ON d.id = s.deal_id LEFT JOIN contact c ON c.id = s.contact_id"
    " LEFT JOIN stage st ON st.id = d.stage_id"
    " WHERE s.created_at >= ?1 AND s.created_at < ?2"
    " AND (?3 IS NULL OR CASE WHEN d.id IS NULL THEN c.owner ELSE d.owner END = ?3 COLLATE NOCASE)"
    " AND (?4 IS NULL OR st.pipeline_id = ?4)");
  rapport_sql_bind_int64 (stmt, 1, start);
  rapport_sql_bind_int64 (stmt, 2, end);
  rapport_sql_bind_text_or_null (stmt, 3, owner);
  rapport_sql_bind_id_or_null (stmt, 4, pipeline_id);
  rc = rapport_sql_step (stmt);
  if (rc == RAPPORT_SQL_ROW)
    {
      summary->scores = (guint) rapport_sql_column_int64 (stmt, 0);
      summary->average_score = summary->scores > 0 ? (double) rapport_sql_column_int64 (stmt, 1) / summary->scores : 0;
      summary->promoters = (guint) rapport_sql_column_int64 (stmt, 2);
      summary->passives = (guint) rapport_sql_column_int64 (stmt, 3);
      summary->detractors = (guint) rapport_sql_column_int64 (stmt, 4);
    }
  rapport_sql_reset (stmt);
  if (rc != RAPPORT_SQL_ROW)
    return rapport_store_set_error (self, rc, error);

  summary->nps_answers = summary->promoters + summary->passives + summary->detractors;
  if (summary->nps_answers > 0)
    summary->nps = (int) (100.0 * ((double) summary->promoters - (double) summary->detractors) /
                          summary->nps_answers + (summary->promoters >= summary->detractors ? 0.5 : -0.5));

  return TRUE;
}

/* Repeat deals */

static gint64
first_stage_of_pipeline (RapportStore *self,
                         gint64        stage_id)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self,
    "SELECT f.id FROM stage s JOIN stage f ON f.pipeline_id = s.pipeline_id"
    " WHERE s.id = ?1 ORDER BY f.position, f.id LIMIT 1");

  rapport_sql_bind_int64 (stmt, 1, stage_id);
  return rapport_store_step_int64 (self, stmt, 0);
}

void
rapport_store_repeat_deal_fields (RapportStore       *self,
                                  RapportDeal        *earlier,
                                  RapportDealFields  *fields,
                                  char              **title)
{
  g_return_if_fail (RAPPORT_IS_STORE (self));
  g_return_if_fail (RAPPORT_IS_DEAL (earlier));
  g_return_if_fail (fields != NULL && title != NULL);

  /* Translators: the title a repeat deal starts with; %s is the earlier deal's */
  *title = g_strdup_printf (_("Repeat: %s"), rapport_deal_get_title (earlier));
  *fields = (RapportDealFields) {
    .title = *title,
    .value = rapport_deal_get_value (earlier),
    .currency = rapport_deal_get_currency (earlier),
    .stage_id = first_stage_of_pipeline (self, rapport_deal_get_stage_id (earlier)),
    .contact_id = rapport_deal_get_contact_id (earlier),
    .organization_id = rapport_deal_get_organization_id (earlier),
    .owner = rapport_deal_get_owner (earlier),
    .repeat_of = rapport_record_get_id (RAPPORT_RECORD (earlier)),
  };
}

gboolean
rapport_store_link_repeat_deal (RapportStore  *self,
                                gint64         id,
                                gint64         repeat_of,
                                GError       **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, "UPDATE deal SET repeat_of = ?2 WHERE id = ?1");

  rapport_sql_bind_int64 (stmt, 1, id);
  rapport_sql_bind_int64 (stmt, 2, repeat_of);
  return rapport_store_step_done (self, stmt, error);
}

GListModel *
rapport_store_get_repeat_deals (RapportStore *self,
                                RapportDeal  *deal)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), NULL);

  return rapport_record_list_new_sql (self, RAPPORT_TYPE_DEAL,
                                      "SELECT id FROM deal WHERE repeat_of = ?1 ORDER BY created_at, id",
                                      rapport_record_get_id (RAPPORT_RECORD (deal)), NULL);
}

RapportDeal *
rapport_store_get_latest_won_deal (RapportStore   *self,
                                   RapportContact *contact)
{
  RapportSqlStmt *stmt;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_CONTACT (contact), NULL);

  stmt = rapport_store_stmt_sql (self,
                                 "SELECT id FROM deal WHERE contact_id = ?1 AND status = 1"
                                 " ORDER BY closed_at DESC, id DESC LIMIT 1");
  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (contact)));
  id = rapport_store_step_int64 (self, stmt, 0);

  return id != 0 ? rapport_store_lookup (self, RAPPORT_TYPE_DEAL, id, NULL) : NULL;
}
