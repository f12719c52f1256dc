/* rapport-window.c — the main window: header bar, view switcher, views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window holds its views in an AdwViewStack, switched from the header
 * bar when wide and from a bar at the bottom when narrow: the board
 * (RapportPipelineView), contacts, organizations, and the follow-ups, whose
 * tab counts the overdue ones. Over them sits a GtkStack of pages: the
 * search results while the search bar has text, and the detail pages of
 * contacts, organizations and deals, opened with win.open-contact,
 * win.open-organization and win.open-deal (an id) from anywhere and left
 * with Back, in the order they were opened. Views report through the
 * window's one toast overlay. Reminders that no notification server
 * showed come here as toasts (RapportReminders::in-app-reminder).
 */

#define G_LOG_DOMAIN "rapport-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-after-sales-editor.h"
#include "rapport-context.h"
#include "rapport-edit.h"
#include "rapport-contact-detail.h"
#include "rapport-contacts-view.h"
#include "rapport-deals-view.h"
#include "rapport-reminder-banner.h"
#include "rapport-deal-detail.h"
#include "rapport-duplicates-view.h"
#include "rapport-followups-view.h"
#include "rapport-import-assistant.h"
#include "rapport-import-file.h"
#include "rapport-insights-view.h"
#include "rapport-organization-detail.h"
#include "rapport-organizations-view.h"
#include "rapport-process-editor.h"
#include "rapport-search-view.h"
#include "rapport-pipeline-move-dialog.h"
#include "rapport-pipeline-view.h"
#include "rapport-reminders.h"
#include "rapport-team-status.h"
#include "rapport-window.h"
#include "rapport-deal-dialog.h"
#include "rapport-lead-dialog.h"

struct _RapportWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  AdwBin               *pipeline_bin;
  AdwBin               *contacts_bin;
  AdwBin               *deals_bin;
  RapportReminderBanner *reminder_banner;
  RapportTeamStatus    *team_status;
  AdwBin               *organizations_bin;
  AdwBin               *insights_bin;
  AdwBin               *search_bin;
  /* Made with the window, for its context */
  RapportPipelineView  *pipeline_view;
  RapportFollowupsView *followups_view;
  /* Made when first shown: nothing of them before the first frame */
  RapportContactsView  *contacts_view;
  GtkWidget            *deals_view;
  RapportOrganizationsView *organizations_view;
  GtkWidget            *insights_view;
  RapportSearchView    *search_view;
  GtkStack             *page_stack;
  GtkStack             *title_stack;
  AdwWindowTitle       *page_title;
  GtkWidget            *back_button;
  AdwViewStackPage     *followups_page;
  AdwBin               *followups_bin;
  GtkWidget            *new_followup_button;

  /* Owned references */
  RapportStore         *store;
  RapportContext       *context;       /* what the views get, with the store */
  GSignalGroup         *reminders_signals; /* on the application's reminders */
  GSettings            *settings;      /* NULL when the schema is not installed */

  /* Owned memory */
  char                 *search_text;
  GPtrArray            *pages;         /* detail pages open, oldest first */
  GBinding             *title_binding;
  GBinding             *window_title_binding;
};

