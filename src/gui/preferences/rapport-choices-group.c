/* rapport-choices-group.c — a kept list of the data, edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows show the list as stored: every change is one store call, and
 * the group draws the list again from the 'setting' notice that follows
 * it (also when another program changed it). Drawing again keeps the
 * keyboard where the user was: on the row just moved or renamed, on the
 * next one after a removal, on the add row after an addition.
 */

#define G_LOG_DOMAIN "rapport-choices-group"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-choice-row.h"
#include "rapport-choices-group.h"
#include "rapport-enums.h"
#include "rapport-row-reorder.h"

struct _RapportChoicesGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  GtkListBox          *list_box;
  AdwEntryRow         *add_row;

  /* Owned references */
  RapportStore        *store;

  /* Owned memory */
  char                *focus_label;  /* the row to focus once drawn again */
  int                  focus_index;  /* else this one; -1 for neither */

  RapportChoiceList    list;
};

G_DEFINE_FINAL_TYPE (RapportChoicesGroup, rapport_choices_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_LIST,
  N_PROPS
};

enum {
  FAILED,
  REMOVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The entries' rows, in order (the add row is last). */
static guint
n_entries (RapportChoicesGroup *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n += RAPPORT_IS_CHOICE_ROW (child);
  return n;
}

static RapportChoiceRow *
entry_at (RapportChoicesGroup *self,
          int                  index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, index);

  return RAPPORT_IS_CHOICE_ROW (row) ? RAPPORT_CHOICE_ROW (row) : NULL;
}

static gboolean
shows (RapportChoicesGroup *self,
       char               **labels)
{
  if (g_strv_length (labels) != n_entries (self))
    return FALSE;

  for (guint i = 0; labels[i] != NULL; i++)
    if (!g_str_equal (labels[i], rapport_choice_row_get_label (entry_at (self, (int) i))))
      return FALSE;
  return TRUE;
}

static void on_row_move   (RapportChoicesGroup *self,
                           int                  delta,
                           RapportChoiceRow    *row);
static void on_row_remove (RapportChoicesGroup *self,
                           RapportChoiceRow    *row);
static void on_row_rename (RapportChoicesGroup *self,
                           const char          *text,
                           RapportChoiceRow    *row);

static void
refocus (RapportChoicesGroup *self)
{
  guint n = n_entries (self);
  GtkWidget *focus = NULL;

  for (guint i = 0; self->focus_label != NULL && i < n; i++)
    if (g_str_equal (rapport_choice_row_get_label (entry_at (self, (int) i)), self->focus_label))
      focus = GTK_WIDGET (entry_at (self, (int) i));

  if (focus == NULL && self->focus_index >= 0)
    focus = self->focus_index < (int) n ? GTK_WIDGET (entry_at (self, self->focus_index))
                                        : GTK_WIDGET (self->add_row);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static void
rapport_choices_group_fill (RapportChoicesGroup *self)
{
  g_auto(GStrv) labels = rapport_store_get_choices (self->store, self->list);
  guint n = g_strv_length (labels);
  RapportChoiceRow *old;

  if (shows (self, labels))
    return;

  while ((old = entry_at (self, 0)) != NULL)
    gtk_list_box_remove (self->list_box, GTK_WIDGET (old));

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = rapport_choice_row_new (labels[i]);

      rapport_choice_row_set_place (RAPPORT_CHOICE_ROW (row), i == 0, i + 1 == n);
      g_signal_connect_object (row, "move", G_CALLBACK (on_row_move), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "rename", G_CALLBACK (on_row_rename), self, G_CONNECT_SWAPPED);
      gtk_list_box_insert (self->list_box, row, (int) i);
    }

  refocus (self);
}

static void
on_setting_notice (RapportChoicesGroup *self,
                   RapportNotice       *notice,
                   RapportStore        *store)
{
  rapport_choices_group_fill (self);
}

/* One store call, with where the keyboard goes after it; a refusal is
 * the window's to show. */
static gboolean
finish (RapportChoicesGroup *self,
        gboolean             done,
        GError              *error)
{
  g_clear_pointer (&self->focus_label, g_free);
  self->focus_index = -1;

  if (!done)
    g_signal_emit (self, signals[FAILED], 0, error->message);
  g_clear_error (&error);
  return done;
}

static void
on_row_move (RapportChoicesGroup *self,
             int                  delta,
             RapportChoiceRow    *row)
{
  int to = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + delta;
  GError *error = NULL;

  if (to < 0 || to >= (int) n_entries (self))
    return;

  self->focus_label = g_strdup (rapport_choice_row_get_label (row));
  finish (self, rapport_store_move_choice (self->store, self->list, rapport_choice_row_get_label (row),
                                           (guint) to, &error), error);
}

