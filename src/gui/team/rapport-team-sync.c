/* rapport-team-sync.c — the app in step with its team, on a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The object lives on the main thread; the thread shares a small
 * refcounted state with it, so a thread still waiting on the network when
 * the app quits holds nothing of the window's. What the thread learns
 * reaches the object as an Update, posted to the main context.
 */

#define G_LOG_DOMAIN "rapport-team"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib-unix.h>
#include <unistd.h>

#include "rapport-format.h"
#include "rapport-store-change-log.h"
#include "rapport-sync.h"
#include "rapport-team-secret.h"
#include "rapport-team-server.h"
#include "rapport-team-sync.h"
#include "rapport-worker-store.h"

/* A catch-up every half minute even with no news: a notice the server
 * sent while the connection was silently broken is lost. */
#define CATCH_UP_MS (30 * 1000)
/* After losing the server: 1, 2, 4… seconds, at most a minute. */
#define MAX_BACKOFF_S 60

G_DEFINE_ENUM_TYPE (RapportTeamState, rapport_team_state,
                    G_DEFINE_ENUM_VALUE (RAPPORT_TEAM_STATE_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (RAPPORT_TEAM_STATE_SYNCING, "syncing"),
                    G_DEFINE_ENUM_VALUE (RAPPORT_TEAM_STATE_SYNCED, "synced"),
                    G_DEFINE_ENUM_VALUE (RAPPORT_TEAM_STATE_OFFLINE, "offline"),
                    G_DEFINE_ENUM_VALUE (RAPPORT_TEAM_STATE_ERROR, "error"))

typedef struct
{
  gatomicrefcount  ref;
  GMutex           mutex;
  GCond            exited_cond;
  char            *db_path;
  GMainContext    *context;
  GWeakRef         owner;
  int              wake[2];     /* a byte in wake[1] wakes the thread */
  gboolean         stopping;
  gboolean         exited;
  /* The window's store says the file is in a team and was found sound:
   * until then the thread opens nothing (a damaged or foreign file is
   * never touched, not even by a -wal of the worker store's). */
  gboolean         in_team;
  char            *password;    /* this session's, from a join */
} Shared;

/* What the thread tells the object. */
typedef struct
{
  Shared           *shared;
  RapportTeamState  state;
  guint             pending;
  char             *error;
  char             *server;
  char             *user;
  gint64            synced_at;
  gboolean          wrote;      /* records changed: the window's store looks */
  char             *refused;    /* the server's refusals, one a line */
  double            fraction;   /* >= 0: a join's progress only */
} Update;

struct _RapportTeamSync
{
  GObject           parent_instance;

  RapportStore     *store;
  Shared           *shared;
  GThread          *thread;

  RapportTeamState  state;
  guint             pending;
  char             *error;
  char             *server;
  char             *user;
  gint64            synced_at;
  double            fraction;
  gboolean          joining;
  guint             check_id;
};

G_DEFINE_FINAL_TYPE (RapportTeamSync, rapport_team_sync, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STATE,
  PROP_PENDING,
  PROP_ERROR,
  PROP_SERVER,
  PROP_USER,
  PROP_SYNCED_AT,
  PROP_FRACTION,
  PROP_JOINING,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REFUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The shared state */

static Shared *
shared_ref (Shared *shared)
{
  g_atomic_ref_count_inc (&shared->ref);
  return shared;
}

static void
shared_unref (Shared *shared)
{
  if (!g_atomic_ref_count_dec (&shared->ref))
    return;
  for (int i = 0; i < 2; i++)
    if (shared->wake[i] >= 0)
      close (shared->wake[i]);
  g_weak_ref_clear (&shared->owner);
  g_main_context_unref (shared->context);
  g_free (shared->db_path);
  g_free (shared->password);
  g_mutex_clear (&shared->mutex);
  g_cond_clear (&shared->exited_cond);
  g_free (shared);
}

static void
shared_wake (Shared *shared)
{
  char byte = 1;

  /* Full pipe: the thread has a wake-up waiting already. */
  if (write (shared->wake[1], &byte, 1) < 0 && errno != EAGAIN)
    g_warning ("Could not wake the team sync: %s", g_strerror (errno));
}

static void
shared_drain (Shared *shared)
{
  char bytes[64];

  while (read (shared->wake[0], bytes, sizeof bytes) > 0)
    ;
}

static gboolean
shared_stopping (Shared *shared)
{
  gboolean stopping;

  g_mutex_lock (&shared->mutex);
  stopping = shared->stopping;
  g_mutex_unlock (&shared->mutex);
  return stopping;
}

static gboolean
shared_in_team (Shared *shared)
{
  gboolean in_team;

  g_mutex_lock (&shared->mutex);
  in_team = shared->in_team;
  g_mutex_unlock (&shared->mutex);
  return in_team;
}

static gboolean
shared_set_in_team (Shared   *shared,
                    gboolean  in_team)
{
  gboolean changed;

  g_mutex_lock (&shared->mutex);
  changed = shared->in_team != in_team;
  shared->in_team = in_team;
  g_mutex_unlock (&shared->mutex);
  return changed;
}

static char *
shared_dup_password (Shared *shared)
{
  char *password;

  g_mutex_lock (&shared->mutex);
  password = g_strdup (shared->password);
  g_mutex_unlock (&shared->mutex);
  return password;
}

static void
shared_set_password (Shared     *shared,
                     const char *password)
{
  g_mutex_lock (&shared->mutex);
  g_free (shared->password);
  shared->password = g_strdup (password);
  g_mutex_unlock (&shared->mutex);
}

/* Updates: thread to object */

static void
update_free (Update *update)
{
  shared_unref (update->shared);
  g_free (update->error);
  g_free (update->server);
  g_free (update->user);
  g_free (update->refused);
  g_free (update);
}

static void
set_string (RapportTeamSync  *self,
            char            **field,
            char             *value,
            GParamSpec       *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return;
    }
  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
apply_update (RapportTeamSync *self,
              Update          *update)
{
  g_object_freeze_notify (G_OBJECT (self));

  if (update->fraction >= 0)
    {
      self->fraction = update->fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
      g_object_thaw_notify (G_OBJECT (self));
      return;
    }

  /* Before the properties: a view that looks when the state says
   * "synced" sees what the sync brought. */
  if (update->wrote)
    rapport_store_sync_external (self->store);
  if (update->refused != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (update->refused, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        g_signal_emit (self, signals[REFUSED], 0, lines[i]);
    }

  if (self->state != update->state)
    {
      self->state = update->state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (self->pending != update->pending)
    {
      self->pending = update->pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
  if (self->synced_at != update->synced_at)
    {
      self->synced_at = update->synced_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCED_AT]);
    }
  set_string (self, &self->error, g_steal_pointer (&update->error), properties[PROP_ERROR]);
  set_string (self, &self->server, g_steal_pointer (&update->server), properties[PROP_SERVER]);
  set_string (self, &self->user, g_steal_pointer (&update->user), properties[PROP_USER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);

  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
deliver_update (gpointer data)
{
  Update *update = data;
  g_autoptr(RapportTeamSync) self = g_weak_ref_get (&update->shared->owner);

  if (self != NULL)
    apply_update (self, update);
  return G_SOURCE_REMOVE;
}

static void
post (Shared *shared,
      Update *update)
{
  update->shared = shared_ref (shared);
  g_main_context_invoke_full (shared->context, G_PRIORITY_DEFAULT, deliver_update, update,
                              (GDestroyNotify) update_free);
}

/* The file's team status as an update; @failure (nullable) overrides
 * what the file says with what just happened. */
static Update *
status_update (RapportStore *store,
               const GError *failure)
{
  g_auto(RapportSyncStatus) status = { 0 };
  Update *update = g_new0 (Update, 1);

  update->fraction = -1;
  rapport_sync_read_status (store, &status);
  update->state = status.server == NULL ? RAPPORT_TEAM_STATE_NONE
                : status.state == RAPPORT_SYNC_SYNCED ? RAPPORT_TEAM_STATE_SYNCED
                : status.state == RAPPORT_SYNC_ERROR ? RAPPORT_TEAM_STATE_ERROR
                : RAPPORT_TEAM_STATE_OFFLINE;
  update->pending = status.pending;
  update->server = status.server != NULL ? rapport_team_server_describe (status.server) : NULL;
  update->user = g_steal_pointer (&status.user);
  update->synced_at = status.last_synced_at;
  update->error = g_steal_pointer (&status.error);
  if (failure != NULL)
    {
      update->state = g_error_matches (failure, RAPPORT_TEAM_ERROR, RAPPORT_TEAM_ERROR_UNREACHABLE)
                      ? RAPPORT_TEAM_STATE_OFFLINE : RAPPORT_TEAM_STATE_ERROR;
      g_free (update->error);
      update->error = g_strdup (failure->message);
    }
  return update;
}

/* The thread */

typedef enum
{
  WAITED_WAKE,
  WAITED_NEWS,
  WAITED_TIMEOUT,
} Waited;

/* Until woken, the server has something, or @timeout_ms (-1: no end). */
static Waited
wait_for (Shared          *shared,
          RapportSyncLink *link,
          int              timeout_ms)
{
  GPollFD fds[2] = { { shared->wake[0], G_IO_IN, 0 }, { -1, G_IO_IN, 0 } };
  int n_fds = 1;

  if (link != NULL)
    {
      fds[1].fd = rapport_sync_link_get_socket (link);
      n_fds = 2;
    }
  if (g_poll (fds, n_fds, timeout_ms) <= 0)
    return WAITED_TIMEOUT;
  if (fds[0].revents != 0)
    {
      shared_drain (shared);
      return WAITED_WAKE;
    }
  return WAITED_NEWS;
}

/* The file's team server and member: what the keyring keeps the
 * password under. */
static void
member_of (RapportStore  *store,
           char         **server,
           char         **user)
{
  *server = rapport_store_get_team_server (store);
  *user = rapport_store_get_team_user (store);
}

/* The member's password: this session's, else the keyring's, else none
 * (libpq's PGPASSWORD or ~/.pgpass). */
static char *
find_password (Shared       *shared,
               RapportStore *store)
{
  g_autofree char *server = NULL;
  g_autofree char *user = NULL;
  char *password = shared_dup_password (shared);

  member_of (store, &server, &user);

  if (password == NULL && server != NULL && user != NULL)
    password = rapport_team_secret_lookup (server, user);
  return password;
}

/* One turn of the thread: connect if need be, then sync. Returns how long
 * to wait for news before the next (-1: until woken). */
static int
sync_turn (Shared           *shared,
           RapportSyncLink **link,
           guint            *backoff_s,
           gboolean          run)
{
  g_autoptr(GError) error = NULL;
  g_auto(RapportSyncResult) result = { 0 };
  RapportStore *store;
  Update *update;
  gboolean ok = TRUE;

  if (!shared_in_team (shared))
    {
      g_clear_pointer (link, rapport_sync_link_free);
      update = g_new0 (Update, 1);
      update->state = RAPPORT_TEAM_STATE_NONE;
      update->fraction = -1;
      post (shared, update);
      return -1;
    }

  store = rapport_worker_store_acquire (shared->db_path, &error);
  if (store == NULL)
    {
      g_warning ("The team sync cannot open the file: %s", error->message);
      return -1;
    }

  if (rapport_store_get_team_server (store) == NULL)
    g_clear_pointer (link, rapport_sync_link_free);
  else if (*link == NULL)
    {
      g_autofree char *password = find_password (shared, store);

      /* Once, not on every try of a server that stays away. */
      if (*backoff_s == 0)
        {
          Update *connecting = status_update (store, NULL);

          connecting->state = RAPPORT_TEAM_STATE_SYNCING;
          post (shared, connecting);
        }
      *link = rapport_sync_link_open (store, password, &error);
      ok = *link != NULL;
      run = TRUE;
    }

  if (ok && *link != NULL && run)
    ok = rapport_sync_link_run (*link, store, &result, &error);

  update = status_update (store, ok ? NULL : error);
  update->wrote = result.pulled > 0 || result.refused != NULL;
  update->refused = g_steal_pointer (&result.refused);
  rapport_worker_store_release ();
  post (shared, update);

  if (!ok && (error == NULL || g_error_matches (error, RAPPORT_TEAM_ERROR, RAPPORT_TEAM_ERROR_UNREACHABLE)))
    {
      g_clear_pointer (link, rapport_sync_link_free);
      *backoff_s = CLAMP (*backoff_s * 2, 1, MAX_BACKOFF_S);
      return (int) *backoff_s * 1000;
    }
  *backoff_s = 0;
  return *link != NULL ? CATCH_UP_MS : -1;
}

static gpointer
sync_thread (gpointer data)
{
  Shared *shared = data;
  RapportSyncLink *link = NULL;
  guint backoff_s = 0;
  gboolean run = TRUE;

  while (!shared_stopping (shared))
    {
      int timeout_ms = sync_turn (shared, &link, &backoff_s, run);
      gboolean news = FALSE;

      if (shared_stopping (shared))
        break;
      switch (wait_for (shared, link, timeout_ms))
        {
        case WAITED_NEWS:
          if (!rapport_sync_link_read_news (link, &news, NULL))
            g_clear_pointer (&link, rapport_sync_link_free);
          run = news || link == NULL;
          break;
        case WAITED_WAKE:
        case WAITED_TIMEOUT:
          run = TRUE;
          break;
        }
    }

  rapport_sync_link_free (link);
  g_mutex_lock (&shared->mutex);
  shared->exited = TRUE;
  g_cond_signal (&shared->exited_cond);
  g_mutex_unlock (&shared->mutex);
  shared_unref (shared);
  return NULL;
}

/* The window's store: local changes go out at once */

/* Tells the thread whether there is a team (@server, the window's store
 * says) to keep in step with. */
static void
update_in_team (RapportTeamSync *self,
                const char      *server)
{
  gboolean in_team = server != NULL && rapport_store_is_checked (self->store);

  if (shared_set_in_team (self->shared, in_team))
    shared_wake (self->shared);
}

/* The file's check runs in the background at start: the thread waits
 * for its verdict. */
static gboolean
on_check_poll (gpointer data)
{
  RapportTeamSync *self = data;
  g_autofree char *server = NULL;

  if (!rapport_store_is_checked (self->store))
    return G_SOURCE_CONTINUE;
  self->check_id = 0;
  server = rapport_store_get_team_server (self->store);
  update_in_team (self, server);
  return G_SOURCE_REMOVE;
}

static void
on_damaged (RapportTeamSync *self)
{
  g_clear_handle_id (&self->check_id, g_source_remove);
  rapport_team_sync_stop (self);
}

static void
on_notice (RapportTeamSync     *self,
           const RapportNotice *notice)
{
  g_autofree char *server = NULL;
  guint pending;

  if (self->thread == NULL)
    return;

  /* A join or leave by rapport-cli is news for the thread. */
  server = rapport_store_get_team_server (self->store);
  if (self->check_id == 0)
    update_in_team (self, server);

  /* Another program's commit, or this sync's own: only what it leaves
   * to push is news too. (Waking it for its own writes would sync for
   * ever.) */
  pending = server != NULL ? rapport_store_count_pending_changes (self->store) : 0;
  if (self->pending != pending)
    {
      self->pending = pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
    }
  if (notice->change != RAPPORT_CHANGE_RELOAD || pending > 0)
    shared_wake (self->shared);
}

/* GObject */

static void
rapport_team_sync_constructed (GObject *object)
{
  RapportTeamSync *self = RAPPORT_TEAM_SYNC (object);
  g_autoptr(GError) error = NULL;
  Shared *shared;

  G_OBJECT_CLASS (rapport_team_sync_parent_class)->constructed (object);

  shared = g_new0 (Shared, 1);
  g_atomic_ref_count_init (&shared->ref);
  g_mutex_init (&shared->mutex);
  g_cond_init (&shared->exited_cond);
  shared->db_path = g_strdup (rapport_store_get_path (self->store));
  shared->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&shared->owner, self);
  shared->wake[0] = shared->wake[1] = -1;
  self->shared = shared;

  if (!g_unix_open_pipe (shared->wake, FD_CLOEXEC, &error) ||
      !g_unix_set_fd_nonblocking (shared->wake[0], TRUE, &error) ||
      !g_unix_set_fd_nonblocking (shared->wake[1], TRUE, &error))
    {
      g_warning ("The team sync cannot start: %s", error->message);
      return;
    }

  g_signal_connect_object (self->store, "notice", G_CALLBACK (on_notice), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "damaged", G_CALLBACK (on_damaged), self, G_CONNECT_SWAPPED);
  self->thread = g_thread_new ("rapport-team-sync", sync_thread, shared_ref (shared));
  if (rapport_store_is_checked (self->store))
    {
      g_autofree char *server = rapport_store_get_team_server (self->store);

      update_in_team (self, server);
    }
  else
    self->check_id = g_timeout_add (200, on_check_poll, self);
}

void
rapport_team_sync_stop (RapportTeamSync *self)
{
  gint64 deadline;
  gboolean exited;

  g_return_if_fail (RAPPORT_IS_TEAM_SYNC (self));

  if (self->thread == NULL)
    return;

  g_mutex_lock (&self->shared->mutex);
  self->shared->stopping = TRUE;
  g_mutex_unlock (&self->shared->mutex);
  shared_wake (self->shared);

  /* A sync under way finishes its step; one stuck on a dead server is
   * left to end with the process rather than hold the quit. */
  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  g_mutex_lock (&self->shared->mutex);
  while (!self->shared->exited)
    if (!g_cond_wait_until (&self->shared->exited_cond, &self->shared->mutex, deadline))
      break;
  exited = self->shared->exited;
  g_mutex_unlock (&self->shared->mutex);

  if (exited)
    g_thread_join (self->thread);
  else
    g_thread_unref (self->thread);
  self->thread = NULL;
}

static void
rapport_team_sync_dispose (GObject *object)
{
  RapportTeamSync *self = RAPPORT_TEAM_SYNC (object);

  g_clear_handle_id (&self->check_id, g_source_remove);
  rapport_team_sync_stop (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_team_sync_parent_class)->dispose (object);
}

static void
rapport_team_sync_finalize (GObject *object)
{
  RapportTeamSync *self = RAPPORT_TEAM_SYNC (object);

  g_clear_pointer (&self->shared, shared_unref);
  g_free (self->error);
  g_free (self->server);
  g_free (self->user);

  G_OBJECT_CLASS (rapport_team_sync_parent_class)->finalize (object);
}

static void
rapport_team_sync_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RapportTeamSync *self = RAPPORT_TEAM_SYNC (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_PENDING:
      g_value_set_uint (value, self->pending);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_SERVER:
      g_value_set_string (value, self->server);
      break;
    case PROP_USER:
      g_value_set_string (value, self->user);
      break;
    case PROP_SYNCED_AT:
      g_value_set_int64 (value, self->synced_at);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_JOINING:
      g_value_set_boolean (value, self->joining);
      break;
    case PROP_DESCRIPTION:
      g_value_take_string (value, rapport_team_sync_describe (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_team_sync_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RapportTeamSync *self = RAPPORT_TEAM_SYNC (object);

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
rapport_team_sync_class_init (RapportTeamSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = rapport_team_sync_constructed;
  object_class->dispose = rapport_team_sync_dispose;
  object_class->finalize = rapport_team_sync_finalize;
  object_class->get_property = rapport_team_sync_get_property;
  object_class->set_property = rapport_team_sync_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, RAPPORT_TYPE_TEAM_STATE, RAPPORT_TEAM_STATE_NONE, ro);
  properties[PROP_PENDING] = g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, ro);
  properties[PROP_SERVER] = g_param_spec_string ("server", NULL, NULL, NULL, ro);
  properties[PROP_USER] = g_param_spec_string ("user", NULL, NULL, NULL, ro);
  properties[PROP_SYNCED_AT] = g_param_spec_int64 ("synced-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0, ro);
  properties[PROP_JOINING] = g_param_spec_boolean ("joining", NULL, NULL, FALSE, ro);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportTeamSync::refused:
   * @message: the server's reason, a sentence
   *
   * The server refused a change made here (a seller's edit of another's
   * record); the team's value is back in the file.
   */
  signals[REFUSED] =
    g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rapport_team_sync_init (RapportTeamSync *self)
{
}

RapportTeamSync *
rapport_team_sync_new (RapportStore *store)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_TEAM_SYNC, "store", store, NULL);
}

RapportTeamState
rapport_team_sync_get_state (RapportTeamSync *self)
{
  g_return_val_if_fail (RAPPORT_IS_TEAM_SYNC (self), RAPPORT_TEAM_STATE_NONE);
  return self->state;
}

guint
rapport_team_sync_get_pending (RapportTeamSync *self)
{
  g_return_val_if_fail (RAPPORT_IS_TEAM_SYNC (self), 0);
  return self->pending;
}

const char *
rapport_team_sync_get_error (RapportTeamSync *self)
{
  g_return_val_if_fail (RAPPORT_IS_TEAM_SYNC (self), NULL);
  return self->error;
}

const char *
rapport_team_sync_get_server (RapportTeamSync *self)
{
  g_return_val_if_fail (RAPPORT_IS_TEAM_SYNC (self), NULL);
  return self->server;
}

const char *
rapport_team_sync_get_user (RapportTeamSync *self)
{
  g_return_val_if_fail (RAPPORT_IS_TEAM_SYNC (self), NULL);
  return self->user;
}

gint64
rapport_team_sync_get_synced_at (RapportTeamSync *self)
{
  g_return_val_if_fail (RAPPORT_IS_TEAM_SYNC (self), 0);
  return self->synced_at;
}

char *
rapport_team_sync_format_synced_at (RapportTeamSync *self)
{
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (RAPPORT_IS_TEAM_SYNC (self), NULL);

  if (self->synced_at <= 0)
    return NULL;
  time = g_date_time_new_from_unix_local (self->synced_at);
  return rapport_format_date_time (time, "jmm", "%H:%M");
}

const char *
rapport_team_sync_get_problem (RapportTeamSync *self)
{
  g_return_val_if_fail (RAPPORT_IS_TEAM_SYNC (self), NULL);

  return self->state != RAPPORT_TEAM_STATE_SYNCED ? self->error : NULL;
}

char *
rapport_team_sync_describe (RapportTeamSync *self)
{
  g_return_val_if_fail (RAPPORT_IS_TEAM_SYNC (self), NULL);

  switch (self->state)
    {
    case RAPPORT_TEAM_STATE_NONE:
      return NULL;
    case RAPPORT_TEAM_STATE_SYNCING:
      return g_strdup (_("Syncing…"));
    case RAPPORT_TEAM_STATE_SYNCED:
      if (self->pending == 0)
        return g_strdup (_("Synced"));
      /* Translators: the team status in the header; changes made on
       * this desktop the server does not have yet. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Synced, %u change waiting",
                                           "Synced, %u changes waiting", self->pending), self->pending);
    case RAPPORT_TEAM_STATE_OFFLINE:
      if (self->pending == 0)
        return g_strdup (_("Offline"));
      /* Translators: the team status in the header. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Offline, %u change waiting",
                                           "Offline, %u changes waiting", self->pending), self->pending);
    case RAPPORT_TEAM_STATE_ERROR:
      return g_strdup (_("Sync failed"));
    }
  g_return_val_if_reached (NULL);
}

void
rapport_team_sync_sync_now (RapportTeamSync *self)
{
  g_return_if_fail (RAPPORT_IS_TEAM_SYNC (self));

  if (self->shared->wake[1] >= 0)
    shared_wake (self->shared);
}

/* Joining and leaving, on a worker thread of their own */

typedef struct
{
  Shared *shared;
  char   *server;
  char   *user;
  char   *password;
  double  reported;
} JoinData;

static void
join_data_free (JoinData *data)
{
  shared_unref (data->shared);
  g_free (data->server);
  g_free (data->user);
  g_free (data->password);
  g_free (data);
}

static void
password_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  JoinData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  g_autofree char *user = NULL;
  RapportStore *store = rapport_worker_store_acquire (data->shared->db_path, &error);

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  member_of (store, &server, &user);
  rapport_worker_store_release ();

  shared_set_password (data->shared, data->password);
  if (server != NULL && user != NULL && !rapport_team_secret_store (server, user, data->password, &error))
    g_warning ("The team password could not be kept in the keyring: %s", error->message);
  /* A server that refused the old one is being tried less and less
   * often: the thread tries the new one now. */
  shared_wake (data->shared);
  g_task_return_boolean (task, TRUE);
}

void
rapport_team_sync_set_password (RapportTeamSync *self,
                                const char      *password)
{
  g_autoptr(GTask) task = NULL;
  JoinData *data;

  g_return_if_fail (RAPPORT_IS_TEAM_SYNC (self));
  g_return_if_fail (password != NULL);

  data = g_new0 (JoinData, 1);
  data->shared = shared_ref (self->shared);
  data->password = g_strdup (password);
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_source_tag (task, rapport_team_sync_set_password);
  g_task_set_task_data (task, data, (GDestroyNotify) join_data_free);
  g_task_run_in_thread (task, password_thread);
}

static void
on_join_progress (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  JoinData *data = user_data;
  double fraction = total > 0 ? (double) done / total : 1.0;
  Update *update;

  /* A hundred steps are plenty for a progress bar. */
  if (fraction - data->reported < 0.01 && fraction < 1.0)
    return;
  data->reported = fraction;
  update = g_new0 (Update, 1);
  update->fraction = fraction;
  post (data->shared, update);
}

static void
join_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  JoinData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) keyring_error = NULL;
  g_auto(RapportSyncResult) result = { 0 };
  g_autofree char *server = NULL;
  g_autofree char *user = NULL;
  RapportStore *store = rapport_worker_store_acquire (data->shared->db_path, &error);
  Update *update;
  gboolean ok;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  ok = rapport_sync_join_full (store, data->server, data->user, data->password,
                               on_join_progress, data, &result, &error);
  member_of (store, &server, &user);
  update = status_update (store, ok ? NULL : error);
  update->wrote = TRUE;
  rapport_worker_store_release ();
  post (data->shared, update);

  if (!ok && server == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* In the team now (a first sync that failed is the status's to say). */
  shared_set_in_team (data->shared, TRUE);
  shared_set_password (data->shared, data->password);
  if (data->password != NULL && server != NULL && user != NULL &&
      !rapport_team_secret_store (server, user, data->password, &keyring_error))
    g_warning ("The team password could not be kept in the keyring: %s", keyring_error->message);
  shared_wake (data->shared);
  g_task_return_boolean (task, TRUE);
}

static void
set_joining (RapportTeamSync *self,
             gboolean         joining)
{
  self->joining = joining;
  self->fraction = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOINING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

void
rapport_team_sync_join_async (RapportTeamSync     *self,
                              const char          *server,
                              const char          *user,
                              const char          *password,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  JoinData *data;

  g_return_if_fail (RAPPORT_IS_TEAM_SYNC (self));
  g_return_if_fail (server != NULL);

  data = g_new0 (JoinData, 1);
  data->shared = shared_ref (self->shared);
  data->server = rapport_team_server_from_text (server);
  data->user = user != NULL && *user != '\0' ? g_strdup (user) : NULL;
  data->password = password != NULL && *password != '\0' ? g_strdup (password) : NULL;

  set_joining (self, TRUE);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_team_sync_join_async);
  g_task_set_task_data (task, data, (GDestroyNotify) join_data_free);
  g_task_run_in_thread (task, join_thread);
}

gboolean
rapport_team_sync_join_finish (RapportTeamSync  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  set_joining (self, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
leave_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Shared *shared = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  g_autofree char *user = NULL;
  RapportStore *store = rapport_worker_store_acquire (shared->db_path, &error);
  gboolean ok;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  member_of (store, &server, &user);
  ok = rapport_sync_leave (store, &error);
  post (shared, status_update (store, NULL));
  rapport_worker_store_release ();

  if (!ok)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  shared_set_in_team (shared, FALSE);
  shared_set_password (shared, NULL);
  if (server != NULL && user != NULL)
    rapport_team_secret_clear (server, user);
  shared_wake (shared);
  g_task_return_boolean (task, TRUE);
}

void
rapport_team_sync_leave_async (RapportTeamSync     *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RAPPORT_IS_TEAM_SYNC (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_team_sync_leave_async);
  g_task_set_task_data (task, shared_ref (self->shared), (GDestroyNotify) shared_unref);
  g_task_run_in_thread (task, leave_thread);
}

gboolean
rapport_team_sync_leave_finish (RapportTeamSync  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
rapport_team_server_from_text (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  /* Already what libpq reads. */
  if (strchr (trimmed, '=') != NULL ||
      g_str_has_prefix (trimmed, "postgresql://") || g_str_has_prefix (trimmed, "postgres://"))
    return g_steal_pointer (&trimmed);
  /* host[:port][/database] */
  return g_strconcat ("postgresql://", trimmed, NULL);
}
