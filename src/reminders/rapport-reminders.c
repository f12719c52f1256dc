/* rapport-reminders.c — reminds of follow-ups when they are due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schedule is derived, never stored: each pass asks the store for the
 * pending follow-ups, fires what is due and arms one timer for the earliest
 * reminder still ahead. A pass runs when the timer fires, when the store
 * says follow-ups or contacts changed (also when rapport-cli changed them,
 * through the store's external watch), when the lead time changes, when
 * logind says the machine woke up, and when the wall clock jumped against
 * the monotonic one (checked once a minute while a timer is armed: the
 * timer runs on the monotonic clock, which stands still during a suspend).
 *
 * Which reminders were shown is stored with each follow-up
 * (rapport_store_set_reminded), so a restart, or a second process on the
 * same file, does not show them again.
 */

#define G_LOG_DOMAIN "rapport-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-notifier.h"
#include "rapport-reminders.h"
#include "rapport-reminders-private.h"
#include "rapport-time.h"

/* The keys of the summary notifications, of overdue reminders and of
 * early ones; activity ids start at 1. */
#define SUMMARY_DUE_KEY 0
#define SUMMARY_EARLY_KEY (-1)

#define JUMP_CHECK_SECONDS 60
#define JUMP_TOLERANCE_US (5 * G_USEC_PER_SEC)

/* Longer timers are re-armed on the way: a timeout takes a guint of ms. */
#define MAX_TIMER_SECONDS (24 * 60 * 60)

/* A timeout may fire a little before the wall clock reaches the target
 * second (the clocks drift apart); the margin saves a second pass. */
#define TIMER_MARGIN_MS 20

struct _RapportReminders
{
  GObject           parent_instance;

  /* Owned references */
  RapportStore     *store;
  RapportNotifier  *notifier;          /* NULL when offline */
  GMainContext     *context;
  GCancellable     *cancellable;
  GDBusConnection  *system_bus;

  /* Sources on context */
  GSource          *timer;
  GSource          *jump_check;
  GSource          *idle;
  guint             sleep_subscription;

  /* Owned memory */
  GHashTable       *shown;             /* activity id (gint64) → level on screen */
  GHashTable       *marking;           /* activity ids a thread is storing as reminded */
  GArray           *summary_ids[RAPPORT_REMINDER_DUE + 1];  /* by level: ids a summary on screen counts */
  char             *activation_token;  /* during open-requested only */

  RapportRemindersFlags flags;
  int               lead_time;         /* minutes */
  gint64            next_wakeup;       /* unix seconds; 0 for none */
  gint64            last_real_us;
  gint64            last_monotonic_us;

  guint             has_pending : 1;
  guint             server_available : 1;
  guint             in_check : 1;
  guint             dirty : 1;
  guint             debug : 1;
  guint             warned_list : 1;
};

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
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One reminder that is due now. */
typedef struct
{
  RapportActivity      *activity;      /* borrowed from the pass's list */
  RapportReminderLevel  level;
} Due;

static void rapport_reminders_queue_check (RapportReminders *self);

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

/* Texts */

static char *
format_duration (gint64 seconds)
{
  gint64 minutes = MAX (1, (seconds + 30) / 60);
  gint64 hours = minutes / 60;
  gint64 days = hours / 24;

  if (minutes < 60)
    return g_strdup_printf (ngettext ("%d minute", "%d minutes", (gulong) minutes), (int) minutes);

  if (hours < 24)
    {
      g_autofree char *h = g_strdup_printf (ngettext ("%d hour", "%d hours", (gulong) hours), (int) hours);
      g_autofree char *m = NULL;

      if (minutes % 60 == 0)
        return g_steal_pointer (&h);

      m = g_strdup_printf (ngettext ("%d minute", "%d minutes", (gulong) (minutes % 60)),
                           (int) (minutes % 60));
      /* Translators: a duration: hours, then minutes ("1 hour 5 minutes"). */
      return g_strdup_printf (C_("duration", "%s %s"), h, m);
    }

  return g_strdup_printf (ngettext ("%d day", "%d days", (gulong) days), (int) days);
}

