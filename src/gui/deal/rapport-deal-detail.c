/* rapport-deal-detail.c — everything about one deal, editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page of the window, opened with win.open-deal. Fields save as they
 * are edited (rapport-edit.h: Ctrl+Z takes them back); the stage stepper,
 * Won / Lost…, the playbook ticks and the BANT answers are single store
 * calls with their own undo steps. What the page shows follows the deal's
 * notify signals and the store's lists, so a change made anywhere else
 * (the board, rapport-cli in another process) shows here too.
 *
 * Opening must stay fast whatever the deal's history: the activity and
 * note lists show a slice of the store's list models (only the rows on
 * show are made), and nothing is read per activity.
 */

#define G_LOG_DOMAIN "rapport-deal-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-activity-row.h"
#include "rapport-date-time-picker.h"
#include "rapport-deal-detail.h"
#include "rapport-edit.h"
#include "rapport-followup-row.h"
#include "rapport-format.h"
#include "rapport-lost-reason-dialog.h"
#include "rapport-money.h"
#include "rapport-notes-section.h"
#include "rapport-record-list.h"

#define HOUR (60 * 60)
#define DAY  (24 * HOUR)

/* Rows of a long list made at first, and added by Show More. */
#define ACTIVITY_PAGE 10
#define PICKER_LIMIT  8

typedef struct
{
  RapportDealDetail *self;          /* unowned: the page owns the picker */
  const char        *property;      /* "contact-id" or "organization-id" */
  gboolean           is_contact;
  AdwActionRow      *row;
  GtkWidget         *open_button;
  GtkPopover        *popover;
  GtkSearchEntry    *search;
  GtkListBox        *results;
} Picker;

struct _RapportDealDetail
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkLabel           *title_label;
  GtkLabel           *value_label;
  GtkLabel           *status_badge;
  GtkLabel           *qualified_badge;
  GtkWidget          *won_button;
  GtkWidget          *lost_button;
  GtkWidget          *reopen_button;
  GtkBox             *stepper_box;
  GtkLabel           *stage_line;
  AdwEntryRow        *title_row;
  GtkLabel           *title_message;
  AdwEntryRow        *value_row;
  GtkLabel           *value_message;
  AdwEntryRow        *currency_row;
  GtkLabel           *currency_message;
  AdwEntryRow        *close_row;
  GtkLabel           *close_message;
  GtkMenuButton      *close_button;
  GtkBox             *close_box;
  AdwActionRow       *contact_row;
  AdwActionRow       *organization_row;
  AdwEntryRow        *owner_row;
  GtkLabel           *owner_message;
  AdwPreferencesGroup *playbook_group;
  GtkListBox         *playbook_list;
  GtkLabel           *bant_state;
  GtkListBox         *bant_list;
  GtkPopover         *log_popover;
  GtkDropDown        *log_kind;
  GtkEntry           *log_note;
  GtkPopover         *followup_popover;
  GtkBox             *followup_form;
  GtkEntry           *followup_title;
  GtkListBox         *activity_list;
  GtkWidget          *activity_more;
  GtkListBox         *negotiation_list;
  AdwComboRow        *negotiation_kind;
  AdwEntryRow        *negotiation_amount;
  GtkLabel           *negotiation_message;
  AdwEntryRow        *negotiation_text;
  AdwBin             *notes_bin;
  GtkListBox         *history_list;

  /* Widgets made in code */
  GtkToggleButton    *bant_buttons[4][3];   /* per item: Yes, No, Unknown */
  GtkCalendar        *close_calendar;       /* the calendars: made when first shown */
  RapportDateTimePicker *followup_when;
  Picker              pickers[2];

  /* Owned references */
  RapportContext     *context;
  RapportStore       *store;   /* the context's */
  RapportDeal        *deal;
  GListModel         *activities;
  GtkSliceListModel  *activity_slice;
  GListModel         *negotiation;
  GPtrArray          *playbook;             /* RapportStageAction of the stage shown */
  GPtrArray          *playbook_checks;      /* GtkCheckButton, in the same order */

  /* Borrowed: the store keeps it */
  GListModel         *stages;

  /* State */
  gint64              playbook_stage_id;
  gboolean            updating;             /* setting widgets from the deal */
};

G_DEFINE_FINAL_TYPE (RapportDealDetail, rapport_deal_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CONTEXT,
  PROP_DEAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *bant_properties[] = {
  "bant-budget", "bant-authority", "bant-need", "bant-timeline",
};

static const char *bant_note_properties[] = {
  "bant-budget-note", "bant-authority-note", "bant-need-note", "bant-timeline-note",
};

/* The toggles of a BANT item, in order, and the answer each one gives. */
static const RapportAnswer bant_answers[] = {
  RAPPORT_ANSWER_YES, RAPPORT_ANSWER_NO, RAPPORT_ANSWER_UNKNOWN,
};

static void rapport_deal_detail_update_stepper  (RapportDealDetail *self);
static void rapport_deal_detail_update_playbook (RapportDealDetail *self);
static void rapport_deal_detail_update_history  (RapportDealDetail *self);

/* Helpers */

static char *
format_duration (gint64 seconds)
{
  gint64 n;

  if (seconds < HOUR)
    /* Translators: time spent in a stage */
    return g_strdup (_("under an hour"));

  if (seconds < DAY)
    {
      n = seconds / HOUR;
      return g_strdup_printf (ngettext ("%u hour", "%u hours", (gulong) n), (guint) n);
    }

  n = seconds / DAY;
  return g_strdup_printf (ngettext ("%u day", "%u days", (gulong) n), (guint) MIN (n, G_MAXUINT));
}

/* "19 Feb 2026, 14:30" in local time. */
static char *
format_time (gint64 when)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (when);

  if (time == NULL)
    return g_strdup ("");

  /* Translators: a day and time; see g_date_time_format() */
  return g_date_time_format (time, _("%-d %b %Y, %H:%M"));
}

static const char *
negotiation_kind_name (RapportNegotiationKind kind)
{
  switch (kind)
    {
    case RAPPORT_NEGOTIATION_OFFER:
      return C_("negotiation", "Offer");
    case RAPPORT_NEGOTIATION_COUNTER_OFFER:
      return C_("negotiation", "Counter-offer");
    case RAPPORT_NEGOTIATION_OBJECTION:
      return C_("negotiation", "Objection");
    case RAPPORT_NEGOTIATION_CONCESSION:
    default:
      return C_("negotiation", "Concession");
    }
}

static const char *
negotiation_kind_icon (RapportNegotiationKind kind)
{
  switch (kind)
    {
    case RAPPORT_NEGOTIATION_OFFER:
      return "mail-send-symbolic";
    case RAPPORT_NEGOTIATION_COUNTER_OFFER:
      return "mail-reply-sender-symbolic";
    case RAPPORT_NEGOTIATION_OBJECTION:
      return "dialog-warning-symbolic";
    case RAPPORT_NEGOTIATION_CONCESSION:
    default:
      return "object-select-symbolic";
    }
}

