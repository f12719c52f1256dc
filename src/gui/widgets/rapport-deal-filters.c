/* rapport-deal-filters.c — the deals' filters, under a button that counts them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stage, owner, close date (a span around today), value range and tag,
 * read into a RapportDealQuery: the Deals view's list and the board's
 * columns filter the same way. The choices are read from the store and
 * follow it; "changed" says the user changed one.
 */

#define G_LOG_DOMAIN "rapport-deal-filters"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-deal-filters.h"
#include "rapport-money.h"
#include "rapport-tag-filter.h"

/* The close-date choices, in the order of the .ui's list. */
typedef enum
{
  CLOSE_ANY,
  CLOSE_THIS_MONTH,
  CLOSE_NEXT_MONTH,
  CLOSE_LAST_MONTH,
  CLOSE_THIS_QUARTER,
  CLOSE_THIS_YEAR,
  CLOSE_BEFORE_TODAY,
} CloseRange;

struct _RapportDealFilters
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkMenuButton    *button;
  GtkWidget        *stage_label;
  GtkDropDown      *stage_dropdown;
  GtkWidget        *owner_label;
  GtkDropDown      *owner_dropdown;
  GtkDropDown      *close_dropdown;
  GtkEditable      *value_min_entry;
  GtkEditable      *value_max_entry;
  AdwBin           *tag_bin;
  GtkWidget        *clear_button;

  RapportStore     *store;
  RapportTagFilter *tag_filter;   /* in tag_bin, once there is a store */
  GArray           *stage_ids;    /* gint64, one per stage choice; 0 for any */
  GStrv             owners;       /* one per owner choice after "Anyone" */
  char             *owner;        /* what apply() last wrote into a query */
  char             *close_from;
  char             *close_to;
  guint             filling : 1;  /* choices being filled: not the user */
  guint             filled : 1;   /* the choices were read */
};

G_DEFINE_FINAL_TYPE (RapportDealFilters, rapport_deal_filters, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rapport_deal_filters_fill_stages (RapportDealFilters *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *pipelines = rapport_store_get_pipelines (self->store);  /* the store's */
  guint n_pipelines = g_list_model_get_n_items (pipelines);
  gint64 any = 0;

  g_array_set_size (self->stage_ids, 0);
  gtk_string_list_append (names, _("Any stage"));
  g_array_append_val (self->stage_ids, any);

  for (guint i = 0; i < n_pipelines; i++)
    {
      g_autoptr(RapportPipeline) pipeline = g_list_model_get_item (pipelines, i);
      GListModel *stages = rapport_store_get_stages (self->store, pipeline);

      for (guint j = 0; j < g_list_model_get_n_items (stages); j++)
        {
          g_autoptr(RapportStage) stage = g_list_model_get_item (stages, j);
          gint64 id = rapport_record_get_id (RAPPORT_RECORD (stage));
          g_autofree char *name = NULL;

          /* Translators: a stage in the deals list's filter, with its
           * pipeline when there are several: "Proposal (B2B Sales)" */
          name = n_pipelines > 1
                 ? g_strdup_printf (_("%s (%s)"), rapport_stage_get_name (stage),
                                    rapport_pipeline_get_name (pipeline))
                 : g_strdup (rapport_stage_get_name (stage));
          gtk_string_list_append (names, name);
          g_array_append_val (self->stage_ids, id);
        }
    }

  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->stage_dropdown, 0);
}

static void
rapport_deal_filters_fill_owners (RapportDealFilters *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_clear_pointer (&self->owners, g_strfreev);
  self->owners = rapport_store_get_owners (self->store, NULL);

  gtk_string_list_append (names, _("Anyone"));
  for (guint i = 0; self->owners != NULL && self->owners[i] != NULL; i++)
    gtk_string_list_append (names, self->owners[i]);

  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->owner_dropdown, 0);
}

