/* rapport-cli-file.c — the database file itself: init and its pipeline's
 * stages, demo data, check, backup and restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include "rapport-cli-private.h"
#include "rapport-templates.h"

static gboolean
cmd_init (RapportCli  *cli,
          GError     **error)
{
  const char *template_id = rapport_cli_string (cli, "template");
  g_autoptr(RapportPipeline) pipeline = NULL;

  if (template_id != NULL && rapport_templates_find (template_id) == NULL)
    return rapport_cli_set_usage (error, _("unknown template"));

  /* A new file starts with the named template's pipeline. */
  cli->template_id = template_id;
  if (rapport_cli_open_store (cli, error) == NULL)
    return FALSE;

  pipeline = rapport_store_get_current_pipeline (cli->store);

  /* On an existing file, a named template becomes the current pipeline:
   * added and made current in one transaction. */
  if (template_id != NULL && g_strcmp0 (rapport_pipeline_get_template (pipeline), template_id) != 0)
    {
      g_clear_object (&pipeline);
      if ((pipeline = rapport_store_use_template (cli->store, template_id, error)) == NULL)
        return FALSE;
    }

  g_print (_("Database ready: %s (pipeline “%s”)\n"),
           rapport_store_get_path (cli->store), rapport_pipeline_get_name (pipeline));
  return TRUE;
}

static gboolean
cmd_demo (RapportCli  *cli,
          GError     **error)
{
  int deals = rapport_cli_int (cli, "deals");
  int contacts = rapport_cli_int (cli, "contacts");
  gint64 start;

  if (deals < 0 || deals > 1000000 || contacts < 0 || contacts > 2000000)
    return rapport_cli_set_usage (error, _("--deals and --contacts take 0 to 1 000 000 and 2 000 000"));
  if (rapport_cli_open_store (cli, error) == NULL)
    return FALSE;

  start = g_get_monotonic_time ();
  if (!rapport_store_fill_demo (cli->store, (guint) deals, (guint) contacts,
                                (guint32) rapport_cli_int (cli, "seed"), error))
    return FALSE;

  g_print (_("Added %d demo deals and %d contacts in %.1f s\n"),
           deals, contacts, (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

static gboolean
cmd_check (RapportCli  *cli,
           GError     **error)
{
  g_autofree char *report = NULL;

  if (rapport_cli_open_store (cli, error) == NULL)
    return FALSE;

  /* What is wrong, in detail, before the one-line error. */
  if (!rapport_store_check (cli->store, &report, error))
    {
      g_printerr ("%s", report ? report : "");
      return FALSE;
    }

  g_print (_("The database is sound: %s\n"), rapport_store_get_path (cli->store));
  return TRUE;
}

static gboolean
cmd_backup (RapportCli  *cli,
            GError     **error)
{
  if (rapport_cli_open_store (cli, error) == NULL || !rapport_store_backup (cli->store, cli->args[0], error))
    return FALSE;

  g_print (_("Backed up %s to %s\n"), rapport_store_get_path (cli->store), cli->args[0]);
  return TRUE;
}

static gboolean
cmd_restore (RapportCli  *cli,
             GError     **error)
{
  g_autofree char *saved = NULL;

  if (rapport_cli_open_store (cli, error) == NULL ||
      !rapport_store_restore (cli->store, cli->args[0], &saved, error))
    return FALSE;

  g_print (_("Restored %s from %s; the data it held before is saved in %s\n"),
           rapport_store_get_path (cli->store), cli->args[0], saved);
  return TRUE;
}

static const RapportCliOption init_options[] = {
  { "template", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

static const RapportCliOption demo_options[] = {
  { "deals", G_OPTION_ARG_INT, 300 },
  { "contacts", G_OPTION_ARG_INT, 600 },
  { "seed", G_OPTION_ARG_INT, 42 },
  { NULL }
};

/* First in the help: setting up a file and seeing its pipeline. */
const RapportCliCommand rapport_cli_setup_commands[] = {
  { NULL, "init", cmd_init, "init [--template classic5|cycle7|repeat5|consultative7|field7]",
    0, 0, 0, init_options, N_("init takes no arguments") },
  { NULL }
};

/* Last in the help: looking after the file. A check or a backup only
 * reads, so it never upgrades the file it looks at. */
const RapportCliCommand rapport_cli_file_commands[] = {
  { NULL, "demo", cmd_demo, "demo [--deals N] [--contacts N] [--seed N]",
    0, 0, 0, demo_options, NULL },
  { NULL, "check", cmd_check, "check", 0, 0, RAPPORT_CLI_READS_ONLY, NULL, NULL },
  { NULL, "backup", cmd_backup, "backup FILE", 1, 1, RAPPORT_CLI_READS_ONLY, NULL, NULL },
  { NULL, "restore", cmd_restore, "restore FILE", 1, 1, 0, NULL, NULL },
  { NULL }
};
