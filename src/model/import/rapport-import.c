/* rapport-import.c — column headers to fields, and dates as exports write
 * them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-import.h"
#include "rapport-error.h"
#include "rapport-money.h"
#include "rapport-time.h"
#include "rapport-validate.h"

static const char * const field_names[RAPPORT_IMPORT_N_FIELDS] = {
  [RAPPORT_IMPORT_FIELD_NONE] = "ignore",
  [RAPPORT_IMPORT_FIELD_NAME] = "name",
  [RAPPORT_IMPORT_FIELD_FIRST_NAME] = "first_name",
  [RAPPORT_IMPORT_FIELD_LAST_NAME] = "last_name",
  [RAPPORT_IMPORT_FIELD_EMAIL] = "email",
  [RAPPORT_IMPORT_FIELD_PHONE] = "phone",
  [RAPPORT_IMPORT_FIELD_ORGANIZATION] = "organization",
  [RAPPORT_IMPORT_FIELD_TITLE] = "title",
  [RAPPORT_IMPORT_FIELD_OWNER] = "owner",
  [RAPPORT_IMPORT_FIELD_CREATED_AT] = "created_at",
  [RAPPORT_IMPORT_FIELD_SOURCE] = "source",
  [RAPPORT_IMPORT_FIELD_NOTE] = "note",
  [RAPPORT_IMPORT_FIELD_EXTERNAL_ID] = "external_id",
  [RAPPORT_IMPORT_FIELD_VALUE] = "value",
  [RAPPORT_IMPORT_FIELD_CURRENCY] = "currency",
  [RAPPORT_IMPORT_FIELD_STAGE] = "stage",
  [RAPPORT_IMPORT_FIELD_STATUS] = "status",
  [RAPPORT_IMPORT_FIELD_CONTACT] = "contact",
  [RAPPORT_IMPORT_FIELD_CLOSE_DATE] = "close_date",
  [RAPPORT_IMPORT_FIELD_LOST_REASON] = "lost_reason",
  [RAPPORT_IMPORT_FIELD_ADDRESS] = "address",
  [RAPPORT_IMPORT_FIELD_BIRTHDAY] = "birthday",
  [RAPPORT_IMPORT_FIELD_INDUSTRY] = "industry",
  [RAPPORT_IMPORT_FIELD_SIZE] = "size",
  [RAPPORT_IMPORT_FIELD_TAGS] = "tags",
};

/* The headers of deals files (Pipedrive's "Deal - …", HubSpot's, and
 * Salesforce's opportunities), looked up before the others when the rows
 * are deals. */
