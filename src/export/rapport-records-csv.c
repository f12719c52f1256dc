/* rapport-records-csv.c — contacts, organizations or deals as CSV that
 * `import csv` reads back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The headers are the import's own field names, so a file exported here
 * imports with no mapping, into this database or another: a way out of
 * Rapport into any spreadsheet, and back. Times are ISO 8601 in UTC and
 * values plain major units with a point, as the import reads them by
 * default. What a CSV row cannot hold (a contact's further addresses,
 * notes, activities) is in the vCard and JSON exports.
 */

#define G_LOG_DOMAIN "rapport-export"

#include "config.h"

#include <string.h>

#include "rapport-contact.h"
#include "rapport-csv.h"
#include "rapport-deal.h"
#include "rapport-organization.h"
#include "rapport-record.h"
#include "rapport-records-csv.h"
#include "rapport-stage.h"

typedef struct
{
  RapportStore      *store;
  RapportExportSink  sink;
  gpointer           user_data;
  GString           *line;
  guint              n;
  GPtrArray         *fields;   /* the kind's custom fields: a column each */
  gboolean           has_tags; /* some record of the kind has one: look each up */
} Export;

static gboolean
flush_line (Export  *export,
            GError **error)
{
  gboolean ok = export->sink (export->line->str, export->line->len, export->user_data, error);

  g_string_truncate (export->line, 0);
  export->n++;
  return ok;
}

/* The name of organization @id as the next field (empty for none). */
static void
field_organization (GString      *line,
                    RapportStore *store,
                    gint64        id)
{
  g_autoptr(RapportOrganization) organization = NULL;

  if (id != 0)
    organization = rapport_store_get_organization (store, id, NULL);
  rapport_csv_field (line, organization != NULL ? rapport_organization_get_name (organization) : NULL);
}

/* The record's tags ("a, b") and a cell per custom field. */
static void
field_tags_and_custom (Export        *export,
                       RapportEntity  entity,
                       gint64         id)
{
  g_auto(GStrv) tags = export->has_tags ? rapport_store_get_tags (export->store, entity, id, NULL) : NULL;
  g_autofree char *joined = tags != NULL ? g_strjoinv (", ", tags) : NULL;
  g_autoptr(GPtrArray) values = NULL;

  rapport_csv_field (export->line, joined);
  if (export->fields == NULL || export->fields->len == 0)
    return;
  values = rapport_store_get_custom_values (export->store, entity, id, NULL);
  for (guint i = 0; i < export->fields->len; i++)
    rapport_csv_field (export->line,
                       rapport_custom_values_lookup (values, ((RapportCustomField *) export->fields->pdata[i])->id));
}

static gboolean
export_contact (gpointer   record,
                gpointer   user_data,
                GError   **error)
{
  Export *export = user_data;
  RapportContact *contact = record;
  GString *line = export->line;

  rapport_csv_field (line, rapport_contact_get_name (contact));
  rapport_csv_field (line, rapport_contact_get_title (contact));
  rapport_csv_field (line, rapport_contact_get_email (contact));
  rapport_csv_field (line, rapport_contact_get_phone (contact));
  field_organization (line, export->store, rapport_contact_get_organization_id (contact));
  rapport_csv_field (line, rapport_contact_get_owner (contact));
  rapport_csv_field (line, rapport_contact_get_source (contact));
  rapport_csv_field_time (line, rapport_contact_get_created_at (contact));
  rapport_csv_field (line, rapport_contact_get_external_id (contact));
  rapport_csv_field (line, rapport_contact_get_address (contact));
  rapport_csv_field (line, rapport_contact_get_birthday (contact));
  field_tags_and_custom (export, RAPPORT_ENTITY_CONTACT, rapport_record_get_id (RAPPORT_RECORD (contact)));
  rapport_csv_end_line (line);
  return flush_line (export, error);
}

static gboolean
export_organization (gpointer   record,
                     gpointer   user_data,
                     GError   **error)
{
  Export *export = user_data;
  RapportOrganization *organization = record;
  GString *line = export->line;

  rapport_csv_field (line, rapport_organization_get_name (organization));
  rapport_csv_field (line, rapport_organization_get_phone (organization));
  rapport_csv_field_time (line, rapport_organization_get_created_at (organization));
  rapport_csv_field (line, rapport_organization_get_address (organization));
  rapport_csv_field (line, rapport_organization_get_industry (organization));
  if (rapport_organization_get_size (organization) > 0)
    rapport_csv_field_int (line, rapport_organization_get_size (organization));
  else
    rapport_csv_field (line, NULL);
  field_tags_and_custom (export, RAPPORT_ENTITY_ORGANIZATION, rapport_record_get_id (RAPPORT_RECORD (organization)));
  rapport_csv_end_line (line);
  return flush_line (export, error);
}

static const char *
status_word (RapportDealStatus status)
{
  return status == RAPPORT_DEAL_STATUS_WON ? "won" : status == RAPPORT_DEAL_STATUS_LOST ? "lost" : "open";
}

