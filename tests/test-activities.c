/* test-activities.c — activities as a seller logs them: outcome, duration,
 * time, the next step in the same transaction, a contact's activities on
 * their open deals, and Mark Contacted with its undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "rapport-enums.h"
#include "rapport-report.h"
#include "rapport-test-support.h"

/* 2026-11-20T10:00:00Z */
#define T0 ((gint64) 1795168800)

static gint64
id_of (gpointer record)
{
  return rapport_record_get_id (RAPPORT_RECORD (record));
}

static RapportContact *
add_contact (RapportStore     *store,
             const char       *name,
             RapportLifecycle  lifecycle)
{
  g_autoptr(GError) error = NULL;
  RapportContactFields fields = {
    .name = name,
    .lifecycle = lifecycle,
    .created_at = T0,
  };
  RapportContact *contact = rapport_store_add_contact (store, &fields, &error);

  g_assert_no_error (error);
  return contact;
}

static RapportDeal *
add_deal (RapportStore *store,
          const char   *title,
          gint64        contact_id)
{
  g_autoptr(GError) error = NULL;
  RapportDealFields fields = {
    .title = title, .value = 500000, .currency = "EUR", .contact_id = contact_id,
  };
  RapportDeal *deal = rapport_store_add_deal (store, &fields, &error);

  g_assert_no_error (error);
  return deal;
}

static guint
n_activities (RapportStore *store,
              gint64        contact_id)
{
  g_autoptr(GListModel) list = rapport_store_get_contact_activities (store, contact_id);

  return g_list_model_get_n_items (list);
}

static void
assert_refused (RapportStore             *store,
                const RapportActivityLog *log)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportActivity) next = NULL;
  g_autoptr(RapportActivity) activity = rapport_store_log_activity_full (store, log, &next, &error);

  g_assert_null (activity);
  g_assert_null (next);
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
}

static void
test_outcome_and_duration (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportContact) person = add_contact (store, "Ines Moreau", RAPPORT_LIFECYCLE_CUSTOMER);
  g_autofree char *path = g_strdup (rapport_store_get_path (store));
  g_autoptr(RapportStore) reopened = NULL;
  g_autoptr(RapportActivity) call = NULL;
  g_autoptr(RapportActivity) stored = NULL;
  g_autoptr(RapportActivity) meeting = NULL;
  g_autoptr(GError) error = NULL;
  RapportActivityLog log = {
    .contact_id = id_of (person),
    .kind = RAPPORT_ACTIVITY_CALL,
    .outcome = RAPPORT_OUTCOME_LEFT_VOICEMAIL,
    .duration_minutes = 3,
    .done_at = T0 + 3600,
    .note = "Asked her to call back",
  };

  rapport_store_set_now (store, T0 + 2 * 3600);
  call = rapport_store_log_activity_full (store, &log, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_activity_get_outcome (call), ==, RAPPORT_OUTCOME_LEFT_VOICEMAIL);
  g_assert_cmpint (rapport_activity_get_duration_minutes (call), ==, 3);
  /* The time given, not now; and it is the last contact. */
  g_assert_cmpint (rapport_activity_get_done_at (call), ==, T0 + 3600);
  g_assert_cmpint (rapport_contact_get_last_contacted_at (person), ==, T0 + 3600);

  /* Without a time: now. */
  log.kind = RAPPORT_ACTIVITY_MEETING;
  log.outcome = RAPPORT_OUTCOME_NO_SHOW;
  log.done_at = 0;
  meeting = rapport_store_log_activity_full (store, &log, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_activity_get_done_at (meeting), ==, T0 + 2 * 3600);

  /* Stored: another connection reads the same. */
  reopened = rapport_store_new (path, &error);
  g_assert_no_error (error);
  stored = rapport_store_get_activity (reopened, id_of (call), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_activity_get_outcome (stored), ==, RAPPORT_OUTCOME_LEFT_VOICEMAIL);
  g_assert_cmpint (rapport_activity_get_duration_minutes (stored), ==, 3);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* An outcome must fit the kind; a duration is at most a day; nothing is
 * logged in the future. Each refusal writes nothing. */
