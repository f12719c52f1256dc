/* rapport-choices-group.h — a kept list of the data, edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-store-settings.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CHOICES_GROUP (rapport_choices_group_get_type ())

G_DECLARE_FINAL_TYPE (RapportChoicesGroup, rapport_choices_group, RAPPORT, CHOICES_GROUP, AdwPreferencesGroup)

void              rapport_choices_group_set_store (RapportChoicesGroup *self,
                                                   RapportStore        *store);
RapportChoiceList rapport_choices_group_get_list  (RapportChoicesGroup *self);

G_END_DECLS
