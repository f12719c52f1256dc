/* rapport-review-csv.c — every table of the weekly review as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-enums.h"
#include "rapport-error.h"
#include "rapport-export-file.h"
#include "rapport-goal.h"
#include "rapport-money.h"
#include "rapport-review-csv.h"
#include "rapport-time.h"

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

void
rapport_csv_append_field (GString    *line,
                          const char *text)
{
  gboolean defuse, quote;

  g_return_if_fail (line != NULL);

  if (text == NULL || *text == '\0')
    return;

  /* What Excel, LibreOffice and Google Sheets take for a formula. */
  defuse = strchr ("=+-@\t\r", text[0]) != NULL;
  quote = strpbrk (text, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (line, '"');
  if (defuse)
    g_string_append_c (line, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  if (quote)
    g_string_append_c (line, '"');
}

static void
field (GString    *line,
       const char *text)
{
  if (line->len > 0 && line->str[line->len - 1] != '\n')
    g_string_append_c (line, ',');
  rapport_csv_append_field (line, text);
}

/* Numbers and times are ours, never a formula: written bare. */
static void
field_int (GString *line,
           gint64   value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  field (line, text);
}

static void
field_time (GString *line,
            gint64   unix_seconds)
{
  g_autofree char *text = unix_seconds != 0 ? rapport_time_format_iso8601 (unix_seconds) : NULL;

  field (line, text);
}

static void
field_money (GString    *line,
             gint64      minor_units,
             const char *currency)
{
  g_autofree char *text = currency != NULL ? rapport_money_to_plain (minor_units, currency) : NULL;

  field (line, text);
}

static void
end_line (GString *line)
{
  g_string_append (line, "\r\n");
}

static void
deal_fields (GString                 *csv,
             const RapportReviewItem *item)
{
  if (item->deal_id != 0)
    field_int (csv, item->deal_id);
  else
    field (csv, NULL);
  field (csv, item->title);
  field (csv, item->organization);
  field (csv, item->contact);
  field (csv, item->owner);
  field (csv, item->stage);
  if (item->deal_id != 0)
    field_money (csv, item->value, item->currency);
  else
    field (csv, NULL);
  field (csv, item->currency);
}

static void
item_line (GString                  *csv,
           RapportReviewSectionKind  kind,
           const RapportReviewItem  *item)
{
  if (kind == RAPPORT_REVIEW_OVERDUE)
    {
      field_int (csv, item->activity_id);
      field (csv, item->activity);
      field_time (csv, item->at);
      field_int (csv, item->days);
    }

  deal_fields (csv, item);

  switch (kind)
    {
    case RAPPORT_REVIEW_ADDED:
      field_time (csv, item->at);
      break;
    case RAPPORT_REVIEW_ADVANCED:
      field (csv, item->from_stage);
      field_time (csv, item->at);
      break;
    case RAPPORT_REVIEW_WON:
      field_time (csv, item->at);
      field_int (csv, item->days);
      break;
    case RAPPORT_REVIEW_LOST:
      field_time (csv, item->at);
      field (csv, item->lost_reason);
      break;
    case RAPPORT_REVIEW_SLIPPED:
      field (csv, item->expected_close);
      field_int (csv, item->days);
      break;
    case RAPPORT_REVIEW_ROTTING:
      field_time (csv, item->at);
      field_int (csv, item->days);
      break;
    case RAPPORT_REVIEW_OVERDUE:
    case RAPPORT_REVIEW_N_SECTIONS:
    default:
      break;
    }
  end_line (csv);
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

  field_int (csv, goal->goal_id);
  field (csv, nick (RAPPORT_TYPE_GOAL_METRIC, goal->metric));
  field (csv, nick (RAPPORT_TYPE_PERIOD_KIND, goal->period));
  field (csv, goal->owner);
  field_time (csv, goal->progress.start);
  field_time (csv, goal->progress.end);
  if (money)
    {
      field_money (csv, goal->progress.target, review->currency);
      field_money (csv, goal->progress.actual, review->currency);
    }
  else
    {
      field_int (csv, goal->progress.target);
      field_int (csv, goal->progress.actual);
    }
  /* A dot whatever the locale: %.4f follows LC_NUMERIC. */
  g_strdelimit (progress, ",", '.');
  field (csv, progress);
  field (csv, goal->progress.reached ? "true" : "false");
  end_line (csv);
}

char *
rapport_review_table_csv (const RapportReview *review,
                          guint                table)
{
  GString *csv = g_string_new (NULL);

  g_return_val_if_fail (review != NULL, NULL);
  g_return_val_if_fail (table < RAPPORT_REVIEW_N_TABLES, NULL);

  g_string_append (csv, headers[table]);
  end_line (csv);

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

static char *
table_path (const RapportReview *review,
            const char          *dir,
            guint                table)
{
  g_autofree char *week = rapport_review_week_name (review->year, review->week);
  g_autofree char *name = g_strdup_printf ("%s-%s.csv", week, table_ids[table]);

  return g_build_filename (dir, name, NULL);
}

gboolean
rapport_review_write_csv (const RapportReview  *review,
                          const char           *dir,
                          gboolean              replace,
                          GPtrArray            *written,
                          GError              **error)
{
  g_return_val_if_fail (review != NULL, FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a folder; nothing was written."), display);
      return FALSE;
    }

  /* All or none refused before any is written. */
  for (guint t = 0; t < RAPPORT_REVIEW_N_TABLES; t++)
    {
      g_autofree char *path = table_path (review, dir, t);

      if (!rapport_export_file_check (path, replace, error))
        return FALSE;
    }

  for (guint t = 0; t < RAPPORT_REVIEW_N_TABLES; t++)
    {
      g_autofree char *path = table_path (review, dir, t);
      g_autofree char *csv = rapport_review_table_csv (review, t);
      g_autoptr(RapportExportFile) file = rapport_export_file_new (path, replace, error);

      if (file == NULL || !rapport_export_file_write (file, csv, strlen (csv), error) ||
          !rapport_export_file_commit (file, error))
        return FALSE;
      if (written != NULL)
        g_ptr_array_add (written, g_steal_pointer (&path));
    }

  return TRUE;
}
