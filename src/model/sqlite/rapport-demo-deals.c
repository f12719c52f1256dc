/* rapport-demo-deals.c — two years of deals for the demo fill
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each deal lives its life through the current pipeline from the day it
 * was created: days to weeks in each stage (about half the stage's rotting
 * time, with a long tail past it), a chance at each stage of being lost
 * there (higher early on), won after the last one. Where "now" cuts that
 * life short the deal is still open, so old deals are closed and the open
 * ones are mostly recent, plus a few that stalled and are rotting. Every
 * move is a row of stage_change, as the store writes it; calls, emails
 * and meetings are spread over each deal's life; and customers who won a
 * deal buy again later.
 *
 * Win rates differ by salesperson, by where the contact came from, and
 * for repeat customers, and improve a little over the two years.
 */

#define G_LOG_DOMAIN "rapport-demo"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rapport-demo-private.h"

#define RANK_GAP ((gint64) 1 << 20)
/* Stage moves and the close of one deal, at most. */
#define MAX_EVENTS 32
/* Of the deals that could be, the share that are a customer buying again. */
#define REPEAT_PERCENT 18
/* Deals that stall in a stage (a random one ahead) and go nowhere. */
#define STALL_PERCENT 10
/* A deal that passes every stage is won this often, before the factors. */
#define BASE_WIN_RATE 0.27

static const char * const deal_kinds[] = {
  "renewal", "pilot", "expansion", "annual licence", "onboarding package", "support contract",
  "50 seats", "200 seats", "migration project", "enterprise plan", "training days", "upgrade",
};

static const char * const repeat_kinds[] = {
  "renewal", "expansion", "upgrade", "support contract", "200 seats", "training days",
};

/* Early in the pipeline deals die of budget, timing and silence; late,
 * of price and competitors. */
static const char * const lost_reasons[] = {
  "Price too high", "Chose a competitor", "No budget", "No decision", "Timing",
  "Missing features", "Went silent", "Project cancelled",
};
static const int early_loss_weights[G_N_ELEMENTS (lost_reasons)] = { 7, 8, 25, 15, 20, 5, 20, 5 };
static const int late_loss_weights[G_N_ELEMENTS (lost_reasons)] = { 30, 28, 5, 15, 7, 10, 0, 5 };
/* What a stalled deal is given up with. */
static const int stalled_loss_weights[G_N_ELEMENTS (lost_reasons)] = { 0, 0, 0, 60, 10, 0, 30, 0 };

/* Calls, emails and meetings, by RapportActivityKind. */
static const int activity_weights[] = { 35, 45, 20 };

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

typedef struct
{
  guint  from;               /* stage index, or G_MAXUINT for the creation */
  guint  to;
  int    to_status;          /* RapportDealStatus; from is always open here */
  gint64 at;
} Event;

/* One deal's life: what happened, and where it is now. */
typedef struct
{
  gint64             created_at;
  guint              stage;          /* index into demo->stages */
  RapportDealStatus  status;
  gint64             entered_at;     /* into its stage */
  gint64             closed_at;
  const char        *lost_reason;
  gboolean           stalled;        /* open, and going nowhere */
  guint              n_moves;
  Event              events[MAX_EVENTS];
  guint              n_events;
} Life;

/* A won deal, for customers who buy again. */
typedef struct
{
  guint  contact;            /* index into demo->contacts */
  gint64 closed_at;
  gint64 value;
} Win;

typedef struct
{
  Demo   *demo;
  gint64 *next_rank;         /* per stage */
  GArray *wins;              /* Win, as they were made */
} Deals;

static void
add_event (Life   *life,
           guint   from,
           guint   to,
           int     to_status,
           gint64  at)
{
  if (life->n_events < MAX_EVENTS)
    life->events[life->n_events++] = (Event) { from, to, to_status, at };
}

/* The chance of losing a deal at stage i (once there) is k × (n − i):
 * early stages lose more. This finds k such that a deal going through all
 * n stages is won with @target (bisection: no libm here). */
static double
loss_scale (guint  n,
            double target)
{
  double lo = 0.0, hi = 1.0 / n;

  for (int i = 0; i < 30; i++)
    {
      double k = (lo + hi) / 2, survive = 1.0;

      for (guint stage = 0; stage < n; stage++)
        survive *= 1.0 - k * (n - stage);
      if (survive > target)
        lo = k;
      else
        hi = k;
    }

  return (lo + hi) / 2;
}

/* Time in a stage: about half its rotting time, from a fifth of that to
 * more than twice, and the hours of the day it moved in. */
