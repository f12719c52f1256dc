/* rapport-reminders.c — reminds of follow-ups when they are due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The object: its properties, signals and getters, and wiring the other
 * files together (see rapport-reminders-internal.h). The passes that
 * decide what is due live in rapport-reminders-schedule.c.
 */

#define G_LOG_DOMAIN "rapport-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-reminders-internal.h"
#include "rapport-time.h"

G_DEFINE_FINAL_TYPE (RapportReminders, rapport_reminders, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FLAGS,
  PROP_LEAD_TIME,
  PROP_SERVER_AVAILABLE,
  PROP_HAS_PENDING,
  PROP_NEXT_WAKEUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FIRED,
  IN_APP_REMINDER,
  OPEN_REQUESTED,
  GOAL_REACHED,
  CONTACTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Public */

guint
rapport_reminders_get_n_marking (RapportReminders *self)
{
  g_return_val_if_fail (RAPPORT_IS_REMINDERS (self), 0);

  return g_hash_table_size (self->marking);
}

/**
 * rapport_reminders_new:
 * @store: the database to remind of
 * @flags: %RAPPORT_REMINDERS_OFFLINE for tests
 *
 * The first pass runs from an idle of low priority on the thread-default
 * main context, after the window had its first frame.
 */
RapportReminders *
rapport_reminders_new (RapportStore          *store,
                       RapportRemindersFlags  flags)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_REMINDERS,
                       "store", store,
                       "flags", (guint) flags,
                       NULL);
}

RapportStore *
rapport_reminders_get_store (RapportReminders *self)
{
  g_return_val_if_fail (RAPPORT_IS_REMINDERS (self), NULL);

  return self->store;
}

int
rapport_reminders_get_lead_time (RapportReminders *self)
{
  g_return_val_if_fail (RAPPORT_IS_REMINDERS (self), 0);

  return self->lead_time;
}

/**
 * rapport_reminders_set_lead_time:
 * @minutes: how long before a speed-to-lead follow-up is due its first
 *   reminder fires; 0 for none before the due time
 */
void
rapport_reminders_set_lead_time (RapportReminders *self,
                                 int               minutes)
{
  g_return_if_fail (RAPPORT_IS_REMINDERS (self));
  g_return_if_fail (minutes >= 0);

  if (self->lead_time == minutes)
    return;

  self->lead_time = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD_TIME]);
  rapport_reminders_queue_check (self);
}

/**
 * rapport_reminders_get_server_available:
 *
 * Returns: %FALSE while notifications cannot be shown (no server, or one
 *   that does not answer): reminders come as RapportReminders::in-app-reminder
 */
gboolean
rapport_reminders_get_server_available (RapportReminders *self)
{
  g_return_val_if_fail (RAPPORT_IS_REMINDERS (self), FALSE);

  return self->server_available;
}

/**
 * rapport_reminders_get_has_pending:
 *
 * Returns: whether any follow-up is pending (as of the last pass)
 */
gboolean
rapport_reminders_get_has_pending (RapportReminders *self)
{
  g_return_val_if_fail (RAPPORT_IS_REMINDERS (self), FALSE);

  return self->has_pending;
}

/**
 * rapport_reminders_get_next_wakeup:
 *
 * Returns: when the timer fires next, in unix seconds; 0 for never
 */
gint64
rapport_reminders_get_next_wakeup (RapportReminders *self)
{
  g_return_val_if_fail (RAPPORT_IS_REMINDERS (self), 0);

  return self->next_wakeup;
}

const char *
rapport_reminders_get_activation_token (RapportReminders *self)
{
  g_return_val_if_fail (RAPPORT_IS_REMINDERS (self), NULL);

  return self->activation_token;
}

/* For the other files of the scheduler: the properties they change, and
 * the signals they emit, are the object's. */

void
rapport_reminders_set_next_wakeup (RapportReminders *self,
                                   gint64            next)
{
  g_assert (RAPPORT_IS_REMINDERS (self));

  if (self->next_wakeup == next)
    return;

  self->next_wakeup = next;

  if (self->debug)
    {
      g_autofree char *text = rapport_time_to_iso8601 (next);

      if (text != NULL)
        g_printerr ("rapport-reminders: next wake-up at %s\n", text);
      else
        g_printerr ("rapport-reminders: no wake-up\n");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_WAKEUP]);
}

