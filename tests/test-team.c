/* test-team.c — the team's PostgreSQL database, on a real server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts a PostgreSQL 15 of its own (tests/harness/pg-server: a new
 * cluster in a temporary folder, on loopback, password logins over TCP)
 * and drives it as a manager would with `rapport-cli team init` and
 * `team add-user`, then as the desktops would through rapport.push():
 * the order, a retried push, and the row-level security that lets a
 * seller change only what they own.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libpq-fe.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <string.h>

#include "rapport-store-change-log.h"
#include "rapport-sync.h"
#include "rapport-team-server.h"
#include "rapport-test-support.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

static char *server_dir;
static char *superuser;   /* over the socket: no password */
static char *port;

static char *
conninfo (const char *dbname,
          const char *user,
          const char *password)
{
  if (user == NULL)
    return g_strdup_printf ("%s dbname=%s", superuser, dbname);
  return g_strdup_printf ("host=127.0.0.1 port=%s dbname=%s user=%s password=%s", port, dbname, user, password);
}

static PGconn *
connect_ok (const char *info)
{
  PGconn *conn = PQconnectdb (info);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("connect %s: %s", info, PQerrorMessage (conn));
  return conn;
}

static void
admin_exec (const char *dbname,
            const char *sql)
{
  g_autofree char *info = conninfo (dbname, NULL, NULL);
  g_autoptr(PGconn) conn = connect_ok (info);
  g_autoptr(PGresult) result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
}

/* The first column of the first row of @sql in @dbname, as text. */
static char *
admin_value (const char *dbname,
             const char *sql)
{
  g_autofree char *info = conninfo (dbname, NULL, NULL);
  g_autoptr(PGconn) conn = connect_ok (info);
  g_autoptr(PGresult) result = PQexec (conn, sql);

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (result), ==, 1);
  return g_strdup (PQgetvalue (result, 0, 0));
}

static void
create_database (const char *name)
{
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s", name);

  admin_exec ("postgres", sql);
}

/* The NULL-terminated arguments after @first (itself one when not NULL),
 * and @extra (when not NULL) at the end; the array ends with NULL. */
static GPtrArray *
collect_args (const char *first,
              va_list     ap,
              const char *extra)
{
  GPtrArray *args = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  if (extra != NULL)
    g_ptr_array_add (args, (gpointer) extra);
  g_ptr_array_add (args, NULL);
  return args;
}

/* rapport-cli --db @db @args, as the member whose password is @password
 * (NULL: no password given). */
static void
run_args (const char     *password,
          const char     *db,
          GPtrArray      *args,
          RapportTestRun *run)
{
  if (password != NULL)
    g_setenv ("PGPASSWORD", password, TRUE);
  rapport_test_run_cli (db, (const char **) args->pdata, run);
  g_unsetenv ("PGPASSWORD");
}

static void
run_cli (const char     *db,
         RapportTestRun *run,
         const char     *first,
         ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, first);
  args = collect_args (first, ap, NULL);
  va_end (ap);
  run_args (NULL, db, args, run);
}

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = rapport_test_tmpdir_new ();
  f->db = g_build_filename (f->dir, "manager.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->db);
  rapport_test_tmpdir_free (f->dir);
}

static gboolean
skip_without_server (void)
{
  if (server_dir != NULL)
    return FALSE;
  g_test_skip ("PostgreSQL is not installed");
  return TRUE;
}

/* An empty database becomes the team's; the file keeps the server, never
 * the password. */
static void
test_init (Fixture       *f,
           gconstpointer  data)
{
  g_auto(RapportTestRun) run = { 0 };
  g_autofree char *info = NULL;
  g_autofree char *version = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(RapportStore) store = NULL;

  if (skip_without_server ())
    return;
  create_database ("team_init");
  info = g_strdup_printf ("%s dbname=team_init password=not-kept", superuser);

  run_cli (f->db, &run, "team", "init", info, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "ready"));

  version = admin_value ("team_init", "SELECT value FROM rapport.meta WHERE key = 'version'");
  g_assert_cmpstr (version, ==, "1");

  store = rapport_store_new (f->db, NULL);
  kept = rapport_store_get_team_server (store);
  g_assert_nonnull (kept);
  g_assert_nonnull (strstr (kept, "team_init"));
  g_assert_null (strstr (kept, "password"));
  g_assert_null (strstr (kept, "not-kept"));
  rapport_test_run_clear (&run);

  /* A second init leaves the team as it is. */
  run_cli (f->db, &run, "team", "init", info, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "already holds a Rapport team"));
}

/* A database of another program is refused and not touched. */
static void
test_init_refuses_foreign (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(RapportTestRun) run = { 0 };
  g_autofree char *info = NULL;
  g_autofree char *schemas = NULL;

  if (skip_without_server ())
    return;
  create_database ("invoices");
  admin_exec ("invoices", "CREATE TABLE invoice (id integer PRIMARY KEY, total numeric)");
  info = conninfo ("invoices", NULL, NULL);

  run_cli (f->db, &run, "team", "init", info, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "not empty"));
  schemas = admin_value ("invoices", "SELECT count(*) FROM pg_namespace WHERE nspname = 'rapport'");
  g_assert_cmpstr (schemas, ==, "0");
}

