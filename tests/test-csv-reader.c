/* test-csv-reader.c — the CSV reader over the corpus in data/import/ and
 * over files made here (buffer boundaries, errors, many rows)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sqlite3.h>

#include "rapport-csv-reader.h"
#include "rapport-error.h"
#include "rapport-import.h"
#include "rapport-test-support.h"

static RapportCsvReader *
open_corpus (const char  *name,
             const char  *encoding,
             char         delimiter,
             GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);

  if (stream == NULL)
    return NULL;
  return rapport_csv_reader_new (G_INPUT_STREAM (stream), encoding, delimiter, NULL, error);
}

static RapportCsvReader *
open_text (const char  *text,
           gsize        len,
           const char  *encoding,
           GError     **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_memdup2 (text, len), len, g_free);

  return rapport_csv_reader_new (stream, encoding, 0, NULL, error);
}

/* The fields of @array joined with "|", for short comparisons. */
static char *
joined (GPtrArray *array)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < array->len; i++)
    g_string_append_printf (out, "%s%s", i ? "|" : "", (const char *) array->pdata[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Reads the whole file: "LINE:field|field" per record, one per line. */
static char *
read_all (RapportCsvReader *reader)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  guint line;

  while (rapport_csv_reader_next (reader, &fields, &line, &error))
    {
      g_autofree char *text = joined (fields);

      g_string_append_printf (out, "%u:%s\n", line, text);
    }
  g_assert_no_error (error);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  const char *file;
  const char *encoding;       /* given, or NULL */
  const char *read_as;
  char        delimiter;
  guint       header_line;
  const char *header;
  const char *records;
} CorpusCase;

static const CorpusCase corpus[] = {
  { "utf8-bom.csv", NULL, "UTF-8", ',', 1, "Name|Email|Phone",
    "2:Zoë Ünal|zoe@example.com|+33 1 23 45 67 89\n3:Åsa Berg|asa@example.com|\n" },
  { "utf16le-tabs.csv", NULL, "UTF-16LE", '\t', 1, "Given Name|Family Name|E-mail 1 - Value",
    "2:Kenji|Sato|kenji@example.jp\n3:Łucja|Nowak|lucja@example.pl\n" },
  { "utf16be.csv", NULL, "UTF-16BE", ',', 1, "Name|Email",
    "2:Αλέξης Παππάς|alexis@example.gr\n" },
  { "windows-1252.csv", "WINDOWS-1252", "WINDOWS-1252", ';', 1, "Name|E-mail Address|Company|Notes",
    "2:René Müller|rene@example.com|Café Crème|Price: 12 €\n3:Françoise Noël|francoise@example.com|café crème|\n" },
  { "shift-jis.csv", "SHIFT_JIS", "SHIFT_JIS", ',', 1, "Name|Email|Company",
    "2:山田太郎|yamada@example.jp|株式会社テスト\n" },
  { "semicolon.csv", NULL, "UTF-8", ';', 1, "Name|Email|Notes",
    "2:Jan de Vries|jan@example.nl|Likes; semicolons, and commas\n3:Piet Jansen|piet@example.nl|\n" },
  { "tabs.tsv", NULL, "UTF-8", '\t', 1, "Name|Email|Phone",
    "2:Tab One|one@example.com|555-0101\n3:Tab Two|two@example.com|555-0102\n" },
  { "quoted-newlines.csv", NULL, "UTF-8", ',', 1, "Name|Email|Notes",
    "2:Quote \"Q\" Person|q@example.com|First line\nsecond line, with a comma\nthird \"quoted\" line\n"
    "5:After Lines|after@example.com|plain\n" },
  { "linkedin.csv", NULL, "UTF-8", ',', 4,
    "First Name|Last Name|URL|Email Address|Company|Position|Connected On",
    "5:Ann|Lee|https://www.linkedin.com/in/annlee|ann@example.com|Acme|CEO|12 Mar 2024\n"
    "6:Bob|Smith, Jr.|https://www.linkedin.com/in/bob||ACME|Sales Lead|03 Jan 2023\n" },
};

static void
test_corpus (gconstpointer data)
{
  const CorpusCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCsvReader) reader = open_corpus (c->file, c->encoding, 0, &error);
  g_autofree char *header = NULL;
  g_autofree char *records = NULL;

  g_assert_no_error (error);
  header = joined (rapport_csv_reader_get_header (reader));
  g_assert_cmpstr (header, ==, c->header);
  g_assert_cmpuint (rapport_csv_reader_get_header_line (reader), ==, c->header_line);
  g_assert_cmpint (rapport_csv_reader_get_delimiter (reader), ==, c->delimiter);
  g_assert_cmpstr (rapport_csv_reader_get_encoding (reader), ==, c->read_as);
  records = read_all (reader);
  g_assert_cmpstr (records, ==, c->records);
}

