/* rapport-pipeline-view.h — the pipeline board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_PIPELINE_VIEW (rapport_pipeline_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportPipelineView, rapport_pipeline_view, RAPPORT, PIPELINE_VIEW, AdwBin)

GtkWidget    *rapport_pipeline_view_new        (RapportContext      *context);
RapportStore *rapport_pipeline_view_get_store  (RapportPipelineView *self);

G_END_DECLS
