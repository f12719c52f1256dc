/* rapport-import-assistant.c — Import…: a CSV file's rows as contacts,
 * organizations or deals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One page: how the file is read (its encoding and separator, with a live
 * preview of its first rows), what each column becomes (guessed from the
 * headers, or as chosen last time for the same headers), where the deals
 * of stages the pipeline lacks go, and what a dry run of the whole file
 * found, row by row. Every change runs the dry run again, on a worker
 * thread, so the Import button is only offered for a file that imports.
 * The import itself runs on the worker too, with a progress bar and
 * Cancel, commits at once at the end, and can be undone as a whole.
 */

#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-bad-rows.h"
#include "rapport-debounce.h"
#include "rapport-documents.h"
#include "rapport-import-assistant-private.h"
#include "rapport-import-job.h"
#include "rapport-pipeline.h"
#include "rapport-record.h"
#include "rapport-stage.h"

#define N_PREVIEW_ROWS 5
#define N_PROBLEMS_SHOWN 100

struct _RapportImportAssistant
{
  AdwWindow            parent_instance;

  RapportContext      *context;
  GFile               *file;

  AdwWindowTitle      *window_title;
  GtkButton           *import_button;
  GtkStack            *stack;
  AdwComboRow         *kind_row;
  AdwComboRow         *duplicates_row;
  AdwComboRow         *encoding_row;
  AdwComboRow         *delimiter_row;
  AdwComboRow         *date_order_row;
  AdwComboRow         *decimal_row;
  GtkGrid             *preview_grid;
  AdwPreferencesGroup *columns_group;
  AdwPreferencesGroup *stages_group;
  AdwActionRow        *check_row;
  GtkSpinner          *check_spinner;
  AdwActionRow        *skip_row;
  GtkSwitch           *skip_switch;
  GtkListBox          *problems_list;
  GtkProgressBar      *progress_bar;

  /* The file as last read: its header and a sample of each column */
  GPtrArray           *header;          /* char * */
  GPtrArray           *samples;         /* char *, by column */
  char                 delimiter;
  GPtrArray           *column_rows;     /* AdwComboRow, by column */
  GPtrArray           *stage_rows;      /* AdwComboRow, by unknown stage */
  GPtrArray           *stage_values;    /* char *: each stage row's value in the file */
  GPtrArray           *stage_targets;   /* GArray of gint64: each stage row's choices */
  GHashTable          *stage_choices;   /* value → gint64 * */

  RapportDebounce      check;
  GCancellable        *cancellable;     /* the running job's */
  RapportImportJob    *job;          /* the import under way */
  RapportImportJob    *check_job;    /* the last dry run asked for */
  gboolean             importing;
  gboolean             kind_guessed;
  guint                progress_id;
};

G_DEFINE_FINAL_TYPE (RapportImportAssistant, rapport_import_assistant, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *name;    /* for iconv; NULL: UTF-8, or UTF-16 by its mark */
  const char *label;
} encodings[] = {
  { NULL, N_("UTF-8 or UTF-16") },
  { "WINDOWS-1252", N_("Western European (Windows-1252)") },
  { "ISO-8859-15", N_("Western European (ISO-8859-15)") },
  { "WINDOWS-1250", N_("Central European (Windows-1250)") },
  { "WINDOWS-1251", N_("Cyrillic (Windows-1251)") },
  { "WINDOWS-1253", N_("Greek (Windows-1253)") },
  { "WINDOWS-1255", N_("Hebrew (Windows-1255)") },
  { "SHIFT_JIS", N_("Japanese (Shift_JIS)") },
  { "GB18030", N_("Chinese (GB18030)") },
  { "BIG5", N_("Traditional Chinese (Big5)") },
  { "EUC-KR", N_("Korean (EUC-KR)") },
};

static RapportImportKind
current_kind (RapportImportAssistant *self)
{
  static const RapportImportKind kinds[] = {
    RAPPORT_IMPORT_CONTACTS, RAPPORT_IMPORT_ORGANIZATIONS, RAPPORT_IMPORT_DEALS,
  };
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return kinds[MIN (selected, G_N_ELEMENTS (kinds) - 1)];
}

