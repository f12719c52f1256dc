/* rapport-contacts-view.c — the contacts list: sortable columns, lifecycle filter, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list can hold 200 000 contacts, so nothing here sorts or filters
 * objects: every change of column, direction, lifecycle or search asks the
 * store for a new list (SQL does the work over an index, and the list holds
 * only ids) and puts it under the selection model. The column view only
 * shows the sort arrows and tells which column the user clicked.
 */

#define G_LOG_DOMAIN "rapport-contacts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-column-sort.h"
#include "rapport-contacts-view.h"
#include "rapport-format.h"
#include "rapport-locale.h"
#include "rapport-tag-filter.h"

typedef enum
{
  CELL_TEXT,
  CELL_ORGANIZATION,
  CELL_LIFECYCLE,
  CELL_PAST_DAY,
  CELL_FUTURE_DAY,
} CellKind;

typedef struct
{
  const char         *title;     /* translated when used */
  const char         *property;  /* of RapportContact, for notify */
  RapportContactSort  sort;
  CellKind            kind;
  int                 width;     /* fixed width, or -1 to expand */
} ColumnInfo;

static const ColumnInfo column_infos[] = {
  { N_("Name"),          "name",              RAPPORT_CONTACT_SORT_NAME,          CELL_TEXT,         -1 },
  { N_("Organization"),  "organization-id",   RAPPORT_CONTACT_SORT_ORGANIZATION,  CELL_ORGANIZATION, 200 },
  { N_("Email"),         "email",             RAPPORT_CONTACT_SORT_EMAIL,         CELL_TEXT,         -1 },
  { N_("Phone"),         "phone",             RAPPORT_CONTACT_SORT_PHONE,         CELL_TEXT,         150 },
  { N_("Lifecycle"),     "lifecycle",         RAPPORT_CONTACT_SORT_LIFECYCLE,     CELL_LIFECYCLE,    110 },
  { N_("Last Contact"),  "last-contacted-at", RAPPORT_CONTACT_SORT_LAST_CONTACT,  CELL_PAST_DAY,     120 },
  { N_("Next Follow-up"), "next-followup-at", RAPPORT_CONTACT_SORT_NEXT_FOLLOWUP, CELL_FUTURE_DAY,   130 },
};

#define N_COLUMNS G_N_ELEMENTS (column_infos)

typedef struct
{
  RapportContactsView *view;     /* unowned: the view owns the column */
  const ColumnInfo    *info;
} Column;

struct _RapportContactsView
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *all_toggle;
  GtkToggleButton    *leads_toggle;
  GtkToggleButton    *contacts_toggle;
  GtkToggleButton    *customers_toggle;
  GtkLabel           *count_label;
  GtkStack           *content_stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *status_page;
  AdwBin             *tag_bin;

  /* Owned references */
  RapportContext     *context;
  RapportStore       *store;   /* the context's */
  GtkSingleSelection *selection;
  GListModel         *contacts;      /* the current query's list */
  RapportColumnSort  *column_sort;

  Column              columns[N_COLUMNS];
  GtkColumnViewColumn *column_widgets[N_COLUMNS];

  /* What is shown */
  RapportContactSort  sort;
  gboolean            descending;
  int                 lifecycle;     /* -1 for all */
  char               *search;
  RapportTagFilter   *tag_filter;    /* NULL until there is a store */

  guint               loaded : 1;    /* queried once mapped */
};

