/* rapport-note.h — a free-text note on a contact, organization or deal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-record.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_NOTE (rapport_note_get_type ())

G_DECLARE_FINAL_TYPE (RapportNote, rapport_note, RAPPORT, NOTE, RapportRecord)

gint64      rapport_note_get_contact_id      (RapportNote *self);
gint64      rapport_note_get_deal_id         (RapportNote *self);
gint64      rapport_note_get_organization_id (RapportNote *self);
const char *rapport_note_get_body            (RapportNote *self);
gint64      rapport_note_get_created_at      (RapportNote *self);
gint64      rapport_note_get_updated_at      (RapportNote *self);

G_END_DECLS
