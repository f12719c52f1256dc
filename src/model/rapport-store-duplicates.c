/* rapport-store-duplicates.c — contacts (or organizations) that are
 * likely the same
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two contacts are a likely pair when they share an e-mail address (in
 * any case, any of their addresses), a phone number (its digits, any of
 * their numbers, at least seven of them), or a name in the same
 * organization (case and accents folded: "José Núñez" and "jose nunez").
 * Two organizations are when they share a name (folded alike), a phone
 * number or a website's host.
 * Each key is read once for every contact and gathered in a table, so a
 * file of 200 000 contacts is one pass per kind of key, not a comparison
 * of every pair. A value more than a few records share is no sign (see
 * MAX_SHARED).
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <string.h>

#include "rapport-store-private.h"

#define SQL_EMAILS "SELECT contact_id, value FROM contact_email ORDER BY contact_id"
#define SQL_PHONES "SELECT contact_id, value FROM contact_phone ORDER BY contact_id"
#define SQL_NAMES "SELECT id, name, organization_id FROM contact ORDER BY id"
#define SQL_ORGANIZATION_NAMES "SELECT id, name FROM organization ORDER BY id"
#define SQL_ORGANIZATION_PHONES "SELECT id, phone FROM organization WHERE phone IS NOT NULL ORDER BY id"
#define SQL_ORGANIZATION_WEBSITES "SELECT id, website FROM organization WHERE website IS NOT NULL ORDER BY id"

/* Pairs, by their two ids → RapportDuplicate (owned) */
typedef struct
{
  GHashTable *pairs;
  GHashTable *seen;    /* key (owned) → GArray of gint64 ids */
} Finder;

static guint
pair_hash (gconstpointer key)
{
  const gint64 *ids = key;

  return g_int64_hash (&ids[0]) * 31 + g_int64_hash (&ids[1]);
}

static gboolean
pair_equal (gconstpointer a,
            gconstpointer b)
{
  const gint64 *x = a, *y = b;

  return x[0] == y[0] && x[1] == y[1];
}

static void
add_pair (Finder                 *finder,
          gint64                  a,
          gint64                  b,
          RapportDuplicateReasons reason)
{
  RapportDuplicate *pair;
  gint64 key[2] = { MIN (a, b), MAX (a, b) };

  if (a == b)
    return;
  pair = g_hash_table_lookup (finder->pairs, key);
  if (pair == NULL)
    {
      pair = g_new0 (RapportDuplicate, 1);
      pair->ids[0] = key[0];
      pair->ids[1] = key[1];
      g_hash_table_insert (finder->pairs, pair->ids, pair);
    }
  pair->reasons |= reason;
}

/* A value more records share than this is not a sign that two of them
 * are one: a company's switchboard, a shared domain, a placeholder
 * ("n/a"). Without the bound, 800 organizations of one website made
 * 320 000 pairs, and a file of them 10 million. */
#define MAX_SHARED 5

/* Notes that record @id has @key; the pairs come once every record's keys
 * of one kind are in (emit_pairs()). */
static void
add_key (Finder *finder,
         char   *key,
         gint64  id)
{
  GArray *ids = g_hash_table_lookup (finder->seen, key);

  if (ids == NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (finder->seen, key, ids);
    }
  else
    g_free (key);

  /* One past the bound is enough to know it is too common. */
  if (ids->len <= MAX_SHARED && (ids->len == 0 || g_array_index (ids, gint64, ids->len - 1) != id))
    g_array_append_val (ids, id);
}

/* Every two records that share a key no more than MAX_SHARED share. */
static void
emit_pairs (Finder                 *finder,
            RapportDuplicateReasons reason)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, finder->seen);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *ids = value;

      if (ids->len < 2 || ids->len > MAX_SHARED)
        continue;
      for (guint i = 0; i < ids->len; i++)
        for (guint j = i + 1; j < ids->len; j++)
          add_pair (finder, g_array_index (ids, gint64, i), g_array_index (ids, gint64, j), reason);
    }
  g_hash_table_remove_all (finder->seen);
}

/* Case folded, accents taken off (decomposed, their marks dropped, so
 * any script keeps its letters), outer and doubled spaces gone. */
/* The same for text of ASCII letters only, the usual case, without
 * Unicode's tables (an import folds every contact's name). */
static char *
fold_ascii (const char *text)
{
  GString *bare = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = bare->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (bare, ' ');
      space = FALSE;
      g_string_append_c (bare, g_ascii_tolower (*p));
    }
  return g_string_free (bare, FALSE);
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

char *
rapport_store_fold_for_matching (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = NULL;
  gboolean space = FALSE;

  if (text == NULL || is_ascii (text))
    return fold_ascii (text != NULL ? text : "");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  bare = g_string_new (NULL);

  for (const char *p = decomposed != NULL ? decomposed : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isspace (c))
        {
          space = bare->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (bare, ' ');
      space = FALSE;
      g_string_append_unichar (bare, c);
    }
  return g_utf8_casefold (bare->str, -1);
}

char *
rapport_store_email_key (const char *email)
{
  return is_ascii (email) ? g_ascii_strdown (email, -1) : g_utf8_casefold (email, -1);
}

