/* rapport-store-query.c — the lists the contact, organization and deal
 * views show, and global search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every list here is a RapportRecordList: ids only, objects made when a row
 * is drawn. The SQL is constant text chosen from tables below; what the
 * user types is only ever bound as a parameter.
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-record-list.h"
#include "rapport-sqlite-private.h"

/* Contacts list */

/* ?3 a tag (any case), NULL for all. */
#define CONTACT_FILTER \
  " WHERE (?1 IS NULL OR c.lifecycle = ?1 - 1)" \
  " AND (?3 IS NULL OR c.id IN (SELECT contact_id FROM record_tag WHERE tag = ?3 COLLATE NOCASE))"
#define CONTACT_SEARCH \
  " AND c.id IN (SELECT CASE WHEN rowid > 0 THEN rowid ELSE ref END" \
  "   FROM search_contact WHERE search_contact MATCH ?2)"

/* Missing values (no e-mail, never contacted) sort last either way. */
#define CONTACT_QUERY(order) \
  { "SELECT c.id FROM contact c" CONTACT_FILTER " ORDER BY " order, \
    "SELECT c.id FROM contact c" CONTACT_FILTER CONTACT_SEARCH " ORDER BY " order }

static const char * const contact_queries[][2][2] = {
  [RAPPORT_CONTACT_SORT_NAME] = {
    CONTACT_QUERY ("c.name COLLATE NOCASE, c.id"),
    CONTACT_QUERY ("c.name COLLATE NOCASE DESC, c.id DESC") },
  /* [RAPPORT_CONTACT_SORT_ORGANIZATION] takes two reads: organization_queries. */
  [RAPPORT_CONTACT_SORT_EMAIL] = {
    CONTACT_QUERY ("c.email IS NULL, c.email COLLATE NOCASE, c.id"),
    CONTACT_QUERY ("c.email IS NULL, c.email COLLATE NOCASE DESC, c.id DESC") },
  [RAPPORT_CONTACT_SORT_PHONE] = {
    CONTACT_QUERY ("c.phone IS NULL, c.phone, c.id"),
    CONTACT_QUERY ("c.phone IS NULL, c.phone DESC, c.id DESC") },
  [RAPPORT_CONTACT_SORT_LIFECYCLE] = {
    CONTACT_QUERY ("c.lifecycle, c.name COLLATE NOCASE, c.id"),
    CONTACT_QUERY ("c.lifecycle DESC, c.name COLLATE NOCASE, c.id") },
  [RAPPORT_CONTACT_SORT_LAST_CONTACT] = {
    CONTACT_QUERY ("c.last_contacted_at IS NULL, c.last_contacted_at, c.id"),
    CONTACT_QUERY ("c.last_contacted_at IS NULL, c.last_contacted_at DESC, c.id DESC") },
  [RAPPORT_CONTACT_SORT_NEXT_FOLLOWUP] = {
    CONTACT_QUERY ("c.next_followup_at IS NULL, c.next_followup_at, c.id"),
    CONTACT_QUERY ("c.next_followup_at IS NULL, c.next_followup_at DESC, c.id DESC") },
};

/* By organization, in two reads that follow indexes instead of one that
 * sorts 200 000 rows (0.9 s): the organizations by name, each one's
 * contacts by name (CROSS JOIN keeps that order of the loops), then the
 * contacts of no organization. [descending][search] */
#define ORG_ORDERED(dir, search) \
  "SELECT c.id FROM organization o CROSS JOIN contact c ON c.organization_id = o.id" \
  CONTACT_FILTER search " ORDER BY o.name COLLATE NOCASE " dir ", o.id " dir \
  ", c.name COLLATE NOCASE, c.id"
#define ORG_NONE(search) \
  "SELECT c.id FROM contact c" CONTACT_FILTER " AND c.organization_id IS NULL" search \
  " ORDER BY c.name COLLATE NOCASE, c.id"

static const char * const organization_queries[2][2][2] = {
  { { ORG_ORDERED ("", ""), ORG_NONE ("") },
    { ORG_ORDERED ("", CONTACT_SEARCH), ORG_NONE (CONTACT_SEARCH) } },
  { { ORG_ORDERED ("DESC", ""), ORG_NONE ("") },
    { ORG_ORDERED ("DESC", CONTACT_SEARCH), ORG_NONE (CONTACT_SEARCH) } },
};

/* Turns what the user typed into an FTS5 query: every word must start a
 * word of the record ("ann ber" finds "Anna Berg"). Each word is quoted,
 * so nothing the user types is FTS5 syntax; NULL when there is no word. */
/* A search is what a person types: a pasted page of 60 000 words once took
 * 1.9 GB and seven seconds to match. Only the start of the text and its
 * first words count; nobody types more to find a name. */
#define SEARCH_MAX_WORDS 16
#define SEARCH_MAX_BYTES 1024

/* The length of @text's first SEARCH_MAX_BYTES, cut at a character. */
static gssize
bounded_length (const char *text)
{
  const char *end = text;

  while (*end != '\0' && end - text < SEARCH_MAX_BYTES)
    end = g_utf8_next_char (end);

  return end - text;
}

