/* test-reminders.c — which reminder fires when, on a pinned clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scheduler runs offline here: it decides and emits ::fired, but shows
 * nothing and touches no bus. The store's clock is pinned, and the
 * scheduler reads time from the store, so each test says what "now" is.
 * Notifications themselves are tested on a bus by tests/gui/reminders-*.sh.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "rapport-autostart.h"
#include "rapport-reminders.h"
#include "rapport-reminders-private.h"
#include "rapport-test-support.h"

/* 2026-11-20T10:00:00Z */
#define T0 ((gint64) 1795168800)
#define MINUTE ((gint64) 60)
#define SECOND_US ((gint64) G_USEC_PER_SEC)

typedef struct
{
  RapportActivity *activity;     /* NULL for a summary */
  int              level;
  guint            n;
  char            *summary;
  char            *body;
} Fired;

static void
fired_free (gpointer data)
{
  Fired *fired = data;

  g_clear_object (&fired->activity);
  g_free (fired->summary);
  g_free (fired->body);
  g_free (fired);
}

static void
on_fired (RapportReminders *reminders,
          RapportActivity  *activity,
          int               level,
          guint             n,
          const char       *summary,
          const char       *body,
          GPtrArray        *log)
{
  Fired *fired = g_new0 (Fired, 1);

  fired->activity = activity ? g_object_ref (activity) : NULL;
  fired->level = level;
  fired->n = n;
  fired->summary = g_strdup (summary);
  fired->body = g_strdup (body);
  g_ptr_array_add (log, fired);
}

typedef struct
{
  char             *dir;
  char             *path;
  RapportStore     *store;
  RapportReminders *reminders;
  GPtrArray        *fired;
} Fixture;

static void
fixture_start (Fixture *f)
{
  g_clear_object (&f->reminders);
  f->reminders = rapport_reminders_new (f->store, RAPPORT_REMINDERS_OFFLINE);
  g_signal_connect (f->reminders, "fired", G_CALLBACK (on_fired), f->fired);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = rapport_test_store_new (&f->dir, NULL);
  f->path = g_strdup (rapport_store_get_path (f->store));
  f->fired = g_ptr_array_new_with_free_func (fired_free);
  rapport_store_set_now (f->store, T0);
  fixture_start (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->reminders);
  g_clear_object (&f->store);
  g_clear_pointer (&f->fired, g_ptr_array_unref);
  g_clear_pointer (&f->path, g_free);
  rapport_test_tmpdir_free (g_steal_pointer (&f->dir));
}

/* A new process on the same file: a new store and a new scheduler. */
static void
fixture_restart (Fixture *f,
                 gint64   now)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->reminders);
  g_clear_object (&f->store);
  f->store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);
  rapport_store_set_now (f->store, now);
  fixture_start (f);
}

static void
check_at (Fixture *f,
          gint64   now)
{
  rapport_store_set_now (f->store, now);
  rapport_reminders_check (f->reminders);
}

static RapportContact *
add_lead (RapportStore *store,
          const char   *name,
          gint64        created_at)
{
  g_autoptr(GError) error = NULL;
  RapportContactFields fields = {
    .name = name,
    .lifecycle = RAPPORT_LIFECYCLE_LEAD,
    .created_at = created_at,
  };
  RapportContact *contact = rapport_store_add_contact (store, &fields, &error);

  g_assert_no_error (error);
  return contact;
}

static RapportActivity *
followup_of (RapportStore   *store,
             RapportContact *contact)
{
  g_autoptr(GPtrArray) all = rapport_store_list_followups (store, FALSE, NULL);
  gint64 contact_id = rapport_record_get_id (RAPPORT_RECORD (contact));

  for (guint i = 0; i < all->len; i++)
    if (rapport_activity_get_contact_id (all->pdata[i]) == contact_id)
      return g_object_ref (all->pdata[i]);

  return NULL;
}

static RapportActivity *
add_followup (RapportStore *store,
              gint64        contact_id,
              gint64        deal_id,
              const char   *title,
              gint64        due_at)
{
  g_autoptr(GError) error = NULL;
  RapportActivity *activity = rapport_store_add_followup (store, contact_id, deal_id, title, due_at, &error);

  g_assert_no_error (error);
  return activity;
}

