/* rapport-vcard-reader.c — the cards of a .vcf file, one at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not EVCard (libebook-contacts): measured on Debian 12's 3.46, it takes
 * a card without END:VCARD, a broken "=ZZ" of quoted-printable and a
 * CHARSET=ISO-8859-1 text without a word (only a g_warning on stderr),
 * reads the first card of a file and silently drops the rest, does not
 * join quoted-printable soft line breaks, knows no vCard 4.0 data: URIs,
 * and never says on which line a fault is. Refusing a bad file and
 * naming the line is the point of an import, so the file is read here.
 *
 * Lines are read with a bounded buffer (RAPPORT_VCARD_MAX_LINE), so a
 * file of any size streams through; a card is held until its END.
 */

#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-error.h"
#include "rapport-time.h"
#include "rapport-validate.h"
#include "rapport-vcard-reader.h"

#define CHUNK 65536

struct _RapportVcardReader
{
  GInputStream *stream;
  guint8       *buffer;
  gsize         filled;
  gsize         pos;
  gboolean      eof;
  guint         line;          /* of the last physical line read */

  /* One physical line of look-ahead, for folding */
  GString      *pending;
  guint         pending_line;
  gboolean      has_pending;

  gboolean      stopped;       /* after a fault no card can follow */
};

/* One property line, parsed */
typedef struct
{
  char      *name;             /* upper case, without its group */
  GPtrArray *types;            /* lower case TYPE values */
  char      *encoding;         /* lower case, or NULL */
  char      *charset;
  char      *value_kind;       /* VALUE=, lower case */
  gboolean   pref;
  char      *value;            /* as written */
} Property;

/* A card being read */
typedef struct
{
  RapportVcard *card;
  char         *fn;
  char         *n;
  gboolean      emails_pref;
  gboolean      phones_pref;
  guint         fault_line;
  GError       *fault;
} CardState;

void
rapport_vcard_free (RapportVcard *card)
{
  if (card == NULL)
    return;
  g_free (card->name);
  g_free (card->title);
  g_free (card->organization);
  g_free (card->note);
  g_free (card->uid);
  g_clear_pointer (&card->emails, g_ptr_array_unref);
  g_clear_pointer (&card->phones, g_ptr_array_unref);
  g_clear_pointer (&card->photo, g_bytes_unref);
  g_free (card->photo_type);
  g_free (card->address);
  g_free (card->birthday);
  g_free (card->categories);
  g_free (card);
}

RapportVcardReader *
rapport_vcard_reader_new (GInputStream *stream)
{
  RapportVcardReader *self = g_new0 (RapportVcardReader, 1);

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self->stream = g_object_ref (stream);
  self->buffer = g_malloc (CHUNK);
  self->pending = g_string_new (NULL);
  return self;
}

void
rapport_vcard_reader_free (RapportVcardReader *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->stream);
  g_free (self->buffer);
  g_string_free (self->pending, TRUE);
  g_free (self);
}

static void
property_clear (Property *property)
{
  g_clear_pointer (&property->name, g_free);
  g_clear_pointer (&property->types, g_ptr_array_unref);
  g_clear_pointer (&property->encoding, g_free);
  g_clear_pointer (&property->charset, g_free);
  g_clear_pointer (&property->value_kind, g_free);
  g_clear_pointer (&property->value, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Property, property_clear)

/* A fault of the file: its line is said beside it, by the caller. */
static gboolean
fault (GError     **error,
       const char  *message)
{
  g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID, message);
  return FALSE;
}

/* Physical lines */

static gboolean
fill (RapportVcardReader  *self,
      GError             **error)
{
  gssize n = g_input_stream_read (self->stream, self->buffer, CHUNK, NULL, error);

  if (n < 0)
    return FALSE;
  self->filled = (gsize) n;
  self->pos = 0;
  self->eof = n == 0;
  return TRUE;
}

/* The next line into @out without its CR LF; FALSE at the end of the
 * file (*@error unset) or on a fault. */
