/* rapport-merge-dialog.c — two contacts, or two organizations, made one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The two records side by side, the one kept first (Swap keeps the other
 * instead), then one row per field the merge chooses between, with the
 * value of each; a choice only where they differ, preset as the store
 * would fill it (the kept one's values, the other's where it has none).
 * Below, what moves to the one kept. Merge makes the one store call (one
 * transaction), puts its undo on the window's history, and says so in a
 * toast with Undo.
 */

#define G_LOG_DOMAIN "rapport-merge"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-merge-dialog.h"
#include "rapport-merge-text.h"
#include "rapport-record-picker.h"

struct _RapportMergeDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkButton       *merge_button;
  GtkLabel        *keep_name;
  GtkLabel        *keep_detail;
  GtkLabel        *other_name;
  GtkLabel        *other_detail;
  GtkLabel        *summary_label;
  GtkGrid         *fields_grid;
  GtkBox          *moves_box;
  GtkLabel        *error_label;

  /* Owned references */
  RapportContext  *context;

  /* Owned memory */
  char            *keep_text;      /* the two names, as shown */
  char            *other_text;
  GPtrArray       *other_buttons;  /* per field: the other's GtkCheckButton, or NULL: no choice */

  RapportEntity    entity;
  gint64           keep_id;
  gint64           other_id;
};

G_DEFINE_FINAL_TYPE (RapportMergeDialog, rapport_merge_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ENTITY,
  PROP_KEEP_ID,
  PROP_OTHER_ID,
  N_PROPS
};

enum {
  MERGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static RapportStore *
store_of (RapportMergeDialog *self)
{
  return rapport_context_get_store (self->context);
}

/* The two records */

static gboolean
show_records (RapportMergeDialog *self)
{
  g_autofree char *keep_detail = NULL;
  g_autofree char *other_detail = NULL;
  g_autofree char *summary = NULL;

  g_clear_pointer (&self->keep_text, g_free);
  g_clear_pointer (&self->other_text, g_free);
  if (!rapport_merge_describe (store_of (self), self->entity, self->keep_id, &self->keep_text, &keep_detail) ||
      !rapport_merge_describe (store_of (self), self->entity, self->other_id, &self->other_text, &other_detail))
    return FALSE;

  rapport_merge_show_record (self->keep_name, self->keep_detail, self->keep_text, keep_detail);
  rapport_merge_show_record (self->other_name, self->other_detail, self->other_text, other_detail);
  summary = g_strdup_printf (_("“%s” is kept, with the values chosen below. “%s” is merged into it and removed."),
                             self->keep_text, self->other_text);
  gtk_label_set_label (self->summary_label, summary);
  return TRUE;
}

/* The fields */

static void
clear_grid (RapportMergeDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_grid))) != NULL)
    gtk_grid_remove (self->fields_grid, child);
  g_ptr_array_set_size (self->other_buttons, 0);
}

static GtkWidget *
value_label (const char *value)
{
  g_autofree char *shown = rapport_merge_isolate (value);
  GtkWidget *label = gtk_label_new (shown != NULL ? shown : _("Empty"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_tooltip_text (label, value);
  if (value == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* A value to choose: its name for screen readers is the value, with the
 * field as its description. */
static GtkWidget *
choice_button (const char *field,
               const char *value,
               GtkWidget  *group)
{
  GtkWidget *button = gtk_check_button_new ();

  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), value_label (value));
  gtk_widget_set_hexpand (button, TRUE);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (button), GTK_CHECK_BUTTON (group));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, value != NULL ? value : _("Empty"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, field,
                                  -1);
  return button;
}

static void
add_field_row (RapportMergeDialog *self,
               guint               row,
               const char         *field,
               const char         *kept,
               const char         *other,
               gboolean            take_other)
{
  GtkWidget *name = gtk_label_new (field);
  GtkWidget *keep_button, *other_button;

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "dim-label");
  gtk_grid_attach (self->fields_grid, name, 0, row, 1, 1);

  /* The same in both: nothing to choose (empty in both: not shown). */
  if (g_strcmp0 (kept, other) == 0)
    {
      GtkWidget *same = value_label (kept);

      gtk_widget_set_visible (name, kept != NULL);
      gtk_widget_set_hexpand (same, TRUE);
      gtk_widget_set_visible (same, kept != NULL);
      gtk_grid_attach (self->fields_grid, same, 1, row, 2, 1);
      g_ptr_array_add (self->other_buttons, NULL);
      return;
    }

  keep_button = choice_button (field, kept, NULL);
  other_button = choice_button (field, other, keep_button);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (take_other ? other_button : keep_button), TRUE);
  gtk_grid_attach (self->fields_grid, keep_button, 1, row, 1, 1);
  gtk_grid_attach (self->fields_grid, other_button, 2, row, 1, 1);
  g_ptr_array_add (self->other_buttons, other_button);
}

