/* rapport-team-status.c — the team status in the header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-team"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-team-status.h"

struct _RapportTeamStatus
{
  GtkWidget        parent_instance;

  RapportTeamSync *sync;

  GtkWidget       *button;
  GtkImage        *icon;
  GtkLabel        *label;
  GtkLabel        *title;
  GtkLabel        *detail;
};

G_DEFINE_FINAL_TYPE (RapportTeamStatus, rapport_team_status, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEAM_SYNC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
state_icon (RapportTeamState state)
{
  switch (state)
    {
    case RAPPORT_TEAM_STATE_SYNCING:
      return "emblem-synchronizing-symbolic";
    case RAPPORT_TEAM_STATE_OFFLINE:
      return "network-offline-symbolic";
    case RAPPORT_TEAM_STATE_ERROR:
      return "dialog-warning-symbolic";
    case RAPPORT_TEAM_STATE_NONE:
    case RAPPORT_TEAM_STATE_SYNCED:
    default:
      return "emblem-ok-symbolic";
    }
}

/* The popover's sentence under the status. */
static char *
describe_detail (RapportTeamSync *sync)
{
  const char *user = rapport_team_sync_get_user (sync) ?: "";
  const char *problem = rapport_team_sync_get_problem (sync);
  g_autofree char *last = rapport_team_sync_format_synced_at (sync);

  if (problem != NULL)
    return g_strdup (problem);
  if (last == NULL)
    /* Translators: %s is this desktop's user name in the team. */
    return g_strdup_printf (_("Working as %s. Not synced yet."), user);
  /* Translators: %s is this desktop's user name in the team, then the
   * time of the last sync ("14:02"). */
  return g_strdup_printf (_("Working as %s. Last synced at %s."), user, last);
}

static void
update (RapportTeamStatus *self)
{
  g_autofree char *text = self->sync != NULL ? rapport_team_sync_describe (self->sync) : NULL;
  g_autofree char *detail = NULL;
  RapportTeamState state;

  gtk_widget_set_visible (GTK_WIDGET (self), text != NULL);
  if (text == NULL)
    return;

  state = rapport_team_sync_get_state (self->sync);
  detail = describe_detail (self->sync);
  gtk_image_set_from_icon_name (self->icon, state_icon (state));
  gtk_label_set_text (self->label, text);
  gtk_label_set_text (self->title, text);
  gtk_label_set_text (self->detail, detail);
  gtk_widget_set_tooltip_text (self->button, detail);
  if (state == RAPPORT_TEAM_STATE_ERROR)
    gtk_widget_add_css_class (self->button, "error");
  else
    gtk_widget_remove_css_class (self->button, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, detail, -1);
}

void
rapport_team_status_set_team_sync (RapportTeamStatus *self,
                                   RapportTeamSync   *sync)
{
  g_return_if_fail (RAPPORT_IS_TEAM_STATUS (self));
  g_return_if_fail (sync == NULL || RAPPORT_IS_TEAM_SYNC (sync));

  if (self->sync == sync)
    return;
  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_set_object (&self->sync, sync);
  if (sync != NULL)
    {
      g_signal_connect_swapped (sync, "notify::description", G_CALLBACK (update), self);
      g_signal_connect_swapped (sync, "notify::error", G_CALLBACK (update), self);
      g_signal_connect_swapped (sync, "notify::synced-at", G_CALLBACK (update), self);
    }
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEAM_SYNC]);
}

static void
rapport_team_status_dispose (GObject *object)
{
  RapportTeamStatus *self = RAPPORT_TEAM_STATUS (object);

  rapport_team_status_set_team_sync (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_TEAM_STATUS);

  G_OBJECT_CLASS (rapport_team_status_parent_class)->dispose (object);
}

static void
rapport_team_status_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportTeamStatus *self = RAPPORT_TEAM_STATUS (object);

  switch (prop_id)
    {
    case PROP_TEAM_SYNC:
      g_value_set_object (value, self->sync);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_team_status_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RapportTeamStatus *self = RAPPORT_TEAM_STATUS (object);

  switch (prop_id)
    {
    case PROP_TEAM_SYNC:
      rapport_team_status_set_team_sync (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_team_status_class_init (RapportTeamStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_team_status_dispose;
  object_class->get_property = rapport_team_status_get_property;
  object_class->set_property = rapport_team_status_set_property;

  properties[PROP_TEAM_SYNC] =
    g_param_spec_object ("team-sync", NULL, NULL, RAPPORT_TYPE_TEAM_SYNC,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/team/team-status.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportTeamStatus, button);
  gtk_widget_class_bind_template_child (widget_class, RapportTeamStatus, icon);
  gtk_widget_class_bind_template_child (widget_class, RapportTeamStatus, label);
  gtk_widget_class_bind_template_child (widget_class, RapportTeamStatus, title);
  gtk_widget_class_bind_template_child (widget_class, RapportTeamStatus, detail);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_team_status_init (RapportTeamStatus *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
