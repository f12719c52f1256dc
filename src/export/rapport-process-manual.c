/* rapport-process-manual.c — the process manual, printed or as Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the team shares and keeps current: every stage with why it is
 * there, its key actions with who does them, in which activity, with
 * which material and what comes out, its gate, and the after-sales plan.
 */

#define G_LOG_DOMAIN "rapport-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-error.h"
#include "rapport-format.h"
#include "rapport-pdf-doc.h"
#include "rapport-process-manual.h"

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

/* The gate of a stage in a sentence, or NULL for none. */
static const char *
gate_sentence (const RapportProcessStage *stage)
{
  if (stage->require_qualified && stage->require_checklist)
    return _("A deal enters only when it is qualified (3 of 4 BANT) and the previous stage’s checklist is done.");
  if (stage->require_qualified)
    return _("A deal enters only when it is qualified (3 of 4 BANT).");
  if (stage->require_checklist)
    return _("A deal enters only when the previous stage’s checklist is done.");
  return NULL;
}

static char *
stage_facts (const RapportProcessStage *stage)
{
  if (stage->rotting_days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Win probability %d%%. A deal rots after %d day here.",
                                         "Win probability %d%%. A deal rots after %d days here.",
                                         stage->rotting_days),
                            stage->probability, stage->rotting_days);
  return g_strdup_printf (_("Win probability %d%%. A deal never rots here."), stage->probability);
}

static char *
step_when (const RapportProcessStep *step)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day after the win", "%d days after the win", step->days),
                          step->days);
}

static char *
manual_title (const RapportProcess *process)
{
  /* Translators: the title of the process manual; %s is the pipeline. */
  return g_strdup_printf (_("%s — process manual"), process->name);
}

static char *
version_line (const RapportProcess *process)
{
  return g_strdup_printf (_("Version %d"), process->version);
}

/* Markdown */

