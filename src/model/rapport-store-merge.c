/* rapport-store-merge.c — two contacts, or two organizations, made one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A merge keeps one record and deletes the other. Before it writes, every
 * row it will change is copied whole (RapportRows): the two records, the
 * kept one's e-mail, phone, photo, tag and custom value rows and the
 * other's, and the ids of
 * the deals, activities, notes (and, for an organization, contacts) that
 * move. The undo writes those back, so what was there is there again to
 * the byte: ids, positions, labels, times.
 *
 * Which columns a field writes is fixed below; nothing of the SQL comes
 * from what anyone typed.
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-store-private.h"

enum
{
  CONTACT_NAME,
  CONTACT_EMAIL,
  CONTACT_PHONE,
  CONTACT_TITLE,
  CONTACT_ORGANIZATION,
  CONTACT_LIFECYCLE,
  CONTACT_SOURCE,
  CONTACT_OWNER,
  CONTACT_PHOTO,
  CONTACT_ADDRESS,
  CONTACT_BIRTHDAY,
  N_CONTACT_FIELDS
};

enum
{
  ORGANIZATION_NAME,
  ORGANIZATION_WEBSITE,
  ORGANIZATION_PHONE,
  ORGANIZATION_ADDRESS,
  ORGANIZATION_INDUSTRY,
  ORGANIZATION_SIZE,
  N_ORGANIZATION_FIELDS
};

static const RapportMergeField contact_fields[N_CONTACT_FIELDS] = {
  [CONTACT_NAME] = { "name", N_("Name") },
  [CONTACT_EMAIL] = { "email", N_("E-mail") },
  [CONTACT_PHONE] = { "phone", N_("Phone") },
  [CONTACT_TITLE] = { "title", N_("Job Title") },
  [CONTACT_ORGANIZATION] = { "organization", N_("Organization") },
  [CONTACT_LIFECYCLE] = { "lifecycle", N_("Lifecycle") },
  [CONTACT_SOURCE] = { "source", N_("Source") },
  [CONTACT_OWNER] = { "owner", N_("Owner") },
  [CONTACT_PHOTO] = { "photo", N_("Photo") },
  [CONTACT_ADDRESS] = { "address", N_("Address") },
  [CONTACT_BIRTHDAY] = { "birthday", N_("Birthday") },
};

static const RapportMergeField organization_fields[N_ORGANIZATION_FIELDS] = {
  [ORGANIZATION_NAME] = { "name", N_("Name") },
  [ORGANIZATION_WEBSITE] = { "website", N_("Website") },
  [ORGANIZATION_PHONE] = { "phone", N_("Phone") },
  [ORGANIZATION_ADDRESS] = { "address", N_("Address") },
  [ORGANIZATION_INDUSTRY] = { "industry", N_("Industry") },
  [ORGANIZATION_SIZE] = { "size", N_("Size") },
};

/* The column each field reads and writes; NULL for the fields kept in
 * tables of their own (e-mails, phones, photo). */
static const char * const contact_columns[N_CONTACT_FIELDS] = {
  [CONTACT_NAME] = "name",
  [CONTACT_TITLE] = "title",
  [CONTACT_ORGANIZATION] = "organization_id",
  [CONTACT_LIFECYCLE] = "lifecycle",
  [CONTACT_SOURCE] = "source",
  [CONTACT_OWNER] = "owner",
  [CONTACT_ADDRESS] = "address",
  [CONTACT_BIRTHDAY] = "birthday",
};

static const char * const organization_columns[N_ORGANIZATION_FIELDS] = {
  [ORGANIZATION_NAME] = "name",
  [ORGANIZATION_WEBSITE] = "website",
  [ORGANIZATION_PHONE] = "phone",
  [ORGANIZATION_ADDRESS] = "address",
  [ORGANIZATION_INDUSTRY] = "industry",
  [ORGANIZATION_SIZE] = "size",
};

