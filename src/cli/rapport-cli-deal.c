/* rapport-cli-deal.c — deal add, move, won, lost, bant, show, list and
 * negotiate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include "rapport-cli-private.h"
#include "rapport-store-change-log.h"
#include "rapport-store-process.h"
#include "rapport-enums.h"
#include "rapport-money.h"
#include "rapport-time.h"
#include "rapport-validate.h"

static gboolean
cmd_deal_add (RapportCli  *cli,
              GError     **error)
{
  const char *value = rapport_cli_string (cli, "value");
  const char *contact = rapport_cli_string (cli, "contact");
  const char *org = rapport_cli_string (cli, "org");
  const char *stage_name = rapport_cli_string (cli, "stage");
  const char *currency = rapport_cli_string (cli, "currency");
  g_autoptr(RapportDeal) deal = NULL;
  g_autoptr(RapportStage) stage = NULL;
  RapportDealFields fields = { 0, };

  if (value == NULL)
    return rapport_cli_set_usage (error, _("--value is required"));
  if (rapport_cli_open_store (cli, error) == NULL)
    return FALSE;

  /* The file knows the default currency, so it is opened first. */
  fields.currency = currency ? currency : rapport_store_get_default_currency (cli->store);
  if (!rapport_currency_is_valid (fields.currency))
    {
      g_autofree char *quoted = rapport_text_quote (fields.currency);

      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not an ISO 4217 currency code like EUR or USD"), quoted);
      return FALSE;
    }

  if (!rapport_money_parse (value, fields.currency, &fields.value, error) ||
      (contact != NULL && !rapport_cli_require_id (contact, RAPPORT_CLI_ID_CONTACT, &fields.contact_id, error)) ||
      (org != NULL && !rapport_cli_require_id (org, RAPPORT_CLI_ID_ORGANIZATION, &fields.organization_id, error)))
    return FALSE;

  if (stage_name != NULL)
    {
      if ((stage = rapport_store_find_stage (cli->store, stage_name, error)) == NULL)
        return FALSE;
      fields.stage_id = rapport_record_get_id (RAPPORT_RECORD (stage));
    }

  fields.title = cli->args[0];
  fields.expected_close = rapport_cli_string (cli, "close");
  fields.owner = rapport_cli_string (cli, "owner");

  if ((deal = rapport_store_add_deal (cli->store, &fields, error)) == NULL)
    return FALSE;

  rapport_cli_print_created_deal (cli, deal);
  return TRUE;
}

void
rapport_cli_print_created_deal (RapportCli  *cli,
                                RapportDeal *deal)
{
  if (cli->json)
    rapport_json_print (rapport_json_deal (cli->store, deal, RAPPORT_JSON_POSITION_UNKNOWN, FALSE));
  else
    g_print (_("Created deal %lld “%s”\n"),
             (long long) rapport_record_get_id (RAPPORT_RECORD (deal)), rapport_deal_get_title (deal));
}

/* STAGE names a stage of the current pipeline, or of --pipeline; an id
 * may be a stage of another pipeline, where the deal then goes. */
static RapportStage *
find_move_stage (RapportCli  *cli,
                 const char  *text,
                 GError     **error)
{
  gint64 pipeline_id;
  g_autoptr(RapportPipeline) pipeline = NULL;

  if (!rapport_cli_pipeline_option (cli, &pipeline_id, error))
    return NULL;
  if (pipeline_id == 0 || rapport_id_parse (text, &(gint64) { 0 }))
    return rapport_store_find_stage (cli->store, text, error);

  if ((pipeline = rapport_store_get_pipeline (cli->store, pipeline_id, error)) == NULL)
    return NULL;
  return rapport_store_find_stage_in (cli->store, pipeline, text, error);
}

