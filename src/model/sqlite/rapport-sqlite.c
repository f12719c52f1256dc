/* rapport-sqlite.c — the connection: its statements, transactions and errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One cache holds every prepared statement, keyed by its SQL: the fixed
 * ones below, constant SQL of the other files, and the statements made from
 * record classes' column names (a type's row, a property's update).
 */

#define G_LOG_DOMAIN "rapport-store"

/* F_OFD_SETLK and its kin */
#define _GNU_SOURCE 1

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <stdarg.h>

#include "rapport-db-file.h"
#include "rapport-sqlite-private.h"

static const char * const stmt_sql[N_STMTS] = {
  [STMT_BEGIN] = "BEGIN IMMEDIATE",
  [STMT_COMMIT] = "COMMIT",
  [STMT_ROLLBACK] = "ROLLBACK",
  [STMT_GET_SETTING] = "SELECT value FROM setting WHERE key = ?1",
  [STMT_SET_SETTING] = "INSERT OR REPLACE INTO setting (key, value) VALUES (?1, ?2)",
  [STMT_LIST_PIPELINES] = "SELECT id FROM pipeline ORDER BY position, id",
  [STMT_LIST_STAGES] = "SELECT id FROM stage WHERE pipeline_id = ?1 ORDER BY position, id",
  [STMT_FIND_STAGE_BY_NAME] =
    "SELECT id FROM stage WHERE pipeline_id = ?1 AND name = ?2 COLLATE NOCASE",
  [STMT_LIST_STAGE_ACTIONS] = "SELECT id FROM stage_action WHERE stage_id = ?1 ORDER BY position, id",
  [STMT_INSERT_PIPELINE] =
    "INSERT INTO pipeline (name, template, position, created_at, process_uid)"
    " VALUES (?1, ?2, (SELECT coalesce(max(position) + 1, 0) FROM pipeline), ?3, lower(hex(randomblob(16))))",
  [STMT_INSERT_STAGE] =
    "INSERT INTO stage (pipeline_id, name, position, probability, purpose, rotting_days)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [STMT_INSERT_STAGE_ACTION] =
    "INSERT INTO stage_action (stage_id, position, action, owner, material, output, activity)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [STMT_INSERT_ORGANIZATION] =
    "INSERT INTO organization (name, created_at, updated_at) VALUES (?1, ?2, ?2)",
  [STMT_INSERT_CONTACT] =
    "INSERT INTO contact (name, email, phone, organization_id, lifecycle, source, owner,"
    " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  [STMT_INSERT_DEAL] =
    "INSERT INTO deal (title, value, currency, stage_id, rank, contact_id, organization_id,"
    " expected_close, owner, created_at, updated_at, stage_entered_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10)",
  [STMT_INSERT_ACTIVITY] =
    "INSERT INTO activity (kind, title, note, due_at, done_at, contact_id, deal_id, rule, created_at,"
    " outcome, duration_minutes, followup_kind)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, coalesce(?10, 0), coalesce(?11, 0), coalesce(?12, 3))",
  [STMT_INSERT_NOTE] =
    "INSERT INTO note (contact_id, deal_id, organization_id, body, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
  [STMT_INSERT_NEGOTIATION] =
    "INSERT INTO negotiation_entry (deal_id, kind, amount, currency, text, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [STMT_INSERT_STAGE_CHANGE] =
    "INSERT INTO stage_change (deal_id, from_stage_id, to_stage_id, from_status, to_status, changed_at,"
    " from_stage_name, to_stage_name, reason)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT name FROM stage WHERE id = ?2),"
    " (SELECT name FROM stage WHERE id = ?3), 0)",
  [STMT_INSERT_STAGE_CHANGE_WHY] =
    "INSERT INTO stage_change (deal_id, from_stage_id, to_stage_id, from_status, to_status, changed_at,"
    " from_stage_name, to_stage_name, reason)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT name FROM stage WHERE id = ?2),"
    " (SELECT name FROM stage WHERE id = ?3), ?7)",
  [STMT_DEAL_IDS_OF_STAGE] =
    "SELECT id FROM deal WHERE stage_id = ?1 AND status = 0 ORDER BY rank, id",
  [STMT_DEAL_POSITION] =
    "SELECT count(*) FROM deal WHERE stage_id = ?1 AND status = 0"
    " AND (rank < ?2 OR (rank = ?2 AND id < ?3))",
  [STMT_DEAL_RANK_AT] =
    "SELECT rank FROM deal WHERE stage_id = ?1 AND status = 0 AND id != ?2"
    " ORDER BY rank, id LIMIT 1 OFFSET ?3",
  [STMT_DEAL_MAX_RANK] =
    "SELECT max(rank) FROM deal WHERE stage_id = ?1 AND status = 0 AND id != ?2",
  [STMT_DEAL_RENUMBER_LIST] =
    "SELECT id FROM deal WHERE stage_id = ?1 AND status = 0 AND id != ?2 ORDER BY rank, id",
  [STMT_DEAL_SET_RANK] = "UPDATE deal SET rank = ?2 WHERE id = ?1",
  [STMT_DEAL_MOVE] =
    "UPDATE deal SET stage_id = ?2, rank = ?3, status = 0, closed_at = NULL, lost_reason = NULL,"
    " updated_at = ?4, stage_entered_at = CASE WHEN stage_id != ?2 OR status != 0"
    " THEN ?4 ELSE stage_entered_at END WHERE id = ?1",
  [STMT_DEAL_SET_STATUS] =
    "UPDATE deal SET status = ?2, lost_reason = ?3, closed_at = ?4, updated_at = ?5 WHERE id = ?1",
  [STMT_STAGE_HISTORY] = "SELECT id FROM stage_change WHERE deal_id = ?1 ORDER BY changed_at, id",
  [STMT_CONTACT_IDS] = "SELECT id FROM contact ORDER BY name COLLATE NOCASE, id",
  [STMT_FOLLOWUP_IDS_OPEN] =
    "SELECT id FROM activity WHERE done_at IS NULL AND due_at IS NOT NULL"
    " ORDER BY coalesce(snoozed_until, due_at), id",
  [STMT_FOLLOWUP_IDS_DUE] =
    "SELECT id FROM activity WHERE done_at IS NULL AND due_at IS NOT NULL"
    " AND coalesce(snoozed_until, due_at) <= ?1 ORDER BY coalesce(snoozed_until, due_at), id",
  /* Every pending follow-up that may have a reminder due by ?1 with a lead
   * of ?2 seconds: no reminder comes earlier than its (snoozed) due time
   * less the lead. A superset; the reminders decide on each one. */
  [STMT_FOLLOWUP_REMINDER_CANDIDATES] =
    "SELECT id FROM activity WHERE done_at IS NULL AND due_at IS NOT NULL AND reminded_level < 2"
    " AND min(coalesce(snoozed_until, due_at), due_at) - ?2 <= ?1"
    " ORDER BY coalesce(snoozed_until, due_at), id",
  [STMT_FOLLOWUP_IDS_AFTER] =
    "SELECT id FROM activity WHERE done_at IS NULL AND due_at IS NOT NULL AND reminded_level < 2"
    " AND (coalesce(snoozed_until, due_at) > ?1 OR (coalesce(snoozed_until, due_at) = ?1 AND id > ?3))"
    " ORDER BY coalesce(snoozed_until, due_at), id LIMIT ?2",
  [STMT_FOLLOWUP_ANY_PENDING] =
    "SELECT EXISTS (SELECT 1 FROM activity WHERE done_at IS NULL AND due_at IS NOT NULL)",
  [STMT_SPEED_TO_LEAD_TIMES] =
    "SELECT created_at, first_contacted_at FROM contact c WHERE EXISTS"
    " (SELECT 1 FROM activity a WHERE a.contact_id = c.id AND a.rule = 1)",
  [STMT_ACTIVITY_COMPLETE] = "UPDATE activity SET done_at = ?2 WHERE id = ?1 AND done_at IS NULL",
  [STMT_ACTIVITY_SNOOZE] = "UPDATE activity SET snoozed_until = ?2, reminded_level = 0 WHERE id = ?1",
  [STMT_ACTIVITY_RESCHEDULE] =
    "UPDATE activity SET due_at = ?2, snoozed_until = NULL, reminded_level = 0 WHERE id = ?1",
  [STMT_ACTIVITY_REMINDED] = "UPDATE activity SET reminded_level = ?2, reminded_at = ?3 WHERE id = ?1",
  [STMT_CONTACT_FIRST_CONTACT] =
    "UPDATE contact SET first_contacted_at = ?2, updated_at = ?2"
    " WHERE id = ?1 AND first_contacted_at IS NULL AND created_at <= ?2",
  [STMT_SPEED_TO_LEAD_OF_CONTACT] =
    "UPDATE activity SET done_at = ?2 WHERE contact_id = ?1 AND rule = 1 AND done_at IS NULL"
    " AND EXISTS (SELECT 1 FROM contact WHERE id = ?1 AND created_at <= ?2)",
  [STMT_DATA_VERSION] = "PRAGMA data_version",
  /* Ranges on the NOCASE name indexes; ?2 is the prefix followed by the
   * highest code point, so every name that starts with ?1 sorts between. */
  [STMT_CONTACT_PREFIX] =
    "SELECT id FROM contact WHERE name >= ?1 COLLATE NOCASE AND name < ?2 COLLATE NOCASE"
    " ORDER BY name COLLATE NOCASE, id LIMIT ?3",
  [STMT_ORGANIZATION_PREFIX] =
    "SELECT id FROM organization WHERE name >= ?1 COLLATE NOCASE AND name < ?2 COLLATE NOCASE"
    " ORDER BY name COLLATE NOCASE, id LIMIT ?3",
  [STMT_DEAL_PREFIX] =
    "SELECT id FROM deal WHERE title >= ?1 COLLATE NOCASE AND title < ?2 COLLATE NOCASE"
    " ORDER BY title COLLATE NOCASE, id LIMIT ?3",
  [STMT_FOLLOWUP_IDS_DONE] =
    "SELECT id FROM activity WHERE done_at IS NOT NULL AND kind = 4 ORDER BY done_at DESC, id DESC LIMIT 200",
  [STMT_DEAL_OVERDUE_FOLLOWUP] =
    "SELECT EXISTS (SELECT 1 FROM activity WHERE deal_id = ?1 AND done_at IS NULL"
    " AND due_at IS NOT NULL AND coalesce(snoozed_until, due_at) < ?2)",
  [STMT_DEAL_PENDING_FOLLOWUP] =
    "SELECT EXISTS (SELECT 1 FROM activity WHERE deal_id = ?1 AND done_at IS NULL"
    " AND due_at IS NOT NULL)",
  [STMT_STAGE_TOTALS] =
    "SELECT count(*), coalesce(sum(CASE WHEN currency = ?2 THEN value END), 0)"
    " FROM deal WHERE stage_id = ?1 AND status = 0",
  [STMT_ACTION_DONE_LIST] = "SELECT stage_action_id, done_at FROM deal_action WHERE deal_id = ?1",
  [STMT_ACTION_SET_DONE] =
    "INSERT OR IGNORE INTO deal_action (deal_id, stage_action_id, done_at) VALUES (?1, ?2, ?3)",
  [STMT_ACTION_SET_UNDONE] = "DELETE FROM deal_action WHERE deal_id = ?1 AND stage_action_id = ?2",
};

