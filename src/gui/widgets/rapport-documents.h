/* rapport-documents.h — where file choosers start, and telling the user
 * a file was saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-context.h"

G_BEGIN_DECLS

/* The user's documents (else home), never the database's own folder. */
void rapport_documents_start_chooser (GtkFileChooser *chooser);

/* A toast @title with an Open button for @path (app.open-file). */
void rapport_documents_toast_saved   (RapportContext *context,
                                      const char     *title,
                                      const char     *path);

G_END_DECLS
