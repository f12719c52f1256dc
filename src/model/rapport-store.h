/* rapport-store.h — the one object that reads and writes Rapport's data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every user action is one call here and one transaction, committed before
 * the call returns TRUE. Views never see SQL: nothing in this header names
 * SQLite, so a second backend can live behind the same calls.
 */

#pragma once

#include <gio/gio.h>

#include "rapport-types.h"
#include "rapport-error.h"
#include "rapport-activity.h"
#include "rapport-contact.h"
#include "rapport-deal.h"
#include "rapport-goal.h"
#include "rapport-negotiation-entry.h"
#include "rapport-note.h"
#include "rapport-notice.h"
#include "rapport-organization.h"
#include "rapport-pipeline.h"
#include "rapport-report.h"
#include "rapport-stage.h"
#include "rapport-stage-action.h"
#include "rapport-stage-change.h"
#include "rapport-validate.h"

G_BEGIN_DECLS

/* The schema this build writes; a file with a higher one is refused. */
#define RAPPORT_SCHEMA_VERSION 16

#define RAPPORT_TYPE_STORE (rapport_store_get_type ())

G_DECLARE_FINAL_TYPE (RapportStore, rapport_store, RAPPORT, STORE, GObject)

/* Fields of a new contact; zeroed fields take their defaults. */
typedef struct
{
  const char       *name;
  const char       *email;
  const char       *phone;
  gint64            organization_id;
  RapportLifecycle  lifecycle;       /* 0 is RAPPORT_LIFECYCLE_LEAD: say which */
  const char       *source;
  const char       *owner;
  gint64            created_at;      /* unix seconds, UTC; 0 for now… */
  gboolean          has_created_at;  /* …unless set: then 0 is 1970-01-01 */
  const char       *title;           /* the job title, or NULL */
  /* Every e-mail address and phone number (RapportContactValue), the first
   * being the primary one; NULL for only @email and @phone, which must
   * then be NULL. */
  GPtrArray        *emails;
  GPtrArray        *phones;
} RapportContactFields;

/* What rapport_store_set_contact_details() changes of a contact: each
 * part only if its set_ flag (or its array) says so. */
typedef struct
{
  gboolean    set_title;
  const char *title;             /* NULL or "": none */
  GPtrArray  *emails;            /* of RapportContactValue; NULL: unchanged */
  GPtrArray  *phones;
  gboolean    set_photo;
  GBytes     *photo;             /* NULL: none */
  const char *photo_type;        /* "image/jpeg", "image/png"… */
} RapportContactDetails;

/* Fields of a new deal; zeroed fields take their defaults. */
typedef struct
{
  const char *title;
  gint64      value;                 /* minor units, >= 0 */
  const char *currency;              /* ISO 4217; NULL for the store's default */
  gint64      stage_id;              /* 0 for the first stage of the current pipeline */
  gint64      contact_id;
  gint64      organization_id;
  const char *expected_close;        /* "YYYY-MM-DD" or NULL */
  const char *owner;
  gint64      created_at;            /* 0 for now… */
  gboolean    has_created_at;        /* …unless set: then 0 is 1970-01-01 */
  gint64      repeat_of;             /* the earlier deal it repeats, or 0 */
} RapportDealFields;

/* What an import created (rapport-store-import.c). */
typedef struct _RapportImportUndo RapportImportUndo;

void                rapport_import_undo_free            (RapportImportUndo  *undo);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportImportUndo, rapport_import_undo_free)

/* What the rows of an import become. */
typedef enum
{
  RAPPORT_IMPORT_CONTACTS,
  RAPPORT_IMPORT_ORGANIZATIONS,
  RAPPORT_IMPORT_DEALS,
} RapportImportKind;

typedef enum
{
  RAPPORT_IMPORT_DEFAULT       = 0,
  RAPPORT_IMPORT_DRY_RUN       = 1 << 0,  /* everything but the commit */
  RAPPORT_IMPORT_SKIP_BAD_ROWS = 1 << 1,  /* store the good rows even if some are bad */
  /* A contact row that is someone there already (the same e-mail, phone,
   * or name in the same organization; or a row before it in the file):
   * skipped, filling the contact's empty fields, or written over them.
   * With none of the three, every row is a contact of its own. */
  RAPPORT_IMPORT_DUPLICATES_SKIP   = 1 << 2,
  RAPPORT_IMPORT_DUPLICATES_FILL   = 1 << 3,
  RAPPORT_IMPORT_DUPLICATES_UPDATE = 1 << 4,
} RapportImportFlags;

#define RAPPORT_IMPORT_DUPLICATES_MASK \
  (RAPPORT_IMPORT_DUPLICATES_SKIP | RAPPORT_IMPORT_DUPLICATES_FILL | RAPPORT_IMPORT_DUPLICATES_UPDATE)

/* One row of an import, its text already checked by the importer (the
 * store checks again, and refuses the whole import if a row fails). */
typedef struct
{
  guint       line;             /* where it was read, for messages */
  const char *name;             /* the contact's or the organization's */
  const char *email;
  const char *phone;            /* a contact's or an organization's */
  const char *organization;     /* a contact's: found by name in folded case, or created */
  const char *owner;
  const char *source;
  const char *note;             /* stored as a note on the record */
  gint64      created_at;
  gboolean    has_created_at;
  /* A contact's richer record (a vCard's), all optional: with
   * @emails or @phones (RapportContactValue), @email and @phone are
   * ignored and the first of each list is the primary one. */
  const char *title;
  const char *external_id;      /* a row whose id is there already is skipped */
  GPtrArray  *emails;
  GPtrArray  *phones;
  GBytes     *photo;
  const char *photo_type;
  /* Records a seller can use, all optional: a contact's address and
   * birthday (YYYY-MM-DD); an organization's address, industry and size
   * (a whole number of employees); the tags of either ("a, b"), and
   * custom values as pairs of a field's name and its value, then NULL. */
  const char *address;
  const char *birthday;
  const char *industry;
  const char *size;
  const char *tags;
  const char * const *custom;
} RapportImportRow;

typedef enum
{
  RAPPORT_IMPORT_NEXT_ROW,      /* @row is filled */
  RAPPORT_IMPORT_NEXT_BAD,      /* a bad row, which the source has reported */
  RAPPORT_IMPORT_NEXT_END,
  RAPPORT_IMPORT_NEXT_FAILED,   /* @error is set */
} RapportImportNext;

