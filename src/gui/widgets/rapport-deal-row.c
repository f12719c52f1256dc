/* rapport-deal-row.c — one deal in a contact's or an organization's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contact and organization pages list a person's or a company's deals
 * the same way: the title, where the deal stands (its stage, or Won or
 * Lost) and its value, green once won and dimmed once lost. The row
 * follows the deal, so a move made on the board or by another program
 * shows here at once.
 */

#define G_LOG_DOMAIN "rapport-deal-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-deal-row.h"
#include "rapport-format.h"
#include "rapport-form.h"

struct _RapportDealRow
{
  AdwActionRow    parent_instance;

  /* Template widgets */
  GtkLabel       *value_label;

  /* Owned references */
  RapportContext *context;
  RapportDeal    *deal;
};

G_DEFINE_FINAL_TYPE (RapportDealRow, rapport_deal_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_DEAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_deal_row_sync (RapportDealRow *self)
{
  RapportDeal *deal = self->deal;
  RapportStore *store = rapport_context_get_store (self->context);
  g_autofree char *value = rapport_format_money (rapport_deal_get_value (deal),
                                                 rapport_deal_get_currency (deal));
  g_autofree char *standing = rapport_format_deal_standing (store, deal);
  RapportDealStatus status = rapport_deal_get_status (deal);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), rapport_deal_get_title (deal));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), standing);
  gtk_label_set_label (self->value_label, value);

  if (status == RAPPORT_DEAL_STATUS_WON)
    gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "success");

  if (status == RAPPORT_DEAL_STATUS_LOST)
    gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "dim-label");

  rapport_form_label_row (self);
}

static void
on_activated (RapportDealRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-deal", "x",
                              rapport_record_get_id (RAPPORT_RECORD (self->deal)));
}

static void
rapport_deal_row_constructed (GObject *object)
{
  RapportDealRow *self = RAPPORT_DEAL_ROW (object);

  G_OBJECT_CLASS (rapport_deal_row_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_CONTEXT (self->context));
  g_assert (RAPPORT_IS_DEAL (self->deal));

  g_signal_connect_object (self->deal, "notify", G_CALLBACK (rapport_deal_row_sync), self,
                           G_CONNECT_SWAPPED);
  rapport_deal_row_sync (self);
}

static void
rapport_deal_row_dispose (GObject *object)
{
  RapportDealRow *self = RAPPORT_DEAL_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_DEAL_ROW);
  g_clear_object (&self->deal);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_deal_row_parent_class)->dispose (object);
}

static void
rapport_deal_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RapportDealRow *self = RAPPORT_DEAL_ROW (object);

  switch (prop_id)
    {
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
rapport_deal_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RapportDealRow *self = RAPPORT_DEAL_ROW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_DEAL:
      self->deal = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_deal_row_class_init (RapportDealRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_deal_row_constructed;
  object_class->dispose = rapport_deal_row_dispose;
  object_class->get_property = rapport_deal_row_get_property;
  object_class->set_property = rapport_deal_row_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DEAL] =
    g_param_spec_object ("deal", NULL, NULL,
                         RAPPORT_TYPE_DEAL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/widgets/deal-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportDealRow, value_label);
  gtk_widget_class_bind_template_callback (widget_class, on_activated);
}

static void
rapport_deal_row_init (RapportDealRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_deal_row_new (RapportContext *context,
                      RapportDeal    *deal)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), NULL);

  return g_object_new (RAPPORT_TYPE_DEAL_ROW,
                       "context", context,
                       "deal", deal,
                       NULL);
}

RapportDeal *
rapport_deal_row_get_deal (RapportDealRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL_ROW (self), NULL);

  return self->deal;
}
