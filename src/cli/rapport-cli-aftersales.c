/* rapport-cli-aftersales.c — the after-sales plan (aftersales list, add,
 * edit, move, delete), deal satisfaction and deal repeat
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include "rapport-cli-private.h"
#include "rapport-enums.h"
#include "rapport-money.h"
#include "rapport-store-after-sales.h"
#include "rapport-validate.h"

/* --days, --position, --score and --nps when not given. */
#define NOT_GIVEN (-1)
#define NO_SCORE_GIVEN 0

/* A pipeline by its id or its name (in any case). */
static RapportPipeline *
find_pipeline (RapportCli  *cli,
               const char  *text,
               GError     **error)
{
  g_autofree char *quoted = NULL;
  GListModel *pipelines;
  gint64 id = 0;

  if (rapport_cli_open_store (cli, error) == NULL)
    return NULL;

  rapport_id_parse (text, &id);
  pipelines = rapport_store_get_pipelines (cli->store);
  for (guint i = 0; i < g_list_model_get_n_items (pipelines); i++)
    {
      g_autoptr(RapportPipeline) pipeline = g_list_model_get_item (pipelines, i);

      if (rapport_record_get_id (RAPPORT_RECORD (pipeline)) == id ||
          (id == 0 && g_utf8_collate (rapport_pipeline_get_name (pipeline), text) == 0))
        return g_steal_pointer (&pipeline);
    }

  quoted = rapport_text_quote (text);
  g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND, _("There is no pipeline “%s”"), quoted);
  return NULL;
}

static RapportAfterSalesStep *
find_step (RapportCli  *cli,
           const char  *text,
           GError     **error)
{
  g_autofree char *quoted = NULL;
  gint64 id;

  if (!rapport_id_parse (text, &id))
    {
      quoted = rapport_text_quote (text);
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not an after-sales step id: write a positive whole number, like 12"), quoted);
      return NULL;
    }
  if (rapport_cli_open_store (cli, error) == NULL)
    return NULL;

  return rapport_store_get_after_sales_step (cli->store, id, error);
}

static gboolean
parse_kind (const char          *text,
            RapportActivityKind *kind,
            GError             **error)
{
  if (rapport_cli_parse_activity_kind (text, TRUE, kind))
    return TRUE;

  return rapport_cli_set_usage (error, _("the kind is call, email, meeting or task"));
}

static gboolean
parse_offer (const char             *text,
             RapportAfterSalesOffer *offer,
             GError                **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (RAPPORT_TYPE_AFTER_SALES_OFFER);
  GEnumValue *value = g_enum_get_value_by_nick (klass, text);

  if (value == NULL)
    return rapport_cli_set_usage (error, _("the offer is none, satisfaction or repeat"));

  *offer = (RapportAfterSalesOffer) value->value;
  return TRUE;
}

static const char *
kind_word (RapportActivityKind kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (RAPPORT_TYPE_ACTIVITY_KIND);

  return g_intern_string (g_enum_get_value (klass, kind)->value_nick);
}

static void
print_step (RapportCli            *cli,
            RapportAfterSalesStep *step)
{
  if (cli->json)
    {
      rapport_json_print (rapport_json_after_sales_step (step));
      return;
    }

  /* Translators: a step of the after-sales plan: its id, position, days
   * after the win, kind (call, email, meeting or task, untranslated) and
   * title */
  g_print (_("%lld. #%d day %d, %s: %s\n"),
           (long long) rapport_record_get_id (RAPPORT_RECORD (step)),
           rapport_after_sales_step_get_position (step) + 1,
           rapport_after_sales_step_get_days (step),
           kind_word (rapport_after_sales_step_get_kind (step)),
           rapport_after_sales_step_get_title (step));
}

static gboolean
cmd_aftersales_list (RapportCli  *cli,
                     GError     **error)
{
  g_autoptr(RapportPipeline) pipeline = NULL;
  g_autoptr(GPtrArray) steps = NULL;

  if ((pipeline = find_pipeline (cli, cli->args[0], error)) == NULL ||
      (steps = rapport_store_list_after_sales_steps (cli->store, rapport_record_get_id (RAPPORT_RECORD (pipeline)),
                                                     error)) == NULL)
    return FALSE;

  if (cli->json)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < steps->len; i++)
        json_array_add_element (array, rapport_json_after_sales_step (steps->pdata[i]));
      rapport_json_print_array (array);
    }
  else
    for (guint i = 0; i < steps->len; i++)
      print_step (cli, steps->pdata[i]);

  return rapport_cli_check_output (error);
}

