/* rapport-store.c — the one object that reads and writes Rapport's data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rapport-enums.h"
#include "rapport-money.h"
#include "rapport-record-list.h"
#include "rapport-store-private.h"
#include "rapport-templates.h"
#include "rapport-time.h"
#include "rapport-validate.h"

/* Ranks leave room between neighbours so a drop touches one row; a stage is
 * renumbered only when a gap is used up. */
#define RANK_GAP ((gint64) 1 << 20)

struct _RapportStore
{
  GObject        parent_instance;

  char          *path;
  /* The file itself, open for the store's life (see rapport-db-file.h) */
  RapportDbFile *file;
  sqlite3       *db;
  gboolean       read_only;
  gboolean       is_copy;    /* an older file read from a copy in memory */
  RapportDbFileState lost;   /* once not FINE, nothing more is written */
  gint64         restore_generation;
  gboolean       restore_grace;
  sqlite3_stmt  *stmts[N_STMTS];
  /* SQL built from class and column names (never user text) → statement */
  GHashTable    *dynamic_stmts;
  /* GType → its row-loading statement (owned by dynamic_stmts) */
  GHashTable    *select_stmts;

  /* GType → (gint64 id → RapportRecord, weak): one object per row */
  GHashTable    *identity;

  GListStore    *pipelines;
  /* pipeline id → GListStore of its stages */
  GHashTable    *stages;

  RapportStoreFlags flags;
  /* The deep integrity check, maybe still running in a thread */
  GMutex         check_mutex;
  GCond          check_cond;
  int            check_state;
  GError        *check_error;
  guint          check_idle_id;  /* the check waits for an idle main loop */

  gint64         renumbered_stage;
  gint64         pinned_now;
  gint64         data_version;
  guint          watch_id;
  int            speed_to_lead_minutes;
  char          *default_currency;
};

G_DEFINE_FINAL_TYPE (RapportStore, rapport_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  DAMAGED,
  FILE_LOST,
  N_SIGNALS
};

enum {
  CHECK_PENDING,
  CHECK_OK,
  CHECK_DAMAGED,
};

static guint signals[N_SIGNALS];

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
    "INSERT INTO pipeline (name, template, position, created_at)"
    " VALUES (?1, ?2, (SELECT coalesce(max(position) + 1, 0) FROM pipeline), ?3)",
  [STMT_INSERT_STAGE] =
    "INSERT INTO stage (pipeline_id, name, position, probability, purpose, rotting_days)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [STMT_INSERT_STAGE_ACTION] =
    "INSERT INTO stage_action (stage_id, position, action, owner, material, output)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
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
    "INSERT INTO activity (kind, title, note, due_at, done_at, contact_id, deal_id, rule, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  [STMT_INSERT_NOTE] =
    "INSERT INTO note (contact_id, deal_id, organization_id, body, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
  [STMT_INSERT_NEGOTIATION] =
    "INSERT INTO negotiation_entry (deal_id, kind, amount, currency, text, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [STMT_INSERT_STAGE_CHANGE] =
    "INSERT INTO stage_change (deal_id, from_stage_id, to_stage_id, from_status, to_status, changed_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
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
  [STMT_DEAL_NEXT_ACTIVITY] =
    "SELECT EXISTS (SELECT 1 FROM activity WHERE deal_id = ?1 AND done_at IS NULL"
    " AND coalesce(snoozed_until, due_at) >= ?2)",
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

sqlite3_stmt *
rapport_store_stmt (RapportStore *self,
                    RapportStmt   which)
{
  g_assert (RAPPORT_IS_STORE (self));
  g_assert (which < N_STMTS);

  if (self->stmts[which] == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->db, stmt_sql[which], -1,
                                   SQLITE_PREPARE_PERSISTENT, &self->stmts[which], NULL);

      /* The SQL is ours and fixed: failing to prepare it is a bug. */
      if (rc != SQLITE_OK)
        g_error ("Cannot prepare “%s”: %s", stmt_sql[which], sqlite3_errmsg (self->db));
    }

  sqlite3_reset (self->stmts[which]);
  sqlite3_clear_bindings (self->stmts[which]);

  return self->stmts[which];
}

const char *
rapport_store_stmt_text (RapportStmt which)
{
  g_return_val_if_fail (which < N_STMTS, NULL);

  return stmt_sql[which];
}

/* Statements whose SQL is made from record classes' column names. */
static sqlite3_stmt *
dynamic_stmt (RapportStore *self,
              char         *sql)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->dynamic_stmts, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        g_error ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      g_hash_table_insert (self->dynamic_stmts, sql, stmt);
    }
  else
    g_free (sql);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return stmt;
}

sqlite3_stmt *
rapport_store_stmt_sql (RapportStore *self,
                        const char   *sql)
{
  g_assert (RAPPORT_IS_STORE (self));

  return dynamic_stmt (self, g_strdup (sql));
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

static gint64
step_int64 (RapportStore *self,
            sqlite3_stmt *stmt,
            gint64        fallback)
{
  gint64 ret = fallback;

  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    ret = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return ret;
}

static gboolean wait_for_check (RapportStore  *self,
                                GError       **error);

/* Is the file under our name still the one we opened? Checked before and
 * after every write (three stat calls), and by the watch: a write into a
 * deleted or replaced file would be saved where nobody will see it, and
 * one into a file whose -wal was removed mixes two files into a corrupt
 * one. From the first time it is not, nothing more is written. */
static char *get_setting       (RapportStore *self,
                                const char   *key);
static void  reload_everything (RapportStore *self);

/* Every restore through SQLite (rapport_store_restore) counts itself in
 * the file, so a file that shrank because another Rapport restored a
 * smaller backup into it is told apart from one rewritten by cp. */
static gint64
read_restore_generation (RapportStore *self)
{
  g_autofree char *value = get_setting (self, "restore-generation");

  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

static gboolean
verify_file (RapportStore  *self,
             gint64         logical_pages,
             GError       **error)
{
  g_autoptr(GError) lost_error = NULL;
  RapportDbFileState state;
  gint64 generation;

  if (self->is_copy)
    return TRUE;

  if (self->lost == RAPPORT_DB_FILE_FINE)
    {
      state = rapport_db_file_verify (self->file, logical_pages);
      if (state == RAPPORT_DB_FILE_REWRITTEN)
        {
          generation = read_restore_generation (self);
          if (generation != self->restore_generation || self->restore_grace)
            {
              /* Until the restore's checkpoint reaches the main file, its
               * header still tells the size before. */
              self->restore_grace = TRUE;
              self->restore_generation = generation;
              rapport_db_file_accept_size (self->file);
              state = RAPPORT_DB_FILE_FINE;
            }
        }
      else if (state == RAPPORT_DB_FILE_FINE && logical_pages > 0)
        self->restore_grace = FALSE;

      if (state == RAPPORT_DB_FILE_FINE)
        return TRUE;

      self->lost = state;
      rapport_db_file_set_lost_error (self->file, self->lost, &lost_error);
      g_debug ("%s", lost_error->message);
      g_signal_emit (self, signals[FILE_LOST], 0, lost_error->message);
    }

  rapport_db_file_set_lost_error (self->file, self->lost, error);
  return FALSE;
}

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

  if (g_atomic_int_get (&self->check_state) != CHECK_OK && !wait_for_check (self, error))
    return FALSE;

  if (!verify_file (self, 0, error))
    return FALSE;

  return rapport_store_step_done (self, rapport_store_stmt (self, STMT_BEGIN), error);
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
  if (!verify_file (self, 0, error))
    return FALSE;

  /* Our own commit bumps no data_version for us; remember it anyway so a
   * poll right after does not take our write for another program's. */
  self->data_version = step_int64 (self, rapport_store_stmt (self, STMT_DATA_VERSION), 0);
  return TRUE;
}

void
rapport_store_rollback (RapportStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    rapport_store_step_done (self, rapport_store_stmt (self, STMT_ROLLBACK), NULL);
}

static void reload_live (RapportStore *self,
                         GType         type);

void
rapport_store_emit_changed (RapportStore *self,
                            const char   *table,
                            gint64        id)
{
  /* The database's triggers keep a contact's last contact and next
   * follow-up from its activities: show them on the live objects. */
  if (g_str_equal (table, "activity"))
    reload_live (self, RAPPORT_TYPE_CONTACT);

  g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table, id);
}

/* Settings kept in the file */

static char *
get_setting (RapportStore *self,
             const char   *key)
{
  sqlite3_stmt *stmt = rapport_store_stmt (self, STMT_GET_SETTING);
  char *ret = NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ret = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return ret;
}

static gboolean
set_setting (RapportStore  *self,
             const char    *key,
             const char    *value,
             GError       **error)
{
  sqlite3_stmt *stmt = rapport_store_stmt (self, STMT_SET_SETTING);

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);

  return rapport_store_step_done (self, stmt, error);
}

/* The identity map */

/* One per live record: the map's key is &entry->id, so the weak-ref
 * callback can find and drop its row without touching the dying object. */
typedef struct
{
  RapportStore *store;
  GHashTable   *map;
  gint64        id;
} IdentityEntry;

static GHashTable *
identity_of (RapportStore *self,
             GType         type)
{
  GHashTable *map = g_hash_table_lookup (self->identity, GSIZE_TO_POINTER (type));

  if (map == NULL)
    {
      map = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_hash_table_insert (self->identity, GSIZE_TO_POINTER (type), map);
    }

  return map;
}

static void
on_record_finalized (gpointer  data,
                     GObject  *where_the_object_was)
{
  IdentityEntry *entry = data;

  g_hash_table_remove (entry->map, &entry->id);
  g_free (entry);
}

static void
identity_add (RapportStore  *self,
              GType          type,
              RapportRecord *record)
{
  IdentityEntry *entry = g_new (IdentityEntry, 1);

  entry->store = self;
  entry->map = identity_of (self, type);
  entry->id = rapport_record_get_id (record);
  g_hash_table_insert (entry->map, &entry->id, record);
  g_object_weak_ref (G_OBJECT (record), on_record_finalized, entry);
}

void
rapport_store_forget (RapportStore  *self,
                      RapportRecord *record)
{
  GHashTable *map = identity_of (self, G_OBJECT_TYPE (record));
  gint64 id = rapport_record_get_id (record);
  gpointer key, value;
  IdentityEntry *entry;

  if (!g_hash_table_lookup_extended (map, &id, &key, &value) || value != record)
    return;

  entry = (IdentityEntry *) ((char *) key - G_STRUCT_OFFSET (IdentityEntry, id));
  g_hash_table_remove (map, &id);
  g_object_weak_unref (G_OBJECT (record), on_record_finalized, entry);
  g_free (entry);
}

/* Loading a row is the hottest path (every card, every list row): its
 * statement is found by type, without building its SQL again. */
static sqlite3_stmt *
select_stmt (RapportStore *self,
             GType         type)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->select_stmts, GSIZE_TO_POINTER (type));

  if (stmt == NULL)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (type);
      RapportRecordClass *record_class = RAPPORT_RECORD_CLASS (klass);
      g_autofree char *columns = rapport_record_class_column_list (record_class);

      stmt = dynamic_stmt (self, g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1",
                                                  columns, record_class->table));
      g_hash_table_insert (self->select_stmts, GSIZE_TO_POINTER (type), stmt);
    }

  sqlite3_reset (stmt);
  return stmt;
}

static gboolean
reload_record (RapportStore   *self,
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

static void
set_not_found (GError **error,
               GType    type,
               gint64   id)
{
  if (type == RAPPORT_TYPE_DEAL)
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                 _("There is no deal with the id %lld"), (long long) id);
  else if (type == RAPPORT_TYPE_CONTACT)
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                 _("There is no contact with the id %lld"), (long long) id);
  else if (type == RAPPORT_TYPE_ORGANIZATION)
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                 _("There is no organization with the id %lld"), (long long) id);
  else if (type == RAPPORT_TYPE_STAGE)
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                 _("There is no stage with the id %lld"), (long long) id);
  else if (type == RAPPORT_TYPE_ACTIVITY)
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                 _("There is no follow-up or activity with the id %lld"), (long long) id);
  else
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                 _("There is no record with the id %lld"), (long long) id);
}

