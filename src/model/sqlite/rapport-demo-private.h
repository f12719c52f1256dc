/* rapport-demo-private.h — what the two halves of the demo fill share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rapport-demo.c makes the people (organizations, contacts, leads and how
 * fast they were answered) and runs the fill; rapport-demo-deals.c makes
 * two years of deals going through the pipeline, with their history and
 * the activities along the way.
 */

#pragma once

#include "rapport-sqlite-private.h"

G_BEGIN_DECLS

#define DEMO_DAY ((gint64) 24 * 60 * 60)
/* How far back the history goes. */
#define DEMO_SPAN (730 * DEMO_DAY)

typedef struct
{
  sqlite3_stmt *org;
  sqlite3_stmt *contact;
  sqlite3_stmt *deal;
  sqlite3_stmt *history;
  sqlite3_stmt *activity;
} DemoStatements;

/* A stage of the current pipeline, in position order. */
typedef struct
{
  gint64 id;
  int    rotting_days;
} DemoStage;

/* A contact as the deals need it. Contacts are made oldest first, so an
 * array of them is sorted by created_at. */
typedef struct
{
  gint64 id;
  gint64 organization_id;      /* 0 for none */
  gint64 created_at;
  guint8 owner;                /* index into demo_owners */
  guint8 source;               /* index into demo_sources */
} DemoContact;

/* A salesperson: how much new business they get, how well they close
 * (a factor on the win rate) and how fast they answer a new lead (a
 * factor on the share answered within the hour). */
typedef struct
{
  const char *name;
  int         share;
  double      skill;
  double      speed;
  int         joined_months_ago;   /* 0: there all along */
} DemoOwner;

/* Where a contact came from; leads (who get the speed-to-lead follow-up)
 * and the others come from different places, and close differently. */
typedef struct
{
  const char *name;
  int         lead_weight;
  int         other_weight;
  double      win_factor;
} DemoSource;

extern const char * const demo_company_heads[];
extern const guint      demo_n_company_heads;
extern const DemoOwner  demo_owners[];
extern const guint      demo_n_owners;
extern const DemoSource demo_sources[];

typedef struct
{
  RapportStore   *store;
  GRand          *rand;
  DemoStatements  s;
  gint64          now;
  gint64          start;           /* now - DEMO_SPAN */
  int             lead_minutes;    /* the speed-to-lead time */
  GArray         *stages;          /* DemoStage */
  GArray         *organizations;   /* gint64 */
  GArray         *contacts;        /* DemoContact, oldest first */
} Demo;

/* Picks an index of @weights (non-negative, not all 0) with a chance in
 * proportion to its weight. */
guint    demo_pick_weighted  (Demo        *demo,
                              const int   *weights,
                              guint        n);
/* A moment in [@from, @to): the business grows over the two years, is
 * slow in August and December and at weekends, and happens mostly in
 * office hours (UTC). */
gint64   demo_random_time    (Demo        *demo,
                              gint64       from,
                              gint64       to);
/* @n such moments in [@from, @to), oldest first (g_free). */
gint64  *demo_random_times   (Demo        *demo,
                              guint        n,
                              gint64       from,
                              gint64       to);
/* A salesperson who was with the team at @at. */
guint    demo_pick_owner     (Demo        *demo,
                              gint64       at);
/* @at's UTC date as YYYY-MM-DD in @buf. */
void     demo_format_date    (gint64       at,
                              char         buf[16]);
/* Steps @stmt once and resets it; FALSE with @error set on failure. */
gboolean demo_run            (Demo        *demo,
                              sqlite3_stmt *stmt,
                              GError      **error);
/* A done (or, with @done_at 0, pending) activity. */
gboolean demo_add_activity   (Demo        *demo,
                              RapportActivityKind kind,
                              const char  *title,
                              gint64       due_at,
                              gint64       done_at,
                              gint64       contact_id,
                              gint64       deal_id,
                              RapportRule  rule,
                              gint64       created_at,
                              GError     **error);

/* rapport-demo-deals.c */
gboolean demo_add_deals      (Demo        *demo,
                              guint        n,
                              GError     **error);

G_END_DECLS
