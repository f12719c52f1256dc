/* test-cli.c — rapport-cli as scripts use it: commands, JSON, exit codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the built rapport-cli ($RAPPORT_CLI) on a database in a
 * temporary directory of its own, and checks the exit status (0 success,
 * 1 user error with one line on stderr, 2 usage error), the --json
 * documents field by field, and what later commands see.
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "rapport-test-support.h"

/* Seconds of slack between the test's clock and a time the CLI wrote. */
#define CLOCK_SLACK 120

/* Running the command line */

typedef struct
{
  char *dir;
  char *path;
} Db;

static Db *
db_new (void)
{
  Db *db = g_new0 (Db, 1);

  db->dir = rapport_test_tmpdir_new ();
  db->path = g_build_filename (db->dir, "rapport.db", NULL);

  return db;
}

static void
db_free (Db *db)
{
  rapport_test_tmpdir_free (db->dir);
  g_free (db->path);
  g_free (db);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Db, db_free)

typedef struct
{
  int   status;      /* the exit status */
  char *out;
  char *err;
  char *command;     /* for messages */
} CliRun;

static void
cli_run_free (CliRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run->command);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliRun, cli_run_free)

/* The environment of the tests, with the locale pinned so messages and the
 * default currency (USD) are the same everywhere. */
static char **
cli_environ (void)
{
  char **envp = g_get_environ ();

  return g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
}

/* Runs $RAPPORT_CLI [--db DB] ARGS… with @envp (NULL for cli_environ). A
 * crash fails the test; any exit status is returned. */
static CliRun *
cli_run_va (const char  *db,
            char       **envp,
            const char  *first_arg,
            va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) default_env = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("RAPPORT_CLI");
  CliRun *run = g_new0 (CliRun, 1);
  int wait_status;

  if (cli == NULL)
    g_error ("RAPPORT_CLI is not set: run the tests with meson test");

  g_ptr_array_add (argv, (char *) cli);
  if (db != NULL)
    {
      g_ptr_array_add (argv, (char *) "--db");
      g_ptr_array_add (argv, (char *) db);
    }
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  run->command = g_strjoinv (" ", (char **) argv->pdata + (db != NULL ? 3 : 1));

  if (envp == NULL)
    envp = default_env = cli_environ ();

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  if (!WIFEXITED (wait_status))
    g_error ("rapport-cli %s did not exit normally (wait status %d): %s",
             run->command, wait_status, run->err);
  run->status = WEXITSTATUS (wait_status);

  return run;
}

static CliRun *
cli_run (Db         *db,
         const char *first_arg,
         ...) G_GNUC_NULL_TERMINATED;

static CliRun *
cli_run (Db         *db,
         const char *first_arg,
         ...)
{
  va_list args;
  CliRun *run;

  va_start (args, first_arg);
  run = cli_run_va (db ? db->path : NULL, NULL, first_arg, args);
  va_end (args);

  return run;
}

static CliRun *
cli_run_env (char       **envp,
             const char  *first_arg,
             ...) G_GNUC_NULL_TERMINATED;

static CliRun *
cli_run_env (char       **envp,
             const char  *first_arg,
             ...)
{
  va_list args;
  CliRun *run;

  va_start (args, first_arg);
  run = cli_run_va (NULL, envp, first_arg, args);
  va_end (args);

  return run;
}

static void
assert_ok (CliRun *run)
{
  if (run->status != 0)
    g_error ("rapport-cli %s exited %d: %s", run->command, run->status, run->err);
  g_assert_cmpstr (run->err, ==, "");
}

/* Exit 1, nothing on stdout, one line on stderr that names the problem
 * (contains @needle, case-insensitively). */
static void
assert_user_error (CliRun     *run,
                   const char *needle)
{
  g_autofree char *err_folded = g_utf8_casefold (run->err, -1);
  g_autofree char *needle_folded = g_utf8_casefold (needle, -1);
  const char *newline = strchr (run->err, '\n');

  g_test_message ("rapport-cli %s -> %d: %s", run->command, run->status, run->err);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "rapport-cli: "));
  g_assert_cmpuint (strlen (run->err), >, strlen ("rapport-cli: ") + 1);
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
  if (strstr (err_folded, needle_folded) == NULL)
    g_error ("the message of rapport-cli %s does not name “%s”: %s", run->command, needle, run->err);
}

/* Exit 2, nothing on stdout, a usage on stderr. */
static void
assert_usage_error (CliRun *run)
{
  g_test_message ("rapport-cli %s -> %d: %s", run->command, run->status, run->err);
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, "Usage:"));
}

static void
expect_user_error (Db         *db,
                   const char *needle,
                   const char *first_arg,
                   ...) G_GNUC_NULL_TERMINATED;

static void
expect_user_error (Db         *db,
                   const char *needle,
                   const char *first_arg,
                   ...)
{
  g_autoptr(CliRun) run = NULL;
  va_list args;

  va_start (args, first_arg);
  run = cli_run_va (db->path, NULL, first_arg, args);
  va_end (args);

  assert_user_error (run, needle);
}

static void
expect_usage_error (Db         *db,
                    const char *first_arg,
                    ...) G_GNUC_NULL_TERMINATED;

static void
expect_usage_error (Db         *db,
                    const char *first_arg,
                    ...)
{
  g_autoptr(CliRun) run = NULL;
  va_list args;

  va_start (args, first_arg);
  run = cli_run_va (db->path, NULL, first_arg, args);
  va_end (args);

  assert_usage_error (run);
}

static void
cli_ok (Db         *db,
        const char *first_arg,
        ...) G_GNUC_NULL_TERMINATED;

static void
cli_ok (Db         *db,
        const char *first_arg,
        ...)
{
  g_autoptr(CliRun) run = NULL;
  va_list args;

  va_start (args, first_arg);
  run = cli_run_va (db->path, NULL, first_arg, args);
  va_end (args);

  assert_ok (run);
}

/* JSON */

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, text, -1, &error))
    g_error ("not one JSON document (%s):\n%s", error->message, text);
  g_assert_nonnull (json_parser_get_root (parser));

  return json_node_copy (json_parser_get_root (parser));
}

/* Runs a command that must succeed and parses what it printed. */
static JsonNode *
cli_json (Db         *db,
          const char *first_arg,
          ...) G_GNUC_NULL_TERMINATED;

static JsonNode *
cli_json (Db         *db,
          const char *first_arg,
          ...)
{
  g_autoptr(CliRun) run = NULL;
  va_list args;

  va_start (args, first_arg);
  run = cli_run_va (db->path, NULL, first_arg, args);
  va_end (args);

  assert_ok (run);
  return parse_json (run->out);
}

static JsonObject *
as_object (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static JsonArray *
as_array (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_node_get_array (node);
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    g_error ("the JSON object has no member “%s”", name);

  return node;
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = member (object, name);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    g_error ("member “%s” is not an integer", name);

  return json_node_get_int (node);
}

static const char *
member_str (JsonObject *object,
            const char *name)
{
  JsonNode *node = member (object, name);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    g_error ("member “%s” is not a string", name);

  return json_node_get_string (node);
}

static gboolean
member_bool (JsonObject *object,
             const char *name)
{
  JsonNode *node = member (object, name);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    g_error ("member “%s” is not a boolean", name);

  return json_node_get_boolean (node);
}

static gboolean
member_is_null (JsonObject *object,
                const char *name)
{
  return JSON_NODE_HOLDS_NULL (member (object, name));
}

#define assert_member_null(object, name) g_assert_true (member_is_null ((object), (name)))

/* An ISO 8601 UTC time like 2026-11-20T10:00:00Z, as unix seconds. */
static gint64
member_time (JsonObject *object,
             const char *name)
{
  const char *text = member_str (object, name);
  g_autoptr(GDateTime) dt = NULL;

  if (!g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", text, 0, 0))
    g_error ("member “%s” is not an ISO 8601 UTC time: “%s”", name, text);

  dt = g_date_time_new_from_iso8601 (text, NULL);
  g_assert_nonnull (dt);

  return g_date_time_to_unix (dt);
}

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
assert_about_now (gint64 when,
                  gint64 offset)
{
  g_assert_cmpint (when, >=, now () + offset - CLOCK_SLACK);
  g_assert_cmpint (when, <=, now () + offset + CLOCK_SLACK);
}

/* The element of @array whose @name is @id, or NULL. */
static JsonObject *
find_by_int (JsonArray  *array,
             const char *name,
             gint64      id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (!member_is_null (object, name) && member_int (object, name) == id)
        return object;
    }

  return NULL;
}

static void
assert_has_members (JsonObject         *object,
                    const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (!json_object_has_member (object, names[i]))
      g_error ("the JSON object has no member “%s”", names[i]);
}

static const char * const deal_members[] = {
  "id", "title", "value", "currency", "stage_id", "stage", "position", "status", "contact_id",
  "organization_id", "bant", "qualified", "created_at", "updated_at", "closed_at", "lost_reason", NULL
};

static const char * const contact_members[] = {
  "id", "name", "email", "phone", "organization_id", "lifecycle", "created_at", "first_contacted_at", NULL
};

static const char * const followup_members[] = {
  "id", "title", "kind", "due_at", "done_at", "snoozed_until", "deal_id", "contact_id", "rule", NULL
};

static const char * const stage_members[] = {
  "id", "name", "position", "probability", NULL
};

static void
assert_deal_shape (JsonObject *deal)
{
  static const char * const bant_members[] = { "budget", "authority", "need", "timeline", NULL };
  JsonObject *bant;

  assert_has_members (deal, deal_members);
  g_assert_cmpint (member_int (deal, "id"), >, 0);
  g_assert_cmpstr (member_str (deal, "title"), !=, "");
  g_assert_cmpint (member_int (deal, "value"), >=, 0);
  g_assert_cmpuint (strlen (member_str (deal, "currency")), ==, 3);
  g_assert_cmpint (member_int (deal, "stage_id"), >, 0);
  g_assert_cmpstr (member_str (deal, "stage"), !=, "");
  bant = as_object (member (deal, "bant"));
  assert_has_members (bant, bant_members);
  member_bool (deal, "qualified");
  member_time (deal, "created_at");
  member_time (deal, "updated_at");

  if (g_str_equal (member_str (deal, "status"), "open"))
    {
      g_assert_cmpint (member_int (deal, "position"), >=, 0);
      assert_member_null (deal, "closed_at");
    }
  else
    {
      g_assert_true (g_str_equal (member_str (deal, "status"), "won") ||
                     g_str_equal (member_str (deal, "status"), "lost"));
      member_time (deal, "closed_at");
    }
}

static void
assert_contact_shape (JsonObject *contact)
{
  assert_has_members (contact, contact_members);
  g_assert_cmpint (member_int (contact, "id"), >, 0);
  g_assert_cmpstr (member_str (contact, "name"), !=, "");
  g_assert_true (g_strv_contains ((const char * const[]) { "lead", "contact", "customer", NULL },
                                  member_str (contact, "lifecycle")));
  member_time (contact, "created_at");
}

/* Small steps most tests take */

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static Db *
db_new_init (void)
{
  Db *db = db_new ();

  cli_ok (db, "init", NULL);
  return db;
}

/* The id of the stage called @name, from `stage list --json`. */
static gint64
stage_id (Db         *db,
          const char *name)
{
  g_autoptr(JsonNode) root = cli_json (db, "stage", "list", "--json", NULL);
  JsonArray *stages = as_array (root);

  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonObject *stage = json_array_get_object_element (stages, i);

      if (g_str_equal (member_str (stage, "name"), name))
        return member_int (stage, "id");
    }

  g_error ("no stage called “%s”", name);
}

