/* rapport-record-extras.h — the tags and custom fields of a contact or an
 * organization
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_RECORD_EXTRAS (rapport_record_extras_get_type ())

G_DECLARE_FINAL_TYPE (RapportRecordExtras, rapport_record_extras, RAPPORT, RECORD_EXTRAS, AdwBin)

/* @record: a RapportContact or a RapportOrganization */
GtkWidget *rapport_record_extras_new (RapportContext *context,
                                      RapportRecord  *record);

G_END_DECLS
