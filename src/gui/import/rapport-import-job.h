/* rapport-import-job.h — an import (or its dry run) on a thread of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rapport-import.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_IMPORT_FORMAT_CSV,
  RAPPORT_IMPORT_FORMAT_VCARD,
  RAPPORT_IMPORT_FORMAT_ICALENDAR,
} RapportImportFormat;

/* What to import and how: the assistant's choices, copied. A vCard or
 * iCalendar file needs only the flags besides the file. */
typedef struct
{
  char               *db_path;
  GFile              *file;
  RapportImportFormat format;
  char               *encoding;       /* NULL: UTF-8, or UTF-16 by its mark */
  char                delimiter;      /* 0: guessed */
  RapportImportKind   kind;
  RapportDateOrder    date_order;
  RapportDecimalMark  decimal_mark;
  RapportImportFlags  flags;
  GArray             *column_fields;  /* RapportImportField, by column */
  GHashTable         *stage_choices;  /* value → gint64 * (see RapportCsvImportOptions) */
  gint64              now;            /* the clock of the app's store */
} RapportImportJobSpec;

void rapport_import_job_spec_clear (RapportImportJobSpec *spec);

typedef struct _RapportImportJob RapportImportJob;

/* Called on the main thread when the job is done, with its @owner or NULL
 * if that was finalized meanwhile; the job is freed after it returns. */
typedef void (*RapportImportJobDone) (GObject          *owner,
                                      RapportImportJob *job);

/* Runs @spec on a worker thread with a store of its own on the same file:
 * the window stays responsive, and the rows are committed at once at the
 * end (or not at all: a bad row, a dry run, @cancellable). The job keeps
 * only a weak reference to @owner. */
RapportImportJob *rapport_import_job_start     (RapportImportJobSpec  *spec,
                                                GObject               *owner,
                                                GCancellable          *cancellable,
                                                RapportImportJobDone   done);
RapportImportFormat rapport_import_job_get_format (RapportImportJob *self);
/* How far it read, 0 to 1 (by the file's bytes). */
double            rapport_import_job_get_fraction (RapportImportJob   *self);
/* In @done: its report (moved into @report), or FALSE with @error. */
gboolean          rapport_import_job_finish    (RapportImportJob      *self,
                                                RapportImportReport   *report,
                                                GError               **error);


G_END_DECLS