/* The line "Their first password: …" of add-user's output. */
static char *
printed_password (const char *out)
{
  const char *line = strstr (out, "password: ");

  g_assert_nonnull (line);
  line += strlen ("password: ");
  return g_strndup (line, strcspn (line, "\n"));
}

static char *
add_user (Fixture    *f,
          const char *name,
          const char *role)
{
  g_auto(RapportTestRun) run = { 0 };

  run_cli (f->db, &run, "team", "add-user", name, "--role", role, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, role));
  return printed_password (run.out);
}

static void
init_team (Fixture    *f,
           const char *dbname)
{
  g_auto(RapportTestRun) run = { 0 };
  g_autofree char *info = conninfo (dbname, NULL, NULL);

  create_database (dbname);
  run_cli (f->db, &run, "team", "init", info, NULL);
  g_assert_cmpint (run.status, ==, 0);
}

/* Each person gets a role that logs in over TCP with the password
 * add-user printed; an unknown role is a usage error. */
static void
test_add_user (Fixture       *f,
               gconstpointer  data)
{
  g_auto(RapportTestRun) run = { 0 };
  g_autofree char *password = NULL;
  g_autofree char *info = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autofree char *manager = NULL;

  if (skip_without_server ())
    return;
  init_team (f, "team_users");

  password = add_user (f, "ines", "seller");
  g_assert_cmpuint (strlen (password), ==, 20);
  info = conninfo ("team_users", "ines", password);
  conn = connect_ok (info);
  g_clear_pointer (&conn, PQfinish);
  g_free (info);
  info = conninfo ("team_users", "ines", "wrong");
  conn = PQconnectdb (info);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_BAD);

  g_free (add_user (f, "omar", "manager"));
  manager = admin_value ("team_users", "SELECT is_manager FROM rapport.member WHERE role = 'omar'");
  g_assert_cmpstr (manager, ==, "t");

  run_cli (f->db, &run, "team", "add-user", "zoe", "--role", "boss", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "seller or manager"));
}

static const char push_sql[] = "SELECT rapport.push ($1::uuid, $2::bigint, $3, $4::jsonb, $5, $6::jsonb)";

/* rapport.push() as @conn's member; the seq, or -1 with *@state set to
 * the SQLSTATE of the refusal. */
static gint64
push (PGconn      *conn,
      const char  *desktop,
      const char  *local_seq,
      const char  *op,
      const char  *fields,
      char       **state)
{
  const char *values[6] = { desktop, local_seq, "deal", "{\"uid\": \"5b1c7e2a-0000-4000-8000-000000000001\"}", op, fields };
  g_autoptr(PGresult) result = PQexecParams (conn, push_sql, 6, NULL, values, NULL, NULL, 0);

  if (PQresultStatus (result) == PGRES_TUPLES_OK)
    return g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  if (state != NULL)
    *state = g_strdup (PQresultErrorField (result, PG_DIAG_SQLSTATE));
  return -1;
}

static void
test_policies (Fixture       *f,
               gconstpointer  data)
{
  static const char desk_a[] = "a0000000-0000-4000-8000-000000000000";
  static const char desk_b[] = "b0000000-0000-4000-8000-000000000000";
  static const char desk_m[] = "c0000000-0000-4000-8000-000000000000";
  g_autofree char *pw_ana = NULL, *pw_ben = NULL, *pw_mia = NULL;
  g_autofree char *info_ana = NULL, *info_ben = NULL, *info_mia = NULL;
  g_autoptr(PGconn) ana = NULL;
  g_autoptr(PGconn) ben = NULL;
  g_autoptr(PGconn) mia = NULL;
  g_autofree char *state = NULL;
  g_autofree char *n_changes = NULL;
  g_autofree char *value = NULL;
  g_autofree char *owner = NULL;
  gint64 first, again, managed;

  if (skip_without_server ())
    return;
  init_team (f, "team_rls");
  pw_ana = add_user (f, "ana", "seller");
  pw_ben = add_user (f, "ben", "seller");
  pw_mia = add_user (f, "mia", "manager");
  info_ana = conninfo ("team_rls", "ana", pw_ana);
  info_ben = conninfo ("team_rls", "ben", pw_ben);
  info_mia = conninfo ("team_rls", "mia", pw_mia);
  ana = connect_ok (info_ana);
  ben = connect_ok (info_ben);
  mia = connect_ok (info_mia);

  /* Ana adds a deal; her retried push is not applied twice. */
  first = push (ana, desk_a, "1", "insert", "{\"title\": \"Atlas roll-out\", \"value\": 900000}", NULL);
  g_assert_cmpint (first, >, 0);
  again = push (ana, desk_a, "1", "insert", "{\"title\": \"Atlas roll-out\", \"value\": 900000}", NULL);
  g_assert_cmpint (again, ==, first);
  n_changes = admin_value ("team_rls", "SELECT count(*) FROM rapport.change");
  g_assert_cmpstr (n_changes, ==, "1");
  owner = admin_value ("team_rls", "SELECT owner FROM rapport.deals");
  g_assert_cmpstr (owner, ==, "ana");

  /* Ben sees it but may not change or delete it. */
  g_assert_cmpint (push (ben, desk_b, "1", "update", "{\"value\": 1}", &state), ==, -1);
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);
  g_assert_cmpint (push (ben, desk_b, "2", "delete", NULL, &state), ==, -1);
  g_assert_cmpstr (state, ==, "42501");

  /* Mia, a manager, may; the fields merge. */
  managed = push (mia, desk_m, "1", "update", "{\"value\": 1200000}", NULL);
  g_assert_cmpint (managed, >, first);
  value = admin_value ("team_rls", "SELECT title || ' ' || value_minor_units FROM rapport.deals");
  g_assert_cmpstr (value, ==, "Atlas roll-out 1200000");
  g_free (n_changes);
  n_changes = admin_value ("team_rls", "SELECT count(*) FROM rapport.change");
  g_assert_cmpstr (n_changes, ==, "2");
}

