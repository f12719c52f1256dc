/* rapport-deal-detail-process.c — the deal page: stage stepper, playbook and BANT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-deal-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-deal-detail-private.h"
#include "rapport-edit.h"
#include "rapport-format.h"
#include "rapport-gate-dialog.h"
#include "rapport-store-process.h"

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

/* Helpers */

static RapportStage *
current_stage (RapportDealDetail *self)
{
  return rapport_store_get_stage (self->store, rapport_deal_get_stage_id (self->deal), NULL);
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
  /* Back where it was, even into a stage whose gate it does not meet (it
   * was there): the history says so then. */
  if (!rapport_store_move_deal_anyway (store, undo->deal, stage, undo->position, error))
    return FALSE;
  if (undo->status != RAPPORT_DEAL_STATUS_OPEN)
    return rapport_store_set_deal_status (store, undo->deal, undo->status, undo->lost_reason, error);

  return TRUE;
}

/* Writes the move (past an unmet gate when @anyway), with its undo step. */
static void
commit_move (RapportDealDetail *self,
             RapportStage      *stage,
             gboolean           anyway)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  MoveUndo *undo;
  gboolean moved;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  undo = g_new0 (MoveUndo, 1);
  undo->deal = g_object_ref (self->deal);
  undo->stage_id = rapport_deal_get_stage_id (self->deal);
  undo->position = rapport_store_get_deal_position (self->store, self->deal);
  undo->status = rapport_deal_get_status (self->deal);
  undo->lost_reason = g_strdup (rapport_deal_get_lost_reason (self->deal));

  moved = anyway ? rapport_store_move_deal_anyway (self->store, self->deal, stage, -1, &error)
                 : rapport_store_move_deal (self->store, self->deal, stage, -1, &error);
  if (!moved)
    {
      move_undo_free (undo);
      rapport_context_report_error (self->context, error);
      return;
    }

  /* Translators: an undo step; %s is a stage */
  label = g_strdup_printf (_("Move to %s"), rapport_stage_get_name (stage));
  rapport_context_push_undo (self->context, label, move_undo, undo, (GDestroyNotify) move_undo_free);
}

static void
on_gate_move_anyway (RapportDealDetail *self,
                     RapportGateDialog *dialog)
{
  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  /* The page may show the deal anew by now (a change by another program):
   * the move is the one asked about, of this page's deal. */
  if (rapport_gate_dialog_get_deal (dialog) == self->deal)
    commit_move (self, rapport_gate_dialog_get_stage (dialog), TRUE);
}

static void
on_step_clicked (RapportDealDetail *self,
                 GtkButton         *button)
{
  RapportStage *stage = g_object_get_data (G_OBJECT (button), "stage");
  GtkWidget *dialog;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  if (rapport_record_get_id (RAPPORT_RECORD (stage)) == rapport_deal_get_stage_id (self->deal) &&
      rapport_deal_get_status (self->deal) == RAPPORT_DEAL_STATUS_OPEN)
    return;

  /* Into a stage whose gate the deal does not meet: asked first. */
  dialog = rapport_gate_dialog_new_if_unmet (self->context, GTK_WIDGET (self), self->deal, stage, -1);
  if (dialog == NULL)
    {
      commit_move (self, stage, FALSE);
      return;
    }
  g_signal_connect_object (dialog, "move-anyway", G_CALLBACK (on_gate_move_anyway), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
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
        g_autofree char *when = rapport_deal_detail_format_time (rapport_deal_get_closed_at (self->deal));
        /* Translators: %s is a day and time */
        text = g_strdup_printf (_("Won on %s"), when);
      }
      break;

    case RAPPORT_DEAL_STATUS_LOST:
      {
        g_autofree char *when = rapport_deal_detail_format_time (rapport_deal_get_closed_at (self->deal));
        /* Translators: a lost deal: when, then why */
        text = g_strdup_printf (_("Lost on %s: %s"), when, rapport_deal_get_lost_reason (self->deal));
      }
      break;

    case RAPPORT_DEAL_STATUS_OPEN:
    default:
      if (stage != NULL)
        {
          g_autofree char *spent = rapport_deal_detail_format_duration (now - rapport_deal_get_stage_entered_at (self->deal));
          /* Translators: a stage, its win probability (%% is the percent sign) and the time spent in it */
          text = g_strdup_printf (_("%s · %d%% probability · in this stage for %s"),
                                  rapport_stage_get_name (stage),
                                  rapport_stage_get_probability (stage), spent);
        }
      break;
    }

  gtk_label_set_label (self->stage_line, text != NULL ? text : "");
}

void
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

void
rapport_deal_detail_on_stages_changed (RapportDealDetail *self)
{
  rapport_deal_detail_update_stepper (self);
}

/* The stages of the deal's pipeline: the pipeline that holds its stage. */
void
rapport_deal_detail_find_stages (RapportDealDetail *self)
{
  g_autoptr(RapportStage) stage = current_stage (self);
  GListModel *pipelines;
  gint64 pipeline_id;

  if (self->stages != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->stages, rapport_deal_detail_on_stages_changed, self);
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
                                   G_CALLBACK (rapport_deal_detail_on_stages_changed), self, G_CONNECT_SWAPPED);
          break;
        }
    }
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
  /* Named by the row's title: the row labels its activatable widget, and
   * a name of its own as well was read out twice. */
  g_object_set_data_full (G_OBJECT (check), "action", g_object_ref (action), g_object_unref);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_action_toggled), self, G_CONNECT_SWAPPED);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (self->playbook_checks, check);

  return row;
}

/* Ticks only: the rows stay (a click is never lost under a rebuild). */
void
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

void
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
      rapport_deal_detail_clear_list_box (self->playbook_list);
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

void
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

void
rapport_deal_detail_bant_rows_init (RapportDealDetail *self)
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
