/* rapport-notifier.c — desktop notifications that never block the caller
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libnotify is synchronous and keeps global state. Both facts are handled
 * the same way: one worker thread owns libnotify. It runs its own main loop
 * with its own context pushed as thread-default before the first call, so
 * the D-Bus proxy libnotify creates delivers ActionInvoked there, and the
 * action callbacks run on the worker. Jobs go to the worker, and results
 * and actions come back to the owner's context, by g_main_context_invoke.
 *
 * The owner never waits for the worker: a show gets RAPPORT_NOTIFIER_TIMEOUT_MS
 * to come back, then the server counts as unavailable and the reminder is
 * handed back as a "fallback" for the window to show.
 */

#define G_LOG_DOMAIN "rapport-reminders"

#include "config.h"

#include <libnotify/notify.h>

#include "rapport-notifier.h"

/* How long dispose waits for the worker to finish before leaving it
 * behind: a frozen server holds the thread for 25 s per call. */
#define QUIT_WAIT_MS 250

typedef struct
{
  gatomicrefcount  ref_count;

  /* Owner's thread only */
  GThread         *thread;
  RapportNotifier *owner;           /* NULL once the owner is disposed */

  /* Set before the thread starts, read-only after */
  GMainContext    *context;         /* the worker's own */
  GMainLoop       *loop;
  GMainContext    *owner_context;
  char            *app_name;
  char            *desktop_entry;

  /* Worker thread only */
  GHashTable      *notifications;   /* gint64 key → NotifyNotification */

  /* Under lock */
  GMutex           lock;
  GCond            cond;
  gboolean         finished;
} Worker;

typedef enum
{
  JOB_PROBE,
  JOB_SHOW,
  JOB_CLOSE,
  JOB_QUIT,
} JobKind;

typedef struct
{
  Worker                 *worker;   /* borrowed: jobs only run on its thread */
  JobKind                 kind;
  guint                   seq;
  gint64                  key;
  char                   *summary;
  char                   *body;
  RapportNotifierUrgency  urgency;
  GStrv                   actions;
} Job;

typedef struct
{
  Worker   *worker;                 /* owned reference */
  guint     seq;
  gboolean  ok;
  char     *message;
} Result;

typedef struct
{
  Worker   *worker;                 /* owned reference */
  gint64    key;
  char     *action;
  char     *activation_token;
} Activation;

typedef struct
{
  RapportNotifier *self;            /* borrowed: the table it lives in is self's */
  guint            seq;
  gint64           key;
  char            *fallback;
  gboolean         fallback_done;
  GSource         *timeout;
} Request;

struct _RapportNotifier
{
  GObject     parent_instance;

  /* Owned */
  Worker     *worker;
  GHashTable *requests;             /* seq → Request, until the worker answers */

  guint       next_seq;
  gboolean    available;
  gboolean    logged_unavailable;   /* said so once since the server last worked */
};

G_DEFINE_FINAL_TYPE (RapportNotifier, rapport_notifier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTION_INVOKED,
  FALLBACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The worker */

static Worker *
worker_ref (Worker *worker)
{
  g_atomic_ref_count_inc (&worker->ref_count);
  return worker;
}

static void
worker_unref (Worker *worker)
{
  if (!g_atomic_ref_count_dec (&worker->ref_count))
    return;

  g_clear_pointer (&worker->notifications, g_hash_table_unref);
  g_clear_pointer (&worker->loop, g_main_loop_unref);
  g_clear_pointer (&worker->context, g_main_context_unref);
  g_clear_pointer (&worker->owner_context, g_main_context_unref);
  g_clear_pointer (&worker->app_name, g_free);
  g_clear_pointer (&worker->desktop_entry, g_free);
  g_mutex_clear (&worker->lock);
  g_cond_clear (&worker->cond);
  g_free (worker);
}

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->summary);
  g_free (job->body);
  g_strfreev (job->actions);
  g_free (job);
}

