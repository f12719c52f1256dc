/* rapport-reminders-internal.h — what the scheduler's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rapport-reminders.c is the object: its properties, signals and getters.
 * rapport-reminders-schedule.c runs the passes: what is due, firing it,
 * arming the timer for the next one. rapport-reminders-texts.c words the
 * notifications. rapport-reminders-actions.c acts on what the user does
 * with them, and on the notification server coming and going.
 * rapport-reminders-wakeup.c notices a suspend or a clock jump.
 *
 * Not for the tests (they have rapport-reminders-private.h), nor for
 * anyone outside src/reminders.
 */

#pragma once

#include "rapport-notifier.h"
#include "rapport-reminders.h"
#include "rapport-reminders-private.h"

G_BEGIN_DECLS

/* The keys of the summary notifications, of overdue reminders and of
 * early ones; activity ids start at 1. */
#define SUMMARY_DUE_KEY 0
#define SUMMARY_EARLY_KEY (-1)

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
  GSource          *goals_check;       /* once a burst of changes settled */
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

/* One reminder that is due now. */
typedef struct
{
  RapportActivity      *activity;      /* borrowed from the pass's list */
  RapportReminderLevel  level;
} RapportReminderDue;

/* What a reminder says. */
typedef struct
{
  char                   *summary;
  char                   *body;
  char                   *brief;       /* one line, for the window */
  RapportNotifierUrgency  urgency;
} RapportReminderTexts;

/* Every source of the scheduler is attached to its context and kept:
 * destroying it is what stops it. */
static inline void
rapport_reminders_clear_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

/* rapport-reminders.c: the properties that notify, and the signals */
void     rapport_reminders_set_next_wakeup       (RapportReminders       *self,
                                                  gint64                  next);
void     rapport_reminders_set_has_pending       (RapportReminders       *self,
                                                  gboolean                has_pending);
void     rapport_reminders_set_server_available  (RapportReminders       *self,
                                                  gboolean                available);
void     rapport_reminders_emit_fired            (RapportReminders       *self,
                                                  RapportActivity        *activity,
                                                  RapportReminderLevel    level,
                                                  guint                   n_followups,
                                                  const char             *summary,
                                                  const char             *body);
void     rapport_reminders_emit_in_app_reminder  (RapportReminders       *self,
                                                  RapportActivity        *activity,
                                                  const char             *text);
void     rapport_reminders_emit_open_requested   (RapportReminders       *self,
                                                  RapportRecord          *record);
void     rapport_reminders_emit_contacted        (RapportReminders       *self,
                                                  RapportActivity        *followup,
                                                  RapportActivity        *logged);
void     rapport_reminders_emit_goal_reached     (RapportReminders       *self,
                                                  RapportGoal            *goal,
                                                  const char             *summary,
                                                  const char             *body);

/* rapport-reminders-goals.c */
void     rapport_reminders_init_goals            (RapportReminders       *self);

/* rapport-reminders-schedule.c */
void     rapport_reminders_init_schedule         (RapportReminders       *self);
void     rapport_reminders_queue_check           (RapportReminders       *self);

/* rapport-reminders-texts.c */
void     rapport_reminders_texts_clear           (RapportReminderTexts   *texts);
void     rapport_reminders_compose               (RapportReminders       *self,
                                                  RapportActivity        *activity,
                                                  RapportReminderLevel    level,
                                                  gint64                  now,
                                                  RapportReminderTexts   *texts);
void     rapport_reminders_compose_summary       (RapportReminders       *self,
                                                  GArray                 *due,
                                                  RapportReminderLevel    level,
                                                  RapportReminderTexts   *texts);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RapportReminderTexts, rapport_reminders_texts_clear)

/* rapport-reminders-actions.c */
void     rapport_reminders_init_actions          (RapportReminders       *self);

/* rapport-reminders-wakeup.c */
void     rapport_reminders_watch_clock           (RapportReminders       *self,
                                                  gint64                  real_us);
void     rapport_reminders_unwatch_clock         (RapportReminders       *self);
void     rapport_reminders_watch_sleep           (RapportReminders       *self);
void     rapport_reminders_unwatch_sleep         (RapportReminders       *self);

G_END_DECLS
