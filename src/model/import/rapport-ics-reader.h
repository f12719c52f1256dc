/* rapport-ics-reader.h — the tasks and events of an iCalendar file, as
 * follow-ups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libical reads the file; this reader first checks what libical lets
 * pass (lines without a value, an END that closes the wrong BEGIN), so a
 * malformed file is refused with the line at fault. No SQL, no GTK: the
 * items go to rapport_store_import_followups().
 */

#pragma once

#include "rapport-store.h"

G_BEGIN_DECLS

typedef struct
{
  RapportImportFollowup  row;        /* its strings point into the fields below */
  char               *uid;
  char               *title;
  char               *note;
  GStrv               emails;
  gboolean            recurring;  /* row.due_at is its next time from now */
} RapportIcsItem;

typedef struct
{
  guint  line;
  char  *message;
} RapportIcsProblem;

/* The VTODOs and VEVENTs of @data (@len bytes, not NUL-terminated), in
 * the file's order: VEVENTs become meetings and VTODOs tasks (unless the
 * item says what Rapport kind it was), due at their DUE or DTSTART in
 * UTC, honouring TZID with the file's VTIMEZONE (or the system's zone
 * of that name); a floating time is local time, an all-day item is due
 * at 9:00 local time. A repeating item is due at its next time at or
 * after @now (its last one if the series has ended); the changed times
 * of a series (RECURRENCE-ID) and cancelled items are not items. Completed items
 * are done. Every problem found goes to @problems (of
 * RapportIcsProblem); when there are some, the items are not to be
 * stored. Never NULL. */
GPtrArray *rapport_ics_read          (const char        *data,
                                      gsize              len,
                                      gint64             now,
                                      GPtrArray         *problems);
void       rapport_ics_item_free     (RapportIcsItem    *item);
void       rapport_ics_problem_free  (RapportIcsProblem *problem);
/* An array for rapport_ics_read()'s @problems. */
GPtrArray *rapport_ics_problems_new  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportIcsItem, rapport_ics_item_free)

G_END_DECLS