/* The tables whose rows move with a record, by the column that names it. */
typedef struct
{
  const char *select_sql;
  const char *move_sql;   /* ?1 the id it moves to, ?2 the row's id */
} Mover;

static const Mover contact_movers[] = {
  { "SELECT id FROM deal WHERE contact_id = ?1", "UPDATE deal SET contact_id = ?1 WHERE id = ?2" },
  { "SELECT id FROM activity WHERE contact_id = ?1", "UPDATE activity SET contact_id = ?1 WHERE id = ?2" },
  { "SELECT id FROM note WHERE contact_id = ?1", "UPDATE note SET contact_id = ?1 WHERE id = ?2" },
  /* The customer's satisfaction answers stay the customer's. */
  { "SELECT id FROM satisfaction WHERE contact_id = ?1", "UPDATE satisfaction SET contact_id = ?1 WHERE id = ?2" },
};

static const Mover organization_movers[] = {
  { "SELECT id FROM deal WHERE organization_id = ?1", "UPDATE deal SET organization_id = ?1 WHERE id = ?2" },
  { "SELECT id FROM note WHERE organization_id = ?1", "UPDATE note SET organization_id = ?1 WHERE id = ?2" },
  { "SELECT id FROM contact WHERE organization_id = ?1", "UPDATE contact SET organization_id = ?1 WHERE id = ?2" },
};

/* The most movers either kind has. */
#define N_MOVERS 4
G_STATIC_ASSERT (G_N_ELEMENTS (contact_movers) == N_MOVERS);
G_STATIC_ASSERT (G_N_ELEMENTS (organization_movers) <= N_MOVERS);

/* A record's rows in tables of their own, copied whole, by the column
 * that names it. The kept one has the tags of both, and its own custom
 * values with the other's where it has none. */
typedef struct
{
  const char *table;
  const char *where;      /* its rows of the record ?1 */
  const char *column;
  const char *join_sql;   /* ?1 the kept one, ?2 the other; NULL: by hand */
} OwnTable;

#define N_LISTS 5
#define PHOTO_LIST 2

static const OwnTable contact_lists[N_LISTS] = {
  { "contact_email", "contact_id = ?1", "contact_id", NULL },
  { "contact_phone", "contact_id = ?1", "contact_id", NULL },
  [PHOTO_LIST] = { "contact_photo", "contact_id = ?1", "contact_id", NULL },
  { "record_tag", "contact_id = ?1", "contact_id",
    "INSERT OR IGNORE INTO record_tag (contact_id, tag) SELECT ?1, tag FROM record_tag WHERE contact_id = ?2" },
  { "custom_value", "contact_id = ?1", "contact_id",
    "INSERT OR IGNORE INTO custom_value (field_id, contact_id, value)"
    " SELECT field_id, ?1, value FROM custom_value WHERE contact_id = ?2" },
};

static const OwnTable organization_lists[N_LISTS] = {
  { "record_tag", "organization_id = ?1", "organization_id",
    "INSERT OR IGNORE INTO record_tag (organization_id, tag) SELECT ?1, tag FROM record_tag WHERE organization_id = ?2" },
  { "custom_value", "organization_id = ?1", "organization_id",
    "INSERT OR IGNORE INTO custom_value (field_id, organization_id, value)"
    " SELECT field_id, ?1, value FROM custom_value WHERE organization_id = ?2" },
};

static const OwnTable *
lists_of (RapportEntity entity)
{
  return entity == RAPPORT_ENTITY_CONTACT ? contact_lists : organization_lists;
}

struct _RapportMergeUndo
{
  RapportEntity  entity;
  gint64         keep_id;
  gint64         other_id;
  gint64         note_id;
  guint          take_other;    /* the fields taken from the other (bits) */
  RapportRows   *kept;
  RapportRows   *other;
  RapportRows   *lists[2][N_LISTS];   /* [kept, other] */
  GArray        *moved[N_MOVERS];     /* gint64 ids */
};

