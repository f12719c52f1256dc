/* rapport-activity-row.c — one activity of a timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same row on the deal page and the contact page: the kind's icon,
 * the title (else the kind's name), the note under it, and when, on the
 * right: "Done Today, 14:30", "Due Tomorrow, 09:00" or "Overdue since …"
 * (a snooze counts). With actions, a pending follow-up also has Mark Done
 * and Reschedule, each one store call with its undo step. The row holds
 * its activity, so the store's updates of it (done elsewhere) reach it.
 */

#define G_LOG_DOMAIN "rapport-activity-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-activity-row.h"
#include "rapport-format.h"
#include "rapport-date-time-picker.h"
#include "rapport-delete-dialog.h"
#include "rapport-after-sales-offer.h"
#include "rapport-edit.h"
#include "rapport-followup-row.h"

#define DAY (24 * 60 * 60)

struct _RapportActivityRow
{
  AdwActionRow     parent_instance;

  /* Template widgets */
  GtkImage        *icon;
  GtkLabel        *state_label;
  GtkMenuButton   *reschedule_button;
  GtkWidget       *complete_button;

  /* Made when Reschedule first opens */
  RapportDateTimePicker *picker;
  /* Made when the row's menu is first asked for */
  GtkWidget       *menu;

  /* Owned references */
  RapportContext  *context;
  RapportActivity *activity;

  gboolean         show_actions;
};

G_DEFINE_FINAL_TYPE (RapportActivityRow, rapport_activity_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ACTIVITY,
  PROP_SHOW_ACTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

static void on_complete_clicked        (RapportActivityRow *self);
static void create_reschedule_popover  (GtkMenuButton      *button,
                                        gpointer            data);

/* Mark Done and Reschedule, made only for a row that shows them: most
 * rows of a long history are calls and e-mails long done, and two hidden
 * buttons per row cost a page of 50 rows a third of its opening time. */
static void
ensure_actions (RapportActivityRow *self)
{
  if (self->complete_button != NULL)
    return;

  self->reschedule_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->reschedule_button), GTK_ALIGN_CENTER);
  gtk_menu_button_set_icon_name (self->reschedule_button, "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reschedule_button), _("Reschedule"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reschedule_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reschedule"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->reschedule_button), "flat");
  gtk_menu_button_set_create_popup_func (self->reschedule_button, create_reschedule_popover, self, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->reschedule_button));

  self->complete_button = gtk_button_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_valign (self->complete_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->complete_button, _("Mark Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->complete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mark Done"), -1);
  gtk_widget_add_css_class (self->complete_button, "circular");
  g_signal_connect_object (self->complete_button, "clicked", G_CALLBACK (on_complete_clicked), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->complete_button);
}

/* When, in words, and how it stands (late, done). */
static void
rapport_activity_row_update_state (RapportActivityRow *self)
{
  RapportActivityKind kind = rapport_activity_get_kind (self->activity);
  gint64 now = rapport_store_now (rapport_context_get_store (self->context));
  gint64 done_at = rapport_activity_get_done_at (self->activity);
  gint64 due_at = rapport_activity_get_due_at (self->activity);
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  gboolean late = FALSE;

  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "success");

  if (done_at > 0)
    {
      when = rapport_followup_format_when (done_at, now);
      /* A call or a meeting is done when it happened: just say when. */
      if (kind == RAPPORT_ACTIVITY_CALL || kind == RAPPORT_ACTIVITY_EMAIL ||
          kind == RAPPORT_ACTIVITY_MEETING)
        text = g_strdup (when);
      else
        /* Translators: when an activity was done, as in “Done Today, 14:30” */
        text = g_strdup_printf (_("Done %s"), when);
      if (kind == RAPPORT_ACTIVITY_FOLLOWUP || kind == RAPPORT_ACTIVITY_TASK)
        gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "success");
    }
  else if (due_at > 0)
    {
      gint64 due = MAX (due_at, rapport_activity_get_snoozed_until (self->activity));

      when = rapport_followup_format_when (due, now);
      late = due < now;
      if (late)
        /* How late, as the follow-ups list and the reminders say it. */
        text = rapport_format_relative (due, now, NULL);
      else
        /* Translators: when a follow-up is due, as in “Due Tomorrow, 09:00” */
        text = g_strdup_printf (_("Due %s"), when);
      if (late)
        gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "error");
    }
  else
    text = rapport_followup_format_when (rapport_activity_get_created_at (self->activity), now);

  gtk_label_set_label (self->state_label, text);
}

