/* rapport-csv-reader.c — the records of a CSV file, streamed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is decoded to UTF-8 first (a GCharsetConverter when it is not
 * UTF-8), then parsed byte by byte from a buffer refilled as it empties:
 * every byte that matters to the syntax (quote, separators, CR, LF) is
 * ASCII, so UTF-8 needs no care until a field is complete.
 */

#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-csv-reader.h"
#include "rapport-error.h"

#define CHUNK_SIZE (64 * 1024)
#define SNIFF_LINES 20

enum { END_OF_INPUT = -1, READ_FAILED = -2 };

struct _RapportCsvReader
{
  /* Owned */
  GInputStream *stream;       /* decoded: UTF-8 */
  GCancellable *cancellable;
  char         *encoding;
  GByteArray   *buf;
  GPtrArray    *header;
  GPtrArray    *fields;       /* the current record */
  GString      *field;

  gsize         pos;          /* next byte to parse in buf */
  gboolean      eof;
  GError       *pending;      /* a read error, for when the bytes before it are parsed */
  guint         line;         /* physical line of buf[pos], from 1 */
  guint         header_line;
  char          delimiter;
};

void
rapport_csv_reader_free (RapportCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_clear_error (&self->pending);
  g_clear_object (&self->cancellable);
  g_free (self->encoding);
  g_byte_array_unref (self->buf);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_ptr_array_unref (self->fields);
  g_string_free (self->field, TRUE);
  g_free (self);
}

/* A decoding error names the line it was met on, and the encoding. */
static gboolean
set_read_error (RapportCsvReader  *self,
                GError            *read_error,
                GError           **error)
{
  if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) ||
      g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                 _("Line %u is not valid %s: choose the file’s encoding."),
                 self->line, self->encoding);
  else
    g_propagate_error (error, g_steal_pointer (&read_error));
  g_clear_error (&read_error);

  return FALSE;
}

/* Reads one more chunk into the buffer, first dropping what was parsed. */
static gboolean
fill (RapportCsvReader  *self,
      GError           **error)
{
  GError *read_error = NULL;
  gsize old_len;
  gssize n;

  if (self->eof)
    return TRUE;

  if (self->pos > 0)
    {
      g_byte_array_remove_range (self->buf, 0, self->pos);
      self->pos = 0;
    }

  old_len = self->buf->len;
  g_byte_array_set_size (self->buf, old_len + CHUNK_SIZE);
  n = g_input_stream_read (self->stream, self->buf->data + old_len, CHUNK_SIZE,
                           self->cancellable, &read_error);
  g_byte_array_set_size (self->buf, old_len + MAX (n, 0));
  /* The text decoded before a decoding error is parsed first, so the
   * error names the line it is on. */
  if (n < 0)
    self->pending = read_error;
  if (n <= 0)
    self->eof = TRUE;

  return TRUE;
}

/* The byte @ahead bytes after the parse position, END_OF_INPUT, or
 * READ_FAILED with @error set. */
static int
peek (RapportCsvReader  *self,
      gsize              ahead,
      GError           **error)
{
  while (self->pos + ahead >= self->buf->len)
    {
      if (self->eof && self->pending != NULL)
        {
          set_read_error (self, g_steal_pointer (&self->pending), error);
          return READ_FAILED;
        }
      if (self->eof)
        return END_OF_INPUT;
      if (!fill (self, error))
        return READ_FAILED;
    }

  return self->buf->data[self->pos + ahead];
}

static gboolean
finish_field (RapportCsvReader  *self,
              GError           **error)
{
  if (self->fields->len >= RAPPORT_CSV_MAX_COLUMNS)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("Line %u has more than %d columns."), self->line, RAPPORT_CSV_MAX_COLUMNS);
      return FALSE;
    }

  g_ptr_array_add (self->fields, g_strndup (self->field->str, self->field->len));
  g_string_truncate (self->field, 0);
  return TRUE;
}

/* A field's text is checked once whole: NUL (which a C string cannot hold,
 * and which UTF-16 read as 8-bit is full of) and invalid UTF-8. */