static gpointer
lookup_record (RapportStore  *self,
               GType          type,
               gint64         id,
               GError       **error)
{
  GHashTable *map = identity_of (self, type);
  RapportRecord *record = g_hash_table_lookup (map, &id);
  g_autoptr(GError) local_error = NULL;

  if (record != NULL)
    return g_object_ref (record);

  if (id <= 0)
    {
      set_not_found (error, type, id);
      return NULL;
    }

  record = g_object_new (type, "id", id, NULL);
  if (!reload_record (self, record, &local_error))
    {
      g_object_unref (record);
      if (g_error_matches (local_error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND))
        set_not_found (error, type, id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  identity_add (self, type, record);

  return record;
}

/* Reloads the live objects of @type after a write that touched many rows. */
static void
reload_live (RapportStore *self,
             GType         type)
{
  g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTable *map = identity_of (self, type);
  GHashTableIter iter;
  gpointer value;

  /* Hold them first: a notify handler may drop the last reference. */
  g_hash_table_iter_init (&iter, map);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (live, g_object_ref (value));

  /* A row another program deleted (or a restore took away) is forgotten,
   * so its id is not found any more. */
  for (guint i = 0; i < live->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!reload_record (self, live->pdata[i], &error) &&
          g_error_matches (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND))
        rapport_store_forget (self, live->pdata[i]);
    }
}

static void
reload_live_deals_of_stage (RapportStore *self,
                            gint64        stage_id)
{
  g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, identity_of (self, RAPPORT_TYPE_DEAL));
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (rapport_deal_get_stage_id (value) == stage_id)
      g_ptr_array_add (live, g_object_ref (value));

  /* A row another program deleted (or a restore took away) is forgotten,
   * so its id is not found any more. */
  for (guint i = 0; i < live->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!reload_record (self, live->pdata[i], &error) &&
          g_error_matches (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND))
        rapport_store_forget (self, live->pdata[i]);
    }
}

static void
reload_all_live (RapportStore *self)
{
  g_autoptr(GList) types = g_hash_table_get_keys (self->identity);

  for (const GList *l = types; l; l = l->next)
    reload_live (self, (GType) GPOINTER_TO_SIZE (l->data));
}

/* Opening */

char *
rapport_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rapport", "rapport.db", NULL);
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }

  if (rc != SQLITE_OK)
    rapport_db_set_error (db, rc, error);

  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

/* SQLite reads a file of ours through a URI when it must be told how. */
static char *
file_uri (const char *path,
          gboolean    immutable)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);

  return g_strconcat (uri, immutable ? "?immutable=1" : "", NULL);
}

/* A connection that looks at the file without writing a byte to it. With
 * no -wal beside the file, the main file is the whole database and nobody
 * has it open in WAL mode: SQLite reads it as immutable, which creates no
 * -wal or -shm beside a file we may refuse. With a -wal, another program
 * may be writing through it: read through it, waiting for its locks as
 * writers do. Nothing beside the file is ever removed: it may be in use. */
static sqlite3 *
open_look (RapportStore  *self,
           GError       **error)
{
  g_autofree char *uri = file_uri (self->path, !rapport_db_file_has_wal (self->file));
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      rapport_db_set_error (db, rc, error);
      sqlite3_close (db);
      g_prefix_error (error, _("Cannot open “%s”: "), self->path);
      return NULL;
    }

  sqlite3_busy_timeout (db, RAPPORT_BUSY_TIMEOUT_MS);
  return db;
}

/* The verdicts, for people; each says the file was left as it was. */
static void
set_refusal (RapportStore  *self,
             int            code,
             const char    *detail,
             GError       **error)
{
  switch (code)
    {
    case RAPPORT_ERROR_NOT_A_DATABASE:
      g_set_error (error, RAPPORT_ERROR, code,
                   _("“%s” is not a Rapport database (not an SQLite file at all); it was left unchanged"),
                   self->path);
      break;
    case RAPPORT_ERROR_CORRUPT:
      g_set_error (error, RAPPORT_ERROR, code,
                   _("“%s” is damaged and cannot be opened safely; it was left unchanged. "
                     "Restore it from a backup"),
                   self->path);
      break;
    case RAPPORT_ERROR_FOREIGN_DATABASE:
      g_set_error (error, RAPPORT_ERROR, code,
                   _("Cannot open “%s”: It is a database of another program, not of Rapport; it was left unchanged"),
                   self->path);
      break;
    default:
      g_set_error (error, RAPPORT_ERROR, code, _("Cannot open “%s”: %s"), self->path, detail);
      break;
    }
}

static void
set_too_new (RapportStore  *self,
             int            version,
             GError       **error)
{
  g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_TOO_NEW,
               _("Cannot open “%s”: It was written by a newer version of Rapport (schema %d; this one "
                 "knows %d). Update Rapport to open it; the file was left unchanged"),
               self->path, version, RAPPORT_SCHEMA_VERSION);
}

/* What the first 100 bytes tell without SQLite: a file that is plainly
 * not ours is refused before SQLite could create anything beside it. The
 * main file's header may lag behind its -wal (a new file's first
 * transaction may not be in it yet), so only what cannot change is
 * trusted: that it is SQLite, and whose. */
static gboolean
refuse_by_header (RapportStore           *self,
                  const RapportDbHeader  *header,
                  GError                **error)
{
  if (header->size == 0)
    return TRUE;  /* new, or being made by another program: see under the lock */

  if (!header->is_sqlite)
    {
      set_refusal (self, RAPPORT_ERROR_NOT_A_DATABASE, NULL, error);
      return FALSE;
    }
  if (!header->is_sane)
    {
      set_refusal (self, RAPPORT_ERROR_CORRUPT, NULL, error);
      return FALSE;
    }
  if (header->application_id != 0 && header->application_id != RAPPORT_APPLICATION_ID)
    {
      set_refusal (self, RAPPORT_ERROR_FOREIGN_DATABASE, NULL, error);
      return FALSE;
    }
  if (header->application_id == RAPPORT_APPLICATION_ID && header->user_version > RAPPORT_SCHEMA_VERSION)
    {
      set_too_new (self, header->user_version, error);
      return FALSE;
    }

  return TRUE;
}

/* Which version the file is (-1: empty, a new database), through @look;
 * a file that is not a current or older Rapport database is refused. */
static gboolean
inspect (RapportStore  *self,
         sqlite3       *look,
         int           *version,
         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  int n_objects = 0, app_id = 0;

  if (!query_int (look, "SELECT count(*) FROM sqlite_schema", &n_objects, &local_error) ||
      !query_int (look, "PRAGMA application_id", &app_id, &local_error) ||
      !query_int (look, "PRAGMA user_version", version, &local_error))
    {
      RapportDbHeader header;

      /* An SQLite file whose header is garbled is damaged, not foreign. */
      if (g_error_matches (local_error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_A_DATABASE) &&
          rapport_db_file_read_header (self->file, &header, NULL) && header.is_sqlite)
        local_error->code = RAPPORT_ERROR_CORRUPT;
      set_refusal (self, local_error->code, local_error->message, error);
      return FALSE;
    }

  if (n_objects == 0 && app_id == 0 && *version == 0)
    {
      *version = -1;
      return TRUE;
    }

  if (app_id != RAPPORT_APPLICATION_ID)
    {
      set_refusal (self, RAPPORT_ERROR_FOREIGN_DATABASE, NULL, error);
      return FALSE;
    }

  if (*version > RAPPORT_SCHEMA_VERSION)
    {
      set_too_new (self, *version, error);
      return FALSE;
    }

  return TRUE;
}

/* quick_check reads every page but skips index cross-checks: it finds a
 * damaged file before we write to it, at a fraction of integrity_check.
 * Still, it reads the whole file: a stamp remembers that this file, as it
 * is now, passed, so the next program does not read it all again. */
static gboolean
check_pages (RapportStore  *self,
             sqlite3       *look,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  int check_ok = 0;

  if (!query_int (look, "SELECT quick_check = 'ok' FROM pragma_quick_check(1)", &check_ok, &local_error))
    {
      set_refusal (self, local_error->code == RAPPORT_ERROR_BUSY ? RAPPORT_ERROR_BUSY : RAPPORT_ERROR_CORRUPT,
                   local_error->message, error);
      return FALSE;
    }
  if (!check_ok)
    {
      set_refusal (self, RAPPORT_ERROR_CORRUPT, NULL, error);
      return FALSE;
    }

  rapport_db_file_mark_checked (self->file);
  return TRUE;
}

/* The backup made before an upgrade: a new file, never one that exists
 * (an earlier upgrade's backup is kept) and never through a symlink. It
 * is in rollback-journal mode, so it is one self-contained file. */
static gboolean
backup_file (RapportStore  *self,
             sqlite3       *source,
             int            version,
             GError       **error)
{
  g_autofree char *backup_path = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc, fd = -1;

  for (guint n = 0; fd < 0 && n < 100; n++)
    {
      g_free (backup_path);
      backup_path = n == 0 ? g_strdup_printf ("%s.v%d.bak", self->path, version)
                           : g_strdup_printf ("%s.v%d.%u.bak", self->path, version, n);
      fd = g_open (backup_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (fd < 0 && errno != EEXIST)
        break;
    }
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_IO,
                   _("Could not back up the database before upgrading it: cannot create “%s”: %s"),
                   backup_path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (backup_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", source, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (dest);
    }
  /* The pages copied say WAL, as the source's do. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      rapport_db_set_error (dest, rc, error);
      g_prefix_error (error, _("Could not back up the database before upgrading it: "));
    }

  sqlite3_close (dest);
  return rc == SQLITE_OK;
}

static gboolean
configure_connection (RapportStore  *self,
                      GError       **error)
{
  /* WAL lets the CLI and the app read while the other writes; FULL makes a
   * commit durable before the UI says it happened. A connection that only
   * reads leaves the file's mode as it is. */
  static const char writer_pragmas[] =
    "PRAGMA journal_mode = WAL;"
    "PRAGMA synchronous = FULL;";
  static const char pragmas[] =
    "PRAGMA foreign_keys = ON;"
    "PRAGMA temp_store = MEMORY;"
    /* No memory-mapped reads: the board reads rows all over the file (a
     * card's deal, contact and organization), and each first touch of a
     * mapped page maps its neighbours too, all counted as the app's own
     * memory: 75 MB more resident with 100 000 deals, for reads that
     * SQLite's page cache serves as fast here (a drop commits in well
     * under a millisecond either way). */
    "PRAGMA mmap_size = 0;";
  int rc = SQLITE_OK;

  sqlite3_busy_timeout (self->db, RAPPORT_BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, 1);

  if (!self->read_only)
    rc = sqlite3_exec (self->db, writer_pragmas, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, pragmas, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return rapport_store_set_error (self, rc, error);

  return TRUE;
}

static void
load_settings (RapportStore *self)
{
  g_autofree char *minutes = get_setting (self, "speed-to-lead-minutes");
  g_autofree char *currency = get_setting (self, "default-currency");

  self->speed_to_lead_minutes = minutes ? (int) g_ascii_strtoll (minutes, NULL, 10) : 60;
  if (self->speed_to_lead_minutes <= 0)
    self->speed_to_lead_minutes = 60;

  g_free (self->default_currency);
  self->default_currency = g_strdup (rapport_currency_is_valid (currency) ? currency : "USD");
}

/* The currency of the user's locale, for a new file's default. */
static char *
locale_currency (void)
{
  const char *code = localeconv ()->int_curr_symbol;
  char *ret = g_strndup (code ? code : "", 3);

  if (!rapport_currency_is_valid (ret))
    {
      g_free (ret);
      ret = g_strdup ("USD");
    }

  return ret;
}

static gboolean
initialize_new (RapportStore  *self,
                const char    *template_id,
                GError       **error)
{
  g_autofree char *currency = locale_currency ();
  g_autofree char *pipeline = NULL;
  gint64 pipeline_id;

  if (!rapport_store_begin (self, error))
    return FALSE;

  if (!rapport_schema_seed_pipeline (self, template_id, &pipeline_id, error))
    goto fail;

  pipeline = g_strdup_printf ("%" G_GINT64_FORMAT, pipeline_id);
  if (!set_setting (self, "current-pipeline", pipeline, error) ||
      !set_setting (self, "default-currency", currency, error) ||
      !set_setting (self, "speed-to-lead-minutes", "60", error))
    goto fail;

  return rapport_store_commit (self, error);

fail:
  rapport_store_rollback (self);
  return FALSE;
}

static void
background_check_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  RapportStore *self = source_object;
  g_autoptr(GError) error = NULL;
  sqlite3 *look = open_look (self, &error);
  gboolean ok = look != NULL && check_pages (self, look, &error);

  sqlite3_close (look);

  g_mutex_lock (&self->check_mutex);
  g_atomic_int_set (&self->check_state, ok ? CHECK_OK : CHECK_DAMAGED);
  if (!ok)
    self->check_error = g_error_copy (error);
  g_cond_broadcast (&self->check_cond);
  g_mutex_unlock (&self->check_mutex);

  g_task_return_boolean (task, ok);
}

static void
background_check_done (GObject      *object,
                       GAsyncResult *result,
                       gpointer      data)
{
  RapportStore *self = RAPPORT_STORE (object);

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    g_signal_emit (self, signals[DAMAGED], 0, self->check_error->message);
}

/* Reading every page of a large file takes a few hundred milliseconds:
 * the app checks in a thread while it shows the board, and the first write
 * waits for the verdict, so a damaged file is still never written. */
static void
start_background_check (RapportStore *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, background_check_done, NULL);

  g_clear_handle_id (&self->check_idle_id, g_source_remove);
  g_task_set_source_tag (task, start_background_check);
  g_task_run_in_thread (task, background_check_thread);
}

