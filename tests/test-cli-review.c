/* test-cli-review.c — `report review`: the PDF, the CSV files, refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The datasets are made with the store (a pinned clock), then the command
 * line writes the review of week 47 of 2026, made on Monday 23 November
 * 09:00 UTC; poppler's pdfinfo and pdftotext read the PDF back.
 *
 * Set RAPPORT_TEST_REVIEW_OUT to a folder to keep the PDFs there (to look
 * at them: pdftoppm -png -r 60).
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "rapport-review-csv.h"
#include "rapport-test-support.h"
#include "rapport-time.h"

#define NOW "2026-11-23T09:00:00Z"

/* What the large dataset fills: counted by eye on the rendered pages. */
#define RAPPORT_TEST_REVIEW_LARGE_PAGES 3

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static gint64
at (const char *iso)
{
  gint64 t = 0;

  g_assert_true (rapport_time_parse_iso8601 (iso, &t, NULL));
  return t;
}

#define DAY ((gint64) 86400)

static const char * const organizations[] = {
  "Acme", "Borealis Energy", "Cobalt & Sons", "Delta Freight", "Echo Media",
  "Fjord Analytics", "Granite Works", "Harbor Health", "Iris Optics", "Juniper Foods",
};

static const char * const people[] = {
  "Mia Kovač", "Noah Brandt", "Olivia Chen", "Pedro Alves", "Quinn Murphy",
  "Rosa Jiménez", "Sami Virtanen", "Tara Singh", "Uma Patel", "Victor Laurent",
};

static const char * const owners[] = { "Dana", "Lee", "Ravi" };

static const char * const reasons[] = {
  "Price too high", "Went with a competitor", "No budget this year", "Timing",
};

/* A title, sometimes long enough to wrap, sometimes with what CSV must
 * quote or defuse. */
static char *
title_for (const char *what,
           guint       i)
{
  if (i % 7 == 3)
    return g_strdup_printf ("%s %u: multi-site rollout with training, support and a second phase next year", what, i);
  if (i % 11 == 5)
    return g_strdup_printf ("=HYPERLINK(\"x\") %s %u, \"special\"", what, i);
  return g_strdup_printf ("%s %u", what, i);
}

static RapportDeal *
add_deal (RapportStore *store,
          const char   *what,
          guint         i,
          gint64        created,
          guint         stage,
          const char   *close,
          gint64       *contacts,
          gint64       *orgs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStage) s = rapport_test_stage_at (store, stage);
  g_autofree char *title = title_for (what, i);
  RapportDealFields fields = { 0, };
  RapportDeal *deal;

  rapport_store_set_now (store, created);
  fields.title = title;
  fields.value = (gint64) (1 + i % 9) * 125000 + (i % 3) * 50;
  fields.currency = i % 7 == 6 ? "EUR" : NULL;
  fields.stage_id = rapport_record_get_id (RAPPORT_RECORD (s));
  fields.owner = owners[i % G_N_ELEMENTS (owners)];
  fields.expected_close = close;
  fields.contact_id = contacts[i % G_N_ELEMENTS (people)];
  fields.organization_id = i % 4 == 0 ? 0 : orgs[i % G_N_ELEMENTS (organizations)];
  deal = rapport_store_add_deal (store, &fields, &error);
  g_assert_no_error (error);

  return deal;
}

static void
move (RapportStore *store,
      RapportDeal  *deal,
      guint         stage,
      gint64        when)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStage) s = rapport_test_stage_at (store, stage);

  rapport_store_set_now (store, when);
  g_assert_true (rapport_store_move_deal (store, deal, s, -1, &error));
  g_assert_no_error (error);
}

static void
set_status (RapportStore      *store,
            RapportDeal       *deal,
            RapportDealStatus  status,
            const char        *reason,
            gint64             when)
{
  g_autoptr(GError) error = NULL;

  rapport_store_set_now (store, when);
  g_assert_true (rapport_store_set_deal_status (store, deal, status, reason, &error));
  g_assert_no_error (error);
}

