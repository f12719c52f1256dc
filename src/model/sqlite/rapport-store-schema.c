/* rapport-store-schema.c — the database layout and its migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each migration runs in one transaction together with the PRAGMA
 * user_version bump, so a file is at one version or the other, never
 * between. Never edit a released migration: add the next one.
 */

#define G_LOG_DOMAIN "rapport-schema"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-sqlite-private.h"
#include "rapport-templates.h"

static const char migration_1[] =
  "CREATE TABLE setting ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT"
  ");"
  "CREATE TABLE pipeline ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  template TEXT,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER"
  ");"
  "CREATE TABLE stage ("
  "  id INTEGER PRIMARY KEY,"
  "  pipeline_id INTEGER NOT NULL REFERENCES pipeline(id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  probability INTEGER NOT NULL DEFAULT 0 CHECK (probability BETWEEN 0 AND 100),"
  "  purpose TEXT,"
  "  rotting_days INTEGER NOT NULL DEFAULT 0 CHECK (rotting_days >= 0)"
  ");"
  "CREATE INDEX stage_by_pipeline ON stage (pipeline_id, position);"
  "CREATE TABLE stage_action ("
  "  id INTEGER PRIMARY KEY,"
  "  stage_id INTEGER NOT NULL REFERENCES stage(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  action TEXT NOT NULL,"
  "  owner TEXT,"
  "  material TEXT,"
  "  output TEXT"
  ");"
  "CREATE INDEX stage_action_by_stage ON stage_action (stage_id, position);"
  "CREATE TABLE organization ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  website TEXT,"
  "  phone TEXT,"
  "  created_at INTEGER,"
  "  updated_at INTEGER"
  ");"
  "CREATE INDEX organization_by_name ON organization (name COLLATE NOCASE);"
  "CREATE TABLE contact ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  email TEXT,"
  "  phone TEXT,"
  "  organization_id INTEGER REFERENCES organization(id) ON DELETE SET NULL,"
  "  lifecycle INTEGER NOT NULL DEFAULT 1 CHECK (lifecycle BETWEEN 0 AND 2),"
  "  source TEXT,"
  "  owner TEXT,"
  "  created_at INTEGER,"
  "  updated_at INTEGER,"
  "  first_contacted_at INTEGER"
  ");"
  "CREATE INDEX contact_by_name ON contact (name COLLATE NOCASE);"
  "CREATE INDEX contact_by_organization ON contact (organization_id);"
  "CREATE TABLE deal ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  value INTEGER NOT NULL DEFAULT 0 CHECK (value >= 0),"
  "  currency TEXT NOT NULL CHECK (length(currency) = 3),"
  "  stage_id INTEGER NOT NULL REFERENCES stage(id),"
  "  rank INTEGER NOT NULL DEFAULT 0,"
  "  contact_id INTEGER REFERENCES contact(id) ON DELETE SET NULL,"
  "  organization_id INTEGER REFERENCES organization(id) ON DELETE SET NULL,"
  "  expected_close TEXT,"
  "  status INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 2),"
  "  lost_reason TEXT,"
  "  bant_budget INTEGER NOT NULL DEFAULT 0,"
  "  bant_authority INTEGER NOT NULL DEFAULT 0,"
  "  bant_need INTEGER NOT NULL DEFAULT 0,"
  "  bant_timeline INTEGER NOT NULL DEFAULT 0,"
  "  bant_budget_note TEXT,"
  "  bant_authority_note TEXT,"
  "  bant_need_note TEXT,"
  "  bant_timeline_note TEXT,"
  "  owner TEXT,"
  "  created_at INTEGER,"
  "  updated_at INTEGER,"
  "  closed_at INTEGER,"
  "  stage_entered_at INTEGER,"
  "  CHECK (status != 2 OR length(trim(lost_reason)) > 0)"
  ");"
  /* The board reads open deals of a stage in rank order. */
  "CREATE INDEX deal_by_stage ON deal (stage_id, status, rank);"
  "CREATE INDEX deal_by_contact ON deal (contact_id);"
  "CREATE INDEX deal_by_organization ON deal (organization_id);"
  "CREATE TABLE activity ("
  "  id INTEGER PRIMARY KEY,"
  "  kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 4),"
  "  title TEXT NOT NULL,"
  "  note TEXT,"
  "  due_at INTEGER,"
  "  done_at INTEGER,"
  "  snoozed_until INTEGER,"
  "  contact_id INTEGER REFERENCES contact(id) ON DELETE CASCADE,"
  "  deal_id INTEGER REFERENCES deal(id) ON DELETE CASCADE,"
  "  rule INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER"
  ");"
  "CREATE INDEX activity_by_contact ON activity (contact_id, created_at);"
  "CREATE INDEX activity_by_deal ON activity (deal_id, created_at);"
  /* Pending follow-ups by when they are next due: the reminders' query. */
  "CREATE INDEX activity_pending ON activity (coalesce(snoozed_until, due_at))"
  "  WHERE done_at IS NULL AND due_at IS NOT NULL;"
  "CREATE TABLE note ("
  "  id INTEGER PRIMARY KEY,"
  "  contact_id INTEGER REFERENCES contact(id) ON DELETE CASCADE,"
  "  deal_id INTEGER REFERENCES deal(id) ON DELETE CASCADE,"
  "  organization_id INTEGER REFERENCES organization(id) ON DELETE CASCADE,"
  "  body TEXT NOT NULL,"
  "  created_at INTEGER,"
  "  updated_at INTEGER"
  ");"
  "CREATE INDEX note_by_contact ON note (contact_id);"
  "CREATE INDEX note_by_deal ON note (deal_id);"
  "CREATE TABLE negotiation_entry ("
  "  id INTEGER PRIMARY KEY,"
  "  deal_id INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,"
  "  kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 3),"
  "  amount INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),"
  "  currency TEXT,"
  "  text TEXT,"
  "  created_at INTEGER"
  ");"
  "CREATE INDEX negotiation_by_deal ON negotiation_entry (deal_id, created_at);"
  "CREATE TABLE stage_change ("
  "  id INTEGER PRIMARY KEY,"
  "  deal_id INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,"
  "  from_stage_id INTEGER,"
  "  to_stage_id INTEGER,"
  "  from_status INTEGER NOT NULL DEFAULT 0,"
  "  to_status INTEGER NOT NULL DEFAULT 0,"
  "  changed_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX stage_change_by_deal ON stage_change (deal_id, changed_at);";

