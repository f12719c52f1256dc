/* rapport-window.c — the main window: header bar, view switcher, views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window holds three views in an AdwViewStack, switched from the header
 * bar when wide and from a bar at the bottom when narrow. Until the
 * pipeline board lands, the Pipeline page is a plain overview: one column
 * per stage of the current pipeline with its number of open deals.
 */

#define G_LOG_DOMAIN "rapport-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-window.h"

struct _RapportWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *pipeline_title;
  GtkLabel             *pipeline_summary;
  GtkBox               *stage_row;

  /* Owned references */
  RapportStore         *store;
  GSettings            *settings;      /* NULL when the schema is not installed */
  GPtrArray            *stage_deals;   /* GListModel per column, in stage order */
  GPtrArray            *count_labels;  /* GtkLabel per column, borrowed from the row */

  /* Owned memory */
  char                 *search_text;
};

G_DEFINE_FINAL_TYPE (RapportWindow, rapport_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Pipeline overview */

static char *
format_open_deals (guint n)
{
  return g_strdup_printf (ngettext ("%u open deal", "%u open deals", n), n);
}

/* Counts only: the columns stay, so focus and scrolling are kept. */
static void
rapport_window_update_counts (RapportWindow *self)
{
  guint total = 0;
  g_autofree char *deals = NULL;
  g_autofree char *summary = NULL;

  g_assert (RAPPORT_IS_WINDOW (self));

  for (guint i = 0; i < self->stage_deals->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (self->count_labels, i);
      GtkWidget *column = gtk_widget_get_parent (gtk_widget_get_parent (label));
      guint n = g_list_model_get_n_items (g_ptr_array_index (self->stage_deals, i));
      g_autofree char *count = g_strdup_printf ("%u", n);
      g_autofree char *description = format_open_deals (n);

      gtk_label_set_label (GTK_LABEL (label), count);
      gtk_accessible_update_property (GTK_ACCESSIBLE (column),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
      total += n;
    }

  deals = format_open_deals (total);
  /* Translators: the first %s is “N open deals”, then the number of stages. */
  summary = g_strdup_printf (ngettext ("%s in %u stage", "%s in %u stages", self->stage_deals->len),
                             deals, self->stage_deals->len);
  gtk_label_set_label (self->pipeline_summary, summary);
}

static GtkWidget *
create_stage_column (RapportWindow *self,
                     RapportStage  *stage,
                     GtkWidget    **count_label)
{
  GtkWidget *column;
  GtkWidget *header;
  GtkWidget *name;
  GtkWidget *count;
  GtkWidget *probability;
  GtkWidget *purpose;
  g_autofree char *probability_text = NULL;
  const char *purpose_text = rapport_stage_get_purpose (stage);

  g_assert (RAPPORT_IS_WINDOW (self));

  column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (column, "stage-column");
  gtk_widget_set_hexpand (column, TRUE);
  /* Screen readers and tests find a column by its stage. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (column),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, rapport_stage_get_name (stage),
                                  -1);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (column), header);

  name = gtk_label_new (rapport_stage_get_name (stage));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_tooltip_text (name, rapport_stage_get_name (stage));
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (header), name);

  count = gtk_label_new (NULL);
  gtk_widget_add_css_class (count, "stage-count");
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), count);

  /* Translators: a stage's chance of winning a deal; “%%” is the percent sign. */
  probability_text = g_strdup_printf (_("%d%% win probability"), rapport_stage_get_probability (stage));
  probability = gtk_label_new (probability_text);
  gtk_label_set_xalign (GTK_LABEL (probability), 0);
  gtk_widget_add_css_class (probability, "caption");
  gtk_widget_add_css_class (probability, "dim-label");
  gtk_box_append (GTK_BOX (column), probability);

  if (purpose_text != NULL && *purpose_text != '\0')
    {
      purpose = gtk_label_new (purpose_text);
      gtk_label_set_xalign (GTK_LABEL (purpose), 0);
      gtk_label_set_wrap (GTK_LABEL (purpose), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (purpose), PANGO_WRAP_WORD_CHAR);
      /* Wrapping labels ask for their full width unless told otherwise. */
      gtk_label_set_width_chars (GTK_LABEL (purpose), 16);
      gtk_label_set_max_width_chars (GTK_LABEL (purpose), 30);
      gtk_widget_add_css_class (purpose, "stage-purpose");
      gtk_box_append (GTK_BOX (column), purpose);
    }

  *count_label = count;
  return column;
}

/* Stages come and go rarely (a template added, a stage renamed), so the
 * columns are simply built again. */
static void
rapport_window_rebuild_stages (RapportWindow *self)
{
  g_autoptr(RapportPipeline) pipeline = NULL;
  GListModel *stages;
  GtkWidget *child;

  g_assert (RAPPORT_IS_WINDOW (self));

  for (guint i = 0; i < self->stage_deals->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->stage_deals, i), self);
  g_ptr_array_set_size (self->stage_deals, 0);
  g_ptr_array_set_size (self->count_labels, 0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stage_row))) != NULL)
    gtk_box_remove (self->stage_row, child);

  /* rapport_store_get_current_pipeline() hands out a reference. */
  pipeline = rapport_store_get_current_pipeline (self->store);
  if (pipeline == NULL)
    {
      gtk_label_set_label (self->pipeline_title, _("No Sales Process"));
      gtk_label_set_label (self->pipeline_summary, "");
      return;
    }

  gtk_label_set_label (self->pipeline_title, rapport_pipeline_get_name (pipeline));

  stages = rapport_store_get_stages (self->store, pipeline);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);
      GListModel *deals = rapport_store_get_stage_deals (self->store, stage);
      GtkWidget *count = NULL;
      GtkWidget *column = create_stage_column (self, stage, &count);

      /* The list follows changed::deal itself; its items-changed is what
       * tells us its count is current. */
      g_signal_connect_object (deals, "items-changed",
                               G_CALLBACK (rapport_window_update_counts), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (self->stage_deals, deals);
      g_ptr_array_add (self->count_labels, count);
      gtk_box_append (self->stage_row, column);
    }

  rapport_window_update_counts (self);
}