void
rapport_merge_undo_free (RapportMergeUndo *undo)
{
  if (undo == NULL)
    return;

  rapport_rows_free (undo->kept);
  rapport_rows_free (undo->other);
  for (guint side = 0; side < 2; side++)
    for (guint i = 0; i < N_LISTS; i++)
      rapport_rows_free (undo->lists[side][i]);
  for (guint i = 0; i < N_MOVERS; i++)
    g_clear_pointer (&undo->moved[i], g_array_unref);
  g_free (undo);
}

const RapportMergeField *
rapport_merge_fields (RapportEntity  entity,
                      guint         *n_fields)
{
  g_return_val_if_fail (entity == RAPPORT_ENTITY_CONTACT || entity == RAPPORT_ENTITY_ORGANIZATION, NULL);

  if (entity == RAPPORT_ENTITY_CONTACT)
    {
      *n_fields = N_CONTACT_FIELDS;
      return contact_fields;
    }
  *n_fields = N_ORGANIZATION_FIELDS;
  return organization_fields;
}

static const char *
table_of (RapportEntity entity)
{
  return entity == RAPPORT_ENTITY_CONTACT ? "contact" : "organization";
}

static const Mover *
movers_of (RapportEntity entity)
{
  return entity == RAPPORT_ENTITY_CONTACT ? contact_movers : organization_movers;
}

static guint
n_movers_of (RapportEntity entity)
{
  return entity == RAPPORT_ENTITY_CONTACT ? G_N_ELEMENTS (contact_movers) : G_N_ELEMENTS (organization_movers);
}

/* The SQL reading one field of a record (?1): constant per field. */
static const char *
field_sql (RapportEntity entity,
           guint         field)
{
  static const char * const contact_sql[N_CONTACT_FIELDS] = {
    [CONTACT_NAME] = "SELECT name FROM contact WHERE id = ?1",
    [CONTACT_EMAIL] = "SELECT email FROM contact WHERE id = ?1",
    [CONTACT_PHONE] = "SELECT phone FROM contact WHERE id = ?1",
    [CONTACT_TITLE] = "SELECT title FROM contact WHERE id = ?1",
    [CONTACT_ORGANIZATION] =
      "SELECT o.name FROM contact c JOIN organization o ON o.id = c.organization_id WHERE c.id = ?1",
    [CONTACT_LIFECYCLE] = "SELECT lifecycle FROM contact WHERE id = ?1",
    [CONTACT_SOURCE] = "SELECT source FROM contact WHERE id = ?1",
    [CONTACT_OWNER] = "SELECT owner FROM contact WHERE id = ?1",
    [CONTACT_PHOTO] = "SELECT mime_type FROM contact_photo WHERE contact_id = ?1",
    [CONTACT_ADDRESS] = "SELECT address FROM contact WHERE id = ?1",
    [CONTACT_BIRTHDAY] = "SELECT birthday FROM contact WHERE id = ?1",
  };
  static const char * const organization_sql[N_ORGANIZATION_FIELDS] = {
    [ORGANIZATION_NAME] = "SELECT name FROM organization WHERE id = ?1",
    [ORGANIZATION_WEBSITE] = "SELECT website FROM organization WHERE id = ?1",
    [ORGANIZATION_PHONE] = "SELECT phone FROM organization WHERE id = ?1",
    [ORGANIZATION_ADDRESS] = "SELECT address FROM organization WHERE id = ?1",
    [ORGANIZATION_INDUSTRY] = "SELECT industry FROM organization WHERE id = ?1",
    [ORGANIZATION_SIZE] = "SELECT size FROM organization WHERE id = ?1",
  };

  return entity == RAPPORT_ENTITY_CONTACT ? contact_sql[field] : organization_sql[field];
}