static const struct
{
  const char         *header;
  RapportImportField  field;
} deal_headers[] = {
  { "name", RAPPORT_IMPORT_FIELD_NAME },
  { "title", RAPPORT_IMPORT_FIELD_NAME },
  { "deal", RAPPORT_IMPORT_FIELD_NAME },
  { "deal name", RAPPORT_IMPORT_FIELD_NAME },
  { "deal title", RAPPORT_IMPORT_FIELD_NAME },
  { "deal - title", RAPPORT_IMPORT_FIELD_NAME },
  { "opportunity name", RAPPORT_IMPORT_FIELD_NAME },
  { "value", RAPPORT_IMPORT_FIELD_VALUE },
  { "amount", RAPPORT_IMPORT_FIELD_VALUE },
  { "deal value", RAPPORT_IMPORT_FIELD_VALUE },
  { "deal - value", RAPPORT_IMPORT_FIELD_VALUE },
  { "opportunity amount", RAPPORT_IMPORT_FIELD_VALUE },
  { "currency", RAPPORT_IMPORT_FIELD_CURRENCY },
  { "currency code", RAPPORT_IMPORT_FIELD_CURRENCY },
  { "currencyisocode", RAPPORT_IMPORT_FIELD_CURRENCY },
  { "deal - currency", RAPPORT_IMPORT_FIELD_CURRENCY },
  { "stage", RAPPORT_IMPORT_FIELD_STAGE },
  { "stagename", RAPPORT_IMPORT_FIELD_STAGE },
  { "stage name", RAPPORT_IMPORT_FIELD_STAGE },
  { "deal stage", RAPPORT_IMPORT_FIELD_STAGE },
  { "deal - stage", RAPPORT_IMPORT_FIELD_STAGE },
  { "pipeline stage", RAPPORT_IMPORT_FIELD_STAGE },
  { "status", RAPPORT_IMPORT_FIELD_STATUS },
  { "deal status", RAPPORT_IMPORT_FIELD_STATUS },
  { "deal - status", RAPPORT_IMPORT_FIELD_STATUS },
  { "contact", RAPPORT_IMPORT_FIELD_CONTACT },
  { "contact name", RAPPORT_IMPORT_FIELD_CONTACT },
  { "person", RAPPORT_IMPORT_FIELD_CONTACT },
  { "person - name", RAPPORT_IMPORT_FIELD_CONTACT },
  { "deal - contact person", RAPPORT_IMPORT_FIELD_CONTACT },
  { "associated contact", RAPPORT_IMPORT_FIELD_CONTACT },
  { "contact email", RAPPORT_IMPORT_FIELD_EMAIL },
  { "close date", RAPPORT_IMPORT_FIELD_CLOSE_DATE },
  { "closedate", RAPPORT_IMPORT_FIELD_CLOSE_DATE },
  { "closed date", RAPPORT_IMPORT_FIELD_CLOSE_DATE },
  { "expected close date", RAPPORT_IMPORT_FIELD_CLOSE_DATE },
  { "deal - expected close date", RAPPORT_IMPORT_FIELD_CLOSE_DATE },
  { "deal - deal closed on", RAPPORT_IMPORT_FIELD_CLOSE_DATE },
  { "lost reason", RAPPORT_IMPORT_FIELD_LOST_REASON },
  { "loss reason", RAPPORT_IMPORT_FIELD_LOST_REASON },
  { "closed lost reason", RAPPORT_IMPORT_FIELD_LOST_REASON },
  { "deal - lost reason", RAPPORT_IMPORT_FIELD_LOST_REASON },
  { "deal owner", RAPPORT_IMPORT_FIELD_OWNER },
  { "deal - owner", RAPPORT_IMPORT_FIELD_OWNER },
  { "opportunity owner", RAPPORT_IMPORT_FIELD_OWNER },
  { "deal - organization", RAPPORT_IMPORT_FIELD_ORGANIZATION },
  { "deal - deal created", RAPPORT_IMPORT_FIELD_CREATED_AT },
  { "createddate", RAPPORT_IMPORT_FIELD_CREATED_AT },
  { "deal - source", RAPPORT_IMPORT_FIELD_SOURCE },
  { "deal - id", RAPPORT_IMPORT_FIELD_EXTERNAL_ID },
  { "opportunity id", RAPPORT_IMPORT_FIELD_EXTERNAL_ID },
  { "deal id", RAPPORT_IMPORT_FIELD_EXTERNAL_ID },
};

/* Headers of the usual exports, folded: Google Contacts, Outlook,
 * Thunderbird, HubSpot, Pipedrive ("Person - …", "Organization - …"),
 * Salesforce (upper case, folded here) and LinkedIn. */
