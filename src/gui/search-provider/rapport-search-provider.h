/* rapport-search-provider.h — contacts, organizations and deals in GNOME
 * Shell's overview (org.gnome.Shell.SearchProvider2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_SEARCH_PROVIDER (rapport_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (RapportSearchProvider, rapport_search_provider, RAPPORT, SEARCH_PROVIDER, GObject)

/* Answers for @application (held while it answers) from the database at
 * @db_path, or from the store set with rapport_search_provider_set_store()
 * once the application has one open. */
RapportSearchProvider *rapport_search_provider_new          (GApplication          *application,
                                                             const char            *db_path);
void                   rapport_search_provider_set_store    (RapportSearchProvider *self,
                                                             RapportStore          *store);
gboolean               rapport_search_provider_export       (RapportSearchProvider *self,
                                                             GDBusConnection       *connection,
                                                             const char            *object_path,
                                                             GError               **error);
void                   rapport_search_provider_unexport     (RapportSearchProvider *self);

/* Results are "contact:12", "organization:3", "deal:5". */
gboolean               rapport_search_provider_parse_id     (const char            *identifier,
                                                             RapportSearchKind     *kind,
                                                             gint64                *id);

G_END_DECLS
