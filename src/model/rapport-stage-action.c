/* rapport-stage-action.c — one key action of a stage's playbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-stage-action"

#include "config.h"

#include "rapport-enums.h"
#include "rapport-stage-action.h"

struct _RapportStageAction
{
  RapportRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RapportStageAction, rapport_stage_action, RAPPORT_TYPE_RECORD)

enum {
  PROP_0,
  PROP_STAGE_ID,
  PROP_POSITION,
  PROP_ACTION,
  PROP_OWNER,
  PROP_MATERIAL,
  PROP_OUTPUT,
  PROP_ACTIVITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_stage_action_class_init (RapportStageActionClass *klass)
{
  properties[PROP_STAGE_ID] =
    g_param_spec_int64 ("stage-id", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0,
                      RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_MATERIAL] =
    g_param_spec_string ("material", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_OUTPUT] =
    g_param_spec_string ("output", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  /* The activity the action is done in: "Discovery call". */
  properties[PROP_ACTIVITY] =
    g_param_spec_string ("activity", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  rapport_record_class_install (RAPPORT_RECORD_CLASS (klass), "stage_action", properties, N_PROPS);
}

static void
rapport_stage_action_init (RapportStageAction *self)
{
}

gint64
rapport_stage_action_get_stage_id (RapportStageAction *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_ACTION (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_STAGE_ID);
}

int
rapport_stage_action_get_position (RapportStageAction *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_ACTION (self), 0);

  return rapport_record_get_int (RAPPORT_RECORD (self), PROP_POSITION);
}

const char *
rapport_stage_action_get_action (RapportStageAction *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_ACTION (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_ACTION);
}

const char *
rapport_stage_action_get_owner (RapportStageAction *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_ACTION (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_OWNER);
}

const char *
rapport_stage_action_get_material (RapportStageAction *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_ACTION (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_MATERIAL);
}

const char *
rapport_stage_action_get_output (RapportStageAction *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_ACTION (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_OUTPUT);
}

const char *
rapport_stage_action_get_activity (RapportStageAction *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_ACTION (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_ACTIVITY);
}
