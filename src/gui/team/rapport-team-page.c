/* rapport-team-page.c — Preferences → Team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-team"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-team-page.h"

struct _RapportTeamPage
{
  AdwPreferencesPage  parent_instance;

  RapportTeamSync    *sync;
  GCancellable       *cancellable;

  GtkWidget          *join_group;
  GtkWidget          *join_actions;
  GtkWidget          *member_group;
  GtkWidget          *leave_group;
  AdwEntryRow        *server_row;
  AdwEntryRow        *user_row;
  AdwEntryRow        *password_row;
  GtkLabel           *join_message;
  GtkWidget          *progress_box;
  GtkProgressBar     *progress_bar;
  GtkWidget          *join_button;
  AdwActionRow       *server_info_row;
  AdwActionRow       *user_info_row;
  AdwActionRow       *status_row;
  AdwEntryRow        *new_password_row;
};

G_DEFINE_FINAL_TYPE (RapportTeamPage, rapport_team_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_TEAM_SYNC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0';
}

static void
update_join_button (RapportTeamPage *self)
{
  gboolean joining = rapport_team_sync_get_state (self->sync) == RAPPORT_TEAM_STATE_NONE &&
                     self->cancellable != NULL;

  gtk_widget_set_sensitive (self->join_button, !joining && has_text (self->server_row) && has_text (self->user_row));
}

static void
on_entry_changed (RapportTeamPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->join_message), FALSE);
  update_join_button (self);
}

/* "Synced · last at 14:02", "Offline, 2 changes waiting · the error". */
static char *
describe_status (RapportTeamSync *sync)
{
  g_autofree char *state = rapport_team_sync_describe (sync);
  g_autofree char *when = rapport_team_sync_format_synced_at (sync);
  const char *problem = rapport_team_sync_get_problem (sync);

  if (state == NULL)
    return g_strdup ("");
  if (problem != NULL)
    return g_strdup_printf ("%s · %s", state, problem);
  if (when != NULL)
    /* Translators: the team status, then the time of the last sync
     * that went well ("Synced · last at 14:02"). */
    return g_strdup_printf (_("%s · last at %s"), state, when);
  return g_steal_pointer (&state);
}

static void
update (RapportTeamPage *self)
{
  RapportTeamState state = rapport_team_sync_get_state (self->sync);
  g_autofree char *status = describe_status (self->sync);

  gboolean member = state != RAPPORT_TEAM_STATE_NONE;

  gtk_widget_set_visible (self->join_group, !member);
  gtk_widget_set_visible (self->join_actions, !member);
  gtk_widget_set_visible (self->member_group, member);
  gtk_widget_set_visible (self->leave_group, member);
  adw_action_row_set_subtitle (self->server_info_row, rapport_team_sync_get_server (self->sync) ?: "");
  adw_action_row_set_subtitle (self->user_info_row, rapport_team_sync_get_user (self->sync) ?: "");
  adw_action_row_set_subtitle (self->status_row, status);
  gtk_widget_set_visible (self->progress_box, self->cancellable != NULL);
  update_join_button (self);
}

static void
on_fraction (RapportTeamPage *self)
{
  double fraction = 0;

  g_object_get (self->sync, "fraction", &fraction, NULL);
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
on_joined (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RapportTeamPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_team_sync_join_finish (RAPPORT_TEAM_SYNC (object), result, &error))
    {
      gtk_label_set_text (self->join_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->join_message), TRUE);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  g_clear_object (&self->cancellable);
  update (self);
}

static void
on_join_clicked (RapportTeamPage *self)
{
  if (!gtk_widget_get_sensitive (self->join_button))
    return;

  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->join_message), FALSE);
  rapport_team_sync_join_async (self->sync,
                                gtk_editable_get_text (GTK_EDITABLE (self->server_row)),
                                gtk_editable_get_text (GTK_EDITABLE (self->user_row)),
                                gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                self->cancellable, on_joined, g_object_ref (self));
  update (self);
}

static void
on_sync_clicked (RapportTeamPage *self)
{
  rapport_team_sync_sync_now (self->sync);
}

