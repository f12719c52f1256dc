/* test-rules.c — the domain rules live in the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "rapport-test-support.h"

/* 2026-11-20T10:00:00Z */
#define T0 ((gint64) 1795168800)

static gint64
id_of (gpointer record)
{
  return rapport_record_get_id (RAPPORT_RECORD (record));
}

static RapportDeal *
add_deal (RapportStore *store,
          const char   *title)
{
  g_autoptr(GError) error = NULL;
  RapportDealFields fields = { .title = title, .value = 500000, .currency = "EUR" };
  RapportDeal *deal = rapport_store_add_deal (store, &fields, &error);

  g_assert_no_error (error);
  return deal;
}

static RapportContact *
add_lead (RapportStore *store,
          const char   *name,
          gint64        created_at)
{
  g_autoptr(GError) error = NULL;
  RapportContactFields fields = {
    .name = name,
    .lifecycle = RAPPORT_LIFECYCLE_LEAD,
    .created_at = created_at,
  };
  RapportContact *contact = rapport_store_add_contact (store, &fields, &error);

  g_assert_no_error (error);
  return contact;
}

/* The pending follow-ups of @contact_id. */
static GPtrArray *
pending_of (RapportStore *store,
            gint64        contact_id)
{
  g_autoptr(GPtrArray) all = rapport_store_list_followups (store, FALSE, NULL);
  GPtrArray *ret = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < all->len; i++)
    if (rapport_activity_get_contact_id (all->pdata[i]) == contact_id)
      g_ptr_array_add (ret, g_object_ref (all->pdata[i]));

  return ret;
}

