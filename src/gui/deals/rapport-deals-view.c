/* rapport-deals-view.c — every deal in one sortable, filterable table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The board shows open deals by stage; this shows them all, won and lost
 * too, as the contacts list shows contacts: every change of column,
 * direction, filter or search asks the store for a new list of ids
 * (rapport_store_query_deals), and objects are made only for the rows in
 * sight. The sort is read from the column view as in RapportContactsView.
 */

#define G_LOG_DOMAIN "rapport-deals-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-deals-view.h"
#include "rapport-format.h"
#include "rapport-locale.h"
#include "rapport-money.h"
#include "rapport-column-sort.h"
#include "rapport-deal-filters.h"

typedef enum
{
  CELL_TITLE,
  CELL_ORGANIZATION,
  CELL_CONTACT,
  CELL_VALUE,
  CELL_STANDING,
  CELL_OWNER,
  CELL_CLOSE,
  CELL_LAST_ACTIVITY,
  CELL_NEXT_FOLLOWUP,
} CellKind;

typedef struct
{
  const char      *title;     /* translated when used */
  RapportDealSort  sort;
  CellKind         kind;
  int              width;     /* fixed width, or -1 to expand */
} ColumnInfo;

static const ColumnInfo column_infos[] = {
  { N_("Title"),          RAPPORT_DEAL_SORT_TITLE,         CELL_TITLE,         -1 },
  { N_("Organization"),   RAPPORT_DEAL_SORT_ORGANIZATION,  CELL_ORGANIZATION,  170 },
  { N_("Contact"),        RAPPORT_DEAL_SORT_CONTACT,       CELL_CONTACT,       150 },
  { N_("Value"),          RAPPORT_DEAL_SORT_VALUE,         CELL_VALUE,         110 },
  { N_("Stage"),          RAPPORT_DEAL_SORT_STAGE,         CELL_STANDING,      130 },
  { N_("Owner"),          RAPPORT_DEAL_SORT_OWNER,         CELL_OWNER,         110 },
  { N_("Close Date"),     RAPPORT_DEAL_SORT_CLOSE,         CELL_CLOSE,         110 },
  { N_("Last Activity"),  RAPPORT_DEAL_SORT_LAST_ACTIVITY, CELL_LAST_ACTIVITY, 120 },
  { N_("Next Follow-up"), RAPPORT_DEAL_SORT_NEXT_FOLLOWUP, CELL_NEXT_FOLLOWUP, 130 },
};

#define N_COLUMNS G_N_ELEMENTS (column_infos)

typedef struct
{
  RapportDealsView *view;     /* unowned: the view owns the column */
  const ColumnInfo *info;
} Column;

struct _RapportDealsView
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *all_toggle;
  GtkToggleButton     *open_toggle;
  GtkToggleButton     *won_toggle;
  GtkToggleButton     *lost_toggle;
  RapportDealFilters  *filters;
  GtkLabel            *count_label;
  GtkStack            *content_stack;
  GtkColumnView       *column_view;
  AdwStatusPage       *status_page;

  /* Owned references */
  RapportContext      *context;
  RapportStore        *store;       /* the context's */
  GtkSingleSelection  *selection;
  GListModel          *deals;       /* the current query's list */
  RapportColumnSort   *column_sort;

  Column               columns[N_COLUMNS];
  GtkColumnViewColumn *column_widgets[N_COLUMNS];

  /* What is shown */
  RapportDealQuery     query;       /* its strings: search, and the filters' */
  char                *search;

  guint                loaded : 1;    /* queried once mapped */
};

