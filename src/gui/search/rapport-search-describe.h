/* rapport-search-describe.h — how a search hit reads: its title, what
 * tells it apart from another of the same name, its kind and its icon
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same words in the app's search and in GNOME Shell's overview.
 */

#pragma once

#include "rapport-store.h"

G_BEGIN_DECLS

/* "Contact", "Organization", "Deal" (translated). */
const char *rapport_search_kind_name  (RapportSearchKind  kind);
/* The symbolic icon of the kind. */
const char *rapport_search_kind_icon  (RapportSearchKind  kind);
/* “Acme Corp · ada@acme.example”: the two parts that are there, joined. */
char       *rapport_search_join       (const char        *first,
                                       const char        *second);
/* The record's title and subtitle (either may be NULL); FALSE when the
 * record is gone. */
gboolean    rapport_search_describe   (RapportStore      *store,
                                       RapportSearchKind  kind,
                                       gint64             id,
                                       char             **title,
                                       char             **subtitle);

G_END_DECLS
