/* rapport-log-popover.c — log a call, an email or a meeting, and what's next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The popover of the Log buttons of a contact's and a deal's page: how
 * it went (the outcomes of its kind), a note, how long, when (now unless
 * another time is opened), and "What's next?" with quick choices. One
 * store call writes the activity and its next follow-up together; Undo
 * takes both back. A page makes it when its button is first pressed
 * (rapport_log_popover_attach()), so opening a page costs nothing.
 */

#define G_LOG_DOMAIN "rapport-log-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-date-time-picker.h"
#include "rapport-edit.h"
#include "rapport-enums.h"
#include "rapport-log-popover.h"

#define HOUR (60 * 60)
#define DAY (24 * HOUR)

struct _RapportLogPopover
{
  GtkPopover             parent_instance;

  /* Template widgets */
  GtkToggleButton       *kind_call;
  GtkToggleButton       *kind_email;
  GtkToggleButton       *kind_meeting;
  GtkWidget             *outcome_grid;
  GtkToggleButton       *outcome_connected;
  GtkToggleButton       *outcome_voicemail;
  GtkToggleButton       *outcome_no_answer;
  GtkToggleButton       *outcome_wrong_number;
  GtkToggleButton       *outcome_held;
  GtkToggleButton       *outcome_no_show;
  GtkEditable           *note_entry;
  GtkWidget             *duration_box;
  GtkSpinButton         *duration_spin;
  GtkExpander           *when_expander;
  GtkToggleButton       *next_none;
  GtkToggleButton       *next_hour;
  GtkToggleButton       *next_tomorrow;
  GtkToggleButton       *next_three_days;
  GtkToggleButton       *next_week;
  GtkDropDown           *next_kind;

  /* Made when "another time" is first opened */
  RapportDateTimePicker *when_picker;

  /* Owned */
  RapportContext        *context;
  RapportRecord         *record;     /* the contact or the deal logged on */

  RapportActivityKind    kind;
  gboolean               choose_kind;
};

G_DEFINE_FINAL_TYPE (RapportLogPopover, rapport_log_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_RECORD,
  PROP_KIND,
  PROP_CHOOSE_KIND,
  PROP_HEADING,
  PROP_ACTION_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static const char *
logged_message_of (RapportActivityKind kind,
                   gboolean            with_next)
{
  switch (kind)
    {
    case RAPPORT_ACTIVITY_EMAIL:
      return with_next ? _("Email logged and the next step scheduled") : _("Email logged");
    case RAPPORT_ACTIVITY_MEETING:
      return with_next ? _("Meeting logged and the next step scheduled") : _("Meeting logged");
    case RAPPORT_ACTIVITY_CALL:
    default:
      return with_next ? _("Call logged and the next step scheduled") : _("Call logged");
    }
}

/* The outcomes a kind offers: a call's four, a meeting's two. */
static void
show_outcomes (RapportLogPopover *self)
{
  gboolean call = self->kind == RAPPORT_ACTIVITY_CALL;
  gboolean meeting = self->kind == RAPPORT_ACTIVITY_MEETING;

  g_assert (RAPPORT_IS_LOG_POPOVER (self));

  gtk_widget_set_visible (self->outcome_grid, call || meeting);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_connected), call);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_voicemail), call);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_no_answer), call);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_wrong_number), call);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_held), meeting);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_no_show), meeting);
  gtk_widget_set_visible (self->duration_box, call || meeting);
}

static RapportActivityOutcome
chosen_outcome (RapportLogPopover *self)
{
  const struct
  {
    GtkToggleButton        *button;
    RapportActivityOutcome  outcome;
  } outcomes[] = {
    { self->outcome_connected, RAPPORT_OUTCOME_CONNECTED },
    { self->outcome_voicemail, RAPPORT_OUTCOME_LEFT_VOICEMAIL },
    { self->outcome_no_answer, RAPPORT_OUTCOME_NO_ANSWER },
    { self->outcome_wrong_number, RAPPORT_OUTCOME_WRONG_NUMBER },
    { self->outcome_held, RAPPORT_OUTCOME_HELD },
    { self->outcome_no_show, RAPPORT_OUTCOME_NO_SHOW },
  };

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    if (gtk_toggle_button_get_active (outcomes[i].button) &&
        rapport_activity_outcome_fits (self->kind, outcomes[i].outcome))
      return outcomes[i].outcome;

  return RAPPORT_OUTCOME_NONE;
}

/* 09:00 local time @days after today. */
static gint64
morning_in (gint64 now,
            int    days)
{
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) day = g_date_time_add_days (today, days);
  g_autoptr(GDateTime) morning = g_date_time_new_local (g_date_time_get_year (day),
                                                        g_date_time_get_month (day),
                                                        g_date_time_get_day_of_month (day),
                                                        9, 0, 0);

  return g_date_time_to_unix (morning);
}

