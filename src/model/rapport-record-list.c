/* rapport-record-list.c — a GListModel of records that follows the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Holds only ids: a stage with 20 000 deals costs 160 kB, and an object is
 * made (through the store's identity map) only when a view asks for one.
 */

#define G_LOG_DOMAIN "rapport-record-list"

#include "config.h"

#include "rapport-record-list.h"
#include "rapport-store-private.h"

struct _RapportRecordList
{
  GObject       parent_instance;

  RapportStore *store;
  GType         item_type;
  RapportStmt   query;
  const char   *sql;      /* instead of query when set; constant */
  const char   *sql_then; /* its ids follow those of sql; may be NULL */
  gint64        param;
  char         *text;
  GVariant     *args;     /* bound as ?1, ?2… instead of param and text */
  char         *tag;      /* ?3, when binds_tag */
  gboolean      binds_tag;
  GArray       *ids;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RapportRecordList, rapport_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
rapport_record_list_get_item_type (GListModel *model)
{
  return RAPPORT_RECORD_LIST (model)->item_type;
}

static guint
rapport_record_list_get_n_items (GListModel *model)
{
  return RAPPORT_RECORD_LIST (model)->ids->len;
}

static gpointer
rapport_record_list_get_item (GListModel *model,
                              guint       position)
{
  RapportRecordList *self = RAPPORT_RECORD_LIST (model);

  if (position >= self->ids->len)
    return NULL;

  return rapport_store_lookup (self->store, self->item_type,
                               g_array_index (self->ids, gint64, position), NULL);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rapport_record_list_get_item_type;
  iface->get_n_items = rapport_record_list_get_n_items;
  iface->get_item = rapport_record_list_get_item;
}

/* Binds each child of the tuple @args in turn: a maybe without a value
 * binds NULL. */
static void
bind_args (RapportSqlStmt *stmt,
           GVariant       *args)
{
  gsize n = g_variant_n_children (args);

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (args, i);
      g_autoptr(GVariant) value = NULL;
      int index = (int) i + 1;

      if (g_variant_is_of_type (child, G_VARIANT_TYPE_MAYBE))
        value = g_variant_get_maybe (child);
      else
        value = g_variant_ref (child);

      if (value == NULL)
        rapport_sql_bind_null (stmt, index);
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        rapport_sql_bind_int64 (stmt, index, g_variant_get_int64 (value));
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        rapport_sql_bind_text (stmt, index, g_variant_get_string (value, NULL));
      else
        g_return_if_reached ();
    }
}

static void
append_ids (RapportRecordList *self,
            RapportSqlStmt      *stmt,
            GArray            *ids)
{
  if (self->args != NULL)
    bind_args (stmt, self->args);
  else
    {
      if (self->param != 0)
        rapport_sql_bind_int64 (stmt, 1, self->param);
      if (self->sql != NULL)
        rapport_sql_bind_text (stmt, 2, self->text);
      /* Always: a cached statement keeps the last list's binding. */
      if (self->binds_tag)
        rapport_sql_bind_text (stmt, 3, self->tag);
    }

  while (rapport_sql_step (stmt) == RAPPORT_SQL_ROW)
    {
      gint64 id = rapport_sql_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  rapport_sql_reset (stmt);
}

static GArray *
query_ids (RapportRecordList *self)
{
  RapportSqlStmt *stmt = self->sql != NULL ? rapport_store_stmt_sql (self->store, self->sql)
                                          : rapport_store_stmt (self->store, self->query);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  append_ids (self, stmt, ids);
  if (self->sql_then != NULL)
    append_ids (self, rapport_store_stmt_sql (self->store, self->sql_then), ids);

  return ids;
}

/* Replaces the ids and tells views only what differs: the run between the
 * common head and the common tail, so a move redraws two rows, not all. */
void
rapport_record_list_reload (RapportRecordList *self)
{
  g_autoptr(GArray) old = NULL;
  GArray *ids;
  guint head = 0, tail = 0;

  g_return_if_fail (RAPPORT_IS_RECORD_LIST (self));

  ids = query_ids (self);

  while (head < MIN (self->ids->len, ids->len) &&
         g_array_index (self->ids, gint64, head) == g_array_index (ids, gint64, head))
    head++;
  while (tail < self->ids->len - head && tail < ids->len - head &&
         g_array_index (self->ids, gint64, self->ids->len - 1 - tail) ==
         g_array_index (ids, gint64, ids->len - 1 - tail))
    tail++;

  old = g_steal_pointer (&self->ids);
  self->ids = ids;

  if (head == old->len && head == ids->len)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), head,
                              old->len - head - tail, ids->len - head - tail);
}

