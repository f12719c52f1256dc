/* rapport-cli.c — Rapport's scriptable command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status: 0 success; 1 a user error (unknown id, empty title, a file
 * that is not a Rapport database, …) with one line on stderr; 2 a usage
 * error. Scripts and tests rely on both the status and the --json shapes.
 *
 * This file holds main(): the global options, the help and the dispatch
 * to a command of the tables that rapport-cli-*.c export.
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "rapport-cli-private.h"
#include "rapport-validate.h"

/* In the order the help lists them. */
static const RapportCliCommand * const tables[] = {
  rapport_cli_setup_commands,
  rapport_cli_process_commands,
  rapport_cli_org_commands,
  rapport_cli_contact_commands,
  rapport_cli_deal_commands,
  rapport_cli_note_commands,
  rapport_cli_search_commands,
  rapport_cli_followup_commands,
  rapport_cli_report_commands,
  rapport_cli_goal_commands,
  rapport_cli_settings_commands,
  rapport_cli_import_commands,
  rapport_cli_export_commands,
  rapport_cli_duplicates_commands,
  rapport_cli_delete_commands,
  rapport_cli_file_commands,
  rapport_cli_field_commands,
  rapport_cli_aftersales_commands,
  rapport_cli_team_commands,
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s", _("Usage: rapport-cli [--db FILE] COMMAND [ARGS…]\n\n"
                        "Rapport's command line: the same data as the app, for scripts.\n"
                        "Without --db it uses the app's database in $XDG_DATA_HOME/rapport.\n\n"
                        "Commands:\n"));
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (const RapportCliCommand *command = tables[t]; command->name != NULL; command++)
      fprintf (out, "  %s\n", command->usage);
}

/* What the CLI prints for people never carries a control character other
 * than tabs and newlines, nor invalid UTF-8: a name cannot move the cursor,
 * clear the screen or retitle the terminal (JSON is escaped by json-glib). */
static void
print_to_stdout (const char *text)
{
  g_autofree char *escaped = rapport_text_escape (text, TRUE);

  fputs (escaped, stdout);
}

static void
print_to_stderr (const char *text)
{
  g_autofree char *escaped = rapport_text_escape (text, TRUE);

  fputs (escaped, stderr);
}

/* The command that @words begin with: "deal show …" or "search …".
 * @skip is set to the index of its last word. */
static const RapportCliCommand *
find_command (int     n_words,
              char  **words,
              int    *skip)
{
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (const RapportCliCommand *command = tables[t]; command->name != NULL; command++)
      {
        if (command->group == NULL && g_str_equal (words[0], command->name))
          *skip = 0;
        else if (command->group != NULL && g_str_equal (words[0], command->group) &&
                 n_words > 1 && g_str_equal (words[1], command->name))
          *skip = 1;
        else
          continue;

        return command;
      }

  return NULL;
}

int
main (int    argc,
      char **argv)
{
  RapportCli cli = { NULL, };
  const RapportCliCommand *command;
  int skip;
  g_autofree char *quoted = NULL;
  int first = 1;
  int status;

  setlocale (LC_ALL, "");
  /* RAPPORT_LOCALEDIR: the build tree's translations, for a run that is
   * not installed (build-aux/dev run, the tests). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RAPPORT_LOCALEDIR") != NULL ? g_getenv ("RAPPORT_LOCALEDIR")
                                                                          : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_print_handler (print_to_stdout);
  g_set_printerr_handler (print_to_stderr);

  /* Global options come before the command. */
  while (first < argc && argv[first][0] == '-')
    {
      if (g_str_equal (argv[first], "--db") && first + 1 < argc)
        {
          cli.db_path = argv[first + 1];
          first += 2;
        }
      else if (g_str_has_prefix (argv[first], "--db="))
        cli.db_path = argv[first++] + strlen ("--db=");
      else if (g_str_equal (argv[first], "--help") || g_str_equal (argv[first], "-h"))
        {
          print_help (stdout);
          return 0;
        }
      else if (g_str_equal (argv[first], "--version"))
        {
          g_print ("rapport-cli %s\n", PACKAGE_VERSION);
          return 0;
        }
      else
        {
          quoted = rapport_text_quote (argv[first]);
          g_printerr (_("rapport-cli: unknown option %s\n"), quoted);
          print_help (stderr);
          return RAPPORT_CLI_EXIT_USAGE;
        }
    }

  if (first >= argc)
    {
      print_help (stderr);
      return RAPPORT_CLI_EXIT_USAGE;
    }

  if ((command = find_command (argc - first, argv + first, &skip)) != NULL)
    {
      /* The command sees argv[0] as its own name, then its arguments. */
      status = rapport_cli_run (&cli, command, argc - first - skip, argv + first + skip);
      rapport_cli_clear (&cli);
      return status;
    }

  quoted = rapport_text_quote (argv[first]);
  g_printerr (_("rapport-cli: unknown command “%s”\n"), quoted);
  print_help (stderr);
  return RAPPORT_CLI_EXIT_USAGE;
}
