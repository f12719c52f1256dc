/* test-reports.c — Insights' figures, worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One small history with a pinned clock, every figure of March 2026 and
 * of the 31 days before computed in the comments, then checked.
 *
 * Pipeline classic5: Prospecting 10 %, Qualifying 25 %, Presentation 50 %,
 * Negotiation 75 %, Closing 90 %. Default currency USD. "Now" for the
 * report: 2026-03-20T12:00:00Z (a Friday; ISO week from Monday 03-16).
 *
 * Periods: current [2026-03-01, 2026-04-01) (31 days), previous
 * [2026-01-29, 2026-03-01).
 *
 * Contacts (not leads): C1 source Referral, C2 source Website, C3 none.
 *
 * Deals (value in dollars; times 00:00Z unless said):
 *   D0  C1 Ann  500   created 2025-12-01, won 2025-12-20 (C1 a customer)
 *   D2  C1 Ann  1000  created 03-02; Qualifying 03-04; Presentation 03-07;
 *                     won 03-12 (cycle 10 days; a repeat sale)
 *   D3  C2 Bob  2000  created 03-03; won 03-05 from Prospecting (cycle 2;
 *                     won without passing every stage; a repeat sale)
 *   D4  C3 Ann  4000  created 03-04; Presentation 03-06 (skips
 *                     Qualifying); lost 03-10 "Price"
 *   D5  -  Bob  3000  created 03-05; Qualifying 03-06; open, close 2026-04-15
 *   D6  -  Ann   500  created 03-06; won 03-08, reopened 03-09: open in
 *                     Prospecting, close 2026-03-25
 *   D7  -  Ann  9999 EUR created 03-07, won 03-09: another currency
 *   D8  -  Bob   800  created 2026-01-20; lost 03-15 "Price"
 *   D9  C2 Ann  1500  created 02-01, won 02-20 (cycle 19)
 *   D10 -  Bob   700  created 02-05, lost 02-25 "No budget"
 *   D11 -  Ann  2000  created 02-15; Negotiation 02-16; open, close 2026-05-10
 *   D12 -  Bob  1000  created 03-10; open, close 2026-02-28 (overdue)
 *   D13 -  Ann   600  created 03-11; open, no close date
 *
 * Leads (each gets the speed-to-lead follow-up; speed-to-lead time 60 min):
 *   L1 03-02T09:00, call 3 min later;   L2 03-03T09:00, call after 10 min;
 *   L3 03-04T09:00, email after 40 min; L4 03-05T09:00, call after 120 min;
 *   L5 03-06T09:00, never contacted;    L6 02-10T09:00, call after 5 min.
 * Other activities: a meeting on D2 (Ann) 03-05, a call on D3 (Bob) 03-04.
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "rapport-sqlite-private.h"
#include "rapport-test-support.h"
#include "rapport-time.h"

#define EPS 1e-9

typedef struct
{
  char         *dir;
  RapportStore *store;
  gint64        d[14];   /* deal ids by the names above; d[1] unused */
  gint64        c[4];    /* contacts C1…C3 */
  gint64        now;
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

static gint64
add_contact (Fixture    *f,
             const char *name,
             const char *source)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContact) contact = NULL;
  RapportContactFields fields = {
    .name = name,
    .lifecycle = RAPPORT_LIFECYCLE_CONTACT,
    .source = source,
    .created_at = at ("2025-11-01"),
    .has_created_at = TRUE,
  };

  rapport_store_set_now (f->store, at ("2025-11-01T12:00:00Z"));
  contact = rapport_store_add_contact (f->store, &fields, &error);
  g_assert_no_error (error);
  return rapport_record_get_id (RAPPORT_RECORD (contact));
}

static gint64
add_deal (Fixture    *f,
          const char *created,
          gint64      dollars,
          const char *currency,
          const char *owner,
          gint64      contact_id,
          const char *expected_close)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  RapportDealFields fields = {
    .title = "A deal",
    .value = dollars * 100,
    .currency = currency,
    .contact_id = contact_id,
    .owner = owner,
    .expected_close = expected_close,
    .created_at = at (created),
    .has_created_at = TRUE,
  };

  rapport_store_set_now (f->store, at (created));
  deal = rapport_store_add_deal (f->store, &fields, &error);
  g_assert_no_error (error);
  return rapport_record_get_id (RAPPORT_RECORD (deal));
}

static void
move_deal (Fixture    *f,
           gint64      id,
           guint       stage_index,
           const char *when)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDeal) deal = rapport_store_get_deal (f->store, id, &error);
  g_autoptr(RapportStage) stage = rapport_test_stage_at (f->store, stage_index);

  rapport_store_set_now (f->store, at (when));
  g_assert_true (rapport_store_move_deal (f->store, deal, stage, -1, &error));
  g_assert_no_error (error);
}

static void
close_deal (Fixture           *f,
            gint64             id,
            RapportDealStatus  status,
            const char        *reason,
            const char        *when)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDeal) deal = rapport_store_get_deal (f->store, id, &error);

  rapport_store_set_now (f->store, at (when));
  g_assert_true (rapport_store_set_deal_status (f->store, deal, status, reason, &error));
  g_assert_no_error (error);
}

static void
log_activity (Fixture             *f,
              gint64               contact_id,
              gint64               deal_id,
              RapportActivityKind  kind,
              const char          *when)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportActivity) activity = NULL;

  rapport_store_set_now (f->store, at (when));
  activity = rapport_store_log_activity (f->store, contact_id, deal_id, kind, NULL, &error);
  g_assert_no_error (error);
}

