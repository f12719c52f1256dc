/* test-hostile.c — hostile text and numbers, through the model and the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is either refused (a GError, or exit 1 with exactly one line
 * on stderr) or stored exactly (read back equal, through --json for the
 * CLI); the file passes the integrity check after each one. Whatever a
 * refusal quotes, its message is one line of valid UTF-8 without control
 * characters, and no output for people carries a terminal escape.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "rapport-money.h"
#include "rapport-store.h"
#include "rapport-test-support.h"
#include "rapport-time.h"
#include "rapport-validate.h"

/* The store's clock for every CLI run: 2026-06-01T12:00:00Z. */
#define NOW_TEXT "2026-06-01T12:00:00Z"
#define NOW ((gint64) 1780315200)

typedef struct
{
  const char *text;
  gboolean    line_ok;  /* as a name, title or owner */
  gboolean    note_ok;  /* as a note or a reason */
} Hostile;

static const Hostile corpus[] = {
  { "Ada Lovelace", TRUE, TRUE },
  { "Zoë Ångström-Ñúñez", TRUE, TRUE },
  { "李小龙", TRUE, TRUE },
  { "שלום\u200F עולם", TRUE, TRUE },                 /* a mark inside visible text */
  { "👩\u200D👩\u200D👧 family", TRUE, TRUE },        /* joiners inside visible text */
  { "Bidi \u202Eevil\u202C", TRUE, TRUE },           /* visible text around a bidi override */
  { "Robert'); DROP TABLE contact;--", TRUE, TRUE },
  { "%s%s%n%x", TRUE, TRUE },
  { "Ada\x1b[31mRed\x1b[0m", FALSE, FALSE },
  { "\x1b]0;pwned\x07", FALSE, FALSE },
  { "\x1b[2J\x1b[H", FALSE, FALSE },
  { "Ada\rLovelace", FALSE, FALSE },
  { "Bell\x07", FALSE, FALSE },
  { "Del\x7f", FALSE, FALSE },
  { "C1 \xc2\x9b" "31m", FALSE, FALSE },             /* U+009B, the one-byte CSI */
  { "Two\nLines", FALSE, TRUE },
  { "Tab\there", FALSE, TRUE },
  { "\xc2\xa0", FALSE, FALSE },                      /* only NBSP */
  { "\xc2\xa0\xc2\xa0\xe2\x80\x8b", FALSE, FALSE },  /* NBSPs and a ZWSP */
  { "\xe2\x80\x8b", FALSE, FALSE },                  /* only ZWSP */
  { "\xe2\x80\xae", FALSE, FALSE },                  /* only RLO */
  { "\xe2\x80\xae\xe2\x80\xac\xe2\x81\xa6\xe2\x81\xa9", FALSE, FALSE },
  { "\xe2\x80\xa8", FALSE, FALSE },                  /* line separator */
  { "\xef\xbb\xbf", FALSE, FALSE },                  /* BOM */
  { "\xe3\x85\xa4", FALSE, FALSE },                  /* Hangul filler */
  { "\xe2\x80\x83\xe3\x80\x80", FALSE, FALSE },      /* em space, ideographic space */
  { "\n\t", FALSE, FALSE },
};

/* One line of valid UTF-8 without control characters. */
static void
assert_one_clean_line (const char *message)
{
  g_assert_nonnull (message);
  g_assert_true (g_utf8_validate (message, -1, NULL));
  g_assert_cmpuint (strlen (message), >, 0);
  for (const char *p = message; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_type (g_utf8_get_char (p)) == G_UNICODE_CONTROL)
      g_error ("a control character U+%04X in the message “%s”", g_utf8_get_char (p), message);
}

/* No control character but tabs and newlines, valid UTF-8. */
static void
assert_terminal_safe (const char *text)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_CONTROL && c != '\n' && c != '\t')
        g_error ("a control character U+%04X in the output “%s”", c, text);
    }
}

/* The model */

