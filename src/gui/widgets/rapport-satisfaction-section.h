/* rapport-satisfaction-section.h — a customer's or a deal's satisfaction
 * answers, newest first, and “Record Satisfaction…”
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_SATISFACTION_SECTION (rapport_satisfaction_section_get_type ())

G_DECLARE_FINAL_TYPE (RapportSatisfactionSection, rapport_satisfaction_section, RAPPORT, SATISFACTION_SECTION, AdwBin)

/* Shows the answers of @deal_id if not 0, else of @contact_id; a new
 * answer is recorded for both. */
void rapport_satisfaction_section_show (RapportSatisfactionSection *self,
                                        RapportContext             *context,
                                        gint64                      contact_id,
                                        gint64                      deal_id);
/* Opens “Record Satisfaction” for what the section shows. */
void rapport_satisfaction_section_record (RapportSatisfactionSection *self);

G_END_DECLS