static gboolean
cmd_deal_move (RapportCli  *cli,
               GError     **error)
{
  int position = rapport_cli_int (cli, "position");
  g_autoptr(RapportDeal) deal = NULL;
  g_autoptr(RapportStage) stage = NULL;
  g_autoptr(RapportStage) current = NULL;
  gboolean ok;

  if (position < -1)
    return rapport_cli_set_usage (error, _("--position must be 0 or more"));

  if ((deal = rapport_cli_find_deal (cli, cli->args[0], error)) == NULL ||
      (stage = find_move_stage (cli, cli->args[1], error)) == NULL)
    return FALSE;

  current = rapport_store_get_stage (cli->store, rapport_deal_get_stage_id (deal), NULL);
  if (current != NULL && rapport_stage_get_pipeline_id (current) != rapport_stage_get_pipeline_id (stage))
    ok = rapport_store_move_deal_to_pipeline (cli->store, deal, stage, error);
  else if (rapport_cli_flag (cli, "anyway"))
    ok = rapport_store_move_deal_anyway (cli->store, deal, stage, position, error);
  else
    ok = rapport_store_move_deal (cli->store, deal, stage, position, error);
  if (!ok)
    return FALSE;

  g_print (_("Moved deal %lld to %s, position %d\n"),
           (long long) rapport_record_get_id (RAPPORT_RECORD (deal)), rapport_stage_get_name (stage),
           rapport_store_get_deal_position (cli->store, deal));
  return TRUE;
}

static gboolean
cmd_deal_won (RapportCli  *cli,
              GError     **error)
{
  g_autoptr(RapportDeal) deal = NULL;

  if ((deal = rapport_cli_find_deal (cli, cli->args[0], error)) == NULL ||
      !rapport_store_set_deal_status (cli->store, deal, RAPPORT_DEAL_STATUS_WON, NULL, error))
    return FALSE;

  g_print (_("Deal %lld “%s” is won\n"),
           (long long) rapport_record_get_id (RAPPORT_RECORD (deal)), rapport_deal_get_title (deal));
  return TRUE;
}

static gboolean
cmd_deal_lost (RapportCli  *cli,
               GError     **error)
{
  const char *reason = rapport_cli_string (cli, "reason");
  g_autoptr(RapportDeal) deal = NULL;

  if (reason == NULL)
    return rapport_cli_set_usage (error, _("--reason is required: a lost deal needs a reason"));

  if ((deal = rapport_cli_find_deal (cli, cli->args[0], error)) == NULL ||
      !rapport_store_set_deal_status (cli->store, deal, RAPPORT_DEAL_STATUS_LOST, reason, error))
    return FALSE;

  g_print (_("Deal %lld “%s” is lost\n"),
           (long long) rapport_record_get_id (RAPPORT_RECORD (deal)), rapport_deal_get_title (deal));
  return TRUE;
}

static gboolean
parse_answer (const char    *text,
              RapportAnswer *answer)
{
  if (g_ascii_strcasecmp (text, "yes") == 0)
    *answer = RAPPORT_ANSWER_YES;
  else if (g_ascii_strcasecmp (text, "no") == 0)
    *answer = RAPPORT_ANSWER_NO;
  else if (g_ascii_strcasecmp (text, "unknown") == 0)
    *answer = RAPPORT_ANSWER_UNKNOWN;
  else
    return FALSE;

  return TRUE;
}

static gboolean
cmd_deal_bant (RapportCli  *cli,
               GError     **error)
{
  const char *answers[4] = {
    [RAPPORT_BANT_BUDGET] = rapport_cli_string (cli, "budget"),
    [RAPPORT_BANT_AUTHORITY] = rapport_cli_string (cli, "authority"),
    [RAPPORT_BANT_NEED] = rapport_cli_string (cli, "need"),
    [RAPPORT_BANT_TIMELINE] = rapport_cli_string (cli, "timeline"),
  };
  g_autoptr(RapportDeal) deal = NULL;
  RapportBantAnswer parsed[4];
  guint n_parsed = 0;

  /* Every answer is read before anything is written. */
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    if (answers[i] != NULL)
      {
        parsed[n_parsed].item = (RapportBantItem) i;
        if (!parse_answer (answers[i], &parsed[n_parsed++].answer))
          return rapport_cli_set_usage (error, _("answers are yes, no or unknown"));
      }

  /* All the answers or none: one transaction. */
  if ((deal = rapport_cli_find_deal (cli, cli->args[0], error)) == NULL ||
      !rapport_store_set_bant_answers (cli->store, deal, parsed, n_parsed, error))
    return FALSE;

  g_print (rapport_deal_get_qualified (deal) ? _("Qualified — %d of 4\n") : _("Not qualified — %d of 4\n"),
           rapport_deal_get_bant_score (deal));
  return TRUE;
}

