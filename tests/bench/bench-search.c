/* bench-search.c — global search and the contacts filter, keystroke by
 * keystroke, against a floor measured in the same run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it prints numbers for people to read, and asserts nothing.
 * Usage: rapport-bench-search [DATABASE]. Without DATABASE, or when it does
 * not exist yet, a database of 100 000 deals and 200 000 contacts is made
 * (about ten seconds); an existing one is reused as it is.
 *
 * Typing is simulated: for twenty contacts taken from the database, every
 * prefix of their full name and of their surname, from one character to
 * the whole, is searched as the app does on each keystroke. The floor is
 * the same number of bare SQLite primary-key look-ups on the same file:
 * what any query costs on this machine before doing any work.
 */

#include "config.h"

#include "bench-support.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "rapport-store.h"

#define N_DEALS       100000
#define N_CONTACTS    200000
#define N_PICKED      20
#define SEARCH_LIMIT  10
#define TARGET_P95_MS 10.0

typedef struct
{
  gint64  id;
  char   *name;
  char   *surname;
} Picked;

static void
print_machine (void)
{
  g_autofree char *cpuinfo = NULL;
  const char *model = "unknown";
  g_auto(GStrv) lines = NULL;

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    {
      lines = g_strsplit (cpuinfo, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_has_prefix (lines[i], "model name"))
          {
            const char *colon = strchr (lines[i], ':');

            if (colon != NULL)
              model = g_strstrip ((char *) colon + 1);
            break;
          }
    }

  printf ("machine: %u processors (nproc), %s\n", g_get_num_processors (), model);
  printf ("SQLite %s, GLib %u.%u.%u\n", sqlite3_libversion (),
          glib_major_version, glib_minor_version, glib_micro_version);
}

static RapportStore *
open_store (const char *path)
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean existed = g_file_test (path, G_FILE_TEST_EXISTS);
  gint64 start;

  store = rapport_store_new (path, &error);
  if (store == NULL)
    g_error ("Could not open %s: %s", path, error->message);

  if (!existed)
    {
      printf ("filling %s with %d deals and %d contacts…\n", path, N_DEALS, N_CONTACTS);
      fflush (stdout);
      start = g_get_monotonic_time ();
      if (!rapport_store_fill_demo (store, N_DEALS, N_CONTACTS, 42, &error))
        g_error ("Could not fill the demo data: %s", error->message);
      printf ("filled in %.1f s\n", bench_ms_since (start) / 1000.0);
    }

  return g_steal_pointer (&store);
}

static gint64
count_rows (sqlite3    *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

/* Twenty contacts spread evenly over the table (the same ones each run on
 * the same file), with multi-word names. */
static GArray *
pick_contacts (sqlite3 *db)
{
  GArray *picked = g_array_new (FALSE, TRUE, sizeof (Picked));
  gint64 n_contacts = count_rows (db, "contact");
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT id, name FROM contact ORDER BY id LIMIT 1 OFFSET ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Could not read contacts: %s", sqlite3_errmsg (db));

  for (gint64 i = 0; i < n_contacts && picked->len < N_PICKED; i += MAX (n_contacts / N_PICKED, 1))
    {
      const char *name;
      const char *space;

      sqlite3_bind_int64 (stmt, 1, i);
      if (sqlite3_step (stmt) == SQLITE_ROW &&
          (name = (const char *) sqlite3_column_text (stmt, 1)) != NULL &&
          (space = strrchr (name, ' ')) != NULL && space[1] != '\0')
        {
          Picked p = {
            .id = sqlite3_column_int64 (stmt, 0),
            .name = g_strdup (name),
            .surname = g_strdup (space + 1),
          };

          g_array_append_val (picked, p);
        }
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  return picked;
}

static gboolean
hits_contain (GArray *hits,
              gint64  id)
{
  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      const RapportSearchHit *hit = &g_array_index (hits, RapportSearchHit, i);

      if (hit->kind == RAPPORT_SEARCH_CONTACT && hit->id == id)
        return TRUE;
    }

  return FALSE;
}

/* Whether @hits show a contact named @name: demo names repeat (many
 * “Mei Rossi”), so the ten shown may be others of the same name. */
static gboolean
hits_show_name (RapportStore *store,
                GArray       *hits,
                const char   *name)
{
  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      const RapportSearchHit *hit = &g_array_index (hits, RapportSearchHit, i);
      g_autoptr(RapportContact) contact = NULL;

      if (hit->kind != RAPPORT_SEARCH_CONTACT)
        continue;
      contact = rapport_store_get_contact (store, hit->id, NULL);
      if (contact != NULL && g_strcmp0 (rapport_contact_get_name (contact), name) == 0)
        return TRUE;
    }

  return FALSE;
}

static gint64
count_named (sqlite3    *db,
             const char *name)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM contact WHERE name = ?1", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);

  return n;
}

