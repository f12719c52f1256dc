/* rapport-record.h — base class of every stored entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record is one row of one table, and the store keeps at most one record
 * per row alive (an identity map), so every view showing a deal sees the same
 * object and updates when its properties notify.
 *
 * Subclasses only declare GParamSpecs: the base class stores their values,
 * answers get/set_property generically, and notifies only on a real change.
 * Property "foo-bar" is column "foo_bar" of the subclass's table, unless the
 * pspec carries RAPPORT_PARAM_COMPUTED.
 *
 * The properties are read-only outside the model: a view changes data only
 * through a store call, which validates, commits, then sets the properties
 * (rapport-record-private.h), so no g_object_set() can change what every
 * view shows without saving it.
 */

#pragma once

#include <glib-object.h>

#include "rapport-types.h"

G_BEGIN_DECLS

/* A property derived from others, not a column. */
#define RAPPORT_PARAM_COMPUTED (1 << G_PARAM_USER_SHIFT)
/* An int64 (an id or a time) whose 0 is stored as NULL: "none" or "not yet". */
#define RAPPORT_PARAM_NULLABLE (1 << (G_PARAM_USER_SHIFT + 1))

/* Readable by all; only the model sets them (rapport_record_set_value()). */
#define RAPPORT_RECORD_PARAM_FLAGS (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)

#define RAPPORT_TYPE_RECORD (rapport_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (RapportRecord, rapport_record, RAPPORT, RECORD, GObject)

struct _RapportRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char  *table;
  GParamSpec **pspecs;     /* indexed by property id; [0] is NULL */
  guint        n_pspecs;   /* including the unused [0] */
  char        *select_sql; /* the store's query of one row, made once */

  gpointer     padding[7];
};

void         rapport_record_class_install (RapportRecordClass  *klass,
                                           const char          *table,
                                           GParamSpec         **pspecs,
                                           guint                n_pspecs);

gint64       rapport_record_get_id        (RapportRecord       *self);
const char  *rapport_record_get_table     (RapportRecord       *self);

/* Typed access by the subclass's property id, for its getters. */
const char  *rapport_record_get_string    (RapportRecord       *self,
                                           guint                prop_id);
gint64       rapport_record_get_int64     (RapportRecord       *self,
                                           guint                prop_id);
int          rapport_record_get_int       (RapportRecord       *self,
                                           guint                prop_id);
gboolean     rapport_record_get_boolean   (RapportRecord       *self,
                                           guint                prop_id);

G_END_DECLS
