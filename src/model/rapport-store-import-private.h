/* rapport-store-import-private.h — what the imports of each kind share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rapport-store-import.c (contacts and organizations) and
 * rapport-store-import-deals.c run one transaction the same way: begun
 * with the organizations' names loaded, rows counted as they come, and
 * ended kept, or rolled back for a bad row or a dry run.
 */

#pragma once

#include "rapport-store-private.h"

G_BEGIN_DECLS

typedef struct _RapportImportMatcher RapportImportMatcher;

typedef struct
{
  RapportStore        *store;
  RapportImportKind    kind;
  RapportImportFlags   flags;
  RapportImportCounts *counts;
  GHashTable          *organizations;  /* folded name (owned) → id */
  gint64               now;
  guint                staged;         /* contacts in temp.import_contact */
  RapportImportUndo   *undo;           /* what was created, so far */
  gsize                staged_bytes;   /* the staged contacts' photos' bytes */
  RapportImportMatcher *matcher;       /* contacts there already; NULL to create every row */
  GHashTable          *custom_fields;  /* folded name (owned) → RapportCustomField, as asked for */
} RapportStoreImport;

/* Notes that rows @first to @last of @entity's table were created. */
void     rapport_store_import_created      (RapportStoreImport   *import,
                                            RapportEntity         entity,
                                            gint64                first,
                                            gint64                last);

gboolean rapport_store_import_begin        (RapportStoreImport   *import,
                                            RapportStore         *store,
                                            RapportImportKind     kind,
                                            RapportImportFlags    flags,
                                            RapportImportCounts  *counts,
                                            GError              **error);
/* Commits, or rolls back (!@read_all, a bad row, a dry run); notifies. */
gboolean rapport_store_import_end          (RapportStoreImport   *import,
                                            gboolean              read_all,
                                            GError              **error);
/* Counts a row the source gave (a good or a bad one). */
void     rapport_store_import_count        (RapportStoreImport   *import,
                                            RapportImportNext     next);
/* Whether the rows are still written (no bad one yet, or they are skipped). */
gboolean rapport_store_import_takes_rows   (RapportStoreImport   *import);
/* "Line N: what is wrong"; always returns FALSE. */
gboolean rapport_store_import_row_error    (guint                 line,
                                            GError               *row_error,
                                            GError              **error);

gboolean rapport_store_import_load_organizations (RapportStoreImport *import,
                                                  GError            **error);
/* An organization by name (folded case), created if it is not there yet. */
gboolean rapport_store_import_find_organization  (RapportStoreImport  *import,
                                                  const char          *name,
                                                  gint64              *id,
                                                  GError             **error);
/* A note on a contact, a deal or an organization (0 for none); nothing for
 * an empty @body. */
gboolean rapport_store_import_insert_note        (RapportStoreImport  *import,
                                                  gint64               contact_id,
                                                  gint64               deal_id,
                                                  gint64               organization_id,
                                                  const char          *body,
                                                  GError             **error);

/* rapport-store-import-match.c: the contacts a row may be (by e-mail,
 * phone, or name in one organization), read once at the start. */
RapportImportMatcher *rapport_import_matcher_new  (RapportStore          *store,
                                                   GError               **error);
void     rapport_import_matcher_free             (RapportImportMatcher  *matcher);
/* The contact @row is, 0 for none, or an id for which
 * rapport_import_matcher_is_this_file() is TRUE: a row before it in the
 * same file. */
gint64   rapport_import_matcher_find             (RapportImportMatcher    *matcher,
                                                  const RapportImportRow  *row,
                                                  gint64                   organization_id);
gboolean rapport_import_matcher_is_this_file     (gint64                   id);
/* @row will be a contact of its own: later rows that match it are. */
void     rapport_import_matcher_add              (RapportImportMatcher    *matcher,
                                                  const RapportImportRow  *row,
                                                  gint64                   organization_id);
/* Writes @row's values over contact @id: into its empty fields only, or
 * (@overwrite) over every field the row has. */
gboolean rapport_store_import_write_over         (RapportStoreImport      *import,
                                                  gint64                   id,
                                                  const RapportImportRow  *row,
                                                  const char              *name,
                                                  gint64                   organization_id,
                                                  gboolean                 overwrite,
                                                  GError                 **error);
/* Copies contact @id whole, once per import, so the undo can put it back. */
gboolean rapport_store_import_keep_contact       (RapportStoreImport      *import,
                                                  gint64                   id,
                                                  GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportImportMatcher, rapport_import_matcher_free)

G_END_DECLS
