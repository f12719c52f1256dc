/* rapport-record.c — base class of every stored entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-record"

#include "config.h"

#include <gobject/gvaluecollector.h>

#include "rapport-record-private.h"

typedef struct
{
  gint64  id;
  /* One slot per subclass property, allocated on first use because the
   * base class's instance_init cannot see the subclass's count yet. */
  GValue *values;
  guint   n_values;
} RapportRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RapportRecord, rapport_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GValue *
ensure_slot (RapportRecord *self,
             guint          prop_id)
{
  RapportRecordPrivate *priv = rapport_record_get_instance_private (self);
  RapportRecordClass *klass = RAPPORT_RECORD_GET_CLASS (self);

  g_assert (RAPPORT_IS_RECORD (self));
  g_assert (prop_id > 0 && prop_id < klass->n_pspecs);

  if (priv->values == NULL)
    {
      priv->n_values = klass->n_pspecs;
      priv->values = g_new0 (GValue, priv->n_values);
    }

  if (!G_IS_VALUE (&priv->values[prop_id]))
    {
      GParamSpec *pspec = klass->pspecs[prop_id];

      g_value_init (&priv->values[prop_id], pspec->value_type);
      g_param_value_set_default (pspec, &priv->values[prop_id]);
    }

  return &priv->values[prop_id];
}

void
rapport_record_set_value (RapportRecord *self,
                          guint          prop_id,
                          const GValue  *value)
{
  RapportRecordClass *klass = RAPPORT_RECORD_GET_CLASS (self);
  GParamSpec *pspec;
  GValue *slot;

  g_return_if_fail (RAPPORT_IS_RECORD (self));
  g_return_if_fail (prop_id > 0 && prop_id < klass->n_pspecs);

  pspec = klass->pspecs[prop_id];
  slot = ensure_slot (self, prop_id);

  if (g_param_values_cmp (pspec, slot, value) == 0)
    return;

  g_value_copy (value, g_value_reset (slot));
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
rapport_record_set (RapportRecord *self,
                    const char    *first_property,
                    ...)
{
  RapportRecordClass *klass;
  const char *name;
  va_list args;

  g_return_if_fail (RAPPORT_IS_RECORD (self));

  klass = RAPPORT_RECORD_GET_CLASS (self);
  g_object_freeze_notify (G_OBJECT (self));

  va_start (args, first_property);
  for (name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), name);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *collect_error = NULL;

      if (pspec == NULL || pspec->owner_type == RAPPORT_TYPE_RECORD ||
          pspec->param_id >= klass->n_pspecs || klass->pspecs[pspec->param_id] != pspec)
        {
          g_critical ("%s has no property “%s” that the model sets", G_OBJECT_TYPE_NAME (self), name);
          break;
        }

      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &collect_error);
      if (collect_error != NULL)
        {
          g_critical ("%s", collect_error);
          break;
        }

      rapport_record_set_value (self, pspec->param_id, &value);
    }
  va_end (args);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
rapport_record_subclass_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RapportRecord *self = RAPPORT_RECORD (object);

  if (pspec->owner_type == RAPPORT_TYPE_RECORD)
    {
      RapportRecordPrivate *priv = rapport_record_get_instance_private (self);

      g_assert (prop_id == PROP_ID);
      g_value_set_int64 (value, priv->id);
      return;
    }

  g_value_copy (ensure_slot (self, prop_id), value);
}

static void
rapport_record_subclass_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RapportRecord *self = RAPPORT_RECORD (object);

  if (pspec->owner_type == RAPPORT_TYPE_RECORD)
    {
      RapportRecordPrivate *priv = rapport_record_get_instance_private (self);

      g_assert (prop_id == PROP_ID);
      /* The id is construct-only: a record never changes rows. */
      priv->id = g_value_get_int64 (value);
      return;
    }

  rapport_record_set_value (self, prop_id, value);
}

