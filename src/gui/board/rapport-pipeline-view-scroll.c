/* rapport-pipeline-view-scroll.c — the board scrolls sideways from anywhere on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each column is a list that scrolls up and down; the board scrolls
 * sideways when its stages do not fit. GTK gives a scroll to the innermost
 * scrolled window under the pointer, and a column's keeps the sideways
 * part too though it cannot use it: over the cards, Shift+wheel and a
 * touchpad's sideways swipe did nothing. The board takes those first, in
 * the capture phase, and leaves the up and down to the columns. The keys
 * are GTK's own for a page sideways (Ctrl+Page Up/Down), also taken first:
 * the lists would keep them.
 */

#define G_LOG_DOMAIN "rapport-pipeline-view"

#include "config.h"

#include <math.h>

#include "rapport-pipeline-view-private.h"

typedef enum {
  AXIS_UNDECIDED,
  AXIS_SIDEWAYS,
  AXIS_UP_DOWN,
} Axis;

/* The adjustment counts from the left; the stages run from the right in a
 * right-to-left language, where the first one is at the adjustment's end. */
static gboolean
is_rtl (RapportPipelineView *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self->board_scroller)) == GTK_TEXT_DIR_RTL;
}

static void
rapport_pipeline_view_scroll_by (RapportPipelineView *self,
                                 double               delta)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->board_scroller);

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + delta);
}

/* Towards the later stages (@delta > 0) or the earlier ones, whichever
 * side of the screen they are on. */
static void
rapport_pipeline_view_scroll_forward (RapportPipelineView *self,
                                      double               delta)
{
  rapport_pipeline_view_scroll_by (self, is_rtl (self) ? -delta : delta);
}

/**
 * rapport_pipeline_view_scroll_to_start:
 *
 * Shows the first stage: at the left, or at the right in a right-to-left
 * language. The viewport keeps the distance from the right end there when
 * the columns change, so this holds for new columns too.
 */
void
rapport_pipeline_view_scroll_to_start (RapportPipelineView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->board_scroller);

  g_return_if_fail (RAPPORT_IS_PIPELINE_VIEW (self));

  gtk_adjustment_set_value (adjustment, is_rtl (self) ? gtk_adjustment_get_upper (adjustment) : 0);
}

/* A touchpad's swipe goes one way for its whole length: a sideways swipe
 * that drifts up a little must not start scrolling a column. */
static void
on_scroll_begin (RapportPipelineView      *self,
                 GtkEventControllerScroll *controller)
{
  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  self->scroll_axis = AXIS_UNDECIDED;
}

static gboolean
on_scroll (RapportPipelineView      *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->board_scroller);
  double page = gtk_adjustment_get_page_size (adjustment);

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  /* Shift turns the wheel sideways, as everywhere in GTK: down goes on to
   * the later stages, in either direction of writing. A swipe or a
   * sideways wheel goes the way it is pushed. */
  if ((state & GDK_SHIFT_MASK) != 0 && dx == 0)
    {
      dx = is_rtl (self) ? -dy : dy;
      dy = 0;
    }

  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE)
    {
      if (self->scroll_axis == AXIS_UNDECIDED && (dx != 0 || dy != 0))
        self->scroll_axis = fabs (dx) > fabs (dy) ? AXIS_SIDEWAYS : AXIS_UP_DOWN;
      if (self->scroll_axis != AXIS_SIDEWAYS)
        return GDK_EVENT_PROPAGATE;

      rapport_pipeline_view_scroll_by (self, dx);
      return GDK_EVENT_STOP;
    }

  /* Mostly up or down (a touchpad on X11 comes this way too, with a little
   * of the other axis in most events): the column's. */
  if (fabs (dx) <= fabs (dy))
    return GDK_EVENT_PROPAGATE;

  /* A notch of the wheel goes as far as GTK's scrolled windows take it. */
  rapport_pipeline_view_scroll_by (self, dx * pow (page, 2.0 / 3.0));
  return GDK_EVENT_STOP;
}

static void
on_scroll_end (RapportPipelineView      *self,
               GtkEventControllerScroll *controller)
{
  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  self->scroll_axis = AXIS_UNDECIDED;
}

static void
rapport_pipeline_view_scroll_page_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  RapportPipelineView *self = RAPPORT_PIPELINE_VIEW (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->board_scroller);

  rapport_pipeline_view_scroll_forward (self, g_variant_get_int32 (parameter) *
                                              gtk_adjustment_get_page_increment (adjustment));
}

static void
add_page_key (GtkShortcutController *keys,
              guint                  keyval,
              int                    direction)
{
  gtk_shortcut_controller_add_shortcut (keys,
                                        gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (keyval, GDK_CONTROL_MASK),
                                                                         gtk_named_action_new ("board.scroll-page"),
                                                                         "i", direction));
}

/**
 * rapport_pipeline_view_class_init_scroll:
 *
 * The action board.scroll-page (a page sideways: 1 forward, -1 back).
 */
void
rapport_pipeline_view_class_init_scroll (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "board.scroll-page", "i",
                                   rapport_pipeline_view_scroll_page_action);
}

void
rapport_pipeline_view_init_scroll (RapportPipelineView *self)
{
  GtkEventController *scroll;
  GtkEventController *keys;

  g_return_if_fail (RAPPORT_IS_PIPELINE_VIEW (self));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_object (scroll, "scroll-begin", G_CALLBACK (on_scroll_begin), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (on_scroll), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (scroll, "scroll-end", G_CALLBACK (on_scroll_end), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->board_page, scroll);

  keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  add_page_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Page_Down, 1);
  add_page_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_KP_Page_Down, 1);
  add_page_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Page_Up, -1);
  add_page_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_KP_Page_Up, -1);
  gtk_widget_add_controller (self->board_page, keys);
}

/* Scrolls the board sideways, as little as it takes, to show @column
 * whole: the focused card's, when the stages do not all fit. */
void
rapport_pipeline_view_show_column (RapportPipelineView *self,
                                   RapportStageColumn  *column)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->board_scroller);
  GtkWidget *viewport = gtk_widget_get_parent (GTK_WIDGET (self->column_box));
  graphene_rect_t bounds;
  double width = gtk_widget_get_width (viewport);
  double delta = 0;

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  /* Where it is on screen: the viewport's own coordinates are what the
   * adjustment moves (the board's padding is inside them). */
  if (!gtk_widget_compute_bounds (GTK_WIDGET (column), viewport, &bounds))
    return;

  if (bounds.origin.x < 0)
    delta = bounds.origin.x;
  else if (bounds.origin.x + bounds.size.width > width)
    delta = MIN (bounds.origin.x + bounds.size.width - width, bounds.origin.x);
  if (delta != 0)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + delta);
}
