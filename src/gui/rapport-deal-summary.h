/* rapport-deal-summary.h — a read-only summary of one deal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_DEAL_SUMMARY (rapport_deal_summary_get_type ())

G_DECLARE_FINAL_TYPE (RapportDealSummary, rapport_deal_summary, RAPPORT, DEAL_SUMMARY, AdwWindow)

GtkWidget   *rapport_deal_summary_new      (RapportStore       *store,
                                            RapportDeal        *deal);
RapportDeal *rapport_deal_summary_get_deal (RapportDealSummary *self);

G_END_DECLS
