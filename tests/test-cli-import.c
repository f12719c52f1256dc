/* test-cli-import.c — `import csv` as scripts use it, read back with
 * `contact list --json` and `org list --json`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files are the corpus in data/import/; the clock is pinned to
 * 2026-03-20 so "created later than now" is testable.
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rapport-test-support.h"

#define NOW "2026-03-20T12:00:00Z"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

/* rapport-cli --db FILE ARGS… (NULL-terminated) at the tests' clock and
 * locale (main() sets them in the environment the program inherits); a
 * crash fails the test. */
static void
run_argv (Fixture        *f,
          const char    **args,
          RapportTestRun *r)
{
  rapport_test_run_cli (f->path, args, r);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
corpus (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

/* import csv FILE --kind KIND [more…] --json: its report, and the exit
 * status in *@status. */
static JsonObject *
import_csv (Fixture    *f,
            const char *name,
            const char *kind,
            int         expected_status,
            const char *more[])
{
  g_autofree char *path = corpus (name);
  const char *args[16] = { "import", "csv", path, "--kind", kind, };
  g_auto(RapportTestRun) r = { 0, };
  g_autoptr(JsonNode) node = NULL;
  guint n = 5;

  for (guint i = 0; more != NULL && more[i] != NULL; i++)
    args[n++] = more[i];
  args[n++] = "--json";
  args[n] = NULL;
  g_assert_cmpuint (n, <, G_N_ELEMENTS (args));

  run_argv (f, args, &r);
  g_assert_cmpint (r.status, ==, expected_status);
  if (expected_status == 0)
    g_assert_cmpstr (r.err, ==, "");
  node = parse (r.out);
  return json_object_ref (json_node_get_object (node));
}

static JsonArray *
list (Fixture    *f,
      const char *group)
{
  const char *args[] = { group, "list", "--json", NULL };
  g_auto(RapportTestRun) r = { 0, };
  g_autoptr(JsonNode) node = NULL;

  run_argv (f, args, &r);
  g_assert_cmpint (r.status, ==, 0);
  node = parse (r.out);
  return json_array_ref (json_node_get_array (node));
}

/* The contact named @name, or NULL. */
static JsonObject *
contact_named (JsonArray  *contacts,
               const char *name)
{
  for (guint i = 0; i < json_array_get_length (contacts); i++)
    {
      JsonObject *contact = json_array_get_object_element (contacts, i);

      if (g_strcmp0 (json_object_get_string_member (contact, "name"), name) == 0)
        return contact;
    }
  return NULL;
}

static void
assert_counts (JsonObject *report,
               gint64      rows,
               gint64      created,
               gint64      skipped,
               guint       bad)
{
  g_assert_cmpint (json_object_get_int_member (report, "rows"), ==, rows);
  g_assert_cmpint (json_object_get_int_member (report, "created"), ==, created);
  g_assert_cmpint (json_object_get_int_member (report, "updated"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (report, "skipped"), ==, skipped);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "bad_rows")), ==, bad);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *init[] = { "init", NULL };
  g_auto(RapportTestRun) r = { 0, };

  f->dir = rapport_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "rapport.db", NULL);
  run_argv (f, init, &r);
  g_assert_cmpint (r.status, ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rapport_test_tmpdir_free (f->dir);
  g_free (f->path);
}

/* LinkedIn's export: a preamble, first and last names joined, a company
 * found by folded name ("Acme", "ACME"), "12 Mar 2024". */
static void
test_linkedin (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JsonObject) report = import_csv (f, "linkedin.csv", "contacts", 0, NULL);
  g_autoptr(JsonArray) contacts = list (f, "contact");
  g_autoptr(JsonArray) orgs = list (f, "org");
  JsonObject *ann, *bob;

  assert_counts (report, 2, 2, 0, 0);
  g_assert_cmpint (json_object_get_int_member (report, "organizations_created"), ==, 1);
  g_assert_cmpuint (json_array_get_length (contacts), ==, 2);
  ann = contact_named (contacts, "Ann Lee");
  bob = contact_named (contacts, "Bob Smith, Jr.");
  g_assert_nonnull (ann);
  g_assert_nonnull (bob);
  g_assert_cmpstr (json_object_get_string_member (ann, "email"), ==, "ann@example.com");
  g_assert_cmpstr (json_object_get_string_member (ann, "created_at"), ==, "2024-03-12T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (ann, "lifecycle"), ==, "contact");
  g_assert_true (json_object_get_null_member (bob, "email"));
  g_assert_cmpuint (json_array_get_length (orgs), ==, 1);
  g_assert_cmpint (json_object_get_int_member (ann, "organization_id"), ==,
                   json_object_get_int_member (bob, "organization_id"));
}

