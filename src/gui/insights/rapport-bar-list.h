/* rapport-bar-list.h — a chart of horizontal bars, one row per figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_BAR_LIST (rapport_bar_list_get_type ())

G_DECLARE_FINAL_TYPE (RapportBarList, rapport_bar_list, RAPPORT, BAR_LIST, GtkWidget)

GtkWidget *rapport_bar_list_new    (void);
void       rapport_bar_list_clear  (RapportBarList *self);
/* A row: @label before the bar, @value after it, and @spoken, the row in
 * words for a screen reader ("Proposal: 40 deals reached, 55% went on").
 * Rows that open something are activatable (RapportBarList::activated). */
void       rapport_bar_list_append (RapportBarList *self,
                                    const char     *label,
                                    const char     *value,
                                    double          fraction,
                                    double          inner,
                                    const char     *spoken,
                                    gboolean        activatable);

/* The row of a bar, to point at it. */
GtkWidget *rapport_bar_list_get_row (RapportBarList *self,
                                     guint           index);

G_END_DECLS
