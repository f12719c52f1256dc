/* rapport-pipeline-view-team.c — the board in a team: My Deals or Everyone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In a team's file the board's top bar offers two linked toggle buttons,
 * My Deals and Everyone, states of one action (board.deals-shown, the
 * view's "deals-shown" property, which the window keeps in GSettings: the
 * choice is this desktop's). My Deals is one more filter of the columns,
 * the owner being this desktop's team user: the columns query it through
 * the store, as they do the owner chosen in the filters, never by looking
 * at every card. Outside a team the choice is hidden and shows nothing
 * less; it follows the file into and out of a team by the settings
 * notices.
 */

#define G_LOG_DOMAIN "rapport-pipeline-view"

#include "config.h"

#include "rapport-pipeline-view-private.h"
#include "rapport-store-change-log.h"

#define SHOWN_MINE     "mine"
#define SHOWN_EVERYONE "everyone"

static gboolean
rapport_pipeline_view_mine_only (RapportPipelineView *self)
{
  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  return self->team_user != NULL && g_strcmp0 (self->deals_shown, SHOWN_MINE) == 0;
}

/**
 * rapport_pipeline_view_team_filter:
 *
 * Narrows @query to this desktop's deals when the user chose My Deals in a
 * team. The owner string is the view's, valid until the file leaves the
 * team (which applies the filters again).
 *
 * Returns: whether it did
 */
gboolean
rapport_pipeline_view_team_filter (RapportPipelineView *self,
                                   RapportDealQuery    *query)
{
  g_return_val_if_fail (RAPPORT_IS_PIPELINE_VIEW (self), FALSE);

  if (!rapport_pipeline_view_mine_only (self))
    return FALSE;

  query->owner = self->team_user;
  return TRUE;
}

/* With My Deals, choosing another owner in the filters would show
 * nothing: the owner choice goes while it is on. */
static void
rapport_pipeline_view_sync_team_choice (RapportPipelineView *self)
{
  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  gtk_widget_set_visible (self->team_choice, self->team_user != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.toggle-deals-shown", self->team_user != NULL);
  rapport_deal_filters_set_show_owner (self->filters, !rapport_pipeline_view_mine_only (self));
}

const char *
rapport_pipeline_view_get_deals_shown (RapportPipelineView *self)
{
  g_return_val_if_fail (RAPPORT_IS_PIPELINE_VIEW (self), NULL);

  return self->deals_shown;
}

/* "mine" or "everyone"; anything else is taken for "everyone". Returns
 * whether it changed. */
gboolean
rapport_pipeline_view_set_deals_shown (RapportPipelineView *self,
                                       const char          *shown)
{
  const char *value = g_strcmp0 (shown, SHOWN_MINE) == 0 ? SHOWN_MINE : SHOWN_EVERYONE;

  g_return_val_if_fail (RAPPORT_IS_PIPELINE_VIEW (self), FALSE);

  if (g_strcmp0 (self->deals_shown, value) == 0)
    return FALSE;

  g_free (self->deals_shown);
  self->deals_shown = g_strdup (value);
  if (self->store != NULL)
    {
      rapport_pipeline_view_sync_team_choice (self);
      rapport_pipeline_view_apply_filters (self);
    }
  return TRUE;
}

/* Ctrl+M: from one to the other. */
static void
rapport_pipeline_view_toggle_deals_shown_action (GtkWidget  *widget,
                                                 const char *action_name,
                                                 GVariant   *parameter)
{
  RapportPipelineView *self = RAPPORT_PIPELINE_VIEW (widget);

  g_object_set (self, "deals-shown",
                rapport_pipeline_view_mine_only (self) ? SHOWN_EVERYONE : SHOWN_MINE,
                NULL);
}

/* Reads whether the file is in a team, and as whom; when that changed,
 * the choice shows or goes and the columns filter again. */
static void
rapport_pipeline_view_read_team (RapportPipelineView *self)
{
  g_autofree char *user = NULL;

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  user = rapport_store_get_team_user (self->store);
  if (g_strcmp0 (user, self->team_user) == 0)
    return;

  g_free (self->team_user);
  self->team_user = g_steal_pointer (&user);
  rapport_pipeline_view_sync_team_choice (self);
  rapport_pipeline_view_apply_filters (self);
}

static void
on_store_setting_notice (RapportPipelineView *self,
                         const RapportNotice *notice,
                         RapportStore        *store)
{
  rapport_pipeline_view_read_team (self);
}

void
rapport_pipeline_view_init_team (RapportPipelineView *self)
{
  g_return_if_fail (RAPPORT_IS_PIPELINE_VIEW (self));
  g_return_if_fail (RAPPORT_IS_STORE (self->store));

  /* Before the columns are built: they start filtered when they must. */
  self->team_user = rapport_store_get_team_user (self->store);
  rapport_pipeline_view_sync_team_choice (self);
  if (rapport_pipeline_view_mine_only (self))
    rapport_pipeline_view_apply_filters (self);

  g_signal_connect_object (self->store, "notice::setting",
                           G_CALLBACK (on_store_setting_notice), self,
                           G_CONNECT_SWAPPED);
}

void
rapport_pipeline_view_finalize_team (RapportPipelineView *self)
{
  g_clear_pointer (&self->team_user, g_free);
  g_clear_pointer (&self->deals_shown, g_free);
}

/* After the "deals-shown" property is installed. */
void
rapport_pipeline_view_class_init_team (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "board.deals-shown", "deals-shown");
  gtk_widget_class_install_action (widget_class, "board.toggle-deals-shown", NULL,
                                   rapport_pipeline_view_toggle_deals_shown_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "board.toggle-deals-shown", NULL);
}
