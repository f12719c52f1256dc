/* rapport-pipeline-view.c — the pipeline board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One RapportStageColumn per stage of the current pipeline, side by side in
 * a sideways-scrolling box, a switcher when there is more than one
 * pipeline, and a status page when the pipeline has no open deal at all.
 *
 * Every change a user makes on the board goes through one of the board.*
 * actions below (the cards and columns only name them), is one store call,
 * and is reported by a toast with Undo. The columns are built again only
 * when the stages themselves change; the store emits notice::stage and
 * notice::pipeline after every write by another program, and those must
 * not re-create every card.
 */

#define G_LOG_DOMAIN "rapport-pipeline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-gate-dialog.h"
#include "rapport-goal-indicator.h"
#include "rapport-bench-hook.h"
#include "rapport-format.h"
#include "rapport-locale.h"
#include "rapport-pipeline-view-private.h"
#include "rapport-store-process.h"
#include "rapport-stage-column.h"

static void rapport_pipeline_view_board_init (RapportBoardInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RapportPipelineView, rapport_pipeline_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (RAPPORT_TYPE_BOARD,
                                                      rapport_pipeline_view_board_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_DEALS_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rapport_pipeline_view_set_store (RapportPipelineView *self,
                                             RapportStore        *store);

/* Columns */

static RapportStageColumn *
rapport_pipeline_view_find_column (RapportPipelineView *self,
                                   gint64               stage_id,
                                   int                 *index)
{
  int i = 0;

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      RapportStage *stage = rapport_stage_column_get_stage (RAPPORT_STAGE_COLUMN (child));

      if (rapport_record_get_id (RAPPORT_RECORD (stage)) == stage_id)
        {
          if (index != NULL)
            *index = i;
          return RAPPORT_STAGE_COLUMN (child);
        }
    }

  if (index != NULL)
    *index = -1;
  return NULL;
}

static RapportStageColumn *
rapport_pipeline_view_nth_column (RapportPipelineView *self,
                                  int                  index)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_box));

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  for (int i = 0; child != NULL && i < index; i++)
    child = gtk_widget_get_next_sibling (child);

  return index >= 0 && child != NULL ? RAPPORT_STAGE_COLUMN (child) : NULL;
}

/* The summary in the top bar and the empty state, from the stages' totals,
 * read again when @refresh (new columns have just read theirs). */
static void
rapport_pipeline_view_update_totals (RapportPipelineView *self,
                                     gboolean             refresh)
{
  const char *currency;
  guint n_columns = 0;
  guint n_open = 0;
  guint n_stage = 0;
  gint64 total = 0;
  gint64 weighted = 0;
  g_autofree char *total_text = NULL;
  g_autofree char *weighted_text = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *number = NULL;

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  currency = rapport_store_get_default_currency (self->store);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      RapportStageColumn *column = RAPPORT_STAGE_COLUMN (child);
      guint n = 0;
      gint64 stage_total = 0, stage_weighted = 0;

      if (refresh)
        rapport_stage_column_refresh_totals (column);
      rapport_stage_column_get_totals (column, &n, &stage_total, &stage_weighted);
      n_open += n;
      n_stage += rapport_stage_column_get_n_stage (column);
      total += stage_total;
      weighted += stage_weighted;
      n_columns++;
    }

  total_text = rapport_format_money (total, currency);
  weighted_text = rapport_format_money_whole (weighted, currency);
  /* Translators: the board's summary: open deals, their total value, and
   * their value weighted by each stage's win probability. */
  number = rapport_locale_format_count (n_open);
  summary = g_strdup_printf (ngettext ("%s open deal · %s · %s weighted",
                                       "%s open deals · %s · %s weighted",
                                       n_open),
                             number, total_text, weighted_text);
  gtk_label_set_label (self->summary_label, summary);

  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), n_open > 0);
  /* The filters stay in reach when they hide every card. */
  gtk_widget_set_visible (self->top_bar, n_stage > 0 || self->pipeline_ids->len > 1);

  rapport_pipeline_view_update_empty (self, n_stage, n_columns);
}

/* The tallest a monitor of the display is, for a maximized window. */
static int
max_monitor_height (GtkWidget *widget)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (widget));
  int height = 0;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }

  return height;
}

/* How many cards fill a column of the window the board is in, before it
 * has ever been laid out: each card made beyond that before the first
 * frame is one to build, bind and measure for nothing. A card is at least
 * MIN_CARD_HEIGHT tall at the default font, and BOARD_CHROME of the
 * window's height is not the lists (header bar, pipeline title, column
 * headers): eight cards at the default 800 pixels. 0 when unknown. */
#define MIN_CARD_HEIGHT 80
#define BOARD_CHROME   160

