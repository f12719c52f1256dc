/* rapport-conflict-list.h — a record's conflicts with the team, to settle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONFLICT_LIST (rapport_conflict_list_get_type ())

G_DECLARE_FINAL_TYPE (RapportConflictList, rapport_conflict_list, RAPPORT, CONFLICT_LIST, GtkWidget)

/* Shows the conflicts of @record (a deal, contact or organization) and
 * follows the store, so a sync by another program adds or takes them
 * away while the page is open. */
void rapport_conflict_list_bind (RapportConflictList *self,
                                 RapportContext      *context,
                                 RapportRecord       *record);

G_END_DECLS
