/* rapport-activity-row.h — one activity of a timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_ACTIVITY_ROW (rapport_activity_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportActivityRow, rapport_activity_row, RAPPORT, ACTIVITY_ROW, AdwActionRow)

/* @show_actions: Mark Done and Reschedule on a pending follow-up */
GtkWidget       *rapport_activity_row_new          (RapportContext     *context,
                                                    RapportActivity    *activity,
                                                    gboolean            show_actions);
RapportActivity *rapport_activity_row_get_activity (RapportActivityRow *self);

G_END_DECLS
