/* rapport-cli-contact.c — contact add, edit, list and show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include <string.h>

#include "rapport-cli-private.h"
#include "rapport-time.h"

/* "work=ann@example.org,home=ann@example.net": labelled values, the
 * first the primary one; a value without "LABEL=" is "other". Neither an
 * e-mail address nor a phone number holds a comma. */
static GPtrArray *
parse_values (const char  *text,
              GError     **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_contact_value_free);
  g_auto(GStrv) items = g_strsplit (text, ",", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      char *equals = strchr (item, '=');

      if (*item == '\0')
        continue;
      if (equals == NULL)
        {
          g_ptr_array_add (values, rapport_contact_value_new (NULL, item));
          continue;
        }
      *equals = '\0';
      g_strstrip (item);
      if (!rapport_contact_label_is_known (item))
        {
          rapport_cli_set_usage (error, _("A label must be work, home, mobile or other, as in “work=ann@example.org”."));
          return NULL;
        }
      g_ptr_array_add (values, rapport_contact_value_new (item, g_strstrip (equals + 1)));
    }

  return g_steal_pointer (&values);
}

/* --emails and --phones: the whole list, or NULL (unchanged) when not
 * given. FALSE for a malformed list. */
static gboolean
parse_lists (RapportCli  *cli,
             GPtrArray  **emails,
             GPtrArray  **phones,
             GError     **error)
{
  const char *emails_text = rapport_cli_string (cli, "emails");
  const char *phones_text = rapport_cli_string (cli, "phones");

  *emails = *phones = NULL;
  if (emails_text != NULL && (*emails = parse_values (emails_text, error)) == NULL)
    return FALSE;
  if (phones_text != NULL && (*phones = parse_values (phones_text, error)) == NULL)
    return FALSE;
  return TRUE;
}

static gboolean
cmd_contact_add (RapportCli  *cli,
                 GError     **error)
{
  const char *org = rapport_cli_string (cli, "org");
  const char *created_at = rapport_cli_string (cli, "created-at");
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(GPtrArray) emails = NULL;
  g_autoptr(GPtrArray) phones = NULL;
  RapportContactFields fields = { 0, };

  /* What the user typed is checked before the file is opened. */
  if ((org != NULL && !rapport_cli_require_id (org, RAPPORT_CLI_ID_ORGANIZATION, &fields.organization_id, error)) ||
      (created_at != NULL && !rapport_time_parse_iso8601 (created_at, &fields.created_at, error)) ||
      !parse_lists (cli, &emails, &phones, error))
    return FALSE;
  if ((emails != NULL && rapport_cli_string (cli, "email") != NULL) ||
      (phones != NULL && rapport_cli_string (cli, "phone") != NULL))
    return rapport_cli_set_usage (error, _("Give the primary address with --email or the whole list with --emails (its first is the primary one), not both; the same for --phone and --phones."));
  fields.has_created_at = created_at != NULL;
  if (rapport_cli_open_store (cli, error) == NULL)
    return FALSE;

  fields.name = cli->args[0];
  fields.email = rapport_cli_string (cli, "email");
  fields.phone = rapport_cli_string (cli, "phone");
  fields.source = rapport_cli_string (cli, "source");
  fields.title = rapport_cli_string (cli, "title");
  fields.emails = emails;
  fields.phones = phones;
  fields.lifecycle = rapport_cli_flag (cli, "lead") ? RAPPORT_LIFECYCLE_LEAD : RAPPORT_LIFECYCLE_CONTACT;

  if ((contact = rapport_store_add_contact (cli->store, &fields, error)) == NULL)
    return FALSE;

  if (cli->json)
    rapport_json_print (rapport_json_contact (contact));
  else
    g_print (_("Created contact %lld “%s”\n"),
             (long long) rapport_record_get_id (RAPPORT_RECORD (contact)), rapport_contact_get_name (contact));

  return TRUE;
}

