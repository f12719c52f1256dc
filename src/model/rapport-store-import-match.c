/* rapport-store-import-match.c — an imported contact who is there already
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row is the same person as a contact when they share an e-mail address
 * (any of the contact's, in any case), a phone number (its digits), or a
 * name in the same organization (case and accents folded): the keys of
 * rapport-store-duplicates.c. The keys of every contact are read once, at
 * the start, into a table; each row then costs a look-up, not a query.
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

/* The keys are kept as 64-bit hashes in one open-addressed table: 16
 * bytes a key and no allocation each, where a hash table of strings took
 * 150 MB for 200 000 contacts and a file of as many rows. Two different
 * keys of one import sharing a hash is a chance of about one in 10^7 for
 * a million keys. */
typedef struct
{
  guint64 key;   /* 0: empty */
  gint64  id;
} Slot;

struct _RapportImportMatcher
{
  Slot  *slots;
  gsize  mask;   /* the number of slots, less one (a power of two, less one) */
  gsize  used;
};

enum { KEY_EMAIL = 'e', KEY_PHONE = 'p', KEY_NAME = 'n' };

void
rapport_import_matcher_free (RapportImportMatcher *matcher)
{
  if (matcher == NULL)
    return;

  g_free (matcher->slots);
  g_free (matcher);
}

/* FNV-1a, 64 bits, of the kind then the text. */
static guint64
hash_key (char        kind,
          const char *text)
{
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);

  hash = (hash ^ (guchar) kind) * G_GUINT64_CONSTANT (1099511628211);
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    hash = (hash ^ *p) * G_GUINT64_CONSTANT (1099511628211);
  return hash != 0 ? hash : 1;
}

static Slot *
find_slot (RapportImportMatcher *matcher,
           guint64               key)
{
  gsize i = (gsize) (key ^ (key >> 32)) & matcher->mask;

  while (matcher->slots[i].key != 0 && matcher->slots[i].key != key)
    i = (i + 1) & matcher->mask;
  return &matcher->slots[i];
}

static void
grow (RapportImportMatcher *matcher)
{
  Slot *old = matcher->slots;
  gsize n_old = old != NULL ? matcher->mask + 1 : 0;

  matcher->mask = n_old > 0 ? n_old * 2 - 1 : 1023;
  matcher->slots = g_new0 (Slot, matcher->mask + 1);
  for (gsize i = 0; i < n_old; i++)
    if (old[i].key != 0)
      *find_slot (matcher, old[i].key) = old[i];
  g_free (old);
}

/* The first contact to have a key keeps it. */
static void
remember (RapportImportMatcher *matcher,
          char                  kind,
          char                 *text,
          gint64                id)
{
  Slot *slot;

  if (text == NULL)
    return;
  /* Up to 70% full: probes stay short, and a file of 200 000 rows on as
   * many contacts (1.2 million keys) fits in 32 MB. */
  if (matcher->slots == NULL || (matcher->used + 1) * 10 > (matcher->mask + 1) * 7)
    grow (matcher);
  slot = find_slot (matcher, hash_key (kind, text));
  if (slot->key == 0)
    {
      slot->key = hash_key (kind, text);
      slot->id = id;
      matcher->used++;
    }
  g_free (text);
}

static gint64
lookup (RapportImportMatcher *matcher,
        char                  kind,
        const char           *text)
{
  Slot *slot;

  if (text == NULL || matcher->slots == NULL)
    return 0;
  slot = find_slot (matcher, hash_key (kind, text));
  return slot->key != 0 ? slot->id : 0;
}

static char *
email_key (const char *email)
{
  return email != NULL && *email != '\0' ? rapport_store_email_key (email) : NULL;
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

static gboolean
load_values (RapportStore          *store,
             RapportImportMatcher  *matcher,
             char                   kind,
             const char            *sql,
             char                *(*key_of) (const char *),
             GError               **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (store, sql);
  int rc;

  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    remember (matcher, kind, key_of (rapport_sql_column_text (stmt, 1)), rapport_sql_column_int64 (stmt, 0));
  rapport_sql_reset (stmt);
  if (rc != RAPPORT_SQL_DONE)
    return rapport_store_set_error (store, rc, error);
  return TRUE;
}

static gboolean
load_names (RapportStore          *store,
            RapportImportMatcher  *matcher,
            GError               **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (store, SQL_NAMES);
  int rc;

  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    remember (matcher, KEY_NAME, name_key (rapport_sql_column_text (stmt, 1), rapport_sql_column_int64 (stmt, 2)),
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

  if (!load_values (store, matcher, KEY_EMAIL, SQL_EMAILS, email_key, error) ||
      !load_values (store, matcher, KEY_PHONE, SQL_PHONES, rapport_store_phone_key, error) ||
      !load_names (store, matcher, error))
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
    if ((id = lookup (matcher, KEY_EMAIL, emails->pdata[i])) != 0)
      return id;
  for (guint i = 0; i < phones->len; i++)
    if ((id = lookup (matcher, KEY_PHONE, phones->pdata[i])) != 0)
      return id;
  return lookup (matcher, KEY_NAME, name);
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
    remember (matcher, KEY_EMAIL, g_strdup (emails->pdata[i]), THIS_FILE);
  for (guint i = 0; i < phones->len; i++)
    remember (matcher, KEY_PHONE, g_strdup (phones->pdata[i]), THIS_FILE);
  remember (matcher, KEY_NAME, name_key (row->name, organization_id), THIS_FILE);
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
  return rapport_store_email_key (value);
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
