/* rapport-cli-process.c — pipeline, stage and playbook: the sales process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rapport-cli-private.h"
#include "rapport-export-file.h"
#include "rapport-process-manual.h"
#include "rapport-store-process.h"
#include "rapport-templates.h"

/* Look-ups */

static RapportPipeline *
find_pipeline (RapportCli  *cli,
               const char  *text,
               GError     **error)
{
  gint64 id;

  if (!rapport_cli_require_id (text, RAPPORT_CLI_ID_PIPELINE, &id, error) ||
      rapport_cli_open_store (cli, error) == NULL)
    return NULL;

  return rapport_store_get_pipeline (cli->store, id, error);
}

static RapportStage *
find_stage (RapportCli  *cli,
            const char  *text,
            GError     **error)
{
  gint64 id;

  if (!rapport_cli_require_id (text, RAPPORT_CLI_ID_STAGE, &id, error) ||
      rapport_cli_open_store (cli, error) == NULL)
    return NULL;

  return rapport_store_get_stage (cli->store, id, error);
}

static RapportStageAction *
find_action (RapportCli  *cli,
             const char  *text,
             GError     **error)
{
  gint64 id;

  if (!rapport_cli_require_id (text, RAPPORT_CLI_ID_STAGE_ACTION, &id, error) ||
      rapport_cli_open_store (cli, error) == NULL)
    return NULL;

  return rapport_store_get_stage_action (cli->store, id, error);
}

/* A position typed as a command's argument: 0 is the first. */
static gboolean
parse_position (const char  *text,
                int         *position,
                GError     **error)
{
  gint64 value = 0;

  if (g_strcmp0 (text, "0") != 0 && !rapport_id_parse (text, &value))
    return rapport_cli_set_usage (error, _("A position is a whole number, 0 for the first."));
  *position = (int) MIN (value, G_MAXINT);
  return TRUE;
}

static gboolean
set_int (RapportStore   *store,
         RapportRecord  *record,
         const char     *property,
         int             number,
         GError        **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, number);
  return rapport_store_update (store, record, property, &value, error);
}

static gboolean
set_string (RapportStore   *store,
            RapportRecord  *record,
            const char     *property,
            const char     *text,
            GError        **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  return rapport_store_update (store, record, property, &value, error);
}

static gboolean
set_boolean (RapportStore   *store,
             RapportRecord  *record,
             const char     *property,
             gboolean        flag,
             GError        **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, flag);
  return rapport_store_update (store, record, property, &value, error);
}

/* Pipelines */

static gboolean
cmd_pipeline_list (RapportCli  *cli,
                   GError     **error)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(RapportPipeline) current = NULL;
  GListModel *pipelines;

  if (rapport_cli_open_store (cli, error) == NULL)
    return FALSE;

  current = rapport_store_get_current_pipeline (cli->store);
  pipelines = rapport_store_get_pipelines (cli->store);
  for (guint i = 0; i < g_list_model_get_n_items (pipelines); i++)
    {
      g_autoptr(RapportPipeline) pipeline = g_list_model_get_item (pipelines, i);

      if (cli->json)
        json_array_add_element (array, rapport_json_pipeline (cli->store, pipeline));
      else
        {
          g_autofree char *name = rapport_cli_field (rapport_pipeline_get_name (pipeline));

          /* The current pipeline is marked, as git marks its branch. */
          g_print ("%s%" G_GINT64_FORMAT "\t%s\t%u\n", pipeline == current ? "* " : "  ",
                   rapport_record_get_id (RAPPORT_RECORD (pipeline)), name,
                   rapport_store_count_pipeline_deals (cli->store, pipeline));
        }
    }

  if (cli->json)
    rapport_json_print_array (array);
  return TRUE;
}

static gboolean
cmd_pipeline_add (RapportCli  *cli,
                  GError     **error)
{
  const char *template_id = rapport_cli_string (cli, "template");
  g_autoptr(RapportPipeline) pipeline = NULL;

  if (template_id != NULL && rapport_templates_find (template_id) == NULL)
    return rapport_cli_set_usage (error, _("There is no such template: give classic5, cycle7, repeat5, consultative7 or field7."));
  if (rapport_cli_open_store (cli, error) == NULL ||
      (pipeline = rapport_store_add_pipeline (cli->store, cli->args[0], template_id, error)) == NULL)
    return FALSE;

  if (cli->json)
    rapport_json_print (rapport_json_pipeline (cli->store, pipeline));
  else
    g_print (_("Added pipeline %lld “%s”\n"), (long long) rapport_record_get_id (RAPPORT_RECORD (pipeline)),
             rapport_pipeline_get_name (pipeline));
  return TRUE;
}

