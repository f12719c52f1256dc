/* rapport-cli-import.c — import csv, import vcard, import ics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is streamed through the model's CSV reader into one
 * transaction: a file with a bad row stores nothing (exit 1, every bad row
 * listed) unless --skip-bad-rows says to store the others. A .vcf file
 * the same way through the vCard reader, a bad card refusing it all. A
 * calendar is read whole by the iCalendar reader, then stored in one
 * transaction, or not at all if anything in it is wrong.
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include "rapport-cli-private.h"
#include "rapport-bad-rows.h"
#include "rapport-ics-reader.h"
#include "rapport-import.h"
#include "rapport-time.h"

static gboolean
parse_kind (const char         *text,
            RapportImportKind  *kind,
            GError            **error)
{
  if (g_strcmp0 (text, "contacts") == 0)
    *kind = RAPPORT_IMPORT_CONTACTS;
  else if (g_strcmp0 (text, "organizations") == 0)
    *kind = RAPPORT_IMPORT_ORGANIZATIONS;
  else if (g_strcmp0 (text, "deals") == 0)
    *kind = RAPPORT_IMPORT_DEALS;
  else
    return rapport_cli_set_usage (error, _("Say what the rows are with --kind contacts, --kind organizations or --kind deals."));
  return TRUE;
}

/* --on-duplicate: what a contact row that is someone there already does;
 * skipped unless the user says otherwise. */
static gboolean
parse_on_duplicate (const char          *text,
                    RapportImportFlags  *flags,
                    GError             **error)
{
  if (text == NULL || g_str_equal (text, "skip"))
    *flags |= RAPPORT_IMPORT_DUPLICATES_SKIP;
  else if (g_str_equal (text, "fill"))
    *flags |= RAPPORT_IMPORT_DUPLICATES_FILL;
  else if (g_str_equal (text, "update"))
    *flags |= RAPPORT_IMPORT_DUPLICATES_UPDATE;
  else if (!g_str_equal (text, "create"))
    return rapport_cli_set_usage (error, _("Say what a row that is a contact already does with --on-duplicate skip, fill, update or create."));
  return TRUE;
}

static gboolean
parse_delimiter (const char  *text,
                 char        *delimiter,
                 GError     **error)
{
  if (text == NULL)
    *delimiter = 0;
  else if (g_str_equal (text, ",") || g_str_equal (text, ";"))
    *delimiter = text[0];
  else if (g_str_equal (text, "tab") || g_str_equal (text, "\t"))
    *delimiter = '\t';
  else
    return rapport_cli_set_usage (error, _("The delimiter must be “,”, “;” or “tab”."));
  return TRUE;
}

static gboolean
parse_date_order (const char        *text,
                  RapportDateOrder  *order,
                  GError           **error)
{
  if (text == NULL)
    *order = RAPPORT_DATE_ORDER_GUESS;
  else if (g_str_equal (text, "dmy"))
    *order = RAPPORT_DATE_ORDER_DMY;
  else if (g_str_equal (text, "mdy"))
    *order = RAPPORT_DATE_ORDER_MDY;
  else if (g_str_equal (text, "ymd"))
    *order = RAPPORT_DATE_ORDER_YMD;
  else
    return rapport_cli_set_usage (error, _("The date order must be dmy, mdy or ymd."));
  return TRUE;
}

static gboolean
parse_decimal_mark (const char          *text,
                    RapportDecimalMark  *mark,
                    GError             **error)
{
  if (text == NULL || g_str_equal (text, "."))
    *mark = RAPPORT_DECIMAL_POINT;
  else if (g_str_equal (text, ","))
    *mark = RAPPORT_DECIMAL_COMMA;
  else
    return rapport_cli_set_usage (error, _("The decimal mark must be “.” or “,”."));
  return TRUE;
}

static void
add_count (JsonBuilder *builder,
           const char  *member,
           guint        count)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, count);
}

/* [{line, column, message}] for a CSV file's rows, [{line, message}] for
 * a vCard file's cards. */
