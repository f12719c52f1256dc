/* rapport-goal-text.h — how Insights and the board word a goal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-store.h"
#include "rapport-report.h"

G_BEGIN_DECLS

const char *rapport_goal_text_metric   (RapportGoalMetric          metric);
/* “This month” */
const char *rapport_goal_text_period   (RapportPeriodKind          period);
/* Money in the default currency, or a count. */
char       *rapport_goal_text_amount   (RapportStore              *store,
                                        RapportGoal               *goal,
                                        gint64                     amount);
/* “$8,200 of $20,000” */
char       *rapport_goal_text_progress (RapportStore              *store,
                                        RapportGoal               *goal,
                                        const RapportGoalProgress *progress);
/* “This month — The team” */
char       *rapport_goal_text_whose    (RapportGoal               *goal);
/* The whole goal read aloud: “Won value, This month — The team: $8,200 of $20,000.” */
char       *rapport_goal_text_describe (RapportStore              *store,
                                        RapportGoal               *goal,
                                        const RapportGoalProgress *progress);

G_END_DECLS
