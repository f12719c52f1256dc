/* rapport-stage-action.h — one key action of a stage's playbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-record.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_STAGE_ACTION (rapport_stage_action_get_type ())

G_DECLARE_FINAL_TYPE (RapportStageAction, rapport_stage_action, RAPPORT, STAGE_ACTION, RapportRecord)

gint64      rapport_stage_action_get_stage_id (RapportStageAction *self);
int         rapport_stage_action_get_position (RapportStageAction *self);
const char *rapport_stage_action_get_action   (RapportStageAction *self);
const char *rapport_stage_action_get_owner    (RapportStageAction *self);
const char *rapport_stage_action_get_material (RapportStageAction *self);
const char *rapport_stage_action_get_output   (RapportStageAction *self);
const char *rapport_stage_action_get_activity (RapportStageAction *self);

G_END_DECLS