/* Until the thread storing a summary's follow-ups as reminded is done. */
static void
wait_marked (Fixture *f)
{
  while (rapport_reminders_get_n_marking (f->reminders) > 0)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static Fired *
fired_at (Fixture *f,
          guint    i)
{
  g_assert_cmpuint (i, <, f->fired->len);
  return f->fired->pdata[i];
}

/* The decision alone */

static void
test_next_for_speed_to_lead (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportContact) lead = NULL;
  g_autoptr(RapportActivity) followup = NULL;
  gint64 due, at;

  rapport_store_set_now (store, T0);
  lead = add_lead (store, "Ada Byron", T0);
  followup = followup_of (store, lead);
  g_assert_nonnull (followup);
  due = rapport_activity_get_due_at (followup);
  g_assert_cmpint (due, ==, T0 + 60 * MINUTE);

  /* Fresh: the early one, 15 minutes before the hour is up. */
  g_assert_cmpint (rapport_reminders_next_for (followup, 15, T0, &at), ==, RAPPORT_REMINDER_EARLY);
  g_assert_cmpint (at, ==, due - 15 * MINUTE);

  /* Started late, inside the window: still the early one, due now. */
  g_assert_cmpint (rapport_reminders_next_for (followup, 15, due - 5 * MINUTE, &at), ==, RAPPORT_REMINDER_EARLY);
  g_assert_cmpint (at, ==, due - 15 * MINUTE);

  /* Started after the hour: straight to the overdue one. */
  g_assert_cmpint (rapport_reminders_next_for (followup, 15, due + MINUTE, &at), ==, RAPPORT_REMINDER_DUE);
  g_assert_cmpint (at, ==, due);

  /* No lead time: only the one at the due time. */
  g_assert_cmpint (rapport_reminders_next_for (followup, 0, T0, &at), ==, RAPPORT_REMINDER_DUE);
  g_assert_cmpint (at, ==, due);

  /* A lead time longer than the rule: the early one is due at once. */
  g_assert_cmpint (rapport_reminders_next_for (followup, 90, T0, &at), ==, RAPPORT_REMINDER_EARLY);
  g_assert_cmpint (at, ==, due - 90 * MINUTE);

  /* After the early one, the due one; after that, none. */
  g_assert_true (rapport_store_set_reminded (store, followup, RAPPORT_REMINDER_EARLY, NULL));
  g_assert_cmpint (rapport_reminders_next_for (followup, 15, T0, &at), ==, RAPPORT_REMINDER_DUE);
  g_assert_cmpint (at, ==, due);
  g_assert_true (rapport_store_set_reminded (store, followup, RAPPORT_REMINDER_DUE, NULL));
  g_assert_cmpint (rapport_reminders_next_for (followup, 15, T0, &at), ==, RAPPORT_REMINDER_NONE);

  /* Snoozed before the hour is up: reminded at the snooze's end, and
   * still at the hour, which a snooze does not move. */
  g_assert_true (rapport_store_snooze_activity (store, followup, T0 + 10 * MINUTE, NULL));
  g_assert_cmpint (rapport_activity_get_reminded_level (followup), ==, 0);
  g_assert_cmpint (rapport_reminders_next_for (followup, 15, T0, &at), ==, RAPPORT_REMINDER_EARLY);
  g_assert_cmpint (at, ==, T0 + 10 * MINUTE);
  g_assert_true (rapport_store_set_reminded (store, followup, RAPPORT_REMINDER_EARLY, NULL));
  g_assert_cmpint (rapport_reminders_next_for (followup, 15, T0, &at), ==, RAPPORT_REMINDER_DUE);
  g_assert_cmpint (at, ==, due);

  /* Snoozed past the hour: one reminder, at the snooze's end. */
  g_assert_true (rapport_store_snooze_activity (store, followup, due + 10 * MINUTE, NULL));
  g_assert_cmpint (rapport_reminders_next_for (followup, 15, due + MINUTE, &at), ==, RAPPORT_REMINDER_DUE);
  g_assert_cmpint (at, ==, due + 10 * MINUTE);

  /* Done: nothing. */
  g_assert_true (rapport_store_complete_activity (store, followup, NULL));
  g_assert_cmpint (rapport_reminders_next_for (followup, 15, T0, &at), ==, RAPPORT_REMINDER_NONE);
}

