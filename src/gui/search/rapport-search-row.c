/* rapport-search-row.c — one result of the global search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row holds what it opens, its kind and the record's id, as
 * properties; the template shows the icon of the kind.
 */

#define G_LOG_DOMAIN "rapport-search-row"

#include "config.h"

#include "rapport-form.h"
#include "rapport-search-describe.h"
#include "rapport-search-row.h"

struct _RapportSearchRow
{
  AdwActionRow       parent_instance;

  RapportSearchKind  kind;
  gint64             record_id;
};

G_DEFINE_FINAL_TYPE (RapportSearchRow, rapport_search_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_KIND,
  PROP_RECORD_ID,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_search_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportSearchRow *self = RAPPORT_SEARCH_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_RECORD_ID:
      g_value_set_int64 (value, self->record_id);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, rapport_search_kind_icon (self->kind));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_search_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RapportSearchRow *self = RAPPORT_SEARCH_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      if (self->kind != (RapportSearchKind) g_value_get_int (value))
        {
          self->kind = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
          g_object_notify_by_pspec (object, properties[PROP_ICON_NAME]);
        }
      break;

    case PROP_RECORD_ID:
      if (self->record_id != g_value_get_int64 (value))
        {
          self->record_id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_search_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RAPPORT_TYPE_SEARCH_ROW);

  G_OBJECT_CLASS (rapport_search_row_parent_class)->dispose (object);
}

static void
rapport_search_row_class_init (RapportSearchRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_search_row_dispose;
  object_class->get_property = rapport_search_row_get_property;
  object_class->set_property = rapport_search_row_set_property;

  /**
   * RapportSearchRow:kind:
   *
   * What the row opens: a RapportSearchKind.
   */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      RAPPORT_SEARCH_CONTACT, RAPPORT_SEARCH_DEAL, RAPPORT_SEARCH_DEAL,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportSearchRow:record-id:
   *
   * The id of the contact, organization or deal the row opens.
   */
  properties[PROP_RECORD_ID] =
    g_param_spec_int64 ("record-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportSearchRow:icon-name:
   *
   * The icon of the row's kind.
   */
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/search/search-row.ui");
}

static void
rapport_search_row_init (RapportSearchRow *self)
{
  self->kind = RAPPORT_SEARCH_DEAL;

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rapport_search_row_new:
 * @subtitle: (nullable): what tells the record apart
 *
 * Returns: (transfer floating): a row that opens the record of @kind and
 *   @record_id
 */
GtkWidget *
rapport_search_row_new (RapportSearchKind  kind,
                        gint64             record_id,
                        const char        *title,
                        const char        *subtitle)
{
  GtkWidget *row = g_object_new (RAPPORT_TYPE_SEARCH_ROW,
                                 "kind", kind,
                                 "record-id", record_id,
                                 "title", title,
                                 "subtitle", subtitle != NULL ? subtitle : "",
                                 NULL);

  /* Read out and found by its name; the subtitle is its description. */
  rapport_form_label_row (row);
  if (subtitle != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                    -1);

  return row;
}

RapportSearchKind
rapport_search_row_get_kind (RapportSearchRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_SEARCH_ROW (self), RAPPORT_SEARCH_DEAL);

  return self->kind;
}

gint64
rapport_search_row_get_record_id (RapportSearchRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_SEARCH_ROW (self), 0);

  return self->record_id;
}

/* Opens the record's page in the window. */
void
rapport_search_row_open (RapportSearchRow *self)
{
  const char *action;

  g_return_if_fail (RAPPORT_IS_SEARCH_ROW (self));

  switch (self->kind)
    {
    case RAPPORT_SEARCH_CONTACT:
      action = "win.open-contact";
      break;
    case RAPPORT_SEARCH_ORGANIZATION:
      action = "win.open-organization";
      break;
    case RAPPORT_SEARCH_DEAL:
    default:
      action = "win.open-deal";
      break;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), action, "x", self->record_id);
}
