/* rapport-contact-detail.h — everything about one contact, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTACT_DETAIL (rapport_contact_detail_get_type ())

G_DECLARE_FINAL_TYPE (RapportContactDetail, rapport_contact_detail, RAPPORT, CONTACT_DETAIL, AdwBin)

/* A page for the window's navigation; its "title" property is what the
 * header bar shows while it is open. */
GtkWidget  *rapport_contact_detail_new        (RapportContext *context,
                                               RapportContact *contact);
RapportContact *rapport_contact_detail_get_contact (RapportContactDetail *self);

G_END_DECLS