static void
rapport_record_finalize (GObject *object)
{
  RapportRecord *self = RAPPORT_RECORD (object);
  RapportRecordPrivate *priv = rapport_record_get_instance_private (self);

  for (guint i = 0; i < priv->n_values; i++)
    if (G_IS_VALUE (&priv->values[i]))
      g_value_unset (&priv->values[i]);
  g_clear_pointer (&priv->values, g_free);

  G_OBJECT_CLASS (rapport_record_parent_class)->finalize (object);
}

static void
rapport_record_class_init (RapportRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = rapport_record_subclass_get_property;
  object_class->set_property = rapport_record_subclass_set_property;
  object_class->finalize = rapport_record_finalize;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_record_init (RapportRecord *self)
{
}

void
rapport_record_class_install (RapportRecordClass  *klass,
                              const char          *table,
                              GParamSpec         **pspecs,
                              guint                n_pspecs)
{
  g_return_if_fail (RAPPORT_IS_RECORD_CLASS (klass));
  g_return_if_fail (pspecs[0] == NULL);

  klass->table = table;
  klass->pspecs = pspecs;
  klass->n_pspecs = n_pspecs;

  /* GObject does not let subclasses inherit these: every class that
   * installs properties needs its own, so the base class lends its. */
  G_OBJECT_CLASS (klass)->get_property = rapport_record_subclass_get_property;
  G_OBJECT_CLASS (klass)->set_property = rapport_record_subclass_set_property;

  g_object_class_install_properties (G_OBJECT_CLASS (klass), n_pspecs, pspecs);
}

gint64
rapport_record_get_id (RapportRecord *self)
{
  RapportRecordPrivate *priv = rapport_record_get_instance_private (self);

  g_return_val_if_fail (RAPPORT_IS_RECORD (self), 0);

  return priv->id;
}

const char *
rapport_record_get_table (RapportRecord *self)
{
  g_return_val_if_fail (RAPPORT_IS_RECORD (self), NULL);

  return RAPPORT_RECORD_GET_CLASS (self)->table;
}

const char *
rapport_record_get_string (RapportRecord *self,
                           guint          prop_id)
{
  g_return_val_if_fail (RAPPORT_IS_RECORD (self), NULL);

  return g_value_get_string (ensure_slot (self, prop_id));
}

gint64
rapport_record_get_int64 (RapportRecord *self,
                          guint          prop_id)
{
  g_return_val_if_fail (RAPPORT_IS_RECORD (self), 0);

  return g_value_get_int64 (ensure_slot (self, prop_id));
}

int
rapport_record_get_int (RapportRecord *self,
                        guint          prop_id)
{
  const GValue *value;

  g_return_val_if_fail (RAPPORT_IS_RECORD (self), 0);

  value = ensure_slot (self, prop_id);
  if (G_VALUE_HOLDS_ENUM (value))
    return g_value_get_enum (value);
  return g_value_get_int (value);
}

gboolean
rapport_record_get_boolean (RapportRecord *self,
                            guint          prop_id)
{
  g_return_val_if_fail (RAPPORT_IS_RECORD (self), FALSE);

  return g_value_get_boolean (ensure_slot (self, prop_id));
}

GPtrArray *
rapport_record_class_persistent (RapportRecordClass *klass)
{
  GPtrArray *ret = g_ptr_array_new ();

  for (guint i = 1; i < klass->n_pspecs; i++)
    if (!(klass->pspecs[i]->flags & RAPPORT_PARAM_COMPUTED))
      g_ptr_array_add (ret, klass->pspecs[i]);

  return ret;
}

char *
rapport_record_column_name (GParamSpec *pspec)
{
  return g_strdelimit (g_strdup (pspec->name), "-", '_');
}

char *
rapport_record_class_column_list (RapportRecordClass *klass)
{
  g_autoptr(GPtrArray) persistent = rapport_record_class_persistent (klass);
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < persistent->len; i++)
    {
      g_autofree char *column = rapport_record_column_name (persistent->pdata[i]);

      if (i > 0)
        g_string_append (str, ", ");
      g_string_append (str, column);
    }

  return g_string_free (str, FALSE);
}
