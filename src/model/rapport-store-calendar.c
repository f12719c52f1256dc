/* rapport-store-calendar.c — follow-ups in and out of calendars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An imported task or event keeps its calendar's UID on its activity, so
 * the same file imported again updates what the first import made. An
 * item this database exported (UID activity-ID@CALENDAR-ID) finds its
 * activity by id. An import never takes back a Done, nor unlinks a
 * contact or a deal the follow-up already has.
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-store-private.h"
#include "rapport-validate.h"

#define CALENDAR_ID_KEY "calendar-id"

#define SQL_CONTACT_BY_EMAIL \
  "SELECT id FROM contact WHERE email = ?1 COLLATE NOCASE ORDER BY id LIMIT 1"
#define SQL_ACTIVITY_BY_UID "SELECT id FROM activity WHERE external_uid = ?1"
#define SQL_ACTIVITY_EXPORTED "SELECT id FROM activity WHERE id = ?1"
#define SQL_INSERT_FOLLOWUP \
  "INSERT INTO activity (kind, title, note, due_at, done_at, contact_id, rule, created_at, external_uid)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
/* Only when something differs, so changes() tells updated from skipped. */
#define SQL_UPDATE_FOLLOWUP \
  "UPDATE activity SET kind = ?2, title = ?3, note = ?4," \
  " reminded_level = CASE WHEN due_at IS ?5 THEN reminded_level ELSE 0 END, due_at = ?5," \
  " done_at = coalesce(done_at, ?6), contact_id = coalesce(?7, contact_id)" \
  " WHERE id = ?1 AND (kind IS NOT ?2 OR title IS NOT ?3 OR note IS NOT ?4 OR due_at IS NOT ?5" \
  " OR (done_at IS NULL AND ?6 IS NOT NULL) OR (?7 IS NOT NULL AND contact_id IS NOT ?7))"

char *
rapport_store_dup_calendar_id (RapportStore  *self,
                               GError       **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if ((id = rapport_store_get_setting (self, CALENDAR_ID_KEY)) != NULL)
    return g_steal_pointer (&id);

  id = g_uuid_string_random ();
  if (!rapport_store_begin (self, error))
    return NULL;
  if (!rapport_store_set_setting (self, CALENDAR_ID_KEY, id, error))
    {
      rapport_store_rollback (self);
      return NULL;
    }
  if (!rapport_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&id);
}

static gint64
contact_of (RapportStore             *self,
            const RapportImportFollowup *row)
{
  for (guint i = 0; row->emails != NULL && row->emails[i] != NULL; i++)
    {
      RapportSqlStmt *stmt = rapport_store_stmt_sql (self, SQL_CONTACT_BY_EMAIL);
      gint64 id;

      rapport_sql_bind_text (stmt, 1, row->emails[i]);
      if ((id = rapport_store_step_int64 (self, stmt, 0)) != 0)
        return id;
    }
  return 0;
}

/* The activity an earlier import or this database's export made of @uid,
 * or 0. */
static gint64
activity_of_uid (RapportStore *self,
                 const char   *calendar_id,
                 const char   *uid)
{
  g_autofree char *suffix = NULL;
  RapportSqlStmt *stmt;
  gint64 id;
  char *end;

  if (uid == NULL)
    return 0;

  stmt = rapport_store_stmt_sql (self, SQL_ACTIVITY_BY_UID);
  rapport_sql_bind_text (stmt, 1, uid);
  if ((id = rapport_store_step_int64 (self, stmt, 0)) != 0 || calendar_id == NULL ||
      !g_str_has_prefix (uid, "activity-"))
    return id;

  id = g_ascii_strtoll (uid + strlen ("activity-"), &end, 10);
  suffix = g_strconcat ("@", calendar_id, NULL);
  if (id <= 0 || g_strcmp0 (end, suffix) != 0)
    return 0;

  stmt = rapport_store_stmt_sql (self, SQL_ACTIVITY_EXPORTED);
  rapport_sql_bind_int64 (stmt, 1, id);
  return rapport_store_step_int64 (self, stmt, 0);
}

static gboolean
check_row (const RapportImportFollowup  *row,
           GError                   **error)
{
  if (row->kind < RAPPORT_ACTIVITY_CALL || row->kind > RAPPORT_ACTIVITY_FOLLOWUP)
    return rapport_store_invalid (error, _("This kind of activity is not known"));
  if (row->due_at <= 0)
    return rapport_store_invalid (error, _("A follow-up needs a due time"));
  if (row->uid != NULL && !rapport_text_check (row->uid, RAPPORT_TEXT_FREE, FALSE, error))
    return FALSE;
  return rapport_text_check (row->note, RAPPORT_TEXT_NOTE, FALSE, error);
}

