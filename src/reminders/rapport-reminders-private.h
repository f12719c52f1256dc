/* rapport-reminders-private.h — what the tests reach inside the scheduler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-reminders.h"

G_BEGIN_DECLS

/* Takes a sample of both clocks (microseconds, as g_get_real_time() and
 * g_get_monotonic_time() give them) and tells whether the wall clock moved
 * by more than the monotonic one since the last sample, give or take 5 s:
 * a suspend, or someone setting the clock. */
gboolean rapport_reminders_clock_jumped (RapportReminders *self,
                                         gint64            real_us,
                                         gint64            monotonic_us);

/* How many follow-ups a thread is still storing as reminded (a summary's). */
guint    rapport_reminders_get_n_marking (RapportReminders *self);

G_END_DECLS
