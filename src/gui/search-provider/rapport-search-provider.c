/* rapport-search-provider.c — contacts, organizations and deals in GNOME
 * Shell's overview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same search as the app's (rapport_store_search: any word's start,
 * any case, no accents). The Shell asks while the user types, so each
 * answer is a few indexed reads. Until the app has its own store open
 * (its window), the provider reads through a read-only store of its own,
 * closed again a little after the last question: it holds no lock and
 * no transaction between questions, so it never stands in a writer's way.
 *
 * Activating a result or "search in the app" emits a signal; the
 * application opens the page or its search.
 */

#define G_LOG_DOMAIN "rapport-search-provider"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-search-describe.h"
#include "rapport-search-provider.h"
#include "rapport-shell-search-provider.h"

/* Results of each kind the Shell is given; it shows a few. */
#define HITS_PER_KIND 5
/* The own store is closed this long after the last question. */
#define IDLE_CLOSE_SECONDS 30

struct _RapportSearchProvider
{
  GObject                        parent_instance;

  GApplication                  *application;   /* weak */
  char                          *db_path;
  RapportStore                  *store;         /* the app's, once it has one */
  RapportStore                  *own_store;     /* else ours, read-only */
  guint                          close_id;
  RapportShellSearchProvider2   *skeleton;
};

G_DEFINE_FINAL_TYPE (RapportSearchProvider, rapport_search_provider, G_TYPE_OBJECT)

enum {
  SIGNAL_ACTIVATE_RESULT,
  SIGNAL_LAUNCH_SEARCH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const kind_prefix[] = {
  [RAPPORT_SEARCH_CONTACT] = "contact",
  [RAPPORT_SEARCH_ORGANIZATION] = "organization",
  [RAPPORT_SEARCH_DEAL] = "deal",
};

gboolean
rapport_search_provider_parse_id (const char        *identifier,
                                  RapportSearchKind *kind,
                                  gint64            *id)
{
  for (RapportSearchKind k = RAPPORT_SEARCH_CONTACT; k <= RAPPORT_SEARCH_DEAL; k++)
    {
      gsize len = strlen (kind_prefix[k]);

      if (strncmp (identifier, kind_prefix[k], len) == 0 && identifier[len] == ':' &&
          rapport_id_parse (identifier + len + 1, id))
        {
          *kind = k;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
close_own_store_cb (gpointer data)
{
  RapportSearchProvider *self = data;

  self->close_id = 0;
  g_clear_object (&self->own_store);
  return G_SOURCE_REMOVE;
}

/* The store to read from now: the app's, or ours (opened if need be). */
static RapportStore *
reading_store (RapportSearchProvider  *self,
               GError                **error)
{
  if (self->store != NULL)
    return self->store;

  if (self->own_store == NULL)
    {
      g_autofree char *default_path = NULL;
      const char *path = self->db_path;

      if (path == NULL)
        path = default_path = rapport_store_default_path ();
      /* Only an existing file: a search never makes a database. */
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return NULL;
      self->own_store = rapport_store_new_full (path, NULL,
                                                RAPPORT_STORE_READ_ONLY | RAPPORT_STORE_ALREADY_CHECKED,
                                                error);
      if (self->own_store == NULL)
        return NULL;
    }

  g_clear_handle_id (&self->close_id, g_source_remove);
  self->close_id = g_timeout_add_seconds (IDLE_CLOSE_SECONDS, close_own_store_cb, self);
  return self->own_store;
}

static char **
search (RapportSearchProvider *self,
        const char * const    *terms)
{
  g_autoptr(GStrvBuilder) results = g_strv_builder_new ();
  g_autofree char *text = g_strjoinv (" ", (char **) terms);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hits = NULL;
  RapportStore *store;

  g_application_hold (self->application);
  store = reading_store (self, &error);
  if (store != NULL)
    hits = rapport_store_search (store, text, HITS_PER_KIND, &error);
  if (error != NULL)
    g_warning ("Could not search: %s", error->message);

  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      const RapportSearchHit *hit = &g_array_index (hits, RapportSearchHit, i);
      g_autofree char *id = g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind_prefix[hit->kind], hit->id);

      g_strv_builder_add (results, id);
    }
  g_application_release (self->application);

  return g_strv_builder_end (results);
}

static gboolean
handle_get_initial_result_set (RapportShellSearchProvider2 *skeleton,
                               GDBusMethodInvocation       *invocation,
                               const char * const          *terms,
                               RapportSearchProvider       *self)
{
  g_auto(GStrv) results = search (self, terms);

  rapport_shell_search_provider2_complete_get_initial_result_set (skeleton, invocation,
                                                                   (const char * const *) results);
  return TRUE;
}

/* The same search again: as fast as narrowing the previous results, and
 * a record changed meanwhile is found or left as it is now. */
static gboolean
handle_get_subsearch_result_set (RapportShellSearchProvider2 *skeleton,
                                 GDBusMethodInvocation       *invocation,
                                 const char * const          *previous,
                                 const char * const          *terms,
                                 RapportSearchProvider       *self)
{
  g_auto(GStrv) results = search (self, terms);

  rapport_shell_search_provider2_complete_get_subsearch_result_set (skeleton, invocation,
                                                                     (const char * const *) results);
  return TRUE;
}

static GVariant *
result_meta (RapportStore *store,
             const char   *identifier)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GIcon) icon = NULL;
  g_autoptr(GVariant) icon_data = NULL;
  GVariantBuilder meta;
  RapportSearchKind kind;
  gint64 id;

