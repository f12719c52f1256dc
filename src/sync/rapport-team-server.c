/* rapport-team-server.c — the team's PostgreSQL database (team mode)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every statement is either the schema (our own text, from the
 * resources) or a parameterized call: no text a user typed is ever part
 * of the SQL sent. Role names, which DDL cannot take as parameters, are
 * quoted by the server itself (format('%I') in rapport.add_member()).
 */

#define G_LOG_DOMAIN "rapport-team"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <string.h>
#include <stdlib.h>

#include "rapport-sync-resources.h"

#include "rapport-team-private.h"

G_DEFINE_QUARK (rapport-team-error-quark, rapport_team_error)


/* The server's message, without libpq's trailing newline. */
static char *
server_message (PGconn *conn)
{
  return g_strchomp (g_strdup (PQerrorMessage (conn)));
}

/* The server's notices ("role is already a member…") are not for the
 * user of a desktop app. */
static void
ignore_notice (void       *data,
               const char *message)
{
  g_debug ("%s", message);
}

PGconn *
rapport_team_connect (const char  *conninfo,
            GError     **error)
{
  g_autoptr(PGconn) conn = PQconnectdb (conninfo);
  g_autoptr(PGresult) result = NULL;
  g_autofree char *message = NULL;

  if (conn != NULL && PQstatus (conn) == CONNECTION_OK)
    {
      PQsetClientEncoding (conn, "UTF8");
      PQsetNoticeProcessor (conn, ignore_notice, NULL);
      /* A desktop's queries read a few rows by index, but on a team of
       * a million changes the planner's guess for "changes after N" is
       * large enough to start JIT compiling: 100 ms for a query of
       * 0.4 ms, on every pull. */
      result = PQexec (conn, "SET jit = off");
      return g_steal_pointer (&conn);
    }

  message = conn != NULL ? server_message (conn) : g_strdup (_("Out of memory."));
  /* A server that asked for a password and got none, or not the right
   * one, is there: trying again changes nothing until the member gives
   * it. (libpq tells a wrong one only in its message.) */
  if (conn != NULL &&
      (PQconnectionNeedsPassword (conn) ||
       (PQconnectionUsedPassword (conn) && strstr (message, "password authentication failed") != NULL)))
    {
      g_set_error (error, RAPPORT_TEAM_ERROR, RAPPORT_TEAM_ERROR_PASSWORD,
                   _("The team’s server did not take your password: give it again on the Team page of Preferences, or in PGPASSWORD. (%s)"),
                   message);
      return NULL;
    }
  g_set_error (error, RAPPORT_TEAM_ERROR, RAPPORT_TEAM_ERROR_UNREACHABLE,
               _("Could not connect to the team’s server: %s"), message);
  return NULL;
}

/* Maps a failed result to an error: a refusal by policy or rights as
 * REFUSED, with the server's own sentence. */
gboolean
rapport_team_result_error (PGconn    *conn,
              PGresult  *result,
              GError   **error)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  g_autofree char *message = primary != NULL ? g_strdup (primary) : server_message (conn);
  gboolean refused = g_strcmp0 (state, "42501") == 0;

  /* A server that went away mid-sync is one out of reach, not one that
   * said no: the desktop is offline and tries again. */
  if (conn != NULL && PQstatus (conn) == CONNECTION_BAD)
    {
      g_set_error (error, RAPPORT_TEAM_ERROR, RAPPORT_TEAM_ERROR_UNREACHABLE,
                   _("The connection to the team’s server was lost: %s"), message);
      return FALSE;
    }

  g_set_error (error, RAPPORT_TEAM_ERROR,
               refused ? RAPPORT_TEAM_ERROR_REFUSED : RAPPORT_TEAM_ERROR_FAILED,
               refused ? _("The team’s server refused the change: %s") : _("The team’s server reported an error: %s"),
               message);
  return FALSE;
}

static gboolean
exec_ok (PGconn      *conn,
         const char  *sql,
         GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  if (PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK)
    return TRUE;
  return rapport_team_result_error (conn, result, error);
}

/* The team schema's version in the database, 0 when it has none. Two
 * queries: a query naming rapport.meta fails where it does not exist. */