static guint
rapport_pipeline_view_rows_to_fill (RapportPipelineView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width = 0;
  int height = 0;

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  /* Once on screen, the columns are as tall as they are; after that a
   * rebuild is not before a first frame. */
  if (!GTK_IS_WINDOW (root) || gtk_widget_get_mapped (GTK_WIDGET (root)))
    return 0;

  if (gtk_window_is_maximized (GTK_WINDOW (root)) || gtk_window_is_fullscreen (GTK_WINDOW (root)))
    height = max_monitor_height (GTK_WIDGET (self));
  else
    gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);  /* 4.8 wants both */

  if (height <= BOARD_CHROME)
    return 0;

  return (height - BOARD_CHROME + MIN_CARD_HEIGHT - 1) / MIN_CARD_HEIGHT;
}

static void
rapport_pipeline_view_rebuild_columns (RapportPipelineView *self,
                                       GListModel          *stages)
{
  GtkWidget *child;
  guint rows;

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->column_box))) != NULL)
    gtk_box_remove (self->column_box, child);

  if (stages == NULL)
    return;

  rows = rapport_pipeline_view_rows_to_fill (self);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);

      GtkWidget *column = rows > 0 ? rapport_stage_column_new_with_rows (self->store, stage, rows)
                                   : rapport_stage_column_new (self->store, stage);

      if (self->filtered)
        rapport_stage_column_set_filter (RAPPORT_STAGE_COLUMN (column), &self->filter);
      gtk_box_append (self->column_box, column);
    }
}

/* The board's filters (owner, close date, value, tag) and, in a team, My
 * Deals: every column shows only its deals that pass. */
void
rapport_pipeline_view_apply_filters (RapportPipelineView *self)
{
  gboolean mine;

  g_return_if_fail (RAPPORT_IS_PIPELINE_VIEW (self));

  rapport_deal_query_init (&self->filter);
  self->filtered = rapport_deal_filters_apply (self->filters, &self->filter) > 0;
  mine = rapport_pipeline_view_team_filter (self, &self->filter);
  self->filtered = self->filtered || mine;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (RAPPORT_IS_STAGE_COLUMN (child))
      rapport_stage_column_set_filter (RAPPORT_STAGE_COLUMN (child), self->filtered ? &self->filter : NULL);
  /* The summary is of the cards shown. */
  rapport_pipeline_view_update_totals (self, FALSE);
}

static void
on_filters_changed (RapportPipelineView *self,
                    RapportDealFilters  *filters)
{
  rapport_pipeline_view_apply_filters (self);
}

/* Whether the columns show exactly @stages, in order. */
static gboolean
rapport_pipeline_view_columns_match (RapportPipelineView *self,
                                     GListModel          *stages)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_box));
  guint n = stages != NULL ? g_list_model_get_n_items (stages) : 0;

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  for (guint i = 0; i < n; i++, child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);

      if (child == NULL || rapport_stage_column_get_stage (RAPPORT_STAGE_COLUMN (child)) != stage)
        return FALSE;
    }

  return child == NULL;
}

/* The switcher lists the pipelines by name; it is rebuilt only when they
 * change, and never answers its own updates. */
static void
rapport_pipeline_view_sync_switcher (RapportPipelineView *self,
                                     RapportPipeline     *current)
{
  GListModel *pipelines = rapport_store_get_pipelines (self->store);
  guint n = g_list_model_get_n_items (pipelines);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean same;
  guint selected = GTK_INVALID_LIST_POSITION;

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportPipeline) pipeline = g_list_model_get_item (pipelines, i);
      gint64 id = rapport_record_get_id (RAPPORT_RECORD (pipeline));

      g_ptr_array_add (names, g_strdup (rapport_pipeline_get_name (pipeline)));
      g_array_append_val (ids, id);
      if (pipeline == current)
        selected = i;
    }
  g_ptr_array_add (names, NULL);

  same = ids->len == self->pipeline_ids->len;
  for (guint i = 0; same && i < ids->len; i++)
    same = g_array_index (ids, gint64, i) == g_array_index (self->pipeline_ids, gint64, i) &&
           g_strcmp0 (names->pdata[i], gtk_string_list_get_string (self->pipeline_names, i)) == 0;

  g_signal_handlers_block_matched (self->pipeline_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  if (!same)
    {
      gtk_string_list_splice (self->pipeline_names, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->pipeline_names)),
                              (const char * const *) names->pdata);
      g_array_set_size (self->pipeline_ids, 0);
      g_array_append_vals (self->pipeline_ids, ids->data, ids->len);
    }
  if (gtk_drop_down_get_selected (self->pipeline_dropdown) != selected)
    gtk_drop_down_set_selected (self->pipeline_dropdown, selected);
  g_signal_handlers_unblock_matched (self->pipeline_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  /* One pipeline: its name is a title, not a choice. */
  gtk_widget_set_visible (GTK_WIDGET (self->pipeline_dropdown), n > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->pipeline_label), n <= 1);
  gtk_label_set_label (self->pipeline_label, current != NULL ? rapport_pipeline_get_name (current) : "");
}

