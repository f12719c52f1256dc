/* rapport-lost-reason-dialog.h — asks why a deal was lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_LOST_REASON_DIALOG (rapport_lost_reason_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RapportLostReasonDialog, rapport_lost_reason_dialog, RAPPORT, LOST_REASON_DIALOG, AdwMessageDialog)

GtkWidget   *rapport_lost_reason_dialog_new      (GtkWindow               *parent,
                                                  RapportStore            *store,
                                                  RapportDeal             *deal);
RapportDeal *rapport_lost_reason_dialog_get_deal (RapportLostReasonDialog *self);

G_END_DECLS
