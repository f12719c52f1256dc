/* rapport-satisfaction.h — one answer of a customer about how satisfied they are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-record.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_SATISFACTION (rapport_satisfaction_get_type ())

G_DECLARE_FINAL_TYPE (RapportSatisfaction, rapport_satisfaction, RAPPORT, SATISFACTION, RapportRecord)

/* A score not asked; an NPS answer not asked. */
#define RAPPORT_SATISFACTION_NO_SCORE 0
#define RAPPORT_SATISFACTION_NO_NPS   (-1)

gint64      rapport_satisfaction_get_contact_id (RapportSatisfaction *self);
gint64      rapport_satisfaction_get_deal_id    (RapportSatisfaction *self);
/* 1 to 5, or RAPPORT_SATISFACTION_NO_SCORE. */
int         rapport_satisfaction_get_score      (RapportSatisfaction *self);
/* How likely they are to recommend us, 0 to 10, or
 * RAPPORT_SATISFACTION_NO_NPS. */
int         rapport_satisfaction_get_nps        (RapportSatisfaction *self);
const char *rapport_satisfaction_get_comment    (RapportSatisfaction *self);
gint64      rapport_satisfaction_get_created_at (RapportSatisfaction *self);

G_END_DECLS
