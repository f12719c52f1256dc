/* test-delete.c — every kind of record deleted, and brought back exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The records are made with rapport-cli, deleted and brought back through
 * the store, and read back with `export all --format json` and with plain
 * SQLite: after the undo both are what they were, byte for byte.
 */

#define _GNU_SOURCE 1  /* memmem */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "rapport-test-support.h"

#define NOW "2026-03-20T12:00:00Z"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

/* One record of each kind, all linked: contact 1 of organization 1 with
 * two e-mails and a phone, deal 1 with both, a note on each of the three,
 * a call logged on the contact and the deal, the lead's follow-up, a
 * negotiation entry, and the deal moved a stage on (its history). */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = rapport_test_tmpdir_new ();
  f->db = g_build_filename (f->dir, "rapport.db", NULL);

  g_free (rapport_test_cli_ok (f->db, "org", "add", "Acme", NULL));
  g_free (rapport_test_cli_ok (f->db, "contact", "add", "Ana Silva", "--emails", "work=ana@acme.com,home=ana@home.org",
                               "--phones", "work=+1 555 123 4567", "--org", "1", "--lead", NULL));
  g_free (rapport_test_cli_ok (f->db, "deal", "add", "Fleet", "--value", "9000", "--contact", "1", "--org", "1", NULL));
  g_free (rapport_test_cli_ok (f->db, "note", "add", "--contact", "1", "Likes mornings.", NULL));
  g_free (rapport_test_cli_ok (f->db, "note", "add", "--deal", "1", "Budget in May.", NULL));
  g_free (rapport_test_cli_ok (f->db, "note", "add", "--org", "1", "Head office in Porto.", NULL));
  g_free (rapport_test_cli_ok (f->db, "activity", "log", "1", "call", "--deal", "1", "--note", "Called.", NULL));
  g_free (rapport_test_cli_ok (f->db, "deal", "negotiate", "1", "offer", "--amount", "8500", "--text", "First offer.", NULL));
  g_free (rapport_test_cli_ok (f->db, "deal", "move", "1", "Qualifying", NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rapport_test_tmpdir_free (f->dir);
  g_free (f->db);
}

static JsonObject *
show (Fixture    *f,
      const char *what,
      const char *id)
{
  g_autofree char *out = rapport_test_cli_ok (f->db, what, "show", id, "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static gboolean
shows (Fixture    *f,
       const char *what,
       const char *id)
{
  g_auto(RapportTestRun) run = { 0 };
  const char *args[] = { what, "show", id, NULL };

  rapport_test_run_cli (f->db, args, &run);
  return run.status == 0;
}

typedef struct
{
  RapportEntity        entity;
  RapportDeleteEffects effects;
} Case;

/* Deletes record 1 of @data's kind; its effects are as counted; the undo
 * puts back every row. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  const Case *c = data;
  g_autofree char *before_json = rapport_test_cli_ok (f->db, "export", "all", "--format", "json", NULL);
  g_autofree char *before_rows = rapport_test_dump_tables (f->db);
  g_autofree char *after_json = NULL, *after_rows = NULL, *deleted_rows = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportDeleteUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  RapportDeleteEffects effects;

  store = rapport_store_new (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_store_count_delete (store, c->entity, 1, &effects, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&effects, sizeof effects, &c->effects, sizeof c->effects);

  g_assert_true (rapport_store_delete_record (store, c->entity, 1, &undo, &error));
  g_assert_no_error (error);
  deleted_rows = rapport_test_dump_tables (f->db);
  g_assert_cmpstr (deleted_rows, !=, before_rows);

  switch ((int) c->entity)
    {
    case RAPPORT_ENTITY_CONTACT:
      {
        g_autoptr(JsonObject) deal = show (f, "deal", "1");

        g_assert_false (shows (f, "contact", "1"));
        /* The deal stays, without her; her notes and calls are gone. */
        g_assert_true (json_object_get_null_member (deal, "contact_id"));
        g_assert_null (strstr (deleted_rows, "Likes mornings."));
        g_assert_null (strstr (deleted_rows, "ana@home.org"));
        g_assert_null (strstr (deleted_rows, "Called."));
        g_assert_nonnull (strstr (deleted_rows, "Budget in May."));
        break;
      }
    case RAPPORT_ENTITY_ORGANIZATION:
      {
        g_autoptr(JsonObject) deal = show (f, "deal", "1");
        g_autoptr(JsonObject) contact = show (f, "contact", "1");

        g_assert_false (shows (f, "org", "1"));
        g_assert_true (json_object_get_null_member (deal, "organization_id"));
        g_assert_true (json_object_get_null_member (contact, "organization_id"));
        g_assert_null (strstr (deleted_rows, "Head office in Porto."));
        break;
      }
    case RAPPORT_ENTITY_DEAL:
      g_assert_false (shows (f, "deal", "1"));
      g_assert_true (shows (f, "contact", "1"));
      g_assert_null (strstr (deleted_rows, "First offer."));
      g_assert_null (strstr (deleted_rows, "Budget in May."));
      break;
    default:
      break;
    }

  /* Another change between the delete and the undo is kept (then taken
   * away, to compare). */
  g_free (rapport_test_cli_ok (f->db, "goal", "add", "--metric", "deals-won", "--period", "month",
                               "--target", "3", NULL));
  g_assert_true (rapport_store_undo_delete (store, undo, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_free (rapport_test_cli_ok (f->db, "goal", "delete", "1", NULL));

  after_json = rapport_test_cli_ok (f->db, "export", "all", "--format", "json", NULL);
  after_rows = rapport_test_dump_tables (f->db);
  g_assert_cmpstr (after_json, ==, before_json);
  g_assert_cmpstr (after_rows, ==, before_rows);
}

/* The organization was the newest: one made after its delete takes its
 * id. It comes back under a new one, and its contact, deal and note point
 * there. */
static void
test_id_taken (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportDeleteUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) contact = NULL, deal = NULL, acme = NULL, globex = NULL;
  g_autofree char *rows = NULL;

  store = rapport_store_new (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_store_delete_record (store, RAPPORT_ENTITY_ORGANIZATION, 1, &undo, &error));
  g_free (rapport_test_cli_ok (f->db, "org", "add", "Globex", NULL));
  g_assert_true (rapport_store_undo_delete (store, undo, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  globex = show (f, "org", "1");
  acme = show (f, "org", "2");
  g_assert_cmpstr (json_object_get_string_member (globex, "name"), ==, "Globex");
  g_assert_cmpstr (json_object_get_string_member (acme, "name"), ==, "Acme");
  contact = show (f, "contact", "1");
  deal = show (f, "deal", "1");
  g_assert_cmpint (json_object_get_int_member (contact, "organization_id"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (deal, "organization_id"), ==, 2);
  rows = rapport_test_dump_tables (f->db);
  g_assert_nonnull (strstr (rows, "|NULL|NULL|2|Head office in Porto.|"));
}

static gsize
occurrences (const char *path,
             const char *needle)
{
  g_autofree char *bytes = NULL;
  gsize len = 0, n = 0;

  if (!g_file_get_contents (path, &bytes, &len, NULL))
    return 0;
  /* The file has NUL bytes: memmem, not a string search. */
  for (const char *p = bytes; (p = memmem (p, len - (gsize) (p - bytes), needle, strlen (needle))) != NULL; p++)
    n++;
  return n;
}

/* After an erase her name, e-mails and phone are nowhere in the file's
 * bytes or its -wal: not in her rows, not in a note on the deal that
 * names her, not in the search index, not on free pages. */
static void
test_erase (Fixture       *f,
            gconstpointer  data)
{
  static const char * const needles[] = { "Ana Silva", "ana@acme.com", "ana@home.org", "+1 555 123 4567" };
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autofree char *out = NULL;
  g_autoptr(JsonObject) deal = NULL;
  g_auto(RapportTestRun) unasked = { 0 };
  const char *no_yes[] = { "contact", "erase", "1", NULL };

  g_free (rapport_test_cli_ok (f->db, "note", "add", "--deal", "1", "Ana Silva wants it by June.", NULL));
  g_free (rapport_test_cli_ok (f->db, "deal", "add", "Ana Silva renewal", "--value", "100", NULL));
  g_assert_cmpuint (occurrences (f->db, "Ana Silva") + occurrences (wal, "Ana Silva"), >, 0);

  rapport_test_run_cli (f->db, no_yes, &unasked);
  g_assert_cmpint (unasked.status, ==, 2);
  g_assert_nonnull (strstr (unasked.err, "cannot be undone"));
  g_assert_true (shows (f, "contact", "1"));

  out = rapport_test_cli_ok (f->db, "contact", "erase", "1", "--yes", NULL);
  g_assert_cmpstr (out, ==, "Erased “Ana Silva” for good.\n");
  g_assert_false (shows (f, "contact", "1"));
  deal = show (f, "deal", "2");
  g_assert_cmpstr (json_object_get_string_member (deal, "title"), ==, "(erased) renewal");
  g_assert_true (shows (f, "deal", "1"));

  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      g_assert_cmpuint (occurrences (f->db, needles[i]), ==, 0);
      g_assert_cmpuint (occurrences (wal, needles[i]), ==, 0);
    }
  /* What did not name her stays. */
  g_assert_cmpuint (occurrences (f->db, "Budget in May."), >, 0);
}

/* The command line's sentences and refusals. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = rapport_test_cli_ok (f->db, "contact", "delete", "1", NULL);
  g_auto(RapportTestRun) missing = { 0 }, malformed = { 0 };
  const char *again[] = { "contact", "delete", "1", NULL };
  const char *word[] = { "note", "delete", "first", NULL };

  g_assert_cmpstr (out, ==,
                   "Deleted the contact “Ana Silva”.\n"
                   "2 activities were deleted with it.\n"
                   "1 note was deleted with it.\n"
                   "1 deal stays, without its contact.\n");
  rapport_test_run_cli (f->db, again, &missing);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "There is no contact with the id 1; nothing was deleted"));
  rapport_test_run_cli (f->db, word, &malformed);
  g_assert_cmpint (malformed.status, ==, 1);
  g_assert_nonnull (strstr (malformed.err, "is not a note id"));
}

int
main (int    argc,
      char **argv)
{
  static const Case contact = { RAPPORT_ENTITY_CONTACT, { .activities = 2, .notes = 1, .deals_kept = 1 } };
  static const Case organization = { RAPPORT_ENTITY_ORGANIZATION, { .notes = 1, .deals_kept = 1, .contacts_kept = 1 } };
  static const Case deal = { RAPPORT_ENTITY_DEAL, { .activities = 1, .notes = 1, .negotiation_entries = 1 } };
  static const Case activity = { RAPPORT_ENTITY_ACTIVITY, { 0 } };
  static const Case note = { RAPPORT_ENTITY_NOTE, { 0 } };
  static const Case entry = { RAPPORT_ENTITY_NEGOTIATION_ENTRY, { 0 } };

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("RAPPORT_NOW", NOW, TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/delete/contact", Fixture, &contact, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/delete/organization", Fixture, &organization, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/delete/deal", Fixture, &deal, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/delete/activity", Fixture, &activity, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/delete/note", Fixture, &note, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/delete/negotiation-entry", Fixture, &entry, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/delete/id-taken", Fixture, NULL, fixture_set_up, test_id_taken, fixture_tear_down);
  g_test_add ("/delete/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add ("/delete/erase", Fixture, NULL, fixture_set_up, test_erase, fixture_tear_down);

  return g_test_run ();
}
