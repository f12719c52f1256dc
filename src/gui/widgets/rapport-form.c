/* rapport-form.c — what the forms of Rapport's dialogs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-form"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-form.h"
#include "rapport-context.h"

char *
rapport_form_dup_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* libadwaita 1.2 labels a row by both of its title labels (the big one
 * and the small one above the text), which GTK 4.8 reads out as “Title
 * Title”. Named by its title alone, the field reads as it looks, and
 * tests find it by that name. */
void
rapport_form_label_row (gpointer row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  if (ADW_IS_ENTRY_ROW (row))
    {
      GtkAccessible *text = GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row)));

      gtk_accessible_reset_relation (text, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (text, GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    }
}

/* Says what is wrong with @row's text (nothing when @message is NULL),
 * under the row and to screen readers; when nothing is, they hear the
 * row's hint, if it has one. Returns whether a message went away. */
gboolean
rapport_form_show_message (AdwEntryRow *row,
                           GtkLabel    *label,
                           const char  *message)
{
  /* The row is what AT-SPI shows of the field in libadwaita 1.2; its
   * text is told too, for when that changes. */
  GtkAccessible *accessibles[] = {
    GTK_ACCESSIBLE (row),
    GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row))),
  };
  const char *hint = g_object_get_data (G_OBJECT (row), "rapport-hint");
  gboolean was_shown = gtk_widget_get_visible (GTK_WIDGET (label));

  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_label_set_label (label, message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
    }

  for (guint i = 0; i < G_N_ELEMENTS (accessibles); i++)
    {
      if (message != NULL)
        {
          gtk_accessible_update_state (accessibles[i],
                                       GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                       -1);
          gtk_accessible_update_property (accessibles[i],
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                          -1);
        }
      else
        {
          gtk_accessible_reset_state (accessibles[i], GTK_ACCESSIBLE_STATE_INVALID);
          if (hint != NULL)
            gtk_accessible_update_property (accessibles[i],
                                            GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint,
                                            -1);
          else
            gtk_accessible_reset_property (accessibles[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);

  return was_shown && message == NULL;
}

/* GTK 4 grows a window to fit a new message but never shrinks it back;
 * asking for the least height gets the height the form needs. */
void
rapport_form_shrink_to_fit (GtkWindow *window)
{
  int width, height;

  if (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    return;

  /* The default size follows the user's resizing: keep their width. GTK
   * 4.8 takes no NULL here. */
  gtk_window_get_default_size (window, &width, &height);
  gtk_window_set_default_size (window, width, 1);
}

GtkWidget *
rapport_form_show_fields (GtkWindow        *window,
                          RapportFormField *fields,
                          guint             n_fields,
                          GtkWidget        *create)
{
  GtkWidget *first_invalid = NULL;
  gboolean shrink = FALSE;

  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i].message != NULL && first_invalid == NULL)
        first_invalid = GTK_WIDGET (fields[i].row);

      shrink |= rapport_form_show_message (fields[i].row, fields[i].label,
                                           fields[i].touched ? fields[i].message : NULL);
      g_clear_pointer (&fields[i].message, g_free);
    }

  if (shrink)
    rapport_form_shrink_to_fit (window);

  gtk_widget_set_sensitive (create, first_invalid == NULL);

  return first_invalid;
}

void
rapport_form_report_created (RapportContext *context,
                             const char     *markup,
                             const char     *open_action,
                             gint64          id)
{
  AdwToast *toast;

  g_return_if_fail (RAPPORT_IS_CONTEXT (context));

  toast = adw_toast_new (markup);
  adw_toast_set_button_label (toast, _("Open"));
  adw_toast_set_action_name (toast, open_action);
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  rapport_context_add_toast (context, toast);
}
