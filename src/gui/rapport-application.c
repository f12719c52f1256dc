/* rapport-application.c — the Rapport application: options, actions, store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application owns the one RapportStore of the process and hands it to
 * its windows. It opens the store on activation, not at startup, so that
 * --version and --help never touch a database, and it refuses a file the
 * store will not open with a dialog, a line on stderr and exit status 1.
 */

#define G_LOG_DOMAIN "rapport-application"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-a11y.h"
#include "rapport-application-private.h"
#include "rapport-autostart.h"
#include "rapport-bench-hook.h"
#include "rapport-error.h"
#include "rapport-preferences-window.h"
#include "rapport-reminders.h"
#include "rapport-search-provider.h"
#include "rapport-time.h"
#include "rapport-team-page.h"
#include "rapport-window.h"

struct _RapportApplication
{
  AdwApplication  parent_instance;

  /* Owned references */
  RapportStore   *store;
  RapportReminders *reminders;  /* from activation on, with the store */
  RapportTeamSync  *team_sync;  /* with the store */
  GSettings      *settings;     /* NULL when the schema is not installed */

  /* Owned memory */
  char           *db_path;      /* from --db; NULL for the default file */

  int             exit_status;
  gboolean        background;   /* --background: no window at start */
  gboolean        held;         /* g_application_hold() for the reminders */
  /* The daily backup's timer. It holds no reference: a timer that did
   * would keep the application, and so the store and its connection,
   * alive past the exit. */
  guint           daily_backup_id;
  GdkFrameClock  *first_frame_clock;  /* weak: waiting for its first frame */
  RapportSearchProvider *search_provider;  /* on the bus while registered */
};

