/* rapport-preferences-window.c — Preferences (Ctrl+,)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two kinds of settings side by side: those of the data, written through
 * the store (every program on the file and the whole team sees them, and
 * the window follows another program's change from the store's notices),
 * and those of this computer, bound to GSettings. Without the schema
 * installed the second kind is not shown.
 */

#define G_LOG_DOMAIN "rapport-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-choices-group.h"
#include "rapport-preferences-window.h"
#include "rapport-store-settings.h"

struct _RapportPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *currency_row;
  GtkSpinButton        *speed_spin;
  AdwPreferencesGroup  *reminders_group;
  AdwComboRow          *reminder_row;
  GtkSwitch            *background_switch;
  GtkWidget            *login_row;
  GtkSwitch            *login_switch;
  AdwPreferencesGroup  *backups_group;
  GtkSpinButton        *backup_spin;
  RapportChoicesGroup  *reasons_group;
  RapportChoicesGroup  *sources_group;

  /* Owned references */
  RapportStore         *store;
  GSettings            *settings;  /* NULL without the schema */

  /* Owned memory: what each combo position stands for */
  GPtrArray            *currencies;    /* ISO 4217 codes */
  GArray               *lead_times;    /* minutes */

  /* Filling a row from a setting writes nothing back. */
  gboolean              filling;
};

G_DEFINE_FINAL_TYPE (RapportPreferencesWindow, rapport_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The currencies offered, the most traded first; a file's other code is
 * offered as well. */
static const struct
{
  const char *code;
  const char *name;
} common_currencies[] = {
  { "USD", N_("US Dollar (USD)") },
  { "EUR", N_("Euro (EUR)") },
  { "GBP", N_("British Pound (GBP)") },
  { "JPY", N_("Japanese Yen (JPY)") },
  { "CNY", N_("Chinese Yuan (CNY)") },
  { "CHF", N_("Swiss Franc (CHF)") },
  { "CAD", N_("Canadian Dollar (CAD)") },
  { "AUD", N_("Australian Dollar (AUD)") },
  { "KRW", N_("Korean Won (KRW)") },
  { "INR", N_("Indian Rupee (INR)") },
  { "BRL", N_("Brazilian Real (BRL)") },
  { "MXN", N_("Mexican Peso (MXN)") },
  { "SEK", N_("Swedish Krona (SEK)") },
  { "NOK", N_("Norwegian Krone (NOK)") },
  { "DKK", N_("Danish Krone (DKK)") },
  { "PLN", N_("Polish Złoty (PLN)") },
  { "CZK", N_("Czech Koruna (CZK)") },
  { "BGN", N_("Bulgarian Lev (BGN)") },
  { "ILS", N_("Israeli Shekel (ILS)") },
  { "ZAR", N_("South African Rand (ZAR)") },
};

/* How early the first reminder of a new lead's follow-up comes, in
 * minutes (the schema allows 0 to 120). */
static const int common_lead_times[] = { 0, 5, 10, 15, 30, 60 };

static void
show_error (RapportPreferencesWindow *self,
            const char               *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
on_failed (RapportPreferencesWindow *self,
           const char               *message)
{
  show_error (self, message);
}

/* Lists: a removal is said, with its Undo. */

static void
on_choice_removed (RapportPreferencesWindow *self,
                   const char               *label,
                   guint                     position,
                   RapportChoicesGroup      *group)
{
  g_autofree char *title = g_strdup_printf (_("Removed “%s”"), label);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "preferences.restore-choice");
  adw_toast_set_action_target_value (toast, g_variant_new ("(isu)", rapport_choices_group_get_list (group),
                                                           label, position));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
restore_choice_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *label;
  guint position;
  int list;

  g_variant_get (parameter, "(i&su)", &list, &label, &position);
  if (!rapport_store_insert_choice (self->store, list, label, position, &error))
    show_error (self, error->message);
}

/* Money */

static guint
find_currency (RapportPreferencesWindow *self,
               const char               *code)
{
  for (guint i = 0; i < self->currencies->len; i++)
    if (g_str_equal (self->currencies->pdata[i], code))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* The list's rows show the whole name (the combo row's own would cut the
 * longer ones: "South African Rand (Z…"), and a check on the one in use. */
static void
on_currency_item_setup (RapportPreferencesWindow *self,
                        GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
sync_currency_check (GtkListItem *item,
                     GParamSpec  *pspec,
                     AdwComboRow *row)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_opacity (check, adw_combo_row_get_selected (row) == gtk_list_item_get_position (item));
}

static void
on_currency_item_bind (RapportPreferencesWindow *self,
                       GtkListItem              *item)
{
  GtkStringObject *name = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (name));
  g_signal_connect_object (self->currency_row, "notify::selected", G_CALLBACK (sync_currency_check), item,
                           G_CONNECT_SWAPPED);
  sync_currency_check (item, NULL, self->currency_row);
}

