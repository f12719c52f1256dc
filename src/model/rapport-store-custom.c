/* rapport-store-custom.c — tags, and the fields a team defines for its
 * contacts and organizations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both live in tables shared by the two kinds (record_tag, custom_value):
 * a row names a contact or an organization by the column of its kind, so
 * the foreign keys delete them with their record and the search index's
 * triggers write the record's row again after each change. A field's
 * values are checked by its type's rule (rapport_custom_value_check()).
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-store-private.h"
#include "rapport-validate.h"

/* The SQL of one kind: [0] for contacts, [1] for organizations. */
#define BY_KIND(contact_sql, organization_sql) { contact_sql, organization_sql }

static const char * const sql_tags[] = BY_KIND (
  "SELECT tag FROM record_tag WHERE contact_id = ?1 ORDER BY tag COLLATE NOCASE",
  "SELECT tag FROM record_tag WHERE organization_id = ?1 ORDER BY tag COLLATE NOCASE");
static const char * const sql_all_tags[] = BY_KIND (
  "SELECT min(tag) FROM record_tag WHERE contact_id IS NOT NULL"
  " GROUP BY tag COLLATE NOCASE ORDER BY tag COLLATE NOCASE",
  "SELECT min(tag) FROM record_tag WHERE organization_id IS NOT NULL"
  " GROUP BY tag COLLATE NOCASE ORDER BY tag COLLATE NOCASE");
static const char * const sql_tagged[] = BY_KIND (
  "SELECT contact_id FROM record_tag WHERE tag = ?1 COLLATE NOCASE AND contact_id IS NOT NULL",
  "SELECT organization_id FROM record_tag WHERE tag = ?1 COLLATE NOCASE AND organization_id IS NOT NULL");
static const char * const sql_add_tag[] = BY_KIND (
  "INSERT OR IGNORE INTO record_tag (contact_id, tag) VALUES (?1, ?2)",
  "INSERT OR IGNORE INTO record_tag (organization_id, tag) VALUES (?1, ?2)");
static const char * const sql_remove_tag[] = BY_KIND (
  "DELETE FROM record_tag WHERE contact_id = ?1 AND tag = ?2 COLLATE NOCASE",
  "DELETE FROM record_tag WHERE organization_id = ?1 AND tag = ?2 COLLATE NOCASE");
static const char * const sql_clear_tags[] = BY_KIND (
  "DELETE FROM record_tag WHERE contact_id = ?1",
  "DELETE FROM record_tag WHERE organization_id = ?1");
static const char * const sql_touch[] = BY_KIND (
  "UPDATE contact SET updated_at = ?2 WHERE id = ?1",
  "UPDATE organization SET updated_at = ?2 WHERE id = ?1");
static const char * const sql_values[] = BY_KIND (
  "SELECT f.id, f.name, f.type, v.value FROM custom_value v JOIN custom_field f ON f.id = v.field_id"
  " WHERE v.contact_id = ?1 ORDER BY f.position, f.id",
  "SELECT f.id, f.name, f.type, v.value FROM custom_value v JOIN custom_field f ON f.id = v.field_id"
  " WHERE v.organization_id = ?1 ORDER BY f.position, f.id");
static const char * const sql_set_value[] = BY_KIND (
  "INSERT INTO custom_value (field_id, contact_id, value) VALUES (?2, ?1, ?3)"
  " ON CONFLICT (contact_id, field_id) WHERE contact_id IS NOT NULL DO UPDATE SET value = excluded.value",
  "INSERT INTO custom_value (field_id, organization_id, value) VALUES (?2, ?1, ?3)"
  " ON CONFLICT (organization_id, field_id) WHERE organization_id IS NOT NULL DO UPDATE SET value = excluded.value");
static const char * const sql_clear_value[] = BY_KIND (
  "DELETE FROM custom_value WHERE contact_id = ?1 AND field_id = ?2",
  "DELETE FROM custom_value WHERE organization_id = ?1 AND field_id = ?2");

#define SQL_FIELDS \
  "SELECT id, name, type, choices FROM custom_field WHERE kind = ?1 ORDER BY position, id"
#define SQL_FIELD_BY_NAME \
  "SELECT id, name, type, choices FROM custom_field WHERE kind = ?1 AND name = ?2 COLLATE NOCASE"
#define SQL_FIELD_BY_ID \
  "SELECT id, name, type, choices FROM custom_field WHERE kind = ?1 AND id = ?2"
#define SQL_ADD_FIELD \
  "INSERT INTO custom_field (kind, name, type, choices, position, created_at)" \
  " VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(position) + 1, 0) FROM custom_field WHERE kind = ?1), ?5)"

