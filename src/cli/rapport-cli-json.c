/* rapport-cli-json.c — the JSON shapes rapport-cli promises to scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "rapport-cli-json.h"
#include "rapport-store-change-log.h"
#include "rapport-store-process.h"
#include "rapport-enums.h"
#include "rapport-time.h"

static void
add_time (JsonBuilder *builder,
          const char  *member,
          gint64       unix_seconds)
{
  g_autofree char *text = rapport_time_to_iso8601 (unix_seconds);

  json_builder_set_member_name (builder, member);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

/* A time a record always has (created, entered a stage): 0 is 1970. */
static void
add_set_time (JsonBuilder *builder,
              const char  *member,
              gint64       unix_seconds)
{
  g_autofree char *text = rapport_time_format_iso8601 (unix_seconds);

  json_builder_set_member_name (builder, member);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

static void
add_id (JsonBuilder *builder,
        const char  *member,
        gint64       id)
{
  json_builder_set_member_name (builder, member);
  if (id != 0)
    json_builder_add_int_value (builder, id);
  else
    json_builder_add_null_value (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev ? ev->value_nick : NULL;
}

static void
add_answer (JsonBuilder   *builder,
            const char    *member,
            RapportAnswer  answer)
{
  json_builder_set_member_name (builder, member);
  if (answer == RAPPORT_ANSWER_YES)
    json_builder_add_boolean_value (builder, TRUE);
  else if (answer == RAPPORT_ANSWER_NO)
    json_builder_add_boolean_value (builder, FALSE);
  else
    json_builder_add_null_value (builder);
}

static const char *
stage_name (RapportStore *store,
            gint64        id)
{
  g_autoptr(RapportStage) stage = id ? rapport_store_get_stage (store, id, NULL) : NULL;

  /* The store's identity map keeps the name alive while the stage list is. */
  return stage ? g_intern_string (rapport_stage_get_name (stage)) : NULL;
}

static void
add_history (JsonBuilder  *builder,
             RapportStore *store,
             RapportDeal  *deal)
{
  g_autoptr(GPtrArray) history = rapport_store_get_stage_history (store, deal, NULL);

  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; history && i < history->len; i++)
    {
      RapportStageChange *change = history->pdata[i];

      json_builder_begin_object (builder);
      add_id (builder, "from_stage_id", rapport_stage_change_get_from_stage_id (change));
      /* The names of the time; rows older than schema 13 have none. */
      add_string (builder, "from_stage",
                  rapport_stage_change_get_from_stage_name (change) != NULL
                    ? rapport_stage_change_get_from_stage_name (change)
                    : stage_name (store, rapport_stage_change_get_from_stage_id (change)));
      add_id (builder, "to_stage_id", rapport_stage_change_get_to_stage_id (change));
      add_string (builder, "to_stage",
                  rapport_stage_change_get_to_stage_name (change) != NULL
                    ? rapport_stage_change_get_to_stage_name (change)
                    : stage_name (store, rapport_stage_change_get_to_stage_id (change)));
      add_string (builder, "reason",
                  enum_nick (RAPPORT_TYPE_STAGE_CHANGE_REASON, rapport_stage_change_get_reason (change)));
      add_string (builder, "from_status",
                  enum_nick (RAPPORT_TYPE_DEAL_STATUS, rapport_stage_change_get_from_status (change)));
      add_string (builder, "to_status",
                  enum_nick (RAPPORT_TYPE_DEAL_STATUS, rapport_stage_change_get_to_status (change)));
      add_set_time (builder, "changed_at", rapport_stage_change_get_changed_at (change));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
rapport_json_deal (RapportStore *store,
                   RapportDeal  *deal,
                   int           position,
                   gboolean      with_history)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (position == RAPPORT_JSON_POSITION_UNKNOWN)
    position = rapport_store_get_deal_position (store, deal);

  json_builder_begin_object (builder);
  add_int (builder, "id", rapport_record_get_id (RAPPORT_RECORD (deal)));
  add_string (builder, "title", rapport_deal_get_title (deal));
  add_int (builder, "value", rapport_deal_get_value (deal));
  add_string (builder, "currency", rapport_deal_get_currency (deal));
  add_id (builder, "stage_id", rapport_deal_get_stage_id (deal));
  add_string (builder, "stage", stage_name (store, rapport_deal_get_stage_id (deal)));
  json_builder_set_member_name (builder, "position");
  if (position >= 0)
    json_builder_add_int_value (builder, position);
  else
    json_builder_add_null_value (builder);
  add_string (builder, "status", enum_nick (RAPPORT_TYPE_DEAL_STATUS, rapport_deal_get_status (deal)));
  add_id (builder, "contact_id", rapport_deal_get_contact_id (deal));
  add_id (builder, "organization_id", rapport_deal_get_organization_id (deal));
  add_string (builder, "expected_close", rapport_deal_get_expected_close (deal));
  add_string (builder, "owner", rapport_deal_get_owner (deal));

  json_builder_set_member_name (builder, "bant");
  json_builder_begin_object (builder);
  add_answer (builder, "budget", rapport_deal_get_bant_budget (deal));
  add_answer (builder, "authority", rapport_deal_get_bant_authority (deal));
  add_answer (builder, "need", rapport_deal_get_bant_need (deal));
  add_answer (builder, "timeline", rapport_deal_get_bant_timeline (deal));
  json_builder_end_object (builder);

  add_int (builder, "bant_score", rapport_deal_get_bant_score (deal));
  json_builder_set_member_name (builder, "qualified");
  json_builder_add_boolean_value (builder, rapport_deal_get_qualified (deal));
  add_set_time (builder, "created_at", rapport_deal_get_created_at (deal));
  add_set_time (builder, "updated_at", rapport_deal_get_updated_at (deal));
  add_time (builder, "closed_at", rapport_deal_get_closed_at (deal));
  add_string (builder, "lost_reason", rapport_deal_get_lost_reason (deal));
  add_set_time (builder, "stage_entered_at", rapport_deal_get_stage_entered_at (deal));
  add_id (builder, "repeat_of", rapport_deal_get_repeat_of (deal));
  if (with_history)
    add_history (builder, store, deal);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
rapport_json_contact (RapportContact *contact)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "id", rapport_record_get_id (RAPPORT_RECORD (contact)));
  add_string (builder, "name", rapport_contact_get_name (contact));
  add_string (builder, "email", rapport_contact_get_email (contact));
  add_string (builder, "phone", rapport_contact_get_phone (contact));
  add_id (builder, "organization_id", rapport_contact_get_organization_id (contact));
  add_string (builder, "lifecycle", enum_nick (RAPPORT_TYPE_LIFECYCLE, rapport_contact_get_lifecycle (contact)));
  add_string (builder, "source", rapport_contact_get_source (contact));
  add_set_time (builder, "created_at", rapport_contact_get_created_at (contact));
  add_time (builder, "first_contacted_at", rapport_contact_get_first_contacted_at (contact));
  add_string (builder, "owner", rapport_contact_get_owner (contact));
  add_time (builder, "last_contacted_at", rapport_contact_get_last_contacted_at (contact));
  add_time (builder, "next_followup_at", rapport_contact_get_next_followup_at (contact));
  add_string (builder, "title", rapport_contact_get_title (contact));
  add_string (builder, "address", rapport_contact_get_address (contact));
  add_string (builder, "birthday", rapport_contact_get_birthday (contact));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
rapport_json_organization (RapportOrganization *organization)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "id", rapport_record_get_id (RAPPORT_RECORD (organization)));
  add_string (builder, "name", rapport_organization_get_name (organization));
  add_string (builder, "website", rapport_organization_get_website (organization));
  add_string (builder, "phone", rapport_organization_get_phone (organization));
  add_set_time (builder, "created_at", rapport_organization_get_created_at (organization));
  add_string (builder, "address", rapport_organization_get_address (organization));
  add_string (builder, "industry", rapport_organization_get_industry (organization));
  add_id (builder, "size", rapport_organization_get_size (organization));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* How a logged activity went and how long it took (null when not said),
 * and what a follow-up asks for. */
static void
add_activity_details (JsonBuilder     *builder,
                      RapportActivity *activity)
{
  RapportActivityOutcome outcome = rapport_activity_get_outcome (activity);
  int minutes = rapport_activity_get_duration_minutes (activity);

  add_string (builder, "outcome",
              outcome != RAPPORT_OUTCOME_NONE ? enum_nick (RAPPORT_TYPE_ACTIVITY_OUTCOME, outcome) : NULL);
  json_builder_set_member_name (builder, "duration_minutes");
  if (minutes != 0)
    json_builder_add_int_value (builder, minutes);
  else
    json_builder_add_null_value (builder);
  add_string (builder, "followup_kind",
              rapport_activity_get_kind (activity) == RAPPORT_ACTIVITY_FOLLOWUP
              ? enum_nick (RAPPORT_TYPE_ACTIVITY_KIND, rapport_activity_get_followup_kind (activity))
              : NULL);
}

JsonNode *
rapport_json_followup (RapportActivity *activity)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  RapportRule rule = rapport_activity_get_rule (activity);

  json_builder_begin_object (builder);
  add_int (builder, "id", rapport_record_get_id (RAPPORT_RECORD (activity)));
  add_string (builder, "title", rapport_activity_get_title (activity));
  add_string (builder, "kind", enum_nick (RAPPORT_TYPE_ACTIVITY_KIND, rapport_activity_get_kind (activity)));
  add_time (builder, "due_at", rapport_activity_get_due_at (activity));
  add_time (builder, "done_at", rapport_activity_get_done_at (activity));
  add_time (builder, "snoozed_until", rapport_activity_get_snoozed_until (activity));
  add_id (builder, "deal_id", rapport_activity_get_deal_id (activity));
  add_id (builder, "contact_id", rapport_activity_get_contact_id (activity));
  add_string (builder, "rule", rule == RAPPORT_RULE_NONE ? NULL : enum_nick (RAPPORT_TYPE_RULE, rule));
  add_string (builder, "after_sales_offer",
              rule == RAPPORT_RULE_AFTER_SALES
              ? enum_nick (RAPPORT_TYPE_AFTER_SALES_OFFER, rapport_activity_get_after_sales_offer (activity))
              : NULL);
  add_activity_details (builder, activity);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
rapport_json_stage (RapportStage *stage)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "id", rapport_record_get_id (RAPPORT_RECORD (stage)));
  add_string (builder, "name", rapport_stage_get_name (stage));
  add_int (builder, "position", rapport_stage_get_position (stage));
  add_int (builder, "probability", rapport_stage_get_probability (stage));
  add_int (builder, "rotting_days", rapport_stage_get_rotting_days (stage));
  add_string (builder, "purpose", rapport_stage_get_purpose (stage));
  add_int (builder, "pipeline_id", rapport_stage_get_pipeline_id (stage));
  json_builder_set_member_name (builder, "require_qualified");
  json_builder_add_boolean_value (builder, rapport_stage_get_require_qualified (stage));
  json_builder_set_member_name (builder, "require_checklist");
  json_builder_add_boolean_value (builder, rapport_stage_get_require_checklist (stage));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
