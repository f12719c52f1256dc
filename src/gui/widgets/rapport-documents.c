/* rapport-documents.c — where file choosers start, and telling the user
 * a file was saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-documents.h"

/* The choosers open in the user's documents, not in the database's own
 * folder: listing that folder makes GTK read the database's files, and
 * closing them drops the locks this process holds on them. */
void
rapport_documents_start_chooser (GtkFileChooser *chooser)
{
  const char *dir = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GFile) folder = g_file_new_for_path (dir != NULL && g_file_test (dir, G_FILE_TEST_IS_DIR)
                                                 ? dir : g_get_home_dir ());

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

void
rapport_documents_toast_saved (RapportContext *context,
                               const char     *title,
                               const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = adw_toast_new (title);

  g_return_if_fail (RAPPORT_IS_CONTEXT (context));

  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "app.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  rapport_context_add_toast (context, toast);
}
