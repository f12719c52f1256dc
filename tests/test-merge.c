/* test-merge.c — merging two contacts or two organizations, and undoing
 * it; an import's rows that are contacts already
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The records are made with rapport-cli, merged and unmerged through the
 * store, and read back with `export all --format json` and with plain
 * SQLite: after the undo both must be what they were, byte for byte.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "rapport-csv-reader.h"
#include "rapport-import.h"
#include "rapport-test-support.h"

#define NOW "2026-03-20T12:00:00Z"

/* A one-pixel PNG, as a vCard carries a photo. */
#define PHOTO_CARD \
  "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Photo Person\r\nEMAIL:photo@example.com\r\n" \
  "PHOTO:data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\r\n" \
  "END:VCARD\r\n"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = rapport_test_tmpdir_new ();
  f->db = g_build_filename (f->dir, "rapport.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rapport_test_tmpdir_free (f->dir);
  g_free (f->db);
}

#define cli(f, ...) rapport_test_cli_ok ((f)->db, __VA_ARGS__)

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

#define dump_tables rapport_test_dump_tables

static gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

/* Two contacts that are one person: 1 has a photo-less work address, 2 the
 * same address in capitals, a second one, a title, a photo, a deal, a
 * note, a logged call and its speed-to-lead follow-up. */
static void
make_two_contacts (Fixture *f)
{
  g_autofree char *card = g_build_filename (f->dir, "photo.vcf", NULL);
  g_autofree char *out = NULL;

  g_free (cli (f, "org", "add", "Acme", NULL));
  g_free (cli (f, "org", "add", "Initech", NULL));
  g_free (cli (f, "contact", "add", "Ana Silva", "--emails", "work=ana@acme.com,home=ana@home.org",
               "--phones", "work=+1 555 123 4567", "--org", "1", NULL));
  g_free (cli (f, "contact", "add", "ana silva", "--emails", "work=ANA@acme.com,other=a.silva@example.com",
               "--phones", "mobile=555-987-6543", "--title", "CEO", "--org", "2", "--lead", NULL));
  g_free (cli (f, "deal", "add", "Big deal", "--value", "1000", "--contact", "2", "--org", "2", NULL));
  g_free (cli (f, "note", "add", "--contact", "2", "Met at the fair.", NULL));
  g_free (cli (f, "activity", "log", "2", "call", "--note", "Called back.", NULL));

  rapport_test_write_file (card, PHOTO_CARD, -1);
  g_free (cli (f, "import", "vcard", card, NULL));
  /* The photo of contact 3 becomes contact 2's, as if it had come with it. */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE contact_photo SET contact_id = 2 WHERE contact_id = 3;"
                                       "DELETE FROM contact WHERE id = 3;", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
}

static guint
field_bit (RapportEntity  entity,
           const char    *name)
{
  const RapportMergeField *fields;
  guint n_fields;

  fields = rapport_merge_fields (entity, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].name, name) == 0)
      return 1u << i;
  g_assert_not_reached ();
}

