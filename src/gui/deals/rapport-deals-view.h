/* rapport-deals-view.h — every deal in one sortable, filterable table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_DEALS_VIEW (rapport_deals_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportDealsView, rapport_deals_view, RAPPORT, DEALS_VIEW, AdwBin)

GtkWidget *rapport_deals_view_new (RapportContext *context);

G_END_DECLS