static void
bind_fields (RapportSqlStmt           *stmt,
             const RapportImportFollowup *row,
             const char               *title,
             int                       first,
             gint64                    contact_id)
{
  rapport_sql_bind_int (stmt, first, row->kind);
  rapport_sql_bind_text (stmt, first + 1, title);
  rapport_sql_bind_text_or_null (stmt, first + 2, row->note);
  rapport_sql_bind_int64 (stmt, first + 3, row->due_at);
  if (row->done_at > 0)
    rapport_sql_bind_int64 (stmt, first + 4, row->done_at);
  else
    rapport_sql_bind_null (stmt, first + 4);
  rapport_sql_bind_id_or_null (stmt, first + 5, contact_id);
}

static gboolean
import_followup (RapportStore              *self,
                 const char                *calendar_id,
                 const RapportImportFollowup  *row,
                 RapportImportCounts       *counts,
                 RapportImportUndo         *undo,
                 GError                   **error)
{
  g_autofree char *title = g_strstrip (g_strdup (row->title ? row->title : ""));
  RapportSqlStmt *stmt;
  gint64 contact_id, id;

  if (*title == '\0')
    {
      g_free (title);
      title = g_strdup (rapport_activity_default_title (row->kind));
    }
  if (!check_row (row, error) || !rapport_text_check (title, RAPPORT_TEXT_TITLE, TRUE, error))
    return FALSE;

  contact_id = contact_of (self, row);
  if ((id = activity_of_uid (self, calendar_id, row->uid)) != 0)
    {
      /* A row of an earlier version of the same file updates it once. */
      if (!rapport_import_undo_keep_row (undo, self, "activity", id, error))
        return FALSE;
      stmt = rapport_store_stmt_sql (self, SQL_UPDATE_FOLLOWUP);
      rapport_sql_bind_int64 (stmt, 1, id);
      bind_fields (stmt, row, title, 2, contact_id);
      if (!rapport_store_step_done (self, stmt, error))
        return FALSE;
      if (rapport_store_changes (self) > 0)
        counts->updated++;
      else
        counts->skipped++;
      return TRUE;
    }

  stmt = rapport_store_stmt_sql (self, SQL_INSERT_FOLLOWUP);
  bind_fields (stmt, row, title, 1, contact_id);
  rapport_sql_bind_int (stmt, 7, RAPPORT_RULE_NONE);
  rapport_sql_bind_int64 (stmt, 8, rapport_store_now (self));
  rapport_sql_bind_text_or_null (stmt, 9, row->uid);
  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;

  id = rapport_store_last_id (self);
  rapport_import_undo_created (undo, RAPPORT_ENTITY_ACTIVITY, id, id);
  counts->created++;
  return TRUE;
}

gboolean
rapport_store_import_followups (RapportStore              *self,
                                RapportImportFlags         flags,
                                const RapportImportFollowup  *rows,
                                guint                      n_rows,
                                RapportImportCounts       *counts,
                                guint                     *bad_line,
                                GError                   **error)
{
  g_autofree char *calendar_id = NULL;
  g_autoptr(RapportImportUndo) undo = rapport_import_undo_new ();

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (rows != NULL || n_rows == 0, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  if (bad_line != NULL)
    *bad_line = 0;
  calendar_id = rapport_store_get_setting (self, CALENDAR_ID_KEY);

  if (!rapport_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < n_rows; i++)
    {
      counts->rows++;
      if (!import_followup (self, calendar_id, &rows[i], counts, undo, error))
        {
          if (bad_line != NULL)
            *bad_line = rows[i].line;
          rapport_store_rollback (self);
          return FALSE;
        }
    }

  if (flags & RAPPORT_IMPORT_DRY_RUN)
    {
      rapport_store_rollback (self);
      return TRUE;
    }
  if (!rapport_store_commit (self, error))
    return FALSE;

  if (!rapport_import_undo_is_empty (undo))
    counts->undo = g_steal_pointer (&undo);
  if (counts->created > 0 || counts->updated > 0)
    {
      /* The triggers moved the contacts' next follow-up and last contact. */
      rapport_store_reload_live (self, RAPPORT_TYPE_ACTIVITY);
      rapport_store_reload_live (self, RAPPORT_TYPE_CONTACT);
      rapport_store_notify (self, RAPPORT_ENTITY_ACTIVITY, RAPPORT_CHANGE_RELOAD, 0);
      rapport_store_notify (self, RAPPORT_ENTITY_CONTACT, RAPPORT_CHANGE_RELOAD, 0);
    }
  return TRUE;
}
