/* rapport-validate.h — the model's rules for text and contact details,
 * shared with the views so a form never lets through what the store would
 * refuse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The kinds of text a person reads, each with its own limits. */
typedef enum
{
  RAPPORT_TEXT_NAME,    /* a contact's, organization's or stage's name */
  RAPPORT_TEXT_TITLE,   /* a deal's or follow-up's title */
  RAPPORT_TEXT_OWNER,   /* who owns a deal or contact: like a name */
  RAPPORT_TEXT_SOURCE,  /* where a lead came from */
  RAPPORT_TEXT_REASON,  /* why a deal was lost */
  RAPPORT_TEXT_NOTE,    /* a note, an activity's note */
  RAPPORT_TEXT_FREE,    /* any other free text */
  RAPPORT_TEXT_LINE,    /* any other one line: an industry, a tag, a custom field's value */
} RapportTextKind;

/* Names, titles, owners and sources are one line of at most 500 bytes;
 * reasons, notes and other free text may hold tabs and newlines and up to
 * 1 MiB. No kind may hold other control characters (Unicode Cc), invalid
 * UTF-8, or only invisible characters (spaces, format characters such as
 * zero-width spaces and bidi controls, line and paragraph separators).
 * NULL and "" pass unless @required. */
gboolean  rapport_text_check         (const char       *text,
                                      RapportTextKind   kind,
                                      gboolean          required,
                                      GError          **error);
/* TRUE for text with nothing a person can see (NULL and "" too). */
gboolean  rapport_text_is_invisible  (const char       *text);

/* @text as it may be quoted in a one-line message: invalid UTF-8 shown as
 * U+FFFD, control and format characters escaped (\n, \t, \r, \x1b,
 * \u202E), and cut to about 80 characters. */
char     *rapport_text_quote         (const char       *text);
/* @text with invalid UTF-8 shown as U+FFFD and control characters escaped
 * the same way, except tabs and newlines if @keep_lines: for terminals. */
char     *rapport_text_escape        (const char       *text,
                                      gboolean          keep_lines);

/* A record id as written by Rapport: a positive decimal number without
 * sign, spaces or leading zeros ("12", not "+12", "012" or " 12"). */
gboolean  rapport_id_parse           (const char       *text,
                                      gint64           *id);

/* name@domain.tld, no spaces or list separators, at most 254 bytes. */
gboolean  rapport_email_is_plausible (const char       *email);
/* Digits, spaces and + - ( ) . /, with 3 to 20 digits. */
gboolean  rapport_phone_is_plausible (const char       *phone);

/* The rules behind the store's refusals, with their messages: NULL and ""
 * pass (not set). */
gboolean  rapport_email_check        (const char       *email,
                                      GError          **error);
gboolean  rapport_phone_check        (const char       *phone,
                                      GError          **error);

/* The types of the fields a team defines for its contacts and
 * organizations. */
typedef enum
{
  RAPPORT_FIELD_TEXT,
  RAPPORT_FIELD_NUMBER,
  RAPPORT_FIELD_DATE,
  RAPPORT_FIELD_CHOICE,
} RapportFieldType;

/* "text", "number", "date", "choice". */
const char *rapport_field_type_to_string   (RapportFieldType  type);
gboolean    rapport_field_type_from_string (const char       *text,
                                            RapportFieldType *type);

#define RAPPORT_TAG_MAX_BYTES 100

/* One line of visible text without a comma, at most
 * RAPPORT_TAG_MAX_BYTES. */
gboolean  rapport_tag_check          (const char       *tag,
                                      GError          **error);

/* The rule of each field type, once: text is one line; a number is a
 * decimal number ("12.5", kept as "12.5"); a date is YYYY-MM-DD; a choice
 * is one of @choices in any case (kept as the choice is spelled). On
 * success *@normalized is what to store (transfer full), NULL for blank
 * @value: no value. */
gboolean  rapport_custom_value_check (RapportFieldType     type,
                                      const char * const  *choices,
                                      const char          *value,
                                      char               **normalized,
                                      GError             **error);

G_END_DECLS
