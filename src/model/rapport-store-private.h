/* rapport-store-private.h — what the model's own files share of the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store is one object split by concern: rapport-store.c (the object,
 * its clock and settings), -identity.c (one object per row), -notices.c
 * (what changed), -update.c (edits and their rules), -pipelines.c,
 * -contacts.c, -deals.c, -activities.c, -notes.c, -reports.c, -goals.c,
 * -insights.c and -funnel.c (Insights' figures, rapport-report-private.h);
 * and under
 * sqlite/ everything that speaks SQLite (connection and statements,
 * opening, backups, the watch of other writers, schema, queries, demo).
 * Only the files under sqlite/ include SQLite's header.
 */

#pragma once

#include "rapport-db-file.h"
#include "rapport-error.h"
#include "rapport-notice.h"
#include "rapport-record-private.h"
#include "rapport-sqlite.h"
#include "rapport-store.h"
#include "rapport-process.h"

G_BEGIN_DECLS

/* Ranks leave room between neighbours so a drop touches one row; a stage is
 * renumbered only when a gap is used up. */
#define RAPPORT_RANK_GAP ((gint64) 1 << 20)

/* The deep integrity check of a file opened with
 * RAPPORT_STORE_CHECK_IN_BACKGROUND. */
enum {
  RAPPORT_CHECK_PENDING,
  RAPPORT_CHECK_OK,
  RAPPORT_CHECK_DAMAGED,
};

enum {
  RAPPORT_STORE_SIGNAL_NOTICE,
  RAPPORT_STORE_SIGNAL_DAMAGED,
  RAPPORT_STORE_SIGNAL_FILE_LOST,
  RAPPORT_STORE_N_SIGNALS
};

extern guint rapport_store_signals[RAPPORT_STORE_N_SIGNALS];

struct _RapportStore
{
  GObject            parent_instance;

  /* The file and the connection (sqlite/) */
  char              *path;
  RapportDbFile     *file;       /* open for the store's life (see rapport-db-file.h) */
  struct sqlite3    *db;
  /* SQL text (owned) → its prepared statement: the one statement cache */
  GHashTable        *stmt_cache;
  RapportStoreFlags  flags;
  gboolean           read_only;
  gboolean           is_copy;    /* an older file read from a copy in memory */
  /* A second, read-only connection for a report's other thread, opened
   * on first use (sqlite/rapport-store-side.c) */
  RapportSideRead   *side;
  gboolean           side_failed;  /* could not be opened: not tried again */
  guint              side_reads;   /* reads that had it, for the tests */

  /* The file under our name (sqlite/rapport-store-watch.c) */
  RapportDbFileState lost;       /* once not FINE, nothing more is written */
  gint64             restore_generation;
  gboolean           restore_grace;
  gint64             data_version;
  gint64             bulk_cache_size;   /* the cache before a bulk write, 0 outside one */
  guint              watch_id;

  /* The deep integrity check, maybe still running in a thread */
  GMutex             check_mutex;
  GCond              check_cond;
  int                check_state;
  GError            *check_error;
  guint              check_idle_id;  /* the check waits for an idle main loop */

  /* Owned references: GType → (gint64 id → RapportRecord, weak), one
   * object per row (rapport-store-identity.c) */
  GHashTable        *identity;
  GListStore        *pipelines;
  GHashTable        *stages;     /* pipeline id → GListStore of its stages */

  /* Settings kept in the file, and the clock */
  int                speed_to_lead_minutes;
  char              *default_currency;
  gint64             pinned_now;

  /* A move that renumbered a stage, until its live deals are reloaded */
  gint64             renumbered_stage;
};

/* rapport-store.c */
char         *rapport_store_get_setting   (RapportStore  *self,
                                           const char    *key);
gboolean      rapport_store_set_setting   (RapportStore  *self,
                                           const char    *key,
                                           const char    *value,
                                           GError       **error);
void          rapport_store_load_settings (RapportStore  *self);

/* rapport-store-notices.c: emits RapportStore::notice after a commit. */
void          rapport_store_notify        (RapportStore  *self,
                                           RapportEntity  entity,
                                           RapportChange  change,
                                           gint64         id);
/* What a record of @type is, for its notices. */
RapportEntity rapport_entity_of_type      (GType          type);
/* Team mode (sqlite/rapport-change-log.c): a uid for every record that
 * has none, inside the caller's transaction. */
gboolean      rapport_store_fill_uids     (RapportStore  *self,
                                           GError       **error);
/* After a change of unknown extent: another program's, or a restore. */
void          rapport_store_reload_everything (RapportStore *self);

/* rapport-store-update.c: one checked field written in the caller's
 * transaction, and whether a property is one an edit may set. */
gboolean      rapport_store_update_in_transaction (RapportStore   *self,
                                                   RapportRecord  *record,
                                                   const char     *property,
                                                   const GValue   *value,
                                                   GError        **error);
