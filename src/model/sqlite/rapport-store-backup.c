/* rapport-store-backup.c — backups and restores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rapport-sqlite-private.h"

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

/* Daily backups */

/* The folder of this database's daily backups, in the user's data folder
 * (not beside a file that may be on a USB stick or in a shared folder):
 * one folder per database, named after the file and its place. */
char *
rapport_store_get_backup_dir (RapportStore *self)
{
  g_autofree char *absolute = NULL;
  g_autofree char *base = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;
  char *dot;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  absolute = g_canonicalize_filename (self->path, NULL);
  base = g_path_get_basename (absolute);
  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);
  hash[8] = '\0';
  name = g_strdup_printf ("%s-%s", base, hash);
  return g_build_filename (g_get_user_data_dir (), "rapport", "backups", name, NULL);
}

static char *
daily_name (GDateTime *day)
{
  return g_date_time_format (day, "%Y-%m-%d.db");
}

char *
rapport_store_daily_backup_due (RapportStore *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  now = g_date_time_new_from_unix_local (rapport_store_now (self));
  dir = rapport_store_get_backup_dir (self);
  name = daily_name (now);
  path = g_build_filename (dir, name, NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS) ? NULL : g_steal_pointer (&path);
}

gboolean
rapport_backup_copy (const char  *db_path,
                     const char  *dest,
                     GError     **error)
{
  g_autofree char *partial = g_strconcat (dest, ".partial", NULL);
  g_autofree char *uri = rapport_store_file_uri (db_path, FALSE);
  sqlite3 *source = NULL;
  sqlite3 *copy = NULL;
  gboolean ok;
  int rc;
  rapport_sqlite_init ();

  g_unlink (partial);
  if (!create_new_file (partial, error))
    return FALSE;

  /* Its own connections, no descriptor of ours: any thread may run this
   * while the store works on. */
  rc = sqlite3_open_v2 (uri, &source, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    sqlite3_busy_timeout (source, RAPPORT_BUSY_TIMEOUT_MS);
  ok = rc == SQLITE_OK ? TRUE : rapport_db_set_error (source, rc, error);
  if (ok && (rc = sqlite3_open_v2 (partial, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL)) != SQLITE_OK)
    ok = rapport_db_set_error (copy, rc, error);
  ok = ok && copy_database (copy, source, error);
  if (ok && (rc = sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL)) != SQLITE_OK)
    ok = rapport_db_set_error (copy, rc, error);
  sqlite3_close (copy);
  sqlite3_close (source);

  /* Under its name whole, and never over a file there: link() refuses
   * an existing name where rename() would replace it. */
  if (ok && link (partial, dest) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                     _("“%s” already exists; a backup never overwrites a file"), dest);
      else
        g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_IO, _("Cannot save the backup as “%s”: %s"),
                     dest, g_strerror (saved_errno));
      ok = FALSE;
    }
  g_unlink (partial);
  return ok;
}

guint
rapport_backup_prune (const char *dir,
                      guint       keep_days,
                      gint64      now)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) oldest = g_date_time_add_days (today, -(int) keep_days + 1);
  g_autofree char *keep_from = daily_name (oldest);
  const char *name;
  guint removed = 0;

  if (handle == NULL || keep_days == 0)
    return 0;
  /* Only the names this code gives ("2026-12-03.db"): they sort as dates. */
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;

      if (strlen (name) != strlen ("YYYY-MM-DD.db") || !g_str_has_suffix (name, ".db") ||
          !g_ascii_isdigit (name[0]) || name[4] != '-' || name[7] != '-' || strcmp (name, keep_from) >= 0)
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_unlink (path) == 0)
        removed++;
    }
  return removed;
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
  if (!rapport_store_verify_file (self, 0, error))
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
  self->restore_generation = MAX (self->restore_generation, rapport_store_read_restore_generation (self)) + 1;
  generation = g_strdup_printf ("%" G_GINT64_FORMAT, self->restore_generation);
  if (rapport_store_begin (self, error))
    {
      if (!rapport_store_set_setting (self, "restore-generation", generation, error) ||
          !rapport_store_commit (self, error))
        rapport_store_rollback (self);
    }
  /* The checkpoint may shrink the main file: its size now is our own. */
  sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  rapport_db_file_accept_size (self->file);

  self->data_version = rapport_store_step_int64 (self, rapport_store_stmt (self, STMT_DATA_VERSION), 0);
  rapport_store_reload_everything (self);

  if (saved_path != NULL)
    *saved_path = g_steal_pointer (&safety);

  return TRUE;
}
