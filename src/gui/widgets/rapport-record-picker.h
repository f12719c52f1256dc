/* rapport-record-picker.h — an entry row that picks a stored record or names a new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* An entry row that picks a stored contact, organization or deal (its
 * "kind") by the start of its name, or names a new one ("allow-new"). */
#define RAPPORT_TYPE_RECORD_PICKER (rapport_record_picker_get_type ())

G_DECLARE_FINAL_TYPE (RapportRecordPicker, rapport_record_picker, RAPPORT, RECORD_PICKER, AdwEntryRow)

RapportStore  *rapport_record_picker_get_store       (RapportRecordPicker *self);
void           rapport_record_picker_set_store       (RapportRecordPicker *self,
                                                      RapportStore        *store);
RapportEntity  rapport_record_picker_get_kind        (RapportRecordPicker *self);
RapportRecord *rapport_record_picker_get_record      (RapportRecordPicker *self);
void           rapport_record_picker_set_record      (RapportRecordPicker *self,
                                                      RapportRecord       *record);
gint64         rapport_record_picker_get_selected_id (RapportRecordPicker *self);
void           rapport_record_picker_clear           (RapportRecordPicker *self);
char          *rapport_record_picker_dup_name        (RapportRecordPicker *self);

G_END_DECLS
