/* rapport-insights-csv.h — the tables of the Insights tab as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One file per chart of a RapportReport (rapport-report.h), for a
 * spreadsheet or a script, written as rapport-csv.h says: stable English
 * column names, money in plain major units with its currency beside it,
 * fractions from 0 to 1 with a dot, unknown values (NaN) empty.
 */

#pragma once

#include "rapport-csv.h"
#include "rapport-report.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_INSIGHTS_TABLE_FUNNEL,
  RAPPORT_INSIGHTS_TABLE_FORECAST,
  RAPPORT_INSIGHTS_TABLE_WON_BY_MONTH,
  RAPPORT_INSIGHTS_TABLE_LOST_REASONS,
  RAPPORT_INSIGHTS_TABLE_OWNERS,
  RAPPORT_INSIGHTS_TABLE_SPEED_TO_LEAD,
  RAPPORT_INSIGHTS_N_TABLES
} RapportInsightsTable;

/* "funnel.csv", "forecast.csv", …: each table's file name. */
const char *rapport_insights_table_file  (RapportInsightsTable  table);

/* The whole CSV text of one table of the report's current period
 * (transfer full). */
char       *rapport_insights_table_csv   (const RapportReport  *report,
                                          RapportInsightsTable  table);

/* Writes every table into @dir, all or none refused (see
 * rapport_csv_write_files()). */
gboolean    rapport_insights_write_csv   (const RapportReport  *report,
                                          const char           *dir,
                                          gboolean              replace,
                                          GPtrArray            *written,
                                          GError              **error);

G_END_DECLS
