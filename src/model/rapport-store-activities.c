/* rapport-store-activities.c — activities, follow-ups and the speed-to-lead rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-format.h"
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

/* The title of an activity logged: what it was ("Call"). */
const char *
rapport_activity_default_title (RapportActivityKind kind)
{
  return rapport_activity_kind_name (kind);
}

RapportActivity *
rapport_store_log_activity (RapportStore         *self,
                            gint64                contact_id,
                            gint64                deal_id,
                            RapportActivityKind   kind,
                            const char           *note,
                            GError              **error)
{
  RapportActivityLog log = {
    .contact_id = contact_id,
    .deal_id = deal_id,
    .kind = kind,
    .note = note,
  };

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return rapport_store_log_activity_full (self, &log, NULL, error);
}

/* Whole sentences per kind, for the translators. */
static gboolean
check_outcome (RapportActivityKind      kind,
               RapportActivityOutcome   outcome,
               GError                 **error)
{
  if (rapport_activity_outcome_fits (kind, outcome))
    return TRUE;

  switch (kind)
    {
    case RAPPORT_ACTIVITY_CALL:
      return rapport_store_invalid (error, _("A call was connected, left a voicemail, not answered or a wrong number"));
    case RAPPORT_ACTIVITY_MEETING:
      return rapport_store_invalid (error, _("A meeting was held or a no-show"));
    default:
      return rapport_store_invalid (error, _("Only calls and meetings have an outcome"));
    }
}

static gboolean
check_log (RapportStore              *self,
           const RapportActivityLog  *log,
           gint64                     now,
           GError                   **error)
{
  RapportActivityKind kind = log->kind;

  if (kind != RAPPORT_ACTIVITY_CALL && kind != RAPPORT_ACTIVITY_EMAIL && kind != RAPPORT_ACTIVITY_MEETING)
    return rapport_store_invalid (error, _("Only calls, emails and meetings can be logged as done"));
  if (log->contact_id == 0 && log->deal_id == 0)
    return rapport_store_invalid (error, _("An activity needs a contact or a deal"));
  if (!check_outcome (kind, log->outcome, error))
    return FALSE;
  if (log->duration_minutes < 0 || log->duration_minutes > RAPPORT_ACTIVITY_MAX_MINUTES)
    return rapport_store_invalid (error, _("A duration is at most a day (1440 minutes)"));
  if (log->done_at < 0 || log->done_at > now)
    return rapport_store_invalid (error, _("An activity cannot be logged as done in the future"));
  if (log->next_due_at < 0 ||
      (log->next_due_at > 0 && (log->next_kind < RAPPORT_ACTIVITY_CALL || log->next_kind > RAPPORT_ACTIVITY_TASK)))
    return rapport_store_invalid (error, _("The next step is a call, an email, a meeting or a task"));

  return rapport_store_check_exists (self, RAPPORT_TYPE_CONTACT, log->contact_id, error) &&
         rapport_store_check_exists (self, RAPPORT_TYPE_DEAL, log->deal_id, error) &&
         rapport_text_check (log->note, RAPPORT_TEXT_NOTE, FALSE, error) &&
         rapport_text_check (log->next_title, RAPPORT_TEXT_TITLE, FALSE, error);
}

/* The title of a next step scheduled without one: what to do, and with
 * whom when there is someone. */
static char *
next_title_of (RapportStore        *self,
               RapportActivityKind  kind,
               gint64               contact_id)
{
  g_autoptr(RapportContact) contact = NULL;
  const char *name;

  if (contact_id == 0 ||
      (contact = rapport_store_lookup (self, RAPPORT_TYPE_CONTACT, contact_id, NULL)) == NULL)
    return g_strdup (rapport_activity_default_title (kind));

  name = rapport_contact_get_name (contact);
  switch (kind)
    {
    case RAPPORT_ACTIVITY_CALL:
      /* Translators: a follow-up scheduled after an activity; %s is a name */
      return g_strdup_printf (_("Call %s"), name);
    case RAPPORT_ACTIVITY_EMAIL:
      /* Translators: a follow-up scheduled after an activity; %s is a name */
      return g_strdup_printf (_("Email %s"), name);
    case RAPPORT_ACTIVITY_MEETING:
      /* Translators: a follow-up scheduled after an activity; %s is a name */
      return g_strdup_printf (_("Meet %s"), name);
    default:
      /* Translators: the title of a follow-up scheduled without one; %s is a name */
      return g_strdup_printf (_("Follow up with %s"), name);
    }
}

static gboolean
insert_followup (RapportStore         *self,
                 gint64                contact_id,
                 gint64                deal_id,
                 RapportActivityKind   followup_kind,
                 const char           *title,
                 gint64                due_at,
                 gint64               *id,
                 GError              **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt (self, STMT_INSERT_ACTIVITY);

  rapport_sql_bind_int (stmt, 1, RAPPORT_ACTIVITY_FOLLOWUP);
  rapport_sql_bind_text (stmt, 2, title);
  rapport_sql_bind_null (stmt, 3);
  rapport_sql_bind_int64 (stmt, 4, due_at);
  rapport_sql_bind_null (stmt, 5);
  rapport_sql_bind_id_or_null (stmt, 6, contact_id);
  rapport_sql_bind_id_or_null (stmt, 7, deal_id);
  rapport_sql_bind_int (stmt, 8, RAPPORT_RULE_NONE);
  rapport_sql_bind_int64 (stmt, 9, rapport_store_now (self));
  rapport_sql_bind_int (stmt, 12, followup_kind);

  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;
  *id = rapport_store_last_id (self);
  return TRUE;
}