/* A bad row stores nothing: every bad row is listed with its line and
 * column, and the status is 1. */
static void
test_bad_rows (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JsonObject) report = import_csv (f, "bad-row.csv", "contacts", 1, NULL);
  g_autoptr(JsonArray) contacts = list (f, "contact");
  JsonArray *bad = json_object_get_array_member (report, "bad_rows");
  static const struct { gint64 line; const char *column; } expected[] = {
    { 3, "Email" }, { 5, "Created" }, { 6, "Name" },
  };

  assert_counts (report, 5, 0, 0, 3);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *problem = json_array_get_object_element (bad, i);

      g_assert_cmpint (json_object_get_int_member (problem, "line"), ==, expected[i].line);
      g_assert_cmpstr (json_object_get_string_member (problem, "column"), ==, expected[i].column);
      g_assert_cmpstr (json_object_get_string_member (problem, "message"), !=, "");
    }
  g_assert_cmpuint (json_array_get_length (contacts), ==, 0);
}

/* --skip-bad-rows stores the good rows; --dry-run stores nothing and says
 * what would be done. */
static void
test_skip_and_dry_run (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *bad_path = g_build_filename (f->dir, "bad rows.csv", NULL);
  const char *dry[] = { "--skip-bad-rows", "--dry-run", NULL };
  const char *skip[] = { "--skip-bad-rows", "--bad-rows", bad_path, NULL };
  g_autoptr(JsonObject) dry_report = import_csv (f, "bad-row.csv", "contacts", 0, dry);
  g_autoptr(JsonArray) none = list (f, "contact");
  g_autoptr(JsonObject) report = import_csv (f, "bad-row.csv", "contacts", 0, skip);
  g_autoptr(JsonArray) contacts = list (f, "contact");
  g_autofree char *bad = NULL;

  assert_counts (dry_report, 5, 2, 3, 3);
  g_assert_cmpuint (json_array_get_length (none), ==, 0);
  assert_counts (report, 5, 2, 3, 3);
  g_assert_cmpuint (json_array_get_length (contacts), ==, 2);
  g_assert_nonnull (contact_named (contacts, "Good One"));
  g_assert_nonnull (contact_named (contacts, "Good Two"));

  /* The skipped rows, as the file has them, with what is wrong: to mend. */
  g_assert_true (g_file_get_contents (bad_path, &bad, NULL, NULL));
  g_assert_true (g_str_has_prefix (bad, "Name,Email,Created,What is wrong\r\n"
                                        "Bad Mail,not-an-email,2024-01-06,Email: "));
  g_assert_nonnull (strstr (bad, "\r\nBad Date,bad@example.com,31/31/2024,\"Created: "));
  g_assert_nonnull (strstr (bad, "\r\n,nobody@example.com,,"));
}

/* Organizations: one per folded name; then contacts find them in any
 * case ("initech" is HubSpot's second row's company, "Initech" its
 * first's). */
static void
test_organizations (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonObject) orgs_report = import_csv (f, "organizations.csv", "organizations", 0, NULL);
  g_autoptr(JsonObject) contacts_report = import_csv (f, "windows-1252.csv", "contacts", 0,
                                                      (const char *[]) { "--encoding", "WINDOWS-1252", NULL });
  g_autoptr(JsonObject) hubspot = import_csv (f, "hubspot.csv", "contacts", 0, NULL);
  g_autoptr(JsonArray) orgs = list (f, "org");
  g_autoptr(JsonArray) contacts = list (f, "contact");
  JsonObject *rene, *francoise, *hana, *ivan;
  gboolean acme_seen = FALSE;

  assert_counts (orgs_report, 3, 2, 1, 0);
  assert_counts (contacts_report, 2, 2, 0, 0);
  g_assert_cmpint (json_object_get_int_member (contacts_report, "organizations_created"), ==, 1);
  assert_counts (hubspot, 2, 2, 0, 0);
  /* Acme, Globex, Café Crème (once for "café crème" too), Initech. */
  g_assert_cmpuint (json_array_get_length (orgs), ==, 4);
  for (guint i = 0; i < json_array_get_length (orgs); i++)
    {
      JsonObject *org = json_array_get_object_element (orgs, i);

      if (g_str_equal (json_object_get_string_member (org, "name"), "Acme"))
        {
          acme_seen = TRUE;
          g_assert_cmpstr (json_object_get_string_member (org, "phone"), ==, "+1 555 0199");
          g_assert_cmpstr (json_object_get_string_member (org, "created_at"), ==, "2023-05-04T00:00:00Z");
        }
    }
  g_assert_true (acme_seen);

  rene = contact_named (contacts, "René Müller");
  francoise = contact_named (contacts, "Françoise Noël");
  g_assert_nonnull (rene);
  g_assert_nonnull (francoise);
  g_assert_cmpint (json_object_get_int_member (rene, "organization_id"), ==,
                   json_object_get_int_member (francoise, "organization_id"));

  hana = contact_named (contacts, "Hana Kim");
  ivan = contact_named (contacts, "Ivan Petrov");
  g_assert_nonnull (hana);
  g_assert_nonnull (ivan);
  g_assert_cmpint (json_object_get_int_member (hana, "organization_id"), ==,
                   json_object_get_int_member (ivan, "organization_id"));
  g_assert_cmpstr (json_object_get_string_member (hana, "created_at"), ==, "2024-03-12T09:14:00Z");
  g_assert_cmpstr (json_object_get_string_member (hana, "owner"), ==, "Maria Sales");
  g_assert_cmpstr (json_object_get_string_member (hana, "source"), ==, "Webinar");
  g_assert_cmpstr (json_object_get_string_member (hana, "phone"), ==, "(555) 010-2000");
  g_assert_cmpstr (json_object_get_string_member (ivan, "created_at"), ==, "2024-02-01T10:00:00Z");
}

