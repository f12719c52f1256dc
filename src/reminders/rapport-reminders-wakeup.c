/* rapport-reminders-wakeup.c — noticing a suspend or a clock jump
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timer of the next reminder runs on the monotonic clock, which stands
 * still during a suspend, and knows nothing of someone setting the wall
 * clock: after either, a reminder would fire late. So a pass is run when
 * logind says the machine woke up (on the system bus, when there is one),
 * and when the wall clock moved against the monotonic one, checked once a
 * minute while a timer is armed.
 */

#define G_LOG_DOMAIN "rapport-reminders"

#include "config.h"

#include "rapport-reminders-internal.h"

#define JUMP_CHECK_SECONDS 60
#define JUMP_TOLERANCE_US (5 * G_USEC_PER_SEC)

/* Clock jumps */

gboolean
rapport_reminders_clock_jumped (RapportReminders *self,
                                gint64            real_us,
                                gint64            monotonic_us)
{
  gboolean jumped = FALSE;

  g_return_val_if_fail (RAPPORT_IS_REMINDERS (self), FALSE);

  if (self->last_monotonic_us != 0)
    {
      gint64 drift = (real_us - self->last_real_us) - (monotonic_us - self->last_monotonic_us);

      jumped = ABS (drift) > JUMP_TOLERANCE_US;
    }

  self->last_real_us = real_us;
  self->last_monotonic_us = monotonic_us;

  return jumped;
}

static gboolean
rapport_reminders_on_jump_check (gpointer data)
{
  RapportReminders *self = data;

  if (rapport_reminders_clock_jumped (self, g_get_real_time (), g_get_monotonic_time ()))
    {
      if (self->debug)
        g_printerr ("rapport-reminders: the clock jumped; recomputing the next reminder\n");
      rapport_reminders_check (self);
    }

  return G_SOURCE_CONTINUE;
}

/* Starts the once-a-minute check, from a first sample of the clocks taken
 * as the timer is armed (@real_us); a no-op while it runs. */
void
rapport_reminders_watch_clock (RapportReminders *self,
                               gint64            real_us)
{
  g_assert (RAPPORT_IS_REMINDERS (self));

  if (self->jump_check != NULL)
    return;

  rapport_reminders_clock_jumped (self, real_us, g_get_monotonic_time ());
  self->jump_check = g_timeout_source_new_seconds (JUMP_CHECK_SECONDS);
  g_source_set_callback (self->jump_check, rapport_reminders_on_jump_check, self, NULL);
  g_source_set_static_name (self->jump_check, "[rapport] clock jump check");
  g_source_attach (self->jump_check, self->context);
}

/* Stops it and forgets the last sample: a jump while nothing was
 * scheduled made nothing late. */
void
rapport_reminders_unwatch_clock (RapportReminders *self)
{
  g_assert (RAPPORT_IS_REMINDERS (self));

  rapport_reminders_clear_source (&self->jump_check);
  self->last_monotonic_us = 0;
}

/* Waking up: logind says so on the system bus, when there is one. */

static void
on_prepare_for_sleep (GDBusConnection *connection,
                      const char      *sender_name,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  g_autoptr(RapportReminders) self = g_weak_ref_get (user_data);
  gboolean going_to_sleep = FALSE;

  if (self == NULL || !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &going_to_sleep);
  if (!going_to_sleep)
    {
      if (self->debug)
        g_printerr ("rapport-reminders: woke up; recomputing the next reminder\n");
      rapport_reminders_check (self);
    }
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
on_system_bus (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RapportReminders) self = user_data;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_finish (result, &error);
  GWeakRef *ref;

  if (bus == NULL)
    {
      /* Not required: the once-a-minute clock check covers a suspend. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("no system bus, so no word from logind on waking up: %s", error->message);
      return;
    }

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_object_unref (bus);
      return;
    }

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  self->system_bus = bus;
  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (bus, "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager", "PrepareForSleep",
                                        "/org/freedesktop/login1", NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_prepare_for_sleep, ref, weak_ref_free);
}

void
rapport_reminders_watch_sleep (RapportReminders *self)
{
  g_assert (RAPPORT_IS_REMINDERS (self));

  self->cancellable = g_cancellable_new ();
  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, on_system_bus, g_object_ref (self));
}

/* May run twice (from dispose). */
void
rapport_reminders_unwatch_sleep (RapportReminders *self)
{
  g_assert (RAPPORT_IS_REMINDERS (self));

  g_cancellable_cancel (self->cancellable);
  if (self->sleep_subscription != 0)
    {
      g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
      self->sleep_subscription = 0;
    }
  g_clear_object (&self->system_bus);
  g_clear_object (&self->cancellable);
}
