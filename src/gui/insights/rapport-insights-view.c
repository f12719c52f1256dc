/* rapport-insights-view.c — the team's figures, goals and charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One rapport_store_report_summary() call gives every figure of the
 * period picked and of the one before; the view words them. It computes
 * again when the data changes, once a burst of changes has settled, and
 * only while shown (a hidden view is marked stale and catches up when it
 * is mapped). Bars and figure cards open the deals behind them in a
 * popover, whose rows open a deal's page.
 *
 * The period is a calendar one, the last 12 months, or custom days picked
 * on two calendars (kept only while the view lives). The goals section
 * (rapport-goals-section.c), the charts (rapport-insights-charts.c) and
 * the exports (rapport-insights-export.c) live in files of their own.
 */

#define G_LOG_DOMAIN "rapport-insights-view"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "rapport-bar-list.h"
#include "rapport-day-button.h"
#include "rapport-deal-row.h"
#include "rapport-debounce.h"
#include "rapport-format.h"
#include "rapport-goals-section.h"
#include "rapport-insights-charts.h"
#include "rapport-insights-export.h"
#include "rapport-insights-view.h"

#include <adwaita.h>

/* Changes come in bursts (a drag, an import): compute once they settle. */
#define REFRESH_DELAY_MS 400
/* A popover lists the first deals behind a figure; the rest are counted. */
#define MAX_POPOVER_DEALS 100

typedef enum
{
  PERIOD_WEEK,
  PERIOD_MONTH,
  PERIOD_QUARTER,
  PERIOD_YEAR,
  PERIOD_LAST_12_MONTHS,
  PERIOD_CUSTOM,
} Period;

struct _RapportInsightsView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkDropDown       *period_dropdown;
  GtkDropDown       *owner_dropdown;
  GtkDropDown       *pipeline_dropdown;
  GtkWidget         *custom_box;
  RapportDayButton  *from_button;
  RapportDayButton  *to_button;
  GtkLabel          *period_label;
  GtkFlowBox        *cards_box;
  AdwBin            *goals_bin;
  RapportBarList    *funnel_chart;
  RapportBarList    *forecast_chart;
  RapportBarList    *won_chart;
  RapportBarList    *speed_chart;
  RapportBarList    *lost_chart;
  RapportBarList    *owners_chart;

  /* Owned references */
  RapportContext    *context;
  RapportStore      *store;      /* the context's */
  GtkStringList     *owners;     /* "Everyone", then the owners seen */
  GArray            *pipeline_ids; /* gint64, by the pipeline picker's rows; 0 for all */
  RapportReport     *report;     /* what is shown */
  RapportGoalsSection *goals_section; /* in goals_bin */
  gint64             shown_from; /* its period, for a custom one to start from */
  gint64             shown_to;

  RapportDebounce    refresh;          /* a burst of notices */
  guint              stale : 1;
  guint              filling_choices : 1;
};

