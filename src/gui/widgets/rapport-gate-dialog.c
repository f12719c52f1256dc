/* rapport-gate-dialog.c — "Move … anyway?": a stage's gate is unmet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A stage may ask for a qualified deal, or for the previous stage's
 * checklist done (rapport-store-process.h). A move into it that does not
 * meet that is not refused outright: the team's process is a guide, and
 * the user may know better. Every way of moving a deal (a drop on the
 * board, the board's keys and menu, the deal page's stepper) asks with
 * this one dialog, which names each thing missing in the store's own
 * sentences. Cancel, Escape or closing change nothing, so the card stays
 * where it was; Move Anyway emits ::move-anyway, and the caller makes the
 * one store call (rapport_store_move_deal_anyway(), which says so in the
 * history) with its own undo step, as for any move.
 */

#define G_LOG_DOMAIN "rapport-gate-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-gate-dialog.h"
#include "rapport-store-process.h"

struct _RapportGateDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  GtkBox           *missing_box;

  /* Owned references */
  RapportDeal      *deal;
  RapportStage     *stage;

  int               position;
};

G_DEFINE_FINAL_TYPE (RapportGateDialog, rapport_gate_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_DEAL,
  PROP_STAGE,
  PROP_POSITION,
  N_PROPS
};

enum {
  MOVE_ANYWAY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
on_response (RapportGateDialog *self,
             const char        *response)
{
  g_assert (RAPPORT_IS_GATE_DIALOG (self));

  if (g_str_equal (response, "move"))
    g_signal_emit (self, signals[MOVE_ANYWAY], 0);
}

/* One line per thing missing, left-aligned (the body is centred, which
 * reads badly as a list). */
static void
rapport_gate_dialog_set_missing (RapportGateDialog *self,
                                 GPtrArray         *missing)
{
  g_assert (RAPPORT_IS_GATE_DIALOG (self));

  for (guint i = 0; i < missing->len; i++)
    {
      g_autofree char *text = g_strdup_printf ("•  %s", (const char *) g_ptr_array_index (missing, i));
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 44);
      gtk_box_append (self->missing_box, label);
    }
}

static void
rapport_gate_dialog_constructed (GObject *object)
{
  RapportGateDialog *self = RAPPORT_GATE_DIALOG (object);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  G_OBJECT_CLASS (rapport_gate_dialog_parent_class)->constructed (object);

  /* Translators: the question before moving a deal past a stage's gate;
   * the first %s is the deal, the second the stage. */
  heading = g_strdup_printf (_("Move “%s” to %s?"),
                             rapport_deal_get_title (self->deal), rapport_stage_get_name (self->stage));
  /* Translators: %s is a stage; what the deal lacks is listed below. */
  body = g_strdup_printf (_("%s has a gate that this deal does not meet yet. "
                            "If you move it anyway, the deal’s stage history says so."),
                          rapport_stage_get_name (self->stage));
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
}

static void
rapport_gate_dialog_dispose (GObject *object)
{
  RapportGateDialog *self = RAPPORT_GATE_DIALOG (object);

  g_clear_object (&self->deal);
  g_clear_object (&self->stage);

  G_OBJECT_CLASS (rapport_gate_dialog_parent_class)->dispose (object);
}

static void
rapport_gate_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportGateDialog *self = RAPPORT_GATE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DEAL:
      g_value_set_object (value, self->deal);
      break;

    case PROP_STAGE:
      g_value_set_object (value, self->stage);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_gate_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RapportGateDialog *self = RAPPORT_GATE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DEAL:
      self->deal = g_value_dup_object (value);
      break;

    case PROP_STAGE:
      self->stage = g_value_dup_object (value);
      break;

    case PROP_POSITION:
      self->position = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_gate_dialog_class_init (RapportGateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_gate_dialog_constructed;
  object_class->dispose = rapport_gate_dialog_dispose;
  object_class->get_property = rapport_gate_dialog_get_property;
  object_class->set_property = rapport_gate_dialog_set_property;

  /**
   * RapportGateDialog:deal:
   *
   * The deal the user is moving.
   */
  properties[PROP_DEAL] =
    g_param_spec_object ("deal", NULL, NULL,
                         RAPPORT_TYPE_DEAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportGateDialog:stage:
   *
   * The gated stage it would enter.
   */
  properties[PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL,
                         RAPPORT_TYPE_STAGE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportGateDialog:position:
   *
   * Where in the stage it would go (-1: the end), for the caller's move.
   */
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                      G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportGateDialog::move-anyway:
   *
   * The user chose to move the deal past the gate.
   */
  signals[MOVE_ANYWAY] =
    g_signal_new ("move-anyway", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/widgets/gate-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportGateDialog, missing_box);
  gtk_widget_class_bind_template_callback (widget_class, on_response);
}

static void
rapport_gate_dialog_init (RapportGateDialog *self)
{
  self->position = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_gate_dialog_new_if_unmet (RapportContext *context,
                                  GtkWidget      *from,
                                  RapportDeal    *deal,
                                  RapportStage   *stage,
                                  int             position)
{
  g_autoptr(GPtrArray) missing = NULL;
  RapportGateDialog *self;
  GtkRoot *root;

  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (from == NULL || GTK_IS_WIDGET (from), NULL);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), NULL);
  g_return_val_if_fail (RAPPORT_IS_STAGE (stage), NULL);

  missing = rapport_store_check_gate (rapport_context_get_store (context), deal, stage);
  if (missing->len == 0)
    return NULL;

  root = from != NULL ? gtk_widget_get_root (from) : NULL;
  self = g_object_new (RAPPORT_TYPE_GATE_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       "deal", deal,
                       "stage", stage,
                       "position", MAX (position, -1),
                       NULL);
  rapport_gate_dialog_set_missing (self, missing);

  return GTK_WIDGET (self);
}

/**
 * rapport_gate_dialog_get_deal:
 *
 * Returns: (transfer none): the deal to move
 */
RapportDeal *
rapport_gate_dialog_get_deal (RapportGateDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_GATE_DIALOG (self), NULL);

  return self->deal;
}

/**
 * rapport_gate_dialog_get_stage:
 *
 * Returns: (transfer none): the gated stage
 */
RapportStage *
rapport_gate_dialog_get_stage (RapportGateDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_GATE_DIALOG (self), NULL);

  return self->stage;
}

int
rapport_gate_dialog_get_position (RapportGateDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_GATE_DIALOG (self), -1);

  return self->position;
}
