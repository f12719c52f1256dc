/* rapport-autostart.c — start in the background at login, or not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A desktop entry in the XDG autostart folder, as the specification says;
 * no portal is needed outside a sandbox. The entry exists exactly while
 * the user wants Rapport started at login (and running in the background).
 */

#define G_LOG_DOMAIN "rapport-reminders"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rapport-autostart.h"

char *
rapport_autostart_get_path (const char *config_dir)
{
  g_return_val_if_fail (config_dir != NULL, NULL);

  return g_build_filename (config_dir, "autostart", APPLICATION_ID ".desktop", NULL);
}

/* The database it was started with goes into the entry: a Rapport kept
 * on another file than the default reminds of that file's follow-ups. */
static char *
autostart_contents (const char *db_path)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *exec = NULL;

  if (db_path != NULL)
    {
      g_autofree char *absolute = g_canonicalize_filename (db_path, NULL);
      g_autofree char *quoted = g_shell_quote (absolute);

      exec = g_strdup_printf ("rapport --background --db %s", quoted);
    }
  else
    exec = g_strdup ("rapport --background");

  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME, "Rapport");
  /* Written in the language of the session that turned it on. */
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         _("Reminders of follow-ups"));
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APPLICATION_ID);
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, exec);
  g_key_file_set_boolean (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (key_file, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);

  return g_key_file_to_data (key_file, NULL, NULL);
}

/* The entry of Rapport before it had an application id of its own: it
 * would start a second Rapport at login beside the entry of today. */
static void
remove_earlier_entry (const char *config_dir)
{
  g_autofree char *earlier = g_build_filename (config_dir, "autostart", "org.gnome" ".Rapport.desktop", NULL);

  g_unlink (earlier);
}

gboolean
rapport_autostart_sync (const char  *config_dir,
                        gboolean     enabled,
                        const char  *db_path,
                        GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *current = NULL;

  g_return_val_if_fail (config_dir != NULL, FALSE);

  path = rapport_autostart_get_path (config_dir);
  remove_earlier_entry (config_dir);

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not remove “%s”: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  wanted = autostart_contents (db_path);
  /* Unchanged files keep their time stamp: every start calls this. */
  if (g_file_get_contents (path, &current, NULL, NULL) && g_str_equal (current, wanted))
    return TRUE;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return g_file_set_contents_full (path, wanted, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}
