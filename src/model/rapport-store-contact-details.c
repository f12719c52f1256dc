/* rapport-store-contact-details.c — a contact's title, labelled e-mail
 * addresses and phone numbers, and photo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lists live in contact_email and contact_phone, by position; the
 * contact's email and phone columns are their first entries, which the
 * schema's triggers keep in step when only a column is written. Here both
 * are written together: the list, then the column.
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-store-private.h"
#include "rapport-validate.h"

/* A column with no list (a row another program wrote) is a list of one. */
#define SQL_LIST(table, column) \
  "SELECT label, value FROM (SELECT position, label, value FROM " table " WHERE contact_id = ?1" \
  " UNION ALL SELECT 0, 'other', " column " FROM contact WHERE id = ?1 AND length(trim(" column ")) > 0" \
  " AND NOT EXISTS (SELECT 1 FROM " table " WHERE contact_id = ?1)) ORDER BY position"
#define SQL_EMAILS SQL_LIST ("contact_email", "email")
#define SQL_PHONES SQL_LIST ("contact_phone", "phone")
#define SQL_CLEAR_EMAILS "DELETE FROM contact_email WHERE contact_id = ?1"
#define SQL_CLEAR_PHONES "DELETE FROM contact_phone WHERE contact_id = ?1"
#define SQL_INSERT_EMAIL "INSERT INTO contact_email (contact_id, position, label, value) VALUES (?1, ?2, ?3, ?4)"
#define SQL_INSERT_PHONE "INSERT INTO contact_phone (contact_id, position, label, value) VALUES (?1, ?2, ?3, ?4)"
#define SQL_SET_EMAIL "UPDATE contact SET email = ?2, updated_at = ?3 WHERE id = ?1"
#define SQL_SET_PHONE "UPDATE contact SET phone = ?2, updated_at = ?3 WHERE id = ?1"
#define SQL_SET_TITLE "UPDATE contact SET title = ?2, updated_at = ?3 WHERE id = ?1"
#define SQL_PHOTO "SELECT mime_type, bytes FROM contact_photo WHERE contact_id = ?1"
#define SQL_CLEAR_PHOTO "DELETE FROM contact_photo WHERE contact_id = ?1"
#define SQL_INSERT_PHOTO "INSERT INTO contact_photo (contact_id, mime_type, bytes) VALUES (?1, ?2, ?3)"

typedef struct
{
  const char *select;
  const char *clear;
  const char *insert;
  const char *set_primary;
  gboolean  (*check) (const char *value, GError **error);
} ListKind;

static const ListKind email_list = {
  SQL_EMAILS, SQL_CLEAR_EMAILS, SQL_INSERT_EMAIL, SQL_SET_EMAIL, rapport_email_check,
};

static const ListKind phone_list = {
  SQL_PHONES, SQL_CLEAR_PHONES, SQL_INSERT_PHONE, SQL_SET_PHONE, rapport_phone_check,
};

static GPtrArray *
read_list (RapportStore    *self,
           const ListKind  *kind,
           gint64           contact_id,
           GError         **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_contact_value_free);
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, kind->select);
  int rc;

  rapport_sql_bind_int64 (stmt, 1, contact_id);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    g_ptr_array_add (values, rapport_contact_value_new (rapport_sql_column_text (stmt, 0),
                                                        rapport_sql_column_text (stmt, 1)));
  rapport_sql_reset (stmt);

  if (rc != RAPPORT_SQL_DONE)
    {
      rapport_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&values);
}

GPtrArray *
rapport_store_get_contact_emails (RapportStore  *self,
                                  gint64         contact_id,
                                  GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return read_list (self, &email_list, contact_id, error);
}

GPtrArray *
rapport_store_get_contact_phones (RapportStore  *self,
                                  gint64         contact_id,
                                  GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return read_list (self, &phone_list, contact_id, error);
}

GBytes *
rapport_store_get_contact_photo (RapportStore  *self,
                                 gint64         contact_id,
                                 char         **mime_type,
                                 GError       **error)
{
  RapportSqlStmt *stmt;
  GBytes *bytes = NULL;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = rapport_store_stmt_sql (self, SQL_PHOTO);
  rapport_sql_bind_int64 (stmt, 1, contact_id);
  rc = rapport_sql_step (stmt);
  if (rc == RAPPORT_SQL_ROW)
    {
      bytes = rapport_sql_column_bytes (stmt, 1);
      if (mime_type != NULL)
        *mime_type = g_strdup (rapport_sql_column_text (stmt, 0));
    }
  rapport_sql_reset (stmt);

  if (rc != RAPPORT_SQL_ROW && rc != RAPPORT_SQL_DONE)
    rapport_store_set_error (self, rc, error);
  return bytes;
}

static gboolean
check_list (const ListKind  *kind,
            GPtrArray       *values,
            GError         **error)
{
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const RapportContactValue *value = values->pdata[i];

      if (!rapport_contact_label_is_known (value->label))
        {
          g_autofree char *quoted = rapport_text_quote (value->label);

          return rapport_store_invalid (error, _("The label “%s” is not known: use work, home, mobile or other"),
                                        quoted);
        }
      if (value->value == NULL || rapport_text_is_invisible (value->value))
        return rapport_store_invalid (error, _("An e-mail address or phone number in the list is empty"));
      if (!kind->check (value->value, error))
        return FALSE;
    }
  return TRUE;
}

/* The rules for @title, @emails, @phones and the photo, before anything is
 * written. */
