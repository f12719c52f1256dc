/* rapport-deal-summary.c — a read-only summary of one deal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opened by activating a card: a small window, titled with the deal, with
 * its stage, value, status, expected close, BANT score, contact and
 * organization. It follows the deal's notify signals, so a move on the
 * board (or by rapport-cli) shows here at once.
 */

#define G_LOG_DOMAIN "rapport-deal-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-deal-summary.h"
#include "rapport-format.h"

struct _RapportDealSummary
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkLabel       *title_label;
  GtkLabel       *value_label;
  GtkLabel       *status_badge;
  GtkLabel       *stage_value;
  GtkLabel       *status_value;
  GtkLabel       *close_value;
  GtkLabel       *bant_value;
  GtkLabel       *contact_value;
  GtkLabel       *organization_value;
  GtkLabel       *owner_value;

  /* Owned references */
  RapportStore   *store;
  RapportDeal    *deal;
};

G_DEFINE_FINAL_TYPE (RapportDealSummary, rapport_deal_summary, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DEAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_value (GtkLabel   *label,
           const char *text)
{
  /* Translators: shown for a field with no value. */
  gtk_label_set_label (label, text != NULL && *text != '\0' ? text : _("None"));
}

static void
rapport_deal_summary_update (RapportDealSummary *self)
{
  RapportDeal *deal = self->deal;
  g_autoptr(RapportStage) stage = NULL;
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(RapportOrganization) organization = NULL;
  g_autofree char *value = NULL;
  g_autofree char *close = NULL;
  g_autofree char *bant = NULL;
  g_autofree char *status = NULL;
  const char *badge;
  int score;

  g_assert (RAPPORT_IS_DEAL_SUMMARY (self));

  gtk_window_set_title (GTK_WINDOW (self), rapport_deal_get_title (deal));
  adw_window_title_set_title (self->window_title, rapport_deal_get_title (deal));
  gtk_label_set_label (self->title_label, rapport_deal_get_title (deal));

  value = rapport_format_money (rapport_deal_get_value (deal), rapport_deal_get_currency (deal));
  gtk_label_set_label (self->value_label, value);

  stage = rapport_store_get_stage (self->store, rapport_deal_get_stage_id (deal), NULL);
  if (stage != NULL)
    {
      g_autofree char *stage_text = NULL;

      /* Translators: a stage and its win probability; “%%” is the percent sign. */
      stage_text = g_strdup_printf (_("%s (%d%%)"), rapport_stage_get_name (stage),
                                    rapport_stage_get_probability (stage));
      set_value (self->stage_value, stage_text);
      adw_window_title_set_subtitle (self->window_title, rapport_stage_get_name (stage));
    }
  else
    set_value (self->stage_value, NULL);

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_badge), "won");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_badge), "lost");
  switch (rapport_deal_get_status (deal))
    {
    case RAPPORT_DEAL_STATUS_WON:
      badge = C_("deal status", "Won");
      status = g_strdup (badge);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_badge), "won");
      break;

    case RAPPORT_DEAL_STATUS_LOST:
      badge = C_("deal status", "Lost");
      /* Translators: a lost deal's status, then why it was lost. */
      status = g_strdup_printf (_("Lost: %s"), rapport_deal_get_lost_reason (deal));
      gtk_widget_add_css_class (GTK_WIDGET (self->status_badge), "lost");
      break;

    case RAPPORT_DEAL_STATUS_OPEN:
    default:
      badge = C_("deal status", "Open");
      status = g_strdup (badge);
      break;
    }
  gtk_label_set_label (self->status_badge, badge);
  set_value (self->status_value, status);

  close = rapport_format_day (rapport_deal_get_expected_close (deal), rapport_store_now (self->store), NULL);
  set_value (self->close_value, close);

  score = rapport_deal_get_bant_score (deal);
  if (rapport_deal_get_qualified (deal))
    /* Translators: how many of Budget, Authority, Need, Timeline a deal meets. */
    bant = g_strdup_printf (_("%d of 4, qualified"), score);
  else
    bant = g_strdup_printf (_("%d of 4"), score);
  set_value (self->bant_value, bant);

  if (rapport_deal_get_contact_id (deal) > 0)
    contact = rapport_store_get_contact (self->store, rapport_deal_get_contact_id (deal), NULL);
  set_value (self->contact_value, contact != NULL ? rapport_contact_get_name (contact) : NULL);

  if (rapport_deal_get_organization_id (deal) > 0)
    organization = rapport_store_get_organization (self->store, rapport_deal_get_organization_id (deal), NULL);
  set_value (self->organization_value, organization != NULL ? rapport_organization_get_name (organization) : NULL);

  set_value (self->owner_value, rapport_deal_get_owner (deal));
}

