/* rapport-pdf-doc.c — a small page-layout engine for printed reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rapport-error.h"
#include "rapport-export-file.h"
#include "rapport-pdf-doc.h"

#define TOP           40.0
#define HEADER_SPACE  34.0   /* running header and the space under it */
#define BOTTOM        50.0   /* the footer lives in it */
#define CELL_PAD_X    4.0
#define CELL_PAD_Y    4.0
#define BODY_SIZE     8.5
#define HEAD_SIZE     7.5
#define BAR_HEIGHT    3.0

struct _RapportPdfDoc
{
  PangoFontMap *font_map;
  PangoContext *context;
  char         *family;
  gboolean      rtl;
  char         *header;
  char         *footer;

  /* The pass */
  cairo_t      *cr;          /* NULL while measuring */
  int           page;
  int           n_pages;     /* from the measuring pass; 0 before it */
  double        y;
};

struct _RapportPdfTable
{
  RapportPdfColumn *columns;
  guint             n_columns;
  char             *continued;
  RapportPdfColor   accent;
  GPtrArray        *rows;     /* char ** (n_columns cells) */
  GArray           *bars;     /* double per row, < 0 for none */
};

/* The same choice GTK makes (gtk_get_locale_direction), from GTK's own
 * catalogue, so the review reads the way the app does; without GTK's
 * translations, from the language itself. */
static gboolean
locale_is_rtl (void)
{
  static const char * const rtl_languages[] = { "ar", "dv", "fa", "he", "iw", "ku", "ps", "sd", "ug", "ur", "yi" };
  const char * const *names = g_get_language_names ();
  const char *gtk = g_dgettext ("gtk40", "default:LTR");

  if (g_str_equal (gtk, "default:RTL"))
    return TRUE;
  if (!g_str_equal (gtk, "default:LTR"))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (rtl_languages); i++)
    {
      gsize len = strlen (rtl_languages[i]);

      if (g_str_has_prefix (names[0], rtl_languages[i]) &&
          (names[0][len] == '\0' || names[0][len] == '_' || names[0][len] == '.' || names[0][len] == '@'))
        return TRUE;
    }

  return FALSE;
}

/* GNOME's interface font when it is installed. */
static char *
pick_family (PangoFontMap *font_map)
{
  PangoFontFamily **families = NULL;
  int n = 0;
  gboolean found = FALSE;

  pango_font_map_list_families (font_map, &families, &n);
  for (int i = 0; i < n && !found; i++)
    found = g_ascii_strcasecmp (pango_font_family_get_name (families[i]), "Cantarell") == 0;
  g_free (families);

  return g_strdup (found ? "Cantarell" : "Sans");
}