static void
result_free (gpointer data)
{
  Result *result = data;

  worker_unref (result->worker);
  g_free (result->message);
  g_free (result);
}

static void
activation_free (gpointer data)
{
  Activation *activation = data;

  worker_unref (activation->worker);
  g_free (activation->action);
  g_free (activation->activation_token);
  g_free (activation);
}

static gboolean deliver_result     (gpointer data);
static gboolean deliver_activation (gpointer data);

/* Worker thread. */
static void
post_result (Worker     *worker,
             guint       seq,
             gboolean    ok,
             const char *message)
{
  Result *result = g_new0 (Result, 1);

  result->worker = worker_ref (worker);
  result->seq = seq;
  result->ok = ok;
  result->message = g_strdup (message);

  g_main_context_invoke_full (worker->owner_context, G_PRIORITY_DEFAULT,
                              deliver_result, result, result_free);
}

/* Worker thread: libnotify calls this from the proxy's ActionInvoked,
 * which arrives on the context the worker pushed. */
static void
on_action (NotifyNotification *notification,
           char               *action,
           gpointer            user_data)
{
  Worker *worker = user_data;
  gint64 *key = g_object_get_data (G_OBJECT (notification), "rapport-key");
  Activation *activation;

  if (key == NULL)
    return;

  activation = g_new0 (Activation, 1);
  activation->worker = worker_ref (worker);
  activation->key = *key;
  activation->action = g_strdup (action);
  /* Lets the window that opens take the focus on Wayland. */
  activation->activation_token = g_strdup (notify_notification_get_activation_token (notification));

  g_main_context_invoke_full (worker->owner_context, G_PRIORITY_DEFAULT,
                              deliver_activation, activation, activation_free);
}

static gboolean
has_cap (GList      *caps,
         const char *cap)
{
  return g_list_find_custom (caps, cap, (GCompareFunc) g_strcmp0) != NULL;
}

/* Worker thread: initializes libnotify and asks the server what it can do.
 * notify_get_server_caps() logs a warning when there is no server, while
 * notify_get_server_info() only fails, so that one goes first; it also
 * creates and caches libnotify's proxy on this thread's context. */
static GList *
worker_connect (Worker  *worker,
                GError **error)
{
  GList *caps;

  if (!notify_is_initted () && !notify_init (worker->app_name))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "libnotify did not initialize");
      return NULL;
    }

  if (!notify_get_server_info (NULL, NULL, NULL, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                           "no notification server");
      return NULL;
    }

  caps = notify_get_server_caps ();
  /* A server with no capability at all still shows a summary. */
  if (caps == NULL)
    caps = g_list_prepend (caps, g_strdup ("rapport-none"));

  return caps;
}

static void
worker_show (Worker *worker,
             Job    *job)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  NotifyNotification *notification;
  GList *caps;
  gboolean ok;

  caps = worker_connect (worker, &error);
  if (caps == NULL)
    {
      post_result (worker, job->seq, FALSE, error->message);
      return;
    }

  /* A server that reads markup would take "Smith & Co" for broken markup. */
  if (job->body != NULL)
    body = has_cap (caps, "body-markup") ? g_markup_escape_text (job->body, -1) : g_strdup (job->body);

  notification = g_hash_table_lookup (worker->notifications, &job->key);
  if (notification == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = job->key;
      notification = notify_notification_new (job->summary, body, worker->desktop_entry);
      g_object_set_data_full (G_OBJECT (notification), "rapport-key", key, g_free);
      g_hash_table_insert (worker->notifications, key, notification);
    }
  else
    {
      /* The same object again: show() sends its id as replaces_id, so the
       * server updates the notification in place instead of stacking. */
      notify_notification_update (notification, job->summary, body, worker->desktop_entry);
    }

  notify_notification_set_urgency (notification, (NotifyUrgency) job->urgency);
  notify_notification_set_hint_string (notification, "desktop-entry", worker->desktop_entry);
  notify_notification_clear_actions (notification);
  if (job->actions != NULL && has_cap (caps, "actions"))
    for (guint i = 0; job->actions[i] != NULL && job->actions[i + 1] != NULL; i += 2)
      notify_notification_add_action (notification, job->actions[i], job->actions[i + 1],
                                      on_action, worker, NULL);

  ok = notify_notification_show (notification, &error);
  post_result (worker, job->seq, ok, ok ? NULL : error->message);

  g_list_free_full (caps, g_free);
}