static gint64
add_deal (Db         *db,
          const char *title,
          const char *stage)
{
  g_autoptr(JsonNode) root = NULL;

  if (stage != NULL)
    root = cli_json (db, "deal", "add", title, "--value", "100", "--stage", stage, "--json", NULL);
  else
    root = cli_json (db, "deal", "add", title, "--value", "100", "--json", NULL);

  return member_int (as_object (root), "id");
}

static JsonNode *
show_deal (Db     *db,
           gint64  id)
{
  g_autofree char *text = id_text (id);

  return cli_json (db, "deal", "show", text, "--json", NULL);
}

/* A new contact (a lead with @lead, arrived at @created_at if not NULL). */
static gint64
add_contact (Db         *db,
             const char *name,
             gboolean    lead,
             const char *created_at)
{
  g_autoptr(JsonNode) root = NULL;

  if (lead && created_at != NULL)
    root = cli_json (db, "contact", "add", name, "--lead", "--created-at", created_at, "--json", NULL);
  else if (lead)
    root = cli_json (db, "contact", "add", name, "--lead", "--json", NULL);
  else if (created_at != NULL)
    root = cli_json (db, "contact", "add", name, "--created-at", created_at, "--json", NULL);
  else
    root = cli_json (db, "contact", "add", name, "--json", NULL);

  g_assert_cmpstr (member_str (as_object (root), "lifecycle"), ==, lead ? "lead" : "contact");
  return member_int (as_object (root), "id");
}

static JsonNode *
show_contact (Db     *db,
              gint64  id)
{
  g_autofree char *text = id_text (id);

  return cli_json (db, "contact", "show", text, "--json", NULL);
}

/* The open speed-to-lead follow-up of @contact_id, from `followup list`. */
static JsonObject *
speed_to_lead_of (JsonArray *followups,
                  gint64     contact_id)
{
  for (guint i = 0; i < json_array_get_length (followups); i++)
    {
      JsonObject *followup = json_array_get_object_element (followups, i);

      if (!member_is_null (followup, "contact_id") && member_int (followup, "contact_id") == contact_id &&
          !member_is_null (followup, "rule") && g_str_equal (member_str (followup, "rule"), "speed-to-lead"))
        return followup;
    }

  return NULL;
}

/* The model on the same file, for what the command line cannot set (owner
 * of a contact, BANT notes, playbook check marks, follow-ups). */
static RapportStore *
open_store (Db *db)
{
  g_autoptr(GError) error = NULL;
  RapportStore *store = rapport_store_new (db->path, &error);

  g_assert_no_error (error);
  return store;
}

static void
store_set_string (Db         *db,
                  GType       type,
                  gint64      id,
                  const char *property,
                  const char *text)
{
  g_autoptr(RapportStore) store = open_store (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportRecord) record = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (type == RAPPORT_TYPE_CONTACT)
    record = RAPPORT_RECORD (rapport_store_get_contact (store, id, &error));
  else
    record = RAPPORT_RECORD (rapport_store_get_deal (store, id, &error));
  g_assert_no_error (error);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  g_assert_true (rapport_store_update (store, record, property, &value, &error));
  g_assert_no_error (error);
}

/* Runs a command that must succeed; returns what it printed. */
static char *
cli_text (Db         *db,
          const char *first_arg,
          ...) G_GNUC_NULL_TERMINATED;

static char *
cli_text (Db         *db,
          const char *first_arg,
          ...)
{
  g_autoptr(CliRun) run = NULL;
  va_list args;

  va_start (args, first_arg);
  run = cli_run_va (db->path, NULL, first_arg, args);
  va_end (args);

  assert_ok (run);
  return g_steal_pointer (&run->out);
}

#define assert_contains(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) == NULL) \
      g_error ("“%s” is not in:\n%s", (needle), (haystack)); \
  } G_STMT_END

static gint64
add_org (Db         *db,
         const char *name)
{
  g_autoptr(JsonNode) root = cli_json (db, "org", "add", name, "--json", NULL);

  return member_int (as_object (root), "id");
}

/* The ids in a JSON array of ids, in order, as text "1 2 3". */
static char *
ids_text (JsonArray *array)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i ? " " : "", json_array_get_int_element (array, i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* init */

static void
test_init_default_path (void)
{
  g_autoptr(Db) db = db_new ();
  g_autofree char *data_home = g_build_filename (db->dir, "data-home", NULL);
  g_autofree char *expected = g_build_filename (data_home, "rapport", "rapport.db", NULL);
  g_auto(GStrv) envp = cli_environ ();
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) list = NULL;
  g_autoptr(JsonNode) stages = NULL;
  GStatBuf buf;
  mode_t old_umask;

  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  envp = g_environ_setenv (envp, "HOME", db->dir, TRUE);

  /* A umask that lets anyone read: the file must still be 0600. */
  old_umask = umask (0);
  run = cli_run_env (envp, "init", NULL);
  umask (old_umask);
  assert_ok (run);
  g_assert_nonnull (strstr (run->out, expected));

  g_assert_cmpint (g_stat (expected, &buf), ==, 0);
  g_assert_true (S_ISREG (buf.st_mode));
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  /* Later commands without --db use the same file. */
  list = cli_run_env (envp, "stage", "list", "--json", NULL);
  assert_ok (list);
  stages = parse_json (list->out);
  g_assert_cmpuint (json_array_get_length (as_array (stages)), ==, 5);

  /* Nothing was made where --db would have put it. */
  g_assert_false (g_file_test (db->path, G_FILE_TEST_EXISTS));
}

static void
test_init_templates (void)
{
  static const struct
  {
    const char *id;
    guint n_stages;
    const char *first;
  } templates[] = {
    { "classic5", 5, "Prospecting" },
    { "cycle7", 7, "Initial contact" },
    { "repeat5", 5, "Finding clients" },
    { "consultative7", 7, NULL },
    { "field7", 7, "Prospecting" },
  };

  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    {
      g_autoptr(Db) db = db_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
      JsonArray *stages;

      cli_ok (db, "init", "--template", templates[t].id, NULL);
      root = cli_json (db, "stage", "list", "--json", NULL);
      stages = as_array (root);
      g_test_message ("%s: %u stages", templates[t].id, json_array_get_length (stages));
      g_assert_cmpuint (json_array_get_length (stages), ==, templates[t].n_stages);

      for (guint i = 0; i < json_array_get_length (stages); i++)
        {
          JsonObject *stage = json_array_get_object_element (stages, i);

          assert_has_members (stage, stage_members);
          g_assert_cmpint (member_int (stage, "position"), ==, i);
          g_assert_cmpint (member_int (stage, "probability"), >=, 0);
          g_assert_cmpint (member_int (stage, "probability"), <=, 100);
          g_assert_cmpstr (member_str (stage, "name"), !=, "");
          /* Distinct ids and names. */
          g_assert_true (g_hash_table_add (ids, g_memdup2 (&(gint64) { member_int (stage, "id") },
                                                           sizeof (gint64))));
          g_assert_true (g_hash_table_add (names, (gpointer) member_str (stage, "name")));
        }

      if (templates[t].first != NULL)
        g_assert_cmpstr (member_str (json_array_get_object_element (stages, 0), "name"), ==,
                         templates[t].first);

      if (g_str_equal (templates[t].id, "cycle7"))
        g_assert_cmpstr (member_str (json_array_get_object_element (stages, 2), "name"), ==,
                         "Needs analysis (BANT)");
    }
}

static void
test_init_unknown_template (void)
{
  g_autoptr(Db) db = db_new ();

  expect_usage_error (db, "init", "--template", "classic6", NULL);
  g_assert_false (g_file_test (db->path, G_FILE_TEST_EXISTS));
}

/* stage */

