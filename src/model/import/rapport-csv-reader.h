/* rapport-csv-reader.h — the records of a CSV file, streamed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads what spreadsheets and CRMs export: UTF-8 with or without a byte
 * order mark, UTF-16 LE or BE with one, or any encoding iconv knows by name
 * (WINDOWS-1252, SHIFT_JIS…); comma, semicolon or tab separators; RFC 4180
 * quoting (separators, doubled quotes and line breaks inside quotes); CRLF,
 * LF or CR line ends (a line break inside quotes is read as "\n"); and
 * lines of text before the header row.
 *
 * The separator and the header row are found in the first 20 lines (or
 * the first 64 KiB), counting , ; and tab outside quotes on each line.
 * A separator's typical count is the count most of the lines that have
 * one share; the separator is the one whose typical count the most lines
 * share (then the one with the higher count; then the comma, then the
 * semicolon), and the header is the first line with at least its typical
 * count. So a preamble ("Notes:", a quoted paragraph, an empty line, as
 * LinkedIn's export has) is skipped as long as its lines have fewer
 * separators than the rows, while a row with a stray unquoted separator
 * neither becomes the header nor changes the separator.
 *
 * Only a buffer of 64 KiB and the current record are in memory; a field
 * is at most 1 MiB. Every record knows the physical line it begins on.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _RapportCsvReader RapportCsvReader;

/* The longest field the reader accepts: a note's limit. */
#define RAPPORT_CSV_MAX_FIELD (1024 * 1024)
/* The most columns a record may have. */
#define RAPPORT_CSV_MAX_COLUMNS 4096

/* Reads the start of @stream and its header row. @encoding NULL reads UTF-8
 * or, after their byte order mark, UTF-16 LE or BE; @delimiter 0 guesses
 * the separator. Errors are RAPPORT_ERROR_INVALID (a malformed file, an
 * unknown encoding) or @stream's own. */
RapportCsvReader *rapport_csv_reader_new           (GInputStream      *stream,
                                                    const char        *encoding,
                                                    char               delimiter,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
void              rapport_csv_reader_free          (RapportCsvReader  *self);

/* The header row's cells (transfer none), and the line it is on. */
GPtrArray        *rapport_csv_reader_get_header    (RapportCsvReader  *self);
guint             rapport_csv_reader_get_header_line (RapportCsvReader *self);
char              rapport_csv_reader_get_delimiter (RapportCsvReader  *self);
/* "UTF-8", "UTF-16LE", "UTF-16BE" or the encoding given. */
const char       *rapport_csv_reader_get_encoding  (RapportCsvReader  *self);

/* The next record after the header, skipping empty lines: TRUE with its
 * fields (UTF-8 strings, transfer none, valid until the next call) and
 * the line it begins on (the caller may change the strings in place);
 * FALSE at the end (@error unset) or on an error
 * (naming the line). */
gboolean          rapport_csv_reader_next          (RapportCsvReader  *self,
                                                    GPtrArray        **fields,
                                                    guint             *line,
                                                    GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportCsvReader, rapport_csv_reader_free)

G_END_DECLS
