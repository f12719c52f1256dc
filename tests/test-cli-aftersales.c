/* test-cli-aftersales.c — aftersales list|add|edit|move|delete, deal
 * satisfaction, deal repeat, and what report summary counts of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "rapport-test-support.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  (void) data;
  f->dir = rapport_test_tmpdir_new ();
  f->db = g_build_filename (f->dir, "rapport.db", NULL);
  g_setenv ("RAPPORT_NOW", "2026-11-20T15:00:00Z", TRUE);
  g_free (rapport_test_cli_ok (f->db, "contact", "add", "Ada Lovelace", NULL));
  g_free (rapport_test_cli_ok (f->db, "deal", "add", "Engines", "--value", "1200", "--contact", "1", NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  (void) data;
  rapport_test_tmpdir_free (f->dir);
  g_free (f->db);
}

/* rapport-cli … --json, which must succeed, parsed. */
static JsonNode *
json_of (Fixture *f,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(RapportTestRun) run = { 0 };
  const char *arg;
  va_list ap;

  va_start (ap, f);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, (char *) "--json");
  g_ptr_array_add (args, NULL);

  rapport_test_run_cli (f->db, (const char **) args->pdata, &run);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_plan (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) added = NULL;
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_auto(RapportTestRun) run = { 0 };
  JsonArray *steps;
  JsonObject *step;
  g_autofree char *id = NULL;

  (void) data;
  list = json_of (f, "aftersales", "list", "1", NULL);
  steps = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (steps), ==, 3);
  step = json_array_get_object_element (steps, 1);
  g_assert_cmpstr (json_object_get_string_member (step, "title"), ==, "Satisfaction check");
  g_assert_cmpint (json_object_get_int_member (step, "days"), ==, 30);
  g_assert_cmpstr (json_object_get_string_member (step, "offer"), ==, "satisfaction");

  added = json_of (f, "aftersales", "add", "1", "Thank-you card", "--days", "1", "--kind", "task",
                   "--note", "A handwritten card.", "--position", "0", NULL);
  step = json_node_get_object (added);
  g_assert_cmpint (json_object_get_int_member (step, "position"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (step, "kind"), ==, "task");
  id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (step, "id"));

  edited = json_of (f, "aftersales", "edit", id, "--days", "2", "--kind", "email", "--title", "Thank-you email", NULL);
  step = json_node_get_object (edited);
  g_assert_cmpint (json_object_get_int_member (step, "days"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (step, "kind"), ==, "email");
  g_assert_cmpstr (json_object_get_string_member (step, "title"), ==, "Thank-you email");

  g_free (rapport_test_cli_ok (f->db, "aftersales", "move", id, "3", NULL));
  after = json_of (f, "aftersales", "list", "1", NULL);
  steps = json_node_get_array (after);
  g_assert_cmpuint (json_array_get_length (steps), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (steps, 3), "title"), ==,
                   "Thank-you email");

  /* Refusals: days out of range, an unknown kind, no --days. */
  rapport_test_run_cli (f->db, (const char *[]) { "aftersales", "edit", id, "--days", "4000", NULL }, &run);
  g_assert_cmpint (run.status, ==, 1);
  rapport_test_run_clear (&run);
  rapport_test_run_cli (f->db, (const char *[]) { "aftersales", "add", "1", "X", "--days", "1", "--kind", "fax", NULL }, &run);
  g_assert_cmpint (run.status, ==, 2);
  rapport_test_run_clear (&run);
  rapport_test_run_cli (f->db, (const char *[]) { "aftersales", "add", "1", "X", NULL }, &run);
  g_assert_cmpint (run.status, ==, 2);

  g_free (rapport_test_cli_ok (f->db, "aftersales", "delete", id, NULL));
  g_clear_pointer (&after, json_node_unref);
  after = json_of (f, "aftersales", "list", "1", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (after)), ==, 3);
}

