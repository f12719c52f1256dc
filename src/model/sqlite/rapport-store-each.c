/* rapport-store-each.c — walking long lists one record at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `deal list --json` on 100 000 deals must not hold 100 000 objects: each
 * record is made (through the identity map), handed to the caller and let
 * go before the next is read, so memory stays flat whatever the number of
 * rows. The ids come from one statement of our own, stepped as we go: the
 * walk is one read transaction, one snapshot of the file, and the callback
 * may use any other store call (none of them steps this statement).
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include "rapport-sqlite-private.h"

static gboolean
foreach_id (RapportStore       *self,
            GType               type,
            const char         *sql,
            const gint64       *param,
            RapportRecordFunc   func,
            gpointer            user_data,
            GError            **error)
{
  sqlite3 *db = rapport_store_get_db (self);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  g_assert (RAPPORT_IS_STORE (self));

  /* Prepared for this walk only, so a callback that walks another list
   * (or this one) cannot reset it under us. */
  if (sqlite3_prepare_v3 (db, sql, -1, 0, &stmt, NULL) != SQLITE_OK)
    g_error ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (db));
  if (param != NULL)
    sqlite3_bind_int64 (stmt, 1, *param);

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GObject) record = rapport_store_lookup (self, type, sqlite3_column_int64 (stmt, 0), NULL);

      /* Within one snapshot a listed row is there; NULL only on a read
       * error of that row, which the next step reports. */
      if (record != NULL)
        ok = func (record, user_data, error);
    }

  if (ok && rc != SQLITE_DONE)
    ok = rapport_store_set_error (self, rc, error);
  sqlite3_finalize (stmt);

  return ok;
}

gboolean
rapport_store_foreach_deal (RapportStore       *self,
                            RapportStage       *stage,
                            RapportRecordFunc   func,
                            gpointer            user_data,
                            GError            **error)
{
  gint64 stage_id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (stage == NULL || RAPPORT_IS_STAGE (stage), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (stage == NULL)
    return foreach_id (self, RAPPORT_TYPE_DEAL, RAPPORT_SQL_DEAL_IDS, NULL, func, user_data, error);

  stage_id = rapport_record_get_id (RAPPORT_RECORD (stage));
  return foreach_id (self, RAPPORT_TYPE_DEAL, rapport_store_stmt_text (STMT_DEAL_IDS_OF_STAGE),
                     &stage_id, func, user_data, error);
}

gboolean
rapport_store_foreach_contact (RapportStore       *self,
                               RapportRecordFunc   func,
                               gpointer            user_data,
                               GError            **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return foreach_id (self, RAPPORT_TYPE_CONTACT, rapport_store_stmt_text (STMT_CONTACT_IDS),
                     NULL, func, user_data, error);
}

gboolean
rapport_store_foreach_organization (RapportStore       *self,
                                    RapportRecordFunc   func,
                                    gpointer            user_data,
                                    GError            **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return foreach_id (self, RAPPORT_TYPE_ORGANIZATION, RAPPORT_SQL_ORGANIZATION_IDS,
                     NULL, func, user_data, error);
}

gboolean
rapport_store_foreach_followup (RapportStore       *self,
                                gboolean            only_due,
                                RapportRecordFunc   func,
                                gpointer            user_data,
                                GError            **error)
{
  gint64 now;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!only_due)
    return foreach_id (self, RAPPORT_TYPE_ACTIVITY, rapport_store_stmt_text (STMT_FOLLOWUP_IDS_OPEN),
                       NULL, func, user_data, error);

  now = rapport_store_now (self);
  return foreach_id (self, RAPPORT_TYPE_ACTIVITY, rapport_store_stmt_text (STMT_FOLLOWUP_IDS_DUE),
                     &now, func, user_data, error);
}
