/* rapport-import-job.c — an import (or its dry run) on a thread of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store of the window belongs to the main thread, so the worker opens
 * one of its own on the same file: SQLite lets both connections work side
 * by side, and the import is one transaction, so the window's store sees
 * the rows all at once when it looks again (the assistant asks it to).
 *
 * That store is the worker's of rapport-worker-store.h: opened once, kept
 * for the life of the process, the jobs taking turns on it.
 */

#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include <string.h>

#include "rapport-import-job.h"
#include "rapport-vcard-reader.h"
#include "rapport-worker-store.h"

struct _RapportImportJob
{
  RapportImportJobSpec  spec;
  GWeakRef              owner;
  RapportImportJobDone  done;
  GTask                *task;
  goffset               size;
  gint                  permille;   /* atomic */
  GFileInputStream     *stream;     /* the worker's */
  RapportImportReport   report;
};

void
rapport_import_job_spec_clear (RapportImportJobSpec *spec)
{
  g_clear_pointer (&spec->db_path, g_free);
  g_clear_object (&spec->file);
  g_clear_pointer (&spec->encoding, g_free);
  g_clear_pointer (&spec->column_fields, g_array_unref);
  g_clear_pointer (&spec->stage_choices, g_hash_table_unref);
}

/* On the worker, every few hundred rows: where in the file it is. */
static void
on_progress (gpointer user_data,
             guint    rows)
{
  RapportImportJob *self = user_data;
  goffset at = g_seekable_tell (G_SEEKABLE (self->stream));

  if (self->size > 0)
    g_atomic_int_set (&self->permille, (gint) MIN (1000, at * 1000 / self->size));
}

/* A vCard or iCalendar file: read as the command line reads it. */
static gboolean
run_other (RapportImportJob  *self,
           RapportStore      *store,
           GCancellable      *cancellable,
           GError           **error)
{
  RapportImportJobSpec *spec = &self->spec;
  g_autoptr(RapportVcardReader) reader = NULL;
  g_autofree char *data = NULL;
  gsize len;

  if (spec->format == RAPPORT_IMPORT_FORMAT_ICALENDAR)
    return g_file_load_contents (spec->file, cancellable, &data, &len, NULL, error) &&
           rapport_import_ics (store, data, len, spec->flags, &self->report, NULL, error);

  if ((self->stream = g_file_read (spec->file, cancellable, error)) == NULL)
    return FALSE;
  reader = rapport_vcard_reader_new (G_INPUT_STREAM (self->stream));
  return rapport_import_vcard (store, reader, spec->flags, &self->report, error);
}

static gboolean
import_into (RapportImportJob  *self,
             RapportStore      *store,
             GCancellable      *cancellable,
             GError           **error)
{
  RapportImportJobSpec *spec = &self->spec;
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autoptr(GFileInfo) info = NULL;
  RapportCsvImportOptions options = {
    .kind = spec->kind,
    .column_fields = spec->column_fields != NULL ? (const RapportImportField *) spec->column_fields->data : NULL,
    .n_column_fields = spec->column_fields != NULL ? spec->column_fields->len : 0,
    .date_order = spec->date_order,
    .flags = spec->flags,
    .stage_choices = spec->stage_choices,
    .decimal_mark = spec->decimal_mark,
    .cancellable = cancellable,
    .progress = on_progress,
    .progress_data = self,
  };

  if (spec->now != 0)
    rapport_store_set_now (store, spec->now);
  if (spec->format != RAPPORT_IMPORT_FORMAT_CSV)
    return run_other (self, store, cancellable, error);

  if ((self->stream = g_file_read (spec->file, cancellable, error)) == NULL)
    return FALSE;
  info = g_file_input_stream_query_info (self->stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  self->size = info != NULL ? g_file_info_get_size (info) : 0;
  reader = rapport_csv_reader_new (G_INPUT_STREAM (self->stream), spec->encoding, spec->delimiter,
                                   cancellable, error);
  return reader != NULL && rapport_import_csv (store, reader, &options, &self->report, error);
}

static gboolean
run (RapportImportJob  *self,
     GCancellable      *cancellable,
     GError           **error)
{
  RapportStore *store = rapport_worker_store_acquire (self->spec.db_path, error);
  gboolean done;

  if (store == NULL)
    return FALSE;
  done = import_into (self, store, cancellable, error);
  rapport_worker_store_release ();
  return done;
}

static void
run_in_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RapportImportJob *self = task_data;
  g_autoptr(GError) error = NULL;
  gboolean done = run (self, cancellable, &error);

  /* Before returning: the main thread frees the job once it has. */
  g_clear_object (&self->stream);
  g_atomic_int_set (&self->permille, 1000);
  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
job_free (RapportImportJob *self)
{
  rapport_import_report_clear (&self->report);
  rapport_import_job_spec_clear (&self->spec);
  g_weak_ref_clear (&self->owner);
  g_free (self);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  RapportImportJob *self = data;
  g_autoptr(GObject) owner = g_weak_ref_get (&self->owner);

  self->done (owner, self);
  g_clear_object (&self->task);
  job_free (self);
}

RapportImportJob *
rapport_import_job_start (RapportImportJobSpec  *spec,
                          GObject               *owner,
                          GCancellable          *cancellable,
                          RapportImportJobDone   done)
{
  RapportImportJob *self = g_new0 (RapportImportJob, 1);

  /* The job owns what the spec held from now on. */
  self->spec = *spec;
  memset (spec, 0, sizeof *spec);
  g_weak_ref_init (&self->owner, owner);
  self->done = done;
  self->task = g_task_new (NULL, cancellable, on_done, self);
  g_task_set_task_data (self->task, self, NULL);
  /* Cancelled or not, the worker ends its transaction before it returns. */
  g_task_set_return_on_cancel (self->task, FALSE);
  g_task_run_in_thread (self->task, run_in_thread);

  return self;
}

RapportImportFormat
rapport_import_job_get_format (RapportImportJob *self)
{
  return self->spec.format;
}

double
rapport_import_job_get_fraction (RapportImportJob *self)
{
  return g_atomic_int_get (&self->permille) / 1000.0;
}

gboolean
rapport_import_job_finish (RapportImportJob     *self,
                           RapportImportReport  *report,
                           GError              **error)
{
  if (!g_task_propagate_boolean (self->task, error))
    return FALSE;
  *report = self->report;
  memset (&self->report, 0, sizeof self->report);
  return TRUE;
}
