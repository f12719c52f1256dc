/* test-vcard.c — vCards in and out: the reader over the corpus in
 * data/vcard/, imports that store all or nothing, the export, and the
 * round trip export → import into a fresh database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <json-glib/json-glib.h>

#ifdef HAVE_EBOOK_CONTACTS
#include <libebook-contacts/libebook-contacts.h>
#endif

#include "rapport-import.h"
#include "rapport-test-support.h"
#include "rapport-vcard-export.h"

/* The reader */

static GInputStream *
open_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "vcard", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GFileInputStream *stream = g_file_read (file, NULL, &error);

  g_assert_no_error (error);
  return G_INPUT_STREAM (stream);
}

/* Every card of @stream; fails the test on a bad card. */
static GPtrArray *
read_cards (GInputStream *stream)
{
  g_autoptr(RapportVcardReader) reader = rapport_vcard_reader_new (stream);
  GPtrArray *cards = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_vcard_free);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      RapportVcard *card = NULL;
      guint line = 0;
      RapportVcardNext next = rapport_vcard_reader_next (reader, &card, &line, &error);

      if (next == RAPPORT_VCARD_NEXT_END)
        break;
      g_assert_no_error (error);
      g_assert_cmpint (next, ==, RAPPORT_VCARD_NEXT_CARD);
      g_ptr_array_add (cards, card);
    }

  g_object_unref (stream);
  return cards;
}

static GPtrArray *
read_text (const char *text)
{
  return read_cards (g_memory_input_stream_new_from_data (g_strdup (text), -1, g_free));
}

static void
assert_value (GPtrArray  *values,
              guint       index,
              const char *label,
              const char *value)
{
  const RapportContactValue *v;

  g_assert_nonnull (values);
  g_assert_cmpuint (index, <, values->len);
  v = values->pdata[index];
  g_assert_cmpstr (v->label, ==, label);
  g_assert_cmpstr (v->value, ==, value);
}

static void
test_reader_v21 (void)
{
  g_autoptr(GPtrArray) cards = read_cards (open_data ("v21-quoted-printable.vcf"));
  RapportVcard *card;
  const guint8 *photo;
  gsize len;

  g_assert_cmpuint (cards->len, ==, 1);
  card = cards->pdata[0];
  /* Quoted-printable in ISO-8859-1, with a soft line break inside a word. */
  g_assert_cmpstr (card->name, ==, "Jörg Müller-Lüdenscheid");
  /* 8-bit ISO-8859-1 without quoted-printable. */
  g_assert_cmpstr (card->organization, ==, "Straßenbau Süd GmbH");
  g_assert_cmpstr (card->title, ==, "Bauleiter");
  /* The PREF address first: it becomes the primary one. */
  g_assert_cmpuint (card->emails->len, ==, 2);
  assert_value (card->emails, 0, "home", "jm@privat.example");
  assert_value (card->emails, 1, "other", "joerg@strassenbau.example");
  assert_value (card->phones, 0, "work", "+49 30 5550123");
  assert_value (card->phones, 1, "mobile", "+49 170 5550199");
  /* =0D=0A is a line break; the soft break joins the next line. */
  g_assert_cmpstr (card->note, ==, "Trifft man am besten vormittags.\n"
                                   "Mag keine Anrufe nach 17 Uhr, sagt seine Assistentin.");
  /* The base64 photo spans indented lines up to the blank one. */
  g_assert_cmpstr (card->photo_type, ==, "image/jpeg");
  photo = g_bytes_get_data (card->photo, &len);
  g_assert_cmpuint (len, ==, 286);
  g_assert_cmpint (photo[0], ==, 0xff);
  g_assert_cmpint (photo[1], ==, 0xd8);
}