static void
test_bant (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autofree char *path = g_strdup (rapport_store_get_path (store));
  g_autoptr(RapportDeal) deal = add_deal (store, "Qualify me");
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) reopened = NULL;
  g_autoptr(RapportDeal) stored = NULL;
  gint64 id = id_of (deal);

  g_assert_true (rapport_store_set_bant (store, deal, RAPPORT_BANT_BUDGET, RAPPORT_ANSWER_YES, &error));
  g_assert_true (rapport_store_set_bant (store, deal, RAPPORT_BANT_NEED, RAPPORT_ANSWER_YES, &error));
  g_assert_true (rapport_store_set_bant (store, deal, RAPPORT_BANT_AUTHORITY, RAPPORT_ANSWER_NO, &error));
  g_assert_no_error (error);

  /* 2 of 4 is not enough. */
  g_assert_cmpint (rapport_deal_get_bant_score (deal), ==, 2);
  g_assert_false (rapport_deal_get_qualified (deal));

  /* 3 of 4 qualifies. */
  g_assert_true (rapport_store_set_bant (store, deal, RAPPORT_BANT_TIMELINE, RAPPORT_ANSWER_YES, &error));
  g_assert_cmpint (rapport_deal_get_bant_score (deal), ==, 3);
  g_assert_true (rapport_deal_get_qualified (deal));

  g_clear_object (&deal);
  g_clear_object (&store);
  reopened = rapport_store_new (path, &error);
  g_assert_no_error (error);
  stored = rapport_store_get_deal (reopened, id, &error);
  g_assert_true (rapport_deal_get_qualified (stored));
  g_assert_cmpint (rapport_deal_get_bant_authority (stored), ==, RAPPORT_ANSWER_NO);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_won_lost_history (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportStage) first = rapport_test_stage_at (store, 0);
  g_autoptr(RapportStage) second = rapport_test_stage_at (store, 1);
  g_autoptr(RapportStage) fourth = rapport_test_stage_at (store, 3);
  g_autoptr(RapportDeal) won = NULL;
  g_autoptr(RapportDeal) lost = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  RapportStageChange *change;

  rapport_store_set_now (store, T0);
  won = add_deal (store, "Will win");
  lost = add_deal (store, "Will lose");

  rapport_store_set_now (store, T0 + 3600);
  g_assert_true (rapport_store_move_deal (store, won, second, -1, &error));
  rapport_store_set_now (store, T0 + 7200);
  g_assert_true (rapport_store_move_deal (store, won, fourth, -1, &error));
  /* A reorder in the same stage is not a stage change. */
  g_assert_true (rapport_store_move_deal (store, won, fourth, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_deal_get_stage_entered_at (won), ==, T0 + 7200);

  rapport_store_set_now (store, T0 + 9000);
  g_assert_true (rapport_store_set_deal_status (store, won, RAPPORT_DEAL_STATUS_WON, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_deal_get_status (won), ==, RAPPORT_DEAL_STATUS_WON);
  g_assert_cmpint (rapport_deal_get_closed_at (won), ==, T0 + 9000);
  g_assert_cmpint (rapport_store_get_deal_position (store, won), ==, -1);

  history = rapport_store_get_stage_history (store, won, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 4);
  change = history->pdata[0];
  g_assert_cmpint (rapport_stage_change_get_from_stage_id (change), ==, 0);
  g_assert_cmpint (rapport_stage_change_get_to_stage_id (change), ==, id_of (first));
  g_assert_cmpint (rapport_stage_change_get_changed_at (change), ==, T0);
  change = history->pdata[1];
  g_assert_cmpint (rapport_stage_change_get_from_stage_id (change), ==, id_of (first));
  g_assert_cmpint (rapport_stage_change_get_to_stage_id (change), ==, id_of (second));
  g_assert_cmpint (rapport_stage_change_get_changed_at (change), ==, T0 + 3600);
  change = history->pdata[2];
  g_assert_cmpint (rapport_stage_change_get_to_stage_id (change), ==, id_of (fourth));
  change = history->pdata[3];
  g_assert_cmpint (rapport_stage_change_get_from_status (change), ==, RAPPORT_DEAL_STATUS_OPEN);
  g_assert_cmpint (rapport_stage_change_get_to_status (change), ==, RAPPORT_DEAL_STATUS_WON);
  g_assert_cmpint (rapport_stage_change_get_changed_at (change), ==, T0 + 9000);

  /* Lost needs a reason; a blank one is no reason. */
  g_assert_false (rapport_store_set_deal_status (store, lost, RAPPORT_DEAL_STATUS_LOST, NULL, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rapport_store_set_deal_status (store, lost, RAPPORT_DEAL_STATUS_LOST, "  ", &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rapport_deal_get_status (lost), ==, RAPPORT_DEAL_STATUS_OPEN);

  g_assert_true (rapport_store_set_deal_status (store, lost, RAPPORT_DEAL_STATUS_LOST,
                                                "Chose a competitor on price", &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_deal_get_status (lost), ==, RAPPORT_DEAL_STATUS_LOST);
  g_assert_cmpstr (rapport_deal_get_lost_reason (lost), ==, "Chose a competitor on price");
  g_assert_cmpint (rapport_deal_get_closed_at (lost), ==, T0 + 9000);

  /* Moving a closed deal back onto the board reopens it. */
  g_assert_true (rapport_store_move_deal (store, lost, second, 0, &error));
  g_assert_cmpint (rapport_deal_get_status (lost), ==, RAPPORT_DEAL_STATUS_OPEN);
  g_assert_cmpint (rapport_deal_get_closed_at (lost), ==, 0);
  g_assert_null (rapport_deal_get_lost_reason (lost));

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_speed_to_lead_followup (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportContact) lead = add_lead (store, "Sakura Tanaka", T0);
  g_autoptr(GPtrArray) pending = pending_of (store, id_of (lead));
  RapportContactFields customer = { .name = "Lars Jensen", .lifecycle = RAPPORT_LIFECYCLE_CUSTOMER };
  g_autoptr(RapportContact) not_a_lead = rapport_store_add_contact (store, &customer, NULL);
  g_autoptr(GPtrArray) none = pending_of (store, id_of (not_a_lead));
  g_autoptr(RapportContact) later = NULL;
  g_autoptr(GPtrArray) later_pending = NULL;
  RapportActivity *followup;

  g_assert_cmpuint (pending->len, ==, 1);
  followup = pending->pdata[0];
  g_assert_cmpstr (rapport_activity_get_title (followup), ==, "Contact Sakura Tanaka");
  g_assert_cmpint (rapport_activity_get_kind (followup), ==, RAPPORT_ACTIVITY_FOLLOWUP);
  g_assert_cmpint (rapport_activity_get_rule (followup), ==, RAPPORT_RULE_SPEED_TO_LEAD);
  /* Exactly one hour after the lead arrived. */
  g_assert_cmpint (rapport_activity_get_due_at (followup), ==, T0 + 3600);
  g_assert_cmpint (rapport_activity_get_done_at (followup), ==, 0);

  g_assert_cmpuint (none->len, ==, 0);

  /* The hour is a setting. */
  g_assert_true (rapport_store_set_speed_to_lead_minutes (store, 30, NULL));
  later = add_lead (store, "Omar Haddad", T0);
  later_pending = pending_of (store, id_of (later));
  g_assert_cmpuint (later_pending->len, ==, 1);
  g_assert_cmpint (rapport_activity_get_due_at (later_pending->pdata[0]), ==, T0 + 1800);
  g_assert_false (rapport_store_set_speed_to_lead_minutes (store, 0, NULL));

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_first_contact_by_call (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportContact) lead = add_lead (store, "Fatima Okafor", T0);
  g_autoptr(GPtrArray) pending = pending_of (store, id_of (lead));
  g_autoptr(RapportActivity) followup = g_object_ref (pending->pdata[0]);
  g_autoptr(RapportActivity) call = NULL;
  g_autoptr(RapportActivity) second_call = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  /* A task is not contact with the lead. */
  g_assert_null (rapport_store_log_activity (store, id_of (lead), 0, RAPPORT_ACTIVITY_TASK, NULL, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);

  rapport_store_set_now (store, T0 + 40 * 60);
  call = rapport_store_log_activity (store, id_of (lead), 0, RAPPORT_ACTIVITY_CALL,
                                     "Wants a demo next week", &error);
  g_assert_no_error (error);
  g_assert_nonnull (call);
  g_assert_cmpint (rapport_activity_get_done_at (call), ==, T0 + 40 * 60);

  /* The live objects views hold are updated too. */
  g_assert_cmpint (rapport_contact_get_first_contacted_at (lead), ==, T0 + 40 * 60);
  g_assert_cmpint (rapport_activity_get_done_at (followup), ==, T0 + 40 * 60);
  after = pending_of (store, id_of (lead));
  g_assert_cmpuint (after->len, ==, 0);

  /* The first contact stays the first. */
  rapport_store_set_now (store, T0 + 90 * 60);
  second_call = rapport_store_log_activity (store, id_of (lead), 0, RAPPORT_ACTIVITY_EMAIL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_contact_get_first_contacted_at (lead), ==, T0 + 40 * 60);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_first_contact_by_followup_done (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportContact) lead = add_lead (store, "Viktor Petrov", T0);
  g_autoptr(GPtrArray) pending = pending_of (store, id_of (lead));
  RapportActivity *followup = pending->pdata[0];
  g_autoptr(GError) error = NULL;

  rapport_store_set_now (store, T0 + 75 * 60);
  g_assert_true (rapport_store_complete_activity (store, followup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_activity_get_done_at (followup), ==, T0 + 75 * 60);
  g_assert_cmpint (rapport_contact_get_first_contacted_at (lead), ==, T0 + 75 * 60);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_followups_due_and_snooze (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportDeal) deal = add_deal (store, "Acme renewal");
  g_autoptr(RapportActivity) overdue = NULL;
  g_autoptr(RapportActivity) future = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) due_after = NULL;
  g_autoptr(GError) error = NULL;

  rapport_store_set_now (store, T0);
  overdue = rapport_store_add_followup (store, 0, id_of (deal), "Send the proposal", T0 - 600, &error);
  future = rapport_store_add_followup (store, 0, id_of (deal), "Check in", T0 + 86400, &error);
  g_assert_no_error (error);
  g_assert_null (rapport_store_add_followup (store, 0, id_of (deal), " ", T0, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);

  due = rapport_store_list_followups (store, TRUE, &error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_true (due->pdata[0] == overdue);

  g_assert_true (rapport_store_snooze_activity (store, overdue, T0 + 600, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_activity_get_snoozed_until (overdue), ==, T0 + 600);
  due_after = rapport_store_list_followups (store, TRUE, &error);
  g_assert_cmpuint (due_after->len, ==, 0);

  /* A reminder shown is remembered; a new time forgets it. */
  g_assert_true (rapport_store_set_reminded (store, overdue, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_activity_get_reminded_level (overdue), ==, 2);
  g_assert_cmpint (rapport_activity_get_reminded_at (overdue), ==, T0);
  g_assert_true (rapport_store_snooze_activity (store, overdue, T0 + 900, &error));
  g_assert_cmpint (rapport_activity_get_reminded_level (overdue), ==, 0);
  g_assert_true (rapport_store_set_reminded (store, overdue, 1, &error));
  g_assert_true (rapport_store_reschedule_activity (store, overdue, T0 + 7200, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_activity_get_due_at (overdue), ==, T0 + 7200);
  g_assert_cmpint (rapport_activity_get_snoozed_until (overdue), ==, 0);
  g_assert_cmpint (rapport_activity_get_reminded_level (overdue), ==, 0);

  g_assert_true (rapport_store_complete_activity (store, future, &error));
  {
    g_autoptr(GListModel) done = rapport_store_get_done_followups (store);
    g_autoptr(RapportActivity) first = g_list_model_get_item (done, 0);

    g_assert_cmpuint (g_list_model_get_n_items (done), ==, 1);
    g_assert_true (first == future);
  }
  g_assert_false (rapport_store_snooze_activity (store, future, T0 + 60, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rapport_store_reschedule_activity (store, future, T0 + 60, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_negotiation_and_notes (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportDeal) deal = add_deal (store, "Negotiate me");
  g_autoptr(RapportNegotiationEntry) offer = NULL;
  g_autoptr(RapportNote) note = NULL;
  g_autoptr(GError) error = NULL;

  offer = rapport_store_add_negotiation_entry (store, deal, RAPPORT_NEGOTIATION_COUNTER_OFFER,
                                               450000, "They ask for 10% off", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_negotiation_entry_get_amount (offer), ==, 450000);
  g_assert_cmpstr (rapport_negotiation_entry_get_currency (offer), ==, "EUR");
  g_assert_cmpint (rapport_negotiation_entry_get_kind (offer), ==, RAPPORT_NEGOTIATION_COUNTER_OFFER);

  g_assert_null (rapport_store_add_negotiation_entry (store, deal, RAPPORT_NEGOTIATION_OFFER, -1, NULL, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);

  note = rapport_store_add_note (store, 0, id_of (deal), 0, "Budget approved in Q1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_note_get_body (note), ==, "Budget approved in Q1");
  g_assert_null (rapport_store_add_note (store, 0, 0, 0, "Orphan", &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_card_facts (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportStage) first = rapport_test_stage_at (store, 0);
  g_autoptr(RapportDeal) a = NULL;
  g_autoptr(RapportDeal) b = NULL;
  g_autoptr(RapportActivity) followup = NULL;
  g_autoptr(GError) error = NULL;
  RapportDealFields other_currency = { .title = "In yen", .value = 1000, .currency = "JPY" };
  guint n = 0;
  gint64 total = 0, weighted = 0;
  int days = rapport_stage_get_rotting_days (first);

  g_assert_cmpint (days, >, 0);
  rapport_store_set_now (store, T0);
  a = add_deal (store, "Fresh");
  b = add_deal (store, "Second");
  g_assert_nonnull (rapport_store_add_deal (store, &other_currency, NULL));

  /* Totals count every open deal, sum those in the default currency. */
  rapport_store_get_stage_totals (store, first, &n, &total, &weighted);
  g_assert_cmpuint (n, ==, 3);
  if (g_strcmp0 (rapport_store_get_default_currency (store), "EUR") == 0)
    g_assert_cmpint (total, ==, 1000000);
  else
    g_assert_cmpint (total, ==, 0);
  g_assert_cmpint (weighted, ==, total * rapport_stage_get_probability (first) / 100);

  g_assert_false (rapport_store_deal_is_rotting (store, a));
  g_assert_false (rapport_store_deal_has_overdue_followup (store, a));

  /* Past the stage's limit with nothing scheduled: rotting, by the whole
   * days over the limit (at least one), not the days in the stage. */
  rapport_store_set_now (store, T0 + (gint64) days * 86400 - 1);
  g_assert_false (rapport_store_deal_is_rotting (store, a));
  g_assert_cmpint (rapport_store_deal_get_days_rotting (store, a), ==, 0);
  rapport_store_set_now (store, T0 + (gint64) days * 86400 + 60);
  g_assert_cmpint (rapport_store_deal_get_days_rotting (store, a), ==, 1);
  rapport_store_set_now (store, T0 + (gint64) (days + 1) * 86400);
  g_assert_true (rapport_store_deal_is_rotting (store, a));
  g_assert_cmpint (rapport_store_deal_get_days_rotting (store, a), ==, 1);
  rapport_store_set_now (store, T0 + (gint64) (days + 5) * 86400 + 3600);
  g_assert_cmpint (rapport_store_deal_get_days_rotting (store, a), ==, 5);
  rapport_store_set_now (store, T0 + (gint64) (days + 1) * 86400);

  /* Scheduling a future activity resets it. */
  followup = rapport_store_add_followup (store, 0, id_of (a), "Call back",
                                         T0 + (gint64) (days + 2) * 86400, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_store_deal_is_rotting (store, a));
  g_assert_true (rapport_store_deal_is_rotting (store, b));

  /* Once its time has passed, the follow-up is overdue: a badge. It is
   * still something scheduled, so the deal is not rotting for it. */
  rapport_store_set_now (store, T0 + (gint64) (days + 3) * 86400);
  g_assert_true (rapport_store_deal_has_overdue_followup (store, a));
  g_assert_false (rapport_store_deal_has_overdue_followup (store, b));
  g_assert_false (rapport_store_deal_is_rotting (store, a));
  g_assert_cmpint (rapport_store_deal_get_days_rotting (store, a), ==, 0);
  g_assert_cmpint (rapport_store_deal_get_days_rotting (store, b), ==, 3);

  /* Done, nothing is pending any more: rotting again. */
  g_assert_true (rapport_store_complete_activity (store, followup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_store_deal_get_days_rotting (store, a), ==, 3);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_prefix_search (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  const char *names[] = { "Maya Cohen", "maximilian Weber", "Mei Zhang", "Ana Costa", "Max Müller" };
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      RapportContactFields fields = { .name = names[i] };
      g_autoptr(RapportContact) contact = rapport_store_add_contact (store, &fields, &error);

      g_assert_no_error (error);
    }
  g_assert_nonnull (rapport_store_add_organization (store, "Northwind Traders", NULL));
  g_assert_nonnull (rapport_store_add_organization (store, "Acme", NULL));

  hits = rapport_store_find_contacts_by_prefix (store, "ma", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_cmpstr (rapport_contact_get_name (hits->pdata[0]), ==, "Max Müller");
  g_assert_cmpstr (rapport_contact_get_name (hits->pdata[1]), ==, "maximilian Weber");
  g_assert_cmpstr (rapport_contact_get_name (hits->pdata[2]), ==, "Maya Cohen");
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = rapport_store_find_contacts_by_prefix (store, "MA", 2, &error);
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Text that looks like SQL is only text. */
  hits = rapport_store_find_contacts_by_prefix (store, "' OR 1=1 --", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);

  {
    RapportDealFields fields = { .title = "Northwind renewal", .value = 100 };
    g_autoptr(RapportDeal) deal = rapport_store_add_deal (store, &fields, &error);
    g_autoptr(GPtrArray) deals = rapport_store_find_deals_by_prefix (store, "NORTHW", 5, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (deals->len, ==, 1);
    g_assert_true (deals->pdata[0] == deal);
  }

  orgs = rapport_store_find_organizations_by_prefix (store, "north", 5, &error);
  g_assert_cmpuint (orgs->len, ==, 1);
  g_assert_cmpstr (rapport_organization_get_name (orgs->pdata[0]), ==, "Northwind Traders");

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_speed_to_lead_stats (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportContact) fast = add_lead (store, "Fast Reply", T0);
  g_autoptr(RapportContact) slow = add_lead (store, "Slow Reply", T0);
  g_autoptr(RapportContact) waiting = add_lead (store, "Still Waiting", T0);
  RapportContactFields customer = { .name = "Not A Lead", .lifecycle = RAPPORT_LIFECYCLE_CUSTOMER };
  g_autoptr(RapportContact) other = rapport_store_add_contact (store, &customer, NULL);
  g_autoptr(RapportActivity) a = NULL;
  g_autoptr(RapportActivity) b = NULL;
  g_autoptr(GError) error = NULL;
  RapportSpeedToLead stats;

  rapport_store_set_now (store, T0 + 40 * 60);
  a = rapport_store_log_activity (store, id_of (fast), 0, RAPPORT_ACTIVITY_CALL, NULL, &error);
  rapport_store_set_now (store, T0 + 90 * 60);
  b = rapport_store_log_activity (store, id_of (slow), 0, RAPPORT_ACTIVITY_EMAIL, NULL, &error);
  /* A contact that never was a lead is not in the figures. */
  g_assert_nonnull (rapport_store_log_activity (store, id_of (other), 0, RAPPORT_ACTIVITY_CALL, NULL, &error));
  g_assert_no_error (error);

  rapport_store_set_now (store, T0 + 120 * 60);
  g_assert_true (rapport_store_get_speed_to_lead (store, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_leads, ==, 3);
  g_assert_cmpuint (stats.n_contacted, ==, 2);
  g_assert_cmpuint (stats.n_within, ==, 1);
  g_assert_cmpuint (stats.n_waiting, ==, 1);
  g_assert_cmpuint (stats.n_waiting_late, ==, 1);
  g_assert_cmpint (stats.median_seconds, ==, (40 * 60 + 90 * 60) / 2);
  g_assert_cmpint (stats.minutes, ==, 60);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/bant", test_bant);
  g_test_add_func ("/rules/won-lost-history", test_won_lost_history);
  g_test_add_func ("/rules/speed-to-lead/followup", test_speed_to_lead_followup);
  g_test_add_func ("/rules/speed-to-lead/first-contact-by-call", test_first_contact_by_call);
  g_test_add_func ("/rules/speed-to-lead/first-contact-by-followup", test_first_contact_by_followup_done);
  g_test_add_func ("/rules/followups/due-and-snooze", test_followups_due_and_snooze);
  g_test_add_func ("/rules/negotiation-and-notes", test_negotiation_and_notes);
  g_test_add_func ("/rules/card-facts", test_card_facts);
  g_test_add_func ("/rules/prefix-search", test_prefix_search);
  g_test_add_func ("/rules/speed-to-lead/stats", test_speed_to_lead_stats);

  return g_test_run ();
}
