/* rapport-pipeline-view-dnd.c — the board while a card is dragged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Columns take drops themselves (rapport-stage-column.c). The board adds
 * what a drag needs beyond them: the Won and Lost zones that rise from the
 * bottom while the drag lasts, sideways scrolling when the pointer nears
 * the board's left or right edge, and the question a lost deal needs
 * answered before it is closed: why.
 *
 * The board follows the GdkDrag itself rather than the card's drag source:
 * a drop can move the card out of its column, and its row (with the drag
 * source) may be recycled before the drag reports its end.
 */

#define G_LOG_DOMAIN "rapport-pipeline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-lost-reason-dialog.h"
#include "rapport-pipeline-view-private.h"

#if defined (GDK_WINDOWING_X11) && defined (RAPPORT_HAVE_XLIB)
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XInput2.h>
#endif

/* How close to the board's side a drag scrolls it, and how fast (pixels
 * per second at the very edge). */
#define HSCROLL_EDGE    72.0
#define HSCROLL_SPEED 1200.0

/* Following the drag */

static void rapport_pipeline_view_stop_hscroll (RapportPipelineView *self);

static void
rapport_pipeline_view_end_drag (RapportPipelineView *self)
{
  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  if (self->drag != NULL)
    g_signal_handlers_disconnect_by_data (self->drag, self);
  g_clear_object (&self->drag);
  g_clear_object (&self->drag_deal);
  g_clear_weak_pointer (&self->drag_source);
  if (self->drag_display != NULL)
    g_signal_handlers_disconnect_by_data (self->drag_display, self);
  g_clear_object (&self->drag_display);

  rapport_pipeline_view_stop_hscroll (self);

  /* Also called from dispose, after the template is gone. */
  if (self->zone_revealer == NULL)
    return;

  gtk_revealer_set_reveal_child (self->zone_revealer, FALSE);
  gtk_widget_remove_css_class (self->won_zone, "drop-hover");
  gtk_widget_remove_css_class (self->lost_zone, "drop-hover");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
}

/* GDK's own cancel is private API: the drag goes on until the button is
 * released, but it shows nothing any more and no target of the board takes
 * it, so its end is the "nothing happened" of a cancelled drag. */
static void
rapport_pipeline_view_cancel_drag (RapportPipelineView *self)
{
  GtkWidget *icon;

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  if (self->drag == NULL)
    return;

  rapport_board_cancel_drag (self->drag);

  icon = gtk_drag_icon_get_for_drag (self->drag);
  if (icon != NULL)
    gtk_widget_set_opacity (icon, 0.0);

  if (self->drag_source != NULL)
    {
      GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (self->drag_source));

      if (card != NULL)
        gtk_widget_remove_css_class (card, "dragging");
    }

  rapport_pipeline_view_end_drag (self);
}

static void
on_drag_finished (RapportPipelineView *self)
{
  rapport_pipeline_view_end_drag (self);
}

static void
on_drag_cancel (RapportPipelineView *self,
                GdkDragCancelReason  reason,
                GdkDrag             *drag)
{
  /* Escape, a drop nobody took, or an error: nothing was written, so the
   * card is still where it was. */
  rapport_pipeline_view_end_drag (self);
}

#if defined (GDK_WINDOWING_X11) && defined (RAPPORT_HAVE_XLIB)
/* Escape on X11. GDK 4.8 grabs Escape on the root window for the length of
 * a drag, and the key then arrives as an XInput 2 event for the root
 * window, which GDK does not translate: the drag never hears it. We read
 * that event ourselves and cancel the drag, as GDK means to. */