static char *
search_expression (const char *text)
{
  g_autoptr(GString) expr = g_string_new (NULL);
  g_autofree char *normalized = NULL;
  const char *p;
  guint n_words = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  normalized = g_utf8_normalize (text, bounded_length (text), G_NORMALIZE_ALL_COMPOSE);
  if (normalized == NULL)
    return NULL;

  /* Split where the tokenizer would: at anything but letters and digits. */
  p = normalized;
  while (*p != '\0' && n_words < SEARCH_MAX_WORDS)
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        continue;

      n_words++;
      if (expr->len > 0)
        g_string_append_c (expr, ' ');
      g_string_append_c (expr, '"');
      g_string_append_len (expr, start, p - start);
      g_string_append (expr, "\"*");
    }

  if (expr->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&expr), FALSE);
}

static void
on_activity_notice (RapportRecordList   *list,
                    const RapportNotice *notice,
                    RapportStore        *store)
{
  rapport_record_list_reload (list);
}

GListModel *
rapport_store_query_contacts (RapportStore       *self,
                              RapportContactSort  sort,
                              gboolean            descending,
                              int                 lifecycle,
                              const char         *search)
{
  return rapport_store_query_contacts_tagged (self, sort, descending, lifecycle, search, NULL);
}

GListModel *
rapport_store_query_contacts_tagged (RapportStore       *self,
                                     RapportContactSort  sort,
                                     gboolean            descending,
                                     int                 lifecycle,
                                     const char         *search,
                                     const char         *tag)
{
  g_autofree char *expr = search_expression (search);
  GListModel *list;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (sort <= RAPPORT_CONTACT_SORT_NEXT_FOLLOWUP, NULL);
  g_return_val_if_fail (lifecycle >= -1 && lifecycle <= RAPPORT_LIFECYCLE_CUSTOMER, NULL);

  /* ?1 is the lifecycle + 1, unbound (NULL) for all. */
  if (sort == RAPPORT_CONTACT_SORT_ORGANIZATION)
    {
      const char * const *pair = organization_queries[descending ? 1 : 0][expr != NULL ? 1 : 0];

      list = rapport_record_list_new_tagged (self, RAPPORT_TYPE_CONTACT, pair[0], pair[1],
                                             lifecycle + 1, expr, tag);
    }
  else
    {
      const char *sql = contact_queries[sort][descending ? 1 : 0][expr != NULL ? 1 : 0];

      list = rapport_record_list_new_tagged (self, RAPPORT_TYPE_CONTACT, sql, NULL, lifecycle + 1, expr, tag);
    }

  /* Triggers keep these two dates from the activities: adding, snoozing or
   * rescheduling a follow-up moves a contact without writing its table. */
  if (sort == RAPPORT_CONTACT_SORT_LAST_CONTACT || sort == RAPPORT_CONTACT_SORT_NEXT_FOLLOWUP)
    g_signal_connect_object (self, "notice::activity", G_CALLBACK (on_activity_notice), list,
                             G_CONNECT_SWAPPED);

  return list;
}

RapportContact *
rapport_store_find_contact_by_email (RapportStore *self,
                                     const char   *email)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (email == NULL || *email == '\0')
    return NULL;

  /* "(email IS NULL) = 0" names the first column of contact_by_email. */
  stmt = rapport_store_stmt_sql (self,
                                 "SELECT id FROM contact WHERE (email IS NULL) = 0"
                                 " AND email = ?1 COLLATE NOCASE ORDER BY id LIMIT 1");
  sqlite3_bind_text (stmt, 1, email, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id > 0 ? rapport_store_lookup (self, RAPPORT_TYPE_CONTACT, id, NULL) : NULL;
}

/* Lists for the detail views */

GListModel *
rapport_store_get_organizations (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return rapport_record_list_new_sql (self, RAPPORT_TYPE_ORGANIZATION,
                                      RAPPORT_SQL_ORGANIZATION_IDS,
                                      0, NULL);
}

/* The organizations list: ?3 a tag, NULL for all; missing values last. */
#define ORGANIZATION_QUERY(order) \
  "SELECT o.id FROM organization o" \
  " WHERE (?3 IS NULL OR o.id IN (SELECT organization_id FROM record_tag WHERE tag = ?3 COLLATE NOCASE))" \
  " ORDER BY " order

