/* test-store.c — the store: files, identity, edits, order, other writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "rapport-enums.h"
#include "rapport-test-support.h"
#include "rapport-templates.h"

static RapportDeal *
add_deal (RapportStore *store,
          const char   *title,
          gint64        stage_id)
{
  g_autoptr(GError) error = NULL;
  RapportDealFields fields = { .title = title, .value = 100000, .stage_id = stage_id };
  RapportDeal *deal = rapport_store_add_deal (store, &fields, &error);

  g_assert_no_error (error);
  g_assert_nonnull (deal);
  return deal;
}

static gint64
id_of (gpointer record)
{
  return rapport_record_get_id (RAPPORT_RECORD (record));
}

static void
test_new_file (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportPipeline) pipeline = rapport_store_get_current_pipeline (store);
  GListModel *stages = rapport_store_get_stages (store, pipeline);
  struct stat st;

  g_assert_cmpint (stat (rapport_store_get_path (store), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpstr (rapport_pipeline_get_template (pipeline), ==, "classic5");
  g_assert_cmpstr (rapport_pipeline_get_name (pipeline), ==, "Classic 5 stages");
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 5);

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);
      g_autoptr(GPtrArray) actions = rapport_store_get_stage_actions (store, stage, NULL);
      RapportStageAction *first;

      g_assert_cmpint (rapport_stage_get_position (stage), ==, i);
      g_assert_nonnull (rapport_stage_get_purpose (stage));
      g_assert_cmpuint (actions->len, >=, 2);
      first = actions->pdata[0];
      g_assert_nonnull (rapport_stage_action_get_action (first));
      g_assert_nonnull (rapport_stage_action_get_owner (first));
      g_assert_nonnull (rapport_stage_action_get_material (first));
      g_assert_nonnull (rapport_stage_action_get_output (first));
    }

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_templates (void)
{
  guint n_templates;
  const RapportTemplate *templates = rapport_templates_get (&n_templates);

  g_assert_cmpuint (n_templates, ==, 5);

  for (guint i = 0; i < n_templates; i++)
    {
      g_autofree char *dir = NULL;
      g_autoptr(RapportStore) store = rapport_test_store_new (&dir, templates[i].id);
      g_autoptr(RapportPipeline) pipeline = rapport_store_get_current_pipeline (store);
      GListModel *stages = rapport_store_get_stages (store, pipeline);
      int last_probability = -1;

      g_assert_cmpstr (rapport_pipeline_get_template (pipeline), ==, templates[i].id);
      g_assert_cmpuint (g_list_model_get_n_items (stages), ==, templates[i].n_stages);

      for (guint j = 0; j < templates[i].n_stages; j++)
        {
          g_autoptr(RapportStage) stage = g_list_model_get_item (stages, j);

          g_assert_cmpstr (rapport_stage_get_name (stage), ==, templates[i].stages[j].name);
          g_assert_cmpint (rapport_stage_get_probability (stage), >=, last_probability);
          last_probability = rapport_stage_get_probability (stage);
        }

      g_clear_object (&store);
      rapport_test_tmpdir_free (g_steal_pointer (&dir));
    }
}

static void
test_identity_map (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportStage) stage = rapport_test_stage_at (store, 0);
  g_autoptr(RapportDeal) deal = add_deal (store, "Acme renewal", id_of (stage));
  g_autoptr(RapportDeal) again = rapport_store_get_deal (store, id_of (deal), NULL);
  g_autoptr(GListModel) list = rapport_store_get_stage_deals (store, stage);
  g_autoptr(RapportDeal) from_list = g_list_model_get_item (list, 0);
  g_autoptr(GError) error = NULL;

  /* One row, one object: every view sees the same deal. */
  g_assert_true (deal == again);
  g_assert_true (deal == from_list);

  g_assert_null (rapport_store_get_deal (store, 4242, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static int notify_count;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    data)
{
  notify_count++;
}

static void
test_update_persists (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autofree char *path = g_strdup (rapport_store_get_path (store));
  g_autoptr(RapportStage) stage = rapport_test_stage_at (store, 0);
  g_autoptr(RapportDeal) deal = add_deal (store, "Acme renewal", id_of (stage));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  gint64 id = id_of (deal);
  g_autoptr(RapportStore) reopened = NULL;
  g_autoptr(RapportDeal) stored = NULL;

  notify_count = 0;
  g_signal_connect (deal, "notify::title", G_CALLBACK (on_notify), NULL);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Acme renewal 2027");
  g_assert_true (rapport_store_update (store, RAPPORT_RECORD (deal), "title", &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_deal_get_title (deal), ==, "Acme renewal 2027");
  g_assert_cmpint (notify_count, ==, 1);

  g_value_unset (&value);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "2027-01-31");
  g_assert_true (rapport_store_update (store, RAPPORT_RECORD (deal), "expected-close", &value, &error));
  g_assert_no_error (error);

  g_clear_object (&deal);
  g_clear_object (&stage);
  g_clear_object (&store);

  reopened = rapport_store_new (path, &error);
  g_assert_no_error (error);
  stored = rapport_store_get_deal (reopened, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_deal_get_title (stored), ==, "Acme renewal 2027");
  g_assert_cmpstr (rapport_deal_get_expected_close (stored), ==, "2027-01-31");
  g_assert_cmpint (rapport_deal_get_value (stored), ==, 100000);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
expect_refused_with (RapportStore *store,
                     gpointer      record,
                     const char   *property,
                     const GValue *value,
                     int           code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rapport_store_update (store, RAPPORT_RECORD (record), property, value, &error));
  g_assert_error (error, RAPPORT_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
}

static void
expect_refused (RapportStore *store,
                gpointer      record,
                const char   *property,
                const GValue *value)
{
  expect_refused_with (store, record, property, value, RAPPORT_ERROR_INVALID);
}

static void
test_update_validation (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportStage) stage = rapport_test_stage_at (store, 0);
  g_autoptr(RapportDeal) deal = add_deal (store, "Acme renewal", id_of (stage));
  RapportContactFields fields = { .name = "Ravi Nguyen" };
  g_autoptr(RapportContact) contact = rapport_store_add_contact (store, &fields, NULL);
  g_auto(GValue) text = G_VALUE_INIT;
  g_auto(GValue) number = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_value_init (&text, G_TYPE_STRING);
  g_value_init (&number, G_TYPE_INT64);

  g_value_set_string (&text, "   ");
  expect_refused (store, deal, "title", &text);
  expect_refused (store, contact, "name", &text);
  g_value_set_string (&text, "ravi.example.com");
  expect_refused (store, contact, "email", &text);
  g_value_set_string (&text, "call me maybe");
  expect_refused (store, contact, "phone", &text);
  g_value_set_string (&text, "2026-02-30");
  expect_refused (store, deal, "expected-close", &text);
  g_value_set_string (&text, "euro");
  expect_refused (store, deal, "currency", &text);
  g_value_set_int64 (&number, -1);
  expect_refused (store, deal, "value", &number);
  g_value_set_int64 (&number, 999);
  expect_refused_with (store, deal, "organization-id", &number, RAPPORT_ERROR_NOT_FOUND);
  /* Managed fields change only through their domain operation. */
  g_value_set_int64 (&number, 1);
  expect_refused (store, deal, "stage-id", &number);

  /* Nothing of that reached memory or the file. */
  g_assert_cmpstr (rapport_deal_get_title (deal), ==, "Acme renewal");
  g_assert_cmpint (rapport_deal_get_value (deal), ==, 100000);
  g_assert_cmpstr (rapport_contact_get_email (contact), ==, NULL);
  g_assert_cmpint (rapport_deal_get_organization_id (deal), ==, 0);

  /* A plausible one passes. */
  g_value_set_string (&text, "ravi@example.com");
  g_assert_true (rapport_store_update (store, RAPPORT_RECORD (contact), "email", &text, &error));
  g_assert_no_error (error);
  g_value_set_string (&text, "+1 (555) 010-2030");
  g_assert_true (rapport_store_update (store, RAPPORT_RECORD (contact), "phone", &text, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_contact_get_phone (contact), ==, "+1 (555) 010-2030");

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_add_validation (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) huge = g_string_new (NULL);
  RapportDealFields deal = { .title = "", .value = 10 };
  RapportContactFields contact = { .name = "Noa Levi", .email = "noa@" };
  g_autoptr(RapportStage) stage = rapport_test_stage_at (store, 0);
  g_autoptr(GListModel) deals = rapport_store_get_stage_deals (store, stage);

  g_assert_null (rapport_store_add_deal (store, &deal, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);

  deal.title = "Negative";
  deal.value = -100;
  g_assert_null (rapport_store_add_deal (store, &deal, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (rapport_store_add_contact (store, &contact, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);

  /* A 10 MB note is refused with a message, not stored. */
  deal.value = 0;
  g_assert_nonnull (rapport_store_add_deal (store, &deal, NULL));
  for (guint i = 0; i < 10 * 1024; i++)
    g_string_append_len (huge, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 1024);
  g_assert_null (rapport_store_add_note (store, 0, 1, 0, huge->str, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "too long"));

  g_assert_cmpuint (g_list_model_get_n_items (deals), ==, 1);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
assert_order (GListModel *list,
              gint64      first,
              ...)
{
  va_list args;
  gint64 id = first;
  guint i = 0;

  va_start (args, first);
  for (; id != 0; id = va_arg (args, gint64), i++)
    {
      g_autoptr(RapportDeal) deal = g_list_model_get_item (list, i);

      g_assert_nonnull (deal);
      g_assert_cmpint (id_of (deal), ==, id);
    }
  va_end (args);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, i);
}

typedef struct
{
  guint position, removed, added;
  guint count;
} ItemsChanged;

static void
on_items_changed (GListModel   *list,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *changed)
{
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->count++;
}

static void
test_move_and_order (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportStage) first = rapport_test_stage_at (store, 0);
  g_autoptr(RapportStage) third = rapport_test_stage_at (store, 2);
  g_autoptr(GListModel) first_list = rapport_store_get_stage_deals (store, first);
  g_autoptr(GListModel) third_list = rapport_store_get_stage_deals (store, third);
  g_autoptr(RapportStage) fifth = rapport_test_stage_at (store, 4);
  g_autoptr(GListModel) fifth_list = rapport_store_get_stage_deals (store, fifth);
  g_autoptr(RapportDeal) a = add_deal (store, "A", id_of (first));
  g_autoptr(RapportDeal) b = add_deal (store, "B", id_of (first));
  g_autoptr(RapportDeal) c = add_deal (store, "C", id_of (first));
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0, };
  ItemsChanged untouched = { 0, };

  assert_order (first_list, id_of (a), id_of (b), id_of (c), (gint64) 0);

  g_signal_connect (first_list, "items-changed", G_CALLBACK (on_items_changed), &changed);
  g_signal_connect (fifth_list, "items-changed", G_CALLBACK (on_items_changed), &untouched);
  g_assert_true (rapport_store_list_contains (first_list, id_of (b)));
  g_assert_false (rapport_store_list_contains (third_list, id_of (b)));

  /* Reorder: C to the top; the list says only what moved. */
  g_assert_true (rapport_store_move_deal (store, c, first, 0, &error));
  g_assert_no_error (error);
  assert_order (first_list, id_of (c), id_of (a), id_of (b), (gint64) 0);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 3);
  g_assert_cmpuint (changed.added, ==, 3);
  g_assert_cmpint (rapport_store_get_deal_position (store, c), ==, 0);
  g_assert_cmpint (rapport_store_get_deal_position (store, b), ==, 2);

  /* Across stages: A to the third column. */
  g_assert_true (rapport_store_move_deal (store, a, third, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_deal_get_stage_id (a), ==, id_of (third));
  assert_order (first_list, id_of (c), id_of (b), (gint64) 0);
  assert_order (third_list, id_of (a), (gint64) 0);
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 0);

  /* Past the end appends. */
  g_assert_true (rapport_store_move_deal (store, c, first, 99, &error));
  assert_order (first_list, id_of (b), id_of (c), (gint64) 0);

  /* A column the moves never touched was not even asked to change. */
  g_assert_cmpuint (untouched.count, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (fifth_list), ==, 0);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_rank_renumbering (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportStage) stage = rapport_test_stage_at (store, 0);
  g_autoptr(GListModel) list = rapport_store_get_stage_deals (store, stage);
  g_autoptr(GPtrArray) deals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *title = g_strdup_printf ("Deal %u", i);
      RapportDeal *deal = add_deal (store, title, id_of (stage));
      gint64 id = id_of (deal);

      g_ptr_array_add (deals, deal);
      g_array_append_val (expected, id);
    }

  /* Inserting again and again between the same two neighbours halves the
   * gap until none is left; the order must survive the renumbering. */
  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(GError) error = NULL;
      RapportDeal *last = g_ptr_array_index (deals, deals->len - 1);
      gint64 id = id_of (last);

      g_assert_true (rapport_store_move_deal (store, last, stage, 1, &error));
      g_assert_no_error (error);

      g_array_remove_index (expected, expected->len - 1);
      g_array_insert_val (expected, 1, id);
      g_ptr_array_insert (deals, 1, g_object_ref (last));
      g_ptr_array_remove_index (deals, deals->len - 1);

      for (guint j = 0; j < expected->len; j++)
        {
          g_autoptr(RapportDeal) at = g_list_model_get_item (list, j);

          g_assert_cmpint (id_of (at), ==, g_array_index (expected, gint64, j));
          g_assert_cmpint (rapport_store_get_deal_position (store, at), ==, j);
        }
    }

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_other_writer (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) app = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportStore) cli = rapport_store_new (rapport_store_get_path (app), NULL);
  g_autoptr(RapportStage) stage = rapport_test_stage_at (app, 0);
  g_autoptr(RapportStage) second = rapport_test_stage_at (cli, 1);
  g_autoptr(GListModel) list = rapport_store_get_stage_deals (app, stage);
  g_autoptr(RapportDeal) deal = add_deal (app, "Shown in the app", id_of (stage));
  g_autoptr(RapportDeal) other = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  ItemsChanged changed = { 0, };

  g_assert_nonnull (cli);
  g_assert_false (rapport_store_sync_external (app));

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changed);
  notify_count = 0;
  g_signal_connect (deal, "notify::title", G_CALLBACK (on_notify), NULL);

  other = rapport_store_get_deal (cli, id_of (deal), NULL);
  g_assert_true (other != deal);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Renamed elsewhere");
  g_assert_true (rapport_store_update (cli, RAPPORT_RECORD (other), "title", &value, NULL));
  g_assert_true (rapport_store_move_deal (cli, other, second, 0, NULL));

  /* The app sees the other program's commits on its next poll. */
  g_assert_true (rapport_store_sync_external (app));
  g_assert_cmpstr (rapport_deal_get_title (deal), ==, "Renamed elsewhere");
  g_assert_cmpint (rapport_deal_get_stage_id (deal), ==, id_of (second));
  g_assert_cmpint (notify_count, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_false (rapport_store_sync_external (app));

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_playbook_ticks (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportStage) stage = rapport_test_stage_at (store, 1);
  g_autoptr(RapportDeal) deal = add_deal (store, "Checklist", id_of (stage));
  g_autoptr(GPtrArray) actions = rapport_store_get_stage_actions (store, stage, NULL);
  g_autoptr(GHashTable) done = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first = id_of (actions->pdata[0]);
  gint64 second = id_of (actions->pdata[1]);

  g_assert_true (rapport_store_set_action_done (store, deal, actions->pdata[0], TRUE, &error));
  g_assert_true (rapport_store_set_action_done (store, deal, actions->pdata[1], TRUE, &error));
  g_assert_true (rapport_store_set_action_done (store, deal, actions->pdata[1], FALSE, &error));
  g_assert_no_error (error);

  done = rapport_store_get_done_actions (store, deal, &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_contains (done, &first));
  g_assert_false (g_hash_table_contains (done, &second));
  g_assert_cmpuint (g_hash_table_size (done), ==, 1);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* One demo deal's history is one chain, as the store writes it: created
 * in a stage, moved on (or back), maybe closed, and it ends where the deal
 * is, with times in order within the two years before @now. */
static guint
assert_demo_history (RapportStore *store,
                     RapportDeal  *deal,
                     gint64        now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = rapport_store_get_stage_history (store, deal, &error);
  RapportStageChange *first, *last;
  gint64 previous_stage, previous_at, entered_at;

  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >=, 1);
  first = history->pdata[0];
  g_assert_cmpint (rapport_stage_change_get_from_stage_id (first), ==, 0);
  g_assert_cmpint (rapport_stage_change_get_changed_at (first), ==, rapport_deal_get_created_at (deal));
  g_assert_cmpint (rapport_deal_get_created_at (deal), >=, now - 731 * 86400);
  previous_stage = rapport_stage_change_get_to_stage_id (first);
  previous_at = entered_at = rapport_stage_change_get_changed_at (first);

  for (guint i = 1; i < history->len; i++)
    {
      RapportStageChange *change = history->pdata[i];

      g_assert_cmpint (rapport_stage_change_get_from_stage_id (change), ==, previous_stage);
      g_assert_cmpint (rapport_stage_change_get_from_status (change), ==, RAPPORT_DEAL_STATUS_OPEN);
      g_assert_cmpint (rapport_stage_change_get_changed_at (change), >=, previous_at);
      if (rapport_stage_change_get_to_status (change) == RAPPORT_DEAL_STATUS_OPEN)
        entered_at = rapport_stage_change_get_changed_at (change);
      else
        /* Closing is the last thing that happened. */
        g_assert_cmpuint (i, ==, history->len - 1);
      previous_stage = rapport_stage_change_get_to_stage_id (change);
      previous_at = rapport_stage_change_get_changed_at (change);
    }

  last = history->pdata[history->len - 1];
  g_assert_cmpint (previous_at, <, now);
  g_assert_cmpint (rapport_deal_get_stage_id (deal), ==, previous_stage);
  g_assert_cmpint (rapport_deal_get_status (deal), ==, rapport_stage_change_get_to_status (last));
  g_assert_cmpint (rapport_deal_get_stage_entered_at (deal), ==, entered_at);
  if (rapport_deal_get_status (deal) == RAPPORT_DEAL_STATUS_OPEN)
    g_assert_cmpint (rapport_deal_get_closed_at (deal), ==, 0);
  else
    g_assert_cmpint (rapport_deal_get_closed_at (deal), ==, previous_at);
  if (rapport_deal_get_status (deal) == RAPPORT_DEAL_STATUS_LOST)
    g_assert_cmpstr (rapport_deal_get_lost_reason (deal), !=, "");

  return history->len;
}