/* Gives the next row of an import; @row's strings stay valid until the
 * next call. */
typedef RapportImportNext (*RapportImportSource) (gpointer           user_data,
                                                  RapportImportRow  *row,
                                                  GError           **error);

typedef struct
{
  guint rows;                   /* rows read, bad ones included */
  guint created;
  guint updated;                /* contacts there already that took a row's values */
  guint skipped;                /* bad rows skipped, and records already there */
  guint bad;
  guint duplicates;             /* of @skipped: rows that were contacts already */
  guint organizations_created;  /* for contacts and deals: their organizations that were new */
  guint contacts_created;       /* for deals: their contacts that were new */
  /* What a committed import created, to take it back as a whole with
   * rapport_store_undo_import() (owned; NULL for a dry run, or nothing
   * stored). */
  RapportImportUndo *undo;
} RapportImportCounts;

/* One task or event of an imported calendar, already read and checked by
 * its reader (the store checks its text again). */
typedef struct
{
  guint               line;      /* where it began, for messages */
  const char         *uid;       /* its calendar's UID, or NULL */
  RapportActivityKind kind;
  const char         *title;     /* NULL or empty: the kind's own title */
  const char         *note;
  gint64              due_at;
  gint64              done_at;   /* 0 while it is open */
  const char * const *emails;    /* attendees' then the organizer's, NULL-terminated */
} RapportImportFollowup;

/* One deal of an import, its text already checked and its stage found by
 * the importer. */
typedef struct
{
  guint              line;
  const char        *title;
  gint64             value;           /* minor units of @currency */
  const char        *currency;        /* NULL: the default currency */
  gint64             stage_id;        /* a stage of the import's pipeline */
  RapportDealStatus  status;
  const char        *lost_reason;     /* a lost deal's; NULL: none was given */
  gint64             closed_at;       /* a won or lost deal's; 0 for now */
  const char        *expected_close;  /* an open deal's "YYYY-MM-DD", or NULL */
  /* The deal's contact: found by e-mail (any case), else by name, else
   * created with these; and its organization, found by name or created. */
  const char        *contact;
  const char        *email;
  const char        *phone;
  const char        *organization;
  const char        *owner;
  const char        *source;          /* a new contact's */
  const char        *note;            /* stored as a note on the deal */
  gint64             created_at;
  gboolean           has_created_at;
} RapportDealImportRow;

typedef RapportImportNext (*RapportDealImportSource) (gpointer               user_data,
                                                      RapportDealImportRow  *row,
                                                      GError               **error);

typedef enum
{
  RAPPORT_BANT_BUDGET,
  RAPPORT_BANT_AUTHORITY,
  RAPPORT_BANT_NEED,
  RAPPORT_BANT_TIMELINE,
} RapportBantItem;

/* One answer of the BANT qualification. */
typedef struct
{
  RapportBantItem item;
  RapportAnswer   answer;
} RapportBantAnswer;

typedef enum
{
  RAPPORT_STORE_DEFAULT = 0,
  /* Check the whole file for damage in a thread instead of before
   * returning (a main loop must run); the first write waits for the
   * verdict, and RapportStore::damaged tells a damaged file. */
  RAPPORT_STORE_CHECK_IN_BACKGROUND = 1 << 0,
  /* Only read: an older file is read from an upgraded copy in memory and
   * never upgraded itself; every write fails. A new file is still made. */
  RAPPORT_STORE_READ_ONLY = 1 << 1,
  /* A second store of a process whose first store has the file open and
   * checked (a worker thread's, for a long import): a current file is not
   * checked again. */
  RAPPORT_STORE_ALREADY_CHECKED = 1 << 2,
} RapportStoreFlags;

/* Opening */
char               *rapport_store_default_path          (void);
/* Whether the file's check found it sound: FALSE while a background
 * check runs (RAPPORT_STORE_CHECK_IN_BACKGROUND) and for a damaged file.
 * Any thread. */
gboolean            rapport_store_is_checked            (RapportStore       *self);
RapportStore       *rapport_store_new                   (const char         *path,
                                                         GError            **error);
RapportStore       *rapport_store_new_with_template     (const char         *path,
                                                         const char         *template_id,
                                                         GError            **error);
RapportStore       *rapport_store_new_full              (const char         *path,
                                                         const char         *template_id,
                                                         RapportStoreFlags   flags,
                                                         GError            **error);
const char         *rapport_store_get_path              (RapportStore       *self);
gboolean            rapport_store_check                 (RapportStore       *self,
                                                         char              **report,
                                                         GError            **error);
/* A consistent copy of the whole database, into a new file (never one
 * that exists, never through a symlink), 0600, while others may write. */
gboolean            rapport_store_backup                (RapportStore       *self,
                                                         const char         *path,
                                                         GError            **error);
/* Duplicates (rapport-store-duplicates.c): why two contacts are likely
 * the same person. */
typedef enum
{
  RAPPORT_DUPLICATE_EMAIL = 1 << 0,  /* an e-mail address, in any case */
  RAPPORT_DUPLICATE_PHONE = 1 << 1,  /* a phone number's digits */
  RAPPORT_DUPLICATE_NAME  = 1 << 2,  /* the name (case, accents folded); a contact's in one organization */
  RAPPORT_DUPLICATE_WEBSITE = 1 << 3, /* an organization's website, by its host */
} RapportDuplicateReasons;

typedef struct
{
  gint64                  ids[2];    /* the lower id first */
  RapportDuplicateReasons reasons;
} RapportDuplicate;

/* Every likely pair of contacts (RapportDuplicate), by their ids. */
GPtrArray          *rapport_store_find_duplicate_contacts (RapportStore     *self,
                                                           GError          **error);
/* Every likely pair of organizations: the same name, phone or website. */
GPtrArray          *rapport_store_find_duplicate_organizations (RapportStore  *self,
                                                                GError       **error);

/* Merge (rapport-store-merge.c): two contacts, or two organizations, made
 * one. The one kept gets, field by field, its own value or the other's;
 * every deal, activity, follow-up and note of the other moves to it;
 * e-mail addresses and phone numbers of both are kept (the chosen one
 * first); a note on the kept one says what was merged; the other is
 * deleted. One transaction, and undone exactly. */
typedef struct
{
  const char *name;    /* for the command line: "email", "organization" */
  const char *label;   /* for people (translated with gettext) */
} RapportMergeField;

