/* rapport-autostart.h — start in the background at login, or not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* CONFIG_DIR/autostart/io.github.rapportcrm.Rapport.desktop */
char     *rapport_autostart_get_path (const char  *config_dir);
/* Writes the entry (Exec=rapport --background) when @enabled, removes it
 * otherwise; does nothing when the file already is as it should be.
 * @config_dir: the XDG config folder, g_get_user_config_dir() but in tests */
/* Writes or removes the entry; @db_path (or NULL for the default
 * database) is the file the started Rapport opens. */
gboolean  rapport_autostart_sync     (const char  *config_dir,
                                      gboolean     enabled,
                                      const char  *db_path,
                                      GError     **error);

G_END_DECLS