static void
test_merge_contacts (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *before_json = NULL, *before_rows = NULL;
  g_autofree char *after_json = NULL, *after_rows = NULL, *shown = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportMergeUndo) undo = NULL;
  g_autoptr(JsonObject) contact = NULL;
  g_autoptr(GError) error = NULL;
  RapportMergeMoves moves;
  JsonArray *emails, *phones;
  guint take;

  make_two_contacts (f);
  before_json = cli (f, "export", "all", "--format", "json", NULL);
  before_rows = dump_tables (f->db);

  store = rapport_store_new (f->db, &error);
  g_assert_no_error (error);

  g_assert_true (rapport_store_merge_count (store, RAPPORT_ENTITY_CONTACT, 2, &moves, &error));
  g_assert_cmpuint (moves.deals, ==, 1);
  g_assert_cmpuint (moves.notes, ==, 1);
  g_assert_cmpuint (moves.activities, ==, 2);  /* the call, and the lead's follow-up */

  /* The kept one lacks a title and a photo: the usual choice takes the
   * other's; the user also picks the other's phone and organization. */
  take = rapport_store_merge_fill (store, RAPPORT_ENTITY_CONTACT, 1, 2);
  g_assert_cmpuint (take, ==, field_bit (RAPPORT_ENTITY_CONTACT, "title") |
                              field_bit (RAPPORT_ENTITY_CONTACT, "photo"));
  take |= field_bit (RAPPORT_ENTITY_CONTACT, "phone") | field_bit (RAPPORT_ENTITY_CONTACT, "organization");
  g_assert_true (rapport_store_merge (store, RAPPORT_ENTITY_CONTACT, 1, 2, take, &undo, &error));
  g_assert_no_error (error);

  contact = parse_object (shown = cli (f, "contact", "show", "1", "--json", NULL));
  g_assert_cmpstr (json_object_get_string_member (contact, "name"), ==, "Ana Silva");
  g_assert_cmpstr (json_object_get_string_member (contact, "title"), ==, "CEO");
  g_assert_cmpstr (json_object_get_string_member (contact, "phone"), ==, "555-987-6543");
  g_assert_cmpstr (json_object_get_string_member (contact, "email"), ==, "ana@acme.com");
  emails = json_object_get_array_member (contact, "emails");
  g_assert_cmpuint (json_array_get_length (emails), ==, 3);  /* ANA@acme.com is ana@acme.com */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (emails, 2), "value"), ==,
                   "a.silva@example.com");
  phones = json_object_get_array_member (contact, "phones");
  g_assert_cmpuint (json_array_get_length (phones), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (phones, 0), "label"), ==, "mobile");
  g_assert_nonnull (strstr (shown, "merged into this one"));
  g_assert_nonnull (strstr (shown, "Met at the fair."));

  {
    g_auto(RapportTestRun) run = { 0 };
    const char *gone[] = { "contact", "show", "2", NULL };

    rapport_test_run_cli (f->db, gone, &run);
    g_assert_cmpint (run.status, !=, 0);
  }
  g_free (shown);
  shown = cli (f, "deal", "show", "1", "--json", NULL);
  {
    g_autoptr(JsonObject) deal = parse_object (shown);

    g_assert_cmpint (json_object_get_int_member (deal, "contact_id"), ==, 1);
  }
  g_clear_pointer (&shown, g_free);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM activity WHERE contact_id = 1"), ==, 2);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM activity WHERE contact_id = 2"), ==, 0);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM contact_photo WHERE contact_id = 1"), ==, 1);

  g_assert_true (rapport_store_undo_merge (store, undo, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  after_json = cli (f, "export", "all", "--format", "json", NULL);
  after_rows = dump_tables (f->db);
  g_assert_cmpstr (after_json, ==, before_json);
  g_assert_cmpstr (after_rows, ==, before_rows);
}

static void
test_merge_organizations (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *before_json = NULL, *before_rows = NULL;
  g_autofree char *after_json = NULL, *after_rows = NULL, *shown = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportMergeUndo) undo = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  RapportMergeMoves moves;
  RapportDuplicate *pair;

  make_two_contacts (f);
  before_json = cli (f, "export", "all", "--format", "json", NULL);
  before_rows = dump_tables (f->db);

  store = rapport_store_new (f->db, &error);
  g_assert_no_error (error);

  g_assert_true (rapport_store_merge_count (store, RAPPORT_ENTITY_ORGANIZATION, 2, &moves, &error));
  g_assert_cmpuint (moves.contacts, ==, 1);
  g_assert_cmpuint (moves.deals, ==, 1);
  g_assert_cmpuint (moves.notes, ==, 0);

  g_assert_true (rapport_store_merge (store, RAPPORT_ENTITY_ORGANIZATION, 1, 2,
                                      field_bit (RAPPORT_ENTITY_ORGANIZATION, "name"), &undo, &error));
  g_assert_no_error (error);
  shown = cli (f, "org", "show", "1", NULL);
  g_assert_nonnull (strstr (shown, "Initech"));
  g_assert_nonnull (strstr (shown, "The organization “Initech” was merged into this one."));
  g_free (shown);
  shown = cli (f, "deal", "show", "1", "--json", NULL);
  {
    g_autoptr(JsonObject) deal = parse_object (shown);

    g_assert_cmpint (json_object_get_int_member (deal, "organization_id"), ==, 1);
  }
  g_free (shown);
  shown = cli (f, "org", "list", NULL);
  g_assert_null (strstr (shown, "Acme"));

  g_assert_true (rapport_store_undo_merge (store, undo, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  after_json = cli (f, "export", "all", "--format", "json", NULL);
  after_rows = dump_tables (f->db);
  g_assert_cmpstr (after_json, ==, before_json);
  g_assert_cmpstr (after_rows, ==, before_rows);

  /* Likely pairs: one name however written, one website's host, one
   * phone's digits. */
  g_free (cli (f, "org", "add", "  ACMÉ ", NULL));
  g_free (cli (f, "org", "add", "Globex", NULL));
  g_free (cli (f, "org", "add", "Globex Corporation", NULL));
  /* Six that share a website are no sign: a host for many (id 6 to 11). */
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("Tenant %u", i);

      g_free (cli (f, "org", "add", name, NULL));
    }
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE organization SET website = 'shared.example' WHERE id >= 6;"
                                       "UPDATE organization SET website = 'https://www.globex.com/about' WHERE id = 4;"
                                       "UPDATE organization SET website = 'GLOBEX.com' WHERE id = 5;"
                                       "UPDATE organization SET phone = '+1 (555) 000-1111' WHERE id = 2;"
                                       "UPDATE organization SET phone = '15550001111' WHERE id = 5;",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  store = rapport_store_new (f->db, &error);
  g_assert_no_error (error);
  pairs = rapport_store_find_duplicate_organizations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 3);
  pair = pairs->pdata[0];
  g_assert_cmpint (pair->ids[0], ==, 1);
  g_assert_cmpint (pair->ids[1], ==, 3);
  g_assert_cmpuint (pair->reasons, ==, RAPPORT_DUPLICATE_NAME);
  pair = pairs->pdata[1];
  g_assert_cmpint (pair->ids[0], ==, 2);
  g_assert_cmpint (pair->ids[1], ==, 5);
  g_assert_cmpuint (pair->reasons, ==, RAPPORT_DUPLICATE_PHONE);
  pair = pairs->pdata[2];
  g_assert_cmpint (pair->ids[0], ==, 4);
  g_assert_cmpint (pair->ids[1], ==, 5);
  g_assert_cmpuint (pair->reasons, ==, RAPPORT_DUPLICATE_WEBSITE);
}

