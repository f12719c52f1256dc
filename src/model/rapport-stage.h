/* rapport-stage.h — one step of a sales process, with its playbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-record.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_STAGE (rapport_stage_get_type ())

G_DECLARE_FINAL_TYPE (RapportStage, rapport_stage, RAPPORT, STAGE, RapportRecord)

gint64      rapport_stage_get_pipeline_id  (RapportStage *self);
const char *rapport_stage_get_name         (RapportStage *self);
int         rapport_stage_get_position     (RapportStage *self);
int         rapport_stage_get_probability  (RapportStage *self);
const char *rapport_stage_get_purpose      (RapportStage *self);
int         rapport_stage_get_rotting_days (RapportStage *self);
gboolean    rapport_stage_get_require_qualified (RapportStage *self);
gboolean    rapport_stage_get_require_checklist (RapportStage *self);

G_END_DECLS
