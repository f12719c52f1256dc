/* rapport-process-dialogs.h — the process editor's questions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* "Delete …?" over the window of @from, with Cancel and Delete. With
 * @records (pipelines or stages), a picker of those that are not
 * @except, labelled @picker_label: where the deleted one's deals go. */
AdwMessageDialog *rapport_process_delete_dialog_new (GtkWidget  *from,
                                                     const char *heading,
                                                     const char *body,
                                                     const char *picker_label,
                                                     GListModel *records,
                                                     gpointer    except);
/* The record picked (transfer none), or NULL without a picker. */
gpointer          rapport_process_delete_dialog_get_target (AdwMessageDialog *dialog);

/* "New Pipeline": a name and what it starts from (a template, or one
 * empty stage). */
AdwMessageDialog *rapport_process_add_dialog_new    (GtkWidget  *from);
/* Its name, trimmed (transfer full), and its template id, NULL for empty. */
char             *rapport_process_add_dialog_get_name     (AdwMessageDialog *dialog);
const char       *rapport_process_add_dialog_get_template (AdwMessageDialog *dialog);

G_END_DECLS
