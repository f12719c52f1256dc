/* test-locale.c — money, dates and counts as Korean, Bulgarian, Chinese
 * and Hebrew write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The locales are generated with localedef into a folder of the test's
 * own (LOCPATH), so nothing on the machine changes and no installed
 * locale is needed. The expected texts are what ICU 72 (Debian 12) gives;
 * they are written out, not asked of ICU here, so a wrong locale or
 * skeleton passed to ICU fails.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "rapport-format.h"
#include "rapport-locale.h"

static char *locpath;

static void
generate_locale (const char *name)
{
  g_autofree char *input = g_strndup (name, strcspn (name, "."));
  g_autofree char *output = g_build_filename (locpath, name, NULL);
  const char *argv[] = { "localedef", "--no-archive", "-c", "-i", input, "-f", "UTF-8", output, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  /* -c: glibc's sources give warnings localedef would otherwise stop at. */
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_file_test (output, G_FILE_TEST_IS_DIR))
    g_error ("localedef could not make %s (is the locales package installed?): %s", name, err);
}

static void
use_locale (const char *name)
{
  g_assert_nonnull (setlocale (LC_ALL, name));
  g_unsetenv ("LANGUAGE");
}

typedef struct
{
  const char *locale;
  const char *dollars;        /* 1 234.50 US dollars */
  const char *whole;          /* 40 000 US dollars */
  const char *own;            /* an amount in the locale's own currency */
  const char *own_currency;
  gint64      own_units;
  const char *this_year;      /* 18 November of the year of "now" */
  const char *other_year;     /* 19 February 2027 */
  const char *month;          /* a month on a chart */
  const char *count;          /* 12 345 */
} LocaleCase;

static const LocaleCase cases[] = {
  { "ko_KR.UTF-8", "US$1,234.50", "US$40,000", "₩1,234,500", "KRW", 1234500,
    "11월 18일", "2027년 2월 19일", "2026년 11월", "12,345" },
  { "bg_BG.UTF-8", "1\u00a0234,50\u00a0щ.д.", "40\u00a0000\u00a0щ.д.", "1\u00a0234,50\u00a0€", "EUR", 123450,
    "18.11", "19.02.2027\u202fг.", "11.2026\u202fг.", "12\u00a0345" },
  { "zh_CN.UTF-8", "US$1,234.50", "US$40,000", "¥1,234.50", "CNY", 123450,
    "11月18日", "2027年2月19日", "2026年11月", "12,345" },
  /* Right-to-left marks keep the amount and its sign in order. */
  { "he_IL.UTF-8", "\u200f1,234.50\u00a0\u200f$", "\u200f40,000\u00a0\u200f$", "\u200f1,234.50\u00a0\u200f₪",
    "ILS", 123450, "18 בנוב׳", "19 בפבר׳ 2027", "נוב׳ 2026", "12,345" },
};

/* 2026-11-18 12:00 UTC; TZ is UTC in main(). */
#define NOW G_GINT64_CONSTANT (1795003200)

static void
test_money (gconstpointer data)
{
  const LocaleCase *c = data;
  g_autofree char *dollars = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *own = NULL;

  use_locale (c->locale);
  dollars = rapport_format_money (123450, "USD");
  whole = rapport_format_money_whole (3999990, "USD");
  own = rapport_format_money (c->own_units, c->own_currency);

  g_assert_cmpstr (dollars, ==, c->dollars);
  g_assert_cmpstr (whole, ==, c->whole);
  g_assert_cmpstr (own, ==, c->own);
}

static void
test_dates (gconstpointer data)
{
  const LocaleCase *c = data;
  g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 11, 1, 0, 0, 0);
  g_autofree char *this_year = NULL;
  g_autofree char *other_year = NULL;
  g_autofree char *month = NULL;
  g_autofree char *count = NULL;

  use_locale (c->locale);
  this_year = rapport_format_day ("2026-11-18", NOW, NULL);
  other_year = rapport_format_day ("2027-02-19", NOW, NULL);
  month = rapport_format_date_time (first, "yMMM", "%b %Y");
  count = rapport_locale_format_count (12345);

  g_assert_cmpstr (this_year, ==, c->this_year);
  g_assert_cmpstr (other_year, ==, c->other_year);
  g_assert_cmpstr (month, ==, c->month);
  g_assert_cmpstr (count, ==, c->count);
}

/* LANGUAGE=he on a C locale: Hebrew months, not a Hebrew pattern around
 * an English month ("18 בNov"). */
static void
test_language_alone (void)
{
  g_autofree char *day = NULL;

  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  g_setenv ("LANGUAGE", "he", TRUE);
  day = rapport_format_day ("2026-11-18", NOW, NULL);
  g_unsetenv ("LANGUAGE");

  g_assert_cmpstr (day, ==, "18 בנוב׳");
}

/* With no locale at all, Rapport's own formats, which the other tests and
 * scripts read. */
static void
test_c_locale (void)
{
  g_autofree char *dollars = NULL;
  g_autofree char *day = NULL;
  g_autofree char *count = NULL;

  use_locale ("C.UTF-8");
  dollars = rapport_format_money (123450, "USD");
  day = rapport_format_day ("2027-02-19", NOW, NULL);
  count = rapport_locale_format_count (12345);

  g_assert_null (rapport_locale_get_icu_id (LC_TIME));
  g_assert_cmpstr (dollars, ==, "$1,234.50");
  g_assert_cmpstr (day, ==, "19 Feb 2027");
  g_assert_cmpstr (count, ==, "12345");
}

static void
remove_locpath (void)
{
  g_autoptr(GDir) dir = g_dir_open (locpath, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (locpath, name, NULL);
      g_autofree char *argv0 = g_find_program_in_path ("rm");
      const char *argv[] = { argv0, "-rf", path, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, NULL, NULL);
    }
  g_rmdir (locpath);
}

int
main (int argc, char **argv)
{
  int status;

  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  locpath = g_dir_make_tmp ("rapport-locale-XXXXXX", NULL);
  g_assert_nonnull (locpath);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    generate_locale (cases[i].locale);
  /* LOCPATH replaces the system's folders: C.UTF-8 is needed there too. */
  generate_locale ("C.UTF-8");
  g_setenv ("LOCPATH", locpath, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *money = g_strdup_printf ("/locale/money/%.5s", cases[i].locale);
      g_autofree char *dates = g_strdup_printf ("/locale/dates/%.5s", cases[i].locale);

      g_test_add_data_func (money, &cases[i], test_money);
      g_test_add_data_func (dates, &cases[i], test_dates);
    }
  g_test_add_func ("/locale/language-alone", test_language_alone);
  g_test_add_func ("/locale/c", test_c_locale);

  status = g_test_run ();
  remove_locpath ();
  g_free (locpath);
  return status;
}
