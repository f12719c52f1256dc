/* rapport-cli-json-report.c — `report summary --json` and goals as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Field names are a stable interface (see rapport-cli-json.h). Money is in
 * minor units of "currency"; a fraction or average with nothing to divide
 * by is null; months are "YYYY-MM"; "from" and "to" are ISO 8601 instants,
 * "to" excluded.
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include <math.h>

#include "rapport-cli-json.h"
#include "rapport-enums.h"
#include "rapport-time.h"

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* NaN is "none": null. */
static void
add_number (JsonBuilder *builder,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (builder, member);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

/* Money that is an average: whole minor units, or null. */
static void
add_money_or_null (JsonBuilder *builder,
                   const char  *member,
                   double       value)
{
  json_builder_set_member_name (builder, member);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, (gint64) llround (value));
}

/* "" is "none given": null. */
static void
add_name (JsonBuilder *builder,
          const char  *member,
          const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL || *value == '\0')
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_instant (JsonBuilder *builder,
             const char  *member,
             gint64       unix_seconds)
{
  g_autofree char *text = rapport_time_format_iso8601 (unix_seconds);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

static void
add_amount (JsonBuilder               *builder,
            const char                *member,
            const RapportReportAmount *amount)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  add_int (builder, "count", amount->count);
  add_int (builder, "value", amount->value);
  json_builder_end_object (builder);
}

static void
add_speed (JsonBuilder              *builder,
           const RapportReportSpeed *speed)
{
  json_builder_set_member_name (builder, "speed_to_lead");
  json_builder_begin_object (builder);
  add_int (builder, "leads", speed->leads);
  add_int (builder, "within", speed->within);
  add_number (builder, "share", speed->share);
  add_number (builder, "median_minutes", speed->median_minutes);
  add_number (builder, "p90_minutes", speed->p90_minutes);
  add_int (builder, "contacted", speed->contacted);
  add_int (builder, "never_contacted", speed->never);
  add_int (builder, "minutes", speed->minutes);
  json_builder_set_member_name (builder, "buckets");
  json_builder_begin_object (builder);
  add_int (builder, "0-5", speed->buckets[0]);
  add_int (builder, "5-15", speed->buckets[1]);
  add_int (builder, "15-60", speed->buckets[2]);
  add_int (builder, "over-60", speed->buckets[3]);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_activities (JsonBuilder *builder,
                const guint *activities)
{
  json_builder_set_member_name (builder, "activities");
  json_builder_begin_object (builder);
  add_int (builder, "call", activities[RAPPORT_ACTIVITY_CALL]);
  add_int (builder, "email", activities[RAPPORT_ACTIVITY_EMAIL]);
  add_int (builder, "meeting", activities[RAPPORT_ACTIVITY_MEETING]);
  add_int (builder, "task", activities[RAPPORT_ACTIVITY_TASK]);
  add_int (builder, "followup", activities[RAPPORT_ACTIVITY_FOLLOWUP]);
  json_builder_end_object (builder);
}

static void
add_funnel (JsonBuilder *builder,
            GArray      *funnel)
{
  json_builder_set_member_name (builder, "funnel");
  json_builder_begin_array (builder);
  for (guint i = 0; i < funnel->len; i++)
    {
      const RapportReportStage *stage = &g_array_index (funnel, RapportReportStage, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "stage");
      json_builder_add_string_value (builder, stage->name);
      add_int (builder, "stage_id", stage->stage_id);
      add_int (builder, "reached", stage->reached);
      add_int (builder, "advanced", stage->advanced);
      add_int (builder, "dropped", stage->dropped);
      add_number (builder, "conversion", stage->conversion);
      add_number (builder, "cumulative", stage->cumulative);
      add_number (builder, "drop_off", stage->drop_off);
      add_number (builder, "median_days", stage->median_days);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_groups (JsonBuilder *builder,
            const char  *member,
            const char  *name_member,
            GArray      *groups)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < groups->len; i++)
    {
      const RapportReportGroup *group = &g_array_index (groups, RapportReportGroup, i);

      json_builder_begin_object (builder);
      add_name (builder, name_member, group->name);
      add_int (builder, "count", group->count);
      add_int (builder, "value", group->value);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_owners (JsonBuilder *builder,
            GArray      *owners)
{
  json_builder_set_member_name (builder, "owners");
  json_builder_begin_array (builder);
  for (guint i = 0; i < owners->len; i++)
    {
      const RapportReportOwner *owner = &g_array_index (owners, RapportReportOwner, i);

      json_builder_begin_object (builder);
      add_name (builder, "owner", owner->owner);
      add_int (builder, "won", owner->won);
      add_int (builder, "lost", owner->lost);
      add_int (builder, "won_value", owner->won_value);
      add_number (builder, "win_rate", owner->win_rate);
      add_int (builder, "activities", owner->activities);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_period (JsonBuilder               *builder,
            const RapportReportPeriod *period)
{
  add_instant (builder, "from", period->from);
  add_instant (builder, "to", period->to);
  add_amount (builder, "won", &period->won);
  add_amount (builder, "lost", &period->lost);
  add_number (builder, "win_rate", period->win_rate);
  add_number (builder, "win_rate_value", period->win_rate_value);
  add_money_or_null (builder, "average_won_value", period->average_won_value);

  json_builder_set_member_name (builder, "cycle_days");
  json_builder_begin_object (builder);
  add_number (builder, "average", period->cycle_days_average);
  add_number (builder, "median", period->cycle_days_median);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "open");
  json_builder_begin_object (builder);
  add_int (builder, "count", period->open.count);
  add_int (builder, "value", period->open.value);
  add_int (builder, "weighted", period->open_weighted);
  json_builder_end_object (builder);

  add_number (builder, "velocity_per_day", period->velocity_per_day);
  add_speed (builder, &period->speed);
  add_activities (builder, period->activities);
  add_int (builder, "new_leads", period->new_leads);
  add_int (builder, "new_deals", period->new_deals);
  add_funnel (builder, period->funnel);
  add_groups (builder, "lost_reasons", "reason", period->lost_reasons);
  add_groups (builder, "won_by_source", "source", period->won_by_source);
  add_owners (builder, period->owners);

  json_builder_set_member_name (builder, "repeat");
  json_builder_begin_object (builder);
  add_int (builder, "customers", period->repeat.customers);
  add_int (builder, "repeat_customers", period->repeat.repeat_customers);
  add_number (builder, "share", period->repeat.share);
  add_int (builder, "value", period->repeat.value);
  add_int (builder, "deals", period->repeat.repeat_deals);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "satisfaction");
  json_builder_begin_object (builder);
  add_int (builder, "scores", period->satisfaction.scores);
  add_number (builder, "average_score", period->satisfaction.average_score);
  add_int (builder, "nps_answers", period->satisfaction.nps_answers);
  add_int (builder, "promoters", period->satisfaction.promoters);
  add_int (builder, "passives", period->satisfaction.passives);
  add_int (builder, "detractors", period->satisfaction.detractors);
  add_number (builder, "nps", period->satisfaction.nps);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "other_currencies");
  json_builder_begin_object (builder);
  add_int (builder, "count", period->other_currencies.count);
  add_int (builder, "won", period->other_currencies.won);
  add_int (builder, "lost", period->other_currencies.lost);
  add_int (builder, "created", period->other_currencies.created);
  add_int (builder, "open", period->other_currencies.open);
  json_builder_end_object (builder);
}

static void
add_month_fields (JsonBuilder              *builder,
                  const RapportReportMonth *month,
                  gboolean                  with_weighted)
{
  add_int (builder, "count", month->count);
  add_int (builder, "value", month->value);
  if (with_weighted)
    add_int (builder, "weighted", month->weighted);
}

static void
add_months (JsonBuilder *builder,
            const char  *member,
            GArray      *months,
            gboolean     with_weighted)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < months->len; i++)
    {
      const RapportReportMonth *month = &g_array_index (months, RapportReportMonth, i);
      g_autofree char *name = g_strdup_printf ("%04d-%02d", month->year, month->month);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "month");
      json_builder_add_string_value (builder, name);
      add_month_fields (builder, month, with_weighted);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_month_object (JsonBuilder              *builder,
                  const char               *member,
                  const RapportReportMonth *month)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  add_month_fields (builder, month, TRUE);
  json_builder_end_object (builder);
}