G_DEFINE_FINAL_TYPE (RapportContactsView, rapport_contacts_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rapport_contacts_view_set_store (RapportContactsView *self,
                                             RapportStore        *store);

/* Formatting */

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

static const char * const lifecycle_classes[] = { "lead", "contact", "customer" };

/* Cells */

static void
cell_show (GtkLabel   *label,
           const char *text)
{
  GtkWidget *widget = GTK_WIDGET (label);

  if (is_blank (text))
    {
      /* Translators: an empty cell of the contacts list */
      gtk_label_set_label (label, _("—"));
      gtk_widget_add_css_class (widget, "dim-label");
    }
  else
    {
      gtk_label_set_label (label, text);
      gtk_widget_remove_css_class (widget, "dim-label");
    }
}

static void
update_cell (GtkListItem *list_item)
{
  Column *column = g_object_get_data (G_OBJECT (list_item), "rapport-column");
  RapportContact *contact = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  GtkWidget *widget = GTK_WIDGET (label);
  RapportStore *store = column->view->store;
  g_autofree char *text = NULL;
  gboolean is_past = FALSE;
  gint64 when;

  if (contact == NULL)
    return;

  gtk_widget_remove_css_class (widget, "error");

  switch (column->info->kind)
    {
    case CELL_TEXT:
      g_object_get (contact, column->info->property, &text, NULL);
      cell_show (label, text);
      break;

    case CELL_ORGANIZATION:
      {
        gint64 id = rapport_contact_get_organization_id (contact);
        g_autoptr(RapportOrganization) organization = NULL;

        /* The store keeps one object per row: asking again is a lookup. */
        if (id > 0 && store != NULL)
          organization = rapport_store_get_organization (store, id, NULL);
        cell_show (label, organization ? rapport_organization_get_name (organization) : NULL);
      }
      break;

    case CELL_LIFECYCLE:
      {
        RapportLifecycle lifecycle = rapport_contact_get_lifecycle (contact);

        for (guint i = 0; i < G_N_ELEMENTS (lifecycle_classes); i++)
          gtk_widget_remove_css_class (widget, lifecycle_classes[i]);
        if (lifecycle < G_N_ELEMENTS (lifecycle_classes))
          gtk_widget_add_css_class (widget, lifecycle_classes[lifecycle]);
        cell_show (label, rapport_lifecycle_get_label (lifecycle));
      }
      break;

    case CELL_PAST_DAY:
    case CELL_FUTURE_DAY:
      g_object_get (contact, column->info->property, &when, NULL);
      if (when > 0 && store != NULL)
        text = rapport_format_near_day (when, rapport_store_now (store), &is_past);
      cell_show (label, text);
      /* A follow-up that should have happened already stands out. */
      if (column->info->kind == CELL_FUTURE_DAY && text != NULL && when < rapport_store_now (store))
        gtk_widget_add_css_class (widget, "error");
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
on_cell_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               Column                   *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (column->info->kind == CELL_LIFECYCLE)
    {
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "lifecycle-badge");
    }
  if (column->info->kind == CELL_PAST_DAY || column->info->kind == CELL_FUTURE_DAY)
    gtk_widget_add_css_class (label, "numeric");

  gtk_list_item_set_child (list_item, label);
  g_object_set_data (G_OBJECT (list_item), "rapport-column", column);
}

static void
on_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              Column                   *column)
{
  GObject *item = gtk_list_item_get_item (list_item);
  g_autofree char *signal = g_strdup_printf ("notify::%s", column->info->property);

  /* Records notify when they change, here or in another process. */
  g_signal_connect_object (item, signal, G_CALLBACK (update_cell), list_item, G_CONNECT_SWAPPED);
  update_cell (list_item);
}

static void
on_cell_unbind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                Column                   *column)
{
  GObject *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, update_cell, list_item);
}

/* The query */

static void
rapport_contacts_view_update_state (RapportContactsView *self)
{
  guint n = self->contacts ? g_list_model_get_n_items (self->contacts) : 0;
  gboolean filtered = self->lifecycle >= 0 || !is_blank (self->search) ||
                      (self->tag_filter != NULL && rapport_tag_filter_get_tag (self->tag_filter) != NULL);
  g_autofree char *count = NULL;

  g_autofree char *number = rapport_locale_format_count (n);

  g_assert (RAPPORT_IS_CONTACTS_VIEW (self));

  /* Translators: how many contacts the list shows; %s is the number
   * grouped by thousands as the locale does */
  count = g_strdup_printf (ngettext ("%s contact", "%s contacts", n), number);
  gtk_label_set_label (self->count_label, count);

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "list");
      return;
    }

  if (filtered)
    {
      adw_status_page_set_icon_name (self->status_page, "edit-find-symbolic");
      adw_status_page_set_title (self->status_page, _("No Matching Contacts"));
      adw_status_page_set_description (self->status_page,
                                       _("Try other words, or another lifecycle"));
    }
  else
    {
      adw_status_page_set_icon_name (self->status_page, "avatar-default-symbolic");
      adw_status_page_set_title (self->status_page, _("No Contacts"));
      adw_status_page_set_description (self->status_page,
                                       _("Add a lead with the New Lead button"));
    }
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