G_DEFINE_FINAL_TYPE (RapportWindow, rapport_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rapport_window_show_top_page (RapportWindow *self);
static void rapport_window_close_pages   (RapportWindow *self);

/* Views made when first shown */

static void
rapport_window_ensure_search_view (RapportWindow *self)
{
  if (self->search_view != NULL)
    return;

  self->search_view = RAPPORT_SEARCH_VIEW (rapport_search_view_new (self->context));
  adw_bin_set_child (self->search_bin, GTK_WIDGET (self->search_view));
}

/* The Contacts and Organizations views cost templates, styles and
 * measuring; the board's first frame needs none of them. */
static void
rapport_window_ensure_views (RapportWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (self->context == NULL || name == NULL)
    return;

  if (self->deals_view == NULL && g_str_equal (name, "deals"))
    {
      self->deals_view = rapport_deals_view_new (self->context);
      adw_bin_set_child (self->deals_bin, self->deals_view);
    }
  else if (self->contacts_view == NULL && g_str_equal (name, "contacts"))
    {
      self->contacts_view = RAPPORT_CONTACTS_VIEW (rapport_contacts_view_new (self->context));
      adw_bin_set_child (self->contacts_bin, GTK_WIDGET (self->contacts_view));
    }
  else if (self->organizations_view == NULL && g_str_equal (name, "organizations"))
    {
      self->organizations_view = RAPPORT_ORGANIZATIONS_VIEW (rapport_organizations_view_new (self->context));
      adw_bin_set_child (self->organizations_bin, GTK_WIDGET (self->organizations_view));
    }
  else if (self->insights_view == NULL && g_str_equal (name, "insights"))
    {
      self->insights_view = rapport_insights_view_new (self->context);
      adw_bin_set_child (self->insights_bin, self->insights_view);
    }
}

/* Search */

static void
on_search_changed (RapportWindow  *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_assert (RAPPORT_IS_WINDOW (self));

  if (g_strcmp0 (text, self->search_text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);

  rapport_window_ensure_search_view (self);
  rapport_search_view_set_text (self->search_view, text);
  /* A new search starts over: its results, and the pages opened from
   * them on top. */
  if (*text != '\0')
    rapport_window_close_pages (self);
  else
    rapport_window_show_top_page (self);
}

/* Enter opens the first result. */
static void
on_search_activate (RapportWindow  *self,
                    GtkSearchEntry *entry)
{
  g_assert (RAPPORT_IS_WINDOW (self));

  if (self->search_view != NULL)
    rapport_search_view_activate_first (self->search_view);
}

/* Down goes from the entry to the results, as in GNOME's other searches. */
static gboolean
on_search_key_pressed (RapportWindow         *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      self->search_view != NULL &&
      gtk_stack_get_visible_child (self->page_stack) == GTK_WIDGET (self->search_bin))
    return rapport_search_view_focus_first (self->search_view);

  return GDK_EVENT_PROPAGATE;
}

static void
on_stop_search (RapportWindow  *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}


/* Pages: search results and detail pages over the views */

/* Shows the newest detail page, else the search results while there is
 * something searched, else the views. */
static void
rapport_window_show_top_page (RapportWindow *self)
{
  GtkWidget *top;

  if (self->pages->len > 0)
    top = g_ptr_array_index (self->pages, self->pages->len - 1);
  else if (self->search_text != NULL && *self->search_text != '\0')
    top = GTK_WIDGET (self->search_bin);
  else
    top = gtk_stack_get_child_by_name (self->page_stack, "views");

  gtk_stack_set_visible_child (self->page_stack, top);
}

/* The window's own title names the record shown, as the Shell's window
 * switcher and a screen reader say it. */
static gboolean
page_to_window_title (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  const char *title = g_value_get_string (from);

  if (title == NULL || *title == '\0')
    g_value_set_string (to, _("Rapport"));
  else
    /* Translators: the window's title while a deal, contact or
     * organization is shown; %s is its name */
    g_value_take_string (to, g_strdup_printf (C_("window title", "%s — Rapport"), title));
  return TRUE;
}

/* A binding ends with its page: holding a reference of our own keeps the
 * pointer valid until we unbind it, whenever the page went. */
static void
clear_binding (GBinding **binding)
{
  if (*binding == NULL)
    return;
  g_binding_unbind (*binding);
  g_clear_object (binding);
}

/* A page or a view that goes away takes the focus with it, out of sight,
 * and GTK 4.8 then moves it nowhere on Tab: a keyboard user was stuck.
 * The focus goes to the first control of what @stack shows instead, unless
 * it is somewhere a user can see (the header bar, the search entry) or
 * nowhere yet (Tab then starts at the top). */
static void
rapport_window_keep_focus_in_sight (RapportWindow *self,
                                    GtkWidget     *stack,
                                    GtkWidget     *shown)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL || shown == NULL || !gtk_widget_get_mapped (shown))
    return;
  if (gtk_widget_get_mapped (focus) &&
      (!gtk_widget_is_ancestor (focus, stack) || gtk_widget_is_ancestor (focus, shown)))
    return;

  gtk_widget_child_focus (shown, GTK_DIR_TAB_FORWARD);
}

