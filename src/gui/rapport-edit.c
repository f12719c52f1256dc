/* rapport-edit.c — saving edits as they are made, with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-edit.h"

/* Setting a field */

typedef struct
{
  RapportContext *context;
  RapportRecord *record;
  char          *property;
  GValue         old_value;
} FieldUndo;

static void
field_undo_free (FieldUndo *undo)
{
  g_object_unref (undo->record);
  g_free (undo->property);
  g_value_unset (&undo->old_value);
  g_free (undo);
}

static gboolean
field_undo (RapportStore  *store,
            gpointer       data,
            GError       **error)
{
  FieldUndo *undo = data;

  return rapport_store_update (store, undo->record, undo->property, &undo->old_value, error);
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  g_auto(GValue) converted = G_VALUE_INIT;

  g_value_init (&converted, G_VALUE_TYPE (a));
  if (!g_value_transform (b, &converted))
    return FALSE;

  if (G_VALUE_HOLDS_STRING (a))
    {
      const char *sa = g_value_get_string (a), *sb = g_value_get_string (&converted);

      /* Empty text is stored as "not set". */
      return g_strcmp0 (sa && *sa ? sa : NULL, sb && *sb ? sb : NULL) == 0;
    }

  {
    g_autofree char *ca = g_strdup_value_contents (a);
    g_autofree char *cb = g_strdup_value_contents (&converted);

    return g_strcmp0 (ca, cb) == 0;
  }
}

/* A field's name as the views label it, for the undo toast. */
static const char *
field_label (const char *property)
{
  static const struct { const char *property; const char *label; } labels[] = {
    { "name", N_("Name") }, { "title", N_("Title") }, { "email", N_("Email") },
    { "phone", N_("Phone") }, { "website", N_("Website") }, { "source", N_("Source") },
    { "owner", N_("Owner") }, { "organization-id", N_("Organization") },
    { "contact-id", N_("Contact") }, { "lifecycle", N_("Lifecycle") }, { "value", N_("Value") },
    { "currency", N_("Currency") }, { "expected-close", N_("Expected Close") },
    { "bant-budget-note", N_("Budget Note") }, { "bant-authority-note", N_("Authority Note") },
    { "bant-need-note", N_("Need Note") }, { "bant-timeline-note", N_("Timeline Note") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].property, property))
      return _(labels[i].label);

  return property;
}

gboolean
rapport_edit_set (RapportContext *context,
                  RapportRecord  *record,
                  const char     *property,
                  const GValue   *value,
                  GError        **error)
{
  RapportStore *store = rapport_context_get_store (context);
  g_autoptr(GError) local_error = NULL;
  GParamSpec *pspec;
  FieldUndo *undo;

  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (RAPPORT_IS_RECORD (record), FALSE);
  g_return_val_if_fail (property != NULL && value != NULL, FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);
  if (pspec == NULL)
    {
      g_set_error (&local_error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The field “%s” cannot be edited here"), property);
      goto fail;
    }

  undo = g_new0 (FieldUndo, 1);
  undo->record = g_object_ref (record);
  undo->property = g_strdup (pspec->name);
  g_value_init (&undo->old_value, pspec->value_type);
  g_object_get_property (G_OBJECT (record), pspec->name, &undo->old_value);

  if (values_equal (&undo->old_value, value))
    {
      field_undo_free (undo);
      return TRUE;
    }

  if (!rapport_store_update (store, record, pspec->name, value, &local_error))
    {
      field_undo_free (undo);
      goto fail;
    }

  {
    g_autofree char *label = NULL;

    /* Translators: the undo step of editing a field; %s is its name. */
    label = g_strdup_printf (_("Change of %s"), field_label (pspec->name));
    rapport_context_push_undo (context, label, field_undo, undo, (GDestroyNotify) field_undo_free);
  }

  return TRUE;

fail:
  if (error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    rapport_context_report_error (context, local_error);

  return FALSE;
}

gboolean
rapport_edit_set_string (RapportContext *context,
                         RapportRecord  *record,
                         const char     *property,
                         const char     *text,
                         GError        **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);

  return rapport_edit_set (context, record, property, &value, error);
}

gboolean
rapport_edit_set_int64 (RapportContext *context,
                        RapportRecord  *record,
                        const char     *property,
                        gint64          number,
                        GError        **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, number);

  return rapport_edit_set (context, record, property, &value, error);
}

