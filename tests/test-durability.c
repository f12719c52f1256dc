/* test-durability.c — a move reported as committed survives SIGKILL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child process (durability-mover) moves demo deals between stages as
 * fast as it can and prints "DEAL_ID STAGE_ID" after each move the store
 * reported as committed. It is killed with SIGKILL at a random moment.
 * Afterwards `rapport-cli check` must pass, and for every deal the stages
 * the child reported must be, in order, a prefix of the deal's recorded
 * stage changes after its creation: at most the one move that committed
 * but had not been reported yet may follow.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rapport-test-support.h"

#define N_DEMO_DEALS 200
#define MIN_MOVES 200

static const char *
env_path (const char *name)
{
  const char *path = g_getenv (name);

  if (path == NULL)
    g_error ("%s is not set: run the tests with meson test", name);

  return path;
}

/* Runs rapport-cli --db DB ARGS…; returns its exit status, its stdout in
 * *out (which may be NULL). A crash fails the test. */
static int
run_cli (const char  *db,
         char       **out,
         const char  *first_arg,
         ...) G_GNUC_NULL_TERMINATED;

static int
run_cli (const char  *db,
         char       **out,
         const char  *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *std_out = NULL;
  g_autofree char *std_err = NULL;
  const char *arg;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (char *) env_path ("RAPPORT_CLI"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &std_out, &std_err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));

  if (WEXITSTATUS (wait_status) != 0)
    g_test_message ("rapport-cli %s exited %d: %s", first_arg, WEXITSTATUS (wait_status), std_err);

  if (out != NULL)
    *out = g_steal_pointer (&std_out);

  return WEXITSTATUS (wait_status);
}

/* One reported move. */
typedef struct
{
  gint64 deal_id;
  gint64 stage_id;
} Move;

/* Moves every complete line of @buffer into @moves, leaving a partial
 * last line (no '\n' yet) in the buffer. */
static void
take_lines (GString *buffer,
            GArray  *moves)
{
  char *newline;

  while ((newline = memchr (buffer->str, '\n', buffer->len)) != NULL)
    {
      g_autofree char *line = g_strndup (buffer->str, (gsize) (newline - buffer->str));
      g_auto(GStrv) fields = g_strsplit (line, " ", -1);
      Move move;
      char *end = NULL;

      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      move.deal_id = g_ascii_strtoll (fields[0], &end, 10);
      g_assert_true (end != fields[0] && *end == '\0');
      move.stage_id = g_ascii_strtoll (fields[1], &end, 10);
      g_assert_true (end != fields[1] && *end == '\0');
      g_assert_cmpint (move.deal_id, >, 0);
      g_assert_cmpint (move.stage_id, >, 0);
      g_array_append_val (moves, move);

      g_string_erase (buffer, 0, newline - buffer->str + 1);
    }
}

/* Reads what is in @fd into @buffer; FALSE at end of file. */
static gboolean
read_some (int      fd,
           GString *buffer)
{
  char chunk[4096];
  gssize n;

  do
    n = read (fd, chunk, sizeof chunk);
  while (n < 0 && errno == EINTR);

  g_assert_cmpint (n, >=, 0);
  if (n == 0)
    return FALSE;

  g_string_append_len (buffer, chunk, n);
  return TRUE;
}

static char *
read_text_file (const char *path)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return g_strdup ("");

  return g_steal_pointer (&contents);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));

  return json_node_copy (json_parser_get_root (parser));
}

static gint64
changed_at (JsonObject *change)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (json_object_get_string_member (change, "changed_at"),
                                                          NULL);

  g_assert_nonnull (at);
  return g_date_time_to_unix (at);
}

/* The ids of the stages a deal was moved to from @since on, in order, from
 * `deal show ID --json`; also checks that the history is one chain from
 * the deal's creation to its current stage. What came before @since is the
 * demo's own history (stage moves, wins, losses), all in the past. */
