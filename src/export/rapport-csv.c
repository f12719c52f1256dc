/* rapport-csv.c — what every CSV export shares: RFC 4180 fields, defused
 * formulas, and writing a set of files all or none refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "rapport-csv.h"
#include "rapport-error.h"
#include "rapport-export-file.h"
#include "rapport-money.h"
#include "rapport-time.h"

void
rapport_csv_append_field (GString    *line,
                          const char *text)
{
  gboolean defuse, quote;

  g_return_if_fail (line != NULL);

  if (text == NULL || *text == '\0')
    return;

  /* What Excel, LibreOffice and Google Sheets take for a formula. */
  defuse = strchr ("=+-@\t\r", text[0]) != NULL;
  quote = strpbrk (text, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (line, '"');
  if (defuse)
    g_string_append_c (line, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  if (quote)
    g_string_append_c (line, '"');
}

/* Each field is followed by a comma, which the end of the line takes
 * back: looking back for the line's start instead would lose the comma
 * after an empty first field. */
void
rapport_csv_field (GString    *csv,
                   const char *text)
{
  rapport_csv_append_field (csv, text);
  g_string_append_c (csv, ',');
}

void
rapport_csv_field_int (GString *csv,
                       gint64   value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  rapport_csv_field (csv, text);
}

void
rapport_csv_field_money (GString    *csv,
                         gint64      minor_units,
                         const char *currency)
{
  g_autofree char *text = currency != NULL ? rapport_money_to_plain (minor_units, currency) : NULL;

  rapport_csv_field (csv, text);
}

void
rapport_csv_field_time (GString *csv,
                        gint64   unix_seconds)
{
  g_autofree char *text = unix_seconds != 0 ? rapport_time_format_iso8601 (unix_seconds) : NULL;

  rapport_csv_field (csv, text);
}

void
rapport_csv_field_double (GString *csv,
                          double   value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    {
      rapport_csv_field (csv, NULL);
      return;
    }

  /* g_ascii_formatd: a dot whatever LC_NUMERIC says. */
  rapport_csv_field (csv, g_ascii_formatd (text, sizeof text, "%.4f", value));
}

void
rapport_csv_end_line (GString *csv)
{
  if (csv->len > 0 && csv->str[csv->len - 1] == ',')
    g_string_truncate (csv, csv->len - 1);
  g_string_append (csv, "\r\n");
}

gboolean
rapport_csv_write_files (const char         *dir,
                         guint               n,
                         const char * const *names,
                         const char * const *texts,
                         gboolean            replace,
                         GPtrArray          *written,
                         GError            **error)
{
  g_return_val_if_fail (dir != NULL, FALSE);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a folder; nothing was written."), display);
      return FALSE;
    }

  /* All or none refused before any is written. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      if (!rapport_export_file_check (path, replace, error))
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(RapportExportFile) file = rapport_export_file_new (path, replace, error);

      if (file == NULL || !rapport_export_file_write (file, texts[i], strlen (texts[i]), error) ||
          !rapport_export_file_commit (file, error))
        return FALSE;
      if (written != NULL)
        g_ptr_array_add (written, g_steal_pointer (&path));
    }

  return TRUE;
}
