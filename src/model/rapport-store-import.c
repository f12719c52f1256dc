/* rapport-store-import.c — many rows in, in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows are written as they come, inside one transaction that is
 * committed only at the end: a file of any size is never held whole, and
 * a bad row, a dry run or an error rolls everything back, so nothing is
 * ever half-imported.
 *
 * Contacts go through a staging table, a batch at a time: SQLite's FTS5
 * (the search index the contact triggers feed) flushes its pending terms
 * at the end of every statement, so one INSERT per row costs a flush per
 * row, and one INSERT … SELECT per batch a flush per batch. The batch
 * bounds the memory (the temporary store is in memory).
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-store-import-private.h"
#include "rapport-time.h"
#include "rapport-validate.h"

#define SQL_ORGANIZATION_NAMES "SELECT id, name FROM organization"
#define STAGE_BATCH 8192
/* …or fewer, when their photos reach this many bytes. */
#define STAGE_BATCH_BYTES (16 * 1024 * 1024)
/* A contact, with what it has: a vCard's title, UID, lists and photo
 * too. A row whose e-mails (phones) are listed has them in
 * import_value (list 0, 1); else its one e-mail and phone are its lists.
 * Its tags are list 2 of import_value, its custom values list 3 (the
 * field's id as the position). */
#define SQL_STAGE_CREATE \
  "CREATE TEMP TABLE IF NOT EXISTS import_contact (seq INTEGER PRIMARY KEY, name TEXT, email TEXT," \
  " phone TEXT, organization_id INTEGER, source TEXT, owner TEXT, created_at INTEGER, note TEXT," \
  " title TEXT, external_id TEXT, emails_listed INTEGER, phones_listed INTEGER, address TEXT, birthday TEXT)"
#define SQL_STAGE_CREATE_INDEX \
  "CREATE INDEX IF NOT EXISTS temp.import_contact_by_external_id ON import_contact (external_id)"
#define SQL_STAGE_CREATE_VALUES \
  "CREATE TEMP TABLE IF NOT EXISTS import_value (seq INTEGER NOT NULL, list INTEGER NOT NULL," \
  " position INTEGER NOT NULL, label TEXT NOT NULL, value TEXT NOT NULL)"
#define SQL_STAGE_CREATE_PHOTOS \
  "CREATE TEMP TABLE IF NOT EXISTS import_photo (seq INTEGER PRIMARY KEY, mime_type TEXT, bytes BLOB)"
#define SQL_STAGE_INSERT \
  "INSERT INTO temp.import_contact (name, email, phone, organization_id, source, owner, created_at, note," \
  " title, external_id, emails_listed, phones_listed, address, birthday)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
#define SQL_STAGE_VALUE "INSERT INTO temp.import_value VALUES (?1, ?2, ?3, ?4, ?5)"
#define SQL_STAGE_PHOTO "INSERT INTO temp.import_photo VALUES (?1, ?2, ?3)"
#define SQL_STAGE_CLEAR "DELETE FROM temp.import_contact"
#define SQL_STAGE_CLEAR_VALUES "DELETE FROM temp.import_value"
#define SQL_STAGE_CLEAR_PHOTOS "DELETE FROM temp.import_photo"
#define SQL_STAGE_FIRST "SELECT min(seq) FROM temp.import_contact"
/* Explicit ids, in the staging order, after the highest one: what SQLite
 * would give them one by one, and what the notes need to find them. */
#define SQL_STAGE_BASE "SELECT coalesce(max(id), 0) FROM contact"
#define SQL_STAGE_CONTACTS \
  "INSERT INTO contact (id, name, email, phone, organization_id, lifecycle, source, owner," \
  " created_at, updated_at, title, external_id, address, birthday) SELECT ?1 + seq, name, email, phone," \
  " organization_id, ?2, source, owner, created_at, ?3, title, external_id, address, birthday" \
  " FROM temp.import_contact ORDER BY seq"
#define SQL_STAGE_TAGS \
  "INSERT OR IGNORE INTO record_tag (contact_id, tag) SELECT ?1 + seq, value FROM temp.import_value WHERE list = 2"
#define SQL_STAGE_CUSTOM \
  "INSERT OR REPLACE INTO custom_value (field_id, contact_id, value)" \
  " SELECT position, ?1 + seq, value FROM temp.import_value WHERE list = 3"
#define SQL_STAGE_NOTES \
  "INSERT INTO note (contact_id, body, created_at, updated_at)" \
  " SELECT ?1 + seq, note, ?2, ?2 FROM temp.import_contact WHERE note IS NOT NULL ORDER BY seq"
#define SQL_STAGE_LISTS(table, column, list) \
  "INSERT INTO " table " (contact_id, position, label, value)" \
  " SELECT ?1 + seq, 0, 'other', " column " FROM temp.import_contact" \
  " WHERE NOT " column "s_listed AND length(trim(" column ")) > 0" \
  " UNION ALL SELECT ?1 + seq, position, label, value FROM temp.import_value WHERE list = " list
#define SQL_STAGE_EMAILS SQL_STAGE_LISTS ("contact_email", "email", "0")
#define SQL_STAGE_PHONES SQL_STAGE_LISTS ("contact_phone", "phone", "1")
#define SQL_STAGE_PHOTOS \
  "INSERT INTO contact_photo (contact_id, mime_type, bytes)" \
  " SELECT ?1 + seq, mime_type, bytes FROM temp.import_photo ORDER BY seq"
