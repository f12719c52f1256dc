/* rapport-review-pdf.c — the weekly pipeline review as a printed document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the pages say; rapport-pdf-doc.c places it on the pages.
 */

#define G_LOG_DOMAIN "rapport-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "rapport-error.h"
#include "rapport-export-file.h"
#include "rapport-format.h"
#include "rapport-goal.h"
#include "rapport-pdf-doc.h"
#include "rapport-review-pdf.h"

#define N_CARDS_PER_ROW 4

typedef struct
{
  const char      *title;
  const char      *continued;
  const char      *empty;
  const char      *card;          /* in the context "review card": a count's label */
  RapportPdfColor  accent;
} SectionText;

/* By RapportReviewSectionKind, then the goals. */
static const SectionText section_texts[RAPPORT_REVIEW_N_SECTIONS + 1] = {
  [RAPPORT_REVIEW_ADDED] = {
    N_("Deals added"), N_("Deals added (continued)"),
    N_("No deals were added in the week."), NC_("review card", "Added"), RAPPORT_PDF_BLUE },
  [RAPPORT_REVIEW_ADVANCED] = {
    N_("Deals moved forward"), N_("Deals moved forward (continued)"),
    N_("No deal moved on to a later stage in the week."), NC_("review card", "Moved forward"), RAPPORT_PDF_PURPLE },
  [RAPPORT_REVIEW_WON] = {
    N_("Deals won"), N_("Deals won (continued)"),
    N_("No deals were won in the week."), NC_("review card", "Won"), RAPPORT_PDF_GREEN },
  [RAPPORT_REVIEW_LOST] = {
    N_("Deals lost"), N_("Deals lost (continued)"),
    N_("No deals were lost in the week."), NC_("review card", "Lost"), RAPPORT_PDF_RED },
  [RAPPORT_REVIEW_SLIPPED] = {
    N_("Expected close dates passed"), N_("Expected close dates passed (continued)"),
    N_("No open deal is past its expected close date."), NC_("review card", "Close date passed"), RAPPORT_PDF_ORANGE },
  [RAPPORT_REVIEW_ROTTING] = {
    N_("Rotting deals"), N_("Rotting deals (continued)"),
    N_("No deal has been in its stage longer than the stage allows."), NC_("review card", "Rotting"), RAPPORT_PDF_BROWN },
  [RAPPORT_REVIEW_OVERDUE] = {
    N_("Overdue follow-ups"), N_("Overdue follow-ups (continued)"),
    N_("No follow-up is overdue."), NC_("review card", "Overdue follow-ups"), RAPPORT_PDF_YELLOW },
  [RAPPORT_REVIEW_N_SECTIONS] = {
    N_("Goals"), N_("Goals (continued)"),
    N_("No goals are set."), NC_("review card", "Goals reached"), RAPPORT_PDF_BLUE },
};

/* The sentence under a section's heading: how many, and what they are
 * worth in the default currency. */
static char *
section_summary (const RapportReview        *review,
                 const RapportReviewSection *section)
{
  guint n = section->items->len;
  g_autofree char *worth = rapport_format_money (section->total, review->currency);
  g_autofree char *main = NULL;

  switch (section->kind)
    {
    case RAPPORT_REVIEW_ADDED:
      main = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deal was added, worth %s.",
                                           "%u deals were added, worth %s.", n), n, worth);
      break;
    case RAPPORT_REVIEW_ADVANCED:
      main = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deal moved forward, worth %s.",
                                           "%u deals moved forward, worth %s.", n), n, worth);
      break;
    case RAPPORT_REVIEW_WON:
      main = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deal was won, worth %s.",
                                           "%u deals were won, worth %s.", n), n, worth);
      break;
    case RAPPORT_REVIEW_LOST:
      main = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deal was lost, worth %s.",
                                           "%u deals were lost, worth %s.", n), n, worth);
      break;
    case RAPPORT_REVIEW_SLIPPED:
      main = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u open deal is past its expected close date, worth %s.",
                                           "%u open deals are past their expected close dates, worth %s.", n),
                              n, worth);
      break;
    case RAPPORT_REVIEW_ROTTING:
      main = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u deal has been in its stage too long with nothing scheduled, worth %s.",
                                           "%u deals have been in their stage too long with nothing scheduled, worth %s.", n),
                              n, worth);
      break;
    case RAPPORT_REVIEW_OVERDUE:
    case RAPPORT_REVIEW_N_SECTIONS:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u follow-up is overdue.",
                                           "%u follow-ups are overdue.", n), n);
    }

  if (section->other_currencies == 0)
    return g_steal_pointer (&main);

  return g_strdup_printf ("%s %s", main,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "One of them is in another currency and not in the total.",
                                       "Some of them are in other currencies and not in the total.",
                                       section->other_currencies));
}

