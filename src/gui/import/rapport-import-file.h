/* rapport-import-file.h — Import… of any file: spreadsheets, cards, calendars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-context.h"
#include "rapport-import-job.h"

G_BEGIN_DECLS

/* What @file is, by its name: a vCard (.vcf), an iCalendar file (.ics),
 * or else a spreadsheet. */
RapportImportFormat rapport_import_format_of (GFile          *file);

/* A spreadsheet opens the assistant; a vCard or iCalendar file a question
 * that says what it holds, then imports it. */
void                rapport_import_file      (RapportContext *context,
                                              GtkWindow      *parent,
                                              GFile          *file);

/* Import…: asks for a file first. */
void                rapport_import_choose    (RapportContext *context,
                                              GtkWindow      *parent);

G_END_DECLS