static const char * const organization_list_queries[][2] = {
  [RAPPORT_ORGANIZATION_SORT_NAME] = {
    ORGANIZATION_QUERY ("o.name COLLATE NOCASE, o.id"),
    ORGANIZATION_QUERY ("o.name COLLATE NOCASE DESC, o.id DESC") },
  [RAPPORT_ORGANIZATION_SORT_WEBSITE] = {
    ORGANIZATION_QUERY ("o.website IS NULL, o.website COLLATE NOCASE, o.id"),
    ORGANIZATION_QUERY ("o.website IS NULL, o.website COLLATE NOCASE DESC, o.id DESC") },
  [RAPPORT_ORGANIZATION_SORT_PHONE] = {
    ORGANIZATION_QUERY ("o.phone IS NULL, o.phone, o.id"),
    ORGANIZATION_QUERY ("o.phone IS NULL, o.phone DESC, o.id DESC") },
  [RAPPORT_ORGANIZATION_SORT_INDUSTRY] = {
    ORGANIZATION_QUERY ("o.industry IS NULL, o.industry COLLATE NOCASE, o.id"),
    ORGANIZATION_QUERY ("o.industry IS NULL, o.industry COLLATE NOCASE DESC, o.id DESC") },
  [RAPPORT_ORGANIZATION_SORT_SIZE] = {
    ORGANIZATION_QUERY ("o.size IS NULL, o.size, o.id"),
    ORGANIZATION_QUERY ("o.size IS NULL, o.size DESC, o.id DESC") },
};

GListModel *
rapport_store_query_organizations (RapportStore            *self,
                                   RapportOrganizationSort  sort,
                                   gboolean                 descending,
                                   const char              *tag)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (sort <= RAPPORT_ORGANIZATION_SORT_SIZE, NULL);

  return rapport_record_list_new_tagged (self, RAPPORT_TYPE_ORGANIZATION,
                                         organization_list_queries[sort][descending ? 1 : 0],
                                         NULL, 0, NULL, tag);
}

/* Open deals first, then the closed ones, most recently closed first. */
#define DEAL_ORDER " ORDER BY status != 0, coalesce(closed_at, 0) DESC, title COLLATE NOCASE, id"

GListModel *
rapport_store_get_contact_deals (RapportStore *self,
                                 gint64        contact_id)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (contact_id > 0, NULL);

  return rapport_record_list_new_sql (self, RAPPORT_TYPE_DEAL,
                                      "SELECT id FROM deal WHERE contact_id = ?1" DEAL_ORDER,
                                      contact_id, NULL);
}

GListModel *
rapport_store_get_organization_deals (RapportStore *self,
                                      gint64        organization_id)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (organization_id > 0, NULL);

  return rapport_record_list_new_sql (self, RAPPORT_TYPE_DEAL,
                                      "SELECT id FROM deal WHERE organization_id = ?1" DEAL_ORDER,
                                      organization_id, NULL);
}

GListModel *
rapport_store_get_organization_contacts (RapportStore *self,
                                         gint64        organization_id)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (organization_id > 0, NULL);

  return rapport_record_list_new_sql (self, RAPPORT_TYPE_CONTACT,
                                      "SELECT id FROM contact WHERE organization_id = ?1"
                                      " ORDER BY name COLLATE NOCASE, id",
                                      organization_id, NULL);
}

/* Newest first: when it was done, else when it is due, else made. */
#define ACTIVITY_ORDER " ORDER BY coalesce(done_at, snoozed_until, due_at, created_at) DESC, id DESC"

GListModel *
rapport_store_get_contact_activities (RapportStore *self,
                                      gint64        contact_id)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (contact_id > 0, NULL);

  return rapport_record_list_new_sql (self, RAPPORT_TYPE_ACTIVITY,
                                      "SELECT id FROM activity WHERE contact_id = ?1" ACTIVITY_ORDER,
                                      contact_id, NULL);
}

GListModel *
rapport_store_get_deal_activities (RapportStore *self,
                                   gint64        deal_id)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (deal_id > 0, NULL);

  /* A call, an email or a meeting logged on the contact alone is part of
   * the story of each of their open deals too. */
  return rapport_record_list_new_sql (self, RAPPORT_TYPE_ACTIVITY,
                                      "SELECT id FROM activity WHERE deal_id = ?1"
                                      " OR (contact_id = (SELECT contact_id FROM deal WHERE id = ?1 AND status = 0)"
                                      " AND deal_id IS NULL AND kind IN (0, 1, 2) AND done_at IS NOT NULL)"
                                      ACTIVITY_ORDER,
                                      deal_id, NULL);
}

#define NOTE_ORDER " ORDER BY created_at DESC, id DESC"

GListModel *
rapport_store_get_contact_notes (RapportStore *self,
                                 gint64        contact_id)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (contact_id > 0, NULL);

  return rapport_record_list_new_sql (self, RAPPORT_TYPE_NOTE,
                                      "SELECT id FROM note WHERE contact_id = ?1" NOTE_ORDER,
                                      contact_id, NULL);
}

GListModel *
rapport_store_get_deal_notes (RapportStore *self,
                              gint64        deal_id)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (deal_id > 0, NULL);

  return rapport_record_list_new_sql (self, RAPPORT_TYPE_NOTE,
                                      "SELECT id FROM note WHERE deal_id = ?1" NOTE_ORDER,
                                      deal_id, NULL);
}

GListModel *
rapport_store_get_organization_notes (RapportStore *self,
                                      gint64        organization_id)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (organization_id > 0, NULL);

  return rapport_record_list_new_sql (self, RAPPORT_TYPE_NOTE,
                                      "SELECT id FROM note WHERE organization_id = ?1" NOTE_ORDER,
                                      organization_id, NULL);
}

