/* rapport-negotiation-entry.c — an offer, counter-offer, objection or concession
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-negotiation-entry"

#include "config.h"

#include "rapport-enums.h"
#include "rapport-negotiation-entry.h"

struct _RapportNegotiationEntry
{
  RapportRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RapportNegotiationEntry, rapport_negotiation_entry, RAPPORT_TYPE_RECORD)

enum {
  PROP_0,
  PROP_DEAL_ID,
  PROP_KIND,
  PROP_AMOUNT,
  PROP_CURRENCY,
  PROP_TEXT,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_negotiation_entry_class_init (RapportNegotiationEntryClass *klass)
{
  properties[PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, RAPPORT_TYPE_NEGOTIATION_KIND, RAPPORT_NEGOTIATION_OFFER,
                       RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  rapport_record_class_install (RAPPORT_RECORD_CLASS (klass), "negotiation_entry", properties, N_PROPS);
}

static void
rapport_negotiation_entry_init (RapportNegotiationEntry *self)
{
}

gint64
rapport_negotiation_entry_get_deal_id (RapportNegotiationEntry *self)
{
  g_return_val_if_fail (RAPPORT_IS_NEGOTIATION_ENTRY (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_DEAL_ID);
}

RapportNegotiationKind
rapport_negotiation_entry_get_kind (RapportNegotiationEntry *self)
{
  g_return_val_if_fail (RAPPORT_IS_NEGOTIATION_ENTRY (self), 0);

  return (RapportNegotiationKind) rapport_record_get_int (RAPPORT_RECORD (self), PROP_KIND);
}

gint64
rapport_negotiation_entry_get_amount (RapportNegotiationEntry *self)
{
  g_return_val_if_fail (RAPPORT_IS_NEGOTIATION_ENTRY (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_AMOUNT);
}

const char *
rapport_negotiation_entry_get_currency (RapportNegotiationEntry *self)
{
  g_return_val_if_fail (RAPPORT_IS_NEGOTIATION_ENTRY (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_CURRENCY);
}

const char *
rapport_negotiation_entry_get_text (RapportNegotiationEntry *self)
{
  g_return_val_if_fail (RAPPORT_IS_NEGOTIATION_ENTRY (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_TEXT);
}

gint64
rapport_negotiation_entry_get_created_at (RapportNegotiationEntry *self)
{
  g_return_val_if_fail (RAPPORT_IS_NEGOTIATION_ENTRY (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_CREATED_AT);
}