static gboolean
start_background_check_idle_cb (gpointer data)
{
  RapportStore *self = data;

  self->check_idle_id = 0;
  start_background_check (self);

  return G_SOURCE_REMOVE;
}

/* The check reads the whole file at full speed: started at once, it takes
 * one of the machine's cores (of two, often) from the app's first frame.
 * It starts when the main loop has nothing more urgent to do, which is
 * after the window's first frame (drawn at a higher priority); a write
 * before that starts it at once and waits, as any write does. */
static void
schedule_background_check (RapportStore *self)
{
  g_atomic_int_set (&self->check_state, CHECK_PENDING);
  self->check_idle_id = g_idle_add_full (G_PRIORITY_LOW, start_background_check_idle_cb, self, NULL);
  g_source_set_name_by_id (self->check_idle_id, "[rapport] start the file check");
}

static gboolean
wait_for_check (RapportStore  *self,
                GError       **error)
{
  gboolean ok;

  if (self->check_idle_id != 0)
    start_background_check (self);

  g_mutex_lock (&self->check_mutex);
  while (self->check_state == CHECK_PENDING)
    g_cond_wait (&self->check_cond, &self->check_mutex);
  ok = self->check_state == CHECK_OK;
  if (!ok)
    g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT, self->check_error->message);
  g_mutex_unlock (&self->check_mutex);

  return ok;
}

/* A file opened only to be read, whose schema is older than ours, is read
 * from a copy in memory brought up to date there: a look at a backup
 * never upgrades it. */
static gboolean
open_copy (RapportStore  *self,
           sqlite3       *look,
           int            version,
           GError       **error)
{
  sqlite3_backup *backup;
  int rc = sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE, NULL);

  if (rc == SQLITE_OK && (backup = sqlite3_backup_init (self->db, "main", look, "main")) != NULL)
    {
      sqlite3_backup_step (backup, -1);
      sqlite3_backup_finish (backup);
    }
  rc = sqlite3_errcode (self->db);
  if (rc != SQLITE_OK)
    return rapport_store_set_error (self, rc, error);

  self->is_copy = TRUE;
  return configure_connection (self, error) && rapport_schema_migrate (self->db, version, error);
}

static gboolean
open_connection (RapportStore  *self,
                 GError       **error)
{
  gboolean writable = rapport_db_file_is_writable (self->file);
  /* A reader of a file nobody may write, with no -wal to read through,
   * reads it as it is, so no -shm made with the file's read-only mode is
   * left to lock later writers out. */
  g_autofree char *uri = file_uri (self->path, !writable && !rapport_db_file_has_wal (self->file));
  int flags = SQLITE_OPEN_URI | (self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);
  int rc;

  rc = sqlite3_open_v2 (uri, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      rapport_store_set_error (self, rc, error);
      g_prefix_error (error, _("Cannot open “%s”: "), self->path);
      return FALSE;
    }

  return configure_connection (self, error);
}

/* Under the open-time lock: what the file is, its check, the backup and
 * the migration, or a new file's first pipeline. */
static gboolean
open_locked (RapportStore  *self,
             const char    *template_id,
             gboolean       defer_check,
             GError       **error)
{
  sqlite3 *look = open_look (self, error);
  int version = -1;

  if (look == NULL || !inspect (self, look, &version, error))
    goto fail;

  /* Only a current file can be checked while the app runs: no migration
   * writes before the check is done. */
  if (version >= 0 && (!defer_check || version != RAPPORT_SCHEMA_VERSION) &&
      !rapport_db_file_check_is_fresh (self->file) && !check_pages (self, look, error))
    goto fail;
  if (version != RAPPORT_SCHEMA_VERSION)
    defer_check = FALSE;

  if (version < 0)
    {
      if (!rapport_db_file_is_writable (self->file))
        {
          g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_IO,
                       _("Cannot start a new database in “%s”: the file is read-only"), self->path);
          goto fail;
        }
      self->read_only = FALSE;  /* first use makes the file, for reading too */
    }
  else if (!rapport_db_file_is_writable (self->file))
    self->read_only = TRUE;

  if (self->read_only && version < RAPPORT_SCHEMA_VERSION)
    {
      gboolean ok = open_copy (self, look, version, error);

      sqlite3_close (look);
      return ok;
    }

  if (version > 0 && version < RAPPORT_SCHEMA_VERSION && !backup_file (self, look, version, error))
    goto fail;
  g_clear_pointer (&look, sqlite3_close);

  rapport_db_file_clear_stale_shm (self->file);
  if (!open_connection (self, error))
    return FALSE;

  if (version != RAPPORT_SCHEMA_VERSION)
    {
      if (!rapport_schema_migrate (self->db, MAX (version, 0), error) ||
          (version < 0 && !initialize_new (self, template_id, error)))
        return FALSE;
      /* Into the main file, so the next program's look at its header sees
       * a Rapport database of this version. */
      sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    }

  if (defer_check)
    schedule_background_check (self);

  return TRUE;

fail:
  sqlite3_close (look);
  return FALSE;
}

static gboolean
open_store (RapportStore  *self,
            const char    *template_id,
            GError       **error)
{
  RapportDbHeader header;
  gboolean ok;

  self->read_only = (self->flags & RAPPORT_STORE_READ_ONLY) != 0;

  if ((self->file = rapport_db_file_open (self->path, error)) == NULL ||
      !rapport_db_file_read_header (self->file, &header, error) ||
      !refuse_by_header (self, &header, error) ||
      !rapport_db_file_lock (self->file, error))
    return FALSE;

  ok = open_locked (self, template_id,
                    (self->flags & RAPPORT_STORE_CHECK_IN_BACKGROUND) && header.is_wal, error);
  rapport_db_file_unlock (self->file);
  if (!ok)
    return FALSE;

  if (!self->is_copy)
    rapport_db_file_note_wal (self->file);
  load_settings (self);
  self->restore_generation = read_restore_generation (self);
  self->data_version = step_int64 (self, rapport_store_stmt (self, STMT_DATA_VERSION), 0);

  return TRUE;
}

RapportStore *
rapport_store_new_with_template (const char  *path,
                                 const char  *template_id,
                                 GError     **error)
{
  return rapport_store_new_full (path, template_id, RAPPORT_STORE_DEFAULT, error);
}

RapportStore *
rapport_store_new_full (const char         *path,
                        const char         *template_id,
                        RapportStoreFlags   flags,
                        GError            **error)
{
  g_autoptr(RapportStore) self = g_object_new (RAPPORT_TYPE_STORE, NULL);

  g_return_val_if_fail (path != NULL, NULL);

  if (template_id == NULL)
    template_id = rapport_templates_default ()->id;

  if (rapport_templates_find (template_id) == NULL)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("There is no process template called “%s”"), template_id);
      return NULL;
    }

  self->path = g_strdup (path);
  self->flags = flags;
  if (!open_store (self, template_id, error))
    return NULL;

  return g_steal_pointer (&self);
}

RapportStore *
rapport_store_new (const char  *path,
                   GError     **error)
{
  return rapport_store_new_with_template (path, NULL, error);
}

const char *
rapport_store_get_path (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return self->path;
}

gboolean
rapport_store_check (RapportStore  *self,
                     char         **report,
                     GError       **error)
{
  g_autoptr(GString) str = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        {
          ok = FALSE;
          g_string_append_printf (str, "%s\n", line);
        }
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_reset (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return rapport_store_set_error (self, rc, error);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      ok = FALSE;
      g_string_append_printf (str, _("%s row %lld points to a missing %s\n"),
                              sqlite3_column_text (stmt, 0), (long long) sqlite3_column_int64 (stmt, 1),
                              sqlite3_column_text (stmt, 2));
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_reset (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return rapport_store_set_error (self, rc, error);

  if (report != NULL)
    *report = g_strdup (str->str);

  if (!ok)
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT,
                 _("The database failed its integrity check"));

  return ok;
}

/* Backups and restores */

/* A new file for a copy: never one that exists, never through a symlink;
 * its folder is made 0700 when missing. */
static gboolean
create_new_file (const char  *path,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      (fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600)) < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                     _("“%s” already exists; a backup never overwrites a file"), path);
      else
        g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_IO,
                     _("Cannot create “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* Copies every page of @source into @dest, one transaction on each side:
 * other programs see either all of it or none. */
static gboolean
copy_database (sqlite3  *dest,
               sqlite3  *source,
               GError  **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", source, "main");
  int rc;

  if (backup == NULL)
    return rapport_db_set_error (dest, sqlite3_errcode (dest), error);

  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    return rapport_db_set_error (dest, rc, error);

  return TRUE;
}

gboolean
rapport_store_backup (RapportStore  *self,
                      const char    *path,
                      GError       **error)
{
  sqlite3 *dest = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (!create_new_file (path, error))
    return FALSE;

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  ok = rc == SQLITE_OK ? copy_database (dest, self->db, error) : rapport_db_set_error (dest, rc, error);
  /* One self-contained file: the pages copied say WAL, as ours do. */
  if (ok && (rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL)) != SQLITE_OK)
    ok = rapport_db_set_error (dest, rc, error);
  sqlite3_close (dest);

  if (!ok)
    {
      g_prefix_error (error, _("Could not back up the database to “%s”: "), path);
      g_unlink (path);
    }

  return ok;
}

static char *
safety_backup_path (RapportStore *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (rapport_store_now (self));
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint n = 0;; n++)
    {
      char *path = n == 0 ? g_strdup_printf ("%s.before-restore-%s.bak", self->path, stamp)
                          : g_strdup_printf ("%s.before-restore-%s.%u.bak", self->path, stamp, n);

      if (!g_file_test (path, G_FILE_TEST_EXISTS) || n >= 1000)
        return path;
      g_free (path);
    }
}

/* The safe way to bring back a backup, also while other programs have
 * the file open: the backup is checked like any file Rapport opens (and
 * brought up to date in memory if it is older), the current data is
 * backed up beside the file, and the backup's pages go into the file
 * through SQLite, in one transaction, so every program sees the change as
 * another program's write. Copying a file over the database instead (cp,
 * mv) while a program has it open is what Rapport refuses to write into. */
