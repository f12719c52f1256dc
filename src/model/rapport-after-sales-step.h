/* rapport-after-sales-step.h — one step of a pipeline's after-sales plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-record.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_AFTER_SALES_STEP (rapport_after_sales_step_get_type ())

G_DECLARE_FINAL_TYPE (RapportAfterSalesStep, rapport_after_sales_step, RAPPORT, AFTER_SALES_STEP, RapportRecord)

/* The most days after a win a step may come. */
#define RAPPORT_AFTER_SALES_MAX_DAYS 3650

gint64                  rapport_after_sales_step_get_pipeline_id (RapportAfterSalesStep *self);
int                     rapport_after_sales_step_get_position    (RapportAfterSalesStep *self);
const char             *rapport_after_sales_step_get_title       (RapportAfterSalesStep *self);
/* A call, an email, a meeting or a task, as a follow-up's kind. */
RapportActivityKind     rapport_after_sales_step_get_kind        (RapportAfterSalesStep *self);
int                     rapport_after_sales_step_get_days        (RapportAfterSalesStep *self);
/* What the step is for and its expected output. */
const char             *rapport_after_sales_step_get_note        (RapportAfterSalesStep *self);
RapportAfterSalesOffer  rapport_after_sales_step_get_offer       (RapportAfterSalesStep *self);

G_END_DECLS
