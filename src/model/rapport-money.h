/* rapport-money.h — amounts as integer minor units, never floats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Digits after the decimal point for an ISO 4217 code (JPY 0, BHD 3, …). */
int       rapport_currency_exponent   (const char  *code);
gboolean  rapport_currency_is_valid   (const char  *code);
/* The same, with the message that says why not. */
gboolean  rapport_currency_check      (const char  *code,
                                       GError     **error);

/* Reads "1234.50", "1,234.50" or "1234" in major units of @currency into
 * minor units, without floating point. A comma only separates groups of
 * three digits ("12,50" and "1.234,50" are refused, never 1250 or 1.234);
 * no sign, no leading zeros ("01"), at least one digit after a point, no
 * more decimals than @currency has. Negative amounts are refused. */
gboolean  rapport_money_parse         (const char  *text,
                                       const char  *currency,
                                       gint64      *minor_units,
                                       GError     **error);

/* "1234.50": the plain, machine-readable form of @minor_units. */
char     *rapport_money_to_plain      (gint64       minor_units,
                                       const char  *currency);

/* "€1,234.50" or "1 234,50 €": for people, in the current locale. */
char     *rapport_money_format        (gint64       minor_units,
                                       const char  *currency);

G_END_DECLS