static void
on_visible_page_changed (RapportWindow *self,
                         GParamSpec    *pspec,
                         GtkStack      *stack)
{
  GtkWidget *child = gtk_stack_get_visible_child (stack);
  gboolean on_page = child != NULL && g_ptr_array_find (self->pages, child, NULL);
  gboolean on_results = child == GTK_WIDGET (self->search_bin);

  clear_binding (&self->title_binding);
  clear_binding (&self->window_title_binding);
  if (on_page)
    {
      self->title_binding = g_object_ref (g_object_bind_property (child, "title", self->page_title, "title",
                                                                  G_BINDING_SYNC_CREATE));
      self->window_title_binding = g_object_ref (g_object_bind_property_full (child, "title", self, "title",
                                                                              G_BINDING_SYNC_CREATE,
                                                                              page_to_window_title,
                                                                              NULL, NULL, NULL));
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Rapport"));
  if (on_results)
    adw_window_title_set_title (self->page_title, _("Search"));

  /* The view switcher would name a view that is not shown. */
  gtk_stack_set_visible_child_name (self->title_stack, on_page || on_results ? "page" : "switcher");
  /* Escape is the window's only on the results: elsewhere it stays free. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-search", on_results);
  gtk_widget_set_visible (self->back_button, on_page);
  rapport_window_keep_focus_in_sight (self, GTK_WIDGET (stack), child);
}

/* The page of the record with @id of @type among the open ones. */
static GtkWidget *
find_page (RapportWindow *self,
           GType          type,
           gint64         id)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      GtkWidget *page = g_ptr_array_index (self->pages, i);
      RapportRecord *record = NULL;

      if (G_OBJECT_TYPE (page) != type)
        continue;
      if (RAPPORT_IS_CONTACT_DETAIL (page))
        record = RAPPORT_RECORD (rapport_contact_detail_get_contact (RAPPORT_CONTACT_DETAIL (page)));
      else if (RAPPORT_IS_DEAL_DETAIL (page))
        record = RAPPORT_RECORD (rapport_deal_detail_get_deal (RAPPORT_DEAL_DETAIL (page)));
      else if (RAPPORT_IS_ORGANIZATION_DETAIL (page))
        record = RAPPORT_RECORD (rapport_organization_detail_get_organization (RAPPORT_ORGANIZATION_DETAIL (page)));

      if (record != NULL && rapport_record_get_id (record) == id)
        return page;
    }

  return NULL;
}

static void
remove_page (RapportWindow *self,
             GtkWidget     *page)
{
  g_ptr_array_remove (self->pages, page);
  gtk_stack_remove (self->page_stack, page);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

/* Back returns the keyboard focus where it was when @page opened (the
 * card or row that opened it), as a user of the keyboard expects. */
static void
remember_focus (RapportWindow *self,
                GtkWidget     *page)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GWeakRef *ref;

  if (focus == NULL)
    return;

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, focus);
  g_object_set_data_full (G_OBJECT (page), "rapport-return-focus", ref, (GDestroyNotify) weak_ref_free);
}

static void
restore_focus (GtkWidget *page)
{
  GWeakRef *ref = g_object_get_data (G_OBJECT (page), "rapport-return-focus");
  g_autoptr(GtkWidget) focus = ref != NULL ? g_weak_ref_get (ref) : NULL;

  if (focus != NULL && gtk_widget_get_mapped (focus))
    gtk_widget_grab_focus (focus);
}

/* Opens @page on top; a page already open for the same record moves to
 * the top instead, so Back never walks through the same record twice. */