static char *
format_clock (gint64 when)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (when);

  /* Translators: a time of day in a reminder, as a g_date_time_format()
   * format; "%l:%M %p" gives "2:30 PM". */
  return time ? g_date_time_format (time, _("%H:%M")) : g_strdup ("");
}

/* Who a follow-up is about: the lead or contact, else the deal. */
static char *
dup_who (RapportReminders *self,
         RapportActivity  *activity,
         RapportContact  **contact_out,
         RapportDeal     **deal_out)
{
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  gint64 contact_id = rapport_activity_get_contact_id (activity);
  gint64 deal_id = rapport_activity_get_deal_id (activity);
  char *ret = NULL;

  if (contact_id != 0)
    contact = rapport_store_get_contact (self->store, contact_id, NULL);
  if (deal_id != 0)
    deal = rapport_store_get_deal (self->store, deal_id, NULL);

  if (contact != NULL)
    ret = g_strdup (rapport_contact_get_name (contact));
  else if (deal != NULL)
    ret = g_strdup (rapport_deal_get_title (deal));
  else
    ret = g_strdup (rapport_activity_get_title (activity));

  if (contact_out != NULL)
    *contact_out = g_steal_pointer (&contact);
  if (deal_out != NULL)
    *deal_out = g_steal_pointer (&deal);

  return ret;
}

typedef struct
{
  char                   *summary;
  char                   *body;
  char                   *brief;       /* one line, for the window */
  RapportNotifierUrgency  urgency;
} Texts;

