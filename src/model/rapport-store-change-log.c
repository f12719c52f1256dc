/* rapport-store-change-log.c — global ids and the change log (team mode)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the triggers of sqlite/rapport-change-log.c write, read back; and
 * the switch that turns them on.
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include "rapport-sqlite.h"
#include "rapport-store-change-log.h"
#include "rapport-store-private.h"

void
rapport_logged_change_free (RapportLoggedChange *change)
{
  if (change == NULL)
    return;

  g_free (change->entity);
  g_free (change->key);
  g_free (change->op);
  g_free (change->fields);
  g_free (change);
}

gboolean
rapport_store_get_change_log_active (RapportStore *self)
{
  RapportSqlStmt *stmt;
  gboolean active = FALSE;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  stmt = rapport_store_stmt_sql (self, "SELECT active FROM change_log_state WHERE id = 1");
  if (rapport_sql_step (stmt) == RAPPORT_SQL_ROW)
    active = rapport_sql_column_int (stmt, 0) != 0;
  rapport_sql_reset (stmt);

  return active;
}

static gboolean
write_active (RapportStore  *self,
              gpointer       data,
              GError       **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, "UPDATE change_log_state SET active = ?1 WHERE id = 1");

  /* The records made while the file was in no team get their uids. */
  if (GPOINTER_TO_INT (data) && !rapport_store_fill_uids (self, error))
    return FALSE;
  rapport_sql_bind_int (stmt, 1, GPOINTER_TO_INT (data));
  return rapport_store_step_done (self, stmt, error);
}

gboolean
rapport_store_set_change_log_active (RapportStore  *self,
                                     gboolean       active,
                                     GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  return rapport_store_write (self, write_active, GINT_TO_POINTER (active ? 1 : 0), error);
}

static char *
dup_column (RapportSqlStmt *stmt,
            int             col)
{
  return rapport_sql_column_is_null (stmt, col) ? NULL : g_strdup (rapport_sql_column_text (stmt, col));
}

GPtrArray *
rapport_store_read_changes (RapportStore  *self,
                            gint64         after_seq,
                            guint          limit,
                            GError       **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_logged_change_free);
  RapportSqlStmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = rapport_store_stmt_sql (self,
                                 "SELECT seq, entity, key, op, fields, at FROM change_log"
                                 " WHERE seq > ?1 ORDER BY seq LIMIT ?2");
  rapport_sql_bind_int64 (stmt, 1, after_seq);
  rapport_sql_bind_int64 (stmt, 2, limit);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      RapportLoggedChange *change = g_new0 (RapportLoggedChange, 1);

      change->seq = rapport_sql_column_int64 (stmt, 0);
      change->entity = dup_column (stmt, 1);
      change->key = dup_column (stmt, 2);
      change->op = dup_column (stmt, 3);
      change->fields = dup_column (stmt, 4);
      change->at = rapport_sql_column_int64 (stmt, 5);
      g_ptr_array_add (changes, change);
    }
  rapport_sql_reset (stmt);
  if (rc != RAPPORT_SQL_DONE)
    {
      rapport_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&changes);
}

static gboolean
write_forget (RapportStore  *self,
              gpointer       data,
              GError       **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, "DELETE FROM change_log WHERE seq <= ?1");

  rapport_sql_bind_int64 (stmt, 1, *(gint64 *) data);
  return rapport_store_step_done (self, stmt, error);
}

gboolean
rapport_store_forget_changes (RapportStore  *self,
                              gint64         seq,
                              GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  return rapport_store_write (self, write_forget, &seq, error);
}

char *
rapport_store_get_uid (RapportStore  *self,
                       RapportEntity  entity,
                       gint64         id)
{
  RapportSqlStmt *stmt;
  char *uid = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  /* One constant statement per table: the table is never bound text. */
  switch (entity)
    {
    case RAPPORT_ENTITY_DEAL:
      stmt = rapport_store_stmt_sql (self, "SELECT uid FROM deal WHERE id = ?1");
      break;
    case RAPPORT_ENTITY_CONTACT:
      stmt = rapport_store_stmt_sql (self, "SELECT uid FROM contact WHERE id = ?1");
      break;
    case RAPPORT_ENTITY_ORGANIZATION:
      stmt = rapport_store_stmt_sql (self, "SELECT uid FROM organization WHERE id = ?1");
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  rapport_sql_bind_int64 (stmt, 1, id);
  if (rapport_sql_step (stmt) == RAPPORT_SQL_ROW)
    uid = dup_column (stmt, 0);
  rapport_sql_reset (stmt);

  return uid;
}

char *
rapport_store_get_team_server (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return rapport_store_get_setting (self, "team-server");
}


char *
rapport_store_get_team_value (RapportStore *self,
                              const char   *key)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (g_str_has_prefix (key, "team-"), NULL);

  return rapport_store_get_setting (self, key);
}

typedef struct
{
  const char *key;
  const char *value;
} TeamValue;

static gboolean
write_team_value (RapportStore  *self,
                  gpointer       data,
                  GError       **error)
{
  TeamValue *pair = data;

  return rapport_store_set_setting (self, pair->key, pair->value, error);
}

/* Whether the file is in a team, and as whom, is what the views show
 * (the board's "My Deals", the owners on cards): a change of either is a
 * settings notice. The other team values (the state, the time of the
 * last sync…) change with every sync and would wake every settings
 * listener for nothing. */
static gboolean
is_membership_key (const char *key)
{
  return g_str_equal (key, "team-server") || g_str_equal (key, "team-user");
}

/* Writes @key, then tells the views when it is one they show and its
 * value really changed. */
static gboolean
write_team_setting (RapportStore  *self,
                    const char    *key,
                    const char    *value,
                    GError       **error)
{
  g_autofree char *before = is_membership_key (key) ? rapport_store_get_setting (self, key) : NULL;
  TeamValue pair = { key, value };

  if (!rapport_store_write (self, write_team_value, &pair, error))
    return FALSE;
  if (is_membership_key (key) && g_strcmp0 (before, value) != 0)
    rapport_store_notify (self, RAPPORT_ENTITY_SETTING, RAPPORT_CHANGE_UPDATED, 0);
  return TRUE;
}

gboolean
rapport_store_set_team_server (RapportStore  *self,
                               const char    *conninfo,
                               GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (conninfo != NULL, FALSE);

  return write_team_setting (self, "team-server", conninfo, error);
}

gboolean
rapport_store_set_team_value (RapportStore  *self,
                              const char    *key,
                              const char    *value,
                              GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_str_has_prefix (key, "team-"), FALSE);

  return write_team_setting (self, key, value, error);
}

char *
rapport_store_get_team_user (RapportStore *self)
{
  g_autofree char *server = NULL;
  g_autofree char *user = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  server = rapport_store_get_setting (self, "team-server");
  if (server == NULL)
    return NULL;
  user = rapport_store_get_setting (self, "team-user");
  return user != NULL && *user != '\0' ? g_steal_pointer (&user) : NULL;
}

guint
rapport_store_count_pending_changes (RapportStore *self)
{
  RapportSqlStmt *stmt;
  guint n = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);

  stmt = rapport_store_stmt_sql (self, "SELECT count(*) FROM change_log");
  if (rapport_sql_step (stmt) == RAPPORT_SQL_ROW)
    n = rapport_sql_column_int (stmt, 0);
  rapport_sql_reset (stmt);

  return n;
}