static gboolean
cmd_contact_edit (RapportCli  *cli,
                  GError     **error)
{
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(GPtrArray) emails = NULL;
  g_autoptr(GPtrArray) phones = NULL;
  RapportContactDetails details = { 0, };

  if (!parse_lists (cli, &emails, &phones, error))
    return FALSE;
  details.title = rapport_cli_string (cli, "title");
  details.set_title = details.title != NULL;
  details.emails = emails;
  details.phones = phones;
  if (!details.set_title && emails == NULL && phones == NULL)
    return rapport_cli_set_usage (error, _("Say what to change with --title, --emails or --phones."));

  if ((contact = rapport_cli_find_contact (cli, cli->args[0], error)) == NULL ||
      !rapport_store_set_contact_details (cli->store, contact, &details, error))
    return FALSE;

  if (cli->json)
    rapport_json_print (rapport_json_contact_details (cli->store, contact));
  else
    g_print (_("Changed contact %lld “%s”\n"),
             (long long) rapport_record_get_id (RAPPORT_RECORD (contact)), rapport_contact_get_name (contact));
  return TRUE;
}

/* contact set ID FIELD VALUE */
static gboolean
cmd_contact_set (RapportCli  *cli,
                 GError     **error)
{
  g_autoptr(RapportContact) contact = NULL;

  if ((contact = rapport_cli_find_contact (cli, cli->args[0], error)) == NULL ||
      !rapport_cli_set_record_field (cli, RAPPORT_RECORD (contact), cli->args[1], cli->args[2], error))
    return FALSE;

  if (cli->json)
    rapport_json_print (rapport_json_contact_details (cli->store, contact));
  else
    g_print (_("Changed contact %lld “%s”\n"),
             (long long) rapport_record_get_id (RAPPORT_RECORD (contact)), rapport_contact_get_name (contact));
  return TRUE;
}

/* contact tag ID TAG [--remove] */
static gboolean
cmd_contact_tag (RapportCli  *cli,
                 GError     **error)
{
  g_autoptr(RapportContact) contact = NULL;

  if ((contact = rapport_cli_find_contact (cli, cli->args[0], error)) == NULL ||
      !rapport_cli_tag_record (cli, RAPPORT_RECORD (contact), cli->args[1], error))
    return FALSE;

  if (cli->json)
    rapport_json_print (rapport_json_contact_details (cli->store, contact));
  else
    g_print (_("Changed contact %lld “%s”\n"),
             (long long) rapport_record_get_id (RAPPORT_RECORD (contact)), rapport_contact_get_name (contact));
  return TRUE;
}

static gboolean
list_contact (gpointer   record,
              gpointer   user_data,
              GError   **error)
{
  RapportContact *contact = record;
  RapportCliListing *listing = user_data;

  if (listing->json != NULL)
    rapport_json_stream_add (listing->json, rapport_json_contact (contact));
  else
    {
      g_autofree char *name = rapport_cli_field (rapport_contact_get_name (contact));
      g_autofree char *email = rapport_cli_field (rapport_contact_get_email (contact));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n", rapport_record_get_id (RAPPORT_RECORD (contact)),
               name, email);
    }

  return rapport_cli_check_output (error);
}

static gboolean
cmd_contact_list (RapportCli  *cli,
                  GError     **error)
{
  RapportCliListing listing = { NULL, };
  gboolean walked;

  if (!rapport_cli_listing_begin (cli, &listing, error))
    return FALSE;
  walked = rapport_store_foreach_contact (cli->store, list_contact, &listing, error);
  return rapport_cli_listing_end (&listing, walked, error);
}

/* Only when there is more than the primary one, which is printed above. */
static void
print_values (const char *heading,
              GPtrArray  *values)
{
  if (values == NULL || values->len < 2)
    return;
  g_print ("%s\n", heading);
  for (guint i = 0; i < values->len; i++)
    {
      const RapportContactValue *value = values->pdata[i];

      /* Translators: a labelled e-mail address or phone number, as in
       * "  work: ann@example.org"; the label is work, home, mobile or other. */
      g_print (_("  %s: %s\n"), value->label, value->value);
    }
}