static void
on_currency_item_unbind (RapportPreferencesWindow *self,
                         GtkListItem              *item)
{
  /* Also when the window goes, its template children already cleared. */
  if (self->currency_row != NULL)
    g_signal_handlers_disconnect_by_func (self->currency_row, sync_currency_check, item);
}

static void
fill_currency (RapportPreferencesWindow *self)
{
  const char *current = rapport_store_get_default_currency (self->store);
  g_autoptr(GtkStringList) names = NULL;

  self->filling = TRUE;
  if (find_currency (self, current) == GTK_INVALID_LIST_POSITION)
    {
      names = gtk_string_list_new (NULL);
      g_ptr_array_set_size (self->currencies, 0);
      for (guint i = 0; i < G_N_ELEMENTS (common_currencies); i++)
        {
          g_ptr_array_add (self->currencies, (gpointer) common_currencies[i].code);
          gtk_string_list_append (names, _(common_currencies[i].name));
        }
      /* A code of the file that is not common: offered by itself. */
      if (find_currency (self, current) == GTK_INVALID_LIST_POSITION)
        {
          g_ptr_array_add (self->currencies, (gpointer) g_intern_string (current));
          gtk_string_list_append (names, current);
        }
      adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (names));
    }
  adw_combo_row_set_selected (self->currency_row, find_currency (self, current));
  self->filling = FALSE;
}

static void
on_currency_selected (RapportPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->currency_row);
  g_autoptr(GError) error = NULL;

  if (self->filling || selected >= self->currencies->len)
    return;

  if (!rapport_store_set_default_currency (self->store, self->currencies->pdata[selected], &error))
    {
      show_error (self, error->message);
      fill_currency (self);
    }
}

/* New leads */

static void
on_speed_changed (RapportPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  int minutes = gtk_spin_button_get_value_as_int (self->speed_spin);

  if (self->filling || minutes == rapport_store_get_speed_to_lead_minutes (self->store))
    return;

  if (!rapport_store_set_speed_to_lead_minutes (self->store, minutes, &error))
    {
      /* Show what is stored, not what failed to be. */
      self->filling = TRUE;
      gtk_spin_button_set_value (self->speed_spin, rapport_store_get_speed_to_lead_minutes (self->store));
      self->filling = FALSE;
      show_error (self, error->message);
    }
}

static void
fill_speed (RapportPreferencesWindow *self)
{
  self->filling = TRUE;
  gtk_spin_button_set_value (self->speed_spin, rapport_store_get_speed_to_lead_minutes (self->store));
  self->filling = FALSE;
}

/* The data's settings changed, here or in another program. */
static void
on_setting_notice (RapportPreferencesWindow *self,
                   RapportNotice            *notice,
                   RapportStore             *store)
{
  fill_currency (self);
  fill_speed (self);
}

/* Reminders */

static char *
lead_time_text (int minutes)
{
  if (minutes == 0)
    return g_strdup (_("At the time"));
  if (minutes == 60)
    return g_strdup (_("1 hour before"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute before", "%d minutes before", minutes), minutes);
}

static void
fill_reminder (RapportPreferencesWindow *self)
{
  int current = g_settings_get_int (self->settings, "reminder-lead-time");
  g_autoptr(GtkStringList) texts = gtk_string_list_new (NULL);
  guint selected = 0;

  g_array_set_size (self->lead_times, 0);
  for (guint i = 0; i < G_N_ELEMENTS (common_lead_times); i++)
    {
      /* A time set elsewhere (gsettings) shows in its place. */
      if (current > (i > 0 ? common_lead_times[i - 1] : -1) && current < common_lead_times[i])
        g_array_append_val (self->lead_times, current);
      g_array_append_val (self->lead_times, common_lead_times[i]);
    }
  if (current > common_lead_times[G_N_ELEMENTS (common_lead_times) - 1])
    g_array_append_val (self->lead_times, current);

  for (guint i = 0; i < self->lead_times->len; i++)
    {
      int minutes = g_array_index (self->lead_times, int, i);
      g_autofree char *text = lead_time_text (minutes);

      gtk_string_list_append (texts, text);
      if (minutes == current)
        selected = i;
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->reminder_row, G_LIST_MODEL (texts));
  adw_combo_row_set_selected (self->reminder_row, selected);
  self->filling = FALSE;
}

static void
on_reminder_selected (RapportPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->reminder_row);

  if (self->filling || selected >= self->lead_times->len)
    return;

  g_settings_set_int (self->settings, "reminder-lead-time", g_array_index (self->lead_times, int, selected));
}

static void
on_lead_time_changed (RapportPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->reminder_row);
  int current = g_settings_get_int (self->settings, "reminder-lead-time");

  if (selected >= self->lead_times->len || g_array_index (self->lead_times, int, selected) != current)
    fill_reminder (self);
}

