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

G_END_DECLS
