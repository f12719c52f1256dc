/* rapport-a11y.c — what GTK 4.8 and libadwaita 1.2 get wrong for a
 * screen reader, put right once for the whole app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 names a button whose label has a mnemonic ("_Won") twice: by
 * the label property it sets from the text as written and by the name of
 * its mnemonic label, which it adds as labelled-by ("_Won Won", or "Won
 * Won" when the .ui names the button too). A check button with a mnemonic
 * reads "_Budget". The button inside a GtkDropDown goes by its type name
 * ("GtkToggleButton"), and so do the icons of AdwViewSwitcher's tabs
 * ("GtkImage").
 *
 * Rather than a fix at each of the app's buttons, and at those libadwaita
 * makes itself (AdwMessageDialog's responses), an emission hook on "map"
 * puts each widget right when it first shows, and a button again when its
 * label changes. An icon inside a button, a field or a row is decoration:
 * their names say what they do, so the icon is hidden from screen
 * readers. A button named by its AdwButtonContent drops a name of its own
 * (read out twice otherwise); the rows a combo row or a drop-down shows
 * are named by their text; GtkCalendar's arrows and the search button of
 * the keyboard shortcuts get names. Decorative images of the app's own
 * templates say so in their .ui (the presentation role).
 *
 * A page a stack does not show stays in GTK 4.8's accessible tree, at its
 * old place and size: it is hidden from screen readers (the "unmap" hook)
 * until it shows again.
 *
 * A row of a GtkListView is the list item a screen reader reads; GTK 4.8
 * gives it no name of its own (GtkListItem has no accessible label before
 * 4.12): rapport_a11y_name_list_row() names it after its child.
 */

#define G_LOG_DOMAIN "rapport-a11y"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rapport-a11y.h"

#define NAMED_KEY "rapport-a11y-named"
#define PAGED_KEY "rapport-a11y-paged"

/* The text a mnemonic label shows: "_Won" is "Won", "A__B" is "A_B". */
static char *
strip_mnemonic (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            {
              g_string_append_c (out, '_');
              p++;
            }
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
name_button_once (GtkWidget *widget)
{
  const char *label = NULL;
  gboolean underline = FALSE;
  g_autofree char *name = NULL;

  if (GTK_IS_BUTTON (widget))
    {
      label = gtk_button_get_label (GTK_BUTTON (widget));
      underline = gtk_button_get_use_underline (GTK_BUTTON (widget));
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
      underline = gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget));
    }

  if (!underline || label == NULL || *label == '\0')
    return;

  name = strip_mnemonic (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  if (GTK_IS_BUTTON (widget))
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static void
on_button_label_changed (GtkWidget  *widget,
                         GParamSpec *pspec,
                         gpointer    data)
{
  name_button_once (widget);
}

/* Whether @widget is part of a control or a row that a screen reader
 * names as a whole: a button, a drop-down, a field, a row of a list. */
static gboolean
inside_named_control (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    {
      if (GTK_IS_BUTTON (w) || GTK_IS_MENU_BUTTON (w) || GTK_IS_DROP_DOWN (w) ||
          GTK_IS_LIST_BOX_ROW (w) || GTK_IS_ENTRY (w) ||
          gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (w)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
        return TRUE;
      if (GTK_IS_ROOT (w))
        break;
    }
  return FALSE;
}

static GtkWidget *
first_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = first_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* A page a stack (GtkStack, AdwViewStack, AdwSqueezer…) does not show is
 * unmapped but visible: GTK 4.8 keeps it in the accessible tree at the
 * place and size it had, and a screen reader reads the board behind the
 * deal page. Hidden from it until the stack shows the page again. */
static gboolean
on_unmap (GSignalInvocationHint *hint,
          guint                  n_values,
          const GValue          *values,
          gpointer               data)
{
  GObject *object = g_value_get_object (&values[0]);
  GtkWidget *widget;

  if (!GTK_IS_WIDGET (object))
    return TRUE;
  widget = GTK_WIDGET (object);

  if (gtk_widget_get_visible (widget) && !gtk_widget_get_child_visible (widget) &&
      g_object_get_data (object, PAGED_KEY) == NULL)
    {
      g_object_set_data (object, PAGED_KEY, GINT_TO_POINTER (TRUE));
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                   -1);
    }
  return TRUE;
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        g_ptr_array_add (buttons, child);
      else
        collect_buttons (child, buttons);
    }
}

/* GtkCalendar's arrows, in the order GTK 4.8 lays them out: the month's
 * then the year's. */
static void
name_calendar_arrows (GtkWidget *calendar)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  const char *names[] = {
    N_("Previous Month"), N_("Next Month"), N_("Previous Year"), N_("Next Year"),
  };

  collect_buttons (calendar, buttons);
  if (buttons->len != G_N_ELEMENTS (names))
    return;
  for (guint i = 0; i < buttons->len; i++)
    gtk_accessible_update_property (g_ptr_array_index (buttons, i),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _(names[i]),
                                    -1);
}

