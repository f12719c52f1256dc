/* rapport-sync.c — one desktop in step with its team (team mode)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pull, then push: what this desktop has not pushed yet is kept while the
 * team's records are written, then pushed, so the server orders it after
 * what it overwrote and every desktop ends with the same value. Every
 * call to the server is parameterized.
 */

#define G_LOG_DOMAIN "rapport-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "rapport-store-change-log.h"
#include "rapport-sync.h"
#include "rapport-team-private.h"

/* How many changes are read from the log at a time. */
#define PUSH_BATCH 500
#define SNAPSHOT_BATCH 5000
/* How many of the team's records are written at a time. */
#define PULL_CHUNK 20000

/* Who hears how far a join has come, and out of how many. */
typedef struct
{
  RapportSyncProgress  func;
  gpointer             data;
  guint64              total;
} Progress;

static void
progress_report (const Progress *progress,
                 guint64         done)
{
  if (progress != NULL && progress->func != NULL)
    progress->func (MIN (done, progress->total), progress->total, progress->data);
}

void
rapport_sync_result_clear (RapportSyncResult *result)
{
  g_clear_pointer (&result->refused, g_free);
  memset (result, 0, sizeof *result);
}

void
rapport_sync_status_clear (RapportSyncStatus *status)
{
  g_clear_pointer (&status->server, g_free);
  g_clear_pointer (&status->user, g_free);
  g_clear_pointer (&status->error, g_free);
  memset (status, 0, sizeof *status);
}

/* A server that does not answer must not hold a sync for the system's
 * two hours of TCP retries: a desktop waits ten seconds for a connection
 * and notices a dead one within half a minute. Before the server's own
 * keywords, so a team's connection string can say otherwise. */
#define CONNECTION_DEFAULTS "connect_timeout=10 keepalives_idle=15 keepalives_interval=5 keepalives_count=3 "

/* @server (key=value pairs) with @user and @password when given (libpq
 * takes a keyword's last value), quoted as libpq reads them. The password
 * is never kept: it lives in this string for the connection. */
static char *
conninfo_for (const char *server,
              const char *user,
              const char *password)
{
  GString *info = g_string_new (CONNECTION_DEFAULTS);

  g_string_append (info, server);
  if (user != NULL)
    rapport_team_append_conninfo (info, "user", user);
  if (password != NULL)
    rapport_team_append_conninfo (info, "password", password);
  return g_string_free (info, FALSE);
}

/* The connection string of the file's team, as its member. */
static char *
team_conninfo (RapportStore *store,
               const char   *password)
{
  g_autofree char *server = rapport_store_get_team_server (store);
  g_autofree char *user = rapport_store_get_team_user (store);

  return server != NULL ? conninfo_for (server, user, password) : NULL;
}

static gint64
team_int (RapportStore *store,
          const char   *key)
{
  g_autofree char *text = rapport_store_get_team_value (store, key);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

static gboolean
set_team_int (RapportStore  *store,
              const char    *key,
              gint64         value,
              GError       **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return rapport_store_set_team_value (store, key, text, error);
}

/* The shared tables in the order their rows can be written in, as a
 * PostgreSQL array literal: the pull's order. */
static char *
tables_in_order (void)
{
  guint n = 0;
  const char * const *names = rapport_store_team_tables (&n);
  GString *array = g_string_new ("{");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (array, "%s%s", i > 0 ? "," : "", names[i]);
  g_string_append_c (array, '}');
  return g_string_free (array, FALSE);
}

/* The pull cursor's next PULL_CHUNK records (the team's records as the
 * server has them now); empty at the end, NULL with @error. */
static GPtrArray *
fetch_changed (PGconn      *conn,
               GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, "FETCH " G_STRINGIFY (PULL_CHUNK) " FROM rapport_pull");
  GPtrArray *records;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      rapport_team_result_error (conn, result, error);
      return NULL;
    }

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_team_record_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      RapportTeamRecord *record = g_new0 (RapportTeamRecord, 1);

      record->entity = g_strdup (PQgetvalue (result, i, 0));
      record->key = g_strdup (PQgetvalue (result, i, 1));
      record->fields = PQgetisnull (result, i, 2) ? NULL : g_strdup (PQgetvalue (result, i, 2));
      record->author = g_strdup (PQgetvalue (result, i, 3));
      record->at = g_ascii_strtoll (PQgetvalue (result, i, 4), NULL, 10);
      g_ptr_array_add (records, record);
    }

  return records;
}

