/* rapport-import-file.c — Import… of any file: spreadsheets, cards, calendars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A spreadsheet goes to the assistant, which has columns to map. A vCard
 * or iCalendar file has nothing to map: a question says what it holds
 * and imports it when the user says so; its toast and Ctrl+Z take the
 * import back as a whole. What it holds is read by a dry run on the
 * import's worker, so a large file does not stop the window; the
 * question comes when it is known (a dialog shown first would not grow
 * to its new text).
 */

#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rapport-documents.h"
#include "rapport-import-assistant.h"
#include "rapport-import-file.h"
#include "rapport-import-job.h"

/* Shown at most, of a file's problems; the rest are counted. */
#define MAX_PROBLEMS 5

/* In the order of the choices of the duplicates row (as in the
 * assistant); the last makes every card a contact. */
static const RapportImportFlags duplicate_choices[] = {
  RAPPORT_IMPORT_DUPLICATES_SKIP, RAPPORT_IMPORT_DUPLICATES_FILL, RAPPORT_IMPORT_DUPLICATES_UPDATE, 0,
};

typedef struct
{
  RapportContext      *context;
  GFile               *file;
  RapportImportFormat  format;
  AdwComboRow         *duplicates_row;   /* vCards only */
} Flow;

static void
flow_free (Flow *flow)
{
  g_clear_object (&flow->context);
  g_clear_object (&flow->file);
  g_free (flow);
}

RapportImportFormat
rapport_import_format_of (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_utf8_strdown (name != NULL ? name : "", -1);

  if (g_str_has_suffix (lower, ".vcf") || g_str_has_suffix (lower, ".vcard"))
    return RAPPORT_IMPORT_FORMAT_VCARD;
  if (g_str_has_suffix (lower, ".ics") || g_str_has_suffix (lower, ".ical") || g_str_has_suffix (lower, ".ifb"))
    return RAPPORT_IMPORT_FORMAT_ICALENDAR;
  return RAPPORT_IMPORT_FORMAT_CSV;
}

static RapportImportJobSpec
make_spec (Flow               *flow,
           RapportImportFlags  flags)
{
  RapportStore *store = rapport_context_get_store (flow->context);

  if (flow->duplicates_row != NULL)
    {
      guint choice = adw_combo_row_get_selected (flow->duplicates_row);

      if (choice < G_N_ELEMENTS (duplicate_choices))
        flags |= duplicate_choices[choice];
    }
  return (RapportImportJobSpec) {
    .db_path = g_strdup (rapport_store_get_path (store)),
    .file = g_object_ref (flow->file),
    .format = flow->format,
    .flags = flags,
    .now = rapport_store_now (store),
  };
}

/* What the file holds, as sentences: how many, and how many are there
 * already. */
static char *
describe (Flow                      *flow,
          const RapportImportReport *report)
{
  const RapportImportCounts *counts = &report->counts;
  g_autofree char *name = g_file_get_basename (flow->file);
  g_autofree char *holds = NULL;
  g_autofree char *again = NULL;

  if (flow->format == RAPPORT_IMPORT_FORMAT_VCARD)
    {
      holds = g_strdup_printf (ngettext ("“%s” holds %u card.", "“%s” holds %u cards.", counts->rows),
                               name, counts->rows);
      if (counts->duplicates > 0)
        again = g_strdup_printf (ngettext ("%u of them is a contact already in Rapport.",
                                           "%u of them are contacts already in Rapport.", counts->duplicates),
                                 counts->duplicates);
    }
  else
    {
      holds = g_strdup_printf (ngettext ("“%s” holds %u task or event, to become a follow-up.",
                                         "“%s” holds %u tasks and events, to become follow-ups.", counts->rows),
                               name, counts->rows);
      if (counts->updated + counts->skipped > 0)
        again = g_strdup_printf (ngettext ("%u of them was imported before; it is updated.",
                                           "%u of them were imported before; they are updated.",
                                           counts->updated + counts->skipped),
                                 counts->updated + counts->skipped);
    }
  return again != NULL ? g_strjoin (" ", holds, again, NULL) : g_steal_pointer (&holds);
}

