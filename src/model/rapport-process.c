/* rapport-process.c — a whole sales process, and its file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is JSON (json-glib reads and writes it):
 *
 *   { "rapport_process": 1, "uid": "…", "version": 2, "name": "…",
 *     "template": "classic5",
 *     "stages": [ { "name": "…", "probability": 10, "rotting_days": 14,
 *                   "purpose": "…", "require_qualified": false,
 *                   "require_checklist": false,
 *                   "key_actions": [ { "action": "…", "owner": "…",
 *                                      "activity": "…", "material": "…",
 *                                      "output": "…" } ] } ],
 *     "after_sales": [ { "title": "…", "kind": "call",
 *                        "days_after_win": 3, "note": "…" } ] }
 *
 * It comes from another machine: every value is checked as the store
 * would check it, and a wrong one is named by where it is.
 */

#define G_LOG_DOMAIN "rapport-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "rapport-enums.h"
#include "rapport-error.h"
#include "rapport-process.h"
#include "rapport-validate.h"

static void
action_free (gpointer data)
{
  RapportProcessAction *action = data;

  g_free (action->action);
  g_free (action->owner);
  g_free (action->activity);
  g_free (action->material);
  g_free (action->output);
  g_free (action);
}

static void
stage_free (gpointer data)
{
  RapportProcessStage *stage = data;

  g_free (stage->name);
  g_free (stage->purpose);
  g_ptr_array_unref (stage->actions);
  g_free (stage);
}

static void
step_free (gpointer data)
{
  RapportProcessStep *step = data;

  g_free (step->title);
  g_free (step->note);
  g_free (step);
}

RapportProcess *
rapport_process_new (void)
{
  RapportProcess *process = g_new0 (RapportProcess, 1);

  process->version = 1;
  process->stages = g_ptr_array_new_with_free_func (stage_free);
  process->after_sales = g_ptr_array_new_with_free_func (step_free);
  return process;
}

void
rapport_process_free (RapportProcess *process)
{
  if (process == NULL)
    return;

  g_free (process->name);
  g_free (process->template_id);
  g_free (process->uid);
  g_ptr_array_unref (process->stages);
  g_ptr_array_unref (process->after_sales);
  g_free (process);
}

RapportProcessStage *
rapport_process_add_stage (RapportProcess *process)
{
  RapportProcessStage *stage = g_new0 (RapportProcessStage, 1);

  stage->actions = g_ptr_array_new_with_free_func (action_free);
  g_ptr_array_add (process->stages, stage);
  return stage;
}

RapportProcessAction *
rapport_process_stage_add_action (RapportProcessStage *stage)
{
  RapportProcessAction *action = g_new0 (RapportProcessAction, 1);

  g_ptr_array_add (stage->actions, action);
  return action;
}

RapportProcessStep *
rapport_process_add_step (RapportProcess *process)
{
  RapportProcessStep *step = g_new0 (RapportProcessStep, 1);

  step->kind = RAPPORT_ACTIVITY_CALL;
  g_ptr_array_add (process->after_sales, step);
  return step;
}

/* Reading */

/* Where a value is, for the message: "Stage 2, key action 3". */
typedef struct
{
  guint stage;     /* from 1; 0: not in a stage */
  guint action;    /* from 1; 0: not in a key action */
  guint step;      /* from 1; 0: not in the after-sales plan */
} Place;

static gboolean
fail_at (const Place  *place,
         GError      **error,
         const char   *problem)
{
  if (place->step > 0)
    /* Translators: where a process file is wrong, then what is wrong. */
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID, _("After-sales step %u: %s"), place->step, problem);
  else if (place->action > 0)
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID, _("Stage %u, key action %u: %s"),
                 place->stage, place->action, problem);
  else if (place->stage > 0)
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID, _("Stage %u: %s"), place->stage, problem);
  else
    g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID, problem);
  return FALSE;
}

/* A text member: NULL when absent or null; a wrong type or a text the
 * store would refuse fails. */
static gboolean
read_text (JsonObject      *object,
           const char      *member,
           RapportTextKind  kind,
           gboolean         required,
           const Place     *place,
           char           **out,
           GError         **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GError) local_error = NULL;
  const char *text = NULL;

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_autofree char *problem = g_strdup_printf (_("“%s” must be a text."), member);

          return fail_at (place, error, problem);
        }
      text = json_node_get_string (node);
    }

  if (!rapport_text_check (text, kind, required, &local_error))
    {
      g_autofree char *problem = g_strdup_printf (_("“%s”: %s"), member, local_error->message);

      return fail_at (place, error, problem);
    }

  *out = rapport_text_is_invisible (text) ? NULL : g_strdup (text);
  return TRUE;
}

static gboolean
read_int (JsonObject   *object,
          const char   *member,
          int           min,
          int           max,
          int           fallback,
          const Place  *place,
          int          *out,
          GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *out = fallback;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      (value = json_node_get_int (node)) < min || value > max)
    {
      g_autofree char *problem = g_strdup_printf (_("“%s” must be a whole number from %d to %d."), member, min, max);

      return fail_at (place, error, problem);
    }

  *out = (int) value;
  return TRUE;
}

