/* rapport-test-support.c — small helpers the tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <sys/wait.h>

#include "rapport-store-after-sales.h"
#include "rapport-test-support.h"

char *
rapport_test_tmpdir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rapport-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

void
rapport_test_tmpdir_free (char *dir)
{
  if (dir != NULL)
    remove_tree (dir);
  g_free (dir);
}

RapportStore *
rapport_test_store_new (char       **dir,
                        const char  *template_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  RapportStore *store;

  *dir = rapport_test_tmpdir_new ();
  path = g_build_filename (*dir, "rapport.db", NULL);
  store = rapport_store_new_with_template (path, template_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

char *
rapport_test_file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

void
rapport_test_write_file (const char *path,
                         const char *data,
                         gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

RapportStage *
rapport_test_stage_at (RapportStore *store,
                       guint         index)
{
  g_autoptr(RapportPipeline) pipeline = rapport_store_get_current_pipeline (store);
  GListModel *stages = rapport_store_get_stages (store, pipeline);

  g_assert_cmpuint (index, <, g_list_model_get_n_items (stages));
  return g_list_model_get_item (stages, index);
}

void
rapport_test_run_cli (const char      *db,
                      const char     **args,
                      RapportTestRun  *run)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_ptr_array_add (argv, (char *) g_getenv ("RAPPORT_CLI"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_nonnull (argv->pdata[0]);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  if (run->status != 0)
    g_test_message ("exit %d: %s", run->status, run->err);
}

void
rapport_test_run_clear (RapportTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

char *
rapport_test_cli_ok (const char *db,
                     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(RapportTestRun) run = { 0 };
  const char *arg;
  va_list ap;

  va_start (ap, db);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  rapport_test_run_cli (db, (const char **) args->pdata, &run);
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.out);
}

char *
rapport_test_dump_tables (const char *path)
{
  static const char * const sql[] = {
    "SELECT * FROM organization ORDER BY id",
    "SELECT * FROM contact ORDER BY id",
    "SELECT * FROM contact_email ORDER BY contact_id, position",
    "SELECT * FROM contact_phone ORDER BY contact_id, position",
    "SELECT contact_id, mime_type, hex(bytes) FROM contact_photo ORDER BY contact_id",
    "SELECT * FROM deal ORDER BY id",
    "SELECT * FROM activity ORDER BY id",
    "SELECT * FROM note ORDER BY id",
    "SELECT * FROM negotiation_entry ORDER BY id",
    "SELECT * FROM stage_change ORDER BY id",
    "SELECT * FROM deal_action ORDER BY deal_id, stage_action_id",
    "SELECT rowid, ref, title, detail FROM search_contact ORDER BY rowid",
    "SELECT rowid, ref, title, detail FROM search_organization ORDER BY rowid",
    "SELECT rowid, ref, title, detail FROM search_deal ORDER BY rowid",
  };
  GString *dump = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql[i], -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (dump, "%s\n", sql[i]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (dump, "%s|", sqlite3_column_type (stmt, c) == SQLITE_NULL
                                                   ? "NULL" : (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

void
rapport_test_clear_after_sales (RapportStore *store)
{
  GListModel *pipelines = rapport_store_get_pipelines (store);

  for (guint i = 0; i < g_list_model_get_n_items (pipelines); i++)
    {
      g_autoptr(RapportPipeline) pipeline = g_list_model_get_item (pipelines, i);
      g_autoptr(GPtrArray) steps = NULL;
      g_autoptr(GError) error = NULL;

      steps = rapport_store_list_after_sales_steps (store, rapport_record_get_id (RAPPORT_RECORD (pipeline)), &error);
      g_assert_no_error (error);
      for (guint j = 0; j < steps->len; j++)
        {
          g_assert_true (rapport_store_delete_after_sales_step (store, steps->pdata[j], &error));
          g_assert_no_error (error);
        }
    }
}

int
rapport_test_timeout_multiplier (void)
{
  const char *multiplier = g_getenv ("RAPPORT_TEST_TIMEOUT_MULTIPLIER");

  return MAX (1, multiplier != NULL ? atoi (multiplier) : 1);
}
