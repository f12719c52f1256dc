/* rapport-contact-detail.c — (being written)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-contact-detail.h"

struct _RapportContactDetail
{
  AdwBin        parent_instance;

  RapportStore *store;
  RapportContact *contact;
  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (RapportContactDetail, rapport_contact_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_contact_detail_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (object);

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
rapport_contact_detail_dispose (GObject *object)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (object);

  g_clear_object (&self->store);
  g_clear_object (&self->contact);

  G_OBJECT_CLASS (rapport_contact_detail_parent_class)->dispose (object);
}

static void
rapport_contact_detail_class_init (RapportContactDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_contact_detail_dispose;
  object_class->get_property = rapport_contact_detail_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Rapport/ui/contact-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, status_page);
}

static void
rapport_contact_detail_init (RapportContactDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_contact_detail_new (RapportStore *store,
                     RapportContact *contact)
{
  RapportContactDetail *self = g_object_new (RAPPORT_TYPE_CONTACT_DETAIL, NULL);

  self->store = g_object_ref (store);
  self->contact = g_object_ref (contact);
  adw_status_page_set_title (self->status_page, rapport_contact_get_name (contact));

  return GTK_WIDGET (self);
}

RapportContact *
rapport_contact_detail_get_contact (RapportContactDetail *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_DETAIL (self), NULL);

  return self->contact;
}
