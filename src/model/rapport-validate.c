/* rapport-validate.c — the model's rules for text and contact details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-validate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "rapport-error.h"
#include "rapport-time.h"
#include "rapport-validate.h"

/* Bounds that keep a typo or a pasted file from becoming a record. */
#define MAX_LINE_BYTES 500
#define MAX_TEXT_BYTES (1024 * 1024)

/* How far a quote in a message goes before it is cut. */
#define MAX_QUOTED_CHARS 80

static gboolean
is_one_line (RapportTextKind kind)
{
  return kind == RAPPORT_TEXT_NAME || kind == RAPPORT_TEXT_TITLE ||
         kind == RAPPORT_TEXT_OWNER || kind == RAPPORT_TEXT_SOURCE ||
         kind == RAPPORT_TEXT_LINE;
}

/* Characters that show nothing by themselves: control, format (zero-width
 * spaces, joiners, bidi controls, tags), spaces and separators, variation
 * selectors, and the letters and symbols that are drawn blank. */
static gboolean
is_invisible_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;
    default:
      break;
    }

  return c == 0x034F ||                    /* combining grapheme joiner */
         c == 0x115F || c == 0x1160 ||     /* Hangul fillers */
         c == 0x17B4 || c == 0x17B5 ||     /* Khmer inherent vowels */
         c == 0x2800 ||                    /* braille blank */
         c == 0x3164 || c == 0xFFA0 ||     /* Hangul fillers */
         (c >= 0xFE00 && c <= 0xFE0F) ||   /* variation selectors */
         (c >= 0xE0100 && c <= 0xE01EF);
}

