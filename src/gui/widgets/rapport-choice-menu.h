/* rapport-choice-menu.h — a menu of one of the lists kept with the data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rapport-store-settings.h"

G_BEGIN_DECLS

/* A menu of @list's entries, in its order, each activating @action with
 * the entry's text as its string target. It follows the list while it
 * lives (another window's or program's change too). Transfer full. */
GMenuModel *rapport_choice_menu_new (RapportStore      *store,
                                     RapportChoiceList  list,
                                     const char        *action);

G_END_DECLS
