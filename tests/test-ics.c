/* test-ics.c — iCalendar in and out: the reader over the corpus in
 * data/ics/, `import ics` and `export followups --format ics` as scripts
 * use them, the exported file read back by libical, and a round trip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clock is pinned to 2026-03-20 12:00 UTC (a Friday) and local time
 * is Sofia's, so floating and all-day times have one answer.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libical/ical.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "rapport-ics-export.h"
#include "rapport-ics-reader.h"
#include "rapport-test-support.h"
#include "rapport-time.h"

#define NOW "2026-03-20T12:00:00Z"
#define LOCAL_ZONE "Europe/Sofia"

static gint64
now_seconds (void)
{
  gint64 now;

  g_assert_true (rapport_time_parse_iso8601 (NOW, &now, NULL));
  return now;
}

/* rapport-cli --db DB ARGS… at the tests' clock and zone (main() sets
 * them in the environment the program inherits). */
static void
run_cli (const char     *db,
         const char    **args,
         RapportTestRun *r)
{
  rapport_test_run_cli (db, args, r);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
corpus (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "ics", name, NULL);
}

/* A store on a new file, with the clock pinned and two contacts whose
 * e-mails the corpus names in another case. */
static RapportStore *
store_with_contacts (char **dir)
{
  RapportStore *store = rapport_test_store_new (dir, NULL);
  RapportContactFields mina = { .name = "Mina Park", .email = "mina.park@example.com",
                                .lifecycle = RAPPORT_LIFECYCLE_CONTACT };
  RapportContactFields ivan = { .name = "Ivan Petrov", .email = "Ivan@Example.bg",
                                .lifecycle = RAPPORT_LIFECYCLE_CONTACT };
  g_autoptr(RapportContact) a = NULL;
  g_autoptr(RapportContact) b = NULL;
  g_autoptr(GError) error = NULL;

  rapport_store_set_now (store, now_seconds ());
  a = rapport_store_add_contact (store, &mina, &error);
  g_assert_no_error (error);
  b = rapport_store_add_contact (store, &ivan, &error);
  g_assert_no_error (error);
  return store;
}

/* The reader over a file of the corpus: its items, no problem. */
static GPtrArray *
read_corpus (const char *name)
{
  g_autofree char *path = corpus (name);
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) problems = rapport_ics_problems_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *items;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_no_error (error);
  items = rapport_ics_read (data, len, now_seconds (), problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("line %u: %s", ((RapportIcsProblem *) problems->pdata[i])->line,
                    ((RapportIcsProblem *) problems->pdata[i])->message);
  g_assert_cmpuint (problems->len, ==, 0);
  return items;
}

static const RapportIcsItem *
item_of (GPtrArray  *items,
         const char *uid)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (((RapportIcsItem *) items->pdata[i])->uid, uid) == 0)
      return items->pdata[i];
  g_error ("no item %s", uid);
  return NULL;
}

static void
assert_due (GPtrArray  *items,
            const char *uid,
            const char *expected)
{
  g_autofree char *due = rapport_time_to_iso8601 (item_of (items, uid)->row.due_at);

  g_assert_cmpstr (due, ==, expected);
}

/* VTIMEZONEs of the file (Sofia in summer and winter, Seoul, New York,
 * a zone only the file names), a TZID without one, UTC and floating. */
