/* rapport-import-csv.c — the rows of a CSV file as contacts,
 * organizations or deals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each row is checked here with the rules the store applies
 * (rapport-validate.c), column by column, so a bad row is reported with
 * the column at fault; the good rows go to rapport_store_import(), which
 * writes them all in one transaction.
 */

#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-error.h"
#include "rapport-import.h"
#include "rapport-money.h"
#include "rapport-pipeline.h"
#include "rapport-record.h"
#include "rapport-stage.h"
#include "rapport-time.h"
#include "rapport-validate.h"

/* What a stage map's value may say besides a stage. */
#define STAGE_WON  RAPPORT_IMPORT_STAGE_WON
#define STAGE_LOST RAPPORT_IMPORT_STAGE_LOST

typedef struct
{
  /* Borrowed */
  RapportStore                  *store;
  RapportCsvReader              *reader;
  const RapportCsvImportOptions *options;
  RapportImportReport           *report;
  GPtrArray                     *header;

  /* Owned: the current row's joined name */
  char                          *name;

  /* Deals: the pipeline's stages and the --stage-map, by folded name →
   * stage id (or STAGE_WON, STAGE_LOST); the current row's expected close */
  char                          *pipeline_name;
  GHashTable                    *stages;
  GHashTable                    *stage_map;
  gint64                         first_stage;
  gint64                         last_stage;
  char                          *expected_close;

  guint                          rows_read;

  int                            columns[RAPPORT_IMPORT_N_FIELDS];  /* -1: none */
  /* Columns headed "field:NAME": their indexes, and for the current row
   * the pairs of names and values the store takes (then NULL). */
  GArray                        *custom_columns;
  GPtrArray                     *custom;
  gint64                         now;
} CsvImport;

static gboolean
header_exists (GPtrArray  *header,
               const char *folded)
{
  for (guint i = 0; i < header->len; i++)
    {
      g_autofree char *column = rapport_import_fold_header (header->pdata[i]);

      if (g_str_equal (column, folded))
        return TRUE;
    }
  return FALSE;
}

/* Each field's column: the --map's word first, then the guess from the
 * header; the first column wins when two mean the same field. */
static gboolean
map_columns (CsvImport  *import,
             GError    **error)
{
  g_autoptr(GHashTable) map = NULL;
  GHashTableIter iter;
  gpointer key;

  if (import->options->map != NULL &&
      (map = rapport_import_parse_map (import->options->map, error)) == NULL)
    return FALSE;

  if (map != NULL)
    {
      g_hash_table_iter_init (&iter, map);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!header_exists (import->header, key))
          {
            g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                         _("The file has no column named “%s”."), (const char *) key);
            return FALSE;
          }
    }

  for (guint f = 0; f < RAPPORT_IMPORT_N_FIELDS; f++)
    import->columns[f] = -1;
  for (guint i = 0; i < import->header->len; i++)
    {
      g_autofree char *folded = rapport_import_fold_header (import->header->pdata[i]);
      gpointer mapped;
      RapportImportField field;

      if (i < import->options->n_column_fields && import->options->column_fields != NULL)
        field = import->options->column_fields[i];
      else if (map != NULL && g_hash_table_lookup_extended (map, folded, NULL, &mapped))
        field = GPOINTER_TO_UINT (mapped);
      else
        field = rapport_import_guess_field_for (import->options->kind, import->header->pdata[i]);
      if (field != RAPPORT_IMPORT_FIELD_NONE && import->columns[field] < 0)
        import->columns[field] = i;
      else if (field == RAPPORT_IMPORT_FIELD_NONE)
        {
          g_autofree char *custom = rapport_import_custom_header (import->header->pdata[i]);

          if (custom != NULL)
            g_array_append_val (import->custom_columns, i);
        }
    }

  return TRUE;
}

