/* test-review.c — the weekly pipeline review, worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One dataset built with a pinned clock around week 47 of 2026 (Monday 16
 * November to Sunday 22 November), reviewed on Monday 23 November at
 * 09:00 UTC. Every answer below is counted from the story in build(), not
 * from the code.
 */

#include "config.h"

#include <string.h>

#include "rapport-review.h"
#include "rapport-store.h"
#include "rapport-test-support.h"
#include "rapport-time.h"

typedef struct
{
  char         *dir;
  RapportStore *store;
  gint64        ids[10];  /* deals A…J by letter - 'A' */
} Fixture;

static gint64
at (const char *iso)
{
  g_autoptr(GError) error = NULL;
  gint64 t = 0;

  g_assert_true (rapport_time_parse_iso8601 (iso, &t, &error));
  g_assert_no_error (error);
  return t;
}

static RapportDeal *
add_deal (Fixture    *f,
          char        letter,
          const char *title,
          const char *created,
          guint       stage,
          gint64      value,
          const char *currency,
          const char *owner,
          const char *close,
          gint64      contact_id,
          gint64      org_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStage) s = rapport_test_stage_at (f->store, stage);
  RapportDealFields fields = { 0, };
  RapportDeal *deal;

  rapport_store_set_now (f->store, at (created));
  fields.title = title;
  fields.value = value;
  fields.currency = currency;
  fields.stage_id = rapport_record_get_id (RAPPORT_RECORD (s));
  fields.owner = owner;
  fields.expected_close = close;
  fields.contact_id = contact_id;
  fields.organization_id = org_id;
  deal = rapport_store_add_deal (f->store, &fields, &error);
  g_assert_no_error (error);
  f->ids[letter - 'A'] = rapport_record_get_id (RAPPORT_RECORD (deal));
  return deal;
}

static void
move (Fixture     *f,
      RapportDeal *deal,
      guint        stage,
      const char  *when)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStage) s = rapport_test_stage_at (f->store, stage);

  rapport_store_set_now (f->store, at (when));
  g_assert_true (rapport_store_move_deal (f->store, deal, s, -1, &error));
  g_assert_no_error (error);
}

static void
close_deal (Fixture           *f,
            RapportDeal       *deal,
            RapportDealStatus  status,
            const char        *reason,
            const char        *when)
{
  g_autoptr(GError) error = NULL;

  rapport_store_set_now (f->store, at (when));
  g_assert_true (rapport_store_set_deal_status (f->store, deal, status, reason, &error));
  g_assert_no_error (error);
}

static RapportActivity *
followup (Fixture    *f,
          gint64      contact_id,
          gint64      deal_id,
          const char *title,
          const char *due)
{
  g_autoptr(GError) error = NULL;
  RapportActivity *activity;

  rapport_store_set_now (f->store, at ("2026-09-01T08:00:00Z"));
  activity = rapport_store_add_followup (f->store, contact_id, deal_id, title, at (due), &error);
  g_assert_no_error (error);
  return activity;
}

/* The story (classic5: Prospecting 14 rotting days, Qualifying 14,
 * Presentation 21, Negotiation 21, Closing 14; default currency USD):
 *
 * A  Acme renewal, Dana, created 10 Nov in Prospecting; Qualifying on
 *    17 Nov, Presentation on 19 Nov: moved forward (Prospecting →
 *    Presentation, 19 Nov). A follow-up due 21 Nov 00:00: overdue 2 days.
 * B  Borealis pilot, Lee, created Monday 16 Nov 00:00:00 (the week's first
 *    second: added); won 20 Nov: won after 4 days.
 * C  Cobalt upgrade, Dana, created Sunday 22 Nov 23:59:59: added.
 * D  Delta next week, Dana, created Monday 23 Nov 00:00:00: not in the
 *    week.
 * E  Echo expansion, Lee, created 1 Sep in Negotiation, expected close
 *    1 Nov: slipped 22 days; 83 days in the stage, 21 allowed, but not
 *    rotting: its one follow-up, due 20 Nov 10:00, is overdue by 2 days,
 *    23 h, and still someone's job.
 * F  Foxtrot, Dana, created 1 Oct in Prospecting, expected close today
 *    (not passed); a follow-up due 30 Nov keeps it from rotting.
 * G  Golf, Dana, created 15 Oct in Qualifying; back to Prospecting on
 *    17 Nov (not forward); lost on 18 Nov, "Price too high".
 * H  Hôtel Paris, Lee, EUR, created 18 Nov: added, in another currency.
 * I  India, Lee, created 5 Nov in Prospecting, won 12 Nov (week 46):
 *    not in this review.
 * J  Juliet stalled, nobody's, created 1 Sep in Closing, nothing ever
 *    scheduled: rotting (83 days in the stage, 14 allowed).
 *
 * Follow-ups besides: one on contact Mia (Lee's, no deal) due 22 Nov
 * 12:00, overdue 0 days; one snoozed past now; one done. */
