/* rapport-bad-rows.h — the rows an import skipped, as a CSV file to mend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Reads @source again (with @encoding and @delimiter as the import did)
 * and writes its header and each row that @problems (RapportImportProblem)
 * names, with one more column saying what is wrong, to a new file beside
 * it ("NAME bad rows.csv", "NAME bad rows 2.csv"…), or to @path (which
 * must not exist yet). The path written, or NULL with @error. */
char *rapport_bad_rows_save (GFile       *source,
                             const char  *encoding,
                             char         delimiter,
                             GPtrArray   *problems,
                             const char  *path,
                             GError     **error);

G_END_DECLS