/* Every encoding and layout of the corpus, each into its own file. */
static void
test_encodings (Fixture       *f,
                gconstpointer  data)
{
  static const struct { const char *file; const char *encoding; const char *name; } cases[] = {
    { "utf8-bom.csv", NULL, "Zoë Ünal" },
    { "utf16le-tabs.csv", NULL, "Łucja Nowak" },
    { "utf16be.csv", NULL, "Αλέξης Παππάς" },
    { "shift-jis.csv", "SHIFT_JIS", "山田太郎" },
    { "semicolon.csv", NULL, "Jan de Vries" },
    { "tabs.tsv", NULL, "Tab Two" },
    { "quoted-newlines.csv", NULL, "Quote \"Q\" Person" },
    { "google.csv", NULL, "Dev Null" },
    { "pipedrive.csv", NULL, "Joe Bloggs" },
    { "salesforce.csv", NULL, "Mary Major" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *more[] = { "--encoding", cases[i].encoding, NULL };
      g_autoptr(JsonObject) report = NULL;
      g_autoptr(JsonArray) contacts = NULL;

      g_test_message ("%s", cases[i].file);
      g_free (f->path);
      f->path = g_strdup_printf ("%s/%u.db", f->dir, i);
      report = import_csv (f, cases[i].file, "contacts", 0, cases[i].encoding ? more : NULL);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "bad_rows")), ==, 0);
      contacts = list (f, "contact");
      g_assert_nonnull (contact_named (contacts, cases[i].name));
      /* Google's "Organization 1 - Title" is the job title, kept. */
      if (g_str_equal (cases[i].file, "google.csv"))
        g_assert_cmpstr (json_object_get_string_member (contact_named (contacts, "Carla Diaz"), "title"), ==, "CTO");
    }
}

/* --map overrides the guesses; --date-order reads 12/03/2024; a date that
 * could be either way round is a bad row without it. */
static void
test_map_and_dates (Fixture       *f,
                    gconstpointer  data)
{
  const char *dmy[] = { "--date-order", "dmy", "--map", "Created=created_at", NULL };
  const char *map[] = { "--map", "Name=note,Created=ignore,Name=name", NULL };
  g_autoptr(JsonObject) guessed = import_csv (f, "dates-dmy.csv", "contacts", 1, NULL);
  g_autoptr(JsonObject) report = import_csv (f, "dates-dmy.csv", "contacts", 0, dmy);
  g_autoptr(JsonArray) contacts = list (f, "contact");
  JsonArray *bad = json_object_get_array_member (guessed, "bad_rows");
  g_autoptr(JsonObject) mapped = NULL;
  JsonObject *day_first, *also;

  g_assert_cmpuint (json_array_get_length (bad), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (bad, 0), "line"), ==, 2);
  assert_counts (report, 2, 2, 0, 0);
  day_first = contact_named (contacts, "Day First");
  also = contact_named (contacts, "Also");
  g_assert_cmpstr (json_object_get_string_member (day_first, "created_at"), ==, "2024-03-12T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (also, "created_at"), ==, "2024-03-13T14:05:00Z");

  /* "Created" ignored: the ambiguous dates do not matter any more. */
  mapped = import_csv (f, "dates-dmy.csv", "contacts", 0, map);
  assert_counts (mapped, 2, 2, 0, 0);
}

