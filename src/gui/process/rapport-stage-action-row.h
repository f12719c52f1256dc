/* rapport-stage-action-row.h — one key action of a playbook, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-stage-action.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_STAGE_ACTION_ROW (rapport_stage_action_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportStageActionRow, rapport_stage_action_row, RAPPORT, STAGE_ACTION_ROW, AdwExpanderRow)

GtkWidget          *rapport_stage_action_row_new        (RapportStageAction    *action);
RapportStageAction *rapport_stage_action_row_get_action (RapportStageActionRow *self);
/* The move buttons say what is possible at the row's place. */
void                rapport_stage_action_row_set_place  (RapportStageActionRow *self,
                                                         gboolean               first,
                                                         gboolean               last);
/* The field of @property takes the keyboard, its text selected. */
void                rapport_stage_action_row_edit       (RapportStageActionRow *self,
                                                         const char            *property);
/* A field the store refused shows why, until it is saved. */
void                rapport_stage_action_row_refused    (RapportStageActionRow *self,
                                                         const char            *property,
                                                         const char            *message);

G_END_DECLS