/* A card imported before, or earlier in the same file. */
#define SQL_FIND_EXTERNAL \
  "SELECT EXISTS (SELECT 1 FROM contact WHERE external_id = ?1)" \
  " OR EXISTS (SELECT 1 FROM temp.import_contact WHERE external_id = ?1)"
#define SQL_INSERT_ORGANIZATION \
  "INSERT INTO organization (name, phone, created_at, updated_at) VALUES (?1, ?2, ?3, ?4)"
#define SQL_ORGANIZATION_RECORD \
  "UPDATE organization SET address = ?2, industry = ?3, size = ?4 WHERE id = ?1"

/* What an import created: ranges of ids per table, as they came (staged
 * contacts get consecutive ids, a batch at a time). */
typedef struct
{
  RapportEntity entity;
  gint64        first;
  gint64        last;
} CreatedRange;

/* A contact there already that the import changed, as it was. */
typedef struct
{
  RapportRows *contact;
  RapportRows *emails;
  RapportRows *phones;
} KeptContact;

struct _RapportImportUndo
{
  GArray     *ranges;   /* CreatedRange */
  GArray     *kept;     /* KeptContact */
  GHashTable *kept_ids; /* gint64 ids of @kept */
  GPtrArray  *rows;     /* RapportRows of other records it changed */
};

static void
kept_contact_clear (gpointer data)
{
  KeptContact *kept = data;

  g_clear_pointer (&kept->contact, rapport_rows_free);
  g_clear_pointer (&kept->emails, rapport_rows_free);
  g_clear_pointer (&kept->phones, rapport_rows_free);
}

void
rapport_import_undo_free (RapportImportUndo *undo)
{
  if (undo == NULL)
    return;
  g_array_unref (undo->ranges);
  g_array_unref (undo->kept);
  g_hash_table_unref (undo->kept_ids);
  g_ptr_array_unref (undo->rows);
  g_free (undo);
}

RapportImportUndo *
rapport_import_undo_new (void)
{
  RapportImportUndo *undo = g_new0 (RapportImportUndo, 1);

  undo->ranges = g_array_new (FALSE, FALSE, sizeof (CreatedRange));
  undo->kept = g_array_new (FALSE, FALSE, sizeof (KeptContact));
  g_array_set_clear_func (undo->kept, kept_contact_clear);
  undo->kept_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  undo->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_rows_free);
  return undo;
}

gboolean
rapport_import_undo_is_empty (RapportImportUndo *undo)
{
  return undo->ranges->len == 0 && undo->kept->len == 0 && undo->rows->len == 0;
}

gboolean
rapport_import_undo_keep_row (RapportImportUndo  *undo,
                              RapportStore       *store,
                              const char         *table,
                              gint64              id,
                              GError            **error)
{
  RapportRows *rows = rapport_store_rows_capture (store, table, "id = ?1", id, error);

  if (rows == NULL)
    return FALSE;
  g_ptr_array_add (undo->rows, rows);
  return TRUE;
}

void
rapport_import_undo_created (RapportImportUndo *undo,
                             RapportEntity      entity,
                             gint64             first,
                             gint64             last)
{
  GArray *ranges = undo->ranges;
  CreatedRange *end = ranges->len > 0 ? &g_array_index (ranges, CreatedRange, ranges->len - 1) : NULL;

  if (end != NULL && end->entity == entity && end->last + 1 == first)
    end->last = last;
  else
    g_array_append_val (ranges, ((CreatedRange) { entity, first, last }));
}

void
rapport_store_import_created (RapportStoreImport *import,
                              RapportEntity       entity,
                              gint64              first,
                              gint64              last)
{
  rapport_import_undo_created (import->undo, entity, first, last);
}

gboolean
rapport_store_import_keep_contact (RapportStoreImport  *import,
                                   gint64               id,
                                   GError             **error)
{
  RapportImportUndo *undo = import->undo;
  KeptContact kept = { NULL, };

  if (g_hash_table_contains (undo->kept_ids, &id))
    return TRUE;

  if ((kept.contact = rapport_store_rows_capture (import->store, "contact", "id = ?1", id, error)) == NULL ||
      (kept.emails = rapport_store_rows_capture (import->store, "contact_email", "contact_id = ?1", id, error)) == NULL ||
      (kept.phones = rapport_store_rows_capture (import->store, "contact_phone", "contact_id = ?1", id, error)) == NULL)
    {
      kept_contact_clear (&kept);
      return FALSE;
    }
  g_array_append_val (undo->kept, kept);
  g_hash_table_add (undo->kept_ids, g_memdup2 (&id, sizeof id));
  return TRUE;
}

/* The contacts there already, as they were: their lists first, then their
 * rows, whose triggers keep the first e-mail and phone in step with lists
 * that are by then the old ones. */