/* Mistakes on the command line are usage errors (2); a file the reader
 * refuses, or a --map naming no column, is a user error (1). */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = corpus ("linkedin.csv");
  g_autofree char *missing = corpus ("no-such-file.csv");
  const char *no_kind[] = { "import", "csv", path, NULL };
  const char *bad_kind[] = { "import", "csv", path, "--kind", "people", NULL };
  const char *stage_map_of_contacts[] = { "import", "csv", path, "--kind", "contacts", "--stage-map", "A=B", NULL };
  const char *bad_mark[] = { "import", "csv", path, "--kind", "deals", "--decimal-mark", ";", NULL };
  const char *bad_pipeline[] = { "import", "csv", path, "--kind", "deals", "--pipeline", "x", NULL };
  const char *bad_delimiter[] = { "import", "csv", path, "--kind", "contacts", "--delimiter", "|", NULL };
  const char *bad_order[] = { "import", "csv", path, "--kind", "contacts", "--date-order", "dym", NULL };
  const char *no_file[] = { "import", "csv", missing, "--kind", "contacts", NULL };
  const char *bad_map[] = { "import", "csv", path, "--kind", "contacts", "--map", "Nope=email", NULL };
  const char *bad_field[] = { "import", "csv", path, "--kind", "contacts", "--map", "URL=website", NULL };
  const char *bad_encoding[] = { "import", "csv", path, "--kind", "contacts", "--encoding", "KLINGON", NULL };
  const char *no_name[] = { "import", "csv", path, "--kind", "contacts",
                            "--map", "First Name=ignore,Last Name=ignore", NULL };
  const char *no_pipeline[] = { "import", "csv", path, "--kind", "deals", "--pipeline", "99", NULL };
  const char *no_title[] = { "import", "csv", path, "--kind", "deals", NULL };
  const char **usage[] = { no_kind, bad_kind, bad_delimiter, bad_order, stage_map_of_contacts, bad_mark };
  const char **user[] = { no_file, bad_map, bad_field, bad_encoding, no_name, bad_pipeline, no_pipeline, no_title };
  g_autoptr(JsonArray) contacts = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_auto(RapportTestRun) r = { 0, };

      run_argv (f, usage[i], &r);
      g_assert_cmpint (r.status, ==, 2);
    }
  for (guint i = 0; i < G_N_ELEMENTS (user); i++)
    {
      g_auto(RapportTestRun) r = { 0, };

      run_argv (f, user[i], &r);
      g_assert_cmpint (r.status, ==, 1);
      g_assert_cmpstr (r.err, !=, "");
    }
  contacts = list (f, "contact");
  g_assert_cmpuint (json_array_get_length (contacts), ==, 0);
}

/* Without --json: the bad rows on stderr as sentences, with line and
 * column. */
static void
test_text_output (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = corpus ("bad-row.csv");
  const char *args[] = { "import", "csv", path, "--kind", "contacts", NULL };
  g_auto(RapportTestRun) r = { 0, };

  run_argv (f, args, &r);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "Line 3, column “Email”: "));
  g_assert_nonnull (strstr (r.err, "Line 5, column “Created”: "));
  g_assert_nonnull (strstr (r.out, "Created: 0"));
}

/* Deals */

/* The deal titled @title, or fails. */
static JsonObject *
deal_titled (JsonArray  *deals,
             const char *title)
{
  for (guint i = 0; i < json_array_get_length (deals); i++)
    {
      JsonObject *deal = json_array_get_object_element (deals, i);

      if (g_strcmp0 (json_object_get_string_member (deal, "title"), title) == 0)
        return deal;
    }
  g_error ("no deal titled “%s”", title);
  return NULL;
}

static void
assert_deal (JsonArray  *deals,
             const char *title,
             gint64      value,
             const char *currency,
             const char *stage,
             const char *status)
{
  JsonObject *deal = deal_titled (deals, title);

  g_assert_cmpint (json_object_get_int_member (deal, "value"), ==, value);
  g_assert_cmpstr (json_object_get_string_member (deal, "currency"), ==, currency);
  g_assert_cmpstr (json_object_get_string_member (deal, "stage"), ==, stage);
  g_assert_cmpstr (json_object_get_string_member (deal, "status"), ==, status);
}

static const char *
member_or_null (JsonObject *object,
                const char *name)
{
  return json_object_get_null_member (object, name) ? NULL : json_object_get_string_member (object, name);
}

/* A Pipedrive export: statuses in any case, contacts found by e-mail in
 * any case and by name, organizations by folded name; the history makes
 * the month's report count the win. */
