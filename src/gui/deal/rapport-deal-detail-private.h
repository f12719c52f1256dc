/* rapport-deal-detail-private.h — what the deal page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rapport-deal-detail.c holds the header, the status, the fields and the
 * following of the deal and the store; rapport-deal-detail-process.c the
 * stage stepper, the playbook and BANT; rapport-deal-detail-lists.c the
 * following of the contact and organization pickers, the activities, the negotiation log
 * and the stage history; rapport-deal-detail-after-sales.c satisfaction
 * and repeat deals.
 */

#pragma once

#include <adwaita.h>

#include "rapport-conflict-list.h"
#include "rapport-context.h"
#include "rapport-deal-detail.h"
#include "rapport-date-time-picker.h"
#include "rapport-record-picker.h"

G_BEGIN_DECLS

#define HOUR (60 * 60)
#define DAY  (24 * HOUR)

/* Rows of a long list made at first, and added by Show More. */
#define ACTIVITY_PAGE 10

struct _RapportDealDetail
{
  AdwBin              parent_instance;

  /* Template widgets */
  RapportConflictList *conflict_list;
  GtkLabel           *title_label;
  GtkLabel           *owner_label;
  GtkLabel           *value_label;
  GtkLabel           *status_badge;
  GtkLabel           *qualified_badge;
  GtkLabel           *rotting_badge;
  GtkLabel           *close_past_badge;
  GtkWidget          *won_button;
  GtkWidget          *lost_button;
  GtkWidget          *reopen_button;
  GtkBox             *stepper_box;
  GtkLabel           *stage_line;
  AdwEntryRow        *title_row;
  GtkLabel           *title_message;
  AdwEntryRow        *value_row;
  GtkLabel           *value_message;
  AdwEntryRow        *currency_row;
  GtkLabel           *currency_message;
  AdwEntryRow        *close_row;
  GtkLabel           *close_message;
  GtkMenuButton      *close_button;
  GtkBox             *close_box;
  RapportRecordPicker *contact_row;
  GtkWidget          *contact_open_button;
  RapportRecordPicker *organization_row;
  GtkWidget          *organization_open_button;
  AdwEntryRow        *owner_row;
  GtkLabel           *owner_message;
  AdwPreferencesGroup *playbook_group;
  GtkListBox         *playbook_list;
  GtkLabel           *bant_state;
  GtkListBox         *bant_list;
  GtkMenuButton      *log_button;
  GtkPopover         *followup_popover;
  GtkBox             *followup_form;
  GtkEntry           *followup_title;
  GtkListBox         *activity_list;
  GtkWidget          *activity_more;
  GtkListBox         *negotiation_list;
  AdwComboRow        *negotiation_kind;
  AdwEntryRow        *negotiation_amount;
  GtkLabel           *negotiation_message;
  AdwEntryRow        *negotiation_text;
  AdwBin             *notes_bin;
  GtkListBox         *history_list;
  AdwPreferencesGroup *after_sales_group;
  GtkListBox         *repeat_list;
  GtkWidget          *repeat_button;
  GtkWidget          *satisfaction_section;

  /* Widgets made in code */
  GtkToggleButton    *bant_buttons[4][3];   /* per item: Yes, No, Unknown */
  GtkCalendar        *close_calendar;       /* the calendars: made when first shown */
  RapportDateTimePicker *followup_when;
  GtkDropDown        *followup_kind;

  /* Owned references */
  RapportContext     *context;
  RapportStore       *store;   /* the context's */
  RapportDeal        *deal;
  GListModel         *activities;
  GtkSliceListModel  *activity_slice;
  GListModel         *negotiation;
  GListModel         *repeats;              /* the deals that repeat this one */
  GPtrArray          *playbook;             /* RapportStageAction of the stage shown */
  GPtrArray          *playbook_checks;      /* GtkCheckButton, in the same order */

  /* Borrowed: the store keeps it */
  GListModel         *stages;

  /* State */
  gint64              playbook_stage_id;
  gboolean            updating;             /* setting widgets from the deal */
  guint               picker_syncing;       /* > 0: a picker shows the deal's record */
  gint64              satisfaction_contact_id; /* the section's contact; -1 before the first */
};

/* rapport-deal-detail.c */
char      *rapport_deal_detail_format_duration          (gint64 seconds);
char      *rapport_deal_detail_format_time              (gint64 when);
void       rapport_deal_detail_clear_list_box           (GtkListBox *list);

/* rapport-deal-detail-process.c and -lists.c */
void       rapport_deal_detail_update_stepper           (RapportDealDetail *self);
void       rapport_deal_detail_on_stages_changed        (RapportDealDetail *self);
void       rapport_deal_detail_find_stages              (RapportDealDetail *self);
void       rapport_deal_detail_update_ticks             (RapportDealDetail *self);
void       rapport_deal_detail_update_playbook          (RapportDealDetail *self);
void       rapport_deal_detail_update_bant              (RapportDealDetail *self);
void       rapport_deal_detail_bant_rows_init           (RapportDealDetail *self);
void       rapport_deal_detail_picker_update            (RapportDealDetail   *self,
                                                         RapportRecordPicker *picker);
void       rapport_deal_detail_on_picker_picked         (RapportDealDetail   *self,
                                                         GParamSpec          *pspec,
                                                         RapportRecordPicker *picker);
void       rapport_deal_detail_on_picker_commit         (RapportDealDetail   *self,
                                                         RapportRecordPicker *picker);
void       rapport_deal_detail_on_picker_focus_leave    (RapportDealDetail       *self,
                                                         GtkEventControllerFocus *controller);
void       rapport_deal_detail_on_picker_open           (RapportDealDetail *self,
                                                         GtkButton         *button);
GtkWidget *rapport_deal_detail_create_activity_row      (gpointer item,
                                                         gpointer user_data);
void       rapport_deal_detail_update_activity_more     (RapportDealDetail *self);
void       rapport_deal_detail_on_activity_more_clicked (RapportDealDetail *self);
void       rapport_deal_detail_on_schedule_clicked      (RapportDealDetail *self);
void       rapport_deal_detail_followup_form_init       (RapportDealDetail *self);
GtkWidget *rapport_deal_detail_create_negotiation_row   (gpointer item,
                                                         gpointer user_data);
void       rapport_deal_detail_on_negotiation_add       (RapportDealDetail *self);
void       rapport_deal_detail_update_history           (RapportDealDetail *self);

/* rapport-deal-detail-after-sales.c */
void       rapport_deal_detail_after_sales_init         (RapportDealDetail *self);
void       rapport_deal_detail_update_after_sales       (RapportDealDetail *self);
void       rapport_deal_detail_new_repeat_action        (GtkWidget         *widget,
                                                         const char        *action_name,
                                                         GVariant          *parameter);
void       rapport_deal_detail_record_satisfaction_action (GtkWidget       *widget,
                                                           const char      *action_name,
                                                           GVariant        *parameter);

G_END_DECLS
