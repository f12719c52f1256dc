/* rapport-notes-section.h — the notes of a contact, a deal or an organization
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_NOTES_SECTION (rapport_notes_section_get_type ())

G_DECLARE_FINAL_TYPE (RapportNotesSection, rapport_notes_section, RAPPORT, NOTES_SECTION, AdwBin)

/* @owner: a RapportContact, RapportDeal or RapportOrganization */
GtkWidget *rapport_notes_section_new    (RapportContext      *context,
                                         RapportRecord       *owner);
/* Reads the notes again: another program may have written some, and the
 * store does not say so note by note. */
void       rapport_notes_section_reload (RapportNotesSection *self);

G_END_DECLS
