/* test-model.c — records, money and time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "rapport-enums.h"
#include "rapport-format.h"
#include "rapport-money.h"
#include "rapport-record-private.h"
#include "rapport-store.h"
#include "rapport-time.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              int        *count)
{
  (*count)++;
}

static void
test_record_notify_only_on_change (void)
{
  g_autoptr(RapportDeal) deal = g_object_new (RAPPORT_TYPE_DEAL, "id", (gint64) 7, NULL);
  int title_notifies = 0;

  g_signal_connect (deal, "notify::title", G_CALLBACK (count_notify), &title_notifies);

  g_assert_cmpint (rapport_record_get_id (RAPPORT_RECORD (deal)), ==, 7);
  g_assert_null (rapport_deal_get_title (deal));

  rapport_record_set (RAPPORT_RECORD (deal), "title", "Acme renewal", NULL);
  g_assert_cmpstr (rapport_deal_get_title (deal), ==, "Acme renewal");
  g_assert_cmpint (title_notifies, ==, 1);

  /* The same value again is no change: no notify. */
  rapport_record_set (RAPPORT_RECORD (deal), "title", "Acme renewal", NULL);
  g_assert_cmpint (title_notifies, ==, 1);

  rapport_record_set (RAPPORT_RECORD (deal), "title", "Acme expansion", NULL);
  g_assert_cmpint (title_notifies, ==, 2);
}

static void
test_record_typed_properties (void)
{
  g_autoptr(RapportContact) contact = g_object_new (RAPPORT_TYPE_CONTACT, NULL);
  RapportLifecycle lifecycle;

  /* Only the model sets a record's properties: they are read-only. */
  rapport_record_set (RAPPORT_RECORD (contact),
                      "name", "Hana Sato",
                      "lifecycle", RAPPORT_LIFECYCLE_LEAD,
                      "created-at", (gint64) 1700000000,
                      NULL);

  g_assert_cmpstr (rapport_contact_get_name (contact), ==, "Hana Sato");
  g_assert_cmpint (rapport_contact_get_lifecycle (contact), ==, RAPPORT_LIFECYCLE_LEAD);
  g_assert_cmpint (rapport_contact_get_created_at (contact), ==, 1700000000);
  g_assert_cmpint (rapport_contact_get_first_contacted_at (contact), ==, 0);

  g_object_get (contact, "lifecycle", &lifecycle, NULL);
  g_assert_cmpint (lifecycle, ==, RAPPORT_LIFECYCLE_LEAD);
  g_assert_cmpstr (rapport_record_get_table (RAPPORT_RECORD (contact)), ==, "contact");
}

static void
test_deal_bant_computed (void)
{
  g_autoptr(RapportDeal) deal = g_object_new (RAPPORT_TYPE_DEAL, NULL);
  int qualified_notifies = 0;

  g_signal_connect (deal, "notify::qualified", G_CALLBACK (count_notify), &qualified_notifies);

  rapport_record_set (RAPPORT_RECORD (deal), "bant-budget", RAPPORT_ANSWER_YES, "bant-need", RAPPORT_ANSWER_YES, NULL);
  g_assert_cmpint (rapport_deal_get_bant_score (deal), ==, 2);
  g_assert_false (rapport_deal_get_qualified (deal));
  g_assert_cmpint (qualified_notifies, ==, 0);

  rapport_record_set (RAPPORT_RECORD (deal), "bant-timeline", RAPPORT_ANSWER_YES, NULL);
  g_assert_cmpint (rapport_deal_get_bant_score (deal), ==, 3);
  g_assert_true (rapport_deal_get_qualified (deal));
  g_assert_cmpint (qualified_notifies, ==, 1);

  /* "No" is not "yes": back to 2 of 4. */
  rapport_record_set (RAPPORT_RECORD (deal), "bant-timeline", RAPPORT_ANSWER_NO, NULL);
  g_assert_cmpint (rapport_deal_get_bant_score (deal), ==, 2);
  g_assert_false (rapport_deal_get_qualified (deal));
  g_assert_cmpint (qualified_notifies, ==, 2);

  g_assert_false (rapport_bant_is_qualified (2));
  g_assert_true (rapport_bant_is_qualified (3));
  g_assert_true (rapport_bant_is_qualified (4));
}

/* Views change data only through the store: no entity property can be
 * set from outside the model, only read. */
static void
test_record_properties_read_only (void)
{
  const GType types[] = {
    RAPPORT_TYPE_PIPELINE, RAPPORT_TYPE_STAGE, RAPPORT_TYPE_STAGE_ACTION, RAPPORT_TYPE_ORGANIZATION,
    RAPPORT_TYPE_CONTACT, RAPPORT_TYPE_DEAL, RAPPORT_TYPE_ACTIVITY, RAPPORT_TYPE_NOTE,
    RAPPORT_TYPE_NEGOTIATION_ENTRY, RAPPORT_TYPE_STAGE_CHANGE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
      g_autofree GParamSpec **pspecs = NULL;
      guint n = 0;

      pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n);
      g_assert_cmpuint (n, >, 1);
      for (guint j = 0; j < n; j++)
        {
          g_assert_true (pspecs[j]->flags & G_PARAM_READABLE);
          /* The id is given once, when the store makes the object. */
          if (g_str_equal (pspecs[j]->name, "id"))
            g_assert_true (pspecs[j]->flags & G_PARAM_CONSTRUCT_ONLY);
          else
            g_assert_false (pspecs[j]->flags & G_PARAM_WRITABLE);
        }
    }
}