static void
test_deals_pipedrive (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonObject) report = import_csv (f, "deals-pipedrive.csv", "deals", 0, NULL);
  g_autoptr(JsonArray) deals = list (f, "deal");
  g_autoptr(JsonArray) contacts = list (f, "contact");
  const char *summary_args[] = { "report", "summary", "--from", "2026-03-01", "--to", "2026-03-31", "--json", NULL };
  g_auto(RapportTestRun) r = { 0, };
  g_autoptr(JsonNode) summary = NULL;
  JsonObject *boiler, *tender, *second, *pump, *won;

  assert_counts (report, 4, 4, 0, 0);
  g_assert_cmpint (json_object_get_int_member (report, "contacts_created"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (report, "organizations_created"), ==, 2);
  g_assert_cmpuint (json_array_get_length (contacts), ==, 2);

  assert_deal (deals, "Boiler for the north wing", 1250000, "USD", "Qualifying", "open");
  assert_deal (deals, "Pump service", 80000, "USD", "Negotiation", "won");
  assert_deal (deals, "Tender 2025", 300000, "EUR", "Prospecting", "lost");
  assert_deal (deals, "Second boiler", 400000, "USD", "Presentation", "open");

  boiler = deal_titled (deals, "Boiler for the north wing");
  tender = deal_titled (deals, "Tender 2025");
  second = deal_titled (deals, "Second boiler");
  pump = deal_titled (deals, "Pump service");
  g_assert_cmpstr (json_object_get_string_member (boiler, "expected_close"), ==, "2026-04-20");
  g_assert_cmpstr (json_object_get_string_member (boiler, "created_at"), ==, "2026-01-05T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (boiler, "owner"), ==, "Sam");
  g_assert_cmpstr (json_object_get_string_member (pump, "closed_at"), ==, "2026-03-10T00:00:00Z");
  g_assert_null (member_or_null (pump, "expected_close"));
  g_assert_cmpstr (json_object_get_string_member (tender, "lost_reason"), ==, "Price");
  g_assert_cmpint (json_object_get_int_member (tender, "contact_id"), ==,
                   json_object_get_int_member (boiler, "contact_id"));
  g_assert_cmpint (json_object_get_int_member (second, "contact_id"), ==,
                   json_object_get_int_member (boiler, "contact_id"));
  g_assert_cmpint (json_object_get_int_member (tender, "organization_id"), ==,
                   json_object_get_int_member (boiler, "organization_id"));

  run_argv (f, summary_args, &r);
  g_assert_cmpint (r.status, ==, 0);
  summary = parse (r.out);
  won = json_object_get_object_member (json_node_get_object (summary), "won");
  g_assert_cmpint (json_object_get_int_member (won, "count"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (won, "value"), ==, 80000);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (summary), "new_deals"), ==, 1);
}

/* Salesforce's STAGENAME holds the outcome; stages of another process
 * are refused (and listed) until mapped, and then nothing is half-done. */
static void
test_deals_stage_map (Fixture       *f,
                      gconstpointer  data)
{
  const char *mdy[] = { "--date-order", "mdy", NULL };
  const char *mapped[] = { "--date-order", "mdy", "--stage-map", "Discovery=Prospecting, proof of concept=presentation", NULL };
  g_autoptr(JsonObject) refused = import_csv (f, "deals-salesforce.csv", "deals", 1, mdy);
  g_autoptr(JsonArray) none = list (f, "deal");
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(JsonArray) deals = NULL;
  JsonArray *unknown = json_object_get_array_member (refused, "unknown_stages");
  JsonArray *bad = json_object_get_array_member (refused, "bad_rows");
  JsonObject *spare;

  g_assert_cmpuint (json_array_get_length (none), ==, 0);
  g_assert_cmpint (json_object_get_int_member (refused, "created"), ==, 0);
  g_assert_cmpuint (json_array_get_length (unknown), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (unknown, 0), ==, "Discovery");
  g_assert_cmpstr (json_array_get_string_element (unknown, 1), ==, "Proof of concept");
  g_assert_cmpuint (json_array_get_length (bad), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (bad, 0), "line"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (bad, 0), "column"), ==, "STAGENAME");

  report = import_csv (f, "deals-salesforce.csv", "deals", 0, mapped);
  assert_counts (report, 4, 4, 0, 0);
  deals = list (f, "deal");
  assert_deal (deals, "Fleet renewal", 2500000, "USD", "Closing", "won");
  assert_deal (deals, "Spare parts", 120000, "USD", "Prospecting", "lost");
  assert_deal (deals, "New depot", 900000, "USD", "Prospecting", "open");
  assert_deal (deals, "Pilot", 50000, "USD", "Presentation", "open");
  g_assert_cmpstr (json_object_get_string_member (deal_titled (deals, "Fleet renewal"), "closed_at"), ==,
                   "2026-03-12T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (deal_titled (deals, "New depot"), "expected_close"), ==,
                   "2026-05-30");
  /* A lost deal always has a reason; the file gave none. */
  spare = deal_titled (deals, "Spare parts");
  g_assert_cmpstr (json_object_get_string_member (spare, "lost_reason"), ==, "No reason given in the imported file");
}