gboolean
rapport_store_restore (RapportStore  *self,
                       const char    *backup_path,
                       char         **saved_path,
                       GError       **error)
{
  g_autoptr(RapportStore) source = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *generation = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (self->read_only)
    return rapport_store_begin (self, error);  /* says why */
  if (!verify_file (self, 0, error))
    return FALSE;

  source = rapport_store_new_full (backup_path, NULL, RAPPORT_STORE_READ_ONLY, error);
  if (source == NULL)
    return FALSE;

  safety = safety_backup_path (self);
  if (!rapport_store_backup (self, safety, error) ||
      !copy_database (self->db, source->db, error))
    {
      g_prefix_error (error, _("Nothing was restored: "));
      return FALSE;
    }

  /* The restored pages hold the backup's count; ours goes on from the
   * higher of the two. */
  self->restore_generation = MAX (self->restore_generation, read_restore_generation (self)) + 1;
  generation = g_strdup_printf ("%" G_GINT64_FORMAT, self->restore_generation);
  if (rapport_store_begin (self, error))
    {
      if (!set_setting (self, "restore-generation", generation, error) ||
          !rapport_store_commit (self, error))
        rapport_store_rollback (self);
    }
  rapport_db_file_accept_size (self->file);
  sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  rapport_db_file_accept_size (self->file);

  self->data_version = step_int64 (self, rapport_store_stmt (self, STMT_DATA_VERSION), 0);
  reload_everything (self);

  if (saved_path != NULL)
    *saved_path = g_steal_pointer (&safety);

  return TRUE;
}

/* Other writers */

static void reload_pipelines (RapportStore *self);
static void reload_stages    (RapportStore *self,
                              gint64        pipeline_id,
                              GListStore   *list);

/* Pipelines and stages another program added, removed or reordered. */
static void
reload_structure (RapportStore *self)
{
  GHashTableIter iter;
  gpointer key, list;

  if (self->pipelines != NULL)
    reload_pipelines (self);

  g_hash_table_iter_init (&iter, self->stages);
  while (g_hash_table_iter_next (&iter, &key, &list))
    reload_stages (self, *(gint64 *) key, list);
}

gboolean
rapport_store_sync_external (RapportStore *self)
{
  gint64 version;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  version = step_int64 (self, rapport_store_stmt (self, STMT_DATA_VERSION), 0);
  if (version == self->data_version)
    return FALSE;

  self->data_version = version;
  reload_everything (self);

  return TRUE;
}

/* After a change of unknown extent: another program's, or a restore. */
static void
reload_everything (RapportStore *self)
{
  load_settings (self);
  reload_all_live (self);
  reload_structure (self);

  if (self->pipelines != NULL)
    rapport_store_emit_changed (self, "pipeline", 0);
  rapport_store_emit_changed (self, "stage", 0);
  rapport_store_emit_changed (self, "organization", 0);
  rapport_store_emit_changed (self, "contact", 0);
  rapport_store_emit_changed (self, "deal", 0);
  rapport_store_emit_changed (self, "activity", 0);
  rapport_store_emit_changed (self, "note", 0);
  rapport_store_emit_changed (self, "negotiation_entry", 0);
  rapport_store_emit_changed (self, "deal_action", 0);

}

static gboolean
watch_cb (gpointer data)
{
  RapportStore *self = data;

  /* Between writes too, with the header's look at a rewrite in place. */
  if (self->lost == RAPPORT_DB_FILE_FINE && !self->read_only)
    verify_file (self, step_int64 (self, rapport_store_stmt_sql (self, "PRAGMA page_count"), 0), NULL);

  rapport_store_sync_external (self);

  return G_SOURCE_CONTINUE;
}

void
rapport_store_watch_external (RapportStore *self,
                              guint         interval_ms)
{
  g_return_if_fail (RAPPORT_IS_STORE (self));

  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (interval_ms > 0)
    self->watch_id = g_timeout_add (interval_ms, watch_cb, self);
}

/* Clock and settings */

gint64
rapport_store_now (RapportStore *self)
{
  if (self->pinned_now != 0)
    return self->pinned_now;

  return g_get_real_time () / G_USEC_PER_SEC;
}

void
rapport_store_set_now (RapportStore *self,
                       gint64        now)
{
  g_return_if_fail (RAPPORT_IS_STORE (self));

  self->pinned_now = now;
}

int
rapport_store_get_speed_to_lead_minutes (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), 60);

  return self->speed_to_lead_minutes;
}

gboolean
rapport_store_set_speed_to_lead_minutes (RapportStore  *self,
                                         int            minutes,
                                         GError       **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (minutes < 1 || minutes > 7 * 24 * 60)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The time to contact a new lead must be between 1 minute and 7 days"));
      return FALSE;
    }

  text = g_strdup_printf ("%d", minutes);
  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!set_setting (self, "speed-to-lead-minutes", text, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  if (!rapport_store_commit (self, error))
    return FALSE;

  self->speed_to_lead_minutes = minutes;
  return TRUE;
}

const char *
rapport_store_get_default_currency (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return self->default_currency;
}

/* GObject */

static void
rapport_store_dispose (GObject *object)
{
  RapportStore *self = RAPPORT_STORE (object);
  GHashTableIter iter;
  gpointer map;

  g_clear_handle_id (&self->watch_id, g_source_remove);
  g_clear_object (&self->pipelines);
  g_clear_pointer (&self->stages, g_hash_table_unref);

  /* Records may outlive the store; they must not call back into it. */
  if (self->identity != NULL)
    {
      g_hash_table_iter_init (&iter, self->identity);
      while (g_hash_table_iter_next (&iter, NULL, &map))
        {
          GHashTableIter inner;
          gpointer key, record;

          g_hash_table_iter_init (&inner, map);
          while (g_hash_table_iter_next (&inner, &key, &record))
            {
              IdentityEntry *entry = (IdentityEntry *) ((char *) key - G_STRUCT_OFFSET (IdentityEntry, id));

              g_object_weak_unref (record, on_record_finalized, entry);
              g_free (entry);
            }
        }
      g_clear_pointer (&self->identity, g_hash_table_unref);
    }

  G_OBJECT_CLASS (rapport_store_parent_class)->dispose (object);
}

static void
rapport_store_finalize (GObject *object)
{
  RapportStore *self = RAPPORT_STORE (object);

  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  g_clear_pointer (&self->select_stmts, g_hash_table_unref);
  g_clear_pointer (&self->dynamic_stmts, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  /* Only now: closing its descriptor would drop the connection's locks. */
  g_clear_pointer (&self->file, rapport_db_file_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->default_currency, g_free);
  g_clear_handle_id (&self->check_idle_id, g_source_remove);
  g_clear_error (&self->check_error);
  g_mutex_clear (&self->check_mutex);
  g_cond_clear (&self->check_cond);

  G_OBJECT_CLASS (rapport_store_parent_class)->finalize (object);
}

static void
rapport_store_class_init (RapportStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_store_dispose;
  object_class->finalize = rapport_store_finalize;

  /**
   * RapportStore::changed:
   * @table: the table that changed, also the signal's detail
   * @id: the row, or 0 when many rows may have changed
   *
   * Emitted after a commit, by this process or (when watched) another.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);

  /**
   * RapportStore::damaged:
   * @message: what is wrong, for people; it says the file was left unchanged
   *
   * Emitted when a check made in the background finds the file damaged.
   * From then on every write fails and nothing is written.
   */
  signals[DAMAGED] =
    g_signal_new ("damaged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * RapportStore::file-lost:
   * @message: what happened to the file and what to do, for people
   *
   * Emitted once when the file under the database's name is no longer the
   * one opened: deleted, replaced (mv, cp, a restore by another tool) or
   * its -wal removed. From then on every write fails and nothing is
   * written, so no change goes into a file nobody will see.
   */
  signals[FILE_LOST] =
    g_signal_new ("file-lost",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
rapport_store_init (RapportStore *self)
{
  self->identity = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  self->dynamic_stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
  self->select_stmts = g_hash_table_new (NULL, NULL);
  self->stages = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->check_state = CHECK_OK;
  g_mutex_init (&self->check_mutex);
  g_cond_init (&self->check_cond);
  self->speed_to_lead_minutes = 60;
}

/* Validation: the model's rules for what may be stored */

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (RAPPORT_ERROR, RAPPORT_ERROR_INVALID, format, args);
  va_end (args);

  return FALSE;
}

static gboolean
check_email (const char  *email,
             GError     **error)
{
  g_autofree char *quoted = NULL;

  if (email == NULL || *email == '\0' || rapport_email_is_plausible (email))
    return TRUE;

  quoted = rapport_text_quote (email);
  return invalid (error, _("“%s” does not look like an email address (name@example.com)"), quoted);
}

static gboolean
check_phone (const char  *phone,
             GError     **error)
{
  g_autofree char *quoted = NULL;

  if (phone == NULL || *phone == '\0' || rapport_phone_is_plausible (phone))
    return TRUE;

  quoted = rapport_text_quote (phone);
  return invalid (error, _("“%s” does not look like a phone number: use digits, spaces and + - ( )"), quoted);
}

static gboolean
check_currency (const char  *currency,
                GError     **error)
{
  g_autofree char *quoted = NULL;

  if (rapport_currency_is_valid (currency))
    return TRUE;

  quoted = rapport_text_quote (currency);
  return invalid (error, _("“%s” is not an ISO 4217 currency code like EUR or USD"), quoted);
}

/* A day, as YYYY-MM-DD; NULL or "" is "not set". */
static gboolean
check_date (const char  *date,
            GError     **error)
{
  g_autofree char *quoted = NULL;

  if (date == NULL || *date == '\0' || rapport_date_is_valid (date))
    return TRUE;

  quoted = rapport_text_quote (date);
  return invalid (error, _("“%s” is not a date: use YYYY-MM-DD"), quoted);
}

/* When a record came in: a time given (1970 included) or now, and never
 * after now on the store's clock: what arrives has already arrived. */
static gboolean
arrival_time (RapportStore  *self,
              gint64         given,
              gboolean       has_given,
              gint64        *arrived_at,
              GError       **error)
{
  gint64 now = rapport_store_now (self);

  if (!has_given && given == 0)
    {
      *arrived_at = now;
      return TRUE;
    }
  if (given > now)
    {
      g_autofree char *when = rapport_time_format_iso8601 (given);
      g_autofree char *clock = rapport_time_format_iso8601 (now);

      return invalid (error, _("The creation time %s is later than now (%s): give a time that has already come"),
                      when ? when : "", clock ? clock : "");
    }

  *arrived_at = given;
  return TRUE;
}

static gboolean
check_exists (RapportStore  *self,
              GType          type,
              gint64         id,
              GError       **error)
{
  g_autoptr(RapportRecord) record = NULL;

  if (id == 0)
    return TRUE;

  record = lookup_record (self, type, id, error);
  return record != NULL;
}

/* Rules for one property of one record type, before it is written. */
static gboolean
validate_field (RapportStore  *self,
                GType          type,
                const char    *property,
                const GValue  *value,
                GError       **error)
{
  const char *str = G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;

  if (g_str_equal (property, "name"))
    return rapport_text_check (str, RAPPORT_TEXT_NAME, TRUE, error);
  if (g_str_equal (property, "title"))
    return rapport_text_check (str, RAPPORT_TEXT_TITLE, TRUE, error);
  if (g_str_equal (property, "owner"))
    return rapport_text_check (str, RAPPORT_TEXT_OWNER, FALSE, error);
  if (g_str_equal (property, "source"))
    return rapport_text_check (str, RAPPORT_TEXT_SOURCE, FALSE, error);
  if (g_str_equal (property, "body") || g_str_equal (property, "note"))
    return rapport_text_check (str, RAPPORT_TEXT_NOTE, FALSE, error);
  if (g_str_equal (property, "email"))
    return check_email (str, error);
  if (g_str_equal (property, "phone"))
    return check_phone (str, error);
  if (g_str_equal (property, "currency"))
    return check_currency (str, error);
  if (g_str_equal (property, "expected-close"))
    return check_date (str, error);
  if (g_str_equal (property, "organization-id"))
    return check_exists (self, RAPPORT_TYPE_ORGANIZATION, g_value_get_int64 (value), error);
  if (g_str_equal (property, "contact-id"))
    return check_exists (self, RAPPORT_TYPE_CONTACT, g_value_get_int64 (value), error);
  if (str != NULL)
    return rapport_text_check (str, RAPPORT_TEXT_FREE, FALSE, error);

  return TRUE;
}

/* Properties that only a domain operation may change, with its rules. */
static gboolean
is_managed (const char *property)
{
  static const char * const managed[] = {
    "id", "stage-id", "rank", "status", "closed-at", "lost-reason", "created-at",
    "updated-at", "stage-entered-at", "done-at", "rule", "first-contacted-at",
    "pipeline-id", "last-contacted-at", "next-followup-at",
  };

  for (guint i = 0; i < G_N_ELEMENTS (managed); i++)
    if (g_str_equal (property, managed[i]))
      return TRUE;

  return FALSE;
}

static gboolean
has_updated_at (RapportRecord *record)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (record), "updated-at") != NULL;
}

/* One change to one property of a record, checked but not yet written. */
typedef struct
{
  GParamSpec *pspec;
  GValue      value;
} PendingUpdate;

static void
pending_update_clear (PendingUpdate *update)
{
  if (G_IS_VALUE (&update->value))
    g_value_unset (&update->value);
}

/* Checks that @value may be written to @property of @record, and converts
 * it to the property's type, without writing anything. */
static gboolean
prepare_update (RapportStore   *self,
                RapportRecord  *record,
                const char     *property,
                const GValue   *value,
                PendingUpdate  *update,
                GError        **error)
{
  GParamSpec *pspec;

  g_assert (RAPPORT_IS_STORE (self));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);
  if (pspec == NULL || (pspec->flags & RAPPORT_PARAM_COMPUTED) || is_managed (pspec->name))
    return invalid (error, _("The field “%s” cannot be edited directly"), property);

  update->pspec = pspec;
  g_value_init (&update->value, pspec->value_type);
  if (!g_value_transform (value, &update->value) || g_param_value_validate (pspec, &update->value))
    return invalid (error, _("That value is not allowed for the field “%s”"), property);

  /* Empty text is "not set". */
  if (G_VALUE_HOLDS_STRING (&update->value) && g_value_get_string (&update->value) &&
      *g_value_get_string (&update->value) == '\0')
    g_value_set_string (&update->value, NULL);

  return validate_field (self, G_OBJECT_TYPE (record), pspec->name, &update->value, error);
}

