/* rapport-goal-dialog.c — Add Goal: what is measured, over which period,
 * for whom, and the target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same goal as `rapport-cli goal add`: a money target is read with the
 * model's money parser in the store's default currency (the one the
 * figures count), a count as a whole number. The store validates again
 * and says why it refuses; the dialog closes only once the goal is stored.
 */

#define G_LOG_DOMAIN "rapport-goal-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-a11y.h"
#include "rapport-goal-dialog.h"
#include "rapport-goal-text.h"
#include "rapport-money.h"

struct _RapportGoalDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwComboRow    *metric_row;
  AdwComboRow    *period_row;
  AdwComboRow    *owner_row;
  AdwEntryRow    *target_row;
  GtkLabel       *target_hint;
  GtkLabel       *target_message;
  GtkWidget      *add_button;

  /* Owned references */
  RapportContext *context;
  char          **owners;     /* by the owner row's choices, after the team */
};

G_DEFINE_FINAL_TYPE (RapportGoalDialog, rapport_goal_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static RapportGoalMetric
get_metric (RapportGoalDialog *self)
{
  return (RapportGoalMetric) adw_combo_row_get_selected (self->metric_row);
}

/* The target in the goal's units: minor units of money, or a count.
 * FALSE with @message (transfer full) set when it cannot be read. */
static gboolean
parse_target (RapportGoalDialog  *self,
              gint64             *target,
              char              **message)
{
  RapportStore *store = rapport_context_get_store (self->context);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->target_row))));
  g_autoptr(GError) error = NULL;
  guint64 count;

  *message = NULL;
  if (*text == '\0')
    return FALSE;

  if (rapport_goal_metric_is_money (get_metric (self)))
    {
      if (!rapport_money_parse (text, rapport_store_get_default_currency (store), target, &error))
        {
          *message = g_strdup (error->message);
          return FALSE;
        }
    }
  else if (g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT32, &count, NULL))
    *target = (gint64) count;
  else
    {
      *message = g_strdup (_("The target is a whole number, such as 12."));
      return FALSE;
    }

  if (*target <= 0)
    {
      *message = g_strdup (_("The target must be more than zero."));
      return FALSE;
    }

  return TRUE;
}

static void
show_message (RapportGoalDialog *self,
              const char        *message)
{
  gtk_label_set_label (self->target_message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->target_message), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->target_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->target_row), "error");
}

static void
on_target_changed (RapportGoalDialog *self)
{
  g_autofree char *message = NULL;
  gint64 target;
  gboolean valid = parse_target (self, &target, &message);

  g_assert (RAPPORT_IS_GOAL_DIALOG (self));

  gtk_widget_set_sensitive (self->add_button, valid);
  show_message (self, message);
}

static void
on_metric_changed (RapportGoalDialog *self)
{
  RapportStore *store;
  g_autofree char *hint = NULL;

  g_assert (RAPPORT_IS_GOAL_DIALOG (self));

  if (self->context == NULL)
    return;

  store = rapport_context_get_store (self->context);
  if (rapport_goal_metric_is_money (get_metric (self)))
    /* Translators: %s is a currency code such as USD */
    hint = g_strdup_printf (_("An amount in %s, such as 50,000."), rapport_store_get_default_currency (store));
  else
    hint = g_strdup (_("A number, such as 12."));
  gtk_label_set_label (self->target_hint, hint);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->target_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint,
                                  -1);
  on_target_changed (self);
}

static void
on_add_clicked (RapportGoalDialog *self)
{
  RapportStore *store = rapport_context_get_store (self->context);
  guint owner = adw_combo_row_get_selected (self->owner_row);
  g_autoptr(RapportGoal) goal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  RapportGoalFields fields = { 0 };

  g_assert (RAPPORT_IS_GOAL_DIALOG (self));

  if (!parse_target (self, &fields.target, &message))
    {
      show_message (self, message);
      return;
    }

  fields.metric = get_metric (self);
  fields.period = (RapportPeriodKind) adw_combo_row_get_selected (self->period_row);
  if (owner != GTK_INVALID_LIST_POSITION && owner > 0 && self->owners != NULL &&
      owner <= g_strv_length (self->owners))
    fields.owner = self->owners[owner - 1];

  goal = rapport_store_add_goal (store, &fields, &error);
  if (goal == NULL)
    {
      show_message (self, error->message);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
fill_choices (RapportGoalDialog *self)
{
  RapportStore *store = rapport_context_get_store (self->context);
  g_autoptr(GtkStringList) metrics = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) owners = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  for (RapportGoalMetric m = RAPPORT_GOAL_METRIC_WON_VALUE; m <= RAPPORT_GOAL_METRIC_LEADS_CONTACTED_IN_TIME; m++)
    gtk_string_list_append (metrics, rapport_goal_text_metric (m));
  adw_combo_row_set_model (self->metric_row, G_LIST_MODEL (metrics));

  gtk_string_list_append (owners, _("The whole team"));
  self->owners = rapport_store_get_owners (store, &error);
  if (self->owners == NULL)
    rapport_context_report_error (self->context, error);
  for (guint i = 0; self->owners != NULL && self->owners[i] != NULL; i++)
    gtk_string_list_append (owners, self->owners[i]);
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (owners));

  on_metric_changed (self);
}

static void
rapport_goal_dialog_constructed (GObject *object)
{
  RapportGoalDialog *self = RAPPORT_GOAL_DIALOG (object);

  G_OBJECT_CLASS (rapport_goal_dialog_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_CONTEXT (self->context));
  fill_choices (self);
  rapport_a11y_focus_when_shown (GTK_WIDGET (self->target_row));
}

static void
rapport_goal_dialog_dispose (GObject *object)
{
  RapportGoalDialog *self = RAPPORT_GOAL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_GOAL_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_goal_dialog_parent_class)->dispose (object);
}

static void
rapport_goal_dialog_finalize (GObject *object)
{
  RapportGoalDialog *self = RAPPORT_GOAL_DIALOG (object);

  g_clear_pointer (&self->owners, g_strfreev);

  G_OBJECT_CLASS (rapport_goal_dialog_parent_class)->finalize (object);
}

static void
rapport_goal_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportGoalDialog *self = RAPPORT_GOAL_DIALOG (object);

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
rapport_goal_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RapportGoalDialog *self = RAPPORT_GOAL_DIALOG (object);

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
rapport_goal_dialog_class_init (RapportGoalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_goal_dialog_constructed;
  object_class->dispose = rapport_goal_dialog_dispose;
  object_class->finalize = rapport_goal_dialog_finalize;
  object_class->get_property = rapport_goal_dialog_get_property;
  object_class->set_property = rapport_goal_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  /* Screen readers announce it as a dialog. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/insights/goal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportGoalDialog, metric_row);
  gtk_widget_class_bind_template_child (widget_class, RapportGoalDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, RapportGoalDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, RapportGoalDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, RapportGoalDialog, target_hint);
  gtk_widget_class_bind_template_child (widget_class, RapportGoalDialog, target_message);
  gtk_widget_class_bind_template_child (widget_class, RapportGoalDialog, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_metric_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_target_changed);
}

static void
rapport_goal_dialog_init (RapportGoalDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_goal_dialog_new (RapportContext *context,
                         GtkWindow      *parent)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_GOAL_DIALOG,
                       "context", context,
                       "transient-for", parent,
                       NULL);
}
