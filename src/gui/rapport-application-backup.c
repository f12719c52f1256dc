/* rapport-application-backup.c — Back Up… and Restore from Backup…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app's side of rapport_store_backup and rapport_store_restore: a file
 * chooser, a confirmation that says what a restore replaces, and a toast
 * that says where the data it replaced went. A restore goes through the
 * store, so every other program that has the file open follows it; copying
 * a backup over the file by hand is what those programs refuse to write
 * into (RapportStore::file-lost).
 */

#define G_LOG_DOMAIN "rapport-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rapport-format.h"
#include "rapport-application-private.h"
#include "rapport-window.h"

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Back Up… */

/* The chooser has asked before replacing a file: the copy is made beside
 * it and renamed over it, which replaces the name, never what a symlink
 * there points to, and never leaves half a backup under the name. */
static gboolean
back_up_to (RapportApplication  *self,
            const char          *path,
            GError             **error)
{
  RapportStore *store = rapport_application_get_store (self);
  g_autofree char *partial = g_strdup_printf ("%s.partial-%d", path, getpid ());
  const char *db_path = rapport_store_get_path (store);
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

  if (same_file (path, db_path) || same_file (path, wal) || same_file (path, shm))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is the database itself; choose another file for its backup"), path);
      return FALSE;
    }

  g_unlink (partial);
  if (!rapport_store_backup (store, partial, error))
    return FALSE;

  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_IO,
                   _("Cannot save the backup as “%s”: %s"), path, g_strerror (saved_errno));
      g_unlink (partial);
      return FALSE;
    }

  return TRUE;
}

static void
on_backup_chosen (GtkNativeDialog    *chooser,
                  int                 response,
                  RapportApplication *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (!back_up_to (self, path, &error))
    {
      rapport_application_show_error (self, _("Backup Failed"), error);
      return;
    }

  name = g_path_get_basename (path);
  title = g_strdup_printf (_("Backed up to “%s”"), name);
  rapport_application_show_toast (self, adw_toast_new (title));
}