static void
test_money_parse (void)
{
  struct {
    const char *text;
    const char *currency;
    gint64 expected;
  } good[] = {
    { "1234.50", "EUR", 123450 },
    { "1234.5", "EUR", 123450 },
    { "1234", "USD", 123400 },
    { "1,234.56", "USD", 123456 },
    { "0.01", "EUR", 1 },
    { "0", "EUR", 0 },
    { " 42 ", "EUR", 4200 },
    { "1500", "JPY", 1500 },
    { "1.234", "KWD", 1234 },
    { "92233720368547", "EUR", 9223372036854700 },
  };
  const char *bad[] = { "", "-5", "12.345", "abc", "1.2.3", "1e5", "12 34", "99999999999999999999" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -1;

      g_assert_true (rapport_money_parse (good[i].text, good[i].currency, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, good[i].expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -1;

      g_assert_false (rapport_money_parse (bad[i], "EUR", &value, &error));
      g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
      g_assert_cmpint (value, ==, -1);
    }
}

static void
test_money_format (void)
{
  g_autofree char *plain = rapport_money_to_plain (123450, "EUR");
  g_autofree char *plain_jpy = rapport_money_to_plain (1500, "JPY");
  g_autofree char *human = NULL;

  g_assert_cmpstr (plain, ==, "1234.50");
  g_assert_cmpstr (plain_jpy, ==, "1500");

  /* In the C locale: code-less grouping with a symbol in front. */
  human = rapport_money_format (123456789, "EUR");
  g_assert_true (g_str_has_prefix (human, "€"));
  g_assert_nonnull (strstr (human, "1,234,567.89"));
}

static void
test_time_iso8601 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 t = 0;

  g_assert_true (rapport_time_parse_iso8601 ("2026-11-20T10:00:00Z", &t, &error));
  g_assert_no_error (error);
  g_assert_cmpint (t, ==, 1795168800);

  g_assert_true (rapport_time_parse_iso8601 ("2026-11-20T12:00:00+02:00", &t, &error));
  g_assert_cmpint (t, ==, 1795168800);

  /* A time without a zone is UTC, as the data rules say. */
  g_assert_true (rapport_time_parse_iso8601 ("2026-11-20T10:00:00", &t, &error));
  g_assert_cmpint (t, ==, 1795168800);

  g_assert_true (rapport_time_parse_iso8601 ("2026-11-20", &t, &error));
  g_assert_cmpint (t, ==, 1795132800);

  text = rapport_time_to_iso8601 (1795168800);
  g_assert_cmpstr (text, ==, "2026-11-20T10:00:00Z");
  g_assert_null (rapport_time_to_iso8601 (0));

  g_assert_false (rapport_time_parse_iso8601 ("yesterday", &t, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);

  g_assert_true (rapport_date_is_valid ("2028-02-29"));
  g_assert_false (rapport_date_is_valid ("2026-02-29"));
  g_assert_false (rapport_date_is_valid ("2026-13-01"));
  g_assert_false (rapport_date_is_valid ("20261101"));
}

/* One span, one wording, in the follow-ups list, the activity rows and
 * the reminders alike. */
static void
test_format_relative (void)
{
  const gint64 now = 1774008000;  /* 2026-03-20 12:00 UTC */
  const struct { gint64 when; const char *text; gboolean late; } cases[] = {
    { now, "Due now", FALSE },
    { now - 59, "Due now", FALSE },
    { now - 60, "1 minute late", TRUE },
    { now - 11 * 60, "11 minutes late", TRUE },
    { now - 3600 - 300, "1 hour late", TRUE },
    { now - 14 * 86400, "14 days late", TRUE },
    { now + 20 * 60, "in 20 minutes", FALSE },
    { now + 3 * 86400, "in 3 days", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean late = !cases[i].late;
      g_autofree char *text = rapport_format_relative (cases[i].when, now, &late);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpint (late, ==, cases[i].late);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record/notify-only-on-change", test_record_notify_only_on_change);
  g_test_add_func ("/record/properties-read-only", test_record_properties_read_only);
  g_test_add_func ("/record/typed-properties", test_record_typed_properties);
  g_test_add_func ("/deal/bant/computed", test_deal_bant_computed);
  g_test_add_func ("/money/parse", test_money_parse);
  g_test_add_func ("/money/format", test_money_format);
  g_test_add_func ("/time/iso8601", test_time_iso8601);
  g_test_add_func ("/format/relative", test_format_relative);

  return g_test_run ();
}