/* The fields a merge of two records of @entity (RAPPORT_ENTITY_CONTACT or
 * RAPPORT_ENTITY_ORGANIZATION) chooses between; bit i of a choice is
 * fields[i]. */
const RapportMergeField *rapport_merge_fields            (RapportEntity       entity,
                                                          guint              *n_fields);
/* The usual choice: the kept one's values, and the other's where the kept
 * one has none. */
guint               rapport_store_merge_fill             (RapportStore       *self,
                                                          RapportEntity       entity,
                                                          gint64              keep_id,
                                                          gint64              other_id);
/* A field's value as the merge dialog shows it (NULL when empty). */
char               *rapport_store_merge_field_text       (RapportStore       *self,
                                                          RapportEntity       entity,
                                                          gint64              id,
                                                          guint               field);

/* What moves from the other one to the one kept. */
typedef struct
{
  guint deals;
  guint activities;  /* done, and follow-ups still to do */
  guint notes;
  guint contacts;    /* an organization's people */
} RapportMergeMoves;

gboolean            rapport_store_merge_count            (RapportStore       *self,
                                                          RapportEntity       entity,
                                                          gint64              other_id,
                                                          RapportMergeMoves  *moves,
                                                          GError            **error);

typedef struct _RapportMergeUndo RapportMergeUndo;

/* Merges @other_id into @keep_id, taking the fields whose bits are set in
 * @take_other from the other one. *@undo (when given) puts everything
 * back. */
gboolean            rapport_store_merge                  (RapportStore       *self,
                                                          RapportEntity       entity,
                                                          gint64              keep_id,
                                                          gint64              other_id,
                                                          guint               take_other,
                                                          RapportMergeUndo  **undo,
                                                          GError            **error);
gboolean            rapport_store_undo_merge             (RapportStore       *self,
                                                          RapportMergeUndo   *undo,
                                                          GError            **error);
void                rapport_merge_undo_free              (RapportMergeUndo   *undo);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportMergeUndo, rapport_merge_undo_free)

/* Delete (rapport-store-delete.c): a deal, contact, organization,
 * activity or follow-up, note or negotiation entry, with what goes with it
 * (a contact's e-mails, phones, photo, activities and notes; an
 * organization's notes; a deal's activities, notes, negotiation, history
 * and playbook ticks), in one transaction. The records that only named it
 * stay, without it (a contact's deals; an organization's contacts and
 * deals). *@undo (when given) brings it all back exactly. */
typedef struct
{
  guint activities;           /* deleted with it */
  guint notes;                /* deleted with it */
  guint negotiation_entries;  /* deleted with a deal */
  guint deals_kept;           /* stay, without it */
  guint contacts_kept;        /* stay, without their organization */
} RapportDeleteEffects;

typedef struct _RapportDeleteUndo RapportDeleteUndo;

gboolean            rapport_store_count_delete           (RapportStore          *self,
                                                          RapportEntity          entity,
                                                          gint64                 id,
                                                          RapportDeleteEffects  *effects,
                                                          GError               **error);
gboolean            rapport_store_delete_record          (RapportStore          *self,
                                                          RapportEntity          entity,
                                                          gint64                 id,
                                                          RapportDeleteUndo    **undo,
                                                          GError               **error);
gboolean            rapport_store_undo_delete            (RapportStore          *self,
                                                          RapportDeleteUndo     *undo,
                                                          GError               **error);
void                rapport_delete_undo_free             (RapportDeleteUndo     *undo);
/* Erases a contact for good, for a privacy request: the contact and what
 * goes with it (as a delete), and the notes, activities and negotiation
 * entries anywhere that name them (their name, an e-mail or a phone, of
 * four letters or more; a deal's title keeps the rest); the search index
 * rewritten without them, the freed bytes zeroed and the -wal emptied.
 * No undo. *@bytes_gone is FALSE when another program still reading an
 * older state of the file kept part of the -wal: those bytes go when it
 * is done. */
gboolean            rapport_store_erase_contact          (RapportStore          *self,
                                                          gint64                 id,
                                                          gboolean              *bytes_gone,
                                                          GError               **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportDeleteUndo, rapport_delete_undo_free)

/* @text as names are compared: case folded, accents off, spaces single. */
char               *rapport_store_fold_for_matching     (const char         *text);

/* What a file holds: for a backup about to be restored. */
typedef struct
{
  guint  contacts;
  guint  organizations;
  guint  deals;
  gint64 last_change;   /* 0 for a file with no record */
} RapportStoreSummary;

gboolean            rapport_store_get_summary           (RapportStore       *self,
                                                         RapportStoreSummary *summary,
                                                         GError            **error);

/* Daily backups: one file a day, "YYYY-MM-DD.db" (the local date), in
 * this database's own folder of the user's data folder. */
char               *rapport_store_get_backup_dir        (RapportStore       *self);
/* The path today's backup is to be written to, or NULL if it is there. */
char               *rapport_store_daily_backup_due      (RapportStore       *self);
/* Copies the database at @db_path into the new file @dest (0600), whole
 * or not at all, through connections of its own: from any thread. */
gboolean            rapport_backup_copy                 (const char         *db_path,
                                                         const char         *dest,
                                                         GError            **error);
/* Removes the daily backups in @dir from before the last @keep_days days
 * (today counts as one); other files are left alone. How many went. */
guint               rapport_backup_prune                (const char         *dir,
                                                         guint               keep_days,
                                                         gint64              now);
/* Brings back a backup into this file, also while other programs have it
 * open; the data it replaces is first backed up beside the file
 * (@saved_path, may be NULL). */
gboolean            rapport_store_restore               (RapportStore       *self,
                                                         const char         *backup_path,
                                                         char              **saved_path,
                                                         GError            **error);
/* Follow writes by other processes: poll cheaply, reload what changed. */
void                rapport_store_watch_external        (RapportStore       *self,
                                                         guint               interval_ms);
gboolean            rapport_store_sync_external         (RapportStore       *self);

/* Clock; tests may pin it. Unix seconds, UTC. */
gint64              rapport_store_now                   (RapportStore       *self);
void                rapport_store_set_now               (RapportStore       *self,
                                                         gint64              now);

/* Settings stored with the data, shared by every program on the file. */
int                 rapport_store_get_speed_to_lead_minutes (RapportStore   *self);
gboolean            rapport_store_set_speed_to_lead_minutes (RapportStore   *self,
                                                             int             minutes,
                                                             GError        **error);
const char         *rapport_store_get_default_currency  (RapportStore       *self);