static gboolean
read_physical (RapportVcardReader  *self,
               GString             *out,
               GError             **error)
{
  gboolean any = FALSE;

  g_string_truncate (out, 0);
  for (;;)
    {
      const guint8 *start;
      const guint8 *newline;
      gsize len;

      if (self->pos == self->filled && (self->eof || !fill (self, error) || self->eof))
        break;
      start = self->buffer + self->pos;
      newline = memchr (start, '\n', self->filled - self->pos);
      len = newline ? (gsize) (newline - start) : self->filled - self->pos;
      if (out->len + len > RAPPORT_VCARD_MAX_LINE)
        return fault (error, _("The line is longer than 8 MiB."));
      g_string_append_len (out, (const char *) start, (gssize) len);
      self->pos += len + (newline ? 1 : 0);
      any = TRUE;
      if (newline)
        break;
    }

  if (!any)
    return FALSE;
  self->line++;
  if (out->len > 0 && out->str[out->len - 1] == '\r')
    g_string_truncate (out, out->len - 1);
  if (memchr (out->str, '\0', out->len) != NULL)
    return fault (error, _("The line holds a NUL byte: this is not a vCard file."));
  return TRUE;
}

static gboolean
fill_pending (RapportVcardReader  *self,
              GError             **error)
{
  if (self->has_pending)
    return TRUE;
  if (!read_physical (self, self->pending, error))
    return FALSE;
  self->pending_line = self->line;
  self->has_pending = TRUE;
  return TRUE;
}

/* Whether the property on @line is quoted-printable, whose soft line
 * breaks ("=" at the end) join the next line as it is. */
static gboolean
is_quoted_printable (const GString *line)
{
  const char *colon = memchr (line->str, ':', line->len);
  g_autofree char *head = g_ascii_strup (line->str, colon ? colon - line->str : (gssize) line->len);

  return strstr (head, "QUOTED-PRINTABLE") != NULL;
}

/* The next logical line: folded lines (starting with a space or a tab)
 * and quoted-printable soft breaks joined. FALSE at the end of the file. */
static gboolean
read_logical (RapportVcardReader  *self,
              GString             *out,
              guint               *line,
              GError             **error)
{
  gboolean qp;

  if (!fill_pending (self, error))
    return FALSE;
  g_string_assign (out, self->pending->str);
  *line = self->pending_line;
  self->has_pending = FALSE;
  qp = is_quoted_printable (out);

  for (;;)
    {
      gboolean soft = qp && out->len > 0 && out->str[out->len - 1] == '=';

      if (!fill_pending (self, error))
        return error == NULL || *error == NULL;
      if (soft)
        g_string_truncate (out, out->len - 1);
      else if (self->pending->len > 0 && (self->pending->str[0] == ' ' || self->pending->str[0] == '\t'))
        g_string_erase (self->pending, 0, 1);
      else
        return TRUE;
      if (out->len + self->pending->len > RAPPORT_VCARD_MAX_LINE)
        return fault (error, _("The line is longer than 8 MiB."));
      g_string_append_len (out, self->pending->str, (gssize) self->pending->len);
      self->has_pending = FALSE;
    }
}

/* Values */

static int
hex_digit (char c)
{
  return g_ascii_isxdigit (c) ? g_ascii_xdigit_value (c) : -1;
}

static GBytes *
decode_quoted_printable (const char *text)
{
  GByteArray *out = g_byte_array_new ();

  for (const char *p = text; *p != '\0'; p++)
    {
      guint8 byte = (guint8) *p;

      if (*p == '=')
        {
          int hi, lo;

          /* A last "=" is a soft break that had no line after it. */
          if (p[1] == '\0')
            break;
          hi = hex_digit (p[1]);
          lo = hi >= 0 ? hex_digit (p[2]) : -1;
          if (lo < 0)
            {
              g_byte_array_unref (out);
              return NULL;
            }
          byte = (guint8) (hi * 16 + lo);
          p += 2;
        }
      g_byte_array_append (out, &byte, 1);
    }

  return g_byte_array_free_to_bytes (out);
}

