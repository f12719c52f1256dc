/* rapport-note.c — a free-text note on a contact, organization or deal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-note"

#include "config.h"

#include "rapport-enums.h"
#include "rapport-note.h"

struct _RapportNote
{
  RapportRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RapportNote, rapport_note, RAPPORT_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CONTACT_ID,
  PROP_DEAL_ID,
  PROP_ORGANIZATION_ID,
  PROP_BODY,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_note_class_init (RapportNoteClass *klass)
{
  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_int64 ("organization-id", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
                         RAPPORT_RECORD_PARAM_FLAGS);

  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0,
                        RAPPORT_RECORD_PARAM_FLAGS | RAPPORT_PARAM_NULLABLE);

  rapport_record_class_install (RAPPORT_RECORD_CLASS (klass), "note", properties, N_PROPS);
}

static void
rapport_note_init (RapportNote *self)
{
}

gint64
rapport_note_get_contact_id (RapportNote *self)
{
  g_return_val_if_fail (RAPPORT_IS_NOTE (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_CONTACT_ID);
}

gint64
rapport_note_get_deal_id (RapportNote *self)
{
  g_return_val_if_fail (RAPPORT_IS_NOTE (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_DEAL_ID);
}

gint64
rapport_note_get_organization_id (RapportNote *self)
{
  g_return_val_if_fail (RAPPORT_IS_NOTE (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_ORGANIZATION_ID);
}

const char *
rapport_note_get_body (RapportNote *self)
{
  g_return_val_if_fail (RAPPORT_IS_NOTE (self), NULL);

  return rapport_record_get_string (RAPPORT_RECORD (self), PROP_BODY);
}

gint64
rapport_note_get_created_at (RapportNote *self)
{
  g_return_val_if_fail (RAPPORT_IS_NOTE (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_CREATED_AT);
}

gint64
rapport_note_get_updated_at (RapportNote *self)
{
  g_return_val_if_fail (RAPPORT_IS_NOTE (self), 0);

  return rapport_record_get_int64 (RAPPORT_RECORD (self), PROP_UPDATED_AT);
}
