/* rapport-lost-reason-dialog.c — asks why a deal was lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deal is marked lost only with a reason (the team learns from them), so
 * the board's Lost zone and the deal page's Lost… both ask with this
 * dialog. Mark Lost stays off until there is a reason; it then emits
 * ::reason-given with the reason trimmed, and the caller makes the one
 * store call. Cancel, Escape or closing emit nothing: nothing changed.
 */

#define G_LOG_DOMAIN "rapport-lost-reason-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-a11y.h"
#include "rapport-lost-reason-dialog.h"

/* How many of the reasons given most are offered before the team's list. */
#define MOST_GIVEN 6

struct _RapportLostReasonDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  GtkFlowBox       *reasons_box;
  GtkEditable      *entry;

  /* Owned references */
  RapportDeal      *deal;
  RapportStore     *store;    /* where the reasons come from; NULL if given */
  char            **reasons;
};

G_DEFINE_FINAL_TYPE (RapportLostReasonDialog, rapport_lost_reason_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_DEAL,
  PROP_REASONS,
  N_PROPS
};

enum {
  REASON_GIVEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
dup_reason (RapportLostReasonDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (self->entry)));
}

static void
on_reason_changed (RapportLostReasonDialog *self)
{
  g_autofree char *reason = dup_reason (self);

  g_assert (RAPPORT_IS_LOST_REASON_DIALOG (self));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "lost", *reason != '\0');
}

static void
on_response (RapportLostReasonDialog *self,
             const char              *response)
{
  g_autofree char *reason = dup_reason (self);

  g_assert (RAPPORT_IS_LOST_REASON_DIALOG (self));

  if (g_str_equal (response, "lost") && *reason != '\0')
    g_signal_emit (self, signals[REASON_GIVEN], 0, reason);
}

/* A reason picked is the entry's text: Mark Lost (or Enter) confirms it,
 * and it can still be changed. */
static void
on_reason_picked (RapportLostReasonDialog *self,
                  GtkButton               *button)
{
  g_assert (RAPPORT_IS_LOST_REASON_DIALOG (self));

  gtk_editable_set_text (self->entry, gtk_button_get_label (button));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_set_position (self->entry, -1);
}

static void
rapport_lost_reason_dialog_add_reasons (RapportLostReasonDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->reasons_box))) != NULL)
    gtk_flow_box_remove (self->reasons_box, child);

  for (guint i = 0; self->reasons != NULL && self->reasons[i] != NULL; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (self->reasons[i]);

      gtk_widget_add_css_class (button, "pill");
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_reason_picked), self,
                               G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->reasons_box, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reasons_box),
                          self->reasons != NULL && self->reasons[0] != NULL);
}

/* The team's list changed (Preferences, another program) while asking. */
static void
on_setting_notice (RapportLostReasonDialog *self,
                   RapportNotice           *notice,
                   RapportStore            *store)
{
  g_strfreev (self->reasons);
  self->reasons = rapport_store_get_lost_reasons (store, MOST_GIVEN);
  rapport_lost_reason_dialog_add_reasons (self);
}

static void
rapport_lost_reason_dialog_constructed (GObject *object)
{
  RapportLostReasonDialog *self = RAPPORT_LOST_REASON_DIALOG (object);
  g_autofree char *heading = NULL;

  G_OBJECT_CLASS (rapport_lost_reason_dialog_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_DEAL (self->deal));

  /* Translators: the title of the dialog asking why a deal was lost. */
  heading = g_strdup_printf (_("Mark ‘%s’ as Lost?"), rapport_deal_get_title (self->deal));
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  rapport_lost_reason_dialog_add_reasons (self);
  /* Typing a reason right away still works; the usual ones are a click. */
  rapport_a11y_focus_when_shown (GTK_WIDGET (self->entry));
}

static void
rapport_lost_reason_dialog_dispose (GObject *object)
{
  RapportLostReasonDialog *self = RAPPORT_LOST_REASON_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_LOST_REASON_DIALOG);
  g_clear_object (&self->deal);
  g_clear_object (&self->store);
  g_clear_pointer (&self->reasons, g_strfreev);

  G_OBJECT_CLASS (rapport_lost_reason_dialog_parent_class)->dispose (object);
}

static void
rapport_lost_reason_dialog_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  RapportLostReasonDialog *self = RAPPORT_LOST_REASON_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DEAL:
      g_value_set_object (value, self->deal);
      break;

    case PROP_REASONS:
      g_value_set_boxed (value, self->reasons);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_lost_reason_dialog_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  RapportLostReasonDialog *self = RAPPORT_LOST_REASON_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DEAL:
      self->deal = g_value_dup_object (value);
      break;

    case PROP_REASONS:
      self->reasons = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_lost_reason_dialog_class_init (RapportLostReasonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_lost_reason_dialog_constructed;
  object_class->dispose = rapport_lost_reason_dialog_dispose;
  object_class->get_property = rapport_lost_reason_dialog_get_property;
  object_class->set_property = rapport_lost_reason_dialog_set_property;

  /**
   * RapportLostReasonDialog:deal:
   *
   * The deal asked about.
   */
  properties[PROP_DEAL] =
    g_param_spec_object ("deal", NULL, NULL,
                         RAPPORT_TYPE_DEAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportLostReasonDialog:reasons:
   *
   * The reasons offered with one click, the most likely first.
   */
  properties[PROP_REASONS] =
    g_param_spec_boxed ("reasons", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportLostReasonDialog::reason-given:
   * @reason: why the deal was lost, trimmed, never empty
   *
   * The user confirmed with Mark Lost (or Enter).
   */
  signals[REASON_GIVEN] =
    g_signal_new ("reason-given",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/deal/lost-reason-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportLostReasonDialog, reasons_box);
  gtk_widget_class_bind_template_child (widget_class, RapportLostReasonDialog, entry);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_response);
}

static void
rapport_lost_reason_dialog_init (RapportLostReasonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rapport_lost_reason_dialog_new:
 * @parent: (nullable): the window it is modal to
 * @store: where the reasons offered come from
 * @deal: the deal being lost
 *
 * Returns: (transfer none): a new dialog, not yet shown; present it and
 *   connect to ::reason-given
 */
GtkWidget *
rapport_lost_reason_dialog_new (GtkWindow    *parent,
                                RapportStore *store,
                                RapportDeal  *deal)
{
  g_auto(GStrv) reasons = NULL;
  RapportLostReasonDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), NULL);

  reasons = rapport_store_get_lost_reasons (store, MOST_GIVEN);
  self = g_object_new (RAPPORT_TYPE_LOST_REASON_DIALOG,
                       "transient-for", parent,
                       "deal", deal,
                       "reasons", reasons,
                       NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "notice::setting", G_CALLBACK (on_setting_notice), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

RapportDeal *
rapport_lost_reason_dialog_get_deal (RapportLostReasonDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_LOST_REASON_DIALOG (self), NULL);

  return self->deal;
}