static void
test_reader_v30 (void)
{
  g_autoptr(GPtrArray) cards = read_cards (open_data ("v30-gnome-contacts.vcf"));
  RapportVcard *card;
  gsize len;

  g_assert_cmpuint (cards->len, ==, 1);
  card = cards->pdata[0];
  g_assert_cmpstr (card->name, ==, "Ada Lovelace");
  g_assert_cmpstr (card->uid, ==, "pas-id-66A1B2C3D4E5F601");
  /* ORG's first part; the unit is not a separate field here. */
  g_assert_cmpstr (card->organization, ==, "Analytical Engines Ltd");
  g_assert_cmpstr (card->title, ==, "Chief Programmer");
  assert_value (card->emails, 0, "work", "ada@engines.example");
  assert_value (card->emails, 1, "home", "ada@home.example");
  assert_value (card->phones, 0, "mobile", "+44 20 7946 0018");
  assert_value (card->phones, 1, "work", "+44 20 7946 0000");
  g_assert_cmpstr (card->note, ==, "Prefers letters, not calls.\nWrites notes on everything; keep them.");
  /* A folded base64 line. */
  g_assert_cmpstr (card->photo_type, ==, "image/png");
  g_assert_true (memcmp (g_bytes_get_data (card->photo, &len), "\x89PNG", 4) == 0);
  g_assert_cmpuint (len, ==, 277);
}

static void
test_reader_google (void)
{
  g_autoptr(GPtrArray) cards = read_cards (open_data ("v30-google-multi.vcf"));
  RapportVcard *grace, *linus, *margaret;

  g_assert_cmpuint (cards->len, ==, 3);
  grace = cards->pdata[0];
  linus = cards->pdata[1];
  margaret = cards->pdata[2];
  g_assert_cmpuint (grace->line, ==, 1);
  g_assert_cmpuint (linus->line, ==, 13);
  g_assert_cmpuint (margaret->line, ==, 20);
  g_assert_cmpstr (grace->name, ==, "Grace Hopper");
  /* Grouped items ("item1.EMAIL") are read; their X-ABLabel is not a label
   * Rapport knows. */
  assert_value (grace->emails, 0, "work", "grace@navy.example");
  assert_value (grace->emails, 1, "other", "cobol@compilers.example");
  assert_value (grace->phones, 0, "mobile", "(555) 010-4477");
  g_assert_null (linus->emails);
  assert_value (linus->phones, 0, "home", "+358 9 555 0101");
  /* No FN: N joined in reading order. */
  g_assert_cmpstr (margaret->name, ==, "Margaret Heafield Hamilton");
  g_assert_null (margaret->photo);
}

static void
test_reader_v40 (void)
{
  g_autoptr(GPtrArray) cards = read_cards (open_data ("v40-data-uri.vcf"));
  RapportVcard *card;
  gsize len;

  g_assert_cmpuint (cards->len, ==, 1);
  card = cards->pdata[0];
  g_assert_cmpstr (card->name, ==, "Hedy Lamarr");
  g_assert_cmpstr (card->uid, ==, "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1");
  /* PREF=1 first, whatever its place in the card. */
  assert_value (card->emails, 0, "home", "hedy@films.example");
  assert_value (card->emails, 1, "work", "hedy@hopping.example");
  /* tel: addresses, TYPE="cell,voice" quoted; the extension is dropped. */
  assert_value (card->phones, 0, "mobile", "+1-555-555-0100");
  assert_value (card->phones, 1, "work", "+1-555-555-0111");
  g_assert_cmpstr (card->photo_type, ==, "image/png");
  g_assert_true (memcmp (g_bytes_get_data (card->photo, &len), "\x89PNG", 4) == 0);
  g_assert_cmpuint (len, ==, 277);
  g_assert_cmpstr (card->note, ==, "Spread spectrum, 1942.");
}

/* The first bad card of @stream: its line and message. */
static void
first_bad (GInputStream  *stream,
           guint         *line,
           char         **message)
{
  g_autoptr(RapportVcardReader) reader = rapport_vcard_reader_new (stream);

  *message = NULL;
  for (;;)
    {
      g_autoptr(RapportVcard) card = NULL;
      g_autoptr(GError) error = NULL;
      RapportVcardNext next = rapport_vcard_reader_next (reader, &card, line, &error);

      g_assert_cmpint (next, !=, RAPPORT_VCARD_NEXT_FAILED);
      g_assert_cmpint (next, !=, RAPPORT_VCARD_NEXT_END);
      if (next == RAPPORT_VCARD_NEXT_BAD)
        {
          g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
          *message = g_strdup (error->message);
          break;
        }
    }
  g_object_unref (stream);
}