static gboolean
cmd_aftersales_add (RapportCli  *cli,
                    GError     **error)
{
  const char *kind = rapport_cli_string (cli, "kind");
  const char *offer = rapport_cli_string (cli, "offer");
  RapportAfterSalesStepFields fields = {
    .title = cli->args[1],
    .kind = RAPPORT_ACTIVITY_CALL,
    .days = rapport_cli_int (cli, "days"),
    .note = rapport_cli_string (cli, "note"),
  };
  g_autoptr(RapportPipeline) pipeline = NULL;
  g_autoptr(RapportAfterSalesStep) step = NULL;

  if (fields.days == NOT_GIVEN)
    return rapport_cli_set_usage (error, _("--days is required: how many days after the win"));
  if ((kind != NULL && !parse_kind (kind, &fields.kind, error)) ||
      (offer != NULL && !parse_offer (offer, &fields.offer, error)))
    return FALSE;

  if ((pipeline = find_pipeline (cli, cli->args[0], error)) == NULL ||
      (step = rapport_store_add_after_sales_step (cli->store, pipeline, &fields,
                                                  rapport_cli_int (cli, "position"), error)) == NULL)
    return FALSE;

  print_step (cli, step);
  return rapport_cli_check_output (error);
}

static gboolean
edit_number (RapportCli             *cli,
             RapportAfterSalesStep  *step,
             const char             *property,
             GType                   type,
             int                     number,
             GError                **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);
  if (G_TYPE_IS_ENUM (type))
    g_value_set_enum (&value, number);
  else
    g_value_set_int (&value, number);
  return rapport_store_update (cli->store, RAPPORT_RECORD (step), property, &value, error);
}

static gboolean
cmd_aftersales_edit (RapportCli  *cli,
                     GError     **error)
{
  const char *kind_text = rapport_cli_string (cli, "kind");
  const char *offer_text = rapport_cli_string (cli, "offer");
  int days = rapport_cli_int (cli, "days");
  RapportActivityKind kind = RAPPORT_ACTIVITY_CALL;
  RapportAfterSalesOffer offer = RAPPORT_AFTER_SALES_OFFER_NONE;
  g_autoptr(RapportAfterSalesStep) step = NULL;

  if ((kind_text != NULL && !parse_kind (kind_text, &kind, error)) ||
      (offer_text != NULL && !parse_offer (offer_text, &offer, error)) ||
      (step = find_step (cli, cli->args[0], error)) == NULL)
    return FALSE;

  if (!rapport_cli_update_string (cli, RAPPORT_RECORD (step), "title", "title", error) ||
      !rapport_cli_update_string (cli, RAPPORT_RECORD (step), "note", "note", error) ||
      (kind_text != NULL && !edit_number (cli, step, "kind", RAPPORT_TYPE_ACTIVITY_KIND, kind, error)) ||
      (offer_text != NULL && !edit_number (cli, step, "offer", RAPPORT_TYPE_AFTER_SALES_OFFER, offer, error)) ||
      (days != NOT_GIVEN && !edit_number (cli, step, "days", G_TYPE_INT, days, error)))
    return FALSE;

  print_step (cli, step);
  return rapport_cli_check_output (error);
}

static gboolean
cmd_aftersales_move (RapportCli  *cli,
                     GError     **error)
{
  g_autoptr(RapportAfterSalesStep) step = NULL;
  guint64 position;

  if (!g_ascii_string_to_unsigned (cli->args[1], 10, 0, G_MAXINT, &position, NULL))
    return rapport_cli_set_usage (error, _("the position is 0 or more"));

  if ((step = find_step (cli, cli->args[0], error)) == NULL ||
      !rapport_store_move_after_sales_step (cli->store, step, (int) position, error))
    return FALSE;

  print_step (cli, step);
  return rapport_cli_check_output (error);
}

static gboolean
cmd_aftersales_delete (RapportCli  *cli,
                       GError     **error)
{
  g_autoptr(RapportAfterSalesStep) step = NULL;

  if ((step = find_step (cli, cli->args[0], error)) == NULL ||
      !rapport_store_delete_after_sales_step (cli->store, step, error))
    return FALSE;

  g_print (_("Deleted after-sales step %lld “%s”\n"),
           (long long) rapport_record_get_id (RAPPORT_RECORD (step)), rapport_after_sales_step_get_title (step));
  return TRUE;
}

