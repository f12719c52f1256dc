/* rapport-cli-settings.c — settings list, get, set, add, remove, rename, move
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The settings kept with the data, by the keys the Preferences window's
 * rows stand for: two values (default-currency, speed-to-lead-minutes)
 * and two lists (lost-reasons, lead-sources). A list prints one entry a
 * line, or a JSON array.
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include "rapport-cli-private.h"
#include "rapport-store-settings.h"
#include "rapport-validate.h"

typedef enum
{
  KEY_DEFAULT_CURRENCY,
  KEY_SPEED_TO_LEAD,
  KEY_LOST_REASONS,
  KEY_LEAD_SOURCES,
  N_KEYS
} SettingKey;

static const char * const key_names[N_KEYS] = {
  [KEY_DEFAULT_CURRENCY] = "default-currency",
  [KEY_SPEED_TO_LEAD] = "speed-to-lead-minutes",
  [KEY_LOST_REASONS] = "lost-reasons",
  [KEY_LEAD_SOURCES] = "lead-sources",
};

static gboolean
is_list (SettingKey key)
{
  return key == KEY_LOST_REASONS || key == KEY_LEAD_SOURCES;
}

static RapportChoiceList
list_of (SettingKey key)
{
  return key == KEY_LOST_REASONS ? RAPPORT_CHOICE_LOST_REASON : RAPPORT_CHOICE_LEAD_SOURCE;
}

static gboolean
parse_key (const char  *text,
           gboolean     lists_only,
           SettingKey  *key,
           GError     **error)
{
  g_autofree char *quoted = NULL;

  for (guint i = 0; i < N_KEYS; i++)
    if (g_str_equal (text, key_names[i]) && (!lists_only || is_list (i)))
      {
        *key = i;
        return TRUE;
      }

  quoted = rapport_text_quote (text);
  if (lists_only)
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                 _("“%s” is not a list of the settings: the lists are lost-reasons and lead-sources."), quoted);
  else
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                 _("There is no setting called “%s”: the settings are default-currency, speed-to-lead-minutes, lost-reasons and lead-sources."),
                 quoted);
  return FALSE;
}

static JsonNode *
value_json (RapportStore *store,
            SettingKey    key)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  switch (key)
    {
    case KEY_DEFAULT_CURRENCY:
      json_node_set_string (node, rapport_store_get_default_currency (store));
      break;

    case KEY_SPEED_TO_LEAD:
      json_node_set_int (node, rapport_store_get_speed_to_lead_minutes (store));
      break;

    case KEY_LOST_REASONS:
    case KEY_LEAD_SOURCES:
    case N_KEYS:
    default:
      {
        g_auto(GStrv) labels = rapport_store_get_choices (store, list_of (key));
        JsonArray *array = json_array_new ();

        for (guint i = 0; labels[i] != NULL; i++)
          json_array_add_string_element (array, labels[i]);
        json_node_init_array (node, array);
        json_array_unref (array);
      }
      break;
    }

  return node;
}

/* The value as text: one line a value, @prefix before each. */
static void
print_value (RapportStore *store,
             SettingKey    key,
             const char   *prefix)
{
  g_auto(GStrv) labels = NULL;

  switch (key)
    {
    case KEY_DEFAULT_CURRENCY:
      g_print ("%s%s\n", prefix, rapport_store_get_default_currency (store));
      return;

    case KEY_SPEED_TO_LEAD:
      g_print ("%s%d\n", prefix, rapport_store_get_speed_to_lead_minutes (store));
      return;

    case KEY_LOST_REASONS:
    case KEY_LEAD_SOURCES:
    case N_KEYS:
    default:
      labels = rapport_store_get_choices (store, list_of (key));
      for (guint i = 0; labels[i] != NULL; i++)
        {
          g_autofree char *shown = rapport_text_escape (labels[i], FALSE);

          g_print ("%s%s\n", prefix, shown);
        }
    }
}

static gboolean
cmd_settings_list (RapportCli  *cli,
                   GError     **error)
{
  if (rapport_cli_open_store (cli, error) == NULL)
    return FALSE;

  if (cli->json)
    {
      JsonObject *object = json_object_new ();
      JsonNode *node = json_node_new (JSON_NODE_OBJECT);

      for (guint i = 0; i < N_KEYS; i++)
        json_object_set_member (object, key_names[i], value_json (cli->store, i));
      json_node_take_object (node, object);
      rapport_json_print (node);
      return TRUE;
    }

  for (guint i = 0; i < N_KEYS; i++)
    {
      g_autofree char *prefix = g_strconcat (key_names[i], "\t", NULL);

      print_value (cli->store, i, prefix);
    }
  return TRUE;
}

static gboolean
cmd_settings_get (RapportCli  *cli,
                  GError     **error)
{
  SettingKey key;

  if (!parse_key (cli->args[0], FALSE, &key, error) ||
      rapport_cli_open_store (cli, error) == NULL)
    return FALSE;

  if (cli->json)
    rapport_json_print (value_json (cli->store, key));
  else
    print_value (cli->store, key, "");
  return TRUE;
}

