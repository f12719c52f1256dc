/* rapport-store-delete.c — a record deleted with what goes with it, and
 * brought back exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What goes with a record is what the schema's foreign keys say: a
 * contact's e-mails, phones, photo, tags, custom values, activities and
 * notes are deleted with
 * it (ON DELETE CASCADE), its deals stay without it (SET NULL). Before the
 * delete every such row is copied whole (RapportRows), and the ids of the
 * rows that only lose their link are noted; the undo inserts the copies
 * again and puts the links back, so what was there is there again: ids,
 * times, positions, the search index (its triggers follow the rows).
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-activity.h"
#include "rapport-contact.h"
#include "rapport-deal.h"
#include "rapport-negotiation-entry.h"
#include "rapport-note.h"
#include "rapport-organization.h"
#include "rapport-store-private.h"

/* A table whose rows name the record. */
typedef struct
{
  const char *table;
  const char *column;          /* the one that names the record */
  const char *capture_where;   /* its rows of the record (?1) */
  const char *links_sql;       /* SET NULL: the ids of the rows that lose the link; NULL: deleted with it */
  const char *relink_sql;      /* SET NULL: ?1 the record, ?2 the row */
  RapportEntity entity;        /* for the notices */
} Dependent;

#define MAX_DEPENDENTS 10

typedef struct
{
  RapportEntity    entity;
  const char      *table;
  GType          (*get_type) (void);
  Dependent        dependents[MAX_DEPENDENTS];
} Kind;

#define CASCADE(t, column, e) { t, column, column " = ?1", NULL, NULL, e }
#define SET_NULL(t, column, e) \
  { t, column, NULL, "SELECT id FROM " t " WHERE " column " = ?1", \
    "UPDATE " t " SET " column " = ?1 WHERE id = ?2", e }

static const Kind kinds[] = {
  { RAPPORT_ENTITY_CONTACT, "contact", rapport_contact_get_type, {
      CASCADE ("contact_email", "contact_id", RAPPORT_ENTITY_CONTACT),
      CASCADE ("contact_phone", "contact_id", RAPPORT_ENTITY_CONTACT),
      CASCADE ("contact_photo", "contact_id", RAPPORT_ENTITY_CONTACT),
      CASCADE ("record_tag", "contact_id", RAPPORT_ENTITY_CONTACT),
      CASCADE ("custom_value", "contact_id", RAPPORT_ENTITY_CONTACT),
      CASCADE ("activity", "contact_id", RAPPORT_ENTITY_ACTIVITY),
      CASCADE ("note", "contact_id", RAPPORT_ENTITY_NOTE),
      CASCADE ("satisfaction", "contact_id", RAPPORT_ENTITY_SATISFACTION),
      SET_NULL ("deal", "contact_id", RAPPORT_ENTITY_DEAL) } },
  { RAPPORT_ENTITY_ORGANIZATION, "organization", rapport_organization_get_type, {
      CASCADE ("note", "organization_id", RAPPORT_ENTITY_NOTE),
      CASCADE ("record_tag", "organization_id", RAPPORT_ENTITY_ORGANIZATION),
      CASCADE ("custom_value", "organization_id", RAPPORT_ENTITY_ORGANIZATION),
      SET_NULL ("contact", "organization_id", RAPPORT_ENTITY_CONTACT),
      SET_NULL ("deal", "organization_id", RAPPORT_ENTITY_DEAL) } },
  { RAPPORT_ENTITY_DEAL, "deal", rapport_deal_get_type, {
      CASCADE ("activity", "deal_id", RAPPORT_ENTITY_ACTIVITY),
      CASCADE ("note", "deal_id", RAPPORT_ENTITY_NOTE),
      CASCADE ("negotiation_entry", "deal_id", RAPPORT_ENTITY_NEGOTIATION_ENTRY),
      CASCADE ("stage_change", "deal_id", RAPPORT_ENTITY_DEAL),
      CASCADE ("deal_action", "deal_id", RAPPORT_ENTITY_DEAL_ACTION),
      CASCADE ("satisfaction", "deal_id", RAPPORT_ENTITY_SATISFACTION),
      SET_NULL ("deal", "repeat_of", RAPPORT_ENTITY_DEAL) } },
  { RAPPORT_ENTITY_ACTIVITY, "activity", rapport_activity_get_type, { { NULL } } },
  { RAPPORT_ENTITY_NOTE, "note", rapport_note_get_type, { { NULL } } },
  { RAPPORT_ENTITY_NEGOTIATION_ENTRY, "negotiation_entry", rapport_negotiation_entry_get_type, { { NULL } } },
};