/* A cursor over the records others changed after @after, up to @upto,
 * parents before what refers to them. */
static gboolean
open_pull (PGconn      *conn,
           const char  *desktop,
           gint64       after,
           gint64       upto,
           GError     **error)
{
  g_autofree char *after_text = g_strdup_printf ("%" G_GINT64_FORMAT, after);
  g_autofree char *upto_text = g_strdup_printf ("%" G_GINT64_FORMAT, upto);
  g_autofree char *order = tables_in_order ();
  const char *values[4] = { after_text, upto_text, desktop, order };
  g_autoptr(PGresult) begin = PQexec (conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  g_autoptr(PGresult) result = NULL;

  if (PQresultStatus (begin) != PGRES_COMMAND_OK)
    return rapport_team_result_error (conn, begin, error);

  /* A first pull (a desktop that downloads the team) needs every record
   * as it is now, and no deletions: read from the records themselves,
   * not by sorting the whole log for each record's last change. One
   * changed after @upto comes with the next pull. */
  if (after == 0)
    result = PQexecParams (conn,
                           "DECLARE rapport_pull NO SCROLL CURSOR FOR"
                           " SELECT r.entity, r.key::text, r.fields::text, c.author,"
                           "        extract(epoch FROM c.at)::bigint"
                           " FROM rapport.record r JOIN rapport.change c ON c.seq = r.last_seq"
                           " WHERE r.last_seq <= $2::bigint AND c.desktop <> $3::uuid AND $1::bigint = 0"
                           " ORDER BY coalesce(array_position($4::text[], r.entity), 1000), r.last_seq",
                           4, NULL, values, NULL, NULL, 0);
  else
    result = PQexecParams (conn,
                           "DECLARE rapport_pull NO SCROLL CURSOR FOR"
                           " SELECT c.entity, c.key::text, r.fields::text, c.author,"
                           "        extract(epoch FROM c.at)::bigint"
                           " FROM (SELECT DISTINCT ON (entity, key) entity, key, author, at, seq"
                           "       FROM rapport.change WHERE seq > $1::bigint AND seq <= $2::bigint"
                           "       AND desktop <> $3::uuid ORDER BY entity, key, seq DESC) AS c"
                           " LEFT JOIN rapport.record r ON r.entity = c.entity AND r.key = c.key"
                           " ORDER BY coalesce(array_position($4::text[], c.entity), 1000), c.seq",
                           4, NULL, values, NULL, NULL, 0);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    return rapport_team_result_error (conn, result, error);
  return TRUE;
}

static void
close_pull (PGconn *conn)
{
  g_autoptr(PGresult) end = PQexec (conn, "COMMIT");
}

static gboolean
read_last_seq (PGconn      *conn,
               gint64      *seq,
               GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, "SELECT coalesce(max(seq), 0) FROM rapport.change");

  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) != 1)
    return rapport_team_result_error (conn, result, error);
  *seq = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  return TRUE;
}

/* What the others changed since the last change seen, as the server
 * has it now, written a chunk at a time, parents first: a download of a
 * large team holds a bounded part of it in memory. The last seq seen
 * moves on once all of it is written; killed half-way, the next pull
 * writes it all again, which changes nothing twice. */
static gboolean
pull (RapportStore       *store,
      PGconn             *conn,
      const char         *desktop,
      const Progress     *progress,
      RapportSyncResult  *result,
      GError            **error)
{
  gint64 after = team_int (store, "team-last-seen");
  gint64 upto = 0;

  if (!read_last_seq (conn, &upto, error))
    return FALSE;
  if (upto <= after)
    return TRUE;

  if (!open_pull (conn, desktop, after, upto, error))
    return FALSE;
  for (;;)
    {
      g_autoptr(GPtrArray) records = fetch_changed (conn, error);
      guint n_conflicts = 0;

      if (records == NULL ||
          !rapport_store_apply_team_records (store, records, &n_conflicts, error))
        {
          close_pull (conn);
          return FALSE;
        }
      if (records->len == 0)
        break;
      result->pulled += records->len;
      result->conflicts += n_conflicts;
      progress_report (progress, result->pulled);
    }
  close_pull (conn);

  return set_team_int (store, "team-last-seen", upto, error);
}