static GtkWidget *
dim_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);

  return label;
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "deal-detail-placeholder");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);

  return label;
}

static RapportStage *
current_stage (RapportDealDetail *self)
{
  return rapport_store_get_stage (self->store, rapport_deal_get_stage_id (self->deal), NULL);
}

/* The header: title, value, status and the actions that fit it */

static void
rapport_deal_detail_update_header (RapportDealDetail *self)
{
  RapportDealStatus status = rapport_deal_get_status (self->deal);
  g_autofree char *value = NULL;
  const char *badge;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  gtk_label_set_label (self->title_label, rapport_deal_get_title (self->deal));

  value = rapport_format_money (rapport_deal_get_value (self->deal), rapport_deal_get_currency (self->deal));
  gtk_label_set_label (self->value_label, value);

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_badge), "won");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_badge), "lost");
  switch (status)
    {
    case RAPPORT_DEAL_STATUS_WON:
      badge = C_("deal status", "Won");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_badge), "won");
      break;

    case RAPPORT_DEAL_STATUS_LOST:
      badge = C_("deal status", "Lost");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_badge), "lost");
      break;

    case RAPPORT_DEAL_STATUS_OPEN:
    default:
      badge = C_("deal status", "Open");
      break;
    }
  gtk_label_set_label (self->status_badge, badge);

  gtk_widget_set_visible (self->won_button, status == RAPPORT_DEAL_STATUS_OPEN);
  gtk_widget_set_visible (self->lost_button, status == RAPPORT_DEAL_STATUS_OPEN);
  gtk_widget_set_visible (self->reopen_button, status != RAPPORT_DEAL_STATUS_OPEN);
  gtk_widget_set_visible (GTK_WIDGET (self->qualified_badge), rapport_deal_get_qualified (self->deal));
}

/* Status: Won, Lost…, Reopen */

typedef struct
{
  RapportDeal       *deal;
  RapportDealStatus  status;
  char              *lost_reason;
} StatusUndo;

static void
status_undo_free (StatusUndo *undo)
{
  g_object_unref (undo->deal);
  g_free (undo->lost_reason);
  g_free (undo);
}

static gboolean
status_undo (RapportStore  *store,
             gpointer       data,
             GError       **error)
{
  StatusUndo *undo = data;

  return rapport_store_set_deal_status (store, undo->deal, undo->status, undo->lost_reason, error);
}

static StatusUndo *
status_undo_new (RapportDeal *deal)
{
  StatusUndo *undo = g_new0 (StatusUndo, 1);

  undo->deal = g_object_ref (deal);
  undo->status = rapport_deal_get_status (deal);
  undo->lost_reason = g_strdup (rapport_deal_get_lost_reason (deal));

  return undo;
}

static void
rapport_deal_detail_set_status (RapportDealDetail *self,
                                RapportDealStatus  status,
                                const char        *reason,
                                const char        *label)
{
  g_autoptr(GError) error = NULL;
  StatusUndo *undo;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  undo = status_undo_new (self->deal);
  if (!rapport_store_set_deal_status (self->store, self->deal, status, reason, &error))
    {
      status_undo_free (undo);
      rapport_context_report_error (self->context, error);
      return;
    }

  rapport_context_push_undo (self->context, label, status_undo, undo,
                          (GDestroyNotify) status_undo_free);
}

static void
on_won_clicked (RapportDealDetail *self)
{
  /* Translators: an undo step */
  rapport_deal_detail_set_status (self, RAPPORT_DEAL_STATUS_WON, NULL, _("Marked as won"));
}

static void
on_reopen_clicked (RapportDealDetail *self)
{
  rapport_deal_detail_set_status (self, RAPPORT_DEAL_STATUS_OPEN, NULL, _("Reopened"));
}

static void
on_lost_reason_given (RapportDealDetail *self,
                      const char        *reason)
{
  rapport_deal_detail_set_status (self, RAPPORT_DEAL_STATUS_LOST, reason, _("Marked as lost"));
}

static void
on_lost_clicked (RapportDealDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  dialog = rapport_lost_reason_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->deal);
  g_signal_connect_object (dialog, "reason-given", G_CALLBACK (on_lost_reason_given), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Stage stepper */

typedef struct
{
  RapportDeal       *deal;
  gint64             stage_id;
  int                position;
  RapportDealStatus  status;
  char              *lost_reason;
} MoveUndo;

static void
move_undo_free (MoveUndo *undo)
{
  g_object_unref (undo->deal);
  g_free (undo->lost_reason);
  g_free (undo);
}

static gboolean
move_undo (RapportStore  *store,
           gpointer       data,
           GError       **error)
{
  MoveUndo *undo = data;
  g_autoptr(RapportStage) stage = rapport_store_get_stage (store, undo->stage_id, error);

  if (stage == NULL)
    return FALSE;
  if (!rapport_store_move_deal (store, undo->deal, stage, undo->position, error))
    return FALSE;
  if (undo->status != RAPPORT_DEAL_STATUS_OPEN)
    return rapport_store_set_deal_status (store, undo->deal, undo->status, undo->lost_reason, error);

  return TRUE;
}

static void
on_step_clicked (RapportDealDetail *self,
                 GtkButton         *button)
{
  RapportStage *stage = g_object_get_data (G_OBJECT (button), "stage");
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  MoveUndo *undo;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  if (rapport_record_get_id (RAPPORT_RECORD (stage)) == rapport_deal_get_stage_id (self->deal) &&
      rapport_deal_get_status (self->deal) == RAPPORT_DEAL_STATUS_OPEN)
    return;

  undo = g_new0 (MoveUndo, 1);
  undo->deal = g_object_ref (self->deal);
  undo->stage_id = rapport_deal_get_stage_id (self->deal);
  undo->position = rapport_store_get_deal_position (self->store, self->deal);
  undo->status = rapport_deal_get_status (self->deal);
  undo->lost_reason = g_strdup (rapport_deal_get_lost_reason (self->deal));

  if (!rapport_store_move_deal (self->store, self->deal, stage, -1, &error))
    {
      move_undo_free (undo);
      rapport_context_report_error (self->context, error);
      return;
    }

  /* Translators: an undo step; %s is a stage */
  label = g_strdup_printf (_("Move to %s"), rapport_stage_get_name (stage));
  rapport_context_push_undo (self->context, label, move_undo, undo, (GDestroyNotify) move_undo_free);
}

static GtkWidget *
step_new (RapportDealDetail *self,
          RapportStage      *stage,
          gboolean           done,
          gboolean           current)
{
  RapportDealStatus status = rapport_deal_get_status (self->deal);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *dot = gtk_image_new ();
  GtkWidget *label = gtk_label_new (rapport_stage_get_name (stage));
  g_autofree char *tooltip = NULL;

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "deal-step");
  gtk_widget_add_css_class (dot, "deal-step-dot");
  if (done)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (dot), "object-select-symbolic");
      gtk_widget_add_css_class (button, "done");
    }
  if (current)
    {
      gtk_widget_add_css_class (button, "current");
      if (status == RAPPORT_DEAL_STATUS_WON)
        {
          gtk_image_set_from_icon_name (GTK_IMAGE (dot), "emblem-ok-symbolic");
          gtk_widget_add_css_class (button, "won");
        }
      else if (status == RAPPORT_DEAL_STATUS_LOST)
        {
          gtk_image_set_from_icon_name (GTK_IMAGE (dot), "window-close-symbolic");
          gtk_widget_add_css_class (button, "lost");
        }
    }
  gtk_widget_set_halign (dot, GTK_ALIGN_CENTER);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_widget_add_css_class (label, "caption");

  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);

  if (current)
    /* Translators: the stage a deal is in; %s is its name */
    tooltip = g_strdup_printf (_("%s: the current stage"), rapport_stage_get_name (stage));
  else
    /* Translators: a stage button; %s is its name */
    tooltip = g_strdup_printf (_("Move to %s"), rapport_stage_get_name (stage));
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rapport_stage_get_name (stage), -1);

  g_object_set_data_full (G_OBJECT (button), "stage", g_object_ref (stage), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_step_clicked), self, G_CONNECT_SWAPPED);

  return button;
}