static char
chosen_delimiter (RapportImportAssistant *self)
{
  static const char delimiters[] = { 0, ',', ';', '\t' };
  guint selected = adw_combo_row_get_selected (self->delimiter_row);

  return delimiters[MIN (selected, G_N_ELEMENTS (delimiters) - 1)];
}

static const char *
chosen_encoding (RapportImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (self->encoding_row);

  return encodings[MIN (selected, G_N_ELEMENTS (encodings) - 1)].name;
}

/* The check: a dry run of the whole file */

static void
cancel_job (RapportImportAssistant *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
show_check (RapportImportAssistant *self,
            const char             *title,
            const char             *subtitle,
            gboolean                busy)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->check_row), title);
  adw_action_row_set_subtitle (self->check_row, subtitle ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->check_spinner), busy);
}

static GArray *
chosen_fields (RapportImportAssistant *self)
{
  RapportImportKind kind = current_kind (self);
  GArray *fields = g_array_sized_new (FALSE, FALSE, sizeof (RapportImportField), self->column_rows->len);

  for (guint i = 0; i < self->column_rows->len; i++)
    {
      guint selected = adw_combo_row_get_selected (self->column_rows->pdata[i]);
      RapportImportField field = rapport_import_assistant_field_at (kind, selected);

      g_array_append_val (fields, field);
    }
  return fields;
}

static GHashTable *
copy_stage_choices (RapportImportAssistant *self)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->stage_choices);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_memdup2 (value, sizeof (gint64)));
  return copy;
}

static RapportImportJobSpec
make_spec (RapportImportAssistant *self,
           RapportImportFlags      flags)
{
  RapportStore *store = rapport_context_get_store (self->context);

  /* In the order of the row's choices; the last creates every row. */
  static const RapportImportFlags duplicates[] = {
    RAPPORT_IMPORT_DUPLICATES_SKIP, RAPPORT_IMPORT_DUPLICATES_FILL, RAPPORT_IMPORT_DUPLICATES_UPDATE, 0,
  };
  guint choice = adw_combo_row_get_selected (self->duplicates_row);

  if (gtk_switch_get_active (self->skip_switch))
    flags |= RAPPORT_IMPORT_SKIP_BAD_ROWS;
  if (choice < G_N_ELEMENTS (duplicates))
    flags |= duplicates[choice];
  return (RapportImportJobSpec) {
    .db_path = g_strdup (rapport_store_get_path (store)),
    .file = g_object_ref (self->file),
    .encoding = g_strdup (chosen_encoding (self)),
    .delimiter = self->delimiter,
    .kind = current_kind (self),
    .date_order = (RapportDateOrder) adw_combo_row_get_selected (self->date_order_row),
    .decimal_mark = (RapportDecimalMark) adw_combo_row_get_selected (self->decimal_row),
    .flags = flags,
    .column_fields = chosen_fields (self),
    .stage_choices = copy_stage_choices (self),
    .now = rapport_store_now (store),
  };
}

static void
clear_problems (RapportImportAssistant *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), FALSE);
}

static void
show_problems (RapportImportAssistant *self,
               GPtrArray              *problems)
{
  clear_problems (self);
  for (guint i = 0; i < problems->len && i < N_PROBLEMS_SHOWN; i++)
    {
      const RapportImportProblem *problem = problems->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *where = problem->column != NULL
        /* Translators: where a bad row's problem is: its line and column. */
        ? g_strdup_printf (_("Line %u, column “%s”"), problem->line, problem->column)
        : g_strdup_printf (_("Line %u"), problem->line);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->message);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      gtk_list_box_append (self->problems_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), problems->len > 0);
}

