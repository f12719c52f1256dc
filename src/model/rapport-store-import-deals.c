/* rapport-store-import-deals.c — many deals in, in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each deal is written as the app would have written it over its life: a
 * stage history that starts with its creation in its stage and, for a won
 * or lost deal, its close; its contact found by e-mail, else by name, else
 * created; its organization found by name or created. Reports then count
 * an imported deal like any other. Deals files are thousands of rows, not
 * hundreds of thousands: each row's contact is looked up by an index and
 * written at once, so later rows of the same file find it.
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-money.h"
#include "rapport-store-import-private.h"
#include "rapport-time.h"
#include "rapport-validate.h"

#define SQL_CONTACT_BY_EMAIL \
  "SELECT id FROM contact WHERE email = ?1 COLLATE NOCASE ORDER BY id LIMIT 1"
#define SQL_CONTACT_BY_NAME \
  "SELECT id FROM contact WHERE name = ?1 COLLATE NOCASE ORDER BY id LIMIT 1"
#define SQL_MAX_RANK \
  "SELECT coalesce(max(rank), 0) FROM deal WHERE stage_id = ?1 AND status = 0"

static gint64
find_contact (RapportStore *store,
              const char   *sql,
              const char   *key)
{
  RapportSqlStmt *stmt;

  if (key == NULL || rapport_text_is_invisible (key))
    return 0;
  stmt = rapport_store_stmt_sql (store, sql);
  rapport_sql_bind_text (stmt, 1, key);
  return rapport_store_step_int64 (store, stmt, 0);
}

static gboolean
insert_contact (RapportStoreImport          *import,
                const RapportDealImportRow  *row,
                gint64                       organization_id,
                gint64                       created_at,
                gint64                      *id,
                GError                     **error)
{
  g_autofree char *name = g_strstrip (g_strdup (row->contact ? row->contact : row->email));
  RapportSqlStmt *stmt;

  if (!rapport_text_check (name, RAPPORT_TEXT_NAME, TRUE, error) ||
      !rapport_email_check (row->email, error) ||
      !rapport_phone_check (row->phone, error) ||
      !rapport_text_check (row->source, RAPPORT_TEXT_SOURCE, FALSE, error))
    return FALSE;

  stmt = rapport_store_stmt (import->store, STMT_INSERT_CONTACT);
  rapport_sql_bind_text (stmt, 1, name);
  rapport_sql_bind_text_or_null (stmt, 2, row->email);
  rapport_sql_bind_text_or_null (stmt, 3, row->phone);
  rapport_sql_bind_id_or_null (stmt, 4, organization_id);
  rapport_sql_bind_int (stmt, 5, RAPPORT_LIFECYCLE_CONTACT);
  rapport_sql_bind_text_or_null (stmt, 6, row->source);
  rapport_sql_bind_text_or_null (stmt, 7, row->owner);
  rapport_sql_bind_int64 (stmt, 8, created_at);
  rapport_sql_bind_int64 (stmt, 9, import->now);
  if (!rapport_store_step_done (import->store, stmt, error))
    return FALSE;

  *id = rapport_store_last_id (import->store);
  rapport_store_import_created (import, RAPPORT_ENTITY_CONTACT, *id, *id);
  import->counts->contacts_created++;
  return rapport_store_write_primary_lists (import->store, *id, row->email, row->phone, error);
}

/* The deal's contact: by e-mail, else by name, else a new one. */
static gboolean
contact_of (RapportStoreImport          *import,
            const RapportDealImportRow  *row,
            gint64                       organization_id,
            gint64                       created_at,
            gint64                      *id,
            GError                     **error)
{
  *id = find_contact (import->store, SQL_CONTACT_BY_EMAIL, row->email);
  if (*id == 0)
    *id = find_contact (import->store, SQL_CONTACT_BY_NAME, row->contact);
  if (*id != 0 || (rapport_text_is_invisible (row->contact) && rapport_text_is_invisible (row->email)))
    return TRUE;

  return insert_contact (import, row, organization_id, created_at, id, error);
}