G_DEFINE_FINAL_TYPE (RapportApplication, rapport_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_STORE,
  PROP_REMINDERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
daily_backup_check (gpointer data)
{
  rapport_application_daily_backup (RAPPORT_APPLICATION (data));
  return G_SOURCE_CONTINUE;
}

static gboolean
daily_backup_first (gpointer data)
{
  RapportApplication *self = data;

  rapport_application_daily_backup (self);
  self->daily_backup_id = g_timeout_add_seconds_full (G_PRIORITY_LOW, rapport_application_daily_backup_interval (),
                                                      daily_backup_check, self, NULL);
  return G_SOURCE_REMOVE;
}

GSettings *
rapport_application_get_settings (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* Refusal */

static void
on_refusal_response (RapportApplication *self,
                     const char         *response,
                     AdwMessageDialog   *dialog)
{
  g_assert (RAPPORT_IS_APPLICATION (self));

  g_application_quit (G_APPLICATION (self));
}

/* The store's message already names the file and says it was left
 * unchanged; we add nothing to it, so the dialog, stderr and the CLI all
 * say the same thing. */
static void
rapport_application_refuse (RapportApplication *self,
                            const GError       *error)
{
  GtkWidget *dialog;

  g_assert (RAPPORT_IS_APPLICATION (self));

  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  self->exit_status = 1;

  dialog = adw_message_dialog_new (NULL, _("Cannot Open the Database"), error->message);
  gtk_window_set_title (GTK_WINDOW (dialog), _("Rapport"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("Quit"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  /* Escape and the window's close button answer "quit" as well. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");

  /* Belonging to the application keeps the process alive while it shows. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_refusal_response), self,
                           G_CONNECT_SWAPPED);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* The background check found the file damaged after the window showed:
 * nothing was written (the store refuses every write from now on), so the
 * user gets the same refusal as at start-up, instead of the board. */
static void
on_store_damaged (RapportApplication *self,
                  const char         *message,
                  RapportStore       *store)
{
  g_autoptr(GError) error = g_error_new_literal (RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT, message);
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* No more reminders from a file that refuses every write; the refusal
   * dialog keeps the process alive until it is answered. */
  if (self->reminders != NULL)
    {
      g_clear_object (&self->reminders);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMINDERS]);
    }
  if (self->held)
    {
      self->held = FALSE;
      g_application_release (G_APPLICATION (self));
    }

  rapport_application_refuse (self, error);

  for (const GList *l = windows; l; l = l->next)
    if (!ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static void set_action_enabled (RapportApplication *self,
                                const char         *name,
                                gboolean            enabled);

/* The file under the app was deleted, replaced or lost its -wal: the
 * store writes nothing more. The window stays, to look at what was there,
 * over a dialog that says what happened and what to do. */
static void
on_file_lost_response (RapportApplication *self,
                       const char         *response,
                       AdwMessageDialog   *dialog)
{
  if (g_str_equal (response, "quit"))
    g_application_quit (G_APPLICATION (self));
}

static void
on_store_file_lost (RapportApplication *self,
                    const char         *message,
                    RapportStore       *store)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  g_printerr ("%s: %s\n", g_get_prgname (), message);

  /* Reminders would come from a file nobody will see again. */
  if (self->reminders != NULL)
    {
      g_clear_object (&self->reminders);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMINDERS]);
    }
  set_action_enabled (self, "restore", FALSE);

  dialog = adw_message_dialog_new (window, _("Rapport Stopped Saving"), message);
  gtk_window_set_title (GTK_WINDOW (dialog), _("Rapport"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep the Window Open"),
                                    "quit", _("_Quit"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "quit", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_file_lost_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
rapport_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
rapport_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  RapportApplication *self = user_data;
  static const char *developers[] = { "The Rapport developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  g_assert (RAPPORT_IS_APPLICATION (self));

  /* As adw_show_about_window(), with the role screen readers announce
   * (libadwaita 1.2 leaves it a plain window). */
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                        "transient-for", parent,
                        "modal", TRUE,
                        "destroy-with-parent", TRUE,
                        "application-name", _("Rapport"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", "The Rapport developers",
                        "developers", developers,
                        "copyright", "© The Rapport developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/rapportcrm/rapport",
                        "issue-url", "https://github.com/rapportcrm/rapport/issues",
                        /* Translators: your names, one per line, shown in About. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
rapport_application_preferences_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  RapportApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *window;

  g_assert (RAPPORT_IS_APPLICATION (self));

  /* Disabled until the store is open; see rapport_application_activate(). */
  if (self->store == NULL)
    return;

  window = rapport_preferences_window_new (self->store, self->settings);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window),
                              ADW_PREFERENCES_PAGE (rapport_team_page_new (self->team_sync)));
  if (parameter != NULL && g_variant_is_of_type (parameter, G_VARIANT_TYPE_STRING))
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window),
                                                  g_variant_get_string (parameter, NULL));
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

/* The pages under help/C/, installed for Yelp as share/help/C/rapport/. */
static void
rapport_application_help_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  RapportApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_assert (RAPPORT_IS_APPLICATION (self));

  gtk_show_uri (parent, "help:rapport", GDK_CURRENT_TIME);
}

/* The header's team status: Sync Now and Team Settings. */
static void
rapport_application_team_sync_now_action (GSimpleAction *action,
                                          GVariant      *parameter,
                                          gpointer       user_data)
{
  RapportApplication *self = user_data;

  if (self->team_sync != NULL)
    rapport_team_sync_sync_now (self->team_sync);
}

static void
rapport_application_team_settings_action (GSimpleAction *action,
                                          GVariant      *parameter,
                                          gpointer       user_data)
{
  g_autoptr(GVariant) page = g_variant_ref_sink (g_variant_new_string ("team"));

  rapport_application_preferences_action (action, page, user_data);
}

static const GActionEntry app_actions[] = {
  { "quit", rapport_application_quit_action },
  { "help", rapport_application_help_action },
  { "about", rapport_application_about_action },
  { "preferences", rapport_application_preferences_action },
  { "team-sync-now", rapport_application_team_sync_now_action },
  { "team-settings", rapport_application_team_settings_action },
};

static void
set_action_enabled (RapportApplication *self,
                    const char         *name,
                    gboolean            enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* Reminders and running in the background */

static gboolean
rapport_application_get_run_in_background (RapportApplication *self)
{
  g_assert (RAPPORT_IS_APPLICATION (self));

  /* Without the schema, its default. */
  return self->settings == NULL || g_settings_get_boolean (self->settings, "run-in-background");
}

/* Closing the window must not end the reminders: while follow-ups are
 * pending (or when started for the background) the application holds
 * itself. Ctrl+Q still quits: g_application_quit() ignores holds. */
static void
rapport_application_update_hold (RapportApplication *self)
{
  gboolean want;

  g_assert (RAPPORT_IS_APPLICATION (self));

  want = self->reminders != NULL &&
         rapport_application_get_run_in_background (self) &&
         (self->background || rapport_reminders_get_has_pending (self->reminders));

  if (want == self->held)
    return;

  self->held = want;
  if (want)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
}

static void
rapport_application_sync_autostart (RapportApplication *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (RAPPORT_IS_APPLICATION (self));

  /* The entry follows the settings; without a schema, nobody set them. */
  if (self->settings == NULL)
    return;

  if (!rapport_autostart_sync (g_get_user_config_dir (),
                               rapport_application_get_run_in_background (self) &&
                               g_settings_get_boolean (self->settings, "start-at-login"),
                               self->db_path, &error))
    g_warning ("Could not update the autostart entry: %s", error->message);
}

static void
on_run_in_background_changed (RapportApplication *self,
                              const char         *key,
                              GSettings          *settings)
{
  g_assert (RAPPORT_IS_APPLICATION (self));

  rapport_application_sync_autostart (self);
  rapport_application_update_hold (self);
}

static gboolean
close_window_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* The first time the window closes while Rapport would keep running for
 * its reminders, it says so, how to stop it, and asks whether to start
 * at login too; afterwards closing just closes. */
static void
on_background_question (RapportApplication *self,
                        const char         *response,
                        AdwMessageDialog   *dialog)
{
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  GtkCheckButton *login = g_object_get_data (G_OBJECT (dialog), "rapport-start-at-login");

  g_assert (RAPPORT_IS_APPLICATION (self));

  if (g_str_equal (response, "cancel"))
    return;

  g_settings_set_boolean (self->settings, "background-explained", TRUE);
  if (g_str_equal (response, "quit"))
    {
      g_application_quit (G_APPLICATION (self));
      return;
    }

  if (gtk_check_button_get_active (login))
    g_settings_set_boolean (self->settings, "start-at-login", TRUE);
  /* Once the dialog is done with its response: it goes with the window.
   * The question is answered, so this close goes through. */
  if (window != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT, close_window_cb, g_object_ref (window), g_object_unref);
}

static gboolean
on_window_close_request (RapportApplication *self,
                         GtkWindow          *window)
{
  AdwMessageDialog *dialog;
  GtkWidget *login;

  g_assert (RAPPORT_IS_APPLICATION (self));

  if (!self->held || self->settings == NULL ||
      g_settings_get_boolean (self->settings, "background-explained"))
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Keep Reminding You?"),
                                                       _("Follow-ups are still pending, so Rapport keeps running without its window and reminds you when they are due. To stop it, choose Quit in the menu or press Ctrl+Q; Preferences can turn running in the background off.")));
  /* The window manager's title, for the dialog to be found by name. */
  gtk_window_set_title (GTK_WINDOW (dialog), _("Keep Reminding You?"));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("Cancel"),
                                    "quit", _("Quit"),
                                    "keep", _("Keep Running"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "cancel");

  login = gtk_check_button_new_with_label (_("Also start Rapport in the background when I log in"));
  adw_message_dialog_set_extra_child (dialog, login);
  g_object_set_data (G_OBJECT (dialog), "rapport-start-at-login", login);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_background_question), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static GtkWindow *
rapport_application_present_window (RapportApplication *self,
                                    const char         *startup_id)
{
  GtkWindow *window;

  g_assert (RAPPORT_IS_APPLICATION (self));
  g_assert (RAPPORT_IS_STORE (self->store));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (rapport_window_new (GTK_APPLICATION (self), self->store));
      rapport_window_set_team_sync (RAPPORT_WINDOW (window), self->team_sync);
      g_signal_connect_object (window, "close-request", G_CALLBACK (on_window_close_request), self,
                               G_CONNECT_SWAPPED);
      rapport_bench_hook_mark ("window made");
      rapport_bench_hook_watch (window);
    }

  /* The token the notification server gave lets the window take focus. */
  if (startup_id != NULL)
    gtk_window_set_startup_id (window, startup_id);
  gtk_window_present (window);
  rapport_bench_hook_mark ("window presented");

  return window;
}

/* "Open" on a reminder, or a click on it: the window, made again if it
 * was closed, on the follow-up's deal or contact (the summary of many
 * opens the window as it was). */
static void
on_reminders_open_requested (RapportApplication *self,
                             RapportRecord      *record,
                             RapportReminders   *reminders)
{
  GtkWindow *window;

  g_assert (RAPPORT_IS_APPLICATION (self));

  window = rapport_application_present_window (self, rapport_reminders_get_activation_token (reminders));
  if (record == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (window),
                              RAPPORT_IS_DEAL (record) ? "win.open-deal" : "win.open-contact",
                              "x", rapport_record_get_id (record));
}

static void
on_reminders_has_pending (RapportApplication *self,
                          GParamSpec         *pspec,
                          RapportReminders   *reminders)
{
  rapport_application_update_hold (self);
}

static void
rapport_application_start_reminders (RapportApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_assert (RAPPORT_IS_APPLICATION (self));
  g_assert (RAPPORT_IS_STORE (self->store));

  if (self->reminders != NULL)
    return;

  /* As the window does: a missing schema costs the settings, not the
   * process (the window already says so). */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);

  self->reminders = rapport_reminders_new (self->store, RAPPORT_REMINDERS_DEFAULT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMINDERS]);
  g_signal_connect_object (self->reminders, "open-requested",
                           G_CALLBACK (on_reminders_open_requested), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reminders, "notify::has-pending",
                           G_CALLBACK (on_reminders_has_pending), self,
                           G_CONNECT_SWAPPED);

  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "reminder-lead-time", self->reminders, "lead-time",
                       G_SETTINGS_BIND_GET);
      g_signal_connect_object (self->settings, "changed::run-in-background",
                               G_CALLBACK (on_run_in_background_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::start-at-login",
                               G_CALLBACK (on_run_in_background_changed), self,
                               G_CONNECT_SWAPPED);
    }

  rapport_application_sync_autostart (self);
  rapport_application_update_hold (self);
}

