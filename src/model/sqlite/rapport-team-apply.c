/* rapport-team-apply.c — what the team changed, written into this file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync hands over the team's records as the server has them now (the
 * server has already put every change in its order: the last one won).
 * Each is written here by its uid, in one transaction, with the change
 * log off, so none of it is sent back. A field this desktop changed and
 * has not pushed yet is kept: it will be pushed, ordered after the
 * teammate's, and win everywhere. The teammate's value is kept as a
 * conflict, shown on the record.
 *
 * Table and column names in the SQL written here are our own (the
 * shared tables' list and their columns as the schema has them); a name
 * from the wire is only ever looked up in them. Values are bound.
 */

#define G_LOG_DOMAIN "rapport-team"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "rapport-change-log-private.h"
#include "rapport-store-change-log.h"

void
rapport_team_record_free (RapportTeamRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->entity);
  g_free (record->key);
  g_free (record->fields);
  g_free (record->author);
  g_free (record);
}

void
rapport_team_conflict_free (RapportTeamConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->field);
  g_free (conflict->yours);
  g_free (conflict->theirs);
  g_free (conflict->author);
  g_free (conflict);
}

static gboolean
step_done (RapportStore  *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return rapport_store_set_error (self, rc, error);
  return TRUE;
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

static char *
member_text (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

/* "$."name"": the JSON path of a member named by our own column. */
static char *
json_path (const RapportLogColumn *column)
{
  g_autofree char *name = rapport_log_json_name (column);

  return g_strdup_printf ("$.\"%s\"", name);
}

/* The value of @column, from the JSON bound as ?@param, as this file
 * stores it: a reference's uid turned into the local id. */
static void
append_bound_value (GString                *sql,
                    const RapportLogColumn *column,
                    int                     param)
{
  g_autofree char *path = json_path (column);

  if (column->target != NULL)
    {
      g_string_append (sql, "(SELECT id FROM ");
      rapport_log_append_ident (sql, column->target);
      g_string_append_printf (sql, " WHERE uid = json_extract(?%d, ", param);
      rapport_log_append_literal (sql, path);
      g_string_append (sql, "))");
    }
  else
    {
      g_string_append_printf (sql, "json_extract(?%d, ", param);
      rapport_log_append_literal (sql, path);
      g_string_append (sql, ")");
    }
}

/* "t.key matches the key bound as ?@param": by uid for a record, by its
 * key columns for a part. */
static void
append_key_match (GString               *sql,
                  const RapportLogTable *table,
                  GArray                *columns,
                  int                    param)
{
  if (table->key[0] == NULL)
    {
      g_string_append_printf (sql, "uid = json_extract(?%d, '$.uid')", param);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (table->key) && table->key[i] != NULL; i++)
    {
      const RapportLogColumn *column = rapport_log_find_column (columns, table->key[i]);

      if (i > 0)
        g_string_append (sql, " AND ");
      rapport_log_append_ident (sql, column->name);
      g_string_append (sql, " IS ");
      append_bound_value (sql, column, param);
    }
}

/* The log's entries of the same record or part: those not pushed yet. */
static void
append_log_match (GString               *sql,
                  const RapportLogTable *table,
                  GArray                *columns)
{
  if (table->key[0] == NULL)
    {
      g_string_append (sql, "json_extract(key, '$.uid') = json_extract(?2, '$.uid')");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (table->key) && table->key[i] != NULL; i++)
    {
      const RapportLogColumn *column = rapport_log_find_column (columns, table->key[i]);
      g_autofree char *path = json_path (column);

      if (i > 0)
        g_string_append (sql, " AND ");
      g_string_append (sql, "json_extract(key, ");
      rapport_log_append_literal (sql, path);
      g_string_append (sql, ") IS json_extract(?2, ");
      rapport_log_append_literal (sql, path);
      g_string_append (sql, ")");
    }
}

/* What this desktop changed in the record and has not pushed: field
 * names, or "*" for all of it (it made or deleted the record). */
static GHashTable *
pending_fields (RapportStore          *self,
                const RapportLogTable *table,
                GArray                *columns,
                const char            *key)
{
  GHashTable *pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) sql = g_string_new ("SELECT op, fields FROM change_log WHERE entity = ?1 AND ");
  sqlite3_stmt *stmt;

  append_log_match (sql, table, columns);
  stmt = rapport_store_stmt_sql (self, sql->str);
  sqlite3_bind_text (stmt, 1, table->table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *op = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(JsonObject) fields = parse_object ((const char *) sqlite3_column_text (stmt, 1));
      g_autoptr(GList) names = NULL;

      if (g_strcmp0 (op, "update") != 0 || table->key[0] != NULL || fields == NULL)
        {
          g_hash_table_add (pending, g_strdup ("*"));
          continue;
        }
      names = json_object_get_members (fields);
      for (GList *l = names; l != NULL; l = l->next)
        g_hash_table_add (pending, g_strdup (l->data));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return pending;
}

/* The record as this file has it, as the log would write it; NULL when
 * it has no such record. */
static JsonObject *
local_record (RapportStore          *self,
              const RapportLogTable *table,
              GArray                *columns,
              const char            *key)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  rapport_log_append_fields (sql, "t", columns);
  g_string_append (sql, " FROM ");
  rapport_log_append_ident (sql, table->table);
  g_string_append (sql, " AS t WHERE ");
  append_key_match (sql, table, columns, 1);
  stmt = rapport_store_stmt_sql (self, sql->str);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    json = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return parse_object (json);
}

static gboolean
forget_conflict (RapportStore  *self,
                 const char    *entity,
                 const char    *uid,
                 const char    *field,
                 GError       **error)
{
  sqlite3_stmt *stmt = rapport_store_stmt_sql (self, "DELETE FROM team_conflict WHERE entity = ?1 AND uid = ?2 AND field = ?3");

  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
  return step_done (self, stmt, error);
}

static gboolean
record_conflict (RapportStore             *self,
                 const RapportTeamRecord  *record,
                 const char               *uid,
                 const char               *field,
                 JsonObject               *mine,
                 JsonObject               *theirs,
                 GError                  **error)
{
  g_autofree char *yours_text = member_text (mine, field);
  g_autofree char *theirs_text = member_text (theirs, field);
  sqlite3_stmt *stmt;

  if (g_strcmp0 (yours_text, theirs_text) == 0)
    return TRUE;
  if (!forget_conflict (self, record->entity, uid, field, error))
    return FALSE;

  stmt = rapport_store_stmt_sql (self,
                                 "INSERT INTO team_conflict (entity, uid, field, yours, theirs, author, at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  sqlite3_bind_text (stmt, 1, record->entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, yours_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, theirs_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, record->author, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, record->at);
  return step_done (self, stmt, error);
}

/* Fields the store keeps by itself (when a record was last touched, the
 * dates its activities give it, its place in a column): ours is kept
 * like any other, but a difference there is no conflict to show. */
static gboolean
is_bookkeeping (const char *field)
{
  static const char * const fields[] = {
    "updated_at", "last_activity_at", "next_followup_at", "last_contacted_at", "rank",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i], field))
      return TRUE;
  return FALSE;
}