static void
print_bant_notes (RapportDeal *deal)
{
  const struct
  {
    const char *label;
    const char *note;
  } items[] = {
    /* Translators: the BANT notes of a deal, "Budget: <what was said>" */
    { N_("Budget"), rapport_deal_get_bant_budget_note (deal) },
    { N_("Authority"), rapport_deal_get_bant_authority_note (deal) },
    { N_("Need"), rapport_deal_get_bant_need_note (deal) },
    { N_("Timeline"), rapport_deal_get_bant_timeline_note (deal) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    if (items[i].note != NULL && *items[i].note != '\0')
      g_print ("  %s: %s\n", _(items[i].label), items[i].note);
}

static gboolean
print_playbook (RapportStore  *store,
                RapportDeal   *deal,
                RapportStage  *stage,
                GError       **error)
{
  g_autoptr(GPtrArray) actions = rapport_store_get_stage_actions (store, stage, error);
  g_autoptr(GHashTable) done = NULL;

  if (actions == NULL || (done = rapport_store_get_done_actions (store, deal, error)) == NULL)
    return FALSE;

  if (actions->len > 0)
    g_print (_("Playbook:\n"));
  for (guint i = 0; i < actions->len; i++)
    {
      RapportStageAction *action = actions->pdata[i];
      gint64 id = rapport_record_get_id (RAPPORT_RECORD (action));

      g_print ("  %s %s\n", g_hash_table_contains (done, &id) ? "[x]" : "[ ]",
               rapport_stage_action_get_action (action));
    }

  return TRUE;
}

static void
print_negotiation (GListModel *entries)
{
  guint n = g_list_model_get_n_items (entries);

  if (n > 0)
    g_print (_("Negotiation:\n"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportNegotiationEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *amount = NULL;
      g_autofree char *text = rapport_cli_field (rapport_negotiation_entry_get_text (entry));

      if (rapport_negotiation_entry_get_amount (entry) > 0)
        amount = rapport_money_format (rapport_negotiation_entry_get_amount (entry),
                                       rapport_negotiation_entry_get_currency (entry));

      g_print ("  %" G_GINT64_FORMAT "\t%s\t%s\t%s\n", rapport_record_get_id (RAPPORT_RECORD (entry)),
               rapport_json_negotiation_kind (rapport_negotiation_entry_get_kind (entry)),
               rapport_cli_or_empty (amount), text);
    }
}

static gboolean
print_deal (RapportStore  *store,
            RapportDeal   *deal,
            GError       **error)
{
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (deal));
  g_autoptr(RapportStage) stage = rapport_store_get_stage (store, rapport_deal_get_stage_id (deal), NULL);
  g_autoptr(GListModel) negotiation = rapport_store_get_negotiation (store, id);
  g_autoptr(GListModel) notes = rapport_store_get_deal_notes (store, id);
  g_autoptr(GListModel) activities = rapport_store_get_deal_activities (store, id);
  g_autofree char *value = rapport_money_format (rapport_deal_get_value (deal), rapport_deal_get_currency (deal));

  g_print ("%s\n", rapport_deal_get_title (deal));
  g_print (_("Value: %s\n"), value);
  g_print (_("Stage: %s\n"), stage ? rapport_stage_get_name (stage) : "");
  g_print (_("Owner: %s\n"), rapport_cli_or_empty (rapport_deal_get_owner (deal)));
  g_print (rapport_deal_get_qualified (deal) ? _("Qualified — %d of 4\n") : _("Not qualified — %d of 4\n"),
           rapport_deal_get_bant_score (deal));
  print_bant_notes (deal);
  if (stage != NULL && !print_playbook (store, deal, stage, error))
    return FALSE;
  print_negotiation (negotiation);
  rapport_cli_print_notes (notes);
  rapport_cli_print_activities (activities);

  return TRUE;
}

static gboolean
cmd_deal_show (RapportCli  *cli,
               GError     **error)
{
  g_autoptr(RapportDeal) deal = NULL;
  JsonNode *node;

  if ((deal = rapport_cli_find_deal (cli, cli->args[0], error)) == NULL)
    return FALSE;

  if (!cli->json)
    return print_deal (cli->store, deal, error);

  if ((node = rapport_json_deal_details (cli->store, deal, error)) == NULL)
    return FALSE;
  rapport_json_print (node);
  return TRUE;
}

/* id → position of every open deal of the current pipeline, in one pass per
 * stage rather than a count per deal. */
static GHashTable *
open_deal_positions (RapportStore *store)
{
  g_autoptr(RapportPipeline) pipeline = rapport_store_get_current_pipeline (store);
  GHashTable *positions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GListModel *stages = rapport_store_get_stages (store, pipeline);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);
      g_autoptr(GPtrArray) ids = rapport_store_list_deal_ids (store, stage, NULL);

      for (guint j = 0; ids != NULL && j < ids->len; j++)
        g_hash_table_insert (positions, g_memdup2 (ids->pdata[j], sizeof (gint64)), GINT_TO_POINTER (j));
    }

  return positions;
}