static void
rapport_pipeline_view_sync (RapportPipelineView *self)
{
  g_autoptr(RapportPipeline) pipeline = NULL;
  GListModel *stages = NULL;
  gint64 pipeline_id = 0;

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  if (self->store == NULL)
    return;

  pipeline = rapport_store_get_current_pipeline (self->store);
  if (pipeline != NULL)
    {
      pipeline_id = rapport_record_get_id (RAPPORT_RECORD (pipeline));
      stages = rapport_store_get_stages (self->store, pipeline);
    }

  rapport_pipeline_view_sync_switcher (self, pipeline);

  if (pipeline_id != self->pipeline_id || !rapport_pipeline_view_columns_match (self, stages))
    {
      gboolean other_pipeline = pipeline_id != self->pipeline_id;

      self->pipeline_id = pipeline_id;
      rapport_pipeline_view_rebuild_columns (self, stages);

      if (other_pipeline)
        rapport_pipeline_view_scroll_to_start (self);

      rapport_pipeline_view_update_totals (self, FALSE);
      return;
    }

  rapport_pipeline_view_update_totals (self, TRUE);
}

static void
on_store_structure_changed (RapportPipelineView *self)
{
  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  rapport_pipeline_view_sync (self);
}

static gboolean
update_totals_idle_cb (gpointer data)
{
  RapportPipelineView *self = data;

  self->totals_idle_id = 0;
  rapport_pipeline_view_update_totals (self, FALSE);

  return G_SOURCE_REMOVE;
}

/* Each column re-reads its own totals when the change concerns it; the
 * summary adds them up once all handlers of this change have run. */
static void
on_store_deal_changed (RapportPipelineView *self)
{
  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  if (self->totals_idle_id == 0)
    self->totals_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_totals_idle_cb, self, NULL);
}

static void
on_pipeline_selected (RapportPipelineView *self,
                      GParamSpec          *pspec,
                      GtkDropDown         *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPipeline) pipeline = NULL;
  GListModel *pipelines;

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  if (self->store == NULL || selected >= self->pipeline_ids->len ||
      g_array_index (self->pipeline_ids, gint64, selected) == self->pipeline_id)
    return;

  pipelines = rapport_store_get_pipelines (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (pipelines) && pipeline == NULL; i++)
    {
      g_autoptr(RapportPipeline) candidate = g_list_model_get_item (pipelines, i);

      if (rapport_record_get_id (RAPPORT_RECORD (candidate)) == g_array_index (self->pipeline_ids, gint64, selected))
        pipeline = g_steal_pointer (&candidate);
    }

  if (pipeline == NULL || !rapport_store_set_current_pipeline (self->store, pipeline, &error))
    {
      if (error != NULL)
        rapport_pipeline_view_show_error (self, error);
      rapport_pipeline_view_sync (self);
    }
}

/* Toasts and Undo */

typedef struct
{
  GWeakRef      view;
  RapportStore *store;
  gint64        deal_id;
  gint64        stage_id;
  int           position;
  gboolean      keep_focus;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_weak_ref_clear (&undo->view);
  g_clear_object (&undo->store);
  g_free (undo);
}

static Undo *
undo_new (RapportPipelineView *self,
          RapportDeal         *deal,
          gboolean             keep_focus)
{
  Undo *undo = g_new0 (Undo, 1);

  g_weak_ref_init (&undo->view, self);
  undo->store = g_object_ref (self->store);
  undo->deal_id = rapport_record_get_id (RAPPORT_RECORD (deal));
  undo->stage_id = rapport_deal_get_stage_id (deal);
  undo->position = rapport_store_get_deal_position (self->store, deal);
  undo->keep_focus = keep_focus;

  return undo;
}

static void
rapport_pipeline_view_add_toast (RapportPipelineView *self,
                                 AdwToast            *toast)
{
  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  rapport_context_add_toast (self->context, toast);
}

void
rapport_pipeline_view_show_error (RapportPipelineView *self,
                                  const GError        *error)
{
  AdwToast *toast;

  g_return_if_fail (RAPPORT_IS_PIPELINE_VIEW (self));

  toast = adw_toast_new (error->message);
  rapport_pipeline_view_add_toast (self, toast);
}

#define UNDO_KEY "rapport-undo"

/* Ctrl+Z, as well as the toast's Undo: the window's undo stack gets the
 * move too, so it takes back the board's moves in order with the edits
 * made elsewhere. */
typedef struct
{
  gint64 deal_id;
  gint64 stage_id;
  int    position;
} MoveBack;

