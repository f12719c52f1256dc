/* rapport-organizations-view.c — the organizations list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Unfiltered, the table shows the store's list of every organization (ids
 * only; objects are made for the rows on screen), sorted by the column
 * the user chose and only those of the tag chosen, both done by SQL over
 * an index. Filtered by text, it shows a
 * short list the store finds by index: names starting with the text, then
 * the other matches of the global search (a word of the name, the
 * website, the phone, a note). Nothing is read before the view is first
 * shown, so the app opens as fast without it.
 */

#define G_LOG_DOMAIN "rapport-organizations-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-column-sort.h"
#include "rapport-edit.h"
#include "rapport-debounce.h"
#include "rapport-organizations-view.h"
#include "rapport-tag-filter.h"

/* A filter shows at most this many: enough to scan, not to scroll. */
#define FILTER_PREFIX_LIMIT 200
#define FILTER_SEARCH_LIMIT 50

struct _RapportOrganizationsView
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkWidget      *bar;
  GtkSearchEntry *filter_entry;
  GtkLabel       *count_label;
  GtkStack       *stack;
  GtkColumnView  *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *website_column;
  GtkColumnViewColumn *phone_column;
  GtkColumnViewColumn *industry_column;
  GtkColumnViewColumn *size_column;
  AdwStatusPage  *no_match_page;
  AdwBin         *tag_bin;

  /* Owned */
  RapportContext *context;
  RapportStore   *store;   /* the context's */
  GListModel     *all;          /* every organization (of the tag); NULL until shown */
  RapportTagFilter *tag_filter;
  RapportColumnSort *column_sort;
  RapportOrganizationSort sort;
  gboolean        descending;
  GListModel     *shown;        /* @all or a filtered list */
  RapportDebounce refilter;        /* a burst of notices while filtering */
  gboolean        capped;       /* the filter found more than it shows */
};

G_DEFINE_FINAL_TYPE (RapportOrganizationsView, rapport_organizations_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rapport_organizations_view_set_store (RapportOrganizationsView *self,
                                                  RapportStore             *store);

static void rapport_organizations_view_refilter (RapportOrganizationsView *self);

static const char *
filter_text (RapportOrganizationsView *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
}

static gboolean
is_filtering (RapportOrganizationsView *self)
{
  g_autofree char *text = g_strstrip (g_strdup (filter_text (self)));

  return *text != '\0';
}

/* The count and which page shows; called when the list's length changes. */
static void
update_state (RapportOrganizationsView *self)
{
  guint n_items = self->shown != NULL ? g_list_model_get_n_items (self->shown) : 0;
  g_autofree char *count = NULL;

  g_assert (RAPPORT_IS_ORGANIZATIONS_VIEW (self));

  if (self->shown == NULL)
    return;

  if (is_filtering (self))
    {
      if (self->capped)
        /* Translators: a filter found more than the list shows */
        count = g_strdup_printf (_("First %'u matches"), n_items);
      else
        count = g_strdup_printf (ngettext ("%'u match", "%'u matches", n_items), n_items);
    }
  else
    {
      count = g_strdup_printf (ngettext ("%'u organization", "%'u organizations", n_items),
                               n_items);
    }
  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), n_items > 0);
  /* Nothing to filter until there is an organization; the empty page
   * has its own New Organization button. */
  gtk_widget_set_visible (self->bar, n_items > 0 || is_filtering (self) ||
                          (self->tag_filter != NULL && rapport_tag_filter_get_tag (self->tag_filter) != NULL));

  if (n_items > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
  else if (is_filtering (self))
    {
      g_autofree char *description =
        /* Translators: %s is the text typed in the filter */
        g_strdup_printf (_("No organization matches “%s”"), filter_text (self));

      adw_status_page_set_description (self->no_match_page, description);
      gtk_stack_set_visible_child_name (self->stack, "no-match");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

static void
on_items_changed (RapportOrganizationsView *self,
                  guint                     position,
                  guint                     removed,
                  guint                     added,
                  GListModel               *model)
{
  if (removed != added)
    update_state (self);
}

static void
show_model (RapportOrganizationsView *self,
            GListModel               *model)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_assert (RAPPORT_IS_ORGANIZATIONS_VIEW (self));

  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_func (self->shown, on_items_changed, self);
  g_set_object (&self->shown, model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changed), self,
                           G_CONNECT_SWAPPED);

  selection = gtk_no_selection_new (g_object_ref (model));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  update_state (self);
}