/* rapport-cli on @db as a member whose password is @password. */
static void
run_as (const char     *password,
        const char     *db,
        RapportTestRun *run,
        const char     *first,
        ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, first);
  args = collect_args (first, ap, NULL);
  va_end (ap);
  run_args (password, db, args, run);
}

/* What rapport-cli --db @db ARGS… --json printed, which must succeed. */
static JsonNode *
cli_json (const char *db,
          const char *first,
          ...)
{
  g_autoptr(GPtrArray) args = NULL;
  g_auto(RapportTestRun) run = { 0 };
  JsonNode *node;
  va_list ap;

  va_start (ap, first);
  args = collect_args (first, ap, "--json");
  va_end (ap);
  run_args (NULL, db, args, &run);
  if (run.status != 0)
    g_error ("%s: %s", first, run.err);
  node = json_from_string (run.out, NULL);
  g_assert_nonnull (node);
  return node;
}

/* What `deal show ID --json` says of @field. */
static char *
deal_field (const char *db,
            const char *id,
            const char *field)
{
  g_autoptr(JsonNode) node = cli_json (db, "deal", "show", id, NULL);
  JsonNode *member = json_object_get_member (json_node_get_object (node), field);

  return JSON_NODE_HOLDS_VALUE (member) ? g_strdup_printf ("%s", json_node_get_string (member) != NULL
                                                                  ? json_node_get_string (member)
                                                                  : "")
                                        : json_to_string (member, FALSE);
}

static char *
deal_value (const char *db,
            const char *id)
{
  g_autoptr(JsonNode) node = cli_json (db, "deal", "show", id, NULL);

  return g_strdup_printf ("%" G_GINT64_FORMAT,
                          json_object_get_int_member (json_node_get_object (node), "value"));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The names of the file's contacts, sorted, one string. */
static char *
contact_names (const char *db)
{
  g_autoptr(JsonNode) node = cli_json (db, "contact", "list", NULL);
  JsonArray *array = json_node_get_array (node);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (names, (gpointer) json_object_get_string_member (json_array_get_object_element (array, i), "name"));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

typedef struct
{
  char *team;       /* the server, for members over TCP */
  char *desk_a;
  char *desk_b;
  char *pw_a;
  char *pw_b;
} Team;

static void
team_clear (Team *team)
{
  g_free (team->team);
  g_free (team->desk_a);
  g_free (team->desk_b);
  g_free (team->pw_a);
  g_free (team->pw_b);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Team, team_clear)

/* A team @dbname with a seller (@a, on desktop A, the first to join, who
 * brings up a deal) and @b (a manager when @b_manages), on desktop B. */
static void
two_desktops (Fixture    *f,
              Team       *team,
              const char *dbname,
              const char *a,
              const char *b,
              gboolean    b_manages)
{
  g_auto(RapportTestRun) run = { 0 };
  g_autofree char *out = NULL;

  init_team (f, dbname);
  team->pw_a = add_user (f, a, "seller");
  team->pw_b = add_user (f, b, b_manages ? "manager" : "seller");
  team->team = g_strdup_printf ("host=127.0.0.1 port=%s dbname=%s", port, dbname);
  team->desk_a = g_build_filename (f->dir, "a.db", NULL);
  team->desk_b = g_build_filename (f->dir, "b.db", NULL);

  g_free (rapport_test_cli_ok (team->desk_a, "init", NULL));
  out = rapport_test_cli_ok (team->desk_a, "deal", "add", "Atlas", "--value", "9000", NULL);
  run_as (team->pw_a, team->desk_a, &run, "team", "join", team->team, "--user", a, NULL);
  g_assert_cmpint (run.status, ==, 0);
  rapport_test_run_clear (&run);

  g_free (rapport_test_cli_ok (team->desk_b, "init", NULL));
  run_as (team->pw_b, team->desk_b, &run, "team", "join", team->team, "--user", b, NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
sync_ok (const char *password,
         const char *db)
{
  g_auto(RapportTestRun) run = { 0 };

  run_as (password, db, &run, "sync", NULL);
  if (run.status != 0)
    g_error ("sync %s: %s", db, run.err);
}

/* A deal added on one desktop is on the other after a sync; the first
 * desktop's own records went up when it joined, the second's seeded
 * pipeline made way for the team's. */
static void
test_two_desktops (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(Team) team = { 0 };
  g_autoptr(JsonNode) status = NULL;
  g_autoptr(JsonNode) pipelines = NULL;
  g_autofree char *title = NULL;
  g_autofree char *out = NULL;

  if (skip_without_server ())
    return;
  two_desktops (f, &team, "team_two", "alma", "bruno", FALSE);

  title = deal_field (team.desk_b, "1", "title");
  g_assert_cmpstr (title, ==, "Atlas");
  pipelines = cli_json (team.desk_b, "pipeline", "list", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (pipelines)), ==, 1);

  /* A new deal on B reaches A. */
  out = rapport_test_cli_ok (team.desk_b, "deal", "add", "Borealis", "--value", "4500", NULL);
  sync_ok (team.pw_b, team.desk_b);
  sync_ok (team.pw_a, team.desk_a);
  g_free (title);
  title = deal_field (team.desk_a, "2", "title");
  g_assert_cmpstr (title, ==, "Borealis");

  status = cli_json (team.desk_a, "team", "status", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (status), "state"), ==, "synced");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (status), "pending"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (status), "user"), ==, "alma");
}

