/* rapport-after-sales-step.c — one step of a pipeline's after-sales plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-after-sales-step"

#include "config.h"

#include "rapport-after-sales-step.h"
#include "rapport-enums.h"

struct _RapportAfterSalesStep
{
  RapportRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RapportAfterSalesStep, rapport_after_sales_step, RAPPORT_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PIPELINE_ID,
  PROP_POSITION,
  PROP_TITLE,
  PROP_KIND,
  PROP_DAYS,
  PROP_NOTE,
  PROP_OFFER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_after_sales_step_class_init (RapportAfterSalesStepClass *klass)
{
  properties[PROP_PIPELINE_ID] =
    g_param_spec_int64 ("pipeline-id", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0,
                      RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  /* A follow-up's kind: never a logged activity or a bare follow-up. */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, RAPPORT_TYPE_ACTIVITY_KIND, RAPPORT_ACTIVITY_CALL,
                       RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_DAYS] =
    g_param_spec_int ("days", NULL, NULL, 0, RAPPORT_AFTER_SALES_MAX_DAYS, 0,
                      RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_OFFER] =
    g_param_spec_enum ("offer", NULL, NULL, RAPPORT_TYPE_AFTER_SALES_OFFER, RAPPORT_AFTER_SALES_OFFER_NONE,
                       RAPPORT_RECORD_PARAM_FLAGS);

  rapport_record_class_install (RAPPORT_RECORD_CLASS (klass), "after_sales_step", properties, N_PROPS);
}

static void
rapport_after_sales_step_init (RapportAfterSalesStep *self)
{
}

gint64
rapport_after_sales_step_get_pipeline_id (RapportAfterSalesStep *self)
{
  g_return_val_if_fail (RAPPORT_IS_AFTER_SALES_STEP (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_PIPELINE_ID);
}

int
rapport_after_sales_step_get_position (RapportAfterSalesStep *self)
{
  g_return_val_if_fail (RAPPORT_IS_AFTER_SALES_STEP (self), 0);

  return rapport_record_get_int (RAPPORT_RECORD (self), PROP_POSITION);
}

const char *
rapport_after_sales_step_get_title (RapportAfterSalesStep *self)
{
  g_return_val_if_fail (RAPPORT_IS_AFTER_SALES_STEP (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_TITLE);
}

RapportActivityKind
rapport_after_sales_step_get_kind (RapportAfterSalesStep *self)
{
  g_return_val_if_fail (RAPPORT_IS_AFTER_SALES_STEP (self), RAPPORT_ACTIVITY_CALL);

  return (RapportActivityKind) rapport_record_get_int (RAPPORT_RECORD (self), PROP_KIND);
}

int
rapport_after_sales_step_get_days (RapportAfterSalesStep *self)
{
  g_return_val_if_fail (RAPPORT_IS_AFTER_SALES_STEP (self), 0);

  return rapport_record_get_int (RAPPORT_RECORD (self), PROP_DAYS);
}

const char *
rapport_after_sales_step_get_note (RapportAfterSalesStep *self)
{
  g_return_val_if_fail (RAPPORT_IS_AFTER_SALES_STEP (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_NOTE);
}

RapportAfterSalesOffer
rapport_after_sales_step_get_offer (RapportAfterSalesStep *self)
{
  g_return_val_if_fail (RAPPORT_IS_AFTER_SALES_STEP (self), RAPPORT_AFTER_SALES_OFFER_NONE);

  return (RapportAfterSalesOffer) rapport_record_get_int (RAPPORT_RECORD (self), PROP_OFFER);
}
