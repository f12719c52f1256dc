/* test-refusal.c — files Rapport must refuse, leaving them as they were
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file that is not a database, a damaged database, a database of a newer
 * Rapport and another program's database: the model refuses each with its
 * own error code and a message that says the file was left unchanged, the
 * command line exits 1 with one line on stderr, and afterwards the file has
 * the same bytes and no -wal, -shm or backup file appeared beside it.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rapport-test-support.h"

#define PAGE_SIZE 4096

/* A temporary directory with one database path in it. */
typedef struct
{
  char *dir;
  char *path;
} TestFile;

static TestFile *
test_file_new (void)
{
  TestFile *file = g_new0 (TestFile, 1);

  file->dir = rapport_test_tmpdir_new ();
  file->path = g_build_filename (file->dir, "rapport.db", NULL);

  return file;
}

static void
test_file_free (TestFile *file)
{
  rapport_test_tmpdir_free (file->dir);
  g_free (file->path);
  g_free (file);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestFile, test_file_free)

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, one a line. */
static char *
dir_listing (const char *dir)
{
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  handle = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("\n", (char **) names->pdata);
}

/* Every file in @dir with the SHA-256 of its bytes, except a -shm file's:
 * that is SQLite's shared-memory index, which any reader may touch, and
 * holds no data. */
static char *
dir_snapshot (const char *dir)
{
  g_autofree char *listing = dir_listing (dir);
  g_auto(GStrv) names = g_strsplit (listing, "\n", -1);
  GString *snapshot = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL && *names[i] != '\0'; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      if (g_str_has_suffix (names[i], "-shm"))
        g_string_append_printf (snapshot, "%s\n", names[i]);
      else
        {
          g_autofree char *checksum = rapport_test_file_checksum (path);

          g_string_append_printf (snapshot, "%s %s\n", names[i], checksum);
        }
    }

  return g_string_free (snapshot, FALSE);
}

/* Runs sqlite3 statements on @path with plain SQLite, not the model. */
static void
exec_sqlite (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static int
query_int_sqlite (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  /* Read-write on purpose: a read-only connection to a WAL file leaves
   * its -wal and -shm behind, and the tests count the files. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return value;
}

/* A real Rapport database with some rows, closed (so its WAL is merged). */
static void
make_rapport_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_new (path, &error);
  g_autoptr(RapportOrganization) org = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  RapportDealFields deal_fields = { 0, };

  g_assert_no_error (error);
  g_assert_nonnull (store);

  org = rapport_store_add_organization (store, "Northwind Logistics", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Contact number %u with a longer name", i);
      g_autofree char *email = g_strdup_printf ("person%u@example.com", i);
      g_autoptr(RapportContact) contact = NULL;
      RapportContactFields fields = { 0, };

      fields.name = name;
      fields.email = email;
      fields.phone = "+1 555 0100";
      fields.organization_id = rapport_record_get_id (RAPPORT_RECORD (org));
      fields.lifecycle = i % 2 ? RAPPORT_LIFECYCLE_LEAD : RAPPORT_LIFECYCLE_CONTACT;
      contact = rapport_store_add_contact (store, &fields, &error);
      g_assert_no_error (error);
      g_assert_nonnull (contact);
    }

  deal_fields.title = "Pilot";
  deal_fields.value = 100000;
  deal = rapport_store_add_deal (store, &deal_fields, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deal);
}

/* Overwrites @len bytes at @offset with bytes from a fixed seed. */
static void
garble (const char *path,
        goffset     offset,
        gsize       len,
        guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree guchar *bytes = g_malloc (len);
  int fd;

  for (gsize i = 0; i < len; i++)
    bytes[i] = (guchar) g_rand_int_range (rand, 0, 256);

  fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, bytes, len, offset), ==, (gssize) len);
  g_assert_cmpint (fsync (fd), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
}

static goffset
file_size (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_size;
}

/* Runs rapport-cli --db @path @args: it must exit 1 with one line on
 * stderr that says the file was left unchanged, and print nothing. */
static void
assert_cli_refuses (const char         *path,
                    const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *command = g_strjoinv (" ", (char **) args);
  const char *cli = g_getenv ("RAPPORT_CLI");
  const char *newline;
  int wait_status;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);

  g_test_message ("rapport-cli %s: %.*s", command, (int) strcspn (err, "\n"), err);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 1);
  g_assert_cmpstr (out, ==, "");

  /* One line, that names the problem. */
  g_assert_true (g_str_has_prefix (err, "rapport-cli: "));
  newline = strchr (err, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
  g_assert_nonnull (strstr (err, "unchanged"));
}