/* The columns the team's @fields set and this desktop has not changed
 * itself; each one this desktop did change, with another value, is a
 * conflict. */
static GPtrArray *
columns_to_write (RapportStore             *self,
                  const RapportTeamRecord  *record,
                  GArray                   *columns,
                  JsonObject               *fields,
                  JsonObject               *mine,
                  GHashTable               *pending,
                  guint                    *n_conflicts,
                  GError                  **error)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(JsonObject) key = parse_object (record->key);
  const char *uid = key != NULL && json_object_has_member (key, "uid") ? json_object_get_string_member (key, "uid") : NULL;

  for (guint i = 0; i < columns->len; i++)
    {
      const RapportLogColumn *column = &g_array_index (columns, RapportLogColumn, i);
      g_autofree char *name = rapport_log_json_name (column);

      /* Photos travel as hex, which this SQLite cannot turn back into
       * bytes in SQL. */
      if (column->blob || !json_object_has_member (fields, name))
        continue;
      if (mine != NULL && g_hash_table_contains (pending, name))
        {
          g_autofree char *before = member_text (mine, name);
          g_autofree char *after = member_text (fields, name);

          if (g_strcmp0 (before, after) != 0 && !is_bookkeeping (name))
            {
              (*n_conflicts)++;
              if (uid != NULL && !record_conflict (self, record, uid, name, mine, fields, error))
                return NULL;
            }
          continue;
        }
      /* The team's value is written: a conflict kept on it is over. */
      if (uid != NULL && !forget_conflict (self, record->entity, uid, name, error))
        return NULL;
      g_ptr_array_add (chosen, (gpointer) column);
    }

  return g_steal_pointer (&chosen);
}

