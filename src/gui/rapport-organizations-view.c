/* rapport-organizations-view.c — (being written)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-organizations-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-organizations-view.h"

struct _RapportOrganizationsView
{
  AdwBin        parent_instance;

  RapportStore *store;
  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (RapportOrganizationsView, rapport_organizations_view, ADW_TYPE_BIN)

static void
rapport_organizations_view_dispose (GObject *object)
{
  RapportOrganizationsView *self = RAPPORT_ORGANIZATIONS_VIEW (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_organizations_view_parent_class)->dispose (object);
}

static void
rapport_organizations_view_class_init (RapportOrganizationsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_organizations_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Rapport/ui/organizations-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationsView, status_page);
}

static void
rapport_organizations_view_init (RapportOrganizationsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
rapport_organizations_view_set_store (RapportOrganizationsView *self,
                           RapportStore *store)
{
  g_return_if_fail (RAPPORT_IS_ORGANIZATIONS_VIEW (self));

  g_set_object (&self->store, store);
}
