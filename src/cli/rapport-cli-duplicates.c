/* rapport-cli-duplicates.c — duplicates list and merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include "rapport-cli-json.h"
#include "rapport-cli-private.h"
#include "rapport-contact.h"
#include "rapport-organization.h"

static const struct
{
  RapportDuplicateReasons reason;
  const char             *word;
} reason_words[] = {
  { RAPPORT_DUPLICATE_EMAIL, "email" },
  { RAPPORT_DUPLICATE_PHONE, "phone" },
  { RAPPORT_DUPLICATE_NAME, "name" },
  { RAPPORT_DUPLICATE_WEBSITE, "website" },
};

static RapportEntity
entity_of (RapportCli *cli)
{
  return rapport_cli_flag (cli, "organizations") ? RAPPORT_ENTITY_ORGANIZATION : RAPPORT_ENTITY_CONTACT;
}

static JsonNode *
record_json (RapportStore  *store,
             RapportEntity  entity,
             gint64         id)
{
  if (entity == RAPPORT_ENTITY_CONTACT)
    {
      g_autoptr(RapportContact) contact = rapport_store_get_contact (store, id, NULL);

      return contact != NULL ? rapport_json_contact (contact) : NULL;
    }
  else
    {
      g_autoptr(RapportOrganization) organization = rapport_store_get_organization (store, id, NULL);

      return organization != NULL ? rapport_json_organization (organization) : NULL;
    }
}

static JsonNode *
pair_json (RapportStore           *store,
           RapportEntity           entity,
           const RapportDuplicate *pair)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, entity == RAPPORT_ENTITY_CONTACT ? "contacts" : "organizations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < 2; i++)
    {
      JsonNode *node = record_json (store, entity, pair->ids[i]);

      if (node != NULL)
        json_builder_add_value (builder, node);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (reason_words); i++)
    if (pair->reasons & reason_words[i].reason)
      json_builder_add_string_value (builder, reason_words[i].word);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char *
name_of (RapportStore  *store,
         RapportEntity  entity,
         gint64         id)
{
  g_autofree char *name = rapport_store_merge_field_text (store, entity, id, 0);

  return rapport_cli_field (name != NULL ? name : "");
}

/* Two records that may be one, and why: one whole sentence per reason. */
static void
print_pair (RapportStore           *store,
            RapportEntity           entity,
            const RapportDuplicate *pair)
{
  g_autofree char *a = name_of (store, entity, pair->ids[0]);
  g_autofree char *b = name_of (store, entity, pair->ids[1]);
  long long id_a = pair->ids[0], id_b = pair->ids[1];

  if (pair->reasons & RAPPORT_DUPLICATE_EMAIL)
    g_print (_("%lld %s and %lld %s have the same e-mail address.\n"), id_a, a, id_b, b);
  else if (pair->reasons & RAPPORT_DUPLICATE_PHONE)
    g_print (_("%lld %s and %lld %s have the same phone number.\n"), id_a, a, id_b, b);
  else if (pair->reasons & RAPPORT_DUPLICATE_WEBSITE)
    g_print (_("%lld %s and %lld %s have the same website.\n"), id_a, a, id_b, b);
  else if (entity == RAPPORT_ENTITY_CONTACT)
    g_print (_("%lld %s and %lld %s have the same name in the same organization.\n"), id_a, a, id_b, b);
  else
    g_print (_("%lld %s and %lld %s have the same name.\n"), id_a, a, id_b, b);
}

static gboolean
cmd_duplicates_list (RapportCli  *cli,
                     GError     **error)
{
  RapportEntity entity = entity_of (cli);
  g_autoptr(GPtrArray) pairs = NULL;

  if (rapport_cli_open_store (cli, error) == NULL)
    return FALSE;
  pairs = entity == RAPPORT_ENTITY_CONTACT ? rapport_store_find_duplicate_contacts (cli->store, error)
                                           : rapport_store_find_duplicate_organizations (cli->store, error);
  if (pairs == NULL)
    return FALSE;

  if (cli->json)
    {
      RapportJsonStream *stream = rapport_json_stream_begin ();

      for (guint i = 0; i < pairs->len; i++)
        rapport_json_stream_add (stream, pair_json (cli->store, entity, pairs->pdata[i]));
      rapport_json_stream_end (stream);
      return rapport_cli_check_output (error);
    }
  for (guint i = 0; i < pairs->len; i++)
    print_pair (cli->store, entity, pairs->pdata[i]);
  if (pairs->len == 0)
    g_print ("%s\n", _("No likely duplicates."));
  return rapport_cli_check_output (error);
}