rapport_json_pipeline (RapportStore    *store,
                       RapportPipeline *pipeline)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(RapportPipeline) current = rapport_store_get_current_pipeline (store);
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (pipeline));

  json_builder_begin_object (builder);
  add_int (builder, "id", id);
  add_string (builder, "name", rapport_pipeline_get_name (pipeline));
  add_string (builder, "template", rapport_pipeline_get_template (pipeline));
  add_int (builder, "position", rapport_pipeline_get_position (pipeline));
  json_builder_set_member_name (builder, "current");
  json_builder_add_boolean_value (builder, current != NULL && rapport_record_get_id (RAPPORT_RECORD (current)) == id);
  add_int (builder, "stages", g_list_model_get_n_items (rapport_store_get_stages (store, pipeline)));
  add_int (builder, "deals", rapport_store_count_pipeline_deals (store, pipeline));
  add_string (builder, "process_uid", rapport_pipeline_get_process_uid (pipeline));
  add_int (builder, "process_version", rapport_pipeline_get_process_version (pipeline));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
rapport_json_stage_action (RapportStageAction *action)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "id", rapport_record_get_id (RAPPORT_RECORD (action)));
  add_int (builder, "stage_id", rapport_stage_action_get_stage_id (action));
  add_int (builder, "position", rapport_stage_action_get_position (action));
  add_string (builder, "action", rapport_stage_action_get_action (action));
  add_string (builder, "owner", rapport_stage_action_get_owner (action));
  add_string (builder, "activity", rapport_stage_action_get_activity (action));
  add_string (builder, "material", rapport_stage_action_get_material (action));
  add_string (builder, "output", rapport_stage_action_get_output (action));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
