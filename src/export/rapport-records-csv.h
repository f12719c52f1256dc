/* rapport-records-csv.h — contacts, organizations or deals as CSV that
 * `import csv` reads back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-export-file.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* Every record of @kind, one line at a time (RFC 4180, defused cells),
 * under the headers `import csv --kind` maps by themselves: contacts'
 * name, title, email, phone, organization, owner, source, created_at,
 * external_id; organizations' name, phone, created_at; deals' name, value,
 * currency, stage, status, close_date, lost_reason, owner, created_at,
 * contact, email, organization. @n (may be NULL) counts them. */
gboolean rapport_records_csv_export (RapportStore       *store,
                                     RapportImportKind   kind,
                                     RapportExportSink   sink,
                                     gpointer            user_data,
                                     guint              *n,
                                     GError            **error);

G_END_DECLS