static const struct
{
  const char         *header;
  RapportImportField  field;
} known_headers[] = {
  { "street address", RAPPORT_IMPORT_FIELD_ADDRESS },
  { "postal address", RAPPORT_IMPORT_FIELD_ADDRESS },
  { "mailing address", RAPPORT_IMPORT_FIELD_ADDRESS },
  { "date of birth", RAPPORT_IMPORT_FIELD_BIRTHDAY },
  { "employees", RAPPORT_IMPORT_FIELD_SIZE },
  { "number of employees", RAPPORT_IMPORT_FIELD_SIZE },
  { "labels", RAPPORT_IMPORT_FIELD_TAGS },
  { "categories", RAPPORT_IMPORT_FIELD_TAGS },
  { "name", RAPPORT_IMPORT_FIELD_NAME },
  { "full name", RAPPORT_IMPORT_FIELD_NAME },
  { "display name", RAPPORT_IMPORT_FIELD_NAME },
  { "contact name", RAPPORT_IMPORT_FIELD_NAME },
  { "person - name", RAPPORT_IMPORT_FIELD_NAME },
  { "organization name", RAPPORT_IMPORT_FIELD_ORGANIZATION },
  { "first name", RAPPORT_IMPORT_FIELD_FIRST_NAME },
  { "firstname", RAPPORT_IMPORT_FIELD_FIRST_NAME },
  { "given name", RAPPORT_IMPORT_FIELD_FIRST_NAME },
  { "person - first name", RAPPORT_IMPORT_FIELD_FIRST_NAME },
  { "last name", RAPPORT_IMPORT_FIELD_LAST_NAME },
  { "lastname", RAPPORT_IMPORT_FIELD_LAST_NAME },
  { "family name", RAPPORT_IMPORT_FIELD_LAST_NAME },
  { "surname", RAPPORT_IMPORT_FIELD_LAST_NAME },
  { "person - last name", RAPPORT_IMPORT_FIELD_LAST_NAME },
  { "email", RAPPORT_IMPORT_FIELD_EMAIL },
  { "e-mail", RAPPORT_IMPORT_FIELD_EMAIL },
  { "email address", RAPPORT_IMPORT_FIELD_EMAIL },
  { "e-mail address", RAPPORT_IMPORT_FIELD_EMAIL },
  { "primary email", RAPPORT_IMPORT_FIELD_EMAIL },
  { "work email", RAPPORT_IMPORT_FIELD_EMAIL },
  { "e-mail 1 - value", RAPPORT_IMPORT_FIELD_EMAIL },
  { "email 1", RAPPORT_IMPORT_FIELD_EMAIL },
  { "person - email", RAPPORT_IMPORT_FIELD_EMAIL },
  { "phone", RAPPORT_IMPORT_FIELD_PHONE },
  { "phone number", RAPPORT_IMPORT_FIELD_PHONE },
  { "telephone", RAPPORT_IMPORT_FIELD_PHONE },
  { "mobile", RAPPORT_IMPORT_FIELD_PHONE },
  { "mobile phone", RAPPORT_IMPORT_FIELD_PHONE },
  { "business phone", RAPPORT_IMPORT_FIELD_PHONE },
  { "primary phone", RAPPORT_IMPORT_FIELD_PHONE },
  { "work phone", RAPPORT_IMPORT_FIELD_PHONE },
  { "phone 1 - value", RAPPORT_IMPORT_FIELD_PHONE },
  { "person - phone", RAPPORT_IMPORT_FIELD_PHONE },
  { "organization", RAPPORT_IMPORT_FIELD_ORGANIZATION },
  { "organisation", RAPPORT_IMPORT_FIELD_ORGANIZATION },
  { "company", RAPPORT_IMPORT_FIELD_ORGANIZATION },
  { "company name", RAPPORT_IMPORT_FIELD_ORGANIZATION },
  { "account name", RAPPORT_IMPORT_FIELD_ORGANIZATION },
  { "organization - name", RAPPORT_IMPORT_FIELD_ORGANIZATION },
  { "organization 1 - name", RAPPORT_IMPORT_FIELD_ORGANIZATION },
  { "person - organization", RAPPORT_IMPORT_FIELD_ORGANIZATION },
  { "title", RAPPORT_IMPORT_FIELD_TITLE },
  { "job title", RAPPORT_IMPORT_FIELD_TITLE },
  { "position", RAPPORT_IMPORT_FIELD_TITLE },
  { "organization 1 - title", RAPPORT_IMPORT_FIELD_TITLE },
  { "person - job title", RAPPORT_IMPORT_FIELD_TITLE },
  { "owner", RAPPORT_IMPORT_FIELD_OWNER },
  { "contact owner", RAPPORT_IMPORT_FIELD_OWNER },
  { "record owner", RAPPORT_IMPORT_FIELD_OWNER },
  { "person - owner", RAPPORT_IMPORT_FIELD_OWNER },
  { "created", RAPPORT_IMPORT_FIELD_CREATED_AT },
  { "created at", RAPPORT_IMPORT_FIELD_CREATED_AT },
  { "created date", RAPPORT_IMPORT_FIELD_CREATED_AT },
  { "create date", RAPPORT_IMPORT_FIELD_CREATED_AT },
  { "created on", RAPPORT_IMPORT_FIELD_CREATED_AT },
  { "date created", RAPPORT_IMPORT_FIELD_CREATED_AT },
  { "connected on", RAPPORT_IMPORT_FIELD_CREATED_AT },
  { "person - person created", RAPPORT_IMPORT_FIELD_CREATED_AT },
  { "source", RAPPORT_IMPORT_FIELD_SOURCE },
  { "lead source", RAPPORT_IMPORT_FIELD_SOURCE },
  { "original source", RAPPORT_IMPORT_FIELD_SOURCE },
  { "person - source", RAPPORT_IMPORT_FIELD_SOURCE },
  { "note", RAPPORT_IMPORT_FIELD_NOTE },
  { "notes", RAPPORT_IMPORT_FIELD_NOTE },
  { "description", RAPPORT_IMPORT_FIELD_NOTE },
  { "comments", RAPPORT_IMPORT_FIELD_NOTE },
  { "id", RAPPORT_IMPORT_FIELD_EXTERNAL_ID },
  { "record id", RAPPORT_IMPORT_FIELD_EXTERNAL_ID },
  { "external id", RAPPORT_IMPORT_FIELD_EXTERNAL_ID },
  { "contact id", RAPPORT_IMPORT_FIELD_EXTERNAL_ID },
  { "person - id", RAPPORT_IMPORT_FIELD_EXTERNAL_ID },
};

