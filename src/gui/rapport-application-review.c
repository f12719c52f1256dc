/* rapport-application-review.c — Weekly Review…: the pipeline review of
 * the last complete week as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same review and the same renderer as `rapport-cli report review`:
 * the review is read from the store on the main thread (a few indexed
 * queries), the pages are laid out and written in a thread, and a toast
 * offers to open the file. The chooser has asked before replacing a file;
 * the PDF is written beside it and renamed over it, so the old one stays
 * whole if anything fails.
 */

#define G_LOG_DOMAIN "rapport-application"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-application-private.h"
#include "rapport-review-pdf.h"

typedef struct
{
  RapportReview *review;
  char          *path;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  rapport_review_free (job->review);
  g_free (job->path);
  g_free (job);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  WriteJob *job = data;
  g_autoptr(GError) error = NULL;
  int pages = 0;

  if (!rapport_review_write_pdf (job->review, job->path, TRUE, &pages, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, pages);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  RapportApplication *self = RAPPORT_APPLICATION (source);
  WriteJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_task_propagate_int (G_TASK (result), &error);
  if (error != NULL)
    {
      rapport_application_show_error (self, _("The Review Was Not Saved"), error);
      return;
    }

  name = g_path_get_basename (job->path);
  title = g_strdup_printf (_("Saved the review as “%s”"), name);
  rapport_application_show_saved (self, job->path, title);
}

static void
on_review_chosen (GtkNativeDialog    *chooser,
                  int                 response,
                  RapportApplication *self)
{
  g_autoptr(RapportReview) review = g_object_steal_data (G_OBJECT (chooser), "review");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  WriteJob *job;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || review == NULL)
    return;

  job = g_new0 (WriteJob, 1);
  job->review = g_steal_pointer (&review);
  job->path = g_file_get_path (file);
  if (job->path == NULL)
    {
      write_job_free (job);
      return;
    }

  task = g_task_new (self, NULL, on_written, NULL);
  g_task_set_source_tag (task, on_review_chosen);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_in_thread);
}

static void
weekly_review_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       data)
{
  RapportApplication *self = data;
  RapportStore *store = rapport_application_get_store (self);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(RapportReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  int year, week;

  g_return_if_fail (store != NULL);

  /* Read now, so the file holds what the data said when asked for. */
  rapport_review_default_week (rapport_store_now (store), &year, &week);
  if ((review = rapport_store_get_review (store, year, week, NULL, &error)) == NULL)
    {
      rapport_application_show_error (self, _("The Review Was Not Saved"), error);
      return;
    }

  name = rapport_review_pdf_name (review);
  chooser = gtk_file_chooser_native_new (_("Save the Weekly Review"), window,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  rapport_application_start_in_documents (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "review", g_steal_pointer (&review),
                          (GDestroyNotify) rapport_review_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_review_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(RapportApplication) self = data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    rapport_application_show_error (self, _("The File Cannot Be Opened"), error);
}

/* GTK 4.8 has no GtkFileLauncher: the desktop's default application for
 * the file's type. */
static void
open_file_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       data)
{
  RapportApplication *self = data;

  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL), NULL, NULL,
                                           on_launched, g_object_ref (self));
}

static const GActionEntry review_actions[] = {
  { "weekly-review", weekly_review_action },
  { "open-file", open_file_action, "s" },
};

void
rapport_application_add_review_actions (RapportApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), review_actions, G_N_ELEMENTS (review_actions), self);
}