static gboolean
check_field (RapportCsvReader  *self,
             guint              start_line,
             GError           **error)
{
  if (memchr (self->field->str, '\0', self->field->len) != NULL)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("Line %u holds a NUL character: the file may be in another encoding, such as UTF-16 without a byte order mark."),
                   start_line);
      return FALSE;
    }
  if (!g_utf8_validate_len (self->field->str, self->field->len, NULL))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("Line %u is not valid UTF-8: choose the file’s encoding."), start_line);
      return FALSE;
    }
  return TRUE;
}

static gboolean
append_byte (RapportCsvReader  *self,
             int                c,
             guint              start_line,
             GError           **error)
{
  if (self->field->len >= RAPPORT_CSV_MAX_FIELD)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("A field of the record on line %u is longer than 1 MiB: is a quote not closed?"),
                   start_line);
      return FALSE;
    }
  g_string_append_c (self->field, (char) c);
  self->pos++;
  return TRUE;
}

typedef enum { RECORD_READ, RECORD_NONE, RECORD_FAILED } RecordResult;

/* Parses one record into self->fields; a line with nothing on it at all
 * gives a record of one empty field (the caller skips those). */
static RecordResult
parse_record (RapportCsvReader  *self,
              guint             *start_line,
              GError           **error)
{
  gboolean quoted = FALSE;
  gboolean field_start = TRUE;
  int c;

  g_ptr_array_set_size (self->fields, 0);
  g_string_truncate (self->field, 0);
  *start_line = self->line;

  for (;;)
    {
      if ((c = peek (self, 0, error)) == READ_FAILED)
        return RECORD_FAILED;

      if (c == END_OF_INPUT)
        {
          if (quoted)
            {
              g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("The quoted field that begins on line %u is not closed."), *start_line);
              return RECORD_FAILED;
            }
          if (self->fields->len == 0 && field_start && self->field->len == 0)
            return RECORD_NONE;
          break;
        }

      if (quoted)
        {
          if (c == '"')
            {
              int next = peek (self, 1, error);

              if (next == READ_FAILED)
                return RECORD_FAILED;
              self->pos++;
              if (next == '"')
                {
                  if (!append_byte (self, '"', *start_line, error))
                    return RECORD_FAILED;
                }
              else
                quoted = FALSE;
              continue;
            }
          /* A line break inside quotes is part of the field, as a "\n"
           * whatever the file wrote (CRLF, CR), and of the line count. */
          if (c == '\r')
            {
              int next = peek (self, 1, error);

              if (next == READ_FAILED)
                return RECORD_FAILED;
              if (next == '\n')
                self->pos++;
              c = '\n';
            }
          if (c == '\n')
            self->line++;
          if (!append_byte (self, c, *start_line, error))
            return RECORD_FAILED;
          continue;
        }

      if (c == '"' && field_start)
        {
          quoted = TRUE;
          field_start = FALSE;
          self->pos++;
          continue;
        }
      field_start = FALSE;

      if (c == self->delimiter)
        {
          self->pos++;
          if (!check_field (self, *start_line, error) || !finish_field (self, error))
            return RECORD_FAILED;
          field_start = TRUE;
          continue;
        }

      if (c == '\n' || c == '\r')
        {
          int next = c == '\r' ? peek (self, 1, error) : 0;

          if (next == READ_FAILED)
            return RECORD_FAILED;
          self->pos += next == '\n' ? 2 : 1;
          self->line++;
          break;
        }

      /* Text after a closing quote, or a quote inside an unquoted field,
       * is kept as it is: spreadsheets write both. */
      if (!append_byte (self, c, *start_line, error))
        return RECORD_FAILED;
    }

  if (!check_field (self, *start_line, error) || !finish_field (self, error))
    return RECORD_FAILED;

  return RECORD_READ;
}

/* A byte order mark picks the encoding when none was given; the mark
 * itself is not part of the text. */