/* The field's stored text, or NULL for none (and for blank text). */
static char *
read_field (RapportStore  *self,
            RapportEntity  entity,
            gint64         id,
            guint          field)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, field_sql (entity, field));
  char *text = NULL;

  rapport_sql_bind_int64 (stmt, 1, id);
  if (rapport_sql_step (stmt) == RAPPORT_SQL_ROW && !rapport_sql_column_is_null (stmt, 0))
    text = g_strstrip (g_strdup (rapport_sql_column_text (stmt, 0)));
  rapport_sql_reset (stmt);

  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

char *
rapport_store_merge_field_text (RapportStore  *self,
                                RapportEntity  entity,
                                gint64         id,
                                guint          field)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  text = read_field (self, entity, id, field);
  if (text == NULL || entity != RAPPORT_ENTITY_CONTACT)
    return g_steal_pointer (&text);

  if (field == CONTACT_LIFECYCLE)
    return g_strdup (rapport_lifecycle_get_label ((RapportLifecycle) g_ascii_strtoll (text, NULL, 10)));
  if (field == CONTACT_PHOTO)
    return g_strdup (_("A photo"));
  return g_steal_pointer (&text);
}

guint
rapport_store_merge_fill (RapportStore  *self,
                          RapportEntity  entity,
                          gint64         keep_id,
                          gint64         other_id)
{
  guint n_fields;
  guint take = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);

  rapport_merge_fields (entity, &n_fields);
  for (guint field = 0; field < n_fields; field++)
    {
      g_autofree char *kept = read_field (self, entity, keep_id, field);
      g_autofree char *other = read_field (self, entity, other_id, field);

      /* A customer stays a customer: the lifecycle further along wins. */
      if (entity == RAPPORT_ENTITY_CONTACT && field == CONTACT_LIFECYCLE)
        {
          if (kept != NULL && other != NULL && g_ascii_strtoll (other, NULL, 10) > g_ascii_strtoll (kept, NULL, 10))
            take |= 1u << field;
        }
      else if (kept == NULL && other != NULL)
        take |= 1u << field;
    }
  return take;
}

static gboolean
count_rows (RapportStore  *self,
            const char    *sql,
            gint64         id,
            guint         *count,
            GError       **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, sql);
  int rc;

  *count = 0;
  rapport_sql_bind_int64 (stmt, 1, id);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    (*count)++;
  rapport_sql_reset (stmt);
  if (rc != RAPPORT_SQL_DONE)
    return rapport_store_set_error (self, rc, error);
  return TRUE;
}

gboolean
rapport_store_merge_count (RapportStore       *self,
                           RapportEntity       entity,
                           gint64              other_id,
                           RapportMergeMoves  *moves,
                           GError            **error)
{
  const Mover *movers;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity == RAPPORT_ENTITY_CONTACT || entity == RAPPORT_ENTITY_ORGANIZATION, FALSE);

  memset (moves, 0, sizeof *moves);
  movers = movers_of (entity);
  if (entity == RAPPORT_ENTITY_CONTACT)
    return count_rows (self, movers[0].select_sql, other_id, &moves->deals, error) &&
           count_rows (self, movers[1].select_sql, other_id, &moves->activities, error) &&
           count_rows (self, movers[2].select_sql, other_id, &moves->notes, error);
  return count_rows (self, movers[0].select_sql, other_id, &moves->deals, error) &&
         count_rows (self, movers[1].select_sql, other_id, &moves->notes, error) &&
         count_rows (self, movers[2].select_sql, other_id, &moves->contacts, error);
}