/* Cells */

static char *
escape (const char *text)
{
  return text != NULL && *text != '\0' ? g_markup_escape_text (text, -1) : g_strdup ("—");
}

/* The organization, with the contact under it in grey. */
static char *
customer_cell (const char *organization,
               const char *contact)
{
  g_autofree char *org = organization ? g_markup_escape_text (organization, -1) : NULL;
  g_autofree char *person = contact ? g_markup_escape_text (contact, -1) : NULL;

  if (org != NULL && person != NULL)
    return g_strdup_printf ("%s\n<span foreground=\"#5e5c64\">%s</span>", org, person);
  if (org != NULL || person != NULL)
    return g_strdup (org != NULL ? org : person);
  return g_strdup ("—");
}

static char *
day_cell (const RapportReview *review,
          gint64               at)
{
  g_autofree char *day = at != 0 ? rapport_format_time_day (at, review->now) : NULL;

  return escape (day);
}

static char *
days_cell (int days)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), days);
}

static char *
money_cell (gint64      value,
            const char *currency)
{
  g_autofree char *money = currency != NULL ? rapport_format_money (value, currency) : NULL;

  return escape (money);
}

/* Column sets, by section */

#define COLUMN(title, width, end) { title, width, end }

static RapportPdfTable *
section_table (const RapportReview        *review,
               const RapportReviewSection *section)
{
  const SectionText *text = &section_texts[section->kind];
  RapportPdfColumn columns[7];
  guint n = 0;
  RapportPdfTable *table;

  if (section->kind == RAPPORT_REVIEW_OVERDUE)
    {
      columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Follow-up"), 0.24, FALSE);
      columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Deal"), 0.22, FALSE);
      columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Customer"), 0.20, FALSE);
      columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Owner"), 0.12, FALSE);
      columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Due"), 0.10, TRUE);
      columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Late by"), 0.12, TRUE);
    }
  else
    {
      /* Deal, customer, owner, what the section is about, value: the
       * shares of the middle columns fill what the others leave. */
      gboolean wide = section->kind == RAPPORT_REVIEW_ADDED || section->kind == RAPPORT_REVIEW_WON;
      double middle = wide ? 0.09 : 0.12;

      columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Deal"), wide ? 0.29 : 0.23, FALSE);
      columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Customer"), wide ? 0.24 : 0.19, FALSE);
      columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Owner"), 0.11, FALSE);
      switch (section->kind)
        {
        case RAPPORT_REVIEW_ADDED:
          columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Stage"), 0.14, FALSE);
          columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Added"), middle, TRUE);
          break;
        case RAPPORT_REVIEW_ADVANCED:
          columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "From"), middle, FALSE);
          columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "To"), middle, FALSE);
          columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Moved"), 0.09, TRUE);
          break;
        case RAPPORT_REVIEW_WON:
          columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Won"), middle + 0.02, TRUE);
          columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Time to win"), 0.12, TRUE);
          break;
        case RAPPORT_REVIEW_LOST:
          columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Stage"), middle, FALSE);
          columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Reason"), middle, FALSE);
          columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Lost"), 0.09, TRUE);
          break;
        case RAPPORT_REVIEW_SLIPPED:
          columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Stage"), middle, FALSE);
          columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Expected close"), 0.11, TRUE);
          columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Late by"), 0.09, TRUE);
          break;
        case RAPPORT_REVIEW_ROTTING:
        default:
          columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Stage"), middle, FALSE);
          columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "In stage since"), 0.11, TRUE);
          columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "In stage for"), 0.09, TRUE);
          break;
        }
      columns[n++] = (RapportPdfColumn) COLUMN (C_("review column", "Value"), 0.12, TRUE);
    }

  table = rapport_pdf_table_new (columns, n, _(text->continued), text->accent);

  for (guint i = 0; i < section->items->len; i++)
    {
      const RapportReviewItem *item = &g_array_index (section->items, RapportReviewItem, i);
      char *cells[7] = { NULL, };
      guint c = 0;

      if (section->kind == RAPPORT_REVIEW_OVERDUE)
        {
          cells[c++] = escape (item->activity);
          cells[c++] = escape (item->title);
          cells[c++] = customer_cell (item->organization, item->contact);
          cells[c++] = escape (item->owner);
          cells[c++] = day_cell (review, item->at);
          cells[c++] = days_cell (item->days);
        }
      else
        {
          cells[c++] = escape (item->title);
          cells[c++] = customer_cell (item->organization, item->contact);
          cells[c++] = escape (item->owner);
          switch (section->kind)
            {
            case RAPPORT_REVIEW_ADDED:
              cells[c++] = escape (item->stage);
              cells[c++] = day_cell (review, item->at);
              break;
            case RAPPORT_REVIEW_ADVANCED:
              cells[c++] = escape (item->from_stage);
              cells[c++] = escape (item->stage);
              cells[c++] = day_cell (review, item->at);
              break;
            case RAPPORT_REVIEW_WON:
              cells[c++] = day_cell (review, item->at);
              cells[c++] = days_cell (item->days);
              break;
            case RAPPORT_REVIEW_LOST:
              cells[c++] = escape (item->stage);
              cells[c++] = escape (item->lost_reason);
              cells[c++] = day_cell (review, item->at);
              break;
            case RAPPORT_REVIEW_SLIPPED:
              cells[c++] = escape (item->stage);
              {
                g_autofree char *day = rapport_format_day (item->expected_close, review->now, NULL);

                cells[c++] = escape (day);
              }
              cells[c++] = days_cell (item->days);
              break;
            case RAPPORT_REVIEW_ROTTING:
            default:
              cells[c++] = escape (item->stage);
              cells[c++] = day_cell (review, item->at);
              cells[c++] = days_cell (item->days);
              break;
            }
          cells[c++] = money_cell (item->value, item->currency);
        }

      g_assert (c == n);
      rapport_pdf_table_add_row (table, (const char * const *) cells, -1);
      for (guint k = 0; k < c; k++)
        g_free (cells[k]);
    }

  return table;
}

