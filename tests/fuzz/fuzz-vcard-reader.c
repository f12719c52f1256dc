/* fuzz-vcard-reader.c — libFuzzer target for the vCard reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is the file. Every card read must hold valid UTF-8 text, a
 * name, and a photo only with its type; a bad card must say why and on
 * which line; lines only go forward. Built only by clang
 * (-fsanitize=fuzzer,address): see tests/meson.build.
 */

#include "config.h"

#include <stdint.h>

#include "rapport-error.h"
#include "rapport-vcard-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_text (const char *text)
{
  g_assert (text == NULL || g_utf8_validate (text, -1, NULL));
}

static void
check_values (GPtrArray *values)
{
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const RapportContactValue *value = values->pdata[i];

      g_assert (rapport_contact_label_is_known (value->label));
      g_assert (value->value != NULL && *value->value != '\0');
      check_text (value->value);
    }
}

static void
check_card (const RapportVcard *card)
{
  g_assert (card->name != NULL && *card->name != '\0');
  check_text (card->name);
  check_text (card->title);
  check_text (card->organization);
  check_text (card->note);
  check_text (card->uid);
  check_values (card->emails);
  check_values (card->phones);
  g_assert ((card->photo == NULL) == (card->photo_type == NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(RapportVcardReader) reader = rapport_vcard_reader_new (stream);
  guint previous = 0;

  for (;;)
    {
      g_autoptr(RapportVcard) card = NULL;
      g_autoptr(GError) error = NULL;
      guint line = 0;
      RapportVcardNext next = rapport_vcard_reader_next (reader, &card, &line, &error);

      if (next == RAPPORT_VCARD_NEXT_END)
        break;
      g_assert (next != RAPPORT_VCARD_NEXT_FAILED);
      g_assert (line >= 1);
      /* A card without END is reported at its BEGIN, after the card before. */
      g_assert (line > previous || next == RAPPORT_VCARD_NEXT_BAD);
      previous = line;
      if (next == RAPPORT_VCARD_NEXT_CARD)
        check_card (card);
      else
        g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
    }
  return 0;
}
