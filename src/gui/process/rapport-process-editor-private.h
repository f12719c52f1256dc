/* rapport-process-editor-private.h — the process editor's parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-process-editor.h"
#include "rapport-process-stages.h"
#include "rapport-stage-page.h"

G_BEGIN_DECLS

struct _RapportProcessEditor
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *content;
  GtkListBox           *pipelines_list;
  AdwWindowTitle       *window_title;
  AdwEntryRow          *name_row;
  RapportProcessStages *stages_group;
  AdwComboRow          *stage_row;
  RapportStagePage     *stage_page;
  AdwBin               *after_sales_bin;
  GtkWidget            *delete_button;

  /* Owned references */
  RapportContext       *context;
  RapportPipeline      *pipeline;
  GListModel           *stages;      /* the store's, of the pipeline */

  char                 *stage_names; /* as the stage picker shows them */
  gint64                stage_id;    /* the chosen stage */
  gboolean              refilling;   /* a list is being filled anew */
  gboolean              shown;       /* constructed: the children have the store */
};

static inline RapportStore *
store_of (RapportProcessEditor *self)
{
  return rapport_context_get_store (self->context);
}

/* rapport-process-editor-stages.c: the stage picker */

/* Where record @id is in @list, or GTK_INVALID_LIST_POSITION. */
guint rapport_process_editor_index_of        (GListModel           *list,
                                              gint64                id);
/* The picker and the stage page on the chosen pipeline's first stage. */
void  rapport_process_editor_show_stages     (RapportProcessEditor *self);
void  rapport_process_editor_on_stage_notice (RapportProcessEditor *self);
void  rapport_process_editor_on_stage_picked (RapportProcessEditor *self);
void  rapport_process_editor_on_stage_chosen (RapportProcessEditor *self,
                                              RapportStage         *stage);

G_END_DECLS
