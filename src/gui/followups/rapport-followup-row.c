/* rapport-followup-row.c — one follow-up in the Follow-ups view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What (the title), for whom (contact, deal, the 1-hour rule pill), when
 * (local time) and how late. The buttons only name the view's actions
 * (followups.done, followups.snooze, followups.reschedule) with the
 * follow-up's id: the view makes the one store call for each.
 */

#define G_LOG_DOMAIN "rapport-followup-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-followup-row.h"
#include "rapport-format.h"

struct _RapportFollowupRow
{
  GtkListBoxRow    parent_instance;

  /* Template widgets */
  GtkButton       *done_button;
  GtkImage        *done_image;
  GtkImage        *kind_image;
  GtkLabel        *title_label;
  GtkLabel        *who_label;
  GtkLabel        *rule_label;
  GtkLabel        *when_label;
  GtkLabel        *relative_label;
  GtkMenuButton   *snooze_button;

  gint64           activity_id;

  /* Owned references */
  RapportStore    *store;
  RapportActivity *activity;
};

G_DEFINE_FINAL_TYPE (RapportFollowupRow, rapport_followup_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTIVITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Formatting */

char *
rapport_followup_format_when (gint64 when,
                              gint64 now)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (when);
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);
  g_autofree char *clock = NULL;
  g_autofree char *day = NULL;
  int days;

  if (time == NULL || today == NULL)
    return g_strdup ("");

  clock = rapport_format_date_time (time, "jmm", "%H:%M");

  days = rapport_format_days_between (now, when);

  if (days == 0)
    /* Translators: a follow-up due today, at %s (a time of day) */
    return g_strdup_printf (_("Today, %s"), clock);
  if (days == 1)
    return g_strdup_printf (_("Tomorrow, %s"), clock);
  if (days == -1)
    return g_strdup_printf (_("Yesterday, %s"), clock);

  if (g_date_time_get_year (time) == g_date_time_get_year (today))
    day = rapport_format_date_time (time, "dMMM", "%-d %b");
  else
    day = rapport_format_date_time (time, "yMMMd", "%-d %b %Y");

  /* Translators: a day and a time of day, as in “19 Feb, 14:30” */
  return g_strdup_printf (_("%s, %s"), day, clock);
}

/* Showing */

static void
update_kind (RapportFollowupRow *self)
{
  RapportActivityKind kind = rapport_activity_get_followup_kind (self->activity);
  gboolean shown = rapport_activity_get_kind (self->activity) == RAPPORT_ACTIVITY_FOLLOWUP &&
                   kind != RAPPORT_ACTIVITY_TASK;

  gtk_widget_set_visible (GTK_WIDGET (self->kind_image), shown);
  if (shown)
    {
      gtk_image_set_from_icon_name (self->kind_image, rapport_activity_kind_icon (kind));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->kind_image), rapport_activity_kind_name (kind));
    }
}

static void
rapport_followup_row_update (RapportFollowupRow *self)
{
  RapportActivity *a = self->activity;
  g_autoptr(GString) who = g_string_new (NULL);
  g_autofree char *description = NULL;
  gint64 contact_id, deal_id;
  const char *title;
  gboolean done;

  g_assert (RAPPORT_IS_FOLLOWUP_ROW (self));

  if (a == NULL)
    return;

  title = rapport_activity_get_title (a);
  if (title == NULL || *title == '\0')
    title = _("Follow-up");
  gtk_label_set_label (self->title_label, title);
  update_kind (self);

  contact_id = rapport_activity_get_contact_id (a);
  deal_id = rapport_activity_get_deal_id (a);
  /* "Deal title · Contact name" */
  if (deal_id > 0)
    {
      g_autoptr(RapportDeal) deal = rapport_store_get_deal (self->store, deal_id, NULL);

      if (deal != NULL)
        g_string_append (who, rapport_deal_get_title (deal));
    }
  if (contact_id > 0)
    {
      g_autoptr(RapportContact) contact = rapport_store_get_contact (self->store, contact_id, NULL);

      if (contact != NULL)
        {
          if (who->len > 0)
            g_string_append (who, " · ");
          g_string_append (who, rapport_contact_get_name (contact));
        }
    }
  gtk_label_set_label (self->who_label, who->str);
  gtk_widget_set_visible (GTK_WIDGET (self->who_label), who->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->rule_label),
                          rapport_activity_get_rule (a) == RAPPORT_RULE_SPEED_TO_LEAD);

  done = rapport_activity_get_done_at (a) > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->done_button), !done);
  gtk_widget_set_visible (GTK_WIDGET (self->done_image), done);
  gtk_widget_set_visible (GTK_WIDGET (self->snooze_button), !done);
  gtk_widget_set_visible (GTK_WIDGET (self->relative_label), !done);

  rapport_followup_row_update_time (self);

  description = g_strdup_printf ("%s %s %s",
                                 who->str,
                                 gtk_label_get_label (self->when_label),
                                 done ? "" : gtk_label_get_label (self->relative_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, g_strstrip (description),
                                  -1);
}

