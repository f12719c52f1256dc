/* rapport-duplicates-view.c — Find Duplicates…: the likely pairs, to merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two lists, contacts and organizations, switched at the top, each pair
 * with why it looks alike and Merge…, which opens the merge dialog (the
 * older record kept unless the user swaps). Finding reads every e-mail
 * address, phone number and name of the file: seconds with 200 000
 * contacts, so it runs on a worker with the workers' store, the contacts
 * first (shown as soon as they are in), then the organizations, each
 * list with a spinner meanwhile. A merged pair leaves its list at once;
 * a contact or organization added or removed (an undone merge, another
 * program's change) has the page look again, without the spinner.
 */

#define G_LOG_DOMAIN "rapport-merge"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-debounce.h"
#include "rapport-duplicate-row.h"
#include "rapport-duplicates-view.h"
#include "rapport-merge-dialog.h"
#include "rapport-worker-store.h"

struct _RapportDuplicatesView
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  AdwStatusPage    *error_page;
  AdwViewStack     *view_stack;
  AdwViewStackPage *contacts_page;
  AdwViewStackPage *organizations_page;
  GtkStack         *contacts_stack;
  GtkStack         *organizations_stack;
  GtkListView      *contacts_list;
  GtkListView      *organizations_list;
  GtkLabel         *contacts_more;
  GtkLabel         *organizations_more;

  /* Owned references */
  RapportContext   *context;
  GListStore       *contacts;        /* RapportDuplicatePair */
  GListStore       *organizations;   /* RapportDuplicatePair */
  GCancellable     *cancellable;     /* the running find's */

  RapportDebounce   refresh;         /* after records came or went */
  gboolean          found;           /* a find was started since the last change */
  gboolean          shown;           /* the contacts' pairs (or none) have been shown */
  gboolean          finding[2];      /* by kind (KIND_CONTACTS, KIND_ORGANIZATIONS) */
  gboolean          filled[2];
  gboolean          stale[2];        /* records of the kind came or went since */
  guint             generation[2];   /* of the last find asked for, by kind */
};

/* A file where one website or office phone is shared by hundreds of
 * records has millions of pairs: the first ones are enough to work on. */
#define MAX_PAIRS_SHOWN 5000

enum { KIND_CONTACTS, KIND_ORGANIZATIONS };

G_DEFINE_FINAL_TYPE (RapportDuplicatesView, rapport_duplicates_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The lists */

static guint
kind_of (RapportEntity entity)
{
  return entity == RAPPORT_ENTITY_ORGANIZATION ? KIND_ORGANIZATIONS : KIND_CONTACTS;
}

static GListStore *
pairs_of (RapportDuplicatesView *self,
          RapportEntity          entity)
{
  return kind_of (entity) == KIND_ORGANIZATIONS ? self->organizations : self->contacts;
}

static void
show_kind (RapportDuplicatesView *self,
           guint                  kind,
           GtkStack              *stack,
           AdwViewStackPage      *page,
           GListModel            *pairs)
{
  guint n = g_list_model_get_n_items (pairs);

  adw_view_stack_page_set_badge_number (page, n);
  /* While looking again, the pairs found last stay. */
  if (self->finding[kind] && !self->filled[kind])
    gtk_stack_set_visible_child_name (stack, "finding");
  else
    gtk_stack_set_visible_child_name (stack, n > 0 ? "list" : "empty");
}

static void
show_counts (RapportDuplicatesView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->contacts)) +
            g_list_model_get_n_items (G_LIST_MODEL (self->organizations));

  show_kind (self, KIND_CONTACTS, self->contacts_stack, self->contacts_page, G_LIST_MODEL (self->contacts));
  show_kind (self, KIND_ORGANIZATIONS, self->organizations_stack, self->organizations_page,
             G_LIST_MODEL (self->organizations));
  if (!self->shown)
    gtk_stack_set_visible_child_name (self->stack, "finding");
  else
    gtk_stack_set_visible_child_name (self->stack, n > 0 || self->finding[KIND_ORGANIZATIONS] ? "pairs" : "none");
}

static void
fill (RapportDuplicatesView *self,
      RapportEntity          entity,
      GPtrArray             *pairs)
{
  GListStore *store = pairs_of (self, entity);
  GtkLabel *more = kind_of (entity) == KIND_ORGANIZATIONS ? self->organizations_more : self->contacts_more;
  guint n = MIN (pairs->len, MAX_PAIRS_SHOWN);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, rapport_duplicate_pair_new (entity, g_ptr_array_index (pairs, i)));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata, items->len);
  self->filled[kind_of (entity)] = TRUE;

  gtk_widget_set_visible (GTK_WIDGET (more), pairs->len > n);
  if (pairs->len > n)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("The first %u of %u likely pairs are shown. Merge some, then look again.",
                                                         "The first %u of %u likely pairs are shown. Merge some, then look again.",
                                                         pairs->len),
                                               n, pairs->len);

      gtk_label_set_label (more, text);
    }
}

