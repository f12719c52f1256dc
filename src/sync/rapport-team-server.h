/* rapport-team-server.h — the team's PostgreSQL database (team mode)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Making the team's database and adding people to it: what a manager
 * does once, with `rapport-cli team init` and `team add-user`. The
 * schema is rapport-team-schema.sql. Passwords come the libpq way
 * (PGPASSWORD, ~/.pgpass) unless the connection string has one.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RAPPORT_TEAM_ERROR (rapport_team_error_quark ())

typedef enum
{
  /* The server cannot be reached, or refused the login. */
  RAPPORT_TEAM_ERROR_UNREACHABLE,
  /* The database holds something that is not a Rapport team. */
  RAPPORT_TEAM_ERROR_FOREIGN,
  /* The database already holds a Rapport team. */
  RAPPORT_TEAM_ERROR_EXISTS,
  /* A newer Rapport made this team database. */
  RAPPORT_TEAM_ERROR_TOO_NEW,
  /* The server refused the change (a policy, a missing right). */
  RAPPORT_TEAM_ERROR_REFUSED,
  /* The server wants a password the member did not give, or another. */
  RAPPORT_TEAM_ERROR_PASSWORD,
  /* Anything else the server said. */
  RAPPORT_TEAM_ERROR_FAILED,
} RapportTeamError;

/* The version of the team schema this build writes. */
#define RAPPORT_TEAM_SCHEMA_VERSION 1

GQuark    rapport_team_error_quark        (void);

/* Writes the team schema into the empty database @conninfo names, in one
 * transaction; refuses a database that holds anything else. */
gboolean  rapport_team_server_init        (const char  *conninfo,
                                           GError     **error);
/* Adds @name to the team as a seller or a manager: a login role of their
 * own, made with @password when it is new (*@made says whether it was;
 * a role of that name already on the server keeps its password). */
gboolean  rapport_team_server_add_member  (const char  *conninfo,
                                           const char  *name,
                                           gboolean     manager,
                                           const char  *password,
                                           gboolean    *made,
                                           GError     **error);
/* @conninfo without its password, to be kept in the file; NULL with
 * @error when libpq cannot read it. */
char     *rapport_team_conninfo_public    (const char  *conninfo,
                                           GError     **error);

/* @conninfo as people write a server: "host:port/database" (the port
 * when it is not PostgreSQL's own); @conninfo itself when libpq cannot
 * read it. */
char     *rapport_team_server_describe    (const char  *conninfo);

G_END_DECLS