static gboolean
export_deal (gpointer   record,
             gpointer   user_data,
             GError   **error)
{
  Export *export = user_data;
  RapportDeal *deal = record;
  GString *line = export->line;
  g_autoptr(RapportStage) stage = rapport_store_get_stage (export->store, rapport_deal_get_stage_id (deal), NULL);
  g_autoptr(RapportContact) contact = NULL;
  gint64 contact_id = rapport_deal_get_contact_id (deal);
  RapportDealStatus status = rapport_deal_get_status (deal);

  if (contact_id != 0)
    contact = rapport_store_get_contact (export->store, contact_id, NULL);

  rapport_csv_field (line, rapport_deal_get_title (deal));
  rapport_csv_field_money (line, rapport_deal_get_value (deal), rapport_deal_get_currency (deal));
  rapport_csv_field (line, rapport_deal_get_currency (deal));
  rapport_csv_field (line, stage != NULL ? rapport_stage_get_name (stage) : NULL);
  rapport_csv_field (line, status_word (status));
  /* When it closed, or when it is expected to. */
  if (status == RAPPORT_DEAL_STATUS_OPEN)
    rapport_csv_field (line, rapport_deal_get_expected_close (deal));
  else
    rapport_csv_field_time (line, rapport_deal_get_closed_at (deal));
  rapport_csv_field (line, rapport_deal_get_lost_reason (deal));
  rapport_csv_field (line, rapport_deal_get_owner (deal));
  rapport_csv_field_time (line, rapport_deal_get_created_at (deal));
  rapport_csv_field (line, contact != NULL ? rapport_contact_get_name (contact) : NULL);
  rapport_csv_field (line, contact != NULL ? rapport_contact_get_email (contact) : NULL);
  field_organization (line, export->store, rapport_deal_get_organization_id (deal));
  rapport_csv_end_line (line);
  return flush_line (export, error);
}

/* The fields' own names, then a column "field:NAME" per custom field. */
static char *
header_of (RapportImportKind  kind,
           GPtrArray         *fields)
{
  GString *header;

  switch (kind)
    {
    case RAPPORT_IMPORT_ORGANIZATIONS:
      header = g_string_new ("name,phone,created_at,address,industry,size,tags");
      break;
    case RAPPORT_IMPORT_DEALS:
      return g_strdup ("name,value,currency,stage,status,close_date,lost_reason,owner,created_at,contact,email,organization\r\n");
    case RAPPORT_IMPORT_CONTACTS:
    default:
      header = g_string_new ("name,title,email,phone,organization,owner,source,created_at,external_id,"
                             "address,birthday,tags");
      break;
    }
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      g_autofree char *name = g_strconcat ("field:", ((RapportCustomField *) fields->pdata[i])->name, NULL);

      g_string_append_c (header, ',');
      rapport_csv_append_field (header, name);
    }
  g_string_append (header, "\r\n");
  return g_string_free (header, FALSE);
}

gboolean
rapport_records_csv_export (RapportStore       *store,
                            RapportImportKind   kind,
                            RapportExportSink   sink,
                            gpointer            user_data,
                            guint              *n,
                            GError            **error)
{
  g_autoptr(GString) line = g_string_sized_new (256);
  g_autoptr(GPtrArray) fields = NULL;
  Export export = { store, sink, user_data, line, 0, NULL, FALSE };
  g_autofree char *header = NULL;
  gboolean done;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);

  if (kind != RAPPORT_IMPORT_DEALS &&
      (fields = rapport_store_get_custom_fields (store, kind == RAPPORT_IMPORT_CONTACTS ? RAPPORT_ENTITY_CONTACT
                                                                                         : RAPPORT_ENTITY_ORGANIZATION,
                                                 error)) == NULL)
    return FALSE;
  export.fields = fields;
  if (kind != RAPPORT_IMPORT_DEALS)
    {
      /* Most files have few tagged records or none: no look-up per row
       * then. */
      g_auto(GStrv) all = rapport_store_list_tags (store, kind == RAPPORT_IMPORT_CONTACTS ? RAPPORT_ENTITY_CONTACT
                                                                                       : RAPPORT_ENTITY_ORGANIZATION,
                                                   error);

      if (all == NULL)
        return FALSE;
      export.has_tags = all[0] != NULL;
    }
  header = header_of (kind, fields);

  if (!sink (header, strlen (header), user_data, error))
    return FALSE;
  if (kind == RAPPORT_IMPORT_ORGANIZATIONS)
    done = rapport_store_foreach_organization (store, export_organization, &export, error);
  else if (kind == RAPPORT_IMPORT_DEALS)
    done = rapport_store_foreach_deal (store, NULL, export_deal, &export, error);
  else
    done = rapport_store_foreach_contact (store, export_contact, &export, error);

  if (n != NULL)
    *n = export.n;
  return done;
}
