/* rapport-stage-column.h — one stage of the pipeline board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_STAGE_COLUMN (rapport_stage_column_get_type ())

G_DECLARE_FINAL_TYPE (RapportStageColumn, rapport_stage_column, RAPPORT, STAGE_COLUMN, GtkBox)

GtkWidget    *rapport_stage_column_new            (RapportStore       *store,
                                                   RapportStage       *stage);
GtkWidget    *rapport_stage_column_new_with_rows  (RapportStore       *store,
                                                   RapportStage       *stage,
                                                   guint               first_rows);
RapportStage *rapport_stage_column_get_stage      (RapportStageColumn *self);
GListModel   *rapport_stage_column_get_deals      (RapportStageColumn *self);
guint         rapport_stage_column_get_n_deals    (RapportStageColumn *self);
void          rapport_stage_column_refresh_totals (RapportStageColumn *self);
void          rapport_stage_column_get_totals     (RapportStageColumn *self,
                                                   guint              *n_deals,
                                                   gint64             *total,
                                                   gint64             *weighted);
guint         rapport_stage_column_get_n_stage    (RapportStageColumn *self);
gboolean      rapport_stage_column_focus_nearest  (RapportStageColumn *self,
                                                   GtkWidget          *from,
                                                   double              y);
void          rapport_stage_column_show_deal      (RapportStageColumn *self,
                                                   RapportDeal        *deal,
                                                   gboolean            focus);
void          rapport_stage_column_keep_in_view   (RapportStageColumn *self,
                                                   guint               position);

void          rapport_stage_column_set_filter     (RapportStageColumn     *self,
                                                  const RapportDealQuery *filter);

G_END_DECLS