/* The activity's row, and the first contact it may be; in the caller's
 * transaction. */
static gboolean
insert_logged (RapportStore              *self,
               const RapportActivityLog  *log,
               gint64                     when,
               gint64                    *id,
               GError                   **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt (self, STMT_INSERT_ACTIVITY);

  rapport_sql_bind_int (stmt, 1, log->kind);
  rapport_sql_bind_text (stmt, 2, rapport_activity_default_title (log->kind));
  rapport_sql_bind_text_or_null (stmt, 3, log->note);
  rapport_sql_bind_null (stmt, 4);
  rapport_sql_bind_int64 (stmt, 5, when);
  rapport_sql_bind_id_or_null (stmt, 6, log->contact_id);
  rapport_sql_bind_id_or_null (stmt, 7, log->deal_id);
  rapport_sql_bind_int (stmt, 8, RAPPORT_RULE_NONE);
  rapport_sql_bind_int64 (stmt, 9, rapport_store_now (self));
  rapport_sql_bind_int (stmt, 10, log->outcome);
  rapport_sql_bind_int (stmt, 11, log->duration_minutes);

  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;
  *id = rapport_store_last_id (self);

  return log->contact_id == 0 || mark_first_contact (self, log->contact_id, when, error);
}

static void
after_logged (RapportStore *self,
              gint64        contact_id,
              gint64        id,
              gint64        next_id)
{
  if (contact_id != 0)
    after_contact_touched (self, contact_id);
  else
    {
      rapport_store_notify (self, RAPPORT_ENTITY_ACTIVITY, RAPPORT_CHANGE_ADDED, id);
      if (next_id != 0)
        rapport_store_notify (self, RAPPORT_ENTITY_ACTIVITY, RAPPORT_CHANGE_ADDED, next_id);
    }
}

RapportActivity *
rapport_store_log_activity_full (RapportStore              *self,
                                 const RapportActivityLog  *log,
                                 RapportActivity          **next,
                                 GError                   **error)
{
  g_autofree char *next_title = NULL;
  gint64 now, when, id, next_id = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (log != NULL, NULL);
  g_return_val_if_fail (next == NULL || *next == NULL, NULL);

  now = rapport_store_now (self);
  if (!check_log (self, log, now, error))
    return NULL;
  when = log->done_at != 0 ? log->done_at : now;
  if (log->next_due_at != 0)
    {
      next_title = g_strstrip (g_strdup (log->next_title != NULL ? log->next_title : ""));
      if (*next_title == '\0')
        {
          g_free (next_title);
          next_title = next_title_of (self, log->next_kind, log->contact_id);
        }
    }

  /* The activity, the first contact it may be and the next step: one
   * user action, one transaction. */
  if (!rapport_store_begin (self, error))
    return NULL;
  if (!insert_logged (self, log, when, &id, error) ||
      (next_title != NULL &&
       !insert_followup (self, log->contact_id, log->deal_id, log->next_kind, next_title,
                         log->next_due_at, &next_id, error)))
    {
      rapport_store_rollback (self);
      return NULL;
    }
  if (!rapport_store_commit (self, error))
    return NULL;

  after_logged (self, log->contact_id, id, next_id);

  if (next != NULL && next_id != 0)
    *next = rapport_store_lookup (self, RAPPORT_TYPE_ACTIVITY, next_id, NULL);
  return rapport_store_lookup (self, RAPPORT_TYPE_ACTIVITY, id, error);
}

/* Mark Contacted: the lead's speed-to-lead follow-up is done, and the
 * first contact is logged as the activity the follow-up asked for (a call
 * unless it said an email or a meeting), so the contact's last contact,
 * the activity counts and the speed-to-lead figures tell the same story. */