G_DEFINE_FINAL_TYPE (RapportInsightsView, rapport_insights_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The query */

static gint64
start_of_day (gint64 t)
{
  return t - (t % 86400 + 86400) % 86400;
}

static void
rapport_insights_view_get_query (RapportInsightsView *self,
                                 RapportReportQuery  *query)
{
  gint64 now = rapport_store_now (self->store);
  guint owner = gtk_drop_down_get_selected (self->owner_dropdown);
  guint pipeline = gtk_drop_down_get_selected (self->pipeline_dropdown);
  static const RapportPeriodKind kinds[] = {
    [PERIOD_WEEK] = RAPPORT_PERIOD_WEEK,
    [PERIOD_MONTH] = RAPPORT_PERIOD_MONTH,
    [PERIOD_QUARTER] = RAPPORT_PERIOD_QUARTER,
    [PERIOD_YEAR] = RAPPORT_PERIOD_YEAR,
  };
  Period period = gtk_drop_down_get_selected (self->period_dropdown);

  *query = (RapportReportQuery) { 0 };

  if (period == PERIOD_CUSTOM)
    {
      /* Whole UTC days, both included. */
      query->from = rapport_day_button_get_day (self->from_button);
      query->to = rapport_day_button_get_day (self->to_button) + 86400;
    }
  else if (period == PERIOD_LAST_12_MONTHS || period >= G_N_ELEMENTS (kinds))
    {
      query->to = start_of_day (now) + 86400;
      query->from = query->to - 365 * (gint64) 86400;
    }
  else
    rapport_period_bounds (kinds[period], now, &query->from, &query->to);

  if (owner != GTK_INVALID_LIST_POSITION && owner > 0)
    query->owner = gtk_string_list_get_string (self->owners, owner);

  if (pipeline != GTK_INVALID_LIST_POSITION && pipeline < self->pipeline_ids->len)
    query->pipeline_id = g_array_index (self->pipeline_ids, gint64, pipeline);
}

/* Every process, then each one: the funnel is of the one picked (with
 * every process, of the board's current one). */
static void
fill_pipeline_choices (RapportInsightsView *self)
{
  GListModel *pipelines = rapport_store_get_pipelines (self->store);
  guint n = g_list_model_get_n_items (pipelines);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 all = 0;

  g_array_set_size (self->pipeline_ids, 0);
  g_array_append_val (self->pipeline_ids, all);
  gtk_string_list_append (names, _("Every sales process"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportPipeline) pipeline = g_list_model_get_item (pipelines, i);
      gint64 id = rapport_record_get_id (RAPPORT_RECORD (pipeline));

      g_array_append_val (self->pipeline_ids, id);
      gtk_string_list_append (names, rapport_pipeline_get_name (pipeline));
    }

  self->filling_choices = TRUE;
  gtk_drop_down_set_model (self->pipeline_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->pipeline_dropdown, 0);
  self->filling_choices = FALSE;
  /* One process needs no picker. */
  gtk_widget_set_visible (GTK_WIDGET (self->pipeline_dropdown), n > 1);
}

/* Words */

static char *
format_days (double days)
{
  if (isnan (days))
    return g_strdup (_("None"));

  /* Translators: a number of days, as in “34 days” */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%.0f day", "%.0f days", (gulong) llround (days)),
                          days);
}

static char *
format_count (double count)
{
  return g_strdup_printf ("%.0f", count);
}

typedef char *(*FormatFunc) (RapportInsightsView *self,
                             double               value);

/* How a figure moved since the previous period: @shown for the card
 * ("↑ 18%"), @spoken for a screen reader. Rates move by points. */
static void
describe_change (double     current,
                 double     previous,
                 gboolean   is_rate,
                 char     **shown,
                 char     **spoken,
                 int       *direction)
{
  double change;

  *shown = NULL;
  *spoken = NULL;
  *direction = 0;

  if (isnan (current) || isnan (previous))
    return;

  if (is_rate)
    change = (current - previous) * 100;
  else if (previous != 0)
    change = (current - previous) / fabs (previous) * 100;
  else
    return;

  if (fabs (change) < 0.5)
    {
      *shown = g_strdup (_("No change"));
      *spoken = g_strdup (_("the same as the previous period"));
      return;
    }

  *direction = change > 0 ? 1 : -1;
  if (is_rate)
    {
      /* Translators: a rate moved up by so many percentage points */
      *shown = g_strdup_printf (change > 0 ? _("↑ %.0f pts") : _("↓ %.0f pts"), fabs (change));
      *spoken = g_strdup_printf (change > 0 ? _("up %.0f points on the previous period")
                                            : _("down %.0f points on the previous period"),
                                 fabs (change));
    }
  else
    {
      /* Translators: a figure moved up or down by so many percent */
      *shown = g_strdup_printf (change > 0 ? _("↑ %.0f%%") : _("↓ %.0f%%"), fabs (change));
      *spoken = g_strdup_printf (change > 0 ? _("up %.0f%% on the previous period")
                                            : _("down %.0f%% on the previous period"),
                                 fabs (change));
    }
}

/* Cards */

typedef enum
{
  CARD_MONEY,
  CARD_COUNT,
  CARD_RATE,
  CARD_DAYS,
  CARD_SCORE,      /* an average of 1–5 scores */
  CARD_NPS,        /* a net promoter score, as a fraction: it moves by points */
} CardKind;

