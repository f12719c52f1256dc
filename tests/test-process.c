/* test-process.c — the sales process as the user edits it: pipelines,
 * stages with deals in them, playbooks, gates, another pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test edits the process through the store and reads the result
 * back through the store and `rapport-cli … --json`, as the editor and a
 * script would.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rapport-store-process.h"
#include "rapport-test-support.h"

/* 2026-03-20 12:00 UTC */
#define NOW G_GINT64_CONSTANT (1774008000)

typedef struct
{
  char         *dir;
  char         *db;
  RapportStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = rapport_test_store_new (&f->dir, NULL);
  f->db = g_build_filename (f->dir, "rapport.db", NULL);
  rapport_store_set_now (f->store, NOW);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  rapport_test_tmpdir_free (f->dir);
  g_free (f->db);
}

static RapportDeal *
add_deal (Fixture      *f,
          const char   *title,
          RapportStage *stage)
{
  g_autoptr(GError) error = NULL;
  RapportDealFields fields = { title, 1000, NULL, rapport_record_get_id (RAPPORT_RECORD (stage)) };
  RapportDeal *deal = rapport_store_add_deal (f->store, &fields, &error);

  g_assert_no_error (error);
  return deal;
}

static RapportPipeline *
current (Fixture *f)
{
  return rapport_store_get_current_pipeline (f->store);
}

/* The names of a pipeline's stages, in order: "A, B, C". */
static char *
stage_names (Fixture         *f,
             RapportPipeline *pipeline)
{
  GListModel *stages = rapport_store_get_stages (f->store, pipeline);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", rapport_stage_get_name (stage));
      g_assert_cmpint (rapport_stage_get_position (stage), ==, (int) i);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
rename_record (Fixture       *f,
               RapportRecord *record,
               const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, name);
  g_assert_true (rapport_store_update (f->store, record, "name", &value, &error));
  g_assert_no_error (error);
}

/* The deal's history as "from>to:reason; …", read by the command line. */
static char *
cli_history (Fixture *f,
             gint64   deal_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, deal_id);
  g_autofree char *out = rapport_test_cli_ok (f->db, "deal", "show", id, "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  JsonArray *history;

  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  history = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "history");
  for (guint i = 0; i < json_array_get_length (history); i++)
    {
      JsonObject *change = json_array_get_object_element (history, i);

      g_string_append_printf (text, "%s%s>%s:%s", i > 0 ? "; " : "",
                              json_object_get_null_member (change, "from_stage") ? "" :
                                json_object_get_string_member (change, "from_stage"),
                              json_object_get_string_member (change, "to_stage"),
                              json_object_get_string_member (change, "reason"));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Stages added, moved and renamed: positions stay dense, the board's
 * list follows, and a rename leaves the history as it was. */
static void
test_stages_reordered_and_renamed (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPipeline) pipeline = current (f);
  g_autoptr(RapportStage) first = rapport_test_stage_at (f->store, 0);
  g_autoptr(RapportStage) second = rapport_test_stage_at (f->store, 1);
  g_autoptr(RapportStage) demo = NULL;
  g_autoptr(RapportDeal) deal = add_deal (f, "Fleet", first);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *history = NULL;
  g_autofree char *cli = NULL;

  before = stage_names (f, pipeline);
  g_assert_cmpstr (before, ==, "Prospecting, Qualifying, Presentation, Negotiation, Closing");

  demo = rapport_store_add_stage (f->store, pipeline, "Demo", 2, 40, 10, &error);
  g_assert_no_error (error);
  after = stage_names (f, pipeline);
  g_assert_cmpstr (after, ==, "Prospecting, Qualifying, Demo, Presentation, Negotiation, Closing");
  g_assert_cmpint (rapport_stage_get_probability (demo), ==, 40);
  g_assert_cmpint (rapport_stage_get_rotting_days (demo), ==, 10);

  g_assert_true (rapport_store_move_deal (f->store, deal, second, 0, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_store_move_stage (f->store, demo, 0, &error));
  g_assert_no_error (error);
  moved = stage_names (f, pipeline);
  g_assert_cmpstr (moved, ==, "Demo, Prospecting, Qualifying, Presentation, Negotiation, Closing");
  g_assert_true (rapport_store_move_stage (f->store, demo, 99, &error));
  g_assert_cmpint (rapport_stage_get_position (demo), ==, 5);

  rename_record (f, RAPPORT_RECORD (second), "Discovery");
  g_assert_cmpstr (rapport_stage_get_name (second), ==, "Discovery");
  history = cli_history (f, rapport_record_get_id (RAPPORT_RECORD (deal)));
  g_assert_cmpstr (history, ==, ">Prospecting:moved; Prospecting>Qualifying:moved");

  /* The command line sees the same order. */
  cli = rapport_test_cli_ok (f->db, "stage", "list", NULL);
  g_assert_nonnull (strstr (cli, "Discovery"));
  g_assert_true (strstr (cli, "Prospecting") < strstr (cli, "Demo"));

  /* Only the store moves a stage. */
  {
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_INT);
    g_value_set_int (&value, 0);
    g_assert_false (rapport_store_update (f->store, RAPPORT_RECORD (demo), "position", &value, &error));
    g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  }
}