gboolean
rapport_import_field_parse (const char         *name,
                            RapportImportField *field)
{
  for (guint i = 0; i < RAPPORT_IMPORT_N_FIELDS; i++)
    if (g_ascii_strcasecmp (name, field_names[i]) == 0)
      {
        *field = i;
        return TRUE;
      }
  if (name[0] == '\0')
    {
      *field = RAPPORT_IMPORT_FIELD_NONE;
      return TRUE;
    }
  return FALSE;
}

char *
rapport_import_custom_header (const char *header)
{
  g_autofree char *stripped = g_strstrip (g_strdup (header != NULL ? header : ""));

  if (g_ascii_strncasecmp (stripped, "field:", 6) != 0)
    return NULL;
  g_strstrip (stripped + 6);
  return stripped[6] != '\0' ? g_strdup (stripped + 6) : NULL;
}

const char *
rapport_import_field_name (RapportImportField field)
{
  g_return_val_if_fail (field < RAPPORT_IMPORT_N_FIELDS, NULL);

  return field_names[field];
}

/* Headers compare in folded case, outer spaces trimmed. */
char *
rapport_import_fold_header (const char *header)
{
  g_autofree char *stripped = g_strstrip (g_strdup (header));

  return g_utf8_casefold (stripped, -1);
}

RapportImportField
rapport_import_guess_field (const char *header)
{
  g_autofree char *folded = rapport_import_fold_header (header);

  for (guint i = 0; i < G_N_ELEMENTS (known_headers); i++)
    if (g_str_equal (folded, known_headers[i].header))
      return known_headers[i].field;
  return RAPPORT_IMPORT_FIELD_NONE;
}

RapportImportField
rapport_import_guess_field_for (RapportImportKind  kind,
                                const char        *header)
{
  g_autofree char *folded = rapport_import_fold_header (header);
  RapportImportField field;

  /* The fields' own names first: what `export --format csv` writes. (A
   * deal has no job title: its "Title" is its name, below.) */
  if (*folded != '\0' && rapport_import_field_parse (folded, &field) && field != RAPPORT_IMPORT_FIELD_NONE &&
      !(kind == RAPPORT_IMPORT_DEALS && field == RAPPORT_IMPORT_FIELD_TITLE))
    return field;
  if (kind != RAPPORT_IMPORT_DEALS)
    return rapport_import_guess_field (header);

  for (guint i = 0; i < G_N_ELEMENTS (deal_headers); i++)
    if (g_str_equal (folded, deal_headers[i].header))
      return deal_headers[i].field;
  return rapport_import_guess_field (header);
}