static void
server_command (const char *command)
{
  g_autofree char *data = g_build_filename (server_dir, "pg", NULL);
  const char *argv[4] = { g_getenv ("RAPPORT_PG_SERVER"), command, data, NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

#define server_stop() server_command ("stop")
#define server_kill() server_command ("kill")
#define server_restart() server_command ("start")

/* rapport-cli --db @db ARGS… started as member @password, not waited
 * for. */
static GPid
spawn_cli (const char  *password,
           const char  *db,
           const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "PGPASSWORD", password, TRUE);
  GPid pid = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("RAPPORT_CLI"));
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, (gpointer) db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_async (NULL, (char **) argv->pdata, envp,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, NULL));
  return pid;
}

static int
wait_child (GPid pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  return status;
}

static gint64
admin_count (const char *dbname,
             const char *sql)
{
  g_autofree char *text = admin_value (dbname, sql);

  return g_ascii_strtoll (text, NULL, 10);
}

/* Polls @sql in @dbname until it gives at least @n (a minute, longer
 * under the sanitizers), or @pid has ended. */
static gboolean
wait_for_count (const char *dbname,
                const char *sql,
                gint64      n,
                GPid        pid)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC * rapport_test_timeout_multiplier ();

  while (g_get_monotonic_time () < deadline)
    {
      if (admin_count (dbname, sql) >= n)
        return TRUE;
      if (waitpid (pid, NULL, WNOHANG) != 0)
        return FALSE;
      g_usleep (2000);
    }
  return FALSE;
}

static gint64
count_of (const char *db,
          const char *kind)
{
  g_autoptr(JsonNode) node = cli_json (db, kind, "list", NULL);

  return json_array_get_length (json_node_get_array (node));
}

/* kill -9 of a desktop in the middle of a push, then of the server in
 * the middle of another desktop's download: after restarts and a sync,
 * the team holds every record once, and the other desktop all of them. */
