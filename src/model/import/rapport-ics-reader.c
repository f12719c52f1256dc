/* rapport-ics-reader.c — the tasks and events of an iCalendar file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two passes. The first reads the lines as RFC 5545 cuts them (folded
 * lines joined, CRLF or LF), checks that each has a name and a value and
 * that BEGIN and END pair up, and remembers where each property of each
 * task or event is: libical keeps no line numbers, and takes a line it
 * cannot read, or an END that closes the wrong BEGIN, without a word.
 * The second hands the file to libical and takes each item's fields,
 * naming the line of any property libical could not read.
 */

#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "rapport-ics-reader.h"

/* A repeating item's occurrences looked at before giving up on finding
 * the next one: a rule that repeats every second since 1970 is refused
 * rather than walked. */
#define MAX_OCCURRENCES 100000
/* The hour an all-day item is due, local time: the start of a working day. */
#define ALL_DAY_HOUR 9

typedef struct
{
  char  *name;    /* upper case */
  guint  line;    /* where the (maybe folded) line began */
  guint  depth;   /* of the component it is in: 1 the calendar */
} Line;

/* A VTODO or VEVENT of the calendar: its lines are [first, last]. */
typedef struct
{
  guint first;
  guint last;
} Span;

typedef struct
{
  GArray     *lines;     /* of Line */
  GArray     *spans;     /* of Span */
  GPtrArray  *problems;
  gint64      now;
} Reader;

static void
line_clear (Line *line)
{
  g_free (line->name);
}

void
rapport_ics_problem_free (RapportIcsProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

GPtrArray *
rapport_ics_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_ics_problem_free);
}

void
rapport_ics_item_free (RapportIcsItem *item)
{
  g_free (item->uid);
  g_free (item->title);
  g_free (item->note);
  g_strfreev (item->emails);
  g_free (item);
}