/* What the rows would become, as a sentence. */
static char *
describe_counts (RapportImportKind          kind,
                 const RapportImportCounts *counts)
{
  guint n = counts->created;
  char *text;

  if (kind == RAPPORT_IMPORT_ORGANIZATIONS)
    return g_strdup_printf (ngettext ("%u new organization; the others are there already.",
                                      "%u new organizations; the others are there already.", n), n);
  if (kind == RAPPORT_IMPORT_DEALS)
    return g_strdup_printf (ngettext ("%u deal, with %u new contacts and %u new organizations.",
                                      "%u deals, with %u new contacts and %u new organizations.", n),
                            n, counts->contacts_created, counts->organizations_created);
  text = g_strdup_printf (ngettext ("%u contact, with %u new organizations.",
                                    "%u contacts, with %u new organizations.", n),
                          n, counts->organizations_created);
  /* Each a sentence of its own, after the first. */
  if (counts->updated > 0)
    {
      g_autofree char *updated = g_strdup_printf (ngettext ("%u contact already in Rapport takes the file’s values.",
                                                            "%u contacts already in Rapport take the file’s values.",
                                                            counts->updated),
                                                  counts->updated);
      g_autofree char *both = g_strjoin (" ", text, updated, NULL);

      g_free (text);
      text = g_steal_pointer (&both);
    }
  if (counts->duplicates > 0)
    {
      guint skipped = counts->duplicates;
      g_autofree char *left = g_strdup_printf (ngettext ("%u row is a contact already in Rapport and is left out.",
                                                         "%u rows are contacts already in Rapport and are left out.",
                                                         skipped),
                                               skipped);
      g_autofree char *both = g_strjoin (" ", text, left, NULL);

      g_free (text);
      text = g_steal_pointer (&both);
    }
  return text;
}

/* With the order to be guessed, dates that can only be read one way
 * choose it for the whole file; the check then runs again. */
static gboolean
choose_date_order (RapportImportAssistant    *self,
                   const RapportImportReport *report)
{
  RapportDateOrder order;

  if (adw_combo_row_get_selected (self->date_order_row) != RAPPORT_DATE_ORDER_GUESS ||
      (report->day_first_dates > 0) == (report->month_first_dates > 0))
    return FALSE;
  order = report->day_first_dates > 0 ? RAPPORT_DATE_ORDER_DMY : RAPPORT_DATE_ORDER_MDY;
  adw_combo_row_set_selected (self->date_order_row, order);
  return TRUE;
}

static void
show_report (RapportImportAssistant    *self,
             const RapportImportReport *report)
{
  const RapportImportCounts *counts = &report->counts;
  gboolean skip = gtk_switch_get_active (self->skip_switch);
  guint good = counts->rows - counts->bad;
  g_autofree char *title = NULL;
  g_autofree char *what = describe_counts (current_kind (self), counts);

  if (counts->rows == 0)
    title = g_strdup (_("The file has no rows to import."));
  else if (counts->bad == 0)
    title = g_strdup_printf (ngettext ("The file’s %u row can be imported.",
                                       "All %u rows of the file can be imported.", counts->rows),
                             counts->rows);
  else
    title = g_strdup_printf (ngettext ("%u row of %u has a problem.", "%u rows of %u have problems.",
                                       counts->bad),
                             counts->bad, counts->rows);

  show_check (self, title,
              counts->bad == 0 || skip ? what
                                       : _("Nothing is imported while a row is bad: mend the file, change how its columns or stages are read, or skip the bad rows."),
              FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->skip_row), counts->bad > 0);
  show_problems (self, report->problems);
  rapport_import_assistant_add_stage_rows (self, report->unknown_stages);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), good > 0 && (counts->bad == 0 || skip));
}