static gboolean
write_record (RapportStore             *self,
              const RapportLogTable    *table,
              const RapportTeamRecord  *record,
              GPtrArray                *chosen,
              gboolean                  exists,
              GError                  **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  if (chosen->len == 0)
    return TRUE;

  if (exists)
    {
      g_string_append (sql, "UPDATE ");
      rapport_log_append_ident (sql, table->table);
      g_string_append (sql, " SET ");
      for (guint i = 0; i < chosen->len; i++)
        {
          if (i > 0)
            g_string_append (sql, ", ");
          rapport_log_append_ident (sql, ((RapportLogColumn *) chosen->pdata[i])->name);
          g_string_append (sql, " = ");
          append_bound_value (sql, chosen->pdata[i], 2);
        }
      g_string_append (sql, " WHERE ");
      append_key_match (sql, table, NULL, 1);
    }
  else
    {
      g_string_append (sql, "INSERT INTO ");
      rapport_log_append_ident (sql, table->table);
      g_string_append (sql, table->key[0] == NULL ? " (uid" : " (");
      for (guint i = 0; i < chosen->len; i++)
        {
          if (i > 0 || table->key[0] == NULL)
            g_string_append (sql, ", ");
          rapport_log_append_ident (sql, ((RapportLogColumn *) chosen->pdata[i])->name);
        }
      g_string_append (sql, table->key[0] == NULL ? ") VALUES (json_extract(?1, '$.uid')" : ") VALUES (");
      for (guint i = 0; i < chosen->len; i++)
        {
          if (i > 0 || table->key[0] == NULL)
            g_string_append (sql, ", ");
          append_bound_value (sql, chosen->pdata[i], 2);
        }
      g_string_append (sql, ")");
    }

  stmt = rapport_store_stmt_sql (self, sql->str);
  sqlite3_bind_text (stmt, 1, record->key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, record->fields, -1, SQLITE_STATIC);
  return step_done (self, stmt, error);
}

static gboolean
delete_row (RapportStore             *self,
            const RapportLogTable    *table,
            GArray                   *columns,
            const RapportTeamRecord  *record,
            GError                  **error)
{
  g_autoptr(GString) sql = g_string_new ("DELETE FROM ");
  sqlite3_stmt *stmt;

  rapport_log_append_ident (sql, table->table);
  g_string_append (sql, " WHERE ");
  append_key_match (sql, table, columns, 1);
  stmt = rapport_store_stmt_sql (self, sql->str);
  sqlite3_bind_text (stmt, 1, record->key, -1, SQLITE_STATIC);
  return step_done (self, stmt, error);
}

static gboolean
apply_one (RapportStore             *self,
           const RapportLogTable    *table,
           GArray                   *columns,
           const RapportTeamRecord  *record,
           gboolean                  log_empty,
           guint                    *n_conflicts,
           GError                  **error)
{
  g_autoptr(GHashTable) pending = NULL;
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(JsonObject) mine = NULL;
  g_autoptr(GPtrArray) chosen = NULL;

  /* A download into a desktop with nothing to push needs no look-up. */
  pending = log_empty ? g_hash_table_new (g_str_hash, g_str_equal)
                      : pending_fields (self, table, columns, record->key);
  /* What this desktop made, deleted or (for a part) rewrote itself
   * stands until it is pushed. */
  if (g_hash_table_contains (pending, "*"))
    return TRUE;

  if (record->fields == NULL)
    return delete_row (self, table, columns, record, error);

  fields = parse_object (record->fields);
  if (fields == NULL)
    return TRUE;
  mine = local_record (self, table, columns, record->key);

  if (table->key[0] != NULL && mine != NULL && !delete_row (self, table, columns, record, error))
    return FALSE;

  chosen = columns_to_write (self, record, columns, fields, table->key[0] == NULL ? mine : NULL,
                             pending, n_conflicts, error);
  if (chosen == NULL)
    return FALSE;

  return write_record (self, table, record, chosen, table->key[0] == NULL && mine != NULL, error);
}

