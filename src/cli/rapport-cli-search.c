/* rapport-cli-search.c — search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include "rapport-cli-private.h"

/* The name a search hit shows: a contact's or organization's name, a
 * deal's title; NULL if it is gone. */
static char *
hit_name (RapportStore           *store,
          const RapportSearchHit *hit)
{
  switch (hit->kind)
    {
    case RAPPORT_SEARCH_CONTACT:
      {
        g_autoptr(RapportContact) contact = rapport_store_get_contact (store, hit->id, NULL);
        return contact ? g_strdup (rapport_contact_get_name (contact)) : NULL;
      }
    case RAPPORT_SEARCH_ORGANIZATION:
      {
        g_autoptr(RapportOrganization) organization = rapport_store_get_organization (store, hit->id, NULL);
        return organization ? g_strdup (rapport_organization_get_name (organization)) : NULL;
      }
    case RAPPORT_SEARCH_DEAL:
      {
        g_autoptr(RapportDeal) deal = rapport_store_get_deal (store, hit->id, NULL);
        return deal ? g_strdup (rapport_deal_get_title (deal)) : NULL;
      }
    default:
      return NULL;
    }
}

static gboolean
cmd_search (RapportCli  *cli,
            GError     **error)
{
  int limit = rapport_cli_int (cli, "limit");
  g_autoptr(GArray) hits = NULL;
  g_autoptr(JsonArray) array = json_array_new ();

  if (limit < 1 || limit > 10000)
    return rapport_cli_set_usage (error, _("--limit takes 1 to 10 000"));
  if (rapport_cli_open_store (cli, error) == NULL ||
      (hits = rapport_store_search (cli->store, cli->args[0], (guint) limit, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < hits->len; i++)
    {
      const RapportSearchHit *hit = &g_array_index (hits, RapportSearchHit, i);
      g_autofree char *name = hit_name (cli->store, hit);
      g_autofree char *shown = rapport_cli_field (name);

      if (cli->json)
        json_array_add_element (array, rapport_json_search_hit (name, hit));
      else
        g_print ("%s\t%" G_GINT64_FORMAT "\t%s\n", rapport_json_search_kind (hit->kind), hit->id, shown);
    }

  if (cli->json)
    rapport_json_print_array (array);

  return TRUE;
}

static const RapportCliOption search_options[] = {
  { "limit", G_OPTION_ARG_INT, 10 },
  { NULL }
};

const RapportCliCommand rapport_cli_search_commands[] = {
  { NULL, "search", cmd_search, "search TEXT [--limit N] [--json]",
    1, 1, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, search_options, NULL },
  { NULL }
};