RapportPdfDoc *
rapport_pdf_doc_new (const char *header,
                     const char *footer)
{
  RapportPdfDoc *self = g_new0 (RapportPdfDoc, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  /* Points, and outlines as they are: the same metrics whatever surface
   * the layout is drawn on, so the measuring pass agrees with the PDF. */
  pango_cairo_context_set_resolution (self->context, 72.0);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);

  self->rtl = locale_is_rtl ();
  pango_context_set_base_dir (self->context, self->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_context_set_language (self->context, pango_language_get_default ());
  self->family = pick_family (self->font_map);
  self->header = g_strdup (header);
  self->footer = g_strdup (footer);

  return self;
}

void
rapport_pdf_doc_free (RapportPdfDoc *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_free (self->family);
  g_free (self->header);
  g_free (self->footer);
  g_free (self);
}

gboolean
rapport_pdf_doc_is_rtl (RapportPdfDoc *self)
{
  return self->rtl;
}

const char *
rapport_pdf_doc_family (RapportPdfDoc *self)
{
  return self->family;
}

/* Text */

PangoLayout *
rapport_pdf_doc_layout (RapportPdfDoc *self,
                        const char    *markup,
                        double         size,
                        PangoWeight    weight,
                        double         width,
                        gboolean       end)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, self->family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  /* The document's direction for every paragraph, also one that starts
   * with a Latin name in a Hebrew table, so the columns stay aligned.
   * Without auto-dir Pango does not swap left and right itself: the start
   * of a right-to-left document is its right. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, end != self->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_markup (layout, markup, -1);

  return layout;
}

double
rapport_pdf_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
set_color (cairo_t         *cr,
           RapportPdfColor  color)
{
  cairo_set_source_rgb (cr,
                        ((color >> 16) & 0xff) / 255.0,
                        ((color >> 8) & 0xff) / 255.0,
                        (color & 0xff) / 255.0);
}

/* The page's x of a box of @width at @x from the start edge. */
static double
page_x (RapportPdfDoc *self,
        double         x,
        double         width)
{
  return self->rtl
    ? RAPPORT_PDF_PAGE_WIDTH - RAPPORT_PDF_MARGIN - x - width
    : RAPPORT_PDF_MARGIN + x;
}

void
rapport_pdf_doc_draw (RapportPdfDoc   *self,
                      PangoLayout     *layout,
                      double           x,
                      double           y,
                      RapportPdfColor  color)
{
  double width = (double) pango_layout_get_width (layout) / PANGO_SCALE;

  if (self->cr == NULL)
    return;

  set_color (self->cr, color);
  cairo_move_to (self->cr, page_x (self, x, width), y);
  pango_cairo_show_layout (self->cr, layout);
}

void
rapport_pdf_doc_rect (RapportPdfDoc   *self,
                      double           x,
                      double           y,
                      double           width,
                      double           height,
                      RapportPdfColor  color)
{
  if (self->cr == NULL)
    return;

  set_color (self->cr, color);
  cairo_rectangle (self->cr, page_x (self, x, width), y, width, height);
  cairo_fill (self->cr);
}

/* Pages */

static void
draw_page_frame (RapportPdfDoc *self)
{
  g_autoptr(PangoLayout) footer = NULL;
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *page = NULL;
  double footer_y = RAPPORT_PDF_PAGE_HEIGHT - BOTTOM + 18;

  if (self->page > 1)
    {
      g_autoptr(PangoLayout) header = NULL;

      header = rapport_pdf_doc_layout (self, self->header, 8, PANGO_WEIGHT_BOLD, RAPPORT_PDF_TEXT_WIDTH, FALSE);
      rapport_pdf_doc_draw (self, header, 0, TOP - 14, RAPPORT_PDF_DIM);
      rapport_pdf_doc_rect (self, 0, TOP, RAPPORT_PDF_TEXT_WIDTH, 0.75, RAPPORT_PDF_BLUE);
    }

  rapport_pdf_doc_rect (self, 0, footer_y - 6, RAPPORT_PDF_TEXT_WIDTH, 0.5, RAPPORT_PDF_RULE);
  footer = rapport_pdf_doc_layout (self, self->footer, 7.5, PANGO_WEIGHT_NORMAL, RAPPORT_PDF_TEXT_WIDTH * 0.7, FALSE);
  rapport_pdf_doc_draw (self, footer, 0, footer_y, RAPPORT_PDF_DIM);

  /* Translators: the footer of every page of a printed report. */
  page = g_strdup_printf (_("Page %d of %d"), self->page, MAX (self->n_pages, self->page));
  number = rapport_pdf_doc_layout (self, page, 7.5, PANGO_WEIGHT_NORMAL, RAPPORT_PDF_TEXT_WIDTH * 0.3, TRUE);
  rapport_pdf_doc_draw (self, number, RAPPORT_PDF_TEXT_WIDTH * 0.7, footer_y, RAPPORT_PDF_DIM);
}

static void
begin_page (RapportPdfDoc *self)
{
  self->page++;
  self->y = self->page > 1 ? TOP + HEADER_SPACE - 14 : TOP;
  draw_page_frame (self);
}

static void
new_page (RapportPdfDoc *self)
{
  if (self->cr != NULL)
    cairo_show_page (self->cr);
  begin_page (self);
}

void
rapport_pdf_doc_begin (RapportPdfDoc *self,
                       cairo_t       *cr)
{
  self->cr = cr;
  self->page = 0;
  begin_page (self);
}

int
rapport_pdf_doc_end (RapportPdfDoc *self)
{
  if (self->cr != NULL)
    cairo_show_page (self->cr);
  self->cr = NULL;
  self->n_pages = self->page;

  return self->page;
}

int
rapport_pdf_doc_page (RapportPdfDoc *self)
{
  return self->page;
}

double
rapport_pdf_doc_y (RapportPdfDoc *self)
{
  return self->y;
}

void
rapport_pdf_doc_skip (RapportPdfDoc *self,
                      double         points)
{
  self->y += points;
}

gboolean
rapport_pdf_doc_need (RapportPdfDoc *self,
                      double         points)
{
  if (self->y + points <= RAPPORT_PDF_PAGE_HEIGHT - BOTTOM)
    return FALSE;

  new_page (self);
  return TRUE;
}

void
rapport_pdf_doc_paragraph (RapportPdfDoc   *self,
                           const char      *markup,
                           double           size,
                           PangoWeight      weight,
                           RapportPdfColor  color)
{
  g_autoptr(PangoLayout) layout = rapport_pdf_doc_layout (self, markup, size, weight, RAPPORT_PDF_TEXT_WIDTH, FALSE);
  double height = rapport_pdf_layout_height (layout);

  rapport_pdf_doc_need (self, height);
  rapport_pdf_doc_draw (self, layout, 0, self->y, color);
  self->y += height;
}

static double
heading_height (RapportPdfDoc *self,
                PangoLayout   *layout)
{
  return rapport_pdf_layout_height (layout) + 6;
}

static void
draw_heading (RapportPdfDoc   *self,
              PangoLayout     *layout,
              RapportPdfColor  accent)
{
  double height = rapport_pdf_layout_height (layout);

  rapport_pdf_doc_rect (self, 0, self->y + 1, 3.5, height - 2, accent);
  rapport_pdf_doc_draw (self, layout, 10, self->y, RAPPORT_PDF_TEXT);
  self->y += height + 6;
}

void
rapport_pdf_doc_heading (RapportPdfDoc   *self,
                         const char      *text,
                         RapportPdfColor  accent,
                         double           keep)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  g_autoptr(PangoLayout) layout =
    rapport_pdf_doc_layout (self, markup, 13, PANGO_WEIGHT_BOLD, RAPPORT_PDF_TEXT_WIDTH - 10, FALSE);

  rapport_pdf_doc_need (self, heading_height (self, layout) + keep);
  draw_heading (self, layout, accent);
}

