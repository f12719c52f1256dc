/* rapport-deal-dialog.h — the “New Deal” dialog, and its pick-or-create row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_DEAL_DIALOG (rapport_deal_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RapportDealDialog, rapport_deal_dialog, RAPPORT, DEAL_DIALOG, AdwWindow)

GtkWidget     *rapport_deal_dialog_new       (GtkWindow         *parent,
                                              RapportStore      *store);
RapportStore  *rapport_deal_dialog_get_store (RapportDealDialog *self);

/* An entry row that picks a stored contact or organization by the start of
 * its name, or names a new one. Shared with the lead dialog; it belongs in
 * a file of its own (rapport-picker-row.c) once that is not another
 * engineer's to create. */
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
