/* rapport-db-file.h — the database file itself, as the store holds it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite guards the rows; this guards the file. The store keeps one
 * descriptor of its database open for as long as it lives and uses it to:
 *
 *  - read the header without SQLite, so a file that is plainly not ours is
 *    refused before SQLite creates anything beside it;
 *  - take an exclusive flock(2) while deciding what the file is, backing it
 *    up and migrating it, so programs opening one new or old file at once
 *    take turns (flock locks are independent of SQLite's POSIX locks);
 *  - notice, before and after each write, that the file under its name is
 *    no longer the one it opened (deleted, replaced, its -wal removed).
 *
 * The descriptor is never closed while a connection of this process is
 * open on the file: closing any descriptor of a file drops every POSIX
 * lock the process holds on it, SQLite's included. Other parts of the
 * program may still do that (GTK's file chooser opens and closes every
 * file of the folder it lists), so the descriptor also holds a read lock
 * of its own, an open file description lock that only closing this
 * descriptor drops, where SQLite's readers hold theirs: to other programs
 * the file stays in use.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "Rapp": PRAGMA application_id marks a file as ours. */
#define RAPPORT_APPLICATION_ID 0x52617070

typedef struct _RapportDbFile RapportDbFile;

typedef struct
{
  goffset  size;
  gboolean is_sqlite;       /* starts with "SQLite format 3" */
  gboolean is_sane;         /* page size and fixed bytes as SQLite writes them */
  gboolean is_wal;          /* bytes 18 and 19 are 2 */
  guint32  application_id;  /* big-endian at 68 */
  gint32   user_version;    /* big-endian at 60 */
  guint32  page_count;      /* big-endian at 28 */
} RapportDbHeader;

typedef enum
{
  RAPPORT_DB_FILE_FINE,
  RAPPORT_DB_FILE_DELETED,
  RAPPORT_DB_FILE_REPLACED,
  RAPPORT_DB_FILE_WAL_REMOVED,
  /* Smaller than before, or its header says more pages than the database
   * has: rewritten in place (cp over it) — or restored through SQLite by
   * another Rapport, which the store tells apart (see restore-generation). */
  RAPPORT_DB_FILE_REWRITTEN,
} RapportDbFileState;

/* Opens @path for the life of a store, creating it (0600, and its folder
 * 0700) when it does not exist. */
RapportDbFile      *rapport_db_file_open            (const char       *path,
                                                     GError          **error);
/* Only after every SQLite connection of this process to the file closed. */
void                rapport_db_file_free            (RapportDbFile    *file);

gboolean            rapport_db_file_is_writable     (RapportDbFile    *file);
gboolean            rapport_db_file_read_header     (RapportDbFile    *file,
                                                     RapportDbHeader  *header,
                                                     GError          **error);

/* Waits for the exclusive open-time lock (up to a generous timeout). */
gboolean            rapport_db_file_lock            (RapportDbFile    *file,
                                                     GError          **error);
void                rapport_db_file_unlock          (RapportDbFile    *file);

/* The lock of the store's own (see above): held while its connection is
 * open, let go just before it closes, so the last connection of the last
 * program can still tidy the -wal away. */
void                rapport_db_file_hold            (RapportDbFile    *file);
void                rapport_db_file_let_go          (RapportDbFile    *file);

gboolean            rapport_db_file_has_wal         (RapportDbFile    *file);
/* A -shm this process cannot write and nobody has open (left by a reader
 * of a read-only file) would refuse every later write: remove it. Call
 * with the lock held and no connection of this process open. */
void                rapport_db_file_clear_stale_shm (RapportDbFile    *file);

/* Remembers the -wal as the connection opened it. */
void                rapport_db_file_note_wal        (RapportDbFile    *file);
/* Is the file under the path still the one opened? @logical_pages is the
 * page count the connection sees (0 to skip that comparison). */
RapportDbFileState  rapport_db_file_verify          (RapportDbFile    *file,
                                                     gint64            logical_pages);
/* After a restore through SQLite: the size now is the file's own. */
void                rapport_db_file_accept_size     (RapportDbFile    *file);
/* The message for a state other than FINE, for people. */
void                rapport_db_file_set_lost_error  (RapportDbFile    *file,
                                                     RapportDbFileState state,
                                                     GError          **error);

/* Was the file's whole-file check passed by this file as it is now
 * (same inode, size and modification time)? A stamp in the user's cache
 * folder remembers the last check, so a command line run does not read
 * every page of an unchanged file again. */
gboolean            rapport_db_file_check_is_fresh  (RapportDbFile    *file);
void                rapport_db_file_mark_checked    (RapportDbFile    *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportDbFile, rapport_db_file_free)

G_END_DECLS
