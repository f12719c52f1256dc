/* rapport-activity.c — a call, email, meeting, task or follow-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-activity"

#include "config.h"

#include "rapport-enums.h"
#include "rapport-activity.h"

struct _RapportActivity
{
  RapportRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RapportActivity, rapport_activity, RAPPORT_TYPE_RECORD)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_NOTE,
  PROP_DUE_AT,
  PROP_DONE_AT,
  PROP_SNOOZED_UNTIL,
  PROP_CONTACT_ID,
  PROP_DEAL_ID,
  PROP_RULE,
  PROP_CREATED_AT,
  PROP_REMINDED_LEVEL,
  PROP_REMINDED_AT,
  PROP_OUTCOME,
  PROP_DURATION_MINUTES,
  PROP_FOLLOWUP_KIND,
  PROP_AFTER_SALES_OFFER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_activity_class_init (RapportActivityClass *klass)
{
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, RAPPORT_TYPE_ACTIVITY_KIND, RAPPORT_ACTIVITY_TASK,
                       RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_DUE_AT] =
    g_param_spec_int64 ("due-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_DONE_AT] =
    g_param_spec_int64 ("done-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_SNOOZED_UNTIL] =
    g_param_spec_int64 ("snoozed-until", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_RULE] =
    g_param_spec_enum ("rule", NULL, NULL, RAPPORT_TYPE_RULE, RAPPORT_RULE_NONE,
                       RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_REMINDED_LEVEL] =
    g_param_spec_int ("reminded-level", NULL, NULL, 0, 2, 0,
                      RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_REMINDED_AT] =
    g_param_spec_int64 ("reminded-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_OUTCOME] =
    g_param_spec_enum ("outcome", NULL, NULL, RAPPORT_TYPE_ACTIVITY_OUTCOME, RAPPORT_OUTCOME_NONE,
                       RAPPORT_RECORD_PARAM_FLAGS);

  /* 0: not said. */
  properties[PROP_DURATION_MINUTES] =
    g_param_spec_int ("duration-minutes", NULL, NULL, 0, RAPPORT_ACTIVITY_MAX_MINUTES, 0,
                      RAPPORT_RECORD_PARAM_FLAGS);

  /* What a follow-up (kind RAPPORT_ACTIVITY_FOLLOWUP) asks to be done. */
  properties[PROP_FOLLOWUP_KIND] =
    g_param_spec_enum ("followup-kind", NULL, NULL, RAPPORT_TYPE_ACTIVITY_KIND, RAPPORT_ACTIVITY_TASK,
                       RAPPORT_RECORD_PARAM_FLAGS);

  /* What an after-sales follow-up offers when it is done. */
  properties[PROP_AFTER_SALES_OFFER] =
    g_param_spec_enum ("after-sales-offer", NULL, NULL, RAPPORT_TYPE_AFTER_SALES_OFFER,
                       RAPPORT_AFTER_SALES_OFFER_NONE, RAPPORT_RECORD_PARAM_FLAGS);

  rapport_record_class_install (RAPPORT_RECORD_CLASS (klass), "activity", properties, N_PROPS);
}

static void
rapport_activity_init (RapportActivity *self)
{
}

RapportActivityKind
rapport_activity_get_kind (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), 0);

  return (RapportActivityKind) rapport_record_get_int (RAPPORT_RECORD (self), PROP_KIND);
}

const char *
rapport_activity_get_title (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_TITLE);
}

const char *
rapport_activity_get_note (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_NOTE);
}

gint64
rapport_activity_get_due_at (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_DUE_AT);
}

gint64
rapport_activity_get_done_at (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_DONE_AT);
}

gint64
rapport_activity_get_snoozed_until (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_SNOOZED_UNTIL);
}

gint64
rapport_activity_get_contact_id (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_CONTACT_ID);
}

gint64
rapport_activity_get_deal_id (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_DEAL_ID);
}

RapportRule
rapport_activity_get_rule (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), 0);

  return (RapportRule) rapport_record_get_int (RAPPORT_RECORD (self), PROP_RULE);
}

gint64
rapport_activity_get_created_at (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_CREATED_AT);
}

int
rapport_activity_get_reminded_level (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), 0);

  return rapport_record_get_int (RAPPORT_RECORD (self), PROP_REMINDED_LEVEL);
}

gint64
rapport_activity_get_reminded_at (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_REMINDED_AT);
}

RapportActivityOutcome
rapport_activity_get_outcome (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), 0);

  return (RapportActivityOutcome) rapport_record_get_int (RAPPORT_RECORD (self), PROP_OUTCOME);
}

int
rapport_activity_get_duration_minutes (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), 0);

  return rapport_record_get_int (RAPPORT_RECORD (self), PROP_DURATION_MINUTES);
}

RapportActivityKind
rapport_activity_get_followup_kind (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), RAPPORT_ACTIVITY_TASK);

  return (RapportActivityKind) rapport_record_get_int (RAPPORT_RECORD (self), PROP_FOLLOWUP_KIND);
}

/* Whether @outcome may be said of an activity of @kind: none always. */
gboolean
rapport_activity_outcome_fits (RapportActivityKind    kind,
                               RapportActivityOutcome outcome)
{
  switch (outcome)
    {
    case RAPPORT_OUTCOME_NONE:
      return TRUE;
    case RAPPORT_OUTCOME_CONNECTED:
    case RAPPORT_OUTCOME_LEFT_VOICEMAIL:
    case RAPPORT_OUTCOME_NO_ANSWER:
    case RAPPORT_OUTCOME_WRONG_NUMBER:
      return kind == RAPPORT_ACTIVITY_CALL;
    case RAPPORT_OUTCOME_HELD:
    case RAPPORT_OUTCOME_NO_SHOW:
      return kind == RAPPORT_ACTIVITY_MEETING;
    default:
      return FALSE;
    }
}

/* A new lead's pending speed-to-lead follow-up: done, it is their first
 * contact (rapport_store_mark_contacted()). */
gboolean
rapport_activity_awaits_first_contact (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), FALSE);

  return rapport_activity_get_rule (self) == RAPPORT_RULE_SPEED_TO_LEAD &&
         rapport_activity_get_contact_id (self) != 0 &&
         rapport_activity_get_done_at (self) == 0;
}

RapportAfterSalesOffer
rapport_activity_get_after_sales_offer (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), RAPPORT_AFTER_SALES_OFFER_NONE);

  return (RapportAfterSalesOffer) rapport_record_get_int (RAPPORT_RECORD (self), PROP_AFTER_SALES_OFFER);
}
