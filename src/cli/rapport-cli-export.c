/* rapport-cli-export.c — export contacts, organizations and deals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * To the standard output, or with --output to a file written whole or
 * not at all, readable by the user alone, and never over an existing
 * file without --force.
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "rapport-cli-json.h"
#include "rapport-cli-private.h"
#include "rapport-export-file.h"
#include "rapport-ics-export.h"
#include "rapport-pipeline.h"
#include "rapport-records-csv.h"
#include "rapport-record.h"
#include "rapport-stage.h"
#include "rapport-time.h"
#include "rapport-vcard-export.h"

static gboolean
to_stdout (const char  *data,
           gsize        len,
           gpointer     user_data,
           GError     **error)
{
  if (fwrite (data, 1, len, stdout) == len)
    return TRUE;
  return rapport_cli_check_output (error);
}

static gboolean
to_file (const char  *data,
         gsize        len,
         gpointer     user_data,
         GError     **error)
{
  return rapport_export_file_write (user_data, data, len, error);
}

/* One export, streamed to @sink: a format's writer of one kind. */
typedef gboolean (*ExportFunc) (RapportStore       *store,
                                RapportImportKind   kind,
                                RapportExportSink   sink,
                                gpointer            user_data,
                                guint              *n,
                                GError            **error);

static gboolean
export_vcard (RapportStore       *store,
              RapportImportKind   kind,
              RapportExportSink   sink,
              gpointer            user_data,
              guint              *n,
              GError            **error)
{
  return rapport_vcard_export_contacts (store, sink, user_data, n, error);
}

/* Besides the import's kinds: every record, for export all. */
#define RAPPORT_EXPORT_ALL ((RapportImportKind) 100)

static void
print_wrote (RapportImportKind  kind,
             guint              n,
             const char        *file)
{
  if (kind == RAPPORT_EXPORT_ALL)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u record to “%s”\n", "Wrote %u records to “%s”\n", n), n, file);
  else if (kind == RAPPORT_IMPORT_DEALS)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u deal to “%s”\n", "Wrote %u deals to “%s”\n", n), n, file);
  else if (kind == RAPPORT_IMPORT_ORGANIZATIONS)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u organization to “%s”\n", "Wrote %u organizations to “%s”\n", n),
             n, file);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u contact to “%s”\n", "Wrote %u contacts to “%s”\n", n), n, file);
}

/* To the standard output, or whole to --output (readable by the user
 * alone: the records are their data). */
static gboolean
run_export (RapportCli         *cli,
            RapportImportKind   kind,
            ExportFunc          func,
            GError            **error)
{
  const char *output = rapport_cli_string (cli, "output");
  g_autoptr(RapportExportFile) file = NULL;
  g_autofree char *display = NULL;
  guint n = 0;

  /* A file that is there already is refused before anything is read. */
  if (output != NULL && !rapport_export_file_check (output, rapport_cli_flag (cli, "force"), error))
    return FALSE;
  if (rapport_cli_open_store (cli, error) == NULL)
    return FALSE;

  if (output == NULL)
    return func (cli->store, kind, to_stdout, NULL, &n, error) &&
           fflush (stdout) == 0 && rapport_cli_check_output (error);

  if ((file = rapport_export_file_new_private (output, rapport_cli_flag (cli, "force"), error)) == NULL ||
      !func (cli->store, kind, to_file, file, &n, error) ||
      !rapport_export_file_commit (file, error))
    return FALSE;

  display = g_filename_display_name (output);
  print_wrote (kind, n, display);
  return TRUE;
}

static gboolean
cmd_export_contacts (RapportCli  *cli,
                     GError     **error)
{
  const char *format = rapport_cli_string (cli, "format");

  if (g_strcmp0 (format, "vcard") == 0)
    return run_export (cli, RAPPORT_IMPORT_CONTACTS, export_vcard, error);
  if (g_strcmp0 (format, "csv") == 0)
    return run_export (cli, RAPPORT_IMPORT_CONTACTS, rapport_records_csv_export, error);
  return rapport_cli_set_usage (error, _("Say the format with --format csv or --format vcard."));
}

static gboolean
run_csv (RapportCli         *cli,
         RapportImportKind   kind,
         GError            **error)
{
  if (g_strcmp0 (rapport_cli_string (cli, "format"), "csv") != 0)
    return rapport_cli_set_usage (error, _("Say the format with --format csv."));
  return run_export (cli, kind, rapport_records_csv_export, error);
}

