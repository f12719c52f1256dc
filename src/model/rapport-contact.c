/* rapport-contact.c — a person the team does business with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-enums.h"
#include "rapport-contact.h"

struct _RapportContact
{
  RapportRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RapportContact, rapport_contact, RAPPORT_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_ORGANIZATION_ID,
  PROP_LIFECYCLE,
  PROP_SOURCE,
  PROP_OWNER,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_FIRST_CONTACTED_AT,
  PROP_LAST_CONTACTED_AT,
  PROP_NEXT_FOLLOWUP_AT,
  PROP_TITLE,
  PROP_EXTERNAL_ID,
  PROP_ADDRESS,
  PROP_BIRTHDAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_contact_class_init (RapportContactClass *klass)
{
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_int64 ("organization-id", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_LIFECYCLE] =
    g_param_spec_enum ("lifecycle", NULL, NULL, RAPPORT_TYPE_LIFECYCLE, RAPPORT_LIFECYCLE_CONTACT,
                       RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_FIRST_CONTACTED_AT] =
    g_param_spec_int64 ("first-contacted-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  /* Kept by the database's triggers from the contact's activities. */
  properties[PROP_LAST_CONTACTED_AT] =
    g_param_spec_int64 ("last-contacted-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_NEXT_FOLLOWUP_AT] =
    g_param_spec_int64 ("next-followup-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  /* The job title. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  /* The id another program gave the contact (a vCard's UID), so the same
   * card imported again is known. */
  properties[PROP_EXTERNAL_ID] =
    g_param_spec_string ("external-id", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  /* The postal address, as written on an envelope: lines of text. */
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  /* "YYYY-MM-DD". */
  properties[PROP_BIRTHDAY] =
    g_param_spec_string ("birthday", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  rapport_record_class_install (RAPPORT_RECORD_CLASS (klass), "contact", properties, N_PROPS);
}

static void
rapport_contact_init (RapportContact *self)
{
}

const char *
rapport_contact_get_name (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_NAME);
}

const char *
rapport_contact_get_email (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_EMAIL);
}

const char *
rapport_contact_get_phone (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_PHONE);
}

gint64
rapport_contact_get_organization_id (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_ORGANIZATION_ID);
}

RapportLifecycle
rapport_contact_get_lifecycle (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), 0);

  return (RapportLifecycle) rapport_record_get_int (RAPPORT_RECORD (self), PROP_LIFECYCLE);
}

const char *
rapport_contact_get_source (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_SOURCE);
}

const char *
rapport_contact_get_owner (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_OWNER);
}

gint64
rapport_contact_get_created_at (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_CREATED_AT);
}

gint64
rapport_contact_get_updated_at (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_UPDATED_AT);
}

gint64
rapport_contact_get_first_contacted_at (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_FIRST_CONTACTED_AT);
}

gint64
rapport_contact_get_last_contacted_at (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_LAST_CONTACTED_AT);
}

gint64
rapport_contact_get_next_followup_at (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_NEXT_FOLLOWUP_AT);
}

const char *
rapport_contact_get_title (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_TITLE);
}

const char *
rapport_contact_get_external_id (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_EXTERNAL_ID);
}

const char *
rapport_contact_get_address (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_ADDRESS);
}

const char *
rapport_contact_get_birthday (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_BIRTHDAY);
}

const char *
rapport_lifecycle_get_label (RapportLifecycle lifecycle)
{
  switch (lifecycle)
    {
    case RAPPORT_LIFECYCLE_LEAD:
      return C_("lifecycle", "Lead");
    case RAPPORT_LIFECYCLE_CONTACT:
      return C_("lifecycle", "Contact");
    case RAPPORT_LIFECYCLE_CUSTOMER:
      return C_("lifecycle", "Customer");
    default:
      return "";
    }
}
