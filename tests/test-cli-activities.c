/* test-cli-activities.c — activity log with its outcome, duration, time
 * and next step (--next-in), and what the JSON and the export say of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "rapport-test-support.h"

#define NOW "2026-03-10T12:00:00Z"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

/* Contact 1 "Ada Stone" with deal 1 "Stone pilot". */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = rapport_test_tmpdir_new ();
  f->db = g_build_filename (f->dir, "rapport.db", NULL);
  g_free (rapport_test_cli_ok (f->db, "contact", "add", "Ada Stone", NULL));
  g_free (rapport_test_cli_ok (f->db, "deal", "add", "Stone pilot", "--value", "10", "--contact", "1", NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rapport_test_tmpdir_free (f->dir);
  g_free (f->db);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* rapport-cli ARGS… (NULL-terminated): its exit status, its standard
 * error in *@err (optional). */
static int
run (Fixture  *f,
     char    **err,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(RapportTestRun) result = { 0 };
  const char *arg;
  va_list ap;

  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  rapport_test_run_cli (f->db, (const char **) args->pdata, &result);
  if (err != NULL)
    *err = g_steal_pointer (&result.err);
  return result.status;
}

static void
test_log_with_next_step (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *out = rapport_test_cli_ok (f->db, "activity", "log", "1", "call", "--deal", "1",
                                              "--outcome", "connected", "--duration", "25",
                                              "--note", "Agreed on a pilot", "--next-in", "3d", "--json", NULL);
  g_autoptr(JsonNode) root = parse (out);
  JsonObject *call = json_node_get_object (root);
  JsonObject *next = json_object_get_object_member (call, "next");
  g_autofree char *list = NULL;
  g_autoptr(JsonNode) followups = NULL;
  JsonObject *followup;

  g_assert_cmpstr (json_object_get_string_member (call, "kind"), ==, "call");
  g_assert_cmpstr (json_object_get_string_member (call, "outcome"), ==, "connected");
  g_assert_cmpint (json_object_get_int_member (call, "duration_minutes"), ==, 25);
  g_assert_cmpstr (json_object_get_string_member (call, "done_at"), ==, NOW);

  /* The next step: a call (the kind logged), three days on, on the deal. */
  g_assert_nonnull (next);
  g_assert_cmpstr (json_object_get_string_member (next, "kind"), ==, "followup");
  g_assert_cmpstr (json_object_get_string_member (next, "followup_kind"), ==, "call");
  g_assert_cmpstr (json_object_get_string_member (next, "due_at"), ==, "2026-03-13T12:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (next, "title"), ==, "Call Ada Stone");
  g_assert_cmpint (json_object_get_int_member (next, "deal_id"), ==, 1);

  list = rapport_test_cli_ok (f->db, "followup", "list", "--json", NULL);
  followups = parse (list);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (followups)), ==, 1);
  followup = json_array_get_object_element (json_node_get_array (followups), 0);
  g_assert_cmpint (json_object_get_int_member (followup, "id"), ==, json_object_get_int_member (next, "id"));

  /* A next step of another kind, with a title, an hour on; a meeting in the past. */
  g_free (out);
  out = rapport_test_cli_ok (f->db, "activity", "log", "1", "meeting", "--outcome", "no-show",
                             "--at", "2026-03-09T15:00:00Z", "--next-in", "1h", "--next-kind", "email",
                             "--next-title", "Ask for a new date", NULL);
  g_assert_nonnull (strstr (out, "Ask for a new date"));
  g_assert_nonnull (strstr (out, "2026-03-10T13:00:00Z"));
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  static const char * const cases[][8] = {
    /* An outcome that does not fit the kind. */
    { "email", "--outcome", "connected", NULL },
    { "call", "--outcome", "held", NULL },
    { "meeting", "--outcome", "wrong-number", NULL },
    { "call", "--outcome", "maybe", NULL },
    /* A duration of no minutes, or over a day. */
    { "call", "--duration", "0", NULL },
    { "call", "--duration", "1441", NULL },
    { "call", "--duration", "+5", NULL },
    /* A span not like 1h, 1d, 3d, 1w, or over a year. */
    { "call", "--next-in", "3", NULL },
    { "call", "--next-in", "2y", NULL },
    { "call", "--next-in", "53w", NULL },
    { "call", "--next-in", "-1d", NULL },
    /* A next step without a time, or of no kind. */
    { "call", "--next-kind", "email", NULL },
    { "call", "--next-in", "1d", "--next-kind", "fax", NULL },
    /* Done in the future. */
    { "call", "--at", "2026-03-11T12:00:00Z", NULL },
  };
  g_autofree char *shown = NULL;
  g_autoptr(JsonNode) deal = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char * const *c = cases[i];
      g_autofree char *err = NULL;
      int status = run (f, &err, "activity", "log", "1", c[0], c[1], c[2], c[3], c[4], c[5], NULL);

      g_test_message ("case %u: %s %s %s", i, c[0], c[1], c[2]);
      g_assert_cmpint (status, !=, 0);
      g_assert_cmpstr (err, !=, "");
    }

  /* Nothing was written, neither an activity nor a next step. */
  shown = rapport_test_cli_ok (f->db, "deal", "show", "1", "--json", NULL);
  deal = parse (shown);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (deal),
                                                                           "activities")), ==, 0);
  g_free (shown);
  shown = rapport_test_cli_ok (f->db, "followup", "list", "--json", NULL);
  g_assert_cmpstr (g_strstrip (shown), ==, "[]");
}

