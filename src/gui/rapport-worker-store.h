/* rapport-worker-store.h — the store that worker threads share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's store belongs to the main thread. Work that would hold the
 * window up (an import, finding duplicates in a big file) runs on a
 * worker with a store of its own on the same file: one per file for the
 * life of the process, never closed, and used by one job at a time.
 * Closing a store closes its descriptor of the database file, and closing
 * any descriptor of a file drops every POSIX lock the process holds on
 * it: the window's own SQLite locks would go with it, and another program
 * could then take the file's shared memory for unused and reset it under
 * the window.
 */

#pragma once

#include <gio/gio.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* Waits for the other jobs, then gives the worker's store of @db_path,
 * opened on first use (NULL and @error if it cannot be). The caller holds
 * it until rapport_worker_store_release(), on the same thread. */
RapportStore *rapport_worker_store_acquire (const char  *db_path,
                                            GError     **error);
void          rapport_worker_store_release (void);

G_END_DECLS