static void
test_refusals (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportContact) person = add_contact (store, "Jonas Berg", RAPPORT_LIFECYCLE_CUSTOMER);
  g_autoptr(RapportActivity) call = NULL;
  g_autoptr(GError) error = NULL;
  RapportActivityLog log = { .contact_id = id_of (person) };
  static const struct
  {
    RapportActivityKind    kind;
    RapportActivityOutcome outcome;
  } misfits[] = {
    { RAPPORT_ACTIVITY_CALL, RAPPORT_OUTCOME_HELD },
    { RAPPORT_ACTIVITY_CALL, RAPPORT_OUTCOME_NO_SHOW },
    { RAPPORT_ACTIVITY_MEETING, RAPPORT_OUTCOME_CONNECTED },
    { RAPPORT_ACTIVITY_MEETING, RAPPORT_OUTCOME_WRONG_NUMBER },
    { RAPPORT_ACTIVITY_EMAIL, RAPPORT_OUTCOME_CONNECTED },
    { RAPPORT_ACTIVITY_EMAIL, RAPPORT_OUTCOME_HELD },
    { RAPPORT_ACTIVITY_CALL, 99 },
  };

  rapport_store_set_now (store, T0 + 3600);

  for (guint i = 0; i < G_N_ELEMENTS (misfits); i++)
    {
      log.kind = misfits[i].kind;
      log.outcome = misfits[i].outcome;
      assert_refused (store, &log);
    }

  log.kind = RAPPORT_ACTIVITY_CALL;
  log.outcome = RAPPORT_OUTCOME_CONNECTED;
  log.duration_minutes = RAPPORT_ACTIVITY_MAX_MINUTES + 1;
  assert_refused (store, &log);
  log.duration_minutes = -1;
  assert_refused (store, &log);
  log.duration_minutes = 0;

  log.done_at = T0 + 3601;
  assert_refused (store, &log);
  log.done_at = 0;

  /* A next step of no kind a follow-up has. */
  log.next_due_at = T0 + 7200;
  log.next_kind = RAPPORT_ACTIVITY_FOLLOWUP;
  assert_refused (store, &log);

  g_assert_cmpuint (n_activities (store, id_of (person)), ==, 0);
  g_assert_cmpint (rapport_contact_get_last_contacted_at (person), ==, 0);

  /* The database says the same to a program that skips the store. */
  call = rapport_store_log_activity (store, id_of (person), 0, RAPPORT_ACTIVITY_EMAIL, NULL, &error);
  g_assert_no_error (error);
  {
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, RAPPORT_TYPE_ACTIVITY_OUTCOME);
    g_value_set_enum (&value, RAPPORT_OUTCOME_CONNECTED);
    g_assert_false (rapport_store_update (store, RAPPORT_RECORD (call), "outcome", &value, &error));
    g_assert_nonnull (error);
  }
  g_assert_cmpint (rapport_activity_get_outcome (call), ==, RAPPORT_OUTCOME_NONE);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_next_step (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportContact) person = add_contact (store, "Maya Lind", RAPPORT_LIFECYCLE_CUSTOMER);
  g_autoptr(RapportDeal) deal = add_deal (store, "Lind pilot", id_of (person));
  g_autoptr(RapportActivity) call = NULL;
  g_autoptr(RapportActivity) next = NULL;
  g_autoptr(RapportActivity) email = NULL;
  g_autoptr(RapportActivity) next_email = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_title = g_strnfill (2000, 'x');
  RapportActivityLog log = {
    .contact_id = id_of (person),
    .deal_id = id_of (deal),
    .kind = RAPPORT_ACTIVITY_CALL,
    .outcome = RAPPORT_OUTCOME_CONNECTED,
    .next_due_at = T0 + 86400,
    .next_kind = RAPPORT_ACTIVITY_MEETING,
  };

  rapport_store_set_now (store, T0 + 60);
  call = rapport_store_log_activity_full (store, &log, &next, &error);
  g_assert_no_error (error);
  g_assert_nonnull (next);
  g_assert_cmpint (rapport_activity_get_kind (next), ==, RAPPORT_ACTIVITY_FOLLOWUP);
  g_assert_cmpint (rapport_activity_get_followup_kind (next), ==, RAPPORT_ACTIVITY_MEETING);
  g_assert_cmpint (rapport_activity_get_due_at (next), ==, T0 + 86400);
  g_assert_cmpint (rapport_activity_get_done_at (next), ==, 0);
  g_assert_cmpint (rapport_activity_get_deal_id (next), ==, id_of (deal));
  g_assert_cmpstr (rapport_activity_get_title (next), ==, "Meet Maya Lind");
  g_assert_cmpint (rapport_contact_get_next_followup_at (person), ==, T0 + 86400);

  /* Empty is no title; only spaces is no readable one. */
  {
    g_autoptr(RapportActivity) blank = NULL;
    g_autoptr(RapportActivity) blank_next = NULL;

    log.next_title = "";
    blank = rapport_store_log_activity_full (store, &log, &blank_next, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rapport_activity_get_title (blank_next), ==, "Meet Maya Lind");
    g_assert_true (rapport_store_unlog_activity (store, blank, blank_next, &error));
    log.next_title = "   ";
    assert_refused (store, &log);
  }

  /* A title given is kept. */
  log.kind = RAPPORT_ACTIVITY_EMAIL;
  log.outcome = RAPPORT_OUTCOME_NONE;
  log.next_kind = RAPPORT_ACTIVITY_TASK;
  log.next_title = "  Send the contract  ";
  email = rapport_store_log_activity_full (store, &log, &next_email, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_activity_get_title (next_email), ==, "Send the contract");
  g_assert_cmpint (rapport_activity_get_followup_kind (next_email), ==, RAPPORT_ACTIVITY_TASK);

  /* One transaction: a next step that cannot be stored leaves no
   * activity either. */
  log.next_title = long_title;
  assert_refused (store, &log);
  g_assert_cmpuint (n_activities (store, id_of (person)), ==, 4);

  /* Undo takes back the call and its next step together. */
  g_assert_true (rapport_store_unlog_activity (store, call, next, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_activities (store, id_of (person)), ==, 2);
  g_assert_null (rapport_store_get_activity (store, id_of (next), NULL));
  g_assert_cmpint (rapport_contact_get_next_followup_at (person), ==, T0 + 86400);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static gboolean
lists (GListModel *model,
       gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RapportRecord) record = g_list_model_get_item (model, i);

      if (rapport_record_get_id (record) == id)
        return TRUE;
    }

  return FALSE;
}

