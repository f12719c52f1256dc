/* rapport-goal.h — a target the team or one owner works towards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A goal holds what is measured, over which kind of period, for whom, and
 * the target; never the progress, which rapport_store_get_goal_progress()
 * computes from the data.
 */

#pragma once

#include "rapport-record.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_GOAL (rapport_goal_get_type ())

G_DECLARE_FINAL_TYPE (RapportGoal, rapport_goal, RAPPORT, GOAL, RapportRecord)

RapportGoalMetric rapport_goal_get_metric         (RapportGoal *self);
RapportPeriodKind rapport_goal_get_period         (RapportGoal *self);
/* NULL for the whole team */
const char       *rapport_goal_get_owner          (RapportGoal *self);
/* Money in minor units of the default currency, or a count. */
gint64            rapport_goal_get_target         (RapportGoal *self);
gint64            rapport_goal_get_created_at     (RapportGoal *self);
/* The start of the last period the goal was marked reached in; 0 if never. */
gint64            rapport_goal_get_reached_period (RapportGoal *self);
/* Whether the metric is money (won value). */
gboolean          rapport_goal_metric_is_money    (RapportGoalMetric metric);

G_END_DECLS