gboolean
rapport_team_read_version (PGconn      *conn,
              int         *version,
              GError     **error)
{
  g_autoptr(PGresult) exists = PQexec (conn, "SELECT to_regclass('rapport.meta') IS NOT NULL");
  g_autoptr(PGresult) result = NULL;

  if (PQresultStatus (exists) != PGRES_TUPLES_OK || PQntuples (exists) != 1)
    return rapport_team_result_error (conn, exists, error);
  if (g_str_equal (PQgetvalue (exists, 0, 0), "f"))
    {
      *version = 0;
      return TRUE;
    }

  result = PQexec (conn, "SELECT value FROM rapport.meta WHERE key = 'version'");
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    return rapport_team_result_error (conn, result, error);

  *version = PQntuples (result) == 1 ? atoi (PQgetvalue (result, 0, 0)) : -1;
  return TRUE;
}

/* How many tables, views, sequences… the database holds outside the
 * system's own schemas. */
static gboolean
count_objects (PGconn      *conn,
               int         *n,
               GError     **error)
{
  g_autoptr(PGresult) result = NULL;

  result = PQexec (conn,
                   "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                   " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')"
                   " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'"
                   " AND c.relkind IN ('r', 'v', 'm', 'S', 'f', 'p')");
  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) != 1)
    return rapport_team_result_error (conn, result, error);

  *n = atoi (PQgetvalue (result, 0, 0));
  return TRUE;
}

static gboolean
check_empty (PGconn      *conn,
             GError     **error)
{
  int version = 0;
  int n_objects = 0;

  if (!rapport_team_read_version (conn, &version, error))
    return FALSE;
  if (version > RAPPORT_TEAM_SCHEMA_VERSION)
    {
      g_set_error (error, RAPPORT_TEAM_ERROR, RAPPORT_TEAM_ERROR_TOO_NEW,
                   _("This database holds a team of a newer Rapport (version %d): it was left as it is."),
                   version);
      return FALSE;
    }
  if (version != 0)
    {
      g_set_error_literal (error, RAPPORT_TEAM_ERROR, RAPPORT_TEAM_ERROR_EXISTS,
                           _("This database already holds a Rapport team: it was left as it is."));
      return FALSE;
    }

  if (!count_objects (conn, &n_objects, error))
    return FALSE;
  if (n_objects > 0)
    {
      g_set_error (error, RAPPORT_TEAM_ERROR, RAPPORT_TEAM_ERROR_FOREIGN,
                   ngettext ("This database is not empty (it holds %d table or other object of another program): "
                             "give the team a database of its own. Nothing was changed.",
                             "This database is not empty (it holds %d tables or other objects of another program): "
                             "give the team a database of its own. Nothing was changed.",
                             n_objects),
                   n_objects);
      return FALSE;
    }

  return TRUE;
}

static char *
load_schema (void)
{
  /* By the resource itself: a static library's resources are not
   * registered unless something refers to them. */
  g_autoptr(GBytes) bytes = g_resource_lookup_data (rapport_sync_get_resource (),
                                                    "/io/github/rapportcrm/Rapport/sync/rapport-team-schema.sql",
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert (bytes != NULL);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

gboolean
rapport_team_server_init (const char  *conninfo,
                          GError     **error)
{
  g_autoptr(PGconn) conn = NULL;
  g_autofree char *schema = NULL;

  g_return_val_if_fail (conninfo != NULL, FALSE);

  conn = rapport_team_connect (conninfo, error);
  if (conn == NULL)
    return FALSE;

  schema = load_schema ();
  if (!exec_ok (conn, "BEGIN ISOLATION LEVEL SERIALIZABLE", error))
    return FALSE;
  if (!check_empty (conn, error) || !exec_ok (conn, schema, error) || !exec_ok (conn, "COMMIT", error))
    {
      g_autoptr(PGresult) rollback = PQexec (conn, "ROLLBACK");
      return FALSE;
    }

  return TRUE;
}

gboolean
rapport_team_server_add_member (const char  *conninfo,
                                const char  *name,
                                gboolean     manager,
                                const char  *password,
                                gboolean    *made,
                                GError     **error)
{
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(PGresult) result = NULL;
  const char *values[3] = { name, manager ? "true" : "false", password };
  int version = 0;

  g_return_val_if_fail (conninfo != NULL && name != NULL && password != NULL, FALSE);

  conn = rapport_team_connect (conninfo, error);
  if (conn == NULL)
    return FALSE;
  if (!rapport_team_read_version (conn, &version, error))
    return FALSE;
  if (version <= 0)
    {
      g_set_error_literal (error, RAPPORT_TEAM_ERROR, RAPPORT_TEAM_ERROR_FOREIGN,
                           _("This database holds no Rapport team: make one first with “team init”."));
      return FALSE;
    }

  result = PQexecParams (conn, "SELECT rapport.add_member ($1, $2::boolean, $3)", 3, NULL, values, NULL, NULL, 0);
  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) != 1)
    return rapport_team_result_error (conn, result, error);

  if (made != NULL)
    *made = g_str_equal (PQgetvalue (result, 0, 0), "t");
  return TRUE;
}