static void
on_check_done (GObject          *owner,
               RapportImportJob *job)
{
  RapportImportAssistant *self = owner ? RAPPORT_IMPORT_ASSISTANT (owner) : NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RapportImportReport) report = { { 0, }, NULL, NULL };

  if (!rapport_import_job_finish (job, &report, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Only the last check asked for tells what the choices now give. */
  if (self == NULL || self->importing || job != self->check_job)
    return;
  self->check_job = NULL;

  if (error != NULL)
    {
      show_check (self, _("The file cannot be imported."), error->message, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return;
    }
  if (report.counts.bad > 0 && choose_date_order (self, &report))
    return;
  show_report (self, &report);
}

static RapportImportJob *
start_job (RapportImportAssistant *self,
           RapportImportJobSpec   *spec,
           RapportImportJobDone    done)
{
  cancel_job (self);
  self->cancellable = g_cancellable_new ();
  return rapport_import_job_start (spec, G_OBJECT (self), self->cancellable, done);
}

static void
run_check (gpointer data)
{
  RapportImportAssistant *self = data;
  RapportImportJobSpec spec;

  if (self->header == NULL || self->importing)
    return;
  show_check (self, _("Reading the whole file…"), NULL, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  spec = make_spec (self, RAPPORT_IMPORT_DRY_RUN);
  self->check_job = start_job (self, &spec, on_check_done);
}

void
rapport_import_assistant_queue_check (RapportImportAssistant *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  rapport_debounce_restart (&self->check);
}

/* The import */

static gboolean
undo_import (RapportStore  *store,
             gpointer       data,
             GError       **error)
{
  return rapport_store_undo_import (store, data, error);
}

static char *
imported_text (RapportImportKind kind,
               guint             n)
{
  if (kind == RAPPORT_IMPORT_DEALS)
    return g_strdup_printf (ngettext ("Imported %u deal", "Imported %u deals", n), n);
  if (kind == RAPPORT_IMPORT_ORGANIZATIONS)
    return g_strdup_printf (ngettext ("Imported %u organization", "Imported %u organizations", n), n);
  return g_strdup_printf (ngettext ("Imported %u contact", "Imported %u contacts", n), n);
}

static void
finish_import (RapportImportAssistant *self,
               RapportImportReport    *report)
{
  RapportStore *store = rapport_context_get_store (self->context);
  g_autofree char *text = report->counts.created == 0 && report->counts.updated > 0
    ? g_strdup_printf (ngettext ("Updated %u contact", "Updated %u contacts", report->counts.updated),
                       report->counts.updated)
    : imported_text (current_kind (self), report->counts.created);
  g_autofree char *bad_rows = NULL;
  g_autoptr(GError) error = NULL;
  guint64 step = 0;
  AdwToast *toast;

  /* Another connection wrote the rows: have every view see them now. */
  rapport_store_sync_external (store);
  if (report->counts.undo != NULL)
    step = rapport_context_push_undo (self->context, text, undo_import,
                               g_steal_pointer (&report->counts.undo),
                               (GDestroyNotify) rapport_import_undo_free);

  if (report->counts.bad > 0 &&
      (bad_rows = rapport_bad_rows_save (self->file, chosen_encoding (self), self->delimiter,
                                         report->problems, NULL, &error)) == NULL)
    rapport_context_report_error (self->context, error);

  if (step != 0)
    toast = rapport_context_undo_toast_new (self->context, text, step);
  else
    toast = adw_toast_new (text);
  rapport_context_add_toast (self->context, toast);
  if (bad_rows != NULL)
    {
      g_autofree char *name = g_path_get_basename (bad_rows);
      g_autofree char *saved = g_strdup_printf (_("The bad rows are in “%s”, beside the file"), name);

      rapport_context_add_toast (self->context, adw_toast_new (saved));
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
stop_progress (RapportImportAssistant *self)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
  self->importing = FALSE;
  self->job = NULL;
}

static void
on_import_done (GObject          *owner,
                RapportImportJob *job)
{
  RapportImportAssistant *self = owner ? RAPPORT_IMPORT_ASSISTANT (owner) : NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RapportImportReport) report = { { 0, }, NULL, NULL };
  gboolean done = rapport_import_job_finish (job, &report, &error);

  /* The window closes only after its import ends (see close_request). */
  g_return_if_fail (self != NULL);
  stop_progress (self);

  if (done && (report.counts.bad == 0 || gtk_switch_get_active (self->skip_switch)))
    {
      finish_import (self, &report);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "setup");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_check (self, _("The import was cancelled. Nothing was stored."), NULL, FALSE);
  else if (error != NULL)
    show_check (self, _("Nothing was imported."), error->message, FALSE);
  else
    show_report (self, &report);
}

static gboolean
update_progress (gpointer data)
{
  RapportImportAssistant *self = data;

  if (self->job != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, rapport_import_job_get_fraction (self->job));
  return G_SOURCE_CONTINUE;
}

static void
remember_mapping (RapportImportAssistant *self)
{
  g_autoptr(GArray) fields = chosen_fields (self);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < fields->len; i++)
    g_ptr_array_add (names, (gpointer) rapport_import_field_name (g_array_index (fields, RapportImportField, i)));
  g_ptr_array_add (names, NULL);
  /* Only a convenience for next time: a failure is not the import's. */
  if (!rapport_store_set_import_mapping (rapport_context_get_store (self->context), current_kind (self),
                                         self->header, (const char * const *) names->pdata, &error))
    g_debug ("The mapping was not kept: %s", error->message);
}

static void
on_import_clicked (RapportImportAssistant *self)
{
  RapportImportJobSpec spec;

  rapport_debounce_cancel (&self->check);
  remember_mapping (self);
  self->importing = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "progress");

  spec = make_spec (self, RAPPORT_IMPORT_DEFAULT);
  self->job = start_job (self, &spec, on_import_done);
  self->progress_id = g_timeout_add (100, update_progress, self);
}

static void
on_cancel_clicked (RapportImportAssistant *self)
{
  /* While importing, Cancel stops it and stays, so the user sees that
   * nothing was stored; otherwise it closes. */
  if (self->importing)
    {
      cancel_job (self);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Reading the file */

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

static void
fill_preview (RapportImportAssistant *self,
              GPtrArray              *records)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);

  for (guint r = 0; r < records->len; r++)
    {
      GPtrArray *record = records->pdata[r];

      for (guint c = 0; c < record->len; c++)
        {
          GtkWidget *label = gtk_label_new (record->pdata[c]);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          /* At least a short cell whole, so a wide file scrolls sideways
           * rather than shrinking every cell to "…". */
          gtk_label_set_width_chars (GTK_LABEL (label), MIN ((int) g_utf8_strlen (record->pdata[c], -1), 14));
          gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
          gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
          if (r == 0)
            gtk_widget_add_css_class (label, "heading");
          gtk_grid_attach (self->preview_grid, label, c, r, 1, 1);
        }
    }
}

/* A few values of column @c, for its row's subtitle. */
static char *
sample_of (GPtrArray *records,
           guint      c)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();

  for (guint r = 1; r < records->len && values->len < 3; r++)
    {
      GPtrArray *record = records->pdata[r];

      if (c < record->len && *(char *) record->pdata[c] != '\0')
        g_ptr_array_add (values, record->pdata[c]);
    }
  g_ptr_array_add (values, NULL);
  /* Translators: between sample values of a column of the imported file. */
  return g_strjoinv (_(", "), (char **) values->pdata);
}

