/* rapport-picker-row.h — an entry row that picks a stored record or names a new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* An entry row that picks a stored contact or organization (its
 * "record-type") by the start of its name, or names a new one. */
#define RAPPORT_TYPE_PICKER_ROW (rapport_picker_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportPickerRow, rapport_picker_row, RAPPORT, PICKER_ROW, AdwEntryRow)

RapportStore  *rapport_picker_row_get_store  (RapportPickerRow  *self);
void           rapport_picker_row_set_store  (RapportPickerRow  *self,
                                              RapportStore      *store);
RapportRecord *rapport_picker_row_get_record (RapportPickerRow  *self);
void           rapport_picker_row_set_record (RapportPickerRow  *self,
                                              RapportRecord     *record);
char          *rapport_picker_row_dup_name   (RapportPickerRow  *self);

G_END_DECLS
