/* rapport-merge-text.h — how the Duplicates view and the merge dialog name
 * records and say why two look alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* Contact or organization @id: its name, and what tells two of that name
 * apart (a contact's e-mail, else its organization, else its phone; an
 * organization's website, else its phone). FALSE when it is gone. */
gboolean  rapport_merge_describe        (RapportStore            *store,
                                         RapportEntity            entity,
                                         gint64                   id,
                                         char                   **name,
                                         char                   **detail);

/* @text (may be NULL) as a label shows a value of a record: isolated, so
 * that a phone number keeps its order in a right-to-left window and a
 * Hebrew name its own in a left-to-right one. */
char     *rapport_merge_isolate         (const char              *text);

/* Shows a record's name and detail in two labels; no detail, no label. */
void      rapport_merge_show_record     (GtkLabel                *name_label,
                                         GtkLabel                *detail_label,
                                         const char              *name,
                                         const char              *detail);

/* Why two records of @entity look alike: one sentence per reason. */
char     *rapport_merge_reasons_text    (RapportEntity            entity,
                                         RapportDuplicateReasons  reasons);

/* What moves to @keep_name, one sentence each ("2 deals will move to
 * “Ana Silva”."), NULL-terminated. */
GStrv     rapport_merge_moves_sentences (RapportEntity            entity,
                                         const RapportMergeMoves *moves,
                                         const char              *keep_name);

G_END_DECLS
