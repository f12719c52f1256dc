/* rapport-insights-export.h — the Insights tab as an image, its tables as
 * CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-context.h"
#include "rapport-report.h"

G_BEGIN_DECLS

/* Asks where, then saves all of @content (also what is scrolled out of
 * sight) as a PNG; @name is the file name offered. */
void rapport_insights_export_image  (RapportContext           *context,
                                     GtkWidget                *content,
                                     const char               *name);

/* Asks for a folder, then writes the tables of @query's report there
 * (rapport-insights-csv.h), asking first before replacing any. */
void rapport_insights_export_tables (RapportContext           *context,
                                     GtkWidget                *parent,
                                     const RapportReportQuery *query);

G_END_DECLS