static void
print_contact (RapportStore   *store,
               RapportContact *contact)
{
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (contact));
  g_autoptr(GPtrArray) emails = rapport_store_get_contact_emails (store, id, NULL);
  g_autoptr(GPtrArray) phones = rapport_store_get_contact_phones (store, id, NULL);
  gint64 organization_id = rapport_contact_get_organization_id (contact);
  g_autoptr(RapportOrganization) organization = NULL;
  g_autoptr(GListModel) deals = rapport_store_get_contact_deals (store, id);
  g_autoptr(GListModel) notes = rapport_store_get_contact_notes (store, id);
  g_autoptr(GListModel) activities = rapport_store_get_contact_activities (store, id);
  g_autofree char *first = rapport_cli_time_or (rapport_contact_get_first_contacted_at (contact), _("not yet"));
  g_autofree char *last = rapport_cli_time_or (rapport_contact_get_last_contacted_at (contact), _("not yet"));
  g_autofree char *next = rapport_cli_time_or (rapport_contact_get_next_followup_at (contact), _("none"));

  if (organization_id != 0)
    organization = rapport_store_get_organization (store, organization_id, NULL);

  g_print ("%s\n", rapport_contact_get_name (contact));
  g_print (_("Title: %s\n"), rapport_cli_or_empty (rapport_contact_get_title (contact)));
  g_print (_("Email: %s\n"), rapport_cli_or_empty (rapport_contact_get_email (contact)));
  g_print (_("Phone: %s\n"), rapport_cli_or_empty (rapport_contact_get_phone (contact)));
  print_values (_("Email addresses:"), emails);
  print_values (_("Phone numbers:"), phones);
  g_print (_("Organization: %s\n"), organization ? rapport_organization_get_name (organization) : "");
  g_print (_("Address: %s\n"), rapport_cli_or_empty (rapport_contact_get_address (contact)));
  g_print (_("Birthday: %s\n"), rapport_cli_or_empty (rapport_contact_get_birthday (contact)));
  rapport_cli_print_tags_and_fields (store, RAPPORT_ENTITY_CONTACT, id);
  g_print (_("Owner: %s\n"), rapport_cli_or_empty (rapport_contact_get_owner (contact)));
  g_print (_("First contacted: %s\n"), first);
  g_print (_("Last contacted: %s\n"), last);
  g_print (_("Next follow-up: %s\n"), next);
  rapport_cli_print_id_list (_("Deals:"), deals);
  rapport_cli_print_notes (notes);
  rapport_cli_print_activities (activities);
}

static gboolean
cmd_contact_show (RapportCli  *cli,
                  GError     **error)
{
  g_autoptr(RapportContact) contact = NULL;

  if ((contact = rapport_cli_find_contact (cli, cli->args[0], error)) == NULL)
    return FALSE;

  if (cli->json)
    rapport_json_print (rapport_json_contact_details (cli->store, contact));
  else
    print_contact (cli->store, contact);

  return TRUE;
}

static const RapportCliOption contact_add_options[] = {
  { "email", G_OPTION_ARG_STRING, 0 },
  { "phone", G_OPTION_ARG_STRING, 0 },
  { "org", G_OPTION_ARG_STRING, 0 },
  { "lead", G_OPTION_ARG_NONE, 0 },
  { "source", G_OPTION_ARG_STRING, 0 },
  { "created-at", G_OPTION_ARG_STRING, 0 },
  { "title", G_OPTION_ARG_STRING, 0 },
  { "emails", G_OPTION_ARG_STRING, 0 },
  { "phones", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

static const RapportCliOption contact_tag_options[] = {
  { "remove", G_OPTION_ARG_NONE, 0 },
  { NULL }
};

static const RapportCliOption contact_edit_options[] = {
  { "title", G_OPTION_ARG_STRING, 0 },
  { "emails", G_OPTION_ARG_STRING, 0 },
  { "phones", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

const RapportCliCommand rapport_cli_contact_commands[] = {
  { "contact", "add", cmd_contact_add,
    "contact add NAME [--email E | --emails 'LABEL=E,…'] [--phone P | --phones 'LABEL=P,…'] [--title T]"
    " [--org ID] [--lead] [--created-at ISO8601] [--json]",
    1, 1, RAPPORT_CLI_JSON, contact_add_options, NULL },
  { "contact", "edit", cmd_contact_edit,
    "contact edit ID [--title T] [--emails 'LABEL=E,…'] [--phones 'LABEL=P,…'] [--json]",
    1, 1, RAPPORT_CLI_JSON, contact_edit_options, NULL },
  { "contact", "set", cmd_contact_set,
    "contact set ID name|email|phone|title|source|owner|address|birthday|CUSTOM-FIELD VALUE [--json]",
    3, 3, RAPPORT_CLI_JSON, NULL, NULL },
  { "contact", "tag", cmd_contact_tag, "contact tag ID TAG [--remove] [--json]",
    2, 2, RAPPORT_CLI_JSON, contact_tag_options, NULL },
  { "contact", "list", cmd_contact_list, "contact list [--json]",
    0, 0, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, NULL, NULL },
  { "contact", "show", cmd_contact_show, "contact show ID [--json]",
    1, 1, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, NULL, NULL },
  { NULL }
};
