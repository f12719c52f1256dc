/* rapport-import-assistant-private.h — what the assistant's two files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rapport-import-assistant.c reads the file and runs the checks and the
 * import; rapport-import-assistant-rows.c makes the row of each column
 * and of each stage the pipeline lacks.
 */

#pragma once

#include "rapport-import-assistant.h"
#include "rapport-import.h"

G_BEGIN_DECLS

RapportContext     *rapport_import_assistant_get_context       (RapportImportAssistant *self);
RapportImportKind   rapport_import_assistant_get_kind          (RapportImportAssistant *self);
GPtrArray          *rapport_import_assistant_get_header        (RapportImportAssistant *self);
const char         *rapport_import_assistant_get_sample        (RapportImportAssistant *self,
                                                                guint                   column);
GHashTable         *rapport_import_assistant_get_stage_choices (RapportImportAssistant *self);
void                rapport_import_assistant_append_column_row (RapportImportAssistant *self,
                                                                AdwComboRow            *row);
/* @targets (transfer full): the stage id, or RAPPORT_IMPORT_STAGE_WON or
 * _LOST, of each of @row's choices; 0 for none. */
void                rapport_import_assistant_append_stage_row  (RapportImportAssistant *self,
                                                                AdwComboRow            *row,
                                                                const char             *value,
                                                                GArray                 *targets);
gboolean            rapport_import_assistant_has_stage_row     (RapportImportAssistant *self,
                                                                const char             *value);
/* The file's value of stage row @row, and what its choice now means. */
gboolean            rapport_import_assistant_stage_row_choice  (RapportImportAssistant *self,
                                                                AdwComboRow            *row,
                                                                const char            **value,
                                                                gint64                 *target);
/* Runs the dry run again, soon (once for a burst of changes). */
void                rapport_import_assistant_queue_check       (RapportImportAssistant *self);

/* rapport-import-assistant-rows.c */

/* The field of choice @index in a column row of a file of @kind. */
RapportImportField  rapport_import_assistant_field_at          (RapportImportKind       kind,
                                                                guint                   index);
/* One row per column of the header, each set to the mapping kept from
 * last time for these headers, else to the guess from its header. */
void                rapport_import_assistant_add_column_rows   (RapportImportAssistant *self);
/* A row for each of @values (stages no stage matched) without one yet. */
void                rapport_import_assistant_add_stage_rows    (RapportImportAssistant *self,
                                                                GPtrArray              *values);

G_END_DECLS