void
rapport_reminders_set_has_pending (RapportReminders *self,
                                   gboolean          has_pending)
{
  g_assert (RAPPORT_IS_REMINDERS (self));

  if (self->has_pending == !!has_pending)
    return;

  self->has_pending = !!has_pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_PENDING]);
}

void
rapport_reminders_set_server_available (RapportReminders *self,
                                        gboolean          available)
{
  g_assert (RAPPORT_IS_REMINDERS (self));

  if (self->server_available == !!available)
    return;

  self->server_available = !!available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_AVAILABLE]);
}

void
rapport_reminders_emit_fired (RapportReminders     *self,
                              RapportActivity      *activity,
                              RapportReminderLevel  level,
                              guint                 n_followups,
                              const char           *summary,
                              const char           *body)
{
  g_assert (RAPPORT_IS_REMINDERS (self));

  g_signal_emit (self, signals[FIRED], 0, activity, (int) level, n_followups, summary, body);
}

void
rapport_reminders_emit_in_app_reminder (RapportReminders *self,
                                        RapportActivity  *activity,
                                        const char       *text)
{
  g_assert (RAPPORT_IS_REMINDERS (self));

  g_signal_emit (self, signals[IN_APP_REMINDER], 0, activity, text);
}

void
rapport_reminders_emit_goal_reached (RapportReminders *self,
                                     RapportGoal      *goal,
                                     const char       *summary,
                                     const char       *body)
{
  g_assert (RAPPORT_IS_REMINDERS (self));

  g_signal_emit (self, signals[GOAL_REACHED], 0, goal, summary, body);
}

void
rapport_reminders_emit_open_requested (RapportReminders *self,
                                       RapportRecord    *record)
{
  g_assert (RAPPORT_IS_REMINDERS (self));

  g_signal_emit (self, signals[OPEN_REQUESTED], 0, record);
}

void
rapport_reminders_emit_contacted (RapportReminders *self,
                                  RapportActivity  *followup,
                                  RapportActivity  *logged)
{
  g_assert (RAPPORT_IS_REMINDERS (self));

  g_signal_emit (self, signals[CONTACTED], 0, followup, logged);
}

/* GObject */

static void
rapport_reminders_constructed (GObject *object)
{
  RapportReminders *self = RAPPORT_REMINDERS (object);

  G_OBJECT_CLASS (rapport_reminders_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));

  self->context = g_main_context_ref_thread_default ();
  self->debug = g_getenv ("RAPPORT_REMINDERS_DEBUG") != NULL;

  rapport_reminders_init_schedule (self);
  rapport_reminders_init_goals (self);

  if ((self->flags & RAPPORT_REMINDERS_OFFLINE) == 0)
    {
      self->notifier = rapport_notifier_new (_("Rapport"), APPLICATION_ID);
      rapport_reminders_init_actions (self);
      rapport_reminders_watch_sleep (self);
    }

  rapport_reminders_queue_check (self);
}

static void
rapport_reminders_dispose (GObject *object)
{
  RapportReminders *self = RAPPORT_REMINDERS (object);

  rapport_reminders_unwatch_sleep (self);

  rapport_reminders_clear_source (&self->timer);
  rapport_reminders_clear_source (&self->jump_check);
  rapport_reminders_clear_source (&self->idle);
  rapport_reminders_clear_source (&self->goals_check);

  g_clear_object (&self->notifier);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_reminders_parent_class)->dispose (object);
}

static void
rapport_reminders_finalize (GObject *object)
{
  RapportReminders *self = RAPPORT_REMINDERS (object);

  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_pointer (&self->marking, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->summary_ids); i++)
    g_clear_pointer (&self->summary_ids[i], g_array_unref);
  g_clear_pointer (&self->activation_token, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (rapport_reminders_parent_class)->finalize (object);
}

