/* rapport-locale.h — money and dates as the user's locale writes them (ICU)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The ICU locale of @category (LC_MONETARY, LC_TIME), as "he_IL"; when
 * that category is the C locale, the first language the user reads
 * (LANGUAGE), so "LANGUAGE=he" alone gives Hebrew months; NULL when both
 * are C, and the callers keep their own C formats. */
char *rapport_locale_get_icu_id      (int          category);

/* @minor_units of @currency with @digits of fraction, as the locale writes
 * money ("US$1,234.50" in Korean, "1 234,50 щ.д." in Bulgarian); NULL in
 * the C locale or when ICU cannot. */
char *rapport_locale_format_money    (gint64       minor_units,
                                      const char  *currency,
                                      int          exponent,
                                      int          digits);

/* @time as the locale's best pattern for the ICU @skeleton ("yMMMd",
 * "jm"); NULL in the C locale or when ICU cannot. */
char *rapport_locale_format_date     (GDateTime   *time,
                                      const char  *skeleton);

/* @count grouped by thousands as the locale writes numbers ("12,345",
 * "12 345"); plain digits in the C locale. */
char *rapport_locale_format_count    (gint64       count);

G_END_DECLS
