/* rapport-reminders.h — reminds of follow-ups when they are due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One timer for the next due reminder, recomputed when the data changes,
 * after the machine wakes and when the clock jumps; a desktop notification
 * (with actions where the server has them) when it fires, or, without a
 * working notification server, RapportReminders::in-app-reminder for the
 * window to show. No GTK here: the application wires the signals.
 */

#pragma once

#include <gio/gio.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_REMINDERS (rapport_reminders_get_type ())

G_DECLARE_FINAL_TYPE (RapportReminders, rapport_reminders, RAPPORT, REMINDERS, GObject)

/* Which reminder of a follow-up; stored by rapport_store_set_reminded(). */
typedef enum
{
  RAPPORT_REMINDER_NONE = 0,
  RAPPORT_REMINDER_EARLY = 1,     /* lead time before a speed-to-lead follow-up is due */
  RAPPORT_REMINDER_DUE = 2,       /* at the due (or snoozed-until) time */
} RapportReminderLevel;

typedef enum
{
  RAPPORT_REMINDERS_DEFAULT = 0,
  /* Decide and emit RapportReminders::fired, but show nothing and touch no
   * bus: no notification server, no logind. For tests. */
  RAPPORT_REMINDERS_OFFLINE = 1 << 0,
} RapportRemindersFlags;

/* More reminders than this falling due at once make one summary. */
#define RAPPORT_REMINDERS_MAX_SEPARATE 3

/* What "Snooze" on a notification means. */
#define RAPPORT_REMINDERS_SNOOZE_MINUTES 10

RapportReminders     *rapport_reminders_new                  (RapportStore          *store,
                                                              RapportRemindersFlags  flags);
RapportStore         *rapport_reminders_get_store            (RapportReminders      *self);
int                   rapport_reminders_get_lead_time        (RapportReminders      *self);
void                  rapport_reminders_set_lead_time        (RapportReminders      *self,
                                                              int                    minutes);
gboolean              rapport_reminders_get_server_available (RapportReminders      *self);
gboolean              rapport_reminders_get_has_pending      (RapportReminders      *self);
gint64                rapport_reminders_get_next_wakeup      (RapportReminders      *self);
/* Valid while RapportReminders::open-requested is emitted. */
const char           *rapport_reminders_get_activation_token (RapportReminders      *self);

/* Fires what is due now and re-arms the timer (what the timer does). */
void                  rapport_reminders_check                (RapportReminders      *self);
/* Looks at every goal now (what a settled burst of changes does): one
 * reached in its current period and not told yet is marked in the file
 * and announced (RapportReminders::goal-reached, and a notification). */
void                  rapport_reminders_check_goals          (RapportReminders      *self);
/* Acts on a reminder as its notification's buttons do: "open" (or
 * "default"), "snooze", "done" or "contacted". @activity_id 0 and -1 stand
 * for the summaries of many (overdue, early), which only open. */
gboolean              rapport_reminders_activate             (RapportReminders      *self,
                                                              gint64                 activity_id,
                                                              const char            *action,
                                                              GError               **error);

/* The decision alone: the next reminder of @activity not shown yet, and
 * when (*at, unix seconds) it is due, given the lead time in minutes and
 * the time now; RAPPORT_REMINDER_NONE when there is none. */
RapportReminderLevel  rapport_reminders_next_for             (RapportActivity       *activity,
                                                              int                    lead_minutes,
                                                              gint64                 now,
                                                              gint64                *at);

G_END_DECLS