static void
add_unique (GListStore   *list,
            GHashTable   *seen,
            GHashTable   *tagged,
            GObject      *organization)
{
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (organization));

  if (g_hash_table_contains (seen, &id) || (tagged != NULL && !g_hash_table_contains (tagged, &id)))
    return;

  g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
  g_list_store_append (list, organization);
}

/* A few hundred at most, found by index: names starting with @text first
 * (by name), then what the global search finds elsewhere (best first). */
static GListModel *
find_organizations (RapportOrganizationsView *self,
                    const char               *text)
{
  g_autoptr(GListStore) list = g_list_store_new (RAPPORT_TYPE_ORGANIZATION);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) by_name = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GHashTable) tagged = NULL;
  g_autoptr(GError) error = NULL;
  const char *tag = rapport_tag_filter_get_tag (self->tag_filter);

  /* With a tag, the matches that have it: a few hundred looked up. */
  if (tag != NULL)
    tagged = rapport_store_get_tagged (self->store, RAPPORT_ENTITY_ORGANIZATION, tag, NULL);

  by_name = rapport_store_find_organizations_by_prefix (self->store, text, FILTER_PREFIX_LIMIT, &error);
  if (by_name == NULL)
    {
      g_warning ("Could not filter organizations: %s", error->message);
      g_clear_error (&error);
    }
  else
    {
      for (guint i = 0; i < by_name->len; i++)
        add_unique (list, seen, tagged, g_ptr_array_index (by_name, i));
    }
  self->capped = by_name != NULL && by_name->len >= FILTER_PREFIX_LIMIT;

  if (!self->capped)
    hits = rapport_store_search (self->store, text, FILTER_SEARCH_LIMIT, &error);
  if (hits == NULL && error != NULL)
    g_warning ("Could not search organizations: %s", error->message);

  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      const RapportSearchHit *hit = &g_array_index (hits, RapportSearchHit, i);
      g_autoptr(RapportOrganization) organization = NULL;

      if (hit->kind != RAPPORT_SEARCH_ORGANIZATION)
        continue;

      organization = rapport_store_get_organization (self->store, hit->id, NULL);
      if (organization != NULL)
        add_unique (list, seen, tagged, G_OBJECT (organization));
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

static void
rapport_organizations_view_refilter (RapportOrganizationsView *self)
{
  g_autofree char *text = NULL;

  g_assert (RAPPORT_IS_ORGANIZATIONS_VIEW (self));

  rapport_debounce_cancel (&self->refilter);

  if (self->store == NULL || self->all == NULL)
    return;

  text = g_strstrip (g_strdup (filter_text (self)));
  if (*text == '\0')
    {
      self->capped = FALSE;
      if (self->shown != self->all)
        show_model (self, self->all);
      else
        update_state (self);
    }
  else
    {
      g_autoptr(GListModel) found = find_organizations (self, text);

      show_model (self, found);
    }
}

static void
on_filter_changed (RapportOrganizationsView *self,
                   GtkSearchEntry           *entry)
{
  rapport_organizations_view_refilter (self);
}

/* Enter opens the first organization listed. */
static void
on_filter_activate (RapportOrganizationsView *self,
                    GtkSearchEntry           *entry)
{
  g_autoptr(RapportRecord) first = NULL;

  if (self->shown == NULL || !is_filtering (self))
    return;

  first = g_list_model_get_item (self->shown, 0);
  if (first != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-organization", "x",
                                rapport_record_get_id (first));
}

