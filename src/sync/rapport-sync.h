/* rapport-sync.h — one desktop in step with its team (team mode)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sync pulls what the others changed since the last change this
 * desktop saw, writes the team's records as the server has them now
 * (keeping the fields changed here and not yet pushed), then pushes this
 * desktop's change log, one change at a time, forgetting each once the
 * server has it. A change the server refuses (a policy) is forgotten and
 * the server's value written back. The server's order decides: the
 * change it ordered last wins. Nothing here keeps the file locked while
 * it waits on the network: each write is its own short transaction.
 */

#pragma once

#include "rapport-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint  pushed;      /* changes the server took */
  guint  pulled;      /* records written from the team */
  guint  conflicts;   /* fields of the team overwritten by changes of ours */
  guint  pending;     /* changes still waiting */
  char  *refused;     /* the server's refusals, one sentence a line, or NULL */
} RapportSyncResult;

void      rapport_sync_result_clear (RapportSyncResult  *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RapportSyncResult, rapport_sync_result_clear)

/* How far a join has come: @done of @total records sent up or brought
 * down. Called on the thread that joins. */
typedef void (*RapportSyncProgress) (guint64   done,
                                     guint64   total,
                                     gpointer  user_data);

/* Joins the team whose server @conninfo names, as @user (NULL: the
 * connection string's, or libpq's default). The first desktop of a team
 * brings its records up; a desktop joining a team that has records
 * downloads them, and must hold none of its own. Then syncs once. */
gboolean  rapport_sync_join         (RapportStore       *store,
                                     const char         *conninfo,
                                     const char         *user,
                                     RapportSyncResult  *result,
                                     GError            **error);
/* The same with the member's @password (NULL: libpq's PGPASSWORD or
 * ~/.pgpass), which is never kept, and @progress_func told how far the
 * bring-up or the download has come. */
gboolean  rapport_sync_join_full    (RapportStore         *store,
                                     const char           *conninfo,
                                     const char           *user,
                                     const char           *password,
                                     RapportSyncProgress   progress_func,
                                     gpointer              progress_data,
                                     RapportSyncResult    *result,
                                     GError              **error);
/* One pull and push. The outcome (synced, offline, error) is kept in
 * the file for rapport_sync_read_status(). */
gboolean  rapport_sync_run          (RapportStore       *store,
                                     RapportSyncResult  *result,
                                     GError            **error);
gboolean  rapport_sync_run_with_password (RapportStore       *store,
                                          const char         *password,
                                          RapportSyncResult  *result,
                                          GError            **error);
/* Leaves the team: the records stay, the log stops. */
gboolean  rapport_sync_leave        (RapportStore       *store,
                                     GError            **error);

typedef enum
{
  RAPPORT_SYNC_NONE,      /* not in a team */
  RAPPORT_SYNC_SYNCED,
  RAPPORT_SYNC_OFFLINE,   /* the last sync could not reach the server */
  RAPPORT_SYNC_ERROR,     /* the server answered with an error */
} RapportSyncState;

typedef struct
{
  RapportSyncState  state;
  char             *server;          /* without password */
  char             *user;
  guint             pending;
  gint64            last_synced_at;  /* 0: never */
  char             *error;           /* the last sync's, or NULL */
} RapportSyncStatus;

void      rapport_sync_status_clear (RapportSyncStatus  *status);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RapportSyncStatus, rapport_sync_status_clear)
/* What the file says of its team; asks the network nothing. */
void      rapport_sync_read_status  (RapportStore       *store,
                                     RapportSyncStatus  *status);

/* One connection to the team's server held open by a desktop that stays
 * in step: it hears the server's notice of every pushed change (ids
 * only: everyone may listen) and syncs over the same connection. Notices
 * sent while it was away are lost: after opening one, sync once to catch
 * up. Blocking calls: for a thread of its own. */
typedef struct _RapportSyncLink RapportSyncLink;

RapportSyncLink *rapport_sync_link_open      (RapportStore     *store,
                                              const char       *password,
                                              GError          **error);
void             rapport_sync_link_free      (RapportSyncLink  *link);
/* Readable when the server has news (or the connection broke). */
int              rapport_sync_link_get_socket (RapportSyncLink *link);
/* Reads what the socket holds; *@news is TRUE when another change was
 * pushed. FALSE with RAPPORT_TEAM_ERROR_UNREACHABLE when the connection
 * is gone. */
gboolean         rapport_sync_link_read_news (RapportSyncLink  *link,
                                              gboolean         *news,
                                              GError          **error);
/* rapport_sync_run() over the link's connection. */
gboolean         rapport_sync_link_run       (RapportSyncLink    *link,
                                              RapportStore       *store,
                                              RapportSyncResult  *result,
                                              GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportSyncLink, rapport_sync_link_free)

G_END_DECLS