/* @scale 0: an empty week (nothing but the file). Otherwise @scale rows
 * of each kind, or thereabouts, in week 47. */
static void
build (Fixture *f,
       guint    scale)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  gint64 monday = at ("2026-11-16T00:00:00Z");
  gint64 contacts[G_N_ELEMENTS (people)], orgs[G_N_ELEMENTS (organizations)];
  RapportGoalFields goal = { 0, };
  g_autoptr(RapportGoal) g1 = NULL;
  g_autoptr(RapportGoal) g2 = NULL;

  store = rapport_store_new_with_template (f->path, "classic5", &error);
  g_assert_no_error (error);
  rapport_test_clear_after_sales (store);
  if (scale == 0)
    return;

  rapport_store_set_now (store, at ("2026-01-05T09:00:00Z"));
  for (guint i = 0; i < G_N_ELEMENTS (organizations); i++)
    {
      g_autoptr(RapportOrganization) org = rapport_store_add_organization (store, organizations[i], &error);

      g_assert_no_error (error);
      orgs[i] = rapport_record_get_id (RAPPORT_RECORD (org));
    }
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      RapportContactFields fields = { 0, };
      g_autoptr(RapportContact) contact = NULL;

      fields.name = people[i];
      fields.lifecycle = RAPPORT_LIFECYCLE_CUSTOMER;
      fields.organization_id = orgs[i];
      fields.owner = owners[i % G_N_ELEMENTS (owners)];
      contact = rapport_store_add_contact (store, &fields, &error);
      g_assert_no_error (error);
      contacts[i] = rapport_record_get_id (RAPPORT_RECORD (contact));
    }

  for (guint i = 0; i < scale; i++)
    {
      g_autoptr(RapportDeal) added = NULL;
      g_autoptr(RapportDeal) moved = NULL;
      g_autoptr(RapportDeal) won = NULL;
      g_autoptr(RapportDeal) lost = NULL;
      g_autoptr(RapportDeal) late = NULL;
      g_autoptr(RapportActivity) followup = NULL;
      gint64 in_week = monday + (gint64) (i % 7) * DAY + 9 * 3600 + i * 60;

      added = add_deal (store, "New opportunity", i, in_week, i % 2, NULL, contacts, orgs);
      moved = add_deal (store, "Expansion", i, monday - 30 * DAY, 0, NULL, contacts, orgs);
      move (store, moved, 1 + i % 3, in_week + 3600);
      if (i % 2 == 0)
        {
          won = add_deal (store, "Renewal", i, monday - (gint64) (10 + i) * DAY, 2, NULL, contacts, orgs);
          set_status (store, won, RAPPORT_DEAL_STATUS_WON, NULL, in_week + 7200);
        }
      if (i % 3 == 0)
        {
          lost = add_deal (store, "Pilot", i, monday - 40 * DAY, 1, NULL, contacts, orgs);
          set_status (store, lost, RAPPORT_DEAL_STATUS_LOST, reasons[i % G_N_ELEMENTS (reasons)], in_week + 5400);
        }
      if (i % 2 == 1)
        {
          g_autofree char *close = g_strdup_printf ("2026-11-%02u", 1 + i % 20);

          /* Long in Negotiation: past its close date and rotting. */
          late = add_deal (store, "Framework contract", i, at ("2026-09-01T09:00:00Z") + i * DAY, 3, close,
                           contacts, orgs);
        }
      if (i % 3 == 1)
        {
          g_autofree char *title = g_strdup_printf ("Call back about the quote %u", i);

          rapport_store_set_now (store, at ("2026-11-01T09:00:00Z"));
          followup = rapport_store_add_followup (store, 0, rapport_record_get_id (RAPPORT_RECORD (moved)), title,
                                                 in_week - 2 * DAY, &error);
          g_assert_no_error (error);
        }
    }

  goal.metric = RAPPORT_GOAL_METRIC_DEALS_WON;
  goal.period = RAPPORT_PERIOD_WEEK;
  goal.target = 4;
  g_clear_object (&g1);
  g1 = rapport_store_add_goal (store, &goal, &error);
  g_assert_no_error (error);
  goal.metric = RAPPORT_GOAL_METRIC_WON_VALUE;
  goal.period = RAPPORT_PERIOD_MONTH;
  goal.owner = "Lee";
  goal.target = 5000000;
  g2 = rapport_store_add_goal (store, &goal, &error);
  g_assert_no_error (error);
}

