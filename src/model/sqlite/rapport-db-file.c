/* rapport-db-file.c — the database file itself, as the store holds it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-store"

/* F_OFD_SETLK and its kin */
#define _GNU_SOURCE 1

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rapport-db-file.h"
#include "rapport-error.h"

/* Opening a new or old file may migrate it, which on a large file takes
 * seconds; a program that waits longer than this for another to finish
 * says so instead of hanging. */
#define LOCK_TIMEOUT_US (120 * G_USEC_PER_SEC)

struct _RapportDbFile
{
  char     *path;
  char     *wal_path;
  char     *shm_path;
  int       fd;
  gboolean  writable;
  gboolean  locked;
  gboolean  held;

  /* What was opened, to tell when the name points elsewhere. */
  dev_t     dev;
  ino_t     ino;
  goffset   max_size;
  gboolean  have_wal;
  dev_t     wal_dev;
  ino_t     wal_ino;
};

RapportDbFile *
rapport_db_file_open (const char  *path,
                      GError     **error)
{
  g_autoptr(RapportDbFile) file = g_new0 (RapportDbFile, 1);
  g_autofree char *dir = g_path_get_dirname (path);
  struct stat st;

  file->fd = -1;
  file->path = g_strdup (path);
  file->wal_path = g_strconcat (path, "-wal", NULL);
  file->shm_path = g_strconcat (path, "-shm", NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_IO,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  /* 0600 from the first byte: a CRM holds other people's details. SQLite
   * gives its -wal and -shm files the same mode. */
  file->fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  file->writable = file->fd >= 0;
  if (file->fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM))
    file->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (file->fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_IO,
                   _("Cannot open “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (file->fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Rapport database (not a regular file); it was left unchanged"),
                   path);
      return NULL;
    }

  file->dev = st.st_dev;
  file->ino = st.st_ino;
  file->max_size = st.st_size;

  return g_steal_pointer (&file);
}

void
rapport_db_file_free (RapportDbFile *file)
{
  if (file == NULL)
    return;

  if (file->fd >= 0)
    close (file->fd);
  g_free (file->path);
  g_free (file->wal_path);
  g_free (file->shm_path);
  g_free (file);
}

gboolean
rapport_db_file_is_writable (RapportDbFile *file)
{
  return file->writable;
}

static guint32
read_be32 (const guchar *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) | ((guint32) bytes[2] << 8) | bytes[3];
}

gboolean
rapport_db_file_read_header (RapportDbFile    *file,
                             RapportDbHeader  *header,
                             GError          **error)
{
  static const char magic[16] = "SQLite format 3";
  guchar bytes[100] = { 0 };
  struct stat st;
  gssize n;

  memset (header, 0, sizeof *header);

  if (fstat (file->fd, &st) != 0 || (n = pread (file->fd, bytes, sizeof bytes, 0)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_IO,
                   _("Cannot read “%s”: %s"), file->path, g_strerror (saved_errno));
      return FALSE;
    }

  header->size = st.st_size;
  if (n < (gssize) sizeof bytes)
    return TRUE;

  header->is_sqlite = memcmp (bytes, magic, sizeof magic) == 0;
  header->is_wal = bytes[18] == 2 && bytes[19] == 2;
  {
    guint page_size = ((guint) bytes[16] << 8) | bytes[17];

    /* A power of two from 512 to 32768, or 1 for 65536; then the payload
     * fractions, fixed at 64, 32 and 32 since the format began. */
    header->is_sane = (page_size == 1 || (page_size >= 512 && (page_size & (page_size - 1)) == 0)) &&
                      bytes[21] == 64 && bytes[22] == 32 && bytes[23] == 32;
  }
  header->page_count = read_be32 (bytes + 28);
  header->user_version = (gint32) read_be32 (bytes + 60);
  header->application_id = read_be32 (bytes + 68);

  return TRUE;
}

