/* rapport-store-activity-report.c — the activities done in a report's periods, with their owners
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An activity counts for its deal's owner, else its contact's. Joining
 * every activity to its deal (and some to their contact) was a third of
 * the whole summary on two years of demo activities: tens of thousands of
 * look-ups for a few thousand deals. So the activities are read alone from
 * their covering index, and each distinct deal, then each distinct
 * contact still needed, is looked up once, all in one statement per table
 * over a JSON array of their ids (bound, never written into the SQL).
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"


#include "rapport-report-private.h"

#define ACTIVITIES_SQL \
  "SELECT a.kind, a.done_at, a.deal_id, a.contact_id FROM activity a" \
  " WHERE a.done_at >= ?1 AND a.done_at < ?2 AND a.rule = 0"

#define DEAL_OWNERS_SQL \
  "SELECT d.id, d.owner, d.stage_id FROM json_each(?1) j JOIN deal d ON d.id = j.value"

#define CONTACT_OWNERS_SQL \
  "SELECT c.id, c.owner FROM json_each(?1) j JOIN contact c ON c.id = j.value"

typedef struct
{
  int    kind;
  int    period;
  int    deal;       /* slot in the deals' IdSet, or -1 */
  gint64 contact;    /* 0 for none */
} Done;

/* The distinct ids of deals or contacts, each in a slot of its own, with
 * what was found for it. An open-addressing table of ids (never 0): the
 * activities bring tens of thousands of ids, mostly repeated, and a GHashTable
 * of boxed 64-bit keys or a sort of them cost more than the look-ups saved.
 * It starts small and doubles, so even a small test's data makes it grow. */
typedef struct
{
  gint64      *keys;      /* capacity; 0 = empty */
  int         *slots;     /* capacity */
  guint        mask;
  GArray      *ids;       /* gint64, by slot */
  GPtrArray   *owners;    /* interned or NULL, by slot */
  GArray      *stages;    /* gint64, by slot (deals only) */
  GArray      *found;     /* gboolean, by slot */
} IdSet;

static void
id_set_init (IdSet *set)
{
  guint capacity = 64;

  set->keys = g_new0 (gint64, capacity);
  set->slots = g_new (int, capacity);
  set->mask = capacity - 1;
  set->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  set->owners = g_ptr_array_new ();
  set->stages = g_array_new (FALSE, TRUE, sizeof (gint64));
  set->found = g_array_new (FALSE, TRUE, sizeof (gboolean));
}

static void
id_set_clear (IdSet *set)
{
  g_clear_pointer (&set->keys, g_free);
  g_clear_pointer (&set->slots, g_free);
  g_clear_pointer (&set->ids, g_array_unref);
  g_clear_pointer (&set->owners, g_ptr_array_unref);
  g_clear_pointer (&set->stages, g_array_unref);
  g_clear_pointer (&set->found, g_array_unref);
}

static guint
id_hash (gint64 id)
{
  guint64 x = (guint64) id * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  return (guint) (x >> 32);
}

static void
id_set_put (IdSet  *set,
            gint64  id,
            int     slot)
{
  guint i = id_hash (id) & set->mask;

  while (set->keys[i] != 0)
    i = (i + 1) & set->mask;
  set->keys[i] = id;
  set->slots[i] = slot;
}

/* Twice the room, when the ids reach half of it, so a probe always ends
 * at an empty key. */
static void
id_set_grow (IdSet *set)
{
  guint capacity = (set->mask + 1) * 2;

  g_free (set->keys);
  g_free (set->slots);
  set->keys = g_new0 (gint64, capacity);
  set->slots = g_new (int, capacity);
  set->mask = capacity - 1;
  for (guint slot = 0; slot < set->ids->len; slot++)
    id_set_put (set, g_array_index (set->ids, gint64, slot), (int) slot);
}

