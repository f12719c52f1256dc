/* rapport-match-row.c — one match of a record picker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row holds the record it stands for, so that taking it needs no
 * lookup; the template shows its title (as markup, with the typed part in
 * bold), its detail and its avatar, or an icon instead of the avatar for
 * a row that is no record (“Add as new”, “None”).
 */

#define G_LOG_DOMAIN "rapport-match-row"

#include "config.h"

#include "rapport-match-row.h"

struct _RapportMatchRow
{
  GtkListBoxRow   parent_instance;

  /* Template widgets */
  GtkWidget      *avatar;
  GtkWidget      *icon;
  GtkWidget      *detail_label;

  /* Owned references */
  RapportRecord  *record;          /* NULL: a row that is no record */
  char           *title;
  char           *markup;
  char           *detail;
  char           *icon_name;
};

G_DEFINE_FINAL_TYPE (RapportMatchRow, rapport_match_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_RECORD,
  PROP_TITLE,
  PROP_MARKUP,
  PROP_DETAIL,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_match_row_set_string (RapportMatchRow *self,
                              char           **field,
                              const char      *value,
                              guint            prop_id)
{
  g_assert (RAPPORT_IS_MATCH_ROW (self));

  /* g_set_str() is GLib 2.76. */
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
rapport_match_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RapportMatchRow *self = RAPPORT_MATCH_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      if (g_set_object (&self->record, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_TITLE:
      rapport_match_row_set_string (self, &self->title, g_value_get_string (value), prop_id);
      /* Read out, and found, by the name alone. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->title ? self->title : "",
                                      -1);
      break;

    case PROP_MARKUP:
      rapport_match_row_set_string (self, &self->markup, g_value_get_string (value), prop_id);
      break;

    case PROP_DETAIL:
      rapport_match_row_set_string (self, &self->detail, g_value_get_string (value), prop_id);
      gtk_widget_set_visible (self->detail_label, self->detail != NULL && *self->detail != '\0');
      break;

    case PROP_ICON_NAME:
      rapport_match_row_set_string (self, &self->icon_name, g_value_get_string (value), prop_id);
      gtk_widget_set_visible (self->icon, self->icon_name != NULL);
      gtk_widget_set_visible (self->avatar, self->icon_name == NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_match_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RapportMatchRow *self = RAPPORT_MATCH_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_MARKUP:
      g_value_set_string (value, self->markup);
      break;

    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_match_row_dispose (GObject *object)
{
  RapportMatchRow *self = RAPPORT_MATCH_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_MATCH_ROW);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (rapport_match_row_parent_class)->dispose (object);
}

static void
rapport_match_row_finalize (GObject *object)
{
  RapportMatchRow *self = RAPPORT_MATCH_ROW (object);

  g_free (self->title);
  g_free (self->markup);
  g_free (self->detail);
  g_free (self->icon_name);

  G_OBJECT_CLASS (rapport_match_row_parent_class)->finalize (object);
}

static void
rapport_match_row_class_init (RapportMatchRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_match_row_dispose;
  object_class->finalize = rapport_match_row_finalize;
  object_class->get_property = rapport_match_row_get_property;
  object_class->set_property = rapport_match_row_set_property;

  /**
   * RapportMatchRow:record:
   *
   * The stored record the row stands for; %NULL for “Add as new” or
   * “None”.
   */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL,
                         RAPPORT_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportMatchRow:title:
   *
   * The plain name: the avatar's initials and the accessible label.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportMatchRow:markup:
   *
   * The name as shown, escaped, with the typed part in bold.
   */
  properties[PROP_MARKUP] =
    g_param_spec_string ("markup", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportMatchRow:detail:
   *
   * What tells two of a name apart (an e-mail, a website, a deal's stage).
   */
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportMatchRow:icon-name:
   *
   * An icon shown instead of the avatar, or %NULL.
   */
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/widgets/match-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportMatchRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, RapportMatchRow, icon);
  gtk_widget_class_bind_template_child (widget_class, RapportMatchRow, detail_label);
}

static void
rapport_match_row_init (RapportMatchRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rapport_match_row_new:
 * @record: (nullable): the stored record, or %NULL for a row that is none
 * @title: the plain name
 * @markup: the name as shown
 * @detail: (nullable): what tells two of a name apart
 * @icon_name: (nullable): an icon instead of the avatar
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
rapport_match_row_new (RapportRecord *record,
                       const char    *title,
                       const char    *markup,
                       const char    *detail,
                       const char    *icon_name)
{
  return g_object_new (RAPPORT_TYPE_MATCH_ROW,
                       "record", record,
                       "title", title,
                       "markup", markup,
                       "detail", detail,
                       "icon-name", icon_name,
                       NULL);
}

/**
 * rapport_match_row_get_record:
 *
 * Returns: (transfer none) (nullable): the record the row stands for
 */
RapportRecord *
rapport_match_row_get_record (RapportMatchRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_MATCH_ROW (self), NULL);

  return self->record;
}
