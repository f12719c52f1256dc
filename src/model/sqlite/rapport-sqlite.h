/* rapport-sqlite.h — the SQLite connection as the model's other files see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Statements prepared once and cached by their SQL, with typed bind and
 * column helpers, so the files of each concern run their statements without
 * SQLite's header: only the files in src/model/sqlite/ include it. A
 * RapportSqlStmt is an sqlite3_stmt there, and opaque everywhere else.
 */

#pragma once

#include <glib-object.h>

#include "rapport-types.h"

G_BEGIN_DECLS

typedef struct sqlite3_stmt RapportSqlStmt;
typedef struct _RapportSideRead RapportSideRead;
typedef struct _RapportRows RapportRows;

/* What rapport_sql_step() returns besides an error code (the same numbers
 * as SQLITE_ROW and SQLITE_DONE). */
#define RAPPORT_SQL_ROW  100
#define RAPPORT_SQL_DONE 101

/* How long any connection waits for another program's lock before it says
 * the database is busy: writes hold it for well under a millisecond. */
#define RAPPORT_BUSY_TIMEOUT_MS 5000

/* Statements prepared once and reused; the SQL is in rapport-sqlite.c. */
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
  STMT_INSERT_STAGE_CHANGE_WHY,
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
  STMT_DEAL_PENDING_FOLLOWUP,
  STMT_STAGE_TOTALS,
  STMT_ACTION_DONE_LIST,
  STMT_ACTION_SET_DONE,
  STMT_ACTION_SET_UNDONE,
  N_STMTS
} RapportStmt;

/* Lists whose SQL more than one file runs. */
#define RAPPORT_SQL_DEAL_IDS "SELECT id FROM deal ORDER BY id"
#define RAPPORT_SQL_ORGANIZATION_IDS "SELECT id FROM organization ORDER BY name COLLATE NOCASE, id"

/* The one statement cache: a fixed statement, or one for constant SQL
 * (never user text: that is bound), prepared on first use and reset for
 * reuse. */
RapportSqlStmt *rapport_store_stmt          (RapportStore    *self,
                                             RapportStmt      which);
RapportSqlStmt *rapport_store_stmt_sql      (RapportStore    *self,
                                             const char      *sql);
/* The SQL of a fixed statement, for a walk that prepares its own copy. */
const char     *rapport_store_stmt_text     (RapportStmt      which);

gboolean        rapport_store_begin         (RapportStore    *self,
                                             GError         **error);
gboolean        rapport_store_commit        (RapportStore    *self,
                                             GError         **error);
void            rapport_store_rollback      (RapportStore    *self);

/* Runs @write inside a transaction: committed if it returns TRUE, rolled
 * back (nothing written) if it fails. */
typedef gboolean (*RapportStoreWriteFunc) (RapportStore  *self,
                                           gpointer       data,
                                           GError       **error);

gboolean        rapport_store_write         (RapportStore          *self,
                                             RapportStoreWriteFunc  write,
                                             gpointer               data,
                                             GError               **error);

/* The same, with what it deletes zeroed in the file, the search index
 * rewritten without it, and the -wal then folded into the file and
 * truncated (*@wal_emptied FALSE when another program's read kept part of
 * it): the bytes are gone (rapport-store-scrub.c). */
gboolean        rapport_store_write_scrubbed (RapportStore          *self,
                                              RapportStoreWriteFunc  write,
                                              gpointer               data,
                                              gboolean              *wal_emptied,
                                              GError               **error);

/* A read transaction, so several statements see one snapshot of the file;
 * *@began says whether it began one (not inside another transaction), to
 * hand to rapport_store_read_end(). */
gboolean        rapport_store_read_begin    (RapportStore    *self,
                                             gboolean        *began,
                                             GError         **error);
void            rapport_store_read_end      (RapportStore    *self,
                                             gboolean         began);

/* The same, and where the file allows it a read on a second, read-only
 * connection that sees the very same snapshot, for a part of the read that
 * another thread runs meanwhile (two cores make a report nearly twice as
 * fast). *@side is NULL where there is none: a database in memory or read
 * from a copy, a read-only file, a file lost from under its name, inside
 * a transaction, or while other programs keep committing. The side read
 * is only used by one thread at a time, and ended with the main one. */
gboolean        rapport_store_read_begin_with_side (RapportStore     *self,
                                                    gboolean         *began,
                                                    RapportSideRead **side,
                                                    GError          **error);
void            rapport_store_read_end_with_side   (RapportStore     *self,
                                                    gboolean          began,
                                                    RapportSideRead  *side);
/* A statement of the side connection's own cache (constant SQL only). */
RapportSqlStmt *rapport_side_read_stmt_sql  (RapportSideRead *side,
                                             const char      *sql);
gboolean        rapport_side_read_set_error (RapportSideRead *side,
                                             int              rc,
                                             GError         **error);

/* Gives the connection's page cache room for a report's working set (the
 * indexes of two years of deals, activities and stage changes), from then
 * on: it only grows as pages are read. */