/* Pipelines and stages (their lists are the store's: transfer none) */
GListModel         *rapport_store_get_pipelines         (RapportStore       *self);
RapportPipeline    *rapport_store_get_current_pipeline  (RapportStore       *self);
gboolean            rapport_store_set_current_pipeline  (RapportStore       *self,
                                                         RapportPipeline    *pipeline,
                                                         GError            **error);
RapportPipeline    *rapport_store_add_pipeline_from_template (RapportStore  *self,
                                                              const char    *template_id,
                                                              GError       **error);
/* Makes the pipeline of @template_id current, adding it first if the file
 * has none: one transaction (transfer full). */
RapportPipeline    *rapport_store_use_template          (RapportStore       *self,
                                                         const char         *template_id,
                                                         GError            **error);
GListModel         *rapport_store_get_stages            (RapportStore       *self,
                                                         RapportPipeline    *pipeline);
RapportStage       *rapport_store_get_stage             (RapportStore       *self,
                                                         gint64              id,
                                                         GError            **error);
RapportStage       *rapport_store_find_stage            (RapportStore       *self,
                                                         const char         *id_or_name,
                                                         GError            **error);
GPtrArray          *rapport_store_get_stage_actions     (RapportStore       *self,
                                                         RapportStage       *stage,
                                                         GError            **error);

/* Looking things up: one object per row (transfer full) */
RapportDeal        *rapport_store_get_deal              (RapportStore       *self,
                                                         gint64              id,
                                                         GError            **error);
RapportContact     *rapport_store_get_contact           (RapportStore       *self,
                                                         gint64              id,
                                                         GError            **error);
RapportOrganization *rapport_store_get_organization     (RapportStore       *self,
                                                         gint64              id,
                                                         GError            **error);
RapportActivity    *rapport_store_get_activity          (RapportStore       *self,
                                                         gint64              id,
                                                         GError            **error);
int                 rapport_store_get_deal_position     (RapportStore       *self,
                                                         RapportDeal        *deal);
GPtrArray          *rapport_store_list_deal_ids         (RapportStore       *self,
                                                         RapportStage       *stage,
                                                         GError            **error);
GPtrArray          *rapport_store_get_stage_history     (RapportStore       *self,
                                                         RapportDeal        *deal,
                                                         GError            **error);
GPtrArray          *rapport_store_list_followups        (RapportStore       *self,
                                                         gboolean            only_due,
                                                         GError            **error);

/* Up to @limit contacts / organizations whose name starts with @prefix
 * (case-insensitive), by name: an index range, fast on 200 000 rows. */
GPtrArray          *rapport_store_find_contacts_by_prefix      (RapportStore  *self,
                                                                const char    *prefix,
                                                                guint          limit,
                                                                GError       **error);
GPtrArray          *rapport_store_find_deals_by_prefix         (RapportStore  *self,
                                                                const char    *prefix,
                                                                guint          limit,
                                                                GError       **error);
GPtrArray          *rapport_store_find_organizations_by_prefix (RapportStore  *self,
                                                                const char    *prefix,
                                                                guint          limit,
                                                                GError       **error);

/* What a card shows besides the deal's own fields */
gboolean            rapport_store_deal_has_overdue_followup (RapportStore   *self,
                                                             RapportDeal    *deal);
/* Sat in its stage longer than the stage allows, with nothing scheduled:
 * no follow-up pending at all (an overdue one is someone's job too). */
gboolean            rapport_store_deal_is_rotting       (RapportStore       *self,
                                                         RapportDeal        *deal);
/* How many whole days a rotting deal is past its stage's limit, at least
 * 1; 0 when it is not rotting. */
int                 rapport_store_deal_get_days_rotting (RapportStore       *self,
                                                         RapportDeal        *deal);
/* Open deals of @stage: how many, and the sum of their values (and of value
 * × stage probability) in the store's default currency, in minor units. */
void                rapport_store_get_stage_totals      (RapportStore       *self,
                                                         RapportStage       *stage,
                                                         guint              *n_deals,
                                                         gint64             *total,
                                                         gint64             *weighted);

/* For the reminders: the pending follow-ups (not yet reminded at their
 * time) that may have a reminder due by @now with a lead of @lead_seconds,
 * in due order; the next @limit after the one due at @after with id
 * @after_id, in due order; and whether any follow-up is pending at all. */
GPtrArray          *rapport_store_list_reminder_candidates (RapportStore *self,
                                                            gint64        now,
                                                            int           lead_seconds,
                                                            GError      **error);
GPtrArray          *rapport_store_list_followups_after  (RapportStore       *self,
                                                         gint64              after,
                                                         gint64              after_id,
                                                         guint               limit,
                                                         GError            **error);
gboolean            rapport_store_has_pending_followups (RapportStore       *self);

/* Walking a long list one record at a time, in the order of the matching
 * list: @func gets each record (transfer none; keep a reference to keep
 * it), and the store lets it go before reading the next, so memory stays
 * flat on any number of rows. The walk reads one snapshot of the file.
 * @func returns FALSE with @error set to stop; so does the walk. */
typedef gboolean (*RapportRecordFunc) (gpointer   record,
                                       gpointer   user_data,
                                       GError   **error);

/* Every deal by id, or the open deals of @stage in board order. */
gboolean            rapport_store_foreach_deal          (RapportStore       *self,
                                                         RapportStage       *stage,
                                                         RapportRecordFunc   func,
                                                         gpointer            user_data,
                                                         GError            **error);
/* By name, as rapport_store_get_contacts and _get_organizations. */
gboolean            rapport_store_foreach_contact       (RapportStore       *self,
                                                         RapportRecordFunc   func,
                                                         gpointer            user_data,
                                                         GError            **error);
gboolean            rapport_store_foreach_organization  (RapportStore       *self,
                                                         RapportRecordFunc   func,
                                                         gpointer            user_data,
                                                         GError            **error);
/* As rapport_store_list_followups. */
gboolean            rapport_store_foreach_followup      (RapportStore       *self,
                                                         gboolean            only_due,
                                                         RapportRecordFunc   func,
                                                         gpointer            user_data,
                                                         GError            **error);

/* List models that follow the store (transfer full; RapportRecordList) */
GListModel         *rapport_store_get_stage_deals       (RapportStore       *self,
                                                         RapportStage       *stage);
GListModel         *rapport_store_get_contacts          (RapportStore       *self);
GListModel         *rapport_store_get_followups         (RapportStore       *self);
/* The 200 follow-ups done most recently, newest first. */
GListModel         *rapport_store_get_done_followups    (RapportStore       *self);