static GArray *
stages_moved_since (const char *db,
                    gint64      deal_id,
                    gint64      since)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, deal_id);
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  GArray *stages = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonObject *deal;
  JsonArray *history;
  JsonObject *creation;
  gint64 previous;

  g_assert_cmpint (run_cli (db, &out, "deal", "show", id, "--json", NULL), ==, 0);
  root = parse_json (out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  deal = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (deal, "id"), ==, deal_id);
  g_assert_true (json_object_has_member (deal, "history"));
  history = json_object_get_array_member (deal, "history");
  g_assert_nonnull (history);
  g_assert_cmpuint (json_array_get_length (history), >=, 1);

  /* The demo gave every deal exactly one creation entry, first. */
  creation = json_array_get_object_element (history, 0);
  g_assert_true (json_object_get_null_member (creation, "from_stage_id"));
  g_assert_cmpint (changed_at (creation), <, since);
  previous = json_object_get_int_member (creation, "to_stage_id");

  for (guint i = 1; i < json_array_get_length (history); i++)
    {
      JsonObject *change = json_array_get_object_element (history, i);
      gint64 to;

      g_assert_false (json_object_get_null_member (change, "from_stage_id"));
      g_assert_cmpint (json_object_get_int_member (change, "from_stage_id"), ==, previous);
      to = json_object_get_int_member (change, "to_stage_id");
      if (changed_at (change) >= since)
        {
          /* A move of the mover's: always to another stage. */
          g_assert_cmpint (to, !=, previous);
          g_array_append_val (stages, to);
        }
      previous = to;
    }

  g_assert_cmpint (json_object_get_int_member (deal, "stage_id"), ==, previous);

  return stages;
}

