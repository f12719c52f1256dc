/* test-records.c — addresses, birthdays, tags and custom fields: their
 * rules, the lists and search that find them, merge and delete with their
 * undo, the command line, and the CSV and vCard round trips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rapport-record-list.h"
#include "rapport-test-support.h"

#define NOW "2026-03-20T12:00:00Z"

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
  g_setenv ("RAPPORT_NOW", NOW, TRUE);
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

static JsonObject *
show (Fixture    *f,
      const char *kind,
      const char *id)
{
  g_autofree char *out = cli (f, kind, "show", id, "--json", NULL);

  return parse_object (out);
}

/* "a,b": the record's tags in order. */
static char *
tags_of (JsonObject *object)
{
  JsonArray *tags = json_object_get_array_member (object, "tags");
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (tags); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, json_array_get_string_element (tags, i));
    }
  return g_string_free (out, FALSE);
}

static const char *
custom_of (JsonObject *object,
           const char *name)
{
  JsonObject *fields = json_object_get_object_member (object, "fields");

  return json_object_has_member (fields, name) ? json_object_get_string_member (fields, name) : NULL;
}

static gboolean
cli_fails (Fixture     *f,
           const char **args,
           const char  *words)
{
  g_auto(RapportTestRun) run = { 0 };

  rapport_test_run_cli (f->db, args, &run);
  if (run.status == 0)
    return FALSE;
  if (words != NULL && strstr (run.err, words) == NULL)
    g_error ("“%s” not in: %s", words, run.err);
  return TRUE;
}

/* The rules, once per type */