static void
test_won (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(JsonNode) followups = NULL;
  g_autoptr(JsonNode) contact = NULL;
  JsonArray *list;
  JsonObject *first;

  (void) data;
  g_free (rapport_test_cli_ok (f->db, "deal", "won", "1", NULL));

  followups = json_of (f, "followup", "list", NULL);
  list = json_node_get_array (followups);
  g_assert_cmpuint (json_array_get_length (list), ==, 3);
  first = json_array_get_object_element (list, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "Delivery check call");
  g_assert_cmpstr (json_object_get_string_member (first, "due_at"), ==, "2026-11-23T09:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (first, "rule"), ==, "after-sales");
  g_assert_cmpint (json_object_get_int_member (first, "deal_id"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (first, "contact_id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 2), "due_at"), ==,
                   "2027-02-18T09:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 1), "after_sales_offer"), ==,
                   "satisfaction");

  contact = json_of (f, "contact", "show", "1", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (contact), "lifecycle"), ==, "customer");
}

static void
test_satisfaction_and_repeat (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(JsonNode) recorded = NULL;
  g_autoptr(JsonNode) show = NULL;
  g_autoptr(JsonNode) repeat = NULL;
  g_autoptr(JsonNode) earlier = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_auto(RapportTestRun) run = { 0 };
  JsonObject *object, *satisfaction;

  (void) data;
  g_free (rapport_test_cli_ok (f->db, "deal", "won", "1", NULL));
  recorded = json_of (f, "deal", "satisfaction", "1", "--score", "4", "--nps", "9", "--comment", "Fast delivery", NULL);
  object = json_node_get_object (recorded);
  g_assert_cmpint (json_object_get_int_member (object, "score"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (object, "nps"), ==, 9);
  g_assert_cmpint (json_object_get_int_member (object, "contact_id"), ==, 1);
  g_free (rapport_test_cli_ok (f->db, "deal", "satisfaction", "1", "--nps", "3", NULL));

  show = json_of (f, "deal", "show", "1", NULL);
  object = json_node_get_object (show);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "satisfaction")), ==, 2);
  satisfaction = json_array_get_object_element (json_object_get_array_member (object, "satisfaction"), 0);
  g_assert_true (json_object_get_null_member (satisfaction, "score"));
  g_assert_cmpint (json_object_get_int_member (satisfaction, "nps"), ==, 3);
  g_assert_true (json_object_get_null_member (object, "repeat_of"));

  /* Refused: a score of 9, nothing given. */
  rapport_test_run_cli (f->db, (const char *[]) { "deal", "satisfaction", "1", "--score", "9", NULL }, &run);
  g_assert_cmpint (run.status, ==, 1);
  rapport_test_run_clear (&run);
  rapport_test_run_cli (f->db, (const char *[]) { "deal", "satisfaction", "1", NULL }, &run);
  g_assert_cmpint (run.status, ==, 2);

  repeat = json_of (f, "deal", "repeat", "1", "--value", "800", NULL);
  object = json_node_get_object (repeat);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Repeat: Engines");
  g_assert_cmpint (json_object_get_int_member (object, "value"), ==, 80000);
  g_assert_cmpint (json_object_get_int_member (object, "repeat_of"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "contact_id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "open");

  earlier = json_of (f, "deal", "show", "1", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (earlier),
                                                                          "repeat_deals")), ==, 1);

  /* November: one score (4), NPS answers 9 and 3: 1 promoter, 1
   * detractor, 0. */
  report = json_of (f, "report", "summary", "--from", "2026-11-01", "--to", "2026-12-01", NULL);
  satisfaction = json_object_get_object_member (json_node_get_object (report), "satisfaction");
  g_assert_cmpint (json_object_get_int_member (satisfaction, "scores"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (satisfaction, "average_score"), ==, 4.0);
  g_assert_cmpint (json_object_get_int_member (satisfaction, "nps_answers"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (satisfaction, "promoters"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (satisfaction, "detractors"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (satisfaction, "nps"), ==, 0.0);

  /* The same for people. */
  {
    g_autofree char *text = rapport_test_cli_ok (f->db, "report", "summary", "--from", "2026-11-01",
                                                 "--to", "2026-12-01", NULL);

    g_assert_nonnull (strstr (text, "Satisfaction: 4.0 of 5 on average, 1 answer\n"));
    g_assert_nonnull (strstr (text, "Net promoter score: +0, 2 answers\n"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/aftersales/plan", Fixture, NULL, fixture_set_up, test_plan, fixture_tear_down);
  g_test_add ("/cli/aftersales/won", Fixture, NULL, fixture_set_up, test_won, fixture_tear_down);
  g_test_add ("/cli/aftersales/satisfaction-and-repeat", Fixture, NULL, fixture_set_up,
              test_satisfaction_and_repeat, fixture_tear_down);

  return g_test_run ();
}