static gint64
add_lead (Fixture    *f,
          const char *name,
          const char *arrived)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContact) contact = NULL;
  RapportContactFields fields = {
    .name = name,
    .lifecycle = RAPPORT_LIFECYCLE_LEAD,
    .created_at = at (arrived),
    .has_created_at = TRUE,
  };

  rapport_store_set_now (f->store, at (arrived));
  contact = rapport_store_add_contact (f->store, &fields, &error);
  g_assert_no_error (error);
  return rapport_record_get_id (RAPPORT_RECORD (contact));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gint64 lead;

  f->store = rapport_test_store_new (&f->dir, "classic5");

  f->c[1] = add_contact (f, "Acme", "Referral");
  f->c[2] = add_contact (f, "Beta", "Website");
  f->c[3] = add_contact (f, "Gamma", NULL);

  f->d[0] = add_deal (f, "2025-12-01", 500, NULL, "Ann", f->c[1], NULL);
  close_deal (f, f->d[0], RAPPORT_DEAL_STATUS_WON, NULL, "2025-12-20");

  f->d[8] = add_deal (f, "2026-01-20", 800, NULL, "Bob", 0, NULL);
  f->d[9] = add_deal (f, "2026-02-01", 1500, NULL, "Ann", f->c[2], NULL);
  f->d[10] = add_deal (f, "2026-02-05", 700, NULL, "Bob", 0, NULL);
  f->d[11] = add_deal (f, "2026-02-15", 2000, NULL, "Ann", 0, "2026-05-10");
  move_deal (f, f->d[11], 3, "2026-02-16");
  close_deal (f, f->d[9], RAPPORT_DEAL_STATUS_WON, NULL, "2026-02-20");
  close_deal (f, f->d[10], RAPPORT_DEAL_STATUS_LOST, "No budget", "2026-02-25");

  f->d[2] = add_deal (f, "2026-03-02", 1000, NULL, "Ann", f->c[1], NULL);
  f->d[3] = add_deal (f, "2026-03-03", 2000, NULL, "Bob", f->c[2], NULL);
  f->d[4] = add_deal (f, "2026-03-04", 4000, NULL, "Ann", f->c[3], NULL);
  move_deal (f, f->d[2], 1, "2026-03-04");
  f->d[5] = add_deal (f, "2026-03-05", 3000, NULL, "Bob", 0, "2026-04-15");
  close_deal (f, f->d[3], RAPPORT_DEAL_STATUS_WON, NULL, "2026-03-05");
  f->d[6] = add_deal (f, "2026-03-06", 500, NULL, "Ann", 0, "2026-03-25");
  move_deal (f, f->d[4], 2, "2026-03-06");
  move_deal (f, f->d[5], 1, "2026-03-06");
  f->d[7] = add_deal (f, "2026-03-07", 9999, "EUR", "Ann", 0, NULL);
  move_deal (f, f->d[2], 2, "2026-03-07");
  close_deal (f, f->d[6], RAPPORT_DEAL_STATUS_WON, NULL, "2026-03-08");
  close_deal (f, f->d[6], RAPPORT_DEAL_STATUS_OPEN, NULL, "2026-03-09");
  close_deal (f, f->d[7], RAPPORT_DEAL_STATUS_WON, NULL, "2026-03-09");
  f->d[12] = add_deal (f, "2026-03-10", 1000, NULL, "Bob", 0, "2026-02-28");
  close_deal (f, f->d[4], RAPPORT_DEAL_STATUS_LOST, "Price", "2026-03-10");
  f->d[13] = add_deal (f, "2026-03-11", 600, NULL, "Ann", 0, NULL);
  close_deal (f, f->d[2], RAPPORT_DEAL_STATUS_WON, NULL, "2026-03-12");
  close_deal (f, f->d[8], RAPPORT_DEAL_STATUS_LOST, "Price", "2026-03-15");

  lead = add_lead (f, "Lead six", "2026-02-10T09:00:00Z");
  log_activity (f, lead, 0, RAPPORT_ACTIVITY_CALL, "2026-02-10T09:05:00Z");
  lead = add_lead (f, "Lead one", "2026-03-02T09:00:00Z");
  log_activity (f, lead, 0, RAPPORT_ACTIVITY_CALL, "2026-03-02T09:03:00Z");
  lead = add_lead (f, "Lead two", "2026-03-03T09:00:00Z");
  log_activity (f, lead, 0, RAPPORT_ACTIVITY_CALL, "2026-03-03T09:10:00Z");
  lead = add_lead (f, "Lead three", "2026-03-04T09:00:00Z");
  log_activity (f, lead, 0, RAPPORT_ACTIVITY_EMAIL, "2026-03-04T09:40:00Z");
  lead = add_lead (f, "Lead four", "2026-03-05T09:00:00Z");
  log_activity (f, lead, 0, RAPPORT_ACTIVITY_CALL, "2026-03-05T11:00:00Z");
  add_lead (f, "Lead five", "2026-03-06T09:00:00Z");

  log_activity (f, f->c[2], f->d[3], RAPPORT_ACTIVITY_CALL, "2026-03-04T15:00:00Z");
  log_activity (f, f->c[1], f->d[2], RAPPORT_ACTIVITY_MEETING, "2026-03-05T15:00:00Z");

  f->now = at ("2026-03-20T12:00:00Z");
  rapport_store_set_now (f->store, f->now);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  rapport_test_tmpdir_free (g_steal_pointer (&f->dir));
}