/* Low level */

gboolean
rapport_db_exec (sqlite3     *db,
                 const char  *sql,
                 GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return rapport_db_set_error (db, rc, error);

  return TRUE;
}

gboolean
rapport_db_set_error (sqlite3  *db,
                      int       rc,
                      GError  **error)
{
  const char *message = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      code = RAPPORT_ERROR_NOT_A_DATABASE;
      break;
    case SQLITE_CORRUPT:
      code = RAPPORT_ERROR_CORRUPT;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = RAPPORT_ERROR_BUSY;
      break;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      code = RAPPORT_ERROR_IO;
      break;
    case SQLITE_CONSTRAINT:
      code = RAPPORT_ERROR_INVALID;
      break;
    default:
      code = RAPPORT_ERROR_FAILED;
      break;
    }

  if (code == RAPPORT_ERROR_BUSY)
    g_set_error (error, RAPPORT_ERROR, code,
                 _("The database is busy in another program; try again in a moment"));
  else if (code == RAPPORT_ERROR_IO)
    g_set_error (error, RAPPORT_ERROR, code,
                 _("The database could not be written (%s); is the disk full or read-only?"),
                 message);
  else
    g_set_error (error, RAPPORT_ERROR, code, "%s", message);

  return FALSE;
}

gboolean
rapport_store_set_error (RapportStore  *self,
                         int            rc,
                         GError       **error)
{
  return rapport_db_set_error (self->db, rc, error);
}

