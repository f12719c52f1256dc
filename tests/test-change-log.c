/* test-change-log.c — every record has a uid; every change is logged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Team mode's first promise: while a file belongs to a team, a change
 * committed by any writer is in the change log of the same transaction,
 * keyed by uids, so nothing acknowledged can be lost before it is sent.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "rapport-sqlite-private.h"
#include "rapport-store-change-log.h"
#include "rapport-store-settings.h"
#include "rapport-test-support.h"

typedef struct
{
  char         *dir;
  char         *path;
  RapportStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rapport_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "team.db", NULL);
  f->store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->path);
  rapport_test_tmpdir_free (f->dir);
}

static gboolean
is_uuid (const char *text)
{
  return text != NULL &&
         g_regex_match_simple ("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$",
                               text, 0, 0);
}

static RapportDeal *
add_deal (Fixture    *f,
          const char *title)
{
  g_autoptr(GError) error = NULL;
  RapportDealFields fields = { .title = title, .value = 120000 };
  RapportDeal *deal = rapport_store_add_deal (f->store, &fields, &error);

  g_assert_no_error (error);
  return deal;
}

static GPtrArray *
changes (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *all = rapport_store_read_changes (f->store, 0, 1000, &error);

  g_assert_no_error (error);
  return all;
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The only change of @entity in the log, or the last one. */
static RapportLoggedChange *
last_of (GPtrArray  *all,
         const char *entity)
{
  for (guint i = all->len; i > 0; i--)
    {
      RapportLoggedChange *change = all->pdata[i - 1];

      if (g_str_equal (change->entity, entity))
        return change;
    }
  return NULL;
}

static guint
count_of (GPtrArray  *all,
          const char *entity)
{
  guint n = 0;

  for (guint i = 0; i < all->len; i++)
    n += g_str_equal (((RapportLoggedChange *) all->pdata[i])->entity, entity);
  return n;
}

static char *
stage_uid (Fixture      *f,
           RapportStage *stage)
{
  sqlite3_stmt *stmt = NULL;
  char *uid = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (rapport_store_get_db (f->store), "SELECT uid FROM stage WHERE id = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (stage)));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return uid;
}

/* A record made before the file joins gets its uid when it joins; one
 * made in a team's file, at once; an edit keeps it. */
static void
test_uids (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDeal) first = add_deal (f, "First deal");
  g_autoptr(RapportDeal) second = NULL;
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (first));
  g_autofree char *before = rapport_store_get_uid (f->store, RAPPORT_ENTITY_DEAL, id);
  g_autofree char *uid = NULL;
  g_autofree char *other = NULL;
  g_autofree char *after = NULL;
  g_auto(GValue) title = G_VALUE_INIT;

  g_assert_null (before);
  g_assert_true (rapport_store_set_change_log_active (f->store, TRUE, &error));
  g_assert_no_error (error);
  uid = rapport_store_get_uid (f->store, RAPPORT_ENTITY_DEAL, id);
  second = add_deal (f, "Second deal");
  other = rapport_store_get_uid (f->store, RAPPORT_ENTITY_DEAL, rapport_record_get_id (RAPPORT_RECORD (second)));

  g_assert_true (is_uuid (uid));
  g_assert_true (is_uuid (other));
  g_assert_cmpstr (uid, !=, other);

  /* An edit keeps the record's uid. */
  g_value_init (&title, G_TYPE_STRING);
  g_value_set_string (&title, "First deal, renamed");
  g_assert_true (rapport_store_update (f->store, RAPPORT_RECORD (first), "title", &title, &error));
  g_assert_no_error (error);
  after = rapport_store_get_uid (f->store, RAPPORT_ENTITY_DEAL, id);
  g_assert_cmpstr (after, ==, uid);

  g_assert_null (rapport_store_get_uid (f->store, RAPPORT_ENTITY_DEAL, 999999));
}

/* A file that never joined a team keeps no log. */
static void
test_off_until_joined (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RapportDeal) deal = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_false (rapport_store_get_change_log_active (f->store));
  deal = add_deal (f, "Solo deal");
  all = changes (f);
  g_assert_cmpuint (all->len, ==, 0);
}

