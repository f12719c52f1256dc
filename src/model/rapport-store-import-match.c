/* rapport-store-import-match.c — an imported contact who is there already
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row is the same person as a contact when they share an e-mail address
 * (any of the contact's, in any case), a phone number (its digits), or a
 * name in the same organization (case and accents folded): the keys of
 * rapport-store-duplicates.c. The keys of every contact are read once, at
 * the start, into tables; each row then costs a look-up, not a query.
 *
 * What happens to such a row is the file's choice: skipped, its values
 * filling the contact's empty fields, or written over the contact's; or
 * the row made a contact of its own as if nothing matched. A contact an
 * import changes is copied whole first, so undoing the import puts it
 * back as it was.
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <string.h>

#include "rapport-store-import-private.h"

#define SQL_EMAILS "SELECT contact_id, value FROM contact_email"
#define SQL_PHONES "SELECT contact_id, value FROM contact_phone"
#define SQL_NAMES "SELECT id, name, organization_id FROM contact WHERE organization_id IS NOT NULL"

/* A row earlier in the same file: its contact is staged, not yet stored. */
#define THIS_FILE G_GINT64_CONSTANT (-1)

struct _RapportImportMatcher
{
  GHashTable *emails;   /* folded address (owned) → id */
  GHashTable *phones;   /* digits (owned) → id */
  GHashTable *names;    /* "organization id \x1f folded name" (owned) → id */
};

void
rapport_import_matcher_free (RapportImportMatcher *matcher)
{
  if (matcher == NULL)
    return;

  g_clear_pointer (&matcher->emails, g_hash_table_unref);
  g_clear_pointer (&matcher->phones, g_hash_table_unref);
  g_clear_pointer (&matcher->names, g_hash_table_unref);
  g_free (matcher);
}

static char *
email_key (const char *email)
{
  return email != NULL && *email != '\0' ? g_utf8_casefold (email, -1) : NULL;
}

static char *
name_key (const char *name,
          gint64      organization_id)
{
  g_autofree char *folded = NULL;

  if (organization_id == 0 || name == NULL)
    return NULL;
  folded = rapport_store_fold_for_matching (name);
  return *folded != '\0' ? g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", organization_id, folded) : NULL;
}

/* The first contact to have a key keeps it. */
static void
remember (GHashTable *table,
          char       *key,
          gint64      id)
{
  if (key == NULL || g_hash_table_contains (table, key))
    g_free (key);
  else
    g_hash_table_insert (table, key, g_memdup2 (&id, sizeof id));
}

static gboolean
load_values (RapportStore  *store,
             GHashTable    *table,
             const char    *sql,
             char        *(*key_of) (const char *),
             GError       **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (store, sql);
  int rc;

  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    remember (table, key_of (rapport_sql_column_text (stmt, 1)), rapport_sql_column_int64 (stmt, 0));
  rapport_sql_reset (stmt);
  if (rc != RAPPORT_SQL_DONE)
    return rapport_store_set_error (store, rc, error);
  return TRUE;
}

static gboolean
load_names (RapportStore  *store,
            GHashTable    *table,
            GError       **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (store, SQL_NAMES);
  int rc;

  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    remember (table, name_key (rapport_sql_column_text (stmt, 1), rapport_sql_column_int64 (stmt, 2)),
              rapport_sql_column_int64 (stmt, 0));
  rapport_sql_reset (stmt);
  if (rc != RAPPORT_SQL_DONE)
    return rapport_store_set_error (store, rc, error);
  return TRUE;
}

RapportImportMatcher *
rapport_import_matcher_new (RapportStore  *store,
                            GError       **error)
{
  g_autoptr(RapportImportMatcher) matcher = g_new0 (RapportImportMatcher, 1);

  matcher->emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  matcher->phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  matcher->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!load_values (store, matcher->emails, SQL_EMAILS, email_key, error) ||
      !load_values (store, matcher->phones, SQL_PHONES, rapport_store_phone_key, error) ||
      !load_names (store, matcher->names, error))
    return NULL;
  return g_steal_pointer (&matcher);
}

/* The keys of @row's e-mails, or of its phones. */
static GPtrArray *
row_keys (const RapportImportRow  *row,
          gboolean                 phones)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *values = phones ? row->phones : row->emails;
  const char *single = phones ? row->phone : row->email;
  guint n_values = values != NULL ? values->len : 1;

  for (guint i = 0; i < n_values; i++)
    {
      const char *value = values != NULL ? ((RapportContactValue *) values->pdata[i])->value : single;
      char *key = value == NULL ? NULL : phones ? rapport_store_phone_key (value) : email_key (value);

      if (key != NULL)
        g_ptr_array_add (keys, key);
    }
  return keys;
}