static void
add_problems (JsonBuilder               *builder,
              const char                *member,
              const RapportImportReport *report,
              gboolean                   with_column)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->problems->len; i++)
    {
      const RapportImportProblem *problem = report->problems->pdata[i];

      json_builder_begin_object (builder);
      add_count (builder, "line", problem->line);
      if (with_column)
        {
          json_builder_set_member_name (builder, "column");
          if (problem->column != NULL)
            json_builder_add_string_value (builder, problem->column);
          else
            json_builder_add_null_value (builder);
        }
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_unknown_stages (JsonBuilder               *builder,
                    const RapportImportReport *report)
{
  json_builder_set_member_name (builder, "unknown_stages");
  json_builder_begin_array (builder);
  for (guint i = 0; report->unknown_stages != NULL && i < report->unknown_stages->len; i++)
    json_builder_add_string_value (builder, report->unknown_stages->pdata[i]);
  json_builder_end_array (builder);
}

static JsonNode *
report_json (const RapportImportReport *report,
             gboolean                   vcard)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_count (builder, vcard ? "cards" : "rows", report->counts.rows);
  add_count (builder, "created", report->counts.created);
  if (!vcard)
    add_count (builder, "updated", report->counts.updated);
  add_count (builder, "skipped", report->counts.skipped);
  add_count (builder, "organizations_created", report->counts.organizations_created);
  if (!vcard)
    {
      add_count (builder, "contacts_created", report->counts.contacts_created);
      add_unknown_stages (builder, report);
    }
  add_problems (builder, vcard ? "bad" : "bad_rows", report, !vcard);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_report (const RapportImportReport *report,
              gboolean                   dry_run,
              gboolean                   vcard)
{
  for (guint i = 0; i < report->problems->len; i++)
    {
      const RapportImportProblem *problem = report->problems->pdata[i];

      if (problem->column != NULL)
        /* Translators: a bad row of an imported file: its line, the
         * header of its column, then what is wrong. */
        g_printerr (_("Line %u, column “%s”: %s\n"), problem->line, problem->column, problem->message);
      else
        g_printerr (_("Line %u: %s\n"), problem->line, problem->message);
    }

  if (dry_run)
    g_print ("%s\n", _("Dry run: nothing was stored."));
  if (vcard)
    g_print (_("Cards read: %u\n"), report->counts.rows);
  else
    g_print (_("Rows read: %u\n"), report->counts.rows);
  g_print (_("Created: %u\n"), report->counts.created);
  if (!vcard)
    g_print (_("Updated: %u\n"), report->counts.updated);
  g_print (_("Skipped: %u\n"), report->counts.skipped);
  if (report->counts.organizations_created > 0)
    g_print (_("Organizations created for them: %u\n"), report->counts.organizations_created);
  if (report->counts.contacts_created > 0)
    g_print (_("Contacts created for the deals: %u\n"), report->counts.contacts_created);
}

/* --bad-rows FILE: the rows --skip-bad-rows left out, each with what is
 * wrong, to mend and import again. */
static gboolean
save_bad_rows (RapportCli                *cli,
               GFile                     *file,
               RapportCsvReader          *reader,
               const RapportImportReport *report,
               RapportImportFlags         flags,
               GError                   **error)
{
  const char *path = rapport_cli_string (cli, "bad-rows");
  g_autofree char *saved = NULL;

  if (path == NULL || report->counts.bad == 0 || !(flags & RAPPORT_IMPORT_SKIP_BAD_ROWS))
    return TRUE;
  saved = rapport_bad_rows_save (file, rapport_cli_string (cli, "encoding"),
                                 rapport_csv_reader_get_delimiter (reader), report->problems, path, error);
  return saved != NULL;
}

static gboolean
cmd_import_csv (RapportCli  *cli,
                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (cli->args[0]);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(RapportCsvReader) reader = NULL;
  RapportCsvImportOptions options = { 0, };
  g_auto(RapportImportReport) report = { { 0, }, NULL };
  char delimiter = 0;

  if (!parse_kind (rapport_cli_string (cli, "kind"), &options.kind, error) ||
      !parse_delimiter (rapport_cli_string (cli, "delimiter"), &delimiter, error) ||
      !parse_date_order (rapport_cli_string (cli, "date-order"), &options.date_order, error) ||
      !parse_decimal_mark (rapport_cli_string (cli, "decimal-mark"), &options.decimal_mark, error) ||
      !parse_on_duplicate (rapport_cli_string (cli, "on-duplicate"), &options.flags, error))
    return FALSE;
  if (options.kind != RAPPORT_IMPORT_DEALS &&
      (rapport_cli_string (cli, "stage-map") != NULL || rapport_cli_string (cli, "pipeline") != NULL))
    return rapport_cli_set_usage (error, _("--stage-map and --pipeline are for --kind deals."));
  if (!rapport_cli_pipeline_option (cli, &options.pipeline_id, error))
    return FALSE;
  options.map = rapport_cli_string (cli, "map");
  options.stage_map = rapport_cli_string (cli, "stage-map");
  if (rapport_cli_flag (cli, "dry-run"))
    options.flags |= RAPPORT_IMPORT_DRY_RUN;
  if (rapport_cli_flag (cli, "skip-bad-rows"))
    options.flags |= RAPPORT_IMPORT_SKIP_BAD_ROWS;

  if ((stream = g_file_read (file, NULL, error)) == NULL ||
      (reader = rapport_csv_reader_new (G_INPUT_STREAM (stream), rapport_cli_string (cli, "encoding"),
                                        delimiter, NULL, error)) == NULL ||
      rapport_cli_open_store (cli, error) == NULL ||
      !rapport_import_csv (cli->store, reader, &options, &report, error))
    return FALSE;

  if (cli->json)
    rapport_json_print (report_json (&report, FALSE));
  else
    print_report (&report, options.flags & RAPPORT_IMPORT_DRY_RUN, FALSE);

  if (!save_bad_rows (cli, file, reader, &report, options.flags, error))
    return FALSE;
  if (report.counts.bad > 0 && !(options.flags & RAPPORT_IMPORT_SKIP_BAD_ROWS))
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("Nothing was imported: the file has bad rows. Mend them, or store the others with --skip-bad-rows."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
cmd_import_vcard (RapportCli  *cli,
                  GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (cli->args[0]);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(RapportVcardReader) reader = NULL;
  g_auto(RapportImportReport) report = { { 0, }, NULL };
  RapportImportFlags flags = rapport_cli_flag (cli, "dry-run") ? RAPPORT_IMPORT_DRY_RUN : 0;

  if (!parse_on_duplicate (rapport_cli_string (cli, "on-duplicate"), &flags, error) ||
      (stream = g_file_read (file, NULL, error)) == NULL ||
      rapport_cli_open_store (cli, error) == NULL)
    return FALSE;
  reader = rapport_vcard_reader_new (G_INPUT_STREAM (stream));
  if (!rapport_import_vcard (cli->store, reader, flags, &report, error))
    return FALSE;

  if (cli->json)
    rapport_json_print (report_json (&report, TRUE));
  else
    print_report (&report, flags & RAPPORT_IMPORT_DRY_RUN, TRUE);

  if (report.counts.bad > 0)
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("Nothing was imported: the file has bad cards. Mend them and import it again."));
      return FALSE;
    }
  return TRUE;
}

/* import ics */

typedef struct
{
  RapportImportReport  report;
  GPtrArray           *items;     /* of RapportIcsItem */
} IcsImport;

static void
ics_import_clear (IcsImport *import)
{
  rapport_import_report_clear (&import->report);
  g_clear_pointer (&import->items, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IcsImport, ics_import_clear)

static void
add_ics_problems (JsonBuilder     *builder,
                  const IcsImport *import)
{
  GPtrArray *problems = import->report.problems;

  json_builder_set_member_name (builder, "bad");
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      const RapportImportProblem *problem = problems->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, problem->line);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The repeating items, and the time of theirs that was imported. */
static void
add_ics_recurring (JsonBuilder     *builder,
                   const IcsImport *import)
{
  json_builder_set_member_name (builder, "recurring");
  json_builder_begin_array (builder);
  for (guint i = 0; i < import->items->len && import->report.problems->len == 0; i++)
    {
      const RapportIcsItem *item = import->items->pdata[i];
      g_autofree char *due = NULL;

      if (!item->recurring)
        continue;
      due = rapport_time_to_iso8601 (item->row.due_at);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, item->row.line);
      json_builder_set_member_name (builder, "uid");
      json_builder_add_string_value (builder, item->uid);
      json_builder_set_member_name (builder, "due_at");
      json_builder_add_string_value (builder, due);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static JsonNode *
ics_report_json (const IcsImport *import)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const RapportImportCounts *counts = &import->report.counts;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_add_int_value (builder, import->items->len);
  add_count (builder, "created", counts->created);
  add_count (builder, "updated", counts->updated);
  add_count (builder, "skipped", counts->skipped);
  add_ics_problems (builder, import);
  add_ics_recurring (builder, import);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_ics_report (const IcsImport *import,
                  gboolean         dry_run)
{
  GPtrArray *problems = import->report.problems;
  const RapportImportCounts *counts = &import->report.counts;

  for (guint i = 0; i < problems->len; i++)
    {
      const RapportImportProblem *problem = problems->pdata[i];

      g_printerr (_("Line %u: %s\n"), problem->line, problem->message);
    }
  for (guint i = 0; i < import->items->len && problems->len == 0; i++)
    {
      const RapportIcsItem *item = import->items->pdata[i];
      g_autofree char *due = NULL;

      if (!item->recurring)
        continue;
      due = rapport_time_to_iso8601 (item->row.due_at);
      /* Translators: %u is a line of the file, %s the time (ISO 8601). */
      g_print (_("Line %u: this item repeats; its next time, %s, was taken.\n"), item->row.line, due);
    }

  if (dry_run)
    g_print ("%s\n", _("Dry run: nothing was stored."));
  g_print (_("Items read: %u\n"), import->items->len);
  g_print (_("Created: %u\n"), counts->created);
  g_print (_("Updated: %u\n"), counts->updated);
  g_print (_("Skipped: %u\n"), counts->skipped);
}

static gboolean
cmd_import_ics (RapportCli  *cli,
                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (cli->args[0]);
  g_auto(IcsImport) import = { { { 0, }, NULL }, NULL };
  RapportImportFlags flags = RAPPORT_IMPORT_DEFAULT;
  g_autofree char *data = NULL;
  gsize len;

  if (rapport_cli_flag (cli, "dry-run"))
    flags |= RAPPORT_IMPORT_DRY_RUN;
  if (!g_file_load_contents (file, NULL, &data, &len, NULL, error) ||
      rapport_cli_open_store (cli, error) == NULL ||
      !rapport_import_ics (cli->store, data, len, flags, &import.report, &import.items, error))
    return FALSE;

  if (cli->json)
    rapport_json_print (ics_report_json (&import));
  else
    print_ics_report (&import, flags & RAPPORT_IMPORT_DRY_RUN);

  if (import.report.problems->len > 0)
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("Nothing was imported: the calendar has problems. Mend them and import it again."));
      return FALSE;
    }
  return TRUE;
}

static const RapportCliOption import_ics_options[] = {
  { "dry-run", G_OPTION_ARG_NONE, 0 },
  { NULL }
};

static const RapportCliOption import_vcard_options[] = {
  { "dry-run", G_OPTION_ARG_NONE, 0 },
  { "on-duplicate", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

static const RapportCliOption import_csv_options[] = {
  { "kind", G_OPTION_ARG_STRING, 0 },
  { "map", G_OPTION_ARG_STRING, 0 },
  { "encoding", G_OPTION_ARG_STRING, 0 },
  { "delimiter", G_OPTION_ARG_STRING, 0 },
  { "date-order", G_OPTION_ARG_STRING, 0 },
  { "stage-map", G_OPTION_ARG_STRING, 0 },
  { "decimal-mark", G_OPTION_ARG_STRING, 0 },
  { "pipeline", G_OPTION_ARG_STRING, 0 },
  { "skip-bad-rows", G_OPTION_ARG_NONE, 0 },
  { "bad-rows", G_OPTION_ARG_STRING, 0 },
  { "dry-run", G_OPTION_ARG_NONE, 0 },
  { "on-duplicate", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

const RapportCliCommand rapport_cli_import_commands[] = {
  { "import", "csv", cmd_import_csv,
    "import csv FILE --kind contacts|organizations|deals [--map 'Header=field,…']"
    " [--stage-map 'Value=Stage,…'] [--pipeline ID] [--encoding NAME] [--delimiter ,|;|tab]"
    " [--date-order dmy|mdy|ymd] [--decimal-mark .|,] [--on-duplicate skip|fill|update|create]"
    " [--skip-bad-rows [--bad-rows FILE]] [--dry-run] [--json]",
    1, 1, RAPPORT_CLI_JSON, import_csv_options, NULL },
  { "import", "ics", cmd_import_ics, "import ics FILE [--dry-run] [--json]",
    1, 1, RAPPORT_CLI_JSON, import_ics_options, NULL },
  { "import", "vcard", cmd_import_vcard, "import vcard FILE [--on-duplicate skip|fill|update|create] [--dry-run] [--json]",
    1, 1, RAPPORT_CLI_JSON, import_vcard_options, NULL },
  { NULL }
};