static gboolean
on_x11_event (RapportPipelineView *self,
              const XEvent        *xevent,
              GdkDisplay          *display)
{
  const XIDeviceEvent *event;
  g_autofree GdkKeymapKey *keys = NULL;
  int n_keys = 0;
  int opcode, first_event, first_error;

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  if (self->drag == NULL || xevent->type != GenericEvent ||
      xevent->xcookie.evtype != XI_KeyPress || xevent->xcookie.data == NULL)
    return GDK_EVENT_PROPAGATE;

  if (!XQueryExtension (gdk_x11_display_get_xdisplay (display), "XInputExtension",
                        &opcode, &first_event, &first_error) ||
      xevent->xcookie.extension != opcode)
    return GDK_EVENT_PROPAGATE;

  event = xevent->xcookie.data;
  if (event->event != gdk_x11_display_get_xrootwindow (display) ||
      !gdk_display_map_keyval (display, GDK_KEY_Escape, &keys, &n_keys))
    return GDK_EVENT_PROPAGATE;

  for (int i = 0; i < n_keys; i++)
    {
      if (keys[i].keycode == (guint) event->detail)
        {
          rapport_pipeline_view_cancel_drag (self);
          return GDK_EVENT_STOP;
        }
    }

  return GDK_EVENT_PROPAGATE;
}
#endif

/**
 * rapport_pipeline_view_track_drag:
 *
 * Shows the Won and Lost zones until @drag ends, however it ends, and lets
 * Escape cancel it.
 */
void
rapport_pipeline_view_track_drag (RapportPipelineView *self,
                                  GtkDragSource       *source,
                                  GdkDrag             *drag,
                                  RapportDeal         *deal)
{
  g_return_if_fail (RAPPORT_IS_PIPELINE_VIEW (self));
  g_return_if_fail (GTK_IS_DRAG_SOURCE (source));
  g_return_if_fail (GDK_IS_DRAG (drag));
  g_return_if_fail (RAPPORT_IS_DEAL (deal));

  rapport_pipeline_view_end_drag (self);

  self->drag = g_object_ref (drag);
  self->drag_deal = g_object_ref (deal);
  g_set_weak_pointer (&self->drag_source, source);

#if defined (GDK_WINDOWING_X11) && defined (RAPPORT_HAVE_XLIB)
  if (GDK_IS_X11_DISPLAY (gdk_drag_get_display (drag)))
    {
      self->drag_display = g_object_ref (gdk_drag_get_display (drag));
      g_signal_connect_object (self->drag_display, "xevent",
                               G_CALLBACK (on_x11_event), self, G_CONNECT_SWAPPED);
    }
#endif
  g_signal_connect_object (drag, "dnd-finished", G_CALLBACK (on_drag_finished), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drop-performed", G_CALLBACK (on_drag_finished), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "cancel", G_CALLBACK (on_drag_cancel), self, G_CONNECT_SWAPPED);

  gtk_widget_add_css_class (GTK_WIDGET (self), "dragging");
  gtk_revealer_set_reveal_child (self->zone_revealer, TRUE);
}

/* Won and Lost */

static GdkDragAction
on_zone_enter (GtkDropTarget *target,
               double         x,
               double         y,
               gpointer       user_data)
{
  if (rapport_board_drop_is_cancelled (target))
    return 0;

  gtk_widget_add_css_class (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)), "drop-hover");

  return GDK_ACTION_MOVE;
}

static void
on_zone_leave (GtkDropTarget *target,
               gpointer       user_data)
{
  gtk_widget_remove_css_class (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)), "drop-hover");
}

static gboolean
on_zone_drop (RapportPipelineView *self,
              const GValue        *value,
              double               x,
              double               y,
              GtkDropTarget       *target)
{
  GtkWidget *zone = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  g_autoptr(RapportDeal) deal = NULL;

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  gtk_widget_remove_css_class (zone, "drop-hover");

  if (rapport_board_drop_is_cancelled (target) ||
      !G_VALUE_HOLDS (value, RAPPORT_TYPE_DEAL) || g_value_get_object (value) == NULL)
    return FALSE;

  /* The zones hide as the drag ends, before any dialog shows. */
  deal = g_value_dup_object (value);

  if (zone == self->won_zone)
    return rapport_pipeline_view_close_deal (self, deal, RAPPORT_DEAL_STATUS_WON, NULL);

  rapport_pipeline_view_ask_lost_reason (self, deal);
  return TRUE;
}