/* Created before it closed; without a creation time, when it closed. */
static gboolean
times_of (RapportStoreImport          *import,
          const RapportDealImportRow  *row,
          gint64                      *created_at,
          gint64                      *closed_at,
          GError                     **error)
{
  gboolean closed = row->status != RAPPORT_DEAL_STATUS_OPEN;

  *closed_at = closed ? (row->closed_at != 0 ? row->closed_at : import->now) : 0;
  if (closed && *closed_at > import->now)
    return rapport_store_invalid (error, _("The deal closed later than now: give a close date that has already come."));
  if (!rapport_store_arrival_time (import->store, row->created_at, row->has_created_at, created_at, error))
    return FALSE;
  if (closed && !row->has_created_at && row->created_at == 0)
    *created_at = MIN (*created_at, *closed_at);
  if (closed && *closed_at < *created_at)
    return rapport_store_invalid (error, _("The deal closed before it was created: check its creation and close dates."));
  return TRUE;
}

static gboolean
check_row (RapportStoreImport          *import,
           const RapportDealImportRow  *row,
           const char                  *title,
           const char                  *currency,
           GError                     **error)
{
  if (!rapport_text_check (title, RAPPORT_TEXT_TITLE, TRUE, error) ||
      !rapport_text_check (row->owner, RAPPORT_TEXT_OWNER, FALSE, error) ||
      !rapport_text_check (row->lost_reason, RAPPORT_TEXT_REASON, FALSE, error) ||
      !rapport_currency_check (currency, error) ||
      !rapport_date_check (row->expected_close, error) ||
      !rapport_store_check_exists (import->store, RAPPORT_TYPE_STAGE, row->stage_id, error))
    return FALSE;
  if (row->value < 0)
    return rapport_store_invalid (error, _("The value cannot be negative"));
  if (row->note != NULL && !rapport_text_is_invisible (row->note) &&
      !rapport_text_check (row->note, RAPPORT_TEXT_NOTE, TRUE, error))
    return FALSE;
  return TRUE;
}

static gboolean
record_change (RapportStoreImport  *import,
               gint64               deal_id,
               gint64               from_stage_id,
               gint64               to_stage_id,
               RapportDealStatus    to_status,
               gint64               at,
               GError             **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt (import->store, STMT_INSERT_STAGE_CHANGE);

  rapport_sql_bind_int64 (stmt, 1, deal_id);
  rapport_sql_bind_id_or_null (stmt, 2, from_stage_id);
  rapport_sql_bind_int64 (stmt, 3, to_stage_id);
  rapport_sql_bind_int (stmt, 4, RAPPORT_DEAL_STATUS_OPEN);
  rapport_sql_bind_int (stmt, 5, to_status);
  rapport_sql_bind_int64 (stmt, 6, at);
  return rapport_store_step_done (import->store, stmt, error);
}

static gboolean
close_deal (RapportStoreImport          *import,
            const RapportDealImportRow  *row,
            gint64                       id,
            gint64                       closed_at,
            GError                     **error)
{
  RapportSqlStmt *stmt;
  const char *reason = row->lost_reason;

  if (row->status == RAPPORT_DEAL_STATUS_OPEN)
    return TRUE;
  /* The table asks every lost deal for its reason; a file often has none. */
  if (row->status == RAPPORT_DEAL_STATUS_LOST && rapport_text_is_invisible (reason))
    reason = _("No reason given in the imported file");

  stmt = rapport_store_stmt (import->store, STMT_DEAL_SET_STATUS);
  rapport_sql_bind_int64 (stmt, 1, id);
  rapport_sql_bind_int (stmt, 2, row->status);
  rapport_sql_bind_text_or_null (stmt, 3, row->status == RAPPORT_DEAL_STATUS_LOST ? reason : NULL);
  rapport_sql_bind_int64 (stmt, 4, closed_at);
  rapport_sql_bind_int64 (stmt, 5, import->now);
  return rapport_store_step_done (import->store, stmt, error) &&
         record_change (import, id, row->stage_id, row->stage_id, row->status, closed_at, error);
}