/* Writes a prepared change; the caller holds the transaction. */
static gboolean
write_update (RapportStore         *self,
              RapportRecord        *record,
              const PendingUpdate  *update,
              gint64                now,
              GError              **error)
{
  g_autofree char *column = rapport_record_column_name (update->pspec);
  sqlite3_stmt *stmt;

  g_assert (RAPPORT_IS_STORE (self));

  if (has_updated_at (record))
    stmt = dynamic_stmt (self, g_strdup_printf ("UPDATE %s SET %s = ?2, updated_at = ?3 WHERE id = ?1",
                                                rapport_record_get_table (record), column));
  else
    stmt = dynamic_stmt (self, g_strdup_printf ("UPDATE %s SET %s = ?2 WHERE id = ?1",
                                                rapport_record_get_table (record), column));

  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (record));
  rapport_record_bind_value (stmt, 2, update->pspec, &update->value);
  if (has_updated_at (record))
    sqlite3_bind_int64 (stmt, 3, now);

  return rapport_store_step_done (self, stmt, error);
}

/* Sets @n_properties properties of @record in one transaction: every value
 * is checked before the first is written, and any failure writes none. */
static gboolean
update_properties (RapportStore   *self,
                   RapportRecord  *record,
                   guint           n_properties,
                   const char    **properties,
                   const GValue   *values,
                   GError        **error)
{
  g_autofree PendingUpdate *updates = g_new0 (PendingUpdate, MAX (n_properties, 1));
  gint64 now = rapport_store_now (self);
  gboolean ok = FALSE;
  guint i;

  g_assert (RAPPORT_IS_STORE (self));
  g_assert (RAPPORT_IS_RECORD (record));

  for (i = 0; i < n_properties; i++)
    if (!prepare_update (self, record, properties[i], &values[i], &updates[i], error))
      goto out;

  if (!rapport_store_begin (self, error))
    goto out;
  for (i = 0; i < n_properties; i++)
    if (!write_update (self, record, &updates[i], now, error))
      {
        rapport_store_rollback (self);
        goto out;
      }
  if (!rapport_store_commit (self, error))
    goto out;

  reload_record (self, record, NULL);
  rapport_store_emit_changed (self, rapport_record_get_table (record), rapport_record_get_id (record));
  ok = TRUE;

out:
  for (i = 0; i < n_properties; i++)
    pending_update_clear (&updates[i]);
  return ok;
}

gboolean
rapport_store_update (RapportStore   *self,
                      RapportRecord  *record,
                      const char     *property,
                      const GValue   *value,
                      GError        **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_RECORD (record), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);

  return update_properties (self, record, 1, &property, value, error);
}

/* Pipelines and stages */

static void
fill_store_from (RapportStore *self,
                 GListStore   *list,
                 GType         type,
                 sqlite3_stmt *stmt)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      gpointer record = lookup_record (self, type, g_array_index (ids, gint64, i), NULL);

      if (record != NULL)
        g_ptr_array_add (items, record);
    }

  g_list_store_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                       items->pdata, items->len);
}

static void
reload_pipelines (RapportStore *self)
{
  fill_store_from (self, self->pipelines, RAPPORT_TYPE_PIPELINE,
                   rapport_store_stmt (self, STMT_LIST_PIPELINES));
}

GListModel *
rapport_store_get_pipelines (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (self->pipelines == NULL)
    {
      self->pipelines = g_list_store_new (RAPPORT_TYPE_PIPELINE);
      reload_pipelines (self);
    }

  return G_LIST_MODEL (self->pipelines);
}

RapportPipeline *
rapport_store_get_current_pipeline (RapportStore *self)
{
  g_autofree char *current = NULL;
  RapportPipeline *pipeline = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  current = get_setting (self, "current-pipeline");
  if (current != NULL)
    pipeline = lookup_record (self, RAPPORT_TYPE_PIPELINE, g_ascii_strtoll (current, NULL, 10), NULL);

  /* A removed current pipeline falls back to the first one. */
  if (pipeline == NULL && g_list_model_get_n_items (rapport_store_get_pipelines (self)) > 0)
    pipeline = g_list_model_get_item (rapport_store_get_pipelines (self), 0);

  return pipeline;
}

gboolean
rapport_store_set_current_pipeline (RapportStore     *self,
                                    RapportPipeline  *pipeline,
                                    GError          **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (pipeline), FALSE);

  text = g_strdup_printf ("%" G_GINT64_FORMAT, rapport_record_get_id (RAPPORT_RECORD (pipeline)));
  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!set_setting (self, "current-pipeline", text, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  if (!rapport_store_commit (self, error))
    return FALSE;

  rapport_store_emit_changed (self, "pipeline", 0);
  return TRUE;
}

RapportPipeline *
rapport_store_add_pipeline_from_template (RapportStore  *self,
                                          const char    *template_id,
                                          GError       **error)
{
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (!rapport_store_begin (self, error))
    return NULL;
  if (!rapport_schema_seed_pipeline (self, template_id, &id, error))
    {
      rapport_store_rollback (self);
      return NULL;
    }
  if (!rapport_store_commit (self, error))
    return NULL;

  if (self->pipelines != NULL)
    reload_pipelines (self);
  rapport_store_emit_changed (self, "pipeline", id);

  return lookup_record (self, RAPPORT_TYPE_PIPELINE, id, error);
}

RapportPipeline *
rapport_store_use_template (RapportStore  *self,
                            const char    *template_id,
                            GError       **error)
{
  GListModel *pipelines;
  g_autofree char *text = NULL;
  gboolean added = FALSE;
  gint64 id = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (template_id != NULL, NULL);

  pipelines = rapport_store_get_pipelines (self);
  for (guint i = 0; i < g_list_model_get_n_items (pipelines) && id == 0; i++)
    {
      g_autoptr(RapportPipeline) pipeline = g_list_model_get_item (pipelines, i);

      if (g_strcmp0 (rapport_pipeline_get_template (pipeline), template_id) == 0)
        id = rapport_record_get_id (RAPPORT_RECORD (pipeline));
    }

  /* Adding the pipeline and making it current are one change: a failure
   * between them leaves no pipeline that nothing asked for. */
  if (!rapport_store_begin (self, error))
    return NULL;
  if (id == 0)
    {
      if (!rapport_schema_seed_pipeline (self, template_id, &id, error))
        goto fail;
      added = TRUE;
    }
  text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  if (!set_setting (self, "current-pipeline", text, error))
    goto fail;
  if (!rapport_store_commit (self, error))
    return NULL;

  if (added && self->pipelines != NULL)
    reload_pipelines (self);
  rapport_store_emit_changed (self, "pipeline", 0);

  return lookup_record (self, RAPPORT_TYPE_PIPELINE, id, error);

fail:
  rapport_store_rollback (self);
  return NULL;
}

static void
reload_stages (RapportStore *self,
               gint64        pipeline_id,
               GListStore   *list)
{
  sqlite3_stmt *stmt = rapport_store_stmt (self, STMT_LIST_STAGES);

  sqlite3_bind_int64 (stmt, 1, pipeline_id);
  fill_store_from (self, list, RAPPORT_TYPE_STAGE, stmt);
}

GListModel *
rapport_store_get_stages (RapportStore    *self,
                          RapportPipeline *pipeline)
{
  gint64 id;
  GListStore *list;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (pipeline), NULL);

  id = rapport_record_get_id (RAPPORT_RECORD (pipeline));
  list = g_hash_table_lookup (self->stages, &id);
  if (list == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = id;
      list = g_list_store_new (RAPPORT_TYPE_STAGE);
      reload_stages (self, id, list);
      g_hash_table_insert (self->stages, key, list);
    }

  return G_LIST_MODEL (list);
}

RapportStage *
rapport_store_get_stage (RapportStore  *self,
                         gint64         id,
                         GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return lookup_record (self, RAPPORT_TYPE_STAGE, id, error);
}

RapportStage *
rapport_store_find_stage (RapportStore  *self,
                          const char    *id_or_name,
                          GError       **error)
{
  g_autoptr(RapportPipeline) pipeline = rapport_store_get_current_pipeline (self);
  gint64 id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (id_or_name != NULL, NULL);

  if (rapport_id_parse (id_or_name, &id))
    return lookup_record (self, RAPPORT_TYPE_STAGE, id, error);

  id = 0;
  if (pipeline != NULL)
    {
      stmt = rapport_store_stmt (self, STMT_FIND_STAGE_BY_NAME);
      sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (pipeline)));
      sqlite3_bind_text (stmt, 2, id_or_name, -1, SQLITE_TRANSIENT);
      id = step_int64 (self, stmt, 0);
    }

  if (id == 0)
    {
      g_autofree char *quoted = rapport_text_quote (id_or_name);

      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                   _("There is no stage called “%s” in the current pipeline"), quoted);
      return NULL;
    }

  return lookup_record (self, RAPPORT_TYPE_STAGE, id, error);
}

static GPtrArray *
records_from (RapportStore  *self,
              GType          type,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (self, rc, error);
      return NULL;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gpointer record = lookup_record (self, type, g_array_index (ids, gint64, i), error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (ret, record);
    }

  return g_steal_pointer (&ret);
}

GPtrArray *
rapport_store_get_stage_actions (RapportStore  *self,
                                 RapportStage  *stage,
                                 GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_STAGE (stage), NULL);

  stmt = rapport_store_stmt (self, STMT_LIST_STAGE_ACTIONS);
  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (stage)));

  return records_from (self, RAPPORT_TYPE_STAGE_ACTION, stmt, error);
}

/* Looking things up */

RapportDeal *
rapport_store_get_deal (RapportStore  *self,
                        gint64         id,
                        GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return lookup_record (self, RAPPORT_TYPE_DEAL, id, error);
}

RapportContact *
rapport_store_get_contact (RapportStore  *self,
                           gint64         id,
                           GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return lookup_record (self, RAPPORT_TYPE_CONTACT, id, error);
}

RapportOrganization *
rapport_store_get_organization (RapportStore  *self,
                                gint64         id,
                                GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return lookup_record (self, RAPPORT_TYPE_ORGANIZATION, id, error);
}

