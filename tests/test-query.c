/* test-query.c — the contacts list, the detail lists and global search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Model only: no display, no bus. Search runs once on 200 000 demo
 * contacts (built once per run) to show a prefix finds one person among
 * them; everything else runs on small hand-made data sets whose right
 * answers are known.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "rapport-test-support.h"

#define DAY (24 * 60 * 60)
/* A fixed clock: 2026-11-20T10:00:00Z. */
#define T0 G_GINT64_CONSTANT (1795082400)

/* Small steps */

typedef struct
{
  char         *dir;
  RapportStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = rapport_test_store_new (&fixture->dir, NULL);
  rapport_test_clear_after_sales (fixture->store);
  rapport_store_set_now (fixture->store, T0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  rapport_test_tmpdir_free (g_steal_pointer (&fixture->dir));
}

static gint64
id_of (gpointer record)
{
  return rapport_record_get_id (RAPPORT_RECORD (record));
}

static gint64
add_org (RapportStore *store,
         const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportOrganization) org = rapport_store_add_organization (store, name, &error);

  g_assert_no_error (error);
  return id_of (org);
}

static gint64
add_contact_full (RapportStore     *store,
                  const char       *name,
                  const char       *email,
                  const char       *phone,
                  gint64            organization_id,
                  RapportLifecycle  lifecycle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContact) contact = NULL;
  RapportContactFields fields = {
    .name = name,
    .email = email,
    .phone = phone,
    .organization_id = organization_id,
    .lifecycle = lifecycle,
  };

  contact = rapport_store_add_contact (store, &fields, &error);
  g_assert_no_error (error);
  return id_of (contact);
}

static gint64
add_contact (RapportStore *store,
             const char   *name)
{
  return add_contact_full (store, name, NULL, NULL, 0, RAPPORT_LIFECYCLE_CONTACT);
}

static gint64
add_deal_full (RapportStore *store,
               const char   *title,
               gint64        value,
               const char   *currency,
               gint64        contact_id,
               gint64        organization_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDeal) deal = NULL;
  RapportDealFields fields = {
    .title = title,
    .value = value,
    .currency = currency,
    .contact_id = contact_id,
    .organization_id = organization_id,
  };

  deal = rapport_store_add_deal (store, &fields, &error);
  g_assert_no_error (error);
  return id_of (deal);
}

static gint64
add_deal (RapportStore *store,
          const char   *title)
{
  return add_deal_full (store, title, 100, NULL, 0, 0);
}

static gint64
add_note (RapportStore *store,
          gint64        contact_id,
          gint64        deal_id,
          gint64        organization_id,
          const char   *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportNote) note = rapport_store_add_note (store, contact_id, deal_id, organization_id, body, &error);

  g_assert_no_error (error);
  return id_of (note);
}

static void
update_string (RapportStore *store,
               gpointer      record,
               const char   *property,
               const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  g_assert_true (rapport_store_update (store, RAPPORT_RECORD (record), property, &value, &error));
  g_assert_no_error (error);
}

static RapportContact *
get_contact (RapportStore *store,
             gint64        id)
{
  g_autoptr(GError) error = NULL;
  RapportContact *contact = rapport_store_get_contact (store, id, &error);

  g_assert_no_error (error);
  return contact;
}

static RapportDeal *
get_deal (RapportStore *store,
          gint64        id)
{
  g_autoptr(GError) error = NULL;
  RapportDeal *deal = rapport_store_get_deal (store, id, &error);

  g_assert_no_error (error);
  return deal;
}

static RapportActivity *
log_activity (RapportStore        *store,
              gint64               contact_id,
              gint64               deal_id,
              RapportActivityKind  kind,
              gint64               when)
{
  g_autoptr(GError) error = NULL;
  RapportActivity *activity;

  rapport_store_set_now (store, when);
  activity = rapport_store_log_activity (store, contact_id, deal_id, kind, NULL, &error);
  rapport_store_set_now (store, T0);
  g_assert_no_error (error);

  return activity;
}

static RapportActivity *
add_followup (RapportStore *store,
              gint64        contact_id,
              gint64        deal_id,
              const char   *title,
              gint64        due_at)
{
  g_autoptr(GError) error = NULL;
  RapportActivity *activity = rapport_store_add_followup (store, contact_id, deal_id, title, due_at, &error);

  g_assert_no_error (error);
  return activity;
}

/* The ids of a list, as text "3 1 2", to compare whole orders at once. */
static char *
list_ids (GListModel *list)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RapportRecord) record = g_list_model_get_item (list, i);

      g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i ? " " : "", rapport_record_get_id (record));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
ids (gint64 first,
     ...)
{
  g_autoptr(GString) text = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (gint64 id = first; id != 0; id = va_arg (args, gint64))
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, text->len ? " " : "", id);
  va_end (args);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define assert_list(list, ...) \
  G_STMT_START { \
    g_autofree char *_seen = list_ids (list); \
    g_autofree char *_expected = ids (__VA_ARGS__, (gint64) 0); \
    g_assert_cmpstr (_seen, ==, _expected); \
  } G_STMT_END

#define assert_list_empty(list) g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0)

static gint64
first_id (GListModel *list)
{
  g_autoptr(RapportRecord) record = g_list_model_get_item (list, 0);

  g_assert_nonnull (record);
  return rapport_record_get_id (record);
}

static gint64
last_id (GListModel *list)
{
  guint n = g_list_model_get_n_items (list);
  g_autoptr(RapportRecord) record = n ? g_list_model_get_item (list, n - 1) : NULL;

  g_assert_nonnull (record);
  return rapport_record_get_id (record);
}

/* Search */