static void
test_kill_in_the_middle (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *pw_a = NULL, *pw_b = NULL, *server = NULL;
  g_autofree char *desk_a = g_build_filename (f->dir, "a.db", NULL);
  g_autofree char *desk_b = g_build_filename (f->dir, "b.db", NULL);
  g_autofree char *lock_info = NULL;
  g_autoptr(PGconn) lock = NULL;
  g_autoptr(PGresult) held = NULL;
  g_autoptr(PGresult) freed = NULL;
  gint64 deals, contacts, pushed_before_kill;
  GPid pid;

  if (skip_without_server ())
    return;
  init_team (f, "team_kill");
  pw_a = add_user (f, "iris", "manager");
  pw_b = add_user (f, "jonas", "manager");
  server = g_strdup_printf ("host=127.0.0.1 port=%s dbname=team_kill", port);
  g_free (rapport_test_cli_ok (desk_a, "init", NULL));
  g_free (rapport_test_cli_ok (desk_a, "demo", "--deals", "800", "--contacts", "800", "--seed", "7", NULL));
  deals = count_of (desk_a, "deal");
  contacts = count_of (desk_a, "contact");

  /* A joins and pushes; once some of its changes are in, a session holds
   * the lock every push takes, so A is stopped between two of them, and
   * killed there. */
  {
    const char *join[] = { "team", "join", server, "--user", "iris", NULL };

    pid = spawn_cli (pw_a, desk_a, join);
  }
  g_assert_true (wait_for_count ("team_kill", "SELECT count(*) FROM rapport.change", 200, pid));
  lock_info = conninfo ("team_kill", NULL, NULL);
  lock = connect_ok (lock_info);
  held = PQexec (lock, "SELECT pg_advisory_lock (7262, 1)");
  g_assert_cmpint (PQresultStatus (held), ==, PGRES_TUPLES_OK);
  pushed_before_kill = admin_count ("team_kill", "SELECT count(*) FROM rapport.change");
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  wait_child (pid);
  freed = PQexec (lock, "SELECT pg_advisory_unlock (7262, 1)");
  g_clear_pointer (&lock, PQfinish);
  g_test_message ("%" G_GINT64_FORMAT " changes were in when A was killed", pushed_before_kill);

  /* A syncs again: the rest goes, nothing twice. */
  sync_ok (pw_a, desk_a);
  g_assert_cmpint (admin_count ("team_kill", "SELECT count(*) FROM rapport.deals"), ==, deals);
  g_assert_cmpint (admin_count ("team_kill", "SELECT count(*) FROM rapport.contacts"), ==, contacts);
  g_assert_cmpint (admin_count ("team_kill", "SELECT count(*) FROM (SELECT key FROM rapport.change WHERE op = 'insert' AND entity = 'deal' GROUP BY key HAVING count(*) > 1) AS twice"), ==, 0);

  /* B downloads; the server crashes while it does. */
  g_free (rapport_test_cli_ok (desk_b, "init", NULL));
  {
    const char *join[] = { "team", "join", server, "--user", "jonas", NULL };

    pid = spawn_cli (pw_b, desk_b, join);
  }
  wait_for_count ("team_kill", "SELECT count(*) FROM pg_stat_activity WHERE usename = 'jonas'", 1, pid);
  server_kill ();
  wait_child (pid);
  server_restart ();

  /* Killed before it joined, B joins again; else it syncs. Either way it
   * ends with every record once. */
  {
    g_autofree char *joined = NULL;
    g_auto(RapportTestRun) run = { 0 };
    g_autoptr(RapportStore) store = rapport_store_new (desk_b, NULL);

    joined = rapport_store_get_team_server (store);
    g_clear_object (&store);
    if (joined == NULL)
      run_as (pw_b, desk_b, &run, "team", "join", server, "--user", "jonas", NULL);
    else
      run_as (pw_b, desk_b, &run, "sync", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  g_assert_cmpint (count_of (desk_b, "deal"), ==, deals);
  g_assert_cmpint (count_of (desk_b, "contact"), ==, contacts);
}


/* The server away: both desktops change the same deal's value, one its
 * title, and both add a contact. Back, and synced: both hold the same
 * records, the title merged, the value of the later push, the other
 * value listed as a conflict where it was overwritten. */
static void
test_offline_merge (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Team) team = { 0 };
  g_auto(RapportTestRun) run = { 0 };
  g_autoptr(JsonNode) status = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autofree char *out = NULL;
  g_autofree char *title_a = NULL, *title_b = NULL, *value_a = NULL, *value_b = NULL;
  g_autofree char *names_a = NULL, *names_b = NULL;
  JsonArray *conflicts;
  JsonObject *conflict;

  if (skip_without_server ())
    return;
  two_desktops (f, &team, "team_offline", "carla", "dmitri", TRUE);

  server_stop ();
  g_free (rapport_test_cli_ok (team.desk_a, "deal", "set", "1", "--value", "12000", "--title", "Atlas roll-out", NULL));
  g_free (rapport_test_cli_ok (team.desk_a, "contact", "add", "Eva from A", NULL));
  g_free (rapport_test_cli_ok (team.desk_b, "deal", "set", "1", "--value", "9500", NULL));
  g_free (rapport_test_cli_ok (team.desk_b, "contact", "add", "Fynn from B", NULL));

  /* Offline: the sync fails, says so, and nothing is lost. */
  run_as (team.pw_a, team.desk_a, &run, "sync", NULL);
  g_assert_cmpint (run.status, ==, 1);
  status = cli_json (team.desk_a, "team", "status", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (status), "state"), ==, "offline");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (status), "pending"), >, 0);

  server_restart ();
  sync_ok (team.pw_a, team.desk_a);
  sync_ok (team.pw_b, team.desk_b);
  sync_ok (team.pw_a, team.desk_a);

  title_a = deal_field (team.desk_a, "1", "title");
  title_b = deal_field (team.desk_b, "1", "title");
  g_assert_cmpstr (title_a, ==, "Atlas roll-out");
  g_assert_cmpstr (title_b, ==, "Atlas roll-out");
  value_a = deal_value (team.desk_a, "1");
  value_b = deal_value (team.desk_b, "1");
  g_assert_cmpstr (value_b, ==, "950000");
  g_assert_cmpstr (value_a, ==, value_b);
  names_a = contact_names (team.desk_a);
  names_b = contact_names (team.desk_b);
  g_assert_cmpstr (names_a, ==, "Eva from A, Fynn from B");
  g_assert_cmpstr (names_b, ==, names_a);

  shown = cli_json (team.desk_b, "deal", "show", "1", NULL);
  conflicts = json_object_get_array_member (json_node_get_object (shown), "conflicts");
  g_assert_cmpuint (json_array_get_length (conflicts), ==, 1);
  conflict = json_array_get_object_element (conflicts, 0);
  g_assert_cmpstr (json_object_get_string_member (conflict, "field"), ==, "value");
  g_assert_cmpstr (json_object_get_string_member (conflict, "yours"), ==, "950000");
  g_assert_cmpstr (json_object_get_string_member (conflict, "theirs"), ==, "1200000");
  g_assert_cmpstr (json_object_get_string_member (conflict, "by"), ==, "carla");
}

