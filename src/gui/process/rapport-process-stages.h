/* rapport-process-stages.h — the stages of a pipeline, edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_PROCESS_STAGES (rapport_process_stages_get_type ())

G_DECLARE_FINAL_TYPE (RapportProcessStages, rapport_process_stages, RAPPORT, PROCESS_STAGES, AdwPreferencesGroup)

/* Set once, by the editor that holds the group. */
void rapport_process_stages_set_store    (RapportProcessStages *self,
                                          RapportStore         *store);
/* @pipeline (nullable): the pipeline whose stages are shown. */
void rapport_process_stages_set_pipeline (RapportProcessStages *self,
                                          RapportPipeline      *pipeline);

G_END_DECLS
