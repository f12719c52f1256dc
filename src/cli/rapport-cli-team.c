/* rapport-cli-team.c — team init, team add-user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a manager does once to give the team its PostgreSQL database:
 * make the schema in an empty database, then add each person as a seller
 * or a manager. The file remembers the server (without a password), so
 * add-user needs only the name. Then each desktop joins, syncs, and may
 * leave; its status is read from the file, without the network.
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include <string.h>
#include <sys/random.h>

#include "rapport-cli-private.h"
#include "rapport-store-change-log.h"
#include "rapport-sync.h"
#include "rapport-team-server.h"
#include "rapport-validate.h"

/* A first password for a new member: 20 letters and digits from the
 * kernel's random source (about 119 bits). */
static char *
new_password (GError **error)
{
  static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  guint8 bytes[20];
  char *password = g_malloc (sizeof bytes + 1);

  if (getrandom (bytes, sizeof bytes, 0) != sizeof bytes)
    {
      g_free (password);
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_FAILED,
                           _("Could not make a password: the system gave no random bytes."));
      return NULL;
    }
  for (gsize i = 0; i < sizeof bytes; i++)
    password[i] = alphabet[bytes[i] % (sizeof alphabet - 1)];
  password[sizeof bytes] = '\0';

  return password;
}

static char *
read_password_file (const char  *path,
                    GError     **error)
{
  g_autofree char *contents = NULL;
  char *newline;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  newline = strchr (contents, '\n');
  if (newline != NULL)
    *newline = '\0';
  if (*contents == '\0')
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("The password file is empty."));
      return NULL;
    }

  return g_steal_pointer (&contents);
}

static gboolean
cmd_team_init (RapportCli  *cli,
               GError     **error)
{
  const char *conninfo = cli->args[0];
  g_autofree char *kept = rapport_team_conninfo_public (conninfo, error);
  RapportStore *store;

  if (kept == NULL)
    return FALSE;
  store = rapport_cli_open_store (cli, error);
  if (store == NULL || !rapport_team_server_init (conninfo, error))
    return FALSE;
  if (!rapport_store_set_team_server (store, kept, error))
    return FALSE;

  g_print ("%s\n", _("The team’s database is ready. Add each person with "
                     "“rapport-cli team add-user NAME --role seller” (or manager)."));
  return TRUE;
}

static gboolean
parse_role (const char  *text,
            gboolean    *manager,
            GError     **error)
{
  if (g_strcmp0 (text, "seller") == 0 || g_strcmp0 (text, "manager") == 0)
    {
      *manager = g_str_equal (text, "manager");
      return TRUE;
    }

  return rapport_cli_set_usage (error, _("--role is seller or manager."));
}

/* A name PostgreSQL takes as a role: 1 to 63 bytes, no control
 * characters. */
static gboolean
check_member_name (const char  *name,
                   GError     **error)
{
  gsize length = strlen (name);

  if (length == 0 || length > 63 || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("A team member’s name has 1 to 63 bytes of text."));
      return FALSE;
    }
  for (const char *c = name; *c != '\0'; c++)
    if (g_ascii_iscntrl (*c))
      {
        g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                             _("A team member’s name cannot hold control characters."));
        return FALSE;
      }

  return TRUE;
}

static gboolean
cmd_team_add_user (RapportCli  *cli,
                   GError     **error)
{
  const char *name = cli->args[0];
  const char *password_file = rapport_cli_string (cli, "password-file");
  g_autofree char *server = NULL;
  g_autofree char *password = NULL;
  gboolean manager = FALSE;
  gboolean made = FALSE;
  RapportStore *store;

  if (!parse_role (rapport_cli_string (cli, "role"), &manager, error) ||
      !check_member_name (name, error))
    return FALSE;

  store = rapport_cli_open_store (cli, error);
  if (store == NULL)
    return FALSE;
  server = rapport_store_get_team_server (store);
  if (server == NULL)
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("This file belongs to no team: make the team’s database with “team init CONNINFO” first."));
      return FALSE;
    }

  password = password_file != NULL ? read_password_file (password_file, error) : new_password (error);
  if (password == NULL ||
      !rapport_team_server_add_member (server, name, manager, password, &made, error))
    return FALSE;

  if (manager)
    g_print (_("“%s” is in the team as a manager.\n"), name);
  else
    g_print (_("“%s” is in the team as a seller.\n"), name);
  if (!made)
    g_print ("%s\n", _("They log in with the password they already have on this server."));
  else if (password_file == NULL)
    g_print (_("Their first password: %s\n"), password);
  return TRUE;
}

static void
print_sync_result (RapportCli              *cli,
                   const RapportSyncResult *result)
{
  if (cli->json)
    {
      JsonObject *object = json_object_new ();
      JsonNode *node = json_node_new (JSON_NODE_OBJECT);

      json_object_set_int_member (object, "pushed", result->pushed);
      json_object_set_int_member (object, "pulled", result->pulled);
      json_object_set_int_member (object, "conflicts", result->conflicts);
      json_object_set_int_member (object, "pending", result->pending);
      json_object_set_string_member (object, "refused", result->refused);
      json_node_take_object (node, object);
      rapport_json_print (node);
      return;
    }

  /* One whole sentence a line, each with its own plural. */
  g_print (ngettext ("%u change sent.\n", "%u changes sent.\n", result->pushed), result->pushed);
  g_print (ngettext ("%u record received.\n", "%u records received.\n", result->pulled), result->pulled);
  g_print (ngettext ("%u conflict kept.\n", "%u conflicts kept.\n", result->conflicts), result->conflicts);
  g_print (ngettext ("%u change waiting.\n", "%u changes waiting.\n", result->pending), result->pending);
  if (result->refused != NULL)
    g_print ("%s\n", result->refused);
}

