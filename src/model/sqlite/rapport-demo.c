/* rapport-demo.c — realistic demo data, for first runs and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two years of a sales team's life, so that every view and the Insights
 * have something true to show: organizations, contacts and leads arriving
 * over time (more each month, fewer in August and December), how fast each
 * lead was answered, and (rapport-demo-deals.c) deals going through the
 * pipeline with their stage history, wins, losses and the activities along
 * the way. The same seed makes the same data for the same "now".
 *
 * Rows go through bulk statements in one transaction: 100 000 deals and
 * 200 000 contacts take seconds, not minutes, and a failure leaves nothing
 * half-made.
 */

#define G_LOG_DOMAIN "rapport-demo"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "rapport-demo-private.h"

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

const char * const demo_company_heads[] = {
  "Acme", "Northwind", "Blue Harbor", "Cedar", "Copperline", "Brightpath", "Evergreen", "Falcon",
  "Granite", "Helios", "Ironbridge", "Juniper", "Keystone", "Lumen", "Meridian", "Nimbus", "Oakridge",
  "Pioneer", "Quantum", "Redwood", "Silverline", "Summit", "Tidewater", "Unity", "Vertex", "Westfield",
  "Zenith", "Aurora", "Bluebird", "Crescent", "Driftwood", "Emberly", "Foxglove", "Harbor Lights",
};

const guint demo_n_company_heads = G_N_ELEMENTS (demo_company_heads);

static const char * const company_tails[] = {
  "Logistics", "Health", "Foods", "Analytics", "Manufacturing", "Software", "Energy", "Retail",
  "Consulting", "Labs", "Hotels", "Dental", "Builders", "Media", "Insurance", "Pharma", "Motors",
  "Textiles", "Bank", "Schools",
};


/* The team. Sofia joined ten months ago, so the figures per owner differ
 * by more than luck. */
const DemoOwner demo_owners[] = {
  { "Maya Cohen", 13, 1.25, 1.30, 0 },
  { "Daniel Evans", 10, 1.00, 0.85, 0 },
  { "Priya Nair", 11, 1.10, 1.10, 0 },
  { "Lars Jensen", 9, 0.85, 0.70, 0 },
  { "Kwame Okafor", 8, 0.90, 1.00, 0 },
  { "Sofia Rossi", 10, 0.95, 1.20, 10 },
};

/* The lead form's own list of sources (rapport-lead-dialog.c). Leads come
 * in on their own; the others the team went out and met. Referrals close
 * best, cold outreach worst. */
const DemoSource demo_sources[] = {
  { "Website form", 40, 0, 0.90 },
  { "Social media", 18, 0, 0.80 },
  { "Advertisement", 12, 0, 0.70 },
  { "Email", 6, 0, 1.00 },
  { "Referral", 14, 25, 1.60 },
  { "Trade show", 10, 30, 1.10 },
  { "Phone call", 0, 15, 1.00 },
  { "Cold outreach", 0, 30, 0.60 },
};

#define N_SOURCES G_N_ELEMENTS (demo_sources)

/* Share of contacts who came in as leads, in percent. */
#define LEAD_PERCENT 45
/* Business at the end of the two years, against its start. */
#define GROWTH 0.8

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

/* Helpers */

guint
demo_pick_weighted (Demo      *demo,
                    const int *weights,
                    guint      n)
{
  int total = 0;
  int roll;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  roll = g_rand_int_range (demo->rand, 0, MAX (total, 1));
  for (guint i = 0; i < n; i++)
    {
      if (roll < weights[i])
        return i;
      roll -= weights[i];
    }

  return 0;
}

/* The UTC civil date of a day number since 1970-01-01 (Howard Hinnant's
 * days_from_civil, reversed): no time-zone look-up per row. */
static void
civil_from_days (gint64  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int m = (int) (mp < 10 ? mp + 3 : mp - 9);

  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = m;
  *year = (int) (yoe + era * 400 + (m <= 2));
}

void
demo_format_date (gint64 at,
                  char   buf[16])
{
  int year, month, day;

  civil_from_days (at >= 0 ? at / DEMO_DAY : (at - DEMO_DAY + 1) / DEMO_DAY, &year, &month, &day);
  g_snprintf (buf, 16, "%04d-%02d-%02d", year, month, day);
}

/* How busy each month is, January first. */
static const double month_weight[12] = {
  0.90, 1.00, 1.15, 1.10, 1.05, 0.95, 0.80, 0.60, 1.10, 1.20, 1.15, 0.70,
};

