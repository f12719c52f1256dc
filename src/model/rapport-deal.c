/* rapport-deal.c — a confirmed chance to sell, with a value, a stage and an owner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-deal"

#include "config.h"

#include "rapport-enums.h"
#include "rapport-deal.h"
#include "rapport-record-private.h"

struct _RapportDeal
{
  RapportRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RapportDeal, rapport_deal, RAPPORT_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_VALUE,
  PROP_CURRENCY,
  PROP_STAGE_ID,
  PROP_RANK,
  PROP_CONTACT_ID,
  PROP_ORGANIZATION_ID,
  PROP_EXPECTED_CLOSE,
  PROP_STATUS,
  PROP_LOST_REASON,
  PROP_BANT_BUDGET,
  PROP_BANT_AUTHORITY,
  PROP_BANT_NEED,
  PROP_BANT_TIMELINE,
  PROP_BANT_BUDGET_NOTE,
  PROP_BANT_AUTHORITY_NOTE,
  PROP_BANT_NEED_NOTE,
  PROP_BANT_TIMELINE_NOTE,
  PROP_OWNER,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_CLOSED_AT,
  PROP_STAGE_ENTERED_AT,
  PROP_REPEAT_OF,
  PROP_BANT_SCORE,
  PROP_QUALIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
rapport_bant_is_qualified (int score)
{
  /* The sales literature's rule: qualified when at least 3 of the 4 hold. */
  return score >= 3;
}

static void
rapport_deal_update_bant (RapportDeal *self)
{
  g_auto(GValue) score = G_VALUE_INIT;
  g_auto(GValue) qualified = G_VALUE_INIT;
  int n = 0;

  g_assert (RAPPORT_IS_DEAL (self));

  for (guint prop = PROP_BANT_BUDGET; prop <= PROP_BANT_TIMELINE; prop++)
    if (rapport_record_get_int (RAPPORT_RECORD (self), prop) == RAPPORT_ANSWER_YES)
      n++;

  g_value_init (&score, G_TYPE_INT);
  g_value_set_int (&score, n);
  rapport_record_set_value (RAPPORT_RECORD (self), PROP_BANT_SCORE, &score);

  g_value_init (&qualified, G_TYPE_BOOLEAN);
  g_value_set_boolean (&qualified, rapport_bant_is_qualified (n));
  rapport_record_set_value (RAPPORT_RECORD (self), PROP_QUALIFIED, &qualified);
}

static void
rapport_deal_notify (GObject    *object,
                     GParamSpec *pspec)
{
  if (pspec == properties[PROP_BANT_BUDGET] ||
      pspec == properties[PROP_BANT_AUTHORITY] ||
      pspec == properties[PROP_BANT_NEED] ||
      pspec == properties[PROP_BANT_TIMELINE])
    rapport_deal_update_bant (RAPPORT_DEAL (object));

  if (G_OBJECT_CLASS (rapport_deal_parent_class)->notify)
    G_OBJECT_CLASS (rapport_deal_parent_class)->notify (object, pspec);
}