static void
on_contacts_items_changed (RapportContactsView *self)
{
  rapport_contacts_view_update_state (self);
}

static void
rapport_contacts_view_reload (RapportContactsView *self)
{
  g_autoptr(GListModel) contacts = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert (RAPPORT_IS_CONTACTS_VIEW (self));

  if (self->store == NULL)
    return;

  self->loaded = TRUE;

  contacts = rapport_store_query_contacts_tagged (self->store, self->sort, self->descending,
                                                  self->lifecycle, self->search,
                                                  self->tag_filter != NULL ? rapport_tag_filter_get_tag (self->tag_filter)
                                                                           : NULL);
  g_debug ("%u contacts in %.1f ms", g_list_model_get_n_items (contacts),
           (g_get_monotonic_time () - start) / 1000.0);

  if (self->contacts != NULL)
    g_signal_handlers_disconnect_by_func (self->contacts, on_contacts_items_changed, self);
  g_set_object (&self->contacts, contacts);
  if (self->contacts != NULL)
    g_signal_connect_object (self->contacts, "items-changed",
                             G_CALLBACK (on_contacts_items_changed), self,
                             G_CONNECT_SWAPPED);

  /* The same records come back in the new order, and the view would keep
   * the one it showed first in sight: emptying it first starts the new
   * order at its top. */
  gtk_single_selection_set_model (self->selection, NULL);
  gtk_single_selection_set_model (self->selection, self->contacts);
  rapport_contacts_view_update_state (self);
}

/* Sorting: the store sorts; the view shows the arrows. */

static void
on_sort_changed (gpointer data,
                 int      column,
                 gboolean descending)
{
  RapportContactsView *self = data;
  RapportContactSort sort = column >= 0 ? column_infos[column].sort : RAPPORT_CONTACT_SORT_NAME;

  g_assert (RAPPORT_IS_CONTACTS_VIEW (self));

  if (sort == self->sort && descending == self->descending)
    return;

  self->sort = sort;
  self->descending = descending;
  if (self->loaded)
    rapport_contacts_view_reload (self);
}

/* Filtering */

static void
on_search_changed (RapportContactsView *self,
                   GtkSearchEntry      *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *search = g_strstrip (g_strdup (text));

  g_assert (RAPPORT_IS_CONTACTS_VIEW (self));

  if (g_strcmp0 (search, self->search ? self->search : "") == 0)
    return;

  g_free (self->search);
  self->search = g_steal_pointer (&search);
  if (self->loaded)
    rapport_contacts_view_reload (self);
}

static void
on_stop_search (RapportContactsView *self,
                GtkSearchEntry      *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_lifecycle_toggled (RapportContactsView *self,
                      GtkToggleButton     *button)
{
  int lifecycle;

  g_assert (RAPPORT_IS_CONTACTS_VIEW (self));

  /* The button that goes off toggles too; the one that goes on decides. */
  if (!gtk_toggle_button_get_active (button))
    return;

  if (button == self->leads_toggle)
    lifecycle = RAPPORT_LIFECYCLE_LEAD;
  else if (button == self->contacts_toggle)
    lifecycle = RAPPORT_LIFECYCLE_CONTACT;
  else if (button == self->customers_toggle)
    lifecycle = RAPPORT_LIFECYCLE_CUSTOMER;
  else
    lifecycle = -1;

  if (lifecycle == self->lifecycle)
    return;

  self->lifecycle = lifecycle;
  if (self->loaded)
    rapport_contacts_view_reload (self);
}

static void
on_tag_changed (RapportContactsView *self)
{
  if (self->loaded)
    rapport_contacts_view_reload (self);
}

/* Opening */

static void
on_row_activated (RapportContactsView *self,
                  guint                position,
                  GtkColumnView       *view)
{
  g_autoptr(RapportRecord) record = NULL;

  g_assert (RAPPORT_IS_CONTACTS_VIEW (self));

  if (self->contacts == NULL)
    return;

  record = g_list_model_get_item (self->contacts, position);
  if (record != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-contact", "x",
                                rapport_record_get_id (record));
}

/* Start-up is not the time for a query over 200 000 rows: the list is
 * asked for when it is first shown. */
static void
rapport_contacts_view_map (GtkWidget *widget)
{
  RapportContactsView *self = RAPPORT_CONTACTS_VIEW (widget);

  GTK_WIDGET_CLASS (rapport_contacts_view_parent_class)->map (widget);

  if (!self->loaded)
    rapport_contacts_view_reload (self);
}

static void
rapport_contacts_view_add_columns (RapportContactsView *self)
{
  g_assert (RAPPORT_IS_CONTACTS_VIEW (self));

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      Column *column = &self->columns[i];
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *view_column;

      column->view = self;
      column->info = &column_infos[i];

      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup), column);
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind), column);
      g_signal_connect (factory, "unbind", G_CALLBACK (on_cell_unbind), column);

      view_column = gtk_column_view_column_new (_(column->info->title), g_object_ref (factory));
      gtk_column_view_column_set_resizable (view_column, TRUE);
      if (column->info->width > 0)
        gtk_column_view_column_set_fixed_width (view_column, column->info->width);
      else
        gtk_column_view_column_set_expand (view_column, TRUE);

      gtk_column_view_append_column (self->column_view, view_column);
      self->column_widgets[i] = view_column;
      g_object_unref (view_column);
    }

  self->column_sort = rapport_column_sort_new (self->column_view, self->column_widgets, N_COLUMNS,
                                               on_sort_changed, self);
  /* By name, A to Z, with the arrow on Name to say so. */
  gtk_column_view_sort_by_column (self->column_view, self->column_widgets[0], GTK_SORT_ASCENDING);
}

