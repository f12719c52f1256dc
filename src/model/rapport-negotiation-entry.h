/* rapport-negotiation-entry.h — an offer, counter-offer, objection or concession
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-record.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_NEGOTIATION_ENTRY (rapport_negotiation_entry_get_type ())

G_DECLARE_FINAL_TYPE (RapportNegotiationEntry, rapport_negotiation_entry, RAPPORT, NEGOTIATION_ENTRY, RapportRecord)

gint64                rapport_negotiation_entry_get_deal_id    (RapportNegotiationEntry *self);
RapportNegotiationKind rapport_negotiation_entry_get_kind       (RapportNegotiationEntry *self);
gint64                rapport_negotiation_entry_get_amount     (RapportNegotiationEntry *self);
const char *          rapport_negotiation_entry_get_currency   (RapportNegotiationEntry *self);
const char *          rapport_negotiation_entry_get_text       (RapportNegotiationEntry *self);
gint64                rapport_negotiation_entry_get_created_at (RapportNegotiationEntry *self);

G_END_DECLS
