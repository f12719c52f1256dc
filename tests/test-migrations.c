/* test-migrations.c — old files upgrade, newer files are refused untouched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "rapport-sqlite-private.h"
#include "rapport-store-after-sales.h"
#include "rapport-store-settings.h"
#include "rapport-test-support.h"

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static int
user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return version;
}

/* A file as schema version 1 left it, with a deal in it. */
static void
write_version_1 (const char *path,
                 gboolean    with_conflict)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (rapport_schema_migrate_to (db, 0, 1, &error));
  g_assert_no_error (error);
  exec_sql (db,
            "INSERT INTO setting VALUES ('current-pipeline', '1'), ('default-currency', 'EUR');"
            "INSERT INTO pipeline (id, name, template, position) VALUES (1, 'Old process', 'classic5', 0);"
            "INSERT INTO stage (id, pipeline_id, name, position, probability) VALUES"
            "  (1, 1, 'Prospecting', 0, 10), (2, 1, 'Closing', 1, 90);"
            "INSERT INTO stage_action (id, stage_id, position, action) VALUES (1, 2, 0, 'Ask for the order');"
            "INSERT INTO deal (id, title, value, currency, stage_id, rank, created_at)"
            "  VALUES (1, 'Deal from last year', 4200, 'EUR', 2, 0, 1700000000);");
  if (with_conflict)
    exec_sql (db, "CREATE TABLE deal_action (x);");
  sqlite3_close (db);
}