static gboolean
cmd_pipeline_rename (RapportCli  *cli,
                     GError     **error)
{
  g_autoptr(RapportPipeline) pipeline = find_pipeline (cli, cli->args[0], error);

  if (pipeline == NULL ||
      !set_string (cli->store, RAPPORT_RECORD (pipeline), "name", cli->args[1], error))
    return FALSE;

  g_print (_("Renamed pipeline %lld to “%s”\n"), (long long) rapport_record_get_id (RAPPORT_RECORD (pipeline)),
           rapport_pipeline_get_name (pipeline));
  return TRUE;
}

static gboolean
cmd_pipeline_use (RapportCli  *cli,
                  GError     **error)
{
  g_autoptr(RapportPipeline) pipeline = find_pipeline (cli, cli->args[0], error);

  if (pipeline == NULL || !rapport_store_set_current_pipeline (cli->store, pipeline, error))
    return FALSE;

  g_print (_("The board now shows the pipeline “%s”\n"), rapport_pipeline_get_name (pipeline));
  return TRUE;
}

static gboolean
cmd_pipeline_delete (RapportCli  *cli,
                     GError     **error)
{
  const char *move_to_text = rapport_cli_string (cli, "move-deals-to");
  g_autoptr(RapportPipeline) pipeline = find_pipeline (cli, cli->args[0], error);
  g_autoptr(RapportPipeline) move_to = NULL;

  if (pipeline == NULL ||
      (move_to_text != NULL && (move_to = find_pipeline (cli, move_to_text, error)) == NULL) ||
      !rapport_store_delete_pipeline (cli->store, pipeline, move_to, error))
    return FALSE;

  g_print (_("Deleted pipeline %lld\n"), (long long) rapport_record_get_id (RAPPORT_RECORD (pipeline)));
  return TRUE;
}

/* Stages */

static gboolean
cmd_stage_list (RapportCli  *cli,
                GError     **error)
{
  g_autoptr(RapportPipeline) pipeline = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  GListModel *stages;

  if (cli->n_args == 1)
    pipeline = find_pipeline (cli, cli->args[0], error);
  else if (rapport_cli_open_store (cli, error) != NULL)
    pipeline = rapport_store_get_current_pipeline (cli->store);
  if (pipeline == NULL)
    return FALSE;

  stages = rapport_store_get_stages (cli->store, pipeline);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);

      if (cli->json)
        json_array_add_element (array, rapport_json_stage (stage));
      else
        {
          g_autofree char *name = rapport_cli_field (rapport_stage_get_name (stage));

          g_print ("%" G_GINT64_FORMAT "\t%s\t%d%%\n", rapport_record_get_id (RAPPORT_RECORD (stage)),
                   name, rapport_stage_get_probability (stage));
        }
    }

  if (cli->json)
    rapport_json_print_array (array);
  return TRUE;
}

static gboolean
check_stage_numbers (RapportCli  *cli,
                     GError     **error)
{
  int probability = rapport_cli_int (cli, "probability");
  int rotting = rapport_cli_int (cli, "rotting-days");

  if (probability != -1 && (probability < 0 || probability > 100))
    return rapport_cli_set_usage (error, _("--probability takes a percentage from 0 to 100."));
  if (rotting < -1)
    return rapport_cli_set_usage (error, _("--rotting-days takes 0 (never) or more days."));
  return TRUE;
}

static gboolean
cmd_stage_add (RapportCli  *cli,
               GError     **error)
{
  int probability = rapport_cli_int (cli, "probability");
  int rotting = rapport_cli_int (cli, "rotting-days");
  int position = rapport_cli_int (cli, "position");
  g_autoptr(RapportPipeline) pipeline = NULL;
  g_autoptr(RapportStage) stage = NULL;

  if (!check_stage_numbers (cli, error))
    return FALSE;
  if (position < -1)
    return rapport_cli_set_usage (error, _("--position must be 0 or more"));
  if ((pipeline = find_pipeline (cli, cli->args[0], error)) == NULL ||
      (stage = rapport_store_add_stage (cli->store, pipeline, cli->args[1], position,
                                        probability == -1 ? 0 : probability,
                                        rotting == -1 ? 0 : rotting, error)) == NULL)
    return FALSE;

  if (cli->json)
    rapport_json_print (rapport_json_stage (stage));
  else
    g_print (_("Added stage %lld “%s” at position %d\n"), (long long) rapport_record_get_id (RAPPORT_RECORD (stage)),
             rapport_stage_get_name (stage), rapport_stage_get_position (stage));
  return TRUE;
}

