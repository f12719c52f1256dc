/* rapport-ics-export.c — the open follow-ups as an iCalendar file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Besides what calendars show, each item carries what Rapport needs to
 * read it back as it was (X-RAPPORT-KIND, X-RAPPORT-NOTE: the note
 * without the line saying whom it is for) and its contact as an
 * ATTENDEE, which an import links again by e-mail.
 */

#define G_LOG_DOMAIN "rapport-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "rapport-export-file.h"
#include "rapport-ics-export.h"

/* A meeting lasts this long in the calendar: Rapport keeps no end. */
#define MEETING_MINUTES 30

static const char * const kind_names[] = { "call", "email", "meeting", "task", "followup" };

typedef struct
{
  RapportStore  *store;
  icalcomponent *calendar;
  char          *calendar_id;
  gint64         now;
} Export;

static struct icaltimetype
utc_time (gint64 when)
{
  return icaltime_from_timet_with_zone ((time_t) when, 0, icaltimezone_get_utc_timezone ());
}

static void
add_x (icalcomponent *component,
       const char    *name,
       const char    *value)
{
  icalproperty *prop = icalproperty_new_x (value);

  icalproperty_set_x_name (prop, name);
  icalcomponent_add_property (component, prop);
}

/* The note, then whom the follow-up is for: a calendar shows no more. */
static char *
description_of (const char     *note,
                RapportContact *contact,
                RapportDeal    *deal)
{
  GString *text = g_string_new (note);

  if (deal != NULL)
    {
      if (text->len > 0)
        g_string_append (text, "\n\n");
      /* Translators: in a calendar item's description; %s is a deal's title. */
      g_string_append_printf (text, _("For the deal “%s”."), rapport_deal_get_title (deal));
    }
  if (contact != NULL)
    {
      if (text->len > 0)
        g_string_append (text, deal != NULL ? "\n" : "\n\n");
      /* Translators: in a calendar item's description; %s is a contact's name. */
      g_string_append_printf (text, _("With %s."), rapport_contact_get_name (contact));
    }
  return g_string_free (text, FALSE);
}

static void
add_attendee (icalcomponent  *component,
              RapportContact *contact)
{
  g_autofree char *mailto = NULL;
  icalproperty *prop;

  if (contact == NULL || rapport_contact_get_email (contact) == NULL)
    return;
  mailto = g_strconcat ("mailto:", rapport_contact_get_email (contact), NULL);
  prop = icalproperty_new_attendee (mailto);
  icalproperty_add_parameter (prop, icalparameter_new_cn (rapport_contact_get_name (contact)));
  icalcomponent_add_property (component, prop);
}

/* Rapport reminds at the follow-up's time: so does the calendar. */
static void
add_alarm (icalcomponent *component,
           const char    *title)
{
  icalcomponent *alarm = icalcomponent_new_valarm ();
  struct icaltriggertype trigger = { icaltime_null_time (), icaldurationtype_null_duration () };

  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  icalcomponent_add_property (alarm, icalproperty_new_description (title));
  icalcomponent_add_component (component, alarm);
}

static icalcomponent *
component_of (Export          *export,
              RapportActivity *activity,
              RapportContact  *contact,
              RapportDeal     *deal)
{
  RapportActivityKind kind = rapport_activity_get_kind (activity);
  gboolean meeting = kind == RAPPORT_ACTIVITY_MEETING;
  icalcomponent *component = meeting ? icalcomponent_new_vevent () : icalcomponent_new_vtodo ();
  const char *note = rapport_activity_get_note (activity);
  gint64 due = rapport_activity_get_due_at (activity);
  g_autofree char *uid = g_strdup_printf ("activity-%" G_GINT64_FORMAT "@%s",
                                          rapport_record_get_id (RAPPORT_RECORD (activity)),
                                          export->calendar_id);
  g_autofree char *description = description_of (note, contact, deal);

  icalcomponent_set_uid (component, uid);
  icalcomponent_set_dtstamp (component, utc_time (export->now));
  icalcomponent_set_dtstart (component, utc_time (due));
  if (meeting)
    {
      icalcomponent_set_duration (component, icaldurationtype_from_int (MEETING_MINUTES * 60));
      icalcomponent_set_status (component, ICAL_STATUS_CONFIRMED);
    }
  else
    {
      icalcomponent_set_due (component, utc_time (due));
      icalcomponent_set_status (component, ICAL_STATUS_NEEDSACTION);
    }
  icalcomponent_set_summary (component, rapport_activity_get_title (activity));
  if (*description != '\0')
    icalcomponent_set_description (component, description);
  add_attendee (component, contact);
  if ((guint) kind < G_N_ELEMENTS (kind_names))
    add_x (component, "X-RAPPORT-KIND", kind_names[kind]);
  if (note != NULL)
    add_x (component, "X-RAPPORT-NOTE", note);
  add_alarm (component, rapport_activity_get_title (activity));
  return component;
}

static gboolean
add_followup (gpointer   record,
              gpointer   user_data,
              GError   **error)
{
  Export *export = user_data;
  RapportActivity *activity = record;
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  gint64 contact_id = rapport_activity_get_contact_id (activity);
  gint64 deal_id = rapport_activity_get_deal_id (activity);

  if ((contact_id != 0 && (contact = rapport_store_get_contact (export->store, contact_id, error)) == NULL) ||
      (deal_id != 0 && (deal = rapport_store_get_deal (export->store, deal_id, error)) == NULL))
    return FALSE;

  icalcomponent_add_component (export->calendar, component_of (export, activity, contact, deal));
  return TRUE;
}

char *
rapport_ics_export_followups (RapportStore  *store,
                              GError       **error)
{
  Export export = { store, NULL, NULL, 0 };
  char *text, *ret = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  if ((export.calendar_id = rapport_store_dup_calendar_id (store, error)) == NULL)
    return NULL;
  export.now = rapport_store_now (store);
  export.calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (export.calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (export.calendar, icalproperty_new_prodid ("-//GNOME//Rapport " PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (export.calendar, icalproperty_new_calscale ("GREGORIAN"));

  if (rapport_store_foreach_followup (store, FALSE, add_followup, &export, error))
    {
      text = icalcomponent_as_ical_string_r (export.calendar);
      ret = g_strdup (text);
      icalmemory_free_buffer (text);
    }
  icalcomponent_free (export.calendar);
  g_free (export.calendar_id);
  return ret;
}

gboolean
rapport_ics_write_followups (RapportStore  *store,
                             const char    *path,
                             gboolean       replace,
                             GError       **error)
{
  g_autoptr(RapportExportFile) file = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Refused before anything is read or made. */
  if (!rapport_export_file_check (path, replace, error) ||
      (text = rapport_ics_export_followups (store, error)) == NULL ||
      (file = rapport_export_file_new_private (path, replace, error)) == NULL)
    return FALSE;

  return rapport_export_file_write (file, text, strlen (text), error) &&
         rapport_export_file_commit (file, error);
}
