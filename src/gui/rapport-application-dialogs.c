/* rapport-application-dialogs.c — what the application's file actions
 * share: toasts, error dialogs, where file choosers start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-application"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-application-private.h"
#include "rapport-documents.h"
#include "rapport-window.h"

void
rapport_application_show_toast (RapportApplication *self,
                                AdwToast           *toast)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_toast_set_timeout (toast, 8);
  if (RAPPORT_IS_WINDOW (window))
    rapport_context_add_toast (rapport_window_get_context (RAPPORT_WINDOW (window)), toast);
  else
    g_object_unref (toast);
}

void
rapport_application_show_saved (RapportApplication *self,
                                const char         *path,
                                const char         *title)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "app.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  rapport_application_show_toast (self, toast);
}

void
rapport_application_show_error (RapportApplication *self,
                                const char         *heading,
                                const GError       *error)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog = adw_message_dialog_new (window, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* See rapport-documents.c for why not the database's folder. */
void
rapport_application_start_in_documents (GtkFileChooser *chooser)
{
  rapport_documents_start_chooser (chooser);
}
