/* rapport-sqlite-private.h — what the files in src/model/sqlite/ share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one header that includes SQLite's; only src/model/sqlite/ (and
 * tests that make old files) include it.
 */

#pragma once

#include <sqlite3.h>

#include "rapport-store-private.h"

G_BEGIN_DECLS

/* Before the process's first connection: SQLite's locks on -shm files
 * made safe from other code closing them (see rapport-sqlite.c). */
void          rapport_sqlite_init         (void);

sqlite3      *rapport_store_get_db        (RapportStore  *self);

/* Turns @rc of @db into a GError; always returns FALSE. */
gboolean      rapport_db_set_error        (sqlite3       *db,
                                           int            rc,
                                           GError       **error);

/* Runs @sql (our own text, one or more statements) on @db. */
gboolean      rapport_db_exec             (sqlite3       *db,
                                           const char    *sql,
                                           GError       **error);

/* The statement cache of a connection (see rapport-sqlite.c). */
GHashTable   *rapport_db_stmt_cache_new   (void);
sqlite3_stmt *rapport_db_cached_stmt      (sqlite3       *db,
                                           GHashTable    *cache,
                                           const char    *sql);

/* rapport-store-open.c: the URI SQLite opens @path by. */
char         *rapport_store_file_uri      (const char    *path,
                                           gboolean       immutable);

/* rapport-store-side.c: closes the side reader, if one was opened. */
void          rapport_store_close_side    (RapportStore  *self);
/* How many reads had a side reader: for the tests. */
guint         rapport_store_get_side_reads (RapportStore *self);

/* Reads the persistent properties of @record from @stmt, starting at
 * @first_col, notifying once at the end for what changed. */
void          rapport_record_load_row     (RapportRecord *record,
                                           sqlite3_stmt  *stmt,
                                           int            first_col);
/* Binds @value of @pspec to parameter @index of @stmt by its GType. */
int           rapport_record_bind_value   (sqlite3_stmt  *stmt,
                                           int            index,
                                           GParamSpec    *pspec,
                                           const GValue  *value);

/* Schema: rapport-store-schema.c */
gboolean      rapport_schema_migrate      (sqlite3       *db,
                                           int            from_version,
                                           GError       **error);
/* Stops at @to_version: for tests that need a file of an older version. */
gboolean      rapport_schema_migrate_to   (sqlite3       *db,
                                           int            from_version,
                                           int            to_version,
                                           GError       **error);
/* Team mode's change log: rapport-change-log.c */
extern const char rapport_change_log_schema[];
/* A uid column, filled, for every table of records. */
gboolean      rapport_change_log_add_uids (sqlite3       *db,
                                           GError       **error);
/* (Re)writes the triggers that give new records their uid and log every
 * change, from the tables as they are now. */
gboolean      rapport_change_log_install  (sqlite3       *db,
                                           GError       **error);

/* SQL that gives every contact with an e-mail or phone but no list yet
 * its list of one. */
extern const char rapport_schema_fill_contact_lists[];

/* SQLite's page cache, in KiB (negative) or pages: for the writes of a
 * million rows (a demo fill, a team's download), whose indexes would not
 * fit the usual one. */
gint64    rapport_store_get_cache_size (RapportStore *self);
void      rapport_store_set_cache_size (RapportStore *self,
                                        gint64        size);

G_END_DECLS