static void
rapport_window_push_page (RapportWindow *self,
                          GtkWidget     *page,
                          GtkWidget     *existing)
{
  if (existing != NULL)
    {
      g_object_ref_sink (page);
      g_object_unref (page);
      g_ptr_array_remove (self->pages, existing);
      g_ptr_array_add (self->pages, existing);
      /* The new one is gone: what follows is the existing page's. */
      page = existing;
    }
  else
    {
      gtk_stack_add_child (self->page_stack, page);
      g_ptr_array_add (self->pages, page);
    }

  remember_focus (self, page);
  rapport_window_show_top_page (self);

  /* The stack would move the focus to the page's first field, with its
   * text selected: a key typed next would replace it. The page itself
   * takes the focus; Tab goes on into it, typing starts a search. */
  gtk_widget_set_focusable (page, TRUE);
  gtk_widget_grab_focus (page);
}

static void
rapport_window_open_record_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  GtkWidget *page = NULL;
  GType type;

  if (g_str_equal (action_name, "win.open-contact"))
    {
      g_autoptr(RapportContact) contact = rapport_store_get_contact (self->store, id, &error);

      type = RAPPORT_TYPE_CONTACT_DETAIL;
      if (contact != NULL)
        page = rapport_contact_detail_new (self->context, contact);
    }
  else if (g_str_equal (action_name, "win.open-deal"))
    {
      g_autoptr(RapportDeal) deal = rapport_store_get_deal (self->store, id, &error);

      type = RAPPORT_TYPE_DEAL_DETAIL;
      if (deal != NULL)
        page = rapport_deal_detail_new (self->context, deal);
    }
  else
    {
      g_autoptr(RapportOrganization) organization = rapport_store_get_organization (self->store, id, &error);

      type = RAPPORT_TYPE_ORGANIZATION_DETAIL;
      if (organization != NULL)
        page = rapport_organization_detail_new (self->context, organization);
    }

  if (page == NULL)
    {
      rapport_context_add_toast (self->context, adw_toast_new (error->message));
      return;
    }

  rapport_window_push_page (self, page, find_page (self, type, id));
}

static void
rapport_window_back_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  GtkWidget *top;

  if (self->pages->len == 0)
    return;

  top = g_object_ref (g_ptr_array_index (self->pages, self->pages->len - 1));
  g_ptr_array_remove_index (self->pages, self->pages->len - 1);
  rapport_window_show_top_page (self);
  gtk_stack_remove (self->page_stack, top);
  restore_focus (top);
  g_object_unref (top);
}

/* Back to the views from any depth (a view's tab or shortcut). */
static void
rapport_window_close_pages (RapportWindow *self)
{
  while (self->pages->len > 0)
    remove_page (self, g_ptr_array_index (self->pages, self->pages->len - 1));
  rapport_window_show_top_page (self);
}

/* Escape on the search results (the focus in a result): the search ends,
 * as Escape in the entry does. */
static void
rapport_window_stop_search_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  if (gtk_stack_get_visible_child (self->page_stack) != GTK_WIDGET (self->search_bin))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
rapport_window_undo_step_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  rapport_context_undo_step (self->context, g_variant_get_uint64 (parameter));
}

static void
rapport_window_undo_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  rapport_context_undo (self->context);
}

/* Follow-ups */

static void
on_visible_view_changed (RapportWindow *self,
                         GParamSpec    *pspec,
                         AdwViewStack  *stack)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);

  g_assert (RAPPORT_IS_WINDOW (self));

  if (self->new_followup_button != NULL)
    gtk_widget_set_visible (self->new_followup_button, g_strcmp0 (name, "followups") == 0);

  rapport_window_ensure_views (self);
  rapport_window_keep_focus_in_sight (self, GTK_WIDGET (stack), adw_view_stack_get_visible_child (stack));
}

static void
on_n_overdue_changed (RapportWindow        *self,
                      GParamSpec           *pspec,
                      RapportFollowupsView *view)
{
  guint n = rapport_followups_view_get_n_overdue (view);

  g_assert (RAPPORT_IS_WINDOW (self));

  adw_view_stack_page_set_badge_number (self->followups_page, n);
  adw_view_stack_page_set_needs_attention (self->followups_page, n > 0);
}