/* A call logged on the contact alone shows on their open deal; show and
 * the export say how it went. */
static void
test_contact_activity_on_deal (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *shown = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(JsonNode) deal = NULL;
  JsonArray *activities;
  JsonObject *call;

  g_free (rapport_test_cli_ok (f->db, "activity", "log", "1", "call", "--outcome", "left-voicemail",
                               "--duration", "2", NULL));
  shown = rapport_test_cli_ok (f->db, "deal", "show", "1", "--json", NULL);
  deal = parse (shown);
  activities = json_object_get_array_member (json_node_get_object (deal), "activities");
  g_assert_cmpuint (json_array_get_length (activities), ==, 1);
  call = json_array_get_object_element (activities, 0);
  g_assert_cmpstr (json_object_get_string_member (call, "outcome"), ==, "left-voicemail");
  g_assert_cmpint (json_object_get_int_member (call, "duration_minutes"), ==, 2);

  exported = rapport_test_cli_ok (f->db, "export", "all", "--format", "json", NULL);
  g_assert_nonnull (strstr (exported, "\"left-voicemail\""));
  g_assert_nonnull (strstr (exported, "\"duration_minutes\""));
}

/* followup done on a new lead's follow-up is their first contact, logged
 * as a call as the app's Mark Contacted does. */
static void
test_lead_followup_done (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *added = rapport_test_cli_ok (f->db, "contact", "add", "Lee Lead", "--lead", "--json", NULL);
  g_autoptr(JsonNode) lead = parse (added);
  g_autofree char *lead_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              json_object_get_int_member (json_node_get_object (lead), "id"));
  g_autofree char *list = rapport_test_cli_ok (f->db, "followup", "list", "--json", NULL);
  g_autoptr(JsonNode) followups = parse (list);
  JsonObject *followup = json_array_get_object_element (json_node_get_array (followups), 0);
  g_autofree char *followup_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (followup, "id"));
  g_autofree char *shown = NULL;
  g_autoptr(JsonNode) contact = NULL;
  JsonObject *object;
  JsonArray *activities;
  guint calls = 0;

  g_assert_cmpstr (json_object_get_string_member (followup, "rule"), ==, "speed-to-lead");
  g_assert_cmpstr (json_object_get_string_member (followup, "followup_kind"), ==, "call");
  g_free (rapport_test_cli_ok (f->db, "followup", "done", followup_id, NULL));

  shown = rapport_test_cli_ok (f->db, "contact", "show", lead_id, "--json", NULL);
  contact = parse (shown);
  object = json_node_get_object (contact);
  g_assert_cmpstr (json_object_get_string_member (object, "first_contacted_at"), ==, NOW);
  g_assert_cmpstr (json_object_get_string_member (object, "last_contacted_at"), ==, NOW);
  activities = json_object_get_array_member (object, "activities");
  for (guint i = 0; i < json_array_get_length (activities); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (activities, i), "kind"),
                   "call") == 0)
      calls++;
  g_assert_cmpuint (calls, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("RAPPORT_NOW", NOW, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/activity/log-with-next-step", Fixture, NULL,
              fixture_set_up, test_log_with_next_step, fixture_tear_down);
  g_test_add ("/cli/activity/refusals", Fixture, NULL,
              fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add ("/cli/activity/contact-activity-on-deal", Fixture, NULL,
              fixture_set_up, test_contact_activity_on_deal, fixture_tear_down);
  g_test_add ("/cli/activity/lead-followup-done", Fixture, NULL,
              fixture_set_up, test_lead_followup_done, fixture_tear_down);

  return g_test_run ();
}