/* The conflicts of an offline edit resolved from the command line: the
 * teammate's value taken is a change of this desktop's, pushed at the
 * next sync and on the other desktop after its own; mine kept is only
 * the conflict gone. */
static void
test_resolve_conflicts (Fixture       *f,
                        gconstpointer  data)
{
  g_auto(Team) team = { 0 };
  g_auto(RapportTestRun) run = { 0 };
  g_autoptr(JsonNode) resolved = NULL;
  g_autoptr(JsonNode) status = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autofree char *value_a = NULL, *value_b = NULL, *title_a = NULL, *title_b = NULL;
  g_autofree char *taken = NULL;
  JsonObject *deal;

  if (skip_without_server ())
    return;
  two_desktops (f, &team, "team_resolve", "alex", "bea", TRUE);

  server_stop ();
  g_free (rapport_test_cli_ok (team.desk_a, "deal", "set", "1", "--value", "12000", "--title", "Atlas by A", NULL));
  g_free (rapport_test_cli_ok (team.desk_b, "deal", "set", "1", "--value", "9500", "--title", "Atlas by B", NULL));
  server_restart ();
  sync_ok (team.pw_a, team.desk_a);
  sync_ok (team.pw_b, team.desk_b);

  shown = cli_json (team.desk_b, "deal", "show", "1", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (shown), "conflicts")), ==, 2);

  /* Neither or both: a usage error; a field with no conflict: said so. */
  run_cli (team.desk_b, &run, "deal", "resolve", "1", "value", NULL);
  g_assert_cmpint (run.status, ==, 2);
  rapport_test_run_clear (&run);
  run_cli (team.desk_b, &run, "deal", "resolve", "1", "owner", "--mine", NULL);
  g_assert_cmpint (run.status, ==, 1);
  rapport_test_run_clear (&run);

  resolved = cli_json (team.desk_b, "deal", "resolve", "1", "value", "--theirs", NULL);
  deal = json_node_get_object (resolved);
  g_assert_cmpint (json_object_get_int_member (deal, "value"), ==, 1200000);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (deal, "conflicts")), ==, 1);
  status = cli_json (team.desk_b, "team", "status", NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (status), "pending"), >, 0);
  g_free (rapport_test_cli_ok (team.desk_b, "deal", "resolve", "1", "title", "--mine", NULL));
  g_clear_pointer (&shown, json_node_unref);
  shown = cli_json (team.desk_b, "deal", "show", "1", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (shown), "conflicts")), ==, 0);

  sync_ok (team.pw_b, team.desk_b);
  sync_ok (team.pw_a, team.desk_a);
  value_a = deal_value (team.desk_a, "1");
  value_b = deal_value (team.desk_b, "1");
  g_assert_cmpstr (value_b, ==, "1200000");
  g_assert_cmpstr (value_a, ==, "1200000");
  taken = admin_value ("team_resolve", "SELECT count(*) FROM rapport.change WHERE entity = 'deal' AND author = 'bea' AND fields->>'value' = '1200000'");
  g_assert_cmpstr (taken, ==, "1");
  title_a = deal_field (team.desk_a, "1", "title");
  title_b = deal_field (team.desk_b, "1", "title");
  g_assert_cmpstr (title_b, ==, "Atlas by B");
  g_assert_cmpstr (title_a, ==, "Atlas by B");
}

/* A seller's edit of someone else's deal is refused by the server, said
 * so, and the team's value comes back. */
