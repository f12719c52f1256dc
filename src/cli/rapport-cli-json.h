/* rapport-cli-json.h — the JSON shapes rapport-cli promises to scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These field names are a stable interface: add fields, never rename.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rapport-store.h"
#include "rapport-store-after-sales.h"

G_BEGIN_DECLS

/* @position: the deal's place in its stage if the caller knows it, or
 * RAPPORT_JSON_POSITION_UNKNOWN to ask the store. */
#define RAPPORT_JSON_POSITION_UNKNOWN (-2)

JsonNode *rapport_json_deal         (RapportStore    *store,
                                     RapportDeal     *deal,
                                     int              position,
                                     gboolean         with_history);
JsonNode *rapport_json_contact      (RapportContact  *contact);
JsonNode *rapport_json_organization (RapportOrganization *organization);
JsonNode *rapport_json_followup     (RapportActivity *activity);
JsonNode *rapport_json_stage        (RapportStage    *stage);
JsonNode *rapport_json_pipeline     (RapportStore    *store,
                                     RapportPipeline *pipeline);
JsonNode *rapport_json_stage_action (RapportStageAction *action);
JsonNode *rapport_json_speed_to_lead (const RapportSpeedToLead *stats);
JsonNode *rapport_json_note         (RapportNote     *note);
JsonNode *rapport_json_activity     (RapportActivity *activity);
JsonNode *rapport_json_negotiation_entry (RapportNegotiationEntry *entry);
/* A satisfaction answer: score and nps null when not asked. */
JsonNode *rapport_json_satisfaction (RapportSatisfaction *satisfaction);
JsonNode *rapport_json_after_sales_step (RapportAfterSalesStep *step);

/* `report summary`: every figure of @report, with @goals (an array node,
 * taken; NULL for none) as "goals". */
JsonNode *rapport_json_report       (const RapportReport       *report,
                                     JsonNode                  *goals);
/* A goal, with its progress in the current period if @progress is given. */
JsonNode *rapport_json_goal         (RapportGoal               *goal,
                                     const RapportGoalProgress *progress);

/* "offer", "counter_offer", "objection", "concession" */
const char *rapport_json_negotiation_kind (RapportNegotiationKind kind);
/* "contact", "organization", "deal" */
const char *rapport_json_search_kind      (RapportSearchKind      kind);

/* The objects "show" prints: the record with what its detail view lists.
 * rapport_json_deal_details returns NULL with @error set if the playbook
 * cannot be read. */
JsonNode *rapport_json_deal_details (RapportStore    *store,
                                     RapportDeal     *deal,
                                     GError         **error);
JsonNode *rapport_json_custom_field (const RapportCustomField *field);
JsonNode *rapport_json_contact_details (RapportStore   *store,
                                        RapportContact *contact);
JsonNode *rapport_json_organization_details (RapportStore        *store,
                                             RapportOrganization *organization);
JsonNode *rapport_json_search_hit   (const char      *name,
                                     const RapportSearchHit *hit);

/* Prints @node pretty-printed on stdout and frees it. */
void      rapport_json_print        (JsonNode        *node);
/* Prints @array as one JSON document on stdout. */
void      rapport_json_print_array  (JsonArray       *array);

/* A JSON array printed one element at a time, as rapport_json_print_array
 * would print it whole: a list of 100 000 records never sits in memory. */
typedef struct _RapportJsonStream RapportJsonStream;

RapportJsonStream *rapport_json_stream_begin (void);
/* Prints @node as the next element and frees it. */
void      rapport_json_stream_add   (RapportJsonStream *stream,
                                     JsonNode          *node);
/* Closes the array and frees @stream. */
void      rapport_json_stream_end   (RapportJsonStream *stream);

G_END_DECLS