static guint
kind_index (RapportEntity entity)
{
  g_assert (entity == RAPPORT_ENTITY_CONTACT || entity == RAPPORT_ENTITY_ORGANIZATION);

  return entity == RAPPORT_ENTITY_CONTACT ? 0 : 1;
}

static const char *
kind_name (RapportEntity entity)
{
  return entity == RAPPORT_ENTITY_CONTACT ? "contact" : "organization";
}

static gboolean
check_record (RapportStore   *self,
              RapportEntity   entity,
              gint64          id,
              GError        **error)
{
  g_autoptr(RapportRecord) record = NULL;

  record = rapport_store_lookup (self, entity == RAPPORT_ENTITY_CONTACT ? RAPPORT_TYPE_CONTACT
                                                                       : RAPPORT_TYPE_ORGANIZATION,
                                 id, error);
  return record != NULL;
}

/* What a record changed notices, once committed, with its live object read
 * again (its updated-at moved). */
static void
changed (RapportStore  *self,
         RapportEntity  entity,
         gint64         id)
{
  RapportRecord *live = rapport_store_peek_live (self, entity == RAPPORT_ENTITY_CONTACT ? RAPPORT_TYPE_CONTACT
                                                                                      : RAPPORT_TYPE_ORGANIZATION,
                                                 id);

  if (live != NULL)
    rapport_store_reload_record (self, live, NULL);
  rapport_store_notify (self, entity, RAPPORT_CHANGE_UPDATED, id);
}

static gboolean
touch (RapportStore   *self,
       RapportEntity   entity,
       gint64          id,
       GError        **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, sql_touch[kind_index (entity)]);

  rapport_sql_bind_int64 (stmt, 1, id);
  rapport_sql_bind_int64 (stmt, 2, rapport_store_now (self));
  return rapport_store_step_done (self, stmt, error);
}

