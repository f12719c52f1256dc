/* rapport-demo.c — realistic demo data, for first runs and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills a database through bulk statements in one transaction: 100 000
 * deals and 200 000 contacts take seconds, not minutes, and a failure
 * leaves nothing half-made.
 */

#define G_LOG_DOMAIN "rapport-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-sqlite-private.h"

#define DAY (24 * 60 * 60)
#define RAPPORT_RAPPORT_RANK_GAP ((gint64) 1 << 20)

static const char * const first_names[] = {
  "Aisha", "Alexei", "Ana", "Andrea", "Ben", "Bogdan", "Camille", "Chen", "Daniel", "Dimitar",
  "Elena", "Emma", "Fatima", "Felix", "Gabriel", "Hana", "Hiroshi", "Ines", "Ivan", "Jae-won",
  "James", "Julia", "Kateryna", "Kwame", "Lars", "Leila", "Liam", "Lucía", "Maya", "Mei",
  "Mihail", "Min-jun", "Nadia", "Noah", "Olivia", "Omar", "Petra", "Priya", "Rafael", "Ravi",
  "Rosa", "Sakura", "Samuel", "Sara", "Seo-yeon", "Sofia", "Tariq", "Tomás", "Viktor", "Wei",
  "Yael", "Yusuf", "Zara", "Zoltan", "Noa", "Ari", "Teodora", "Georgi", "Xin", "Hyun-woo",
};

static const char * const last_names[] = {
  "Abadi", "Andersen", "Bauer", "Becker", "Cohen", "Costa", "Dimitrov", "Dubois", "Evans", "Fischer",
  "García", "Georgiev", "Haddad", "Hansen", "Ivanova", "Jensen", "Kim", "Kowalski", "Lee", "Levi",
  "Li", "Lindqvist", "López", "Martin", "Meyer", "Mizrahi", "Moreau", "Müller", "Nakamura", "Nguyen",
  "Novak", "Okafor", "Park", "Petrov", "Popescu", "Rossi", "Sato", "Schmidt", "Silva", "Smith",
  "Stoyanova", "Tanaka", "Todorov", "Wang", "Weber", "Wilson", "Yamamoto", "Zhang", "Zhou", "Choi",
};

static const char * const company_heads[] = {
  "Acme", "Northwind", "Blue Harbor", "Cedar", "Copperline", "Brightpath", "Evergreen", "Falcon",
  "Granite", "Helios", "Ironbridge", "Juniper", "Keystone", "Lumen", "Meridian", "Nimbus", "Oakridge",
  "Pioneer", "Quantum", "Redwood", "Silverline", "Summit", "Tidewater", "Unity", "Vertex", "Westfield",
  "Zenith", "Aurora", "Bluebird", "Crescent", "Driftwood", "Emberly", "Foxglove", "Harbor Lights",
};

static const char * const company_tails[] = {
  "Logistics", "Health", "Foods", "Analytics", "Manufacturing", "Software", "Energy", "Retail",
  "Consulting", "Labs", "Hotels", "Dental", "Builders", "Media", "Insurance", "Pharma", "Motors",
  "Textiles", "Bank", "Schools",
};

static const char * const deal_kinds[] = {
  "renewal", "pilot", "expansion", "annual licence", "onboarding package", "support contract",
  "50 seats", "200 seats", "migration project", "enterprise plan", "training days", "upgrade",
};

static const char * const lost_reasons[] = {
  "Chose a competitor on price", "No budget this year", "Project cancelled",
  "Went silent after the proposal", "Missing integration", "Decision maker left",
};

