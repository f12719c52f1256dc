/* rapport-worker-store.c — the store that worker threads share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-worker-store"

#include "config.h"

#include "rapport-worker-store.h"

static GMutex worker_mutex;
static GHashTable *worker_stores;   /* path → RapportStore, never freed */

RapportStore *
rapport_worker_store_acquire (const char  *db_path,
                              GError     **error)
{
  RapportStore *store;

  g_return_val_if_fail (db_path != NULL, NULL);

  g_mutex_lock (&worker_mutex);
  if (worker_stores == NULL)
    worker_stores = g_hash_table_new (g_str_hash, g_str_equal);
  store = g_hash_table_lookup (worker_stores, db_path);
  if (store == NULL &&
      (store = rapport_store_new_full (db_path, NULL, RAPPORT_STORE_ALREADY_CHECKED, error)) != NULL)
    g_hash_table_insert (worker_stores, g_strdup (db_path), store);
  if (store == NULL)
    g_mutex_unlock (&worker_mutex);

  return store;
}

void
rapport_worker_store_release (void)
{
  g_mutex_unlock (&worker_mutex);
}
