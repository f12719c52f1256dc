/* rapport-time.h — UTC times in, local times out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Unix seconds from ISO 8601 in its extended form only
 * ("2026-11-23T09:30:00Z", "…T09:30:00.5Z", "…+02:00", or a date
 * "2026-11-23" taken as midnight UTC; not "20261123", "2026- 1- 1" or
 * "2026-W48"). A time without a zone is UTC. */
gboolean  rapport_time_parse_iso8601   (const char  *text,
                                        gint64      *unix_seconds,
                                        GError     **error);
/* "2026-11-23T09:30:00Z", or NULL for 0 ("not set"). */
char     *rapport_time_to_iso8601      (gint64       unix_seconds);
/* The same for a time that is always set: 0 is 1970-01-01T00:00:00Z. */
char     *rapport_time_format_iso8601  (gint64       unix_seconds);
/* Checks "YYYY-MM-DD", four, two and two digits, names a real day. */
gboolean  rapport_date_is_valid        (const char  *text);
/* A day, as YYYY-MM-DD; NULL or "" is "not set"; else says why not. */
gboolean  rapport_date_check           (const char  *text,
                                        GError     **error);

/* The instant RAPPORT_NOW (ISO 8601) pins "now" to, for scripts, tests and
 * demos: TRUE with *@now = 0 when it is not set, FALSE with @error when it
 * is not a date and time. The CLI and the app read it alike. */
gboolean  rapport_time_pinned_now      (gint64      *now,
                                        GError     **error);

/* A span written as a whole number and a unit: "30m", "1h", "1d", "3d",
 * "1w" (minutes, hours, days, weeks), from a minute to a year, in
 * seconds; else says why not. */
gboolean  rapport_duration_parse       (const char  *text,
                                        gint64      *seconds,
                                        GError     **error);

G_END_DECLS
