/* rapport-application-process.c — Export Process Manual… and Import
 * Process…: the current pipeline's process as a PDF, Markdown or a
 * process file, and a process file taken in as a new pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same calls as `rapport-cli process export|import`. The process is
 * read on the main thread (a few small queries) and written in a thread;
 * the format is the filter chosen, or else the name's extension.
 */

#define G_LOG_DOMAIN "rapport-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rapport-application-private.h"
#include "rapport-export-file.h"
#include "rapport-process-manual.h"
#include "rapport-store-process.h"

/* A process file is a few kilobytes; this bounds what is read at all. */
#define MAX_PROCESS_FILE (4 * 1024 * 1024)

typedef enum
{
  FORMAT_PDF,
  FORMAT_MARKDOWN,
  FORMAT_JSON,
} Format;

typedef struct
{
  RapportProcess *process;
  Format          format;
  gint64          now;
  char           *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  rapport_process_free (job->process);
  g_free (job->path);
  g_free (job);
}

static gboolean
write_text (const char  *path,
            const char  *text,
            GError     **error)
{
  g_autoptr(RapportExportFile) file = rapport_export_file_new (path, TRUE, error);

  return file != NULL &&
         rapport_export_file_write (file, text, strlen (text), error) &&
         rapport_export_file_commit (file, error);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  ExportJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  if (job->format == FORMAT_PDF)
    ok = rapport_process_write_pdf (job->process, job->now, job->path, TRUE, NULL, &error);
  else
    {
      text = job->format == FORMAT_MARKDOWN ? rapport_process_to_markdown (job->process)
                                            : rapport_process_to_json (job->process);
      ok = write_text (job->path, text, &error);
    }

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  RapportApplication *self = RAPPORT_APPLICATION (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      rapport_application_show_error (self, _("The Process Was Not Saved"), error);
      return;
    }

  name = g_path_get_basename (job->path);
  title = g_strdup_printf (_("Saved the process as “%s”"), name);
  rapport_application_show_saved (self, job->path, title);
}

/* The extension typed, else the filter picked, else a PDF. */
static Format
chosen_format (GtkFileChooser *chooser,
               const char     *path)
{
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
  gpointer kind = filter != NULL ? g_object_get_data (G_OBJECT (filter), "rapport-format") : NULL;

  if (g_str_has_suffix (path, ".md"))
    return FORMAT_MARKDOWN;
  if (g_str_has_suffix (path, ".json"))
    return FORMAT_JSON;
  if (g_str_has_suffix (path, ".pdf") || kind == NULL)
    return FORMAT_PDF;
  return (Format) (GPOINTER_TO_INT (kind) - 1);
}

static void
on_export_chosen (GtkNativeDialog    *chooser,
                  int                 response,
                  RapportApplication *self)
{
  g_autoptr(RapportProcess) process = g_object_steal_data (G_OBJECT (chooser), "process");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  RapportStore *store = rapport_application_get_store (self);
  ExportJob *job;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL || process == NULL || store == NULL || (path = g_file_get_path (file)) == NULL)
    {
      g_object_unref (chooser);
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->format = chosen_format (GTK_FILE_CHOOSER (chooser), path);
  job->process = g_steal_pointer (&process);
  job->path = g_steal_pointer (&path);
  job->now = rapport_store_now (store);
  g_object_unref (chooser);

  task = g_task_new (self, NULL, on_exported, NULL);
  g_task_set_source_tag (task, on_export_chosen);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_in_thread);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern,
            Format          format)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  g_object_set_data (G_OBJECT (filter), "rapport-format", GINT_TO_POINTER (format + 1));
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
export_process_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       data)
{
  RapportApplication *self = data;
  RapportStore *store = rapport_application_get_store (self);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(RapportPipeline) pipeline = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  RapportProcess *process;

  g_return_if_fail (store != NULL);

  if ((pipeline = rapport_store_get_current_pipeline (store)) == NULL)
    return;

  process = rapport_store_read_process (store, pipeline);
  name = rapport_process_manual_name (process, "pdf");
  chooser = gtk_file_chooser_native_new (_("Export the Process"), window,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  rapport_application_start_in_documents (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Process manual (PDF)"), "*.pdf", FORMAT_PDF);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Process manual (Markdown)"), "*.md", FORMAT_MARKDOWN);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Process file for another Rapport (JSON)"), "*.json", FORMAT_JSON);
  g_object_set_data_full (G_OBJECT (chooser), "process", process, (GDestroyNotify) rapport_process_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Import */

static gboolean
import_path (RapportApplication  *self,
             const char          *path,
             RapportPipeline    **pipeline,
             GError             **error)
{
  RapportStore *store = rapport_application_get_store (self);
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(RapportProcess) process = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  GStatBuf info;
  gsize len;

  if (g_stat (path, &info) != 0 || info.st_size > MAX_PROCESS_FILE)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID, _("%s is too big to be a process file."), display);
      return FALSE;
    }
  if (!g_file_get_contents (path, &data, &len, error))
    return FALSE;
  if ((process = rapport_process_parse (data, len, &local_error)) == NULL)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID, _("%s: %s"), display, local_error->message);
      return FALSE;
    }

  *pipeline = rapport_store_import_process (store, process, error);
  return *pipeline != NULL;
}

static void
on_import_chosen (GtkNativeDialog    *chooser,
                  int                 response,
                  RapportApplication *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(RapportPipeline) pipeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (!import_path (self, path, &pipeline, &error))
    {
      rapport_application_show_error (self, _("The Process Was Not Imported"), error);
      return;
    }

  title = g_strdup_printf (_("Imported the process as the pipeline “%s”"), rapport_pipeline_get_name (pipeline));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "app.show-pipeline");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (rapport_record_get_id (RAPPORT_RECORD (pipeline))));
  rapport_application_show_toast (self, toast);
}

static void
import_process_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       data)
{
  RapportApplication *self = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import a Process"), window,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  rapport_application_start_in_documents (GTK_FILE_CHOOSER (chooser));
  gtk_file_filter_set_name (filter, _("Process files (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The toast's Show: the imported pipeline on the board. */
static void
show_pipeline_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       data)
{
  RapportApplication *self = data;
  RapportStore *store = rapport_application_get_store (self);
  g_autoptr(RapportPipeline) pipeline = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (store == NULL ||
      (pipeline = rapport_store_get_pipeline (store, g_variant_get_int64 (parameter), NULL)) == NULL)
    return;
  if (!rapport_store_set_current_pipeline (store, pipeline, &error))
    {
      rapport_application_show_error (self, _("The Pipeline Was Not Shown"), error);
      return;
    }
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "pipeline");
}

static const GActionEntry process_actions[] = {
  { "export-process", export_process_action },
  { "import-process", import_process_action },
  { "show-pipeline", show_pipeline_action, "x" },
};

void
rapport_application_add_process_actions (RapportApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), process_actions, G_N_ELEMENTS (process_actions), self);
}