  if (!rapport_search_provider_parse_id (identifier, &kind, &id) ||
      !rapport_search_describe (store, kind, id, &title, &subtitle))
    return NULL;

  description = rapport_search_join (rapport_search_kind_name (kind), subtitle);
  icon = g_themed_icon_new (rapport_search_kind_icon (kind));
  icon_data = g_icon_serialize (icon);

  g_variant_builder_init (&meta, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (identifier));
  g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (title != NULL ? title : ""));
  g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
  g_variant_builder_add (&meta, "{sv}", "icon", icon_data);
  return g_variant_builder_end (&meta);
}

static gboolean
handle_get_result_metas (RapportShellSearchProvider2 *skeleton,
                         GDBusMethodInvocation       *invocation,
                         const char * const          *identifiers,
                         RapportSearchProvider       *self)
{
  g_autoptr(GError) error = NULL;
  GVariantBuilder metas;
  RapportStore *store;

  g_application_hold (self->application);
  store = reading_store (self, &error);
  g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; store != NULL && identifiers[i] != NULL; i++)
    {
      GVariant *meta = result_meta (store, identifiers[i]);

      if (meta != NULL)
        g_variant_builder_add_value (&metas, meta);
    }
  g_application_release (self->application);

  rapport_shell_search_provider2_complete_get_result_metas (skeleton, invocation, g_variant_builder_end (&metas));
  return TRUE;
}

static gboolean
handle_activate_result (RapportShellSearchProvider2 *skeleton,
                        GDBusMethodInvocation       *invocation,
                        const char                  *identifier,
                        const char * const          *terms,
                        guint                        timestamp,
                        RapportSearchProvider       *self)
{
  RapportSearchKind kind;
  gint64 id;

  if (rapport_search_provider_parse_id (identifier, &kind, &id))
    g_signal_emit (self, signals[SIGNAL_ACTIVATE_RESULT], 0, (int) kind, id, timestamp);

  rapport_shell_search_provider2_complete_activate_result (skeleton, invocation);
  return TRUE;
}

static gboolean
handle_launch_search (RapportShellSearchProvider2 *skeleton,
                      GDBusMethodInvocation       *invocation,
                      const char * const          *terms,
                      guint                        timestamp,
                      RapportSearchProvider       *self)
{
  g_autofree char *text = g_strjoinv (" ", (char **) terms);

  g_signal_emit (self, signals[SIGNAL_LAUNCH_SEARCH], 0, text, timestamp);
  rapport_shell_search_provider2_complete_launch_search (skeleton, invocation);
  return TRUE;
}

