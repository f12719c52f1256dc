/* rapport-search-row.h — one result of the global search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_SEARCH_ROW (rapport_search_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportSearchRow, rapport_search_row, RAPPORT, SEARCH_ROW, AdwActionRow)

GtkWidget         *rapport_search_row_new           (RapportSearchKind  kind,
                                                     gint64             record_id,
                                                     const char        *title,
                                                     const char        *subtitle);
RapportSearchKind  rapport_search_row_get_kind      (RapportSearchRow  *self);
gint64             rapport_search_row_get_record_id (RapportSearchRow  *self);
void               rapport_search_row_open          (RapportSearchRow  *self);

G_END_DECLS
