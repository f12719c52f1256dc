/* rapport-record-private.h — what the store needs of records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rapport-record.h"

G_BEGIN_DECLS

/* The persistent properties of a record class, in a fixed order; each
 * pspec's column is its name with '-' turned to '_'. */
GPtrArray *rapport_record_class_persistent (RapportRecordClass *klass);

/* "col_a, col_b, …" for the persistent properties, in the same order. */
char      *rapport_record_class_column_list (RapportRecordClass *klass);

char      *rapport_record_column_name       (GParamSpec         *pspec);

/* Reads the persistent properties from @stmt, starting at @first_col,
 * notifying once at the end for what changed. */
void       rapport_record_load_row          (RapportRecord      *self,
                                             sqlite3_stmt       *stmt,
                                             int                 first_col);

/* Binds @value of @pspec to parameter @index of @stmt by its GType. */
int        rapport_record_bind_value        (sqlite3_stmt       *stmt,
                                             int                 index,
                                             GParamSpec         *pspec,
                                             const GValue       *value);

G_END_DECLS
