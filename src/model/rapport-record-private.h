/* rapport-record-private.h — what the store needs of records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-record.h"

G_BEGIN_DECLS

/* The persistent properties of a record class, in a fixed order; each
 * pspec's column is its name with '-' turned to '_'. */
GPtrArray *rapport_record_class_persistent (RapportRecordClass *klass);

/* "col_a, col_b, …" for the persistent properties, in the same order. */
char      *rapport_record_class_column_list (RapportRecordClass *klass);

char      *rapport_record_column_name       (GParamSpec         *pspec);

G_END_DECLS
