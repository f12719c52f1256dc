/* rapport-organization.c — a company, institution or body contacts belong to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-organization"

#include "config.h"

#include "rapport-enums.h"
#include "rapport-organization.h"

struct _RapportOrganization
{
  RapportRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RapportOrganization, rapport_organization, RAPPORT_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_WEBSITE,
  PROP_PHONE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_ADDRESS,
  PROP_INDUSTRY,
  PROP_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_organization_class_init (RapportOrganizationClass *klass)
{
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_WEBSITE] =
    g_param_spec_string ("website", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_INDUSTRY] =
    g_param_spec_string ("industry", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  /* The number of employees; 0 when not known. */
  properties[PROP_SIZE] =
    g_param_spec_int64 ("size", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  rapport_record_class_install (RAPPORT_RECORD_CLASS (klass), "organization", properties, N_PROPS);
}

static void
rapport_organization_init (RapportOrganization *self)
{
}

const char *
rapport_organization_get_name (RapportOrganization *self)
{
  g_return_val_if_fail (RAPPORT_IS_ORGANIZATION (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_NAME);
}

const char *
rapport_organization_get_website (RapportOrganization *self)
{
  g_return_val_if_fail (RAPPORT_IS_ORGANIZATION (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_WEBSITE);
}

const char *
rapport_organization_get_phone (RapportOrganization *self)
{
  g_return_val_if_fail (RAPPORT_IS_ORGANIZATION (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_PHONE);
}

gint64
rapport_organization_get_created_at (RapportOrganization *self)
{
  g_return_val_if_fail (RAPPORT_IS_ORGANIZATION (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_CREATED_AT);
}

gint64
rapport_organization_get_updated_at (RapportOrganization *self)
{
  g_return_val_if_fail (RAPPORT_IS_ORGANIZATION (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_UPDATED_AT);
}

const char *
rapport_organization_get_address (RapportOrganization *self)
{
  g_return_val_if_fail (RAPPORT_IS_ORGANIZATION (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_ADDRESS);
}

const char *
rapport_organization_get_industry (RapportOrganization *self)
{
  g_return_val_if_fail (RAPPORT_IS_ORGANIZATION (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_INDUSTRY);
}

gint64
rapport_organization_get_size (RapportOrganization *self)
{
  g_return_val_if_fail (RAPPORT_IS_ORGANIZATION (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_SIZE);
}
