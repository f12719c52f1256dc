/* rapport-team-conflicts.c — a conflict of the team's resolved on this desktop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pull keeps the field this desktop changed and lists the teammate's
 * value it overwrote (rapport-team-apply.c). The user then keeps theirs
 * (the row goes) or takes the teammate's: an edit like any other, checked
 * by the store's rules and written while the change log is on, so it is
 * logged and pushed, and ordered after the teammate's on the server.
 *
 * A conflict's values are the log's JSON text: a reference is the uid of
 * what it refers to, found here by a constant statement per table.
 */

#define G_LOG_DOMAIN "rapport-team"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-contact.h"
#include "rapport-deal.h"
#include "rapport-organization.h"
#include "rapport-stage.h"
#include "rapport-sqlite-private.h"
#include "rapport-store-change-log.h"

RapportTeamConflict *
rapport_team_conflict_copy (const RapportTeamConflict *conflict)
{
  RapportTeamConflict *copy = g_new0 (RapportTeamConflict, 1);

  copy->field = g_strdup (conflict->field);
  copy->yours = g_strdup (conflict->yours);
  copy->theirs = g_strdup (conflict->theirs);
  copy->author = g_strdup (conflict->author);
  copy->at = conflict->at;
  return copy;
}

static const char *
table_of (RapportEntity entity)
{
  switch (entity)
    {
    case RAPPORT_ENTITY_DEAL:
      return "deal";
    case RAPPORT_ENTITY_CONTACT:
      return "contact";
    case RAPPORT_ENTITY_ORGANIZATION:
      return "organization";
    default:
      return NULL;
    }
}

static GType
type_of (RapportEntity entity)
{
  switch (entity)
    {
    case RAPPORT_ENTITY_DEAL:
      return RAPPORT_TYPE_DEAL;
    case RAPPORT_ENTITY_CONTACT:
      return RAPPORT_TYPE_CONTACT;
    case RAPPORT_ENTITY_ORGANIZATION:
      return RAPPORT_TYPE_ORGANIZATION;
    default:
      return G_TYPE_INVALID;
    }
}

gint64
rapport_store_id_of_uid (RapportStore  *self,
                         RapportEntity  entity,
                         const char    *uid)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);

  if (uid == NULL)
    return 0;
  /* One constant statement per table: the table is never bound text. */
  switch (entity)
    {
    case RAPPORT_ENTITY_DEAL:
      stmt = rapport_store_stmt_sql (self, "SELECT id FROM deal WHERE uid = ?1");
      break;
    case RAPPORT_ENTITY_CONTACT:
      stmt = rapport_store_stmt_sql (self, "SELECT id FROM contact WHERE uid = ?1");
      break;
    case RAPPORT_ENTITY_ORGANIZATION:
      stmt = rapport_store_stmt_sql (self, "SELECT id FROM organization WHERE uid = ?1");
      break;
    case RAPPORT_ENTITY_STAGE:
      stmt = rapport_store_stmt_sql (self, "SELECT id FROM stage WHERE uid = ?1");
      break;
    default:
      g_return_val_if_reached (0);
    }

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return id;
}

/* The property a log field is written through: "contact" is the
 * reference contact-id, "expected_close" the property expected-close;
 * NULL when the record has none. */
static char *
property_of (GType       type,
             const char *field)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree char *name = g_strdelimit (g_strdup (field), "_", '-');
  g_autofree char *reference = g_strconcat (name, "-id", NULL);

  if (g_object_class_find_property (G_OBJECT_CLASS (klass), reference) != NULL)
    return g_steal_pointer (&reference);
  if (g_object_class_find_property (G_OBJECT_CLASS (klass), name) != NULL)
    return g_steal_pointer (&name);
  return NULL;
}

static RapportEntity
target_of (const char *property)
{
  if (g_str_equal (property, "stage-id"))
    return RAPPORT_ENTITY_STAGE;
  if (g_str_equal (property, "contact-id"))
    return RAPPORT_ENTITY_CONTACT;
  if (g_str_equal (property, "organization-id"))
    return RAPPORT_ENTITY_ORGANIZATION;
  return RAPPORT_ENTITY_LAST + 1;
}

