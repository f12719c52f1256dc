/* rapport-process-editor.h — the sales process, edited: "Edit Process…"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window of its own: the pipelines on one side; on the other the
 * chosen pipeline's name, its stages, the chosen stage's settings, gates
 * and playbook, and its after-sales plan. Every change is one store call
 * at once, and the board and the deal pages follow its notices.
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_PROCESS_EDITOR (rapport_process_editor_get_type ())

G_DECLARE_FINAL_TYPE (RapportProcessEditor, rapport_process_editor, RAPPORT, PROCESS_EDITOR, AdwWindow)

/* Opens on @pipeline (the current one when NULL), over @parent. */
GtkWidget       *rapport_process_editor_new          (RapportContext       *context,
                                                      GtkWindow            *parent,
                                                      RapportPipeline      *pipeline);
RapportPipeline *rapport_process_editor_get_pipeline (RapportProcessEditor *self);
void             rapport_process_editor_set_pipeline (RapportProcessEditor *self,
                                                      RapportPipeline      *pipeline);

G_END_DECLS
