/* rapport-record-list.h — a GListModel of records that follows the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rapport-store-private.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_RECORD_LIST (rapport_record_list_get_type ())

G_DECLARE_FINAL_TYPE (RapportRecordList, rapport_record_list, RAPPORT, RECORD_LIST, GObject)

/* A list of the @item_type records whose ids @query returns (bound with
 * @param as ?1 when non-zero), refreshed after each change to its table. */
GListModel *rapport_record_list_new    (RapportStore *store,
                                        GType         item_type,
                                        RapportStmt   query,
                                        gint64        param);
/* The id at @position without making its object: cheap for long lists. */
gint64      rapport_record_list_get_id (RapportRecordList *self,
                                        guint              position);
void        rapport_record_list_reload (RapportRecordList *self);
gboolean    rapport_record_list_contains (RapportRecordList *self,
                                          gint64             id);

G_END_DECLS
