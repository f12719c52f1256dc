/* rapport-duplicate-row.c — one likely pair of the Duplicates view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view's list may hold thousands of pairs of a big file; a row is
 * made for the few on screen and named when it is bound, so the names
 * are read from the store only for those.
 */

#define G_LOG_DOMAIN "rapport-merge"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-duplicate-row.h"
#include "rapport-merge-text.h"

/* The pair */

struct _RapportDuplicatePair
{
  GObject                 parent_instance;

  RapportEntity           entity;
  RapportDuplicate        pair;
};

G_DEFINE_FINAL_TYPE (RapportDuplicatePair, rapport_duplicate_pair, G_TYPE_OBJECT)

static void
rapport_duplicate_pair_class_init (RapportDuplicatePairClass *klass)
{
}

static void
rapport_duplicate_pair_init (RapportDuplicatePair *self)
{
}

RapportDuplicatePair *
rapport_duplicate_pair_new (RapportEntity           entity,
                            const RapportDuplicate *pair)
{
  RapportDuplicatePair *self = g_object_new (RAPPORT_TYPE_DUPLICATE_PAIR, NULL);

  self->entity = entity;
  self->pair = *pair;
  return self;
}

RapportEntity
rapport_duplicate_pair_get_entity (RapportDuplicatePair *self)
{
  g_return_val_if_fail (RAPPORT_IS_DUPLICATE_PAIR (self), RAPPORT_ENTITY_CONTACT);

  return self->entity;
}

gint64
rapport_duplicate_pair_get_id (RapportDuplicatePair *self,
                               guint                 which)
{
  g_return_val_if_fail (RAPPORT_IS_DUPLICATE_PAIR (self), 0);
  g_return_val_if_fail (which < 2, 0);

  return self->pair.ids[which];
}

RapportDuplicateReasons
rapport_duplicate_pair_get_reasons (RapportDuplicatePair *self)
{
  g_return_val_if_fail (RAPPORT_IS_DUPLICATE_PAIR (self), 0);

  return self->pair.reasons;
}

gboolean
rapport_duplicate_pair_has (RapportDuplicatePair *self,
                            gint64                id)
{
  g_return_val_if_fail (RAPPORT_IS_DUPLICATE_PAIR (self), FALSE);

  return self->pair.ids[0] == id || self->pair.ids[1] == id;
}

/* The row */

struct _RapportDuplicateRow
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkLabel   *first_name;
  GtkLabel   *first_detail;
  GtkLabel   *second_name;
  GtkLabel   *second_detail;
  GtkLabel   *reason_label;
  GtkButton  *merge_button;
};

G_DEFINE_FINAL_TYPE (RapportDuplicateRow, rapport_duplicate_row, GTK_TYPE_WIDGET)

static void
rapport_duplicate_row_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), RAPPORT_TYPE_DUPLICATE_ROW);
  /* GTK 4.8 leaves the template's unnamed top box to its parent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rapport_duplicate_row_parent_class)->dispose (object);
}

static void
rapport_duplicate_row_class_init (RapportDuplicateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_duplicate_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "duplicate-row");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/merge/duplicate-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicateRow, first_name);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicateRow, first_detail);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicateRow, second_name);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicateRow, second_detail);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicateRow, reason_label);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicateRow, merge_button);
}

static void
rapport_duplicate_row_init (RapportDuplicateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_duplicate_row_new (void)
{
  return g_object_new (RAPPORT_TYPE_DUPLICATE_ROW, NULL);
}

void
rapport_duplicate_row_bind (RapportDuplicateRow  *self,
                            RapportStore         *store,
                            RapportDuplicatePair *pair)
{
  g_autofree char *first = NULL, *first_detail = NULL;
  g_autofree char *second = NULL, *second_detail = NULL;
  g_autofree char *reasons = NULL;
  g_autofree char *button_name = NULL;

  g_return_if_fail (RAPPORT_IS_DUPLICATE_ROW (self));

  if (pair == NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->merge_button), NULL);
      return;
    }

  rapport_merge_describe (store, pair->entity, pair->pair.ids[0], &first, &first_detail);
  rapport_merge_describe (store, pair->entity, pair->pair.ids[1], &second, &second_detail);
  rapport_merge_show_record (self->first_name, self->first_detail, first, first_detail);
  rapport_merge_show_record (self->second_name, self->second_detail, second, second_detail);
  reasons = rapport_merge_reasons_text (pair->entity, pair->pair.reasons);
  gtk_label_set_label (self->reason_label, reasons);

  /* Translators: the accessible name of a pair's Merge… button. */
  button_name = g_strdup_printf (_("Merge “%s” and “%s”…"), first ? first : "", second ? second : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->merge_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reasons,
                                  -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->merge_button), "(ixx)",
                                    (gint32) pair->entity, pair->pair.ids[0], pair->pair.ids[1]);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->merge_button), "duplicates.merge");
}
