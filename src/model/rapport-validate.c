/* rapport-validate.c — the model's rules for contact details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rapport-validate.h"

gboolean
rapport_email_is_plausible (const char *email)
{
  const char *at;

  g_return_val_if_fail (email != NULL, FALSE);

  at = strchr (email, '@');
  return at != NULL && at != email &&
         strchr (at + 1, '@') == NULL &&
         strchr (at + 1, '.') != NULL &&
         !g_str_has_suffix (email, ".") &&
         strpbrk (email, " \t\n,;<>") == NULL &&
         strlen (email) <= 254;
}

gboolean
rapport_phone_is_plausible (const char *phone)
{
  guint digits = 0;

  g_return_val_if_fail (phone != NULL, FALSE);

  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr ("+-(). /", *p) == NULL)
        return FALSE;
    }

  return digits >= 3 && digits <= 20;
}