/* Goals */

static const char *
metric_name (RapportGoalMetric metric)
{
  switch (metric)
    {
    case RAPPORT_GOAL_METRIC_WON_VALUE:
      return C_("goal metric", "Value won");
    case RAPPORT_GOAL_METRIC_DEALS_WON:
      return C_("goal metric", "Deals won");
    case RAPPORT_GOAL_METRIC_DEALS_ADDED:
      return C_("goal metric", "Deals added");
    case RAPPORT_GOAL_METRIC_ACTIVITIES_DONE:
      return C_("goal metric", "Activities done");
    case RAPPORT_GOAL_METRIC_LEADS_CONTACTED_IN_TIME:
    default:
      return C_("goal metric", "Leads contacted in time");
    }
}

static char *
period_name (RapportPeriodKind kind,
             gint64            start)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (start);

  switch (kind)
    {
    case RAPPORT_PERIOD_WEEK:
      /* Translators: a goal's period: week number, then its year. */
      return g_strdup_printf (_("Week %d, %d"), g_date_time_get_week_of_year (time),
                              g_date_time_get_week_numbering_year (time));
    case RAPPORT_PERIOD_QUARTER:
      /* Translators: a goal's period: quarter 1–4, then the year. */
      return g_strdup_printf (_("Quarter %d, %d"), (g_date_time_get_month (time) - 1) / 3 + 1,
                              g_date_time_get_year (time));
    case RAPPORT_PERIOD_YEAR:
      return g_strdup_printf ("%d", g_date_time_get_year (time));
    case RAPPORT_PERIOD_MONTH:
    default:
      return rapport_format_date_time (time, "yMMMM", "%B %Y");
    }
}

