/* rapport-date-time-picker.h — a day and a time of day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_DATE_TIME_PICKER (rapport_date_time_picker_get_type ())

G_DECLARE_FINAL_TYPE (RapportDateTimePicker, rapport_date_time_picker, RAPPORT, DATE_TIME_PICKER, GtkBox)

GtkWidget *rapport_date_time_picker_new      (gint64                 time);
gint64     rapport_date_time_picker_get_time (RapportDateTimePicker *self);
void       rapport_date_time_picker_set_time (RapportDateTimePicker *self,
                                              gint64                 time);

G_END_DECLS