/* The server refused @change: the team's value of its record comes back
 * into the file. */
static gboolean
restore_refused (RapportStore               *store,
                 PGconn                     *conn,
                 const RapportLoggedChange  *change,
                 GError                    **error)
{
  const char *values[2] = { change->entity, change->key };
  g_autoptr(PGresult) result = PQexecParams (conn,
                                             "SELECT fields::text FROM rapport.record"
                                             " WHERE entity = $1 AND key = $2::jsonb",
                                             2, NULL, values, NULL, NULL, 0);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_team_record_free);
  RapportTeamRecord *record;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    return rapport_team_result_error (conn, result, error);

  record = g_new0 (RapportTeamRecord, 1);
  record->entity = g_strdup (change->entity);
  record->key = g_strdup (change->key);
  record->fields = PQntuples (result) == 1 ? g_strdup (PQgetvalue (result, 0, 0)) : NULL;
  g_ptr_array_add (records, record);

  /* An insert the team never had goes. */
  return rapport_store_apply_team_records (store, records, NULL, error);
}

/* What people call the record of @change (a deal's title, a contact's
 * or an organization's name), or NULL. */
static char *
refused_name (RapportStore              *store,
              const RapportLoggedChange *change)
{
  g_autoptr(JsonNode) key = json_from_string (change->key, NULL);
  const char *uid = NULL;
  gint64 id;

  if (key != NULL && JSON_NODE_HOLDS_OBJECT (key))
    uid = json_object_get_string_member_with_default (json_node_get_object (key), "uid", NULL);
  if (uid == NULL)
    return NULL;

  if (g_str_equal (change->entity, "deal") && (id = rapport_store_id_of_uid (store, RAPPORT_ENTITY_DEAL, uid)) > 0)
    {
      g_autoptr(RapportDeal) deal = rapport_store_get_deal (store, id, NULL);

      return deal != NULL ? g_strdup (rapport_deal_get_title (deal)) : NULL;
    }
  if (g_str_equal (change->entity, "contact") && (id = rapport_store_id_of_uid (store, RAPPORT_ENTITY_CONTACT, uid)) > 0)
    {
      g_autoptr(RapportContact) contact = rapport_store_get_contact (store, id, NULL);

      return contact != NULL ? g_strdup (rapport_contact_get_name (contact)) : NULL;
    }
  if (g_str_equal (change->entity, "organization") &&
      (id = rapport_store_id_of_uid (store, RAPPORT_ENTITY_ORGANIZATION, uid)) > 0)
    {
      g_autoptr(RapportOrganization) organization = rapport_store_get_organization (store, id, NULL);

      return organization != NULL ? g_strdup (rapport_organization_get_name (organization)) : NULL;
    }
  return NULL;
}

static void
add_refusal (RapportSyncResult *result,
             const char        *message)
{
  g_autofree char *before = g_steal_pointer (&result->refused);

  result->refused = before != NULL ? g_strconcat (before, "\n", message, NULL) : g_strdup (message);
}

/* @changes as the JSON array rapport.push_many() reads. The key and the
 * fields are JSON already (our own triggers wrote them) and go in as
 * they are: parsing a million of them again only to print them back
 * took most of a first desktop's bring-up. The entity and the op are
 * names of our own; they are escaped all the same. */
static char *
changes_json (GPtrArray *changes)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < changes->len; i++)
    {
      const RapportLoggedChange *change = changes->pdata[i];
      g_autofree char *entity = g_strescape (change->entity, NULL);
      g_autofree char *op = g_strescape (change->op, NULL);

      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_printf (json, "{\"local_seq\":%" G_GINT64_FORMAT ",\"entity\":\"%s\",\"key\":%s,"
                              "\"op\":\"%s\",\"fields\":%s}",
                              change->seq, entity, change->key, op,
                              change->fields != NULL ? change->fields : "null");
    }
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

