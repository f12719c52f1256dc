/* rapport-goal.c — a target the team or one owner works towards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-goal"

#include "config.h"

#include "rapport-enums.h"
#include "rapport-goal.h"

struct _RapportGoal
{
  RapportRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RapportGoal, rapport_goal, RAPPORT_TYPE_RECORD)

enum {
  PROP_0,
  PROP_METRIC,
  PROP_PERIOD,
  PROP_OWNER,
  PROP_TARGET,
  PROP_CREATED_AT,
  PROP_REACHED_PERIOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_goal_class_init (RapportGoalClass *klass)
{
  properties[PROP_METRIC] =
    g_param_spec_enum ("metric", NULL, NULL, RAPPORT_TYPE_GOAL_METRIC, RAPPORT_GOAL_METRIC_WON_VALUE,
                       RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_PERIOD] =
    g_param_spec_enum ("period", NULL, NULL, RAPPORT_TYPE_PERIOD_KIND, RAPPORT_PERIOD_MONTH,
                       RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_TARGET] =
    g_param_spec_int64 ("target", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_REACHED_PERIOD] =
    g_param_spec_int64 ("reached-period", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  rapport_record_class_install (RAPPORT_RECORD_CLASS (klass), "goal", properties, N_PROPS);
}

static void
rapport_goal_init (RapportGoal *self)
{
}

RapportGoalMetric
rapport_goal_get_metric (RapportGoal *self)
{
  g_return_val_if_fail (RAPPORT_IS_GOAL (self), 0);

  return rapport_record_get_int (RAPPORT_RECORD (self), PROP_METRIC);
}

RapportPeriodKind
rapport_goal_get_period (RapportGoal *self)
{
  g_return_val_if_fail (RAPPORT_IS_GOAL (self), 0);

  return rapport_record_get_int (RAPPORT_RECORD (self), PROP_PERIOD);
}

const char *
rapport_goal_get_owner (RapportGoal *self)
{
  g_return_val_if_fail (RAPPORT_IS_GOAL (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_OWNER);
}

gint64
rapport_goal_get_target (RapportGoal *self)
{
  g_return_val_if_fail (RAPPORT_IS_GOAL (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_TARGET);
}

gint64
rapport_goal_get_created_at (RapportGoal *self)
{
  g_return_val_if_fail (RAPPORT_IS_GOAL (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_CREATED_AT);
}

gint64
rapport_goal_get_reached_period (RapportGoal *self)
{
  g_return_val_if_fail (RAPPORT_IS_GOAL (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_REACHED_PERIOD);
}

gboolean
rapport_goal_metric_is_money (RapportGoalMetric metric)
{
  return metric == RAPPORT_GOAL_METRIC_WON_VALUE;
}
