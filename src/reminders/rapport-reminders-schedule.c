/* rapport-reminders-schedule.c — what is due, and when to look next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schedule is derived, never stored: each pass asks the store for the
 * pending follow-ups, fires what is due and arms one timer for the earliest
 * reminder still ahead. A pass runs when the timer fires, when the store
 * says follow-ups or contacts changed (also when rapport-cli changed them,
 * through the store's external watch), when the lead time changes, and
 * when rapport-reminders-wakeup.c says the machine woke up or the clock
 * jumped.
 *
 * Which reminders were shown is stored with each follow-up
 * (rapport_store_set_reminded), so a restart, or a second process on the
 * same file, does not show them again.
 */

#define G_LOG_DOMAIN "rapport-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-reminders-internal.h"

/* Longer timers are re-armed on the way: a timeout takes a guint of ms. */
#define MAX_TIMER_SECONDS (24 * 60 * 60)

/* A timeout may fire a little before the wall clock reaches the target
 * second (the clocks drift apart); the margin saves a second pass. */
#define TIMER_MARGIN_MS 20

/* Reminded, as far as passes go, even before it is stored. */
static gboolean
rapport_reminders_is_marking (RapportReminders *self,
                              gint64            id)
{
  return g_hash_table_contains (self->marking, &id);
}

/* The decision */

/**
 * rapport_reminders_next_for:
 *
 * A speed-to-lead follow-up has two reminders: EARLY at the lead time
 * before it is due, DUE (critical) at the due time. A snooze moves the
 * early one to the snooze's end but never past the due time: the hour of
 * the rule does not move. Any other follow-up has only DUE, at its due
 * time or the end of its snooze. A reminder whose time has passed is
 * still returned (with its time), so a pass fires it late rather than
 * never; an early one that is already overdue gives way to DUE.
 */
RapportReminderLevel
rapport_reminders_next_for (RapportActivity *activity,
                            int              lead_minutes,
                            gint64           now,
                            gint64          *at)
{
  gint64 due, snoozed, early = 0;
  int reminded;

  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (activity), RAPPORT_REMINDER_NONE);
  g_return_val_if_fail (at != NULL, RAPPORT_REMINDER_NONE);

  *at = 0;
  due = rapport_activity_get_due_at (activity);
  snoozed = rapport_activity_get_snoozed_until (activity);
  reminded = rapport_activity_get_reminded_level (activity);

  if (rapport_activity_get_done_at (activity) != 0 || due == 0 || reminded >= RAPPORT_REMINDER_DUE)
    return RAPPORT_REMINDER_NONE;

  if (rapport_activity_get_rule (activity) != RAPPORT_RULE_SPEED_TO_LEAD)
    {
      *at = snoozed != 0 ? snoozed : due;
      return RAPPORT_REMINDER_DUE;
    }

  if (snoozed != 0)
    early = snoozed;
  else if (lead_minutes > 0)
    early = due - (gint64) lead_minutes * 60;

  if (reminded < RAPPORT_REMINDER_EARLY && early != 0 && early < due && now < due)
    {
      *at = early;
      return RAPPORT_REMINDER_EARLY;
    }

  *at = MAX (due, snoozed);
  return RAPPORT_REMINDER_DUE;
}

/* Firing */

static void
rapport_reminders_mark (RapportReminders     *self,
                        RapportActivity      *activity,
                        RapportReminderLevel  level)
{
  g_autoptr(GError) error = NULL;

  g_assert (RAPPORT_IS_REMINDERS (self));

  /* Kept before the notification is out: a reminder that could not be
   * shown as one is shown in the window instead, and either way it must
   * not come back at the next start. */
  if (!rapport_store_set_reminded (self->store, activity, level, &error))
    g_warning ("Could not remember the reminder of “%s”: %s",
               rapport_activity_get_title (activity), error->message);
}

static void
rapport_reminders_withdraw (RapportReminders *self,
                            gint64            id)
{
  g_assert (RAPPORT_IS_REMINDERS (self));

  if (g_hash_table_remove (self->shown, &id) && self->notifier != NULL)
    rapport_notifier_close (self->notifier, id);
}