static gboolean
move_back (RapportStore  *store,
           gpointer       data,
           GError       **error)
{
  MoveBack *back = data;
  g_autoptr(RapportDeal) deal = rapport_store_get_deal (store, back->deal_id, error);
  g_autoptr(RapportStage) stage = NULL;

  if (deal == NULL)
    return FALSE;
  stage = rapport_store_get_stage (store, back->stage_id, error);
  if (stage == NULL)
    return FALSE;

  /* Back where it was, even into a stage whose gate it does not meet
   * (it was there): the history says so then. */
  return rapport_store_move_deal_anyway (store, deal, stage, MAX (back->position, 0), error);
}

static void
push_move_back (RapportPipelineView *self,
                const char          *title,
                const Undo          *undo)
{
  MoveBack *back = g_new0 (MoveBack, 1);

  back->deal_id = undo->deal_id;
  back->stage_id = undo->stage_id;
  back->position = undo->position;
  rapport_context_push_undo (self->context, title, move_back, back, g_free);
}

/* How long Undo stays offered after the latest move. */
#define UNDO_TOAST_SECONDS 6

static void
on_undo_clicked (AdwToast *toast)
{
  Undo *undo = g_object_get_data (G_OBJECT (toast), UNDO_KEY);
  g_autoptr(RapportPipelineView) self = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  g_autoptr(RapportStage) stage = NULL;
  g_autoptr(GError) error = NULL;

  if (undo == NULL)
    return;

  self = g_weak_ref_get (&undo->view);

  g_debug ("Undo: deal %" G_GINT64_FORMAT " back to stage %" G_GINT64_FORMAT " at %d",
           undo->deal_id, undo->stage_id, undo->position);

  deal = rapport_store_get_deal (undo->store, undo->deal_id, &error);
  if (deal != NULL)
    stage = rapport_store_get_stage (undo->store, undo->stage_id, &error);

  /* Back to the old stage and place; a won or lost deal is reopened there. */
  if (stage == NULL ||
      !rapport_store_move_deal_anyway (undo->store, deal, stage, MAX (undo->position, 0), &error))
    {
      if (self != NULL)
        rapport_pipeline_view_show_error (self, error);
      else
        g_warning ("Could not undo: %s", error->message);
      return;
    }

  if (self != NULL)
    {
      RapportStageColumn *column = rapport_pipeline_view_find_column (self, undo->stage_id, NULL);

      if (column != NULL)
        rapport_stage_column_show_deal (column, deal, undo->keep_focus);
    }

  /* Once only (this frees @undo). */
  g_object_set_data (G_OBJECT (toast), UNDO_KEY, NULL);
}

static void
on_undo_toast_dismissed (RapportPipelineView *self,
                         AdwToast            *toast)
{
  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  if (self->last_toast == toast)
    {
      g_clear_weak_pointer (&self->last_toast);
      g_clear_handle_id (&self->toast_timeout_id, g_source_remove);
    }
}

static gboolean
undo_toast_timeout_cb (gpointer data)
{
  RapportPipelineView *self = data;

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  self->toast_timeout_id = 0;
  if (self->last_toast != NULL)
    adw_toast_dismiss (self->last_toast);

  return G_SOURCE_REMOVE;
}

/* One toast for the latest move. While it shows, the next move takes it
 * over (title and Undo) rather than dismissing it for a new one: quick
 * keyboard moves would otherwise pile toasts up, and libadwaita 1.2 does
 * not survive dismissing toasts that are still animating in. */
static void
rapport_pipeline_view_toast_with_undo (RapportPipelineView *self,
                                       const char          *title,
                                       Undo                *undo)
{
  AdwToast *toast;

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  push_move_back (self, title, undo);

  /* The toast's own clock starts once; ours starts again with each move. */
  g_clear_handle_id (&self->toast_timeout_id, g_source_remove);
  self->toast_timeout_id = g_timeout_add_seconds (UNDO_TOAST_SECONDS, undo_toast_timeout_cb, self);

  if (self->last_toast != NULL)
    {
      adw_toast_set_title (self->last_toast, title);
      g_object_set_data_full (G_OBJECT (self->last_toast), UNDO_KEY, undo, undo_free);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("Undo"));
  g_object_set_data_full (G_OBJECT (toast), UNDO_KEY, undo, undo_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_clicked), NULL);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->last_toast, toast);

  rapport_pipeline_view_add_toast (self, toast);
}

/* Moves */

/* Writes the move (past an unmet gate when @anyway), then offers to
 * undo it. */
