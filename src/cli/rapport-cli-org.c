/* rapport-cli-org.c — org add, list and show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include "rapport-cli-private.h"
#include "rapport-money.h"

static gboolean
cmd_org_add (RapportCli  *cli,
             GError     **error)
{
  g_autoptr(RapportOrganization) org = NULL;

  if (rapport_cli_open_store (cli, error) == NULL ||
      (org = rapport_store_add_organization (cli->store, cli->args[0], error)) == NULL)
    return FALSE;

  if (cli->json)
    rapport_json_print (rapport_json_organization (org));
  else
    g_print (_("Created organization %lld “%s”\n"),
             (long long) rapport_record_get_id (RAPPORT_RECORD (org)), rapport_organization_get_name (org));

  return TRUE;
}

static gboolean
print_changed (RapportCli          *cli,
               RapportOrganization *org)
{
  if (cli->json)
    rapport_json_print (rapport_json_organization_details (cli->store, org));
  else
    g_print (_("Changed organization %lld “%s”\n"),
             (long long) rapport_record_get_id (RAPPORT_RECORD (org)), rapport_organization_get_name (org));
  return TRUE;
}

/* org set ID FIELD VALUE */
static gboolean
cmd_org_set (RapportCli  *cli,
             GError     **error)
{
  g_autoptr(RapportOrganization) org = NULL;

  if ((org = rapport_cli_find_organization (cli, cli->args[0], error)) == NULL ||
      !rapport_cli_set_record_field (cli, RAPPORT_RECORD (org), cli->args[1], cli->args[2], error))
    return FALSE;
  return print_changed (cli, org);
}

/* org tag ID TAG [--remove] */
static gboolean
cmd_org_tag (RapportCli  *cli,
             GError     **error)
{
  g_autoptr(RapportOrganization) org = NULL;

  if ((org = rapport_cli_find_organization (cli, cli->args[0], error)) == NULL ||
      !rapport_cli_tag_record (cli, RAPPORT_RECORD (org), cli->args[1], error))
    return FALSE;
  return print_changed (cli, org);
}

static gboolean
list_organization (gpointer   record,
                   gpointer   user_data,
                   GError   **error)
{
  RapportOrganization *organization = record;
  RapportCliListing *listing = user_data;

  if (listing->json != NULL)
    rapport_json_stream_add (listing->json, rapport_json_organization (organization));
  else
    {
      g_autofree char *name = rapport_cli_field (rapport_organization_get_name (organization));
      g_autofree char *website = rapport_cli_field (rapport_organization_get_website (organization));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n", rapport_record_get_id (RAPPORT_RECORD (organization)),
               name, website);
    }

  return rapport_cli_check_output (error);
}

static gboolean
cmd_org_list (RapportCli  *cli,
              GError     **error)
{
  RapportCliListing listing = { NULL, };
  gboolean walked;

  if (!rapport_cli_listing_begin (cli, &listing, error))
    return FALSE;
  walked = rapport_store_foreach_organization (cli->store, list_organization, &listing, error);
  return rapport_cli_listing_end (&listing, walked, error);
}

static void
print_organization (RapportStore        *store,
                    RapportOrganization *organization)
{
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (organization));
  g_autoptr(GListModel) contacts = rapport_store_get_organization_contacts (store, id);
  g_autoptr(GListModel) deals = rapport_store_get_organization_deals (store, id);
  g_autoptr(GListModel) notes = rapport_store_get_organization_notes (store, id);
  g_autofree char *total = NULL;
  guint n_won = 0;
  gint64 won_total = 0;

  rapport_store_get_organization_won (store, id, &n_won, &won_total);
  total = rapport_money_format (won_total, rapport_store_get_default_currency (store));

  g_print ("%s\n", rapport_organization_get_name (organization));
  g_print (_("Website: %s\n"), rapport_cli_or_empty (rapport_organization_get_website (organization)));
  g_print (_("Phone: %s\n"), rapport_cli_or_empty (rapport_organization_get_phone (organization)));
  g_print (_("Address: %s\n"), rapport_cli_or_empty (rapport_organization_get_address (organization)));
  g_print (_("Industry: %s\n"), rapport_cli_or_empty (rapport_organization_get_industry (organization)));
  if (rapport_organization_get_size (organization) > 0)
    g_print (_("Employees: %lld\n"), (long long) rapport_organization_get_size (organization));
  rapport_cli_print_tags_and_fields (store, RAPPORT_ENTITY_ORGANIZATION, id);
  /* Translators: "Won: 3 deals, $12,000.00" */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Won: %u deal, %s\n", "Won: %u deals, %s\n", n_won), n_won, total);
  rapport_cli_print_id_list (_("Contacts:"), contacts);
  rapport_cli_print_id_list (_("Deals:"), deals);
  rapport_cli_print_notes (notes);
}

static gboolean
cmd_org_show (RapportCli  *cli,
              GError     **error)
{
  g_autoptr(RapportOrganization) organization = NULL;

  if ((organization = rapport_cli_find_organization (cli, cli->args[0], error)) == NULL)
    return FALSE;

  if (cli->json)
    rapport_json_print (rapport_json_organization_details (cli->store, organization));
  else
    print_organization (cli->store, organization);

  return TRUE;
}

static const RapportCliOption org_tag_options[] = {
  { "remove", G_OPTION_ARG_NONE, 0 },
  { NULL }
};

const RapportCliCommand rapport_cli_org_commands[] = {
  { "org", "add", cmd_org_add, "org add NAME [--json]", 1, 1, RAPPORT_CLI_JSON, NULL, NULL },
  { "org", "set", cmd_org_set,
    "org set ID name|website|phone|address|industry|size|CUSTOM-FIELD VALUE [--json]",
    3, 3, RAPPORT_CLI_JSON, NULL, NULL },
  { "org", "tag", cmd_org_tag, "org tag ID TAG [--remove] [--json]",
    2, 2, RAPPORT_CLI_JSON, org_tag_options, NULL },
  { "org", "list", cmd_org_list, "org list [--json]",
    0, 0, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, NULL, NULL },
  { "org", "show", cmd_org_show, "org show ID [--json]",
    1, 1, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, NULL, NULL },
  { NULL }
};
