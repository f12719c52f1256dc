/* safety-writer.c — one of several programs writing to one file at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   safety-writer cli|resident DB SECONDS NAME OUT
 *
 * Writes notes (and now and then a contact or a deal move) to DB for
 * SECONDS, as NAME: "cli" runs rapport-cli for each change, as scripts do
 * (every run opens, inspects and closes the file); "resident" keeps one
 * store open for the whole time, as the app does, and follows the others'
 * writes. Every change the program was told is done goes to OUT as
 * "note ID TEXT" the moment it is acknowledged; every failure as
 * "FAIL what". test-safety.c checks the file against OUT afterwards.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "rapport-store.h"

static FILE *out;

static void
acknowledge (const char *kind,
             gint64      id,
             const char *text)
{
  fprintf (out, "%s %" G_GINT64_FORMAT " %s\n", kind, id, text);
  fflush (out);
}

static void
fail (const char *what)
{
  fprintf (out, "FAIL %s\n", what);
  fflush (out);
}

/* Runs rapport-cli; returns its stdout, or NULL after recording a failure. */
static char *
run_cli (const char *db,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *stdout_text = NULL;
  const char *arg;
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("RAPPORT_CLI"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  va_start (args, db);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &stdout_text, &err, &wait_status, &error))
    {
      fail (error->message);
      return NULL;
    }
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    {
      g_strchomp (err);
      fail (err);
      g_free (stdout_text);
      return NULL;
    }

  return stdout_text;
}

static gint64
json_id (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return 0;

  return json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)), "id");
}

static void
run_as_cli (const char *db,
            const char *name,
            gint64      deadline)
{
  for (guint n = 0; g_get_monotonic_time () < deadline; n++)
    {
      g_autofree char *text = g_strdup_printf ("%s-%u", name, n);
      g_autofree char *printed = NULL;

      if (n % 10 == 3)
        {
          g_autofree char *stage = g_strdup_printf ("%u", n % 5 == 3 ? 1 : 2);

          if ((printed = run_cli (db, "deal", "move", "1", stage, NULL)) != NULL)
            acknowledge ("move", 1, text);
          continue;
        }
      if (n % 10 == 7)
        {
          if ((printed = run_cli (db, "contact", "add", text, "--json", NULL)) != NULL)
            acknowledge ("contact", json_id (printed), text);
          continue;
        }

      if ((printed = run_cli (db, "note", "add", "--contact", "1", text, "--json", NULL)) != NULL)
        acknowledge ("note", json_id (printed), text);
    }
}

static void
run_resident (const char *db,
              const char *name,
              gint64      deadline)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_new (db, &error);

  if (store == NULL)
    {
      fail (error->message);
      return;
    }

  for (guint n = 0; g_get_monotonic_time () < deadline; n++)
    {
      g_autofree char *text = g_strdup_printf ("%s-%u", name, n);
      g_autoptr(RapportNote) note = NULL;

      /* As the app's watch does between the user's edits. */
      rapport_store_sync_external (store);

      note = rapport_store_add_note (store, 1, 0, 0, text, &error);
      if (note == NULL)
        {
          fail (error->message);
          g_clear_error (&error);
          continue;
        }
      acknowledge ("note", rapport_record_get_id (RAPPORT_RECORD (note)), text);
      g_usleep (2000);
    }
}

int
main (int    argc,
      char **argv)
{
  gint64 deadline;

  if (argc != 6 || g_getenv ("RAPPORT_CLI") == NULL)
    {
      g_printerr ("usage: RAPPORT_CLI=… safety-writer cli|resident DB SECONDS NAME OUT\n");
      return 2;
    }

  out = fopen (argv[5], "w");
  if (out == NULL)
    return 1;

  deadline = g_get_monotonic_time () + g_ascii_strtoll (argv[3], NULL, 10) * G_USEC_PER_SEC;
  if (g_str_equal (argv[1], "resident"))
    run_resident (argv[2], argv[4], deadline);
  else
    run_as_cli (argv[2], argv[4], deadline);

  fclose (out);
  return 0;
}