static const RapportLoggedChange *
find_change (GPtrArray *changes,
             gint64     seq)
{
  for (guint i = 0; i < changes->len; i++)
    if (((RapportLoggedChange *) changes->pdata[i])->seq == seq)
      return changes->pdata[i];
  return NULL;
}

/* One batch: the server takes each change or refuses it; then the batch
 * is forgotten and each refused record written back as the team has
 * it. Killed between the server's answer and the forgetting, the batch
 * is sent again and the server knows every change of it already. */
static gboolean
push_batch (RapportStore       *store,
            PGconn             *conn,
            const char         *desktop,
            GPtrArray          *changes,
            RapportSyncResult  *result,
            GError            **error)
{
  g_autofree char *json = changes_json (changes);
  const char *values[2] = { desktop, json };
  g_autoptr(PGresult) answer = PQexecParams (conn,
                                             "SELECT local_seq, seq, refused FROM rapport.push_many ($1::uuid, $2::jsonb)",
                                             2, NULL, values, NULL, NULL, 0);
  g_autoptr(GPtrArray) refused = g_ptr_array_new ();
  gint64 last = ((RapportLoggedChange *) changes->pdata[changes->len - 1])->seq;

  if (PQresultStatus (answer) != PGRES_TUPLES_OK)
    return rapport_team_result_error (conn, answer, error);

  for (int i = 0; i < PQntuples (answer); i++)
    {
      const RapportLoggedChange *change = find_change (changes, g_ascii_strtoll (PQgetvalue (answer, i, 0), NULL, 10));

      if (PQgetisnull (answer, i, 2))
        {
          result->pushed++;
          continue;
        }
      {
        g_autofree char *name = change != NULL ? refused_name (store, change) : NULL;
        /* Translators: a change the team's server refused: the record's
         * name, then the server's reason ("This record belongs to alex:
         * only they or a manager may change it."). */
        g_autofree char *message = name != NULL ? g_strdup_printf (_("“%s” was not changed: %s"), name,
                                                                   PQgetvalue (answer, i, 2))
                                                : g_strdup (PQgetvalue (answer, i, 2));

        add_refusal (result, message);
      }
      if (change != NULL)
        g_ptr_array_add (refused, (gpointer) change);
    }

  if (!rapport_store_forget_changes (store, last, error))
    return FALSE;
  for (guint i = 0; i < refused->len; i++)
    if (!restore_refused (store, conn, refused->pdata[i], error))
      return FALSE;
  return TRUE;
}

/* The first desktop's records, the log's leading inserts, set-based
 * (rapport.push_snapshot()): a file of 100 000 deals is over a million
 * rows. What follows them (a change made meanwhile) goes by push(). */
static gboolean
push_snapshot (RapportStore       *store,
               PGconn             *conn,
               const char         *desktop,
               const Progress     *progress,
               RapportSyncResult  *result,
               GError            **error)
{
  for (;;)
    {
      g_autoptr(GPtrArray) changes = rapport_store_read_changes (store, 0, SNAPSHOT_BATCH, error);
      g_autoptr(PGresult) answer = NULL;
      g_autofree char *json = NULL;
      const char *values[2];
      guint n = 0;

      if (changes == NULL)
        return FALSE;
      while (n < changes->len && g_str_equal (((RapportLoggedChange *) changes->pdata[n])->op, "insert"))
        n++;
      if (n == 0)
        return TRUE;
      g_ptr_array_set_size (changes, n);

      json = changes_json (changes);
      values[0] = desktop;
      values[1] = json;
      answer = PQexecParams (conn, "SELECT rapport.push_snapshot ($1::uuid, $2::jsonb)",
                             2, NULL, values, NULL, NULL, 0);
      if (PQresultStatus (answer) != PGRES_TUPLES_OK)
        return rapport_team_result_error (conn, answer, error);
      result->pushed += n;
      progress_report (progress, result->pushed);
      if (!rapport_store_forget_changes (store, ((RapportLoggedChange *) changes->pdata[n - 1])->seq, error))
        return FALSE;
    }
}

