/* test-cli-deals.c — deal list's filters and deal set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "rapport-test-support.h"

#define NOW "2026-03-10T12:00:00Z"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

/* Three deals: 1 of ana, won today; 2 of bob, lost today; 3 of ana, open. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = rapport_test_tmpdir_new ();
  f->db = g_build_filename (f->dir, "rapport.db", NULL);
  g_free (rapport_test_cli_ok (f->db, "deal", "add", "Alpha", "--value", "10", "--owner", "ana", NULL));
  g_free (rapport_test_cli_ok (f->db, "deal", "add", "Bravo", "--value", "20", "--owner", "bob", NULL));
  g_free (rapport_test_cli_ok (f->db, "deal", "add", "Charlie", "--value", "30", "--owner", "ana", NULL));
  g_free (rapport_test_cli_ok (f->db, "deal", "won", "1", NULL));
  g_free (rapport_test_cli_ok (f->db, "deal", "lost", "2", "--reason", "Price", NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rapport_test_tmpdir_free (f->dir);
  g_free (f->db);
}

/* The titles `deal list ARGS… --json` gives, joined by commas. */
static char *
titles (Fixture *f,
        ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(RapportTestRun) run = { 0 };
  JsonArray *deals;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (char *) "deal");
  g_ptr_array_add (args, (char *) "list");
  va_start (ap, f);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, (char *) "--json");
  g_ptr_array_add (args, NULL);

  rapport_test_run_cli (f->db, (const char **) args->pdata, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  deals = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (deals); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "",
                            json_object_get_string_member (json_array_get_object_element (deals, i), "title"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_titles(f, expected, ...) \
  G_STMT_START { \
    g_autofree char *got = titles (f, __VA_ARGS__); \
    g_assert_cmpstr (got, ==, expected); \
  } G_STMT_END

static void
test_list_filters (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(RapportTestRun) bad = { 0 }, bad_day = { 0 };
  const char *status[] = { "deal", "list", "--status", "shipped", NULL };
  const char *day[] = { "deal", "list", "--closed-from", "10/03/2026", NULL };

  assert_titles (f, "Alpha,Bravo,Charlie", NULL);
  assert_titles (f, "Alpha", "--status", "won", NULL);
  assert_titles (f, "Bravo", "--status", "lost", NULL);
  assert_titles (f, "Charlie", "--status", "open", NULL);
  assert_titles (f, "Alpha,Charlie", "--owner", "ana", NULL);
  assert_titles (f, "Charlie", "--owner", "ana", "--status", "open", NULL);
  /* Closed on the day, both ends included; an open deal has no close. */
  assert_titles (f, "Alpha,Bravo", "--closed-from", "2026-03-10", "--closed-to", "2026-03-10", NULL);
  assert_titles (f, "", "--closed-to", "2026-03-09", NULL);
  assert_titles (f, "", "--closed-from", "2026-03-11", NULL);

  rapport_test_run_cli (f->db, status, &bad);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--status open"));
  rapport_test_run_cli (f->db, day, &bad_day);
  g_assert_cmpint (bad_day.status, ==, 1);
  g_assert_nonnull (strstr (bad_day.err, "--closed-from takes a day like"));
}

static void
test_set (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = rapport_test_cli_ok (f->db, "deal", "set", "3", "--title", "Charlie two", "--value", "45.50",
                                              "--close", "2026-04-01", "--owner", "cid", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(RapportTestRun) bad = { 0 };
  const char *half[] = { "deal", "set", "3", "--title", "Never", "--close", "2026-13-01", NULL };
  JsonObject *deal;

  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  deal = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (deal, "title"), ==, "Charlie two");
  g_assert_cmpint (json_object_get_int_member (deal, "value"), ==, 4550);
  g_assert_cmpstr (json_object_get_string_member (deal, "expected_close"), ==, "2026-04-01");
  g_assert_cmpstr (json_object_get_string_member (deal, "owner"), ==, "cid");

  /* A bad value refuses the whole command: the good one is not saved. */
  rapport_test_run_cli (f->db, half, &bad);
  g_assert_cmpint (bad.status, ==, 1);
  assert_titles (f, "Charlie two", "--status", "open", NULL);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("RAPPORT_NOW", NOW, TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-deals/list-filters", Fixture, NULL, fixture_set_up, test_list_filters, fixture_tear_down);
  g_test_add ("/cli-deals/set", Fixture, NULL, fixture_set_up, test_set, fixture_tear_down);

  return g_test_run ();
}
