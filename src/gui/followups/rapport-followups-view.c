/* rapport-followups-view.c — the Follow-ups view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pending follow-ups come from the store's one list, ordered by effective
 * due time (snoozed-until, else due). Overdue, Today and Upcoming are
 * therefore three runs of that list: the view finds their bounds by binary
 * search (a few lookups, not one object per follow-up) and shows each
 * through a GtkSliceListModel of at most a few hundred rows, so 20 000
 * pending follow-ups cost no more than 50. "Done" shows the store's list
 * of the follow-ups done most recently, through a slice of the same kind.
 *
 * Each action (followups.done, .snooze, .reschedule, .new) is one store
 * call, reported by a toast. The New Follow-up dialog picks a contact, a
 * deal or both, each by the start of its name. A timer at the turn of each minute moves
 * follow-ups between sections and rewrites "how late".
 */

#define G_LOG_DOMAIN "rapport-followups-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-followup-dialog.h"
#include "rapport-followup-row.h"
#include "rapport-after-sales-offer.h"
#include "rapport-edit.h"
#include "rapport-followups-view.h"
#include "rapport-format.h"

/* Rows per pending section before "Show More", and per click. */
#define SECTION_PAGE   50
/* "Tomorrow Morning" */
#define MORNING_HOUR   9

typedef enum
{
  SECTION_OVERDUE,
  SECTION_TODAY,
  SECTION_UPCOMING,
  N_PENDING_SECTIONS,
  SECTION_DONE = N_PENDING_SECTIONS,
  N_SECTIONS
} Section;

struct _RapportFollowupsView
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkRevealer        *notice_revealer;
  GtkStack           *content_stack;
  GtkWidget          *sections[N_SECTIONS];
  GtkLabel           *counts[N_SECTIONS];
  GtkListBox         *lists[N_SECTIONS];
  GtkButton          *more_buttons[N_SECTIONS];

  gboolean            lists_bound;

  /* Owned references */
  RapportContext     *context;
  RapportStore       *store;   /* the context's */
  GListModel         *followups;         /* pending, by effective due time */
  GListModel         *done;              /* done most recently, newest first */
  GtkSliceListModel  *slices[N_SECTIONS];

  guint               lengths[N_SECTIONS];
  guint               caps[N_SECTIONS];
  guint               n_overdue;
  guint               minute_source;
};

G_DEFINE_FINAL_TYPE (RapportFollowupsView, rapport_followups_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_N_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rapport_followups_view_set_store (RapportFollowupsView *self,
                                              RapportStore         *store);

static void rapport_followups_view_arm_timer (RapportFollowupsView *self);
static void rapport_followups_view_open_schedule (RapportFollowupsView *self,
                                                  RapportActivity      *activity,
                                                  RapportDeal          *deal);

/* Time */

static gint64
effective_due (RapportActivity *activity)
{
  gint64 snoozed = rapport_activity_get_snoozed_until (activity);

  return snoozed > 0 ? snoozed : rapport_activity_get_due_at (activity);
}

/* Local midnight at the start of the day after @now (a day may have 23
 * or 25 hours). */
static gint64
start_of_tomorrow (gint64 now)
{
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) next = NULL;

  midnight = g_date_time_new_local (g_date_time_get_year (today),
                                    g_date_time_get_month (today),
                                    g_date_time_get_day_of_month (today), 0, 0, 0);
  next = g_date_time_add_days (midnight, 1);
  return g_date_time_to_unix (next);
}

static gint64
tomorrow_morning (gint64 now)
{
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
  g_autoptr(GDateTime) morning = NULL;

  morning = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                   g_date_time_get_month (tomorrow),
                                   g_date_time_get_day_of_month (tomorrow),
                                   MORNING_HOUR, 0, 0);
  return g_date_time_to_unix (morning);
}

/* Sections */