sqlite3 *
rapport_store_get_db (RapportStore *self)
{
  return self->db;
}

/* The one statement cache */

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

void
rapport_store_init_connection (RapportStore *self)
{
  self->stmt_cache = rapport_db_stmt_cache_new ();
}

void
rapport_store_close_connection (RapportStore *self)
{
  /* The side reader first: it reads through the -wal and -shm this
   * connection keeps. Statements before their connection: a connection
   * with live statements does not close. */
  rapport_store_close_side (self);
  g_clear_pointer (&self->stmt_cache, g_hash_table_unref);

  /* A file found damaged is nobody's to keep using: as the last program
   * on it, take away the -wal and -shm this one made beside it. */
  if (self->db != NULL && g_atomic_int_get (&self->check_state) == RAPPORT_CHECK_DAMAGED)
    {
      int persist = 0;

      sqlite3_file_control (self->db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
    }
  /* Let go of the file's own lock first: if this is its last program, its
   * connection may then tidy the -wal away as it closes. */
  if (self->file != NULL)
    rapport_db_file_let_go (self->file);
  g_clear_pointer (&self->db, sqlite3_close);
}

/* Every statement a connection runs more than once, by its SQL: prepared
 * on first use, reset and unbound for each use. The SQL is ours (fixed, or
 * made from class and column names, never from user text): failing to
 * prepare it is a bug. @cache is the connection's own (the store's, or its
 * side reader's in rapport-store-side.c). */
sqlite3_stmt *
rapport_db_cached_stmt (sqlite3    *db,
                        GHashTable *cache,
                        const char *sql)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (cache, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        g_error ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (db));
      g_hash_table_insert (cache, g_strdup (sql), stmt);
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return stmt;
}