/* Whether a list from the store holds the record with that id, without
 * making any object. */
gboolean            rapport_store_list_contains         (GListModel         *list,
                                                         gint64              id);

/* The contacts list: sorted by any of its columns, filtered by lifecycle
 * (-1 for all) and by search words (NULL or "" for none); a
 * RapportRecordList that follows the store (transfer full). */
typedef enum
{
  RAPPORT_CONTACT_SORT_NAME,
  RAPPORT_CONTACT_SORT_ORGANIZATION,
  RAPPORT_CONTACT_SORT_EMAIL,
  RAPPORT_CONTACT_SORT_PHONE,
  RAPPORT_CONTACT_SORT_LIFECYCLE,
  RAPPORT_CONTACT_SORT_LAST_CONTACT,
  RAPPORT_CONTACT_SORT_NEXT_FOLLOWUP,
} RapportContactSort;

GListModel         *rapport_store_query_contacts        (RapportStore       *self,
                                                         RapportContactSort  sort,
                                                         gboolean            descending,
                                                         int                 lifecycle,
                                                         const char         *search);

/* The deals list: every deal, open, won or lost, sorted by any of its
 * columns and filtered by what is set in the query (a RapportRecordList
 * that follows the store; transfer full). */
typedef enum
{
  RAPPORT_DEAL_SORT_TITLE,
  RAPPORT_DEAL_SORT_ORGANIZATION,
  RAPPORT_DEAL_SORT_CONTACT,
  RAPPORT_DEAL_SORT_VALUE,
  RAPPORT_DEAL_SORT_STAGE,          /* open by stage, then won, then lost */
  RAPPORT_DEAL_SORT_OWNER,
  RAPPORT_DEAL_SORT_CLOSE,          /* expected close, or the day it closed */
  RAPPORT_DEAL_SORT_LAST_ACTIVITY,
  RAPPORT_DEAL_SORT_NEXT_FOLLOWUP,
  RAPPORT_DEAL_SORT_RANK,           /* the board's order within a stage */
} RapportDealSort;

typedef struct
{
  RapportDealSort  sort;
  gboolean         descending;
  int              status;        /* a RapportDealStatus, or -1 for all */
  gint64           stage_id;      /* 0 for every stage */
  gint64           pipeline_id;   /* 0 for every pipeline */
  const char      *owner;         /* NULL or "" for everyone; any case */
  const char      *close_from;    /* YYYY-MM-DD, inclusive; NULL for open */
  const char      *close_to;
  gint64           value_min;     /* minor units, inclusive; -1 for none */
  gint64           value_max;
  const char      *search;        /* words, as in rapport_store_query_contacts */
  const char      *tag;           /* its contact's or organization's; NULL for any */
} RapportDealQuery;

/* The same for the open deals of @stage that pass @filter's owner, close
 * dates, value and tag (a board column under its filters or My Deals);
 * the whole stage's with a NULL @filter. */
void                rapport_store_get_stage_totals_filtered (RapportStore           *self,
                                                             RapportStage           *stage,
                                                             const RapportDealQuery *filter,
                                                             guint                  *n_deals,
                                                             gint64                 *total,
                                                             gint64                 *weighted);

/* Everything unset: all deals by title. */
void                rapport_deal_query_init             (RapportDealQuery       *query);
GListModel         *rapport_store_query_deals           (RapportStore           *self,
                                                         const RapportDealQuery *query);
/* When the deal's last activity was done and its next follow-up is due
 * (unix seconds; 0 for none). */
gboolean            rapport_store_get_deal_dates        (RapportStore           *self,
                                                         gint64                  deal_id,
                                                         gint64                 *last_activity,
                                                         gint64                 *next_followup);

/* The reasons to offer when a deal is lost: at most @limit of those given
 * most often first, then the team's list without those (transfer full). */
char              **rapport_store_get_lost_reasons      (RapportStore           *self,
                                                         guint                   limit);

/* The same, only the contacts with @tag (any case; NULL for all). */
GListModel         *rapport_store_query_contacts_tagged (RapportStore       *self,
                                                         RapportContactSort  sort,
                                                         gboolean            descending,
                                                         int                 lifecycle,
                                                         const char         *search,
                                                         const char         *tag);

/* The organizations list: sorted by any of its columns, only those with
 * @tag (NULL for all); a RapportRecordList that follows the store. */
typedef enum
{
  RAPPORT_ORGANIZATION_SORT_NAME,
  RAPPORT_ORGANIZATION_SORT_WEBSITE,
  RAPPORT_ORGANIZATION_SORT_PHONE,
  RAPPORT_ORGANIZATION_SORT_INDUSTRY,
  RAPPORT_ORGANIZATION_SORT_SIZE,
} RapportOrganizationSort;

GListModel         *rapport_store_query_organizations   (RapportStore            *self,
                                                         RapportOrganizationSort  sort,
                                                         gboolean                 descending,
                                                         const char              *tag);

/* The contact (oldest first) whose e-mail is @email in any case, or NULL:
 * a new lead may already be known (transfer full). */
RapportContact     *rapport_store_find_contact_by_email (RapportStore       *self,
                                                         const char         *email);

/* Lists for the detail views (transfer full; they follow the store) */
GListModel         *rapport_store_get_organizations     (RapportStore       *self);
GListModel         *rapport_store_get_contact_deals     (RapportStore       *self,
                                                         gint64              contact_id);
GListModel         *rapport_store_get_organization_deals (RapportStore      *self,
                                                          gint64             organization_id);
GListModel         *rapport_store_get_organization_contacts (RapportStore   *self,
                                                             gint64          organization_id);
/* Activities of a contact or of a deal, newest first (by when they were
 * done, or are due, or were made). */
GListModel         *rapport_store_get_contact_activities (RapportStore      *self,
                                                          gint64             contact_id);
GListModel         *rapport_store_get_deal_activities   (RapportStore       *self,
                                                         gint64              deal_id);
/* Notes, newest first */
GListModel         *rapport_store_get_contact_notes     (RapportStore       *self,
                                                         gint64              contact_id);
GListModel         *rapport_store_get_deal_notes        (RapportStore       *self,
                                                         gint64              deal_id);
GListModel         *rapport_store_get_organization_notes (RapportStore      *self,
                                                          gint64             organization_id);