static void
test_zones (void)
{
  g_autoptr(GPtrArray) items = read_corpus ("zones.ics");

  g_assert_cmpuint (items->len, ==, 8);
  assert_due (items, "sofia-summer@tests.rapport", "2026-04-15T07:00:00Z");
  assert_due (items, "sofia-winter@tests.rapport", "2026-03-25T08:00:00Z");
  assert_due (items, "seoul@tests.rapport", "2026-04-02T00:30:00Z");
  assert_due (items, "new-york@tests.rapport", "2026-03-05T19:00:00Z");
  assert_due (items, "chicago@tests.rapport", "2026-04-01T13:00:00Z");
  assert_due (items, "custom-zone@tests.rapport", "2026-07-01T06:30:00Z");
  assert_due (items, "utc@tests.rapport", "2026-05-01T15:00:00Z");
  assert_due (items, "floating@tests.rapport", "2026-06-01T07:00:00Z");

  g_assert_cmpint (item_of (items, "seoul@tests.rapport")->row.kind, ==, RAPPORT_ACTIVITY_MEETING);
  g_assert_cmpint (item_of (items, "utc@tests.rapport")->row.kind, ==, RAPPORT_ACTIVITY_TASK);
  /* Escapes undone, lines kept. */
  g_assert_cmpstr (item_of (items, "sofia-winter@tests.rapport")->row.note, ==,
                   "Prices for, among others, the spring order.\nTwo lines.");
}

/* A weekly series with an excluded time, an ended one, alarms, an
 * all-day item, done ones, an attendee and an organizer. */
static void
test_features (void)
{
  g_autoptr(GPtrArray) items = read_corpus ("features.ics");
  const RapportIcsItem *weekly = item_of (items, "weekly@tests.rapport");
  const RapportIcsItem *todo = item_of (items, "alarm-todo@tests.rapport");

  g_assert_cmpuint (items->len, ==, 6);
  /* Monday 23 March is excluded: Monday 30, 9:00 in Sofia's summer time. */
  g_assert_true (weekly->recurring);
  assert_due (items, "weekly@tests.rapport", "2026-03-30T06:00:00Z");
  g_assert_cmpstr (weekly->row.emails[0], ==, "Mina.Park@Example.COM");
  g_assert_cmpstr (weekly->row.emails[1], ==, "nobody@example.org");
  g_assert_null (weekly->row.emails[2]);
  /* The series ended in January: its last time. */
  g_assert_true (item_of (items, "ended@tests.rapport")->recurring);
  assert_due (items, "ended@tests.rapport", "2026-01-03T10:00:00Z");

  g_assert_false (todo->recurring);
  g_assert_cmpstr (todo->row.emails[0], ==, "ivan@example.bg");
  assert_due (items, "all-day@tests.rapport", "2026-06-10T06:00:00Z");

  g_assert_cmpint (item_of (items, "done@tests.rapport")->row.done_at, ==,
                   item_of (items, "done@tests.rapport")->row.due_at + 86400 + 3600 + 15 * 60);
  g_assert_cmpint (item_of (items, "status-done@tests.rapport")->row.done_at, !=, 0);
  g_assert_cmpint (item_of (items, "weekly@tests.rapport")->row.done_at, ==, 0);
  /* Neither the moved time of the series nor the cancelled event. */
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (((RapportIcsItem *) items->pdata[i])->uid, !=, "cancelled@tests.rapport");
}

static const struct
{
  const char *file;
  guint       line;
  const char *words;   /* in the message */
} malformed[] = {
  { "malformed-colon.ics", 12, "“:”" },
  { "malformed-no-time.ics", 9, "due time" },
  { "malformed-date.ics", 13, "DTSTART" },
  { "malformed-zone.ics", 6, "Mars/Olympus_Mons" },
  { "malformed-nesting.ics", 8, "line 4" },
  { "malformed-value.ics", 6, "DTSTART" },
};

