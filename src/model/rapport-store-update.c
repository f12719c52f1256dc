/* rapport-store-update.c — edits of a record's fields, and the rules for them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-after-sales-step.h"
#include "rapport-money.h"
#include "rapport-store-private.h"
#include "rapport-time.h"
#include "rapport-validate.h"

/* Validation: the model's rules for what may be stored */

gboolean
rapport_store_invalid (GError     **error,
                       const char  *format,
                       ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (RAPPORT_ERROR, RAPPORT_ERROR_INVALID, format, args);
  va_end (args);

  return FALSE;
}

/* When a record came in: a time given (1970 included) or now, and never
 * after now on the store's clock: what arrives has already arrived. */
gboolean
rapport_store_arrival_time (RapportStore  *self,
                            gint64         given,
                            gboolean       has_given,
                            gint64        *arrived_at,
                            GError       **error)
{
  gint64 now = rapport_store_now (self);

  if (!has_given && given == 0)
    {
      *arrived_at = now;
      return TRUE;
    }
  if (given > now)
    {
      g_autofree char *when = rapport_time_format_iso8601 (given);
      g_autofree char *clock = rapport_time_format_iso8601 (now);

      return rapport_store_invalid (error, _("The creation time %s is later than now (%s): give a time that has already come"),
                      when ? when : "", clock ? clock : "");
    }

  *arrived_at = given;
  return TRUE;
}

gboolean
rapport_store_check_exists (RapportStore  *self,
                            GType          type,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(RapportRecord) record = NULL;

  if (id == 0)
    return TRUE;

  record = rapport_store_lookup (self, type, id, error);
  return record != NULL;
}

/* Rules for one property of one record type, before it is written. */
static gboolean
validate_field (RapportStore  *self,
                GType          type,
                const char    *property,
                const GValue  *value,
                GError       **error)
{
  const char *str = G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;

  if (type == RAPPORT_TYPE_AFTER_SALES_STEP)
    {
      /* A plan's order changes only by rapport_store_move_after_sales_step(). */
      if (g_str_equal (property, "position"))
        return rapport_store_invalid (error, _("The field “%s” cannot be edited directly"), property);
      if (g_str_equal (property, "kind") && g_value_get_enum (value) > RAPPORT_ACTIVITY_TASK)
        return rapport_store_invalid (error, _("A follow-up is a call, an email, a meeting or a task"));
    }

  if (g_str_equal (property, "name"))
    return rapport_text_check (str, RAPPORT_TEXT_NAME, TRUE, error);
  /* A deal's or follow-up's title is its name; a contact's job title
   * may be left out. */
  if (g_str_equal (property, "title"))
    return rapport_text_check (str, RAPPORT_TEXT_TITLE, type != RAPPORT_TYPE_CONTACT, error);
  if (g_str_equal (property, "owner"))
    return rapport_text_check (str, RAPPORT_TEXT_OWNER, FALSE, error);
  if (g_str_equal (property, "source"))
    return rapport_text_check (str, RAPPORT_TEXT_SOURCE, FALSE, error);
  if (g_str_equal (property, "body") || g_str_equal (property, "note"))
    return rapport_text_check (str, RAPPORT_TEXT_NOTE, FALSE, error);
  if (g_str_equal (property, "email"))
    return rapport_email_check (str, error);
  if (g_str_equal (property, "phone"))
    return rapport_phone_check (str, error);
  if (g_str_equal (property, "currency"))
    return rapport_currency_check (str, error);
  if (g_str_equal (property, "expected-close") || g_str_equal (property, "birthday"))
    return rapport_date_check (str, error);
  /* A key action says what to do; its activity is one line. */
  if (g_str_equal (property, "action"))
    return rapport_text_check (str, RAPPORT_TEXT_TITLE, TRUE, error);
  if (g_str_equal (property, "industry") || g_str_equal (property, "activity"))
    return rapport_text_check (str, RAPPORT_TEXT_LINE, FALSE, error);
  if (g_str_equal (property, "organization-id"))
    return rapport_store_check_exists (self, RAPPORT_TYPE_ORGANIZATION, g_value_get_int64 (value), error);
  if (g_str_equal (property, "contact-id"))
    return rapport_store_check_exists (self, RAPPORT_TYPE_CONTACT, g_value_get_int64 (value), error);
  if (str != NULL)
    return rapport_text_check (str, RAPPORT_TEXT_FREE, FALSE, error);

  return TRUE;
}

/* Properties that only a domain operation may change, with its rules. */
static gboolean
is_managed (const char *property)
{
  static const char * const managed[] = {
    "id", "stage-id", "rank", "status", "closed-at", "lost-reason", "created-at",
    "updated-at", "stage-entered-at", "done-at", "rule", "first-contacted-at",
    "pipeline-id", "last-contacted-at", "next-followup-at", "position", "repeat-of",
    "from-stage-name", "to-stage-name", "reason", "process-uid", "process-version", "after-sales-offer",
  };

  for (guint i = 0; i < G_N_ELEMENTS (managed); i++)
    if (g_str_equal (property, managed[i]))
      return TRUE;

  return FALSE;
}