/* Running the command line */

static char *
run (Fixture     *f,
     const char  *language,
     int         *status,
     char       **err,
     const char  *first_arg,
     ...) G_GNUC_NULL_TERMINATED;

/* rapport-cli --db FILE ARGS… at NOW; stdout, the exit status, stderr. */
static char *
run (Fixture     *f,
     const char  *language,
     int         *status,
     char       **err,
     const char  *first_arg,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "RAPPORT_NOW", NOW, TRUE);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status;
  va_list args;

  envp = g_environ_setenv (envp, "TZ", "UTC", TRUE);
  if (language != NULL)
    envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);
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
                &out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  *status = WEXITSTATUS (wait_status);

  return out;
}

/* A poppler tool's output, or NULL (and the test skipped) without it. */
static char *
poppler (const char *tool,
         const char *first_arg,
         ...) G_GNUC_NULL_TERMINATED;

static char *
poppler (const char *tool,
         const char *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status;
  va_list args;

  if (program == NULL)
    {
      g_test_skip ("poppler-utils is not installed (build-aux/dev installs it)");
      return NULL;
    }

  g_ptr_array_add (argv, program);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  return out;
}

static int
pdf_pages (const char *pdf)
{
  g_autofree char *info = poppler ("pdfinfo", pdf, NULL);
  const char *line;

  if (info == NULL)
    return -1;
  line = strstr (info, "\nPages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("\nPages:"));
}

static char *
pdf_text (const char *pdf,
          int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);

  if (page > 0)
    return poppler ("pdftotext", "-f", first, "-l", first, "-layout", pdf, "-", NULL);
  return poppler ("pdftotext", "-layout", pdf, "-", NULL);
}

static void
keep (const char *pdf,
      const char *name)
{
  const char *out = g_getenv ("RAPPORT_TEST_REVIEW_OUT");
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;
  gsize len;

  if (out == NULL)
    return;
  target = g_build_filename (out, name, NULL);
  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (target, contents, len, NULL));
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = rapport_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "rapport.db", NULL);
  build (f, GPOINTER_TO_UINT (data));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rapport_test_tmpdir_free (g_steal_pointer (&f->dir));
  g_clear_pointer (&f->path, g_free);
}

#define SMALL GUINT_TO_POINTER (0)
#define LARGE GUINT_TO_POINTER (8)

static const char * const section_titles[] = {
  "Deals added", "Deals moved forward", "Deals won", "Deals lost",
  "Expected close dates passed", "Rotting deals", "Overdue follow-ups", "Goals",
};

/* An empty week: one page, every section saying it has nothing. */
static void
test_small (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "review.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL, *text = NULL;
  int status, pages;

  out = run (f, NULL, &status, &err, "report", "review", "--output", pdf, NULL);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "(1 page)"));
  keep (pdf, "review-small.pdf");

  if ((pages = pdf_pages (pdf)) < 0)
    return;
  g_assert_cmpint (pages, ==, 1);
  text = pdf_text (pdf, 0);
  g_assert_nonnull (strstr (text, "Pipeline review — week 47, 2026"));
  for (guint i = 0; i < G_N_ELEMENTS (section_titles); i++)
    g_assert_nonnull (strstr (text, section_titles[i]));
  g_assert_nonnull (strstr (text, "No deals were won in the week."));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
}

