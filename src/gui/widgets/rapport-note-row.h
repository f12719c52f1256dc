/* rapport-note-row.h — one note of a notes section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_NOTE_ROW (rapport_note_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportNoteRow, rapport_note_row, RAPPORT, NOTE_ROW, GtkListBoxRow)

/* @time is when the note was written, as the section words it. */
GtkWidget   *rapport_note_row_new      (RapportNote    *note,
                                        const char     *time);
RapportNote *rapport_note_row_get_note (RapportNoteRow *self);

G_END_DECLS
