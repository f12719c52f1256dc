/* rapport-import.h — what a column of an imported file means, and how its
 * text becomes a record's fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-csv-reader.h"
#include "rapport-vcard-reader.h"
#include "rapport-store.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_IMPORT_FIELD_NONE,    /* a column that is not imported */
  RAPPORT_IMPORT_FIELD_NAME,
  RAPPORT_IMPORT_FIELD_FIRST_NAME,
  RAPPORT_IMPORT_FIELD_LAST_NAME,
  RAPPORT_IMPORT_FIELD_EMAIL,
  RAPPORT_IMPORT_FIELD_PHONE,
  RAPPORT_IMPORT_FIELD_ORGANIZATION,
  RAPPORT_IMPORT_FIELD_TITLE,
  RAPPORT_IMPORT_FIELD_OWNER,
  RAPPORT_IMPORT_FIELD_CREATED_AT,
  RAPPORT_IMPORT_FIELD_SOURCE,
  RAPPORT_IMPORT_FIELD_NOTE,
  RAPPORT_IMPORT_FIELD_EXTERNAL_ID,
  /* A deal's; its name is the deal's title, its contact's is CONTACT (or
   * FIRST_NAME and LAST_NAME), EMAIL and PHONE are its contact's. */
  RAPPORT_IMPORT_FIELD_VALUE,
  RAPPORT_IMPORT_FIELD_CURRENCY,
  RAPPORT_IMPORT_FIELD_STAGE,
  RAPPORT_IMPORT_FIELD_STATUS,
  RAPPORT_IMPORT_FIELD_CONTACT,
  RAPPORT_IMPORT_FIELD_CLOSE_DATE,
  RAPPORT_IMPORT_FIELD_LOST_REASON,
  /* A contact's or an organization's record. */
  RAPPORT_IMPORT_FIELD_ADDRESS,
  RAPPORT_IMPORT_FIELD_BIRTHDAY,
  RAPPORT_IMPORT_FIELD_INDUSTRY,
  RAPPORT_IMPORT_FIELD_SIZE,
  RAPPORT_IMPORT_FIELD_TAGS,
  RAPPORT_IMPORT_N_FIELDS
} RapportImportField;

/* How to read 12/03/2024; GUESS takes it when one part is over 12 and
 * refuses the date when either order would do. */
typedef enum
{
  RAPPORT_DATE_ORDER_GUESS,
  RAPPORT_DATE_ORDER_DMY,
  RAPPORT_DATE_ORDER_MDY,
  RAPPORT_DATE_ORDER_YMD,
} RapportDateOrder;

/* How an amount marks its decimals: "1,234.50" or "1.234,50". */
typedef enum
{
  RAPPORT_DECIMAL_POINT,
  RAPPORT_DECIMAL_COMMA,
} RapportDecimalMark;

/* A column of custom values is headed "field:NAME" (what the CSV export
 * writes): NAME, or NULL for another header (transfer full). */
char *rapport_import_custom_header (const char *header);

/* "email" ↔ RAPPORT_IMPORT_FIELD_EMAIL; "ignore" is FIELD_NONE. FALSE for
 * a name that is no field. */
gboolean            rapport_import_field_parse  (const char          *name,
                                                 RapportImportField  *field);
const char         *rapport_import_field_name   (RapportImportField   field);
/* The field a column header of a common export means (Google Contacts,
 * Outlook, HubSpot, Pipedrive, Salesforce, LinkedIn…), in any case;
 * FIELD_NONE when it is not known. */
RapportImportField  rapport_import_guess_field  (const char          *header);
/* The same for rows of @kind: in a deals file "Name" is the deal's and
 * "Person - Name" its contact's. */
RapportImportField  rapport_import_guess_field_for (RapportImportKind  kind,
                                                    const char        *header);

/* What a file's rows most likely are, from its headers: deals when two
 * of them name a deal's own fields (value, stage, status, close date…). */
RapportImportKind   rapport_import_guess_kind   (GPtrArray           *header);

/* "Header=field,Header=field": a table of folded header → field
 * (GUINT_TO_POINTER) that overrides the guesses. */
GHashTable         *rapport_import_parse_map    (const char          *text,
                                                 GError             **error);
char               *rapport_import_fold_header  (const char          *header);

/* A date as exports write it: ISO 8601, "2024-03-12 09:14", "12/03/2024"
 * (or with dots or dashes) in @order, "12 Mar 2024", "Mar 12, 2024",
 * each with an optional time (UTC). */
gboolean            rapport_import_parse_date   (const char          *text,
                                                 RapportDateOrder     order,
                                                 gint64              *unix_seconds,
                                                 GError             **error);

