/* rapport-after-sales-editor.c — a pipeline's after-sales plan, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-after-sales-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-after-sales-editor.h"
#include "rapport-enums.h"
#include "rapport-format.h"
#include "rapport-store-after-sales.h"

#define STEP_KEY "rapport-step"
#define TITLE_KEY "rapport-title-row"

struct _RapportAfterSalesEditor
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkListBox      *list;

  /* Owned references */
  RapportStore    *store;
  RapportPipeline *pipeline;
  GListModel      *steps;

  /* The step whose new row takes the focus once it is shown */
  gint64           focus_id;
  guint            focus_idle_id;
};

G_DEFINE_FINAL_TYPE (RapportAfterSalesEditor, rapport_after_sales_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PIPELINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The step whose row @widget is in. */
static RapportAfterSalesStep *
step_of (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), STEP_KEY) : NULL;
}

static RapportAfterSalesEditor *
editor_of (GtkWidget *widget)
{
  return RAPPORT_AFTER_SALES_EDITOR (gtk_widget_get_ancestor (widget, RAPPORT_TYPE_AFTER_SALES_EDITOR));
}

/* One field of the step of @widget's row written; a refusal shows on it. */
static void
save (GtkWidget    *widget,
      const char   *property,
      const GValue *value)
{
  RapportAfterSalesEditor *self = editor_of (widget);
  RapportAfterSalesStep *step = step_of (widget);
  g_autoptr(GError) error = NULL;

  if (self == NULL || step == NULL)
    return;

  if (rapport_store_update (self->store, RAPPORT_RECORD (step), property, value, &error))
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, NULL);
      return;
    }

  gtk_widget_add_css_class (widget, "error");
  gtk_widget_set_tooltip_text (widget, error->message);
  gtk_widget_error_bell (widget);
}

static void
on_text_apply (GtkWidget *row)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const char *property = g_object_get_data (G_OBJECT (row), "rapport-property");

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, gtk_editable_get_text (GTK_EDITABLE (row)));
  save (row, property, &value);
}

static void
on_enum_selected (AdwComboRow *row,
                  GParamSpec  *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const char *property = g_object_get_data (G_OBJECT (row), "rapport-property");
  GType type = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "rapport-type"));

  g_value_init (&value, type);
  g_value_set_enum (&value, (int) adw_combo_row_get_selected (row));
  save (GTK_WIDGET (row), property, &value);
}

static void
on_days_changed (GtkSpinButton *spin)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, gtk_spin_button_get_value_as_int (spin));
  save (GTK_WIDGET (spin), "days", &value);
}

static GtkWidget *
text_row (const char *title,
          const char *property,
          const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  g_object_set_data (G_OBJECT (row), "rapport-property", (gpointer) property);
  g_signal_connect (row, "apply", G_CALLBACK (on_text_apply), NULL);
  g_signal_connect (row, "entry-activated", G_CALLBACK (on_text_apply), NULL);

  return row;
}

static GtkWidget *
enum_row (const char         *title,
          const char         *property,
          GType               type,
          const char * const *choices,
          int                 selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), (guint) selected);
  g_object_set_data (G_OBJECT (row), "rapport-property", (gpointer) property);
  g_object_set_data (G_OBJECT (row), "rapport-type", GSIZE_TO_POINTER (type));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_enum_selected), NULL);

  return row;
}

static GtkWidget *
days_row (int days)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, RAPPORT_AFTER_SALES_MAX_DAYS, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Days after the win"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), days);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Days after the win"), -1);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_days_changed), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);

  return row;
}

static GtkWidget *
action_button (const char *icon,
               const char *label,
               const char *action,
               GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);

  return button;
}

static char *
summary_of (RapportAfterSalesStep *step)
{
  int days = rapport_after_sales_step_get_days (step);

  /* Translators: when an after-sales step falls */
  return g_strdup_printf (ngettext ("%d day after the win", "%d days after the win", days), days);
}