static void
rapport_reminders_fire_one (RapportReminders     *self,
                            RapportActivity      *activity,
                            RapportReminderLevel  level,
                            gint64                now)
{
  g_auto(RapportReminderTexts) texts = { 0 };
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (activity));

  g_assert (RAPPORT_IS_REMINDERS (self));

  rapport_reminders_compose (self, activity, level, now, &texts);
  rapport_reminders_mark (self, activity, level);
  rapport_reminders_emit_fired (self, activity, level, 1, texts.summary, texts.body);

  if (self->notifier != NULL)
    {
      gboolean speed_to_lead = rapport_activity_get_rule (activity) == RAPPORT_RULE_SPEED_TO_LEAD;
      const char *actions[] = {
        "default", _("Open"),
        "open", _("Open"),
        /* Translators: a button on a reminder; keep it short. */
        "snooze", _("Snooze 10 min"),
        speed_to_lead ? "contacted" : "done",
        /* Translators: buttons on a reminder; keep them short. */
        speed_to_lead ? _("Mark Contacted") : _("Done"),
        NULL
      };
      gint64 *key = g_new (gint64, 1);

      *key = id;
      g_hash_table_replace (self->shown, key, GINT_TO_POINTER (level));
      rapport_notifier_show (self->notifier, id, texts.summary, texts.body, texts.urgency,
                             actions, texts.brief);
    }
}

/* Storing many reminders as shown: after a weekend, thousands at once.
 * One transaction and one ::changed signal for all of them, so the views
 * hear of it once and the window is not held. */
static void
rapport_reminders_mark_many (RapportReminders     *self,
                             GArray               *ids,
                             RapportReminderLevel  level)
{
  g_autoptr(GError) error = NULL;

  g_assert (RAPPORT_IS_REMINDERS (self));

  if (!rapport_store_set_reminded_many (self->store, ids, level, &error))
    g_warning ("Could not remember %u reminders as shown: %s", ids->len, error->message);

  rapport_reminders_queue_check (self);
}

static gint64
summary_key (RapportReminderLevel level)
{
  return level == RAPPORT_REMINDER_EARLY ? SUMMARY_EARLY_KEY : SUMMARY_DUE_KEY;
}

static void
rapport_reminders_fire_summary (RapportReminders     *self,
                                GArray               *due,
                                RapportReminderLevel  level)
{
  g_auto(RapportReminderTexts) texts = { 0 };
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), due->len);
  GArray *summary_ids = self->summary_ids[level];

  g_assert (RAPPORT_IS_REMINDERS (self));

  rapport_reminders_compose_summary (self, due, level, &texts);
  g_array_set_size (summary_ids, 0);
  for (guint i = 0; i < due->len; i++)
    {
      RapportActivity *activity = g_array_index (due, RapportReminderDue, i).activity;
      gint64 id = rapport_record_get_id (RAPPORT_RECORD (activity));

      /* An early reminder of one of them would now repeat the summary. */
      rapport_reminders_withdraw (self, id);
      g_array_append_val (summary_ids, id);
      g_array_append_val (ids, id);
    }
  rapport_reminders_mark_many (self, ids, level);
  rapport_reminders_emit_fired (self, NULL, level, due->len, texts.summary, texts.body);

  if (self->notifier != NULL)
    {
      const char *actions[] = {
        "default", _("Open"),
        "open", _("Open"),
        NULL
      };

      rapport_notifier_show (self->notifier, summary_key (level), texts.summary, texts.body,
                             texts.urgency, actions, texts.brief);
    }
}

/* Reminders on screen whose follow-up was done, snoozed or rescheduled
 * since (here or by another program) are taken back. */
/* The follow-up if it is still pending (transfer full), else NULL. Shown
 * reminders are few, and the store's identity map makes this cheap. */
static RapportActivity *
lookup_pending (RapportReminders *self,
                gint64            id)
{
  RapportActivity *activity = rapport_store_get_activity (self->store, id, NULL);

  if (activity != NULL &&
      (rapport_activity_get_done_at (activity) != 0 || rapport_activity_get_due_at (activity) == 0))
    g_clear_object (&activity);

  return activity;
}

static void
rapport_reminders_withdraw_stale (RapportReminders *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert (RAPPORT_IS_REMINDERS (self));

  g_hash_table_iter_init (&iter, self->shown);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(RapportActivity) activity = lookup_pending (self, *(gint64 *) key);

      if (activity == NULL || rapport_activity_get_reminded_level (activity) < GPOINTER_TO_INT (value))
        {
          if (self->notifier != NULL)
            rapport_notifier_close (self->notifier, *(gint64 *) key);
          g_hash_table_iter_remove (&iter);
        }
    }

  /* A summary stays while one of its follow-ups is still at its level:
   * an early one goes when they all are done or have their own overdue
   * reminders, an overdue one when they all are done or snoozed. */
  for (int level = RAPPORT_REMINDER_EARLY; level <= RAPPORT_REMINDER_DUE; level++)
    {
      GArray *summary_ids = self->summary_ids[level];
      gboolean current = FALSE;

      for (guint i = 0; i < summary_ids->len && !current; i++)
        {
          gint64 *id = &g_array_index (summary_ids, gint64, i);
          g_autoptr(RapportActivity) activity = lookup_pending (self, *id);
          int reminded = activity ? rapport_activity_get_reminded_level (activity) : 0;

          current = activity != NULL &&
                    (rapport_reminders_is_marking (self, *id) ||
                     (level == RAPPORT_REMINDER_EARLY ? reminded == level : reminded >= level));
        }

      if (summary_ids->len > 0 && !current)
        {
          g_array_set_size (summary_ids, 0);
          if (self->notifier != NULL)
            rapport_notifier_close (self->notifier, summary_key (level));
        }
    }
}