GHashTable *
rapport_db_stmt_cache_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
}

static sqlite3_stmt *
cached_stmt (RapportStore *self,
             const char   *sql)
{
  g_assert (RAPPORT_IS_STORE (self));

  return rapport_db_cached_stmt (self->db, self->stmt_cache, sql);
}

sqlite3_stmt *
rapport_store_stmt (RapportStore *self,
                    RapportStmt   which)
{
  g_assert (which < N_STMTS);

  return cached_stmt (self, stmt_sql[which]);
}

const char *
rapport_store_stmt_text (RapportStmt which)
{
  g_return_val_if_fail (which < N_STMTS, NULL);

  return stmt_sql[which];
}

sqlite3_stmt *
rapport_store_stmt_sql (RapportStore *self,
                        const char   *sql)
{
  return cached_stmt (self, sql);
}

gboolean
rapport_store_step_done (RapportStore  *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return rapport_store_set_error (self, rc, error);

  return TRUE;
}

gint64
rapport_store_step_int64 (RapportStore *self,
                          sqlite3_stmt *stmt,
                          gint64        fallback)
{
  gint64 ret = fallback;

  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    ret = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return ret;
}

gint64
rapport_store_last_id (RapportStore *self)
{
  return sqlite3_last_insert_rowid (self->db);
}