static void
on_step_notify (GtkWidget             *row,
                GParamSpec            *pspec,
                RapportAfterSalesStep *step)
{
  g_autofree char *summary = summary_of (step);

  GtkImage *icon = g_object_get_data (G_OBJECT (row), "rapport-icon");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_after_sales_step_get_title (step));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), summary);
  /* libadwaita 1.2 names the row's header, not the row a screen reader
   * moves through the plan by. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, rapport_after_sales_step_get_title (step),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
  if (icon != NULL)
    gtk_image_set_from_icon_name (icon, rapport_activity_kind_icon (rapport_after_sales_step_get_kind (step)));
}

/* Drag and drop: a row carries its step; a drop on another row puts the
 * step where that one is. */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  RapportAfterSalesStep *step = g_object_get_data (G_OBJECT (row), STEP_KEY);

  return gdk_content_provider_new_typed (RAPPORT_TYPE_AFTER_SALES_STEP, step);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static gboolean
rapport_after_sales_editor_move (RapportAfterSalesEditor *self,
                                 RapportAfterSalesStep   *step,
                                 int                      position);

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  RapportAfterSalesStep *onto = g_object_get_data (G_OBJECT (row), STEP_KEY);
  RapportAfterSalesEditor *self = editor_of (row);

  if (self == NULL || !G_VALUE_HOLDS (value, RAPPORT_TYPE_AFTER_SALES_STEP))
    return FALSE;

  return rapport_after_sales_editor_move (self, g_value_get_object (value),
                                          rapport_after_sales_step_get_position (onto));
}

static void
add_reorder (GtkWidget *row,
             gint64     id)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (RAPPORT_TYPE_AFTER_SALES_STEP, GDK_ACTION_MOVE);
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));

  /* Alt+Up and Alt+Down, as the board's Ctrl+arrows move a card. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                                     gtk_named_action_new ("after-sales.move"), "(xi)", id, -1));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                                     gtk_named_action_new ("after-sales.move"), "(xi)", id, 1));
  gtk_widget_add_controller (row, keys);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  static const char * const offers[] = {
    N_("Nothing"), N_("To record satisfaction"), N_("A repeat deal"), NULL,
  };
  RapportAfterSalesStep *step = item;
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (step));
  const char *kinds[5] = { NULL, };
  const char *offer_names[G_N_ELEMENTS (offers)] = { NULL, };
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (rapport_activity_kind_icon (rapport_after_sales_step_get_kind (step)));
  GtkWidget *title, *tools;

  for (int k = RAPPORT_ACTIVITY_CALL; k <= RAPPORT_ACTIVITY_TASK; k++)
    kinds[k] = rapport_activity_kind_name (k);
  for (guint i = 0; offers[i] != NULL; i++)
    offer_names[i] = _(offers[i]);

  g_object_set_data_full (G_OBJECT (row), STEP_KEY, g_object_ref (step), g_object_unref);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), "rapport-icon", icon);
  on_step_notify (row, NULL, step);
  g_signal_connect_object (step, "notify", G_CALLBACK (on_step_notify), row, G_CONNECT_SWAPPED);

  title = text_row (_("Title"), "title", rapport_after_sales_step_get_title (step));
  g_object_set_data (G_OBJECT (row), TITLE_KEY, title);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), title);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            enum_row (_("Kind"), "kind", RAPPORT_TYPE_ACTIVITY_KIND, kinds,
                                      rapport_after_sales_step_get_kind (step)));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), days_row (rapport_after_sales_step_get_days (step)));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            text_row (_("Purpose and expected output"), "note",
                                      rapport_after_sales_step_get_note (step)));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            enum_row (_("When done, offer"), "offer", RAPPORT_TYPE_AFTER_SALES_OFFER,
                                      offer_names, rapport_after_sales_step_get_offer (step)));

  tools = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (tools), action_button ("go-up-symbolic", _("Move Up"), "after-sales.move",
                                                  g_variant_new ("(xi)", id, -1)));
  gtk_box_append (GTK_BOX (tools), action_button ("go-down-symbolic", _("Move Down"), "after-sales.move",
                                                  g_variant_new ("(xi)", id, 1)));
  gtk_box_append (GTK_BOX (tools), action_button ("user-trash-symbolic", _("Remove Step"), "after-sales.remove",
                                                  g_variant_new_int64 (id)));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), tools);

  add_reorder (row, id);
  return row;
}

/* The row of step @id, if it is shown. */
static GtkWidget *
row_of (RapportAfterSalesEditor *self,
        gint64                   id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      RapportAfterSalesStep *step = g_object_get_data (G_OBJECT (child), STEP_KEY);

      if (step != NULL && rapport_record_get_id (RAPPORT_RECORD (step)) == id)
        return child;
    }

  return NULL;
}

