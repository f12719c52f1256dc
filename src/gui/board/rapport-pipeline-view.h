/* rapport-pipeline-view.h — the pipeline board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_PIPELINE_VIEW (rapport_pipeline_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportPipelineView, rapport_pipeline_view, RAPPORT, PIPELINE_VIEW, AdwBin)

GtkWidget    *rapport_pipeline_view_new        (RapportStore        *store);
RapportStore *rapport_pipeline_view_get_store  (RapportPipelineView *self);
void          rapport_pipeline_view_set_store  (RapportPipelineView *self,
                                                RapportStore        *store);

/* For the board's own widgets: a card tells the board a drag of @deal
 * began from @source, so the Won and Lost zones show until @drag ends,
 * and Escape cancels it. */
void          rapport_pipeline_view_track_drag (RapportPipelineView *self,
                                                GtkDragSource       *source,
                                                GdkDrag             *drag,
                                                RapportDeal         *deal);
gboolean      rapport_pipeline_view_drop_is_cancelled (GtkDropTarget *target);
gboolean      rapport_pipeline_view_focus_beside (RapportPipelineView *self,
                                                  GtkWidget           *card,
                                                  int                  delta);

G_END_DECLS