static GArray *
search (RapportStore *store,
        const char   *text,
        guint         limit)
{
  g_autoptr(GError) error = NULL;
  GArray *hits = rapport_store_search (store, text, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

/* Where @id of @kind is among @hits, or -1. */
static int
hit_index (GArray            *hits,
           RapportSearchKind  kind,
           gint64             id)
{
  for (guint i = 0; i < hits->len; i++)
    {
      RapportSearchHit *hit = &g_array_index (hits, RapportSearchHit, i);

      if (hit->kind == kind && hit->id == id)
        return (int) i;
    }

  return -1;
}

static guint
count_kind (GArray            *hits,
            RapportSearchKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < hits->len; i++)
    if (g_array_index (hits, RapportSearchHit, i).kind == kind)
      n++;

  return n;
}

static gboolean
finds (RapportStore      *store,
       const char        *text,
       RapportSearchKind  kind,
       gint64             id)
{
  g_autoptr(GArray) hits = search (store, text, 50);

  return hit_index (hits, kind, id) >= 0;
}

#define assert_finds(store, text, kind, id) \
  G_STMT_START { \
    if (!finds ((store), (text), (kind), (id))) \
      g_error ("searching “%s” does not find %s %" G_GINT64_FORMAT, (text), #kind, (gint64) (id)); \
  } G_STMT_END

#define assert_not_finds(store, text, kind, id) \
  G_STMT_START { \
    if (finds ((store), (text), (kind), (id))) \
      g_error ("searching “%s” finds %s %" G_GINT64_FORMAT, (text), #kind, (gint64) (id)); \
  } G_STMT_END

/* 200 000 demo contacts, built once per run. */
static struct
{
  char         *dir;
  RapportStore *store;
  gint64        needle;   /* "Quirinus Zwetschke", added after the demo */
} big;

static RapportStore *
big_store (void)
{
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (big.store != NULL)
    return big.store;

  big.store = rapport_test_store_new (&big.dir, NULL);
  start = g_get_monotonic_time ();
  g_assert_true (rapport_store_fill_demo (big.store, 1000, 200000, 20261120, &error));
  g_assert_no_error (error);
  g_test_message ("200 000 demo contacts in %.1f s", (g_get_monotonic_time () - start) / 1e6);

  big.needle = add_contact_full (big.store, "Quirinus Zwetschke", "q.zwetschke@plums.example",
                                 "+49 30 1234567", 0, RAPPORT_LIFECYCLE_CONTACT);
  return big.store;
}

static void
test_search_prefix_among_many (void)
{
  RapportStore *store = big_store ();
  g_autoptr(GListModel) contacts = rapport_store_get_contacts (store);
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GArray) common = NULL;
  gint64 start;

  g_assert_cmpuint (g_list_model_get_n_items (contacts), >=, 200001);

  /* A prefix of the surname finds the one person, first. */
  start = g_get_monotonic_time ();
  hits = search (store, "zwets", 10);
  g_test_message ("“zwets” among 200 000: %.2f ms", (g_get_monotonic_time () - start) / 1e3);
  g_assert_cmpuint (count_kind (hits, RAPPORT_SEARCH_CONTACT), ==, 1);
  g_assert_cmpint (hit_index (hits, RAPPORT_SEARCH_CONTACT, big.needle), ==, 0);

  assert_finds (store, "Zwe", RAPPORT_SEARCH_CONTACT, big.needle);
  assert_finds (store, "zwetschke quir", RAPPORT_SEARCH_CONTACT, big.needle);
  assert_finds (store, "plums", RAPPORT_SEARCH_CONTACT, big.needle);
  assert_not_finds (store, "zwetschke petrov", RAPPORT_SEARCH_CONTACT, big.needle);

  /* A common surname: as many as asked for, every one a match. */
  common = search (store, "petrov", 7);
  g_assert_cmpuint (count_kind (common, RAPPORT_SEARCH_CONTACT), ==, 7);
  for (guint i = 0; i < common->len; i++)
    {
      RapportSearchHit *hit = &g_array_index (common, RapportSearchHit, i);
      g_autoptr(RapportContact) contact = NULL;
      g_autofree char *folded = NULL;

      if (hit->kind != RAPPORT_SEARCH_CONTACT)
        continue;
      contact = get_contact (store, hit->id);
      folded = g_utf8_casefold (rapport_contact_get_name (contact), -1);
      g_assert_nonnull (strstr (folded, "petrov"));
    }
}

static void
test_search_words (Fixture       *fixture,
                   gconstpointer  data)
{
  RapportStore *store = fixture->store;
  gint64 anna = add_contact (store, "Anna Berg");
  gint64 bert = add_contact (store, "Bert Anders");

  /* Words in any order, each a prefix of some word. */
  assert_finds (store, "anna berg", RAPPORT_SEARCH_CONTACT, anna);
  assert_finds (store, "berg anna", RAPPORT_SEARCH_CONTACT, anna);
  assert_finds (store, "ber ann", RAPPORT_SEARCH_CONTACT, anna);
  assert_finds (store, "  ANNA   ", RAPPORT_SEARCH_CONTACT, anna);

  /* Every word must match. */
  assert_not_finds (store, "anna anders", RAPPORT_SEARCH_CONTACT, anna);
  assert_not_finds (store, "anna anders", RAPPORT_SEARCH_CONTACT, bert);
  assert_finds (store, "an", RAPPORT_SEARCH_CONTACT, anna);
  assert_finds (store, "an", RAPPORT_SEARCH_CONTACT, bert);

  /* A word must start a word: no infix matches. */
  assert_not_finds (store, "erg", RAPPORT_SEARCH_CONTACT, anna);

  /* Nothing to look for finds nothing, without an error. */
  {
    g_autoptr(GArray) empty = search (store, "", 10);
    g_autoptr(GArray) blank = search (store, "   ", 10);
    g_autoptr(GArray) punct = search (store, "-- ** !!", 10);
    g_autoptr(GArray) none = search (store, NULL, 10);

    g_assert_cmpuint (empty->len, ==, 0);
    g_assert_cmpuint (blank->len, ==, 0);
    g_assert_cmpuint (punct->len, ==, 0);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
test_search_unicode (Fixture       *fixture,
                     gconstpointer  data)
{
  RapportStore *store = fixture->store;
  gint64 ivan = add_contact (store, "Иван Петров");
  gint64 zoe = add_contact (store, "Zoë Brunner");
  gint64 muller = add_contact (store, "Jürgen Müller");
  gint64 lucia = add_contact (store, "Lucía López");
  gint64 plain = add_contact (store, "Zoe Plain");

  /* Case folding beyond ASCII. */
  assert_finds (store, "иван", RAPPORT_SEARCH_CONTACT, ivan);
  assert_finds (store, "ИВАН", RAPPORT_SEARCH_CONTACT, ivan);
  assert_finds (store, "пет", RAPPORT_SEARCH_CONTACT, ivan);

  /* Accents ignored, both ways. */
  assert_finds (store, "zoe", RAPPORT_SEARCH_CONTACT, zoe);
  assert_finds (store, "ZOË", RAPPORT_SEARCH_CONTACT, zoe);
  assert_finds (store, "zoë", RAPPORT_SEARCH_CONTACT, plain);
  assert_finds (store, "muller", RAPPORT_SEARCH_CONTACT, muller);
  assert_finds (store, "jurg", RAPPORT_SEARCH_CONTACT, muller);
  assert_finds (store, "lucia lopez", RAPPORT_SEARCH_CONTACT, lucia);

  /* The same text decomposed (e + combining diaeresis). */
  assert_finds (store, "Zoe\xcc\x88", RAPPORT_SEARCH_CONTACT, zoe);

  assert_not_finds (store, "иван", RAPPORT_SEARCH_CONTACT, zoe);
}

static void
test_search_phone_and_email (Fixture       *fixture,
                             gconstpointer  data)
{
  RapportStore *store = fixture->store;
  gint64 local = add_contact_full (store, "Local Number", NULL, "555-0199", 0, RAPPORT_LIFECYCLE_CONTACT);
  gint64 mailer = add_contact_full (store, "Mail Person", "grace.hopper@navy.example", NULL, 0,
                                    RAPPORT_LIFECYCLE_CONTACT);
  gint64 org = add_org (store, "Phone Co");
  g_autoptr(RapportOrganization) organization = rapport_store_get_organization (store, org, NULL);

  /* A number's digits, with or without its punctuation. */
  assert_finds (store, "5550199", RAPPORT_SEARCH_CONTACT, local);
  assert_finds (store, "555-0199", RAPPORT_SEARCH_CONTACT, local);
  assert_finds (store, "555", RAPPORT_SEARCH_CONTACT, local);

  /* E-mail words. */
  assert_finds (store, "navy", RAPPORT_SEARCH_CONTACT, mailer);
  assert_finds (store, "hopper", RAPPORT_SEARCH_CONTACT, mailer);
  assert_finds (store, "grace.hopper@navy.example", RAPPORT_SEARCH_CONTACT, mailer);
  assert_not_finds (store, "navy", RAPPORT_SEARCH_CONTACT, local);

  /* An organization's website and phone. */
  update_string (store, organization, "website", "https://phoneco.example");
  update_string (store, organization, "phone", "030 9876543");
  assert_finds (store, "phoneco", RAPPORT_SEARCH_ORGANIZATION, org);
  assert_finds (store, "0309876543", RAPPORT_SEARCH_ORGANIZATION, org);
}

/* "5550100" finds "+1 555-0100": the local number, without the country
 * code, is what people type. */
static void
test_search_phone_country_code (Fixture       *fixture,
                                gconstpointer  data)
{
  RapportStore *store = fixture->store;
  gint64 intl = add_contact_full (store, "Intl Number", NULL, "+1 555-0100", 0, RAPPORT_LIFECYCLE_CONTACT);
  gint64 spaced = add_contact_full (store, "Spaced Number", NULL, "+49 30 1234567", 0,
                                    RAPPORT_LIFECYCLE_CONTACT);

  assert_finds (store, "15550100", RAPPORT_SEARCH_CONTACT, intl);
  assert_finds (store, "555-0100", RAPPORT_SEARCH_CONTACT, intl);
  assert_finds (store, "5550100", RAPPORT_SEARCH_CONTACT, intl);
  assert_finds (store, "301234567", RAPPORT_SEARCH_CONTACT, spaced);
}

static void
test_search_notes (Fixture       *fixture,
                   gconstpointer  data)
{
  RapportStore *store = fixture->store;
  gint64 contact = add_contact (store, "Noted Person");
  gint64 deal = add_deal (store, "Noted deal");
  gint64 org = add_org (store, "Noted Org");
  gint64 other = add_contact (store, "Someone Else");

  add_note (store, contact, 0, 0, "Loves the xylophone");
  add_note (store, 0, deal, 0, "Budget in marzipan");
  add_note (store, 0, 0, org, "Office has a trampoline");
  /* A note on a deal and its contact belongs to the deal. */
  add_note (store, other, deal, 0, "Mentioned quokkas");

  assert_finds (store, "xylo", RAPPORT_SEARCH_CONTACT, contact);
  assert_finds (store, "marzipan", RAPPORT_SEARCH_DEAL, deal);
  assert_finds (store, "trampoline", RAPPORT_SEARCH_ORGANIZATION, org);
  assert_finds (store, "quokka", RAPPORT_SEARCH_DEAL, deal);

  /* Each finds only its owner. */
  {
    g_autoptr(GArray) hits = search (store, "xylophone", 10);
    g_autoptr(GArray) tramp = search (store, "trampoline", 10);

    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpuint (tramp->len, ==, 1);
  }

  /* A note is its own row: its words and the owner's name do not mix
   * (by design of the index; see rapport-store-schema.c). */
  assert_not_finds (store, "noted xylophone", RAPPORT_SEARCH_CONTACT, contact);
}

static void
test_search_grouping_and_limit (Fixture       *fixture,
                                gconstpointer  data)
{
  RapportStore *store = fixture->store;
  gint64 starts, second, by_mail;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) two = NULL;
  g_autoptr(GArray) ranked = NULL;
  RapportSearchKind last = RAPPORT_SEARCH_CONTACT;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Kappa Person %u", i);
      add_contact (store, name);
    }
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("Kappa Org %u", i);
      add_org (store, name);
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Kappa deal %u", i);
      add_deal (store, name);
    }

  all = search (store, "kappa", 10);
  g_assert_cmpuint (all->len, ==, 12);
  g_assert_cmpuint (count_kind (all, RAPPORT_SEARCH_CONTACT), ==, 5);
  g_assert_cmpuint (count_kind (all, RAPPORT_SEARCH_ORGANIZATION), ==, 4);
  g_assert_cmpuint (count_kind (all, RAPPORT_SEARCH_DEAL), ==, 3);

  /* Contacts, then organizations, then deals. */
  for (guint i = 0; i < all->len; i++)
    {
      RapportSearchKind kind = g_array_index (all, RapportSearchHit, i).kind;

      g_assert_cmpint (kind, >=, last);
      last = kind;
    }

  /* The limit is per kind. */
  two = search (store, "kappa", 2);
  g_assert_cmpuint (count_kind (two, RAPPORT_SEARCH_CONTACT), ==, 2);
  g_assert_cmpuint (count_kind (two, RAPPORT_SEARCH_ORGANIZATION), ==, 2);
  g_assert_cmpuint (count_kind (two, RAPPORT_SEARCH_DEAL), ==, 2);
  {
    g_autoptr(GArray) zero = search (store, "kappa", 0);

    g_assert_cmpuint (zero->len, ==, 0);
  }

  /* A name that starts with the text first, then a name with the word
   * elsewhere, then a match in the e-mail only. */
  by_mail = add_contact_full (store, "Mail Only", "omicron@example.com", NULL, 0, RAPPORT_LIFECYCLE_CONTACT);
  second = add_contact (store, "Anna Omicron");
  starts = add_contact (store, "Omicron Anna");
  ranked = search (store, "omicron", 10);
  g_assert_cmpuint (ranked->len, ==, 3);
  g_assert_cmpint (hit_index (ranked, RAPPORT_SEARCH_CONTACT, starts), ==, 0);
  g_assert_cmpint (hit_index (ranked, RAPPORT_SEARCH_CONTACT, second), ==, 1);
  g_assert_cmpint (hit_index (ranked, RAPPORT_SEARCH_CONTACT, by_mail), ==, 2);
}

/* A new lead's e-mail already known: any case, the oldest contact. */
static void
test_find_by_email (Fixture       *fixture,
                    gconstpointer  data)
{
  RapportStore *store = fixture->store;
  gint64 first = add_contact_full (store, "Ada Lovelace", "ada@example.com", NULL, 0,
                                   RAPPORT_LIFECYCLE_CONTACT);
  g_autoptr(RapportContact) found = NULL;
  g_autoptr(RapportContact) none = NULL;

  add_contact_full (store, "Ada L.", "ADA@example.com", NULL, 0, RAPPORT_LIFECYCLE_LEAD);
  add_contact (store, "No Mail");

  found = rapport_store_find_contact_by_email (store, "Ada@Example.com");
  g_assert_nonnull (found);
  g_assert_cmpint (rapport_record_get_id (RAPPORT_RECORD (found)), ==, first);

  none = rapport_store_find_contact_by_email (store, "grace@example.com");
  g_assert_null (none);
  g_assert_null (rapport_store_find_contact_by_email (store, ""));
  g_assert_null (rapport_store_find_contact_by_email (store, NULL));
}

static void
test_search_follows_changes (Fixture       *fixture,
                             gconstpointer  data)
{
  RapportStore *store = fixture->store;
  gint64 id = add_contact (store, "Oldname Person");
  g_autoptr(RapportContact) contact = get_contact (store, id);
  gint64 deal = add_deal (store, "Original title");
  g_autoptr(RapportDeal) deal_object = get_deal (store, deal);
  gint64 note = add_note (store, id, 0, 0, "Remember the walrus");
  g_autoptr(GError) error = NULL;

  assert_finds (store, "oldname", RAPPORT_SEARCH_CONTACT, id);

  /* Renamed: found by the new name, not the old one. */
  update_string (store, contact, "name", "Newname Person");
  assert_finds (store, "newname", RAPPORT_SEARCH_CONTACT, id);
  assert_not_finds (store, "oldname", RAPPORT_SEARCH_CONTACT, id);
  /* …and its note still finds it. */
  assert_finds (store, "walrus", RAPPORT_SEARCH_CONTACT, id);

  update_string (store, contact, "email", "fresh@mailbox.example");
  assert_finds (store, "mailbox", RAPPORT_SEARCH_CONTACT, id);

  update_string (store, deal_object, "title", "Renamed title");
  assert_finds (store, "renamed", RAPPORT_SEARCH_DEAL, deal);
  assert_not_finds (store, "original", RAPPORT_SEARCH_DEAL, deal);

  /* A deleted note no longer finds its owner. */
  {
    g_autoptr(GListModel) notes = rapport_store_get_contact_notes (store, id);
    g_autoptr(RapportNote) object = g_list_model_get_item (notes, 0);

    g_assert_cmpint (id_of (object), ==, note);
    g_assert_true (rapport_store_delete (store, RAPPORT_RECORD (object), &error));
    g_assert_no_error (error);
  }
  assert_not_finds (store, "walrus", RAPPORT_SEARCH_CONTACT, id);
  assert_finds (store, "newname", RAPPORT_SEARCH_CONTACT, id);
}

/* What the user types is never FTS5 syntax. */
static void
test_search_syntax_is_text (Fixture       *fixture,
                            gconstpointer  data)
{
  RapportStore *store = fixture->store;
  const char * const hostile[] = {
    "\"", "\"\"", "\"alpha", "alpha\"", "*", "alpha*", "AND", "OR", "NOT", "alpha AND", "AND alpha",
    "(", ")", "(alpha", "alpha)", ":", "title:", "title:alpha", "detail : alpha", "-", "-alpha",
    "alpha -beta", "NEAR(alpha beta)", "^alpha", "{title detail}: alpha", "alpha + beta", "'",
    "alpha'; DROP TABLE contact; --", "\\", "%", "_", "alpha OR gamma", NULL
  };
  gint64 alpha = add_contact (store, "Alpha Beta");
  gint64 gamma = add_contact (store, "Gamma Delta");
  g_autoptr(GListModel) contacts = NULL;

  for (guint i = 0; hostile[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) hits = rapport_store_search (store, hostile[i], 10, &error);
      g_autoptr(GListModel) list = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_NAME, FALSE,
                                                                 -1, hostile[i]);

      if (error != NULL)
        g_error ("searching “%s”: %s", hostile[i], error->message);
      g_assert_nonnull (hits);
      g_assert_nonnull (list);
      g_test_message ("“%s”: %u hits", hostile[i], hits->len);
    }

  /* Operators are words like any other: nothing has a word "or"/"not". */
  assert_not_finds (store, "alpha OR gamma", RAPPORT_SEARCH_CONTACT, alpha);
  assert_not_finds (store, "alpha OR gamma", RAPPORT_SEARCH_CONTACT, gamma);
  assert_not_finds (store, "NOT alpha", RAPPORT_SEARCH_CONTACT, alpha);
  assert_not_finds (store, "NOT alpha", RAPPORT_SEARCH_CONTACT, gamma);
  /* A minus is not "not", a star not a wildcard, a colon not a column. */
  assert_finds (store, "-alpha", RAPPORT_SEARCH_CONTACT, alpha);
  assert_finds (store, "alpha -beta", RAPPORT_SEARCH_CONTACT, alpha);
  assert_finds (store, "alpha*", RAPPORT_SEARCH_CONTACT, alpha);
  assert_finds (store, "\"alpha", RAPPORT_SEARCH_CONTACT, alpha);
  assert_finds (store, "(alpha)", RAPPORT_SEARCH_CONTACT, alpha);
  assert_not_finds (store, "title:alpha", RAPPORT_SEARCH_CONTACT, alpha);
  assert_not_finds (store, "gamma*", RAPPORT_SEARCH_CONTACT, alpha);

  /* The data is all still there. */
  contacts = rapport_store_get_contacts (store);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 2);
}