static void
on_reminder (RapportWindow   *self,
             RapportActivity *activity,
             const char      *text,
             gpointer         reminders)
{
  gint64 id = activity != NULL ? rapport_record_get_id (RAPPORT_RECORD (activity)) : 0;

  g_assert (RAPPORT_IS_WINDOW (self));

  rapport_reminder_banner_show (self->reminder_banner, id, text);
}

/* A lead marked contacted from a reminder: Ctrl+Z, or the toast's Undo,
 * takes the logged first contact back with the follow-up's Done. */
static void
on_contacted (RapportWindow   *self,
              RapportActivity *followup,
              RapportActivity *logged,
              gpointer         reminders)
{
  g_autofree char *label = NULL;
  guint64 step;

  g_assert (RAPPORT_IS_WINDOW (self));

  /* Translators: a lead marked contacted from a reminder; %s is the follow-up's title */
  label = g_strdup_printf (_("“%s” done — first contact logged"), rapport_activity_get_title (followup));
  step = rapport_edit_push_undo_log (self->context, label, logged, NULL);
  rapport_context_add_toast (self->context, rapport_context_undo_toast_new (self->context, label, step));
}

static void
on_server_available (RapportWindow *self)
{
  RapportReminders *reminders = g_signal_group_dup_target (self->reminders_signals);

  g_assert (RAPPORT_IS_WINDOW (self));

  rapport_followups_view_set_show_notice (self->followups_view,
                                          reminders != NULL &&
                                          !rapport_reminders_get_server_available (reminders));
  g_clear_object (&reminders);
}

static void
on_app_reminders_changed (RapportWindow *self,
                          GParamSpec    *pspec,
                          GApplication  *app)
{
  RapportReminders *reminders = NULL;

  g_assert (RAPPORT_IS_WINDOW (self));

  g_object_get (app, "reminders", &reminders, NULL);
  g_signal_group_set_target (self->reminders_signals, reminders);
  g_clear_object (&reminders);
  on_server_available (self);
}

/* Follows the application's reminders, which come and go with the store. */
static void
rapport_window_follow_reminders (RapportWindow *self)
{
  GApplication *app = g_application_get_default ();

  g_assert (RAPPORT_IS_WINDOW (self));

  self->reminders_signals = g_signal_group_new (RAPPORT_TYPE_REMINDERS);
  g_signal_group_connect_swapped (self->reminders_signals, "in-app-reminder",
                                  G_CALLBACK (on_reminder), self);
  g_signal_group_connect_swapped (self->reminders_signals, "contacted",
                                  G_CALLBACK (on_contacted), self);
  g_signal_group_connect_swapped (self->reminders_signals, "notify::server-available",
                                  G_CALLBACK (on_server_available), self);

  if (app == NULL || g_object_class_find_property (G_OBJECT_GET_CLASS (app), "reminders") == NULL)
    return;

  g_signal_connect_object (app, "notify::reminders", G_CALLBACK (on_app_reminders_changed),
                           self, G_CONNECT_SWAPPED);
  on_app_reminders_changed (self, NULL, app);
}

/* Actions */

static void
rapport_window_search_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* GNOME Shell's "search in the app": the search with those words. */
static void
rapport_window_search_for_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), g_variant_get_string (parameter, NULL));
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
rapport_window_show_view_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;

  rapport_window_close_pages (self);
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* Modal over the window; each dialog stores through the store and reports
 * on this window's toast overlay, then closes itself. */
static void
rapport_window_new_deal_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (rapport_deal_dialog_new (GTK_WINDOW (self), self->context)));
}

static void
rapport_window_import_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  rapport_import_choose (self->context, GTK_WINDOW (self));
}

/* A file dropped on the window (a spreadsheet, cards, a calendar) is
 * imported like one chosen with Import…; only the first of several. */