static gboolean
check_name_column (CsvImport  *import,
                   GError    **error)
{
  int *columns = import->columns;

  if (import->options->kind == RAPPORT_IMPORT_ORGANIZATIONS)
    {
      /* An organizations file may call its name column "Company". */
      if (columns[RAPPORT_IMPORT_FIELD_NAME] < 0)
        columns[RAPPORT_IMPORT_FIELD_NAME] = columns[RAPPORT_IMPORT_FIELD_ORGANIZATION];
      columns[RAPPORT_IMPORT_FIELD_ORGANIZATION] = -1;
      if (columns[RAPPORT_IMPORT_FIELD_NAME] >= 0)
        return TRUE;
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("No column holds the organization’s name: map one to name."));
      return FALSE;
    }

  if (import->options->kind == RAPPORT_IMPORT_DEALS)
    {
      if (columns[RAPPORT_IMPORT_FIELD_NAME] >= 0)
        return TRUE;
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("No column holds the deal’s name: map one to name."));
      return FALSE;
    }

  if (columns[RAPPORT_IMPORT_FIELD_NAME] >= 0 || columns[RAPPORT_IMPORT_FIELD_FIRST_NAME] >= 0 ||
      columns[RAPPORT_IMPORT_FIELD_LAST_NAME] >= 0)
    return TRUE;
  g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                       _("No column holds a name: map one to name, or to first_name and last_name."));
  return FALSE;
}

/* A cell of the row, outer spaces trimmed; NULL when empty or missing. */
static const char *
cell (CsvImport          *import,
      GPtrArray          *fields,
      RapportImportField  field)
{
  int column = import->columns[field];
  char *text;

  if (column < 0 || (guint) column >= fields->len)
    return NULL;
  text = g_strstrip ((char *) fields->pdata[column]);
  /* A cell our export (and many a spreadsheet) defused by a leading ' so
   * that "+1 555…" or "=…" is not run as a formula: the text itself. */
  if (text[0] == '\'' && text[1] != '\0' && strchr ("=+-@\t\r", text[1]) != NULL)
    text++;
  return text[0] != '\0' ? text : NULL;
}

static void
add_problem (CsvImport          *import,
             guint               line,
             RapportImportField  field,
             const char         *message)
{
  int column = import->columns[field];

  g_ptr_array_add (import->report->problems,
                   rapport_import_problem_new (line, column >= 0 ? import->header->pdata[column] : NULL, message));
}

/* Checks one cell with @check's rule, reporting what is wrong. */
static gboolean
check_cell (CsvImport          *import,
            guint               line,
            RapportImportField  field,
            const char         *text,
            RapportTextKind     kind,
            gboolean            required)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (field == RAPPORT_IMPORT_FIELD_EMAIL)
    ok = rapport_email_check (text, &error);
  else if (field == RAPPORT_IMPORT_FIELD_PHONE)
    ok = rapport_phone_check (text, &error);
  else
    ok = rapport_text_check (text, kind, required, &error);

  if (!ok)
    add_problem (import, line, field, error->message);
  return ok;
}

/* What the file's unambiguous dates say of its date order, for a caller
 * that offers to choose it. */
static void
note_date_order (CsvImport  *import,
                 const char *text)
{
  switch (rapport_import_date_order_hint (text))
    {
    case RAPPORT_DATE_ORDER_DMY:
      import->report->day_first_dates++;
      break;
    case RAPPORT_DATE_ORDER_MDY:
      import->report->month_first_dates++;
      break;
    default:
      break;
    }
}

static gboolean
check_created_at (CsvImport        *import,
                  guint             line,
                  const char       *text,
                  RapportImportRow *row)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return TRUE;
  note_date_order (import, text);
  if (!rapport_import_parse_date (text, import->options->date_order, &row->created_at, &error))
    {
      add_problem (import, line, RAPPORT_IMPORT_FIELD_CREATED_AT, error->message);
      return FALSE;
    }
  if (row->created_at > import->now)
    {
      g_autofree char *quoted = rapport_text_quote (text);
      g_autofree char *message =
        g_strdup_printf (_("The creation time %s is later than now: give a time that has already come."), quoted);

      add_problem (import, line, RAPPORT_IMPORT_FIELD_CREATED_AT, message);
      return FALSE;
    }
  row->has_created_at = TRUE;
  return TRUE;
}

/* First and last name join into a name, when there is no name column or
 * the row leaves it empty. */
