/* test-safety.c — nothing acknowledged is ever lost, with many writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Several programs on one file at once (scripts and a resident writer like
 * the app), several programs opening one new or one old file at once, the
 * file replaced, rewritten, deleted or robbed of its -wal under a program
 * that has it open, backups that must not overwrite or follow a symlink,
 * a read-only look at an old file, and a stale read-only -shm.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <pwd.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rapport-sqlite-private.h"
#include "rapport-test-support.h"

/* Plain SQLite, not the model: what is really in the file. */
static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* id → text of every row @sql returns (id, text). */
static GHashTable *
query_texts (const char *path,
             const char *sql)
{
  GHashTable *rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (rows, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return rows;
}

/* Runs rapport-cli --db @db ARGS… and returns its exit status; its output
 * goes to *out and *err when given. */
static int
cli_status (const char  *db,
            char       **out,
            char       **err,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("RAPPORT_CLI"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* Its output must not mix with this program's TAP. */
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, out ? G_SPAWN_DEFAULT : G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, out, err, &wait_status, &error);
  g_assert_no_error (error);

  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128;
}

#define cli_ok(db, ...) G_STMT_START {                                           \
    g_autofree char *cli_err_ = NULL;                                            \
    int cli_status_ = cli_status ((db), NULL, &cli_err_, __VA_ARGS__, NULL);     \
    if (cli_status_ != 0)                                                        \
      g_error ("rapport-cli failed (%d): %s", cli_status_, cli_err_);            \
  } G_STMT_END

/* Starts @argv without waiting; returns its pid. */
static GPid
start (const char * const *argv,
       char               *err_path)
{
  g_autoptr(GError) error = NULL;
  GPid pid;
  int err_fd = err_path ? g_open (err_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600) : -1;

  g_assert_true (g_spawn_async_with_fds (NULL, (char **) argv, NULL,
                                          G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                          &pid, -1, -1, err_fd, &error));
  g_assert_no_error (error);
  if (err_fd >= 0)
    close (err_fd);

  return pid;
}

static int
finish (GPid pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  return WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
}

/* A file as schema version 5 left it, with two contacts. */
static void
write_version_5 (const char *path)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (rapport_schema_migrate_to (db, 0, 5, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO setting VALUES ('current-pipeline', '1'), ('default-currency', 'EUR');"
                                 "INSERT INTO pipeline (id, name, template, position) VALUES (1, 'Old', 'classic5', 0);"
                                 "INSERT INTO stage (id, pipeline_id, name, position, probability) VALUES"
                                 "  (1, 1, 'Prospecting', 0, 10), (2, 1, 'Closing', 1, 90);"
                                 "INSERT INTO contact (id, name, lifecycle, created_at) VALUES"
                                 "  (1, 'Wilhelmina Quast', 1, 1700000000), (2, 'Otto Never', 0, 1700000000);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static guint
count_backups (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (handle)) != NULL)
    n += g_str_has_suffix (name, ".bak");

  return n;
}

/* Many writers */

static void
check_acknowledged (const char *db,
                    GPtrArray  *outs)
{
  g_autoptr(GHashTable) notes = query_texts (db, "SELECT id, body FROM note");
  g_autoptr(GHashTable) contacts = query_texts (db, "SELECT id, name FROM contact");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *err = NULL;
  guint n_acks = 0;

  for (guint i = 0; i < outs->len; i++)
    {
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;

      g_assert_true (g_file_get_contents (outs->pdata[i], &text, NULL, NULL));
      lines = g_strsplit (text, "\n", -1);
      for (guint j = 0; lines[j] != NULL && *lines[j] != '\0'; j++)
        {
          g_auto(GStrv) parts = g_strsplit (lines[j], " ", 3);
          gint64 id;
          GHashTable *table;

          if (g_str_equal (parts[0], "FAIL"))
            g_error ("a writer was refused: %s", lines[j]);
          if (g_str_equal (parts[0], "move"))
            continue;

          /* Each acknowledged row is there, as written, under its own id:
           * an id given twice would mean a lost row was reused. */
          id = g_ascii_strtoll (parts[1], NULL, 10);
          table = g_str_equal (parts[0], "note") ? notes : contacts;
          g_assert_cmpint (id, >, 0);
          g_assert_cmpstr (g_hash_table_lookup (table, &id), ==, parts[2]);
          g_assert_true (g_hash_table_add (seen, g_strdup_printf ("%s %s", parts[0], parts[1])));
          n_acks++;
        }
    }

  g_test_message ("%u acknowledged changes, all present", n_acks);
  g_assert_cmpuint (n_acks, >, outs->len);
  g_assert_cmpint (cli_status (db, NULL, &err, "check", NULL), ==, 0);
}