/* A row made anew by a move is not shown yet: the focus goes to it on
 * the next idle, so Alt+Up pressed again moves the same step. */
static gboolean
focus_moved_row (gpointer data)
{
  RapportAfterSalesEditor *self = data;
  GtkWidget *row = row_of (self, self->focus_id);

  self->focus_idle_id = 0;
  /* An expander row is not focusable itself: its header is. */
  if (row != NULL && !gtk_widget_grab_focus (row))
    gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD);
  return G_SOURCE_REMOVE;
}

static gboolean
rapport_after_sales_editor_move (RapportAfterSalesEditor *self,
                                 RapportAfterSalesStep   *step,
                                 int                      position)
{
  g_autoptr(GError) error = NULL;

  g_assert (RAPPORT_IS_AFTER_SALES_EDITOR (self));

  if (position < 0)
    return FALSE;
  if (!rapport_store_move_after_sales_step (self->store, step, position, &error))
    {
      g_warning ("Could not move the step: %s", error->message);
      return FALSE;
    }

  self->focus_id = rapport_record_get_id (RAPPORT_RECORD (step));
  if (self->focus_idle_id == 0)
    self->focus_idle_id = g_idle_add (focus_moved_row, self);
  return TRUE;
}

static RapportAfterSalesStep *
find_step (RapportAfterSalesEditor *self,
           gint64                   id)
{
  return rapport_store_get_after_sales_step (self->store, id, NULL);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportAfterSalesEditor *self = RAPPORT_AFTER_SALES_EDITOR (widget);
  g_autoptr(RapportAfterSalesStep) step = NULL;
  gint64 id;
  int delta;

  g_variant_get (parameter, "(xi)", &id, &delta);
  if ((step = find_step (self, id)) != NULL)
    rapport_after_sales_editor_move (self, step, rapport_after_sales_step_get_position (step) + delta);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportAfterSalesEditor *self = RAPPORT_AFTER_SALES_EDITOR (widget);
  g_autoptr(RapportAfterSalesStep) step = find_step (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;

  if (step != NULL && !rapport_store_delete_after_sales_step (self->store, step, &error))
    g_warning ("Could not remove the step: %s", error->message);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RapportAfterSalesEditor *self = RAPPORT_AFTER_SALES_EDITOR (widget);
  RapportAfterSalesStepFields fields = {
    .title = _("New step"),
    .kind = RAPPORT_ACTIVITY_CALL,
    .days = 7,
  };
  g_autoptr(RapportAfterSalesStep) step = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  if (self->pipeline == NULL)
    return;
  step = rapport_store_add_after_sales_step (self->store, self->pipeline, &fields, -1, &error);
  if (step == NULL)
    {
      g_warning ("Could not add a step: %s", error->message);
      return;
    }

  /* Open, with its title ready to be typed over. */
  if ((row = row_of (self, rapport_record_get_id (RAPPORT_RECORD (step)))) != NULL)
    {
      GtkWidget *title = g_object_get_data (G_OBJECT (row), TITLE_KEY);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_grab_focus (title);
      gtk_editable_select_region (GTK_EDITABLE (title), 0, -1);
    }
}

/* Properties */

void
rapport_after_sales_editor_set_pipeline (RapportAfterSalesEditor *self,
                                         RapportPipeline         *pipeline)
{
  g_return_if_fail (RAPPORT_IS_AFTER_SALES_EDITOR (self));
  g_return_if_fail (!pipeline || RAPPORT_IS_PIPELINE (pipeline));

  if (!g_set_object (&self->pipeline, pipeline))
    return;

  g_clear_object (&self->steps);
  if (pipeline != NULL && self->store != NULL)
    self->steps = rapport_store_get_after_sales_steps (self->store, pipeline);
  gtk_list_box_bind_model (self->list, self->steps, create_row, self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "after-sales.add", pipeline != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIPELINE]);
}