/* The contacts list */

typedef struct
{
  gint64 a, b, c, d;
} SortSet;

/* Four contacts whose every column sorts differently:
 *   A "Bertha Ames"  Zulu Org   zed@…  +1 555 0300  customer  contacted -1 d  follow-up +3 d
 *   B "alice Brown"  alpha org  amy@…  +1 555 0100  lead      contacted -5 d  follow-up +1 d
 *   C "Carl Cole"    —          —      —            contact   never           none
 *   D "Dora Dunn"    Mike Org   mid@…  +1 555 0200  contact   contacted -2 d  none          */
static SortSet
make_sort_set (RapportStore *store)
{
  SortSet set;
  g_autoptr(RapportActivity) a_call = NULL;
  g_autoptr(RapportActivity) b_call = NULL;
  g_autoptr(RapportActivity) d_call = NULL;
  g_autoptr(RapportActivity) a_next = NULL;
  g_autoptr(RapportActivity) b_next = NULL;

  set.a = add_contact_full (store, "Bertha Ames", "zed@x.example", "+1 555 0300", add_org (store, "Zulu Org"),
                            RAPPORT_LIFECYCLE_CUSTOMER);
  set.b = add_contact_full (store, "alice Brown", "amy@x.example", "+1 555 0100", add_org (store, "alpha org"),
                            RAPPORT_LIFECYCLE_LEAD);
  set.c = add_contact_full (store, "Carl Cole", NULL, NULL, 0, RAPPORT_LIFECYCLE_CONTACT);
  set.d = add_contact_full (store, "Dora Dunn", "mid@x.example", "+1 555 0200", add_org (store, "Mike Org"),
                            RAPPORT_LIFECYCLE_CONTACT);

  a_call = log_activity (store, set.a, 0, RAPPORT_ACTIVITY_CALL, T0 - 1 * DAY);
  b_call = log_activity (store, set.b, 0, RAPPORT_ACTIVITY_EMAIL, T0 - 5 * DAY);
  d_call = log_activity (store, set.d, 0, RAPPORT_ACTIVITY_MEETING, T0 - 2 * DAY);
  a_next = add_followup (store, set.a, 0, "A next", T0 + 3 * DAY);
  b_next = add_followup (store, set.b, 0, "B next", T0 + 1 * DAY);

  return set;
}

