/* rapport-contact.h — a person the team does business with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-contact-value.h"
#include "rapport-record.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTACT (rapport_contact_get_type ())

G_DECLARE_FINAL_TYPE (RapportContact, rapport_contact, RAPPORT, CONTACT, RapportRecord)

const char *    rapport_contact_get_name               (RapportContact *self);
const char *    rapport_contact_get_email              (RapportContact *self);
const char *    rapport_contact_get_phone              (RapportContact *self);
gint64          rapport_contact_get_organization_id    (RapportContact *self);
RapportLifecycle rapport_contact_get_lifecycle          (RapportContact *self);
const char *    rapport_contact_get_source             (RapportContact *self);
const char *    rapport_contact_get_owner              (RapportContact *self);
gint64          rapport_contact_get_created_at         (RapportContact *self);
gint64          rapport_contact_get_updated_at         (RapportContact *self);
gint64          rapport_contact_get_first_contacted_at (RapportContact *self);
gint64          rapport_contact_get_last_contacted_at  (RapportContact *self);
gint64          rapport_contact_get_next_followup_at   (RapportContact *self);
const char *    rapport_contact_get_title              (RapportContact *self);
const char *    rapport_contact_get_external_id        (RapportContact *self);
const char *    rapport_contact_get_address            (RapportContact *self);
const char *    rapport_contact_get_birthday           (RapportContact *self);

/* "Lead", "Contact" or "Customer", translated. */
const char *rapport_lifecycle_get_label (RapportLifecycle lifecycle);

G_END_DECLS