static void
test_deal_lifetime (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  g_autoptr(RapportStage) next = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(JsonObject) key = NULL;
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *next_uid = NULL;
  RapportDeleteUndo *undo = NULL;
  RapportLoggedChange *change;

  g_assert_true (rapport_store_set_change_log_active (f->store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_store_get_change_log_active (f->store));

  /* Added: the whole record, its stage by uid, not by local id. */
  deal = add_deal (f, "Team deal");
  uid = rapport_store_get_uid (f->store, RAPPORT_ENTITY_DEAL, rapport_record_get_id (RAPPORT_RECORD (deal)));
  all = changes (f);
  change = last_of (all, "deal");
  g_assert_nonnull (change);
  g_assert_cmpstr (change->op, ==, "insert");
  key = parse_object (change->key);
  g_assert_cmpstr (json_object_get_string_member (key, "uid"), ==, uid);
  fields = parse_object (change->fields);
  g_assert_cmpstr (json_object_get_string_member (fields, "title"), ==, "Team deal");
  g_assert_cmpint (json_object_get_int_member (fields, "value"), ==, 120000);
  g_assert_true (is_uuid (json_object_get_string_member (fields, "stage")));
  g_assert_false (json_object_has_member (fields, "stage_id"));
  g_assert_false (json_object_has_member (fields, "id"));
  g_assert_cmpint (change->at, >, 0);
  /* Its first stage history entry came with it. */
  g_assert_cmpuint (count_of (all, "stage_change"), ==, 1);
  g_clear_pointer (&key, json_object_unref);
  g_clear_pointer (&fields, json_object_unref);
  g_clear_pointer (&all, g_ptr_array_unref);

  /* Moved: only what changed. */
  next = rapport_store_find_stage (f->store, "Qualifying", &error);
  g_assert_no_error (error);
  next_uid = stage_uid (f, next);
  g_assert_true (rapport_store_move_deal (f->store, deal, next, 0, &error));
  g_assert_no_error (error);
  all = changes (f);
  change = last_of (all, "deal");
  g_assert_cmpstr (change->op, ==, "update");
  fields = parse_object (change->fields);
  g_assert_cmpstr (json_object_get_string_member (fields, "stage"), ==, next_uid);
  g_assert_false (json_object_has_member (fields, "title"));
  g_assert_false (json_object_has_member (fields, "value"));
  g_assert_cmpuint (count_of (all, "stage_change"), ==, 2);
  g_clear_pointer (&fields, json_object_unref);
  g_clear_pointer (&all, g_ptr_array_unref);

  /* Deleted: its key alone. */
  g_assert_true (rapport_store_delete_record (f->store, RAPPORT_ENTITY_DEAL,
                                              rapport_record_get_id (RAPPORT_RECORD (deal)), &undo, &error));
  g_assert_no_error (error);
  all = changes (f);
  change = last_of (all, "deal");
  g_assert_cmpstr (change->op, ==, "delete");
  g_assert_null (change->fields);
  key = parse_object (change->key);
  g_assert_cmpstr (json_object_get_string_member (key, "uid"), ==, uid);

  g_clear_pointer (&key, json_object_unref);
  g_clear_pointer (&all, g_ptr_array_unref);

  /* Undone: back under the uid it had, so the team sees the same deal. */
  g_assert_true (rapport_store_undo_delete (f->store, undo, &error));
  g_assert_no_error (error);
  all = changes (f);
  change = last_of (all, "deal");
  g_assert_cmpstr (change->op, ==, "insert");
  key = parse_object (change->key);
  g_assert_cmpstr (json_object_get_string_member (key, "uid"), ==, uid);

  /* The log is in order, without gaps. */
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (((RapportLoggedChange *) all->pdata[i])->seq, ==, i + 1);
  rapport_delete_undo_free (undo);
}

static gboolean
write_then_fail (RapportStore  *self,
                 gpointer       data,
                 GError       **error)
{
  g_assert_cmpint (sqlite3_exec (rapport_store_get_db (self),
                                 "INSERT INTO organization (name, created_at) VALUES ('Never Ltd', 0)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The write failed.");
  return FALSE;
}

/* What was rolled back was never logged: the log is the transaction's. */
static void
test_rolled_back (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  RapportDealFields bad = { .title = "Bad currency", .currency = "XX" };
  RapportDeal *deal;

  g_assert_true (rapport_store_set_change_log_active (f->store, TRUE, NULL));
  g_assert_false (rapport_store_write (f->store, write_then_fail, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  deal = rapport_store_add_deal (f->store, &bad, &error);
  g_assert_null (deal);
  g_assert_nonnull (error);

  all = changes (f);
  g_assert_cmpuint (all->len, ==, 0);
}

/* Another program on the file (here bare SQLite, as a script would) is
 * logged just the same. */
static void
test_other_writer (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(JsonObject) fields = NULL;
  sqlite3 *db = NULL;
  RapportLoggedChange *change;

  g_assert_true (rapport_store_set_change_log_active (f->store, TRUE, NULL));
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO organization (name, created_at) VALUES ('Script Ltd', 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  all = changes (f);
  change = last_of (all, "organization");
  g_assert_nonnull (change);
  g_assert_cmpstr (change->op, ==, "insert");
  fields = parse_object (change->fields);
  g_assert_cmpstr (json_object_get_string_member (fields, "name"), ==, "Script Ltd");
}

/* Parts of a record (its e-mail list) are keyed by its uid; the data's
 * settings are logged, this desktop's own are not. */
static void
test_parts (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) emails = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_contact_value_free);
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(JsonObject) key = NULL;
  g_autoptr(RapportPipeline) pipeline = NULL;
  g_autofree char *uid = NULL;
  RapportContactFields fields = { .name = "Mira Team", .lifecycle = RAPPORT_LIFECYCLE_LEAD };
  RapportLoggedChange *change;

  g_assert_true (rapport_store_set_change_log_active (f->store, TRUE, NULL));
  g_ptr_array_add (emails, rapport_contact_value_new ("work", "mira@example.org"));
  g_ptr_array_add (emails, rapport_contact_value_new ("home", "mira@example.net"));
  fields.emails = emails;
  contact = rapport_store_add_contact (f->store, &fields, &error);
  g_assert_no_error (error);
  uid = rapport_store_get_uid (f->store, RAPPORT_ENTITY_CONTACT, rapport_record_get_id (RAPPORT_RECORD (contact)));

  all = changes (f);
  g_assert_cmpuint (count_of (all, "contact_email"), ==, 2);
  change = last_of (all, "contact_email");
  key = parse_object (change->key);
  g_assert_cmpstr (json_object_get_string_member (key, "contact"), ==, uid);
  g_assert_cmpint (json_object_get_int_member (key, "position"), ==, 1);
  g_clear_pointer (&all, g_ptr_array_unref);

  g_assert_true (rapport_store_set_default_currency (f->store, "EUR", &error));
  g_assert_no_error (error);
  pipeline = rapport_store_add_pipeline_from_template (f->store, "consultative7", &error);
  g_assert_no_error (error);
  g_assert_true (rapport_store_set_current_pipeline (f->store, pipeline, &error));
  g_assert_no_error (error);
  all = changes (f);
  g_assert_cmpuint (count_of (all, "setting"), ==, 1);
  change = last_of (all, "setting");
  g_assert_nonnull (strstr (change->key, "default-currency"));
  g_assert_nonnull (strstr (change->fields, "EUR"));
  g_assert_cmpuint (count_of (all, "pipeline"), ==, 1);
}

static void
test_forget (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(RapportDeal) a = NULL;
  g_autoptr(RapportDeal) b = NULL;
  gint64 last;

  g_assert_true (rapport_store_set_change_log_active (f->store, TRUE, NULL));
  a = add_deal (f, "Sent deal");
  all = changes (f);
  last = ((RapportLoggedChange *) all->pdata[all->len - 1])->seq;
  b = add_deal (f, "Waiting deal");

  g_assert_true (rapport_store_forget_changes (f->store, last, &error));
  g_assert_no_error (error);
  later = changes (f);
  g_assert_cmpuint (later->len, >, 0);
  for (guint i = 0; i < later->len; i++)
    g_assert_cmpint (((RapportLoggedChange *) later->pdata[i])->seq, >, last);
  g_assert_nonnull (strstr (((RapportLoggedChange *) later->pdata[0])->fields, "Waiting deal"));
}

static void
count_setting_notice (RapportStore  *store,
              RapportNotice *notice,
              guint         *n)
{
  g_assert_cmpint (notice->entity, ==, RAPPORT_ENTITY_SETTING);
  (*n)++;
}

/* The views follow the file into and out of a team: joining (the server,
 * then the user) and leaving are settings notices; the values every sync
 * writes, and a write of the same value, are not. */
static void
test_membership_notices (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *user = NULL;
  guint n = 0;

  g_signal_connect (f->store, "notice::setting", G_CALLBACK (count_setting_notice), &n);
  g_assert_null (rapport_store_get_team_user (f->store));

  g_assert_true (rapport_store_set_team_server (f->store, "host=team.example dbname=team", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  /* A server but no user yet: not a member. */
  g_assert_null (rapport_store_get_team_user (f->store));

  g_assert_true (rapport_store_set_team_value (f->store, "team-user", "alex", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  user = rapport_store_get_team_user (f->store);
  g_assert_cmpstr (user, ==, "alex");

  g_assert_true (rapport_store_set_team_value (f->store, "team-user", "alex", &error));
  g_assert_true (rapport_store_set_team_value (f->store, "team-state", "idle", &error));
  g_assert_true (rapport_store_set_team_value (f->store, "team-synced-at", "1700000000", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  /* Leaving, as rapport_sync_leave() does it. */
  g_assert_true (rapport_store_set_team_value (f->store, "team-user", NULL, &error));
  g_assert_true (rapport_store_set_team_value (f->store, "team-server", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  g_assert_null (rapport_store_get_team_user (f->store));

  g_signal_handlers_disconnect_by_func (f->store, count_setting_notice, &n);
}

/* A team's file with @deal's @field changed here and not pushed, then a
 * pull of a teammate's other value of it (@theirs, JSON): a conflict. */
static void
make_conflict (Fixture     *f,
               RapportDeal *deal,
               const char  *field,
               const char  *theirs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_team_record_free);
  g_autofree char *uid = rapport_store_get_uid (f->store, RAPPORT_ENTITY_DEAL, rapport_record_get_id (RAPPORT_RECORD (deal)));
  RapportTeamRecord *record = g_new0 (RapportTeamRecord, 1);
  guint n_conflicts = 0;

  record->entity = g_strdup ("deal");
  record->key = g_strdup_printf ("{\"uid\":\"%s\"}", uid);
  record->fields = g_strdup_printf ("{\"%s\":%s}", field, theirs);
  record->author = g_strdup ("alex");
  record->at = 1700000000;
  g_ptr_array_add (records, record);
  g_assert_true (rapport_store_apply_team_records (f->store, records, &n_conflicts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_conflicts, ==, 1);
}

/* A deal of a team's file whose value was changed here to 9 500.00
 * after everything else was pushed, and a teammate's 12 000.00. */
static RapportDeal *
deal_in_conflict (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  RapportDeal *deal;

  g_assert_true (rapport_store_set_change_log_active (f->store, TRUE, &error));
  g_assert_no_error (error);
  deal = add_deal (f, "Atlas");
  all = changes (f);
  g_assert_true (rapport_store_forget_changes (f->store, ((RapportLoggedChange *) all->pdata[all->len - 1])->seq, &error));
  g_assert_no_error (error);

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, 950000);
  g_assert_true (rapport_store_update (f->store, RAPPORT_RECORD (deal), "value", &value, &error));
  g_assert_no_error (error);
  make_conflict (f, deal, "value", "1200000");
  return deal;
}

static void
count_notice (guint               *n,
              const RapportNotice *notice,
              RapportStore        *store)
{
  if (notice->entity == RAPPORT_ENTITY_DEAL && notice->change == RAPPORT_CHANGE_UPDATED)
    (*n)++;
}

/* Keep Mine: the conflict goes, the value stays, nothing is logged; its
 * undo lists it again. */
static void
test_conflict_dismiss (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDeal) deal = deal_in_conflict (f);
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (deal));
  g_autoptr(GPtrArray) conflicts = rapport_store_get_conflicts (f->store, RAPPORT_ENTITY_DEAL, id);
  g_autoptr(GPtrArray) before = changes (f);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(RapportTeamConflict) kept = NULL;
  guint notices = 0;

  g_assert_cmpuint (conflicts->len, ==, 1);
  kept = rapport_team_conflict_copy (conflicts->pdata[0]);
  g_assert_cmpstr (kept->theirs, ==, "1200000");
  g_assert_cmpstr (kept->yours, ==, "950000");
  g_assert_cmpstr (kept->author, ==, "alex");
  g_signal_connect_swapped (f->store, "notice", G_CALLBACK (count_notice), &notices);

  g_assert_true (rapport_store_dismiss_conflict (f->store, RAPPORT_ENTITY_DEAL, id, "value", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notices, ==, 1);
  left = rapport_store_get_conflicts (f->store, RAPPORT_ENTITY_DEAL, id);
  g_assert_cmpuint (left->len, ==, 0);
  g_assert_cmpint (rapport_deal_get_value (deal), ==, 950000);
  after = changes (f);
  g_assert_cmpuint (after->len, ==, before->len);

  /* Gone already: said so. */
  g_assert_false (rapport_store_dismiss_conflict (f->store, RAPPORT_ENTITY_DEAL, id, "value", &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND);

  g_assert_true (rapport_store_restore_conflict (f->store, RAPPORT_ENTITY_DEAL, id, kept, FALSE, NULL));
  again = rapport_store_get_conflicts (f->store, RAPPORT_ENTITY_DEAL, id);
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_cmpstr (((RapportTeamConflict *) again->pdata[0])->theirs, ==, "1200000");
  g_assert_cmpint (rapport_deal_get_value (deal), ==, 950000);
  g_signal_handlers_disconnect_by_data (f->store, &notices);
}

/* Use Alex's: the teammate's value written and logged as a change of
 * this desktop's, the conflict gone; its undo writes ours back, logged
 * too, and lists the conflict again. */
static void
test_conflict_take_theirs (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDeal) deal = deal_in_conflict (f);
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (deal));
  g_autoptr(GPtrArray) conflicts = rapport_store_get_conflicts (f->store, RAPPORT_ENTITY_DEAL, id);
  g_autoptr(RapportTeamConflict) kept = rapport_team_conflict_copy (conflicts->pdata[0]);
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) undone = NULL;
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(JsonObject) back = NULL;
  guint notices = 0;

  g_signal_connect_swapped (f->store, "notice", G_CALLBACK (count_notice), &notices);
  g_assert_true (rapport_store_conflict_can_take (RAPPORT_ENTITY_DEAL, "value"));
  g_assert_true (rapport_store_take_theirs (f->store, RAPPORT_ENTITY_DEAL, id, "value", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notices, ==, 1);
  g_assert_cmpint (rapport_deal_get_value (deal), ==, 1200000);
  left = rapport_store_get_conflicts (f->store, RAPPORT_ENTITY_DEAL, id);
  g_assert_cmpuint (left->len, ==, 0);

  all = changes (f);
  fields = parse_object (last_of (all, "deal")->fields);
  g_assert_cmpstr (last_of (all, "deal")->op, ==, "update");
  g_assert_cmpint (json_object_get_int_member (fields, "value"), ==, 1200000);

  g_assert_true (rapport_store_restore_conflict (f->store, RAPPORT_ENTITY_DEAL, id, kept, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_deal_get_value (deal), ==, 950000);
  again = rapport_store_get_conflicts (f->store, RAPPORT_ENTITY_DEAL, id);
  g_assert_cmpuint (again->len, ==, 1);
  undone = changes (f);
  back = parse_object (last_of (undone, "deal")->fields);
  g_assert_cmpint (json_object_get_int_member (back, "value"), ==, 950000);
  g_signal_handlers_disconnect_by_data (f->store, &notices);
}

/* A teammate's stage is taken by a move, with its history; a value the
 * store's rules refuse is not written, and the conflict stays. */
static void
test_conflict_stage_and_rules (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDeal) deal = deal_in_conflict (f);
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (deal));
  g_autoptr(RapportPipeline) pipeline = rapport_store_get_current_pipeline (f->store);
  GListModel *stages = rapport_store_get_stages (f->store, pipeline);
  g_autoptr(RapportStage) second = g_list_model_get_item (stages, 1);
  g_autoptr(RapportStage) third = g_list_model_get_item (stages, 2);
  g_autofree char *second_uid = stage_uid (f, second);
  g_autofree char *theirs = g_strdup_printf ("\"%s\"", second_uid);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_auto(GValue) title = G_VALUE_INIT;

  g_assert_true (rapport_store_move_deal (f->store, deal, third, -1, &error));
  g_assert_no_error (error);
  make_conflict (f, deal, "stage", theirs);
  g_assert_true (rapport_store_take_theirs (f->store, RAPPORT_ENTITY_DEAL, id, "stage", &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_deal_get_stage_id (deal), ==, rapport_record_get_id (RAPPORT_RECORD (second)));
  all = changes (f);
  g_assert_nonnull (last_of (all, "stage_change"));
  conflicts = rapport_store_get_conflicts (f->store, RAPPORT_ENTITY_DEAL, id);
  g_assert_cmpuint (conflicts->len, ==, 1);   /* the value's, still there */

  /* A title the team left empty: refused by the store's rules. */
  g_value_init (&title, G_TYPE_STRING);
  g_value_set_string (&title, "Atlas, ours");
  g_assert_true (rapport_store_update (f->store, RAPPORT_RECORD (deal), "title", &title, &error));
  g_assert_no_error (error);
  make_conflict (f, deal, "title", "\"   \"");
  g_assert_false (rapport_store_take_theirs (f->store, RAPPORT_ENTITY_DEAL, id, "title", &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_assert_cmpstr (rapport_deal_get_title (deal), ==, "Atlas, ours");
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = rapport_store_get_conflicts (f->store, RAPPORT_ENTITY_DEAL, id);
  g_assert_cmpuint (conflicts->len, ==, 2);

  /* An outcome is changed on the deal itself. */
  g_assert_false (rapport_store_conflict_can_take (RAPPORT_ENTITY_DEAL, "status"));
  g_assert_true (rapport_store_conflict_can_take (RAPPORT_ENTITY_DEAL, "expected_close"));
  g_assert_true (rapport_store_conflict_can_take (RAPPORT_ENTITY_CONTACT, "organization"));
}

static int
count_sql (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* A file of version 15 upgrades: every record it holds gets a uid of
 * its own. */
static void
test_migration (void)
{
  g_autofree char *dir = rapport_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "v15.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (rapport_schema_migrate_to (db, 0, 15, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO pipeline (id, name, template, position) VALUES (1, 'Old', 'classic5', 0);"
                                 "INSERT INTO stage (id, pipeline_id, name, position, probability) VALUES"
                                 "  (1, 1, 'First', 0, 10), (2, 1, 'Second', 1, 50);"
                                 "INSERT INTO deal (title, value, currency, stage_id, rank, created_at) VALUES"
                                 "  ('One', 100, 'EUR', 1, 0, 1), ('Two', 200, 'EUR', 2, 0, 2), ('Three', 300, 'EUR', 2, 1, 3);"
                                 "INSERT INTO setting VALUES ('current-pipeline', '1');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rapport_store_new (path, &error);
  g_assert_no_error (error);
  db = rapport_store_get_db (store);
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM deal WHERE uid IS NULL"), ==, 0);
  g_assert_cmpint (count_sql (db, "SELECT count(DISTINCT uid) FROM deal"), ==, 3);
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM stage WHERE uid IS NULL"), ==, 0);
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM pipeline WHERE uid IS NULL"), ==, 0);
  /* Three triggers on each of the 22 tables, and nothing logged yet. */
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%\\_change\\_%' ESCAPE '\\'"), ==, 3 * 22);
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM change_log"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/change-log/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("uids", test_uids);
  ADD ("off-until-joined", test_off_until_joined);
  ADD ("deal-lifetime", test_deal_lifetime);
  ADD ("rolled-back", test_rolled_back);
  ADD ("other-writer", test_other_writer);
  ADD ("parts", test_parts);
  ADD ("forget", test_forget);
  ADD ("membership-notices", test_membership_notices);
  ADD ("conflict-dismiss", test_conflict_dismiss);
  ADD ("conflict-take-theirs", test_conflict_take_theirs);
  ADD ("conflict-stage-and-rules", test_conflict_stage_and_rules);
#undef ADD
  g_test_add_func ("/change-log/migration", test_migration);

  return g_test_run ();
}
