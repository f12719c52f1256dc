/* rapport-cli-review.c — report review: the weekly pipeline review as PDF
 * and CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing is written unless everything asked for can be: the week is
 * checked first, then that no file to write is there already (unless
 * --force), then the review is read, and each file is written whole under
 * a temporary name and put in its place (rapport-export-file.h).
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include "rapport-cli-private.h"
#include "rapport-export-file.h"
#include "rapport-review-csv.h"
#include "rapport-review-pdf.h"
#include "rapport-time.h"

const RapportCliOption rapport_cli_review_options[] = {
  { "week", G_OPTION_ARG_STRING, 0 },
  { "owner", G_OPTION_ARG_STRING, 0 },
  { "output", G_OPTION_ARG_STRING, 0 },
  { "csv-dir", G_OPTION_ARG_STRING, 0 },
  { "force", G_OPTION_ARG_NONE, 0 },
  { NULL }
};

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_time (JsonBuilder *builder,
          const char  *member,
          gint64       value)
{
  g_autofree char *text = rapport_time_format_iso8601 (value);

  add_string (builder, member, text);
}

/* What was written, and each table's totals, for scripts. */
static JsonNode *
review_json (const RapportReview *review,
             const char          *pdf,
             int                  n_pages,
             GPtrArray           *csv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *week = rapport_review_week_name (review->year, review->week);
  guint reached = 0;

  json_builder_begin_object (builder);
  add_string (builder, "week", week);
  add_time (builder, "from", review->from);
  add_time (builder, "to", review->to);
  add_time (builder, "now", review->now);
  add_string (builder, "owner", review->owner);
  add_string (builder, "currency", review->currency);
  add_string (builder, "pdf", pdf);
  json_builder_set_member_name (builder, "pages");
  if (pdf != NULL)
    json_builder_add_int_value (builder, n_pages);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "csv");
  json_builder_begin_array (builder);
  for (guint i = 0; csv != NULL && i < csv->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (csv, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_object (builder);
  for (guint i = 0; i < RAPPORT_REVIEW_N_SECTIONS; i++)
    {
      const RapportReviewSection *section = &review->sections[i];

      json_builder_set_member_name (builder, rapport_review_table_id (i));
      json_builder_begin_object (builder);
      add_int (builder, "count", section->items->len);
      add_int (builder, "value", section->total);
      add_int (builder, "other_currencies", section->other_currencies);
      json_builder_set_member_name (builder, "titles");
      json_builder_begin_array (builder);
      for (guint k = 0; k < section->items->len; k++)
        {
          const RapportReviewItem *item = &g_array_index (section->items, RapportReviewItem, k);
          const char *title = i == RAPPORT_REVIEW_OVERDUE ? item->activity : item->title;

          json_builder_add_string_value (builder, title != NULL ? title : "");
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  for (guint i = 0; i < review->goals->len; i++)
    reached += g_array_index (review->goals, RapportReviewGoal, i).progress.reached;
  json_builder_set_member_name (builder, "goals");
  json_builder_begin_object (builder);
  add_int (builder, "count", review->goals->len);
  add_int (builder, "reached", reached);
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
rapport_cli_report_review (RapportCli  *cli,
                           GError     **error)
{
  const char *week_text = rapport_cli_string (cli, "week");
  const char *owner = rapport_cli_string (cli, "owner");
  const char *output = rapport_cli_string (cli, "output");
  const char *csv_dir = rapport_cli_string (cli, "csv-dir");
  gboolean force = rapport_cli_flag (cli, "force");
  g_autoptr(RapportReview) review = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  int year, week, n_pages = 0;

  if (output == NULL && csv_dir == NULL)
    return rapport_cli_set_usage (error, _("Give --output FILE.pdf, --csv-dir DIR, or both."));
  if (week_text != NULL && !rapport_review_parse_week (week_text, &year, &week, error))
    return FALSE;
  if (output != NULL && !rapport_export_file_check (output, force, error))
    return FALSE;

  if (rapport_cli_open_store (cli, error) == NULL)
    return FALSE;
  if (week_text == NULL)
    rapport_review_default_week (rapport_store_now (cli->store), &year, &week);

  if ((review = rapport_store_get_review (cli->store, year, week, owner, error)) == NULL)
    return FALSE;

  /* The CSV files are checked before the PDF is written, so a refusal
   * leaves nothing behind. */
  if (csv_dir != NULL)
    {
      if (!rapport_review_write_csv (review, csv_dir, force, written, error))
        return FALSE;
    }
  if (output != NULL && !rapport_review_write_pdf (review, output, force, &n_pages, error))
    return FALSE;

  if (cli->json)
    {
      rapport_json_print (review_json (review, output, n_pages, written));
      return TRUE;
    }

  if (output != NULL)
    {
      g_autofree char *display = g_filename_display_name (output);

      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Wrote the review of week %d, %d to “%s” (%d page).\n",
                            "Wrote the review of week %d, %d to “%s” (%d pages).\n", n_pages),
               week, year, display, n_pages);
    }
  for (guint i = 0; i < written->len; i++)
    {
      g_autofree char *display = g_filename_display_name (g_ptr_array_index (written, i));

      g_print (_("Wrote “%s”.\n"), display);
    }

  return TRUE;
}