/* The guesses hold against stray separators: a row with more commas than
 * the header does not become the header, and commas inside the fields of
 * a semicolon file do not make it a comma file. */
static void
test_guess_rules (void)
{
  static const struct { const char *text; char delimiter; guint header_line; const char *header; } cases[] = {
    { "Name,Notes\nBob,likes a, b\nAnn,plain\n", ',', 1, "Name|Notes" },
    { "Name;Email;Notes\nJan;jan@example.nl;Likes, commas, many, more\n", ';', 1, "Name|Email|Notes" },
    { "Exported on Mar 3, 2024\nName,Email,Phone\nA,a@x.org,1\nB,b@x.org,2\n", ',', 2, "Name|Email|Phone" },
    { "Name\nAda\nBea\n", ',', 1, "Name" },
    { "a\tb\tc\n1,5\t2\t3\n", '\t', 1, "a|b|c" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RapportCsvReader) reader = open_text (cases[i].text, strlen (cases[i].text), NULL, &error);
      g_autofree char *header = NULL;

      g_assert_no_error (error);
      header = joined (rapport_csv_reader_get_header (reader));
      g_assert_cmpint (rapport_csv_reader_get_delimiter (reader), ==, cases[i].delimiter);
      g_assert_cmpuint (rapport_csv_reader_get_header_line (reader), ==, cases[i].header_line);
      g_assert_cmpstr (header, ==, cases[i].header);
    }
}

/* A separator given wins over the guess. */
static void
test_delimiter_given (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCsvReader) reader = open_corpus ("semicolon.csv", NULL, ',', &error);
  g_autofree char *records = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (rapport_csv_reader_get_delimiter (reader), ==, ',');
  records = read_all (reader);
  /* The quote is not at a field's start any more: it is kept. */
  g_assert_cmpstr (records, ==, "2:Jan de Vries;jan@example.nl;\"Likes; semicolons| and commas\"\n"
                                "3:Piet Jansen;piet@example.nl;\n");
}

/* LF, CRLF and CR alone end lines; empty lines are skipped but counted. */
static void
test_line_ends (void)
{
  const char text[] = "a,b\r\n1,2\n\n3,4\r5,6\r\n\r\n7,\"8\"";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCsvReader) reader = open_text (text, strlen (text), NULL, &error);
  g_autofree char *records = NULL;

  g_assert_no_error (error);
  records = read_all (reader);
  g_assert_cmpstr (records, ==, "2:1|2\n4:3|4\n5:5|6\n7:7|8\n");
}

/* Quotes: doubled inside, text after a closing quote kept, a quote inside
 * an unquoted field kept, an empty quoted field. */
static void
test_quotes (void)
{
  const char text[] = "a,b,c\n\"x\"\"y\",ab\"c,\"\"\n\"q\"tail,,\"\n\"\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCsvReader) reader = open_text (text, strlen (text), NULL, &error);
  g_autofree char *records = NULL;

  g_assert_no_error (error);
  records = read_all (reader);
  g_assert_cmpstr (records, ==, "2:x\"y|ab\"c|\n3:qtail||\n\n");
}

static void
expect_error (const char *text,
              gsize       len,
              const char *encoding,
              gboolean    at_open,
              const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCsvReader) reader = open_text (text, len, encoding, &error);

  if (!at_open)
    {
      g_assert_no_error (error);
      while (rapport_csv_reader_next (reader, NULL, NULL, &error))
        ;
    }
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_errors (void)
{
  const char nul[] = "a,b\n1,2\nx\0y,3\n";

  expect_error ("a,b\n1,2\n3,\"open\n\nstill open", 27, NULL, FALSE, "line 3");
  expect_error ("a,b\n1,2\n\xff\xfe,3\n", 13, NULL, FALSE, "Line 3");
  expect_error (nul, sizeof nul - 1, NULL, FALSE, "Line 3");
  expect_error ("a,b\n", 4, "NO-SUCH-ENCODING", TRUE, "NO-SUCH-ENCODING");
  expect_error ("", 0, NULL, TRUE, "empty");
  expect_error ("\n\n\n", 3, NULL, TRUE, "empty");
  /* "\x81" is not a character of Windows-1252 (nor is "\x82\xa0" of
   * Shift_JIS): the line it was met on is named. */
  expect_error ("a,b\n1,2\n\x81\x20,3\n", 13, "SHIFT_JIS", FALSE, "Line 3");
}