static gboolean
on_file_dropped (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 RapportWindow *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL)
    return FALSE;
  rapport_import_file (self->context, GTK_WINDOW (self), files->data);
  return TRUE;
}

/* The current pipeline's after-sales plan alone, in a small window (the
 * process editor has it too, below the stages). */
static void
rapport_window_after_sales_plan_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  RapportStore *store = rapport_context_get_store (self->context);
  g_autoptr(RapportPipeline) pipeline = rapport_store_get_current_pipeline (store);

  if (pipeline != NULL)
    rapport_after_sales_editor_present (GTK_WINDOW (self), store, pipeline);
}

/* The process editor, over the window, on the board's pipeline. */
static void
rapport_window_edit_process_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (rapport_process_editor_new (self->context, GTK_WINDOW (self), NULL)));
}

/* One Duplicates page: opened again, it moves to the top and looks anew. */
static void
rapport_window_find_duplicates_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  for (guint i = 0; i < self->pages->len; i++)
    {
      GtkWidget *page = g_ptr_array_index (self->pages, i);

      if (RAPPORT_IS_DUPLICATES_VIEW (page))
        {
          rapport_duplicates_view_refresh (RAPPORT_DUPLICATES_VIEW (page));
          rapport_window_push_page (self, rapport_duplicates_view_new (self->context), page);
          return;
        }
    }
  rapport_window_push_page (self, rapport_duplicates_view_new (self->context), NULL);
}

static void
rapport_window_new_lead_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (rapport_lead_dialog_new (GTK_WINDOW (self), self->context)));
}

static void
rapport_window_new_contact_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (rapport_lead_dialog_new_contact (GTK_WINDOW (self), self->context)));
}

static void
rapport_window_new_followup_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  rapport_followups_view_new_followup (self->followups_view);
}

/* The deal a card's menu names, or NULL (and why, in a toast). */
static RapportDeal *
rapport_window_lookup_deal (RapportWindow *self,
                            GVariant      *parameter)
{
  g_autoptr(GError) error = NULL;
  RapportDeal *deal;

  if (self->store == NULL)
    return NULL;

  deal = rapport_store_get_deal (self->store, g_variant_get_int64 (parameter), &error);
  if (deal == NULL)
    rapport_context_add_toast (self->context, adw_toast_new (error->message));
  return deal;
}

/* From a deal card: the New Follow-up dialog for that deal. */
static void
rapport_window_schedule_followup_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  g_autoptr(RapportDeal) deal = rapport_window_lookup_deal (self, parameter);

  if (deal != NULL)
    rapport_followups_view_new_followup_for_deal (self->followups_view, deal);
}

/* From a deal card: Move to Another Pipeline… (the deal page has its own
 * deal.move-to-pipeline). */
static void
rapport_window_move_deal_to_pipeline_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  g_autoptr(RapportDeal) deal = rapport_window_lookup_deal (self, parameter);

  if (deal != NULL)
    rapport_pipeline_move_dialog_ask (self->context, widget, deal);
}

/* From a reminder: the Follow-ups view, at that follow-up when shown
 * (0: a summary of many). */
static void
rapport_window_open_followup_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);

  rapport_window_close_pages (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "followups");
  if (id > 0)
    rapport_followups_view_focus_followup (self->followups_view, id);
}

/* Settings */

