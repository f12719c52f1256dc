/* test-settings.c — the settings kept with the data, from the store and
 * from rapport-cli settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "rapport-store-settings.h"
#include "rapport-test-support.h"

typedef struct
{
  char         *dir;
  char         *db;
  RapportStore *store;
  guint         notices;
} Fixture;

static void
on_setting_notice (RapportStore  *store,
                   RapportNotice *notice,
                   Fixture       *f)
{
  g_assert_cmpint (notice->entity, ==, RAPPORT_ENTITY_SETTING);
  f->notices++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = rapport_test_store_new (&f->dir, NULL);
  f->db = g_strdup (rapport_store_get_path (f->store));
  g_signal_connect (f->store, "notice::setting", G_CALLBACK (on_setting_notice), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->db, g_free);
  rapport_test_tmpdir_free (g_steal_pointer (&f->dir));
}

static void
assert_choices (RapportStore      *store,
                RapportChoiceList  list,
                const char        *joined)
{
  g_auto(GStrv) labels = rapport_store_get_choices (store, list);
  g_autofree char *got = g_strjoinv ("|", labels);

  g_assert_cmpstr (got, ==, joined);
}

#define SEEDED_REASONS "Price too high|Chose a competitor|No budget|No decision|Bad timing|Went silent"
#define SEEDED_SOURCES "Website form|Referral|Phone call|Email|Trade show|Social media|Advertisement|Cold outreach"

/* A new file has the lists the dialogs offered before. */
static void
test_seeded (Fixture       *f,
             gconstpointer  data)
{
  assert_choices (f->store, RAPPORT_CHOICE_LOST_REASON, SEEDED_REASONS);
  assert_choices (f->store, RAPPORT_CHOICE_LEAD_SOURCE, SEEDED_SOURCES);
}

