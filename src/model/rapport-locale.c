/* rapport-locale.c — money and dates as the user's locale writes them (ICU)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * glibc's strfmon() knows one currency per locale, its own: a dollar deal
 * in Sofia cannot be written with it. ICU knows every currency in every
 * locale, and the locale's own date patterns and month names. Opening
 * its formatters is slow next to formatting with them (tens of µs), and
 * a board draws many cards, so each thread keeps the ones it opened for
 * as long as the locale stays the same. This is the only file that
 * includes ICU.
 */

#define G_LOG_DOMAIN "rapport-locale"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "rapport-locale.h"

typedef struct
{
  char                      *money_id;
  UNumberFormat             *money;
  char                      *count_id;
  UNumberFormat             *count;
  char                      *date_id;
  UDateTimePatternGenerator *generator;
  GHashTable                *dates;      /* "skeleton|GMT+hh:mm" → UDateFormat */
} LocaleCache;

static void
locale_cache_reset_dates (LocaleCache *cache)
{
  g_clear_pointer (&cache->date_id, g_free);
  g_clear_pointer (&cache->generator, udatpg_close);
  g_clear_pointer (&cache->dates, g_hash_table_unref);
}

static void
locale_cache_free (gpointer data)
{
  LocaleCache *cache = data;

  g_free (cache->money_id);
  g_clear_pointer (&cache->money, unum_close);
  g_free (cache->count_id);
  g_clear_pointer (&cache->count, unum_close);
  locale_cache_reset_dates (cache);
  g_free (cache);
}

static GPrivate locale_cache_key = G_PRIVATE_INIT (locale_cache_free);

static LocaleCache *
locale_cache_get (void)
{
  LocaleCache *cache = g_private_get (&locale_cache_key);

  if (cache == NULL)
    {
      cache = g_new0 (LocaleCache, 1);
      g_private_set (&locale_cache_key, cache);
    }
  return cache;
}

static gboolean
is_c_locale (const char *name)
{
  return name == NULL || *name == '\0' || g_str_equal (name, "POSIX") ||
         (name[0] == 'C' && (name[1] == '\0' || name[1] == '.'));
}

/* "he_IL.UTF-8@euro" → "he_IL": ICU wants neither the codeset nor glibc's
 * modifier. */
static char *
icu_id_from_posix (const char *name)
{
  return g_strndup (name, strcspn (name, ".@"));
}

char *
rapport_locale_get_icu_id (int category)
{
  const char *name = setlocale (category, NULL);
  const char * const *languages;

  if (!is_c_locale (name))
    return icu_id_from_posix (name);

  languages = g_get_language_names ();
  if (languages[0] != NULL && !is_c_locale (languages[0]))
    return icu_id_from_posix (languages[0]);

  return NULL;
}

static char *
utf8_from_uchars (const UChar *text,
                  int32_t      length)
{
  return g_utf16_to_utf8 ((const gunichar2 *) text, length, NULL, NULL, NULL);
}

/* A formatter of @style for @id, reopened only when the locale changed. */
static UNumberFormat *
number_format_for (char              **cached_id,
                   UNumberFormat     **cached,
                   UNumberFormatStyle  style,
                   const char         *id)
{
  UErrorCode status = U_ZERO_ERROR;

  if (*cached != NULL && g_strcmp0 (*cached_id, id) == 0)
    return *cached;

  g_clear_pointer (cached, unum_close);
  g_free (*cached_id);
  *cached_id = g_strdup (id);
  *cached = unum_open (style, NULL, 0, id, NULL, &status);
  if (U_FAILURE (status))
    g_clear_pointer (cached, unum_close);
  return *cached;
}

/* "-1234.50" for -123450 with @exponent 2: ICU reads a decimal string
 * exactly, where a double would round large amounts. */
static char *
decimal_string (gint64 minor_units,
                int    exponent)
{
  guint64 magnitude = minor_units < 0 ? (guint64) -(minor_units + 1) + 1 : (guint64) minor_units;
  guint64 divisor = 1;

  for (int i = 0; i < exponent; i++)
    divisor *= 10;

  if (exponent <= 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, minor_units < 0 ? "-" : "", magnitude);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT, minor_units < 0 ? "-" : "",
                          magnitude / divisor, exponent, magnitude % divisor);
}