/* One change to one property of a record, checked but not yet written. */
typedef struct
{
  GParamSpec *pspec;
  GValue      value;
} PendingUpdate;

static void
pending_update_clear (PendingUpdate *update)
{
  if (G_IS_VALUE (&update->value))
    g_value_unset (&update->value);
}

/* Checks that @value may be written to @property of @record, and converts
 * it to the property's type, without writing anything. */
static gboolean
prepare_update (RapportStore   *self,
                RapportRecord  *record,
                const char     *property,
                const GValue   *value,
                PendingUpdate  *update,
                GError        **error)
{
  GParamSpec *pspec;

  g_assert (RAPPORT_IS_STORE (self));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);
  if (pspec == NULL || (pspec->flags & RAPPORT_PARAM_COMPUTED) || is_managed (pspec->name))
    return rapport_store_invalid (error, _("The field “%s” cannot be edited directly"), property);

  update->pspec = pspec;
  g_value_init (&update->value, pspec->value_type);
  if (!g_value_transform (value, &update->value) || g_param_value_validate (pspec, &update->value))
    return rapport_store_invalid (error, _("That value is not allowed for the field “%s”"), property);

  /* Empty text is "not set". */
  if (G_VALUE_HOLDS_STRING (&update->value) && g_value_get_string (&update->value) &&
      *g_value_get_string (&update->value) == '\0')
    g_value_set_string (&update->value, NULL);

  return validate_field (self, G_OBJECT_TYPE (record), pspec->name, &update->value, error);
}

/* One checked field written inside the caller's transaction (a team
 * conflict resolved with its row); the caller reloads and notifies after
 * its commit. */
gboolean
rapport_store_update_in_transaction (RapportStore   *self,
                                     RapportRecord  *record,
                                     const char     *property,
                                     const GValue   *value,
                                     GError        **error)
{
  PendingUpdate update = { 0 };
  gboolean ok;

  g_assert (RAPPORT_IS_STORE (self));
  g_assert (RAPPORT_IS_RECORD (record));

  ok = prepare_update (self, record, property, value, &update, error) &&
       rapport_store_write_property (self, record, update.pspec, &update.value, rapport_store_now (self), error);
  pending_update_clear (&update);

  return ok;
}

/* Whether @property of a record of @type is one a view may set with
 * rapport_store_update(). */
gboolean
rapport_store_is_editable (GType       type,
                           const char *property)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);

  return pspec != NULL && !(pspec->flags & RAPPORT_PARAM_COMPUTED) && !is_managed (pspec->name);
}

/* Sets @n_properties properties of @record in one transaction: every value
 * is checked before the first is written, and any failure writes none. */
gboolean
rapport_store_update_properties (RapportStore   *self,
                                 RapportRecord  *record,
                                 guint           n_properties,
                                 const char    **properties,
                                 const GValue   *values,
                                 GError        **error)
{
  g_autofree PendingUpdate *updates = g_new0 (PendingUpdate, MAX (n_properties, 1));
  gint64 now = rapport_store_now (self);
  gboolean ok = FALSE;
  guint i;

  g_assert (RAPPORT_IS_STORE (self));
  g_assert (RAPPORT_IS_RECORD (record));

  for (i = 0; i < n_properties; i++)
    if (!prepare_update (self, record, properties[i], &values[i], &updates[i], error))
      goto out;

  if (!rapport_store_begin (self, error))
    goto out;
  for (i = 0; i < n_properties; i++)
    if (!rapport_store_write_property (self, record, updates[i].pspec, &updates[i].value, now, error))
      {
        rapport_store_rollback (self);
        goto out;
      }
  if (!rapport_store_commit (self, error))
    goto out;

  rapport_store_reload_record (self, record, NULL);
  /* A key action is part of its stage's playbook. */
  if (RAPPORT_IS_STAGE_ACTION (record))
    rapport_store_notify (self, RAPPORT_ENTITY_STAGE, RAPPORT_CHANGE_UPDATED,
                          rapport_stage_action_get_stage_id (RAPPORT_STAGE_ACTION (record)));
  else
    rapport_store_notify (self, rapport_entity_of_type (G_OBJECT_TYPE (record)), RAPPORT_CHANGE_UPDATED,
                          rapport_record_get_id (record));
  ok = TRUE;

out:
  for (i = 0; i < n_properties; i++)
    pending_update_clear (&updates[i]);
  return ok;
}

gboolean
rapport_store_update (RapportStore   *self,
                      RapportRecord  *record,
                      const char     *property,
                      const GValue   *value,
                      GError        **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_RECORD (record), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);

  return rapport_store_update_properties (self, record, 1, &property, value, error);
}