/* The negotiation log of a deal, oldest first */
GListModel         *rapport_store_get_negotiation       (RapportStore       *self,
                                                         gint64              deal_id);
/* Won deals of an organization: how many, and their sum in the store's
 * default currency (minor units). */
void                rapport_store_get_organization_won  (RapportStore       *self,
                                                         gint64              organization_id,
                                                         guint              *n_won,
                                                         gint64             *total);

/* Takes back a note, a negotiation entry or an activity (for undo). */
gboolean            rapport_store_delete                (RapportStore       *self,
                                                         RapportRecord      *record,
                                                         GError            **error);

/* Global search: contacts, organizations and deals whose name, title,
 * e-mail, phone, website, address, industry, tags, custom values or notes
 * have words starting with every word of
 * @text (any case, accents ignored), best first; at most @limit of each
 * kind. An empty text finds nothing. */
typedef enum
{
  RAPPORT_SEARCH_CONTACT = 1,
  RAPPORT_SEARCH_ORGANIZATION = 2,
  RAPPORT_SEARCH_DEAL = 3,
} RapportSearchKind;

typedef struct
{
  RapportSearchKind kind;
  gint64            id;
  double            rank;    /* lower is better */
} RapportSearchHit;

/* An array of RapportSearchHit, grouped by kind (contacts, organizations,
 * deals), best first within each. */
GArray             *rapport_store_search                (RapportStore       *self,
                                                         const char         *text,
                                                         guint               limit,
                                                         GError            **error);

/* A contact's e-mail addresses and phone numbers in their order, the
 * first being its email / phone: arrays of RapportContactValue (transfer
 * full), NULL on error. */
GPtrArray          *rapport_store_get_contact_emails    (RapportStore       *self,
                                                         gint64              contact_id,
                                                         GError            **error);
GPtrArray          *rapport_store_get_contact_phones    (RapportStore       *self,
                                                         gint64              contact_id,
                                                         GError            **error);
/* The contact's photo and its MIME type (transfer full), or NULL with no
 * @error when it has none. */
GBytes             *rapport_store_get_contact_photo     (RapportStore       *self,
                                                         gint64              contact_id,
                                                         char              **mime_type,
                                                         GError            **error);
/* The largest photo the store keeps. */
#define RAPPORT_PHOTO_MAX_BYTES (4 * 1024 * 1024)

/* Tags and custom fields (rapport-store-custom.c). @entity is
 * RAPPORT_ENTITY_CONTACT or RAPPORT_ENTITY_ORGANIZATION. */

/* The record's tags, sorted (transfer full); NULL on error. */
GStrv               rapport_store_get_tags              (RapportStore       *self,
                                                         RapportEntity       entity,
                                                         gint64              id,
                                                         GError            **error);
/* Every tag some record of @entity has, each once (in the spelling of its
 * first in the alphabet), sorted: the lists' filter. For
 * RAPPORT_ENTITY_DEAL, those of contacts and organizations (a deal has
 * the tags of its contact and its organization). */
GStrv               rapport_store_list_tags             (RapportStore       *self,
                                                         RapportEntity       entity,
                                                         GError            **error);
/* The ids (a set of gint64) of the records of @entity that have @tag. */
GHashTable         *rapport_store_get_tagged            (RapportStore       *self,
                                                         RapportEntity       entity,
                                                         const char         *tag,
                                                         GError            **error);
/* Gives the record @tag (@present) or takes it away; a tag is the same in
 * any case. Adding one it has does nothing; taking one it lacks is
 * RAPPORT_ERROR_NOT_FOUND. */
gboolean            rapport_store_set_tag               (RapportStore       *self,
                                                         RapportEntity       entity,
                                                         gint64              id,
                                                         const char         *tag,
                                                         gboolean            present,
                                                         GError            **error);

/* A field the team defined for one kind of record. */
typedef struct
{
  gint64            id;
  RapportEntity     entity;
  char             *name;
  RapportFieldType  type;
  GStrv             choices;   /* a choice field's, in order; else empty */
} RapportCustomField;

void                rapport_custom_field_free           (RapportCustomField *field);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportCustomField, rapport_custom_field_free)

/* A record's value of a field. */
typedef struct
{
  gint64            field_id;
  char             *name;
  RapportFieldType  type;
  char             *value;
} RapportCustomValue;

void                rapport_custom_value_free           (RapportCustomValue *value);

/* The fields of @entity in the order they were made (RapportCustomField). */
GPtrArray          *rapport_store_get_custom_fields     (RapportStore       *self,
                                                         RapportEntity       entity,
                                                         GError            **error);
/* The field called @name (any case), or NULL with RAPPORT_ERROR_NOT_FOUND. */
RapportCustomField *rapport_store_find_custom_field     (RapportStore       *self,
                                                         RapportEntity       entity,
                                                         const char         *name,
                                                         GError            **error);
/* A new field; @choices only, and at least one, for a choice field. */
RapportCustomField *rapport_store_add_custom_field      (RapportStore       *self,
                                                         RapportEntity       entity,
                                                         const char         *name,
                                                         RapportFieldType    type,
                                                         const char * const *choices,
                                                         GError            **error);
/* The values the record has (RapportCustomValue), in the fields' order. */
GPtrArray          *rapport_store_get_custom_values     (RapportStore       *self,
                                                         RapportEntity       entity,
                                                         gint64              id,
                                                         GError            **error);
/* The value of @field_id in such an array, or NULL. */
const char         *rapport_custom_values_lookup        (GPtrArray          *values,
                                                         gint64              field_id);
/* Sets the record's value of @field, checked by the field's type; blank
 * @value takes it away. */
gboolean            rapport_store_set_custom_value      (RapportStore       *self,
                                                         gint64              id,
                                                         const RapportCustomField *field,
                                                         const char         *value,
                                                         GError            **error);

/* Changing things: each one transaction */
/* The title, lists and photo of @contact: all of @details is checked
 * before anything is written; the first address and number become its
 * email and phone. */
gboolean            rapport_store_set_contact_details   (RapportStore       *self,
                                                         RapportContact     *contact,
                                                         const RapportContactDetails *details,
                                                         GError            **error);
RapportOrganization *rapport_store_add_organization     (RapportStore       *self,
                                                         const char         *name,
                                                         GError            **error);
RapportContact     *rapport_store_add_contact           (RapportStore       *self,
                                                         const RapportContactFields *fields,
                                                         GError            **error);
