/* rapport-cli-field.c — field add and list; what contact set / tag and
 * org set / tag share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include <string.h>

#include "rapport-cli-private.h"

/* The record's own fields that `set` may write, by the name typed; a
 * property of the same name. Anything else is a custom field's name. */
static const char * const contact_own_fields[] = {
  "name", "email", "phone", "title", "source", "owner", "address", "birthday", NULL,
};

static const char * const organization_own_fields[] = {
  "name", "website", "phone", "address", "industry", "size", NULL,
};

static gboolean
parse_entity (const char     *text,
              RapportEntity  *entity)
{
  if (g_strcmp0 (text, "contact") == 0)
    *entity = RAPPORT_ENTITY_CONTACT;
  else if (g_strcmp0 (text, "organization") == 0 || g_strcmp0 (text, "org") == 0)
    *entity = RAPPORT_ENTITY_ORGANIZATION;
  else
    return FALSE;
  return TRUE;
}

/* A size is a whole number of employees; "" clears it. */
static gboolean
parse_size (const char  *text,
            GValue      *value,
            GError     **error)
{
  gint64 size = 0;

  g_value_init (value, G_TYPE_INT64);
  if (*text != '\0' && !rapport_id_parse (text, &size) && g_strcmp0 (text, "0") != 0)
    return rapport_cli_set_usage (error, _("A size is a whole number of employees, as in 250."));
  g_value_set_int64 (value, size);
  return TRUE;
}

static gboolean
set_own_field (RapportCli     *cli,
               RapportRecord  *record,
               const char     *field,
               const char     *text,
               GError        **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (g_str_equal (field, "size"))
    {
      if (!parse_size (text, &value, error))
        return FALSE;
    }
  else
    {
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, text);
    }
  return rapport_store_update (cli->store, record, field, &value, error);
}

gboolean
rapport_cli_set_record_field (RapportCli     *cli,
                              RapportRecord  *record,
                              const char     *field,
                              const char     *text,
                              GError        **error)
{
  RapportEntity entity = RAPPORT_IS_CONTACT (record) ? RAPPORT_ENTITY_CONTACT : RAPPORT_ENTITY_ORGANIZATION;
  const char * const *own = entity == RAPPORT_ENTITY_CONTACT ? contact_own_fields : organization_own_fields;
  g_autoptr(RapportCustomField) custom = NULL;

  if (g_strv_contains (own, field))
    return set_own_field (cli, record, field, text, error);

  if ((custom = rapport_store_find_custom_field (cli->store, entity, field, error)) == NULL)
    return FALSE;
  return rapport_store_set_custom_value (cli->store, rapport_record_get_id (record), custom, text, error);
}

gboolean
rapport_cli_tag_record (RapportCli     *cli,
                        RapportRecord  *record,
                        const char     *tag,
                        GError        **error)
{
  RapportEntity entity = RAPPORT_IS_CONTACT (record) ? RAPPORT_ENTITY_CONTACT : RAPPORT_ENTITY_ORGANIZATION;

  return rapport_store_set_tag (cli->store, entity, rapport_record_get_id (record), tag,
                                !rapport_cli_flag (cli, "remove"), error);
}

/* "A,B, C": the choices, in order. */
static GStrv
parse_choices (const char *text)
{
  g_auto(GStrv) items = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);

      if (*item != '\0')
        g_strv_builder_add (builder, item);
    }
  return g_strv_builder_end (builder);
}

static gboolean
cmd_field_add (RapportCli  *cli,
               GError     **error)
{
  const char *type_text = rapport_cli_string (cli, "type");
  const char *choices_text = rapport_cli_string (cli, "choices");
  g_auto(GStrv) choices = NULL;
  g_autoptr(RapportCustomField) field = NULL;
  RapportFieldType type = RAPPORT_FIELD_TEXT;
  RapportEntity entity;

  if (!parse_entity (cli->args[0], &entity))
    return rapport_cli_set_usage (error, _("Say whose field it is: contact or organization."));
  if (type_text != NULL && !rapport_field_type_from_string (type_text, &type))
    return rapport_cli_set_usage (error, _("A field’s type is text, number, date or choice."));
  if ((type == RAPPORT_FIELD_CHOICE) != (choices_text != NULL))
    return rapport_cli_set_usage (error, _("A choice field, and only a choice field, takes --choices A,B,…"));
  if (choices_text != NULL)
    choices = parse_choices (choices_text);
  if (rapport_cli_open_store (cli, error) == NULL)
    return FALSE;

  field = rapport_store_add_custom_field (cli->store, entity, cli->args[1], type,
                                          (const char * const *) choices, error);
  if (field == NULL)
    return FALSE;

  if (cli->json)
    rapport_json_print (rapport_json_custom_field (field));
  else
    g_print (_("Created field %lld “%s”\n"), (long long) field->id, field->name);
  return TRUE;
}

static gboolean
list_fields (RapportCli         *cli,
             RapportEntity       entity,
             RapportCliListing  *listing,
             GError            **error)
{
  g_autoptr(GPtrArray) fields = rapport_store_get_custom_fields (cli->store, entity, error);

  if (fields == NULL)
    return FALSE;
  for (guint i = 0; i < fields->len; i++)
    {
      const RapportCustomField *field = fields->pdata[i];

      if (listing->json != NULL)
        rapport_json_stream_add (listing->json, rapport_json_custom_field (field));
      else
        {
          g_autofree char *name = rapport_cli_field (field->name);
          g_autofree char *choices = g_strjoinv (",", field->choices);

          g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n", field->id,
                   entity == RAPPORT_ENTITY_CONTACT ? "contact" : "organization",
                   name, rapport_field_type_to_string (field->type), choices);
        }
      if (!rapport_cli_check_output (error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
cmd_field_list (RapportCli  *cli,
                GError     **error)
{
  RapportCliListing listing = { NULL, };
  RapportEntity entity = RAPPORT_ENTITY_CONTACT;
  gboolean walked;

  if (cli->n_args > 0 && !parse_entity (cli->args[0], &entity))
    return rapport_cli_set_usage (error, _("Say whose fields to list: contact or organization."));
  if (!rapport_cli_listing_begin (cli, &listing, error))
    return FALSE;
  walked = ((cli->n_args > 0 && entity != RAPPORT_ENTITY_CONTACT) ||
            list_fields (cli, RAPPORT_ENTITY_CONTACT, &listing, error)) &&
           ((cli->n_args > 0 && entity != RAPPORT_ENTITY_ORGANIZATION) ||
            list_fields (cli, RAPPORT_ENTITY_ORGANIZATION, &listing, error));
  return rapport_cli_listing_end (&listing, walked, error);
}

static const RapportCliOption field_add_options[] = {
  { "type", G_OPTION_ARG_STRING, 0 },
  { "choices", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

const RapportCliCommand rapport_cli_field_commands[] = {
  { "field", "add", cmd_field_add,
    "field add contact|organization NAME [--type text|number|date|choice] [--choices A,B,…] [--json]",
    2, 2, RAPPORT_CLI_JSON, field_add_options, NULL },
  { "field", "list", cmd_field_list, "field list [contact|organization] [--json]",
    0, 1, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, NULL, NULL },
  { NULL }
};
