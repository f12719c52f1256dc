/* rapport-pipeline-move-dialog.h — a deal to another pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_PIPELINE_MOVE_DIALOG (rapport_pipeline_move_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RapportPipelineMoveDialog, rapport_pipeline_move_dialog,
                      RAPPORT, PIPELINE_MOVE_DIALOG, AdwMessageDialog)

/* Asks where in another pipeline @deal goes, over the window of @from,
 * and moves it there, with Undo in its toast and on Ctrl+Z. */
void rapport_pipeline_move_dialog_ask (RapportContext *context,
                                       GtkWidget      *from,
                                       RapportDeal    *deal);

G_END_DECLS
