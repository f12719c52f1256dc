/* rapport-log-popover.h — log a call, an email or a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_LOG_POPOVER (rapport_log_popover_get_type ())

G_DECLARE_FINAL_TYPE (RapportLogPopover, rapport_log_popover, RAPPORT, LOG_POPOVER, GtkPopover)

GtkWidget           *rapport_log_popover_new      (RapportActivityKind  kind);
RapportActivityKind  rapport_log_popover_get_kind (RapportLogPopover   *self);
void                 rapport_log_popover_done     (RapportLogPopover   *self);

G_END_DECLS
