/* rapport-choice-menu.c — a menu of one of the lists kept with the data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The menu carries the entries' text itself: what the user picks is what
 * the field shows and what is stored.
 */

#define G_LOG_DOMAIN "rapport-choice-menu"

#include "config.h"

#include "rapport-choice-menu.h"

typedef struct
{
  GMenu             *menu;     /* weak: the handler goes with it */
  RapportStore      *store;    /* weak, as the handler is the store's */
  RapportChoiceList  list;
  char              *action;
  gulong             handler;
} ChoiceMenu;

static void
choice_menu_fill (ChoiceMenu *data)
{
  g_auto(GStrv) labels = rapport_store_get_choices (data->store, data->list);

  g_menu_remove_all (data->menu);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (labels[i], NULL);

      g_menu_item_set_action_and_target_value (item, data->action, g_variant_new_string (labels[i]));
      g_menu_append_item (data->menu, item);
    }
}

static void
on_setting_notice (RapportStore  *store,
                   RapportNotice *notice,
                   ChoiceMenu    *data)
{
  choice_menu_fill (data);
}

static void
choice_menu_free (gpointer  user_data,
                  GObject  *menu)
{
  ChoiceMenu *data = user_data;

  if (data->store != NULL)
    {
      g_signal_handler_disconnect (data->store, data->handler);
      g_object_remove_weak_pointer (G_OBJECT (data->store), (gpointer *) &data->store);
    }
  g_free (data->action);
  g_free (data);
}

GMenuModel *
rapport_choice_menu_new (RapportStore      *store,
                         RapportChoiceList  list,
                         const char        *action)
{
  ChoiceMenu *data;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (action != NULL, NULL);

  data = g_new0 (ChoiceMenu, 1);
  data->menu = g_menu_new ();
  data->store = store;
  data->list = list;
  data->action = g_strdup (action);
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &data->store);
  data->handler = g_signal_connect (store, "notice::setting", G_CALLBACK (on_setting_notice), data);
  g_object_weak_ref (G_OBJECT (data->menu), choice_menu_free, data);

  choice_menu_fill (data);
  return G_MENU_MODEL (data->menu);
}
