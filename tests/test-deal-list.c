/* test-deal-list.c — the Deals view's list: every sort, every filter,
 * search by the deal's or its contact's or organization's words, a list
 * that follows the store, and the lost reasons offered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is read through the store (rapport_store_query_deals, what the
 * view shows) and through `deal list`, which runs the same query.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "rapport-test-support.h"

/* 2026-03-20 12:00 UTC */
#define NOW G_GINT64_CONSTANT (1774008000)
#define DAY (24 * 3600)

typedef struct
{
  char         *dir;
  RapportStore *store;
  char         *db;
  gint64        fleet, brochures, servers, desks;
} Fixture;

static RapportDeal *
deal (Fixture *f,
      gint64   id)
{
  RapportDeal *found = rapport_store_get_deal (f->store, id, NULL);

  g_assert_nonnull (found);
  return found;
}

static void
set_status (Fixture           *f,
            gint64             id,
            RapportDealStatus  status,
            const char        *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDeal) found = deal (f, id);

  g_assert_true (rapport_store_set_deal_status (f->store, found, status, reason, &error));
  g_assert_no_error (error);
}

static gint64
add_deal (Fixture    *f,
          const char *title,
          gint64      value,
          gint64      contact_id,
          gint64      organization_id,
          const char *close,
          const char *owner)
{
  g_autoptr(GError) error = NULL;
  RapportDealFields fields = { title, value, NULL, 0, contact_id, organization_id, close, owner };
  g_autoptr(RapportDeal) added = rapport_store_add_deal (f->store, &fields, &error);

  g_assert_no_error (error);
  return rapport_record_get_id (RAPPORT_RECORD (added));
}

/* Four deals: Fleet (Acme's, Zed's, Maya's, open, closing in April, a
 * call yesterday and a follow-up in two days), Brochures (no one's, lost
 * today), Servers (Tom's, won today), Desks (in the second stage, a
 * follow-up tomorrow, no close date). */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportOrganization) acme = NULL;
  g_autoptr(RapportContact) zed = NULL;
  g_autoptr(RapportActivity) call = NULL;
  g_autoptr(RapportActivity) followup = NULL;
  g_autoptr(RapportActivity) tomorrow = NULL;
  g_autoptr(RapportStage) second = NULL;
  RapportContactFields person = { "Zed Young" };
  gint64 zed_id;

  f->store = rapport_test_store_new (&f->dir, NULL);
  rapport_test_clear_after_sales (f->store);
  f->db = g_build_filename (f->dir, "rapport.db", NULL);
  rapport_store_set_now (f->store, NOW - DAY);

  acme = rapport_store_add_organization (f->store, "Acme Logistics", &error);
  g_assert_no_error (error);
  person.organization_id = rapport_record_get_id (RAPPORT_RECORD (acme));
  person.lifecycle = RAPPORT_LIFECYCLE_CONTACT;
  zed = rapport_store_add_contact (f->store, &person, &error);
  g_assert_no_error (error);
  zed_id = rapport_record_get_id (RAPPORT_RECORD (zed));

  f->fleet = add_deal (f, "Fleet renewal", 900000, zed_id, person.organization_id, "2026-04-10", "Maya");
  f->brochures = add_deal (f, "brochures", 50000, 0, 0, "2026-03-25", NULL);
  f->servers = add_deal (f, "Servers", 2000000, 0, 0, "2026-06-01", "Tom");
  f->desks = add_deal (f, "Desks", 120000, 0, 0, NULL, "maya");

  call = rapport_store_log_activity (f->store, zed_id, f->fleet, RAPPORT_ACTIVITY_CALL, "Called.", &error);
  g_assert_no_error (error);

  rapport_store_set_now (f->store, NOW);
  followup = rapport_store_add_followup (f->store, zed_id, f->fleet, "Send terms", NOW + 2 * DAY, &error);
  g_assert_no_error (error);
  tomorrow = rapport_store_add_followup (f->store, 0, f->desks, "Measure", NOW + DAY, &error);
  g_assert_no_error (error);

  second = rapport_test_stage_at (f->store, 1);
  {
    g_autoptr(RapportDeal) desks = deal (f, f->desks);

    g_assert_true (rapport_store_move_deal (f->store, desks, second, 0, &error));
    g_assert_no_error (error);
  }
  set_status (f, f->brochures, RAPPORT_DEAL_STATUS_LOST, "No budget");
  set_status (f, f->servers, RAPPORT_DEAL_STATUS_WON, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  rapport_test_tmpdir_free (f->dir);
  g_free (f->db);
}

