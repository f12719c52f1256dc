/* rapport-date-time-picker.c — a day and a time of day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way Rapport asks for a moment (a follow-up's due time, a
 * reschedule): a calendar for the day and two spin buttons for the hour
 * and the minute, in local time. Its "time" is seconds since the epoch,
 * what the store takes.
 */

#define G_LOG_DOMAIN "rapport-date-time-picker"

#include "config.h"

#include "rapport-date-time-picker.h"

struct _RapportDateTimePicker
{
  GtkBox         parent_instance;

  /* Template widgets */
  GtkCalendar   *calendar;
  GtkSpinButton *hour;
  GtkSpinButton *minute;

  guint          updating;   /* > 0 while set_time, not the user, changes them */
};

G_DEFINE_FINAL_TYPE (RapportDateTimePicker, rapport_date_time_picker, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_changed (RapportDateTimePicker *self)
{
  g_assert (RAPPORT_IS_DATE_TIME_PICKER (self));

  if (self->updating == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}

/* Two digits: 09:05, not 9:5. */
static gboolean
on_spin_output (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
rapport_date_time_picker_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  RapportDateTimePicker *self = RAPPORT_DATE_TIME_PICKER (object);

  switch (prop_id)
    {
    case PROP_TIME:
      g_value_set_int64 (value, rapport_date_time_picker_get_time (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_date_time_picker_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  RapportDateTimePicker *self = RAPPORT_DATE_TIME_PICKER (object);

  switch (prop_id)
    {
    case PROP_TIME:
      rapport_date_time_picker_set_time (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_date_time_picker_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RAPPORT_TYPE_DATE_TIME_PICKER);

  G_OBJECT_CLASS (rapport_date_time_picker_parent_class)->dispose (object);
}

static void
rapport_date_time_picker_class_init (RapportDateTimePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_date_time_picker_dispose;
  object_class->get_property = rapport_date_time_picker_get_property;
  object_class->set_property = rapport_date_time_picker_set_property;

  /**
   * RapportDateTimePicker:time:
   *
   * The moment picked, in seconds since the epoch (0 when the local day
   * and time do not exist).
   */
  properties[PROP_TIME] =
    g_param_spec_int64 ("time", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/widgets/date-time-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportDateTimePicker, calendar);
  gtk_widget_class_bind_template_child (widget_class, RapportDateTimePicker, hour);
  gtk_widget_class_bind_template_child (widget_class, RapportDateTimePicker, minute);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output);
}

static void
rapport_date_time_picker_init (RapportDateTimePicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_date_time_picker_new (gint64 time)
{
  return g_object_new (RAPPORT_TYPE_DATE_TIME_PICKER, "time", time, NULL);
}

gint64
rapport_date_time_picker_get_time (RapportDateTimePicker *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) when = NULL;

  g_return_val_if_fail (RAPPORT_IS_DATE_TIME_PICKER (self), 0);

  day = gtk_calendar_get_date (self->calendar);
  when = g_date_time_new_local (g_date_time_get_year (day),
                                g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day),
                                gtk_spin_button_get_value_as_int (self->hour),
                                gtk_spin_button_get_value_as_int (self->minute),
                                0);

  return when != NULL ? g_date_time_to_unix (when) : 0;
}

void
rapport_date_time_picker_set_time (RapportDateTimePicker *self,
                                   gint64                 time)
{
  g_autoptr(GDateTime) when = NULL;

  g_return_if_fail (RAPPORT_IS_DATE_TIME_PICKER (self));

  if (time == rapport_date_time_picker_get_time (self))
    return;

  when = g_date_time_new_from_unix_local (time);
  if (when == NULL)
    return;

  self->updating++;
  gtk_calendar_select_day (self->calendar, when);
  gtk_spin_button_set_value (self->hour, g_date_time_get_hour (when));
  gtk_spin_button_set_value (self->minute, g_date_time_get_minute (when));
  self->updating--;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}