gboolean
rapport_edit_set_enum (RapportContext *context,
                       RapportRecord  *record,
                       const char     *property,
                       int             number,
                       GError        **error)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (pspec != NULL && G_IS_PARAM_SPEC_ENUM (pspec), FALSE);

  g_value_init (&value, pspec->value_type);
  g_value_set_enum (&value, number);

  return rapport_edit_set (context, record, property, &value, error);
}

/* Undo of an added record */

static gboolean
added_undo (RapportStore  *store,
            gpointer       data,
            GError       **error)
{
  return rapport_store_delete (store, RAPPORT_RECORD (data), error);
}

void
rapport_edit_push_undo_add (RapportContext *context,
                            const char     *label,
                            RapportRecord  *record)
{
  g_return_if_fail (RAPPORT_IS_RECORD (record));

  rapport_context_push_undo (context, label, added_undo, g_object_ref (record), g_object_unref);
}

static gboolean
done_undo (RapportStore  *store,
           gpointer       data,
           GError       **error)
{
  return rapport_store_reopen_activity (store, RAPPORT_ACTIVITY (data), error);
}

void
rapport_edit_push_undo_done (RapportContext  *context,
                             const char      *label,
                             RapportActivity *activity)
{
  g_return_if_fail (RAPPORT_IS_ACTIVITY (activity));

  rapport_context_push_undo (context, label, done_undo, g_object_ref (activity), g_object_unref);
}

/* Undo of a logged activity: it, the follow-up it scheduled and the first
 * contact it was go together. */
typedef struct
{
  RapportActivity *logged;
  RapportActivity *next;     /* nullable */
} LogUndo;

static void
log_undo_free (LogUndo *undo)
{
  g_clear_object (&undo->logged);
  g_clear_object (&undo->next);
  g_free (undo);
}

static gboolean
log_undo (RapportStore  *store,
          gpointer       data,
          GError       **error)
{
  LogUndo *undo = data;

  return rapport_store_unlog_activity (store, undo->logged, undo->next, error);
}

guint64
rapport_edit_push_undo_log (RapportContext  *context,
                            const char      *label,
                            RapportActivity *logged,
                            RapportActivity *next)
{
  LogUndo *undo;

  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (logged), 0);
  g_return_val_if_fail (next == NULL || RAPPORT_IS_ACTIVITY (next), 0);

  undo = g_new0 (LogUndo, 1);
  undo->logged = g_object_ref (logged);
  undo->next = next != NULL ? g_object_ref (next) : NULL;

  return rapport_context_push_undo (context, label, log_undo, undo, (GDestroyNotify) log_undo_free);
}

gboolean
rapport_edit_complete_followup (RapportContext   *context,
                                const char       *label,
                                RapportActivity  *activity,
                                GError          **error)
{
  RapportStore *store = rapport_context_get_store (context);

  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (activity), FALSE);

  /* A lead's follow-up done is the first contact: logged as an activity,
   * as Mark Contacted does, and taken back with it. */
  if (rapport_activity_awaits_first_contact (activity))
    {
      g_autoptr(RapportActivity) logged = rapport_store_mark_contacted (store, activity, error);

      if (logged == NULL)
        return FALSE;
      rapport_edit_push_undo_log (context, label, logged, NULL);
      return TRUE;
    }

  if (!rapport_store_complete_activity (store, activity, error))
    return FALSE;
  rapport_edit_push_undo_done (context, label, activity);
  return TRUE;
}

/* Text fields bound to a record */