static void
run_writers (gconstpointer data)
{
  guint n_writers = GPOINTER_TO_UINT (data);
  const char *seconds_text = g_getenv ("RAPPORT_SAFETY_SECONDS");
  g_autofree char *seconds = g_strdup (seconds_text ? seconds_text : "60");
  g_autofree char *dir = rapport_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(GPtrArray) outs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) pids = g_array_new (FALSE, FALSE, sizeof (GPid));

  cli_ok (db, "contact", "add", "Everyone's contact");
  cli_ok (db, "deal", "add", "Moved about", "--value", "1", "--contact", "1");

  /* One resident writer, like the app; the others are scripts. */
  for (guint i = 0; i < n_writers; i++)
    {
      g_autofree char *name = g_strdup_printf ("w%u", i);
      char *out = g_strdup_printf ("%s/%s.out", dir, name);
      const char *argv[] = { g_getenv ("RAPPORT_SAFETY_WRITER"), i == 0 ? "resident" : "cli",
                             db, seconds, name, out, NULL };
      GPid pid = start (argv, NULL);

      g_array_append_val (pids, pid);
      g_ptr_array_add (outs, out);
    }

  for (guint i = 0; i < pids->len; i++)
    g_assert_cmpint (finish (g_array_index (pids, GPid, i)), ==, 0);

  check_acknowledged (db, outs);
}

/* Many programs opening one file for the first time, or one old file */

static void
start_all (const char   *db,
           guint         n,
           const char   *dir)
{
  g_autoptr(GArray) pids = g_array_new (FALSE, FALSE, sizeof (GPid));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Racer %u", i);
      g_autofree char *err = g_strdup_printf ("%s/racer-%u.err", dir, i);
      const char *argv[] = { g_getenv ("RAPPORT_CLI"), "--db", db, "contact", "add", name, NULL };
      GPid pid = start (argv, err);

      g_array_append_val (pids, pid);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *err_path = g_strdup_printf ("%s/racer-%u.err", dir, i);
      g_autofree char *err = NULL;
      int status = finish (g_array_index (pids, GPid, i));

      g_file_get_contents (err_path, &err, NULL, NULL);
      if (status != 0)
        g_error ("racer %u failed (%d): %s", i, status, err);
    }
}

static void
test_race_first_use (void)
{
  for (guint round = 0; round < 5; round++)
    {
      g_autofree char *dir = rapport_test_tmpdir_new ();
      g_autofree char *db = g_build_filename (dir, "new", "rapport.db", NULL);
      g_autofree char *err = NULL;

      start_all (db, 8, dir);

      g_assert_cmpint (query_int (db, "SELECT count(*) FROM contact"), ==, 8);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM pipeline"), ==, 1);
      g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, RAPPORT_SCHEMA_VERSION);
      g_assert_cmpint (cli_status (db, NULL, &err, "check", NULL), ==, 0);
      rapport_test_tmpdir_free (g_steal_pointer (&dir));
    }
}

static void
test_race_upgrade (void)
{
  for (guint round = 0; round < 3; round++)
    {
      g_autofree char *dir = rapport_test_tmpdir_new ();
      g_autofree char *db = g_build_filename (dir, "rapport.db", NULL);
      g_autofree char *backup = g_strconcat (db, ".v5.bak", NULL);
      g_autofree char *head = NULL;
      g_autofree char *err = NULL;

      write_version_5 (db);
      start_all (db, 8, dir);

      /* Every program's change, one backup, and that backup is the old
       * file as it was: version 5, its two contacts, in one file. */
      g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, RAPPORT_SCHEMA_VERSION);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM contact"), ==, 2 + 8);
      g_assert_cmpuint (count_backups (dir), ==, 1);
      g_assert_cmpint (query_int (backup, "PRAGMA user_version"), ==, 5);
      g_assert_cmpint (query_int (backup, "SELECT count(*) FROM contact"), ==, 2);
      g_assert_true (g_file_get_contents (backup, &head, NULL, NULL));
      g_assert_cmpint (head[18], ==, 1);
      g_assert_cmpint (cli_status (db, NULL, &err, "check", NULL), ==, 0);
      rapport_test_tmpdir_free (g_steal_pointer (&dir));
    }
}

