/* rapport-store-rows.c — rows kept as they were, to put back exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An undo that must restore what was there, to the byte (a merge, a
 * delete): every column of the rows it touches is copied before, and
 * written back after. The table's and columns' names come from our own
 * schema (the caller's constant SQL and the statement's column names),
 * never from what a user typed; the values are bound.
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include "rapport-sqlite-private.h"

struct _RapportRows
{
  char       *table;
  GPtrArray  *columns;  /* char *, the table's columns in order */
  GPtrArray  *rows;     /* GPtrArray of sqlite3_value * per row */
};

static void
free_row (gpointer data)
{
  GPtrArray *row = data;

  g_ptr_array_unref (row);
}

void
rapport_rows_free (RapportRows *rows)
{
  if (rows == NULL)
    return;

  g_free (rows->table);
  g_clear_pointer (&rows->columns, g_ptr_array_unref);
  g_clear_pointer (&rows->rows, g_ptr_array_unref);
  g_free (rows);
}

guint
rapport_rows_get_n_rows (RapportRows *rows)
{
  return rows->rows->len;
}

gint64
rapport_rows_get_id (RapportRows *rows)
{
  g_return_val_if_fail (rows->rows->len > 0, 0);

  return sqlite3_value_int64 (((GPtrArray *) rows->rows->pdata[0])->pdata[0]);
}

/* @table and @where are constant SQL of the caller; ?1 in @where is @id. */
RapportRows *
rapport_store_rows_capture (RapportStore  *self,
                            const char    *table,
                            const char    *where,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(RapportRows) rows = g_new0 (RapportRows, 1);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE %s", table, where);
  sqlite3_stmt *stmt = rapport_store_stmt_sql (self, sql);
  int n_columns = sqlite3_column_count (stmt);
  int rc;

  rows->table = g_strdup (table);
  rows->columns = g_ptr_array_new_with_free_func (g_free);
  rows->rows = g_ptr_array_new_with_free_func (free_row);
  for (int i = 0; i < n_columns; i++)
    g_ptr_array_add (rows->columns, g_strdup (sqlite3_column_name (stmt, i)));

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GPtrArray *row = g_ptr_array_new_full (n_columns, (GDestroyNotify) sqlite3_value_free);

      for (int i = 0; i < n_columns; i++)
        g_ptr_array_add (row, sqlite3_value_dup (sqlite3_column_value (stmt, i)));
      g_ptr_array_add (rows->rows, row);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Runs @sql once per row, its columns bound to ?1…?N; and ?N+1 to
 * @extra when it is not 0. */
static gboolean
run_rows (RapportStore  *self,
          RapportRows   *rows,
          const char    *sql,
          gint64         extra,
          GError       **error)
{
  sqlite3_stmt *stmt = rapport_store_stmt_sql (self, sql);

  for (guint r = 0; r < rows->rows->len; r++)
    {
      GPtrArray *row = rows->rows->pdata[r];

      for (guint i = 0; i < row->len; i++)
        sqlite3_bind_value (stmt, (int) i + 1, row->pdata[i]);
      if (extra != 0)
        sqlite3_bind_int64 (stmt, (int) row->len + 1, extra);
      if (!rapport_store_step_done (self, stmt, error))
        {
          sqlite3_clear_bindings (stmt);
          return FALSE;
        }
    }
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

gboolean
rapport_store_rows_insert (RapportStore  *self,
                           RapportRows   *rows,
                           GError       **error)
{
  return rapport_store_rows_insert_as (self, rows, NULL, 0, error);
}

/* With @column's value replaced by @value in every row (NULL for 0: for
 * "id", a new one SQLite picks), for rows whose id was taken meanwhile,
 * or that point to such a row. */
gboolean
rapport_store_rows_insert_as (RapportStore  *self,
                              RapportRows   *rows,
                              const char    *column,
                              gint64         value,
                              GError       **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  if (rows->rows->len == 0)
    return TRUE;

  g_string_append_printf (sql, "INSERT INTO %s (", rows->table);
  for (guint i = 0; i < rows->columns->len; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", (char *) rows->columns->pdata[i]);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < rows->columns->len; i++)
    {
      if (g_strcmp0 (column, rows->columns->pdata[i]) != 0)
        g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
      else if (value != 0)
        g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", rows->columns->len + 1);
      else
        g_string_append_printf (sql, "%sNULL", i > 0 ? ", " : "");
    }
  g_string_append (sql, ")");

  return run_rows (self, rows, sql->str, column != NULL ? value : 0, error);
}

/* Over the rows of the same id, which the first column must be. */
gboolean
rapport_store_rows_update (RapportStore  *self,
                           RapportRows   *rows,
                           GError       **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  g_return_val_if_fail (g_strcmp0 (rows->columns->pdata[0], "id") == 0, FALSE);

  if (rows->rows->len == 0)
    return TRUE;

  g_string_append_printf (sql, "UPDATE %s SET ", rows->table);
  for (guint i = 1; i < rows->columns->len; i++)
    g_string_append_printf (sql, "%s%s = ?%u", i > 1 ? ", " : "", (char *) rows->columns->pdata[i], i + 1);
  g_string_append (sql, " WHERE id = ?1");

  return run_rows (self, rows, sql->str, 0, error);
}
