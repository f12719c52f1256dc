/* rapport-organization.h — a company, institution or body contacts belong to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-record.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_ORGANIZATION (rapport_organization_get_type ())

G_DECLARE_FINAL_TYPE (RapportOrganization, rapport_organization, RAPPORT, ORGANIZATION, RapportRecord)

const char *rapport_organization_get_name       (RapportOrganization *self);
const char *rapport_organization_get_website    (RapportOrganization *self);
const char *rapport_organization_get_phone      (RapportOrganization *self);
gint64      rapport_organization_get_created_at (RapportOrganization *self);
gint64      rapport_organization_get_updated_at (RapportOrganization *self);
const char *rapport_organization_get_address    (RapportOrganization *self);
const char *rapport_organization_get_industry   (RapportOrganization *self);
gint64      rapport_organization_get_size       (RapportOrganization *self);

G_END_DECLS