static void
test_next_for_other (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(RapportActivity) followup = NULL;
  gint64 at;

  rapport_store_set_now (store, T0);
  {
    g_autoptr(RapportContact) contact = NULL;
    RapportContactFields fields = { .name = "Grace Hopper", .lifecycle = RAPPORT_LIFECYCLE_CUSTOMER };

    contact = rapport_store_add_contact (store, &fields, NULL);
    followup = add_followup (store, rapport_record_get_id (RAPPORT_RECORD (contact)), 0,
                             "Send the proposal", T0 + 30 * MINUTE);
  }

  /* No early reminder, whatever the lead time. */
  g_assert_cmpint (rapport_reminders_next_for (followup, 15, T0, &at), ==, RAPPORT_REMINDER_DUE);
  g_assert_cmpint (at, ==, T0 + 30 * MINUTE);

  g_assert_true (rapport_store_snooze_activity (store, followup, T0 + 45 * MINUTE, NULL));
  g_assert_cmpint (rapport_reminders_next_for (followup, 15, T0, &at), ==, RAPPORT_REMINDER_DUE);
  g_assert_cmpint (at, ==, T0 + 45 * MINUTE);
}

/* The scheduler */

static void
test_early_then_due (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RapportContact) lead = add_lead (f->store, "Ada Byron", T0 - 50 * MINUTE);
  g_autoptr(RapportActivity) followup = followup_of (f->store, lead);
  gint64 due = T0 + 10 * MINUTE;
  Fired *fired;

  g_assert_cmpint (rapport_activity_get_due_at (followup), ==, due);

  /* 50 minutes in, with 15 minutes' lead time: the early one, now. */
  check_at (f, T0);
  g_assert_cmpuint (f->fired->len, ==, 1);
  fired = fired_at (f, 0);
  g_assert_true (fired->activity == followup);
  g_assert_cmpint (fired->level, ==, RAPPORT_REMINDER_EARLY);
  g_assert_nonnull (strstr (fired->summary, "Ada Byron"));
  g_assert_nonnull (strstr (fired->body, "10 minutes"));
  g_assert_cmpint (rapport_activity_get_reminded_level (followup), ==, RAPPORT_REMINDER_EARLY);
  g_assert_true (rapport_reminders_get_has_pending (f->reminders));

  /* One timer, for the due time. */
  g_assert_cmpint (rapport_reminders_get_next_wakeup (f->reminders), ==, due);

  /* Nothing early: one second before, nothing fires. */
  check_at (f, due - 1);
  g_assert_cmpuint (f->fired->len, ==, 1);
  g_assert_cmpint (rapport_reminders_get_next_wakeup (f->reminders), ==, due);

  check_at (f, due);
  g_assert_cmpuint (f->fired->len, ==, 2);
  fired = fired_at (f, 1);
  g_assert_true (fired->activity == followup);
  g_assert_cmpint (fired->level, ==, RAPPORT_REMINDER_DUE);
  g_assert_nonnull (strstr (fired->summary, "Ada Byron"));
  g_assert_nonnull (strstr (fired->body, "due now"));
  g_assert_cmpint (rapport_reminders_get_next_wakeup (f->reminders), ==, 0);

  /* And never again. */
  check_at (f, due + 60 * MINUTE);
  g_assert_cmpuint (f->fired->len, ==, 2);
}

static void
test_overdue_at_start (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RapportContact) lead = add_lead (f->store, "Ada Byron", T0 - 61 * MINUTE);
  Fired *fired;

  /* Past the hour: no early reminder, only the overdue one. */
  check_at (f, T0);
  g_assert_cmpuint (f->fired->len, ==, 1);
  fired = fired_at (f, 0);
  g_assert_cmpint (fired->level, ==, RAPPORT_REMINDER_DUE);
  g_assert_nonnull (strstr (fired->body, "1 minute late"));
}

