/* rapport-store-settings.c — the default currency and the kept lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lists are a few dozen entries at most, so every change reads the
 * list, makes the new one in memory, checks it whole and writes it back
 * in one transaction: one rule for adding, renaming, moving and removing,
 * and positions that never have gaps or twins.
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-money.h"
#include "rapport-store-private.h"
#include "rapport-store-settings.h"
#include "rapport-validate.h"

/* The list's key in the table. */
static const char *
list_key (RapportChoiceList list)
{
  return list == RAPPORT_CHOICE_LOST_REASON ? "lost-reason" : "lead-source";
}

static void
notify_settings (RapportStore *self)
{
  rapport_store_notify (self, RAPPORT_ENTITY_SETTING, RAPPORT_CHANGE_UPDATED, 0);
}

gboolean
rapport_store_set_default_currency (RapportStore  *self,
                                    const char    *code,
                                    GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (!rapport_currency_check (code, error))
    return FALSE;
  if (g_strcmp0 (code, self->default_currency) == 0)
    return TRUE;

  if (!rapport_store_begin (self, error))
    return FALSE;
  if (!rapport_store_set_setting (self, "default-currency", code, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }
  if (!rapport_store_commit (self, error))
    return FALSE;

  g_free (self->default_currency);
  self->default_currency = g_strdup (code);
  notify_settings (self);
  return TRUE;
}

static GPtrArray *
read_choices (RapportStore      *self,
              RapportChoiceList  list)
{
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, "SELECT label FROM choice WHERE list = ?1 ORDER BY position, id");
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  rapport_sql_bind_text (stmt, 1, list_key (list));
  while (rapport_sql_step (stmt) == RAPPORT_SQL_ROW)
    g_ptr_array_add (labels, g_strdup (rapport_sql_column_text (stmt, 0)));
  rapport_sql_reset (stmt);

  return labels;
}

char **
rapport_store_get_choices (RapportStore      *self,
                           RapportChoiceList  list)
{
  GPtrArray *labels;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  labels = read_choices (self, list);
  g_ptr_array_add (labels, NULL);
  return (char **) g_ptr_array_free (labels, FALSE);
}

int
rapport_store_find_folded (GPtrArray  *labels,
                           const char *label)
{
  g_autofree char *wanted = g_utf8_casefold (label, -1);

  for (guint i = 0; i < labels->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (labels->pdata[i], -1);

      if (g_str_equal (wanted, other))
        return (int) i;
    }
  return -1;
}

/* An entry as it will be stored: trimmed, one line, not empty. */
static char *
check_label (RapportChoiceList   list,
             const char         *label,
             GError            **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (label != NULL ? label : ""));

  if (rapport_text_is_invisible (trimmed))
    {
      rapport_store_invalid (error, "%s", list == RAPPORT_CHOICE_LOST_REASON ? _("A lost reason cannot be empty.")
                                                                          : _("A lead source cannot be empty."));
      return NULL;
    }
  if (!rapport_text_check (trimmed, RAPPORT_TEXT_SOURCE, TRUE, error))
    return NULL;

  return g_steal_pointer (&trimmed);
}

static gboolean
refuse_twin (RapportChoiceList   list,
             const char         *label,
             GError            **error)
{
  g_autofree char *quoted = rapport_text_quote (label);

  if (list == RAPPORT_CHOICE_LOST_REASON)
    return rapport_store_invalid (error, _("“%s” is already in the list of lost reasons."), quoted);
  return rapport_store_invalid (error, _("“%s” is already in the list of lead sources."), quoted);
}

static int
find_existing (GPtrArray          *labels,
               RapportChoiceList   list,
               const char         *label,
               GError            **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (label != NULL ? label : ""));
  g_autofree char *quoted = NULL;
  int index = rapport_store_find_folded (labels, trimmed);

  if (index >= 0)
    return index;

  quoted = rapport_text_quote (trimmed);
  if (list == RAPPORT_CHOICE_LOST_REASON)
    rapport_store_invalid (error, _("“%s” is not in the list of lost reasons."), quoted);
  else
    rapport_store_invalid (error, _("“%s” is not in the list of lead sources."), quoted);
  return -1;
}

typedef struct
{
  RapportChoiceList  list;
  GPtrArray         *labels;
} ChoiceWrite;

