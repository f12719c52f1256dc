/* bench-floor-cli.c — the floor for rapport-cli's figures: a bare C
 * program on the same file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-floor-cli FILE stages    opens the file as the store does (WAL,
 *                                read-write) and prints the stages, as
 *                                `rapport-cli stage list` does;
 * bench-floor-cli FILE deals     prints every deal row, one line each;
 * bench-floor-cli FILE contacts  the same for contacts.
 * No GLib, no GObject, no JSON: what any program pays to start and to
 * stream the rows.
 */

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

int
main (int    argc,
      char **argv)
{
  const char *sql;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (argc != 3)
    {
      fprintf (stderr, "usage: bench-floor-cli FILE stages|deals|contacts\n");
      return 2;
    }

  if (strcmp (argv[2], "stages") == 0)
    sql = "SELECT id, name, probability FROM stage ORDER BY pipeline_id, position, id";
  else if (strcmp (argv[2], "deals") == 0)
    sql = "SELECT id, title, value, currency, stage_id, status, contact_id, organization_id,"
          " expected_close, owner, created_at, updated_at FROM deal ORDER BY id";
  else if (strcmp (argv[2], "contacts") == 0)
    sql = "SELECT id, name, email, phone, organization_id, lifecycle, source, created_at"
          " FROM contact ORDER BY name COLLATE NOCASE, id";
  else
    return 2;

  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "bench-floor-cli: %s\n", sqlite3_errmsg (db));
      return 1;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const unsigned char *text = sqlite3_column_text (stmt, i);

          fputs (text ? (const char *) text : "", stdout);
          fputc (i + 1 < sqlite3_column_count (stmt) ? '\t' : '\n', stdout);
        }
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rc == SQLITE_DONE ? 0 : 1;
}