/* Stores the rows @source gives, in one transaction: all of them, or
 * nothing if one is bad (unless RAPPORT_IMPORT_SKIP_BAD_ROWS), or nothing
 * at all with RAPPORT_IMPORT_DRY_RUN; @counts says what was (or would
 * be) done. An organization row whose name is already there (folded case)
 * is skipped. Imported contacts are not leads: an import brings in a past,
 * it does not ask for calls. */
gboolean            rapport_store_import                (RapportStore       *self,
                                                         RapportImportKind   kind,
                                                         RapportImportFlags  flags,
                                                         RapportImportSource source,
                                                         gpointer            user_data,
                                                         RapportImportCounts *counts,
                                                         GError            **error);
/* Stores @rows as follow-ups in one transaction, nothing with
 * RAPPORT_IMPORT_DRY_RUN: a row whose UID an earlier import (or an
 * export of this database) gave is updated, or skipped if nothing
 * changed; the others are created. Each is linked to the first contact
 * whose e-mail is one of the row's (any case). On a bad row nothing is
 * stored: FALSE, with its line in *@bad_line. */
gboolean            rapport_store_import_followups      (RapportStore       *self,
                                                         RapportImportFlags  flags,
                                                         const RapportImportFollowup *rows,
                                                         guint               n_rows,
                                                         RapportImportCounts *counts,
                                                         guint              *bad_line,
                                                         GError            **error);
/* The database's own name in calendars' UIDs: made at random the first
 * time, then kept in the file, so re-exported items replace themselves. */
char               *rapport_store_dup_calendar_id       (RapportStore       *self,
                                                         GError            **error);
RapportDeal        *rapport_store_add_deal              (RapportStore       *self,
                                                         const RapportDealFields *fields,
                                                         GError            **error);
/* The field names (one per column) chosen for a file of @kind with these
 * @headers the last time, kept with the data; NULL when none were. */
GStrv               rapport_store_get_import_mapping    (RapportStore       *self,
                                                         RapportImportKind   kind,
                                                         GPtrArray          *headers);
gboolean            rapport_store_set_import_mapping    (RapportStore       *self,
                                                         RapportImportKind   kind,
                                                         GPtrArray          *headers,
                                                         const char * const *fields,
                                                         GError            **error);
/* Deletes what the import of @undo created — its deals, contacts and
 * organizations with their notes and history — in one transaction. */
gboolean            rapport_store_undo_import           (RapportStore       *self,
                                                         RapportImportUndo  *undo,
                                                         GError            **error);
/* The same for deals (rapport-store-import-deals.c): each with its stage
 * history (created in its stage, then won or lost at its close), its
 * contact and organization found or created, at the end of its stage. */
gboolean            rapport_store_import_deals          (RapportStore       *self,
                                                         RapportImportFlags  flags,
                                                         RapportDealImportSource source,
                                                         gpointer            user_data,
                                                         RapportImportCounts *counts,
                                                         GError            **error);
gboolean            rapport_store_update                (RapportStore       *self,
                                                         RapportRecord      *record,
                                                         const char         *property,
                                                         const GValue       *value,
                                                         GError            **error);
/* Several at once: all checked before any is written, in one transaction. */
gboolean            rapport_store_update_properties     (RapportStore       *self,
                                                         RapportRecord      *record,
                                                         guint               n_properties,
                                                         const char        **properties,
                                                         const GValue       *values,
                                                         GError            **error);
gboolean            rapport_store_move_deal             (RapportStore       *self,
                                                         RapportDeal        *deal,
                                                         RapportStage       *stage,
                                                         int                 position,
                                                         GError            **error);
gboolean            rapport_store_set_deal_status       (RapportStore       *self,
                                                         RapportDeal        *deal,
                                                         RapportDealStatus   status,
                                                         const char         *lost_reason,
                                                         GError            **error);
gboolean            rapport_store_set_bant              (RapportStore       *self,
                                                         RapportDeal        *deal,
                                                         RapportBantItem     item,
                                                         RapportAnswer       answer,
                                                         GError            **error);
/* Several answers at once: all are checked before any is written, and they
 * are written in one transaction (all or none). */
gboolean            rapport_store_set_bant_answers      (RapportStore       *self,
                                                         RapportDeal        *deal,
                                                         const RapportBantAnswer *answers,
                                                         guint               n_answers,
                                                         GError            **error);
RapportActivity    *rapport_store_log_activity          (RapportStore       *self,
                                                         gint64              contact_id,
                                                         gint64              deal_id,
                                                         RapportActivityKind kind,
                                                         const char         *note,
                                                         GError            **error);
RapportActivity    *rapport_store_add_followup          (RapportStore       *self,
                                                         gint64              contact_id,
                                                         gint64              deal_id,
                                                         const char         *title,
                                                         gint64              due_at,
                                                         GError            **error);
RapportActivity    *rapport_store_add_followup_of_kind  (RapportStore       *self,
                                                         gint64              contact_id,
                                                         gint64              deal_id,
                                                         RapportActivityKind kind,
                                                         const char         *title,
                                                         gint64              due_at,
                                                         GError            **error);

/* A call, an email or a meeting as a seller logs it: when (0: now; never
 * in the future), how long (minutes, 0: not said, at most a day), how it
 * went (an outcome that fits the kind, or none), a note, and what's next
 * (a follow-up of @next_kind due @next_due_at, 0: none; titled
 * @next_title, or after its kind and the contact). */
typedef struct
{
  gint64                  contact_id;
  gint64                  deal_id;
  RapportActivityKind     kind;
  const char             *note;
  gint64                  done_at;
  int                     duration_minutes;
  RapportActivityOutcome  outcome;
  gint64                  next_due_at;
  RapportActivityKind     next_kind;
  const char             *next_title;
} RapportActivityLog;

/* Logs it with its next step and the first contact it may be, in one
 * transaction; @next (optional) gets the follow-up scheduled, if any. */
RapportActivity    *rapport_store_log_activity_full     (RapportStore       *self,
                                                         const RapportActivityLog *log,
                                                         RapportActivity   **next,
                                                         GError            **error);
/* Undo of a log: @logged and the follow-up it scheduled (@next, or NULL)
 * go, and so does the first contact it was, in one transaction. */
gboolean            rapport_store_unlog_activity        (RapportStore       *self,
                                                         RapportActivity    *logged,
                                                         RapportActivity    *next,
                                                         GError            **error);
/* Mark Contacted on a speed-to-lead follow-up: done, and the first
 * contact logged as an activity (returned; rapport_store_unlog_activity()
 * takes both back). */