static void
build (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportOrganization) acme = NULL;
  g_autoptr(RapportContact) mia = NULL;
  g_autoptr(RapportDeal) a = NULL, b = NULL, c = NULL, d = NULL, e = NULL;
  g_autoptr(RapportDeal) fx = NULL, g = NULL, h = NULL, i = NULL, j = NULL;
  g_autoptr(RapportActivity) f1 = NULL, f2 = NULL, f3 = NULL, f4 = NULL, f5 = NULL, f6 = NULL;
  RapportContactFields contact = { 0, };
  RapportGoalFields goal = { 0, };
  g_autoptr(RapportGoal) g1 = NULL, g2 = NULL;

  rapport_store_set_now (f->store, at ("2026-01-05T08:00:00Z"));
  acme = rapport_store_add_organization (f->store, "Acme", &error);
  g_assert_no_error (error);
  contact.name = "Mia Kovač";
  contact.lifecycle = RAPPORT_LIFECYCLE_CUSTOMER;
  contact.organization_id = rapport_record_get_id (RAPPORT_RECORD (acme));
  contact.owner = "Lee";
  mia = rapport_store_add_contact (f->store, &contact, &error);
  g_assert_no_error (error);

  a = add_deal (f, 'A', "Acme renewal", "2026-11-10T10:00:00Z", 0, 1000000, NULL, "Dana", NULL,
                0, rapport_record_get_id (RAPPORT_RECORD (acme)));
  move (f, a, 1, "2026-11-17T10:00:00Z");
  move (f, a, 2, "2026-11-19T15:00:00Z");
  b = add_deal (f, 'B', "Borealis pilot", "2026-11-16T00:00:00Z", 0, 500000, NULL, "Lee", NULL,
                rapport_record_get_id (RAPPORT_RECORD (mia)), 0);
  close_deal (f, b, RAPPORT_DEAL_STATUS_WON, NULL, "2026-11-20T11:00:00Z");
  c = add_deal (f, 'C', "Cobalt upgrade", "2026-11-22T23:59:59Z", 0, 250000, NULL, "Dana", NULL, 0, 0);
  d = add_deal (f, 'D', "Delta next week", "2026-11-23T00:00:00Z", 0, 100000, NULL, "Dana", NULL, 0, 0);
  e = add_deal (f, 'E', "Echo expansion", "2026-09-01T00:00:00Z", 3, 4000000, NULL, "Lee", "2026-11-01", 0, 0);
  fx = add_deal (f, 'F', "Foxtrot", "2026-10-01T00:00:00Z", 0, 300000, NULL, "Dana", "2026-11-23", 0, 0);
  g = add_deal (f, 'G', "Golf", "2026-10-15T00:00:00Z", 1, 700000, NULL, "Dana", NULL, 0, 0);
  move (f, g, 0, "2026-11-17T12:00:00Z");
  close_deal (f, g, RAPPORT_DEAL_STATUS_LOST, "Price too high", "2026-11-18T16:00:00Z");
  h = add_deal (f, 'H', "Hôtel Paris", "2026-11-18T09:00:00Z", 0, 900000, "EUR", "Lee", NULL, 0, 0);
  i = add_deal (f, 'I', "India", "2026-11-05T09:00:00Z", 0, 200000, NULL, "Lee", NULL, 0, 0);
  close_deal (f, i, RAPPORT_DEAL_STATUS_WON, NULL, "2026-11-12T09:00:00Z");
  j = add_deal (f, 'J', "Juliet stalled", "2026-09-01T00:00:00Z", 4, 150000, NULL, NULL, NULL, 0, 0);

  f1 = followup (f, 0, f->ids['A' - 'A'], "Send the renewal quote", "2026-11-21T00:00:00Z");
  f2 = followup (f, 0, f->ids['E' - 'A'], "Call about the budget", "2026-11-20T10:00:00Z");
  f3 = followup (f, 0, f->ids['F' - 'A'], "Demo for Foxtrot", "2026-11-30T10:00:00Z");
  f4 = followup (f, rapport_record_get_id (RAPPORT_RECORD (mia)), 0, "Thank Mia", "2026-11-22T12:00:00Z");
  f5 = followup (f, rapport_record_get_id (RAPPORT_RECORD (mia)), 0, "Snoozed one", "2026-11-19T12:00:00Z");
  g_assert_true (rapport_store_snooze_activity (f->store, f5, at ("2026-11-24T09:00:00Z"), &error));
  g_assert_no_error (error);
  f6 = followup (f, 0, f->ids['C' - 'A'], "Done one", "2026-11-18T12:00:00Z");
  g_assert_true (rapport_store_complete_activity (f->store, f6, &error));
  g_assert_no_error (error);

  /* Goals: the team's deals won per week (2), Lee's won value per month
   * ($10,000), Dana's deals added per week (3). */
  goal.metric = RAPPORT_GOAL_METRIC_DEALS_WON;
  goal.period = RAPPORT_PERIOD_WEEK;
  goal.target = 2;
  g1 = rapport_store_add_goal (f->store, &goal, &error);
  g_assert_no_error (error);
  goal.metric = RAPPORT_GOAL_METRIC_WON_VALUE;
  goal.period = RAPPORT_PERIOD_MONTH;
  goal.owner = "Lee";
  goal.target = 1000000;
  g2 = rapport_store_add_goal (f->store, &goal, &error);
  g_assert_no_error (error);
  goal.metric = RAPPORT_GOAL_METRIC_DEALS_ADDED;
  goal.period = RAPPORT_PERIOD_WEEK;
  goal.owner = "Dana";
  goal.target = 3;
  g_clear_object (&g1);
  g1 = rapport_store_add_goal (f->store, &goal, &error);
  g_assert_no_error (error);

  rapport_store_set_now (f->store, at ("2026-11-23T09:00:00Z"));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  (void) data;
  f->store = rapport_test_store_new (&f->dir, "classic5");
  rapport_test_clear_after_sales (f->store);
  build (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  (void) data;
  g_clear_object (&f->store);
  rapport_test_tmpdir_free (f->dir);
}