gboolean
rapport_db_file_lock (RapportDbFile  *file,
                      GError        **error)
{
  gint64 deadline = g_get_monotonic_time () + LOCK_TIMEOUT_US;
  gulong pause_us = 1000;

  g_return_val_if_fail (!file->locked, FALSE);

  while (flock (file->fd, LOCK_EX | LOCK_NB) != 0)
    {
      if (errno != EWOULDBLOCK && errno != EINTR)
        {
          int saved_errno = errno;

          g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_IO,
                       _("Cannot lock “%s”: %s"), file->path, g_strerror (saved_errno));
          return FALSE;
        }
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_BUSY,
                       _("Another program has been opening “%s” for over two minutes; "
                         "try again when it is done"),
                       file->path);
          return FALSE;
        }
      g_usleep (pause_us);
      pause_us = MIN (pause_us * 2, 50000);
    }

  file->locked = TRUE;
  return TRUE;
}

void
rapport_db_file_unlock (RapportDbFile *file)
{
  if (file->locked)
    flock (file->fd, LOCK_UN);
  file->locked = FALSE;
}

/* SQLite's lock bytes on a database file (os_unix.c): every connection
 * holds a read lock on the 510 bytes after PENDING_BYTE + 2 for as long as
 * it has the file open in WAL mode; a program needs a write lock on all of
 * them to know it is the file's only one. One byte read-locked is enough
 * to keep others from thinking so. */
#define SQLITE_PENDING_BYTE 0x40000000
#define SQLITE_SHARED_FIRST (SQLITE_PENDING_BYTE + 2)

static gboolean
set_hold_lock (RapportDbFile *file,
               short          type)
{
  struct flock lock = {
    .l_type = type, .l_whence = SEEK_SET, .l_start = SQLITE_SHARED_FIRST, .l_len = 1,
  };

  return fcntl (file->fd, F_OFD_SETLK, &lock) == 0;
}

void
rapport_db_file_hold (RapportDbFile *file)
{
  if (file->held)
    return;

  file->held = set_hold_lock (file, F_RDLCK);
  if (!file->held)
    g_debug ("No lock of its own on %s: %s", file->path, g_strerror (errno));
}

void
rapport_db_file_let_go (RapportDbFile *file)
{
  if (file->held)
    set_hold_lock (file, F_UNLCK);
  file->held = FALSE;
}

gboolean
rapport_db_file_has_wal (RapportDbFile *file)
{
  return g_file_test (file->wal_path, G_FILE_TEST_EXISTS);
}

