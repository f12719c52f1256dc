/* rapport-cli-delete.c — deal, contact, org, activity, followup, note and
 * negotiation delete; contact erase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each says what it deleted and what went with it, one whole sentence a
 * line. The command line has no undo: the app's Ctrl+Z brings a delete
 * back, a script's is for good.
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include "rapport-cli-json.h"
#include "rapport-cli-private.h"
#include "rapport-contact.h"
#include "rapport-record.h"

typedef struct
{
  const char       *group;
  RapportEntity     entity;
  RapportCliIdKind  id_kind;
  const char       *word;     /* for --json */
} Deletable;

static const Deletable deletables[] = {
  { "deal", RAPPORT_ENTITY_DEAL, RAPPORT_CLI_ID_DEAL, "deal" },
  { "contact", RAPPORT_ENTITY_CONTACT, RAPPORT_CLI_ID_CONTACT, "contact" },
  { "org", RAPPORT_ENTITY_ORGANIZATION, RAPPORT_CLI_ID_ORGANIZATION, "organization" },
  { "activity", RAPPORT_ENTITY_ACTIVITY, RAPPORT_CLI_ID_ACTIVITY, "activity" },
  { "followup", RAPPORT_ENTITY_ACTIVITY, RAPPORT_CLI_ID_FOLLOWUP, "activity" },
  { "note", RAPPORT_ENTITY_NOTE, RAPPORT_CLI_ID_NOTE, "note" },
  { "negotiation", RAPPORT_ENTITY_NEGOTIATION_ENTRY, RAPPORT_CLI_ID_NEGOTIATION_ENTRY, "negotiation_entry" },
};

static const Deletable *
deletable_of (RapportCli *cli)
{
  for (guint i = 0; i < G_N_ELEMENTS (deletables); i++)
    if (g_str_equal (deletables[i].group, cli->command->group))
      return &deletables[i];
  g_return_val_if_reached (NULL);
}

/* The record's name, for the first sentence: a title or a name where it
 * has one. */
static char *
name_of (RapportCli    *cli,
         RapportEntity  entity,
         gint64         id)
{
  if (entity == RAPPORT_ENTITY_DEAL)
    {
      g_autoptr(RapportDeal) deal = rapport_store_get_deal (cli->store, id, NULL);

      return deal != NULL ? rapport_cli_field (rapport_deal_get_title (deal)) : NULL;
    }
  if (entity == RAPPORT_ENTITY_CONTACT || entity == RAPPORT_ENTITY_ORGANIZATION)
    {
      g_autofree char *name = rapport_store_merge_field_text (cli->store, entity, id, 0);

      return name != NULL ? rapport_cli_field (name) : NULL;
    }
  return NULL;
}

static void
print_deleted (RapportEntity  entity,
               gint64         id,
               const char    *name)
{
  switch ((int) entity)
    {
    case RAPPORT_ENTITY_DEAL:
      g_print (_("Deleted the deal “%s”.\n"), name);
      break;
    case RAPPORT_ENTITY_CONTACT:
      g_print (_("Deleted the contact “%s”.\n"), name);
      break;
    case RAPPORT_ENTITY_ORGANIZATION:
      g_print (_("Deleted the organization “%s”.\n"), name);
      break;
    case RAPPORT_ENTITY_ACTIVITY:
      g_print (_("Deleted activity %lld.\n"), (long long) id);
      break;
    case RAPPORT_ENTITY_NOTE:
      g_print (_("Deleted note %lld.\n"), (long long) id);
      break;
    default:
      g_print (_("Deleted negotiation entry %lld.\n"), (long long) id);
      break;
    }
}

static void
print_effects (RapportEntity               entity,
               const RapportDeleteEffects *effects)
{
  if (effects->activities > 0)
    g_print (ngettext ("%u activity was deleted with it.\n", "%u activities were deleted with it.\n",
                       effects->activities), effects->activities);
  if (effects->notes > 0)
    g_print (ngettext ("%u note was deleted with it.\n", "%u notes were deleted with it.\n", effects->notes),
             effects->notes);
  if (effects->negotiation_entries > 0)
    g_print (ngettext ("%u negotiation entry was deleted with it.\n", "%u negotiation entries were deleted with it.\n",
                       effects->negotiation_entries), effects->negotiation_entries);
  if (effects->deals_kept > 0 && entity == RAPPORT_ENTITY_CONTACT)
    g_print (ngettext ("%u deal stays, without its contact.\n", "%u deals stay, without their contact.\n",
                       effects->deals_kept), effects->deals_kept);
  if (effects->deals_kept > 0 && entity == RAPPORT_ENTITY_ORGANIZATION)
    g_print (ngettext ("%u deal stays, without its organization.\n", "%u deals stay, without their organization.\n",
                       effects->deals_kept), effects->deals_kept);
  if (effects->contacts_kept > 0)
    g_print (ngettext ("%u contact stays, without the organization.\n", "%u contacts stay, without the organization.\n",
                       effects->contacts_kept), effects->contacts_kept);
}