static void add_problem (Reader     *reader,
                         guint       line,
                         const char *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (Reader     *reader,
             guint       line,
             const char *format,
             ...)
{
  RapportIcsProblem *problem = g_new0 (RapportIcsProblem, 1);
  va_list args;

  va_start (args, format);
  problem->line = line;
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (reader->problems, problem);
}

/* First pass: the lines */

/* The name of a content line ("DTSTART" of "DTSTART;TZID=…:…"), and
 * where its value begins; NULL when it has no name or no ':' outside
 * quotes. */
static char *
line_name (const char  *text,
           const char **value)
{
  const char *p = text;
  gboolean quoted = FALSE;

  while (g_ascii_isalnum (*p) || *p == '-')
    p++;
  if (p == text || (*p != ';' && *p != ':'))
    return NULL;
  for (const char *q = p; *q != '\0'; q++)
    {
      if (*q == '"')
        quoted = !quoted;
      else if (*q == ':' && !quoted)
        {
          *value = q + 1;
          return g_ascii_strup (text, p - text);
        }
    }
  return NULL;
}

typedef struct
{
  char  *name;   /* the component's, upper case */
  guint  line;
  guint  first;  /* its BEGIN's index in lines */
} Open;

static void
open_clear (Open *open)
{
  g_free (open->name);
}

/* BEGIN and END: pairs them, and keeps the spans of the calendar's
 * VTODOs and VEVENTs. FALSE stops the pass. */
static gboolean
nest (Reader     *reader,
      GArray     *stack,
      const char *name,
      const char *value,
      guint       line)
{
  g_autofree char *component = g_ascii_strup (value, -1);

  g_strstrip (component);
  if (g_str_equal (name, "BEGIN"))
    {
      /* The BEGIN line is the last one kept. */
      Open open = { g_steal_pointer (&component), line, reader->lines->len - 1 };

      if (stack->len == 0 && !g_str_equal (open.name, "VCALENDAR"))
        {
          add_problem (reader, line, _("An iCalendar file begins with BEGIN:VCALENDAR."));
          g_free (open.name);
          return FALSE;
        }
      g_array_append_val (stack, open);
      return TRUE;
    }

  if (stack->len == 0 || !g_str_equal (g_array_index (stack, Open, stack->len - 1).name, component))
    {
      if (stack->len == 0)
        add_problem (reader, line, _("This END closes nothing that was begun."));
      else
        /* Translators: %s is a component's name (VEVENT), %u a line. */
        add_problem (reader, line, _("This END does not close the BEGIN:%s of line %u."),
                     g_array_index (stack, Open, stack->len - 1).name,
                     g_array_index (stack, Open, stack->len - 1).line);
      return FALSE;
    }

  if (stack->len == 2 && (g_str_equal (component, "VTODO") || g_str_equal (component, "VEVENT")))
    {
      Span span = { g_array_index (stack, Open, 1).first, reader->lines->len - 1 };

      g_array_append_val (reader->spans, span);
    }
  g_array_set_size (stack, stack->len - 1);
  if (stack->len == 0)
    /* Mark the end of the calendar: what follows is not read. */
    g_array_append_val (stack, ((Open) { g_strdup (""), line, 0 }));
  return TRUE;
}

/* One unfolded line; FALSE stops the pass. */
static gboolean
scan_line (Reader     *reader,
           GArray     *stack,
           const char *text,
           guint       number)
{
  const char *value = NULL;
  char *name;
  Line line;

  if (*text == '\0')
    return TRUE;
  if (stack->len == 1 && *g_array_index (stack, Open, 0).name == '\0')
    {
      add_problem (reader, number, _("Only one calendar is read from a file: this line follows its END:VCALENDAR."));
      return FALSE;
    }
  if ((name = line_name (text, &value)) == NULL)
    {
      add_problem (reader, number, _("This line has no name and value separated by “:”."));
      return FALSE;
    }
  if (stack->len == 0 && !g_str_equal (name, "BEGIN"))
    {
      add_problem (reader, number, _("An iCalendar file begins with BEGIN:VCALENDAR."));
      g_free (name);
      return FALSE;
    }

  line = (Line) { name, number, stack->len };
  g_array_append_val (reader->lines, line);
  if (g_str_equal (name, "BEGIN") || g_str_equal (name, "END"))
    return nest (reader, stack, name, value, number);
  return TRUE;
}

/* Where a physical line stops: at LF, without its CR. */
static gsize
line_length (const char *p,
             const char *end,
             const char **next)
{
  const char *lf = memchr (p, '\n', end - p);
  const char *stop = lf ? lf : end;

  *next = lf ? lf + 1 : end;
  if (stop > p && stop[-1] == '\r')
    stop--;
  return stop - p;
}

static gboolean
scan_lines (Reader     *reader,
            const char *data,
            gsize       len)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Open));
  g_autoptr(GString) current = g_string_new (NULL);
  const char *p = data, *end = data + len;
  guint number = 0, start = 0;
  gboolean ok = TRUE;

  g_array_set_clear_func (stack, (GDestroyNotify) open_clear);
  while (ok && p < end)
    {
      const char *next;
      gsize n = line_length (p, end, &next);

      number++;
      if (n == 0)
        {
          /* A blank line ends the line before it, and folds into
           * nothing: libical reads it so. */
          ok = start == 0 || scan_line (reader, stack, current->str, start);
          g_string_assign (current, "");
          start = 0;
        }
      else if (*p == ' ' || *p == '\t')
        {
          if (start == 0)
            {
              add_problem (reader, number, _("This line continues a line, but none is before it."));
              return FALSE;
            }
          g_string_append_len (current, p + 1, n - 1);
        }
      else
        {
          ok = start == 0 || scan_line (reader, stack, current->str, start);
          g_string_assign (current, "");
          g_string_append_len (current, p, n);
          start = number;
        }
      p = next;
    }
  if (ok && start != 0)
    ok = scan_line (reader, stack, current->str, start);
  if (ok && stack->len == 0)
    {
      add_problem (reader, MAX (number, 1), _("This file holds no calendar."));
      return FALSE;
    }
  if (ok && *g_array_index (stack, Open, stack->len - 1).name != '\0')
    {
      Open *open = &g_array_index (stack, Open, stack->len - 1);

      /* Translators: %s is a component's name (VEVENT). */
      add_problem (reader, open->line, _("This BEGIN:%s is never closed by an END."), open->name);
      return FALSE;
    }
  return ok;
}

/* Where the first line @name of span @span is (the whole file for
 * G_MAXUINT), at the item's own depth; else the span's first line. */
