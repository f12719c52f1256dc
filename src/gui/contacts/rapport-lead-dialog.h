/* rapport-lead-dialog.h — the “New Lead” dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_LEAD_DIALOG (rapport_lead_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RapportLeadDialog, rapport_lead_dialog, RAPPORT, LEAD_DIALOG, AdwWindow)

GtkWidget    *rapport_lead_dialog_new       (GtkWindow         *parent,
                                             RapportContext    *context);
GtkWidget    *rapport_lead_dialog_new_contact (GtkWindow      *parent,
                                               RapportContext *context);
RapportStore *rapport_lead_dialog_get_store (RapportLeadDialog *self);

G_END_DECLS