static gboolean
worker_run_job (gpointer data)
{
  Job *job = data;
  Worker *worker = job->worker;

  switch (job->kind)
    {
    case JOB_PROBE:
      {
        g_autoptr(GError) error = NULL;
        GList *caps = worker_connect (worker, &error);

        post_result (worker, job->seq, caps != NULL, error ? error->message : NULL);
        g_list_free_full (caps, g_free);
      }
      break;

    case JOB_SHOW:
      worker_show (worker, job);
      break;

    case JOB_CLOSE:
      {
        NotifyNotification *notification = g_hash_table_lookup (worker->notifications, &job->key);

        if (notification != NULL)
          {
            /* Fails quietly when the server is gone: so is the notification. */
            notify_notification_close (notification, NULL);
            g_hash_table_remove (worker->notifications, &job->key);
          }
      }
      break;

    case JOB_QUIT:
      g_main_loop_quit (worker->loop);
      break;

    default:
      g_assert_not_reached ();
    }

  return G_SOURCE_REMOVE;
}

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;

  g_main_context_push_thread_default (worker->context);
  g_main_loop_run (worker->loop);

  /* Both may call the server; this is still the thread that owns libnotify.
   * notify_uninit() closes the notifications whose buttons nobody would
   * answer any more. */
  g_hash_table_remove_all (worker->notifications);
  if (notify_is_initted ())
    notify_uninit ();

  g_main_context_pop_thread_default (worker->context);

  g_mutex_lock (&worker->lock);
  worker->finished = TRUE;
  g_cond_signal (&worker->cond);
  g_mutex_unlock (&worker->lock);

  worker_unref (worker);

  return NULL;
}

static void
worker_post (Worker *worker,
             Job    *job)
{
  job->worker = worker;
  g_main_context_invoke_full (worker->context, G_PRIORITY_DEFAULT, worker_run_job, job, job_free);
}

/* Requests (owner's thread) */

static void
request_free (gpointer data)
{
  Request *request = data;

  if (request->timeout != NULL)
    {
      g_source_destroy (request->timeout);
      g_source_unref (request->timeout);
    }
  g_free (request->fallback);
  g_free (request);
}

static void
request_fall_back (Request *request)
{
  if (request->fallback_done || request->fallback == NULL)
    return;

  request->fallback_done = TRUE;
  g_signal_emit (request->self, signals[FALLBACK], 0, request->key, request->fallback);
}

static void
rapport_notifier_set_available (RapportNotifier *self,
                                gboolean         available,
                                const char      *reason)
{
  g_assert (RAPPORT_IS_NOTIFIER (self));

  if (available)
    {
      if (self->logged_unavailable)
        g_message ("the notification server answers again; showing reminders as notifications");
      self->logged_unavailable = FALSE;
    }
  else if (!self->logged_unavailable)
    {
      /* Once, not once per reminder: the window shows each of them. */
      g_message ("%s; showing reminders in the window", reason);
      self->logged_unavailable = TRUE;
    }

  if (self->available != available)
    {
      self->available = available;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
    }
}

static gboolean
on_request_timeout (gpointer data)
{
  Request *request = data;
  RapportNotifier *self = request->self;

  g_clear_pointer (&request->timeout, g_source_unref);

  /* The request stays: a late answer still tells the server is back. */
  rapport_notifier_set_available (self, FALSE, "the notification server does not answer");
  request_fall_back (request);

  return G_SOURCE_REMOVE;
}

