/* durability-mover.c — moves deals between stages until it is killed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: durability-mover DB_PATH SEED
 *
 * test-durability runs this on a database it prepared, kills it with
 * SIGKILL at a random moment and then checks that every move this program
 * reported is in the file. A move is reported, as one line
 * "DEAL_ID STAGE_ID\n" written with a single write(2), only after
 * rapport_store_move_deal() returned TRUE: the store promises that a call
 * that returned TRUE has committed.
 *
 * Exit status: 2 for a usage error, 3 for any failure of the store. It never
 * exits on its own otherwise.
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rapport-store.h"

#define EXIT_STORE_FAILED 3

static void
write_all (int         fd,
           const char *data,
           gsize       len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          g_printerr ("durability-mover: cannot write to stdout: %s\n", g_strerror (errno));
          exit (EXIT_STORE_FAILED);
        }

      data += n;
      len -= (gsize) n;
    }
}

static G_GNUC_NORETURN void
fail (const char   *what,
      const GError *error)
{
  g_printerr ("durability-mover: %s: %s\n", what, error ? error->message : "(no error)");
  exit (EXIT_STORE_FAILED);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportPipeline) pipeline = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) open_deals = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GRand) rand = NULL;
  GListModel *stage_model;
  guint64 seed;
  char *end = NULL;

  /* Nothing may sit in a buffer when SIGKILL arrives: lines go straight
   * to the pipe (write_all), and stdio is unbuffered for good measure. */
  setvbuf (stdout, NULL, _IONBF, 0);

  if (argc != 3)
    {
      g_printerr ("Usage: durability-mover DB_PATH SEED\n");
      return 2;
    }

  seed = g_ascii_strtoull (argv[2], &end, 10);
  if (end == argv[2] || *end != '\0')
    {
      g_printerr ("durability-mover: “%s” is not a seed (a whole number)\n", argv[2]);
      return 2;
    }
  rand = g_rand_new_with_seed ((guint32) seed);

  store = rapport_store_new (argv[1], &error);
  if (store == NULL)
    fail ("cannot open the database", error);

  /* Every deal, once; only the open ones can move. */
  ids = rapport_store_list_deal_ids (store, NULL, &error);
  if (ids == NULL)
    fail ("cannot list the deals", error);

  open_deals = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = *(gint64 *) ids->pdata[i];
      g_autoptr(RapportDeal) deal = rapport_store_get_deal (store, id, &error);

      if (deal == NULL)
        fail ("cannot load a deal", error);
      if (rapport_deal_get_status (deal) == RAPPORT_DEAL_STATUS_OPEN)
        g_ptr_array_add (open_deals, g_steal_pointer (&deal));
    }

  pipeline = rapport_store_get_current_pipeline (store);
  if (pipeline == NULL)
    fail ("the database has no current pipeline", NULL);

  stage_model = rapport_store_get_stages (store, pipeline);
  stages = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (stage_model); i++)
    g_ptr_array_add (stages, g_list_model_get_item (stage_model, i));

  if (open_deals->len == 0 || stages->len < 2)
    {
      g_printerr ("durability-mover: need open deals and two stages (have %u and %u)\n",
                  open_deals->len, stages->len);
      return EXIT_STORE_FAILED;
    }

  for (;;)
    {
      RapportDeal *deal = open_deals->pdata[g_rand_int_range (rand, 0, (gint32) open_deals->len)];
      gint64 current = rapport_deal_get_stage_id (deal);
      RapportStage *stage;
      gint64 deal_id, stage_id;
      char line[64];
      int len;

      do
        stage = stages->pdata[g_rand_int_range (rand, 0, (gint32) stages->len)];
      while (rapport_record_get_id (RAPPORT_RECORD (stage)) == current);

      if (!rapport_store_move_deal (store, deal, stage, -1, &error))
        fail ("a move failed", error);

      deal_id = rapport_record_get_id (RAPPORT_RECORD (deal));
      stage_id = rapport_record_get_id (RAPPORT_RECORD (stage));
      if (rapport_deal_get_stage_id (deal) != stage_id)
        {
          g_printerr ("durability-mover: deal %" G_GINT64_FORMAT " is in stage %" G_GINT64_FORMAT
                      " after a move to %" G_GINT64_FORMAT " returned TRUE\n",
                      deal_id, rapport_deal_get_stage_id (deal), stage_id);
          return EXIT_STORE_FAILED;
        }

      /* Only now is the move reported: one line, one write. */
      len = g_snprintf (line, sizeof line, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
                        deal_id, stage_id);
      write_all (STDOUT_FILENO, line, (gsize) len);
    }
}
