/* rapport-bad-rows.c — the rows an import skipped, as a CSV file to mend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The user fixes them in the spreadsheet they came from and imports the
 * file again: the columns are the file's own, so the same mapping fits,
 * and the last one says what was wrong with the row.
 */

#define G_LOG_DOMAIN "rapport-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-bad-rows.h"
#include "rapport-csv.h"
#include "rapport-csv-reader.h"
#include "rapport-export-file.h"
#include "rapport-import.h"

/* Line → what is wrong with it, every problem of the line in one text. */
static GHashTable *
reasons_by_line (GPtrArray *problems)
{
  GHashTable *reasons = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);

  for (guint i = 0; i < problems->len; i++)
    {
      const RapportImportProblem *problem = problems->pdata[i];
      gpointer key = GUINT_TO_POINTER (problem->line);
      const char *before = g_hash_table_lookup (reasons, key);
      g_autofree char *reason = problem->column != NULL
        /* Translators: a bad row's column, then what is wrong in it. */
        ? g_strdup_printf (_("%s: %s"), problem->column, problem->message)
        : g_strdup (problem->message);

      g_hash_table_replace (reasons, key, before != NULL ? g_strconcat (before, " ", reason, NULL)
                                                         : g_steal_pointer (&reason));
    }
  return reasons;
}

static void
append_record (GString   *csv,
               GPtrArray *fields,
               const char *last)
{
  for (guint i = 0; i < fields->len; i++)
    rapport_csv_field (csv, fields->pdata[i]);
  rapport_csv_field (csv, last);
  rapport_csv_end_line (csv);
}

/* "NAME bad rows.csv" beside @source, or the first "NAME bad rows N.csv"
 * that is not there. */
static char *
free_path (GFile *source)
{
  g_autofree char *path = g_file_get_path (source);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  for (guint n = 1; n < 1000; n++)
    {
      /* Translators: the file of an import's bad rows; %s is the imported file's name. */
      g_autofree char *name = n == 1 ? g_strdup_printf (_("%s bad rows.csv"), base)
                                     /* Translators: the same, when that name is taken; %u is 2, 3… */
                                     : g_strdup_printf (_("%s bad rows %u.csv"), base, n);
      char *candidate = g_build_filename (dir, name, NULL);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        return candidate;
      g_free (candidate);
    }
  return NULL;
}

char *
rapport_bad_rows_save (GFile       *source,
                       const char  *encoding,
                       char         delimiter,
                       GPtrArray   *problems,
                       const char  *path_given,
                       GError     **error)
{
  g_autoptr(GHashTable) reasons = reasons_by_line (problems);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autoptr(RapportExportFile) out = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autofree char *path = path_given != NULL ? g_strdup (path_given) : free_path (source);
  g_autoptr(GError) read_error = NULL;
  GPtrArray *fields;
  guint line;

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                           _("There are too many files of bad rows beside the file already."));
      return NULL;
    }
  if ((stream = g_file_read (source, NULL, error)) == NULL ||
      (reader = rapport_csv_reader_new (G_INPUT_STREAM (stream), encoding, delimiter, NULL, error)) == NULL)
    return NULL;

  append_record (csv, rapport_csv_reader_get_header (reader), _("What is wrong"));
  while (rapport_csv_reader_next (reader, &fields, &line, &read_error))
    {
      const char *reason = g_hash_table_lookup (reasons, GUINT_TO_POINTER (line));

      if (reason != NULL)
        append_record (csv, fields, reason);
    }
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return NULL;
    }

  if ((out = rapport_export_file_new (path, FALSE, error)) == NULL ||
      !rapport_export_file_write (out, csv->str, csv->len, error) ||
      !rapport_export_file_commit (out, error))
    return NULL;
  return g_steal_pointer (&path);
}
