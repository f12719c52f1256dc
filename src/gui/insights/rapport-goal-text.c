/* rapport-goal-text.c — how Insights and the board word a goal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-goal-text"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-format.h"
#include "rapport-goal-text.h"

const char *
rapport_goal_text_metric (RapportGoalMetric metric)
{
  switch (metric)
    {
    case RAPPORT_GOAL_METRIC_WON_VALUE:
      return _("Won value");
    case RAPPORT_GOAL_METRIC_DEALS_WON:
      return _("Deals won");
    case RAPPORT_GOAL_METRIC_DEALS_ADDED:
      return _("Deals added");
    case RAPPORT_GOAL_METRIC_ACTIVITIES_DONE:
      return _("Activities done");
    case RAPPORT_GOAL_METRIC_LEADS_CONTACTED_IN_TIME:
      return _("Leads contacted in time");
    default:
      return "";
    }
}

const char *
rapport_goal_text_period (RapportPeriodKind period)
{
  switch (period)
    {
    case RAPPORT_PERIOD_WEEK:
      return _("This week");
    case RAPPORT_PERIOD_MONTH:
      return _("This month");
    case RAPPORT_PERIOD_QUARTER:
      return _("This quarter");
    case RAPPORT_PERIOD_YEAR:
      return _("This year");
    default:
      return "";
    }
}

char *
rapport_goal_text_amount (RapportStore *store,
                          RapportGoal  *goal,
                          gint64        amount)
{
  if (rapport_goal_metric_is_money (rapport_goal_get_metric (goal)))
    return rapport_format_money_whole (amount, rapport_store_get_default_currency (store));

  return g_strdup_printf ("%" G_GINT64_FORMAT, amount);
}


char *
rapport_goal_text_progress (RapportStore              *store,
                            RapportGoal               *goal,
                            const RapportGoalProgress *progress)
{
  g_autofree char *actual = rapport_goal_text_amount (store, goal, progress->actual);
  g_autofree char *target = rapport_goal_text_amount (store, goal, progress->target);

  /* Translators: a goal's progress: “$8,200 of $20,000” */
  return g_strdup_printf (_("%s of %s"), actual, target);
}

char *
rapport_goal_text_describe (RapportStore              *store,
                            RapportGoal               *goal,
                            const RapportGoalProgress *progress)
{
  g_autofree char *text = rapport_goal_text_progress (store, goal, progress);
  g_autofree char *whose = rapport_goal_text_whose (goal);

  /* Translators: a goal read aloud: “Won value, This month — The team: $8,200 of $20,000.” */
  return g_strdup_printf (_("%s, %s: %s."), rapport_goal_text_metric (rapport_goal_get_metric (goal)),
                          whose, text);
}

char *
rapport_goal_text_whose (RapportGoal *goal)
{
  const char *owner = rapport_goal_get_owner (goal);

  /* Translators: a goal's period and whose it is: “This month — Maya Cohen” */
  return g_strdup_printf (_("%s — %s"), rapport_goal_text_period (rapport_goal_get_period (goal)),
                          owner && *owner ? owner : _("The team"));
}