static RapportReview *
review (Fixture    *f,
        const char *owner)
{
  g_autoptr(GError) error = NULL;
  RapportReview *r = rapport_store_get_review (f->store, 2026, 47, owner, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

static const RapportReviewItem *
item (RapportReview            *r,
      RapportReviewSectionKind  kind,
      guint                     index)
{
  GArray *items = r->sections[kind].items;

  g_assert_cmpuint (index, <, items->len);
  return &g_array_index (items, RapportReviewItem, index);
}

static void
assert_titles (RapportReview            *r,
               RapportReviewSectionKind  kind,
               const char * const       *titles)
{
  GArray *items = r->sections[kind].items;
  guint n = g_strv_length ((char **) titles);

  for (guint i = 0; i < MIN (n, items->len); i++)
    g_assert_cmpstr (g_array_index (items, RapportReviewItem, i).title, ==, titles[i]);
  g_assert_cmpuint (items->len, ==, n);
}

static void
test_week_bounds (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RapportReview) r = review (f, NULL);

  (void) data;
  g_assert_cmpint (r->from, ==, at ("2026-11-16T00:00:00Z"));
  g_assert_cmpint (r->to, ==, at ("2026-11-23T00:00:00Z"));
  g_assert_cmpint (r->now, ==, at ("2026-11-23T09:00:00Z"));
  g_assert_cmpstr (r->currency, ==, "USD");
  g_assert_null (r->owner);
}

static void
test_added (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RapportReview) r = review (f, NULL);
  const char * const titles[] = { "Borealis pilot", "Hôtel Paris", "Cobalt upgrade", NULL };
  RapportReviewSection *s = &r->sections[RAPPORT_REVIEW_ADDED];

  (void) data;
  assert_titles (r, RAPPORT_REVIEW_ADDED, titles);
  /* B and C in dollars; H in euros, counted apart. */
  g_assert_cmpuint (s->counted, ==, 2);
  g_assert_cmpint (s->total, ==, 500000 + 250000);
  g_assert_cmpuint (s->other_currencies, ==, 1);
  g_assert_cmpstr (item (r, RAPPORT_REVIEW_ADDED, 1)->currency, ==, "EUR");
  g_assert_cmpint (item (r, RAPPORT_REVIEW_ADDED, 0)->at, ==, at ("2026-11-16T00:00:00Z"));
  /* B's organization is its contact's. */
  g_assert_cmpstr (item (r, RAPPORT_REVIEW_ADDED, 0)->organization, ==, "Acme");
  g_assert_cmpstr (item (r, RAPPORT_REVIEW_ADDED, 0)->contact, ==, "Mia Kovač");
  g_assert_cmpstr (item (r, RAPPORT_REVIEW_ADDED, 0)->owner, ==, "Lee");
}