RapportImportKind
rapport_import_guess_kind (GPtrArray *header)
{
  guint deal_fields = 0;

  for (guint i = 0; i < header->len; i++)
    switch (rapport_import_guess_field_for (RAPPORT_IMPORT_DEALS, header->pdata[i]))
      {
      case RAPPORT_IMPORT_FIELD_VALUE:
      case RAPPORT_IMPORT_FIELD_CURRENCY:
      case RAPPORT_IMPORT_FIELD_STAGE:
      case RAPPORT_IMPORT_FIELD_STATUS:
      case RAPPORT_IMPORT_FIELD_CLOSE_DATE:
      case RAPPORT_IMPORT_FIELD_LOST_REASON:
        deal_fields++;
        break;
      default:
        break;
      }
  return deal_fields >= 2 ? RAPPORT_IMPORT_DEALS : RAPPORT_IMPORT_CONTACTS;
}

gboolean
rapport_import_parse_status (const char        *text,
                             RapportDealStatus *status)
{
  static const struct
  {
    const char        *word;
    RapportDealStatus  status;
  } words[] = {
    { "open", RAPPORT_DEAL_STATUS_OPEN },
    { "in progress", RAPPORT_DEAL_STATUS_OPEN },
    { "active", RAPPORT_DEAL_STATUS_OPEN },
    { "won", RAPPORT_DEAL_STATUS_WON },
    { "closed won", RAPPORT_DEAL_STATUS_WON },
    { "closedwon", RAPPORT_DEAL_STATUS_WON },
    { "closed - won", RAPPORT_DEAL_STATUS_WON },
    { "lost", RAPPORT_DEAL_STATUS_LOST },
    { "closed lost", RAPPORT_DEAL_STATUS_LOST },
    { "closedlost", RAPPORT_DEAL_STATUS_LOST },
    { "closed - lost", RAPPORT_DEAL_STATUS_LOST },
  };
  g_autofree char *folded = rapport_import_fold_header (text);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (folded, words[i].word))
      {
        *status = words[i].status;
        return TRUE;
      }
  return FALSE;
}

gboolean
rapport_import_parse_amount (const char          *text,
                             const char          *currency,
                             RapportDecimalMark   mark,
                             gint64              *minor_units,
                             GError             **error)
{
  g_autoptr(GString) plain = g_string_sized_new (strlen (text));

  /* Into the form rapport_money_parse() reads: "." for decimals, "," for
   * groups; a space or an apostrophe between digits is a group mark. */
  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean between_digits = p > text && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1]);

      if ((*p == ' ' || *p == '\'') && between_digits)
        g_string_append_c (plain, ',');
      else if (g_str_has_prefix (p, "\u00a0") && p > text && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[2]))
        {
          g_string_append_c (plain, ',');
          p++;
        }
      else if (mark == RAPPORT_DECIMAL_COMMA && (*p == ',' || *p == '.'))
        g_string_append_c (plain, *p == ',' ? '.' : ',');
      else
        g_string_append_c (plain, *p);
    }

  if (rapport_money_parse (plain->str, currency, minor_units, NULL))
    return TRUE;

  if (mark == RAPPORT_DECIMAL_COMMA)
    {
      g_autofree char *quoted = rapport_text_quote (text);

      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not an amount with a decimal comma, such as 1.234,50."), quoted);
      return FALSE;
    }
  /* The message quotes the cell as it is in the file. */
  return rapport_money_parse (text, currency, minor_units, error);
}