/* The ids the store's list holds, in order, as "1 2 3". */
static char *
query_ids (Fixture                *f,
           const RapportDealQuery *query)
{
  g_autoptr(GListModel) list = rapport_store_query_deals (f->store, query);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RapportRecord) record = g_list_model_get_item (list, i);

      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len ? " " : "", rapport_record_get_id (record));
    }
  return g_string_free (ids, FALSE);
}

static char *
ids_of (Fixture *f,
        ...)
{
  GString *ids = g_string_new (NULL);
  va_list args;
  gint64 id;

  va_start (args, f);
  while ((id = va_arg (args, gint64)) != 0)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len ? " " : "", id);
  va_end (args);
  return g_string_free (ids, FALSE);
}

#define assert_ids(f, query, ...) \
  G_STMT_START { \
    g_autofree char *got_ = query_ids ((f), (query)); \
    g_autofree char *want_ = ids_of ((f), __VA_ARGS__, (gint64) 0); \
    g_assert_cmpstr (got_, ==, want_); \
  } G_STMT_END

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  RapportDealQuery query;

  rapport_deal_query_init (&query);
  /* Any case: "brochures" between Desks and Fleet… */
  assert_ids (f, &query, f->brochures, f->desks, f->fleet, f->servers);
  query.descending = TRUE;
  assert_ids (f, &query, f->servers, f->fleet, f->desks, f->brochures);

  query.sort = RAPPORT_DEAL_SORT_VALUE;
  assert_ids (f, &query, f->servers, f->fleet, f->desks, f->brochures);
  query.descending = FALSE;
  assert_ids (f, &query, f->brochures, f->desks, f->fleet, f->servers);

  /* …open deals by stage, then won, then lost… */
  query.sort = RAPPORT_DEAL_SORT_STAGE;
  assert_ids (f, &query, f->fleet, f->desks, f->servers, f->brochures);

  /* …and the missing last, both ways. */
  query.sort = RAPPORT_DEAL_SORT_ORGANIZATION;
  assert_ids (f, &query, f->fleet, f->brochures, f->servers, f->desks);
  query.descending = TRUE;
  assert_ids (f, &query, f->fleet, f->desks, f->servers, f->brochures);

  /* "Maya" and "maya" are one owner: by id among them. */
  query.sort = RAPPORT_DEAL_SORT_OWNER;
  query.descending = FALSE;
  assert_ids (f, &query, f->fleet, f->desks, f->servers, f->brochures);

  /* Closed deals by the day they closed (today), open by the expected. */
  query.sort = RAPPORT_DEAL_SORT_CLOSE;
  assert_ids (f, &query, f->brochures, f->servers, f->fleet, f->desks);

  query.sort = RAPPORT_DEAL_SORT_LAST_ACTIVITY;
  {
    g_autoptr(GListModel) list = rapport_store_query_deals (f->store, &query);
    g_autoptr(RapportRecord) first = g_list_model_get_item (list, 0);
    gint64 last = 0, next = 0;

    g_assert_cmpint (rapport_record_get_id (first), ==, f->fleet);
    g_assert_true (rapport_store_get_deal_dates (f->store, f->fleet, &last, &next));
    g_assert_cmpint (last, ==, NOW - DAY);
    g_assert_cmpint (next, ==, NOW + 2 * DAY);
  }

  query.sort = RAPPORT_DEAL_SORT_NEXT_FOLLOWUP;
  assert_ids (f, &query, f->desks, f->fleet, f->brochures, f->servers);

  /* The board's order: by stage, then rank, as a filtered column shows. */
  query.sort = RAPPORT_DEAL_SORT_RANK;
  query.status = RAPPORT_DEAL_STATUS_OPEN;
  assert_ids (f, &query, f->fleet, f->desks);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RapportStage) second = rapport_test_stage_at (f->store, 1);
  RapportDealQuery query;

  rapport_deal_query_init (&query);
  query.status = RAPPORT_DEAL_STATUS_OPEN;
  assert_ids (f, &query, f->desks, f->fleet);
  query.status = RAPPORT_DEAL_STATUS_WON;
  assert_ids (f, &query, f->servers);
  query.status = RAPPORT_DEAL_STATUS_LOST;
  assert_ids (f, &query, f->brochures);

  rapport_deal_query_init (&query);
  query.owner = "MAYA";
  assert_ids (f, &query, f->desks, f->fleet);

  rapport_deal_query_init (&query);
  query.stage_id = rapport_record_get_id (RAPPORT_RECORD (second));
  assert_ids (f, &query, f->desks);

  /* The close day: the expected one while open, the day of closing since
   * (Servers was to close in June, and was won today). */
  rapport_deal_query_init (&query);
  query.close_from = "2026-03-01";
  query.close_to = "2026-03-31";
  assert_ids (f, &query, f->brochures, f->servers);
  query.close_from = "2026-04-10";
  query.close_to = "2026-04-10";
  assert_ids (f, &query, f->fleet);

  rapport_deal_query_init (&query);
  query.value_min = 100000;
  query.value_max = 900000;
  assert_ids (f, &query, f->desks, f->fleet);

  /* Search: the title's words, the organization's, the contact's. */
  rapport_deal_query_init (&query);
  query.search = "serv";
  assert_ids (f, &query, f->servers);
  query.search = "acme";
  assert_ids (f, &query, f->fleet);
  query.search = "ZED you";
  assert_ids (f, &query, f->fleet);
  query.search = "nobody";
  {
    g_autofree char *none = query_ids (f, &query);

    g_assert_cmpstr (none, ==, "");
  }

  /* A tag: its contact's or organization's. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RapportDeal) fleet = deal (f, f->fleet);

    g_assert_true (rapport_store_set_tag (f->store, RAPPORT_ENTITY_ORGANIZATION,
                                          rapport_deal_get_organization_id (fleet), "Key Account",
                                          TRUE, &error));
    g_assert_no_error (error);
    rapport_deal_query_init (&query);
    query.tag = "key account";
    assert_ids (f, &query, f->fleet);
    query.tag = "nobody's";
    {
      g_autofree char *none = query_ids (f, &query);

      g_assert_cmpstr (none, ==, "");
    }
  }

  /* A board column under its filters: one stage's deals of one status,
   * in the board's order, through the stage's index. */
  {
    g_autoptr(RapportStage) first = rapport_test_stage_at (f->store, 0);

    rapport_deal_query_init (&query);
    query.stage_id = rapport_record_get_id (RAPPORT_RECORD (first));
    query.status = RAPPORT_DEAL_STATUS_OPEN;
    query.sort = RAPPORT_DEAL_SORT_RANK;
    query.owner = "MAYA";
    assert_ids (f, &query, f->fleet);
    query.descending = TRUE;
    assert_ids (f, &query, f->fleet);
    query.owner = "Tom";
    {
      g_autofree char *none = query_ids (f, &query);

      /* Tom's is won: not on the board. */
      g_assert_cmpstr (none, ==, "");
    }
    query.status = RAPPORT_DEAL_STATUS_WON;
    assert_ids (f, &query, f->servers);
  }

  /* Everything at once still ands. */
  rapport_deal_query_init (&query);
  query.status = RAPPORT_DEAL_STATUS_OPEN;
  query.owner = "maya";
  query.value_min = 200000;
  query.search = "fleet";
  assert_ids (f, &query, f->fleet);
}