static void
backup_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       data)
{
  RapportApplication *self = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the suggested file name of a backup; %s is today's date. */
  g_autofree char *name = g_strdup_printf (_("Rapport backup %s.db"), date);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Back Up the Database"), window,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Back Up"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  rapport_application_start_in_documents (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_backup_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Restore from Backup… */

static void
on_restore_confirmed (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          data)
{
  RapportApplication *self = data;
  const char *path = g_object_get_data (G_OBJECT (dialog), "backup-path");
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_name = NULL;
  g_autofree char *title = NULL;

  if (!g_str_equal (response, "restore"))
    return;

  if (!rapport_store_restore (rapport_application_get_store (self), path, &saved, &error))
    {
      rapport_application_show_error (self, _("Nothing Was Restored"), error);
      return;
    }

  saved_name = g_path_get_basename (saved);
  title = g_strdup_printf (_("Restored; the data from before is kept in “%s”"), saved_name);
  rapport_application_show_toast (self, adw_toast_new (title));
}

/* "Contacts: 1204. Organizations: 310. Deals: 5000. Its last change was
 * on 02/12/2026." — or NULL when it is no backup of ours that
 * this Rapport can read (refused as the store refuses any such file). */
static char *
describe_backup (const char  *path,
                 GError     **error)
{
  g_autoptr(RapportStore) backup = rapport_store_new_full (path, NULL, RAPPORT_STORE_READ_ONLY, error);
  g_autoptr(GDateTime) changed = NULL;
  g_autofree char *date = NULL;
  g_autofree char *counts = NULL;
  RapportStoreSummary summary;

  if (backup == NULL || !rapport_store_get_summary (backup, &summary, error))
    return NULL;
  counts = g_strdup_printf (_("Contacts: %u. Organizations: %u. Deals: %u."),
                            summary.contacts, summary.organizations, summary.deals);
  if (summary.last_change == 0)
    return g_steal_pointer (&counts);
  changed = g_date_time_new_from_unix_local (summary.last_change);
  date = rapport_format_date_time (changed, "yMMMd", "%x");
  /* Translators: the first %s says what a backup holds, the second is a date. */
  return g_strdup_printf (_("%s Its last change was on %s."), counts, date);
}

static void
on_restore_chosen (GtkNativeDialog    *chooser,
                   int                 response,
                   RapportApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *holds = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  /* Looked at first, read only: what it holds, or why it cannot be. (Not
   * the database itself: a second store on it would close a descriptor of
   * it when done, and the window's locks with it.) */
  if (same_file (path, rapport_store_get_path (rapport_application_get_store (self))))
    {
      g_set_error (&error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is the database itself; choose one of its backups"), path);
      rapport_application_show_error (self, _("This File Cannot Be Restored"), error);
      return;
    }
  if ((holds = describe_backup (path, &error)) == NULL)
    {
      rapport_application_show_error (self, _("This File Cannot Be Restored"), error);
      return;
    }
  name = g_path_get_basename (path);
  heading = g_strdup_printf (_("Restore “%s”?"), name);
  body = g_strdup_printf (_("%s Everything in Rapport now is replaced by what the backup holds, "
                            "also for other programs that have the database open. A copy of "
                            "the data as it is now is saved beside the database first."), holds);
  dialog = adw_message_dialog_new (window, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_steal_pointer (&path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_confirmed), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  RapportApplication *self = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Restore from a Backup"), window,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  rapport_application_start_in_documents (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_restore_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const GActionEntry backup_actions[] = {
  { "backup", backup_action },
  { "restore", restore_action },
};

void
rapport_application_add_backup_actions (RapportApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), backup_actions, G_N_ELEMENTS (backup_actions), self);
}

/* Daily backups */

/* Once a day, a copy of the database in the user's data folder, the last
 * days of them kept (the backup-days setting; 0 turns them off). Written
 * on a worker thread through connections of its own, so a big file never
 * holds the window up; first a while after the start, then looked at
 * every hour, so a window left open overnight makes the next day's. */
#define FIRST_DAILY_BACKUP_SECONDS 30
#define DAILY_BACKUP_CHECK_SECONDS 3600

typedef struct
{
  char   *db_path;
  char   *dest;
  char   *dir;
  guint   keep_days;
  gint64  now;
} DailyBackup;

static void
daily_backup_free (gpointer data)
{
  DailyBackup *backup = data;

  g_free (backup->db_path);
  g_free (backup->dest);
  g_free (backup->dir);
  g_free (backup);
}

static void
daily_backup_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  DailyBackup *backup = task_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_backup_copy (backup->db_path, backup->dest, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  rapport_backup_prune (backup->dir, backup->keep_days, backup->now);
  g_task_return_boolean (task, TRUE);
}

static void
on_daily_backup_done (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  RapportApplication *self = RAPPORT_APPLICATION (source);
  g_autoptr(GError) error = NULL;

  g_object_set_data (G_OBJECT (self), "rapport-daily-backup-running", NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *title = g_strdup_printf (_("Today’s backup could not be written: %s"), error->message);

      g_warning ("%s", title);
      rapport_application_show_toast (self, adw_toast_new (title));
    }
}

void
rapport_application_daily_backup (RapportApplication *self)
{
  RapportStore *store = rapport_application_get_store (self);
  GSettings *settings = rapport_application_get_settings (self);
  int keep_days = settings != NULL ? g_settings_get_int (settings, "backup-days") : 7;
  g_autoptr(GTask) task = NULL;
  DailyBackup *backup;
  char *dest;

  if (store == NULL || keep_days <= 0 ||
      g_object_get_data (G_OBJECT (self), "rapport-daily-backup-running") != NULL ||
      (dest = rapport_store_daily_backup_due (store)) == NULL)
    return;

  backup = g_new0 (DailyBackup, 1);
  backup->db_path = g_strdup (rapport_store_get_path (store));
  backup->dest = dest;
  backup->dir = rapport_store_get_backup_dir (store);
  backup->keep_days = keep_days;
  backup->now = rapport_store_now (store);
  g_object_set_data (G_OBJECT (self), "rapport-daily-backup-running", GINT_TO_POINTER (TRUE));
  /* The task holds the application only while a copy is being made. */
  task = g_task_new (self, NULL, on_daily_backup_done, NULL);
  g_task_set_task_data (task, backup, daily_backup_free);
  g_task_run_in_thread (task, daily_backup_thread);
}

guint
rapport_application_daily_backup_delay (void)
{
  const char *delay = g_getenv ("RAPPORT_FIRST_BACKUP_SECONDS");

  /* The tests ask for it at once. */
  return delay != NULL ? (guint) g_ascii_strtoull (delay, NULL, 10) : FIRST_DAILY_BACKUP_SECONDS;
}

guint
rapport_application_daily_backup_interval (void)
{
  return DAILY_BACKUP_CHECK_SECONDS;
}