/* After the first frame */

static void on_first_frame (RapportApplication *self,
                            GdkFrameClock      *clock);

static void
rapport_application_stop_waiting_for_frame (RapportApplication *self)
{
  g_assert (RAPPORT_IS_APPLICATION (self));

  if (self->first_frame_clock == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->first_frame_clock, on_first_frame, self);
  g_object_remove_weak_pointer (G_OBJECT (self->first_frame_clock),
                                (gpointer *) &self->first_frame_clock);
  self->first_frame_clock = NULL;
}

static void
on_first_frame (RapportApplication *self,
                GdkFrameClock      *clock)
{
  g_assert (RAPPORT_IS_APPLICATION (self));

  rapport_application_stop_waiting_for_frame (self);
  rapport_bench_hook_mark ("after the first frame: starting the reminders");
  if (self->store != NULL)
    rapport_application_start_reminders (self);
}

/* The reminders read the follow-ups, may start the notification server
 * over D-Bus and show a notification: nothing of that is on the board,
 * and on a machine of two cores it would take one from the board's first
 * frame. So they start when that frame is drawn (at once when @window
 * will draw none). */
static void
rapport_application_start_reminders_after_frame (RapportApplication *self,
                                                 GtkWindow          *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  g_assert (RAPPORT_IS_APPLICATION (self));

  if (self->reminders != NULL || self->first_frame_clock != NULL)
    return;

  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    {
      rapport_application_start_reminders (self);
      return;
    }

  self->first_frame_clock = clock;
  g_object_add_weak_pointer (G_OBJECT (clock), (gpointer *) &self->first_frame_clock);
  g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (on_first_frame), self);
}