static JsonNode *
effects_json (const Deletable            *deletable,
              gint64                      id,
              const RapportDeleteEffects *effects)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "deleted");
  json_builder_add_string_value (builder, deletable->word);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  json_builder_set_member_name (builder, "activities");
  json_builder_add_int_value (builder, effects->activities);
  json_builder_set_member_name (builder, "notes");
  json_builder_add_int_value (builder, effects->notes);
  json_builder_set_member_name (builder, "negotiation_entries");
  json_builder_add_int_value (builder, effects->negotiation_entries);
  json_builder_set_member_name (builder, "deals_kept");
  json_builder_add_int_value (builder, effects->deals_kept);
  json_builder_set_member_name (builder, "contacts_kept");
  json_builder_add_int_value (builder, effects->contacts_kept);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
cmd_delete (RapportCli  *cli,
            GError     **error)
{
  const Deletable *deletable = deletable_of (cli);
  RapportDeleteEffects effects;
  g_autofree char *name = NULL;
  gint64 id;

  if (!rapport_cli_require_id (cli->args[0], deletable->id_kind, &id, error) ||
      rapport_cli_open_store (cli, error) == NULL ||
      !rapport_store_count_delete (cli->store, deletable->entity, id, &effects, error))
    return FALSE;
  name = name_of (cli, deletable->entity, id);
  if (!rapport_store_delete_record (cli->store, deletable->entity, id, NULL, error))
    return FALSE;

  if (cli->json)
    rapport_json_print (effects_json (deletable, id, &effects));
  else
    {
      print_deleted (deletable->entity, id, name != NULL ? name : "");
      print_effects (deletable->entity, &effects);
    }
  return rapport_cli_check_output (error);
}

/* contact erase ID --yes: no undo, so it is asked for in so many words. */
static gboolean
cmd_contact_erase (RapportCli  *cli,
                   GError     **error)
{
  g_autoptr(RapportContact) contact = NULL;
  g_autofree char *name = NULL;
  gboolean bytes_gone;
  gint64 id;

  if ((contact = rapport_cli_find_contact (cli, cli->args[0], error)) == NULL)
    return FALSE;
  id = rapport_record_get_id (RAPPORT_RECORD (contact));
  name = rapport_cli_field (rapport_contact_get_name (contact));
  if (!rapport_cli_flag (cli, "yes"))
    {
      g_set_error (error, RAPPORT_CLI_ERROR, RAPPORT_CLI_ERROR_USAGE,
                   _("Erasing “%s” cannot be undone; add --yes to erase them for good."), name);
      return FALSE;
    }
  g_clear_object (&contact);
  if (!rapport_store_erase_contact (cli->store, id, &bytes_gone, error))
    return FALSE;

  g_print (_("Erased “%s” for good.\n"), name);
  if (!bytes_gone)
    g_print ("%s\n", _("Another program is still reading the file; the last of the erased bytes go when it is done."));
  return rapport_cli_check_output (error);
}

static const RapportCliOption erase_options[] = {
  { "yes", G_OPTION_ARG_NONE, 0 },
  { NULL }
};

const RapportCliCommand rapport_cli_delete_commands[] = {
  { "deal", "delete", cmd_delete, "deal delete ID [--json]", 1, 1, RAPPORT_CLI_JSON, NULL, NULL },
  { "contact", "delete", cmd_delete, "contact delete ID [--json]", 1, 1, RAPPORT_CLI_JSON, NULL, NULL },
  { "contact", "erase", cmd_contact_erase, "contact erase ID --yes", 1, 1, 0, erase_options, NULL },
  { "org", "delete", cmd_delete, "org delete ID [--json]", 1, 1, RAPPORT_CLI_JSON, NULL, NULL },
  { "activity", "delete", cmd_delete, "activity delete ID [--json]", 1, 1, RAPPORT_CLI_JSON, NULL, NULL },
  { "followup", "delete", cmd_delete, "followup delete ID [--json]", 1, 1, RAPPORT_CLI_JSON, NULL, NULL },
  { "note", "delete", cmd_delete, "note delete ID [--json]", 1, 1, RAPPORT_CLI_JSON, NULL, NULL },
  { "negotiation", "delete", cmd_delete, "negotiation delete ID [--json]", 1, 1, RAPPORT_CLI_JSON, NULL, NULL },
  { NULL }
};
