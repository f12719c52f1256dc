/* rapport-change-log.c — global ids and the local change log (team mode)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A desktop of a team keeps its own file and sends the team what changed
 * in it. What changed is written by triggers, in the transaction of the
 * change itself, so every writer (the app, rapport-cli, a script with
 * sqlite3) logs it and a change that was committed cannot miss the log.
 *
 * A record (a row with an integer id) is known to the team by its uid, a
 * random UUID given at its insertion in a team's file (and, for the rows
 * of a file from before it joined, when it joins); its local id means nothing on
 * another desktop, so the log names what a row refers to by uid too
 * ("stage": "2f0c…", not "stage_id": 3). A part of a record (its e-mail
 * list, a tag, a custom value, a ticked key action, a setting) has no uid:
 * its key is the uids and values that make it unique.
 *
 * The log is written only while change_log_state.active is 1: a file
 * that has never joined a team keeps no log (the first join sends the
 * whole file instead), and the sync turns it off while it applies what
 * others changed, so that is not sent back. Installed by the migration
 * to version 16 and again by each later one, from the tables' own
 * definitions, so a column added later is logged too.
 */

#define G_LOG_DOMAIN "rapport-change-log"

#include "config.h"

#include <string.h>

#include "rapport-change-log-private.h"
#include "rapport-store-change-log.h"

/* A random (version 4) UUID, in SQL. */
#define UUID_SQL \
  "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||" \
  " substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) ||" \
  " substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))"

/* Every table the team shares, in an order their rows can be inserted
 * in (what a row refers to comes before it). A record is keyed by its
 * uid (no key columns); a part by the columns that make it unique. */
static const RapportLogTable log_tables[] = {
  { "pipeline", { NULL } },
  { "stage", { NULL } },
  { "stage_action", { NULL } },
  { "after_sales_step", { NULL } },
  { "organization", { NULL } },
  { "contact", { NULL } },
  { "deal", { NULL } },
  { "activity", { NULL } },
  { "note", { NULL } },
  { "negotiation_entry", { NULL } },
  { "stage_change", { NULL } },
  { "satisfaction", { NULL } },
  { "goal", { NULL } },
  { "choice", { NULL } },
  { "custom_field", { NULL } },
  { "setting", { "key" } },
  { "contact_email", { "contact_id", "position" } },
  { "contact_phone", { "contact_id", "position" } },
  { "contact_photo", { "contact_id" } },
  { "deal_action", { "deal_id", "stage_action_id" } },
  { "record_tag", { "contact_id", "organization_id", "tag" } },
  { "custom_value", { "field_id", "contact_id", "organization_id" } },
};

const RapportLogTable *
rapport_change_log_tables (guint *n_tables)
{
  *n_tables = G_N_ELEMENTS (log_tables);
  return log_tables;
}

const char * const *
rapport_store_team_tables (guint *n_tables)
{
  static const char *names[G_N_ELEMENTS (log_tables)];

  for (gsize i = 0; i < G_N_ELEMENTS (log_tables); i++)
    names[i] = log_tables[i].table;
  *n_tables = G_N_ELEMENTS (log_tables);
  return names;
}

const RapportLogTable *
rapport_change_log_find_table (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (log_tables); i++)
    if (g_strcmp0 (log_tables[i].table, name) == 0)
      return &log_tables[i];

  return NULL;
}

/* References the schema does not declare (a stage may be deleted while
 * its history stays). */
typedef struct
{
  const char *table;
  const char *column;
  const char *target;
} Reference;

static const Reference undeclared_references[] = {
  { "stage_change", "from_stage_id", "stage" },
  { "stage_change", "to_stage_id", "stage" },
};

/* Settings of this desktop alone, never sent to the team: the current
 * pipeline, the restore generation and everything about the team
 * itself (team-server, team-user…). */
#define LOCAL_SETTINGS "('current-pipeline', 'restore-generation')"