/* Rows of a second file: the same person by e-mail in capitals (with a
 * title and a second phone), one by name in the same organization, a
 * new one, and the new one again further down. */
#define FIRST_FILE \
  "Name,Email,Phone,Company,Title,Note\n" \
  "Ana Silva,ana@acme.com,+1 555 123 4567,Acme,,\n" \
  "Bob Stone,,,Acme,Buyer,\n"
#define SECOND_FILE \
  "Name,Email,Phone,Company,Title,Note\n" \
  "Ana S.,ANA@acme.com,555-000-9999,Acme,CEO,Met again.\n" \
  "bob stone,bob@acme.com,,Acme,Head of buying,\n" \
  "Carl Diaz,carl@example.com,,,,\n" \
  "Carl D.,CARL@example.com,,,,\n"

static void
import_text (RapportStore         *store,
             const char           *text,
             RapportImportFlags    flags,
             RapportImportReport  *report)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, -1, NULL);
  g_autoptr(GError) error = NULL;
  RapportCsvImportOptions options = { 0, };
  RapportCsvReader *reader;

  reader = rapport_csv_reader_new (stream, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  options.kind = RAPPORT_IMPORT_CONTACTS;
  options.flags = flags;
  g_assert_true (rapport_import_csv (store, reader, &options, report, &error));
  g_assert_no_error (error);
  rapport_csv_reader_free (reader);
}

static JsonObject *
contact_json (Fixture    *f,
              const char *id)
{
  g_autofree char *out = cli (f, "contact", "show", id, "--json", NULL);

  return parse_object (out);
}

