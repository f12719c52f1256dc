/* rapport-store-watch.c — other writers, and the file under our name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-sqlite-private.h"

/* Is the file under our name still the one we opened? Checked before and
 * after every write (three stat calls), and by the watch: a write into a
 * deleted or replaced file would be saved where nobody will see it, and
 * one into a file whose -wal was removed mixes two files into a corrupt
 * one. From the first time it is not, nothing more is written. */

/* Every restore through SQLite (rapport_store_restore) counts itself in
 * the file, so a file that shrank because another Rapport restored a
 * smaller backup into it is told apart from one rewritten by cp. */
gint64
rapport_store_read_restore_generation (RapportStore *self)
{
  g_autofree char *value = rapport_store_get_setting (self, "restore-generation");

  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

gboolean
rapport_store_verify_file (RapportStore  *self,
                           gint64         logical_pages,
                           GError       **error)
{
  g_autoptr(GError) lost_error = NULL;
  RapportDbFileState state;
  gint64 generation;

  if (self->is_copy)
    return TRUE;

  if (self->lost == RAPPORT_DB_FILE_FINE)
    {
      state = rapport_db_file_verify (self->file, logical_pages);
      if (state == RAPPORT_DB_FILE_REWRITTEN)
        {
          generation = rapport_store_read_restore_generation (self);
          if (generation != self->restore_generation || self->restore_grace)
            {
              /* Until the restore's checkpoint reaches the main file, its
               * header still tells the size before. */
              self->restore_grace = TRUE;
              self->restore_generation = generation;
              rapport_db_file_accept_size (self->file);
              state = RAPPORT_DB_FILE_FINE;
            }
        }
      else if (state == RAPPORT_DB_FILE_FINE && logical_pages > 0)
        self->restore_grace = FALSE;

      if (state == RAPPORT_DB_FILE_FINE)
        return TRUE;

      self->lost = state;
      rapport_db_file_set_lost_error (self->file, self->lost, &lost_error);
      g_debug ("%s", lost_error->message);
      g_signal_emit (self, rapport_store_signals[RAPPORT_STORE_SIGNAL_FILE_LOST], 0, lost_error->message);
    }

  rapport_db_file_set_lost_error (self->file, self->lost, error);
  return FALSE;
}

/* Other writers */

gboolean
rapport_store_sync_external (RapportStore *self)
{
  gint64 version;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  version = rapport_store_step_int64 (self, rapport_store_stmt (self, STMT_DATA_VERSION), 0);
  if (version == self->data_version)
    return FALSE;

  self->data_version = version;
  rapport_store_reload_everything (self);

  return TRUE;
}

static gboolean
watch_cb (gpointer data)
{
  RapportStore *self = data;

  /* Between writes too, with the header's look at a rewrite in place. */
  if (self->lost == RAPPORT_DB_FILE_FINE && !self->read_only)
    rapport_store_verify_file (self, rapport_store_step_int64 (self, rapport_store_stmt_sql (self, "PRAGMA page_count"), 0), NULL);

  rapport_store_sync_external (self);

  return G_SOURCE_CONTINUE;
}

void
rapport_store_watch_external (RapportStore *self,
                              guint         interval_ms)
{
  g_return_if_fail (RAPPORT_IS_STORE (self));

  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (interval_ms > 0)
    self->watch_id = g_timeout_add (interval_ms, watch_cb, self);
}