char *
rapport_locale_format_money (gint64      minor_units,
                             const char *currency,
                             int         exponent,
                             int         digits)
{
  g_autofree char *id = rapport_locale_get_icu_id (LC_MONETARY);
  g_autofree char *decimal = NULL;
  LocaleCache *cache;
  UNumberFormat *format;
  UErrorCode status = U_ZERO_ERROR;
  UChar code[4];
  UChar text[128];
  int32_t length;

  if (id == NULL || currency == NULL || strlen (currency) != 3)
    return NULL;

  cache = locale_cache_get ();
  format = number_format_for (&cache->money_id, &cache->money, UNUM_CURRENCY, id);
  if (format == NULL)
    return NULL;

  /* The code first: setting it resets the fraction to the currency's. */
  u_charsToUChars (currency, code, 3);
  code[3] = 0;
  unum_setTextAttribute (format, UNUM_CURRENCY_CODE, code, 3, &status);
  unum_setAttribute (format, UNUM_MIN_FRACTION_DIGITS, digits);
  unum_setAttribute (format, UNUM_MAX_FRACTION_DIGITS, digits);

  decimal = decimal_string (minor_units, exponent);
  length = unum_formatDecimal (format, decimal, -1, text, G_N_ELEMENTS (text), NULL, &status);
  if (U_FAILURE (status))
    return NULL;

  return utf8_from_uchars (text, length);
}

char *
rapport_locale_format_count (gint64 count)
{
  g_autofree char *id = rapport_locale_get_icu_id (LC_NUMERIC);
  LocaleCache *cache;
  UNumberFormat *format;
  UErrorCode status = U_ZERO_ERROR;
  UChar text[64];
  int32_t length;

  if (id == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT, count);

  cache = locale_cache_get ();
  format = number_format_for (&cache->count_id, &cache->count, UNUM_DECIMAL, id);
  if (format == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT, count);

  length = unum_formatInt64 (format, count, text, G_N_ELEMENTS (text), NULL, &status);
  if (U_FAILURE (status))
    return g_strdup_printf ("%" G_GINT64_FORMAT, count);

  return utf8_from_uchars (text, length);
}

/* ICU's own zone names need its zone data to match the system's; an
 * offset is exact for the instant at hand, which is all one date needs. */
static char *
offset_zone_id (GDateTime *time)
{
  gint64 offset = g_date_time_get_utc_offset (time) / G_TIME_SPAN_MINUTE;
  gint64 magnitude = ABS (offset);

  return g_strdup_printf ("GMT%c%02d:%02d", offset < 0 ? '-' : '+',
                          (int) (magnitude / 60), (int) (magnitude % 60));
}

static UDateFormat *
open_date_format (LocaleCache *cache,
                  const char  *skeleton,
                  const char  *zone)
{
  UErrorCode status = U_ZERO_ERROR;
  UChar uskeleton[32];
  UChar pattern[96];
  UChar uzone[16];
  int32_t length;
  UDateFormat *format;

  if (strlen (skeleton) >= G_N_ELEMENTS (uskeleton) || strlen (zone) >= G_N_ELEMENTS (uzone))
    return NULL;

  u_uastrcpy (uskeleton, skeleton);
  u_uastrcpy (uzone, zone);
  length = udatpg_getBestPattern (cache->generator, uskeleton, -1, pattern, G_N_ELEMENTS (pattern), &status);
  if (U_FAILURE (status))
    return NULL;

  format = udat_open (UDAT_PATTERN, UDAT_PATTERN, cache->date_id, uzone, -1, pattern, length, &status);
  if (U_FAILURE (status))
    {
      g_clear_pointer (&format, udat_close);
      return NULL;
    }
  return format;
}

static UDateFormat *
date_format_for (const char *id,
                 const char *skeleton,
                 GDateTime  *time)
{
  LocaleCache *cache = locale_cache_get ();
  g_autofree char *zone = offset_zone_id (time);
  g_autofree char *key = g_strdup_printf ("%s|%s", skeleton, zone);
  UDateFormat *format;

  if (g_strcmp0 (cache->date_id, id) != 0)
    {
      UErrorCode status = U_ZERO_ERROR;

      locale_cache_reset_dates (cache);
      cache->date_id = g_strdup (id);
      cache->generator = udatpg_open (id, &status);
      if (U_FAILURE (status))
        g_clear_pointer (&cache->generator, udatpg_close);
      cache->dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) udat_close);
    }
  if (cache->generator == NULL)
    return NULL;

  format = g_hash_table_lookup (cache->dates, key);
  if (format == NULL)
    {
      format = open_date_format (cache, skeleton, zone);
      if (format != NULL)
        g_hash_table_insert (cache->dates, g_steal_pointer (&key), format);
    }
  return format;
}

char *
rapport_locale_format_date (GDateTime  *time,
                            const char *skeleton)
{
  g_autofree char *id = rapport_locale_get_icu_id (LC_TIME);
  UDateFormat *format;
  UErrorCode status = U_ZERO_ERROR;
  UChar text[128];
  int32_t length;
  UDate when;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (skeleton != NULL, NULL);

  if (id == NULL || (format = date_format_for (id, skeleton, time)) == NULL)
    return NULL;

  when = (UDate) g_date_time_to_unix (time) * 1000.0 + g_date_time_get_microsecond (time) / 1000;
  length = udat_format (format, when, text, G_N_ELEMENTS (text), NULL, &status);
  if (U_FAILURE (status))
    return NULL;

  return utf8_from_uchars (text, length);
}
