/* rapport-window.h — the main window: header bar, view switcher, views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"
#include "rapport-store.h"
#include "rapport-team-sync.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_WINDOW (rapport_window_get_type ())

G_DECLARE_FINAL_TYPE (RapportWindow, rapport_window, RAPPORT, WINDOW, AdwApplicationWindow)

RapportWindow *rapport_window_new             (GtkApplication *application,
                                               RapportStore   *store);
const char    *rapport_window_get_search_text (RapportWindow  *self);
/* What the window's views work with: for the application's own actions. */
RapportContext *rapport_window_get_context    (RapportWindow  *self);
/* The team status the header shows (NULL: none). */
void           rapport_window_set_team_sync   (RapportWindow   *self,
                                               RapportTeamSync *sync);

G_END_DECLS