struct _RapportDeleteUndo
{
  const Kind  *kind;
  gint64       id;
  RapportRows *row;
  RapportRows *cascaded[MAX_DEPENDENTS];
  GArray      *unlinked[MAX_DEPENDENTS];   /* gint64 ids */
};

void
rapport_delete_undo_free (RapportDeleteUndo *undo)
{
  if (undo == NULL)
    return;

  rapport_rows_free (undo->row);
  for (guint i = 0; i < MAX_DEPENDENTS; i++)
    {
      rapport_rows_free (undo->cascaded[i]);
      g_clear_pointer (&undo->unlinked[i], g_array_unref);
    }
  g_free (undo);
}

static const Kind *
kind_of (RapportEntity entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].entity == entity)
      return &kinds[i];
  return NULL;
}

static GArray *
read_ids (RapportStore  *self,
          const char    *sql,
          gint64         id,
          GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, sql);
  int rc;

  rapport_sql_bind_int64 (stmt, 1, id);
  while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
    g_array_append_val (ids, ((gint64) { rapport_sql_column_int64 (stmt, 0) }));
  rapport_sql_reset (stmt);
  if (rc != RAPPORT_SQL_DONE)
    {
      rapport_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
not_found (RapportEntity   entity,
           gint64          id,
           GError        **error)
{
  long long n = id;

  switch ((int) entity)
    {
    case RAPPORT_ENTITY_DEAL:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                   _("There is no deal with the id %lld; nothing was deleted"), n);
      break;
    case RAPPORT_ENTITY_CONTACT:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                   _("There is no contact with the id %lld; nothing was deleted"), n);
      break;
    case RAPPORT_ENTITY_ORGANIZATION:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                   _("There is no organization with the id %lld; nothing was deleted"), n);
      break;
    case RAPPORT_ENTITY_ACTIVITY:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                   _("There is no activity with the id %lld; nothing was deleted"), n);
      break;
    case RAPPORT_ENTITY_NOTE:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                   _("There is no note with the id %lld; nothing was deleted"), n);
      break;
    default:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                   _("There is no negotiation entry with the id %lld; nothing was deleted"), n);
      break;
    }
  return FALSE;
}