/* A download into a file with nothing to push: the records of one
 * table written by one statement from a JSON array of {"k": key, "f":
 * fields}, the server's own text, instead of one statement a record (a
 * part replacing the one of its key). A field the team's record lacks
 * (written by an older Rapport) takes the column's default. */
static gboolean
write_records_at_once (RapportStore          *self,
                       const RapportLogTable *table,
                       GArray                *columns,
                       GPtrArray             *records,
                       guint                  first,
                       guint                  last,
                       GError               **error)
{
  gboolean record = table->key[0] == NULL;
  /* Each record's text once: json_each() renders an object's value
   * again at every read of it, and each column's json_extract() would
   * then parse a new copy (most of a download's time). Materialized, the
   * text is the same from column to column and SQLite's JSON cache parses
   * it once. */
  g_autoptr(GString) sql = g_string_new ("WITH j (value) AS MATERIALIZED (SELECT value FROM json_each(?1)) ");
  g_autoptr(GString) json = g_string_new ("[");
  gboolean any = FALSE;
  sqlite3_stmt *stmt;

  g_string_append (sql, record ? "INSERT INTO " : "INSERT OR REPLACE INTO ");
  rapport_log_append_ident (sql, table->table);
  g_string_append (sql, record ? " (uid" : " (");
  for (guint i = 0; i < columns->len; i++)
    {
      const RapportLogColumn *column = &g_array_index (columns, RapportLogColumn, i);

      if (column->blob)
        continue;
      if (record || any)
        g_string_append (sql, ", ");
      rapport_log_append_ident (sql, column->name);
      any = TRUE;
    }
  g_string_append (sql, record ? ") SELECT json_extract(j.value, '$.k.uid')" : ") SELECT ");
  any = FALSE;
  for (guint i = 0; i < columns->len; i++)
    {
      const RapportLogColumn *column = &g_array_index (columns, RapportLogColumn, i);
      g_autofree char *name = rapport_log_json_name (column);
      g_autofree char *path = g_strdup_printf ("$.f.\"%s\"", name);

      if (column->blob)
        continue;
      g_string_append (sql, record || any ? ", CASE WHEN json_type(j.value, " : "CASE WHEN json_type(j.value, ");
      any = TRUE;
      rapport_log_append_literal (sql, path);
      g_string_append_printf (sql, ") IS NULL THEN %s ELSE ", column->fallback != NULL ? column->fallback : "NULL");
      if (column->target != NULL)
        {
          g_string_append (sql, "(SELECT id FROM ");
          rapport_log_append_ident (sql, column->target);
          g_string_append (sql, " WHERE uid = json_extract(j.value, ");
          rapport_log_append_literal (sql, path);
          g_string_append (sql, "))");
        }
      else
        {
          g_string_append (sql, "json_extract(j.value, ");
          rapport_log_append_literal (sql, path);
          g_string_append (sql, ")");
        }
      g_string_append (sql, " END");
    }
  g_string_append (sql, " FROM j");
  any = FALSE;
  if (record)
    g_string_append (sql, " WHERE true ON CONFLICT (uid) DO UPDATE SET ");
  for (guint i = 0; record && i < columns->len; i++)
    {
      const RapportLogColumn *column = &g_array_index (columns, RapportLogColumn, i);

      if (column->blob)
        continue;
      if (any)
        g_string_append (sql, ", ");
      rapport_log_append_ident (sql, column->name);
      g_string_append (sql, " = excluded.");
      rapport_log_append_ident (sql, column->name);
      any = TRUE;
    }

  for (guint i = first; i < last; i++)
    {
      const RapportTeamRecord *one = records->pdata[i];

      g_string_append_printf (json, "%s{\"k\":%s,\"f\":%s}", i > first ? "," : "", one->key, one->fields);
    }
  g_string_append_c (json, ']');

  stmt = rapport_store_stmt_sql (self, sql->str);
  sqlite3_bind_text (stmt, 1, json->str, json->len, SQLITE_STATIC);
  return step_done (self, stmt, error);
}