typedef struct
{
  char         *dir;
  RapportStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = rapport_test_store_new (&f->dir, NULL);
  rapport_store_set_now (f->store, NOW);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  rapport_test_tmpdir_free (g_steal_pointer (&f->dir));
}

static void
assert_sound (RapportStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;

  if (!rapport_store_check (store, &report, &error))
    g_error ("the check failed: %s %s", error ? error->message : "", report ? report : "");
}

/* @stored is NULL for a refusal (@error set) or the record's text. */
static void
assert_outcome (const char   *what,
                const char   *input,
                gboolean      ok,
                const char   *stored,
                const GError *error)
{
  g_autofree char *shown = rapport_text_quote (input);

  g_test_message ("%s “%s”: %s", what, shown, error ? error->message : "stored");
  if (ok)
    {
      g_assert_no_error ((GError *) error);
      g_assert_cmpstr (stored, ==, input);
    }
  else
    {
      if (error == NULL)
        g_error ("%s “%s” was stored, not refused", what, shown);
      g_assert_error ((GError *) error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
      assert_one_clean_line (error->message);
    }
}

static void
test_model_text (Fixture       *f,
                 gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      const Hostile *h = &corpus[i];
      RapportContactFields contact_fields = { .name = h->text, .lifecycle = RAPPORT_LIFECYCLE_CONTACT };
      RapportContactFields owned_fields = { .name = "Owned", .owner = h->text,
                                            .lifecycle = RAPPORT_LIFECYCLE_CONTACT };
      RapportDealFields deal_fields = { .title = h->text, .value = 100 };
      RapportDealFields lost_fields = { .title = "To lose", .value = 100 };
      g_autoptr(RapportContact) contact = NULL;
      g_autoptr(RapportContact) owned = NULL;
      g_autoptr(RapportOrganization) org = NULL;
      g_autoptr(RapportDeal) deal = NULL;
      g_autoptr(RapportDeal) lost = NULL;
      g_autoptr(RapportNote) note = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GValue) value = G_VALUE_INIT;

      contact = rapport_store_add_contact (f->store, &contact_fields, &error);
      assert_outcome ("contact name", h->text, h->line_ok,
                      contact ? rapport_contact_get_name (contact) : NULL, error);
      g_clear_error (&error);
      assert_sound (f->store);

      owned = rapport_store_add_contact (f->store, &owned_fields, &error);
      assert_outcome ("contact owner", h->text, h->line_ok,
                      owned ? rapport_contact_get_owner (owned) : NULL, error);
      g_clear_error (&error);
      assert_sound (f->store);

      org = rapport_store_add_organization (f->store, h->text, &error);
      assert_outcome ("organization name", h->text, h->line_ok,
                      org ? rapport_organization_get_name (org) : NULL, error);
      g_clear_error (&error);
      assert_sound (f->store);

      deal = rapport_store_add_deal (f->store, &deal_fields, &error);
      assert_outcome ("deal title", h->text, h->line_ok, deal ? rapport_deal_get_title (deal) : NULL, error);
      g_clear_error (&error);
      assert_sound (f->store);

      /* An owner set later has the same limits as one given first. */
      lost = rapport_store_add_deal (f->store, &lost_fields, &error);
      g_assert_no_error (error);
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, h->text);
      rapport_store_update (f->store, RAPPORT_RECORD (lost), "owner", &value, &error);
      assert_outcome ("deal owner", h->text, h->line_ok,
                      error ? NULL : rapport_deal_get_owner (lost), error);
      g_clear_error (&error);
      assert_sound (f->store);

      rapport_store_set_deal_status (f->store, lost, RAPPORT_DEAL_STATUS_LOST, h->text, &error);
      assert_outcome ("lost reason", h->text, h->note_ok,
                      error ? NULL : rapport_deal_get_lost_reason (lost), error);
      g_clear_error (&error);
      assert_sound (f->store);

      note = rapport_store_add_note (f->store, 0, rapport_record_get_id (RAPPORT_RECORD (lost)), 0,
                                     h->text, &error);
      assert_outcome ("note", h->text, h->note_ok, note ? rapport_note_get_body (note) : NULL, error);
      g_clear_error (&error);
      assert_sound (f->store);
    }
}