static gboolean
read_bool (JsonObject   *object,
           const char   *member,
           const Place  *place,
           gboolean     *out,
           GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_autofree char *problem = g_strdup_printf (_("“%s” must be true or false."), member);

      return fail_at (place, error, problem);
    }

  *out = json_node_get_boolean (node);
  return TRUE;
}

/* An array member of objects, at most @max; absent is empty. */
static JsonArray *
read_array (JsonObject   *object,
            const char   *member,
            guint         max,
            const Place  *place,
            GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return json_array_new ();
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *problem = g_strdup_printf (_("“%s” must be a list."), member);

      fail_at (place, error, problem);
      return NULL;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) > max)
    {
      g_autofree char *problem = g_strdup_printf (_("“%s” has more than %u entries."), member, max);

      fail_at (place, error, problem);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
      {
        g_autofree char *problem = g_strdup_printf (_("Every entry of “%s” must be an object."), member);

        fail_at (place, error, problem);
        return NULL;
      }

  return json_array_ref (array);
}

static gboolean
read_action (JsonObject           *object,
             const Place          *place,
             RapportProcessAction *action,
             GError              **error)
{
  return read_text (object, "action", RAPPORT_TEXT_TITLE, TRUE, place, &action->action, error) &&
         read_text (object, "owner", RAPPORT_TEXT_OWNER, FALSE, place, &action->owner, error) &&
         read_text (object, "activity", RAPPORT_TEXT_LINE, FALSE, place, &action->activity, error) &&
         read_text (object, "material", RAPPORT_TEXT_FREE, FALSE, place, &action->material, error) &&
         read_text (object, "output", RAPPORT_TEXT_FREE, FALSE, place, &action->output, error);
}

static gboolean
read_stage (JsonObject          *object,
            Place               *place,
            RapportProcessStage *stage,
            GError             **error)
{
  g_autoptr(JsonArray) actions = NULL;

  if (!read_text (object, "name", RAPPORT_TEXT_NAME, TRUE, place, &stage->name, error) ||
      !read_int (object, "probability", 0, 100, 0, place, &stage->probability, error) ||
      !read_int (object, "rotting_days", 0, RAPPORT_PROCESS_MAX_DAYS, 0, place, &stage->rotting_days, error) ||
      !read_text (object, "purpose", RAPPORT_TEXT_FREE, FALSE, place, &stage->purpose, error) ||
      !read_bool (object, "require_qualified", place, &stage->require_qualified, error) ||
      !read_bool (object, "require_checklist", place, &stage->require_checklist, error) ||
      (actions = read_array (object, "key_actions", RAPPORT_PROCESS_MAX_ACTIONS, place, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (actions); i++)
    {
      place->action = i + 1;
      if (!read_action (json_array_get_object_element (actions, i), place,
                        rapport_process_stage_add_action (stage), error))
        return FALSE;
    }
  place->action = 0;
  return TRUE;
}

static gboolean
read_step (JsonObject         *object,
           const Place        *place,
           RapportProcessStep *step,
           GError            **error)
{
  g_autofree char *kind = NULL;
  g_autofree char *offer = NULL;
  GEnumClass *kinds;
  GEnumValue *value;

  if (!read_text (object, "title", RAPPORT_TEXT_TITLE, TRUE, place, &step->title, error) ||
      !read_int (object, "days_after_win", 0, RAPPORT_PROCESS_MAX_DAYS, 0, place, &step->days, error) ||
      !read_text (object, "note", RAPPORT_TEXT_NOTE, FALSE, place, &step->note, error) ||
      !read_text (object, "kind", RAPPORT_TEXT_LINE, FALSE, place, &kind, error) ||
      !read_text (object, "offer", RAPPORT_TEXT_LINE, FALSE, place, &offer, error))
    return FALSE;

  /* An older file says nothing of it: the step offers nothing. */
  if (offer != NULL)
    {
      GEnumClass *offers = g_type_class_ref (RAPPORT_TYPE_AFTER_SALES_OFFER);

      value = g_enum_get_value_by_nick (offers, offer);
      if (value != NULL)
        step->offer = value->value;
      g_type_class_unref (offers);
      if (value == NULL)
        return fail_at (place, error, _("“offer” must be none, satisfaction or repeat."));
    }

  if (kind == NULL)
    return TRUE;
  kinds = g_type_class_ref (RAPPORT_TYPE_ACTIVITY_KIND);
  value = g_enum_get_value_by_nick (kinds, kind);
  if (value != NULL)
    step->kind = value->value;
  g_type_class_unref (kinds);
  /* A follow-up is a call, an e-mail, a meeting or a task. */
  if (value == NULL || step->kind > RAPPORT_ACTIVITY_TASK)
    return fail_at (place, error, _("“kind” must be call, email, meeting or task."));
  return TRUE;
}

static gboolean
read_process (JsonObject      *root,
              RapportProcess  *process,
              GError         **error)
{
  Place place = { 0 };
  g_autoptr(JsonArray) stages = NULL;
  g_autoptr(JsonArray) steps = NULL;
  int format = 0;

  if (!read_int (root, "rapport_process", 0, G_MAXINT, 0, &place, &format, error))
    return FALSE;
  if (format == 0)
    return fail_at (&place, error, _("This is not a Rapport process file."));
  if (format > RAPPORT_PROCESS_FORMAT)
    return fail_at (&place, error, _("This process file was made by a newer Rapport: update Rapport to read it."));

  if (!read_text (root, "name", RAPPORT_TEXT_NAME, TRUE, &place, &process->name, error) ||
      !read_text (root, "uid", RAPPORT_TEXT_LINE, FALSE, &place, &process->uid, error) ||
      !read_text (root, "template", RAPPORT_TEXT_LINE, FALSE, &place, &process->template_id, error) ||
      !read_int (root, "version", 1, G_MAXINT, 1, &place, &process->version, error) ||
      (stages = read_array (root, "stages", RAPPORT_PROCESS_MAX_STAGES, &place, error)) == NULL ||
      (steps = read_array (root, "after_sales", RAPPORT_PROCESS_MAX_STEPS, &place, error)) == NULL)
    return FALSE;

  if (json_array_get_length (stages) == 0)
    return fail_at (&place, error, _("A process needs at least one stage."));

  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      place.stage = i + 1;
      if (!read_stage (json_array_get_object_element (stages, i), &place,
                       rapport_process_add_stage (process), error))
        return FALSE;
    }
  place.stage = 0;

  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      place.step = i + 1;
      if (!read_step (json_array_get_object_element (steps, i), &place,
                      rapport_process_add_step (process), error))
        return FALSE;
    }

  return TRUE;
}