static void
test_import_duplicates (Fixture       *f,
                        gconstpointer  data)
{
  RapportImportFlags mode = GPOINTER_TO_UINT (data);
  g_autofree char *before_json = NULL, *before_rows = NULL;
  g_autofree char *after_json = NULL, *after_rows = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_auto(RapportImportReport) first = { { 0, }, NULL };
  g_auto(RapportImportReport) second = { { 0, }, NULL };
  g_autoptr(JsonObject) ana = NULL, bob = NULL;
  g_autoptr(GError) error = NULL;

  store = rapport_store_new (f->db, &error);
  g_assert_no_error (error);
  import_text (store, FIRST_FILE, RAPPORT_IMPORT_DEFAULT, &first);
  g_assert_cmpuint (first.counts.created, ==, 2);
  before_json = cli (f, "export", "all", "--format", "json", NULL);
  before_rows = dump_tables (f->db);

  import_text (store, SECOND_FILE, mode, &second);
  g_assert_cmpuint (second.counts.rows, ==, 4);
  if (mode == RAPPORT_IMPORT_DEFAULT)
    {
      /* Every row a contact of its own. */
      g_assert_cmpuint (second.counts.created, ==, 4);
      g_assert_cmpuint (second.counts.updated, ==, 0);
      g_assert_cmpuint (second.counts.skipped, ==, 0);
    }
  else
    {
      g_assert_cmpuint (second.counts.created, ==, 1);  /* Carl, once */
      g_assert_cmpuint (second.counts.updated, ==, mode == RAPPORT_IMPORT_DUPLICATES_SKIP ? 0 : 2);
      g_assert_cmpuint (second.counts.skipped, ==, mode == RAPPORT_IMPORT_DUPLICATES_SKIP ? 3 : 1);
    }

  ana = contact_json (f, "1");
  bob = contact_json (f, "2");
  switch ((guint) mode)
    {
    case RAPPORT_IMPORT_DUPLICATES_FILL:
      /* The empty fields filled; what was there stays. */
      g_assert_cmpstr (json_object_get_string_member (ana, "name"), ==, "Ana Silva");
      g_assert_cmpstr (json_object_get_string_member (ana, "title"), ==, "CEO");
      g_assert_cmpstr (json_object_get_string_member (ana, "phone"), ==, "+1 555 123 4567");
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (ana, "phones")), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (bob, "email"), ==, "bob@acme.com");
      g_assert_cmpstr (json_object_get_string_member (bob, "title"), ==, "Buyer");
      break;
    case RAPPORT_IMPORT_DUPLICATES_UPDATE:
      /* The file's values over the contact's; both numbers kept, the
       * file's first. */
      g_assert_cmpstr (json_object_get_string_member (ana, "name"), ==, "Ana S.");
      g_assert_cmpstr (json_object_get_string_member (ana, "title"), ==, "CEO");
      g_assert_cmpstr (json_object_get_string_member (ana, "email"), ==, "ana@acme.com");
      g_assert_cmpstr (json_object_get_string_member (ana, "phone"), ==, "555-000-9999");
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (ana, "phones")), ==, 2);
      g_assert_cmpstr (json_object_get_string_member (bob, "title"), ==, "Head of buying");
      break;
    default:
      g_assert_cmpstr (json_object_get_string_member (ana, "name"), ==, "Ana Silva");
      g_assert_true (json_object_get_null_member (ana, "title"));
      g_assert_true (json_object_get_null_member (bob, "email"));
      break;
    }
  if (mode == RAPPORT_IMPORT_DUPLICATES_FILL || mode == RAPPORT_IMPORT_DUPLICATES_UPDATE)
    g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM note WHERE contact_id = 1 AND body = 'Met again.'"), ==, 1);

  /* Undone as a whole: the contacts it changed as they were, to the byte. */
  g_assert_nonnull (second.counts.undo);
  g_assert_true (rapport_store_undo_import (store, second.counts.undo, &error));
  g_assert_no_error (error);
  after_json = cli (f, "export", "all", "--format", "json", NULL);
  after_rows = dump_tables (f->db);
  g_assert_cmpstr (after_json, ==, before_json);
  g_assert_cmpstr (after_rows, ==, before_rows);
}

/* The command line's choice, skip by default. */
static void
test_import_duplicates_cli (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *first = g_build_filename (f->dir, "first.csv", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second.csv", NULL);
  g_autofree char *out = NULL;
  g_autoptr(JsonObject) counts = NULL;
  g_auto(RapportTestRun) run = { 0 };
  const char *wrong[] = { "import", "csv", second, "--kind", "contacts", "--on-duplicate", "merge", NULL };

  rapport_test_write_file (first, FIRST_FILE, -1);
  rapport_test_write_file (second, SECOND_FILE, -1);
  g_free (cli (f, "import", "csv", first, "--kind", "contacts", NULL));

  out = cli (f, "import", "csv", second, "--kind", "contacts", "--dry-run", "--json", NULL);
  counts = parse_object (out);
  g_assert_cmpint (json_object_get_int_member (counts, "created"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "skipped"), ==, 3);
  g_clear_pointer (&counts, json_object_unref);
  g_free (out);
  out = cli (f, "import", "csv", second, "--kind", "contacts", "--on-duplicate", "fill", "--json", NULL);
  counts = parse_object (out);
  g_assert_cmpint (json_object_get_int_member (counts, "updated"), ==, 2);

  rapport_test_run_cli (f->db, wrong, &run);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--on-duplicate"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("RAPPORT_NOW", NOW, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/merge/contacts", Fixture, NULL, fixture_set_up, test_merge_contacts, fixture_tear_down);
  g_test_add ("/merge/organizations", Fixture, NULL, fixture_set_up, test_merge_organizations, fixture_tear_down);

  g_test_add ("/merge/import/create", Fixture, GUINT_TO_POINTER (RAPPORT_IMPORT_DEFAULT),
              fixture_set_up, test_import_duplicates, fixture_tear_down);
  g_test_add ("/merge/import/skip", Fixture, GUINT_TO_POINTER (RAPPORT_IMPORT_DUPLICATES_SKIP),
              fixture_set_up, test_import_duplicates, fixture_tear_down);
  g_test_add ("/merge/import/fill", Fixture, GUINT_TO_POINTER (RAPPORT_IMPORT_DUPLICATES_FILL),
              fixture_set_up, test_import_duplicates, fixture_tear_down);
  g_test_add ("/merge/import/update", Fixture, GUINT_TO_POINTER (RAPPORT_IMPORT_DUPLICATES_UPDATE),
              fixture_set_up, test_import_duplicates, fixture_tear_down);
  g_test_add ("/merge/import/cli", Fixture, NULL, fixture_set_up, test_import_duplicates_cli, fixture_tear_down);

  return g_test_run ();
}