/* Version 2: the ticks of a deal's playbook checklist, one row per key
 * action done, so the deal-detail view can show what is left. */
static const char migration_2[] =
  "CREATE TABLE deal_action ("
  "  deal_id INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,"
  "  stage_action_id INTEGER NOT NULL REFERENCES stage_action(id) ON DELETE CASCADE,"
  "  done_at INTEGER NOT NULL,"
  "  PRIMARY KEY (deal_id, stage_action_id)"
  ") WITHOUT ROWID;";

/* Version 3: what the reminders already told the user about a follow-up,
 * so a restart does not say it again: 1 the early reminder, 2 the one at
 * (or past) its time. Snoozing or rescheduling sets it back to 0. */
static const char migration_3[] =
  "ALTER TABLE activity ADD COLUMN reminded_level INTEGER NOT NULL DEFAULT 0"
  "  CHECK (reminded_level BETWEEN 0 AND 2);"
  "ALTER TABLE activity ADD COLUMN reminded_at INTEGER;";

/* Version 4: the board's column totals (count and sum of the open deals
 * of a stage in one currency) read from an index alone. */
static const char migration_4[] =
  "CREATE INDEX deal_totals ON deal (stage_id, status, currency, value);";

/* Version 5: finding deals by the start of their title, and the recently
 * done follow-ups, from indexes. */
static const char migration_5[] =
  "CREATE INDEX deal_by_title ON deal (title COLLATE NOCASE);"
  "CREATE INDEX activity_done ON activity (done_at) WHERE done_at IS NOT NULL;";

/* Version 6: what the contacts list shows and sorts by, and global search.
 *
 * A contact's last contact (its latest logged call, email or meeting) and
 * next follow-up are kept on the row by triggers, so 200 000 contacts sort
 * by them from an index instead of a correlated query per row.
 *
 * Global search is one FTS5 index per kind (search_contact,
 * search_organization, search_deal), kept in step with every write by
 * triggers, whichever program writes. A record's own row has its id as
 * rowid; a note is a row of its owner's index (a deal's, else a contact's,
 * else an organization's) with the note's id negated as rowid and the
 * owner's id in `ref`, so a note finds the record it belongs to and every
 * trigger replaces one row by rowid. `detail` holds the e-mail and phone
 * (also as bare digits, so "5550100" finds "+1 555-0100"), a website, or
 * a note's text. Positions are not kept (detail=column): search matches
 * word prefixes, never phrases, and the index is a third smaller. */
#define RAPPORT_DIGITS(x) \
  "replace(replace(replace(replace(replace(replace(coalesce(" x ", ''), ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', '')"
/* A number with a country code ("+1 555-0100") is also indexed without
 * it ("5550100"): people type the number they dial locally. */
#define RAPPORT_LOCAL_DIGITS(x) \
  "CASE WHEN " x " LIKE '+% %' THEN " RAPPORT_DIGITS ("substr(" x ", instr(" x ", ' ') + 1)") " ELSE '' END"
#define PHONE_DETAIL(x) \
  "coalesce(" x ", '') || ' ' || " RAPPORT_DIGITS (x) " || ' ' || " RAPPORT_LOCAL_DIGITS (x)
#define CONTACT_DETAIL(r) \
  "coalesce(" r ".email, '') || ' ' || " PHONE_DETAIL (r ".phone")
#define ORGANIZATION_DETAIL(r) \
  "coalesce(" r ".website, '') || ' ' || " PHONE_DETAIL (r ".phone")
#define SEARCH_TABLE(name) \
  "CREATE VIRTUAL TABLE " name " USING fts5 (ref UNINDEXED, title, detail," \
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3', detail = column);"
/* A note goes to one index: its deal's, else its contact's, else its
 * organization's. */
#define NOTE_INSERT(r) \
  "INSERT INTO search_deal (rowid, ref, title, detail)" \
  "  SELECT -" r ".id, " r ".deal_id, '', " r ".body WHERE " r ".deal_id IS NOT NULL;" \
  "INSERT INTO search_contact (rowid, ref, title, detail)" \
  "  SELECT -" r ".id, " r ".contact_id, '', " r ".body" \
  "  WHERE " r ".deal_id IS NULL AND " r ".contact_id IS NOT NULL;" \
  "INSERT INTO search_organization (rowid, ref, title, detail)" \
  "  SELECT -" r ".id, " r ".organization_id, '', " r ".body" \
  "  WHERE " r ".deal_id IS NULL AND " r ".contact_id IS NULL AND " r ".organization_id IS NOT NULL;"
#define NOTE_DELETE(r) \
  "DELETE FROM search_deal WHERE rowid = -" r ".id;" \
  "DELETE FROM search_contact WHERE rowid = -" r ".id;" \
  "DELETE FROM search_organization WHERE rowid = -" r ".id;"
#define CONTACT_ROW(r) \
  "INSERT INTO search_contact (rowid, ref, title, detail)" \
  "  VALUES (" r ".id, " r ".id, " r ".name, " CONTACT_DETAIL (r) ");"
#define ORGANIZATION_ROW(r) \
  "INSERT INTO search_organization (rowid, ref, title, detail)" \
  "  VALUES (" r ".id, " r ".id, " r ".name, " ORGANIZATION_DETAIL (r) ");"
#define DEAL_ROW(r) \
  "INSERT INTO search_deal (rowid, ref, title, detail) VALUES (" r ".id, " r ".id, " r ".title, '');"
#define LAST_CONTACTED(cid) \
  "(SELECT max(done_at) FROM activity WHERE contact_id = " cid \
  " AND kind IN (0, 1, 2) AND done_at IS NOT NULL)"
#define NEXT_FOLLOWUP(cid) \
  "(SELECT min(coalesce(snoozed_until, due_at)) FROM activity WHERE contact_id = " cid \
  " AND done_at IS NULL AND due_at IS NOT NULL)"
#define CONTACT_DATES(cid) \
  "UPDATE contact SET last_contacted_at = " LAST_CONTACTED (cid) "," \
  " next_followup_at = " NEXT_FOLLOWUP (cid) " WHERE id = " cid ";"

