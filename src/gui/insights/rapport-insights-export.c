/* rapport-insights-export.c — the Insights tab as an image, its tables as
 * CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The image is the whole page as it is drawn, in the current style (light
 * or dark, either direction), at the screen's scale: the widgets are
 * snapshotted, not only the part scrolled into view, and rendered by the
 * window's own renderer into a texture. The tables are those of the
 * filters chosen when the export was asked for, computed again when the
 * folder is chosen, so they hold the data as it is then. Both exports are written like the
 * review's (rapport-export-file.h): to a temporary file beside the target,
 * put in its place in one step, never writable by others.
 */

#define G_LOG_DOMAIN "rapport-insights-export"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-documents.h"
#include "rapport-error.h"
#include "rapport-export-file.h"
#include "rapport-insights-csv.h"
#include "rapport-insights-export.h"

/* The image */

static GdkTexture *
render_whole (GtkWidget  *content,
              GError    **error)
{
  GtkNative *native = gtk_widget_get_native (content);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  int width = gtk_widget_get_width (content);
  int height = gtk_widget_get_height (content);
  int scale = gtk_widget_get_scale_factor (content);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GdkRGBA background = { 1, 1, 1, 1 };

  if (renderer == NULL || width <= 0 || height <= 0)
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_FAILED,
                           _("The page is not shown, so there is nothing to draw."));
      return NULL;
    }

  /* The page's own background: the widgets draw on the window's. */
  gtk_style_context_lookup_color (gtk_widget_get_style_context (content), "window_bg_color", &background);

  paintable = gtk_widget_paintable_new (content);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_scale (snapshot, scale, scale);
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);

  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, width * scale, height * scale));
}

static gboolean
save_png (GdkTexture  *texture,
          const char  *path,
          GError     **error)
{
  g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (texture);
  g_autoptr(RapportExportFile) file = NULL;
  gsize len;
  const void *data = g_bytes_get_data (png, &len);

  /* The chooser has asked before replacing a file. */
  file = rapport_export_file_new (path, TRUE, error);

  return file != NULL &&
         rapport_export_file_write (file, data, len, error) &&
         rapport_export_file_commit (file, error);
}

typedef struct
{
  RapportContext *context;
  GWeakRef        content;
} ImageJob;

static void
image_job_free (ImageJob *job)
{
  g_clear_object (&job->context);
  g_weak_ref_clear (&job->content);
  g_free (job);
}

static void
on_image_chosen (GtkNativeDialog *chooser,
                 int              response,
                 ImageJob        *job)
{
  g_autoptr(GtkWidget) content = g_weak_ref_get (&job->content);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL || content == NULL || (path = g_file_get_path (file)) == NULL)
    goto out;

  texture = render_whole (content, &error);
  if (texture == NULL || !save_png (texture, path, &error))
    {
      rapport_context_report_error (job->context, error);
      goto out;
    }

  name = g_path_get_basename (path);
  /* Translators: %s is the file name */
  title = g_strdup_printf (_("Saved the image as “%s”"), name);
  rapport_documents_toast_saved (job->context, title, path);

out:
  image_job_free (job);
  g_object_unref (chooser);
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
rapport_insights_export_image (RapportContext *context,
                               GtkWidget      *content,
                               const char     *name)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  ImageJob *job;

  g_return_if_fail (RAPPORT_IS_CONTEXT (context));
  g_return_if_fail (GTK_IS_WIDGET (content));

  chooser = gtk_file_chooser_native_new (_("Export Insights as Image"), window_of (content),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  rapport_documents_start_chooser (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  job = g_new0 (ImageJob, 1);
  job->context = g_object_ref (context);
  g_weak_ref_init (&job->content, content);
  g_signal_connect (chooser, "response", G_CALLBACK (on_image_chosen), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The tables */

typedef struct
{
  RapportContext    *context;
  GtkWindow         *parent;    /* weak */
  RapportReportQuery query;
  char              *owner;     /* the query's, owned */
  char              *dir;
} TablesJob;

static void
tables_job_free (TablesJob *job)
{
  g_clear_object (&job->context);
  g_clear_weak_pointer (&job->parent);
  g_free (job->owner);
  g_free (job->dir);
  g_free (job);
}

static void
write_tables (TablesJob *job)
{
  RapportStore *store = rapport_context_get_store (job->context);
  g_autoptr(RapportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *title = NULL;

  report = rapport_store_report_summary (store, &job->query, &error);
  /* The user has agreed to replace what is there. */
  if (report == NULL || !rapport_insights_write_csv (report, job->dir, TRUE, NULL, &error))
    {
      rapport_context_report_error (job->context, error);
      return;
    }

  folder = g_filename_display_basename (job->dir);
  /* Translators: %s is the folder's name */
  title = g_strdup_printf (_("Exported the tables to “%s”"), folder);
  rapport_documents_toast_saved (job->context, title, job->dir);
}

static void
on_replace_response (AdwMessageDialog *dialog,
                     const char       *response,
                     TablesJob        *job)
{
  if (g_str_equal (response, "replace"))
    write_tables (job);
  tables_job_free (job);
}

/* How many of the tables are there already. */
static guint
count_existing (const char *dir)
{
  guint n = 0;

  for (guint t = 0; t < RAPPORT_INSIGHTS_N_TABLES; t++)
    {
      g_autofree char *path = g_build_filename (dir, rapport_insights_table_file (t), NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        n++;
    }

  return n;
}

static void
ask_to_replace (TablesJob *job)
{
  g_autofree char *folder = g_filename_display_basename (job->dir);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a folder's name */
  body = g_strdup_printf (_("“%s” already holds tables from an earlier export, such as funnel.csv. "
                            "Replacing them writes over them."), folder);
  dialog = adw_message_dialog_new (job->parent, _("Replace the Tables?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_replace_response), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_folder_chosen (GtkNativeDialog *chooser,
                  int              response,
                  TablesJob       *job)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (folder == NULL || (job->dir = g_file_get_path (folder)) == NULL)
    {
      tables_job_free (job);
      return;
    }

  if (count_existing (job->dir) > 0)
    {
      ask_to_replace (job);
      return;
    }

  write_tables (job);
  tables_job_free (job);
}

void
rapport_insights_export_tables (RapportContext           *context,
                                GtkWidget                *parent,
                                const RapportReportQuery *query)
{
  GtkFileChooserNative *chooser;
  TablesJob *job;

  g_return_if_fail (RAPPORT_IS_CONTEXT (context));
  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (query != NULL);

  job = g_new0 (TablesJob, 1);
  job->context = g_object_ref (context);
  g_set_weak_pointer (&job->parent, window_of (parent));
  job->query = *query;
  job->owner = g_strdup (query->owner);
  job->query.owner = job->owner;

  chooser = gtk_file_chooser_native_new (_("Export Tables as CSV"), job->parent,
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  rapport_documents_start_chooser (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chosen), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
