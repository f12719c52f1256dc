/* rapport-form.h — what the forms of Rapport's dialogs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

/* The row's text without surrounding white space (transfer full). */
char     *rapport_form_dup_text      (AdwEntryRow *row);
/* Names a row by its title alone, for screen readers and tests. */
void      rapport_form_label_row     (gpointer     row);
/* Shows @message under @row (NULL clears it); returns whether a message
 * went away. The row's "rapport-hint" data is its description otherwise. */
gboolean  rapport_form_show_message  (AdwEntryRow *row,
                                      GtkLabel    *label,
                                      const char  *message);
/* One field of a form as its dialog judged it: @message (owned, NULL when
 * the text is fine) is shown only when @touched. */
typedef struct
{
  AdwEntryRow *row;
  GtkLabel    *label;
  char        *message;
  gboolean     touched;
} RapportFormField;

/* Shows the touched fields' messages, frees them all, lets @window shrink
 * when one went away and makes @create sensitive when no field is wrong.
 * Returns the first invalid row, or NULL. */
GtkWidget *rapport_form_show_fields  (GtkWindow        *window,
                                      RapportFormField *fields,
                                      guint             n_fields,
                                      GtkWidget        *create);
/* Says on the context's window that a record was made (@markup, as
 * AdwToast 1.2 reads its title), with Open, which activates @open_action
 * ("win.open-deal", …) for @id: the window outlives the dialog, and a new
 * deal or lead is otherwise hard to find. */
void      rapport_form_report_created (RapportContext *context,
                                       const char     *markup,
                                       const char     *open_action,
                                       gint64          id);
/* Lets a dialog shrink back to the height its form needs. */
void      rapport_form_shrink_to_fit (GtkWindow   *window);

G_END_DECLS
