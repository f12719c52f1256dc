/* rapport-review-csv.c — every table of the weekly review as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-enums.h"
#include "rapport-goal.h"
#include "rapport-review-csv.h"

static const char * const table_ids[RAPPORT_REVIEW_N_TABLES] = {
  [RAPPORT_REVIEW_ADDED] = "added",
  [RAPPORT_REVIEW_ADVANCED] = "moved-forward",
  [RAPPORT_REVIEW_WON] = "won",
  [RAPPORT_REVIEW_LOST] = "lost",
  [RAPPORT_REVIEW_SLIPPED] = "close-date-passed",
  [RAPPORT_REVIEW_ROTTING] = "rotting",
  [RAPPORT_REVIEW_OVERDUE] = "overdue-follow-ups",
  [RAPPORT_REVIEW_TABLE_GOALS] = "goals",
};

/* The deal columns every section starts with. */
#define DEAL_HEADER "deal_id,title,organization,contact,owner,stage,value,currency"

static const char * const headers[RAPPORT_REVIEW_N_TABLES] = {
  [RAPPORT_REVIEW_ADDED] = DEAL_HEADER ",added_at",
  [RAPPORT_REVIEW_ADVANCED] = DEAL_HEADER ",from_stage,moved_at",
  [RAPPORT_REVIEW_WON] = DEAL_HEADER ",won_at,days_to_win",
  [RAPPORT_REVIEW_LOST] = DEAL_HEADER ",lost_at,lost_reason",
  [RAPPORT_REVIEW_SLIPPED] = DEAL_HEADER ",expected_close,days_late",
  [RAPPORT_REVIEW_ROTTING] = DEAL_HEADER ",in_stage_since,days_in_stage",
  [RAPPORT_REVIEW_OVERDUE] = "follow_up_id,follow_up,due_at,days_late," DEAL_HEADER,
  [RAPPORT_REVIEW_TABLE_GOALS] =
    "goal_id,metric,period,owner,period_start,period_end,target,actual,progress,reached",
};

const char *
rapport_review_table_id (guint table)
{
  g_return_val_if_fail (table < RAPPORT_REVIEW_N_TABLES, NULL);

  return table_ids[table];
}

static void
deal_fields (GString                 *csv,
             const RapportReviewItem *item)
{
  if (item->deal_id != 0)
    rapport_csv_field_int (csv, item->deal_id);
  else
    rapport_csv_field (csv, NULL);
  rapport_csv_field (csv, item->title);
  rapport_csv_field (csv, item->organization);
  rapport_csv_field (csv, item->contact);
  rapport_csv_field (csv, item->owner);
  rapport_csv_field (csv, item->stage);
  if (item->deal_id != 0)
    rapport_csv_field_money (csv, item->value, item->currency);
  else
    rapport_csv_field (csv, NULL);
  rapport_csv_field (csv, item->currency);
}

static void
item_line (GString                  *csv,
           RapportReviewSectionKind  kind,
           const RapportReviewItem  *item)
{
  if (kind == RAPPORT_REVIEW_OVERDUE)
    {
      rapport_csv_field_int (csv, item->activity_id);
      rapport_csv_field (csv, item->activity);
      rapport_csv_field_time (csv, item->at);
      rapport_csv_field_int (csv, item->days);
    }

  deal_fields (csv, item);

  switch (kind)
    {
    case RAPPORT_REVIEW_ADDED:
      rapport_csv_field_time (csv, item->at);
      break;
    case RAPPORT_REVIEW_ADVANCED:
      rapport_csv_field (csv, item->from_stage);
      rapport_csv_field_time (csv, item->at);
      break;
    case RAPPORT_REVIEW_WON:
      rapport_csv_field_time (csv, item->at);
      rapport_csv_field_int (csv, item->days);
      break;
    case RAPPORT_REVIEW_LOST:
      rapport_csv_field_time (csv, item->at);
      rapport_csv_field (csv, item->lost_reason);
      break;
    case RAPPORT_REVIEW_SLIPPED:
      rapport_csv_field (csv, item->expected_close);
      rapport_csv_field_int (csv, item->days);
      break;
    case RAPPORT_REVIEW_ROTTING:
      rapport_csv_field_time (csv, item->at);
      rapport_csv_field_int (csv, item->days);
      break;
    case RAPPORT_REVIEW_OVERDUE:
    case RAPPORT_REVIEW_N_SECTIONS:
    default:
      break;
    }
  rapport_csv_end_line (csv);
}