static void
rapport_search_provider_dispose (GObject *object)
{
  RapportSearchProvider *self = RAPPORT_SEARCH_PROVIDER (object);

  rapport_search_provider_unexport (self);
  g_clear_object (&self->skeleton);
  g_clear_handle_id (&self->close_id, g_source_remove);
  g_clear_object (&self->own_store);
  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (rapport_search_provider_parent_class)->dispose (object);
}

static void
rapport_search_provider_finalize (GObject *object)
{
  RapportSearchProvider *self = RAPPORT_SEARCH_PROVIDER (object);

  g_free (self->db_path);

  G_OBJECT_CLASS (rapport_search_provider_parent_class)->finalize (object);
}

static void
rapport_search_provider_class_init (RapportSearchProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_search_provider_dispose;
  object_class->finalize = rapport_search_provider_finalize;

  /**
   * RapportSearchProvider::activate-result:
   * @kind: a RapportSearchKind
   * @id: the record
   * @timestamp: the Shell's, for the window's focus
   *
   * The user picked a result in the overview: open its page.
   */
  signals[SIGNAL_ACTIVATE_RESULT] =
    g_signal_new ("activate-result", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT64, G_TYPE_UINT);

  /**
   * RapportSearchProvider::launch-search:
   * @text: the terms, joined by spaces
   * @timestamp: the Shell's
   *
   * "Search in the app": the app's search with these words.
   */
  signals[SIGNAL_LAUNCH_SEARCH] =
    g_signal_new ("launch-search", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);
}

static void
rapport_search_provider_init (RapportSearchProvider *self)
{
  self->skeleton = rapport_shell_search_provider2_skeleton_new ();

  g_signal_connect (self->skeleton, "handle-get-initial-result-set",
                    G_CALLBACK (handle_get_initial_result_set), self);
  g_signal_connect (self->skeleton, "handle-get-subsearch-result-set",
                    G_CALLBACK (handle_get_subsearch_result_set), self);
  g_signal_connect (self->skeleton, "handle-get-result-metas",
                    G_CALLBACK (handle_get_result_metas), self);
  g_signal_connect (self->skeleton, "handle-activate-result",
                    G_CALLBACK (handle_activate_result), self);
  g_signal_connect (self->skeleton, "handle-launch-search",
                    G_CALLBACK (handle_launch_search), self);
}

RapportSearchProvider *
rapport_search_provider_new (GApplication *application,
                             const char   *db_path)
{
  RapportSearchProvider *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);

  self = g_object_new (RAPPORT_TYPE_SEARCH_PROVIDER, NULL);
  g_set_weak_pointer (&self->application, application);
  self->db_path = g_strdup (db_path);
  return self;
}

void
rapport_search_provider_set_store (RapportSearchProvider *self,
                                   RapportStore          *store)
{
  g_return_if_fail (RAPPORT_IS_SEARCH_PROVIDER (self));
  g_return_if_fail (store == NULL || RAPPORT_IS_STORE (store));

  /* One connection is enough once the app has its own. */
  if (g_set_object (&self->store, store) && store != NULL)
    {
      g_clear_handle_id (&self->close_id, g_source_remove);
      g_clear_object (&self->own_store);
    }
}

gboolean
rapport_search_provider_export (RapportSearchProvider  *self,
                                GDBusConnection        *connection,
                                const char             *object_path,
                                GError                **error)
{
  g_return_val_if_fail (RAPPORT_IS_SEARCH_PROVIDER (self), FALSE);

  return g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (self->skeleton),
                                           connection, object_path, error);
}

void
rapport_search_provider_unexport (RapportSearchProvider *self)
{
  g_return_if_fail (RAPPORT_IS_SEARCH_PROVIDER (self));

  if (self->skeleton != NULL &&
      g_dbus_interface_skeleton_get_connection (G_DBUS_INTERFACE_SKELETON (self->skeleton)) != NULL)
    g_dbus_interface_skeleton_unexport (G_DBUS_INTERFACE_SKELETON (self->skeleton));
}