static gboolean
cmd_export_organizations (RapportCli  *cli,
                          GError     **error)
{
  return run_csv (cli, RAPPORT_IMPORT_ORGANIZATIONS, error);
}

static gboolean
cmd_export_deals (RapportCli  *cli,
                  GError     **error)
{
  return run_csv (cli, RAPPORT_IMPORT_DEALS, error);
}

/* export all --format json: one document with every record, each as
 * `show --json` prints it, streamed one record at a time (a record per
 * line) so the whole file never sits in memory. */
typedef struct
{
  RapportStore      *store;
  RapportExportSink  sink;
  gpointer           user_data;
  JsonGenerator     *generator;
  gboolean           first;      /* no record of the current list yet */
  guint              n;
} JsonExport;

static gboolean
put (JsonExport  *out,
     const char  *text,
     GError     **error)
{
  return out->sink (text, strlen (text), out->user_data, error);
}

static gboolean
put_node (JsonExport  *out,
          JsonNode    *node,
          GError     **error)
{
  g_autofree char *text = NULL;
  gboolean ok;

  json_generator_set_root (out->generator, node);
  text = json_generator_to_data (out->generator, NULL);
  json_generator_set_root (out->generator, NULL);
  json_node_unref (node);
  ok = put (out, out->first ? "\n    " : ",\n    ", error) && put (out, text, error);
  out->first = FALSE;
  out->n++;
  return ok;
}

static gboolean
put_list_begin (JsonExport  *out,
                const char  *name,
                GError     **error)
{
  g_autofree char *text = g_strdup_printf (",\n  \"%s\": [", name);

  out->first = TRUE;
  return put (out, text, error);
}

static gboolean
put_list_end (JsonExport  *out,
              GError     **error)
{
  return put (out, out->first ? "]" : "\n  ]", error);
}

static gboolean
put_organization (gpointer   record,
                  gpointer   user_data,
                  GError   **error)
{
  JsonExport *out = user_data;

  return put_node (out, rapport_json_organization_details (out->store, record), error);
}

static gboolean
put_contact (gpointer   record,
             gpointer   user_data,
             GError   **error)
{
  JsonExport *out = user_data;

  return put_node (out, rapport_json_contact_details (out->store, record), error);
}

static gboolean
put_deal (gpointer   record,
          gpointer   user_data,
          GError   **error)
{
  JsonExport *out = user_data;
  JsonNode *node = rapport_json_deal_details (out->store, record, error);

  return node != NULL && put_node (out, node, error);
}

static JsonNode *
pipeline_json (RapportStore    *store,
               RapportPipeline *pipeline)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *stages = rapport_store_get_stages (store, pipeline);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, rapport_record_get_id (RAPPORT_RECORD (pipeline)));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, rapport_pipeline_get_name (pipeline));
  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);

      json_builder_add_value (builder, rapport_json_stage (stage));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The fields the team defined, contacts' then organizations'. */
static gboolean
put_custom_fields (JsonExport  *out,
                   GError     **error)
{
  static const RapportEntity kinds[] = { RAPPORT_ENTITY_CONTACT, RAPPORT_ENTITY_ORGANIZATION };

  if (!put_list_begin (out, "custom_fields", error))
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) fields = rapport_store_get_custom_fields (out->store, kinds[k], error);

      if (fields == NULL)
        return FALSE;
      for (guint i = 0; i < fields->len; i++)
        if (!put_node (out, rapport_json_custom_field (fields->pdata[i]), error))
          return FALSE;
    }
  return put_list_end (out, error);
}