/* Everything the undo needs, read before the first write. */
static gboolean
capture (RapportStore      *self,
         RapportMergeUndo  *undo,
         GError           **error)
{
  const char *table = table_of (undo->entity);
  const Mover *movers = movers_of (undo->entity);

  if ((undo->kept = rapport_store_rows_capture (self, table, "id = ?1", undo->keep_id, error)) == NULL ||
      (undo->other = rapport_store_rows_capture (self, table, "id = ?1", undo->other_id, error)) == NULL)
    return FALSE;
  if (rapport_rows_get_n_rows (undo->kept) != 1 || rapport_rows_get_n_rows (undo->other) != 1)
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                           undo->entity == RAPPORT_ENTITY_CONTACT
                             ? _("One of the two contacts no longer exists; nothing was merged")
                             : _("One of the two organizations no longer exists; nothing was merged"));
      return FALSE;
    }

  for (guint i = 0; i < N_LISTS && lists_of (undo->entity)[i].table != NULL; i++)
    {
      const OwnTable *own = &lists_of (undo->entity)[i];

      if ((undo->lists[0][i] = rapport_store_rows_capture (self, own->table, own->where,
                                                           undo->keep_id, error)) == NULL ||
          (undo->lists[1][i] = rapport_store_rows_capture (self, own->table, own->where,
                                                           undo->other_id, error)) == NULL)
        return FALSE;
    }

  for (guint i = 0; i < n_movers_of (undo->entity); i++)
    {
      RapportSqlStmt *stmt = rapport_store_stmt_sql (self, movers[i].select_sql);
      int rc;

      undo->moved[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
      rapport_sql_bind_int64 (stmt, 1, undo->other_id);
      while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
        g_array_append_val (undo->moved[i], ((gint64) { rapport_sql_column_int64 (stmt, 0) }));
      rapport_sql_reset (stmt);
      if (rc != RAPPORT_SQL_DONE)
        return rapport_store_set_error (self, rc, error);
    }
  return TRUE;
}

static gboolean
run_ids (RapportStore  *self,
         const char    *sql,
         gint64         first,
         gint64         second,
         GError       **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, sql);

  rapport_sql_bind_int64 (stmt, 1, first);
  rapport_sql_bind_int64 (stmt, 2, second);
  return rapport_store_step_done (self, stmt, error);
}

static gboolean
move_rows (RapportStore      *self,
           RapportMergeUndo  *undo,
           gint64             to,
           GError           **error)
{
  const Mover *movers = movers_of (undo->entity);

  for (guint i = 0; i < n_movers_of (undo->entity); i++)
    for (guint j = 0; j < undo->moved[i]->len; j++)
      if (!run_ids (self, movers[i].move_sql, to, g_array_index (undo->moved[i], gint64, j), error))
        return FALSE;
  return TRUE;
}

/* Writes the other's value of @column over the kept one's. */
static gboolean
take_column (RapportStore      *self,
             RapportMergeUndo  *undo,
             const char        *column,
             GError           **error)
{
  const char *table = table_of (undo->entity);
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = (SELECT %s FROM %s WHERE id = ?2) WHERE id = ?1",
                                          table, column, column, table);

  return run_ids (self, sql, undo->keep_id, undo->other_id, error);
}

/* A contact's e-mail or phone list, by its table; @column is the
 * contact's copy of the first entry. */
typedef struct
{
  const char *table;
  const char *column;
  char     *(*key_of) (const char *value);
} List;

static char *
phone_key (const char *value)
{
  char *key = rapport_store_phone_key (value);

  return key != NULL ? key : g_strdup (value);
}

static const List lists[] = {
  [RAPPORT_CONTACT_LIST_EMAIL] = { "contact_email", "email", rapport_store_email_key },
  [RAPPORT_CONTACT_LIST_PHONE] = { "contact_phone", "phone", phone_key },
};

/* The entries of contact @id's list (keyed, with their positions), and
 * its lowest and highest position. */
static gboolean
read_list (RapportStore  *self,
           const List    *list,
           gint64         id,
           GHashTable    *has,
           gint64        *low,
           gint64        *high,
           GError       **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT position, value FROM %s WHERE contact_id = ?1", list->table);
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, select);
  int rc;

  *low = 0;
  *high = -1;
  rapport_sql_bind_int64 (stmt, 1, id);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      gint64 position = rapport_sql_column_int64 (stmt, 0);

      *low = MIN (*low, position);
      *high = MAX (*high, position);
      g_hash_table_insert (has, list->key_of (rapport_sql_column_text (stmt, 1)), g_memdup2 (&position, sizeof position));
    }
  rapport_sql_reset (stmt);
  if (rc != RAPPORT_SQL_DONE)
    return rapport_store_set_error (self, rc, error);
  return TRUE;
}