static gboolean
is_base64_char (char c)
{
  return g_ascii_isalnum (c) || c == '+' || c == '/';
}

/* Base64 as RFC 4648 has it (padding optional, spaces from folding
 * ignored); NULL for anything else, where g_base64_decode() would guess. */
static GBytes *
decode_base64 (const char *text)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  guint padding = 0;
  gsize len;
  guchar *data;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t')
        continue;
      if (*p == '=' && clean->len > 0)
        padding++;
      else if (!is_base64_char (*p) || padding > 0)
        return NULL;
      else
        g_string_append_c (clean, *p);
    }

  if (clean->len % 4 == 1 || padding > 2 ||
      (padding > 0 && (clean->len + padding) % 4 != 0))
    return NULL;
  while (clean->len % 4 != 0)
    g_string_append_c (clean, '=');

  data = g_base64_decode (clean->str, &len);
  return g_bytes_new_take (data, len);
}

/* Text with vCard escapes undone: \n, \N, \\, \, and \; (others are kept
 * as written, as 2.1 writers use backslashes freely). */
static char *
unescape (const char *text,
          gsize       len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (c == '\\' && i + 1 < len)
        {
          char next = text[i + 1];

          if (next == 'n' || next == 'N')
            c = '\n';
          else if (next == '\\' || next == ',' || next == ';')
            c = next;
          else
            {
              g_string_append_c (out, c);
              continue;
            }
          i++;
        }
      g_string_append_c (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The parts of a structured value (N, ORG) split at unescaped ";". */
static GPtrArray *
split_structured (const char *text)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == ';')
        {
          g_ptr_array_add (parts, unescape (start, (gsize) (p - start)));
          start = p + 1;
        }
    }
  g_ptr_array_add (parts, unescape (start, (gsize) (p - start)));
  return parts;
}

/* Text in UTF-8, from its encoding and CHARSET, CR LF made LF. */
static char *
decode_text (const Property  *property,
             GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *utf8 = NULL;
  gsize len;
  const char *data;

  if (g_strcmp0 (property->encoding, "quoted-printable") == 0)
    {
      if ((bytes = decode_quoted_printable (property->value)) == NULL)
        {
          fault (error, _("The quoted-printable text is broken: “=” must be followed by two hexadecimal digits."));
          return NULL;
        }
    }
  else
    bytes = g_bytes_new (property->value, strlen (property->value));

  data = g_bytes_get_data (bytes, &len);
  if (property->charset != NULL && g_ascii_strcasecmp (property->charset, "utf-8") != 0)
    {
      utf8 = g_convert (data ? data : "", (gssize) len, "UTF-8", property->charset, NULL, NULL, NULL);
      if (utf8 == NULL)
        {
          fault (error, _("The text is not in the character set its CHARSET names, or that character set is not known."));
          return NULL;
        }
    }
  else
    utf8 = g_strndup (data ? data : "", len);

  if (!g_utf8_validate (utf8, -1, NULL))
    {
      fault (error, _("The text is not valid UTF-8, and no CHARSET says what it is."));
      return NULL;
    }

  {
    g_auto(GStrv) lines = g_strsplit (utf8, "\r\n", -1);

    return g_strjoinv ("\n", lines);
  }
}

/* Parameters and the line */

static char *
unquote (const char *text)
{
  gsize len = strlen (text);

  if (len >= 2 && text[0] == '"' && text[len - 1] == '"')
    return g_strndup (text + 1, len - 2);
  return g_strdup (text);
}

static void
add_types (Property   *property,
           const char *values)
{
  g_autofree char *plain = unquote (values);
  g_auto(GStrv) types = g_strsplit (plain, ",", -1);

  for (guint i = 0; types[i] != NULL; i++)
    {
      char *type = g_ascii_strdown (g_strstrip (types[i]), -1);

      if (g_str_equal (type, "pref"))
        property->pref = TRUE;
      g_ptr_array_add (property->types, type);
    }
}

