/* rapport-notice.h — what a change notice says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After every commit, by this process or another (as the watch sees it),
 * the store emits RapportStore::notice with one of these, detailed by the
 * entity's nick ("notice::deal"), so a view can listen to the kinds it
 * shows. The same notices are what team sync will feed when it applies
 * the team's changes. Tables are the store's business, never a view's.
 */

#pragma once

#include <glib-object.h>

#include "rapport-enums.h"
#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_NOTICE (rapport_notice_get_type ())

typedef struct
{
  RapportEntity entity;
  RapportChange change;
  gint64        id;      /* the record; 0 with RAPPORT_CHANGE_RELOAD */
} RapportNotice;

GType          rapport_notice_get_type     (void) G_GNUC_CONST;
RapportNotice *rapport_notice_copy         (const RapportNotice *notice);
void           rapport_notice_free         (RapportNotice       *notice);

/* "deal", "negotiation-entry", …: the detail of RapportStore::notice. */
const char    *rapport_entity_get_nick     (RapportEntity        entity);
/* Is @notice about record @id of @entity, or about every one of them? */
gboolean       rapport_notice_concerns     (const RapportNotice *notice,
                                            RapportEntity        entity,
                                            gint64               id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportNotice, rapport_notice_free)

G_END_DECLS
