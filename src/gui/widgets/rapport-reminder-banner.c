/* rapport-reminder-banner.c — a reminder in the window, until dismissed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When no notification server shows a reminder, the window does. A toast
 * would not do: a reminder waits for the user, and a toast that waits
 * holds the queue, so the Undo of a move made meanwhile would never show.
 * libadwaita 1.2 has no AdwBanner; this is the same thing, a strip under
 * the header bar. The newest reminder replaces the one shown.
 */

#define G_LOG_DOMAIN "rapport-reminder-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-reminder-banner.h"

struct _RapportReminderBanner
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkRevealer   *revealer;
  GtkLabel      *label;

  RapportStore  *store;
  gint64         followup_id;
};

G_DEFINE_FINAL_TYPE (RapportReminderBanner, rapport_reminder_banner, GTK_TYPE_WIDGET)

static void
on_open_clicked (RapportReminderBanner *self)
{
  g_assert (RAPPORT_IS_REMINDER_BANNER (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-followup", "x", self->followup_id);
  rapport_reminder_banner_dismiss (self);
}

static void
on_dismiss_clicked (RapportReminderBanner *self)
{
  rapport_reminder_banner_dismiss (self);
}

/* Done, snoozed, rescheduled or deleted, here or by another program: the
 * reminder is no longer true. */
static void
on_activity_notice (RapportReminderBanner *self,
                    const RapportNotice   *notice,
                    RapportStore          *store)
{
  g_autoptr(RapportActivity) activity = NULL;

  if (self->followup_id <= 0 || !rapport_reminder_banner_is_shown (self))
    return;
  if (notice->id != 0 && notice->id != self->followup_id)
    return;

  activity = rapport_store_get_activity (store, self->followup_id, NULL);
  if (activity == NULL || rapport_activity_get_done_at (activity) != 0 ||
      rapport_activity_get_snoozed_until (activity) > rapport_store_now (store))
    rapport_reminder_banner_dismiss (self);
}

void
rapport_reminder_banner_show (RapportReminderBanner *self,
                              gint64                 followup_id,
                              const char            *text)
{
  g_return_if_fail (RAPPORT_IS_REMINDER_BANNER (self));
  g_return_if_fail (text != NULL);

  self->followup_id = followup_id;
  gtk_label_set_label (self->label, text);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

void
rapport_reminder_banner_dismiss (RapportReminderBanner *self)
{
  g_return_if_fail (RAPPORT_IS_REMINDER_BANNER (self));

  self->followup_id = 0;
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

gboolean
rapport_reminder_banner_is_shown (RapportReminderBanner *self)
{
  g_return_val_if_fail (RAPPORT_IS_REMINDER_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

void
rapport_reminder_banner_set_store (RapportReminderBanner *self,
                                   RapportStore          *store)
{
  g_return_if_fail (RAPPORT_IS_REMINDER_BANNER (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_activity_notice, self);
  if (!g_set_object (&self->store, store) || store == NULL)
    return;
  g_signal_connect_object (store, "notice::activity", G_CALLBACK (on_activity_notice), self,
                           G_CONNECT_SWAPPED);
}

/* Hidden once slid away: a screen reader no longer finds the text. */
static void
on_child_revealed (RapportReminderBanner *self)
{
  if (!gtk_revealer_get_child_revealed (self->revealer) &&
      !gtk_revealer_get_reveal_child (self->revealer))
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
rapport_reminder_banner_dispose (GObject *object)
{
  RapportReminderBanner *self = RAPPORT_REMINDER_BANNER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_REMINDER_BANNER);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_reminder_banner_parent_class)->dispose (object);
}

static void
rapport_reminder_banner_class_init (RapportReminderBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_reminder_banner_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/widgets/reminder-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportReminderBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, RapportReminderBanner, label);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_dismiss_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_child_revealed);
}

static void
rapport_reminder_banner_init (RapportReminderBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
