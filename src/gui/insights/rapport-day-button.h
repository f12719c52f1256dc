/* rapport-day-button.h — a button that shows a UTC day and picks another
 * on a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_DAY_BUTTON (rapport_day_button_get_type ())

G_DECLARE_FINAL_TYPE (RapportDayButton, rapport_day_button, RAPPORT, DAY_BUTTON, GtkWidget)

/* The first second (UTC) of the day shown. */
gint64     rapport_day_button_get_day (RapportDayButton *self);
void       rapport_day_button_set_day (RapportDayButton *self,
                                       gint64            day);

G_END_DECLS