static GStrv
read_strings (RapportStore  *self,
              const char    *sql,
              gint64         id,
              GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, sql);
  int rc;

  if (id != 0)
    rapport_sql_bind_int64 (stmt, 1, id);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    g_strv_builder_add (builder, rapport_sql_column_text (stmt, 0));
  rapport_sql_reset (stmt);
  if (rc != RAPPORT_SQL_DONE)
    {
      rapport_store_set_error (self, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* Tags */

GStrv
rapport_store_get_tags (RapportStore   *self,
                        RapportEntity   entity,
                        gint64          id,
                        GError        **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (id > 0, NULL);

  return read_strings (self, sql_tags[kind_index (entity)], id, error);
}

GStrv
rapport_store_list_tags (RapportStore   *self,
                         RapportEntity   entity,
                         GError        **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  /* A deal has the tags of its contact and its organization. */
  if (entity == RAPPORT_ENTITY_DEAL)
    return read_strings (self, "SELECT min(tag) FROM record_tag"
                         " GROUP BY tag COLLATE NOCASE ORDER BY tag COLLATE NOCASE", 0, error);
  return read_strings (self, sql_all_tags[kind_index (entity)], 0, error);
}

GHashTable *
rapport_store_get_tagged (RapportStore   *self,
                          RapportEntity   entity,
                          const char     *tag,
                          GError        **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  RapportSqlStmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = rapport_store_stmt_sql (self, sql_tagged[kind_index (entity)]);
  rapport_sql_bind_text (stmt, 1, tag);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      gint64 id = rapport_sql_column_int64 (stmt, 0);

      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }
  rapport_sql_reset (stmt);
  if (rc != RAPPORT_SQL_DONE)
    {
      rapport_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
write_tag (RapportStore   *self,
           RapportEntity   entity,
           gint64          id,
           const char     *tag,
           gboolean        add,
           GError        **error)
{
  guint k = kind_index (entity);
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, add ? sql_add_tag[k] : sql_remove_tag[k]);

  rapport_sql_bind_int64 (stmt, 1, id);
  rapport_sql_bind_text (stmt, 2, tag);
  return rapport_store_step_done (self, stmt, error);
}

gboolean
rapport_store_write_tags (RapportStore        *self,
                          RapportEntity        entity,
                          gint64               id,
                          const char * const  *tags,
                          GError             **error)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, sql_clear_tags[kind_index (entity)]);

  rapport_sql_bind_int64 (stmt, 1, id);
  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdup (tags[i]));

      if (*tag != '\0' && !write_tag (self, entity, id, tag, TRUE, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rapport_store_check_tags (const char * const  *tags,
                          GError             **error)
{
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdup (tags[i]));

      if (*tag != '\0' && !rapport_tag_check (tag, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rapport_store_set_tag (RapportStore   *self,
                       RapportEntity   entity,
                       gint64          id,
                       const char     *tag,
                       gboolean        present,
                       GError        **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity == RAPPORT_ENTITY_CONTACT || entity == RAPPORT_ENTITY_ORGANIZATION, FALSE);

  stripped = g_strstrip (g_strdup (tag != NULL ? tag : ""));
  if (!rapport_tag_check (stripped, error) || !check_record (self, entity, id, error))
    return FALSE;

  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!write_tag (self, entity, id, stripped, present, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  if (rapport_store_changes (self) == 0)
    {
      /* Adding a tag it has, or taking away one it lacks: nothing to do,
       * but say so when it was meant to go. */
      rapport_store_rollback (self);
      if (present)
        return TRUE;
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                   entity == RAPPORT_ENTITY_CONTACT ? _("The contact has no tag “%s”.")
                                                    : _("The organization has no tag “%s”."),
                   stripped);
      return FALSE;
    }
  if (!touch (self, entity, id, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  if (!rapport_store_commit (self, error))
    return FALSE;

  changed (self, entity, id);
  return TRUE;
}

/* Custom fields */

void
rapport_custom_field_free (RapportCustomField *field)
{
  if (field == NULL)
    return;
  g_free (field->name);
  g_strfreev (field->choices);
  g_free (field);
}

void
rapport_custom_value_free (RapportCustomValue *value)
{
  if (value == NULL)
    return;
  g_free (value->name);
  g_free (value->value);
  g_free (value);
}

static RapportCustomField *
field_from_row (RapportSqlStmt *stmt,
                RapportEntity   entity)
{
  RapportCustomField *field = g_new0 (RapportCustomField, 1);
  const char *choices = rapport_sql_column_text (stmt, 3);

  field->id = rapport_sql_column_int64 (stmt, 0);
  field->entity = entity;
  field->name = g_strdup (rapport_sql_column_text (stmt, 1));
  if (!rapport_field_type_from_string (rapport_sql_column_text (stmt, 2), &field->type))
    field->type = RAPPORT_FIELD_TEXT;
  field->choices = choices != NULL ? g_strsplit (choices, "\n", -1) : g_new0 (char *, 1);
  return field;
}

GPtrArray *
rapport_store_get_custom_fields (RapportStore   *self,
                                 RapportEntity   entity,
                                 GError        **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_custom_field_free);
  RapportSqlStmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = rapport_store_stmt_sql (self, SQL_FIELDS);
  rapport_sql_bind_text (stmt, 1, kind_name (entity));
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    g_ptr_array_add (fields, field_from_row (stmt, entity));
  rapport_sql_reset (stmt);
  if (rc != RAPPORT_SQL_DONE)
    {
      rapport_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&fields);
}

static RapportCustomField *
find_field (RapportStore   *self,
            RapportEntity   entity,
            const char     *sql,
            const char     *name,
            gint64          id)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, sql);
  RapportCustomField *field = NULL;

  rapport_sql_bind_text (stmt, 1, kind_name (entity));
  if (name != NULL)
    rapport_sql_bind_text (stmt, 2, name);
  else
    rapport_sql_bind_int64 (stmt, 2, id);
  if (rapport_sql_step (stmt) == RAPPORT_SQL_ROW)
    field = field_from_row (stmt, entity);
  rapport_sql_reset (stmt);
  return field;
}

RapportCustomField *
rapport_store_find_custom_field (RapportStore   *self,
                                 RapportEntity   entity,
                                 const char     *name,
                                 GError        **error)
{
  g_autofree char *stripped = NULL;
  RapportCustomField *field;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  field = find_field (self, entity, SQL_FIELD_BY_NAME, stripped, 0);
  if (field == NULL)
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                 entity == RAPPORT_ENTITY_CONTACT ? _("Contacts have no field called “%s”.")
                                                  : _("Organizations have no field called “%s”."),
                 stripped);
  return field;
}

/* The list of a choice field: one line each, no blank one, no comma (it
 * is typed as "A,B"), none twice. */
static gboolean
check_choices (RapportFieldType      type,
               const char * const   *choices,
               GError              **error)
{
  guint n = choices != NULL ? g_strv_length ((GStrv) choices) : 0;

  if (type != RAPPORT_FIELD_CHOICE)
    return n == 0 || rapport_store_invalid (error, _("Only a choice field has a list of choices."));
  if (n == 0)
    return rapport_store_invalid (error, _("A choice field needs at least one choice."));
  for (guint i = 0; i < n; i++)
    {
      if (!rapport_tag_check (choices[i], error))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (g_utf8_collate (choices[i], choices[j]) == 0)
          return rapport_store_invalid (error, _("The choice “%s” is there twice."), choices[i]);
    }
  return TRUE;
}

RapportCustomField *
rapport_store_add_custom_field (RapportStore        *self,
                                RapportEntity        entity,
                                const char          *name,
                                RapportFieldType     type,
                                const char * const  *choices,
                                GError             **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *joined = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  RapportCustomField *existing;
  RapportSqlStmt *stmt;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (entity == RAPPORT_ENTITY_CONTACT || entity == RAPPORT_ENTITY_ORGANIZATION, NULL);

  stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
    {
      char *choice = g_strstrip (g_strdup (choices[i]));

      if (*choice == '\0')
        g_free (choice);
      else
        g_ptr_array_add (kept, choice);
    }
  g_ptr_array_add (kept, NULL);

  if (!rapport_text_check (stripped, RAPPORT_TEXT_NAME, TRUE, error) ||
      !check_choices (type, (const char * const *) kept->pdata, error))
    return NULL;
  if ((existing = find_field (self, entity, SQL_FIELD_BY_NAME, stripped, 0)) != NULL)
    {
      rapport_custom_field_free (existing);
      rapport_store_invalid (error, entity == RAPPORT_ENTITY_CONTACT
                                      ? _("Contacts have a field called “%s” already.")
                                      : _("Organizations have a field called “%s” already."),
                             stripped);
      return NULL;
    }

  joined = g_strjoinv ("\n", (GStrv) kept->pdata);
  stmt = rapport_store_stmt_sql (self, SQL_ADD_FIELD);
  rapport_sql_bind_text (stmt, 1, kind_name (entity));
  rapport_sql_bind_text (stmt, 2, stripped);
  rapport_sql_bind_text (stmt, 3, rapport_field_type_to_string (type));
  rapport_sql_bind_text_or_null (stmt, 4, joined);
  rapport_sql_bind_int64 (stmt, 5, rapport_store_now (self));
  if (!rapport_store_insert_alone (self, stmt, &id, error))
    return NULL;

  /* Every page of the kind shows its fields. */
  rapport_store_notify (self, entity, RAPPORT_CHANGE_RELOAD, 0);
  return find_field (self, entity, SQL_FIELD_BY_ID, NULL, id);
}

GPtrArray *
rapport_store_get_custom_values (RapportStore   *self,
                                 RapportEntity   entity,
                                 gint64          id,
                                 GError        **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_custom_value_free);
  RapportSqlStmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = rapport_store_stmt_sql (self, sql_values[kind_index (entity)]);
  rapport_sql_bind_int64 (stmt, 1, id);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      RapportCustomValue *value = g_new0 (RapportCustomValue, 1);

      value->field_id = rapport_sql_column_int64 (stmt, 0);
      value->name = g_strdup (rapport_sql_column_text (stmt, 1));
      if (!rapport_field_type_from_string (rapport_sql_column_text (stmt, 2), &value->type))
        value->type = RAPPORT_FIELD_TEXT;
      value->value = g_strdup (rapport_sql_column_text (stmt, 3));
      g_ptr_array_add (values, value);
    }
  rapport_sql_reset (stmt);
  if (rc != RAPPORT_SQL_DONE)
    {
      rapport_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&values);
}

