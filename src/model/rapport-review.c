/* rapport-review.c — ISO weeks, and freeing a review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The queries are in rapport-store-review.c.
 */

#define G_LOG_DOMAIN "rapport-review"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-error.h"
#include "rapport-review-private.h"
#include "rapport-validate.h"

#define SECONDS_PER_DAY ((gint64) 86400)

static void
clear_item (gpointer data)
{
  RapportReviewItem *item = data;

  g_free (item->title);
  g_free (item->organization);
  g_free (item->contact);
  g_free (item->owner);
  g_free (item->stage);
  g_free (item->from_stage);
  g_free (item->currency);
  g_free (item->expected_close);
  g_free (item->lost_reason);
  g_free (item->activity);
}

static void
clear_goal (gpointer data)
{
  RapportReviewGoal *goal = data;

  g_free (goal->owner);
}

RapportReview *
rapport_review_new (void)
{
  RapportReview *review = g_new0 (RapportReview, 1);

  for (guint i = 0; i < RAPPORT_REVIEW_N_SECTIONS; i++)
    {
      review->sections[i].kind = i;
      review->sections[i].items = g_array_new (FALSE, TRUE, sizeof (RapportReviewItem));
      g_array_set_clear_func (review->sections[i].items, clear_item);
    }
  review->goals = g_array_new (FALSE, TRUE, sizeof (RapportReviewGoal));
  g_array_set_clear_func (review->goals, clear_goal);

  return review;
}

void
rapport_review_free (RapportReview *review)
{
  if (review == NULL)
    return;

  for (guint i = 0; i < RAPPORT_REVIEW_N_SECTIONS; i++)
    g_array_unref (review->sections[i].items);
  g_array_unref (review->goals);
  g_free (review->owner);
  g_free (review->currency);
  g_free (review);
}

/* Weeks */

int
rapport_review_weeks_in_year (int year)
{
  GDate date;

  g_return_val_if_fail (year >= 1 && year <= 9999, 52);

  /* 28 December is always in the last ISO week of its year. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 28, G_DATE_DECEMBER, (GDateYear) year);

  return (int) g_date_get_iso8601_week_of_year (&date);
}

static gboolean
all_digits (const char *text,
            guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

gboolean
rapport_review_parse_week (const char  *text,
                           int         *year,
                           int         *week,
                           GError     **error)
{
  g_autofree char *quoted = NULL;
  int y, w, weeks;

  g_return_val_if_fail (text != NULL, FALSE);

  quoted = rapport_text_quote (text);

  /* Exactly "YYYY-Www": no spaces, no sign, no lower-case w, no
   * day-of-week suffix, no "2026W47". */
  if (strlen (text) != 8 || !all_digits (text, 4) || text[4] != '-' || text[5] != 'W' ||
      !all_digits (text + 6, 2))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a week: write it as YYYY-Www, for example 2026-W47."), quoted);
      return FALSE;
    }

  y = (int) g_ascii_strtoll (text, NULL, 10);
  w = (int) g_ascii_strtoll (text + 6, NULL, 10);

  if (y < 1970)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a week Rapport can review: the year must be 1970 or later."), quoted);
      return FALSE;
    }

  weeks = rapport_review_weeks_in_year (y);
  if (w < 1 || w > weeks)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” is not a week: %d has weeks 1 to %d.",
                                "“%s” is not a week: %d has weeks 1 to %d.", weeks),
                   quoted, y, weeks);
      return FALSE;
    }

  if (year != NULL)
    *year = y;
  if (week != NULL)
    *week = w;

  return TRUE;
}

char *
rapport_review_week_name (int year,
                          int week)
{
  return g_strdup_printf ("%04d-W%02d", year, week);
}

void
rapport_review_week_bounds (int     year,
                            int     week,
                            gint64 *from,
                            gint64 *to)
{
  GDate date;
  int offset;
  gint64 start;

  g_return_if_fail (year >= 1970 && year <= 9999);
  g_return_if_fail (week >= 1 && week <= 53);

  /* Week 1 holds 4 January; its Monday is 0–6 days before. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 4, G_DATE_JANUARY, (GDateYear) year);
  offset = (int) g_date_get_weekday (&date) - G_DATE_MONDAY;
  g_date_subtract_days (&date, (guint) offset);
  g_date_add_days (&date, (guint) (week - 1) * 7);

  /* Julian day 719163 is 1970-01-01. */
  start = ((gint64) g_date_get_julian (&date) - 719163) * SECONDS_PER_DAY;

  if (from != NULL)
    *from = start;
  if (to != NULL)
    *to = start + 7 * SECONDS_PER_DAY;
}

void
rapport_review_week_of (gint64  at,
                        int    *year,
                        int    *week)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (at);

  g_return_if_fail (time != NULL);

  if (year != NULL)
    *year = g_date_time_get_week_numbering_year (time);
  if (week != NULL)
    *week = g_date_time_get_week_of_year (time);
}

void
rapport_review_default_week (gint64  now,
                             int    *year,
                             int    *week)
{
  rapport_review_week_of (now - 7 * SECONDS_PER_DAY, year, week);
}