static const char *
skip_bom (GBufferedInputStream  *raw,
          const char            *encoding,
          GCancellable          *cancellable,
          GError               **error)
{
  const guchar *start;
  gsize available;

  if (g_buffered_input_stream_fill (raw, 3, cancellable, error) < 0)
    return NULL;
  start = g_buffered_input_stream_peek_buffer (raw, &available);

  if (available >= 3 && memcmp (start, "\xEF\xBB\xBF", 3) == 0 &&
      (encoding == NULL || g_ascii_strcasecmp (encoding, "UTF-8") == 0 ||
       g_ascii_strcasecmp (encoding, "UTF8") == 0))
    {
      g_input_stream_skip (G_INPUT_STREAM (raw), 3, cancellable, NULL);
      return "UTF-8";
    }
  if (encoding != NULL)
    return encoding;
  if (available >= 2 && memcmp (start, "\xFF\xFE", 2) == 0)
    {
      g_input_stream_skip (G_INPUT_STREAM (raw), 2, cancellable, NULL);
      return "UTF-16LE";
    }
  if (available >= 2 && memcmp (start, "\xFE\xFF", 2) == 0)
    {
      g_input_stream_skip (G_INPUT_STREAM (raw), 2, cancellable, NULL);
      return "UTF-16BE";
    }
  return "UTF-8";
}

static gboolean
open_decoded (RapportCsvReader  *self,
              GInputStream      *stream,
              const char        *encoding,
              GError           **error)
{
  g_autoptr(GInputStream) raw = g_buffered_input_stream_new (stream);
  g_autoptr(GCharsetConverter) converter = NULL;
  const char *found;

  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (raw), FALSE);
  if ((found = skip_bom (G_BUFFERED_INPUT_STREAM (raw), encoding, self->cancellable, error)) == NULL)
    return FALSE;
  self->encoding = g_strdup (found);

  if (g_ascii_strcasecmp (found, "UTF-8") == 0 || g_ascii_strcasecmp (found, "UTF8") == 0)
    {
      self->stream = g_steal_pointer (&raw);
      return TRUE;
    }

  converter = g_charset_converter_new ("UTF-8", found, NULL);
  if (converter == NULL)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The encoding “%s” is not known."), found);
      return FALSE;
    }
  self->stream = g_converter_input_stream_new (raw, G_CONVERTER (converter));
  return TRUE;
}

typedef struct
{
  gsize offset;      /* where the line begins in the buffer */
  guint line;        /* its physical line number */
  guint counts[3];   /* separators outside quotes: , ; tab */
} SniffLine;

static const char candidates[3] = { ',', ';', '\t' };

/* Counts the separators of the first lines of the buffer, quotes
 * respected; returns how many lines it saw. */
static guint
sniff_lines (RapportCsvReader *self,
             SniffLine        *lines)
{
  const guint8 *data = self->buf->data;
  gsize len = self->buf->len;
  gboolean quoted = FALSE;
  guint physical = self->line;
  guint n = 0;

  memset (&lines[0], 0, sizeof lines[0]);
  lines[0].line = physical;
  for (gsize i = 0; i < len && n < SNIFF_LINES; i++)
    {
      gboolean line_end = data[i] == '\n' || (data[i] == '\r' && (i + 1 >= len || data[i + 1] != '\n'));

      if (data[i] == '"')
        quoted = !quoted;
      else if (line_end)
        physical++;
      if (quoted || !line_end)
        {
          for (guint d = 0; !quoted && d < 3; d++)
            lines[n].counts[d] += data[i] == candidates[d];
          continue;
        }
      if (++n < SNIFF_LINES)
        {
          memset (&lines[n], 0, sizeof lines[n]);
          lines[n].offset = i + 1;
          lines[n].line = physical;
        }
    }

  return MIN (n + 1, SNIFF_LINES);
}

/* The count of separator @d that most lines with one share (a tie goes
 * to the smaller count), and how many lines share it. */