/* The list the view holds changes with the store: a deal added, a deal
 * lost out of the open ones, a follow-up that reorders. */
static void
test_follows_store (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) open = NULL;
  g_autoptr(GListModel) by_next = NULL;
  g_autoptr(RapportActivity) soon = NULL;
  g_autoptr(RapportRecord) first = NULL;
  RapportDealQuery query;
  gint64 added;

  rapport_deal_query_init (&query);
  query.status = RAPPORT_DEAL_STATUS_OPEN;
  open = rapport_store_query_deals (f->store, &query);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 2);

  added = add_deal (f, "Chairs", 1000, 0, 0, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 3);
  set_status (f, f->fleet, RAPPORT_DEAL_STATUS_LOST, "Bad timing");
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 2);

  rapport_deal_query_init (&query);
  query.sort = RAPPORT_DEAL_SORT_NEXT_FOLLOWUP;
  by_next = rapport_store_query_deals (f->store, &query);
  soon = rapport_store_add_followup (f->store, 0, added, "Call", NOW + 3600, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (by_next, 0);
  g_assert_cmpint (rapport_record_get_id (first), ==, added);
}

/* `deal list` runs the same query: its order and filters agree. */
static void
test_cli_agrees (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *by_value = NULL;
  g_autofree char *found = NULL;
  g_auto(RapportTestRun) bad = { 0 };
  const char *bad_args[] = { "deal", "list", "--sort", "price", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *deals;
  gint64 want[] = { f->servers, f->fleet, f->desks, f->brochures };

  g_clear_object (&f->store);
  by_value = rapport_test_cli_ok (f->db, "deal", "list", "--sort", "value", "--descending", "--json", NULL);
  g_assert_true (json_parser_load_from_data (parser, by_value, -1, NULL));
  deals = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (deals), ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (deals, i), "id"), ==, want[i]);

  found = rapport_test_cli_ok (f->db, "deal", "list", "--search", "acme", "--status", "open",
                               "--value-min", "100", "--close-to", "2026-04-30", NULL);
  g_assert_nonnull (strstr (found, "Fleet renewal"));
  g_assert_null (strstr (found, "Desks"));

  rapport_test_run_cli (f->db, bad_args, &bad);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "Sort by title"));
}