static void
rapport_deal_detail_update_stage_line (RapportDealDetail *self,
                                       RapportStage      *stage)
{
  g_autofree char *text = NULL;
  gint64 now = rapport_store_now (self->store);

  switch (rapport_deal_get_status (self->deal))
    {
    case RAPPORT_DEAL_STATUS_WON:
      {
        g_autofree char *when = format_time (rapport_deal_get_closed_at (self->deal));
        /* Translators: %s is a day and time */
        text = g_strdup_printf (_("Won on %s"), when);
      }
      break;

    case RAPPORT_DEAL_STATUS_LOST:
      {
        g_autofree char *when = format_time (rapport_deal_get_closed_at (self->deal));
        /* Translators: a lost deal: when, then why */
        text = g_strdup_printf (_("Lost on %s: %s"), when, rapport_deal_get_lost_reason (self->deal));
      }
      break;

    case RAPPORT_DEAL_STATUS_OPEN:
    default:
      if (stage != NULL)
        {
          g_autofree char *spent = format_duration (now - rapport_deal_get_stage_entered_at (self->deal));
          /* Translators: a stage, its win probability (%% is the percent sign) and the time spent in it */
          text = g_strdup_printf (_("%s · %d%% probability · in this stage for %s"),
                                  rapport_stage_get_name (stage),
                                  rapport_stage_get_probability (stage), spent);
        }
      break;
    }

  gtk_label_set_label (self->stage_line, text != NULL ? text : "");
}

static void
rapport_deal_detail_update_stepper (RapportDealDetail *self)
{
  g_autoptr(RapportStage) stage = current_stage (self);
  gint64 stage_id = rapport_deal_get_stage_id (self->deal);
  GtkWidget *child;
  guint n, current = G_MAXUINT;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stepper_box))) != NULL)
    gtk_box_remove (self->stepper_box, child);

  n = self->stages != NULL ? g_list_model_get_n_items (self->stages) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportStage) s = g_list_model_get_item (self->stages, i);

      if (rapport_record_get_id (RAPPORT_RECORD (s)) == stage_id)
        current = i;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportStage) s = g_list_model_get_item (self->stages, i);
      gboolean done = current != G_MAXUINT &&
                      (i < current ||
                       (i == current && rapport_deal_get_status (self->deal) == RAPPORT_DEAL_STATUS_WON));

      gtk_box_append (self->stepper_box, step_new (self, s, done && i != current, i == current));
    }

  rapport_deal_detail_update_stage_line (self, stage);
}

static void
on_stages_changed (RapportDealDetail *self)
{
  rapport_deal_detail_update_stepper (self);
}

/* The stages of the deal's pipeline: the pipeline that holds its stage. */
static void
rapport_deal_detail_find_stages (RapportDealDetail *self)
{
  g_autoptr(RapportStage) stage = current_stage (self);
  GListModel *pipelines;
  gint64 pipeline_id;

  if (self->stages != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->stages, on_stages_changed, self);
      self->stages = NULL;
    }

  if (stage == NULL)
    return;

  pipeline_id = rapport_stage_get_pipeline_id (stage);
  pipelines = rapport_store_get_pipelines (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (pipelines); i++)
    {
      g_autoptr(RapportPipeline) pipeline = g_list_model_get_item (pipelines, i);

      if (rapport_record_get_id (RAPPORT_RECORD (pipeline)) == pipeline_id)
        {
          self->stages = rapport_store_get_stages (self->store, pipeline);
          g_signal_connect_object (self->stages, "items-changed",
                                   G_CALLBACK (on_stages_changed), self, G_CONNECT_SWAPPED);
          break;
        }
    }
}

/* Value: parsed as money, refused without storing anything */

static void
show_value_message (RapportDealDetail *self,
                    const char        *error)
{
  if (error != NULL)
    {
      gtk_label_set_label (self->value_message, error);
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_message), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->value_message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->value_row), "error");
    }
  else
    {
      g_autofree char *formatted = rapport_format_money (rapport_deal_get_value (self->deal),
                                                         rapport_deal_get_currency (self->deal));

      gtk_label_set_label (self->value_message, formatted);
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->value_message), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_row), "error");
    }
}

/* Shows the stored value, unless the user has typed something unsaved. */
static void
sync_value (RapportDealDetail *self,
            gboolean           force)
{
  g_autofree char *plain = rapport_money_to_plain (rapport_deal_get_value (self->deal),
                                                   rapport_deal_get_currency (self->deal));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->value_row));

  if (!force && g_strcmp0 (text, rapport_edit_get_synced_text (GTK_WIDGET (self->value_row))) != 0)
    return;

  rapport_edit_set_synced_text (GTK_WIDGET (self->value_row), plain);
  gtk_editable_set_text (GTK_EDITABLE (self->value_row), plain);
  show_value_message (self, NULL);
}

static void
save_value (RapportDealDetail *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->value_row));
  g_autoptr(GError) error = NULL;
  gint64 value;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  if (g_strcmp0 (text, rapport_edit_get_synced_text (GTK_WIDGET (self->value_row))) == 0)
    {
      show_value_message (self, NULL);
      return;
    }

  if (!rapport_money_parse (text, rapport_deal_get_currency (self->deal), &value, &error) ||
      !rapport_edit_set_int64 (self->context, RAPPORT_RECORD (self->deal), "value", value, &error))
    {
      show_value_message (self, error->message);
      return;
    }

  sync_value (self, TRUE);
}

