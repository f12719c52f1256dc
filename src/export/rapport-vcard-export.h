/* rapport-vcard-export.h — contacts as vCard 3.0
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * vCard 3.0 (RFC 2426) is what GNOME Contacts, Evolution, Thunderbird,
 * Google Contacts and phones all read: FN, N, ORG, TITLE, every EMAIL and
 * TEL with its TYPE (the first one PREF), the contact's notes as NOTE,
 * the photo inline in base64, a UID that stays the same for a contact
 * and REV, lines folded at 75 bytes and ended with CR LF.
 */

#pragma once

#include "rapport-export-file.h"
#include "rapport-store.h"

G_BEGIN_DECLS


/* One card (transfer full). */
char     *rapport_vcard_export_contact  (RapportStore      *store,
                                         RapportContact    *contact,
                                         GError           **error);
/* Every contact, by name, one card at a time; @n_contacts (may be NULL)
 * counts them. */
gboolean  rapport_vcard_export_contacts (RapportStore      *store,
                                         RapportExportSink  sink,
                                         gpointer           user_data,
                                         guint             *n_contacts,
                                         GError           **error);

G_END_DECLS
