/* rapport-store-snapshot.c — several reads that see one state of the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report made of several queries (the weekly review) reads them in one
 * deferred transaction: another program's commit in between cannot make a
 * deal counted as added appear nowhere else, or twice. A deferred BEGIN
 * takes no lock until the first read and never a write lock, so it works
 * on a file opened for reading only too.
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include "rapport-sqlite-private.h"
#include "rapport-store-snapshot.h"

gboolean
rapport_store_snapshot_begin (RapportStore  *self,
                              gboolean      *began,
                              GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (began != NULL, FALSE);

  /* Inside a caller's transaction the reads already share its snapshot. */
  *began = FALSE;
  if (!sqlite3_get_autocommit (rapport_store_get_db (self)))
    return TRUE;

  if (!rapport_store_step_done (self, rapport_store_stmt_sql (self, "BEGIN DEFERRED"), error))
    return FALSE;

  *began = TRUE;
  return TRUE;
}

void
rapport_store_snapshot_end (RapportStore *self,
                            gboolean      began)
{
  g_return_if_fail (RAPPORT_IS_STORE (self));

  /* Nothing was written: ending it cannot lose anything. */
  if (began && !sqlite3_get_autocommit (rapport_store_get_db (self)))
    rapport_store_step_done (self, rapport_store_stmt_sql (self, "COMMIT"), NULL);
}
