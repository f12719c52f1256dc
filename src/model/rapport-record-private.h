/* rapport-record-private.h — what the model alone may do with records
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

/* The private setters: the model's only way to change a record's
 * properties, which are read-only for everyone else. Each notifies only
 * when the value really changed. */
void       rapport_record_set_value         (RapportRecord      *self,
                                             guint               prop_id,
                                             const GValue       *value);
/* Like g_object_set(): pairs of property names and values, then NULL;
 * notifications are held until all are set. */
void       rapport_record_set               (RapportRecord      *self,
                                             const char         *first_property,
                                             ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