static gboolean
put_pipelines_and_goals (JsonExport  *out,
                         GError     **error)
{
  GListModel *pipelines = rapport_store_get_pipelines (out->store);
  GListModel *goals = rapport_store_get_goals (out->store);

  if (!put_list_begin (out, "pipelines", error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (pipelines); i++)
    {
      g_autoptr(RapportPipeline) pipeline = g_list_model_get_item (pipelines, i);

      if (!put_node (out, pipeline_json (out->store, pipeline), error))
        return FALSE;
    }
  if (!put_list_end (out, error) || !put_list_begin (out, "goals", error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(RapportGoal) goal = g_list_model_get_item (goals, i);

      if (!put_node (out, rapport_json_goal (goal, NULL), error))
        return FALSE;
    }
  return put_list_end (out, error) && put_custom_fields (out, error);
}

static gboolean
export_json (RapportStore       *store,
             RapportImportKind   kind,
             RapportExportSink   sink,
             gpointer            user_data,
             guint              *n,
             GError            **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *now = rapport_time_to_iso8601 (rapport_store_now (store));
  g_autofree char *head = g_strdup_printf ("{\n  \"format\": \"rapport\",\n  \"version\": 1,\n"
                                           "  \"schema_version\": %d,\n  \"exported_at\": \"%s\",\n"
                                           "  \"default_currency\": \"%s\"",
                                           RAPPORT_SCHEMA_VERSION, now, rapport_store_get_default_currency (store));
  JsonExport out = { store, sink, user_data, generator, TRUE, 0 };
  gboolean ok;

  ok = put (&out, head, error) && put_pipelines_and_goals (&out, error) &&
       put_list_begin (&out, "organizations", error) &&
       rapport_store_foreach_organization (store, put_organization, &out, error) &&
       put_list_end (&out, error) && put_list_begin (&out, "contacts", error) &&
       rapport_store_foreach_contact (store, put_contact, &out, error) &&
       put_list_end (&out, error) && put_list_begin (&out, "deals", error) &&
       rapport_store_foreach_deal (store, NULL, put_deal, &out, error) &&
       put_list_end (&out, error) && put (&out, "\n}\n", error);
  *n = out.n;
  return ok;
}

static gboolean
cmd_export_all (RapportCli  *cli,
                GError     **error)
{
  if (g_strcmp0 (rapport_cli_string (cli, "format"), "json") != 0)
    return rapport_cli_set_usage (error, _("Say the format with --format json."));
  return run_export (cli, RAPPORT_EXPORT_ALL, export_json, error);
}

/* To --output FILE whole (0600, refused if there unless --force), else
 * to the standard output. */
static gboolean
cmd_export_followups (RapportCli  *cli,
                      GError     **error)
{
  const char *output = rapport_cli_string (cli, "output");
  g_autofree char *text = NULL;

  if (g_strcmp0 (rapport_cli_string (cli, "format"), "ics") != 0)
    return rapport_cli_set_usage (error, _("Follow-ups are exported with --format ics."));
  if (rapport_cli_open_store (cli, error) == NULL)
    return FALSE;

  if (output != NULL)
    {
      if (!rapport_ics_write_followups (cli->store, output, rapport_cli_flag (cli, "force"), error))
        return FALSE;
      /* Translators: %s is the file the calendar was written to. */
      g_printerr (_("The follow-ups were written to %s.\n"), output);
      return TRUE;
    }

  if ((text = rapport_ics_export_followups (cli->store, error)) == NULL)
    return FALSE;
  fputs (text, stdout);
  fflush (stdout);
  return rapport_cli_check_output (error);
}

static const RapportCliOption export_options[] = {
  { "format", G_OPTION_ARG_STRING, 0 },
  { "output", G_OPTION_ARG_STRING, 0 },
  { "force", G_OPTION_ARG_NONE, 0 },
  { NULL }
};

const RapportCliCommand rapport_cli_export_commands[] = {
  { "export", "contacts", cmd_export_contacts,
    "export contacts --format csv|vcard [--output FILE] [--force]",
    0, 0, RAPPORT_CLI_READS_ONLY, export_options, NULL },
  { "export", "organizations", cmd_export_organizations,
    "export organizations --format csv [--output FILE] [--force]",
    0, 0, RAPPORT_CLI_READS_ONLY, export_options, NULL },
  { "export", "deals", cmd_export_deals,
    "export deals --format csv [--output FILE] [--force]",
    0, 0, RAPPORT_CLI_READS_ONLY, export_options, NULL },
  { "export", "all", cmd_export_all,
    "export all --format json [--output FILE] [--force]",
    0, 0, RAPPORT_CLI_READS_ONLY, export_options, NULL },
  { "export", "followups", cmd_export_followups,
    "export followups --format ics [--output FILE] [--force]", 0, 0, 0, export_options, NULL },
  { NULL }
};
