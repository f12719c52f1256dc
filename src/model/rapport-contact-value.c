/* rapport-contact-value.c — a labelled e-mail address or phone number
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Apart from RapportContact so that the importers' readers, which know no
 * GObject records, share it (and their fuzz targets link only this).
 */

#define G_LOG_DOMAIN "rapport-contact"

#include "config.h"

#include "rapport-contact-value.h"

/* Labelled values */

static const char * const labels[] = { "work", "home", "mobile", "other", NULL };

gboolean
rapport_contact_label_is_known (const char *label)
{
  return label != NULL && g_strv_contains (labels, label);
}

RapportContactValue *
rapport_contact_value_new (const char *label,
                           const char *value)
{
  RapportContactValue *self = g_new0 (RapportContactValue, 1);

  self->label = g_strdup (label ? label : "other");
  self->value = g_strdup (value);
  return self;
}

void
rapport_contact_value_free (RapportContactValue *self)
{
  if (self == NULL)
    return;
  g_free (self->label);
  g_free (self->value);
  g_free (self);
}
