/* rapport-store-scrub.c — a write whose old bytes do not stay in the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deleted row's bytes stay on its page, on free pages and in the page
 * images of the -wal until they happen to be written over. For an erase
 * (a privacy request) they must go: SQLite's secure_delete zeroes what a
 * write frees, the search index is rewritten without the deleted terms
 * (FTS5 keeps them in old segments until a merge), and after the commit
 * the -wal is folded into the file and truncated to nothing.
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include "rapport-sqlite-private.h"

static const char * const optimize_sql[] = {
  "INSERT INTO search_contact (search_contact) VALUES ('optimize')",
  "INSERT INTO search_organization (search_organization) VALUES ('optimize')",
  "INSERT INTO search_deal (search_deal) VALUES ('optimize')",
};

typedef struct
{
  RapportStoreWriteFunc write;
  gpointer              data;
} Scrubbed;

static gboolean
write_then_optimize (RapportStore  *self,
                     gpointer       data,
                     GError       **error)
{
  Scrubbed *scrubbed = data;

  if (!scrubbed->write (self, scrubbed->data, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (optimize_sql); i++)
    if (!rapport_store_step_done (self, rapport_store_stmt_sql (self, optimize_sql[i]), error))
      return FALSE;
  return TRUE;
}

gboolean
rapport_store_write_scrubbed (RapportStore          *self,
                              RapportStoreWriteFunc  write,
                              gpointer               data,
                              gboolean              *wal_emptied,
                              GError               **error)
{
  sqlite3 *db = rapport_store_get_db (self);
  Scrubbed scrubbed = { write, data };
  int log_frames = -1, done_frames = -1;
  gboolean ok;

  *wal_emptied = FALSE;
  sqlite3_exec (db, "PRAGMA secure_delete = ON", NULL, NULL, NULL);
  ok = rapport_store_write (self, write_then_optimize, &scrubbed, error);
  sqlite3_exec (db, "PRAGMA secure_delete = OFF", NULL, NULL, NULL);
  if (!ok)
    return FALSE;

  /* Another program reading an older state of the file keeps its part of
   * the -wal: then the caller says the bytes go when it is done. */
  *wal_emptied = sqlite3_wal_checkpoint_v2 (db, "main", SQLITE_CHECKPOINT_TRUNCATE,
                                            &log_frames, &done_frames) == SQLITE_OK &&
                 log_frames == 0;
  return TRUE;
}