static void
on_value_activated (RapportDealDetail *self)
{
  save_value (self);
}

static void
on_value_focus_leave (RapportDealDetail *self)
{
  save_value (self);
}

/* Expected close from the calendar */

static void
on_close_set_clicked (RapportDealDetail *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->close_calendar);
  g_autofree char *iso = g_date_time_format (day, "%Y-%m-%d");

  gtk_menu_button_popdown (self->close_button);
  rapport_edit_set_string (self->context, RAPPORT_RECORD (self->deal), "expected-close", iso, NULL);
}

static void
on_close_clear_clicked (RapportDealDetail *self)
{
  gtk_menu_button_popdown (self->close_button);
  rapport_edit_set_string (self->context, RAPPORT_RECORD (self->deal), "expected-close", NULL, NULL);
}

static void
on_close_popover_show (RapportDealDetail *self)
{
  const char *close = rapport_deal_get_expected_close (self->deal);
  int y, m, d;

  /* Calendars are costly to make: not one before it is wanted. */
  if (self->close_calendar == NULL)
    {
      self->close_calendar = GTK_CALENDAR (gtk_calendar_new ());
      gtk_box_prepend (self->close_box, GTK_WIDGET (self->close_calendar));
    }

  if (close == NULL || sscanf (close, "%d-%d-%d", &y, &m, &d) != 3)
    return;

  {
    g_autoptr(GDateTime) day = g_date_time_new_local (y, m, d, 12, 0, 0);

    if (day == NULL)
      return;
    gtk_calendar_select_day (self->close_calendar, day);
  }
}

/* Contact and organization pickers */

static void
picker_update (Picker *picker)
{
  RapportDealDetail *self = picker->self;
  gint64 id = 0;
  g_autofree char *name = NULL;

  g_object_get (self->deal, picker->property, &id, NULL);
  if (id > 0 && picker->is_contact)
    {
      g_autoptr(RapportContact) contact = rapport_store_get_contact (self->store, id, NULL);

      if (contact != NULL)
        name = g_strdup (rapport_contact_get_name (contact));
    }
  else if (id > 0)
    {
      g_autoptr(RapportOrganization) organization = rapport_store_get_organization (self->store, id, NULL);

      if (organization != NULL)
        name = g_strdup (rapport_organization_get_name (organization));
    }

  /* Translators: no contact or organization chosen */
  adw_action_row_set_subtitle (picker->row, name != NULL ? name : _("None"));
  gtk_widget_set_visible (picker->open_button, name != NULL);
}

static void
picker_choose (Picker *picker,
               gint64  id)
{
  gtk_popover_popdown (picker->popover);
  rapport_edit_set_int64 (picker->self->context, RAPPORT_RECORD (picker->self->deal),
                          picker->property, id, NULL);
}

static void
on_picker_row_activated (GtkListBox    *list,
                         GtkListBoxRow *row,
                         Picker        *picker)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "id");

  picker_choose (picker, id != NULL ? *id : 0);
}

static void
picker_add_result (Picker     *picker,
                   gint64      id,
                   const char *name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (name);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), "id", g_memdup2 (&id, sizeof id), g_free);
  gtk_list_box_append (picker->results, row);
}

static void
on_picker_search_changed (Picker *picker)
{
  RapportDealDetail *self = picker->self;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (picker->search));
  g_autoptr(GPtrArray) found = NULL;

  clear_list_box (picker->results);

  found = picker->is_contact
    ? rapport_store_find_contacts_by_prefix (self->store, text, PICKER_LIMIT, NULL)
    : rapport_store_find_organizations_by_prefix (self->store, text, PICKER_LIMIT, NULL);

  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      RapportRecord *record = g_ptr_array_index (found, i);
      const char *name = picker->is_contact
        ? rapport_contact_get_name (RAPPORT_CONTACT (record))
        : rapport_organization_get_name (RAPPORT_ORGANIZATION (record));

      picker_add_result (picker, rapport_record_get_id (record), name);
    }

  /* Translators: a choice that takes the contact or organization away */
  picker_add_result (picker, 0, _("None"));
}

static void
on_picker_search_activate (Picker *picker)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (picker->results, 0);

  if (first != NULL)
    on_picker_row_activated (picker->results, first, picker);
}

static void
on_picker_show (Picker *picker)
{
  gtk_editable_set_text (GTK_EDITABLE (picker->search), "");
  on_picker_search_changed (picker);
}

static void
on_picker_open (Picker *picker)
{
  gint64 id = 0;

  g_object_get (picker->self->deal, picker->property, &id, NULL);
  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (picker->self),
                                picker->is_contact ? "win.open-contact" : "win.open-organization",
                                "x", id);
}

static void
picker_init (RapportDealDetail *self,
             Picker            *picker,
             AdwActionRow      *row,
             gboolean           is_contact)
{
  GtkWidget *button, *box, *scrolled;
  const char *choose = is_contact ? _("Choose Contact") : _("Choose Organization");
  const char *open = is_contact ? _("Open Contact") : _("Open Organization");

  picker->self = self;
  picker->is_contact = is_contact;
  picker->property = is_contact ? "contact-id" : "organization-id";
  picker->row = row;

  picker->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (picker->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_contact ? _("Find a Contact") : _("Find an Organization"), -1);
  picker->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (picker->results, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (picker->results, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (picker->results), "navigation-sidebar");

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (picker->results));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, 280, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (picker->search));
  gtk_box_append (GTK_BOX (box), scrolled);

  picker->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (picker->popover, box);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-edit-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), GTK_WIDGET (picker->popover));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, choose);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, choose, -1);
  adw_action_row_add_suffix (row, button);

  picker->open_button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_valign (picker->open_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (picker->open_button, "flat");
  gtk_widget_set_tooltip_text (picker->open_button, open);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picker->open_button), GTK_ACCESSIBLE_PROPERTY_LABEL, open, -1);
  adw_action_row_add_suffix (row, picker->open_button);

  g_signal_connect_swapped (picker->popover, "show", G_CALLBACK (on_picker_show), picker);
  g_signal_connect_swapped (picker->search, "search-changed", G_CALLBACK (on_picker_search_changed), picker);
  g_signal_connect_swapped (picker->search, "activate", G_CALLBACK (on_picker_search_activate), picker);
  g_signal_connect (picker->results, "row-activated", G_CALLBACK (on_picker_row_activated), picker);
  g_signal_connect_swapped (picker->open_button, "clicked", G_CALLBACK (on_picker_open), picker);
}

/* Playbook of the current stage */

typedef struct
{
  RapportDeal        *deal;
  RapportStageAction *action;
  gboolean            done;
} TickUndo;