static void
add_param (Property   *property,
           const char *param)
{
  const char *equals = strchr (param, '=');
  g_autofree char *key = g_ascii_strup (param, equals ? equals - param : -1);
  const char *value = equals ? equals + 1 : NULL;

  /* vCard 2.1 writes bare values: "TEL;WORK;VOICE", "QUOTED-PRINTABLE". */
  if (value == NULL)
    {
      if (g_str_equal (key, "QUOTED-PRINTABLE") || g_str_equal (key, "BASE64") || g_str_equal (key, "8BIT"))
        {
          g_free (property->encoding);
          property->encoding = g_ascii_strdown (key, -1);
        }
      else
        add_types (property, param);
    }
  else if (g_str_equal (key, "TYPE"))
    add_types (property, value);
  else if (g_str_equal (key, "ENCODING"))
    {
      g_free (property->encoding);
      property->encoding = g_ascii_strdown (value, -1);
    }
  else if (g_str_equal (key, "CHARSET"))
    {
      g_free (property->charset);
      property->charset = unquote (value);
    }
  else if (g_str_equal (key, "VALUE"))
    {
      g_free (property->value_kind);
      property->value_kind = g_ascii_strdown (value, -1);
    }
  else if (g_str_equal (key, "PREF"))
    property->pref = TRUE;
}

/* "group.NAME;PARAM=…;PARAM:value", with quoted parameter values that may
 * hold ":" and ";". */
static gboolean
parse_property (const char  *text,
                Property    *property,
                GError     **error)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gboolean quoted = FALSE;
  const char *start = text;
  const char *p;
  const char *dot;

  for (p = text; *p != '\0' && (quoted || *p != ':'); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == ';' && !quoted)
        {
          g_ptr_array_add (parts, g_strndup (start, (gsize) (p - start)));
          start = p + 1;
        }
    }
  if (*p != ':')
    return fault (error, _("This is not a vCard property: it has no “:”."));
  g_ptr_array_add (parts, g_strndup (start, (gsize) (p - start)));

  dot = strrchr (parts->pdata[0], '.');
  property->name = g_ascii_strup (dot ? dot + 1 : parts->pdata[0], -1);
  g_strstrip (property->name);
  property->types = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 1; i < parts->len; i++)
    add_param (property, parts->pdata[i]);
  property->value = g_strdup (p + 1);
  return TRUE;
}

/* What a card's properties become */

static gboolean
has_type (const Property *property,
          const char     *type)
{
  for (guint i = 0; i < property->types->len; i++)
    if (g_str_equal (property->types->pdata[i], type))
      return TRUE;
  return FALSE;
}

static const char *
label_of (const Property *property)
{
  if (has_type (property, "cell") || has_type (property, "mobile") || has_type (property, "iphone"))
    return "mobile";
  if (has_type (property, "work"))
    return "work";
  if (has_type (property, "home"))
    return "home";
  return "other";
}

/* The preferred address or number goes first: it is the primary one. */
static void
add_value (GPtrArray      **values,
           gboolean        *pref_seen,
           const Property  *property,
           const char      *text)
{
  RapportContactValue *value = rapport_contact_value_new (label_of (property), text);

  if (*values == NULL)
    *values = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_contact_value_free);
  if (property->pref && !*pref_seen)
    g_ptr_array_insert (*values, 0, value);
  else
    g_ptr_array_add (*values, value);
  *pref_seen |= property->pref;
}

static void
append_note (RapportVcard *card,
             const char   *text)
{
  char *joined;

  if (card->note == NULL)
    {
      card->note = g_strdup (text);
      return;
    }
  joined = g_strconcat (card->note, "\n\n", text, NULL);
  g_free (card->note);
  card->note = joined;
}