static void
test_stage_list (void)
{
  static const char * const classic5[] = {
    "Prospecting", "Qualifying", "Presentation", "Negotiation", "Closing", NULL
  };
  g_autoptr(Db) db = db_new_init ();
  g_autoptr(JsonNode) root = cli_json (db, "stage", "list", "--json", NULL);
  g_autoptr(CliRun) plain = cli_run (db, "stage", "list", NULL);
  g_auto(GStrv) lines = NULL;
  JsonArray *stages = as_array (root);
  int last_probability = -1;

  /* Without a template: the classic five stages. */
  g_assert_cmpuint (json_array_get_length (stages), ==, g_strv_length ((char **) classic5));
  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonObject *stage = json_array_get_object_element (stages, i);

      assert_has_members (stage, stage_members);
      g_assert_cmpint (member_int (stage, "id"), >, 0);
      g_assert_cmpstr (member_str (stage, "name"), ==, classic5[i]);
      g_assert_cmpint (member_int (stage, "position"), ==, i);
      g_assert_cmpint (member_int (stage, "probability"), >, last_probability);
      g_assert_cmpint (member_int (stage, "probability"), <=, 100);
      last_probability = (int) member_int (stage, "probability");
    }

  /* Without --json: one line a stage. */
  assert_ok (plain);
  lines = g_strsplit (g_strchomp (plain->out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_nonnull (strstr (lines[0], "Prospecting"));
}

/* org */

static void
test_org_add (void)
{
  g_autoptr(Db) db = db_new_init ();
  g_autoptr(JsonNode) first = cli_json (db, "org", "add", "Northwind Logistics", "--json", NULL);
  g_autoptr(JsonNode) second = cli_json (db, "org", "add", "Blue Harbor Foods", "--json", NULL);
  JsonObject *org = as_object (first);

  g_assert_cmpint (member_int (org, "id"), >, 0);
  g_assert_cmpstr (member_str (org, "name"), ==, "Northwind Logistics");
  g_assert_cmpint (member_int (as_object (second), "id"), !=, member_int (org, "id"));
  g_assert_cmpstr (member_str (as_object (second), "name"), ==, "Blue Harbor Foods");

  expect_user_error (db, "name", "org", "add", "", NULL);
  expect_user_error (db, "name", "org", "add", "   ", NULL);
  expect_usage_error (db, "org", "add", NULL);
}

/* contact */

static void
test_contact_add (void)
{
  g_autoptr(Db) db = db_new_init ();
  g_autoptr(JsonNode) org_root = cli_json (db, "org", "add", "Analytical Engines", "--json", NULL);
  gint64 org_id = member_int (as_object (org_root), "id");
  g_autofree char *org_text = id_text (org_id);
  g_autoptr(JsonNode) root = cli_json (db, "contact", "add", "Ada Lovelace",
                                       "--email", "ada@example.com",
                                       "--phone", "+44 20 7946 0000",
                                       "--org", org_text, "--json", NULL);
  g_autoptr(JsonNode) bare_root = cli_json (db, "contact", "add", "Bob", "--json", NULL);
  g_autoptr(JsonNode) followups = NULL;
  JsonObject *contact = as_object (root);
  JsonObject *bare = as_object (bare_root);

  assert_contact_shape (contact);
  g_assert_cmpstr (member_str (contact, "name"), ==, "Ada Lovelace");
  g_assert_cmpstr (member_str (contact, "email"), ==, "ada@example.com");
  g_assert_cmpstr (member_str (contact, "phone"), ==, "+44 20 7946 0000");
  g_assert_cmpint (member_int (contact, "organization_id"), ==, org_id);
  g_assert_cmpstr (member_str (contact, "lifecycle"), ==, "contact");
  assert_about_now (member_time (contact, "created_at"), 0);
  assert_member_null (contact, "first_contacted_at");

  assert_contact_shape (bare);
  g_assert_cmpint (member_int (bare, "id"), !=, member_int (contact, "id"));
  assert_member_null (bare, "email");
  assert_member_null (bare, "phone");
  assert_member_null (bare, "organization_id");

  /* Only leads get the speed-to-lead follow-up. */
  followups = cli_json (db, "followup", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (as_array (followups)), ==, 0);
}

static void
test_contact_add_lead (void)
{
  g_autoptr(Db) db = db_new_init ();
  g_autoptr(JsonNode) root = cli_json (db, "contact", "add", "Ada Lovelace", "--lead",
                                       "--created-at", "2026-11-20T10:00:00Z", "--json", NULL);
  g_autoptr(JsonNode) list = cli_json (db, "followup", "list", "--json", NULL);
  JsonObject *contact = as_object (root);
  JsonArray *followups = as_array (list);
  JsonObject *followup;

  assert_contact_shape (contact);
  g_assert_cmpstr (member_str (contact, "lifecycle"), ==, "lead");
  g_assert_cmpstr (member_str (contact, "created_at"), ==, "2026-11-20T10:00:00Z");
  assert_member_null (contact, "first_contacted_at");

  /* The one-hour rule: "Contact NAME", due an hour after the lead came. */
  g_assert_cmpuint (json_array_get_length (followups), ==, 1);
  followup = json_array_get_object_element (followups, 0);
  assert_has_members (followup, followup_members);
  g_assert_cmpint (member_int (followup, "id"), >, 0);
  g_assert_cmpstr (member_str (followup, "rule"), ==, "speed-to-lead");
  g_assert_cmpstr (member_str (followup, "kind"), ==, "followup");
  g_assert_cmpstr (member_str (followup, "title"), ==, "Contact Ada Lovelace");
  g_assert_cmpstr (member_str (followup, "due_at"), ==, "2026-11-20T11:00:00Z");
  g_assert_cmpint (member_int (followup, "contact_id"), ==, member_int (contact, "id"));
  assert_member_null (followup, "deal_id");
  assert_member_null (followup, "done_at");
  assert_member_null (followup, "snoozed_until");
}

static void
test_contact_list (void)
{
  static const char * const names[] = { "Charles Babbage", "Grace Hopper", "Alan Turing" };
  g_autoptr(Db) db = db_new_init ();
  g_autoptr(JsonNode) empty = cli_json (db, "contact", "list", "--json", NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *contacts;

  g_assert_cmpuint (json_array_get_length (as_array (empty)), ==, 0);

  cli_ok (db, "contact", "add", names[0], "--email", "charles@example.com", NULL);
  cli_ok (db, "contact", "add", names[1], "--lead", NULL);
  cli_ok (db, "contact", "add", names[2], "--phone", "+44 161 496 0000", NULL);

  root = cli_json (db, "contact", "list", "--json", NULL);
  contacts = as_array (root);
  g_assert_cmpuint (json_array_get_length (contacts), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < json_array_get_length (contacts); i++)
    {
      JsonObject *contact = json_array_get_object_element (contacts, i);

      assert_contact_shape (contact);
      g_hash_table_add (seen, (gpointer) member_str (contact, "name"));
      if (g_str_equal (member_str (contact, "name"), "Grace Hopper"))
        g_assert_cmpstr (member_str (contact, "lifecycle"), ==, "lead");
      if (g_str_equal (member_str (contact, "name"), "Charles Babbage"))
        g_assert_cmpstr (member_str (contact, "email"), ==, "charles@example.com");
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_true (g_hash_table_contains (seen, names[i]));
}

static void
test_contact_show (void)
{
  g_autoptr(Db) db = db_new_init ();
  g_autoptr(JsonNode) added = cli_json (db, "contact", "add", "Hedy Lamarr", "--email", "hedy@example.com",
                                        "--json", NULL);
  gint64 id = member_int (as_object (added), "id");
  g_autoptr(JsonNode) shown = show_contact (db, id);
  JsonObject *contact = as_object (shown);

  /* What "add" printed, and the lists of a contact with nothing yet. */
  assert_contact_shape (contact);
  for (guint i = 0; contact_members[i] != NULL; i++)
    g_assert_true (json_node_equal (member (contact, contact_members[i]),
                                    member (as_object (added), contact_members[i])));
  assert_member_null (contact, "owner");
  assert_member_null (contact, "last_contacted_at");
  assert_member_null (contact, "next_followup_at");
  assert_member_null (contact, "organization");
  g_assert_cmpuint (json_array_get_length (as_array (member (contact, "notes"))), ==, 0);
  g_assert_cmpuint (json_array_get_length (as_array (member (contact, "activities"))), ==, 0);
  g_assert_cmpuint (json_array_get_length (as_array (member (contact, "deals"))), ==, 0);

  expect_user_error (db, "999", "contact", "show", "999", NULL);
}

/* deal */

static void
test_deal_add (void)
{
  g_autoptr(Db) db = db_new_init ();
  g_autoptr(JsonNode) org_root = cli_json (db, "org", "add", "Northwind", "--json", NULL);
  g_autoptr(JsonNode) contact_root = cli_json (db, "contact", "add", "Ada", "--json", NULL);
  gint64 org_id = member_int (as_object (org_root), "id");
  gint64 contact_id = member_int (as_object (contact_root), "id");
  gint64 qualifying = stage_id (db, "Qualifying");
  g_autofree char *org_text = id_text (org_id);
  g_autofree char *contact_text = id_text (contact_id);
  g_autoptr(JsonNode) root = cli_json (db, "deal", "add", "Annual licence", "--value", "1234.50",
                                       "--currency", "EUR", "--contact", contact_text, "--org", org_text,
                                       "--stage", "Qualifying", "--json", NULL);
  g_autoptr(JsonNode) plain_root = cli_json (db, "deal", "add", "Pilot", "--value", "7", "--json", NULL);
  JsonObject *deal = as_object (root);
  JsonObject *plain = as_object (plain_root);
  JsonObject *bant;

  assert_deal_shape (deal);
  g_assert_cmpint (member_int (deal, "id"), >, 0);
  g_assert_cmpstr (member_str (deal, "title"), ==, "Annual licence");
  g_assert_cmpint (member_int (deal, "value"), ==, 123450);
  g_assert_cmpstr (member_str (deal, "currency"), ==, "EUR");
  g_assert_cmpint (member_int (deal, "stage_id"), ==, qualifying);
  g_assert_cmpstr (member_str (deal, "stage"), ==, "Qualifying");
  g_assert_cmpint (member_int (deal, "position"), ==, 0);
  g_assert_cmpstr (member_str (deal, "status"), ==, "open");
  g_assert_cmpint (member_int (deal, "contact_id"), ==, contact_id);
  g_assert_cmpint (member_int (deal, "organization_id"), ==, org_id);
  bant = as_object (member (deal, "bant"));
  assert_member_null (bant, "budget");
  assert_member_null (bant, "authority");
  assert_member_null (bant, "need");
  assert_member_null (bant, "timeline");
  g_assert_false (member_bool (deal, "qualified"));
  assert_about_now (member_time (deal, "created_at"), 0);
  assert_about_now (member_time (deal, "updated_at"), 0);
  assert_member_null (deal, "closed_at");
  assert_member_null (deal, "lost_reason");

  /* Defaults: the first stage, the file's currency, no contact. */
  assert_deal_shape (plain);
  g_assert_cmpint (member_int (plain, "id"), !=, member_int (deal, "id"));
  g_assert_cmpint (member_int (plain, "value"), ==, 700);
  g_assert_cmpstr (member_str (plain, "currency"), ==, "USD");
  g_assert_cmpstr (member_str (plain, "stage"), ==, "Prospecting");
  g_assert_cmpint (member_int (plain, "stage_id"), ==, stage_id (db, "Prospecting"));
  g_assert_cmpint (member_int (plain, "position"), ==, 0);
  assert_member_null (plain, "contact_id");
  assert_member_null (plain, "organization_id");
}

static void
test_deal_add_values (void)
{
  /* Major units in, minor units out, exactly: 0.29 and 1.15 are where
   * floating point (x * 100, truncated) goes wrong. */
  static const struct
  {
    const char *text;
    const char *currency;
    gint64 minor;
  } values[] = {
    { "1234.50", "USD", 123450 },
    { "1234.5", "USD", 123450 },
    { "0.29", "USD", 29 },
    { "1.15", "USD", 115 },
    { "19.99", "EUR", 1999 },
    { "0.01", "USD", 1 },
    { "0", "USD", 0 },
    { "1,000", "USD", 100000 },
    { "4503599627370.97", "USD", 450359962737097 },
    { "500", "JPY", 500 },
  };
  g_autoptr(Db) db = db_new_init ();

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(JsonNode) root = cli_json (db, "deal", "add", "Valued", "--value", values[i].text,
                                           "--currency", values[i].currency, "--json", NULL);

      g_test_message ("%s %s -> %" G_GINT64_FORMAT, values[i].text, values[i].currency,
                      member_int (as_object (root), "value"));
      g_assert_cmpint (member_int (as_object (root), "value"), ==, values[i].minor);
      g_assert_cmpstr (member_str (as_object (root), "currency"), ==, values[i].currency);
    }

  /* More decimals than the currency has, or not a number. */
  expect_user_error (db, "1.234", "deal", "add", "Too precise", "--value", "1.234", NULL);
  expect_user_error (db, "abc", "deal", "add", "Not a number", "--value", "abc", NULL);
}

static void
test_deal_add_stage_by_id (void)
{
  g_autoptr(Db) db = db_new_init ();
  gint64 negotiation = stage_id (db, "Negotiation");
  g_autofree char *text = id_text (negotiation);
  g_autoptr(JsonNode) root = cli_json (db, "deal", "add", "By id", "--value", "1", "--stage", text,
                                       "--json", NULL);

  g_assert_cmpint (member_int (as_object (root), "stage_id"), ==, negotiation);
  g_assert_cmpstr (member_str (as_object (root), "stage"), ==, "Negotiation");
}

static void
test_deal_move (void)
{
  g_autoptr(Db) db = db_new_init ();
  gint64 id = add_deal (db, "Moving deal", NULL);
  g_autofree char *id_str = id_text (id);
  gint64 presentation = stage_id (db, "Presentation");
  gint64 negotiation = stage_id (db, "Negotiation");
  g_autofree char *negotiation_str = id_text (negotiation);
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  JsonObject *deal;
  JsonArray *history;
  JsonObject *change;

  /* By name. */
  cli_ok (db, "deal", "move", id_str, "Presentation", NULL);
  first = show_deal (db, id);
  deal = as_object (first);
  assert_deal_shape (deal);
  g_assert_cmpstr (member_str (deal, "stage"), ==, "Presentation");
  g_assert_cmpint (member_int (deal, "stage_id"), ==, presentation);
  g_assert_cmpint (member_int (deal, "position"), ==, 0);
  g_assert_cmpstr (member_str (deal, "status"), ==, "open");
  assert_about_now (member_time (deal, "updated_at"), 0);

  history = as_array (member (deal, "history"));
  g_assert_cmpuint (json_array_get_length (history), ==, 2);
  change = json_array_get_object_element (history, 0);
  assert_member_null (change, "from_stage_id");
  g_assert_cmpstr (member_str (change, "to_stage"), ==, "Prospecting");
  change = json_array_get_object_element (history, 1);
  g_assert_cmpstr (member_str (change, "from_stage"), ==, "Prospecting");
  g_assert_cmpstr (member_str (change, "to_stage"), ==, "Presentation");
  g_assert_cmpint (member_int (change, "to_stage_id"), ==, presentation);
  assert_about_now (member_time (change, "changed_at"), 0);

  /* By id. */
  cli_ok (db, "deal", "move", id_str, negotiation_str, NULL);
  second = show_deal (db, id);
  deal = as_object (second);
  g_assert_cmpstr (member_str (deal, "stage"), ==, "Negotiation");
  g_assert_cmpint (member_int (deal, "stage_id"), ==, negotiation);
  history = as_array (member (deal, "history"));
  g_assert_cmpuint (json_array_get_length (history), ==, 3);
  change = json_array_get_object_element (history, json_array_get_length (history) - 1);
  g_assert_cmpstr (member_str (change, "from_stage"), ==, "Presentation");
  g_assert_cmpstr (member_str (change, "to_stage"), ==, "Negotiation");
  g_assert_cmpint (member_int (change, "to_stage_id"), ==, negotiation);

  expect_user_error (db, "Nowhere", "deal", "move", id_str, "Nowhere", NULL);
  expect_user_error (db, "999", "deal", "move", "999", "Presentation", NULL);
  expect_usage_error (db, "deal", "move", id_str, NULL);
}

static void
test_deal_move_position (void)
{
  g_autoptr(Db) db = db_new_init ();
  gint64 a = add_deal (db, "First in", "Qualifying");
  gint64 b = add_deal (db, "Second in", "Qualifying");
  gint64 c = add_deal (db, "From elsewhere", "Prospecting");
  g_autofree char *b_str = id_text (b);
  g_autofree char *c_str = id_text (c);
  g_autoptr(JsonNode) list = NULL;
  JsonArray *deals;

  {
    g_autoptr(JsonNode) a_root = show_deal (db, a);
    g_autoptr(JsonNode) b_root = show_deal (db, b);

    g_assert_cmpint (member_int (as_object (a_root), "position"), ==, 0);
    g_assert_cmpint (member_int (as_object (b_root), "position"), ==, 1);
  }

  /* The second to the top of its own stage. */
  cli_ok (db, "deal", "move", b_str, "Qualifying", "--position", "0", NULL);
  {
    g_autoptr(JsonNode) a_root = show_deal (db, a);
    g_autoptr(JsonNode) b_root = show_deal (db, b);

    g_assert_cmpint (member_int (as_object (b_root), "position"), ==, 0);
    g_assert_cmpint (member_int (as_object (a_root), "position"), ==, 1);
    g_assert_cmpstr (member_str (as_object (b_root), "stage"), ==, "Qualifying");
    /* Reordering within a stage is not a stage change. */
    g_assert_cmpuint (json_array_get_length (as_array (member (as_object (b_root), "history"))), ==, 1);
  }

  /* Another deal into the middle. */
  cli_ok (db, "deal", "move", c_str, "Qualifying", "--position", "1", NULL);
  list = cli_json (db, "deal", "list", "--stage", "Qualifying", "--json", NULL);
  deals = as_array (list);
  g_assert_cmpuint (json_array_get_length (deals), ==, 3);
  g_assert_cmpint (member_int (find_by_int (deals, "id", b), "position"), ==, 0);
  g_assert_cmpint (member_int (find_by_int (deals, "id", c), "position"), ==, 1);
  g_assert_cmpint (member_int (find_by_int (deals, "id", a), "position"), ==, 2);
}

static void
test_deal_won (void)
{
  g_autoptr(Db) db = db_new_init ();
  gint64 id = add_deal (db, "Winner", "Closing");
  g_autofree char *id_str = id_text (id);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *deal;
  JsonArray *history;

  cli_ok (db, "deal", "won", id_str, NULL);
  root = show_deal (db, id);
  deal = as_object (root);
  assert_deal_shape (deal);
  g_assert_cmpstr (member_str (deal, "status"), ==, "won");
  assert_about_now (member_time (deal, "closed_at"), 0);
  assert_member_null (deal, "lost_reason");
  assert_member_null (deal, "position");
  g_assert_cmpstr (member_str (deal, "stage"), ==, "Closing");
  history = as_array (member (deal, "history"));
  g_assert_cmpstr (member_str (json_array_get_object_element (history, json_array_get_length (history) - 1),
                               "to_status"), ==, "won");

  expect_user_error (db, "999", "deal", "won", "999", NULL);
}

static void
test_deal_lost (void)
{
  g_autoptr(Db) db = db_new_init ();
  gint64 id = add_deal (db, "Loser", "Negotiation");
  g_autofree char *id_str = id_text (id);
  g_autoptr(JsonNode) still_open = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *deal;

  /* A lost deal needs a reason: missing is a usage error, blank a user
   * error, and neither changes the deal. */
  expect_usage_error (db, "deal", "lost", id_str, NULL);
  expect_user_error (db, "reason", "deal", "lost", id_str, "--reason", "  ", NULL);
  still_open = show_deal (db, id);
  g_assert_cmpstr (member_str (as_object (still_open), "status"), ==, "open");
  assert_member_null (as_object (still_open), "closed_at");

  cli_ok (db, "deal", "lost", id_str, "--reason", "Chose a competitor on price", NULL);
  root = show_deal (db, id);
  deal = as_object (root);
  assert_deal_shape (deal);
  g_assert_cmpstr (member_str (deal, "status"), ==, "lost");
  g_assert_cmpstr (member_str (deal, "lost_reason"), ==, "Chose a competitor on price");
  assert_about_now (member_time (deal, "closed_at"), 0);
  assert_member_null (deal, "position");

  expect_user_error (db, "999", "deal", "lost", "999", "--reason", "Gone", NULL);
}

static void
test_deal_bant (void)
{
  g_autoptr(Db) db = db_new_init ();
  gint64 id = add_deal (db, "To qualify", NULL);
  g_autofree char *id_str = id_text (id);

  cli_ok (db, "deal", "bant", id_str, "--budget", "yes", "--authority", "yes", NULL);
  {
    g_autoptr(JsonNode) root = show_deal (db, id);
    JsonObject *bant = as_object (member (as_object (root), "bant"));

    g_assert_true (member_bool (bant, "budget"));
    g_assert_true (member_bool (bant, "authority"));
    assert_member_null (bant, "need");
    assert_member_null (bant, "timeline");
    g_assert_false (member_bool (as_object (root), "qualified"));
  }

  cli_ok (db, "deal", "bant", id_str, "--need", "yes", NULL);
  {
    g_autoptr(JsonNode) root = show_deal (db, id);
    JsonObject *bant = as_object (member (as_object (root), "bant"));

    g_assert_true (member_bool (bant, "budget"));
    g_assert_true (member_bool (bant, "need"));
    assert_member_null (bant, "timeline");
    g_assert_true (member_bool (as_object (root), "qualified"));
  }

  /* A "no" is recorded as false; three of four still qualify. */
  cli_ok (db, "deal", "bant", id_str, "--timeline", "no", NULL);
  {
    g_autoptr(JsonNode) root = show_deal (db, id);
    JsonObject *bant = as_object (member (as_object (root), "bant"));

    g_assert_false (member_bool (bant, "timeline"));
    g_assert_true (member_bool (as_object (root), "qualified"));
  }

  /* Two of four again: no longer qualified. */
  cli_ok (db, "deal", "bant", id_str, "--need", "no", NULL);
  {
    g_autoptr(JsonNode) root = show_deal (db, id);

    g_assert_false (member_bool (as_object (member (as_object (root), "bant")), "need"));
    g_assert_false (member_bool (as_object (root), "qualified"));
  }

  expect_usage_error (db, "deal", "bant", id_str, "--budget", "maybe", NULL);
  expect_user_error (db, "999", "deal", "bant", "999", "--budget", "yes", NULL);
}

/* Runs @sql on the file with SQLite itself, behind the CLI's back: a test
 * sets a trap (a trigger) for a write it wants to fail. */
static void
exec_sql (Db         *db,
          const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db->path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

static gint64
query_int64 (Db         *db,
             const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 ret;

  g_assert_cmpint (sqlite3_open_v2 (db->path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  ret = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);

  return ret;
}

static void
assert_bant_untouched (Db     *db,
                       gint64  id)
{
  g_autoptr(JsonNode) root = show_deal (db, id);
  JsonObject *bant = as_object (member (as_object (root), "bant"));

  assert_member_null (bant, "budget");
  assert_member_null (bant, "authority");
  assert_member_null (bant, "need");
  assert_member_null (bant, "timeline");
  g_assert_cmpint (member_int (as_object (root), "bant_score"), ==, 0);
}

/* Several answers are one change: a bad one, or a failure writing any of
 * them, leaves every answer as it was. */
static void
test_deal_bant_atomic (void)
{
  g_autoptr(Db) db = db_new_init ();
  gint64 id = add_deal (db, "All or nothing", NULL);
  g_autofree char *id_str = id_text (id);
  g_autofree char *updated_at = NULL;

  {
    g_autoptr(JsonNode) root = show_deal (db, id);

    updated_at = g_strdup (member_str (as_object (root), "updated_at"));
  }

  /* The first answer is good, the second is not. */
  expect_usage_error (db, "deal", "bant", id_str, "--budget", "yes", "--need", "maybe", NULL);
  assert_bant_untouched (db, id);

  /* The second write fails in SQLite itself, after the first was made. */
  exec_sql (db, "CREATE TRIGGER test_fail_need BEFORE UPDATE OF bant_need ON deal "
                "BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");
  expect_user_error (db, "injected failure",
                     "deal", "bant", id_str, "--budget", "yes", "--authority", "yes", "--need", "yes", NULL);
  assert_bant_untouched (db, id);
  {
    g_autoptr(JsonNode) root = show_deal (db, id);

    g_assert_cmpstr (member_str (as_object (root), "updated_at"), ==, updated_at);
  }

  /* Without the trap, the same command writes all three. */
  exec_sql (db, "DROP TRIGGER test_fail_need;");
  cli_ok (db, "deal", "bant", id_str, "--budget", "yes", "--authority", "yes", "--need", "yes", NULL);
  {
    g_autoptr(JsonNode) root = show_deal (db, id);
    JsonObject *bant = as_object (member (as_object (root), "bant"));

    g_assert_true (member_bool (bant, "budget"));
    g_assert_true (member_bool (bant, "authority"));
    g_assert_true (member_bool (bant, "need"));
    assert_member_null (bant, "timeline");
    g_assert_cmpint (member_int (as_object (root), "bant_score"), ==, 3);
  }
}

/* A template named on an existing file adds its pipeline and makes it
 * current in one transaction: if making it current fails, no pipeline is
 * left behind. */
static void
test_init_template_atomic (void)
{
  g_autoptr(Db) db = db_new_init ();
  gint64 first_stage = stage_id (db, "Prospecting");

  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM pipeline"), ==, 1);

  exec_sql (db, "CREATE TRIGGER test_fail_current BEFORE INSERT ON setting "
                "WHEN NEW.key = 'current-pipeline' "
                "BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");
  expect_user_error (db, "injected failure", "init", "--template", "cycle7", NULL);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM pipeline"), ==, 1);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM stage"), ==, 5);
  g_assert_cmpint (stage_id (db, "Prospecting"), ==, first_stage);

  exec_sql (db, "DROP TRIGGER test_fail_current;");
  cli_ok (db, "init", "--template", "cycle7", NULL);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM pipeline"), ==, 2);
  stage_id (db, "Initial contact");

  /* Back to the first: found, not added again. */
  cli_ok (db, "init", "--template", "classic5", NULL);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM pipeline"), ==, 2);
  g_assert_cmpint (stage_id (db, "Prospecting"), ==, first_stage);
}

static void
test_deal_show (void)
{
  g_autoptr(Db) db = db_new_init ();
  g_autoptr(JsonNode) added = cli_json (db, "deal", "add", "Shown", "--value", "250", "--json", NULL);
  gint64 id = member_int (as_object (added), "id");
  g_autoptr(JsonNode) shown = show_deal (db, id);
  JsonObject *deal = as_object (shown);
  JsonArray *history;
  JsonObject *creation;

  assert_deal_shape (deal);
  for (guint i = 0; deal_members[i] != NULL; i++)
    g_assert_true (json_node_equal (member (deal, deal_members[i]),
                                    member (as_object (added), deal_members[i])));

  /* A new deal's history is its creation. */
  history = as_array (member (deal, "history"));
  g_assert_cmpuint (json_array_get_length (history), ==, 1);
  creation = json_array_get_object_element (history, 0);
  assert_member_null (creation, "from_stage_id");
  g_assert_cmpint (member_int (creation, "to_stage_id"), ==, member_int (deal, "stage_id"));
  g_assert_cmpstr (member_str (creation, "to_stage"), ==, "Prospecting");

  expect_user_error (db, "999", "deal", "show", "999", NULL);
  expect_user_error (db, "abc", "deal", "show", "abc", NULL);
}

static void
test_deal_list (void)
{
  g_autoptr(Db) db = db_new_init ();
  g_autoptr(JsonNode) empty = cli_json (db, "deal", "list", "--json", NULL);
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) filtered = NULL;
  gint64 a, b, c;
  JsonArray *deals;

  g_assert_cmpuint (json_array_get_length (as_array (empty)), ==, 0);

  a = add_deal (db, "Alpha", NULL);
  b = add_deal (db, "Bravo", "Qualifying");
  c = add_deal (db, "Charlie", "Closing");

  all = cli_json (db, "deal", "list", "--json", NULL);
  deals = as_array (all);
  g_assert_cmpuint (json_array_get_length (deals), ==, 3);
  for (guint i = 0; i < json_array_get_length (deals); i++)
    assert_deal_shape (json_array_get_object_element (deals, i));
  g_assert_cmpstr (member_str (find_by_int (deals, "id", a), "stage"), ==, "Prospecting");
  g_assert_cmpstr (member_str (find_by_int (deals, "id", b), "title"), ==, "Bravo");
  g_assert_cmpstr (member_str (find_by_int (deals, "id", c), "stage"), ==, "Closing");

  filtered = cli_json (db, "deal", "list", "--stage", "Qualifying", "--json", NULL);
  deals = as_array (filtered);
  g_assert_cmpuint (json_array_get_length (deals), ==, 1);
  g_assert_cmpint (member_int (json_array_get_object_element (deals, 0), "id"), ==, b);

  expect_user_error (db, "Nowhere", "deal", "list", "--stage", "Nowhere", NULL);
}

/* activity and follow-ups */

static void
test_activity_log (void)
{
  g_autoptr(Db) db = db_new_init ();
  gint64 lead = add_contact (db, "Grace Hopper", TRUE, NULL);
  g_autofree char *lead_str = id_text (lead);
  gint64 deal = add_deal (db, "Compiler", NULL);
  g_autofree char *deal_str = id_text (deal);
  g_autoptr(JsonNode) before = cli_json (db, "followup", "list", "--json", NULL);
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) contact = NULL;
  JsonObject *rule_followup;
  gint64 followup_id;

  /* The lead arrived now: due in an hour. */
  rule_followup = speed_to_lead_of (as_array (before), lead);
  g_assert_nonnull (rule_followup);
  followup_id = member_int (rule_followup, "id");
  assert_about_now (member_time (rule_followup, "due_at"), 3600);

  cli_ok (db, "activity", "log", lead_str, "call", "--deal", deal_str, "--note", "Left a voicemail", NULL);

  /* The first contact is recorded, and the rule's follow-up is done. */
  contact = show_contact (db, lead);
  assert_about_now (member_time (as_object (contact), "first_contacted_at"), 0);
  after = cli_json (db, "followup", "list", "--json", NULL);
  g_assert_null (find_by_int (as_array (after), "id", followup_id));
  g_assert_null (speed_to_lead_of (as_array (after), lead));

  cli_ok (db, "activity", "log", lead_str, "email", NULL);
  cli_ok (db, "activity", "log", lead_str, "meeting", NULL);
  expect_usage_error (db, "activity", "log", lead_str, "fax", NULL);
  expect_usage_error (db, "activity", "log", lead_str, NULL);
  expect_user_error (db, "999", "activity", "log", "999", "call", NULL);
}

