/* rapport-team-secret.c — a team member's password in the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-team"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "rapport-team-secret.h"

static const SecretSchema *
team_schema (void)
{
  static const SecretSchema schema = {
    APPLICATION_ID ".TeamPassword", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

char *
rapport_team_secret_lookup (const char *server,
                            const char *user)
{
  g_autoptr(GError) error = NULL;
  char *secret;

  g_return_val_if_fail (server != NULL && user != NULL, NULL);

  secret = secret_password_lookup_sync (team_schema (), NULL, &error,
                                        "server", server, "user", user, NULL);
  /* No keyring on this desktop: libpq's own ways (~/.pgpass) may do. */
  if (error != NULL)
    g_debug ("No password from the keyring: %s", error->message);
  if (secret == NULL)
    return NULL;

  /* libsecret's non-pageable copy goes back to it; ours is an ordinary
   * string that lives as long as one connection. */
  {
    char *copy = g_strdup (secret);

    secret_password_free (secret);
    return copy;
  }
}

gboolean
rapport_team_secret_store (const char  *server,
                           const char  *user,
                           const char  *password,
                           GError     **error)
{
  /* Translators: the name of the password in Passwords and Keys; %s is
   * the team member's user name. */
  g_autofree char *label = g_strdup_printf (_("Rapport team password for %s"), user);

  g_return_val_if_fail (server != NULL && user != NULL && password != NULL, FALSE);

  return secret_password_store_sync (team_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                     NULL, error, "server", server, "user", user, NULL);
}

void
rapport_team_secret_clear (const char *server,
                           const char *user)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (server != NULL && user != NULL);

  if (!secret_password_clear_sync (team_schema (), NULL, &error, "server", server, "user", user, NULL) &&
      error != NULL)
    g_debug ("The keyring kept the password: %s", error->message);
}