static const char *
sniff_image (GBytes *bytes)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  if (len >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return "image/jpeg";
  if (len >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (len >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    return "image/gif";
  return NULL;
}

/* A photo's MIME type: what its bytes are, else what its card says
 * ("JPEG", "image/png"), else NULL. */
static char *
photo_type (GBytes     *bytes,
            const char *said)
{
  const char *sniffed = sniff_image (bytes);

  if (sniffed != NULL)
    return g_strdup (sniffed);
  if (said == NULL || *said == '\0' || strchr (said, ';') != NULL)
    return NULL;
  if (g_str_has_prefix (said, "image/"))
    return g_ascii_strdown (said, -1);
  return g_strconcat ("image/", said, NULL);
}

/* "data:image/png;base64,…" (vCard 4.0), or NULL with no error for a
 * link, which is not fetched. */
static GBytes *
decode_data_uri (const char  *value,
                 char       **type,
                 GError     **error)
{
  const char *comma;
  g_autofree char *head = NULL;
  GBytes *bytes;

  if (g_ascii_strncasecmp (value, "data:", 5) != 0)
    return NULL;
  if ((comma = strchr (value, ',')) == NULL)
    {
      fault (error, _("The photo’s data: address has no “,” before its data."));
      return NULL;
    }
  head = g_ascii_strdown (value + 5, comma - value - 5);
  if (g_str_has_suffix (head, ";base64"))
    {
      head[strlen (head) - strlen (";base64")] = '\0';
      bytes = decode_base64 (comma + 1);
    }
  else
    bytes = g_uri_unescape_bytes (comma + 1, -1, NULL, NULL);
  if (bytes == NULL)
    {
      fault (error, _("The photo’s data is broken base64."));
      return NULL;
    }
  *type = g_strdup (head);
  return bytes;
}

static gboolean
read_photo (RapportVcard    *card,
            const Property  *property,
            GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *said = NULL;
  g_autoptr(GError) local_error = NULL;

  if (g_strcmp0 (property->encoding, "b") == 0 || g_strcmp0 (property->encoding, "base64") == 0)
    {
      if ((bytes = decode_base64 (property->value)) == NULL)
        return fault (error, _("The photo’s data is broken base64."));
      said = property->types->len > 0 ? g_strdup (property->types->pdata[0]) : NULL;
    }
  else if ((bytes = decode_data_uri (property->value, &said, &local_error)) == NULL)
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (g_bytes_get_size (bytes) == 0)
    return TRUE;
  if (g_bytes_get_size (bytes) > 4 * 1024 * 1024)
    return fault (error, _("The photo is larger than 4 MiB."));
  g_clear_pointer (&card->photo_type, g_free);
  if ((card->photo_type = photo_type (bytes, said)) == NULL)
    return fault (error, _("The photo is not an image that can be recognized (JPEG, PNG or GIF)."));
  g_clear_pointer (&card->photo, g_bytes_unref);
  card->photo = g_steal_pointer (&bytes);
  return TRUE;
}

/* A value of text, checked as the store will check it. */
static char *
checked_text (const Property   *property,
              gboolean          structured,
              RapportTextKind   kind,
              GError          **error)
{
  g_autofree char *text = decode_text (property, error);
  g_autoptr(GError) local_error = NULL;
  char *value;

  if (text == NULL)
    return NULL;
  if (structured)
    {
      g_autoptr(GPtrArray) parts = split_structured (text);

      value = g_strdup (parts->pdata[0]);
    }
  else
    value = unescape (text, strlen (text));
  g_strstrip (value);

  if (!rapport_text_check (value, kind, FALSE, &local_error))
    {
      fault (error, local_error->message);
      g_free (value);
      return NULL;
    }
  return value;
}

/* N's parts (family; given; additional; prefix; suffix) in reading
 * order: "Dr. Ada Lovelace". */
static char *
join_n (const char *text)
{
  g_autoptr(GPtrArray) parts = split_structured (text);
  static const guint order[] = { 3, 1, 2, 0, 4 };
  GString *name = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      char *part;

      if (order[i] >= parts->len)
        continue;
      part = g_strstrip (g_strdelimit (parts->pdata[order[i]], ",", ' '));
      if (*part == '\0')
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, part);
    }

  return g_string_free (name, FALSE);
}

