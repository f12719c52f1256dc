/* fuzz-csv-reader.c — libFuzzer target for the CSV reader and the import's
 * date parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks the encoding and the separator (so UTF-16, the
 * converter and a separator given all get fuzzed); the rest is the file.
 * Every field is then read as a date, and every header as a field guess.
 * Built only by clang (-fsanitize=fuzzer,address): see tests/meson.build.
 */

#include "config.h"

#include <stdint.h>

#include "rapport-csv-reader.h"
#include "rapport-import.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char * const encodings[] = { NULL, "UTF-8", "WINDOWS-1252", "SHIFT_JIS", "UTF-16" };
static const char delimiters[] = { 0, ',', ';', '\t' };

static void
poke_fields (GPtrArray *fields,
             gboolean   header)
{
  for (guint i = 0; i < fields->len; i++)
    {
      gint64 seconds;

      if (header)
        (void) rapport_import_guess_field (fields->pdata[i]);
      else
        (void) rapport_import_parse_date (fields->pdata[i], i % 4, &seconds, NULL);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  guint line, previous = 0;
  guint8 options;

  if (size < 1)
    return 0;
  options = data[0];
  stream = g_memory_input_stream_new_from_data (data + 1, size - 1, NULL);
  reader = rapport_csv_reader_new (stream, encodings[(options >> 2) % G_N_ELEMENTS (encodings)],
                                   delimiters[options % G_N_ELEMENTS (delimiters)], NULL, &error);
  if (reader == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }

  poke_fields (rapport_csv_reader_get_header (reader), TRUE);
  while (rapport_csv_reader_next (reader, &fields, &line, &error))
    {
      /* Lines only go forward, and every field is valid UTF-8. */
      g_assert (line > previous);
      previous = line;
      for (guint i = 0; i < fields->len; i++)
        g_assert (g_utf8_validate (fields->pdata[i], -1, NULL));
      poke_fields (fields, FALSE);
    }
  return 0;
}
