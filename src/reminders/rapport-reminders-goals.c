/* rapport-reminders-goals.c — tells the team when a goal is reached
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A goal's progress is computed from the data, so any write may reach
 * one: a won deal, a call logged, a lead answered. After a burst of
 * changes has settled, each goal's progress in its current period is
 * looked at once; a goal at or past its target is marked reached for the
 * period in the file, and only the program whose mark was the first
 * (the app, the background reminders or another machine's) shows the
 * notification, so the team hears of it once per period.
 */

#define G_LOG_DOMAIN "rapport-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-format.h"
#include "rapport-reminders-internal.h"

/* Changes come in bursts (an import, a sync): look once they settle. */
#define GOALS_SETTLE_MS 1000

static char *
rapport_reminders_goal_amount (RapportGoal *goal,
                               gint64       amount,
                               const char  *currency)
{
  if (rapport_goal_metric_is_money (rapport_goal_get_metric (goal)))
    return rapport_format_money (amount, currency);

  return g_strdup_printf ("%" G_GINT64_FORMAT, amount);
}

/* The notification's summary names what was reached and for which period,
 * as whole sentences (the five metrics × four periods would not translate
 * as pieces). */
static const char *
rapport_reminders_goal_summary (RapportGoal *goal)
{
  static const char * const summaries[][4] = {
    [RAPPORT_GOAL_METRIC_WON_VALUE] = {
      N_("This week’s goal for won value is reached"),
      N_("This month’s goal for won value is reached"),
      N_("This quarter’s goal for won value is reached"),
      N_("This year’s goal for won value is reached"),
    },
    [RAPPORT_GOAL_METRIC_DEALS_WON] = {
      N_("This week’s goal for deals won is reached"),
      N_("This month’s goal for deals won is reached"),
      N_("This quarter’s goal for deals won is reached"),
      N_("This year’s goal for deals won is reached"),
    },
    [RAPPORT_GOAL_METRIC_DEALS_ADDED] = {
      N_("This week’s goal for deals added is reached"),
      N_("This month’s goal for deals added is reached"),
      N_("This quarter’s goal for deals added is reached"),
      N_("This year’s goal for deals added is reached"),
    },
    [RAPPORT_GOAL_METRIC_ACTIVITIES_DONE] = {
      N_("This week’s goal for activities done is reached"),
      N_("This month’s goal for activities done is reached"),
      N_("This quarter’s goal for activities done is reached"),
      N_("This year’s goal for activities done is reached"),
    },
    [RAPPORT_GOAL_METRIC_LEADS_CONTACTED_IN_TIME] = {
      N_("This week’s goal for leads contacted in time is reached"),
      N_("This month’s goal for leads contacted in time is reached"),
      N_("This quarter’s goal for leads contacted in time is reached"),
      N_("This year’s goal for leads contacted in time is reached"),
    },
  };
  RapportGoalMetric metric = rapport_goal_get_metric (goal);
  RapportPeriodKind period = rapport_goal_get_period (goal);

  g_return_val_if_fail ((guint) metric < G_N_ELEMENTS (summaries), "");
  g_return_val_if_fail ((guint) period < G_N_ELEMENTS (summaries[0]), "");

  return _(summaries[metric][period]);
}

static char *
rapport_reminders_goal_body (RapportReminders          *self,
                             RapportGoal               *goal,
                             const RapportGoalProgress *progress)
{
  const char *currency = rapport_store_get_default_currency (self->store);
  g_autofree char *actual = rapport_reminders_goal_amount (goal, progress->actual, currency);
  g_autofree char *target = rapport_reminders_goal_amount (goal, progress->target, currency);
  const char *owner = rapport_goal_get_owner (goal);

  if (owner != NULL && *owner != '\0')
    /* Translators: “Maya Cohen: $21,000 of the $20,000 set.” */
    return g_strdup_printf (_("%s: %s of the %s set."), owner, actual, target);

  /* Translators: “The team: $21,000 of the $20,000 set.” */
  return g_strdup_printf (_("The team: %s of the %s set."), actual, target);
}

