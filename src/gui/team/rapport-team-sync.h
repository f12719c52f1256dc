/* rapport-team-sync.h — the app in step with its team, on a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One per open file. When the file belongs to a team, a thread holds a
 * connection to the team's server (src/sync/'s RapportSyncLink): it
 * syncs at once, again whenever the server tells of a teammate's change
 * or this desktop changes something, and every half minute in any case;
 * it connects again, less and less often, after losing the server. Its
 * writes go through the worker store (rapport-worker-store.h), and the
 * window's store is asked to look at the file as soon as one is done, so
 * the views update through their usual notices. The window never waits
 * on the network: only the properties below change.
 *
 * The member's password lives in the keyring (libsecret), never in the
 * file or a log.
 */

#pragma once

#include <gio/gio.h>

#include "rapport-store.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_TEAM_STATE_NONE,      /* the file belongs to no team */
  RAPPORT_TEAM_STATE_SYNCING,
  RAPPORT_TEAM_STATE_SYNCED,
  RAPPORT_TEAM_STATE_OFFLINE,   /* the server cannot be reached */
  RAPPORT_TEAM_STATE_ERROR,     /* the server said no */
} RapportTeamState;

#define RAPPORT_TYPE_TEAM_STATE (rapport_team_state_get_type ())
GType rapport_team_state_get_type (void) G_GNUC_CONST;

#define RAPPORT_TYPE_TEAM_SYNC (rapport_team_sync_get_type ())

G_DECLARE_FINAL_TYPE (RapportTeamSync, rapport_team_sync, RAPPORT, TEAM_SYNC, GObject)

/* Starts keeping @store's file in step (when it is in a team). */
RapportTeamSync  *rapport_team_sync_new            (RapportStore     *store);
/* Ends the thread (waiting a moment for a sync under way). */
void              rapport_team_sync_stop           (RapportTeamSync  *self);

RapportTeamState  rapport_team_sync_get_state      (RapportTeamSync  *self);
/* Changes made here that the server does not have yet. */
guint             rapport_team_sync_get_pending    (RapportTeamSync  *self);
const char       *rapport_team_sync_get_error      (RapportTeamSync  *self);
/* The team's server as people write it ("host:port/database"). */
const char       *rapport_team_sync_get_server     (RapportTeamSync  *self);
const char       *rapport_team_sync_get_user       (RapportTeamSync  *self);
/* When the last sync ended well (Unix seconds), 0: never. */
gint64            rapport_team_sync_get_synced_at  (RapportTeamSync  *self);
/* That time as the locale writes a time of day ("14:02"); NULL: never. */
char             *rapport_team_sync_format_synced_at (RapportTeamSync *self);
/* The error to show: the last sync's, while not synced; else NULL. */
const char       *rapport_team_sync_get_problem    (RapportTeamSync  *self);
/* The status in a few words for the header: "Synced", "Offline, 3
 * changes waiting"…; NULL outside a team. */
char             *rapport_team_sync_describe       (RapportTeamSync  *self);

/* A new password for this member (theirs changed, or the keyring lost
 * it): kept in the keyring, then the thread connects again with it. */
void              rapport_team_sync_set_password   (RapportTeamSync  *self,
                                                    const char       *password);

/* Syncs now (Sync Now). */
void              rapport_team_sync_sync_now       (RapportTeamSync  *self);

/* Joins the team @server names as @user with @password (kept in the
 * keyring once the server took it); "fraction" follows the download or
 * bring-up. */
void              rapport_team_sync_join_async     (RapportTeamSync     *self,
                                                    const char          *server,
                                                    const char          *user,
                                                    const char          *password,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean          rapport_team_sync_join_finish    (RapportTeamSync     *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* Leaves the team: the records stay, the password leaves the keyring. */
void              rapport_team_sync_leave_async    (RapportTeamSync     *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean          rapport_team_sync_leave_finish   (RapportTeamSync     *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* What a user types for the server: a connection string ("host=… dbname=…"),
 * a postgresql:// address, or host[:port][/database]; as a connection
 * string libpq reads. */
char             *rapport_team_server_from_text    (const char          *text);

G_END_DECLS
