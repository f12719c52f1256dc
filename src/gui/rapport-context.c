/* rapport-context.c — what every view of a window works with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-context"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-context.h"

/* Enough for a working session; the oldest steps fall off. */
#define MAX_UNDO_STEPS 100

typedef struct
{
  guint64         id;
  char           *label;
  RapportUndoFunc undo;
  gpointer        data;
  GDestroyNotify  destroy;
  GWeakRef        toast;     /* its toast with Undo, dismissed once undone */
} UndoStep;

struct _RapportContext
{
  GObject          parent_instance;

  /* Owned references */
  RapportStore    *store;

  /* Borrowed: the window's, weak, since the window owns this context */
  AdwToastOverlay *toast_overlay;

  /* Owned memory: one history per window, newest first */
  GQueue           undo_steps;
  guint64          last_step_id;
};

G_DEFINE_FINAL_TYPE (RapportContext, rapport_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TOAST_OVERLAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
undo_step_free (UndoStep *step)
{
  if (step->destroy != NULL)
    step->destroy (step->data);
  g_weak_ref_clear (&step->toast);
  g_free (step->label);
  g_free (step);
}

static void
rapport_context_dispose (GObject *object)
{
  RapportContext *self = RAPPORT_CONTEXT (object);

  /* The steps hold records, whose undo needs the store: both go now. */
  while (!g_queue_is_empty (&self->undo_steps))
    undo_step_free (g_queue_pop_head (&self->undo_steps));
  g_clear_weak_pointer (&self->toast_overlay);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_context_parent_class)->dispose (object);
}

static void
rapport_context_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RapportContext *self = RAPPORT_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_TOAST_OVERLAY:
      g_value_set_object (value, self->toast_overlay);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_context_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RapportContext *self = RAPPORT_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_TOAST_OVERLAY:
      rapport_context_set_toast_overlay (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_context_class_init (RapportContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_context_dispose;
  object_class->get_property = rapport_context_get_property;
  object_class->set_property = rapport_context_set_property;

  /**
   * RapportContext:store:
   *
   * The database the views show and edit.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportContext:toast-overlay:
   *
   * Where the views' toasts show (the window's); NULL before the window
   * gives it, and once it is gone.
   */
  properties[PROP_TOAST_OVERLAY] =
    g_param_spec_object ("toast-overlay", NULL, NULL,
                         ADW_TYPE_TOAST_OVERLAY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_context_init (RapportContext *self)
{
  g_queue_init (&self->undo_steps);
}

RapportContext *
rapport_context_new (RapportStore *store)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_CONTEXT, "store", store, NULL);
}

/**
 * rapport_context_get_store:
 *
 * Returns: (transfer none): the database the views show
 */
RapportStore *
rapport_context_get_store (RapportContext *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), NULL);

  return self->store;
}

/**
 * rapport_context_get_toast_overlay:
 *
 * Returns: (transfer none) (nullable): where toasts show
 */
AdwToastOverlay *
rapport_context_get_toast_overlay (RapportContext *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), NULL);

  return self->toast_overlay;
}

void
rapport_context_set_toast_overlay (RapportContext  *self,
                                   AdwToastOverlay *overlay)
{
  g_return_if_fail (RAPPORT_IS_CONTEXT (self));
  g_return_if_fail (overlay == NULL || ADW_IS_TOAST_OVERLAY (overlay));

  if (g_set_weak_pointer (&self->toast_overlay, overlay))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOAST_OVERLAY]);
}

/**
 * rapport_context_add_toast:
 * @toast: (transfer full): the toast to show
 *
 * Views report what happened (or failed) through the window's one overlay.
 */
void
rapport_context_add_toast (RapportContext *self,
                           AdwToast       *toast)
{
  g_return_if_fail (RAPPORT_IS_CONTEXT (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (self->toast_overlay == NULL)
    {
      g_debug ("No window to show “%s”", adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A save that failed stays on screen until dismissed: the user has to
 * know that what they see is not what is stored. */
void
rapport_context_report_error (RapportContext *self,
                              const GError   *error)
{
  g_autofree char *message = NULL;
  AdwToast *toast;

  g_return_if_fail (RAPPORT_IS_CONTEXT (self));
  g_return_if_fail (error != NULL);

  /* Translators: a change could not be stored; %s says why. */
  message = g_strdup_printf (_("Not saved: %s"), error->message);
  if (self->toast_overlay == NULL)
    {
      g_warning ("%s", message);
      return;
    }

  toast = adw_toast_new (message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  rapport_context_add_toast (self, toast);
}

guint64
rapport_context_push_undo (RapportContext  *self,
                           const char      *label,
                           RapportUndoFunc  undo,
                           gpointer         data,
                           GDestroyNotify   destroy)
{
  UndoStep *step;

  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), 0);
  g_return_val_if_fail (undo != NULL, 0);

  step = g_new0 (UndoStep, 1);
  step->id = ++self->last_step_id;
  g_weak_ref_init (&step->toast, NULL);
  step->label = g_strdup (label);
  step->undo = undo;
  step->data = data;
  step->destroy = destroy;

  g_queue_push_head (&self->undo_steps, step);
  while (g_queue_get_length (&self->undo_steps) > MAX_UNDO_STEPS)
    undo_step_free (g_queue_pop_tail (&self->undo_steps));
  return step->id;
}

static UndoStep *
find_step (RapportContext *self,
           guint64         id)
{
  for (GList *l = self->undo_steps.head; l != NULL; l = l->next)
    if (((UndoStep *) l->data)->id == id)
      return l->data;
  return NULL;
}

/* A toast whose Undo takes back step @id only: once that step is undone
 * (by Ctrl+Z too) the toast goes, so its button never undoes another. */
AdwToast *
rapport_context_undo_toast_new (RapportContext *self,
                                const char     *title,
                                guint64         id)
{
  AdwToast *toast;
  UndoStep *step;

  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), NULL);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-step");
  adw_toast_set_action_target (toast, "t", id);
  adw_toast_set_timeout (toast, 10);
  if ((step = find_step (self, id)) != NULL)
    g_weak_ref_set (&step->toast, toast);
  return toast;
}

gboolean
rapport_context_undo_step (RapportContext *self,
                           guint64         id)
{
  UndoStep *top;

  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), FALSE);

  top = g_queue_peek_head (&self->undo_steps);
  if (top == NULL || top->id != id)
    {
      /* Undone already, or later changes stand on it: Ctrl+Z goes
       * through them in order. */
      rapport_context_add_toast (self, adw_toast_new (find_step (self, id) != NULL
                                                        ? _("Undo the later changes first, with Ctrl+Z")
                                                        : _("This change was undone already")));
      return FALSE;
    }
  return rapport_context_undo (self);
}

gboolean
rapport_context_undo (RapportContext *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  UndoStep *step;

  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), FALSE);

  step = g_queue_pop_head (&self->undo_steps);
  if (step == NULL)
    {
      rapport_context_add_toast (self, adw_toast_new (_("Nothing to undo")));
      return FALSE;
    }

  {
    g_autoptr(AdwToast) toast = g_weak_ref_get (&step->toast);

    if (toast != NULL)
      adw_toast_dismiss (toast);
  }

  if (!step->undo (self->store, step->data, &error))
    rapport_context_report_error (self, error);
  else
    {
      /* Translators: %s names the change that was taken back. */
      message = g_strdup_printf (_("Undone: %s"), step->label);
      rapport_context_add_toast (self, adw_toast_new (message));
    }

  undo_step_free (step);

  return error == NULL;
}