/* A stage with open, won and lost deals deleted: each goes to the stage
 * picked, keeps its outcome, and says why in its history; nothing points
 * at the deleted stage. */
static void
test_stage_deleted_with_deals (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPipeline) pipeline = current (f);
  g_autoptr(RapportStage) first = rapport_test_stage_at (f->store, 0);
  g_autoptr(RapportStage) second = rapport_test_stage_at (f->store, 1);
  g_autoptr(RapportStage) third = rapport_test_stage_at (f->store, 2);
  g_autoptr(RapportDeal) waiting = add_deal (f, "Waiting", third);
  g_autoptr(RapportDeal) open1 = add_deal (f, "Open one", second);
  g_autoptr(RapportDeal) open2 = add_deal (f, "Open two", second);
  g_autoptr(RapportDeal) won = add_deal (f, "Won", second);
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *names = NULL;
  g_autofree char *history = NULL;
  g_autofree char *check = NULL;

  g_assert_true (rapport_store_set_deal_status (f->store, won, RAPPORT_DEAL_STATUS_WON, NULL, &error));
  g_assert_cmpuint (rapport_store_count_stage_deals (f->store, second), ==, 3);

  /* Deals need somewhere to go, and not where they are. */
  g_assert_false (rapport_store_delete_stage (f->store, second, NULL, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rapport_store_delete_stage (f->store, second, second, &error));
  g_clear_error (&error);

  g_assert_true (rapport_store_delete_stage (f->store, second, third, &error));
  g_assert_no_error (error);

  names = stage_names (f, pipeline);
  g_assert_cmpstr (names, ==, "Prospecting, Presentation, Negotiation, Closing");
  g_assert_null (rapport_store_get_stage (f->store, rapport_record_get_id (RAPPORT_RECORD (second)), NULL));

  /* In board order, after the deal that was there. */
  ids = rapport_store_list_deal_ids (f->store, third, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (*(gint64 *) ids->pdata[0], ==, rapport_record_get_id (RAPPORT_RECORD (waiting)));
  g_assert_cmpint (*(gint64 *) ids->pdata[1], ==, rapport_record_get_id (RAPPORT_RECORD (open1)));
  g_assert_cmpint (*(gint64 *) ids->pdata[2], ==, rapport_record_get_id (RAPPORT_RECORD (open2)));

  g_assert_cmpint (rapport_deal_get_stage_id (won), ==, rapport_record_get_id (RAPPORT_RECORD (third)));
  g_assert_cmpint (rapport_deal_get_status (won), ==, RAPPORT_DEAL_STATUS_WON);

  history = cli_history (f, rapport_record_get_id (RAPPORT_RECORD (open1)));
  g_assert_cmpstr (history, ==, ">Qualifying:moved; Qualifying>Presentation:stage-deleted");

  /* No deal points at a stage that is not there. */
  check = rapport_test_cli_ok (f->db, "check", NULL);
  g_assert_nonnull (strstr (check, "sound"));
  {
    g_autofree char *json = rapport_test_cli_ok (f->db, "deal", "list", "--json", NULL);

    g_assert_null (strstr (json, "\"Qualifying\""));
  }

  /* The last stage stays. */
  {
    g_autoptr(RapportPipeline) blank = rapport_store_add_pipeline (f->store, "Blank", NULL, &error);
    GListModel *stages = rapport_store_get_stages (f->store, blank);
    g_autoptr(RapportStage) only = g_list_model_get_item (stages, 0);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 1);
    g_assert_false (rapport_store_delete_stage (f->store, only, NULL, &error));
    g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  }
  (void) first;
}