/* GApplication */

static int
rapport_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "rapport", PACKAGE_VERSION);
      return 0;
    }

  /* Kept as given: a relative name in the error message is the one the
   * user typed, and with a non-unique application the working folder
   * cannot change under us. */
  g_clear_pointer (&self->db_path, g_free);
  g_variant_dict_lookup (options, "db", "^ay", &self->db_path);
  self->background = g_variant_dict_contains (options, "background");

  /* On the default database Rapport is one instance per session:
   * starting it again raises the running one (whose reminders already
   * run), and a second --background (the autostart entry at a login
   * where it is running already) does nothing. With --db each process
   * keeps to the file it was given. */
  if (self->db_path == NULL)
    {
      g_autoptr(GError) error = NULL;

      g_application_set_flags (app, g_application_get_flags (app) & ~G_APPLICATION_NON_UNIQUE);
      if (!g_application_register (app, NULL, &error))
        g_warning ("Could not register on the session bus: %s", error->message);
      else if (g_application_get_is_remote (app) && self->background)
        return 0;
    }

  return -1;
}

static void
rapport_application_startup (GApplication *app)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);

  rapport_bench_hook_mark ("startup");
  G_APPLICATION_CLASS (rapport_application_parent_class)->startup (app);
  rapport_bench_hook_mark ("startup: GTK and libadwaita ready");
  rapport_a11y_init ();

  /* Started by D-Bus (the Shell's search, a launch from the overview):
   * stay a while for the next question instead of starting again. */
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (app, 60 * 1000);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  rapport_application_add_backup_actions (self);
  rapport_application_add_review_actions (self);
  rapport_application_add_process_actions (self);
  set_action_enabled (self, "preferences", FALSE);
  set_action_enabled (self, "weekly-review", FALSE);
  set_action_enabled (self, "export-process", FALSE);
  set_action_enabled (self, "import-process", FALSE);
  set_action_enabled (self, "backup", FALSE);
  set_action_enabled (self, "restore", FALSE);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help",
                                         (const char *[]) { "F1", NULL });
  /* GTK binds only Ctrl+? by default; Ctrl+/ needs no Shift on most layouts. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", "<Control>slash", NULL });
}

static void
rapport_application_activate (GApplication *app)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);
  GtkWindow *window;

  rapport_bench_hook_mark ("activate");

  /* The main window, or the refusal dialog: never a second one. */
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) clock_error = NULL;
      g_autofree char *default_path = NULL;
      const char *path = self->db_path;
      gint64 now = 0;

      if (path == NULL)
        path = default_path = rapport_store_default_path ();

      /* A large file's every page is checked in a thread while the board
       * shows: a damaged one is refused as soon as that is known. */
      self->store = rapport_store_new_full (path, NULL, RAPPORT_STORE_CHECK_IN_BACKGROUND, &error);
      if (self->store == NULL)
        {
          rapport_application_refuse (self, error);
          return;
        }

      /* RAPPORT_NOW pins the clock as it does rapport-cli's, for demos and
       * tests; a malformed one is said and the real clock used. */
      if (!rapport_time_pinned_now (&now, &clock_error))
        g_printerr ("%s: %s\n", g_get_prgname (), clock_error->message);
      else if (now != 0)
        rapport_store_set_now (self->store, now);

      rapport_bench_hook_mark ("store open");
      g_signal_connect_object (self->store, "damaged", G_CALLBACK (on_store_damaged),
                               self, G_CONNECT_SWAPPED);

      /* rapport-cli and other instances may write to the same file. */
      rapport_store_watch_external (self->store, 500);
      /* In step with the team (when the file is in one), from now on. */
      self->team_sync = rapport_team_sync_new (self->store);
      g_signal_connect_object (self->store, "file-lost", G_CALLBACK (on_store_file_lost),
                               self, G_CONNECT_SWAPPED);
      self->daily_backup_id = g_timeout_add_seconds_full (G_PRIORITY_LOW, rapport_application_daily_backup_delay (),
                                                          daily_backup_first, self, NULL);
      set_action_enabled (self, "preferences", TRUE);
      set_action_enabled (self, "backup", TRUE);
      set_action_enabled (self, "restore", TRUE);
      set_action_enabled (self, "weekly-review", TRUE);
      set_action_enabled (self, "export-process", TRUE);
      set_action_enabled (self, "import-process", TRUE);
      if (self->search_provider != NULL)
        rapport_search_provider_set_store (self->search_provider, self->store);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }

  /* --background (the autostart entry): reminders only, until one is
   * opened. Turned off in the preferences, there is nothing to do. */
  if (self->background)
    {
      rapport_application_start_reminders (self);
      if (!rapport_application_get_run_in_background (self))
        g_printerr ("%s: %s\n", g_get_prgname (),
                    _("Running in the background is turned off in the preferences"));
      return;
    }

  window = rapport_application_present_window (self, NULL);
  rapport_application_start_reminders_after_frame (self, window);
}