/* Table cells cannot hold a bar or a line break. */
static void
append_cell (GString    *out,
             const char *text)
{
  g_string_append (out, " ");
  for (const char *p = or_dash (text); *p != '\0'; p++)
    {
      if (*p == '|')
        g_string_append (out, "\\|");
      else if (*p == '\n' || *p == '\r')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
  g_string_append (out, " |");
}

static void
markdown_stage (GString                   *out,
                guint                      index,
                const RapportProcessStage *stage)
{
  g_autofree char *facts = stage_facts (stage);
  const char *gate = gate_sentence (stage);

  g_string_append_printf (out, "## %u. %s\n\n", index + 1, stage->name);
  if (stage->purpose != NULL)
    g_string_append_printf (out, "%s\n\n", stage->purpose);
  g_string_append_printf (out, "%s\n\n", facts);
  if (gate != NULL)
    g_string_append_printf (out, "**%s** %s\n\n", _("Gate:"), gate);

  if (stage->actions->len == 0)
    {
      g_string_append_printf (out, "%s\n\n", _("No key actions."));
      return;
    }

  g_string_append_printf (out, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n",
                          _("Key action"), _("Who"), _("Activity"), _("Supporting material"), _("Expected output"));
  for (guint i = 0; i < stage->actions->len; i++)
    {
      const RapportProcessAction *action = g_ptr_array_index (stage->actions, i);

      g_string_append (out, "|");
      append_cell (out, action->action);
      append_cell (out, action->owner);
      append_cell (out, action->activity);
      append_cell (out, action->material);
      append_cell (out, action->output);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

char *
rapport_process_to_markdown (const RapportProcess *process)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *version = NULL;

  g_return_val_if_fail (process != NULL, NULL);

  title = manual_title (process);
  version = version_line (process);
  g_string_append_printf (out, "# %s\n\n%s\n\n", title, version);

  for (guint i = 0; i < process->stages->len; i++)
    markdown_stage (out, i, g_ptr_array_index (process->stages, i));

  g_string_append_printf (out, "## %s\n\n", _("After the sale"));
  if (process->after_sales->len == 0)
    g_string_append_printf (out, "%s\n", _("No after-sales follow-ups are planned."));
  else
    {
      g_string_append_printf (out, "| %s | %s | %s | %s |\n|---|---|---|---|\n",
                              _("Follow-up"), _("Kind"), _("When"), _("What it is for"));
      for (guint i = 0; i < process->after_sales->len; i++)
        {
          const RapportProcessStep *step = g_ptr_array_index (process->after_sales, i);
          g_autofree char *when = step_when (step);

          g_string_append (out, "|");
          append_cell (out, step->title);
          append_cell (out, rapport_activity_kind_name (step->kind));
          append_cell (out, when);
          append_cell (out, step->note);
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* PDF */

static const RapportPdfColumn action_columns[] = {
  { N_("Key action"), 0.26, FALSE },
  { N_("Who"), 0.15, FALSE },
  { N_("Activity"), 0.16, FALSE },
  { N_("Supporting material"), 0.2, FALSE },
  { N_("Expected output"), 0.23, FALSE },
};

static const RapportPdfColumn step_columns[] = {
  { N_("Follow-up"), 0.3, FALSE },
  { N_("Kind"), 0.14, FALSE },
  { N_("When"), 0.2, FALSE },
  { N_("What it is for"), 0.36, FALSE },
};

static RapportPdfTable *
new_table (const RapportPdfColumn *columns,
           guint                   n_columns,
           const char             *continued)
{
  g_autofree RapportPdfColumn *translated = g_new (RapportPdfColumn, n_columns);

  for (guint i = 0; i < n_columns; i++)
    {
      translated[i] = columns[i];
      translated[i].title = _(columns[i].title);
    }
  return rapport_pdf_table_new (translated, n_columns, continued, RAPPORT_PDF_BLUE);
}

static void
add_row (RapportPdfTable    *table,
         const char * const *texts,
         guint               n)
{
  g_auto(GStrv) cells = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    cells[i] = g_markup_escape_text (or_dash (texts[i]), -1);
  rapport_pdf_table_add_row (table, (const char * const *) cells, -1);
}

static void
paragraph (RapportPdfDoc   *doc,
           const char      *text,
           double           size,
           PangoWeight      weight,
           RapportPdfColor  color)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  rapport_pdf_doc_paragraph (doc, markup, size, weight, color);
}

static void
pdf_stage (RapportPdfDoc             *doc,
           cairo_t                   *cr,
           guint                      index,
           const RapportProcessStage *stage)
{
  g_autofree char *heading = g_strdup_printf ("%u. %s", index + 1, stage->name);
  g_autofree char *facts = stage_facts (stage);
  g_autofree char *continued = NULL;
  g_autoptr(RapportPdfTable) table = NULL;
  const char *gate = gate_sentence (stage);

  /* Translators: a stage's heading on a page its table runs onto. */
  continued = g_strdup_printf (_("%s (continued)"), heading);
  table = new_table (action_columns, G_N_ELEMENTS (action_columns), continued);
  for (guint i = 0; i < stage->actions->len; i++)
    {
      const RapportProcessAction *action = g_ptr_array_index (stage->actions, i);
      const char *texts[] = { action->action, action->owner, action->activity, action->material, action->output };

      add_row (table, texts, G_N_ELEMENTS (texts));
    }

  rapport_pdf_doc_heading (doc, heading, RAPPORT_PDF_BLUE, 60 + rapport_pdf_table_lead (doc, table));
  rapport_pdf_doc_outline (doc, cr, heading);
  if (stage->purpose != NULL)
    paragraph (doc, stage->purpose, 10, PANGO_WEIGHT_NORMAL, RAPPORT_PDF_TEXT);
  rapport_pdf_doc_skip (doc, 3);
  paragraph (doc, facts, 9, PANGO_WEIGHT_NORMAL, RAPPORT_PDF_DIM);
  if (gate != NULL)
    paragraph (doc, gate, 9, PANGO_WEIGHT_BOLD, RAPPORT_PDF_ORANGE);
  rapport_pdf_doc_skip (doc, 6);
  if (stage->actions->len > 0)
    rapport_pdf_doc_table (doc, table);
  else
    paragraph (doc, _("No key actions."), 9, PANGO_WEIGHT_NORMAL, RAPPORT_PDF_DIM);
  rapport_pdf_doc_skip (doc, 18);
}

static void
pdf_after_sales (RapportPdfDoc        *doc,
                 cairo_t              *cr,
                 const RapportProcess *process)
{
  g_autoptr(RapportPdfTable) table = new_table (step_columns, G_N_ELEMENTS (step_columns),
                                                _("After the sale (continued)"));

  for (guint i = 0; i < process->after_sales->len; i++)
    {
      const RapportProcessStep *step = g_ptr_array_index (process->after_sales, i);
      g_autofree char *when = step_when (step);
      const char *texts[] = { step->title, rapport_activity_kind_name (step->kind), when, step->note };

      add_row (table, texts, G_N_ELEMENTS (texts));
    }

  rapport_pdf_doc_heading (doc, _("After the sale"), RAPPORT_PDF_GREEN, 40 + rapport_pdf_table_lead (doc, table));
  rapport_pdf_doc_outline (doc, cr, _("After the sale"));
  if (process->after_sales->len == 0)
    {
      paragraph (doc, _("No after-sales follow-ups are planned."), 9, PANGO_WEIGHT_NORMAL, RAPPORT_PDF_DIM);
      return;
    }
  paragraph (doc, _("When a deal is won, these follow-ups are scheduled for its customer."),
             9, PANGO_WEIGHT_NORMAL, RAPPORT_PDF_DIM);
  rapport_pdf_doc_skip (doc, 6);
  rapport_pdf_doc_table (doc, table);
}

static void
write_pages (RapportPdfDoc *doc,
             cairo_t       *cr,
             gconstpointer  data)
{
  const RapportProcess *process = data;
  g_autofree char *title = manual_title (process);
  g_autofree char *version = version_line (process);
  g_autofree char *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "The process has %u stage. Each says why it is there and what the team does in it.",
                                                           "The process has %u stages. Each says why it is there and what the team does in it.",
                                                           process->stages->len),
                                              process->stages->len);

  rapport_pdf_doc_begin (doc, cr);
  paragraph (doc, title, 20, PANGO_WEIGHT_BOLD, RAPPORT_PDF_TEXT);
  rapport_pdf_doc_skip (doc, 4);
  paragraph (doc, version, 10.5, PANGO_WEIGHT_NORMAL, RAPPORT_PDF_DIM);
  rapport_pdf_doc_skip (doc, 4);
  paragraph (doc, summary, 9, PANGO_WEIGHT_NORMAL, RAPPORT_PDF_DIM);
  rapport_pdf_doc_skip (doc, 16);

  for (guint i = 0; i < process->stages->len; i++)
    pdf_stage (doc, cr, i, g_ptr_array_index (process->stages, i));
  pdf_after_sales (doc, cr, process);
}

gboolean
rapport_process_write_pdf (const RapportProcess  *process,
                           gint64                 made_at,
                           const char            *path,
                           gboolean               replace,
                           int                   *n_pages,
                           GError               **error)
{
  g_autoptr(RapportPdfDoc) doc = NULL;
  g_autofree char *title = NULL;
  g_autofree char *header = NULL;
  g_autofree char *day = NULL;
  g_autofree char *made = NULL;
  g_autofree char *footer = NULL;

  g_return_val_if_fail (process != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  title = manual_title (process);
  header = g_markup_escape_text (title, -1);
  day = rapport_format_time_day (made_at, made_at);
  /* Translators: the start of every page's footer of the manual. */
  made = g_strdup_printf (_("Made with Rapport on %s"), day);
  footer = g_markup_escape_text (made, -1);
  doc = rapport_pdf_doc_new (header, footer);
  return rapport_pdf_doc_write (doc, write_pages, process, title, made_at, path, replace, n_pages, error);
}

char *
rapport_process_manual_name (const RapportProcess *process,
                             const char           *extension)
{
  g_autofree char *title = manual_title (process);
  g_autofree char *safe = g_strdelimit (g_strdup (title), "/\\", '-');

  return g_strconcat (safe, ".", extension, NULL);
}