static void
test_validate (void)
{
  g_autoptr(GError) error = NULL;
  const char * const choices[] = { "North", "South", NULL };
  char *value = NULL;

  g_assert_true (rapport_custom_value_check (RAPPORT_FIELD_TEXT, NULL, "  Anything  ", &value, &error));
  g_assert_cmpstr (value, ==, "Anything");
  g_clear_pointer (&value, g_free);
  g_assert_false (rapport_custom_value_check (RAPPORT_FIELD_TEXT, NULL, "two\nlines", &value, &error));
  g_clear_error (&error);

  g_assert_true (rapport_custom_value_check (RAPPORT_FIELD_NUMBER, NULL, "12.50", &value, &error));
  g_assert_cmpstr (value, ==, "12.5");
  g_clear_pointer (&value, g_free);
  g_assert_true (rapport_custom_value_check (RAPPORT_FIELD_NUMBER, NULL, "-3", &value, &error));
  g_assert_cmpstr (value, ==, "-3");
  g_clear_pointer (&value, g_free);
  g_assert_false (rapport_custom_value_check (RAPPORT_FIELD_NUMBER, NULL, "12,5", &value, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rapport_custom_value_check (RAPPORT_FIELD_NUMBER, NULL, "1e999", &value, &error));
  g_clear_error (&error);
  g_assert_false (rapport_custom_value_check (RAPPORT_FIELD_NUMBER, NULL, "nan", &value, &error));
  g_clear_error (&error);

  g_assert_true (rapport_custom_value_check (RAPPORT_FIELD_DATE, NULL, "2024-02-29", &value, &error));
  g_assert_cmpstr (value, ==, "2024-02-29");
  g_clear_pointer (&value, g_free);
  g_assert_false (rapport_custom_value_check (RAPPORT_FIELD_DATE, NULL, "2023-02-29", &value, &error));
  g_clear_error (&error);

  g_assert_true (rapport_custom_value_check (RAPPORT_FIELD_CHOICE, choices, "south", &value, &error));
  g_assert_cmpstr (value, ==, "South");
  g_clear_pointer (&value, g_free);
  g_assert_false (rapport_custom_value_check (RAPPORT_FIELD_CHOICE, choices, "East", &value, &error));
  g_clear_error (&error);

  /* Blank is no value, for every type. */
  g_assert_true (rapport_custom_value_check (RAPPORT_FIELD_DATE, NULL, "  ", &value, &error));
  g_assert_null (value);

  g_assert_true (rapport_tag_check ("Key account", &error));
  g_assert_false (rapport_tag_check ("a,b", &error));
  g_clear_error (&error);
  g_assert_false (rapport_tag_check ("", &error));
  g_clear_error (&error);
  {
    g_autofree char *long_tag = g_strnfill (RAPPORT_TAG_MAX_BYTES + 1, 'x');

    g_assert_false (rapport_tag_check (long_tag, &error));
    g_clear_error (&error);
  }
}

/* Tags and custom fields through the store */

static void
test_tags_and_fields (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCustomField) region = NULL;
  g_autoptr(RapportCustomField) missing = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GListModel) tagged = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) all = NULL;
  const char * const no_choices[] = { NULL };
  const char * const choices[] = { "North", "South", NULL };
  gint64 one = 1, two = 2;

  g_free (cli (f, "contact", "add", "Ann Berg", NULL));
  g_free (cli (f, "contact", "add", "Bo Chen", NULL));
  g_free (cli (f, "contact", "add", "Cy Dahl", NULL));
  store = rapport_store_new (f->db, &error);
  g_assert_no_error (error);

  g_assert_true (rapport_store_set_tag (store, RAPPORT_ENTITY_CONTACT, 1, "VIP", TRUE, &error));
  /* The same tag in another case is the same tag. */
  g_assert_true (rapport_store_set_tag (store, RAPPORT_ENTITY_CONTACT, 1, " vip ", TRUE, &error));
  g_assert_true (rapport_store_set_tag (store, RAPPORT_ENTITY_CONTACT, 1, "Fair 2026", TRUE, &error));
  g_assert_true (rapport_store_set_tag (store, RAPPORT_ENTITY_CONTACT, 2, "vip", TRUE, &error));
  g_assert_no_error (error);
  tags = rapport_store_get_tags (store, RAPPORT_ENTITY_CONTACT, 1, &error);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "Fair 2026");
  g_assert_cmpstr (tags[1], ==, "VIP");
  all = rapport_store_list_tags (store, RAPPORT_ENTITY_CONTACT, &error);
  g_assert_cmpuint (g_strv_length (all), ==, 2);
  g_assert_cmpstr (all[1], ==, "VIP");  /* one spelling of the two */

  ids = rapport_store_get_tagged (store, RAPPORT_ENTITY_CONTACT, "Vip", &error);
  g_assert_cmpuint (g_hash_table_size (ids), ==, 2);
  g_assert_true (g_hash_table_contains (ids, &one) && g_hash_table_contains (ids, &two));
  tagged = rapport_store_query_contacts_tagged (store, RAPPORT_CONTACT_SORT_NAME, TRUE, -1, NULL, "VIP");
  g_assert_cmpuint (g_list_model_get_n_items (tagged), ==, 2);
  g_assert_cmpint (rapport_record_list_get_id (RAPPORT_RECORD_LIST (tagged), 0), ==, 2);  /* descending */

  /* A tag it lacks cannot go; a bad tag cannot come. */
  g_assert_false (rapport_store_set_tag (store, RAPPORT_ENTITY_CONTACT, 3, "VIP", FALSE, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rapport_store_set_tag (store, RAPPORT_ENTITY_CONTACT, 3, "a,b", TRUE, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rapport_store_set_tag (store, RAPPORT_ENTITY_CONTACT, 99, "VIP", TRUE, &error));
  g_clear_error (&error);

  g_assert_true (rapport_store_set_tag (store, RAPPORT_ENTITY_CONTACT, 2, "VIP", FALSE, &error));
  g_assert_cmpuint (g_list_model_get_n_items (tagged), ==, 1);  /* the list follows */

  /* Fields: a choice needs choices, others take none, names are unique. */
  g_assert_null (rapport_store_add_custom_field (store, RAPPORT_ENTITY_CONTACT, "Region",
                                                 RAPPORT_FIELD_CHOICE, no_choices, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rapport_store_add_custom_field (store, RAPPORT_ENTITY_CONTACT, "Score",
                                                 RAPPORT_FIELD_NUMBER, choices, &error));
  g_clear_error (&error);
  region = rapport_store_add_custom_field (store, RAPPORT_ENTITY_CONTACT, "Region",
                                           RAPPORT_FIELD_CHOICE, choices, &error);
  g_assert_no_error (error);
  g_assert_nonnull (region);
  g_assert_null (rapport_store_add_custom_field (store, RAPPORT_ENTITY_CONTACT, "REGION",
                                                 RAPPORT_FIELD_TEXT, NULL, &error));
  g_clear_error (&error);
  /* The same name for the other kind is another field. */
  g_clear_pointer (&missing, rapport_custom_field_free);
  missing = rapport_store_add_custom_field (store, RAPPORT_ENTITY_ORGANIZATION, "Region",
                                            RAPPORT_FIELD_TEXT, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (rapport_store_set_custom_value (store, 1, region, "north", &error));
  g_assert_false (rapport_store_set_custom_value (store, 2, region, "West", &error));
  g_clear_error (&error);
  values = rapport_store_get_custom_values (store, RAPPORT_ENTITY_CONTACT, 1, &error);
  g_assert_cmpuint (values->len, ==, 1);
  g_assert_cmpstr (rapport_custom_values_lookup (values, region->id), ==, "North");
  g_clear_pointer (&values, g_ptr_array_unref);
  g_assert_true (rapport_store_set_custom_value (store, 1, region, "", &error));
  values = rapport_store_get_custom_values (store, RAPPORT_ENTITY_CONTACT, 1, &error);
  g_assert_cmpuint (values->len, ==, 0);
}

/* Search finds tags, addresses, industries and custom values, and forgets
 * them when they go. */
static gboolean
found (RapportStore      *store,
       const char        *text,
       RapportSearchKind  kind,
       gint64             id)
{
  g_autoptr(GArray) hits = rapport_store_search (store, text, 20, NULL);

  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      RapportSearchHit *hit = &g_array_index (hits, RapportSearchHit, i);

      if (hit->kind == kind && hit->id == id)
        return TRUE;
    }
  return FALSE;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCustomField) field = NULL;

  g_free (cli (f, "contact", "add", "Ann Berg", NULL));
  g_free (cli (f, "org", "add", "Acme", NULL));
  g_free (cli (f, "contact", "set", "1", "address", "7 Quayside, Gdańsk", NULL));
  g_free (cli (f, "org", "set", "1", "industry", "Shipbuilding", NULL));
  g_free (cli (f, "field", "add", "contact", "Hobby", NULL));
  g_free (cli (f, "contact", "set", "1", "Hobby", "Orienteering", NULL));
  g_free (cli (f, "contact", "tag", "1", "Trawlers", NULL));
  g_free (cli (f, "org", "tag", "1", "Harbour", NULL));

  store = rapport_store_new (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (found (store, "quaysi", RAPPORT_SEARCH_CONTACT, 1));
  g_assert_true (found (store, "gdansk", RAPPORT_SEARCH_CONTACT, 1));
  g_assert_true (found (store, "orient", RAPPORT_SEARCH_CONTACT, 1));
  g_assert_true (found (store, "trawl", RAPPORT_SEARCH_CONTACT, 1));
  g_assert_true (found (store, "shipbu", RAPPORT_SEARCH_ORGANIZATION, 1));
  g_assert_true (found (store, "harbour", RAPPORT_SEARCH_ORGANIZATION, 1));
  /* The name and e-mail are still found with them. */
  g_assert_true (found (store, "ann", RAPPORT_SEARCH_CONTACT, 1));

  g_assert_true (rapport_store_set_tag (store, RAPPORT_ENTITY_CONTACT, 1, "Trawlers", FALSE, &error));
  field = rapport_store_find_custom_field (store, RAPPORT_ENTITY_CONTACT, "hobby", &error);
  g_assert_nonnull (field);
  g_assert_true (rapport_store_set_custom_value (store, 1, field, NULL, &error));
  g_assert_false (found (store, "trawl", RAPPORT_SEARCH_CONTACT, 1));
  g_assert_false (found (store, "orient", RAPPORT_SEARCH_CONTACT, 1));
  g_assert_true (found (store, "quaysi", RAPPORT_SEARCH_CONTACT, 1));
}

/* Two contacts with tags (one shared) and custom values (one both have):
 * the kept one has every tag and its own value; the undo puts every row
 * back as it was. */
static void
test_merge_keeps_tags (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportMergeUndo) undo = NULL;
  g_autoptr(JsonObject) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tags = NULL;

  g_free (cli (f, "contact", "add", "Ana Silva", NULL));
  g_free (cli (f, "contact", "add", "ana silva", NULL));
  g_free (cli (f, "field", "add", "contact", "Region", NULL));
  g_free (cli (f, "field", "add", "contact", "Shoe size", "--type", "number", NULL));
  g_free (cli (f, "contact", "tag", "1", "VIP", NULL));
  g_free (cli (f, "contact", "tag", "2", "vip", NULL));
  g_free (cli (f, "contact", "tag", "2", "Fair", NULL));
  g_free (cli (f, "contact", "set", "1", "Region", "North", NULL));
  g_free (cli (f, "contact", "set", "2", "Region", "South", NULL));
  g_free (cli (f, "contact", "set", "2", "Shoe size", "38", NULL));
  g_free (cli (f, "contact", "set", "2", "birthday", "1990-01-02", NULL));
  before = rapport_test_dump_tables (f->db);

  store = rapport_store_new (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_store_merge (store, RAPPORT_ENTITY_CONTACT, 1, 2,
                                      rapport_store_merge_fill (store, RAPPORT_ENTITY_CONTACT, 1, 2),
                                      &undo, &error));
  g_assert_no_error (error);

  kept = show (f, "contact", "1");
  tags = tags_of (kept);
  g_assert_cmpstr (tags, ==, "Fair,VIP");
  g_assert_cmpstr (custom_of (kept, "Region"), ==, "North");
  g_assert_cmpstr (custom_of (kept, "Shoe size"), ==, "38");
  g_assert_cmpstr (json_object_get_string_member (kept, "birthday"), ==, "1990-01-02");

  g_assert_true (rapport_store_undo_merge (store, undo, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  after = rapport_test_dump_tables (f->db);
  g_assert_cmpstr (after, ==, before);
}

/* A deleted contact or organization takes its tags and values with it;
 * Ctrl+Z brings them back, search too. */
static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *before = NULL, *after = NULL, *gone = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportDeleteUndo) undo = NULL;
  g_autoptr(RapportDeleteUndo) org_undo = NULL;
  g_autoptr(GError) error = NULL;

  g_free (cli (f, "org", "add", "Acme", NULL));
  g_free (cli (f, "contact", "add", "Ann Berg", "--org", "1", NULL));
  g_free (cli (f, "field", "add", "contact", "Region", NULL));
  g_free (cli (f, "field", "add", "organization", "Tier", "--type", "choice", "--choices", "Gold,Silver", NULL));
  g_free (cli (f, "contact", "tag", "1", "Lighthouse", NULL));
  g_free (cli (f, "contact", "set", "1", "Region", "Baltic", NULL));
  g_free (cli (f, "org", "tag", "1", "Key account", NULL));
  g_free (cli (f, "org", "set", "1", "Tier", "gold", NULL));
  g_free (cli (f, "org", "set", "1", "size", "40", NULL));
  before = rapport_test_dump_tables (f->db);

  store = rapport_store_new (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_store_delete_record (store, RAPPORT_ENTITY_CONTACT, 1, &undo, &error));
  g_assert_true (rapport_store_delete_record (store, RAPPORT_ENTITY_ORGANIZATION, 1, &org_undo, &error));
  g_assert_no_error (error);
  gone = rapport_test_dump_tables (f->db);
  g_assert_null (strstr (gone, "Lighthouse"));
  g_assert_null (strstr (gone, "Baltic"));
  g_assert_null (strstr (gone, "Key account"));
  g_assert_false (found (store, "lighthouse", RAPPORT_SEARCH_CONTACT, 1));

  g_assert_true (rapport_store_undo_delete (store, org_undo, &error));
  g_assert_true (rapport_store_undo_delete (store, undo, &error));
  g_assert_no_error (error);
  g_assert_true (found (store, "lighthouse", RAPPORT_SEARCH_CONTACT, 1));
  g_assert_true (found (store, "key", RAPPORT_SEARCH_ORGANIZATION, 1));
  g_clear_object (&store);
  after = rapport_test_dump_tables (f->db);
  g_assert_cmpstr (after, ==, before);
}

/* The organizations list sorts by its columns, missing values last; and
 * filters by a tag. */
static void
test_organization_sort (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GListModel) by_size = NULL;
  g_autoptr(GListModel) by_size_down = NULL;
  g_autoptr(GListModel) by_industry = NULL;
  g_autoptr(GListModel) tagged = NULL;
  g_autoptr(GError) error = NULL;

  g_free (cli (f, "org", "add", "Alpha", NULL));
  g_free (cli (f, "org", "add", "Beta", NULL));
  g_free (cli (f, "org", "add", "Gamma", NULL));
  g_free (cli (f, "org", "set", "1", "size", "500", NULL));
  g_free (cli (f, "org", "set", "3", "size", "20", NULL));
  g_free (cli (f, "org", "set", "2", "industry", "Mining", NULL));
  g_free (cli (f, "org", "set", "3", "industry", "aviation", NULL));
  g_free (cli (f, "org", "tag", "2", "Key", NULL));
  g_assert_true (cli_fails (f, (const char *[]) { "org", "set", "1", "size", "many", NULL }, "whole number"));

  store = rapport_store_new (f->db, &error);
  g_assert_no_error (error);
#define ID(list, i) rapport_record_list_get_id (RAPPORT_RECORD_LIST (list), i)
  by_size = rapport_store_query_organizations (store, RAPPORT_ORGANIZATION_SORT_SIZE, FALSE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (by_size), ==, 3);
  g_assert_cmpint (ID (by_size, 0), ==, 3);
  g_assert_cmpint (ID (by_size, 1), ==, 1);
  g_assert_cmpint (ID (by_size, 2), ==, 2);
  by_size_down = rapport_store_query_organizations (store, RAPPORT_ORGANIZATION_SORT_SIZE, TRUE, NULL);
  g_assert_cmpint (ID (by_size_down, 0), ==, 1);
  g_assert_cmpint (ID (by_size_down, 2), ==, 2);  /* none last, either way */
  by_industry = rapport_store_query_organizations (store, RAPPORT_ORGANIZATION_SORT_INDUSTRY, FALSE, NULL);
  g_assert_cmpint (ID (by_industry, 0), ==, 3);   /* any case */
  g_assert_cmpint (ID (by_industry, 1), ==, 2);
  tagged = rapport_store_query_organizations (store, RAPPORT_ORGANIZATION_SORT_NAME, FALSE, "key");
  g_assert_cmpuint (g_list_model_get_n_items (tagged), ==, 1);
  g_assert_cmpint (ID (tagged, 0), ==, 2);
#undef ID
}