RapportPipeline *
rapport_after_sales_editor_get_pipeline (RapportAfterSalesEditor *self)
{
  g_return_val_if_fail (RAPPORT_IS_AFTER_SALES_EDITOR (self), NULL);

  return self->pipeline;
}

RapportStore *
rapport_after_sales_editor_get_store (RapportAfterSalesEditor *self)
{
  g_return_val_if_fail (RAPPORT_IS_AFTER_SALES_EDITOR (self), NULL);

  return self->store;
}

static void
rapport_after_sales_editor_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  RapportAfterSalesEditor *self = RAPPORT_AFTER_SALES_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PIPELINE:
      g_value_set_object (value, self->pipeline);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_after_sales_editor_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  RapportAfterSalesEditor *self = RAPPORT_AFTER_SALES_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PIPELINE:
      rapport_after_sales_editor_set_pipeline (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_after_sales_editor_dispose (GObject *object)
{
  RapportAfterSalesEditor *self = RAPPORT_AFTER_SALES_EDITOR (object);

  g_clear_handle_id (&self->focus_idle_id, g_source_remove);
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_AFTER_SALES_EDITOR);
  g_clear_object (&self->steps);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_after_sales_editor_parent_class)->dispose (object);
}

static void
rapport_after_sales_editor_class_init (RapportAfterSalesEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_after_sales_editor_dispose;
  object_class->get_property = rapport_after_sales_editor_get_property;
  object_class->set_property = rapport_after_sales_editor_set_property;

  /* The store the plan is read from and written to: set once, first. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The pipeline whose plan is shown; NULL shows none. */
  properties[PROP_PIPELINE] =
    g_param_spec_object ("pipeline", NULL, NULL, RAPPORT_TYPE_PIPELINE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/widgets/after-sales-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportAfterSalesEditor, list);

  gtk_widget_class_install_action (widget_class, "after-sales.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "after-sales.move", "(xi)", move_action);
  gtk_widget_class_install_action (widget_class, "after-sales.remove", "x", remove_action);
}

static void
rapport_after_sales_editor_init (RapportAfterSalesEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "after-sales.add", FALSE);
}

GtkWidget *
rapport_after_sales_editor_new (RapportStore    *store,
                                RapportPipeline *pipeline)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_AFTER_SALES_EDITOR, "store", store, "pipeline", pipeline, NULL);
}

void
rapport_after_sales_editor_present (GtkWindow       *parent,
                                    RapportStore    *store,
                                    RapportPipeline *pipeline)
{
  /* Screen readers announce it as a dialog. */
  GtkWidget *window = g_object_new (ADW_TYPE_WINDOW,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                                    NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *editor = rapport_after_sales_editor_new (store, pipeline);
  GtkEventController *keys = gtk_shortcut_controller_new ();
  g_autofree char *title = NULL;

  g_return_if_fail (RAPPORT_IS_PIPELINE (pipeline));

  /* Translators: a window's title; %s is a pipeline's name */
  title = g_strdup_printf (_("After-Sales Plan of %s"), rapport_pipeline_get_name (pipeline));
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 620);

  gtk_widget_set_margin_top (editor, 18);
  gtk_widget_set_margin_bottom (editor, 24);
  gtk_widget_set_margin_start (editor, 12);
  gtk_widget_set_margin_end (editor, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), editor);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (window), box);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0), gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, keys);

  gtk_window_present (GTK_WINDOW (window));
}
