/* test-cli-report.c — `report summary` and `goal`, as scripts use them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A history built through the command line with RAPPORT_NOW, then read
 * back with --json. Pipeline classic5 (Prospecting 10 %, Qualifying 25 %).
 *
 *   03-02 09:00  deal A 1000, Ann, close 2026-04-10
 *   03-03 09:00  deal B 500, Bob
 *   03-05 09:00  A to Qualifying
 *   03-09 09:00  A won (cycle 7 days)
 *   03-10 09:00  B lost, "Price"
 *   03-11 09:00  deal C 200, close 2026-05-01 (open)
 *   03-12 09:00  a lead arrives; called at 09:20 (20 minutes)
 *
 * March 1–31 (previous period: the 31 days from 2026-01-29), seen on
 * 2026-03-20T12:00:00Z: won 1 (1000), lost 1 (500), win rate 0.5, cycle 7,
 * open C 200 weighted 20, velocity 1 × 1000.00 × 0.5 ÷ 7 a day; nothing
 * closed before March, so the previous win rate is null.
 */

#include "config.h"

#include <locale.h>
#include <json-glib/json-glib.h>

#include "rapport-test-support.h"

#define MARCH_20 "2026-03-20T12:00:00Z"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

/* Runs rapport-cli --db FILE ARGS… at @now; returns stdout, and the exit
 * status in *@status (a crash fails the test). */
static char *
run (Fixture     *f,
     const char  *now,
     int         *status,
     const char  *first_arg,
     ...) G_GNUC_NULL_TERMINATED;