static GPtrArray *
copy_strings (GPtrArray *strings)
{
  GPtrArray *copy = g_ptr_array_new_full (strings->len, g_free);

  for (guint i = 0; i < strings->len; i++)
    g_ptr_array_add (copy, g_strdup (strings->pdata[i]));
  return copy;
}

/* The header and the first rows, with the encoding and separator chosen. */
static GPtrArray *
read_start (RapportImportAssistant  *self,
            GError                 **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (self->file, NULL, error);
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GError) read_error = NULL;
  GPtrArray *fields;
  guint line;

  if (stream == NULL ||
      (reader = rapport_csv_reader_new (G_INPUT_STREAM (stream), chosen_encoding (self),
                                        chosen_delimiter (self), NULL, error)) == NULL)
    return NULL;

  self->delimiter = rapport_csv_reader_get_delimiter (reader);
  g_ptr_array_add (records, copy_strings (rapport_csv_reader_get_header (reader)));
  while (records->len <= N_PREVIEW_ROWS && rapport_csv_reader_next (reader, &fields, &line, &read_error))
    g_ptr_array_add (records, copy_strings (fields));
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return NULL;
    }
  return g_steal_pointer (&records);
}

static void
read_file (RapportImportAssistant *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  cancel_job (self);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->samples, g_ptr_array_unref);
  clear_rows (self->columns_group, self->column_rows);
  clear_problems (self);
  gtk_widget_set_visible (GTK_WIDGET (self->skip_row), FALSE);

  if ((records = read_start (self, &error)) == NULL)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      fill_preview (self, none);
      show_check (self, _("The file cannot be read this way."), error->message, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return;
    }

  fill_preview (self, records);
  if (!self->kind_guessed)
    {
      static const guint rows[] = {
        [RAPPORT_IMPORT_CONTACTS] = 0, [RAPPORT_IMPORT_ORGANIZATIONS] = 1, [RAPPORT_IMPORT_DEALS] = 2,
      };

      /* Before the header is kept: the change of kind has no rows to
       * make again then. */
      self->kind_guessed = TRUE;
      adw_combo_row_set_selected (self->kind_row, rows[rapport_import_guess_kind (records->pdata[0])]);
    }
  self->header = g_ptr_array_ref (records->pdata[0]);
  self->samples = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < self->header->len; c++)
    g_ptr_array_add (self->samples, sample_of (records, c));
  rapport_import_assistant_add_column_rows (self);
  rapport_import_assistant_queue_check (self);
}

