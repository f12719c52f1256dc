/* rapport-format.h — how Rapport writes money and dates for people (the board, the review)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rapport-types.h"

G_BEGIN_DECLS

/* rapport_money_format(), without a fraction of zeros: "$40,000" for a
 * whole amount, "$40,000.50" otherwise. */
char *rapport_format_money (gint64       minor_units,
                            const char  *currency);

/* Rounded to whole major units, for estimates such as weighted values:
 * "$694,288" for 69 428 750 cents. */
char *rapport_format_money_whole (gint64       minor_units,
                                  const char  *currency);

/* A "YYYY-MM-DD" day, short and localized ("19 Feb", or "19 Feb 2027" when
 * not in the year of @now); NULL when @iso_date is empty or malformed.
 * @is_past says whether the day is before the day of @now (unix seconds). */
char *rapport_format_day   (const char  *iso_date,
                            gint64       now,
                            gboolean    *is_past);

/* @time as the locale writes the ICU @skeleton ("yMMMd": "18 Nov 2026"
 * in English, "2026년 11월 18일" in Korean, with the locale's own month
 * names), or with the g_date_time_format() @c_format in the C locale. */
char *rapport_format_date_time (GDateTime   *time,
                                const char  *skeleton,
                                const char  *c_format);

/* The same for the local day of an instant (unix seconds). */
char *rapport_format_time_day (gint64      unix_seconds,
                               gint64      now);

/* The local day of an instant, said the way people say it near today
 * ("Yesterday", "Today", "Tomorrow"), as rapport_format_day() otherwise;
 * @is_past tells an instant before @now. */
char *rapport_format_near_day (gint64     when,
                               gint64     now,
                               gboolean  *is_past);

/* How far a due time is from @now, the one way every view and reminder
 * says it: "in 20 minutes", "2 hours late", "14 days late" (calendar days
 * from a day on); *@late tells a time a minute or more past. */
char *rapport_format_relative (gint64     when,
                               gint64     now,
                               gboolean  *late);

/* Calendar days, in local time, from the day of @from to the day of @to
 * (unix seconds): 1 for tomorrow and -1 for yesterday, whatever the hour. */
int   rapport_format_days_between (gint64 from,
                                   gint64 to);

/* A rotting deal's days past its stage's limit
 * (rapport_store_deal_get_days_rotting()): "5 days over" for a badge, and
 * the sentence a tooltip or a screen reader says. */
char *rapport_format_days_rotting      (int days_over);
char *rapport_format_days_rotting_long (int days_over);

/* Where a deal stands, for a row about it: the name of its stage while
 * open, else “Won” or “Lost” (transfer full). */
char *rapport_format_deal_standing (RapportStore *store,
                                    RapportDeal  *deal);

/* A kind of activity in a word ("Call"), and its symbolic icon's name. */
const char *rapport_activity_kind_name    (RapportActivityKind    kind);
const char *rapport_activity_kind_icon    (RapportActivityKind    kind);
/* How a call or a meeting went, in words; NULL for none. */
const char *rapport_activity_outcome_name (RapportActivityOutcome outcome);

G_END_DECLS