static gboolean
write_choices (RapportStore  *self,
               gpointer       data,
               GError       **error)
{
  ChoiceWrite *w = data;
  RapportSqlStmt *stmt = rapport_store_stmt_sql (self, "DELETE FROM choice WHERE list = ?1");

  rapport_sql_bind_text (stmt, 1, list_key (w->list));
  if (!rapport_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < w->labels->len; i++)
    {
      stmt = rapport_store_stmt_sql (self, "INSERT INTO choice (list, position, label) VALUES (?1, ?2, ?3)");
      rapport_sql_bind_text (stmt, 1, list_key (w->list));
      rapport_sql_bind_int64 (stmt, 2, i);
      rapport_sql_bind_text (stmt, 3, w->labels->pdata[i]);
      if (!rapport_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
store_choices (RapportStore       *self,
               RapportChoiceList   list,
               GPtrArray          *labels,
               GError            **error)
{
  ChoiceWrite w = { list, labels };

  if (!rapport_store_write (self, write_choices, &w, error))
    return FALSE;

  notify_settings (self);
  return TRUE;
}

gboolean
rapport_store_add_choice (RapportStore       *self,
                          RapportChoiceList   list,
                          const char         *label,
                          GError            **error)
{
  return rapport_store_insert_choice (self, list, label, G_MAXUINT, error);
}

gboolean
rapport_store_insert_choice (RapportStore       *self,
                             RapportChoiceList   list,
                             const char         *label,
                             guint               position,
                             GError            **error)
{
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *checked = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if ((checked = check_label (list, label, error)) == NULL)
    return FALSE;

  labels = read_choices (self, list);
  if (rapport_store_find_folded (labels, checked) >= 0)
    return refuse_twin (list, checked, error);

  g_ptr_array_insert (labels, (int) MIN (position, labels->len), g_steal_pointer (&checked));
  return store_choices (self, list, labels, error);
}

gboolean
rapport_store_rename_choice (RapportStore       *self,
                             RapportChoiceList   list,
                             const char         *label,
                             const char         *new_label,
                             GError            **error)
{
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *checked = NULL;
  int index, twin;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  labels = read_choices (self, list);
  if ((index = find_existing (labels, list, label, error)) < 0 ||
      (checked = check_label (list, new_label, error)) == NULL)
    return FALSE;

  /* Only its own case changed is no twin. */
  twin = rapport_store_find_folded (labels, checked);
  if (twin >= 0 && twin != index)
    return refuse_twin (list, checked, error);
  if (g_str_equal (labels->pdata[index], checked))
    return TRUE;

  g_free (labels->pdata[index]);
  labels->pdata[index] = g_steal_pointer (&checked);
  return store_choices (self, list, labels, error);
}

gboolean
rapport_store_move_choice (RapportStore       *self,
                           RapportChoiceList   list,
                           const char         *label,
                           guint               position,
                           GError            **error)
{
  g_autoptr(GPtrArray) labels = NULL;
  char *moved;
  int index;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  labels = read_choices (self, list);
  if ((index = find_existing (labels, list, label, error)) < 0)
    return FALSE;

  position = MIN (position, labels->len - 1);
  if (position == (guint) index)
    return TRUE;

  moved = g_ptr_array_steal_index (labels, index);
  g_ptr_array_insert (labels, (int) position, moved);
  return store_choices (self, list, labels, error);
}

gboolean
rapport_store_remove_choice (RapportStore       *self,
                             RapportChoiceList   list,
                             const char         *label,
                             GError            **error)
{
  g_autoptr(GPtrArray) labels = NULL;
  int index;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  labels = read_choices (self, list);
  if ((index = find_existing (labels, list, label, error)) < 0)
    return FALSE;

  g_ptr_array_remove_index (labels, index);
  return store_choices (self, list, labels, error);
}

gboolean
rapport_store_set_choices (RapportStore        *self,
                           RapportChoiceList    list,
                           const char * const  *labels,
                           GError             **error)
{
  g_autoptr(GPtrArray) checked = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  for (guint i = 0; labels != NULL && labels[i] != NULL; i++)
    {
      char *label = check_label (list, labels[i], error);

      if (label == NULL)
        return FALSE;
      if (rapport_store_find_folded (checked, label) >= 0)
        {
          g_autofree char *twin = label;

          return refuse_twin (list, twin, error);
        }
      g_ptr_array_add (checked, label);
    }

  return store_choices (self, list, checked, error);
}