rapport_json_speed_to_lead (const RapportSpeedToLead *stats)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "leads", stats->n_leads);
  add_int (builder, "contacted", stats->n_contacted);
  add_int (builder, "contacted_within", stats->n_within);
  add_int (builder, "waiting", stats->n_waiting);
  add_int (builder, "waiting_late", stats->n_waiting_late);
  add_int (builder, "median_seconds_to_first_contact", stats->median_seconds);
  add_int (builder, "speed_to_lead_minutes", stats->minutes);
  json_builder_set_member_name (builder, "share_within");
  json_builder_add_double_value (builder, stats->n_leads ? (double) stats->n_within / stats->n_leads : 0.0);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Details: the lists the detail views show, added to an object */

static void
add_id_list (JsonObject *object,
             const char *member,
             GListModel *records)
{
  JsonArray *array = json_array_sized_new (g_list_model_get_n_items (records));

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(RapportRecord) record = g_list_model_get_item (records, i);

      json_array_add_int_element (array, rapport_record_get_id (record));
    }
  json_object_set_array_member (object, member, array);
}

typedef JsonNode *(*RecordToJson) (gpointer record);

static void
add_record_list (JsonObject   *object,
                 const char   *member,
                 GListModel   *records,
                 RecordToJson  to_json)
{
  JsonArray *array = json_array_sized_new (g_list_model_get_n_items (records));

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (records, i);

      json_array_add_element (array, to_json (record));
    }
  json_object_set_array_member (object, member, array);
}