/* printf's widths count bytes; names are UTF-8. */
static char *
pad (const char *text,
     guint       width)
{
  glong length = g_utf8_strlen (text, -1);
  GString *padded = g_string_new (text);

  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (padded, ' ');

  return g_string_free (padded, FALSE);
}

typedef struct
{
  GArray *search;     /* ms per keystroke, rapport_store_search */
  GArray *contacts;   /* ms per keystroke, rapport_store_query_contacts */
  guint   n_keys;
} Timings;

/* Every prefix of @text, one keystroke each. */
static void
type_string (RapportStore *store,
             const char   *text,
             Timings      *timings)
{
  for (const char *end = g_utf8_next_char (text); ; end = g_utf8_next_char (end))
    {
      g_autofree char *prefix = g_strndup (text, end - text);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) hits = NULL;
      g_autoptr(GListModel) list = NULL;
      gint64 start;
      double ms;

      start = g_get_monotonic_time ();
      hits = rapport_store_search (store, prefix, SEARCH_LIMIT, &error);
      ms = bench_ms_since (start);
      if (hits == NULL)
        g_error ("search “%s”: %s", prefix, error->message);
      g_array_append_val (timings->search, ms);

      /* The contacts view's query: every match, sorted by name. */
      start = g_get_monotonic_time ();
      list = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_NAME, FALSE, -1, prefix);
      (void) g_list_model_get_n_items (list);
      ms = bench_ms_since (start);
      g_array_append_val (timings->contacts, ms);

      timings->n_keys++;
      if (*end == '\0')
        break;
    }
}

/* The floor: @n bare primary-key look-ups, each timed as a keystroke is. */
static GArray *
measure_floor (sqlite3 *db,
               guint    n,
               gint64   max_id)
{
  GArray *samples = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  sqlite3_stmt *stmt = NULL;
  GRand *rand = g_rand_new_with_seed (42);

  if (sqlite3_prepare_v2 (db, "SELECT id FROM contact WHERE id = ?1", -1, &stmt, NULL) != SQLITE_OK)
    g_error ("floor: %s", sqlite3_errmsg (db));

  for (guint i = 0; i < n; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      sqlite3_bind_int64 (stmt, 1, g_rand_int_range (rand, 1, (gint32) MAX (max_id, 2)));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        ;
      sqlite3_reset (stmt);
      ms = bench_ms_since (start);
      g_array_append_val (samples, ms);
    }

  sqlite3_finalize (stmt);
  g_rand_free (rand);

  return samples;
}

static void
print_row (const char *what,
           GArray     *samples)
{
  double p50 = bench_percentile (samples, 50);
  double p95 = bench_percentile (samples, 95);
  double max = bench_percentile (samples, 100);

  printf ("  %-34s %9.3f %9.3f %9.3f\n", what, p50, p95, max);
}

/* A click on a column header of the contacts list: the whole list read
 * again in that order (median of 5 reads each). */
