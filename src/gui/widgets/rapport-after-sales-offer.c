/* rapport-after-sales-offer.c — the dialog an after-sales follow-up offers when done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-after-sales-offer"

#include "config.h"

#include "rapport-after-sales-offer.h"
#include "rapport-deal-dialog.h"
#include "rapport-satisfaction-dialog.h"

void
rapport_after_sales_offer (GtkWidget       *from,
                           RapportContext  *context,
                           RapportActivity *activity)
{
  RapportStore *store = rapport_context_get_store (context);
  GtkRoot *root = gtk_widget_get_root (from);
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  gint64 deal_id = rapport_activity_get_deal_id (activity);
  gint64 contact_id = rapport_activity_get_contact_id (activity);
  g_autoptr(RapportDeal) deal = NULL;

  g_return_if_fail (RAPPORT_IS_ACTIVITY (activity));

  if (rapport_activity_get_rule (activity) != RAPPORT_RULE_AFTER_SALES ||
      rapport_activity_get_done_at (activity) == 0)
    return;

  switch (rapport_activity_get_after_sales_offer (activity))
    {
    case RAPPORT_AFTER_SALES_OFFER_SATISFACTION:
      if (deal_id != 0 || contact_id != 0)
        gtk_window_present (GTK_WINDOW (rapport_satisfaction_dialog_new (parent, context, contact_id, deal_id)));
      break;

    case RAPPORT_AFTER_SALES_OFFER_REPEAT:
      if (deal_id != 0 && (deal = rapport_store_get_deal (store, deal_id, NULL)) != NULL)
        gtk_window_present (GTK_WINDOW (rapport_deal_dialog_new_repeat (parent, context, deal)));
      break;

    case RAPPORT_AFTER_SALES_OFFER_NONE:
    default:
      break;
    }
}
