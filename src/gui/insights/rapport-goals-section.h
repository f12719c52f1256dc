/* rapport-goals-section.h — the Insights tab's goals: their progress, and
 * adding and deleting them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_GOALS_SECTION (rapport_goals_section_get_type ())

G_DECLARE_FINAL_TYPE (RapportGoalsSection, rapport_goals_section, RAPPORT, GOALS_SECTION, GtkWidget)

GtkWidget *rapport_goals_section_new     (RapportContext      *context);
/* Reads the goals and their progress again (the view calls it with its
 * own refresh, once a burst of changes has settled). */
void       rapport_goals_section_refresh (RapportGoalsSection *self);

G_END_DECLS