/* The command line: set, tag, field add|list, deal list --tag. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(JsonObject) ann = NULL;
  g_autofree char *out = NULL, *deals = NULL, *fields = NULL, *tags = NULL;

  g_free (cli (f, "org", "add", "Acme", NULL));
  g_free (cli (f, "contact", "add", "Ann Berg", NULL));
  g_free (cli (f, "contact", "add", "Bo Chen", "--org", "1", NULL));
  g_free (cli (f, "deal", "add", "Ann's deal", "--value", "10", "--contact", "1", NULL));
  g_free (cli (f, "deal", "add", "Acme's deal", "--value", "10", "--org", "1", NULL));
  g_free (cli (f, "deal", "add", "Nobody's deal", "--value", "10", NULL));

  g_free (cli (f, "field", "add", "contact", "Region", "--type", "choice", "--choices", "North, South", NULL));
  g_free (cli (f, "field", "add", "contact", "Since", "--type", "date", NULL));
  g_assert_true (cli_fails (f, (const char *[]) { "field", "add", "contact", "Odd", "--type", "colour", NULL },
                            "text, number, date or choice"));
  g_assert_true (cli_fails (f, (const char *[]) { "field", "add", "contact", "Tier", "--type", "choice", NULL },
                            "--choices"));
  g_assert_true (cli_fails (f, (const char *[]) { "field", "add", "deal", "X", NULL }, NULL));
  fields = cli (f, "field", "list", "contact", NULL);
  g_assert_nonnull (strstr (fields, "Region\tchoice\tNorth,South"));
  g_assert_nonnull (strstr (fields, "Since\tdate"));

  g_free (cli (f, "contact", "set", "1", "address", "1 Main St", NULL));
  g_free (cli (f, "contact", "set", "1", "birthday", "1980-02-03", NULL));
  g_free (cli (f, "contact", "set", "1", "region", "SOUTH", NULL));
  g_free (cli (f, "contact", "set", "1", "Since", "2020-05-01", NULL));
  g_free (cli (f, "contact", "tag", "1", "VIP", NULL));
  g_assert_true (cli_fails (f, (const char *[]) { "contact", "set", "1", "birthday", "3 Feb", NULL }, "not a date"));
  g_assert_true (cli_fails (f, (const char *[]) { "contact", "set", "1", "Since", "soon", NULL }, "not a date"));
  g_assert_true (cli_fails (f, (const char *[]) { "contact", "set", "1", "Shoe", "42", NULL }, "no field"));
  g_assert_true (cli_fails (f, (const char *[]) { "contact", "set", "1", "last-contacted-at", "1", NULL }, NULL));
  g_assert_true (cli_fails (f, (const char *[]) { "contact", "tag", "1", "Nope", "--remove", NULL }, "no tag"));

  ann = show (f, "contact", "1");
  g_assert_cmpstr (json_object_get_string_member (ann, "address"), ==, "1 Main St");
  g_assert_cmpstr (json_object_get_string_member (ann, "birthday"), ==, "1980-02-03");
  g_assert_cmpstr (custom_of (ann, "Region"), ==, "South");
  g_assert_cmpstr (custom_of (ann, "Since"), ==, "2020-05-01");
  tags = tags_of (ann);
  g_assert_cmpstr (tags, ==, "VIP");
  out = cli (f, "contact", "show", "1", NULL);
  g_assert_nonnull (strstr (out, "Tags: VIP\n"));
  g_assert_nonnull (strstr (out, "Region: South\n"));

  /* A deal has a tag through its contact or its organization. */
  deals = cli (f, "deal", "list", "--tag", "vip", NULL);
  g_assert_nonnull (strstr (deals, "Ann's deal"));
  g_assert_null (strstr (deals, "Acme's deal"));
  g_free (cli (f, "org", "tag", "1", "VIP", NULL));
  g_free (deals);
  deals = cli (f, "deal", "list", "--tag", "VIP", NULL);
  g_assert_nonnull (strstr (deals, "Ann's deal"));
  g_assert_nonnull (strstr (deals, "Acme's deal"));
  g_assert_null (strstr (deals, "Nobody's deal"));

  g_free (cli (f, "contact", "tag", "1", "vip", "--remove", NULL));
  g_free (deals);
  deals = cli (f, "deal", "list", "--tag", "VIP", NULL);
  g_assert_null (strstr (deals, "Ann's deal"));
}