static void
on_reading_changed (RapportImportAssistant *self)
{
  if (self->file != NULL && gtk_widget_get_realized (GTK_WIDGET (self)))
    read_file (self);
}

static void
on_kind_changed (RapportImportAssistant *self)
{
  gboolean deals = current_kind (self) == RAPPORT_IMPORT_DEALS;

  gtk_widget_set_visible (GTK_WIDGET (self->decimal_row), deals);
  gtk_widget_set_visible (GTK_WIDGET (self->duplicates_row), current_kind (self) == RAPPORT_IMPORT_CONTACTS);
  clear_rows (self->stages_group, self->stage_rows);
  g_ptr_array_set_size (self->stage_values, 0);
  g_ptr_array_set_size (self->stage_targets, 0);
  g_hash_table_remove_all (self->stage_choices);
  gtk_widget_set_visible (GTK_WIDGET (self->stages_group), FALSE);
  if (self->header == NULL)
    return;
  clear_rows (self->columns_group, self->column_rows);
  rapport_import_assistant_add_column_rows (self);
  rapport_import_assistant_queue_check (self);
}

static void
on_choice_changed (RapportImportAssistant *self)
{
  if (self->header != NULL)
    rapport_import_assistant_queue_check (self);
}

/* For the rows and stages code in rapport-import-assistant-rows.c */

RapportContext *
rapport_import_assistant_get_context (RapportImportAssistant *self)
{
  return self->context;
}

GPtrArray *
rapport_import_assistant_get_header (RapportImportAssistant *self)
{
  return self->header;
}

const char *
rapport_import_assistant_get_sample (RapportImportAssistant *self,
                                     guint                   column)
{
  return column < self->samples->len ? self->samples->pdata[column] : "";
}

RapportImportKind
rapport_import_assistant_get_kind (RapportImportAssistant *self)
{
  return current_kind (self);
}

void
rapport_import_assistant_append_column_row (RapportImportAssistant *self,
                                            AdwComboRow            *row)
{
  g_ptr_array_add (self->column_rows, row);
  adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
}

void
rapport_import_assistant_append_stage_row (RapportImportAssistant *self,
                                           AdwComboRow            *row,
                                           const char             *value,
                                           GArray                 *targets)
{
  g_ptr_array_add (self->stage_rows, row);
  g_ptr_array_add (self->stage_values, g_strdup (value));
  g_ptr_array_add (self->stage_targets, targets);
  adw_preferences_group_add (self->stages_group, GTK_WIDGET (row));
  gtk_widget_set_visible (GTK_WIDGET (self->stages_group), TRUE);
}

gboolean
rapport_import_assistant_has_stage_row (RapportImportAssistant *self,
                                        const char             *value)
{
  for (guint i = 0; i < self->stage_values->len; i++)
    if (g_str_equal (self->stage_values->pdata[i], value))
      return TRUE;
  return FALSE;
}

gboolean
rapport_import_assistant_stage_row_choice (RapportImportAssistant  *self,
                                           AdwComboRow             *row,
                                           const char             **value,
                                           gint64                  *target)
{
  guint i;
  GArray *targets;
  guint selected = adw_combo_row_get_selected (row);

  if (!g_ptr_array_find (self->stage_rows, row, &i))
    return FALSE;
  targets = self->stage_targets->pdata[i];
  *value = self->stage_values->pdata[i];
  *target = selected < targets->len ? g_array_index (targets, gint64, selected) : 0;
  return TRUE;
}

GHashTable *
rapport_import_assistant_get_stage_choices (RapportImportAssistant *self)
{
  return self->stage_choices;
}

/* The object */

static void
fill_encodings (RapportImportAssistant *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    gtk_string_list_append (list, _(encodings[i].label));
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (list));
}

