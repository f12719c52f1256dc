/* rapport-context.h — what every view of a window works with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window makes one context and hands it down to its views as their
 * "context" construct property: the store they show and edit, the undo
 * history that Ctrl+Z walks back, and the toast overlay they report on. A
 * view never reaches up to the window for these, so views depend on this
 * small object and not on the window (which depends on them).
 */

#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTEXT (rapport_context_get_type ())

G_DECLARE_FINAL_TYPE (RapportContext, rapport_context, RAPPORT, CONTEXT, GObject)

typedef gboolean (*RapportUndoFunc) (RapportStore  *store,
                                     gpointer       data,
                                     GError       **error);

RapportContext *rapport_context_new               (RapportStore    *store);
RapportStore   *rapport_context_get_store         (RapportContext  *self);

AdwToastOverlay *rapport_context_get_toast_overlay (RapportContext  *self);
void            rapport_context_set_toast_overlay (RapportContext  *self,
                                                   AdwToastOverlay *overlay);
void            rapport_context_add_toast         (RapportContext  *self,
                                                   AdwToast        *toast);

/* Shows a failed save (a toast that stays until dismissed). */
void            rapport_context_report_error      (RapportContext  *self,
                                                   const GError    *error);

/* Records a change so Ctrl+Z can take it back: @undo is called with @data,
 * which @destroy frees when the step leaves the history. @label names the
 * change ("Ticked “Send the proposal”"), for the toast that confirms the
 * undo. */
guint64         rapport_context_push_undo         (RapportContext  *self,
                                                   const char      *label,
                                                   RapportUndoFunc  undo,
                                                   gpointer         data,
                                                   GDestroyNotify   destroy);
/* A toast titled @title whose Undo takes back step @id (as push_undo
 * returned it) and nothing else; it goes when the step is undone. */
AdwToast       *rapport_context_undo_toast_new    (RapportContext  *self,
                                                   const char      *title,
                                                   guint64          id);
/* The toast's Undo: step @id, if it is the last change; else says why not. */
gboolean        rapport_context_undo_step         (RapportContext  *self,
                                                   guint64          id);
/* Takes back the last change; FALSE when there is none (or it failed). */
gboolean        rapport_context_undo              (RapportContext  *self);

G_END_DECLS
