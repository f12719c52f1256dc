/* rapport-team-secret.h — a team member's password in the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kept by the Secret Service (GNOME Keyring) under the team's server (as
 * the file names it, without password) and the member's name. Blocking
 * calls: for the sync's threads.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The password, or NULL (none kept, or no keyring). */
char     *rapport_team_secret_lookup (const char  *server,
                                      const char  *user);
gboolean  rapport_team_secret_store  (const char  *server,
                                      const char  *user,
                                      const char  *password,
                                      GError     **error);
void      rapport_team_secret_clear  (const char  *server,
                                      const char  *user);

G_END_DECLS
