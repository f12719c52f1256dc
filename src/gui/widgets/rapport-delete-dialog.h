/* rapport-delete-dialog.h — "Delete …?": what goes with it, then Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-context.h"

G_BEGIN_DECLS

/* Asks whether to delete record @id of @entity (@name is how it is
 * called: a title, a name), over the window of @from; deletes it, with
 * Undo in its toast and on Ctrl+Z. */
void rapport_delete_dialog_ask (RapportContext *context,
                                GtkWidget      *from,
                                RapportEntity   entity,
                                gint64          id,
                                const char     *name);

/* Asks, once and plainly, whether to erase contact @contact_id for good
 * (a privacy request), and does. */
void rapport_delete_dialog_ask_erase (RapportContext *context,
                                      GtkWidget      *from,
                                      gint64          contact_id,
                                      const char     *name);

G_END_DECLS
