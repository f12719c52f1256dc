/* rapport-log-popover.c — log a call, an email or a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The popover of a quick action of the contact page: a note and a button.
 * It holds its kind as a property, which names its heading and button,
 * and says ::log with the kind and the note; the page writes it, and
 * calls rapport_log_popover_done() once it is stored.
 */

#define G_LOG_DOMAIN "rapport-log-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-enums.h"
#include "rapport-log-popover.h"

struct _RapportLogPopover
{
  GtkPopover           parent_instance;

  /* Template widgets */
  GtkEditable         *note_entry;

  RapportActivityKind  kind;
};

G_DEFINE_FINAL_TYPE (RapportLogPopover, rapport_log_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_KIND,
  PROP_HEADING,
  PROP_ACTION_LABEL,
  N_PROPS
};

enum {
  LOG,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Whole sentences per kind, for the translators. */
static const char *
heading_of (RapportActivityKind kind)
{
  switch (kind)
    {
    case RAPPORT_ACTIVITY_EMAIL:
      return _("Log an Email");
    case RAPPORT_ACTIVITY_MEETING:
      return _("Log a Meeting");
    case RAPPORT_ACTIVITY_CALL:
    default:
      return _("Log a Call");
    }
}

static const char *
action_label_of (RapportActivityKind kind)
{
  switch (kind)
    {
    case RAPPORT_ACTIVITY_EMAIL:
      return _("Log Email");
    case RAPPORT_ACTIVITY_MEETING:
      return _("Log Meeting");
    case RAPPORT_ACTIVITY_CALL:
    default:
      return _("Log Call");
    }
}

static void
on_show (RapportLogPopover *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
}

static void
on_log_clicked (RapportLogPopover *self)
{
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (self->note_entry)));

  g_signal_emit (self, signals[LOG], 0, self->kind, *note != '\0' ? note : NULL);
}

static void
rapport_log_popover_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportLogPopover *self = RAPPORT_LOG_POPOVER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_HEADING:
      g_value_set_string (value, heading_of (self->kind));
      break;

    case PROP_ACTION_LABEL:
      g_value_set_string (value, action_label_of (self->kind));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_log_popover_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RapportLogPopover *self = RAPPORT_LOG_POPOVER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      if (self->kind != (RapportActivityKind) g_value_get_enum (value))
        {
          self->kind = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
          g_object_notify_by_pspec (object, properties[PROP_HEADING]);
          g_object_notify_by_pspec (object, properties[PROP_ACTION_LABEL]);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_log_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RAPPORT_TYPE_LOG_POPOVER);

  G_OBJECT_CLASS (rapport_log_popover_parent_class)->dispose (object);
}

static void
rapport_log_popover_class_init (RapportLogPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_log_popover_dispose;
  object_class->get_property = rapport_log_popover_get_property;
  object_class->set_property = rapport_log_popover_set_property;

  /**
   * RapportLogPopover:kind:
   *
   * What is logged: a call (the default), an email or a meeting.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       RAPPORT_TYPE_ACTIVITY_KIND, RAPPORT_ACTIVITY_CALL,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportLogPopover:heading:
   *
   * What the popover is for (“Log a Call”), after its kind.
   */
  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportLogPopover:action-label:
   *
   * The label of its button (“Log Call”), after its kind.
   */
  properties[PROP_ACTION_LABEL] =
    g_param_spec_string ("action-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportLogPopover::log:
   * @kind: a #RapportActivityKind
   * @note: (nullable): the note typed, without surrounding white space
   *
   * The button was pressed: the activity is to be stored.
   */
  signals[LOG] =
    g_signal_new ("log",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, RAPPORT_TYPE_ACTIVITY_KIND, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Rapport/ui/contacts/log-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, note_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_show);
  gtk_widget_class_bind_template_callback (widget_class, on_log_clicked);
}

static void
rapport_log_popover_init (RapportLogPopover *self)
{
  self->kind = RAPPORT_ACTIVITY_CALL;

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_log_popover_new (RapportActivityKind kind)
{
  return g_object_new (RAPPORT_TYPE_LOG_POPOVER, "kind", kind, NULL);
}

RapportActivityKind
rapport_log_popover_get_kind (RapportLogPopover *self)
{
  g_return_val_if_fail (RAPPORT_IS_LOG_POPOVER (self), RAPPORT_ACTIVITY_CALL);

  return self->kind;
}

/* The activity is stored: the note goes, and so does the popover. */
void
rapport_log_popover_done (RapportLogPopover *self)
{
  g_return_if_fail (RAPPORT_IS_LOG_POPOVER (self));

  gtk_editable_set_text (self->note_entry, "");
  gtk_popover_popdown (GTK_POPOVER (self));
}