gboolean      rapport_store_is_editable   (GType          type,
                                           const char    *property);
/* rapport-store-identity.c: the identity map's look-up, one object per row
 * (transfer full). */
gpointer      rapport_store_lookup        (RapportStore  *self,
                                           GType          type,
                                           gint64         id,
                                           GError       **error);
/* The live object of a row, if there is one (transfer none). */
gpointer      rapport_store_peek_live     (RapportStore  *self,
                                           GType          type,
                                           gint64         id);
/* Drops the live object of a deleted row from the identity map, so the id
 * is not found any more even while someone still holds the object. */
void          rapport_store_forget        (RapportStore  *self,
                                           RapportRecord *record);
void          rapport_store_identity_clear (RapportStore *self);
/* Reloads the live objects of @type after a write that touched many rows. */
void          rapport_store_reload_live   (RapportStore  *self,
                                           GType          type);
void          rapport_store_reload_live_deals_of_stage (RapportStore *self,
                                                        gint64        stage_id);
void          rapport_store_reload_all_live (RapportStore *self);
/* The records of the ids @stmt returns, in its order. */
GPtrArray    *rapport_store_records_from  (RapportStore   *self,
                                           GType           type,
                                           RapportSqlStmt *stmt,
                                           GError        **error);
void          rapport_store_fill_list     (RapportStore   *self,
                                           GListStore     *list,
                                           GType           type,
                                           RapportSqlStmt *stmt);

/* rapport-store-contact-details.c: the rules for a contact's title,
 * lists and photo, and their writing in the caller's transaction */
gboolean      rapport_store_check_contact_details (const char  *title,
                                                   GPtrArray   *emails,
                                                   GPtrArray   *phones,
                                                   GBytes      *photo,
                                                   const char  *photo_type,
                                                   GError     **error);
gboolean      rapport_store_write_contact_details (RapportStore                *self,
                                                   gint64                       contact_id,
                                                   const RapportContactDetails *details,
                                                   GError                     **error);
/* A list holding @value as "other", or NULL for no value. */
GPtrArray    *rapport_store_list_of_one           (const char                  *value);
/* A new contact's @email and @phone as its lists of one. */
gboolean      rapport_store_write_primary_lists   (RapportStore                *self,
                                                   gint64                       contact_id,
                                                   const char                  *email,
                                                   const char                  *phone,
                                                   GError                     **error);

/* rapport-store-update.c: the rules for what may be stored */
/* rapport-store-custom.c: in the caller's transaction, checked before. */
gboolean      rapport_store_check_tags    (const char * const  *tags,
                                           GError             **error);
gboolean      rapport_store_write_tags    (RapportStore        *self,
                                           RapportEntity        entity,
                                           gint64               id,
                                           const char * const  *tags,
                                           GError             **error);
gboolean      rapport_store_check_custom_value (const RapportCustomField  *field,
                                                const char                *value,
                                                char                     **normalized,
                                                GError                   **error);
gboolean      rapport_store_write_custom_value (RapportStore              *self,
                                                gint64                     id,
                                                const RapportCustomField  *field,
                                                const char                *normalized,
                                                GError                   **error);

/* rapport-store-settings.c: where @text is among @texts (strings) in any
 * case, as one reason or source is one text whatever its case; -1 when it
 * is not. */
int           rapport_store_find_folded   (GPtrArray     *texts,
                                           const char    *text);
gboolean      rapport_store_invalid       (GError       **error,
                                           const char    *format,
                                           ...) G_GNUC_PRINTF (2, 3);
gboolean      rapport_store_check_exists  (RapportStore  *self,
                                           GType          type,
                                           gint64         id,
                                           GError       **error);
gboolean      rapport_store_arrival_time  (RapportStore  *self,
                                           gint64         given,
                                           gboolean       has_given,
                                           gint64        *arrived_at,
                                           GError       **error);

/* rapport-store-activities.c: "Meeting", "Task"… in the user's language. */
const char   *rapport_activity_default_title (RapportActivityKind kind);

/* rapport-report.c: a period's arrays, empty, freeing what they own. */
void          rapport_report_period_init  (RapportReportPeriod *period);

/* rapport-store-pipelines.c */
void          rapport_store_reload_pipelines (RapportStore *self);
/* After the process changed: lists and live objects read again, views
 * told (rapport-store-process.c). */
void          rapport_store_process_changed (RapportStore *self,
                                             gboolean      deals_moved);
/* The after-sales plan of a process, read and written in the caller's
 * transaction (rapport-store-after-sales.c). A process without one gets
 * the default plan, as a new pipeline does. */
void          rapport_store_read_after_sales  (RapportStore          *self,
                                               RapportPipeline       *pipeline,
                                               RapportProcess        *process);
gboolean      rapport_store_write_after_sales (RapportStore          *self,
                                               gint64                 pipeline_id,
                                               const RapportProcess  *process,
                                               GError               **error);