/* Fields and records across the 64 KiB buffer's refills, a long quoted
 * field with line breaks, and no cap on the number of rows. */
static void
test_large (void)
{
  g_autoptr(GString) text = g_string_new ("id;note\n");
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCsvReader) reader = NULL;
  GPtrArray *fields;
  guint line, n = 0;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (big, i % 1000 == 999 ? '\n' : 'a' + i % 26);
  g_string_append_printf (text, "0;\"%s\"\n", big->str);
  for (guint i = 1; i <= 150000; i++)
    g_string_append_printf (text, "%u;row %u\r\n", i, i);

  reader = open_text (text->str, text->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_csv_reader_get_delimiter (reader), ==, ';');

  g_assert_true (rapport_csv_reader_next (reader, &fields, &line, &error));
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpstr (fields->pdata[1], ==, big->str);
  while (rapport_csv_reader_next (reader, &fields, &line, &error))
    {
      g_autofree char *expected = g_strdup_printf ("row %u", ++n);

      g_assert_cmpstr (fields->pdata[1], ==, expected);
      g_assert_cmpuint (line, ==, 2 + 200 + n);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 150000);
}

/* A field over 1 MiB (an unclosed quote, most often) is refused. */
static void
test_field_too_long (void)
{
  gsize len = RAPPORT_CSV_MAX_FIELD + 100;
  g_autofree char *text = g_malloc (len);

  memcpy (text, "a\n\"", 3);
  memset (text + 3, 'x', len - 3);
  expect_error (text, len, NULL, FALSE, "1 MiB");
}

static void
test_guess_fields (void)
{
  static const struct { const char *header; RapportImportField field; } cases[] = {
    { "Given Name", RAPPORT_IMPORT_FIELD_FIRST_NAME },
    { "Family Name", RAPPORT_IMPORT_FIELD_LAST_NAME },
    { "E-mail 1 - Value", RAPPORT_IMPORT_FIELD_EMAIL },
    { "Phone Number", RAPPORT_IMPORT_FIELD_PHONE },
    { "Company Name", RAPPORT_IMPORT_FIELD_ORGANIZATION },
    { "Person - Name", RAPPORT_IMPORT_FIELD_NAME },
    { "Person - Email", RAPPORT_IMPORT_FIELD_EMAIL },
    { "Organization - Name", RAPPORT_IMPORT_FIELD_ORGANIZATION },
    { "NAME", RAPPORT_IMPORT_FIELD_NAME },
    { "EMAIL", RAPPORT_IMPORT_FIELD_EMAIL },
    { "ACCOUNT NAME", RAPPORT_IMPORT_FIELD_ORGANIZATION },
    { "E-mail Address", RAPPORT_IMPORT_FIELD_EMAIL },
    { "Email Address", RAPPORT_IMPORT_FIELD_EMAIL },
    { " company ", RAPPORT_IMPORT_FIELD_ORGANIZATION },
    { "Position", RAPPORT_IMPORT_FIELD_TITLE },
    { "Connected On", RAPPORT_IMPORT_FIELD_CREATED_AT },
    { "Favourite colour", RAPPORT_IMPORT_FIELD_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (rapport_import_guess_field (cases[i].header), ==, cases[i].field);
}

static void
test_parse_map (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) map = rapport_import_parse_map ("Mail=email, Full Name = name,Junk=ignore", &error);
  GHashTable *bad;

  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (map), ==, 3);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (map, "mail")), ==, RAPPORT_IMPORT_FIELD_EMAIL);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (map, "full name")), ==, RAPPORT_IMPORT_FIELD_NAME);
  g_assert_true (g_hash_table_contains (map, "junk"));

  bad = rapport_import_parse_map ("Mail=mailbox", &error);
  g_assert_null (bad);
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  bad = rapport_import_parse_map ("Mail", &error);
  g_assert_null (bad);
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
}