static void
rapport_reminders_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RapportReminders *self = RAPPORT_REMINDERS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FLAGS:
      g_value_set_uint (value, self->flags);
      break;

    case PROP_LEAD_TIME:
      g_value_set_int (value, self->lead_time);
      break;

    case PROP_SERVER_AVAILABLE:
      g_value_set_boolean (value, self->server_available);
      break;

    case PROP_HAS_PENDING:
      g_value_set_boolean (value, self->has_pending);
      break;

    case PROP_NEXT_WAKEUP:
      g_value_set_int64 (value, self->next_wakeup);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_reminders_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RapportReminders *self = RAPPORT_REMINDERS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_FLAGS:
      self->flags = g_value_get_uint (value);
      break;

    case PROP_LEAD_TIME:
      rapport_reminders_set_lead_time (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_reminders_class_init (RapportRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rapport_reminders_constructed;
  object_class->dispose = rapport_reminders_dispose;
  object_class->finalize = rapport_reminders_finalize;
  object_class->get_property = rapport_reminders_get_property;
  object_class->set_property = rapport_reminders_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * RapportReminders:flags:
   *
   * #RapportRemindersFlags, as an unsigned integer.
   */
  properties[PROP_FLAGS] =
    g_param_spec_uint ("flags", NULL, NULL,
                       0, G_MAXUINT, RAPPORT_REMINDERS_DEFAULT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * RapportReminders:lead-time:
   *
   * Minutes before a speed-to-lead follow-up is due that its first
   * reminder fires (the GSettings key reminder-lead-time); 0 for none.
   */
  properties[PROP_LEAD_TIME] =
    g_param_spec_int ("lead-time", NULL, NULL,
                      0, 24 * 60, 15,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportReminders:server-available:
   *
   * %FALSE while notifications cannot be shown; the window then shows
   * reminders from RapportReminders::in-app-reminder. Always %TRUE offline.
   */
  properties[PROP_SERVER_AVAILABLE] =
    g_param_spec_boolean ("server-available", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportReminders:has-pending:
   *
   * Whether any follow-up is pending: the application keeps running in
   * the background for them.
   */
  properties[PROP_HAS_PENDING] =
    g_param_spec_boolean ("has-pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportReminders:next-wakeup:
   *
   * When the timer fires next, in unix seconds; 0 when nothing is ahead.
   */
  properties[PROP_NEXT_WAKEUP] =
    g_param_spec_int64 ("next-wakeup", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportReminders::fired:
   * @activity: (nullable): the follow-up, or %NULL for a summary of many
   * @level: a #RapportReminderLevel (of the summary's follow-ups: all
   *   overdue, or all early)
   * @n_followups: how many follow-ups the reminder is about
   * @summary: the notification's summary
   * @body: the notification's body
   *
   * A reminder fired (and was stored as shown), whether or not a
   * notification server shows it.
   */
  signals[FIRED] =
    g_signal_new ("fired",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 5,
                  RAPPORT_TYPE_ACTIVITY, G_TYPE_INT, G_TYPE_UINT, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * RapportReminders::in-app-reminder:
   * @activity: (nullable): the follow-up, or %NULL for a summary of many
   * @text: the reminder in one line
   *
   * A reminder that no notification server showed (none on the bus, or
   * one that did not answer within 3 s): the window shows it instead.
   */
  signals[IN_APP_REMINDER] =
    g_signal_new ("in-app-reminder",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, RAPPORT_TYPE_ACTIVITY, G_TYPE_STRING);

  /**
   * RapportReminders::open-requested:
   * @record: (nullable): the deal or contact of the reminder, or %NULL
   *   for the follow-ups in general (the summary)
   *
   * The user activated a reminder ("Open", or a click on it): present the
   * window on @record. rapport_reminders_get_activation_token() gives the
   * token to present it with.
   */
  signals[OPEN_REQUESTED] =
    g_signal_new ("open-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RAPPORT_TYPE_RECORD);

  /**
   * RapportReminders::goal-reached:
   * @goal: the goal
   * @summary: the notification's summary
   * @body: the notification's body
   *
   * A goal reached its target in its current period, and this program
   * was the first to see it (so it told the user, once per period).
   */
  signals[GOAL_REACHED] =
    g_signal_new ("goal-reached",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, RAPPORT_TYPE_GOAL, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * RapportReminders::contacted:
   * @followup: the lead's speed-to-lead follow-up, now done
   * @logged: the first contact, logged as an activity
   *
   * The user marked a lead contacted from a reminder: the window offers
   * to take it back (rapport_store_unlog_activity()).
   */
  signals[CONTACTED] =
    g_signal_new ("contacted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, RAPPORT_TYPE_ACTIVITY, RAPPORT_TYPE_ACTIVITY);
}

static void
rapport_reminders_init (RapportReminders *self)
{
  self->lead_time = 15;
  self->server_available = TRUE;
  self->shown = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->marking = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (self->summary_ids); i++)
    self->summary_ids[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
}