static RapportReport *
march (Fixture    *f,
       const char *owner)
{
  g_autoptr(GError) error = NULL;
  RapportReportQuery query = { at ("2026-03-01"), at ("2026-04-01"), owner, 0 };
  RapportReport *report = rapport_store_report_summary (f->store, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* Won, lost, rates, averages, open, velocity */
static void
test_deals (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RapportReport) report = march (f, NULL);
  const RapportReportPeriod *cur = &report->current, *prev = &report->previous;

  g_assert_cmpstr (report->currency, ==, "USD");
  g_assert_cmpint (prev->from, ==, at ("2026-01-29"));
  g_assert_cmpint (prev->to, ==, at ("2026-03-01"));

  /* Won in March: D2 1000 + D3 2000 (D6 was reopened, D7 is in EUR). */
  g_assert_cmpuint (cur->won.count, ==, 2);
  g_assert_cmpint (cur->won.value, ==, 300000);
  /* Lost: D4 4000 + D8 800 (created before the period: by close time). */
  g_assert_cmpuint (cur->lost.count, ==, 2);
  g_assert_cmpint (cur->lost.value, ==, 480000);
  /* 2 / 4; by value 3000 / 7800. */
  g_assert_cmpfloat_with_epsilon (cur->win_rate, 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (cur->win_rate_value, 3000.0 / 7800.0, EPS);
  g_assert_cmpfloat_with_epsilon (cur->average_won_value, 150000, EPS);
  /* Cycles 10 and 2 days. */
  g_assert_cmpfloat_with_epsilon (cur->cycle_days_average, 6, EPS);
  g_assert_cmpfloat_with_epsilon (cur->cycle_days_median, 6, EPS);

  /* Open now (the period ends after now): D5 3000 × 25 %, D6 500 × 10 %,
   * D11 2000 × 75 %, D12 1000 × 10 %, D13 600 × 10 %. */
  g_assert_cmpuint (cur->open.count, ==, 5);
  g_assert_cmpint (cur->open.value, ==, 710000);
  g_assert_cmpint (cur->open_weighted, ==, 75000 + 5000 + 150000 + 10000 + 6000);
  /* 5 × 1500.00 × 0.5 ÷ 6 days = 625.00 a day. */
  g_assert_cmpfloat_with_epsilon (cur->velocity_per_day, 62500, EPS);

  /* D7 (EUR) created and won in March: left out, counted once. */
  g_assert_cmpuint (cur->other_currencies.count, ==, 1);
  g_assert_cmpuint (cur->other_currencies.won, ==, 1);
  g_assert_cmpuint (cur->other_currencies.created, ==, 1);
  g_assert_cmpuint (cur->other_currencies.open, ==, 0);

  /* New deals: D2 D3 D4 D5 D6 D12 D13. */
  g_assert_cmpuint (cur->new_deals, ==, 7);

  /* The previous period: D9 won (19 days), D10 lost; open on 03-01:
   * D8 800 × 10 % (lost only on 03-15) and D11 2000 × 75 %. */
  g_assert_cmpuint (prev->won.count, ==, 1);
  g_assert_cmpint (prev->won.value, ==, 150000);
  g_assert_cmpuint (prev->lost.count, ==, 1);
  g_assert_cmpint (prev->lost.value, ==, 70000);
  g_assert_cmpfloat_with_epsilon (prev->win_rate, 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (prev->cycle_days_average, 19, EPS);
  g_assert_cmpfloat_with_epsilon (prev->cycle_days_median, 19, EPS);
  g_assert_cmpuint (prev->open.count, ==, 2);
  g_assert_cmpint (prev->open.value, ==, 280000);
  g_assert_cmpint (prev->open_weighted, ==, 8000 + 150000);
  /* 2 × 1500.00 × 0.5 ÷ 19. */
  g_assert_cmpfloat_with_epsilon (prev->velocity_per_day, 2 * 150000 * 0.5 / 19, 1e-6);
  g_assert_cmpuint (prev->new_deals, ==, 3);
}

static const RapportReportStage *
stage_of (const RapportReportPeriod *period,
          guint                      index)
{
  g_assert_cmpuint (index, <, period->funnel->len);
  return &g_array_index (period->funnel, RapportReportStage, index);
}

/* The funnel of the 7 USD deals created in March:
 *   D2 furthest Presentation, won: reached 0–2, advanced from 0–2
 *   D3 furthest Prospecting, won: reached 0, advanced from 0
 *   D4 furthest Presentation (skipped Qualifying), lost: reached 0–2,
 *      advanced from 0–1
 *   D5 furthest Qualifying, open: reached 0–1, advanced from 0
 *   D6 Prospecting, open again: reached 0; D12, D13 likewise
 * Days in a stage, of the deals that left it: Prospecting D2 2, D3 2, D4 2,
 * D5 1, D6 2 (left by its win) → median 2; Qualifying D2 3 → 3;
 * Presentation D2 5, D4 4 → 4.5. */
static void
test_funnel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RapportReport) report = march (f, NULL);
  const RapportReportPeriod *cur = &report->current, *prev = &report->previous;
  const guint reached[] = { 7, 3, 2, 0, 0 };
  const guint advanced[] = { 4, 2, 1, 0, 0 };

  g_assert_cmpuint (cur->funnel->len, ==, 5);
  g_assert_cmpstr (stage_of (cur, 0)->name, ==, "Prospecting");
  for (guint k = 0; k < 5; k++)
    {
      g_assert_cmpuint (stage_of (cur, k)->reached, ==, reached[k]);
      g_assert_cmpuint (stage_of (cur, k)->advanced, ==, advanced[k]);
      g_assert_cmpuint (stage_of (cur, k)->dropped, ==, reached[k] - advanced[k]);
    }
  g_assert_cmpfloat_with_epsilon (stage_of (cur, 0)->conversion, 4.0 / 7, EPS);
  g_assert_cmpfloat_with_epsilon (stage_of (cur, 1)->conversion, 2.0 / 3, EPS);
  g_assert_cmpfloat_with_epsilon (stage_of (cur, 2)->conversion, 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (stage_of (cur, 2)->drop_off, 0.5, EPS);
  g_assert_true (isnan (stage_of (cur, 3)->conversion));
  g_assert_cmpfloat_with_epsilon (stage_of (cur, 0)->cumulative, 1, EPS);
  g_assert_cmpfloat_with_epsilon (stage_of (cur, 1)->cumulative, 3.0 / 7, EPS);
  g_assert_cmpfloat_with_epsilon (stage_of (cur, 2)->cumulative, 2.0 / 7, EPS);
  g_assert_cmpfloat_with_epsilon (stage_of (cur, 3)->cumulative, 0, EPS);
  g_assert_cmpfloat_with_epsilon (stage_of (cur, 0)->median_days, 2, EPS);
  g_assert_cmpfloat_with_epsilon (stage_of (cur, 1)->median_days, 3, EPS);
  g_assert_cmpfloat_with_epsilon (stage_of (cur, 2)->median_days, 4.5, EPS);
  g_assert_true (isnan (stage_of (cur, 3)->median_days));

  /* February's cohort: D9 won from Prospecting, D10 lost there, D11 went
   * straight to Negotiation: reached 3, 1, 1, 1, 0. */
  g_assert_cmpuint (stage_of (prev, 0)->reached, ==, 3);
  g_assert_cmpuint (stage_of (prev, 0)->advanced, ==, 2);
  g_assert_cmpuint (stage_of (prev, 1)->reached, ==, 1);
  g_assert_cmpuint (stage_of (prev, 3)->reached, ==, 1);
  g_assert_cmpuint (stage_of (prev, 3)->advanced, ==, 0);
  g_assert_cmpuint (stage_of (prev, 4)->reached, ==, 0);
}

/* Forecast from now (March): D6 in March, D5 in April, D11 in May; D12 is
 * overdue, D13 undated. Won by month, April 2025 to March 2026: D0 in
 * December, D9 in February, D2 + D3 in March. */
static void
test_months (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RapportReport) report = march (f, NULL);
  const RapportReportMonth *m;

  g_assert_cmpuint (report->forecast->len, ==, 6);
  m = &g_array_index (report->forecast, RapportReportMonth, 0);
  g_assert_cmpint (m->year, ==, 2026);
  g_assert_cmpint (m->month, ==, 3);
  g_assert_cmpint (m->start, ==, at ("2026-03-01"));
  g_assert_cmpuint (m->count, ==, 1);
  g_assert_cmpint (m->value, ==, 50000);
  g_assert_cmpint (m->weighted, ==, 5000);
  m = &g_array_index (report->forecast, RapportReportMonth, 1);
  g_assert_cmpint (m->value, ==, 300000);
  g_assert_cmpint (m->weighted, ==, 75000);
  m = &g_array_index (report->forecast, RapportReportMonth, 2);
  g_assert_cmpint (m->value, ==, 200000);
  g_assert_cmpint (m->weighted, ==, 150000);
  for (guint i = 3; i < 6; i++)
    g_assert_cmpuint (g_array_index (report->forecast, RapportReportMonth, i).count, ==, 0);
  g_assert_cmpint (g_array_index (report->forecast, RapportReportMonth, 5).month, ==, 8);
  g_assert_cmpuint (report->forecast_overdue.count, ==, 1);
  g_assert_cmpint (report->forecast_overdue.value, ==, 100000);
  g_assert_cmpuint (report->forecast_undated.count, ==, 1);
  g_assert_cmpint (report->forecast_undated.weighted, ==, 6000);

  g_assert_cmpuint (report->won_by_month->len, ==, 12);
  m = &g_array_index (report->won_by_month, RapportReportMonth, 0);
  g_assert_cmpint (m->year, ==, 2025);
  g_assert_cmpint (m->month, ==, 4);
  m = &g_array_index (report->won_by_month, RapportReportMonth, 8);
  g_assert_cmpint (m->month, ==, 12);
  g_assert_cmpint (m->value, ==, 50000);
  m = &g_array_index (report->won_by_month, RapportReportMonth, 10);
  g_assert_cmpint (m->month, ==, 2);
  g_assert_cmpint (m->value, ==, 150000);
  m = &g_array_index (report->won_by_month, RapportReportMonth, 11);
  g_assert_cmpuint (m->count, ==, 2);
  g_assert_cmpint (m->value, ==, 300000);
}

/* Leads in March: delays 3, 10, 40 and 120 minutes, and L5 never: 3 of 5
 * within the hour; median (10 + 40) / 2 = 25; 90th percentile by nearest
 * rank: ⌈0.9 × 4⌉ = the 4th, 120. One in each bucket. February: L6 at
 * exactly 5 minutes, in the first bucket. Activities done in March: calls
 * to L1, L2, L4 and on D3, the email to L3, the meeting on D2 (the
 * speed-to-lead follow-ups that completed themselves do not count). */
static void
test_leads_and_activities (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(RapportReport) report = march (f, NULL);
  const RapportReportSpeed *speed = &report->current.speed, *before = &report->previous.speed;

  g_assert_cmpuint (speed->leads, ==, 5);
  g_assert_cmpuint (report->current.new_leads, ==, 5);
  g_assert_cmpuint (speed->contacted, ==, 4);
  g_assert_cmpuint (speed->within, ==, 3);
  g_assert_cmpuint (speed->never, ==, 1);
  g_assert_cmpint (speed->minutes, ==, 60);
  g_assert_cmpfloat_with_epsilon (speed->share, 0.6, EPS);
  g_assert_cmpfloat_with_epsilon (speed->median_minutes, 25, EPS);
  g_assert_cmpfloat_with_epsilon (speed->p90_minutes, 120, EPS);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (speed->buckets[i], ==, 1);

  g_assert_cmpuint (before->leads, ==, 1);
  g_assert_cmpuint (before->within, ==, 1);
  g_assert_cmpuint (before->buckets[0], ==, 1);
  g_assert_cmpfloat_with_epsilon (before->median_minutes, 5, EPS);
  g_assert_cmpfloat_with_epsilon (before->p90_minutes, 5, EPS);

  g_assert_cmpuint (report->current.activities[RAPPORT_ACTIVITY_CALL], ==, 4);
  g_assert_cmpuint (report->current.activities[RAPPORT_ACTIVITY_EMAIL], ==, 1);
  g_assert_cmpuint (report->current.activities[RAPPORT_ACTIVITY_MEETING], ==, 1);
  g_assert_cmpuint (report->current.activities[RAPPORT_ACTIVITY_FOLLOWUP], ==, 0);
  g_assert_cmpuint (report->previous.activities[RAPPORT_ACTIVITY_CALL], ==, 1);
}

/* Many deals with activities: each is looked up once, and the set of
 * them grows past its first size (64) many times over. 150 more deals of
 * Cy and Di, created 03-20, each with a call on 03-21 and an email on
 * 03-22. */
static void
test_many_activities (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RapportReport) report = NULL;
  g_autoptr(RapportReport) only_cy = NULL;
  guint cy = 0, di = 0;

  for (int i = 0; i < 150; i++)
    {
      const char *owner = i % 2 == 0 ? "Cy" : "Di";
      gint64 deal;

      if (i % 2 == 0)
        cy++;
      else
        di++;
      deal = add_deal (f, "2026-03-20T10:00:00Z", 100, "USD", owner, f->c[1], NULL);
      log_activity (f, f->c[1], deal, RAPPORT_ACTIVITY_CALL, "2026-03-21T10:00:00Z");
      log_activity (f, f->c[1], deal, RAPPORT_ACTIVITY_EMAIL, "2026-03-22T10:00:00Z");
    }

  report = march (f, NULL);
  g_assert_cmpuint (report->current.activities[RAPPORT_ACTIVITY_CALL], ==, 4 + 150);
  g_assert_cmpuint (report->current.activities[RAPPORT_ACTIVITY_EMAIL], ==, 1 + 150);
  g_assert_cmpuint (report->current.activities[RAPPORT_ACTIVITY_MEETING], ==, 1);
  for (guint i = 0; i < report->current.owners->len; i++)
    {
      const RapportReportOwner *owner = &g_array_index (report->current.owners, RapportReportOwner, i);

      if (g_strcmp0 (owner->owner, "Cy") == 0)
        g_assert_cmpuint (owner->activities, ==, 2 * cy);
      else if (g_strcmp0 (owner->owner, "Di") == 0)
        g_assert_cmpuint (owner->activities, ==, 2 * di);
    }

  only_cy = march (f, "Cy");
  g_assert_cmpuint (only_cy->current.activities[RAPPORT_ACTIVITY_CALL], ==, cy);
  g_assert_cmpuint (only_cy->current.activities[RAPPORT_ACTIVITY_EMAIL], ==, cy);
}

