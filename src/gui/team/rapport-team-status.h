/* rapport-team-status.h — the team status in the header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Synced", "Offline, 3 changes waiting", "Sync failed": what the team
 * sync says, hidden outside a team; its popover gives the server, the
 * last sync or the error, Sync Now and Team Settings.
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-team-sync.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_TEAM_STATUS (rapport_team_status_get_type ())

G_DECLARE_FINAL_TYPE (RapportTeamStatus, rapport_team_status, RAPPORT, TEAM_STATUS, GtkWidget)

void rapport_team_status_set_team_sync (RapportTeamStatus *self,
                                        RapportTeamSync   *sync);

G_END_DECLS