JsonNode *
rapport_json_report (const RapportReport *report,
                     JsonNode            *goals)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, report->currency);
  add_name (builder, "owner", report->owner);
  add_int (builder, "pipeline", report->pipeline_id);
  add_int (builder, "funnel_pipeline", report->funnel_pipeline_id);
  add_instant (builder, "now", report->now);
  add_period (builder, &report->current);
  add_months (builder, "forecast", report->forecast, TRUE);
  add_month_object (builder, "forecast_overdue", &report->forecast_overdue);
  add_month_object (builder, "forecast_undated", &report->forecast_undated);
  add_months (builder, "won_by_month", report->won_by_month, FALSE);

  json_builder_set_member_name (builder, "previous");
  json_builder_begin_object (builder);
  add_period (builder, &report->previous);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "goals");
  if (goals != NULL)
    json_builder_add_value (builder, goals);
  else
    {
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  /* The class stays alive as long as the type: the nick outlives it. */
  return found != NULL ? found->value_nick : "";
}

JsonNode *
rapport_json_goal (RapportGoal               *goal,
                   const RapportGoalProgress *progress)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "id", rapport_record_get_id (RAPPORT_RECORD (goal)));
  json_builder_set_member_name (builder, "metric");
  json_builder_add_string_value (builder, enum_nick (RAPPORT_TYPE_GOAL_METRIC, rapport_goal_get_metric (goal)));
  json_builder_set_member_name (builder, "period");
  json_builder_add_string_value (builder, enum_nick (RAPPORT_TYPE_PERIOD_KIND, rapport_goal_get_period (goal)));
  add_name (builder, "owner", rapport_goal_get_owner (goal));
  add_int (builder, "target", rapport_goal_get_target (goal));
  json_builder_set_member_name (builder, "money");
  json_builder_add_boolean_value (builder, rapport_goal_metric_is_money (rapport_goal_get_metric (goal)));
  if (progress != NULL)
    {
      add_int (builder, "actual", progress->actual);
      add_number (builder, "progress", progress->progress);
      json_builder_set_member_name (builder, "reached");
      json_builder_add_boolean_value (builder, progress->reached);
      add_instant (builder, "period_start", progress->start);
      add_instant (builder, "period_end", progress->end);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