static void
on_filter_stop (RapportOrganizationsView *self,
                GtkSearchEntry           *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* The unfiltered list follows the store by itself; a filtered one is
 * found again, once for a burst of changes. */
static void
on_organizations_notice (RapportOrganizationsView *self,
                         const RapportNotice      *notice,
                         RapportStore             *store)
{
  if (self->all != NULL && is_filtering (self))
    rapport_debounce_queue (&self->refilter);
}

static void
on_row_activate (RapportOrganizationsView *self,
                 guint                     position,
                 GtkColumnView            *column_view)
{
  g_autoptr(RapportRecord) organization = NULL;

  if (self->shown == NULL)
    return;

  organization = g_list_model_get_item (self->shown, position);
  if (organization != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-organization", "x",
                                rapport_record_get_id (organization));
}

/* Reading the list waits for the first time it is shown. */
static void
rapport_organizations_view_load (RapportOrganizationsView *self)
{
  g_assert (RAPPORT_IS_ORGANIZATIONS_VIEW (self));

  if (self->store == NULL || self->all != NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->all = rapport_store_query_organizations (self->store, self->sort, self->descending,
                                                 rapport_tag_filter_get_tag (self->tag_filter));
  if (is_filtering (self))
    rapport_organizations_view_refilter (self);
  else
    show_model (self, self->all);
}

/* A new sort or tag: a new list from the store, if one was shown. */
static void
rapport_organizations_view_requery (RapportOrganizationsView *self)
{
  if (self->all == NULL)
    return;
  g_clear_object (&self->all);
  rapport_organizations_view_load (self);
}

static void
on_sort_changed (gpointer data,
                 int      column,
                 gboolean descending)
{
  RapportOrganizationsView *self = data;
  RapportOrganizationSort sort = column >= 0 ? (RapportOrganizationSort) column : RAPPORT_ORGANIZATION_SORT_NAME;

  if (sort == self->sort && descending == self->descending)
    return;
  self->sort = sort;
  self->descending = descending;
  rapport_organizations_view_requery (self);
}

static void
on_tag_changed (RapportOrganizationsView *self)
{
  rapport_organizations_view_requery (self);
}

/* The Size column: a number of employees, or nothing. */
static char *
format_size (gpointer this_,
             gint64   size)
{
  return size > 0 ? g_strdup_printf ("%'" G_GINT64_FORMAT, size) : g_strdup ("");
}

static void
rapport_organizations_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rapport_organizations_view_parent_class)->map (widget);

  rapport_organizations_view_load (RAPPORT_ORGANIZATIONS_VIEW (widget));
}

/* New Organization: a name, then its page */

static void
on_new_response (AdwMessageDialog         *dialog,
                 const char               *response,
                 RapportOrganizationsView *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "rapport-name-entry");
  g_autofree char *name = NULL;
  g_autoptr(RapportOrganization) organization = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "create") || self->store == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  organization = rapport_store_add_organization (self->store, name, &error);
  if (organization == NULL)
    {
      rapport_context_report_error (self->context, error);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-organization", "x",
                              rapport_record_get_id (RAPPORT_RECORD (organization)));
}

static void
on_new_name_changed (GtkEditable      *entry,
                     AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "create", *name != '\0');
}

static void
rapport_organizations_view_new_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  RapportOrganizationsView *self = RAPPORT_ORGANIZATIONS_VIEW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;
  GtkRoot *root = gtk_widget_get_root (widget);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("New Organization"), NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name"));
  /* Enter presses Create (the default response) when it is enabled. */
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "rapport-name-entry", entry);

  g_signal_connect_object (entry, "changed", G_CALLBACK (on_new_name_changed), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_response), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