GHashTable *
rapport_import_parse_map (const char  *text,
                          GError     **error)
{
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) pairs = g_strsplit (text, ",", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *equals = strrchr (pairs[i], '=');
      g_autofree char *field_name = NULL;
      RapportImportField field;

      if (rapport_text_is_invisible (pairs[i]))
        continue;
      if (equals == NULL || equals == pairs[i])
        {
          g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                       _("“%s” is not a mapping: write it as Header=field."), pairs[i]);
          return NULL;
        }
      *equals = '\0';
      field_name = g_strstrip (g_strdup (equals + 1));
      if (!rapport_import_field_parse (field_name, &field))
        {
          g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                       _("“%s” is not a field: use name, first_name, last_name, email, phone, organization, title, owner, created_at, source, note, external_id, value, currency, stage, status, contact, close_date, lost_reason, address, birthday, industry, size, tags or ignore."),
                       field_name);
          return NULL;
        }
      g_hash_table_insert (map, rapport_import_fold_header (pairs[i]), GUINT_TO_POINTER (field));
    }

  return g_steal_pointer (&map);
}

RapportImportProblem *
rapport_import_problem_new (guint       line,
                            const char *column,
                            const char *message)
{
  RapportImportProblem *problem = g_new0 (RapportImportProblem, 1);

  problem->line = line;
  problem->column = g_strdup (column);
  problem->message = g_strdup (message);
  return problem;
}

void
rapport_import_problem_free (RapportImportProblem *problem)
{
  g_free (problem->column);
  g_free (problem->message);
  g_free (problem);
}

/* Dates: the text cut into numbers and words, separators dropped. */
typedef struct
{
  int   number;     /* -1 for a word */
  guint digits;
  int   month;      /* a word's month, 1–12, or 0 */
  char  word[12];
} DateToken;

#define MAX_DATE_TOKENS 8

static int
month_of_word (const char *word)
{
  static const char * const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  };
  static const char * const full[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
  };

  for (guint i = 0; i < 12; i++)
    if (g_ascii_strcasecmp (word, months[i]) == 0 || g_ascii_strcasecmp (word, full[i]) == 0)
      return i + 1;
  if (g_ascii_strcasecmp (word, "sept") == 0)
    return 9;
  return 0;
}

static guint
tokenize_date (const char *text,
               DateToken  *tokens)
{
  guint n = 0;

  for (const char *p = text; *p != '\0';)
    {
      DateToken *token = &tokens[n];
      guint len = 0;

      if (strchr (" ,/.-:", *p) != NULL)
        {
          p++;
          continue;
        }
      if (n == MAX_DATE_TOKENS)
        return MAX_DATE_TOKENS + 1;
      memset (token, 0, sizeof *token);
      if (g_ascii_isdigit (*p))
        {
          for (; g_ascii_isdigit (*p); p++)
            if (++token->digits <= 4)
              token->number = token->number * 10 + (*p - '0');
        }
      else if (g_ascii_isalpha (*p))
        {
          token->number = -1;
          for (; g_ascii_isalpha (*p); p++)
            if (len < sizeof token->word - 1)
              token->word[len++] = *p;
          token->month = month_of_word (token->word);
        }
      else
        return MAX_DATE_TOKENS + 1;
      n++;
    }
  return n;
}

static gboolean
is_number (const DateToken *token,
           guint            min_digits,
           guint            max_digits)
{
  return token->number >= 0 && token->digits >= min_digits && token->digits <= max_digits;
}

/* The day, month and year of the first three tokens. */
static gboolean
date_of_tokens (const DateToken  *t,
                RapportDateOrder  order,
                int              *y,
                int              *m,
                int              *d,
                gboolean         *ambiguous)
{
  *ambiguous = FALSE;
  if (is_number (&t[0], 4, 4) && is_number (&t[1], 1, 2) && is_number (&t[2], 1, 2))
    {
      *y = t[0].number, *m = t[1].number, *d = t[2].number;
      return TRUE;
    }
  if (is_number (&t[0], 1, 2) && t[1].month != 0 && is_number (&t[2], 4, 4))
    {
      *d = t[0].number, *m = t[1].month, *y = t[2].number;
      return TRUE;
    }
  if (t[0].month != 0 && is_number (&t[1], 1, 2) && is_number (&t[2], 4, 4))
    {
      *m = t[0].month, *d = t[1].number, *y = t[2].number;
      return TRUE;
    }
  if (!is_number (&t[0], 1, 2) || !is_number (&t[1], 1, 2) || !is_number (&t[2], 4, 4) ||
      order == RAPPORT_DATE_ORDER_YMD)
    return FALSE;

  *y = t[2].number;
  if (order == RAPPORT_DATE_ORDER_GUESS)
    {
      if (t[0].number > 12)
        order = RAPPORT_DATE_ORDER_DMY;
      else if (t[1].number > 12 || t[0].number == t[1].number)
        order = RAPPORT_DATE_ORDER_MDY;
      else
        {
          *ambiguous = TRUE;
          return FALSE;
        }
    }
  *d = order == RAPPORT_DATE_ORDER_DMY ? t[0].number : t[1].number;
  *m = order == RAPPORT_DATE_ORDER_DMY ? t[1].number : t[0].number;
  return TRUE;
}