gboolean
rapport_store_conflict_can_take (RapportEntity  entity,
                                 const char    *field)
{
  GType type = type_of (entity);
  g_autofree char *property = NULL;

  g_return_val_if_fail (field != NULL, FALSE);

  if (type == G_TYPE_INVALID || (property = property_of (type, field)) == NULL)
    return FALSE;
  /* A stage is taken by a move, with its own rules and history. */
  if (entity == RAPPORT_ENTITY_DEAL && g_str_equal (property, "stage-id"))
    return TRUE;
  return rapport_store_is_editable (type, property);
}

/* @json (a conflict's value) as a value of @pspec; a reference's uid
 * turned into the local id. */
static gboolean
value_from_json (RapportStore  *self,
                 GParamSpec    *pspec,
                 const char    *json,
                 GValue        *value,
                 GError       **error)
{
  GType type = pspec->value_type;
  RapportEntity target = target_of (pspec->name);
  gint64 number = 0;

  g_value_init (value, type);
  if (type == G_TYPE_STRING)
    {
      g_value_set_string (value, json);
      return TRUE;
    }
  if (target <= RAPPORT_ENTITY_LAST)
    {
      number = rapport_store_id_of_uid (self, target, json);
      if (json != NULL && number == 0)
        return rapport_store_invalid (error, _("The teammate’s value refers to a record this file no longer has"));
    }
  else if (json != NULL && g_str_equal (json, "true"))
    number = 1;
  else if (json != NULL && !g_str_equal (json, "false") &&
           !g_ascii_string_to_signed (json, 10, G_MININT64, G_MAXINT64, &number, NULL))
    return rapport_store_invalid (error, _("The teammate’s value is not one this field can hold"));

  if (type == G_TYPE_INT64)
    g_value_set_int64 (value, number);
  else if (type == G_TYPE_INT)
    g_value_set_int (value, (int) number);
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, number != 0);
  else if (G_TYPE_IS_ENUM (type))
    g_value_set_enum (value, (int) number);
  else
    return rapport_store_invalid (error, _("The teammate’s value is not one this field can hold"));
  return TRUE;
}

/* The conflict on @field of the record @uid; NULL when there is none
 * (resolved meanwhile, here or by another program). */
static RapportTeamConflict *
find_conflict (RapportStore  *self,
               RapportEntity  entity,
               gint64         id,
               const char    *field)
{
  g_autoptr(GPtrArray) conflicts = rapport_store_get_conflicts (self, entity, id);

  for (guint i = 0; i < conflicts->len; i++)
    {
      RapportTeamConflict *conflict = conflicts->pdata[i];

      if (g_str_equal (conflict->field, field))
        return rapport_team_conflict_copy (conflict);
    }
  return NULL;
}

static gboolean
delete_conflict (RapportStore  *self,
                 RapportEntity  entity,
                 const char    *uid,
                 const char    *field,
                 GError       **error)
{
  sqlite3_stmt *stmt = rapport_store_stmt_sql (self, "DELETE FROM team_conflict WHERE entity = ?1 AND uid = ?2 AND field = ?3");

  sqlite3_bind_text (stmt, 1, table_of (entity), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_TRANSIENT);
  return rapport_store_step_done (self, stmt, error);
}

static gboolean
insert_conflict (RapportStore              *self,
                 RapportEntity              entity,
                 const char                *uid,
                 const RapportTeamConflict *conflict,
                 GError                   **error)
{
  sqlite3_stmt *stmt;

  if (!delete_conflict (self, entity, uid, conflict->field, error))
    return FALSE;
  stmt = rapport_store_stmt_sql (self,
                                 "INSERT INTO team_conflict (entity, uid, field, yours, theirs, author, at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  sqlite3_bind_text (stmt, 1, table_of (entity), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, conflict->field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, conflict->yours, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, conflict->theirs, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, conflict->author, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, conflict->at);
  return rapport_store_step_done (self, stmt, error);
}

static gboolean
no_conflict (GError **error)
{
  g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
               _("That field has no conflict with the team any more"));
  return FALSE;
}

/* Writes @json into @field of the record and, in the same transaction,
 * drops its conflict (@conflict NULL) or lists @conflict again. */
