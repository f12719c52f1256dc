/* rapport-store-identity.c — one object per row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-record-list.h"
#include "rapport-store-private.h"

/* The identity map */

/* One per live record: the map's key is &entry->id, so the weak-ref
 * callback can find and drop its row without touching the dying object. */
typedef struct
{
  RapportStore *store;
  GHashTable   *map;
  gint64        id;
} IdentityEntry;

static GHashTable *
identity_of (RapportStore *self,
             GType         type)
{
  GHashTable *map = g_hash_table_lookup (self->identity, GSIZE_TO_POINTER (type));

  if (map == NULL)
    {
      map = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_hash_table_insert (self->identity, GSIZE_TO_POINTER (type), map);
    }

  return map;
}

static void
on_record_finalized (gpointer  data,
                     GObject  *where_the_object_was)
{
  IdentityEntry *entry = data;

  g_hash_table_remove (entry->map, &entry->id);
  g_free (entry);
}

static void
identity_add (RapportStore  *self,
              GType          type,
              RapportRecord *record)
{
  IdentityEntry *entry = g_new (IdentityEntry, 1);

  entry->store = self;
  entry->map = identity_of (self, type);
  entry->id = rapport_record_get_id (record);
  g_hash_table_insert (entry->map, &entry->id, record);
  g_object_weak_ref (G_OBJECT (record), on_record_finalized, entry);
}

void
rapport_store_forget (RapportStore  *self,
                      RapportRecord *record)
{
  GHashTable *map = identity_of (self, G_OBJECT_TYPE (record));
  gint64 id = rapport_record_get_id (record);
  gpointer key, value;
  IdentityEntry *entry;

  if (!g_hash_table_lookup_extended (map, &id, &key, &value) || value != record)
    return;

  entry = (IdentityEntry *) ((char *) key - G_STRUCT_OFFSET (IdentityEntry, id));
  g_hash_table_remove (map, &id);
  g_object_weak_unref (G_OBJECT (record), on_record_finalized, entry);
  g_free (entry);
}

static void
set_not_found (GError **error,
               GType    type,
               gint64   id)
{
  if (type == RAPPORT_TYPE_DEAL)
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                 _("There is no deal with the id %lld"), (long long) id);
  else if (type == RAPPORT_TYPE_CONTACT)
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                 _("There is no contact with the id %lld"), (long long) id);
  else if (type == RAPPORT_TYPE_ORGANIZATION)
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                 _("There is no organization with the id %lld"), (long long) id);
  else if (type == RAPPORT_TYPE_STAGE)
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                 _("There is no stage with the id %lld"), (long long) id);
  else if (type == RAPPORT_TYPE_ACTIVITY)
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                 _("There is no follow-up or activity with the id %lld"), (long long) id);
  else if (type == RAPPORT_TYPE_PIPELINE)
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                 _("There is no pipeline with the id %lld"), (long long) id);
  else if (type == RAPPORT_TYPE_STAGE_ACTION)
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                 _("There is no key action with the id %lld"), (long long) id);
  else
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                 _("There is no record with the id %lld"), (long long) id);
}

gpointer
rapport_store_lookup (RapportStore  *self,
                      GType          type,
                      gint64         id,
                      GError       **error)
{
  GHashTable *map = identity_of (self, type);
  RapportRecord *record = g_hash_table_lookup (map, &id);
  g_autoptr(GError) local_error = NULL;

  if (record != NULL)
    return g_object_ref (record);

  if (id <= 0)
    {
      set_not_found (error, type, id);
      return NULL;
    }

  record = g_object_new (type, "id", id, NULL);
  if (!rapport_store_reload_record (self, record, &local_error))
    {
      g_object_unref (record);
      if (g_error_matches (local_error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND))
        set_not_found (error, type, id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  identity_add (self, type, record);

  return record;
}

gpointer
rapport_store_peek_live (RapportStore *self,
                         GType         type,
                         gint64        id)
{
  return g_hash_table_lookup (identity_of (self, type), &id);
}

void
rapport_store_identity_clear (RapportStore *self)
{
  GHashTableIter iter;
  gpointer map;

  if (self->identity == NULL)
    return;

  g_hash_table_iter_init (&iter, self->identity);
  while (g_hash_table_iter_next (&iter, NULL, &map))
    {
      GHashTableIter inner;
      gpointer key, record;

      g_hash_table_iter_init (&inner, map);
      while (g_hash_table_iter_next (&inner, &key, &record))
        {
          IdentityEntry *entry = (IdentityEntry *) ((char *) key - G_STRUCT_OFFSET (IdentityEntry, id));

          g_object_weak_unref (record, on_record_finalized, entry);
          g_free (entry);
        }
    }
  g_clear_pointer (&self->identity, g_hash_table_unref);
}

/* A row another program deleted (or a restore took away) is forgotten,
 * so its id is not found any more. */
static void
reload_or_forget (RapportStore *self,
                  GPtrArray    *live)
{
  for (guint i = 0; i < live->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!rapport_store_reload_record (self, live->pdata[i], &error) &&
          g_error_matches (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND))
        rapport_store_forget (self, live->pdata[i]);
    }
}

/* Reloads the live objects of @type after a write that touched many rows. */
void
rapport_store_reload_live (RapportStore *self,
                           GType         type)
{
  g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTable *map = identity_of (self, type);
  GHashTableIter iter;
  gpointer value;

  /* Hold them first: a notify handler may drop the last reference. */
  g_hash_table_iter_init (&iter, map);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (live, g_object_ref (value));

  reload_or_forget (self, live);
}

void
rapport_store_reload_live_deals_of_stage (RapportStore *self,
                                          gint64        stage_id)
{
  g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, identity_of (self, RAPPORT_TYPE_DEAL));
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (rapport_deal_get_stage_id (value) == stage_id)
      g_ptr_array_add (live, g_object_ref (value));

  reload_or_forget (self, live);
}

