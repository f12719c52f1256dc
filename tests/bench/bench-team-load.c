/* bench-team-load.c — ten desktops busy at once, then in step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rapport-bench-team-load SECONDS ADMIN-CONNINFO FILE:PASSWORD…: each
 * file a desktop of one team (build-aux/bench-team joins them), each on a
 * thread of its own with one link to the server, as the app holds it.
 * For SECONDS every desktop makes five changes a second (a new deal of
 * its own now and then, else a new value for one of its deals), pushes
 * after each and pulls whenever the server tells of another's. Then they
 * stop, sync until nothing moves, and every file is checked: every deal
 * any desktop made is in every file, with the last value its maker set.
 * Figures: changes made and taken by the server, pushes' median and p95,
 * the time to converge, and the connections the server saw (its own
 * count, sampled every second).
 */

#include "config.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-support.h"
#include "rapport-store-change-log.h"
#include "rapport-sync.h"

#define CHANGES_PER_S 5

typedef struct
{
  char        *path;
  char        *password;
  guint        index;
  gint64       deadline;
  GHashTable  *last_values;   /* deal uid → the value last set here */
  GArray      *push_ms;
  guint        made;
  guint        refused;
} Desktop;

static char *
deal_uid (RapportStore *store,
          RapportDeal  *deal)
{
  return rapport_store_get_uid (store, RAPPORT_ENTITY_DEAL, rapport_record_get_id (RAPPORT_RECORD (deal)));
}

/* One change: a deal of our own, new or with a new value. */
static void
make_change (Desktop      *desktop,
             RapportStore *store,
             GPtrArray    *own,
             GRand        *rand)
{
  g_autoptr(GError) error = NULL;
  gint64 value = g_rand_int_range (rand, 1, 1000000) * 100;

  if (own->len < 5 || g_rand_int_range (rand, 0, 10) == 0)
    {
      g_autofree char *title = g_strdup_printf ("Desktop %u deal %u", desktop->index, own->len + 1);
      RapportDealFields fields = { .title = title, .value = value };
      RapportDeal *deal = rapport_store_add_deal (store, &fields, &error);

      g_assert_no_error (error);
      g_ptr_array_add (own, deal);
      g_hash_table_insert (desktop->last_values, deal_uid (store, deal), g_memdup2 (&value, sizeof value));
    }
  else
    {
      RapportDeal *deal = own->pdata[g_rand_int_range (rand, 0, own->len)];
      GValue v = G_VALUE_INIT;

      g_value_init (&v, G_TYPE_INT64);
      g_value_set_int64 (&v, value);
      if (!rapport_store_update (store, RAPPORT_RECORD (deal), "value", &v, &error))
        g_error ("%s", error->message);
      g_hash_table_insert (desktop->last_values, deal_uid (store, deal), g_memdup2 (&value, sizeof value));
    }
  desktop->made++;
}

static void
sync_once (Desktop         *desktop,
           RapportSyncLink *link,
           RapportStore    *store,
           guint           *moved)
{
  g_autoptr(GError) error = NULL;
  g_auto(RapportSyncResult) result = { 0 };
  gint64 start = g_get_monotonic_time ();
  double ms;

  if (!rapport_sync_link_run (link, store, &result, &error))
    g_error ("desktop %u: %s", desktop->index, error->message);
  ms = bench_ms_since (start);
  if (result.pushed > 0)
    g_array_append_val (desktop->push_ms, ms);
  if (result.refused != NULL)
    desktop->refused++;
  if (moved != NULL)
    *moved = result.pushed + result.pulled;
}

static gpointer
desktop_run (gpointer data)
{
  Desktop *desktop = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_new (desktop->path, &error);
  g_autoptr(RapportSyncLink) link = NULL;
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (desktop->index + 1);
  gint64 next = g_get_monotonic_time ();

  g_assert_no_error (error);
  link = rapport_sync_link_open (store, desktop->password, &error);
  g_assert_no_error (error);

  while (g_get_monotonic_time () < desktop->deadline)
    {
      GPollFD fd = { rapport_sync_link_get_socket (link), G_IO_IN, 0 };
      gint64 wait_ms = MAX (0, (next - g_get_monotonic_time ()) / 1000);
      gboolean news = FALSE;

      if (g_poll (&fd, 1, (int) wait_ms) > 0)
        {
          if (!rapport_sync_link_read_news (link, &news, &error))
            g_error ("desktop %u: %s", desktop->index, error->message);
          if (news)
            sync_once (desktop, link, store, NULL);
          continue;
        }
      make_change (desktop, store, own, rand);
      sync_once (desktop, link, store, NULL);
      next += G_USEC_PER_SEC / CHANGES_PER_S;
    }
  return NULL;
}