static void
test_advanced (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RapportReview) r = review (f, NULL);
  const char * const titles[] = { "Acme renewal", NULL };
  const RapportReviewItem *a;

  (void) data;
  /* G went back, B was won from its stage: neither moved forward. */
  assert_titles (r, RAPPORT_REVIEW_ADVANCED, titles);
  a = item (r, RAPPORT_REVIEW_ADVANCED, 0);
  g_assert_cmpstr (a->from_stage, ==, "Prospecting");
  g_assert_cmpstr (a->stage, ==, "Presentation");
  g_assert_cmpint (a->at, ==, at ("2026-11-19T15:00:00Z"));
  g_assert_cmpstr (a->organization, ==, "Acme");
  g_assert_cmpint (r->sections[RAPPORT_REVIEW_ADVANCED].total, ==, 1000000);
}

static void
test_won_lost (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RapportReview) r = review (f, NULL);
  const char * const won[] = { "Borealis pilot", NULL };
  const char * const lost[] = { "Golf", NULL };

  (void) data;
  /* India was won the week before. */
  assert_titles (r, RAPPORT_REVIEW_WON, won);
  g_assert_cmpint (item (r, RAPPORT_REVIEW_WON, 0)->days, ==, 4);
  g_assert_cmpint (item (r, RAPPORT_REVIEW_WON, 0)->at, ==, at ("2026-11-20T11:00:00Z"));
  g_assert_cmpint (r->sections[RAPPORT_REVIEW_WON].total, ==, 500000);

  assert_titles (r, RAPPORT_REVIEW_LOST, lost);
  g_assert_cmpstr (item (r, RAPPORT_REVIEW_LOST, 0)->lost_reason, ==, "Price too high");
  g_assert_cmpstr (item (r, RAPPORT_REVIEW_LOST, 0)->stage, ==, "Prospecting");
  g_assert_cmpint (r->sections[RAPPORT_REVIEW_LOST].total, ==, 700000);
}

