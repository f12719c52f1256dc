/* rapport-ics-export.h — the open follow-ups as an iCalendar file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For GNOME Calendar, Evolution and Thunderbird: meetings as VEVENTs (30
 * minutes long), the other follow-ups as VTODOs, each with a reminder at
 * its time and a UID that stays the same from one export to the next
 * (activity-ID@ the database's calendar id), so importing a new export
 * updates the items of the last one instead of adding them again. Times
 * are in UTC; libical writes CRLF lines folded at 75 octets (RFC 5545).
 */

#pragma once

#include "rapport-store.h"

G_BEGIN_DECLS

/* The whole document (transfer full), or NULL with @error set. */
char     *rapport_ics_export_followups (RapportStore  *store,
                                        GError       **error);

/* The same, written to @path whole or not at all, private to the user
 * (see rapport-export-file.h); an existing file only if @replace. */
gboolean  rapport_ics_write_followups  (RapportStore  *store,
                                        const char    *path,
                                        gboolean       replace,
                                        GError       **error);

G_END_DECLS