static void
on_store_structure_changed (RapportWindow *self,
                            const char    *table,
                            gint64         id,
                            RapportStore  *store)
{
  g_assert (RAPPORT_IS_WINDOW (self));

  rapport_window_rebuild_stages (self);
}

/* Search */

static void
on_search_changed (RapportWindow  *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_assert (RAPPORT_IS_WINDOW (self));

  if (g_strcmp0 (text, self->search_text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

/* Actions */

static void
rapport_window_search_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
rapport_window_show_view_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* Installed but disabled: the deal and lead editors arrive with the board,
 * and a button that does nothing should look like it. */
static void
rapport_window_not_yet_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  g_debug ("%s is not implemented yet", action_name);
}

/* Settings */

static void
rapport_window_bind_settings (RapportWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_assert (RAPPORT_IS_WINDOW (self));

  /* g_settings_new() aborts on a missing schema; running from the build
   * tree without GSETTINGS_SCHEMA_DIR should cost the saved size, not the
   * process. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; the window size and view will not be saved",
                 APPLICATION_ID);
      return;
    }

  self->settings = g_settings_new_full (schema, NULL, NULL);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "last-view", self->view_stack, "visible-child-name", G_SETTINGS_BIND_DEFAULT);
}

/* Before the template goes: a view stack losing its pages would otherwise
 * write a NULL page name into last-view. */
static void
rapport_window_unbind_settings (RapportWindow *self)
{
  if (self->settings == NULL)
    return;

  g_settings_unbind (self, "default-width");
  g_settings_unbind (self, "default-height");
  g_settings_unbind (self, "maximized");
  g_settings_unbind (self->view_stack, "visible-child-name");
  g_clear_object (&self->settings);
}

/* GObject */

static void
rapport_window_constructed (GObject *object)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  G_OBJECT_CLASS (rapport_window_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));

  rapport_window_bind_settings (self);

  g_signal_connect_object (self->store, "changed::pipeline",
                           G_CALLBACK (on_store_structure_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed::stage",
                           G_CALLBACK (on_store_structure_changed), self,
                           G_CONNECT_SWAPPED);
  rapport_window_rebuild_stages (self);
}

static void
rapport_window_dispose (GObject *object)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  rapport_window_unbind_settings (self);

  if (self->stage_deals != NULL)
    {
      for (guint i = 0; i < self->stage_deals->len; i++)
        g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->stage_deals, i), self);
    }
  g_clear_pointer (&self->stage_deals, g_ptr_array_unref);
  g_clear_pointer (&self->count_labels, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_WINDOW);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_window_parent_class)->dispose (object);
}

static void
rapport_window_finalize (GObject *object)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (rapport_window_parent_class)->finalize (object);
}

static void
rapport_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, rapport_window_get_search_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_window_class_init (RapportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_window_constructed;
  object_class->dispose = rapport_window_dispose;
  object_class->finalize = rapport_window_finalize;
  object_class->get_property = rapport_window_get_property;
  object_class->set_property = rapport_window_set_property;

  /**
   * RapportWindow:store:
   *
   * The database this window shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportWindow:search-text:
   *
   * What the user typed in the search bar; the views filter by it.
   */
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL,
                         "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Rapport/ui/window.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, pipeline_title);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, pipeline_summary);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, stage_row);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, rapport_window_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", rapport_window_show_view_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "pipeline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "contacts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "s", "followups");

  gtk_widget_class_install_action (widget_class, "win.new-deal", NULL, rapport_window_not_yet_action);
  gtk_widget_class_install_action (widget_class, "win.new-lead", NULL, rapport_window_not_yet_action);
}

static void
rapport_window_init (RapportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->stage_deals = g_ptr_array_new_with_free_func (g_object_unref);
  self->count_labels = g_ptr_array_new ();

  /* The entry sits in a clamp, so the bar cannot find it by itself; typing
   * anywhere in the window (outside another entry) starts a search. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-deal", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-lead", FALSE);
}

RapportWindow *
rapport_window_new (RapportApplication *application,
                    RapportStore       *store)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

/**
 * rapport_window_get_store:
 *
 * Returns: (transfer none): the database this window shows
 */
RapportStore *
rapport_window_get_store (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * rapport_window_get_search_text:
 *
 * Returns: (transfer none) (not nullable): the text of the search bar
 */
const char *
rapport_window_get_search_text (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);

  return self->search_text != NULL ? self->search_text : "";
}

/**
 * rapport_window_add_toast:
 * @toast: (transfer full): the toast to show
 *
 * Views report what happened (or failed) through the window's one overlay.
 */
void
rapport_window_add_toast (RapportWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