static void
texts_clear (Texts *texts)
{
  g_clear_pointer (&texts->summary, g_free);
  g_clear_pointer (&texts->body, g_free);
  g_clear_pointer (&texts->brief, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Texts, texts_clear)

static void
compose (RapportReminders     *self,
         RapportActivity      *activity,
         RapportReminderLevel  level,
         gint64                now,
         Texts                *texts)
{
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  g_autofree char *who = dup_who (self, activity, &contact, &deal);
  g_autofree char *when = NULL;
  g_autofree char *status = NULL;
  const char *title = rapport_activity_get_title (activity);
  gint64 due = rapport_activity_get_due_at (activity);
  gboolean speed_to_lead = rapport_activity_get_rule (activity) == RAPPORT_RULE_SPEED_TO_LEAD;

  g_assert (RAPPORT_IS_REMINDERS (self));

  texts->urgency = RAPPORT_NOTIFIER_URGENCY_NORMAL;

  if (level == RAPPORT_REMINDER_EARLY)
    {
      g_autofree char *left = format_duration (due - now);
      g_autofree char *clock = format_clock (due);

      /* Translators: the status of a follow-up not due yet: "is due in
       * 15 minutes, at 14:30"; the first %s is a duration, the second a
       * time of day. */
      status = g_strdup_printf (_("is due in %s, at %s"), left, clock);
      when = g_strdup_printf (_("due in %s"), left);
    }
  else if (now - due < 60)
    {
      /* Translators: the status of a follow-up due this minute. */
      status = g_strdup (_("is due now"));
      when = g_strdup (_("due now"));
    }
  else
    {
      g_autofree char *late = format_duration (now - due);

      /* Translators: the status of a follow-up past its due time: "is
       * 5 minutes overdue"; %s is a duration. */
      status = g_strdup_printf (_("is %s overdue"), late);
      when = g_strdup_printf (_("%s overdue"), late);
    }

  if (speed_to_lead)
    {
      g_autofree char *arrived = NULL;

      if (level == RAPPORT_REMINDER_EARLY)
        /* Translators: the summary of the reminder before a new lead's
         * first contact is due; %s is the lead's name. */
        texts->summary = g_strdup_printf (_("New lead: %s"), who);
      else
        {
          /* Translators: the summary of the reminder of a new lead not
           * contacted in time; %s is the lead's name. */
          texts->summary = g_strdup_printf (_("Lead waiting: %s"), who);
          texts->urgency = RAPPORT_NOTIFIER_URGENCY_CRITICAL;
        }

      if (contact != NULL)
        {
          gint64 created_at = rapport_contact_get_created_at (contact);
          g_autofree char *clock = format_clock (created_at);
          g_autofree char *waited = format_duration (now - created_at);

          /* Translators: how long a new lead has waited; the first %s is a
           * time of day, the second a duration. */
          arrived = g_strdup_printf (_("The lead came in at %s and has waited %s."), clock, waited);
        }

      /* Translators: a reminder's body: the follow-up's title in quotes,
       * then its status ("is 5 minutes overdue"). */
      texts->body = g_strdup_printf (_("“%s” %s."), title, status);
      if (arrived != NULL)
        {
          char *body = g_strconcat (texts->body, "\n", arrived, NULL);

          g_free (texts->body);
          texts->body = body;
        }
    }
  else
    {
      const char *summary = deal != NULL ? rapport_deal_get_title (deal) : who;

      texts->summary = g_strdup (summary);
      texts->body = g_strdup_printf (_("“%s” %s."), title, status);
      if (deal != NULL && contact != NULL)
        {
          /* Translators: who a follow-up of a deal is with; %s is a name. */
          g_autofree char *with = g_strdup_printf (_("With %s."), rapport_contact_get_name (contact));
          char *body = g_strconcat (texts->body, "\n", with, NULL);

          g_free (texts->body);
          texts->body = body;
        }
    }

  /* Translators: a reminder in one line, shown in the window when no
   * notification can be; the first %s is the reminder's summary, the
   * second "5 minutes overdue" or "due in 15 minutes". */
  texts->brief = g_strdup_printf (_("%s — %s"), texts->summary, when);
}

static void
compose_summary (RapportReminders     *self,
                 GArray               *due,
                 RapportReminderLevel  level,
                 Texts                *texts)
{
  g_autoptr(GString) names = g_string_new (NULL);
  gboolean all_leads = TRUE;
  guint n = due->len;
  guint listed = MIN (n, RAPPORT_REMINDERS_MAX_SEPARATE);

  g_assert (RAPPORT_IS_REMINDERS (self));

  for (guint i = 0; i < n; i++)
    {
      RapportActivity *activity = g_array_index (due, Due, i).activity;

      if (rapport_activity_get_rule (activity) != RAPPORT_RULE_SPEED_TO_LEAD)
        all_leads = FALSE;
      if (i < listed)
        {
          g_autofree char *who = dup_who (self, activity, NULL, NULL);

          if (i > 0)
            /* Translators: the separator of the names in a list. */
            g_string_append (names, _(", "));
          g_string_append (names, who);
        }
    }

  if (level == RAPPORT_REMINDER_EARLY)
    /* Only new leads have early reminders. */
    texts->summary = g_strdup_printf (ngettext ("%u new lead to contact soon",
                                                "%u new leads to contact soon", n), n);
  else if (all_leads && rapport_store_get_speed_to_lead_minutes (self->store) == 60)
    texts->summary = g_strdup_printf (ngettext ("%u lead waiting over an hour",
                                                "%u leads waiting over an hour", n), n);
  else if (all_leads)
    texts->summary = g_strdup_printf (ngettext ("%u lead waiting to be contacted",
                                                "%u leads waiting to be contacted", n), n);
  else
    texts->summary = g_strdup_printf (ngettext ("%u follow-up overdue",
                                                "%u follow-ups overdue", n), n);

  if (n > listed)
    /* Translators: the end of a list of names: "Anna Lee, Bo Chen, Carl Diaz
     * and 4 more"; %s is the names, %u how many more. */
    texts->body = g_strdup_printf (ngettext ("%s and %u more", "%s and %u more", n - listed),
                                   names->str, n - listed);
  else
    texts->body = g_strdup (names->str);

  texts->brief = g_strdup (texts->summary);
  texts->urgency = all_leads && level == RAPPORT_REMINDER_DUE
    ? RAPPORT_NOTIFIER_URGENCY_CRITICAL : RAPPORT_NOTIFIER_URGENCY_NORMAL;
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
  g_auto(Texts) texts = { 0 };
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (activity));

  g_assert (RAPPORT_IS_REMINDERS (self));

  compose (self, activity, level, now, &texts);
  rapport_reminders_mark (self, activity, level);
  g_signal_emit (self, signals[FIRED], 0, activity, (int) level, 1u, texts.summary, texts.body);

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
  g_auto(Texts) texts = { 0 };
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), due->len);
  GArray *summary_ids = self->summary_ids[level];

  g_assert (RAPPORT_IS_REMINDERS (self));

  compose_summary (self, due, level, &texts);
  g_array_set_size (summary_ids, 0);
  for (guint i = 0; i < due->len; i++)
    {
      RapportActivity *activity = g_array_index (due, Due, i).activity;
      gint64 id = rapport_record_get_id (RAPPORT_RECORD (activity));

      /* An early reminder of one of them would now repeat the summary. */
      rapport_reminders_withdraw (self, id);
      g_array_append_val (summary_ids, id);
      g_array_append_val (ids, id);
    }
  rapport_reminders_mark_many (self, ids, level);
  g_signal_emit (self, signals[FIRED], 0, NULL, (int) level, due->len,
                 texts.summary, texts.body);

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