static void
test_reader_malformed (void)
{
  static const struct {
    const char *file;
    guint       line;
    const char *says;
  } cases[] = {
    { "bad-no-name.vcf", 5, "no name" },
    { "bad-quoted-printable.vcf", 8, "quoted-printable" },
    { "bad-base64.vcf", 4, "base64" },
    { "bad-no-end.vcf", 1, "END:VCARD" },
    { "bad-email.vcf", 4, "not an address" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = NULL;
      guint line = 0;

      first_bad (open_data (cases[i].file), &line, &message);
      g_test_message ("%s: line %u: %s", cases[i].file, line, message);
      g_assert_cmpuint (line, ==, cases[i].line);
      g_assert_nonnull (strstr (message, cases[i].says));
    }
}

static void
test_reader_malformed_inline (void)
{
  static const struct {
    const char *text;
    guint       line;
    const char *says;
  } cases[] = {
    { "hello\r\n", 1, "BEGIN:VCARD" },
    { "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\nnot a card\r\n", 5, "BEGIN:VCARD" },
    { "BEGIN:VCARD\r\nVERSION:5.0\r\nFN:A\r\nEND:VCARD\r\n", 2, "versions" },
    { "BEGIN:VCARD\r\nFN:A\r\nno colon here\r\nEND:VCARD\r\n", 3, "“:”" },
    { "BEGIN:VCARD\r\nFN;CHARSET=NO-SUCH-SET:A\r\nEND:VCARD\r\n", 2, "character set" },
    { "BEGIN:VCARD\r\nFN:\xff\xfe\r\nEND:VCARD\r\n", 2, "UTF-8" },
    { "BEGIN:VCARD\r\nFN:A\r\nPHOTO:data:image/png;base64,@@@@\r\nEND:VCARD\r\n", 3, "base64" },
    { "BEGIN:VCARD\r\nFN:A\r\nPHOTO;ENCODING=b:AAAA\r\nEND:VCARD\r\n", 3, "image" },
    { "BEGIN:VCARD\r\nFN:A\r\nTEL:call me\r\nEND:VCARD\r\n", 3, "call me" },
    { "BEGIN:VCARD\r\nFN:A\\nB\r\nEND:VCARD\r\n", 1, "line" },
    { "BEGIN:VCARD\r\nFN:A\r\nEMAIL:a@b.example\r\n", 1, "END:VCARD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = NULL;
      guint line = 0;

      first_bad (g_memory_input_stream_new_from_data (g_strdup (cases[i].text), -1, g_free), &line, &message);
      g_test_message ("case %u: line %u: %s", i, line, message);
      g_assert_cmpuint (line, ==, cases[i].line);
      g_assert_nonnull (strstr (message, cases[i].says));
    }
}

/* Folded lines: a space or a tab continues a line, once removed. */
static void
test_reader_folding (void)
{
  g_autoptr(GPtrArray) cards = read_text ("BEGIN:VCARD\nVERSION:3.0\nFN:Ann\n  Marie\nTITLE:Head of\n\t Sales\n"
                                          "NOTE:one\\, two\\; three\\\\four\nEND:VCARD\n");
  RapportVcard *card = cards->pdata[0];

  g_assert_cmpstr (card->name, ==, "Ann Marie");
  g_assert_cmpstr (card->title, ==, "Head of Sales");
  g_assert_cmpstr (card->note, ==, "one, two; three\\four");
}

/* Imports */

static RapportImportReport
import_file (RapportStore      *store,
             GInputStream      *stream,
             RapportImportFlags flags)
{
  g_autoptr(RapportVcardReader) reader = rapport_vcard_reader_new (stream);
  RapportImportReport report = { { 0, }, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_import_vcard (store, reader, flags, &report, &error));
  g_assert_no_error (error);
  g_object_unref (stream);
  return report;
}

static guint
n_contacts (RapportStore *store)
{
  g_autoptr(GListModel) contacts = rapport_store_get_contacts (store);

  return g_list_model_get_n_items (contacts);
}

static void
test_import_bad_stores_nothing (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_auto(RapportImportReport) report = import_file (store, open_data ("bad-no-end.vcf"), 0);
  g_auto(RapportImportReport) again = { { 0, }, NULL };
  g_autoptr(GListModel) organizations = NULL;
  const RapportImportProblem *problem;

  g_assert_cmpuint (report.counts.rows, ==, 2);
  g_assert_cmpuint (report.counts.bad, ==, 1);
  g_assert_cmpuint (report.counts.created, ==, 0);
  g_assert_cmpuint (report.problems->len, ==, 1);
  problem = report.problems->pdata[0];
  g_assert_cmpuint (problem->line, ==, 1);
  /* The good second card was not stored either. */
  g_assert_cmpuint (n_contacts (store), ==, 0);

  /* Nor an organization a good card named, before the bad one. */
  again = import_file (store, g_memory_input_stream_new_from_data (
    "BEGIN:VCARD\r\nFN:Ok\r\nORG:Made Up Ltd\r\nEND:VCARD\r\nBEGIN:VCARD\r\nEND:VCARD\r\n", -1, NULL), 0);
  g_assert_cmpuint (again.counts.bad, ==, 1);
  g_assert_cmpuint (n_contacts (store), ==, 0);
  organizations = rapport_store_get_organizations (store);
  g_assert_cmpuint (g_list_model_get_n_items (organizations), ==, 0);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_import_dry_run_and_uid (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_auto(RapportImportReport) dry = import_file (store, open_data ("v30-gnome-contacts.vcf"), RAPPORT_IMPORT_DRY_RUN);
  g_auto(RapportImportReport) first = { { 0, }, NULL };
  g_auto(RapportImportReport) second = { { 0, }, NULL };

  g_assert_cmpuint (dry.counts.created, ==, 1);
  g_assert_cmpuint (n_contacts (store), ==, 0);

  first = import_file (store, open_data ("v30-gnome-contacts.vcf"), 0);
  g_assert_cmpuint (first.counts.created, ==, 1);
  /* The same card again (its UID is known): skipped, not doubled. */
  second = import_file (store, open_data ("v30-gnome-contacts.vcf"), 0);
  g_assert_cmpuint (second.counts.created, ==, 0);
  g_assert_cmpuint (second.counts.skipped, ==, 1);
  g_assert_cmpuint (n_contacts (store), ==, 1);

  /* …and the same UID twice in one file. */
  {
    g_auto(RapportImportReport) twice = import_file (store, g_memory_input_stream_new_from_data (
      "BEGIN:VCARD\r\nFN:Twin\r\nUID:twin-1\r\nEND:VCARD\r\n"
      "BEGIN:VCARD\r\nFN:Twin Again\r\nUID:twin-1\r\nEND:VCARD\r\n", -1, NULL), 0);

    g_assert_cmpuint (twice.counts.created, ==, 1);
    g_assert_cmpuint (twice.counts.skipped, ==, 1);
    g_assert_cmpuint (n_contacts (store), ==, 2);
  }

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* An import is taken back as a whole: its contacts (their lists, photo
 * and notes with them) and the organizations it made. */
static void
test_import_undo (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_auto(RapportImportReport) report = import_file (store, open_data ("v30-google-multi.vcf"), 0);
  g_autoptr(GListModel) organizations = NULL;
  g_autoptr(GPtrArray) emails = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (n_contacts (store), ==, 3);
  g_assert_nonnull (report.counts.undo);
  g_assert_true (rapport_store_undo_import (store, report.counts.undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_contacts (store), ==, 0);
  organizations = rapport_store_get_organizations (store);
  g_assert_cmpuint (g_list_model_get_n_items (organizations), ==, 0);
  emails = rapport_store_get_contact_emails (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (emails->len, ==, 0);

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Round trip */

static gboolean
append_to_string (const char  *data,
                  gsize        len,
                  gpointer     user_data,
                  GError     **error)
{
  g_string_append_len (user_data, data, (gssize) len);
  return TRUE;
}

static char *
export_all (RapportStore *store)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (rapport_vcard_export_contacts (store, append_to_string, out, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, n_contacts (store));
  return g_string_free (out, FALSE);
}

static void
assert_same_values (GPtrArray *a,
                    GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const RapportContactValue *va = a->pdata[i];
      const RapportContactValue *vb = b->pdata[i];

      g_assert_cmpstr (va->label, ==, vb->label);
      g_assert_cmpstr (va->value, ==, vb->value);
    }
}

static char *
organization_name (RapportStore   *store,
                   RapportContact *contact)
{
  g_autoptr(RapportOrganization) organization = NULL;
  gint64 id = rapport_contact_get_organization_id (contact);

  if (id == 0)
    return NULL;
  organization = rapport_store_get_organization (store, id, NULL);
  return g_strdup (rapport_organization_get_name (organization));
}

static void
assert_same_contact (RapportStore   *a_store,
                     RapportContact *a,
                     RapportStore   *b_store,
                     RapportContact *b)
{
  gint64 a_id = rapport_record_get_id (RAPPORT_RECORD (a));
  gint64 b_id = rapport_record_get_id (RAPPORT_RECORD (b));
  g_autoptr(GPtrArray) a_emails = rapport_store_get_contact_emails (a_store, a_id, NULL);
  g_autoptr(GPtrArray) b_emails = rapport_store_get_contact_emails (b_store, b_id, NULL);
  g_autoptr(GPtrArray) a_phones = rapport_store_get_contact_phones (a_store, a_id, NULL);
  g_autoptr(GPtrArray) b_phones = rapport_store_get_contact_phones (b_store, b_id, NULL);
  g_autofree char *a_type = NULL;
  g_autofree char *b_type = NULL;
  g_autoptr(GBytes) a_photo = rapport_store_get_contact_photo (a_store, a_id, &a_type, NULL);
  g_autoptr(GBytes) b_photo = rapport_store_get_contact_photo (b_store, b_id, &b_type, NULL);
  g_autofree char *a_org = organization_name (a_store, a);
  g_autofree char *b_org = organization_name (b_store, b);

  g_test_message ("comparing %s", rapport_contact_get_name (a));
  g_assert_cmpstr (rapport_contact_get_name (a), ==, rapport_contact_get_name (b));
  g_assert_cmpstr (rapport_contact_get_title (a), ==, rapport_contact_get_title (b));
  g_assert_cmpstr (rapport_contact_get_email (a), ==, rapport_contact_get_email (b));
  g_assert_cmpstr (rapport_contact_get_phone (a), ==, rapport_contact_get_phone (b));
  g_assert_cmpstr (a_org, ==, b_org);
  assert_same_values (a_emails, b_emails);
  assert_same_values (a_phones, b_phones);
  g_assert_cmpstr (a_type, ==, b_type);
  g_assert_true ((a_photo == NULL) == (b_photo == NULL));
  if (a_photo != NULL)
    g_assert_true (g_bytes_equal (a_photo, b_photo));
}

static void
test_round_trip (void)
{
  static const char * const files[] = {
    "v21-quoted-printable.vcf", "v30-gnome-contacts.vcf", "v30-google-multi.vcf", "v40-data-uri.vcf",
  };
  g_autofree char *dir_a = NULL;
  g_autofree char *dir_b = NULL;
  g_autoptr(RapportStore) a = rapport_test_store_new (&dir_a, NULL);
  g_autoptr(RapportStore) b = rapport_test_store_new (&dir_b, NULL);
  g_autoptr(RapportContact) typed = NULL;
  g_autoptr(GListModel) a_contacts = NULL;
  g_autoptr(GListModel) b_contacts = NULL;
  g_autoptr(GPtrArray) emails = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_contact_value_free);
  g_auto(RapportImportReport) back = { { 0, }, NULL };
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *text_b = NULL;
  g_autoptr(GError) error = NULL;
  RapportContactFields fields = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_auto(RapportImportReport) report = import_file (a, open_data (files[i]), 0);

      g_assert_cmpuint (report.counts.bad, ==, 0);
    }
  /* One made here, with text to escape and no UID of its own. */
  g_ptr_array_add (emails, rapport_contact_value_new ("work", "o.brien@pub.example"));
  g_ptr_array_add (emails, rapport_contact_value_new ("mobile", "ob@phone.example"));
  fields.name = "Seán O'Brien, Jr.";
  fields.title = "Head; of \\ Sales, EMEA";
  fields.emails = emails;
  fields.lifecycle = RAPPORT_LIFECYCLE_CONTACT;
  typed = rapport_store_add_contact (a, &fields, &error);
  g_assert_no_error (error);

  text = export_all (a);
  /* The UIDs stay the same from one export to the next. */
  again = export_all (a);
  g_assert_cmpstr (text, ==, again);

  back = import_file (b, g_memory_input_stream_new_from_data (text, -1, NULL), 0);
  g_assert_cmpuint (back.counts.bad, ==, 0);
  g_assert_cmpuint (back.counts.created, ==, n_contacts (a));

  a_contacts = rapport_store_get_contacts (a);
  b_contacts = rapport_store_get_contacts (b);
  g_assert_cmpuint (g_list_model_get_n_items (a_contacts), ==, g_list_model_get_n_items (b_contacts));
  for (guint i = 0; i < g_list_model_get_n_items (a_contacts); i++)
    {
      g_autoptr(RapportContact) ca = g_list_model_get_item (a_contacts, i);
      g_autoptr(RapportContact) cb = g_list_model_get_item (b_contacts, i);

      assert_same_contact (a, ca, b, cb);
    }

  /* The second database writes the same cards (the UIDs came along), but
   * for REV, which says when they were written there. */
  text_b = export_all (b);
  g_assert_cmpuint (strlen (text_b), ==, strlen (text));

  rapport_test_tmpdir_free (g_steal_pointer (&dir_a));
  rapport_test_tmpdir_free (g_steal_pointer (&dir_b));
}

/* The export's own form: CR LF, lines of at most 75 bytes, a card per
 * contact, each with the properties readers need. */
static void
test_export_form (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_auto(RapportImportReport) report = import_file (store, open_data ("v30-gnome-contacts.vcf"), 0);
  g_autofree char *text = export_all (store);
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  guint n_lines = g_strv_length (lines);

  g_assert_true (g_str_has_suffix (text, "END:VCARD\r\n"));
  for (guint i = 0; i < n_lines; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
    }
  g_assert_true (g_strv_contains ((const char * const *) lines, "VERSION:3.0"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "FN:Ada Lovelace"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "N:Lovelace;Ada;;;"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "UID:pas-id-66A1B2C3D4E5F601"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "ORG:Analytical Engines Ltd"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "TITLE:Chief Programmer"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "EMAIL;TYPE=INTERNET,WORK,PREF:ada@engines.example"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "TEL;TYPE=CELL,PREF:+44 20 7946 0018"));
  g_assert_true (g_strv_contains ((const char * const *) lines,
                                  "NOTE:Prefers letters\\, not calls.\\nWrites notes on everything\\; keep them."));
  g_assert_nonnull (strstr (text, "\r\nPHOTO;ENCODING=b;TYPE=PNG:iVBOR"));
  g_assert_nonnull (strstr (text, "\r\nREV:"));

#ifdef HAVE_EBOOK_CONTACTS
  /* What GNOME Contacts and Evolution read it with agrees. */
  {
    EVCard *evcard = e_vcard_new_from_string (text);
    EVCardAttribute *photo = e_vcard_get_attribute (evcard, EVC_PHOTO);
    g_autofree char *fn = e_vcard_attribute_get_value (e_vcard_get_attribute (evcard, EVC_FN));
    EVCardAttribute *first_email = NULL;
    GList *decoded;
    guint n_emails = 0;

    for (GList *l = e_vcard_get_attributes (evcard); l != NULL; l = l->next)
      if (g_str_equal (e_vcard_attribute_get_name (l->data), EVC_EMAIL))
        {
          if (first_email == NULL)
            first_email = l->data;
          n_emails++;
        }
    g_assert_cmpuint (n_emails, ==, 2);
    g_assert_true (e_vcard_attribute_has_type (first_email, "WORK"));
    g_assert_cmpstr (fn, ==, "Ada Lovelace");
    g_assert_nonnull (photo);
    decoded = e_vcard_attribute_get_values_decoded (photo);
    g_assert_cmpuint (((GString *) decoded->data)->len, ==, 277);
    g_object_unref (evcard);
  }
#endif

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The primary address and number and the lists stay in step */

static void
test_primary_in_step (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(GPtrArray) emails = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_contact_value_free);
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  RapportContactFields fields = { 0, };
  RapportContactDetails details = { 0, };
  gint64 id;

  fields.name = "Kim Lee";
  fields.email = "kim@old.example";
  fields.lifecycle = RAPPORT_LIFECYCLE_CONTACT;
  contact = rapport_store_add_contact (store, &fields, &error);
  g_assert_no_error (error);
  id = rapport_record_get_id (RAPPORT_RECORD (contact));
  read = rapport_store_get_contact_emails (store, id, &error);
  assert_value (read, 0, "other", "kim@old.example");
  g_clear_pointer (&read, g_ptr_array_unref);

  /* The lists: the first becomes the email column. */
  g_ptr_array_add (emails, rapport_contact_value_new ("work", "kim@work.example"));
  g_ptr_array_add (emails, rapport_contact_value_new ("home", "kim@home.example"));
  details.emails = emails;
  details.set_title = TRUE;
  details.title = "Buyer";
  g_assert_true (rapport_store_set_contact_details (store, contact, &details, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_contact_get_email (contact), ==, "kim@work.example");
  g_assert_cmpstr (rapport_contact_get_title (contact), ==, "Buyer");

  /* Editing the primary one (as the contact page does) edits the first. */
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "kim@new.example");
  g_assert_true (rapport_store_update (store, RAPPORT_RECORD (contact), "email", &value, &error));
  g_assert_no_error (error);
  read = rapport_store_get_contact_emails (store, id, &error);
  g_assert_cmpuint (read->len, ==, 2);
  assert_value (read, 0, "work", "kim@new.example");
  g_clear_pointer (&read, g_ptr_array_unref);

  /* Clearing it: the next one becomes the primary one. */
  g_value_set_string (&value, "");
  g_assert_true (rapport_store_update (store, RAPPORT_RECORD (contact), "email", &value, &error));
  g_assert_no_error (error);
  read = rapport_store_get_contact_emails (store, id, &error);
  g_assert_cmpuint (read->len, ==, 1);
  assert_value (read, 0, "home", "kim@home.example");
  g_assert_cmpstr (rapport_contact_get_email (contact), ==, "kim@home.example");
  g_clear_pointer (&read, g_ptr_array_unref);

  /* The rules of the primary ones hold for every one, and a refused
   * change changes nothing. */
  g_ptr_array_add (emails, rapport_contact_value_new ("work", "not an address"));
  g_assert_false (rapport_store_set_contact_details (store, contact, &details, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_remove_index (emails, 2);
  g_ptr_array_add (emails, rapport_contact_value_new ("boss", "kim@boss.example"));
  g_assert_false (rapport_store_set_contact_details (store, contact, &details, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (rapport_contact_get_email (contact), ==, "kim@home.example");

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The command line */

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_cli (void)
{
  g_autofree char *dir = rapport_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (dir, "cli.db", NULL);
  g_autofree char *out = g_build_filename (dir, "contacts.vcf", NULL);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "vcard", "v30-google-multi.vcf", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "vcard", "bad-quoted-printable.vcf", NULL);
  g_autofree char *photo = g_test_build_filename (G_TEST_DIST, "data", "vcard", "v40-data-uri.vcf", NULL);
  g_auto(RapportTestRun) init = { 0, };
  g_auto(RapportTestRun) refused = { 0, };
  g_auto(RapportTestRun) imported = { 0, };
  g_auto(RapportTestRun) shown = { 0, };
  g_auto(RapportTestRun) exported = { 0, };
  g_auto(RapportTestRun) again = { 0, };
  g_auto(RapportTestRun) forced = { 0, };
  g_auto(RapportTestRun) added = { 0, };
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(JsonObject) contact = NULL;
  JsonObject *problem;
  JsonArray *phones;
  struct stat st;

  rapport_test_run_cli (db, (const char *[]) { "init", NULL }, &init);
  g_assert_cmpint (init.status, ==, 0);

  /* A bad card: exit 1, the line named, nothing stored. */
  rapport_test_run_cli (db, (const char *[]) { "import", "vcard", bad, "--json", NULL }, &refused);
  g_assert_cmpint (refused.status, ==, 1);
  report = parse_object (refused.out);
  g_assert_cmpint (json_object_get_int_member (report, "cards"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (report, "created"), ==, 0);
  problem = json_array_get_object_element (json_object_get_array_member (report, "bad"), 0);
  g_assert_cmpint (json_object_get_int_member (problem, "line"), ==, 8);
  g_clear_pointer (&report, json_object_unref);

  rapport_test_run_cli (db, (const char *[]) { "import", "vcard", good, "--json", NULL }, &imported);
  g_assert_cmpint (imported.status, ==, 0);
  report = parse_object (imported.out);
  g_assert_cmpint (json_object_get_int_member (report, "cards"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (report, "created"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (report, "skipped"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "bad")), ==, 0);
  g_clear_pointer (&report, json_object_unref);

  rapport_test_run_cli (db, (const char *[]) { "contact", "add", "Pat Doe", "--title", "Engineer",
                                  "--emails", "work=pat@doe.example,home=pat@home.example",
                                  "--phones", "mobile=+1 555 0199", "--json", NULL }, &added);
  g_assert_cmpint (added.status, ==, 0);

  rapport_test_run_cli (db, (const char *[]) { "contact", "show", "1", "--json", NULL }, &shown);
  g_assert_cmpint (shown.status, ==, 0);
  contact = parse_object (shown.out);
  g_assert_cmpstr (json_object_get_string_member (contact, "name"), ==, "Grace Hopper");
  g_assert_cmpstr (json_object_get_string_member (contact, "title"), ==, "Rear Admiral");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (contact, "emails")), ==, 2);
  phones = json_object_get_array_member (contact, "phones");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (phones, 0), "label"), ==, "mobile");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (phones, 0), "value"), ==, "(555) 010-4477");
  g_assert_false (json_object_get_boolean_member (contact, "has_photo"));

  rapport_test_run_cli (db, (const char *[]) { "export", "contacts", "--format", "vcard", "--output", out, NULL }, &exported);
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_cmpint (stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* An existing file is refused without --force, and left as it was. */
  rapport_test_run_cli (db, (const char *[]) { "import", "vcard", photo, NULL }, &forced);
  g_assert_cmpint (forced.status, ==, 0);
  rapport_test_run_cli (db, (const char *[]) { "export", "contacts", "--format", "vcard", "--output", out, NULL }, &again);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "--force"));
  {
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
    g_assert_null (strstr (text, "Hedy Lamarr"));
    g_assert_nonnull (strstr (text, "FN:Pat Doe"));
    g_assert_nonnull (strstr (text, "EMAIL;TYPE=INTERNET,HOME:pat@home.example"));
  }

  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vcard/reader/v21-quoted-printable", test_reader_v21);
  g_test_add_func ("/vcard/reader/v30-gnome-contacts", test_reader_v30);
  g_test_add_func ("/vcard/reader/v30-google-multi", test_reader_google);
  g_test_add_func ("/vcard/reader/v40-data-uri", test_reader_v40);
  g_test_add_func ("/vcard/reader/folding-and-escapes", test_reader_folding);
  g_test_add_func ("/vcard/reader/malformed-files", test_reader_malformed);
  g_test_add_func ("/vcard/reader/malformed-cards", test_reader_malformed_inline);
  g_test_add_func ("/vcard/import/bad-card-stores-nothing", test_import_bad_stores_nothing);
  g_test_add_func ("/vcard/import/dry-run-and-uid", test_import_dry_run_and_uid);
  g_test_add_func ("/vcard/import/undo", test_import_undo);
  g_test_add_func ("/vcard/export/form", test_export_form);
  g_test_add_func ("/vcard/round-trip", test_round_trip);
  g_test_add_func ("/vcard/contact/primary-in-step", test_primary_in_step);
  g_test_add_func ("/vcard/cli", test_cli);

  return g_test_run ();
}