/* The first and last day of a close-date choice, around today. */
static void
close_range (CloseRange   range,
             gint64       now,
             char       **from,
             char       **to)
{
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  int year = g_date_time_get_year (today);
  int month = g_date_time_get_month (today);

  *from = *to = NULL;
  switch (range)
    {
    case CLOSE_THIS_MONTH:
      start = g_date_time_new_local (year, month, 1, 0, 0, 0);
      end = g_date_time_add_months (start, 1);
      break;
    case CLOSE_NEXT_MONTH:
      {
        g_autoptr(GDateTime) first = g_date_time_new_local (year, month, 1, 0, 0, 0);

        start = g_date_time_add_months (first, 1);
        end = g_date_time_add_months (first, 2);
      }
      break;
    case CLOSE_LAST_MONTH:
      end = g_date_time_new_local (year, month, 1, 0, 0, 0);
      start = g_date_time_add_months (end, -1);
      break;
    case CLOSE_THIS_QUARTER:
      start = g_date_time_new_local (year, month - (month - 1) % 3, 1, 0, 0, 0);
      end = g_date_time_add_months (start, 3);
      break;
    case CLOSE_THIS_YEAR:
      start = g_date_time_new_local (year, 1, 1, 0, 0, 0);
      end = g_date_time_add_years (start, 1);
      break;
    case CLOSE_BEFORE_TODAY:
      end = g_date_time_new_local (year, month, g_date_time_get_day_of_month (today), 0, 0, 0);
      break;
    case CLOSE_ANY:
    default:
      return;
    }

  /* The ranges are half-open: the last day is the one before @end. */
  if (start != NULL)
    *from = g_date_time_format (start, "%Y-%m-%d");
  if (end != NULL)
    {
      g_autoptr(GDateTime) last = g_date_time_add_days (end, -1);

      *to = g_date_time_format (last, "%Y-%m-%d");
    }
}

/* A value filter typed in the default currency: -1 when empty or not yet
 * an amount (the entry then says so). */
static gint64
read_amount (RapportDealFilters *self,
             GtkEditable      *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  gint64 minor = -1;

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (*text == '\0')
    return -1;
  if (!rapport_money_parse (text, rapport_store_get_default_currency (self->store), &minor, NULL))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return -1;
    }
  return minor;
}

/* Reads every filter into the query; says how many are set. */
guint
rapport_deal_filters_apply (RapportDealFilters *self,
                            RapportDealQuery   *query)
{
  guint stage = gtk_drop_down_get_selected (self->stage_dropdown);
  guint owner = gtk_drop_down_get_selected (self->owner_dropdown);
  guint close = gtk_drop_down_get_selected (self->close_dropdown);
  guint n_set = 0;

  query->stage_id = stage < self->stage_ids->len ? g_array_index (self->stage_ids, gint64, stage) : 0;
  n_set += query->stage_id > 0;

  g_clear_pointer (&self->owner, g_free);
  if (owner != GTK_INVALID_LIST_POSITION && owner > 0 && self->owners != NULL &&
      owner <= g_strv_length (self->owners))
    self->owner = g_strdup (self->owners[owner - 1]);
  query->owner = self->owner;
  n_set += self->owner != NULL;

  g_clear_pointer (&self->close_from, g_free);
  g_clear_pointer (&self->close_to, g_free);
  close_range (close == GTK_INVALID_LIST_POSITION ? CLOSE_ANY : close,
               rapport_store_now (self->store), &self->close_from, &self->close_to);
  query->close_from = self->close_from;
  query->close_to = self->close_to;
  n_set += self->close_to != NULL;

  query->tag = self->tag_filter != NULL ? rapport_tag_filter_get_tag (self->tag_filter) : NULL;
  n_set += query->tag != NULL;

  query->value_min = read_amount (self, self->value_min_entry);
  query->value_max = read_amount (self, self->value_max_entry);
  n_set += (query->value_min >= 0) + (query->value_max >= 0);

  return n_set;
}