/* The whole refusal: the model, then the command line. Before and after
 * each, the directory holds exactly @names (one a line), each file with the
 * same bytes: the database itself, and the -wal of a program that has it
 * open. */
static void
assert_refused (TestFile     *file,
                RapportError  code,
                RapportError  other_code,
                const char   *names)
{
  static const char * const deal_list[] = { "deal", "list", NULL };
  static const char * const check[] = { "check", NULL };
  static const char * const init[] = { "init", NULL };
  static const char * const contact_add[] = { "contact", "add", "Ada", NULL };
  static const char * const * const commands[] = { deal_list, check, init, contact_add };
  g_autofree char *listing = dir_listing (file->dir);
  g_autofree char *snapshot = dir_snapshot (file->dir);
  g_autofree char *after = NULL;
  g_autofree char *basename = g_path_get_basename (file->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;

  g_assert_cmpstr (listing, ==, names);
  g_test_message ("before:\n%s", snapshot);

  store = rapport_store_new (file->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_test_message ("rapport_store_new: %s (code %d)", error->message, error->code);
  g_assert_true (error->domain == RAPPORT_ERROR);
  if (error->code != (int) other_code)
    g_assert_cmpint (error->code, ==, code);
  g_assert_nonnull (strstr (error->message, "unchanged"));
  g_assert_nonnull (strstr (error->message, basename));

  after = dir_snapshot (file->dir);
  g_assert_cmpstr (after, ==, snapshot);
  g_clear_pointer (&after, g_free);

  /* A template does not change the verdict. */
  g_clear_error (&error);
  store = rapport_store_new_with_template (file->path, "cycle7", &error);
  g_assert_null (store);
  g_assert_true (error != NULL && error->domain == RAPPORT_ERROR);
  if (error->code != (int) other_code)
    g_assert_cmpint (error->code, ==, code);

  after = dir_snapshot (file->dir);
  g_assert_cmpstr (after, ==, snapshot);
  g_clear_pointer (&after, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      assert_cli_refuses (file->path, commands[i]);

      after = dir_snapshot (file->dir);
      g_assert_cmpstr (after, ==, snapshot);
      g_clear_pointer (&after, g_free);
    }
}

/* Not a database */

static void
test_refusal_text_file (void)
{
  g_autoptr(TestFile) file = test_file_new ();
  static const char text[] = "hello, this is not a database\n";

  rapport_test_write_file (file->path, text, sizeof text - 1);
  assert_refused (file, RAPPORT_ERROR_NOT_A_DATABASE, RAPPORT_ERROR_NOT_A_DATABASE, "rapport.db");
}

static void
test_refusal_random_bytes (void)
{
  g_autoptr(TestFile) file = test_file_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261120);
  char bytes[8192];

  for (gsize i = 0; i < sizeof bytes; i++)
    bytes[i] = (char) g_rand_int_range (rand, 0, 256);

  rapport_test_write_file (file->path, bytes, sizeof bytes);
  assert_refused (file, RAPPORT_ERROR_NOT_A_DATABASE, RAPPORT_ERROR_NOT_A_DATABASE, "rapport.db");
}

/* Damaged */

static void
prepare_damaged (TestFile *file)
{
  g_autofree char *wal = g_strconcat (file->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (file->path, "-shm", NULL);
  GStatBuf st;

  make_rapport_db (file->path);

  /* Closing the store merged the WAL into the main file, which is what
   * gets damaged, and left it empty (Rapport keeps it: see PERSIST_WAL).
   * Nobody has the file open: the test takes the two away. */
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  g_assert_cmpint (g_unlink (wal), ==, 0);
  g_unlink (shm);
  g_assert_cmpint (query_int_sqlite (file->path, "SELECT count(*) FROM contact"), ==, 40);
  g_assert_cmpint (query_int_sqlite (file->path, "PRAGMA page_size"), ==, PAGE_SIZE);
  g_assert_cmpint (file_size (file->path), >=, 8 * PAGE_SIZE);
}

static void
test_refusal_corrupt_page_3 (void)
{
  g_autoptr(TestFile) file = test_file_new ();

  prepare_damaged (file);
  garble (file->path, 2 * PAGE_SIZE, PAGE_SIZE, 3);
  assert_refused (file, RAPPORT_ERROR_CORRUPT, RAPPORT_ERROR_CORRUPT, "rapport.db");
}

static void
test_refusal_corrupt_middle (void)
{
  g_autoptr(TestFile) file = test_file_new ();
  goffset n_pages;

  prepare_damaged (file);
  n_pages = file_size (file->path) / PAGE_SIZE;
  garble (file->path, (n_pages / 2) * PAGE_SIZE, PAGE_SIZE, 7);
  assert_refused (file, RAPPORT_ERROR_CORRUPT, RAPPORT_ERROR_CORRUPT, "rapport.db");
}

static void
test_refusal_corrupt_contact_table (void)
{
  g_autoptr(TestFile) file = test_file_new ();
  int root;

  /* The page that holds the contacts, wherever it is. */
  prepare_damaged (file);
  root = query_int_sqlite (file->path, "SELECT rootpage FROM sqlite_schema WHERE name = 'contact'");
  g_assert_cmpint (root, >, 1);
  garble (file->path, (goffset) (root - 1) * PAGE_SIZE, PAGE_SIZE, 11);
  assert_refused (file, RAPPORT_ERROR_CORRUPT, RAPPORT_ERROR_CORRUPT, "rapport.db");
}

static void
test_refusal_corrupt_header (void)
{
  g_autoptr(TestFile) file = test_file_new ();
  g_autofree char *contents = NULL;

  /* The magic string survives; page size, versions and the rest of the
   * header do not. SQLite calls that "not a database"; either verdict is a
   * clear refusal. */
  prepare_damaged (file);
  garble (file->path, 16, 100 - 16, 16);
  g_assert_true (g_file_get_contents (file->path, &contents, NULL, NULL));
  g_assert_cmpmem (contents, 16, "SQLite format 3\0", 16);

  assert_refused (file, RAPPORT_ERROR_CORRUPT, RAPPORT_ERROR_NOT_A_DATABASE, "rapport.db");
}

/* Too new */

static void
test_refusal_too_new (void)
{
  g_autoptr(TestFile) file = test_file_new ();

  make_rapport_db (file->path);
  exec_sqlite (file->path, "PRAGMA user_version = 99;");
  g_assert_cmpint (query_int_sqlite (file->path, "PRAGMA user_version"), ==, 99);

  assert_refused (file, RAPPORT_ERROR_TOO_NEW, RAPPORT_ERROR_TOO_NEW, "rapport.db");
}

/* Another program's database */

static void
test_refusal_foreign (void)
{
  g_autoptr(TestFile) file = test_file_new ();

  exec_sqlite (file->path,
               "CREATE TABLE notes(x);"
               "INSERT INTO notes VALUES ('remember the milk');");
  g_assert_cmpint (query_int_sqlite (file->path, "SELECT count(*) FROM notes"), ==, 1);

  assert_refused (file, RAPPORT_ERROR_FOREIGN_DATABASE, RAPPORT_ERROR_FOREIGN_DATABASE, "rapport.db");
}

static void
test_refusal_foreign_wal (void)
{
  g_autoptr(TestFile) file = test_file_new ();
  g_autofree char *contents = NULL;
  gsize len;

  /* The same, in WAL mode, like Rapport's own files: a read-only look at
   * such a file must not leave a -shm or -wal behind either. */
  exec_sqlite (file->path,
               "PRAGMA journal_mode = WAL;"
               "CREATE TABLE notes(x);"
               "INSERT INTO notes VALUES ('remember the milk');");
  g_assert_true (g_file_get_contents (file->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 100);
  g_assert_cmpint (contents[18], ==, 2);  /* WAL read and write versions */
  g_assert_cmpint (contents[19], ==, 2);

  assert_refused (file, RAPPORT_ERROR_FOREIGN_DATABASE, RAPPORT_ERROR_FOREIGN_DATABASE, "rapport.db");
}

/* In use by its own program */

/* An open connection to @path that has just committed a write which is
 * still in the -wal, as a program that has the file open would have. */
static sqlite3 *
hold_open (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);

  return db;
}

static void
assert_still_holds (sqlite3    *db,
                    const char *sql,
                    int         expected)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, expected);
  sqlite3_finalize (stmt);
}

