/* rapport-match-row.h — one match of a record picker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MATCH_ROW (rapport_match_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportMatchRow, rapport_match_row, RAPPORT, MATCH_ROW, GtkListBoxRow)

GtkWidget     *rapport_match_row_new        (RapportRecord   *record,
                                             const char      *title,
                                             const char      *markup,
                                             const char      *detail,
                                             const char      *icon_name);
RapportRecord *rapport_match_row_get_record (RapportMatchRow *self);

G_END_DECLS