static int
table_rank (const char *name)
{
  guint n = 0;
  const RapportLogTable *tables = rapport_change_log_tables (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (tables[i].table, name))
      return i;
  return -1;
}

/* Records and parts before what refers to them; deletions last, what
 * refers before what it refers to. */
static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const RapportTeamRecord *ra = *(RapportTeamRecord **) a;
  const RapportTeamRecord *rb = *(RapportTeamRecord **) b;
  gboolean da = ra->fields == NULL;
  gboolean db = rb->fields == NULL;

  if (da != db)
    return da ? 1 : -1;
  if (da)
    return table_rank (rb->entity) - table_rank (ra->entity);
  return table_rank (ra->entity) - table_rank (rb->entity);
}

typedef struct
{
  GPtrArray *records;
  guint      n_conflicts;
} ApplyData;

static gboolean
set_log_active (RapportStore  *self,
                gboolean       active,
                GError       **error)
{
  sqlite3_stmt *stmt = rapport_store_stmt_sql (self, "UPDATE change_log_state SET active = ?1 WHERE id = 1");

  sqlite3_bind_int (stmt, 1, active ? 1 : 0);
  return step_done (self, stmt, error);
}

static gboolean
write_records (RapportStore  *self,
               gpointer       user_data,
               GError       **error)
{
  ApplyData *data = user_data;
  gboolean active = rapport_store_get_change_log_active (self);
  gboolean log_empty = rapport_store_count_pending_changes (self) == 0;
  /* Each table's columns, read once for the whole batch. */
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_array_unref);
  /* Borrowed pointers: a copy would take the records' free function too. */
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (data->records->len);

  for (guint i = 0; i < data->records->len; i++)
    g_ptr_array_add (sorted, data->records->pdata[i]);
  g_ptr_array_sort (sorted, compare_records);
  if (!set_log_active (self, FALSE, error))
    return FALSE;

  for (guint i = 0; i < sorted->len;)
    {
      const RapportTeamRecord *record = sorted->pdata[i];
      const RapportLogTable *table = rapport_change_log_find_table (record->entity);
      GArray *table_columns;
      guint end = i + 1;

      /* A table this version does not know (a newer teammate's) waits. */
      if (table == NULL)
        {
          i++;
          continue;
        }
      table_columns = g_hash_table_lookup (columns, table->table);
      if (table_columns == NULL)
        {
          table_columns = rapport_change_log_columns (rapport_store_get_db (self), table->table, error);
          if (table_columns == NULL)
            return FALSE;
          g_hash_table_insert (columns, (gpointer) table->table, table_columns);
        }

      /* The run of this table's records still there, when nothing here
       * waits to be pushed: one statement for all of them. */
      if (log_empty && record->fields != NULL)
        {
          while (end < sorted->len &&
                 ((RapportTeamRecord *) sorted->pdata[end])->fields != NULL &&
                 g_str_equal (((RapportTeamRecord *) sorted->pdata[end])->entity, record->entity))
            end++;
          if (!write_records_at_once (self, table, table_columns, sorted, i, end, error))
            return FALSE;
          i = end;
          continue;
        }

      if (!apply_one (self, table, table_columns, record, log_empty, &data->n_conflicts, error))
        return FALSE;
      i++;
    }

  return set_log_active (self, active, error);
}

gboolean
rapport_store_apply_team_records (RapportStore  *self,
                                  GPtrArray     *records,
                                  guint         *n_conflicts,
                                  GError       **error)
{
  ApplyData data = { records, 0 };

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  if (records->len == 0)
    return TRUE;
  if (!rapport_store_write (self, write_records, &data, error))
    return FALSE;
  if (n_conflicts != NULL)
    *n_conflicts = data.n_conflicts;

  rapport_store_reload_everything (self);
  return TRUE;
}

/* Every row of every shared table, logged as inserted: what the first
 * desktop of a team brings up. */
