/* rapport-process-dialogs.c — the process editor's questions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Message dialogs whose extra child is one boxed list: its rows are the
 * answers (a picker, a name), read back by their place in it.
 */

#define G_LOG_DOMAIN "rapport-process-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-process-dialogs.h"
#include "rapport-templates.h"

static AdwMessageDialog *
dialog_new (GtkWidget  *from,
            const char *heading,
            const char *body)
{
  GtkRoot *root = gtk_widget_get_root (from);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                         heading, body));

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

static GtkListBox *
answers_new (AdwMessageDialog *dialog)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_message_dialog_set_extra_child (dialog, list);
  return GTK_LIST_BOX (list);
}

static GtkWidget *
answer_at (AdwMessageDialog *dialog,
           int               index)
{
  GtkWidget *list = adw_message_dialog_get_extra_child (dialog);

  if (!GTK_IS_LIST_BOX (list))
    return NULL;
  return GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index));
}

static gboolean
is_not (gpointer item,
        gpointer except)
{
  return item != except;
}

AdwMessageDialog *
rapport_process_delete_dialog_new (GtkWidget  *from,
                                   const char *heading,
                                   const char *body,
                                   const char *picker_label,
                                   GListModel *records,
                                   gpointer    except)
{
  AdwMessageDialog *dialog;
  GtkWidget *picker;
  g_autoptr(GtkFilterListModel) others = NULL;
  g_autoptr(GtkExpression) name = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (from), NULL);
  g_return_val_if_fail (!records || (picker_label != NULL && G_IS_OBJECT (except)), NULL);

  dialog = dialog_new (from, heading, body);
  adw_message_dialog_add_response (dialog, "delete", _("_Delete"));
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  if (records == NULL)
    return dialog;

  /* Pipelines and stages are both shown by their name. */
  others = gtk_filter_list_model_new (g_object_ref (records),
                                      GTK_FILTER (gtk_custom_filter_new (is_not, except, NULL)));
  name = gtk_property_expression_new (G_OBJECT_TYPE (except), NULL, "name");
  picker = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (picker), picker_label);
  adw_combo_row_set_expression (ADW_COMBO_ROW (picker), name);
  adw_combo_row_set_model (ADW_COMBO_ROW (picker), G_LIST_MODEL (others));
  gtk_list_box_append (answers_new (dialog), picker);
  return dialog;
}

gpointer
rapport_process_delete_dialog_get_target (AdwMessageDialog *dialog)
{
  GtkWidget *picker;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  picker = answer_at (dialog, 0);
  if (!ADW_IS_COMBO_ROW (picker))
    return NULL;
  return adw_combo_row_get_selected_item (ADW_COMBO_ROW (picker));
}

/* "New Pipeline" */

static const RapportTemplate *
template_at (guint index)
{
  guint n;
  const RapportTemplate *templates = rapport_templates_get (&n);

  /* The first choice is the empty pipeline. */
  return index >= 1 && index <= n ? &templates[index - 1] : NULL;
}

static void
on_name_changed (AdwMessageDialog *dialog)
{
  g_autofree char *name = rapport_process_add_dialog_get_name (dialog);

  adw_message_dialog_set_response_enabled (dialog, "add", *name != '\0');
}

/* The name follows the template picked, until the user types one. */
static void
on_template_picked (AdwMessageDialog *dialog)
{
  GtkEditable *name = GTK_EDITABLE (answer_at (dialog, 0));
  AdwComboRow *start = ADW_COMBO_ROW (answer_at (dialog, 1));
  const RapportTemplate *picked = template_at (adw_combo_row_get_selected (start));
  const char *text = gtk_editable_get_text (name);
  guint n;
  const RapportTemplate *templates = rapport_templates_get (&n);
  gboolean typed = *text != '\0';

  for (guint i = 0; i < n && typed; i++)
    typed = !g_str_equal (text, _(templates[i].name));
  if (!typed)
    gtk_editable_set_text (name, picked != NULL ? _(picked->name) : "");
}

AdwMessageDialog *
rapport_process_add_dialog_new (GtkWidget *from)
{
  AdwMessageDialog *dialog;
  GtkListBox *answers;
  GtkWidget *name = adw_entry_row_new ();
  GtkWidget *start = adw_combo_row_new ();
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  guint n;
  const RapportTemplate *templates = rapport_templates_get (&n);

  g_return_val_if_fail (GTK_IS_WIDGET (from), NULL);

  dialog = dialog_new (from, _("New Pipeline"),
                       _("A pipeline is a sales process of its own: its stages, their playbooks and its after-sales plan."));
  adw_message_dialog_add_response (dialog, "add", _("_Add"));
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  answers = answers_new (dialog);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Name"));
  gtk_list_box_append (answers, name);

  gtk_string_list_append (choices, _("One empty stage"));
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (choices, _(templates[i].name));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (start), _("Start from"));
  adw_combo_row_set_model (ADW_COMBO_ROW (start), G_LIST_MODEL (choices));
  gtk_list_box_append (answers, start);

  g_signal_connect_object (name, "changed", G_CALLBACK (on_name_changed), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (start, "notify::selected", G_CALLBACK (on_template_picked), dialog, G_CONNECT_SWAPPED);
  adw_combo_row_set_selected (ADW_COMBO_ROW (start), 1);
  on_template_picked (dialog);
  on_name_changed (dialog);
  return dialog;
}

char *
rapport_process_add_dialog_get_name (AdwMessageDialog *dialog)
{
  GtkWidget *name;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  name = answer_at (dialog, 0);
  return g_strstrip (g_strdup (GTK_IS_EDITABLE (name) ? gtk_editable_get_text (GTK_EDITABLE (name)) : ""));
}

const char *
rapport_process_add_dialog_get_template (AdwMessageDialog *dialog)
{
  GtkWidget *start;
  const RapportTemplate *picked;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  start = answer_at (dialog, 1);
  picked = ADW_IS_COMBO_ROW (start) ? template_at (adw_combo_row_get_selected (ADW_COMBO_ROW (start))) : NULL;
  return picked != NULL ? picked->id : NULL;
}
