/* rapport-contact-value.h — a labelled e-mail address or phone number
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One of a contact's e-mail addresses or phone numbers (the store's
 * rapport_store_get_contact_emails() and _phones() give them in order,
 * the first being rapport_contact_get_email() / _get_phone()). */
typedef struct
{
  char *label;   /* "work", "home", "mobile" or "other" */
  char *value;
} RapportContactValue;

/* The labels the store accepts. */
gboolean             rapport_contact_label_is_known (const char          *label);
/* NULL @label is "other". */
RapportContactValue *rapport_contact_value_new      (const char          *label,
                                                     const char          *value);
void                 rapport_contact_value_free     (RapportContactValue *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportContactValue, rapport_contact_value_free)

G_END_DECLS