/* Tables */

RapportPdfTable *
rapport_pdf_table_new (const RapportPdfColumn *columns,
                       guint                   n_columns,
                       const char             *continued,
                       RapportPdfColor         accent)
{
  RapportPdfTable *table = g_new0 (RapportPdfTable, 1);

  table->columns = g_memdup2 (columns, n_columns * sizeof *columns);
  table->n_columns = n_columns;
  table->continued = g_strdup (continued);
  table->accent = accent;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->bars = g_array_new (FALSE, FALSE, sizeof (double));

  return table;
}

void
rapport_pdf_table_free (RapportPdfTable *table)
{
  if (table == NULL)
    return;

  g_free (table->columns);
  g_free (table->continued);
  g_ptr_array_unref (table->rows);
  g_array_unref (table->bars);
  g_free (table);
}

void
rapport_pdf_table_add_row (RapportPdfTable    *table,
                           const char * const *cells,
                           double              bar)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
  g_array_append_val (table->bars, bar);
}

/* Lays out one row (the header when @cells are the titles); returns its
 * height and, when drawing, draws it at the current y. */
static double
table_row (RapportPdfDoc    *self,
           RapportPdfTable  *table,
           char            **cells,
           double            bar,
           gboolean          header,
           gboolean          shaded,
           gboolean          draw)
{
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double height = 0, x = 0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      double width = table->columns[i].width * RAPPORT_PDF_TEXT_WIDTH - 2 * CELL_PAD_X;
      PangoLayout *layout = rapport_pdf_doc_layout (self, cells[i], header ? HEAD_SIZE : BODY_SIZE,
                                                    header ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                                    width, table->columns[i].end);

      height = MAX (height, rapport_pdf_layout_height (layout));
      g_ptr_array_add (layouts, layout);
    }
  if (bar >= 0)
    height += BAR_HEIGHT + 3;
  height += 2 * CELL_PAD_Y;

  if (!draw)
    return height;

  if (header)
    rapport_pdf_doc_rect (self, 0, self->y, RAPPORT_PDF_TEXT_WIDTH, height, RAPPORT_PDF_SHADE);
  else if (shaded)
    rapport_pdf_doc_rect (self, 0, self->y, RAPPORT_PDF_TEXT_WIDTH, height, 0xfbfafa);

  for (guint i = 0; i < table->n_columns; i++)
    {
      double width = table->columns[i].width * RAPPORT_PDF_TEXT_WIDTH;

      rapport_pdf_doc_draw (self, g_ptr_array_index (layouts, i), x + CELL_PAD_X, self->y + CELL_PAD_Y,
                            header ? RAPPORT_PDF_DIM : RAPPORT_PDF_TEXT);
      if (bar >= 0 && i == table->n_columns - 1)
        {
          double inner = width - 2 * CELL_PAD_X;
          double bar_y = self->y + height - CELL_PAD_Y - BAR_HEIGHT;

          rapport_pdf_doc_rect (self, x + CELL_PAD_X, bar_y, inner, BAR_HEIGHT, RAPPORT_PDF_RULE);
          if (bar > 0)
            rapport_pdf_doc_rect (self, x + CELL_PAD_X, bar_y, inner * MIN (bar, 1.0), BAR_HEIGHT,
                                  bar >= 1.0 ? RAPPORT_PDF_GREEN : RAPPORT_PDF_BLUE);
        }
      x += width;
    }
  rapport_pdf_doc_rect (self, 0, self->y + height - 0.5, RAPPORT_PDF_TEXT_WIDTH, 0.5,
                        header ? 0xc0bfbc : RAPPORT_PDF_RULE);
  self->y += height;

  return height;
}