static guint
line_of (Reader     *reader,
         guint       span,
         const char *name)
{
  guint first = 0, last = reader->lines->len - 1;

  if (span != G_MAXUINT)
    {
      first = g_array_index (reader->spans, Span, span).first;
      last = g_array_index (reader->spans, Span, span).last;
    }
  for (guint i = first; i <= last && i < reader->lines->len; i++)
    {
      Line *line = &g_array_index (reader->lines, Line, i);

      if (g_str_equal (line->name, name) && (span == G_MAXUINT || line->depth == 2))
        return line->line;
    }
  return reader->lines->len > first ? g_array_index (reader->lines, Line, first).line : 1;
}

/* Where span @span (an item) begins; 1 for the whole file. */
static guint
span_line (Reader *reader,
           guint   span)
{
  if (span == G_MAXUINT)
    return 1;
  return g_array_index (reader->lines, Line, g_array_index (reader->spans, Span, span).first).line;
}

/* Second pass: libical's reading */

/* libical's own complaint names the property: "… in DTSTART property …". */
static char *
error_property (const char *message)
{
  const char *in = strstr (message, " in ");
  const char *word, *p;

  if (in == NULL)
    return NULL;
  word = in + 4;
  for (p = word; g_ascii_isalnum (*p) || *p == '-'; p++)
    ;
  if (p == word || !g_str_has_prefix (p, " property"))
    return NULL;
  return g_ascii_strup (word, p - word);
}

/* An empty value ("SUMMARY:") is text RFC 5545 allows, which libical
 * drops with a complaint: the item simply lacks it. */
static gboolean
is_empty_value (const char *message)
{
  return g_str_has_prefix (message, "No value for ");
}

/* Every property of @component (and, if @inside, of what it holds)
 * libical could not read, at its line. */
static void
check_errors (Reader        *reader,
              icalcomponent *component,
              guint          span,
              gboolean       inside)
{
  icalproperty *prop;
  icalcomponent *inner;

  for (prop = icalcomponent_get_first_property (component, ICAL_XLICERROR_PROPERTY); prop != NULL;
       prop = icalcomponent_get_next_property (component, ICAL_XLICERROR_PROPERTY))
    {
      const char *message = icalproperty_get_xlicerror (prop);
      g_autofree char *name = NULL;

      if (message == NULL || is_empty_value (message))
        continue;
      if ((name = error_property (message)) != NULL)
        /* Translators: %s is the name of a property of the file (DTSTART). */
        add_problem (reader, line_of (reader, span, name), _("The value of %s cannot be read."), name);
      else
        add_problem (reader, span_line (reader, span), _("A line of this item cannot be read."));
    }
  for (inner = inside ? icalcomponent_get_first_component (component, ICAL_ANY_COMPONENT) : NULL;
       inner != NULL;
       inner = icalcomponent_get_next_component (component, ICAL_ANY_COMPONENT))
    check_errors (reader, inner, span, TRUE);
}

static gboolean
fields_valid (struct icaltimetype tt)
{
  if (tt.year < 1970 || tt.year > 9999 || tt.month < 1 || tt.month > 12 ||
      tt.day < 1 || tt.day > icaltime_days_in_month (tt.month, tt.year))
    return FALSE;
  return tt.is_date || (tt.hour >= 0 && tt.hour < 24 && tt.minute >= 0 && tt.minute < 60 &&
                        tt.second >= 0 && tt.second <= 60);
}

/* @tt in unix seconds: in @zone (UTC for a time with Z), else local time
 * (a floating time, and an all-day item at ALL_DAY_HOUR). */
static gboolean
to_unix (struct icaltimetype  tt,
         icaltimezone        *zone,
         gint64              *out)
{
  g_autoptr(GDateTime) dt = NULL;

  if (!fields_valid (tt))
    return FALSE;
  if (tt.is_date)
    {
      tt.is_date = 0;
      tt.hour = ALL_DAY_HOUR;
      tt.minute = tt.second = 0;
      zone = NULL;
    }
  /* A leap second is the last second of its minute. */
  tt.second = MIN (tt.second, 59);
  if (zone != NULL)
    {
      icaltimezone_convert_time (&tt, zone, icaltimezone_get_utc_timezone ());
      dt = g_date_time_new_utc (tt.year, tt.month, tt.day, tt.hour, tt.minute, tt.second);
    }
  else
    dt = g_date_time_new_local (tt.year, tt.month, tt.day, tt.hour, tt.minute, tt.second);
  if (dt == NULL || g_date_time_to_unix (dt) <= 0)
    return FALSE;
  *out = g_date_time_to_unix (dt);
  return TRUE;
}

