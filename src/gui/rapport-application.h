/* rapport-application.h — the Rapport application: options, actions, store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_APPLICATION (rapport_application_get_type ())

G_DECLARE_FINAL_TYPE (RapportApplication, rapport_application, RAPPORT, APPLICATION, AdwApplication)

RapportApplication *rapport_application_new             (void);
RapportStore       *rapport_application_get_store       (RapportApplication *self);
int                 rapport_application_get_exit_status (RapportApplication *self);

G_END_DECLS
