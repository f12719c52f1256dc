/* rapport-store-activities.c — activities, follow-ups and the speed-to-lead rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-record-list.h"
#include "rapport-store-private.h"
#include "rapport-validate.h"

GPtrArray *
rapport_store_list_followups (RapportStore  *self,
                              gboolean       only_due,
                              GError       **error)
{
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (only_due)
    {
      stmt = rapport_store_stmt (self, STMT_FOLLOWUP_IDS_DUE);
      rapport_sql_bind_int64 (stmt, 1, rapport_store_now (self));
    }
  else
    stmt = rapport_store_stmt (self, STMT_FOLLOWUP_IDS_OPEN);

  return rapport_store_records_from (self, RAPPORT_TYPE_ACTIVITY, stmt, error);
}

GListModel *
rapport_store_get_followups (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return rapport_record_list_new (self, RAPPORT_TYPE_ACTIVITY, STMT_FOLLOWUP_IDS_OPEN, 0);
}

GListModel *
rapport_store_get_done_followups (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return rapport_record_list_new (self, RAPPORT_TYPE_ACTIVITY, STMT_FOLLOWUP_IDS_DONE, 0);
}

/* Activities and the speed-to-lead rule */

/* First contact with a person ends the wait the speed-to-lead rule
 * measures: record when, and close their "Contact NAME" follow-up. A
 * contact before they arrived (a clock set back, a row from elsewhere) is
 * not one: the lead still waits. */
static gboolean
mark_first_contact (RapportStore  *self,
                    gint64         contact_id,
                    gint64         when,
                    GError       **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt (self, STMT_CONTACT_FIRST_CONTACT);

  rapport_sql_bind_int64 (stmt, 1, contact_id);
  rapport_sql_bind_int64 (stmt, 2, when);
  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;

  stmt = rapport_store_stmt (self, STMT_SPEED_TO_LEAD_OF_CONTACT);
  rapport_sql_bind_int64 (stmt, 1, contact_id);
  rapport_sql_bind_int64 (stmt, 2, when);

  return rapport_store_step_done (self, stmt, error);
}

static void
after_contact_touched (RapportStore *self,
                       gint64        contact_id)
{
  RapportRecord *contact = rapport_store_peek_live (self, RAPPORT_TYPE_CONTACT, contact_id);

  if (contact != NULL)
    rapport_store_reload_record (self, contact, NULL);
  rapport_store_reload_live (self, RAPPORT_TYPE_ACTIVITY);

  rapport_store_notify (self, RAPPORT_ENTITY_CONTACT, RAPPORT_CHANGE_UPDATED, contact_id);
  rapport_store_notify (self, RAPPORT_ENTITY_ACTIVITY, RAPPORT_CHANGE_RELOAD, 0);
}

const char *
rapport_activity_default_title (RapportActivityKind kind)
{
  switch (kind)
    {
    case RAPPORT_ACTIVITY_CALL:
      return _("Call");
    case RAPPORT_ACTIVITY_EMAIL:
      return _("Email");
    case RAPPORT_ACTIVITY_MEETING:
      return _("Meeting");
    case RAPPORT_ACTIVITY_TASK:
      return _("Task");
    case RAPPORT_ACTIVITY_FOLLOWUP:
    default:
      return _("Follow-up");
    }
}

RapportActivity *
rapport_store_log_activity (RapportStore         *self,
                            gint64                contact_id,
                            gint64                deal_id,
                            RapportActivityKind   kind,
                            const char           *note,
                            GError              **error)
{
  RapportSqlStmt *stmt;
  gint64 now, id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (kind != RAPPORT_ACTIVITY_CALL && kind != RAPPORT_ACTIVITY_EMAIL && kind != RAPPORT_ACTIVITY_MEETING)
    {
      rapport_store_invalid (error, _("Only calls, emails and meetings can be logged as done"));
      return NULL;
    }
  if (contact_id == 0 && deal_id == 0)
    {
      rapport_store_invalid (error, _("An activity needs a contact or a deal"));
      return NULL;
    }
  if (!rapport_store_check_exists (self, RAPPORT_TYPE_CONTACT, contact_id, error) ||
      !rapport_store_check_exists (self, RAPPORT_TYPE_DEAL, deal_id, error) ||
      !rapport_text_check (note, RAPPORT_TEXT_NOTE, FALSE, error))
    return NULL;

  now = rapport_store_now (self);

  stmt = rapport_store_stmt (self, STMT_INSERT_ACTIVITY);
  rapport_sql_bind_int (stmt, 1, kind);
  rapport_sql_bind_text (stmt, 2, rapport_activity_default_title (kind));
  rapport_sql_bind_text_or_null (stmt, 3, note);
  rapport_sql_bind_null (stmt, 4);
  rapport_sql_bind_int64 (stmt, 5, now);
  rapport_sql_bind_id_or_null (stmt, 6, contact_id);
  rapport_sql_bind_id_or_null (stmt, 7, deal_id);
  rapport_sql_bind_int (stmt, 8, RAPPORT_RULE_NONE);
  rapport_sql_bind_int64 (stmt, 9, now);

  if (!rapport_store_begin (self, error))
    return NULL;
  if (!rapport_store_step_done (self, stmt, error))
    goto fail;
  id = rapport_store_last_id (self);
  if (contact_id != 0 && !mark_first_contact (self, contact_id, now, error))
    goto fail;
  if (!rapport_store_commit (self, error))
    return NULL;

  if (contact_id != 0)
    after_contact_touched (self, contact_id);
  else
    rapport_store_notify (self, RAPPORT_ENTITY_ACTIVITY, RAPPORT_CHANGE_ADDED, id);

  return rapport_store_lookup (self, RAPPORT_TYPE_ACTIVITY, id, error);

fail:
  rapport_store_rollback (self);
  return NULL;
}

