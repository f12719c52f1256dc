/* rapport-goals-section.c — the Insights tab's goals: their progress, and
 * adding and deleting them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each goal is a row with its progress in the period of its kind that holds
 * now, and a delete button. A deleted goal can come back with the toast's
 * Undo or Ctrl+Z (the window's undo history): it is added again with the
 * same measure, period, owner and target, which is all a goal is; its
 * progress is computed from the data, so nothing else is lost.
 */

#define G_LOG_DOMAIN "rapport-goals-section"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-goal-dialog.h"
#include "rapport-goal-text.h"
#include "rapport-goals-section.h"

#include <adwaita.h>

struct _RapportGoalsSection
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkListBox     *goals_list;

  /* Owned references */
  RapportContext *context;
  RapportStore   *store;      /* the context's */
};

G_DEFINE_FINAL_TYPE (RapportGoalsSection, rapport_goals_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows */

static GtkWidget *
make_progress (const RapportGoalProgress *progress,
               const char                *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), CLAMP (progress->progress, 0, 1));
  gtk_widget_set_size_request (bar, 180, -1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, progress->reached ? "success" : "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  return box;
}

static GtkWidget *
make_delete_button (RapportGoal *goal,
                    const char  *spoken)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* Translators: the delete button of a goal, read aloud; %s is the goal
   * as in “Won value, This month — The team: $8,200 of $20,000.” */
  g_autofree char *label = g_strdup_printf (_("Delete the goal “%s”"), spoken);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete Goal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "goals.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x",
                                    rapport_record_get_id (RAPPORT_RECORD (goal)));

  return button;
}

static GtkWidget *
make_goal_row (RapportGoalsSection       *self,
               RapportGoal               *goal,
               const RapportGoalProgress *progress)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = rapport_goal_text_progress (self->store, goal, progress);
  g_autofree char *subtitle = rapport_goal_text_whose (goal);
  g_autofree char *spoken = rapport_goal_text_describe (self->store, goal, progress);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 rapport_goal_text_metric (rapport_goal_get_metric (goal)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_progress (progress, text));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_delete_button (goal, spoken));

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);

  return row;
}

static GtkWidget *
make_empty_row (void)
{
  const char *text = _("No goals yet. Add one to follow the team’s progress, or one owner’s.");
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);

  /* A row of its own, so that a screen reader reads the row as the text
   * it holds and nothing acts on it. */
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);

  return row;
}

void
rapport_goals_section_refresh (RapportGoalsSection *self)
{
  g_autoptr(GListModel) goals = NULL;
  GtkWidget *child;
  guint n;

  g_return_if_fail (RAPPORT_IS_GOALS_SECTION (self));

  if (self->store == NULL)
    return;

  goals = rapport_store_get_goals (self->store);
  n = g_list_model_get_n_items (goals);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->goals_list))) != NULL)
    gtk_list_box_remove (self->goals_list, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportGoal) goal = g_list_model_get_item (goals, i);
      RapportGoalProgress progress;

      if (rapport_store_get_goal_progress (self->store, goal, 0, &progress, NULL))
        gtk_list_box_append (self->goals_list, make_goal_row (self, goal, &progress));
    }

  if (n == 0)
    gtk_list_box_append (self->goals_list, make_empty_row ());
}

/* Deleting, and taking it back */

typedef struct
{
  RapportGoalMetric metric;
  RapportPeriodKind period;
  char             *owner;
  gint64            target;
  gboolean          restored;   /* by the toast's Undo or by Ctrl+Z: once */
} GoalBack;

static GoalBack *
goal_back_new (RapportGoal *goal)
{
  GoalBack *back = g_atomic_rc_box_new0 (GoalBack);

  back->metric = rapport_goal_get_metric (goal);
  back->period = rapport_goal_get_period (goal);
  back->owner = g_strdup (rapport_goal_get_owner (goal));
  back->target = rapport_goal_get_target (goal);

  return back;
}