/* When the quick choice made says the next step is due; 0 for none. */
static gint64
chosen_next_due (RapportLogPopover *self,
                 gint64             now)
{
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);

  if (gtk_toggle_button_get_active (self->next_hour))
    return now + HOUR;
  if (gtk_toggle_button_get_active (self->next_tomorrow))
    return morning_in (now, 1);
  if (gtk_toggle_button_get_active (self->next_three_days))
    return morning_in (now, 3);
  if (gtk_toggle_button_get_active (self->next_week))
    /* Monday of next week: g_date_time_get_day_of_week() is 1 for Monday. */
    return morning_in (now, 8 - g_date_time_get_day_of_week (today));

  return 0;
}

static void
set_kind (RapportLogPopover   *self,
          RapportActivityKind  kind)
{
  g_assert (RAPPORT_IS_LOG_POPOVER (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  show_outcomes (self);
  /* The next step is of the same kind unless the user says otherwise. */
  gtk_drop_down_set_selected (self->next_kind, (guint) kind);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION_LABEL]);
}

static void
on_kind_toggled (RapportLogPopover *self,
                 GtkToggleButton   *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  if (button == self->kind_email)
    set_kind (self, RAPPORT_ACTIVITY_EMAIL);
  else if (button == self->kind_meeting)
    set_kind (self, RAPPORT_ACTIVITY_MEETING);
  else
    set_kind (self, RAPPORT_ACTIVITY_CALL);
}

static void
on_next_toggled (RapportLogPopover *self)
{
  /* What kind of step, once there is one. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_kind), !gtk_toggle_button_get_active (self->next_none));
}

static void
on_when_expanded (RapportLogPopover *self)
{
  RapportStore *store = rapport_context_get_store (self->context);

  if (!gtk_expander_get_expanded (self->when_expander))
    return;

  /* A calendar is costly: made the first time it is asked for. */
  if (self->when_picker == NULL)
    {
      self->when_picker = RAPPORT_DATE_TIME_PICKER (rapport_date_time_picker_new (rapport_store_now (store)));
      gtk_widget_set_margin_top (GTK_WIDGET (self->when_picker), 6);
      gtk_expander_set_child (self->when_expander, GTK_WIDGET (self->when_picker));
    }
  else
    rapport_date_time_picker_set_time (self->when_picker, rapport_store_now (store));
}

static void
on_show (RapportLogPopover *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
}

/* Back to a fresh form for the next time. */
static void
reset (RapportLogPopover *self)
{
  GtkToggleButton *outcomes[] = {
    self->outcome_connected, self->outcome_voicemail, self->outcome_no_answer,
    self->outcome_wrong_number, self->outcome_held, self->outcome_no_show,
  };

  gtk_editable_set_text (self->note_entry, "");
  gtk_spin_button_set_value (self->duration_spin, 0);
  gtk_expander_set_expanded (self->when_expander, FALSE);
  gtk_toggle_button_set_active (self->next_none, TRUE);
  gtk_drop_down_set_selected (self->next_kind, (guint) self->kind);
  /* A group keeps one button on; off one by one, none is. */
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    gtk_toggle_button_set_active (outcomes[i], FALSE);
}

static void
on_log_clicked (RapportLogPopover *self)
{
  RapportStore *store = rapport_context_get_store (self->context);
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (self->note_entry)));
  g_autoptr(RapportActivity) activity = NULL;
  g_autoptr(RapportActivity) next = NULL;
  g_autoptr(GError) error = NULL;
  RapportActivityLog log = { 0, };
  const char *message;
  guint64 step;
  gint64 now = rapport_store_now (store);

  g_assert (RAPPORT_IS_LOG_POPOVER (self));

  if (RAPPORT_IS_DEAL (self->record))
    {
      log.deal_id = rapport_record_get_id (self->record);
      log.contact_id = rapport_deal_get_contact_id (RAPPORT_DEAL (self->record));
    }
  else
    log.contact_id = rapport_record_get_id (self->record);
  log.kind = self->kind;
  log.note = *note != '\0' ? note : NULL;
  log.outcome = chosen_outcome (self);
  if (gtk_widget_get_visible (self->duration_box))
    log.duration_minutes = gtk_spin_button_get_value_as_int (self->duration_spin);
  if (self->when_picker != NULL && gtk_expander_get_expanded (self->when_expander))
    log.done_at = rapport_date_time_picker_get_time (self->when_picker);
  log.next_due_at = chosen_next_due (self, now);
  log.next_kind = (RapportActivityKind) MIN (gtk_drop_down_get_selected (self->next_kind),
                                             RAPPORT_ACTIVITY_TASK);

  /* Logging a first contact with a lead ends its speed-to-lead
   * follow-up: the store does that in the same transaction. */
  activity = rapport_store_log_activity_full (store, &log, &next, &error);
  if (activity == NULL)
    {
      rapport_context_report_error (self->context, error);
      return;
    }

  message = logged_message_of (self->kind, next != NULL);
  step = rapport_edit_push_undo_log (self->context, message, activity, next);
  rapport_context_add_toast (self->context, rapport_context_undo_toast_new (self->context, message, step));

  reset (self);
  gtk_popover_popdown (GTK_POPOVER (self));
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
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_CHOOSE_KIND:
      g_value_set_boolean (value, self->choose_kind);
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
    case PROP_CONTEXT:
      g_set_object (&self->context, g_value_get_object (value));
      break;

    case PROP_RECORD:
      g_set_object (&self->record, g_value_get_object (value));
      break;

    case PROP_KIND:
      set_kind (self, g_value_get_enum (value));
      break;

    case PROP_CHOOSE_KIND:
      self->choose_kind = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_log_popover_constructed (GObject *object)
{
  RapportLogPopover *self = RAPPORT_LOG_POPOVER (object);
  GtkToggleButton *kinds[] = { self->kind_call, self->kind_email, self->kind_meeting };

  G_OBJECT_CLASS (rapport_log_popover_parent_class)->constructed (object);

  if (self->kind != RAPPORT_ACTIVITY_EMAIL && self->kind != RAPPORT_ACTIVITY_MEETING)
    set_kind (self, RAPPORT_ACTIVITY_CALL);
  if ((guint) self->kind < G_N_ELEMENTS (kinds))
    gtk_toggle_button_set_active (kinds[self->kind], TRUE);
  gtk_drop_down_set_selected (self->next_kind, (guint) self->kind);
  show_outcomes (self);
}

