/* rapport-debounce.c — run something once for a burst of reasons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The views read the store again after a change, and another program's
 * write or an import is hundreds of notices in a row: each view queues
 * one run for the burst instead of one per notice. queue() lets the first
 * call start the clock (a refresh comes at most @delay_ms late however
 * long the burst); restart() starts it again on every call (what waits
 * for typing or the focus to settle). Typing in a search entry is
 * GtkSearchEntry's own search-delay.
 */

#define G_LOG_DOMAIN "rapport-debounce"

#include "config.h"

#include "rapport-debounce.h"

void
rapport_debounce_init (RapportDebounce     *debounce,
                       guint                delay_ms,
                       RapportDebounceFunc  func,
                       gpointer             data)
{
  g_return_if_fail (debounce != NULL);
  g_return_if_fail (func != NULL);

  debounce->source_id = 0;
  debounce->delay_ms = delay_ms;
  debounce->func = func;
  debounce->data = data;
}

static gboolean
rapport_debounce_fire (gpointer user_data)
{
  RapportDebounce *debounce = user_data;

  /* Cleared first: the function may queue the next run. */
  debounce->source_id = 0;
  debounce->func (debounce->data);

  return G_SOURCE_REMOVE;
}

static void
rapport_debounce_start (RapportDebounce *debounce)
{
  /* Low priority: after drawing and input, which a burst should not hold
   * up. */
  if (debounce->delay_ms == 0)
    debounce->source_id = g_idle_add_full (G_PRIORITY_LOW, rapport_debounce_fire, debounce, NULL);
  else
    debounce->source_id = g_timeout_add (debounce->delay_ms, rapport_debounce_fire, debounce);
}

/* Runs the function once, @delay_ms after the first call of a burst. */
void
rapport_debounce_queue (RapportDebounce *debounce)
{
  g_return_if_fail (debounce != NULL && debounce->func != NULL);

  if (debounce->source_id == 0)
    rapport_debounce_start (debounce);
}

/* Runs the function once, @delay_ms after the last call of a burst. */
void
rapport_debounce_restart (RapportDebounce *debounce)
{
  g_return_if_fail (debounce != NULL && debounce->func != NULL);

  g_clear_handle_id (&debounce->source_id, g_source_remove);
  rapport_debounce_start (debounce);
}

/* Runs the function now, instead of the pending run. */
void
rapport_debounce_now (RapportDebounce *debounce)
{
  g_return_if_fail (debounce != NULL && debounce->func != NULL);

  g_clear_handle_id (&debounce->source_id, g_source_remove);
  debounce->func (debounce->data);
}

void
rapport_debounce_cancel (RapportDebounce *debounce)
{
  g_return_if_fail (debounce != NULL);

  g_clear_handle_id (&debounce->source_id, g_source_remove);
}

gboolean
rapport_debounce_pending (RapportDebounce *debounce)
{
  g_return_val_if_fail (debounce != NULL, FALSE);

  return debounce->source_id != 0;
}