static gboolean
push (RapportStore       *store,
      PGconn             *conn,
      const char         *desktop,
      RapportSyncResult  *result,
      GError            **error)
{
  for (;;)
    {
      g_autoptr(GPtrArray) changes = rapport_store_read_changes (store, 0, PUSH_BATCH, error);

      if (changes == NULL)
        return FALSE;
      if (changes->len == 0)
        return TRUE;
      if (!push_batch (store, conn, desktop, changes, result, error))
        return FALSE;
    }
}

static void
keep_outcome (RapportStore *store,
              const GError *failure)
{
  const char *state = failure == NULL ? "synced"
                    : g_error_matches (failure, RAPPORT_TEAM_ERROR, RAPPORT_TEAM_ERROR_UNREACHABLE) ? "offline"
                    : "error";

  g_autofree char *old_state = rapport_store_get_team_value (store, "team-state");
  g_autofree char *old_error = rapport_store_get_team_value (store, "team-error");
  const char *message = failure != NULL ? failure->message : NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  /* Only what changed: every write is a commit the app's window reloads
   * its views for, and an app that is in step syncs every half minute
   * with nothing to say. The time of the last sync is kept to the
   * minute. */
  if (g_strcmp0 (old_state, state) != 0)
    rapport_store_set_team_value (store, "team-state", state, NULL);
  if (g_strcmp0 (old_error, message) != 0)
    rapport_store_set_team_value (store, "team-error", message, NULL);
  if (failure == NULL && now - team_int (store, "team-synced-at") >= 60)
    set_team_int (store, "team-synced-at", now, NULL);
}

/* One pull and push over @conn (NULL: the connection failed with
 * @failure); a first desktop brings its records up first. */
static gboolean
sync_with (RapportStore       *store,
           PGconn             *conn,
           GError             *failure,
           gboolean            bring_up,
           const Progress     *progress,
           RapportSyncResult  *result,
           GError            **error)
{
  g_autofree char *desktop = rapport_store_get_team_value (store, "team-desktop");
  g_autoptr(GError) local_error = failure;
  gboolean ok;

  ok = conn != NULL &&
       (!bring_up || push_snapshot (store, conn, desktop, progress, result, &local_error)) &&
       pull (store, conn, desktop, progress, result, &local_error) &&
       push (store, conn, desktop, result, &local_error);

  result->pending = rapport_store_count_pending_changes (store);
  keep_outcome (store, local_error);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

gboolean
rapport_sync_run (RapportStore       *store,
                  RapportSyncResult  *result,
                  GError            **error)
{
  return rapport_sync_run_with_password (store, NULL, result, error);
}

/* The file's team connection string, or NULL and @error when the file
 * belongs to no team. */
static char *
member_conninfo (RapportStore  *store,
                 const char    *password,
                 GError       **error)
{
  char *conninfo = team_conninfo (store, password);

  if (conninfo == NULL || !rapport_store_get_change_log_active (store))
    {
      g_free (conninfo);
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("This file belongs to no team: join one with “team join CONNINFO”."));
      return NULL;
    }
  return conninfo;
}

gboolean
rapport_sync_run_with_password (RapportStore       *store,
                                const char         *password,
                                RapportSyncResult  *result,
                                GError            **error)
{
  g_autofree char *conninfo = NULL;
  g_autoptr(PGconn) conn = NULL;
  GError *failure = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  conninfo = member_conninfo (store, password, error);
  if (conninfo == NULL)
    return FALSE;

  conn = rapport_team_connect (conninfo, &failure);
  return sync_with (store, conn, failure, FALSE, NULL, result, error);
}