static void
test_followup_list (void)
{
  g_autoptr(Db) db = db_new_init ();
  gint64 a = add_contact (db, "Early Lead", TRUE, "2026-01-05T08:30:00Z");
  gint64 b = add_contact (db, "Late Lead", TRUE, "2026-03-01T12:00:00Z");
  g_autoptr(JsonNode) root = cli_json (db, "followup", "list", "--json", NULL);
  JsonArray *followups = as_array (root);

  g_assert_cmpuint (json_array_get_length (followups), ==, 2);
  for (guint i = 0; i < json_array_get_length (followups); i++)
    assert_has_members (json_array_get_object_element (followups, i), followup_members);

  /* Soonest first. */
  g_assert_cmpint (member_int (json_array_get_object_element (followups, 0), "contact_id"), ==, a);
  g_assert_cmpstr (member_str (json_array_get_object_element (followups, 0), "due_at"), ==,
                   "2026-01-05T09:30:00Z");
  g_assert_cmpint (member_int (json_array_get_object_element (followups, 1), "contact_id"), ==, b);
  g_assert_cmpstr (member_str (json_array_get_object_element (followups, 1), "title"), ==,
                   "Contact Late Lead");
}

static void
test_followup_done (void)
{
  g_autoptr(Db) db = db_new_init ();
  gint64 lead = add_contact (db, "Katherine Johnson", TRUE, NULL);
  g_autoptr(JsonNode) before = cli_json (db, "followup", "list", "--json", NULL);
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) contact = NULL;
  JsonObject *followup = speed_to_lead_of (as_array (before), lead);
  g_autofree char *followup_str = NULL;

  g_assert_nonnull (followup);
  followup_str = id_text (member_int (followup, "id"));

  cli_ok (db, "followup", "done", followup_str, NULL);
  after = cli_json (db, "followup", "list", "--json", NULL);
  g_assert_null (find_by_int (as_array (after), "id", member_int (followup, "id")));
  g_assert_cmpuint (json_array_get_length (as_array (after)), ==, 0);

  /* Ticking off "Contact NAME" means the lead was contacted. */
  contact = show_contact (db, lead);
  assert_about_now (member_time (as_object (contact), "first_contacted_at"), 0);

  expect_user_error (db, "999", "followup", "done", "999", NULL);
  expect_usage_error (db, "followup", "done", NULL);
}