RapportActivity *
rapport_store_add_followup (RapportStore  *self,
                            gint64         contact_id,
                            gint64         deal_id,
                            const char    *title,
                            gint64         due_at,
                            GError       **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (title ? title : ""));
  RapportSqlStmt *stmt;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (!rapport_text_check (stripped, RAPPORT_TEXT_TITLE, TRUE, error) ||
      !rapport_store_check_exists (self, RAPPORT_TYPE_CONTACT, contact_id, error) ||
      !rapport_store_check_exists (self, RAPPORT_TYPE_DEAL, deal_id, error))
    return NULL;
  if (due_at <= 0)
    {
      rapport_store_invalid (error, _("A follow-up needs a due time"));
      return NULL;
    }

  stmt = rapport_store_stmt (self, STMT_INSERT_ACTIVITY);
  rapport_sql_bind_int (stmt, 1, RAPPORT_ACTIVITY_FOLLOWUP);
  rapport_sql_bind_text (stmt, 2, stripped);
  rapport_sql_bind_null (stmt, 3);
  rapport_sql_bind_int64 (stmt, 4, due_at);
  rapport_sql_bind_null (stmt, 5);
  rapport_sql_bind_id_or_null (stmt, 6, contact_id);
  rapport_sql_bind_id_or_null (stmt, 7, deal_id);
  rapport_sql_bind_int (stmt, 8, RAPPORT_RULE_NONE);
  rapport_sql_bind_int64 (stmt, 9, rapport_store_now (self));

  if (!rapport_store_insert_alone (self, stmt, &id, error))
    return NULL;

  rapport_store_notify (self, RAPPORT_ENTITY_ACTIVITY, RAPPORT_CHANGE_ADDED, id);
  return rapport_store_lookup (self, RAPPORT_TYPE_ACTIVITY, id, error);
}

/* After a follow-up's done state changed: the object, its contact (whose
 * dates the triggers moved) and the lists. */
static void
after_activity_written (RapportStore    *self,
                        RapportActivity *activity,
                        gint64           contact_id)
{
  rapport_store_reload_record (self, RAPPORT_RECORD (activity), NULL);
  if (contact_id != 0)
    after_contact_touched (self, contact_id);
  else
    rapport_store_notify (self, RAPPORT_ENTITY_ACTIVITY, RAPPORT_CHANGE_UPDATED, rapport_record_get_id (RAPPORT_RECORD (activity)));
}

gboolean
rapport_store_complete_activity (RapportStore     *self,
                                 RapportActivity  *activity,
                                 GError          **error)
{
  gint64 contact_id, now;
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (activity), FALSE);

  if (rapport_activity_get_done_at (activity) != 0)
    return TRUE;

  now = rapport_store_now (self);
  contact_id = rapport_activity_get_contact_id (activity);

  stmt = rapport_store_stmt (self, STMT_ACTIVITY_COMPLETE);
  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (activity)));
  rapport_sql_bind_int64 (stmt, 2, now);

  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!rapport_store_step_done (self, stmt, error))
    goto fail;
  /* Ticking off "Contact NAME" means the lead was contacted. */
  if (rapport_activity_get_rule (activity) == RAPPORT_RULE_SPEED_TO_LEAD && contact_id != 0 &&
      !mark_first_contact (self, contact_id, now, error))
    goto fail;
  if (!rapport_store_commit (self, error))
    return FALSE;

  after_activity_written (self, activity, contact_id);

  return TRUE;

fail:
  rapport_store_rollback (self);
  return FALSE;
}

static gboolean update_activity (RapportStore     *self,
                                 RapportActivity  *activity,
                                 RapportSqlStmt     *stmt,
                                 GError          **error);

/* Takes back a Done: the follow-up is pending again (and will remind
 * again). A lead's first contact, once recorded, stays recorded: it
 * happened. */
gboolean
rapport_store_reopen_activity (RapportStore     *self,
                               RapportActivity  *activity,
                               GError          **error)
{
  gint64 contact_id;
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (activity), FALSE);

  if (rapport_activity_get_done_at (activity) == 0)
    return TRUE;

  contact_id = rapport_activity_get_contact_id (activity);
  stmt = rapport_store_stmt_sql (self, "UPDATE activity SET done_at = NULL, reminded_level = 0 WHERE id = ?1");
  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (activity)));

  if (!rapport_store_run_alone (self, stmt, error))
    return FALSE;

  after_activity_written (self, activity, contact_id);

  return TRUE;
}