/* The negotiation kinds as scripts see them: stable words, not enum nicks. */
static const char * const negotiation_kinds[] = {
  [RAPPORT_NEGOTIATION_OFFER] = "offer",
  [RAPPORT_NEGOTIATION_COUNTER_OFFER] = "counter_offer",
  [RAPPORT_NEGOTIATION_OBJECTION] = "objection",
  [RAPPORT_NEGOTIATION_CONCESSION] = "concession",
};

const char *
rapport_json_negotiation_kind (RapportNegotiationKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (negotiation_kinds))
    return NULL;

  return negotiation_kinds[kind];
}

JsonNode *
rapport_json_note (RapportNote *note)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "id", rapport_record_get_id (RAPPORT_RECORD (note)));
  add_string (builder, "body", rapport_note_get_body (note));
  add_set_time (builder, "created_at", rapport_note_get_created_at (note));
  add_id (builder, "contact_id", rapport_note_get_contact_id (note));
  add_id (builder, "deal_id", rapport_note_get_deal_id (note));
  add_id (builder, "organization_id", rapport_note_get_organization_id (note));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
rapport_json_activity (RapportActivity *activity)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "id", rapport_record_get_id (RAPPORT_RECORD (activity)));
  add_string (builder, "kind", enum_nick (RAPPORT_TYPE_ACTIVITY_KIND, rapport_activity_get_kind (activity)));
  add_string (builder, "title", rapport_activity_get_title (activity));
  add_string (builder, "note", rapport_activity_get_note (activity));
  add_time (builder, "due_at", rapport_activity_get_due_at (activity));
  add_time (builder, "done_at", rapport_activity_get_done_at (activity));
  add_activity_details (builder, activity);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
rapport_json_satisfaction (RapportSatisfaction *satisfaction)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int score = rapport_satisfaction_get_score (satisfaction);
  int nps = rapport_satisfaction_get_nps (satisfaction);

  json_builder_begin_object (builder);
  add_int (builder, "id", rapport_record_get_id (RAPPORT_RECORD (satisfaction)));
  add_id (builder, "contact_id", rapport_satisfaction_get_contact_id (satisfaction));
  add_id (builder, "deal_id", rapport_satisfaction_get_deal_id (satisfaction));
  json_builder_set_member_name (builder, "score");
  if (score != RAPPORT_SATISFACTION_NO_SCORE)
    json_builder_add_int_value (builder, score);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "nps");
  if (nps != RAPPORT_SATISFACTION_NO_NPS)
    json_builder_add_int_value (builder, nps);
  else
    json_builder_add_null_value (builder);
  add_string (builder, "comment", rapport_satisfaction_get_comment (satisfaction));
  add_set_time (builder, "created_at", rapport_satisfaction_get_created_at (satisfaction));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
