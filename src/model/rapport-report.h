/* rapport-report.h — the team's figures for a period, and the deals behind them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A RapportReport is computed in one call (rapport_store_report_summary)
 * from the data as it is: nothing here is stored. Every figure is given for
 * the period asked and for the previous period of the same length.
 *
 * Conventions, the same in the JSON of `rapport-cli report summary`:
 *
 * - Times are Unix seconds, UTC. A period is [from, to): @from included,
 *   @to excluded. Months, quarters and years are UTC; weeks are ISO weeks
 *   starting on Monday 00:00 UTC.
 * - Money is in minor units of the store's default currency. Deals in any
 *   other currency are left out of every deal figure (counts too, so that
 *   a count and its value always describe the same deals) and counted in
 *   RapportReportPeriod.other_currencies instead; converting them would
 *   need exchange rates Rapport does not have.
 * - A fraction or an average that has nothing to divide by is NaN ("none",
 *   null in JSON), never 0: a win rate with nothing closed is unknown, not
 *   zero. Use isnan().
 * - Won and lost deals count by their close time (closed_at). A deal that
 *   was won and then reopened is open again and no longer counts as won.
 * - Owner: NULL is everyone; otherwise the deals (and the contacts, and the
 *   activities through their deal, else their contact) with that owner.
 * - Pipeline: 0 is every pipeline; otherwise the deals whose current stage
 *   is in that pipeline. The funnel is of one pipeline: the query's, or
 *   with 0 the store's current pipeline (RapportReport.funnel_pipeline_id).
 *   Leads belong to no pipeline and are never filtered by one; activities
 *   are filtered through their deal, so those without a deal only count
 *   with pipeline 0.
 */

#pragma once

#include <glib-object.h>

#include "rapport-types.h"

G_BEGIN_DECLS

/* The RapportActivityKind values a report counts (call … follow-up). */
#define RAPPORT_REPORT_N_ACTIVITY_KINDS 5

/* What the figures are about. The strings are borrowed for the call. */
typedef struct
{
  gint64      from;          /* first second of the period, included */
  gint64      to;            /* end of the period, excluded; > from */
  const char *owner;         /* NULL for everyone */
  gint64      pipeline_id;   /* 0 for every pipeline */
} RapportReportQuery;

/* The same query for the previous period of equal length. */
void rapport_report_query_previous (const RapportReportQuery *query,
                                    RapportReportQuery       *previous);

/* A count of deals and the sum of their values. */
typedef struct
{
  guint  count;
  gint64 value;              /* minor units */
} RapportReportAmount;

/* One stage of the funnel of the deals created in the period.
 *
 * A deal reached every stage up to the furthest one (by position) that its
 * stage history shows it in, also those it skipped: a deal moved from the
 * first stage straight to the third, or won from the second, reached the
 * stages before. It advanced from every stage before its furthest, and from
 * its furthest only if it is won now. */
typedef struct
{
  gint64  stage_id;
  char   *name;
  int     probability;       /* percent */
  guint   reached;
  guint   advanced;          /* went on to a later stage, or won */
  guint   dropped;           /* reached - advanced: lost there, or still there */
  double  conversion;        /* advanced / reached; NaN if none reached */
  double  cumulative;        /* reached / reached of the first stage; NaN if none */
  double  drop_off;          /* 1 - conversion; NaN if none reached */
  double  median_days;       /* time in the stage of the deals that left it
                              * (moved on, back, or closed); a stage skipped
                              * is no time in it; NaN if none left it */
} RapportReportStage;

/* A UTC month: its first second, and its figures. */
typedef struct
{
  gint64 start;              /* YYYY-MM-01T00:00:00Z */
  int    year;
  int    month;              /* 1–12 */
  guint  count;
  gint64 value;
  gint64 weighted;           /* forecast only: Σ value × probability / 100 */
} RapportReportMonth;