RapportActivity *
rapport_store_get_activity (RapportStore  *self,
                            gint64         id,
                            GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return lookup_record (self, RAPPORT_TYPE_ACTIVITY, id, error);
}

int
rapport_store_get_deal_position (RapportStore *self,
                                 RapportDeal  *deal)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), -1);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), -1);

  if (rapport_deal_get_status (deal) != RAPPORT_DEAL_STATUS_OPEN)
    return -1;

  stmt = rapport_store_stmt (self, STMT_DEAL_POSITION);
  sqlite3_bind_int64 (stmt, 1, rapport_deal_get_stage_id (deal));
  sqlite3_bind_int64 (stmt, 2, rapport_deal_get_rank (deal));
  sqlite3_bind_int64 (stmt, 3, rapport_record_get_id (RAPPORT_RECORD (deal)));

  return (int) step_int64 (self, stmt, -1);
}

GPtrArray *
rapport_store_list_deal_ids (RapportStore  *self,
                             RapportStage  *stage,
                             GError       **error)
{
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (stage != NULL)
    {
      stmt = rapport_store_stmt (self, STMT_DEAL_IDS_OF_STAGE);
      sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (stage)));
    }
  else
    stmt = dynamic_stmt (self, g_strdup (RAPPORT_SQL_DEAL_IDS));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (ret, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
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
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), NULL);

  stmt = rapport_store_stmt (self, STMT_STAGE_HISTORY);
  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (deal)));

  return records_from (self, RAPPORT_TYPE_STAGE_CHANGE, stmt, error);
}

GPtrArray *
rapport_store_list_followups (RapportStore  *self,
                              gboolean       only_due,
                              GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (only_due)
    {
      stmt = rapport_store_stmt (self, STMT_FOLLOWUP_IDS_DUE);
      sqlite3_bind_int64 (stmt, 1, rapport_store_now (self));
    }
  else
    stmt = rapport_store_stmt (self, STMT_FOLLOWUP_IDS_OPEN);

  return records_from (self, RAPPORT_TYPE_ACTIVITY, stmt, error);
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

GListModel *
rapport_store_get_contacts (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return rapport_record_list_new (self, RAPPORT_TYPE_CONTACT, STMT_CONTACT_IDS, 0);
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

gboolean
rapport_store_list_contains (GListModel *list,
                             gint64      id)
{
  g_return_val_if_fail (RAPPORT_IS_RECORD_LIST (list), FALSE);

  return rapport_record_list_contains (RAPPORT_RECORD_LIST (list), id);
}

gpointer
rapport_store_lookup (RapportStore  *self,
                      GType          type,
                      gint64         id,
                      GError       **error)
{
  return lookup_record (self, type, id, error);
}

/* Creating things */

static gint64
last_id (RapportStore *self)
{
  return sqlite3_last_insert_rowid (self->db);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

RapportOrganization *
rapport_store_add_organization (RapportStore  *self,
                                const char    *name,
                                GError       **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (!rapport_text_check (stripped, RAPPORT_TEXT_NAME, TRUE, error))
    return NULL;

  stmt = rapport_store_stmt (self, STMT_INSERT_ORGANIZATION);
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, rapport_store_now (self));

  if (!rapport_store_begin (self, error))
    return NULL;
  if (!rapport_store_step_done (self, stmt, error))
    {
      rapport_store_rollback (self);
      return NULL;
    }
  id = last_id (self);
  if (!rapport_store_commit (self, error))
    return NULL;

  rapport_store_emit_changed (self, "organization", id);
  return lookup_record (self, RAPPORT_TYPE_ORGANIZATION, id, error);
}

/* The speed-to-lead rule: a new lead gets a follow-up to contact them,
 * due the configured time (an hour by default) after they arrived. */
static gboolean
add_speed_to_lead_followup (RapportStore  *self,
                            gint64         contact_id,
                            const char    *name,
                            gint64         arrived_at,
                            GError       **error)
{
  sqlite3_stmt *stmt = rapport_store_stmt (self, STMT_INSERT_ACTIVITY);
  /* Translators: the follow-up a new lead gets; %s is their name. */
  g_autofree char *title = g_strdup_printf (_("Contact %s"), name);

  sqlite3_bind_int (stmt, 1, RAPPORT_ACTIVITY_FOLLOWUP);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int64 (stmt, 4, arrived_at + (gint64) self->speed_to_lead_minutes * 60);
  sqlite3_bind_null (stmt, 5);
  sqlite3_bind_int64 (stmt, 6, contact_id);
  sqlite3_bind_null (stmt, 7);
  sqlite3_bind_int (stmt, 8, RAPPORT_RULE_SPEED_TO_LEAD);
  sqlite3_bind_int64 (stmt, 9, rapport_store_now (self));

  return rapport_store_step_done (self, stmt, error);
}

RapportContact *
rapport_store_add_contact (RapportStore                *self,
                           const RapportContactFields  *fields,
                           GError                     **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 created_at;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  name = g_strstrip (g_strdup (fields->name ? fields->name : ""));
  if (!rapport_text_check (name, RAPPORT_TEXT_NAME, TRUE, error) ||
      !check_email (fields->email, error) ||
      !check_phone (fields->phone, error) ||
      !rapport_text_check (fields->source, RAPPORT_TEXT_SOURCE, FALSE, error) ||
      !rapport_text_check (fields->owner, RAPPORT_TEXT_OWNER, FALSE, error) ||
      !check_exists (self, RAPPORT_TYPE_ORGANIZATION, fields->organization_id, error))
    return NULL;
  if ((guint) fields->lifecycle > RAPPORT_LIFECYCLE_CUSTOMER)
    {
      invalid (error, _("Unknown lifecycle stage %d"), fields->lifecycle);
      return NULL;
    }

  if (!arrival_time (self, fields->created_at, fields->has_created_at, &created_at, error))
    return NULL;

  stmt = rapport_store_stmt (self, STMT_INSERT_CONTACT);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 2, fields->email);
  bind_text_or_null (stmt, 3, fields->phone);
  bind_id_or_null (stmt, 4, fields->organization_id);
  sqlite3_bind_int (stmt, 5, fields->lifecycle);
  bind_text_or_null (stmt, 6, fields->source);
  bind_text_or_null (stmt, 7, fields->owner);
  sqlite3_bind_int64 (stmt, 8, created_at);
  sqlite3_bind_int64 (stmt, 9, rapport_store_now (self));

  if (!rapport_store_begin (self, error))
    return NULL;
  if (!rapport_store_step_done (self, stmt, error))
    goto fail;
  id = last_id (self);
  if (fields->lifecycle == RAPPORT_LIFECYCLE_LEAD &&
      !add_speed_to_lead_followup (self, id, name, created_at, error))
    goto fail;
  if (!rapport_store_commit (self, error))
    return NULL;

  rapport_store_emit_changed (self, "contact", id);
  if (fields->lifecycle == RAPPORT_LIFECYCLE_LEAD)
    rapport_store_emit_changed (self, "activity", 0);

  return lookup_record (self, RAPPORT_TYPE_CONTACT, id, error);

fail:
  rapport_store_rollback (self);
  return NULL;
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
  sqlite3_stmt *stmt;
  gboolean has_prev = FALSE, has_next = FALSE;
  gint64 prev = 0, next = 0;

  if (position < 0)
    {
      stmt = rapport_store_stmt (self, STMT_DEAL_MAX_RANK);
      sqlite3_bind_int64 (stmt, 1, stage_id);
      sqlite3_bind_int64 (stmt, 2, deal_id);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        {
          *rank = sqlite3_column_int64 (stmt, 0) + RANK_GAP;
          sqlite3_reset (stmt);
          return TRUE;
        }
      sqlite3_reset (stmt);
      *rank = 0;
      return TRUE;
    }

  if (position > 0)
    {
      stmt = rapport_store_stmt (self, STMT_DEAL_RANK_AT);
      sqlite3_bind_int64 (stmt, 1, stage_id);
      sqlite3_bind_int64 (stmt, 2, deal_id);
      sqlite3_bind_int (stmt, 3, position - 1);
      if ((has_prev = sqlite3_step (stmt) == SQLITE_ROW))
        prev = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      /* Past the end: append. */
      if (!has_prev)
        return rank_for_position (self, stage_id, deal_id, -1, rank, error);
    }

  stmt = rapport_store_stmt (self, STMT_DEAL_RANK_AT);
  sqlite3_bind_int64 (stmt, 1, stage_id);
  sqlite3_bind_int64 (stmt, 2, deal_id);
  sqlite3_bind_int (stmt, 3, position);
  if ((has_next = sqlite3_step (stmt) == SQLITE_ROW))
    next = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (!has_prev && !has_next)
    *rank = 0;
  else if (!has_next)
    *rank = prev + RANK_GAP;
  else if (!has_prev)
    *rank = next - RANK_GAP;
  else if (next - prev > 1)
    *rank = prev + (next - prev) / 2;
  else
    {
      /* No room: spread the stage out again, leaving the gap at @position. */
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      stmt = rapport_store_stmt (self, STMT_DEAL_RENUMBER_LIST);
      sqlite3_bind_int64 (stmt, 1, stage_id);
      sqlite3_bind_int64 (stmt, 2, deal_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
        }
      sqlite3_reset (stmt);

      for (guint i = 0; i < ids->len; i++)
        {
          stmt = rapport_store_stmt (self, STMT_DEAL_SET_RANK);
          sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
          sqlite3_bind_int64 (stmt, 2, ((gint64) i + ((int) i >= position ? 1 : 0)) * RANK_GAP);
          if (!rapport_store_step_done (self, stmt, error))
            return FALSE;
        }

      *rank = (gint64) position * RANK_GAP;
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
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  title = g_strstrip (g_strdup (fields->title ? fields->title : ""));
  currency = fields->currency ? fields->currency : self->default_currency;
  stage_id = fields->stage_id ? fields->stage_id : first_stage_id (self);
  now = rapport_store_now (self);

  if (!rapport_text_check (title, RAPPORT_TEXT_TITLE, TRUE, error) ||
      !rapport_text_check (fields->owner, RAPPORT_TEXT_OWNER, FALSE, error) ||
      !arrival_time (self, fields->created_at, fields->has_created_at, &created_at, error))
    return NULL;
  if (fields->value < 0)
    {
      invalid (error, _("The value cannot be negative"));
      return NULL;
    }
  if (!check_currency (currency, error) ||
      !check_date (fields->expected_close, error))
    return NULL;
  if (!check_exists (self, RAPPORT_TYPE_STAGE, stage_id, error) ||
      !check_exists (self, RAPPORT_TYPE_CONTACT, fields->contact_id, error) ||
      !check_exists (self, RAPPORT_TYPE_ORGANIZATION, fields->organization_id, error))
    return NULL;

  if (!rapport_store_begin (self, error))
    return NULL;
  if (!rank_for_position (self, stage_id, 0, -1, &rank, error))
    goto fail;

  stmt = rapport_store_stmt (self, STMT_INSERT_DEAL);
  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, fields->value);
  sqlite3_bind_text (stmt, 3, currency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, stage_id);
  sqlite3_bind_int64 (stmt, 5, rank);
  bind_id_or_null (stmt, 6, fields->contact_id);
  bind_id_or_null (stmt, 7, fields->organization_id);
  bind_text_or_null (stmt, 8, fields->expected_close);
  bind_text_or_null (stmt, 9, fields->owner);
  sqlite3_bind_int64 (stmt, 10, created_at);
  sqlite3_bind_int64 (stmt, 11, now);
  if (!rapport_store_step_done (self, stmt, error))
    goto fail;
  id = last_id (self);

  /* History starts with the stage the deal entered first. */
  stmt = rapport_store_stmt (self, STMT_INSERT_STAGE_CHANGE);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int64 (stmt, 3, stage_id);
  sqlite3_bind_int (stmt, 4, RAPPORT_DEAL_STATUS_OPEN);
  sqlite3_bind_int (stmt, 5, RAPPORT_DEAL_STATUS_OPEN);
  sqlite3_bind_int64 (stmt, 6, created_at);
  if (!rapport_store_step_done (self, stmt, error))
    goto fail;

  if (!rapport_store_commit (self, error))
    return NULL;

  rapport_store_emit_changed (self, "deal", id);
  return lookup_record (self, RAPPORT_TYPE_DEAL, id, error);

fail:
  rapport_store_rollback (self);
  return NULL;
}

/* Deals through the process */

static gboolean
record_stage_change (RapportStore       *self,
                     RapportDeal        *deal,
                     gint64              to_stage_id,
                     RapportDealStatus   to_status,
                     gint64              now,
                     GError            **error)
{
  sqlite3_stmt *stmt = rapport_store_stmt (self, STMT_INSERT_STAGE_CHANGE);

  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (deal)));
  sqlite3_bind_int64 (stmt, 2, rapport_deal_get_stage_id (deal));
  sqlite3_bind_int64 (stmt, 3, to_stage_id);
  sqlite3_bind_int (stmt, 4, rapport_deal_get_status (deal));
  sqlite3_bind_int (stmt, 5, to_status);
  sqlite3_bind_int64 (stmt, 6, now);

  return rapport_store_step_done (self, stmt, error);
}