/* Each refused with its line; nothing stored, the JSON says why. */
static void
test_malformed (void)
{
  g_autofree char *dir = rapport_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (dir, "rapport.db", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = corpus (malformed[i].file);
      const char *args[] = { "import", "ics", path, "--json", NULL };
      const char *list[] = { "followup", "list", "--json", NULL };
      g_auto(RapportTestRun) r = { 0, };
      g_auto(RapportTestRun) l = { 0, };
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(JsonNode) followups = NULL;
      JsonObject *report;
      JsonObject *first;

      run_cli (db, args, &r);
      g_test_message ("%s", malformed[i].file);
      g_assert_cmpint (r.status, ==, 1);
      root = parse_json (r.out);
      report = json_node_get_object (root);
      g_assert_cmpint (json_object_get_int_member (report, "created"), ==, 0);
      first = json_array_get_object_element (json_object_get_array_member (report, "bad"), 0);
      g_assert_cmpint (json_object_get_int_member (first, "line"), ==, malformed[i].line);
      g_assert_nonnull (strstr (json_object_get_string_member (first, "message"), malformed[i].words));

      run_cli (db, list, &l);
      g_assert_cmpint (l.status, ==, 0);
      followups = parse_json (l.out);
      g_assert_cmpuint (json_array_get_length (json_node_get_array (followups)), ==, 0);
    }
  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Garbage of every kind the first pass stops at, and nothing crashes. */
static void
test_refusals (void)
{
  static const struct { const char *text; guint line; } cases[] = {
    { "", 1 },
    { "BEGIN:VEVENT\nEND:VEVENT\n", 1 },
    { " folded first\n", 1 },
    { "BEGIN:VCALENDAR\nBEGIN:VTODO\nDUE:20260401T100000Z\n", 2 },
    { "BEGIN:VCALENDAR\nEND:VCALENDAR\nBEGIN:VCALENDAR\nEND:VCALENDAR\n", 3 },
    { "BEGIN:VCALENDAR\nSUMMARY:\xff\xfe\nEND:VCALENDAR\n", 2 },
    { "BEGIN:VCALENDAR\nX\0Y:1\nEND:VCALENDAR\n", 2 },
    /* Found by the fuzzer: libical does not fold a line into a blank one. */
    { "\n\tBEGIN:VCALENDAR\nBEGIN:VTODO\nEND:VTODO\nEND:VCALENDAR\n", 2 },
    { "BEGIN:VCALENDAR\nBEGIN:VTODO\nDUE:19700101T000001Z\nRRULE:FREQ=SECONDLY\nEND:VTODO\nEND:VCALENDAR\n", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) problems = rapport_ics_problems_new ();
      /* The NUL of case 6 is inside it. */
      G_STATIC_ASSERT (G_N_ELEMENTS (cases) == 9);
      gsize len = i == 6 ? 36 : strlen (cases[i].text);
      g_autoptr(GPtrArray) items = rapport_ics_read (cases[i].text, len, now_seconds (), problems);

      g_test_message ("case %u", i);
      g_assert_cmpuint (problems->len, >=, 1);
      g_assert_cmpuint (((RapportIcsProblem *) problems->pdata[0])->line, ==, cases[i].line);
    }
}

static JsonArray *
followups_of (const char *db,
              JsonNode  **root)
{
  const char *list[] = { "followup", "list", "--json", NULL };
  g_auto(RapportTestRun) r = { 0, };

  run_cli (db, list, &r);
  g_assert_cmpint (r.status, ==, 0);
  *root = parse_json (r.out);
  return json_node_get_array (*root);
}

static int
count_done (const char *db)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT count(*) FROM activity WHERE done_at IS NOT NULL",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return n;
}

static JsonObject *
import_json (const char *db,
             const char *path,
             const char *extra)
{
  const char *args[] = { "import", "ics", path, "--json", extra, NULL };
  g_auto(RapportTestRun) r = { 0, };
  g_autoptr(JsonNode) root = NULL;

  run_cli (db, args, &r);
  g_assert_cmpint (r.status, ==, 0);
  root = parse_json (r.out);
  return json_object_ref (json_node_get_object (root));
}

/* The command line: a dry run stores nothing, an import links the
 * contacts and says which items repeat, the same file again changes
 * nothing, a changed item is updated. */
