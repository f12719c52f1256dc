/* rapport-store-change-log.h — global ids and the change log (team mode)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every record of a team's file has a uid, a UUID the team knows it by
 * (given when the record is made, or when the file joins; a file from
 * before version 16 gave its records theirs when it was upgraded). While
 * the log is on (a file that belongs to a team), every change by any
 * writer is
 * logged in the change's own transaction: what changed, keyed by uid,
 * with references as uids (see src/model/sqlite/rapport-change-log.c).
 * The sync sends the log to the team's server and deletes what the
 * server has acknowledged.
 */

#pragma once

#include "rapport-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  seq;      /* the log's order, from 1 */
  char   *entity;   /* the table: "deal", "contact_email"… */
  char   *key;      /* JSON: {"uid": …}, or a part's key */
  char   *op;       /* "insert", "update" or "delete" */
  char   *fields;   /* JSON of the values written (only the changed ones
                     * for an update of a record); NULL for a delete */
  gint64  at;       /* when, in seconds since 1970 (UTC) */
} RapportLoggedChange;

void       rapport_logged_change_free                 (RapportLoggedChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportLoggedChange, rapport_logged_change_free)

gboolean   rapport_store_get_change_log_active (RapportStore  *self);
gboolean   rapport_store_set_change_log_active (RapportStore  *self,
                                                gboolean       active,
                                                GError       **error);
/* At most @limit changes after @after_seq, oldest first (element type
 * RapportLoggedChange). */
GPtrArray *rapport_store_read_changes          (RapportStore  *self,
                                                gint64         after_seq,
                                                guint          limit,
                                                GError       **error);
/* Forgets the changes up to @seq (the server has them). */
gboolean   rapport_store_forget_changes        (RapportStore  *self,
                                                gint64         seq,
                                                GError       **error);
/* The uid of the deal, contact or organization @id; NULL if none (or the
 * record was made while the file was in no team). */
char      *rapport_store_get_uid               (RapportStore  *self,
                                                RapportEntity  entity,
                                                gint64         id);

/* The team's server this file works with (a libpq connection string with
 * no password), or NULL; kept in the file, never sent to the team. */
char      *rapport_store_get_team_server       (RapportStore  *self);
gboolean   rapport_store_set_team_server       (RapportStore  *self,
                                                const char    *conninfo,
                                                GError       **error);

/* Values of this desktop's own about its team ("team-user",
 * "team-desktop", "team-last-seen"…: a key starting with "team-"), never
 * sent to the team; NULL when unset. */
char      *rapport_store_get_team_value        (RapportStore  *self,
                                                const char    *key);
gboolean   rapport_store_set_team_value        (RapportStore  *self,
                                                const char    *key,
                                                const char    *value,
                                                GError       **error);
/* This desktop's user in its team, or NULL when the file is in no team.
 * Joining and leaving (the server or the user changing) send a
 * RAPPORT_ENTITY_SETTING notice. */
char      *rapport_store_get_team_user         (RapportStore  *self);
/* How many changes wait to be pushed. */
guint      rapport_store_count_pending_changes (RapportStore  *self);

/* The shared tables, in an order their rows can be written in (what a
 * row refers to first). */
const char * const *rapport_store_team_tables (guint *n_tables);

/* A record or part as the team's server has it now. */
typedef struct
{
  char   *entity;   /* the table */
  char   *key;      /* JSON, as in the log */
  char   *fields;   /* JSON of all its values; NULL when it was deleted */
  char   *author;   /* who changed it last */
  gint64  at;       /* when, in seconds since 1970 (UTC) */
} RapportTeamRecord;

void       rapport_team_record_free            (RapportTeamRecord *record);

/* Writes @records (element type RapportTeamRecord) into the file, in one
 * transaction, unlogged; a field changed here and not pushed yet is kept
 * and the team's other value recorded as a conflict (*@n_conflicts
 * counts them). Views hear of it as after any other program's change. */
gboolean   rapport_store_apply_team_records    (RapportStore  *self,
                                                GPtrArray     *records,
                                                guint         *n_conflicts,
                                                GError       **error);
/* Logs every shared row as inserted: what the first desktop of a team
 * sends up. */
gboolean   rapport_store_log_everything        (RapportStore  *self,
                                                GError       **error);
/* While a desktop downloads its team (a million rows, a chunk a
 * transaction), a page cache that holds the indexes; FALSE gives the
 * memory back. */
void       rapport_store_set_bulk_writes       (RapportStore  *self,
                                                gboolean       bulk);
/* Empties the shared tables (unlogged) for a desktop that joins a team
 * with records of its own to download. */
gboolean   rapport_store_clear_for_team        (RapportStore  *self,
                                                GError       **error);

/* A value of the team's that a change of this desktop overwrote. */
typedef struct
{
  char   *field;    /* as the log names it: "value", "stage"… */
  char   *yours;    /* the value this desktop pushed, as JSON text */
  char   *theirs;   /* the teammate's, overwritten */
  char   *author;   /* the teammate */
  gint64  at;
} RapportTeamConflict;

void       rapport_team_conflict_free          (RapportTeamConflict *conflict);
/* The conflicts of a deal, contact or organization, oldest first. */
GPtrArray *rapport_store_get_conflicts         (RapportStore  *self,
                                                RapportEntity  entity,
                                                gint64         id);

/* Resolving a conflict (sqlite/rapport-team-conflicts.c). @field is the
 * conflict's, as the log names it. Each is one transaction and notifies
 * the record as updated. */

/* This desktop's value stays (it is pushed anyway): the conflict goes. */
gboolean   rapport_store_dismiss_conflict      (RapportStore  *self,
                                                RapportEntity  entity,
                                                gint64         id,
                                                const char    *field,
                                                GError       **error);
/* The teammate's value is written as an edit of this desktop's (checked,
 * logged and pushed like any other) and the conflict goes. */
gboolean   rapport_store_take_theirs           (RapportStore  *self,
                                                RapportEntity  entity,
                                                gint64         id,
                                                const char    *field,
                                                GError       **error);
/* Whether rapport_store_take_theirs() can write @field of a record of
 * @entity: a field an edit sets, or a deal's stage. Others (an outcome,
 * a BANT answer) are changed on the record itself. */
gboolean   rapport_store_conflict_can_take     (RapportEntity  entity,
                                                const char    *field);
/* The undo of either: @conflict listed again and, with @put_yours_back
 * (after taking theirs), this desktop's value written back. */
gboolean   rapport_store_restore_conflict      (RapportStore  *self,
                                                RapportEntity  entity,
                                                gint64         id,
                                                const RapportTeamConflict *conflict,
                                                gboolean       put_yours_back,
                                                GError       **error);
/* The local id of the deal, contact, organization or stage the team
 * knows as @uid; 0 when this file has none. */
gint64     rapport_store_id_of_uid             (RapportStore  *self,
                                                RapportEntity  entity,
                                                const char    *uid);
RapportTeamConflict *rapport_team_conflict_copy (const RapportTeamConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportTeamConflict, rapport_team_conflict_free)

G_END_DECLS