static void
rapport_pipeline_view_add_zone (RapportPipelineView *self,
                                GtkWidget           *zone)
{
  GtkDropTarget *target = gtk_drop_target_new (RAPPORT_TYPE_DEAL, GDK_ACTION_MOVE);

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  g_signal_connect (target, "enter", G_CALLBACK (on_zone_enter), NULL);
  g_signal_connect (target, "motion", G_CALLBACK (on_zone_enter), NULL);
  g_signal_connect (target, "leave", G_CALLBACK (on_zone_leave), NULL);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_zone_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (zone, GTK_EVENT_CONTROLLER (target));
}

/* Why it was lost */

static void
on_lost_reason_given (RapportPipelineView     *self,
                      const char              *reason,
                      RapportLostReasonDialog *dialog)
{
  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  rapport_pipeline_view_close_deal (self, rapport_lost_reason_dialog_get_deal (dialog),
                                    RAPPORT_DEAL_STATUS_LOST, reason);
}

/**
 * rapport_pipeline_view_ask_lost_reason:
 *
 * Asks why @deal was lost; marks it lost only once there is an answer.
 * Cancelled, nothing was written and the card stays.
 */
void
rapport_pipeline_view_ask_lost_reason (RapportPipelineView *self,
                                       RapportDeal         *deal)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_return_if_fail (RAPPORT_IS_PIPELINE_VIEW (self));
  g_return_if_fail (RAPPORT_IS_DEAL (deal));

  if (rapport_deal_get_status (deal) != RAPPORT_DEAL_STATUS_OPEN)
    return;

  dialog = rapport_lost_reason_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                           self->store, deal);
  g_signal_connect_object (dialog, "reason-given", G_CALLBACK (on_lost_reason_given), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Sideways scrolling */

static gboolean
hscroll_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *frame_clock,
                 gpointer       user_data)
{
  RapportPipelineView *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->board_scroller);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
  double elapsed = self->hscroll_time ? (now - self->hscroll_time) / (double) G_USEC_PER_SEC : 0;

  self->hscroll_time = now;
  elapsed = MIN (elapsed, 0.1);

  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_value (adjustment) + self->hscroll_speed * elapsed);

  return G_SOURCE_CONTINUE;
}

static void
rapport_pipeline_view_stop_hscroll (RapportPipelineView *self)
{
  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  if (self->hscroll_id != 0 && self->board_scroller != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->board_scroller), self->hscroll_id);
  self->hscroll_id = 0;
  self->hscroll_time = 0;
  self->hscroll_speed = 0;
}

static void
on_board_drag_motion (RapportPipelineView      *self,
                      double                    x,
                      double                    y,
                      GtkDropControllerMotion  *motion)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self->board_scroller));
  double speed = 0;

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  if (x < HSCROLL_EDGE)
    speed = -HSCROLL_SPEED * (1 - MAX (x, 0) / HSCROLL_EDGE);
  else if (x > width - HSCROLL_EDGE)
    speed = HSCROLL_SPEED * (1 - MAX (width - x, 0) / HSCROLL_EDGE);

  if (speed == 0)
    {
      rapport_pipeline_view_stop_hscroll (self);
      return;
    }

  self->hscroll_speed = speed;
  if (self->hscroll_id == 0)
    self->hscroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->board_scroller),
                                                     hscroll_tick_cb, self, NULL);
}

static void
on_board_drag_leave (RapportPipelineView     *self,
                     GtkDropControllerMotion *motion)
{
  rapport_pipeline_view_stop_hscroll (self);
}

/* Setup */

void
rapport_pipeline_view_init_dnd (RapportPipelineView *self)
{
  GtkEventController *motion;

  g_return_if_fail (RAPPORT_IS_PIPELINE_VIEW (self));

  rapport_pipeline_view_add_zone (self, self->won_zone);
  rapport_pipeline_view_add_zone (self, self->lost_zone);

  motion = gtk_drop_controller_motion_new ();
  g_signal_connect_object (motion, "enter", G_CALLBACK (on_board_drag_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_board_drag_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_board_drag_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->board_scroller), motion);
}

void
rapport_pipeline_view_dispose_dnd (RapportPipelineView *self)
{
  g_return_if_fail (RAPPORT_IS_PIPELINE_VIEW (self));

  rapport_pipeline_view_end_drag (self);
}