static const char *
row_name (CsvImport  *import,
          GPtrArray  *fields)
{
  const char *name = cell (import, fields, RAPPORT_IMPORT_FIELD_NAME);
  const char *first = cell (import, fields, RAPPORT_IMPORT_FIELD_FIRST_NAME);
  const char *last = cell (import, fields, RAPPORT_IMPORT_FIELD_LAST_NAME);

  g_clear_pointer (&import->name, g_free);
  if (import->options->kind == RAPPORT_IMPORT_DEALS)
    name = cell (import, fields, RAPPORT_IMPORT_FIELD_CONTACT);
  if (name != NULL || import->options->kind == RAPPORT_IMPORT_ORGANIZATIONS)
    return name;
  if (first != NULL && last != NULL)
    return import->name = g_strconcat (first, " ", last, NULL);
  return first != NULL ? first : last;
}

static gboolean
is_empty_row (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    if (!rapport_text_is_invisible (fields->pdata[i]))
      return FALSE;
  return TRUE;
}

/* The next row with something in it: a row of empty cells (",,,,") is a
 * spreadsheet's empty line. */
static RapportImportNext
read_row (CsvImport   *import,
          GPtrArray  **fields,
          guint       *line,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_cancellable_set_error_if_cancelled (import->options->cancellable, error))
    return RAPPORT_IMPORT_NEXT_FAILED;
  if (import->options->progress != NULL && ++import->rows_read % 256 == 0)
    import->options->progress (import->options->progress_data, import->rows_read);

  do
    if (!rapport_csv_reader_next (import->reader, fields, line, &local_error))
      {
        if (local_error == NULL)
          return RAPPORT_IMPORT_NEXT_END;
        g_propagate_error (error, g_steal_pointer (&local_error));
        return RAPPORT_IMPORT_NEXT_FAILED;
      }
  while (is_empty_row (*fields));

  return RAPPORT_IMPORT_NEXT_ROW;
}

/* The row's custom values, as the store takes them. */
static const char * const *
custom_cells (CsvImport *import,
              GPtrArray *fields)
{
  if (import->custom_columns->len == 0)
    return NULL;

  g_ptr_array_set_size (import->custom, 0);
  for (guint i = 0; i < import->custom_columns->len; i++)
    {
      guint column = g_array_index (import->custom_columns, guint, i);

      if (column >= fields->len)
        continue;
      g_ptr_array_add (import->custom, rapport_import_custom_header (import->header->pdata[column]));
      g_ptr_array_add (import->custom, g_strstrip (g_strdup (fields->pdata[column])));
    }
  g_ptr_array_add (import->custom, NULL);
  return (const char * const *) import->custom->pdata;
}