static char **
header_cells (RapportPdfTable *table)
{
  char **cells = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    cells[i] = g_markup_escape_text (table->columns[i].title, -1);

  return cells;
}

double
rapport_pdf_table_lead (RapportPdfDoc   *doc,
                        RapportPdfTable *table)
{
  g_auto(GStrv) header = header_cells (table);
  double height = table_row (doc, table, header, -1, TRUE, FALSE, FALSE);

  /* Two rows at least, or a heading may stand over a lone row at the
   * foot of a page. */
  for (guint r = 0; r < MIN (table->rows->len, 2); r++)
    height += table_row (doc, table, g_ptr_array_index (table->rows, r),
                         g_array_index (table->bars, double, r), FALSE, FALSE, FALSE);

  return height;
}

void
rapport_pdf_doc_table (RapportPdfDoc   *self,
                       RapportPdfTable *table)
{
  g_auto(GStrv) header = header_cells (table);
  double header_height = table_row (self, table, header, -1, TRUE, FALSE, FALSE);

  rapport_pdf_doc_need (self, header_height);
  table_row (self, table, header, -1, TRUE, FALSE, TRUE);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      double bar = g_array_index (table->bars, double, r);
      double height = table_row (self, table, cells, bar, FALSE, FALSE, FALSE);

      /* A row never splits: it goes to the next page, under the heading
       * and the header row again. */
      if (rapport_pdf_doc_need (self, height))
        {
          g_autofree char *markup = g_markup_escape_text (table->continued, -1);
          g_autoptr(PangoLayout) layout =
            rapport_pdf_doc_layout (self, markup, 10, PANGO_WEIGHT_BOLD, RAPPORT_PDF_TEXT_WIDTH - 10, FALSE);

          draw_heading (self, layout, table->accent);
          table_row (self, table, header, -1, TRUE, FALSE, TRUE);
        }
      table_row (self, table, cells, bar, FALSE, r % 2 == 1, TRUE);
    }
}

/* Writing the file */

void
rapport_pdf_doc_outline (RapportPdfDoc *self,
                         cairo_t       *cr,
                         const char    *title)
{
  g_autofree char *link = NULL;

  if (cr == NULL)
    return;

  link = g_strdup_printf ("page=%d pos=[0 %.0f]", rapport_pdf_doc_page (self), rapport_pdf_doc_y (self));
  cairo_pdf_surface_add_outline (cairo_get_target (cr), CAIRO_PDF_OUTLINE_ROOT, title, link, 0);
}

typedef struct
{
  RapportExportFile *file;
  GError            *error;
} Sink;

static cairo_status_t
write_to_file (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL || !rapport_export_file_write (sink->file, data, length, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
rapport_pdf_doc_write (RapportPdfDoc        *self,
                       RapportPdfPagesFunc   pages,
                       gconstpointer         data,
                       const char           *title,
                       gint64                made_at,
                       const char           *path,
                       gboolean              replace,
                       int                  *n_pages,
                       GError              **error)
{
  g_autoptr(RapportExportFile) file = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (made_at);
  g_autofree char *date = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S");
  Sink sink = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int count;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((file = rapport_export_file_new (path, replace, error)) == NULL)
    return FALSE;

  /* The first pass counts the pages for "Page 1 of N". */
  pages (self, NULL, data);
  rapport_pdf_doc_end (self);

  sink.file = file;
  surface = cairo_pdf_surface_create_for_stream (write_to_file, &sink,
                                                 RAPPORT_PDF_PAGE_WIDTH, RAPPORT_PDF_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Rapport");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
  cr = cairo_create (surface);
  pages (self, cr, data);
  count = rapport_pdf_doc_end (self);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_FAILED, _("Cannot make the PDF: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (!rapport_export_file_commit (file, error))
    return FALSE;

  if (n_pages != NULL)
    *n_pages = count;
  return TRUE;
}