/* The timer */

static gboolean
rapport_reminders_on_timer (gpointer data)
{
  RapportReminders *self = data;

  g_clear_pointer (&self->timer, g_source_unref);
  rapport_reminders_check (self);

  return G_SOURCE_REMOVE;
}

static void
rapport_reminders_arm (RapportReminders *self,
                       gint64            next,
                       gint64            now)
{
  gint64 real_us, fraction_us, delay_us;

  g_assert (RAPPORT_IS_REMINDERS (self));

  rapport_reminders_clear_source (&self->timer);
  rapport_reminders_set_next_wakeup (self, next);

  if (next == 0)
    {
      rapport_reminders_unwatch_clock (self);
      return;
    }

  /* The store's clock counts whole seconds; the part of the current second
   * already gone is taken off, so the timer fires at the second, not up to
   * one later. A pinned clock (tests) has no such part. */
  real_us = g_get_real_time ();
  fraction_us = real_us - now * G_USEC_PER_SEC;
  if (fraction_us < 0 || fraction_us >= G_USEC_PER_SEC)
    fraction_us = 0;
  delay_us = CLAMP ((next - now) * G_USEC_PER_SEC - fraction_us,
                    0, (gint64) MAX_TIMER_SECONDS * G_USEC_PER_SEC);

  self->timer = g_timeout_source_new ((guint) (delay_us / 1000) + TIMER_MARGIN_MS);
  g_source_set_callback (self->timer, rapport_reminders_on_timer, self, NULL);
  g_source_set_static_name (self->timer, "[rapport] next reminder");
  g_source_attach (self->timer, self->context);

  /* Only while something is scheduled: with nothing to fire, a jump of the
   * clock cannot make anything late. */
  rapport_reminders_watch_clock (self, real_us);
}

/* A pass */

/* The earliest reminder after @now among the follow-ups due after it:
 * read in due order, a few at a time, until no later row can come
 * sooner (no reminder is earlier than its due time less the lead). */
static gint64
rapport_reminders_next_after (RapportReminders *self,
                              gint64            now,
                              gint64            next)
{
  gint64 lead = (gint64) MAX (self->lead_time, 0) * 60;
  gint64 after = now - lead;
  gint64 after_id = G_MAXINT64;

  for (;;)
    {
      g_autoptr(GPtrArray) batch = rapport_store_list_followups_after (self->store, after, after_id, 32, NULL);

      if (batch == NULL || batch->len == 0)
        return next;

      for (guint i = 0; i < batch->len; i++)
        {
          RapportActivity *activity = batch->pdata[i];
          gint64 key = rapport_activity_get_snoozed_until (activity)
            ? rapport_activity_get_snoozed_until (activity) : rapport_activity_get_due_at (activity);
          gint64 at;

          if (next != 0 && key - lead > next)
            return next;
          after = key;
          after_id = rapport_record_get_id (RAPPORT_RECORD (activity));

          if (rapport_reminders_next_for (activity, self->lead_time, now, &at) != RAPPORT_REMINDER_NONE &&
              at > now && (next == 0 || at < next))
            next = at;
        }

      if (batch->len < 32)
        return next;
    }
}