/* Exports carry everything, and the imports read it back: CSV for
 * contacts and organizations, vCard for contacts, JSON for all. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "contacts.csv", NULL);
  g_autofree char *orgs = g_build_filename (f->dir, "orgs.csv", NULL);
  g_autofree char *vcf = g_build_filename (f->dir, "contacts.vcf", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *json = NULL, *card = NULL, *text = NULL;
  g_autoptr(JsonObject) back = NULL;
  g_autoptr(JsonObject) org = NULL;
  g_autofree char *tags = NULL, *org_tags = NULL;

  g_free (cli (f, "org", "add", "Acme", NULL));
  g_free (cli (f, "org", "set", "1", "address", "Dock 4\nHamburg", NULL));
  g_free (cli (f, "org", "set", "1", "industry", "Shipping", NULL));
  g_free (cli (f, "org", "set", "1", "size", "1200", NULL));
  g_free (cli (f, "org", "tag", "1", "Key account", NULL));
  g_free (cli (f, "field", "add", "organization", "Tier", "--type", "choice", "--choices", "Gold,Silver", NULL));
  g_free (cli (f, "org", "set", "1", "Tier", "Gold", NULL));
  g_free (cli (f, "contact", "add", "Ann Berg", "--email", "ann@example.org", NULL));
  g_free (cli (f, "contact", "set", "1", "address", "1 Main St; Flat 2\nSpringfield, IL", NULL));
  g_free (cli (f, "contact", "set", "1", "birthday", "1980-02-03", NULL));
  g_free (cli (f, "contact", "tag", "1", "VIP", NULL));
  g_free (cli (f, "contact", "tag", "1", "Trade fair", NULL));
  g_free (cli (f, "field", "add", "contact", "Score", "--type", "number", NULL));
  g_free (cli (f, "contact", "set", "1", "Score", "7.25", NULL));

  text = cli (f, "export", "contacts", "--format", "csv", "--output", csv, NULL);
  g_clear_pointer (&text, g_free);
  text = cli (f, "export", "organizations", "--format", "csv", "--output", orgs, NULL);
  g_clear_pointer (&text, g_free);
  text = cli (f, "export", "contacts", "--format", "vcard", "--output", vcf, NULL);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (vcf, &card, NULL, NULL));
  g_assert_nonnull (strstr (card, "ADR:;;1 Main St\\; Flat 2\\nSpringfield\\, IL;;;;\r\n"));
  g_assert_nonnull (strstr (card, "BDAY:1980-02-03\r\n"));
  g_assert_nonnull (strstr (card, "CATEGORIES:Trade fair,VIP\r\n"));
  json = cli (f, "export", "all", "--format", "json", NULL);
  g_assert_nonnull (strstr (json, "\"Trade fair\""));
  g_assert_nonnull (strstr (json, "\"Score\":\"7.25\""));
  g_assert_nonnull (strstr (json, "\"industry\":\"Shipping\""));

  /* Into another database with the same fields. */
  g_free (rapport_test_cli_ok (other, "field", "add", "contact", "Score", "--type", "number", NULL));
  g_free (rapport_test_cli_ok (other, "field", "add", "organization", "Tier", "--type", "choice",
                               "--choices", "Gold,Silver", NULL));
  g_free (rapport_test_cli_ok (other, "import", "csv", orgs, "--kind", "organizations", NULL));
  g_free (rapport_test_cli_ok (other, "import", "csv", csv, "--kind", "contacts", NULL));
  text = rapport_test_cli_ok (other, "contact", "show", "1", "--json", NULL);
  back = parse_object (text);
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (json_object_get_string_member (back, "address"), ==, "1 Main St; Flat 2\nSpringfield, IL");
  g_assert_cmpstr (json_object_get_string_member (back, "birthday"), ==, "1980-02-03");
  tags = tags_of (back);
  g_assert_cmpstr (tags, ==, "Trade fair,VIP");
  g_assert_cmpstr (custom_of (back, "Score"), ==, "7.25");
  text = rapport_test_cli_ok (other, "org", "show", "1", "--json", NULL);
  org = parse_object (text);
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (json_object_get_string_member (org, "address"), ==, "Dock 4\nHamburg");
  g_assert_cmpstr (json_object_get_string_member (org, "industry"), ==, "Shipping");
  g_assert_cmpint (json_object_get_int_member (org, "size"), ==, 1200);
  g_assert_cmpstr (custom_of (org, "Tier"), ==, "Gold");
  org_tags = tags_of (org);
  g_assert_cmpstr (org_tags, ==, "Key account");

  /* The vCard, as a new contact. */
  g_free (rapport_test_cli_ok (other, "import", "vcard", vcf, "--on-duplicate", "create", NULL));
  g_clear_pointer (&back, json_object_unref);
  text = rapport_test_cli_ok (other, "contact", "show", "2", "--json", NULL);
  back = parse_object (text);
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (json_object_get_string_member (back, "address"), ==, "1 Main St; Flat 2\nSpringfield, IL");
  g_assert_cmpstr (json_object_get_string_member (back, "birthday"), ==, "1980-02-03");
  g_clear_pointer (&tags, g_free);
  tags = tags_of (back);
  g_assert_cmpstr (tags, ==, "Trade fair,VIP");
}

