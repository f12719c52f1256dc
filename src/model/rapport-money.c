/* rapport-money.c — amounts as integer minor units, never floats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-money"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include "rapport-error.h"
#include "rapport-money.h"
#include "rapport-validate.h"

/* ISO 4217 codes whose minor unit is not the usual hundredth. */
static const struct {
  const char *code;
  int         exponent;
} exceptions[] = {
  { "BHD", 3 }, { "CLP", 0 }, { "IQD", 3 }, { "ISK", 0 }, { "JOD", 3 },
  { "JPY", 0 }, { "KRW", 0 }, { "KWD", 3 }, { "LYD", 3 }, { "OMR", 3 },
  { "PYG", 0 }, { "TND", 3 }, { "UGX", 0 }, { "VND", 0 }, { "XAF", 0 },
  { "XOF", 0 },
};

/* Symbols people expect to read instead of the code. */
static const struct {
  const char *code;
  const char *symbol;
} symbols[] = {
  { "EUR", "€" }, { "USD", "$" }, { "GBP", "£" }, { "JPY", "¥" },
  { "KRW", "₩" }, { "CNY", "¥" }, { "ILS", "₪" }, { "INR", "₹" },
};

gboolean
rapport_currency_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isupper (code[i]))
      return FALSE;

  return TRUE;
}

gboolean
rapport_currency_check (const char  *code,
                        GError     **error)
{
  g_autofree char *quoted = NULL;

  if (rapport_currency_is_valid (code))
    return TRUE;

  quoted = rapport_text_quote (code);
  g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
               _("“%s” is not an ISO 4217 currency code like EUR or USD"), quoted);
  return FALSE;
}

int
rapport_currency_exponent (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (exceptions); i++)
    if (strcmp (exceptions[i].code, code) == 0)
      return exceptions[i].exponent;

  return 2;
}

static gboolean
set_invalid (GError    **error,
             const char *text)
{
  g_autofree char *quoted = rapport_text_quote (text);

  g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
               _("“%s” is not an amount: use digits with an optional decimal point, like 1234.50"),
               quoted);
  return FALSE;
}

static gboolean
set_misgrouped (GError    **error,
                const char *text)
{
  g_autofree char *quoted = rapport_text_quote (text);

  g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
               _("“%s” is not an amount: a comma only separates groups of three digits, like 1,234.50, "
                 "and decimals follow a point, like 12.50"),
               quoted);
  return FALSE;
}

gboolean
rapport_money_parse (const char  *text,
                     const char  *currency,
                     gint64      *minor_units,
                     GError     **error)
{
  int exponent = rapport_currency_exponent (currency);
  const char *p = text;
  const char *digits_start;
  guint64 whole = 0;
  guint64 fraction = 0;
  int n_fraction = 0;
  int n_whole = 0;
  int group = -1;  /* digits since the last comma, or -1 before any */

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (minor_units != NULL, FALSE);

  while (g_ascii_isspace (*p))
    p++;

  if (*p == '-')
    {
      g_autofree char *quoted = rapport_text_quote (text);

      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The value cannot be negative (“%s”)"), quoted);
      return FALSE;
    }

  /* The whole part: "0", or digits without a leading zero, with commas
   * between groups of three when there are any (1,234,567). */
  digits_start = p;
  for (; *p != '\0' && *p != '.' && !g_ascii_isspace (*p); p++)
    {
      if (*p == ',')
        {
          if (n_whole == 0 || (group == -1 && n_whole > 3) || (group != -1 && group != 3))
            return set_misgrouped (error, text);
          group = 0;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        return set_invalid (error, text);
      if (*p == '0' && p == digits_start && (g_ascii_isdigit (p[1]) || p[1] == ','))
        return set_invalid (error, text);
      if (whole > (G_MAXINT64 / 1000 - 9) / 10)
        {
          g_autofree char *quoted = rapport_text_quote (text);

          g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                       _("The amount “%s” is too large"), quoted);
          return FALSE;
        }
      whole = whole * 10 + (guint64) (*p - '0');
      n_whole++;
      if (group != -1)
        group++;
    }
  if (group != -1 && group != 3)
    return set_misgrouped (error, text);

  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          if (n_fraction < exponent)
            fraction = fraction * 10 + (guint64) (*p - '0');
          n_fraction++;
        }
      /* "1.234,50": a comma after the point */
      if (*p == ',')
        return set_misgrouped (error, text);
      if (n_fraction == 0)
        return set_invalid (error, text);
      if (n_fraction > exponent)
        {
          g_autofree char *quoted = rapport_text_quote (text);

          g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                       _("“%s” has more decimals than %s allows (%d)"),
                       quoted, currency ? currency : "", exponent);
          return FALSE;
        }
    }

  while (g_ascii_isspace (*p))
    p++;

  if (*p != '\0' || n_whole + n_fraction == 0)
    return set_invalid (error, text);

  for (; n_fraction < exponent; n_fraction++)
    fraction *= 10;
  for (int i = 0; i < exponent; i++)
    whole *= 10;

  *minor_units = (gint64) (whole + fraction);
  return TRUE;
}

char *
rapport_money_to_plain (gint64      minor_units,
                        const char *currency)
{
  int exponent = rapport_currency_exponent (currency);
  guint64 divisor = 1;
  guint64 abs_units = minor_units < 0 ? (guint64) -(minor_units + 1) + 1 : (guint64) minor_units;

  if (exponent == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, minor_units < 0 ? "-" : "", abs_units);

  for (int i = 0; i < exponent; i++)
    divisor *= 10;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT,
                          minor_units < 0 ? "-" : "",
                          abs_units / divisor, exponent, abs_units % divisor);
}

static const char *
currency_symbol (const char *currency)
{
  for (guint i = 0; currency != NULL && i < G_N_ELEMENTS (symbols); i++)
    if (strcmp (symbols[i].code, currency) == 0)
      return symbols[i].symbol;

  return currency;
}

static void
append_grouped (GString    *str,
                guint64     value,
                const char *separator)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (str, separator);
      g_string_append_c (str, digits[i]);
    }
}

char *
rapport_money_format (gint64      minor_units,
                      const char *currency)
{
  struct lconv *lc = localeconv ();
  int exponent = rapport_currency_exponent (currency);
  const char *decimal = lc->mon_decimal_point && *lc->mon_decimal_point ? lc->mon_decimal_point : ".";
  const char *thousands = lc->mon_thousands_sep && *lc->mon_thousands_sep ? lc->mon_thousands_sep : ",";
  const char *symbol = currency_symbol (currency);
  guint64 abs_units = minor_units < 0 ? (guint64) -(minor_units + 1) + 1 : (guint64) minor_units;
  guint64 divisor = 1;
  GString *str = g_string_new (NULL);
  gboolean symbol_after = lc->p_cs_precedes == 0;

  for (int i = 0; i < exponent; i++)
    divisor *= 10;

  if (minor_units < 0)
    g_string_append (str, "−");
  if (!symbol_after)
    g_string_append (str, symbol);

  append_grouped (str, abs_units / divisor, thousands);
  if (exponent > 0)
    g_string_append_printf (str, "%s%0*" G_GUINT64_FORMAT, decimal, exponent, abs_units % divisor);

  if (symbol_after)
    g_string_append_printf (str, " %s", symbol);

  return g_string_free (str, FALSE);
}