static void
rapport_contacts_view_dispose (GObject *object)
{
  RapportContactsView *self = RAPPORT_CONTACTS_VIEW (object);

  /* The columns go one by one while the view is disposed: first stop
   * listening to the sort. */
  g_clear_pointer (&self->column_sort, rapport_column_sort_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CONTACTS_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->contacts);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_contacts_view_parent_class)->dispose (object);
}

static void
rapport_contacts_view_finalize (GObject *object)
{
  RapportContactsView *self = RAPPORT_CONTACTS_VIEW (object);

  g_free (self->search);

  G_OBJECT_CLASS (rapport_contacts_view_parent_class)->finalize (object);
}

static void
rapport_contacts_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportContactsView *self = RAPPORT_CONTACTS_VIEW (object);

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
rapport_contacts_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RapportContactsView *self = RAPPORT_CONTACTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      rapport_contacts_view_set_store (self, rapport_context_get_store (self->context));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_contacts_view_class_init (RapportContactsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_contacts_view_dispose;
  object_class->get_property = rapport_contacts_view_get_property;
  object_class->set_property = rapport_contacts_view_set_property;
  object_class->finalize = rapport_contacts_view_finalize;
  widget_class->map = rapport_contacts_view_map;

  /**
   * RapportContactsView:context:
   *
   * The store shown and edited, the undo history and the toasts.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/contacts/contacts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportContactsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsView, all_toggle);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsView, leads_toggle);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsView, contacts_toggle);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsView, customers_toggle);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsView, status_page);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsView, tag_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_lifecycle_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
rapport_contacts_view_init (RapportContactsView *self)
{
  self->lifecycle = -1;
  self->sort = RAPPORT_CONTACT_SORT_NAME;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  rapport_contacts_view_add_columns (self);

  /* Typing anywhere in the list searches it. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
}

/* Shows @store, the context's, for the view's whole life. */
static void
rapport_contacts_view_set_store (RapportContactsView *self,
                                 RapportStore        *store)
{
  g_return_if_fail (RAPPORT_IS_CONTACTS_VIEW (self));
  g_return_if_fail (store == NULL || RAPPORT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  self->tag_filter = store != NULL ? RAPPORT_TAG_FILTER (rapport_tag_filter_new (store, RAPPORT_ENTITY_CONTACT)) : NULL;
  adw_bin_set_child (self->tag_bin, GTK_WIDGET (self->tag_filter));
  if (self->tag_filter != NULL)
    g_signal_connect_object (self->tag_filter, "notify::tag", G_CALLBACK (on_tag_changed), self,
                             G_CONNECT_SWAPPED);

  /* A new file while shown: show its contacts now; otherwise on mapping. */
  self->loaded = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rapport_contacts_view_reload (self);
}

GtkWidget *
rapport_contacts_view_new (RapportContext *context)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_CONTACTS_VIEW, "context", context, NULL);
}