static void
test_lead_time_setting (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RapportContact) lead = add_lead (f->store, "Ada Byron", T0);
  gint64 due = T0 + 60 * MINUTE;

  check_at (f, T0);
  g_assert_cmpuint (f->fired->len, ==, 0);
  g_assert_cmpint (rapport_reminders_get_next_wakeup (f->reminders), ==, due - 15 * MINUTE);

  rapport_reminders_set_lead_time (f->reminders, 30);
  rapport_reminders_check (f->reminders);
  g_assert_cmpint (rapport_reminders_get_next_wakeup (f->reminders), ==, due - 30 * MINUTE);

  rapport_reminders_set_lead_time (f->reminders, 0);
  rapport_reminders_check (f->reminders);
  g_assert_cmpint (rapport_reminders_get_next_wakeup (f->reminders), ==, due);
}

static void
test_restart_does_not_repeat (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(RapportContact) early = add_lead (f->store, "Ada Byron", T0 - 50 * MINUTE);
  g_autoptr(RapportContact) late = add_lead (f->store, "Alan Turing", T0 - 61 * MINUTE);

  check_at (f, T0);
  g_assert_cmpuint (f->fired->len, ==, 2);

  g_clear_object (&early);
  g_clear_object (&late);
  fixture_restart (f, T0 + 1);
  rapport_reminders_check (f->reminders);
  g_assert_cmpuint (f->fired->len, ==, 2);

  /* What was left, the due reminder of the early one, still comes. */
  check_at (f, T0 + 10 * MINUTE);
  g_assert_cmpuint (f->fired->len, ==, 3);
  g_assert_cmpint (fired_at (f, 2)->level, ==, RAPPORT_REMINDER_DUE);
  g_assert_nonnull (strstr (fired_at (f, 2)->summary, "Ada Byron"));
}

static void
test_snooze_moves_it (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContact) lead = add_lead (f->store, "Alan Turing", T0 - 61 * MINUTE);
  g_autoptr(RapportActivity) followup = followup_of (f->store, lead);
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (followup));

  check_at (f, T0);
  g_assert_cmpuint (f->fired->len, ==, 1);

  /* "Snooze 10 min" on the notification. */
  g_assert_true (rapport_reminders_activate (f->reminders, id, "snooze", &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_activity_get_snoozed_until (followup), ==, T0 + 10 * MINUTE);

  rapport_reminders_check (f->reminders);
  g_assert_cmpuint (f->fired->len, ==, 1);
  g_assert_cmpint (rapport_reminders_get_next_wakeup (f->reminders), ==, T0 + 10 * MINUTE);

  check_at (f, T0 + 10 * MINUTE - 1);
  g_assert_cmpuint (f->fired->len, ==, 1);

  check_at (f, T0 + 10 * MINUTE);
  g_assert_cmpuint (f->fired->len, ==, 2);
  g_assert_cmpint (fired_at (f, 1)->level, ==, RAPPORT_REMINDER_DUE);
  g_assert_nonnull (strstr (fired_at (f, 1)->body, "11 minutes late"));

  /* A snooze by another program (rapport-cli) on the same file. */
  {
    g_autoptr(RapportStore) other = rapport_store_new (f->path, &error);
    g_autoptr(RapportActivity) same = NULL;

    g_assert_no_error (error);
    same = rapport_store_get_activity (other, id, &error);
    g_assert_no_error (error);
    g_assert_true (rapport_store_snooze_activity (other, same, T0 + 30 * MINUTE, &error));
    g_assert_no_error (error);
  }
  rapport_reminders_check (f->reminders);
  g_assert_cmpuint (f->fired->len, ==, 2);
  g_assert_cmpint (rapport_reminders_get_next_wakeup (f->reminders), ==, T0 + 30 * MINUTE);
}

