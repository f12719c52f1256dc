/* rapport-stage.c — one step of a sales process, with its playbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-stage"

#include "config.h"

#include "rapport-enums.h"
#include "rapport-stage.h"

struct _RapportStage
{
  RapportRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RapportStage, rapport_stage, RAPPORT_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PIPELINE_ID,
  PROP_NAME,
  PROP_POSITION,
  PROP_PROBABILITY,
  PROP_PURPOSE,
  PROP_ROTTING_DAYS,
  PROP_REQUIRE_QUALIFIED,
  PROP_REQUIRE_CHECKLIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_stage_class_init (RapportStageClass *klass)
{
  properties[PROP_PIPELINE_ID] =
    g_param_spec_int64 ("pipeline-id", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0,
                      RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_PROBABILITY] =
    g_param_spec_int ("probability", NULL, NULL, 0, 100, 0,
                      RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_PURPOSE] =
    g_param_spec_string ("purpose", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_ROTTING_DAYS] =
    g_param_spec_int ("rotting-days", NULL, NULL, 0, G_MAXINT, 0,
                      RAPPORT_RECORD_PARAM_FLAGS);

  /* The stage's gate: what a deal must have before it moves in. */
  properties[PROP_REQUIRE_QUALIFIED] =
    g_param_spec_boolean ("require-qualified", NULL, NULL, FALSE,
                          RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_REQUIRE_CHECKLIST] =
    g_param_spec_boolean ("require-checklist", NULL, NULL, FALSE,
                          RAPPORT_RECORD_PARAM_FLAGS);

  rapport_record_class_install (RAPPORT_RECORD_CLASS (klass), "stage", properties, N_PROPS);
}

static void
rapport_stage_init (RapportStage *self)
{
}

gint64
rapport_stage_get_pipeline_id (RapportStage *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_PIPELINE_ID);
}

const char *
rapport_stage_get_name (RapportStage *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_NAME);
}

int
rapport_stage_get_position (RapportStage *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE (self), 0);

  return rapport_record_get_int (RAPPORT_RECORD (self), PROP_POSITION);
}

int
rapport_stage_get_probability (RapportStage *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE (self), 0);

  return rapport_record_get_int (RAPPORT_RECORD (self), PROP_PROBABILITY);
}

const char *
rapport_stage_get_purpose (RapportStage *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_PURPOSE);
}

int
rapport_stage_get_rotting_days (RapportStage *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE (self), 0);

  return rapport_record_get_int (RAPPORT_RECORD (self), PROP_ROTTING_DAYS);
}

gboolean
rapport_stage_get_require_qualified (RapportStage *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE (self), FALSE);

  return rapport_record_get_boolean (RAPPORT_RECORD (self), PROP_REQUIRE_QUALIFIED);
}

gboolean
rapport_stage_get_require_checklist (RapportStage *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE (self), FALSE);

  return rapport_record_get_boolean (RAPPORT_RECORD (self), PROP_REQUIRE_CHECKLIST);
}