static void
show_fields (RapportMergeDialog *self)
{
  RapportStore *store = store_of (self);
  guint n_fields = 0;
  const RapportMergeField *fields = rapport_merge_fields (self->entity, &n_fields);
  guint fill = rapport_store_merge_fill (store, self->entity, self->keep_id, self->other_id);

  clear_grid (self);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *kept = rapport_store_merge_field_text (store, self->entity, self->keep_id, i);
      g_autofree char *other = rapport_store_merge_field_text (store, self->entity, self->other_id, i);

      add_field_row (self, i, _(fields[i].label), kept, other, (fill & (1u << i)) != 0);
    }
}

/* Which fields come from the other one: bit i for field i. */
static guint
chosen_take_other (RapportMergeDialog *self)
{
  guint take_other = 0;

  for (guint i = 0; i < self->other_buttons->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->other_buttons, i);

      if (button != NULL && gtk_check_button_get_active (button))
        take_other |= 1u << i;
    }
  return take_other;
}

/* What moves */

static void
show_moves (RapportMergeDialog *self)
{
  RapportMergeMoves moves = { 0, };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sentences = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->moves_box))) != NULL)
    gtk_box_remove (self->moves_box, child);

  if (!rapport_store_merge_count (store_of (self), self->entity, self->other_id, &moves, &error))
    {
      gtk_box_append (self->moves_box, gtk_label_new (error->message));
      return;
    }

  sentences = rapport_merge_moves_sentences (self->entity, &moves, self->keep_text);
  for (guint i = 0; sentences[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (sentences[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (self->moves_box, label);
    }
}

static void
show_all (RapportMergeDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (!show_records (self))
    {
      gtk_label_set_label (self->error_label, _("One of the two is no longer there."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->merge_button), FALSE);
      return;
    }
  show_fields (self);
  show_moves (self);
}

/* Actions */

static void
on_swap_clicked (RapportMergeDialog *self)
{
  gint64 id = self->keep_id;

  g_assert (RAPPORT_IS_MERGE_DIALOG (self));

  self->keep_id = self->other_id;
  self->other_id = id;
  show_all (self);
}

static gboolean
undo_merge (RapportStore  *store,
            gpointer       data,
            GError       **error)
{
  return rapport_store_undo_merge (store, data, error);
}

static void
on_merge_clicked (RapportMergeDialog *self)
{
  g_autoptr(RapportMergeUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;
  guint64 step;

  g_assert (RAPPORT_IS_MERGE_DIALOG (self));

  if (!rapport_store_merge (store_of (self), self->entity, self->keep_id, self->other_id,
                            chosen_take_other (self), &undo, &error))
    {
      /* The dialog stays, with the choices made, and says why. */
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  /* Translators: the undo step of a merge ("Undone: Merge of …"). */
  label = g_strdup_printf (_("Merge of “%s” into “%s”"), self->other_text, self->keep_text);
  step = rapport_context_push_undo (self->context, label, undo_merge, g_steal_pointer (&undo),
                                    (GDestroyNotify) rapport_merge_undo_free);

  text = g_strdup_printf (_("Merged “%s” into “%s”."), self->other_text, self->keep_text);
  toast = rapport_context_undo_toast_new (self->context, text, step);
  rapport_context_add_toast (self->context, toast);

  g_signal_emit (self, signals[MERGED], 0, self->keep_id, self->other_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_cancel_clicked (RapportMergeDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

/* GObject */

static void
rapport_merge_dialog_constructed (GObject *object)
{
  RapportMergeDialog *self = RAPPORT_MERGE_DIALOG (object);
  const char *title = self->entity == RAPPORT_ENTITY_ORGANIZATION ? _("Merge Organizations")
                                                                   : _("Merge Contacts");

  G_OBJECT_CLASS (rapport_merge_dialog_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_CONTEXT (self->context));

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  show_all (self);
}

static void
rapport_merge_dialog_dispose (GObject *object)
{
  RapportMergeDialog *self = RAPPORT_MERGE_DIALOG (object);

  if (self->other_buttons != NULL)
    g_ptr_array_set_size (self->other_buttons, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_MERGE_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_merge_dialog_parent_class)->dispose (object);
}

static void
rapport_merge_dialog_finalize (GObject *object)
{
  RapportMergeDialog *self = RAPPORT_MERGE_DIALOG (object);

  g_clear_pointer (&self->keep_text, g_free);
  g_clear_pointer (&self->other_text, g_free);
  g_clear_pointer (&self->other_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_merge_dialog_parent_class)->finalize (object);
}

static void
rapport_merge_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportMergeDialog *self = RAPPORT_MERGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_ENTITY:
      g_value_set_enum (value, self->entity);
      break;
    case PROP_KEEP_ID:
      g_value_set_int64 (value, self->keep_id);
      break;
    case PROP_OTHER_ID:
      g_value_set_int64 (value, self->other_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_merge_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RapportMergeDialog *self = RAPPORT_MERGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_ENTITY:
      /* Only these are merged; anything else means contacts. */
      self->entity = g_value_get_enum (value) == RAPPORT_ENTITY_ORGANIZATION ? RAPPORT_ENTITY_ORGANIZATION
                                                                             : RAPPORT_ENTITY_CONTACT;
      break;
    case PROP_KEEP_ID:
      self->keep_id = g_value_get_int64 (value);
      break;
    case PROP_OTHER_ID:
      self->other_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_merge_dialog_class_init (RapportMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_merge_dialog_constructed;
  object_class->dispose = rapport_merge_dialog_dispose;
  object_class->finalize = rapport_merge_dialog_finalize;
  object_class->get_property = rapport_merge_dialog_get_property;
  object_class->set_property = rapport_merge_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY] =
    g_param_spec_enum ("entity", NULL, NULL,
                       RAPPORT_TYPE_ENTITY, RAPPORT_ENTITY_CONTACT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEEP_ID] =
    g_param_spec_int64 ("keep-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OTHER_ID] =
    g_param_spec_int64 ("other-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportMergeDialog::merged:
   * @keep_id: the record kept
   * @other_id: the record merged into it, now removed
   *
   * The merge was committed; the dialog closes next.
   */
  signals[MERGED] =
    g_signal_new ("merged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  /* Screen readers announce it as a dialog. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/merge/merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportMergeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RapportMergeDialog, merge_button);
  gtk_widget_class_bind_template_child (widget_class, RapportMergeDialog, keep_name);
  gtk_widget_class_bind_template_child (widget_class, RapportMergeDialog, keep_detail);
  gtk_widget_class_bind_template_child (widget_class, RapportMergeDialog, other_name);
  gtk_widget_class_bind_template_child (widget_class, RapportMergeDialog, other_detail);
  gtk_widget_class_bind_template_child (widget_class, RapportMergeDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RapportMergeDialog, fields_grid);
  gtk_widget_class_bind_template_child (widget_class, RapportMergeDialog, moves_box);
  gtk_widget_class_bind_template_child (widget_class, RapportMergeDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_swap_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_merge_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rapport_merge_dialog_init (RapportMergeDialog *self)
{
  self->other_buttons = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_merge_dialog_new (RapportContext *context,
                          GtkWindow      *parent,
                          RapportEntity   entity,
                          gint64          keep_id,
                          gint64          other_id)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (RAPPORT_TYPE_MERGE_DIALOG,
                       "context", context,
                       "transient-for", parent,
                       "entity", entity,
                       "keep-id", keep_id,
                       "other-id", other_id,
                       NULL);
}

/* Merge With… */

typedef struct
{
  RapportContext      *context;
  RapportRecordPicker *picker;   /* borrowed: the dialog's */
  gint64               id;       /* the record whose page asked */
} Choice;

static void
choice_free (gpointer data)
{
  Choice *choice = data;

  g_object_unref (choice->context);
  g_free (choice);
}

static gint64
choice_picked (Choice *choice)
{
  gint64 picked = rapport_record_picker_get_selected_id (choice->picker);

  /* A record is not merged with itself. */
  return picked != choice->id ? picked : 0;
}

static void
on_picked (AdwMessageDialog *dialog,
           GParamSpec       *pspec,
           GObject          *picker)
{
  Choice *choice = g_object_get_data (G_OBJECT (dialog), "rapport-merge-choice");

  adw_message_dialog_set_response_enabled (dialog, "continue", choice_picked (choice) > 0);
}

static void
on_choose_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Choice           *choice)
{
  gint64 picked = choice_picked (choice);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (!g_str_equal (response, "continue") || picked <= 0)
    return;
  gtk_window_present (GTK_WINDOW (rapport_merge_dialog_new (choice->context, parent,
                                                            rapport_record_picker_get_kind (choice->picker),
                                                            choice->id, picked)));
}

void
rapport_merge_dialog_choose (RapportContext *context,
                             GtkWidget      *page,
                             RapportEntity   entity,
                             gint64          id)
{
  GtkRoot *root = gtk_widget_get_root (page);
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  gboolean organizations = entity == RAPPORT_ENTITY_ORGANIZATION;
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *list, *picker;
  Choice *choice;

  g_return_if_fail (RAPPORT_IS_CONTEXT (context));

  if (!rapport_merge_describe (rapport_context_get_store (context), entity, id, &name, &detail))
    return;

  body = organizations
    ? g_strdup_printf (_("Pick the organization that is the same as “%s”. You choose what to keep next."), name)
    : g_strdup_printf (_("Pick the contact who is the same person as “%s”. You choose what to keep next."), name);
  dialog = adw_message_dialog_new (parent,
                                   organizations ? _("Merge With Another Organization")
                                                 : _("Merge With Another Contact"),
                                   body);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  /* No mnemonics: GTK 4.8 would put the underscore in the buttons'
   * accessible names. */
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "continue", _("Continue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  picker = g_object_new (RAPPORT_TYPE_RECORD_PICKER,
                         "kind", organizations ? RAPPORT_ENTITY_ORGANIZATION : RAPPORT_ENTITY_CONTACT,
                         "title", organizations ? _("Organization") : _("Contact"),
                         "store", rapport_context_get_store (context),
                         /* Enter with a record picked is Continue. */
                         "activates-default", TRUE,
                         NULL);
  gtk_list_box_append (GTK_LIST_BOX (list), picker);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  choice = g_new0 (Choice, 1);
  choice->context = g_object_ref (context);
  choice->picker = RAPPORT_RECORD_PICKER (picker);
  choice->id = id;
  /* Freed when the dialog is finalized, after its children are gone. */
  g_object_set_data_full (G_OBJECT (dialog), "rapport-merge-choice", choice, choice_free);
  g_signal_connect_object (picker, "notify::selected-id", G_CALLBACK (on_picked), dialog, G_CONNECT_SWAPPED);
  g_signal_connect (dialog, "response", G_CALLBACK (on_choose_response), choice);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (picker);
}