/* The first position whose effective due time is >= @when, in [@lo, n). */
static guint
lower_bound (GListModel *model,
             guint       lo,
             gint64      when)
{
  guint hi = g_list_model_get_n_items (model);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(RapportActivity) activity = g_list_model_get_item (model, mid);

      if (activity != NULL && effective_due (activity) < when)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  RapportFollowupsView *self = user_data;

  return rapport_followup_row_new (self->store, RAPPORT_ACTIVITY (item));
}

static void
rapport_followups_view_update_count (RapportFollowupsView *self,
                                     guint                 section,
                                     guint                 n)
{
  g_autofree char *text = g_strdup_printf ("%u", n);

  gtk_label_set_label (self->counts[section], text);
  gtk_widget_set_visible (self->sections[section], n > 0);
}

/* Finds the three runs again and moves the slices onto them. */
static void
rapport_followups_view_update_sections (RapportFollowupsView *self)
{
  guint n, n_done, starts[N_SECTIONS], ends[N_SECTIONS];
  gint64 now;

  g_assert (RAPPORT_IS_FOLLOWUPS_VIEW (self));

  if (self->followups == NULL)
    return;

  n = g_list_model_get_n_items (self->followups);
  n_done = g_list_model_get_n_items (self->done);
  now = rapport_store_now (self->store);

  /* Overdue: due now or before; Today: the rest of today. */
  starts[SECTION_OVERDUE] = 0;
  ends[SECTION_OVERDUE] = starts[SECTION_TODAY] = lower_bound (self->followups, 0, now + 1);
  ends[SECTION_TODAY] = starts[SECTION_UPCOMING] =
    lower_bound (self->followups, starts[SECTION_TODAY], start_of_tomorrow (now));
  ends[SECTION_UPCOMING] = n;
  /* Done: a list of its own, from its start. */
  starts[SECTION_DONE] = 0;
  ends[SECTION_DONE] = n_done;

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      guint length = ends[i] - starts[i];
      guint shown = MIN (length, self->caps[i]);

      self->lengths[i] = length;

      /* Shrink first, so a moved slice never reaches into the next run. */
      if (gtk_slice_list_model_get_size (self->slices[i]) > shown)
        gtk_slice_list_model_set_size (self->slices[i], shown);
      gtk_slice_list_model_set_offset (self->slices[i], starts[i]);
      gtk_slice_list_model_set_size (self->slices[i], shown);

      rapport_followups_view_update_count (self, i, length);

      if (length > shown)
        {
          guint next = MIN (length - shown, SECTION_PAGE);
          g_autofree char *label =
            g_strdup_printf (ngettext ("Show %u More of %u", "Show %u More of %u", next),
                             next, length - shown);

          gtk_button_set_label (self->more_buttons[i], label);
          gtk_widget_set_visible (GTK_WIDGET (self->more_buttons[i]), TRUE);
        }
      else
        gtk_widget_set_visible (GTK_WIDGET (self->more_buttons[i]), FALSE);
    }

  gtk_stack_set_visible_child_name (self->content_stack,
                                    n == 0 && n_done == 0 ? "empty" : "list");

  if (self->n_overdue != self->lengths[SECTION_OVERDUE])
    {
      self->n_overdue = self->lengths[SECTION_OVERDUE];
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OVERDUE]);
    }
}

static void
on_followups_changed (RapportFollowupsView *self,
                      guint                 position,
                      guint                 removed,
                      guint                 added,
                      GListModel           *model)
{
  g_assert (RAPPORT_IS_FOLLOWUPS_VIEW (self));

  rapport_followups_view_update_sections (self);
}

/* The minute */

static void
rapport_followups_view_update_times (RapportFollowupsView *self)
{
  g_assert (RAPPORT_IS_FOLLOWUPS_VIEW (self));

  for (guint i = 0; i < N_SECTIONS; i++)
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->lists[i]));
         row != NULL;
         row = gtk_widget_get_next_sibling (row))
      if (RAPPORT_IS_FOLLOWUP_ROW (row))
        rapport_followup_row_update_time (RAPPORT_FOLLOWUP_ROW (row));
}

