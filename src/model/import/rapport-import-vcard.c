/* rapport-import-vcard.c — the cards of a .vcf file as contacts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every card is read and checked by the reader, each bad one listed with
 * its line; the good ones go to rapport_store_import(), which writes them
 * all in one transaction, or none when a card is bad.
 */

#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include "rapport-import.h"

typedef struct
{
  RapportVcardReader  *reader;
  RapportImportReport *report;
  RapportVcard        *card;   /* owned: the row's strings point into it */
} VcardImport;

static RapportImportNext
next_card (gpointer           user_data,
           RapportImportRow  *row,
           GError           **error)
{
  VcardImport *import = user_data;
  g_autoptr(GError) local_error = NULL;
  RapportVcard *card;
  guint line = 0;

  g_clear_pointer (&import->card, rapport_vcard_free);
  switch (rapport_vcard_reader_next (import->reader, &import->card, &line, &local_error))
    {
    case RAPPORT_VCARD_NEXT_CARD:
      break;
    case RAPPORT_VCARD_NEXT_BAD:
      g_ptr_array_add (import->report->problems, rapport_import_problem_new (line, NULL, local_error->message));
      return RAPPORT_IMPORT_NEXT_BAD;
    case RAPPORT_VCARD_NEXT_END:
      return RAPPORT_IMPORT_NEXT_END;
    case RAPPORT_VCARD_NEXT_FAILED:
    default:
      g_propagate_error (error, g_steal_pointer (&local_error));
      return RAPPORT_IMPORT_NEXT_FAILED;
    }

  card = import->card;
  row->line = card->line;
  row->name = card->name;
  row->organization = card->organization;
  row->note = card->note;
  row->title = card->title;
  row->external_id = card->uid;
  row->emails = card->emails;
  row->phones = card->phones;
  row->photo = card->photo;
  row->photo_type = card->photo_type;
  row->address = card->address;
  row->birthday = card->birthday;
  row->tags = card->categories;
  return RAPPORT_IMPORT_NEXT_ROW;
}

gboolean
rapport_import_vcard (RapportStore         *store,
                      RapportVcardReader   *reader,
                      RapportImportFlags    flags,
                      RapportImportReport  *report,
                      GError              **error)
{
  VcardImport import = { reader, report, NULL };
  gboolean done;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (reader != NULL && report != NULL, FALSE);

  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_import_problem_free);
  done = rapport_store_import (store, RAPPORT_IMPORT_CONTACTS, flags, next_card, &import,
                               &report->counts, error);
  g_clear_pointer (&import.card, rapport_vcard_free);
  return done;
}