static const char migration_6[] =
  "ALTER TABLE contact ADD COLUMN last_contacted_at INTEGER;"
  "ALTER TABLE contact ADD COLUMN next_followup_at INTEGER;"
  "UPDATE contact SET last_contacted_at = " LAST_CONTACTED ("contact.id") ","
  "  next_followup_at = " NEXT_FOLLOWUP ("contact.id") ";"
  "CREATE INDEX contact_by_lifecycle ON contact (lifecycle, name COLLATE NOCASE);"
  /* An organization's contacts by name: its pages, and the contacts list
   * sorted by organization. It serves look-ups by organization too. */
  "CREATE INDEX contact_by_organization_name ON contact (organization_id, name COLLATE NOCASE, id);"
  "DROP INDEX contact_by_organization;"
  /* The contacts list's ascending sorts, missing values last. */
  "CREATE INDEX contact_by_email ON contact (email IS NULL, email COLLATE NOCASE, id);"
  "CREATE INDEX contact_by_phone ON contact (phone IS NULL, phone, id);"
  "CREATE INDEX contact_by_last_contact ON contact (last_contacted_at IS NULL, last_contacted_at, id);"
  "CREATE INDEX contact_by_next_followup ON contact (next_followup_at IS NULL, next_followup_at, id);"
  "CREATE INDEX deal_by_status ON deal (status, closed_at);"
  "CREATE INDEX note_by_organization ON note (organization_id);"
  "CREATE TRIGGER activity_dates_insert AFTER INSERT ON activity"
  "  WHEN NEW.contact_id IS NOT NULL BEGIN " CONTACT_DATES ("NEW.contact_id") " END;"
  "CREATE TRIGGER activity_dates_update AFTER UPDATE OF done_at, due_at, snoozed_until, contact_id, kind"
  "  ON activity BEGIN " CONTACT_DATES ("OLD.contact_id") CONTACT_DATES ("NEW.contact_id") " END;"
  "CREATE TRIGGER activity_dates_delete AFTER DELETE ON activity"
  "  WHEN OLD.contact_id IS NOT NULL BEGIN " CONTACT_DATES ("OLD.contact_id") " END;"
  SEARCH_TABLE ("search_contact")
  SEARCH_TABLE ("search_organization")
  SEARCH_TABLE ("search_deal")
  "INSERT INTO search_contact (rowid, ref, title, detail)"
  "  SELECT id, id, name, " CONTACT_DETAIL ("contact") " FROM contact;"
  "INSERT INTO search_organization (rowid, ref, title, detail)"
  "  SELECT id, id, name, " ORGANIZATION_DETAIL ("organization") " FROM organization;"
  "INSERT INTO search_deal (rowid, ref, title, detail) SELECT id, id, title, '' FROM deal;"
  "INSERT INTO search_deal (rowid, ref, title, detail)"
  "  SELECT -id, deal_id, '', body FROM note WHERE deal_id IS NOT NULL;"
  "INSERT INTO search_contact (rowid, ref, title, detail)"
  "  SELECT -id, contact_id, '', body FROM note WHERE deal_id IS NULL AND contact_id IS NOT NULL;"
  "INSERT INTO search_organization (rowid, ref, title, detail)"
  "  SELECT -id, organization_id, '', body FROM note"
  "  WHERE deal_id IS NULL AND contact_id IS NULL AND organization_id IS NOT NULL;"
  "CREATE TRIGGER contact_search_insert AFTER INSERT ON contact BEGIN " CONTACT_ROW ("NEW") " END;"
  "CREATE TRIGGER contact_search_update AFTER UPDATE OF name, email, phone ON contact BEGIN"
  "  DELETE FROM search_contact WHERE rowid = OLD.id; " CONTACT_ROW ("NEW") " END;"
  "CREATE TRIGGER contact_search_delete AFTER DELETE ON contact BEGIN"
  "  DELETE FROM search_contact WHERE rowid = OLD.id; END;"
  "CREATE TRIGGER organization_search_insert AFTER INSERT ON organization BEGIN "
  ORGANIZATION_ROW ("NEW") " END;"
  "CREATE TRIGGER organization_search_update AFTER UPDATE OF name, website, phone ON organization BEGIN"
  "  DELETE FROM search_organization WHERE rowid = OLD.id; " ORGANIZATION_ROW ("NEW") " END;"
  "CREATE TRIGGER organization_search_delete AFTER DELETE ON organization BEGIN"
  "  DELETE FROM search_organization WHERE rowid = OLD.id; END;"
  "CREATE TRIGGER deal_search_insert AFTER INSERT ON deal BEGIN " DEAL_ROW ("NEW") " END;"
  "CREATE TRIGGER deal_search_update AFTER UPDATE OF title ON deal BEGIN"
  "  DELETE FROM search_deal WHERE rowid = OLD.id; " DEAL_ROW ("NEW") " END;"
  "CREATE TRIGGER deal_search_delete AFTER DELETE ON deal BEGIN"
  "  DELETE FROM search_deal WHERE rowid = OLD.id; END;"
  "CREATE TRIGGER note_search_insert AFTER INSERT ON note BEGIN " NOTE_INSERT ("NEW") " END;"
  "CREATE TRIGGER note_search_update AFTER UPDATE OF body, contact_id, deal_id, organization_id ON note"
  "  BEGIN " NOTE_DELETE ("OLD") NOTE_INSERT ("NEW") " END;"
  "CREATE TRIGGER note_search_delete AFTER DELETE ON note BEGIN " NOTE_DELETE ("OLD") " END;";

/* Version 7: goals, and what Insights reads by time.
 *
 * A goal is a metric over a kind of period for an owner (NULL: the whole
 * team) with a target; its progress is computed, never stored. Its
 * reached_period is the start of the last period in which someone was told
 * it was reached, so every program tells it once per period.
 *
 * The reports read a period's deals by close time, the open deals, the
 * deals created in a period with their stage history, the leads that
 * arrived and the activities done, each as one range of an index that
 * holds every column the report reads: 100 000 deals are summed without
 * touching their (wide) rows. The narrower indexes these replace served
 * the same look-ups by the same leading columns. */