static gint64
dwell (Demo  *demo,
       guint  stage)
{
  int rotting = g_array_index (demo->stages, DemoStage, stage).rotting_days;
  double mean_days = (rotting > 0 ? rotting : 14) * 0.55;
  double u = g_rand_double (demo->rand);

  return (gint64) (mean_days * (0.2 + 2.4 * u * u * u) * DEMO_DAY) +
         g_rand_int_range (demo->rand, 3600, DEMO_DAY);
}

static void
close_life (Demo              *demo,
            Life              *life,
            guint              stage,
            RapportDealStatus  status,
            gint64             at,
            const int         *loss_weights)
{
  life->status = status;
  life->closed_at = at;
  if (status == RAPPORT_DEAL_STATUS_LOST)
    life->lost_reason = lost_reasons[demo_pick_weighted (demo, loss_weights, G_N_ELEMENTS (lost_reasons))];
  add_event (life, stage, stage, status, at);
}

static void
live (Demo     *demo,
      Life     *life,
      gint64    created_at,
      double    target,
      gboolean  repeat)
{
  GRand *rand = demo->rand;
  guint n = demo->stages->len;
  double k = loss_scale (n, target);
  /* Renewals, and some referrals, start past the first stage. */
  guint pos = n > 2 && g_rand_int_range (rand, 0, 100) < (repeat ? 50 : 8) ? 1 : 0;
  int stall = g_rand_int_range (rand, 0, 100) < STALL_PERCENT ? g_rand_int_range (rand, pos, n) : -1;
  gint64 at = created_at;

  memset (life, 0, sizeof *life);
  life->created_at = created_at;
  life->status = RAPPORT_DEAL_STATUS_OPEN;
  add_event (life, G_MAXUINT, pos, RAPPORT_DEAL_STATUS_OPEN, at);

  while (life->n_events + 2 < MAX_EVENTS)
    {
      gint64 end = at + dwell (demo, pos);
      guint next;

      if ((int) pos == stall)
        {
          /* Nobody moves it; half of those are given up months later. */
          gint64 given_up = at + g_rand_int_range (rand, 90, 240) * DEMO_DAY;

          life->stalled = TRUE;
          if (given_up < demo->now && g_rand_boolean (rand))
            close_life (demo, life, pos, RAPPORT_DEAL_STATUS_LOST, given_up, stalled_loss_weights);
          break;
        }
      if (end >= demo->now)
        break;
      if (g_rand_double (rand) < k * (n - pos))
        {
          gint64 lost_at = at + (gint64) ((end - at) * (0.3 + 0.7 * g_rand_double (rand)));

          close_life (demo, life, pos, RAPPORT_DEAL_STATUS_LOST, lost_at,
                      2 * pos < n ? early_loss_weights : late_loss_weights);
          break;
        }
      /* Won after the last stage, and now and then from the one before. */
      if (pos + 1 == n || (pos + 2 == n && g_rand_int_range (rand, 0, 100) < 5))
        {
          close_life (demo, life, pos, RAPPORT_DEAL_STATUS_WON, end, NULL);
          break;
        }

      next = pos + 1;
      if (next + 1 < n && g_rand_int_range (rand, 0, 100) < 6)
        next++;                      /* skipped a stage */
      else if (pos > 0 && g_rand_int_range (rand, 0, 100) < 3)
        next = pos - 1;              /* back a step */
      add_event (life, pos, next, RAPPORT_DEAL_STATUS_OPEN, end);
      life->n_moves++;
      pos = next;
      at = end;
    }

  life->stage = pos;
  life->entered_at = at;
}

static gint64
stage_id (Demo  *demo,
          guint  index)
{
  return g_array_index (demo->stages, DemoStage, index).id;
}

/* The number of contacts created before @at (they are oldest first). */
static guint
contacts_before (Demo   *demo,
                 gint64  at)
{
  guint lo = 0, hi = demo->contacts->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (demo->contacts, DemoContact, mid).created_at < at)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Mostly someone who arrived in the six weeks before, else anyone known
 * by then; -1 for none. */
static int
pick_contact (Demo   *demo,
              gint64  at)
{
  guint known = contacts_before (demo, at);
  guint recent = contacts_before (demo, at - 45 * DEMO_DAY);

  if (known == 0)
    return -1;
  if (recent < known && g_rand_int_range (demo->rand, 0, 100) < 75)
    return (int) g_rand_int_range (demo->rand, recent, known);

  return (int) g_rand_int_range (demo->rand, 0, known);
}