static void
on_password_apply (RapportTeamPage *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->new_password_row));

  if (*password == '\0')
    return;
  rapport_team_sync_set_password (self->sync, password);
  gtk_editable_set_text (GTK_EDITABLE (self->new_password_row), "");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    adw_toast_new (_("The new password is kept in your keyring.")));
}

static void
on_left (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RapportTeamPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_team_sync_leave_finish (RAPPORT_TEAM_SYNC (object), result, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                      adw_toast_new (error->message));
}

static void
on_leave_response (RapportTeamPage *self,
                   const char      *response)
{
  if (g_strcmp0 (response, "leave") == 0)
    rapport_team_sync_leave_async (self->sync, NULL, on_left, g_object_ref (self));
}

static void
on_leave_clicked (RapportTeamPage *self)
{
  guint pending = rapport_team_sync_get_pending (self->sync);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (pending > 0)
    /* Translators: asked before leaving a team with changes not sent. */
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The records stay in this file, and what you change from now on stays on this desktop. %u change was not sent to the team yet and never will be.",
                                         "The records stay in this file, and what you change from now on stays on this desktop. %u changes were not sent to the team yet and never will be.",
                                         pending), pending);
  else
    body = g_strdup (_("The records stay in this file, and what you change from now on stays on this desktop."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Leave the Team?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "leave", _("_Leave Team"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "leave", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rapport_team_page_constructed (GObject *object)
{
  RapportTeamPage *self = RAPPORT_TEAM_PAGE (object);

  G_OBJECT_CLASS (rapport_team_page_parent_class)->constructed (object);

  g_signal_connect_object (self->sync, "notify::description", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "notify::server", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "notify::error", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "notify::synced-at", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "notify::fraction", G_CALLBACK (on_fraction), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
rapport_team_page_dispose (GObject *object)
{
  RapportTeamPage *self = RAPPORT_TEAM_PAGE (object);

  g_clear_object (&self->sync);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rapport_team_page_parent_class)->dispose (object);
}

static void
rapport_team_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RapportTeamPage *self = RAPPORT_TEAM_PAGE (object);

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
rapport_team_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RapportTeamPage *self = RAPPORT_TEAM_PAGE (object);

  switch (prop_id)
    {
    case PROP_TEAM_SYNC:
      self->sync = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_team_page_class_init (RapportTeamPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_team_page_constructed;
  object_class->dispose = rapport_team_page_dispose;
  object_class->get_property = rapport_team_page_get_property;
  object_class->set_property = rapport_team_page_set_property;

  properties[PROP_TEAM_SYNC] =
    g_param_spec_object ("team-sync", NULL, NULL, RAPPORT_TYPE_TEAM_SYNC,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/team/team-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportTeamPage, join_group);
  gtk_widget_class_bind_template_child (widget_class, RapportTeamPage, join_actions);
  gtk_widget_class_bind_template_child (widget_class, RapportTeamPage, member_group);
  gtk_widget_class_bind_template_child (widget_class, RapportTeamPage, leave_group);
  gtk_widget_class_bind_template_child (widget_class, RapportTeamPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, RapportTeamPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, RapportTeamPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, RapportTeamPage, join_message);
  gtk_widget_class_bind_template_child (widget_class, RapportTeamPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, RapportTeamPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RapportTeamPage, join_button);
  gtk_widget_class_bind_template_child (widget_class, RapportTeamPage, server_info_row);
  gtk_widget_class_bind_template_child (widget_class, RapportTeamPage, user_info_row);
  gtk_widget_class_bind_template_child (widget_class, RapportTeamPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, RapportTeamPage, new_password_row);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_join_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_sync_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_password_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_leave_clicked);
}

static void
rapport_team_page_init (RapportTeamPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_team_page_new (RapportTeamSync *sync)
{
  g_return_val_if_fail (RAPPORT_IS_TEAM_SYNC (sync), NULL);

  return g_object_new (RAPPORT_TYPE_TEAM_PAGE, "team-sync", sync, NULL);
}