static gint64
lookup (GHashTable *table,
        const char *key)
{
  gint64 *id = key != NULL ? g_hash_table_lookup (table, key) : NULL;

  return id != NULL ? *id : 0;
}

gint64
rapport_import_matcher_find (RapportImportMatcher    *matcher,
                             const RapportImportRow  *row,
                             gint64                   organization_id)
{
  g_autoptr(GPtrArray) emails = row_keys (row, FALSE);
  g_autoptr(GPtrArray) phones = row_keys (row, TRUE);
  g_autofree char *name = name_key (row->name, organization_id);
  gint64 id;

  for (guint i = 0; i < emails->len; i++)
    if ((id = lookup (matcher->emails, emails->pdata[i])) != 0)
      return id;
  for (guint i = 0; i < phones->len; i++)
    if ((id = lookup (matcher->phones, phones->pdata[i])) != 0)
      return id;
  return lookup (matcher->names, name);
}

gboolean
rapport_import_matcher_is_this_file (gint64 id)
{
  return id == THIS_FILE;
}

void
rapport_import_matcher_add (RapportImportMatcher    *matcher,
                            const RapportImportRow  *row,
                            gint64                   organization_id)
{
  g_autoptr(GPtrArray) emails = row_keys (row, FALSE);
  g_autoptr(GPtrArray) phones = row_keys (row, TRUE);

  for (guint i = 0; i < emails->len; i++)
    remember (matcher->emails, g_strdup (emails->pdata[i]), THIS_FILE);
  for (guint i = 0; i < phones->len; i++)
    remember (matcher->phones, g_strdup (phones->pdata[i]), THIS_FILE);
  remember (matcher->names, name_key (row->name, organization_id), THIS_FILE);
}

/* Writing a row over a contact */

typedef struct
{
  const char *column;
  const char *fill_sql;    /* ?1 the contact, ?2 the value: only where empty */
  const char *update_sql;  /* the same, always */
} Column;

#define COLUMN(c) \
  { c, "UPDATE contact SET " c " = ?2 WHERE id = ?1 AND coalesce(trim(" c "), '') = ''", \
    "UPDATE contact SET " c " = ?2 WHERE id = ?1" }

enum { COLUMN_NAME, COLUMN_TITLE, COLUMN_ORGANIZATION, COLUMN_SOURCE, COLUMN_OWNER, COLUMN_EXTERNAL_ID, N_COLUMNS };

static const Column columns[N_COLUMNS] = {
  [COLUMN_NAME] = COLUMN ("name"),
  [COLUMN_TITLE] = COLUMN ("title"),
  [COLUMN_ORGANIZATION] = { "organization_id",
                            "UPDATE contact SET organization_id = ?2 WHERE id = ?1 AND organization_id IS NULL",
                            "UPDATE contact SET organization_id = ?2 WHERE id = ?1" },
  [COLUMN_SOURCE] = COLUMN ("source"),
  [COLUMN_OWNER] = COLUMN ("owner"),
  [COLUMN_EXTERNAL_ID] = COLUMN ("external_id"),
};

static gboolean
write_column (RapportStoreImport  *import,
              gint64               id,
              guint                column,
              const char          *text,
              gint64               number,
              gboolean             overwrite,
              GError             **error)
{
  RapportSqlStmt *stmt;

  if ((text == NULL || *text == '\0') && number == 0)
    return TRUE;
  stmt = rapport_store_stmt_sql (import->store, overwrite ? columns[column].update_sql : columns[column].fill_sql);
  rapport_sql_bind_int64 (stmt, 1, id);
  if (text != NULL)
    rapport_sql_bind_text (stmt, 2, text);
  else
    rapport_sql_bind_int64 (stmt, 2, number);
  return rapport_store_step_done (import->store, stmt, error);
}

typedef struct
{
  const char *table;
  const char *column;
  char     *(*key_of) (const char *value);
} List;

static char *
phone_digits_or_value (const char *value)
{
  char *key = rapport_store_phone_key (value);

  return key != NULL ? key : g_strdup (value);
}

static char *
email_or_value (const char *value)
{
  return g_utf8_casefold (value, -1);
}

static const List email_list = {
  "contact_email", "email", email_or_value,
};
static const List phone_list = {
  "contact_phone", "phone", phone_digits_or_value,
};

/* The row's addresses (or numbers) the contact lacks are added after its
 * own; when @overwrite, the row's first goes first. When filling, a
 * contact that has some keeps just those. */