static const char *
nick (GType type,
      int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  /* The enum classes are static: their nicks outlive the reference. */
  return ev != NULL ? ev->value_nick : NULL;
}

static void
goal_line (GString                 *csv,
           const RapportReview     *review,
           const RapportReviewGoal *goal)
{
  gboolean money = rapport_goal_metric_is_money (goal->metric);
  g_autofree char *progress = g_strdup_printf ("%.4f", goal->progress.progress);

  rapport_csv_field_int (csv, goal->goal_id);
  rapport_csv_field (csv, nick (RAPPORT_TYPE_GOAL_METRIC, goal->metric));
  rapport_csv_field (csv, nick (RAPPORT_TYPE_PERIOD_KIND, goal->period));
  rapport_csv_field (csv, goal->owner);
  rapport_csv_field_time (csv, goal->progress.start);
  rapport_csv_field_time (csv, goal->progress.end);
  if (money)
    {
      rapport_csv_field_money (csv, goal->progress.target, review->currency);
      rapport_csv_field_money (csv, goal->progress.actual, review->currency);
    }
  else
    {
      rapport_csv_field_int (csv, goal->progress.target);
      rapport_csv_field_int (csv, goal->progress.actual);
    }
  /* A dot whatever the locale: %.4f follows LC_NUMERIC. */
  g_strdelimit (progress, ",", '.');
  rapport_csv_field (csv, progress);
  rapport_csv_field (csv, goal->progress.reached ? "true" : "false");
  rapport_csv_end_line (csv);
}

char *
rapport_review_table_csv (const RapportReview *review,
                          guint                table)
{
  GString *csv = g_string_new (NULL);

  g_return_val_if_fail (review != NULL, NULL);
  g_return_val_if_fail (table < RAPPORT_REVIEW_N_TABLES, NULL);

  g_string_append (csv, headers[table]);
  rapport_csv_end_line (csv);

  if (table == RAPPORT_REVIEW_TABLE_GOALS)
    {
      for (guint i = 0; i < review->goals->len; i++)
        goal_line (csv, review, &g_array_index (review->goals, RapportReviewGoal, i));
    }
  else
    {
      GArray *items = review->sections[table].items;

      for (guint i = 0; i < items->len; i++)
        item_line (csv, table, &g_array_index (items, RapportReviewItem, i));
    }

  return g_string_free (csv, FALSE);
}

gboolean
rapport_review_write_csv (const RapportReview  *review,
                          const char           *dir,
                          gboolean              replace,
                          GPtrArray            *written,
                          GError              **error)
{
  g_autofree char *week = NULL;
  char *names[RAPPORT_REVIEW_N_TABLES];
  char *texts[RAPPORT_REVIEW_N_TABLES];
  gboolean ok;

  g_return_val_if_fail (review != NULL, FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  week = rapport_review_week_name (review->year, review->week);
  for (guint t = 0; t < RAPPORT_REVIEW_N_TABLES; t++)
    {
      names[t] = g_strdup_printf ("%s-%s.csv", week, table_ids[t]);
      texts[t] = rapport_review_table_csv (review, t);
    }

  ok = rapport_csv_write_files (dir, RAPPORT_REVIEW_N_TABLES, (const char * const *) names,
                                (const char * const *) texts, replace, written, error);

  for (guint t = 0; t < RAPPORT_REVIEW_N_TABLES; t++)
    {
      g_free (names[t]);
      g_free (texts[t]);
    }

  return ok;
}
