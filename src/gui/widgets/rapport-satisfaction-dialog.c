/* rapport-satisfaction-dialog.c — “Record Satisfaction”
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-satisfaction-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-format.h"
#include "rapport-form.h"
#include "rapport-satisfaction-dialog.h"

#define N_SCORES 5
#define N_NPS    11

struct _RapportSatisfactionDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  GtkBox          *score_box;
  GtkBox          *nps_box;
  AdwEntryRow     *comment_row;
  GtkButton       *record_button;

  /* Made in code: the buttons of 1–5 and of 0–10 */
  GtkToggleButton *scores[N_SCORES];
  GtkToggleButton *nps[N_NPS];

  /* Owned references */
  RapportContext  *context;

  gint64           contact_id;
  gint64           deal_id;
  guint            syncing;
};

G_DEFINE_FINAL_TYPE (RapportSatisfactionDialog, rapport_satisfaction_dialog, ADW_TYPE_WINDOW)

/* The value of the one active button of @buttons, or @none. */
static int
chosen (GtkToggleButton **buttons,
        guint             n,
        int               first,
        int               none)
{
  for (guint i = 0; i < n; i++)
    if (gtk_toggle_button_get_active (buttons[i]))
      return first + (int) i;

  return none;
}

static int
chosen_score (RapportSatisfactionDialog *self)
{
  return chosen (self->scores, N_SCORES, 1, RAPPORT_SATISFACTION_NO_SCORE);
}

static int
chosen_nps (RapportSatisfactionDialog *self)
{
  return chosen (self->nps, N_NPS, 0, RAPPORT_SATISFACTION_NO_NPS);
}

/* One button of a scale on at a time, and none is allowed: a question
 * not asked. A button group would not let the last one go. */
static void
on_scale_toggled (RapportSatisfactionDialog *self,
                  GtkToggleButton           *button)
{
  GtkToggleButton **buttons;
  guint n;

  g_assert (RAPPORT_IS_SATISFACTION_DIALOG (self));

  if (self->syncing > 0)
    return;

  buttons = gtk_widget_get_parent (GTK_WIDGET (button)) == GTK_WIDGET (self->score_box) ? self->scores : self->nps;
  n = buttons == self->scores ? N_SCORES : N_NPS;

  self->syncing++;
  if (gtk_toggle_button_get_active (button))
    for (guint i = 0; i < n; i++)
      if (buttons[i] != button)
        gtk_toggle_button_set_active (buttons[i], FALSE);
  self->syncing--;

  gtk_widget_set_sensitive (GTK_WIDGET (self->record_button),
                            chosen_score (self) != RAPPORT_SATISFACTION_NO_SCORE ||
                            chosen_nps (self) != RAPPORT_SATISFACTION_NO_NPS);
}

static GtkToggleButton *
scale_button (RapportSatisfactionDialog *self,
              GtkBox                    *box,
              int                        value,
              const char                *accessible)
{
  g_autofree char *label = g_strdup_printf ("%d", value);
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect_object (button, "toggled", G_CALLBACK (on_scale_toggled), self, G_CONNECT_SWAPPED);
  gtk_box_append (box, button);

  return GTK_TOGGLE_BUTTON (button);
}

static void
rapport_satisfaction_dialog_build_scales (RapportSatisfactionDialog *self)
{
  for (int i = 0; i < N_SCORES; i++)
    {
      /* Translators: a button's accessible name and tooltip; %d is 1 to 5 */
      g_autofree char *name = g_strdup_printf (_("Satisfied %d of 5"), i + 1);

      self->scores[i] = scale_button (self, self->score_box, i + 1, name);
    }
  for (int i = 0; i < N_NPS; i++)
    {
      /* Translators: a button's accessible name and tooltip; %d is 0 to 10 */
      g_autofree char *name = g_strdup_printf (_("Would recommend %d of 10"), i);

      self->nps[i] = scale_button (self, self->nps_box, i, name);
    }
}

