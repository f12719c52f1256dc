/* rapport-cli-json.h — the JSON shapes rapport-cli promises to scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These field names are a stable interface: add fields, never rename.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rapport-store.h"

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
JsonNode *rapport_json_speed_to_lead (const RapportSpeedToLead *stats);

/* Prints @node pretty-printed on stdout and frees it. */
void      rapport_json_print        (JsonNode        *node);
/* Prints @array as one JSON document on stdout. */
void      rapport_json_print_array  (JsonArray       *array);

G_END_DECLS
