/* rapport-deal-filters.h — the deals' filters, under a button that counts them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_DEAL_FILTERS (rapport_deal_filters_get_type ())

G_DECLARE_FINAL_TYPE (RapportDealFilters, rapport_deal_filters, RAPPORT, DEAL_FILTERS, AdwBin)

/* Its choices come from @store: the stages, the owners, the tags. */
void     rapport_deal_filters_set_store  (RapportDealFilters *self,
                                          RapportStore       *store);
/* The board's columns are stages already: no stage filter there. */
void     rapport_deal_filters_set_show_stage (RapportDealFilters *self,
                                              gboolean            show_stage);
/* The board's My Deals chooses the owner itself: no owner filter then. */
void     rapport_deal_filters_set_show_owner (RapportDealFilters *self,
                                              gboolean            show_owner);
/* Writes the filters set into @query (its strings are the widget's, valid
 * until the next ::changed); how many are set. */
guint    rapport_deal_filters_apply      (RapportDealFilters *self,
                                          RapportDealQuery   *query);

G_END_DECLS