/* The problems of a file that cannot be imported, one line each. */
static char *
describe_problems (const RapportImportReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GPtrArray *problems = report->problems;

  for (guint i = 0; i < problems->len && i < MAX_PROBLEMS; i++)
    {
      const RapportImportProblem *problem = problems->pdata[i];

      /* Translators: a line of an imported file, and what is wrong there. */
      g_string_append_printf (text, _("Line %u: %s"), problem->line, problem->message);
      g_string_append_c (text, '\n');
    }
  if (problems->len > MAX_PROBLEMS)
    {
      guint more = problems->len - MAX_PROBLEMS;

      g_string_append_printf (text, ngettext ("%u more line has a problem.", "%u more lines have problems.", more),
                              more);
      g_string_append_c (text, '\n');
    }
  g_string_append (text, _("Nothing was imported. Mend the file and import it again."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
undo_import (RapportStore  *store,
             gpointer       data,
             GError       **error)
{
  return rapport_store_undo_import (store, data, error);
}

static char *
imported_text (RapportImportFormat        format,
               const RapportImportCounts *counts)
{
  if (format == RAPPORT_IMPORT_FORMAT_ICALENDAR)
    return g_strdup_printf (ngettext ("Imported %u follow-up", "Imported %u follow-ups",
                                      counts->created + counts->updated),
                            counts->created + counts->updated);
  if (counts->created == 0 && counts->updated > 0)
    return g_strdup_printf (ngettext ("Updated %u contact", "Updated %u contacts", counts->updated),
                            counts->updated);
  return g_strdup_printf (ngettext ("Imported %u contact", "Imported %u contacts", counts->created),
                          counts->created);
}

/* The import itself, done: its toast with Undo. */
static void
on_imported (GObject          *owner,
             RapportImportJob *job)
{
  RapportContext *context = RAPPORT_CONTEXT (owner);
  g_auto(RapportImportReport) report = { { 0, }, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (context == NULL)
    return;
  if (!rapport_import_job_finish (job, &report, &error))
    {
      rapport_context_report_error (context, error);
      return;
    }
  if (report.problems != NULL && report.problems->len > 0)
    {
      g_autofree char *problems = describe_problems (&report);
      g_autoptr(GError) refused = g_error_new_literal (RAPPORT_ERROR, RAPPORT_ERROR_INVALID, problems);

      rapport_context_report_error (context, refused);
      return;
    }

  /* Another connection wrote the rows: have every view see them now. */
  rapport_store_sync_external (rapport_context_get_store (context));
  text = imported_text (rapport_import_job_get_format (job), &report.counts);
  if (report.counts.undo != NULL)
    {
      guint64 step = rapport_context_push_undo (context, text, undo_import, g_steal_pointer (&report.counts.undo),
                                                (GDestroyNotify) rapport_import_undo_free);

      toast = rapport_context_undo_toast_new (context, text, step);
    }
  else
    {
      toast = adw_toast_new (text);
      adw_toast_set_timeout (toast, 10);
    }
  rapport_context_add_toast (context, toast);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Flow             *flow)
{
  RapportImportJobSpec spec;

  if (g_strcmp0 (response, "import") != 0)
    return;
  spec = make_spec (flow, RAPPORT_IMPORT_DEFAULT);
  rapport_import_job_start (&spec, G_OBJECT (flow->context), NULL, on_imported);
}

/* The dry run, done: the question says what the file holds. */
static void
on_looked (GObject          *owner,
           RapportImportJob *job)
{
  AdwMessageDialog *dialog = owner != NULL ? ADW_MESSAGE_DIALOG (owner) : NULL;
  g_auto(RapportImportReport) report = { { 0, }, NULL };
  g_autoptr(GError) error = NULL;
  Flow *flow;

  if (dialog == NULL)
    return;
  flow = g_object_get_data (G_OBJECT (dialog), "rapport-import-flow");

  if (!rapport_import_job_finish (job, &report, &error))
    {
      adw_message_dialog_set_heading (dialog, _("This File Cannot Be Read"));
      adw_message_dialog_set_body (dialog, error->message);
      adw_message_dialog_set_response_label (dialog, "cancel", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (report.problems->len > 0)
    {
      g_autofree char *problems = describe_problems (&report);

      adw_message_dialog_set_heading (dialog, _("This File Cannot Be Imported"));
      adw_message_dialog_set_body (dialog, problems);
      adw_message_dialog_set_response_label (dialog, "cancel", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  {
    g_autofree char *body = describe (flow, &report);

    adw_message_dialog_set_body (dialog, body);
  }
  adw_message_dialog_set_response_enabled (dialog, "import", report.counts.rows > 0);
  if (flow->duplicates_row != NULL)
    gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (flow->duplicates_row)), report.counts.duplicates > 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "Contacts already in Rapport", as in the assistant. */
static GtkWidget *
duplicates_list (Flow *flow)
{
  static const char * const choices[] = {
    N_("Skip them"), N_("Fill in their empty fields"), N_("Update them"), N_("Add them anyway"), NULL,
  };
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; choices[i] != NULL; i++)
    gtk_string_list_append (model, _(choices[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Contacts already in Rapport"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_widget_set_visible (list, FALSE);
  flow->duplicates_row = ADW_COMBO_ROW (row);
  return list;
}

static void
ask (RapportContext      *context,
     GtkWindow           *parent,
     GFile               *file,
     RapportImportFormat  format)
{
  Flow *flow = g_new0 (Flow, 1);
  RapportImportJobSpec spec;
  GtkWidget *dialog;

  flow->context = g_object_ref (context);
  flow->file = g_object_ref (file);
  flow->format = format;

  dialog = adw_message_dialog_new (parent,
                                   format == RAPPORT_IMPORT_FORMAT_VCARD ? _("Import Contacts?")
                                                                         : _("Import Follow-ups?"),
                                   NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  if (format == RAPPORT_IMPORT_FORMAT_VCARD)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), duplicates_list (flow));
  g_object_set_data_full (G_OBJECT (dialog), "rapport-import-flow", flow, (GDestroyNotify) flow_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), flow);

  /* Counted as the import would count it, with duplicates skipped. */
  spec = make_spec (flow, RAPPORT_IMPORT_DRY_RUN | RAPPORT_IMPORT_DUPLICATES_SKIP);
  spec.flags &= ~(RAPPORT_IMPORT_DUPLICATES_FILL | RAPPORT_IMPORT_DUPLICATES_UPDATE);
  rapport_import_job_start (&spec, G_OBJECT (dialog), NULL, on_looked);
}

void
rapport_import_file (RapportContext *context,
                     GtkWindow      *parent,
                     GFile          *file)
{
  RapportImportFormat format;

  g_return_if_fail (RAPPORT_IS_CONTEXT (context));
  g_return_if_fail (G_IS_FILE (file));

  format = rapport_import_format_of (file);
  if (format == RAPPORT_IMPORT_FORMAT_CSV)
    gtk_window_present (GTK_WINDOW (rapport_import_assistant_new (context, parent, file)));
  else
    ask (context, parent, file, format);
}

/* Import… */

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                gpointer         data)
{
  g_autoptr(RapportContext) context = data;
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    rapport_import_file (context, parent, file);
  g_object_unref (chooser);
}

void
rapport_import_choose (RapportContext *context,
                                 GtkWindow      *parent)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) any = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) cards = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) calendars = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_kinds = gtk_file_filter_new ();

  g_return_if_fail (RAPPORT_IS_CONTEXT (context));

  gtk_file_filter_set_name (csv, _("Spreadsheet files (CSV)"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_mime_type (csv, "text/tab-separated-values");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "tsv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_filter_set_name (cards, _("Contact cards (vCard)"));
  gtk_file_filter_add_mime_type (cards, "text/vcard");
  gtk_file_filter_add_mime_type (cards, "text/x-vcard");
  gtk_file_filter_add_suffix (cards, "vcf");
  gtk_file_filter_set_name (calendars, _("Calendars (iCalendar)"));
  gtk_file_filter_add_mime_type (calendars, "text/calendar");
  gtk_file_filter_add_suffix (calendars, "ics");
  gtk_file_filter_set_name (all_kinds, _("Every file Rapport imports"));
  for (const char * const *suffix = (const char * const[]) { "csv", "tsv", "txt", "vcf", "ics", NULL }; *suffix; suffix++)
    gtk_file_filter_add_suffix (all_kinds, *suffix);
  gtk_file_filter_add_mime_type (all_kinds, "text/csv");
  gtk_file_filter_add_mime_type (all_kinds, "text/vcard");
  gtk_file_filter_add_mime_type (all_kinds, "text/calendar");
  gtk_file_filter_set_name (any, _("All files"));
  gtk_file_filter_add_pattern (any, "*");

  chooser = gtk_file_chooser_native_new (_("Import a File"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_kinds);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), cards);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), calendars);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), any);
  rapport_documents_start_chooser (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), g_object_ref (context));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
