/* rapport-edit.h — saving edits as they are made, with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every view edits through these calls. An edit is committed to the store
 * at once (there is no Save button to forget); when it succeeds it goes on
 * the context's undo history (Ctrl+Z); when it fails (an invalid value, a full
 * disk, a locked file) the error is shown and the record keeps what is
 * really stored, so a view bound to the record shows the truth again.
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

/* Sets @property of @record to @value. TRUE when stored; otherwise the
 * message is shown as a toast unless @error is given, which then gets it
 * (for a view that shows it next to the field). */
gboolean      rapport_edit_set           (RapportContext *context,
                                          RapportRecord  *record,
                                          const char     *property,
                                          const GValue   *value,
                                          GError        **error);
gboolean      rapport_edit_set_string    (RapportContext *context,
                                          RapportRecord  *record,
                                          const char     *property,
                                          const char     *text,
                                          GError        **error);
gboolean      rapport_edit_set_int64     (RapportContext *context,
                                          RapportRecord  *record,
                                          const char     *property,
                                          gint64          number,
                                          GError        **error);
gboolean      rapport_edit_set_enum      (RapportContext *context,
                                          RapportRecord  *record,
                                          const char     *property,
                                          int             value,
                                          GError        **error);

/* Undo of adding @record (a note, a negotiation entry, an activity). */
void          rapport_edit_push_undo_add (RapportContext *context,
                                          const char     *label,
                                          RapportRecord  *record);

/* Undo of marking @activity done: pending again. */
/* Marks @activity done, with its undo step named @label: a lead's
 * follow-up by logging the first contact (rapport_store_mark_contacted). */
gboolean      rapport_edit_complete_followup (RapportContext   *context,
                                              const char       *label,
                                              RapportActivity  *activity,
                                              GError          **error);
/* Takes back a logged activity with the follow-up it scheduled (@next,
 * nullable) and the first contact it was; returns the step's id. */
guint64       rapport_edit_push_undo_log (RapportContext  *context,
                                          const char      *label,
                                          RapportActivity *logged,
                                          RapportActivity *next);
void          rapport_edit_push_undo_done (RapportContext *context,
                                           const char     *label,
                                           RapportActivity *activity);

/* Binds an entry row (AdwEntryRow or any GtkEditable) to a text property:
 * shows the stored text, and saves on Enter and when focus leaves it. A
 * refused value leaves the text as typed, marks the row with the "error"
 * style and shows the reason in @message (a label under the row, may be
 * NULL: then a toast); a change by anyone else updates the row unless the
 * user is typing in it. */
void          rapport_edit_bind_text     (RapportContext *context,
                                          GtkWidget      *editable,
                                          GtkLabel       *message,
                                          RapportRecord  *record,
                                          const char     *property);

/* Ctrl+Z in @editable (a field that saves as it is edited, but not through
 * rapport_edit_bind_text) is the window's undo, or puts back the text last
 * given with rapport_edit_set_synced_text() when the user typed since.
 * (A change other than a field's (a tick, an added note) goes on the
 * history with rapport_context_push_undo().) */
void          rapport_edit_take_undo     (RapportContext *context,
                                          GtkWidget      *editable);
void          rapport_edit_set_synced_text (GtkWidget    *editable,
                                            const char   *text);
/* That text ("" before any), to tell typing from what is stored. */
const char   *rapport_edit_get_synced_text (GtkWidget    *editable);

G_END_DECLS