/* deal list's filters, beside the listing they feed. */
typedef struct
{
  RapportCliListing listing;     /* first: the walk's user data */
  int               status;      /* a RapportDealStatus, or -1 for any */
  const char       *owner;       /* NULL for any */
  gint64            closed_from; /* midnight UTC, 0 for none */
  gint64            closed_to;   /* the midnight after the last day, 0 for none */
  GHashTable       *contacts;    /* --tag: the ids of the contacts and */
  GHashTable       *organizations; /* organizations that have it; NULL for any */
} DealListing;

/* "open", "won" or "lost", the names the JSON uses. */
static gboolean
parse_status (const char *text,
              int        *status)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (RAPPORT_TYPE_DEAL_STATUS);
  GEnumValue *value = g_enum_get_value_by_nick (klass, text);

  if (value == NULL)
    return FALSE;
  *status = value->value;
  return TRUE;
}

static gboolean
deal_passes (const DealListing *filter,
             RapportDeal       *deal)
{
  gint64 closed = rapport_deal_get_closed_at (deal);

  if (filter->status >= 0 && (int) rapport_deal_get_status (deal) != filter->status)
    return FALSE;
  if (filter->owner != NULL && g_strcmp0 (rapport_deal_get_owner (deal), filter->owner) != 0)
    return FALSE;
  if ((filter->closed_from != 0 || filter->closed_to != 0) && closed == 0)
    return FALSE;
  if (filter->closed_from != 0 && closed < filter->closed_from)
    return FALSE;
  /* A deal has a tag through the people and the company it is with. */
  if (filter->contacts != NULL)
    {
      gint64 contact_id = rapport_deal_get_contact_id (deal);
      gint64 organization_id = rapport_deal_get_organization_id (deal);

      if (!g_hash_table_contains (filter->contacts, &contact_id) &&
          !g_hash_table_contains (filter->organizations, &organization_id))
        return FALSE;
    }
  return filter->closed_to == 0 || closed < filter->closed_to;
}

static gboolean
list_deal (gpointer   record,
           gpointer   user_data,
           GError   **error)
{
  RapportDeal *deal = record;
  DealListing *filter = user_data;
  RapportCliListing *listing = &filter->listing;
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (deal));

  if (!deal_passes (filter, deal))
    return TRUE;

  if (listing->json != NULL)
    {
      gpointer position;

      rapport_json_stream_add (listing->json,
                               rapport_json_deal (listing->store, deal,
                                                  g_hash_table_lookup_extended (listing->positions, &id,
                                                                                NULL, &position)
                                                  ? GPOINTER_TO_INT (position) : -1,
                                                  FALSE));
    }
  else
    {
      g_autofree char *value = rapport_money_to_plain (rapport_deal_get_value (deal),
                                                       rapport_deal_get_currency (deal));
      g_autofree char *title = rapport_cli_field (rapport_deal_get_title (deal));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s %s\n", id, title, value, rapport_deal_get_currency (deal));
    }

  return rapport_cli_check_output (error);
}