/* Enough rows for three pages; headers repeat where a table runs on. */
static void
test_large (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *pdf = g_build_filename (f->dir, "review.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL, *text = NULL;
  JsonObject *root, *sections;
  int status, pages;

  out = run (f, NULL, &status, &err, "report", "review", "--week", "2026-W47", "--output", pdf, "--json", NULL);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  keep (pdf, "review-large.pdf");

  root = parse_object (parser, out);
  sections = json_object_get_object_member (root, "sections");
  g_assert_cmpstr (json_object_get_string_member (root, "week"), ==, "2026-W47");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (sections, "added"), "count"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (sections, "moved-forward"), "count"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (sections, "won"), "count"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (sections, "lost"), "count"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (sections, "close-date-passed"), "count"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (sections, "rotting"), "count"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (sections, "overdue-follow-ups"), "count"), ==, 3);

  if ((pages = pdf_pages (pdf)) < 0)
    return;
  g_assert_cmpint (pages, ==, json_object_get_int_member (root, "pages"));
  g_assert_cmpint (pages, ==, RAPPORT_TEST_REVIEW_LARGE_PAGES);

  text = pdf_text (pdf, 0);
  for (guint i = 0; i < G_N_ELEMENTS (section_titles); i++)
    g_assert_nonnull (strstr (text, section_titles[i]));
  g_assert_nonnull (strstr (text, "New opportunity 0"));
  g_assert_nonnull (strstr (text, "Price too high"));
  g_assert_nonnull (strstr (text, "(continued)"));

  /* Every page after the first: the running header, its number, and the
   * header row of the table that runs onto it. */
  for (int page = 2; page <= pages; page++)
    {
      g_autofree char *page_text = pdf_text (pdf, page);
      g_autofree char *number = g_strdup_printf ("Page %d of %d", page, pages);

      g_assert_nonnull (strstr (page_text, "Pipeline review — week 47, 2026"));
      g_assert_nonnull (strstr (page_text, number));
      g_assert_nonnull (strstr (page_text, "Customer"));
    }
}

/* A week the year does not have, or not written as one: refused, nothing
 * written. */
static void
test_bad_week (Fixture       *f,
               gconstpointer  data)
{
  const char * const weeks[] = { "2026-W54", "2025-W53", "2026-W00", "2026-47", "2026-w47", "47" };
  g_autofree char *pdf = g_build_filename (f->dir, "review.pdf", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "csv", NULL);

  g_assert_cmpint (g_mkdir (csv, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (weeks); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_autoptr(GDir) dir = NULL;
      int status;

      out = run (f, NULL, &status, &err, "report", "review", "--week", weeks[i], "--output", pdf,
                 "--csv-dir", csv, NULL);
      g_assert_cmpint (status, ==, 1);
      g_assert_nonnull (strstr (err, weeks[i]));
      g_assert_null (strchr (strchr (err, '\n') + 1, '\n'));
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
      dir = g_dir_open (csv, 0, NULL);
      g_assert_null (g_dir_read_name (dir));
    }

  {
    g_autofree char *out = NULL, *err = NULL;
    int status;

    out = run (f, NULL, &status, &err, "report", "review", "--week", "2026-W54", "--output", pdf, NULL);
    g_assert_nonnull (strstr (err, "2026 has weeks 1 to 53"));
  }
}

/* An existing file is kept unless --force; the file is never world-
 * writable, and no temporary file stays behind. */
static void
test_no_clobber (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "review.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL, *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf st;
  int status;
  guint n = 0;

  g_assert_true (g_file_set_contents (pdf, "mine", -1, NULL));
  out = run (f, NULL, &status, &err, "report", "review", "--output", pdf, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "exists already"));
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "mine");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&contents, g_free);

  out = run (f, NULL, &status, &err, "report", "review", "--output", pdf, "--force", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & S_IWOTH, ==, 0);

  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "rapport.db"))
      n++;
  g_assert_cmpuint (n, ==, 1);
}

