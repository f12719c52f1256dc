/* rapport-search-view.h — global search results, grouped by kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_SEARCH_VIEW (rapport_search_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportSearchView, rapport_search_view, RAPPORT, SEARCH_VIEW, AdwBin)

GtkWidget  *rapport_search_view_new (RapportContext *context);
/* Shows what @text finds (empty: nothing). */
void        rapport_search_view_set_text       (RapportSearchView *self,
                                                const char        *text);
/* Opens the first result, as Enter in the search entry does; FALSE when
 * there is none. */
gboolean    rapport_search_view_activate_first (RapportSearchView *self);
/* Moves the keyboard focus to the first result, as Down in the search
 * entry may; FALSE when there is none. */
gboolean    rapport_search_view_focus_first    (RapportSearchView *self);

G_END_DECLS