static char *
goal_amount (const RapportReview *review,
             RapportGoalMetric    metric,
             gint64               amount)
{
  if (rapport_goal_metric_is_money (metric))
    return rapport_format_money_whole (amount, review->currency);

  return g_strdup_printf ("%" G_GINT64_FORMAT, amount);
}

static RapportPdfTable *
goals_table (const RapportReview *review)
{
  const RapportPdfColumn columns[] = {
    COLUMN (C_("review column", "Goal"), 0.28, FALSE),
    COLUMN (C_("review column", "Owner"), 0.16, FALSE),
    COLUMN (C_("review column", "Period"), 0.16, FALSE),
    COLUMN (C_("review column", "Target"), 0.13, TRUE),
    COLUMN (C_("review column", "Actual"), 0.13, TRUE),
    COLUMN (C_("review column", "Progress"), 0.14, TRUE),
  };
  RapportPdfTable *table = rapport_pdf_table_new (columns, G_N_ELEMENTS (columns),
                                                  _(section_texts[RAPPORT_REVIEW_N_SECTIONS].continued),
                                                  section_texts[RAPPORT_REVIEW_N_SECTIONS].accent);

  for (guint i = 0; i < review->goals->len; i++)
    {
      const RapportReviewGoal *goal = &g_array_index (review->goals, RapportReviewGoal, i);
      g_autofree char *name = g_markup_escape_text (metric_name (goal->metric), -1);
      g_autofree char *owner = goal->owner ? g_markup_escape_text (goal->owner, -1)
                                           : g_strdup (C_("goal owner", "The team"));
      g_autofree char *period = period_name (goal->period, goal->progress.start);
      g_autofree char *target = goal_amount (review, goal->metric, goal->progress.target);
      g_autofree char *actual = goal_amount (review, goal->metric, goal->progress.actual);
      /* Translators: a goal's progress, as in “50%”. */
      g_autofree char *progress = g_strdup_printf (_("%.0f%%"), goal->progress.progress * 100);
      const char *cells[] = { name, owner, period, target, actual, progress };

      rapport_pdf_table_add_row (table, cells, goal->progress.progress);
    }

  return table;
}

static guint
goals_reached (const RapportReview *review)
{
  guint n = 0;

  for (guint i = 0; i < review->goals->len; i++)
    n += g_array_index (review->goals, RapportReviewGoal, i).progress.reached;

  return n;
}

/* The first page: title, week, and a card per section */

static char *
review_title (const RapportReview *review)
{
  /* Translators: the title of the weekly review: its ISO week number,
   * then the year, as in “Pipeline review — week 47, 2026”. */
  return g_strdup_printf (_("Pipeline review — week %d, %d"), review->week, review->year);
}

static char *
made_on (const RapportReview *review)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (review->now);
  g_autofree char *when = rapport_format_date_time (now, "yMMMdjmm", "%-d %b %Y, %H:%M");

  /* Translators: the start of every page's footer of a report. */
  return g_strdup_printf (_("Made with Rapport on %s"), when);
}

