/* rapport-organization-detail.h — one organization: its contacts, deals and won value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_ORGANIZATION_DETAIL (rapport_organization_detail_get_type ())

G_DECLARE_FINAL_TYPE (RapportOrganizationDetail, rapport_organization_detail, RAPPORT, ORGANIZATION_DETAIL, AdwBin)

/* A page for the window's navigation; its "title" property is what the
 * header bar shows while it is open. */
GtkWidget  *rapport_organization_detail_new        (RapportContext *context,
                                                    RapportOrganization *organization);
RapportOrganization *rapport_organization_detail_get_organization (RapportOrganizationDetail *self);

G_END_DECLS