static void
test_lost_reasons (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) first = rapport_store_get_lost_reasons (f->store, 4);
  g_auto(GStrv) after = NULL;

  /* Given once: "No budget" first, then the team's list, each once. */
  g_assert_cmpuint (g_strv_length (first), ==, 6);
  g_assert_cmpstr (first[0], ==, "No budget");
  g_assert_cmpstr (first[1], ==, "Price too high");
  g_assert_false (g_strv_contains ((const char * const *) first + 1, "No budget"));

  /* Given twice, in another case and with spaces: one reason, counted. */
  set_status (f, f->fleet, RAPPORT_DEAL_STATUS_LOST, "Went with Initech");
  set_status (f, f->desks, RAPPORT_DEAL_STATUS_LOST, " went with initech ");
  after = rapport_store_get_lost_reasons (f->store, 8);
  g_assert_cmpstr (after[1], ==, "No budget");
  g_assert_cmpint (g_ascii_strcasecmp (after[0], "went with initech"), ==, 0);
  for (guint i = 2; after[i] != NULL; i++)
    g_assert_cmpint (g_ascii_strcasecmp (after[i], "went with initech"), !=, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/deal-list/sort", Fixture, NULL, fixture_set_up, test_sort, fixture_tear_down);
  g_test_add ("/deal-list/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/deal-list/follows-store", Fixture, NULL, fixture_set_up, test_follows_store, fixture_tear_down);
  g_test_add ("/deal-list/cli", Fixture, NULL, fixture_set_up, test_cli_agrees, fixture_tear_down);
  g_test_add ("/deal-list/lost-reasons", Fixture, NULL, fixture_set_up, test_lost_reasons, fixture_tear_down);

  return g_test_run ();
}