static char *
format_card_value (RapportInsightsView *self,
                   CardKind             kind,
                   double               value)
{
  switch (kind)
    {
    case CARD_MONEY:
      return rapport_insights_format_money (self->report, value);
    case CARD_RATE:
      return rapport_insights_format_percent (value);
    case CARD_DAYS:
      return format_days (value);
    case CARD_SCORE:
      if (isnan (value))
        return g_strdup (_("None"));
      /* Translators: an average satisfaction score, as in “4.2 of 5” */
      return g_strdup_printf (_("%.1f of 5"), value);
    case CARD_NPS:
      if (isnan (value))
        return g_strdup (_("None"));
      /* A net promoter score is written with its sign: +25, 0, -10; the
       * left-to-right embedding keeps the sign before the digits right to left. */
      return g_strdup_printf (value > 0 ? "\u202a+%.0f\u202c" : "\u202a%.0f\u202c", value * 100);
    case CARD_COUNT:
    default:
      return format_count (value);
    }
}

/* What a card that opens its deals stands for. */
typedef struct
{
  RapportInsightsView *view;     /* owns the card */
  RapportReportSlice   slice;
} CardSlice;

static void
on_card_clicked (GtkButton *button,
                 CardSlice *card_slice);

static void
add_card (RapportInsightsView *self,
          const char          *caption,
          CardKind             kind,
          double               current,
          double               previous,
          int                  slice,
          gboolean             lower_is_better)
{
  g_autofree char *value = format_card_value (self, kind, current);
  g_autofree char *change = NULL;
  g_autofree char *spoken_change = NULL;
  g_autofree char *spoken = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value_label = gtk_label_new (value);
  GtkWidget *caption_label = gtk_label_new (caption);
  GtkWidget *card;
  int direction;

  describe_change (current, previous, kind == CARD_RATE || kind == CARD_NPS, &change, &spoken_change, &direction);
  /* Fewer deals lost and a shorter cycle are good news: green. */
  if (lower_is_better)
    direction = -direction;

  gtk_widget_add_css_class (value_label, "title-2");
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (value_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_box_append (GTK_BOX (box), caption_label);

  if (change != NULL)
    {
      GtkWidget *change_label = gtk_label_new (change);

      gtk_widget_add_css_class (change_label, "caption");
      gtk_widget_add_css_class (change_label, "numeric");
      if (direction > 0)
        gtk_widget_add_css_class (change_label, "success");
      else if (direction < 0)
        gtk_widget_add_css_class (change_label, "error");
      else
        gtk_widget_add_css_class (change_label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (change_label), 0);
      gtk_box_append (GTK_BOX (box), change_label);
    }

  if (slice >= 0)
    {
      CardSlice *card_slice = g_new0 (CardSlice, 1);

      card_slice->view = self;
      card_slice->slice = slice;
      card = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (card), box);
      g_signal_connect_data (card, "clicked", G_CALLBACK (on_card_clicked), card_slice,
                             (GClosureNotify) G_CALLBACK (g_free), 0);
    }
  else
    {
      card = box;
    }

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "insights-card");

  /* Translators: a figure card read aloud, as in “Won value: $12,400, up 18% on the previous period” */
  spoken = spoken_change ? g_strdup_printf (_("%s: %s, %s"), caption, value, spoken_change)
                         /* Translators: a figure card read aloud, as in “Won value: $12,400” */
                         : g_strdup_printf (_("%s: %s"), caption, value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  gtk_flow_box_append (self->cards_box, card);
}

/* The customers' answers of the period, with how many there were. */
static void
fill_satisfaction_cards (RapportInsightsView             *self,
                         const RapportReportSatisfaction *c,
                         const RapportReportSatisfaction *p)
{
  g_autofree char *score = NULL;
  g_autofree char *nps = NULL;

  /* Translators: a figure's caption; %u is how many customers gave a score */
  score = g_strdup_printf (ngettext ("Average satisfaction, %u answer", "Average satisfaction, %u answers",
                                     c->scores), c->scores);
  /* Translators: a figure's caption (promoters less detractors); %u is how many answered */
  nps = g_strdup_printf (ngettext ("Net promoter score, %u answer", "Net promoter score, %u answers",
                                   c->nps_answers), c->nps_answers);
  add_card (self, score, CARD_SCORE, c->average_score, p->average_score, -1, FALSE);
  add_card (self, nps, CARD_NPS, c->nps / 100, p->nps / 100, -1, FALSE);
}