gboolean
rapport_store_move_deal (RapportStore  *self,
                         RapportDeal   *deal,
                         RapportStage  *stage,
                         int            position,
                         GError       **error)
{
  g_autoptr(RapportStage) current = NULL;
  gint64 deal_id, stage_id, rank, now;
  gboolean changes_stage;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STAGE (stage), FALSE);

  deal_id = rapport_record_get_id (RAPPORT_RECORD (deal));
  stage_id = rapport_record_get_id (RAPPORT_RECORD (stage));
  now = rapport_store_now (self);
  changes_stage = stage_id != rapport_deal_get_stage_id (deal) ||
                  rapport_deal_get_status (deal) != RAPPORT_DEAL_STATUS_OPEN;

  current = lookup_record (self, RAPPORT_TYPE_STAGE, rapport_deal_get_stage_id (deal), NULL);
  if (current != NULL &&
      rapport_stage_get_pipeline_id (current) != rapport_stage_get_pipeline_id (stage))
    return invalid (error, _("“%s” is a stage of another pipeline"), rapport_stage_get_name (stage));

  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!rank_for_position (self, stage_id, deal_id, position, &rank, error))
    goto fail;

  stmt = rapport_store_stmt (self, STMT_DEAL_MOVE);
  sqlite3_bind_int64 (stmt, 1, deal_id);
  sqlite3_bind_int64 (stmt, 2, stage_id);
  sqlite3_bind_int64 (stmt, 3, rank);
  sqlite3_bind_int64 (stmt, 4, now);
  if (!rapport_store_step_done (self, stmt, error))
    goto fail;

  if (changes_stage &&
      !record_stage_change (self, deal, stage_id, RAPPORT_DEAL_STATUS_OPEN, now, error))
    goto fail;

  if (!rapport_store_commit (self, error))
    return FALSE;

  if (self->renumbered_stage != 0)
    reload_live_deals_of_stage (self, self->renumbered_stage);
  reload_record (self, RAPPORT_RECORD (deal), NULL);
  self->renumbered_stage = 0;
  rapport_store_emit_changed (self, "deal", deal_id);
  return TRUE;

fail:
  self->renumbered_stage = 0;
  rapport_store_rollback (self);
  return FALSE;
}

gboolean
rapport_store_set_deal_status (RapportStore       *self,
                               RapportDeal        *deal,
                               RapportDealStatus   status,
                               const char         *lost_reason,
                               GError            **error)
{
  g_autofree char *reason = g_strstrip (g_strdup (lost_reason ? lost_reason : ""));
  gint64 now;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), FALSE);

  if (status == RAPPORT_DEAL_STATUS_LOST && *reason == '\0')
    return invalid (error, _("A lost deal needs a reason, so the team can learn from it"));
  if (!rapport_text_check (reason, RAPPORT_TEXT_REASON, FALSE, error))
    return FALSE;
  if (status == rapport_deal_get_status (deal) && status != RAPPORT_DEAL_STATUS_LOST)
    return TRUE;

  now = rapport_store_now (self);

  stmt = rapport_store_stmt (self, STMT_DEAL_SET_STATUS);
  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (deal)));
  sqlite3_bind_int (stmt, 2, status);
  bind_text_or_null (stmt, 3, status == RAPPORT_DEAL_STATUS_LOST ? reason : NULL);
  if (status == RAPPORT_DEAL_STATUS_OPEN)
    sqlite3_bind_null (stmt, 4);
  else
    sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, now);

  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!rapport_store_step_done (self, stmt, error) ||
      !record_stage_change (self, deal, rapport_deal_get_stage_id (deal), status, now, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  if (!rapport_store_commit (self, error))
    return FALSE;

  reload_record (self, RAPPORT_RECORD (deal), NULL);
  rapport_store_emit_changed (self, "deal", rapport_record_get_id (RAPPORT_RECORD (deal)));
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

  ok = update_properties (self, RAPPORT_RECORD (deal), n, properties, values, error);

  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);

  return ok;
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
  sqlite3_stmt *stmt = rapport_store_stmt (self, STMT_CONTACT_FIRST_CONTACT);

  sqlite3_bind_int64 (stmt, 1, contact_id);
  sqlite3_bind_int64 (stmt, 2, when);
  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;

  stmt = rapport_store_stmt (self, STMT_SPEED_TO_LEAD_OF_CONTACT);
  sqlite3_bind_int64 (stmt, 1, contact_id);
  sqlite3_bind_int64 (stmt, 2, when);

  return rapport_store_step_done (self, stmt, error);
}

static void
after_contact_touched (RapportStore *self,
                       gint64        contact_id)
{
  GHashTable *contacts = identity_of (self, RAPPORT_TYPE_CONTACT);
  RapportRecord *contact = g_hash_table_lookup (contacts, &contact_id);

  if (contact != NULL)
    reload_record (self, contact, NULL);
  reload_live (self, RAPPORT_TYPE_ACTIVITY);

  rapport_store_emit_changed (self, "contact", contact_id);
  rapport_store_emit_changed (self, "activity", 0);
}

static const char *
activity_default_title (RapportActivityKind kind)
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
  sqlite3_stmt *stmt;
  gint64 now, id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (kind != RAPPORT_ACTIVITY_CALL && kind != RAPPORT_ACTIVITY_EMAIL && kind != RAPPORT_ACTIVITY_MEETING)
    {
      invalid (error, _("Only calls, emails and meetings can be logged as done"));
      return NULL;
    }
  if (contact_id == 0 && deal_id == 0)
    {
      invalid (error, _("An activity needs a contact or a deal"));
      return NULL;
    }
  if (!check_exists (self, RAPPORT_TYPE_CONTACT, contact_id, error) ||
      !check_exists (self, RAPPORT_TYPE_DEAL, deal_id, error) ||
      !rapport_text_check (note, RAPPORT_TEXT_NOTE, FALSE, error))
    return NULL;

  now = rapport_store_now (self);

  stmt = rapport_store_stmt (self, STMT_INSERT_ACTIVITY);
  sqlite3_bind_int (stmt, 1, kind);
  sqlite3_bind_text (stmt, 2, activity_default_title (kind), -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 3, note);
  sqlite3_bind_null (stmt, 4);
  sqlite3_bind_int64 (stmt, 5, now);
  bind_id_or_null (stmt, 6, contact_id);
  bind_id_or_null (stmt, 7, deal_id);
  sqlite3_bind_int (stmt, 8, RAPPORT_RULE_NONE);
  sqlite3_bind_int64 (stmt, 9, now);

  if (!rapport_store_begin (self, error))
    return NULL;
  if (!rapport_store_step_done (self, stmt, error))
    goto fail;
  id = last_id (self);
  if (contact_id != 0 && !mark_first_contact (self, contact_id, now, error))
    goto fail;
  if (!rapport_store_commit (self, error))
    return NULL;

  if (contact_id != 0)
    after_contact_touched (self, contact_id);
  else
    rapport_store_emit_changed (self, "activity", id);

  return lookup_record (self, RAPPORT_TYPE_ACTIVITY, id, error);

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
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (!rapport_text_check (stripped, RAPPORT_TEXT_TITLE, TRUE, error) ||
      !check_exists (self, RAPPORT_TYPE_CONTACT, contact_id, error) ||
      !check_exists (self, RAPPORT_TYPE_DEAL, deal_id, error))
    return NULL;
  if (due_at <= 0)
    {
      invalid (error, _("A follow-up needs a due time"));
      return NULL;
    }

  stmt = rapport_store_stmt (self, STMT_INSERT_ACTIVITY);
  sqlite3_bind_int (stmt, 1, RAPPORT_ACTIVITY_FOLLOWUP);
  sqlite3_bind_text (stmt, 2, stripped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int64 (stmt, 4, due_at);
  sqlite3_bind_null (stmt, 5);
  bind_id_or_null (stmt, 6, contact_id);
  bind_id_or_null (stmt, 7, deal_id);
  sqlite3_bind_int (stmt, 8, RAPPORT_RULE_NONE);
  sqlite3_bind_int64 (stmt, 9, rapport_store_now (self));

  if (!rapport_store_begin (self, error))
    return NULL;
  if (!rapport_store_step_done (self, stmt, error))
    {
      rapport_store_rollback (self);
      return NULL;
    }
  id = last_id (self);
  if (!rapport_store_commit (self, error))
    return NULL;

  rapport_store_emit_changed (self, "activity", id);
  return lookup_record (self, RAPPORT_TYPE_ACTIVITY, id, error);
}

/* After a follow-up's done state changed: the object, its contact (whose
 * dates the triggers moved) and the lists. */
static void
after_activity_written (RapportStore    *self,
                        RapportActivity *activity,
                        gint64           contact_id)
{
  reload_record (self, RAPPORT_RECORD (activity), NULL);
  if (contact_id != 0)
    after_contact_touched (self, contact_id);
  else
    rapport_store_emit_changed (self, "activity", rapport_record_get_id (RAPPORT_RECORD (activity)));
}

gboolean
rapport_store_complete_activity (RapportStore     *self,
                                 RapportActivity  *activity,
                                 GError          **error)
{
  gint64 contact_id, now;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (activity), FALSE);

  if (rapport_activity_get_done_at (activity) != 0)
    return TRUE;

  now = rapport_store_now (self);
  contact_id = rapport_activity_get_contact_id (activity);

  stmt = rapport_store_stmt (self, STMT_ACTIVITY_COMPLETE);
  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (activity)));
  sqlite3_bind_int64 (stmt, 2, now);

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
                                 sqlite3_stmt     *stmt,
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
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (activity), FALSE);

  if (rapport_activity_get_done_at (activity) == 0)
    return TRUE;

  contact_id = rapport_activity_get_contact_id (activity);
  stmt = rapport_store_stmt_sql (self, "UPDATE activity SET done_at = NULL, reminded_level = 0 WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (activity)));

  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!rapport_store_step_done (self, stmt, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  if (!rapport_store_commit (self, error))
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
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (activity), FALSE);

  if (rapport_activity_get_done_at (activity) != 0)
    return invalid (error, _("This follow-up is already done"));
  if (until <= 0)
    return invalid (error, _("A snooze needs a time to wake up"));

  stmt = rapport_store_stmt (self, STMT_ACTIVITY_SNOOZE);
  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (activity)));
  sqlite3_bind_int64 (stmt, 2, until);

  return update_activity (self, activity, stmt, error);
}

/* One statement on one activity, its own transaction; reloads the object. */
static gboolean
update_activity (RapportStore     *self,
                 RapportActivity  *activity,
                 sqlite3_stmt     *stmt,
                 GError          **error)
{
  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!rapport_store_step_done (self, stmt, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  if (!rapport_store_commit (self, error))
    return FALSE;

  reload_record (self, RAPPORT_RECORD (activity), NULL);
  rapport_store_emit_changed (self, "activity", rapport_record_get_id (RAPPORT_RECORD (activity)));
  return TRUE;
}

gboolean
rapport_store_reschedule_activity (RapportStore     *self,
                                   RapportActivity  *activity,
                                   gint64            due_at,
                                   GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (activity), FALSE);

  if (rapport_activity_get_done_at (activity) != 0)
    return invalid (error, _("This follow-up is already done"));
  if (due_at <= 0)
    return invalid (error, _("A follow-up needs a due time"));

  stmt = rapport_store_stmt (self, STMT_ACTIVITY_RESCHEDULE);
  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (activity)));
  sqlite3_bind_int64 (stmt, 2, due_at);

  return update_activity (self, activity, stmt, error);
}