gboolean
rapport_text_is_invisible (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!is_invisible_char (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
refuse_not_utf8 (RapportTextKind   kind,
                 GError          **error)
{
  const char *message;

  switch (kind)
    {
    case RAPPORT_TEXT_NAME: message = _("The name is not valid UTF-8 text."); break;
    case RAPPORT_TEXT_TITLE: message = _("The title is not valid UTF-8 text."); break;
    case RAPPORT_TEXT_OWNER: message = _("The owner is not valid UTF-8 text."); break;
    case RAPPORT_TEXT_SOURCE: message = _("The source is not valid UTF-8 text."); break;
    case RAPPORT_TEXT_REASON: message = _("The reason is not valid UTF-8 text."); break;
    case RAPPORT_TEXT_NOTE: message = _("The note is not valid UTF-8 text."); break;
    case RAPPORT_TEXT_FREE:
    default: message = _("The text is not valid UTF-8."); break;
    }

  g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
refuse_empty (RapportTextKind   kind,
              GError          **error)
{
  const char *message;

  switch (kind)
    {
    case RAPPORT_TEXT_NAME: message = _("The name cannot be empty."); break;
    case RAPPORT_TEXT_TITLE: message = _("The title cannot be empty."); break;
    case RAPPORT_TEXT_OWNER: message = _("The owner cannot be empty."); break;
    case RAPPORT_TEXT_SOURCE: message = _("The source cannot be empty."); break;
    case RAPPORT_TEXT_REASON: message = _("The reason cannot be empty."); break;
    case RAPPORT_TEXT_NOTE: message = _("The note cannot be empty."); break;
    case RAPPORT_TEXT_FREE:
    default: message = _("The text cannot be empty."); break;
    }

  g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
refuse_invisible (RapportTextKind   kind,
                  GError          **error)
{
  const char *message;

  switch (kind)
    {
    case RAPPORT_TEXT_NAME:
      message = _("The name has only invisible characters: type a name people can read.");
      break;
    case RAPPORT_TEXT_TITLE:
      message = _("The title has only invisible characters: type a title people can read.");
      break;
    case RAPPORT_TEXT_OWNER:
      message = _("The owner has only invisible characters: type a name people can read.");
      break;
    case RAPPORT_TEXT_SOURCE:
      message = _("The source has only invisible characters: type a source people can read, or leave it empty.");
      break;
    case RAPPORT_TEXT_REASON:
      message = _("The reason has only invisible characters: type a reason people can read.");
      break;
    case RAPPORT_TEXT_NOTE:
      message = _("The note has only invisible characters: type a note people can read.");
      break;
    case RAPPORT_TEXT_FREE:
    default:
      message = _("The text has only invisible characters: type text people can read, or leave it empty.");
      break;
    }

  g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
refuse_control (RapportTextKind   kind,
                gunichar          c,
                GError          **error)
{
  switch (kind)
    {
    case RAPPORT_TEXT_NAME:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The name contains a control character (U+%04X): a name is one line of visible text."), c);
      break;
    case RAPPORT_TEXT_TITLE:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The title contains a control character (U+%04X): a title is one line of visible text."), c);
      break;
    case RAPPORT_TEXT_OWNER:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The owner contains a control character (U+%04X): an owner is one line of visible text."), c);
      break;
    case RAPPORT_TEXT_SOURCE:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The source contains a control character (U+%04X): a source is one line of visible text."), c);
      break;
    case RAPPORT_TEXT_REASON:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The reason contains a control character (U+%04X): only tabs and new lines are allowed."), c);
      break;
    case RAPPORT_TEXT_NOTE:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The note contains a control character (U+%04X): only tabs and new lines are allowed."), c);
      break;
    case RAPPORT_TEXT_LINE:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The text contains a control character (U+%04X): it must be one line of visible text."), c);
      break;
    case RAPPORT_TEXT_FREE:
    default:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The text contains a control character (U+%04X): only tabs and new lines are allowed."), c);
      break;
    }

  return FALSE;
}

static gboolean
refuse_too_long (RapportTextKind   kind,
                 gsize             length,
                 gsize             max_bytes,
                 GError          **error)
{
  switch (kind)
    {
    case RAPPORT_TEXT_NAME:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The name is too long (%zu bytes; at most %zu)."), length, max_bytes);
      break;
    case RAPPORT_TEXT_TITLE:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The title is too long (%zu bytes; at most %zu)."), length, max_bytes);
      break;
    case RAPPORT_TEXT_OWNER:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The owner is too long (%zu bytes; at most %zu)."), length, max_bytes);
      break;
    case RAPPORT_TEXT_SOURCE:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The source is too long (%zu bytes; at most %zu)."), length, max_bytes);
      break;
    case RAPPORT_TEXT_REASON:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The reason is too long (%zu bytes; at most %zu)."), length, max_bytes);
      break;
    case RAPPORT_TEXT_NOTE:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The note is too long (%zu bytes; at most %zu)."), length, max_bytes);
      break;
    case RAPPORT_TEXT_FREE:
    default:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The text is too long (%zu bytes; at most %zu)."), length, max_bytes);
      break;
    }

  return FALSE;
}

gboolean
rapport_text_check (const char       *text,
                    RapportTextKind   kind,
                    gboolean          required,
                    GError          **error)
{
  gsize max_bytes = is_one_line (kind) ? MAX_LINE_BYTES : MAX_TEXT_BYTES;
  gsize length;

  if (text == NULL || *text == '\0')
    return required ? refuse_empty (kind, error) : TRUE;

  length = strlen (text);
  if (length > max_bytes)
    return refuse_too_long (kind, length, max_bytes, error);
  if (!g_utf8_validate (text, length, NULL))
    return refuse_not_utf8 (kind, error);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_CONTROL)
        continue;
      if ((c == '\t' || c == '\n') && !is_one_line (kind))
        continue;

      return refuse_control (kind, c, error);
    }

  if (rapport_text_is_invisible (text))
    {
      /* Plain spaces read as "nothing typed", the rest as a trick. */
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (required && *stripped == '\0')
        return refuse_empty (kind, error);
      return refuse_invisible (kind, error);
    }

  return TRUE;
}

static void
append_escaped (GString  *str,
                gunichar  c)
{
  if (c == '\n')
    g_string_append (str, "\\n");
  else if (c == '\t')
    g_string_append (str, "\\t");
  else if (c == '\r')
    g_string_append (str, "\\r");
  else if (c < 0x80)
    g_string_append_printf (str, "\\x%02x", c);
  else if (c <= 0xFFFF)
    g_string_append_printf (str, "\\u%04X", c);
  else
    g_string_append_printf (str, "\\U%08X", c);
}

char *
rapport_text_quote (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *str = g_string_new (NULL);
  guint n = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (n == MAX_QUOTED_CHARS)
        {
          g_string_append (str, "…");
          break;
        }

      if (type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT ||
          type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR)
        append_escaped (str, c);
      else
        g_string_append_unichar (str, c);
    }

  return g_string_free (str, FALSE);
}

char *
rapport_text_escape (const char *text,
                     gboolean    keep_lines)
{
  g_autofree char *valid = NULL;
  GString *str;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  str = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_CONTROL || (keep_lines && (c == '\n' || c == '\t')))
        g_string_append_unichar (str, c);
      else
        append_escaped (str, c);
    }

  return g_string_free (str, FALSE);
}

gboolean
rapport_id_parse (const char *text,
                  gint64     *id)
{
  guint64 value = 0;

  g_return_val_if_fail (id != NULL, FALSE);

  if (text == NULL || *text < '1' || *text > '9')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      if (value > ((guint64) G_MAXINT64 - (guint64) (*p - '0')) / 10)
        return FALSE;
      value = value * 10 + (guint64) (*p - '0');
    }

  *id = (gint64) value;
  return TRUE;
}