/* What the server says of the team and of us before we join. */
static gboolean
check_team (PGconn      *conn,
            gint64      *n_records,
            GError     **error)
{
  g_autoptr(PGresult) member = NULL;
  g_autoptr(PGresult) count = NULL;
  int version = 0;

  if (!rapport_team_read_version (conn, &version, error))
    return FALSE;
  if (version <= 0 || version > RAPPORT_TEAM_SCHEMA_VERSION)
    {
      g_set_error_literal (error, RAPPORT_TEAM_ERROR,
                           version <= 0 ? RAPPORT_TEAM_ERROR_FOREIGN : RAPPORT_TEAM_ERROR_TOO_NEW,
                           version <= 0 ? _("This database holds no Rapport team.")
                                        : _("This team’s database was made by a newer Rapport: update Rapport to join it."));
      return FALSE;
    }

  member = PQexec (conn, "SELECT EXISTS (SELECT 1 FROM rapport.member WHERE role = current_user)");
  if (PQresultStatus (member) != PGRES_TUPLES_OK)
    return rapport_team_result_error (conn, member, error);
  if (!g_str_equal (PQgetvalue (member, 0, 0), "t"))
    {
      g_set_error_literal (error, RAPPORT_TEAM_ERROR, RAPPORT_TEAM_ERROR_REFUSED,
                           _("You are not in this team: ask its manager to add you with “team add-user”."));
      return FALSE;
    }

  count = PQexec (conn, "SELECT count(*) FROM rapport.record");
  if (PQresultStatus (count) != PGRES_TUPLES_OK)
    return rapport_team_result_error (conn, count, error);
  *n_records = g_ascii_strtoll (PQgetvalue (count, 0, 0), NULL, 10);
  return TRUE;
}

static gboolean
holds_records (RapportStore *store)
{
  RapportStoreSummary summary;

  return rapport_store_get_summary (store, &summary, NULL) &&
         (summary.deals > 0 || summary.contacts > 0 || summary.organizations > 0);
}

gboolean
rapport_sync_join (RapportStore       *store,
                   const char         *conninfo,
                   const char         *user,
                   RapportSyncResult  *result,
                   GError            **error)
{
  return rapport_sync_join_full (store, conninfo, user, NULL, NULL, NULL, result, error);
}

gboolean
rapport_sync_join_full (RapportStore         *store,
                        const char           *conninfo,
                        const char           *user,
                        const char           *password,
                        RapportSyncProgress   progress_func,
                        gpointer              progress_data,
                        RapportSyncResult    *result,
                        GError              **error)
{
  g_autofree char *server = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *desktop = g_uuid_string_random ();
  g_autofree char *full = NULL;
  g_autoptr(PGconn) conn = NULL;
  gint64 n_records = 0;
  Progress progress = { progress_func, progress_data, 0 };
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  server = rapport_team_conninfo_public (conninfo, error);
  normalized = server != NULL ? rapport_team_conninfo_normalize (conninfo, error) : NULL;
  if (normalized == NULL)
    return FALSE;
  /* A postgresql:// address takes no more keywords: its pairs do. */
  full = conninfo_for (normalized, user, password);
  conn = rapport_team_connect (full, error);
  if (conn == NULL || !check_team (conn, &n_records, error))
    return FALSE;

  if (n_records > 0 && holds_records (store))
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("This file holds records of its own, and the team has its own: join the team with a new file (--db NEW-FILE)."));
      return FALSE;
    }
  if (n_records > 0 && !rapport_store_clear_for_team (store, error))
    return FALSE;

  if (!rapport_store_set_team_server (store, server, error) ||
      !rapport_store_set_team_value (store, "team-user", user != NULL ? user : PQuser (conn), error) ||
      !rapport_store_set_team_value (store, "team-desktop", desktop, error) ||
      !rapport_store_set_team_value (store, "team-last-seen", "0", error) ||
      !rapport_store_set_change_log_active (store, TRUE, error))
    return FALSE;
  /* A million rows go one way or the other: the first desktop of a team
   * logs and brings its records up, the next download the team's. */
  rapport_store_set_bulk_writes (store, TRUE);
  ok = n_records > 0 || rapport_store_log_everything (store, error);
  if (ok)
    {
      progress.total = n_records > 0 ? (guint64) n_records : rapport_store_count_pending_changes (store);
      progress_report (&progress, 0);
      ok = sync_with (store, conn, NULL, n_records == 0, &progress, result, error);
    }
  rapport_store_set_bulk_writes (store, FALSE);
  return ok;
}