static gboolean
write_field (RapportStore              *self,
             RapportEntity              entity,
             gint64                     id,
             const char                *uid,
             const char                *field,
             const char                *json,
             const RapportTeamConflict *conflict,
             GError                   **error)
{
  GType type = type_of (entity);
  g_autoptr(RapportRecord) record = rapport_store_lookup (self, type, id, error);
  g_autofree char *property = property_of (type, field);
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec;

  if (record == NULL)
    return FALSE;
  if (!rapport_store_conflict_can_take (entity, field))
    return rapport_store_invalid (error, _("This field is changed on the record itself, not from the team’s value"));
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);
  if (!value_from_json (self, pspec, json, &value, error))
    return FALSE;

  /* A stage is a move: its gates, history and after-sales plan are the
   * move's, in its own transaction. The conflict goes in the next; if
   * that failed, it would still be listed with the deal in the stage
   * taken, and taking it again moves nothing. */
  if (g_str_equal (property, "stage-id"))
    {
      g_autoptr(RapportStage) stage = rapport_store_get_stage (self, g_value_get_int64 (&value), error);

      if (stage == NULL ||
          !rapport_store_move_deal (self, RAPPORT_DEAL (record), stage, -1, error) ||
          !rapport_store_begin (self, error))
        return FALSE;
    }
  else if (!rapport_store_begin (self, error) ||
           !rapport_store_update_in_transaction (self, record, property, &value, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }

  if (!(conflict == NULL ? delete_conflict (self, entity, uid, field, error)
                         : insert_conflict (self, entity, uid, conflict, error)) ||
      !rapport_store_commit (self, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }

  rapport_store_reload_record (self, record, NULL);
  rapport_store_notify (self, entity, RAPPORT_CHANGE_UPDATED, id);
  return TRUE;
}

gboolean
rapport_store_take_theirs (RapportStore  *self,
                           RapportEntity  entity,
                           gint64         id,
                           const char    *field,
                           GError       **error)
{
  g_autoptr(RapportTeamConflict) conflict = NULL;
  g_autofree char *uid = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (table_of (entity) != NULL, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  conflict = find_conflict (self, entity, id, field);
  if (conflict == NULL)
    return no_conflict (error);
  uid = rapport_store_get_uid (self, entity, id);

  return write_field (self, entity, id, uid, field, conflict->theirs, NULL, error);
}

typedef struct
{
  RapportEntity  entity;
  const char    *uid;
  const char    *field;
} Dismissal;

static gboolean
write_dismissal (RapportStore  *self,
                 gpointer       data,
                 GError       **error)
{
  Dismissal *dismissal = data;

  return delete_conflict (self, dismissal->entity, dismissal->uid, dismissal->field, error);
}

gboolean
rapport_store_dismiss_conflict (RapportStore  *self,
                                RapportEntity  entity,
                                gint64         id,
                                const char    *field,
                                GError       **error)
{
  g_autoptr(RapportTeamConflict) conflict = NULL;
  g_autofree char *uid = NULL;
  Dismissal dismissal = { entity, NULL, field };

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (table_of (entity) != NULL, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  conflict = find_conflict (self, entity, id, field);
  if (conflict == NULL)
    return no_conflict (error);
  uid = rapport_store_get_uid (self, entity, id);
  dismissal.uid = uid;
  if (!rapport_store_write (self, write_dismissal, &dismissal, error))
    return FALSE;

  rapport_store_notify (self, entity, RAPPORT_CHANGE_UPDATED, id);
  return TRUE;
}

typedef struct
{
  RapportEntity              entity;
  const char                *uid;
  const RapportTeamConflict *conflict;
} Restoral;

static gboolean
write_restoral (RapportStore  *self,
                gpointer       data,
                GError       **error)
{
  Restoral *restoral = data;

  return insert_conflict (self, restoral->entity, restoral->uid, restoral->conflict, error);
}

gboolean
rapport_store_restore_conflict (RapportStore               *self,
                                RapportEntity               entity,
                                gint64                      id,
                                const RapportTeamConflict  *conflict,
                                gboolean                    put_yours_back,
                                GError                    **error)
{
  g_autofree char *uid = NULL;
  Restoral restoral = { entity, NULL, conflict };

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (table_of (entity) != NULL, FALSE);
  g_return_val_if_fail (conflict != NULL, FALSE);

  uid = rapport_store_get_uid (self, entity, id);
  if (uid == NULL)
    return rapport_store_invalid (error, _("The record is not one of the team’s"));
  if (put_yours_back)
    return write_field (self, entity, id, uid, conflict->field, conflict->yours, conflict, error);

  restoral.uid = uid;
  if (!rapport_store_write (self, write_restoral, &restoral, error))
    return FALSE;
  rapport_store_notify (self, entity, RAPPORT_CHANGE_UPDATED, id);
  return TRUE;
}