static void
rapport_application_shutdown (GApplication *app)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);

  G_APPLICATION_CLASS (rapport_application_parent_class)->shutdown (app);

  rapport_application_stop_waiting_for_frame (self);
  g_clear_handle_id (&self->daily_backup_id, g_source_remove);

  /* Before the store: the reminders' thread takes back the notifications
   * whose buttons nobody would answer any more (bounded: a frozen
   * notification server does not hold the exit). */
  g_clear_object (&self->reminders);
  if (self->team_sync != NULL)
    rapport_team_sync_stop (self->team_sync);

  /* Stop polling the file; the windows that used the store are gone. */
  if (self->store != NULL)
    rapport_store_watch_external (self->store, 0);
}

/* GNOME Shell's search: a result opens its page, "search in the app"
 * the app's search, in the window made if need be. */
static void
on_search_activate_result (RapportApplication *self,
                           int                 kind,
                           gint64              id,
                           guint               timestamp)
{
  static const char * const actions[] = {
    [RAPPORT_SEARCH_CONTACT] = "win.open-contact",
    [RAPPORT_SEARCH_ORGANIZATION] = "win.open-organization",
    [RAPPORT_SEARCH_DEAL] = "win.open-deal",
  };
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  if ((window = gtk_application_get_active_window (GTK_APPLICATION (self))) == NULL || self->store == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (window), actions[kind], "x", id);
  gtk_window_present_with_time (window, timestamp);
}

