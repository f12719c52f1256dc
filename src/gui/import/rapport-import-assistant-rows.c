/* rapport-import-assistant-rows.c — the import assistant's row for each
 * column, and for each stage the pipeline lacks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-import-assistant-private.h"
#include "rapport-pipeline.h"
#include "rapport-record.h"
#include "rapport-stage.h"

/* What a column may become, for each kind of row, in the order offered.
 * Only a contact keeps a job title and the other program's id. */
static const RapportImportField contact_fields[] = {
  RAPPORT_IMPORT_FIELD_NONE, RAPPORT_IMPORT_FIELD_NAME, RAPPORT_IMPORT_FIELD_FIRST_NAME,
  RAPPORT_IMPORT_FIELD_LAST_NAME, RAPPORT_IMPORT_FIELD_EMAIL, RAPPORT_IMPORT_FIELD_PHONE,
  RAPPORT_IMPORT_FIELD_ORGANIZATION, RAPPORT_IMPORT_FIELD_TITLE, RAPPORT_IMPORT_FIELD_OWNER,
  RAPPORT_IMPORT_FIELD_SOURCE, RAPPORT_IMPORT_FIELD_CREATED_AT, RAPPORT_IMPORT_FIELD_NOTE,
  RAPPORT_IMPORT_FIELD_EXTERNAL_ID, RAPPORT_IMPORT_FIELD_ADDRESS, RAPPORT_IMPORT_FIELD_BIRTHDAY,
  RAPPORT_IMPORT_FIELD_TAGS,
};

static const RapportImportField organization_fields[] = {
  RAPPORT_IMPORT_FIELD_NONE, RAPPORT_IMPORT_FIELD_NAME, RAPPORT_IMPORT_FIELD_PHONE,
  RAPPORT_IMPORT_FIELD_CREATED_AT, RAPPORT_IMPORT_FIELD_NOTE, RAPPORT_IMPORT_FIELD_ADDRESS,
  RAPPORT_IMPORT_FIELD_INDUSTRY, RAPPORT_IMPORT_FIELD_SIZE, RAPPORT_IMPORT_FIELD_TAGS,
};

static const RapportImportField deal_fields[] = {
  RAPPORT_IMPORT_FIELD_NONE, RAPPORT_IMPORT_FIELD_NAME, RAPPORT_IMPORT_FIELD_VALUE,
  RAPPORT_IMPORT_FIELD_CURRENCY, RAPPORT_IMPORT_FIELD_STAGE, RAPPORT_IMPORT_FIELD_STATUS,
  RAPPORT_IMPORT_FIELD_CLOSE_DATE, RAPPORT_IMPORT_FIELD_LOST_REASON, RAPPORT_IMPORT_FIELD_OWNER,
  RAPPORT_IMPORT_FIELD_CREATED_AT, RAPPORT_IMPORT_FIELD_CONTACT, RAPPORT_IMPORT_FIELD_FIRST_NAME,
  RAPPORT_IMPORT_FIELD_LAST_NAME, RAPPORT_IMPORT_FIELD_EMAIL, RAPPORT_IMPORT_FIELD_PHONE,
  RAPPORT_IMPORT_FIELD_ORGANIZATION, RAPPORT_IMPORT_FIELD_SOURCE, RAPPORT_IMPORT_FIELD_NOTE,
};

static const RapportImportField *
fields_of (RapportImportKind  kind,
           guint             *n)
{
  switch (kind)
    {
    case RAPPORT_IMPORT_ORGANIZATIONS:
      *n = G_N_ELEMENTS (organization_fields);
      return organization_fields;
    case RAPPORT_IMPORT_DEALS:
      *n = G_N_ELEMENTS (deal_fields);
      return deal_fields;
    case RAPPORT_IMPORT_CONTACTS:
    default:
      *n = G_N_ELEMENTS (contact_fields);
      return contact_fields;
    }
}

RapportImportField
rapport_import_assistant_field_at (RapportImportKind kind,
                                   guint             index)
{
  guint n;
  const RapportImportField *fields = fields_of (kind, &n);

  return index < n ? fields[index] : RAPPORT_IMPORT_FIELD_NONE;
}

