/* rapport-notice.c — what a change notice says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-notice.h"

RapportNotice *
rapport_notice_copy (const RapportNotice *notice)
{
  return g_memdup2 (notice, sizeof *notice);
}

void
rapport_notice_free (RapportNotice *notice)
{
  g_free (notice);
}

G_DEFINE_BOXED_TYPE (RapportNotice, rapport_notice, rapport_notice_copy, rapport_notice_free)

const char *
rapport_entity_get_nick (RapportEntity entity)
{
  static GEnumClass *klass;
  GEnumValue *value;

  if (g_once_init_enter (&klass))
    g_once_init_leave (&klass, g_type_class_ref (RAPPORT_TYPE_ENTITY));

  value = g_enum_get_value (klass, entity);
  g_return_val_if_fail (value != NULL, NULL);

  return value->value_nick;
}

gboolean
rapport_notice_concerns (const RapportNotice *notice,
                         RapportEntity        entity,
                         gint64               id)
{
  return notice->entity == entity && (notice->change == RAPPORT_CHANGE_RELOAD || notice->id == id);
}