static void
tick_undo_free (TickUndo *undo)
{
  g_object_unref (undo->deal);
  g_object_unref (undo->action);
  g_free (undo);
}

static gboolean
tick_undo (RapportStore  *store,
           gpointer       data,
           GError       **error)
{
  TickUndo *undo = data;

  return rapport_store_set_action_done (store, undo->deal, undo->action, undo->done, error);
}

static void
on_action_toggled (RapportDealDetail *self,
                   GtkCheckButton    *check)
{
  RapportStageAction *action = g_object_get_data (G_OBJECT (check), "action");
  gboolean done = gtk_check_button_get_active (check);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  TickUndo *undo;

  if (self->updating)
    return;

  if (!rapport_store_set_action_done (self->store, self->deal, action, done, &error))
    {
      rapport_context_report_error (self->context, error);
      rapport_deal_detail_update_playbook (self);
      return;
    }

  undo = g_new0 (TickUndo, 1);
  undo->deal = g_object_ref (self->deal);
  undo->action = g_object_ref (action);
  undo->done = !done;
  label = done
    /* Translators: an undo step; %s is a key action of the playbook */
    ? g_strdup_printf (_("Ticked “%s”"), rapport_stage_action_get_action (action))
    : g_strdup_printf (_("Unticked “%s”"), rapport_stage_action_get_action (action));
  rapport_context_push_undo (self->context, label, tick_undo, undo, (GDestroyNotify) tick_undo_free);
}

static GtkWidget *
action_row_new (RapportDealDetail  *self,
                RapportStageAction *action)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *owner = rapport_stage_action_get_owner (action);
  const char *material = rapport_stage_action_get_material (action);
  const char *output = rapport_stage_action_get_output (action);

  if (owner != NULL && *owner != '\0')
    /* Translators: who does a key action of the playbook */
    g_string_append_printf (subtitle, _("Who: %s"), owner);
  if (material != NULL && *material != '\0')
    {
      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      /* Translators: what a key action of the playbook uses */
      g_string_append_printf (subtitle, _("Material: %s"), material);
    }
  if (output != NULL && *output != '\0')
    {
      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      /* Translators: what a key action of the playbook should produce */
      g_string_append_printf (subtitle, _("Expected output: %s"), output);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_stage_action_get_action (action));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rapport_stage_action_get_action (action), -1);
  g_object_set_data_full (G_OBJECT (check), "action", g_object_ref (action), g_object_unref);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_action_toggled), self, G_CONNECT_SWAPPED);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (self->playbook_checks, check);

  return row;
}

/* Ticks only: the rows stay (a click is never lost under a rebuild). */
static void
rapport_deal_detail_update_ticks (RapportDealDetail *self)
{
  g_autoptr(GHashTable) done = rapport_store_get_done_actions (self->store, self->deal, NULL);

  self->updating = TRUE;
  for (guint i = 0; i < self->playbook->len; i++)
    {
      gint64 id = rapport_record_get_id (g_ptr_array_index (self->playbook, i));

      gtk_check_button_set_active (g_ptr_array_index (self->playbook_checks, i),
                                   done != NULL && g_hash_table_contains (done, &id));
    }
  self->updating = FALSE;
}

static void
rapport_deal_detail_update_playbook (RapportDealDetail *self)
{
  g_autoptr(RapportStage) stage = current_stage (self);
  g_autofree char *title = NULL;
  const char *purpose;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  if (stage == NULL)
    return;

  if (rapport_record_get_id (RAPPORT_RECORD (stage)) != self->playbook_stage_id)
    {
      g_autoptr(GPtrArray) actions = rapport_store_get_stage_actions (self->store, stage, NULL);

      self->playbook_stage_id = rapport_record_get_id (RAPPORT_RECORD (stage));
      clear_list_box (self->playbook_list);
      g_ptr_array_set_size (self->playbook, 0);
      g_ptr_array_set_size (self->playbook_checks, 0);

      for (guint i = 0; actions != NULL && i < actions->len; i++)
        {
          RapportStageAction *action = g_ptr_array_index (actions, i);

          g_ptr_array_add (self->playbook, g_object_ref (action));
          gtk_list_box_append (self->playbook_list, action_row_new (self, action));
        }

      /* Translators: the playbook of a stage; %s is the stage */
      title = g_strdup_printf (_("Playbook: %s"), rapport_stage_get_name (stage));
      adw_preferences_group_set_title (self->playbook_group, title);
      purpose = rapport_stage_get_purpose (stage);
      adw_preferences_group_set_description (self->playbook_group,
                                             purpose != NULL && *purpose != '\0' ? purpose : NULL);
    }

  rapport_deal_detail_update_ticks (self);
}

/* BANT */

typedef struct
{
  RapportDeal     *deal;
  RapportBantItem  item;
  RapportAnswer    answer;
} BantUndo;

static void
bant_undo_free (BantUndo *undo)
{
  g_object_unref (undo->deal);
  g_free (undo);
}

static gboolean
bant_undo (RapportStore  *store,
           gpointer       data,
           GError       **error)
{
  BantUndo *undo = data;

  return rapport_store_set_bant (store, undo->deal, undo->item, undo->answer, error);
}

static RapportAnswer
bant_answer (RapportDealDetail *self,
             RapportBantItem    item)
{
  int answer = RAPPORT_ANSWER_UNKNOWN;

  g_object_get (self->deal, bant_properties[item], &answer, NULL);

  return answer;
}

static void
rapport_deal_detail_update_bant (RapportDealDetail *self)
{
  int score = rapport_deal_get_bant_score (self->deal);
  g_autofree char *state = NULL;

  self->updating = TRUE;
  for (guint item = 0; item < 4; item++)
    {
      RapportAnswer answer = bant_answer (self, item);

      for (guint i = 0; i < G_N_ELEMENTS (bant_answers); i++)
        gtk_toggle_button_set_active (self->bant_buttons[item][i], bant_answers[i] == answer);
    }
  self->updating = FALSE;

  if (rapport_deal_get_qualified (self->deal))
    /* Translators: BANT state: how many of Budget, Authority, Need, Timeline are met */
    state = g_strdup_printf (_("Qualified — %d of 4"), score);
  else
    state = g_strdup_printf (_("Not qualified — %d of 4"), score);
  gtk_label_set_label (self->bant_state, state);
  if (rapport_deal_get_qualified (self->deal))
    gtk_widget_add_css_class (GTK_WIDGET (self->bant_state), "won");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->bant_state), "won");
}

