/* rapport-after-sales-offer.h — what an after-sales follow-up offers once
 * done: to record the customer's satisfaction, or a repeat deal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-context.h"

G_BEGIN_DECLS

/* After @activity was marked done from @from: opens “Record
 * Satisfaction” or “New Repeat Deal” for its deal (or contact) if its
 * step offers one; the dialog's Cancel declines. Nothing otherwise. */
void rapport_after_sales_offer (GtkWidget       *from,
                                RapportContext  *context,
                                RapportActivity *activity);

G_END_DECLS
