/* rapport-bar.c — one horizontal bar of a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawn with GtkSnapshot in the CSS colours of the "insights-bar" node
 * (the accent colour, lighter for the outer part), so dark style and high
 * contrast follow the theme. In a right-to-left locale the bar grows from
 * the right, as the text beside it reads.
 */

#define G_LOG_DOMAIN "rapport-bar"

#include "config.h"

#include <math.h>

#include "rapport-bar.h"

#define BAR_HEIGHT 12
#define BAR_RADIUS 3

struct _RapportBar
{
  GtkWidget parent_instance;

  double    fraction;
  double    inner;
};

G_DEFINE_FINAL_TYPE (RapportBar, rapport_bar, GTK_TYPE_WIDGET)

static void
rapport_bar_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = 48, *natural = 240;
  else
    *minimum = *natural = BAR_HEIGHT;
}

static void
append_bar (GtkSnapshot   *snapshot,
            GtkWidget     *widget,
            double         fraction,
            const GdkRGBA *color)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float w = (float) (CLAMP (fraction, 0.0, 1.0) * width);
  float x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? width - w : 0;
  float y = (height - BAR_HEIGHT) / 2.0f;
  GskRoundedRect rect;

  if (w < 1)
    return;

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, w, BAR_HEIGHT), BAR_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, color, &rect.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
rapport_bar_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  RapportBar *self = RAPPORT_BAR (widget);
  GdkRGBA color;
  GdkRGBA outer;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  outer = color;
  outer.alpha *= self->inner > 0 ? 0.35f : 1.0f;

  append_bar (snapshot, widget, self->fraction, &outer);
  if (self->inner > 0)
    append_bar (snapshot, widget, self->inner, &color);
}

static void
rapport_bar_class_init (RapportBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = rapport_bar_measure;
  widget_class->snapshot = rapport_bar_snapshot;

  gtk_widget_class_set_css_name (widget_class, "insights-bar");
  /* The row beside it says the figures in words. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
rapport_bar_init (RapportBar *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
rapport_bar_new (void)
{
  return g_object_new (RAPPORT_TYPE_BAR, NULL);
}

void
rapport_bar_set_fractions (RapportBar *self,
                           double      fraction,
                           double      inner)
{
  g_return_if_fail (RAPPORT_IS_BAR (self));

  self->fraction = isnan (fraction) ? 0 : fraction;
  self->inner = isnan (inner) ? 0 : MIN (inner, self->fraction);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