static void
rapport_window_bind_settings (RapportWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_assert (RAPPORT_IS_WINDOW (self));

  /* g_settings_new() aborts on a missing schema; running from the build
   * tree without GSETTINGS_SCHEMA_DIR should cost the saved size, not the
   * process. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; the window size and view will not be saved",
                 APPLICATION_ID);
      return;
    }

  self->settings = g_settings_new_full (schema, NULL, NULL);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "last-view", self->view_stack, "visible-child-name", G_SETTINGS_BIND_DEFAULT);
}

/* Before the template goes: a view stack losing its pages would otherwise
 * write a NULL page name into last-view. */
static void
rapport_window_unbind_settings (RapportWindow *self)
{
  if (self->settings == NULL)
    return;

  g_settings_unbind (self, "default-width");
  g_settings_unbind (self, "default-height");
  g_settings_unbind (self, "maximized");
  g_settings_unbind (self->view_stack, "visible-child-name");
  if (self->pipeline_view != NULL)
    g_settings_unbind (self->pipeline_view, "deals-shown");
  g_clear_object (&self->settings);
}

/* GObject */

/* A deleted record's page closes, as does a merged one's (it comes back
 * with the undo, when the user opens it again). */
static void
on_store_notice (RapportWindow       *self,
                 const RapportNotice *notice,
                 RapportStore        *store)
{
  GType type;
  GtkWidget *page;

  if (notice->change != RAPPORT_CHANGE_REMOVED)
    return;
  if (notice->entity == RAPPORT_ENTITY_DEAL)
    type = RAPPORT_TYPE_DEAL_DETAIL;
  else if (notice->entity == RAPPORT_ENTITY_CONTACT)
    type = RAPPORT_TYPE_CONTACT_DETAIL;
  else if (notice->entity == RAPPORT_ENTITY_ORGANIZATION)
    type = RAPPORT_TYPE_ORGANIZATION_DETAIL;
  else
    return;

  while ((page = find_page (self, type, notice->id)) != NULL)
    remove_page (self, page);
  rapport_window_show_top_page (self);
}

static void
rapport_window_constructed (GObject *object)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  G_OBJECT_CLASS (rapport_window_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));

  rapport_window_bind_settings (self);

  /* One context for all the views: the store, one undo history, and
   * this window's toast overlay. */
  self->context = rapport_context_new (self->store);
  rapport_context_set_toast_overlay (self->context, self->toast_overlay);
  rapport_reminder_banner_set_store (self->reminder_banner, self->store);
  g_signal_connect_object (self->store, "notice", G_CALLBACK (on_store_notice), self, G_CONNECT_SWAPPED);

  self->pipeline_view = RAPPORT_PIPELINE_VIEW (rapport_pipeline_view_new (self->context));
  adw_bin_set_child (self->pipeline_bin, GTK_WIDGET (self->pipeline_view));
  /* My Deals or Everyone is this desktop's choice, not the team's. */
  if (self->settings != NULL)
    g_settings_bind (self->settings, "board-deals-shown", self->pipeline_view, "deals-shown",
                     G_SETTINGS_BIND_DEFAULT);
  self->followups_view = RAPPORT_FOLLOWUPS_VIEW (rapport_followups_view_new (self->context));
  adw_bin_set_child (self->followups_bin, GTK_WIDGET (self->followups_view));
  rapport_window_ensure_views (self);

  g_signal_connect_object (self->followups_view, "notify::n-overdue",
                           G_CALLBACK (on_n_overdue_changed), self, G_CONNECT_SWAPPED);
  on_n_overdue_changed (self, NULL, self->followups_view);
  on_visible_view_changed (self, NULL, self->view_stack);

  rapport_window_follow_reminders (self);
}

static void
rapport_window_dispose (GObject *object)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  rapport_window_unbind_settings (self);

  if (self->reminders_signals != NULL)
    g_signal_group_set_target (self->reminders_signals, NULL);
  g_clear_object (&self->reminders_signals);

  clear_binding (&self->title_binding);
  clear_binding (&self->window_title_binding);
  if (self->pages != NULL)
    g_ptr_array_set_size (self->pages, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_WINDOW);
  /* They went with their bins. */
  self->pipeline_view = NULL;
  self->followups_view = NULL;
  self->contacts_view = NULL;
  self->deals_view = NULL;
  self->organizations_view = NULL;
  self->insights_view = NULL;
  self->search_view = NULL;

  g_clear_object (&self->context);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_window_parent_class)->dispose (object);
}

static void
rapport_window_finalize (GObject *object)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_window_parent_class)->finalize (object);
}

