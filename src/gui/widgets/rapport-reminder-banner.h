/* rapport-reminder-banner.h — a reminder in the window, until dismissed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_REMINDER_BANNER (rapport_reminder_banner_get_type ())

G_DECLARE_FINAL_TYPE (RapportReminderBanner, rapport_reminder_banner, RAPPORT, REMINDER_BANNER, GtkWidget)

/* Shows @text for the follow-up @followup_id (0 for the follow-ups in
 * general), in place of what it showed; Open then runs win.open-followup. */
void     rapport_reminder_banner_show     (RapportReminderBanner *self,
                                           gint64                 followup_id,
                                           const char            *text);
void     rapport_reminder_banner_dismiss  (RapportReminderBanner *self);
gboolean rapport_reminder_banner_is_shown (RapportReminderBanner *self);
/* The store whose follow-ups it watches: a reminder goes by itself once
 * its follow-up is done, snoozed or gone. */
void     rapport_reminder_banner_set_store (RapportReminderBanner *self,
                                            RapportStore          *store);

G_END_DECLS
