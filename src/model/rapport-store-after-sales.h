/* rapport-store-after-sales.h — the sale after the win: the after-sales
 * plan, satisfaction and repeat deals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each pipeline has an after-sales plan: steps in order, each a follow-up
 * due a number of days after one of its deals is won. Winning a deal
 * (rapport_store_set_deal_status()) schedules the plan's follow-ups for
 * the deal and its contact, and makes the contact a customer, in the same
 * transaction; reopening it (a status set back, or a move back onto the
 * board, as the board's Undo does) deletes those not done yet and gives
 * the contact back the lifecycle it had, unless another won deal keeps it
 * a customer.
 *
 * A step's "title", "kind", "days", "note" and "offer" go through
 * rapport_store_update(); its position only through
 * rapport_store_move_after_sales_step().
 */

#pragma once

#include "rapport-after-sales-step.h"
#include "rapport-satisfaction.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* The plan */

typedef struct
{
  const char             *title;   /* required: "Delivery check call" */
  RapportActivityKind     kind;    /* call, email, meeting or task */
  int                     days;    /* after the win, 0 to RAPPORT_AFTER_SALES_MAX_DAYS */
  const char             *note;    /* what it is for, its expected output */
  RapportAfterSalesOffer  offer;   /* what its follow-up offers when done */
} RapportAfterSalesStepFields;

/* The steps of @pipeline in order, following the store. */
GListModel            *rapport_store_get_after_sales_steps  (RapportStore                      *self,
                                                             RapportPipeline                   *pipeline);
/* The same, read now (element type RapportAfterSalesStep). */
GPtrArray             *rapport_store_list_after_sales_steps (RapportStore                      *self,
                                                             gint64                             pipeline_id,
                                                             GError                           **error);
RapportAfterSalesStep *rapport_store_get_after_sales_step   (RapportStore                      *self,
                                                             gint64                             id,
                                                             GError                           **error);
/* @position 0 is the first step; -1 (or past the end) the last. */
RapportAfterSalesStep *rapport_store_add_after_sales_step   (RapportStore                      *self,
                                                             RapportPipeline                   *pipeline,
                                                             const RapportAfterSalesStepFields *fields,
                                                             int                                position,
                                                             GError                           **error);
gboolean               rapport_store_move_after_sales_step  (RapportStore                      *self,
                                                             RapportAfterSalesStep             *step,
                                                             int                                position,
                                                             GError                           **error);
/* Follow-ups it scheduled stay: they are the deals' own now. */
gboolean               rapport_store_delete_after_sales_step (RapportStore                     *self,
                                                              RapportAfterSalesStep            *step,
                                                              GError                          **error);
/* When a step's follow-up falls for a deal won at @won_at: @days local
 * days later at nine in the morning, and never before @won_at. */
gint64                 rapport_after_sales_due_time         (gint64                             won_at,
                                                             int                                days);

/* Satisfaction */

typedef struct
{
  gint64      contact_id;  /* 0: the deal's contact, if it has one */
  gint64      deal_id;     /* 0: the customer alone */
  int         score;       /* 1 to 5, or RAPPORT_SATISFACTION_NO_SCORE */
  int         nps;         /* 0 to 10, or RAPPORT_SATISFACTION_NO_NPS */
  const char *comment;
} RapportSatisfactionFields;

/* At least a score or an NPS answer; stamped with the store's now. */
RapportSatisfaction   *rapport_store_record_satisfaction    (RapportStore                      *self,
                                                             const RapportSatisfactionFields   *fields,
                                                             GError                           **error);
gboolean               rapport_store_delete_satisfaction    (RapportStore                      *self,
                                                             RapportSatisfaction               *satisfaction,
                                                             GError                           **error);
/* Answers of a deal, or of a contact (their deals' too), newest first. */
GListModel            *rapport_store_get_deal_satisfaction  (RapportStore                      *self,
                                                             RapportDeal                       *deal);
GListModel            *rapport_store_get_contact_satisfaction (RapportStore                    *self,
                                                               RapportContact                  *contact);
/* The same read now (element type RapportSatisfaction); @deal_id wins
 * when both are given. */
GPtrArray             *rapport_store_list_satisfaction      (RapportStore                      *self,
                                                             gint64                             contact_id,
                                                             gint64                             deal_id,
                                                             GError                           **error);

/* The answers given in [@start, @end): the average score of those with
 * one, and the net promoter score (promoters, 9 and 10, less detractors,
 * 0 to 6, in percent of the NPS answers, rounded). @owner (NULL for
 * everyone) and @pipeline_id (0 for all) filter as Insights does. */
typedef struct
{
  guint  scores;       /* answers with a score */
  double average_score;
  guint  nps_answers;
  guint  promoters;
  guint  passives;
  guint  detractors;
  int    nps;          /* -100 to 100; 0 without answers */
} RapportSatisfactionSummary;

gboolean               rapport_store_summarize_satisfaction (RapportStore                      *self,
                                                             gint64                             start,
                                                             gint64                             end,
                                                             const char                        *owner,
                                                             gint64                             pipeline_id,
                                                             RapportSatisfactionSummary        *summary,
                                                             GError                           **error);

/* Repeat deals */

/* A new deal's fields to sell @earlier again: its contact and
 * organization, the first stage of its pipeline, its value and currency,
 * "Repeat: TITLE", linked to it. The strings point into @earlier or
 * *@title (to free). */
void                   rapport_store_repeat_deal_fields     (RapportStore                      *self,
                                                             RapportDeal                       *earlier,
                                                             RapportDealFields                 *fields,
                                                             char                             **title);
/* The deals that repeat @deal, oldest first. */
GListModel            *rapport_store_get_repeat_deals       (RapportStore                      *self,
                                                             RapportDeal                       *deal);
/* The contact's latest won deal, or NULL (transfer full). */
RapportDeal           *rapport_store_get_latest_won_deal    (RapportStore                      *self,
                                                             RapportContact                    *contact);

G_END_DECLS