static gboolean
read_contact_value (CardState       *state,
                    const Property  *property,
                    gboolean         is_email,
                    GError         **error)
{
  g_autofree char *text = decode_text (property, error);
  g_autoptr(GError) local_error = NULL;
  const char *value;

  if (text == NULL)
    return FALSE;
  g_strstrip (text);
  value = text;
  /* vCard 4.0 may write numbers as tel: addresses. */
  if (!is_email && g_ascii_strncasecmp (value, "tel:", 4) == 0)
    {
      char *params = strchr (text, ';');

      if (params != NULL)
        *params = '\0';
      value = text + 4;
    }
  if (*value == '\0')
    return TRUE;
  if (!(is_email ? rapport_email_check (value, &local_error) : rapport_phone_check (value, &local_error)))
    return fault (error, local_error->message);

  if (is_email)
    add_value (&state->card->emails, &state->emails_pref, property, value);
  else
    add_value (&state->card->phones, &state->phones_pref, property, value);
  return TRUE;
}

static gboolean
read_text_field (char           **field,
                 const Property  *property,
                 gboolean         structured,
                 RapportTextKind  kind,
                 GError         **error)
{
  char *text = checked_text (property, structured, kind, error);

  if (text == NULL)
    return FALSE;
  g_free (*field);
  *field = text;
  return TRUE;
}

/* ADR: its parts (box, extended, street, city, region, code, country)
 * that are there, a line each; only the first address is kept. */
static gboolean
read_address (RapportVcard    *card,
              const Property  *property,
              GError         **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GString) address = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;

  if (card->address != NULL)
    return TRUE;
  if ((text = decode_text (property, error)) == NULL)
    return FALSE;
  parts = split_structured (text);
  for (guint i = 0; i < parts->len; i++)
    {
      char *part = g_strstrip (parts->pdata[i]);

      if (*part == '\0')
        continue;
      if (address->len > 0)
        g_string_append_c (address, '\n');
      g_string_append (address, part);
    }
  if (!rapport_text_check (address->str, RAPPORT_TEXT_FREE, FALSE, &local_error))
    return fault (error, local_error->message);
  if (address->len > 0)
    card->address = g_string_free (g_steal_pointer (&address), FALSE);
  return TRUE;
}

/* BDAY: "1980-02-03", "19800203" or a time after the date; a birthday
 * without a year ("--0203") or that is no date is left out, not a fault. */
static gboolean
read_birthday (RapportVcard    *card,
               const Property  *property,
               GError         **error)
{
  g_autofree char *text = decode_text (property, error);
  char date[11];

  if (text == NULL)
    return FALSE;
  g_strstrip (text);
  if (strlen (text) >= 10 && text[4] == '-' && text[7] == '-')
    g_strlcpy (date, text, sizeof date);
  else if (strlen (text) >= 8 && g_ascii_isdigit (text[0]) && text[4] != '-')
    g_snprintf (date, sizeof date, "%.4s-%.2s-%.2s", text, text + 4, text + 6);
  else
    return TRUE;
  if (rapport_date_check (date, NULL))
    {
      g_free (card->birthday);
      card->birthday = g_strdup (date);
    }
  return TRUE;
}