static void
fill_cards (RapportInsightsView *self)
{
  const RapportReportPeriod *c = &self->report->current;
  const RapportReportPeriod *p = &self->report->previous;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))) != NULL)
    gtk_flow_box_remove (self->cards_box, child);

  add_card (self, _("Won value"), CARD_MONEY, c->won.value, p->won.value, RAPPORT_REPORT_SLICE_WON, FALSE);
  add_card (self, _("Deals won"), CARD_COUNT, c->won.count, p->won.count, RAPPORT_REPORT_SLICE_WON, FALSE);
  add_card (self, _("Deals lost"), CARD_COUNT, c->lost.count, p->lost.count, RAPPORT_REPORT_SLICE_LOST, TRUE);
  add_card (self, _("Win rate"), CARD_RATE, c->win_rate, p->win_rate, -1, FALSE);
  add_card (self, _("Average deal won"), CARD_MONEY, c->average_won_value, p->average_won_value, -1, FALSE);
  add_card (self, _("Sales cycle, median"), CARD_DAYS, c->cycle_days_median, p->cycle_days_median, -1, TRUE);
  add_card (self, _("Open pipeline"), CARD_MONEY, c->open.value, p->open.value, RAPPORT_REPORT_SLICE_OPEN, FALSE);
  add_card (self, _("Weighted pipeline"), CARD_MONEY, c->open_weighted, p->open_weighted, RAPPORT_REPORT_SLICE_OPEN, FALSE);
  add_card (self, _("Sales velocity per day"), CARD_MONEY, c->velocity_per_day, p->velocity_per_day, -1, FALSE);
  add_card (self, _("Leads contacted in time"), CARD_RATE, c->speed.share, p->speed.share, -1, FALSE);
  add_card (self, _("New leads"), CARD_COUNT, c->new_leads, p->new_leads, -1, FALSE);
  add_card (self, _("New deals"), CARD_COUNT, c->new_deals, p->new_deals, RAPPORT_REPORT_SLICE_NEW, FALSE);
  add_card (self, _("Calls, emails and meetings"), CARD_COUNT,
            c->activities[RAPPORT_ACTIVITY_CALL] + c->activities[RAPPORT_ACTIVITY_EMAIL] +
            c->activities[RAPPORT_ACTIVITY_MEETING],
            p->activities[RAPPORT_ACTIVITY_CALL] + p->activities[RAPPORT_ACTIVITY_EMAIL] +
            p->activities[RAPPORT_ACTIVITY_MEETING], -1, FALSE);
  fill_satisfaction_cards (self, &c->satisfaction, &p->satisfaction);
}

/* The deals behind a figure */

static gboolean
unparent_popover (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);

  return G_SOURCE_REMOVE;
}

static void
on_popover_closed (GtkPopover *popover)
{
  /* Unparented once it has finished closing; a new one is made each time.
   * Its parent may go first (a refresh remakes the cards). */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, unparent_popover, g_object_ref (popover), g_object_unref);
}

static void
on_popover_deal_activated (GtkPopover *popover)
{
  gtk_popover_popdown (popover);
}

static GtkWidget *
make_deals_list (RapportInsightsView *self,
                 GArray              *ids,
                 GtkPopover          *popover)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Deals"),
                                  -1);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_popover_deal_activated), popover,
                           G_CONNECT_SWAPPED);

  for (guint i = 0; i < MIN (ids->len, MAX_POPOVER_DEALS); i++)
    {
      g_autoptr(RapportDeal) deal = rapport_store_get_deal (self->store, g_array_index (ids, gint64, i), NULL);

      /* Gone since the figure was computed: the next refresh recounts. */
      if (deal != NULL)
        gtk_list_box_append (GTK_LIST_BOX (list), rapport_deal_row_new (self->context, deal));
    }

  return list;
}

