/* rapport-types.h — forward declarations and the model's enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _RapportRecord            RapportRecord;
typedef struct _RapportStore             RapportStore;
typedef struct _RapportPipeline          RapportPipeline;
typedef struct _RapportStage             RapportStage;
typedef struct _RapportStageAction       RapportStageAction;
typedef struct _RapportOrganization      RapportOrganization;
typedef struct _RapportContact           RapportContact;
typedef struct _RapportDeal              RapportDeal;
typedef struct _RapportActivity          RapportActivity;
typedef struct _RapportNote              RapportNote;
typedef struct _RapportNegotiationEntry  RapportNegotiationEntry;
typedef struct _RapportStageChange       RapportStageChange;
typedef struct _RapportRecordList        RapportRecordList;
typedef struct _RapportGoal              RapportGoal;
typedef struct _RapportAfterSalesStep    RapportAfterSalesStep;
typedef struct _RapportSatisfaction      RapportSatisfaction;

/* Values are stored as integers in the database: never renumber. */
typedef enum
{
  RAPPORT_LIFECYCLE_LEAD = 0,
  RAPPORT_LIFECYCLE_CONTACT = 1,
  RAPPORT_LIFECYCLE_CUSTOMER = 2,
} RapportLifecycle;

typedef enum
{
  RAPPORT_DEAL_STATUS_OPEN = 0,
  RAPPORT_DEAL_STATUS_WON = 1,
  RAPPORT_DEAL_STATUS_LOST = 2,
} RapportDealStatus;

typedef enum
{
  RAPPORT_ANSWER_UNKNOWN = 0,
  RAPPORT_ANSWER_NO = 1,
  RAPPORT_ANSWER_YES = 2,
} RapportAnswer;

typedef enum
{
  RAPPORT_ACTIVITY_CALL = 0,
  RAPPORT_ACTIVITY_EMAIL = 1,
  RAPPORT_ACTIVITY_MEETING = 2,
  RAPPORT_ACTIVITY_TASK = 3,
  RAPPORT_ACTIVITY_FOLLOWUP = 4,
} RapportActivityKind;

/* How a logged call or meeting went; the first four are a call's, the
 * last two a meeting's (the database checks it). */
typedef enum
{
  RAPPORT_OUTCOME_NONE = 0,
  RAPPORT_OUTCOME_CONNECTED = 1,
  RAPPORT_OUTCOME_LEFT_VOICEMAIL = 2,
  RAPPORT_OUTCOME_NO_ANSWER = 3,
  RAPPORT_OUTCOME_WRONG_NUMBER = 4,
  RAPPORT_OUTCOME_HELD = 5,
  RAPPORT_OUTCOME_NO_SHOW = 6,
} RapportActivityOutcome;

typedef enum
{
  RAPPORT_NEGOTIATION_OFFER = 0,
  RAPPORT_NEGOTIATION_COUNTER_OFFER = 1,
  RAPPORT_NEGOTIATION_OBJECTION = 2,
  RAPPORT_NEGOTIATION_CONCESSION = 3,
} RapportNegotiationKind;

typedef enum
{
  RAPPORT_RULE_NONE = 0,
  RAPPORT_RULE_SPEED_TO_LEAD = 1,
  /* Scheduled by the after-sales plan when its deal was won. */
  RAPPORT_RULE_AFTER_SALES = 2,
} RapportRule;

/* Why a deal changed stages (stored: never renumber). */
typedef enum
{
  RAPPORT_STAGE_CHANGE_MOVED = 0,             /* moved by the user, or won or lost */
  RAPPORT_STAGE_CHANGE_GATE_OVERRIDDEN = 1,   /* moved on though the stage's gate was unmet */
  RAPPORT_STAGE_CHANGE_STAGE_DELETED = 2,     /* its stage was deleted; reassigned */
  RAPPORT_STAGE_CHANGE_PIPELINE_CHANGED = 3,  /* moved to another pipeline */
} RapportStageChangeReason;

/* What the app offers when an after-sales follow-up is done (stored:
 * never renumber). */
typedef enum
{
  RAPPORT_AFTER_SALES_OFFER_NONE = 0,
  RAPPORT_AFTER_SALES_OFFER_SATISFACTION = 1,
  RAPPORT_AFTER_SALES_OFFER_REPEAT = 2,
} RapportAfterSalesOffer;

/* What a change notice is about (RapportStore::notice). */
typedef enum
{
  RAPPORT_ENTITY_PIPELINE,
  RAPPORT_ENTITY_STAGE,
  RAPPORT_ENTITY_ORGANIZATION,
  RAPPORT_ENTITY_CONTACT,
  RAPPORT_ENTITY_DEAL,
  RAPPORT_ENTITY_ACTIVITY,
  RAPPORT_ENTITY_NOTE,
  RAPPORT_ENTITY_NEGOTIATION_ENTRY,
  /* The playbook ticks of the deal whose id the notice carries. */
  RAPPORT_ENTITY_DEAL_ACTION,
  RAPPORT_ENTITY_GOAL,
  /* The data's settings and lists (rapport-store-settings.h); id 0. */
  RAPPORT_ENTITY_SETTING,
  RAPPORT_ENTITY_AFTER_SALES_STEP,
  RAPPORT_ENTITY_SATISFACTION,
} RapportEntity;

/* The lists kept with the data (rapport-store-settings.h); the nicks are
 * what the table stores. */
typedef enum
{
  RAPPORT_CHOICE_LOST_REASON,
  RAPPORT_CHOICE_LEAD_SOURCE,
} RapportChoiceList;

/* The last RapportEntity, for walking them all. */
#define RAPPORT_ENTITY_LAST RAPPORT_ENTITY_SATISFACTION

/* What a goal measures (stored: never renumber). The nicks ("won-value",
 * "deals-won", …) are what the command line takes. */
typedef enum
{
  RAPPORT_GOAL_METRIC_WON_VALUE = 0,       /* money won, minor units */
  RAPPORT_GOAL_METRIC_DEALS_WON = 1,
  RAPPORT_GOAL_METRIC_DEALS_ADDED = 2,
  RAPPORT_GOAL_METRIC_ACTIVITIES_DONE = 3,
  RAPPORT_GOAL_METRIC_LEADS_CONTACTED_IN_TIME = 4,
} RapportGoalMetric;

/* A goal's period, and the periods of reports (stored: never renumber). */
typedef enum
{
  RAPPORT_PERIOD_WEEK = 0,
  RAPPORT_PERIOD_MONTH = 1,
  RAPPORT_PERIOD_QUARTER = 2,
  RAPPORT_PERIOD_YEAR = 3,
} RapportPeriodKind;

typedef enum
{
  RAPPORT_CHANGE_ADDED,
  RAPPORT_CHANGE_UPDATED,
  RAPPORT_CHANGE_REMOVED,
  /* Any number of records of the kind may have changed (another program's
   * writes, a restore, a bulk fill): reload everything of the kind. */
  RAPPORT_CHANGE_RELOAD,
} RapportChange;

G_END_DECLS
