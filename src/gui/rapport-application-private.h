/* rapport-application-private.h — what the application's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-application.h"
#include "rapport-error.h"

G_BEGIN_DECLS

/* rapport-application-backup.c: app.backup and app.restore */
void rapport_application_add_backup_actions (RapportApplication *self);
/* Today's backup, on a worker thread, unless it is there (or off); the
 * application looks a while after its start, then every hour. */
void  rapport_application_daily_backup          (RapportApplication *self);
guint rapport_application_daily_backup_delay    (void);
guint rapport_application_daily_backup_interval (void);

/* rapport-application.c: its settings, NULL without the schema installed */
GSettings *rapport_application_get_settings (RapportApplication *self);

/* rapport-application-review.c: app.weekly-review (the review of the last
 * complete week as PDF) and app.open-file (a URI, from its toast) */
void rapport_application_add_review_actions (RapportApplication *self);
/* rapport-application-process.c: app.export-process (the current
 * pipeline's manual or process file), app.import-process and
 * app.show-pipeline (an id, from its toast) */
void rapport_application_add_process_actions (RapportApplication *self);

/* rapport-application-dialogs.c: a toast on the active window (taken), an
 * error dialog over it, a file chooser that starts in Documents */
void rapport_application_show_toast         (RapportApplication *self,
                                             AdwToast           *toast);
/* "Saved … as “name”" with Open, for a file written at @path. */
void rapport_application_show_saved         (RapportApplication *self,
                                             const char         *path,
                                             const char         *title);
void rapport_application_show_error         (RapportApplication *self,
                                             const char         *heading,
                                             const GError       *error);
void rapport_application_start_in_documents (GtkFileChooser     *chooser);

G_END_DECLS
