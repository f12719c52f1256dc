/* rapport-store-snapshot.h — several reads that see one state of the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-store.h"

G_BEGIN_DECLS

/* Starts a read transaction unless one is open already (*@began says
 * which, for rapport_store_snapshot_end()). */
gboolean rapport_store_snapshot_begin (RapportStore  *self,
                                       gboolean      *began,
                                       GError       **error);
void     rapport_store_snapshot_end   (RapportStore  *self,
                                       gboolean       began);

G_END_DECLS
