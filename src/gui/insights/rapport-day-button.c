/* rapport-day-button.c — a button that shows a UTC day and picks another
 * on a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Insights tab counts whole UTC days (rapport-report.h), so the day is
 * the first second of a UTC day, whatever the local time zone. The arrow
 * keys move the day picked at once (a day, a week; Page Up and Page Down
 * a month), so the figures follow; GtkCalendar's own keys move a focus
 * ring that Space must then confirm, which nobody guesses. Enter, Space,
 * or a click on a day, closes the popover.
 */

#define G_LOG_DOMAIN "rapport-day-button"

#include "config.h"

#include "rapport-day-button.h"
#include "rapport-format.h"

#define DAY_SECONDS 86400

struct _RapportDayButton
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkMenuButton *button;
  GtkPopover    *popover;
  GtkCalendar   *calendar;

  gint64         day;
  guint          updating;     /* > 0 while set_day, not the user, moves the calendar */
  guint          picked : 1;   /* a day was picked since the last click began */
};

G_DEFINE_FINAL_TYPE (RapportDayButton, rapport_day_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DAY,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
floor_day (gint64 t)
{
  return t - ((t % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS;
}

static void
update_label (RapportDayButton *self)
{
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_utc (self->day);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *iso = NULL;
  g_autofree char *shown = NULL;

  if (day == NULL)
    return;

  iso = g_date_time_format (day, "%Y-%m-%d");
  shown = rapport_format_day (iso, g_date_time_to_unix (now), NULL);
  gtk_menu_button_set_label (self->button, shown);
  /* The accessible name is the title ("From"); the day is what it says. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, shown,
                                  -1);
}

static void
on_day_selected (RapportDayButton *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) utc = NULL;

  g_assert (RAPPORT_IS_DAY_BUTTON (self));

  if (self->updating > 0)
    return;

  utc = g_date_time_new_utc (g_date_time_get_year (picked), g_date_time_get_month (picked),
                             g_date_time_get_day_of_month (picked), 0, 0, 0);
  self->picked = TRUE;
  rapport_day_button_set_day (self, g_date_time_to_unix (utc));
}

/* A click on a day picks it and is done; one on the month's arrows is not. */
static void
on_calendar_released (RapportDayButton *self)
{
  if (self->picked)
    gtk_popover_popdown (self->popover);
  self->picked = FALSE;
}

static void
move_day (RapportDayButton *self,
          int               days,
          int               months)
{
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_utc (self->day);
  g_autoptr(GDateTime) moved = NULL;

  if (day == NULL)
    return;
  moved = months != 0 ? g_date_time_add_months (day, months) : g_date_time_add_days (day, days);
  if (moved != NULL)
    rapport_day_button_set_day (self, g_date_time_to_unix (moved));
}

static gboolean
on_calendar_key_pressed (RapportDayButton *self,
                         guint             keyval,
                         guint             keycode,
                         GdkModifierType   state)
{
  /* The grid is mirrored right to left: Left is then the next day. */
  int forward = gtk_widget_get_direction (GTK_WIDGET (self->calendar)) == GTK_TEXT_DIR_RTL ? -1 : 1;

  self->picked = FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_day (self, -forward, 0);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_day (self, forward, 0);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_day (self, -7, 0);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_day (self, 7, 0);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move_day (self, 0, -1);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_day (self, 0, 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      gtk_popover_popdown (self->popover);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
rapport_day_button_mnemonic_activate (GtkWidget *widget,
                                      gboolean   group_cycling)
{
  RapportDayButton *self = RAPPORT_DAY_BUTTON (widget);

  return gtk_widget_mnemonic_activate (GTK_WIDGET (self->button), group_cycling);
}

static gboolean
rapport_day_button_grab_focus (GtkWidget *widget)
{
  RapportDayButton *self = RAPPORT_DAY_BUTTON (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->button));
}

static void
rapport_day_button_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RAPPORT_TYPE_DAY_BUTTON);

  G_OBJECT_CLASS (rapport_day_button_parent_class)->dispose (object);
}

static void
rapport_day_button_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportDayButton *self = RAPPORT_DAY_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_int64 (value, self->day);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_day_button_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RapportDayButton *self = RAPPORT_DAY_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DAY:
      rapport_day_button_set_day (self, g_value_get_int64 (value));
      break;

    case PROP_TITLE:
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, g_value_get_string (value),
                                      -1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_day_button_class_init (RapportDayButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_day_button_dispose;
  object_class->get_property = rapport_day_button_get_property;
  object_class->set_property = rapport_day_button_set_property;
  widget_class->mnemonic_activate = rapport_day_button_mnemonic_activate;
  widget_class->grab_focus = rapport_day_button_grab_focus;

  /**
   * RapportDayButton:day:
   *
   * The first second of the UTC day shown.
   */
  properties[PROP_DAY] =
    g_param_spec_int64 ("day", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportDayButton:title:
   *
   * What the day is ("From"): the button's accessible name and tooltip.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/insights/day-button.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportDayButton, button);
  gtk_widget_class_bind_template_child (widget_class, RapportDayButton, popover);
  gtk_widget_class_bind_template_child (widget_class, RapportDayButton, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_released);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_key_pressed);
}

static void
rapport_day_button_init (RapportDayButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_label (self);
}

gint64
rapport_day_button_get_day (RapportDayButton *self)
{
  g_return_val_if_fail (RAPPORT_IS_DAY_BUTTON (self), 0);

  return self->day;
}

void
rapport_day_button_set_day (RapportDayButton *self,
                            gint64            day)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_if_fail (RAPPORT_IS_DAY_BUTTON (self));

  day = floor_day (day);
  if (day == self->day)
    return;

  utc = g_date_time_new_from_unix_utc (day);
  if (utc == NULL)
    return;

  self->day = day;
  self->updating++;
  gtk_calendar_select_day (self->calendar, utc);
  self->updating--;
  update_label (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}
