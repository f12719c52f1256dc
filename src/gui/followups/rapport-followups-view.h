/* rapport-followups-view.h — the Follow-ups view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_FOLLOWUPS_VIEW (rapport_followups_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportFollowupsView, rapport_followups_view, RAPPORT, FOLLOWUPS_VIEW, AdwBin)

GtkWidget    *rapport_followups_view_new            (RapportContext       *context);
RapportStore *rapport_followups_view_get_store      (RapportFollowupsView *self);
guint         rapport_followups_view_get_n_overdue  (RapportFollowupsView *self);
/* The bar saying that reminders come in the window, not as notifications. */
void          rapport_followups_view_set_show_notice (RapportFollowupsView *self,
                                                      gboolean              show);
void          rapport_followups_view_new_followup   (RapportFollowupsView *self);
/* The New Follow-up dialog with @deal, and its contact, filled in. */
void          rapport_followups_view_new_followup_for_deal (RapportFollowupsView *self,
                                                            RapportDeal          *deal);
/* Scrolls to the row of that follow-up and focuses it, if it is shown. */
gboolean      rapport_followups_view_focus_followup (RapportFollowupsView *self,
                                                     gint64                activity_id);

G_END_DECLS