static void
test_dates (void)
{
  static const struct { const char *text; RapportDateOrder order; const char *expected; } cases[] = {
    { "2024-03-12", RAPPORT_DATE_ORDER_GUESS, "2024-03-12T00:00:00Z" },
    { "2024-03-12T09:14:00Z", RAPPORT_DATE_ORDER_GUESS, "2024-03-12T09:14:00Z" },
    { "2024-03-12T09:14:00+02:00", RAPPORT_DATE_ORDER_GUESS, "2024-03-12T07:14:00Z" },
    { "2024-03-12 09:14", RAPPORT_DATE_ORDER_GUESS, "2024-03-12T09:14:00Z" },
    { "2024-03-12 09:14:30", RAPPORT_DATE_ORDER_GUESS, "2024-03-12T09:14:30Z" },
    { "12/03/2024", RAPPORT_DATE_ORDER_DMY, "2024-03-12T00:00:00Z" },
    { "12/03/2024", RAPPORT_DATE_ORDER_MDY, "2024-12-03T00:00:00Z" },
    { "12.03.2024", RAPPORT_DATE_ORDER_DMY, "2024-03-12T00:00:00Z" },
    { "13/03/2024", RAPPORT_DATE_ORDER_GUESS, "2024-03-13T00:00:00Z" },
    { "03/13/2024 2:05 PM", RAPPORT_DATE_ORDER_GUESS, "2024-03-13T14:05:00Z" },
    { "2024/03/12", RAPPORT_DATE_ORDER_YMD, "2024-03-12T00:00:00Z" },
    { "12 Mar 2024", RAPPORT_DATE_ORDER_GUESS, "2024-03-12T00:00:00Z" },
    { "12 March 2024 10:00", RAPPORT_DATE_ORDER_GUESS, "2024-03-12T10:00:00Z" },
    { "Mar 12, 2024", RAPPORT_DATE_ORDER_GUESS, "2024-03-12T00:00:00Z" },
    { "29 Feb 2024", RAPPORT_DATE_ORDER_GUESS, "2024-02-29T00:00:00Z" },
  };
  static const struct { const char *text; RapportDateOrder order; } bad[] = {
    { "12/03/2024", RAPPORT_DATE_ORDER_GUESS },   /* either way round */
    { "12/03/2024", RAPPORT_DATE_ORDER_YMD },
    { "31/31/2024", RAPPORT_DATE_ORDER_DMY },
    { "29 Feb 2023", RAPPORT_DATE_ORDER_GUESS },
    { "2024-03-12 25:00", RAPPORT_DATE_ORDER_GUESS },
    { "12 Foo 2024", RAPPORT_DATE_ORDER_GUESS },
    { "yesterday", RAPPORT_DATE_ORDER_GUESS },
    { "2024", RAPPORT_DATE_ORDER_GUESS },
    { "1/2/3/4/5/6/7/8/9", RAPPORT_DATE_ORDER_GUESS },
    { "", RAPPORT_DATE_ORDER_GUESS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) when = NULL;
      g_autofree char *text = NULL;
      gint64 seconds = 0;

      g_assert_true (rapport_import_parse_date (cases[i].text, cases[i].order, &seconds, &error));
      g_assert_no_error (error);
      when = g_date_time_new_from_unix_utc (seconds);
      text = g_date_time_format (when, "%FT%TZ");
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 seconds;

      g_assert_false (rapport_import_parse_date (bad[i].text, bad[i].order, &seconds, &error));
      g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
    }
}

/* The store's side: rows written in one transaction, notices only after
 * a commit, nothing left after a dry run or a bad row. */
typedef struct
{
  guint    next;
  gboolean last_is_bad;
} Rows;

static void
on_notice (RapportStore        *store,
           const RapportNotice *notice,
           gpointer             user_data)
{
  guint *n = user_data;

  (*n)++;
}

static RapportImportNext
three_rows (gpointer           user_data,
            RapportImportRow  *row,
            GError           **error)
{
  static const char * const names[] = { "Ada", "Bea", "Cy" };
  static const char * const orgs[] = { "Énergie", "ÉNERGIE", NULL };
  Rows *rows = user_data;
  guint i = rows->next++;

  if (i == 3)
    return RAPPORT_IMPORT_NEXT_END;
  if (i == 2 && rows->last_is_bad)
    return RAPPORT_IMPORT_NEXT_BAD;
  row->line = 2 + i;
  row->name = names[i];
  row->organization = orgs[i];
  row->note = i == 0 ? "A first note\non two lines" : NULL;
  return RAPPORT_IMPORT_NEXT_ROW;
}

static guint
n_items (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  g_object_unref (model);
  return n;
}

