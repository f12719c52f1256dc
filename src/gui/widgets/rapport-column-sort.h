/* rapport-column-sort.h — which column a column view is sorted by, for a
 * list that the store sorts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @column: an index into the columns given, or -1 when the view is not
 * sorted. */
typedef void (*RapportColumnSortFunc) (gpointer  data,
                                       int       column,
                                       gboolean  descending);

typedef struct _RapportColumnSort RapportColumnSort;

/* Gives each of @columns a sorter (so its header sorts), and calls @func
 * with @data whenever the user sorts by another column or direction. The
 * rows are never compared: the caller asks the store for a sorted list. */
RapportColumnSort *rapport_column_sort_new  (GtkColumnView              *view,
                                             GtkColumnViewColumn * const *columns,
                                             guint                       n_columns,
                                             RapportColumnSortFunc       func,
                                             gpointer                    data);
void               rapport_column_sort_free (RapportColumnSort          *sort);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportColumnSort, rapport_column_sort_free)

G_END_DECLS