static RapportImportNext
next_row (gpointer           user_data,
          RapportImportRow  *row,
          GError           **error)
{
  CsvImport *import = user_data;
  RapportImportField name_field;
  RapportImportNext next;
  GPtrArray *fields;
  gboolean ok;
  guint line;

  if ((next = read_row (import, &fields, &line, error)) != RAPPORT_IMPORT_NEXT_ROW)
    return next;

  row->line = line;
  row->name = row_name (import, fields);
  row->email = cell (import, fields, RAPPORT_IMPORT_FIELD_EMAIL);
  row->phone = cell (import, fields, RAPPORT_IMPORT_FIELD_PHONE);
  row->organization = cell (import, fields, RAPPORT_IMPORT_FIELD_ORGANIZATION);
  row->owner = cell (import, fields, RAPPORT_IMPORT_FIELD_OWNER);
  row->source = cell (import, fields, RAPPORT_IMPORT_FIELD_SOURCE);
  row->note = cell (import, fields, RAPPORT_IMPORT_FIELD_NOTE);
  /* A contact keeps its job title, and the other program's id: a row
   * whose id a contact has already is not imported twice. */
  if (import->options->kind == RAPPORT_IMPORT_CONTACTS)
    {
      row->title = cell (import, fields, RAPPORT_IMPORT_FIELD_TITLE);
      row->external_id = cell (import, fields, RAPPORT_IMPORT_FIELD_EXTERNAL_ID);
      row->birthday = cell (import, fields, RAPPORT_IMPORT_FIELD_BIRTHDAY);
    }
  else
    {
      row->industry = cell (import, fields, RAPPORT_IMPORT_FIELD_INDUSTRY);
      row->size = cell (import, fields, RAPPORT_IMPORT_FIELD_SIZE);
    }
  row->address = cell (import, fields, RAPPORT_IMPORT_FIELD_ADDRESS);
  row->tags = cell (import, fields, RAPPORT_IMPORT_FIELD_TAGS);
  row->custom = custom_cells (import, fields);

  name_field = import->columns[RAPPORT_IMPORT_FIELD_NAME] >= 0 ? RAPPORT_IMPORT_FIELD_NAME
             : import->columns[RAPPORT_IMPORT_FIELD_FIRST_NAME] >= 0 ? RAPPORT_IMPORT_FIELD_FIRST_NAME
             : RAPPORT_IMPORT_FIELD_LAST_NAME;

  /* Every cell is checked, so the list names every fault of the row. */
  ok = check_cell (import, line, name_field, row->name, RAPPORT_TEXT_NAME, TRUE);
  ok &= check_cell (import, line, RAPPORT_IMPORT_FIELD_EMAIL, row->email, RAPPORT_TEXT_FREE, FALSE);
  ok &= check_cell (import, line, RAPPORT_IMPORT_FIELD_PHONE, row->phone, RAPPORT_TEXT_FREE, FALSE);
  ok &= check_cell (import, line, RAPPORT_IMPORT_FIELD_ORGANIZATION, row->organization, RAPPORT_TEXT_NAME, FALSE);
  ok &= check_cell (import, line, RAPPORT_IMPORT_FIELD_TITLE,
                    cell (import, fields, RAPPORT_IMPORT_FIELD_TITLE), RAPPORT_TEXT_TITLE, FALSE);
  ok &= check_cell (import, line, RAPPORT_IMPORT_FIELD_OWNER, row->owner, RAPPORT_TEXT_OWNER, FALSE);
  ok &= check_cell (import, line, RAPPORT_IMPORT_FIELD_SOURCE, row->source, RAPPORT_TEXT_SOURCE, FALSE);
  ok &= check_cell (import, line, RAPPORT_IMPORT_FIELD_NOTE, row->note, RAPPORT_TEXT_NOTE, FALSE);
  ok &= check_cell (import, line, RAPPORT_IMPORT_FIELD_EXTERNAL_ID,
                    cell (import, fields, RAPPORT_IMPORT_FIELD_EXTERNAL_ID), RAPPORT_TEXT_NAME, FALSE);
  ok &= check_created_at (import, line, cell (import, fields, RAPPORT_IMPORT_FIELD_CREATED_AT), row);
  ok &= check_cell (import, line, RAPPORT_IMPORT_FIELD_ADDRESS, row->address, RAPPORT_TEXT_FREE, FALSE);
  ok &= check_cell (import, line, RAPPORT_IMPORT_FIELD_INDUSTRY, row->industry, RAPPORT_TEXT_LINE, FALSE);
  ok &= check_cell (import, line, RAPPORT_IMPORT_FIELD_TAGS, row->tags, RAPPORT_TEXT_LINE, FALSE);

  return ok ? RAPPORT_IMPORT_NEXT_ROW : RAPPORT_IMPORT_NEXT_BAD;
}

/* Deals */

static RapportPipeline *
pipeline_of (CsvImport  *import,
             GError    **error)
{
  GListModel *pipelines = rapport_store_get_pipelines (import->store);
  gint64 id = import->options->pipeline_id;

  if (id == 0)
    return rapport_store_get_current_pipeline (import->store);
  for (guint i = 0; i < g_list_model_get_n_items (pipelines); i++)
    {
      g_autoptr(RapportPipeline) pipeline = g_list_model_get_item (pipelines, i);

      if (rapport_record_get_id (RAPPORT_RECORD (pipeline)) == id)
        return g_steal_pointer (&pipeline);
    }
  g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
               _("There is no pipeline %lld."), (long long) id);
  return NULL;
}

static gboolean
load_stages (CsvImport  *import,
             GError    **error)
{
  g_autoptr(RapportPipeline) current = NULL;
  GListModel *stages;
  guint n;

  if ((current = pipeline_of (import, error)) == NULL)
    return FALSE;
  stages = rapport_store_get_stages (import->store, current);
  n = stages != NULL ? g_list_model_get_n_items (stages) : 0;
  if (n == 0)
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("The pipeline has no stages to put the deals in."));
      return FALSE;
    }

  import->pipeline_name = g_strdup (rapport_pipeline_get_name (current));
  import->stages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);
      gint64 id = rapport_record_get_id (RAPPORT_RECORD (stage));

      g_hash_table_insert (import->stages, rapport_import_fold_header (rapport_stage_get_name (stage)),
                           GSIZE_TO_POINTER ((gsize) id));
      if (i == 0)
        import->first_stage = id;
      import->last_stage = id;
    }
  return TRUE;
}