/* Daily backups */

static void
describe_backups (RapportPreferencesWindow *self)
{
  g_autofree char *dir = rapport_store_get_backup_dir (self->store);
  g_autofree char *shown = NULL;
  g_autofree char *description = NULL;
  const char *home = g_get_home_dir ();

  /* As people write their own folder (~/…), isolated from the sentence's
   * direction, so a right-to-left sentence keeps the path in one piece. */
  shown = g_str_has_prefix (dir, home) ? g_strconcat ("\u2066~", dir + strlen (home), "\u2069", NULL)
                                       : g_strconcat ("\u2066", dir, "\u2069", NULL);
  description = g_strdup_printf (_("Once a day Rapport copies the database into “%s”, on this computer. Set 0 days to stop."),
                                 shown);
  adw_preferences_group_set_description (self->backups_group, description);
}

static void
bind_desktop_settings (RapportPreferencesWindow *self)
{
  if (self->settings == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->reminders_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->backups_group), FALSE);
      return;
    }

  fill_reminder (self);
  g_signal_connect_object (self->settings, "changed::reminder-lead-time",
                           G_CALLBACK (on_lead_time_changed), self, G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "run-in-background", self->background_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "start-at-login", self->login_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "run-in-background", self->login_row, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "backup-days", self->backup_spin, "value", G_SETTINGS_BIND_DEFAULT);
  describe_backups (self);
}

/* GObject */

static void
rapport_preferences_window_constructed (GObject *object)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (object);
  g_autoptr(GtkListItemFactory) factory = NULL;

  G_OBJECT_CLASS (rapport_preferences_window_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_currency_item_setup), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_currency_item_bind), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_currency_item_unbind), self, G_CONNECT_SWAPPED);
  adw_combo_row_set_list_factory (self->currency_row, factory);
  fill_currency (self);
  fill_speed (self);
  /* Connected after the first value is shown, so opening writes nothing. */
  g_signal_connect_object (self->speed_spin, "value-changed", G_CALLBACK (on_speed_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notice::setting", G_CALLBACK (on_setting_notice), self,
                           G_CONNECT_SWAPPED);
  rapport_choices_group_set_store (self->reasons_group, self->store);
  rapport_choices_group_set_store (self->sources_group, self->store);
  bind_desktop_settings (self);
}

static void
rapport_preferences_window_dispose (GObject *object)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_preferences_window_parent_class)->dispose (object);
}

static void
rapport_preferences_window_finalize (GObject *object)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->currencies, g_ptr_array_unref);
  g_clear_pointer (&self->lead_times, g_array_unref);

  G_OBJECT_CLASS (rapport_preferences_window_parent_class)->finalize (object);
}

static void
rapport_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_preferences_window_class_init (RapportPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_preferences_window_constructed;
  object_class->dispose = rapport_preferences_window_dispose;
  object_class->finalize = rapport_preferences_window_finalize;
  object_class->get_property = rapport_preferences_window_get_property;
  object_class->set_property = rapport_preferences_window_set_property;

  /**
   * RapportPreferencesWindow:store:
   *
   * The open database, whose settings the window shows and changes.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportPreferencesWindow:settings:
   *
   * The settings of this computer, or %NULL when the schema is not
   * installed (their groups are then hidden).
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_CHOICES_GROUP);

  /* Screen readers announce it as a dialog. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/preferences/preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, speed_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, reminders_group);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, reminder_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, background_switch);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, login_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, login_switch);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, backup_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, reasons_group);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, sources_group);
  gtk_widget_class_bind_template_callback (widget_class, on_currency_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_reminder_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_failed);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_removed);

  gtk_widget_class_install_action (widget_class, "preferences.restore-choice", "(isu)", restore_choice_action);
}

static void
rapport_preferences_window_init (RapportPreferencesWindow *self)
{
  self->currencies = g_ptr_array_new ();
  self->lead_times = g_array_new (FALSE, FALSE, sizeof (int));

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rapport_preferences_window_new:
 * @store: the open database
 * @settings: (nullable): the settings of this computer
 *
 * Returns: (transfer none): a new window, not yet shown
 */
GtkWidget *
rapport_preferences_window_new (RapportStore *store,
                                GSettings    *settings)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (RAPPORT_TYPE_PREFERENCES_WINDOW,
                       "store", store,
                       "settings", settings,
                       NULL);
}
