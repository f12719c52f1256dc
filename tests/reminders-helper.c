/* reminders-helper.c — what the reminder tests need and rapport-cli lacks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   reminders-helper DB followup NAME TITLE SECONDS
 *
 * adds a customer NAME and a follow-up TITLE of theirs, due SECONDS from
 * now, through the store (as the app would), and prints the follow-up's id.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "rapport-store.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(RapportActivity) followup = NULL;
  RapportContactFields fields = { 0 };

  setlocale (LC_ALL, "");

  if (argc != 6 || g_strcmp0 (argv[2], "followup") != 0)
    {
      g_printerr ("usage: %s DB followup NAME TITLE SECONDS\n", argv[0]);
      return 2;
    }

  store = rapport_store_new (argv[1], &error);
  if (store == NULL)
    goto fail;

  fields.name = argv[3];
  fields.lifecycle = RAPPORT_LIFECYCLE_CUSTOMER;
  contact = rapport_store_add_contact (store, &fields, &error);
  if (contact == NULL)
    goto fail;

  followup = rapport_store_add_followup (store, rapport_record_get_id (RAPPORT_RECORD (contact)), 0,
                                         argv[4], rapport_store_now (store) + atoi (argv[5]), &error);
  if (followup == NULL)
    goto fail;

  g_print ("%" G_GINT64_FORMAT "\n", rapport_record_get_id (RAPPORT_RECORD (followup)));
  return 0;

fail:
  g_printerr ("%s: %s\n", argv[0], error->message);
  return 1;
}