static gboolean
cmd_deal_satisfaction (RapportCli  *cli,
                       GError     **error)
{
  RapportSatisfactionFields fields = {
    .score = rapport_cli_int (cli, "score"),
    .nps = rapport_cli_int (cli, "nps"),
    .comment = rapport_cli_string (cli, "comment"),
  };
  g_autoptr(RapportDeal) deal = NULL;
  g_autoptr(RapportSatisfaction) satisfaction = NULL;

  if (fields.score == NO_SCORE_GIVEN && fields.nps == NOT_GIVEN)
    return rapport_cli_set_usage (error, _("give --score 1 to 5, --nps 0 to 10, or both"));

  if ((deal = rapport_cli_find_deal (cli, cli->args[0], error)) == NULL)
    return FALSE;
  fields.deal_id = rapport_record_get_id (RAPPORT_RECORD (deal));
  if ((satisfaction = rapport_store_record_satisfaction (cli->store, &fields, error)) == NULL)
    return FALSE;

  if (cli->json)
    rapport_json_print (rapport_json_satisfaction (satisfaction));
  else
    g_print (_("Recorded satisfaction %lld for deal %lld\n"),
             (long long) rapport_record_get_id (RAPPORT_RECORD (satisfaction)),
             (long long) fields.deal_id);

  return rapport_cli_check_output (error);
}

static gboolean
cmd_deal_repeat (RapportCli  *cli,
                 GError     **error)
{
  const char *title = rapport_cli_string (cli, "title");
  const char *value = rapport_cli_string (cli, "value");
  g_autoptr(RapportDeal) earlier = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  g_autofree char *repeat_title = NULL;
  RapportDealFields fields;

  if ((earlier = rapport_cli_find_deal (cli, cli->args[0], error)) == NULL)
    return FALSE;

  rapport_store_repeat_deal_fields (cli->store, earlier, &fields, &repeat_title);
  if (title != NULL)
    fields.title = title;
  if (value != NULL && !rapport_money_parse (value, fields.currency, &fields.value, error))
    return FALSE;

  if ((deal = rapport_store_add_deal (cli->store, &fields, error)) == NULL)
    return FALSE;

  rapport_cli_print_created_deal (cli, deal);
  return rapport_cli_check_output (error);
}

static const RapportCliOption add_options[] = {
  { "days", G_OPTION_ARG_INT, NOT_GIVEN },
  { "kind", G_OPTION_ARG_STRING, 0 },
  { "note", G_OPTION_ARG_STRING, 0 },
  { "offer", G_OPTION_ARG_STRING, 0 },
  { "position", G_OPTION_ARG_INT, -1 },
  { NULL }
};

static const RapportCliOption edit_options[] = {
  { "title", G_OPTION_ARG_STRING, 0 },
  { "days", G_OPTION_ARG_INT, NOT_GIVEN },
  { "kind", G_OPTION_ARG_STRING, 0 },
  { "note", G_OPTION_ARG_STRING, 0 },
  { "offer", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

static const RapportCliOption satisfaction_options[] = {
  { "score", G_OPTION_ARG_INT, NO_SCORE_GIVEN },
  { "nps", G_OPTION_ARG_INT, NOT_GIVEN },
  { "comment", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

static const RapportCliOption repeat_options[] = {
  { "title", G_OPTION_ARG_STRING, 0 },
  { "value", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

const RapportCliCommand rapport_cli_aftersales_commands[] = {
  { "aftersales", "list", cmd_aftersales_list, "aftersales list PIPELINE [--json]",
    1, 1, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, NULL, NULL },
  { "aftersales", "add", cmd_aftersales_add,
    "aftersales add PIPELINE TITLE --days N [--kind call|email|meeting|task] [--note T]"
    " [--offer none|satisfaction|repeat] [--position N] [--json]",
    2, 2, RAPPORT_CLI_JSON, add_options, NULL },
  { "aftersales", "edit", cmd_aftersales_edit,
    "aftersales edit ID [--title T] [--days N] [--kind call|email|meeting|task] [--note T]"
    " [--offer none|satisfaction|repeat] [--json]",
    1, 1, RAPPORT_CLI_JSON, edit_options, NULL },
  { "aftersales", "move", cmd_aftersales_move, "aftersales move ID POSITION [--json]",
    2, 2, RAPPORT_CLI_JSON, NULL, NULL },
  { "aftersales", "delete", cmd_aftersales_delete, "aftersales delete ID", 1, 1, 0, NULL, NULL },
  { "deal", "satisfaction", cmd_deal_satisfaction,
    "deal satisfaction ID [--score 1-5] [--nps 0-10] [--comment TEXT] [--json]",
    1, 1, RAPPORT_CLI_JSON, satisfaction_options, NULL },
  { "deal", "repeat", cmd_deal_repeat, "deal repeat ID [--title T] [--value AMOUNT] [--json]",
    1, 1, RAPPORT_CLI_JSON, repeat_options, NULL },
  { NULL }
};