static const char migration_7[] =
  "CREATE TABLE goal ("
  "  id INTEGER PRIMARY KEY,"
  "  metric INTEGER NOT NULL CHECK (metric BETWEEN 0 AND 4),"
  "  period INTEGER NOT NULL CHECK (period BETWEEN 0 AND 3),"
  "  owner TEXT CHECK (owner IS NULL OR length(trim(owner)) > 0),"
  "  target INTEGER NOT NULL CHECK (target > 0),"
  "  created_at INTEGER,"
  "  reached_period INTEGER"
  ");"
  "DROP INDEX deal_by_status;"
  "CREATE INDEX deal_report ON deal (status, closed_at, created_at, stage_id, currency, value,"
  "  owner, contact_id, expected_close, lost_reason);"
  "CREATE INDEX deal_by_created ON deal (created_at, id, stage_id, status, currency, owner);"
  "DROP INDEX stage_change_by_deal;"
  "CREATE INDEX stage_change_by_deal ON stage_change (deal_id, changed_at, id, to_stage_id, to_status);"
  "CREATE INDEX contact_by_created ON contact (created_at, first_contacted_at, owner);"
  "CREATE INDEX activity_lead ON activity (contact_id) WHERE rule = 1;"
  "DROP INDEX activity_done;"
  "CREATE INDEX activity_done ON activity (done_at, rule, kind, deal_id, contact_id)"
  "  WHERE done_at IS NOT NULL;";

/* Version 8: a contact's richer record, for vCards in and out.
 *
 * A contact has a job title, the id another program gave it (a vCard's
 * UID), any number of labelled e-mail addresses and phone numbers, and a
 * photo. contact.email and contact.phone stay what they were: the first
 * address and number (the lowest position), so search, the board, the
 * contacts list and every reader of the old columns keep working.
 * The store writes a new contact's lists with its row (an import a batch
 * at a time: a trigger per row would cost a fifth of an import's time),
 * and triggers keep the first entry in step when a program writes only
 * the column; a reader takes a column with no list as a list of one. Clearing the column drops the first entry, and the next one
 * becomes the first (positions need not start at 0 or be contiguous, so
 * no key is ever renumbered). Each list is one b-tree keyed by contact
 * and position: an import adds two rows per contact, not four. */
#define LABELLED_TABLE(table) \
  "CREATE TABLE " table " (" \
  "  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE," \
  "  position INTEGER NOT NULL," \
  "  label TEXT NOT NULL CHECK (label IN ('work', 'home', 'mobile', 'other'))," \
  "  value TEXT NOT NULL CHECK (length(trim(value)) > 0)," \
  "  PRIMARY KEY (contact_id, position)" \
  ") WITHOUT ROWID;"
/* Empty text in the column is no address: the lists hold none. */
#define SET(x) "length(trim(" x ")) > 0"
#define UNSET(x) "coalesce(length(trim(" x ")), 0) = 0"
#define FIRST(table, cid) \
  "(SELECT min(position) FROM " table " WHERE contact_id = " cid ")"
#define PRIMARY_TRIGGERS(table, column) \
  "CREATE TRIGGER " table "_primary_update AFTER UPDATE OF " column " ON contact" \
  "  WHEN NEW." column " IS NOT OLD." column " BEGIN" \
  "  UPDATE " table " SET value = NEW." column \
  "    WHERE " SET ("NEW." column) " AND contact_id = NEW.id AND position = " FIRST (table, "NEW.id") ";" \
  "  INSERT INTO " table " SELECT NEW.id, 0, 'other', NEW." column \
  "    WHERE " SET ("NEW." column) " AND NOT EXISTS (SELECT 1 FROM " table " WHERE contact_id = NEW.id);" \
  "  DELETE FROM " table " WHERE " UNSET ("NEW." column) \
  "    AND contact_id = NEW.id AND position = " FIRST (table, "NEW.id") ";" \
  "  UPDATE contact SET " column " = (SELECT value FROM " table " WHERE contact_id = NEW.id" \
  "    ORDER BY position LIMIT 1) WHERE " UNSET ("NEW." column) " AND id = NEW.id;" \
  "  END;"

/* The list of one of every contact that has an e-mail or phone but no
 * list yet: the migration's copy, and the demo's contacts. */
#define RAPPORT_FILL_CONTACT_LISTS \
  "INSERT INTO contact_email SELECT id, 0, 'other', email FROM contact c WHERE " SET ("email") \
  "  AND NOT EXISTS (SELECT 1 FROM contact_email WHERE contact_id = c.id);" \
  "INSERT INTO contact_phone SELECT id, 0, 'other', phone FROM contact c WHERE " SET ("phone") \
  "  AND NOT EXISTS (SELECT 1 FROM contact_phone WHERE contact_id = c.id);"

const char rapport_schema_fill_contact_lists[] = RAPPORT_FILL_CONTACT_LISTS;

static const char migration_8[] =
  "ALTER TABLE contact ADD COLUMN title TEXT;"
  "ALTER TABLE contact ADD COLUMN external_id TEXT;"
  "CREATE INDEX contact_by_external_id ON contact (external_id) WHERE external_id IS NOT NULL;"
  LABELLED_TABLE ("contact_email")
  LABELLED_TABLE ("contact_phone")
  "CREATE TABLE contact_photo ("
  "  contact_id INTEGER PRIMARY KEY REFERENCES contact(id) ON DELETE CASCADE,"
  "  mime_type TEXT NOT NULL CHECK (mime_type LIKE 'image/%'),"
  "  bytes BLOB NOT NULL CHECK (length(bytes) > 0)"
  ");"
  RAPPORT_FILL_CONTACT_LISTS
  PRIMARY_TRIGGERS ("contact_email", "email")
  PRIMARY_TRIGGERS ("contact_phone", "phone");

/* Version 9 (iCalendar import): the UID an imported task or event had in
 * its calendar, so importing the same file again updates the follow-up
 * it made instead of adding a second one. Written beside
 * version 8 and applied after it. */
static const char migration_ics_uid[] =
  "ALTER TABLE activity ADD COLUMN external_uid TEXT;"
  "CREATE UNIQUE INDEX activity_by_external_uid ON activity (external_uid)"
  "  WHERE external_uid IS NOT NULL;";

/* Version 10 (the Deals view): a deal's last activity and next follow-up
 * kept on its row by triggers, as a contact's are, so 100 000 deals sort
 * by them from an index instead of grouping half a million activities at
 * every click on the column. */
/* The unary plus keeps SQLite from answering max() and min() by walking
 * the indexes of all activities by time (activity_done, activity_pending)
 * until it meets this deal's: the deal's own index is the short way. */
#define DEAL_LAST_ACTIVITY(did) \
  "(SELECT max(+done_at) FROM activity WHERE deal_id = " did " AND done_at IS NOT NULL)"
#define DEAL_NEXT_FOLLOWUP(did) \
  "(SELECT min(+coalesce(snoozed_until, due_at)) FROM activity WHERE deal_id = " did \
  " AND done_at IS NULL AND due_at IS NOT NULL)"