static void
test_refused_restored (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(Team) team = { 0 };
  g_auto(RapportTestRun) run = { 0 };
  g_autofree char *value = NULL;
  g_autoptr(JsonNode) status = NULL;

  if (skip_without_server ())
    return;
  two_desktops (f, &team, "team_refused", "gale", "hugo", FALSE);

  g_free (rapport_test_cli_ok (team.desk_b, "deal", "set", "1", "--value", "1", NULL));
  run_as (team.pw_b, team.desk_b, &run, "sync", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "belongs to gale"));
  g_assert_nonnull (strstr (run.out, "“Atlas” was not changed"));

  value = deal_value (team.desk_b, "1");
  g_assert_cmpstr (value, ==, "900000");
  status = cli_json (team.desk_b, "team", "status", NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (status), "pending"), ==, 0);

  /* Handed to hugo (its owner field names him), the deal is his to work. */
  g_free (rapport_test_cli_ok (team.desk_a, "deal", "set", "1", "--owner", "hugo", NULL));
  sync_ok (team.pw_a, team.desk_a);
  sync_ok (team.pw_b, team.desk_b);
  g_free (rapport_test_cli_ok (team.desk_b, "deal", "set", "1", "--value", "2", NULL));
  rapport_test_run_clear (&run);
  run_as (team.pw_b, team.desk_b, &run, "sync", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "belongs to"));
  sync_ok (team.pw_a, team.desk_a);
  g_free (value);
  value = deal_value (team.desk_a, "1");
  g_assert_cmpstr (value, ==, "200");
}

/* The server as the app names it. */
static void
test_describe_server (void)
{
  static const char * const cases[][2] = {
    { "dbname='team' host='127.0.0.1' port='6000'", "127.0.0.1:6000/team" },
    { "host=crm.example.com port=5432 dbname=sales sslmode=verify-full", "crm.example.com/sales" },
    { "postgresql://crm.example.com:7000/sales", "crm.example.com:7000/sales" },
    { "not a connection string", "not a connection string" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rapport_team_server_describe (cases[i][0]);

      g_assert_cmpstr (text, ==, cases[i][1]);
    }
}

/* Waits (generously: a notice is not a race) for @link's socket to have
 * something to read. */
static void
wait_readable (RapportSyncLink *link)
{
  GPollFD fd = { rapport_sync_link_get_socket (link), G_IO_IN, 0 };

  g_assert_cmpint (g_poll (&fd, 1, 60 * 1000 * rapport_test_timeout_multiplier ()), ==, 1);
}

/* A desktop holding a link hears of a teammate's push and pulls it over
 * the same connection; a server that goes away reads as offline. */
static void
test_link_hears (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(Team) team = { 0 };
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportSyncLink) link = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RapportSyncResult) result = { 0 };
  g_auto(RapportSyncStatus) status = { 0 };
  g_autofree char *title = NULL;
  g_autofree char *out = NULL;
  gboolean news = FALSE;

  if (skip_without_server ())
    return;
  two_desktops (f, &team, "team_link", "lena", "milo", FALSE);

  store = rapport_store_new (team.desk_b, &error);
  g_assert_no_error (error);
  /* A wrong password is not a server away: it is said so. */
  g_assert_null (rapport_sync_link_open (store, "not-the-password", &error));
  g_assert_error (error, RAPPORT_TEAM_ERROR, RAPPORT_TEAM_ERROR_PASSWORD);
  g_clear_error (&error);
  link = rapport_sync_link_open (store, team.pw_b, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_sync_link_run (link, store, &result, &error));
  g_assert_no_error (error);

  out = rapport_test_cli_ok (team.desk_a, "deal", "add", "Borealis", "--value", "1200", NULL);
  sync_ok (team.pw_a, team.desk_a);
  while (!news)
    {
      wait_readable (link);
      g_assert_true (rapport_sync_link_read_news (link, &news, &error));
      g_assert_no_error (error);
    }
  rapport_sync_result_clear (&result);
  g_assert_true (rapport_sync_link_run (link, store, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.pulled, >=, 1);
  title = deal_field (team.desk_b, "2", "title");
  g_assert_cmpstr (title, ==, "Borealis");

  /* The server goes away: the link says so, and a sync over it leaves
   * the file offline rather than in error. */
  server_kill ();
  wait_readable (link);
  g_assert_false (rapport_sync_link_read_news (link, &news, &error) &&
                  rapport_sync_link_run (link, store, &result, &error));
  g_assert_error (error, RAPPORT_TEAM_ERROR, RAPPORT_TEAM_ERROR_UNREACHABLE);
  server_restart ();
  g_clear_error (&error);
  rapport_sync_result_clear (&result);
  g_assert_false (rapport_sync_link_run (link, store, &result, &error));
  g_assert_error (error, RAPPORT_TEAM_ERROR, RAPPORT_TEAM_ERROR_UNREACHABLE);
  rapport_sync_read_status (store, &status);
  g_assert_cmpint (status.state, ==, RAPPORT_SYNC_OFFLINE);

  /* A new link catches up. */
  g_clear_pointer (&link, rapport_sync_link_free);
  g_clear_error (&error);
  link = rapport_sync_link_open (store, team.pw_b, &error);
  g_assert_no_error (error);
  rapport_sync_result_clear (&result);
  g_assert_true (rapport_sync_link_run (link, store, &result, &error));
  rapport_sync_status_clear (&status);
  rapport_sync_read_status (store, &status);
  g_assert_cmpint (status.state, ==, RAPPORT_SYNC_SYNCED);
}