static gboolean
rapport_pipeline_view_commit_move (RapportPipelineView *self,
                                   RapportDeal         *deal,
                                   RapportStage        *stage,
                                   int                  position,
                                   gboolean             keep_focus,
                                   gboolean             anyway)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  RapportStageColumn *column;
  Undo *undo;
  gboolean same_stage, moved;

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  same_stage = rapport_deal_get_stage_id (deal) == rapport_record_get_id (RAPPORT_RECORD (stage)) &&
               rapport_deal_get_status (deal) == RAPPORT_DEAL_STATUS_OPEN;
  undo = undo_new (self, deal, keep_focus);

  g_debug ("Moving deal %" G_GINT64_FORMAT " from stage %" G_GINT64_FORMAT " at %d to stage %" G_GINT64_FORMAT " at %d",
           undo->deal_id, undo->stage_id, undo->position,
           rapport_record_get_id (RAPPORT_RECORD (stage)), position);

  moved = anyway ? rapport_store_move_deal_anyway (self->store, deal, stage, position, &error)
                 : rapport_store_move_deal (self->store, deal, stage, position, &error);
  if (!moved)
    {
      undo_free (undo);
      rapport_pipeline_view_show_error (self, error);
      return FALSE;
    }

  if (same_stage)
    /* Translators: a toast after a deal was moved up or down in its stage. */
    title = g_strdup_printf (_("Moved ‘%s’ within %s"),
                             rapport_deal_get_title (deal), rapport_stage_get_name (stage));
  else
    /* Translators: a toast after a deal was moved to another stage. */
    title = g_strdup_printf (_("Moved ‘%s’ to %s"),
                             rapport_deal_get_title (deal), rapport_stage_get_name (stage));
  rapport_pipeline_view_toast_with_undo (self, title, undo);

  /* The card in sight where it went (after a question, the drop that
   * asked is over); Ctrl+Left and Right: focused, its column shown. */
  column = rapport_pipeline_view_find_column (self, rapport_record_get_id (RAPPORT_RECORD (stage)), NULL);
  if (column != NULL)
    {
      rapport_stage_column_show_deal (column, deal, keep_focus);
      if (keep_focus)
        rapport_pipeline_view_show_column (self, column);
    }

  return TRUE;
}

/* Move Anyway, from a drop or the menu (the card keeps no focus)... */
static void
on_gate_move_anyway (RapportGateDialog   *dialog,
                     RapportPipelineView *self)
{
  rapport_pipeline_view_commit_move (self, rapport_gate_dialog_get_deal (dialog),
                                     rapport_gate_dialog_get_stage (dialog),
                                     rapport_gate_dialog_get_position (dialog), FALSE, TRUE);
}

/* ... or from the keys, which follow the card to its new stage. */
static void
on_gate_move_anyway_keep_focus (RapportGateDialog   *dialog,
                                RapportPipelineView *self)
{
  rapport_pipeline_view_commit_move (self, rapport_gate_dialog_get_deal (dialog),
                                     rapport_gate_dialog_get_stage (dialog),
                                     rapport_gate_dialog_get_position (dialog), TRUE, TRUE);
}

/**
 * rapport_pipeline_view_move_deal:
 * @position: among the other open deals of @stage; -1 for the end
 * @keep_focus: focus the card in its new place (keyboard moves)
 *
 * Commits the move, then offers to undo it. Into a stage whose gate the
 * deal does not meet, it asks first (RapportGateDialog) and returns FALSE:
 * the card stays where it was unless the user says Move Anyway.
 */