static void
test_slipped (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RapportReview) r = review (f, NULL);
  const char * const titles[] = { "Echo expansion", NULL };

  (void) data;
  /* Foxtrot's close is today: not passed yet. */
  assert_titles (r, RAPPORT_REVIEW_SLIPPED, titles);
  g_assert_cmpstr (item (r, RAPPORT_REVIEW_SLIPPED, 0)->expected_close, ==, "2026-11-01");
  g_assert_cmpint (item (r, RAPPORT_REVIEW_SLIPPED, 0)->days, ==, 22);
  g_assert_cmpstr (item (r, RAPPORT_REVIEW_SLIPPED, 0)->stage, ==, "Negotiation");
}

static gboolean
collect_rotting (gpointer   record,
                 gpointer   user_data,
                 GError   **error)
{
  Fixture *f = user_data;
  GPtrArray *titles = g_object_get_data (G_OBJECT (f->store), "rotting");

  (void) error;
  /* The walk lets the deal go: keep a copy of its title. */
  if (rapport_store_deal_is_rotting (f->store, record))
    g_ptr_array_add (titles, g_strdup (rapport_deal_get_title (record)));
  return TRUE;
}

static void
test_rotting (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RapportReview) r = review (f, NULL);
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GArray *items = r->sections[RAPPORT_REVIEW_ROTTING].items;

  (void) data;
  /* Juliet: 83 days in Closing. Echo is as long in its stage but has a
   * follow-up pending (overdue, yet scheduled), Acme, Cobalt, Delta are
   * new in their stage, Foxtrot has its demo ahead, the rest are closed. */
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (item (r, RAPPORT_REVIEW_ROTTING, 0)->title, ==, "Juliet stalled");
  g_assert_cmpint (item (r, RAPPORT_REVIEW_ROTTING, 0)->days, ==, 83);
  g_assert_cmpint (item (r, RAPPORT_REVIEW_ROTTING, 0)->at, ==, at ("2026-09-01T00:00:00Z"));

  /* The same deals the board marks as rotting. */
  g_object_set_data (G_OBJECT (f->store), "rotting", cards);
  g_assert_true (rapport_store_foreach_deal (f->store, NULL, collect_rotting, f, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, items->len);
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (g_ptr_array_index (cards, i), ==, g_array_index (items, RapportReviewItem, i).title);
}

static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RapportReview) r = review (f, NULL);
  const RapportReviewItem *x;

  (void) data;
  /* By due time: Echo's call (20 Nov 10:00), Acme's quote (21 Nov),
   * Mia's thanks (22 Nov 12:00); the snoozed, the future and the done
   * ones are not overdue. */
  g_assert_cmpuint (r->sections[RAPPORT_REVIEW_OVERDUE].items->len, ==, 3);

  x = item (r, RAPPORT_REVIEW_OVERDUE, 0);
  g_assert_cmpstr (x->activity, ==, "Call about the budget");
  g_assert_cmpstr (x->title, ==, "Echo expansion");
  g_assert_cmpint (x->days, ==, 2);
  g_assert_cmpstr (x->owner, ==, "Lee");
  g_assert_cmpstr (x->stage, ==, "Negotiation");

  x = item (r, RAPPORT_REVIEW_OVERDUE, 1);
  g_assert_cmpstr (x->activity, ==, "Send the renewal quote");
  g_assert_cmpint (x->days, ==, 2);
  g_assert_cmpint (x->at, ==, at ("2026-11-21T00:00:00Z"));

  x = item (r, RAPPORT_REVIEW_OVERDUE, 2);
  g_assert_cmpstr (x->activity, ==, "Thank Mia");
  g_assert_null (x->title);
  g_assert_cmpint (x->deal_id, ==, 0);
  g_assert_cmpstr (x->contact, ==, "Mia Kovač");
  g_assert_cmpstr (x->organization, ==, "Acme");
  g_assert_cmpstr (x->owner, ==, "Lee");
  g_assert_cmpint (x->days, ==, 0);
}

static const RapportReviewGoal *
find_goal (RapportReview     *r,
           RapportGoalMetric  metric)
{
  for (guint i = 0; i < r->goals->len; i++)
    if (g_array_index (r->goals, RapportReviewGoal, i).metric == metric)
      return &g_array_index (r->goals, RapportReviewGoal, i);

  g_assert_not_reached ();
}

