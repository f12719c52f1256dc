/* rapport-delete-dialog.c — "Delete …?": what goes with it, then Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One question for every kind of record: it names the record, says in
 * whole sentences what is deleted with it and what stays without it
 * (counted by the store), and deletes on the destructive answer. The
 * delete goes on the window's undo stack and its toast has Undo: Ctrl+Z
 * brings it all back exactly.
 */

#define G_LOG_DOMAIN "rapport"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rapport-delete-dialog.h"

typedef struct
{
  RapportContext *context;
  RapportEntity   entity;
  gint64          id;
  char           *name;
} Ask;

static void
ask_free (Ask *ask)
{
  g_clear_object (&ask->context);
  g_free (ask->name);
  g_free (ask);
}

static char *
heading (RapportEntity  entity,
         const char    *name)
{
  switch ((int) entity)
    {
    case RAPPORT_ENTITY_DEAL:
      return g_strdup_printf (_("Delete the Deal “%s”?"), name);
    case RAPPORT_ENTITY_CONTACT:
      return g_strdup_printf (_("Delete the Contact “%s”?"), name);
    case RAPPORT_ENTITY_ORGANIZATION:
      return g_strdup_printf (_("Delete the Organization “%s”?"), name);
    case RAPPORT_ENTITY_ACTIVITY:
      return g_strdup_printf (_("Delete the Activity “%s”?"), name);
    case RAPPORT_ENTITY_NOTE:
      return g_strdup (_("Delete the Note?"));
    default:
      return g_strdup (_("Delete the Negotiation Entry?"));
    }
}

/* What goes with it and what stays, a sentence each. */
static char *
body (RapportEntity               entity,
      const RapportDeleteEffects *effects)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (effects->activities > 0)
    g_ptr_array_add (lines, g_strdup_printf (ngettext ("%u activity is deleted with it.",
                                                       "%u activities are deleted with it.",
                                                       effects->activities), effects->activities));
  if (effects->notes > 0)
    g_ptr_array_add (lines, g_strdup_printf (ngettext ("%u note is deleted with it.",
                                                       "%u notes are deleted with it.",
                                                       effects->notes), effects->notes));
  if (effects->negotiation_entries > 0)
    g_ptr_array_add (lines, g_strdup_printf (ngettext ("%u negotiation entry is deleted with it.",
                                                       "%u negotiation entries are deleted with it.",
                                                       effects->negotiation_entries),
                                             effects->negotiation_entries));
  if (effects->deals_kept > 0)
    g_ptr_array_add (lines, g_strdup_printf (entity == RAPPORT_ENTITY_CONTACT
                                               ? ngettext ("%u deal stays, without a contact.",
                                                           "%u deals stay, without a contact.",
                                                           effects->deals_kept)
                                               : ngettext ("%u deal stays, without an organization.",
                                                           "%u deals stay, without an organization.",
                                                           effects->deals_kept),
                                             effects->deals_kept));
  if (effects->contacts_kept > 0)
    g_ptr_array_add (lines, g_strdup_printf (ngettext ("%u contact stays, without an organization.",
                                                       "%u contacts stay, without an organization.",
                                                       effects->contacts_kept), effects->contacts_kept));
  g_ptr_array_add (lines, g_strdup (_("Ctrl+Z brings it back.")));
  g_ptr_array_add (lines, NULL);
  return g_strjoinv (" ", (char **) lines->pdata);
}

static gboolean
undo_delete (RapportStore  *store,
             gpointer       data,
             GError       **error)
{
  return rapport_store_undo_delete (store, data, error);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Ask              *ask)
{
  RapportDeleteUndo *undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  AdwToast *toast;
  guint64 step;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!rapport_store_delete_record (rapport_context_get_store (ask->context), ask->entity, ask->id, &undo, &error))
    {
      rapport_context_report_error (ask->context, error);
      return;
    }

  /* Translators: an undo step, and the toast that says it was done. */
  label = g_strdup_printf (_("Deleted “%s”"), ask->name);
  step = rapport_context_push_undo (ask->context, label, undo_delete, undo, (GDestroyNotify) rapport_delete_undo_free);
  toast = rapport_context_undo_toast_new (ask->context, label, step);
  rapport_context_add_toast (ask->context, toast);
}

void
rapport_delete_dialog_ask (RapportContext *context,
                           GtkWidget      *from,
                           RapportEntity   entity,
                           gint64          id,
                           const char     *name)
{
  RapportDeleteEffects effects;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  GtkRoot *root;
  GtkWidget *dialog;
  Ask *ask;

  g_return_if_fail (RAPPORT_IS_CONTEXT (context));

  if (!rapport_store_count_delete (rapport_context_get_store (context), entity, id, &effects, &error))
    {
      rapport_context_report_error (context, error);
      return;
    }

  ask = g_new0 (Ask, 1);
  ask->context = g_object_ref (context);
  ask->entity = entity;
  ask->id = id;
  ask->name = g_strdup (name != NULL ? name : "");

  title = heading (entity, ask->name);
  text = body (entity, &effects);
  root = from != NULL ? gtk_widget_get_root (from) : NULL;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, title, text);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "rapport-delete-ask", ask, (GDestroyNotify) ask_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Erase: asked once, with no way back */

static void
on_erase_response (AdwMessageDialog *dialog,
                   const char       *response,
                   Ask              *ask)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean bytes_gone;

  if (g_strcmp0 (response, "erase") != 0)
    return;
  if (!rapport_store_erase_contact (rapport_context_get_store (ask->context), ask->id, &bytes_gone, &error))
    {
      rapport_context_report_error (ask->context, error);
      return;
    }
  text = bytes_gone ? g_strdup_printf (_("Erased “%s” for good"), ask->name)
                    : g_strdup_printf (_("Erased “%s”; the last of the bytes go when another program closes the file"),
                                       ask->name);
  rapport_context_add_toast (ask->context, adw_toast_new (text));
}

void
rapport_delete_dialog_ask_erase (RapportContext *context,
                                 GtkWidget      *from,
                                 gint64          contact_id,
                                 const char     *name)
{
  g_autofree char *title = NULL;
  GtkRoot *root;
  GtkWidget *dialog;
  Ask *ask;

  g_return_if_fail (RAPPORT_IS_CONTEXT (context));

  ask = g_new0 (Ask, 1);
  ask->context = g_object_ref (context);
  ask->entity = RAPPORT_ENTITY_CONTACT;
  ask->id = contact_id;
  ask->name = g_strdup (name != NULL ? name : "");

  title = g_strdup_printf (_("Erase “%s” for Good?"), ask->name);
  root = from != NULL ? gtk_widget_get_root (from) : NULL;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, title,
                                   _("For a request to be forgotten: the contact, their activities and notes, "
                                     "and every note, activity and negotiation entry that names them are removed, "
                                     "and their bytes are wiped from the database file. Their deals stay, without "
                                     "them. This cannot be undone. Backups made before keep them until they are "
                                     "removed."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase for Good"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "rapport-delete-ask", ask, (GDestroyNotify) ask_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_erase_response), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}