static void
draw_card (RapportPdfDoc   *doc,
           double           x,
           double           y,
           double           width,
           const char      *number,
           const char      *label,
           const char      *detail,
           RapportPdfColor  accent)
{
  g_autofree char *label_markup = g_markup_escape_text (label, -1);
  g_autofree char *detail_markup = detail ? g_markup_escape_text (detail, -1) : NULL;
  g_autoptr(PangoLayout) big = rapport_pdf_doc_layout (doc, number, 18, PANGO_WEIGHT_BOLD, width - 16, FALSE);
  g_autoptr(PangoLayout) small = rapport_pdf_doc_layout (doc, label_markup, 8, PANGO_WEIGHT_BOLD, width - 16, FALSE);
  g_autoptr(PangoLayout) more = detail_markup
    ? rapport_pdf_doc_layout (doc, detail_markup, 8, PANGO_WEIGHT_NORMAL, width - 16, FALSE) : NULL;

  rapport_pdf_doc_rect (doc, x, y, width, 58, RAPPORT_PDF_SHADE);
  rapport_pdf_doc_rect (doc, x, y, width, 3, accent);
  rapport_pdf_doc_draw (doc, big, x + 8, y + 8, RAPPORT_PDF_TEXT);
  rapport_pdf_doc_draw (doc, small, x + 8, y + 32, RAPPORT_PDF_TEXT);
  if (more != NULL)
    rapport_pdf_doc_draw (doc, more, x + 8, y + 43, RAPPORT_PDF_DIM);
}

static void
first_page (RapportPdfDoc       *doc,
            const RapportReview *review)
{
  g_autofree char *title = review_title (review);
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autoptr(GDateTime) monday = g_date_time_new_from_unix_utc (review->from);
  g_autoptr(GDateTime) sunday = g_date_time_new_from_unix_utc (review->to - 1);
  g_autofree char *first = rapport_format_date_time (monday, "yMMMMd", "%-d %B %Y");
  g_autofree char *last = rapport_format_date_time (sunday, "yMMMMd", "%-d %B %Y");
  g_autofree char *owner = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *note = NULL;
  double card_width = (RAPPORT_PDF_TEXT_WIDTH - (N_CARDS_PER_ROW - 1) * 8) / N_CARDS_PER_ROW;
  double y;

  rapport_pdf_doc_paragraph (doc, title_markup, 20, PANGO_WEIGHT_BOLD, RAPPORT_PDF_TEXT);
  rapport_pdf_doc_skip (doc, 4);

  if (review->owner != NULL)
    /* Translators: a report's subtitle: first and last day of the week,
     * then whose deals it is about. */
    owner = g_strdup_printf (_("Monday %s to Sunday %s · deals of %s"), first, last, review->owner);
  else
    /* Translators: a report's subtitle: first and last day of the week. */
    owner = g_strdup_printf (_("Monday %s to Sunday %s · every owner's deals"), first, last);
  subtitle = g_markup_escape_text (owner, -1);
  rapport_pdf_doc_paragraph (doc, subtitle, 10.5, PANGO_WEIGHT_NORMAL, RAPPORT_PDF_DIM);
  rapport_pdf_doc_skip (doc, 4);

  note = g_markup_escape_text (_("Deals added, moved forward, won and lost are those of the week, in UTC. "
                                 "Close dates, rotting deals and follow-ups are as they stood when the review was made."),
                               -1);
  rapport_pdf_doc_paragraph (doc, note, 8, PANGO_WEIGHT_NORMAL, RAPPORT_PDF_DIM);
  rapport_pdf_doc_skip (doc, 16);

  y = rapport_pdf_doc_y (doc);
  for (guint i = 0; i <= RAPPORT_REVIEW_N_SECTIONS; i++)
    {
      double x = (i % N_CARDS_PER_ROW) * (card_width + 8);
      double row_y = y + (i / N_CARDS_PER_ROW) * (58 + 8);
      g_autofree char *number = NULL;
      g_autofree char *detail = NULL;

      if (i == RAPPORT_REVIEW_N_SECTIONS)
        {
          /* Translators: on the goals card of a report, as in “1 of 3”. */
          number = g_strdup_printf (_("%u of %u"), goals_reached (review), review->goals->len);
        }
      else
        {
          const RapportReviewSection *section = &review->sections[i];

          number = g_strdup_printf ("%u", section->items->len);
          if (i != RAPPORT_REVIEW_OVERDUE)
            detail = rapport_format_money_whole (section->total, review->currency);
        }
      draw_card (doc, x, row_y, card_width, number,
                 g_dpgettext2 (GETTEXT_PACKAGE, "review card", section_texts[i].card),
                 detail, section_texts[i].accent);
    }
  rapport_pdf_doc_skip (doc, 2 * (58 + 8) + 16);
}

