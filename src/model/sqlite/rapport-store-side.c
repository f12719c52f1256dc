/* rapport-store-side.c — a second connection that reads the same snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report is a handful of independent index reads, all in one snapshot of
 * the file; one connection runs them one after another on one core. The
 * side reader is a read-only connection of this process to the same file,
 * so a second thread can run some of the reads meanwhile.
 *
 * SQLite 3.40 as Debian builds it has no sqlite3_snapshot_open(), so the
 * two read transactions are made to agree another way. The store's
 * connection notes its PRAGMA data_version, the side connection begins,
 * then the store's connection begins and reads it again. The value moves
 * whenever the store's connection starts a read on a file another
 * connection committed to since its last read. If it did not move, both
 * snapshots are the one of the first read: nothing was committed between
 * the first read and the second, and the side's began in between. If it
 * moved, both end and it is tried again; after a few tries (other
 * programs committing all the time) the report reads on one connection.
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include "rapport-sqlite-private.h"

#define N_TRIES 3

struct _RapportSideRead
{
  sqlite3    *db;
  GHashTable *stmt_cache;
};

static void
side_free (RapportSideRead *side)
{
  g_clear_pointer (&side->stmt_cache, g_hash_table_unref);
  g_clear_pointer (&side->db, sqlite3_close);
  g_free (side);
}

void
rapport_store_close_side (RapportStore *self)
{
  g_clear_pointer (&self->side, side_free);
}

static gboolean
side_configure (sqlite3 *db)
{
  /* Kept like the store's own (see configure_connection()): this
   * connection closing must never take the -wal with it. */
  static const char pragmas[] =
    "PRAGMA temp_store = MEMORY;"
    "PRAGMA mmap_size = 0;"
    "PRAGMA cache_size = -32768;";
  g_autofree char *mode = NULL;
  sqlite3_stmt *stmt = NULL;
  int persist = 1;

  sqlite3_busy_timeout (db, RAPPORT_BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, 1);
  sqlite3_file_control (db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
  if (sqlite3_exec (db, pragmas, NULL, NULL, NULL) != SQLITE_OK)
    return FALSE;

  /* Two snapshots side by side exist only in WAL mode. */
  if (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return g_strcmp0 (mode, "wal") == 0;
}

/* Opened once, on the first report, and kept with the store. */
static RapportSideRead *
side_get (RapportStore *self)
{
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;

  if (self->side != NULL || self->side_failed)
    return self->side;

  self->side_failed = TRUE;
  uri = rapport_store_file_uri (self->path, FALSE);
  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_URI | SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
      !side_configure (db) ||
      /* It opened the file by its name: is that still ours? */
      rapport_db_file_verify (self->file, 0) != RAPPORT_DB_FILE_FINE)
    {
      g_debug ("No side reader for %s: %s", self->path, db != NULL ? sqlite3_errmsg (db) : "out of memory");
      sqlite3_close (db);
      return NULL;
    }

  self->side_failed = FALSE;
  self->side = g_new0 (RapportSideRead, 1);
  self->side->db = db;
  self->side->stmt_cache = rapport_db_stmt_cache_new ();

  return self->side;
}

static gint64
data_version (RapportStore *self)
{
  return rapport_store_step_int64 (self, rapport_store_stmt (self, STMT_DATA_VERSION), -1);
}

/* A read transaction that has its snapshot: BEGIN alone takes none. */
static gboolean
side_begin (RapportSideRead *side)
{
  return sqlite3_exec (side->db, "BEGIN DEFERRED; SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) == SQLITE_OK;
}

static void
side_end (RapportSideRead *side)
{
  /* Nothing was written: ending it cannot lose anything. */
  sqlite3_exec (side->db, "COMMIT", NULL, NULL, NULL);
}

gboolean
rapport_store_read_begin_with_side (RapportStore     *self,
                                    gboolean         *began,
                                    RapportSideRead **side,
                                    GError          **error)
{
  RapportSideRead *reader = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  *side = NULL;
  if (!self->is_copy && !self->read_only && self->lost == RAPPORT_DB_FILE_FINE &&
      sqlite3_get_autocommit (self->db))
    reader = side_get (self);

  for (int i = 0; reader != NULL && i < N_TRIES; i++)
    {
      gint64 before = data_version (self);

      if (!side_begin (reader))
        {
          side_end (reader);
          break;
        }
      if (!rapport_store_read_begin (self, began, error))
        {
          side_end (reader);
          return FALSE;
        }
      if (before >= 0 && data_version (self) == before)
        {
          *side = reader;
          self->side_reads++;
          return TRUE;
        }

      /* Another program committed in between: the two may differ. */
      side_end (reader);
      rapport_store_read_end (self, *began);
    }

  return rapport_store_read_begin (self, began, error);
}

void
rapport_store_read_end_with_side (RapportStore    *self,
                                  gboolean         began,
                                  RapportSideRead *side)
{
  if (side != NULL)
    side_end (side);
  rapport_store_read_end (self, began);
}

RapportSqlStmt *
rapport_side_read_stmt_sql (RapportSideRead *side,
                            const char      *sql)
{
  return rapport_db_cached_stmt (side->db, side->stmt_cache, sql);
}

gboolean
rapport_side_read_set_error (RapportSideRead  *side,
                             int               rc,
                             GError          **error)
{
  return rapport_db_set_error (side->db, rc, error);
}

guint
rapport_store_get_side_reads (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);

  return self->side_reads;
}