static gboolean
contains_id (RapportRecordList *self,
             gint64             id)
{
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

/* A change to one deal concerns a stage's list only if the deal is in it
 * or belongs in it now: on a board of 100 000 deals, a move re-reads two
 * columns, not all of them. */
static gboolean
concerns_list (RapportRecordList *self,
               gint64             id)
{
  g_autoptr(RapportDeal) deal = NULL;

  if (id == 0 || self->sql != NULL || self->query != STMT_DEAL_IDS_OF_STAGE)
    return TRUE;
  if (contains_id (self, id))
    return TRUE;

  deal = rapport_store_lookup (self->store, RAPPORT_TYPE_DEAL, id, NULL);
  return deal == NULL ||
         (rapport_deal_get_stage_id (deal) == self->param &&
          rapport_deal_get_status (deal) == RAPPORT_DEAL_STATUS_OPEN);
}

static void
on_store_notice (RapportRecordList   *self,
                 const RapportNotice *notice,
                 RapportStore        *store)
{
  if (concerns_list (self, notice->id))
    rapport_record_list_reload (self);
}

static void
rapport_record_list_finalize (GObject *object)
{
  RapportRecordList *self = RAPPORT_RECORD_LIST (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->args, g_variant_unref);
  g_clear_pointer (&self->tag, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_record_list_parent_class)->finalize (object);
}

static void
rapport_record_list_class_init (RapportRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_record_list_finalize;
}

static void
rapport_record_list_init (RapportRecordList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static GListModel *
record_list_new (RapportStore *store,
                 GType         item_type,
                 RapportStmt   query,
                 const char   *sql,
                 const char   *sql_then,
                 gint64        param,
                 const char   *text,
                 gboolean      binds_tag,
                 const char   *tag,
                 GVariant     *args)
{
  RapportRecordList *self;
  g_autofree char *signal = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (item_type, RAPPORT_TYPE_RECORD), NULL);

  self = g_object_new (RAPPORT_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->item_type = item_type;
  self->query = query;
  self->sql = sql;
  self->sql_then = sql_then;
  self->param = param;
  self->text = g_strdup (text);
  self->binds_tag = binds_tag;
  self->tag = g_strdup (tag);
  self->args = args != NULL ? g_variant_ref_sink (args) : NULL;

  g_array_unref (self->ids);
  self->ids = query_ids (self);

  signal = g_strdup_printf ("notice::%s", rapport_entity_get_nick (rapport_entity_of_type (item_type)));
  g_signal_connect_object (store, signal, G_CALLBACK (on_store_notice), self, G_CONNECT_SWAPPED);

  return G_LIST_MODEL (self);
}

GListModel *
rapport_record_list_new (RapportStore *store,
                         GType         item_type,
                         RapportStmt   query,
                         gint64        param)
{
  return record_list_new (store, item_type, query, NULL, NULL, param, NULL, FALSE, NULL, NULL);
}

GListModel *
rapport_record_list_new_sql (RapportStore *store,
                             GType         item_type,
                             const char   *sql,
                             gint64        param,
                             const char   *text)
{
  g_return_val_if_fail (sql != NULL, NULL);

  return record_list_new (store, item_type, N_STMTS, sql, NULL, param, text, FALSE, NULL, NULL);
}

GListModel *
rapport_record_list_new_sql_then (RapportStore *store,
                                  GType         item_type,
                                  const char   *sql,
                                  const char   *sql_then,
                                  gint64        param,
                                  const char   *text)
{
  g_return_val_if_fail (sql != NULL, NULL);

  return record_list_new (store, item_type, N_STMTS, sql, sql_then, param, text, FALSE, NULL, NULL);
}

GListModel *
rapport_record_list_new_args (RapportStore *store,
                              GType         item_type,
                              const char   *sql,
                              const char   *sql_then,
                              GVariant     *args)
{
  g_return_val_if_fail (sql != NULL, NULL);
  g_return_val_if_fail (args != NULL && g_variant_is_of_type (args, G_VARIANT_TYPE_TUPLE), NULL);

  return record_list_new (store, item_type, N_STMTS, sql, sql_then, 0, NULL, FALSE, NULL, args);
}

gboolean
rapport_record_list_contains (RapportRecordList *self,
                              gint64             id)
{
  g_return_val_if_fail (RAPPORT_IS_RECORD_LIST (self), FALSE);

  return contains_id (self, id);
}

gint64
rapport_record_list_get_id (RapportRecordList *self,
                            guint              position)
{
  g_return_val_if_fail (RAPPORT_IS_RECORD_LIST (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}

GListModel *
rapport_record_list_new_tagged (RapportStore *store,
                                GType         item_type,
                                const char   *sql,
                                const char   *sql_then,
                                gint64        param,
                                const char   *text,
                                const char   *tag)
{
  g_return_val_if_fail (sql != NULL, NULL);

  return record_list_new (store, item_type, N_STMTS, sql, sql_then, param, text, TRUE, tag, NULL);
}