/* Pops up, over @anchor (in @parent), the deals of a slice of the report. */
static void
rapport_insights_view_show_deals (RapportInsightsView *self,
                                  GtkWidget           *parent,
                                  GtkWidget           *anchor,
                                  RapportReportSlice   slice,
                                  gint64               param,
                                  const char          *text)
{
  RapportReportQuery query;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  GtkWidget *popover;
  GtkWidget *box;
  GtkWidget *scroller;
  graphene_rect_t bounds;

  rapport_insights_view_get_query (self, &query);
  ids = rapport_store_report_deal_ids (self->store, &query, slice, param, text, &error);
  if (ids == NULL)
    {
      rapport_context_report_error (self->context, error);
      return;
    }

  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_widget_set_size_request (scroller, 360, -1);

  if (ids->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No deals."));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (box), none);
    }
  else
    {
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller),
                                     make_deals_list (self, ids, GTK_POPOVER (popover)));
      gtk_box_append (GTK_BOX (box), scroller);
    }

  if (ids->len > MAX_POPOVER_DEALS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "The first %u of %u deal.",
                                                            "The first %u of %u deals.",
                                                            ids->len),
                                               MAX_POPOVER_DEALS, ids->len);
      GtkWidget *label = gtk_label_new (more);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_widget_set_parent (popover, parent);
  if (anchor != NULL && gtk_widget_compute_bounds (anchor, parent, &bounds))
    gtk_popover_set_pointing_to (GTK_POPOVER (popover),
                                 &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                   bounds.size.width, bounds.size.height });
  g_signal_connect (popover, "closed", G_CALLBACK (on_popover_closed), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
on_card_clicked (GtkButton *button,
                 CardSlice *card_slice)
{
  rapport_insights_view_show_deals (card_slice->view, GTK_WIDGET (button), NULL,
                                    card_slice->slice, 0, NULL);
}

static void
show_chart_deals (RapportInsightsView *self,
                  RapportBarList      *chart,
                  guint                index,
                  RapportReportSlice   slice,
                  gint64               param,
                  const char          *text)
{
  rapport_insights_view_show_deals (self, GTK_WIDGET (chart),
                                    rapport_bar_list_get_row (chart, index),
                                    slice, param, text);
}

static void
on_funnel_activated (RapportInsightsView *self,
                     guint                index,
                     RapportBarList      *chart)
{
  GArray *funnel = self->report->current.funnel;

  if (index < funnel->len)
    show_chart_deals (self, chart, index, RAPPORT_REPORT_SLICE_STAGE_REACHED,
                      g_array_index (funnel, RapportReportStage, index).stage_id, NULL);
}

static void
on_forecast_activated (RapportInsightsView *self,
                       guint                index,
                       RapportBarList      *chart)
{
  GArray *forecast = self->report->forecast;

  if (index < forecast->len)
    show_chart_deals (self, chart, index, RAPPORT_REPORT_SLICE_FORECAST_MONTH,
                      g_array_index (forecast, RapportReportMonth, index).start, NULL);
}

static void
on_won_activated (RapportInsightsView *self,
                  guint                index,
                  RapportBarList      *chart)
{
  GArray *months = self->report->won_by_month;

  if (index < months->len)
    show_chart_deals (self, chart, index, RAPPORT_REPORT_SLICE_WON_MONTH,
                      g_array_index (months, RapportReportMonth, index).start, NULL);
}

static void
on_lost_activated (RapportInsightsView *self,
                   guint                index,
                   RapportBarList      *chart)
{
  GArray *reasons = self->report->current.lost_reasons;

  if (index < reasons->len)
    show_chart_deals (self, chart, index, RAPPORT_REPORT_SLICE_LOST_REASON, 0,
                      g_array_index (reasons, RapportReportGroup, index).name);
}

static void
on_owner_activated (RapportInsightsView *self,
                    guint                index,
                    RapportBarList      *chart)
{
  GArray *owners = self->report->current.owners;

  if (index < owners->len)
    show_chart_deals (self, chart, index, RAPPORT_REPORT_SLICE_OWNER_WON, 0,
                      g_array_index (owners, RapportReportOwner, index).owner);
}

/* Owners to pick: everyone, then whoever the report names. */
static void
fill_owner_choices (RapportInsightsView *self)
{
  GArray *owners = self->report->current.owners;

  if (self->report->owner != NULL || g_list_model_get_n_items (G_LIST_MODEL (self->owners)) > 1)
    return;

  self->filling_choices = TRUE;
  for (guint i = 0; i < owners->len; i++)
    {
      const char *owner = g_array_index (owners, RapportReportOwner, i).owner;

      if (owner != NULL && *owner != '\0')
        gtk_string_list_append (self->owners, owner);
    }
  self->filling_choices = FALSE;
}

/* Computing */

static void
rapport_insights_view_refresh (RapportInsightsView *self)
{
  RapportReportQuery query;
  g_autoptr(GError) error = NULL;
  RapportReport *report;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *period = NULL;

  rapport_debounce_cancel (&self->refresh);
  self->stale = FALSE;

  rapport_insights_view_get_query (self, &query);
  report = rapport_store_report_summary (self->store, &query, &error);
  if (report == NULL)
    {
      rapport_context_report_error (self->context, error);
      return;
    }

  g_clear_pointer (&self->report, rapport_report_free);
  self->report = report;
  self->shown_from = query.from;
  self->shown_to = query.to;

  from = rapport_format_time_day (query.from, query.from);
  to = rapport_format_time_day (query.to - 1, query.from);
  /* Translators: the period shown, and what it is compared with */
  period = g_strdup_printf (_("%s to %s, beside the period before"), from, to);
  gtk_label_set_label (self->period_label, period);

  fill_owner_choices (self);
  fill_cards (self);
  rapport_goals_section_refresh (self->goals_section);
  rapport_insights_fill_funnel (self->funnel_chart, self->report);
  rapport_insights_fill_forecast (self->forecast_chart, self->report);
  rapport_insights_fill_won_by_month (self->won_chart, self->report);
  rapport_insights_fill_speed (self->speed_chart, self->report);
  rapport_insights_fill_lost_reasons (self->lost_chart, self->report);
  rapport_insights_fill_owners (self->owners_chart, self->report);
}

static void
on_store_notice (RapportInsightsView *self,
                 const RapportNotice *notice,
                 RapportStore        *store)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  rapport_debounce_queue (&self->refresh);
}