void            rapport_store_grow_page_cache (RapportStore  *self);

/* Runs @stmt (an insert: and gives its row's id) in a transaction of its
 * own. */
gboolean        rapport_store_run_alone     (RapportStore    *self,
                                             RapportSqlStmt  *stmt,
                                             GError         **error);
gboolean        rapport_store_insert_alone  (RapportStore    *self,
                                             RapportSqlStmt  *stmt,
                                             gint64          *id,
                                             GError         **error);

/* Turns the connection's last error into a GError; always returns FALSE. */
gboolean        rapport_store_set_error     (RapportStore    *self,
                                             int              rc,
                                             GError         **error);

/* Steps a statement that returns no row, then resets it. */
gboolean        rapport_store_step_done     (RapportStore    *self,
                                             RapportSqlStmt  *stmt,
                                             GError         **error);
/* The first column of the first row, or @fallback (no row, or NULL). */
gint64          rapport_store_step_int64    (RapportStore    *self,
                                             RapportSqlStmt  *stmt,
                                             gint64           fallback);
gint64          rapport_store_last_id       (RapportStore    *self);
/* Rows the last statement changed. */
gint64          rapport_store_changes       (RapportStore    *self);

/* Reads the row of @record again into its properties (RAPPORT_ERROR_NOT_FOUND
 * when it is gone). */
gboolean        rapport_store_reload_record (RapportStore    *self,
                                             RapportRecord   *record,
                                             GError         **error);
/* Writes one persistent property of @record (and its updated-at, if it has
 * one, to @now); the caller holds the transaction. */
gboolean        rapport_store_write_property (RapportStore   *self,
                                              RapportRecord  *record,
                                              GParamSpec     *pspec,
                                              const GValue   *value,
                                              gint64          now,
                                              GError        **error);

/* Typed access to a statement. Text is copied; NULL binds NULL. */
void            rapport_sql_bind_int64      (RapportSqlStmt  *stmt,
                                             int              index,
                                             gint64           value);
void            rapport_sql_bind_int        (RapportSqlStmt  *stmt,
                                             int              index,
                                             int              value);
void            rapport_sql_bind_null       (RapportSqlStmt  *stmt,
                                             int              index);
void            rapport_sql_bind_text       (RapportSqlStmt  *stmt,
                                             int              index,
                                             const char      *text);
/* NULL and "" bind NULL. */
void            rapport_sql_bind_text_or_null (RapportSqlStmt *stmt,
                                               int             index,
                                               const char     *text);
/* 0 binds NULL. */
void            rapport_sql_bind_id_or_null (RapportSqlStmt  *stmt,
                                             int              index,
                                             gint64           id);
/* RAPPORT_SQL_ROW, RAPPORT_SQL_DONE or an error code. */
int             rapport_sql_step            (RapportSqlStmt  *stmt);
void            rapport_sql_reset           (RapportSqlStmt  *stmt);
gint64          rapport_sql_column_int64    (RapportSqlStmt  *stmt,
                                             int              col);
int             rapport_sql_column_int      (RapportSqlStmt  *stmt,
                                             int              col);
const char     *rapport_sql_column_text     (RapportSqlStmt  *stmt,
                                             int              col);
gboolean        rapport_sql_column_is_null  (RapportSqlStmt  *stmt,
                                             int              col);
/* Bytes are copied both ways; NULL binds NULL and reads as NULL. */
void            rapport_sql_bind_bytes      (RapportSqlStmt  *stmt,
                                             int              index,
                                             GBytes          *bytes);
GBytes         *rapport_sql_column_bytes    (RapportSqlStmt  *stmt,
                                             int              col);

/* Rows copied whole, to put back exactly (rapport-store-rows.c): every
 * column of the rows of @table (constant SQL) that @where selects, with
 * ?1 bound to @id. Put back by inserting them again (rows that were
 * deleted) or by writing their columns over the rows of the same id (rows
 * that were changed; the table's first column is its id). */
RapportRows    *rapport_store_rows_capture  (RapportStore    *self,
                                             const char      *table,
                                             const char      *where,
                                             gint64           id,
                                             GError         **error);
gboolean        rapport_store_rows_insert   (RapportStore    *self,
                                             RapportRows     *rows,
                                             GError         **error);
/* The same with @column's value @value in every row (0: NULL, which for
 * "id" is a new one): rows whose id was taken meanwhile, or rows that
 * point to such a row. */
gboolean        rapport_store_rows_insert_as (RapportStore   *self,
                                              RapportRows    *rows,
                                              const char     *column,
                                              gint64          value,
                                              GError        **error);
gboolean        rapport_store_rows_update   (RapportStore    *self,
                                             RapportRows     *rows,
                                             GError         **error);
guint           rapport_rows_get_n_rows     (RapportRows     *rows);
/* The first column of the first row: its id. */
gint64          rapport_rows_get_id         (RapportRows     *rows);
void            rapport_rows_free           (RapportRows     *rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportRows, rapport_rows_free)

G_END_DECLS
