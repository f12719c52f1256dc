/* rapport-gate-dialog.h — "Move … anyway?": a stage's gate is unmet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_GATE_DIALOG (rapport_gate_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RapportGateDialog, rapport_gate_dialog, RAPPORT, GATE_DIALOG, AdwMessageDialog)

/* The question to ask before moving @deal into @stage at @position (as
 * rapport_store_move_deal() counts it), over the window of @from; NULL
 * when nothing stands in the way (no gate, the gate met, a move back):
 * then move at once. Present it and connect to ::move-anyway. */
GtkWidget    *rapport_gate_dialog_new_if_unmet (RapportContext    *context,
                                                GtkWidget         *from,
                                                RapportDeal       *deal,
                                                RapportStage      *stage,
                                                int                position);
RapportDeal  *rapport_gate_dialog_get_deal     (RapportGateDialog *self);
RapportStage *rapport_gate_dialog_get_stage    (RapportGateDialog *self);
int           rapport_gate_dialog_get_position (RapportGateDialog *self);

G_END_DECLS