/* The timer and the clocks */

static gboolean rapport_reminders_on_timer      (gpointer data);
static gboolean rapport_reminders_on_jump_check (gpointer data);

gboolean
rapport_reminders_clock_jumped (RapportReminders *self,
                                gint64            real_us,
                                gint64            monotonic_us)
{
  gboolean jumped = FALSE;

  g_return_val_if_fail (RAPPORT_IS_REMINDERS (self), FALSE);

  if (self->last_monotonic_us != 0)
    {
      gint64 drift = (real_us - self->last_real_us) - (monotonic_us - self->last_monotonic_us);

      jumped = ABS (drift) > JUMP_TOLERANCE_US;
    }

  self->last_real_us = real_us;
  self->last_monotonic_us = monotonic_us;

  return jumped;
}

static void
destroy_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

static void
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

static void
rapport_reminders_arm (RapportReminders *self,
                       gint64            next,
                       gint64            now)
{
  gint64 real_us, fraction_us, delay_us;

  g_assert (RAPPORT_IS_REMINDERS (self));

  destroy_source (&self->timer);
  rapport_reminders_set_next_wakeup (self, next);

  if (next == 0)
    {
      destroy_source (&self->jump_check);
      self->last_monotonic_us = 0;
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
  if (self->jump_check == NULL)
    {
      rapport_reminders_clock_jumped (self, real_us, g_get_monotonic_time ());
      self->jump_check = g_timeout_source_new_seconds (JUMP_CHECK_SECONDS);
      g_source_set_callback (self->jump_check, rapport_reminders_on_jump_check, self, NULL);
      g_source_set_static_name (self->jump_check, "[rapport] clock jump check");
      g_source_attach (self->jump_check, self->context);
    }
}

static gboolean
rapport_reminders_on_timer (gpointer data)
{
  RapportReminders *self = data;

  g_clear_pointer (&self->timer, g_source_unref);
  rapport_reminders_check (self);

  return G_SOURCE_REMOVE;
}

static gboolean
rapport_reminders_on_jump_check (gpointer data)
{
  RapportReminders *self = data;

  if (rapport_reminders_clock_jumped (self, g_get_real_time (), g_get_monotonic_time ()))
    {
      if (self->debug)
        g_printerr ("rapport-reminders: the clock jumped; recomputing the next reminder\n");
      rapport_reminders_check (self);
    }

  return G_SOURCE_CONTINUE;
}

/* A pass */

static void
rapport_reminders_set_has_pending (RapportReminders *self,
                                   gboolean          has_pending)
{
  g_assert (RAPPORT_IS_REMINDERS (self));

  if (self->has_pending == !!has_pending)
    return;

  self->has_pending = !!has_pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_PENDING]);
}

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

  due = g_array_new (FALSE, FALSE, sizeof (Due));
  early = g_array_new (FALSE, FALSE, sizeof (Due));

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
          Due d = { activity, level };

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
      rapport_reminders_fire_one (self, g_array_index (due, Due, i).activity, RAPPORT_REMINDER_DUE, now);

  /* The same for early ones; their overdue reminders follow once the
   * thread stored these (its pass re-arms the timer). */
  if (early->len > RAPPORT_REMINDERS_MAX_SEPARATE)
    {
      rapport_reminders_fire_summary (self, early, RAPPORT_REMINDER_EARLY);
      g_array_set_size (early, 0);
    }

  for (guint i = 0; i < early->len; i++)
    {
      RapportActivity *activity = g_array_index (early, Due, i).activity;
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

  destroy_source (&self->idle);

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
static void
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

/* Acting on reminders */

gboolean
rapport_reminders_activate (RapportReminders  *self,
                            gint64             activity_id,
                            const char        *action,
                            GError           **error)
{
  g_autoptr(RapportActivity) activity = NULL;

  g_return_val_if_fail (RAPPORT_IS_REMINDERS (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (activity_id <= SUMMARY_DUE_KEY)
    {
      /* The summary stands for many: the window, not one record. */
      if (g_str_equal (action, "open") || g_str_equal (action, "default"))
        {
          g_signal_emit (self, signals[OPEN_REQUESTED], 0, NULL);
          return TRUE;
        }
    }
  else if ((activity = rapport_store_get_activity (self->store, activity_id, error)) == NULL)
    return FALSE;

  if (g_str_equal (action, "open") || g_str_equal (action, "default"))
    {
      g_autoptr(RapportRecord) record = NULL;
      gint64 deal_id = rapport_activity_get_deal_id (activity);
      gint64 contact_id = rapport_activity_get_contact_id (activity);

      /* The deal when there is one: it is where the work happens. */
      if (deal_id != 0)
        record = RAPPORT_RECORD (rapport_store_get_deal (self->store, deal_id, NULL));
      if (record == NULL && contact_id != 0)
        record = RAPPORT_RECORD (rapport_store_get_contact (self->store, contact_id, NULL));

      g_signal_emit (self, signals[OPEN_REQUESTED], 0, record);
      return TRUE;
    }

  if (activity != NULL && g_str_equal (action, "snooze"))
    return rapport_store_snooze_activity (self->store, activity,
                                          rapport_store_now (self->store) +
                                          RAPPORT_REMINDERS_SNOOZE_MINUTES * 60,
                                          error);

  /* For a speed-to-lead follow-up, completing it records the first
   * contact too (the store does both in one transaction). */
  if (activity != NULL && (g_str_equal (action, "done") || g_str_equal (action, "contacted")))
    return rapport_store_complete_activity (self->store, activity, error);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               "Unknown reminder action “%s”", action);
  return FALSE;
}

static void
rapport_reminders_on_action_invoked (RapportReminders *self,
                                     gint64            key,
                                     const char       *action,
                                     const char       *activation_token,
                                     RapportNotifier  *notifier)
{
  g_autoptr(GError) error = NULL;

  g_assert (RAPPORT_IS_REMINDERS (self));

  g_free (self->activation_token);
  self->activation_token = g_strdup (activation_token);

  if (!rapport_reminders_activate (self, key, action, &error))
    g_warning ("Could not act on the reminder (%s): %s", action, error->message);

  g_clear_pointer (&self->activation_token, g_free);
}

static void
rapport_reminders_on_fallback (RapportReminders *self,
                               gint64            key,
                               const char       *text,
                               RapportNotifier  *notifier)
{
  g_autoptr(RapportActivity) activity = NULL;

  g_assert (RAPPORT_IS_REMINDERS (self));

  if (key > SUMMARY_DUE_KEY)
    {
      activity = rapport_store_get_activity (self->store, key, NULL);
      /* Done in the seconds the server had to answer: nothing to show. */
      if (activity == NULL || rapport_activity_get_done_at (activity) != 0)
        return;
    }

  if (self->debug)
    g_printerr ("rapport-reminders: in-app reminder: %s\n", text);

  g_signal_emit (self, signals[IN_APP_REMINDER], 0, activity, text);
}

static void
rapport_reminders_on_available (RapportReminders *self,
                                GParamSpec       *pspec,
                                RapportNotifier  *notifier)
{
  gboolean available = rapport_notifier_get_available (notifier);

  g_assert (RAPPORT_IS_REMINDERS (self));

  if (self->server_available == !!available)
    return;

  self->server_available = !!available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_AVAILABLE]);
}