static void
test_followup_snooze (void)
{
  g_autoptr(Db) db = db_new_init ();
  gint64 lead = add_contact (db, "Margaret Hamilton", TRUE, NULL);
  g_autoptr(JsonNode) before = cli_json (db, "followup", "list", "--json", NULL);
  g_autoptr(JsonNode) after = NULL;
  JsonObject *followup = speed_to_lead_of (as_array (before), lead);
  JsonObject *snoozed;
  g_autofree char *followup_str = NULL;
  g_autofree char *due_at = NULL;

  g_assert_nonnull (followup);
  followup_str = id_text (member_int (followup, "id"));
  due_at = g_strdup (member_str (followup, "due_at"));
  assert_member_null (followup, "snoozed_until");

  cli_ok (db, "followup", "snooze", followup_str, "30", NULL);
  after = cli_json (db, "followup", "list", "--json", NULL);
  snoozed = find_by_int (as_array (after), "id", member_int (followup, "id"));
  g_assert_nonnull (snoozed);
  assert_about_now (member_time (snoozed, "snoozed_until"), 30 * 60);
  g_assert_cmpstr (member_str (snoozed, "due_at"), ==, due_at);
  assert_member_null (snoozed, "done_at");

  expect_user_error (db, "0", "followup", "snooze", followup_str, "0", NULL);
  expect_user_error (db, "soon", "followup", "snooze", followup_str, "soon", NULL);
  expect_user_error (db, "999", "followup", "snooze", "999", "30", NULL);
  expect_usage_error (db, "followup", "snooze", followup_str, NULL);
}

static void
test_followup_due (void)
{
  g_autoptr(Db) db = db_new_init ();
  gint64 overdue = add_contact (db, "Overdue Lead", TRUE, "2020-01-01T09:00:00Z");
  /* Arrived just now: due in an hour. (A future arrival is refused.) */
  gint64 future = add_contact (db, "Future Lead", TRUE, NULL);
  g_autoptr(JsonNode) due = cli_json (db, "followup", "list", "--due", "--json", NULL);
  g_autoptr(JsonNode) all = cli_json (db, "followup", "list", "--json", NULL);
  g_autoptr(JsonNode) after_snooze = NULL;
  JsonObject *overdue_followup;
  g_autofree char *overdue_str = NULL;

  overdue_followup = speed_to_lead_of (as_array (due), overdue);
  g_assert_nonnull (overdue_followup);
  g_assert_cmpstr (member_str (overdue_followup, "due_at"), ==, "2020-01-01T10:00:00Z");
  g_assert_null (speed_to_lead_of (as_array (due), future));
  g_assert_cmpuint (json_array_get_length (as_array (due)), ==, 1);

  /* Without --due: both. */
  g_assert_nonnull (speed_to_lead_of (as_array (all), overdue));
  g_assert_nonnull (speed_to_lead_of (as_array (all), future));
  g_assert_cmpuint (json_array_get_length (as_array (all)), ==, 2);

  /* Snoozed for half an hour, it is not due any more. */
  overdue_str = id_text (member_int (overdue_followup, "id"));
  cli_ok (db, "followup", "snooze", overdue_str, "30", NULL);
  after_snooze = cli_json (db, "followup", "list", "--due", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (as_array (after_snooze)), ==, 0);
}

/* demo and check */

static void
test_demo (void)
{
  g_autoptr(Db) db = db_new_init ();
  g_autoptr(JsonNode) deals = NULL;
  g_autoptr(JsonNode) contacts = NULL;
  guint n_open = 0;

  cli_ok (db, "demo", "--deals", "50", "--contacts", "80", NULL);

  deals = cli_json (db, "deal", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (as_array (deals)), ==, 50);
  for (guint i = 0; i < 50; i++)
    {
      JsonObject *deal = json_array_get_object_element (as_array (deals), i);

      assert_deal_shape (deal);
      if (g_str_equal (member_str (deal, "status"), "open"))
        n_open++;
      else if (g_str_equal (member_str (deal, "status"), "lost"))
        g_assert_cmpstr (member_str (deal, "lost_reason"), !=, "");
    }
  g_assert_cmpuint (n_open, >, 0);

  contacts = cli_json (db, "contact", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (as_array (contacts)), ==, 80);
  for (guint i = 0; i < 80; i++)
    assert_contact_shape (json_array_get_object_element (as_array (contacts), i));

  cli_ok (db, "check", NULL);
  expect_usage_error (db, "demo", "--deals", "-3", NULL);
}

static void
test_check (void)
{
  g_autoptr(Db) db = db_new_init ();
  g_autoptr(CliRun) run = cli_run (db, "check", NULL);

  assert_ok (run);
  g_assert_cmpstr (run->out, !=, "");
}