/* The time of the tokens after the date: hours and minutes, maybe
 * seconds, maybe AM or PM. */
static gboolean
time_of_tokens (const DateToken *t,
                guint            n,
                int             *h,
                int             *min,
                int             *s)
{
  guint numbers = 0;

  *h = *min = *s = 0;
  for (; numbers < n && numbers < 3 && is_number (&t[numbers], 1, 2); numbers++)
    ;
  if (numbers == 1 || (numbers < n && numbers + 1 != n))
    return FALSE;
  if (numbers >= 2)
    *h = t[0].number, *min = t[1].number;
  if (numbers == 3)
    *s = t[2].number;
  if (numbers < n)
    {
      gboolean pm = g_ascii_strcasecmp (t[numbers].word, "pm") == 0;

      if (numbers == 0 || *h < 1 || *h > 12 ||
          (!pm && g_ascii_strcasecmp (t[numbers].word, "am") != 0))
        return FALSE;
      *h = *h % 12 + (pm ? 12 : 0);
    }
  return *h < 24 && *min < 60 && *s < 60;
}

RapportDateOrder
rapport_import_date_order_hint (const char *text)
{
  DateToken tokens[MAX_DATE_TOKENS];
  guint n = tokenize_date (text, tokens);

  if (n < 3 || n > MAX_DATE_TOKENS || !is_number (&tokens[0], 1, 2) || !is_number (&tokens[1], 1, 2) ||
      !is_number (&tokens[2], 4, 4))
    return RAPPORT_DATE_ORDER_GUESS;
  if (tokens[0].number > 12 && tokens[1].number <= 12)
    return RAPPORT_DATE_ORDER_DMY;
  if (tokens[1].number > 12 && tokens[0].number <= 12)
    return RAPPORT_DATE_ORDER_MDY;
  return RAPPORT_DATE_ORDER_GUESS;
}

gboolean
rapport_import_parse_date (const char        *text,
                           RapportDateOrder   order,
                           gint64            *unix_seconds,
                           GError           **error)
{
  DateToken tokens[MAX_DATE_TOKENS];
  g_autoptr(GDateTime) when = NULL;
  gboolean ambiguous = FALSE;
  int y, m, d, h, min, s;
  guint n;

  if (strchr (text, 'T') != NULL && rapport_time_parse_iso8601 (text, unix_seconds, NULL))
    return TRUE;

  n = tokenize_date (text, tokens);
  if (n >= 3 && n <= MAX_DATE_TOKENS &&
      date_of_tokens (tokens, order, &y, &m, &d, &ambiguous) &&
      time_of_tokens (tokens + 3, n - 3, &h, &min, &s) &&
      g_date_valid_dmy (d, m, y) &&
      (when = g_date_time_new_utc (y, m, d, h, min, s)) != NULL)
    {
      *unix_seconds = g_date_time_to_unix (when);
      return TRUE;
    }

  if (ambiguous)
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                 _("The date “%s” could be read day first or month first: give the date order."), text);
  else
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                 _("“%s” is not a date: write it as 2024-03-12, 2024-03-12 09:14, 12/03/2024 or 12 Mar 2024."), text);
  return FALSE;
}