static void
test_contacts_sort (Fixture       *fixture,
                    gconstpointer  data)
{
  RapportStore *store = fixture->store;
  SortSet s = make_sort_set (store);
  const struct
  {
    RapportContactSort sort;
    const char        *name;
    gint64             asc_first, asc_last, desc_first, desc_last;
  } cases[] = {
    { RAPPORT_CONTACT_SORT_NAME, "name", s.b, s.d, s.d, s.b },
    { RAPPORT_CONTACT_SORT_ORGANIZATION, "organization", s.b, s.c, s.a, s.c },
    { RAPPORT_CONTACT_SORT_EMAIL, "email", s.b, s.c, s.a, s.c },
    { RAPPORT_CONTACT_SORT_PHONE, "phone", s.b, s.c, s.a, s.c },
    { RAPPORT_CONTACT_SORT_LIFECYCLE, "lifecycle", s.b, s.a, s.a, s.b },
    { RAPPORT_CONTACT_SORT_LAST_CONTACT, "last contact", s.b, s.c, s.a, s.c },
    { RAPPORT_CONTACT_SORT_NEXT_FOLLOWUP, "next follow-up", s.b, 0, s.a, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GListModel) asc = rapport_store_query_contacts (store, cases[i].sort, FALSE, -1, NULL);
      g_autoptr(GListModel) desc = rapport_store_query_contacts (store, cases[i].sort, TRUE, -1, NULL);

      g_test_message ("by %s", cases[i].name);
      g_assert_cmpuint (g_list_model_get_n_items (asc), ==, 4);
      g_assert_cmpuint (g_list_model_get_n_items (desc), ==, 4);
      g_assert_cmpint (first_id (asc), ==, cases[i].asc_first);
      g_assert_cmpint (first_id (desc), ==, cases[i].desc_first);
      if (cases[i].asc_last != 0)
        g_assert_cmpint (last_id (asc), ==, cases[i].asc_last);
      if (cases[i].desc_last != 0)
        g_assert_cmpint (last_id (desc), ==, cases[i].desc_last);
    }

  /* Whole orders where they tell more. */
  {
    g_autoptr(GListModel) by_name = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_NAME, FALSE, -1, NULL);
    g_autoptr(GListModel) by_last = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_LAST_CONTACT,
                                                                  FALSE, -1, NULL);
    g_autoptr(GListModel) by_next = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_NEXT_FOLLOWUP,
                                                                  FALSE, -1, NULL);
    g_autoptr(GListModel) by_next_desc = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_NEXT_FOLLOWUP,
                                                                       TRUE, -1, NULL);
    g_autoptr(GListModel) by_org = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_ORGANIZATION,
                                                                 FALSE, -1, NULL);

    /* Case does not matter: "alice" before "Bertha". */
    assert_list (by_name, s.b, s.a, s.c, s.d);
    assert_list (by_last, s.b, s.d, s.a, s.c);
    /* No follow-up: last, either way (by id among themselves). */
    assert_list (by_next, s.b, s.a, s.c, s.d);
    {
      g_autofree char *seen = list_ids (by_next_desc);
      g_autofree char *head = ids (s.a, s.b, (gint64) 0);

      g_assert_true (g_str_has_prefix (seen, head));
    }
    assert_list (by_org, s.b, s.d, s.a, s.c);
  }
}

