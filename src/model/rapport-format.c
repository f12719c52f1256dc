/* rapport-format.c — how Rapport writes money and dates for people (the board, the review)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-format"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rapport-format.h"
#include "rapport-locale.h"
#include "rapport-money.h"
#include "rapport-store.h"

char *
rapport_format_money (gint64      minor_units,
                      const char *currency)
{
  g_autofree char *text = NULL;
  int exponent = rapport_currency_exponent (currency);
  struct lconv *lc;
  const char *decimal;
  g_autoptr(GString) zeros = NULL;
  gint64 divisor = 1;
  char *found;

  for (int i = 0; i < exponent; i++)
    divisor *= 10;

  text = rapport_locale_format_money (minor_units, currency, exponent,
                                      minor_units % divisor == 0 ? 0 : exponent);
  if (text != NULL)
    return g_steal_pointer (&text);

  /* The C locale: Rapport's own way, as before ICU. */
  text = rapport_money_format (minor_units, currency);
  if (exponent <= 0 || minor_units % divisor != 0)
    return g_steal_pointer (&text);

  /* The same separator rapport_money_format() wrote: the fraction is the
   * only place it appears, grouping uses another one. */
  lc = localeconv ();
  decimal = lc->mon_decimal_point && *lc->mon_decimal_point ? lc->mon_decimal_point : ".";
  zeros = g_string_new (decimal);
  for (int i = 0; i < exponent; i++)
    g_string_append_c (zeros, '0');

  found = g_strrstr (text, zeros->str);
  if (found != NULL)
    memmove (found, found + zeros->len, strlen (found + zeros->len) + 1);

  return g_steal_pointer (&text);
}

char *
rapport_format_money_whole (gint64      minor_units,
                            const char *currency)
{
  int exponent = rapport_currency_exponent (currency);
  gint64 divisor = 1;

  for (int i = 0; i < exponent; i++)
    divisor *= 10;

  /* Half up; amounts are never negative. */
  if (divisor > 1 && minor_units >= 0 && minor_units <= G_MAXINT64 - divisor / 2)
    minor_units = (minor_units + divisor / 2) / divisor * divisor;

  return rapport_format_money (minor_units, currency);
}

char *
rapport_format_day (const char *iso_date,
                    gint64      now,
                    gboolean   *is_past)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) today = NULL;
  int year, month, mday;

  if (is_past != NULL)
    *is_past = FALSE;

  if (iso_date == NULL || sscanf (iso_date, "%d-%d-%d", &year, &month, &mday) != 3)
    return NULL;

  day = g_date_time_new_local (year, month, mday, 0, 0, 0);
  today = g_date_time_new_from_unix_local (now);
  if (day == NULL || today == NULL)
    return NULL;

  if (is_past != NULL)
    {
      int ty, tm, td;

      g_date_time_get_ymd (today, &ty, &tm, &td);
      *is_past = year < ty || (year == ty && (month < tm || (month == tm && mday < td)));
    }

  if (year == g_date_time_get_year (today))
    return rapport_format_date_time (day, "dMMM", "%-d %b");
  return rapport_format_date_time (day, "yMMMd", "%-d %b %Y");
}

char *
rapport_format_date_time (GDateTime  *time,
                          const char *skeleton,
                          const char *c_format)
{
  char *text = rapport_locale_format_date (time, skeleton);

  return text != NULL ? text : g_date_time_format (time, c_format);
}

char *
rapport_format_time_day (gint64 unix_seconds,
                         gint64 now)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (unix_seconds);
  g_autofree char *iso = NULL;

  if (local == NULL)
    return NULL;

  iso = g_date_time_format (local, "%Y-%m-%d");
  return rapport_format_day (iso, now, NULL);
}

char *
rapport_format_near_day (gint64    when,
                         gint64    now,
                         gboolean *is_past)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (when);
  g_autofree char *iso = NULL;
  int days = rapport_format_days_between (now, when);

  *is_past = FALSE;
  if (time == NULL)
    return NULL;

  if (days == 0)
    {
      *is_past = when < now;
      return g_strdup (_("Today"));
    }
  if (days == -1)
    {
      *is_past = TRUE;
      return g_strdup (_("Yesterday"));
    }
  if (days == 1)
    return g_strdup (_("Tomorrow"));

  iso = g_date_time_format (time, "%Y-%m-%d");
  return rapport_format_day (iso, now, is_past);
}