#define DEAL_DATES(did) \
  "UPDATE deal SET last_activity_at = " DEAL_LAST_ACTIVITY (did) "," \
  " next_followup_at = " DEAL_NEXT_FOLLOWUP (did) " WHERE id = " did ";"

static const char migration_deal_dates[] =
  "ALTER TABLE deal ADD COLUMN last_activity_at INTEGER;"
  "ALTER TABLE deal ADD COLUMN next_followup_at INTEGER;"
  "UPDATE deal SET last_activity_at = " DEAL_LAST_ACTIVITY ("deal.id") ","
  "  next_followup_at = " DEAL_NEXT_FOLLOWUP ("deal.id") ";"
  "CREATE INDEX deal_by_last_activity ON deal (last_activity_at IS NULL, last_activity_at, id);"
  "CREATE INDEX deal_by_next_followup ON deal (next_followup_at IS NULL, next_followup_at, id);"
  "CREATE TRIGGER activity_deal_dates_insert AFTER INSERT ON activity"
  "  WHEN NEW.deal_id IS NOT NULL BEGIN " DEAL_DATES ("NEW.deal_id") " END;"
  "CREATE TRIGGER activity_deal_dates_update AFTER UPDATE OF done_at, due_at, snoozed_until, deal_id"
  "  ON activity BEGIN " DEAL_DATES ("OLD.deal_id") DEAL_DATES ("NEW.deal_id") " END;"
  "CREATE TRIGGER activity_deal_dates_delete AFTER DELETE ON activity"
  "  WHEN OLD.deal_id IS NOT NULL BEGIN " DEAL_DATES ("OLD.deal_id") " END;";

/* Version 11: how a call, an email or a meeting went, and what kind of
 * work a follow-up is.
 *
 * A logged activity has an outcome (0: not said) that fits its kind — a
 * call was connected, left on voicemail, not answered or a wrong number;
 * a meeting was held or a no-show — and a duration in minutes (0: not
 * said), at most a day. A follow-up stays kind 4 (done follow-ups are
 * counted as such by the reports, and only calls, emails and meetings
 * are contacts), and says in followup_kind what is to be done: a call,
 * an email, a meeting or (what every older one was) a task. */
static const char migration_activity_outcome[] =
  "ALTER TABLE activity ADD COLUMN outcome INTEGER NOT NULL DEFAULT 0"
  "  CHECK (outcome = 0 OR (kind = 0 AND outcome BETWEEN 1 AND 4) OR (kind = 2 AND outcome BETWEEN 5 AND 6));"
  "ALTER TABLE activity ADD COLUMN duration_minutes INTEGER NOT NULL DEFAULT 0"
  "  CHECK (duration_minutes BETWEEN 0 AND 1440);"
  "ALTER TABLE activity ADD COLUMN followup_kind INTEGER NOT NULL DEFAULT 3"
  "  CHECK (followup_kind BETWEEN 0 AND 3);"
  /* The speed-to-lead follow-up asks for a first contact: a call. */
  "UPDATE activity SET followup_kind = 0 WHERE rule = 1;";

/* Version 12: records a seller can use.
 *
 * A contact has a postal address and a birthday ("YYYY-MM-DD"); an
 * organization an address, an industry and a size (its number of
 * employees). Tags are one table for both kinds: a row names either a
 * contact or an organization (so the foreign keys delete a record's tags
 * with it), each tag once per record in any case. The team defines its
 * own fields per kind (text, number, date or a choice of a list of
 * values, one per line); a record's values are text in the form its type
 * gives them (rapport_custom_value_check()), deleted with the record or
 * the field.
 *
 * Search finds the new text too: a contact's or organization's index row
 * is written again from the record, its tags and its custom values
 * whenever one of them changes. At this migration no record has any, so
 * the rows already in the index are what the new triggers would write. */
#define TAGS_OF(col, id) \
  "coalesce((SELECT group_concat(tag, ' ') FROM record_tag WHERE " col " = " id "), '')"
#define CUSTOM_OF(col, id) \
  "coalesce((SELECT group_concat(value, ' ') FROM custom_value WHERE " col " = " id "), '')"
#define CONTACT_DETAIL_10(r) \
  CONTACT_DETAIL (r) " || ' ' || coalesce(" r ".address, '') || ' ' || " \
  TAGS_OF ("contact_id", r ".id") " || ' ' || " CUSTOM_OF ("contact_id", r ".id")
#define ORGANIZATION_DETAIL_10(r) \
  ORGANIZATION_DETAIL (r) " || ' ' || coalesce(" r ".address, '') || ' ' || coalesce(" r ".industry, '') || ' ' || " \
  TAGS_OF ("organization_id", r ".id") " || ' ' || " CUSTOM_OF ("organization_id", r ".id")
/* The index row of contact @id written again (none if it is gone). */
#define CONTACT_REINDEX(id) \
  "DELETE FROM search_contact WHERE rowid = " id ";" \
  "INSERT INTO search_contact (rowid, ref, title, detail)" \
  "  SELECT c.id, c.id, c.name, " CONTACT_DETAIL_10 ("c") " FROM contact c WHERE c.id = " id ";"
#define ORGANIZATION_REINDEX(id) \
  "DELETE FROM search_organization WHERE rowid = " id ";" \
  "INSERT INTO search_organization (rowid, ref, title, detail)" \
  "  SELECT o.id, o.id, o.name, " ORGANIZATION_DETAIL_10 ("o") " FROM organization o WHERE o.id = " id ";"
/* A row of record_tag or custom_value names one of the two kinds. */
#define OWNER_COLUMNS \
  "  contact_id INTEGER REFERENCES contact(id) ON DELETE CASCADE," \
  "  organization_id INTEGER REFERENCES organization(id) ON DELETE CASCADE,"
#define ONE_OWNER "CHECK ((contact_id IS NULL) != (organization_id IS NULL))"
#define REINDEX_OWNER(r) \
  CONTACT_REINDEX (r ".contact_id") ORGANIZATION_REINDEX (r ".organization_id")
#define REINDEX_TRIGGERS(table) \
  "CREATE TRIGGER " table "_search_insert AFTER INSERT ON " table " BEGIN " REINDEX_OWNER ("NEW") " END;" \
  "CREATE TRIGGER " table "_search_update AFTER UPDATE ON " table " BEGIN " \
  REINDEX_OWNER ("OLD") REINDEX_OWNER ("NEW") " END;" \
  "CREATE TRIGGER " table "_search_delete AFTER DELETE ON " table " BEGIN " REINDEX_OWNER ("OLD") " END;"