static void
test_many_overdue_make_a_summary (Fixture       *f,
                                  gconstpointer  data)
{
  static const char *names[] = { "Ada Byron", "Alan Turing", "Grace Hopper", "Edsger Dijkstra" };
  g_autoptr(GPtrArray) all = NULL;
  Fired *fired;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (add_lead (f->store, names[i], T0 - (70 + i) * MINUTE));

  check_at (f, T0);
  g_assert_cmpuint (f->fired->len, ==, 1);
  fired = fired_at (f, 0);
  g_assert_null (fired->activity);
  g_assert_cmpuint (fired->n, ==, 4);
  g_assert_cmpstr (fired->summary, ==, "4 leads waiting over an hour");
  g_assert_nonnull (strstr (fired->body, "and 1 more"));

  /* A thread stores them as reminded; until then a pass skips them. */
  rapport_reminders_check (f->reminders);
  g_assert_cmpuint (f->fired->len, ==, 1);
  wait_marked (f);

  /* All of them count as reminded, now and after a restart. */
  all = rapport_store_list_followups (f->store, FALSE, NULL);
  g_assert_cmpuint (all->len, ==, 4);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (rapport_activity_get_reminded_level (all->pdata[i]), ==, RAPPORT_REMINDER_DUE);

  g_clear_pointer (&all, g_ptr_array_unref);
  fixture_restart (f, T0 + 5);
  rapport_reminders_check (f->reminders);
  g_assert_cmpuint (f->fired->len, ==, 1);
}