char *
rapport_store_phone_key (const char *phone)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = phone; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  /* Too short to be anyone's number in particular. */
  if (digits->len < 7)
    {
      g_string_free (digits, TRUE);
      return NULL;
    }
  return g_string_free (digits, FALSE);
}

static gboolean
read_values (RapportStore            *self,
             Finder                  *finder,
             const char              *sql,
             char                  *(*key_of) (const char *),
             RapportDuplicateReasons  reason,
             GError                 **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, sql);
  int rc;

  g_hash_table_remove_all (finder->seen);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      const char *value = rapport_sql_column_text (stmt, 1);
      char *key = value != NULL ? key_of (value) : NULL;

      if (key != NULL)
        add_key (finder, key, rapport_sql_column_int64 (stmt, 0));
    }
  rapport_sql_reset (stmt);
  if (rc != RAPPORT_SQL_DONE)
    return rapport_store_set_error (self, rc, error);
  emit_pairs (finder, reason);
  return TRUE;
}

static gboolean
read_names (RapportStore  *self,
            Finder        *finder,
            GError       **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, SQL_NAMES);
  int rc;

  g_hash_table_remove_all (finder->seen);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      g_autofree char *name = rapport_store_fold_for_matching (rapport_sql_column_text (stmt, 1));
      gint64 organization = rapport_sql_column_int64 (stmt, 2);

      /* Without an organization a name alone is too common a match. */
      if (organization != 0 && *name != '\0')
        add_key (finder, g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", organization, name),
                 rapport_sql_column_int64 (stmt, 0));
    }
  rapport_sql_reset (stmt);
  if (rc != RAPPORT_SQL_DONE)
    return rapport_store_set_error (self, rc, error);
  emit_pairs (finder, RAPPORT_DUPLICATE_NAME);
  return TRUE;
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const RapportDuplicate *x = *(RapportDuplicate * const *) a;
  const RapportDuplicate *y = *(RapportDuplicate * const *) b;

  if (x->ids[0] != y->ids[0])
    return x->ids[0] < y->ids[0] ? -1 : 1;
  return x->ids[1] < y->ids[1] ? -1 : x->ids[1] > y->ids[1];
}

/* The pairs found, in order of their ids. */
static GPtrArray *
take_pairs (GHashTable *pairs)
{
  GPtrArray *found = g_ptr_array_new_full (g_hash_table_size (pairs), g_free);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, pairs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_ptr_array_add (found, value);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_sort (found, compare_pairs);
  return found;
}

typedef gboolean (*ReadKeys) (RapportStore  *self,
                              Finder        *finder,
                              GError       **error);

/* The pairs @read_keys finds, in one snapshot of the file. */
static GPtrArray *
find_pairs (RapportStore  *self,
            ReadKeys       read_keys,
            GError       **error)
{
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (pair_hash, pair_equal, NULL, g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_array_unref);
  Finder finder = { pairs, seen };
  gboolean began;
  gboolean ok;

  ok = rapport_store_read_begin (self, &began, error) && read_keys (self, &finder, error);
  rapport_store_read_end (self, began);
  if (!ok)
    return NULL;

  return take_pairs (pairs);
}

static gboolean
read_contact_keys (RapportStore  *self,
                   Finder        *finder,
                   GError       **error)
{
  return read_values (self, finder, SQL_EMAILS, rapport_store_email_key, RAPPORT_DUPLICATE_EMAIL, error) &&
         read_values (self, finder, SQL_PHONES, rapport_store_phone_key, RAPPORT_DUPLICATE_PHONE, error) &&
         read_names (self, finder, error);
}

GPtrArray *
rapport_store_find_duplicate_contacts (RapportStore  *self,
                                       GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return find_pairs (self, read_contact_keys, error);
}

/* An organization's name alone: two companies rarely share one. */
static char *
organization_name_key (const char *name)
{
  char *key = rapport_store_fold_for_matching (name);

  if (*key == '\0')
    g_clear_pointer (&key, g_free);
  return key;
}

/* A website by its host: "https://www.Example.com/about" and
 * "example.com" are one. */
static char *
website_key (const char *website)
{
  g_autofree char *lower = g_ascii_strdown (website, -1);
  const char *host = g_strstrip (lower);
  const char *scheme = strstr (host, "://");
  gsize len;

  if (scheme != NULL)
    host = scheme + 3;
  if (g_str_has_prefix (host, "www."))
    host += 4;
  len = strcspn (host, "/?#:");
  return len > 0 ? g_strndup (host, len) : NULL;
}

static gboolean
read_organization_keys (RapportStore  *self,
                        Finder        *finder,
                        GError       **error)
{
  return read_values (self, finder, SQL_ORGANIZATION_NAMES, organization_name_key, RAPPORT_DUPLICATE_NAME, error) &&
         read_values (self, finder, SQL_ORGANIZATION_PHONES, rapport_store_phone_key, RAPPORT_DUPLICATE_PHONE, error) &&
         read_values (self, finder, SQL_ORGANIZATION_WEBSITES, website_key, RAPPORT_DUPLICATE_WEBSITE, error);
}

GPtrArray *
rapport_store_find_duplicate_organizations (RapportStore  *self,
                                            GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return find_pairs (self, read_organization_keys, error);
}
