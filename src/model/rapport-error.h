/* rapport-error.h — the model's error domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RAPPORT_ERROR (rapport_error_quark ())

typedef enum
{
  /* The file exists but is not an SQLite database at all. */
  RAPPORT_ERROR_NOT_A_DATABASE,
  /* An SQLite database that some other program made. */
  RAPPORT_ERROR_FOREIGN_DATABASE,
  /* A Rapport database that fails its integrity check. */
  RAPPORT_ERROR_CORRUPT,
  /* Made by a newer Rapport: its schema is unknown to us. */
  RAPPORT_ERROR_TOO_NEW,
  /* Another process holds the database for longer than the busy timeout. */
  RAPPORT_ERROR_BUSY,
  /* The disk is full, read-only, or the file vanished. */
  RAPPORT_ERROR_IO,
  /* No row with that id. */
  RAPPORT_ERROR_NOT_FOUND,
  /* The user's input breaks a rule (empty title, negative value, …). */
  RAPPORT_ERROR_INVALID,
  /* Anything else SQLite reports. */
  RAPPORT_ERROR_FAILED,
  /* The file under the database's name is no longer the one opened
   * (deleted, replaced, its -wal removed): nothing more is written. */
  RAPPORT_ERROR_FILE_LOST,
  /* The store was opened for reading only. */
  RAPPORT_ERROR_READ_ONLY,
  /* A stage's gate is unmet: the deal lacks what the stage asks for. */
  RAPPORT_ERROR_GATE,
} RapportError;

GQuark rapport_error_quark (void);

G_END_DECLS