/* Minutes as people write them: digits only. */
static gboolean
parse_minutes (const char  *text,
               int         *minutes,
               GError     **error)
{
  guint64 n = 0;
  g_autofree char *quoted = NULL;

  if (g_ascii_isdigit (text[0]) && g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &n, NULL))
    {
      *minutes = (int) n;
      return TRUE;
    }

  quoted = rapport_text_quote (text);
  g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
               _("“%s” is not a number of minutes: write a whole number, like 60."), quoted);
  return FALSE;
}

static gboolean
set_value (RapportCli   *cli,
           SettingKey    key,
           const char   *value,
           GError      **error)
{
  int minutes;

  if (key == KEY_DEFAULT_CURRENCY)
    return rapport_store_set_default_currency (cli->store, value, error);

  return parse_minutes (value, &minutes, error) &&
         rapport_store_set_speed_to_lead_minutes (cli->store, minutes, error);
}

static gboolean
cmd_settings_set (RapportCli  *cli,
                  GError     **error)
{
  SettingKey key;

  if (!parse_key (cli->args[0], FALSE, &key, error))
    return FALSE;

  if (!is_list (key) && cli->n_args != 2)
    {
      g_autofree char *message = g_strdup_printf (_("%s takes exactly one value."), key_names[key]);

      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID, message);
      return FALSE;
    }
  if (rapport_cli_open_store (cli, error) == NULL)
    return FALSE;

  if (is_list (key))
    return rapport_store_set_choices (cli->store, list_of (key),
                                      (const char * const *) cli->args + 1, error);
  return set_value (cli, key, cli->args[1], error);
}

static gboolean
cmd_settings_add (RapportCli  *cli,
                  GError     **error)
{
  SettingKey key;

  return parse_key (cli->args[0], TRUE, &key, error) &&
         rapport_cli_open_store (cli, error) != NULL &&
         rapport_store_add_choice (cli->store, list_of (key), cli->args[1], error);
}

static gboolean
cmd_settings_remove (RapportCli  *cli,
                     GError     **error)
{
  SettingKey key;

  return parse_key (cli->args[0], TRUE, &key, error) &&
         rapport_cli_open_store (cli, error) != NULL &&
         rapport_store_remove_choice (cli->store, list_of (key), cli->args[1], error);
}

static gboolean
cmd_settings_rename (RapportCli  *cli,
                     GError     **error)
{
  SettingKey key;

  return parse_key (cli->args[0], TRUE, &key, error) &&
         rapport_cli_open_store (cli, error) != NULL &&
         rapport_store_rename_choice (cli->store, list_of (key), cli->args[1], cli->args[2], error);
}

static gboolean
cmd_settings_move (RapportCli  *cli,
                   GError     **error)
{
  guint64 position = 0;
  SettingKey key;

  if (!parse_key (cli->args[0], TRUE, &key, error))
    return FALSE;
  if (!g_ascii_isdigit (cli->args[2][0]) ||
      !g_ascii_string_to_unsigned (cli->args[2], 10, 1, G_MAXUINT, &position, NULL))
    {
      g_autofree char *quoted = rapport_text_quote (cli->args[2]);

      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a position: write 1 for the first place, 2 for the second, and so on."), quoted);
      return FALSE;
    }

  return rapport_cli_open_store (cli, error) != NULL &&
         rapport_store_move_choice (cli->store, list_of (key), cli->args[1], (guint) position - 1, error);
}

const RapportCliCommand rapport_cli_settings_commands[] = {
  { "settings", "list", cmd_settings_list, "settings list [--json]",
    0, 0, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, NULL, NULL },
  { "settings", "get", cmd_settings_get, "settings get KEY [--json]",
    1, 1, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, NULL, N_("settings get takes one key") },
  { "settings", "set", cmd_settings_set, "settings set KEY VALUE…",
    1, G_MAXUINT, 0, NULL, N_("settings set takes a key and its values") },
  { "settings", "add", cmd_settings_add, "settings add lost-reasons|lead-sources VALUE",
    2, 2, 0, NULL, N_("settings add takes a list and the entry to add") },
  { "settings", "remove", cmd_settings_remove, "settings remove lost-reasons|lead-sources VALUE",
    2, 2, 0, NULL, N_("settings remove takes a list and the entry to remove") },
  { "settings", "rename", cmd_settings_rename, "settings rename lost-reasons|lead-sources VALUE NEW-VALUE",
    3, 3, 0, NULL, N_("settings rename takes a list, an entry and its new text") },
  { "settings", "move", cmd_settings_move, "settings move lost-reasons|lead-sources VALUE POSITION",
    3, 3, 0, NULL, N_("settings move takes a list, an entry and its new position") },
  { NULL }
};