RapportActivity    *rapport_store_mark_contacted        (RapportStore       *self,
                                                         RapportActivity    *followup,
                                                         GError            **error);
gboolean            rapport_store_complete_activity     (RapportStore       *self,
                                                         RapportActivity    *activity,
                                                         GError            **error);
/* Undo of complete: pending again (a recorded first contact stays). */
gboolean            rapport_store_reopen_activity       (RapportStore       *self,
                                                         RapportActivity    *activity,
                                                         GError            **error);
gboolean            rapport_store_snooze_activity       (RapportStore       *self,
                                                         RapportActivity    *activity,
                                                         gint64              until,
                                                         GError            **error);
gboolean            rapport_store_reschedule_activity   (RapportStore       *self,
                                                         RapportActivity    *activity,
                                                         gint64              due_at,
                                                         GError            **error);
/* Remembers which reminder of a follow-up was shown (1 early, 2 due). */
gboolean            rapport_store_set_reminded          (RapportStore       *self,
                                                         RapportActivity    *activity,
                                                         int                 level,
                                                         GError            **error);
/* The same for many follow-ups (an array of gint64 ids): one
 * transaction, one ::changed. */
gboolean            rapport_store_set_reminded_many     (RapportStore       *self,
                                                         GArray             *ids,
                                                         int                 level,
                                                         GError            **error);
RapportNote        *rapport_store_add_note              (RapportStore       *self,
                                                         gint64              contact_id,
                                                         gint64              deal_id,
                                                         gint64              organization_id,
                                                         const char         *body,
                                                         GError            **error);
RapportNegotiationEntry *rapport_store_add_negotiation_entry (RapportStore  *self,
                                                              RapportDeal   *deal,
                                                              RapportNegotiationKind kind,
                                                              gint64         amount,
                                                              const char    *text,
                                                              GError       **error);

/* The playbook checklist of a deal: which key actions are done */
GHashTable         *rapport_store_get_done_actions      (RapportStore       *self,
                                                         RapportDeal        *deal,
                                                         GError            **error);
gboolean            rapport_store_set_action_done       (RapportStore       *self,
                                                         RapportDeal        *deal,
                                                         RapportStageAction *action,
                                                         gboolean            done,
                                                         GError            **error);

/* How fast new leads were first contacted, over every contact that came in
 * as a lead (had a speed-to-lead follow-up). */
typedef struct
{
  guint  n_leads;
  guint  n_contacted;          /* first contact recorded */
  guint  n_within;             /* …within the speed-to-lead time (not
                                * if recorded before the arrival) */
  guint  n_waiting;            /* not contacted yet */
  guint  n_waiting_late;       /* …and past the speed-to-lead time */
  gint64 median_seconds;       /* arrival to first contact, over those
                                * after it; 0 if none */
  int    minutes;              /* the speed-to-lead time used */
} RapportSpeedToLead;

gboolean            rapport_store_get_speed_to_lead     (RapportStore       *self,
                                                         RapportSpeedToLead *stats,
                                                         GError            **error);

/* Insights (rapport-report.h): every figure of a period and of the one
 * before it, in one call (transfer full). */
RapportReport      *rapport_store_report_summary        (RapportStore       *self,
                                                         const RapportReportQuery *query,
                                                         GError            **error);
/* The ids (gint64) of the deals behind one figure of @query's period, by
 * id; @param and @text as RapportReportSlice says (0 and NULL otherwise). */
GArray             *rapport_store_report_deal_ids       (RapportStore       *self,
                                                         const RapportReportQuery *query,
                                                         RapportReportSlice  slice,
                                                         gint64              param,
                                                         const char         *text,
                                                         GError            **error);

/* Goals: added, listed (a RapportRecordList by id that follows the store),
 * removed with rapport_store_delete(); each one transaction with a
 * RAPPORT_ENTITY_GOAL notice. */
RapportGoal        *rapport_store_add_goal              (RapportStore       *self,
                                                         const RapportGoalFields *fields,
                                                         GError            **error);
RapportGoal        *rapport_store_get_goal              (RapportStore       *self,
                                                         gint64              id,
                                                         GError            **error);
GListModel         *rapport_store_get_goals             (RapportStore       *self);
/* The owners named on deals, contacts and goals, each once, sorted (for
 * picking whose a goal is); NULL-terminated, transfer full. */
char              **rapport_store_get_owners            (RapportStore       *self,
                                                         GError            **error);
/* Progress in the period of the goal's kind that holds @at (0 for now). */
gboolean            rapport_store_get_goal_progress     (RapportStore       *self,
                                                         RapportGoal        *goal,
                                                         gint64              at,
                                                         RapportGoalProgress *progress,
                                                         GError            **error);
/* Remembers that @goal was reached in the period starting at
 * @period_start (RapportGoalProgress.start), so a notification is shown
 * once per goal and period, by whichever program sees it first:
 * *@first_time (may be NULL) says whether this call marked it, or it was
 * marked already (someone else told the user). */
gboolean            rapport_store_mark_goal_reached     (RapportStore       *self,
                                                         RapportGoal        *goal,
                                                         gint64              period_start,
                                                         gboolean           *first_time,
                                                         GError            **error);

/* Demo data, for first runs and benchmarks */
gboolean            rapport_store_fill_demo             (RapportStore       *self,
                                                         guint               n_deals,
                                                         guint               n_contacts,
                                                         guint32             seed,
                                                         GError            **error);

/* No deal, contact or organization at all: a first run. */
gboolean            rapport_store_is_empty              (RapportStore       *self);

/* The rows one demo fill added, to take them back exactly. */
typedef struct _RapportDemoRows RapportDemoRows;

/* rapport_store_fill_demo() on an empty database only (else
 * RAPPORT_ERROR_INVALID): demo data never mixes with real records. */
RapportDemoRows    *rapport_store_fill_demo_empty       (RapportStore       *self,
                                                         guint               n_deals,
                                                         guint               n_contacts,
                                                         guint32             seed,
                                                         GError            **error);
/* Takes back what that fill added (the undo of Load Demo Data), and only
 * that: what was added since stays. One transaction. */
gboolean            rapport_store_remove_demo           (RapportStore       *self,
                                                         const RapportDemoRows *rows,
                                                         GError            **error);
void                rapport_demo_rows_free              (RapportDemoRows    *rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportDemoRows, rapport_demo_rows_free)

G_END_DECLS
