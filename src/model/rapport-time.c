/* rapport-time.c — UTC times in, local times out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-time"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-error.h"
#include "rapport-time.h"
#include "rapport-validate.h"

static gboolean
digits_at (const char *text,
           guint       n,
           int        *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }

  return TRUE;
}

gboolean
rapport_date_is_valid (const char *text)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!digits_at (text, 4, &y) || !digits_at (text + 5, 2, &m) || !digits_at (text + 8, 2, &d))
    return FALSE;

  return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

gboolean
rapport_date_check (const char  *text,
                    GError     **error)
{
  g_autofree char *quoted = NULL;

  if (text == NULL || *text == '\0' || rapport_date_is_valid (text))
    return TRUE;

  quoted = rapport_text_quote (text);
  g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
               _("“%s” is not a date: use YYYY-MM-DD"), quoted);
  return FALSE;
}

/* "HH:MM:SS", maybe with a fraction, then "Z", "±HH:MM" or nothing: the
 * extended ISO 8601 form, the one Rapport writes. */
static gboolean
time_is_canonical (const char *text)
{
  const char *p = text;
  int h, m, s;

  if (!digits_at (p, 2, &h) || p[2] != ':' || !digits_at (p + 3, 2, &m) ||
      p[5] != ':' || !digits_at (p + 6, 2, &s))
    return FALSE;
  p += 8;
  if (*p == '.')
    {
      if (!g_ascii_isdigit (p[1]))
        return FALSE;
      for (p++; g_ascii_isdigit (*p); p++)
        ;
    }

  if (*p == 'Z')
    return p[1] == '\0';
  if (*p == '+' || *p == '-')
    return digits_at (p + 1, 2, &h) && p[3] == ':' && digits_at (p + 4, 2, &m) && p[6] == '\0';

  return *p == '\0';
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
  else if (text != NULL && strlen (text) > 11 && text[10] == 'T')
    {
      g_autofree char *date = g_strndup (text, 10);

      if (rapport_date_is_valid (date) && time_is_canonical (text + 11))
        dt = g_date_time_new_from_iso8601 (text, utc);
    }

  if (dt == NULL)
    {
      g_autofree char *quoted = rapport_text_quote (text);

      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a date and time: use ISO 8601, like 2026-11-23T09:30:00Z"),
                   quoted);
      return FALSE;
    }

  *unix_seconds = g_date_time_to_unix (dt);
  return TRUE;
}

char *
rapport_time_format_iso8601 (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_seconds);

  if (dt == NULL)
    return NULL;

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

char *
rapport_time_to_iso8601 (gint64 unix_seconds)
{
  if (unix_seconds == 0)
    return NULL;

  return rapport_time_format_iso8601 (unix_seconds);
}

gboolean
rapport_time_pinned_now (gint64  *now,
                         GError **error)
{
  const char *pinned = g_getenv ("RAPPORT_NOW");

  g_return_val_if_fail (now != NULL, FALSE);

  *now = 0;
  if (pinned == NULL || *pinned == '\0')
    return TRUE;

  if (!rapport_time_parse_iso8601 (pinned, now, NULL))
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("RAPPORT_NOW is not a date and time: use ISO 8601, like 2026-11-23T09:30:00Z"));
      return FALSE;
    }

  return TRUE;
}

gboolean
rapport_duration_parse (const char  *text,
                        gint64      *seconds,
                        GError     **error)
{
  static const struct
  {
    char   unit;
    gint64 seconds;
  } units[] = {
    { 'm', 60 }, { 'h', 60 * 60 }, { 'd', 24 * 60 * 60 }, { 'w', 7 * 24 * 60 * 60 },
  };
  g_autofree char *number = NULL;
  gsize len = text != NULL ? strlen (text) : 0;
  gint64 count;

  g_return_val_if_fail (seconds != NULL, FALSE);

  /* The number is written like an id: 3, not +3 or 03. */
  if (len >= 2)
    {
      number = g_strndup (text, len - 1);
      for (guint i = 0; i < G_N_ELEMENTS (units); i++)
        if (text[len - 1] == units[i].unit && rapport_id_parse (number, &count) &&
            count <= (366 * 24 * 60 * 60) / units[i].seconds)
          {
            *seconds = count * units[i].seconds;
            return TRUE;
          }
    }

  {
    g_autofree char *quoted = rapport_text_quote (text ? text : "");

    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                 _("“%s” is not a span like 30m, 1h, 1d, 3d or 1w, up to a year"), quoted);
  }
  return FALSE;
}