/* Goals share the notifier's keys with follow-ups (ids from 1) and the two
 * summaries (0 and -1): theirs are below. */
static gint64
rapport_reminders_goal_key (RapportGoal *goal)
{
  return SUMMARY_EARLY_KEY - rapport_record_get_id (RAPPORT_RECORD (goal));
}

static void
rapport_reminders_announce_goal (RapportReminders          *self,
                                 RapportGoal               *goal,
                                 const RapportGoalProgress *progress)
{
  const char *summary = rapport_reminders_goal_summary (goal);
  g_autofree char *body = rapport_reminders_goal_body (self, goal, progress);
  g_autofree char *brief = g_strdup_printf ("%s. %s", summary, body);

  if (self->debug)
    g_printerr ("rapport-reminders: goal %" G_GINT64_FORMAT " reached: %s\n",
                rapport_record_get_id (RAPPORT_RECORD (goal)), brief);

  rapport_reminders_emit_goal_reached (self, goal, summary, body);

  if (self->notifier != NULL)
    rapport_notifier_show (self->notifier, rapport_reminders_goal_key (goal), summary, body,
                           RAPPORT_NOTIFIER_URGENCY_NORMAL, NULL, brief);
}

static void
rapport_reminders_check_goal (RapportReminders *self,
                              RapportGoal      *goal)
{
  RapportGoalProgress progress;
  g_autoptr(GError) error = NULL;
  gboolean first_time = FALSE;

  if (!rapport_store_get_goal_progress (self->store, goal, 0, &progress, &error))
    {
      g_warning ("Could not compute a goal’s progress: %s", error->message);
      return;
    }

  if (!progress.reached || progress.notified)
    return;

  if (!rapport_store_mark_goal_reached (self->store, goal, progress.start, &first_time, &error))
    {
      /* A read-only or busy file: another program will tell. */
      g_debug ("Could not mark a goal reached: %s", error->message);
      return;
    }

  if (first_time)
    rapport_reminders_announce_goal (self, goal, &progress);
}

void
rapport_reminders_check_goals (RapportReminders *self)
{
  GListModel *goals;

  g_return_if_fail (RAPPORT_IS_REMINDERS (self));

  rapport_reminders_clear_source (&self->goals_check);

  goals = rapport_store_get_goals (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(RapportGoal) goal = g_list_model_get_item (goals, i);

      rapport_reminders_check_goal (self, goal);
    }
}

static gboolean
rapport_reminders_on_goals_settled (gpointer data)
{
  RapportReminders *self = data;

  g_source_unref (g_steal_pointer (&self->goals_check));
  rapport_reminders_check_goals (self);

  return G_SOURCE_REMOVE;
}

static void
rapport_reminders_queue_goals_check (RapportReminders *self)
{
  if (self->goals_check != NULL)
    return;

  self->goals_check = g_timeout_source_new (GOALS_SETTLE_MS);
  g_source_set_callback (self->goals_check, rapport_reminders_on_goals_settled, self, NULL);
  g_source_set_static_name (self->goals_check, "[rapport] goals check");
  g_source_attach (self->goals_check, self->context);
}

static void
rapport_reminders_on_goal_notice (RapportReminders    *self,
                                  const RapportNotice *notice,
                                  RapportStore        *store)
{
  g_assert (RAPPORT_IS_REMINDERS (self));

  rapport_reminders_queue_goals_check (self);
}

void
rapport_reminders_init_goals (RapportReminders *self)
{
  /* What every metric counts: deals (won value, won, added), activities
   * (done), contacts (first contact of a lead); and the goals themselves. */
  static const char * const details[] = {
    "notice::deal", "notice::activity", "notice::contact", "notice::goal",
  };

  g_assert (RAPPORT_IS_REMINDERS (self));

  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    g_signal_connect_object (self->store, details[i],
                             G_CALLBACK (rapport_reminders_on_goal_notice), self,
                             G_CONNECT_SWAPPED);

  /* A goal reached while no program was running is told at start. */
  rapport_reminders_queue_goals_check (self);
}