static void
test_currency (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) other = NULL;

  g_assert_true (rapport_store_set_default_currency (f->store, "EUR", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_store_get_default_currency (f->store), ==, "EUR");
  g_assert_cmpuint (f->notices, ==, 1);

  /* Refused: the value stays. */
  for (guint i = 0; i < 4; i++)
    {
      const char *bad[] = { "eur", "EURO", "", "E1R" };

      g_assert_false (rapport_store_set_default_currency (f->store, bad[i], &error));
      g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpstr (rapport_store_get_default_currency (f->store), ==, "EUR");
  g_assert_cmpuint (f->notices, ==, 1);

  /* A new deal takes it; another program on the file sees it. */
  other = rapport_store_new (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_store_get_default_currency (other), ==, "EUR");
  g_assert_true (rapport_store_set_default_currency (other, "JPY", &error));
  g_assert_true (rapport_store_set_speed_to_lead_minutes (other, 15, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_store_sync_external (f->store));
  g_assert_cmpstr (rapport_store_get_default_currency (f->store), ==, "JPY");
  g_assert_cmpint (rapport_store_get_speed_to_lead_minutes (f->store), ==, 15);
}

static void
test_list_edits (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RapportChoiceList L = RAPPORT_CHOICE_LEAD_SOURCE;
  const char * const fresh[] = { "Podcast", "Webinar", "Partner", NULL };
  guint before;

  g_assert_true (rapport_store_set_choices (f->store, L, fresh, &error));
  g_assert_no_error (error);
  assert_choices (f->store, L, "Podcast|Webinar|Partner");

  /* Added last, trimmed. */
  g_assert_true (rapport_store_add_choice (f->store, L, "  Newsletter ", &error));
  assert_choices (f->store, L, "Podcast|Webinar|Partner|Newsletter");

  /* Moved: first, last (past the end), and back. */
  g_assert_true (rapport_store_move_choice (f->store, L, "Newsletter", 0, &error));
  assert_choices (f->store, L, "Newsletter|Podcast|Webinar|Partner");
  g_assert_true (rapport_store_move_choice (f->store, L, "podcast", 99, &error));
  assert_choices (f->store, L, "Newsletter|Webinar|Partner|Podcast");
  g_assert_true (rapport_store_move_choice (f->store, L, "Partner", 1, &error));
  assert_choices (f->store, L, "Newsletter|Partner|Webinar|Podcast");

  /* Renamed in place; its own case may change. */
  g_assert_true (rapport_store_rename_choice (f->store, L, "Webinar", "Webinars", &error));
  g_assert_true (rapport_store_rename_choice (f->store, L, "partner", "PARTNER", &error));
  assert_choices (f->store, L, "Newsletter|PARTNER|Webinars|Podcast");

  /* Removed, put back where it was (Undo), removed again. */
  g_assert_true (rapport_store_remove_choice (f->store, L, "newsletter", &error));
  g_assert_no_error (error);
  assert_choices (f->store, L, "PARTNER|Webinars|Podcast");
  g_assert_true (rapport_store_insert_choice (f->store, L, "Newsletter", 0, &error));
  assert_choices (f->store, L, "Newsletter|PARTNER|Webinars|Podcast");
  g_assert_true (rapport_store_remove_choice (f->store, L, "Newsletter", &error));
  g_assert_no_error (error);

  /* The other list is its own. */
  assert_choices (f->store, RAPPORT_CHOICE_LOST_REASON, SEEDED_REASONS);

  /* Refusals change nothing and say nothing changed. */
  before = f->notices;
  g_assert_false (rapport_store_add_choice (f->store, L, "podcast", &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already in the list of lead sources"));
  g_clear_error (&error);
  g_assert_false (rapport_store_add_choice (f->store, L, " \u200b ", &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rapport_store_add_choice (f->store, L, "two\nlines", &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rapport_store_rename_choice (f->store, L, "Webinars", "Podcast", &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rapport_store_remove_choice (f->store, L, "Billboard", &error));
  g_assert_nonnull (strstr (error->message, "not in the list of lead sources"));
  g_clear_error (&error);
  g_assert_false (rapport_store_move_choice (f->store, RAPPORT_CHOICE_LOST_REASON, "Podcast", 0, &error));
  g_assert_nonnull (strstr (error->message, "not in the list of lost reasons"));
  g_clear_error (&error);
  {
    const char * const twins[] = { "A", "B", "a", NULL };

    g_assert_false (rapport_store_set_choices (f->store, L, twins, &error));
    g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
    g_clear_error (&error);
  }
  assert_choices (f->store, L, "PARTNER|Webinars|Podcast");
  g_assert_cmpuint (f->notices, ==, before);

  /* An empty list is a list. */
  g_assert_true (rapport_store_set_choices (f->store, L, NULL, &error));
  assert_choices (f->store, L, "");
}

/* The reasons offered when a deal is lost: those given most, then the
 * team's list, each once. */
static void
test_lost_reasons_offered (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char * const team[] = { "Too slow", "No budget", NULL };
  RapportDealFields fields = { .title = "Fleet" };
  g_autoptr(RapportDeal) deal = rapport_store_add_deal (f->store, &fields, &error);
  g_auto(GStrv) offered = NULL;
  g_autofree char *joined = NULL;

  g_assert_no_error (error);
  g_assert_true (rapport_store_set_choices (f->store, RAPPORT_CHOICE_LOST_REASON, team, &error));
  g_assert_true (rapport_store_set_deal_status (f->store, deal, RAPPORT_DEAL_STATUS_LOST, "no budget", &error));
  g_assert_no_error (error);

  offered = rapport_store_get_lost_reasons (f->store, 6);
  joined = g_strjoinv ("|", offered);
  g_assert_cmpstr (joined, ==, "no budget|Too slow");
}

/* Another program's change reaches an open store as a reload. */
static void
test_other_program (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) other = rapport_store_new (f->db, &error);

  g_assert_no_error (error);
  g_assert_true (rapport_store_add_choice (other, RAPPORT_CHOICE_LOST_REASON, "Merger", &error));
  g_assert_no_error (error);

  f->notices = 0;
  g_assert_true (rapport_store_sync_external (f->store));
  g_assert_cmpuint (f->notices, ==, 1);
  assert_choices (f->store, RAPPORT_CHOICE_LOST_REASON, SEEDED_REASONS "|Merger");
}

static char *
cli_fails (const char  *db,
           const char **args)
{
  g_auto(RapportTestRun) run = { 0 };

  rapport_test_run_cli (db, args, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  return g_steal_pointer (&run.err);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *all;
  JsonArray *sources;

  g_clear_object (&f->store);

  out = rapport_test_cli_ok (f->db, "settings", "get", "default-currency", NULL);
  g_assert_cmpstr (out, ==, "USD\n");
  g_free (rapport_test_cli_ok (f->db, "settings", "set", "default-currency", "EUR", NULL));
  g_free (rapport_test_cli_ok (f->db, "settings", "set", "speed-to-lead-minutes", "45", NULL));
  g_free (rapport_test_cli_ok (f->db, "settings", "set", "lead-sources", "Podcast", "Webinar", NULL));
  g_free (rapport_test_cli_ok (f->db, "settings", "add", "lead-sources", "Partner", NULL));
  g_free (rapport_test_cli_ok (f->db, "settings", "move", "lead-sources", "Partner", "1", NULL));
  g_free (rapport_test_cli_ok (f->db, "settings", "rename", "lead-sources", "Webinar", "Webinars", NULL));
  g_free (rapport_test_cli_ok (f->db, "settings", "remove", "lost-reasons", "Went silent", NULL));

  g_clear_pointer (&out, g_free);
  out = rapport_test_cli_ok (f->db, "settings", "get", "lead-sources", NULL);
  g_assert_cmpstr (out, ==, "Partner\nPodcast\nWebinars\n");

  g_clear_pointer (&out, g_free);
  out = rapport_test_cli_ok (f->db, "settings", "list", "--json", NULL);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  all = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (all, "default-currency"), ==, "EUR");
  g_assert_cmpint (json_object_get_int_member (all, "speed-to-lead-minutes"), ==, 45);
  sources = json_object_get_array_member (all, "lead-sources");
  g_assert_cmpuint (json_array_get_length (sources), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (sources, 0), ==, "Partner");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (all, "lost-reasons")), ==, 5);

  /* What the store reads is what the command line wrote. */
  f->store = rapport_store_new (f->db, &error);
  g_assert_no_error (error);
  assert_choices (f->store, RAPPORT_CHOICE_LEAD_SOURCE, "Partner|Podcast|Webinars");
  g_assert_cmpstr (rapport_store_get_default_currency (f->store), ==, "EUR");
  g_clear_object (&f->store);

  /* Unknown keys and bad values: exit 1, a whole sentence, nothing written. */
  err = cli_fails (f->db, (const char *[]) { "settings", "get", "colour", NULL });
  g_assert_nonnull (strstr (err, "There is no setting called “colour”"));
  g_clear_pointer (&err, g_free);
  err = cli_fails (f->db, (const char *[]) { "settings", "set", "default-currency", "euro", NULL });
  g_assert_nonnull (strstr (err, "ISO 4217"));
  g_clear_pointer (&err, g_free);
  err = cli_fails (f->db, (const char *[]) { "settings", "set", "speed-to-lead-minutes", "soon", NULL });
  g_assert_nonnull (strstr (err, "not a number of minutes"));
  g_clear_pointer (&err, g_free);
  err = cli_fails (f->db, (const char *[]) { "settings", "set", "speed-to-lead-minutes", "0", NULL });
  g_clear_pointer (&err, g_free);
  err = cli_fails (f->db, (const char *[]) { "settings", "add", "default-currency", "EUR", NULL });
  g_assert_nonnull (strstr (err, "not a list"));
  g_clear_pointer (&err, g_free);
  err = cli_fails (f->db, (const char *[]) { "settings", "add", "lead-sources", "podcast", NULL });
  g_clear_pointer (&err, g_free);
  err = cli_fails (f->db, (const char *[]) { "settings", "set", "lead-sources", "A", "a", NULL });
  g_clear_pointer (&err, g_free);
  err = cli_fails (f->db, (const char *[]) { "settings", "move", "lead-sources", "Podcast", "0", NULL });
  g_clear_pointer (&err, g_free);

  g_clear_pointer (&out, g_free);
  out = rapport_test_cli_ok (f->db, "settings", "list", NULL);
  g_assert_nonnull (strstr (out, "default-currency\tEUR\n"));
  g_assert_nonnull (strstr (out, "speed-to-lead-minutes\t45\n"));
  g_assert_nonnull (strstr (out, "lead-sources\tPartner\nlead-sources\tPodcast\nlead-sources\tWebinars\n"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/settings/seeded", Fixture, NULL, fixture_set_up, test_seeded, fixture_tear_down);
  g_test_add ("/settings/currency", Fixture, NULL, fixture_set_up, test_currency, fixture_tear_down);
  g_test_add ("/settings/list-edits", Fixture, NULL, fixture_set_up, test_list_edits, fixture_tear_down);
  g_test_add ("/settings/lost-reasons-offered", Fixture, NULL, fixture_set_up, test_lost_reasons_offered, fixture_tear_down);
  g_test_add ("/settings/other-program", Fixture, NULL, fixture_set_up, test_other_program, fixture_tear_down);
  g_test_add ("/settings/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}