static void
assert_same_period (const RapportReportPeriod *a,
                    const RapportReportPeriod *b)
{
  g_assert_cmpuint (a->won.count, ==, b->won.count);
  g_assert_cmpint (a->won.value, ==, b->won.value);
  g_assert_cmpuint (a->lost.count, ==, b->lost.count);
  g_assert_cmpuint (a->new_deals, ==, b->new_deals);
  g_assert_cmpuint (a->speed.leads, ==, b->speed.leads);
  for (guint k = 0; k < G_N_ELEMENTS (a->activities); k++)
    g_assert_cmpuint (a->activities[k], ==, b->activities[k]);
  g_assert_cmpuint (a->owners->len, ==, b->owners->len);
  for (guint i = 0; i < a->owners->len; i++)
    {
      const RapportReportOwner *x = &g_array_index (a->owners, RapportReportOwner, i);
      const RapportReportOwner *y = &g_array_index (b->owners, RapportReportOwner, i);

      g_assert_cmpstr (x->owner, ==, y->owner);
      g_assert_cmpuint (x->activities, ==, y->activities);
      g_assert_cmpuint (x->won, ==, y->won);
    }
}

/* A writable file's report reads the activities on a second connection
 * in another thread; a read-only store reads all on one. Same figures,
 * also with an owner and a pipeline asked for. */