/* A call logged on the contact alone is in the story of each of their
 * open deals, not of a closed one, nor of someone else's. */
static void
test_contact_activity_on_open_deals (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportContact) person = add_contact (store, "Omar Haddad", RAPPORT_LIFECYCLE_CUSTOMER);
  g_autoptr(RapportContact) other = add_contact (store, "Rita Nagy", RAPPORT_LIFECYCLE_CUSTOMER);
  g_autoptr(RapportDeal) open = add_deal (store, "Haddad renewal", id_of (person));
  g_autoptr(RapportDeal) second = add_deal (store, "Haddad upsell", id_of (person));
  g_autoptr(RapportDeal) won = add_deal (store, "Haddad first order", id_of (person));
  g_autoptr(RapportDeal) others = add_deal (store, "Nagy order", id_of (other));
  g_autoptr(GListModel) on_open = NULL;
  g_autoptr(GListModel) on_second = NULL;
  g_autoptr(GListModel) on_won = NULL;
  g_autoptr(GListModel) on_others = NULL;
  g_autoptr(RapportActivity) call = NULL;
  g_autoptr(RapportActivity) followup = NULL;
  g_autoptr(GError) error = NULL;

  rapport_store_set_now (store, T0 + 60);
  g_assert_true (rapport_store_set_deal_status (store, won, RAPPORT_DEAL_STATUS_WON, NULL, &error));
  on_open = rapport_store_get_deal_activities (store, id_of (open));
  on_second = rapport_store_get_deal_activities (store, id_of (second));
  on_won = rapport_store_get_deal_activities (store, id_of (won));
  on_others = rapport_store_get_deal_activities (store, id_of (others));
  g_assert_cmpuint (g_list_model_get_n_items (on_open), ==, 0);

  call = rapport_store_log_activity (store, id_of (person), 0, RAPPORT_ACTIVITY_CALL, "Checked in", &error);
  g_assert_no_error (error);
  /* The contact's own follow-ups stay theirs. */
  followup = rapport_store_add_followup (store, id_of (person), 0, "Send a card", T0 + 86400, &error);
  g_assert_no_error (error);

  g_assert_true (lists (on_open, id_of (call)));
  g_assert_true (lists (on_second, id_of (call)));
  g_assert_false (lists (on_open, id_of (followup)));
  g_assert_false (lists (on_won, id_of (call)));
  g_assert_false (lists (on_others, id_of (call)));

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static RapportActivity *
speed_to_lead_followup (RapportStore *store,
                        gint64        contact_id)
{
  g_autoptr(GPtrArray) all = rapport_store_list_followups (store, FALSE, NULL);

  for (guint i = 0; i < all->len; i++)
    if (rapport_activity_get_contact_id (all->pdata[i]) == contact_id &&
        rapport_activity_get_rule (all->pdata[i]) == RAPPORT_RULE_SPEED_TO_LEAD)
      return g_object_ref (all->pdata[i]);

  return NULL;
}

