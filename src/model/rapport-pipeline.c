/* rapport-pipeline.c — a sales process: an ordered list of stages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-pipeline"

#include "config.h"

#include "rapport-enums.h"
#include "rapport-pipeline.h"

struct _RapportPipeline
{
  RapportRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RapportPipeline, rapport_pipeline, RAPPORT_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TEMPLATE,
  PROP_POSITION,
  PROP_CREATED_AT,
  PROP_PROCESS_UID,
  PROP_PROCESS_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_pipeline_class_init (RapportPipelineClass *klass)
{
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_TEMPLATE] =
    g_param_spec_string ("template", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0,
                      RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  /* Which process file it came from, and which version of it: a team
   * hands out an updated process under the same id. */
  properties[PROP_PROCESS_UID] =
    g_param_spec_string ("process-uid", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_PROCESS_VERSION] =
    g_param_spec_int ("process-version", NULL, NULL, 0, G_MAXINT, 1,
                      RAPPORT_RECORD_PARAM_FLAGS);

  rapport_record_class_install (RAPPORT_RECORD_CLASS (klass), "pipeline", properties, N_PROPS);
}

static void
rapport_pipeline_init (RapportPipeline *self)
{
}

const char *
rapport_pipeline_get_name (RapportPipeline *self)
{
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_NAME);
}

const char *
rapport_pipeline_get_template (RapportPipeline *self)
{
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_TEMPLATE);
}

int
rapport_pipeline_get_position (RapportPipeline *self)
{
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), 0);

  return rapport_record_get_int (RAPPORT_RECORD (self), PROP_POSITION);
}

gint64
rapport_pipeline_get_created_at (RapportPipeline *self)
{
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_CREATED_AT);
}

const char *
rapport_pipeline_get_process_uid (RapportPipeline *self)
{
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_PROCESS_UID);
}

int
rapport_pipeline_get_process_version (RapportPipeline *self)
{
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), 0);

  return rapport_record_get_int (RAPPORT_RECORD (self), PROP_PROCESS_VERSION);
}
