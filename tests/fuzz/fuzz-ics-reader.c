/* fuzz-ics-reader.c — libFuzzer target for the iCalendar reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is the file. What the reader gives must hold whatever the
 * file: every problem names a line of it, every item is due after 1970
 * and its text is valid UTF-8. Built only by clang
 * (-fsanitize=fuzzer,address): see tests/meson.build.
 */

#include "config.h"

#include <stdint.h>

#include "rapport-ics-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* 2026-03-20T12:00:00Z: a fixed now, so a run can be replayed. */
#define NOW G_GINT64_CONSTANT (1774008000)

static void
check_text (const char *text)
{
  g_assert (text == NULL || g_utf8_validate (text, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) problems = rapport_ics_problems_new ();
  g_autoptr(GPtrArray) items = rapport_ics_read ((const char *) data, size, NOW, problems);
  guint lines = 1;

  for (size_t i = 0; i < size; i++)
    lines += data[i] == '\n';
  for (guint i = 0; i < problems->len; i++)
    {
      const RapportIcsProblem *problem = problems->pdata[i];

      g_assert (problem->line >= 1 && problem->line <= lines);
      check_text (problem->message);
    }
  for (guint i = 0; i < items->len; i++)
    {
      const RapportIcsItem *item = items->pdata[i];

      g_assert (item->row.due_at > 0);
      g_assert (item->row.line >= 1 && item->row.line <= lines);
      check_text (item->row.uid);
      check_text (item->row.title);
      check_text (item->row.note);
      for (guint j = 0; item->row.emails[j] != NULL; j++)
        check_text (item->row.emails[j]);
    }
  return 0;
}