static void
test_model_invalid_utf8 (Fixture       *f,
                         gconstpointer  data)
{
  const char *bad = "Ada\xff\xfe Lovelace";
  RapportContactFields fields = { .name = bad, .lifecycle = RAPPORT_LIFECYCLE_CONTACT };
  g_autoptr(GError) error = NULL;

  g_assert_null (rapport_store_add_contact (f->store, &fields, &error));
  assert_outcome ("invalid UTF-8 name", "(invalid)", FALSE, NULL, error);
  g_clear_error (&error);

  g_assert_null (rapport_store_add_note (f->store, 0, 0, 0, bad, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Quoted in a message, it is shown, not passed on. */
  {
    g_autofree char *quoted = rapport_text_quote ("Ada\xff\n\x1b[2J");

    g_assert_cmpstr (quoted, ==, "Ada\xef\xbf\xbd\\n\\x1b[2J");
  }
  assert_sound (f->store);
}

static void
test_model_money (void)
{
  static const struct {
    const char *text;
    gint64      minor;  /* -1: refused */
  } cases[] = {
    { "12,50", -1 },
    { "1,234.50", 123450 },
    { "1.234,50", -1 },
    { "1,23,4", -1 },
    { "1234,567", -1 },
    { "12,345,678.90", 1234567890 },
    { ",5", -1 },
    { "1,,234", -1 },
    { "-0", -1 },
    { "+1", -1 },
    { "01", -1 },
    { "0,123", -1 },
    { "0", 0 },
    { "0.50", 50 },
    { "5.", -1 },
    { "1e3", -1 },
    { "1_000", -1 },
    { "99999999999999999999", -1 },
    { "92233720368547", 9223372036854700 },
    { "9223372036854775807", -1 },
    { "\xef\xbc\x91", -1 },                   /* fullwidth 1 */
    { "1\n2", -1 },
    { "1\x1b[2J", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = -1;
      gboolean ok = rapport_money_parse (cases[i].text, "EUR", &minor, &error);

      g_test_message ("amount “%s”: %s", cases[i].text, error ? error->message : "read");
      if (cases[i].minor >= 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (minor, ==, cases[i].minor);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
          assert_one_clean_line (error->message);
        }
    }
}

static void
test_model_ids_and_dates (void)
{
  const char *bad_ids[] = { "+1", "01", " 1", "1 ", "1e3", "0", "-1", "", "0x1", "\xef\xbc\x91",
                            "9223372036854775808", NULL };
  const char *bad_dates[] = { "2026- 1- 1", "2026-13-01", "2026-02-29", "+026-01-01", "20260101",
                              "2026-1-01", "2026-01-1 ", NULL };
  const char *bad_times[] = { "2026- 1- 1", "2026-13-01", "20260101T000000Z", "2026-W01-1",
                              "2026-01-01 00:00:00", "2026-01-01T0:00:00Z", "2026-01-01T09:30Z", "yesterday",
                              "2026-01-01T00:00:00Z\n", NULL };
  gint64 id = 0, when = -1;

  for (guint i = 0; bad_ids[i] != NULL; i++)
    g_assert_false (rapport_id_parse (bad_ids[i], &id));
  g_assert_true (rapport_id_parse ("12", &id));
  g_assert_cmpint (id, ==, 12);
  g_assert_true (rapport_id_parse ("9223372036854775807", &id));
  g_assert_cmpint (id, ==, G_MAXINT64);

  for (guint i = 0; bad_dates[i] != NULL; i++)
    g_assert_false (rapport_date_is_valid (bad_dates[i]));
  g_assert_true (rapport_date_is_valid ("2028-02-29"));

  for (guint i = 0; bad_times[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (rapport_time_parse_iso8601 (bad_times[i], &when, &error));
      g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
      assert_one_clean_line (error->message);
    }

  g_assert_true (rapport_time_parse_iso8601 ("1970-01-01T00:00:00Z", &when, NULL));
  g_assert_cmpint (when, ==, 0);
  g_assert_true (rapport_time_parse_iso8601 ("2026-01-01T09:30:00+02:00", &when, NULL));
  g_assert_cmpint (when, ==, 1767252600);
}

static void
test_model_times (Fixture       *f,
                  gconstpointer  data)
{
  RapportContactFields epoch = { .name = "Epoch Lead", .lifecycle = RAPPORT_LIFECYCLE_LEAD,
                                 .created_at = 0, .has_created_at = TRUE };
  RapportContactFields future = { .name = "Future Lead", .lifecycle = RAPPORT_LIFECYCLE_LEAD,
                                  .created_at = NOW + 1 };
  RapportDealFields future_deal = { .title = "Future deal", .value = 1, .created_at = NOW + 3600 };
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(RapportContact) early = NULL;
  g_autoptr(RapportActivity) call = NULL;
  g_autoptr(GError) error = NULL;
  RapportSpeedToLead stats;

  contact = rapport_store_add_contact (f->store, &epoch, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_contact_get_created_at (contact), ==, 0);

  g_assert_null (rapport_store_add_contact (f->store, &future, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  assert_one_clean_line (error->message);
  g_clear_error (&error);
  g_assert_null (rapport_store_add_deal (f->store, &future_deal, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);

  /* A lead that arrived at NOW, and a clock then set back an hour: the call
   * comes "before" the arrival. It is not a first contact within the hour. */
  {
    RapportContactFields now_lead = { .name = "Now Lead", .lifecycle = RAPPORT_LIFECYCLE_LEAD };

    early = rapport_store_add_contact (f->store, &now_lead, &error);
    g_assert_no_error (error);
  }
  rapport_store_set_now (f->store, NOW - 3600);
  call = rapport_store_log_activity (f->store, rapport_record_get_id (RAPPORT_RECORD (early)), 0,
                                     RAPPORT_ACTIVITY_CALL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_contact_get_first_contacted_at (early), ==, 0);

  rapport_store_set_now (f->store, NOW + 60);
  g_assert_true (rapport_store_get_speed_to_lead (f->store, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_leads, ==, 2);
  g_assert_cmpuint (stats.n_within, ==, 0);
  assert_sound (f->store);
}

/* The CLI */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static Run *
cli (const char *db,
     ...) G_GNUC_NULL_TERMINATED;

static Run *
cli (const char *db,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *path = g_getenv ("RAPPORT_CLI");
  Run *run = g_new0 (Run, 1);
  int wait_status;
  va_list args;

  if (path == NULL)
    g_error ("RAPPORT_CLI is not set: run the tests with meson test");

  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "RAPPORT_NOW", NOW_TEXT, TRUE);

  g_ptr_array_add (argv, (char *) path);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  va_start (args, db);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);

  return run;
}

static void
cli_check (const char *db)
{
  g_autoptr(Run) run = cli (db, "check", NULL);

  if (run->status != 0)
    g_error ("rapport-cli check failed: %s", run->err);
}

/* Exit 1, nothing on stdout, exactly one clean line on stderr. */
static void
assert_refused (Run *run)
{
  const char *newline = strchr (run->err, '\n');

  g_test_message ("refused: %s", run->err);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
  {
    g_autofree char *line = g_strndup (run->err, newline - run->err);

    assert_one_clean_line (line);
  }
}

/* Exit 0 and the JSON object on stdout (transfer full). */
static JsonObject *
stored_object (Run *run)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (run->status != 0)
    g_error ("rapport-cli exited %d: %s", run->status, run->err);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_true (g_utf8_validate (run->out, -1, NULL));
  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonArray *
stored_array (Run *run)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_utf8_validate (run->out, -1, NULL));
  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));

  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

/* Refused, or stored as @expected in @member of the --json answer. */
static void
assert_cli_outcome (Run        *run,
                    gboolean    ok,
                    const char *member,
                    const char *expected)
{
  if (ok)
    {
      g_autoptr(JsonObject) object = stored_object (run);

      g_assert_cmpstr (json_object_get_string_member (object, member), ==, expected);
    }
  else
    assert_refused (run);
}

static char *
db_new (char **dir)
{
  char *path;

  *dir = rapport_test_tmpdir_new ();
  path = g_build_filename (*dir, "rapport.db", NULL);
  {
    g_autoptr(Run) run = cli (path, "init", NULL);

    g_assert_cmpint (run->status, ==, 0);
  }

  return path;
}

static char *
add_deal (const char *db,
          const char *title)
{
  g_autoptr(Run) run = cli (db, "deal", "add", title, "--value", "1", "--json", NULL);
  g_autoptr(JsonObject) deal = stored_object (run);

  return g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (deal, "id"));
}

static void
test_cli_text (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = db_new (&dir);
  g_autofree char *holder = add_deal (db, "Holder");

  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      const Hostile *h = &corpus[i];
      g_autofree char *lost = add_deal (db, "To lose");

      {
        g_autoptr(Run) run = cli (db, "contact", "add", h->text, "--json", NULL);

        assert_cli_outcome (run, h->line_ok, "name", h->text);
        cli_check (db);
      }
      {
        g_autoptr(Run) run = cli (db, "org", "add", h->text, "--json", NULL);

        assert_cli_outcome (run, h->line_ok, "name", h->text);
        cli_check (db);
      }
      {
        g_autoptr(Run) run = cli (db, "deal", "add", h->text, "--value", "1", "--json", NULL);

        assert_cli_outcome (run, h->line_ok, "title", h->text);
        cli_check (db);
      }
      {
        g_autoptr(Run) run = cli (db, "deal", "add", "Owned", "--value", "1", "--owner", h->text,
                                  "--json", NULL);

        assert_cli_outcome (run, h->line_ok, "owner", h->text);
        cli_check (db);
      }
      {
        g_autoptr(Run) run = cli (db, "note", "add", "--deal", holder, h->text, "--json", NULL);

        assert_cli_outcome (run, h->note_ok, "body", h->text);
        cli_check (db);
      }
      {
        g_autoptr(Run) run = cli (db, "deal", "lost", lost, "--reason", h->text, NULL);

        if (h->note_ok)
          {
            g_autoptr(Run) show = cli (db, "deal", "show", lost, "--json", NULL);
            g_autoptr(JsonObject) deal = stored_object (show);

            g_assert_cmpint (run->status, ==, 0);
            g_assert_cmpstr (json_object_get_string_member (deal, "lost_reason"), ==, h->text);
          }
        else
          assert_refused (run);
        cli_check (db);
      }
    }

  /* What was stored reads safely as text, too. */
  {
    g_autoptr(Run) list = cli (db, "contact", "list", NULL);
    g_autoptr(Run) show = cli (db, "deal", "show", holder, NULL);

    g_assert_cmpint (list->status, ==, 0);
    assert_terminal_safe (list->out);
    g_assert_cmpint (show->status, ==, 0);
    assert_terminal_safe (show->out);
  }

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Invalid UTF-8 and terminal escapes written straight into the file. */
static void
test_cli_foreign_rows (void)
{
  static const char bytes[] = "Ada\xff\xfe\x1b[2J\x1b]0;pwned\x07\tTab\nLine";
  g_autofree char *dir = NULL;
  g_autofree char *db = db_new (&dir);
  g_autoptr(JsonArray) contacts = NULL;
  g_autoptr(Run) added = cli (db, "contact", "add", "Placeholder", "--json", NULL);
  g_autoptr(JsonObject) contact = stored_object (added);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (contact, "id"));
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *name;

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "UPDATE contact SET name = ?1 WHERE id = ?2", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, bytes, sizeof bytes - 1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, json_object_get_int_member (contact, "id"));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);

  /* JSON: valid, with U+FFFD where the bytes were not UTF-8. */
  {
    g_autoptr(Run) run = cli (db, "contact", "list", "--json", NULL);

    contacts = stored_array (run);
    g_assert_cmpuint (json_array_get_length (contacts), ==, 1);
    name = json_object_get_string_member (json_array_get_object_element (contacts, 0), "name");
    g_assert_cmpstr (name, ==, "Ada\xef\xbf\xbd\xef\xbf\xbd\x1b[2J\x1b]0;pwned\x07\tTab\nLine");
    g_assert_null (strchr (run->out, '\x1b'));
  }
  {
    g_autoptr(Run) run = cli (db, "contact", "show", id, "--json", NULL);
    g_autoptr(JsonObject) shown = stored_object (run);

    g_assert_cmpstr (json_object_get_string_member (shown, "name"), ==, name);
  }

  /* Text: escaped, one row. */
  {
    g_autoptr(Run) run = cli (db, "contact", "list", NULL);

    g_assert_cmpint (run->status, ==, 0);
    assert_terminal_safe (run->out);
    g_assert_nonnull (strstr (run->out, "\\x1b[2J"));
    g_assert_nonnull (strstr (run->out, "\\tTab\\nLine"));
    g_assert_nonnull (strchr (run->out, '\n'));
    g_assert_cmpstr (strchr (run->out, '\n'), ==, "\n");
  }
  {
    g_autoptr(Run) run = cli (db, "contact", "show", id, NULL);

    g_assert_cmpint (run->status, ==, 0);
    assert_terminal_safe (run->out);
  }
  {
    g_autoptr(Run) run = cli (db, "search", "Ada", NULL);

    g_assert_cmpint (run->status, ==, 0);
    assert_terminal_safe (run->out);
  }

  cli_check (db);
  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_cli_numbers (void)
{
  static const struct {
    const char *text;
    gint64      minor;  /* -1: refused */
  } amounts[] = {
    { "12,50", -1 },
    { "1,234.50", 123450 },
    { "1.234,50", -1 },
    { "1,23,4", -1 },
    { "-0", -1 },
    { "+1", -1 },
    { "01", -1 },
    { "1e3", -1 },
    { "99999999999999999999", -1 },
    { "92233720368547", 9223372036854700 },
    { "0", 0 },
    { "1\n2", -1 },
  };
  const char *bad_ids[] = { "+1", "01", " 1", "1 ", "1e3", "0", "1\n2", "\x1b[2J", NULL };
  g_autofree char *dir = NULL;
  g_autofree char *db = db_new (&dir);
  g_autofree char *deal = add_deal (db, "Existing");
  g_autoptr(Run) contact = cli (db, "contact", "add", "Someone", "--json", NULL);
  g_autoptr(JsonObject) someone = stored_object (contact);

  g_assert_cmpstr (deal, ==, "1");
  g_assert_cmpint (json_object_get_int_member (someone, "id"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autoptr(Run) run = cli (db, "deal", "add", "Amount", "--value", amounts[i].text,
                                "--currency", "EUR", "--json", NULL);

      if (amounts[i].minor >= 0)
        {
          g_autoptr(JsonObject) object = stored_object (run);

          g_assert_cmpint (json_object_get_int_member (object, "value"), ==, amounts[i].minor);
        }
      else
        assert_refused (run);
      cli_check (db);
    }

  for (guint i = 0; bad_ids[i] != NULL; i++)
    {
      g_autoptr(Run) show = cli (db, "contact", "show", "--json", "--", bad_ids[i], NULL);
      g_autoptr(Run) won = cli (db, "deal", "won", "--", bad_ids[i], NULL);
      g_autoptr(Run) note = cli (db, "note", "add", "--contact", bad_ids[i], "Hello", NULL);
      g_autoptr(Run) owned = cli (db, "deal", "add", "Owned", "--value", "1", "--contact", bad_ids[i], NULL);

      assert_refused (show);
      assert_refused (won);
      assert_refused (note);
      assert_refused (owned);
      cli_check (db);
    }

  /* Quoted text never breaks a message into two lines. */
  {
    g_autoptr(Run) email = cli (db, "contact", "add", "X", "--email", "a\n@b.c", NULL);
    g_autoptr(Run) stage = cli (db, "deal", "add", "X", "--value", "1", "--stage", "Won\nLost", NULL);
    g_autoptr(Run) currency = cli (db, "deal", "add", "X", "--value", "1", "--currency", "E\nR", NULL);
    g_autoptr(Run) minutes = cli (db, "followup", "snooze", "1", "+30", NULL);

    assert_refused (email);
    assert_refused (stage);
    assert_refused (currency);
    assert_refused (minutes);
  }

  cli_check (db);
  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_cli_dates (void)
{
  static const struct {
    const char *text;
    const char *stored;  /* NULL: refused */
  } closes[] = {
    { "2026- 1- 1", NULL },
    { "2026-13-01", NULL },
    { "2026-02-29", NULL },
    { "+026-01-01", NULL },
    { "2028-02-29", "2028-02-29" },
    { "2026-01-01", "2026-01-01" },
  }, arrivals[] = {
    { "2026- 1- 1", NULL },
    { "2026-13-01", NULL },
    { "20260101T000000Z", NULL },
    { "2026-01-01 00:00:00", NULL },
    { "1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z" },
    { "1970-01-01", "1970-01-01T00:00:00Z" },
    { "2026-06-01T14:00:00+02:00", "2026-06-01T12:00:00Z" },  /* now, not later */
    { "2026-06-01T12:00:01Z", NULL },                           /* a second in the future */
    { "2099-01-01T09:00:00Z", NULL },
  };
  g_autofree char *dir = NULL;
  g_autofree char *db = db_new (&dir);

  for (guint i = 0; i < G_N_ELEMENTS (closes); i++)
    {
      g_autoptr(Run) run = cli (db, "deal", "add", "Closing", "--value", "1", "--close", closes[i].text,
                                "--json", NULL);

      assert_cli_outcome (run, closes[i].stored != NULL, "expected_close", closes[i].stored);
      cli_check (db);
    }

  for (guint i = 0; i < G_N_ELEMENTS (arrivals); i++)
    {
      g_autoptr(Run) run = cli (db, "contact", "add", "Arrival", "--lead", "--created-at", arrivals[i].text,
                                "--json", NULL);

      assert_cli_outcome (run, arrivals[i].stored != NULL, "created_at", arrivals[i].stored);
      cli_check (db);
    }

  /* RAPPORT_NOW itself is read as written. */
  {
    g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "RAPPORT_NOW", "soon", TRUE);
    const char *argv[] = { g_getenv ("RAPPORT_CLI"), "--db", db, "contact", "list", NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_autoptr(GError) error = NULL;
    int wait_status;

    g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, &error);
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (wait_status));
    g_assert_cmpint (WEXITSTATUS (wait_status), ==, 1);
    g_assert_nonnull (strstr (err, "RAPPORT_NOW"));
  }

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hostile/model/text", Fixture, NULL, fixture_set_up, test_model_text, fixture_tear_down);
  g_test_add ("/hostile/model/invalid-utf8", Fixture, NULL, fixture_set_up, test_model_invalid_utf8,
              fixture_tear_down);
  g_test_add_func ("/hostile/model/money", test_model_money);
  g_test_add_func ("/hostile/model/ids-and-dates", test_model_ids_and_dates);
  g_test_add ("/hostile/model/times", Fixture, NULL, fixture_set_up, test_model_times, fixture_tear_down);
  g_test_add_func ("/hostile/cli/text", test_cli_text);
  g_test_add_func ("/hostile/cli/foreign-rows", test_cli_foreign_rows);
  g_test_add_func ("/hostile/cli/numbers", test_cli_numbers);
  g_test_add_func ("/hostile/cli/dates", test_cli_dates);

  return g_test_run ();
}
