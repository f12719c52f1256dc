/* rapport-duplicates-view.h — Find Duplicates…: the likely pairs, to merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_DUPLICATES_VIEW (rapport_duplicates_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportDuplicatesView, rapport_duplicates_view, RAPPORT, DUPLICATES_VIEW, AdwBin)

/* A page of the window; it looks for the pairs when first shown. */
GtkWidget *rapport_duplicates_view_new     (RapportContext        *context);
/* Looks again (the page shown anew). */
void       rapport_duplicates_view_refresh (RapportDuplicatesView *self);

G_END_DECLS
