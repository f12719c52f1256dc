/* rapport-reminders-actions.c — what the user does with a reminder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The buttons of a notification (open, snooze, done), the in-window
 * reminder when no notification server showed one, and following whether
 * a server is there at all. There is a notifier only when not offline;
 * rapport_reminders_activate() needs none, so the tests call it offline.
 */

#define G_LOG_DOMAIN "rapport-reminders"

#include "config.h"

#include "rapport-reminders-internal.h"

gboolean
rapport_reminders_activate (RapportReminders  *self,
                            gint64             activity_id,
                            const char        *action,
                            GError           **error)
{
  g_autoptr(RapportActivity) activity = NULL;

  g_return_val_if_fail (RAPPORT_IS_REMINDERS (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (activity_id <= SUMMARY_DUE_KEY)
    {
      /* The summary stands for many: the window, not one record. */
      if (g_str_equal (action, "open") || g_str_equal (action, "default"))
        {
          rapport_reminders_emit_open_requested (self, NULL);
          return TRUE;
        }
    }
  else if ((activity = rapport_store_get_activity (self->store, activity_id, error)) == NULL)
    return FALSE;

  if (g_str_equal (action, "open") || g_str_equal (action, "default"))
    {
      g_autoptr(RapportRecord) record = NULL;
      gint64 deal_id = rapport_activity_get_deal_id (activity);
      gint64 contact_id = rapport_activity_get_contact_id (activity);

      /* The deal when there is one: it is where the work happens. */
      if (deal_id != 0)
        record = RAPPORT_RECORD (rapport_store_get_deal (self->store, deal_id, NULL));
      if (record == NULL && contact_id != 0)
        record = RAPPORT_RECORD (rapport_store_get_contact (self->store, contact_id, NULL));

      rapport_reminders_emit_open_requested (self, record);
      return TRUE;
    }

  if (activity != NULL && g_str_equal (action, "snooze"))
    return rapport_store_snooze_activity (self->store, activity,
                                          rapport_store_now (self->store) +
                                          RAPPORT_REMINDERS_SNOOZE_MINUTES * 60,
                                          error);

  /* A lead marked contacted: the first contact is logged as an activity
   * with the follow-up done, in one transaction, so the contact's last
   * contact and the reports agree; the window may take both back. */
  if (activity != NULL && g_str_equal (action, "contacted") &&
      rapport_activity_awaits_first_contact (activity))
    {
      g_autoptr(RapportActivity) logged = rapport_store_mark_contacted (self->store, activity, error);

      if (logged == NULL)
        return FALSE;
      rapport_reminders_emit_contacted (self, activity, logged);
      return TRUE;
    }

  if (activity != NULL && (g_str_equal (action, "done") || g_str_equal (action, "contacted")))
    return rapport_store_complete_activity (self->store, activity, error);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               "Unknown reminder action “%s”", action);
  return FALSE;
}

static void
rapport_reminders_on_action_invoked (RapportReminders *self,
                                     gint64            key,
                                     const char       *action,
                                     const char       *activation_token,
                                     RapportNotifier  *notifier)
{
  g_autoptr(GError) error = NULL;

  g_assert (RAPPORT_IS_REMINDERS (self));

  g_free (self->activation_token);
  self->activation_token = g_strdup (activation_token);

  if (!rapport_reminders_activate (self, key, action, &error))
    g_warning ("Could not act on the reminder (%s): %s", action, error->message);

  g_clear_pointer (&self->activation_token, g_free);
}

static void
rapport_reminders_on_fallback (RapportReminders *self,
                               gint64            key,
                               const char       *text,
                               RapportNotifier  *notifier)
{
  g_autoptr(RapportActivity) activity = NULL;

  g_assert (RAPPORT_IS_REMINDERS (self));

  if (key > SUMMARY_DUE_KEY)
    {
      activity = rapport_store_get_activity (self->store, key, NULL);
      /* Done in the seconds the server had to answer: nothing to show. */
      if (activity == NULL || rapport_activity_get_done_at (activity) != 0)
        return;
    }

  if (self->debug)
    g_printerr ("rapport-reminders: in-app reminder: %s\n", text);

  rapport_reminders_emit_in_app_reminder (self, activity, text);
}

static void
rapport_reminders_on_available (RapportReminders *self,
                                GParamSpec       *pspec,
                                RapportNotifier  *notifier)
{
  g_assert (RAPPORT_IS_REMINDERS (self));

  rapport_reminders_set_server_available (self, rapport_notifier_get_available (notifier));
}

void
rapport_reminders_init_actions (RapportReminders *self)
{
  g_assert (RAPPORT_IS_REMINDERS (self));
  g_assert (RAPPORT_IS_NOTIFIER (self->notifier));

  g_signal_connect_object (self->notifier, "notify::available",
                           G_CALLBACK (rapport_reminders_on_available), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notifier, "action-invoked",
                           G_CALLBACK (rapport_reminders_on_action_invoked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notifier, "fallback",
                           G_CALLBACK (rapport_reminders_on_fallback), self,
                           G_CONNECT_SWAPPED);
}