static void
on_bant_toggled (RapportDealDetail *self,
                 GtkToggleButton   *button)
{
  RapportBantItem item = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "item"));
  RapportAnswer answer = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "answer"));
  RapportAnswer old = bant_answer (self, item);
  g_autoptr(GError) error = NULL;
  BantUndo *undo;

  if (self->updating || !gtk_toggle_button_get_active (button) || answer == old)
    return;

  if (!rapport_store_set_bant (self->store, self->deal, item, answer, &error))
    {
      rapport_context_report_error (self->context, error);
      rapport_deal_detail_update_bant (self);
      return;
    }

  undo = g_new0 (BantUndo, 1);
  undo->deal = g_object_ref (self->deal);
  undo->item = item;
  undo->answer = old;
  /* Translators: an undo step */
  rapport_context_push_undo (self->context, _("BANT answer"), bant_undo, undo,
                          (GDestroyNotify) bant_undo_free);
}

static void
bant_rows_init (RapportDealDetail *self)
{
  const char *titles[] = { N_("Budget"), N_("Authority"), N_("Need"), N_("Timeline") };
  const char *questions[] = {
    N_("Is there money set aside for it?"),
    N_("Are we talking with who decides?"),
    N_("Do they have a problem we solve?"),
    N_("Will they buy within a known time?"),
  };
  const char *answers[] = { N_("Yes"), N_("No"), N_("Unknown") };
  const char *note_titles[] = {
    N_("Budget Note"), N_("Authority Note"), N_("Need Note"), N_("Timeline Note"),
  };

  for (guint item = 0; item < 4; item++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *note = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(titles[item]));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(questions[item]));
      gtk_widget_add_css_class (box, "linked");
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

      for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
        {
          GtkWidget *button = gtk_toggle_button_new_with_label (_(answers[i]));
          /* Translators: a BANT answer's accessible name, as in “Budget: Yes” */
          g_autofree char *name = g_strdup_printf (_("%s: %s"), _(titles[item]), _(answers[i]));

          if (i > 0)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->bant_buttons[item][0]);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          g_object_set_data (G_OBJECT (button), "item", GINT_TO_POINTER (item));
          g_object_set_data (G_OBJECT (button), "answer", GINT_TO_POINTER (bant_answers[i]));
          g_signal_connect_object (button, "toggled", G_CALLBACK (on_bant_toggled), self, G_CONNECT_SWAPPED);
          self->bant_buttons[item][i] = GTK_TOGGLE_BUTTON (button);
          gtk_box_append (GTK_BOX (box), button);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      gtk_list_box_append (self->bant_list, row);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _(note_titles[item]));
      gtk_widget_add_css_class (note, "deal-bant-note");
      gtk_list_box_append (self->bant_list, note);
      rapport_edit_bind_text (self->context, note, NULL, RAPPORT_RECORD (self->deal), bant_note_properties[item]);
    }
}

/* Activities */

static GtkWidget *
create_activity_row (gpointer item,
                     gpointer user_data)
{
  RapportDealDetail *self = user_data;

  return rapport_activity_row_new (self->context, RAPPORT_ACTIVITY (item), TRUE);
}

static void
update_activity_more (RapportDealDetail *self)
{
  gtk_widget_set_visible (self->activity_more,
                          g_list_model_get_n_items (self->activities) >
                          gtk_slice_list_model_get_size (self->activity_slice));
}

static void
on_activity_more_clicked (RapportDealDetail *self)
{
  gtk_slice_list_model_set_size (self->activity_slice,
                                 gtk_slice_list_model_get_size (self->activity_slice) + 50);
  update_activity_more (self);
}

static void
on_log_clicked (RapportDealDetail *self)
{
  static const RapportActivityKind kinds[] = {
    RAPPORT_ACTIVITY_CALL, RAPPORT_ACTIVITY_EMAIL, RAPPORT_ACTIVITY_MEETING,
  };
  guint selected = gtk_drop_down_get_selected (self->log_kind);
  g_autoptr(RapportActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  RapportActivityKind kind = kinds[MIN (selected, G_N_ELEMENTS (kinds) - 1)];

  activity = rapport_store_log_activity (self->store,
                                         rapport_deal_get_contact_id (self->deal),
                                         rapport_record_get_id (RAPPORT_RECORD (self->deal)),
                                         kind,
                                         gtk_editable_get_text (GTK_EDITABLE (self->log_note)),
                                         &error);
  if (activity == NULL)
    {
      rapport_context_report_error (self->context, error);
      return;
    }

  gtk_popover_popdown (self->log_popover);
  gtk_editable_set_text (GTK_EDITABLE (self->log_note), "");
  /* Translators: an undo step; %s is a kind of activity */
  label = g_strdup_printf (_("Logged %s"), rapport_activity_kind_name (kind));
  rapport_edit_push_undo_add (self->context, label, RAPPORT_RECORD (activity));
}

static void followup_form_init (RapportDealDetail *self);

static void
on_schedule_clicked (RapportDealDetail *self)
{
  g_autoptr(RapportActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->followup_title))));

  followup_form_init (self);
  activity = rapport_store_add_followup (self->store,
                                         rapport_deal_get_contact_id (self->deal),
                                         rapport_record_get_id (RAPPORT_RECORD (self->deal)),
                                         *title != '\0' ? title : _("Follow up"),
                                         rapport_date_time_picker_get_time (self->followup_when),
                                         &error);
  if (activity == NULL)
    {
      rapport_context_report_error (self->context, error);
      return;
    }

  gtk_popover_popdown (self->followup_popover);
  gtk_editable_set_text (GTK_EDITABLE (self->followup_title), "");
  /* Translators: an undo step */
  rapport_edit_push_undo_add (self->context, _("New follow-up"), RAPPORT_RECORD (activity));
}

static void
followup_form_init (RapportDealDetail *self)
{
  g_autoptr(GDateTime) tomorrow = g_date_time_new_from_unix_local (g_get_real_time () / G_USEC_PER_SEC + DAY);
  g_autoptr(GDateTime) morning = NULL;
  GtkWidget *button;

  /* Made when the popover first shows: calendars are costly. */
  if (self->followup_when != NULL)
    return;

  morning = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                   g_date_time_get_month (tomorrow),
                                   g_date_time_get_day_of_month (tomorrow),
                                   9, 0, 0);
  self->followup_when = RAPPORT_DATE_TIME_PICKER (rapport_date_time_picker_new (g_date_time_to_unix (morning)));
  gtk_box_append (self->followup_form, GTK_WIDGET (self->followup_when));

  button = gtk_button_new_with_mnemonic (_("_Schedule"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Schedule"), -1);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_schedule_clicked), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->followup_form, button);
}

/* Negotiation */

static GtkWidget *
create_negotiation_row (gpointer item,
                        gpointer user_data)
{
  RapportNegotiationEntry *entry = item;
  RapportNegotiationKind kind = rapport_negotiation_entry_get_kind (entry);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *when = format_time (rapport_negotiation_entry_get_created_at (entry));
  const char *text = rapport_negotiation_entry_get_text (entry);
  GtkWidget *time;

  if (rapport_negotiation_entry_get_amount (entry) > 0)
    {
      g_autofree char *amount = rapport_format_money (rapport_negotiation_entry_get_amount (entry),
                                                      rapport_negotiation_entry_get_currency (entry));
      /* Translators: a negotiation entry: its kind, then its amount */
      title = g_strdup_printf (_("%s — %s"), negotiation_kind_name (kind), amount);
    }
  else
    title = g_strdup (negotiation_kind_name (kind));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text != NULL ? text : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (negotiation_kind_icon (kind)));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "deal-negotiation");

  time = dim_label (when);
  gtk_widget_add_css_class (time, "caption");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), time);

  return row;
}