const char rapport_change_log_schema[] =
  "CREATE TABLE change_log ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  entity TEXT NOT NULL,"
  "  key TEXT NOT NULL,"
  "  op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),"
  "  fields TEXT,"
  "  at INTEGER NOT NULL"
  ");"
  "CREATE TABLE change_log_state ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  active INTEGER NOT NULL DEFAULT 0"
  ");"
  "INSERT INTO change_log_state (id, active) VALUES (1, 0);"
  /* A teammate's value that a change of this desktop overwrote. */
  "CREATE TABLE team_conflict ("
  "  id INTEGER PRIMARY KEY,"
  "  entity TEXT NOT NULL,"
  "  uid TEXT NOT NULL,"
  "  field TEXT NOT NULL,"
  "  yours TEXT,"
  "  theirs TEXT,"
  "  author TEXT,"
  "  at INTEGER NOT NULL"
  ");"
  "CREATE INDEX team_conflict_by_record ON team_conflict (entity, uid);";

typedef RapportLogColumn Column;
typedef RapportLogTable PartTable;

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->name);
  g_free (column->target);
  g_free (column->fallback);
}

static const char *
undeclared_target (const char *table,
                   const char *column)
{
  for (gsize i = 0; i < G_N_ELEMENTS (undeclared_references); i++)
    if (g_str_equal (undeclared_references[i].table, table) &&
        g_str_equal (undeclared_references[i].column, column))
      return undeclared_references[i].target;

  return NULL;
}

static gboolean
read_references (sqlite3     *db,
                 const char  *table,
                 GHashTable  *targets,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)", -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    return rapport_db_set_error (db, rc, error);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (targets,
                         g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return rapport_db_set_error (db, rc, error);

  return TRUE;
}

/* The columns of @table but id and uid, each with what it refers to. */
GArray *
rapport_change_log_columns (sqlite3     *db,
              const char  *table,
              GError     **error)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_array_set_clear_func (columns, column_clear);
  if (!read_references (db, table, targets, error))
    return NULL;

  rc = sqlite3_prepare_v2 (db, "SELECT name, upper(type), dflt_value FROM pragma_table_info(?)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      rapport_db_set_error (db, rc, error);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *target = g_hash_table_lookup (targets, name);
      Column column = { 0 };

      if (g_str_equal (name, "id") || g_str_equal (name, "uid"))
        continue;
      column.name = g_strdup (name);
      column.target = g_strdup (target != NULL ? target : undeclared_target (table, name));
      column.blob = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "BLOB") == 0;
      column.fallback = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_array_append_val (columns, column);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&columns);
}

/* Identifiers come from the schema itself, quoted all the same: no text
 * from outside reaches this SQL. */
void
rapport_log_append_ident (GString    *sql,
                          const char *name)
{
  char *quoted = sqlite3_mprintf ("\"%w\"", name);

  g_string_append (sql, quoted);
  sqlite3_free (quoted);
}

/* The value of @column in @row (NEW or OLD) as the team knows it. */
void
rapport_log_append_value (GString      *sql,
                          const char   *row,
                          const Column *column)
{
  if (column->target != NULL)
    {
      g_string_append (sql, "(SELECT uid FROM ");
      rapport_log_append_ident (sql, column->target);
      g_string_append_printf (sql, " WHERE id = %s.", row);
      rapport_log_append_ident (sql, column->name);
      g_string_append (sql, ")");
    }
  else if (column->blob)
    {
      g_string_append_printf (sql, "hex(%s.", row);
      rapport_log_append_ident (sql, column->name);
      g_string_append (sql, ")");
    }
  else
    {
      g_string_append_printf (sql, "%s.", row);
      rapport_log_append_ident (sql, column->name);
    }
}

/* The JSON name of @column: a reference by what it refers to ("stage"
 * for stage_id), since its value is that record's uid. */
char *
rapport_log_json_name (const Column *column)
{
  if (column->target != NULL && g_str_has_suffix (column->name, "_id"))
    return g_strndup (column->name, strlen (column->name) - 3);

  return g_strdup (column->name);
}