gboolean
rapport_sync_leave (RapportStore  *store,
                    GError       **error)
{
  static const char * const keys[] = {
    "team-user", "team-desktop", "team-last-seen", "team-state", "team-error", "team-synced-at",
  };

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!rapport_store_set_change_log_active (store, FALSE, error) ||
      !rapport_store_forget_changes (store, G_MAXINT64, error))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    if (!rapport_store_set_team_value (store, keys[i], NULL, error))
      return FALSE;
  return rapport_store_set_team_value (store, "team-server", NULL, error);
}

void
rapport_sync_read_status (RapportStore      *store,
                          RapportSyncStatus *status)
{
  g_autofree char *state = NULL;

  g_return_if_fail (RAPPORT_IS_STORE (store));

  memset (status, 0, sizeof *status);
  status->server = rapport_store_get_team_server (store);
  if (status->server == NULL)
    return;

  status->user = rapport_store_get_team_user (store);
  status->pending = rapport_store_count_pending_changes (store);
  status->last_synced_at = team_int (store, "team-synced-at");
  status->error = rapport_store_get_team_value (store, "team-error");
  state = rapport_store_get_team_value (store, "team-state");
  status->state = g_strcmp0 (state, "synced") == 0 ? RAPPORT_SYNC_SYNCED
                : g_strcmp0 (state, "error") == 0 ? RAPPORT_SYNC_ERROR
                : RAPPORT_SYNC_OFFLINE;
}

/* A desktop that stays in step */

struct _RapportSyncLink
{
  PGconn *conn;
};

RapportSyncLink *
rapport_sync_link_open (RapportStore  *store,
                        const char    *password,
                        GError       **error)
{
  g_autofree char *conninfo = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(PGresult) listen = NULL;
  g_autoptr(GError) local_error = NULL;
  RapportSyncLink *link;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  conninfo = member_conninfo (store, password, error);
  if (conninfo == NULL)
    return NULL;
  conn = rapport_team_connect (conninfo, &local_error);
  if (conn == NULL)
    {
      /* As a sync that could not connect: `team status` tells it. */
      keep_outcome (store, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Before the first pull: a change pushed between the pull's look at
   * the log and the LISTEN would otherwise go unheard until the next
   * catch-up. */
  listen = PQexec (conn, "LISTEN rapport_changes");
  if (PQresultStatus (listen) != PGRES_COMMAND_OK)
    {
      rapport_team_result_error (conn, listen, error);
      return NULL;
    }
  if (PQsetnonblocking (conn, FALSE) != 0)
    {
      g_set_error_literal (error, RAPPORT_TEAM_ERROR, RAPPORT_TEAM_ERROR_FAILED, PQerrorMessage (conn));
      return NULL;
    }

  link = g_new0 (RapportSyncLink, 1);
  link->conn = g_steal_pointer (&conn);
  return link;
}

void
rapport_sync_link_free (RapportSyncLink *link)
{
  if (link == NULL)
    return;
  g_clear_pointer (&link->conn, PQfinish);
  g_free (link);
}

int
rapport_sync_link_get_socket (RapportSyncLink *link)
{
  g_return_val_if_fail (link != NULL, -1);

  return PQsocket (link->conn);
}

gboolean
rapport_sync_link_read_news (RapportSyncLink  *link,
                             gboolean         *news,
                             GError          **error)
{
  PGnotify *notify;

  g_return_val_if_fail (link != NULL, FALSE);

  *news = FALSE;
  if (!PQconsumeInput (link->conn) || PQstatus (link->conn) != CONNECTION_OK)
    {
      g_set_error (error, RAPPORT_TEAM_ERROR, RAPPORT_TEAM_ERROR_UNREACHABLE,
                   _("The connection to the team’s server was lost: %s"), PQerrorMessage (link->conn));
      return FALSE;
    }
  while ((notify = PQnotifies (link->conn)) != NULL)
    {
      *news = TRUE;
      PQfreemem (notify);
    }
  return TRUE;
}

gboolean
rapport_sync_link_run (RapportSyncLink    *link,
                       RapportStore       *store,
                       RapportSyncResult  *result,
                       GError            **error)
{
  g_return_val_if_fail (link != NULL, FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  return sync_with (store, link->conn, NULL, FALSE, NULL, result, error);
}