gboolean
rapport_store_read_begin (RapportStore  *self,
                          gboolean      *began,
                          GError       **error)
{
  int rc;

  *began = FALSE;
  if (!sqlite3_get_autocommit (self->db))
    return TRUE;

  rc = sqlite3_exec (self->db, "BEGIN DEFERRED", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return rapport_store_set_error (self, rc, error);

  *began = TRUE;
  return TRUE;
}

void
rapport_store_grow_page_cache (RapportStore *self)
{
  /* SQLite's default is 2 MB. Insights reads about 20 MB of index pages
   * on 100 000 deals with their history, and reads them again each time
   * it recomputes: with them kept, the summary reads no page from the
   * operating system twice. Negative: in KiB. */
  sqlite3_exec (self->db, "PRAGMA cache_size = -32768", NULL, NULL, NULL);
}

void
rapport_store_read_end (RapportStore *self,
                        gboolean      began)
{
  /* Nothing was written: ending it cannot lose anything. */
  if (began)
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
}

gint64
rapport_store_changes (RapportStore *self)
{
  return sqlite3_changes64 (self->db);
}

/* Transactions */

gboolean
rapport_store_begin (RapportStore  *self,
                     GError       **error)
{
  if (self->read_only)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_READ_ONLY,
                   _("“%s” is open for reading only; nothing was changed"), self->path);
      return FALSE;
    }

  if (g_atomic_int_get (&self->check_state) != RAPPORT_CHECK_OK && !rapport_store_wait_for_check (self, error))
    return FALSE;

  if (!rapport_store_verify_file (self, 0, error))
    return FALSE;

  return rapport_store_step_done (self, rapport_store_stmt (self, STMT_BEGIN), error);
}

gboolean
rapport_store_write (RapportStore          *self,
                     RapportStoreWriteFunc  write,
                     gpointer               data,
                     GError               **error)
{
  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!write (self, data, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  return rapport_store_commit (self, error);
}

gboolean
rapport_store_commit (RapportStore  *self,
                      GError       **error)
{
  if (!rapport_store_step_done (self, rapport_store_stmt (self, STMT_COMMIT), error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }

  /* Replaced while we wrote: the change is in a file nobody will open. */
  if (!rapport_store_verify_file (self, 0, error))
    return FALSE;

  /* Our own commit bumps no data_version for us; remember it anyway so a
   * poll right after does not take our write for another program's. */
  self->data_version = rapport_store_step_int64 (self, rapport_store_stmt (self, STMT_DATA_VERSION), 0);
  return TRUE;
}

void
rapport_store_rollback (RapportStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    rapport_store_step_done (self, rapport_store_stmt (self, STMT_ROLLBACK), NULL);
}

/* One statement, in a transaction of its own: all of it or nothing. */
gboolean
rapport_store_insert_alone (RapportStore  *self,
                            sqlite3_stmt  *stmt,
                            gint64        *id,
                            GError       **error)
{
  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!rapport_store_step_done (self, stmt, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  *id = rapport_store_last_id (self);

  return rapport_store_commit (self, error);
}

gboolean
rapport_store_run_alone (RapportStore  *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  gint64 id;

  return rapport_store_insert_alone (self, stmt, &id, error);
}

/* Records */

/* Loading a row is the hottest path (every card, every list row): the SQL
 * of a type's row is made once, kept by its class. */
static sqlite3_stmt *
select_stmt (RapportStore *self,
             GType         type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  RapportRecordClass *record_class = RAPPORT_RECORD_CLASS (klass);

  if (record_class->select_sql == NULL)
    {
      g_autofree char *columns = rapport_record_class_column_list (record_class);

      record_class->select_sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1",
                                                  columns, record_class->table);
    }

  return cached_stmt (self, record_class->select_sql);
}

gboolean
rapport_store_reload_record (RapportStore   *self,
                             RapportRecord  *record,
                             GError        **error)
{
  sqlite3_stmt *stmt = select_stmt (self, G_OBJECT_TYPE (record));
  int rc;

  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (record));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    rapport_record_load_row (record, stmt, 0);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                   _("The record %lld no longer exists"),
                   (long long) rapport_record_get_id (record));
      return FALSE;
    }

  return rapport_store_set_error (self, rc, error);
}

gboolean
rapport_store_write_property (RapportStore   *self,
                              RapportRecord  *record,
                              GParamSpec     *pspec,
                              const GValue   *value,
                              gint64          now,
                              GError        **error)
{
  g_autofree char *column = rapport_record_column_name (pspec);
  gboolean has_updated_at = g_object_class_find_property (G_OBJECT_GET_CLASS (record), "updated-at") != NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (has_updated_at)
    sql = g_strdup_printf ("UPDATE %s SET %s = ?2, updated_at = ?3 WHERE id = ?1",
                           rapport_record_get_table (record), column);
  else
    sql = g_strdup_printf ("UPDATE %s SET %s = ?2 WHERE id = ?1",
                           rapport_record_get_table (record), column);

  stmt = cached_stmt (self, sql);
  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (record));
  rapport_record_bind_value (stmt, 2, pspec, value);
  if (has_updated_at)
    sqlite3_bind_int64 (stmt, 3, now);

  return rapport_store_step_done (self, stmt, error);
}