/* sslmode=verify-full: the server's certificate checked against the
 * team's CA and its name; another CA is refused with the reason. */
static void
test_tls_verify_full (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(RapportTestRun) run = { 0 };
  g_autofree char *password = NULL;
  g_autofree char *ca = g_build_filename (server_dir, "pg", "ca.crt", NULL);
  g_autofree char *other_key = g_build_filename (f->dir, "other.key", NULL);
  g_autofree char *other_ca = g_build_filename (f->dir, "other.crt", NULL);
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *desk = g_build_filename (f->dir, "tls.db", NULL);
  g_autofree char *other_desk = g_build_filename (f->dir, "tls-other.db", NULL);
  g_autoptr(JsonNode) status = NULL;
  const char *openssl[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                            "-subj", "/CN=Someone else", "-keyout", other_key, "-out", other_ca, NULL };
  int exit_status = 0;

  if (skip_without_server ())
    return;
  init_team (f, "team_tls");
  password = add_user (f, "kai", "seller");
  good = g_strdup_printf ("host=localhost port=%s dbname=team_tls sslmode=verify-full sslrootcert=%s", port, ca);

  g_free (rapport_test_cli_ok (desk, "init", NULL));
  run_as (password, desk, &run, "team", "join", good, "--user", "kai", NULL);
  g_assert_cmpint (run.status, ==, 0);
  status = cli_json (desk, "team", "status", NULL);
  g_assert_nonnull (strstr (json_object_get_string_member (json_node_get_object (status), "server"), "verify-full"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (status), "state"), ==, "synced");
  rapport_test_run_clear (&run);

  g_assert_true (g_spawn_sync (NULL, (char **) openssl, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &exit_status, NULL));
  g_assert_true (g_spawn_check_wait_status (exit_status, NULL));
  bad = g_strdup_printf ("host=localhost port=%s dbname=team_tls sslmode=verify-full sslrootcert=%s", port, other_ca);
  g_free (rapport_test_cli_ok (other_desk, "init", NULL));
  run_as (password, other_desk, &run, "team", "join", bad, "--user", "kai", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Could not connect to the team’s server"));
  g_assert_nonnull (strstr (run.err, "certificate verify failed"));
}

static gboolean
start_server (void)
{
  const char *script = g_getenv ("RAPPORT_PG_SERVER");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *data = NULL;
  const char *argv[4] = { script, "start", NULL, NULL };
  int status = 0;
  char *found;

  g_assert_nonnull (script);
  /* The server's owner (postgres, when the tests run as root) must
   * reach its folder. */
  server_dir = g_dir_make_tmp ("rapport-pg-XXXXXX", NULL);
  g_assert_nonnull (server_dir);
  g_assert_cmpint (g_chmod (server_dir, 0755), ==, 0);
  data = g_build_filename (server_dir, "pg", NULL);
  argv[2] = data;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, NULL));
  if (g_spawn_check_wait_status (status, NULL) == FALSE && WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_clear_pointer (&server_dir, g_free);
      return FALSE;
    }
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("pg-server start: %s", err);

  superuser = g_strdup (g_strchomp (out));
  superuser[strlen (superuser) - strlen (" dbname=postgres")] = '\0';
  found = strstr (superuser, "port=");
  port = g_strndup (found + 5, strcspn (found + 5, " "));
  return TRUE;
}

static void
stop_server (void)
{
  const char *argv[4] = { g_getenv ("RAPPORT_PG_SERVER"), "stop", NULL, NULL };
  g_autofree char *data = NULL;

  if (server_dir == NULL)
    return;
  data = g_build_filename (server_dir, "pg", NULL);
  argv[2] = data;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, NULL, NULL);
  rapport_test_tmpdir_free (g_steal_pointer (&server_dir));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/team/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("init", test_init);
  ADD ("init-refuses-foreign", test_init_refuses_foreign);
  ADD ("add-user", test_add_user);
  ADD ("policies", test_policies);
  ADD ("two-desktops", test_two_desktops);
  ADD ("offline-merge", test_offline_merge);
  ADD ("resolve-conflicts", test_resolve_conflicts);
  ADD ("refused-restored", test_refused_restored);
  ADD ("kill-in-the-middle", test_kill_in_the_middle);
  ADD ("tls-verify-full", test_tls_verify_full);
  ADD ("link-hears", test_link_hears);
  g_test_add_func ("/team/describe-server", test_describe_server);
#undef ADD

  start_server ();
  status = g_test_run ();
  stop_server ();
  g_free (superuser);
  g_free (port);

  return status;
}