/* "1.234,50" with a decimal comma, in a semicolon file with its own headers. */
static void
test_deals_decimal_comma (Fixture       *f,
                          gconstpointer  data)
{
  const char *point[] = {
    "--delimiter", ";", "--date-order", "dmy",
    "--map", "Titel=name,Wert=value,Währung=currency,Phase=stage,Kontakt=contact,Erstellt=created_at", NULL };
  const char *comma[] = {
    "--delimiter", ";", "--date-order", "dmy", "--decimal-mark", ",",
    "--map", "Titel=name,Wert=value,Währung=currency,Phase=stage,Kontakt=contact,Erstellt=created_at", NULL };
  g_autoptr(JsonObject) refused = import_csv (f, "deals-decimal-comma.csv", "deals", 1, point);
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(JsonArray) deals = NULL;
  g_autoptr(JsonArray) contacts = NULL;
  JsonObject *bad;

  bad = json_array_get_object_element (json_object_get_array_member (refused, "bad_rows"), 0);
  g_assert_cmpint (json_object_get_int_member (bad, "line"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (bad, "column"), ==, "Wert");

  report = import_csv (f, "deals-decimal-comma.csv", "deals", 0, comma);
  assert_counts (report, 2, 2, 0, 0);
  deals = list (f, "deal");
  contacts = list (f, "contact");
  assert_deal (deals, "Anlage Süd", 123450, "EUR", "Qualifying", "open");
  assert_deal (deals, "Wartung", 1200000, "EUR", "Prospecting", "open");
  g_assert_cmpstr (json_object_get_string_member (deal_titled (deals, "Wartung"), "created_at"), ==,
                   "2026-03-13T00:00:00Z");
  g_assert_cmpuint (json_array_get_length (contacts), ==, 1);
  g_assert_nonnull (contact_named (contacts, "Jörg Weiß"));
}

/* Every bad row is listed with its line and column; nothing is stored
 * unless the good ones are asked for. */
static void
test_deals_bad_rows (Fixture       *f,
                     gconstpointer  data)
{
  const char *skip[] = { "--skip-bad-rows", NULL };
  static const struct { gint64 line; const char *column; } expected[] = {
    { 3, "Deal name" }, { 4, "Value" }, { 5, "Status" }, { 6, "Close date" }, { 7, "Stage" },
  };
  g_autoptr(JsonObject) refused = import_csv (f, "deals-bad.csv", "deals", 1, NULL);
  g_autoptr(JsonArray) none = list (f, "deal");
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(JsonArray) deals = NULL;
  JsonArray *bad = json_object_get_array_member (refused, "bad_rows");

  g_assert_cmpuint (json_array_get_length (none), ==, 0);
  g_assert_cmpuint (json_array_get_length (bad), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *problem = json_array_get_object_element (bad, i);

      g_assert_cmpint (json_object_get_int_member (problem, "line"), ==, expected[i].line);
      g_assert_cmpstr (json_object_get_string_member (problem, "column"), ==, expected[i].column);
      g_assert_cmpstr (json_object_get_string_member (problem, "message"), !=, "");
    }

  report = import_csv (f, "deals-bad.csv", "deals", 0, skip);
  assert_counts (report, 6, 1, 5, 5);
  deals = list (f, "deal");
  g_assert_cmpuint (json_array_get_length (deals), ==, 1);
  assert_deal (deals, "Fine one", 10000, "USD", "Qualifying", "open");
}

/* export --format csv, then import csv of that file into a new
 * database: the same records. */
static void
assert_same_member (JsonObject *a,
                    JsonObject *b,
                    const char *member)
{
  JsonNode *x = json_object_get_member (a, member);
  JsonNode *y = json_object_get_member (b, member);

  g_assert_nonnull (x);
  g_assert_nonnull (y);
  if (!json_node_equal (x, y))
    g_error ("%s differs: %s / %s", member, json_to_string (x, FALSE), json_to_string (y, FALSE));
}

static JsonArray *
export_and_import (Fixture    *f,
                   const char *kind,
                   const char *group)
{
  g_autofree char *csv_name = g_strdup_printf ("exported %s.csv", kind);
  g_autofree char *db_name = g_strdup_printf ("again %s.db", kind);
  g_autofree char *csv = g_build_filename (f->dir, csv_name, NULL);
  g_autofree char *again = g_build_filename (f->dir, db_name, NULL);
  const char *export_args[] = { "export", kind, "--format", "csv", "--output", csv, NULL };
  const char *import_args[] = { "import", "csv", csv, "--kind", kind, NULL };
  const char *init[] = { "init", NULL };
  const char *list_args[] = { group, "list", "--json", NULL };
  g_auto(RapportTestRun) r = { 0, }, r2 = { 0, }, r3 = { 0, }, r4 = { 0, };
  g_autoptr(JsonNode) node = NULL;
  char *first = f->path;
  GStatBuf st;

  run_argv (f, export_args, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (g_stat (csv, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  f->path = again;
  run_argv (f, init, &r2);
  run_argv (f, import_args, &r3);
  g_assert_cmpint (r3.status, ==, 0);
  run_argv (f, list_args, &r4);
  g_assert_cmpint (r4.status, ==, 0);
  f->path = first;
  node = parse (r4.out);
  return json_array_ref (json_node_get_array (node));
}

static void
cli_run_ok (Fixture     *f,
            const char **args)
{
  g_auto(RapportTestRun) r = { 0, };

  run_argv (f, args, &r);
  g_assert_cmpint (r.status, ==, 0);
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const deal_members[] = {
    "value", "currency", "stage", "status", "expected_close", "closed_at", "lost_reason", "owner", "created_at",
  };
  static const char * const contact_members[] = {
    "email", "phone", "title", "owner", "source", "created_at", "address", "birthday",
  };
  /* A contact's richer record goes through the CSV too. */
  const char *set_address[] = { "contact", "set", "1", "address", "1 Main St\nSpringfield, IL", NULL };
  const char *set_birthday[] = { "contact", "set", "1", "birthday", "1980-02-03", NULL };
  g_autoptr(JsonObject) deals_report = import_csv (f, "deals-pipedrive.csv", "deals", 0, NULL);
  g_autoptr(JsonObject) contacts_report = import_csv (f, "google.csv", "contacts", 0, NULL);
  g_autoptr(JsonArray) deals = NULL;
  g_autoptr(JsonArray) contacts = NULL;
  g_autoptr(JsonArray) deals_again = NULL;
  g_autoptr(JsonArray) contacts_again = NULL;

  cli_run_ok (f, set_address);
  cli_run_ok (f, set_birthday);
  deals = list (f, "deal");
  contacts = list (f, "contact");
  deals_again = export_and_import (f, "deals", "deal");
  contacts_again = export_and_import (f, "contacts", "contact");

  g_assert_cmpuint (json_array_get_length (deals_again), ==, json_array_get_length (deals));
  for (guint i = 0; i < json_array_get_length (deals); i++)
    {
      JsonObject *deal = json_array_get_object_element (deals, i);
      JsonObject *again = deal_titled (deals_again, json_object_get_string_member (deal, "title"));

      for (guint m = 0; m < G_N_ELEMENTS (deal_members); m++)
        assert_same_member (deal, again, deal_members[m]);
    }
  g_assert_cmpuint (json_array_get_length (contacts_again), ==, json_array_get_length (contacts));
  for (guint i = 0; i < json_array_get_length (contacts); i++)
    {
      JsonObject *contact = json_array_get_object_element (contacts, i);
      JsonObject *again = contact_named (contacts_again, json_object_get_string_member (contact, "name"));

      g_assert_nonnull (again);
      for (guint m = 0; m < G_N_ELEMENTS (contact_members); m++)
        assert_same_member (contact, again, contact_members[m]);
    }
}

/* export all --format json: one document, every record as show --json
 * prints it. */
static void
test_export_all_json (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonObject) report = import_csv (f, "deals-pipedrive.csv", "deals", 0, NULL);
  g_autofree char *path = g_build_filename (f->dir, "everything.json", NULL);
  const char *args[] = { "export", "all", "--format", "json", "--output", path, NULL };
  const char *again[] = { "export", "all", "--format", "json", "--output", path, NULL };
  g_auto(RapportTestRun) r = { 0, }, r2 = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) deals = list (f, "deal");
  g_autoptr(JsonArray) contacts = list (f, "contact");
  JsonObject *root, *first;

  run_argv (f, args, &r);
  g_assert_cmpint (r.status, ==, 0);
  /* Never over a file that is there. */
  run_argv (f, again, &r2);
  g_assert_cmpint (r2.status, ==, 1);

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "rapport");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "deals")), ==,
                    json_array_get_length (deals));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "contacts")), ==,
                    json_array_get_length (contacts));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "organizations")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "pipelines")), ==, 1);
  first = json_array_get_object_element (json_object_get_array_member (root, "deals"), 0);
  g_assert_true (json_object_has_member (first, "history"));
  first = json_array_get_object_element (json_object_get_array_member (root, "contacts"), 0);
  g_assert_true (json_object_has_member (first, "emails"));
}