GListModel *
rapport_store_get_negotiation (RapportStore *self,
                               gint64        deal_id)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (deal_id > 0, NULL);

  return rapport_record_list_new_sql (self, RAPPORT_TYPE_NEGOTIATION_ENTRY,
                                      "SELECT id FROM negotiation_entry WHERE deal_id = ?1"
                                      " ORDER BY created_at, id",
                                      deal_id, NULL);
}

void
rapport_store_get_organization_won (RapportStore *self,
                                    gint64        organization_id,
                                    guint        *n_won,
                                    gint64       *total)
{
  sqlite3_stmt *stmt;

  g_return_if_fail (RAPPORT_IS_STORE (self));

  stmt = rapport_store_stmt_sql (self,
                                 "SELECT count(*), coalesce(sum(CASE WHEN currency = ?2 THEN value END), 0)"
                                 " FROM deal WHERE organization_id = ?1 AND status = 1");
  sqlite3_bind_int64 (stmt, 1, organization_id);
  sqlite3_bind_text (stmt, 2, rapport_store_get_default_currency (self), -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (n_won != NULL)
        *n_won = (guint) sqlite3_column_int64 (stmt, 0);
      if (total != NULL)
        *total = sqlite3_column_int64 (stmt, 1);
    }
  else
    {
      if (n_won != NULL)
        *n_won = 0;
      if (total != NULL)
        *total = 0;
    }
  sqlite3_reset (stmt);
}

/* Undo of an added note, negotiation entry or activity */

gboolean
rapport_store_delete (RapportStore   *self,
                      RapportRecord  *record,
                      GError        **error)
{
  static const struct
  {
    const char *table;
    const char *sql;
  } deletable[] = {
    { "note", "DELETE FROM note WHERE id = ?1" },
    { "negotiation_entry", "DELETE FROM negotiation_entry WHERE id = ?1" },
    { "activity", "DELETE FROM activity WHERE id = ?1" },
    { "goal", "DELETE FROM goal WHERE id = ?1" },
  };
  const char *table;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_RECORD (record), FALSE);

  table = rapport_record_get_table (record);
  for (guint i = 0; i < G_N_ELEMENTS (deletable); i++)
    if (g_str_equal (table, deletable[i].table))
      stmt = rapport_store_stmt_sql (self, deletable[i].sql);

  if (stmt == NULL)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("Only notes, negotiation entries, activities and goals can be deleted"));
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (record));

  if (!rapport_store_run_alone (self, stmt, error))
    return FALSE;

  rapport_store_forget (self, record);
  rapport_store_notify (self, rapport_entity_of_type (G_OBJECT_TYPE (record)), RAPPORT_CHANGE_REMOVED, rapport_record_get_id (record));

  return TRUE;
}

/* Global search */

static const char * const search_sql[] = {
  [RAPPORT_SEARCH_CONTACT] =
    "SELECT CASE WHEN rowid > 0 THEN rowid ELSE ref END, title"
    " FROM search_contact WHERE search_contact MATCH ?1 LIMIT ?2",
  [RAPPORT_SEARCH_ORGANIZATION] =
    "SELECT CASE WHEN rowid > 0 THEN rowid ELSE ref END, title"
    " FROM search_organization WHERE search_organization MATCH ?1 LIMIT ?2",
  [RAPPORT_SEARCH_DEAL] =
    "SELECT CASE WHEN rowid > 0 THEN rowid ELSE ref END, title"
    " FROM search_deal WHERE search_deal MATCH ?1 LIMIT ?2",
};

static gboolean
has_hit (GArray            *hits,
         RapportSearchKind  kind,
         gint64             id)
{
  for (guint i = 0; i < hits->len; i++)
    {
      RapportSearchHit *hit = &g_array_index (hits, RapportSearchHit, i);

      if (hit->kind == kind && hit->id == id)
        return TRUE;
    }

  return FALSE;
}

/* Adds up to @limit records of @kind that @expr finds and @hits lacks. A
 * name that starts with what was typed ranks 0, another name or title
 * match 1, a match in the e-mail, phone or notes 2; then the order found. */
static gboolean
collect_hits (RapportStore       *self,
              RapportSearchKind   kind,
              const char         *expr,
              const char         *folded_text,
              double              rank,
              guint               limit,
              GArray             *hits,
              GError            **error)
{
  sqlite3_stmt *stmt = rapport_store_stmt_sql (self, search_sql[kind]);
  guint found = 0;
  int rc;

  sqlite3_bind_text (stmt, 1, expr, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (gint64) limit * 2);

  while (found < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *title = (const char *) sqlite3_column_text (stmt, 1);
      RapportSearchHit hit = { .kind = kind, .id = sqlite3_column_int64 (stmt, 0), .rank = rank };

      if (has_hit (hits, kind, hit.id))
        continue;

      if (rank == 1.0 && title != NULL)
        {
          g_autofree char *folded = g_utf8_casefold (title, -1);

          if (g_str_has_prefix (folded, folded_text))
            hit.rank = 0.0;
        }

      g_array_append_val (hits, hit);
      found++;
    }
  if (found < limit && rc != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return rapport_store_set_error (self, rc, error);
    }
  sqlite3_reset (stmt);

  return TRUE;
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const RapportSearchHit *ha = a, *hb = b;

  if (ha->kind != hb->kind)
    return ha->kind < hb->kind ? -1 : 1;
  if (ha->rank != hb->rank)
    return ha->rank < hb->rank ? -1 : 1;

  return 0;
}