gboolean
rapport_store_check_contact_details (const char  *title,
                                     GPtrArray   *emails,
                                     GPtrArray   *phones,
                                     GBytes      *photo,
                                     const char  *photo_type,
                                     GError     **error)
{
  if (!rapport_text_check (title, RAPPORT_TEXT_TITLE, FALSE, error) ||
      !check_list (&email_list, emails, error) ||
      !check_list (&phone_list, phones, error))
    return FALSE;
  if (photo == NULL)
    return TRUE;
  if (photo_type == NULL || !g_str_has_prefix (photo_type, "image/") ||
      !rapport_text_check (photo_type, RAPPORT_TEXT_NAME, TRUE, NULL))
    return rapport_store_invalid (error, _("A contact’s photo must be an image"));
  if (g_bytes_get_size (photo) == 0 || g_bytes_get_size (photo) > RAPPORT_PHOTO_MAX_BYTES)
    return rapport_store_invalid (error, _("A contact’s photo must hold between 1 byte and 4 MiB"));
  return TRUE;
}

static gboolean
write_list (RapportStore    *self,
            const ListKind  *kind,
            gint64           contact_id,
            GPtrArray       *values,
            GError         **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, kind->clear);

  rapport_sql_bind_int64 (stmt, 1, contact_id);
  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < values->len; i++)
    {
      const RapportContactValue *value = values->pdata[i];

      stmt = rapport_store_stmt_sql (self, kind->insert);
      rapport_sql_bind_int64 (stmt, 1, contact_id);
      rapport_sql_bind_int (stmt, 2, (int) i);
      rapport_sql_bind_text (stmt, 3, value->label);
      rapport_sql_bind_text (stmt, 4, value->value);
      if (!rapport_store_step_done (self, stmt, error))
        return FALSE;
    }

  /* The column last: its trigger finds the first entry already right. */
  stmt = rapport_store_stmt_sql (self, kind->set_primary);
  rapport_sql_bind_int64 (stmt, 1, contact_id);
  if (values->len > 0)
    rapport_sql_bind_text (stmt, 2, ((RapportContactValue *) values->pdata[0])->value);
  else
    rapport_sql_bind_null (stmt, 2);
  rapport_sql_bind_int64 (stmt, 3, rapport_store_now (self));
  return rapport_store_step_done (self, stmt, error);
}

static gboolean
write_photo (RapportStore  *self,
             gint64         contact_id,
             GBytes        *photo,
             const char    *photo_type,
             GError       **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, SQL_CLEAR_PHOTO);

  rapport_sql_bind_int64 (stmt, 1, contact_id);
  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;
  if (photo == NULL)
    return TRUE;

  stmt = rapport_store_stmt_sql (self, SQL_INSERT_PHOTO);
  rapport_sql_bind_int64 (stmt, 1, contact_id);
  rapport_sql_bind_text (stmt, 2, photo_type);
  rapport_sql_bind_bytes (stmt, 3, photo);
  return rapport_store_step_done (self, stmt, error);
}

/* Writes what @details changes, checked already, in the caller's
 * transaction. */
gboolean
rapport_store_write_contact_details (RapportStore                *self,
                                     gint64                       contact_id,
                                     const RapportContactDetails *details,
                                     GError                     **error)
{
  if (details->set_title)
    {
      RapportSqlStmt *stmt = rapport_store_stmt_sql (self, SQL_SET_TITLE);

      rapport_sql_bind_int64 (stmt, 1, contact_id);
      rapport_sql_bind_text_or_null (stmt, 2, details->title);
      rapport_sql_bind_int64 (stmt, 3, rapport_store_now (self));
      if (!rapport_store_step_done (self, stmt, error))
        return FALSE;
    }

  return (details->emails == NULL || write_list (self, &email_list, contact_id, details->emails, error)) &&
         (details->phones == NULL || write_list (self, &phone_list, contact_id, details->phones, error)) &&
         (!details->set_photo || write_photo (self, contact_id, details->photo, details->photo_type, error));
}

GPtrArray *
rapport_store_list_of_one (const char *value)
{
  GPtrArray *values;

  if (value == NULL || *value == '\0')
    return NULL;
  values = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_contact_value_free);
  g_ptr_array_add (values, rapport_contact_value_new (NULL, value));
  return values;
}

gboolean
rapport_store_write_primary_lists (RapportStore  *self,
                                   gint64         contact_id,
                                   const char    *email,
                                   const char    *phone,
                                   GError       **error)
{
  g_autoptr(GPtrArray) emails = rapport_store_list_of_one (email);
  g_autoptr(GPtrArray) phones = rapport_store_list_of_one (phone);
  RapportContactDetails details = { FALSE, NULL, emails, phones, FALSE, NULL, NULL };

  return rapport_store_write_contact_details (self, contact_id, &details, error);
}

gboolean
rapport_store_set_contact_details (RapportStore                *self,
                                   RapportContact              *contact,
                                   const RapportContactDetails *details,
                                   GError                     **error)
{
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (details != NULL, FALSE);

  id = rapport_record_get_id (RAPPORT_RECORD (contact));
  if (!rapport_store_check_contact_details (details->set_title ? details->title : NULL,
                                            details->emails, details->phones,
                                            details->set_photo ? details->photo : NULL,
                                            details->photo_type, error))
    return FALSE;

  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!rapport_store_write_contact_details (self, id, details, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  if (!rapport_store_commit (self, error))
    return FALSE;

  rapport_store_reload_record (self, RAPPORT_RECORD (contact), NULL);
  rapport_store_notify (self, RAPPORT_ENTITY_CONTACT, RAPPORT_CHANGE_UPDATED, id);
  return TRUE;
}