static void
measure_sorts (RapportStore *store)
{
  static const char * const names[] = {
    "name", "organization", "email", "phone", "lifecycle", "last contact", "next follow-up",
  };

  printf ("\ncontacts list, all contacts, ms per sort (median of 5)   ascending  descending\n");
  for (int sort = RAPPORT_CONTACT_SORT_NAME; sort <= RAPPORT_CONTACT_SORT_NEXT_FOLLOWUP; sort++)
    {
      double medians[2];

      for (int descending = 0; descending < 2; descending++)
        {
          g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

          for (int run = 0; run < 5; run++)
            {
              gint64 start = g_get_monotonic_time ();
              g_autoptr(GListModel) list = rapport_store_query_contacts (store, sort, descending, -1, NULL);
              double ms = bench_ms_since (start);

              g_assert (g_list_model_get_n_items (list) > 0);
              g_array_append_val (samples, ms);
            }
          medians[descending] = bench_percentile (samples, 50);
        }
      printf ("  %-48s %9.1f %11.1f\n", names[sort], medians[0], medians[1]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GArray) picked = NULL;
  g_autoptr(GArray) floor_ms = NULL;
  Timings names = { g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)), 0 };
  Timings surnames = { g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)), 0 };
  g_autoptr(GArray) all_search = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all_contacts = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_name_shown = 0, n_name_top = 0, n_surname_found = 0, n_surname_top = 0, n_surname_list = 0;
  sqlite3 *db = NULL;
  double search_p95;

  setlocale (LC_ALL, "");

  if (argc > 1)
    {
      path = g_strdup (argv[1]);
    }
  else
    {
      g_autoptr(GError) error = NULL;

      dir = g_dir_make_tmp ("rapport-bench-search-XXXXXX", &error);
      if (dir == NULL)
        g_error ("%s", error->message);
      path = g_build_filename (dir, "bench.db", NULL);
    }

  print_machine ();
  store = open_store (path);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("Could not open %s with SQLite: %s", path, sqlite3_errmsg (db));

  printf ("database: %s — %" G_GINT64_FORMAT " contacts, %" G_GINT64_FORMAT " organizations, %"
          G_GINT64_FORMAT " deals, %" G_GINT64_FORMAT " notes\n",
          path, count_rows (db, "contact"), count_rows (db, "organization"),
          count_rows (db, "deal"), count_rows (db, "note"));

  picked = pick_contacts (db);
  printf ("typing %u contacts' full names and surnames, one query per keystroke "
          "(global search limit %d per kind)\n\n", picked->len, SEARCH_LIMIT);

  for (guint i = 0; i < picked->len; i++)
    {
      Picked *p = &g_array_index (picked, Picked, i);
      g_autoptr(GArray) top = NULL;
      g_autoptr(GArray) every = NULL;
      g_autoptr(GListModel) list = NULL;
      g_autofree char *padded = pad (p->name, 22);
      gboolean name_shown, name_top, surname_top, surname_found, surname_list;

      type_string (store, p->name, &names);
      type_string (store, p->surname, &surnames);

      /* Checks, not timed: does the whole name find the contact among the
       * ten shown, and the surname among all its matches? */
      top = rapport_store_search (store, p->name, SEARCH_LIMIT, NULL);
      name_top = hits_contain (top, p->id);
      name_shown = hits_show_name (store, top, p->name);
      g_clear_pointer (&top, g_array_unref);
      top = rapport_store_search (store, p->surname, SEARCH_LIMIT, NULL);
      surname_top = hits_contain (top, p->id);
      every = rapport_store_search (store, p->surname, G_MAXINT, NULL);
      surname_found = hits_contain (every, p->id);
      list = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_NAME, FALSE, -1, p->surname);
      surname_list = rapport_store_list_contains (list, p->id);

      n_name_shown += name_shown;
      n_name_top += name_top;
      n_surname_top += surname_top;
      n_surname_found += surname_found;
      n_surname_list += surname_list;

      printf ("  #%-7" G_GINT64_FORMAT " %s (%2" G_GINT64_FORMAT " of that name) name shown: %-3s this one: %-3s"
              " surname “%s”: %u matches, found: %-3s (top %d: %s), contacts list: %s\n",
              p->id, padded, count_named (db, p->name), name_shown ? "yes" : "NO",
              name_top ? "yes" : "no", p->surname, every != NULL ? every->len : 0, surname_found ? "yes" : "NO",
              SEARCH_LIMIT, surname_top ? "yes" : "no", surname_list ? "yes" : "NO");
    }

  g_array_append_vals (all_search, names.search->data, names.search->len);
  g_array_append_vals (all_search, surnames.search->data, surnames.search->len);
  g_array_append_vals (all_contacts, names.contacts->data, names.contacts->len);
  g_array_append_vals (all_contacts, surnames.contacts->data, surnames.contacts->len);

  floor_ms = measure_floor (db, all_search->len, count_rows (db, "contact"));

  printf ("\nper keystroke, ms (%u keystrokes)    median       p95       max\n", all_search->len);
  print_row ("global search, full names", names.search);
  print_row ("global search, surnames", surnames.search);
  print_row ("global search, all", all_search);
  print_row ("contacts-view query, full names", names.contacts);
  print_row ("contacts-view query, surnames", surnames.contacts);
  print_row ("contacts-view query, all", all_contacts);
  print_row ("floor: SQLite id look-up", floor_ms);

  search_p95 = bench_percentile (all_search, 95);
  printf ("\nfull name: a contact of that name in the top %d: %u/%u (this very one: %u/%u); surname found: %u/%u (in the top %d: %u/%u);"
          " surname in the contacts list: %u/%u\n",
          SEARCH_LIMIT, n_name_shown, picked->len, n_name_top, picked->len, n_surname_found, picked->len,
          SEARCH_LIMIT, n_surname_top, picked->len, n_surname_list, picked->len);
  printf ("target: global search p95 <= %.0f ms: %s (%.3f ms, %.0f× the floor's p95)\n",
          TARGET_P95_MS, search_p95 <= TARGET_P95_MS ? "met" : "MISSED", search_p95,
          search_p95 / MAX (bench_percentile (floor_ms, 95), 0.001));

  measure_sorts (store);

  for (guint i = 0; i < picked->len; i++)
    {
      Picked *p = &g_array_index (picked, Picked, i);

      g_free (p->name);
      g_free (p->surname);
    }
  g_array_unref (names.search);
  g_array_unref (names.contacts);
  g_array_unref (surnames.search);
  g_array_unref (surnames.contacts);
  sqlite3_close (db);
  g_clear_object (&store);

  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }

  return 0;
}