void
rapport_store_reload_all_live (RapportStore *self)
{
  g_autoptr(GList) types = g_hash_table_get_keys (self->identity);

  for (const GList *l = types; l; l = l->next)
    rapport_store_reload_live (self, (GType) GPOINTER_TO_SIZE (l->data));
}

void
rapport_store_fill_list (RapportStore   *self,
                         GListStore   *list,
                         GType         type,
                         RapportSqlStmt *stmt)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  while (rapport_sql_step (stmt) == RAPPORT_SQL_ROW)
    {
      gint64 id = rapport_sql_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  rapport_sql_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      gpointer record = rapport_store_lookup (self, type, g_array_index (ids, gint64, i), NULL);

      if (record != NULL)
        g_ptr_array_add (items, record);
    }

  g_list_store_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                       items->pdata, items->len);
}

GPtrArray *
rapport_store_records_from (RapportStore  *self,
                            GType          type,
                            RapportSqlStmt  *stmt,
                            GError       **error)
{
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      gint64 id = rapport_sql_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  rapport_sql_reset (stmt);

  if (rc != RAPPORT_SQL_DONE)
    {
      rapport_store_set_error (self, rc, error);
      return NULL;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gpointer record = rapport_store_lookup (self, type, g_array_index (ids, gint64, i), error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (ret, record);
    }

  return g_steal_pointer (&ret);
}

/* Looking things up */

RapportDeal *
rapport_store_get_deal (RapportStore  *self,
                        gint64         id,
                        GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return rapport_store_lookup (self, RAPPORT_TYPE_DEAL, id, error);
}

RapportContact *
rapport_store_get_contact (RapportStore  *self,
                           gint64         id,
                           GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return rapport_store_lookup (self, RAPPORT_TYPE_CONTACT, id, error);
}

RapportOrganization *
rapport_store_get_organization (RapportStore  *self,
                                gint64         id,
                                GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return rapport_store_lookup (self, RAPPORT_TYPE_ORGANIZATION, id, error);
}

RapportActivity *
rapport_store_get_activity (RapportStore  *self,
                            gint64         id,
                            GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return rapport_store_lookup (self, RAPPORT_TYPE_ACTIVITY, id, error);
}

gboolean
rapport_store_list_contains (GListModel *list,
                             gint64      id)
{
  g_return_val_if_fail (RAPPORT_IS_RECORD_LIST (list), FALSE);

  return rapport_record_list_contains (RAPPORT_RECORD_LIST (list), id);
}


/* Prefix search for pickers */

static GPtrArray *
find_by_prefix (RapportStore  *self,
                GType          type,
                RapportStmt    which,
                const char    *prefix,
                guint          limit,
                GError       **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (prefix ? prefix : ""));
  g_autofree char *upper = g_strconcat (stripped, "\xf4\x8f\xbf\xbf", NULL);
  RapportSqlStmt *stmt = rapport_store_stmt (self, which);

  rapport_sql_bind_text (stmt, 1, stripped);
  rapport_sql_bind_text (stmt, 2, upper);
  rapport_sql_bind_int (stmt, 3, (int) MIN (limit, G_MAXINT));

  return rapport_store_records_from (self, type, stmt, error);
}

GPtrArray *
rapport_store_find_contacts_by_prefix (RapportStore  *self,
                                       const char    *prefix,
                                       guint          limit,
                                       GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return find_by_prefix (self, RAPPORT_TYPE_CONTACT, STMT_CONTACT_PREFIX, prefix, limit, error);
}

GPtrArray *
rapport_store_find_deals_by_prefix (RapportStore  *self,
                                    const char    *prefix,
                                    guint          limit,
                                    GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return find_by_prefix (self, RAPPORT_TYPE_DEAL, STMT_DEAL_PREFIX, prefix, limit, error);
}

GPtrArray *
rapport_store_find_organizations_by_prefix (RapportStore  *self,
                                            const char    *prefix,
                                            guint          limit,
                                            GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return find_by_prefix (self, RAPPORT_TYPE_ORGANIZATION, STMT_ORGANIZATION_PREFIX, prefix, limit, error);
}
