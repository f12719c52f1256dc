/* rapport-reminders-texts.c — what a reminder says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The summary, body and one-line brief of a reminder of one follow-up, or
 * of a summary of many. Apart from the scheduling, so that the wording
 * and its notes to translators are read in one place.
 */

#define G_LOG_DOMAIN "rapport-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-format.h"
#include "rapport-reminders-internal.h"

static char *
format_duration (gint64 seconds)
{
  gint64 minutes = MAX (1, (seconds + 30) / 60);
  gint64 hours = minutes / 60;
  gint64 days = hours / 24;

  if (minutes < 60)
    return g_strdup_printf (ngettext ("%d minute", "%d minutes", (gulong) minutes), (int) minutes);

  if (hours < 24)
    {
      g_autofree char *h = g_strdup_printf (ngettext ("%d hour", "%d hours", (gulong) hours), (int) hours);
      g_autofree char *m = NULL;

      if (minutes % 60 == 0)
        return g_steal_pointer (&h);

      m = g_strdup_printf (ngettext ("%d minute", "%d minutes", (gulong) (minutes % 60)),
                           (int) (minutes % 60));
      /* Translators: a duration: hours, then minutes ("1 hour 5 minutes"). */
      return g_strdup_printf (C_("duration", "%s %s"), h, m);
    }

  return g_strdup_printf (ngettext ("%d day", "%d days", (gulong) days), (int) days);
}

static char *
format_clock (gint64 when)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (when);

  return time ? rapport_format_date_time (time, "jmm", "%H:%M") : g_strdup ("");
}

/* Who a follow-up is about: the lead or contact, else the deal. */
static char *
dup_who (RapportReminders *self,
         RapportActivity  *activity,
         RapportContact  **contact_out,
         RapportDeal     **deal_out)
{
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  gint64 contact_id = rapport_activity_get_contact_id (activity);
  gint64 deal_id = rapport_activity_get_deal_id (activity);
  char *ret = NULL;

  if (contact_id != 0)
    contact = rapport_store_get_contact (self->store, contact_id, NULL);
  if (deal_id != 0)
    deal = rapport_store_get_deal (self->store, deal_id, NULL);

  if (contact != NULL)
    ret = g_strdup (rapport_contact_get_name (contact));
  else if (deal != NULL)
    ret = g_strdup (rapport_deal_get_title (deal));
  else
    ret = g_strdup (rapport_activity_get_title (activity));

  if (contact_out != NULL)
    *contact_out = g_steal_pointer (&contact);
  if (deal_out != NULL)
    *deal_out = g_steal_pointer (&deal);

  return ret;
}


void
rapport_reminders_texts_clear (RapportReminderTexts *texts)
{
  g_clear_pointer (&texts->summary, g_free);
  g_clear_pointer (&texts->body, g_free);
  g_clear_pointer (&texts->brief, g_free);
}

