/* rapport-process-manual.h — the process manual, printed or as Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rapport-process.h"

G_BEGIN_DECLS

/* The whole process in Markdown: each stage with its purpose, win
 * probability, rotting days and gate, its key actions as a table (who,
 * activity, material, output), then the after-sales plan. */
char     *rapport_process_to_markdown    (const RapportProcess  *process);
/* The same as an A4 PDF at @path, written whole or not at all; @made_at
 * (Unix seconds) is the date it says and its metadata. */
gboolean  rapport_process_write_pdf      (const RapportProcess  *process,
                                          gint64                 made_at,
                                          const char            *path,
                                          gboolean               replace,
                                          int                   *n_pages,
                                          GError               **error);
/* What a save dialog suggests: “Classic 5 stages — process manual.pdf”. */
char     *rapport_process_manual_name    (const RapportProcess  *process,
                                          const char            *extension);

G_END_DECLS
