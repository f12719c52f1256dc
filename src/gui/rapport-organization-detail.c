/* rapport-organization-detail.c — (being written)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-organization-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-organization-detail.h"

struct _RapportOrganizationDetail
{
  AdwBin        parent_instance;

  RapportStore *store;
  RapportOrganization *organization;
  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (RapportOrganizationDetail, rapport_organization_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_organization_detail_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  RapportOrganizationDetail *self = RAPPORT_ORGANIZATION_DETAIL (object);

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
rapport_organization_detail_dispose (GObject *object)
{
  RapportOrganizationDetail *self = RAPPORT_ORGANIZATION_DETAIL (object);

  g_clear_object (&self->store);
  g_clear_object (&self->organization);

  G_OBJECT_CLASS (rapport_organization_detail_parent_class)->dispose (object);
}

static void
rapport_organization_detail_class_init (RapportOrganizationDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_organization_detail_dispose;
  object_class->get_property = rapport_organization_detail_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Rapport/ui/organization-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, status_page);
}

static void
rapport_organization_detail_init (RapportOrganizationDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_organization_detail_new (RapportStore *store,
                     RapportOrganization *organization)
{
  RapportOrganizationDetail *self = g_object_new (RAPPORT_TYPE_ORGANIZATION_DETAIL, NULL);

  self->store = g_object_ref (store);
  self->organization = g_object_ref (organization);
  adw_status_page_set_title (self->status_page, rapport_organization_get_name (organization));

  return GTK_WIDGET (self);
}

RapportOrganization *
rapport_organization_detail_get_organization (RapportOrganizationDetail *self)
{
  g_return_val_if_fail (RAPPORT_IS_ORGANIZATION_DETAIL (self), NULL);

  return self->organization;
}
