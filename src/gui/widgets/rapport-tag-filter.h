/* rapport-tag-filter.h — a list's choice of one tag, or all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_TAG_FILTER (rapport_tag_filter_get_type ())

G_DECLARE_FINAL_TYPE (RapportTagFilter, rapport_tag_filter, RAPPORT, TAG_FILTER, AdwBin)

/* The tags of @entity's records (RAPPORT_ENTITY_CONTACT,
 * RAPPORT_ENTITY_ORGANIZATION, or RAPPORT_ENTITY_DEAL for both) in
 * @store, read when first shown. */
GtkWidget  *rapport_tag_filter_new     (RapportStore     *store,
                                        RapportEntity     entity);
/* The tag chosen, or NULL for all; "notify::tag" when it changes. */
const char *rapport_tag_filter_get_tag (RapportTagFilter *self);
/* Back to all tags. */
void        rapport_tag_filter_clear   (RapportTagFilter *self);

G_END_DECLS
