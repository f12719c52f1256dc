/* rapport-pipeline-view-private.h — what the board's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rapport-pipeline-view.c builds the columns and does the moves;
 * rapport-pipeline-view-dnd.c follows drags (the Won and Lost zones, the
 * sideways scrolling, the lost reason); rapport-pipeline-view-scroll.c
 * scrolls the board sideways by wheel, touchpad and keys;
 * rapport-pipeline-view-empty.c shows the board or says why there is none,
 * and loads the demo; rapport-pipeline-view-team.c offers My Deals and
 * Everyone in a team's file.
 */

#pragma once

#include "rapport-board.h"
#include "rapport-pipeline-view.h"
#include "rapport-deal-filters.h"
#include "rapport-stage-column.h"

G_BEGIN_DECLS

struct _RapportPipelineView
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkWidget         *top_bar;
  GtkLabel          *pipeline_label;
  GtkDropDown       *pipeline_dropdown;
  GtkLabel          *summary_label;
  RapportDealFilters *filters;
  GtkWidget         *team_choice;       /* My Deals | Everyone */
  RapportDealQuery   filter;        /* what the columns show, when filtered */
  gboolean           filtered;
  GtkWidget         *board_page;
  GtkScrolledWindow *board_scroller;
  GtkBox            *column_box;
  GtkRevealer       *zone_revealer;
  GtkWidget         *won_zone;
  GtkWidget         *lost_zone;
  AdwStatusPage     *empty_page;
  GtkWidget         *empty_buttons;
  GtkWidget         *demo_button;

  /* Owned references */
  RapportContext    *context;
  RapportStore      *store;             /* the context's */
  GtkStringList     *pipeline_names;    /* the switcher's model */
  GArray            *pipeline_ids;      /* gint64, same order */
  GHashTable        *summaries;         /* deal id → RapportDealSummary (weak) */
  GdkDrag           *drag;              /* the drag of a card, while it lasts */
  RapportDeal       *drag_deal;
  GtkDragSource     *drag_source;       /* weak: the card's, it may go */
  GdkDisplay        *drag_display;      /* followed for Escape on X11 */

  /* Borrowed references */
  AdwToast          *last_toast;        /* weak: the Undo toast showing */
  guint              toast_timeout_id;
  guint              totals_idle_id;

  gint64             pipeline_id;       /* the pipeline the columns show */

  /* Team mode (rapport-pipeline-view-team.c) */
  char              *team_user;         /* this desktop's; NULL outside a team */
  char              *deals_shown;       /* "mine" or "everyone" */

  /* Sideways scrolling while a drag nears the board's edge */
  guint              hscroll_id;
  double             hscroll_speed;
  gint64             hscroll_time;

  /* Which way a touchpad's swipe goes (rapport-pipeline-view-scroll.c) */
  int                scroll_axis;
};

/* rapport-pipeline-view.c */
gboolean rapport_pipeline_view_move_deal       (RapportPipelineView *self,
                                                RapportDeal         *deal,
                                                RapportStage        *stage,
                                                int                  position,
                                                gboolean             keep_focus);
gboolean rapport_pipeline_view_close_deal      (RapportPipelineView *self,
                                                RapportDeal         *deal,
                                                RapportDealStatus    status,
                                                const char          *reason);
void     rapport_pipeline_view_show_error      (RapportPipelineView *self,
                                                const GError        *error);
/* The filters and My Deals, into every column. */
void     rapport_pipeline_view_apply_filters   (RapportPipelineView *self);
/* RapportBoard */
gboolean rapport_pipeline_view_focus_beside    (RapportPipelineView *self,
                                                GtkWidget           *card,
                                                int                  delta);

/* rapport-pipeline-view-dnd.c */
void     rapport_pipeline_view_init_dnd        (RapportPipelineView *self);
void     rapport_pipeline_view_dispose_dnd     (RapportPipelineView *self);
void     rapport_pipeline_view_ask_lost_reason (RapportPipelineView *self,
                                                RapportDeal         *deal);
/* RapportBoard */
void     rapport_pipeline_view_track_drag      (RapportPipelineView *self,
                                                GtkDragSource       *source,
                                                GdkDrag             *drag,
                                                RapportDeal         *deal);

/* rapport-pipeline-view-empty.c */
void     rapport_pipeline_view_class_init_empty  (GtkWidgetClass      *widget_class);
void     rapport_pipeline_view_update_empty      (RapportPipelineView *self,
                                                  guint                n_open,
                                                  guint                n_columns);

/* rapport-pipeline-view-scroll.c */
void     rapport_pipeline_view_class_init_scroll (GtkWidgetClass     *widget_class);
void     rapport_pipeline_view_init_scroll       (RapportPipelineView *self);
void     rapport_pipeline_view_scroll_to_start   (RapportPipelineView *self);
void     rapport_pipeline_view_show_column       (RapportPipelineView *self,
                                                  RapportStageColumn  *column);

/* rapport-pipeline-view-team.c */
void        rapport_pipeline_view_class_init_team (GtkWidgetClass      *widget_class);
void        rapport_pipeline_view_init_team       (RapportPipelineView *self);
void        rapport_pipeline_view_finalize_team   (RapportPipelineView *self);
gboolean    rapport_pipeline_view_team_filter     (RapportPipelineView *self,
                                                   RapportDealQuery    *query);
const char *rapport_pipeline_view_get_deals_shown (RapportPipelineView *self);
gboolean    rapport_pipeline_view_set_deals_shown (RapportPipelineView *self,
                                                   const char          *shown);

G_END_DECLS