static void
on_row_remove (RapportChoicesGroup *self,
               RapportChoiceRow    *row)
{
  g_autofree char *label = g_strdup (rapport_choice_row_get_label (row));
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  GError *error = NULL;

  self->focus_index = index;
  if (finish (self, rapport_store_remove_choice (self->store, self->list, label, &error), error))
    g_signal_emit (self, signals[REMOVED], 0, label, (guint) index);
}

static void
on_row_rename (RapportChoicesGroup *self,
               const char          *text,
               RapportChoiceRow    *row)
{
  GError *error = NULL;

  self->focus_label = g_strdup (text);
  if (!finish (self, rapport_store_rename_choice (self->store, self->list, rapport_choice_row_get_label (row),
                                                  text, &error), error))
    gtk_editable_set_text (GTK_EDITABLE (row), rapport_choice_row_get_label (row));
}

static void
on_add (RapportChoicesGroup *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row))));
  GError *error = NULL;

  g_assert (RAPPORT_IS_CHOICES_GROUP (self));

  if (*text == '\0')
    return;

  if (finish (self, rapport_store_add_choice (self->store, self->list, text, &error), error))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
    }
}

/* Dropped on a row, the entry takes its place; below the last, last. */
static gboolean
on_drop (gpointer       data,
         GtkListBoxRow *dropped,
         int            index)
{
  RapportChoicesGroup *self = data;
  RapportChoiceRow *row = RAPPORT_CHOICE_ROW (dropped);
  GError *error = NULL;

  self->focus_label = g_strdup (rapport_choice_row_get_label (row));
  return finish (self, rapport_store_move_choice (self->store, self->list, rapport_choice_row_get_label (row),
                                                  (guint) index, &error), error);
}

static void
rapport_choices_group_constructed (GObject *object)
{
  RapportChoicesGroup *self = RAPPORT_CHOICES_GROUP (object);

  G_OBJECT_CLASS (rapport_choices_group_parent_class)->constructed (object);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row),
                                 self->list == RAPPORT_CHOICE_LOST_REASON ? _("Add a Lost Reason")
                                                                          : _("Add a Lead Source"));
}

static void
rapport_choices_group_dispose (GObject *object)
{
  RapportChoicesGroup *self = RAPPORT_CHOICES_GROUP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CHOICES_GROUP);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_choices_group_parent_class)->dispose (object);
}

static void
rapport_choices_group_finalize (GObject *object)
{
  RapportChoicesGroup *self = RAPPORT_CHOICES_GROUP (object);

  g_clear_pointer (&self->focus_label, g_free);

  G_OBJECT_CLASS (rapport_choices_group_parent_class)->finalize (object);
}

static void
rapport_choices_group_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportChoicesGroup *self = RAPPORT_CHOICES_GROUP (object);

  switch (prop_id)
    {
    case PROP_LIST:
      g_value_set_enum (value, self->list);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_choices_group_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RapportChoicesGroup *self = RAPPORT_CHOICES_GROUP (object);

  switch (prop_id)
    {
    case PROP_LIST:
      self->list = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_choices_group_class_init (RapportChoicesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_choices_group_constructed;
  object_class->dispose = rapport_choices_group_dispose;
  object_class->finalize = rapport_choices_group_finalize;
  object_class->get_property = rapport_choices_group_get_property;
  object_class->set_property = rapport_choices_group_set_property;

  /**
   * RapportChoicesGroup:list:
   *
   * Which of the kept lists the group edits.
   */
  properties[PROP_LIST] =
    g_param_spec_enum ("list", NULL, NULL,
                       RAPPORT_TYPE_CHOICE_LIST, RAPPORT_CHOICE_LOST_REASON,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                       G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportChoicesGroup::failed:
   * @message: why the store refused the change, for people
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * RapportChoicesGroup::removed:
   * @label: the entry removed
   * @position: where it was, to put it back there
   */
  signals[REMOVED] = g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/preferences/choices-group.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportChoicesGroup, list_box);
  gtk_widget_class_bind_template_child (widget_class, RapportChoicesGroup, add_row);
  gtk_widget_class_bind_template_callback (widget_class, on_add);
}

static void
rapport_choices_group_init (RapportChoicesGroup *self)
{
  self->focus_index = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The list box is the group's: the target dies before the group. */
  rapport_row_drop_attach (self->list_box, RAPPORT_TYPE_CHOICE_ROW, on_drop, self);
}

RapportChoiceList
rapport_choices_group_get_list (RapportChoicesGroup *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHOICES_GROUP (self), RAPPORT_CHOICE_LOST_REASON);

  return self->list;
}

/**
 * rapport_choices_group_set_store:
 * @store: the database whose list the group shows and edits
 *
 * Set once, by the window that holds the group.
 */
void
rapport_choices_group_set_store (RapportChoicesGroup *self,
                                 RapportStore        *store)
{
  g_return_if_fail (RAPPORT_IS_CHOICES_GROUP (self));
  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "notice::setting", G_CALLBACK (on_setting_notice), self, G_CONNECT_SWAPPED);
  rapport_choices_group_fill (self);
}
