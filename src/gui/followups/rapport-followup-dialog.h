/* rapport-followup-dialog.h — the New Follow-up and Reschedule dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_FOLLOWUP_DIALOG (rapport_followup_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RapportFollowupDialog, rapport_followup_dialog, RAPPORT, FOLLOWUP_DIALOG, AdwWindow)

/* A new follow-up, about @deal (and its contact) when given. */
GtkWidget *rapport_followup_dialog_new        (GtkWindow       *parent,
                                               RapportContext  *context,
                                               RapportDeal     *deal);
/* A new due time for @activity. */
GtkWidget *rapport_followup_dialog_reschedule (GtkWindow       *parent,
                                               RapportContext  *context,
                                               RapportActivity *activity);

G_END_DECLS