/* The Deals view's sort keys, as `deal list --sort` takes them. */
static const char * const sort_names[] = {
  [RAPPORT_DEAL_SORT_TITLE] = "title",
  [RAPPORT_DEAL_SORT_ORGANIZATION] = "organization",
  [RAPPORT_DEAL_SORT_CONTACT] = "contact",
  [RAPPORT_DEAL_SORT_VALUE] = "value",
  [RAPPORT_DEAL_SORT_STAGE] = "stage",
  [RAPPORT_DEAL_SORT_OWNER] = "owner",
  [RAPPORT_DEAL_SORT_CLOSE] = "close",
  [RAPPORT_DEAL_SORT_LAST_ACTIVITY] = "last-activity",
  [RAPPORT_DEAL_SORT_NEXT_FOLLOWUP] = "next-followup",
  [RAPPORT_DEAL_SORT_RANK] = "board",
};

static gboolean
parse_amount_option (RapportCli  *cli,
                     const char  *option,
                     gint64      *minor,
                     GError     **error)
{
  const char *text = rapport_cli_string (cli, option);

  *minor = -1;
  if (text == NULL)
    return TRUE;
  return rapport_money_parse (text, rapport_store_get_default_currency (cli->store), minor, error);
}

static gboolean
check_day_option (RapportCli  *cli,
                  const char  *option,
                  GError     **error)
{
  const char *text = rapport_cli_string (cli, option);
  g_autofree char *flag = g_strdup_printf ("--%s", option);
  gint64 midnight;

  return text == NULL || rapport_cli_parse_day (flag, text, &midnight, error);
}

/* The options that ask for the Deals view's list rather than the walk in
 * id order: the same query, so the two always agree. */
static gboolean
wants_view_query (RapportCli *cli)
{
  static const char * const options[] = {
    "sort", "search", "value-min", "value-max", "close-from", "close-to", "pipeline", NULL
  };

  for (guint i = 0; options[i] != NULL; i++)
    if (rapport_cli_string (cli, options[i]) != NULL)
      return TRUE;
  return rapport_cli_flag (cli, "descending");
}

static gboolean
fill_view_query (RapportCli        *cli,
                 RapportDealQuery  *query,
                 GError           **error)
{
  const char *sort = rapport_cli_string (cli, "sort");

  if (sort != NULL)
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (sort_names); i++)
        if (g_str_equal (sort, sort_names[i]))
          break;
      if (i == G_N_ELEMENTS (sort_names))
        return rapport_cli_set_usage (error, _("Sort by title, organization, contact, value, stage, owner, close, last-activity, next-followup or board."));
      query->sort = i;
    }
  query->descending = rapport_cli_flag (cli, "descending");
  query->search = rapport_cli_string (cli, "search");
  query->close_from = rapport_cli_string (cli, "close-from");
  query->close_to = rapport_cli_string (cli, "close-to");

  return check_day_option (cli, "close-from", error) &&
         check_day_option (cli, "close-to", error) &&
         rapport_cli_pipeline_option (cli, &query->pipeline_id, error) &&
         parse_amount_option (cli, "value-min", &query->value_min, error) &&
         parse_amount_option (cli, "value-max", &query->value_max, error);
}