static gboolean
on_minute (gpointer user_data)
{
  RapportFollowupsView *self = user_data;

  self->minute_source = 0;

  rapport_followups_view_update_sections (self);
  rapport_followups_view_update_times (self);
  rapport_followups_view_arm_timer (self);

  return G_SOURCE_REMOVE;
}

/* One timeout, at the turn of the next minute (by the wall clock). */
static void
rapport_followups_view_arm_timer (RapportFollowupsView *self)
{
  gint64 now_ms = g_get_real_time () / 1000;
  guint delay = (guint) (60000 - now_ms % 60000) + 50;

  g_clear_handle_id (&self->minute_source, g_source_remove);
  self->minute_source = g_timeout_add_full (G_PRIORITY_LOW, delay, on_minute, self, NULL);
  g_source_set_name_by_id (self->minute_source, "[rapport] follow-ups minute");
}

/* Reporting */

static void
rapport_followups_view_toast (RapportFollowupsView *self,
                              const char           *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  rapport_context_add_toast (self->context, toast);
}

static RapportActivity *
rapport_followups_view_get_activity (RapportFollowupsView *self,
                                     gint64                id)
{
  g_autoptr(GError) error = NULL;
  RapportActivity *activity;

  activity = rapport_store_get_activity (self->store, id, &error);
  if (activity == NULL)
    rapport_followups_view_toast (self, error->message);

  return activity;
}

static char *
activity_title (RapportActivity *activity)
{
  const char *title = rapport_activity_get_title (activity);

  return g_strdup (title != NULL && *title != '\0' ? title : _("Follow-up"));
}

/* Reschedules @activity, or makes a new follow-up (for @deal, when given). */
static void
rapport_followups_view_open_schedule (RapportFollowupsView *self,
                                      RapportActivity      *activity,
                                      RapportDeal          *deal)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  GtkWidget *dialog;

  if (activity != NULL)
    dialog = rapport_followup_dialog_reschedule (parent, self->context, activity);
  else
    dialog = rapport_followup_dialog_new (parent, self->context, deal);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
rapport_followups_view_done_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  RapportFollowupsView *self = RAPPORT_FOLLOWUPS_VIEW (widget);
  g_autoptr(RapportActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  if ((activity = rapport_followups_view_get_activity (self, g_variant_get_int64 (parameter))) == NULL)
    return;

  title = activity_title (activity);
  if (rapport_activity_get_rule (activity) == RAPPORT_RULE_SPEED_TO_LEAD)
    /* Translators: a speed-to-lead follow-up done; the lead's first contact is recorded */
    message = g_strdup_printf (_("“%s” done — first contact recorded"), title);
  else
    message = g_strdup_printf (_("“%s” done"), title);

  if (!rapport_edit_complete_followup (self->context, message, activity, &error))
    {
      rapport_followups_view_toast (self, error->message);
      return;
    }
  rapport_followups_view_toast (self, message);
  rapport_after_sales_offer (widget, self->context, activity);
}

static void
rapport_followups_view_snooze_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  RapportFollowupsView *self = RAPPORT_FOLLOWUPS_VIEW (widget);
  g_autoptr(RapportActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *when_text = NULL;
  g_autofree char *message = NULL;
  const char *how;
  gint64 id, now, until;

  g_variant_get (parameter, "(x&s)", &id, &how);

  if ((activity = rapport_followups_view_get_activity (self, id)) == NULL)
    return;

  now = rapport_store_now (self->store);
  if (g_str_equal (how, "10m"))
    until = now + 10 * 60;
  else if (g_str_equal (how, "1h"))
    until = now + 60 * 60;
  else
    until = tomorrow_morning (now);

  title = activity_title (activity);
  if (!rapport_store_snooze_activity (self->store, activity, until, &error))
    {
      rapport_followups_view_toast (self, error->message);
      return;
    }

  when_text = rapport_followup_format_when (until, now);
  /* Translators: “Call Ada” snoozed to “Today, 14:30” */
  message = g_strdup_printf (_("“%s” snoozed to %s"), title, when_text);
  rapport_followups_view_toast (self, message);
}

