/* rapport-cli-goal.c — goal add, list and delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include "rapport-cli-private.h"
#include "rapport-enums.h"
#include "rapport-money.h"
#include "rapport-validate.h"

/* A value of @type by its nick ("won-value", "month"). */
static gboolean
parse_nick (GType       type,
            const char *text,
            int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = text != NULL ? g_enum_get_value_by_nick (klass, text) : NULL;

  if (found == NULL)
    return FALSE;

  *value = found->value;
  return TRUE;
}

/* A count target: a positive whole number as people write it. */
static gboolean
parse_count (const char  *text,
             gint64      *count,
             GError     **error)
{
  guint64 n = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &n, NULL) || !g_ascii_isdigit (text[0]))
    {
      g_autofree char *quoted = rapport_text_quote (text);

      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a target: write a positive whole number, like 12"), quoted);
      return FALSE;
    }

  *count = (gint64) n;
  return TRUE;
}

static void
print_goal (RapportStore              *store,
            RapportGoal               *goal,
            const RapportGoalProgress *progress)
{
  g_autoptr(JsonNode) node = rapport_json_goal (goal, NULL);
  JsonObject *object = json_node_get_object (node);
  const char *currency = rapport_store_get_default_currency (store);
  gboolean money = rapport_goal_metric_is_money (rapport_goal_get_metric (goal));
  g_autofree char *actual = money ? rapport_money_format (progress->actual, currency)
                                  : g_strdup_printf ("%" G_GINT64_FORMAT, progress->actual);
  g_autofree char *target = money ? rapport_money_format (progress->target, currency)
                                  : g_strdup_printf ("%" G_GINT64_FORMAT, progress->target);
  const char *owner = rapport_goal_get_owner (goal);

  /* Translators: a goal: id, metric, period, owner, actual, target and
   * percent done, separated by tabs. */
  g_print (_("%lld\t%s\t%s\t%s\t%s of %s (%.0f%%)\n"),
           (long long) rapport_record_get_id (RAPPORT_RECORD (goal)),
           json_object_get_string_member (object, "metric"),
           json_object_get_string_member (object, "period"),
           owner != NULL ? owner : _("the whole team"),
           actual, target, 100.0 * progress->progress);
}

static gboolean
cmd_goal_add (RapportCli  *cli,
              GError     **error)
{
  const char *target_text = rapport_cli_string (cli, "target");
  RapportGoalFields fields = { 0, };
  g_autoptr(RapportGoal) goal = NULL;
  RapportGoalProgress progress;
  int metric, period;

  if (!parse_nick (RAPPORT_TYPE_GOAL_METRIC, rapport_cli_string (cli, "metric"), &metric))
    return rapport_cli_set_usage (error, _("--metric is won-value, deals-won, deals-added, activities-done or leads-contacted-in-time"));
  if (!parse_nick (RAPPORT_TYPE_PERIOD_KIND, rapport_cli_string (cli, "period"), &period))
    return rapport_cli_set_usage (error, _("--period is week, month, quarter or year"));
  if (target_text == NULL)
    return rapport_cli_set_usage (error, _("--target is required"));
  if (rapport_cli_open_store (cli, error) == NULL)
    return FALSE;

  fields.metric = metric;
  fields.period = period;
  fields.owner = rapport_cli_string (cli, "owner");
  /* Money in major units of the default currency, as --value takes it. */
  if (rapport_goal_metric_is_money (fields.metric)
      ? !rapport_money_parse (target_text, rapport_store_get_default_currency (cli->store), &fields.target, error)
      : !parse_count (target_text, &fields.target, error))
    return FALSE;

  if ((goal = rapport_store_add_goal (cli->store, &fields, error)) == NULL ||
      !rapport_store_get_goal_progress (cli->store, goal, 0, &progress, error))
    return FALSE;

  if (cli->json)
    rapport_json_print (rapport_json_goal (goal, &progress));
  else
    g_print (_("Created goal %lld\n"), (long long) rapport_record_get_id (RAPPORT_RECORD (goal)));

  return TRUE;
}

JsonNode *
rapport_cli_goals_json (RapportCli  *cli,
                        GError     **error)
{
  g_autoptr(GListModel) goals = rapport_store_get_goals (cli->store);
  g_autoptr(JsonArray) array = json_array_new ();
  JsonNode *node;

  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(RapportGoal) goal = g_list_model_get_item (goals, i);
      RapportGoalProgress progress;

      if (!rapport_store_get_goal_progress (cli->store, goal, 0, &progress, error))
        return NULL;
      json_array_add_element (array, rapport_json_goal (goal, &progress));
    }

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, g_steal_pointer (&array));
  return node;
}

static gboolean
cmd_goal_list (RapportCli  *cli,
               GError     **error)
{
  g_autoptr(GListModel) goals = NULL;

  if (rapport_cli_open_store (cli, error) == NULL)
    return FALSE;

  if (cli->json)
    {
      JsonNode *node = rapport_cli_goals_json (cli, error);

      if (node == NULL)
        return FALSE;
      rapport_json_print (node);
      return TRUE;
    }

  goals = rapport_store_get_goals (cli->store);
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(RapportGoal) goal = g_list_model_get_item (goals, i);
      RapportGoalProgress progress;

      if (!rapport_store_get_goal_progress (cli->store, goal, 0, &progress, error))
        return FALSE;
      print_goal (cli->store, goal, &progress);
    }

  return TRUE;
}

static gboolean
cmd_goal_delete (RapportCli  *cli,
                 GError     **error)
{
  g_autoptr(RapportGoal) goal = NULL;
  gint64 id;

  if (!rapport_cli_require_id (cli->args[0], RAPPORT_CLI_ID_GOAL, &id, error) ||
      rapport_cli_open_store (cli, error) == NULL ||
      (goal = rapport_store_get_goal (cli->store, id, error)) == NULL ||
      !rapport_store_delete (cli->store, RAPPORT_RECORD (goal), error))
    return FALSE;

  g_print (_("Deleted goal %lld\n"), (long long) id);
  return TRUE;
}

static const RapportCliOption add_options[] = {
  { "metric", G_OPTION_ARG_STRING, 0 },
  { "period", G_OPTION_ARG_STRING, 0 },
  { "target", G_OPTION_ARG_STRING, 0 },
  { "owner", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

const RapportCliCommand rapport_cli_goal_commands[] = {
  { "goal", "add", cmd_goal_add,
    "goal add --metric won-value|deals-won|deals-added|activities-done|leads-contacted-in-time"
    " --period week|month|quarter|year --target N [--owner NAME] [--json]",
    0, 0, RAPPORT_CLI_JSON, add_options, NULL },
  { "goal", "list", cmd_goal_list, "goal list [--json]",
    0, 0, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, NULL, NULL },
  { "goal", "delete", cmd_goal_delete, "goal delete ID",
    1, 1, 0, NULL, N_("goal delete takes one goal id") },
  { NULL }
};