static void
show_negotiation_message (RapportDealDetail *self,
                          const char        *message)
{
  gtk_label_set_label (self->negotiation_message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->negotiation_message), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->negotiation_amount), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->negotiation_amount), "error");
}

static void
on_negotiation_add (RapportDealDetail *self)
{
  g_autoptr(RapportNegotiationEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *amount_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->negotiation_amount))));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->negotiation_text));
  RapportNegotiationKind kind = adw_combo_row_get_selected (self->negotiation_kind);
  gint64 amount = 0;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  if (*amount_text != '\0' &&
      !rapport_money_parse (amount_text, rapport_deal_get_currency (self->deal), &amount, &error))
    {
      show_negotiation_message (self, error->message);
      return;
    }

  entry = rapport_store_add_negotiation_entry (self->store, self->deal, kind, amount, text, &error);
  if (entry == NULL)
    {
      show_negotiation_message (self, error->message);
      return;
    }

  show_negotiation_message (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->negotiation_amount), "");
  gtk_editable_set_text (GTK_EDITABLE (self->negotiation_text), "");
  /* Translators: an undo step; %s is a kind of negotiation entry */
  {
    g_autofree char *label = g_strdup_printf (_("New %s"), negotiation_kind_name (kind));

    rapport_edit_push_undo_add (self->context, label, RAPPORT_RECORD (entry));
  }
}

/* Stage history, with the time spent in each stage */

static GtkWidget *
history_row_new (RapportDealDetail  *self,
                 RapportStageChange *change,
                 gint64              until)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(RapportStage) stage = rapport_store_get_stage (self->store, rapport_stage_change_get_to_stage_id (change), NULL);
  RapportDealStatus status = rapport_stage_change_get_to_status (change);
  gint64 at = rapport_stage_change_get_changed_at (change);
  g_autofree char *when = format_time (at);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *name = stage != NULL ? rapport_stage_get_name (stage) : _("Unknown stage");

  if (status == RAPPORT_DEAL_STATUS_WON)
    /* Translators: a stage history entry; %s is the stage */
    title = g_strdup_printf (_("Won in %s"), name);
  else if (status == RAPPORT_DEAL_STATUS_LOST)
    title = g_strdup_printf (_("Lost in %s"), name);
  else
    title = g_strdup (name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  if (status == RAPPORT_DEAL_STATUS_OPEN && until >= at)
    {
      g_autofree char *spent = format_duration (until - at);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dim_label (spent));
    }

  return row;
}

static void
rapport_deal_detail_update_history (RapportDealDetail *self)
{
  g_autoptr(GPtrArray) history = rapport_store_get_stage_history (self->store, self->deal, NULL);
  gint64 end = rapport_deal_get_closed_at (self->deal);

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  if (rapport_deal_get_status (self->deal) == RAPPORT_DEAL_STATUS_OPEN || end == 0)
    end = rapport_store_now (self->store);

  clear_list_box (self->history_list);
  /* Newest first, like the other lists of the page. */
  for (guint i = history != NULL ? history->len : 0; i > 0; i--)
    {
      RapportStageChange *change = g_ptr_array_index (history, i - 1);
      gint64 until = i < history->len
        ? rapport_stage_change_get_changed_at (g_ptr_array_index (history, i))
        : end;

      gtk_list_box_append (self->history_list, history_row_new (self, change, until));
    }
}

/* Following the deal and the store */