G_DEFINE_FINAL_TYPE (RapportDealsView, rapport_deals_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rapport_deals_view_reload (RapportDealsView *self);

/* Cells */

static void
cell_show (GtkLabel   *label,
           const char *text)
{
  GtkWidget *widget = GTK_WIDGET (label);

  if (text == NULL || *text == '\0')
    {
      /* Translators: an empty cell of the deals list */
      gtk_label_set_label (label, _("—"));
      gtk_widget_add_css_class (widget, "dim-label");
    }
  else
    {
      gtk_label_set_label (label, text);
      gtk_widget_remove_css_class (widget, "dim-label");
    }
}

static char *
organization_name (RapportStore *store,
                   RapportDeal  *deal)
{
  gint64 id = rapport_deal_get_organization_id (deal);
  g_autoptr(RapportOrganization) organization = NULL;

  /* The store keeps one object per row: asking again is a lookup. */
  if (id > 0)
    organization = rapport_store_get_organization (store, id, NULL);
  return organization != NULL ? g_strdup (rapport_organization_get_name (organization)) : NULL;
}

static char *
contact_name (RapportStore *store,
              RapportDeal  *deal)
{
  gint64 id = rapport_deal_get_contact_id (deal);
  g_autoptr(RapportContact) contact = NULL;

  if (id > 0)
    contact = rapport_store_get_contact (store, id, NULL);
  return contact != NULL ? g_strdup (rapport_contact_get_name (contact)) : NULL;
}

/* The day it closes: expected while open (red once past), else the day
 * it was won or lost. */
static char *
close_text (RapportStore *store,
            RapportDeal  *deal,
            gboolean     *late)
{
  gint64 now = rapport_store_now (store);
  gboolean is_past = FALSE;
  char *text;

  *late = FALSE;
  if (rapport_deal_get_status (deal) != RAPPORT_DEAL_STATUS_OPEN)
    return rapport_deal_get_closed_at (deal) > 0
           ? rapport_format_time_day (rapport_deal_get_closed_at (deal), now) : NULL;

  text = rapport_format_day (rapport_deal_get_expected_close (deal), now, &is_past);
  *late = text != NULL && is_past;
  return text;
}

static const char * const standing_classes[] = { "deal-open", "deal-won", "deal-lost" };

static void
update_cell (GtkListItem *list_item)
{
  Column *column = g_object_get_data (G_OBJECT (list_item), "rapport-column");
  RapportDeal *deal = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  GtkWidget *widget = GTK_WIDGET (label);
  RapportStore *store = column->view->store;
  g_autofree char *text = NULL;
  gboolean late = FALSE;
  gint64 last = 0, next = 0;

  if (deal == NULL || store == NULL)
    return;

  gtk_widget_remove_css_class (widget, "error");

  switch (column->info->kind)
    {
    case CELL_TITLE:
      cell_show (label, rapport_deal_get_title (deal));
      break;

    case CELL_ORGANIZATION:
      text = organization_name (store, deal);
      cell_show (label, text);
      break;

    case CELL_CONTACT:
      text = contact_name (store, deal);
      cell_show (label, text);
      break;

    case CELL_VALUE:
      text = rapport_format_money (rapport_deal_get_value (deal), rapport_deal_get_currency (deal));
      cell_show (label, text);
      break;

    case CELL_STANDING:
      {
        RapportDealStatus status = rapport_deal_get_status (deal);

        for (guint i = 0; i < G_N_ELEMENTS (standing_classes); i++)
          gtk_widget_remove_css_class (widget, standing_classes[i]);
        if (status < G_N_ELEMENTS (standing_classes))
          gtk_widget_add_css_class (widget, standing_classes[status]);
        text = rapport_format_deal_standing (store, deal);
        cell_show (label, text);
      }
      break;

    case CELL_OWNER:
      cell_show (label, rapport_deal_get_owner (deal));
      break;

    case CELL_CLOSE:
      text = close_text (store, deal, &late);
      cell_show (label, text);
      if (late)
        gtk_widget_add_css_class (widget, "error");
      break;

    case CELL_LAST_ACTIVITY:
    case CELL_NEXT_FOLLOWUP:
      {
        gboolean is_past = FALSE;
        gint64 when;

        rapport_store_get_deal_dates (store, rapport_record_get_id (RAPPORT_RECORD (deal)), &last, &next);
        when = column->info->kind == CELL_LAST_ACTIVITY ? last : next;
        if (when > 0)
          text = rapport_format_near_day (when, rapport_store_now (store), &is_past);
        cell_show (label, text);
        /* A follow-up that should have happened already stands out. */
        if (column->info->kind == CELL_NEXT_FOLLOWUP && text != NULL && when < rapport_store_now (store))
          gtk_widget_add_css_class (widget, "error");
      }
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
  CellKind kind = column->info->kind;

  gtk_label_set_xalign (GTK_LABEL (label), kind == CELL_VALUE ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (kind == CELL_STANDING)
    {
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "deal-standing");
    }
  if (kind == CELL_VALUE || kind == CELL_CLOSE || kind == CELL_LAST_ACTIVITY ||
      kind == CELL_NEXT_FOLLOWUP)
    gtk_widget_add_css_class (label, "numeric");

  gtk_list_item_set_child (list_item, label);
  g_object_set_data (G_OBJECT (list_item), "rapport-column", column);
}

/* Deals notify when they change, here or in another process; a change of
 * anything else (an activity, a contact's name) reloads the list where
 * it matters. */
static void
on_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              Column                   *column)
{
  GObject *item = gtk_list_item_get_item (list_item);

  g_signal_connect_object (item, "notify", G_CALLBACK (update_cell), list_item, G_CONNECT_SWAPPED);
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

/* The filters */

static void
on_filters_changed (RapportDealsView   *self,
                    RapportDealFilters *filters)
{
  g_assert (RAPPORT_IS_DEALS_VIEW (self));

  rapport_deal_filters_apply (filters, &self->query);
  if (self->loaded)
    rapport_deals_view_reload (self);
}

/* The query */

static gboolean
rapport_deals_view_filtered (RapportDealsView *self)
{
  return self->query.status >= 0 || self->query.search != NULL ||
         self->query.stage_id > 0 || self->query.owner != NULL ||
         self->query.close_to != NULL || self->query.value_min >= 0 ||
         self->query.value_max >= 0 || self->query.tag != NULL;
}

static void
rapport_deals_view_update_state (RapportDealsView *self)
{
  guint n = self->deals ? g_list_model_get_n_items (self->deals) : 0;
  g_autofree char *count = NULL;
  g_autofree char *number = rapport_locale_format_count (n);

  /* Translators: how many deals the list shows; %s is the number grouped
   * by thousands as the locale does */
  count = g_strdup_printf (ngettext ("%s deal", "%s deals", n), number);
  gtk_label_set_label (self->count_label, count);

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "list");
      return;
    }

  if (rapport_deals_view_filtered (self))
    {
      adw_status_page_set_icon_name (self->status_page, "edit-find-symbolic");
      adw_status_page_set_title (self->status_page, _("No Matching Deals"));
      adw_status_page_set_description (self->status_page,
                                       _("Try other words, or clear the filters."));
    }
  else
    {
      adw_status_page_set_icon_name (self->status_page, "view-list-symbolic");
      adw_status_page_set_title (self->status_page, _("No Deals"));
      adw_status_page_set_description (self->status_page,
                                       _("Add a deal with the New Deal button."));
    }
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

static void
on_deals_items_changed (RapportDealsView *self)
{
  rapport_deals_view_update_state (self);
}

static void
rapport_deals_view_reload (RapportDealsView *self)
{
  g_autoptr(GListModel) deals = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert (RAPPORT_IS_DEALS_VIEW (self));

  if (self->store == NULL)
    return;

  self->loaded = TRUE;

  deals = rapport_store_query_deals (self->store, &self->query);
  g_debug ("%u deals in %.1f ms", g_list_model_get_n_items (deals),
           (g_get_monotonic_time () - start) / 1000.0);

  if (self->deals != NULL)
    g_signal_handlers_disconnect_by_func (self->deals, on_deals_items_changed, self);
  g_set_object (&self->deals, deals);
  g_signal_connect_object (self->deals, "items-changed", G_CALLBACK (on_deals_items_changed),
                           self, G_CONNECT_SWAPPED);

  /* The same records come back in a new order: emptying the view first
   * starts the new order at its top. */
  gtk_single_selection_set_model (self->selection, NULL);
  gtk_single_selection_set_model (self->selection, self->deals);
  rapport_deals_view_update_state (self);
}

/* Sorting: RapportColumnSort reads the column the user sorts by from
 * GTK 4.8's column view sorter; the store sorts. */

static void
on_sort_changed (gpointer data,
                 int      column,
                 gboolean descending)
{
  RapportDealsView *self = data;
  RapportDealSort sort = column >= 0 ? column_infos[column].sort : RAPPORT_DEAL_SORT_TITLE;

  g_assert (RAPPORT_IS_DEALS_VIEW (self));

  if (column < 0)
    descending = FALSE;
  if (sort == self->query.sort && descending == self->query.descending)
    return;

  self->query.sort = sort;
  self->query.descending = descending;
  if (self->loaded)
    rapport_deals_view_reload (self);
}

/* Search and status */

static void
on_search_changed (RapportDealsView *self,
                   GtkSearchEntry   *entry)
{
  g_autofree char *search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  g_assert (RAPPORT_IS_DEALS_VIEW (self));

  if (g_strcmp0 (search, self->search ? self->search : "") == 0)
    return;

  g_free (self->search);
  self->search = *search != '\0' ? g_steal_pointer (&search) : NULL;
  self->query.search = self->search;
  if (self->loaded)
    rapport_deals_view_reload (self);
}

static void
on_stop_search (RapportDealsView *self,
                GtkSearchEntry   *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_status_toggled (RapportDealsView *self,
                   GtkToggleButton  *button)
{
  int status;

  g_assert (RAPPORT_IS_DEALS_VIEW (self));

  /* The button that goes off toggles too; the one that goes on decides. */
  if (!gtk_toggle_button_get_active (button))
    return;

  if (button == self->open_toggle)
    status = RAPPORT_DEAL_STATUS_OPEN;
  else if (button == self->won_toggle)
    status = RAPPORT_DEAL_STATUS_WON;
  else if (button == self->lost_toggle)
    status = RAPPORT_DEAL_STATUS_LOST;
  else
    status = -1;

  if (status == self->query.status)
    return;

  self->query.status = status;
  if (self->loaded)
    rapport_deals_view_reload (self);
}

/* Opening: one click, as everywhere */

static void
on_row_activated (RapportDealsView *self,
                  guint             position,
                  GtkColumnView    *view)
{
  g_autoptr(RapportRecord) record = NULL;

  g_assert (RAPPORT_IS_DEALS_VIEW (self));

  if (self->deals == NULL)
    return;

  record = g_list_model_get_item (self->deals, position);
  if (record != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-deal", "x",
                                rapport_record_get_id (record));
}

/* Start-up is not the time for a query over 100 000 deals: the list is
 * asked for when it is first shown. */
static void
rapport_deals_view_map (GtkWidget *widget)
{
  RapportDealsView *self = RAPPORT_DEALS_VIEW (widget);

  GTK_WIDGET_CLASS (rapport_deals_view_parent_class)->map (widget);

  if (!self->loaded)
    rapport_deals_view_reload (self);
}

static void
rapport_deals_view_add_columns (RapportDealsView *self)
{
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
  /* By title, A to Z, with the arrow on Title to say so. */
  gtk_column_view_sort_by_column (self->column_view, self->column_widgets[0], GTK_SORT_ASCENDING);
}

static void
rapport_deals_view_set_store (RapportDealsView *self,
                              RapportStore     *store)
{
  if (!g_set_object (&self->store, store) || store == NULL)
    return;

  rapport_deal_filters_set_store (self->filters, store);

  self->loaded = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rapport_deals_view_reload (self);
}

static void
rapport_deals_view_dispose (GObject *object)
{
  RapportDealsView *self = RAPPORT_DEALS_VIEW (object);

  /* The columns go one by one while the view is disposed: first stop
   * listening to the sort. */
  g_clear_pointer (&self->column_sort, rapport_column_sort_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_DEALS_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->deals);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_deals_view_parent_class)->dispose (object);
}

static void
rapport_deals_view_finalize (GObject *object)
{
  RapportDealsView *self = RAPPORT_DEALS_VIEW (object);

  g_free (self->search);

  G_OBJECT_CLASS (rapport_deals_view_parent_class)->finalize (object);
}

static void
rapport_deals_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportDealsView *self = RAPPORT_DEALS_VIEW (object);

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
rapport_deals_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RapportDealsView *self = RAPPORT_DEALS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      rapport_deals_view_set_store (self, rapport_context_get_store (self->context));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_deals_view_class_init (RapportDealsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_deals_view_dispose;
  object_class->finalize = rapport_deals_view_finalize;
  object_class->get_property = rapport_deals_view_get_property;
  object_class->set_property = rapport_deals_view_set_property;
  widget_class->map = rapport_deals_view_map;

  /**
   * RapportDealsView:context:
   *
   * The store shown, the undo history and the toasts.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/deals/deals-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportDealsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportDealsView, all_toggle);
  gtk_widget_class_bind_template_child (widget_class, RapportDealsView, open_toggle);
  gtk_widget_class_bind_template_child (widget_class, RapportDealsView, won_toggle);
  gtk_widget_class_bind_template_child (widget_class, RapportDealsView, lost_toggle);
  gtk_widget_class_bind_template_child (widget_class, RapportDealsView, filters);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed);
  gtk_widget_class_bind_template_child (widget_class, RapportDealsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, RapportDealsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportDealsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, RapportDealsView, status_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_status_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
rapport_deals_view_init (RapportDealsView *self)
{
  rapport_deal_query_init (&self->query);
  g_type_ensure (RAPPORT_TYPE_DEAL_FILTERS);
  gtk_widget_init_template (GTK_WIDGET (self));


  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  rapport_deals_view_add_columns (self);

  /* Typing anywhere in the list searches it. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
}

GtkWidget *
rapport_deals_view_new (RapportContext *context)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_DEALS_VIEW, "context", context, NULL);
}
