/* rapport-store-contacts.c — contacts and organizations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-money.h"
#include "rapport-record-list.h"
#include "rapport-store-private.h"
#include "rapport-time.h"
#include "rapport-validate.h"

GListModel *
rapport_store_get_contacts (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return rapport_record_list_new (self, RAPPORT_TYPE_CONTACT, STMT_CONTACT_IDS, 0);
}

RapportOrganization *
rapport_store_add_organization (RapportStore  *self,
                                const char    *name,
                                GError       **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  RapportSqlStmt *stmt;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (!rapport_text_check (stripped, RAPPORT_TEXT_NAME, TRUE, error))
    return NULL;

  stmt = rapport_store_stmt (self, STMT_INSERT_ORGANIZATION);
  rapport_sql_bind_text (stmt, 1, stripped);
  rapport_sql_bind_int64 (stmt, 2, rapport_store_now (self));

  if (!rapport_store_insert_alone (self, stmt, &id, error))
    return NULL;

  rapport_store_notify (self, RAPPORT_ENTITY_ORGANIZATION, RAPPORT_CHANGE_ADDED, id);
  return rapport_store_lookup (self, RAPPORT_TYPE_ORGANIZATION, id, error);
}

/* The speed-to-lead rule: a new lead gets a follow-up to contact them,
 * due the configured time (an hour by default) after they arrived. */
static gboolean
add_speed_to_lead_followup (RapportStore  *self,
                            gint64         contact_id,
                            const char    *name,
                            gint64         arrived_at,
                            GError       **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt (self, STMT_INSERT_ACTIVITY);
  /* Translators: the follow-up a new lead gets; %s is their name. */
  g_autofree char *title = g_strdup_printf (_("Contact %s"), name);

  rapport_sql_bind_int (stmt, 1, RAPPORT_ACTIVITY_FOLLOWUP);
  rapport_sql_bind_text (stmt, 2, title);
  rapport_sql_bind_null (stmt, 3);
  rapport_sql_bind_int64 (stmt, 4, arrived_at + (gint64) self->speed_to_lead_minutes * 60);
  rapport_sql_bind_null (stmt, 5);
  rapport_sql_bind_int64 (stmt, 6, contact_id);
  rapport_sql_bind_null (stmt, 7);
  rapport_sql_bind_int (stmt, 8, RAPPORT_RULE_SPEED_TO_LEAD);
  rapport_sql_bind_int64 (stmt, 9, rapport_store_now (self));
  /* What the lead is waiting for: a call. */
  rapport_sql_bind_int (stmt, 12, RAPPORT_ACTIVITY_CALL);

  return rapport_store_step_done (self, stmt, error);
}

RapportContact *
rapport_store_add_contact (RapportStore                *self,
                           const RapportContactFields  *fields,
                           GError                     **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) emails = NULL;
  g_autoptr(GPtrArray) phones = NULL;
  RapportContactDetails details = { TRUE, NULL, NULL, NULL, FALSE, NULL, NULL };
  RapportSqlStmt *stmt;
  gint64 created_at;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);
  /* With a list, its first entry is the primary one: not both. */
  g_return_val_if_fail (fields->emails == NULL || fields->email == NULL, NULL);
  g_return_val_if_fail (fields->phones == NULL || fields->phone == NULL, NULL);

  /* Only @email and @phone: they are the lists of one. */
  emails = fields->emails ? g_ptr_array_ref (fields->emails) : rapport_store_list_of_one (fields->email);
  phones = fields->phones ? g_ptr_array_ref (fields->phones) : rapport_store_list_of_one (fields->phone);
  details.title = fields->title;
  details.emails = emails;
  details.phones = phones;

  name = g_strstrip (g_strdup (fields->name ? fields->name : ""));
  if (!rapport_text_check (name, RAPPORT_TEXT_NAME, TRUE, error) ||
      !rapport_email_check (fields->email, error) ||
      !rapport_phone_check (fields->phone, error) ||
      !rapport_text_check (fields->source, RAPPORT_TEXT_SOURCE, FALSE, error) ||
      !rapport_text_check (fields->owner, RAPPORT_TEXT_OWNER, FALSE, error) ||
      !rapport_store_check_exists (self, RAPPORT_TYPE_ORGANIZATION, fields->organization_id, error) ||
      !rapport_store_check_contact_details (fields->title, fields->emails, fields->phones, NULL, NULL, error))
    return NULL;
  if ((guint) fields->lifecycle > RAPPORT_LIFECYCLE_CUSTOMER)
    {
      rapport_store_invalid (error, _("Unknown lifecycle stage %d"), fields->lifecycle);
      return NULL;
    }

  if (!rapport_store_arrival_time (self, fields->created_at, fields->has_created_at, &created_at, error))
    return NULL;

  stmt = rapport_store_stmt (self, STMT_INSERT_CONTACT);
  rapport_sql_bind_text (stmt, 1, name);
  rapport_sql_bind_text_or_null (stmt, 2, fields->email);
  rapport_sql_bind_text_or_null (stmt, 3, fields->phone);
  rapport_sql_bind_id_or_null (stmt, 4, fields->organization_id);
  rapport_sql_bind_int (stmt, 5, fields->lifecycle);
  rapport_sql_bind_text_or_null (stmt, 6, fields->source);
  rapport_sql_bind_text_or_null (stmt, 7, fields->owner);
  rapport_sql_bind_int64 (stmt, 8, created_at);
  rapport_sql_bind_int64 (stmt, 9, rapport_store_now (self));

  if (!rapport_store_begin (self, error))
    return NULL;
  if (!rapport_store_step_done (self, stmt, error))
    goto fail;
  id = rapport_store_last_id (self);
  if (!rapport_store_write_contact_details (self, id, &details, error))
    goto fail;
  if (fields->lifecycle == RAPPORT_LIFECYCLE_LEAD &&
      !add_speed_to_lead_followup (self, id, name, created_at, error))
    goto fail;
  if (!rapport_store_commit (self, error))
    return NULL;

  rapport_store_notify (self, RAPPORT_ENTITY_CONTACT, RAPPORT_CHANGE_ADDED, id);
  if (fields->lifecycle == RAPPORT_LIFECYCLE_LEAD)
    rapport_store_notify (self, RAPPORT_ENTITY_ACTIVITY, RAPPORT_CHANGE_RELOAD, 0);

  return rapport_store_lookup (self, RAPPORT_TYPE_CONTACT, id, error);

fail:
  rapport_store_rollback (self);
  return NULL;
}