void
rapport_log_append_literal (GString    *sql,
                            const char *text)
{
  char *quoted = sqlite3_mprintf ("%Q", text);

  g_string_append (sql, quoted);
  sqlite3_free (quoted);
}

void
rapport_log_append_fields (GString    *sql,
                           const char *row,
                           GArray     *columns)
{
  g_string_append (sql, "json_object(");
  for (guint i = 0; i < columns->len; i++)
    {
      const Column *column = &g_array_index (columns, Column, i);
      g_autofree char *name = rapport_log_json_name (column);

      if (i > 0)
        g_string_append (sql, ", ");
      rapport_log_append_literal (sql, name);
      g_string_append (sql, ", ");
      rapport_log_append_value (sql, row, column);
    }
  g_string_append (sql, ")");
}

/* Only the fields that changed between OLD and NEW. */
static void
append_changed_fields (GString *sql,
                       GArray  *columns)
{
  g_string_append (sql, "json_remove(");
  rapport_log_append_fields (sql, "NEW", columns);
  for (guint i = 0; i < columns->len; i++)
    {
      const Column *column = &g_array_index (columns, Column, i);
      g_autofree char *name = rapport_log_json_name (column);
      g_autofree char *path = g_strdup_printf ("$.%s", name);

      g_string_append (sql, ", CASE WHEN OLD.");
      rapport_log_append_ident (sql, column->name);
      g_string_append (sql, " IS NEW.");
      rapport_log_append_ident (sql, column->name);
      g_string_append (sql, " THEN ");
      rapport_log_append_literal (sql, path);
      g_string_append (sql, " ELSE '$.\"~\"' END");
    }
  g_string_append (sql, ")");
}

static void
append_any_changed (GString *sql,
                    GArray  *columns)
{
  g_string_append (sql, "(");
  for (guint i = 0; i < columns->len; i++)
    {
      const Column *column = &g_array_index (columns, Column, i);

      if (i > 0)
        g_string_append (sql, " OR ");
      g_string_append (sql, "OLD.");
      rapport_log_append_ident (sql, column->name);
      g_string_append (sql, " IS NOT NEW.");
      rapport_log_append_ident (sql, column->name);
    }
  g_string_append (sql, ")");
}

const RapportLogColumn *
rapport_log_find_column (GArray     *columns,
                         const char *name)
{
  for (guint i = 0; i < columns->len; i++)
    if (g_str_equal (g_array_index (columns, Column, i).name, name))
      return &g_array_index (columns, Column, i);

  return NULL;
}

/* The key of @row of @table, as the log writes it: the record's uid, or
 * the uids and values that make a part unique. */
void
rapport_log_append_key (GString               *sql,
                        const char            *row,
                        const RapportLogTable *table,
                        GArray                *columns)
{
  const PartTable *part = table;

  if (table->key[0] == NULL)
    {
      g_string_append_printf (sql, "json_object('uid', %s.uid)", row);
      return;
    }

  g_string_append (sql, "json_object(");
  for (guint i = 0; i < G_N_ELEMENTS (part->key) && part->key[i] != NULL; i++)
    {
      const Column *column = rapport_log_find_column (columns, part->key[i]);
      g_autofree char *name = rapport_log_json_name (column);

      if (i > 0)
        g_string_append (sql, ", ");
      rapport_log_append_literal (sql, name);
      g_string_append (sql, ", ");
      rapport_log_append_value (sql, row, column);
    }
  g_string_append (sql, ")");
}

static void
append_log_insert (GString    *sql,
                   const char *table)
{
  g_string_append (sql, "INSERT INTO change_log (entity, key, op, fields, at) SELECT ");
  rapport_log_append_literal (sql, table);
  g_string_append (sql, ", ");
}

#define IF_ACTIVE "(SELECT active FROM change_log_state WHERE id = 1)"

