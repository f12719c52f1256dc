/* rapport-contacts-view.c — (being written)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contacts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-contacts-view.h"

struct _RapportContactsView
{
  AdwBin        parent_instance;

  RapportStore *store;
  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (RapportContactsView, rapport_contacts_view, ADW_TYPE_BIN)

static void
rapport_contacts_view_dispose (GObject *object)
{
  RapportContactsView *self = RAPPORT_CONTACTS_VIEW (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_contacts_view_parent_class)->dispose (object);
}

static void
rapport_contacts_view_class_init (RapportContactsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_contacts_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Rapport/ui/contacts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportContactsView, status_page);
}

static void
rapport_contacts_view_init (RapportContactsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
rapport_contacts_view_set_store (RapportContactsView *self,
                           RapportStore *store)
{
  g_return_if_fail (RAPPORT_IS_CONTACTS_VIEW (self));

  g_set_object (&self->store, store);
}