static void
test_side_read (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) alone = NULL;
  const char *owners[] = { NULL, "Ann", "Bob" };
  guint before = rapport_store_get_side_reads (f->store);

  alone = rapport_store_new_full (rapport_store_get_path (f->store), NULL, RAPPORT_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  rapport_store_set_now (alone, f->now);

  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    for (gint64 pipeline = 0; pipeline <= 1; pipeline++)
      {
        RapportReportQuery query = { at ("2026-03-01"), at ("2026-04-01"), owners[i], pipeline };
        g_autoptr(RapportReport) two = rapport_store_report_summary (f->store, &query, &error);
        g_autoptr(RapportReport) one = NULL;

        g_assert_no_error (error);
        one = rapport_store_report_summary (alone, &query, &error);
        g_assert_no_error (error);
        assert_same_period (&two->current, &one->current);
        assert_same_period (&two->previous, &one->previous);
      }

  g_assert_cmpuint (rapport_store_get_side_reads (f->store), ==, before + 6);
  g_assert_cmpuint (rapport_store_get_side_reads (alone), ==, 0);
}

/* Lost reasons, sources, owners, repeat sales.
 * March: "Price" D4 4000 + D8 800. Won by source: Website (D3 2000),
 * Referral (D2 1000). Owners by won value: Bob (D3 won, D8 lost, the call
 * on D3), Ann (D2 won, D4 lost, the meeting on D2), then the leads'
 * activities without an owner (4). Repeat: C1 (won D0 in December) and C2
 * (won D9 in February) were customers before March, and both bought again
 * (D2, D3): 2 of 2, 3000. Before the previous period only C1 was a
 * customer, and it bought nothing then: 0 of 1. */
