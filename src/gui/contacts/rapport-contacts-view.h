/* rapport-contacts-view.h — the contacts list: sortable columns, lifecycle filter, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTACTS_VIEW (rapport_contacts_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportContactsView, rapport_contacts_view, RAPPORT, CONTACTS_VIEW, AdwBin)

GtkWidget  *rapport_contacts_view_new (RapportContext *context);

G_END_DECLS