static char *
record_triggers (const RapportLogTable *record,
                 GArray                *columns)
{
  const char *table = record->table;
  GString *sql = g_string_new (NULL);

  /* Inserted: a uid, unless the row came with one (from the team), and
   * the log. Only in a team: rewriting every new row for its uid made a
   * large import 40 % slower, for nothing while the file is nobody's
   * but its user's; joining gives the rows made meanwhile their uids
   * (rapport_store_fill_uids()). */
  g_string_append_printf (sql, "CREATE TRIGGER \"%s_change_insert\" AFTER INSERT ON ", table);
  rapport_log_append_ident (sql, table);
  g_string_append (sql, " WHEN " IF_ACTIVE " BEGIN UPDATE ");
  rapport_log_append_ident (sql, table);
  g_string_append (sql, " SET uid = " UUID_SQL " WHERE id = NEW.id AND uid IS NULL; ");
  append_log_insert (sql, table);
  g_string_append (sql, "json_object('uid', (SELECT uid FROM ");
  rapport_log_append_ident (sql, table);
  g_string_append (sql, " WHERE id = NEW.id)), 'insert', ");
  rapport_log_append_fields (sql, "NEW", columns);
  g_string_append (sql, ", unixepoch(); END;\n");

  g_string_append_printf (sql, "CREATE TRIGGER \"%s_change_update\" AFTER UPDATE ON ", table);
  rapport_log_append_ident (sql, table);
  g_string_append (sql, " WHEN " IF_ACTIVE " AND ");
  append_any_changed (sql, columns);
  g_string_append (sql, " BEGIN ");
  append_log_insert (sql, table);
  rapport_log_append_key (sql, "NEW", record, columns);
  g_string_append (sql, ", 'update', ");
  append_changed_fields (sql, columns);
  g_string_append (sql, ", unixepoch(); END;\n");

  g_string_append_printf (sql, "CREATE TRIGGER \"%s_change_delete\" AFTER DELETE ON ", table);
  rapport_log_append_ident (sql, table);
  g_string_append (sql, " WHEN " IF_ACTIVE " BEGIN ");
  append_log_insert (sql, table);
  rapport_log_append_key (sql, "OLD", record, columns);
  g_string_append (sql, ", 'delete', NULL, unixepoch(); END;\n");

  return g_string_free (sql, FALSE);
}

/* " AND …" that keeps the settings of this desktop alone out of what
 * @row of @table sends the team; nothing for another table. */
void
rapport_log_append_shared (GString               *sql,
                           const RapportLogTable *table,
                           const char            *row)
{
  if (g_str_equal (table->table, "setting"))
    g_string_append_printf (sql, " AND %s.key NOT IN " LOCAL_SETTINGS " AND %s.key NOT LIKE 'team-%%'", row, row);
}

/* A part changed is logged as the part, whole, under its key; when an
 * update changed the key (an e-mail moved up the list), the old key is
 * deleted first. A part deleted with its record (ON DELETE CASCADE) is
 * not logged: its record's deletion says it. */
