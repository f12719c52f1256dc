/* rapport-followup-row.h — one follow-up in the Follow-ups view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_FOLLOWUP_ROW (rapport_followup_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportFollowupRow, rapport_followup_row, RAPPORT, FOLLOWUP_ROW, GtkListBoxRow)

GtkWidget       *rapport_followup_row_new          (RapportStore       *store,
                                                    RapportActivity    *activity);
RapportActivity *rapport_followup_row_get_activity (RapportFollowupRow *self);
/* Writes "when" and "how late" again: the view calls it once a minute. */
void             rapport_followup_row_update_time  (RapportFollowupRow *self);

/* "Today, 14:30", "Tomorrow, 09:00", "19 Feb, 14:30", in local time. */
char            *rapport_followup_format_when      (gint64              when,
                                                    gint64              now);

G_END_DECLS
