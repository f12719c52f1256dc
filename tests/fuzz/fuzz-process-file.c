/* fuzz-process-file.c — libFuzzer target for the process file reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes are read as a process file; what is read is written again,
 * and that must read back to the same file (nothing the reader accepts
 * is lost or changed by the writer). Built only by clang
 * (-fsanitize=fuzzer,address): see tests/meson.build.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rapport-process.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RapportProcess) process = rapport_process_parse ((const char *) data, size, NULL);
  g_autoptr(RapportProcess) again = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;

  if (process == NULL)
    return 0;

  json = rapport_process_to_json (process);
  again = rapport_process_parse (json, strlen (json), NULL);
  if (again == NULL)
    abort ();
  json_again = rapport_process_to_json (again);
  if (strcmp (json, json_again) != 0)
    abort ();

  return 0;
}