static void
test_check_damaged (void)
{
  g_autoptr(Db) db = db_new_init ();
  g_autoptr(JsonNode) contact = cli_json (db, "contact", "add", "Soon Gone", "--json", NULL);
  g_autofree char *contact_str = id_text (member_int (as_object (contact), "id"));
  g_autoptr(CliRun) run = NULL;
  sqlite3 *handle = NULL;

  cli_ok (db, "deal", "add", "Dangling", "--value", "1", "--contact", contact_str, NULL);

  /* Behind Rapport's back, with foreign keys off: a deal now points to a
   * contact that does not exist. The pages are sound, the data is not. */
  g_assert_cmpint (sqlite3_open_v2 (db->path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA foreign_keys = OFF; DELETE FROM contact;", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);

  run = cli_run (db, "check", NULL);
  g_test_message ("check -> %d: %s", run->status, run->err);
  g_assert_cmpint (run->status, !=, 0);
  g_assert_nonnull (strstr (run->err, "deal"));
}

/* Errors */

static void
test_errors_user (void)
{
  g_autoptr(Db) db = db_new_init ();
  g_autoptr(CliRun) negative = NULL;
  g_autoptr(JsonNode) deals = NULL;
  g_autoptr(JsonNode) contacts = NULL;
  gint64 id = add_deal (db, "The only deal", NULL);

  expect_user_error (db, "999", "deal", "show", "999", NULL);
  expect_user_error (db, "title", "deal", "add", "", "--value", "1", NULL);
  expect_user_error (db, "title", "deal", "add", "   ", "--value", "1", NULL);
  expect_user_error (db, "negative", "deal", "add", "Below zero", "--value=-5", NULL);
  expect_user_error (db, "yesterday", "contact", "add", "Someone", "--created-at", "yesterday", NULL);
  expect_user_error (db, "2026-13-45", "contact", "add", "Someone",
                     "--created-at", "2026-13-45T10:00:00Z", NULL);
  expect_user_error (db, "not-an-email", "contact", "add", "Someone", "--email", "not-an-email", NULL);
  expect_user_error (db, "phone", "contact", "add", "Someone", "--phone", "call me maybe", NULL);
  expect_user_error (db, "name", "contact", "add", "", NULL);
  expect_user_error (db, "Nowhere", "deal", "add", "Lost in space", "--value", "1",
                     "--stage", "Nowhere", NULL);
  expect_user_error (db, "999", "deal", "add", "No such contact", "--value", "1", "--contact", "999", NULL);
  expect_user_error (db, "999", "contact", "add", "No such org", "--org", "999", NULL);
  expect_user_error (db, "XYZW", "deal", "add", "Odd money", "--value", "1", "--currency", "XYZW", NULL);

  /* "--value -5": GOption may take "-5" for an option (a usage error),
   * which is acceptable only because "--value=-5" above was a user error. */
  negative = cli_run (db, "deal", "add", "Below zero", "--value", "-5", NULL);
  g_test_message ("--value -5 -> %d: %s", negative->status, negative->err);
  if (negative->status == 2)
    assert_usage_error (negative);
  else
    assert_user_error (negative, "negative");

  /* None of it left anything behind. */
  deals = cli_json (db, "deal", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (as_array (deals)), ==, 1);
  g_assert_cmpint (member_int (json_array_get_object_element (as_array (deals), 0), "id"), ==, id);
  contacts = cli_json (db, "contact", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (as_array (contacts)), ==, 0);
}

static void
test_errors_usage (void)
{
  g_autoptr(Db) db = db_new_init ();
  g_autoptr(CliRun) unknown = NULL;
  g_autoptr(CliRun) unknown_option = NULL;
  g_autoptr(CliRun) nothing = NULL;

  /* Unknown commands. */
  unknown = cli_run (db, "frobnicate", NULL);
  assert_usage_error (unknown);
  g_assert_nonnull (strstr (unknown->err, "frobnicate"));
  expect_usage_error (db, "deal", "frobnicate", NULL);
  expect_usage_error (db, "deal", NULL);

  /* Missing arguments. */
  expect_usage_error (db, "deal", "show", NULL);
  expect_usage_error (db, "deal", "won", NULL);
  expect_usage_error (db, "deal", "add", "No value", NULL);
  expect_usage_error (db, "deal", "add", "--value", "1", NULL);
  expect_usage_error (db, "contact", "add", NULL);
  expect_usage_error (db, "followup", "snooze", "1", NULL);

  /* Unknown options, and arguments too many. */
  unknown_option = cli_run (db, "deal", "list", "--bogus", NULL);
  assert_usage_error (unknown_option);
  g_assert_nonnull (strstr (unknown_option->err, "--bogus"));
  expect_usage_error (db, "contact", "list", "--json", "--colour", NULL);
  expect_usage_error (db, "deal", "list", "extra", NULL);
  expect_usage_error (db, "check", "now", NULL);

  /* A global option it does not know, and no command at all. */
  {
    g_autoptr(CliRun) global = cli_run (NULL, "--bogus", "check", NULL);

    g_assert_cmpint (global->status, ==, 2);
    g_assert_nonnull (strstr (global->err, "--bogus"));
  }
  nothing = cli_run (db, NULL, NULL);
  g_assert_cmpint (nothing->status, ==, 2);
  g_assert_cmpstr (nothing->out, ==, "");
  g_assert_nonnull (strstr (nothing->err, "Usage:"));
}

/* deal show: owner, BANT notes, playbook, negotiation, notes, activities */

static void
test_deal_show_details (void)
{
  g_autoptr(Db) db = db_new_init ();
  gint64 contact = add_contact (db, "Ada Lovelace", FALSE, NULL);
  g_autofree char *contact_str = id_text (contact);
  g_autoptr(JsonNode) added = NULL;
  g_autoptr(JsonNode) note = NULL;
  g_autoptr(JsonNode) offer = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *deal_str = NULL;
  g_autofree char *text = NULL;
  gint64 deal_id, first_action;
  guint n_actions;
  JsonObject *deal, *bant_notes, *entry, *activity;
  JsonArray *playbook, *negotiation, *notes, *activities;

  added = cli_json (db, "deal", "add", "Analytical engine", "--value", "1200", "--contact", contact_str,
                    "--owner", "Charles", "--json", NULL);
  deal_id = member_int (as_object (added), "id");
  deal_str = id_text (deal_id);
  g_assert_cmpstr (member_str (as_object (added), "owner"), ==, "Charles");

  /* What only the app sets: a BANT note and a playbook check mark. */
  store_set_string (db, RAPPORT_TYPE_DEAL, deal_id, "bant-budget-note", "Approved for Q3");
  store = open_store (db);
  {
    g_autoptr(RapportDeal) d = rapport_store_get_deal (store, deal_id, &error);
    g_autoptr(RapportStage) stage = rapport_store_get_stage (store, rapport_deal_get_stage_id (d), &error);
    g_autoptr(GPtrArray) actions = rapport_store_get_stage_actions (store, stage, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (actions->len, >=, 2);
    n_actions = actions->len;
    first_action = rapport_record_get_id (actions->pdata[0]);
    g_assert_true (rapport_store_set_action_done (store, d, actions->pdata[0], TRUE, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&store);

  note = cli_json (db, "note", "add", "--deal", deal_str, "Wants it in brass", "--json", NULL);
  offer = cli_json (db, "deal", "negotiate", deal_str, "offer", "--amount", "1000", "--text", "First offer",
                    "--json", NULL);
  cli_ok (db, "deal", "negotiate", deal_str, "counter-offer", "--amount", "900.50", NULL);
  cli_ok (db, "deal", "negotiate", deal_str, "objection", "--text", "Too slow", NULL);
  cli_ok (db, "deal", "negotiate", deal_str, "concession", "--amount", "50", "--text", "Free manual", NULL);
  cli_ok (db, "activity", "log", contact_str, "meeting", "--deal", deal_str, "--note", "Demo at the shop", NULL);

  shown = show_deal (db, deal_id);
  deal = as_object (shown);
  assert_deal_shape (deal);
  g_assert_cmpstr (member_str (deal, "owner"), ==, "Charles");

  bant_notes = as_object (member (deal, "bant_notes"));
  g_assert_cmpstr (member_str (bant_notes, "budget"), ==, "Approved for Q3");
  assert_member_null (bant_notes, "authority");
  assert_member_null (bant_notes, "need");
  assert_member_null (bant_notes, "timeline");

  /* The current stage's key actions, the first one checked. */
  playbook = as_array (member (deal, "playbook"));
  g_assert_cmpuint (json_array_get_length (playbook), ==, n_actions);
  for (guint i = 0; i < n_actions; i++)
    {
      JsonObject *action = json_array_get_object_element (playbook, i);

      g_assert_cmpint (member_int (action, "id"), >, 0);
      g_assert_cmpstr (member_str (action, "action"), !=, "");
      member (action, "owner");
      member (action, "material");
      member (action, "output");
      if (member_int (action, "id") == first_action)
        {
          g_assert_true (member_bool (action, "done"));
          assert_about_now (member_time (action, "done_at"), 0);
        }
      else
        {
          g_assert_false (member_bool (action, "done"));
          assert_member_null (action, "done_at");
        }
    }
  g_assert_cmpint (member_int (json_array_get_object_element (playbook, 0), "id"), ==, first_action);

  /* Oldest first, amounts in minor units of the deal's currency. */
  negotiation = as_array (member (deal, "negotiation"));
  g_assert_cmpuint (json_array_get_length (negotiation), ==, 4);
  entry = json_array_get_object_element (negotiation, 0);
  g_assert_true (json_node_equal (json_array_get_element (negotiation, 0), offer));
  g_assert_cmpstr (member_str (entry, "kind"), ==, "offer");
  g_assert_cmpint (member_int (entry, "amount"), ==, 100000);
  g_assert_cmpstr (member_str (entry, "currency"), ==, "USD");
  g_assert_cmpstr (member_str (entry, "text"), ==, "First offer");
  assert_about_now (member_time (entry, "created_at"), 0);
  entry = json_array_get_object_element (negotiation, 1);
  g_assert_cmpstr (member_str (entry, "kind"), ==, "counter_offer");
  g_assert_cmpint (member_int (entry, "amount"), ==, 90050);
  assert_member_null (entry, "text");
  entry = json_array_get_object_element (negotiation, 2);
  g_assert_cmpstr (member_str (entry, "kind"), ==, "objection");
  g_assert_cmpint (member_int (entry, "amount"), ==, 0);
  g_assert_cmpstr (member_str (entry, "text"), ==, "Too slow");
  entry = json_array_get_object_element (negotiation, 3);
  g_assert_cmpstr (member_str (entry, "kind"), ==, "concession");
  g_assert_cmpint (member_int (entry, "amount"), ==, 5000);
  for (guint i = 1; i < 4; i++)
    g_assert_cmpint (member_int (json_array_get_object_element (negotiation, i), "id"), >,
                     member_int (json_array_get_object_element (negotiation, i - 1), "id"));

  notes = as_array (member (deal, "notes"));
  g_assert_cmpuint (json_array_get_length (notes), ==, 1);
  g_assert_cmpint (member_int (json_array_get_object_element (notes, 0), "id"), ==,
                   member_int (as_object (note), "id"));
  g_assert_cmpstr (member_str (json_array_get_object_element (notes, 0), "body"), ==, "Wants it in brass");
  assert_about_now (member_time (json_array_get_object_element (notes, 0), "created_at"), 0);

  activities = as_array (member (deal, "activities"));
  g_assert_cmpuint (json_array_get_length (activities), ==, 1);
  activity = json_array_get_object_element (activities, 0);
  g_assert_cmpint (member_int (activity, "id"), >, 0);
  g_assert_cmpstr (member_str (activity, "kind"), ==, "meeting");
  g_assert_cmpstr (member_str (activity, "title"), !=, "");
  g_assert_cmpstr (member_str (activity, "note"), ==, "Demo at the shop");
  assert_about_now (member_time (activity, "done_at"), 0);
  member (activity, "due_at");

  /* The same, briefly, for people. */
  text = cli_text (db, "deal", "show", deal_str, NULL);
  assert_contains (text, "Analytical engine");
  assert_contains (text, "Owner: Charles");
  assert_contains (text, "Approved for Q3");
  assert_contains (text, "[x]");
  assert_contains (text, "[ ]");
  assert_contains (text, "counter_offer");
  assert_contains (text, "$900.50");
  assert_contains (text, "Too slow");
  assert_contains (text, "Wants it in brass");
  assert_contains (text, "Activities:");
}

static void
test_deal_negotiate_errors (void)
{
  g_autoptr(Db) db = db_new_init ();
  gint64 id = add_deal (db, "Haggle", NULL);
  g_autofree char *id_str = id_text (id);
  g_autoptr(JsonNode) eur = cli_json (db, "deal", "add", "Euro deal", "--value", "10", "--currency", "EUR",
                                      "--json", NULL);
  g_autofree char *eur_str = id_text (member_int (as_object (eur), "id"));
  g_autoptr(JsonNode) entry = NULL;
  g_autoptr(JsonNode) shown = NULL;

  /* The amount is in the deal's own currency. */
  entry = cli_json (db, "deal", "negotiate", eur_str, "offer", "--amount", "12.5", "--json", NULL);
  g_assert_cmpstr (member_str (as_object (entry), "currency"), ==, "EUR");
  g_assert_cmpint (member_int (as_object (entry), "amount"), ==, 1250);

  expect_usage_error (db, "deal", "negotiate", id_str, "bribe", NULL);
  expect_usage_error (db, "deal", "negotiate", id_str, NULL);
  expect_usage_error (db, "deal", "negotiate", id_str, "offer", "--bogus", NULL);
  expect_user_error (db, "999", "deal", "negotiate", "999", "offer", NULL);
  expect_user_error (db, "abc", "deal", "negotiate", "abc", "offer", NULL);
  expect_user_error (db, "lots", "deal", "negotiate", id_str, "offer", "--amount", "lots", NULL);
  expect_user_error (db, "negative", "deal", "negotiate", id_str, "offer", "--amount=-5", NULL);

  /* Nothing was logged by the refused ones. */
  shown = show_deal (db, id);
  g_assert_cmpuint (json_array_get_length (as_array (member (as_object (shown), "negotiation"))), ==, 0);
}

/* contact show: owner, dates, organization, notes, activities, deals */

static void
test_contact_show_details (void)
{
  g_autoptr(Db) db = db_new_init ();
  gint64 org = add_org (db, "Difference Engines Ltd");
  g_autofree char *org_str = id_text (org);
  g_autoptr(JsonNode) added = cli_json (db, "contact", "add", "Charles Babbage", "--org", org_str, "--json", NULL);
  gint64 id = member_int (as_object (added), "id");
  g_autofree char *id_str = id_text (id);
  gint64 deal_a, deal_b;
  g_autofree char *deal_a_str = NULL;
  g_autofree char *deals_expected = NULL;
  g_autofree char *deals_seen = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) note = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportActivity) followup = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *contact;
  JsonArray *notes, *activities;
  gint64 due = now () + 86400;

  {
    g_autoptr(JsonNode) a = cli_json (db, "deal", "add", "Engine No. 1", "--value", "10", "--contact", id_str,
                                      "--json", NULL);
    g_autoptr(JsonNode) b = cli_json (db, "deal", "add", "Engine No. 2", "--value", "10", "--contact", id_str,
                                      "--json", NULL);

    deal_a = member_int (as_object (a), "id");
    deal_b = member_int (as_object (b), "id");
    deal_a_str = id_text (deal_a);
  }
  add_deal (db, "Someone else's", NULL);

  store_set_string (db, RAPPORT_TYPE_CONTACT, id, "owner", "Ada");
  store = open_store (db);
  followup = rapport_store_add_followup (store, id, 0, "Send the plans", due, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  note = cli_json (db, "note", "add", "--contact", id_str, "Prefers letters", "--json", NULL);
  cli_ok (db, "activity", "log", id_str, "call", "--deal", deal_a_str, "--note", "Talked gears", NULL);

  shown = show_contact (db, id);
  contact = as_object (shown);
  assert_contact_shape (contact);
  g_assert_cmpstr (member_str (contact, "owner"), ==, "Ada");
  assert_about_now (member_time (contact, "last_contacted_at"), 0);
  g_assert_cmpint (member_time (contact, "next_followup_at"), ==, due);
  g_assert_cmpstr (member_str (contact, "organization"), ==, "Difference Engines Ltd");
  g_assert_cmpint (member_int (contact, "organization_id"), ==, org);

  notes = as_array (member (contact, "notes"));
  g_assert_cmpuint (json_array_get_length (notes), ==, 1);
  g_assert_true (json_node_equal (json_array_get_element (notes, 0), note));
  g_assert_cmpstr (member_str (json_array_get_object_element (notes, 0), "body"), ==, "Prefers letters");

  /* Newest first: the follow-up due tomorrow, then the call just made. */
  activities = as_array (member (contact, "activities"));
  g_assert_cmpuint (json_array_get_length (activities), ==, 2);
  g_assert_cmpint (member_int (json_array_get_object_element (activities, 0), "id"), ==,
                   rapport_record_get_id (RAPPORT_RECORD (followup)));
  g_assert_cmpstr (member_str (json_array_get_object_element (activities, 0), "kind"), ==, "followup");
  g_assert_cmpstr (member_str (json_array_get_object_element (activities, 0), "title"), ==, "Send the plans");
  g_assert_cmpint (member_time (json_array_get_object_element (activities, 0), "due_at"), ==, due);
  assert_member_null (json_array_get_object_element (activities, 0), "done_at");
  g_assert_cmpstr (member_str (json_array_get_object_element (activities, 1), "kind"), ==, "call");
  g_assert_cmpstr (member_str (json_array_get_object_element (activities, 1), "note"), ==, "Talked gears");

  deals_seen = ids_text (as_array (member (contact, "deals")));
  deals_expected = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, deal_a, deal_b);
  g_assert_cmpstr (deals_seen, ==, deals_expected);

  text = cli_text (db, "contact", "show", id_str, NULL);
  assert_contains (text, "Charles Babbage");
  assert_contains (text, "Owner: Ada");
  assert_contains (text, "Organization: Difference Engines Ltd");
  assert_contains (text, "Last contacted: ");
  assert_contains (text, "Next follow-up: ");
  assert_contains (text, "Prefers letters");
  assert_contains (text, "Send the plans");
}

/* org list and org show */

static void
test_org_list (void)
{
  g_autoptr(Db) db = db_new_init ();
  g_autoptr(JsonNode) empty = cli_json (db, "org", "list", "--json", NULL);
  g_autoptr(JsonNode) all = NULL;
  g_autofree char *text = NULL;
  gint64 zeta, acme;
  JsonArray *orgs;
  JsonObject *first;

  g_assert_cmpuint (json_array_get_length (as_array (empty)), ==, 0);

  zeta = add_org (db, "Zeta Works");
  acme = add_org (db, "acme corp");

  /* By name, whatever the case. */
  all = cli_json (db, "org", "list", "--json", NULL);
  orgs = as_array (all);
  g_assert_cmpuint (json_array_get_length (orgs), ==, 2);
  first = json_array_get_object_element (orgs, 0);
  g_assert_cmpint (member_int (first, "id"), ==, acme);
  g_assert_cmpstr (member_str (first, "name"), ==, "acme corp");
  assert_member_null (first, "website");
  assert_member_null (first, "phone");
  member_time (first, "created_at");
  g_assert_cmpint (member_int (json_array_get_object_element (orgs, 1), "id"), ==, zeta);

  text = cli_text (db, "org", "list", NULL);
  assert_contains (text, "acme corp");
  g_assert_true (strstr (text, "acme corp") < strstr (text, "Zeta Works"));

  expect_usage_error (db, "org", "list", "extra", NULL);
}

static void
test_org_show (void)
{
  g_autoptr(Db) db = db_new_init ();
  gint64 org = add_org (db, "Northwind");
  g_autofree char *org_str = id_text (org);
  gint64 other = add_org (db, "Southwind");
  g_autofree char *other_str = id_text (other);
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) bare = NULL;
  g_autofree char *contacts_seen = NULL;
  g_autofree char *contacts_expected = NULL;
  g_autofree char *text = NULL;
  gint64 anna, bob, won_usd, won_eur, open;
  JsonObject *object;
  JsonArray *deals;

  {
    g_autoptr(JsonNode) b = cli_json (db, "contact", "add", "Bob", "--org", org_str, "--json", NULL);
    g_autoptr(JsonNode) a = cli_json (db, "contact", "add", "Anna", "--org", org_str, "--json", NULL);
    g_autoptr(JsonNode) c = cli_json (db, "contact", "add", "Carl", "--org", other_str, "--json", NULL);
    g_autoptr(JsonNode) d1 = cli_json (db, "deal", "add", "Won in dollars", "--value", "1000.25",
                                       "--org", org_str, "--json", NULL);
    g_autoptr(JsonNode) d2 = cli_json (db, "deal", "add", "Won in euros", "--value", "500", "--currency", "EUR",
                                       "--org", org_str, "--json", NULL);
    g_autoptr(JsonNode) d3 = cli_json (db, "deal", "add", "Still open", "--value", "700",
                                       "--org", org_str, "--json", NULL);
    g_autoptr(JsonNode) d4 = cli_json (db, "deal", "add", "Won elsewhere", "--value", "9",
                                       "--org", other_str, "--json", NULL);
    g_autofree char *d1_str = NULL, *d2_str = NULL, *d4_str = NULL;

    bob = member_int (as_object (b), "id");
    anna = member_int (as_object (a), "id");
    won_usd = member_int (as_object (d1), "id");
    won_eur = member_int (as_object (d2), "id");
    open = member_int (as_object (d3), "id");
    d1_str = id_text (won_usd);
    d2_str = id_text (won_eur);
    d4_str = id_text (member_int (as_object (d4), "id"));
    cli_ok (db, "deal", "won", d1_str, NULL);
    cli_ok (db, "deal", "won", d2_str, NULL);
    cli_ok (db, "deal", "won", d4_str, NULL);
    (void) c;
  }
  cli_ok (db, "note", "add", "--org", org_str, "Key account", NULL);

  shown = cli_json (db, "org", "show", org_str, "--json", NULL);
  object = as_object (shown);
  g_assert_cmpint (member_int (object, "id"), ==, org);
  g_assert_cmpstr (member_str (object, "name"), ==, "Northwind");
  assert_member_null (object, "website");
  assert_member_null (object, "phone");

  /* Contacts by name; deals open first. */
  contacts_seen = ids_text (as_array (member (object, "contacts")));
  contacts_expected = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, anna, bob);
  g_assert_cmpstr (contacts_seen, ==, contacts_expected);
  deals = as_array (member (object, "deals"));
  g_assert_cmpuint (json_array_get_length (deals), ==, 3);
  g_assert_cmpint (json_array_get_int_element (deals, 0), ==, open);

  /* Both won deals count; only the one in the default currency is summed. */
  g_assert_cmpint (member_int (object, "won_count"), ==, 2);
  g_assert_cmpint (member_int (object, "won_total"), ==, 100025);
  g_assert_cmpstr (member_str (object, "currency"), ==, "USD");
  g_assert_cmpuint (json_array_get_length (as_array (member (object, "notes"))), ==, 1);

  /* An organization with nothing. */
  {
    gint64 empty = add_org (db, "Empty Inc");
    g_autofree char *empty_str = id_text (empty);

    bare = cli_json (db, "org", "show", empty_str, "--json", NULL);
    g_assert_cmpuint (json_array_get_length (as_array (member (as_object (bare), "contacts"))), ==, 0);
    g_assert_cmpuint (json_array_get_length (as_array (member (as_object (bare), "deals"))), ==, 0);
    g_assert_cmpint (member_int (as_object (bare), "won_count"), ==, 0);
    g_assert_cmpint (member_int (as_object (bare), "won_total"), ==, 0);
  }

  text = cli_text (db, "org", "show", org_str, NULL);
  assert_contains (text, "Northwind");
  assert_contains (text, "$1,000.25");
  assert_contains (text, "Key account");

  expect_user_error (db, "999", "org", "show", "999", NULL);
  expect_user_error (db, "abc", "org", "show", "abc", NULL);
  expect_usage_error (db, "org", "show", NULL);
}

/* search */

static JsonObject *
find_hit (JsonArray  *hits,
          const char *kind,
          gint64      id)
{
  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *hit = json_array_get_object_element (hits, i);

      if (g_str_equal (member_str (hit, "kind"), kind) && member_int (hit, "id") == id)
        return hit;
    }

  return NULL;
}