/* The reminder of one follow-up at @level, as of @now. */
void
rapport_reminders_compose (RapportReminders     *self,
                           RapportActivity      *activity,
                           RapportReminderLevel  level,
                           gint64                now,
                           RapportReminderTexts *texts)
{
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  g_autofree char *who = dup_who (self, activity, &contact, &deal);
  g_autofree char *when = NULL;
  g_autofree char *status = NULL;
  const char *title = rapport_activity_get_title (activity);
  gint64 due = rapport_activity_get_due_at (activity);
  gboolean speed_to_lead = rapport_activity_get_rule (activity) == RAPPORT_RULE_SPEED_TO_LEAD;

  g_assert (RAPPORT_IS_REMINDERS (self));

  texts->urgency = RAPPORT_NOTIFIER_URGENCY_NORMAL;

  if (level == RAPPORT_REMINDER_EARLY)
    {
      g_autofree char *left = format_duration (due - now);
      g_autofree char *clock = format_clock (due);

      /* Translators: the status of a follow-up not due yet: "is due in
       * 15 minutes, at 14:30"; the first %s is a duration, the second a
       * time of day. */
      status = g_strdup_printf (_("is due in %s, at %s"), left, clock);
      when = g_strdup_printf (_("due in %s"), left);
    }
  else if (now - due < 60)
    {
      /* Translators: the status of a follow-up due this minute. */
      status = g_strdup (_("is due now"));
      when = g_strdup (_("due now"));
    }
  else
    {
      /* The span every view gives it: "14 days late". */
      when = rapport_format_relative (due, now, NULL);
      /* Translators: the status of a follow-up past its due time: "is
       * 5 minutes late"; %s is how late ("5 minutes late", "2 days late"). */
      status = g_strdup_printf (_("is %s"), when);
    }

  if (speed_to_lead)
    {
      g_autofree char *arrived = NULL;

      if (level == RAPPORT_REMINDER_EARLY)
        /* Translators: the summary of the reminder before a new lead's
         * first contact is due; %s is the lead's name. */
        texts->summary = g_strdup_printf (_("New lead: %s"), who);
      else
        {
          /* Translators: the summary of the reminder of a new lead not
           * contacted in time; %s is the lead's name. */
          texts->summary = g_strdup_printf (_("Lead waiting: %s"), who);
          texts->urgency = RAPPORT_NOTIFIER_URGENCY_CRITICAL;
        }

      if (contact != NULL)
        {
          gint64 created_at = rapport_contact_get_created_at (contact);
          g_autofree char *clock = format_clock (created_at);
          g_autofree char *waited = format_duration (now - created_at);

          /* Translators: how long a new lead has waited; the first %s is a
           * time of day, the second a duration. */
          arrived = g_strdup_printf (_("The lead came in at %s and has waited %s."), clock, waited);
        }

      /* Translators: a reminder's body: the follow-up's title in quotes,
       * then its status ("is 5 minutes late"). */
      texts->body = g_strdup_printf (_("“%s” %s."), title, status);
      if (arrived != NULL)
        {
          char *body = g_strconcat (texts->body, "\n", arrived, NULL);

          g_free (texts->body);
          texts->body = body;
        }
    }
  else
    {
      const char *summary = deal != NULL ? rapport_deal_get_title (deal) : who;

      texts->summary = g_strdup (summary);
      texts->body = g_strdup_printf (_("“%s” %s."), title, status);
      if (deal != NULL && contact != NULL)
        {
          /* Translators: who a follow-up of a deal is with; %s is a name. */
          g_autofree char *with = g_strdup_printf (_("With %s."), rapport_contact_get_name (contact));
          char *body = g_strconcat (texts->body, "\n", with, NULL);

          g_free (texts->body);
          texts->body = body;
        }
    }

  /* Translators: a reminder in one line, shown in the window when no
   * notification can be; the first %s is the reminder's summary, the
   * second "5 minutes late" or "due in 15 minutes". */
  texts->brief = g_strdup_printf (_("%s — %s"), texts->summary, when);
}

/* The one reminder of the many follow-ups in @due (RapportReminderDue),
 * all at @level. */
void
rapport_reminders_compose_summary (RapportReminders     *self,
                                   GArray               *due,
                                   RapportReminderLevel  level,
                                   RapportReminderTexts *texts)
{
  g_autoptr(GString) names = g_string_new (NULL);
  gboolean all_leads = TRUE;
  guint n = due->len;
  guint listed = MIN (n, RAPPORT_REMINDERS_MAX_SEPARATE);

  g_assert (RAPPORT_IS_REMINDERS (self));

  for (guint i = 0; i < n; i++)
    {
      RapportActivity *activity = g_array_index (due, RapportReminderDue, i).activity;

      if (rapport_activity_get_rule (activity) != RAPPORT_RULE_SPEED_TO_LEAD)
        all_leads = FALSE;
      if (i < listed)
        {
          g_autofree char *who = dup_who (self, activity, NULL, NULL);

          if (i > 0)
            /* Translators: the separator of the names in a list. */
            g_string_append (names, _(", "));
          g_string_append (names, who);
        }
    }

  if (level == RAPPORT_REMINDER_EARLY)
    /* Only new leads have early reminders. */
    texts->summary = g_strdup_printf (ngettext ("%u new lead to contact soon",
                                                "%u new leads to contact soon", n), n);
  else if (all_leads && rapport_store_get_speed_to_lead_minutes (self->store) == 60)
    texts->summary = g_strdup_printf (ngettext ("%u lead waiting over an hour",
                                                "%u leads waiting over an hour", n), n);
  else if (all_leads)
    texts->summary = g_strdup_printf (ngettext ("%u lead waiting to be contacted",
                                                "%u leads waiting to be contacted", n), n);
  else
    texts->summary = g_strdup_printf (ngettext ("%u follow-up overdue",
                                                "%u follow-ups overdue", n), n);

  if (n > listed)
    /* Translators: the end of a list of names: "Anna Lee, Bo Chen, Carl Diaz
     * and 4 more"; %s is the names, %u how many more. */
    texts->body = g_strdup_printf (ngettext ("%s and %u more", "%s and %u more", n - listed),
                                   names->str, n - listed);
  else
    texts->body = g_strdup (names->str);

  texts->brief = g_strdup (texts->summary);
  texts->urgency = all_leads && level == RAPPORT_REMINDER_DUE
    ? RAPPORT_NOTIFIER_URGENCY_CRITICAL : RAPPORT_NOTIFIER_URGENCY_NORMAL;
}