static gboolean
write_snapshot (RapportStore  *self,
                gpointer       data,
                GError       **error)
{
  sqlite3 *db = rapport_store_get_db (self);
  guint n = 0;
  const RapportLogTable *tables = rapport_change_log_tables (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GArray) columns = rapport_change_log_columns (db, tables[i].table, error);
      g_autoptr(GString) sql = g_string_new ("INSERT INTO change_log (entity, key, op, fields, at) SELECT ");
      char *message = NULL;
      int rc;

      if (columns == NULL)
        return FALSE;
      rapport_log_append_literal (sql, tables[i].table);
      g_string_append (sql, ", ");
      rapport_log_append_key (sql, "t", &tables[i], columns);
      g_string_append (sql, ", 'insert', ");
      rapport_log_append_fields (sql, "t", columns);
      g_string_append (sql, ", unixepoch() FROM ");
      rapport_log_append_ident (sql, tables[i].table);
      g_string_append (sql, " AS t WHERE true");
      rapport_log_append_shared (sql, &tables[i], "t");
      if (tables[i].key[0] == NULL)
        g_string_append (sql, " ORDER BY t.id");

      rc = sqlite3_exec (db, sql->str, NULL, NULL, &message);
      if (rc != SQLITE_OK)
        {
          g_warning ("The snapshot of %s failed: %s", tables[i].table, message);
          sqlite3_free (message);
          return rapport_store_set_error (self, rc, error);
        }
    }

  return TRUE;
}

gboolean
rapport_store_log_everything (RapportStore  *self,
                              GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  return rapport_store_write (self, write_snapshot, NULL, error);
}

/* The records of a new desktop joining a team that has its own: its
 * seeded pipelines, lists and settings go, and the log with them. */
static gboolean
write_clear (RapportStore  *self,
             gpointer       data,
             GError       **error)
{
  sqlite3 *db = rapport_store_get_db (self);
  guint n = 0;
  const RapportLogTable *tables = rapport_change_log_tables (&n);

  if (!set_log_active (self, FALSE, error))
    return FALSE;
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(GString) sql = g_string_new ("DELETE FROM ");
      int rc;

      rapport_log_append_ident (sql, tables[i - 1].table);
      if (g_str_equal (tables[i - 1].table, "setting"))
        g_string_append (sql, " WHERE key NOT LIKE 'team-%'");
      rc = sqlite3_exec (db, sql->str, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        return rapport_store_set_error (self, rc, error);
    }

  return sqlite3_exec (db, "DELETE FROM change_log", NULL, NULL, NULL) == SQLITE_OK ||
         rapport_store_set_error (self, sqlite3_errcode (db), error);
}

gboolean
rapport_store_clear_for_team (RapportStore  *self,
                              GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  return rapport_store_write (self, write_clear, NULL, error);
}

GPtrArray *
rapport_store_get_conflicts (RapportStore  *self,
                             RapportEntity  entity,
                             gint64         id)
{
  GPtrArray *conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_team_conflict_free);
  g_autofree char *uid = rapport_store_get_uid (self, entity, id);
  const char *table = entity == RAPPORT_ENTITY_DEAL ? "deal" : entity == RAPPORT_ENTITY_CONTACT ? "contact" : "organization";
  sqlite3_stmt *stmt;

  if (uid == NULL)
    return conflicts;

  stmt = rapport_store_stmt_sql (self,
                                 "SELECT field, yours, theirs, author, at FROM team_conflict"
                                 " WHERE entity = ?1 AND uid = ?2 ORDER BY at, id");
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uid, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RapportTeamConflict *conflict = g_new0 (RapportTeamConflict, 1);

      conflict->field = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      conflict->yours = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      conflict->theirs = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      conflict->author = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      conflict->at = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (conflicts, conflict);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return conflicts;
}

void
rapport_store_set_bulk_writes (RapportStore *self,
                               gboolean      bulk)
{
  g_return_if_fail (RAPPORT_IS_STORE (self));

  if (bulk && self->bulk_cache_size == 0)
    {
      self->bulk_cache_size = rapport_store_get_cache_size (self);
      rapport_store_set_cache_size (self, -512 * 1024);
    }
  else if (!bulk && self->bulk_cache_size != 0)
    {
      rapport_store_set_cache_size (self, self->bulk_cache_size);
      self->bulk_cache_size = 0;
    }
}
