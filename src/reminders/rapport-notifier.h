/* rapport-notifier.h — desktop notifications that never block the caller
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every libnotify call runs on one worker thread with its own main loop:
 * libnotify talks to the server synchronously, and a server that owns its
 * bus name but does not answer holds each call for 25 s. The caller gets
 * the outcome back on its own main context, and a show that has not
 * returned within RAPPORT_NOTIFIER_TIMEOUT_MS counts as failed.
 *
 * libnotify keeps global state, so at most one notifier may exist at a time.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How long a show may take before the server is taken for unavailable. */
#define RAPPORT_NOTIFIER_TIMEOUT_MS 3000

#define RAPPORT_TYPE_NOTIFIER (rapport_notifier_get_type ())

G_DECLARE_FINAL_TYPE (RapportNotifier, rapport_notifier, RAPPORT, NOTIFIER, GObject)

typedef enum
{
  RAPPORT_NOTIFIER_URGENCY_LOW,
  RAPPORT_NOTIFIER_URGENCY_NORMAL,
  RAPPORT_NOTIFIER_URGENCY_CRITICAL,
} RapportNotifierUrgency;

RapportNotifier *rapport_notifier_new           (const char              *app_name,
                                                 const char              *desktop_entry);
gboolean         rapport_notifier_get_available (RapportNotifier         *self);
/* Shows, or updates in place, the notification of @key (one per key).
 * @actions: NULL-terminated pairs of action key and label, sent only when
 * the server can show actions. @fallback: what to show in the window if
 * the notification cannot be shown. */
void             rapport_notifier_show          (RapportNotifier         *self,
                                                 gint64                   key,
                                                 const char              *summary,
                                                 const char              *body,
                                                 RapportNotifierUrgency   urgency,
                                                 const char * const      *actions,
                                                 const char              *fallback);
void             rapport_notifier_close         (RapportNotifier         *self,
                                                 gint64                   key);

G_END_DECLS