const char *
rapport_custom_values_lookup (GPtrArray *values,
                              gint64     field_id)
{
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const RapportCustomValue *value = values->pdata[i];

      if (value->field_id == field_id)
        return value->value;
    }
  return NULL;
}

gboolean
rapport_store_check_custom_value (const RapportCustomField  *field,
                                  const char                *value,
                                  char                     **normalized,
                                  GError                   **error)
{
  return rapport_custom_value_check (field->type, (const char * const *) field->choices, value, normalized, error);
}

gboolean
rapport_store_write_custom_value (RapportStore              *self,
                                  gint64                     id,
                                  const RapportCustomField  *field,
                                  const char                *normalized,
                                  GError                   **error)
{
  guint k = kind_index (field->entity);
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, normalized != NULL ? sql_set_value[k] : sql_clear_value[k]);

  rapport_sql_bind_int64 (stmt, 1, id);
  rapport_sql_bind_int64 (stmt, 2, field->id);
  if (normalized != NULL)
    rapport_sql_bind_text (stmt, 3, normalized);
  return rapport_store_step_done (self, stmt, error);
}

gboolean
rapport_store_set_custom_value (RapportStore              *self,
                                gint64                     id,
                                const RapportCustomField  *field,
                                const char                *value,
                                GError                   **error)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (!rapport_store_check_custom_value (field, value, &normalized, error) ||
      !check_record (self, field->entity, id, error))
    return FALSE;

  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!rapport_store_write_custom_value (self, id, field, normalized, error) ||
      !touch (self, field->entity, id, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  if (!rapport_store_commit (self, error))
    return FALSE;

  changed (self, field->entity, id);
  return TRUE;
}