static gboolean
deliver_result (gpointer data)
{
  Result *result = data;
  RapportNotifier *self = result->worker->owner;
  Request *request;

  if (self == NULL)
    return G_SOURCE_REMOVE;

  g_object_ref (self);

  if (result->ok)
    rapport_notifier_set_available (self, TRUE, NULL);
  else
    {
      g_debug ("showing a notification failed: %s", result->message);
      rapport_notifier_set_available (self, FALSE, "no notification server");
    }

  request = g_hash_table_lookup (self->requests, GUINT_TO_POINTER (result->seq));
  if (request != NULL)
    {
      if (!result->ok)
        request_fall_back (request);
      g_hash_table_remove (self->requests, GUINT_TO_POINTER (result->seq));
    }

  g_object_unref (self);

  return G_SOURCE_REMOVE;
}

static gboolean
deliver_activation (gpointer data)
{
  Activation *activation = data;
  RapportNotifier *self = activation->worker->owner;

  if (self != NULL)
    g_signal_emit (self, signals[ACTION_INVOKED], 0,
                   activation->key, activation->action, activation->activation_token);

  return G_SOURCE_REMOVE;
}

static guint
rapport_notifier_request (RapportNotifier *self,
                          gint64           key,
                          const char      *fallback)
{
  Request *request;
  guint seq;

  g_assert (RAPPORT_IS_NOTIFIER (self));

  seq = ++self->next_seq;

  request = g_new0 (Request, 1);
  request->self = self;
  request->seq = seq;
  request->key = key;
  request->fallback = g_strdup (fallback);
  request->timeout = g_timeout_source_new (RAPPORT_NOTIFIER_TIMEOUT_MS);
  g_source_set_callback (request->timeout, on_request_timeout, request, NULL);
  g_source_set_static_name (request->timeout, "[rapport] notification timeout");
  g_source_attach (request->timeout, self->worker->owner_context);
  g_hash_table_insert (self->requests, GUINT_TO_POINTER (seq), request);

  /* Known to be down: show it in the window now, and still try, so that a
   * server that came back is noticed. */
  if (!self->available)
    request_fall_back (request);

  return seq;
}

/* Public */

/**
 * rapport_notifier_new:
 * @app_name: the name libnotify sends with each notification
 * @desktop_entry: the application id, for the desktop-entry hint and icon
 *
 * Starts the worker thread and asks the server, in the background, whether
 * it is there.
 */
RapportNotifier *
rapport_notifier_new (const char *app_name,
                      const char *desktop_entry)
{
  RapportNotifier *self = g_object_new (RAPPORT_TYPE_NOTIFIER, NULL);
  Worker *worker = g_new0 (Worker, 1);
  Job *probe;

  g_atomic_ref_count_init (&worker->ref_count);
  g_mutex_init (&worker->lock);
  g_cond_init (&worker->cond);
  worker->owner = self;
  worker->context = g_main_context_new ();
  worker->loop = g_main_loop_new (worker->context, FALSE);
  worker->owner_context = g_main_context_ref_thread_default ();
  worker->app_name = g_strdup (app_name);
  worker->desktop_entry = g_strdup (desktop_entry);
  worker->notifications = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  self->worker = worker;

  /* The thread's reference. */
  worker->thread = g_thread_new ("rapport-notify", worker_thread, worker_ref (worker));

  probe = g_new0 (Job, 1);
  probe->kind = JOB_PROBE;
  probe->seq = rapport_notifier_request (self, 0, NULL);
  worker_post (worker, probe);

  return self;
}

/**
 * rapport_notifier_get_available:
 *
 * Returns: %FALSE once a show failed or timed out, until one succeeds
 */
gboolean
rapport_notifier_get_available (RapportNotifier *self)
{
  g_return_val_if_fail (RAPPORT_IS_NOTIFIER (self), FALSE);

  return self->available;
}

