/* rapport-after-sales-editor.h — a pipeline's after-sales plan, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One expandable row per step (its title, kind, days after the win, note
 * and what it offers when done), Add Step, Remove, and reordering by
 * drag and by Alt+Up / Alt+Down. Every edit is a store call; the rows
 * follow the store. The process editor embeds it as a section;
 * rapport_after_sales_editor_present() shows it alone in a window.
 */

#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_AFTER_SALES_EDITOR (rapport_after_sales_editor_get_type ())

G_DECLARE_FINAL_TYPE (RapportAfterSalesEditor, rapport_after_sales_editor, RAPPORT, AFTER_SALES_EDITOR, AdwBin)

GtkWidget       *rapport_after_sales_editor_new          (RapportStore            *store,
                                                          RapportPipeline         *pipeline);
RapportStore    *rapport_after_sales_editor_get_store    (RapportAfterSalesEditor *self);
RapportPipeline *rapport_after_sales_editor_get_pipeline (RapportAfterSalesEditor *self);
void             rapport_after_sales_editor_set_pipeline (RapportAfterSalesEditor *self,
                                                          RapportPipeline         *pipeline);

/* “After-Sales Plan”: a small window of its own for @pipeline's plan. */
void             rapport_after_sales_editor_present      (GtkWindow               *parent,
                                                          RapportStore            *store,
                                                          RapportPipeline         *pipeline);

G_END_DECLS