/* The slot of @id, or -1; with @add, a new slot for a new id. */
static int
id_set_slot (IdSet    *set,
             gint64    id,
             gboolean  add)
{
  guint i = id_hash (id) & set->mask;

  while (set->keys[i] != 0)
    {
      if (set->keys[i] == id)
        return set->slots[i];
      i = (i + 1) & set->mask;
    }
  if (!add)
    return -1;

  if ((set->ids->len + 1) * 2 > set->mask + 1)
    {
      g_array_append_val (set->ids, id);
      id_set_grow (set);
    }
  else
    {
      set->keys[i] = id;
      set->slots[i] = (int) set->ids->len;
      g_array_append_val (set->ids, id);
    }
  g_ptr_array_add (set->owners, NULL);
  g_array_set_size (set->stages, set->ids->len);
  g_array_set_size (set->found, set->ids->len);

  return (int) set->ids->len - 1;
}

/* Where the statements run: the store's connection, or the side reader
 * when another thread reads the rest of the report meanwhile. */
typedef struct
{
  RapportStore    *store;
  RapportSideRead *side;
} Reader;

static RapportSqlStmt *
reader_stmt (const Reader *reader,
             const char   *sql)
{
  return reader->side != NULL ? rapport_side_read_stmt_sql (reader->side, sql)
                              : rapport_store_stmt_sql (reader->store, sql);
}

static gboolean
reader_error (const Reader  *reader,
              int            rc,
              GError       **error)
{
  return reader->side != NULL ? rapport_side_read_set_error (reader->side, rc, error)
                              : rapport_store_set_error (reader->store, rc, error);
}

static char *
ids_as_json (GArray *ids)
{
  GString *json = g_string_sized_new (ids->len * 7 + 2);

  g_string_append_c (json, '[');
  for (guint i = 0; i < ids->len; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_printf (json, "%" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
    }
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

static const char *
intern (GHashTable *names,
        const char *owner)
{
  char *interned;

  if (owner == NULL)
    return NULL;
  interned = g_hash_table_lookup (names, owner);
  if (interned == NULL)
    {
      interned = g_strdup (owner);
      g_hash_table_add (names, interned);
    }

  return interned;
}

/* Fills @set's owners (and stages, for deals) with one statement. */
static gboolean
read_owners (const Reader          *reader,
             const char            *sql,
             gboolean               with_stage,
             IdSet                 *set,
             GHashTable            *names,
             GError               **error)
{
  g_autofree char *json = NULL;
  RapportSqlStmt *stmt;
  int rc;

  if (set->ids->len == 0)
    return TRUE;

  json = ids_as_json (set->ids);
  stmt = reader_stmt (reader, sql);
  rapport_sql_bind_text (stmt, 1, json);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      int slot = id_set_slot (set, rapport_sql_column_int64 (stmt, 0), FALSE);

      if (slot < 0)
        continue;
      g_array_index (set->found, gboolean, slot) = TRUE;
      g_ptr_array_index (set->owners, slot) = (gpointer) intern (names, rapport_sql_column_text (stmt, 1));
      if (with_stage)
        g_array_index (set->stages, gint64, slot) = rapport_sql_column_int64 (stmt, 2);
    }
  rapport_sql_reset (stmt);

  if (rc != RAPPORT_SQL_DONE)
    return reader_error (reader, rc, error);

  return TRUE;
}

static gboolean
read_done (const Reader          *reader,
           RapportReportContext  *ctx,
           GArray                *done,
           IdSet                 *deals,
           GError               **error)
{
  RapportSqlStmt *stmt = reader_stmt (reader, ACTIVITIES_SQL);
  int n_kinds = (int) G_N_ELEMENTS (ctx->periods[0]->activities);
  int rc;

  rapport_report_bind (ctx, stmt, ctx->periods[1]->from, ctx->periods[0]->to, 0);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    {
      gint64 deal = rapport_sql_column_int64 (stmt, 2);
      Done row = {
        .kind = rapport_sql_column_int (stmt, 0),
        .period = rapport_report_period_of (ctx, rapport_sql_column_int64 (stmt, 1)),
        .deal = deal != 0 ? id_set_slot (deals, deal, TRUE) : -1,
        .contact = rapport_sql_column_int64 (stmt, 3),
      };

      if (row.period >= 0 && row.kind >= 0 && row.kind < n_kinds)
        g_array_append_val (done, row);
    }
  rapport_sql_reset (stmt);

  if (rc != RAPPORT_SQL_DONE)
    return reader_error (reader, rc, error);

  return TRUE;
}

/* Counts of the same period, kind and owner, handed on once each: the
 * owner is an interned pointer, so they gather in a small table by it. */
typedef struct
{
  const char *owner;
  guint       counts[2][RAPPORT_REPORT_N_ACTIVITY_KINDS];
} OwnerCounts;

static void
hand_on (GHashTable               *by_owner,
         RapportReportActivityFunc func,
         gpointer                  user_data)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, by_owner);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      OwnerCounts *owner = value;

      for (int p = 0; p < 2; p++)
        for (int k = 0; k < RAPPORT_REPORT_N_ACTIVITY_KINDS; k++)
          if (owner->counts[p][k] > 0)
            func (user_data, p, k, owner->owner, owner->counts[p][k]);
    }
}