static gboolean
write_list (RapportStoreImport  *import,
            gint64               id,
            const List          *list,
            GPtrArray           *values,
            const char          *single,
            gboolean             overwrite,
            GError             **error)
{
  RapportStore *store = import->store;
  g_autoptr(GHashTable) has = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *select = g_strdup_printf ("SELECT position, value FROM %s WHERE contact_id = ?1", list->table);
  g_autofree char *insert = g_strdup_printf ("INSERT INTO %s (contact_id, position, label, value)"
                                             " VALUES (?1, ?2, ?3, ?4)", list->table);
  g_autofree char *lead = g_strdup_printf ("UPDATE %s SET position = ?3 WHERE contact_id = ?1 AND position = ?2",
                                           list->table);
  g_autofree char *first = g_strdup_printf ("UPDATE contact SET %s = (SELECT value FROM %s WHERE contact_id = ?1"
                                            " ORDER BY position LIMIT 1) WHERE id = ?1", list->column, list->table);
  RapportSqlStmt *stmt = rapport_store_stmt_sql (store, select);
  gint64 low = 0, high = -1;
  guint n_values = values != NULL ? values->len : single != NULL && *single != '\0';
  int rc;

  rapport_sql_bind_int64 (stmt, 1, id);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      gint64 position = rapport_sql_column_int64 (stmt, 0);

      low = MIN (low, position);
      high = MAX (high, position);
      g_hash_table_insert (has, list->key_of (rapport_sql_column_text (stmt, 1)),
                           g_memdup2 (&position, sizeof position));
    }
  rapport_sql_reset (stmt);
  if (rc != RAPPORT_SQL_DONE)
    return rapport_store_set_error (store, rc, error);
  if (n_values == 0 || (!overwrite && g_hash_table_size (has) > 0))
    return TRUE;

  for (guint i = 0; i < n_values; i++)
    {
      const RapportContactValue *value = values != NULL ? values->pdata[i] : NULL;
      const char *text = value != NULL ? value->value : single;
      g_autofree char *key = list->key_of (text);
      gint64 *found = g_hash_table_lookup (has, key);
      RapportSqlStmt *write;

      if (found != NULL && !(overwrite && i == 0))
        continue;
      if (found != NULL)
        {
          write = rapport_store_stmt_sql (store, lead);
          rapport_sql_bind_int64 (write, 1, id);
          rapport_sql_bind_int64 (write, 2, *found);
          rapport_sql_bind_int64 (write, 3, --low);
        }
      else
        {
          write = rapport_store_stmt_sql (store, insert);
          rapport_sql_bind_int64 (write, 1, id);
          rapport_sql_bind_int64 (write, 2, overwrite && i == 0 ? --low : ++high);
          rapport_sql_bind_text (write, 3, value != NULL ? value->label : "other");
          rapport_sql_bind_text (write, 4, text);
          g_hash_table_insert (has, g_steal_pointer (&key), g_memdup2 (&high, sizeof high));
        }
      if (!rapport_store_step_done (store, write, error))
        return FALSE;
    }

  stmt = rapport_store_stmt_sql (store, first);
  rapport_sql_bind_int64 (stmt, 1, id);
  return rapport_store_step_done (store, stmt, error);
}

gboolean
rapport_store_import_write_over (RapportStoreImport      *import,
                                 gint64                   id,
                                 const RapportImportRow  *row,
                                 const char              *name,
                                 gint64                   organization_id,
                                 gboolean                 overwrite,
                                 GError                 **error)
{
  RapportStore *store = import->store;
  RapportSqlStmt *stmt;

  if (!rapport_store_import_keep_contact (import, id, error))
    return FALSE;

  if (!write_column (import, id, COLUMN_NAME, name, 0, overwrite, error) ||
      !write_column (import, id, COLUMN_TITLE, row->title, 0, overwrite, error) ||
      !write_column (import, id, COLUMN_ORGANIZATION, NULL, organization_id, overwrite, error) ||
      !write_column (import, id, COLUMN_SOURCE, row->source, 0, overwrite, error) ||
      !write_column (import, id, COLUMN_OWNER, row->owner, 0, overwrite, error) ||
      !write_column (import, id, COLUMN_EXTERNAL_ID, row->external_id, 0, overwrite, error) ||
      !write_list (import, id, &email_list, row->emails, row->email, overwrite, error) ||
      !write_list (import, id, &phone_list, row->phones, row->phone, overwrite, error))
    return FALSE;

  stmt = rapport_store_stmt_sql (store, "UPDATE contact SET updated_at = ?2 WHERE id = ?1");
  rapport_sql_bind_int64 (stmt, 1, id);
  rapport_sql_bind_int64 (stmt, 2, import->now);
  return rapport_store_step_done (store, stmt, error);
}
