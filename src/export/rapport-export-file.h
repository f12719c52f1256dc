/* rapport-export-file.h — writing a document the user asked for, whole or
 * not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports (the review's PDF and CSV files) are the user's documents, not
 * Rapport's data: they get the permissions the user's umask gives new
 * files, except that they are never writable by others (a review names
 * customers and amounts). They are written to a temporary file beside the
 * target and then put in its place in one step, so a reader never sees
 * half a PDF and a failure leaves the old file, or nothing.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RapportExportFile RapportExportFile;

/* Where a streamed export puts its text, a piece at a time (the standard
 * output, or a RapportExportFile). */
typedef gboolean (*RapportExportSink) (const char  *data,
                                       gsize        len,
                                       gpointer     user_data,
                                       GError     **error);

/* Whether @path may be written: refuses a directory, and (unless
 * @replace) a file that is there already, with a message naming it. */
gboolean           rapport_export_file_check  (const char         *path,
                                               gboolean            replace,
                                               GError            **error);

/* A temporary file beside @path, for rapport_export_file_commit() to put
 * in its place. */
RapportExportFile *rapport_export_file_new    (const char         *path,
                                               gboolean            replace,
                                               GError            **error);
/* The same, readable by the user alone (0600): for the data itself, such
 * as an address book, rather than a document about it. */
RapportExportFile *rapport_export_file_new_private (const char    *path,
                                                    gboolean       replace,
                                                    GError       **error);
gboolean           rapport_export_file_write  (RapportExportFile  *self,
                                               const void         *data,
                                               gsize               len,
                                               GError            **error);
/* Flushes the file to the disk and puts it under its name: replacing what
 * is there if @replace was given, else failing if something appeared
 * there meanwhile. */
gboolean           rapport_export_file_commit (RapportExportFile  *self,
                                               GError            **error);
/* Removes the temporary file unless it was committed. */
void               rapport_export_file_free   (RapportExportFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportExportFile, rapport_export_file_free)

G_END_DECLS