gboolean
rapport_pipeline_view_move_deal (RapportPipelineView *self,
                                 RapportDeal         *deal,
                                 RapportStage        *stage,
                                 int                  position,
                                 gboolean             keep_focus)
{
  GtkWidget *dialog;

  g_return_val_if_fail (RAPPORT_IS_PIPELINE_VIEW (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STAGE (stage), FALSE);

  dialog = rapport_gate_dialog_new_if_unmet (self->context, GTK_WIDGET (self), deal, stage, position);
  if (dialog == NULL)
    return rapport_pipeline_view_commit_move (self, deal, stage, position, keep_focus, FALSE);

  g_signal_connect_object (dialog, "move-anyway",
                           keep_focus ? G_CALLBACK (on_gate_move_anyway_keep_focus)
                                      : G_CALLBACK (on_gate_move_anyway),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

/**
 * rapport_pipeline_view_close_deal:
 *
 * Marks @deal won or lost (with @reason), then offers to reopen it.
 */
gboolean
rapport_pipeline_view_close_deal (RapportPipelineView *self,
                                  RapportDeal         *deal,
                                  RapportDealStatus    status,
                                  const char          *reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  Undo *undo;

  g_return_val_if_fail (RAPPORT_IS_PIPELINE_VIEW (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (status != RAPPORT_DEAL_STATUS_OPEN, FALSE);

  if (rapport_deal_get_status (deal) != RAPPORT_DEAL_STATUS_OPEN)
    return FALSE;

  undo = undo_new (self, deal, FALSE);

  if (!rapport_store_set_deal_status (self->store, deal, status, reason, &error))
    {
      undo_free (undo);
      rapport_pipeline_view_show_error (self, error);
      return FALSE;
    }

  if (status == RAPPORT_DEAL_STATUS_WON)
    title = g_strdup_printf (_("Marked ‘%s’ as won"), rapport_deal_get_title (deal));
  else
    title = g_strdup_printf (_("Marked ‘%s’ as lost"), rapport_deal_get_title (deal));
  rapport_pipeline_view_toast_with_undo (self, title, undo);

  return TRUE;
}

/* Keyboard: Left and Right on a card go to the stage beside it, at the
 * same height, skipping empty stages. */

/**
 * rapport_pipeline_view_focus_beside:
 * @card: the focused card
 * @delta: -1 for the previous stage, 1 for the next
 *
 * Returns: whether a card took the focus
 */
gboolean
rapport_pipeline_view_focus_beside (RapportPipelineView *self,
                                    GtkWidget           *card,
                                    int                  delta)
{
  GtkWidget *column;
  int index;
  RapportStageColumn *other;

  g_return_val_if_fail (RAPPORT_IS_PIPELINE_VIEW (self), FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (card), FALSE);

  column = gtk_widget_get_ancestor (card, RAPPORT_TYPE_STAGE_COLUMN);
  if (column == NULL)
    return FALSE;

  rapport_pipeline_view_find_column (self,
                                     rapport_record_get_id (RAPPORT_RECORD (rapport_stage_column_get_stage (RAPPORT_STAGE_COLUMN (column)))),
                                     &index);

  for (int i = index + delta; (other = rapport_pipeline_view_nth_column (self, i)) != NULL; i += delta)
    {
      if (rapport_stage_column_focus_nearest (other, card, gtk_widget_get_height (card) / 2.0))
        {
          rapport_pipeline_view_show_column (self, other);
          return TRUE;
        }
    }

  return FALSE;
}

/* Actions: every change from the board comes through here */

static RapportDeal *
rapport_pipeline_view_lookup_deal (RapportPipelineView *self,
                                   gint64               deal_id)
{
  g_autoptr(GError) error = NULL;
  RapportDeal *deal;

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  if (self->store == NULL)
    return NULL;

  deal = rapport_store_get_deal (self->store, deal_id, &error);
  if (deal == NULL)
    rapport_pipeline_view_show_error (self, error);

  return deal;
}

/* A keyboard or menu move into another stage keeps the card's row, as
 * far as the new stage has one: it slides sideways. */
static void
rapport_pipeline_view_move_to_column (RapportPipelineView *self,
                                      RapportDeal         *deal,
                                      RapportStageColumn  *column)
{
  int position = rapport_store_get_deal_position (self->store, deal);

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  position = CLAMP (position, 0, (int) rapport_stage_column_get_n_deals (column));
  rapport_pipeline_view_move_deal (self, deal, rapport_stage_column_get_stage (column), position, TRUE);
}

static void
rapport_pipeline_view_move_deal_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  RapportPipelineView *self = RAPPORT_PIPELINE_VIEW (widget);
  g_autoptr(RapportDeal) deal = NULL;
  g_autoptr(RapportStage) stage = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deal_id, stage_id;
  int position;

  g_variant_get (parameter, "(xxi)", &deal_id, &stage_id, &position);

  if ((deal = rapport_pipeline_view_lookup_deal (self, deal_id)) == NULL)
    return;
  if ((stage = rapport_store_get_stage (self->store, stage_id, &error)) == NULL)
    {
      rapport_pipeline_view_show_error (self, error);
      return;
    }

  rapport_pipeline_view_move_deal (self, deal, stage, position, FALSE);
}

static void
rapport_pipeline_view_move_deal_to_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  RapportPipelineView *self = RAPPORT_PIPELINE_VIEW (widget);
  g_autoptr(RapportDeal) deal = NULL;
  RapportStageColumn *column;
  gint64 deal_id, stage_id;

  g_variant_get (parameter, "(xx)", &deal_id, &stage_id);

  if ((deal = rapport_pipeline_view_lookup_deal (self, deal_id)) == NULL)
    return;

  column = rapport_pipeline_view_find_column (self, stage_id, NULL);
  if (column != NULL && stage_id != rapport_deal_get_stage_id (deal))
    rapport_pipeline_view_move_to_column (self, deal, column);
}

static void
rapport_pipeline_view_move_deal_step_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  RapportPipelineView *self = RAPPORT_PIPELINE_VIEW (widget);
  g_autoptr(RapportDeal) deal = NULL;
  RapportStageColumn *column;
  gint64 deal_id;
  int delta;
  int index;

  g_variant_get (parameter, "(xi)", &deal_id, &delta);

  if ((deal = rapport_pipeline_view_lookup_deal (self, deal_id)) == NULL)
    return;

  rapport_pipeline_view_find_column (self, rapport_deal_get_stage_id (deal), &index);
  column = index >= 0 ? rapport_pipeline_view_nth_column (self, index + delta) : NULL;
  if (column == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  rapport_pipeline_view_move_to_column (self, deal, column);
}

static void
rapport_pipeline_view_reorder_deal_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  RapportPipelineView *self = RAPPORT_PIPELINE_VIEW (widget);
  g_autoptr(RapportDeal) deal = NULL;
  g_autoptr(RapportStage) stage = NULL;
  g_autoptr(GError) error = NULL;
  RapportStageColumn *column;
  gint64 deal_id;
  int delta;
  int position;

  g_variant_get (parameter, "(xi)", &deal_id, &delta);

  if ((deal = rapport_pipeline_view_lookup_deal (self, deal_id)) == NULL)
    return;

  column = rapport_pipeline_view_find_column (self, rapport_deal_get_stage_id (deal), NULL);
  position = rapport_store_get_deal_position (self->store, deal) + delta;
  if (column == NULL || position < 0 || position >= (int) rapport_stage_column_get_n_deals (column))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  /* The card it swaps places with takes its old place, beside it. */
  if (rapport_pipeline_view_move_deal (self, deal, rapport_stage_column_get_stage (column), position, TRUE))
    rapport_stage_column_keep_in_view (column, position - delta);
}

static void
rapport_pipeline_view_mark_won_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  RapportPipelineView *self = RAPPORT_PIPELINE_VIEW (widget);
  g_autoptr(RapportDeal) deal = rapport_pipeline_view_lookup_deal (self, g_variant_get_int64 (parameter));

  if (deal != NULL)
    rapport_pipeline_view_close_deal (self, deal, RAPPORT_DEAL_STATUS_WON, NULL);
}

static void
rapport_pipeline_view_mark_lost_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  RapportPipelineView *self = RAPPORT_PIPELINE_VIEW (widget);
  g_autoptr(RapportDeal) deal = rapport_pipeline_view_lookup_deal (self, g_variant_get_int64 (parameter));

  if (deal != NULL)
    rapport_pipeline_view_ask_lost_reason (self, deal);
}

