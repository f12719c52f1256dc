/* rapport-pipeline.h — a sales process: an ordered list of stages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-record.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_PIPELINE (rapport_pipeline_get_type ())

G_DECLARE_FINAL_TYPE (RapportPipeline, rapport_pipeline, RAPPORT, PIPELINE, RapportRecord)

const char *rapport_pipeline_get_name       (RapportPipeline *self);
const char *rapport_pipeline_get_template   (RapportPipeline *self);
int         rapport_pipeline_get_position   (RapportPipeline *self);
gint64      rapport_pipeline_get_created_at (RapportPipeline *self);
const char *rapport_pipeline_get_process_uid (RapportPipeline *self);
int         rapport_pipeline_get_process_version (RapportPipeline *self);

G_END_DECLS
