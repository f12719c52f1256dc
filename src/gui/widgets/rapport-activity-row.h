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

/* What every page calls a kind of activity, and its icon. */
const char      *rapport_activity_kind_name        (RapportActivityKind kind);
/* How a call or a meeting went, in words; NULL for none. */
const char      *rapport_activity_outcome_name     (RapportActivityOutcome outcome);
const char      *rapport_activity_kind_icon        (RapportActivityKind kind);

G_END_DECLS
