/* rapport-insights-charts.h — the Insights tab's charts, filled from a
 * report, and the words its figures share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-bar-list.h"
#include "rapport-report.h"

G_BEGIN_DECLS

/* Whole units of the report's currency; “None” for NaN. */
char *rapport_insights_format_money     (const RapportReport *report,
                                         double               minor_units);
/* “38%”; “None” for NaN. */
char *rapport_insights_format_percent   (double               fraction);

/* Each empties @chart and shows the report's current period in it. */
void  rapport_insights_fill_funnel       (RapportBarList      *chart,
                                          const RapportReport *report);
void  rapport_insights_fill_forecast     (RapportBarList      *chart,
                                          const RapportReport *report);
void  rapport_insights_fill_won_by_month (RapportBarList      *chart,
                                          const RapportReport *report);
void  rapport_insights_fill_speed        (RapportBarList      *chart,
                                          const RapportReport *report);
void  rapport_insights_fill_lost_reasons (RapportBarList      *chart,
                                          const RapportReport *report);
void  rapport_insights_fill_owners       (RapportBarList      *chart,
                                          const RapportReport *report);

G_END_DECLS
