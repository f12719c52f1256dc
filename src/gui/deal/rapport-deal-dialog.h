/* rapport-deal-dialog.h — the “New Deal” dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_DEAL_DIALOG (rapport_deal_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RapportDealDialog, rapport_deal_dialog, RAPPORT, DEAL_DIALOG, AdwWindow)

GtkWidget     *rapport_deal_dialog_new       (GtkWindow         *parent,
                                              RapportContext    *context);
GtkWidget     *rapport_deal_dialog_new_repeat (GtkWindow        *parent,
                                               RapportContext   *context,
                                               RapportDeal      *earlier);
RapportStore  *rapport_deal_dialog_get_store (RapportDealDialog *self);

G_END_DECLS
