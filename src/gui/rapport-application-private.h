/* rapport-application-private.h — what the application's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-application.h"
#include "rapport-error.h"

G_BEGIN_DECLS

/* rapport-application-backup.c: app.backup and app.restore */
void rapport_application_add_backup_actions (RapportApplication *self);

G_END_DECLS
