/* rapport-pdf-doc.h — a small page-layout engine for printed reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A4 portrait pages with a running header and "Page 2 of 5" footers,
 * headings, paragraphs, cards and tables whose header row is repeated on
 * every page they run onto. Text is laid out by Pango (Cantarell when
 * installed, else the fontconfig "sans"), so Hebrew or Arabic comes out
 * right to left, mirrored as a whole: the first column of a table is on
 * the right.
 *
 * A document is laid out twice by the same code: once to count the pages
 * (nothing drawn), once onto the PDF surface, knowing the total. The
 * font options are fixed (no hinting) so both passes measure the same.
 * Positions are in points, x from the start edge of the text area (the
 * left in a left-to-right document, the right otherwise).
 */

#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

#define RAPPORT_PDF_PAGE_WIDTH   595.276
#define RAPPORT_PDF_PAGE_HEIGHT  841.890
#define RAPPORT_PDF_MARGIN       46.0
#define RAPPORT_PDF_TEXT_WIDTH   (RAPPORT_PDF_PAGE_WIDTH - 2 * RAPPORT_PDF_MARGIN)

/* A colour of the GNOME palette, 0xRRGGBB. */
typedef guint32 RapportPdfColor;

#define RAPPORT_PDF_BLUE    0x3584e4
#define RAPPORT_PDF_GREEN   0x26a269
#define RAPPORT_PDF_RED     0xc01c28
#define RAPPORT_PDF_PURPLE  0x9141ac
#define RAPPORT_PDF_ORANGE  0xe66100
#define RAPPORT_PDF_BROWN   0x986a44
#define RAPPORT_PDF_YELLOW  0xe5a50a
#define RAPPORT_PDF_TEXT    0x241f31
#define RAPPORT_PDF_DIM     0x5e5c64
#define RAPPORT_PDF_RULE    0xdeddda
#define RAPPORT_PDF_SHADE   0xf6f5f4

typedef struct _RapportPdfDoc RapportPdfDoc;

/* @header is the running header of every page after the first; @footer
 * the text at the start of every footer. */
RapportPdfDoc *rapport_pdf_doc_new        (const char     *header,
                                           const char     *footer);
void           rapport_pdf_doc_free       (RapportPdfDoc  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportPdfDoc, rapport_pdf_doc_free)

gboolean       rapport_pdf_doc_is_rtl     (RapportPdfDoc  *self);
const char    *rapport_pdf_doc_family     (RapportPdfDoc  *self);

/* A pass: @cr NULL to measure only, else the PDF surface's context (the
 * page count of the measuring pass is then known for the footers). */
void           rapport_pdf_doc_begin      (RapportPdfDoc  *self,
                                           cairo_t        *cr);
/* Ends the pass; returns its number of pages. */
int            rapport_pdf_doc_end        (RapportPdfDoc  *self);
int            rapport_pdf_doc_page       (RapportPdfDoc  *self);
/* Where the next block goes, from the top of the page. */
double         rapport_pdf_doc_y          (RapportPdfDoc  *self);
void           rapport_pdf_doc_skip       (RapportPdfDoc  *self,
                                           double          points);
/* Starts a new page if fewer than @points are left on this one; returns
 * whether it did. */
gboolean       rapport_pdf_doc_need       (RapportPdfDoc  *self,
                                           double          points);

/* Text: Pango markup, @size in points, wrapped in @width (start-aligned
 * unless @end). */
PangoLayout   *rapport_pdf_doc_layout     (RapportPdfDoc  *self,
                                           const char     *markup,
                                           double          size,
                                           PangoWeight     weight,
                                           double          width,
                                           gboolean        end);
double         rapport_pdf_layout_height  (PangoLayout    *layout);
void           rapport_pdf_doc_draw       (RapportPdfDoc  *self,
                                           PangoLayout    *layout,
                                           double          x,
                                           double          y,
                                           RapportPdfColor color);
void           rapport_pdf_doc_rect       (RapportPdfDoc  *self,
                                           double          x,
                                           double          y,
                                           double          width,
                                           double          height,
                                           RapportPdfColor color);

/* A paragraph across the text area, moving down past it. */
void           rapport_pdf_doc_paragraph  (RapportPdfDoc  *self,
                                           const char     *markup,
                                           double          size,
                                           PangoWeight     weight,
                                           RapportPdfColor color);
/* A section heading with a bar of @accent at its start; it is kept with
 * the @keep points that follow it. */
void           rapport_pdf_doc_heading    (RapportPdfDoc  *self,
                                           const char     *text,
                                           RapportPdfColor accent,
                                           double          keep);

/* A bookmark in the PDF's outline to where the next block goes (nothing
 * while measuring: @cr NULL). */
void           rapport_pdf_doc_outline    (RapportPdfDoc  *self,
                                           cairo_t        *cr,
                                           const char     *title);

/* Lays the pages out with @pages twice (to count them, then onto the
 * PDF, @cr NULL the first time) and writes the PDF at @path whole or not
 * at all, with @title and @made_at (Unix seconds) in its metadata: the
 * same data make the same file. */
typedef void (*RapportPdfPagesFunc) (RapportPdfDoc *doc,
                                     cairo_t       *cr,
                                     gconstpointer  data);
gboolean       rapport_pdf_doc_write      (RapportPdfDoc       *self,
                                           RapportPdfPagesFunc  pages,
                                           gconstpointer        data,
                                           const char          *title,
                                           gint64               made_at,
                                           const char          *path,
                                           gboolean             replace,
                                           int                 *n_pages,
                                           GError             **error);

/* Tables */
typedef struct
{
  const char *title;
  double      width;   /* a share of the text width; the shares add up to 1 */
  gboolean    end;     /* aligned to the end: numbers, money, dates */
} RapportPdfColumn;

typedef struct _RapportPdfTable RapportPdfTable;

/* @continued: the heading repeated above the table on a page it runs
 * onto; @accent its bar. */
RapportPdfTable *rapport_pdf_table_new    (const RapportPdfColumn *columns,
                                           guint                   n_columns,
                                           const char             *continued,
                                           RapportPdfColor         accent);
void           rapport_pdf_table_free     (RapportPdfTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportPdfTable, rapport_pdf_table_free)

/* A row of @n_columns markup cells (copied); @bar, from 0, draws a
 * progress bar of that fraction (capped at 1) under the last cell. */
void           rapport_pdf_table_add_row  (RapportPdfTable *table,
                                           const char * const *cells,
                                           double           bar);
/* The height of the header and the first two rows: what a heading keeps
 * with it. */
double         rapport_pdf_table_lead     (RapportPdfDoc   *doc,
                                           RapportPdfTable *table);
void           rapport_pdf_doc_table      (RapportPdfDoc   *self,
                                           RapportPdfTable *table);

G_END_DECLS