static void
rapport_import_assistant_realize (GtkWidget *widget)
{
  RapportImportAssistant *self = RAPPORT_IMPORT_ASSISTANT (widget);
  g_autofree char *name = g_file_get_basename (self->file);

  GTK_WIDGET_CLASS (rapport_import_assistant_parent_class)->realize (widget);
  adw_window_title_set_subtitle (self->window_title, name);
  read_file (self);
}

/* While rows are being written the window stays, so that what became of
 * them is shown: closing it asks the import to stop instead. */
static gboolean
rapport_import_assistant_close_request (GtkWindow *window)
{
  RapportImportAssistant *self = RAPPORT_IMPORT_ASSISTANT (window);

  if (self->importing)
    {
      cancel_job (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (rapport_import_assistant_parent_class)->close_request (window);
}

static void
rapport_import_assistant_dispose (GObject *object)
{
  RapportImportAssistant *self = RAPPORT_IMPORT_ASSISTANT (object);

  rapport_debounce_cancel (&self->check);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  cancel_job (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), RAPPORT_TYPE_IMPORT_ASSISTANT);

  G_OBJECT_CLASS (rapport_import_assistant_parent_class)->dispose (object);
}

static void
rapport_import_assistant_finalize (GObject *object)
{
  RapportImportAssistant *self = RAPPORT_IMPORT_ASSISTANT (object);

  g_clear_object (&self->context);
  g_clear_object (&self->file);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->samples, g_ptr_array_unref);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->stage_rows, g_ptr_array_unref);
  g_clear_pointer (&self->stage_values, g_ptr_array_unref);
  g_clear_pointer (&self->stage_targets, g_ptr_array_unref);
  g_clear_pointer (&self->stage_choices, g_hash_table_unref);

  G_OBJECT_CLASS (rapport_import_assistant_parent_class)->finalize (object);
}

static void
rapport_import_assistant_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  RapportImportAssistant *self = RAPPORT_IMPORT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_import_assistant_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  RapportImportAssistant *self = RAPPORT_IMPORT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_import_assistant_class_init (RapportImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_import_assistant_dispose;
  object_class->finalize = rapport_import_assistant_finalize;
  object_class->get_property = rapport_import_assistant_get_property;
  object_class->set_property = rapport_import_assistant_set_property;
  widget_class->realize = rapport_import_assistant_realize;
  GTK_WINDOW_CLASS (klass)->close_request = rapport_import_assistant_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Screen readers announce it as a dialog. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/import/import-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportImportAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, RapportImportAssistant, import_button);
  gtk_widget_class_bind_template_child (widget_class, RapportImportAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportImportAssistant, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RapportImportAssistant, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, RapportImportAssistant, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, RapportImportAssistant, date_order_row);
  gtk_widget_class_bind_template_child (widget_class, RapportImportAssistant, duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, RapportImportAssistant, decimal_row);
  gtk_widget_class_bind_template_child (widget_class, RapportImportAssistant, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, RapportImportAssistant, columns_group);
  gtk_widget_class_bind_template_child (widget_class, RapportImportAssistant, stages_group);
  gtk_widget_class_bind_template_child (widget_class, RapportImportAssistant, check_row);
  gtk_widget_class_bind_template_child (widget_class, RapportImportAssistant, check_spinner);
  gtk_widget_class_bind_template_child (widget_class, RapportImportAssistant, skip_row);
  gtk_widget_class_bind_template_child (widget_class, RapportImportAssistant, skip_switch);
  gtk_widget_class_bind_template_child (widget_class, RapportImportAssistant, problems_list);
  gtk_widget_class_bind_template_child (widget_class, RapportImportAssistant, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reading_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rapport_import_assistant_init (RapportImportAssistant *self)
{
  self->column_rows = g_ptr_array_new ();
  self->stage_rows = g_ptr_array_new ();
  self->stage_values = g_ptr_array_new_with_free_func (g_free);
  self->stage_targets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->stage_choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  rapport_debounce_init (&self->check, 250, run_check, self);

  gtk_widget_init_template (GTK_WIDGET (self));
  fill_encodings (self);
}

GtkWidget *
rapport_import_assistant_new (RapportContext *context,
                              GtkWindow      *parent,
                              GFile          *file)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (RAPPORT_TYPE_IMPORT_ASSISTANT,
                       "context", context,
                       "file", file,
                       "transient-for", parent,
                       NULL);
}