RapportActivity *
rapport_store_mark_contacted (RapportStore     *self,
                              RapportActivity  *followup,
                              GError          **error)
{
  RapportActivityKind asked;
  RapportActivityLog log = { 0, };
  gint64 now, id;
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (followup), NULL);

  if (rapport_activity_get_rule (followup) != RAPPORT_RULE_SPEED_TO_LEAD ||
      rapport_activity_get_contact_id (followup) == 0)
    {
      rapport_store_invalid (error, _("Only a new lead’s follow-up can be marked contacted"));
      return NULL;
    }
  if (rapport_activity_get_done_at (followup) != 0)
    {
      rapport_store_invalid (error, _("This follow-up is already done"));
      return NULL;
    }

  asked = rapport_activity_get_followup_kind (followup);
  log.kind = asked == RAPPORT_ACTIVITY_EMAIL || asked == RAPPORT_ACTIVITY_MEETING ? asked : RAPPORT_ACTIVITY_CALL;
  log.contact_id = rapport_activity_get_contact_id (followup);
  log.deal_id = rapport_activity_get_deal_id (followup);
  now = rapport_store_now (self);

  stmt = rapport_store_stmt (self, STMT_ACTIVITY_COMPLETE);
  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (followup)));
  rapport_sql_bind_int64 (stmt, 2, now);

  if (!rapport_store_begin (self, error))
    return NULL;
  if (!insert_logged (self, &log, now, &id, error) ||
      !rapport_store_step_done (self, stmt, error))
    {
      rapport_store_rollback (self);
      return NULL;
    }
  if (!rapport_store_commit (self, error))
    return NULL;

  rapport_store_reload_record (self, RAPPORT_RECORD (followup), NULL);
  after_logged (self, log.contact_id, id, 0);

  return rapport_store_lookup (self, RAPPORT_TYPE_ACTIVITY, id, error);
}

static gboolean
delete_activity_row (RapportStore     *self,
                     RapportActivity  *activity,
                     GError          **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, "DELETE FROM activity WHERE id = ?1");

  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (activity)));
  return rapport_store_step_done (self, stmt, error);
}

/* If @logged was the contact's first contact, the first contact is the
 * next one logged at or after they arrived, if any; with none, the lead
 * waits again: the speed-to-lead follow-up it closed is pending. */
static gboolean
take_back_first_contact (RapportStore     *self,
                         gint64            contact_id,
                         gint64            when,
                         GError          **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self,
    "UPDATE contact SET first_contacted_at = (SELECT min(a.done_at) FROM activity a"
    " WHERE a.contact_id = ?1 AND a.kind IN (0, 1, 2) AND a.done_at >= contact.created_at)"
    " WHERE id = ?1 AND first_contacted_at = ?2");

  rapport_sql_bind_int64 (stmt, 1, contact_id);
  rapport_sql_bind_int64 (stmt, 2, when);
  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;

  stmt = rapport_store_stmt_sql (self,
    "UPDATE activity SET done_at = NULL, reminded_level = 0"
    " WHERE contact_id = ?1 AND rule = 1 AND done_at = ?2"
    " AND (SELECT first_contacted_at FROM contact WHERE id = ?1) IS NULL");
  rapport_sql_bind_int64 (stmt, 1, contact_id);
  rapport_sql_bind_int64 (stmt, 2, when);
  return rapport_store_step_done (self, stmt, error);
}

gboolean
rapport_store_unlog_activity (RapportStore     *self,
                              RapportActivity  *logged,
                              RapportActivity  *next,
                              GError          **error)
{
  gint64 contact_id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (logged), FALSE);
  g_return_val_if_fail (next == NULL || RAPPORT_IS_ACTIVITY (next), FALSE);

  contact_id = rapport_activity_get_contact_id (logged);

  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!delete_activity_row (self, logged, error) ||
      (next != NULL && !delete_activity_row (self, next, error)) ||
      (contact_id != 0 &&
       !take_back_first_contact (self, contact_id, rapport_activity_get_done_at (logged), error)))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  if (!rapport_store_commit (self, error))
    return FALSE;

  rapport_store_forget (self, RAPPORT_RECORD (logged));
  rapport_store_notify (self, RAPPORT_ENTITY_ACTIVITY, RAPPORT_CHANGE_REMOVED,
                        rapport_record_get_id (RAPPORT_RECORD (logged)));
  if (next != NULL)
    {
      rapport_store_forget (self, RAPPORT_RECORD (next));
      rapport_store_notify (self, RAPPORT_ENTITY_ACTIVITY, RAPPORT_CHANGE_REMOVED,
                            rapport_record_get_id (RAPPORT_RECORD (next)));
    }
  if (contact_id != 0)
    after_contact_touched (self, contact_id);

  return TRUE;
}

RapportActivity *
rapport_store_add_followup (RapportStore  *self,
                            gint64         contact_id,
                            gint64         deal_id,
                            const char    *title,
                            gint64         due_at,
                            GError       **error)
{
  return rapport_store_add_followup_of_kind (self, contact_id, deal_id, RAPPORT_ACTIVITY_TASK,
                                             title, due_at, error);
}

RapportActivity *
rapport_store_add_followup_of_kind (RapportStore         *self,
                                    gint64                contact_id,
                                    gint64                deal_id,
                                    RapportActivityKind   kind,
                                    const char           *title,
                                    gint64                due_at,
                                    GError              **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (title ? title : ""));
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
  if (kind < RAPPORT_ACTIVITY_CALL || kind > RAPPORT_ACTIVITY_TASK)
    {
      rapport_store_invalid (error, _("A follow-up is a call, an email, a meeting or a task"));
      return NULL;
    }

  if (!rapport_store_begin (self, error))
    return NULL;
  if (!insert_followup (self, contact_id, deal_id, kind, stripped, due_at, &id, error))
    {
      rapport_store_rollback (self);
      return NULL;
    }
  if (!rapport_store_commit (self, error))
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
