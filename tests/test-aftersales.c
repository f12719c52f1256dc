/* test-aftersales.c — the after-sales plan, a win's follow-ups and their
 * undo, satisfaction and its figures, repeat deals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rapport-process.h"
#include "rapport-store-after-sales.h"
#include "rapport-store-process.h"
#include "rapport-test-support.h"
#include "rapport-time.h"

typedef struct
{
  char         *dir;
  RapportStore *store;
} Fixture;

static gint64
at (const char *iso)
{
  gint64 t = 0;

  g_assert_true (rapport_time_parse_iso8601 (iso, &t, NULL));
  return t;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  (void) data;
  f->store = rapport_test_store_new (&f->dir, NULL);
  rapport_store_set_now (f->store, at ("2026-11-20T15:00:00Z"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  (void) data;
  g_clear_object (&f->store);
  rapport_test_tmpdir_free (f->dir);
}

static RapportPipeline *
current_pipeline (Fixture *f)
{
  return rapport_store_get_current_pipeline (f->store);
}

static gint64
add_contact (Fixture          *f,
             const char       *name,
             RapportLifecycle  lifecycle)
{
  RapportContactFields fields = { .name = name, .lifecycle = lifecycle };
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContact) contact = rapport_store_add_contact (f->store, &fields, &error);

  g_assert_no_error (error);
  return rapport_record_get_id (RAPPORT_RECORD (contact));
}

static RapportDeal *
add_deal (Fixture    *f,
          const char *title,
          gint64      contact_id)
{
  RapportDealFields fields = { .title = title, .value = 120000, .contact_id = contact_id };
  g_autoptr(GError) error = NULL;
  RapportDeal *deal = rapport_store_add_deal (f->store, &fields, &error);

  g_assert_no_error (error);
  return deal;
}

static void
set_status (Fixture           *f,
            RapportDeal       *deal,
            RapportDealStatus  status)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_store_set_deal_status (f->store, deal, status, "Price too high", &error));
  g_assert_no_error (error);
}

/* The deal's after-sales follow-ups, in due order. */
static GPtrArray *
after_sales_of (Fixture     *f,
                RapportDeal *deal)
{
  g_autoptr(GListModel) all = rapport_store_get_deal_activities (f->store, rapport_record_get_id (RAPPORT_RECORD (deal)));
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(RapportActivity) activity = g_list_model_get_item (all, i);

      if (rapport_activity_get_rule (activity) == RAPPORT_RULE_AFTER_SALES)
        g_ptr_array_add (found, g_object_ref (activity));
    }
  for (guint i = 0; i < found->len; i++)
    for (guint j = i + 1; j < found->len; j++)
      if (rapport_activity_get_due_at (found->pdata[j]) < rapport_activity_get_due_at (found->pdata[i]))
        {
          gpointer swap = found->pdata[i];

          found->pdata[i] = found->pdata[j];
          found->pdata[j] = swap;
        }

  return found;
}

static RapportLifecycle
lifecycle_of (Fixture *f,
              gint64   contact_id)
{
  g_autoptr(RapportContact) contact = rapport_store_get_contact (f->store, contact_id, NULL);

  return rapport_contact_get_lifecycle (contact);
}

