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

#include "rapport-cli-private.h"
#include "rapport-export-file.h"
#include "rapport-records-csv.h"
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

static void
print_wrote (RapportImportKind  kind,
             guint              n,
             const char        *file)
{
  if (kind == RAPPORT_IMPORT_DEALS)
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
  { NULL }
};
