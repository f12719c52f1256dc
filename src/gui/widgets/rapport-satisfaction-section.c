/* rapport-satisfaction-section.c — satisfaction answers and “Record Satisfaction…”
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-satisfaction-section"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-satisfaction-dialog.h"
#include "rapport-satisfaction-section.h"

struct _RapportSatisfactionSection
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkListBox      *list;

  /* Owned references */
  RapportContext  *context;
  GListModel      *answers;

  gint64           contact_id;
  gint64           deal_id;
};

G_DEFINE_FINAL_TYPE (RapportSatisfactionSection, rapport_satisfaction_section, ADW_TYPE_BIN)

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  RapportSatisfactionSection *self = user_data;
  RapportSatisfaction *satisfaction = item;
  g_autofree char *title = rapport_satisfaction_dup_title (satisfaction);
  g_autofree char *subtitle = rapport_satisfaction_dup_subtitle (
    satisfaction, rapport_store_now (rapport_context_get_store (self->context)));
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  return row;
}

void
rapport_satisfaction_section_show (RapportSatisfactionSection *self,
                                   RapportContext             *context,
                                   gint64                      contact_id,
                                   gint64                      deal_id)
{
  RapportStore *store;

  g_return_if_fail (RAPPORT_IS_SATISFACTION_SECTION (self));
  g_return_if_fail (RAPPORT_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  self->contact_id = contact_id;
  self->deal_id = deal_id;
  store = rapport_context_get_store (context);

  g_clear_object (&self->answers);
  if (deal_id != 0)
    {
      g_autoptr(RapportDeal) deal = rapport_store_get_deal (store, deal_id, NULL);

      if (deal != NULL)
        self->answers = rapport_store_get_deal_satisfaction (store, deal);
    }
  else if (contact_id != 0)
    {
      g_autoptr(RapportContact) contact = rapport_store_get_contact (store, contact_id, NULL);

      if (contact != NULL)
        self->answers = rapport_store_get_contact_satisfaction (store, contact);
    }

  gtk_list_box_bind_model (self->list, self->answers, create_row, self, NULL);
}

void
rapport_satisfaction_section_record (RapportSatisfactionSection *self)
{
  GtkRoot *root;

  g_return_if_fail (RAPPORT_IS_SATISFACTION_SECTION (self));

  if (self->context == NULL || (self->contact_id == 0 && self->deal_id == 0))
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_window_present (GTK_WINDOW (rapport_satisfaction_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                   self->context, self->contact_id,
                                                                   self->deal_id)));
}

static void
rapport_satisfaction_section_dispose (GObject *object)
{
  RapportSatisfactionSection *self = RAPPORT_SATISFACTION_SECTION (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_SATISFACTION_SECTION);
  g_clear_object (&self->answers);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_satisfaction_section_parent_class)->dispose (object);
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  rapport_satisfaction_section_record (RAPPORT_SATISFACTION_SECTION (widget));
}

static void
rapport_satisfaction_section_class_init (RapportSatisfactionSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_satisfaction_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/widgets/satisfaction-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportSatisfactionSection, list);

  gtk_widget_class_install_action (widget_class, "satisfaction.record", NULL, record_action);
}

static void
rapport_satisfaction_section_init (RapportSatisfactionSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
