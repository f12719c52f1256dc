/* rapport-debounce.h — run something once for a burst of reasons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef void (*RapportDebounceFunc) (gpointer data);

/* One pending run of @func: a field of the view that owns it, set up in
 * init with rapport_debounce_init() and cancelled in dispose. */
typedef struct
{
  guint                source_id;
  guint                delay_ms;   /* 0: when the main loop is idle */
  RapportDebounceFunc  func;
  gpointer             data;
} RapportDebounce;

void     rapport_debounce_init    (RapportDebounce     *debounce,
                                   guint                delay_ms,
                                   RapportDebounceFunc  func,
                                   gpointer             data);
void     rapport_debounce_queue   (RapportDebounce     *debounce);
void     rapport_debounce_restart (RapportDebounce     *debounce);
void     rapport_debounce_now     (RapportDebounce     *debounce);
void     rapport_debounce_cancel  (RapportDebounce     *debounce);
gboolean rapport_debounce_pending (RapportDebounce     *debounce);

G_END_DECLS