/* A gate refuses a deal that lacks what the stage asks for, forward
 * only; going on anyway is said in the history. */
static void
test_gate_refused_and_overridden (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStage) first = rapport_test_stage_at (f->store, 0);
  g_autoptr(RapportStage) second = rapport_test_stage_at (f->store, 1);
  g_autoptr(RapportStage) third = rapport_test_stage_at (f->store, 2);
  g_autoptr(RapportDeal) deal = add_deal (f, "Gated", first);
  g_autoptr(RapportDeal) qualified = add_deal (f, "Qualified", first);
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *history = NULL;
  g_auto(GValue) on = G_VALUE_INIT;
  RapportBantAnswer yes[] = {
    { RAPPORT_BANT_BUDGET, RAPPORT_ANSWER_YES },
    { RAPPORT_BANT_AUTHORITY, RAPPORT_ANSWER_YES },
    { RAPPORT_BANT_NEED, RAPPORT_ANSWER_YES },
  };

  /* No gate yet. */
  missing = rapport_store_check_gate (f->store, deal, second);
  g_assert_cmpuint (missing->len, ==, 0);
  g_clear_pointer (&missing, g_ptr_array_unref);

  g_value_init (&on, G_TYPE_BOOLEAN);
  g_value_set_boolean (&on, TRUE);
  g_assert_true (rapport_store_update (f->store, RAPPORT_RECORD (second), "require-qualified", &on, &error));
  g_assert_true (rapport_store_update (f->store, RAPPORT_RECORD (second), "require-checklist", &on, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_stage_get_require_qualified (second));

  /* Not qualified, and each of Prospecting's key actions undone. */
  actions = rapport_store_get_stage_actions (f->store, first, &error);
  missing = rapport_store_check_gate (f->store, deal, second);
  g_assert_cmpuint (missing->len, ==, 1 + actions->len);
  g_assert_nonnull (strstr (g_ptr_array_index (missing, 0), "not qualified"));
  g_clear_pointer (&missing, g_ptr_array_unref);

  g_assert_false (rapport_store_move_deal (f->store, deal, second, -1, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_GATE);
  g_assert_nonnull (strstr (error->message, "Qualifying"));
  g_clear_error (&error);
  g_assert_cmpint (rapport_deal_get_stage_id (deal), ==, rapport_record_get_id (RAPPORT_RECORD (first)));

  /* Qualified with every action ticked: the gate opens. */
  g_assert_true (rapport_store_set_bant_answers (f->store, qualified, yes, G_N_ELEMENTS (yes), &error));
  for (guint i = 0; i < actions->len; i++)
    g_assert_true (rapport_store_set_action_done (f->store, qualified, g_ptr_array_index (actions, i), TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_store_move_deal (f->store, qualified, second, -1, &error));
  g_assert_no_error (error);

  /* Anyway: moved, and the history says the gate was passed over. */
  g_assert_true (rapport_store_move_deal_anyway (f->store, deal, second, -1, &error));
  g_assert_no_error (error);
  history = cli_history (f, rapport_record_get_id (RAPPORT_RECORD (deal)));
  g_assert_cmpstr (history, ==, ">Prospecting:moved; Prospecting>Qualifying:gate-overridden");

  /* Back and forth within the gate's stage, or backwards: no gate. */
  g_assert_true (rapport_store_move_deal (f->store, deal, first, -1, &error));
  g_assert_true (rapport_store_move_deal (f->store, qualified, third, -1, &error));
  g_assert_true (rapport_store_move_deal (f->store, qualified, second, -1, &error));
  g_assert_no_error (error);

  /* The command line: exit 1, what is missing a line each; --anyway. */
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, rapport_record_get_id (RAPPORT_RECORD (deal)));
    const char *args[] = { "deal", "move", id, "Qualifying", NULL };
    const char *anyway[] = { "deal", "move", id, "Qualifying", "--anyway", NULL };
    g_auto(RapportTestRun) run = { 0 };
    g_auto(RapportTestRun) run2 = { 0 };

    rapport_test_run_cli (f->db, args, &run);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "Qualifying"));
    g_assert_nonnull (strstr (run.err, "\n  • The deal is not qualified"));

    rapport_test_run_cli (f->db, anyway, &run2);
    g_assert_cmpint (run2.status, ==, 0);
  }
}

