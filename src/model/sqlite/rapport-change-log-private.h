/* rapport-change-log-private.h — what the change log's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rapport-change-log.c writes the log's triggers; rapport-team-apply.c
 * applies what the team changed. Both work from the same table list and
 * the same reading of each table's columns.
 */

#pragma once

#include "rapport-sqlite-private.h"

G_BEGIN_DECLS

typedef struct
{
  const char *table;
  const char *key[4];   /* a part's key columns; key[0] NULL for a record */
} RapportLogTable;

typedef struct
{
  char     *name;
  char     *target;   /* the table it refers to, or NULL */
  gboolean  blob;
  char     *fallback; /* its DEFAULT as the schema writes it, or NULL */
} RapportLogColumn;

/* Every shared table, in an order their rows can be inserted in. */
const RapportLogTable  *rapport_change_log_tables     (guint            *n_tables);
/* The shared table called @name, or NULL: the one check a table name
 * from the wire passes before it names anything. */
const RapportLogTable  *rapport_change_log_find_table (const char       *name);
/* The columns of @table but id and uid (element type RapportLogColumn). */
GArray                 *rapport_change_log_columns    (sqlite3          *db,
                                                       const char       *table,
                                                       GError          **error);
const RapportLogColumn *rapport_log_find_column       (GArray           *columns,
                                                       const char       *name);
/* A column's name in the log's JSON ("stage" for stage_id). */
char                   *rapport_log_json_name         (const RapportLogColumn *column);

/* SQL text pieces; identifiers from the schema, quoted. */
void                    rapport_log_append_ident      (GString          *sql,
                                                       const char       *name);
void                    rapport_log_append_literal    (GString          *sql,
                                                       const char       *text);
/* @row.column as the team knows it (a reference as its uid). */
void                    rapport_log_append_value      (GString          *sql,
                                                       const char       *row,
                                                       const RapportLogColumn *column);
/* The key of @row of @table as the log writes it: {"uid": …} for a
 * record, the uids and values that make a part unique. */
void                    rapport_log_append_key        (GString          *sql,
                                                       const char       *row,
                                                       const RapportLogTable *table,
                                                       GArray           *columns);
/* " AND …" keeping this desktop's own settings out, for @row of the
 * setting table; nothing for another table. */
void                    rapport_log_append_shared     (GString          *sql,
                                                       const RapportLogTable *table,
                                                       const char       *row);
/* json_object() of every column of @row. */
void                    rapport_log_append_fields     (GString          *sql,
                                                       const char       *row,
                                                       GArray           *columns);

G_END_DECLS