static void
rapport_deal_filters_changed (RapportDealFilters *self)
{
  RapportDealQuery query;
  g_autofree char *label = NULL;
  guint n_set;

  if (self->filling || self->store == NULL)
    return;

  rapport_deal_query_init (&query);
  n_set = rapport_deal_filters_apply (self, &query);
  /* Translators: the filters button when some are set; %u is how many */
  label = n_set > 0 ? g_strdup_printf (ngettext ("%u Filter", "%u Filters", n_set), n_set)
                    : g_strdup (_("Filters"));
  gtk_menu_button_set_label (self->button, label);
  /* GTK 4.8 shows a menu button as a button around its toggle button,
   * each with a name of its own. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_sensitive (self->clear_button, n_set > 0);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_choice_changed (RapportDealFilters *self)
{
  rapport_deal_filters_changed (self);
}

static void
on_value_changed (RapportDealFilters *self)
{
  rapport_deal_filters_changed (self);
}

static void
on_clear_clicked (RapportDealFilters *self)
{
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->stage_dropdown, 0);
  gtk_drop_down_set_selected (self->owner_dropdown, 0);
  gtk_drop_down_set_selected (self->close_dropdown, CLOSE_ANY);
  gtk_editable_set_text (self->value_min_entry, "");
  gtk_editable_set_text (self->value_max_entry, "");
  if (self->tag_filter != NULL)
    rapport_tag_filter_clear (self->tag_filter);
  self->filling = FALSE;
  rapport_deal_filters_changed (self);
}

static void
rapport_deal_filters_fill (RapportDealFilters *self)
{
  self->filling = TRUE;
  rapport_deal_filters_fill_stages (self);
  rapport_deal_filters_fill_owners (self);
  self->filling = FALSE;
  self->filled = TRUE;
}

/* Read when the popover first opens: the owners are a look over every
 * deal, which the board's first frame does not wait for. */
static void
on_popover_show (RapportDealFilters *self)
{
  if (!self->filled && self->store != NULL)
    rapport_deal_filters_fill (self);
}

/* A new pipeline, stage or owner shows in the choices. */
static void
on_choices_notice (RapportDealFilters  *self,
                   const RapportNotice *notice,
                   RapportStore        *store)
{
  if (!self->filled)
    return;
  rapport_deal_filters_fill (self);
  rapport_deal_filters_changed (self);
}

void
rapport_deal_filters_set_store (RapportDealFilters *self,
                                RapportStore       *store)
{
  g_return_if_fail (RAPPORT_IS_DEAL_FILTERS (self));
  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);

  self->tag_filter = RAPPORT_TAG_FILTER (rapport_tag_filter_new (store, RAPPORT_ENTITY_DEAL));
  adw_bin_set_child (self->tag_bin, GTK_WIDGET (self->tag_filter));
  g_signal_connect_object (self->tag_filter, "notify::tag", G_CALLBACK (on_choice_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notice::pipeline", G_CALLBACK (on_choices_notice), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notice::stage", G_CALLBACK (on_choices_notice), self,
                           G_CONNECT_SWAPPED);
}

void
rapport_deal_filters_set_show_stage (RapportDealFilters *self,
                                     gboolean            show_stage)
{
  g_return_if_fail (RAPPORT_IS_DEAL_FILTERS (self));

  gtk_widget_set_visible (self->stage_label, show_stage);
  gtk_widget_set_visible (GTK_WIDGET (self->stage_dropdown), show_stage);
  if (!show_stage)
    gtk_drop_down_set_selected (self->stage_dropdown, 0);
}

void
rapport_deal_filters_set_show_owner (RapportDealFilters *self,
                                     gboolean            show_owner)
{
  g_return_if_fail (RAPPORT_IS_DEAL_FILTERS (self));

  gtk_widget_set_visible (self->owner_label, show_owner);
  gtk_widget_set_visible (GTK_WIDGET (self->owner_dropdown), show_owner);
  if (!show_owner)
    gtk_drop_down_set_selected (self->owner_dropdown, 0);
}

static void
rapport_deal_filters_dispose (GObject *object)
{
  RapportDealFilters *self = RAPPORT_DEAL_FILTERS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_DEAL_FILTERS);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_deal_filters_parent_class)->dispose (object);
}

static void
rapport_deal_filters_finalize (GObject *object)
{
  RapportDealFilters *self = RAPPORT_DEAL_FILTERS (object);

  g_clear_pointer (&self->stage_ids, g_array_unref);
  g_clear_pointer (&self->owners, g_strfreev);
  g_free (self->owner);
  g_free (self->close_from);
  g_free (self->close_to);

  G_OBJECT_CLASS (rapport_deal_filters_parent_class)->finalize (object);
}

static void
rapport_deal_filters_class_init (RapportDealFiltersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_deal_filters_dispose;
  object_class->finalize = rapport_deal_filters_finalize;

  /**
   * RapportDealFilters::changed:
   *
   * The user changed a filter: apply them again.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/widgets/deal-filters.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportDealFilters, button);
  gtk_widget_class_bind_template_child (widget_class, RapportDealFilters, stage_label);
  gtk_widget_class_bind_template_child (widget_class, RapportDealFilters, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportDealFilters, owner_label);
  gtk_widget_class_bind_template_child (widget_class, RapportDealFilters, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportDealFilters, close_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportDealFilters, value_min_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportDealFilters, value_max_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportDealFilters, tag_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportDealFilters, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_value_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
}

static void
rapport_deal_filters_init (RapportDealFilters *self)
{
  self->stage_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* The template's choices notify while it is built: not the user. */
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = FALSE;
}