void
rapport_db_file_clear_stale_shm (RapportDbFile *file)
{
  struct flock probe = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
  int fd;

  g_assert (file->locked);

  if (!file->writable || access (file->shm_path, W_OK) == 0 || errno != EACCES)
    return;

  /* Every connection that uses the -shm holds a read lock on it for as long
   * as it has it open (SQLite's "dead man switch"); with none, the file is
   * a leftover that SQLite would make anew, had it the right to. */
  fd = g_open (file->shm_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return;
  if (fcntl (fd, F_GETLK, &probe) == 0 && probe.l_type == F_UNLCK)
    {
      g_debug ("Removing the stale read-only %s", file->shm_path);
      g_unlink (file->shm_path);
    }
  close (fd);
}

void
rapport_db_file_note_wal (RapportDbFile *file)
{
  GStatBuf st;

  file->have_wal = g_stat (file->wal_path, &st) == 0;
  if (file->have_wal)
    {
      file->wal_dev = st.st_dev;
      file->wal_ino = st.st_ino;
    }
}

RapportDbFileState
rapport_db_file_verify (RapportDbFile *file,
                        gint64         logical_pages)
{
  RapportDbHeader header;
  struct stat st, own;

  if (fstat (file->fd, &own) == 0 && own.st_nlink == 0)
    return g_stat (file->path, &st) == 0 ? RAPPORT_DB_FILE_REPLACED : RAPPORT_DB_FILE_DELETED;

  if (g_stat (file->path, &st) != 0)
    return errno == ENOENT ? RAPPORT_DB_FILE_DELETED : RAPPORT_DB_FILE_FINE;
  if (st.st_dev != file->dev || st.st_ino != file->ino)
    return RAPPORT_DB_FILE_REPLACED;

  /* The same inode, rewritten in place (cp over it): SQLite never makes the
   * file smaller (Rapport does not vacuum), and checkpoints never put more
   * pages in it than the database has. */
  if (st.st_size < file->max_size)
    return RAPPORT_DB_FILE_REWRITTEN;
  file->max_size = st.st_size;

  if (logical_pages > 0 && rapport_db_file_read_header (file, &header, NULL) && header.size >= 100)
    {
      if (!header.is_sqlite ||
          (header.application_id != 0 && header.application_id != RAPPORT_APPLICATION_ID))
        return RAPPORT_DB_FILE_REPLACED;
      if (header.page_count > logical_pages)
        return RAPPORT_DB_FILE_REWRITTEN;
    }

  if (file->have_wal)
    {
      if (g_stat (file->wal_path, &st) != 0)
        return errno == ENOENT ? RAPPORT_DB_FILE_WAL_REMOVED : RAPPORT_DB_FILE_FINE;
      if (st.st_dev != file->wal_dev || st.st_ino != file->wal_ino)
        return RAPPORT_DB_FILE_WAL_REMOVED;
    }

  return RAPPORT_DB_FILE_FINE;
}

void
rapport_db_file_accept_size (RapportDbFile *file)
{
  struct stat st;

  if (fstat (file->fd, &st) == 0)
    file->max_size = st.st_size;
}

void
rapport_db_file_set_lost_error (RapportDbFile       *file,
                                RapportDbFileState   state,
                                GError             **error)
{
  switch (state)
    {
    case RAPPORT_DB_FILE_DELETED:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_FILE_LOST,
                   _("The database file “%s” was deleted while Rapport had it open. Nothing more is "
                     "saved; restart Rapport to start a new file there, or bring back a backup with "
                     "Restore (rapport-cli restore)"),
                   file->path);
      break;

    case RAPPORT_DB_FILE_REPLACED:
    case RAPPORT_DB_FILE_REWRITTEN:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_FILE_LOST,
                   _("The database file “%s” was replaced by another file while Rapport had it open. "
                     "Nothing more is saved, so the two files are not mixed; restart Rapport to open "
                     "the file that is there now. To bring back a backup while Rapport runs, use "
                     "Restore (rapport-cli restore)"),
                   file->path);
      break;

    case RAPPORT_DB_FILE_WAL_REMOVED:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_FILE_LOST,
                   _("The journal of the database file “%s” (its -wal file) was removed while "
                     "Rapport had it open. Nothing more is saved, so the file is not damaged "
                     "further; restart Rapport and check the file (rapport-cli check)"),
                   file->path);
      break;

    case RAPPORT_DB_FILE_FINE:
    default:
      g_assert_not_reached ();
    }
}

/* The whole-file check's stamp */

static char *
stamp_path (RapportDbFile *file)
{
  g_autofree char *real = g_canonicalize_filename (file->path, NULL);
  g_autofree char *name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, real, -1);

  return g_build_filename (g_get_user_cache_dir (), "rapport", "checked", name, NULL);
}

static char *
stamp_text (RapportDbFile *file)
{
  struct stat st;

  if (fstat (file->fd, &st) != 0)
    return NULL;

  return g_strdup_printf ("%llu %llu %lld %lld.%09ld\n",
                          (unsigned long long) st.st_dev, (unsigned long long) st.st_ino,
                          (long long) st.st_size, (long long) st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

gboolean
rapport_db_file_check_is_fresh (RapportDbFile *file)
{
  g_autofree char *path = stamp_path (file);
  g_autofree char *now = stamp_text (file);
  g_autofree char *then = NULL;

  return now != NULL && g_file_get_contents (path, &then, NULL, NULL) && g_str_equal (now, then);
}

void
rapport_db_file_mark_checked (RapportDbFile *file)
{
  g_autofree char *path = stamp_path (file);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *text = stamp_text (file);
  g_autoptr(GError) error = NULL;

  /* Only a cache: failing to write it costs a check next time. */
  if (text == NULL || g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("Not remembering the check of %s: %s", file->path,
             error ? error->message : g_strerror (errno));
}