static void
rapport_log_popover_dispose (GObject *object)
{
  RapportLogPopover *self = RAPPORT_LOG_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), RAPPORT_TYPE_LOG_POPOVER);
  g_clear_object (&self->context);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (rapport_log_popover_parent_class)->dispose (object);
}

static void
rapport_log_popover_class_init (RapportLogPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_log_popover_constructed;
  object_class->dispose = rapport_log_popover_dispose;
  object_class->get_property = rapport_log_popover_get_property;
  object_class->set_property = rapport_log_popover_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * RapportLogPopover:record:
   *
   * The contact or the deal the activity is logged on (a deal's with its
   * contact as it is when logged).
   */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, RAPPORT_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

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
   * RapportLogPopover:choose-kind:
   *
   * Whether the popover offers the three kinds (a deal's single Log
   * button) or logs its own kind only (a contact's three buttons).
   */
  properties[PROP_CHOOSE_KIND] =
    g_param_spec_boolean ("choose-kind", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

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

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/widgets/log-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, kind_call);
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, kind_email);
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, kind_meeting);
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, outcome_grid);
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, outcome_connected);
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, outcome_voicemail);
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, outcome_no_answer);
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, outcome_wrong_number);
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, outcome_held);
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, outcome_no_show);
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, note_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, duration_box);
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, when_expander);
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, next_none);
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, next_hour);
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, next_tomorrow);
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, next_three_days);
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, next_week);
  gtk_widget_class_bind_template_child (widget_class, RapportLogPopover, next_kind);
  gtk_widget_class_bind_template_callback (widget_class, on_show);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_next_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_when_expanded);
  gtk_widget_class_bind_template_callback (widget_class, on_log_clicked);
}

static void
rapport_log_popover_init (RapportLogPopover *self)
{
  /* Not a kind the popover logs: the constructor's "kind" always changes it. */
  self->kind = RAPPORT_ACTIVITY_TASK;

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_log_popover_new (RapportContext      *context,
                         RapportRecord       *record,
                         RapportActivityKind  kind,
                         gboolean             choose_kind)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (RAPPORT_IS_CONTACT (record) || RAPPORT_IS_DEAL (record), NULL);

  return g_object_new (RAPPORT_TYPE_LOG_POPOVER,
                       "context", context,
                       "record", record,
                       "kind", kind,
                       "choose-kind", choose_kind,
                       NULL);
}

RapportActivityKind
rapport_log_popover_get_kind (RapportLogPopover *self)
{
  g_return_val_if_fail (RAPPORT_IS_LOG_POPOVER (self), RAPPORT_ACTIVITY_CALL);

  return self->kind;
}

typedef struct
{
  RapportContext      *context;
  RapportRecord       *record;
  RapportActivityKind  kind;
  gboolean             choose_kind;
} Attachment;

static void
attachment_free (Attachment *attachment)
{
  g_clear_object (&attachment->context);
  g_clear_object (&attachment->record);
  g_free (attachment);
}

static void
create_popup (GtkMenuButton *button,
              gpointer       user_data)
{
  Attachment *attachment = user_data;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  gtk_menu_button_set_popover (button, rapport_log_popover_new (attachment->context, attachment->record,
                                                                attachment->kind, attachment->choose_kind));
}

void
rapport_log_popover_attach (GtkMenuButton       *button,
                            RapportContext      *context,
                            RapportRecord       *record,
                            RapportActivityKind  kind,
                            gboolean             choose_kind)
{
  Attachment *attachment;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (RAPPORT_IS_CONTEXT (context));
  g_return_if_fail (RAPPORT_IS_CONTACT (record) || RAPPORT_IS_DEAL (record));

  attachment = g_new0 (Attachment, 1);
  attachment->context = g_object_ref (context);
  attachment->record = g_object_ref (record);
  attachment->kind = kind;
  attachment->choose_kind = choose_kind;

  gtk_menu_button_set_popover (button, NULL);
  gtk_menu_button_set_create_popup_func (button, create_popup, attachment, (GDestroyNotify) attachment_free);
}