/* Each kind has its own index, and each look-up stops after the first
 * rows it needs: ranking every match (bm25) of a two-letter prefix over
 * 200 000 contacts costs tens of milliseconds, this costs well under one.
 * Name and title matches are asked first, then any column. */
GArray *
rapport_store_search (RapportStore  *self,
                      const char    *text,
                      guint          limit,
                      GError       **error)
{
  g_autofree char *expr = search_expression (text);
  g_autofree char *title_expr = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *folded_text = NULL;
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (RapportSearchHit));

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (expr == NULL || limit == 0)
    return g_steal_pointer (&hits);  /* also for text that is not UTF-8 */

  title_expr = g_strdup_printf ("title : (%s)", expr);
  stripped = g_strstrip (g_strndup (text, bounded_length (text)));
  folded_text = g_utf8_casefold (stripped, -1);

  for (RapportSearchKind kind = RAPPORT_SEARCH_CONTACT; kind <= RAPPORT_SEARCH_DEAL; kind++)
    {
      guint before = hits->len;

      if (!collect_hits (self, kind, title_expr, folded_text, 1.0, limit, hits, error))
        return NULL;
      if (hits->len - before < limit &&
          !collect_hits (self, kind, expr, folded_text, 2.0, limit - (hits->len - before), hits, error))
        return NULL;
    }

  /* g_array_sort is not stable: keep the order found within a rank. */
  for (guint i = 0; i < hits->len; i++)
    g_array_index (hits, RapportSearchHit, i).rank += i * 1e-9;
  g_array_sort (hits, compare_hits);

  return g_steal_pointer (&hits);
}

/* The deals list: every deal, open, won or lost */

/* Each sort joins only what it orders by: on 100 000 deals every join
 * is 100 000 look-ups. */
#define JOIN_STAGE " JOIN stage s ON s.id = d.stage_id"
#define JOIN_PIPELINE JOIN_STAGE " JOIN pipeline p ON p.id = s.pipeline_id"
/* The day a deal closes: expected while open, the one it closed on since. */
#define DEAL_CLOSE_DAY \
  "(CASE WHEN d.status = 0 THEN d.expected_close" \
  " ELSE date(d.closed_at, 'unixepoch', 'localtime') END)"


/* Every filter is a parameter that is NULL when unset. */
#define DEAL_FILTER \
  " WHERE (?1 IS NULL OR d.status = ?1)" \
  " AND (?2 IS NULL OR d.stage_id = ?2)" \
  " AND (?3 IS NULL OR d.stage_id IN (SELECT id FROM stage WHERE pipeline_id = ?3))" \
  " AND (?4 IS NULL OR d.owner = ?4 COLLATE NOCASE)" \
  " AND (?5 IS NULL OR " DEAL_CLOSE_DAY " >= ?5)" \
  " AND (?6 IS NULL OR " DEAL_CLOSE_DAY " <= ?6)" \
  " AND (?7 IS NULL OR d.value >= ?7)" \
  " AND (?8 IS NULL OR d.value <= ?8)" \
  " AND (?10 IS NULL" \
  "   OR d.contact_id IN (SELECT contact_id FROM record_tag" \
  "     WHERE tag = ?10 COLLATE NOCASE AND contact_id IS NOT NULL)" \
  "   OR d.organization_id IN (SELECT organization_id FROM record_tag" \
  "     WHERE tag = ?10 COLLATE NOCASE AND organization_id IS NOT NULL))"

/* A deal is found by its own words and notes, and by its contact's or
 * organization's name, e-mail or phone. */
#define DEAL_SEARCH \
  " AND (d.id IN (SELECT CASE WHEN rowid > 0 THEN rowid ELSE ref END" \
  "   FROM search_deal WHERE search_deal MATCH ?9)" \
  " OR d.contact_id IN (SELECT rowid FROM search_contact WHERE search_contact MATCH ?9)" \
  " OR d.organization_id IN (SELECT rowid FROM search_organization" \
  "   WHERE search_organization MATCH ?9))"

/* [search][filtered]. Unfiltered, a sort follows its index where there
 * is one (title, last activity, next follow-up). Filtered, that walk
 * would fetch every row at random to test it; NOT INDEXED reads the
 * table in order instead and sorts the few that pass. */
#define DEAL_QUERY(joins, order) \
  { { "SELECT d.id FROM deal d" joins DEAL_FILTER " AND ?9 IS NULL ORDER BY " order, \
      "SELECT d.id FROM deal d NOT INDEXED" joins DEAL_FILTER " AND ?9 IS NULL ORDER BY " order }, \
    { "SELECT d.id FROM deal d" joins DEAL_FILTER DEAL_SEARCH " ORDER BY " order, \
      "SELECT d.id FROM deal d" joins DEAL_FILTER DEAL_SEARCH " ORDER BY " order } }