static void
on_filter_changed (RapportInsightsView *self)
{
  if (self->store != NULL && !self->filling_choices)
    rapport_insights_view_refresh (self);
}

/* A custom period starts as the period shown, and can then be moved. */
static void
on_period_changed (RapportInsightsView *self)
{
  gboolean custom = gtk_drop_down_get_selected (self->period_dropdown) == PERIOD_CUSTOM;

  if (custom && self->store != NULL)
    {
      self->filling_choices = TRUE;
      rapport_day_button_set_day (self->to_button, self->shown_to - 86400);
      rapport_day_button_set_day (self->from_button, self->shown_from);
      self->filling_choices = FALSE;
    }
  gtk_widget_set_visible (self->custom_box, custom);

  on_filter_changed (self);
}

/* The end is never before the start: moving one past the other brings the
 * other along, so the range stays whole days in order. */
static void
on_from_changed (RapportInsightsView *self)
{
  gint64 from = rapport_day_button_get_day (self->from_button);

  if (rapport_day_button_get_day (self->to_button) < from)
    {
      self->filling_choices = TRUE;
      rapport_day_button_set_day (self->to_button, from);
      self->filling_choices = FALSE;
    }
  on_filter_changed (self);
}

static void
on_to_changed (RapportInsightsView *self)
{
  gint64 to = rapport_day_button_get_day (self->to_button);

  if (rapport_day_button_get_day (self->from_button) > to)
    {
      self->filling_choices = TRUE;
      rapport_day_button_set_day (self->from_button, to);
      self->filling_choices = FALSE;
    }
  on_filter_changed (self);
}

static void
rapport_insights_view_map (GtkWidget *widget)
{
  RapportInsightsView *self = RAPPORT_INSIGHTS_VIEW (widget);

  if (self->stale)
    rapport_insights_view_refresh (self);

  GTK_WIDGET_CLASS (rapport_insights_view_parent_class)->map (widget);
}

/* Exports */

/* "insights-2026-11-01-to-2026-11-30.png": the days shown, both included. */
static char *
export_name (RapportInsightsView *self,
             const char          *extension)
{
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (self->shown_from);
  g_autoptr(GDateTime) last = g_date_time_new_from_unix_utc (self->shown_to - 1);
  g_autofree char *from_day = from != NULL ? g_date_time_format (from, "%Y-%m-%d") : NULL;
  g_autofree char *last_day = last != NULL ? g_date_time_format (last, "%Y-%m-%d") : NULL;

  if (from_day == NULL || last_day == NULL)
    return g_strdup_printf ("insights.%s", extension);

  return g_strdup_printf ("insights-%s-to-%s.%s", from_day, last_day, extension);
}