gboolean
rapport_store_snooze_activity (RapportStore     *self,
                               RapportActivity  *activity,
                               gint64            until,
                               GError          **error)
{
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (activity), FALSE);

  if (rapport_activity_get_done_at (activity) != 0)
    return rapport_store_invalid (error, _("This follow-up is already done"));
  if (until <= 0)
    return rapport_store_invalid (error, _("A snooze needs a time to wake up"));

  stmt = rapport_store_stmt (self, STMT_ACTIVITY_SNOOZE);
  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (activity)));
  rapport_sql_bind_int64 (stmt, 2, until);

  return update_activity (self, activity, stmt, error);
}

/* One statement on one activity, its own transaction; reloads the object. */
static gboolean
update_activity (RapportStore     *self,
                 RapportActivity  *activity,
                 RapportSqlStmt     *stmt,
                 GError          **error)
{
  if (!rapport_store_run_alone (self, stmt, error))
    return FALSE;

  rapport_store_reload_record (self, RAPPORT_RECORD (activity), NULL);
  rapport_store_notify (self, RAPPORT_ENTITY_ACTIVITY, RAPPORT_CHANGE_UPDATED, rapport_record_get_id (RAPPORT_RECORD (activity)));
  return TRUE;
}

gboolean
rapport_store_reschedule_activity (RapportStore     *self,
                                   RapportActivity  *activity,
                                   gint64            due_at,
                                   GError          **error)
{
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (activity), FALSE);

  if (rapport_activity_get_done_at (activity) != 0)
    return rapport_store_invalid (error, _("This follow-up is already done"));
  if (due_at <= 0)
    return rapport_store_invalid (error, _("A follow-up needs a due time"));

  stmt = rapport_store_stmt (self, STMT_ACTIVITY_RESCHEDULE);
  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (activity)));
  rapport_sql_bind_int64 (stmt, 2, due_at);

  return update_activity (self, activity, stmt, error);
}

gboolean
rapport_store_set_reminded (RapportStore     *self,
                            RapportActivity  *activity,
                            int               level,
                            GError          **error)
{
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (level >= 0 && level <= 2, FALSE);

  stmt = rapport_store_stmt (self, STMT_ACTIVITY_REMINDED);
  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (activity)));
  rapport_sql_bind_int (stmt, 2, level);
  rapport_sql_bind_int64 (stmt, 3, rapport_store_now (self));

  return update_activity (self, activity, stmt, error);
}

gboolean
rapport_store_set_reminded_many (RapportStore  *self,
                                 GArray        *ids,
                                 int            level,
                                 GError       **error)
{
  gint64 now;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);
  g_return_val_if_fail (level >= 0 && level <= 2, FALSE);

  if (ids->len == 0)
    return TRUE;

  now = rapport_store_now (self);
  if (!rapport_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      RapportSqlStmt *stmt = rapport_store_stmt (self, STMT_ACTIVITY_REMINDED);

      rapport_sql_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      rapport_sql_bind_int (stmt, 2, level);
      rapport_sql_bind_int64 (stmt, 3, now);
      if (!rapport_store_step_done (self, stmt, error))
        {
          rapport_store_rollback (self);
          return FALSE;
        }
    }

  if (!rapport_store_commit (self, error))
    return FALSE;

  rapport_store_reload_live (self, RAPPORT_TYPE_ACTIVITY);
  rapport_store_notify (self, RAPPORT_ENTITY_ACTIVITY, RAPPORT_CHANGE_RELOAD, 0);
  return TRUE;
}

/* What the reminders read: a few rows, not every pending follow-up */

GPtrArray *
rapport_store_list_reminder_candidates (RapportStore  *self,
                                        gint64         now,
                                        int            lead_seconds,
                                        GError       **error)
{
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = rapport_store_stmt (self, STMT_FOLLOWUP_REMINDER_CANDIDATES);
  rapport_sql_bind_int64 (stmt, 1, now);
  rapport_sql_bind_int (stmt, 2, MAX (lead_seconds, 0));

  return rapport_store_records_from (self, RAPPORT_TYPE_ACTIVITY, stmt, error);
}

GPtrArray *
rapport_store_list_followups_after (RapportStore  *self,
                                    gint64         after,
                                    gint64         after_id,
                                    guint          limit,
                                    GError       **error)
{
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = rapport_store_stmt (self, STMT_FOLLOWUP_IDS_AFTER);
  rapport_sql_bind_int64 (stmt, 1, after);
  rapport_sql_bind_int (stmt, 2, (int) MIN (limit, G_MAXINT));
  rapport_sql_bind_int64 (stmt, 3, after_id);

  return rapport_store_records_from (self, RAPPORT_TYPE_ACTIVITY, stmt, error);
}

gboolean
rapport_store_has_pending_followups (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  return rapport_store_step_int64 (self, rapport_store_stmt (self, STMT_FOLLOWUP_ANY_PENDING), 0) != 0;
}