static double
busy_weight (Demo   *demo,
             gint64  at)
{
  gint64 days = at / DEMO_DAY;
  double progress = CLAMP ((double) (at - demo->start) / DEMO_SPAN, 0.0, 1.0);
  int weekday = (int) ((days + 4) % 7);   /* 1970-01-01 was a Thursday; 0 is Sunday */
  int year, month, day;

  civil_from_days (days, &year, &month, &day);

  return (1.0 + GROWTH * progress) / (1.0 + GROWTH) * month_weight[month - 1] / 1.2 *
         (weekday == 0 || weekday == 6 ? 0.25 : 1.0);
}

gint64
demo_random_time (Demo   *demo,
                  gint64  from,
                  gint64  to)
{
  gint64 at = from;

  if (to <= from)
    return from;

  /* Rejection sampling: about two tries a moment. */
  for (int tries = 0; tries < 32; tries++)
    {
      at = from + (gint64) (g_rand_double (demo->rand) * (double) (to - from));
      if (g_rand_double (demo->rand) < busy_weight (demo, at))
        break;
    }

  /* Most of it between 08:00 and 18:00. */
  if (g_rand_int_range (demo->rand, 0, 100) < 85)
    {
      gint64 office = at - at % DEMO_DAY + 8 * 3600 + g_rand_int_range (demo->rand, 0, 10 * 3600);

      if (office >= from && office < to)
        at = office;
    }

  return at;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

gint64 *
demo_random_times (Demo   *demo,
                   guint   n,
                   gint64  from,
                   gint64  to)
{
  gint64 *times = g_new (gint64, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    times[i] = demo_random_time (demo, from, to);
  qsort (times, n, sizeof *times, compare_gint64);

  return times;
}

guint
demo_pick_owner (Demo   *demo,
                 gint64  at)
{
  int weights[G_N_ELEMENTS (demo_owners)];

  for (guint i = 0; i < G_N_ELEMENTS (demo_owners); i++)
    {
      gint64 joined = demo->now - demo_owners[i].joined_months_ago * 30 * DEMO_DAY;

      weights[i] = demo_owners[i].joined_months_ago == 0 || at >= joined ? demo_owners[i].share : 0;
    }

  return demo_pick_weighted (demo, weights, G_N_ELEMENTS (weights));
}

/* Statements */

static void
demo_statements_clear (DemoStatements *s)
{
  g_clear_pointer (&s->org, sqlite3_finalize);
  g_clear_pointer (&s->contact, sqlite3_finalize);
  g_clear_pointer (&s->deal, sqlite3_finalize);
  g_clear_pointer (&s->history, sqlite3_finalize);
  g_clear_pointer (&s->activity, sqlite3_finalize);
}

static gboolean
prepare (Demo    *demo,
         GError **error)
{
  sqlite3 *db = rapport_store_get_db (demo->store);
  DemoStatements *s = &demo->s;
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
    return rapport_store_set_error (demo->store, rc, error);

  return TRUE;
}

gboolean
demo_run (Demo          *demo,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return rapport_store_set_error (demo->store, rc, error);

  return TRUE;
}

gboolean
demo_add_activity (Demo                 *demo,
                   RapportActivityKind   kind,
                   const char           *title,
                   gint64                due_at,
                   gint64                done_at,
                   gint64                contact_id,
                   gint64                deal_id,
                   RapportRule           rule,
                   gint64                created_at,
                   GError              **error)
{
  sqlite3_stmt *stmt = demo->s.activity;

  sqlite3_bind_int (stmt, 1, kind);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  if (due_at != 0)
    sqlite3_bind_int64 (stmt, 4, due_at);
  if (done_at != 0)
    sqlite3_bind_int64 (stmt, 5, done_at);
  if (contact_id != 0)
    sqlite3_bind_int64 (stmt, 6, contact_id);
  if (deal_id != 0)
    sqlite3_bind_int64 (stmt, 7, deal_id);
  sqlite3_bind_int (stmt, 8, rule);
  sqlite3_bind_int64 (stmt, 9, created_at);

  return demo_run (demo, stmt, error);
}

/* Organizations: all there before the first contact. */
static gboolean
add_organizations (Demo    *demo,
                   guint    n,
                   GError **error)
{
  sqlite3 *db = rapport_store_get_db (demo->store);

  for (guint i = 0; i < n; i++)
    {
      const char *head = PICK (demo->rand, demo_company_heads);
      const char *tail = PICK (demo->rand, company_tails);
      g_autofree char *name = i < G_N_ELEMENTS (demo_company_heads) * G_N_ELEMENTS (company_tails)
        ? g_strdup_printf ("%s %s", head, tail)
        : g_strdup_printf ("%s %s %u", head, tail, i / 100 + 1);
      g_autofree char *lower_head = g_ascii_strdown (head, -1);
      g_autofree char *site = g_strdup_printf ("https://%s.example", lower_head);
      g_autofree char *phone = g_strdup_printf ("+1 555 %03d %04d", g_rand_int_range (demo->rand, 100, 999),
                                                g_rand_int_range (demo->rand, 0, 9999));
      gint64 id;

      g_strdelimit (site, " ", '-');
      sqlite3_bind_text (demo->s.org, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (demo->s.org, 2, site, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (demo->s.org, 3, phone, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (demo->s.org, 4, demo->start - g_rand_int_range (demo->rand, 30, 400) * DEMO_DAY);
      if (!demo_run (demo, demo->s.org, error))
        return FALSE;

      id = sqlite3_last_insert_rowid (db);
      g_array_append_val (demo->organizations, id);
    }

  return TRUE;
}

/* Seconds from a lead's arrival to the first contact, or -1 for never.
 * Most are reached within the hour, and more of them as the team gets
 * better at it over the two years; the others wait hours or days. */
static gint64
lead_delay (Demo   *demo,
            guint   owner,
            gint64  arrived_at)
{
  double progress = CLAMP ((double) (arrived_at - demo->start) / DEMO_SPAN, 0.0, 1.0);
  double within = CLAMP ((0.50 + 0.22 * progress) * demo_owners[owner].speed, 0.2, 0.92);
  int roll = g_rand_int_range (demo->rand, 0, 100);
  GRand *rand = demo->rand;

  /* Recent ones are more often still waiting; a few old ones were
   * never reached at all. */
  if (g_rand_int_range (rand, 0, 1000) < (demo->now - arrived_at < 3 * DEMO_DAY ? 150 : 15))
    return -1;

  if (g_rand_double (rand) < within)
    return roll < 30 ? g_rand_int_range (rand, 40, 5 * 60)
         : roll < 65 ? g_rand_int_range (rand, 5 * 60, 15 * 60)
         : g_rand_int_range (rand, 15 * 60, 60 * 60);

  return roll < 50 ? g_rand_int_range (rand, 60 * 60, 4 * 3600)
       : roll < 85 ? g_rand_int_range (rand, 4 * 3600, 24 * 3600)
       : g_rand_int_range (rand, DEMO_DAY, 3 * DEMO_DAY);
}

/* A lead gets the speed-to-lead follow-up, as rapport_store_add_contact
 * gives it, closed by the call that first reached them, if any. */
static gboolean
add_lead_followup (Demo        *demo,
                   gint64       contact_id,
                   const char  *name,
                   gint64       created_at,
                   gint64       first_contacted_at,
                   GError     **error)
{
  g_autofree char *title = g_strdup_printf (_("Contact %s"), name);

  if (!demo_add_activity (demo, RAPPORT_ACTIVITY_FOLLOWUP, title, created_at + demo->lead_minutes * 60,
                          first_contacted_at, contact_id, 0, RAPPORT_RULE_SPEED_TO_LEAD, created_at, error))
    return FALSE;
  if (first_contacted_at == 0)
    return TRUE;

  return demo_add_activity (demo, RAPPORT_ACTIVITY_CALL, _("Call"), 0, first_contacted_at, contact_id, 0,
                            RAPPORT_RULE_NONE, first_contacted_at, error);
}

static gboolean
add_contact (Demo    *demo,
             guint    i,
             gint64   created_at,
             GError **error)
{
  int lead_weights[N_SOURCES], other_weights[N_SOURCES];
  const char *first = PICK (demo->rand, first_names);
  const char *last = PICK (demo->rand, last_names);
  g_autofree char *name = g_strdup_printf ("%s %s", first, last);
  g_autofree char *email = g_strdup_printf ("%s.%s%u@example.com", first, last, i);
  g_autofree char *phone = g_strdup_printf ("+1 555 %03d %04d", g_rand_int_range (demo->rand, 100, 999),
                                            g_rand_int_range (demo->rand, 0, 9999));
  GArray *orgs = demo->organizations;
  DemoContact contact = { 0, };
  gboolean lead = g_rand_int_range (demo->rand, 0, 100) < LEAD_PERCENT;
  gint64 delay, first_contact = 0;

  for (guint j = 0; j < N_SOURCES; j++)
    {
      lead_weights[j] = demo_sources[j].lead_weight;
      other_weights[j] = demo_sources[j].other_weight;
    }

  contact.created_at = created_at;
  contact.organization_id = orgs->len > 0 ? g_array_index (orgs, gint64, g_rand_int_range (demo->rand, 0, orgs->len)) : 0;
  contact.owner = demo_pick_owner (demo, created_at);
  contact.source = demo_pick_weighted (demo, lead ? lead_weights : other_weights, N_SOURCES);

  /* The others were met in person or on the phone, and entered then. */
  delay = lead ? lead_delay (demo, contact.owner, created_at) : g_rand_int_range (demo->rand, 0, 2 * 3600);
  if (delay >= 0 && created_at + delay < demo->now)
    first_contact = created_at + delay;

  g_strdelimit (email, " ", '.');
  sqlite3_bind_text (demo->s.contact, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (demo->s.contact, 2, g_ascii_strdown (email, -1), -1, g_free);
  sqlite3_bind_text (demo->s.contact, 3, phone, -1, SQLITE_TRANSIENT);
  if (contact.organization_id != 0)
    sqlite3_bind_int64 (demo->s.contact, 4, contact.organization_id);
  /* A lead of the last month who has no deal yet is still a lead; the
   * deals make their contacts customers afterwards (fill_demo). */
  sqlite3_bind_int (demo->s.contact, 5, lead && demo->now - created_at < 30 * DEMO_DAY
                                        ? RAPPORT_LIFECYCLE_LEAD : RAPPORT_LIFECYCLE_CONTACT);
  sqlite3_bind_text (demo->s.contact, 6, demo_sources[contact.source].name, -1, SQLITE_STATIC);
  sqlite3_bind_text (demo->s.contact, 7, demo_owners[contact.owner].name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (demo->s.contact, 8, created_at);
  if (first_contact != 0)
    sqlite3_bind_int64 (demo->s.contact, 9, first_contact);
  if (!demo_run (demo, demo->s.contact, error))
    return FALSE;

  contact.id = sqlite3_last_insert_rowid (rapport_store_get_db (demo->store));
  g_array_append_val (demo->contacts, contact);

  return !lead || add_lead_followup (demo, contact.id, name, created_at, first_contact, error);
}

/* Contacts arrive over the two years and the month before, oldest first,
 * so ids follow arrival as they do in a real file. */
static gboolean
add_contacts (Demo    *demo,
              guint    n,
              GError **error)
{
  g_autofree gint64 *times = demo_random_times (demo, n, demo->start - 30 * DEMO_DAY, demo->now - 60);

  for (guint i = 0; i < n; i++)
    if (!add_contact (demo, i, times[i], error))
      return FALSE;

  return TRUE;
}

static GArray *
current_stages (RapportStore *self)
{
  g_autoptr(RapportPipeline) pipeline = rapport_store_get_current_pipeline (self);
  GArray *stages = g_array_new (FALSE, FALSE, sizeof (DemoStage));
  GListModel *list;

  if (pipeline == NULL)
    return stages;

  list = rapport_store_get_stages (self, pipeline);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (list, i);
      DemoStage s = { rapport_record_get_id (RAPPORT_RECORD (stage)), rapport_stage_get_rotting_days (stage) };

      g_array_append_val (stages, s);
    }

  return stages;
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

  /* The contacts' one e-mail and phone are their lists too. */
  return exec_all (self, rapport_schema_fill_contact_lists, error);
}

/* What the deals made of their contacts: a contact with a won deal is a
 * customer, one with any deal no longer a lead. */
static const char lifecycles_sql[] =
  "UPDATE temp.demo_contact SET lifecycle = 2"
  "  WHERE id IN (SELECT contact_id FROM temp.demo_deal WHERE status = 1);"
  "UPDATE temp.demo_contact SET lifecycle = 1"
  "  WHERE lifecycle = 0 AND id IN (SELECT contact_id FROM temp.demo_deal);";

/* The secondary indexes of the tables the fill writes, but the ones the
 * contact-dates and deal-dates triggers search by (activity_by_contact,
 * activity_by_deal): with them out of
 * the way for the copy and made again from their own definitions at its
 * end, in the same transaction, each index is one sorted build instead of
 * a B-tree insert per row. Worth it only when the fill brings more rows
 * than the file has. */
static const char indexes_sql[] =
  "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
  " AND tbl_name IN ('organization', 'contact', 'deal', 'stage_change', 'activity')"
  " AND name NOT IN ('activity_by_contact', 'activity_by_deal')";

static gboolean
drop_indexes (RapportStore  *self,
              GPtrArray     *definitions,
              GError       **error)
{
  sqlite3 *db = rapport_store_get_db (self);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, indexes_sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    return rapport_store_set_error (self, rc, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (definitions, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return rapport_store_set_error (self, rc, error);

  for (guint i = 0; i < names->len; i++)
    {
      /* Names from the schema, quoted: no text from outside. */
      char *sql = sqlite3_mprintf ("DROP INDEX \"%w\"", (const char *) names->pdata[i]);
      gboolean ok = exec_all (self, sql, error);

      sqlite3_free (sql);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static gboolean
make_indexes (RapportStore  *self,
              GPtrArray     *definitions,
              GError       **error)
{
  for (guint i = 0; i < definitions->len; i++)
    if (!exec_all (self, definitions->pdata[i], error))
      return FALSE;

  return TRUE;
}

static gboolean
fill (Demo    *demo,
      guint    n_deals,
      guint    n_contacts,
      GError **error)
{
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);
  gboolean bulk;

  if (!stage_tables (demo->store, error) || !prepare (demo, error))
    return FALSE;
  /* The staging tables' first rows hold the main tables' highest ids. */
  bulk = n_contacts + n_deals > 1000 &&
         rapport_store_step_int64 (demo->store,
                                   rapport_store_stmt_sql (demo->store,
                                                           "SELECT (SELECT coalesce(max(id), 0) FROM main.contact)"
                                                           " + (SELECT coalesce(max(id), 0) FROM main.deal)"), 0)
         < n_contacts + n_deals;

  return add_organizations (demo, MAX (n_contacts / 8, 1), error) &&
         add_contacts (demo, n_contacts, error) &&
         demo_add_deals (demo, n_deals, error) &&
         exec_all (demo->store, lifecycles_sql, error) &&
         (!bulk || drop_indexes (demo->store, indexes, error)) &&
         unstage_tables (demo->store, error) &&
         make_indexes (demo->store, indexes, error);
}

gboolean
rapport_store_fill_demo (RapportStore  *self,
                         guint          n_deals,
                         guint          n_contacts,
                         guint32        seed,
                         GError       **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GArray) stages = NULL;
  g_autoptr(GArray) organizations = NULL;
  g_autoptr(GArray) contacts = NULL;
  Demo demo = { NULL, };
  gint64 old_cache_size;
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  stages = current_stages (self);
  if (stages->len == 0)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The current pipeline has no stages to put demo deals in"));
      return FALSE;
    }

  rand = g_rand_new_with_seed (seed);
  organizations = g_array_new (FALSE, FALSE, sizeof (gint64));
  contacts = g_array_sized_new (FALSE, FALSE, sizeof (DemoContact), n_contacts);
  demo.store = self;
  demo.rand = rand;
  demo.now = rapport_store_now (self);
  demo.start = demo.now - DEMO_SPAN;
  demo.lead_minutes = rapport_store_get_speed_to_lead_minutes (self);
  demo.stages = stages;
  demo.organizations = organizations;
  demo.contacts = contacts;

  /* One transaction of a few hundred MB: with SQLite's usual 2 MB of
   * cache it would spill pages to the -wal and read them back all along.
   * Memory is given back when the fill ends. */
  old_cache_size = rapport_store_get_cache_size (self);
  rapport_store_set_cache_size (self, -512 * 1024);

  if (!rapport_store_begin (self, error))
    {
      rapport_store_set_cache_size (self, old_cache_size);
      return FALSE;
    }
  ok = fill (&demo, n_deals, n_contacts, error);
  demo_statements_clear (&demo.s);
  if (!ok)
    rapport_store_rollback (self);
  else
    ok = rapport_store_commit (self, error);
  rapport_store_set_cache_size (self, old_cache_size);
  if (!ok)
    return FALSE;

  rapport_store_notify (self, RAPPORT_ENTITY_ORGANIZATION, RAPPORT_CHANGE_RELOAD, 0);
  rapport_store_notify (self, RAPPORT_ENTITY_CONTACT, RAPPORT_CHANGE_RELOAD, 0);
  rapport_store_notify (self, RAPPORT_ENTITY_DEAL, RAPPORT_CHANGE_RELOAD, 0);
  rapport_store_notify (self, RAPPORT_ENTITY_ACTIVITY, RAPPORT_CHANGE_RELOAD, 0);

  return TRUE;
}
