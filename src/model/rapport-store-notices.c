/* rapport-store-notices.c — telling views what changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include "rapport-store-after-sales.h"
#include "rapport-store-private.h"

RapportEntity
rapport_entity_of_type (GType type)
{
  if (type == RAPPORT_TYPE_PIPELINE)
    return RAPPORT_ENTITY_PIPELINE;
  if (type == RAPPORT_TYPE_STAGE)
    return RAPPORT_ENTITY_STAGE;
  if (type == RAPPORT_TYPE_ORGANIZATION)
    return RAPPORT_ENTITY_ORGANIZATION;
  if (type == RAPPORT_TYPE_CONTACT)
    return RAPPORT_ENTITY_CONTACT;
  if (type == RAPPORT_TYPE_DEAL)
    return RAPPORT_ENTITY_DEAL;
  if (type == RAPPORT_TYPE_ACTIVITY)
    return RAPPORT_ENTITY_ACTIVITY;
  if (type == RAPPORT_TYPE_NOTE)
    return RAPPORT_ENTITY_NOTE;
  if (type == RAPPORT_TYPE_NEGOTIATION_ENTRY)
    return RAPPORT_ENTITY_NEGOTIATION_ENTRY;
  if (type == RAPPORT_TYPE_GOAL)
    return RAPPORT_ENTITY_GOAL;
  if (type == RAPPORT_TYPE_AFTER_SALES_STEP)
    return RAPPORT_ENTITY_AFTER_SALES_STEP;
  if (type == RAPPORT_TYPE_SATISFACTION)
    return RAPPORT_ENTITY_SATISFACTION;

  g_return_val_if_reached (RAPPORT_ENTITY_DEAL);
}

void
rapport_store_notify (RapportStore  *self,
                      RapportEntity  entity,
                      RapportChange  change,
                      gint64         id)
{
  RapportNotice notice = { .entity = entity, .change = change, .id = change == RAPPORT_CHANGE_RELOAD ? 0 : id };

  /* The database's triggers keep a contact's last contact and next
   * follow-up from its activities: show them on the live objects. */
  if (entity == RAPPORT_ENTITY_ACTIVITY)
    rapport_store_reload_live (self, RAPPORT_TYPE_CONTACT);

  g_signal_emit (self, rapport_store_signals[RAPPORT_STORE_SIGNAL_NOTICE],
                 g_quark_from_static_string (rapport_entity_get_nick (entity)), &notice);
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

  for (RapportEntity entity = RAPPORT_ENTITY_PIPELINE; entity <= RAPPORT_ENTITY_LAST; entity++)
    if (entity != RAPPORT_ENTITY_PIPELINE || self->pipelines != NULL)
      rapport_store_notify (self, entity, RAPPORT_CHANGE_RELOAD, 0);
}