static void
test_many_early_make_a_summary (Fixture       *f,
                                gconstpointer  data)
{
  static const char *names[] = { "Ada Byron", "Alan Turing", "Grace Hopper", "Edsger Dijkstra" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (add_lead (f->store, names[i], T0 - (50 - i) * MINUTE));

  check_at (f, T0);
  g_assert_cmpuint (f->fired->len, ==, 1);
  g_assert_null (fired_at (f, 0)->activity);
  g_assert_cmpint (fired_at (f, 0)->level, ==, RAPPORT_REMINDER_EARLY);
  g_assert_cmpstr (fired_at (f, 0)->summary, ==, "4 new leads to contact soon");

  /* Once stored, the timer aims at the first one's due time… */
  wait_marked (f);
  g_assert_cmpint (rapport_reminders_get_next_wakeup (f->reminders), ==, T0 + 10 * MINUTE);

  /* …where it comes on its own, overdue. */
  check_at (f, T0 + 10 * MINUTE);
  g_assert_cmpuint (f->fired->len, ==, 2);
  g_assert_cmpint (fired_at (f, 1)->level, ==, RAPPORT_REMINDER_DUE);
  g_assert_nonnull (strstr (fired_at (f, 1)->summary, "Ada Byron"));
  g_assert_cmpint (rapport_reminders_get_next_wakeup (f->reminders), ==, T0 + 11 * MINUTE);
}

static void
test_few_overdue_come_one_by_one (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(RapportContact) customer = NULL;
  RapportContactFields fields = { .name = "Grace Hopper", .lifecycle = RAPPORT_LIFECYCLE_CUSTOMER };
  gint64 contact_id;

  customer = rapport_store_add_contact (f->store, &fields, NULL);
  contact_id = rapport_record_get_id (RAPPORT_RECORD (customer));
  for (int i = 0; i < RAPPORT_REMINDERS_MAX_SEPARATE; i++)
    g_object_unref (add_followup (f->store, contact_id, 0, "Call back", T0 - (i + 1) * MINUTE));

  check_at (f, T0);
  g_assert_cmpuint (f->fired->len, ==, RAPPORT_REMINDERS_MAX_SEPARATE);
  for (guint i = 0; i < f->fired->len; i++)
    {
      g_assert_nonnull (fired_at (f, i)->activity);
      g_assert_cmpstr (fired_at (f, i)->summary, ==, "Grace Hopper");
    }

  /* Four more of another kind: "follow-ups", not "leads". */
  for (int i = 0; i < 4; i++)
    g_object_unref (add_followup (f->store, contact_id, 0, "Write", T0 + MINUTE));
  check_at (f, T0 + 2 * MINUTE);
  g_assert_cmpuint (f->fired->len, ==, RAPPORT_REMINDERS_MAX_SEPARATE + 1);
  g_assert_cmpstr (fired_at (f, RAPPORT_REMINDERS_MAX_SEPARATE)->summary, ==, "4 follow-ups overdue");
  wait_marked (f);
  check_at (f, T0 + 3 * MINUTE);
  g_assert_cmpuint (f->fired->len, ==, RAPPORT_REMINDERS_MAX_SEPARATE + 1);
}

static void
on_open_requested (RapportReminders *reminders,
                   RapportRecord    *record,
                   RapportRecord   **out)
{
  g_clear_object (out);
  *out = record ? g_object_ref (record) : NULL;
}

static void
on_contacted (RapportReminders  *reminders,
              RapportActivity   *followup,
              RapportActivity   *logged,
              RapportActivity  **out)
{
  g_clear_object (out);
  *out = g_object_ref (logged);
}

static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RapportActivity) logged = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContact) lead = add_lead (f->store, "Alan Turing", T0 - 61 * MINUTE);
  g_autoptr(RapportActivity) followup = followup_of (f->store, lead);
  g_autoptr(RapportRecord) opened = NULL;
  g_autoptr(RapportActivity) of_deal = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  RapportDealFields fields = { .title = "Enigma", .value = 100, .currency = "EUR" };
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (followup));

  g_signal_connect (f->reminders, "open-requested", G_CALLBACK (on_open_requested), &opened);
  g_signal_connect (f->reminders, "contacted", G_CALLBACK (on_contacted), &logged);

  /* "Open": the lead. */
  g_assert_true (rapport_reminders_activate (f->reminders, id, "open", &error));
  g_assert_no_error (error);
  g_assert_true (opened == RAPPORT_RECORD (lead));

  /* Of a deal's follow-up: the deal. */
  deal = rapport_store_add_deal (f->store, &fields, &error);
  g_assert_no_error (error);
  of_deal = add_followup (f->store, rapport_record_get_id (RAPPORT_RECORD (lead)),
                          rapport_record_get_id (RAPPORT_RECORD (deal)), "Proposal", T0);
  g_assert_true (rapport_reminders_activate (f->reminders, rapport_record_get_id (RAPPORT_RECORD (of_deal)),
                                             "default", &error));
  g_assert_true (opened == RAPPORT_RECORD (deal));

  /* The summary: the window, on nothing in particular. */
  g_assert_true (rapport_reminders_activate (f->reminders, 0, "default", &error));
  g_assert_null (opened);

  /* "Mark contacted": done, and the lead's first contact recorded. */
  g_assert_cmpint (rapport_contact_get_first_contacted_at (lead), ==, 0);
  g_assert_true (rapport_reminders_activate (f->reminders, id, "contacted", &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_activity_get_done_at (followup), ==, T0);
  g_assert_cmpint (rapport_contact_get_first_contacted_at (lead), ==, T0);
  /* … logged as a call, so the last contact agrees; the window is told,
   * to offer its undo. */
  g_assert_nonnull (logged);
  g_assert_cmpint (rapport_activity_get_kind (logged), ==, RAPPORT_ACTIVITY_CALL);
  g_assert_cmpint (rapport_activity_get_contact_id (logged), ==, rapport_record_get_id (RAPPORT_RECORD (lead)));
  g_assert_cmpint (rapport_contact_get_last_contacted_at (lead), ==, T0);

  /* "Done" on the other. */
  g_assert_true (rapport_reminders_activate (f->reminders, rapport_record_get_id (RAPPORT_RECORD (of_deal)),
                                             "done", &error));
  g_assert_cmpint (rapport_activity_get_done_at (of_deal), ==, T0);

  g_assert_false (rapport_reminders_activate (f->reminders, id, "dance", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (rapport_reminders_activate (f->reminders, 4242, "done", &error));
  g_assert_nonnull (error);

  rapport_reminders_check (f->reminders);
  g_assert_false (rapport_reminders_get_has_pending (f->reminders));
  g_assert_cmpint (rapport_reminders_get_next_wakeup (f->reminders), ==, 0);
}

static void
test_changes_rearm (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RapportContact) lead = NULL;

  check_at (f, T0);
  g_assert_cmpint (rapport_reminders_get_next_wakeup (f->reminders), ==, 0);
  g_assert_false (rapport_reminders_get_has_pending (f->reminders));

  /* A new lead: the store says so, and one pass follows from an idle. */
  lead = add_lead (f->store, "Ada Byron", T0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (rapport_reminders_get_next_wakeup (f->reminders), ==, T0 + 45 * MINUTE);
  g_assert_true (rapport_reminders_get_has_pending (f->reminders));
  g_assert_cmpuint (f->fired->len, ==, 0);
}

static void
test_clock_jump (Fixture       *f,
                 gconstpointer  data)
{
  gint64 real = T0 * SECOND_US, mono = 1000 * SECOND_US;

  g_assert_false (rapport_reminders_clock_jumped (f->reminders, real, mono));
  /* A minute on both clocks, give or take a second: no jump. */
  real += 61 * SECOND_US;
  mono += 60 * SECOND_US;
  g_assert_false (rapport_reminders_clock_jumped (f->reminders, real, mono));
  /* A suspend of an hour: the monotonic clock stood still. */
  real += 3600 * SECOND_US;
  mono += 1 * SECOND_US;
  g_assert_true (rapport_reminders_clock_jumped (f->reminders, real, mono));
  /* Someone set the clock back ten minutes. */
  real -= 600 * SECOND_US;
  mono += 60 * SECOND_US;
  g_assert_true (rapport_reminders_clock_jumped (f->reminders, real, mono));
  real += 60 * SECOND_US;
  mono += 60 * SECOND_US;
  g_assert_false (rapport_reminders_clock_jumped (f->reminders, real, mono));
}

/* Goals: told once per period, by the first program that sees it reached. */

typedef struct
{
  guint  n;
  char  *summary;
  char  *body;
} GoalLog;

static void
on_goal_reached (RapportReminders *reminders,
                 RapportGoal      *goal,
                 const char       *summary,
                 const char       *body,
                 GoalLog          *log)
{
  g_assert_true (RAPPORT_IS_GOAL (goal));
  log->n++;
  g_free (log->summary);
  g_free (log->body);
  log->summary = g_strdup (summary);
  log->body = g_strdup (body);
}

static void
win_deal (Fixture *f,
          gint64   value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStage) stage = rapport_test_stage_at (f->store, 0);
  RapportDealFields fields = {
    .title = "Observatory dome",
    .value = value,
    .currency = rapport_store_get_default_currency (f->store),
    .stage_id = rapport_record_get_id (RAPPORT_RECORD (stage)),
  };
  g_autoptr(RapportDeal) deal = rapport_store_add_deal (f->store, &fields, &error);

  g_assert_no_error (error);
  g_assert_true (rapport_store_set_deal_status (f->store, deal, RAPPORT_DEAL_STATUS_WON, NULL, &error));
  g_assert_no_error (error);
}

static void
test_goal_reached_once (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RapportGoalFields fields = { RAPPORT_GOAL_METRIC_WON_VALUE, RAPPORT_PERIOD_MONTH, NULL, 100000 };
  g_autoptr(RapportGoal) goal = rapport_store_add_goal (f->store, &fields, &error);
  GoalLog log = { 0 };
  gulong handler;
  gint64 deadline;

  g_assert_no_error (error);
  handler = g_signal_connect (f->reminders, "goal-reached", G_CALLBACK (on_goal_reached), &log);

  /* $600 of $1,000: not yet. */
  win_deal (f, 60000);
  rapport_reminders_check_goals (f->reminders);
  g_assert_cmpuint (log.n, ==, 0);

  /* $1,100: reached, and told without anyone asking once the change settles. */
  win_deal (f, 50000);
  /* Generous, and longer under the sanitizers: a wait, not a measure. */
  deadline = g_get_monotonic_time () +
             60 * G_USEC_PER_SEC * rapport_test_timeout_multiplier ();
  while (log.n == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (log.n, ==, 1);
  g_assert_cmpstr (log.summary, ==, "This month’s goal for won value is reached");
  g_assert_nonnull (strstr (log.body, "The team: "));
  g_assert_nonnull (strstr (log.body, "1,100"));

  /* Not again: neither here, nor in another program on the file. */
  rapport_reminders_check_goals (f->reminders);
  g_assert_cmpuint (log.n, ==, 1);
  g_signal_handler_disconnect (f->reminders, handler);
  g_clear_object (&goal);
  fixture_restart (f, T0 + 60);
  g_signal_connect (f->reminders, "goal-reached", G_CALLBACK (on_goal_reached), &log);
  rapport_reminders_check_goals (f->reminders);
  g_assert_cmpuint (log.n, ==, 1);

  /* A new month starts from nothing: reached again only with new wins. */
  fixture_restart (f, T0 + 31 * 24 * 60 * MINUTE);
  g_signal_connect (f->reminders, "goal-reached", G_CALLBACK (on_goal_reached), &log);
  rapport_reminders_check_goals (f->reminders);
  g_assert_cmpuint (log.n, ==, 1);
  win_deal (f, 100000);
  rapport_reminders_check_goals (f->reminders);
  g_assert_cmpuint (log.n, ==, 2);

  g_clear_object (&f->reminders);
  g_free (log.summary);
  g_free (log.body);
}

static void
test_autostart (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rapport_test_tmpdir_new ();
  g_autofree char *path = rapport_autostart_get_path (dir);
  g_autofree char *contents = NULL;
  g_autofree char *with_db = NULL;
  g_autofree char *earlier = NULL;
  g_autofree char *dir_autostart = NULL;

  g_assert_true (g_str_has_suffix (path, "/autostart/io.github.rapportcrm.Rapport.desktop"));

  /* The entry written under the application id Rapport had before goes,
   * or it would start a second Rapport at login. */
  earlier = g_build_filename (dir, "autostart", "org.gnome" ".Rapport.desktop", NULL);
  dir_autostart = g_build_filename (dir, "autostart", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir_autostart, 0700), ==, 0);
  g_assert_true (g_file_set_contents (earlier, "[Desktop Entry]\n", -1, NULL));

  g_assert_true (rapport_autostart_sync (dir, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (earlier, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Exec=rapport --background\n"));
  g_assert_nonnull (strstr (contents, "Type=Application\n"));

  /* Another database: the entry opens that one, quoted for the shell. */
  g_assert_true (rapport_autostart_sync (dir, TRUE, "/srv/sales team/rapport.db", &error));
  g_assert_true (g_file_get_contents (path, &with_db, NULL, NULL));
  g_assert_nonnull (strstr (with_db, "Exec=rapport --background --db '/srv/sales team/rapport.db'\n"));

  /* Idempotent both ways. */
  g_assert_true (rapport_autostart_sync (dir, TRUE, NULL, &error));
  g_assert_true (rapport_autostart_sync (dir, TRUE, NULL, &error));
  g_assert_true (rapport_autostart_sync (dir, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (rapport_autostart_sync (dir, FALSE, NULL, &error));
  g_assert_no_error (error);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminders/next-for/speed-to-lead", test_next_for_speed_to_lead);
  g_test_add_func ("/reminders/next-for/other", test_next_for_other);
  g_test_add ("/reminders/early-then-due", Fixture, NULL, fixture_set_up, test_early_then_due, fixture_tear_down);
  g_test_add ("/reminders/overdue-at-start", Fixture, NULL, fixture_set_up, test_overdue_at_start, fixture_tear_down);
  g_test_add ("/reminders/lead-time", Fixture, NULL, fixture_set_up, test_lead_time_setting, fixture_tear_down);
  g_test_add ("/reminders/restart", Fixture, NULL, fixture_set_up, test_restart_does_not_repeat, fixture_tear_down);
  g_test_add ("/reminders/snooze", Fixture, NULL, fixture_set_up, test_snooze_moves_it, fixture_tear_down);
  g_test_add ("/reminders/summary", Fixture, NULL, fixture_set_up, test_many_overdue_make_a_summary, fixture_tear_down);
  g_test_add ("/reminders/summary-early", Fixture, NULL, fixture_set_up, test_many_early_make_a_summary, fixture_tear_down);
  g_test_add ("/reminders/one-by-one", Fixture, NULL, fixture_set_up, test_few_overdue_come_one_by_one, fixture_tear_down);
  g_test_add ("/reminders/actions", Fixture, NULL, fixture_set_up, test_actions, fixture_tear_down);
  g_test_add ("/reminders/changes-rearm", Fixture, NULL, fixture_set_up, test_changes_rearm, fixture_tear_down);
  g_test_add ("/reminders/clock-jump", Fixture, NULL, fixture_set_up, test_clock_jump, fixture_tear_down);
  g_test_add ("/reminders/goal-reached-once", Fixture, NULL, fixture_set_up, test_goal_reached_once, fixture_tear_down);
  g_test_add_func ("/reminders/autostart", test_autostart);

  return g_test_run ();
}
