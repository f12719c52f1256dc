/* rapport-import-ics.c — an iCalendar file's tasks and events as follow-ups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What `import ics` and the app's Import… share: the file read by
 * rapport-ics-reader.c, its problems as an import's bad rows, and the
 * items stored in one transaction (or none, for a problem or a dry run).
 */

#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include <string.h>

#include "rapport-ics-reader.h"
#include "rapport-import.h"

gboolean
rapport_import_ics (RapportStore         *store,
                    const char           *data,
                    gsize                 len,
                    RapportImportFlags    flags,
                    RapportImportReport  *report,
                    GPtrArray           **items_out,
                    GError              **error)
{
  g_autoptr(GPtrArray) problems = rapport_ics_problems_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (RapportImportFollowup));
  g_autoptr(GError) local_error = NULL;
  guint bad_line = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  memset (report, 0, sizeof *report);
  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_import_problem_free);
  items = rapport_ics_read (data, len, rapport_store_now (store), problems);
  for (guint i = 0; i < problems->len; i++)
    {
      const RapportIcsProblem *problem = problems->pdata[i];

      g_ptr_array_add (report->problems, rapport_import_problem_new (problem->line, NULL, problem->message));
    }
  report->counts.rows = items->len;
  report->counts.bad = problems->len;

  if (problems->len == 0)
    {
      for (guint i = 0; i < items->len; i++)
        g_array_append_val (rows, ((RapportIcsItem *) items->pdata[i])->row);
      if (!rapport_store_import_followups (store, flags, (const RapportImportFollowup *) (void *) rows->data,
                                           rows->len, &report->counts, &bad_line, &local_error))
        {
          /* Not the file's fault: a write that failed. */
          if (bad_line == 0)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          /* A row the store refuses is a problem of its line. */
          memset (&report->counts, 0, sizeof report->counts);
          report->counts.rows = items->len;
          report->counts.bad = 1;
          g_ptr_array_add (report->problems, rapport_import_problem_new (bad_line, NULL, local_error->message));
        }
    }

  if (items_out != NULL)
    *items_out = g_steal_pointer (&items);
  return TRUE;
}