static gboolean
cmd_stage_rename (RapportCli  *cli,
                  GError     **error)
{
  g_autoptr(RapportStage) stage = find_stage (cli, cli->args[0], error);

  if (stage == NULL || !set_string (cli->store, RAPPORT_RECORD (stage), "name", cli->args[1], error))
    return FALSE;

  g_print (_("Renamed stage %lld to “%s”\n"), (long long) rapport_record_get_id (RAPPORT_RECORD (stage)),
           rapport_stage_get_name (stage));
  return TRUE;
}

static gboolean
cmd_stage_move (RapportCli  *cli,
                GError     **error)
{
  g_autoptr(RapportStage) stage = NULL;
  int position;

  if (!parse_position (cli->args[1], &position, error) ||
      (stage = find_stage (cli, cli->args[0], error)) == NULL ||
      !rapport_store_move_stage (cli->store, stage, position, error))
    return FALSE;

  g_print (_("Moved stage “%s” to position %d\n"), rapport_stage_get_name (stage),
           rapport_stage_get_position (stage));
  return TRUE;
}

/* --require-X or --no-require-X, not both. */
static gboolean
gate_option (RapportCli  *cli,
             const char  *yes,
             const char  *no,
             int         *value,
             GError     **error)
{
  gboolean on = rapport_cli_flag (cli, yes), off = rapport_cli_flag (cli, no);

  if (on && off)
    return rapport_cli_set_usage (error, _("A gate is either required or not: give one of its two options."));
  *value = on ? 1 : off ? 0 : -1;
  return TRUE;
}

static gboolean
cmd_stage_set (RapportCli  *cli,
               GError     **error)
{
  int probability = rapport_cli_int (cli, "probability");
  int rotting = rapport_cli_int (cli, "rotting-days");
  const char *purpose = rapport_cli_string (cli, "purpose");
  g_autoptr(RapportStage) stage = NULL;
  RapportRecord *record;
  int qualified, checklist;

  if (!check_stage_numbers (cli, error) ||
      !gate_option (cli, "require-qualified", "no-require-qualified", &qualified, error) ||
      !gate_option (cli, "require-checklist", "no-require-checklist", &checklist, error) ||
      (stage = find_stage (cli, cli->args[0], error)) == NULL)
    return FALSE;

  record = RAPPORT_RECORD (stage);
  if ((probability != -1 && !set_int (cli->store, record, "probability", probability, error)) ||
      (rotting != -1 && !set_int (cli->store, record, "rotting-days", rotting, error)) ||
      (purpose != NULL && !set_string (cli->store, record, "purpose", purpose, error)) ||
      (qualified != -1 && !set_boolean (cli->store, record, "require-qualified", qualified, error)) ||
      (checklist != -1 && !set_boolean (cli->store, record, "require-checklist", checklist, error)))
    return FALSE;

  if (cli->json)
    rapport_json_print (rapport_json_stage (stage));
  else
    g_print (_("Stage %lld “%s”: %d%%, rotting after %d days\n"),
             (long long) rapport_record_get_id (record), rapport_stage_get_name (stage),
             rapport_stage_get_probability (stage), rapport_stage_get_rotting_days (stage));
  return TRUE;
}

static gboolean
cmd_stage_delete (RapportCli  *cli,
                  GError     **error)
{
  const char *reassign_text = rapport_cli_string (cli, "reassign-to");
  g_autoptr(RapportStage) stage = find_stage (cli, cli->args[0], error);
  g_autoptr(RapportStage) reassign_to = NULL;

  if (stage == NULL ||
      (reassign_text != NULL && (reassign_to = find_stage (cli, reassign_text, error)) == NULL) ||
      !rapport_store_delete_stage (cli->store, stage, reassign_to, error))
    return FALSE;

  g_print (_("Deleted stage %lld\n"), (long long) rapport_record_get_id (RAPPORT_RECORD (stage)));
  return TRUE;
}

/* Playbooks */