static guint
index_of (RapportImportKind  kind,
          RapportImportField field)
{
  guint n;
  const RapportImportField *fields = fields_of (kind, &n);

  for (guint i = 0; i < n; i++)
    if (fields[i] == field)
      return i;
  return 0;
}

/* In a deals file the person's fields are the deal's contact's. */
static const char *
field_label (RapportImportKind  kind,
             RapportImportField field)
{
  gboolean deals = kind == RAPPORT_IMPORT_DEALS;

  switch (field)
    {
    case RAPPORT_IMPORT_FIELD_NAME:
      return deals ? _("The deal’s name") : kind == RAPPORT_IMPORT_ORGANIZATIONS ? _("Name") : _("Full name");
    case RAPPORT_IMPORT_FIELD_FIRST_NAME:
      return deals ? _("The contact’s first name") : _("First name");
    case RAPPORT_IMPORT_FIELD_LAST_NAME:
      return deals ? _("The contact’s last name") : _("Last name");
    case RAPPORT_IMPORT_FIELD_EMAIL:
      return deals ? _("The contact’s email") : _("Email");
    case RAPPORT_IMPORT_FIELD_PHONE:
      return deals ? _("The contact’s phone") : _("Phone");
    case RAPPORT_IMPORT_FIELD_ORGANIZATION:
      return _("Organization");
    case RAPPORT_IMPORT_FIELD_OWNER:
      return _("Owner");
    case RAPPORT_IMPORT_FIELD_SOURCE:
      return deals ? _("The contact’s source") : _("Source");
    case RAPPORT_IMPORT_FIELD_CREATED_AT:
      return _("Created");
    case RAPPORT_IMPORT_FIELD_NOTE:
      return _("Note");
    case RAPPORT_IMPORT_FIELD_VALUE:
      return _("Value");
    case RAPPORT_IMPORT_FIELD_CURRENCY:
      return _("Currency");
    case RAPPORT_IMPORT_FIELD_STAGE:
      return _("Stage");
    case RAPPORT_IMPORT_FIELD_STATUS:
      return _("Open, won or lost");
    case RAPPORT_IMPORT_FIELD_CONTACT:
      return _("The contact’s name");
    case RAPPORT_IMPORT_FIELD_CLOSE_DATE:
      return _("Close date");
    case RAPPORT_IMPORT_FIELD_LOST_REASON:
      return _("Lost reason");
    case RAPPORT_IMPORT_FIELD_TITLE:
      return _("Job title");
    case RAPPORT_IMPORT_FIELD_EXTERNAL_ID:
      return _("Its id in the other program");
    case RAPPORT_IMPORT_FIELD_ADDRESS:
      return _("Postal address");
    case RAPPORT_IMPORT_FIELD_BIRTHDAY:
      return _("Birthday");
    case RAPPORT_IMPORT_FIELD_INDUSTRY:
      return _("Industry");
    case RAPPORT_IMPORT_FIELD_SIZE:
      return _("Number of employees");
    case RAPPORT_IMPORT_FIELD_TAGS:
      return _("Tags");
    case RAPPORT_IMPORT_FIELD_NONE:
    default:
      return _("Not imported");
    }
}

static GListModel *
field_labels (RapportImportKind kind)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  guint n;
  const RapportImportField *fields = fields_of (kind, &n);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, field_label (kind, fields[i]));
  return G_LIST_MODEL (list);
}

static void
on_column_changed (AdwComboRow            *row,
                   GParamSpec             *pspec,
                   RapportImportAssistant *self)
{
  rapport_import_assistant_queue_check (self);
}

/* Each column's field: kept from last time, else guessed; the first
 * column of a field wins, the others start as not imported. */
static GArray *
initial_fields (RapportImportAssistant *self)
{
  RapportImportKind kind = rapport_import_assistant_get_kind (self);
  GPtrArray *header = rapport_import_assistant_get_header (self);
  RapportStore *store = rapport_context_get_store (rapport_import_assistant_get_context (self));
  g_auto(GStrv) kept = rapport_store_get_import_mapping (store, kind, header);
  GArray *fields = g_array_new (FALSE, FALSE, sizeof (RapportImportField));
  gboolean taken[RAPPORT_IMPORT_N_FIELDS] = { FALSE, };

  for (guint i = 0; i < header->len; i++)
    {
      RapportImportField field;

      if (kept == NULL || !rapport_import_field_parse (kept[i], &field))
        field = rapport_import_guess_field_for (kind, header->pdata[i]);
      if (kept == NULL && taken[field])
        field = RAPPORT_IMPORT_FIELD_NONE;
      taken[field] = TRUE;
      g_array_append_val (fields, field);
    }
  return fields;
}

