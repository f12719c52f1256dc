/* rapport-store-private.h — what the model's own files share of the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rapport-db-file.h"
#include "rapport-error.h"
#include "rapport-record-private.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* How long any connection waits for another program's lock before it says
 * the database is busy: writes hold it for well under a millisecond. */
#define RAPPORT_BUSY_TIMEOUT_MS 5000


/* Statements prepared once and reused; the SQL is in rapport-store.c. */
typedef enum
{
  STMT_BEGIN,
  STMT_COMMIT,
  STMT_ROLLBACK,
  STMT_GET_SETTING,
  STMT_SET_SETTING,
  STMT_LIST_PIPELINES,
  STMT_LIST_STAGES,
  STMT_FIND_STAGE_BY_NAME,
  STMT_LIST_STAGE_ACTIONS,
  STMT_INSERT_PIPELINE,
  STMT_INSERT_STAGE,
  STMT_INSERT_STAGE_ACTION,
  STMT_INSERT_ORGANIZATION,
  STMT_INSERT_CONTACT,
  STMT_INSERT_DEAL,
  STMT_INSERT_ACTIVITY,
  STMT_INSERT_NOTE,
  STMT_INSERT_NEGOTIATION,
  STMT_INSERT_STAGE_CHANGE,
  STMT_DEAL_IDS_OF_STAGE,
  STMT_DEAL_POSITION,
  STMT_DEAL_RANK_AT,
  STMT_DEAL_MAX_RANK,
  STMT_DEAL_RENUMBER_LIST,
  STMT_DEAL_SET_RANK,
  STMT_DEAL_MOVE,
  STMT_DEAL_SET_STATUS,
  STMT_STAGE_HISTORY,
  STMT_CONTACT_IDS,
  STMT_FOLLOWUP_IDS_OPEN,
  STMT_FOLLOWUP_IDS_DUE,
  STMT_FOLLOWUP_REMINDER_CANDIDATES,
  STMT_FOLLOWUP_IDS_AFTER,
  STMT_FOLLOWUP_ANY_PENDING,
  STMT_SPEED_TO_LEAD_TIMES,
  STMT_DEAL_PREFIX,
  STMT_FOLLOWUP_IDS_DONE,
  STMT_ACTIVITY_COMPLETE,
  STMT_ACTIVITY_SNOOZE,
  STMT_ACTIVITY_RESCHEDULE,
  STMT_ACTIVITY_REMINDED,
  STMT_CONTACT_FIRST_CONTACT,
  STMT_SPEED_TO_LEAD_OF_CONTACT,
  STMT_DATA_VERSION,
  STMT_CONTACT_PREFIX,
  STMT_ORGANIZATION_PREFIX,
  STMT_DEAL_OVERDUE_FOLLOWUP,
  STMT_DEAL_NEXT_ACTIVITY,
  STMT_STAGE_TOTALS,
  STMT_ACTION_DONE_LIST,
  STMT_ACTION_SET_DONE,
  STMT_ACTION_SET_UNDONE,
  N_STMTS
} RapportStmt;

sqlite3_stmt *rapport_store_stmt          (RapportStore  *self,
                                           RapportStmt    which);
/* The SQL of a fixed statement, for a walk that prepares its own copy. */
const char   *rapport_store_stmt_text     (RapportStmt    which);

/* Lists whose SQL more than one file runs. */
#define RAPPORT_SQL_DEAL_IDS "SELECT id FROM deal ORDER BY id"
#define RAPPORT_SQL_ORGANIZATION_IDS "SELECT id FROM organization ORDER BY name COLLATE NOCASE, id"
sqlite3      *rapport_store_get_db        (RapportStore  *self);
/* A statement for constant SQL (a string literal: the pointer is the key),
 * prepared on first use and reset for reuse. */
sqlite3_stmt *rapport_store_stmt_sql      (RapportStore  *self,
                                           const char    *sql);

gboolean      rapport_store_begin         (RapportStore  *self,
                                           GError       **error);
gboolean      rapport_store_commit        (RapportStore  *self,
                                           GError       **error);
void          rapport_store_rollback      (RapportStore  *self);

/* Turns the connection's last error into a GError; always returns FALSE. */
gboolean      rapport_store_set_error     (RapportStore  *self,
                                           int            rc,
                                           GError       **error);
gboolean      rapport_db_set_error        (sqlite3       *db,
                                           int            rc,
                                           GError       **error);

/* Steps a statement that returns no row, then resets it. */
gboolean      rapport_store_step_done     (RapportStore  *self,
                                           sqlite3_stmt  *stmt,
                                           GError       **error);

/* Emits RapportStore::changed for @table (detail) and @id (0: many). */
void          rapport_store_emit_changed  (RapportStore  *self,
                                           const char    *table,
                                           gint64         id);

/* The identity map's look-up: one object per row (transfer full). */
gpointer      rapport_store_lookup        (RapportStore  *self,
                                           GType          type,
                                           gint64         id,
                                           GError       **error);
/* Drops the live object of a deleted row from the identity map, so the id
 * is not found any more even while someone still holds the object. */
void          rapport_store_forget        (RapportStore  *self,
                                           RapportRecord *record);

/* Schema: rapport-store-schema.c */
gboolean      rapport_schema_migrate      (sqlite3       *db,
                                           int            from_version,
                                           GError       **error);
/* Stops at @to_version: for tests that need a file of an older version. */
gboolean      rapport_schema_migrate_to   (sqlite3       *db,
                                           int            from_version,
                                           int            to_version,
                                           GError       **error);
gboolean      rapport_schema_seed_pipeline (RapportStore *self,
                                            const char   *template_id,
                                            gint64       *pipeline_id,
                                            GError      **error);

G_END_DECLS