/* The zone of a time property: UTC for a time with Z, the file's
 * VTIMEZONE or the system's zone named by TZID, or NULL (floating). */
static gboolean
zone_of (Reader               *reader,
         icalcomponent        *calendar,
         icalproperty         *prop,
         struct icaltimetype   tt,
         guint                 line,
         icaltimezone        **zone)
{
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
  const char *tzid;

  *zone = NULL;
  if (icaltime_is_utc (tt))
    *zone = icaltimezone_get_utc_timezone ();
  if (param == NULL || tt.is_date)
    return TRUE;

  tzid = icalparameter_get_tzid (param);
  if (tzid != NULL && (*zone = icalcomponent_get_timezone (calendar, tzid)) == NULL)
    *zone = icaltimezone_get_builtin_timezone (tzid);
  if (tzid != NULL && *zone == NULL)
    *zone = icaltimezone_get_builtin_timezone_from_tzid (tzid);
  if (*zone == NULL)
    {
      /* Translators: %s is a time zone's name as the file gives it. */
      add_problem (reader, line, _("The time zone “%s” is neither described in the file nor known."),
                   tzid ? tzid : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_excluded (icalcomponent *component,
             icaltimezone  *zone,
             gint64         when)
{
  icalproperty *prop;

  for (prop = icalcomponent_get_first_property (component, ICAL_EXDATE_PROPERTY); prop != NULL;
       prop = icalcomponent_get_next_property (component, ICAL_EXDATE_PROPERTY))
    {
      gint64 excluded;

      if (to_unix (icalproperty_get_exdate (prop), icaltime_is_utc (icalproperty_get_exdate (prop))
                   ? icaltimezone_get_utc_timezone () : zone, &excluded) && excluded == when)
        return TRUE;
    }
  return FALSE;
}

/* A repeating item's next time at or after now, else its last. */
static gboolean
next_occurrence (Reader              *reader,
                 icalcomponent       *component,
                 icalproperty        *rrule,
                 struct icaltimetype  start,
                 icaltimezone        *zone,
                 guint                line,
                 gint64              *due)
{
  struct icalrecurrencetype rule = icalproperty_get_rrule (rrule);
  icalrecur_iterator *it = icalrecur_iterator_new (rule, start);
  gboolean found = FALSE, reached = FALSE;

  if (it == NULL)
    {
      add_problem (reader, line, _("The value of %s cannot be read."), "RRULE");
      return FALSE;
    }
  for (guint n = 0; n < MAX_OCCURRENCES && !reached; n++)
    {
      struct icaltimetype next = icalrecur_iterator_next (it);
      gint64 when;

      if (icaltime_is_null_time (next))
        break;
      if (!to_unix (next, zone, &when) || is_excluded (component, zone, when))
        continue;
      *due = when;
      found = TRUE;
      reached = when >= reader->now;
    }
  if (!reached && !icaltime_is_null_time (icalrecur_iterator_next (it)))
    {
      icalrecur_iterator_free (it);
      add_problem (reader, line, _("This item repeats too often to find its next time."));
      return FALSE;
    }
  icalrecur_iterator_free (it);
  /* A series whose every time was excluded: its start stands. */
  return found || to_unix (start, zone, due);
}

/* The item's due time in UTC, from @prop (DUE or DTSTART). */
static gboolean
read_due (Reader         *reader,
          icalcomponent  *calendar,
          icalcomponent  *component,
          icalproperty   *prop,
          guint           span,
          RapportIcsItem *item)
{
  struct icaltimetype tt = icalproperty_get_datetime_with_component (prop, component);
  const char *name = icalproperty_get_property_name (prop);
  guint line = line_of (reader, span, name);
  icalproperty *rrule = icalcomponent_get_first_property (component, ICAL_RRULE_PROPERTY);
  icaltimezone *zone;

  if (!zone_of (reader, calendar, prop, tt, line, &zone))
    return FALSE;
  if (!to_unix (tt, zone, &item->row.due_at))
    {
      /* Translators: %s is the name of a property of the file (DTSTART). */
      add_problem (reader, line, _("The time of %s is not a real time after 1970."), name);
      return FALSE;
    }
  if (rrule == NULL)
    return TRUE;

  item->recurring = TRUE;
  return next_occurrence (reader, component, rrule, tt, zone, line_of (reader, span, "RRULE"),
                          &item->row.due_at);
}

static const char *
x_property (icalcomponent *component,
            const char    *name)
{
  icalproperty *prop;

  for (prop = icalcomponent_get_first_property (component, ICAL_X_PROPERTY); prop != NULL;
       prop = icalcomponent_get_next_property (component, ICAL_X_PROPERTY))
    if (g_ascii_strcasecmp (icalproperty_get_x_name (prop), name) == 0)
      return icalproperty_get_x (prop);
  return NULL;
}

/* What a Rapport export said the item was (X-RAPPORT-KIND), else a
 * meeting for an event and a task for a to-do. */
static RapportActivityKind
kind_of (icalcomponent *component)
{
  static const char * const names[] = { "call", "email", "meeting", "task", "followup" };
  const char *given = x_property (component, "X-RAPPORT-KIND");

  for (guint i = 0; given != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (given, names[i]) == 0)
      return (RapportActivityKind) i;
  return icalcomponent_isa (component) == ICAL_VEVENT_COMPONENT ? RAPPORT_ACTIVITY_MEETING
                                                                : RAPPORT_ACTIVITY_TASK;
}

static void
add_email (GPtrArray    *emails,
           icalproperty *prop)
{
  const char *value = icalproperty_get_value_as_string (prop);

  if (value == NULL)
    return;
  if (g_ascii_strncasecmp (value, "mailto:", 7) == 0)
    value += 7;
  if (strchr (value, '@') != NULL && g_utf8_validate (value, -1, NULL))
    g_ptr_array_add (emails, g_strstrip (g_strdup (value)));
}

/* The attendees' e-mails first, then the organizer's. */
static GStrv
emails_of (icalcomponent *component)
{
  g_autoptr(GPtrArray) emails = g_ptr_array_new ();
  icalproperty *prop;

  for (prop = icalcomponent_get_first_property (component, ICAL_ATTENDEE_PROPERTY); prop != NULL;
       prop = icalcomponent_get_next_property (component, ICAL_ATTENDEE_PROPERTY))
    add_email (emails, prop);
  if ((prop = icalcomponent_get_first_property (component, ICAL_ORGANIZER_PROPERTY)) != NULL)
    add_email (emails, prop);
  g_ptr_array_add (emails, NULL);
  return (GStrv) g_ptr_array_steal (emails, NULL);
}

/* Done: COMPLETED says when; STATUS:COMPLETED alone, at its due time. */
static void
read_done (icalcomponent  *component,
           RapportIcsItem *item)
{
  icalproperty *completed = icalcomponent_get_first_property (component, ICAL_COMPLETED_PROPERTY);

  if (completed != NULL &&
      to_unix (icalproperty_get_completed (completed), icaltimezone_get_utc_timezone (), &item->row.done_at))
    return;
  if (completed != NULL || icalcomponent_get_status (component) == ICAL_STATUS_COMPLETED)
    item->row.done_at = item->row.due_at;
}

static char *
dup_text (const char *text)
{
  return text != NULL && g_utf8_validate (text, -1, NULL) ? g_strdup (text) : NULL;
}

static RapportIcsItem *
read_item (Reader        *reader,
           icalcomponent *calendar,
           icalcomponent *component,
           guint          span)
{
  g_autoptr(RapportIcsItem) item = g_new0 (RapportIcsItem, 1);
  gboolean todo = icalcomponent_isa (component) == ICAL_VTODO_COMPONENT;
  icalproperty *when = todo ? icalcomponent_get_first_property (component, ICAL_DUE_PROPERTY) : NULL;
  const char *note = x_property (component, "X-RAPPORT-NOTE");

  if (when == NULL)
    when = icalcomponent_get_first_property (component, ICAL_DTSTART_PROPERTY);
  item->row.line = span_line (reader, span);
  if (when == NULL)
    {
      add_problem (reader, item->row.line, todo ? _("This task has neither a due time nor a start time.")
                                                : _("This event has no start time."));
      return NULL;
    }
  if (!read_due (reader, calendar, component, when, span, item))
    return NULL;

  item->row.kind = kind_of (component);
  item->uid = dup_text (icalcomponent_get_uid (component));
  item->title = dup_text (icalcomponent_get_summary (component));
  /* Rapport's own export says whom an item is for in its description,
   * and keeps the note apart. */
  if (note != NULL || x_property (component, "X-RAPPORT-KIND") == NULL)
    item->note = dup_text (note != NULL ? note : icalcomponent_get_description (component));
  item->emails = emails_of (component);
  read_done (component, item);
  if (item->row.done_at != 0 && item->recurring)
    item->row.done_at = 0;

  item->row.uid = item->uid;
  item->row.title = item->title;
  item->row.note = item->note != NULL && *item->note != '\0' ? item->note : NULL;
  item->row.emails = (const char * const *) item->emails;
  return g_steal_pointer (&item);
}

static void
read_items (Reader        *reader,
            icalcomponent *calendar,
            GPtrArray     *items)
{
  icalcomponent *component;
  guint span = 0;

  check_errors (reader, calendar, G_MAXUINT, FALSE);
  for (component = icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT); component != NULL;
       component = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
    {
      icalcomponent_kind kind = icalcomponent_isa (component);
      RapportIcsItem *item;

      if (kind != ICAL_VTODO_COMPONENT && kind != ICAL_VEVENT_COMPONENT)
        {
          check_errors (reader, component, G_MAXUINT, TRUE);
          continue;
        }
      /* The first pass found the same items in the same order. */
      if (span >= reader->spans->len)
        break;
      check_errors (reader, component, span, TRUE);
      /* A changed time of a series (RECURRENCE-ID) shares the series'
       * UID: the series itself gives the next time. */
      if (icalcomponent_get_first_property (component, ICAL_RECURRENCEID_PROPERTY) != NULL ||
          /* Nothing to follow up, nor done (a meeting that never was). */
          icalcomponent_get_status (component) == ICAL_STATUS_CANCELLED)
        {
          span++;
          continue;
        }
      if ((item = read_item (reader, calendar, component, span)) != NULL)
        g_ptr_array_add (items, item);
      span++;
    }
  if (span != reader->spans->len)
    add_problem (reader, 1, _("The calendar’s items cannot be told apart."));
}

GPtrArray *
rapport_ics_read (const char *data,
                  gsize       len,
                  gint64      now,
                  GPtrArray  *problems)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_ics_item_free);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  Reader reader = { lines, spans, problems, now };
  g_autofree char *text = NULL;
  const char *bad;
  icalcomponent *calendar;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  g_array_set_clear_func (lines, (GDestroyNotify) line_clear);
  if (!g_utf8_validate_len (data, len, &bad) || memchr (data, '\0', len) != NULL)
    {
      const char *stop = memchr (data, '\0', len);
      guint line = 1;

      if (stop == NULL || bad < stop)
        stop = bad;
      for (const char *p = data; p < stop; p++)
        line += *p == '\n';
      add_problem (&reader, line, _("This line is not text in UTF-8."));
      return g_steal_pointer (&items);
    }
  if (!scan_lines (&reader, data, len))
    return g_steal_pointer (&items);

  text = g_strndup (data, len);
  icalerror_set_errors_are_fatal (FALSE);
  if ((calendar = icalparser_parse_string (text)) == NULL)
    {
      add_problem (&reader, 1, _("This file cannot be read as a calendar."));
      return g_steal_pointer (&items);
    }
  if (icalcomponent_isa (calendar) == ICAL_VCALENDAR_COMPONENT)
    read_items (&reader, calendar, items);
  else
    add_problem (&reader, 1, _("An iCalendar file begins with BEGIN:VCALENDAR."));
  icalcomponent_free (calendar);
  return g_steal_pointer (&items);
}