/* A lost reason or a contact source with its deals ("" when none given). */
typedef struct
{
  char   *name;
  guint   count;
  gint64  value;
} RapportReportGroup;

/* One owner's figures ("" for deals without an owner). */
typedef struct
{
  char   *owner;
  guint   won;
  guint   lost;
  gint64  won_value;
  double  win_rate;          /* by count; NaN if nothing closed */
  guint   activities;        /* done in the period (see activities below) */
} RapportReportOwner;

/* Speed to lead of the leads that arrived in the period: contacts that came
 * in as leads (they got the speed-to-lead follow-up), by their created_at. */
typedef struct
{
  guint  leads;
  guint  contacted;          /* first contact recorded (at or after arrival) */
  guint  within;             /* …within the speed-to-lead time, included */
  guint  never;              /* not contacted (yet) */
  double share;              /* within / leads; NaN if no leads */
  double median_minutes;     /* over the contacted; NaN if none */
  double p90_minutes;        /* nearest rank; NaN if none */
  /* Contacted ones by minutes to first contact: ≤ 5, ≤ 15, ≤ 60, > 60. */
  guint  buckets[4];
  int    minutes;            /* the speed-to-lead time used */
} RapportReportSpeed;

/* Customers with a won deal closed before the period, how many of them won
 * another deal in it, and those repeat deals. */
typedef struct
{
  guint  customers;
  guint  repeat_customers;
  double share;              /* repeat_customers / customers; NaN if none */
  guint  repeat_deals;
  gint64 value;              /* of the repeat deals */
} RapportReportRepeat;

/* Customers' answers given in the period (rapport-store-after-sales.h):
 * through their deal's owner and pipeline, else their contact's owner;
 * answers without a deal count only with pipeline 0. */
typedef struct
{
  guint  scores;             /* answers with a 1–5 score */
  double average_score;      /* NaN if none */
  guint  nps_answers;        /* answers with a 0–10 NPS answer */
  guint  promoters;          /* 9 and 10 */
  guint  passives;           /* 7 and 8 */
  guint  detractors;         /* 0 to 6 */
  double nps;                /* (promoters - detractors) / answers × 100; NaN if none */
} RapportReportSatisfaction;

/* Deals left out because of their currency: won, lost, created in the
 * period, and open at its end. */
typedef struct
{
  guint won;
  guint lost;
  guint created;
  guint open;
  guint count;               /* distinct deals among those */
} RapportReportOtherCurrencies;

/* Every figure of one period. */
typedef struct
{
  gint64                 from;
  gint64                 to;

  RapportReportAmount    won;
  RapportReportAmount    lost;
  double                 win_rate;           /* won / (won + lost), by count */
  double                 win_rate_value;     /* the same by value */
  double                 average_won_value;  /* minor units; NaN if none won */
  double                 cycle_days_average; /* creation → win, won deals */
  double                 cycle_days_median;

  /* Open at the end of the period (or now, if that is earlier): created
   * before it and not closed before it, weighted by the probability of the
   * stage each is in now. */
  RapportReportAmount    open;
  gint64                 open_weighted;

  /* open.count × average_won_value × win_rate ÷ cycle_days_average: money
   * per day; NaN when any of them is unknown or the cycle is 0. */
  double                 velocity_per_day;

  RapportReportSpeed     speed;

  /* Activities done in the period, by RapportActivityKind (call, email,
   * meeting, task, follow-up); the speed-to-lead follow-ups, which complete
   * themselves with the first contact, are not counted. */
  guint                  activities[RAPPORT_REPORT_N_ACTIVITY_KINDS];
  guint                  new_leads;          /* = speed.leads */
  guint                  new_deals;          /* created in the period */

  GArray                *funnel;             /* RapportReportStage, by position */
  GArray                *lost_reasons;       /* RapportReportGroup, by count desc */
  GArray                *won_by_source;      /* RapportReportGroup, by value desc */
  GArray                *owners;             /* RapportReportOwner, by won value desc */
  RapportReportRepeat    repeat;
  RapportReportSatisfaction satisfaction;
  RapportReportOtherCurrencies other_currencies;
} RapportReportPeriod;