static void
test_contacts_filter (Fixture       *fixture,
                      gconstpointer  data)
{
  RapportStore *store = fixture->store;
  SortSet s = make_sort_set (store);
  g_autoptr(GListModel) leads = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_NAME, FALSE,
                                                              RAPPORT_LIFECYCLE_LEAD, NULL);
  g_autoptr(GListModel) contacts = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_NAME, FALSE,
                                                                 RAPPORT_LIFECYCLE_CONTACT, NULL);
  g_autoptr(GListModel) customers = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_NAME, FALSE,
                                                                  RAPPORT_LIFECYCLE_CUSTOMER, NULL);
  g_autoptr(GListModel) all = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_NAME, FALSE, -1, "");
  g_autoptr(GListModel) by_mail = NULL;
  g_autoptr(GListModel) by_mail_desc = NULL;
  g_autoptr(GListModel) word_and_lifecycle = NULL;
  g_autoptr(GListModel) nobody = NULL;

  assert_list (leads, s.b);
  assert_list (contacts, s.c, s.d);
  assert_list (customers, s.a);
  assert_list (all, s.b, s.a, s.c, s.d);

  /* Search words filter, the sort still applies. */
  by_mail = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_EMAIL, FALSE, -1, "x.example");
  assert_list (by_mail, s.b, s.d, s.a);
  by_mail_desc = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_EMAIL, TRUE, -1, "x.example");
  assert_list (by_mail_desc, s.a, s.d, s.b);

  /* …together with the lifecycle. */
  word_and_lifecycle = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_NAME, FALSE,
                                                     RAPPORT_LIFECYCLE_CONTACT, "dunn");
  assert_list (word_and_lifecycle, s.d);
  nobody = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_NAME, FALSE,
                                         RAPPORT_LIFECYCLE_LEAD, "dunn");
  assert_list_empty (nobody);
}

