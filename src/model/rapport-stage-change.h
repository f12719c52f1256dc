/* rapport-stage-change.h — one move of a deal between stages or statuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-record.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_STAGE_CHANGE (rapport_stage_change_get_type ())

G_DECLARE_FINAL_TYPE (RapportStageChange, rapport_stage_change, RAPPORT, STAGE_CHANGE, RapportRecord)

gint64           rapport_stage_change_get_deal_id       (RapportStageChange *self);
gint64           rapport_stage_change_get_from_stage_id (RapportStageChange *self);
gint64           rapport_stage_change_get_to_stage_id   (RapportStageChange *self);
RapportDealStatus rapport_stage_change_get_from_status   (RapportStageChange *self);
RapportDealStatus rapport_stage_change_get_to_status     (RapportStageChange *self);
gint64           rapport_stage_change_get_changed_at    (RapportStageChange *self);
const char      *rapport_stage_change_get_from_stage_name (RapportStageChange *self);
const char      *rapport_stage_change_get_to_stage_name   (RapportStageChange *self);
RapportStageChangeReason rapport_stage_change_get_reason (RapportStageChange *self);

G_END_DECLS
