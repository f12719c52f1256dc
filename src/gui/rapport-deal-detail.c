/* rapport-deal-detail.c — (being written)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-deal-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-deal-detail.h"

struct _RapportDealDetail
{
  AdwBin        parent_instance;

  RapportStore *store;
  RapportDeal *deal;
  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (RapportDealDetail, rapport_deal_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
      g_value_set_string (value, adw_status_page_get_title (self->status_page));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_deal_detail_dispose (GObject *object)
{
  RapportDealDetail *self = RAPPORT_DEAL_DETAIL (object);

  g_clear_object (&self->store);
  g_clear_object (&self->deal);

  G_OBJECT_CLASS (rapport_deal_detail_parent_class)->dispose (object);
}

static void
rapport_deal_detail_class_init (RapportDealDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_deal_detail_dispose;
  object_class->get_property = rapport_deal_detail_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Rapport/ui/deal-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportDealDetail, status_page);
}

static void
rapport_deal_detail_init (RapportDealDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_deal_detail_new (RapportStore *store,
                     RapportDeal *deal)
{
  RapportDealDetail *self = g_object_new (RAPPORT_TYPE_DEAL_DETAIL, NULL);

  self->store = g_object_ref (store);
  self->deal = g_object_ref (deal);
  adw_status_page_set_title (self->status_page, rapport_deal_get_title (deal));

  return GTK_WIDGET (self);
}

RapportDeal *
rapport_deal_detail_get_deal (RapportDealDetail *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL_DETAIL (self), NULL);

  return self->deal;
}