/* Backups and read-only looks */

static void
test_read_only_look (void)
{
  g_autofree char *dir = rapport_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (dir, "old.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *out = NULL, *err = NULL;

  write_version_5 (db);
  before = rapport_test_file_checksum (db);

  /* A look at an old file (a backup) reads it as it would be upgraded… */
  g_assert_cmpint (cli_status (db, &out, &err, "contact", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Wilhelmina Quast"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_status (db, &out, &err, "check", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_status (db, &out, &err, "stage", "list", "--json", NULL), ==, 0);

  /* … and leaves it as it was: no upgrade, no backup. */
  after = rapport_test_file_checksum (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 5);
  g_assert_cmpuint (count_backups (dir), ==, 0);
}

/* The daily backup: a whole copy in the user's data folder, written from
 * another thread while the store is open, once a day; the old ones go,
 * other files in the folder stay. */
static gpointer
copy_in_thread (gpointer data)
{
  char **paths = data;
  g_autoptr(GError) error = NULL;

  if (!rapport_backup_copy (paths[0], paths[1], &error))
    return g_strdup (error->message);
  return NULL;
}

static void
test_backup_daily (void)
{
  g_autofree char *dir = rapport_test_tmpdir_new ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *db = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportContact) contact = NULL;
  RapportContactFields fields = { .name = "Kept safe", .lifecycle = RAPPORT_LIFECYCLE_CONTACT };
  g_autofree char *backups = NULL;
  g_autofree char *due = NULL;
  g_autofree char *failed = NULL;
  const char *old[] = { "2026-11-20.db", "2026-11-27.db", "2026-11-28.db", "notes.txt", "2025-1-1.db" };
  char *paths[2];
  GStatBuf st;

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  store = rapport_store_new (db, &error);
  g_assert_no_error (error);
  contact = rapport_store_add_contact (store, &fields, &error);
  g_assert_no_error (error);
  rapport_store_set_now (store, 1796299200);  /* 2026-12-03 12:00 UTC */

  backups = rapport_store_get_backup_dir (store);
  g_assert_true (g_str_has_prefix (backups, data));
  due = rapport_store_daily_backup_due (store);
  g_assert_nonnull (due);
  g_assert_true (g_str_has_suffix (due, "/2026-12-03.db"));

  paths[0] = db;
  paths[1] = due;
  failed = g_thread_join (g_thread_new ("backup", copy_in_thread, paths));
  g_assert_cmpstr (failed, ==, NULL);
  g_assert_cmpint (query_int (due, "SELECT count(*) FROM contact WHERE name = 'Kept safe'"), ==, 1);
  /* One self-contained file, nothing beside it. */
  g_assert_cmpint (query_int (due, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'delete'"), ==, 1);
  g_assert_cmpint (g_stat (due, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (backups, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_null (rapport_store_daily_backup_due (store));
  /* A second copy never overwrites the first. */
  g_assert_false (rapport_backup_copy (db, due, &error));
  g_clear_error (&error);

  /* Seven days kept: from 2026-11-27 on. */
  for (guint i = 0; i < G_N_ELEMENTS (old); i++)
    {
      g_autofree char *path = g_build_filename (backups, old[i], NULL);

      rapport_test_write_file (path, "old", -1);
    }
  g_assert_cmpuint (rapport_backup_prune (backups, 7, rapport_store_now (store)), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (old); i++)
    {
      g_autofree char *path = g_build_filename (backups, old[i], NULL);

      g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, i != 0);
    }
  g_assert_true (g_file_test (due, G_FILE_TEST_EXISTS));

  g_clear_object (&store);
  g_unsetenv ("XDG_DATA_HOME");
  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_backup_never_overwrites (void)
{
  g_autofree char *dir = rapport_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *target = g_build_filename (dir, "precious.txt", NULL);
  g_autofree char *trap = g_strconcat (db, ".v5.bak", NULL);
  g_autofree char *second = g_strconcat (db, ".v5.1.bak", NULL);
  g_autofree char *kept = g_build_filename (dir, "kept.bak", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;
  g_autofree char *kept_sum = NULL, *kept_after = NULL;
  GStatBuf st;

  write_version_5 (db);
  rapport_test_write_file (target, "do not touch", -1);
  g_assert_cmpint (symlink (target, trap), ==, 0);

  /* The upgrade's backup takes the next free name. */
  cli_ok (db, "contact", "add", "After the upgrade");
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "do not touch");
  g_assert_cmpint (g_lstat (trap, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (query_int (second, "PRAGMA user_version"), ==, 5);
  g_assert_cmpint (g_stat (second, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* rapport-cli backup: a new file, never an existing one or a symlink. */
  cli_ok (db, "backup", kept);
  kept_sum = rapport_test_file_checksum (kept);
  g_assert_cmpint (query_int (kept, "SELECT count(*) FROM contact"), ==, 3);
  cli_ok (db, "contact", "add", "Later");
  g_assert_cmpint (cli_status (db, NULL, &err, "backup", kept, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already exists"));
  kept_after = rapport_test_file_checksum (kept);
  g_assert_cmpstr (kept_after, ==, kept_sum);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_status (db, NULL, &err, "backup", trap, NULL), ==, 1);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "do not touch");

  /* And the restore of it brings back what it held, keeping the rest. */
  cli_ok (db, "restore", kept);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM contact"), ==, 3);
  /* The symlink, the upgrade's, kept.bak and the one made before the restore. */
  g_assert_cmpint (count_backups (dir), ==, 4);
}

static void
test_one_byte_file (void)
{
  g_autofree char *dir = rapport_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autofree char *err = NULL;

  rapport_test_write_file (db, "x", 1);
  store = rapport_store_new (db, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_A_DATABASE);
  g_assert_cmpint (cli_status (db, NULL, &err, "stage", "list", NULL), ==, 1);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* The file under a program that has it open */

typedef struct
{
  char         *dir;
  char         *db;
  RapportStore *store;
  char         *lost_message;
  guint         n_lost;
} Running;

static void
on_file_lost (RapportStore *store,
              const char   *message,
              Running      *running)
{
  running->n_lost++;
  g_free (running->lost_message);
  running->lost_message = g_strdup (message);
}

static Running *
running_new (void)
{
  Running *running = g_new0 (Running, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportOrganization) org = NULL;

  running->dir = rapport_test_tmpdir_new ();
  running->db = g_build_filename (running->dir, "rapport.db", NULL);
  running->store = rapport_store_new (running->db, &error);
  g_assert_no_error (error);
  g_signal_connect (running->store, "file-lost", G_CALLBACK (on_file_lost), running);

  org = rapport_store_add_organization (running->store, "Before", &error);
  g_assert_no_error (error);

  return running;
}

static void
running_free (Running *running)
{
  g_clear_object (&running->store);
  rapport_test_tmpdir_free (running->dir);
  g_free (running->db);
  g_free (running->lost_message);
  g_free (running);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Running, running_free)

/* The running store refuses to write, says so once, and keeps refusing. */
static void
assert_stops_writing (Running    *running,
                      const char *says)
{
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RapportOrganization) org = rapport_store_add_organization (running->store, "After", &error);

      g_assert_null (org);
      g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_FILE_LOST);
      g_assert_nonnull (strstr (error->message, says));
      g_assert_null (strchr (error->message, '\n'));
    }
  g_assert_cmpuint (running->n_lost, ==, 1);
  g_assert_nonnull (strstr (running->lost_message, says));
}

static void
make_other_db (const char *path)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (cli_status (path, NULL, &err, "org", "add", "In the other file", NULL), ==, 0);
}

static void
test_file_moved_over (void)
{
  g_autoptr(Running) running = running_new ();
  g_autofree char *other = g_build_filename (running->dir, "other.db", NULL);
  g_autofree char *sum = NULL, *after = NULL;

  make_other_db (other);
  sum = rapport_test_file_checksum (other);
  g_assert_cmpint (g_rename (other, running->db), ==, 0);

  assert_stops_writing (running, "replaced");
  after = rapport_test_file_checksum (running->db);
  g_assert_cmpstr (after, ==, sum);
  g_assert_cmpint (query_int (running->db, "SELECT count(*) FROM organization WHERE name = 'After'"), ==, 0);
}

static void
test_file_deleted (void)
{
  g_autoptr(Running) running = running_new ();

  g_assert_cmpint (g_unlink (running->db), ==, 0);
  assert_stops_writing (running, "deleted");
  g_assert_false (g_file_test (running->db, G_FILE_TEST_EXISTS));
}

static void
test_file_wal_removed (void)
{
  g_autoptr(Running) running = running_new ();
  g_autofree char *wal = g_strconcat (running->db, "-wal", NULL);

  g_assert_cmpint (g_unlink (wal), ==, 0);
  assert_stops_writing (running, "-wal");
}

/* Another part of the same program opens and closes the file, its -wal
 * and its -shm, as GTK's file chooser does with every file of a folder it
 * lists (it reads their first bytes to guess their type). Closing any
 * descriptor of a file drops every POSIX lock the process holds on it,
 * SQLite's included: without locks of its own, the store would look gone
 * to the next program, which would make the -shm anew under it (SIGBUS)
 * and, leaving last, fold the -wal into the file and delete it while the
 * store still writes there. */
/* Would another program's write lock on @len bytes at @start of @path
 * meet a lock of this one? Asked from a child process, as other programs
 * see the locks. */
static gboolean
locked_for_others (const char *path,
                   off_t       start,
                   off_t       len)
{
  int status = 0;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct flock probe = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = start, .l_len = len };
      int fd = open (path, O_RDONLY | O_CLOEXEC);

      if (fd < 0 || fcntl (fd, F_GETLK, &probe) != 0)
        _exit (2);
      _exit (probe.l_type == F_UNLCK ? 0 : 1);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), !=, 2);

  return WEXITSTATUS (status) == 1;
}

/* The locks other programs go by (os_unix.c): any reader's on the
 * database file, the -shm's "dead man switch" and its write lock. */
static void
assert_in_use (const char *db,
               gboolean    writing)
{
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_assert_true (locked_for_others (db, 0x40000002, 510));
  g_assert_true (locked_for_others (shm, 128, 1));
  g_assert_true (locked_for_others (shm, 120, 1) == writing);
}

static void
open_and_close_all (const char *db)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);
      char byte;
      int fd = g_open (path, O_RDONLY, 0);

      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (read (fd, &byte, 1), ==, 1);
      close (fd);
    }
}

static void
test_file_listed (void)
{
  g_autoptr(Running) running = running_new ();
  sqlite3 *db = rapport_store_get_db (running->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportOrganization) org = NULL;
  g_autofree char *err = NULL;

  assert_in_use (running->db, FALSE);
  open_and_close_all (running->db);
  assert_in_use (running->db, FALSE);

  /* Also in the middle of a write. */
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  assert_in_use (running->db, TRUE);
  open_and_close_all (running->db);
  assert_in_use (running->db, TRUE);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpint (cli_status (running->db, NULL, &err, "org", "add", "From the other program", NULL), ==, 0);

  org = rapport_store_add_organization (running->store, "After", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (running->n_lost, ==, 0);

  g_clear_object (&running->store);
  g_assert_false (locked_for_others (running->db, 0x40000002, 510));
  g_assert_cmpint (query_int (running->db,
                              "SELECT count(*) FROM organization"
                              " WHERE name IN ('Before', 'From the other program', 'After')"), ==, 3);
}

/* cp of an older, smaller backup over the file, in place. */
static void
test_file_rewritten (void)
{
  g_autoptr(Running) running = running_new ();
  g_autofree char *backup = g_build_filename (running->dir, "early.bak", NULL);
  g_autofree char *bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  int fd;

  g_assert_true (rapport_store_backup (running->store, backup, &error));
  g_assert_no_error (error);

  /* Enough to grow the main file past the backup (SQLite checkpoints
   * every thousand pages). */
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Organization number %u with a name long enough to take room", i);
      g_autoptr(RapportOrganization) org = rapport_store_add_organization (running->store, name, &error);

      g_assert_no_error (error);
    }

  g_assert_true (g_file_get_contents (backup, &bytes, &len, NULL));
  fd = g_open (running->db, O_WRONLY | O_TRUNC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, bytes, len), ==, (gssize) len);
  close (fd);

  assert_stops_writing (running, "replaced");
}

/* A restore through SQLite, by another program: the running one goes on,
 * and sees the restored data. */
static void
test_restore_while_running (void)
{
  g_autoptr(Running) running = running_new ();
  g_autofree char *backup = g_build_filename (running->dir, "early.bak", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportOrganization) org = NULL;
  g_autofree char *err = NULL;

  g_assert_true (rapport_store_backup (running->store, backup, &error));
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Organization number %u with a name long enough to take room", i);
      g_autoptr(RapportOrganization) added = rapport_store_add_organization (running->store, name, &error);

      g_assert_no_error (error);
    }

  g_assert_cmpint (cli_status (running->db, NULL, &err, "restore", backup, NULL), ==, 0);
  g_assert_true (rapport_store_sync_external (running->store));

  org = rapport_store_add_organization (running->store, "After the restore", &error);
  g_assert_no_error (error);
  g_assert_nonnull (org);
  g_assert_cmpuint (running->n_lost, ==, 0);
  g_assert_cmpint (query_int (running->db, "SELECT count(*) FROM organization"), ==, 2);
}

