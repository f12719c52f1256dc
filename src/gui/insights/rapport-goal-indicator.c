/* rapport-goal-indicator.c — the main goal's progress, small, on the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main goal is the team's goal with the shortest period (the one the
 * team looks at daily), else the first goal at all. Its progress is read
 * after the board's first frame and again when data changes settle, so
 * the board's start-up pays nothing for it.
 */

#define G_LOG_DOMAIN "rapport-goal-indicator"

#include "config.h"

#include "rapport-debounce.h"
#include "rapport-goal-indicator.h"
#include "rapport-goal-text.h"

/* Changes come in bursts (a drag, an import): look once they settle. */
#define UPDATE_DELAY_MS 500

struct _RapportGoalIndicator
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkButton      *button;
  GtkLabel       *label;
  GtkLevelBar    *level;

  /* Owned references */
  RapportContext *context;

  RapportDebounce update;           /* a burst of notices */
};

G_DEFINE_FINAL_TYPE (RapportGoalIndicator, rapport_goal_indicator, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static RapportGoal *
find_main_goal (GListModel *goals)
{
  RapportGoal *main_goal = NULL;
  guint n = g_list_model_get_n_items (goals);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportGoal) goal = g_list_model_get_item (goals, i);
      const char *owner = rapport_goal_get_owner (goal);
      gboolean team = owner == NULL || *owner == '\0';

      if (!team)
        continue;
      if (main_goal == NULL || rapport_goal_get_period (goal) < rapport_goal_get_period (main_goal))
        g_set_object (&main_goal, goal);
    }

  if (main_goal == NULL && n > 0)
    main_goal = g_list_model_get_item (goals, 0);

  return main_goal;
}

static void
rapport_goal_indicator_update (RapportGoalIndicator *self)
{
  RapportStore *store = rapport_context_get_store (self->context);
  g_autoptr(RapportGoal) goal = find_main_goal (rapport_store_get_goals (store));
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;
  RapportGoalProgress progress;

  if (goal == NULL || !rapport_store_get_goal_progress (store, goal, 0, &progress, NULL))
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  text = rapport_goal_text_progress (store, goal, &progress);
  spoken = rapport_goal_text_describe (store, goal, &progress);

  gtk_label_set_label (self->label, text);
  gtk_level_bar_set_value (self->level, CLAMP (progress.progress, 0, 1));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

static void
queue_update (RapportGoalIndicator *self)
{
  rapport_debounce_queue (&self->update);
}

static void
rapport_goal_indicator_constructed (GObject *object)
{
  RapportGoalIndicator *self = RAPPORT_GOAL_INDICATOR (object);
  static const char * const details[] = {
    "notice::deal", "notice::activity", "notice::contact", "notice::goal",
  };
  RapportStore *store;

  G_OBJECT_CLASS (rapport_goal_indicator_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_CONTEXT (self->context));

  store = rapport_context_get_store (self->context);
  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    g_signal_connect_object (store, details[i], G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);

  queue_update (self);
}

static void
rapport_goal_indicator_dispose (GObject *object)
{
  RapportGoalIndicator *self = RAPPORT_GOAL_INDICATOR (object);

  rapport_debounce_cancel (&self->update);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_GOAL_INDICATOR);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_goal_indicator_parent_class)->dispose (object);
}

static void
rapport_goal_indicator_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RapportGoalIndicator *self = RAPPORT_GOAL_INDICATOR (object);

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
rapport_goal_indicator_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RapportGoalIndicator *self = RAPPORT_GOAL_INDICATOR (object);

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
rapport_goal_indicator_class_init (RapportGoalIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_goal_indicator_constructed;
  object_class->dispose = rapport_goal_indicator_dispose;
  object_class->get_property = rapport_goal_indicator_get_property;
  object_class->set_property = rapport_goal_indicator_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/insights/goal-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportGoalIndicator, button);
  gtk_widget_class_bind_template_child (widget_class, RapportGoalIndicator, label);
  gtk_widget_class_bind_template_child (widget_class, RapportGoalIndicator, level);
}

static void
rapport_goal_indicator_init (RapportGoalIndicator *self)
{
  rapport_debounce_init (&self->update, UPDATE_DELAY_MS, (RapportDebounceFunc) rapport_goal_indicator_update, self);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_goal_indicator_new (RapportContext *context)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_GOAL_INDICATOR, "context", context, NULL);
}