/* "Value=Stage,…": each value of the file's stage column to a stage of
 * the pipeline, or to won or lost. */
static gboolean
parse_stage_map (CsvImport  *import,
                 GError    **error)
{
  g_auto(GStrv) pairs = NULL;

  import->stage_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (import->options->stage_choices != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, import->options->stage_choices);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (import->stage_map, rapport_import_fold_header (key),
                             GSIZE_TO_POINTER ((gsize) *(gint64 *) value));
    }
  if (import->options->stage_map == NULL)
    return TRUE;

  pairs = g_strsplit (import->options->stage_map, ",", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *equals = strrchr (pairs[i], '=');
      g_autofree char *target = NULL;
      RapportDealStatus status;
      gpointer id;

      if (rapport_text_is_invisible (pairs[i]))
        continue;
      if (equals == NULL || equals == pairs[i])
        {
          g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                       _("“%s” is not a stage mapping: write it as Value=Stage."), pairs[i]);
          return FALSE;
        }
      *equals = '\0';
      target = rapport_import_fold_header (equals + 1);
      if (g_hash_table_lookup_extended (import->stages, target, NULL, &id))
        ;
      else if (rapport_import_parse_status (target, &status) && status != RAPPORT_DEAL_STATUS_OPEN)
        id = GSIZE_TO_POINTER ((gsize) (status == RAPPORT_DEAL_STATUS_WON ? STAGE_WON : STAGE_LOST));
      else
        {
          g_autofree char *stage = g_strstrip (g_strdup (equals + 1));

          g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                       _("“%s” is not a stage of the pipeline “%s”, nor won or lost."),
                       stage, import->pipeline_name);
          return FALSE;
        }
      g_hash_table_insert (import->stage_map, rapport_import_fold_header (pairs[i]), id);
    }
  return TRUE;
}

static void
note_unknown_stage (CsvImport  *import,
                    const char *value)
{
  GPtrArray *unknown = import->report->unknown_stages;

  for (guint i = 0; i < unknown->len; i++)
    if (g_str_equal (unknown->pdata[i], value))
      return;
  g_ptr_array_add (unknown, g_strdup (value));
}

/* The row's stage and status from its stage and status cells: a status
 * cell says won or lost; a stage cell names a stage, a mapped value, or
 * a status ("Closed Won" in a Salesforce export). */
static gboolean
check_stage (CsvImport            *import,
             guint                 line,
             GPtrArray            *fields,
             RapportDealImportRow *row)
{
  const char *status_text = cell (import, fields, RAPPORT_IMPORT_FIELD_STATUS);
  const char *stage_text = cell (import, fields, RAPPORT_IMPORT_FIELD_STAGE);
  g_autofree char *folded = stage_text != NULL ? rapport_import_fold_header (stage_text) : NULL;
  RapportDealStatus from_stage;
  gpointer id = NULL;

  row->status = RAPPORT_DEAL_STATUS_OPEN;
  if (status_text != NULL && !rapport_import_parse_status (status_text, &row->status))
    {
      g_autofree char *quoted = rapport_text_quote (status_text);
      g_autofree char *message = g_strdup_printf (_("“%s” is not a status: write open, won or lost."), quoted);

      add_problem (import, line, RAPPORT_IMPORT_FIELD_STATUS, message);
      return FALSE;
    }

  if (folded == NULL)
    ;
  else if (g_hash_table_lookup_extended (import->stage_map, folded, NULL, &id) ||
           g_hash_table_lookup_extended (import->stages, folded, NULL, &id))
    {
      if (GPOINTER_TO_SIZE (id) == (gsize) STAGE_WON || GPOINTER_TO_SIZE (id) == (gsize) STAGE_LOST)
        {
          if (status_text == NULL)
            row->status = GPOINTER_TO_SIZE (id) == (gsize) STAGE_WON ? RAPPORT_DEAL_STATUS_WON : RAPPORT_DEAL_STATUS_LOST;
          id = NULL;
        }
    }
  else if (rapport_import_parse_status (stage_text, &from_stage))
    {
      if (status_text == NULL)
        row->status = from_stage;
    }
  else
    {
      g_autofree char *quoted = rapport_text_quote (stage_text);
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a stage of the pipeline “%s”: map it to one of its stages."),
                         quoted, import->pipeline_name);

      note_unknown_stage (import, stage_text);
      add_problem (import, line, RAPPORT_IMPORT_FIELD_STAGE, message);
      return FALSE;
    }

  /* A won deal without its stage went all the way. */
  row->stage_id = id != NULL ? (gint64) GPOINTER_TO_SIZE (id)
                : row->status == RAPPORT_DEAL_STATUS_WON ? import->last_stage : import->first_stage;
  return TRUE;
}