/* An amount in major units of @currency, with @mark, into minor units,
 * without floating point; spaces and apostrophes between digit groups
 * ("1 234,50", "1'234.50") are read as group marks. */
gboolean            rapport_import_parse_amount (const char          *text,
                                                 const char          *currency,
                                                 RapportDecimalMark   mark,
                                                 gint64              *minor_units,
                                                 GError             **error);
/* "won", "lost", "open" and the usual exports' words ("Closed Won",
 * "closed lost", "In progress"…), in any case; FALSE for other text. */
gboolean            rapport_import_parse_status (const char          *text,
                                                 RapportDealStatus   *status);

/* Which order a date like 25/03/2024 (DMY) or 03/25/2024 (MDY) can only
 * be in; GUESS when it tells nothing. */
RapportDateOrder    rapport_import_date_order_hint (const char       *text);

/* One bad row: where, and what is wrong, as a whole sentence. */
typedef struct
{
  guint  line;
  char  *column;    /* the header of the column at fault, or NULL */
  char  *message;
} RapportImportProblem;

/* @column may be NULL. */
RapportImportProblem *rapport_import_problem_new (guint                 line,
                                                  const char           *column,
                                                  const char           *message);
void                rapport_import_problem_free (RapportImportProblem *problem);

/* A --stage-map's value besides a stage id: the deal's outcome. */
#define RAPPORT_IMPORT_STAGE_WON  ((gint64) -1)
#define RAPPORT_IMPORT_STAGE_LOST ((gint64) -2)

/* Called now and then from the thread that imports, with the rows read so
 * far; returning FALSE is not asked for: cancel through the cancellable. */
typedef void (*RapportImportProgressFunc) (gpointer user_data,
                                           guint    rows);

typedef struct
{
  RapportImportKind   kind;
  const char         *map;          /* "Header=field,…" or NULL */
  /* The field of each column by its index (header order), for a caller
   * that has mapped them all (the assistant): overrides @map and the
   * guesses; NULL for none. */
  const RapportImportField *column_fields;
  guint               n_column_fields;
  RapportDateOrder    date_order;
  RapportImportFlags  flags;
  /* Deals only */
  const char         *stage_map;    /* "Value=Stage,…" (or =won, =lost) or NULL */
  /* The same as a table: value (as in the file) → stage id, or
   * RAPPORT_IMPORT_STAGE_WON / _LOST (gint64 *); NULL for none */
  GHashTable         *stage_choices;
  RapportDecimalMark  decimal_mark;
  gint64              pipeline_id;  /* 0: the current pipeline */

  GCancellable              *cancellable;  /* cancelled: nothing is stored */
  RapportImportProgressFunc  progress;
  gpointer                   progress_data;
} RapportCsvImportOptions;

typedef struct
{
  RapportImportCounts  counts;
  GPtrArray           *problems;        /* of RapportImportProblem */
  GPtrArray           *unknown_stages;  /* deals: the stage values no stage matched, once each */
  /* Dates of the file that can only be day first, or month first */
  guint                day_first_dates;
  guint                month_first_dates;
} RapportImportReport;

/* Maps @reader's columns, checks every row with the store's rules and
 * imports the file through rapport_store_import(). TRUE when the file was
 * read to its end: then @report says what was done, and lists the bad
 * rows (nothing is stored if there are some, unless skipped). FALSE for a
 * file that cannot be read or mapped, or a failed write. */
gboolean            rapport_import_csv          (RapportStore                   *store,
                                                 RapportCsvReader               *reader,
                                                 const RapportCsvImportOptions  *options,
                                                 RapportImportReport            *report,
                                                 GError                        **error);
/* The tasks and events of iCalendar @data (@len bytes) as follow-ups,
 * through rapport_store_import_followups(): TRUE when the file was read,
 * with @report listing its problems (then nothing is stored; the counts'
 * rows are the items read). FALSE for a failed write. *@items, when
 * given, gets the RapportIcsItems read. */
gboolean            rapport_import_ics          (RapportStore                   *store,
                                                 const char                     *data,
                                                 gsize                           len,
                                                 RapportImportFlags              flags,
                                                 RapportImportReport            *report,
                                                 GPtrArray                     **items,
                                                 GError                        **error);
/* The cards of @reader as contacts, through rapport_store_import(): TRUE
 * when the file was read to its end, with @report listing the bad cards
 * (then nothing is stored). FALSE for a file that cannot be read, or a
 * failed write. */
gboolean            rapport_import_vcard        (RapportStore                   *store,
                                                 RapportVcardReader             *reader,
                                                 RapportImportFlags              flags,
                                                 RapportImportReport            *report,
                                                 GError                        **error);
void                rapport_import_report_clear (RapportImportReport            *report);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RapportImportReport, rapport_import_report_clear)

G_END_DECLS