static guint
typical_count (const SniffLine *lines,
               guint            n_lines,
               guint            d,
               guint           *n_sharing)
{
  guint typical = 0;

  *n_sharing = 0;
  for (guint i = 0; i < n_lines; i++)
    {
      guint count = lines[i].counts[d], sharing = 0;

      if (count == 0)
        continue;
      for (guint j = 0; j < n_lines; j++)
        sharing += lines[j].counts[d] == count;
      if (sharing > *n_sharing || (sharing == *n_sharing && count < typical))
        {
          typical = count;
          *n_sharing = sharing;
        }
    }
  return typical;
}

/* Picks the separator (unless given) and skips the lines before the
 * header: see the rule in the header file. */
static gboolean
find_header (RapportCsvReader  *self,
             GError           **error)
{
  SniffLine lines[SNIFF_LINES];
  guint n_lines, best_d = 0, best = 0, best_sharing = 0, header = 0;

  while (!self->eof && self->buf->len < CHUNK_SIZE)
    if (!fill (self, error))
      return FALSE;

  n_lines = sniff_lines (self, lines);
  for (guint d = 0; d < 3; d++)
    {
      guint sharing, typical = typical_count (lines, n_lines, d, &sharing);

      if ((self->delimiter == 0 || self->delimiter == candidates[d]) &&
          (sharing > best_sharing || (sharing == best_sharing && typical > best)))
        {
          best = typical;
          best_sharing = sharing;
          best_d = d;
        }
    }

  if (self->delimiter == 0)
    self->delimiter = candidates[best_d];
  if (self->delimiter == candidates[best_d])
    for (header = 0; header < n_lines && lines[header].counts[best_d] < best; header++)
      ;

  if (header < n_lines)
    {
      self->pos = lines[header].offset;
      self->line = lines[header].line;
    }
  return TRUE;
}

RapportCsvReader *
rapport_csv_reader_new (GInputStream  *stream,
                        const char    *encoding,
                        char           delimiter,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(RapportCsvReader) self = g_new0 (RapportCsvReader, 1);
  RecordResult result;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (delimiter == 0 || delimiter == ',' || delimiter == ';' || delimiter == '\t', NULL);

  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  self->buf = g_byte_array_sized_new (2 * CHUNK_SIZE);
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->field = g_string_new (NULL);
  self->line = 1;
  self->delimiter = delimiter;

  if (!open_decoded (self, stream, encoding, error) || !find_header (self, error))
    return NULL;

  /* The header is the first record with something in it. */
  do
    result = parse_record (self, &self->header_line, error);
  while (result == RECORD_READ && self->fields->len == 1 &&
         ((char *) self->fields->pdata[0])[0] == '\0');

  if (result == RECORD_FAILED)
    return NULL;
  if (result == RECORD_NONE)
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("The file has no header row: it is empty."));
      return NULL;
    }

  self->header = g_steal_pointer (&self->fields);
  self->fields = g_ptr_array_new_with_free_func (g_free);
  return g_steal_pointer (&self);
}

GPtrArray *
rapport_csv_reader_get_header (RapportCsvReader *self)
{
  return self->header;
}

guint
rapport_csv_reader_get_header_line (RapportCsvReader *self)
{
  return self->header_line;
}

char
rapport_csv_reader_get_delimiter (RapportCsvReader *self)
{
  return self->delimiter;
}

const char *
rapport_csv_reader_get_encoding (RapportCsvReader *self)
{
  return self->encoding;
}

gboolean
rapport_csv_reader_next (RapportCsvReader  *self,
                         GPtrArray        **fields,
                         guint             *line,
                         GError           **error)
{
  RecordResult result;
  guint start_line;

  g_return_val_if_fail (self != NULL, FALSE);

  do
    result = parse_record (self, &start_line, error);
  while (result == RECORD_READ && self->fields->len == 1 &&
         ((char *) self->fields->pdata[0])[0] == '\0');

  if (result != RECORD_READ)
    return FALSE;

  if (fields != NULL)
    *fields = self->fields;
  if (line != NULL)
    *line = start_line;
  return TRUE;
}
