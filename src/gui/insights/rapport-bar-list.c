/* rapport-bar-list.c — a chart of horizontal bars, one row per figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every chart of Insights (the funnel, the forecast, speed to lead, lost
 * reasons, owners) is a list of labelled bars. Each bar is a row of a
 * GtkListBox, so the chart is its own text alternative: a screen reader
 * reads each row's figures in words, the keyboard moves between bars, and
 * activating a row (a click, Enter) asks for the deals behind it. The
 * labels and the values share size groups so the bars line up.
 */

#define G_LOG_DOMAIN "rapport-bar-list"

#include "config.h"

#include "rapport-bar.h"
#include "rapport-bar-list.h"

struct _RapportBarList
{
  GtkWidget     parent_instance;

  GtkListBox   *list;
  GtkSizeGroup *labels;
  GtkSizeGroup *values;
};

G_DEFINE_FINAL_TYPE (RapportBarList, rapport_bar_list, GTK_TYPE_WIDGET)

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_row_activated (RapportBarList *self,
                  GtkListBoxRow  *row)
{
  g_signal_emit (self, signals[ACTIVATED], 0, (guint) gtk_list_box_row_get_index (row));
}

static void
rapport_bar_list_dispose (GObject *object)
{
  RapportBarList *self = RAPPORT_BAR_LIST (object);

  if (self->list != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->list));
      self->list = NULL;
    }
  g_clear_object (&self->labels);
  g_clear_object (&self->values);

  G_OBJECT_CLASS (rapport_bar_list_parent_class)->dispose (object);
}

static void
rapport_bar_list_class_init (RapportBarListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_bar_list_dispose;

  /**
   * RapportBarList::activated:
   * @index: the row, from 0
   *
   * The user asked for what a bar stands for.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "insights-chart");
}

static void
rapport_bar_list_init (RapportBarList *self)
{
  self->labels = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->values = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
rapport_bar_list_new (void)
{
  return g_object_new (RAPPORT_TYPE_BAR_LIST, NULL);
}

void
rapport_bar_list_clear (RapportBarList *self)
{
  GtkWidget *child;

  g_return_if_fail (RAPPORT_IS_BAR_LIST (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static GtkWidget *
make_label (const char   *text,
            float         xalign,
            GtkSizeGroup *group)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_size_group_add_widget (group, label);

  return label;
}

void
rapport_bar_list_append (RapportBarList *self,
                         const char     *label,
                         const char     *value,
                         double          fraction,
                         double          inner,
                         const char     *spoken,
                         gboolean        activatable)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *bar;
  GtkWidget *value_label;

  g_return_if_fail (RAPPORT_IS_BAR_LIST (self));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "insights-bar-row");
  gtk_box_append (GTK_BOX (box), make_label (label, 0, self->labels));

  bar = rapport_bar_new ();
  rapport_bar_set_fractions (RAPPORT_BAR (bar), fraction, inner);
  gtk_box_append (GTK_BOX (box), bar);

  value_label = make_label (value, 1, self->values);
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_box_append (GTK_BOX (box), value_label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), activatable);
  gtk_widget_set_tooltip_text (row, spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  gtk_list_box_append (self->list, row);
}

GtkWidget *
rapport_bar_list_get_row (RapportBarList *self,
                          guint           index)
{
  g_return_val_if_fail (RAPPORT_IS_BAR_LIST (self), NULL);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, (int) index));
}