/* A merged record's pairs go: the one merged into the other is gone. */
static void
on_merged (RapportDuplicatesView *self,
           gint64                 keep_id,
           gint64                 other_id,
           RapportMergeDialog    *dialog)
{
  RapportEntity entity;
  GListStore *store;

  g_object_get (dialog, "entity", &entity, NULL);
  store = pairs_of (self, entity);
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (store)); i > 0; i--)
    {
      g_autoptr(RapportDuplicatePair) pair = g_list_model_get_item (G_LIST_MODEL (store), i - 1);

      if (rapport_duplicate_pair_has (pair, other_id))
        g_list_store_remove (store, i - 1);
    }
  show_counts (self);
}

static void
open_merge (RapportDuplicatesView *self,
            RapportEntity          entity,
            gint64                 keep_id,
            gint64                 other_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = rapport_merge_dialog_new (self->context, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                entity, keep_id, other_id);

  g_signal_connect_object (dialog, "merged", G_CALLBACK (on_merged), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rapport_duplicates_view_merge_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  gint32 entity;
  gint64 first, second;

  g_variant_get (parameter, "(ixx)", &entity, &first, &second);
  /* The older one is kept unless the user swaps. */
  open_merge (RAPPORT_DUPLICATES_VIEW (widget), entity, first, second);
}

/* Enter on a row, as its Merge… button. */
static void
on_list_activate (RapportDuplicatesView *self,
                  guint                  position,
                  GtkListView           *list)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_autoptr(RapportDuplicatePair) pair = g_list_model_get_item (model, position);

  if (pair != NULL)
    open_merge (self, rapport_duplicate_pair_get_entity (pair),
                rapport_duplicate_pair_get_id (pair, 0), rapport_duplicate_pair_get_id (pair, 1));
}

static void
on_setup_row (RapportDuplicatesView *self,
              GtkListItem           *item)
{
  gtk_list_item_set_child (item, rapport_duplicate_row_new ());
}

static void
on_bind_row (RapportDuplicatesView *self,
             GtkListItem           *item)
{
  rapport_duplicate_row_bind (RAPPORT_DUPLICATE_ROW (gtk_list_item_get_child (item)),
                              rapport_context_get_store (self->context),
                              gtk_list_item_get_item (item));
}

static void
on_unbind_row (RapportDuplicatesView *self,
               GtkListItem           *item)
{
  rapport_duplicate_row_bind (RAPPORT_DUPLICATE_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

/* Finding, on a worker: the contacts' pairs, then the organizations' */

typedef struct
{
  char          *db_path;
  RapportEntity  entity;
  gboolean       then_organizations;   /* the contacts' first, in a full look */
  guint          generation;
} FindJob;

static void
find_job_free (FindJob *job)
{
  g_free (job->db_path);
  g_free (job);
}

static void
find_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  FindJob *job = task_data;
  g_autoptr(GError) error = NULL;
  RapportStore *store = rapport_worker_store_acquire (job->db_path, &error);
  GPtrArray *pairs;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (job->entity == RAPPORT_ENTITY_ORGANIZATION)
    pairs = rapport_store_find_duplicate_organizations (store, &error);
  else
    pairs = rapport_store_find_duplicate_contacts (store, &error);
  rapport_worker_store_release ();

  if (pairs == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, pairs, (GDestroyNotify) g_ptr_array_unref);
}

static void start_find (RapportDuplicatesView *self,
                        RapportEntity          entity,
                        gboolean               then_organizations);

static void
on_found (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  FindJob *job = g_task_get_task_data (G_TASK (result));
  RapportEntity entity = job->entity;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pairs = g_task_propagate_pointer (G_TASK (result), &error);
  RapportDuplicatesView *self;
  gboolean first;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = RAPPORT_DUPLICATES_VIEW (source);
  /* Only the last find asked for tells what the file has now. */
  if (job->generation != self->generation[kind_of (entity)])
    return;

  self->finding[kind_of (entity)] = FALSE;
  if (pairs == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  first = !self->filled[kind_of (entity)];
  fill (self, entity, pairs);
  if (entity == RAPPORT_ENTITY_CONTACT)
    self->shown = TRUE;
  if (job->then_organizations)
    start_find (self, RAPPORT_ENTITY_ORGANIZATION, FALSE);
  show_counts (self);

  /* The contacts first, unless only organizations look alike; once
   * shown, the list the user chose stays. */
  if (entity == RAPPORT_ENTITY_ORGANIZATION && first &&
      g_list_model_get_n_items (G_LIST_MODEL (self->contacts)) == 0 &&
      g_list_model_get_n_items (G_LIST_MODEL (self->organizations)) > 0)
    adw_view_stack_set_visible_child_name (self->view_stack, "organizations");
}

static void
start_find (RapportDuplicatesView *self,
            RapportEntity          entity,
            gboolean               then_organizations)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, on_found, NULL);
  FindJob *job = g_new0 (FindJob, 1);

  job->db_path = g_strdup (rapport_store_get_path (rapport_context_get_store (self->context)));
  job->entity = entity;
  job->then_organizations = then_organizations;
  job->generation = ++self->generation[kind_of (entity)];
  self->finding[kind_of (entity)] = TRUE;
  self->stale[kind_of (entity)] = FALSE;
  g_task_set_source_tag (task, start_find);
  /* A cancelled find still ends on the worker; its result is dropped. */
  g_task_set_check_cancellable (task, TRUE);
  g_task_set_task_data (task, job, (GDestroyNotify) find_job_free);
  g_task_run_in_thread (task, find_in_thread);
}