static const char migration_records[] =
  "ALTER TABLE contact ADD COLUMN address TEXT;"
  "ALTER TABLE contact ADD COLUMN birthday TEXT;"
  "ALTER TABLE organization ADD COLUMN address TEXT;"
  "ALTER TABLE organization ADD COLUMN industry TEXT;"
  "ALTER TABLE organization ADD COLUMN size INTEGER CHECK (size IS NULL OR size >= 0);"
  /* The organizations list's sorts, missing values last. */
  "CREATE INDEX organization_by_website ON organization (website IS NULL, website COLLATE NOCASE, id);"
  "CREATE INDEX organization_by_phone ON organization (phone IS NULL, phone, id);"
  "CREATE INDEX organization_by_industry ON organization (industry IS NULL, industry COLLATE NOCASE, id);"
  "CREATE INDEX organization_by_size ON organization (size IS NULL, size, id);"
  "CREATE TABLE record_tag ("
  OWNER_COLUMNS
  "  tag TEXT NOT NULL CHECK (length(trim(tag)) > 0),"
  "  " ONE_OWNER
  ");"
  "CREATE UNIQUE INDEX record_tag_of_contact ON record_tag (contact_id, tag COLLATE NOCASE)"
  "  WHERE contact_id IS NOT NULL;"
  "CREATE UNIQUE INDEX record_tag_of_organization ON record_tag (organization_id, tag COLLATE NOCASE)"
  "  WHERE organization_id IS NOT NULL;"
  /* A list filtered by a tag reads the tag's records from here. */
  "CREATE INDEX record_tag_by_tag ON record_tag (tag COLLATE NOCASE, contact_id, organization_id);"
  "CREATE TABLE custom_field ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('contact', 'organization')),"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'choice')),"
  "  choices TEXT CHECK ((type = 'choice') = (length(trim(choices)) > 0)),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER"
  ");"
  "CREATE UNIQUE INDEX custom_field_by_name ON custom_field (kind, name COLLATE NOCASE);"
  "CREATE TABLE custom_value ("
  "  field_id INTEGER NOT NULL REFERENCES custom_field(id) ON DELETE CASCADE,"
  OWNER_COLUMNS
  "  value TEXT NOT NULL CHECK (length(trim(value)) > 0),"
  "  " ONE_OWNER
  ");"
  "CREATE UNIQUE INDEX custom_value_of_contact ON custom_value (contact_id, field_id)"
  "  WHERE contact_id IS NOT NULL;"
  "CREATE UNIQUE INDEX custom_value_of_organization ON custom_value (organization_id, field_id)"
  "  WHERE organization_id IS NOT NULL;"
  "CREATE INDEX custom_value_by_field ON custom_value (field_id);"
  "DROP TRIGGER contact_search_insert;"
  "DROP TRIGGER contact_search_update;"
  "DROP TRIGGER organization_search_insert;"
  "DROP TRIGGER organization_search_update;"
  "CREATE TRIGGER contact_search_insert AFTER INSERT ON contact BEGIN "
  CONTACT_REINDEX ("NEW.id") " END;"
  "CREATE TRIGGER contact_search_update AFTER UPDATE OF name, email, phone, address ON contact BEGIN"
  "  DELETE FROM search_contact WHERE rowid = OLD.id; " CONTACT_REINDEX ("NEW.id") " END;"
  "CREATE TRIGGER organization_search_insert AFTER INSERT ON organization BEGIN "
  ORGANIZATION_REINDEX ("NEW.id") " END;"
  "CREATE TRIGGER organization_search_update AFTER UPDATE OF name, website, phone, address, industry"
  "  ON organization BEGIN"
  "  DELETE FROM search_organization WHERE rowid = OLD.id; " ORGANIZATION_REINDEX ("NEW.id") " END;"
  REINDEX_TRIGGERS ("record_tag")
  REINDEX_TRIGGERS ("custom_value");

/* Version 13: the process as the user edits it. A stage's gate; the
 * activity of a key action; the history keeps the stage names of its
 * time and why the deal moved; a pipeline knows the process file (and
 * its version) it came from. */
static const char migration_process[] =
  "ALTER TABLE stage ADD COLUMN require_qualified INTEGER NOT NULL DEFAULT 0"
  "  CHECK (require_qualified IN (0, 1));"
  "ALTER TABLE stage ADD COLUMN require_checklist INTEGER NOT NULL DEFAULT 0"
  "  CHECK (require_checklist IN (0, 1));"
  "ALTER TABLE stage_action ADD COLUMN activity TEXT;"
  "ALTER TABLE stage_change ADD COLUMN from_stage_name TEXT;"
  "ALTER TABLE stage_change ADD COLUMN to_stage_name TEXT;"
  "ALTER TABLE stage_change ADD COLUMN reason INTEGER NOT NULL DEFAULT 0"
  "  CHECK (reason BETWEEN 0 AND 3);"
  "UPDATE stage_change SET"
  "  from_stage_name = (SELECT name FROM stage WHERE id = from_stage_id),"
  "  to_stage_name = (SELECT name FROM stage WHERE id = to_stage_id);"
  "ALTER TABLE pipeline ADD COLUMN process_uid TEXT;"
  "ALTER TABLE pipeline ADD COLUMN process_version INTEGER NOT NULL DEFAULT 1"
  "  CHECK (process_version >= 1);"
  /* Every process has an id of its own, which its exported file keeps. */
  "UPDATE pipeline SET process_uid = lower(hex(randomblob(16)));"
  /* The Deals list by value or by owner walks an index, as by title. */
  "CREATE INDEX deal_by_value ON deal (value, id);"
  "CREATE INDEX deal_by_owner ON deal (owner IS NULL, owner COLLATE NOCASE, id);";

/* The lists the team keeps of why deals are lost and where leads come
 * from: what the dialogs offer (any other text may still be typed).
 * Seeded right after, with the texts offered before, in the user's
 * language (seed_choices()). */
static const char migration_choices[] =
  "CREATE TABLE choice ("
  "  id INTEGER PRIMARY KEY,"
  "  list TEXT NOT NULL CHECK (list IN ('lost-reason', 'lead-source')),"
  "  position INTEGER NOT NULL,"
  "  label TEXT NOT NULL CHECK (length(trim(label)) > 0)"
  ");"
  "CREATE UNIQUE INDEX choice_by_label ON choice (list, label COLLATE NOCASE);"
  "CREATE INDEX choice_by_position ON choice (list, position);";