/* Waking up: logind says so on the system bus, when there is one. */

static void
on_prepare_for_sleep (GDBusConnection *connection,
                      const char      *sender_name,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  g_autoptr(RapportReminders) self = g_weak_ref_get (user_data);
  gboolean going_to_sleep = FALSE;

  if (self == NULL || !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &going_to_sleep);
  if (!going_to_sleep)
    {
      if (self->debug)
        g_printerr ("rapport-reminders: woke up; recomputing the next reminder\n");
      rapport_reminders_check (self);
    }
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
on_system_bus (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RapportReminders) self = user_data;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_finish (result, &error);
  GWeakRef *ref;

  if (bus == NULL)
    {
      /* Not required: the once-a-minute clock check covers a suspend. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("no system bus, so no word from logind on waking up: %s", error->message);
      return;
    }

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_object_unref (bus);
      return;
    }

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  self->system_bus = bus;
  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (bus, "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager", "PrepareForSleep",
                                        "/org/freedesktop/login1", NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_prepare_for_sleep, ref, weak_ref_free);
}

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

/* GObject */

static void
rapport_reminders_constructed (GObject *object)
{
  RapportReminders *self = RAPPORT_REMINDERS (object);

  G_OBJECT_CLASS (rapport_reminders_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));

  self->context = g_main_context_ref_thread_default ();
  self->debug = g_getenv ("RAPPORT_REMINDERS_DEBUG") != NULL;

  g_signal_connect_object (self->store, "notice::activity",
                           G_CALLBACK (rapport_reminders_on_store_notice), self,
                           G_CONNECT_SWAPPED);
  /* A renamed contact renames their reminders; a lead turned customer
   * may close their follow-up. */
  g_signal_connect_object (self->store, "notice::contact",
                           G_CALLBACK (rapport_reminders_on_store_notice), self,
                           G_CONNECT_SWAPPED);

  if ((self->flags & RAPPORT_REMINDERS_OFFLINE) == 0)
    {
      self->notifier = rapport_notifier_new (_("Rapport"), APPLICATION_ID);
      g_signal_connect_object (self->notifier, "notify::available",
                               G_CALLBACK (rapport_reminders_on_available), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->notifier, "action-invoked",
                               G_CALLBACK (rapport_reminders_on_action_invoked), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->notifier, "fallback",
                               G_CALLBACK (rapport_reminders_on_fallback), self,
                               G_CONNECT_SWAPPED);

      self->cancellable = g_cancellable_new ();
      g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, on_system_bus, g_object_ref (self));
    }

  rapport_reminders_queue_check (self);
}

static void
rapport_reminders_dispose (GObject *object)
{
  RapportReminders *self = RAPPORT_REMINDERS (object);

  g_cancellable_cancel (self->cancellable);
  if (self->sleep_subscription != 0)
    {
      g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
      self->sleep_subscription = 0;
    }
  g_clear_object (&self->system_bus);
  g_clear_object (&self->cancellable);

  destroy_source (&self->timer);
  destroy_source (&self->jump_check);
  destroy_source (&self->idle);

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