void
rapport_duplicates_view_refresh (RapportDuplicatesView *self)
{
  g_return_if_fail (RAPPORT_IS_DUPLICATES_VIEW (self));

  self->found = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  start_find (self, RAPPORT_ENTITY_CONTACT, TRUE);
  self->finding[KIND_ORGANIZATIONS] = TRUE;
  self->stale[KIND_ORGANIZATIONS] = FALSE;
  show_counts (self);
}

/* Only the kinds whose records came or went are looked for again: the
 * other list stays as it is. */
static void
refresh_stale (gpointer data)
{
  RapportDuplicatesView *self = data;

  if (self->stale[KIND_CONTACTS])
    start_find (self, RAPPORT_ENTITY_CONTACT, FALSE);
  if (self->stale[KIND_ORGANIZATIONS])
    start_find (self, RAPPORT_ENTITY_ORGANIZATION, FALSE);
  show_counts (self);
}

static void
on_store_notice (RapportDuplicatesView *self,
                 const RapportNotice   *notice,
                 RapportStore          *store)
{
  if (notice->change == RAPPORT_CHANGE_UPDATED)
    return;
  if (notice->entity != RAPPORT_ENTITY_CONTACT && notice->entity != RAPPORT_ENTITY_ORGANIZATION)
    return;

  self->stale[kind_of (notice->entity)] = TRUE;
  /* Hidden, it looks again when shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->found)
    rapport_debounce_restart (&self->refresh);
  else
    self->found = FALSE;
}

/* GObject */

static void
rapport_duplicates_view_map (GtkWidget *widget)
{
  RapportDuplicatesView *self = RAPPORT_DUPLICATES_VIEW (widget);

  GTK_WIDGET_CLASS (rapport_duplicates_view_parent_class)->map (widget);
  if (!self->found)
    rapport_duplicates_view_refresh (self);
}

static void
rapport_duplicates_view_constructed (GObject *object)
{
  RapportDuplicatesView *self = RAPPORT_DUPLICATES_VIEW (object);

  G_OBJECT_CLASS (rapport_duplicates_view_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_CONTEXT (self->context));

  g_signal_connect_object (rapport_context_get_store (self->context), "notice",
                           G_CALLBACK (on_store_notice), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->contacts_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->contacts)))));
  gtk_list_view_set_model (self->organizations_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->organizations)))));
}

static void
rapport_duplicates_view_dispose (GObject *object)
{
  RapportDuplicatesView *self = RAPPORT_DUPLICATES_VIEW (object);

  rapport_debounce_cancel (&self->refresh);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_DUPLICATES_VIEW);
  g_clear_object (&self->contacts);
  g_clear_object (&self->organizations);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_duplicates_view_parent_class)->dispose (object);
}

static void
rapport_duplicates_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RapportDuplicatesView *self = RAPPORT_DUPLICATES_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_TITLE:
      g_value_set_string (value, _("Duplicates"));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_duplicates_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RapportDuplicatesView *self = RAPPORT_DUPLICATES_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_duplicates_view_class_init (RapportDuplicatesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_duplicates_view_constructed;
  object_class->dispose = rapport_duplicates_view_dispose;
  object_class->get_property = rapport_duplicates_view_get_property;
  object_class->set_property = rapport_duplicates_view_set_property;
  widget_class->map = rapport_duplicates_view_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * RapportDuplicatesView:title:
   *
   * What the window's header says while the page is shown.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/merge/duplicates-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, error_page);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, contacts_page);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, organizations_page);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, contacts_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, organizations_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, organizations_list);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, contacts_more);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, organizations_more);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_row);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_row);
  gtk_widget_class_bind_template_callback (widget_class, on_unbind_row);

  gtk_widget_class_install_action (widget_class, "duplicates.merge", "(ixx)", rapport_duplicates_view_merge_action);

  g_type_ensure (RAPPORT_TYPE_DUPLICATE_ROW);
}

static void
rapport_duplicates_view_init (RapportDuplicatesView *self)
{
  self->contacts = g_list_store_new (RAPPORT_TYPE_DUPLICATE_PAIR);
  self->organizations = g_list_store_new (RAPPORT_TYPE_DUPLICATE_PAIR);
  rapport_debounce_init (&self->refresh, 300, refresh_stale, self);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_duplicates_view_new (RapportContext *context)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_DUPLICATES_VIEW, "context", context, NULL);
}