gboolean
rapport_store_join_contact_list (RapportStore           *self,
                                 gint64                  id,
                                 RapportContactList      which,
                                 GPtrArray              *values,
                                 gboolean                first_leads,
                                 gboolean                only_if_empty,
                                 GError                **error)
{
  const List *list = &lists[which];
  g_autoptr(GHashTable) has = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *insert = g_strdup_printf ("INSERT INTO %s (contact_id, position, label, value)"
                                             " VALUES (?1, ?2, ?3, ?4)", list->table);
  g_autofree char *lead = g_strdup_printf ("UPDATE %s SET position = ?3 WHERE contact_id = ?1 AND position = ?2",
                                           list->table);
  g_autofree char *first = g_strdup_printf ("UPDATE contact SET %s = (SELECT value FROM %s WHERE contact_id = ?1"
                                            " ORDER BY position LIMIT 1) WHERE id = ?1", list->column, list->table);
  RapportSqlStmt *stmt;
  gint64 low, high;

  if (!read_list (self, list, id, has, &low, &high, error))
    return FALSE;
  if (values->len == 0 || (only_if_empty && g_hash_table_size (has) > 0))
    return TRUE;

  for (guint i = 0; i < values->len; i++)
    {
      const RapportContactValue *value = values->pdata[i];
      g_autofree char *key = list->key_of (value->value);
      gint64 *found = g_hash_table_lookup (has, key);
      gboolean leads = first_leads && i == 0;

      if (found != NULL && !leads)
        continue;
      if (found != NULL)
        {
          /* The contact has it already: that entry goes first. */
          stmt = rapport_store_stmt_sql (self, lead);
          rapport_sql_bind_int64 (stmt, 1, id);
          rapport_sql_bind_int64 (stmt, 2, *found);
          rapport_sql_bind_int64 (stmt, 3, --low);
        }
      else
        {
          stmt = rapport_store_stmt_sql (self, insert);
          rapport_sql_bind_int64 (stmt, 1, id);
          rapport_sql_bind_int64 (stmt, 2, leads ? --low : ++high);
          rapport_sql_bind_text (stmt, 3, value->label);
          rapport_sql_bind_text (stmt, 4, value->value);
          g_hash_table_insert (has, g_steal_pointer (&key), g_memdup2 (&high, sizeof high));
        }
      if (!rapport_store_step_done (self, stmt, error))
        return FALSE;
    }

  stmt = rapport_store_stmt_sql (self, first);
  rapport_sql_bind_int64 (stmt, 1, id);
  return rapport_store_step_done (self, stmt, error);
}

/* The other's entries the kept one lacks, after its own (with
 * @other_first, the other's first entry before all of them). */
static gboolean
merge_list (RapportStore        *self,
            RapportMergeUndo    *undo,
            RapportContactList   which,
            gboolean             other_first,
            GError             **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT label, value FROM %s WHERE contact_id = ?1 ORDER BY position",
                                             lists[which].table);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_contact_value_free);
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, select);
  int rc;

  rapport_sql_bind_int64 (stmt, 1, undo->other_id);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    g_ptr_array_add (values, rapport_contact_value_new (rapport_sql_column_text (stmt, 0),
                                                        rapport_sql_column_text (stmt, 1)));
  rapport_sql_reset (stmt);
  if (rc != RAPPORT_SQL_DONE)
    return rapport_store_set_error (self, rc, error);

  return rapport_store_join_contact_list (self, undo->keep_id, which, values, other_first, FALSE, error);
}

static gboolean
merge_photo (RapportStore      *self,
             RapportMergeUndo  *undo,
             gboolean           take,
             GError           **error)
{
  if (!take || rapport_rows_get_n_rows (undo->lists[1][PHOTO_LIST]) == 0)
    return TRUE;
  return run_ids (self, "DELETE FROM contact_photo WHERE contact_id = ?1", undo->keep_id, 0, error) &&
         run_ids (self, "UPDATE contact_photo SET contact_id = ?1 WHERE contact_id = ?2",
                  undo->keep_id, undo->other_id, error);
}