void
rapport_import_assistant_add_column_rows (RapportImportAssistant *self)
{
  RapportImportKind kind = rapport_import_assistant_get_kind (self);
  GPtrArray *header = rapport_import_assistant_get_header (self);
  g_autoptr(GArray) fields = initial_fields (self);

  for (guint i = 0; i < header->len; i++)
    {
      g_autoptr(GListModel) labels = field_labels (kind);
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      const char *name = header->pdata[i];

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      /* Translators: a column of the imported file that has no header. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *name != '\0' ? name : _("(No header)"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rapport_import_assistant_get_sample (self, i));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_combo_row_set_model (row, labels);
      adw_combo_row_set_selected (row, index_of (kind, g_array_index (fields, RapportImportField, i)));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_column_changed), self, 0);
      rapport_import_assistant_append_column_row (self, row);
    }
}

/* Stages */

static void
on_stage_changed (AdwComboRow            *row,
                  GParamSpec             *pspec,
                  RapportImportAssistant *self)
{
  GHashTable *choices = rapport_import_assistant_get_stage_choices (self);
  const char *value;
  gint64 target;

  if (!rapport_import_assistant_stage_row_choice (self, row, &value, &target))
    return;
  if (target == 0)
    g_hash_table_remove (choices, value);
  else
    g_hash_table_insert (choices, g_strdup (value), g_memdup2 (&target, sizeof target));
  rapport_import_assistant_queue_check (self);
}

/* "Choose a stage", each stage of the current pipeline, then won and lost;
 * @targets gets what each choice means. */
static GListModel *
stage_labels (RapportStore *store,
              GArray       *targets)
{
  g_autoptr(RapportPipeline) pipeline = rapport_store_get_current_pipeline (store);
  GListModel *stages = pipeline != NULL ? rapport_store_get_stages (store, pipeline) : NULL;
  GtkStringList *list = gtk_string_list_new (NULL);
  gint64 none = 0, won = RAPPORT_IMPORT_STAGE_WON, lost = RAPPORT_IMPORT_STAGE_LOST;

  gtk_string_list_append (list, _("Choose a stage"));
  g_array_append_val (targets, none);
  for (guint i = 0; stages != NULL && i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);
      gint64 id = rapport_record_get_id (RAPPORT_RECORD (stage));

      gtk_string_list_append (list, rapport_stage_get_name (stage));
      g_array_append_val (targets, id);
    }
  /* Translators: a choice for a stage of the imported file: its deals are won. */
  gtk_string_list_append (list, C_("stage choice", "Won"));
  g_array_append_val (targets, won);
  /* Translators: a choice for a stage of the imported file: its deals are lost. */
  gtk_string_list_append (list, C_("stage choice", "Lost"));
  g_array_append_val (targets, lost);
  return G_LIST_MODEL (list);
}

void
rapport_import_assistant_add_stage_rows (RapportImportAssistant *self,
                                         GPtrArray              *values)
{
  RapportStore *store = rapport_context_get_store (rapport_import_assistant_get_context (self));
  GHashTable *choices = rapport_import_assistant_get_stage_choices (self);

  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const char *value = values->pdata[i];
      GArray *targets;
      g_autoptr(GListModel) labels = NULL;
      AdwComboRow *row;

      /* A value with a row that was set back to "Choose a stage". */
      if (g_hash_table_contains (choices, value) || rapport_import_assistant_has_stage_row (self, value))
        continue;

      targets = g_array_new (FALSE, FALSE, sizeof (gint64));
      labels = stage_labels (store, targets);
      row = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Its deals go to"));
      adw_combo_row_set_model (row, labels);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_stage_changed), self, 0);
      rapport_import_assistant_append_stage_row (self, row, value, targets);
    }
}