rapport_organizations_view_dispose (GObject *object)
{
  RapportOrganizationsView *self = RAPPORT_ORGANIZATIONS_VIEW (object);

  rapport_debounce_cancel (&self->refilter);
  g_clear_pointer (&self->column_sort, rapport_column_sort_free);
  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_func (self->shown, on_items_changed, self);
  g_clear_object (&self->shown);
  g_clear_object (&self->all);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_organizations_view_parent_class)->dispose (object);
}

static void
rapport_organizations_view_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  RapportOrganizationsView *self = RAPPORT_ORGANIZATIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_organizations_view_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  RapportOrganizationsView *self = RAPPORT_ORGANIZATIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      rapport_organizations_view_set_store (self, rapport_context_get_store (self->context));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_organizations_view_class_init (RapportOrganizationsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_organizations_view_dispose;
  object_class->get_property = rapport_organizations_view_get_property;
  object_class->set_property = rapport_organizations_view_set_property;
  widget_class->map = rapport_organizations_view_map;

  /**
   * RapportOrganizationsView:context:
   *
   * The store shown and edited, the undo history and the toasts.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The rows' templates look properties up on this type. */
  g_type_ensure (RAPPORT_TYPE_ORGANIZATION);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/organizations/organizations-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationsView, bar);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationsView, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationsView, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationsView, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationsView, name_column);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationsView, website_column);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationsView, phone_column);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationsView, industry_column);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationsView, size_column);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationsView, tag_bin);
  gtk_widget_class_bind_template_callback (widget_class, format_size);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activate);

  gtk_widget_class_install_action (widget_class, "organizations.new", NULL,
                                   rapport_organizations_view_new_action);
}

static void
rapport_organizations_view_init (RapportOrganizationsView *self)
{
  GtkColumnViewColumn *columns[5];

  rapport_debounce_init (&self->refilter, 0, (RapportDebounceFunc) rapport_organizations_view_refilter, self);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the order of RapportOrganizationSort. */
  columns[RAPPORT_ORGANIZATION_SORT_NAME] = self->name_column;
  columns[RAPPORT_ORGANIZATION_SORT_WEBSITE] = self->website_column;
  columns[RAPPORT_ORGANIZATION_SORT_PHONE] = self->phone_column;
  columns[RAPPORT_ORGANIZATION_SORT_INDUSTRY] = self->industry_column;
  columns[RAPPORT_ORGANIZATION_SORT_SIZE] = self->size_column;
  self->column_sort = rapport_column_sort_new (self->column_view, columns, G_N_ELEMENTS (columns),
                                               on_sort_changed, self);
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);
}

/* Shows @store, the context's, for the view's whole life. */
static void
rapport_organizations_view_set_store (RapportOrganizationsView *self,
                                      RapportStore             *store)
{
  g_return_if_fail (RAPPORT_IS_ORGANIZATIONS_VIEW (self));
  g_return_if_fail (store == NULL || RAPPORT_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  if (!g_set_object (&self->store, store))
    return;

  gtk_column_view_set_model (self->column_view, NULL);
  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_func (self->shown, on_items_changed, self);
  g_clear_object (&self->shown);
  g_clear_object (&self->all);

  if (store != NULL)
    g_signal_connect_object (store, "notice::organization", G_CALLBACK (on_organizations_notice),
                             self, G_CONNECT_SWAPPED);

  self->tag_filter = store != NULL ? RAPPORT_TAG_FILTER (rapport_tag_filter_new (store, RAPPORT_ENTITY_ORGANIZATION))
                                   : NULL;
  adw_bin_set_child (self->tag_bin, GTK_WIDGET (self->tag_filter));
  if (self->tag_filter != NULL)
    g_signal_connect_object (self->tag_filter, "notify::tag", G_CALLBACK (on_tag_changed), self,
                             G_CONNECT_SWAPPED);

  rapport_organizations_view_load (self);
}

GtkWidget *
rapport_organizations_view_new (RapportContext *context)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_ORGANIZATIONS_VIEW, "context", context, NULL);
}