static void
test_defaults (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RapportPipeline) pipeline = current_pipeline (f);
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;

  (void) data;
  steps = rapport_store_list_after_sales_steps (f->store, rapport_record_get_id (RAPPORT_RECORD (pipeline)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, ==, 3);

  g_assert_cmpstr (rapport_after_sales_step_get_title (steps->pdata[0]), ==, "Delivery check call");
  g_assert_cmpint (rapport_after_sales_step_get_days (steps->pdata[0]), ==, 3);
  g_assert_cmpint (rapport_after_sales_step_get_kind (steps->pdata[0]), ==, RAPPORT_ACTIVITY_CALL);
  g_assert_cmpint (rapport_after_sales_step_get_days (steps->pdata[1]), ==, 30);
  g_assert_cmpint (rapport_after_sales_step_get_offer (steps->pdata[1]), ==, RAPPORT_AFTER_SALES_OFFER_SATISFACTION);
  g_assert_cmpint (rapport_after_sales_step_get_days (steps->pdata[2]), ==, 90);
  g_assert_cmpint (rapport_after_sales_step_get_offer (steps->pdata[2]), ==, RAPPORT_AFTER_SALES_OFFER_REPEAT);
  g_assert_nonnull (strstr (rapport_after_sales_step_get_note (steps->pdata[0]), "Expected output"));

  /* A pipeline added later has its own plan. */
  {
    g_autoptr(RapportPipeline) other = rapport_store_add_pipeline_from_template (f->store, "cycle7", &error);
    g_autoptr(GPtrArray) its = NULL;

    g_assert_no_error (error);
    its = rapport_store_list_after_sales_steps (f->store, rapport_record_get_id (RAPPORT_RECORD (other)), &error);
    g_assert_cmpuint (its->len, ==, 3);
  }
}

static void
test_win_schedules (Fixture       *f,
                    gconstpointer  data)
{
  gint64 ada = add_contact (f, "Ada Lovelace", RAPPORT_LIFECYCLE_CONTACT);
  g_autoptr(RapportDeal) deal = add_deal (f, "Engines", ada);
  g_autoptr(GPtrArray) followups = NULL;

  (void) data;
  set_status (f, deal, RAPPORT_DEAL_STATUS_WON);

  /* Won on Friday 20 November at 15:00: due at nine in the morning 3,
   * 30 and 90 days later, for the deal and its contact. */
  followups = after_sales_of (f, deal);
  g_assert_cmpuint (followups->len, ==, 3);
  g_assert_cmpint (rapport_activity_get_due_at (followups->pdata[0]), ==, at ("2026-11-23T09:00:00Z"));
  g_assert_cmpint (rapport_activity_get_due_at (followups->pdata[1]), ==, at ("2026-12-20T09:00:00Z"));
  g_assert_cmpint (rapport_activity_get_due_at (followups->pdata[2]), ==, at ("2027-02-18T09:00:00Z"));
  for (guint i = 0; i < followups->len; i++)
    {
      g_assert_cmpint (rapport_activity_get_contact_id (followups->pdata[i]), ==, ada);
      g_assert_cmpint (rapport_activity_get_kind (followups->pdata[i]), ==, RAPPORT_ACTIVITY_FOLLOWUP);
      g_assert_cmpint (rapport_activity_get_done_at (followups->pdata[i]), ==, 0);
    }
  g_assert_cmpstr (rapport_activity_get_title (followups->pdata[0]), ==, "Delivery check call");
  g_assert_cmpint (rapport_activity_get_followup_kind (followups->pdata[2]), ==, RAPPORT_ACTIVITY_MEETING);
  g_assert_cmpint (rapport_activity_get_after_sales_offer (followups->pdata[1]), ==,
                   RAPPORT_AFTER_SALES_OFFER_SATISFACTION);

  /* They remind like any follow-up: the first is among those due then. */
  rapport_store_set_now (f->store, at ("2026-11-23T09:00:00Z"));
  {
    g_autoptr(GPtrArray) due = rapport_store_list_followups (f->store, TRUE, NULL);

    g_assert_cmpuint (due->len, ==, 1);
    g_assert_true (due->pdata[0] == followups->pdata[0]);
  }

  g_assert_cmpint (lifecycle_of (f, ada), ==, RAPPORT_LIFECYCLE_CUSTOMER);
}