/* The fields chosen, the lists joined, the earlier of the two first
 * dates kept. */
static gboolean
merge_fields (RapportStore      *self,
              RapportMergeUndo  *undo,
              guint              take_other,
              GError           **error)
{
  const char * const *columns = undo->entity == RAPPORT_ENTITY_CONTACT ? contact_columns : organization_columns;
  guint n_fields;

  rapport_merge_fields (undo->entity, &n_fields);
  for (guint field = 0; field < n_fields; field++)
    if ((take_other & (1u << field)) && columns[field] != NULL &&
        !take_column (self, undo, columns[field], error))
      return FALSE;

  if (undo->entity == RAPPORT_ENTITY_CONTACT &&
      (!merge_list (self, undo, RAPPORT_CONTACT_LIST_EMAIL, (take_other & (1u << CONTACT_EMAIL)) != 0, error) ||
       !merge_list (self, undo, RAPPORT_CONTACT_LIST_PHONE, (take_other & (1u << CONTACT_PHONE)) != 0, error) ||
       !merge_photo (self, undo, (take_other & (1u << CONTACT_PHOTO)) != 0, error) ||
       !run_ids (self,
                 "UPDATE contact SET"
                 "  external_id = coalesce(external_id, (SELECT external_id FROM contact WHERE id = ?2)),"
                 "  first_contacted_at = CASE WHEN first_contacted_at IS NULL"
                 "    THEN (SELECT first_contacted_at FROM contact WHERE id = ?2)"
                 "    ELSE min(first_contacted_at, coalesce((SELECT first_contacted_at FROM contact WHERE id = ?2),"
                 "                                          first_contacted_at)) END,"
                 "  created_at = min(created_at, coalesce((SELECT created_at FROM contact WHERE id = ?2), created_at))"
                 " WHERE id = ?1",
                 undo->keep_id, undo->other_id, error)))
    return FALSE;

  for (guint i = 0; i < N_LISTS && lists_of (undo->entity)[i].table != NULL; i++)
    if (lists_of (undo->entity)[i].join_sql != NULL &&
        !run_ids (self, lists_of (undo->entity)[i].join_sql, undo->keep_id, undo->other_id, error))
      return FALSE;

  if (undo->entity == RAPPORT_ENTITY_ORGANIZATION &&
      !run_ids (self,
                "UPDATE organization SET"
                "  created_at = min(created_at, coalesce((SELECT created_at FROM organization WHERE id = ?2), created_at))"
                " WHERE id = ?1",
                undo->keep_id, undo->other_id, error))
    return FALSE;

  return TRUE;
}

/* The note that tells the kept one's history what happened. */
static gboolean
add_history_note (RapportStore      *self,
                  RapportMergeUndo  *undo,
                  GError           **error)
{
  g_autofree char *name = read_field (self, undo->entity, undo->other_id, 0);
  g_autofree char *body = NULL;
  RapportSqlStmt *stmt = rapport_store_stmt (self, STMT_INSERT_NOTE);
  gboolean contact = undo->entity == RAPPORT_ENTITY_CONTACT;

  body = g_strdup_printf (contact ? _("The contact “%s” was merged into this one.")
                                  : _("The organization “%s” was merged into this one."),
                          name != NULL ? name : "");
  rapport_sql_bind_id_or_null (stmt, 1, contact ? undo->keep_id : 0);
  rapport_sql_bind_null (stmt, 2);
  rapport_sql_bind_id_or_null (stmt, 3, contact ? 0 : undo->keep_id);
  rapport_sql_bind_text (stmt, 4, body);
  rapport_sql_bind_int64 (stmt, 5, rapport_store_now (self));
  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;

  undo->note_id = rapport_store_last_id (self);
  return TRUE;
}