void
rapport_team_append_conninfo (GString    *conninfo,
                              const char *keyword,
                              const char *value)
{
  if (conninfo->len > 0)
    g_string_append_c (conninfo, ' ');
  g_string_append_printf (conninfo, "%s='", keyword);
  for (const char *c = value; *c != '\0'; c++)
    {
      if (*c == '\'' || *c == '\\')
        g_string_append_c (conninfo, '\\');
      g_string_append_c (conninfo, *c);
    }
  g_string_append_c (conninfo, '\'');
}

/* @conninfo (key=value pairs or a postgresql:// address) as key=value
 * pairs, to which more can be appended; without its password unless
 * @keep_password. */
static char *
normalize_conninfo (const char  *conninfo,
                    gboolean     keep_password,
                    GError     **error)
{
  char *parse_error = NULL;
  PQconninfoOption *options = PQconninfoParse (conninfo, &parse_error);
  GString *kept;

  if (options == NULL)
    {
      g_autofree char *message = g_strchomp (g_strdup (parse_error != NULL ? parse_error : ""));

      g_set_error (error, RAPPORT_TEAM_ERROR, RAPPORT_TEAM_ERROR_FAILED,
                   _("The server’s address cannot be read: %s"), message);
      PQfreemem (parse_error);
      return NULL;
    }

  kept = g_string_new (NULL);
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    {
      if (option->val == NULL || (!keep_password && g_str_equal (option->keyword, "password")))
        continue;
      rapport_team_append_conninfo (kept, option->keyword, option->val);
    }
  PQconninfoFree (options);

  return g_string_free (kept, FALSE);
}

char *
rapport_team_conninfo_public (const char  *conninfo,
                              GError     **error)
{
  return normalize_conninfo (conninfo, FALSE, error);
}

char *
rapport_team_conninfo_normalize (const char  *conninfo,
                                 GError     **error)
{
  return normalize_conninfo (conninfo, TRUE, error);
}

char *
rapport_team_server_describe (const char *conninfo)
{
  PQconninfoOption *options;
  const char *host = NULL, *port = NULL, *dbname = NULL;
  GString *text;

  g_return_val_if_fail (conninfo != NULL, NULL);

  options = PQconninfoParse (conninfo, NULL);
  if (options == NULL)
    return g_strdup (conninfo);
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    {
      if (option->val == NULL || *option->val == '\0')
        continue;
      if (g_str_equal (option->keyword, "host") || (host == NULL && g_str_equal (option->keyword, "hostaddr")))
        host = option->val;
      else if (g_str_equal (option->keyword, "port"))
        port = option->val;
      else if (g_str_equal (option->keyword, "dbname"))
        dbname = option->val;
    }

  text = g_string_new (host != NULL ? host : "localhost");
  if (port != NULL && !g_str_equal (port, "5432"))
    g_string_append_printf (text, ":%s", port);
  if (dbname != NULL)
    g_string_append_printf (text, "/%s", dbname);
  PQconninfoFree (options);
  return g_string_free (text, FALSE);
}