/* Version 15 (after-sales and repeat sales, #14): the sale goes on after
 * the win.
 *
 * Each pipeline has an after-sales plan: steps, in order, each a
 * follow-up (a call, an email, a meeting or a task) scheduled a number of
 * days after a deal of the pipeline is won, with a note of what it is
 * for and what it should bring, and what the app offers when it is done
 * (1: record the customer's satisfaction, 2: a repeat deal). The
 * follow-ups it schedules are activities of rule 2 carrying that offer;
 * reopening the deal deletes those not done yet. A win makes the contact
 * a customer and keeps what they were before in the deal's
 * lifecycle_before_win, so a reopening can give it back.
 *
 * Satisfaction is a row per answer, of a contact, a deal or both: a 1–5
 * score (0: not asked) and/or a 0–10 NPS answer (-1: not asked), and a
 * comment. A repeat deal names the deal it repeats in repeat_of.
 *
 * Every existing pipeline gets the default plan, written in the user's
 * language by seed_after_sales_defaults() in the same transaction. */
static const char migration_after_sales[] =
  "CREATE TABLE after_sales_step ("
  "  id INTEGER PRIMARY KEY,"
  "  pipeline_id INTEGER NOT NULL REFERENCES pipeline(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  kind INTEGER NOT NULL DEFAULT 0 CHECK (kind BETWEEN 0 AND 3),"
  "  days INTEGER NOT NULL DEFAULT 0 CHECK (days BETWEEN 0 AND 3650),"
  "  note TEXT,"
  "  offer INTEGER NOT NULL DEFAULT 0 CHECK (offer BETWEEN 0 AND 2)"
  ");"
  "CREATE INDEX after_sales_step_by_pipeline ON after_sales_step (pipeline_id, position);"
  "CREATE TABLE satisfaction ("
  "  id INTEGER PRIMARY KEY,"
  "  contact_id INTEGER REFERENCES contact(id) ON DELETE CASCADE,"
  "  deal_id INTEGER REFERENCES deal(id) ON DELETE CASCADE,"
  "  score INTEGER NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 5),"
  "  nps INTEGER NOT NULL DEFAULT -1 CHECK (nps BETWEEN -1 AND 10),"
  "  comment TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  CHECK (score > 0 OR nps >= 0),"
  "  CHECK (contact_id IS NOT NULL OR deal_id IS NOT NULL)"
  ");"
  "CREATE INDEX satisfaction_by_contact ON satisfaction (contact_id, created_at);"
  "CREATE INDEX satisfaction_by_deal ON satisfaction (deal_id, created_at);"
  "CREATE INDEX satisfaction_by_time ON satisfaction (created_at);"
  "ALTER TABLE deal ADD COLUMN repeat_of INTEGER REFERENCES deal(id) ON DELETE SET NULL;"
  "ALTER TABLE deal ADD COLUMN lifecycle_before_win INTEGER;"
  "CREATE INDEX deal_by_repeat_of ON deal (repeat_of) WHERE repeat_of IS NOT NULL;"
  "ALTER TABLE activity ADD COLUMN after_sales_offer INTEGER NOT NULL DEFAULT 0"
  "  CHECK (after_sales_offer BETWEEN 0 AND 2);";

/* Version 16 (team mode, #16): every record has a uid, a UUID the team
 * knows it by, and every change can be logged for the team: see
 * rapport-change-log.c, whose triggers each later migration rewrites. */
#define migration_team rapport_change_log_schema

static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
  migration_8,
  migration_ics_uid,
  migration_deal_dates,
  migration_activity_outcome,
  migration_records,
  migration_process,
  migration_choices,
  migration_after_sales,
  migration_team,
};

/* The first version with the change log's triggers. */
#define CHANGE_LOG_VERSION 16

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RAPPORT_SCHEMA_VERSION);

static gboolean seed_choices (sqlite3  *db,
                              GError  **error);

static gboolean seed_after_sales_defaults (sqlite3  *db,
                                           GError  **error);

gboolean
rapport_schema_migrate (sqlite3  *db,
                        int       from_version,
                        GError  **error)
{
  return rapport_schema_migrate_to (db, from_version, RAPPORT_SCHEMA_VERSION, error);
}

gboolean
rapport_schema_migrate_to (sqlite3  *db,
                           int       from_version,
                           int       to_version,
                           GError  **error)
{
  g_return_val_if_fail (to_version <= RAPPORT_SCHEMA_VERSION, FALSE);

  for (int version = from_version + 1; version <= to_version; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d;", version);
      g_autofree char *mark = g_strdup_printf ("PRAGMA application_id = %d;", RAPPORT_APPLICATION_ID);

      if (!rapport_db_exec (db, "BEGIN IMMEDIATE;", error))
        return FALSE;

      if (!rapport_db_exec (db, migrations[version - 1], error) ||
          (migrations[version - 1] == migration_choices && !seed_choices (db, error)) ||
          (migrations[version - 1] == migration_after_sales && !seed_after_sales_defaults (db, error)) ||
          (migrations[version - 1] == migration_team && !rapport_change_log_add_uids (db, error)) ||
          (version >= CHANGE_LOG_VERSION && !rapport_change_log_install (db, error)) ||
          !rapport_db_exec (db, mark, error) ||
          !rapport_db_exec (db, bump, error) ||
          !rapport_db_exec (db, "COMMIT;", error))
        {
          sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
          g_prefix_error (error, _("Could not upgrade the database to version %d: "), version);
          return FALSE;
        }

      g_debug ("Database migrated to schema version %d", version);
    }

  return TRUE;
}

static const char *
tr (const char *msgid)
{
  return msgid && *msgid ? g_dgettext (GETTEXT_PACKAGE, msgid) : msgid;
}

/* The after-sales plan every pipeline starts with (offer: see the
 * migration of version 15). */
typedef struct
{
  const char          *title;
  RapportActivityKind  kind;
  int                  days;
  const char          *note;
  int                  offer;
} DefaultStep;