static gboolean
write_merge (RapportStore  *self,
             gpointer       data,
             GError       **error)
{
  RapportMergeUndo *undo = data;
  guint take_other = undo->take_other;
  const char *table = table_of (undo->entity);
  g_autofree char *touch = g_strdup_printf ("UPDATE %s SET updated_at = ?2 WHERE id = ?1", table);
  g_autofree char *delete = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table);

  return capture (self, undo, error) &&
         merge_fields (self, undo, take_other, error) &&
         move_rows (self, undo, undo->keep_id, error) &&
         add_history_note (self, undo, error) &&
         run_ids (self, delete, undo->other_id, 0, error) &&
         run_ids (self, touch, undo->keep_id, rapport_store_now (self), error);
}

gboolean
rapport_store_merge (RapportStore       *self,
                     RapportEntity       entity,
                     gint64              keep_id,
                     gint64              other_id,
                     guint               take_other,
                     RapportMergeUndo  **undo_out,
                     GError            **error)
{
  g_autoptr(RapportMergeUndo) undo = g_new0 (RapportMergeUndo, 1);

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity == RAPPORT_ENTITY_CONTACT || entity == RAPPORT_ENTITY_ORGANIZATION, FALSE);

  if (keep_id == other_id)
    {
      rapport_store_invalid (error, entity == RAPPORT_ENTITY_CONTACT
                                      ? _("A contact cannot be merged into itself")
                                      : _("An organization cannot be merged into itself"));
      return FALSE;
    }

  undo->entity = entity;
  undo->keep_id = keep_id;
  undo->other_id = other_id;

  undo->take_other = take_other;
  if (!rapport_store_write (self, write_merge, undo, error))
    return FALSE;

  rapport_store_reload_everything (self);
  if (undo_out != NULL)
    *undo_out = g_steal_pointer (&undo);
  return TRUE;
}

/* Back as it was: the other one and what moved, the lists of both, then
 * the kept one's columns, whose triggers keep its first e-mail and phone
 * in step with lists that are by then the ones it had. */
static gboolean
write_undo (RapportStore  *self,
            gpointer       data,
            GError       **error)
{
  RapportMergeUndo *undo = data;

  gint64 old_id = undo->other_id;

  if (!run_ids (self, "DELETE FROM note WHERE id = ?1", undo->note_id, 0, error))
    return FALSE;
  /* A record made since may have taken the other's id (see
   * rapport_store_id_is_taken()): it comes back under a new one. */
  if (!rapport_store_id_is_taken (self, table_of (undo->entity), old_id))
    {
      if (!rapport_store_rows_insert (self, undo->other, error))
        return FALSE;
    }
  else
    {
      if (!rapport_store_rows_insert_as (self, undo->other, "id", 0, error))
        return FALSE;
      undo->other_id = rapport_store_last_id (self);
    }
  if (!move_rows (self, undo, undo->other_id, error))
    return FALSE;

  for (guint i = 0; i < N_LISTS && lists_of (undo->entity)[i].table != NULL; i++)
    {
      /* The other's own rows went with it; those of its id now are
       * another's. */
      const OwnTable *own = &lists_of (undo->entity)[i];
      g_autofree char *clear = g_strdup_printf ("DELETE FROM %s WHERE %s", own->table, own->where);

      if (!run_ids (self, clear, undo->keep_id, 0, error) ||
          !rapport_store_rows_insert (self, undo->lists[0][i], error) ||
          !rapport_store_rows_insert_as (self, undo->lists[1][i], own->column, undo->other_id, error))
        return FALSE;
    }

  return rapport_store_rows_update (self, undo->kept, error);
}

gboolean
rapport_store_undo_merge (RapportStore      *self,
                          RapportMergeUndo  *undo,
                          GError           **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  if (!rapport_store_write (self, write_undo, undo, error))
    return FALSE;

  rapport_store_reload_everything (self);
  return TRUE;
}