static void
test_refusal_too_new_in_use (void)
{
  g_autoptr(TestFile) file = test_file_new ();
  sqlite3 *newer;

  /* A newer Rapport has the file open, with its last write in the WAL:
   * refusing it must not take the -wal or -shm from under it. */
  make_rapport_db (file->path);
  exec_sqlite (file->path, "PRAGMA user_version = 99;");
  newer = hold_open (file->path,
                     "PRAGMA journal_mode = WAL;"
                     "CREATE TABLE newer_feature (x);"
                     "INSERT INTO newer_feature VALUES (42);");

  assert_refused (file, RAPPORT_ERROR_TOO_NEW, RAPPORT_ERROR_TOO_NEW,
                  "rapport.db\nrapport.db-shm\nrapport.db-wal");

  assert_still_holds (newer, "SELECT x FROM newer_feature", 42);
  assert_still_holds (newer, "SELECT count(*) FROM contact", 40);
  g_assert_cmpint (sqlite3_close (newer), ==, SQLITE_OK);
  g_assert_cmpint (query_int_sqlite (file->path, "SELECT x FROM newer_feature"), ==, 42);
}

static void
test_refusal_foreign_in_use (void)
{
  g_autoptr(TestFile) file = test_file_new ();
  sqlite3 *other;

  other = hold_open (file->path,
                     "PRAGMA journal_mode = WAL;"
                     "CREATE TABLE notes(x);"
                     "INSERT INTO notes VALUES ('remember the milk');");

  assert_refused (file, RAPPORT_ERROR_FOREIGN_DATABASE, RAPPORT_ERROR_FOREIGN_DATABASE,
                  "rapport.db\nrapport.db-shm\nrapport.db-wal");

  assert_still_holds (other, "SELECT count(*) FROM notes", 1);
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);
  g_assert_cmpint (query_int_sqlite (file->path, "SELECT count(*) FROM notes"), ==, 1);
}

