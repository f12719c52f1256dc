/* rapport-store-notices.c — telling views what changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include "rapport-store-private.h"

void
rapport_store_emit_changed (RapportStore *self,
                            const char   *table,
                            gint64        id)
{
  /* The database's triggers keep a contact's last contact and next
   * follow-up from its activities: show them on the live objects. */
  if (g_str_equal (table, "activity"))
    rapport_store_reload_live (self, RAPPORT_TYPE_CONTACT);

  g_signal_emit (self, rapport_store_signals[RAPPORT_STORE_SIGNAL_CHANGED], g_quark_from_string (table), table, id);
}

/* Pipelines and stages another program added, removed or reordered. */
static void
reload_structure (RapportStore *self)
{
  GHashTableIter iter;
  gpointer key, list;

  if (self->pipelines != NULL)
    rapport_store_reload_pipelines (self);

  g_hash_table_iter_init (&iter, self->stages);
  while (g_hash_table_iter_next (&iter, &key, &list))
    rapport_store_reload_stages (self, *(gint64 *) key, list);
}

/* After a change of unknown extent: another program's, or a restore. */
void
rapport_store_reload_everything (RapportStore *self)
{
  rapport_store_load_settings (self);
  rapport_store_reload_all_live (self);
  reload_structure (self);

  if (self->pipelines != NULL)
    rapport_store_emit_changed (self, "pipeline", 0);
  rapport_store_emit_changed (self, "stage", 0);
  rapport_store_emit_changed (self, "organization", 0);
  rapport_store_emit_changed (self, "contact", 0);
  rapport_store_emit_changed (self, "deal", 0);
  rapport_store_emit_changed (self, "activity", 0);
  rapport_store_emit_changed (self, "note", 0);
  rapport_store_emit_changed (self, "negotiation_entry", 0);
  rapport_store_emit_changed (self, "deal_action", 0);
}