static void
export_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RapportInsightsView *self = RAPPORT_INSIGHTS_VIEW (widget);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  g_autofree char *name = export_name (self, "png");

  /* The viewport's child has the whole page's height, scrolled or not. */
  rapport_insights_export_image (self->context, gtk_widget_get_first_child (viewport), name);
}

static void
export_tables_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RapportInsightsView *self = RAPPORT_INSIGHTS_VIEW (widget);
  RapportReportQuery query;

  rapport_insights_view_get_query (self, &query);
  rapport_insights_export_tables (self->context, widget, &query);
}

/* The object */

static void
rapport_insights_view_constructed (GObject *object)
{
  RapportInsightsView *self = RAPPORT_INSIGHTS_VIEW (object);
  static const char * const details[] = {
    "notice::deal", "notice::activity", "notice::contact", "notice::goal", "notice::stage",
  };

  G_OBJECT_CLASS (rapport_insights_view_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_CONTEXT (self->context));

  self->store = rapport_context_get_store (self->context);
  self->goals_section = RAPPORT_GOALS_SECTION (rapport_goals_section_new (self->context));
  adw_bin_set_child (self->goals_bin, GTK_WIDGET (self->goals_section));
  fill_pipeline_choices (self);
  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    g_signal_connect_object (self->store, details[i], G_CALLBACK (on_store_notice), self,
                             G_CONNECT_SWAPPED);

  rapport_insights_view_refresh (self);
}

static void
rapport_insights_view_dispose (GObject *object)
{
  RapportInsightsView *self = RAPPORT_INSIGHTS_VIEW (object);

  rapport_debounce_cancel (&self->refresh);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_INSIGHTS_VIEW);
  g_clear_pointer (&self->report, rapport_report_free);
  g_clear_object (&self->context);
  self->store = NULL;
  self->goals_section = NULL;

  G_OBJECT_CLASS (rapport_insights_view_parent_class)->dispose (object);
}

static void
rapport_insights_view_finalize (GObject *object)
{
  RapportInsightsView *self = RAPPORT_INSIGHTS_VIEW (object);

  g_clear_object (&self->owners);
  g_clear_pointer (&self->pipeline_ids, g_array_unref);

  G_OBJECT_CLASS (rapport_insights_view_parent_class)->finalize (object);
}

static void
rapport_insights_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportInsightsView *self = RAPPORT_INSIGHTS_VIEW (object);

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
rapport_insights_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RapportInsightsView *self = RAPPORT_INSIGHTS_VIEW (object);

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
rapport_insights_view_class_init (RapportInsightsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_insights_view_constructed;
  object_class->dispose = rapport_insights_view_dispose;
  object_class->finalize = rapport_insights_view_finalize;
  object_class->get_property = rapport_insights_view_get_property;
  object_class->set_property = rapport_insights_view_set_property;

  widget_class->map = rapport_insights_view_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "insights.export-image", NULL, export_image_action);
  gtk_widget_class_install_action (widget_class, "insights.export-tables", NULL, export_tables_action);

  g_type_ensure (RAPPORT_TYPE_BAR_LIST);
  g_type_ensure (RAPPORT_TYPE_DAY_BUTTON);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/insights/insights-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsView, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsView, pipeline_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsView, custom_box);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsView, from_button);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsView, to_button);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsView, period_label);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsView, cards_box);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsView, goals_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsView, funnel_chart);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsView, forecast_chart);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsView, won_chart);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsView, speed_chart);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsView, lost_chart);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsView, owners_chart);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_from_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_to_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_funnel_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_forecast_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_won_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_lost_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_owner_activated);
}

static void
rapport_insights_view_init (RapportInsightsView *self)
{
  rapport_debounce_init (&self->refresh, REFRESH_DELAY_MS, (RapportDebounceFunc) rapport_insights_view_refresh, self);
  self->owners = gtk_string_list_new (NULL);
  self->pipeline_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (self->owners, _("Everyone"));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (self->owners));
}

GtkWidget *
rapport_insights_view_new (RapportContext *context)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_INSIGHTS_VIEW, "context", context, NULL);
}