/* A customer whose win closed at least three weeks before @at. */
static gboolean
pick_repeat (Deals  *deals,
             gint64  at,
             int    *contact,
             gint64 *value)
{
  GArray *wins = deals->wins;

  for (int tries = 0; tries < 4 && wins->len > 0; tries++)
    {
      const Win *win = &g_array_index (wins, Win, g_rand_int_range (deals->demo->rand, 0, wins->len));

      if (win->closed_at + 21 * DEMO_DAY < at)
        {
          *contact = (int) win->contact;
          *value = win->value;
          return TRUE;
        }
    }

  return FALSE;
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

/* A customer buying again spends about what they spent before. */
static gint64
repeat_value (GRand  *rand,
              gint64  before)
{
  gint64 units = (gint64) (before / 100 * g_rand_double_range (rand, 0.6, 1.5)) / 50 * 50;

  return MAX (units, 500) * 100;
}

/* When the deal was meant to close: for a closed one about when it did;
 * for an open one mostly in the coming months (later the earlier its
 * stage), some slipped into the past (most of the stalled ones), a few
 * with no date. FALSE for no date. */
static gboolean
expected_close (Demo       *demo,
                const Life *life,
                char        buf[16])
{
  GRand *rand = demo->rand;
  guint ahead = demo->stages->len - life->stage;
  gint64 at;

  if (life->status != RAPPORT_DEAL_STATUS_OPEN)
    at = life->closed_at + g_rand_int_range (rand, -15, 26) * DEMO_DAY;
  else if (g_rand_int_range (rand, 0, 100) < 4)
    return FALSE;
  else if (g_rand_int_range (rand, 0, 100) < (life->stalled ? 65 : 12))
    at = demo->now - g_rand_int_range (rand, 1, life->stalled ? 90 : 30) * DEMO_DAY;
  else
    at = demo->now + g_rand_int_range (rand, 5, 30 + 25 * ahead) * DEMO_DAY;

  demo_format_date (at, buf);
  return TRUE;
}

static gboolean
insert_deal (Deals       *deals,
             const Life  *life,
             const char  *title,
             gint64       value,
             const DemoContact *contact,
             guint        owner,
             gint64      *id,
             GError     **error)
{
  Demo *demo = deals->demo;
  sqlite3_stmt *stmt = demo->s.deal;
  char close_text[16];
  gint64 updated_at = life->status != RAPPORT_DEAL_STATUS_OPEN ? life->closed_at : life->entered_at;

  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, value);
  sqlite3_bind_text (stmt, 3, rapport_store_get_default_currency (demo->store), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, stage_id (demo, life->stage));
  sqlite3_bind_int64 (stmt, 5, deals->next_rank[life->stage]);
  deals->next_rank[life->stage] += RANK_GAP;
  if (contact != NULL)
    sqlite3_bind_int64 (stmt, 6, contact->id);
  if (contact != NULL && contact->organization_id != 0)
    sqlite3_bind_int64 (stmt, 7, contact->organization_id);
  if (expected_close (demo, life, close_text))
    sqlite3_bind_text (stmt, 8, close_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 9, life->status);
  if (life->status == RAPPORT_DEAL_STATUS_LOST)
    sqlite3_bind_text (stmt, 10, life->lost_reason, -1, SQLITE_STATIC);
  /* BANT answers: a won deal was mostly qualified. */
  for (int b = 0; b < 4; b++)
    sqlite3_bind_int (stmt, 11 + b, life->status == RAPPORT_DEAL_STATUS_WON && g_rand_int_range (demo->rand, 0, 10) < 7
                                    ? RAPPORT_ANSWER_YES : g_rand_int_range (demo->rand, 0, 3));
  sqlite3_bind_text (stmt, 15, demo_owners[owner].name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 16, life->created_at);
  sqlite3_bind_int64 (stmt, 17, updated_at);
  if (life->status != RAPPORT_DEAL_STATUS_OPEN)
    sqlite3_bind_int64 (stmt, 18, life->closed_at);
  sqlite3_bind_int64 (stmt, 19, life->entered_at);
  if (!demo_run (demo, stmt, error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (rapport_store_get_db (demo->store));
  return TRUE;
}

static gboolean
insert_history (Demo        *demo,
                const Life  *life,
                gint64       deal_id,
                GError     **error)
{
  sqlite3_stmt *stmt = demo->s.history;

  for (guint i = 0; i < life->n_events; i++)
    {
      const Event *event = &life->events[i];

      sqlite3_bind_int64 (stmt, 1, deal_id);
      if (event->from != G_MAXUINT)
        sqlite3_bind_int64 (stmt, 2, stage_id (demo, event->from));
      sqlite3_bind_int64 (stmt, 3, stage_id (demo, event->to));
      sqlite3_bind_int (stmt, 4, RAPPORT_DEAL_STATUS_OPEN);
      sqlite3_bind_int (stmt, 5, event->to_status);
      sqlite3_bind_int64 (stmt, 6, event->at);
      if (!demo_run (demo, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Calls, emails and meetings over the deal's life (a stalled one went
 * quiet soon after it stopped), and for one open deal in five a follow-up
 * to do, some overdue. */
static gboolean
add_deal_activities (Demo        *demo,
                     const Life  *life,
                     gint64       deal_id,
                     gint64       contact_id,
                     const char  *title,
                     GError     **error)
{
  static const char * const titles[] = { N_("Call"), N_("Email"), N_("Meeting") };
  GRand *rand = demo->rand;
  gint64 quiet_after = life->entered_at + g_rand_int_range (rand, 0, 6) * DEMO_DAY;
  gint64 end = life->status != RAPPORT_DEAL_STATUS_OPEN ? life->closed_at : demo->now;
  guint n = 1 + life->n_moves + g_rand_int_range (rand, 0, 3);

  if (life->stalled)
    end = MIN (end, quiet_after);

  for (guint i = 0; i < n; i++)
    {
      guint kind = demo_pick_weighted (demo, activity_weights, G_N_ELEMENTS (activity_weights));
      gint64 at = demo_random_time (demo, life->created_at, MAX (end, life->created_at + 1));

      if (!demo_add_activity (demo, kind, _(titles[kind]), 0, at, contact_id, deal_id,
                              RAPPORT_RULE_NONE, at, error))
        return FALSE;
    }

  if (life->status == RAPPORT_DEAL_STATUS_OPEN && g_rand_int_range (rand, 0, 5) == 0)
    {
      g_autofree char *what = g_strdup_printf (_("Follow up on %s"), title);
      gint64 due = life->stalled ? demo->now - g_rand_int_range (rand, DEMO_DAY, 20 * DEMO_DAY)
                                 : demo->now + g_rand_int_range (rand, -5 * DEMO_DAY, 21 * DEMO_DAY);

      if (!demo_add_activity (demo, RAPPORT_ACTIVITY_FOLLOWUP, what, due, 0, contact_id, deal_id,
                              RAPPORT_RULE_NONE, MIN (life->entered_at, demo->now), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_deal (Deals   *deals,
          gint64   created_at,
          GError **error)
{
  Demo *demo = deals->demo;
  GRand *rand = demo->rand;
  double progress = CLAMP ((double) (created_at - demo->start) / DEMO_SPAN, 0.0, 1.0);
  const DemoContact *contact = NULL;
  g_autofree char *title = NULL;
  gint64 value = 0, id;
  int index = -1;
  gboolean repeat = g_rand_int_range (rand, 0, 100) < REPEAT_PERCENT &&
                    pick_repeat (deals, created_at, &index, &value);
  double target;
  guint owner;
  Life life;

  if (!repeat)
    {
      index = pick_contact (demo, created_at);
      value = random_value (rand);
    }
  else
    value = repeat_value (rand, value);
  if (index >= 0)
    contact = &g_array_index (demo->contacts, DemoContact, index);

  /* Mostly the contact's own salesperson. */
  owner = contact != NULL && (repeat || g_rand_int_range (rand, 0, 10) > 0)
    ? contact->owner : demo_pick_owner (demo, created_at);
  target = BASE_WIN_RATE * demo_owners[owner].skill * (0.9 + 0.2 * progress) *
           (contact != NULL ? demo_sources[contact->source].win_factor : 1.0) * (repeat ? 1.7 : 1.0);
  live (demo, &life, created_at, CLAMP (target, 0.03, 0.85), repeat);

  title = g_strdup_printf ("%s %s", demo_company_heads[g_rand_int_range (rand, 0, demo_n_company_heads)],
                           repeat ? PICK (rand, repeat_kinds) : PICK (rand, deal_kinds));
  if (!insert_deal (deals, &life, title, value, contact, owner, &id, error) ||
      !insert_history (demo, &life, id, error) ||
      !add_deal_activities (demo, &life, id, contact ? contact->id : 0, title, error))
    return FALSE;

  if (life.status == RAPPORT_DEAL_STATUS_WON && index >= 0)
    g_array_append_val (deals->wins, ((Win) { (guint) index, life.closed_at, value }));

  return TRUE;
}

gboolean
demo_add_deals (Demo    *demo,
                guint    n,
                GError **error)
{
  g_autofree gint64 *times = demo_random_times (demo, n, demo->start, demo->now - 3600);
  g_autofree gint64 *next_rank = g_new0 (gint64, demo->stages->len);
  g_autoptr(GArray) wins = g_array_new (FALSE, FALSE, sizeof (Win));
  Deals deals = { demo, next_rank, wins };

  /* Oldest first, as they were made: a customer buys again only after
   * an earlier win. */
  for (guint i = 0; i < n; i++)
    if (!add_deal (&deals, times[i], error))
      return FALSE;

  return TRUE;
}