rapport_json_after_sales_step (RapportAfterSalesStep *step)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "id", rapport_record_get_id (RAPPORT_RECORD (step)));
  add_int (builder, "pipeline_id", rapport_after_sales_step_get_pipeline_id (step));
  add_int (builder, "position", rapport_after_sales_step_get_position (step));
  add_string (builder, "title", rapport_after_sales_step_get_title (step));
  add_string (builder, "kind", enum_nick (RAPPORT_TYPE_ACTIVITY_KIND, rapport_after_sales_step_get_kind (step)));
  add_int (builder, "days", rapport_after_sales_step_get_days (step));
  add_string (builder, "note", rapport_after_sales_step_get_note (step));
  add_string (builder, "offer", enum_nick (RAPPORT_TYPE_AFTER_SALES_OFFER, rapport_after_sales_step_get_offer (step)));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
rapport_json_negotiation_entry (RapportNegotiationEntry *entry)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "id", rapport_record_get_id (RAPPORT_RECORD (entry)));
  add_string (builder, "kind", rapport_json_negotiation_kind (rapport_negotiation_entry_get_kind (entry)));
  add_int (builder, "amount", rapport_negotiation_entry_get_amount (entry));
  add_string (builder, "currency", rapport_negotiation_entry_get_currency (entry));
  add_string (builder, "text", rapport_negotiation_entry_get_text (entry));
  add_set_time (builder, "created_at", rapport_negotiation_entry_get_created_at (entry));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static JsonNode *
bant_notes (RapportDeal *deal)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "budget", rapport_deal_get_bant_budget_note (deal));
  add_string (builder, "authority", rapport_deal_get_bant_authority_note (deal));
  add_string (builder, "need", rapport_deal_get_bant_need_note (deal));
  add_string (builder, "timeline", rapport_deal_get_bant_timeline_note (deal));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The key actions of the deal's current stage, each with whether it is done. */
static JsonNode *
playbook (RapportStore  *store,
          RapportDeal   *deal,
          GError       **error)
{
  g_autoptr(RapportStage) stage = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GHashTable) done = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  stage = rapport_store_get_stage (store, rapport_deal_get_stage_id (deal), error);
  if (stage == NULL ||
      (actions = rapport_store_get_stage_actions (store, stage, error)) == NULL ||
      (done = rapport_store_get_done_actions (store, deal, error)) == NULL)
    return NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < actions->len; i++)
    {
      RapportStageAction *action = actions->pdata[i];
      gint64 id = rapport_record_get_id (RAPPORT_RECORD (action));
      gint64 *done_at = g_hash_table_lookup (done, &id);

      json_builder_begin_object (builder);
      add_int (builder, "id", id);
      add_string (builder, "action", rapport_stage_action_get_action (action));
      add_string (builder, "owner", rapport_stage_action_get_owner (action));
      add_string (builder, "material", rapport_stage_action_get_material (action));
      add_string (builder, "output", rapport_stage_action_get_output (action));
      json_builder_set_member_name (builder, "done");
      json_builder_add_boolean_value (builder, done_at != NULL);
      add_time (builder, "done_at", done_at ? *done_at : 0);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

/* [{field, yours, theirs, by, at}]: the team's values a change of this
 * desktop overwrote (team mode). */
static JsonNode *
conflicts_json (RapportStore *store,
                gint64        deal_id)
{
  g_autoptr(GPtrArray) conflicts = rapport_store_get_conflicts (store, RAPPORT_ENTITY_DEAL, deal_id);
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < conflicts->len; i++)
    {
      const RapportTeamConflict *conflict = conflicts->pdata[i];
      JsonObject *item = json_object_new ();
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (conflict->at);
      g_autofree char *at_text = at != NULL ? g_date_time_format_iso8601 (at) : NULL;

      json_object_set_string_member (item, "field", conflict->field);
      json_object_set_string_member (item, "yours", conflict->yours);
      json_object_set_string_member (item, "theirs", conflict->theirs);
      json_object_set_string_member (item, "by", conflict->author);
      json_object_set_string_member (item, "at", at_text);
      json_array_add_object_element (array, item);
    }
  json_node_take_array (node, array);
  return node;
}