/* How it went, how long, and the note unless it only repeats the title:
 * “Connected · 15 minutes · Asked for the price list”. */
static char *
subtitle_of (RapportActivity *activity)
{
  const char *outcome = rapport_activity_outcome_name (rapport_activity_get_outcome (activity));
  const char *note = rapport_activity_get_note (activity);
  int minutes = rapport_activity_get_duration_minutes (activity);
  GString *text = g_string_new (outcome);

  if (minutes > 0)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: how long a call or a meeting took */
      g_string_append_printf (text, ngettext ("%d minute", "%d minutes", minutes), minutes);
    }
  if (!is_blank (note) && g_strcmp0 (note, rapport_activity_get_title (activity)) != 0)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, note);
    }

  return g_string_free (text, FALSE);
}

static void
rapport_activity_row_update (RapportActivityRow *self)
{
  RapportActivityKind kind = rapport_activity_get_kind (self->activity);
  const char *title = rapport_activity_get_title (self->activity);
  gboolean pending = rapport_activity_get_done_at (self->activity) == 0 &&
                     rapport_activity_get_due_at (self->activity) > 0;
  g_autofree char *subtitle = NULL;

  g_assert (RAPPORT_IS_ACTIVITY_ROW (self));

  /* A follow-up that asks for a call, an email or a meeting shows it. */
  if (kind == RAPPORT_ACTIVITY_FOLLOWUP && rapport_activity_get_followup_kind (self->activity) != RAPPORT_ACTIVITY_TASK)
    gtk_image_set_from_icon_name (self->icon, rapport_activity_kind_icon (rapport_activity_get_followup_kind (self->activity)));
  else
    gtk_image_set_from_icon_name (self->icon, rapport_activity_kind_icon (kind));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 is_blank (title) ? rapport_activity_kind_name (kind) : title);
  subtitle = subtitle_of (self->activity);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  rapport_activity_row_update_state (self);

  if (self->show_actions && pending)
    ensure_actions (self);
  if (self->complete_button != NULL)
    {
      gtk_widget_set_visible (self->complete_button, self->show_actions && pending);
      gtk_widget_set_visible (GTK_WIDGET (self->reschedule_button), self->show_actions && pending);
    }
}

/* Actions */

static void
on_complete_clicked (RapportActivityRow *self)
{
  g_autoptr(GError) error = NULL;

  if (!rapport_edit_complete_followup (self->context, _("Marking done"), self->activity, &error))
    rapport_context_report_error (self->context, error);
  else
    rapport_after_sales_offer (GTK_WIDGET (self), self->context, self->activity);
}

typedef struct
{
  RapportActivity *activity;
  gint64           due_at;
} RescheduleUndo;

static void
reschedule_undo_free (RescheduleUndo *undo)
{
  g_object_unref (undo->activity);
  g_free (undo);
}

static gboolean
reschedule_undo (RapportStore  *store,
                 gpointer       data,
                 GError       **error)
{
  RescheduleUndo *undo = data;

  return rapport_store_reschedule_activity (store, undo->activity, undo->due_at, error);
}

static void
on_reschedule_confirm (RapportActivityRow *self)
{
  RapportStore *store = rapport_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  RescheduleUndo *undo;

  undo = g_new0 (RescheduleUndo, 1);
  undo->activity = g_object_ref (self->activity);
  undo->due_at = rapport_activity_get_due_at (self->activity);

  gtk_menu_button_popdown (self->reschedule_button);
  if (!rapport_store_reschedule_activity (store, self->activity,
                                          rapport_date_time_picker_get_time (self->picker), &error))
    {
      reschedule_undo_free (undo);
      rapport_context_report_error (self->context, error);
      return;
    }

  /* Translators: an undo step */
  rapport_context_push_undo (self->context, _("Reschedule"), reschedule_undo, undo,
                             (GDestroyNotify) reschedule_undo_free);
}

/* Made when first opened: no popover per row at construction. */
static void
create_reschedule_popover (GtkMenuButton *button,
                           gpointer       user_data)
{
  RapportActivityRow *self = user_data;
  gint64 due = rapport_activity_get_due_at (self->activity);
  GtkWidget *box, *confirm, *popover;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  self->picker = RAPPORT_DATE_TIME_PICKER (rapport_date_time_picker_new (due > 0 ? due : g_get_real_time () / G_USEC_PER_SEC + DAY));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->picker));

  confirm = gtk_button_new_with_mnemonic (_("_Reschedule"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (confirm), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reschedule"), -1);
  gtk_widget_add_css_class (confirm, "suggested-action");
  g_signal_connect_object (confirm, "clicked", G_CALLBACK (on_reschedule_confirm), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), confirm);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
}

