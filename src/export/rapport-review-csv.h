/* rapport-review-csv.h — every table of the weekly review as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One file per table, for a spreadsheet or a script: RFC 4180 (fields
 * quoted when they hold a comma, a quote or a line break; lines end in
 * CRLF), UTF-8 without a byte-order mark, a header row of stable English
 * column names (the same in every language, like the JSON of rapport-cli),
 * times in ISO 8601 UTC, money in plain major units with its currency in a
 * column of its own. A text cell that a spreadsheet would run as a formula
 * (starting with =, +, -, @, a tab or a carriage return) gets a leading '
 * so that it is shown, never evaluated: a deal title is someone else's
 * text.
 */

#pragma once

#include "rapport-csv.h"
#include "rapport-review.h"

G_BEGIN_DECLS

/* The tables: the sections, then the goals. */
#define RAPPORT_REVIEW_TABLE_GOALS RAPPORT_REVIEW_N_SECTIONS
#define RAPPORT_REVIEW_N_TABLES    (RAPPORT_REVIEW_N_SECTIONS + 1)

/* "added", "moved-forward", …, "goals": the end of each file's name. */
const char *rapport_review_table_id      (guint               table);

/* The whole CSV text of one table (transfer full). */
char       *rapport_review_table_csv     (const RapportReview *review,
                                          guint                table);

/* Writes every table into @dir as "2026-W47-added.csv" and so on: checks
 * first that none of them is there (unless @replace), then writes each
 * whole (see rapport-export-file.h). @written (may be NULL) receives the
 * paths written. */
gboolean    rapport_review_write_csv     (const RapportReview *review,
                                          const char          *dir,
                                          gboolean             replace,
                                          GPtrArray           *written,
                                          GError             **error);

G_END_DECLS