static void
rapport_reminders_check_once (RapportReminders *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(GArray) due = NULL;
  g_autoptr(GArray) early = NULL;
  gint64 now, next = 0;

  g_assert (RAPPORT_IS_REMINDERS (self));

  now = rapport_store_now (self->store);
  followups = rapport_store_list_reminder_candidates (self->store, now,
                                                      MAX (self->lead_time, 0) * 60, &error);
  if (followups == NULL)
    {
      if (!self->warned_list)
        g_warning ("Could not read the follow-ups: %s", error->message);
      self->warned_list = TRUE;
      rapport_reminders_arm (self, 0, now);
      return;
    }
  self->warned_list = FALSE;

  rapport_reminders_set_has_pending (self, rapport_store_has_pending_followups (self->store));

  due = g_array_new (FALSE, FALSE, sizeof (RapportReminderDue));
  early = g_array_new (FALSE, FALSE, sizeof (RapportReminderDue));

  for (guint i = 0; i < followups->len; i++)
    {
      RapportActivity *activity = followups->pdata[i];
      gint64 id = rapport_record_get_id (RAPPORT_RECORD (activity));
      RapportReminderLevel level;
      gint64 at;

      if (rapport_reminders_is_marking (self, id))
        continue;

      level = rapport_reminders_next_for (activity, self->lead_time, now, &at);
      if (level == RAPPORT_REMINDER_NONE)
        continue;

      if (at <= now)
        {
          RapportReminderDue d = { activity, level };

          g_array_append_val (level == RAPPORT_REMINDER_DUE ? due : early, d);
        }
      else if (next == 0 || at < next)
        next = at;
    }

  next = rapport_reminders_next_after (self, now, next);

  rapport_reminders_withdraw_stale (self);

  /* Many at once (the first start after a weekend, a wake-up after a long
   * suspend) make one summary instead of a flood. */
  if (due->len > RAPPORT_REMINDERS_MAX_SEPARATE)
    rapport_reminders_fire_summary (self, due, RAPPORT_REMINDER_DUE);
  else
    for (guint i = 0; i < due->len; i++)
      rapport_reminders_fire_one (self, g_array_index (due, RapportReminderDue, i).activity, RAPPORT_REMINDER_DUE, now);

  /* The same for early ones; their overdue reminders follow once the
   * thread stored these (its pass re-arms the timer). */
  if (early->len > RAPPORT_REMINDERS_MAX_SEPARATE)
    {
      rapport_reminders_fire_summary (self, early, RAPPORT_REMINDER_EARLY);
      g_array_set_size (early, 0);
    }

  for (guint i = 0; i < early->len; i++)
    {
      RapportActivity *activity = g_array_index (early, RapportReminderDue, i).activity;
      gint64 at;

      rapport_reminders_fire_one (self, activity, RAPPORT_REMINDER_EARLY, now);

      /* Its due reminder is still ahead. A failed write leaves the early
       * one due now: it is tried again at the next pass, not in a loop. */
      if (rapport_reminders_next_for (activity, self->lead_time, now, &at) != RAPPORT_REMINDER_NONE &&
          at > now && (next == 0 || at < next))
        next = at;
    }

  rapport_reminders_arm (self, next, now);
}

void
rapport_reminders_check (RapportReminders *self)
{
  gint64 started;

  g_return_if_fail (RAPPORT_IS_REMINDERS (self));

  if (self->in_check)
    {
      self->dirty = TRUE;
      return;
    }

  rapport_reminders_clear_source (&self->idle);

  started = g_get_monotonic_time ();
  self->in_check = TRUE;
  /* Another program (rapport-cli, a second window) may have done or
   * reminded what is due: see its writes before firing. Changes this
   * reports are read by this pass already. */
  rapport_store_sync_external (self->store);
  self->dirty = FALSE;
  rapport_reminders_check_once (self);
  self->in_check = FALSE;
  g_debug ("reminders pass: %.1f ms", (g_get_monotonic_time () - started) / 1000.0);

  /* Something changed while the pass ran (a handler of ::fired acted on a
   * follow-up): one more pass, later. */
  if (self->dirty)
    rapport_reminders_queue_check (self);
}

static gboolean
rapport_reminders_on_idle (gpointer data)
{
  RapportReminders *self = data;

  g_clear_pointer (&self->idle, g_source_unref);
  rapport_reminders_check (self);

  return G_SOURCE_REMOVE;
}

/* Many changes in a row (an import, a sync) make one pass, after the
 * window had its turn. */
void
rapport_reminders_queue_check (RapportReminders *self)
{
  g_assert (RAPPORT_IS_REMINDERS (self));

  if (self->in_check)
    {
      self->dirty = TRUE;
      return;
    }
  if (self->idle != NULL)
    return;

  self->idle = g_idle_source_new ();
  g_source_set_priority (self->idle, G_PRIORITY_LOW);
  g_source_set_callback (self->idle, rapport_reminders_on_idle, self, NULL);
  g_source_set_static_name (self->idle, "[rapport] reminders check");
  g_source_attach (self->idle, self->context);
}

static void
rapport_reminders_on_store_notice (RapportReminders    *self,
                                   const RapportNotice *notice,
                                   RapportStore        *store)
{
  g_assert (RAPPORT_IS_REMINDERS (self));

  rapport_reminders_queue_check (self);
}

void
rapport_reminders_init_schedule (RapportReminders *self)
{
  g_assert (RAPPORT_IS_REMINDERS (self));

  g_signal_connect_object (self->store, "notice::activity",
                           G_CALLBACK (rapport_reminders_on_store_notice), self,
                           G_CONNECT_SWAPPED);
  /* A renamed contact renames their reminders; a lead turned customer
   * may close their follow-up. */
  g_signal_connect_object (self->store, "notice::contact",
                           G_CALLBACK (rapport_reminders_on_store_notice), self,
                           G_CONNECT_SWAPPED);
}