static void
rapport_followups_view_reschedule_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  RapportFollowupsView *self = RAPPORT_FOLLOWUPS_VIEW (widget);
  g_autoptr(RapportActivity) activity = NULL;

  if ((activity = rapport_followups_view_get_activity (self, g_variant_get_int64 (parameter))) != NULL)
    rapport_followups_view_open_schedule (self, activity, NULL);
}

static void
rapport_followups_view_new_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  rapport_followups_view_new_followup (RAPPORT_FOLLOWUPS_VIEW (widget));
}

static void
rapport_followups_view_show_more_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  RapportFollowupsView *self = RAPPORT_FOLLOWUPS_VIEW (widget);
  int section = g_variant_get_int32 (parameter);

  if (section < 0 || section >= N_SECTIONS)
    return;

  self->caps[section] += SECTION_PAGE;
  rapport_followups_view_update_sections (self);
}

/* GObject */

static void
rapport_followups_view_dispose (GObject *object)
{
  RapportFollowupsView *self = RAPPORT_FOLLOWUPS_VIEW (object);

  g_clear_handle_id (&self->minute_source, g_source_remove);

  for (guint i = 0; i < N_SECTIONS; i++)
    if (self->lists[i] != NULL)
      gtk_list_box_bind_model (self->lists[i], NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_FOLLOWUPS_VIEW);

  for (guint i = 0; i < N_SECTIONS; i++)
    g_clear_object (&self->slices[i]);
  if (self->followups != NULL)
    g_signal_handlers_disconnect_by_data (self->followups, self);
  if (self->done != NULL)
    g_signal_handlers_disconnect_by_data (self->done, self);
  g_clear_object (&self->followups);
  g_clear_object (&self->done);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_followups_view_parent_class)->dispose (object);
}

