/* rapport-store-settings.h — the settings kept with the data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every program on the file and the whole team shares: the default
 * currency (the speed-to-lead time is in rapport-store.h) and the lists
 * the dialogs offer, of why deals are lost and where leads come from. Any
 * other text may still be typed where a reason or a source is asked: the
 * lists are what is offered with one click.
 *
 * Every write is one transaction and sends a RAPPORT_ENTITY_SETTING
 * notice (id 0), so an open dialog or window follows; another program's
 * change arrives as that kind's reload.
 */

#pragma once

#include "rapport-store.h"

G_BEGIN_DECLS

gboolean    rapport_store_set_default_currency (RapportStore        *self,
                                                const char          *code,
                                                GError             **error);

/* The entries of @list in their order (transfer full, never NULL). */
char      **rapport_store_get_choices          (RapportStore        *self,
                                                RapportChoiceList    list);
/* Appends @label, trimmed; refused when empty or already there (in any
 * case). */
gboolean    rapport_store_add_choice           (RapportStore        *self,
                                                RapportChoiceList    list,
                                                const char          *label,
                                                GError             **error);
/* The same at @position (0 first; past the end: last), as Undo of a
 * removal puts an entry back. */
gboolean    rapport_store_insert_choice        (RapportStore        *self,
                                                RapportChoiceList    list,
                                                const char          *label,
                                                guint                position,
                                                GError             **error);
gboolean    rapport_store_rename_choice        (RapportStore        *self,
                                                RapportChoiceList    list,
                                                const char          *label,
                                                const char          *new_label,
                                                GError             **error);
/* Moves @label to @position (0 first; past the end: last). */
gboolean    rapport_store_move_choice          (RapportStore        *self,
                                                RapportChoiceList    list,
                                                const char          *label,
                                                guint                position,
                                                GError             **error);
gboolean    rapport_store_remove_choice        (RapportStore        *self,
                                                RapportChoiceList    list,
                                                const char          *label,
                                                GError             **error);
/* Replaces the whole list with @labels (NULL-terminated; may be empty). */
gboolean    rapport_store_set_choices          (RapportStore        *self,
                                                RapportChoiceList    list,
                                                const char * const  *labels,
                                                GError             **error);

G_END_DECLS