static char *
run (Fixture     *f,
     const char  *now,
     int         *status,
     const char  *first_arg,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int wait_status;
  va_list args;

  envp = g_environ_setenv (envp, "RAPPORT_NOW", now, TRUE);
  g_ptr_array_add (argv, (char *) g_getenv ("RAPPORT_CLI"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, f->path);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_nonnull (argv->pdata[0]);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  *status = WEXITSTATUS (wait_status);
  if (*status == 0)
    g_assert_cmpstr (err, ==, "");
  else
    g_test_message ("exit %d: %s", *status, err);

  return out;
}

#define RUN_OK(f, now, ...) \
  G_STMT_START { int s_; g_autofree char *o_ = run ((f), (now), &s_, __VA_ARGS__, NULL); g_assert_cmpint (s_, ==, 0); } G_STMT_END

static JsonNode *
run_json (Fixture    *f,
          const char *now,
          const char *first_arg,
          ...) G_GNUC_NULL_TERMINATED;

/* Up to eleven arguments, then --json; the parsed output. */
static JsonNode *
run_json (Fixture    *f,
          const char *now,
          const char *first_arg,
          ...)
{
  const char *a[12] = { first_arg, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  guint n = 1;
  int status;
  va_list args;

  va_start (args, first_arg);
  while ((a[n] = va_arg (args, const char *)) != NULL)
    g_assert_cmpuint (++n, <, G_N_ELEMENTS (a) - 1);
  va_end (args);
  a[n] = "--json";

  out = run (f, now, &status, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static gint64
id_of (JsonNode *node)
{
  return json_object_get_int_member (json_node_get_object (node), "id");
}

static JsonObject *
object_at (JsonObject *object,
           const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_object_member (object, name);
}

static gboolean
is_null (JsonObject *object,
         const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return JSON_NODE_HOLDS_NULL (json_object_get_member (object, name));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) lead = NULL;
  g_autofree char *a_id = NULL;
  g_autofree char *b_id = NULL;
  g_autofree char *lead_id = NULL;

  f->dir = rapport_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "rapport.db", NULL);

  RUN_OK (f, "2026-03-01T08:00:00Z", "init", "--template", "classic5");
  a = run_json (f, "2026-03-02T09:00:00Z", "deal", "add", "A", "--value", "1000", "--owner", "Ann",
                "--close", "2026-04-10", NULL);
  b = run_json (f, "2026-03-03T09:00:00Z", "deal", "add", "B", "--value", "500", "--owner", "Bob", NULL);
  a_id = g_strdup_printf ("%" G_GINT64_FORMAT, id_of (a));
  b_id = g_strdup_printf ("%" G_GINT64_FORMAT, id_of (b));
  RUN_OK (f, "2026-03-05T09:00:00Z", "deal", "move", a_id, "Qualifying");
  RUN_OK (f, "2026-03-09T09:00:00Z", "deal", "won", a_id);
  RUN_OK (f, "2026-03-10T09:00:00Z", "deal", "lost", b_id, "--reason", "Price");
  RUN_OK (f, "2026-03-11T09:00:00Z", "deal", "add", "C", "--value", "200", "--close", "2026-05-01");
  lead = run_json (f, "2026-03-12T09:00:00Z", "contact", "add", "Lena", "--lead", NULL);
  lead_id = g_strdup_printf ("%" G_GINT64_FORMAT, id_of (lead));
  RUN_OK (f, "2026-03-12T09:20:00Z", "activity", "log", lead_id, "call");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rapport_test_tmpdir_free (g_steal_pointer (&f->dir));
  g_clear_pointer (&f->path, g_free);
}

static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) root = run_json (f, MARCH_20, "report", "summary", "--from", "2026-03-01",
                                       "--to", "2026-03-31", NULL);
  JsonObject *r = json_node_get_object (root);
  JsonObject *speed = object_at (r, "speed_to_lead");
  JsonObject *previous = object_at (r, "previous");
  JsonArray *funnel = json_object_get_array_member (r, "funnel");
  JsonArray *forecast = json_object_get_array_member (r, "forecast");
  JsonArray *won_by_month = json_object_get_array_member (r, "won_by_month");
  JsonArray *reasons = json_object_get_array_member (r, "lost_reasons");
  JsonObject *first_stage, *may, *march, *price;

  g_assert_cmpstr (json_object_get_string_member (r, "from"), ==, "2026-03-01T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (r, "to"), ==, "2026-04-01T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (r, "now"), ==, MARCH_20);
  g_assert_cmpint (json_object_get_int_member (object_at (r, "won"), "count"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object_at (r, "won"), "value"), ==, 100000);
  g_assert_cmpint (json_object_get_int_member (object_at (r, "lost"), "value"), ==, 50000);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (r, "win_rate"), 0.5, 1e-9);
  g_assert_cmpint (json_object_get_int_member (r, "average_won_value"), ==, 100000);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object_at (r, "cycle_days"), "median"), 7, 1e-9);
  g_assert_cmpint (json_object_get_int_member (object_at (r, "open"), "count"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object_at (r, "open"), "weighted"), ==, 2000);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (r, "velocity_per_day"), 100000 * 0.5 / 7, 1e-6);
  g_assert_cmpint (json_object_get_int_member (speed, "leads"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (speed, "within"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (speed, "median_minutes"), 20, 1e-9);
  g_assert_cmpint (json_object_get_int_member (object_at (speed, "buckets"), "15-60"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object_at (r, "activities"), "call"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (r, "new_leads"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (r, "new_deals"), ==, 3);

  /* A, B and C reached Prospecting; A went on, and was won from
   * Qualifying. */
  first_stage = json_array_get_object_element (funnel, 0);
  g_assert_cmpstr (json_object_get_string_member (first_stage, "stage"), ==, "Prospecting");
  g_assert_cmpint (json_object_get_int_member (first_stage, "reached"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (first_stage, "advanced"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (first_stage, "conversion"), 1.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_array_get_object_element (funnel, 1),
                                                                 "conversion"), 1, 1e-9);
  g_assert_true (is_null (json_array_get_object_element (funnel, 2), "conversion"));

  /* A is won: only C is forecast, in May. */
  g_assert_cmpuint (json_array_get_length (forecast), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (forecast, 0), "month"), ==, "2026-03");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (forecast, 1), "count"), ==, 0);
  may = json_array_get_object_element (forecast, 2);
  g_assert_cmpstr (json_object_get_string_member (may, "month"), ==, "2026-05");
  g_assert_cmpint (json_object_get_int_member (may, "value"), ==, 20000);
  g_assert_cmpint (json_object_get_int_member (may, "weighted"), ==, 2000);
  march = json_array_get_object_element (won_by_month, json_array_get_length (won_by_month) - 1);
  g_assert_cmpstr (json_object_get_string_member (march, "month"), ==, "2026-03");
  g_assert_cmpint (json_object_get_int_member (march, "value"), ==, 100000);

  price = json_array_get_object_element (reasons, 0);
  g_assert_cmpstr (json_object_get_string_member (price, "reason"), ==, "Price");
  g_assert_cmpint (json_object_get_int_member (price, "count"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "owners")), ==, 3);
  g_assert_true (json_object_has_member (r, "repeat"));
  g_assert_cmpint (json_object_get_int_member (object_at (r, "other_currencies"), "count"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "goals")), ==, 0);

  /* Nothing closed in the 31 days before March: none, not 0. */
  g_assert_cmpstr (json_object_get_string_member (previous, "from"), ==, "2026-01-29T00:00:00Z");
  g_assert_cmpint (json_object_get_int_member (object_at (previous, "won"), "count"), ==, 0);
  g_assert_true (is_null (previous, "win_rate"));
  g_assert_true (is_null (previous, "average_won_value"));
  g_assert_true (is_null (object_at (previous, "cycle_days"), "median"));
  g_assert_true (is_null (previous, "velocity_per_day"));
  g_assert_true (is_null (object_at (previous, "speed_to_lead"), "share"));
}