static const DefaultStep default_after_sales[] = {
  { N_("Delivery check call"), RAPPORT_ACTIVITY_CALL, 3,
    N_("Make sure the order arrived and works as promised. Expected output: any problem found is fixed or has a date."), 0 },
  { N_("Satisfaction check"), RAPPORT_ACTIVITY_CALL, 30,
    N_("Ask how satisfied the customer is (1 to 5) and how likely they are to recommend us (0 to 10). Expected output: the answers recorded."), 1 },
  { N_("Repeat-sale review"), RAPPORT_ACTIVITY_MEETING, 90,
    N_("Review what else the customer needs: renewals, upgrades, more of the same. Expected output: a repeat deal, or a date to ask again."), 2 },
};

#define INSERT_AFTER_SALES_STEP \
  "INSERT INTO after_sales_step (pipeline_id, position, title, kind, days, note, offer)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"

static void
bind_default_step (sqlite3_stmt      *stmt,
                   gint64             pipeline_id,
                   int                position,
                   const DefaultStep *step)
{
  sqlite3_bind_int64 (stmt, 1, pipeline_id);
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, tr (step->title), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, step->kind);
  sqlite3_bind_int (stmt, 5, step->days);
  sqlite3_bind_text (stmt, 6, tr (step->note), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, step->offer);
}

/* The default plan for every pipeline of a file being migrated, in the
 * migration's transaction (no store exists yet: the connection alone). */
static gboolean
seed_after_sales_defaults (sqlite3  *db,
                           GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (db, "SELECT id FROM pipeline ORDER BY id", -1, &stmt, NULL)) != SQLITE_OK)
    return rapport_db_set_error (db, rc, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return rapport_db_set_error (db, rc, error);

  if ((rc = sqlite3_prepare_v2 (db, INSERT_AFTER_SALES_STEP, -1, &stmt, NULL)) != SQLITE_OK)
    return rapport_db_set_error (db, rc, error);
  for (guint i = 0; i < ids->len; i++)
    for (guint j = 0; j < G_N_ELEMENTS (default_after_sales); j++)
      {
        sqlite3_reset (stmt);
        bind_default_step (stmt, g_array_index (ids, gint64, i), (int) j, &default_after_sales[j]);
        if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
          {
            sqlite3_finalize (stmt);
            return rapport_db_set_error (db, rc, error);
          }
      }
  sqlite3_finalize (stmt);

  return TRUE;
}

/* The default after-sales plan of a new pipeline, in the caller's
 * transaction, in the user's language. */
gboolean
rapport_schema_seed_after_sales (RapportStore  *self,
                                 gint64         pipeline_id,
                                 GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_after_sales); i++)
    {
      sqlite3_stmt *stmt = rapport_store_stmt_sql (self, INSERT_AFTER_SALES_STEP);

      bind_default_step (stmt, pipeline_id, (int) i, &default_after_sales[i]);
      if (!rapport_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* What the lost-reason and lead dialogs offered before the team could
 * keep its own lists. */
static const char * const seed_lost_reasons[] = {
  N_("Price too high"),
  N_("Chose a competitor"),
  N_("No budget"),
  N_("No decision"),
  N_("Bad timing"),
  N_("Went silent"),
};

static const char * const seed_lead_sources[] = {
  N_("Website form"),
  N_("Referral"),
  N_("Phone call"),
  N_("Email"),
  N_("Trade show"),
  N_("Social media"),
  N_("Advertisement"),
  N_("Cold outreach"),
};

static gboolean
seed_list (sqlite3             *db,
           const char          *list,
           const char * const  *labels,
           guint                n_labels,
           GError             **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO choice (list, position, label) VALUES (?1, ?2, ?3)",
                               -1, &stmt, NULL);

  for (guint i = 0; rc == SQLITE_OK && i < n_labels; i++)
    {
      sqlite3_bind_text (stmt, 1, list, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, tr (labels[i]), -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? sqlite3_reset (stmt) : rc;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return rapport_db_set_error (db, rc, error);
  return TRUE;
}

/* In the migration's transaction, translated once and for all as the
 * templates' stages are: from then on the lists are the team's own. */
static gboolean
seed_choices (sqlite3  *db,
              GError  **error)
{
  return seed_list (db, "lost-reason", seed_lost_reasons, G_N_ELEMENTS (seed_lost_reasons), error) &&
         seed_list (db, "lead-source", seed_lead_sources, G_N_ELEMENTS (seed_lead_sources), error);
}

static gboolean
insert_stage (RapportStore               *self,
              gint64                      pipeline_id,
              int                         position,
              const RapportTemplateStage *tstage,
              GError                    **error)
{
  sqlite3_stmt *stmt = rapport_store_stmt (self, STMT_INSERT_STAGE);
  gint64 stage_id;

  sqlite3_bind_int64 (stmt, 1, pipeline_id);
  sqlite3_bind_text (stmt, 2, tr (tstage->name), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, position);
  sqlite3_bind_int (stmt, 4, tstage->probability);
  sqlite3_bind_text (stmt, 5, tr (tstage->purpose), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, tstage->rotting_days);
  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;

  stage_id = sqlite3_last_insert_rowid (rapport_store_get_db (self));

  for (guint i = 0; i < tstage->n_actions; i++)
    {
      const RapportTemplateAction *action = &tstage->actions[i];

      stmt = rapport_store_stmt (self, STMT_INSERT_STAGE_ACTION);
      sqlite3_bind_int64 (stmt, 1, stage_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, tr (action->action), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, tr (action->owner), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, tr (action->material), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, tr (action->output), -1, SQLITE_STATIC);
      /* The templates name no separate activity: the action says it. */
      sqlite3_bind_null (stmt, 7);
      if (!rapport_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Copies a template with its playbook into the database, in the caller's
 * transaction, translated into the user's language once and for all: from
 * then on the stages are the user's own to rename. */
gboolean
rapport_schema_seed_pipeline (RapportStore  *self,
                              const char    *template_id,
                              gint64        *pipeline_id,
                              GError       **error)
{
  const RapportTemplate *template = rapport_templates_find (template_id);
  sqlite3_stmt *stmt;

  if (template == NULL)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("There is no process template called “%s”"), template_id);
      return FALSE;
    }

  stmt = rapport_store_stmt (self, STMT_INSERT_PIPELINE);
  sqlite3_bind_text (stmt, 1, tr (template->name), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, template->id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, rapport_store_now (self));
  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;

  *pipeline_id = sqlite3_last_insert_rowid (rapport_store_get_db (self));

  for (guint i = 0; i < template->n_stages; i++)
    if (!insert_stage (self, *pipeline_id, (int) i, &template->stages[i], error))
      return FALSE;

  return rapport_schema_seed_after_sales (self, *pipeline_id, error);
}