/* Plain SQLite, not the model: what is really in the file. */
static gint64
count_rows (RapportStore *store,
            const char   *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (rapport_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_store_import (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(GError) error = NULL;
  RapportImportCounts counts;
  Rows rows = { 0, TRUE };
  guint notices = 0;

  g_signal_connect (store, "notice", G_CALLBACK (on_notice), &notices);

  /* A bad row: nothing stored, no notice. */
  g_assert_true (rapport_store_import (store, RAPPORT_IMPORT_CONTACTS, RAPPORT_IMPORT_DEFAULT,
                                       three_rows, &rows, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.rows, ==, 3);
  g_assert_cmpuint (counts.bad, ==, 1);
  g_assert_cmpuint (counts.created, ==, 0);
  g_assert_cmpuint (n_items (rapport_store_get_contacts (store)), ==, 0);
  g_assert_cmpuint (n_items (rapport_store_get_organizations (store)), ==, 0);
  g_assert_cmpuint (notices, ==, 0);

  /* A dry run: what would be done, nothing stored. */
  rows = (Rows) { 0, FALSE };
  g_assert_true (rapport_store_import (store, RAPPORT_IMPORT_CONTACTS, RAPPORT_IMPORT_DRY_RUN,
                                       three_rows, &rows, &counts, &error));
  g_assert_cmpuint (counts.created, ==, 3);
  g_assert_cmpuint (counts.organizations_created, ==, 1);
  g_assert_cmpuint (n_items (rapport_store_get_contacts (store)), ==, 0);
  g_assert_cmpuint (notices, ==, 0);

  /* For real, skipping the bad row: one organization for both spellings
   * (folded case), a note, notices after the commit. */
  rows = (Rows) { 0, TRUE };
  g_assert_true (rapport_store_import (store, RAPPORT_IMPORT_CONTACTS, RAPPORT_IMPORT_SKIP_BAD_ROWS,
                                       three_rows, &rows, &counts, &error));
  g_assert_cmpuint (counts.created, ==, 2);
  g_assert_cmpuint (counts.skipped, ==, 1);
  g_assert_cmpuint (counts.organizations_created, ==, 1);
  g_assert_cmpuint (n_items (rapport_store_get_contacts (store)), ==, 2);
  g_assert_cmpuint (n_items (rapport_store_get_organizations (store)), ==, 1);
  g_assert_cmpuint (notices, >, 0);
  g_assert_nonnull (counts.undo);
  g_clear_pointer (&counts.undo, rapport_import_undo_free);

  /* Organizations already there are skipped, in any case. */
  rows = (Rows) { 0, FALSE };
  g_assert_true (rapport_store_import (store, RAPPORT_IMPORT_ORGANIZATIONS, RAPPORT_IMPORT_DEFAULT,
                                       three_rows, &rows, &counts, &error));
  g_assert_no_error (error);
  /* "Ada", "Bea" and "Cy" as organization names: all new. */
  g_assert_cmpuint (counts.created, ==, 3);
  g_clear_pointer (&counts.undo, rapport_import_undo_free);
  rows = (Rows) { 0, FALSE };
  g_assert_true (rapport_store_import (store, RAPPORT_IMPORT_ORGANIZATIONS, RAPPORT_IMPORT_DEFAULT,
                                       three_rows, &rows, &counts, &error));
  g_assert_cmpuint (counts.created, ==, 0);
  g_assert_cmpuint (counts.skipped, ==, 3);
  g_assert_null (counts.undo);
  g_assert_cmpuint (n_items (rapport_store_get_organizations (store)), ==, 4);

  g_clear_object (&store);
  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* More rows than one staging batch: every contact in file order, each
 * note on its own contact. */
static RapportImportNext
many_rows (gpointer           user_data,
           RapportImportRow  *row,
           GError           **error)
{
  static char name[32], note[32];
  guint *i = user_data;

  if (*i == 20000)
    return RAPPORT_IMPORT_NEXT_END;
  g_snprintf (name, sizeof name, "Person %u", *i);
  g_snprintf (note, sizeof note, "Note %u", *i);
  row->line = 2 + *i;
  row->name = name;
  row->note = *i % 1000 == 999 ? note : NULL;
  (*i)++;
  return RAPPORT_IMPORT_NEXT_ROW;
}

static void
test_store_import_batches (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContact) before = NULL;
  RapportImportCounts counts;
  RapportContactFields fields = { .name = "Before", .lifecycle = RAPPORT_LIFECYCLE_CONTACT };
  guint i = 0;

  before = rapport_store_add_contact (store, &fields, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_store_import (store, RAPPORT_IMPORT_CONTACTS, RAPPORT_IMPORT_DEFAULT,
                                       many_rows, &i, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.created, ==, 20000);
  g_assert_cmpuint (n_items (rapport_store_get_contacts (store)), ==, 20001);
  g_assert_nonnull (counts.undo);

  for (guint k = 999; k < 20000; k += 5000)
    {
      gint64 id = rapport_record_get_id (RAPPORT_RECORD (before)) + 1 + k;
      g_autoptr(RapportContact) contact = rapport_store_get_contact (store, id, &error);
      g_autoptr(GListModel) notes = NULL;
      g_autoptr(RapportNote) note = NULL;
      g_autofree char *name = g_strdup_printf ("Person %u", k);
      g_autofree char *body = g_strdup_printf ("Note %u", k);

      g_assert_no_error (error);
      g_assert_cmpstr (rapport_contact_get_name (contact), ==, name);
      notes = rapport_store_get_contact_notes (store, id);
      g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
      note = g_list_model_get_item (notes, 0);
      g_assert_cmpstr (rapport_note_get_body (note), ==, body);
    }

  /* Undone as a whole: every batch's contacts and their notes go, the
   * contact from before stays. */
  g_assert_true (rapport_store_undo_import (store, counts.undo, &error));
  g_assert_no_error (error);
  g_clear_pointer (&counts.undo, rapport_import_undo_free);
  g_assert_cmpuint (n_items (rapport_store_get_contacts (store)), ==, 1);
  g_assert_cmpstr (rapport_contact_get_name (before), ==, "Before");
  g_assert_cmpint (count_rows (store, "note"), ==, 0);

  g_clear_object (&store);
  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A deals file in and out again: the deals, their new contacts and
 * organizations, the notes and the stage history all go; what was there
 * before stays. */
static void
test_store_import_deals_undo (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RapportStore) store = rapport_test_store_new (&dir, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCsvReader) reader = open_corpus ("deals-pipedrive.csv", NULL, 0, &error);
  g_autoptr(RapportContact) before = NULL;
  RapportContactFields fields = { .name = "Before", .lifecycle = RAPPORT_LIFECYCLE_CONTACT };
  RapportCsvImportOptions options = { .kind = RAPPORT_IMPORT_DEALS };
  g_auto(RapportImportReport) report = { { 0, }, NULL, NULL };
  gint64 history;

  g_assert_no_error (error);
  before = rapport_store_add_contact (store, &fields, &error);
  g_assert_no_error (error);
  history = count_rows (store, "stage_change");
  rapport_store_set_now (store, 1774000000);  /* 2026-03-20 */

  g_assert_true (rapport_import_csv (store, reader, &options, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.counts.created, ==, 4);
  g_assert_cmpint (count_rows (store, "deal"), ==, 4);
  g_assert_cmpint (count_rows (store, "contact"), ==, 3);
  g_assert_cmpint (count_rows (store, "organization"), ==, 2);
  /* Created in its stage, then closed for the won and the lost one. */
  g_assert_cmpint (count_rows (store, "stage_change"), ==, history + 6);
  g_assert_nonnull (report.counts.undo);

  g_assert_true (rapport_store_undo_import (store, report.counts.undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "deal"), ==, 0);
  g_assert_cmpint (count_rows (store, "contact"), ==, 1);
  g_assert_cmpint (count_rows (store, "organization"), ==, 0);
  g_assert_cmpint (count_rows (store, "stage_change"), ==, history);
  g_assert_cmpuint (n_items (rapport_store_get_contacts (store)), ==, 1);

  g_clear_object (&store);
  rapport_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv-reader/corpus/%s", corpus[i].file);

      g_test_add_data_func (path, &corpus[i], test_corpus);
    }
  g_test_add_func ("/csv-reader/guess-rules", test_guess_rules);
  g_test_add_func ("/csv-reader/delimiter-given", test_delimiter_given);
  g_test_add_func ("/csv-reader/line-ends", test_line_ends);
  g_test_add_func ("/csv-reader/quotes", test_quotes);
  g_test_add_func ("/csv-reader/errors", test_errors);
  g_test_add_func ("/csv-reader/large", test_large);
  g_test_add_func ("/csv-reader/field-too-long", test_field_too_long);
  g_test_add_func ("/import/guess-fields", test_guess_fields);
  g_test_add_func ("/import/parse-map", test_parse_map);
  g_test_add_func ("/import/dates", test_dates);
  g_test_add_func ("/import/store", test_store_import);
  g_test_add_func ("/import/store-batches", test_store_import_batches);
  g_test_add_func ("/import/store-deals-undo", test_store_import_deals_undo);

  return g_test_run ();
}