/* Everything the undo needs, read before the delete. */
static gboolean
capture (RapportStore       *self,
         RapportDeleteUndo  *undo,
         GError            **error)
{
  const Kind *kind = undo->kind;

  if ((undo->row = rapport_store_rows_capture (self, kind->table, "id = ?1", undo->id, error)) == NULL)
    return FALSE;
  if (rapport_rows_get_n_rows (undo->row) != 1)
    return not_found (kind->entity, undo->id, error);

  for (guint i = 0; i < MAX_DEPENDENTS && kind->dependents[i].table != NULL; i++)
    {
      const Dependent *dependent = &kind->dependents[i];

      if (dependent->links_sql == NULL)
        undo->cascaded[i] = rapport_store_rows_capture (self, dependent->table, dependent->capture_where,
                                                        undo->id, error);
      else
        undo->unlinked[i] = read_ids (self, dependent->links_sql, undo->id, error);
      if (undo->cascaded[i] == NULL && undo->unlinked[i] == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_delete (RapportStore  *self,
              gpointer       data,
              GError       **error)
{
  RapportDeleteUndo *undo = data;
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", undo->kind->table);
  RapportSqlStmt *stmt;

  if (!capture (self, undo, error))
    return FALSE;
  stmt = rapport_store_stmt_sql (self, sql);
  rapport_sql_bind_int64 (stmt, 1, undo->id);
  return rapport_store_step_done (self, stmt, error);
}

/* The record's notices, and its dependents' kinds told to reload. */
static void
notify (RapportStore      *self,
        RapportDeleteUndo *undo,
        RapportChange      change)
{
  const Kind *kind = undo->kind;

  if (change == RAPPORT_CHANGE_REMOVED)
    {
      RapportRecord *live = rapport_store_peek_live (self, kind->get_type (), undo->id);

      if (live != NULL)
        rapport_store_forget (self, live);
    }
  for (guint i = 0; i < MAX_DEPENDENTS && kind->dependents[i].table != NULL; i++)
    {
      const Dependent *dependent = &kind->dependents[i];
      gboolean touched = dependent->links_sql != NULL ? undo->unlinked[i]->len > 0
                                                      : rapport_rows_get_n_rows (undo->cascaded[i]) > 0;

      if (touched && dependent->entity != kind->entity)
        rapport_store_notify (self, dependent->entity, RAPPORT_CHANGE_RELOAD, 0);
    }
  /* The triggers moved contacts' last and next dates with the activities. */
  rapport_store_reload_all_live (self);
  rapport_store_notify (self, kind->entity, change, undo->id);
}

gboolean
rapport_store_delete_record (RapportStore        *self,
                             RapportEntity        entity,
                             gint64               id,
                             RapportDeleteUndo  **undo_out,
                             GError             **error)
{
  g_autoptr(RapportDeleteUndo) undo = g_new0 (RapportDeleteUndo, 1);

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind_of (entity) != NULL, FALSE);

  undo->kind = kind_of (entity);
  undo->id = id;
  if (!rapport_store_write (self, write_delete, undo, error))
    return FALSE;

  notify (self, undo, RAPPORT_CHANGE_REMOVED);
  if (undo_out != NULL)
    *undo_out = g_steal_pointer (&undo);
  return TRUE;
}

gboolean
rapport_store_id_is_taken (RapportStore *self,
                           const char   *table,
                           gint64        id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = ?1", table);
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, sql);

  rapport_sql_bind_int64 (stmt, 1, id);
  return rapport_store_step_int64 (self, stmt, 0) > 0;
}

/* The record first, under its own id; or, when a record made since took
 * that id (SQLite gives a new row the highest id plus one, so deleting
 * the newest frees its id), under a new one, which what went with it and
 * what named it point to instead. */
static gboolean
write_restore (RapportStore  *self,
               gpointer       data,
               GError       **error)
{
  RapportDeleteUndo *undo = data;
  const Kind *kind = undo->kind;

  if (!rapport_store_id_is_taken (self, kind->table, undo->id))
    {
      if (!rapport_store_rows_insert (self, undo->row, error))
        return FALSE;
    }
  else
    {
      if (!rapport_store_rows_insert_as (self, undo->row, "id", 0, error))
        return FALSE;
      undo->id = rapport_store_last_id (self);
    }

  for (guint i = 0; i < MAX_DEPENDENTS && kind->dependents[i].table != NULL; i++)
    {
      if (undo->cascaded[i] != NULL &&
          !rapport_store_rows_insert_as (self, undo->cascaded[i], kind->dependents[i].column, undo->id, error))
        return FALSE;
      for (guint j = 0; undo->unlinked[i] != NULL && j < undo->unlinked[i]->len; j++)
        {
          RapportSqlStmt *stmt = rapport_store_stmt_sql (self, kind->dependents[i].relink_sql);

          rapport_sql_bind_int64 (stmt, 1, undo->id);
          rapport_sql_bind_int64 (stmt, 2, g_array_index (undo->unlinked[i], gint64, j));
          if (!rapport_store_step_done (self, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
rapport_store_undo_delete (RapportStore       *self,
                           RapportDeleteUndo  *undo,
                           GError            **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  if (!rapport_store_write (self, write_restore, undo, error))
    return FALSE;

  notify (self, undo, RAPPORT_CHANGE_ADDED);
  return TRUE;
}

static gboolean
count (RapportStore  *self,
       const char    *table,
       const char    *where,
       gint64         id,
       guint         *n,
       GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s", table, where);
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, sql);
  int rc;

  rapport_sql_bind_int64 (stmt, 1, id);
  rc = rapport_sql_step (stmt);
  *n = rc == RAPPORT_SQL_ROW ? (guint) rapport_sql_column_int64 (stmt, 0) : 0;
  rapport_sql_reset (stmt);
  if (rc != RAPPORT_SQL_ROW)
    return rapport_store_set_error (self, rc, error);
  return TRUE;
}

gboolean
rapport_store_count_delete (RapportStore          *self,
                            RapportEntity          entity,
                            gint64                 id,
                            RapportDeleteEffects  *effects,
                            GError               **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind_of (entity) != NULL, FALSE);

  memset (effects, 0, sizeof *effects);
  switch ((int) entity)
    {
    case RAPPORT_ENTITY_CONTACT:
      return count (self, "activity", "contact_id = ?1", id, &effects->activities, error) &&
             count (self, "note", "contact_id = ?1", id, &effects->notes, error) &&
             count (self, "deal", "contact_id = ?1", id, &effects->deals_kept, error);
    case RAPPORT_ENTITY_ORGANIZATION:
      return count (self, "note", "organization_id = ?1", id, &effects->notes, error) &&
             count (self, "contact", "organization_id = ?1", id, &effects->contacts_kept, error) &&
             count (self, "deal", "organization_id = ?1", id, &effects->deals_kept, error);
    case RAPPORT_ENTITY_DEAL:
      return count (self, "activity", "deal_id = ?1", id, &effects->activities, error) &&
             count (self, "note", "deal_id = ?1", id, &effects->notes, error) &&
             count (self, "negotiation_entry", "deal_id = ?1", id, &effects->negotiation_entries, error);
    default:
      return TRUE;
    }
}

/* Erase: a person gone for good */

/* Text shorter than this is not looked for in notes and titles: "Al"
 * would take every note with "also" with it. */
#define MIN_NEEDLE 4

static const char * const scrub_sql[] = {
  "DELETE FROM note WHERE instr(lower(body), lower(?1)) > 0",
  "DELETE FROM activity WHERE instr(lower(title), lower(?1)) > 0"
  " OR instr(lower(coalesce(note, '')), lower(?1)) > 0",
  "DELETE FROM negotiation_entry WHERE instr(lower(coalesce(text, '')), lower(?1)) > 0",
  "UPDATE deal SET title = replace(title, ?1, ?2) WHERE instr(title, ?1) > 0",
  "UPDATE deal SET lost_reason = replace(lost_reason, ?1, ?2) WHERE instr(lost_reason, ?1) > 0",
  "UPDATE deal SET bant_budget_note = replace(bant_budget_note, ?1, ?2) WHERE instr(bant_budget_note, ?1) > 0",
  "UPDATE deal SET bant_authority_note = replace(bant_authority_note, ?1, ?2)"
  " WHERE instr(bant_authority_note, ?1) > 0",
  "UPDATE deal SET bant_need_note = replace(bant_need_note, ?1, ?2) WHERE instr(bant_need_note, ?1) > 0",
  "UPDATE deal SET bant_timeline_note = replace(bant_timeline_note, ?1, ?2) WHERE instr(bant_timeline_note, ?1) > 0",
};

typedef struct
{
  gint64     id;
  GPtrArray *needles;   /* the name, e-mails and phones (owned strings) */
} Erase;

static gboolean
read_needles (RapportStore  *self,
              Erase         *erase,
              GError       **error)
{
  static const char * const sql[] = {
    "SELECT name FROM contact WHERE id = ?1",
    "SELECT value FROM contact_email WHERE contact_id = ?1",
    "SELECT value FROM contact_phone WHERE contact_id = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      RapportSqlStmt *stmt = rapport_store_stmt_sql (self, sql[i]);
      int rc;

      rapport_sql_bind_int64 (stmt, 1, erase->id);
      while ((rc = rapport_sql_step (stmt)) == RAPPORT_SQL_ROW)
        {
          g_autofree char *text = g_strstrip (g_strdup (rapport_sql_column_text (stmt, 0)));

          if (g_utf8_strlen (text, -1) >= MIN_NEEDLE)
            g_ptr_array_add (erase->needles, g_steal_pointer (&text));
        }
      rapport_sql_reset (stmt);
      if (rc != RAPPORT_SQL_DONE)
        return rapport_store_set_error (self, rc, error);
    }
  return TRUE;
}

static gboolean
write_erase (RapportStore  *self,
             gpointer       data,
             GError       **error)
{
  Erase *erase = data;
  RapportSqlStmt *stmt;

  if (!rapport_store_id_is_taken (self, "contact", erase->id))
    return not_found (RAPPORT_ENTITY_CONTACT, erase->id, error);
  if (!read_needles (self, erase, error))
    return FALSE;

  /* The contact first: what is linked to it goes by its foreign keys. */
  stmt = rapport_store_stmt_sql (self, "DELETE FROM contact WHERE id = ?1");
  rapport_sql_bind_int64 (stmt, 1, erase->id);
  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;

  /* Then what names them elsewhere: notes, activities and negotiation
   * entries that mention them go; a deal keeps its title with their name
   * taken out. */
  for (guint n = 0; n < erase->needles->len; n++)
    for (guint i = 0; i < G_N_ELEMENTS (scrub_sql); i++)
      {
        stmt = rapport_store_stmt_sql (self, scrub_sql[i]);
        rapport_sql_bind_text (stmt, 1, erase->needles->pdata[n]);
        /* Translators: what stands in a deal's title for an erased name. */
        rapport_sql_bind_text (stmt, 2, _("(erased)"));
        if (!rapport_store_step_done (self, stmt, error))
          return FALSE;
      }
  return TRUE;
}

gboolean
rapport_store_erase_contact (RapportStore  *self,
                             gint64         id,
                             gboolean      *bytes_gone,
                             GError       **error)
{
  g_autoptr(GPtrArray) needles = g_ptr_array_new_with_free_func (g_free);
  Erase erase = { id, needles };
  gboolean wal_emptied = FALSE;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (!rapport_store_write_scrubbed (self, write_erase, &erase, &wal_emptied, error))
    return FALSE;
  if (bytes_gone != NULL)
    *bytes_gone = wal_emptied;

  rapport_store_reload_everything (self);
  return TRUE;
}