/* A pasted page in the search box */

static void
test_search_pasted_page (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(GString) page = g_string_new ("ada lovelace");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hits = NULL;
  RapportContactFields fields = { 0, };

  fields.name = "Ada Lovelace";
  contact = rapport_store_add_contact (store, &fields, &error);
  g_assert_no_error (error);

  /* 60 000 words: only the first ones count, and they still find her. */
  for (guint i = 0; i < 60000; i++)
    g_string_append (page, i % 2 ? " ada" : " lovelace");
  hits = rapport_store_search (store, page->str, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (g_array_index (hits, RapportSearchHit, 0).id, ==,
                   rapport_record_get_id (RAPPORT_RECORD (contact)));
  g_clear_pointer (&hits, g_array_unref);

  /* Text that is not UTF-8 finds nothing and fails nothing. */
  hits = rapport_store_search (store, "ada \xf0", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_object (&store);
  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A stale read-only -shm */

static void
run_as (const char *user,
        const char *db,
        const char *a,
        const char *b,
        const char *c,
        int         expected)
{
  const char *argv[] = { "runuser", "-u", user, "--", g_getenv ("RAPPORT_CLI"), "--db", db, a, b, c, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &wait_status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != expected)
    g_error ("runuser %s rapport-cli %s %s %s: %s", user, a, b, c ? c : "", err);
}

static void
test_stale_read_only_shm (void)
{
  g_autofree char *dir = rapport_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autofree char *zeros = g_malloc0 (32768);
  struct passwd *nobody = getpwnam ("nobody");

  if (getuid () != 0 || nobody == NULL)
    {
      g_test_skip ("needs root, to act as a user whom file modes bind");
      return;
    }

  g_assert_cmpint (chown (dir, nobody->pw_uid, nobody->pw_gid), ==, 0);
  run_as ("nobody", db, "contact", "add", "Reader", 0);

  /* Read while the file is read-only, then written again. */
  g_assert_cmpint (g_chmod (db, 0444), ==, 0);
  run_as ("nobody", db, "contact", "list", NULL, 0);
  g_assert_cmpint (g_chmod (db, 0600), ==, 0);
  run_as ("nobody", db, "contact", "add", "After the read", 0);

  /* And a -shm such a read left behind by an older program: once the file
   * may be written again, writing works. */
  rapport_test_write_file (shm, zeros, 32768);
  g_assert_cmpint (chown (shm, nobody->pw_uid, nobody->pw_gid), ==, 0);
  g_assert_cmpint (g_chmod (shm, 0444), ==, 0);
  g_assert_cmpint (g_chmod (db, 0600), ==, 0);
  run_as ("nobody", db, "contact", "add", "Writer", 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM contact"), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/safety/writers/2", GUINT_TO_POINTER (2), run_writers);
  g_test_add_data_func ("/safety/writers/4", GUINT_TO_POINTER (4), run_writers);
  g_test_add_data_func ("/safety/writers/8", GUINT_TO_POINTER (8), run_writers);
  g_test_add_func ("/safety/race/first-use", test_race_first_use);
  g_test_add_func ("/safety/race/upgrade", test_race_upgrade);
  g_test_add_func ("/safety/read-only-look", test_read_only_look);
  g_test_add_func ("/safety/backup/never-overwrites", test_backup_never_overwrites);
  g_test_add_func ("/safety/backup/daily", test_backup_daily);
  g_test_add_func ("/safety/one-byte-file", test_one_byte_file);
  g_test_add_func ("/safety/file/moved-over", test_file_moved_over);
  g_test_add_func ("/safety/file/deleted", test_file_deleted);
  g_test_add_func ("/safety/file/wal-removed", test_file_wal_removed);
  g_test_add_func ("/safety/file/rewritten", test_file_rewritten);
  g_test_add_func ("/safety/file/listed", test_file_listed);
  g_test_add_func ("/safety/file/restore-while-running", test_restore_while_running);
  g_test_add_func ("/safety/stale-read-only-shm", test_stale_read_only_shm);
  g_test_add_func ("/safety/search/pasted-page", test_search_pasted_page);

  return g_test_run ();
}