static gboolean
cmd_playbook_list (RapportCli  *cli,
                   GError     **error)
{
  g_autoptr(RapportStage) stage = find_stage (cli, cli->args[0], error);
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(JsonArray) array = json_array_new ();

  if (stage == NULL || (actions = rapport_store_get_stage_actions (cli->store, stage, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < actions->len; i++)
    {
      RapportStageAction *action = g_ptr_array_index (actions, i);

      if (cli->json)
        json_array_add_element (array, rapport_json_stage_action (action));
      else
        {
          g_autofree char *text = rapport_cli_field (rapport_stage_action_get_action (action));
          g_autofree char *owner = rapport_cli_field (rapport_stage_action_get_owner (action));

          g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n", rapport_record_get_id (RAPPORT_RECORD (action)), text, owner);
        }
    }

  if (cli->json)
    rapport_json_print_array (array);
  return TRUE;
}

static gboolean
cmd_playbook_add (RapportCli  *cli,
                  GError     **error)
{
  int position = rapport_cli_int (cli, "position");
  RapportStageActionFields fields = {
    .action = cli->args[1],
    .owner = rapport_cli_string (cli, "owner"),
    .activity = rapport_cli_string (cli, "activity"),
    .material = rapport_cli_string (cli, "material"),
    .output = rapport_cli_string (cli, "output"),
  };
  g_autoptr(RapportStage) stage = NULL;
  g_autoptr(RapportStageAction) action = NULL;

  if (position < -1)
    return rapport_cli_set_usage (error, _("--position must be 0 or more"));
  if ((stage = find_stage (cli, cli->args[0], error)) == NULL ||
      (action = rapport_store_add_stage_action (cli->store, stage, &fields, position, error)) == NULL)
    return FALSE;

  if (cli->json)
    rapport_json_print (rapport_json_stage_action (action));
  else
    g_print (_("Added key action %lld to the stage “%s”\n"), (long long) rapport_record_get_id (RAPPORT_RECORD (action)),
             rapport_stage_get_name (stage));
  return TRUE;
}

static gboolean
cmd_playbook_edit (RapportCli  *cli,
                   GError     **error)
{
  static const char * const fields[] = { "action", "owner", "activity", "material", "output" };
  g_autoptr(RapportStageAction) action = find_action (cli, cli->args[0], error);
  const char *properties[G_N_ELEMENTS (fields)];
  GValue values[G_N_ELEMENTS (fields)] = { G_VALUE_INIT };
  guint n = 0;
  gboolean ok;

  if (action == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *text = rapport_cli_string (cli, fields[i]);

      if (text == NULL)
        continue;
      properties[n] = fields[i];
      g_value_init (&values[n], G_TYPE_STRING);
      g_value_set_string (&values[n], text);
      n++;
    }
  if (n == 0)
    return rapport_cli_set_usage (error, _("Say what to change: --action, --owner, --activity, --material or --output."));

  /* All the fields in one change, or none. */
  ok = rapport_store_update_properties (cli->store, RAPPORT_RECORD (action), n, properties, values, error);
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
  if (!ok)
    return FALSE;

  if (cli->json)
    rapport_json_print (rapport_json_stage_action (action));
  else
    g_print (_("Changed key action %lld\n"), (long long) rapport_record_get_id (RAPPORT_RECORD (action)));
  return TRUE;
}

static gboolean
cmd_playbook_move (RapportCli  *cli,
                   GError     **error)
{
  g_autoptr(RapportStageAction) action = NULL;
  int position;

  if (!parse_position (cli->args[1], &position, error) ||
      (action = find_action (cli, cli->args[0], error)) == NULL ||
      !rapport_store_move_stage_action (cli->store, action, position, error))
    return FALSE;

  g_print (_("Moved key action %lld to position %d\n"), (long long) rapport_record_get_id (RAPPORT_RECORD (action)),
           rapport_stage_action_get_position (action));
  return TRUE;
}

static gboolean
cmd_playbook_delete (RapportCli  *cli,
                     GError     **error)
{
  g_autoptr(RapportStageAction) action = find_action (cli, cli->args[0], error);

  if (action == NULL || !rapport_store_delete_stage_action (cli->store, action, error))
    return FALSE;

  g_print (_("Deleted key action %lld\n"), (long long) rapport_record_get_id (RAPPORT_RECORD (action)));
  return TRUE;
}

/* The process file and the manual */

/* A process file is a few kilobytes; this bounds what is read at all. */
#define MAX_PROCESS_FILE (4 * 1024 * 1024)

static gboolean
write_export (const char     *format,
              RapportProcess *process,
              gint64          now,
              const char     *output,
              gboolean        force,
              GError        **error)
{
  g_autoptr(RapportExportFile) file = NULL;
  g_autofree char *text = NULL;

  if (g_str_equal (format, "pdf"))
    return rapport_process_write_pdf (process, now, output, force, NULL, error);

  text = g_str_equal (format, "md") ? rapport_process_to_markdown (process) : rapport_process_to_json (process);
  return (file = rapport_export_file_new (output, force, error)) != NULL &&
         rapport_export_file_write (file, text, strlen (text), error) &&
         rapport_export_file_commit (file, error);
}

static gboolean
cmd_process_export (RapportCli  *cli,
                    GError     **error)
{
  const char *format = rapport_cli_string (cli, "format");
  const char *output = rapport_cli_string (cli, "output");
  int version = rapport_cli_int (cli, "version");
  gboolean force = rapport_cli_flag (cli, "force");
  g_autoptr(RapportPipeline) pipeline = NULL;
  g_autoptr(RapportProcess) process = NULL;
  g_autofree char *display = NULL;

  if (format == NULL || !g_strv_contains ((const char * const[]) { "pdf", "md", "json", NULL }, format))
    return rapport_cli_set_usage (error, _("Say the format: --format pdf, md or json."));
  if (output == NULL)
    return rapport_cli_set_usage (error, _("Say where to write it: --output FILE."));
  if (version != -1 && version < 1)
    return rapport_cli_set_usage (error, _("--version takes a whole number from 1."));
  if (!rapport_export_file_check (output, force, error) ||
      (pipeline = find_pipeline (cli, cli->args[0], error)) == NULL)
    return FALSE;

  /* Handing out an updated process: its new version is the pipeline's. */
  if (version != -1 && !rapport_store_set_process_version (cli->store, pipeline, version, error))
    return FALSE;

  process = rapport_store_read_process (cli->store, pipeline);
  if (!write_export (format, process, rapport_store_now (cli->store), output, force, error))
    return FALSE;

  display = g_filename_display_name (output);
  g_print (_("Wrote version %d of the process “%s” to %s\n"), process->version, process->name, display);
  return TRUE;
}

static gboolean
read_process_file (const char      *path,
                   RapportProcess **process,
                   GError         **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf info;
  gsize len;

  if (g_stat (path, &info) != 0 || !S_ISREG (info.st_mode))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND, _("There is no file %s to import."), display);
      return FALSE;
    }
  if (info.st_size > MAX_PROCESS_FILE)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("%s is too big to be a process file."), display);
      return FALSE;
    }
  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_IO, _("Cannot read %s: %s"), display, local_error->message);
      return FALSE;
    }
  if ((*process = rapport_process_parse (data, len, &local_error)) == NULL)
    {
      /* Translators: the file, then what is wrong where in it. */
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID, _("%s: %s"), display, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
cmd_process_import (RapportCli  *cli,
                    GError     **error)
{
  g_autoptr(RapportProcess) process = NULL;
  g_autoptr(RapportPipeline) pipeline = NULL;

  /* The file is read and checked whole before the database is opened. */
  if (!read_process_file (cli->args[0], &process, error) ||
      rapport_cli_open_store (cli, error) == NULL ||
      (pipeline = rapport_store_import_process (cli->store, process, error)) == NULL)
    return FALSE;

  if (cli->json)
    rapport_json_print (rapport_json_pipeline (cli->store, pipeline));
  else
    g_print (_("Imported version %d of the process as pipeline %lld “%s”\n"), process->version,
             (long long) rapport_record_get_id (RAPPORT_RECORD (pipeline)), rapport_pipeline_get_name (pipeline));
  return TRUE;
}

static const RapportCliOption export_options[] = {
  { "format", G_OPTION_ARG_STRING, 0 },
  { "output", G_OPTION_ARG_STRING, 0 },
  { "version", G_OPTION_ARG_INT, -1 },
  { "force", G_OPTION_ARG_NONE, 0 },
  { NULL }
};

static const RapportCliOption pipeline_add_options[] = {
  { "template", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

static const RapportCliOption pipeline_delete_options[] = {
  { "move-deals-to", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

/* -1: not given. */
static const RapportCliOption stage_add_options[] = {
  { "position", G_OPTION_ARG_INT, -1 },
  { "probability", G_OPTION_ARG_INT, -1 },
  { "rotting-days", G_OPTION_ARG_INT, -1 },
  { NULL }
};

static const RapportCliOption stage_set_options[] = {
  { "probability", G_OPTION_ARG_INT, -1 },
  { "rotting-days", G_OPTION_ARG_INT, -1 },
  { "purpose", G_OPTION_ARG_STRING, 0 },
  { "require-qualified", G_OPTION_ARG_NONE, 0 },
  { "no-require-qualified", G_OPTION_ARG_NONE, 0 },
  { "require-checklist", G_OPTION_ARG_NONE, 0 },
  { "no-require-checklist", G_OPTION_ARG_NONE, 0 },
  { NULL }
};

static const RapportCliOption stage_delete_options[] = {
  { "reassign-to", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

static const RapportCliOption playbook_options[] = {
  { "position", G_OPTION_ARG_INT, -1 },
  { "action", G_OPTION_ARG_STRING, 0 },
  { "owner", G_OPTION_ARG_STRING, 0 },
  { "activity", G_OPTION_ARG_STRING, 0 },
  { "material", G_OPTION_ARG_STRING, 0 },
  { "output", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

const RapportCliCommand rapport_cli_process_commands[] = {
  { "pipeline", "list", cmd_pipeline_list, "pipeline list [--json]",
    0, 0, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, NULL, NULL },
  { "pipeline", "add", cmd_pipeline_add,
    "pipeline add NAME [--template classic5|cycle7|repeat5|consultative7|field7] [--json]",
    1, 1, RAPPORT_CLI_JSON, pipeline_add_options, NULL },
  { "pipeline", "rename", cmd_pipeline_rename, "pipeline rename ID NAME", 2, 2, 0, NULL, NULL },
  { "pipeline", "use", cmd_pipeline_use, "pipeline use ID", 1, 1, 0, NULL, NULL },
  { "pipeline", "delete", cmd_pipeline_delete, "pipeline delete ID [--move-deals-to ID]",
    1, 1, 0, pipeline_delete_options, NULL },
  { "stage", "list", cmd_stage_list, "stage list [PIPELINE] [--json]",
    0, 1, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, NULL, NULL },
  { "stage", "add", cmd_stage_add,
    "stage add PIPELINE NAME [--position N] [--probability P] [--rotting-days D] [--json]",
    2, 2, RAPPORT_CLI_JSON, stage_add_options, NULL },
  { "stage", "rename", cmd_stage_rename, "stage rename ID NAME", 2, 2, 0, NULL, NULL },
  { "stage", "move", cmd_stage_move, "stage move ID POSITION", 2, 2, 0, NULL, NULL },
  { "stage", "set", cmd_stage_set,
    "stage set ID [--probability P] [--rotting-days D] [--purpose TEXT]"
    " [--require-qualified|--no-require-qualified] [--require-checklist|--no-require-checklist] [--json]",
    1, 1, RAPPORT_CLI_JSON, stage_set_options, NULL },
  { "stage", "delete", cmd_stage_delete, "stage delete ID [--reassign-to STAGE]",
    1, 1, 0, stage_delete_options, NULL },
  { "playbook", "list", cmd_playbook_list, "playbook list STAGE [--json]",
    1, 1, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, NULL, NULL },
  { "playbook", "add", cmd_playbook_add,
    "playbook add STAGE ACTION [--owner WHO] [--activity TEXT] [--material TEXT] [--output TEXT]"
    " [--position N] [--json]",
    2, 2, RAPPORT_CLI_JSON, playbook_options, NULL },
  { "playbook", "edit", cmd_playbook_edit,
    "playbook edit ID [--action TEXT] [--owner WHO] [--activity TEXT] [--material TEXT] [--output TEXT] [--json]",
    1, 1, RAPPORT_CLI_JSON, playbook_options, NULL },
  { "playbook", "move", cmd_playbook_move, "playbook move ID POSITION", 2, 2, 0, NULL, NULL },
  { "playbook", "delete", cmd_playbook_delete, "playbook delete ID", 1, 1, 0, NULL, NULL },
  { "process", "export", cmd_process_export,
    "process export PIPELINE --format pdf|md|json --output FILE [--version N] [--force]",
    1, 1, 0, export_options, NULL },
  { "process", "import", cmd_process_import, "process import FILE [--json]",
    1, 1, RAPPORT_CLI_JSON, NULL, NULL },
  { NULL }
};