static void
goal_back_clear (gpointer data)
{
  GoalBack *back = data;

  g_free (back->owner);
}

static void
goal_back_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, goal_back_clear);
}

static gboolean
restore_goal (RapportStore  *store,
              gpointer       data,
              GError       **error)
{
  GoalBack *back = data;
  g_autoptr(RapportGoal) goal = NULL;
  RapportGoalFields fields = {
    .metric = back->metric,
    .period = back->period,
    .owner = back->owner,
    .target = back->target,
  };

  if (back->restored)
    return TRUE;

  goal = rapport_store_add_goal (store, &fields, error);
  back->restored = goal != NULL;

  return goal != NULL;
}

static void
on_undo_delete (AdwToast            *toast,
                RapportGoalsSection *self)
{
  GoalBack *back = g_object_get_data (G_OBJECT (toast), "goal-back");
  g_autoptr(GError) error = NULL;

  if (back != NULL && !restore_goal (self->store, back, &error))
    rapport_context_report_error (self->context, error);
}

static void
delete_goal (RapportGoalsSection *self,
             gint64               id)
{
  g_autoptr(RapportGoal) goal = NULL;
  g_autoptr(GError) error = NULL;
  GoalBack *back;
  AdwToast *toast;

  goal = rapport_store_get_goal (self->store, id, &error);
  if (goal == NULL || !rapport_store_delete (self->store, RAPPORT_RECORD (goal), &error))
    {
      rapport_context_report_error (self->context, error);
      return;
    }

  /* The toast's Undo and Ctrl+Z share one record of the goal, so the two
   * together bring it back once. */
  back = goal_back_new (goal);
  rapport_context_push_undo (self->context, _("Deleted a goal"), restore_goal,
                             g_atomic_rc_box_acquire (back), goal_back_unref);

  toast = adw_toast_new (_("Goal deleted"));
  adw_toast_set_button_label (toast, _("Undo"));
  g_object_set_data_full (G_OBJECT (toast), "goal-back", back, goal_back_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete), self, 0);
  rapport_context_add_toast (self->context, toast);
}

/* Actions */

static void
goals_add_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RapportGoalsSection *self = RAPPORT_GOALS_SECTION (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  dialog = rapport_goal_dialog_new (self->context, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
goals_delete_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  delete_goal (RAPPORT_GOALS_SECTION (widget), g_variant_get_int64 (parameter));
}

/* The object */

static void
rapport_goals_section_constructed (GObject *object)
{
  RapportGoalsSection *self = RAPPORT_GOALS_SECTION (object);

  G_OBJECT_CLASS (rapport_goals_section_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_CONTEXT (self->context));
  self->store = rapport_context_get_store (self->context);
  rapport_goals_section_refresh (self);
}

static void
rapport_goals_section_dispose (GObject *object)
{
  RapportGoalsSection *self = RAPPORT_GOALS_SECTION (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_GOALS_SECTION);
  /* The group is the template's own child, not a bound one: a plain
   * GtkWidget must unparent it itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);
  self->store = NULL;

  G_OBJECT_CLASS (rapport_goals_section_parent_class)->dispose (object);
}

static void
rapport_goals_section_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportGoalsSection *self = RAPPORT_GOALS_SECTION (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_goals_section_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RapportGoalsSection *self = RAPPORT_GOALS_SECTION (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_goals_section_class_init (RapportGoalsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_goals_section_constructed;
  object_class->dispose = rapport_goals_section_dispose;
  object_class->get_property = rapport_goals_section_get_property;
  object_class->set_property = rapport_goals_section_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "goals.add", NULL, goals_add_action);
  gtk_widget_class_install_action (widget_class, "goals.delete", "x", goals_delete_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/insights/goals-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportGoalsSection, goals_list);
}

static void
rapport_goals_section_init (RapportGoalsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_goals_section_new (RapportContext *context)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_GOALS_SECTION, "context", context, NULL);
}
