/* bench-cli.c — rapport-cli's figures on a big file, each against a floor
 * measured in the same run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Start-up: the median and p95 of N runs of `rapport-cli stage list`, wall
 * time from spawn to exit, beside a bare C program that opens the same
 * file and reads the stages (and the sqlite3 shell, if installed), taken
 * in turn so a machine that gets busier weighs on all alike.
 *
 * Memory: the peak resident set (wait4's ru_maxrss) of `deal list --json`
 * and `contact list --json` printing the whole file to /dev/null, beside
 * the bare C program printing the same rows.
 *
 * Not a test: it prints numbers for people to read (build-aux/bench).
 */

#include "config.h"

#include "bench-support.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>

static int n_deals = 100000;
static int n_contacts = 200000;
static int n_runs = 20;

typedef struct
{
  double ms;       /* wall, spawn to exit */
  double cpu_ms;   /* user + system */
  double peak_mb;  /* ru_maxrss */
} Run;

/* Runs @argv with its output thrown away, and waits for it. */
static Run
run (char **argv)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  Run ret = { 0, };
  gint64 start;
  GPid pid;
  int status;

  start = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, argv, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    g_error ("cannot start %s: %s", argv[0], error->message);
  if (wait4 (pid, &status, 0, &usage) < 0)
    g_error ("cannot wait for %s", argv[0]);
  ret.ms = (g_get_monotonic_time () - start) / 1000.0;

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s %s failed (wait status %d)", argv[0], argv[1] ? argv[1] : "", status);

  ret.cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
               (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  ret.peak_mb = usage.ru_maxrss / 1024.0;
  return ret;
}

typedef struct
{
  const char *label;
  char      **argv;
  GArray     *times;
  GArray     *cpu;
} Start;

static void
measure_starts (Start *starts,
                guint  n_starts)
{
  for (guint j = 0; j < n_starts; j++)
    {
      starts[j].times = g_array_new (FALSE, FALSE, sizeof (double));
      starts[j].cpu = g_array_new (FALSE, FALSE, sizeof (double));
      /* One run unmeasured: the file in the page cache for all alike. */
      run (starts[j].argv);
    }

  for (int i = 0; i < n_runs; i++)
    for (guint j = 0; j < n_starts; j++)
      {
        Run r = run (starts[j].argv);

        g_array_append_val (starts[j].times, r.ms);
        g_array_append_val (starts[j].cpu, r.cpu_ms);
      }

  for (guint j = 0; j < n_starts; j++)
    {
      printf ("  %-50s median %7.1f ms   p95 %7.1f ms   (min %.1f, max %.1f)   CPU %6.1f ms\n",
              starts[j].label, bench_percentile (starts[j].times, 50), bench_percentile (starts[j].times, 95),
              bench_percentile (starts[j].times, 0), bench_percentile (starts[j].times, 100),
              bench_percentile (starts[j].cpu, 50));
    }
}

static void
print_list (const char *label,
            char      **argv)
{
  Run r = run (argv);

  printf ("  %-50s peak RSS %7.1f MB   %7.2f s (CPU %.2f s)\n",
          label, r.peak_mb, r.ms / 1000.0, r.cpu_ms / 1000.0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— rapport-cli's benchmark");
  g_autoptr(GError) error = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *db = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sqlite3_shell = g_find_program_in_path ("sqlite3");
  GOptionEntry entries[] = {
    { "deals", 0, 0, G_OPTION_ARG_INT, &n_deals, "Deals in the database (100000)", "N" },
    { "contacts", 0, 0, G_OPTION_ARG_INT, &n_contacts, "Contacts in the database (200000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Start-ups to time (20)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the database in this folder", "DIR" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Measure this existing file instead of a new demo", "FILE" },
    { NULL }
  };
  GStatBuf st;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (n_runs < 1)
    n_runs = 1;

  if (db != NULL)
    path = g_strdup (db);
  else
    {
      g_autofree char *deals = g_strdup_printf ("%d", n_deals);
      g_autofree char *contacts = g_strdup_printf ("%d", n_contacts);
      Run r;

      dir = keep ? g_strdup (keep) : g_dir_make_tmp ("rapport-bench-cli-XXXXXX", NULL);
      g_mkdir_with_parents (dir, 0700);
      path = g_build_filename (dir, "bench-cli.db", NULL);
      g_unlink (path);

      {
        char *demo_argv[] = { (char *) RAPPORT_CLI_PATH, (char *) "--db", path, (char *) "demo",
                              (char *) "--deals", deals, (char *) "--contacts", contacts, NULL };

        r = run (demo_argv);
      }
      printf ("rapport-cli demo --deals %d --contacts %d: %.1f s\n", n_deals, n_contacts, r.ms / 1000.0);
    }

  printf ("rapport-cli on %s (%.1f MB), %u cores\n\n", path,
          g_stat (path, &st) == 0 ? st.st_size / 1048576.0 : 0.0, g_get_num_processors ());

  /* 1. Start-up */
  {
    char *cli_argv[] = { (char *) RAPPORT_CLI_PATH, (char *) "--db", path,
                         (char *) "stage", (char *) "list", NULL };
    char *floor_argv[] = { (char *) BENCH_FLOOR_CLI_PATH, path, (char *) "stages", NULL };
    char *shell_argv[] = { sqlite3_shell, path, (char *) "SELECT count(*) FROM stage", NULL };
    Start starts[] = {
      { "rapport-cli stage list", cli_argv },
      { "floor: C program, open + read the stages", floor_argv },
      { "floor: sqlite3 shell, SELECT count(*) FROM stage", shell_argv },
    };

    printf ("start-up to exit (%d runs each, taken in turn; target: 20 ms):\n", n_runs);
    measure_starts (starts, sqlite3_shell != NULL ? 3 : 2);
    printf ("  ratio                                              %.2f× the C floor\n\n",
            bench_percentile (starts[0].times, 50) / bench_percentile (starts[1].times, 50));
    for (guint j = 0; j < G_N_ELEMENTS (starts); j++)
      {
        g_clear_pointer (&starts[j].times, g_array_unref);
        g_clear_pointer (&starts[j].cpu, g_array_unref);
      }
  }

  /* 2. Memory of the long lists */
  {
    char *deals_argv[] = { (char *) RAPPORT_CLI_PATH, (char *) "--db", path,
                           (char *) "deal", (char *) "list", (char *) "--json", NULL };
    char *floor_deals_argv[] = { (char *) BENCH_FLOOR_CLI_PATH, path, (char *) "deals", NULL };
    char *contacts_argv[] = { (char *) RAPPORT_CLI_PATH, (char *) "--db", path,
                              (char *) "contact", (char *) "list", (char *) "--json", NULL };
    char *floor_contacts_argv[] = { (char *) BENCH_FLOOR_CLI_PATH, path, (char *) "contacts", NULL };

    printf ("whole lists to /dev/null, peak resident memory (target: 50 MB):\n");
    print_list ("rapport-cli deal list --json", deals_argv);
    print_list ("floor: C program, every deal row as text", floor_deals_argv);
    print_list ("rapport-cli contact list --json", contacts_argv);
    print_list ("floor: C program, every contact row as text", floor_contacts_argv);
  }

  if (db == NULL && keep == NULL)
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
