/* test-export-csv.c — the Insights tables as CSV: known rows, RFC 4180,
 * defused formulas, all files or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sys/stat.h>

#include "rapport-error.h"
#include "rapport-insights-csv.h"

/* A report made by hand: two stages, one forecast month, two months won,
 * a lost reason, two owners, and speed to lead. */
typedef struct
{
  RapportReport report;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  RapportReport *r = &f->report;
  RapportReportStage stages[] = {
    { .stage_id = 1, .name = "Prospecting", .probability = 10, .reached = 4, .advanced = 2,
      .dropped = 2, .conversion = 0.5, .median_days = 3.25 },
    { .stage_id = 2, .name = "=HYPERLINK(\"x\"), won", .probability = 60, .reached = 2,
      .advanced = 0, .dropped = 2, .conversion = 0, .median_days = NAN },
  };
  RapportReportMonth forecast = { .start = 1, .year = 2026, .month = 11, .count = 2,
                                  .value = 150000, .weighted = 15050 };
  RapportReportMonth won[] = {
    { .year = 2026, .month = 10, .count = 1, .value = 999 },
    { .year = 2026, .month = 11, .count = 3, .value = 1000000 },
  };
  RapportReportGroup reason = { .name = "Price, too high", .count = 2, .value = 5000 };
  RapportReportOwner owners[] = {
    { .owner = "Ann", .won = 3, .lost = 1, .won_value = 1000000, .win_rate = 0.75, .activities = 9 },
    { .owner = "", .won = 0, .lost = 0, .won_value = 0, .win_rate = NAN, .activities = 1 },
  };

  r->currency = "USD";
  r->current.funnel = g_array_new (FALSE, FALSE, sizeof (RapportReportStage));
  g_array_append_vals (r->current.funnel, stages, G_N_ELEMENTS (stages));
  r->forecast = g_array_new (FALSE, FALSE, sizeof (RapportReportMonth));
  g_array_append_val (r->forecast, forecast);
  r->forecast_overdue = (RapportReportMonth) { .count = 1, .value = 100, .weighted = 10 };
  r->forecast_undated = (RapportReportMonth) { .count = 0 };
  r->won_by_month = g_array_new (FALSE, FALSE, sizeof (RapportReportMonth));
  g_array_append_vals (r->won_by_month, won, G_N_ELEMENTS (won));
  r->current.lost_reasons = g_array_new (FALSE, FALSE, sizeof (RapportReportGroup));
  g_array_append_val (r->current.lost_reasons, reason);
  r->current.owners = g_array_new (FALSE, FALSE, sizeof (RapportReportOwner));
  g_array_append_vals (r->current.owners, owners, G_N_ELEMENTS (owners));
  r->current.speed = (RapportReportSpeed) { .leads = 10, .buckets = { 4, 2, 1, 1 }, .never = 2 };
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_array_unref (f->report.current.funnel);
  g_array_unref (f->report.forecast);
  g_array_unref (f->report.won_by_month);
  g_array_unref (f->report.current.lost_reasons);
  g_array_unref (f->report.current.owners);
}

static void
assert_table (Fixture              *f,
              RapportInsightsTable  table,
              const char           *expected)
{
  g_autofree char *csv = rapport_insights_table_csv (&f->report, table);

  g_assert_cmpstr (csv, ==, expected);
}

static void
test_tables (Fixture       *f,
             gconstpointer  data)
{
  /* A formula is defused and quoted; NaN is empty; fractions have a dot. */
  assert_table (f, RAPPORT_INSIGHTS_TABLE_FUNNEL,
                "stage_id,stage,probability,reached,advanced,dropped,conversion,median_days\r\n"
                "1,Prospecting,10,4,2,2,0.5000,3.2500\r\n"
                "2,\"'=HYPERLINK(\"\"x\"\"), won\",60,2,0,2,0.0000,\r\n");
  assert_table (f, RAPPORT_INSIGHTS_TABLE_FORECAST,
                "month,deals,value,weighted,currency\r\n"
                "overdue,1,1.00,0.10,USD\r\n"
                "2026-11,2,1500.00,150.50,USD\r\n"
                "undated,0,0.00,0.00,USD\r\n");
  assert_table (f, RAPPORT_INSIGHTS_TABLE_WON_BY_MONTH,
                "month,deals,value,currency\r\n"
                "2026-10,1,9.99,USD\r\n"
                "2026-11,3,10000.00,USD\r\n");
  assert_table (f, RAPPORT_INSIGHTS_TABLE_LOST_REASONS,
                "lost_reason,deals,value,currency\r\n"
                "\"Price, too high\",2,50.00,USD\r\n");
  assert_table (f, RAPPORT_INSIGHTS_TABLE_OWNERS,
                "owner,won,lost,won_value,currency,win_rate,activities\r\n"
                "Ann,3,1,10000.00,USD,0.7500,9\r\n"
                ",0,0,0.00,USD,,1\r\n");
  assert_table (f, RAPPORT_INSIGHTS_TABLE_SPEED_TO_LEAD,
                "first_contact,leads\r\n"
                "within_5_minutes,4\r\n"
                "5_to_15_minutes,2\r\n"
                "15_to_60_minutes,1\r\n"
                "over_an_hour,1\r\n"
                "not_contacted,2\r\n");
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;

  return n;
}

/* Six files, never writable by others; a second export refuses to replace
 * any of them unless asked, and then writes them all again. */
static void
test_write (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-insights-csv-XXXXXX", NULL);
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *funnel = g_build_filename (dir, "funnel.csv", NULL);
  g_autofree char *text = NULL;
  GStatBuf st;

  g_assert_true (rapport_insights_write_csv (&f->report, dir, FALSE, written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, RAPPORT_INSIGHTS_N_TABLES);
  g_assert_cmpuint (count_files (dir), ==, RAPPORT_INSIGHTS_N_TABLES);
  for (guint t = 0; t < RAPPORT_INSIGHTS_N_TABLES; t++)
    {
      g_autofree char *path = g_build_filename (dir, rapport_insights_table_file (t), NULL);

      g_assert_cmpstr (g_ptr_array_index (written, t), ==, path);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & S_IWOTH, ==, 0);
    }

  /* Someone's edit of one of them stays while the export is refused. */
  g_assert_true (g_file_set_contents (funnel, "mine", -1, NULL));
  g_assert_false (rapport_insights_write_csv (&f->report, dir, FALSE, NULL, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (funnel, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "mine");
  g_clear_pointer (&text, g_free);

  g_assert_true (rapport_insights_write_csv (&f->report, dir, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (funnel, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "stage_id,stage,"));
  /* No temporary file left beside them. */
  g_assert_cmpuint (count_files (dir), ==, RAPPORT_INSIGHTS_N_TABLES);

  for (guint t = 0; t < RAPPORT_INSIGHTS_N_TABLES; t++)
    {
      g_autofree char *path = g_build_filename (dir, rapport_insights_table_file (t), NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/insights-csv/tables", Fixture, NULL, fixture_set_up, test_tables, fixture_tear_down);
  g_test_add ("/insights-csv/write", Fixture, NULL, fixture_set_up, test_write, fixture_tear_down);

  return g_test_run ();
}