static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RapportReport) report = march (f, NULL);
  const RapportReportPeriod *cur = &report->current;
  const RapportReportGroup *group;
  const RapportReportOwner *owner;

  g_assert_cmpuint (cur->lost_reasons->len, ==, 1);
  group = &g_array_index (cur->lost_reasons, RapportReportGroup, 0);
  g_assert_cmpstr (group->name, ==, "Price");
  g_assert_cmpuint (group->count, ==, 2);
  g_assert_cmpint (group->value, ==, 480000);

  g_assert_cmpuint (cur->won_by_source->len, ==, 2);
  group = &g_array_index (cur->won_by_source, RapportReportGroup, 0);
  g_assert_cmpstr (group->name, ==, "Website");
  g_assert_cmpint (group->value, ==, 200000);
  group = &g_array_index (cur->won_by_source, RapportReportGroup, 1);
  g_assert_cmpstr (group->name, ==, "Referral");

  g_assert_cmpuint (cur->owners->len, ==, 3);
  owner = &g_array_index (cur->owners, RapportReportOwner, 0);
  g_assert_cmpstr (owner->owner, ==, "Bob");
  g_assert_cmpuint (owner->won, ==, 1);
  g_assert_cmpuint (owner->lost, ==, 1);
  g_assert_cmpint (owner->won_value, ==, 200000);
  g_assert_cmpfloat_with_epsilon (owner->win_rate, 0.5, EPS);
  g_assert_cmpuint (owner->activities, ==, 1);
  owner = &g_array_index (cur->owners, RapportReportOwner, 1);
  g_assert_cmpstr (owner->owner, ==, "Ann");
  g_assert_cmpint (owner->won_value, ==, 100000);
  g_assert_cmpuint (owner->activities, ==, 1);
  owner = &g_array_index (cur->owners, RapportReportOwner, 2);
  g_assert_cmpstr (owner->owner, ==, "");
  g_assert_cmpuint (owner->activities, ==, 4);
  g_assert_true (isnan (owner->win_rate));

  g_assert_cmpuint (cur->repeat.customers, ==, 2);
  g_assert_cmpuint (cur->repeat.repeat_customers, ==, 2);
  g_assert_cmpuint (cur->repeat.repeat_deals, ==, 2);
  g_assert_cmpfloat_with_epsilon (cur->repeat.share, 1, EPS);
  g_assert_cmpint (cur->repeat.value, ==, 300000);
  g_assert_cmpuint (report->previous.repeat.customers, ==, 1);
  g_assert_cmpuint (report->previous.repeat.repeat_customers, ==, 0);
  g_assert_cmpfloat_with_epsilon (report->previous.repeat.share, 0, EPS);
}

/* Ann alone: D2 won, D4 lost; open D6, D11, D13. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportReport) ann = march (f, "Ann");
  g_autoptr(RapportReport) other = NULL;
  g_autoptr(RapportPipeline) pipeline = NULL;
  RapportReportQuery query = { at ("2026-03-01"), at ("2026-04-01"), NULL, 0 };

  g_assert_cmpuint (ann->current.won.count, ==, 1);
  g_assert_cmpint (ann->current.won.value, ==, 100000);
  g_assert_cmpuint (ann->current.lost.count, ==, 1);
  g_assert_cmpuint (ann->current.open.count, ==, 3);
  g_assert_cmpuint (ann->current.new_deals, ==, 4);
  g_assert_cmpuint (ann->current.speed.leads, ==, 0);
  g_assert_cmpuint (ann->current.activities[RAPPORT_ACTIVITY_MEETING], ==, 1);
  g_assert_cmpuint (ann->current.activities[RAPPORT_ACTIVITY_CALL], ==, 0);

  /* Another pipeline has none of these deals; leads have no pipeline. */
  pipeline = rapport_store_add_pipeline_from_template (f->store, "cycle7", &error);
  g_assert_no_error (error);
  query.pipeline_id = rapport_record_get_id (RAPPORT_RECORD (pipeline));
  other = rapport_store_report_summary (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (other->current.won.count, ==, 0);
  g_assert_cmpuint (other->current.new_deals, ==, 0);
  g_assert_cmpint (other->funnel_pipeline_id, ==, query.pipeline_id);
  g_assert_cmpuint (other->current.funnel->len, >, 0);
  g_assert_cmpuint (g_array_index (other->current.funnel, RapportReportStage, 0).reached, ==, 0);
  g_assert_cmpuint (other->current.speed.leads, ==, 5);
  g_assert_cmpuint (other->current.activities[RAPPORT_ACTIVITY_CALL], ==, 0);
}

