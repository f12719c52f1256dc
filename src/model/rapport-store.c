/* rapport-store.c — the one object that reads and writes Rapport's data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A facade: the object, its constructors, clock and settings. The work is
 * in files by concern (see rapport-store-private.h).
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-money.h"
#include "rapport-store-private.h"
#include "rapport-templates.h"

/* Settings kept in the file */

G_DEFINE_FINAL_TYPE (RapportStore, rapport_store, G_TYPE_OBJECT)

guint rapport_store_signals[RAPPORT_STORE_N_SIGNALS];

char *
rapport_store_get_setting (RapportStore *self,
                           const char   *key)
{
  RapportSqlStmt *stmt = rapport_store_stmt (self, STMT_GET_SETTING);
  char *ret = NULL;

  rapport_sql_bind_text (stmt, 1, key);
  if (rapport_sql_step (stmt) == RAPPORT_SQL_ROW)
    ret = g_strdup (rapport_sql_column_text (stmt, 0));
  rapport_sql_reset (stmt);

  return ret;
}

gboolean
rapport_store_set_setting (RapportStore  *self,
                           const char    *key,
                           const char    *value,
                           GError       **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt (self, STMT_SET_SETTING);

  rapport_sql_bind_text (stmt, 1, key);
  rapport_sql_bind_text (stmt, 2, value);

  return rapport_store_step_done (self, stmt, error);
}

void
rapport_store_load_settings (RapportStore *self)
{
  g_autofree char *minutes = rapport_store_get_setting (self, "speed-to-lead-minutes");
  g_autofree char *currency = rapport_store_get_setting (self, "default-currency");

  self->speed_to_lead_minutes = minutes ? (int) g_ascii_strtoll (minutes, NULL, 10) : 60;
  if (self->speed_to_lead_minutes <= 0)
    self->speed_to_lead_minutes = 60;

  g_free (self->default_currency);
  self->default_currency = g_strdup (rapport_currency_is_valid (currency) ? currency : "USD");
}

RapportStore *
rapport_store_new_with_template (const char  *path,
                                 const char  *template_id,
                                 GError     **error)
{
  return rapport_store_new_full (path, template_id, RAPPORT_STORE_DEFAULT, error);
}

RapportStore *
rapport_store_new_full (const char         *path,
                        const char         *template_id,
                        RapportStoreFlags   flags,
                        GError            **error)
{
  g_autoptr(RapportStore) self = g_object_new (RAPPORT_TYPE_STORE, NULL);

  g_return_val_if_fail (path != NULL, NULL);

  if (template_id == NULL)
    template_id = rapport_templates_default ()->id;

  if (rapport_templates_find (template_id) == NULL)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("There is no process template called “%s”"), template_id);
      return NULL;
    }

  self->path = g_strdup (path);
  self->flags = flags;
  if (!rapport_store_open_file (self, template_id, error))
    return NULL;

  return g_steal_pointer (&self);
}

RapportStore *
rapport_store_new (const char  *path,
                   GError     **error)
{
  return rapport_store_new_with_template (path, NULL, error);
}

const char *
rapport_store_get_path (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return self->path;
}

/* Clock and settings */

gint64
rapport_store_now (RapportStore *self)
{
  if (self->pinned_now != 0)
    return self->pinned_now;

  return g_get_real_time () / G_USEC_PER_SEC;
}

void
rapport_store_set_now (RapportStore *self,
                       gint64        now)
{
  g_return_if_fail (RAPPORT_IS_STORE (self));

  self->pinned_now = now;
}

int
rapport_store_get_speed_to_lead_minutes (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), 60);

  return self->speed_to_lead_minutes;
}

gboolean
rapport_store_set_speed_to_lead_minutes (RapportStore  *self,
                                         int            minutes,
                                         GError       **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (minutes < 1 || minutes > 7 * 24 * 60)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The time to contact a new lead must be between 1 minute and 7 days"));
      return FALSE;
    }

  text = g_strdup_printf ("%d", minutes);
  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!rapport_store_set_setting (self, "speed-to-lead-minutes", text, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  if (!rapport_store_commit (self, error))
    return FALSE;

  self->speed_to_lead_minutes = minutes;
  rapport_store_notify (self, RAPPORT_ENTITY_SETTING, RAPPORT_CHANGE_UPDATED, 0);
  return TRUE;
}

const char *
rapport_store_get_default_currency (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return self->default_currency;
}

/* GObject */

static void
rapport_store_dispose (GObject *object)
{
  RapportStore *self = RAPPORT_STORE (object);
  g_clear_handle_id (&self->watch_id, g_source_remove);
  g_clear_object (&self->pipelines);
  g_clear_pointer (&self->stages, g_hash_table_unref);
  /* Records may outlive the store; they must not call back into it. */
  rapport_store_identity_clear (self);

  G_OBJECT_CLASS (rapport_store_parent_class)->dispose (object);
}

static void
rapport_store_finalize (GObject *object)
{
  RapportStore *self = RAPPORT_STORE (object);

  rapport_store_close_connection (self);
  /* Only now: closing its descriptor would drop the connection's locks. */
  g_clear_pointer (&self->file, rapport_db_file_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->default_currency, g_free);
  g_clear_handle_id (&self->check_idle_id, g_source_remove);
  g_clear_error (&self->check_error);
  g_mutex_clear (&self->check_mutex);
  g_cond_clear (&self->check_cond);

  G_OBJECT_CLASS (rapport_store_parent_class)->finalize (object);
}

static void
rapport_store_class_init (RapportStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_store_dispose;
  object_class->finalize = rapport_store_finalize;

  /**
   * RapportStore::notice:
   * @notice: which kind of record, which one and how it changed
   *
   * Emitted after a commit, by this process or (when watched) another,
   * detailed by the entity's nick ("notice::deal"): views and reminders
   * learn what changed from it.
   */
  rapport_store_signals[RAPPORT_STORE_SIGNAL_NOTICE] =
    g_signal_new ("notice",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RAPPORT_TYPE_NOTICE | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * RapportStore::damaged:
   * @message: what is wrong, for people; it says the file was left unchanged
   *
   * Emitted when a check made in the background finds the file damaged.
   * From then on every write fails and nothing is written.
   */
  rapport_store_signals[RAPPORT_STORE_SIGNAL_DAMAGED] =
    g_signal_new ("damaged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * RapportStore::file-lost:
   * @message: what happened to the file and what to do, for people
   *
   * Emitted once when the file under the database's name is no longer the
   * one opened: deleted, replaced (mv, cp, a restore by another tool) or
   * its -wal removed. From then on every write fails and nothing is
   * written, so no change goes into a file nobody will see.
   */
  rapport_store_signals[RAPPORT_STORE_SIGNAL_FILE_LOST] =
    g_signal_new ("file-lost",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rapport_store_init (RapportStore *self)
{
  self->identity = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  rapport_store_init_connection (self);
  self->stages = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->check_state = RAPPORT_CHECK_OK;
  g_mutex_init (&self->check_mutex);
  g_cond_init (&self->check_cond);
  self->speed_to_lead_minutes = 60;
}