static void
run_cycle (guint32 seed)
{
  g_autofree char *dir = rapport_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *err_path = g_build_filename (dir, "mover.err", NULL);
  g_autofree char *seed_text = g_strdup_printf ("%u", seed);
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (Move));
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          g_free, (GDestroyNotify) g_array_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *list = NULL;
  g_autoptr(JsonNode) deals = NULL;
  const char *argv[4];
  gint64 run_ms, start, deadline, killed_at, mover_since;
  guint n_before_kill, n_committed_moves = 0, n_deals;
  int err_fd, out_fd = -1;
  int wait_status;
  GPid pid;

  /* The database: the default pipeline and 200 demo deals. */
  g_assert_cmpint (run_cli (db, NULL, "init", NULL), ==, 0);
  g_assert_cmpint (run_cli (db, NULL, "demo", "--deals", "200", "--contacts", "50", NULL), ==, 0);
  /* The demo's history is all before its "now"; the mover's moves are
   * from here on. */
  mover_since = g_get_real_time () / G_USEC_PER_SEC;

  err_fd = g_open (err_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_assert_cmpint (err_fd, >=, 0);

  argv[0] = env_path ("RAPPORT_DURABILITY_MOVER");
  argv[1] = db;
  argv[2] = seed_text;
  argv[3] = NULL;
  g_spawn_async_with_pipes_and_fds (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                    -1, -1, err_fd, NULL, NULL, 0,
                                    &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);
  close (err_fd);

  /* Read what it reports for a random time, then kill it mid-stride. On a
   * disk slow to sync, wait on (up to a minute) for enough moves to make
   * the check worth something. */
  run_ms = g_test_rand_int_range (300, 1501);
  start = g_get_monotonic_time ();
  deadline = start + run_ms * 1000;
  for (;;)
    {
      gint64 left_ms = (deadline - g_get_monotonic_time ()) / 1000;
      struct pollfd pfd = { out_fd, POLLIN, 0 };
      int n;

      if (left_ms <= 0 && moves->len < MIN_MOVES && g_get_monotonic_time () - start < 60 * G_USEC_PER_SEC)
        {
          deadline = g_get_monotonic_time () + 50 * 1000;
          continue;
        }
      if (left_ms <= 0)
        break;

      n = poll (&pfd, 1, (int) left_ms);
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >=, 0);
      if (n == 0)
        continue;

      if (!read_some (out_fd, buffer))
        {
          g_autofree char *text = read_text_file (err_path);

          g_error ("durability-mover ended by itself after %u moves: %s", moves->len, text);
        }
      take_lines (buffer, moves);
    }

  /* Still running: it exits only on failure. */
  g_assert_cmpint (waitpid (pid, &wait_status, WNOHANG), ==, 0);
  killed_at = g_get_monotonic_time ();
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (wait_status));
  g_assert_cmpint (WTERMSIG (wait_status), ==, SIGKILL);
  g_spawn_close_pid (pid);

  /* Lines already in the pipe were reported too; a cut-off last line was
   * not. */
  n_before_kill = moves->len;
  while (read_some (out_fd, buffer))
    ;
  close (out_fd);
  take_lines (buffer, moves);

  g_test_message ("seed %u: killed after %" G_GINT64_FORMAT " ms (%" G_GINT64_FORMAT " ms drawn); "
                  "%u moves read before the kill, %u in all; %" G_GSIZE_FORMAT " bytes of a cut-off line",
                  seed, (killed_at - start) / 1000, run_ms, n_before_kill, moves->len,
                  buffer->len);
  g_assert_cmpuint (moves->len, >=, MIN_MOVES);

  /* The file is sound after the kill (the WAL is recovered). */
  g_assert_cmpint (run_cli (db, NULL, "check", NULL), ==, 0);

  /* Reported target stages, per deal, in order. */
  for (guint i = 0; i < moves->len; i++)
    {
      Move *move = &g_array_index (moves, Move, i);
      GArray *stages = g_hash_table_lookup (reported, &move->deal_id);

      if (stages == NULL)
        {
          stages = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (reported, g_memdup2 (&move->deal_id, sizeof (gint64)), stages);
        }
      g_array_append_val (stages, move->stage_id);
    }

  /* Every deal: what was reported is a prefix of what was recorded. */
  g_assert_cmpint (run_cli (db, &list, "deal", "list", "--json", NULL), ==, 0);
  deals = parse_json (list);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (deals));
  n_deals = json_array_get_length (json_node_get_array (deals));
  g_assert_cmpuint (n_deals, ==, N_DEMO_DEALS);

  for (guint i = 0; i < n_deals; i++)
    {
      JsonObject *deal = json_array_get_object_element (json_node_get_array (deals), i);
      gint64 id = json_object_get_int_member (deal, "id");
      g_autoptr(GArray) recorded = stages_moved_since (db, id, mover_since);
      GArray *sent = g_hash_table_lookup (reported, &id);
      guint n_sent = sent ? sent->len : 0;

      g_assert_cmpuint (recorded->len, >=, n_sent);
      for (guint j = 0; j < n_sent; j++)
        {
          if (g_array_index (sent, gint64, j) != g_array_index (recorded, gint64, j))
            g_error ("deal %" G_GINT64_FORMAT ": reported move %u went to stage %" G_GINT64_FORMAT
                     ", but the database recorded stage %" G_GINT64_FORMAT,
                     id, j, g_array_index (sent, gint64, j), g_array_index (recorded, gint64, j));
        }

      n_committed_moves += recorded->len;
      g_hash_table_remove (reported, &id);
    }

  /* Every reported deal exists, and nothing else moved: at most the one
   * move that committed but was not reported before the kill. */
  g_assert_cmpuint (g_hash_table_size (reported), ==, 0);
  g_assert_cmpuint (n_committed_moves, >=, moves->len);
  g_assert_cmpuint (n_committed_moves, <=, moves->len + 1);

  g_test_message ("seed %u: %u moves recorded in the database, %u reported",
                  seed, n_committed_moves, moves->len);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_durability_sigkill (void)
{
  for (guint i = 0; i < 3; i++)
    run_cycle ((guint32) g_test_rand_int ());
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/durability/sigkill", test_durability_sigkill);

  return g_test_run ();
}
