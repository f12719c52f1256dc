/* rapport-pipeline-view-empty.c — the board with no open deal, and the demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pipeline with no open deal at all is a first run, or a clean slate:
 * the board says which and what to do rather than show empty columns. The
 * switcher stays, so another pipeline can still be chosen. Demo data is
 * offered on a first run only (an empty database), asked for before it is
 * written, and Ctrl+Z or the toast's Undo takes it back.
 */

#define G_LOG_DOMAIN "rapport-pipeline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-pipeline-view-private.h"

/* The first-run demo: two years of a small team (most deals closed by
 * now, some thirty still open on the board). */
#define DEMO_DEALS    400
#define DEMO_CONTACTS 600

/**
 * rapport_pipeline_view_update_empty:
 * @n_open: the open deals of the columns
 * @n_columns: how many columns (stages) there are
 *
 * Shows the board, or the status page that says why there is none.
 */
void
rapport_pipeline_view_update_empty (RapportPipelineView *self,
                                    guint                n_open,
                                    guint                n_columns)
{
  gboolean first_run;

  g_return_if_fail (RAPPORT_IS_PIPELINE_VIEW (self));

  if (self->pipeline_id == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Sales Process"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add a sales process in Preferences to start a board"));
      gtk_widget_set_visible (self->empty_buttons, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (n_open > 0 || n_columns == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "board");
      return;
    }

  /* Asked only here: a board with cards never needs to know. */
  first_run = rapport_store_is_empty (self->store);
  if (first_run)
    {
      adw_status_page_set_title (self->empty_page, _("No Deals Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add a deal you are working on, or load a few demo deals to see how the board works"));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Deals in This Pipeline"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add a deal you are working on, or a new lead to follow up"));
    }
  gtk_widget_set_visible (self->demo_button, first_run);
  gtk_widget_set_visible (self->empty_buttons, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static gboolean
remove_demo (RapportStore  *store,
             gpointer       data,
             GError       **error)
{
  return rapport_store_remove_demo (store, data, error);
}

static void
rapport_pipeline_view_load_demo (RapportPipelineView *self)
{
  g_autoptr(GError) error = NULL;
  RapportDemoRows *rows;
  guint64 step;

  g_assert (RAPPORT_IS_PIPELINE_VIEW (self));

  /* Refused unless the file is still empty: another program may have
   * written to it while the question showed. */
  rows = rapport_store_fill_demo_empty (self->store, DEMO_DEALS, DEMO_CONTACTS, g_random_int (), &error);
  if (rows == NULL)
    {
      rapport_pipeline_view_show_error (self, error);
      return;
    }

  step = rapport_context_push_undo (self->context, _("Loaded the demo data"), remove_demo, rows,
                                    (GDestroyNotify) rapport_demo_rows_free);
  rapport_context_add_toast (self->context,
                             rapport_context_undo_toast_new (self->context, _("Demo data loaded"), step));
}

static void
on_demo_response (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  g_autoptr(RapportPipelineView) self = g_weak_ref_get (user_data);

  if (self != NULL && self->store != NULL && g_strcmp0 (response, "load") == 0)
    rapport_pipeline_view_load_demo (self);
}

static void
weak_ref_free (gpointer  data,
               GClosure *closure)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
rapport_pipeline_view_load_demo_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  RapportPipelineView *self = RAPPORT_PIPELINE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GWeakRef *ref;
  GtkWidget *dialog;

  if (self->store == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Load Demo Data?"),
                                   _("The empty database gets two years of a made-up sales team’s deals, contacts and activities, to show what Rapport does with them. Undo takes it all back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "load", _("_Load Demo Data"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "load", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "load");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_demo_response), ref, weak_ref_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * rapport_pipeline_view_class_init_empty:
 *
 * The action board.load-demo: asks, then fills an empty database with
 * demo data, undoably.
 */
void
rapport_pipeline_view_class_init_empty (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "board.load-demo", NULL,
                                   rapport_pipeline_view_load_demo_action);
}