static gboolean
on_map (GSignalInvocationHint *hint,
        guint                  n_values,
        const GValue          *values,
        gpointer               data)
{
  GObject *object = g_value_get_object (&values[0]);
  GtkWidget *widget;

  if (!GTK_IS_WIDGET (object))
    return TRUE;
  widget = GTK_WIDGET (object);

  if (g_object_get_data (object, PAGED_KEY) != NULL)
    {
      g_object_set_data (object, PAGED_KEY, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN);
    }

  if (g_object_get_data (object, NAMED_KEY) != NULL)
    return TRUE;

  if (GTK_IS_CALENDAR (widget))
    {
      g_object_set_data (object, NAMED_KEY, GINT_TO_POINTER (TRUE));
      name_calendar_arrows (widget);
    }
  else if (GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget))
    {
      GtkWidget *child = GTK_IS_BUTTON (widget) ? gtk_button_get_child (GTK_BUTTON (widget)) : NULL;

      g_object_set_data (object, NAMED_KEY, GINT_TO_POINTER (TRUE));
      /* A button that holds a label of its own making (libadwaita's
       * version button in About) is named by it. */
      if (GTK_IS_LABEL (child) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL &&
          !GTK_IS_STACK_SWITCHER (gtk_widget_get_parent (widget)))
        gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, child, NULL,
                                        -1);
      /* A page of GtkStackSwitcher (the keyboard shortcuts' 1 and 2):
       * the page's title as written ("_1") and its mnemonic label. */
      if (GTK_IS_STACK_SWITCHER (gtk_widget_get_parent (widget)) && GTK_IS_LABEL (child) &&
          gtk_label_get_use_underline (GTK_LABEL (child)))
        {
          g_autofree char *name = strip_mnemonic (gtk_label_get_label (GTK_LABEL (child)));

          gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                          -1);
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
        }
      /* The search button of the keyboard shortcuts, an icon only. */
      if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_IMAGE (child) &&
          gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUTS_WINDOW) != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Shortcuts"),
                                        -1);
      /* AdwButtonContent names its button (labelled-by its label): a
       * name of the button's own as well is read out twice. */
      if (GTK_IS_BUTTON (widget) && ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (widget))))
        gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
      name_button_once (widget);
      g_signal_connect (widget, "notify::label", G_CALLBACK (on_button_label_changed), NULL);
      g_signal_connect (widget, "notify::use-underline", G_CALLBACK (on_button_label_changed), NULL);
    }
  else if (GTK_IS_DROP_DOWN (widget))
    {
      GtkWidget *button = gtk_widget_get_first_child (widget);

      g_object_set_data (object, NAMED_KEY, GINT_TO_POINTER (TRUE));
      /* The drop-down's own label (its .ui's, or its row's) names the
       * button that opens it. */
      if (GTK_IS_TOGGLE_BUTTON (button))
        gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, widget, NULL,
                                        -1);
    }
  else if (GTK_IS_IMAGE (widget))
    {
      g_object_set_data (object, NAMED_KEY, GINT_TO_POINTER (TRUE));
      /* …and so is the application's icon in About, above its name. */
      if (inside_named_control (widget) || gtk_widget_get_ancestor (widget, ADW_TYPE_ABOUT_WINDOW) != NULL)
        gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                     GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                     -1);
    }
  else if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM &&
           (gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) != NULL ||
            gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN) != NULL))
    {
      /* The choice a combo row or a drop-down shows, or one of its list:
       * read as its text. */
      GtkWidget *label = first_label (widget);

      if (label != NULL)
        {
          g_object_set_data (object, NAMED_KEY, GINT_TO_POINTER (TRUE));
          gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                          GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                          -1);
        }
    }

  return TRUE;
}

/**
 * rapport_a11y_init:
 *
 * Puts the names right of every button, drop-down and icon the app shows
 * from now on. Call once, after gtk_init() (the application's startup).
 */
void
rapport_a11y_init (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      /* Kept for the life of the process: the hook needs the class. */
      GTypeClass *widget_class = g_type_class_ref (GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, on_map, NULL, NULL);
      g_signal_add_emission_hook (g_signal_lookup ("unmap", GTK_TYPE_WIDGET), 0, on_unmap, NULL, NULL);
      (void) widget_class;
      g_once_init_leave (&once, 1);
    }
}

/**
 * rapport_a11y_name_list_row:
 * @child: the child of a GtkListView's row (or of a GtkGridView's cell)
 * @name: what a screen reader says for the row
 *
 * Names the row that holds @child; nothing when @child is in no row.
 */
void
rapport_a11y_name_list_row (GtkWidget  *child,
                            const char *name)
{
  GtkWidget *row;

  g_return_if_fail (GTK_IS_WIDGET (child));

  row = gtk_widget_get_parent (child);
  if (row == NULL || gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row)) != GTK_ACCESSIBLE_ROLE_LIST_ITEM)
    return;
  if (name != NULL && *name != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
grab_focus_once (GtkWidget *widget,
                 GtkWidget *root)
{
  g_signal_handlers_disconnect_by_func (root, grab_focus_once, widget);
  gtk_widget_grab_focus (widget);
}

/**
 * rapport_a11y_focus_when_shown:
 * @widget: what has the focus first in its dialog
 *
 * Gives @widget the focus once its window shows (at once if it does).
 * A dialog that takes the focus before it is shown is made known to
 * screen readers then, before GTK 4.8 knows its role: it stays a
 * "filler" instead of a dialog.
 */
void
rapport_a11y_focus_when_shown (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  if (root == NULL || gtk_widget_get_mapped (GTK_WIDGET (root)))
    {
      gtk_widget_grab_focus (widget);
      return;
    }
  g_signal_connect_object (root, "map", G_CALLBACK (grab_focus_once), widget,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}
