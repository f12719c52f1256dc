/* rapport-column-sort.c — which column a column view is sorted by, for a
 * list that the store sorts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 cannot say which column the view sorts by
 * (gtk_column_view_sorter_get_primary_sort_column() is 4.10). So each
 * column has its own GtkCustomSorter whose compare function notes its
 * column and answers "smaller", and we ask the view's sorter to compare
 * two dummy objects: the column view sorter asks the primary column's
 * sorter first, and that answer is not equal, so it asks no other. The
 * column noted is the primary one; the view's sorter inverts the answer of
 * a descending column, so "larger" means descending. No column asked means
 * the view is not sorted.
 */

#define G_LOG_DOMAIN "rapport-column-sort"

#include "config.h"

#include "rapport-column-sort.h"

typedef struct
{
  RapportColumnSort *sort;
  int                index;
} Probe;

struct _RapportColumnSort
{
  GtkSorter             *view_sorter;   /* the view's */
  GObject               *probe_a;
  GObject               *probe_b;
  Probe                 *probes;
  guint                  n_columns;
  int                    probed;        /* -1: none was asked */
  RapportColumnSortFunc  func;
  gpointer               data;
};

static int
column_compare (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  Probe *probe = user_data;

  if (probe->sort->probed < 0)
    probe->sort->probed = probe->index;
  return GTK_ORDERING_SMALLER;
}

static void
on_sorter_changed (RapportColumnSort *sort,
                   GtkSorterChange    change,
                   GtkSorter         *sorter)
{
  GtkOrdering order;

  sort->probed = -1;
  order = gtk_sorter_compare (sorter, sort->probe_a, sort->probe_b);
  sort->func (sort->data, sort->probed, sort->probed >= 0 && order == GTK_ORDERING_LARGER);
}

RapportColumnSort *
rapport_column_sort_new (GtkColumnView              *view,
                         GtkColumnViewColumn * const *columns,
                         guint                       n_columns,
                         RapportColumnSortFunc       func,
                         gpointer                    data)
{
  RapportColumnSort *sort = g_new0 (RapportColumnSort, 1);

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  sort->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  sort->probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  sort->probes = g_new0 (Probe, n_columns);
  sort->n_columns = n_columns;
  sort->probed = -1;
  sort->func = func;
  sort->data = data;

  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(GtkSorter) sorter = NULL;

      sort->probes[i] = (Probe) { sort, (int) i };
      sorter = GTK_SORTER (gtk_custom_sorter_new (column_compare, &sort->probes[i], NULL));
      gtk_column_view_column_set_sorter (columns[i], sorter);
    }

  sort->view_sorter = g_object_ref (gtk_column_view_get_sorter (view));
  g_signal_connect_swapped (sort->view_sorter, "changed", G_CALLBACK (on_sorter_changed), sort);
  return sort;
}

void
rapport_column_sort_free (RapportColumnSort *sort)
{
  if (sort == NULL)
    return;

  g_signal_handlers_disconnect_by_data (sort->view_sorter, sort);
  g_clear_object (&sort->view_sorter);
  g_clear_object (&sort->probe_a);
  g_clear_object (&sort->probe_b);
  g_free (sort->probes);
  g_free (sort);
}