static void
test_goals (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RapportReview) r = review (f, NULL);
  const RapportReviewGoal *g;

  (void) data;
  g_assert_cmpuint (r->goals->len, ==, 3);

  /* Week 47: Borealis won (India was week 46): 1 of 2. */
  g = find_goal (r, RAPPORT_GOAL_METRIC_DEALS_WON);
  g_assert_null (g->owner);
  g_assert_cmpint (g->progress.start, ==, r->from);
  g_assert_cmpint (g->progress.actual, ==, 1);
  g_assert_cmpfloat_with_epsilon (g->progress.progress, 0.5, 1e-9);
  g_assert_false (g->progress.reached);

  /* Lee in November: India $2,000 and Borealis $5,000 of $10,000. */
  g = find_goal (r, RAPPORT_GOAL_METRIC_WON_VALUE);
  g_assert_cmpstr (g->owner, ==, "Lee");
  g_assert_cmpint (g->progress.actual, ==, 700000);
  g_assert_cmpint (g->progress.start, ==, at ("2026-11-01T00:00:00Z"));

  /* Dana added Cobalt in week 47 (Delta is week 48): 1 of 3. */
  g = find_goal (r, RAPPORT_GOAL_METRIC_DEALS_ADDED);
  g_assert_cmpint (g->progress.actual, ==, 1);
}

static void
test_owner (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RapportReview) r = review (f, "Dana");
  const char * const added[] = { "Cobalt upgrade", NULL };
  const char * const advanced[] = { "Acme renewal", NULL };
  const char * const lost[] = { "Golf", NULL };
  const char * const none[] = { NULL };

  (void) data;
  g_assert_cmpstr (r->owner, ==, "Dana");
  assert_titles (r, RAPPORT_REVIEW_ADDED, added);
  assert_titles (r, RAPPORT_REVIEW_ADVANCED, advanced);
  assert_titles (r, RAPPORT_REVIEW_WON, none);
  assert_titles (r, RAPPORT_REVIEW_LOST, lost);
  assert_titles (r, RAPPORT_REVIEW_SLIPPED, none);
  assert_titles (r, RAPPORT_REVIEW_ROTTING, none);
  g_assert_cmpuint (r->sections[RAPPORT_REVIEW_OVERDUE].items->len, ==, 1);
  g_assert_cmpstr (item (r, RAPPORT_REVIEW_OVERDUE, 0)->activity, ==, "Send the renewal quote");
  /* Only Dana's own goal. */
  g_assert_cmpuint (r->goals->len, ==, 1);
  g_assert_cmpint (g_array_index (r->goals, RapportReviewGoal, 0).metric, ==, RAPPORT_GOAL_METRIC_DEALS_ADDED);
}

static void
test_empty_week (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportReview) r = rapport_store_get_review (f->store, 2025, 10, NULL, &error);

  (void) data;
  g_assert_no_error (error);
  for (guint i = RAPPORT_REVIEW_ADDED; i <= RAPPORT_REVIEW_LOST; i++)
    {
      g_assert_cmpuint (r->sections[i].items->len, ==, 0);
      g_assert_cmpint (r->sections[i].total, ==, 0);
    }
  /* What needs attention is as of now, whatever the week. */
  g_assert_cmpuint (r->sections[RAPPORT_REVIEW_ROTTING].items->len, ==, 1);
  g_assert_cmpuint (r->sections[RAPPORT_REVIEW_OVERDUE].items->len, ==, 3);
}

/* Weeks, without a store */

