/* rapport-deal-detail.h — everything about one deal: fields, stages, playbook, BANT, activities, negotiation, notes, history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_DEAL_DETAIL (rapport_deal_detail_get_type ())

G_DECLARE_FINAL_TYPE (RapportDealDetail, rapport_deal_detail, RAPPORT, DEAL_DETAIL, AdwBin)

/* A page for the window's navigation; its "title" property is what the
 * header bar shows while it is open. */
GtkWidget   *rapport_deal_detail_new      (RapportContext    *context,
                                          RapportDeal       *deal);
RapportDeal *rapport_deal_detail_get_deal (RapportDealDetail *self);

G_END_DECLS