static void
count_items_changed (GListModel *list,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

static void
drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_contacts_list_follows (Fixture       *fixture,
                            gconstpointer  data)
{
  RapportStore *store = fixture->store;
  SortSet s = make_sort_set (store);
  g_autoptr(GListModel) by_name = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_NAME, FALSE, -1, NULL);
  g_autoptr(GListModel) searched = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_NAME, FALSE, -1, "aaron");
  g_autoptr(GListModel) by_last = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_LAST_CONTACT,
                                                                FALSE, -1, NULL);
  g_autoptr(GListModel) by_next = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_NEXT_FOLLOWUP,
                                                                FALSE, -1, NULL);
  g_autoptr(RapportActivity) call = NULL;
  guint changes = 0;
  gint64 aaron;

  g_signal_connect (by_name, "items-changed", G_CALLBACK (count_items_changed), &changes);

  /* A new contact: items-changed, in its place. */
  aaron = add_contact (store, "Aaron Aardvark");
  drain_main_context ();
  g_assert_cmpuint (changes, >=, 1);
  assert_list (by_name, aaron, s.b, s.a, s.c, s.d);
  assert_list (searched, aaron);

  /* Renamed: it moves. */
  {
    g_autoptr(RapportContact) contact = get_contact (store, aaron);

    update_string (store, contact, "name", "Zed Aardvark");
    drain_main_context ();
    assert_list (by_name, s.b, s.a, s.c, s.d, aaron);
    assert_list_empty (searched);
  }

  /* Contacting C now: C is the most recent, so last ascending. */
  assert_list (by_last, s.b, s.d, s.a, s.c, aaron);
  call = log_activity (store, s.c, 0, RAPPORT_ACTIVITY_CALL, T0);
  drain_main_context ();
  assert_list (by_last, s.b, s.d, s.a, s.c, aaron);
  g_clear_object (&call);
  call = log_activity (store, s.d, 0, RAPPORT_ACTIVITY_CALL, T0 + 60);
  drain_main_context ();
  assert_list (by_last, s.b, s.a, s.c, s.d, aaron);
}

/* A follow-up added or snoozed moves the contact in the list sorted by
 * next follow-up, though only the activity table was written. */
static void
test_contacts_list_follows_followups (Fixture       *fixture,
                                      gconstpointer  data)
{
  RapportStore *store = fixture->store;
  SortSet s = make_sort_set (store);
  g_autoptr(GListModel) by_next = rapport_store_query_contacts (store, RAPPORT_CONTACT_SORT_NEXT_FOLLOWUP,
                                                                FALSE, -1, NULL);
  g_autoptr(RapportActivity) c_next = NULL;
  g_autoptr(GListModel) b_activities = rapport_store_get_contact_activities (store, s.b);
  g_autoptr(GError) error = NULL;

  assert_list (by_next, s.b, s.a, s.c, s.d);

  c_next = add_followup (store, s.c, 0, "C next", T0 + 2 * DAY);
  drain_main_context ();
  assert_list (by_next, s.b, s.c, s.a, s.d);

  g_assert_true (rapport_store_snooze_activity (store, c_next, T0 + 4 * DAY, &error));
  g_assert_no_error (error);
  drain_main_context ();
  assert_list (by_next, s.b, s.a, s.c, s.d);
}

/* last_contacted_at and next_followup_at, kept by the database */