static void
rapport_followups_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RapportFollowupsView *self = RAPPORT_FOLLOWUPS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_N_OVERDUE:
      g_value_set_uint (value, self->n_overdue);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_followups_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RapportFollowupsView *self = RAPPORT_FOLLOWUPS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      rapport_followups_view_set_store (self, rapport_context_get_store (self->context));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_followups_view_class_init (RapportFollowupsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_followups_view_dispose;
  object_class->get_property = rapport_followups_view_get_property;
  object_class->set_property = rapport_followups_view_set_property;

  /**
   * RapportFollowupsView:context:
   *
   * The store shown and edited, the undo history and the toasts.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportFollowupsView:n-overdue:
   *
   * How many pending follow-ups are due now or were due before; the
   * window shows it on the view's tab.
   */
  properties[PROP_N_OVERDUE] =
    g_param_spec_uint ("n-overdue", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/followups/followups-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupsView, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowupsView, content_stack);
  gtk_widget_class_bind_template_child_full (widget_class, "overdue_section", FALSE, G_STRUCT_OFFSET (RapportFollowupsView, sections[SECTION_OVERDUE]));
  gtk_widget_class_bind_template_child_full (widget_class, "today_section", FALSE, G_STRUCT_OFFSET (RapportFollowupsView, sections[SECTION_TODAY]));
  gtk_widget_class_bind_template_child_full (widget_class, "upcoming_section", FALSE, G_STRUCT_OFFSET (RapportFollowupsView, sections[SECTION_UPCOMING]));
  gtk_widget_class_bind_template_child_full (widget_class, "done_section", FALSE, G_STRUCT_OFFSET (RapportFollowupsView, sections[SECTION_DONE]));
  gtk_widget_class_bind_template_child_full (widget_class, "overdue_count", FALSE, G_STRUCT_OFFSET (RapportFollowupsView, counts[SECTION_OVERDUE]));
  gtk_widget_class_bind_template_child_full (widget_class, "today_count", FALSE, G_STRUCT_OFFSET (RapportFollowupsView, counts[SECTION_TODAY]));
  gtk_widget_class_bind_template_child_full (widget_class, "upcoming_count", FALSE, G_STRUCT_OFFSET (RapportFollowupsView, counts[SECTION_UPCOMING]));
  gtk_widget_class_bind_template_child_full (widget_class, "done_count", FALSE, G_STRUCT_OFFSET (RapportFollowupsView, counts[SECTION_DONE]));
  gtk_widget_class_bind_template_child_full (widget_class, "overdue_list", FALSE, G_STRUCT_OFFSET (RapportFollowupsView, lists[SECTION_OVERDUE]));
  gtk_widget_class_bind_template_child_full (widget_class, "today_list", FALSE, G_STRUCT_OFFSET (RapportFollowupsView, lists[SECTION_TODAY]));
  gtk_widget_class_bind_template_child_full (widget_class, "upcoming_list", FALSE, G_STRUCT_OFFSET (RapportFollowupsView, lists[SECTION_UPCOMING]));
  gtk_widget_class_bind_template_child_full (widget_class, "done_list", FALSE, G_STRUCT_OFFSET (RapportFollowupsView, lists[SECTION_DONE]));
  gtk_widget_class_bind_template_child_full (widget_class, "overdue_more", FALSE, G_STRUCT_OFFSET (RapportFollowupsView, more_buttons[SECTION_OVERDUE]));
  gtk_widget_class_bind_template_child_full (widget_class, "today_more", FALSE, G_STRUCT_OFFSET (RapportFollowupsView, more_buttons[SECTION_TODAY]));
  gtk_widget_class_bind_template_child_full (widget_class, "upcoming_more", FALSE, G_STRUCT_OFFSET (RapportFollowupsView, more_buttons[SECTION_UPCOMING]));
  gtk_widget_class_bind_template_child_full (widget_class, "done_more", FALSE, G_STRUCT_OFFSET (RapportFollowupsView, more_buttons[SECTION_DONE]));

  gtk_widget_class_install_action (widget_class, "followups.done", "x", rapport_followups_view_done_action);
  gtk_widget_class_install_action (widget_class, "followups.snooze", "(xs)", rapport_followups_view_snooze_action);
  gtk_widget_class_install_action (widget_class, "followups.reschedule", "x", rapport_followups_view_reschedule_action);
  gtk_widget_class_install_action (widget_class, "followups.new", NULL, rapport_followups_view_new_action);
  gtk_widget_class_install_action (widget_class, "followups.show-more", "i", rapport_followups_view_show_more_action);
}

static void
rapport_followups_view_init (RapportFollowupsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_SECTIONS; i++)
    self->caps[i] = SECTION_PAGE;
}

GtkWidget *
rapport_followups_view_new (RapportContext *context)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_FOLLOWUPS_VIEW, "context", context, NULL);
}

RapportStore *
rapport_followups_view_get_store (RapportFollowupsView *self)
{
  g_return_val_if_fail (RAPPORT_IS_FOLLOWUPS_VIEW (self), NULL);

  return self->store;
}

/* Rows are made the first time the view shows: a window that opens on
 * the board must not pay for the follow-ups' rows before its first frame. */

/* Activating a follow-up opens what it is about: its deal, else its
 * contact. */
