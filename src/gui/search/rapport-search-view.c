/* rapport-search-view.c — global search results, grouped by kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window hands over every change of its search entry. The search runs
 * at once, on the main thread: the store's search stops after the few rows
 * it needs (well under a millisecond on 200 000 contacts), and rows are
 * made for those few hits only, so typing stays instant on any database.
 */

#define G_LOG_DOMAIN "rapport-search-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-form.h"
#include "rapport-format.h"
#include "rapport-debounce.h"
#include "rapport-search-row.h"
#include "rapport-search-describe.h"
#include "rapport-search-view.h"

/* Hits shown per kind: a glance, not a list to scroll. */
#define HITS_PER_KIND 10

struct _RapportSearchView
{
  AdwBin         parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  GtkBox        *sections;
  GtkWidget     *contacts_section;
  GtkWidget     *organizations_section;
  GtkWidget     *deals_section;
  GtkListBox    *contacts_list;
  GtkListBox    *organizations_list;
  GtkListBox    *deals_list;
  AdwStatusPage *empty_page;

  /* Owned */
  RapportContext *context;
  RapportStore  *store;   /* the context's */
  char          *text;
  RapportDebounce refresh;     /* a burst of notices */
};

G_DEFINE_FINAL_TYPE (RapportSearchView, rapport_search_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rapport_search_view_set_store (RapportSearchView *self,
                                           RapportStore      *store);

static GtkWidget *
section_of (RapportSearchView *self,
            RapportSearchKind  kind)
{
  switch (kind)
    {
    case RAPPORT_SEARCH_CONTACT:
      return self->contacts_section;
    case RAPPORT_SEARCH_ORGANIZATION:
      return self->organizations_section;
    case RAPPORT_SEARCH_DEAL:
    default:
      return self->deals_section;
    }
}

static GtkListBox *
list_of (RapportSearchView *self,
         RapportSearchKind  kind)
{
  switch (kind)
    {
    case RAPPORT_SEARCH_CONTACT:
      return self->contacts_list;
    case RAPPORT_SEARCH_ORGANIZATION:
      return self->organizations_list;
    case RAPPORT_SEARCH_DEAL:
    default:
      return self->deals_list;
    }
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Rows */

static GtkWidget *
make_row (RapportSearchView      *self,
          const RapportSearchHit *hit)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (!rapport_search_describe (self->store, hit->kind, hit->id, &title, &subtitle))
    return NULL;

  return rapport_search_row_new (hit->kind, hit->id, title, subtitle);
}

static void
open_row (RapportSearchView *self,
          GtkListBoxRow     *row)
{
  g_assert (RAPPORT_IS_SEARCH_VIEW (self));

  if (RAPPORT_IS_SEARCH_ROW (row))
    rapport_search_row_open (RAPPORT_SEARCH_ROW (row));
}

static void
on_row_activated (RapportSearchView *self,
                  GtkListBoxRow     *row,
                  GtkListBox        *list)
{
  open_row (self, row);
}

/* Searching */

/* Puts the kinds in the order of their best hit (the store's order
 * between equals), so that the first row shown is the best match and the
 * one Enter opens. */
static void
order_sections (RapportSearchView *self,
                GArray            *hits)
{
  RapportSearchKind kinds[] = { RAPPORT_SEARCH_CONTACT, RAPPORT_SEARCH_ORGANIZATION, RAPPORT_SEARCH_DEAL };
  double best[RAPPORT_SEARCH_DEAL + 1] = { G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE };
  GtkWidget *previous = NULL;

  for (guint i = 0; i < hits->len; i++)
    {
      const RapportSearchHit *hit = &g_array_index (hits, RapportSearchHit, i);

      best[hit->kind] = MIN (best[hit->kind], hit->rank);
    }

  /* Three items: an insertion sort, stable. */
  for (guint i = 1; i < G_N_ELEMENTS (kinds); i++)
    for (guint j = i; j > 0 && best[kinds[j]] < best[kinds[j - 1]]; j--)
      {
        RapportSearchKind swap = kinds[j];

        kinds[j] = kinds[j - 1];
        kinds[j - 1] = swap;
      }

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkWidget *section = section_of (self, kinds[i]);

      gtk_box_reorder_child_after (self->sections, section, previous);
      previous = section;
    }
}

