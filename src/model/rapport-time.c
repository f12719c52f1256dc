/* rapport-time.c — UTC times in, local times out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-time"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "rapport-error.h"
#include "rapport-time.h"

gboolean
rapport_date_is_valid (const char *text)
{
  int y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;

  return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

gboolean
rapport_time_parse_iso8601 (const char  *text,
                            gint64      *unix_seconds,
                            GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (unix_seconds != NULL, FALSE);

  if (text != NULL && rapport_date_is_valid (text))
    {
      g_autofree char *midnight = g_strconcat (text, "T00:00:00Z", NULL);

      dt = g_date_time_new_from_iso8601 (midnight, utc);
    }
  else if (text != NULL)
    dt = g_date_time_new_from_iso8601 (text, utc);

  if (dt == NULL)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a date and time: use ISO 8601, like 2026-11-23T09:30:00Z"),
                   text ? text : "");
      return FALSE;
    }

  *unix_seconds = g_date_time_to_unix (dt);
  return TRUE;
}

char *
rapport_time_to_iso8601 (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = NULL;

  if (unix_seconds == 0)
    return NULL;

  dt = g_date_time_new_from_unix_utc (unix_seconds);
  if (dt == NULL)
    return NULL;

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}
