/* rapport-store-open.c — looking at a file, refusing it, or opening it
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
#include <unistd.h>

#include "rapport-money.h"
#include "rapport-sqlite-private.h"

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
char *
rapport_store_file_uri (const char *path,
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
  g_autofree char *uri = rapport_store_file_uri (self->path, !rapport_db_file_has_wal (self->file));
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
    "PRAGMA synchronous = FULL;"
    /* Bounds the kept -wal (see PERSIST_WAL below); the last program to
     * close truncates it to nothing. */
    "PRAGMA journal_size_limit = 1048576;";
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
    {
      /* A closing program that believes it is the file's last one deletes
       * the -wal and -shm. It may be wrong: closing any descriptor of the
       * file drops all the POSIX locks a process holds on it, SQLite's
       * included, and GTK's file chooser does just that when it sniffs the
       * files of the folder it shows. The app, its locks gone, then writes
       * on into a deleted -wal. Kept, they stay the ones everyone uses. */
      int persist = 1;

      sqlite3_file_control (self->db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
      rc = sqlite3_exec (self->db, writer_pragmas, NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, pragmas, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return rapport_store_set_error (self, rc, error);

  return TRUE;
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
  if (!rapport_store_set_setting (self, "current-pipeline", pipeline, error) ||
      !rapport_store_set_setting (self, "default-currency", currency, error) ||
      !rapport_store_set_setting (self, "speed-to-lead-minutes", "60", error))
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
  g_atomic_int_set (&self->check_state, ok ? RAPPORT_CHECK_OK : RAPPORT_CHECK_DAMAGED);
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
    g_signal_emit (self, rapport_store_signals[RAPPORT_STORE_SIGNAL_DAMAGED], 0, self->check_error->message);
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
  g_atomic_int_set (&self->check_state, RAPPORT_CHECK_PENDING);
  self->check_idle_id = g_idle_add_full (G_PRIORITY_LOW, start_background_check_idle_cb, self, NULL);
  g_source_set_name_by_id (self->check_idle_id, "[rapport] start the file check");
}

gboolean
rapport_store_is_checked (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  return g_atomic_int_get (&self->check_state) == RAPPORT_CHECK_OK;
}

gboolean
rapport_store_wait_for_check (RapportStore  *self,
                              GError       **error)
{
  gboolean ok;

  if (self->check_idle_id != 0)
    start_background_check (self);

  g_mutex_lock (&self->check_mutex);
  while (self->check_state == RAPPORT_CHECK_PENDING)
    g_cond_wait (&self->check_cond, &self->check_mutex);
  ok = self->check_state == RAPPORT_CHECK_OK;
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
  g_autofree char *uri = rapport_store_file_uri (self->path, !writable && !rapport_db_file_has_wal (self->file));
  /* Only the thread that made the store uses its connection (the
   * background check opens one of its own), so SQLite need not lock a
   * mutex around every call: that was 5% of a report's time. */
  int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX |
              (self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);
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
      !(version == RAPPORT_SCHEMA_VERSION && (self->flags & RAPPORT_STORE_ALREADY_CHECKED)) &&
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

gboolean
rapport_store_open_file (RapportStore  *self,
                         const char    *template_id,
                         GError       **error)
{
  RapportDbHeader header;
  gboolean ok;

  rapport_sqlite_init ();
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
    {
      rapport_db_file_note_wal (self->file);
      rapport_db_file_hold (self->file);
    }
  rapport_store_load_settings (self);
  self->restore_generation = rapport_store_read_restore_generation (self);
  self->data_version = rapport_store_step_int64 (self, rapport_store_stmt (self, STMT_DATA_VERSION), 0);

  return TRUE;
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
