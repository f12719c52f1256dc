/* rapport-team-page.h — Preferences → Team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Outside a team: the server, user name and password to join one, with
 * the join's progress. In one: the server, the member, the status with
 * Sync Now, and Leave Team.
 */

#pragma once

#include <adwaita.h>

#include "rapport-team-sync.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_TEAM_PAGE (rapport_team_page_get_type ())

G_DECLARE_FINAL_TYPE (RapportTeamPage, rapport_team_page, RAPPORT, TEAM_PAGE, AdwPreferencesPage)

GtkWidget *rapport_team_page_new (RapportTeamSync *sync);

G_END_DECLS
