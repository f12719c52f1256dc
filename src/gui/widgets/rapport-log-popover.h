/* rapport-log-popover.h — log a call, an email or a meeting, and what's next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-context.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_LOG_POPOVER (rapport_log_popover_get_type ())

G_DECLARE_FINAL_TYPE (RapportLogPopover, rapport_log_popover, RAPPORT, LOG_POPOVER, GtkPopover)

GtkWidget           *rapport_log_popover_new      (RapportContext      *context,
                                                   RapportRecord       *record,
                                                   RapportActivityKind  kind,
                                                   gboolean             choose_kind);
RapportActivityKind  rapport_log_popover_get_kind (RapportLogPopover   *self);

/* Gives @button a log popover of @kind on @record (a contact or a deal),
 * made when the button is first pressed. */
void                 rapport_log_popover_attach   (GtkMenuButton       *button,
                                                   RapportContext      *context,
                                                   RapportRecord       *record,
                                                   RapportActivityKind  kind,
                                                   gboolean             choose_kind);

G_END_DECLS