static gboolean
cmd_team_join (RapportCli  *cli,
               GError     **error)
{
  g_auto(RapportSyncResult) result = { 0 };
  RapportStore *store = rapport_cli_open_store (cli, error);

  if (store == NULL ||
      !rapport_sync_join (store, cli->args[0], rapport_cli_string (cli, "user"), &result, error))
    return FALSE;

  if (!cli->json)
    g_print ("%s\n", _("This file is in the team now."));
  print_sync_result (cli, &result);
  return TRUE;
}

static gboolean
cmd_sync (RapportCli  *cli,
          GError     **error)
{
  g_auto(RapportSyncResult) result = { 0 };
  RapportStore *store = rapport_cli_open_store (cli, error);

  if (store == NULL || !rapport_sync_run (store, &result, error))
    return FALSE;

  print_sync_result (cli, &result);
  return TRUE;
}

static const char *
state_name (RapportSyncState state)
{
  switch (state)
    {
    case RAPPORT_SYNC_SYNCED:
      return "synced";
    case RAPPORT_SYNC_ERROR:
      return "error";
    case RAPPORT_SYNC_OFFLINE:
      return "offline";
    case RAPPORT_SYNC_NONE:
    default:
      return "none";
    }
}

static void
print_status_text (const RapportSyncStatus *status)
{
  if (status->server == NULL)
    {
      g_print ("%s\n", _("This file belongs to no team."));
      return;
    }

  g_print (_("Server: %s\n"), status->server);
  g_print (_("User: %s\n"), status->user != NULL ? status->user : "");
  if (status->state == RAPPORT_SYNC_SYNCED)
    g_print (ngettext ("Synced, %u change waiting.\n", "Synced, %u changes waiting.\n", status->pending), status->pending);
  else if (status->state == RAPPORT_SYNC_ERROR)
    g_print (_("The last sync failed: %s\n"), status->error != NULL ? status->error : "");
  else
    g_print (ngettext ("Offline, %u change waiting.\n", "Offline, %u changes waiting.\n", status->pending), status->pending);
}

static gboolean
cmd_team_status (RapportCli  *cli,
                 GError     **error)
{
  g_auto(RapportSyncStatus) status = { 0 };
  RapportStore *store = rapport_cli_open_store (cli, error);
  JsonObject *object;
  JsonNode *node;

  if (store == NULL)
    return FALSE;
  rapport_sync_read_status (store, &status);
  if (!cli->json)
    {
      print_status_text (&status);
      return TRUE;
    }

  object = json_object_new ();
  node = json_node_new (JSON_NODE_OBJECT);
  json_object_set_string_member (object, "server", status.server);
  json_object_set_string_member (object, "user", status.user);
  json_object_set_string_member (object, "state", state_name (status.state));
  json_object_set_int_member (object, "pending", status.pending);
  if (status.last_synced_at > 0)
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (status.last_synced_at);
      g_autofree char *text = g_date_time_format_iso8601 (at);

      json_object_set_string_member (object, "last_synced_at", text);
    }
  else
    json_object_set_null_member (object, "last_synced_at");
  json_object_set_string_member (object, "error", status.error);
  json_node_take_object (node, object);
  rapport_json_print (node);
  return TRUE;
}

static gboolean
cmd_team_leave (RapportCli  *cli,
                GError     **error)
{
  RapportStore *store = rapport_cli_open_store (cli, error);
  guint pending;

  if (store == NULL)
    return FALSE;
  pending = rapport_store_count_pending_changes (store);
  if (!rapport_sync_leave (store, error))
    return FALSE;

  g_print ("%s\n", _("This file has left its team; its records stay."));
  if (pending > 0)
    g_print (ngettext ("%u change was not sent to the team.\n", "%u changes were not sent to the team.\n", pending), pending);
  return TRUE;
}

static const RapportCliOption join_options[] = {
  { "user", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

static const RapportCliOption add_user_options[] = {
  { "role", G_OPTION_ARG_STRING, 0 },
  { "password-file", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

const RapportCliCommand rapport_cli_team_commands[] = {
  { "team", "init", cmd_team_init, "team init CONNINFO",
    1, 1, 0, NULL, N_("team init takes the connection string of an empty PostgreSQL database") },
  { "team", "add-user", cmd_team_add_user, "team add-user NAME --role seller|manager [--password-file FILE]",
    1, 1, 0, add_user_options, N_("team add-user takes the person’s name") },
  { "team", "join", cmd_team_join, "team join CONNINFO [--user NAME] [--json]",
    1, 1, RAPPORT_CLI_JSON, join_options, N_("team join takes the connection string of the team’s server") },
  { "team", "status", cmd_team_status, "team status [--json]",
    0, 0, RAPPORT_CLI_JSON, NULL, NULL },
  { "team", "leave", cmd_team_leave, "team leave",
    0, 0, 0, NULL, NULL },
  { NULL, "sync", cmd_sync, "sync [--json]",
    0, 0, RAPPORT_CLI_JSON, NULL, NULL },
  { NULL }
};