typedef struct
{
  RapportContext *context;
  RapportRecord *record;
  char          *property;
  GtkLabel      *message;   /* unowned: a sibling in the same template */
  char          *synced;    /* the text last shown from the record */
} TextBinding;

static void
text_binding_free (TextBinding *binding)
{
  g_clear_object (&binding->context);
  g_clear_object (&binding->record);
  g_free (binding->property);
  g_free (binding->synced);
  g_free (binding);
}

static char *
stored_text (TextBinding *binding)
{
  char *text = NULL;

  g_object_get (binding->record, binding->property, &text, NULL);

  return text;
}

static void
show_message (GtkWidget   *editable,
              TextBinding *binding,
              const char  *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (editable, "error");
  else
    gtk_widget_remove_css_class (editable, "error");

  if (binding->message != NULL)
    {
      gtk_label_set_label (binding->message, message ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (binding->message), message != NULL);
    }
}

static void
save_text (GtkWidget *editable)
{
  TextBinding *binding = g_object_get_data (G_OBJECT (editable), "rapport-text-binding");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (editable));
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;

  if (binding == NULL)
    return;

  stored = stored_text (binding);
  if (g_strcmp0 (stored ? stored : "", text) == 0)
    {
      show_message (editable, binding, NULL);
      return;
    }

  if (rapport_edit_set_string (binding->context, binding->record, binding->property, text, &error))
    {
      g_free (binding->synced);
      binding->synced = g_strdup (text);
      show_message (editable, binding, NULL);
      return;
    }

  /* A refused value stays as typed, with the reason beside it, so it can
   * be mended; a save that failed for another reason (a locked or full
   * disk) puts back what is really stored and says so. */
  if (g_error_matches (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID))
    {
      show_message (editable, binding, error->message);
      if (binding->message == NULL)
        rapport_context_report_error (binding->context, error);
      return;
    }

  g_free (binding->synced);
  binding->synced = g_strdup (stored ? stored : "");
  gtk_editable_set_text (GTK_EDITABLE (editable), binding->synced);
  show_message (editable, binding, NULL);
  rapport_context_report_error (binding->context, error);
}

static void
on_record_text_changed (GtkWidget  *editable,
                        GParamSpec *pspec,
                        GObject    *record)
{
  TextBinding *binding = g_object_get_data (G_OBJECT (editable), "rapport-text-binding");
  g_autofree char *stored = NULL;

  if (binding == NULL)
    return;

  /* Someone else's change (or an undo) wins, unless the user has typed
   * something of their own that is not saved yet. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editable)), binding->synced ? binding->synced : "") != 0)
    return;

  stored = stored_text (binding);
  g_free (binding->synced);
  binding->synced = g_strdup (stored ? stored : "");
  show_message (editable, binding, NULL);
  gtk_editable_set_text (GTK_EDITABLE (editable), binding->synced);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                GtkWidget               *editable)
{
  save_text (editable);
}

/* Ctrl+Z in a bound field: with typing not saved yet (or refused), it
 * puts back the stored text; otherwise it is the window's undo, so the last saved
 * change is taken back wherever the focus is, as the user expects after
 * pressing Enter. (GtkText would otherwise take the key for its own
 * history, which starts with the text the binding set.) */
static gboolean
on_bound_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkWidget             *editable)
{
  TextBinding *binding = g_object_get_data (G_OBJECT (editable), "rapport-text-binding");
  const char *synced = binding != NULL ? binding->synced
                                       : g_object_get_data (G_OBJECT (editable), "rapport-synced-text");

  /* Escape gives up what was typed (or refused): the stored text again. */
  if (keyval == GDK_KEY_Escape && (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) == 0)
    {
      if (synced == NULL || g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editable)), synced) == 0)
        return GDK_EVENT_PROPAGATE;
      gtk_editable_set_text (GTK_EDITABLE (editable), synced);
      gtk_editable_set_position (GTK_EDITABLE (editable), -1);
      if (binding != NULL)
        show_message (editable, binding, NULL);
      return GDK_EVENT_STOP;
    }

  if ((keyval != GDK_KEY_z && keyval != GDK_KEY_Z) ||
      (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) != GDK_CONTROL_MASK)
    return GDK_EVENT_PROPAGATE;

  if (synced != NULL && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editable)), synced) != 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (editable), synced);
      gtk_editable_set_position (GTK_EDITABLE (editable), -1);
      if (binding != NULL)
        show_message (editable, binding, NULL);
      return GDK_EVENT_STOP;
    }

  rapport_context_undo (g_object_get_data (G_OBJECT (editable), "rapport-context"));
  return GDK_EVENT_STOP;
}