static gboolean
check_value (CsvImport            *import,
             guint                 line,
             GPtrArray            *fields,
             RapportDealImportRow *row)
{
  g_autoptr(GError) error = NULL;
  const char *value = cell (import, fields, RAPPORT_IMPORT_FIELD_VALUE);
  const char *currency = cell (import, fields, RAPPORT_IMPORT_FIELD_CURRENCY);

  if (currency != NULL)
    {
      if (!rapport_currency_check (currency, &error))
        {
          add_problem (import, line, RAPPORT_IMPORT_FIELD_CURRENCY, error->message);
          return FALSE;
        }
      row->currency = currency;
    }
  if (value == NULL)
    return TRUE;
  if (!rapport_import_parse_amount (value, row->currency ? row->currency : rapport_store_get_default_currency (import->store),
                                    import->options->decimal_mark, &row->value, &error))
    {
      add_problem (import, line, RAPPORT_IMPORT_FIELD_VALUE, error->message);
      return FALSE;
    }
  return TRUE;
}

/* When it closed, for a won or lost deal; else when it is expected to. */
static gboolean
check_close_date (CsvImport            *import,
                  guint                 line,
                  GPtrArray            *fields,
                  RapportDealImportRow *row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = NULL;
  const char *text = cell (import, fields, RAPPORT_IMPORT_FIELD_CLOSE_DATE);
  gint64 when;

  g_clear_pointer (&import->expected_close, g_free);
  if (text == NULL)
    return TRUE;
  note_date_order (import, text);
  if (!rapport_import_parse_date (text, import->options->date_order, &when, &error))
    {
      add_problem (import, line, RAPPORT_IMPORT_FIELD_CLOSE_DATE, error->message);
      return FALSE;
    }
  if (row->status != RAPPORT_DEAL_STATUS_OPEN)
    {
      if (when > import->now)
        {
          add_problem (import, line, RAPPORT_IMPORT_FIELD_CLOSE_DATE,
                       _("The deal closed later than now: give a close date that has already come."));
          return FALSE;
        }
      row->closed_at = when;
      return TRUE;
    }
  date = g_date_time_new_from_unix_utc (when);
  row->expected_close = import->expected_close = g_date_time_format (date, "%Y-%m-%d");
  return TRUE;
}