static const char * const sources[] = {
  "Website form", "Referral", "Trade fair", "Cold call", "LinkedIn", "Webinar", "Partner",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

typedef struct
{
  sqlite3_stmt *org;
  sqlite3_stmt *contact;
  sqlite3_stmt *deal;
  sqlite3_stmt *history;
  sqlite3_stmt *activity;
} DemoStatements;

static void
demo_statements_clear (DemoStatements *s)
{
  g_clear_pointer (&s->org, sqlite3_finalize);
  g_clear_pointer (&s->contact, sqlite3_finalize);
  g_clear_pointer (&s->deal, sqlite3_finalize);
  g_clear_pointer (&s->history, sqlite3_finalize);
  g_clear_pointer (&s->activity, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DemoStatements, demo_statements_clear)

static gboolean
prepare (RapportStore   *self,
         DemoStatements *s,
         GError        **error)
{
  sqlite3 *db = rapport_store_get_db (self);
  int rc = SQLITE_OK;

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "INSERT INTO temp.demo_organization (name, website, phone, created_at, updated_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?4)", -1, &s->org, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "INSERT INTO temp.demo_contact (name, email, phone, organization_id, lifecycle,"
                                 " source, owner, created_at, updated_at, first_contacted_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)", -1, &s->contact, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "INSERT INTO temp.demo_deal (title, value, currency, stage_id, rank, contact_id,"
                                 " organization_id, expected_close, status, lost_reason, bant_budget,"
                                 " bant_authority, bant_need, bant_timeline, owner, created_at, updated_at,"
                                 " closed_at, stage_entered_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                                 " ?15, ?16, ?17, ?18, ?19)", -1, &s->deal, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "INSERT INTO temp.demo_stage_change (deal_id, from_stage_id, to_stage_id,"
                                 " from_status, to_status, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                             -1, &s->history, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "INSERT INTO temp.demo_activity (kind, title, note, due_at, done_at, contact_id,"
                                 " deal_id, rule, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                             -1, &s->activity, NULL);

  if (rc != SQLITE_OK)
    return rapport_store_set_error (self, rc, error);

  return TRUE;
}

static gboolean
run (RapportStore  *self,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return rapport_store_set_error (self, rc, error);

  return TRUE;
}

static gboolean
add_organizations (RapportStore    *self,
                   DemoStatements  *s,
                   GRand           *rand,
                   guint            n,
                   gint64           now,
                   GArray          *ids,
                   GError         **error)
{
  sqlite3 *db = rapport_store_get_db (self);

  for (guint i = 0; i < n; i++)
    {
      const char *head = PICK (rand, company_heads);
      const char *tail = PICK (rand, company_tails);
      g_autofree char *name = i < G_N_ELEMENTS (company_heads) * G_N_ELEMENTS (company_tails)
        ? g_strdup_printf ("%s %s", head, tail)
        : g_strdup_printf ("%s %s %u", head, tail, i / 100 + 1);
      g_autofree char *lower_head = g_ascii_strdown (head, -1);
      g_autofree char *site = g_strdup_printf ("https://%s.example", lower_head);
      g_autofree char *phone = g_strdup_printf ("+1 555 %03d %04d", g_rand_int_range (rand, 100, 999),
                                                g_rand_int_range (rand, 0, 9999));
      gint64 id;

      g_strdelimit (site, " ", '-');
      sqlite3_bind_text (s->org, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (s->org, 2, site, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (s->org, 3, phone, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (s->org, 4, now - g_rand_int_range (rand, 30, 720) * (gint64) DAY);
      if (!run (self, s->org, error))
        return FALSE;

      id = sqlite3_last_insert_rowid (db);
      g_array_append_val (ids, id);
    }

  return TRUE;
}

/* A lead that arrived recently, with its speed-to-lead follow-up: most
 * were reached within the hour, some late, a few are still waiting. */
static gboolean
add_lead_followup (RapportStore    *self,
                   DemoStatements  *s,
                   GRand           *rand,
                   gint64           contact_id,
                   const char      *name,
                   gint64           created_at,
                   gint64           first_contacted_at)
{
  g_autofree char *title = g_strdup_printf (_("Contact %s"), name);

  sqlite3_bind_int (s->activity, 1, RAPPORT_ACTIVITY_FOLLOWUP);
  sqlite3_bind_text (s->activity, 2, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (s->activity, 4, created_at + rapport_store_get_speed_to_lead_minutes (self) * 60);
  if (first_contacted_at != 0)
    sqlite3_bind_int64 (s->activity, 5, first_contacted_at);
  sqlite3_bind_int64 (s->activity, 6, contact_id);
  sqlite3_bind_int (s->activity, 8, RAPPORT_RULE_SPEED_TO_LEAD);
  sqlite3_bind_int64 (s->activity, 9, created_at);

  if (!run (self, s->activity, NULL))
    return FALSE;
  if (first_contacted_at == 0)
    return TRUE;

  /* …and the call that first reached the lead, so the contacts list has
   * a last contact to show and sort by. */
  sqlite3_bind_int (s->activity, 1, RAPPORT_ACTIVITY_CALL);
  sqlite3_bind_text (s->activity, 2, _("Call"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (s->activity, 5, first_contacted_at);
  sqlite3_bind_int64 (s->activity, 6, contact_id);
  sqlite3_bind_int (s->activity, 8, RAPPORT_RULE_NONE);
  sqlite3_bind_int64 (s->activity, 9, first_contacted_at);

  return run (self, s->activity, NULL);
}

static gboolean
add_contacts (RapportStore    *self,
              DemoStatements  *s,
              GRand           *rand,
              guint            n,
              gint64           now,
              GArray          *orgs,
              GArray          *ids,
              GArray          *contact_orgs,
              GError         **error)
{
  sqlite3 *db = rapport_store_get_db (self);

  for (guint i = 0; i < n; i++)
    {
      const char *first = PICK (rand, first_names);
      const char *last = PICK (rand, last_names);
      g_autofree char *name = g_strdup_printf ("%s %s", first, last);
      g_autofree char *email = g_strdup_printf ("%s.%s%u@example.com", first, last, i);
      g_autofree char *phone = g_strdup_printf ("+1 555 %03d %04d", g_rand_int_range (rand, 100, 999),
                                                g_rand_int_range (rand, 0, 9999));
      gint64 org = orgs->len > 0 ? g_array_index (orgs, gint64, g_rand_int_range (rand, 0, orgs->len)) : 0;
      int roll = g_rand_int_range (rand, 0, 100);
      RapportLifecycle lifecycle = roll < 10 ? RAPPORT_LIFECYCLE_LEAD
                                 : roll < 70 ? RAPPORT_LIFECYCLE_CONTACT : RAPPORT_LIFECYCLE_CUSTOMER;
      /* Leads are recent: the last two weeks, a few in the last hours. */
      gint64 created_at = lifecycle == RAPPORT_LIFECYCLE_LEAD
        ? now - g_rand_int_range (rand, 5 * 60, 14 * DAY)
        : now - g_rand_int_range (rand, 15, 720) * (gint64) DAY;
      gint64 first_contact = 0;
      gint64 id;

      if (lifecycle != RAPPORT_LIFECYCLE_LEAD || g_rand_int_range (rand, 0, 100) < 85)
        {
          /* Mostly within the hour, a long tail after it. */
          gint64 delay = g_rand_int_range (rand, 0, 100) < 70
            ? g_rand_int_range (rand, 3 * 60, 60 * 60)
            : g_rand_int_range (rand, 60 * 60, 3 * DAY);
          if (created_at + delay < now)
            first_contact = created_at + delay;
        }

      g_strdelimit (email, " ", '.');
      sqlite3_bind_text (s->contact, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (s->contact, 2, g_ascii_strdown (email, -1), -1, g_free);
      sqlite3_bind_text (s->contact, 3, phone, -1, SQLITE_TRANSIENT);
      if (org != 0)
        sqlite3_bind_int64 (s->contact, 4, org);
      sqlite3_bind_int (s->contact, 5, lifecycle);
      sqlite3_bind_text (s->contact, 6, PICK (rand, sources), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (s->contact, 8, created_at);
      if (first_contact != 0)
        sqlite3_bind_int64 (s->contact, 9, first_contact);
      if (!run (self, s->contact, error))
        return FALSE;

      id = sqlite3_last_insert_rowid (db);
      g_array_append_val (ids, id);
      g_array_append_val (contact_orgs, org);

      if (lifecycle == RAPPORT_LIFECYCLE_LEAD &&
          !add_lead_followup (self, s, rand, id, name, created_at, first_contact))
        return rapport_store_set_error (self, SQLITE_ERROR, error);
    }

  return TRUE;
}

static gint64
random_value (GRand *rand)
{
  /* Many small deals, fewer large ones: 500–5 000, 5 000–50 000 and
   * 50 000–250 000 in whole units, rounded to 50, as minor units. */
  int roll = g_rand_int_range (rand, 0, 100);
  gint64 units;

  if (roll < 50)
    units = g_rand_int_range (rand, 10, 100) * 50;
  else if (roll < 85)
    units = g_rand_int_range (rand, 100, 1000) * 50;
  else
    units = g_rand_int_range (rand, 1000, 5000) * 50;

  return units * 100;
}

static gboolean
add_deals (RapportStore    *self,
           DemoStatements  *s,
           GRand           *rand,
           guint            n,
           gint64           now,
           GArray          *stages,
           GArray          *contacts,
           GArray          *contact_orgs,
           GError         **error)
{
  sqlite3 *db = rapport_store_get_db (self);
  g_autofree gint64 *next_rank = g_new0 (gint64, stages->len);
  const char *currency = rapport_store_get_default_currency (self);

  for (guint i = 0; i < n; i++)
    {
      guint c = contacts->len > 0 ? (guint) g_rand_int_range (rand, 0, contacts->len) : 0;
      gint64 contact = contacts->len > 0 ? g_array_index (contacts, gint64, c) : 0;
      gint64 org = contacts->len > 0 ? g_array_index (contact_orgs, gint64, c) : 0;
      /* Fewer deals survive to later stages. */
      guint stage_index = MIN ((guint) (g_rand_double (rand) * g_rand_double (rand) * stages->len),
                               stages->len - 1);
      gint64 stage = g_array_index (stages, gint64, stage_index);
      int roll = g_rand_int_range (rand, 0, 100);
      RapportDealStatus status = roll < 8 ? RAPPORT_DEAL_STATUS_WON
                               : roll < 15 ? RAPPORT_DEAL_STATUS_LOST : RAPPORT_DEAL_STATUS_OPEN;
      gint64 created_at = now - g_rand_int_range (rand, 1, 180) * (gint64) DAY;
      gint64 entered_at = created_at + (now - created_at) * g_rand_int_range (rand, 0, 100) / 100;
      g_autofree char *title = g_strdup_printf ("%s %s", PICK (rand, company_heads), PICK (rand, deal_kinds));
      g_autoptr(GDateTime) close = g_date_time_new_from_unix_utc (now + g_rand_int_range (rand, -20, 120) * (gint64) DAY);
      g_autofree char *close_text = g_date_time_format (close, "%Y-%m-%d");
      gint64 id;

      sqlite3_bind_text (s->deal, 1, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (s->deal, 2, random_value (rand));
      sqlite3_bind_text (s->deal, 3, currency, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (s->deal, 4, stage);
      sqlite3_bind_int64 (s->deal, 5, next_rank[stage_index]);
      next_rank[stage_index] += RAPPORT_RAPPORT_RANK_GAP;
      if (contact != 0)
        sqlite3_bind_int64 (s->deal, 6, contact);
      if (org != 0)
        sqlite3_bind_int64 (s->deal, 7, org);
      sqlite3_bind_text (s->deal, 8, close_text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (s->deal, 9, status);
      if (status == RAPPORT_DEAL_STATUS_LOST)
        sqlite3_bind_text (s->deal, 10, PICK (rand, lost_reasons), -1, SQLITE_STATIC);
      for (int b = 0; b < 4; b++)
        sqlite3_bind_int (s->deal, 11 + b, g_rand_int_range (rand, 0, 3));
      sqlite3_bind_int64 (s->deal, 16, created_at);
      sqlite3_bind_int64 (s->deal, 17, entered_at);
      if (status != RAPPORT_DEAL_STATUS_OPEN)
        sqlite3_bind_int64 (s->deal, 18, entered_at);
      sqlite3_bind_int64 (s->deal, 19, entered_at);
      if (!run (self, s->deal, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (db);

      sqlite3_bind_int64 (s->history, 1, id);
      sqlite3_bind_int64 (s->history, 3, stage);
      sqlite3_bind_int (s->history, 4, RAPPORT_DEAL_STATUS_OPEN);
      sqlite3_bind_int (s->history, 5, RAPPORT_DEAL_STATUS_OPEN);
      sqlite3_bind_int64 (s->history, 6, created_at);
      if (!run (self, s->history, error))
        return FALSE;

      /* One open deal in five has a follow-up; some are overdue. */
      if (status == RAPPORT_DEAL_STATUS_OPEN && g_rand_int_range (rand, 0, 5) == 0)
        {
          g_autofree char *what = g_strdup_printf (_("Follow up on %s"), title);

          sqlite3_bind_int (s->activity, 1, RAPPORT_ACTIVITY_FOLLOWUP);
          sqlite3_bind_text (s->activity, 2, what, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (s->activity, 4, now + g_rand_int_range (rand, -5 * DAY, 21 * DAY));
          if (contact != 0)
            sqlite3_bind_int64 (s->activity, 6, contact);
          sqlite3_bind_int64 (s->activity, 7, id);
          sqlite3_bind_int (s->activity, 8, RAPPORT_RULE_NONE);
          sqlite3_bind_int64 (s->activity, 9, entered_at);
          if (!run (self, s->activity, error))
            return FALSE;
        }
    }

  return TRUE;
}

static GArray *
current_stage_ids (RapportStore *self)
{
  g_autoptr(RapportPipeline) pipeline = rapport_store_get_current_pipeline (self);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListModel *stages;

  if (pipeline == NULL)
    return ids;

  stages = rapport_store_get_stages (self, pipeline);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(RapportRecord) stage = g_list_model_get_item (stages, i);
      gint64 id = rapport_record_get_id (stage);

      g_array_append_val (ids, id);
    }

  return ids;
}

/* The rows are made in temporary tables and copied over with one
 * statement per table: the search index's triggers flush it at every
 * statement, and 200 000 one-row flushes take seconds where one takes a
 * fraction. Each staging table starts with a row holding the main table's
 * highest id, so the ids it gives continue the main table's. */
static const struct
{
  const char *table;
  const char *columns;
} staged[] = {
  { "organization", "name, website, phone, created_at, updated_at" },
  { "contact", "name, email, phone, organization_id, lifecycle, source, owner, created_at,"
               " updated_at, first_contacted_at" },
  { "deal", "title, value, currency, stage_id, rank, contact_id, organization_id, expected_close,"
            " status, lost_reason, bant_budget, bant_authority, bant_need, bant_timeline, owner,"
            " created_at, updated_at, closed_at, stage_entered_at" },
  { "stage_change", "deal_id, from_stage_id, to_stage_id, from_status, to_status, changed_at" },
  { "activity", "kind, title, note, due_at, done_at, contact_id, deal_id, rule, created_at" },
};

static gboolean
exec_all (RapportStore  *self,
          const char    *sql,
          GError       **error)
{
  int rc = sqlite3_exec (rapport_store_get_db (self), sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return rapport_store_set_error (self, rc, error);

  return TRUE;
}

static gboolean
stage_tables (RapportStore  *self,
              GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (staged); i++)
    {
      /* Names from the table above only: no text from outside. */
      g_autofree char *sql =
        g_strdup_printf ("DROP TABLE IF EXISTS temp.demo_%s;"
                         "CREATE TEMP TABLE demo_%s (id INTEGER PRIMARY KEY, %s);"
                         "INSERT INTO temp.demo_%s (id) SELECT coalesce(max(id), 0) FROM main.%s;",
                         staged[i].table, staged[i].table, staged[i].columns,
                         staged[i].table, staged[i].table);

      if (!exec_all (self, sql, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
unstage_tables (RapportStore  *self,
                GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (staged); i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("INSERT INTO main.%s (id, %s) SELECT id, %s FROM temp.demo_%s"
                         "  WHERE id > (SELECT min(id) FROM temp.demo_%s) ORDER BY id;"
                         "DROP TABLE temp.demo_%s;",
                         staged[i].table, staged[i].columns, staged[i].columns,
                         staged[i].table, staged[i].table, staged[i].table);

      if (!exec_all (self, sql, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
rapport_store_fill_demo (RapportStore  *self,
                         guint          n_deals,
                         guint          n_contacts,
                         guint32        seed,
                         GError       **error)
{
  g_auto(DemoStatements) s = { NULL, };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) orgs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) contacts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) contact_orgs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) stages = current_stage_ids (self);
  gint64 now = rapport_store_now (self);

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (stages->len == 0)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The current pipeline has no stages to put demo deals in"));
      return FALSE;
    }

  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!stage_tables (self, error) || !prepare (self, &s, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }

  if (!add_organizations (self, &s, rand, MAX (n_contacts / 8, 1), now, orgs, error) ||
      !add_contacts (self, &s, rand, n_contacts, now, orgs, contacts, contact_orgs, error) ||
      !add_deals (self, &s, rand, n_deals, now, stages, contacts, contact_orgs, error) ||
      !unstage_tables (self, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }

  if (!rapport_store_commit (self, error))
    return FALSE;

  rapport_store_notify (self, RAPPORT_ENTITY_ORGANIZATION, RAPPORT_CHANGE_RELOAD, 0);
  rapport_store_notify (self, RAPPORT_ENTITY_CONTACT, RAPPORT_CHANGE_RELOAD, 0);
  rapport_store_notify (self, RAPPORT_ENTITY_DEAL, RAPPORT_CHANGE_RELOAD, 0);
  rapport_store_notify (self, RAPPORT_ENTITY_ACTIVITY, RAPPORT_CHANGE_RELOAD, 0);

  return TRUE;
}
