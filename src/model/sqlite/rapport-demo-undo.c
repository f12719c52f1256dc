/* rapport-demo-undo.c — demo data on a first run, asked for and taken back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app offers demo data only on an empty database, so that it never
 * mixes with a team's own records, and Ctrl+Z takes it back. The fill
 * gives each table's new rows the ids after its highest one, so what it
 * added is one range of ids per table: removing those ranges (the
 * activities and stage history go with their deals and contacts) puts
 * the file back as it was, whatever was added after the fill.
 */

#define G_LOG_DOMAIN "rapport-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-demo-private.h"
#include "rapport-store-private.h"

/* Children first: deleting a deal takes its stage history and
 * activities, a contact its activities; organizations last. */
static const char * const tables[] = { "deal", "contact", "organization" };

#define N_TABLES G_N_ELEMENTS (tables)

struct _RapportDemoRows
{
  gint64 after[N_TABLES];   /* the highest id before the fill */
  gint64 last[N_TABLES];    /* the highest id it made */
};

static gint64
max_id (RapportStore *self,
        guint         table)
{
  /* Constant SQL, one statement per table of the list above. */
  static const char * const sql[N_TABLES] = {
    "SELECT coalesce(max(id), 0) FROM deal",
    "SELECT coalesce(max(id), 0) FROM contact",
    "SELECT coalesce(max(id), 0) FROM organization",
  };

  return rapport_store_step_int64 (self, rapport_store_stmt_sql (self, sql[table]), 0);
}

gboolean
rapport_store_is_empty (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  for (guint i = 0; i < N_TABLES; i++)
    if (max_id (self, i) != 0)
      return FALSE;

  return TRUE;
}

RapportDemoRows *
rapport_store_fill_demo_empty (RapportStore  *self,
                               guint          n_deals,
                               guint          n_contacts,
                               guint32        seed,
                               GError       **error)
{
  g_autofree RapportDemoRows *rows = g_new0 (RapportDemoRows, 1);

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rapport_store_is_empty (self))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("Demo data can only be loaded into an empty database"));
      return NULL;
    }

  for (guint i = 0; i < N_TABLES; i++)
    rows->after[i] = max_id (self, i);
  if (!rapport_store_fill_demo (self, n_deals, n_contacts, seed, error))
    return NULL;
  for (guint i = 0; i < N_TABLES; i++)
    rows->last[i] = max_id (self, i);

  return g_steal_pointer (&rows);
}

static gboolean
write_remove (RapportStore  *self,
              gpointer       data,
              GError       **error)
{
  const RapportDemoRows *rows = data;
  static const char * const sql[N_TABLES] = {
    "DELETE FROM deal WHERE id > ?1 AND id <= ?2",
    "DELETE FROM contact WHERE id > ?1 AND id <= ?2",
    "DELETE FROM organization WHERE id > ?1 AND id <= ?2",
  };

  for (guint i = 0; i < N_TABLES; i++)
    {
      RapportSqlStmt *stmt = rapport_store_stmt_sql (self, sql[i]);

      rapport_sql_bind_int64 (stmt, 1, rows->after[i]);
      rapport_sql_bind_int64 (stmt, 2, rows->last[i]);
      if (!rapport_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
rapport_store_remove_demo (RapportStore           *self,
                           const RapportDemoRows  *rows,
                           GError                **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  if (!rapport_store_write (self, write_remove, (gpointer) rows, error))
    return FALSE;

  /* Gone rows leave the identity map; the rest read their dates again. */
  rapport_store_reload_all_live (self);
  rapport_store_notify (self, RAPPORT_ENTITY_ORGANIZATION, RAPPORT_CHANGE_RELOAD, 0);
  rapport_store_notify (self, RAPPORT_ENTITY_CONTACT, RAPPORT_CHANGE_RELOAD, 0);
  rapport_store_notify (self, RAPPORT_ENTITY_DEAL, RAPPORT_CHANGE_RELOAD, 0);
  rapport_store_notify (self, RAPPORT_ENTITY_ACTIVITY, RAPPORT_CHANGE_RELOAD, 0);
  rapport_store_notify (self, RAPPORT_ENTITY_NOTE, RAPPORT_CHANGE_RELOAD, 0);

  return TRUE;
}

void
rapport_demo_rows_free (RapportDemoRows *rows)
{
  g_free (rows);
}