/* Two years of realistic history: deals created all along, moved through
 * the stages, won and lost (with reasons), some still open; leads answered
 * in time or late; owners; customers who came back. The same seed and now
 * make the same data. */
static void
test_demo (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *dir2 = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportStore) again = rapport_test_store_new (&dir2, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) all_again = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GHashTable) won_by_contact = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) owners = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *report = NULL;
  guint n_status[3] = { 0, }, n_moved = 0, n_repeat_customers = 0, n_old = 0;
  gint64 now = 1772442000;   /* 2026-03-02T09:00:00Z */
  RapportSpeedToLead speed;
  GHashTableIter iter;
  gpointer count;

  rapport_store_set_now (store, now);
  rapport_store_set_now (again, now);
  g_assert_true (rapport_store_fill_demo (store, 500, 800, 7, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_store_fill_demo (again, 500, 800, 7, &error));
  g_assert_no_error (error);

  all = rapport_store_list_deal_ids (store, NULL, &error);
  g_assert_cmpuint (all->len, ==, 500);
  all_again = rapport_store_list_deal_ids (again, NULL, &error);
  g_assert_cmpuint (all_again->len, ==, 500);
  contacts = rapport_store_get_contacts (store);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 800);

  for (guint i = 0; i < all->len; i++)
    {
      gint64 id = *(gint64 *) all->pdata[i];
      g_autoptr(RapportDeal) deal = rapport_store_get_deal (store, id, &error);
      g_autoptr(RapportDeal) twin = rapport_store_get_deal (again, id, &error);
      gint64 contact = rapport_deal_get_contact_id (deal);

      g_assert_no_error (error);
      g_assert_cmpstr (rapport_deal_get_title (deal), ==, rapport_deal_get_title (twin));
      g_assert_cmpint (rapport_deal_get_value (deal), ==, rapport_deal_get_value (twin));
      g_assert_cmpint (rapport_deal_get_status (deal), ==, rapport_deal_get_status (twin));
      g_assert_cmpint (rapport_deal_get_closed_at (deal), ==, rapport_deal_get_closed_at (twin));

      n_status[rapport_deal_get_status (deal)]++;
      if (assert_demo_history (store, deal, now) > 2)
        n_moved++;
      if (rapport_deal_get_created_at (deal) < now - 365 * 86400)
        n_old++;
      g_assert_nonnull (rapport_deal_get_owner (deal));
      g_hash_table_add (owners, (gpointer) g_intern_string (rapport_deal_get_owner (deal)));
      if (rapport_deal_get_status (deal) == RAPPORT_DEAL_STATUS_WON && contact != 0)
        {
          gint64 *key = g_new (gint64, 1);

          *key = contact;
          count = g_hash_table_lookup (won_by_contact, key);
          g_hash_table_replace (won_by_contact, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
        }
    }

  /* Most deals of two years are closed, a win in three or four. */
  g_assert_cmpuint (n_status[RAPPORT_DEAL_STATUS_OPEN], >, 0);
  g_assert_cmpuint (n_status[RAPPORT_DEAL_STATUS_WON], >, 50);
  g_assert_cmpuint (n_status[RAPPORT_DEAL_STATUS_LOST], >, n_status[RAPPORT_DEAL_STATUS_WON]);
  g_assert_cmpuint (n_moved, >, 100);
  g_assert_cmpuint (n_old, >, 100);
  g_assert_cmpuint (g_hash_table_size (owners), >=, 3);
  g_hash_table_iter_init (&iter, won_by_contact);
  while (g_hash_table_iter_next (&iter, NULL, &count))
    if (GPOINTER_TO_UINT (count) > 1)
      n_repeat_customers++;
  g_assert_cmpuint (n_repeat_customers, >, 0);

  /* Leads: most reached within the speed-to-lead time, not all. */
  g_assert_true (rapport_store_get_speed_to_lead (store, &speed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (speed.n_leads, >, 100);
  g_assert_cmpuint (speed.n_within, >, speed.n_leads / 3);
  g_assert_cmpuint (speed.n_within, <, speed.n_contacted);

  /* Realistic means some follow-ups are already overdue. */
  due = rapport_store_list_followups (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, >, 0);

  g_assert_true (rapport_store_check (store, &report, &error));
  g_assert_no_error (error);

  g_clear_object (&again);
  rapport_test_tmpdir_free (g_steal_pointer (&dir2));
  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

typedef struct
{
  GArray  *ids;
  GObject *previous;   /* weak: gone once the walk let it go */
  guint    n_alive;    /* times the previous record was still alive */
  guint    stop_at;    /* 0 for never */
} Walk;

static gboolean
walk_record (gpointer   record,
             gpointer   user_data,
             GError   **error)
{
  Walk *walk = user_data;
  gint64 id = id_of (record);

  if (walk->previous != NULL)
    walk->n_alive++;
  g_clear_weak_pointer (&walk->previous);
  g_set_weak_pointer (&walk->previous, record);

  g_array_append_val (walk->ids, id);
  if (walk->stop_at != 0 && walk->ids->len == walk->stop_at)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_FAILED, "stop");
      return FALSE;
    }

  return TRUE;
}

static void
walk_clear (Walk *walk)
{
  g_clear_weak_pointer (&walk->previous);
  g_clear_pointer (&walk->ids, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Walk, walk_clear)

static void
assert_walk_matches (Walk       *walk,
                     GListModel *list)
{
  g_assert_cmpuint (walk->ids->len, ==, g_list_model_get_n_items (list));
  for (guint i = 0; i < walk->ids->len; i++)
    {
      g_autoptr(RapportRecord) record = g_list_model_get_item (list, i);

      g_assert_cmpint (g_array_index (walk->ids, gint64, i), ==, id_of (record));
    }
  /* The store dropped each record before making the next. */
  g_assert_cmpuint (walk->n_alive, ==, 0);
}

/* The walks visit every row in the order of the matching list, holding one
 * record at a time. */
static void
test_foreach (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deal_ids = NULL;
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(RapportStage) stage = NULL;

  g_assert_true (rapport_store_fill_demo (store, 300, 500, 11, &error));
  g_assert_no_error (error);

  {
    g_auto(Walk) walk = { g_array_new (FALSE, FALSE, sizeof (gint64)), };

    g_assert_true (rapport_store_foreach_deal (store, NULL, walk_record, &walk, &error));
    g_assert_no_error (error);
    deal_ids = rapport_store_list_deal_ids (store, NULL, &error);
    g_assert_cmpuint (walk.ids->len, ==, deal_ids->len);
    for (guint i = 0; i < deal_ids->len; i++)
      g_assert_cmpint (g_array_index (walk.ids, gint64, i), ==, *(gint64 *) deal_ids->pdata[i]);
    g_assert_cmpuint (walk.n_alive, ==, 0);
  }

  {
    g_auto(Walk) walk = { g_array_new (FALSE, FALSE, sizeof (gint64)), };
    g_autoptr(GListModel) deals = NULL;

    stage = rapport_test_stage_at (store, 1);
    deals = rapport_store_get_stage_deals (store, stage);
    g_assert_true (rapport_store_foreach_deal (store, stage, walk_record, &walk, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (walk.ids->len, >, 0);
    assert_walk_matches (&walk, deals);
  }

  {
    g_auto(Walk) walk = { g_array_new (FALSE, FALSE, sizeof (gint64)), };
    g_autoptr(GListModel) contacts = rapport_store_get_contacts (store);

    g_assert_true (rapport_store_foreach_contact (store, walk_record, &walk, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (walk.ids->len, ==, 500);
    assert_walk_matches (&walk, contacts);
  }

  {
    g_auto(Walk) walk = { g_array_new (FALSE, FALSE, sizeof (gint64)), };
    g_autoptr(GListModel) organizations = rapport_store_get_organizations (store);

    g_assert_true (rapport_store_foreach_organization (store, walk_record, &walk, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (walk.ids->len, >, 0);
    assert_walk_matches (&walk, organizations);
  }

  for (int due = 0; due <= 1; due++)
    {
      g_auto(Walk) walk = { g_array_new (FALSE, FALSE, sizeof (gint64)), };

      followups = rapport_store_list_followups (store, due, &error);
      g_assert_no_error (error);
      g_assert_true (rapport_store_foreach_followup (store, due, walk_record, &walk, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (walk.ids->len, ==, followups->len);
      g_assert_cmpuint (walk.ids->len, >, 0);
      for (guint i = 0; i < followups->len; i++)
        g_assert_cmpint (g_array_index (walk.ids, gint64, i), ==, id_of (followups->pdata[i]));
      g_clear_pointer (&followups, g_ptr_array_unref);
    }

  /* A callback's error stops the walk and is the walk's. */
  {
    g_auto(Walk) walk = { g_array_new (FALSE, FALSE, sizeof (gint64)), .stop_at = 3 };

    g_assert_false (rapport_store_foreach_contact (store, walk_record, &walk, &error));
    g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_FAILED);
    g_assert_cmpuint (walk.ids->len, ==, 3);
    g_clear_error (&error);
  }

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Typed notices */

static void
on_notice (RapportStore        *store,
           const RapportNotice *notice,
           GArray              *seen)
{
  g_array_append_vals (seen, notice, 1);
}

static gboolean
saw (GArray        *seen,
     RapportEntity  entity,
     RapportChange  change,
     gint64         id)
{
  for (guint i = 0; i < seen->len; i++)
    {
      RapportNotice *notice = &g_array_index (seen, RapportNotice, i);

      if (notice->entity == entity && notice->change == change && notice->id == id)
        return TRUE;
    }

  return FALSE;
}

/* Whose a goal can be: every owner named anywhere, once, sorted; no
 * empty names. */
static void
test_owners (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) owners = NULL;
  const char * const deal_owners[] = { "Bo", "Ann", "Bo", NULL };
  const char * const expected[] = { "Ann", "Bo", "Cy", "Dee", NULL };
  RapportContactFields contact = { .name = "Lee", .owner = "Cy" };
  RapportGoalFields goal = { .metric = RAPPORT_GOAL_METRIC_DEALS_WON,
                             .period = RAPPORT_PERIOD_MONTH, .owner = "Dee", .target = 3 };
  g_autoptr(RapportContact) lee = NULL;
  g_autoptr(RapportGoal) dee = NULL;

  none = rapport_store_get_owners (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (deal_owners); i++)
    {
      RapportDealFields fields = { .title = "Deal", .owner = deal_owners[i] };
      g_autoptr(RapportDeal) deal = rapport_store_add_deal (store, &fields, &error);

      g_assert_no_error (error);
    }
  lee = rapport_store_add_contact (store, &contact, &error);
  g_assert_no_error (error);
  dee = rapport_store_add_goal (store, &goal, &error);
  g_assert_no_error (error);

  owners = rapport_store_get_owners (store, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal ((const char * const *) owners, expected));
}

static void
test_notices (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (RapportNotice));
  g_autoptr(GArray) deals_only = g_array_new (FALSE, FALSE, sizeof (RapportNotice));
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  g_autoptr(RapportNote) note = NULL;
  g_autoptr(RapportStage) second = rapport_test_stage_at (store, 1);
  g_autoptr(RapportStore) other = NULL;
  g_autoptr(RapportOrganization) org = NULL;
  RapportDealFields fields = { 0, };
  gint64 id;

  g_signal_connect (store, "notice", G_CALLBACK (on_notice), seen);
  g_signal_connect (store, "notice::deal", G_CALLBACK (on_notice), deals_only);

  fields.title = "Noticed";
  fields.value = 100;
  deal = rapport_store_add_deal (store, &fields, &error);
  g_assert_no_error (error);
  id = rapport_record_get_id (RAPPORT_RECORD (deal));
  g_assert_true (saw (seen, RAPPORT_ENTITY_DEAL, RAPPORT_CHANGE_ADDED, id));

  g_assert_true (rapport_store_move_deal (store, deal, second, 0, &error));
  g_assert_true (saw (seen, RAPPORT_ENTITY_DEAL, RAPPORT_CHANGE_UPDATED, id));

  note = rapport_store_add_note (store, 0, id, 0, "A note", &error);
  g_assert_no_error (error);
  g_assert_true (saw (seen, RAPPORT_ENTITY_NOTE, RAPPORT_CHANGE_ADDED, rapport_record_get_id (RAPPORT_RECORD (note))));
  g_assert_true (rapport_store_delete (store, RAPPORT_RECORD (note), &error));
  g_assert_true (saw (seen, RAPPORT_ENTITY_NOTE, RAPPORT_CHANGE_REMOVED, rapport_record_get_id (RAPPORT_RECORD (note))));

  /* The detail filters by kind. */
  for (guint i = 0; i < deals_only->len; i++)
    g_assert_cmpint (g_array_index (deals_only, RapportNotice, i).entity, ==, RAPPORT_ENTITY_DEAL);
  g_assert_cmpuint (deals_only->len, ==, 2);

  /* Another program's write: every kind is to be reloaded. */
  g_array_set_size (seen, 0);
  other = rapport_store_new (path, &error);
  g_assert_no_error (error);
  org = rapport_store_add_organization (other, "Elsewhere", &error);
  g_assert_no_error (error);
  g_assert_true (rapport_store_sync_external (store));
  for (RapportEntity entity = RAPPORT_ENTITY_STAGE; entity <= RAPPORT_ENTITY_LAST; entity++)
    g_assert_true (saw (seen, entity, RAPPORT_CHANGE_RELOAD, 0));
  g_assert_cmpstr (rapport_entity_get_nick (RAPPORT_ENTITY_NEGOTIATION_ENTRY), ==, "negotiation-entry");

  g_clear_object (&other);
  g_clear_object (&store);
  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Load Demo Data: only into an empty file, and taken back exactly, with
 * what was added since kept. */
static void
test_demo_undo (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDemoRows) rows = NULL;
  g_autoptr(RapportDemoRows) twice = NULL;
  g_autoptr(RapportContact) real = NULL;
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(GArray) hits = NULL;
  RapportContactFields fields = { .name = "Zuzana Realperson", .email = "zuzana@example.com" };
  GListModel *contacts = rapport_store_get_contacts (store);
  GListModel *organizations = rapport_store_get_organizations (store);

  g_assert_true (rapport_store_is_empty (store));
  rows = rapport_store_fill_demo_empty (store, 120, 200, 5, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_assert_false (rapport_store_is_empty (store));
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 200);
  g_assert_cmpuint (g_list_model_get_n_items (organizations), >, 0);

  /* Never on top of records. */
  twice = rapport_store_fill_demo_empty (store, 10, 10, 6, &error);
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_assert_null (twice);
  g_clear_error (&error);

  /* Someone real, after the demo: the undo leaves them. */
  real = rapport_store_add_contact (store, &fields, &error);
  g_assert_no_error (error);

  g_assert_true (rapport_store_remove_demo (store, rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 1);
  {
    g_autoptr(RapportContact) left = g_list_model_get_item (contacts, 0);

    g_assert_true (left == real);
  }
  g_assert_cmpuint (g_list_model_get_n_items (organizations), ==, 0);
  deals = rapport_store_list_deal_ids (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deals->len, ==, 0);
  /* Only the real one's own (a new lead is answered). */
  followups = rapport_store_list_followups (store, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < followups->len; i++)
    g_assert_cmpint (rapport_activity_get_contact_id (followups->pdata[i]), ==,
                     rapport_record_get_id (RAPPORT_RECORD (real)));
  /* Gone from the search index too. */
  hits = rapport_store_search (store, "Cedar", 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_array_unref);
  hits = rapport_store_search (store, "Zuzana", 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);

  /* Without the real one, it is empty again: the demo may come back. */
  g_clear_pointer (&rows, rapport_demo_rows_free);
  g_assert_false (rapport_store_is_empty (store));

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/new-file", test_new_file);
  g_test_add_func ("/store/templates", test_templates);
  g_test_add_func ("/store/identity-map", test_identity_map);
  g_test_add_func ("/store/update/persists", test_update_persists);
  g_test_add_func ("/store/update/validation", test_update_validation);
  g_test_add_func ("/store/add/validation", test_add_validation);
  g_test_add_func ("/store/deal/move-and-order", test_move_and_order);
  g_test_add_func ("/store/deal/rank-renumbering", test_rank_renumbering);
  g_test_add_func ("/store/other-writer", test_other_writer);
  g_test_add_func ("/store/playbook-ticks", test_playbook_ticks);
  g_test_add_func ("/store/demo", test_demo);
  g_test_add_func ("/store/demo/undo", test_demo_undo);
  g_test_add_func ("/store/foreach", test_foreach);
  g_test_add_func ("/store/notices", test_notices);
  g_test_add_func ("/store/owners", test_owners);

  return g_test_run ();
}