void
rapport_notifier_show (RapportNotifier         *self,
                       gint64                   key,
                       const char              *summary,
                       const char              *body,
                       RapportNotifierUrgency   urgency,
                       const char * const      *actions,
                       const char              *fallback)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_NOTIFIER (self));
  g_return_if_fail (self->worker != NULL);
  g_return_if_fail (summary != NULL && *summary != '\0');

  job = g_new0 (Job, 1);
  job->kind = JOB_SHOW;
  job->key = key;
  job->summary = g_strdup (summary);
  job->body = g_strdup (body);
  job->urgency = urgency;
  job->actions = g_strdupv ((char **) actions);
  job->seq = rapport_notifier_request (self, key, fallback);

  worker_post (self->worker, job);
}

void
rapport_notifier_close (RapportNotifier *self,
                        gint64           key)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_NOTIFIER (self));
  g_return_if_fail (self->worker != NULL);

  job = g_new0 (Job, 1);
  job->kind = JOB_CLOSE;
  job->key = key;

  worker_post (self->worker, job);
}

/* GObject */

static void
rapport_notifier_dispose (GObject *object)
{
  RapportNotifier *self = RAPPORT_NOTIFIER (object);
  Worker *worker = g_steal_pointer (&self->worker);

  g_hash_table_remove_all (self->requests);

  if (worker != NULL)
    {
      gint64 end = g_get_monotonic_time () + QUIT_WAIT_MS * G_TIME_SPAN_MILLISECOND;
      gboolean finished;
      Job *quit = g_new0 (Job, 1);

      worker->owner = NULL;
      quit->kind = JOB_QUIT;
      worker_post (worker, quit);

      g_mutex_lock (&worker->lock);
      while (!worker->finished)
        if (!g_cond_wait_until (&worker->cond, &worker->lock, end))
          break;
      finished = worker->finished;
      g_mutex_unlock (&worker->lock);

      /* A thread stuck in a call to a frozen server is left to finish (or
       * to end with the process); it holds its own reference. */
      if (finished)
        g_thread_join (worker->thread);
      else
        {
          g_debug ("the notification thread is still waiting for the server; not waiting for it");
          g_thread_unref (worker->thread);
        }
      worker->thread = NULL;

      worker_unref (worker);
    }

  G_OBJECT_CLASS (rapport_notifier_parent_class)->dispose (object);
}

static void
rapport_notifier_finalize (GObject *object)
{
  RapportNotifier *self = RAPPORT_NOTIFIER (object);

  g_clear_pointer (&self->requests, g_hash_table_unref);

  G_OBJECT_CLASS (rapport_notifier_parent_class)->finalize (object);
}

static void
rapport_notifier_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RapportNotifier *self = RAPPORT_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_notifier_class_init (RapportNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_notifier_dispose;
  object_class->finalize = rapport_notifier_finalize;
  object_class->get_property = rapport_notifier_get_property;

  /**
   * RapportNotifier:available:
   *
   * Whether notifications reach a server. %TRUE until a show fails or
   * takes longer than RAPPORT_NOTIFIER_TIMEOUT_MS.
   */
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportNotifier::action-invoked:
   * @key: the key the notification was shown with
   * @action: the action key, or "default" for a click on the notification
   * @activation_token: (nullable): for the window the action opens
   */
  signals[ACTION_INVOKED] =
    g_signal_new ("action-invoked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * RapportNotifier::fallback:
   * @key: the key the notification was to be shown with
   * @text: the fallback text given to rapport_notifier_show()
   *
   * The notification could not be shown, or not in time; emitted at most
   * once per show.
   */
  signals[FALLBACK] =
    g_signal_new ("fallback",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
}

static void
rapport_notifier_init (RapportNotifier *self)
{
  self->available = TRUE;
  self->requests = g_hash_table_new_full (NULL, NULL, NULL, request_free);
}
