/* rapport-duplicate-row.h — one likely pair of the Duplicates view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* A pair as an item of the view's list models. */
#define RAPPORT_TYPE_DUPLICATE_PAIR (rapport_duplicate_pair_get_type ())

G_DECLARE_FINAL_TYPE (RapportDuplicatePair, rapport_duplicate_pair, RAPPORT, DUPLICATE_PAIR, GObject)

RapportDuplicatePair    *rapport_duplicate_pair_new         (RapportEntity           entity,
                                                             const RapportDuplicate *pair);
RapportEntity            rapport_duplicate_pair_get_entity  (RapportDuplicatePair   *self);
gint64                   rapport_duplicate_pair_get_id      (RapportDuplicatePair   *self,
                                                             guint                   which);
RapportDuplicateReasons  rapport_duplicate_pair_get_reasons (RapportDuplicatePair   *self);
gboolean                 rapport_duplicate_pair_has         (RapportDuplicatePair   *self,
                                                             gint64                  id);

#define RAPPORT_TYPE_DUPLICATE_ROW (rapport_duplicate_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportDuplicateRow, rapport_duplicate_row, RAPPORT, DUPLICATE_ROW, GtkWidget)

GtkWidget *rapport_duplicate_row_new  (void);
/* Shows @pair (NULL: nothing), named as @store has the two now. Merge…
 * activates duplicates.merge with the pair's (entity, id, id). */
void       rapport_duplicate_row_bind (RapportDuplicateRow  *self,
                                       RapportStore         *store,
                                       RapportDuplicatePair *pair);

G_END_DECLS
