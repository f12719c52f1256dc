/* rapport-search-view.c — (being written)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-search-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-search-view.h"

struct _RapportSearchView
{
  AdwBin        parent_instance;

  RapportStore *store;
  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (RapportSearchView, rapport_search_view, ADW_TYPE_BIN)

static void
rapport_search_view_dispose (GObject *object)
{
  RapportSearchView *self = RAPPORT_SEARCH_VIEW (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_search_view_parent_class)->dispose (object);
}

static void
rapport_search_view_class_init (RapportSearchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_search_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Rapport/ui/search-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportSearchView, status_page);
}

static void
rapport_search_view_init (RapportSearchView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
rapport_search_view_set_store (RapportSearchView *self,
                           RapportStore *store)
{
  g_return_if_fail (RAPPORT_IS_SEARCH_VIEW (self));

  g_set_object (&self->store, store);
}

void
rapport_search_view_set_text (RapportSearchView *self,
                              const char        *text)
{
  g_return_if_fail (RAPPORT_IS_SEARCH_VIEW (self));

  adw_status_page_set_title (self->status_page, text);
}

gboolean
rapport_search_view_activate_first (RapportSearchView *self)
{
  g_return_val_if_fail (RAPPORT_IS_SEARCH_VIEW (self), FALSE);

  return FALSE;
}