static char *
part_triggers (const PartTable *part,
               GArray          *columns)
{
  GString *sql = g_string_new (NULL);
  const Column *first = rapport_log_find_column (columns, part->key[0]);

  g_string_append_printf (sql, "CREATE TRIGGER \"%s_change_insert\" AFTER INSERT ON ", part->table);
  rapport_log_append_ident (sql, part->table);
  g_string_append (sql, " WHEN " IF_ACTIVE);
  rapport_log_append_shared (sql, part, "NEW");
  g_string_append (sql, " BEGIN ");
  append_log_insert (sql, part->table);
  rapport_log_append_key (sql, "NEW", part, columns);
  g_string_append (sql, ", 'insert', ");
  rapport_log_append_fields (sql, "NEW", columns);
  g_string_append (sql, ", unixepoch(); END;\n");

  g_string_append_printf (sql, "CREATE TRIGGER \"%s_change_update\" AFTER UPDATE ON ", part->table);
  rapport_log_append_ident (sql, part->table);
  g_string_append (sql, " WHEN " IF_ACTIVE);
  rapport_log_append_shared (sql, part, "NEW");
  g_string_append (sql, " AND ");
  append_any_changed (sql, columns);
  g_string_append (sql, " BEGIN ");
  append_log_insert (sql, part->table);
  rapport_log_append_key (sql, "OLD", part, columns);
  g_string_append (sql, ", 'delete', NULL, unixepoch() WHERE ");
  rapport_log_append_key (sql, "OLD", part, columns);
  g_string_append (sql, " IS NOT ");
  rapport_log_append_key (sql, "NEW", part, columns);
  g_string_append (sql, "; ");
  append_log_insert (sql, part->table);
  rapport_log_append_key (sql, "NEW", part, columns);
  g_string_append (sql, ", 'insert', ");
  rapport_log_append_fields (sql, "NEW", columns);
  g_string_append (sql, ", unixepoch(); END;\n");

  g_string_append_printf (sql, "CREATE TRIGGER \"%s_change_delete\" AFTER DELETE ON ", part->table);
  rapport_log_append_ident (sql, part->table);
  g_string_append (sql, " WHEN " IF_ACTIVE);
  rapport_log_append_shared (sql, part, "OLD");
  if (first->target != NULL)
    {
      g_string_append (sql, " AND ");
      rapport_log_append_value (sql, "OLD", first);
      g_string_append (sql, " IS NOT NULL");
    }
  g_string_append (sql, " BEGIN ");
  append_log_insert (sql, part->table);
  rapport_log_append_key (sql, "OLD", part, columns);
  g_string_append (sql, ", 'delete', NULL, unixepoch(); END;\n");

  return g_string_free (sql, FALSE);
}

static gboolean
replace_triggers (sqlite3     *db,
                  const char  *table,
                  const char  *triggers,
                  GError     **error)
{
  for (guint i = 0; i < 3; i++)
    {
      static const char * const ops[] = { "insert", "update", "delete" };
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER IF EXISTS \"%s_change_%s\";", table, ops[i]);

      if (!rapport_db_exec (db, drop, error))
        return FALSE;
    }

  return rapport_db_exec (db, triggers, error);
}

gboolean
rapport_change_log_install (sqlite3  *db,
                            GError  **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (log_tables); i++)
    {
      const RapportLogTable *table = &log_tables[i];
      g_autoptr(GArray) columns = rapport_change_log_columns (db, table->table, error);
      g_autofree char *triggers = NULL;

      if (columns == NULL)
        return FALSE;
      triggers = table->key[0] == NULL ? record_triggers (table, columns)
                                       : part_triggers (table, columns);
      if (!replace_triggers (db, table->table, triggers, error))
        return FALSE;
    }

  return TRUE;
}

/* Every record table gains its uid, each existing record one of its
 * own, unique. */
gboolean
rapport_change_log_add_uids (sqlite3  *db,
                             GError  **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (log_tables) && log_tables[i].key[0] == NULL; i++)
    {
      const char *t = log_tables[i].table;
      g_autofree char *sql = g_strdup_printf ("ALTER TABLE \"%s\" ADD COLUMN uid TEXT;"
                                              "UPDATE \"%s\" SET uid = " UUID_SQL ";"
                                              "CREATE UNIQUE INDEX \"%s_by_uid\" ON \"%s\" (uid);",
                                              t, t, t, t);

      if (!rapport_db_exec (db, sql, error))
        return FALSE;
    }

  return TRUE;
}

/* Every record without a uid gets one: those made before the file
 * joined a team. */
gboolean
rapport_store_fill_uids (RapportStore  *self,
                         GError       **error)
{
  sqlite3 *db = rapport_store_get_db (self);

  for (gsize i = 0; i < G_N_ELEMENTS (log_tables) && log_tables[i].key[0] == NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE \"%s\" SET uid = " UUID_SQL " WHERE uid IS NULL",
                                              log_tables[i].table);
      int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        return rapport_store_set_error (self, rc, error);
    }

  return TRUE;
}