RapportProcess *
rapport_process_parse (const char  *data,
                       gsize        len,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(RapportProcess) process = rapport_process_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len > G_MAXSSIZE || !g_utf8_validate_len (data, len, NULL))
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("This is not a Rapport process file: it is not UTF-8 text."));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    {
      /* json-glib's message names the line and the column. */
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("This is not a Rapport process file: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID, _("This is not a Rapport process file."));
      return NULL;
    }
  if (!read_process (json_node_get_object (root), process, error))
    return NULL;

  return g_steal_pointer (&process);
}

/* Writing */

static void
add_text (JsonBuilder *builder,
          const char  *member,
          const char  *text)
{
  json_builder_set_member_name (builder, member);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
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

static void
add_bool (JsonBuilder *builder,
          const char  *member,
          gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

static void
write_stage (JsonBuilder               *builder,
             const RapportProcessStage *stage)
{
  json_builder_begin_object (builder);
  add_text (builder, "name", stage->name);
  add_int (builder, "probability", stage->probability);
  add_int (builder, "rotting_days", stage->rotting_days);
  add_text (builder, "purpose", stage->purpose);
  add_bool (builder, "require_qualified", stage->require_qualified);
  add_bool (builder, "require_checklist", stage->require_checklist);
  json_builder_set_member_name (builder, "key_actions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < stage->actions->len; i++)
    {
      const RapportProcessAction *action = g_ptr_array_index (stage->actions, i);

      json_builder_begin_object (builder);
      add_text (builder, "action", action->action);
      add_text (builder, "owner", action->owner);
      add_text (builder, "activity", action->activity);
      add_text (builder, "material", action->material);
      add_text (builder, "output", action->output);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
write_step (JsonBuilder              *builder,
            const RapportProcessStep *step)
{
  GEnumClass *kinds = g_type_class_ref (RAPPORT_TYPE_ACTIVITY_KIND);
  GEnumClass *offers = g_type_class_ref (RAPPORT_TYPE_AFTER_SALES_OFFER);
  GEnumValue *kind = g_enum_get_value (kinds, step->kind);
  GEnumValue *offer = g_enum_get_value (offers, step->offer);

  json_builder_begin_object (builder);
  add_text (builder, "title", step->title);
  add_text (builder, "kind", kind != NULL ? kind->value_nick : NULL);
  add_int (builder, "days_after_win", step->days);
  add_text (builder, "note", step->note);
  add_text (builder, "offer", offer != NULL ? offer->value_nick : NULL);
  json_builder_end_object (builder);
  g_type_class_unref (offers);
  g_type_class_unref (kinds);
}

char *
rapport_process_to_json (const RapportProcess *process)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (process != NULL, NULL);

  json_builder_begin_object (builder);
  add_int (builder, "rapport_process", RAPPORT_PROCESS_FORMAT);
  add_text (builder, "uid", process->uid);
  add_int (builder, "version", process->version);
  add_text (builder, "name", process->name);
  add_text (builder, "template", process->template_id);
  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < process->stages->len; i++)
    write_stage (builder, g_ptr_array_index (process->stages, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "after_sales");
  json_builder_begin_array (builder);
  for (guint i = 0; i < process->after_sales->len; i++)
    write_step (builder, g_ptr_array_index (process->after_sales, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}