/* CATEGORIES: tags at unescaped commas; those of several lines add up. */
static gboolean
read_categories (RapportVcard    *card,
                 const Property  *property,
                 GError         **error)
{
  g_autofree char *text = decode_text (property, error);
  g_autoptr(GString) tags = g_string_new (card->categories);
  g_autoptr(GError) local_error = NULL;
  const char *start;
  const char *p;

  if (text == NULL)
    return FALSE;
  for (start = p = text;; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          continue;
        }
      if (*p == ',' || *p == '\0')
        {
          g_autofree char *tag = g_strstrip (unescape (start, (gsize) (p - start)));

          if (*tag != '\0')
            {
              /* A tag holds no comma: one inside a category is a space. */
              g_strdelimit (tag, ",", ' ');
              if (!rapport_tag_check (tag, &local_error))
                return fault (error, local_error->message);
              if (tags->len > 0)
                g_string_append (tags, ", ");
              g_string_append (tags, tag);
            }
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
  g_free (card->categories);
  card->categories = tags->len > 0 ? g_strdup (tags->str) : NULL;
  return TRUE;
}

static gboolean
read_property (CardState       *state,
               const Property  *property,
               GError         **error)
{
  RapportVcard *card = state->card;
  const char *name = property->name;

  if (g_str_equal (name, "VERSION"))
    {
      if (!g_str_equal (property->value, "2.1") && !g_str_equal (property->value, "3.0") &&
          !g_str_equal (property->value, "4.0"))
        return fault (error, _("Only vCard versions 2.1, 3.0 and 4.0 can be read."));
      return TRUE;
    }
  if (g_str_equal (name, "FN"))
    return read_text_field (&state->fn, property, FALSE, RAPPORT_TEXT_FREE, error);
  if (g_str_equal (name, "N"))
    {
      g_autofree char *text = decode_text (property, error);

      if (text == NULL)
        return FALSE;
      g_free (state->n);
      state->n = join_n (text);
      return TRUE;
    }
  if (g_str_equal (name, "ORG"))
    return read_text_field (&card->organization, property, TRUE, RAPPORT_TEXT_NAME, error);
  if (g_str_equal (name, "TITLE"))
    return read_text_field (&card->title, property, FALSE, RAPPORT_TEXT_TITLE, error);
  if (g_str_equal (name, "UID"))
    return read_text_field (&card->uid, property, FALSE, RAPPORT_TEXT_NAME, error);
  if (g_str_equal (name, "NOTE"))
    {
      g_autofree char *note = checked_text (property, FALSE, RAPPORT_TEXT_NOTE, error);

      if (note == NULL)
        return FALSE;
      if (*note != '\0')
        append_note (card, note);
      return TRUE;
    }
  if (g_str_equal (name, "EMAIL") || g_str_equal (name, "TEL"))
    return read_contact_value (state, property, g_str_equal (name, "EMAIL"), error);
  if (g_str_equal (name, "PHOTO"))
    return read_photo (card, property, error);
  if (g_str_equal (name, "ADR"))
    return read_address (card, property, error);
  if (g_str_equal (name, "BDAY"))
    return read_birthday (card, property, error);
  if (g_str_equal (name, "CATEGORIES"))
    return read_categories (card, property, error);

  return TRUE;
}

/* Cards */

static gboolean
is_line (const GString *line,
         const char    *word)
{
  g_autofree char *stripped = g_strstrip (g_strdup (line->str));

  return g_ascii_strcasecmp (stripped, word) == 0;
}

static gboolean
is_blank (const GString *line)
{
  for (gsize i = 0; i < line->len; i++)
    if (!g_ascii_isspace (line->str[i]))
      return FALSE;
  return TRUE;
}

static void
card_state_clear (CardState *state)
{
  g_clear_pointer (&state->card, rapport_vcard_free);
  g_clear_pointer (&state->fn, g_free);
  g_clear_pointer (&state->n, g_free);
  g_clear_error (&state->fault);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CardState, card_state_clear)

/* The name and the whole card's checks, at its END. */
static gboolean
finish_card (CardState  *state,
             GError    **error)
{
  RapportVcard *card = state->card;
  g_autoptr(GError) local_error = NULL;
  const char *name = state->fn != NULL && *state->fn != '\0' ? state->fn : state->n;

  if (name == NULL || *name == '\0')
    return fault (error, _("The card has no name: it needs an FN or an N."));
  if (!rapport_text_check (name, RAPPORT_TEXT_NAME, TRUE, &local_error))
    return fault (error, local_error->message);
  card->name = g_strdup (name);
  return TRUE;
}

/* The first fault of a card is the one reported. */
static void
remember_fault (CardState *state,
                GError    *error,
                guint      line)
{
  if (state->fault != NULL)
    {
      g_error_free (error);
      return;
    }
  state->fault = error;
  state->fault_line = line;
}

/* After BEGIN:VCARD: its properties up to END:VCARD. */
static RapportVcardNext
read_card (RapportVcardReader  *self,
           CardState           *state,
           GString             *text,
           GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  guint line;

  while (read_logical (self, text, &line, &local_error))
    {
      g_auto(Property) property = { NULL, };
      GError *problem = NULL;

      if (is_blank (text))
        continue;
      if (is_line (text, "END:VCARD"))
        {
          if (state->fault == NULL && !finish_card (state, &problem))
            remember_fault (state, problem, state->card->line);
          return state->fault ? RAPPORT_VCARD_NEXT_BAD : RAPPORT_VCARD_NEXT_CARD;
        }
      if (is_line (text, "BEGIN:VCARD"))
        {
          /* Read again as the next card's first line. */
          g_string_assign (self->pending, text->str);
          self->pending_line = line;
          self->has_pending = TRUE;
          break;
        }
      if (state->fault == NULL &&
          (!parse_property (text->str, &property, &problem) ||
           !read_property (state, &property, &problem)))
        remember_fault (state, problem, line);
    }

  if (local_error != NULL && !g_error_matches (local_error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return RAPPORT_VCARD_NEXT_FAILED;
    }
  /* A line too long or holding NUL: the rest of the file is not read. */
  if (local_error != NULL)
    {
      self->stopped = TRUE;
      g_clear_error (&state->fault);
      state->fault = g_steal_pointer (&local_error);
      state->fault_line = self->line + 1;
    }
  else
    {
      g_clear_error (&state->fault);
      fault (&state->fault, _("The card has no END:VCARD."));
      state->fault_line = state->card->line;
    }
  return RAPPORT_VCARD_NEXT_BAD;
}

RapportVcardNext
rapport_vcard_reader_next (RapportVcardReader  *self,
                           RapportVcard       **card,
                           guint               *line,
                           GError             **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(CardState) state = { NULL, };
  g_autoptr(GError) local_error = NULL;
  RapportVcardNext next;
  guint begin;

  g_return_val_if_fail (self != NULL, RAPPORT_VCARD_NEXT_FAILED);
  g_return_val_if_fail (card != NULL && line != NULL, RAPPORT_VCARD_NEXT_FAILED);

  *card = NULL;
  if (self->stopped)
    return RAPPORT_VCARD_NEXT_END;

  do
    if (!read_logical (self, text, &begin, &local_error))
      {
        if (local_error == NULL)
          return RAPPORT_VCARD_NEXT_END;
        self->stopped = TRUE;
        *line = self->line + 1;
        next = g_error_matches (local_error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID)
             ? RAPPORT_VCARD_NEXT_BAD : RAPPORT_VCARD_NEXT_FAILED;
        g_propagate_error (error, g_steal_pointer (&local_error));
        return next;
      }
  while (is_blank (text));

  *line = begin;
  if (!is_line (text, "BEGIN:VCARD"))
    {
      /* Not a card: nothing after it can be trusted to be one. */
      self->stopped = TRUE;
      fault (error, _("A card must begin with BEGIN:VCARD."));
      return RAPPORT_VCARD_NEXT_BAD;
    }

  state.card = g_new0 (RapportVcard, 1);
  state.card->line = begin;
  next = read_card (self, &state, text, error);
  if (next == RAPPORT_VCARD_NEXT_BAD)
    {
      *line = state.fault_line;
      g_propagate_error (error, g_steal_pointer (&state.fault));
    }
  else if (next == RAPPORT_VCARD_NEXT_CARD)
    *card = g_steal_pointer (&state.card);
  return next;
}