/* Key actions added, edited, moved and deleted; a deleted action's ticks
 * go with it. */
static void
test_playbook_edited (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStage) first = rapport_test_stage_at (f->store, 0);
  g_autoptr(RapportDeal) deal = add_deal (f, "Ticked", first);
  RapportStageActionFields fields = {
    .action = "Send the welcome pack",
    .owner = "Account executive",
    .activity = "Email",
    .material = "Welcome pack",
    .output = "The pack was opened",
  };
  g_autoptr(RapportStageAction) added = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *json = NULL;
  const char *properties[] = { "action", "owner" };
  GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  guint before;

  actions = rapport_store_get_stage_actions (f->store, first, &error);
  before = actions->len;
  g_clear_pointer (&actions, g_ptr_array_unref);

  added = rapport_store_add_stage_action (f->store, first, &fields, 0, &error);
  g_assert_no_error (error);
  actions = rapport_store_get_stage_actions (f->store, first, &error);
  g_assert_cmpuint (actions->len, ==, before + 1);
  g_assert_true (g_ptr_array_index (actions, 0) == added);
  g_assert_cmpstr (rapport_stage_action_get_activity (added), ==, "Email");
  g_clear_pointer (&actions, g_ptr_array_unref);

  /* An action must say what to do. */
  fields.action = "  ";
  g_assert_null (rapport_store_add_stage_action (f->store, first, &fields, 0, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);

  g_value_init (&values[0], G_TYPE_STRING);
  g_value_set_string (&values[0], "Send the welcome pack and a calendar link");
  g_value_init (&values[1], G_TYPE_STRING);
  g_value_set_string (&values[1], "Sales development rep");
  g_assert_true (rapport_store_update_properties (f->store, RAPPORT_RECORD (added), 2, properties, values, &error));
  g_assert_no_error (error);
  g_value_unset (&values[0]);
  g_value_unset (&values[1]);

  g_assert_true (rapport_store_move_stage_action (f->store, added, 2, &error));
  g_assert_no_error (error);
  json = rapport_test_cli_ok (f->db, "playbook", "list", "1", "--json", NULL);
  g_assert_nonnull (strstr (json, "\"Send the welcome pack and a calendar link\""));
  g_assert_nonnull (strstr (json, "\"Sales development rep\""));
  actions = rapport_store_get_stage_actions (f->store, first, &error);
  g_assert_true (g_ptr_array_index (actions, 2) == added);
  for (guint i = 0; i < actions->len; i++)
    g_assert_cmpint (rapport_stage_action_get_position (g_ptr_array_index (actions, i)), ==, (int) i);
  g_clear_pointer (&actions, g_ptr_array_unref);

  g_assert_true (rapport_store_set_action_done (f->store, deal, added, TRUE, &error));
  g_assert_true (rapport_store_delete_stage_action (f->store, added, &error));
  g_assert_no_error (error);
  actions = rapport_store_get_stage_actions (f->store, first, &error);
  g_assert_cmpuint (actions->len, ==, before);
  g_assert_null (rapport_store_get_stage_action (f->store, rapport_record_get_id (RAPPORT_RECORD (added)), NULL));
}

/* Pipelines added from a template or empty, renamed, deleted with their
 * deals moved (stages mapped by name, else by place); a deal moved to
 * another pipeline keeps its outcome. */
