/* rapport-record-list.h — a GListModel of records that follows the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rapport-sqlite.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_RECORD_LIST (rapport_record_list_get_type ())

G_DECLARE_FINAL_TYPE (RapportRecordList, rapport_record_list, RAPPORT, RECORD_LIST, GObject)

/* A list of the @item_type records whose ids @query returns (bound with
 * @param as ?1 when non-zero), refreshed after each change to its table. */
GListModel *rapport_record_list_new    (RapportStore *store,
                                        GType         item_type,
                                        RapportStmt   query,
                                        gint64        param);
/* The same for constant SQL (see rapport_store_stmt_sql()) with ?1 bound
 * to @param when non-zero and ?2 to @text (NULL binds NULL). Changes to
 * any row of the item type's table reload it. */
GListModel *rapport_record_list_new_sql (RapportStore *store,
                                         GType         item_type,
                                         const char   *sql,
                                         gint64        param,
                                         const char   *text);
/* The same, followed by the ids @sql_then returns (bound alike): two
 * index-ordered reads where one query would sort everything. */
GListModel *rapport_record_list_new_sql_then (RapportStore *store,
                                              GType         item_type,
                                              const char   *sql,
                                              const char   *sql_then,
                                              gint64        param,
                                              const char   *text);
/* The same for constant SQL (then @sql_then's ids, if not NULL) with each
 * child of the tuple @args (floating or not) bound in turn as ?1, ?2…:
 * int64s, strings, and maybes of them, where nothing binds NULL. */
GListModel *rapport_record_list_new_args (RapportStore *store,
                                          GType         item_type,
                                          const char   *sql,
                                          const char   *sql_then,
                                          GVariant     *args);
/* The same (@sql_then may be NULL), with ?3 bound to @tag (NULL binds
 * NULL). */
GListModel *rapport_record_list_new_tagged (RapportStore *store,
                                            GType         item_type,
                                            const char   *sql,
                                            const char   *sql_then,
                                            gint64        param,
                                            const char   *text,
                                            const char   *tag);
/* The id at @position without making its object: cheap for long lists. */
gint64      rapport_record_list_get_id (RapportRecordList *self,
                                        guint              position);
void        rapport_record_list_reload (RapportRecordList *self);
gboolean    rapport_record_list_contains (RapportRecordList *self,
                                          gint64             id);

G_END_DECLS
