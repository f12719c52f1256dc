/* rapport-goal-dialog.h — Add Goal: what is measured, over which period,
 * for whom, and the target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_GOAL_DIALOG (rapport_goal_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RapportGoalDialog, rapport_goal_dialog, RAPPORT, GOAL_DIALOG, AdwWindow)

GtkWidget *rapport_goal_dialog_new (RapportContext *context,
                                    GtkWindow      *parent);

G_END_DECLS