/* After the busy part: each desktop syncs until a round moves nothing. */
static gdouble
converge (Desktop *desktops,
          guint    n)
{
  gint64 start = g_get_monotonic_time ();
  guint moved = 1;

  while (moved > 0)
    {
      moved = 0;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(RapportStore) store = rapport_store_new (desktops[i].path, &error);
          g_autoptr(RapportSyncLink) link = rapport_sync_link_open (store, desktops[i].password, &error);
          guint here = 0;

          g_assert_no_error (error);
          sync_once (&desktops[i], link, store, &here);
          moved += here;
        }
    }
  return bench_ms_since (start);
}

/* Every deal any desktop made, with its maker's last value, in @path. */
static guint
check_file (const char *path,
            Desktop    *desktops,
            guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_new (path, &error);
  guint wrong = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      GHashTableIter iter;
      gpointer uid, value;

      g_hash_table_iter_init (&iter, desktops[i].last_values);
      while (g_hash_table_iter_next (&iter, &uid, &value))
        {
          gint64 id = rapport_store_id_of_uid (store, RAPPORT_ENTITY_DEAL, uid);
          g_autoptr(RapportDeal) deal = id > 0 ? rapport_store_get_deal (store, id, NULL) : NULL;

          if (deal == NULL || rapport_deal_get_value (deal) != *(gint64 *) value)
            wrong++;
        }
    }
  return wrong;
}

static gint64
server_count (PGconn     *admin,
              const char *sql)
{
  PGresult *result = PQexec (admin, sql);
  gint64 n = PQresultStatus (result) == PGRES_TUPLES_OK ? g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) : -1;

  PQclear (result);
  return n;
}

int
main (int    argc,
      char **argv)
{
  guint n = (guint) MAX (0, argc - 3);
  g_autofree Desktop *desktops = g_new0 (Desktop, MAX (n, 1));
  g_autofree GThread **threads = g_new0 (GThread *, MAX (n, 1));
  g_autoptr(GArray) push_ms = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 seconds;
  gint64 max_connections = 0;
  guint made = 0, refused = 0, wrong = 0;
  gint64 before;
  double converge_ms;
  PGconn *admin;

  if (n == 0)
    {
      g_printerr ("usage: %s SECONDS ADMIN-CONNINFO FILE:PASSWORD…\n", argv[0]);
      return 2;
    }
  seconds = g_ascii_strtoll (argv[1], NULL, 10);
  admin = PQconnectdb (argv[2]);
  g_assert_cmpint (PQstatus (admin), ==, CONNECTION_OK);
  before = server_count (admin, "SELECT count(*) FROM rapport.change");

  for (guint i = 0; i < n; i++)
    {
      const char *colon = strrchr (argv[3 + i], ':');

      desktops[i].path = g_strndup (argv[3 + i], colon - argv[3 + i]);
      desktops[i].password = g_strdup (colon + 1);
      desktops[i].index = i;
      desktops[i].deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
      desktops[i].last_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      desktops[i].push_ms = g_array_new (FALSE, FALSE, sizeof (double));
      threads[i] = g_thread_new ("desktop", desktop_run, &desktops[i]);
    }
  for (gint64 s = 0; s < seconds; s++)
    {
      g_usleep (G_USEC_PER_SEC);
      max_connections = MAX (max_connections,
                             server_count (admin, "SELECT count(*) FROM pg_stat_activity"
                                                  " WHERE datname = current_database() AND pid <> pg_backend_pid()"));
    }
  for (guint i = 0; i < n; i++)
    g_thread_join (threads[i]);

  converge_ms = converge (desktops, n);
  for (guint i = 0; i < n; i++)
    {
      made += desktops[i].made;
      refused += desktops[i].refused;
      g_array_append_vals (push_ms, desktops[i].push_ms->data, desktops[i].push_ms->len);
    }
  for (guint i = 0; i < n; i++)
    wrong += check_file (desktops[i].path, desktops, n);

  printf ("%u desktops, %d changes a second each, for %" G_GINT64_FORMAT " s:\n", n, CHANGES_PER_S, seconds);
  /* A deal's first change is two rows of the log: the deal and its
   * first stage-history entry. */
  printf ("  %u changes made, %" G_GINT64_FORMAT " rows added to the server's log, %u refused\n",
          made, server_count (admin, "SELECT count(*) FROM rapport.change") - before, refused);
  printf ("  a push with its pull: median %.0f ms, p95 %.0f ms (%u syncs)\n",
          bench_percentile (push_ms, 50), bench_percentile (push_ms, 95), push_ms->len);
  printf ("  converged %.0f ms after the last change; deals missing or with another value, over all files: %u\n",
          converge_ms, wrong);
  printf ("  connections to the team's database: at most %" G_GINT64_FORMAT " at once (%.1f per desktop; PostgreSQL allows 100)\n",
          max_connections, (double) max_connections / n);

  for (guint i = 0; i < n; i++)
    {
      g_free (desktops[i].path);
      g_free (desktops[i].password);
      g_hash_table_unref (desktops[i].last_values);
      g_array_unref (desktops[i].push_ms);
    }
  PQfinish (admin);
  return wrong == 0 ? 0 : 1;
}
