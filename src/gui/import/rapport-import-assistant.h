/* rapport-import-assistant.h — Import…: a CSV file's rows as contacts,
 * organizations or deals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_IMPORT_ASSISTANT (rapport_import_assistant_get_type ())

G_DECLARE_FINAL_TYPE (RapportImportAssistant, rapport_import_assistant, RAPPORT, IMPORT_ASSISTANT, AdwWindow)

/* The assistant for @file, over @parent. */
GtkWidget *rapport_import_assistant_new    (RapportContext *context,
                                            GtkWindow      *parent,
                                            GFile          *file);

G_END_DECLS
