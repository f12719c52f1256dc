/* rapport-cli-duplicates.c — duplicates list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include "rapport-cli-json.h"
#include "rapport-cli-private.h"
#include "rapport-contact.h"

static const struct
{
  RapportDuplicateReasons reason;
  const char             *word;
} reason_words[] = {
  { RAPPORT_DUPLICATE_EMAIL, "email" },
  { RAPPORT_DUPLICATE_PHONE, "phone" },
  { RAPPORT_DUPLICATE_NAME, "name" },
};

static JsonNode *
pair_json (RapportStore           *store,
           const RapportDuplicate *pair)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "contacts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RapportContact) contact = rapport_store_get_contact (store, pair->ids[i], NULL);

      if (contact != NULL)
        json_builder_add_value (builder, rapport_json_contact (contact));
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

static const char *
reason_text (RapportDuplicateReasons reasons)
{
  if (reasons & RAPPORT_DUPLICATE_EMAIL)
    return _("the same e-mail address");
  if (reasons & RAPPORT_DUPLICATE_PHONE)
    return _("the same phone number");
  return _("the same name in the same organization");
}

static void
print_pair (RapportStore           *store,
            const RapportDuplicate *pair)
{
  g_autoptr(RapportContact) a = rapport_store_get_contact (store, pair->ids[0], NULL);
  g_autoptr(RapportContact) b = rapport_store_get_contact (store, pair->ids[1], NULL);
  g_autofree char *name_a = rapport_cli_field (a != NULL ? rapport_contact_get_name (a) : "");
  g_autofree char *name_b = rapport_cli_field (b != NULL ? rapport_contact_get_name (b) : "");

  /* Translators: two contacts that may be one person, and why (“the same
   * e-mail address”). */
  g_print (_("%lld %s and %lld %s: %s\n"), (long long) pair->ids[0], name_a, (long long) pair->ids[1],
           name_b, reason_text (pair->reasons));
}

static gboolean
cmd_duplicates_list (RapportCli  *cli,
                     GError     **error)
{
  g_autoptr(GPtrArray) pairs = NULL;

  if (rapport_cli_open_store (cli, error) == NULL ||
      (pairs = rapport_store_find_duplicate_contacts (cli->store, error)) == NULL)
    return FALSE;

  if (cli->json)
    {
      RapportJsonStream *stream = rapport_json_stream_begin ();

      for (guint i = 0; i < pairs->len; i++)
        rapport_json_stream_add (stream, pair_json (cli->store, pairs->pdata[i]));
      rapport_json_stream_end (stream);
      return rapport_cli_check_output (error);
    }
  for (guint i = 0; i < pairs->len; i++)
    print_pair (cli->store, pairs->pdata[i]);
  if (pairs->len == 0)
    g_print ("%s\n", _("No likely duplicates."));
  return rapport_cli_check_output (error);
}

const RapportCliCommand rapport_cli_duplicates_commands[] = {
  { "duplicates", "list", cmd_duplicates_list, "duplicates list [--json]",
    0, 0, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, NULL, NULL },
  { NULL }
};