static RapportImportNext
next_deal_row (gpointer               user_data,
               RapportDealImportRow  *row,
               GError               **error)
{
  CsvImport *import = user_data;
  RapportImportRow times = { 0, };
  RapportImportNext next;
  GPtrArray *fields;
  gboolean ok;
  guint line;

  if ((next = read_row (import, &fields, &line, error)) != RAPPORT_IMPORT_NEXT_ROW)
    return next;

  row->line = line;
  row->title = cell (import, fields, RAPPORT_IMPORT_FIELD_NAME);
  row->contact = row_name (import, fields);
  row->email = cell (import, fields, RAPPORT_IMPORT_FIELD_EMAIL);
  row->phone = cell (import, fields, RAPPORT_IMPORT_FIELD_PHONE);
  row->organization = cell (import, fields, RAPPORT_IMPORT_FIELD_ORGANIZATION);
  row->owner = cell (import, fields, RAPPORT_IMPORT_FIELD_OWNER);
  row->source = cell (import, fields, RAPPORT_IMPORT_FIELD_SOURCE);
  row->note = cell (import, fields, RAPPORT_IMPORT_FIELD_NOTE);
  row->lost_reason = cell (import, fields, RAPPORT_IMPORT_FIELD_LOST_REASON);

  /* Every cell is checked, so the list names every fault of the row. */
  ok = check_cell (import, line, RAPPORT_IMPORT_FIELD_NAME, row->title, RAPPORT_TEXT_TITLE, TRUE);
  ok &= check_cell (import, line, RAPPORT_IMPORT_FIELD_CONTACT, row->contact, RAPPORT_TEXT_NAME, FALSE);
  ok &= check_cell (import, line, RAPPORT_IMPORT_FIELD_EMAIL, row->email, RAPPORT_TEXT_FREE, FALSE);
  ok &= check_cell (import, line, RAPPORT_IMPORT_FIELD_PHONE, row->phone, RAPPORT_TEXT_FREE, FALSE);
  ok &= check_cell (import, line, RAPPORT_IMPORT_FIELD_ORGANIZATION, row->organization, RAPPORT_TEXT_NAME, FALSE);
  ok &= check_cell (import, line, RAPPORT_IMPORT_FIELD_OWNER, row->owner, RAPPORT_TEXT_OWNER, FALSE);
  ok &= check_cell (import, line, RAPPORT_IMPORT_FIELD_SOURCE, row->source, RAPPORT_TEXT_SOURCE, FALSE);
  ok &= check_cell (import, line, RAPPORT_IMPORT_FIELD_NOTE, row->note, RAPPORT_TEXT_NOTE, FALSE);
  ok &= check_cell (import, line, RAPPORT_IMPORT_FIELD_LOST_REASON, row->lost_reason, RAPPORT_TEXT_REASON, FALSE);
  ok &= check_cell (import, line, RAPPORT_IMPORT_FIELD_EXTERNAL_ID,
                    cell (import, fields, RAPPORT_IMPORT_FIELD_EXTERNAL_ID), RAPPORT_TEXT_NAME, FALSE);
  ok &= check_value (import, line, fields, row);
  ok &= check_stage (import, line, fields, row);
  ok &= check_close_date (import, line, fields, row);
  ok &= check_created_at (import, line, cell (import, fields, RAPPORT_IMPORT_FIELD_CREATED_AT), &times);
  row->created_at = times.created_at;
  row->has_created_at = times.has_created_at;
  if (ok && row->closed_at != 0 && row->has_created_at && row->closed_at < row->created_at)
    {
      add_problem (import, line, RAPPORT_IMPORT_FIELD_CLOSE_DATE,
                   _("The deal closed before it was created: check its creation and close dates."));
      ok = FALSE;
    }

  return ok ? RAPPORT_IMPORT_NEXT_ROW : RAPPORT_IMPORT_NEXT_BAD;
}

static gboolean
import_deals (CsvImport  *import,
              GError    **error)
{
  return load_stages (import, error) && parse_stage_map (import, error) &&
         rapport_store_import_deals (import->store, import->options->flags, next_deal_row, import,
                                     &import->report->counts, error);
}

gboolean
rapport_import_csv (RapportStore                   *store,
                    RapportCsvReader               *reader,
                    const RapportCsvImportOptions  *options,
                    RapportImportReport            *report,
                    GError                        **error)
{
  CsvImport import = { store, reader, options, report, rapport_csv_reader_get_header (reader), NULL, };
  gboolean done;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (reader != NULL && options != NULL && report != NULL, FALSE);

  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_import_problem_free);
  report->unknown_stages = g_ptr_array_new_with_free_func (g_free);
  import.now = rapport_store_now (store);
  import.custom_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  import.custom = g_ptr_array_new_with_free_func (g_free);
  if (!map_columns (&import, error) || !check_name_column (&import, error))
    {
      g_array_unref (import.custom_columns);
      g_ptr_array_unref (import.custom);
      return FALSE;
    }

  done = options->kind == RAPPORT_IMPORT_DEALS
         ? import_deals (&import, error)
         : rapport_store_import (store, options->kind, options->flags, next_row, &import,
                                 &report->counts, error);
  g_free (import.name);
  g_free (import.pipeline_name);
  g_free (import.expected_close);
  g_clear_pointer (&import.stages, g_hash_table_unref);
  g_clear_pointer (&import.stage_map, g_hash_table_unref);
  g_array_unref (import.custom_columns);
  g_ptr_array_unref (import.custom);
  return done;
}

void
rapport_import_report_clear (RapportImportReport *report)
{
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_clear_pointer (&report->unknown_stages, g_ptr_array_unref);
  g_clear_pointer (&report->counts.undo, rapport_import_undo_free);
}
