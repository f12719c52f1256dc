/* rapport-choice-row.h — one entry of a kept list, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_CHOICE_ROW (rapport_choice_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportChoiceRow, rapport_choice_row, RAPPORT, CHOICE_ROW, AdwEntryRow)

GtkWidget  *rapport_choice_row_new       (const char       *label);
const char *rapport_choice_row_get_label (RapportChoiceRow *self);
/* The move buttons say what is possible at the row's place. */
void        rapport_choice_row_set_place (RapportChoiceRow *self,
                                          gboolean          first,
                                          gboolean          last);

G_END_DECLS
