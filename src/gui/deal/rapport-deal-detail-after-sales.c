/* rapport-deal-detail-after-sales.c — the deal page after the win: its
 * satisfaction answers, the deal it repeats, its repeat deals, and
 * “New Repeat Deal”
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-deal-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-deal-detail-private.h"
#include "rapport-deal-dialog.h"
#include "rapport-satisfaction-section.h"
#include "rapport-store-after-sales.h"

/* A row that opens deal @id: "Repeat of" or "Repeat deal", and its title. */
static GtkWidget *
deal_link_row (const char  *title,
               RapportDeal *deal)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rapport_deal_get_title (deal));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-deal");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new_int64 (rapport_record_get_id (RAPPORT_RECORD (deal))));
  /* Where it leads, for screen readers and tests. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  rapport_deal_get_title (deal), -1);

  return row;
}

void
rapport_deal_detail_update_after_sales (RapportDealDetail *self)
{
  gboolean won;
  gint64 repeat_of;
  guint n_repeats;

  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  if (self->repeats == NULL)
    return;

  won = rapport_deal_get_status (self->deal) == RAPPORT_DEAL_STATUS_WON;
  repeat_of = rapport_deal_get_repeat_of (self->deal);
  n_repeats = g_list_model_get_n_items (self->repeats);

  rapport_deal_detail_clear_list_box (self->repeat_list);
  if (repeat_of != 0)
    {
      g_autoptr(RapportDeal) earlier = rapport_store_get_deal (self->store, repeat_of, NULL);

      if (earlier != NULL)
        /* Translators: a row of a deal page that opens the earlier deal */
        gtk_list_box_append (self->repeat_list, deal_link_row (_("Repeat of"), earlier));
    }
  for (guint i = 0; i < n_repeats; i++)
    {
      g_autoptr(RapportDeal) repeat = g_list_model_get_item (self->repeats, i);

      /* Translators: a row of a deal page that opens a deal repeating it */
      gtk_list_box_append (self->repeat_list, deal_link_row (_("Repeat deal"), repeat));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->repeat_list), repeat_of != 0 || n_repeats > 0);
  gtk_widget_set_visible (self->repeat_button, won);
  /* The section is about the customer after the sale: a won deal's, or
   * one that has such a past. */
  gtk_widget_set_visible (GTK_WIDGET (self->after_sales_group), won || repeat_of != 0 || n_repeats > 0);

  if (self->satisfaction_contact_id != rapport_deal_get_contact_id (self->deal))
    {
      self->satisfaction_contact_id = rapport_deal_get_contact_id (self->deal);
      rapport_satisfaction_section_show (RAPPORT_SATISFACTION_SECTION (self->satisfaction_section), self->context,
                                         self->satisfaction_contact_id,
                                         rapport_record_get_id (RAPPORT_RECORD (self->deal)));
    }
}

void
rapport_deal_detail_after_sales_init (RapportDealDetail *self)
{
  g_assert (RAPPORT_IS_DEAL_DETAIL (self));

  self->repeats = rapport_store_get_repeat_deals (self->store, self->deal);
  g_signal_connect_object (self->repeats, "items-changed",
                           G_CALLBACK (rapport_deal_detail_update_after_sales), self, G_CONNECT_SWAPPED);
  self->satisfaction_contact_id = -1;
  rapport_deal_detail_update_after_sales (self);
}

void
rapport_deal_detail_new_repeat_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  RapportDealDetail *self = RAPPORT_DEAL_DETAIL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_window_present (GTK_WINDOW (rapport_deal_dialog_new_repeat (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                  self->context, self->deal)));
}

void
rapport_deal_detail_record_satisfaction_action (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *parameter)
{
  RapportDealDetail *self = RAPPORT_DEAL_DETAIL (widget);

  rapport_satisfaction_section_record (RAPPORT_SATISFACTION_SECTION (self->satisfaction_section));
}