static void
test_pipelines (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPipeline) classic = current (f);
  g_autoptr(RapportPipeline) repeat = rapport_store_add_pipeline (f->store, "Renewals", "repeat5", &error);
  g_autoptr(RapportPipeline) blank = NULL;
  g_autoptr(RapportStage) first = rapport_test_stage_at (f->store, 0);
  g_autoptr(RapportStage) second = rapport_test_stage_at (f->store, 1);
  g_autoptr(RapportStage) mapped = NULL;
  g_autoptr(RapportStage) blank_stage = NULL;
  g_autoptr(RapportDeal) open = add_deal (f, "Open", second);
  g_autoptr(RapportDeal) lost = add_deal (f, "Lost", first);
  g_autofree char *history = NULL;
  g_autofree char *list = NULL;
  GListModel *stages;

  g_assert_no_error (error);
  g_assert_cmpstr (rapport_pipeline_get_name (repeat), ==, "Renewals");
  g_assert_cmpstr (rapport_pipeline_get_template (repeat), ==, "repeat5");
  g_assert_cmpuint (g_list_model_get_n_items (rapport_store_get_stages (f->store, repeat)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (rapport_store_get_pipelines (f->store)), ==, 2);

  blank = rapport_store_add_pipeline (f->store, "Blank", NULL, &error);
  g_assert_no_error (error);
  stages = rapport_store_get_stages (f->store, blank);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 1);
  blank_stage = g_list_model_get_item (stages, 0);
  g_assert_null (rapport_store_add_pipeline (f->store, " ", NULL, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);

  rename_record (f, RAPPORT_RECORD (blank), "Partners");
  list = rapport_test_cli_ok (f->db, "pipeline", "list", NULL);
  g_assert_nonnull (strstr (list, "Partners"));
  g_assert_nonnull (strstr (list, "* 1\t"));

  /* A stage of the same name, else the same place. */
  mapped = rapport_store_map_stage (f->store, second, blank);
  g_assert_true (mapped == blank_stage);
  g_clear_object (&mapped);
  {
    g_autoptr(RapportStage) at_place = rapport_store_add_stage (f->store, blank, "Qualifying", -1, 20, 0, &error);

    mapped = rapport_store_map_stage (f->store, second, blank);
    g_assert_true (mapped == at_place);
    g_clear_object (&mapped);
  }

  g_assert_true (rapport_store_set_deal_status (f->store, lost, RAPPORT_DEAL_STATUS_LOST, "Price", &error));
  g_assert_true (rapport_store_move_deal_to_pipeline (f->store, lost, blank_stage, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_deal_get_status (lost), ==, RAPPORT_DEAL_STATUS_LOST);
  g_assert_cmpint (rapport_deal_get_stage_id (lost), ==, rapport_record_get_id (RAPPORT_RECORD (blank_stage)));
  g_assert_false (rapport_store_move_deal_to_pipeline (f->store, open, first, &error));
  g_clear_error (&error);
  /* A move on the board stays within the pipeline. */
  g_assert_false (rapport_store_move_deal (f->store, open, blank_stage, -1, &error));
  g_clear_error (&error);

  /* Deleting Partners sends its deals back to Classic, by name. */
  g_assert_false (rapport_store_delete_pipeline (f->store, blank, NULL, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rapport_store_set_current_pipeline (f->store, blank, &error));
  g_assert_true (rapport_store_delete_pipeline (f->store, blank, classic, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rapport_store_get_pipelines (f->store)), ==, 2);
  g_assert_cmpint (rapport_deal_get_stage_id (lost), ==, rapport_record_get_id (RAPPORT_RECORD (first)));
  history = cli_history (f, rapport_record_get_id (RAPPORT_RECORD (lost)));
  g_assert_cmpstr (history, ==, ">Prospecting:moved; Prospecting>Prospecting:moved; "
                                "Prospecting>New:pipeline-changed; New>Prospecting:pipeline-changed");
  {
    g_autoptr(RapportPipeline) now_current = current (f);

    g_assert_true (now_current == classic);
  }

  /* Not the last one. */
  g_assert_true (rapport_store_delete_pipeline (f->store, repeat, NULL, &error));
  g_assert_false (rapport_store_delete_pipeline (f->store, classic, NULL, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
}

/* What `process export` writes, read back. */
static char *
read_file (const char *path)
{
  g_autofree char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return g_steal_pointer (&data);
}

/* A process exported as JSON and imported into another database is the
 * same process: stages, playbooks, gates, and its id and version. The
 * Markdown names every stage and key action; the PDF opens. */
static void
test_process_file_round_trip (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStage) second = rapport_test_stage_at (f->store, 1);
  g_autoptr(RapportPipeline) pipeline = current (f);
  g_autoptr(RapportProcess) process = NULL;
  g_autoptr(RapportProcess) again = NULL;
  g_autofree char *json_path = g_build_filename (f->dir, "process.json", NULL);
  g_autofree char *md_path = g_build_filename (f->dir, "manual.md", NULL);
  g_autofree char *pdf_path = g_build_filename (f->dir, "manual.pdf", NULL);
  g_autofree char *other_db = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *json = NULL;
  g_autofree char *reexported = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *out = NULL;
  g_autofree char *pdfinfo = NULL;
  g_auto(GValue) on = G_VALUE_INIT;
  RapportStageActionFields fields = { "Map the | buying committee", "AE", "Workshop", "Org chart", "Every voter named" };
  g_autoptr(RapportStageAction) action = rapport_store_add_stage_action (f->store, second, &fields, -1, &error);

  g_assert_no_error (error);
  g_value_init (&on, G_TYPE_BOOLEAN);
  g_value_set_boolean (&on, TRUE);
  g_assert_true (rapport_store_update (f->store, RAPPORT_RECORD (second), "require-qualified", &on, &error));
  g_assert_no_error (error);

  out = rapport_test_cli_ok (f->db, "process", "export", "1", "--format", "json", "--output", json_path,
                             "--version", "3", NULL);
  g_assert_nonnull (strstr (out, "version 3"));
  json = read_file (json_path);
  process = rapport_process_parse (json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_cmpint (process->version, ==, 3);
  g_assert_nonnull (process->uid);
  g_assert_cmpuint (process->stages->len, ==, 5);

  /* Into another file: a new pipeline, equal to the first. */
  g_free (out);
  out = rapport_test_cli_ok (other_db, "process", "import", json_path, "--json", NULL);
  g_assert_nonnull (strstr (out, "\"process_version\" : 3"));
  g_free (out);
  out = rapport_test_cli_ok (other_db, "process", "export", "2", "--format", "json", "--output",
                             md_path, NULL);
  reexported = read_file (md_path);
  {
    /* The same but for the name: the other file had a pipeline of it. */
    g_autoptr(RapportProcess) back = rapport_process_parse (reexported, strlen (reexported), &error);
    g_autofree char *renamed = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (back->name, ==, "Classic 5 stages (version 3)");
    g_free (back->name);
    back->name = g_strdup (process->name);
    renamed = rapport_process_to_json (back);
    g_assert_cmpstr (renamed, ==, json);
  }
  g_assert_true (g_remove (md_path) == 0);

  /* The same version again, or an older one, is refused. */
  {
    const char *args[] = { "process", "import", json_path, NULL };
    g_auto(RapportTestRun) run = { 0 };

    rapport_test_run_cli (other_db, args, &run);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "already has version 3"));
  }

  /* The manual. */
  g_free (out);
  out = rapport_test_cli_ok (f->db, "process", "export", "1", "--format", "md", "--output", md_path, NULL);
  markdown = read_file (md_path);
  again = rapport_store_read_process (f->store, pipeline);
  for (guint i = 0; i < again->stages->len; i++)
    {
      RapportProcessStage *stage = g_ptr_array_index (again->stages, i);

      g_assert_nonnull (strstr (markdown, stage->name));
      for (guint j = 0; j < stage->actions->len; j++)
        {
          RapportProcessAction *key = g_ptr_array_index (stage->actions, j);

          /* A bar is escaped in a table cell: that one is below. */
          if (strchr (key->action, '|') == NULL)
            g_assert_nonnull (strstr (markdown, key->action));
        }
    }
  g_assert_nonnull (strstr (markdown, "Map the \\| buying committee"));
  g_assert_nonnull (strstr (markdown, "qualified (3 of 4 BANT)"));

  g_free (out);
  out = rapport_test_cli_ok (f->db, "process", "export", "1", "--format", "pdf", "--output", pdf_path, NULL);
  {
    const char *argv[] = { "pdfinfo", pdf_path, NULL };
    g_autofree char *pdfinfo_path = g_find_program_in_path ("pdfinfo");
    int status = -1;

    if (pdfinfo_path == NULL)
      {
        g_test_skip ("pdfinfo is not installed");
        return;
      }
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &pdfinfo, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (pdfinfo, "process manual"));
  }
  (void) action;
}

/* A file that is not a process, or breaks a rule, is refused whole, and
 * the message says where. */
static void
test_process_file_refused (Fixture       *f,
                           gconstpointer  data)
{
  static const struct { const char *json; const char *message; } cases[] = {
    { "[1, 2]", "not a Rapport process file" },
    { "{\"name\": \"X\"}", "not a Rapport process file" },
    { "{\"rapport_process\": 9, \"name\": \"X\"}", "newer Rapport" },
    { "{\"rapport_process\": 1, \"name\": \"X\", \"stages\": []}", "at least one stage" },
    { "{\"rapport_process\": 1, \"name\": \" \", \"stages\": [{\"name\": \"A\"}]}", "name" },
    { "{\"rapport_process\": 1, \"name\": \"X\", \"stages\": [{\"name\": \"A\", \"probability\": 101}]}",
      "Stage 1: “probability”" },
    { "{\"rapport_process\": 1, \"name\": \"X\", \"stages\": [{\"name\": \"A\"},"
      " {\"name\": \"B\", \"key_actions\": [{\"action\": \"ok\"}, {\"owner\": \"x\"}]}]}",
      "Stage 2, key action 2" },
    { "{\"rapport_process\": 1, \"name\": \"X\", \"stages\": [{\"name\": \"A\"}],"
      " \"after_sales\": [{\"title\": \"Call\", \"kind\": \"fax\"}]}", "After-sales step 1" },
    { "{\"rapport_process\": 1,\n \"name\": ", ":2:" },
  };
  g_autofree char *path = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *before = rapport_test_dump_tables (f->db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[] = { "process", "import", path, NULL };
      g_auto(RapportTestRun) run = { 0 };
      g_autofree char *after = NULL;

      rapport_test_write_file (path, cases[i].json, -1);
      rapport_test_run_cli (f->db, args, &run);
      g_assert_cmpint (run.status, ==, 1);
      if (strstr (run.err, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, run.err, cases[i].message);
      after = rapport_test_dump_tables (f->db);
      g_assert_cmpstr (after, ==, before);
    }
}

/* An uninstalled program speaks the user's language from the build
 * tree's translations (RAPPORT_LOCALEDIR), as build-aux/dev run does. */
static void
test_translated_uninstalled (void)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *err = NULL;
  g_autofree char *dir = rapport_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (dir, "rapport.db", NULL);
  int status = 0;
  const char *argv[] = { g_getenv ("RAPPORT_CLI"), "--db", db, "deal", "show", "999", NULL };
  g_autoptr(GError) error = NULL;

  if (g_getenv ("RAPPORT_BUILD_LOCALEDIR") == NULL)
    {
      g_test_skip ("RAPPORT_BUILD_LOCALEDIR is not set");
      return;
    }
  env = g_environ_setenv (env, "LANGUAGE", "bg", TRUE);
  env = g_environ_setenv (env, "RAPPORT_LOCALEDIR", g_getenv ("RAPPORT_BUILD_LOCALEDIR"), TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  /* Not “Cannot open”: Bulgarian, whatever the message. */
  g_assert_nonnull (strstr (err, "rapport-cli: "));
  g_assert_true (g_utf8_strchr (err, -1, g_utf8_get_char ("Н")) != NULL ||
                 g_utf8_strchr (err, -1, g_utf8_get_char ("н")) != NULL);
  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/process/stages-reordered-and-renamed", Fixture, NULL,
              fixture_set_up, test_stages_reordered_and_renamed, fixture_tear_down);
  g_test_add ("/process/stage-deleted-with-deals", Fixture, NULL,
              fixture_set_up, test_stage_deleted_with_deals, fixture_tear_down);
  g_test_add ("/process/gate-refused-and-overridden", Fixture, NULL,
              fixture_set_up, test_gate_refused_and_overridden, fixture_tear_down);
  g_test_add ("/process/playbook-edited", Fixture, NULL,
              fixture_set_up, test_playbook_edited, fixture_tear_down);
  g_test_add ("/process/pipelines", Fixture, NULL,
              fixture_set_up, test_pipelines, fixture_tear_down);
  g_test_add ("/process/file-round-trip", Fixture, NULL,
              fixture_set_up, test_process_file_round_trip, fixture_tear_down);
  g_test_add ("/process/file-refused", Fixture, NULL,
              fixture_set_up, test_process_file_refused, fixture_tear_down);

  g_test_add_func ("/process/translated-uninstalled", test_translated_uninstalled);

  return g_test_run ();
}
