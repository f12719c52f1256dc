/* rapport-search-describe.c — how a search hit reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-format.h"
#include "rapport-search-describe.h"

const char *
rapport_search_kind_name (RapportSearchKind kind)
{
  switch (kind)
    {
    case RAPPORT_SEARCH_CONTACT:
      return C_("search result", "Contact");
    case RAPPORT_SEARCH_ORGANIZATION:
      return C_("search result", "Organization");
    case RAPPORT_SEARCH_DEAL:
    default:
      return C_("search result", "Deal");
    }
}

const char *
rapport_search_kind_icon (RapportSearchKind kind)
{
  switch (kind)
    {
    case RAPPORT_SEARCH_CONTACT:
      return "avatar-default-symbolic";
    case RAPPORT_SEARCH_ORGANIZATION:
      return "network-workgroup-symbolic";
    case RAPPORT_SEARCH_DEAL:
    default:
      return "x-office-document-symbolic";
    }
}


char *
rapport_search_join (const char *first,
                     const char *second)
{
  gboolean has_first = first != NULL && *first != '\0';
  gboolean has_second = second != NULL && *second != '\0';

  if (has_first && has_second)
    /* Translators: joins two details of a search result, e.g.
     * “Acme Corp · ada@acme.example” or “Proposal · $40,000” */
    return g_strdup_printf (_("%s · %s"), first, second);
  if (has_first)
    return g_strdup (first);
  if (has_second)
    return g_strdup (second);

  return NULL;
}

static char *
contact_subtitle (RapportStore   *store,
                  RapportContact *contact)
{
  gint64 organization_id = rapport_contact_get_organization_id (contact);
  g_autoptr(RapportOrganization) organization = NULL;
  const char *email = rapport_contact_get_email (contact);

  if (organization_id > 0)
    organization = rapport_store_get_organization (store, organization_id, NULL);
  if (email == NULL || *email == '\0')
    email = rapport_contact_get_phone (contact);

  return rapport_search_join (organization != NULL ? rapport_organization_get_name (organization) : NULL,
                     email);
}

/* “https://acme.example/” reads as “acme.example”. */
static char *
short_website (const char *website)
{
  const char *start = website;
  gsize length;

  if (g_ascii_strncasecmp (start, "https://", 8) == 0)
    start += 8;
  else if (g_ascii_strncasecmp (start, "http://", 7) == 0)
    start += 7;

  length = strlen (start);
  if (length > 1 && start[length - 1] == '/')
    length--;

  return g_strndup (start, length);
}

static char *
organization_subtitle (RapportOrganization *organization)
{
  const char *website = rapport_organization_get_website (organization);

  if (website != NULL && *website != '\0')
    return short_website (website);

  return g_strdup (rapport_organization_get_phone (organization));
}

static char *
deal_subtitle (RapportStore *store,
               RapportDeal  *deal)
{
  g_autofree char *value = rapport_format_money (rapport_deal_get_value (deal),
                                                 rapport_deal_get_currency (deal));
  g_autofree char *where = rapport_format_deal_standing (store, deal);

  return rapport_search_join (where, value);
}

gboolean
rapport_search_describe (RapportStore      *store,
                         RapportSearchKind  kind,
                         gint64             id,
                         char             **title,
                         char             **subtitle)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  *title = *subtitle = NULL;
  switch (kind)
    {
    case RAPPORT_SEARCH_CONTACT:
      {
        g_autoptr(RapportContact) contact = rapport_store_get_contact (store, id, NULL);

        if (contact == NULL)
          return FALSE;
        *title = g_strdup (rapport_contact_get_name (contact));
        *subtitle = contact_subtitle (store, contact);
        return TRUE;
      }
    case RAPPORT_SEARCH_ORGANIZATION:
      {
        g_autoptr(RapportOrganization) organization = rapport_store_get_organization (store, id, NULL);

        if (organization == NULL)
          return FALSE;
        *title = g_strdup (rapport_organization_get_name (organization));
        *subtitle = organization_subtitle (organization);
        return TRUE;
      }
    case RAPPORT_SEARCH_DEAL:
    default:
      {
        g_autoptr(RapportDeal) deal = rapport_store_get_deal (store, id, NULL);

        if (deal == NULL)
          return FALSE;
        *title = g_strdup (rapport_deal_get_title (deal));
        *subtitle = deal_subtitle (store, deal);
        return TRUE;
      }
    }
}
