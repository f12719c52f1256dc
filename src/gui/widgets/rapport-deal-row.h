/* rapport-deal-row.h — one deal in a contact's or an organization's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_DEAL_ROW (rapport_deal_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportDealRow, rapport_deal_row, RAPPORT, DEAL_ROW, AdwActionRow)

GtkWidget   *rapport_deal_row_new      (RapportContext *context,
                                        RapportDeal    *deal);
RapportDeal *rapport_deal_row_get_deal (RapportDealRow *self);

G_END_DECLS