/* GObject */

static void
rapport_activity_row_constructed (GObject *object)
{
  RapportActivityRow *self = RAPPORT_ACTIVITY_ROW (object);

  G_OBJECT_CLASS (rapport_activity_row_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_CONTEXT (self->context));
  g_assert (RAPPORT_IS_ACTIVITY (self->activity));

  g_signal_connect_object (self->activity, "notify", G_CALLBACK (rapport_activity_row_update), self,
                           G_CONNECT_SWAPPED);
  rapport_activity_row_update (self);
}

static void
rapport_activity_row_dispose (GObject *object)
{
  RapportActivityRow *self = RAPPORT_ACTIVITY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_ACTIVITY_ROW);
  self->picker = NULL;
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_object (&self->activity);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_activity_row_parent_class)->dispose (object);
}

static void
rapport_activity_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportActivityRow *self = RAPPORT_ACTIVITY_ROW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_ACTIVITY:
      g_value_set_object (value, self->activity);
      break;

    case PROP_SHOW_ACTIONS:
      g_value_set_boolean (value, self->show_actions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_activity_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RapportActivityRow *self = RAPPORT_ACTIVITY_ROW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_ACTIVITY:
      self->activity = g_value_dup_object (value);
      break;

    case PROP_SHOW_ACTIONS:
      self->show_actions = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Deleting it: from a menu made when first asked for (a right click, the
 * Menu key or Shift+F10) or the Delete key, so a page of many activities
 * costs no button per row to open. */
static void
rapport_activity_row_delete_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  RapportActivityRow *self = RAPPORT_ACTIVITY_ROW (widget);

  /* Named as the row names it: its title, else its kind. */
  rapport_delete_dialog_ask (self->context, widget, RAPPORT_ENTITY_ACTIVITY,
                             rapport_record_get_id (RAPPORT_RECORD (self->activity)),
                             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));
}

static void
rapport_activity_row_show_menu (RapportActivityRow *self,
                                double              x,
                                double              y)
{
  if (self->menu == NULL)
    {
      g_autoptr(GMenu) menu = g_menu_new ();

      g_menu_append (menu, _("Delete Activity…"), "activity.delete");
      self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                               x >= 0 ? &(GdkRectangle) { (int) x, (int) y, 1, 1 } : NULL);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
on_secondary_pressed (GtkGestureClick    *gesture,
                      int                 n_press,
                      double              x,
                      double              y,
                      RapportActivityRow *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  rapport_activity_row_show_menu (self, x, y);
}

static void
rapport_activity_row_menu_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  rapport_activity_row_show_menu (RAPPORT_ACTIVITY_ROW (widget), -1, -1);
}

static void
rapport_activity_row_class_init (RapportActivityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "activity.delete", NULL, rapport_activity_row_delete_action);
  gtk_widget_class_install_action (widget_class, "activity.menu", NULL, rapport_activity_row_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "activity.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "activity.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "activity.menu", NULL);

  object_class->constructed = rapport_activity_row_constructed;
  object_class->dispose = rapport_activity_row_dispose;
  object_class->get_property = rapport_activity_row_get_property;
  object_class->set_property = rapport_activity_row_set_property;

  /**
   * RapportActivityRow:context:
   *
   * The store, the undo history and the toasts.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportActivityRow:activity:
   *
   * The activity shown.
   */
  properties[PROP_ACTIVITY] =
    g_param_spec_object ("activity", NULL, NULL,
                         RAPPORT_TYPE_ACTIVITY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportActivityRow:show-actions:
   *
   * Whether a pending follow-up has Mark Done and Reschedule.
   */
  properties[PROP_SHOW_ACTIONS] =
    g_param_spec_boolean ("show-actions", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/widgets/activity-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportActivityRow, icon);
  gtk_widget_class_bind_template_child (widget_class, RapportActivityRow, state_label);
}

static void
rapport_activity_row_init (RapportActivityRow *self)
{
  GtkGesture *secondary = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (secondary));
}

GtkWidget *
rapport_activity_row_new (RapportContext  *context,
                          RapportActivity *activity,
                          gboolean         show_actions)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (activity), NULL);

  return g_object_new (RAPPORT_TYPE_ACTIVITY_ROW,
                       "context", context,
                       "activity", activity,
                       "show-actions", show_actions,
                       NULL);
}

RapportActivity *
rapport_activity_row_get_activity (RapportActivityRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY_ROW (self), NULL);

  return self->activity;
}