static gboolean
restore_kept (RapportStore       *store,
              RapportImportUndo  *undo,
              GError            **error)
{
  static const char * const clear[] = {
    "DELETE FROM contact_email WHERE contact_id = ?1",
    "DELETE FROM contact_phone WHERE contact_id = ?1",
  };

  for (guint i = 0; i < undo->kept->len; i++)
    {
      KeptContact *kept = &g_array_index (undo->kept, KeptContact, i);
      gint64 id = rapport_rows_get_id (kept->contact);

      for (guint j = 0; j < G_N_ELEMENTS (clear); j++)
        {
          RapportSqlStmt *stmt = rapport_store_stmt_sql (store, clear[j]);

          rapport_sql_bind_int64 (stmt, 1, id);
          if (!rapport_store_step_done (store, stmt, error))
            return FALSE;
        }
      if (!rapport_store_rows_insert (store, kept->emails, error) ||
          !rapport_store_rows_insert (store, kept->phones, error) ||
          !rapport_store_rows_update (store, kept->contact, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
restore_rows (RapportStore       *store,
              RapportImportUndo  *undo,
              GError            **error)
{
  for (guint i = 0; i < undo->rows->len; i++)
    if (!rapport_store_rows_update (store, undo->rows->pdata[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
delete_created (RapportStore       *store,
                RapportImportUndo  *undo,
                RapportEntity       entity,
                const char         *sql,
                GError            **error)
{
  for (guint i = 0; i < undo->ranges->len; i++)
    {
      const CreatedRange *range = &g_array_index (undo->ranges, CreatedRange, i);
      RapportSqlStmt *stmt;

      if (range->entity != entity)
        continue;
      stmt = rapport_store_stmt_sql (store, sql);
      rapport_sql_bind_int64 (stmt, 1, range->first);
      rapport_sql_bind_int64 (stmt, 2, range->last);
      if (!rapport_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Notes and follow-ups on records that stay, the rows it changed, then
 * deals before contacts before organizations: what went with those
 * (notes, history, activities) goes with them (ON DELETE CASCADE). */
static gboolean
write_undo (RapportStore  *self,
            gpointer       data,
            GError       **error)
{
  RapportImportUndo *undo = data;

  return delete_created (self, undo, RAPPORT_ENTITY_NOTE, "DELETE FROM note WHERE id BETWEEN ?1 AND ?2", error) &&
         delete_created (self, undo, RAPPORT_ENTITY_ACTIVITY, "DELETE FROM activity WHERE id BETWEEN ?1 AND ?2", error) &&
         restore_rows (self, undo, error) &&
         restore_kept (self, undo, error) &&
         delete_created (self, undo, RAPPORT_ENTITY_DEAL, "DELETE FROM deal WHERE id BETWEEN ?1 AND ?2", error) &&
         delete_created (self, undo, RAPPORT_ENTITY_CONTACT, "DELETE FROM contact WHERE id BETWEEN ?1 AND ?2", error) &&
         delete_created (self, undo, RAPPORT_ENTITY_ORGANIZATION,
                         "DELETE FROM organization WHERE id BETWEEN ?1 AND ?2", error);
}

gboolean
rapport_store_undo_import (RapportStore       *self,
                           RapportImportUndo  *undo,
                           GError            **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  if (!rapport_store_write (self, write_undo, undo, error))
    return FALSE;

  rapport_store_reload_everything (self);
  return TRUE;
}

/* A file's headers, folded, as the key of its mapping: the same export
 * from the same program gets the same columns again. */
static char *
mapping_key (RapportImportKind  kind,
             GPtrArray         *headers)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < headers->len; i++)
    {
      g_autofree char *folded = g_utf8_casefold (headers->pdata[i], -1);

      g_checksum_update (checksum, (const guchar *) folded, -1);
      g_checksum_update (checksum, (const guchar *) "\x1f", 1);
    }
  return g_strdup_printf ("import-mapping-%d-%s", kind, g_checksum_get_string (checksum));
}

GStrv
rapport_store_get_import_mapping (RapportStore      *self,
                                  RapportImportKind  kind,
                                  GPtrArray         *headers)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  g_auto(GStrv) fields = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (headers != NULL, NULL);

  key = mapping_key (kind, headers);
  if ((value = rapport_store_get_setting (self, key)) == NULL)
    return NULL;
  fields = g_strsplit (value, ",", -1);
  /* A file of other headers that hashed alike, or a damaged value. */
  if (g_strv_length (fields) != headers->len)
    return NULL;
  return g_steal_pointer (&fields);
}

gboolean
rapport_store_set_import_mapping (RapportStore       *self,
                                  RapportImportKind   kind,
                                  GPtrArray          *headers,
                                  const char * const *fields,
                                  GError            **error)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  RapportSqlStmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (headers != NULL && fields != NULL, FALSE);
  g_return_val_if_fail (g_strv_length ((GStrv) fields) == headers->len, FALSE);

  key = mapping_key (kind, headers);
  value = g_strjoinv (",", (GStrv) fields);
  stmt = rapport_store_stmt (self, STMT_SET_SETTING);
  rapport_sql_bind_text (stmt, 1, key);
  rapport_sql_bind_text (stmt, 2, value);
  return rapport_store_run_alone (self, stmt, error);
}

/* The key two organization names share when a person would call them the
 * same: case folded, canonical Unicode, outer spaces trimmed. */
static char *
fold_name (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  g_autofree char *normalized = g_utf8_normalize (stripped, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized ? normalized : stripped, -1);
}

gboolean
rapport_store_import_load_organizations (RapportStoreImport  *import,
                                         GError             **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (import->store, SQL_ORGANIZATION_NAMES);
  int rc;

  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    g_hash_table_insert (import->organizations, fold_name (rapport_sql_column_text (stmt, 1)),
                         GSIZE_TO_POINTER ((gsize) rapport_sql_column_int64 (stmt, 0)));
  rapport_sql_reset (stmt);

  if (rc != RAPPORT_SQL_DONE)
    return rapport_store_set_error (import->store, rc, error);
  return TRUE;
}

static gboolean
insert_organization (RapportStoreImport  *import,
                     const char          *name,
                     const char          *phone,
                     gint64               created_at,
                     gint64              *id,
                     GError             **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  RapportSqlStmt *stmt;

  if (!rapport_text_check (stripped, RAPPORT_TEXT_NAME, TRUE, error) ||
      !rapport_phone_check (phone, error))
    return FALSE;

  stmt = rapport_store_stmt_sql (import->store, SQL_INSERT_ORGANIZATION);
  rapport_sql_bind_text (stmt, 1, stripped);
  rapport_sql_bind_text_or_null (stmt, 2, phone);
  rapport_sql_bind_int64 (stmt, 3, created_at);
  rapport_sql_bind_int64 (stmt, 4, import->now);
  if (!rapport_store_step_done (import->store, stmt, error))
    return FALSE;

  *id = rapport_store_last_id (import->store);
  rapport_store_import_created (import, RAPPORT_ENTITY_ORGANIZATION, *id, *id);
  g_hash_table_insert (import->organizations, fold_name (stripped), GSIZE_TO_POINTER ((gsize) *id));
  return TRUE;
}

gboolean
rapport_store_import_insert_note (RapportStoreImport  *import,
                                  gint64               contact_id,
                                  gint64               deal_id,
                                  gint64               organization_id,
                                  const char          *body,
                                  GError             **error)
{
  RapportSqlStmt *stmt;

  if (body == NULL || rapport_text_is_invisible (body))
    return TRUE;
  if (!rapport_text_check (body, RAPPORT_TEXT_NOTE, TRUE, error))
    return FALSE;

  stmt = rapport_store_stmt (import->store, STMT_INSERT_NOTE);
  rapport_sql_bind_id_or_null (stmt, 1, contact_id);
  rapport_sql_bind_id_or_null (stmt, 2, deal_id);
  rapport_sql_bind_id_or_null (stmt, 3, organization_id);
  rapport_sql_bind_text (stmt, 4, body);
  rapport_sql_bind_int64 (stmt, 5, import->now);
  return rapport_store_step_done (import->store, stmt, error);
}

/* A row's tags and custom values, checked: the tags as text, the values
 * as (field id, value) pairs, each the way the field's type keeps it. */
typedef struct
{
  GPtrArray *tags;     /* char * */
  GPtrArray *fields;   /* RapportCustomField, the import's… */
  GPtrArray *values;   /* …and their values, char * */
} Extras;

static void
extras_clear (Extras *extras)
{
  g_clear_pointer (&extras->tags, g_ptr_array_unref);
  g_clear_pointer (&extras->fields, g_ptr_array_unref);
  g_clear_pointer (&extras->values, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Extras, extras_clear)

static const RapportCustomField *
custom_field (RapportStoreImport  *import,
              RapportEntity        entity,
              const char          *name,
              GError             **error)
{
  g_autofree char *key = fold_name (name);
  RapportCustomField *field;

  if (import->custom_fields == NULL)
    import->custom_fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   (GDestroyNotify) rapport_custom_field_free);
  field = g_hash_table_lookup (import->custom_fields, key);
  if (field == NULL && (field = rapport_store_find_custom_field (import->store, entity, name, error)) != NULL)
    g_hash_table_insert (import->custom_fields, g_steal_pointer (&key), field);
  return field;
}

static gboolean
check_extras (RapportStoreImport      *import,
              RapportEntity            entity,
              const RapportImportRow  *row,
              Extras                  *extras,
              GError                 **error)
{
  g_auto(GStrv) tags = g_strsplit (row->tags != NULL ? row->tags : "", ",", -1);

  extras->tags = g_ptr_array_new_with_free_func (g_free);
  extras->fields = g_ptr_array_new ();
  extras->values = g_ptr_array_new_with_free_func (g_free);

  if (!rapport_store_check_tags ((const char * const *) tags, error))
    return FALSE;
  for (guint i = 0; tags[i] != NULL; i++)
    {
      char *tag = g_strstrip (g_strdup (tags[i]));

      if (*tag != '\0')
        g_ptr_array_add (extras->tags, tag);
      else
        g_free (tag);
    }

  for (guint i = 0; row->custom != NULL && row->custom[i] != NULL && row->custom[i + 1] != NULL; i += 2)
    {
      const RapportCustomField *field;
      char *value = NULL;

      if (rapport_text_is_invisible (row->custom[i + 1]))
        continue;
      if ((field = custom_field (import, entity, row->custom[i], error)) == NULL ||
          !rapport_store_check_custom_value (field, row->custom[i + 1], &value, error))
        return FALSE;
      g_ptr_array_add (extras->fields, (gpointer) field);
      g_ptr_array_add (extras->values, value);
    }
  return TRUE;
}

/* Tags and values of organization @id, now (a contact's are staged). */
static gboolean
write_extras (RapportStoreImport  *import,
              gint64               id,
              const Extras        *extras,
              GError             **error)
{
  g_ptr_array_add (extras->tags, NULL);
  if (!rapport_store_write_tags (import->store, RAPPORT_ENTITY_ORGANIZATION, id,
                                 (const char * const *) extras->tags->pdata, error))
    return FALSE;
  for (guint i = 0; i < extras->fields->len; i++)
    if (!rapport_store_write_custom_value (import->store, id, extras->fields->pdata[i],
                                           extras->values->pdata[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
stage_extras (RapportStoreImport  *import,
              gint64               seq,
              const Extras        *extras,
              GError             **error)
{
  for (guint i = 0; i < extras->tags->len + extras->fields->len; i++)
    {
      RapportSqlStmt *stmt = rapport_store_stmt_sql (import->store, SQL_STAGE_VALUE);
      gboolean tag = i < extras->tags->len;
      guint j = tag ? i : i - extras->tags->len;

      rapport_sql_bind_int64 (stmt, 1, seq);
      rapport_sql_bind_int (stmt, 2, tag ? 2 : 3);
      rapport_sql_bind_int64 (stmt, 3, tag ? (gint64) j : ((RapportCustomField *) extras->fields->pdata[j])->id);
      rapport_sql_bind_text (stmt, 4, "other");
      rapport_sql_bind_text (stmt, 5, tag ? extras->tags->pdata[j] : extras->values->pdata[j]);
      if (!rapport_store_step_done (import->store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
organization_record (RapportStoreImport      *import,
                     gint64                   id,
                     const RapportImportRow  *row,
                     GError                 **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (import->store, SQL_ORGANIZATION_RECORD);
  gint64 size = 0;

  if (!rapport_text_check (row->address, RAPPORT_TEXT_FREE, FALSE, error) ||
      !rapport_text_check (row->industry, RAPPORT_TEXT_LINE, FALSE, error))
    return FALSE;
  if (row->size != NULL && *row->size != '\0' && !rapport_id_parse (row->size, &size) &&
      g_strcmp0 (row->size, "0") != 0)
    return rapport_store_invalid (error, _("A size is a whole number of employees, as in 250."));

  rapport_sql_bind_int64 (stmt, 1, id);
  rapport_sql_bind_text_or_null (stmt, 2, row->address);
  rapport_sql_bind_text_or_null (stmt, 3, row->industry);
  rapport_sql_bind_id_or_null (stmt, 4, size);
  return rapport_store_step_done (import->store, stmt, error);
}

static gboolean
import_organization (RapportStoreImport      *import,
                     const RapportImportRow  *row,
                     gint64                   created_at,
                     GError                 **error)
{
  g_autofree char *key = fold_name (row->name ? row->name : "");
  g_auto(Extras) extras = { NULL, };
  gint64 id;

  if (g_hash_table_contains (import->organizations, key))
    {
      import->counts->skipped++;
      return TRUE;
    }

  if (!check_extras (import, RAPPORT_ENTITY_ORGANIZATION, row, &extras, error) ||
      !insert_organization (import, row->name ? row->name : "", row->phone, created_at, &id, error) ||
      !organization_record (import, id, row, error) ||
      !write_extras (import, id, &extras, error) ||
      !rapport_store_import_insert_note (import, 0, 0, id, row->note, error))
    return FALSE;

  import->counts->created++;
  return TRUE;
}

gboolean
rapport_store_import_find_organization (RapportStoreImport  *import,
                                        const char          *name,
                                        gint64              *id,
                                        GError             **error)
{
  g_autofree char *key = NULL;
  gpointer found;

  *id = 0;
  if (name == NULL || rapport_text_is_invisible (name))
    return TRUE;

  key = fold_name (name);
  if (g_hash_table_lookup_extended (import->organizations, key, NULL, &found))
    {
      *id = GPOINTER_TO_SIZE (found);
      return TRUE;
    }
  if (!insert_organization (import, name, NULL, import->now, id, error))
    return FALSE;
  import->counts->organizations_created++;
  return TRUE;
}

static gboolean
stage_clear (RapportStoreImport  *import,
             GError             **error)
{
  RapportStore *store = import->store;

  return rapport_store_step_done (store, rapport_store_stmt_sql (store, SQL_STAGE_CLEAR), error) &&
         rapport_store_step_done (store, rapport_store_stmt_sql (store, SQL_STAGE_CLEAR_VALUES), error) &&
         rapport_store_step_done (store, rapport_store_stmt_sql (store, SQL_STAGE_CLEAR_PHOTOS), error);
}

/* Moves the staged contacts, their lists, photos and notes, to their
 * tables. */
static gboolean
flush_contacts (RapportStoreImport  *import,
                GError             **error)
{
  RapportStore *store = import->store;
  RapportSqlStmt *stmt;
  gint64 base, first;

  if (import->staged == 0)
    return TRUE;

  /* Ids after the highest one, in staging order: base + seq. */
  base = rapport_store_step_int64 (store, rapport_store_stmt_sql (store, SQL_STAGE_BASE), 0) -
         rapport_store_step_int64 (store, rapport_store_stmt_sql (store, SQL_STAGE_FIRST), 1) + 1;

  first = rapport_store_step_int64 (store, rapport_store_stmt_sql (store, SQL_STAGE_FIRST), 1);
  rapport_store_import_created (import, RAPPORT_ENTITY_CONTACT, base + first, base + first + import->staged - 1);

  stmt = rapport_store_stmt_sql (store, SQL_STAGE_CONTACTS);
  rapport_sql_bind_int64 (stmt, 1, base);
  rapport_sql_bind_int (stmt, 2, RAPPORT_LIFECYCLE_CONTACT);
  rapport_sql_bind_int64 (stmt, 3, import->now);
  if (!rapport_store_step_done (store, stmt, error))
    return FALSE;

  stmt = rapport_store_stmt_sql (store, SQL_STAGE_EMAILS);
  rapport_sql_bind_int64 (stmt, 1, base);
  if (!rapport_store_step_done (store, stmt, error))
    return FALSE;
  stmt = rapport_store_stmt_sql (store, SQL_STAGE_PHONES);
  rapport_sql_bind_int64 (stmt, 1, base);
  if (!rapport_store_step_done (store, stmt, error))
    return FALSE;
  stmt = rapport_store_stmt_sql (store, SQL_STAGE_PHOTOS);
  rapport_sql_bind_int64 (stmt, 1, base);
  if (!rapport_store_step_done (store, stmt, error))
    return FALSE;
  stmt = rapport_store_stmt_sql (store, SQL_STAGE_TAGS);
  rapport_sql_bind_int64 (stmt, 1, base);
  if (!rapport_store_step_done (store, stmt, error))
    return FALSE;
  stmt = rapport_store_stmt_sql (store, SQL_STAGE_CUSTOM);
  rapport_sql_bind_int64 (stmt, 1, base);
  if (!rapport_store_step_done (store, stmt, error))
    return FALSE;

  stmt = rapport_store_stmt_sql (store, SQL_STAGE_NOTES);
  rapport_sql_bind_int64 (stmt, 1, base);
  rapport_sql_bind_int64 (stmt, 2, import->now);
  if (!rapport_store_step_done (store, stmt, error) ||
      !stage_clear (import, error))
    return FALSE;

  import->staged = 0;
  import->staged_bytes = 0;
  return TRUE;
}

static gboolean
external_id_known (RapportStoreImport *import,
                   const char         *external_id)
{
  RapportSqlStmt *stmt;

  if (external_id == NULL)
    return FALSE;
  stmt = rapport_store_stmt_sql (import->store, SQL_FIND_EXTERNAL);
  rapport_sql_bind_text (stmt, 1, external_id);
  return rapport_store_step_int64 (import->store, stmt, 0) == 1;
}

static gboolean
stage_values (RapportStoreImport  *import,
              gint64               seq,
              int                  list,
              GPtrArray           *values,
              GError             **error)
{
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const RapportContactValue *value = values->pdata[i];
      RapportSqlStmt *stmt = rapport_store_stmt_sql (import->store, SQL_STAGE_VALUE);

      rapport_sql_bind_int64 (stmt, 1, seq);
      rapport_sql_bind_int (stmt, 2, list);
      rapport_sql_bind_int (stmt, 3, (int) i);
      rapport_sql_bind_text (stmt, 4, value->label);
      rapport_sql_bind_text (stmt, 5, value->value);
      if (!rapport_store_step_done (import->store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
stage_photo (RapportStoreImport      *import,
             gint64                   seq,
             const RapportImportRow  *row,
             GError                 **error)
{
  RapportSqlStmt *stmt;

  if (row->photo == NULL)
    return TRUE;
  stmt = rapport_store_stmt_sql (import->store, SQL_STAGE_PHOTO);
  rapport_sql_bind_int64 (stmt, 1, seq);
  rapport_sql_bind_text (stmt, 2, row->photo_type);
  rapport_sql_bind_bytes (stmt, 3, row->photo);
  import->staged_bytes += g_bytes_get_size (row->photo);
  return rapport_store_step_done (import->store, stmt, error);
}

/* The first of @values, or @value when there is no list. */
static const char *
primary (GPtrArray  *values,
         const char *value)
{
  if (values == NULL)
    return value;
  return values->len > 0 ? ((RapportContactValue *) values->pdata[0])->value : NULL;
}

/* A row that is a contact there already (or one before it in the file). */
static gboolean
import_duplicate (RapportStoreImport      *import,
                  gint64                   id,
                  const RapportImportRow  *row,
                  const char              *name,
                  gint64                   organization_id,
                  GError                 **error)
{
  gint64 note_id;

  if (rapport_import_matcher_is_this_file (id) || (import->flags & RAPPORT_IMPORT_DUPLICATES_SKIP))
    {
      import->counts->skipped++;
      import->counts->duplicates++;
      return TRUE;
    }

  if (!rapport_store_import_write_over (import, id, row, name, organization_id,
                                        (import->flags & RAPPORT_IMPORT_DUPLICATES_UPDATE) != 0, error) ||
      !rapport_store_import_insert_note (import, id, 0, 0, row->note, error))
    return FALSE;
  if (row->note != NULL && !rapport_text_is_invisible (row->note))
    {
      note_id = rapport_store_last_id (import->store);
      rapport_store_import_created (import, RAPPORT_ENTITY_NOTE, note_id, note_id);
    }
  import->counts->updated++;
  return TRUE;
}

static gboolean
import_contact (RapportStoreImport      *import,
                const RapportImportRow  *row,
                gint64                   created_at,
                GError                 **error)
{
  g_autofree char *name = g_strstrip (g_strdup (row->name ? row->name : ""));
  g_auto(Extras) extras = { NULL, };
  RapportSqlStmt *stmt;
  gint64 organization_id;
  gint64 seq;

  /* The same card again (by its UID): what is there stays. */
  if (external_id_known (import, row->external_id))
    {
      import->counts->skipped++;
      import->counts->duplicates++;
      return TRUE;
    }

  if (!rapport_text_check (name, RAPPORT_TEXT_NAME, TRUE, error) ||
      !rapport_email_check (row->email, error) ||
      !rapport_phone_check (row->phone, error) ||
      !rapport_text_check (row->source, RAPPORT_TEXT_SOURCE, FALSE, error) ||
      !rapport_text_check (row->owner, RAPPORT_TEXT_OWNER, FALSE, error) ||
      !rapport_store_import_find_organization (import, row->organization, &organization_id, error))
    return FALSE;

  if (row->note != NULL && !rapport_text_is_invisible (row->note) &&
      !rapport_text_check (row->note, RAPPORT_TEXT_NOTE, TRUE, error))
    return FALSE;

  if (!rapport_text_check (row->external_id, RAPPORT_TEXT_NAME, FALSE, error) ||
      !rapport_store_check_contact_details (row->title, row->emails, row->phones,
                                            row->photo, row->photo_type, error) ||
      !rapport_text_check (row->address, RAPPORT_TEXT_FREE, FALSE, error) ||
      !rapport_date_check (row->birthday, error) ||
      !check_extras (import, RAPPORT_ENTITY_CONTACT, row, &extras, error))
    return FALSE;

  if (import->matcher != NULL)
    {
      gint64 match = rapport_import_matcher_find (import->matcher, row, organization_id);

      if (match != 0)
        return import_duplicate (import, match, row, name, organization_id, error);
      rapport_import_matcher_add (import->matcher, row, organization_id);
    }

  stmt = rapport_store_stmt_sql (import->store, SQL_STAGE_INSERT);
  rapport_sql_bind_text (stmt, 1, name);
  rapport_sql_bind_text_or_null (stmt, 2, primary (row->emails, row->email));
  rapport_sql_bind_text_or_null (stmt, 3, primary (row->phones, row->phone));
  rapport_sql_bind_id_or_null (stmt, 4, organization_id);
  rapport_sql_bind_text_or_null (stmt, 5, row->source);
  rapport_sql_bind_text_or_null (stmt, 6, row->owner);
  rapport_sql_bind_int64 (stmt, 7, created_at);
  if (row->note != NULL && !rapport_text_is_invisible (row->note))
    rapport_sql_bind_text (stmt, 8, row->note);
  else
    rapport_sql_bind_null (stmt, 8);
  rapport_sql_bind_text_or_null (stmt, 9, row->title);
  rapport_sql_bind_text_or_null (stmt, 10, row->external_id);
  rapport_sql_bind_int (stmt, 11, row->emails != NULL);
  rapport_sql_bind_int (stmt, 12, row->phones != NULL);
  rapport_sql_bind_text_or_null (stmt, 13, row->address);
  rapport_sql_bind_text_or_null (stmt, 14, row->birthday);
  if (!rapport_store_step_done (import->store, stmt, error))
    return FALSE;
  seq = rapport_store_last_id (import->store);
  if (!stage_values (import, seq, 0, row->emails, error) ||
      !stage_values (import, seq, 1, row->phones, error) ||
      !stage_extras (import, seq, &extras, error) ||
      !stage_photo (import, seq, row, error))
    return FALSE;

  import->counts->created++;
  import->staged++;
  return (import->staged < STAGE_BATCH && import->staged_bytes < STAGE_BATCH_BYTES) ||
         flush_contacts (import, error);
}

static gboolean
import_row (RapportStoreImport      *import,
            const RapportImportRow  *row,
            GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 created_at;
  gboolean done;

  done = rapport_store_arrival_time (import->store, row->created_at, row->has_created_at,
                                     &created_at, &local_error) &&
         (import->kind == RAPPORT_IMPORT_ORGANIZATIONS
          ? import_organization (import, row, created_at, &local_error)
          : import_contact (import, row, created_at, &local_error));
  if (!done)
    return rapport_store_import_row_error (row->line, local_error, error);
  return TRUE;
}

static gboolean
run_import (RapportStoreImport   *import,
            RapportImportSource   source,
            gpointer              user_data,
            GError              **error)
{
  for (;;)
    {
      RapportImportRow row = { 0, };
      RapportImportNext next = source (user_data, &row, error);

      if (next == RAPPORT_IMPORT_NEXT_END)
        return TRUE;
      if (next == RAPPORT_IMPORT_NEXT_FAILED)
        return FALSE;
      rapport_store_import_count (import, next);
      if (next == RAPPORT_IMPORT_NEXT_ROW && rapport_store_import_takes_rows (import) &&
          !import_row (import, &row, error))
        return FALSE;
    }
}

static gboolean
stage_begin (RapportStoreImport  *import,
             GError             **error)
{
  RapportStore *store = import->store;

  return rapport_store_step_done (store, rapport_store_stmt_sql (store, SQL_STAGE_CREATE), error) &&
         rapport_store_step_done (store, rapport_store_stmt_sql (store, SQL_STAGE_CREATE_INDEX), error) &&
         rapport_store_step_done (store, rapport_store_stmt_sql (store, SQL_STAGE_CREATE_VALUES), error) &&
         rapport_store_step_done (store, rapport_store_stmt_sql (store, SQL_STAGE_CREATE_PHOTOS), error) &&
         stage_clear (import, error);
}

gboolean
rapport_store_import_begin (RapportStoreImport   *import,
                            RapportStore         *store,
                            RapportImportKind     kind,
                            RapportImportFlags    flags,
                            RapportImportCounts  *counts,
                            GError              **error)
{
  *import = (RapportStoreImport) { store, kind, flags, counts, NULL, rapport_store_now (store), 0, NULL };
  import->undo = rapport_import_undo_new ();
  import->organizations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  memset (counts, 0, sizeof *counts);

  if (!rapport_store_begin (store, error))
    return FALSE;
  /* The contacts' keys first, with the page cache as it is: their tables
   * are read once, and would only fill a bigger cache. */
  if (!rapport_store_import_load_organizations (import, error) ||
      (kind == RAPPORT_IMPORT_CONTACTS && (flags & RAPPORT_IMPORT_DUPLICATES_MASK) &&
       (import->matcher = rapport_import_matcher_new (store, error)) == NULL))
    {
      g_clear_pointer (&import->organizations, g_hash_table_unref);
      rapport_store_rollback (store);
      return FALSE;
    }
  /* One transaction of many rows touches every index's pages again and
   * again (contacts by name, e-mail, phone; the search index): keep them. */
  rapport_store_grow_page_cache (store);
  return TRUE;
}

/* What every row was read for: kept, or rolled back when a row is bad
 * (unless bad rows are skipped) or for a dry run. */
gboolean
rapport_store_import_end (RapportStoreImport  *import,
                          gboolean             read_all,
                          GError             **error)
{
  RapportStore *self = import->store;
  RapportImportCounts *counts = import->counts;
  RapportImportFlags flags = import->flags;
  gboolean keep;

  g_autoptr(RapportImportUndo) undo = g_steal_pointer (&import->undo);

  g_clear_pointer (&import->organizations, g_hash_table_unref);
  g_clear_pointer (&import->matcher, rapport_import_matcher_free);
  g_clear_pointer (&import->custom_fields, g_hash_table_unref);
  if (!read_all)
    {
      rapport_store_rollback (self);
      return FALSE;
    }

  if (flags & RAPPORT_IMPORT_SKIP_BAD_ROWS)
    counts->skipped += counts->bad;
  else if (counts->bad > 0)
    counts->created = counts->updated = counts->organizations_created = counts->contacts_created = 0;
  keep = !(flags & RAPPORT_IMPORT_DRY_RUN) &&
         (counts->bad == 0 || (flags & RAPPORT_IMPORT_SKIP_BAD_ROWS));
  if (!keep)
    {
      rapport_store_rollback (self);
      return TRUE;
    }
  if (!rapport_store_commit (self, error))
    return FALSE;

  if (!rapport_import_undo_is_empty (undo))
    counts->undo = g_steal_pointer (&undo);
  if (counts->created > 0 || counts->updated > 0 || counts->organizations_created > 0)
    {
      rapport_store_notify (self, RAPPORT_ENTITY_ORGANIZATION, RAPPORT_CHANGE_RELOAD, 0);
      rapport_store_notify (self, RAPPORT_ENTITY_CONTACT, RAPPORT_CHANGE_RELOAD, 0);
      rapport_store_notify (self, RAPPORT_ENTITY_NOTE, RAPPORT_CHANGE_RELOAD, 0);
      if (import->kind == RAPPORT_IMPORT_DEALS)
        rapport_store_notify (self, RAPPORT_ENTITY_DEAL, RAPPORT_CHANGE_RELOAD, 0);
    }
  return TRUE;
}

void
rapport_store_import_count (RapportStoreImport *import,
                            RapportImportNext   next)
{
  import->counts->rows++;
  if (next == RAPPORT_IMPORT_NEXT_BAD)
    import->counts->bad++;
}

gboolean
rapport_store_import_takes_rows (RapportStoreImport *import)
{
  /* Once a row is bad and bad rows are not skipped, nothing will be
   * stored: the rest is only read, to list every bad row. */
  return import->counts->bad == 0 || (import->flags & RAPPORT_IMPORT_SKIP_BAD_ROWS);
}

gboolean
rapport_store_import_row_error (guint        line,
                                GError      *row_error,
                                GError     **error)
{
  /* Translators: %u is a line of the file, %s why its row was refused. */
  g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID, _("Line %u: %s"), line, row_error->message);
  return FALSE;
}

gboolean
rapport_store_import (RapportStore         *self,
                      RapportImportKind     kind,
                      RapportImportFlags    flags,
                      RapportImportSource   source,
                      gpointer              user_data,
                      RapportImportCounts  *counts,
                      GError              **error)
{
  RapportStoreImport import;
  gboolean read_all;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind != RAPPORT_IMPORT_DEALS, FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  if (!rapport_store_import_begin (&import, self, kind, flags, counts, error))
    return FALSE;
  read_all = stage_begin (&import, error) && run_import (&import, source, user_data, error) &&
             flush_contacts (&import, error);
  return rapport_store_import_end (&import, read_all, error);
}
