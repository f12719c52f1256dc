/* rapport-process-editor-stages.c — the process editor's stage picker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which stage the settings and playbook below are of: picked in the combo
 * row, or the stage whose row in the list above has the keyboard. The
 * list is the store's, filled anew after every change: the choice is kept
 * by id across that.
 */

#define G_LOG_DOMAIN "rapport-process-editor"

#include "config.h"

#include "rapport-process-editor-private.h"

guint
rapport_process_editor_index_of (GListModel *list,
                                 gint64      id)
{
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportRecord) record = g_list_model_get_item (list, i);

      if (rapport_record_get_id (record) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
choose_stage (RapportProcessEditor *self,
              gint64                id)
{
  guint index = rapport_process_editor_index_of (self->stages, id);

  g_assert (RAPPORT_IS_PROCESS_EDITOR (self));

  /* A stage deleted: the first one is shown instead. */
  if (index == GTK_INVALID_LIST_POSITION)
    index = 0;
  if (adw_combo_row_get_selected (self->stage_row) != index)
    adw_combo_row_set_selected (self->stage_row, index);
  rapport_stage_page_set_stage (self->stage_page, adw_combo_row_get_selected_item (self->stage_row));
}

void
rapport_process_editor_on_stage_picked (RapportProcessEditor *self)
{
  RapportStage *stage = adw_combo_row_get_selected_item (self->stage_row);

  if (self->refilling)
    return;
  self->stage_id = stage != NULL ? rapport_record_get_id (RAPPORT_RECORD (stage)) : 0;
  rapport_stage_page_set_stage (self->stage_page, stage);
}

void
rapport_process_editor_on_stage_chosen (RapportProcessEditor *self,
                                        RapportStage         *stage)
{
  self->stage_id = rapport_record_get_id (RAPPORT_RECORD (stage));
  choose_stage (self, self->stage_id);
}

/* Before and after the combo row follows a new fill of the list: what it
 * selects meanwhile is not the user's choice. */
static void
on_stages_changing (RapportProcessEditor *self)
{
  self->refilling = TRUE;
}

static void
on_stages_changed (RapportProcessEditor *self)
{
  self->refilling = FALSE;
  choose_stage (self, self->stage_id);
}

static char *
names_of (GListModel *stages)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = stages != NULL ? g_list_model_get_n_items (stages) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);

      g_string_append (names, rapport_stage_get_name (stage));
      g_string_append_c (names, '\n');
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The picker does not show a renamed stage's new name by itself: it is
 * given its list again. */
void
rapport_process_editor_on_stage_notice (RapportProcessEditor *self)
{
  g_autofree char *names = names_of (self->stages);

  if (g_strcmp0 (names, self->stage_names) == 0)
    return;

  g_free (self->stage_names);
  self->stage_names = g_steal_pointer (&names);
  self->refilling = TRUE;
  adw_combo_row_set_model (self->stage_row, NULL);
  adw_combo_row_set_model (self->stage_row, self->stages);
  self->refilling = FALSE;
  choose_stage (self, self->stage_id);
}

void
rapport_process_editor_show_stages (RapportProcessEditor *self)
{
  if (self->stages != NULL)
    g_signal_handlers_disconnect_by_data (self->stages, self);
  g_clear_object (&self->stages);
  if (self->pipeline != NULL)
    self->stages = g_object_ref (rapport_store_get_stages (store_of (self), self->pipeline));

  if (self->stages != NULL)
    g_signal_connect_object (self->stages, "items-changed", G_CALLBACK (on_stages_changing),
                             self, G_CONNECT_SWAPPED);
  adw_combo_row_set_model (self->stage_row, self->stages);
  if (self->stages != NULL)
    g_signal_connect_object (self->stages, "items-changed", G_CALLBACK (on_stages_changed),
                             self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  g_free (self->stage_names);
  self->stage_names = names_of (self->stages);
  self->stage_id = 0;
  choose_stage (self, 0);
  rapport_process_editor_on_stage_picked (self);
}
