/* rapport-insights-view.h — the team's figures, goals and charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_INSIGHTS_VIEW (rapport_insights_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportInsightsView, rapport_insights_view, RAPPORT, INSIGHTS_VIEW, GtkWidget)

GtkWidget *rapport_insights_view_new (RapportContext *context);

G_END_DECLS