static void
test_search (void)
{
  g_autoptr(Db) db = db_new_init ();
  gint64 org = add_org (db, "Adamant Ltd");
  gint64 ada = add_contact (db, "Ada Lovelace", FALSE, NULL);
  gint64 adam = add_contact (db, "Adam Smith", FALSE, NULL);
  gint64 deal = add_deal (db, "Adage renewal", NULL);
  gint64 grace = add_contact (db, "Grace Hopper", FALSE, NULL);
  g_autofree char *grace_str = id_text (grace);
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) limited = NULL;
  g_autoptr(JsonNode) words = NULL;
  g_autoptr(JsonNode) by_note = NULL;
  g_autoptr(JsonNode) none = NULL;
  g_autofree char *text = NULL;
  const char * const hostile[] = { "\"", "ada*", "AND", "(", "ada:", "-ada", "NEAR(ada", "ada OR", "^", NULL };
  const char *last_kind = "contact";
  JsonArray *hits;

  all = cli_json (db, "search", "ada", "--json", NULL);
  hits = as_array (all);
  g_assert_cmpuint (json_array_get_length (hits), ==, 4);
  g_assert_cmpstr (member_str (find_hit (hits, "contact", ada), "name"), ==, "Ada Lovelace");
  g_assert_cmpstr (member_str (find_hit (hits, "contact", adam), "name"), ==, "Adam Smith");
  g_assert_cmpstr (member_str (find_hit (hits, "organization", org), "name"), ==, "Adamant Ltd");
  g_assert_cmpstr (member_str (find_hit (hits, "deal", deal), "name"), ==, "Adage renewal");
  g_assert_null (find_hit (hits, "contact", grace));

  /* Grouped by kind: contacts, organizations, deals. */
  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      const char *kind = member_str (json_array_get_object_element (hits, i), "kind");
      const char * const order[] = { "contact", "organization", "deal", NULL };

      g_assert_true (g_strv_contains (order, kind));
      if (!g_str_equal (kind, last_kind))
        g_assert_true ((g_str_equal (last_kind, "contact")) ||
                       (g_str_equal (last_kind, "organization") && g_str_equal (kind, "deal")));
      last_kind = kind;
    }

  /* At most --limit of each kind. */
  limited = cli_json (db, "search", "ada", "--limit", "1", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (as_array (limited)), ==, 3);

  /* Every word must match, in any order. */
  words = cli_json (db, "search", "lovelace ada", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (as_array (words)), ==, 1);
  g_assert_nonnull (find_hit (as_array (words), "contact", ada));

  /* A note finds its owner. */
  cli_ok (db, "note", "add", "--contact", grace_str, "Invented the compiler", NULL);
  by_note = cli_json (db, "search", "compiler", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (as_array (by_note)), ==, 1);
  g_assert_cmpstr (member_str (find_hit (as_array (by_note), "contact", grace), "name"), ==, "Grace Hopper");

  none = cli_json (db, "search", "zzzz", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (as_array (none)), ==, 0);

  /* What the user types is never search syntax: no error, no injection. */
  for (guint i = 0; hostile[i] != NULL; i++)
    {
      g_autoptr(CliRun) run = cli_run (db, "search", "--json", "--", hostile[i], NULL);
      g_autoptr(JsonNode) result = NULL;

      assert_ok (run);
      result = parse_json (run->out);
      g_assert_cmpuint (json_array_get_length (as_array (result)), <=, 4);
    }

  text = cli_text (db, "search", "grace", NULL);
  {
    g_autofree char *line = g_strdup_printf ("contact\t%" G_GINT64_FORMAT "\tGrace Hopper\n", grace);

    g_assert_cmpstr (text, ==, line);
  }

  expect_usage_error (db, "search", NULL);
  expect_usage_error (db, "search", "ada", "--limit", "0", NULL);
  expect_usage_error (db, "search", "ada", "extra", NULL);
}