/* --take name,email: the fields whose value comes from the other one. */
static gboolean
parse_take (RapportEntity   entity,
            const char     *text,
            guint          *take,
            GError        **error)
{
  g_auto(GStrv) names = g_strsplit (text, ",", -1);
  const RapportMergeField *fields;
  guint n_fields;

  fields = rapport_merge_fields (entity, &n_fields);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      guint field;

      for (field = 0; field < n_fields; field++)
        if (g_strcmp0 (fields[field].name, name) == 0)
          break;
      if (field == n_fields)
        {
          g_set_error (error, RAPPORT_CLI_ERROR, RAPPORT_CLI_ERROR_USAGE,
                       _("“%s” is not a field a merge can take; see the usage"), name);
          return FALSE;
        }
      *take |= 1u << field;
    }
  return TRUE;
}

static gboolean
find_pair (RapportCli  *cli,
           gint64      *ids,
           GError     **error)
{
  for (guint i = 0; i < 2; i++)
    {
      if (entity_of (cli) == RAPPORT_ENTITY_CONTACT)
        {
          g_autoptr(RapportContact) contact = rapport_cli_find_contact (cli, cli->args[i], error);

          if (contact == NULL)
            return FALSE;
          ids[i] = rapport_record_get_id (RAPPORT_RECORD (contact));
        }
      else
        {
          g_autoptr(RapportOrganization) organization = rapport_cli_find_organization (cli, cli->args[i], error);

          if (organization == NULL)
            return FALSE;
          ids[i] = rapport_record_get_id (RAPPORT_RECORD (organization));
        }
    }
  return TRUE;
}

static gboolean
cmd_duplicates_merge (RapportCli  *cli,
                      GError     **error)
{
  RapportEntity entity = entity_of (cli);
  const char *take_text = rapport_cli_string (cli, "take");
  g_autofree char *kept = NULL, *other = NULL;
  gint64 ids[2];
  guint take;

  if (rapport_cli_open_store (cli, error) == NULL || !find_pair (cli, ids, error))
    return FALSE;
  take = 0;
  if (take_text != NULL && !parse_take (entity, take_text, &take, error))
    return FALSE;
  /* The other's values where the kept one has none, as the app offers. */
  take |= rapport_store_merge_fill (cli->store, entity, ids[0], ids[1]);

  other = name_of (cli->store, entity, ids[1]);
  if (!rapport_store_merge (cli->store, entity, ids[0], ids[1], take, NULL, error))
    return FALSE;
  kept = name_of (cli->store, entity, ids[0]);

  if (cli->json)
    rapport_json_print (record_json (cli->store, entity, ids[0]));
  else
    g_print (_("Merged %s into %lld %s.\n"), other, (long long) ids[0], kept);
  return rapport_cli_check_output (error);
}

static const RapportCliOption list_options[] = {
  { "organizations", G_OPTION_ARG_NONE, 0 },
  { NULL }
};

static const RapportCliOption merge_options[] = {
  { "organizations", G_OPTION_ARG_NONE, 0 },
  { "take", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

const RapportCliCommand rapport_cli_duplicates_commands[] = {
  { "duplicates", "list", cmd_duplicates_list, "duplicates list [--organizations] [--json]",
    0, 0, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, list_options, NULL },
  { "duplicates", "merge", cmd_duplicates_merge,
    "duplicates merge KEEP_ID OTHER_ID [--organizations]"
    " [--take name,email,phone,title,organization,lifecycle,source,owner,photo,address,birthday"
    "|name,website,phone,address,industry,size] [--json]",
    2, 2, RAPPORT_CLI_JSON, merge_options, N_("Give the id of the one to keep and of the one merged into it") },
  { NULL }
};