gboolean
rapport_report_activities (RapportReportContext     *ctx,
                           RapportSideRead          *side,
                           RapportReportActivityFunc func,
                           gpointer                  user_data,
                           GError                  **error)
{
  g_autoptr(GArray) done = g_array_new (FALSE, FALSE, sizeof (Done));
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_owner = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  Reader reader = { ctx->store, side };
  IdSet deals, contacts;
  gboolean ok;

  id_set_init (&deals);
  id_set_init (&contacts);
  ok = read_done (&reader, ctx, done, &deals, error) &&
       read_owners (&reader, DEAL_OWNERS_SQL, TRUE, &deals, names, error);

  /* The contact's owner stands in where the deal gave none. */
  for (guint i = 0; ok && i < done->len; i++)
    {
      const Done *row = &g_array_index (done, Done, i);

      if ((row->deal < 0 || g_ptr_array_index (deals.owners, row->deal) == NULL) && row->contact != 0)
        id_set_slot (&contacts, row->contact, TRUE);
    }
  ok = ok && read_owners (&reader, CONTACT_OWNERS_SQL, FALSE, &contacts, names, error);

  for (guint i = 0; ok && i < done->len; i++)
    {
      const Done *row = &g_array_index (done, Done, i);
      gboolean has_deal = row->deal >= 0 && g_array_index (deals.found, gboolean, row->deal);
      const char *owner = has_deal ? g_ptr_array_index (deals.owners, row->deal) : NULL;
      OwnerCounts *counts;
      int c;

      /* An activity without a deal is of no pipeline. */
      if (ctx->pipeline_id != 0 &&
          (!has_deal ||
           rapport_report_stage_info (ctx, g_array_index (deals.stages, gint64, row->deal)).pipeline_id != ctx->pipeline_id))
        continue;
      if (owner == NULL && row->contact != 0 && (c = id_set_slot (&contacts, row->contact, FALSE)) >= 0)
        owner = g_ptr_array_index (contacts.owners, c);
      if (ctx->owner != NULL && g_strcmp0 (owner, ctx->owner) != 0)
        continue;

      counts = g_hash_table_lookup (by_owner, owner);
      if (counts == NULL)
        {
          counts = g_new0 (OwnerCounts, 1);
          counts->owner = owner;
          g_hash_table_insert (by_owner, (gpointer) owner, counts);
        }
      counts->counts[row->period][row->kind]++;
    }
  if (ok)
    hand_on (by_owner, func, user_data);

  id_set_clear (&deals);
  id_set_clear (&contacts);

  return ok;
}
