/* rapport-tag-filter.c — a list's choice of one tag, or all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A drop-down of "All Tags" and every tag some record of the kind has.
 * The tags are read again (once for a burst of changes) when the kind's
 * records change, and the chosen one stays chosen while it exists.
 */

#define G_LOG_DOMAIN "rapport-tag-filter"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-debounce.h"
#include "rapport-tag-filter.h"

struct _RapportTagFilter
{
  AdwBin          parent_instance;

  /* Owned */
  RapportStore   *store;
  GtkDropDown    *drop_down;
  GtkStringList  *items;      /* "All Tags", then the tags */
  char           *tag;        /* NULL for all */
  RapportDebounce refresh;

  RapportEntity   entity;
  guint           syncing;
  gboolean        loaded;     /* read once shown: not at start-up */
};

G_DEFINE_FINAL_TYPE (RapportTagFilter, rapport_tag_filter, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TAG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_tag (RapportTagFilter *self,
         const char       *tag)
{
  if (g_strcmp0 (tag, self->tag) == 0)
    return;
  g_free (self->tag);
  self->tag = g_strdup (tag);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG]);
}

static void
on_selected (RapportTagFilter *self)
{
  guint selected = gtk_drop_down_get_selected (self->drop_down);

  if (self->syncing > 0)
    return;
  set_tag (self, selected == 0 || selected == GTK_INVALID_LIST_POSITION
                 ? NULL : gtk_string_list_get_string (self->items, selected));
}

static void
rapport_tag_filter_refresh (RapportTagFilter *self)
{
  g_auto(GStrv) tags = rapport_store_list_tags (self->store, self->entity, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint selected = 0;

  if (tags == NULL)
    return;
  for (guint i = 0; tags[i] != NULL; i++)
    if (self->tag != NULL && g_utf8_collate (tags[i], self->tag) == 0)
      selected = i + 1;

  self->syncing++;
  gtk_string_list_splice (self->items, 1, n - 1, (const char * const *) tags);
  gtk_drop_down_set_selected (self->drop_down, selected);
  self->syncing--;
  self->loaded = TRUE;
  /* A chosen tag that no record has any more: all again. */
  if (selected == 0)
    set_tag (self, NULL);
}

static void
on_notice (RapportTagFilter    *self,
           const RapportNotice *notice,
           RapportStore        *store)
{
  if (self->loaded)
    rapport_debounce_queue (&self->refresh);
}

static void
rapport_tag_filter_map (GtkWidget *widget)
{
  RapportTagFilter *self = RAPPORT_TAG_FILTER (widget);

  GTK_WIDGET_CLASS (rapport_tag_filter_parent_class)->map (widget);
  if (!self->loaded)
    rapport_tag_filter_refresh (self);
}

static void
rapport_tag_filter_dispose (GObject *object)
{
  RapportTagFilter *self = RAPPORT_TAG_FILTER (object);

  rapport_debounce_cancel (&self->refresh);
  g_clear_object (&self->store);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (rapport_tag_filter_parent_class)->dispose (object);
}

static void
rapport_tag_filter_finalize (GObject *object)
{
  RapportTagFilter *self = RAPPORT_TAG_FILTER (object);

  g_free (self->tag);

  G_OBJECT_CLASS (rapport_tag_filter_parent_class)->finalize (object);
}

static void
rapport_tag_filter_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportTagFilter *self = RAPPORT_TAG_FILTER (object);

  switch (prop_id)
    {
    case PROP_TAG:
      g_value_set_string (value, self->tag);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_tag_filter_class_init (RapportTagFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_tag_filter_dispose;
  object_class->finalize = rapport_tag_filter_finalize;
  object_class->get_property = rapport_tag_filter_get_property;
  GTK_WIDGET_CLASS (klass)->map = rapport_tag_filter_map;

  properties[PROP_TAG] =
    g_param_spec_string ("tag", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_tag_filter_init (RapportTagFilter *self)
{
  const char * const first[] = { _("All Tags"), NULL };

  rapport_debounce_init (&self->refresh, 200, (RapportDebounceFunc) rapport_tag_filter_refresh, self);
  self->items = gtk_string_list_new (first);
  self->drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->items)), NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->drop_down), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->drop_down), _("Show only the records with this tag"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Filter by Tag"), -1);
  g_signal_connect_object (self->drop_down, "notify::selected", G_CALLBACK (on_selected), self,
                           G_CONNECT_SWAPPED);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->drop_down));
}

GtkWidget *
rapport_tag_filter_new (RapportStore  *store,
                        RapportEntity  entity)
{
  RapportTagFilter *self;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (entity == RAPPORT_ENTITY_CONTACT || entity == RAPPORT_ENTITY_ORGANIZATION ||
                        entity == RAPPORT_ENTITY_DEAL, NULL);

  self = g_object_new (RAPPORT_TYPE_TAG_FILTER, NULL);
  self->store = g_object_ref (store);
  self->entity = entity;
  /* A deal's tags are its contact's and organization's. */
  if (entity != RAPPORT_ENTITY_ORGANIZATION)
    g_signal_connect_object (store, "notice::contact", G_CALLBACK (on_notice), self, G_CONNECT_SWAPPED);
  if (entity != RAPPORT_ENTITY_CONTACT)
    g_signal_connect_object (store, "notice::organization", G_CALLBACK (on_notice), self,
                             G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

void
rapport_tag_filter_clear (RapportTagFilter *self)
{
  g_return_if_fail (RAPPORT_IS_TAG_FILTER (self));

  gtk_drop_down_set_selected (self->drop_down, 0);
  set_tag (self, NULL);
}

const char *
rapport_tag_filter_get_tag (RapportTagFilter *self)
{
  g_return_val_if_fail (RAPPORT_IS_TAG_FILTER (self), NULL);

  return self->tag;
}