static void
test_contact_dates (Fixture       *fixture,
                    gconstpointer  data)
{
  RapportStore *store = fixture->store;
  gint64 id = add_contact (store, "Dated Person");
  g_autoptr(RapportContact) contact = get_contact (store, id);
  g_autoptr(RapportActivity) call = NULL;
  g_autoptr(RapportActivity) soon = NULL;
  g_autoptr(RapportActivity) later = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_assert_cmpint (rapport_contact_get_last_contacted_at (contact), ==, 0);
  g_assert_cmpint (rapport_contact_get_next_followup_at (contact), ==, 0);
  g_signal_connect_swapped (contact, "notify::last-contacted-at", G_CALLBACK (g_atomic_int_inc), &notified);

  /* Logging a call is a contact, on the live object too. */
  call = log_activity (store, id, 0, RAPPORT_ACTIVITY_CALL, T0 - DAY);
  g_assert_cmpint (rapport_contact_get_last_contacted_at (contact), ==, T0 - DAY);
  g_assert_cmpuint (notified, >=, 1);
  g_clear_object (&call);
  call = log_activity (store, id, 0, RAPPORT_ACTIVITY_MEETING, T0);
  g_assert_cmpint (rapport_contact_get_last_contacted_at (contact), ==, T0);

  /* The earliest open follow-up. */
  later = add_followup (store, id, 0, "Later", T0 + 5 * DAY);
  g_assert_cmpint (rapport_contact_get_next_followup_at (contact), ==, T0 + 5 * DAY);
  soon = add_followup (store, id, 0, "Soon", T0 + 2 * DAY);
  g_assert_cmpint (rapport_contact_get_next_followup_at (contact), ==, T0 + 2 * DAY);

  /* Snoozed: when it comes back counts. */
  g_assert_true (rapport_store_snooze_activity (store, soon, T0 + 7 * DAY, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_contact_get_next_followup_at (contact), ==, T0 + 5 * DAY);
  g_assert_true (rapport_store_reschedule_activity (store, later, T0 + 9 * DAY, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_contact_get_next_followup_at (contact), ==, T0 + 7 * DAY);

  /* Done: the next one is next; a done follow-up is not a contact. */
  rapport_store_set_now (store, T0 + 60);
  g_assert_true (rapport_store_complete_activity (store, soon, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_contact_get_next_followup_at (contact), ==, T0 + 9 * DAY);
  g_assert_cmpint (rapport_contact_get_last_contacted_at (contact), ==, T0);
  g_assert_true (rapport_store_complete_activity (store, later, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_contact_get_next_followup_at (contact), ==, 0);
  rapport_store_set_now (store, T0);

  /* Taking back the latest call: the one before counts again. */
  g_assert_true (rapport_store_delete (store, RAPPORT_RECORD (call), &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_contact_get_last_contacted_at (contact), ==, T0 - DAY);

  /* A fresh object from a reopened file says the same. */
  {
    g_autofree char *path = g_strdup (rapport_store_get_path (store));
    g_autoptr(RapportStore) other = rapport_store_new (path, &error);
    g_autoptr(RapportContact) again = NULL;

    g_assert_no_error (error);
    again = get_contact (other, id);
    g_assert_cmpint (rapport_contact_get_last_contacted_at (again), ==, T0 - DAY);
    g_assert_cmpint (rapport_contact_get_next_followup_at (again), ==, 0);
  }
}

/* The detail lists */

static void
test_contact_lists (Fixture       *fixture,
                    gconstpointer  data)
{
  RapportStore *store = fixture->store;
  gint64 id = add_contact (store, "Detail Person");
  gint64 other = add_contact (store, "Other Person");
  gint64 open_deal = add_deal_full (store, "Open one", 100, NULL, id, 0);
  gint64 won_early = add_deal_full (store, "Won early", 100, NULL, id, 0);
  gint64 won_late = add_deal_full (store, "Won late", 100, NULL, id, 0);
  g_autoptr(GListModel) deals = rapport_store_get_contact_deals (store, id);
  g_autoptr(GListModel) notes = rapport_store_get_contact_notes (store, id);
  g_autoptr(GListModel) activities = rapport_store_get_contact_activities (store, id);
  g_autoptr(GListModel) other_deals = rapport_store_get_contact_deals (store, other);
  g_autoptr(RapportActivity) old_call = NULL;
  g_autoptr(RapportActivity) new_call = NULL;
  g_autoptr(RapportActivity) due = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first_note, second_note;

  add_deal_full (store, "Not theirs", 100, NULL, other, 0);

  /* Open deals first, then the closed ones, most recently closed first. */
  {
    g_autoptr(RapportDeal) early = get_deal (store, won_early);
    g_autoptr(RapportDeal) late = get_deal (store, won_late);

    rapport_store_set_now (store, T0 - DAY);
    g_assert_true (rapport_store_set_deal_status (store, early, RAPPORT_DEAL_STATUS_WON, NULL, &error));
    rapport_store_set_now (store, T0);
    g_assert_true (rapport_store_set_deal_status (store, late, RAPPORT_DEAL_STATUS_WON, NULL, &error));
    g_assert_no_error (error);
  }
  assert_list (deals, open_deal, won_late, won_early);
  g_assert_cmpuint (g_list_model_get_n_items (other_deals), ==, 1);

  /* Notes newest first. */
  rapport_store_set_now (store, T0 - 60);
  first_note = add_note (store, id, 0, 0, "First");
  rapport_store_set_now (store, T0);
  second_note = add_note (store, id, 0, 0, "Second");
  add_note (store, other, 0, 0, "Not theirs");
  assert_list (notes, second_note, first_note);

  /* Activities newest first: a due follow-up ahead of calls made. */
  old_call = log_activity (store, id, 0, RAPPORT_ACTIVITY_CALL, T0 - 3 * DAY);
  new_call = log_activity (store, id, 0, RAPPORT_ACTIVITY_EMAIL, T0 - DAY);
  due = add_followup (store, id, 0, "Call back", T0 + DAY);
  assert_list (activities, id_of (due), id_of (new_call), id_of (old_call));
}

static void
test_organization_lists (Fixture       *fixture,
                         gconstpointer  data)
{
  RapportStore *store = fixture->store;
  gint64 org = add_org (store, "Detail Org");
  gint64 other = add_org (store, "Other Org");
  gint64 zed = add_contact_full (store, "Zed Zimmer", NULL, NULL, org, RAPPORT_LIFECYCLE_CONTACT);
  gint64 amy = add_contact_full (store, "amy Adams", NULL, NULL, org, RAPPORT_LIFECYCLE_CONTACT);
  gint64 usd = add_deal_full (store, "Dollars", 150000, "USD", 0, org);
  gint64 eur = add_deal_full (store, "Euros", 90000, "EUR", 0, org);
  gint64 usd2 = add_deal_full (store, "More dollars", 2550, NULL, 0, org);
  gint64 open = add_deal_full (store, "Open", 777700, NULL, 0, org);
  gint64 lost = add_deal_full (store, "Lost", 50000, NULL, 0, org);
  gint64 elsewhere = add_deal_full (store, "Elsewhere", 999, NULL, 0, other);
  g_autoptr(GListModel) contacts = rapport_store_get_organization_contacts (store, org);
  g_autoptr(GListModel) deals = rapport_store_get_organization_deals (store, org);
  g_autoptr(GListModel) notes = rapport_store_get_organization_notes (store, org);
  g_autoptr(GListModel) all = rapport_store_get_organizations (store);
  g_autoptr(GError) error = NULL;
  gint64 note_a, note_b;
  guint n_won = 99;
  gint64 total = -1;

  add_contact_full (store, "Elsewhere Person", NULL, NULL, other, RAPPORT_LIFECYCLE_CONTACT);

  /* Contacts by name, any case. */
  assert_list (contacts, amy, zed);

  /* Organizations by name. */
  assert_list (all, org, other);

  rapport_store_get_organization_won (store, org, &n_won, &total);
  g_assert_cmpuint (n_won, ==, 0);
  g_assert_cmpint (total, ==, 0);

  for (gint64 i = 0; i < 4; i++)
    {
      gint64 deal_id = ((gint64[]) { usd, eur, usd2, elsewhere })[i];
      g_autoptr(RapportDeal) deal = get_deal (store, deal_id);

      rapport_store_set_now (store, T0 + i);
      g_assert_true (rapport_store_set_deal_status (store, deal, RAPPORT_DEAL_STATUS_WON, NULL, &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(RapportDeal) deal = get_deal (store, lost);

    rapport_store_set_now (store, T0 + 10);
    g_assert_true (rapport_store_set_deal_status (store, deal, RAPPORT_DEAL_STATUS_LOST, "Too dear", &error));
    g_assert_no_error (error);
  }
  rapport_store_set_now (store, T0);

  /* Open first, then by closing, latest first. */
  assert_list (deals, open, lost, usd2, eur, usd);

  /* Won deals: all three count; only the two in the default currency
   * (USD) are summed; lost and open ones, and other organizations', not. */
  rapport_store_get_organization_won (store, org, &n_won, &total);
  g_assert_cmpuint (n_won, ==, 3);
  g_assert_cmpint (total, ==, 150000 + 2550);
  rapport_store_get_organization_won (store, other, &n_won, &total);
  g_assert_cmpuint (n_won, ==, 1);
  g_assert_cmpint (total, ==, 999);
  rapport_store_get_organization_won (store, org, NULL, NULL);

  rapport_store_set_now (store, T0 - 60);
  note_a = add_note (store, 0, 0, org, "Older");
  rapport_store_set_now (store, T0);
  note_b = add_note (store, 0, 0, org, "Newer");
  add_note (store, 0, 0, other, "Not theirs");
  assert_list (notes, note_b, note_a);
}

static void
test_negotiation_and_delete (Fixture       *fixture,
                             gconstpointer  data)
{
  RapportStore *store = fixture->store;
  gint64 contact = add_contact (store, "Haggler");
  gint64 deal_id = add_deal_full (store, "Haggled", 100000, "EUR", contact, 0);
  gint64 other_id = add_deal (store, "Other deal");
  g_autoptr(RapportDeal) deal = get_deal (store, deal_id);
  g_autoptr(RapportDeal) other = get_deal (store, other_id);
  g_autoptr(GListModel) log = rapport_store_get_negotiation (store, deal_id);
  g_autoptr(GListModel) deal_activities = rapport_store_get_deal_activities (store, deal_id);
  g_autoptr(GListModel) deal_notes = rapport_store_get_deal_notes (store, deal_id);
  g_autoptr(RapportNegotiationEntry) offer = NULL;
  g_autoptr(RapportNegotiationEntry) counter = NULL;
  g_autoptr(RapportNegotiationEntry) same_time = NULL;
  g_autoptr(RapportNegotiationEntry) elsewhere = NULL;
  g_autoptr(RapportActivity) call = NULL;
  g_autoptr(RapportActivity) followup = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;
  gint64 note_id;

  /* Oldest first, whatever order they were written in; ties by id. */
  rapport_store_set_now (store, T0 + 100);
  counter = rapport_store_add_negotiation_entry (store, deal, RAPPORT_NEGOTIATION_COUNTER_OFFER, 80000,
                                                 "Counter", &error);
  g_assert_no_error (error);
  rapport_store_set_now (store, T0);
  offer = rapport_store_add_negotiation_entry (store, deal, RAPPORT_NEGOTIATION_OFFER, 95000, NULL, &error);
  g_assert_no_error (error);
  rapport_store_set_now (store, T0 + 100);
  same_time = rapport_store_add_negotiation_entry (store, deal, RAPPORT_NEGOTIATION_OBJECTION, 0,
                                                   "Too dear", &error);
  g_assert_no_error (error);
  rapport_store_set_now (store, T0);
  elsewhere = rapport_store_add_negotiation_entry (store, other, RAPPORT_NEGOTIATION_OFFER, 1, NULL, &error);
  g_assert_no_error (error);
  assert_list (log, id_of (offer), id_of (counter), id_of (same_time));
  g_assert_cmpstr (rapport_negotiation_entry_get_currency (offer), ==, "EUR");
  g_assert_cmpint (rapport_negotiation_entry_get_amount (counter), ==, 80000);
  g_assert_cmpint (rapport_negotiation_entry_get_kind (same_time), ==, RAPPORT_NEGOTIATION_OBJECTION);
  g_assert_cmpint (rapport_negotiation_entry_get_deal_id (offer), ==, deal_id);

  /* Deal activities and notes. */
  call = log_activity (store, contact, deal_id, RAPPORT_ACTIVITY_CALL, T0 - DAY);
  followup = add_followup (store, 0, deal_id, "Send the contract", T0 + DAY);
  assert_list (deal_activities, id_of (followup), id_of (call));
  note_id = add_note (store, contact, deal_id, 0, "On the deal");
  assert_list (deal_notes, note_id);

  /* Taking each back: gone from its list, the list says so. */
  g_signal_connect (log, "items-changed", G_CALLBACK (count_items_changed), &changes);
  g_assert_true (rapport_store_delete (store, RAPPORT_RECORD (counter), &error));
  g_assert_no_error (error);
  drain_main_context ();
  g_assert_cmpuint (changes, >=, 1);
  assert_list (log, id_of (offer), id_of (same_time));

  g_assert_true (rapport_store_delete (store, RAPPORT_RECORD (followup), &error));
  g_assert_no_error (error);
  assert_list (deal_activities, id_of (call));
  {
    g_autoptr(GError) gone = NULL;
    gint64 followup_id = id_of (followup);
    g_autoptr(RapportActivity) again = NULL;

    /* Gone, even while its object is still held. */
    again = rapport_store_get_activity (store, followup_id, &gone);

    g_assert_null (again);
    g_assert_nonnull (gone);
  }

  {
    g_autoptr(RapportNote) note = g_list_model_get_item (deal_notes, 0);

    g_assert_true (rapport_store_delete (store, RAPPORT_RECORD (note), &error));
    g_assert_no_error (error);
    assert_list_empty (deal_notes);
  }

  /* Anything else is refused, and stays. */
  {
    g_autoptr(RapportContact) person = get_contact (store, contact);
    g_autoptr(RapportOrganization) org = rapport_store_get_organization (store, add_org (store, "Kept"), NULL);
    RapportRecord *refused[] = { RAPPORT_RECORD (person), RAPPORT_RECORD (deal), RAPPORT_RECORD (org) };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autoptr(GError) no = NULL;

        g_assert_false (rapport_store_delete (store, refused[i], &no));
        g_assert_error (no, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
      }
    g_clear_object (&person);
    person = get_contact (store, contact);
    g_assert_nonnull (person);
    g_clear_object (&deal);
    deal = get_deal (store, deal_id);
    g_assert_nonnull (deal);
  }
  assert_list (log, id_of (offer), id_of (same_time));
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  g_test_add_func ("/query/search/prefix-among-200000", test_search_prefix_among_many);
  ADD ("/query/search/words", test_search_words);
  ADD ("/query/search/unicode", test_search_unicode);
  ADD ("/query/search/phone-and-email", test_search_phone_and_email);
  ADD ("/query/search/phone-country-code", test_search_phone_country_code);
  ADD ("/query/search/notes", test_search_notes);
  ADD ("/query/search/grouping-and-limit", test_search_grouping_and_limit);
  ADD ("/query/search/follows-changes", test_search_follows_changes);
  ADD ("/query/search/syntax-is-text", test_search_syntax_is_text);
  ADD ("/query/contacts/find-by-email", test_find_by_email);
  ADD ("/query/contacts/sort", test_contacts_sort);
  ADD ("/query/contacts/filter", test_contacts_filter);
  ADD ("/query/contacts/follows-changes", test_contacts_list_follows);
  ADD ("/query/contacts/follows-followups", test_contacts_list_follows_followups);
  ADD ("/query/contacts/dates", test_contact_dates);
  ADD ("/query/details/contact", test_contact_lists);
  ADD ("/query/details/organization", test_organization_lists);
  ADD ("/query/details/negotiation-and-delete", test_negotiation_and_delete);

#undef ADD

  status = g_test_run ();

  g_clear_object (&big.store);
  rapport_test_tmpdir_free (g_steal_pointer (&big.dir));

  return status;
}