/* GObject */

static void
rapport_deal_summary_constructed (GObject *object)
{
  RapportDealSummary *self = RAPPORT_DEAL_SUMMARY (object);

  G_OBJECT_CLASS (rapport_deal_summary_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));
  g_assert (RAPPORT_IS_DEAL (self->deal));

  g_signal_connect_object (self->deal, "notify",
                           G_CALLBACK (rapport_deal_summary_update), self,
                           G_CONNECT_SWAPPED);
  rapport_deal_summary_update (self);
}

static void
rapport_deal_summary_dispose (GObject *object)
{
  RapportDealSummary *self = RAPPORT_DEAL_SUMMARY (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_DEAL_SUMMARY);

  g_clear_object (&self->deal);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_deal_summary_parent_class)->dispose (object);
}

static void
rapport_deal_summary_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportDealSummary *self = RAPPORT_DEAL_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DEAL:
      g_value_set_object (value, self->deal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_deal_summary_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RapportDealSummary *self = RAPPORT_DEAL_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_DEAL:
      self->deal = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_deal_summary_class_init (RapportDealSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_deal_summary_constructed;
  object_class->dispose = rapport_deal_summary_dispose;
  object_class->get_property = rapport_deal_summary_get_property;
  object_class->set_property = rapport_deal_summary_set_property;

  /**
   * RapportDealSummary:store:
   *
   * Where the deal's stage, contact and organization are looked up.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportDealSummary:deal:
   *
   * The deal summarized.
   */
  properties[PROP_DEAL] =
    g_param_spec_object ("deal", NULL, NULL,
                         RAPPORT_TYPE_DEAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Rapport/ui/deal-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportDealSummary, window_title);
  gtk_widget_class_bind_template_child (widget_class, RapportDealSummary, title_label);
  gtk_widget_class_bind_template_child (widget_class, RapportDealSummary, value_label);
  gtk_widget_class_bind_template_child (widget_class, RapportDealSummary, status_badge);
  gtk_widget_class_bind_template_child (widget_class, RapportDealSummary, stage_value);
  gtk_widget_class_bind_template_child (widget_class, RapportDealSummary, status_value);
  gtk_widget_class_bind_template_child (widget_class, RapportDealSummary, close_value);
  gtk_widget_class_bind_template_child (widget_class, RapportDealSummary, bant_value);
  gtk_widget_class_bind_template_child (widget_class, RapportDealSummary, contact_value);
  gtk_widget_class_bind_template_child (widget_class, RapportDealSummary, organization_value);
  gtk_widget_class_bind_template_child (widget_class, RapportDealSummary, owner_value);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
rapport_deal_summary_init (RapportDealSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_deal_summary_new (RapportStore *store,
                          RapportDeal  *deal)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (RAPPORT_IS_DEAL (deal), NULL);

  return g_object_new (RAPPORT_TYPE_DEAL_SUMMARY,
                       "store", store,
                       "deal", deal,
                       NULL);
}

/**
 * rapport_deal_summary_get_deal:
 *
 * Returns: (transfer none): the deal summarized
 */
RapportDeal *
rapport_deal_summary_get_deal (RapportDealSummary *self)
{
  g_return_val_if_fail (RAPPORT_IS_DEAL_SUMMARY (self), NULL);

  return self->deal;
}
