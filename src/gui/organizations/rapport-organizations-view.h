/* rapport-organizations-view.h — the organizations list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_ORGANIZATIONS_VIEW (rapport_organizations_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportOrganizationsView, rapport_organizations_view, RAPPORT, ORGANIZATIONS_VIEW, AdwBin)

GtkWidget  *rapport_organizations_view_new (RapportContext *context);

G_END_DECLS