/* Every table as CSV: RFC 4180 quoting, formulas defused. */
static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *csv = g_build_filename (f->dir, "csv", NULL);
  g_autofree char *out = NULL, *err = NULL, *added = NULL, *lost = NULL, *goals = NULL;
  g_autofree char *added_path = NULL, *lost_path = NULL, *goals_path = NULL;
  JsonArray *files;
  int status;

  g_assert_cmpint (g_mkdir (csv, 0700), ==, 0);
  out = run (f, NULL, &status, &err, "report", "review", "--csv-dir", csv, "--json", NULL);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  files = json_object_get_array_member (parse_object (parser, out), "csv");
  g_assert_cmpuint (json_array_get_length (files), ==, RAPPORT_REVIEW_N_TABLES);

  added_path = g_build_filename (csv, "2026-W47-added.csv", NULL);
  lost_path = g_build_filename (csv, "2026-W47-lost.csv", NULL);
  goals_path = g_build_filename (csv, "2026-W47-goals.csv", NULL);
  g_assert_true (g_file_get_contents (added_path, &added, NULL, NULL));
  g_assert_true (g_file_get_contents (lost_path, &lost, NULL, NULL));
  g_assert_true (g_file_get_contents (goals_path, &goals, NULL, NULL));

  g_assert_true (g_str_has_prefix (added, "deal_id,title,organization,contact,owner,stage,value,currency,added_at\r\n"));
  /* Deal 0 has no organization of its own: its contact's. Money in plain
   * major units, times in UTC. */
  g_assert_nonnull (strstr (added, ",New opportunity 0,Acme,Mia Kovač,Dana,Prospecting,1250.00,USD,2026-11-16T09:00:00Z\r\n"));
  /* A comma and quotes: quoted, quotes doubled; a formula: defused. */
  g_assert_nonnull (strstr (added, ",\"'=HYPERLINK(\"\"x\"\") New opportunity 5, \"\"special\"\"\","));
  g_assert_nonnull (strstr (added, ",Cobalt & Sons,"));
  g_assert_nonnull (strstr (lost, ",Price too high\r\n"));
  g_assert_true (g_str_has_prefix (goals, "goal_id,metric,period,owner,period_start,period_end,target,actual,progress,reached\r\n"));
  g_assert_nonnull (strstr (goals, ",deals-won,week,,2026-11-16T00:00:00Z,2026-11-23T00:00:00Z,4,3,0.7500,false\r\n"));

  /* Written again: refused, as a whole, unless --force. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = run (f, NULL, &status, &err, "report", "review", "--csv-dir", csv, NULL);
  g_assert_cmpint (status, ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = run (f, NULL, &status, &err, "report", "review", "--csv-dir", csv, "--force", NULL);
  g_assert_cmpint (status, ==, 0);
}

static void
test_csv_field (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "=1+1", "'=1+1" },
    { "+31 20 555", "'+31 20 555" },
    { "-5", "'-5" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "=cmd|' /C calc'!A0,x", "\"'=cmd|' /C calc'!A0,x\"" },
    { "Hôtel ✓", "Hôtel ✓" },
    { "a=b", "a=b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      rapport_csv_append_field (line, cases[i].in);
      g_assert_cmpstr (line->str, ==, cases[i].out);
    }
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  int status;

  out = run (f, NULL, &status, &err, "report", "review", NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "--output"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/review/csv-field", test_csv_field);
#define ADD(path, size, func) \
  g_test_add ("/cli/review/" path, Fixture, size, fixture_set_up, func, fixture_tear_down)
  ADD ("small", SMALL, test_small);
  ADD ("large", LARGE, test_large);
  ADD ("bad-week", SMALL, test_bad_week);
  ADD ("no-clobber", SMALL, test_no_clobber);
  ADD ("csv", LARGE, test_csv);
  ADD ("usage", SMALL, test_usage);
#undef ADD

  return g_test_run ();
}
