/* rapport-review-private.h — what the review's two files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-review.h"

G_BEGIN_DECLS

/* A review with its arrays made and empty (rapport-review.c), for
 * rapport-store-review.c to fill. */
RapportReview *rapport_review_new (void);

G_END_DECLS
