/* rapport-stage-change.c — one move of a deal between stages or statuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-stage-change"

#include "config.h"

#include "rapport-enums.h"
#include "rapport-stage-change.h"

struct _RapportStageChange
{
  RapportRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RapportStageChange, rapport_stage_change, RAPPORT_TYPE_RECORD)

enum {
  PROP_0,
  PROP_DEAL_ID,
  PROP_FROM_STAGE_ID,
  PROP_TO_STAGE_ID,
  PROP_FROM_STATUS,
  PROP_TO_STATUS,
  PROP_CHANGED_AT,
  PROP_FROM_STAGE_NAME,
  PROP_TO_STAGE_NAME,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_stage_change_class_init (RapportStageChangeClass *klass)
{
  properties[PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_FROM_STAGE_ID] =
    g_param_spec_int64 ("from-stage-id", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_TO_STAGE_ID] =
    g_param_spec_int64 ("to-stage-id", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_FROM_STATUS] =
    g_param_spec_enum ("from-status", NULL, NULL, RAPPORT_TYPE_DEAL_STATUS, RAPPORT_DEAL_STATUS_OPEN,
                       RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_TO_STATUS] =
    g_param_spec_enum ("to-status", NULL, NULL, RAPPORT_TYPE_DEAL_STATUS, RAPPORT_DEAL_STATUS_OPEN,
                       RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_CHANGED_AT] =
    g_param_spec_int64 ("changed-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  /* The stages' names when the deal moved: a rename does not rewrite
   * the history, and a deleted stage still reads. NULL in rows older
   * than schema 13's, whose stages still stood. */
  properties[PROP_FROM_STAGE_NAME] =
    g_param_spec_string ("from-stage-name", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_TO_STAGE_NAME] =
    g_param_spec_string ("to-stage-name", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_REASON] =
    g_param_spec_enum ("reason", NULL, NULL, RAPPORT_TYPE_STAGE_CHANGE_REASON, RAPPORT_STAGE_CHANGE_MOVED,
                       RAPPORT_RECORD_PARAM_FLAGS);

  rapport_record_class_install (RAPPORT_RECORD_CLASS (klass), "stage_change", properties, N_PROPS);
}

static void
rapport_stage_change_init (RapportStageChange *self)
{
}

gint64
rapport_stage_change_get_deal_id (RapportStageChange *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_CHANGE (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_DEAL_ID);
}

gint64
rapport_stage_change_get_from_stage_id (RapportStageChange *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_CHANGE (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_FROM_STAGE_ID);
}

gint64
rapport_stage_change_get_to_stage_id (RapportStageChange *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_CHANGE (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_TO_STAGE_ID);
}

RapportDealStatus
rapport_stage_change_get_from_status (RapportStageChange *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_CHANGE (self), 0);

  return (RapportDealStatus) rapport_record_get_int (RAPPORT_RECORD (self), PROP_FROM_STATUS);
}

RapportDealStatus
rapport_stage_change_get_to_status (RapportStageChange *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_CHANGE (self), 0);

  return (RapportDealStatus) rapport_record_get_int (RAPPORT_RECORD (self), PROP_TO_STATUS);
}

gint64
rapport_stage_change_get_changed_at (RapportStageChange *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_CHANGE (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_CHANGED_AT);
}

const char *
rapport_stage_change_get_from_stage_name (RapportStageChange *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_CHANGE (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_FROM_STAGE_NAME);
}

const char *
rapport_stage_change_get_to_stage_name (RapportStageChange *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_CHANGE (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_TO_STAGE_NAME);
}

RapportStageChangeReason
rapport_stage_change_get_reason (RapportStageChange *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_CHANGE (self), RAPPORT_STAGE_CHANGE_MOVED);

  return (RapportStageChangeReason) rapport_record_get_int (RAPPORT_RECORD (self), PROP_REASON);
}