JsonNode *
rapport_json_deal_details (RapportStore  *store,
                           RapportDeal   *deal,
                           GError       **error)
{
  g_autoptr(JsonNode) node = rapport_json_deal (store, deal, RAPPORT_JSON_POSITION_UNKNOWN, TRUE);
  JsonObject *object = json_node_get_object (node);
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (deal));
  g_autoptr(GListModel) negotiation = rapport_store_get_negotiation (store, id);
  g_autoptr(GListModel) notes = rapport_store_get_deal_notes (store, id);
  g_autoptr(GListModel) activities = rapport_store_get_deal_activities (store, id);
  g_autoptr(GListModel) satisfaction = rapport_store_get_deal_satisfaction (store, deal);
  g_autoptr(GListModel) repeats = rapport_store_get_repeat_deals (store, deal);
  g_autofree char *uid = rapport_store_get_uid (store, RAPPORT_ENTITY_DEAL, id);
  JsonNode *actions = playbook (store, deal, error);

  if (actions == NULL)
    return NULL;

  json_object_set_member (object, "bant_notes", bant_notes (deal));
  json_object_set_member (object, "playbook", actions);
  add_record_list (object, "negotiation", negotiation, (RecordToJson) rapport_json_negotiation_entry);
  add_record_list (object, "notes", notes, (RecordToJson) rapport_json_note);
  add_record_list (object, "activities", activities, (RecordToJson) rapport_json_activity);
  add_record_list (object, "satisfaction", satisfaction, (RecordToJson) rapport_json_satisfaction);
  add_id_list (object, "repeat_deals", repeats);
  json_object_set_string_member (object, "uid", uid);
  json_object_set_member (object, "conflicts", conflicts_json (store, id));

  return g_steal_pointer (&node);
}

/* [{label, value}] of RapportContactValue */
static void
add_value_list (JsonObject *object,
                const char *member,
                GPtrArray  *values)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const RapportContactValue *value = values->pdata[i];
      JsonObject *item = json_object_new ();

      json_object_set_string_member (item, "label", value->label);
      json_object_set_string_member (item, "value", value->value);
      json_array_add_object_element (array, item);
    }
  json_object_set_array_member (object, member, array);
}

/* "tags": [..] and "fields": {"Name": "value", …}, the values the record
 * has, in the fields' order. */
static void
add_tags_and_fields (JsonObject    *object,
                     RapportStore  *store,
                     RapportEntity  entity,
                     gint64         id)
{
  g_auto(GStrv) tags = rapport_store_get_tags (store, entity, id, NULL);
  g_autoptr(GPtrArray) values = rapport_store_get_custom_values (store, entity, id, NULL);
  JsonArray *array = json_array_new ();
  JsonObject *fields = json_object_new ();

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    json_array_add_string_element (array, tags[i]);
  json_object_set_array_member (object, "tags", array);

  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const RapportCustomValue *value = values->pdata[i];

      json_object_set_string_member (fields, value->name, value->value);
    }
  json_object_set_object_member (object, "fields", fields);
}

JsonNode *
rapport_json_custom_field (const RapportCustomField *field)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (object, "id", field->id);
  json_object_set_string_member (object, "kind", field->entity == RAPPORT_ENTITY_CONTACT ? "contact" : "organization");
  json_object_set_string_member (object, "name", field->name);
  json_object_set_string_member (object, "type", rapport_field_type_to_string (field->type));
  if (field->type == RAPPORT_FIELD_CHOICE)
    {
      JsonArray *choices = json_array_new ();

      for (guint i = 0; field->choices[i] != NULL; i++)
        json_array_add_string_element (choices, field->choices[i]);
      json_object_set_array_member (object, "choices", choices);
    }
  json_node_take_object (node, object);
  return node;
}

JsonNode *
rapport_json_contact_details (RapportStore   *store,
                              RapportContact *contact)
{
  JsonNode *node = rapport_json_contact (contact);
  JsonObject *object = json_node_get_object (node);
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (contact));
  gint64 organization_id = rapport_contact_get_organization_id (contact);
  g_autoptr(RapportOrganization) organization = NULL;
  g_autoptr(GListModel) notes = rapport_store_get_contact_notes (store, id);
  g_autoptr(GListModel) activities = rapport_store_get_contact_activities (store, id);
  g_autoptr(GListModel) deals = rapport_store_get_contact_deals (store, id);
  g_autoptr(GListModel) satisfaction = rapport_store_get_contact_satisfaction (store, contact);
  g_autoptr(GPtrArray) emails = rapport_store_get_contact_emails (store, id, NULL);
  g_autoptr(GPtrArray) phones = rapport_store_get_contact_phones (store, id, NULL);
  g_autoptr(GBytes) photo = rapport_store_get_contact_photo (store, id, NULL, NULL);

  if (organization_id != 0)
    organization = rapport_store_get_organization (store, organization_id, NULL);
  if (organization != NULL)
    json_object_set_string_member (object, "organization", rapport_organization_get_name (organization));
  else
    json_object_set_null_member (object, "organization");

  add_value_list (object, "emails", emails);
  add_value_list (object, "phones", phones);
  json_object_set_boolean_member (object, "has_photo", photo != NULL);
  add_tags_and_fields (object, store, RAPPORT_ENTITY_CONTACT, id);

  add_record_list (object, "notes", notes, (RecordToJson) rapport_json_note);
  add_record_list (object, "activities", activities, (RecordToJson) rapport_json_activity);
  add_id_list (object, "deals", deals);
  add_record_list (object, "satisfaction", satisfaction, (RecordToJson) rapport_json_satisfaction);

  return node;
}