static void
test_upgrade_from_1 (void)
{
  g_autofree char *dir = rapport_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *backup = g_strconcat (path, ".v1.bak", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  g_autoptr(RapportStage) stage = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  struct stat st;

  write_version_1 (path, FALSE);
  g_assert_cmpint (user_version (path), ==, 1);

  store = rapport_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  /* The data survived, the new table works. */
  deal = rapport_store_get_deal (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_deal_get_title (deal), ==, "Deal from last year");
  g_assert_cmpint (rapport_deal_get_value (deal), ==, 4200);
  stage = rapport_store_get_stage (store, 2, &error);
  actions = rapport_store_get_stage_actions (store, stage, &error);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_true (rapport_store_set_action_done (store, deal, actions->pdata[0], TRUE, &error));
  g_assert_no_error (error);

  g_clear_object (&deal);
  g_clear_object (&stage);
  g_clear_pointer (&actions, g_ptr_array_unref);
  g_clear_object (&store);
  g_assert_cmpint (user_version (path), ==, RAPPORT_SCHEMA_VERSION);

  /* A backup of the old version was taken first, private like the file. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (user_version (backup), ==, 1);
  g_assert_cmpint (stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A file as schema version 5 left it: contacts, an organization, a deal,
 * activities and notes, from before search and the contact dates. */
/* A file at schema @version, then @sql run on it. */
static void
write_version (const char *path,
               int         version,
               const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (rapport_schema_migrate_to (db, 0, version, &error));
  g_assert_no_error (error);
  exec_sql (db, sql);
  sqlite3_close (db);
}

static void
write_version_5 (const char *path)
{
  write_version (path, 5,
            "INSERT INTO setting VALUES ('current-pipeline', '1'), ('default-currency', 'EUR');"
            "INSERT INTO pipeline (id, name, template, position) VALUES (1, 'Old process', 'classic5', 0);"
            "INSERT INTO stage (id, pipeline_id, name, position, probability) VALUES"
            "  (1, 1, 'Prospecting', 0, 10), (2, 1, 'Closing', 1, 90);"
            "INSERT INTO organization (id, name, website, created_at)"
            "  VALUES (1, 'Zündholz GmbH', 'https://zuendholz.example', 1700000000);"
            "INSERT INTO contact (id, name, email, phone, organization_id, lifecycle, created_at) VALUES"
            "  (1, 'Wilhelmina Quast', 'wq@zuendholz.example', '030 5550123', 1, 1, 1700000000),"
            "  (2, 'Otto Never', NULL, NULL, NULL, 0, 1700000000);"
            "INSERT INTO deal (id, title, value, currency, stage_id, rank, contact_id, organization_id, created_at)"
            "  VALUES (1, 'Matchbox contract', 4200, 'EUR', 2, 0, 1, 1, 1700000000);"
            /* Two calls and an e-mail done, a task done later (not a contact),
             * and two open follow-ups, one snoozed. */
            "INSERT INTO activity (id, kind, title, contact_id, deal_id, done_at, due_at, snoozed_until, created_at)"
            "  VALUES (1, 0, 'Call', 1, 1, 1700001000, NULL, NULL, 1700001000),"
            "         (2, 1, 'Email', 1, NULL, 1700005000, NULL, NULL, 1700005000),"
            "         (3, 0, 'Call', 1, NULL, 1700003000, NULL, NULL, 1700003000),"
            "         (4, 3, 'Paperwork', 1, NULL, 1700009000, 1700008000, NULL, 1700000000),"
            "         (5, 4, 'Ring back', 1, 1, NULL, 1800000000, NULL, 1700000000),"
            "         (6, 4, 'Snoozed one', 1, NULL, NULL, 1750000000, 1810000000, 1700000000);"
            "INSERT INTO note (id, contact_id, deal_id, organization_id, body, created_at) VALUES"
            "  (1, 1, NULL, NULL, 'Collects antique lighthouses', 1700000000),"
            "  (2, NULL, 1, NULL, 'Needs sulphur-free heads', 1700000000),"
            "  (3, NULL, NULL, 1, 'Factory in Riesa', 1700000000);");
}

static gboolean
search_finds (RapportStore      *store,
              const char        *text,
              RapportSearchKind  kind,
              gint64             id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hits = rapport_store_search (store, text, 10, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    if (g_array_index (hits, RapportSearchHit, i).kind == kind && g_array_index (hits, RapportSearchHit, i).id == id)
      return TRUE;

  return FALSE;
}

static void
test_upgrade_from_5 (void)
{
  g_autofree char *dir = rapport_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "five.db", NULL);
  g_autofree char *backup = g_strconcat (path, ".v5.bak", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(RapportContact) never = NULL;
  g_autoptr(GListModel) by_last = NULL;
  struct stat st;

  write_version_5 (path);
  g_assert_cmpint (user_version (path), ==, 5);

  store = rapport_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  /* Search finds what was there before it existed: names, titles, e-mail,
   * phone digits, website, notes. */
  g_assert_true (search_finds (store, "quast", RAPPORT_SEARCH_CONTACT, 1));
  g_assert_true (search_finds (store, "wilh", RAPPORT_SEARCH_CONTACT, 1));
  g_assert_true (search_finds (store, "wq@zuendholz", RAPPORT_SEARCH_CONTACT, 1));
  g_assert_true (search_finds (store, "0305550123", RAPPORT_SEARCH_CONTACT, 1));
  g_assert_true (search_finds (store, "lighthouse", RAPPORT_SEARCH_CONTACT, 1));
  g_assert_true (search_finds (store, "matchbox", RAPPORT_SEARCH_DEAL, 1));
  g_assert_true (search_finds (store, "sulphur", RAPPORT_SEARCH_DEAL, 1));
  g_assert_true (search_finds (store, "zundholz", RAPPORT_SEARCH_ORGANIZATION, 1));
  g_assert_true (search_finds (store, "riesa", RAPPORT_SEARCH_ORGANIZATION, 1));
  g_assert_true (search_finds (store, "otto", RAPPORT_SEARCH_CONTACT, 2));
  g_assert_false (search_finds (store, "lighthouse", RAPPORT_SEARCH_CONTACT, 2));

  /* The contact dates were filled in from the activities: the latest call,
   * e-mail or meeting done; the earliest open follow-up, snoozed or not. */
  contact = rapport_store_get_contact (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_contact_get_last_contacted_at (contact), ==, 1700005000);
  g_assert_cmpint (rapport_contact_get_next_followup_at (contact), ==, 1800000000);
  never = rapport_store_get_contact (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_contact_get_last_contacted_at (never), ==, 0);
  g_assert_cmpint (rapport_contact_get_next_followup_at (never), ==, 0);

  by_last = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_LAST_CONTACT, FALSE, -1, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (by_last), ==, 2);

  /* …and the triggers keep them from now on. */
  {
    g_autoptr(RapportActivity) call = NULL;

    rapport_store_set_now (store, 1790000000);
    call = rapport_store_log_activity (store, 2, 0, RAPPORT_ACTIVITY_MEETING, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (rapport_contact_get_last_contacted_at (never), ==, 1790000000);
  }

  g_clear_object (&contact);
  g_clear_object (&never);
  g_clear_object (&by_last);
  g_clear_object (&store);
  g_assert_cmpint (user_version (path), ==, RAPPORT_SCHEMA_VERSION);

  /* A backup of version 5 was taken first, private like the file. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (user_version (backup), ==, 5);
  g_assert_cmpint (stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A second opening finds version 6: nothing to do again. */
  store = rapport_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (search_finds (store, "quast", RAPPORT_SEARCH_CONTACT, 1));
  g_clear_object (&store);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A file as schema version 7 left it: contacts with one e-mail and one
 * phone each at most, one with an empty e-mail another program wrote. */
static void
write_version_7 (const char *path)
{
  write_version (path, 7,
            "INSERT INTO setting VALUES ('current-pipeline', '1'), ('default-currency', 'EUR');"
            "INSERT INTO pipeline (id, name, template, position) VALUES (1, 'Old process', 'classic5', 0);"
            "INSERT INTO stage (id, pipeline_id, name, position, probability) VALUES (1, 1, 'Prospecting', 0, 10);"
            "INSERT INTO contact (id, name, email, phone, lifecycle, created_at) VALUES"
            "  (1, 'Wilhelmina Quast', 'wq@zuendholz.example', '030 5550123', 1, 1700000000),"
            "  (2, 'Otto Never', NULL, NULL, 0, 1700000000),"
            "  (3, 'Erna Empty', '', '+49 30 5550999', 1, 1700000000);");
}

static void
assert_values (GPtrArray  *values,
               guint       n,
               const char *first)
{
  g_assert_nonnull (values);
  g_assert_cmpuint (values->len, ==, n);
  if (n > 0)
    {
      const RapportContactValue *value = values->pdata[0];

      g_assert_cmpstr (value->label, ==, "other");
      g_assert_cmpstr (value->value, ==, first);
    }
}

static void
test_upgrade_from_7 (void)
{
  g_autofree char *dir = rapport_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "seven.db", NULL);
  g_autofree char *backup = g_strconcat (path, ".v7.bak", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportContact) quast = NULL;
  g_autoptr(GPtrArray) emails = NULL;
  g_autoptr(GPtrArray) phones = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  g_autoptr(GPtrArray) empty_phones = NULL;
  g_autoptr(GBytes) photo = NULL;

  write_version_7 (path);
  g_assert_cmpint (user_version (path), ==, 7);

  store = rapport_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (user_version (path), ==, RAPPORT_SCHEMA_VERSION);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (user_version (backup), ==, 7);

  /* Each one e-mail and phone became the first of its list, with no
   * label known; nothing for what was not set, or set to "". */
  quast = rapport_store_get_contact (store, 1, &error);
  g_assert_no_error (error);
  g_assert_null (rapport_contact_get_title (quast));
  g_assert_null (rapport_contact_get_external_id (quast));
  emails = rapport_store_get_contact_emails (store, 1, &error);
  assert_values (emails, 1, "wq@zuendholz.example");
  phones = rapport_store_get_contact_phones (store, 1, &error);
  assert_values (phones, 1, "030 5550123");
  none = rapport_store_get_contact_emails (store, 2, &error);
  assert_values (none, 0, NULL);
  empty = rapport_store_get_contact_emails (store, 3, &error);
  assert_values (empty, 0, NULL);
  empty_phones = rapport_store_get_contact_phones (store, 3, &error);
  assert_values (empty_phones, 1, "+49 30 5550999");
  photo = rapport_store_get_contact_photo (store, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (photo);

  /* Search still finds them by the columns it always read. */
  g_assert_true (search_finds (store, "wq@zuendholz", RAPPORT_SEARCH_CONTACT, 1));
  g_assert_true (search_finds (store, "0305550123", RAPPORT_SEARCH_CONTACT, 1));

  /* Version 10's triggers write the same rows again with a tag: the
   * e-mail and phone are still found, and the tag is. */
  g_assert_true (rapport_store_set_tag (store, RAPPORT_ENTITY_CONTACT, 1, "Streichholz", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (search_finds (store, "streichh", RAPPORT_SEARCH_CONTACT, 1));
  g_assert_true (search_finds (store, "wq@zuendholz", RAPPORT_SEARCH_CONTACT, 1));
  g_assert_true (search_finds (store, "0305550123", RAPPORT_SEARCH_CONTACT, 1));

  /* A contact another program writes with only the old columns reads as
   * lists of one. */
  {
    g_autoptr(GPtrArray) other = NULL;
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    exec_sql (db, "INSERT INTO contact (id, name, email, lifecycle) VALUES (4, 'Old Program', 'old@program.example', 1);");
    sqlite3_close (db);
    other = rapport_store_get_contact_emails (store, 4, &error);
    g_assert_no_error (error);
    assert_values (other, 1, "old@program.example");
  }

  g_clear_object (&quast);
  g_clear_object (&store);
  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Version 9 to 10: activities say nothing of how they went, a new lead's
 * follow-up asks for a call and any other for a task; the database then
 * keeps an outcome to its kind. */
static void
test_upgrade_from_9 (void)
{
  g_autofree char *dir = rapport_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "nine.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportActivity) lead_followup = NULL;
  g_autoptr(RapportActivity) call = NULL;
  g_autoptr(RapportActivity) task = NULL;
  g_autoptr(RapportActivity) meeting = NULL;
  RapportActivityLog log = {
    .contact_id = 1, .kind = RAPPORT_ACTIVITY_MEETING, .outcome = RAPPORT_OUTCOME_HELD, .duration_minutes = 45,
  };

  write_version (path, 9,
                 "INSERT INTO setting VALUES ('current-pipeline', '1'), ('default-currency', 'EUR');"
                 "INSERT INTO pipeline (id, name, template, position) VALUES (1, 'Old process', 'classic5', 0);"
                 "INSERT INTO stage (id, pipeline_id, name, position, probability) VALUES (1, 1, 'Prospecting', 0, 10);"
                 "INSERT INTO contact (id, name, lifecycle, created_at) VALUES (1, 'Nina Nine', 0, 1700000000);"
                 "INSERT INTO activity (id, kind, title, due_at, done_at, contact_id, rule, created_at) VALUES"
                 "  (1, 4, 'Contact Nina Nine', 1700003600, NULL, 1, 1, 1700000000),"
                 "  (2, 0, 'Call', NULL, 1700001000, 1, 0, 1700001000),"
                 "  (3, 4, 'Send the brochure', 1700090000, NULL, 1, 0, 1700001000);");

  store = rapport_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (user_version (path), ==, RAPPORT_SCHEMA_VERSION);

  lead_followup = rapport_store_get_activity (store, 1, &error);
  call = rapport_store_get_activity (store, 2, &error);
  task = rapport_store_get_activity (store, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_activity_get_followup_kind (lead_followup), ==, RAPPORT_ACTIVITY_CALL);
  g_assert_cmpint (rapport_activity_get_followup_kind (task), ==, RAPPORT_ACTIVITY_TASK);
  g_assert_cmpint (rapport_activity_get_outcome (call), ==, RAPPORT_OUTCOME_NONE);
  g_assert_cmpint (rapport_activity_get_duration_minutes (call), ==, 0);

  rapport_store_set_now (store, 1790000000);
  meeting = rapport_store_log_activity_full (store, &log, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_activity_get_outcome (meeting), ==, RAPPORT_OUTCOME_HELD);
  g_assert_cmpint (rapport_activity_get_duration_minutes (meeting), ==, 45);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Version 12 to 14: the team's lists, seeded with what the dialogs
 * offered before; the default currency kept. */
static void
test_upgrade_from_12 (void)
{
  g_autofree char *dir = rapport_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "twelve.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_auto(GStrv) reasons = NULL;
  g_auto(GStrv) sources = NULL;

  write_version (path, 12,
                 "INSERT INTO setting VALUES ('current-pipeline', '1'), ('default-currency', 'EUR');"
                 "INSERT INTO pipeline (id, name, template, position) VALUES (1, 'Old process', 'classic5', 0);"
                 "INSERT INTO stage (id, pipeline_id, name, position, probability) VALUES (1, 1, 'Prospecting', 0, 10);");

  store = rapport_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (user_version (path), ==, RAPPORT_SCHEMA_VERSION);
  g_assert_cmpstr (rapport_store_get_default_currency (store), ==, "EUR");

  reasons = rapport_store_get_choices (store, RAPPORT_CHOICE_LOST_REASON);
  sources = rapport_store_get_choices (store, RAPPORT_CHOICE_LEAD_SOURCE);
  g_assert_cmpuint (g_strv_length (reasons), ==, 6);
  g_assert_cmpstr (reasons[0], ==, "Price too high");
  g_assert_cmpuint (g_strv_length (sources), ==, 8);
  g_assert_cmpstr (sources[0], ==, "Website form");

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Version 15: every pipeline of an older file gets the default
 * after-sales plan, and its won deals keep their past (no follow-ups are
 * scheduled for wins before the plan existed). */
static void
test_after_sales_from_12 (void)
{
  g_autofree char *dir = rapport_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "twelve.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(RapportDeal) deal = NULL;

  write_version (path, 12,
                 "INSERT INTO setting VALUES ('current-pipeline', '1'), ('default-currency', 'EUR');"
                 "INSERT INTO pipeline (id, name, template, position) VALUES (1, 'Old', 'classic5', 0),"
                 "  (2, 'Other', NULL, 1);"
                 "INSERT INTO stage (id, pipeline_id, name, position, probability) VALUES"
                 "  (1, 1, 'Prospecting', 0, 10), (2, 2, 'Only', 0, 50);"
                 "INSERT INTO deal (id, title, value, currency, stage_id, rank, status, created_at, closed_at)"
                 "  VALUES (1, 'Won long ago', 4200, 'EUR', 1, 0, 1, 1700000000, 1700000000);");

  store = rapport_store_new (path, &error);
  g_assert_no_error (error);
  first = rapport_store_list_after_sales_steps (store, 1, &error);
  second = rapport_store_list_after_sales_steps (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 3);
  g_assert_cmpuint (second->len, ==, 3);
  g_assert_cmpint (rapport_after_sales_step_get_days (second->pdata[2]), ==, 90);
  g_assert_cmpint (rapport_after_sales_step_get_position (second->pdata[2]), ==, 2);

  followups = rapport_store_list_followups (store, FALSE, &error);
  g_assert_cmpuint (followups->len, ==, 0);
  deal = rapport_store_get_deal (store, 1, &error);
  g_assert_cmpint (rapport_deal_get_repeat_of (deal), ==, 0);
  g_clear_object (&store);
  g_assert_cmpint (user_version (path), ==, RAPPORT_SCHEMA_VERSION);
}

static void
test_failed_migration_rolls_back (void)
{
  g_autofree char *dir = rapport_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "conflict.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  write_version_1 (path, TRUE);

  store = rapport_store_new (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "version 2"));

  /* Still version 1, with its data: the failed step left nothing behind. */
  g_assert_cmpint (user_version (path), ==, 1);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT title FROM deal WHERE id = 1", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Deal from last year");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_newer_refused (void)
{
  g_autofree char *dir = rapport_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_new (path, &error);
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
  sqlite3_close (db);

  before = rapport_test_file_checksum (path);
  store = rapport_store_new (path, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_assert_nonnull (strstr (error->message, "unchanged"));

  after = rapport_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migrations/upgrade-from-1", test_upgrade_from_1);
  g_test_add_func ("/migrations/upgrade-from-5", test_upgrade_from_5);
  g_test_add_func ("/migrations/upgrade-from-7", test_upgrade_from_7);
  g_test_add_func ("/migrations/upgrade-from-9", test_upgrade_from_9);
  g_test_add_func ("/migrations/upgrade-from-12", test_upgrade_from_12);
  g_test_add_func ("/migrations/after-sales-from-12", test_after_sales_from_12);
  g_test_add_func ("/migrations/failed-step-rolls-back", test_failed_migration_rolls_back);
  g_test_add_func ("/migrations/newer-refused", test_newer_refused);

  return g_test_run ();
}
