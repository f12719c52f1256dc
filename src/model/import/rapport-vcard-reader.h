/* rapport-vcard-reader.h — the cards of a .vcf file, one at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads vCard 2.1, 3.0 and 4.0: folded lines, quoted-printable with soft
 * line breaks, CHARSET=, escapes, labelled EMAIL and TEL, FN (else N),
 * ORG, TITLE, NOTE, UID, ADR, BDAY, CATEGORIES and PHOTO (inline
 * base64, or a data: URI). A card
 * with a fault is reported with the line of the fault, and reading goes
 * on with the next card; nothing here knows the store.
 */

#pragma once

#include <gio/gio.h>

#include "rapport-contact-value.h"

G_BEGIN_DECLS

/* The longest line (folded lines joined) a card may have: a 4 MiB photo
 * in base64, and room to spare. */
#define RAPPORT_VCARD_MAX_LINE (8 * 1024 * 1024)

typedef struct
{
  guint       line;          /* of its BEGIN:VCARD */
  char       *name;          /* FN, else N's parts joined; never NULL */
  char       *title;
  char       *organization;  /* ORG's first part */
  char       *note;          /* the NOTEs, a blank line between */
  char       *uid;
  GPtrArray  *emails;        /* of RapportContactValue, preferred first */
  GPtrArray  *phones;
  GBytes     *photo;
  char       *photo_type;    /* "image/jpeg"…, with @photo */
  char       *address;       /* the first ADR's parts, a line each */
  char       *birthday;      /* BDAY as YYYY-MM-DD; NULL without a year */
  char       *categories;    /* CATEGORIES: "a, b" */
} RapportVcard;

void rapport_vcard_free (RapportVcard *card);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportVcard, rapport_vcard_free)

typedef enum
{
  RAPPORT_VCARD_NEXT_CARD,    /* @card is set */
  RAPPORT_VCARD_NEXT_BAD,     /* a bad card: @line and @error say where and what;
                               * the next call reads on */
  RAPPORT_VCARD_NEXT_END,
  RAPPORT_VCARD_NEXT_FAILED,  /* @error: the file cannot be read */
} RapportVcardNext;

typedef struct _RapportVcardReader RapportVcardReader;

RapportVcardReader *rapport_vcard_reader_new  (GInputStream        *stream);
void                rapport_vcard_reader_free (RapportVcardReader  *self);
RapportVcardNext    rapport_vcard_reader_next (RapportVcardReader  *self,
                                               RapportVcard       **card,
                                               guint               *line,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportVcardReader, rapport_vcard_reader_free)

G_END_DECLS