static void
rapport_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, rapport_window_get_search_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_window_class_init (RapportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_window_constructed;
  object_class->dispose = rapport_window_dispose;
  object_class->finalize = rapport_window_finalize;
  object_class->get_property = rapport_window_get_property;
  object_class->set_property = rapport_window_set_property;

  /**
   * RapportWindow:store:
   *
   * The database this window shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportWindow:search-text:
   *
   * What the user typed in the search bar; the views filter by it.
   */
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL,
                         "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/window.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, team_status);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, pipeline_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, followups_page);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, followups_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, new_followup_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, contacts_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, deals_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, reminder_banner);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, organizations_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, insights_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, search_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, back_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_view_changed);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, rapport_window_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_install_action (widget_class, "win.search-for", "s", rapport_window_search_for_action);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", rapport_window_show_view_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "pipeline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "deals");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "s", "contacts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-view", "s", "organizations");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.show-view", "s", "insights");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_ALT_MASK, "win.show-view", "s", "followups");

  gtk_widget_class_install_action (widget_class, "win.open-contact", "x", rapport_window_open_record_action);
  gtk_widget_class_install_action (widget_class, "win.open-deal", "x", rapport_window_open_record_action);
  gtk_widget_class_install_action (widget_class, "win.open-organization", "x", rapport_window_open_record_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, rapport_window_back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.back", NULL);
  gtk_widget_class_install_action (widget_class, "win.stop-search", NULL, rapport_window_stop_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.stop-search", NULL);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, rapport_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-step", "t", rapport_window_undo_step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);

  gtk_widget_class_install_action (widget_class, "win.new-deal", NULL, rapport_window_new_deal_action);
  gtk_widget_class_install_action (widget_class, "win.new-lead", NULL, rapport_window_new_lead_action);
  gtk_widget_class_install_action (widget_class, "win.new-contact", NULL, rapport_window_new_contact_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-deal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-lead", NULL);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, rapport_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.find-duplicates", NULL, rapport_window_find_duplicates_action);
  gtk_widget_class_install_action (widget_class, "win.after-sales-plan", NULL, rapport_window_after_sales_plan_action);
  gtk_widget_class_install_action (widget_class, "win.edit-process", NULL, rapport_window_edit_process_action);
  gtk_widget_class_install_action (widget_class, "win.new-followup", NULL, rapport_window_new_followup_action);
  gtk_widget_class_install_action (widget_class, "win.open-followup", "x", rapport_window_open_followup_action);
  gtk_widget_class_install_action (widget_class, "win.schedule-followup", "x", rapport_window_schedule_followup_action);
  gtk_widget_class_install_action (widget_class, "win.move-deal-to-pipeline", "x",
                                   rapport_window_move_deal_to_pipeline_action);
}

static void
rapport_window_init (RapportWindow *self)
{
  GtkDropTarget *drop;

  self->pages = g_ptr_array_new ();

  g_type_ensure (RAPPORT_TYPE_REMINDER_BANNER);
  g_type_ensure (RAPPORT_TYPE_TEAM_STATUS);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The entry sits in a clamp, so the bar cannot find it by itself; typing
   * anywhere in the window (outside another entry) starts a search. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-search", FALSE);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_file_dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

RapportWindow *
rapport_window_new (GtkApplication *application,
                    RapportStore   *store)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

/**
 * rapport_window_get_search_text:
 *
 * Returns: (transfer none) (not nullable): the text of the search bar
 */
RapportContext *
rapport_window_get_context (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);

  return self->context;
}

/* A change the team's server refused is undone in the file already: say
 * why, until the user has read it. */
static void
on_team_refused (RapportWindow *self,
                 const char    *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  rapport_context_add_toast (self->context, toast);
}

void
rapport_window_set_team_sync (RapportWindow   *self,
                              RapportTeamSync *sync)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  rapport_team_status_set_team_sync (self->team_status, sync);
  if (sync != NULL)
    g_signal_connect_object (sync, "refused", G_CALLBACK (on_team_refused), self, G_CONNECT_SWAPPED);
}

const char *
rapport_window_get_search_text (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);

  return self->search_text != NULL ? self->search_text : "";
}