static void
show_empty (RapportSearchView *self,
            const char        *description)
{
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

static void
rapport_search_view_refresh (RapportSearchView *self)
{
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  guint n_rows[RAPPORT_SEARCH_DEAL + 1] = { 0, };

  g_assert (RAPPORT_IS_SEARCH_VIEW (self));

  clear_list (self->contacts_list);
  clear_list (self->organizations_list);
  clear_list (self->deals_list);

  if (self->store == NULL || is_blank (self->text))
    {
      show_empty (self, NULL);
      return;
    }

  hits = rapport_store_search (self->store, self->text, HITS_PER_KIND, &error);
  if (hits == NULL)
    {
      show_empty (self, error->message);
      return;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      const RapportSearchHit *hit = &g_array_index (hits, RapportSearchHit, i);
      GtkWidget *row;

      if (hit->kind < RAPPORT_SEARCH_CONTACT || hit->kind > RAPPORT_SEARCH_DEAL)
        continue;

      row = make_row (self, hit);
      if (row == NULL)
        continue;

      gtk_list_box_append (list_of (self, hit->kind), row);
      n_rows[hit->kind]++;
    }

  for (RapportSearchKind kind = RAPPORT_SEARCH_CONTACT; kind <= RAPPORT_SEARCH_DEAL; kind++)
    gtk_widget_set_visible (section_of (self, kind), n_rows[kind] > 0);

  if (n_rows[RAPPORT_SEARCH_CONTACT] + n_rows[RAPPORT_SEARCH_ORGANIZATION] + n_rows[RAPPORT_SEARCH_DEAL] == 0)
    {
      g_autofree char *description = NULL;

      /* Translators: %s is what was searched for */
      description = g_strdup_printf (_("Nothing matches “%s”"), self->text);
      show_empty (self, description);
      return;
    }

  order_sections (self, hits);
  gtk_stack_set_visible_child_name (self->stack, "results");
}

/* A record changed (here or in another process): a name in the results
 * may be stale. Many changes in a row cost one search. */
static void
on_store_notice (RapportSearchView   *self,
                 const RapportNotice *notice,
                 RapportStore        *store)
{
  g_assert (RAPPORT_IS_SEARCH_VIEW (self));

  if (self->text != NULL && *self->text != '\0')
    rapport_debounce_queue (&self->refresh);
}

static void
rapport_search_view_dispose (GObject *object)
{
  RapportSearchView *self = RAPPORT_SEARCH_VIEW (object);

  rapport_debounce_cancel (&self->refresh);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_search_view_parent_class)->dispose (object);
}

static void
rapport_search_view_finalize (GObject *object)
{
  RapportSearchView *self = RAPPORT_SEARCH_VIEW (object);

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (rapport_search_view_parent_class)->finalize (object);
}

static void
rapport_search_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportSearchView *self = RAPPORT_SEARCH_VIEW (object);

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
rapport_search_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RapportSearchView *self = RAPPORT_SEARCH_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      rapport_search_view_set_store (self, rapport_context_get_store (self->context));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_search_view_class_init (RapportSearchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_search_view_dispose;
  object_class->get_property = rapport_search_view_get_property;
  object_class->set_property = rapport_search_view_set_property;
  object_class->finalize = rapport_search_view_finalize;

  /**
   * RapportSearchView:context:
   *
   * The store shown and edited, the undo history and the toasts.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/search/search-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportSearchView, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportSearchView, sections);
  gtk_widget_class_bind_template_child (widget_class, RapportSearchView, contacts_section);
  gtk_widget_class_bind_template_child (widget_class, RapportSearchView, organizations_section);
  gtk_widget_class_bind_template_child (widget_class, RapportSearchView, deals_section);
  gtk_widget_class_bind_template_child (widget_class, RapportSearchView, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, RapportSearchView, organizations_list);
  gtk_widget_class_bind_template_child (widget_class, RapportSearchView, deals_list);
  gtk_widget_class_bind_template_child (widget_class, RapportSearchView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
rapport_search_view_init (RapportSearchView *self)
{
  rapport_debounce_init (&self->refresh, 0, (RapportDebounceFunc) rapport_search_view_refresh, self);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Shows @store, the context's, for the view's whole life. */
static void
rapport_search_view_set_store (RapportSearchView *self,
                               RapportStore      *store)
{
  g_return_if_fail (RAPPORT_IS_SEARCH_VIEW (self));
  g_return_if_fail (store == NULL || RAPPORT_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  if (!g_set_object (&self->store, store))
    return;

  if (store != NULL)
    g_signal_connect_object (store, "notice", G_CALLBACK (on_store_notice), self,
                             G_CONNECT_SWAPPED);

  rapport_search_view_refresh (self);
}

void
rapport_search_view_set_text (RapportSearchView *self,
                              const char        *text)
{
  g_return_if_fail (RAPPORT_IS_SEARCH_VIEW (self));

  if (g_strcmp0 (text, self->text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);

  rapport_debounce_now (&self->refresh);
}

/* The row shown first (the best match), or NULL. */
static GtkListBoxRow *
first_row (RapportSearchView *self)
{
  g_assert (RAPPORT_IS_SEARCH_VIEW (self));

  /* Results may be one idle behind a change: bring them up to date. */
  if (rapport_debounce_pending (&self->refresh))
    rapport_debounce_now (&self->refresh);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results"))
    return NULL;

  for (GtkWidget *section = gtk_widget_get_first_child (GTK_WIDGET (self->sections));
       section != NULL;
       section = gtk_widget_get_next_sibling (section))
    {
      GtkWidget *list = gtk_widget_get_last_child (section);
      GtkListBoxRow *row;

      if (!gtk_widget_get_visible (section) || !GTK_IS_LIST_BOX (list))
        continue;

      row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
      if (row != NULL)
        return row;
    }

  return NULL;
}

gboolean
rapport_search_view_activate_first (RapportSearchView *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (RAPPORT_IS_SEARCH_VIEW (self), FALSE);

  row = first_row (self);
  if (row == NULL)
    return FALSE;

  open_row (self, row);

  return TRUE;
}

gboolean
rapport_search_view_focus_first (RapportSearchView *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (RAPPORT_IS_SEARCH_VIEW (self), FALSE);

  row = first_row (self);

  return row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row));
}

GtkWidget *
rapport_search_view_new (RapportContext *context)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_SEARCH_VIEW, "context", context, NULL);
}