static void
test_undo_win (Fixture       *f,
               gconstpointer  data)
{
  gint64 ada = add_contact (f, "Ada Lovelace", RAPPORT_LIFECYCLE_CONTACT);
  g_autoptr(RapportDeal) deal = add_deal (f, "Engines", ada);
  g_autoptr(RapportStage) stage = rapport_store_get_stage (f->store, rapport_deal_get_stage_id (deal), NULL);
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GError) error = NULL;

  (void) data;
  /* The board's Undo moves the deal back onto its stage. */
  set_status (f, deal, RAPPORT_DEAL_STATUS_WON);
  g_assert_true (rapport_store_move_deal (f->store, deal, stage, 0, &error));
  g_assert_no_error (error);
  followups = after_sales_of (f, deal);
  g_assert_cmpuint (followups->len, ==, 0);
  g_assert_cmpint (lifecycle_of (f, ada), ==, RAPPORT_LIFECYCLE_CONTACT);

  /* Reopened after the first was done: the done one stays. */
  set_status (f, deal, RAPPORT_DEAL_STATUS_WON);
  g_clear_pointer (&followups, g_ptr_array_unref);
  followups = after_sales_of (f, deal);
  g_assert_true (rapport_store_complete_activity (f->store, followups->pdata[0], &error));
  g_assert_no_error (error);
  set_status (f, deal, RAPPORT_DEAL_STATUS_OPEN);
  left = after_sales_of (f, deal);
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_true (left->pdata[0] == followups->pdata[0]);
  g_assert_cmpint (lifecycle_of (f, ada), ==, RAPPORT_LIFECYCLE_CONTACT);
}

static void
test_other_win_keeps_customer (Fixture       *f,
                               gconstpointer  data)
{
  gint64 ada = add_contact (f, "Ada Lovelace", RAPPORT_LIFECYCLE_LEAD);
  g_autoptr(RapportDeal) first = add_deal (f, "Engines", ada);
  g_autoptr(RapportDeal) second = add_deal (f, "Looms", ada);

  (void) data;
  set_status (f, first, RAPPORT_DEAL_STATUS_WON);
  set_status (f, second, RAPPORT_DEAL_STATUS_WON);
  set_status (f, second, RAPPORT_DEAL_STATUS_LOST);
  g_assert_cmpint (lifecycle_of (f, ada), ==, RAPPORT_LIFECYCLE_CUSTOMER);

  /* The first win made her a customer: taking it back gives her back. */
  set_status (f, first, RAPPORT_DEAL_STATUS_OPEN);
  g_assert_cmpint (lifecycle_of (f, ada), ==, RAPPORT_LIFECYCLE_LEAD);
}

static void
test_no_contact (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RapportDeal) deal = add_deal (f, "Walk-in", 0);
  g_autoptr(GPtrArray) followups = NULL;

  (void) data;
  set_status (f, deal, RAPPORT_DEAL_STATUS_WON);
  followups = after_sales_of (f, deal);
  g_assert_cmpuint (followups->len, ==, 3);
  for (guint i = 0; i < followups->len; i++)
    g_assert_cmpint (rapport_activity_get_contact_id (followups->pdata[i]), ==, 0);
}

