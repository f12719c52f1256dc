/* rapport-deal.h — a confirmed chance to sell, with a value, a stage and an owner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-record.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_DEAL (rapport_deal_get_type ())

G_DECLARE_FINAL_TYPE (RapportDeal, rapport_deal, RAPPORT, DEAL, RapportRecord)

const char *     rapport_deal_get_title               (RapportDeal *self);
gint64           rapport_deal_get_value               (RapportDeal *self);
const char *     rapport_deal_get_currency            (RapportDeal *self);
gint64           rapport_deal_get_stage_id            (RapportDeal *self);
gint64           rapport_deal_get_rank                (RapportDeal *self);
gint64           rapport_deal_get_contact_id          (RapportDeal *self);
gint64           rapport_deal_get_organization_id     (RapportDeal *self);
const char *     rapport_deal_get_expected_close      (RapportDeal *self);
RapportDealStatus rapport_deal_get_status              (RapportDeal *self);
const char *     rapport_deal_get_lost_reason         (RapportDeal *self);
RapportAnswer    rapport_deal_get_bant_budget         (RapportDeal *self);
RapportAnswer    rapport_deal_get_bant_authority      (RapportDeal *self);
RapportAnswer    rapport_deal_get_bant_need           (RapportDeal *self);
RapportAnswer    rapport_deal_get_bant_timeline       (RapportDeal *self);
const char *     rapport_deal_get_bant_budget_note    (RapportDeal *self);
const char *     rapport_deal_get_bant_authority_note (RapportDeal *self);
const char *     rapport_deal_get_bant_need_note      (RapportDeal *self);
const char *     rapport_deal_get_bant_timeline_note  (RapportDeal *self);
const char *     rapport_deal_get_owner               (RapportDeal *self);
gint64           rapport_deal_get_created_at          (RapportDeal *self);
gint64           rapport_deal_get_updated_at          (RapportDeal *self);
gint64           rapport_deal_get_closed_at           (RapportDeal *self);
gint64           rapport_deal_get_stage_entered_at    (RapportDeal *self);
/* The earlier deal this one repeats, or 0. */
gint64           rapport_deal_get_repeat_of           (RapportDeal *self);
int              rapport_deal_get_bant_score          (RapportDeal *self);
gboolean         rapport_deal_get_qualified           (RapportDeal *self);

gboolean    rapport_bant_is_qualified (int score);

G_END_DECLS