/* A column of a custom field the database lacks is the import's fault, on
 * its line. */
static void
test_import_unknown_field (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "contacts.csv", NULL);

  g_free (cli (f, "init", NULL));
  rapport_test_write_file (csv, "name,tags,field:Colour\r\nAnn,\"a, b\",Blue\r\n", -1);
  g_assert_true (cli_fails (f, (const char *[]) { "import", "csv", csv, "--kind", "contacts", NULL },
                            "no field called"));
}

/* A row that is a contact there already fills its empty address and
 * birthday. */
static void
test_import_fill (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "contacts.csv", NULL);
  g_autoptr(JsonObject) ann = NULL;

  g_free (cli (f, "contact", "add", "Ann Berg", "--email", "ann@example.org", NULL));
  rapport_test_write_file (csv, "name,email,address,birthday\r\nAnn Berg,ann@example.org,1 Main St,1980-02-03\r\n", -1);
  g_free (cli (f, "import", "csv", csv, "--kind", "contacts", "--on-duplicate", "fill", NULL));
  ann = show (f, "contact", "1");
  g_assert_cmpstr (json_object_get_string_member (ann, "address"), ==, "1 Main St");
  g_assert_cmpstr (json_object_get_string_member (ann, "birthday"), ==, "1980-02-03");
}