typedef struct
{
  /* The query, copied */
  gint64               from;
  gint64               to;
  char                *owner;
  gint64               pipeline_id;
  gint64               funnel_pipeline_id;
  char                *currency;             /* the default currency */
  gint64               now;                  /* the store's now when computed */

  RapportReportPeriod  current;
  RapportReportPeriod  previous;             /* the period of equal length before */

  /* Open deals now by expected close month: the month of now and the five
   * after it (6 entries). Open deals due before this month are in
   * forecast_overdue, those without an expected close in forecast_undated.
   * Lost and won deals never count. */
  GArray              *forecast;             /* RapportReportMonth */
  RapportReportMonth   forecast_overdue;     /* start, year, month are 0 */
  RapportReportMonth   forecast_undated;
  /* Won deals by close month: the eleven months before the month of now
   * and that month so far (12 entries, oldest first). */
  GArray              *won_by_month;         /* RapportReportMonth */
} RapportReport;

void           rapport_report_free     (RapportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportReport, rapport_report_free)

/* The deals behind a figure, for "click a bar to see its deals". Each
 * slice lists exactly the deals its figure counts (same filters, same
 * currency rule), for the query's period; for the previous period pass the
 * query from rapport_report_query_previous(). */
typedef enum
{
  RAPPORT_REPORT_SLICE_WON,            /* won in the period */
  RAPPORT_REPORT_SLICE_LOST,           /* lost in the period */
  RAPPORT_REPORT_SLICE_OPEN,           /* open at the period's end */
  RAPPORT_REPORT_SLICE_NEW,            /* created in the period */
  RAPPORT_REPORT_SLICE_STAGE_REACHED,  /* param: stage id (funnel) */
  RAPPORT_REPORT_SLICE_STAGE_ADVANCED, /* param: stage id */
  RAPPORT_REPORT_SLICE_STAGE_DROPPED,  /* param: stage id */
  RAPPORT_REPORT_SLICE_FORECAST_MONTH, /* param: the month's start; 0 = overdue, -1 = undated */
  RAPPORT_REPORT_SLICE_WON_MONTH,      /* param: the month's start (any month) */
  RAPPORT_REPORT_SLICE_LOST_REASON,    /* text: the reason ("" for none) */
  RAPPORT_REPORT_SLICE_WON_SOURCE,     /* text: the contact's source ("" for none) */
  RAPPORT_REPORT_SLICE_OWNER_WON,      /* text: the owner ("" for none) */
  RAPPORT_REPORT_SLICE_OWNER_LOST,     /* text: the owner */
  RAPPORT_REPORT_SLICE_REPEAT,         /* the repeat deals */
} RapportReportSlice;

/* Goals: what the team works towards. A goal's progress is computed from
 * the data for the period (of its kind) that holds an instant. */
typedef struct
{
  RapportGoalMetric  metric;
  RapportPeriodKind  period;
  const char        *owner;            /* NULL or "" for the whole team */
  gint64             target;           /* > 0; money in minor units */
} RapportGoalFields;

typedef struct
{
  gint64   start;                      /* the period holding the instant */
  gint64   end;                        /* excluded */
  gint64   actual;                     /* money in minor units, or a count */
  gint64   target;
  double   progress;                   /* actual / target (may pass 1) */
  gboolean reached;                    /* actual >= target */
  gboolean notified;                   /* marked reached for this period */
} RapportGoalProgress;

/* The period of @kind holding @at: ISO week (Monday 00:00 UTC), UTC month,
 * quarter or year. */
void     rapport_period_bounds         (RapportPeriodKind  kind,
                                        gint64             at,
                                        gint64            *start,
                                        gint64            *end);

G_END_DECLS