static void
on_search_launch (RapportApplication *self,
                  const char         *text,
                  guint               timestamp)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  if ((window = gtk_application_get_active_window (GTK_APPLICATION (self))) == NULL || self->store == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search-for", "s", text);
  gtk_window_present_with_time (window, timestamp);
}

static gboolean
rapport_application_dbus_register (GApplication     *app,
                                   GDBusConnection  *connection,
                                   const char       *object_path,
                                   GError          **error)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);
  g_autofree char *path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (rapport_application_parent_class)->dbus_register (app, connection, object_path, error))
    return FALSE;

  self->search_provider = rapport_search_provider_new (app, self->db_path);
  rapport_search_provider_set_store (self->search_provider, self->store);
  g_signal_connect_object (self->search_provider, "activate-result",
                           G_CALLBACK (on_search_activate_result), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_provider, "launch-search",
                           G_CALLBACK (on_search_launch), self, G_CONNECT_SWAPPED);
  return rapport_search_provider_export (self->search_provider, connection, path, error);
}

static void
rapport_application_dbus_unregister (GApplication    *app,
                                     GDBusConnection *connection,
                                     const char      *object_path)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);

  if (self->search_provider != NULL)
    rapport_search_provider_unexport (self->search_provider);
  g_clear_object (&self->search_provider);

  G_APPLICATION_CLASS (rapport_application_parent_class)->dbus_unregister (app, connection, object_path);
}

/* GObject */

static void
rapport_application_dispose (GObject *object)
{
  RapportApplication *self = RAPPORT_APPLICATION (object);

  rapport_application_stop_waiting_for_frame (self);
  g_clear_object (&self->reminders);
  g_clear_object (&self->settings);
  g_clear_object (&self->search_provider);
  g_clear_object (&self->team_sync);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_application_parent_class)->dispose (object);
}

static void
rapport_application_finalize (GObject *object)
{
  RapportApplication *self = RAPPORT_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (rapport_application_parent_class)->finalize (object);
}

static void
rapport_application_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportApplication *self = RAPPORT_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_REMINDERS:
      g_value_set_object (value, self->reminders);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_application_class_init (RapportApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = rapport_application_dispose;
  object_class->finalize = rapport_application_finalize;
  object_class->get_property = rapport_application_get_property;

  app_class->handle_local_options = rapport_application_handle_local_options;
  app_class->startup = rapport_application_startup;
  app_class->activate = rapport_application_activate;
  app_class->dbus_register = rapport_application_dbus_register;
  app_class->dbus_unregister = rapport_application_dbus_unregister;
  app_class->shutdown = rapport_application_shutdown;

  /**
   * RapportApplication:store:
   *
   * The open database, or %NULL before activation and after a refusal.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportApplication:reminders:
   *
   * The reminders of follow-ups, or %NULL: from the first frame of the
   * first window on (from activation on with --background). The window
   * shows RapportReminders::in-app-reminder.
   */
  properties[PROP_REMINDERS] =
    g_param_spec_object ("reminders", NULL, NULL,
                         RAPPORT_TYPE_REMINDERS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_application_init (RapportApplication *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the database FILE instead of the default one"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and exit"), NULL },
    { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start without a window and show reminders of follow-ups"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

/**
 * rapport_application_new:
 *
 * Non-unique with --db: each process works on the database it was given,
 * so two instances (or a test beside a user's session) never hand their
 * command line to each other. On the default database it is made unique
 * in rapport_application_handle_local_options().
 */
RapportApplication *
rapport_application_new (void)
{
  return g_object_new (RAPPORT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/rapportcrm/Rapport",
                       NULL);
}

/**
 * rapport_application_get_store:
 *
 * Returns: (transfer none) (nullable): the open database
 */
RapportStore *
rapport_application_get_store (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * rapport_application_get_exit_status:
 *
 * Returns: 1 when the database was refused, else 0
 */
int
rapport_application_get_exit_status (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), 1);

  return self->exit_status;
}