/* A period with nothing in it: every rate and average is none, not 0. */
static void
test_empty_period (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RapportReportQuery query = { at ("2025-06-01"), at ("2025-07-01"), NULL, 0 };
  g_autoptr(RapportReport) report = rapport_store_report_summary (f->store, &query, &error);
  const RapportReportPeriod *cur;

  g_assert_no_error (error);
  cur = &report->current;
  g_assert_cmpuint (cur->won.count + cur->lost.count + cur->open.count + cur->new_deals, ==, 0);
  g_assert_true (isnan (cur->win_rate));
  g_assert_true (isnan (cur->win_rate_value));
  g_assert_true (isnan (cur->average_won_value));
  g_assert_true (isnan (cur->cycle_days_average));
  g_assert_true (isnan (cur->cycle_days_median));
  g_assert_true (isnan (cur->velocity_per_day));
  g_assert_true (isnan (cur->speed.share));
  g_assert_true (isnan (cur->speed.median_minutes));
  g_assert_true (isnan (cur->repeat.share));
  g_assert_true (isnan (g_array_index (cur->funnel, RapportReportStage, 0).conversion));
  g_assert_true (isnan (g_array_index (cur->funnel, RapportReportStage, 0).cumulative));

  /* A period that ends before it starts is refused. */
  query.to = query.from;
  g_assert_null (rapport_store_report_summary (f->store, &query, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* @expected in any order: the store gives ids in increasing order. */
static void
assert_ids (Fixture            *f,
            RapportReportSlice  slice,
            gint64              param,
            const char         *text,
            const gint64       *expected,
            guint               n_expected)
{
  g_autoptr(GError) error = NULL;
  RapportReportQuery query = { at ("2026-03-01"), at ("2026-04-01"), NULL, 0 };
  g_autoptr(GArray) ids = rapport_store_report_deal_ids (f->store, &query, slice, param, text, &error);
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  g_array_append_vals (sorted, expected, n_expected);
  g_array_sort (sorted, compare_ids);
  g_assert_cmpuint (ids->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, g_array_index (sorted, gint64, i));
}

/* The deals behind a figure are the ones it counted. */
static void
test_deal_ids (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RapportStage) qualifying = rapport_test_stage_at (f->store, 1);
  g_autoptr(RapportStage) prospecting = rapport_test_stage_at (f->store, 0);
  const gint64 *d = f->d;
  const gint64 won[] = { d[2], d[3] };
  const gint64 lost[] = { d[4], d[8] };
  const gint64 open[] = { d[5], d[6], d[11], d[12], d[13] };
  const gint64 created[] = { d[2], d[3], d[4], d[5], d[6], d[12], d[13] };
  const gint64 reached[] = { d[2], d[4], d[5] };
  const gint64 dropped[] = { d[6], d[12], d[13] };
  const gint64 april[] = { d[5] };
  const gint64 overdue[] = { d[12] };
  const gint64 undated[] = { d[13] };
  const gint64 bob_won[] = { d[3] };
  const gint64 december[] = { d[0] };

  assert_ids (f, RAPPORT_REPORT_SLICE_WON, 0, NULL, won, G_N_ELEMENTS (won));
  assert_ids (f, RAPPORT_REPORT_SLICE_REPEAT, 0, NULL, won, G_N_ELEMENTS (won));
  assert_ids (f, RAPPORT_REPORT_SLICE_LOST, 0, NULL, lost, G_N_ELEMENTS (lost));
  assert_ids (f, RAPPORT_REPORT_SLICE_LOST_REASON, 0, "Price", lost, G_N_ELEMENTS (lost));
  assert_ids (f, RAPPORT_REPORT_SLICE_LOST_REASON, 0, "No budget", NULL, 0);
  assert_ids (f, RAPPORT_REPORT_SLICE_OPEN, 0, NULL, open, G_N_ELEMENTS (open));
  assert_ids (f, RAPPORT_REPORT_SLICE_NEW, 0, NULL, created, G_N_ELEMENTS (created));
  assert_ids (f, RAPPORT_REPORT_SLICE_STAGE_REACHED, rapport_record_get_id (RAPPORT_RECORD (qualifying)), NULL,
              reached, G_N_ELEMENTS (reached));
  assert_ids (f, RAPPORT_REPORT_SLICE_STAGE_DROPPED, rapport_record_get_id (RAPPORT_RECORD (prospecting)), NULL,
              dropped, G_N_ELEMENTS (dropped));
  assert_ids (f, RAPPORT_REPORT_SLICE_FORECAST_MONTH, at ("2026-04-01"), NULL, april, 1);
  assert_ids (f, RAPPORT_REPORT_SLICE_FORECAST_MONTH, 0, NULL, overdue, 1);
  assert_ids (f, RAPPORT_REPORT_SLICE_FORECAST_MONTH, -1, NULL, undated, 1);
  assert_ids (f, RAPPORT_REPORT_SLICE_OWNER_WON, 0, "Bob", bob_won, 1);
  assert_ids (f, RAPPORT_REPORT_SLICE_WON_MONTH, at ("2025-12-01"), NULL, december, 1);
  assert_ids (f, RAPPORT_REPORT_SLICE_WON_SOURCE, 0, "Referral", &d[2], 1);
}

static RapportGoal *
add_goal (Fixture           *f,
          RapportGoalMetric  metric,
          RapportPeriodKind  period,
          const char        *owner,
          gint64             target)
{
  g_autoptr(GError) error = NULL;
  RapportGoalFields fields = { metric, period, owner, target };
  RapportGoal *goal = rapport_store_add_goal (f->store, &fields, &error);

  g_assert_no_error (error);
  g_assert_nonnull (goal);
  return goal;
}

static void
assert_progress (Fixture     *f,
                 RapportGoal *goal,
                 gint64       when,
                 gint64       start,
                 gint64       actual,
                 double       progress)
{
  g_autoptr(GError) error = NULL;
  RapportGoalProgress p;

  g_assert_true (rapport_store_get_goal_progress (f->store, goal, when, &p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p.start, ==, start);
  g_assert_cmpint (p.actual, ==, actual);
  g_assert_cmpfloat_with_epsilon (p.progress, progress, EPS);
  g_assert_cmpint (p.reached, ==, actual >= rapport_goal_get_target (goal));
}

/* Goals' progress, now (2026-03-20) unless said:
 *   won value this month, the team, 5000: 3000 → 0.6
 *   deals won this month, Bob, 1: D3 → 1, reached
 *   deals added this quarter (Q1), the team, 20: D8 D9 D10 D11, D2 D3 D4
 *     D5 D6 D12 D13 → 11 (D7 in EUR is not) → 0.55
 *   activities done this year, 100: L6's call, and March's 6 → 0.07
 *   leads contacted in time, in the ISO week of 2026-03-04 (Monday 03-02
 *     to 03-09): L1, L2, L3 → 3 of a target of 3
 *   won value this week (from Monday 03-16): nothing → 0 */
static void
test_goals (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportGoal) value = add_goal (f, RAPPORT_GOAL_METRIC_WON_VALUE, RAPPORT_PERIOD_MONTH, NULL, 500000);
  g_autoptr(RapportGoal) bob = add_goal (f, RAPPORT_GOAL_METRIC_DEALS_WON, RAPPORT_PERIOD_MONTH, "Bob", 1);
  g_autoptr(RapportGoal) added = add_goal (f, RAPPORT_GOAL_METRIC_DEALS_ADDED, RAPPORT_PERIOD_QUARTER, NULL, 20);
  g_autoptr(RapportGoal) done = add_goal (f, RAPPORT_GOAL_METRIC_ACTIVITIES_DONE, RAPPORT_PERIOD_YEAR, NULL, 100);
  g_autoptr(RapportGoal) leads = add_goal (f, RAPPORT_GOAL_METRIC_LEADS_CONTACTED_IN_TIME, RAPPORT_PERIOD_WEEK, NULL, 3);
  g_autoptr(RapportGoal) week = add_goal (f, RAPPORT_GOAL_METRIC_WON_VALUE, RAPPORT_PERIOD_WEEK, NULL, 100);
  g_autoptr(GListModel) goals = rapport_store_get_goals (f->store);
  RapportGoalFields bad = { RAPPORT_GOAL_METRIC_DEALS_WON, RAPPORT_PERIOD_MONTH, NULL, 0 };
  gboolean first = FALSE;

  g_assert_cmpuint (g_list_model_get_n_items (goals), ==, 6);
  assert_progress (f, value, 0, at ("2026-03-01"), 300000, 0.6);
  assert_progress (f, bob, 0, at ("2026-03-01"), 1, 1.0);
  assert_progress (f, added, 0, at ("2026-01-01"), 11, 0.55);
  assert_progress (f, done, 0, at ("2026-01-01"), 7, 0.07);
  assert_progress (f, leads, at ("2026-03-04T12:00:00Z"), at ("2026-03-02"), 3, 1.0);
  assert_progress (f, leads, 0, at ("2026-03-16"), 0, 0.0);
  assert_progress (f, week, 0, at ("2026-03-16"), 0, 0.0);

  /* Told once per goal and period. */
  g_assert_true (rapport_store_mark_goal_reached (f->store, bob, at ("2026-03-01"), &first, &error));
  g_assert_no_error (error);
  g_assert_true (first);
  g_assert_cmpint (rapport_goal_get_reached_period (bob), ==, at ("2026-03-01"));
  g_assert_true (rapport_store_mark_goal_reached (f->store, bob, at ("2026-03-01"), &first, &error));
  g_assert_false (first);
  g_assert_true (rapport_store_mark_goal_reached (f->store, bob, at ("2026-04-01"), &first, &error));
  g_assert_true (first);

  /* A target must be more than zero; deleting takes a goal away. */
  g_assert_null (rapport_store_add_goal (f->store, &bad, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rapport_store_delete (f->store, RAPPORT_RECORD (week), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (goals), ==, 5);
}

static void
test_periods (void)
{
  gint64 start, end;

  /* ISO weeks start on Monday: Sunday 2026-03-01 is in the week of
   * Monday 2026-02-23. */
  rapport_period_bounds (RAPPORT_PERIOD_WEEK, at ("2026-03-01T23:59:59Z"), &start, &end);
  g_assert_cmpint (start, ==, at ("2026-02-23"));
  g_assert_cmpint (end, ==, at ("2026-03-02"));
  rapport_period_bounds (RAPPORT_PERIOD_WEEK, at ("2026-03-02"), &start, &end);
  g_assert_cmpint (start, ==, at ("2026-03-02"));
  rapport_period_bounds (RAPPORT_PERIOD_QUARTER, at ("2026-12-31T12:00:00Z"), &start, &end);
  g_assert_cmpint (start, ==, at ("2026-10-01"));
  g_assert_cmpint (end, ==, at ("2027-01-01"));
  rapport_period_bounds (RAPPORT_PERIOD_YEAR, at ("2026-06-15"), &start, &end);
  g_assert_cmpint (start, ==, at ("2026-01-01"));
  rapport_period_bounds (RAPPORT_PERIOD_MONTH, at ("2026-02-15"), &start, &end);
  g_assert_cmpint (end, ==, at ("2026-03-01"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/reports/deals", test_deals);
  ADD ("/reports/funnel", test_funnel);
  ADD ("/reports/months", test_months);
  ADD ("/reports/leads-and-activities", test_leads_and_activities);
  ADD ("/reports/many-activities", test_many_activities);
  ADD ("/reports/side-read", test_side_read);
  ADD ("/reports/groups", test_groups);
  ADD ("/reports/filters", test_filters);
  ADD ("/reports/empty-period", test_empty_period);
  ADD ("/reports/deal-ids", test_deal_ids);
  ADD ("/reports/goals", test_goals);
#undef ADD
  g_test_add_func ("/reports/periods", test_periods);

  return g_test_run ();
}
