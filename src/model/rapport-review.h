/* rapport-review.h — the weekly pipeline review: what happened in a week,
 * and what needs attention now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The review is what a sales manager brings to the Monday meeting. It has
 * two kinds of section:
 *
 * - What happened in the week (an ISO week, Monday 00:00 UTC to the next
 *   Monday, as everywhere in rapport-report.h): deals added (by creation
 *   time), deals moved forward (a stage change between two open stages of
 *   one pipeline, to a later position), deals won and deals lost (by close
 *   time, as they stand now: a deal won and reopened is not won).
 * - What needs attention, as of the review's making (RapportReview.now),
 *   whichever week it is about: the data does not keep what a deal looked
 *   like in the past. Open deals whose expected close date has passed
 *   (Rapport keeps no history of the expected close, so "slipped" is
 *   "passed and still open"); rotting deals (the rule of
 *   rapport_store_deal_is_rotting(): longer in their stage than it allows,
 *   with nothing scheduled); overdue follow-ups.
 *
 * Then the goals, each with its progress in the period of its kind that
 * holds the end of the week (or now, for the current week).
 *
 * Owner: NULL is everyone; otherwise the deals with that owner, the
 * follow-ups of that owner's deals (or of that owner's contacts when they
 * are about no deal), and that owner's goals.
 *
 * Money: every deal is shown in its own currency; a section's total adds
 * the deals in the store's default currency only and counts the others
 * apart (RapportReviewSection.other_currencies): Rapport has no exchange
 * rates.
 */

#pragma once

#include <glib.h>

#include "rapport-types.h"
#include "rapport-report.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_REVIEW_ADDED,
  RAPPORT_REVIEW_ADVANCED,
  RAPPORT_REVIEW_WON,
  RAPPORT_REVIEW_LOST,
  RAPPORT_REVIEW_SLIPPED,
  RAPPORT_REVIEW_ROTTING,
  RAPPORT_REVIEW_OVERDUE,
  RAPPORT_REVIEW_N_SECTIONS
} RapportReviewSectionKind;

/* One row of a section. Text is NULL when there is none. */
typedef struct
{
  gint64  deal_id;          /* 0 for a follow-up about no deal */
  char   *title;            /* the deal's */
  char   *organization;     /* the deal's, else its contact's */
  char   *contact;
  char   *owner;
  char   *stage;            /* its stage now; moved forward: the stage reached */
  char   *from_stage;       /* moved forward: the stage it left */
  gint64  value;            /* minor units of @currency */
  char   *currency;
  /* The section's instant: added, moved (the last move forward), won,
   * lost; rotting: since when in the stage; overdue: due (or snoozed to). */
  gint64  at;
  char   *expected_close;   /* "YYYY-MM-DD" */
  char   *lost_reason;
  /* Won: days from creation to the win; slipped: days past the expected
   * close; rotting: days in the stage; overdue: days past due. */
  int     days;
  gint64  activity_id;      /* overdue follow-ups */
  char   *activity;         /* the follow-up's title */
} RapportReviewItem;

typedef struct
{
  RapportReviewSectionKind kind;
  GArray  *items;           /* RapportReviewItem, in the section's order */
  guint    counted;         /* items in the default currency… */
  gint64   total;           /* …and the sum of their values */
  guint    other_currencies;
} RapportReviewSection;

typedef struct
{
  gint64               goal_id;
  RapportGoalMetric    metric;
  RapportPeriodKind    period;
  char                *owner;   /* NULL for the whole team */
  RapportGoalProgress  progress;
} RapportReviewGoal;

typedef struct
{
  int                  year;    /* ISO week-numbering year */
  int                  week;    /* 1–53 */
  gint64               from;    /* Monday 00:00 UTC, included */
  gint64               to;      /* the next Monday, excluded */
  gint64               now;     /* when the review was made */
  char                *owner;   /* NULL for everyone */
  char                *currency;
  RapportReviewSection sections[RAPPORT_REVIEW_N_SECTIONS];
  GArray              *goals;   /* RapportReviewGoal, by id */
} RapportReview;

void rapport_review_free (RapportReview *review);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportReview, rapport_review_free)

/* Weeks */

/* "2026-W47" (four digits, "-W", two digits; nothing else) into its year
 * and week, refusing a week the year does not have ("2026-W53": 2026 has
 * 52) with a message that names the problem. */
gboolean rapport_review_parse_week   (const char *text,
                                      int        *year,
                                      int        *week,
                                      GError    **error);
/* "2026-W47" (transfer full). */
char    *rapport_review_week_name    (int         year,
                                      int         week);
/* 52 or 53. */
int      rapport_review_weeks_in_year (int        year);
/* Monday 00:00 UTC of the week, and the next Monday. */
void     rapport_review_week_bounds  (int         year,
                                      int         week,
                                      gint64     *from,
                                      gint64     *to);
/* The week a review made at @now is about when none is asked for: the last
 * complete week, the one before the week of @now. On Monday morning that is
 * the week the meeting looks back on; a review of the week still running
 * is asked for by name. */
void     rapport_review_default_week (gint64      now,
                                      int        *year,
                                      int        *week);
/* The week holding @at. */
void     rapport_review_week_of      (gint64      at,
                                      int        *year,
                                      int        *week);

/* The review of the week @year-W@week for @owner (NULL for everyone),
 * read in one snapshot of the file (transfer full). */
RapportReview *rapport_store_get_review (RapportStore *store,
                                         int           year,
                                         int           week,
                                         const char   *owner,
                                         GError      **error);

G_END_DECLS