void
rapport_followup_row_update_time (RapportFollowupRow *self)
{
  RapportActivity *a;
  g_autofree char *when = NULL;
  g_autofree char *when_text = NULL;
  g_autofree char *relative = NULL;
  gint64 now, due, snoozed, done_at;
  gboolean late = FALSE;

  g_return_if_fail (RAPPORT_IS_FOLLOWUP_ROW (self));

  if ((a = self->activity) == NULL)
    return;

  now = rapport_store_now (self->store);
  due = rapport_activity_get_due_at (a);
  snoozed = rapport_activity_get_snoozed_until (a);
  done_at = rapport_activity_get_done_at (a);

  if (done_at > 0)
    {
      when = rapport_followup_format_when (done_at, now);
      /* Translators: when a follow-up was marked done, as in “Done Today, 14:30” */
      when_text = g_strdup_printf (_("Done %s"), when);
      gtk_label_set_label (self->when_label, when_text);
      return;
    }

  if (snoozed > 0)
    {
      when = rapport_followup_format_when (snoozed, now);
      /* Translators: a snoozed follow-up, as in “Snoozed to Today, 14:30” */
      when_text = g_strdup_printf (_("Snoozed to %s"), when);
      gtk_label_set_label (self->when_label, when_text);
      relative = rapport_format_relative (snoozed, now, &late);
    }
  else
    {
      when = rapport_followup_format_when (due, now);
      gtk_label_set_label (self->when_label, when);
      relative = rapport_format_relative (due, now, &late);
    }

  gtk_label_set_label (self->relative_label, relative);
  if (late)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->relative_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->relative_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->relative_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->relative_label), "dim-label");
    }
}

static void
on_activity_notify (RapportFollowupRow *self,
                    GParamSpec         *pspec,
                    RapportActivity    *activity)
{
  g_assert (RAPPORT_IS_FOLLOWUP_ROW (self));

  rapport_followup_row_update (self);
}

/* The snooze menu is made when it is first opened: a popover per row,
 * made up front, cost seconds on a list of a few hundred follow-ups. */
static void
create_snooze_menu (GtkMenuButton *button,
                    gpointer       data)
{
  RapportFollowupRow *self = data;
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenu) section = NULL;
  g_autoptr(GMenuItem) item = NULL;
  static const struct { const char *label; const char *when; } snoozes[] = {
    { N_("10 Minutes"), "10m" },
    { N_("1 Hour"), "1h" },
    { N_("Tomorrow Morning"), "tomorrow" },
  };

  g_assert (RAPPORT_IS_FOLLOWUP_ROW (self));

  if (gtk_menu_button_get_menu_model (button) != NULL || self->activity_id == 0)
    return;

  menu = g_menu_new ();
  section = g_menu_new ();
  for (guint i = 0; i < G_N_ELEMENTS (snoozes); i++)
    {
      g_autoptr(GMenuItem) snooze = g_menu_item_new (_(snoozes[i].label), NULL);

      g_menu_item_set_action_and_target_value (snooze, "followups.snooze",
                                               g_variant_new ("(xs)", self->activity_id, snoozes[i].when));
      g_menu_append_item (menu, snooze);
    }
  item = g_menu_item_new (_("Reschedule…"), NULL);
  g_menu_item_set_action_and_target_value (item, "followups.reschedule",
                                           g_variant_new_int64 (self->activity_id));
  g_menu_append_item (section, item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
rapport_followup_row_setup (RapportFollowupRow *self,
                            RapportActivity    *activity)
{
  g_assert (RAPPORT_IS_FOLLOWUP_ROW (self));

  if (activity == NULL)
    return;

  self->activity_id = rapport_record_get_id (RAPPORT_RECORD (activity));

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->done_button),
                                          g_variant_new_int64 (self->activity_id));
  gtk_menu_button_set_create_popup_func (self->snooze_button, create_snooze_menu, self, NULL);

  g_signal_connect_object (activity, "notify", G_CALLBACK (on_activity_notify),
                           self, G_CONNECT_SWAPPED);

  rapport_followup_row_update (self);
}

/* GObject */

static void
rapport_followup_row_constructed (GObject *object)
{
  RapportFollowupRow *self = RAPPORT_FOLLOWUP_ROW (object);

  G_OBJECT_CLASS (rapport_followup_row_parent_class)->constructed (object);

  rapport_followup_row_setup (self, self->activity);
}

static void
rapport_followup_row_dispose (GObject *object)
{
  RapportFollowupRow *self = RAPPORT_FOLLOWUP_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_FOLLOWUP_ROW);

  g_clear_object (&self->activity);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_followup_row_parent_class)->dispose (object);
}

static void
rapport_followup_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportFollowupRow *self = RAPPORT_FOLLOWUP_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ACTIVITY:
      g_value_set_object (value, self->activity);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_followup_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RapportFollowupRow *self = RAPPORT_FOLLOWUP_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ACTIVITY:
      self->activity = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_followup_row_class_init (RapportFollowupRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_followup_row_constructed;
  object_class->dispose = rapport_followup_row_dispose;
  object_class->get_property = rapport_followup_row_get_property;
  object_class->set_property = rapport_followup_row_set_property;

  /**
   * RapportFollowupRow:store:
   *
   * Where the row looks up the contact and deal, and the time now.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportFollowupRow:activity:
   *
   * The follow-up shown.
   */
  properties[PROP_ACTIVITY] =
    g_param_spec_object ("activity", NULL, NULL,
                         RAPPORT_TYPE_ACTIVITY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/followups/followup-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupRow, done_button);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupRow, done_image);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupRow, kind_image);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupRow, who_label);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupRow, rule_label);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupRow, when_label);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupRow, relative_label);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupRow, snooze_button);
}

static void
rapport_followup_row_init (RapportFollowupRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_followup_row_new (RapportStore    *store,
                          RapportActivity *activity)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (activity), NULL);

  return g_object_new (RAPPORT_TYPE_FOLLOWUP_ROW,
                       "store", store,
                       "activity", activity,
                       NULL);
}

RapportActivity *
rapport_followup_row_get_activity (RapportFollowupRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_FOLLOWUP_ROW (self), NULL);

  return self->activity;
}