/* The sections */

static void
write_block (RapportPdfDoc   *doc,
             cairo_t         *cr,
             guint            index,
             const char      *summary,
             RapportPdfTable *table,
             gboolean         empty)
{
  const SectionText *text = &section_texts[index];
  const char *sentence = empty ? _(text->empty) : summary;
  g_autofree char *markup = g_markup_escape_text (sentence, -1);
  g_autoptr(PangoLayout) measure =
    rapport_pdf_doc_layout (doc, markup, 9, PANGO_WEIGHT_NORMAL, RAPPORT_PDF_TEXT_WIDTH, FALSE);
  double keep = rapport_pdf_layout_height (measure) + 6 + (empty ? 0 : rapport_pdf_table_lead (doc, table));

  rapport_pdf_doc_heading (doc, _(text->title), text->accent, keep);
  /* The heading is on its page now: that is where the bookmark goes. */
  rapport_pdf_doc_outline (doc, cr, _(text->title));
  rapport_pdf_doc_paragraph (doc, markup, 9, PANGO_WEIGHT_NORMAL, empty ? RAPPORT_PDF_DIM : RAPPORT_PDF_TEXT);
  rapport_pdf_doc_skip (doc, 6);
  if (!empty)
    rapport_pdf_doc_table (doc, table);
  rapport_pdf_doc_skip (doc, 20);
}

static void
write_pages (RapportPdfDoc *doc,
             cairo_t       *cr,
             gconstpointer  data)
{
  const RapportReview *review = data;
  rapport_pdf_doc_begin (doc, cr);
  first_page (doc, review);

  for (guint i = 0; i < RAPPORT_REVIEW_N_SECTIONS; i++)
    {
      const RapportReviewSection *section = &review->sections[i];
      g_autoptr(RapportPdfTable) table = section_table (review, section);
      g_autofree char *summary = section_summary (review, section);

      write_block (doc, cr, i, summary, table, section->items->len == 0);
    }

  {
    g_autoptr(RapportPdfTable) table = goals_table (review);
    guint reached = goals_reached (review);
    g_autofree char *summary =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u goal is reached.", "%u of %u goals are reached.",
                                    review->goals->len),
                       reached, review->goals->len);

    write_block (doc, cr, RAPPORT_REVIEW_N_SECTIONS, summary, table, review->goals->len == 0);
  }
}

/* Writing the file */

gboolean
rapport_review_write_pdf (const RapportReview  *review,
                          const char           *path,
                          gboolean              replace,
                          int                  *n_pages,
                          GError              **error)
{
  g_autofree char *title = NULL;
  g_autofree char *header = NULL;
  g_autofree char *made = NULL;
  g_autofree char *footer = NULL;
  g_autoptr(RapportPdfDoc) doc = NULL;

  g_return_val_if_fail (review != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  title = review_title (review);
  header = g_markup_escape_text (title, -1);
  made = made_on (review);
  footer = g_markup_escape_text (made, -1);
  doc = rapport_pdf_doc_new (header, footer);
  /* The review's own time: the same data make the same file. */
  return rapport_pdf_doc_write (doc, write_pages, review, title, review->now, path, replace, n_pages, error);
}

char *
rapport_review_pdf_name (const RapportReview *review)
{
  g_autofree char *week = rapport_review_week_name (review->year, review->week);

  /* Translators: the file name a save dialog suggests for the weekly
   * review; %s is the week, as in “2026-W47”. */
  return g_strdup_printf (_("Pipeline review %s.pdf"), week);
}
