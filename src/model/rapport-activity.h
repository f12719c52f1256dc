/* rapport-activity.h — a call, email, meeting, task or follow-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-record.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_ACTIVITY (rapport_activity_get_type ())

G_DECLARE_FINAL_TYPE (RapportActivity, rapport_activity, RAPPORT, ACTIVITY, RapportRecord)

/* The longest duration an activity may have: a day, in minutes. */
#define RAPPORT_ACTIVITY_MAX_MINUTES 1440

RapportActivityKind rapport_activity_get_kind           (RapportActivity *self);
const char *       rapport_activity_get_title          (RapportActivity *self);
const char *       rapport_activity_get_note           (RapportActivity *self);
gint64             rapport_activity_get_due_at         (RapportActivity *self);
gint64             rapport_activity_get_done_at        (RapportActivity *self);
gint64             rapport_activity_get_snoozed_until  (RapportActivity *self);
gint64             rapport_activity_get_contact_id     (RapportActivity *self);
gint64             rapport_activity_get_deal_id        (RapportActivity *self);
RapportRule        rapport_activity_get_rule           (RapportActivity *self);
gint64             rapport_activity_get_created_at     (RapportActivity *self);
int                rapport_activity_get_reminded_level (RapportActivity *self);
gint64             rapport_activity_get_reminded_at    (RapportActivity *self);
RapportActivityOutcome rapport_activity_get_outcome    (RapportActivity *self);
int                rapport_activity_get_duration_minutes (RapportActivity *self);
RapportActivityKind rapport_activity_get_followup_kind (RapportActivity *self);
RapportAfterSalesOffer rapport_activity_get_after_sales_offer (RapportActivity *self);

gboolean           rapport_activity_awaits_first_contact (RapportActivity *self);
gboolean           rapport_activity_outcome_fits       (RapportActivityKind    kind,
                                                        RapportActivityOutcome outcome);

G_END_DECLS
