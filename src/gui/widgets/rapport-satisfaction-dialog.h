/* rapport-satisfaction-dialog.h — “Record Satisfaction”: a customer's
 * score, how likely they are to recommend us, and a comment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"
#include "rapport-store-after-sales.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_SATISFACTION_DIALOG (rapport_satisfaction_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RapportSatisfactionDialog, rapport_satisfaction_dialog, RAPPORT, SATISFACTION_DIALOG, AdwWindow)

/* For the customer @contact_id, the deal @deal_id, or both (0: none). */
GtkWidget *rapport_satisfaction_dialog_new (GtkWindow      *parent,
                                            RapportContext *context,
                                            gint64          contact_id,
                                            gint64          deal_id);

/* What an answer says, for a row: "Satisfied 4 of 5, would recommend 9
 * of 10", and its day with the comment. */
char      *rapport_satisfaction_dup_title    (RapportSatisfaction *satisfaction);
char      *rapport_satisfaction_dup_subtitle (RapportSatisfaction *satisfaction,
                                              gint64               now);

G_END_DECLS