static gboolean
insert_deal (RapportStoreImport          *import,
             const RapportDealImportRow  *row,
             GError                     **error)
{
  RapportStore *store = import->store;
  g_autofree char *title = g_strstrip (g_strdup (row->title ? row->title : ""));
  const char *currency = row->currency ? row->currency : rapport_store_get_default_currency (store);
  gint64 created_at, closed_at, organization_id, contact_id, rank, id;
  RapportSqlStmt *stmt;

  if (!check_row (import, row, title, currency, error) ||
      !times_of (import, row, &created_at, &closed_at, error) ||
      !rapport_store_import_find_organization (import, row->organization, &organization_id, error) ||
      !contact_of (import, row, organization_id, created_at, &contact_id, error))
    return FALSE;

  stmt = rapport_store_stmt_sql (store, SQL_MAX_RANK);
  rapport_sql_bind_int64 (stmt, 1, row->stage_id);
  rank = rapport_store_step_int64 (store, stmt, 0) + RAPPORT_RANK_GAP;

  stmt = rapport_store_stmt (store, STMT_INSERT_DEAL);
  rapport_sql_bind_text (stmt, 1, title);
  rapport_sql_bind_int64 (stmt, 2, row->value);
  rapport_sql_bind_text (stmt, 3, currency);
  rapport_sql_bind_int64 (stmt, 4, row->stage_id);
  rapport_sql_bind_int64 (stmt, 5, rank);
  rapport_sql_bind_id_or_null (stmt, 6, contact_id);
  rapport_sql_bind_id_or_null (stmt, 7, organization_id);
  rapport_sql_bind_text_or_null (stmt, 8, row->status == RAPPORT_DEAL_STATUS_OPEN ? row->expected_close : NULL);
  rapport_sql_bind_text_or_null (stmt, 9, row->owner);
  rapport_sql_bind_int64 (stmt, 10, created_at);
  rapport_sql_bind_int64 (stmt, 11, import->now);
  if (!rapport_store_step_done (store, stmt, error))
    return FALSE;
  id = rapport_store_last_id (store);
  rapport_store_import_created (import, RAPPORT_ENTITY_DEAL, id, id);

  if (!record_change (import, id, 0, row->stage_id, RAPPORT_DEAL_STATUS_OPEN, created_at, error) ||
      !close_deal (import, row, id, closed_at, error) ||
      !rapport_store_import_insert_note (import, 0, id, 0, row->note, error))
    return FALSE;

  import->counts->created++;
  return TRUE;
}

gboolean
rapport_store_import_deals (RapportStore            *self,
                            RapportImportFlags       flags,
                            RapportDealImportSource  source,
                            gpointer                 user_data,
                            RapportImportCounts     *counts,
                            GError                 **error)
{
  RapportStoreImport import;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  if (!rapport_store_import_begin (&import, self, RAPPORT_IMPORT_DEALS, flags, counts, error))
    return FALSE;

  for (;;)
    {
      g_autoptr(GError) row_error = NULL;
      RapportDealImportRow row = { 0, };
      RapportImportNext next = source (user_data, &row, error);

      if (next == RAPPORT_IMPORT_NEXT_END)
        break;
      if (next == RAPPORT_IMPORT_NEXT_FAILED)
        return rapport_store_import_end (&import, FALSE, NULL);
      rapport_store_import_count (&import, next);
      if (next == RAPPORT_IMPORT_NEXT_ROW && rapport_store_import_takes_rows (&import) &&
          !insert_deal (&import, &row, &row_error))
        {
          rapport_store_import_end (&import, FALSE, NULL);
          return rapport_store_import_row_error (row.line, row_error, error);
        }
    }

  return rapport_store_import_end (&import, TRUE, error);
}