static void
test_cli_import (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = store_with_contacts (&dir);
  g_autofree char *db = g_strdup (rapport_store_get_path (store));
  g_autofree char *features = corpus ("features.ics");
  g_autofree char *changed = g_build_filename (dir, "changed.ics", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) dry = NULL;
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(JsonObject) update = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *list, *recurring;
  guint linked = 0;

  g_clear_object (&store);
  dry = import_json (db, features, "--dry-run");
  g_assert_cmpint (json_object_get_int_member (dry, "created"), ==, 6);
  list = followups_of (db, &root);
  g_assert_cmpuint (json_array_get_length (list), ==, 0);
  g_clear_pointer (&root, json_node_unref);

  first = import_json (db, features, NULL);
  g_assert_cmpint (json_object_get_int_member (first, "items"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (first, "created"), ==, 6);
  recurring = json_object_get_array_member (first, "recurring");
  g_assert_cmpuint (json_array_get_length (recurring), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (recurring, 0), "due_at"),
                   ==, "2026-03-30T06:00:00Z");

  /* Four open: the weekly review with Mina, the renewal with Ivan. */
  list = followups_of (db, &root);
  g_assert_cmpuint (json_array_get_length (list), ==, 4);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *followup = json_array_get_object_element (list, i);
      const char *title = json_object_get_string_member (followup, "title");

      if (json_object_get_null_member (followup, "contact_id"))
        continue;
      linked++;
      g_assert_true (g_str_equal (title, "Weekly pipeline review") || g_str_equal (title, "Renewal call for Ivan"));
      g_assert_cmpint (json_object_get_int_member (followup, "contact_id"), ==,
                       g_str_equal (title, "Weekly pipeline review") ? 1 : 2);
    }
  g_assert_cmpuint (linked, ==, 2);
  g_clear_pointer (&root, json_node_unref);

  again = import_json (db, features, NULL);
  g_assert_cmpint (json_object_get_int_member (again, "created"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (again, "skipped"), ==, 6);

  g_assert_true (g_file_get_contents (features, &text, NULL, &error));
  {
    g_autoptr(GString) edit = g_string_new (text);

    g_string_replace (edit, "Trade fair (all day)", "Trade fair, moved", 1);
    rapport_test_write_file (changed, edit->str, -1);
  }
  update = import_json (db, changed, NULL);
  g_assert_cmpint (json_object_get_int_member (update, "created"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (update, "updated"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (update, "skipped"), ==, 5);

  /* The completed ones are done (tasks: not in the done follow-ups'
   * list, which shows follow-ups proper). */
  g_assert_cmpint (count_done (db), ==, 2);
  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Open follow-ups of every kind, for a contact, a deal, both or none. */
static void
fill_followups (RapportStore *store)
{
  static const char * const no_emails[] = { NULL };
  static const char * const mina[] = { "mina.park@example.com", NULL };
  static const char * const ivan[] = { "ivan@example.bg", NULL };
  RapportImportFollowup rows[] = {
    { 1, NULL, RAPPORT_ACTIVITY_MEETING, "Demo, with a comma; and a semicolon", "Bring the deck.\nAnd coffee.",
      1774000000, 0, mina },
    { 2, NULL, RAPPORT_ACTIVITY_TASK, "A very long title that goes on and on so that its SUMMARY line is folded by libical",
      NULL, 1774100000, 0, no_emails },
    { 3, NULL, RAPPORT_ACTIVITY_CALL, "Call Ivan", NULL, 1774200000, 0, ivan },
    { 4, NULL, RAPPORT_ACTIVITY_EMAIL, "Write to Mina (ünïcödé: 서울, София)",
      "Ответ на писмото от София, с всички цени и условия, които обсъдихме в понеделник сутринта. 서울에서 만나요.", 1774300000, 0, mina },
    { 5, NULL, RAPPORT_ACTIVITY_TASK, "Done already", NULL, 1774300000, 1774300001, no_emails },
  };
  g_autoptr(RapportStage) stage = rapport_test_stage_at (store, 0);
  RapportDealFields deal_fields = { .title = "Balkan Foods renewal", .value = 100000,
                                    .stage_id = rapport_record_get_id (RAPPORT_RECORD (stage)) };
  g_autoptr(RapportDeal) deal = NULL;
  g_autoptr(RapportActivity) followup = NULL;
  g_autoptr(GError) error = NULL;
  RapportImportCounts counts;

  g_assert_true (rapport_store_import_followups (store, RAPPORT_IMPORT_DEFAULT, rows, G_N_ELEMENTS (rows),
                                                 &counts, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&counts.undo, rapport_import_undo_free);
  deal = rapport_store_add_deal (store, &deal_fields, &error);
  g_assert_no_error (error);
  followup = rapport_store_add_followup (store, 2, rapport_record_get_id (RAPPORT_RECORD (deal)),
                                         "Send the renewal", 1774400000, &error);
  g_assert_no_error (error);
}

static gboolean
has (icalcomponent   *component,
     icalproperty_kind kind)
{
  return icalcomponent_get_first_property (component, kind) != NULL;
}

/* RFC 5545 as calendars read it: CRLF lines of at most 75 octets. */
static void
assert_lines (const char *text)
{
  const char *p = text;

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  while (*p != '\0')
    {
      const char *crlf = strstr (p, "\r\n");

      g_assert_nonnull (crlf);
      g_assert_null (memchr (p, '\n', crlf - p));
      g_assert_cmpint (crlf - p, <=, 75);
      /* Folding never cuts a character in two. */
      g_assert_true (g_utf8_validate (p, crlf - p, NULL));
      p = crlf + 2;
    }
}

/* Parsed back by libical: one component per open follow-up, each with
 * what RFC 5545 and the calendars need. */
static void
test_export_valid (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = store_with_contacts (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  icalcomponent *calendar, *component;
  guint events = 0, todos = 0;

  fill_followups (store);
  text = rapport_ics_export_followups (store, &error);
  g_assert_no_error (error);
  assert_lines (text);
  g_assert_nonnull (strstr (text, "\r\n "));  /* the long title was folded */

  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  g_assert_cmpstr (icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY) ?
                   icalproperty_get_version (icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY)) : NULL,
                   ==, "2.0");
  g_assert_true (has (calendar, ICAL_PRODID_PROPERTY));
  for (component = icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT); component != NULL;
       component = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
    {
      gboolean event = icalcomponent_isa (component) == ICAL_VEVENT_COMPONENT;
      icalcomponent *alarm = icalcomponent_get_first_component (component, ICAL_VALARM_COMPONENT);

      events += event;
      todos += !event;
      g_assert_true (g_str_has_prefix (icalcomponent_get_uid (component), "activity-"));
      g_assert_true (has (component, ICAL_DTSTAMP_PROPERTY));
      g_assert_true (has (component, ICAL_DTSTART_PROPERTY));
      g_assert_true (icaltime_is_utc (icalcomponent_get_dtstart (component)));
      g_assert_true (has (component, ICAL_SUMMARY_PROPERTY));
      g_assert_true (has (component, event ? ICAL_DURATION_PROPERTY : ICAL_DUE_PROPERTY));
      if (event)
        g_assert_cmpint (icaldurationtype_as_int (icalcomponent_get_duration (component)), ==, 30 * 60);
      g_assert_nonnull (alarm);
      g_assert_true (has (alarm, ICAL_ACTION_PROPERTY));
      g_assert_true (has (alarm, ICAL_TRIGGER_PROPERTY));
      g_assert_true (has (alarm, ICAL_DESCRIPTION_PROPERTY));
      if (g_str_equal (icalcomponent_get_summary (component), "Send the renewal"))
        {
          g_assert_nonnull (strstr (icalcomponent_get_description (component), "Balkan Foods renewal"));
          g_assert_nonnull (strstr (icalcomponent_get_description (component), "Ivan Petrov"));
        }
    }
  /* The meeting; the task, the call, the e-mail and the follow-up (the
   * done one is not exported). */
  g_assert_cmpuint (events, ==, 1);
  g_assert_cmpuint (todos, ==, 4);
  icalcomponent_free (calendar);

  /* The UIDs stay: a calendar updates its items. */
  again = rapport_ics_export_followups (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, text);
  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* What follow-ups look like to compare two databases: title, due, kind,
 * contact's name, sorted. */
static char *
summary_of (RapportStore *store)
{
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  followups = rapport_store_list_followups (store, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < followups->len; i++)
    {
      RapportActivity *activity = followups->pdata[i];
      gint64 contact_id = rapport_activity_get_contact_id (activity);
      g_autoptr(RapportContact) contact = contact_id ? rapport_store_get_contact (store, contact_id, NULL) : NULL;
      g_autofree char *due = rapport_time_to_iso8601 (rapport_activity_get_due_at (activity));

      g_ptr_array_add (lines, g_strdup_printf ("%s|%s|%d|%s|%s", rapport_activity_get_title (activity), due,
                                               rapport_activity_get_kind (activity),
                                               contact ? rapport_contact_get_name (contact) : "-",
                                               rapport_activity_get_note (activity) ?
                                               rapport_activity_get_note (activity) : "-"));
    }
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* export → import into a fresh database with the same contacts: the same
 * follow-ups; and into the same database: nothing new. Each import of
 * the fresh one undone: as it was. */
static void
test_round_trip (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *fresh_dir = NULL;
  g_autoptr(RapportStore) store = store_with_contacts (&dir);
  g_autoptr(RapportStore) fresh = store_with_contacts (&fresh_dir);
  g_autoptr(GPtrArray) problems = rapport_ics_problems_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (RapportImportFollowup));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *copied = NULL;
  g_autoptr(RapportImportUndo) first_undo = NULL;
  RapportImportCounts counts;

  fill_followups (store);
  text = rapport_ics_export_followups (store, &error);
  g_assert_no_error (error);
  items = rapport_ics_read (text, strlen (text), now_seconds (), problems);
  g_assert_cmpuint (problems->len, ==, 0);
  for (guint i = 0; i < items->len; i++)
    g_array_append_val (rows, ((RapportIcsItem *) items->pdata[i])->row);

  g_assert_true (rapport_store_import_followups (fresh, RAPPORT_IMPORT_DEFAULT, (RapportImportFollowup *) (void *) rows->data,
                                                 rows->len, &counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.created, ==, 5);
  before = summary_of (store);
  copied = summary_of (fresh);
  first_undo = g_steal_pointer (&counts.undo);
  g_test_message ("%s", before);
  /* The deal stays behind (only its title is in the description). */
  g_assert_cmpstr (copied, ==, before);

  /* Into the database that made it: its own UIDs, nothing new. */
  g_assert_true (rapport_store_import_followups (store, RAPPORT_IMPORT_DEFAULT, (RapportImportFollowup *) (void *) rows->data,
                                                 rows->len, &counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.created, ==, 0);
  g_assert_cmpuint (counts.skipped, ==, 5);
  after = summary_of (store);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&counts.undo, rapport_import_undo_free);

  /* A changed calendar imported again updates them; its undo puts them
   * back, and the first import's undo takes them away. */
  g_free (after);
  after = NULL;
  for (guint i = 0; i < rows->len; i++)
    g_array_index (rows, RapportImportFollowup, i).note = "Moved in the other calendar.";
  g_assert_true (rapport_store_import_followups (fresh, RAPPORT_IMPORT_DEFAULT, (RapportImportFollowup *) (void *) rows->data,
                                                 rows->len, &counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.updated, ==, 5);
  after = summary_of (fresh);
  g_assert_cmpstr (after, !=, copied);
  g_assert_nonnull (counts.undo);
  g_assert_true (rapport_store_undo_import (fresh, counts.undo, &error));
  g_assert_no_error (error);
  g_clear_pointer (&counts.undo, rapport_import_undo_free);
  g_free (after);
  after = summary_of (fresh);
  g_assert_cmpstr (after, ==, copied);
  g_assert_true (rapport_store_undo_import (fresh, first_undo, &error));
  g_assert_no_error (error);
  g_free (after);
  after = summary_of (fresh);
  g_assert_cmpstr (after, ==, "");
  rapport_test_tmpdir_free (g_steal_pointer (&dir));
  rapport_test_tmpdir_free (g_steal_pointer (&fresh_dir));
}

/* A row the store refuses stops the whole import at its line. */
static void
test_store_refusal (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = store_with_contacts (&dir);
  static const char * const no_emails[] = { NULL };
  RapportImportFollowup rows[] = {
    { 3, "good@x", RAPPORT_ACTIVITY_TASK, "Fine", NULL, 1774000000, 0, no_emails },
    { 9, "bad@x", RAPPORT_ACTIVITY_TASK, "No time", NULL, 0, 0, no_emails },
  };
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GError) error = NULL;
  RapportImportCounts counts;
  guint bad_line = 0;

  g_assert_false (rapport_store_import_followups (store, RAPPORT_IMPORT_DEFAULT, rows, G_N_ELEMENTS (rows),
                                                  &counts, &bad_line, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_assert_cmpuint (bad_line, ==, 9);
  left = rapport_store_list_followups (store, FALSE, NULL);
  g_assert_cmpuint (left->len, ==, 0);
  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* --output: 0600, an existing file refused (and left as it was) without
 * --force; stdout without it. */
static void
test_cli_export (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = store_with_contacts (&dir);
  g_autofree char *db = g_strdup (rapport_store_get_path (store));
  g_autofree char *out = g_build_filename (dir, "followups.ics", NULL);
  const char *to_file[] = { "export", "followups", "--format", "ics", "--output", out, NULL };
  const char *forced[] = { "export", "followups", "--format", "ics", "--output", out, "--force", NULL };
  const char *to_stdout[] = { "export", "followups", "--format", "ics", NULL };
  const char *wrong[] = { "export", "followups", "--format", "csv", NULL };
  g_auto(RapportTestRun) a = { 0, };
  g_auto(RapportTestRun) b = { 0, };
  g_auto(RapportTestRun) c = { 0, };
  g_auto(RapportTestRun) d = { 0, };
  g_auto(RapportTestRun) e = { 0, };
  g_autofree char *written = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *sum_after = NULL;
  struct stat st;

  fill_followups (store);
  g_clear_object (&store);

  run_cli (db, to_file, &a);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  assert_lines (written);

  sum = rapport_test_file_checksum (out);
  run_cli (db, to_file, &b);
  g_assert_cmpint (b.status, ==, 1);
  g_assert_nonnull (strstr (b.err, "--force"));
  sum_after = rapport_test_file_checksum (out);
  g_assert_cmpstr (sum, ==, sum_after);

  run_cli (db, forced, &c);
  g_assert_cmpint (c.status, ==, 0);

  run_cli (db, to_stdout, &d);
  g_assert_cmpint (d.status, ==, 0);
  g_assert_cmpstr (d.out, ==, written);

  run_cli (db, wrong, &e);
  g_assert_cmpint (e.status, ==, 2);
  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything reads the local zone: floating times are Sofia's;
   * rapport-cli inherits the zone and the clock. */
  g_setenv ("TZ", LOCAL_ZONE, TRUE);
  g_setenv ("RAPPORT_NOW", NOW, TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ics/reader/zones", test_zones);
  g_test_add_func ("/ics/reader/features", test_features);
  g_test_add_func ("/ics/reader/refusals", test_refusals);
  g_test_add_func ("/ics/store/refusal", test_store_refusal);
  g_test_add_func ("/ics/cli/malformed", test_malformed);
  g_test_add_func ("/ics/cli/import", test_cli_import);
  g_test_add_func ("/ics/export/valid", test_export_valid);
  g_test_add_func ("/ics/export/round-trip", test_round_trip);
  g_test_add_func ("/ics/cli/export", test_cli_export);

  return g_test_run ();
}