/* FALSE with RAPPORT_ERROR_GATE, saying what @deal lacks to enter
 * @stage; TRUE when nothing (rapport-store-process.c). */
gboolean      rapport_store_gate_error    (RapportStore  *self,
                                           RapportDeal   *deal,
                                           RapportStage  *stage,
                                           GError       **error);
void          rapport_store_reload_stages    (RapportStore *self,
                                              gint64        pipeline_id,
                                              GListStore   *list);

/* sqlite/rapport-sqlite.c: the statement cache, made empty and, at the
 * end, finalized with the connection. */
void          rapport_store_init_connection  (RapportStore *self);
void          rapport_store_close_connection (RapportStore *self);

/* sqlite/rapport-store-open.c */
gboolean      rapport_store_open_file     (RapportStore  *self,
                                           const char    *template_id,
                                           GError       **error);
gboolean      rapport_store_wait_for_check (RapportStore *self,
                                            GError      **error);

/* sqlite/rapport-store-watch.c: is the file under our name still ours? */
gboolean      rapport_store_verify_file   (RapportStore  *self,
                                           gint64         logical_pages,
                                           GError       **error);
gint64        rapport_store_read_restore_generation (RapportStore *self);

/* sqlite/rapport-store-schema.c: a template's pipeline, in the caller's
 * transaction. */
gboolean      rapport_schema_seed_pipeline (RapportStore *self,
                                            const char   *template_id,
                                            gint64       *pipeline_id,
                                            GError      **error);
/* The default after-sales plan of a new pipeline (a template's or an
 * empty one), in the caller's transaction. */
gboolean      rapport_schema_seed_after_sales (RapportStore *self,
                                               gint64        pipeline_id,
                                               GError      **error);

/* rapport-store-after-sales.c: in the caller's transaction, before
 * @deal (still as it was) goes to @to_status: a win schedules the plan
 * and makes the contact a customer, leaving a win takes back what it
 * did. After the commit, rapport_store_after_sales_changed() tells the
 * views about the follow-ups and the contact. */
gboolean      rapport_store_after_sales_status_change (RapportStore       *self,
                                                       RapportDeal        *deal,
                                                       RapportDealStatus   to_status,
                                                       gint64              now,
                                                       GError            **error);
void          rapport_store_after_sales_changed       (RapportStore       *self,
                                                       gint64              contact_id);
/* Deal @id repeats @repeat_of, in the caller's transaction. */
gboolean      rapport_store_link_repeat_deal          (RapportStore       *self,
                                                       gint64              id,
                                                       gint64              repeat_of,
                                                       GError            **error);

/* rapport-store-duplicates.c: a phone number's digits, or NULL when
 * there are too few to be anyone's number in particular. */
char         *rapport_store_phone_key     (const char     *phone);
/* An e-mail address in folded case. */
char         *rapport_store_email_key     (const char     *email);

/* rapport-store-import.c: what an import did, for its undo — the ids it
 * created, by table, and rows it changed, copied before the change. */
RapportImportUndo *rapport_import_undo_new     (void);
void          rapport_import_undo_created      (RapportImportUndo *undo,
                                                RapportEntity      entity,
                                                gint64             first,
                                                gint64             last);
gboolean      rapport_import_undo_keep_row     (RapportImportUndo *undo,
                                                RapportStore      *store,
                                                const char        *table,
                                                gint64             id,
                                                GError           **error);
gboolean      rapport_import_undo_is_empty     (RapportImportUndo *undo);

/* rapport-store-merge.c: adds the @values (RapportContactValue) contact
 * @id lacks (e-mails in any case, phones by their digits) to its list,
 * after its own; with @first_leads the first of them goes before all
 * (moved there if the contact has it); with @only_if_empty nothing is
 * added to a list that has an entry. The contact's own column follows
 * the list's first entry. */
typedef enum
{
  RAPPORT_CONTACT_LIST_EMAIL,
  RAPPORT_CONTACT_LIST_PHONE,
} RapportContactList;

gboolean      rapport_store_join_contact_list (RapportStore       *self,
                                               gint64              id,
                                               RapportContactList  which,
                                               GPtrArray          *values,
                                               gboolean            first_leads,
                                               gboolean            only_if_empty,
                                               GError            **error);

/* rapport-store-delete.c: whether a row of @table (constant SQL) has
 * @id: a deleted row's id is given to the next new one when it was the
 * highest, so an undo must look before it inserts the row again. */
gboolean      rapport_store_id_is_taken   (RapportStore  *self,
                                           const char    *table,
                                           gint64         id);

/* A stage's totals out of its count and sum (rapport-store-reports.c). */
void      rapport_store_give_stage_totals (RapportStage *stage,
                                           guint         n,
                                           gint64        sum,
                                           guint        *n_deals,
                                           gint64       *total,
                                           gint64       *weighted);

G_END_DECLS