/* The undo of a record: the answer deleted again. */
static gboolean
undo_record (RapportStore  *store,
             gpointer       data,
             GError       **error)
{
  return rapport_store_delete_satisfaction (store, data, error);
}

static void
on_record_clicked (RapportSatisfactionDialog *self)
{
  g_autofree char *comment = rapport_form_dup_text (self->comment_row);
  RapportSatisfactionFields fields = {
    .contact_id = self->contact_id,
    .deal_id = self->deal_id,
    .score = chosen_score (self),
    .nps = chosen_nps (self),
    .comment = comment,
  };
  g_autoptr(RapportSatisfaction) satisfaction = NULL;
  g_autoptr(GError) error = NULL;
  RapportStore *store = rapport_context_get_store (self->context);
  guint64 step;

  g_assert (RAPPORT_IS_SATISFACTION_DIALOG (self));

  satisfaction = rapport_store_record_satisfaction (store, &fields, &error);
  if (satisfaction == NULL)
    {
      rapport_context_report_error (self->context, error);
      return;
    }

  /* Translators: an undo step */
  step = rapport_context_push_undo (self->context, _("Recorded satisfaction"), undo_record,
                                    g_object_ref (satisfaction), g_object_unref);
  rapport_context_add_toast (self->context,
                             rapport_context_undo_toast_new (self->context, _("Recorded satisfaction"), step));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rapport_satisfaction_dialog_dispose (GObject *object)
{
  RapportSatisfactionDialog *self = RAPPORT_SATISFACTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_SATISFACTION_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_satisfaction_dialog_parent_class)->dispose (object);
}

static void
rapport_satisfaction_dialog_class_init (RapportSatisfactionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_satisfaction_dialog_dispose;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/widgets/satisfaction-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportSatisfactionDialog, score_box);
  gtk_widget_class_bind_template_child (widget_class, RapportSatisfactionDialog, nps_box);
  gtk_widget_class_bind_template_child (widget_class, RapportSatisfactionDialog, comment_row);
  gtk_widget_class_bind_template_child (widget_class, RapportSatisfactionDialog, record_button);
  gtk_widget_class_bind_template_callback (widget_class, on_record_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rapport_satisfaction_dialog_init (RapportSatisfactionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_satisfaction_dialog_build_scales (self);
}

GtkWidget *
rapport_satisfaction_dialog_new (GtkWindow      *parent,
                                 RapportContext *context,
                                 gint64          contact_id,
                                 gint64          deal_id)
{
  RapportSatisfactionDialog *self;

  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (contact_id != 0 || deal_id != 0, NULL);

  self = g_object_new (RAPPORT_TYPE_SATISFACTION_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->contact_id = contact_id;
  self->deal_id = deal_id;

  return GTK_WIDGET (self);
}

char *
rapport_satisfaction_dup_title (RapportSatisfaction *satisfaction)
{
  int score = rapport_satisfaction_get_score (satisfaction);
  int nps = rapport_satisfaction_get_nps (satisfaction);

  if (score != RAPPORT_SATISFACTION_NO_SCORE && nps != RAPPORT_SATISFACTION_NO_NPS)
    /* Translators: a customer's answers: a score of 1 to 5, then 0 to 10 */
    return g_strdup_printf (_("Satisfied %d of 5, would recommend %d of 10"), score, nps);
  if (score != RAPPORT_SATISFACTION_NO_SCORE)
    return g_strdup_printf (_("Satisfied %d of 5"), score);

  return g_strdup_printf (_("Would recommend %d of 10"), nps);
}

char *
rapport_satisfaction_dup_subtitle (RapportSatisfaction *satisfaction,
                                   gint64               now)
{
  g_autofree char *day = rapport_format_time_day (rapport_satisfaction_get_created_at (satisfaction), now);
  const char *comment = rapport_satisfaction_get_comment (satisfaction);

  if (comment == NULL || *comment == '\0')
    return g_steal_pointer (&day);

  /* Translators: when a customer answered, and what they said */
  return g_strdup_printf (_("%s: “%s”"), day ? day : "", comment);
}
