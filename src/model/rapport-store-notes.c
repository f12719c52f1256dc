/* rapport-store-notes.c — notes and the negotiation log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-store-private.h"
#include "rapport-validate.h"

/* Notes and the negotiation log */

RapportNote *
rapport_store_add_note (RapportStore  *self,
                        gint64         contact_id,
                        gint64         deal_id,
                        gint64         organization_id,
                        const char    *body,
                        GError       **error)
{
  RapportSqlStmt *stmt;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (contact_id == 0 && deal_id == 0 && organization_id == 0)
    {
      rapport_store_invalid (error, _("A note belongs to a contact, a deal or an organization"));
      return NULL;
    }
  if (!rapport_text_check (body, RAPPORT_TEXT_NOTE, TRUE, error) ||
      !rapport_store_check_exists (self, RAPPORT_TYPE_CONTACT, contact_id, error) ||
      !rapport_store_check_exists (self, RAPPORT_TYPE_DEAL, deal_id, error) ||
      !rapport_store_check_exists (self, RAPPORT_TYPE_ORGANIZATION, organization_id, error))
    return NULL;

  stmt = rapport_store_stmt (self, STMT_INSERT_NOTE);
  rapport_sql_bind_id_or_null (stmt, 1, contact_id);
  rapport_sql_bind_id_or_null (stmt, 2, deal_id);
  rapport_sql_bind_id_or_null (stmt, 3, organization_id);
  rapport_sql_bind_text (stmt, 4, body);
  rapport_sql_bind_int64 (stmt, 5, rapport_store_now (self));

  if (!rapport_store_insert_alone (self, stmt, &id, error))
    return NULL;

  rapport_store_notify (self, RAPPORT_ENTITY_NOTE, RAPPORT_CHANGE_ADDED, id);
  return rapport_store_lookup (self, RAPPORT_TYPE_NOTE, id, error);
}

RapportNegotiationEntry *
rapport_store_add_negotiation_entry (RapportStore            *self,
                                     RapportDeal             *deal,
                                     RapportNegotiationKind   kind,
                                     gint64                   amount,
                                     const char              *text,
                                     GError                 **error)
{
  RapportSqlStmt *stmt;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), NULL);

  if ((guint) kind > RAPPORT_NEGOTIATION_CONCESSION)
    {
      rapport_store_invalid (error, _("Unknown kind of negotiation entry"));
      return NULL;
    }
  if (amount < 0)
    {
      rapport_store_invalid (error, _("The amount cannot be negative"));
      return NULL;
    }
  /* An entry says something: what was offered, or what was said. */
  if (amount == 0 && rapport_text_is_invisible (text))
    {
      rapport_store_invalid (error, _("Give an amount or what was said"));
      return NULL;
    }
  if (!rapport_text_check (text, RAPPORT_TEXT_FREE, FALSE, error))
    return NULL;

  stmt = rapport_store_stmt (self, STMT_INSERT_NEGOTIATION);
  rapport_sql_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (deal)));
  rapport_sql_bind_int (stmt, 2, kind);
  rapport_sql_bind_int64 (stmt, 3, amount);
  rapport_sql_bind_text (stmt, 4, rapport_deal_get_currency (deal));
  rapport_sql_bind_text_or_null (stmt, 5, text);
  rapport_sql_bind_int64 (stmt, 6, rapport_store_now (self));

  if (!rapport_store_insert_alone (self, stmt, &id, error))
    return NULL;

  rapport_store_notify (self, RAPPORT_ENTITY_NEGOTIATION_ENTRY, RAPPORT_CHANGE_ADDED, id);
  return rapport_store_lookup (self, RAPPORT_TYPE_NEGOTIATION_ENTRY, id, error);
}