/* Another program's card: ADR's parts a line each, BDAY without dashes,
 * CATEGORIES with an escaped comma inside one of them. */
static void
test_vcard_reader (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *card = g_test_build_filename (G_TEST_DIST, "data", "vcard", "records.vcf", NULL);
  g_autoptr(JsonObject) ann = NULL;
  JsonArray *tags;

  g_free (cli (f, "import", "vcard", card, NULL));
  ann = show (f, "contact", "1");
  g_assert_cmpstr (json_object_get_string_member (ann, "address"), ==,
                   "1 Main St; Flat 2\nSpringfield\nIL\n62701\nUSA");
  g_assert_cmpstr (json_object_get_string_member (ann, "birthday"), ==, "1980-02-03");
  tags = json_object_get_array_member (ann, "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (tags, 1), ==, "VIP");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/records/validate", test_validate);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/records/tags-and-fields", test_tags_and_fields);
  ADD ("/records/search", test_search);
  ADD ("/records/merge-keeps-tags", test_merge_keeps_tags);
  ADD ("/records/delete-undo", test_delete_undo);
  ADD ("/records/organization-sort", test_organization_sort);
  ADD ("/records/cli", test_cli);
  ADD ("/records/round-trip", test_round_trip);
  ADD ("/records/import-unknown-field", test_import_unknown_field);
  ADD ("/records/import-fill", test_import_fill);
  ADD ("/records/vcard-reader", test_vcard_reader);
#undef ADD

  return g_test_run ();
}