static void
test_owner_and_text (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) root = run_json (f, MARCH_20, "report", "summary", "--from", "2026-03-01",
                                       "--owner", "Bob", NULL);
  g_autoptr(JsonNode) fallback = run_json (f, MARCH_20, "report", "summary", NULL);
  JsonObject *r = json_node_get_object (root);
  g_autofree char *text = NULL;
  int status;

  /* --from alone: up to today. Bob lost B and won nothing. */
  g_assert_cmpstr (json_object_get_string_member (r, "to"), ==, "2026-03-21T00:00:00Z");
  g_assert_cmpint (json_object_get_int_member (object_at (r, "won"), "count"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object_at (r, "lost"), "count"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (r, "win_rate"), 0, 1e-9);

  /* No --from nor --to: the 30 days ending today. */
  r = json_node_get_object (fallback);
  g_assert_cmpstr (json_object_get_string_member (r, "from"), ==, "2026-02-19T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (r, "to"), ==, "2026-03-21T00:00:00Z");

  text = run (f, MARCH_20, &status, "report", "summary", "--from", "2026-03-01", "--to", "2026-03-31", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (text, "Win rate: 50.0% by count"));
  g_assert_nonnull (strstr (text, "previous period: none"));

  g_free (run (f, MARCH_20, &status, "report", "summary", "--from", "2026-3-1", NULL));
  g_assert_cmpint (status, ==, 1);
  g_free (run (f, MARCH_20, &status, "report", "summary", "--from", "2026-03-10", "--to", "2026-03-01", NULL));
  g_assert_cmpint (status, ==, 2);
  g_free (run (f, MARCH_20, &status, "report", "summary", "--pipeline", "x", NULL));
  g_assert_cmpint (status, ==, 1);
}

/* A goal of 2000.00 won this month: 1000.00 so far (0.5). Ann's deals won
 * this week (from Monday 03-16): none yet. */
static void
test_goals (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) money = run_json (f, MARCH_20, "goal", "add", "--metric", "won-value", "--period", "month",
                                        "--target", "2000", NULL);
  g_autoptr(JsonNode) week = run_json (f, MARCH_20, "goal", "add", "--metric", "deals-won", "--period", "week",
                                       "--target", "1", "--owner", "Ann", NULL);
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) summary = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *week_id = g_strdup_printf ("%" G_GINT64_FORMAT, id_of (week));
  JsonObject *goal = json_node_get_object (money);
  JsonObject *second;
  int status;

  g_assert_cmpstr (json_object_get_string_member (goal, "metric"), ==, "won-value");
  g_assert_cmpstr (json_object_get_string_member (goal, "period"), ==, "month");
  g_assert_cmpint (json_object_get_int_member (goal, "target"), ==, 200000);
  g_assert_cmpint (json_object_get_int_member (goal, "actual"), ==, 100000);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (goal, "progress"), 0.5, 1e-9);
  g_assert_true (is_null (goal, "owner"));

  list = run_json (f, MARCH_20, "goal", "list", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 2);
  second = json_array_get_object_element (json_node_get_array (list), 1);
  g_assert_cmpstr (json_object_get_string_member (second, "owner"), ==, "Ann");
  g_assert_cmpstr (json_object_get_string_member (second, "period_start"), ==, "2026-03-16T00:00:00Z");
  g_assert_cmpint (json_object_get_int_member (second, "actual"), ==, 0);
  g_assert_false (json_object_get_boolean_member (second, "reached"));

  /* The same goal, seen during the week A was won in. */
  after = run_json (f, "2026-03-10T12:00:00Z", "goal", "list", NULL);
  second = json_array_get_object_element (json_node_get_array (after), 1);
  g_assert_cmpint (json_object_get_int_member (second, "actual"), ==, 1);
  g_assert_true (json_object_get_boolean_member (second, "reached"));

  summary = run_json (f, MARCH_20, "report", "summary", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (summary), "goals")), ==, 2);

  RUN_OK (f, MARCH_20, "goal", "delete", week_id);
  g_clear_pointer (&list, json_node_unref);
  list = run_json (f, MARCH_20, "goal", "list", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 1);

  g_free (run (f, MARCH_20, &status, "goal", "delete", week_id, NULL));
  g_assert_cmpint (status, ==, 1);
  g_free (run (f, MARCH_20, &status, "goal", "delete", "twelve", NULL));
  g_assert_cmpint (status, ==, 1);
  g_free (run (f, MARCH_20, &status, "goal", "add", "--metric", "bogus", "--period", "month", "--target", "1", NULL));
  g_assert_cmpint (status, ==, 2);
  g_free (run (f, MARCH_20, &status, "goal", "add", "--metric", "deals-won", "--period", "month", "--target", "0", NULL));
  g_assert_cmpint (status, ==, 1);
  g_free (run (f, MARCH_20, &status, "goal", "add", "--metric", "won-value", "--period", "month", "--target", "12,50", NULL));
  g_assert_cmpint (status, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-report/summary", Fixture, NULL, fixture_set_up, test_summary, fixture_tear_down);
  g_test_add ("/cli-report/owner-and-text", Fixture, NULL, fixture_set_up, test_owner_and_text, fixture_tear_down);
  g_test_add ("/cli-report/goals", Fixture, NULL, fixture_set_up, test_goals, fixture_tear_down);

  return g_test_run ();
}
