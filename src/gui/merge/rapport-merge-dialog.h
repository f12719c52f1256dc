/* rapport-merge-dialog.h — two contacts, or two organizations, made one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MERGE_DIALOG (rapport_merge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RapportMergeDialog, rapport_merge_dialog, RAPPORT, MERGE_DIALOG, AdwWindow)

/* The dialog for @keep_id and @other_id of @entity (RAPPORT_ENTITY_CONTACT
 * or RAPPORT_ENTITY_ORGANIZATION), over @parent; @keep_id is the one kept
 * unless the user swaps them. Emits ::merged (kept id, removed id) after
 * the merge was committed, then closes. */
GtkWidget *rapport_merge_dialog_new    (RapportContext *context,
                                        GtkWindow      *parent,
                                        RapportEntity   entity,
                                        gint64          keep_id,
                                        gint64          other_id);

/* Merge With… of a record's page (@page): asks for the other one with
 * the record picker, over @page's window, then opens the merge dialog,
 * keeping @id. */
void       rapport_merge_dialog_choose (RapportContext *context,
                                        GtkWidget      *page,
                                        RapportEntity   entity,
                                        gint64          id);

G_END_DECLS