static void
column_to_value (sqlite3_stmt *stmt,
                 int           col,
                 GValue       *value)
{
  GType type = G_VALUE_TYPE (value);
  gboolean is_null = sqlite3_column_type (stmt, col) == SQLITE_NULL;

  if (type == G_TYPE_STRING)
    {
      const char *text = is_null ? NULL : (const char *) sqlite3_column_text (stmt, col);

      /* Another program may have written any bytes into the file: what
       * the model hands out is UTF-8, with U+FFFD where it was not. */
      if (text != NULL && !g_utf8_validate (text, sqlite3_column_bytes (stmt, col), NULL))
        g_value_take_string (value, g_utf8_make_valid (text, sqlite3_column_bytes (stmt, col)));
      else
        g_value_set_string (value, text);
    }
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, sqlite3_column_int64 (stmt, col));
  else if (type == G_TYPE_INT)
    g_value_set_int (value, sqlite3_column_int (stmt, col));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, sqlite3_column_int (stmt, col) != 0);
  else if (G_TYPE_IS_ENUM (type))
    g_value_set_enum (value, sqlite3_column_int (stmt, col));
  else
    g_assert_not_reached ();
}

void
rapport_record_load_row (RapportRecord *self,
                         sqlite3_stmt  *stmt,
                         int            first_col)
{
  RapportRecordClass *klass = RAPPORT_RECORD_GET_CLASS (self);
  int col = first_col;

  g_return_if_fail (RAPPORT_IS_RECORD (self));

  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 1; i < klass->n_pspecs; i++)
    {
      GParamSpec *pspec = klass->pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if (pspec->flags & RAPPORT_PARAM_COMPUTED)
        continue;

      g_value_init (&value, pspec->value_type);
      column_to_value (stmt, col++, &value);
      rapport_record_set_value (self, i, &value);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

int
rapport_record_bind_value (sqlite3_stmt *stmt,
                           int           index,
                           GParamSpec   *pspec,
                           const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *str = g_value_get_string (value);

      if (str == NULL)
        return sqlite3_bind_null (stmt, index);
      return sqlite3_bind_text (stmt, index, str, -1, SQLITE_TRANSIENT);
    }
  if (type == G_TYPE_INT64)
    {
      gint64 v = g_value_get_int64 (value);

      if (v == 0 && (pspec->flags & RAPPORT_PARAM_NULLABLE))
        return sqlite3_bind_null (stmt, index);
      return sqlite3_bind_int64 (stmt, index, v);
    }
  if (type == G_TYPE_INT)
    return sqlite3_bind_int (stmt, index, g_value_get_int (value));
  if (type == G_TYPE_BOOLEAN)
    return sqlite3_bind_int (stmt, index, g_value_get_boolean (value));
  if (G_TYPE_IS_ENUM (type))
    return sqlite3_bind_int (stmt, index, g_value_get_enum (value));

  g_assert_not_reached ();
  return SQLITE_MISUSE;
}


/* Typed access for the files that do not include sqlite3.h */

G_STATIC_ASSERT (RAPPORT_SQL_ROW == SQLITE_ROW);
G_STATIC_ASSERT (RAPPORT_SQL_DONE == SQLITE_DONE);

