/* rapport-csv.h — what every CSV export shares: RFC 4180 fields, defused
 * formulas, and writing a set of files all or none refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180: fields quoted when they hold a comma, a quote or a line
 * break; lines end in CRLF; UTF-8 without a byte-order mark. A text cell
 * that a spreadsheet would run as a formula (starting with =, +, -, @, a
 * tab or a carriage return) gets a leading ' so that it is shown, never
 * evaluated: a deal title is someone else's text. Numbers, times and money
 * are ours and written bare.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends one field, quoted and defused as needed (NULL is empty). */
void     rapport_csv_append_field (GString            *line,
                                   const char         *text);

/* One field of a line, then the next; rapport_csv_end_line() ends it. */
void     rapport_csv_field        (GString            *csv,
                                   const char         *text);
void     rapport_csv_field_int    (GString            *csv,
                                   gint64              value);
/* Plain major units ("1234.50"); empty without a currency. */
void     rapport_csv_field_money  (GString            *csv,
                                   gint64              minor_units,
                                   const char         *currency);
/* ISO 8601 UTC; empty for 0. */
void     rapport_csv_field_time   (GString            *csv,
                                   gint64              unix_seconds);
/* A fraction with four decimals and a dot, whatever the locale; empty
 * for NaN (unknown, as null in the JSON). */
void     rapport_csv_field_double (GString            *csv,
                                   double              value);
void     rapport_csv_end_line     (GString            *csv);

/* Writes @n files named @names[i] with @texts[i] into @dir: checks first
 * that none of them is there (unless @replace), then writes each whole
 * (rapport-export-file.h). @written (may be NULL) receives the paths. */
gboolean rapport_csv_write_files  (const char         *dir,
                                   guint               n,
                                   const char * const *names,
                                   const char * const *texts,
                                   gboolean            replace,
                                   GPtrArray          *written,
                                   GError            **error);

G_END_DECLS