/* note add */

static void
test_note_add (void)
{
  g_autoptr(Db) db = db_new_init ();
  gint64 contact = add_contact (db, "Katherine Johnson", FALSE, NULL);
  g_autofree char *contact_str = id_text (contact);
  gint64 deal = add_deal (db, "Orbit", NULL);
  g_autofree char *deal_str = id_text (deal);
  gint64 org = add_org (db, "NASA");
  g_autofree char *org_str = id_text (org);
  g_autoptr(JsonNode) on_contact = NULL;
  g_autoptr(JsonNode) on_deal = NULL;
  g_autoptr(JsonNode) on_org = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autofree char *text = NULL;
  JsonObject *note;

  on_contact = cli_json (db, "note", "add", "--contact", contact_str, "Checked the numbers", "--json", NULL);
  note = as_object (on_contact);
  g_assert_cmpint (member_int (note, "id"), >, 0);
  g_assert_cmpstr (member_str (note, "body"), ==, "Checked the numbers");
  assert_about_now (member_time (note, "created_at"), 0);
  g_assert_cmpint (member_int (note, "contact_id"), ==, contact);
  assert_member_null (note, "deal_id");
  assert_member_null (note, "organization_id");

  on_deal = cli_json (db, "note", "add", "--deal", deal_str, "Launch window\nsecond line", "--json", NULL);
  g_assert_cmpint (member_int (as_object (on_deal), "deal_id"), ==, deal);
  g_assert_cmpstr (member_str (as_object (on_deal), "body"), ==, "Launch window\nsecond line");
  assert_member_null (as_object (on_deal), "contact_id");

  on_org = cli_json (db, "note", "add", "--org", org_str, "Agency", "--json", NULL);
  g_assert_cmpint (member_int (as_object (on_org), "organization_id"), ==, org);

  /* Each is in its owner's notes. */
  shown = show_contact (db, contact);
  g_assert_true (json_node_equal (json_array_get_element (as_array (member (as_object (shown), "notes")), 0),
                                  on_contact));
  text = cli_text (db, "note", "add", "--contact", contact_str, "Another", NULL);
  assert_contains (text, "note");

  expect_usage_error (db, "note", "add", "No owner", NULL);
  expect_usage_error (db, "note", "add", "--contact", contact_str, "--deal", deal_str, "Two owners", NULL);
  expect_usage_error (db, "note", "add", "--contact", contact_str, NULL);
  expect_user_error (db, "999", "note", "add", "--contact", "999", "Nobody", NULL);
  expect_user_error (db, "999", "note", "add", "--deal", "999", "Nothing", NULL);
  expect_user_error (db, "999", "note", "add", "--org", "999", "Nowhere", NULL);
  expect_user_error (db, "abc", "note", "add", "--deal", "abc", "Bad id", NULL);
  expect_user_error (db, "note", "note", "add", "--deal", deal_str, "   ", NULL);

  /* The refused ones added nothing. */
  g_clear_pointer (&shown, json_node_unref);
  shown = show_deal (db, deal);
  g_assert_cmpuint (json_array_get_length (as_array (member (as_object (shown), "notes"))), ==, 1);
}

static void
test_help_lists_commands (void)
{
  g_autoptr(CliRun) run = cli_run (NULL, "--help", NULL);
  const char * const commands[] = {
    "org list", "org show ID", "search TEXT", "note add", "deal negotiate ID", NULL
  };

  assert_ok (run);
  for (guint i = 0; commands[i] != NULL; i++)
    assert_contains (run->out, commands[i]);
}

int
main (int    argc,
      char **argv)
{
  /* UTF-8 messages (“…”) print as such in the test log. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/init/default-path", test_init_default_path);
  g_test_add_func ("/cli/init/templates", test_init_templates);
  g_test_add_func ("/cli/init/unknown-template", test_init_unknown_template);
  g_test_add_func ("/cli/init/template-atomic", test_init_template_atomic);
  g_test_add_func ("/cli/stage/list/json", test_stage_list);
  g_test_add_func ("/cli/org/add/json", test_org_add);
  g_test_add_func ("/cli/contact/add/json", test_contact_add);
  g_test_add_func ("/cli/contact/add/lead", test_contact_add_lead);
  g_test_add_func ("/cli/contact/list/json", test_contact_list);
  g_test_add_func ("/cli/contact/show/json", test_contact_show);
  g_test_add_func ("/cli/deal/add/json", test_deal_add);
  g_test_add_func ("/cli/deal/add/values", test_deal_add_values);
  g_test_add_func ("/cli/deal/add/stage-by-id", test_deal_add_stage_by_id);
  g_test_add_func ("/cli/deal/move/stage", test_deal_move);
  g_test_add_func ("/cli/deal/move/position", test_deal_move_position);
  g_test_add_func ("/cli/deal/won", test_deal_won);
  g_test_add_func ("/cli/deal/lost", test_deal_lost);
  g_test_add_func ("/cli/deal/bant", test_deal_bant);
  g_test_add_func ("/cli/deal/bant/atomic", test_deal_bant_atomic);
  g_test_add_func ("/cli/deal/show/json", test_deal_show);
  g_test_add_func ("/cli/deal/list/json", test_deal_list);
  g_test_add_func ("/cli/activity/log", test_activity_log);
  g_test_add_func ("/cli/followup/list/json", test_followup_list);
  g_test_add_func ("/cli/followup/list/due", test_followup_due);
  g_test_add_func ("/cli/followup/done", test_followup_done);
  g_test_add_func ("/cli/followup/snooze", test_followup_snooze);
  g_test_add_func ("/cli/demo", test_demo);
  g_test_add_func ("/cli/check/fresh", test_check);
  g_test_add_func ("/cli/check/damaged", test_check_damaged);
  g_test_add_func ("/cli/errors/user", test_errors_user);
  g_test_add_func ("/cli/errors/usage", test_errors_usage);
  g_test_add_func ("/cli/deal/show/details", test_deal_show_details);
  g_test_add_func ("/cli/deal/negotiate/errors", test_deal_negotiate_errors);
  g_test_add_func ("/cli/contact/show/details", test_contact_show_details);
  g_test_add_func ("/cli/org/list/json", test_org_list);
  g_test_add_func ("/cli/org/show/json", test_org_show);
  g_test_add_func ("/cli/search/json", test_search);
  g_test_add_func ("/cli/note/add/json", test_note_add);
  g_test_add_func ("/cli/help/new-commands", test_help_lists_commands);

  return g_test_run ();
}
