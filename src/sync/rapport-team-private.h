/* rapport-team-private.h — what the files of src/sync/ share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libpq-fe.h>

#include "rapport-team-server.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* A connection in UTF-8 whose notices stay quiet; NULL with
 * RAPPORT_TEAM_ERROR_UNREACHABLE. */
PGconn   *rapport_team_connect      (const char  *conninfo,
                                     GError     **error);
/* @result's error as a GError (REFUSED for SQLSTATE 42501); FALSE. */
gboolean  rapport_team_result_error (PGconn      *conn,
                                     PGresult    *result,
                                     GError     **error);
/* Appends " keyword='value'" to @conninfo, quoted as libpq reads it. */
void      rapport_team_append_conninfo (GString    *conninfo,
                                        const char *keyword,
                                        const char *value);
/* @conninfo (key=value pairs or a postgresql:// address) as key=value
 * pairs, its password kept: what more keywords can be appended to. */
char     *rapport_team_conninfo_normalize (const char  *conninfo,
                                           GError     **error);
/* The team schema's version, 0 when the database has none. */
gboolean  rapport_team_read_version (PGconn      *conn,
                                     int         *version,
                                     GError     **error);

G_END_DECLS
