/* rapport-review-pdf.h — the weekly pipeline review as a printed document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A4 portrait: a title and the week's figures at a glance on the first
 * page, then one section per table of the review (rapport-review.h), each
 * with its totals, and the goals with their progress. Money and dates are
 * written as the app writes them (rapport-format.h).
 */

#pragma once

#include "rapport-review.h"

G_BEGIN_DECLS

/* Writes the review to @path (see rapport-export-file.h: whole or not at
 * all, refusing an existing file unless @replace). *@n_pages (may be
 * NULL) receives the number of pages. */
gboolean rapport_review_write_pdf (const RapportReview  *review,
                                   const char           *path,
                                   gboolean              replace,
                                   int                  *n_pages,
                                   GError              **error);

/* The file name a save dialog suggests: "Pipeline review 2026-W47.pdf"
 * (translated; transfer full). */
char    *rapport_review_pdf_name  (const RapportReview  *review);

G_END_DECLS
