/* rapport-goal-indicator.h — the main goal's progress, small, on the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_GOAL_INDICATOR (rapport_goal_indicator_get_type ())

G_DECLARE_FINAL_TYPE (RapportGoalIndicator, rapport_goal_indicator, RAPPORT, GOAL_INDICATOR, GtkWidget)

GtkWidget *rapport_goal_indicator_new (RapportContext *context);

G_END_DECLS