/* What must not be refused */

static void
test_refusal_accepts_reopen (void)
{
  g_autoptr(TestFile) file = test_file_new ();
  g_autoptr(GError) error = NULL;
  gint64 deal_id, contact_id;

  {
    g_autoptr(RapportStore) store = rapport_store_new (file->path, &error);
    g_autoptr(RapportContact) contact = NULL;
    g_autoptr(RapportDeal) deal = NULL;
    RapportContactFields contact_fields = { 0, };
    RapportDealFields deal_fields = { 0, };

    g_assert_no_error (error);
    contact_fields.name = "Grace Hopper";
    contact_fields.email = "grace@example.com";
    contact = rapport_store_add_contact (store, &contact_fields, &error);
    g_assert_no_error (error);
    contact_id = rapport_record_get_id (RAPPORT_RECORD (contact));

    deal_fields.title = "Compiler licence";
    deal_fields.value = 123450;
    deal_fields.currency = "EUR";
    deal_fields.contact_id = contact_id;
    deal = rapport_store_add_deal (store, &deal_fields, &error);
    g_assert_no_error (error);
    deal_id = rapport_record_get_id (RAPPORT_RECORD (deal));
  }

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(RapportStore) store = rapport_store_new (file->path, &error);
      g_autoptr(RapportDeal) deal = NULL;
      g_autoptr(RapportContact) contact = NULL;
      g_autoptr(RapportContact) added = NULL;
      g_autoptr(GListModel) contacts = NULL;
      g_autofree char *report = NULL;
      RapportContactFields fields = { 0, };
      g_autofree char *name = g_strdup_printf ("Added in round %u", round);

      g_assert_no_error (error);
      g_assert_nonnull (store);

      deal = rapport_store_get_deal (store, deal_id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (rapport_deal_get_title (deal), ==, "Compiler licence");
      g_assert_cmpint (rapport_deal_get_value (deal), ==, 123450);
      g_assert_cmpstr (rapport_deal_get_currency (deal), ==, "EUR");
      g_assert_cmpint (rapport_deal_get_contact_id (deal), ==, contact_id);

      contact = rapport_store_get_contact (store, contact_id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (rapport_contact_get_name (contact), ==, "Grace Hopper");
      g_assert_cmpstr (rapport_contact_get_email (contact), ==, "grace@example.com");

      /* What the rounds before added is there too. */
      contacts = rapport_store_get_contacts (store);
      g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 1 + round);

      g_assert_true (rapport_store_check (store, &report, &error));
      g_assert_no_error (error);

      fields.name = name;
      added = rapport_store_add_contact (store, &fields, &error);
      g_assert_no_error (error);
      g_assert_nonnull (added);
    }

  {
    g_autoptr(RapportStore) store = rapport_store_new (file->path, &error);
    g_autoptr(GListModel) contacts = NULL;

    g_assert_no_error (error);
    contacts = rapport_store_get_contacts (store);
    g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 3);
  }
}

