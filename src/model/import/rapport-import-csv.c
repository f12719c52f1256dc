/* rapport-import-csv.c — the rows of a CSV file as contacts or
 * organizations
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

#include "rapport-error.h"
#include "rapport-import.h"
#include "rapport-validate.h"

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

  int                            columns[RAPPORT_IMPORT_N_FIELDS];  /* -1: none */
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

      if (map != NULL && g_hash_table_lookup_extended (map, folded, NULL, &mapped))
        field = GPOINTER_TO_UINT (mapped);
      else
        field = rapport_import_guess_field (import->header->pdata[i]);
      if (field != RAPPORT_IMPORT_FIELD_NONE && import->columns[field] < 0)
        import->columns[field] = i;
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

static gboolean
check_created_at (CsvImport        *import,
                  guint             line,
                  const char       *text,
                  RapportImportRow *row)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return TRUE;
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

static RapportImportNext
next_row (gpointer           user_data,
          RapportImportRow  *row,
          GError           **error)
{
  CsvImport *import = user_data;
  g_autoptr(GError) local_error = NULL;
  RapportImportField name_field;
  GPtrArray *fields;
  gboolean ok;
  guint line;

  /* A row of empty cells (",,,,") is a spreadsheet's empty line. */
  do
    if (!rapport_csv_reader_next (import->reader, &fields, &line, &local_error))
      {
        if (local_error == NULL)
          return RAPPORT_IMPORT_NEXT_END;
        g_propagate_error (error, g_steal_pointer (&local_error));
        return RAPPORT_IMPORT_NEXT_FAILED;
      }
  while (is_empty_row (fields));

  row->line = line;
  row->name = row_name (import, fields);
  row->email = cell (import, fields, RAPPORT_IMPORT_FIELD_EMAIL);
  row->phone = cell (import, fields, RAPPORT_IMPORT_FIELD_PHONE);
  row->organization = cell (import, fields, RAPPORT_IMPORT_FIELD_ORGANIZATION);
  row->owner = cell (import, fields, RAPPORT_IMPORT_FIELD_OWNER);
  row->source = cell (import, fields, RAPPORT_IMPORT_FIELD_SOURCE);
  row->note = cell (import, fields, RAPPORT_IMPORT_FIELD_NOTE);

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

  return ok ? RAPPORT_IMPORT_NEXT_ROW : RAPPORT_IMPORT_NEXT_BAD;
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
  import.now = rapport_store_now (store);
  if (!map_columns (&import, error) || !check_name_column (&import, error))
    return FALSE;

  done = rapport_store_import (store, options->kind, options->flags, next_row, &import,
                               &report->counts, error);
  g_free (import.name);
  return done;
}

void
rapport_import_report_clear (RapportImportReport *report)
{
  g_clear_pointer (&report->problems, g_ptr_array_unref);
}
