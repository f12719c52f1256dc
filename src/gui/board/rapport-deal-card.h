/* rapport-deal-card.h — one deal on the pipeline board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_DEAL_CARD (rapport_deal_card_get_type ())

G_DECLARE_FINAL_TYPE (RapportDealCard, rapport_deal_card, RAPPORT, DEAL_CARD, GtkWidget)

/* Where a drop would land, relative to this card. */
typedef enum
{
  RAPPORT_DROP_NONE,
  RAPPORT_DROP_BEFORE,
  RAPPORT_DROP_AFTER,
} RapportDropPosition;

GtkWidget    *rapport_deal_card_new                (RapportStore        *store);
RapportStore *rapport_deal_card_get_store          (RapportDealCard     *self);
RapportDeal  *rapport_deal_card_get_deal           (RapportDealCard     *self);
void          rapport_deal_card_set_deal           (RapportDealCard     *self,
                                                    RapportDeal         *deal);
void          rapport_deal_card_refresh_badges     (RapportDealCard     *self);
void          rapport_deal_card_set_list_item      (RapportDealCard     *self,
                                                    GtkListItem         *list_item);
int           rapport_deal_card_get_position       (RapportDealCard     *self);
void          rapport_deal_card_set_drop_position  (RapportDealCard     *self,
                                                    RapportDropPosition  where);

G_END_DECLS