static void
test_refusal_accepts_empty_file (void)
{
  g_autoptr(TestFile) file = test_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportPipeline) pipeline = NULL;

  /* An empty file (touch) is a new database, not a damaged one. */
  rapport_test_write_file (file->path, "", 0);
  store = rapport_store_new (file->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  pipeline = rapport_store_get_current_pipeline (store);
  g_assert_nonnull (pipeline);
  g_assert_cmpuint (g_list_model_get_n_items (rapport_store_get_stages (store, pipeline)), >, 0);
}

static void
on_damaged (RapportStore *store,
            const char   *message,
            char        **out)
{
  *out = g_strdup (message);
}

/* The app checks a large file in a thread: a damaged one still reaches the
 * user as a refusal, and nothing is written to it meanwhile or after. */
static void
test_background_check_damaged (void)
{
  g_autoptr(TestFile) file = test_file_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *message = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportOrganization) org = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int root;

  prepare_damaged (file);
  root = query_int_sqlite (file->path, "SELECT rootpage FROM sqlite_schema WHERE name = 'contact'");
  garble (file->path, (goffset) (root - 1) * PAGE_SIZE, PAGE_SIZE, 11);
  before = rapport_test_file_checksum (file->path);

  store = rapport_store_new_full (file->path, NULL, RAPPORT_STORE_CHECK_IN_BACKGROUND, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_signal_connect (store, "damaged", G_CALLBACK (on_damaged), &message);

  while (message == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "damaged"));
  g_assert_nonnull (strstr (message, "unchanged"));

  /* Every write is refused. */
  org = rapport_store_add_organization (store, "Written to a damaged file", &error);
  g_assert_null (org);
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT);

  g_clear_object (&store);
  after = rapport_test_file_checksum (file->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_background_check_healthy (void)
{
  g_autoptr(TestFile) file = test_file_new ();
  g_autofree char *message = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportOrganization) org = NULL;
  g_autoptr(GError) error = NULL;

  make_rapport_db (file->path);
  store = rapport_store_new_full (file->path, NULL, RAPPORT_STORE_CHECK_IN_BACKGROUND, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "damaged", G_CALLBACK (on_damaged), &message);

  /* The first write waits for the verdict, then goes through. */
  org = rapport_store_add_organization (store, "Contoso", &error);
  g_assert_no_error (error);
  g_assert_nonnull (org);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (message);
}

int
main (int    argc,
      char **argv)
{
  /* UTF-8 messages (“…”) print as such in the test log. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/refusal/not-a-database/text", test_refusal_text_file);
  g_test_add_func ("/refusal/not-a-database/random-bytes", test_refusal_random_bytes);
  g_test_add_func ("/refusal/corrupt/page-3", test_refusal_corrupt_page_3);
  g_test_add_func ("/refusal/corrupt/middle-page", test_refusal_corrupt_middle);
  g_test_add_func ("/refusal/corrupt/contact-table", test_refusal_corrupt_contact_table);
  g_test_add_func ("/refusal/corrupt/header", test_refusal_corrupt_header);
  g_test_add_func ("/refusal/background-check/damaged", test_background_check_damaged);
  g_test_add_func ("/refusal/background-check/healthy", test_background_check_healthy);
  g_test_add_func ("/refusal/too-new", test_refusal_too_new);
  g_test_add_func ("/refusal/foreign", test_refusal_foreign);
  g_test_add_func ("/refusal/foreign-wal", test_refusal_foreign_wal);
  g_test_add_func ("/refusal/in-use/too-new", test_refusal_too_new_in_use);
  g_test_add_func ("/refusal/in-use/foreign", test_refusal_foreign_in_use);
  g_test_add_func ("/refusal/accepts/reopen", test_refusal_accepts_reopen);
  g_test_add_func ("/refusal/accepts/empty-file", test_refusal_accepts_empty_file);

  return g_test_run ();
}