/* Missing values sort last either way. [sort][descending][search][filtered] */
static const char * const deal_queries[][2][2][2] = {
  [RAPPORT_DEAL_SORT_TITLE] = {
    DEAL_QUERY ("", "d.title COLLATE NOCASE, d.id"),
    DEAL_QUERY ("", "d.title COLLATE NOCASE DESC, d.id DESC") },
  /* [RAPPORT_DEAL_SORT_ORGANIZATION] and [_CONTACT] take two reads:
   * deal_by_name_queries. */
  [RAPPORT_DEAL_SORT_VALUE] = {
    DEAL_QUERY ("", "d.value, d.id"),
    DEAL_QUERY ("", "d.value DESC, d.id DESC") },
  /* [RAPPORT_DEAL_SORT_STAGE] takes two reads: deal_by_stage_queries. */
  [RAPPORT_DEAL_SORT_OWNER] = {
    DEAL_QUERY ("", "d.owner IS NULL, d.owner COLLATE NOCASE, d.id"),
    DEAL_QUERY ("", "d.owner IS NULL, d.owner COLLATE NOCASE DESC, d.id DESC") },
  [RAPPORT_DEAL_SORT_CLOSE] = {
    DEAL_QUERY ("", DEAL_CLOSE_DAY " IS NULL, " DEAL_CLOSE_DAY ", d.id"),
    DEAL_QUERY ("", DEAL_CLOSE_DAY " IS NULL, " DEAL_CLOSE_DAY " DESC, d.id DESC") },
  /* Triggers keep both on the deal's row (schema 10), with indexes. */
  [RAPPORT_DEAL_SORT_LAST_ACTIVITY] = {
    DEAL_QUERY ("", "d.last_activity_at IS NULL, d.last_activity_at, d.id"),
    DEAL_QUERY ("", "d.last_activity_at IS NULL, d.last_activity_at DESC, d.id DESC") },
  [RAPPORT_DEAL_SORT_NEXT_FOLLOWUP] = {
    DEAL_QUERY ("", "d.next_followup_at IS NULL, d.next_followup_at, d.id"),
    DEAL_QUERY ("", "d.next_followup_at IS NULL, d.next_followup_at DESC, d.id DESC") },
  /* A filtered board column keeps the column's order. */
  [RAPPORT_DEAL_SORT_RANK] = {
    DEAL_QUERY (JOIN_STAGE, "s.position, d.rank, d.id"),
    DEAL_QUERY (JOIN_STAGE, "s.position DESC, d.rank DESC, d.id DESC") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (deal_queries) == RAPPORT_DEAL_SORT_RANK + 1);

/* By organization or contact name, in two reads that follow indexes
 * instead of one that joins and sorts 100 000 rows: the organizations (or
 * contacts) by name, each one's deals (CROSS JOIN keeps that order of the
 * loops), then the deals of none. [contact][descending][search][then] */
#define BY_NAME(table, column, dir, search) \
  "SELECT d.id FROM " table " n CROSS JOIN deal d ON d." column " = n.id" DEAL_FILTER \
  search " ORDER BY n.name COLLATE NOCASE " dir ", n.id " dir ", d.id " dir
#define OF_NONE(column, dir, search) \
  "SELECT d.id FROM deal d" DEAL_FILTER " AND d." column " IS NULL" search " ORDER BY d.id " dir
#define BY_NAME_PAIR(table, column, dir, search) \
  { BY_NAME (table, column, dir, search), OF_NONE (column, dir, search) }
#define BY_NAME_SORT(table, column) \
  { { BY_NAME_PAIR (table, column, "", " AND ?9 IS NULL"), BY_NAME_PAIR (table, column, "", DEAL_SEARCH) }, \
    { BY_NAME_PAIR (table, column, "DESC", " AND ?9 IS NULL"), BY_NAME_PAIR (table, column, "DESC", DEAL_SEARCH) } }

static const char * const deal_by_name_queries[2][2][2][2] = {
  BY_NAME_SORT ("organization", "organization_id"),
  BY_NAME_SORT ("contact", "contact_id"),
};

/* By stage or outcome, in two index-ordered reads instead of a join and a
 * sort of every deal: the open ones walked pipeline by pipeline and stage
 * by stage, each stage's in the board's order (deal_by_stage); then the
 * won and lost ones, oldest first (deal_by_status). Descending, the
 * closed ones come first. [descending][search][first, then] */
#define OPEN_BY_STAGE(dir, search) \
  "SELECT d.id FROM pipeline p CROSS JOIN stage s ON s.pipeline_id = p.id" \
  " CROSS JOIN deal d ON d.stage_id = s.id AND d.status = 0" DEAL_FILTER search \
  " ORDER BY p.position " dir ", p.id " dir ", s.position " dir ", s.id " dir ", d.rank " dir ", d.id " dir
#define CLOSED_BY_OUTCOME(dir, search) \
  "SELECT d.id FROM deal d" DEAL_FILTER " AND d.status != 0" search \
  " ORDER BY d.status " dir ", d.closed_at " dir ", d.id " dir

static const char * const deal_by_stage_queries[2][2][2] = {
  { { OPEN_BY_STAGE ("", " AND ?9 IS NULL"), CLOSED_BY_OUTCOME ("", " AND ?9 IS NULL") },
    { OPEN_BY_STAGE ("", DEAL_SEARCH), CLOSED_BY_OUTCOME ("", DEAL_SEARCH) } },
  { { CLOSED_BY_OUTCOME ("DESC", " AND ?9 IS NULL"), OPEN_BY_STAGE ("DESC", " AND ?9 IS NULL") },
    { CLOSED_BY_OUTCOME ("DESC", DEAL_SEARCH), OPEN_BY_STAGE ("DESC", DEAL_SEARCH) } },
};

/* One stage's deals of one status in the board's order, filtered (a
 * board column under its filters or My Deals): deal_by_stage reads only
 * that stage's rows, a few thousand of 100 000, where the table read in
 * order of the other filtered lists would read them all, once per
 * column. [descending] */
#define IN_STAGE(dir) \
  "SELECT d.id FROM deal d INDEXED BY deal_by_stage" DEAL_FILTER \
  " AND d.stage_id = ?2 AND d.status = ?1 AND ?9 IS NULL ORDER BY d.rank " dir ", d.id " dir

static const char * const deal_in_stage_queries[2] = { IN_STAGE (""), IN_STAGE ("DESC") };

/* The totals of such a column: its count and its sum in ?11, the store's
 * currency. */
#define IN_STAGE_TOTALS \
  "SELECT count(*), coalesce(sum(CASE WHEN d.currency = ?11 THEN d.value END), 0)" \
  " FROM deal d INDEXED BY deal_by_stage" DEAL_FILTER \
  " AND d.stage_id = ?2 AND d.status = ?1 AND ?9 IS NULL"

/* A bound of the filters: the value, or NULL for none. */
static void
bind_bound (RapportSqlStmt *stmt,
            int             index,
            gint64          value)
{
  if (value >= 0)
    rapport_sql_bind_int64 (stmt, index, value);
  else
    rapport_sql_bind_null (stmt, index);
}

void
rapport_store_get_stage_totals_filtered (RapportStore           *self,
                                         RapportStage           *stage,
                                         const RapportDealQuery *filter,
                                         guint                  *n_deals,
                                         gint64                 *total,
                                         gint64                 *weighted)
{
  RapportSqlStmt *stmt;
  guint n = 0;
  gint64 sum = 0;

  g_return_if_fail (RAPPORT_IS_STORE (self));
  g_return_if_fail (RAPPORT_IS_STAGE (stage));

  if (filter == NULL)
    {
      rapport_store_get_stage_totals (self, stage, n_deals, total, weighted);
      return;
    }

  stmt = rapport_store_stmt_sql (self, IN_STAGE_TOTALS);
  rapport_sql_bind_int64 (stmt, 1, RAPPORT_DEAL_STATUS_OPEN);
  rapport_sql_bind_int64 (stmt, 2, rapport_record_get_id (RAPPORT_RECORD (stage)));
  rapport_sql_bind_null (stmt, 3);
  rapport_sql_bind_text_or_null (stmt, 4, filter->owner);
  rapport_sql_bind_text_or_null (stmt, 5, filter->close_from);
  rapport_sql_bind_text_or_null (stmt, 6, filter->close_to);
  bind_bound (stmt, 7, filter->value_min);
  bind_bound (stmt, 8, filter->value_max);
  rapport_sql_bind_null (stmt, 9);
  rapport_sql_bind_text_or_null (stmt, 10, filter->tag);
  rapport_sql_bind_text (stmt, 11, rapport_store_get_default_currency (self));
  if (rapport_sql_step (stmt) == RAPPORT_SQL_ROW)
    {
      n = (guint) rapport_sql_column_int64 (stmt, 0);
      sum = rapport_sql_column_int64 (stmt, 1);
    }
  rapport_sql_reset (stmt);

  rapport_store_give_stage_totals (stage, n, sum, n_deals, total, weighted);
}

void
rapport_deal_query_init (RapportDealQuery *query)
{
  g_return_if_fail (query != NULL);

  memset (query, 0, sizeof *query);
  query->sort = RAPPORT_DEAL_SORT_TITLE;
  query->status = -1;
  query->value_min = -1;
  query->value_max = -1;
}

/* Whether anything but the sort and the search narrows the list. */
static gboolean
rapport_deal_query_filters (const RapportDealQuery *query)
{
  return query->status >= 0 || query->stage_id > 0 || query->pipeline_id > 0 ||
         (query->owner != NULL && *query->owner != '\0') ||
         (query->close_from != NULL && *query->close_from != '\0') ||
         (query->close_to != NULL && *query->close_to != '\0') ||
         query->value_min >= 0 || query->value_max >= 0 ||
         (query->tag != NULL && *query->tag != '\0');
}

static GVariant *
maybe_int64 (gboolean set,
             gint64   value)
{
  return g_variant_new_maybe (G_VARIANT_TYPE_INT64, set ? g_variant_new_int64 (value) : NULL);
}

static GVariant *
maybe_text (const char *text)
{
  gboolean set = text != NULL && *text != '\0';

  return g_variant_new_maybe (G_VARIANT_TYPE_STRING, set ? g_variant_new_string (text) : NULL);
}

static void
on_deal_list_depends (RapportRecordList   *list,
                      const RapportNotice *notice,
                      RapportStore        *store)
{
  rapport_record_list_reload (list);
}

GListModel *
rapport_store_query_deals (RapportStore           *self,
                           const RapportDealQuery *query)
{
  g_autofree char *expr = NULL;
  GListModel *list;
  GVariant *args[10];
  const char *sql;
  const char *sql_then = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (query->sort <= RAPPORT_DEAL_SORT_RANK, NULL);
  g_return_val_if_fail (query->status >= -1 && query->status <= RAPPORT_DEAL_STATUS_LOST, NULL);

  expr = search_expression (query->search);
  args[0] = maybe_int64 (query->status >= 0, query->status);
  args[1] = maybe_int64 (query->stage_id > 0, query->stage_id);
  args[2] = maybe_int64 (query->pipeline_id > 0, query->pipeline_id);
  args[3] = maybe_text (query->owner);
  args[4] = maybe_text (query->close_from);
  args[5] = maybe_text (query->close_to);
  args[6] = maybe_int64 (query->value_min >= 0, query->value_min);
  args[7] = maybe_int64 (query->value_max >= 0, query->value_max);
  args[8] = maybe_text (expr);
  args[9] = maybe_text (query->tag);

  if (query->sort == RAPPORT_DEAL_SORT_ORGANIZATION || query->sort == RAPPORT_DEAL_SORT_CONTACT)
    {
      const char * const *pair =
        deal_by_name_queries[query->sort == RAPPORT_DEAL_SORT_CONTACT][query->descending ? 1 : 0][expr != NULL ? 1 : 0];

      sql = pair[0];
      sql_then = pair[1];
    }
  else if (query->sort == RAPPORT_DEAL_SORT_STAGE)
    {
      const char * const *pair = deal_by_stage_queries[query->descending ? 1 : 0][expr != NULL ? 1 : 0];

      sql = pair[0];
      sql_then = pair[1];
    }
  else if (query->sort == RAPPORT_DEAL_SORT_RANK && query->stage_id > 0 && query->status >= 0 && expr == NULL)
    sql = deal_in_stage_queries[query->descending ? 1 : 0];
  else
    sql = deal_queries[query->sort][query->descending ? 1 : 0][expr != NULL ? 1 : 0]
                      [rapport_deal_query_filters (query) ? 1 : 0];
  list = rapport_record_list_new_args (self, RAPPORT_TYPE_DEAL, sql, sql_then,
                                       g_variant_new_tuple (args, G_N_ELEMENTS (args)));

  /* What the list sorts or searches by may live in other tables. */
  if (query->sort == RAPPORT_DEAL_SORT_LAST_ACTIVITY ||
      query->sort == RAPPORT_DEAL_SORT_NEXT_FOLLOWUP)
    g_signal_connect_object (self, "notice::activity", G_CALLBACK (on_deal_list_depends), list,
                             G_CONNECT_SWAPPED);
  if (query->sort == RAPPORT_DEAL_SORT_CONTACT || expr != NULL || query->tag != NULL)
    g_signal_connect_object (self, "notice::contact", G_CALLBACK (on_deal_list_depends), list,
                             G_CONNECT_SWAPPED);
  if (query->sort == RAPPORT_DEAL_SORT_ORGANIZATION || expr != NULL || query->tag != NULL)
    g_signal_connect_object (self, "notice::organization", G_CALLBACK (on_deal_list_depends),
                             list, G_CONNECT_SWAPPED);
  if (query->sort == RAPPORT_DEAL_SORT_STAGE || query->pipeline_id > 0)
    g_signal_connect_object (self, "notice::stage", G_CALLBACK (on_deal_list_depends), list,
                             G_CONNECT_SWAPPED);

  return list;
}

gboolean
rapport_store_get_deal_dates (RapportStore *self,
                              gint64        deal_id,
                              gint64       *last_activity,
                              gint64       *next_followup)
{
  RapportSqlStmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  stmt = rapport_store_stmt_sql (self,
                                 "SELECT last_activity_at, next_followup_at FROM deal WHERE id = ?1");
  rapport_sql_bind_int64 (stmt, 1, deal_id);
  if (rapport_sql_step (stmt) == RAPPORT_SQL_ROW)
    {
      if (last_activity != NULL)
        *last_activity = rapport_sql_column_int64 (stmt, 0);
      if (next_followup != NULL)
        *next_followup = rapport_sql_column_int64 (stmt, 1);
      ok = TRUE;
    }
  rapport_sql_reset (stmt);

  return ok;
}