static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  gpointer       user_data)
{
  RapportActivity *activity;
  gint64 id;

  if (!RAPPORT_IS_FOLLOWUP_ROW (row))
    return;

  activity = rapport_followup_row_get_activity (RAPPORT_FOLLOWUP_ROW (row));
  if (activity == NULL)
    return;

  if ((id = rapport_activity_get_deal_id (activity)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (list), "win.open-deal", "x", id);
  else if ((id = rapport_activity_get_contact_id (activity)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (list), "win.open-contact", "x", id);
}
static void
rapport_followups_view_bind_lists (RapportFollowupsView *self)
{
  g_assert (RAPPORT_IS_FOLLOWUPS_VIEW (self));

  if (self->lists_bound || self->store == NULL)
    return;

  self->lists_bound = TRUE;
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      gtk_list_box_bind_model (self->lists[i], G_LIST_MODEL (self->slices[i]),
                               create_row, self, NULL);
      g_signal_connect_object (self->lists[i], "row-activated",
                               G_CALLBACK (on_row_activated), self, 0);
    }
}

/* Shows the follow-ups of @store, the context's, for the view's whole
 * life. */
static void
rapport_followups_view_set_store (RapportFollowupsView *self,
                                  RapportStore         *store)
{
  g_return_if_fail (RAPPORT_IS_FOLLOWUPS_VIEW (self));
  g_return_if_fail (store == NULL || RAPPORT_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  if (store == NULL)
    return;

  self->store = g_object_ref (store);
  self->followups = rapport_store_get_followups (store);
  self->done = rapport_store_get_done_followups (store);

  for (guint i = 0; i < N_PENDING_SECTIONS; i++)
    self->slices[i] = gtk_slice_list_model_new (g_object_ref (self->followups), 0, 0);
  self->slices[SECTION_DONE] = gtk_slice_list_model_new (g_object_ref (self->done), 0, 0);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rapport_followups_view_bind_lists (self);
  else
    g_signal_connect (self, "map", G_CALLBACK (rapport_followups_view_bind_lists), NULL);

  g_signal_connect_object (self->followups, "items-changed",
                           G_CALLBACK (on_followups_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->done, "items-changed",
                           G_CALLBACK (on_followups_changed), self, G_CONNECT_SWAPPED);

  rapport_followups_view_update_sections (self);
  rapport_followups_view_arm_timer (self);
}

guint
rapport_followups_view_get_n_overdue (RapportFollowupsView *self)
{
  g_return_val_if_fail (RAPPORT_IS_FOLLOWUPS_VIEW (self), 0);

  return self->n_overdue;
}

void
rapport_followups_view_set_show_notice (RapportFollowupsView *self,
                                        gboolean              show)
{
  g_return_if_fail (RAPPORT_IS_FOLLOWUPS_VIEW (self));

  gtk_revealer_set_reveal_child (self->notice_revealer, show);
}

void
rapport_followups_view_new_followup (RapportFollowupsView *self)
{
  g_return_if_fail (RAPPORT_IS_FOLLOWUPS_VIEW (self));

  if (self->store != NULL)
    rapport_followups_view_open_schedule (self, NULL, NULL);
}

void
rapport_followups_view_new_followup_for_deal (RapportFollowupsView *self,
                                              RapportDeal          *deal)
{
  g_return_if_fail (RAPPORT_IS_FOLLOWUPS_VIEW (self));
  g_return_if_fail (deal == NULL || RAPPORT_IS_DEAL (deal));

  if (self->store != NULL)
    rapport_followups_view_open_schedule (self, NULL, deal);
}

gboolean
rapport_followups_view_focus_followup (RapportFollowupsView *self,
                                       gint64                activity_id)
{
  g_return_val_if_fail (RAPPORT_IS_FOLLOWUPS_VIEW (self), FALSE);

  for (guint i = 0; i < N_PENDING_SECTIONS; i++)
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->lists[i]));
         row != NULL;
         row = gtk_widget_get_next_sibling (row))
      {
        RapportActivity *activity;

        if (!RAPPORT_IS_FOLLOWUP_ROW (row))
          continue;
        activity = rapport_followup_row_get_activity (RAPPORT_FOLLOWUP_ROW (row));
        if (rapport_record_get_id (RAPPORT_RECORD (activity)) == activity_id)
          {
            gtk_widget_grab_focus (row);
            return TRUE;
          }
      }

  return FALSE;
}