gboolean
rapport_email_is_plausible (const char *email)
{
  const char *at;

  g_return_val_if_fail (email != NULL, FALSE);

  if (!g_utf8_validate (email, -1, NULL))
    return FALSE;
  for (const char *p = email; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return FALSE;

  at = strchr (email, '@');
  return at != NULL && at != email &&
         strchr (at + 1, '@') == NULL &&
         strchr (at + 1, '.') != NULL &&
         !g_str_has_suffix (email, ".") &&
         strpbrk (email, " \t\n,;<>") == NULL &&
         strlen (email) <= 254;
}

gboolean
rapport_phone_is_plausible (const char *phone)
{
  guint digits = 0;

  g_return_val_if_fail (phone != NULL, FALSE);

  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr ("+-(). /", *p) == NULL)
        return FALSE;
    }

  return digits >= 3 && digits <= 20;
}

gboolean
rapport_email_check (const char  *email,
                     GError     **error)
{
  g_autofree char *quoted = NULL;

  if (email == NULL || *email == '\0' || rapport_email_is_plausible (email))
    return TRUE;

  quoted = rapport_text_quote (email);
  g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
               _("“%s” does not look like an email address (name@example.com)"), quoted);
  return FALSE;
}

gboolean
rapport_phone_check (const char  *phone,
                     GError     **error)
{
  g_autofree char *quoted = NULL;

  if (phone == NULL || *phone == '\0' || rapport_phone_is_plausible (phone))
    return TRUE;

  quoted = rapport_text_quote (phone);
  g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
               _("“%s” does not look like a phone number: use digits, spaces and + - ( )"), quoted);
  return FALSE;
}

/* Tags and custom fields */

static const char * const field_type_names[] = {
  [RAPPORT_FIELD_TEXT] = "text",
  [RAPPORT_FIELD_NUMBER] = "number",
  [RAPPORT_FIELD_DATE] = "date",
  [RAPPORT_FIELD_CHOICE] = "choice",
};

const char *
rapport_field_type_to_string (RapportFieldType type)
{
  g_return_val_if_fail (type <= RAPPORT_FIELD_CHOICE, NULL);

  return field_type_names[type];
}

gboolean
rapport_field_type_from_string (const char       *text,
                                RapportFieldType *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_type_names); i++)
    if (g_strcmp0 (text, field_type_names[i]) == 0)
      {
        *type = (RapportFieldType) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
rapport_tag_check (const char  *tag,
                   GError     **error)
{
  if (!rapport_text_check (tag, RAPPORT_TEXT_LINE, FALSE, error))
    return FALSE;
  if (tag == NULL || *tag == '\0')
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID, _("A tag cannot be empty."));
      return FALSE;
    }
  /* Lists of tags are written "a, b" (a CSV cell, a vCard's CATEGORIES). */
  if (strchr (tag, ',') != NULL)
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID, _("A tag cannot hold a comma."));
      return FALSE;
    }
  if (strlen (tag) > RAPPORT_TAG_MAX_BYTES)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("A tag is at most %d bytes long."), RAPPORT_TAG_MAX_BYTES);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_number (const char  *value,
              char       **normalized,
              GError     **error)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end = NULL;
  double number = g_ascii_strtod (value, &end);

  if (end == value || *end != '\0' || !isfinite (number))
    {
      g_autofree char *quoted = rapport_text_quote (value);

      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a number: use digits, with a point for a fraction, as in 12.5"), quoted);
      return FALSE;
    }
  *normalized = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", number));
  return TRUE;
}

static gboolean
check_choice (const char * const  *choices,
              const char          *value,
              char               **normalized,
              GError             **error)
{
  g_autofree char *folded = g_utf8_casefold (value, -1);
  g_autofree char *quoted = NULL;

  for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
    {
      g_autofree char *choice = g_utf8_casefold (choices[i], -1);

      if (g_str_equal (choice, folded))
        {
          *normalized = g_strdup (choices[i]);
          return TRUE;
        }
    }

  quoted = rapport_text_quote (value);
  g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
               _("“%s” is not one of the field’s choices."), quoted);
  return FALSE;
}

gboolean
rapport_custom_value_check (RapportFieldType     type,
                            const char * const  *choices,
                            const char          *value,
                            char               **normalized,
                            GError             **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (normalized != NULL, FALSE);

  *normalized = NULL;
  stripped = g_strstrip (g_strdup (value != NULL ? value : ""));
  if (*stripped == '\0')
    return TRUE;
  if (!rapport_text_check (stripped, RAPPORT_TEXT_LINE, FALSE, error))
    return FALSE;

  switch (type)
    {
    case RAPPORT_FIELD_NUMBER:
      return check_number (stripped, normalized, error);
    case RAPPORT_FIELD_DATE:
      if (!rapport_date_check (stripped, error))
        return FALSE;
      break;
    case RAPPORT_FIELD_CHOICE:
      return check_choice (choices, stripped, normalized, error);
    case RAPPORT_FIELD_TEXT:
    default:
      break;
    }
  *normalized = g_steal_pointer (&stripped);
  return TRUE;
}
