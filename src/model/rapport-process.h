/* rapport-process.h — a whole sales process, as a team hands it out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pipeline's process apart from its deals: the stages with their
 * purposes, win probabilities, rotting days, gates and key actions (who
 * does it, the activity, the supporting material, the expected output),
 * and the after-sales plan. It is what the process manual prints and
 * what a process file carries from one Rapport to another, with the
 * process's own id and version so an updated process is known as one.
 */

#pragma once

#include <glib.h>

#include "rapport-types.h"

G_BEGIN_DECLS

/* The process file's format; a file of a later one is refused. */
#define RAPPORT_PROCESS_FORMAT 1

/* Bounds a process file is held to: a real process is far inside them. */
#define RAPPORT_PROCESS_MAX_STAGES   50
#define RAPPORT_PROCESS_MAX_ACTIONS  50
#define RAPPORT_PROCESS_MAX_STEPS    50
#define RAPPORT_PROCESS_MAX_DAYS     3650

typedef struct
{
  char *action;
  char *owner;
  char *activity;
  char *material;
  char *output;
} RapportProcessAction;

typedef struct
{
  char      *name;
  int        probability;
  int        rotting_days;
  char      *purpose;
  gboolean   require_qualified;
  gboolean   require_checklist;
  GPtrArray *actions;          /* RapportProcessAction */
} RapportProcessStage;

/* A follow-up of the after-sales plan, due @days after the win. */
typedef struct
{
  char               *title;
  RapportActivityKind kind;
  int                 days;
  char               *note;
  RapportAfterSalesOffer offer;  /* "offer": what its follow-up offers when done */
} RapportProcessStep;

typedef struct
{
  char      *name;
  char      *template_id;      /* the built-in template it began as, or NULL */
  char      *uid;              /* the process's own id, kept by every copy */
  int        version;          /* 1, 2, …: a team's updated process is a higher one */
  GPtrArray *stages;           /* RapportProcessStage */
  GPtrArray *after_sales;      /* RapportProcessStep */
} RapportProcess;

RapportProcess       *rapport_process_new          (void);
void                  rapport_process_free         (RapportProcess *process);
RapportProcessStage  *rapport_process_add_stage    (RapportProcess *process);
RapportProcessAction *rapport_process_stage_add_action (RapportProcessStage *stage);
RapportProcessStep   *rapport_process_add_step     (RapportProcess *process);

/* A process file read, or NULL with RAPPORT_ERROR_INVALID saying where
 * and what is wrong (the line of a syntax error; the stage and the key
 * action of a bad value). Nothing is half read. */
RapportProcess       *rapport_process_parse        (const char     *data,
                                                    gsize           len,
                                                    GError        **error);
/* The process file, UTF-8 JSON ending with a newline. */
char                 *rapport_process_to_json      (const RapportProcess *process);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportProcess, rapport_process_free)

G_END_DECLS