void
rapport_edit_take_undo (RapportContext *context,
                        GtkWidget      *editable)
{
  GtkEventController *keys;

  g_return_if_fail (RAPPORT_IS_CONTEXT (context));
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  /* The context whose history Ctrl+Z walks back; set once, also as the
   * sign that the field has its key handler already. */
  if (g_object_get_data (G_OBJECT (editable), "rapport-context") != NULL)
    return;
  g_object_set_data_full (G_OBJECT (editable), "rapport-context",
                          g_object_ref (context), g_object_unref);

  gtk_editable_set_enable_undo (GTK_EDITABLE (editable), FALSE);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_bound_key_pressed), editable);
  gtk_widget_add_controller (editable, keys);
}

void
rapport_edit_set_synced_text (GtkWidget  *editable,
                              const char *text)
{
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  g_object_set_data_full (G_OBJECT (editable), "rapport-synced-text", g_strdup (text ? text : ""), g_free);
}

const char *
rapport_edit_get_synced_text (GtkWidget *editable)
{
  const char *text;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), "");

  text = g_object_get_data (G_OBJECT (editable), "rapport-synced-text");

  return text != NULL ? text : "";
}

void
rapport_edit_bind_text (RapportContext *context,
                        GtkWidget      *editable,
                        GtkLabel       *message,
                        RapportRecord  *record,
                        const char     *property)
{
  TextBinding *binding;
  GtkEventController *focus;
  g_autofree char *signal = NULL;
  g_autofree char *stored = NULL;

  g_return_if_fail (RAPPORT_IS_CONTEXT (context));
  g_return_if_fail (GTK_IS_EDITABLE (editable));
  g_return_if_fail (RAPPORT_IS_RECORD (record));
  g_return_if_fail (g_object_class_find_property (G_OBJECT_GET_CLASS (record), property) != NULL);

  binding = g_new0 (TextBinding, 1);
  binding->context = g_object_ref (context);
  binding->record = g_object_ref (record);
  binding->property = g_strdup (property);
  binding->message = message;
  g_object_set_data_full (G_OBJECT (editable), "rapport-text-binding", binding,
                          (GDestroyNotify) text_binding_free);

  stored = stored_text (binding);
  binding->synced = g_strdup (stored ? stored : "");
  rapport_edit_take_undo (context, editable);
  gtk_editable_set_text (GTK_EDITABLE (editable), binding->synced);
  show_message (editable, binding, NULL);

  /* Enter saves: AdwEntryRow says so with ::entry-activated, GtkEntry and
   * GtkText with ::activate. */
  if (g_signal_lookup ("entry-activated", G_OBJECT_TYPE (editable)) != 0)
    g_signal_connect (editable, "entry-activated", G_CALLBACK (save_text), NULL);
  else if (g_signal_lookup ("activate", G_OBJECT_TYPE (editable)) != 0)
    g_signal_connect (editable, "activate", G_CALLBACK (save_text), NULL);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), editable);
  gtk_widget_add_controller (editable, focus);

  rapport_edit_take_undo (context, editable);

  signal = g_strdup_printf ("notify::%s", property);
  g_signal_connect_object (record, signal, G_CALLBACK (on_record_text_changed), editable,
                           G_CONNECT_SWAPPED);
}