char *
rapport_format_relative (gint64    when,
                         gint64    now,
                         gboolean *late)
{
  gint64 diff = when - now;
  gint64 span = ABS (diff);
  gboolean is_late = diff < 0;
  guint n;

  if (late != NULL)
    *late = is_late && span >= 60;

  if (span < 60)
    return g_strdup (_("Due now"));

  if (span < 3600)
    {
      n = (guint) (span / 60);
      if (is_late)
        /* Translators: how late a follow-up is */
        return g_strdup_printf (ngettext ("%u minute late", "%u minutes late", n), n);
      /* Translators: when a follow-up is due */
      return g_strdup_printf (ngettext ("in %u minute", "in %u minutes", n), n);
    }

  if (span < 24 * 3600)
    {
      n = (guint) (span / 3600);
      if (is_late)
        return g_strdup_printf (ngettext ("%u hour late", "%u hours late", n), n);
      return g_strdup_printf (ngettext ("in %u hour", "in %u hours", n), n);
    }

  /* A day or more: count calendar days, as people do ("due on Monday" is
   * three days late on Thursday whatever the hour). */
  n = (guint) MAX (ABS (rapport_format_days_between (now, when)), 1);
  if (is_late)
    return g_strdup_printf (ngettext ("%u day late", "%u days late", n), n);
  return g_strdup_printf (ngettext ("in %u day", "in %u days", n), n);
}

int
rapport_format_days_between (gint64 from,
                             gint64 to)
{
  g_autoptr(GDateTime) a = g_date_time_new_from_unix_local (from);
  g_autoptr(GDateTime) b = g_date_time_new_from_unix_local (to);
  int y, m, d;
  GDate da, db;

  if (a == NULL || b == NULL)
    return (int) ((to - from) / (24 * 3600));

  g_date_clear (&da, 1);
  g_date_clear (&db, 1);
  g_date_time_get_ymd (a, &y, &m, &d);
  g_date_set_dmy (&da, d, m, y);
  g_date_time_get_ymd (b, &y, &m, &d);
  g_date_set_dmy (&db, d, m, y);

  return g_date_days_between (&da, &db);
}

char *
rapport_format_days_rotting (int days_over)
{
  /* Translators: on a rotting deal's badge (its card, its page): how many
   * days it has sat in its stage beyond what the stage allows. */
  return g_strdup_printf (ngettext ("%d day over", "%d days over", days_over), days_over);
}

char *
rapport_format_days_rotting_long (int days_over)
{
  /* Translators: the tooltip of a rotting deal's badge. */
  return g_strdup_printf (ngettext ("Rotting: %d day longer in this stage than it allows, with nothing scheduled",
                                    "Rotting: %d days longer in this stage than it allows, with nothing scheduled",
                                    days_over),
                          days_over);
}

char *
rapport_format_deal_standing (RapportStore *store,
                              RapportDeal  *deal)
{
  g_autoptr(RapportStage) stage = NULL;

  switch (rapport_deal_get_status (deal))
    {
    case RAPPORT_DEAL_STATUS_WON:
      return g_strdup (C_("deal status", "Won"));
    case RAPPORT_DEAL_STATUS_LOST:
      return g_strdup (C_("deal status", "Lost"));
    case RAPPORT_DEAL_STATUS_OPEN:
    default:
      stage = rapport_store_get_stage (store, rapport_deal_get_stage_id (deal), NULL);
      return g_strdup (stage != NULL ? rapport_stage_get_name (stage) : C_("deal status", "Open"));
    }
}

/* Activities, in words and icons */

const char *
rapport_activity_kind_name (RapportActivityKind kind)
{
  switch (kind)
    {
    case RAPPORT_ACTIVITY_CALL:
      return _("Call");
    case RAPPORT_ACTIVITY_EMAIL:
      return _("Email");
    case RAPPORT_ACTIVITY_MEETING:
      return _("Meeting");
    case RAPPORT_ACTIVITY_TASK:
      return _("Task");
    case RAPPORT_ACTIVITY_FOLLOWUP:
    default:
      return _("Follow-up");
    }
}

const char *
rapport_activity_kind_icon (RapportActivityKind kind)
{
  switch (kind)
    {
    case RAPPORT_ACTIVITY_CALL:
      return "call-start-symbolic";
    case RAPPORT_ACTIVITY_EMAIL:
      return "mail-unread-symbolic";
    case RAPPORT_ACTIVITY_MEETING:
      return "system-users-symbolic";
    case RAPPORT_ACTIVITY_TASK:
      return "object-select-symbolic";
    case RAPPORT_ACTIVITY_FOLLOWUP:
    default:
      return "alarm-symbolic";
    }
}

const char *
rapport_activity_outcome_name (RapportActivityOutcome outcome)
{
  switch (outcome)
    {
    case RAPPORT_OUTCOME_CONNECTED:
      return _("Connected");
    case RAPPORT_OUTCOME_LEFT_VOICEMAIL:
      return _("Left a voicemail");
    case RAPPORT_OUTCOME_NO_ANSWER:
      return _("No answer");
    case RAPPORT_OUTCOME_WRONG_NUMBER:
      return _("Wrong number");
    case RAPPORT_OUTCOME_HELD:
      return _("Held");
    case RAPPORT_OUTCOME_NO_SHOW:
      return _("No-show");
    case RAPPORT_OUTCOME_NONE:
    default:
      return NULL;
    }
}