JsonNode *
rapport_json_organization_details (RapportStore        *store,
                                   RapportOrganization *organization)
{
  JsonNode *node = rapport_json_organization (organization);
  JsonObject *object = json_node_get_object (node);
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (organization));
  g_autoptr(GListModel) contacts = rapport_store_get_organization_contacts (store, id);
  g_autoptr(GListModel) deals = rapport_store_get_organization_deals (store, id);
  g_autoptr(GListModel) notes = rapport_store_get_organization_notes (store, id);
  guint n_won = 0;
  gint64 won_total = 0;

  rapport_store_get_organization_won (store, id, &n_won, &won_total);

  add_id_list (object, "contacts", contacts);
  add_id_list (object, "deals", deals);
  add_record_list (object, "notes", notes, (RecordToJson) rapport_json_note);
  add_tags_and_fields (object, store, RAPPORT_ENTITY_ORGANIZATION, id);
  json_object_set_int_member (object, "won_count", n_won);
  json_object_set_int_member (object, "won_total", won_total);
  json_object_set_string_member (object, "currency", rapport_store_get_default_currency (store));

  return node;
}

static const char * const search_kinds[] = {
  [RAPPORT_SEARCH_CONTACT] = "contact",
  [RAPPORT_SEARCH_ORGANIZATION] = "organization",
  [RAPPORT_SEARCH_DEAL] = "deal",
};

const char *
rapport_json_search_kind (RapportSearchKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (search_kinds))
    return NULL;

  return search_kinds[kind];
}

JsonNode *
rapport_json_search_hit (const char             *name,
                         const RapportSearchHit *hit)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "kind", rapport_json_search_kind (hit->kind));
  add_int (builder, "id", hit->id);
  add_string (builder, "name", name);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

void
rapport_json_print (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  json_node_unref (node);

  fputs (text, stdout);
  fputc ('\n', stdout);
}

void
rapport_json_print_array (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_set_array (node, array);
  rapport_json_print (node);
}

struct _RapportJsonStream
{
  JsonGenerator *generator;
  GString       *text;
  gboolean       empty;
};

RapportJsonStream *
rapport_json_stream_begin (void)
{
  RapportJsonStream *stream = g_new0 (RapportJsonStream, 1);

  stream->generator = json_generator_new ();
  json_generator_set_pretty (stream->generator, TRUE);
  stream->text = g_string_new (NULL);
  stream->empty = TRUE;

  fputc ('[', stdout);
  return stream;
}

void
rapport_json_stream_add (RapportJsonStream *stream,
                         JsonNode          *node)
{
  g_autofree char *text = NULL;

  g_return_if_fail (stream != NULL);
  g_return_if_fail (node != NULL);

  json_generator_set_root (stream->generator, node);
  text = json_generator_to_data (stream->generator, NULL);
  json_generator_set_root (stream->generator, NULL);
  json_node_unref (node);

  /* What the generator prints for an element of an array one level down:
   * each line indented by two more spaces. JSON strings hold no raw
   * newline, so every newline in the text is between lines. */
  g_string_assign (stream->text, stream->empty ? "\n  " : ",\n  ");
  for (const char *line = text, *end; *line != '\0'; line = end)
    {
      end = strchr (line, '\n');
      end = end != NULL ? end + 1 : line + strlen (line);
      g_string_append_len (stream->text, line, end - line);
      if (end[-1] == '\n')
        g_string_append_len (stream->text, "  ", 2);
    }
  fwrite (stream->text->str, 1, stream->text->len, stdout);
  stream->empty = FALSE;
}

void
rapport_json_stream_end (RapportJsonStream *stream)
{
  g_return_if_fail (stream != NULL);

  fputs (stream->empty ? "]\n" : "\n]\n", stdout);

  g_object_unref (stream->generator);
  g_string_free (stream->text, TRUE);
  g_free (stream);
}