static void
test_parse_week (void)
{
  const struct { const char *text; int year, week; } good[] = {
    { "2026-W47", 2026, 47 },
    { "2026-W01", 2026, 1 },
    { "2025-W53", 0, 0 },     /* 2025 has 52 weeks */
    { "2026-W53", 2026, 53 }, /* 2026 has 53 */
    { "2025-W52", 2025, 52 },
    { "2026-W00", 0, 0 },
    { "2026-W54", 0, 0 },
    { "2026-w47", 0, 0 },
    { "2026W47", 0, 0 },
    { "2026-W7", 0, 0 },
    { "2026-W047", 0, 0 },
    { " 2026-W47", 0, 0 },
    { "2026-W47-1", 0, 0 },
    { "+026-W47", 0, 0 },
    { "1969-W10", 0, 0 },
    { "", 0, 0 },
    { "2026-11-16", 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      int year = -1, week = -1;
      gboolean ok = rapport_review_parse_week (good[i].text, &year, &week, &error);

      if (good[i].year != 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (year, ==, good[i].year);
          g_assert_cmpint (week, ==, good[i].week);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
          g_assert_cmpint (year, ==, -1);
        }
    }
}

static void
test_week_message (void)
{
  g_autoptr(GError) error = NULL;

  /* The message names the problem: how many weeks that year has. */
  g_assert_false (rapport_review_parse_week ("2026-W54", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "2026-W54"));
  g_assert_nonnull (strstr (error->message, "53"));
  g_clear_error (&error);

  g_assert_false (rapport_review_parse_week ("2026-47", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "YYYY-Www"));
}

static void
test_week_arithmetic (void)
{
  gint64 from, to;
  int year, week;

  rapport_review_week_bounds (2026, 47, &from, &to);
  g_assert_cmpint (from, ==, at ("2026-11-16T00:00:00Z"));
  g_assert_cmpint (to, ==, at ("2026-11-23T00:00:00Z"));

  /* Week 1 of 2026 starts in 2025; week 53 of 2020 ends in 2021. */
  rapport_review_week_bounds (2026, 1, &from, NULL);
  g_assert_cmpint (from, ==, at ("2025-12-29T00:00:00Z"));
  rapport_review_week_bounds (2020, 53, &from, &to);
  g_assert_cmpint (from, ==, at ("2020-12-28T00:00:00Z"));
  g_assert_cmpint (to, ==, at ("2021-01-04T00:00:00Z"));

  g_assert_cmpint (rapport_review_weeks_in_year (2025), ==, 52);
  g_assert_cmpint (rapport_review_weeks_in_year (2026), ==, 53);
  g_assert_cmpint (rapport_review_weeks_in_year (2020), ==, 53);
  g_assert_cmpint (rapport_review_weeks_in_year (2015), ==, 53);

  /* Monday 09:00: last week. Sunday 23:59:59: the week before that one. */
  rapport_review_default_week (at ("2026-11-23T09:00:00Z"), &year, &week);
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (week, ==, 47);
  rapport_review_default_week (at ("2026-11-22T23:59:59Z"), &year, &week);
  g_assert_cmpint (week, ==, 46);
  /* Early January looks back into the old year's last week. */
  rapport_review_default_week (at ("2021-01-05T09:00:00Z"), &year, &week);
  g_assert_cmpint (year, ==, 2020);
  g_assert_cmpint (week, ==, 53);

  rapport_review_week_of (at ("2026-12-31T12:00:00Z"), &year, &week);
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (week, ==, 53);
  rapport_review_week_of (at ("2027-01-03T23:59:59Z"), &year, &week);
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (week, ==, 53);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review/week/parse", test_parse_week);
  g_test_add_func ("/review/week/message", test_week_message);
  g_test_add_func ("/review/week/arithmetic", test_week_arithmetic);

#define ADD(path, func) \
  g_test_add ("/review/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("bounds", test_week_bounds);
  ADD ("added", test_added);
  ADD ("advanced", test_advanced);
  ADD ("won-lost", test_won_lost);
  ADD ("slipped", test_slipped);
  ADD ("rotting", test_rotting);
  ADD ("overdue", test_overdue);
  ADD ("goals", test_goals);
  ADD ("owner", test_owner);
  ADD ("empty-week", test_empty_week);
#undef ADD

  return g_test_run ();
}