static gboolean
walk_view_query (RapportCli             *cli,
                 const RapportDealQuery *query,
                 DealListing            *filter,
                 GError                **error)
{
  g_autoptr(GListModel) deals = rapport_store_query_deals (cli->store, query);

  for (guint i = 0; i < g_list_model_get_n_items (deals); i++)
    {
      g_autoptr(RapportDeal) deal = g_list_model_get_item (deals, i);

      if (deal != NULL && !list_deal (deal, filter, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
cmd_deal_list (RapportCli  *cli,
               GError     **error)
{
  const char *stage_name = rapport_cli_string (cli, "stage");
  const char *status = rapport_cli_string (cli, "status");
  const char *from = rapport_cli_string (cli, "closed-from");
  const char *to = rapport_cli_string (cli, "closed-to");
  g_autoptr(RapportStage) stage = NULL;
  g_autoptr(GHashTable) positions = NULL;
  const char *tag = rapport_cli_string (cli, "tag");
  g_autoptr(GHashTable) tagged_contacts = NULL;
  g_autoptr(GHashTable) tagged_organizations = NULL;
  DealListing filter = { { NULL, }, -1, rapport_cli_string (cli, "owner"), 0, 0, NULL, NULL };
  RapportDealQuery query;
  gboolean walked;

  rapport_deal_query_init (&query);
  if (status != NULL && !parse_status (status, &filter.status))
    return rapport_cli_set_usage (error, _("Say which deals with --status open, --status won or --status lost."));
  if ((from != NULL && !rapport_cli_parse_day ("--closed-from", from, &filter.closed_from, error)) ||
      (to != NULL && !rapport_cli_parse_day ("--closed-to", to, &filter.closed_to, error)))
    return FALSE;
  if (to != NULL)
    filter.closed_to += 86400;   /* the whole last day */

  if (rapport_cli_open_store (cli, error) == NULL ||
      (stage_name != NULL && (stage = rapport_store_find_stage (cli->store, stage_name, error)) == NULL))
    return FALSE;
  if (wants_view_query (cli) && !fill_view_query (cli, &query, error))
    return FALSE;
  if (tag != NULL &&
      ((filter.contacts = tagged_contacts = rapport_store_get_tagged (cli->store, RAPPORT_ENTITY_CONTACT,
                                                                      tag, error)) == NULL ||
       (filter.organizations = tagged_organizations =
          rapport_store_get_tagged (cli->store, RAPPORT_ENTITY_ORGANIZATION, tag, error)) == NULL))
    return FALSE;

  /* Only the JSON carries positions: the lines of text stay cheap. */
  if (cli->json)
    filter.listing.positions = positions = open_deal_positions (cli->store);
  if (!rapport_cli_listing_begin (cli, &filter.listing, error))
    return FALSE;
  if (wants_view_query (cli))
    {
      query.status = filter.status;
      query.owner = filter.owner;
      query.stage_id = stage != NULL ? rapport_record_get_id (RAPPORT_RECORD (stage)) : 0;
      walked = walk_view_query (cli, &query, &filter, error);
    }
  else
    walked = rapport_store_foreach_deal (cli->store, stage, list_deal, &filter, error);
  return rapport_cli_listing_end (&filter.listing, walked, error);
}

/* deal set ID [--title T] [--value V] [--close DATE] [--owner NAME]: each
 * one the store's update, as the deal page saves a field. */
static gboolean
set_string (RapportCli   *cli,
            RapportDeal  *deal,
            const char   *option,
            const char   *property,
            GError      **error)
{
  return rapport_cli_update_string (cli, RAPPORT_RECORD (deal), option, property, error);
}

static gboolean
cmd_deal_set (RapportCli  *cli,
              GError     **error)
{
  const char *amount = rapport_cli_string (cli, "value");
  g_autoptr(RapportDeal) deal = NULL;

  const char *title = rapport_cli_string (cli, "title");
  gint64 minor = 0;

  if ((deal = rapport_cli_find_deal (cli, cli->args[0], error)) == NULL)
    return FALSE;
  /* Every value checked before the first is saved: nothing half-set. */
  if ((amount != NULL && !rapport_money_parse (amount, rapport_deal_get_currency (deal), &minor, error)) ||
      (title != NULL && !rapport_text_check (title, RAPPORT_TEXT_TITLE, TRUE, error)) ||
      !rapport_date_check (rapport_cli_string (cli, "close"), error) ||
      !rapport_text_check (rapport_cli_string (cli, "owner"), RAPPORT_TEXT_OWNER, FALSE, error))
    return FALSE;
  if (amount != NULL)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, minor);
      if (!rapport_store_update (cli->store, RAPPORT_RECORD (deal), "value", &value, error))
        return FALSE;
    }
  if (!set_string (cli, deal, "title", "title", error) ||
      !set_string (cli, deal, "close", "expected-close", error) ||
      !set_string (cli, deal, "owner", "owner", error))
    return FALSE;

  if (cli->json)
    rapport_json_print (rapport_json_deal (cli->store, deal, RAPPORT_JSON_POSITION_UNKNOWN, TRUE));
  return rapport_cli_check_output (error);
}

static gboolean
parse_negotiation_kind (const char             *text,
                        RapportNegotiationKind *kind)
{
  static const struct
  {
    const char *word;
    RapportNegotiationKind kind;
  } kinds[] = {
    { "offer", RAPPORT_NEGOTIATION_OFFER },
    { "counter-offer", RAPPORT_NEGOTIATION_COUNTER_OFFER },
    { "counter_offer", RAPPORT_NEGOTIATION_COUNTER_OFFER },
    { "objection", RAPPORT_NEGOTIATION_OBJECTION },
    { "concession", RAPPORT_NEGOTIATION_CONCESSION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (text, kinds[i].word))
      {
        *kind = kinds[i].kind;
        return TRUE;
      }

  return FALSE;
}

static gboolean
cmd_deal_negotiate (RapportCli  *cli,
                    GError     **error)
{
  const char *amount_text = rapport_cli_string (cli, "amount");
  g_autoptr(RapportDeal) deal = NULL;
  g_autoptr(RapportNegotiationEntry) entry = NULL;
  RapportNegotiationKind kind;
  gint64 amount = 0;

  if (!parse_negotiation_kind (cli->args[1], &kind))
    return rapport_cli_set_usage (error, _("the kind is offer, counter-offer, objection or concession"));

  /* The amount is in the deal's currency. */
  if ((deal = rapport_cli_find_deal (cli, cli->args[0], error)) == NULL ||
      (amount_text != NULL &&
       !rapport_money_parse (amount_text, rapport_deal_get_currency (deal), &amount, error)) ||
      (entry = rapport_store_add_negotiation_entry (cli->store, deal, kind, amount,
                                                    rapport_cli_string (cli, "text"), error)) == NULL)
    return FALSE;

  if (cli->json)
    rapport_json_print (rapport_json_negotiation_entry (entry));
  else
    g_print (_("Added %s %lld to deal %lld\n"), rapport_json_negotiation_kind (kind),
             (long long) rapport_record_get_id (RAPPORT_RECORD (entry)),
             (long long) rapport_record_get_id (RAPPORT_RECORD (deal)));

  return TRUE;
}

/* deal resolve ID FIELD --theirs|--mine: a conflict with the team
 * settled as the deal page's buttons settle it. */
static gboolean
cmd_deal_resolve (RapportCli  *cli,
                  GError     **error)
{
  gboolean theirs = rapport_cli_flag (cli, "theirs");
  gboolean mine = rapport_cli_flag (cli, "mine");
  const char *field = cli->args[1];
  g_autoptr(RapportDeal) deal = NULL;
  gint64 id;

  if (theirs == mine)
    return rapport_cli_set_usage (error, _("give either --theirs or --mine"));

  if ((deal = rapport_cli_find_deal (cli, cli->args[0], error)) == NULL)
    return FALSE;
  id = rapport_record_get_id (RAPPORT_RECORD (deal));
  if (theirs ? !rapport_store_take_theirs (cli->store, RAPPORT_ENTITY_DEAL, id, field, error)
             : !rapport_store_dismiss_conflict (cli->store, RAPPORT_ENTITY_DEAL, id, field, error))
    return FALSE;

  if (cli->json)
    {
      JsonNode *node = rapport_json_deal_details (cli->store, deal, error);

      if (node == NULL)
        return FALSE;
      rapport_json_print (node);
    }
  else if (theirs)
    /* Translators: %s is a field's name as the command line takes it
     * ("value", "expected_close"); %lld the deal's number. */
    g_print (_("Took the team’s %s of deal %lld; it goes to the team at the next sync.\n"), field, (long long) id);
  else
    /* Translators: %s is a field's name as the command line takes it
     * ("value", "expected_close"); %lld the deal's number. */
    g_print (_("Kept your %s of deal %lld.\n"), field, (long long) id);
  return rapport_cli_check_output (error);
}

static const RapportCliOption add_options[] = {
  { "value", G_OPTION_ARG_STRING, 0 },
  { "currency", G_OPTION_ARG_STRING, 0 },
  { "contact", G_OPTION_ARG_STRING, 0 },
  { "org", G_OPTION_ARG_STRING, 0 },
  { "stage", G_OPTION_ARG_STRING, 0 },
  { "close", G_OPTION_ARG_STRING, 0 },
  { "owner", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

/* -1: the end of the stage. */
static const RapportCliOption move_options[] = {
  { "position", G_OPTION_ARG_INT, -1 },
  { "anyway", G_OPTION_ARG_NONE, 0 },
  { "pipeline", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

static const RapportCliOption lost_options[] = {
  { "reason", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

static const RapportCliOption bant_options[] = {
  { "budget", G_OPTION_ARG_STRING, 0 },
  { "authority", G_OPTION_ARG_STRING, 0 },
  { "need", G_OPTION_ARG_STRING, 0 },
  { "timeline", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

static const RapportCliOption list_options[] = {
  { "stage", G_OPTION_ARG_STRING, 0 },
  { "status", G_OPTION_ARG_STRING, 0 },
  { "owner", G_OPTION_ARG_STRING, 0 },
  { "closed-from", G_OPTION_ARG_STRING, 0 },
  { "tag", G_OPTION_ARG_STRING, 0 },
  { "closed-to", G_OPTION_ARG_STRING, 0 },
  { "sort", G_OPTION_ARG_STRING, 0 },
  { "descending", G_OPTION_ARG_NONE, 0 },
  { "search", G_OPTION_ARG_STRING, 0 },
  { "pipeline", G_OPTION_ARG_STRING, 0 },
  { "close-from", G_OPTION_ARG_STRING, 0 },
  { "close-to", G_OPTION_ARG_STRING, 0 },
  { "value-min", G_OPTION_ARG_STRING, 0 },
  { "value-max", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

static const RapportCliOption set_options[] = {
  { "title", G_OPTION_ARG_STRING, 0 },
  { "value", G_OPTION_ARG_STRING, 0 },
  { "close", G_OPTION_ARG_STRING, 0 },
  { "owner", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

static const RapportCliOption resolve_options[] = {
  { "theirs", G_OPTION_ARG_NONE, 0 },
  { "mine", G_OPTION_ARG_NONE, 0 },
  { NULL }
};

static const RapportCliOption negotiate_options[] = {
  { "amount", G_OPTION_ARG_STRING, 0 },
  { "text", G_OPTION_ARG_STRING, 0 },
  { NULL }
};

const RapportCliCommand rapport_cli_deal_commands[] = {
  { "deal", "add", cmd_deal_add,
    "deal add TITLE --value AMOUNT [--currency CODE] [--contact ID] [--org ID] [--stage ID|NAME]"
    " [--close YYYY-MM-DD] [--owner NAME] [--json]",
    1, 1, RAPPORT_CLI_JSON, add_options, NULL },
  { "deal", "move", cmd_deal_move, "deal move ID STAGE_ID|STAGE_NAME [--pipeline ID] [--position N] [--anyway]",
    2, 2, 0, move_options, NULL },
  { "deal", "won", cmd_deal_won, "deal won ID", 1, 1, 0, NULL, NULL },
  { "deal", "lost", cmd_deal_lost, "deal lost ID --reason TEXT", 1, 1, 0, lost_options, NULL },
  { "deal", "bant", cmd_deal_bant,
    "deal bant ID [--budget yes|no] [--authority yes|no] [--need yes|no] [--timeline yes|no]",
    1, 1, 0, bant_options, NULL },
  { "deal", "show", cmd_deal_show, "deal show ID [--json]",
    1, 1, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, NULL, NULL },
  { "deal", "list", cmd_deal_list,
    "deal list [--stage ID|NAME] [--status open|won|lost] [--owner NAME]"
    " [--closed-from YYYY-MM-DD] [--closed-to YYYY-MM-DD] [--pipeline ID]"
    " [--sort title|organization|contact|value|stage|owner|close|last-activity|next-followup|board]"
    " [--descending] [--search WORDS] [--close-from YYYY-MM-DD] [--close-to YYYY-MM-DD]"
    " [--value-min AMOUNT] [--value-max AMOUNT] [--tag TAG] [--json]",
    0, 0, RAPPORT_CLI_JSON | RAPPORT_CLI_READS_ONLY, list_options, NULL },
  { "deal", "set", cmd_deal_set,
    "deal set ID [--title T] [--value AMOUNT] [--close YYYY-MM-DD] [--owner NAME] [--json]",
    1, 1, RAPPORT_CLI_JSON, set_options, NULL },
  { "deal", "negotiate", cmd_deal_negotiate,
    "deal negotiate ID offer|counter-offer|objection|concession [--amount AMOUNT] [--text TEXT] [--json]",
    2, 2, RAPPORT_CLI_JSON, negotiate_options, NULL },
  { "deal", "resolve", cmd_deal_resolve, "deal resolve ID FIELD --theirs|--mine [--json]",
    2, 2, RAPPORT_CLI_JSON, resolve_options, NULL },
  { NULL }
};