static void
test_edit_plan (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RapportPipeline) pipeline = current_pipeline (f);
  gint64 pipeline_id = rapport_record_get_id (RAPPORT_RECORD (pipeline));
  RapportAfterSalesStepFields fields = { .title = " Thank-you card ", .kind = RAPPORT_ACTIVITY_TASK, .days = 0 };
  g_autoptr(RapportAfterSalesStep) card = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  (void) data;
  card = rapport_store_add_after_sales_step (f->store, pipeline, &fields, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_after_sales_step_get_title (card), ==, "Thank-you card");
  g_assert_cmpint (rapport_after_sales_step_get_position (card), ==, 1);

  /* Refused: no title, a bare follow-up kind, too many days, a position
   * written directly. */
  fields.title = "  ";
  g_assert_null (rapport_store_add_after_sales_step (f->store, pipeline, &fields, -1, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_value_init (&value, RAPPORT_TYPE_ACTIVITY_KIND);
  g_value_set_enum (&value, RAPPORT_ACTIVITY_FOLLOWUP);
  g_assert_false (rapport_store_update (f->store, RAPPORT_RECORD (card), "kind", &value, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_value_unset (&value);
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, 4000);
  g_assert_false (rapport_store_update (f->store, RAPPORT_RECORD (card), "days", &value, &error));
  g_clear_error (&error);
  g_assert_false (rapport_store_update (f->store, RAPPORT_RECORD (card), "position", &value, &error));
  g_clear_error (&error);

  g_value_set_int (&value, 7);
  g_assert_true (rapport_store_update (f->store, RAPPORT_RECORD (card), "days", &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_after_sales_step_get_days (card), ==, 7);

  /* Last, then the satisfaction check (then second) deleted. */
  g_assert_true (rapport_store_move_after_sales_step (f->store, card, 10, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_after_sales_step_get_position (card), ==, 3);
  steps = rapport_store_list_after_sales_steps (f->store, pipeline_id, &error);
  g_assert_true (rapport_store_delete_after_sales_step (f->store, steps->pdata[1], &error));
  g_assert_no_error (error);
  g_clear_pointer (&steps, g_ptr_array_unref);
  steps = rapport_store_list_after_sales_steps (f->store, pipeline_id, &error);
  g_assert_cmpuint (steps->len, ==, 3);
  g_assert_true (steps->pdata[2] == (gpointer) card);

  /* A win follows the plan as it is now. */
  {
    g_autoptr(RapportDeal) deal = add_deal (f, "Engines", 0);
    g_autoptr(GPtrArray) followups = NULL;

    set_status (f, deal, RAPPORT_DEAL_STATUS_WON);
    followups = after_sales_of (f, deal);
    g_assert_cmpuint (followups->len, ==, 3);
    g_assert_cmpstr (rapport_activity_get_title (followups->pdata[1]), ==, "Thank-you card");
    g_assert_cmpint (rapport_activity_get_due_at (followups->pdata[1]), ==, at ("2026-11-27T09:00:00Z"));
  }
}

static RapportSatisfaction *
record (Fixture    *f,
        gint64      contact_id,
        gint64      deal_id,
        int         score,
        int         nps,
        const char *comment)
{
  RapportSatisfactionFields fields = { contact_id, deal_id, score, nps, comment };
  g_autoptr(GError) error = NULL;
  RapportSatisfaction *satisfaction = rapport_store_record_satisfaction (f->store, &fields, &error);

  g_assert_no_error (error);
  return satisfaction;
}

static void
test_satisfaction (Fixture       *f,
                   gconstpointer  data)
{
  gint64 ada = add_contact (f, "Ada Lovelace", RAPPORT_LIFECYCLE_CUSTOMER);
  gint64 bob = add_contact (f, "Bob Babbage", RAPPORT_LIFECYCLE_CUSTOMER);
  g_autoptr(RapportDeal) deal = add_deal (f, "Engines", ada);
  gint64 deal_id = rapport_record_get_id (RAPPORT_RECORD (deal));
  g_autoptr(RapportSatisfaction) first = NULL;
  g_autoptr(RapportSatisfaction) latest = NULL;
  g_autoptr(GListModel) of_ada = NULL;
  g_autoptr(GListModel) of_deal = NULL;
  RapportSatisfactionSummary summary;
  RapportSatisfactionFields bad = { .deal_id = deal_id, .score = 6, .nps = RAPPORT_SATISFACTION_NO_NPS };
  g_autoptr(GError) error = NULL;

  (void) data;
  /* One before the period, four in it. */
  rapport_store_set_now (f->store, at ("2026-10-30T12:00:00Z"));
  g_clear_object (&first);
  first = record (f, bob, 0, 1, 0, "Before");
  rapport_store_set_now (f->store, at ("2026-11-02T12:00:00Z"));
  g_object_unref (record (f, 0, deal_id, 5, 10, "Delighted"));
  rapport_store_set_now (f->store, at ("2026-11-10T12:00:00Z"));
  g_object_unref (record (f, bob, 0, 4, 9, NULL));
  g_object_unref (record (f, bob, 0, RAPPORT_SATISFACTION_NO_SCORE, 7, NULL));
  rapport_store_set_now (f->store, at ("2026-11-20T12:00:00Z"));
  latest = record (f, 0, deal_id, 2, 3, "  Late delivery  ");

  /* A deal's answer is its customer's too, newest first. */
  g_assert_cmpint (rapport_satisfaction_get_contact_id (latest), ==, ada);
  g_assert_cmpstr (rapport_satisfaction_get_comment (latest), ==, "Late delivery");
  g_assert_cmpint (rapport_satisfaction_get_created_at (latest), ==, at ("2026-11-20T12:00:00Z"));
  of_ada = rapport_store_get_contact_satisfaction (f->store, rapport_store_get_contact (f->store, ada, NULL));
  of_deal = rapport_store_get_deal_satisfaction (f->store, deal);
  g_assert_cmpuint (g_list_model_get_n_items (of_ada), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (of_deal), ==, 2);
  {
    g_autoptr(RapportSatisfaction) top = g_list_model_get_item (of_deal, 0);

    g_assert_true (top == latest);
  }

  /* November: scores 5, 4, 2 (average 3.67); NPS answers 10, 9, 7, 3:
   * 2 promoters, 1 passive, 1 detractor, (2 - 1) / 4 = 25. */
  g_assert_true (rapport_store_summarize_satisfaction (f->store, at ("2026-11-01T00:00:00Z"),
                                                       at ("2026-12-01T00:00:00Z"), NULL, 0, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.scores, ==, 3);
  g_assert_cmpfloat (fabs (summary.average_score - 11.0 / 3), <, 1e-9);
  g_assert_cmpuint (summary.nps_answers, ==, 4);
  g_assert_cmpuint (summary.promoters, ==, 2);
  g_assert_cmpuint (summary.passives, ==, 1);
  g_assert_cmpuint (summary.detractors, ==, 1);
  g_assert_cmpint (summary.nps, ==, 25);

  /* Only detractors: -100; nothing: 0. */
  g_assert_true (rapport_store_summarize_satisfaction (f->store, at ("2026-10-01T00:00:00Z"),
                                                       at ("2026-11-01T00:00:00Z"), NULL, 0, &summary, &error));
  g_assert_cmpint (summary.nps, ==, -100);
  g_assert_true (rapport_store_summarize_satisfaction (f->store, 0, 1, NULL, 0, &summary, &error));
  g_assert_cmpuint (summary.nps_answers, ==, 0);
  g_assert_cmpint (summary.nps, ==, 0);

  /* Refused: a score of 6, nothing asked, nobody to ask. */
  g_assert_null (rapport_store_record_satisfaction (f->store, &bad, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  bad.score = RAPPORT_SATISFACTION_NO_SCORE;
  g_assert_null (rapport_store_record_satisfaction (f->store, &bad, &error));
  g_clear_error (&error);
  bad = (RapportSatisfactionFields) { .score = 3, .nps = RAPPORT_SATISFACTION_NO_NPS };
  g_assert_null (rapport_store_record_satisfaction (f->store, &bad, &error));
  g_clear_error (&error);

  /* The undo of a record. */
  g_assert_true (rapport_store_delete_satisfaction (f->store, latest, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (of_deal), ==, 1);
}

static void
test_repeat (Fixture       *f,
             gconstpointer  data)
{
  gint64 ada = add_contact (f, "Ada Lovelace", RAPPORT_LIFECYCLE_CONTACT);
  g_autoptr(RapportDeal) earlier = add_deal (f, "Engines", ada);
  g_autoptr(RapportStage) first = rapport_test_stage_at (f->store, 0);
  g_autoptr(RapportStage) third = rapport_test_stage_at (f->store, 2);
  g_autoptr(RapportDeal) repeat = NULL;
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(RapportDeal) latest = NULL;
  g_autoptr(GListModel) repeats = NULL;
  g_autofree char *title = NULL;
  RapportDealFields fields;
  g_autoptr(GError) error = NULL;

  (void) data;
  g_assert_true (rapport_store_move_deal (f->store, earlier, third, 0, &error));
  set_status (f, earlier, RAPPORT_DEAL_STATUS_WON);
  contact = rapport_store_get_contact (f->store, ada, NULL);
  latest = rapport_store_get_latest_won_deal (f->store, contact);
  g_assert_true (latest == earlier);

  rapport_store_repeat_deal_fields (f->store, earlier, &fields, &title);
  g_assert_cmpstr (fields.title, ==, "Repeat: Engines");
  g_assert_cmpint (fields.value, ==, 120000);
  g_assert_cmpint (fields.contact_id, ==, ada);
  g_assert_cmpint (fields.stage_id, ==, rapport_record_get_id (RAPPORT_RECORD (first)));
  repeat = rapport_store_add_deal (f->store, &fields, &error);
  g_assert_no_error (error);

  g_assert_cmpint (rapport_deal_get_repeat_of (repeat), ==, rapport_record_get_id (RAPPORT_RECORD (earlier)));
  g_assert_cmpint (rapport_deal_get_stage_id (repeat), ==, rapport_record_get_id (RAPPORT_RECORD (first)));
  repeats = rapport_store_get_repeat_deals (f->store, earlier);
  g_assert_cmpuint (g_list_model_get_n_items (repeats), ==, 1);

  /* A link to a deal that is not there is refused. */
  fields.repeat_of = 9999;
  g_assert_null (rapport_store_add_deal (f->store, &fields, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND);
}

/* A deal deleted takes its answers with it, and its repeat deals lose
 * the link; the undo puts both back. A contact merged into another hands
 * over its answers. */
static void
test_delete_and_merge (Fixture       *f,
                       gconstpointer  data)
{
  gint64 ada = add_contact (f, "Ada Lovelace", RAPPORT_LIFECYCLE_CUSTOMER);
  gint64 twin = add_contact (f, "Ada King", RAPPORT_LIFECYCLE_CUSTOMER);
  g_autoptr(RapportDeal) earlier = add_deal (f, "Engines", ada);
  gint64 earlier_id = rapport_record_get_id (RAPPORT_RECORD (earlier));
  g_autoptr(RapportDeal) repeat = NULL;
  g_autoptr(RapportSatisfaction) answer = NULL;
  g_autoptr(RapportSatisfaction) twins = NULL;
  g_autoptr(RapportDeleteUndo) undo = NULL;
  g_autoptr(RapportMergeUndo) merged = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autofree char *title = NULL;
  RapportDealFields fields;
  g_autoptr(GError) error = NULL;

  (void) data;
  set_status (f, earlier, RAPPORT_DEAL_STATUS_WON);
  rapport_store_repeat_deal_fields (f->store, earlier, &fields, &title);
  repeat = rapport_store_add_deal (f->store, &fields, &error);
  g_assert_no_error (error);
  answer = record (f, 0, earlier_id, 4, 8, NULL);
  g_clear_object (&earlier);

  g_assert_true (rapport_store_delete_record (f->store, RAPPORT_ENTITY_DEAL, earlier_id, &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_deal_get_repeat_of (repeat), ==, 0);
  answers = rapport_store_list_satisfaction (f->store, ada, 0, &error);
  g_assert_cmpuint (answers->len, ==, 0);
  g_clear_pointer (&answers, g_ptr_array_unref);

  g_assert_true (rapport_store_undo_delete (f->store, undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_deal_get_repeat_of (repeat), ==, earlier_id);
  answers = rapport_store_list_satisfaction (f->store, 0, earlier_id, &error);
  g_assert_cmpuint (answers->len, ==, 1);
  g_clear_pointer (&answers, g_ptr_array_unref);

  twins = record (f, twin, 0, 2, RAPPORT_SATISFACTION_NO_NPS, "The other one");
  g_assert_true (rapport_store_merge (f->store, RAPPORT_ENTITY_CONTACT, ada, twin, 0, &merged, &error));
  g_assert_no_error (error);
  answers = rapport_store_list_satisfaction (f->store, ada, 0, &error);
  g_assert_cmpuint (answers->len, ==, 2);
  g_clear_pointer (&answers, g_ptr_array_unref);
  g_assert_true (rapport_store_undo_merge (f->store, merged, &error));
  g_assert_no_error (error);
  answers = rapport_store_list_satisfaction (f->store, twin, 0, &error);
  g_assert_cmpuint (answers->len, ==, 1);
}

/* The plan goes with the process file: out and back in as a new
 * pipeline, the same steps with what they offer; a file without a plan
 * gets the default one; an empty pipeline too. */
static void
test_process_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RapportPipeline) pipeline = current_pipeline (f);
  RapportAfterSalesStepFields fields = { .title = "Thank-you card", .kind = RAPPORT_ACTIVITY_TASK, .days = 1,
                                         .note = "By hand", .offer = RAPPORT_AFTER_SALES_OFFER_REPEAT };
  g_autoptr(RapportAfterSalesStep) card = NULL;
  RapportProcess *process;
  g_autofree char *json = NULL;
  g_autoptr(RapportPipeline) copy = NULL;
  g_autoptr(RapportPipeline) bare = NULL;
  g_autoptr(RapportPipeline) empty = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;

  (void) data;
  card = rapport_store_add_after_sales_step (f->store, pipeline, &fields, 0, &error);
  g_assert_no_error (error);
  process = rapport_store_read_process (f->store, pipeline);
  json = rapport_process_to_json (process);
  rapport_process_free (process);
  g_assert_nonnull (strstr (json, "\"offer\""));

  /* Another database's copy: the same file, under a process id of its own. */
  process = rapport_process_parse (json, strlen (json), &error);
  g_assert_no_error (error);
  g_clear_pointer (&process->uid, g_free);
  copy = rapport_store_import_process (f->store, process, &error);
  g_assert_no_error (error);
  steps = rapport_store_list_after_sales_steps (f->store, rapport_record_get_id (RAPPORT_RECORD (copy)), &error);
  g_assert_cmpuint (steps->len, ==, 4);
  g_assert_cmpstr (rapport_after_sales_step_get_title (steps->pdata[0]), ==, "Thank-you card");
  g_assert_cmpint (rapport_after_sales_step_get_offer (steps->pdata[0]), ==, RAPPORT_AFTER_SALES_OFFER_REPEAT);
  g_assert_cmpint (rapport_after_sales_step_get_offer (steps->pdata[2]), ==, RAPPORT_AFTER_SALES_OFFER_SATISFACTION);
  g_clear_pointer (&steps, g_ptr_array_unref);

  g_ptr_array_set_size (process->after_sales, 0);
  g_free (process->name);
  process->name = g_strdup ("Without a plan");
  bare = rapport_store_import_process (f->store, process, &error);
  g_assert_no_error (error);
  rapport_process_free (process);
  steps = rapport_store_list_after_sales_steps (f->store, rapport_record_get_id (RAPPORT_RECORD (bare)), &error);
  g_assert_cmpuint (steps->len, ==, 3);
  g_clear_pointer (&steps, g_ptr_array_unref);

  empty = rapport_store_add_pipeline (f->store, "Empty", NULL, &error);
  g_assert_no_error (error);
  steps = rapport_store_list_after_sales_steps (f->store, rapport_record_get_id (RAPPORT_RECORD (empty)), &error);
  g_assert_cmpuint (steps->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  /* Nine in the morning is local time: pin the zone. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/aftersales/defaults", test_defaults);
  ADD ("/aftersales/win-schedules", test_win_schedules);
  ADD ("/aftersales/undo-win", test_undo_win);
  ADD ("/aftersales/other-win-keeps-customer", test_other_win_keeps_customer);
  ADD ("/aftersales/no-contact", test_no_contact);
  ADD ("/aftersales/edit-plan", test_edit_plan);
  ADD ("/aftersales/satisfaction", test_satisfaction);
  ADD ("/aftersales/repeat", test_repeat);
  ADD ("/aftersales/delete-and-merge", test_delete_and_merge);
  ADD ("/aftersales/process-file", test_process_file);
#undef ADD

  return g_test_run ();
}
