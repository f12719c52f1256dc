/* rapport-cli-export.c — export contacts
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

static gboolean
cmd_export_contacts (RapportCli  *cli,
                     GError     **error)
{
  const char *output = rapport_cli_string (cli, "output");
  g_autoptr(RapportExportFile) file = NULL;
  guint n = 0;

  if (g_strcmp0 (rapport_cli_string (cli, "format"), "vcard") != 0)
    return rapport_cli_set_usage (error, _("Say the format with --format vcard."));
  /* A file that is there already is refused before anything is read. */
  if (output != NULL && !rapport_export_file_check (output, rapport_cli_flag (cli, "force"), error))
    return FALSE;
  if (rapport_cli_open_store (cli, error) == NULL)
    return FALSE;

  if (output == NULL)
    return rapport_vcard_export_contacts (cli->store, to_stdout, NULL, &n, error) &&
           fflush (stdout) == 0 && rapport_cli_check_output (error);

  if ((file = rapport_export_file_new_private (output, rapport_cli_flag (cli, "force"), error)) == NULL ||
      !rapport_vcard_export_contacts (cli->store, to_file, file, &n, error) ||
      !rapport_export_file_commit (file, error))
    return FALSE;

  {
    g_autofree char *display = g_filename_display_name (output);

    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u contact to “%s”\n", "Wrote %u contacts to “%s”\n", n),
             n, display);
  }
  return TRUE;
}

static const RapportCliOption export_contacts_options[] = {
  { "format", G_OPTION_ARG_STRING, 0 },
  { "output", G_OPTION_ARG_STRING, 0 },
  { "force", G_OPTION_ARG_NONE, 0 },
  { NULL }
};

const RapportCliCommand rapport_cli_export_commands[] = {
  { "export", "contacts", cmd_export_contacts,
    "export contacts --format vcard [--output FILE] [--force]",
    0, 0, RAPPORT_CLI_READS_ONLY, export_contacts_options, NULL },
  { NULL }
};