gboolean
rapport_store_set_reminded (RapportStore     *self,
                            RapportActivity  *activity,
                            int               level,
                            GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (level >= 0 && level <= 2, FALSE);

  stmt = rapport_store_stmt (self, STMT_ACTIVITY_REMINDED);
  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (activity)));
  sqlite3_bind_int (stmt, 2, level);
  sqlite3_bind_int64 (stmt, 3, rapport_store_now (self));

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
      sqlite3_stmt *stmt = rapport_store_stmt (self, STMT_ACTIVITY_REMINDED);

      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int (stmt, 2, level);
      sqlite3_bind_int64 (stmt, 3, now);
      if (!rapport_store_step_done (self, stmt, error))
        {
          rapport_store_rollback (self);
          return FALSE;
        }
    }

  if (!rapport_store_commit (self, error))
    return FALSE;

  reload_live (self, RAPPORT_TYPE_ACTIVITY);
  rapport_store_emit_changed (self, "activity", 0);
  return TRUE;
}

/* Notes and the negotiation log */

RapportNote *
rapport_store_add_note (RapportStore  *self,
                        gint64         contact_id,
                        gint64         deal_id,
                        gint64         organization_id,
                        const char    *body,
                        GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (contact_id == 0 && deal_id == 0 && organization_id == 0)
    {
      invalid (error, _("A note belongs to a contact, a deal or an organization"));
      return NULL;
    }
  if (!rapport_text_check (body, RAPPORT_TEXT_NOTE, TRUE, error) ||
      !check_exists (self, RAPPORT_TYPE_CONTACT, contact_id, error) ||
      !check_exists (self, RAPPORT_TYPE_DEAL, deal_id, error) ||
      !check_exists (self, RAPPORT_TYPE_ORGANIZATION, organization_id, error))
    return NULL;

  stmt = rapport_store_stmt (self, STMT_INSERT_NOTE);
  bind_id_or_null (stmt, 1, contact_id);
  bind_id_or_null (stmt, 2, deal_id);
  bind_id_or_null (stmt, 3, organization_id);
  sqlite3_bind_text (stmt, 4, body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, rapport_store_now (self));

  if (!rapport_store_begin (self, error))
    return NULL;
  if (!rapport_store_step_done (self, stmt, error))
    {
      rapport_store_rollback (self);
      return NULL;
    }
  id = last_id (self);
  if (!rapport_store_commit (self, error))
    return NULL;

  rapport_store_emit_changed (self, "note", id);
  return lookup_record (self, RAPPORT_TYPE_NOTE, id, error);
}

RapportNegotiationEntry *
rapport_store_add_negotiation_entry (RapportStore            *self,
                                     RapportDeal             *deal,
                                     RapportNegotiationKind   kind,
                                     gint64                   amount,
                                     const char              *text,
                                     GError                 **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), NULL);

  if ((guint) kind > RAPPORT_NEGOTIATION_CONCESSION)
    {
      invalid (error, _("Unknown kind of negotiation entry"));
      return NULL;
    }
  if (amount < 0)
    {
      invalid (error, _("The amount cannot be negative"));
      return NULL;
    }
  /* An entry says something: what was offered, or what was said. */
  if (amount == 0 && rapport_text_is_invisible (text))
    {
      invalid (error, _("Give an amount or what was said"));
      return NULL;
    }
  if (!rapport_text_check (text, RAPPORT_TEXT_FREE, FALSE, error))
    return NULL;

  stmt = rapport_store_stmt (self, STMT_INSERT_NEGOTIATION);
  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (deal)));
  sqlite3_bind_int (stmt, 2, kind);
  sqlite3_bind_int64 (stmt, 3, amount);
  sqlite3_bind_text (stmt, 4, rapport_deal_get_currency (deal), -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 5, text);
  sqlite3_bind_int64 (stmt, 6, rapport_store_now (self));

  if (!rapport_store_begin (self, error))
    return NULL;
  if (!rapport_store_step_done (self, stmt, error))
    {
      rapport_store_rollback (self);
      return NULL;
    }
  id = last_id (self);
  if (!rapport_store_commit (self, error))
    return NULL;

  rapport_store_emit_changed (self, "negotiation_entry", id);
  return lookup_record (self, RAPPORT_TYPE_NEGOTIATION_ENTRY, id, error);
}

/* The playbook checklist */

GHashTable *
rapport_store_get_done_actions (RapportStore  *self,
                                RapportDeal   *deal,
                                GError       **error)
{
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), NULL);

  stmt = rapport_store_stmt (self, STMT_ACTION_DONE_LIST);
  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (deal)));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 action = sqlite3_column_int64 (stmt, 0);
      gint64 when = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (done, g_memdup2 (&action, sizeof action), g_memdup2 (&when, sizeof when));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
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
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STAGE_ACTION (action), FALSE);

  stmt = rapport_store_stmt (self, done ? STMT_ACTION_SET_DONE : STMT_ACTION_SET_UNDONE);
  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (deal)));
  sqlite3_bind_int64 (stmt, 2, rapport_record_get_id (RAPPORT_RECORD (action)));
  if (done)
    sqlite3_bind_int64 (stmt, 3, rapport_store_now (self));

  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!rapport_store_step_done (self, stmt, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  if (!rapport_store_commit (self, error))
    return FALSE;

  rapport_store_emit_changed (self, "deal_action", rapport_record_get_id (RAPPORT_RECORD (deal)));
  return TRUE;
}

/* What cards show */

gboolean
rapport_store_deal_has_overdue_followup (RapportStore *self,
                                         RapportDeal  *deal)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), FALSE);

  stmt = rapport_store_stmt (self, STMT_DEAL_OVERDUE_FOLLOWUP);
  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (deal)));
  sqlite3_bind_int64 (stmt, 2, rapport_store_now (self));

  return step_int64 (self, stmt, 0) != 0;
}

gboolean
rapport_store_deal_is_rotting (RapportStore *self,
                               RapportDeal  *deal)
{
  g_autoptr(RapportStage) stage = NULL;
  sqlite3_stmt *stmt;
  gint64 now = rapport_store_now (self);
  int days;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), FALSE);

  if (rapport_deal_get_status (deal) != RAPPORT_DEAL_STATUS_OPEN)
    return FALSE;

  stage = lookup_record (self, RAPPORT_TYPE_STAGE, rapport_deal_get_stage_id (deal), NULL);
  days = stage ? rapport_stage_get_rotting_days (stage) : 0;
  if (days <= 0 || rapport_deal_get_stage_entered_at (deal) + (gint64) days * 86400 > now)
    return FALSE;

  /* Something scheduled ahead means someone is on it. */
  stmt = rapport_store_stmt (self, STMT_DEAL_NEXT_ACTIVITY);
  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (deal)));
  sqlite3_bind_int64 (stmt, 2, now);

  return step_int64 (self, stmt, 0) == 0;
}

void
rapport_store_get_stage_totals (RapportStore *self,
                                RapportStage *stage,
                                guint        *n_deals,
                                gint64       *total,
                                gint64       *weighted)
{
  sqlite3_stmt *stmt;
  guint n = 0;
  gint64 sum = 0;

  g_return_if_fail (RAPPORT_IS_STORE (self));
  g_return_if_fail (RAPPORT_IS_STAGE (stage));

  stmt = rapport_store_stmt (self, STMT_STAGE_TOTALS);
  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (stage)));
  sqlite3_bind_text (stmt, 2, self->default_currency, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      n = (guint) sqlite3_column_int64 (stmt, 0);
      sum = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (n_deals != NULL)
    *n_deals = n;
  if (total != NULL)
    *total = sum;
  if (weighted != NULL)
    *weighted = sum / 100 * rapport_stage_get_probability (stage)
                + sum % 100 * rapport_stage_get_probability (stage) / 100;
}

/* Prefix search for pickers */

static GPtrArray *
find_by_prefix (RapportStore  *self,
                GType          type,
                RapportStmt    which,
                const char    *prefix,
                guint          limit,
                GError       **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (prefix ? prefix : ""));
  g_autofree char *upper = g_strconcat (stripped, "\xf4\x8f\xbf\xbf", NULL);
  sqlite3_stmt *stmt = rapport_store_stmt (self, which);

  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, upper, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, (int) MIN (limit, G_MAXINT));

  return records_from (self, type, stmt, error);
}

GPtrArray *
rapport_store_find_contacts_by_prefix (RapportStore  *self,
                                       const char    *prefix,
                                       guint          limit,
                                       GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return find_by_prefix (self, RAPPORT_TYPE_CONTACT, STMT_CONTACT_PREFIX, prefix, limit, error);
}

GPtrArray *
rapport_store_find_deals_by_prefix (RapportStore  *self,
                                    const char    *prefix,
                                    guint          limit,
                                    GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return find_by_prefix (self, RAPPORT_TYPE_DEAL, STMT_DEAL_PREFIX, prefix, limit, error);
}

GPtrArray *
rapport_store_find_organizations_by_prefix (RapportStore  *self,
                                            const char    *prefix,
                                            guint          limit,
                                            GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return find_by_prefix (self, RAPPORT_TYPE_ORGANIZATION, STMT_ORGANIZATION_PREFIX, prefix, limit, error);
}

/* What the reminders read: a few rows, not every pending follow-up */

GPtrArray *
rapport_store_list_reminder_candidates (RapportStore  *self,
                                        gint64         now,
                                        int            lead_seconds,
                                        GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = rapport_store_stmt (self, STMT_FOLLOWUP_REMINDER_CANDIDATES);
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int (stmt, 2, MAX (lead_seconds, 0));

  return records_from (self, RAPPORT_TYPE_ACTIVITY, stmt, error);
}

GPtrArray *
rapport_store_list_followups_after (RapportStore  *self,
                                    gint64         after,
                                    gint64         after_id,
                                    guint          limit,
                                    GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = rapport_store_stmt (self, STMT_FOLLOWUP_IDS_AFTER);
  sqlite3_bind_int64 (stmt, 1, after);
  sqlite3_bind_int (stmt, 2, (int) MIN (limit, G_MAXINT));
  sqlite3_bind_int64 (stmt, 3, after_id);

  return records_from (self, RAPPORT_TYPE_ACTIVITY, stmt, error);
}

gboolean
rapport_store_has_pending_followups (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  return step_int64 (self, rapport_store_stmt (self, STMT_FOLLOWUP_ANY_PENDING), 0) != 0;
}

/* Speed to lead */

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

gboolean
rapport_store_get_speed_to_lead (RapportStore        *self,
                                 RapportSpeedToLead  *stats,
                                 GError             **error)
{
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 now, limit;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  memset (stats, 0, sizeof *stats);
  stats->minutes = self->speed_to_lead_minutes;
  limit = (gint64) self->speed_to_lead_minutes * 60;
  now = rapport_store_now (self);

  stmt = rapport_store_stmt (self, STMT_SPEED_TO_LEAD_TIMES);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 arrived = sqlite3_column_int64 (stmt, 0);

      stats->n_leads++;
      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        {
          stats->n_waiting++;
          if (now - arrived > limit)
            stats->n_waiting_late++;
        }
      else
        {
          gint64 delay = sqlite3_column_int64 (stmt, 1) - arrived;

          /* Contacted before arriving says the clock was wrong, not that
           * the lead was answered in time: counted, but not as within. */
          stats->n_contacted++;
          if (delay < 0)
            continue;

          g_array_append_val (delays, delay);
          if (delay <= limit)
            stats->n_within++;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return rapport_store_set_error (self, rc, error);

  if (delays->len > 0)
    {
      g_array_sort (delays, compare_gint64);
      stats->median_seconds = delays->len % 2
        ? g_array_index (delays, gint64, delays->len / 2)
        : (g_array_index (delays, gint64, delays->len / 2 - 1) + g_array_index (delays, gint64, delays->len / 2)) / 2;
    }

  return TRUE;
}
