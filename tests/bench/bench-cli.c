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
 * Import and export: a 200 000-row contacts CSV imported into the file
 * (against its 200 000 contacts: organizations found, search indexed),
 * beside sqlite3's own .import of the same file into a bare table; then
 * every contact exported as CSV and as vCards, beside sqlite3 -csv of the
 * same columns. Wall time and peak memory of each.
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

/* A contacts file as exports write them: names, e-mails, phones, one of
 * 5 000 organizations, a creation date. */
static char *
write_contacts_csv (const char *dir,
                    guint       n)
{
  char *csv = g_build_filename (dir, "import.csv", NULL);
  FILE *f = fopen (csv, "w");

  if (f == NULL)
    g_error ("cannot write %s", csv);
  fputs ("First Name,Last Name,Email,Phone,Company,Created\r\n", f);
  for (guint i = 0; i < n; i++)
    fprintf (f, "Imported,Person %u,person%u@import.example,+1 555 %07u,Import Org %u,2025-%02u-%02u\r\n",
             i, i, i, i % 5000, 1 + i % 12, 1 + i % 28);
  fclose (f);
  return csv;
}

static void
measure_import_export (const char *path,
                       const char *dir,
                       const char *sqlite3_shell)
{
  guint n = 200000;
  g_autofree char *csv = write_contacts_csv (dir, n);
  g_autofree char *floor_db = g_build_filename (dir, "floor-import.db", NULL);
  g_autofree char *import_cmd = g_strdup_printf (".import --csv %s t", csv);
  g_autofree char *csv_out = g_build_filename (dir, "export.csv", NULL);
  g_autofree char *vcf_out = g_build_filename (dir, "export.vcf", NULL);
  char *import_argv[] = { (char *) RAPPORT_CLI_PATH, (char *) "--db", (char *) path, (char *) "import",
                          (char *) "csv", csv, (char *) "--kind", (char *) "contacts", NULL };
  char *floor_import_argv[] = { (char *) sqlite3_shell, floor_db, import_cmd, NULL };
  char *csv_argv[] = { (char *) RAPPORT_CLI_PATH, (char *) "--db", (char *) path, (char *) "export",
                       (char *) "contacts", (char *) "--format", (char *) "csv", (char *) "--output", csv_out, NULL };
  char *vcf_argv[] = { (char *) RAPPORT_CLI_PATH, (char *) "--db", (char *) path, (char *) "export",
                       (char *) "contacts", (char *) "--format", (char *) "vcard", (char *) "--output", vcf_out, NULL };
  char *floor_export_argv[] = { (char *) sqlite3_shell, (char *) "-csv", (char *) path,
                                (char *) "SELECT name, email, phone, organization_id, created_at FROM contact", NULL };
  Run r;

  g_unlink (floor_db);
  printf ("\nimport csv of %u contacts into the file, and exports (target: 10 s and 150 MB at most):\n", n);
  r = run (import_argv);
  printf ("  %-50s %7.2f s   peak RSS %7.1f MB\n", "rapport-cli import csv --kind contacts", r.ms / 1000.0, r.peak_mb);
  r = run (floor_import_argv);
  printf ("  %-50s %7.2f s   peak RSS %7.1f MB\n", "floor: sqlite3 .import into a bare table", r.ms / 1000.0, r.peak_mb);
  r = run (csv_argv);
  printf ("  %-50s %7.2f s   peak RSS %7.1f MB\n", "rapport-cli export contacts --format csv", r.ms / 1000.0, r.peak_mb);
  r = run (vcf_argv);
  printf ("  %-50s %7.2f s   peak RSS %7.1f MB\n", "rapport-cli export contacts --format vcard", r.ms / 1000.0, r.peak_mb);
  r = run (floor_export_argv);
  printf ("  %-50s %7.2f s   peak RSS %7.1f MB\n", "floor: sqlite3 -csv of the same contacts", r.ms / 1000.0, r.peak_mb);

  g_unlink (csv);
  g_unlink (floor_db);
  g_unlink (csv_out);
  g_unlink (vcf_out);
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

  /* 3. Import and export (last: the import adds to the file) */
  if (sqlite3_shell != NULL)
    measure_import_export (path, dir != NULL ? dir : g_get_tmp_dir (), sqlite3_shell);

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
