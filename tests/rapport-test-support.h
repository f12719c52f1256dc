/* rapport-test-support.h — small helpers the tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-store.h"

G_BEGIN_DECLS

/* A fresh temporary directory, removed by rapport_test_tmpdir_free. */
char         *rapport_test_tmpdir_new     (void);
void          rapport_test_tmpdir_free    (char *dir);

/* A new store on a new file in a temporary directory (*dir receives it). */
RapportStore *rapport_test_store_new      (char       **dir,
                                           const char  *template_id);

/* Empties the after-sales plan of every pipeline, for tests written
 * before winning a deal scheduled follow-ups: what they count stays
 * what it was. */
void          rapport_test_clear_after_sales (RapportStore *store);

/* The SHA-256 of a file's bytes, to prove a file was left unchanged. */
char         *rapport_test_file_checksum  (const char  *path);

/* Writes @len bytes of @data to @path, creating it. */
void          rapport_test_write_file     (const char  *path,
                                           const char  *data,
                                           gssize       len);

/* The stage at @index of the current pipeline (transfer full). */
RapportStage *rapport_test_stage_at       (RapportStore *store,
                                           guint         index);

/* What a run of rapport-cli --db @db ARGS… (NULL-terminated) did: the
 * program is $RAPPORT_CLI; a crash fails the test. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} RapportTestRun;

void          rapport_test_run_cli        (const char      *db,
                                           const char     **args,
                                           RapportTestRun  *run);
void          rapport_test_run_clear      (RapportTestRun  *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RapportTestRun, rapport_test_run_clear)

/* rapport-cli --db @db ARGS… (NULL-terminated), which must succeed: its
 * standard output. */
char         *rapport_test_cli_ok         (const char      *db,
                                           ...) G_GNUC_NULL_TERMINATED;

/* Every row of the tables records live in (the search index too), each
 * column as text: what the file holds, beyond what an export shows
 * (positions, labels, times), to compare before and after an undo. */
char         *rapport_test_dump_tables    (const char      *path);

/* How much longer than usual a test waits (RAPPORT_TEST_TIMEOUT_MULTIPLIER,
 * which build-aux/run-tests sets for the sanitizer build); at least 1. */
int           rapport_test_timeout_multiplier (void);

G_END_DECLS