/* The deal's detail page, in the window's navigation. */
static void
rapport_pipeline_view_open_deal_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  gtk_widget_activate_action_variant (widget, "win.open-deal", parameter);
}

/* GObject */

static void
rapport_pipeline_view_dispose (GObject *object)
{
  RapportPipelineView *self = RAPPORT_PIPELINE_VIEW (object);

  rapport_pipeline_view_dispose_dnd (self);
  g_clear_handle_id (&self->toast_timeout_id, g_source_remove);
  g_clear_weak_pointer (&self->last_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_PIPELINE_VIEW);

  g_clear_object (&self->pipeline_names);
  g_clear_pointer (&self->pipeline_ids, g_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_pipeline_view_parent_class)->dispose (object);
}

static void
rapport_pipeline_view_finalize (GObject *object)
{
  rapport_pipeline_view_finalize_team (RAPPORT_PIPELINE_VIEW (object));

  G_OBJECT_CLASS (rapport_pipeline_view_parent_class)->finalize (object);
}

static void
rapport_pipeline_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportPipelineView *self = RAPPORT_PIPELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_DEALS_SHOWN:
      g_value_set_string (value, rapport_pipeline_view_get_deals_shown (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_pipeline_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RapportPipelineView *self = RAPPORT_PIPELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      rapport_pipeline_view_set_store (self, rapport_context_get_store (self->context));
      /* The main goal, at the end of the top bar. */
      gtk_box_append (GTK_BOX (self->top_bar), rapport_goal_indicator_new (self->context));
      break;

    case PROP_DEALS_SHOWN:
      if (rapport_pipeline_view_set_deals_shown (self, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_pipeline_view_board_init (RapportBoardInterface *iface)
{
  iface->track_drag = (gpointer) rapport_pipeline_view_track_drag;
  iface->focus_beside = (gpointer) rapport_pipeline_view_focus_beside;
}

static void
rapport_pipeline_view_class_init (RapportPipelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_pipeline_view_dispose;
  object_class->finalize = rapport_pipeline_view_finalize;
  object_class->get_property = rapport_pipeline_view_get_property;
  object_class->set_property = rapport_pipeline_view_set_property;

  /**
   * RapportPipelineView:context:
   *
   * The store shown (one for the board's whole life), the undo history and
   * the toasts.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportPipelineView:deals-shown:
   *
   * In a team's file, "mine" for this desktop's deals only, "everyone"
   * for all; the window keeps it in GSettings. Outside a team it shows
   * nothing less.
   */
  properties[PROP_DEALS_SHOWN] =
    g_param_spec_string ("deals-shown", NULL, NULL,
                         "everyone",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_STAGE_COLUMN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/board/pipeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportPipelineView, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportPipelineView, top_bar);
  gtk_widget_class_bind_template_child (widget_class, RapportPipelineView, pipeline_label);
  gtk_widget_class_bind_template_child (widget_class, RapportPipelineView, pipeline_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportPipelineView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RapportPipelineView, filters);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed);
  gtk_widget_class_bind_template_child (widget_class, RapportPipelineView, team_choice);
  gtk_widget_class_bind_template_child (widget_class, RapportPipelineView, board_page);
  gtk_widget_class_bind_template_child (widget_class, RapportPipelineView, board_scroller);
  gtk_widget_class_bind_template_child (widget_class, RapportPipelineView, column_box);
  gtk_widget_class_bind_template_child (widget_class, RapportPipelineView, zone_revealer);
  gtk_widget_class_bind_template_child (widget_class, RapportPipelineView, won_zone);
  gtk_widget_class_bind_template_child (widget_class, RapportPipelineView, lost_zone);
  gtk_widget_class_bind_template_child (widget_class, RapportPipelineView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RapportPipelineView, empty_buttons);
  gtk_widget_class_bind_template_child (widget_class, RapportPipelineView, demo_button);
  gtk_widget_class_bind_template_callback (widget_class, on_pipeline_selected);

  /* What cards, columns, menus and drop zones ask for. Deals and stages
   * are named by id, so a recycled card can never act on the wrong deal. */
  gtk_widget_class_install_action (widget_class, "board.move-deal", "(xxi)",
                                   rapport_pipeline_view_move_deal_action);
  gtk_widget_class_install_action (widget_class, "board.move-deal-to", "(xx)",
                                   rapport_pipeline_view_move_deal_to_action);
  gtk_widget_class_install_action (widget_class, "board.move-deal-step", "(xi)",
                                   rapport_pipeline_view_move_deal_step_action);
  gtk_widget_class_install_action (widget_class, "board.reorder-deal", "(xi)",
                                   rapport_pipeline_view_reorder_deal_action);
  gtk_widget_class_install_action (widget_class, "board.mark-won", "x",
                                   rapport_pipeline_view_mark_won_action);
  gtk_widget_class_install_action (widget_class, "board.mark-lost", "x",
                                   rapport_pipeline_view_mark_lost_action);
  gtk_widget_class_install_action (widget_class, "board.open-deal", "x",
                                   rapport_pipeline_view_open_deal_action);
  rapport_pipeline_view_class_init_empty (widget_class);
  rapport_pipeline_view_class_init_scroll (widget_class);
  rapport_pipeline_view_class_init_team (widget_class);
}

static void
rapport_pipeline_view_init (RapportPipelineView *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  g_type_ensure (RAPPORT_TYPE_DEAL_FILTERS);
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_deal_filters_set_show_stage (self->filters, FALSE);

  self->pipeline_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pipeline_names = gtk_string_list_new (NULL);
  self->deals_shown = g_strdup ("everyone");

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->pipeline_dropdown, expression);
  g_signal_handlers_block_matched (self->pipeline_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->pipeline_dropdown, G_LIST_MODEL (self->pipeline_names));
  g_signal_handlers_unblock_matched (self->pipeline_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  rapport_pipeline_view_init_dnd (self);
  rapport_pipeline_view_init_scroll (self);
}

GtkWidget *
rapport_pipeline_view_new (RapportContext *context)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_PIPELINE_VIEW, "context", context, NULL);
}

/**
 * rapport_pipeline_view_get_store:
 *
 * Returns: (transfer none) (nullable): the database shown
 */
RapportStore *
rapport_pipeline_view_get_store (RapportPipelineView *self)
{
  g_return_val_if_fail (RAPPORT_IS_PIPELINE_VIEW (self), NULL);

  return self->store;
}

/* Shows @store, the context's: a board shows one database for its whole
 * life. */
static void
rapport_pipeline_view_set_store (RapportPipelineView *self,
                                 RapportStore        *store)
{
  g_return_if_fail (RAPPORT_IS_PIPELINE_VIEW (self));
  g_return_if_fail (store == NULL || RAPPORT_IS_STORE (store));

  if (self->store == store)
    return;
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  rapport_deal_filters_set_store (self->filters, store);
  rapport_pipeline_view_init_team (self);

  /* After: the stage lists, connected when made, have reloaded by then. */
  g_signal_connect_object (store, "notice::pipeline",
                           G_CALLBACK (on_store_structure_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (store, "notice::stage",
                           G_CALLBACK (on_store_structure_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (store, "notice::deal",
                           G_CALLBACK (on_store_deal_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  /* The first run's demo goes once the file has anything in it. */
  g_signal_connect_object (store, "notice::contact",
                           G_CALLBACK (on_store_deal_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (store, "notice::organization",
                           G_CALLBACK (on_store_deal_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  rapport_bench_hook_mark ("board: building columns");
  rapport_pipeline_view_sync (self);
  rapport_bench_hook_mark ("board: columns built");
}