static guint
calls_in_report (RapportStore *store)
{
  g_autoptr(GError) error = NULL;
  RapportReportQuery query = { T0 - 86400, T0 + 86400, NULL, 0 };
  RapportReport *report = rapport_store_report_summary (store, &query, &error);
  guint calls;

  g_assert_no_error (error);
  calls = report->current.activities[RAPPORT_ACTIVITY_CALL];
  rapport_report_free (report);
  return calls;
}

/* Mark Contacted logs the first contact as a call: the lead's first and
 * last contact, the follow-up and the activity counts agree. Its undo
 * takes all of it back, and the lead waits again. */
static void
test_mark_contacted (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportContact) lead = add_contact (store, "Sven Aalto", RAPPORT_LIFECYCLE_LEAD);
  g_autoptr(RapportActivity) followup = speed_to_lead_followup (store, id_of (lead));
  g_autoptr(RapportActivity) logged = NULL;
  g_autoptr(RapportActivity) again = NULL;
  g_autoptr(GError) error = NULL;
  RapportSpeedToLead stats;

  g_assert_nonnull (followup);
  /* What a new lead waits for is a call. */
  g_assert_cmpint (rapport_activity_get_followup_kind (followup), ==, RAPPORT_ACTIVITY_CALL);

  rapport_store_set_now (store, T0 + 20 * 60);
  logged = rapport_store_mark_contacted (store, followup, &error);
  g_assert_no_error (error);
  g_assert_nonnull (logged);
  g_assert_cmpint (rapport_activity_get_kind (logged), ==, RAPPORT_ACTIVITY_CALL);
  g_assert_cmpint (rapport_activity_get_rule (logged), ==, RAPPORT_RULE_NONE);
  g_assert_cmpint (rapport_activity_get_done_at (logged), ==, T0 + 20 * 60);
  g_assert_cmpint (rapport_activity_get_done_at (followup), ==, T0 + 20 * 60);
  g_assert_cmpint (rapport_contact_get_first_contacted_at (lead), ==, T0 + 20 * 60);
  g_assert_cmpint (rapport_contact_get_last_contacted_at (lead), ==, T0 + 20 * 60);
  g_assert_cmpuint (calls_in_report (store), ==, 1);
  g_assert_true (rapport_store_get_speed_to_lead (store, &stats, &error));
  g_assert_cmpuint (stats.n_contacted, ==, 1);

  /* Once is enough. */
  g_assert_null (rapport_store_mark_contacted (store, followup, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);

  /* Undo: the call, the first contact and the follow-up's Done go. */
  rapport_store_set_now (store, T0 + 25 * 60);
  g_assert_true (rapport_store_unlog_activity (store, logged, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (rapport_store_get_activity (store, id_of (logged), NULL));
  g_assert_cmpint (rapport_contact_get_first_contacted_at (lead), ==, 0);
  g_assert_cmpint (rapport_contact_get_last_contacted_at (lead), ==, 0);
  g_assert_cmpint (rapport_activity_get_done_at (followup), ==, 0);
  g_assert_cmpuint (calls_in_report (store), ==, 0);
  g_assert_true (rapport_store_get_speed_to_lead (store, &stats, &error));
  g_assert_cmpuint (stats.n_contacted, ==, 0);
  g_assert_cmpuint (stats.n_waiting, ==, 1);

  /* And it can be marked again. */
  again = rapport_store_mark_contacted (store, followup, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_contact_get_first_contacted_at (lead), ==, T0 + 25 * 60);

  /* Only a lead's follow-up is marked contacted. */
  {
    g_autoptr(RapportActivity) plain = rapport_store_add_followup (store, id_of (lead), 0, "Send a card",
                                                                  T0 + 86400, &error);

    g_assert_no_error (error);
    g_assert_null (rapport_store_mark_contacted (store, plain, &error));
    g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  }

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Undoing a later call leaves an earlier first contact alone; undoing
 * the first one makes the next one the first. */
static void
test_unlog_keeps_other_first_contact (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportContact) lead = add_contact (store, "Tara Quinn", RAPPORT_LIFECYCLE_LEAD);
  g_autoptr(RapportActivity) first = NULL;
  g_autoptr(RapportActivity) second = NULL;
  g_autoptr(GError) error = NULL;

  rapport_store_set_now (store, T0 + 600);
  first = rapport_store_log_activity (store, id_of (lead), 0, RAPPORT_ACTIVITY_CALL, NULL, &error);
  rapport_store_set_now (store, T0 + 1200);
  second = rapport_store_log_activity (store, id_of (lead), 0, RAPPORT_ACTIVITY_EMAIL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (rapport_store_unlog_activity (store, second, NULL, &error));
  g_assert_cmpint (rapport_contact_get_first_contacted_at (lead), ==, T0 + 600);
  g_assert_cmpint (rapport_contact_get_last_contacted_at (lead), ==, T0 + 600);

  g_clear_object (&second);
  second = rapport_store_log_activity (store, id_of (lead), 0, RAPPORT_ACTIVITY_EMAIL, NULL, &error);
  g_assert_true (rapport_store_unlog_activity (store, first, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_contact_get_first_contacted_at (lead), ==, T0 + 1200);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_followup_kind (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportContact) person = add_contact (store, "Uma Roy", RAPPORT_LIFECYCLE_CUSTOMER);
  g_autoptr(RapportActivity) plain = NULL;
  g_autoptr(RapportActivity) email = NULL;
  g_autoptr(GError) error = NULL;

  plain = rapport_store_add_followup (store, id_of (person), 0, "Think it over", T0 + 60, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_activity_get_followup_kind (plain), ==, RAPPORT_ACTIVITY_TASK);

  email = rapport_store_add_followup_of_kind (store, id_of (person), 0, RAPPORT_ACTIVITY_EMAIL,
                                              "Send the quote", T0 + 60, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_activity_get_followup_kind (email), ==, RAPPORT_ACTIVITY_EMAIL);
  g_assert_cmpint (rapport_activity_get_kind (email), ==, RAPPORT_ACTIVITY_FOLLOWUP);

  g_assert_null (rapport_store_add_followup_of_kind (store, id_of (person), 0, RAPPORT_ACTIVITY_FOLLOWUP,
                                                     "Nothing", T0 + 60, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/activities/outcome-and-duration", test_outcome_and_duration);
  g_test_add_func ("/activities/refusals", test_refusals);
  g_test_add_func ("/activities/next-step", test_next_step);
  g_test_add_func ("/activities/contact-activity-on-open-deals", test_contact_activity_on_open_deals);
  g_test_add_func ("/activities/mark-contacted", test_mark_contacted);
  g_test_add_func ("/activities/unlog-keeps-other-first-contact", test_unlog_keeps_other_first_contact);
  g_test_add_func ("/activities/followup-kind", test_followup_kind);

  return g_test_run ();
}
