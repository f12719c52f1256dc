/* rapport-store-process.h — the sales process as the user edits it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pipelines, their stages, each stage's playbook and its gate. Every call
 * is one transaction and sends the notices of what it changed (pipeline,
 * stage, deal), so the board and the deal pages follow.
 *
 * The simple fields go through rapport_store_update(): a pipeline's or a
 * stage's "name", a stage's "probability", "rotting-days", "purpose",
 * "require-qualified" and "require-checklist", a key action's "action",
 * "owner", "activity", "material" and "output". Positions only move
 * through the calls below. The history keeps the stage names of its time:
 * renaming a stage never rewrites it.
 */

#pragma once

#include "rapport-process.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* Pipelines */

RapportPipeline    *rapport_store_get_pipeline          (RapportStore       *self,
                                                         gint64              id,
                                                         GError            **error);
/* A new pipeline from one of rapport_templates_get() (its stages and
 * playbooks), or empty (@template_id NULL): one stage, so it can hold
 * deals at once. It goes last; it is not made current. */
RapportPipeline    *rapport_store_add_pipeline          (RapportStore       *self,
                                                         const char         *name,
                                                         const char         *template_id,
                                                         GError            **error);
/* Every deal of @pipeline, open, won or lost. */
guint               rapport_store_count_pipeline_deals  (RapportStore       *self,
                                                         RapportPipeline    *pipeline);
/* Moves the deals of @pipeline to @move_to (each to the stage that
 * rapport_store_map_stage() gives, with a history entry), then deletes it
 * with its stages and playbooks. @move_to may be NULL only when @pipeline
 * has no deals. The last pipeline cannot be deleted. */
gboolean            rapport_store_delete_pipeline       (RapportStore       *self,
                                                         RapportPipeline    *pipeline,
                                                         RapportPipeline    *move_to,
                                                         GError            **error);

/* Stages */

/* A stage by id, or by name (in any case) in @pipeline. */
RapportStage       *rapport_store_find_stage_in         (RapportStore       *self,
                                                         RapportPipeline    *pipeline,
                                                         const char         *id_or_name,
                                                         GError            **error);
/* @position 0 is the first stage; -1 (or past the end) the last. */
RapportStage       *rapport_store_add_stage             (RapportStore       *self,
                                                         RapportPipeline    *pipeline,
                                                         const char         *name,
                                                         int                 position,
                                                         int                 probability,
                                                         int                 rotting_days,
                                                         GError            **error);
gboolean            rapport_store_move_stage            (RapportStore       *self,
                                                         RapportStage       *stage,
                                                         int                 position,
                                                         GError            **error);
/* Every deal whose stage is @stage, open, won or lost. */
guint               rapport_store_count_stage_deals     (RapportStore       *self,
                                                         RapportStage       *stage);
/* Moves the deals of @stage to @reassign_to (a stage of the same
 * pipeline; NULL only when @stage has no deals), each with a history
 * entry, then deletes it and its playbook. The last stage of a pipeline
 * cannot be deleted. */
gboolean            rapport_store_delete_stage          (RapportStore       *self,
                                                         RapportStage       *stage,
                                                         RapportStage       *reassign_to,
                                                         GError            **error);
/* The stage of @pipeline a deal of @from goes to when it changes
 * pipelines: the one with the same name (in any case), else the one at
 * the same position, else the last. */
RapportStage       *rapport_store_map_stage             (RapportStore       *self,
                                                         RapportStage       *from,
                                                         RapportPipeline    *pipeline);

/* Playbooks */

typedef struct
{
  const char *action;     /* required: "Qualify the lead against BANT" */
  const char *owner;      /* who does it */
  const char *activity;   /* the activity: "Discovery call" */
  const char *material;   /* the supporting material */
  const char *output;     /* the expected output */
} RapportStageActionFields;

RapportStageAction *rapport_store_get_stage_action      (RapportStore       *self,
                                                         gint64              id,
                                                         GError            **error);
RapportStageAction *rapport_store_add_stage_action      (RapportStore       *self,
                                                         RapportStage       *stage,
                                                         const RapportStageActionFields *fields,
                                                         int                 position,
                                                         GError            **error);
gboolean            rapport_store_move_stage_action     (RapportStore       *self,
                                                         RapportStageAction *action,
                                                         int                 position,
                                                         GError            **error);
gboolean            rapport_store_delete_stage_action   (RapportStore       *self,
                                                         RapportStageAction *action,
                                                         GError            **error);

/* Gates */

/* What @deal lacks to enter @stage, one whole sentence each (element
 * type char *), empty when nothing. A gate holds only forward: moving a
 * deal back, or within its stage, meets no gate. */
GPtrArray          *rapport_store_check_gate            (RapportStore       *self,
                                                         RapportDeal        *deal,
                                                         RapportStage       *stage);
/* rapport_store_move_deal() fails with RAPPORT_ERROR_GATE while a gate is
 * unmet; this moves anyway and says so in the history. */
gboolean            rapport_store_move_deal_anyway      (RapportStore       *self,
                                                         RapportDeal        *deal,
                                                         RapportStage       *stage,
                                                         int                 position,
                                                         GError            **error);

/* Another pipeline */

/* Moves @deal to @stage of another pipeline, at the end of that stage,
 * with a history entry; a won or lost deal keeps its outcome. */
gboolean            rapport_store_move_deal_to_pipeline (RapportStore       *self,
                                                         RapportDeal        *deal,
                                                         RapportStage       *stage,
                                                         GError            **error);

/* The process file */

/* The pipeline's whole process: stages, playbooks, gates, the after-sales
 * plan (free with rapport_process_free()). */
RapportProcess     *rapport_store_read_process          (RapportStore       *self,
                                                         RapportPipeline    *pipeline);
gboolean            rapport_store_set_process_version   (RapportStore       *self,
                                                         RapportPipeline    *pipeline,
                                                         int                 version,
                                                         GError            **error);
/* A process file's process as a new pipeline, last, not current. A file
 * of a process the database has at the same or a later version is
 * refused; a name in use gets the version after it. */
RapportPipeline    *rapport_store_import_process        (RapportStore       *self,
                                                         const RapportProcess *process,
                                                         GError            **error);

G_END_DECLS
