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

/* A slot's id keeps, in its top byte, how many contacts have the key: one
 * that more than MAX_SHARED share (a switchboard's number, info@…) is no
 * sign a row is any of them, as in rapport-store-duplicates.c. */
#define MAX_SHARED 5
#define ID_BITS 56
#define ID_MASK ((G_GINT64_CONSTANT (1) << ID_BITS) - 1)

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
      slot->id = (G_GINT64_CONSTANT (1) << ID_BITS) | (id & ID_MASK);
      matcher->used++;
    }
  else if ((slot->id & ID_MASK) != (id & ID_MASK) && (slot->id >> ID_BITS) <= MAX_SHARED)
    slot->id += G_GINT64_CONSTANT (1) << ID_BITS;
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
  if (slot->key == 0 || (slot->id >> ID_BITS) > MAX_SHARED)
    return 0;
  return (slot->id & ID_MASK) == (THIS_FILE & ID_MASK) ? THIS_FILE : slot->id & ID_MASK;
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

enum {
  COLUMN_NAME, COLUMN_TITLE, COLUMN_ORGANIZATION, COLUMN_SOURCE, COLUMN_OWNER, COLUMN_EXTERNAL_ID,
  COLUMN_ADDRESS, COLUMN_BIRTHDAY, N_COLUMNS
};

static const Column columns[N_COLUMNS] = {
  [COLUMN_NAME] = COLUMN ("name"),
  [COLUMN_TITLE] = COLUMN ("title"),
  [COLUMN_ORGANIZATION] = { "organization_id",
                            "UPDATE contact SET organization_id = ?2 WHERE id = ?1 AND organization_id IS NULL",
                            "UPDATE contact SET organization_id = ?2 WHERE id = ?1" },
  [COLUMN_SOURCE] = COLUMN ("source"),
  [COLUMN_OWNER] = COLUMN ("owner"),
  [COLUMN_EXTERNAL_ID] = COLUMN ("external_id"),
  [COLUMN_ADDRESS] = COLUMN ("address"),
  [COLUMN_BIRTHDAY] = COLUMN ("birthday"),
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

/* The row's e-mails or phones: its list, or its one value as a list. */
static gboolean
write_list (RapportStoreImport  *import,
            gint64               id,
            RapportContactList   which,
            GPtrArray           *values,
            const char          *single,
            gboolean             overwrite,
            GError             **error)
{
  g_autoptr(GPtrArray) one = NULL;

  if (values == NULL)
    {
      one = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_contact_value_free);
      if (single != NULL && *single != '\0')
        g_ptr_array_add (one, rapport_contact_value_new ("other", single));
      values = one;
    }
  /* Filling, a contact that has some keeps just those. */
  return rapport_store_join_contact_list (import->store, id, which, values, overwrite, !overwrite, error);
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
      !write_column (import, id, COLUMN_ADDRESS, row->address, 0, overwrite, error) ||
      !write_column (import, id, COLUMN_BIRTHDAY, row->birthday, 0, overwrite, error) ||
      !write_list (import, id, RAPPORT_CONTACT_LIST_EMAIL, row->emails, row->email, overwrite, error) ||
      !write_list (import, id, RAPPORT_CONTACT_LIST_PHONE, row->phones, row->phone, overwrite, error))
    return FALSE;

  stmt = rapport_store_stmt_sql (store, "UPDATE contact SET updated_at = ?2 WHERE id = ?1");
  rapport_sql_bind_int64 (stmt, 1, id);
  rapport_sql_bind_int64 (stmt, 2, import->now);
  return rapport_store_step_done (store, stmt, error);
}