static void
on_deal_notify (RapportDealDetail *self,
                GParamSpec        *pspec,
                RapportDeal       *deal)
{
  const char *name = pspec->name;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  rapport_deal_detail_update_header (self);

  if (g_str_equal (name, "title"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  else if (g_str_equal (name, "value") || g_str_equal (name, "currency"))
    sync_value (self, FALSE);
  else if (g_str_equal (name, "contact-id"))
    picker_update (&self->pickers[0]);
  else if (g_str_equal (name, "organization-id"))
    picker_update (&self->pickers[1]);
  else if (g_str_has_prefix (name, "bant-") || g_str_equal (name, "qualified"))
    rapport_deal_detail_update_bant (self);
  else if (g_str_equal (name, "stage-id") || g_str_equal (name, "status") ||
           g_str_equal (name, "closed-at") || g_str_equal (name, "lost-reason") ||
           g_str_equal (name, "stage-entered-at"))
    {
      if (g_str_equal (name, "stage-id"))
        rapport_deal_detail_find_stages (self);
      rapport_deal_detail_update_stepper (self);
      rapport_deal_detail_update_playbook (self);
      rapport_deal_detail_update_history (self);
    }
}

static void
on_store_changed (RapportDealDetail *self,
                  const char        *table,
                  gint64             id,
                  RapportStore      *store)
{
  gint64 deal_id = rapport_record_get_id (RAPPORT_RECORD (self->deal));

  if (g_str_equal (table, "deal_action") && (id == deal_id || id == 0))
    rapport_deal_detail_update_ticks (self);
  else if (g_str_equal (table, "deal") && id == 0)
    {
      /* Another program wrote (or many deals changed): ticks and history
       * are not on the deal, and the store does not say when notes or the
       * negotiation log changed elsewhere, so read those again too. */
      GtkWidget *notes = adw_bin_get_child (self->notes_bin);

      rapport_deal_detail_update_ticks (self);
      rapport_deal_detail_update_history (self);
      if (RAPPORT_IS_RECORD_LIST (self->negotiation))
        rapport_record_list_reload (RAPPORT_RECORD_LIST (self->negotiation));
      if (RAPPORT_IS_NOTES_SECTION (notes))
        rapport_notes_section_reload (RAPPORT_NOTES_SECTION (notes));
    }
  else if (g_str_equal (table, "contact"))
    picker_update (&self->pickers[0]);
  else if (g_str_equal (table, "organization"))
    picker_update (&self->pickers[1]);
}

static void
bind_field (RapportDealDetail *self,
            AdwEntryRow       *row,
            GtkLabel          *message,
            const char        *property)
{
  rapport_edit_bind_text (self->context, GTK_WIDGET (row), message, RAPPORT_RECORD (self->deal), property);
}

static void
rapport_deal_detail_bind (RapportDealDetail *self)
{
  gint64 deal_id = rapport_record_get_id (RAPPORT_RECORD (self->deal));
  GtkEventController *focus;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  bind_field (self, self->title_row, self->title_message, "title");
  rapport_edit_take_undo (self->context, GTK_WIDGET (self->value_row));
  bind_field (self, self->currency_row, self->currency_message, "currency");
  bind_field (self, self->close_row, self->close_message, "expected-close");
  bind_field (self, self->owner_row, self->owner_message, "owner");

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_value_focus_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->value_row), focus);
  sync_value (self, TRUE);

  picker_init (self, &self->pickers[0], self->contact_row, TRUE);
  picker_init (self, &self->pickers[1], self->organization_row, FALSE);
  picker_update (&self->pickers[0]);
  picker_update (&self->pickers[1]);

  bant_rows_init (self);
  g_signal_connect_object (self->followup_popover, "show", G_CALLBACK (followup_form_init),
                           self, G_CONNECT_SWAPPED);

  self->activities = rapport_store_get_deal_activities (self->store, deal_id);
  self->activity_slice = gtk_slice_list_model_new (g_object_ref (self->activities), 0, ACTIVITY_PAGE);
  gtk_list_box_bind_model (self->activity_list, G_LIST_MODEL (self->activity_slice),
                           create_activity_row, self, NULL);
  gtk_list_box_set_placeholder (self->activity_list, placeholder (_("No activities yet")));
  g_signal_connect_object (self->activities, "items-changed",
                           G_CALLBACK (update_activity_more), self, G_CONNECT_SWAPPED);
  update_activity_more (self);

  self->negotiation = rapport_store_get_negotiation (self->store, deal_id);
  gtk_list_box_bind_model (self->negotiation_list, self->negotiation, create_negotiation_row, self, NULL);
  gtk_list_box_set_placeholder (self->negotiation_list, placeholder (_("No offers or objections yet")));

  adw_bin_set_child (self->notes_bin, rapport_notes_section_new (self->context, RAPPORT_RECORD (self->deal)));

  gtk_list_box_set_placeholder (self->history_list, placeholder (_("No stage changes yet")));

  rapport_deal_detail_find_stages (self);
  rapport_deal_detail_update_header (self);
  rapport_deal_detail_update_stepper (self);
  rapport_deal_detail_update_playbook (self);
  rapport_deal_detail_update_bant (self);
  rapport_deal_detail_update_history (self);

  g_signal_connect_object (self->deal, "notify", G_CALLBACK (on_deal_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
}

/* GObject */

static void
rapport_deal_detail_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportDealDetail *self = RAPPORT_DEAL_DETAIL (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->deal != NULL ? rapport_deal_get_title (self->deal) : NULL);
      break;

    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_DEAL:
      g_value_set_object (value, self->deal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_deal_detail_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RapportDealDetail *self = RAPPORT_DEAL_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      self->store = g_object_ref (rapport_context_get_store (self->context));
      break;

    case PROP_DEAL:
      self->deal = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_deal_detail_constructed (GObject *object)
{
  RapportDealDetail *self = RAPPORT_DEAL_DETAIL (object);

  G_OBJECT_CLASS (rapport_deal_detail_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_CONTEXT (self->context));
  g_assert (RAPPORT_IS_DEAL (self->deal));

  rapport_deal_detail_bind (self);
}

static void
rapport_deal_detail_dispose (GObject *object)
{
  RapportDealDetail *self = RAPPORT_DEAL_DETAIL (object);

  if (self->stages != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->stages, on_stages_changed, self);
      self->stages = NULL;
    }

  /* The deal and the store outlive the page: nothing of theirs may call
   * back into it once it is going. */
  if (self->deal != NULL)
    g_signal_handlers_disconnect_by_data (self->deal, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->activities != NULL)
    g_signal_handlers_disconnect_by_data (self->activities, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_DEAL_DETAIL);

  g_clear_object (&self->activity_slice);
  g_clear_object (&self->activities);
  g_clear_object (&self->negotiation);
  g_clear_pointer (&self->playbook, g_ptr_array_unref);
  g_clear_pointer (&self->playbook_checks, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->deal);

  G_OBJECT_CLASS (rapport_deal_detail_parent_class)->dispose (object);
}

static void
rapport_deal_detail_class_init (RapportDealDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_deal_detail_dispose;
  object_class->constructed = rapport_deal_detail_constructed;
  object_class->get_property = rapport_deal_detail_get_property;
  object_class->set_property = rapport_deal_detail_set_property;

  /**
   * RapportDealDetail:title:
   *
   * The deal's title, for the window's header bar.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportDealDetail:context:
   *
   * The store, the undo history and the toasts of the window shown in.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportDealDetail:deal:
   *
   * The deal shown.
   */
  properties[PROP_DEAL] =
    g_param_spec_object ("deal", NULL, NULL,
                         RAPPORT_TYPE_DEAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Rapport/ui/deal/deal-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, value_label);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, status_badge);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, qualified_badge);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, won_button);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, lost_button);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, stepper_box);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, stage_line);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, title_row);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, title_message);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, value_row);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, value_message);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, currency_row);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, currency_message);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, close_row);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, close_message);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, close_button);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, close_box);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, contact_row);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, organization_row);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, owner_row);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, owner_message);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, playbook_group);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, playbook_list);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, bant_state);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, bant_list);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, log_popover);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, log_kind);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, log_note);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, followup_popover);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, followup_form);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, followup_title);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, activity_list);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, activity_more);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, negotiation_list);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, negotiation_kind);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, negotiation_amount);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, negotiation_message);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, negotiation_text);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, notes_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, history_list);

  gtk_widget_class_bind_template_callback (widget_class, on_won_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_lost_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_reopen_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_value_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_close_set_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clear_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_log_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_schedule_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_activity_more_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_negotiation_add);
}

static void
rapport_deal_detail_init (RapportDealDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->playbook = g_ptr_array_new_with_free_func (g_object_unref);
  self->playbook_checks = g_ptr_array_new ();

  g_signal_connect_object (gtk_menu_button_get_popover (self->close_button), "show",
                           G_CALLBACK (on_close_popover_show), self, G_CONNECT_SWAPPED);
}

GtkWidget *
rapport_deal_detail_new (RapportContext *context,
                         RapportDeal    *deal)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), NULL);

  return g_object_new (RAPPORT_TYPE_DEAL_DETAIL,
                       "context", context,
                       "deal", deal,
                       NULL);
}

/**
 * rapport_deal_detail_get_deal:
 *
 * Returns: (transfer none): the deal shown
 */
RapportDeal *
rapport_deal_detail_get_deal (RapportDealDetail *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL_DETAIL (self), NULL);

  return self->deal;
}