void
rapport_sql_bind_int64 (sqlite3_stmt *stmt,
                        int           index,
                        gint64        value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

void
rapport_sql_bind_int (sqlite3_stmt *stmt,
                      int           index,
                      int           value)
{
  sqlite3_bind_int (stmt, index, value);
}

void
rapport_sql_bind_null (sqlite3_stmt *stmt,
                       int           index)
{
  sqlite3_bind_null (stmt, index);
}

void
rapport_sql_bind_text (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
rapport_sql_bind_text_or_null (sqlite3_stmt *stmt,
                               int           index,
                               const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
rapport_sql_bind_id_or_null (sqlite3_stmt *stmt,
                             int           index,
                             gint64        id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

int
rapport_sql_step (sqlite3_stmt *stmt)
{
  return sqlite3_step (stmt);
}

void
rapport_sql_reset (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
}

gint64
rapport_sql_column_int64 (sqlite3_stmt *stmt,
                          int           col)
{
  return sqlite3_column_int64 (stmt, col);
}

int
rapport_sql_column_int (sqlite3_stmt *stmt,
                        int           col)
{
  return sqlite3_column_int (stmt, col);
}

const char *
rapport_sql_column_text (sqlite3_stmt *stmt,
                         int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

gboolean
rapport_sql_column_is_null (sqlite3_stmt *stmt,
                            int           col)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL;
}

void
rapport_sql_bind_bytes (sqlite3_stmt *stmt,
                        int           index,
                        GBytes       *bytes)
{
  gsize len = 0;
  gconstpointer data = bytes ? g_bytes_get_data (bytes, &len) : NULL;

  if (bytes == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_blob64 (stmt, index, data ? data : "", len, SQLITE_TRANSIENT);
}

GBytes *
rapport_sql_column_bytes (sqlite3_stmt *stmt,
                          int           col)
{
  gconstpointer data;

  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NULL;
  /* sqlite3_column_blob() of an empty blob is NULL: ask for it first,
   * then its length, as SQLite's documentation says. */
  data = sqlite3_column_blob (stmt, col);
  return g_bytes_new (data, (gsize) sqlite3_column_bytes (stmt, col));
}

/* SQLite's locks on a -shm file: bytes 120 to 128 (UNIX_SHM_BASE to
 * UNIX_SHM_DMS in os_unix.c). The database file's locks are at 1 GiB and
 * above, or the whole file (l_start 0, l_len 0) when all are let go. */
#define SHM_LOCK_FIRST 120
#define SHM_LOCK_END   129

/* SQLite's POSIX locks belong to the process, and closing any descriptor
 * of a file drops all of them. Other parts of the program do that: GTK's
 * file chooser opens and closes every file of a folder it lists, to read
 * its first bytes. Without its locks on the -shm, the app looks gone to
 * the next program, which makes the -shm anew under it (SIGBUS in the
 * app), or writes while the app is writing. So the -shm's locks are taken
 * as open file description locks: they belong to SQLite's one descriptor
 * of the -shm in the process (all its connections share it) and go only
 * when SQLite closes it, and they conflict with other programs' POSIX
 * locks exactly as POSIX locks do. The database file's locks stay POSIX,
 * as SQLite shares them among descriptors; rapport-db-file.c guards them. */
static int
shm_safe_fcntl (int fd,
                int cmd,
                ...)
{
  va_list args;
  void *arg;

  va_start (args, cmd);
  arg = va_arg (args, void *);
  va_end (args);

  if (cmd == F_SETLK || cmd == F_SETLKW || cmd == F_GETLK)
    {
      struct flock *lock = arg;

      if (lock->l_whence == SEEK_SET && lock->l_len > 0 &&
          lock->l_start >= SHM_LOCK_FIRST && lock->l_start + lock->l_len <= SHM_LOCK_END)
        {
          lock->l_pid = 0;
          cmd = cmd == F_SETLK ? F_OFD_SETLK : cmd == F_SETLKW ? F_OFD_SETLKW : F_OFD_GETLK;
        }
    }

  return fcntl (fd, cmd, arg);
}

void
rapport_sqlite_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      sqlite3_vfs *vfs = sqlite3_vfs_find ("unix");

      if (vfs == NULL || vfs->iVersion < 3 || vfs->xSetSystemCall == NULL ||
          vfs->xSetSystemCall (vfs, "fcntl", (sqlite3_syscall_ptr) shm_safe_fcntl) != SQLITE_OK)
        g_warning ("SQLite's fcntl() cannot be replaced; its locks on a -shm file are not guarded");
      g_once_init_leave (&done, 1);
    }
}

gint64
rapport_store_get_cache_size (RapportStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gint64 size = -2000;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    size = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return size;
}

void
rapport_store_set_cache_size (RapportStore *self,
                              gint64        size)
{
  /* A number of our own, not text from outside. */
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, size);

  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}