static void
rapport_deal_class_init (RapportDealClass *klass)
{
  G_OBJECT_CLASS (klass)->notify = rapport_deal_notify;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_VALUE] =
    g_param_spec_int64 ("value", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_STAGE_ID] =
    g_param_spec_int64 ("stage-id", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_RANK] =
    g_param_spec_int64 ("rank", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_int64 ("organization-id", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_EXPECTED_CLOSE] =
    g_param_spec_string ("expected-close", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, RAPPORT_TYPE_DEAL_STATUS, RAPPORT_DEAL_STATUS_OPEN,
                       RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_LOST_REASON] =
    g_param_spec_string ("lost-reason", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_BANT_BUDGET] =
    g_param_spec_enum ("bant-budget", NULL, NULL, RAPPORT_TYPE_ANSWER, RAPPORT_ANSWER_UNKNOWN,
                       RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_BANT_AUTHORITY] =
    g_param_spec_enum ("bant-authority", NULL, NULL, RAPPORT_TYPE_ANSWER, RAPPORT_ANSWER_UNKNOWN,
                       RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_BANT_NEED] =
    g_param_spec_enum ("bant-need", NULL, NULL, RAPPORT_TYPE_ANSWER, RAPPORT_ANSWER_UNKNOWN,
                       RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_BANT_TIMELINE] =
    g_param_spec_enum ("bant-timeline", NULL, NULL, RAPPORT_TYPE_ANSWER, RAPPORT_ANSWER_UNKNOWN,
                       RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_BANT_BUDGET_NOTE] =
    g_param_spec_string ("bant-budget-note", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_BANT_AUTHORITY_NOTE] =
    g_param_spec_string ("bant-authority-note", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_BANT_NEED_NOTE] =
    g_param_spec_string ("bant-need-note", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_BANT_TIMELINE_NOTE] =
    g_param_spec_string ("bant-timeline-note", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_CLOSED_AT] =
    g_param_spec_int64 ("closed-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_STAGE_ENTERED_AT] =
    g_param_spec_int64 ("stage-entered-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  /* The earlier deal this one sells again, if any. */
  properties[PROP_REPEAT_OF] =
    g_param_spec_int64 ("repeat-of", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_BANT_SCORE] =
    g_param_spec_int ("bant-score", NULL, NULL, 0, 4, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY | RAPPORT_PARAM_COMPUTED);

  properties[PROP_QUALIFIED] =
    g_param_spec_boolean ("qualified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY | RAPPORT_PARAM_COMPUTED);

  rapport_record_class_install (RAPPORT_RECORD_CLASS (klass), "deal", properties, N_PROPS);
}

static void
rapport_deal_init (RapportDeal *self)
{
}

const char *
rapport_deal_get_title (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_TITLE);
}

gint64
rapport_deal_get_value (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_VALUE);
}

const char *
rapport_deal_get_currency (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_CURRENCY);
}

gint64
rapport_deal_get_stage_id (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_STAGE_ID);
}

gint64
rapport_deal_get_rank (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_RANK);
}

gint64
rapport_deal_get_contact_id (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_CONTACT_ID);
}

gint64
rapport_deal_get_organization_id (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_ORGANIZATION_ID);
}

const char *
rapport_deal_get_expected_close (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_EXPECTED_CLOSE);
}

RapportDealStatus
rapport_deal_get_status (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), 0);

  return (RapportDealStatus) rapport_record_get_int (RAPPORT_RECORD (self), PROP_STATUS);
}

const char *
rapport_deal_get_lost_reason (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_LOST_REASON);
}

RapportAnswer
rapport_deal_get_bant_budget (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), 0);

  return (RapportAnswer) rapport_record_get_int (RAPPORT_RECORD (self), PROP_BANT_BUDGET);
}

RapportAnswer
rapport_deal_get_bant_authority (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), 0);

  return (RapportAnswer) rapport_record_get_int (RAPPORT_RECORD (self), PROP_BANT_AUTHORITY);
}

RapportAnswer
rapport_deal_get_bant_need (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), 0);

  return (RapportAnswer) rapport_record_get_int (RAPPORT_RECORD (self), PROP_BANT_NEED);
}

RapportAnswer
rapport_deal_get_bant_timeline (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), 0);

  return (RapportAnswer) rapport_record_get_int (RAPPORT_RECORD (self), PROP_BANT_TIMELINE);
}

const char *
rapport_deal_get_bant_budget_note (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_BANT_BUDGET_NOTE);
}

const char *
rapport_deal_get_bant_authority_note (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_BANT_AUTHORITY_NOTE);
}

const char *
rapport_deal_get_bant_need_note (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_BANT_NEED_NOTE);
}

const char *
rapport_deal_get_bant_timeline_note (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_BANT_TIMELINE_NOTE);
}

const char *
rapport_deal_get_owner (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_OWNER);
}

gint64
rapport_deal_get_created_at (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_CREATED_AT);
}

gint64
rapport_deal_get_updated_at (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_UPDATED_AT);
}

gint64
rapport_deal_get_closed_at (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_CLOSED_AT);
}

gint64
rapport_deal_get_stage_entered_at (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_STAGE_ENTERED_AT);
}

int
rapport_deal_get_bant_score (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), 0);

  return rapport_record_get_int (RAPPORT_RECORD (self), PROP_BANT_SCORE);
}

gboolean
rapport_deal_get_qualified (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), 0);

  return rapport_record_get_boolean (RAPPORT_RECORD (self), PROP_QUALIFIED);
}

gint64
rapport_deal_get_repeat_of (RapportDeal *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_REPEAT_OF);
}
