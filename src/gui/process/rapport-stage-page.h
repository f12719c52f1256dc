/* rapport-stage-page.h — one stage of the process editor and its playbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_STAGE_PAGE (rapport_stage_page_get_type ())

G_DECLARE_FINAL_TYPE (RapportStagePage, rapport_stage_page, RAPPORT, STAGE_PAGE, AdwBin)

/* Set once, by the editor that holds the page. */
void          rapport_stage_page_set_context (RapportStagePage *self,
                                              RapportContext   *context);
RapportStage *rapport_stage_page_get_stage (RapportStagePage *self);
void          rapport_stage_page_set_stage (RapportStagePage *self,
                                            RapportStage     *stage);

G_END_DECLS