/* duplicates list: pairs by any e-mail in any case, by a phone's digits,
 * by a name in one organization with case and accents folded; names in
 * other scripts are not all alike. */
static void
test_duplicates_list (Fixture       *f,
                      gconstpointer  data)
{
  const char *org[] = { "org", "add", "Acme", NULL };
  const char *adds[][8] = {
    { "contact", "add", "José Núñez", "--email", "JOSE@x.org", "--org", "1", NULL },
    { "contact", "add", "jose nunez", "--org", "1", NULL },
    { "contact", "add", "Other", "--emails", "work=a@b.c,home=jose@X.org", NULL },
    { "contact", "add", "Phoney", "--phone", "+1 (555) 010-2000", NULL },
    { "contact", "add", "Phone two", "--phone", "15550102000", NULL },
    { "contact", "add", "山田太郎", "--org", "1", NULL },
    { "contact", "add", "佐藤花子", "--org", "1", NULL },
  };
  static const struct { gint64 a, b; const char *reason; } expected[] = {
    { 1, 2, "name" }, { 1, 3, "email" }, { 4, 5, "phone" },
  };
  const char *list_args[] = { "duplicates", "list", "--json", NULL };
  g_auto(RapportTestRun) r = { 0, };
  g_autoptr(JsonNode) node = NULL;
  JsonArray *pairs;

  cli_run_ok (f, org);
  for (guint i = 0; i < G_N_ELEMENTS (adds); i++)
    cli_run_ok (f, adds[i]);
  run_argv (f, list_args, &r);
  g_assert_cmpint (r.status, ==, 0);
  node = parse (r.out);
  pairs = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (pairs), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *pair = json_array_get_object_element (pairs, i);
      JsonArray *contacts = json_object_get_array_member (pair, "contacts");
      JsonArray *reasons = json_object_get_array_member (pair, "reasons");

      g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (contacts, 0), "id"), ==, expected[i].a);
      g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (contacts, 1), "id"), ==, expected[i].b);
      g_assert_cmpuint (json_array_get_length (reasons), ==, 1);
      g_assert_cmpstr (json_array_get_string_element (reasons, 0), ==, expected[i].reason);
    }
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("RAPPORT_NOW", NOW, TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-import/linkedin", Fixture, NULL, fixture_set_up, test_linkedin, fixture_tear_down);
  g_test_add ("/cli-import/bad-rows", Fixture, NULL, fixture_set_up, test_bad_rows, fixture_tear_down);
  g_test_add ("/cli-import/skip-and-dry-run", Fixture, NULL, fixture_set_up, test_skip_and_dry_run, fixture_tear_down);
  g_test_add ("/cli-import/organizations", Fixture, NULL, fixture_set_up, test_organizations, fixture_tear_down);
  g_test_add ("/cli-import/encodings", Fixture, NULL, fixture_set_up, test_encodings, fixture_tear_down);
  g_test_add ("/cli-import/map-and-dates", Fixture, NULL, fixture_set_up, test_map_and_dates, fixture_tear_down);
  g_test_add ("/cli-import/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add ("/cli-import/text-output", Fixture, NULL, fixture_set_up, test_text_output, fixture_tear_down);
  g_test_add ("/cli-import/deals-pipedrive", Fixture, NULL, fixture_set_up, test_deals_pipedrive, fixture_tear_down);
  g_test_add ("/cli-import/deals-stage-map", Fixture, NULL, fixture_set_up, test_deals_stage_map, fixture_tear_down);
  g_test_add ("/cli-import/deals-decimal-comma", Fixture, NULL, fixture_set_up, test_deals_decimal_comma, fixture_tear_down);
  g_test_add ("/cli-import/deals-bad-rows", Fixture, NULL, fixture_set_up, test_deals_bad_rows, fixture_tear_down);
  g_test_add ("/cli-import/export-round-trip", Fixture, NULL, fixture_set_up, test_export_round_trip, fixture_tear_down);
  g_test_add ("/cli-import/export-all-json", Fixture, NULL, fixture_set_up, test_export_all_json, fixture_tear_down);
  g_test_add ("/cli-import/duplicates-list", Fixture, NULL, fixture_set_up, test_duplicates_list, fixture_tear_down);

  return g_test_run ();
}
