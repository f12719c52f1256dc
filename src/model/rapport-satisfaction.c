/* rapport-satisfaction.c — one answer of a customer about how satisfied they are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-satisfaction"

#include "config.h"

#include "rapport-satisfaction.h"

struct _RapportSatisfaction
{
  RapportRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RapportSatisfaction, rapport_satisfaction, RAPPORT_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CONTACT_ID,
  PROP_DEAL_ID,
  PROP_SCORE,
  PROP_NPS,
  PROP_COMMENT,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_satisfaction_class_init (RapportSatisfactionClass *klass)
{
  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_SCORE] =
    g_param_spec_int ("score", NULL, NULL, RAPPORT_SATISFACTION_NO_SCORE, 5, RAPPORT_SATISFACTION_NO_SCORE,
                      RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_NPS] =
    g_param_spec_int ("nps", NULL, NULL, RAPPORT_SATISFACTION_NO_NPS, 10, RAPPORT_SATISFACTION_NO_NPS,
                      RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_COMMENT] =
    g_param_spec_string ("comment", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS);

  rapport_record_class_install (RAPPORT_RECORD_CLASS (klass), "satisfaction", properties, N_PROPS);
}

static void
rapport_satisfaction_init (RapportSatisfaction *self)
{
}

gint64
rapport_satisfaction_get_contact_id (RapportSatisfaction *self)
{
  g_return_val_if_fail (RAPPORT_IS_SATISFACTION (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_CONTACT_ID);
}

gint64
rapport_satisfaction_get_deal_id (RapportSatisfaction *self)
{
  g_return_val_if_fail (RAPPORT_IS_SATISFACTION (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_DEAL_ID);
}

int
rapport_satisfaction_get_score (RapportSatisfaction *self)
{
  g_return_val_if_fail (RAPPORT_IS_SATISFACTION (self), RAPPORT_SATISFACTION_NO_SCORE);

  return rapport_record_get_int (RAPPORT_RECORD (self), PROP_SCORE);
}

int
rapport_satisfaction_get_nps (RapportSatisfaction *self)
{
  g_return_val_if_fail (RAPPORT_IS_SATISFACTION (self), RAPPORT_SATISFACTION_NO_NPS);

  return rapport_record_get_int (RAPPORT_RECORD (self), PROP_NPS);
}

const char *
rapport_satisfaction_get_comment (RapportSatisfaction *self)
{
  g_return_val_if_fail (RAPPORT_IS_SATISFACTION (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_COMMENT);
}

gint64
rapport_satisfaction_get_created_at (RapportSatisfaction *self)
{
  g_return_val_if_fail (RAPPORT_IS_SATISFACTION (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_CREATED_AT);
}
