/* rapport-templates.h — the built-in sales processes and their playbooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *action;    /* the key action, imperative: "Qualify the lead against BANT" */
  const char *owner;     /* who does it: "Account executive", "Sales development rep", … */
  const char *material;  /* supporting material: "BANT call script", "Case studies", … */
  const char *output;    /* expected, measurable output: "BANT answers recorded; 3 of 4 yes" */
} RapportTemplateAction;

typedef struct {
  const char *name;                       /* translatable (N_) */
  int         probability;                /* win probability in percent, 0..100, rising along the process */
  int         rotting_days;               /* days a deal may sit in this stage before it is "rotting" */
  const char *purpose;                    /* one sentence: why this stage exists */
  const RapportTemplateAction *actions;   /* 2 to 4 key actions */
  guint       n_actions;
} RapportTemplateStage;

typedef struct {
  const char *id;           /* "classic5", "cycle7", "repeat5", "consultative7", "field7" */
  const char *name;         /* translatable, e.g. "Classic 5 stages" */
  const char *description;  /* translatable, one sentence */
  const RapportTemplateStage *stages;
  guint       n_stages;
} RapportTemplate;

/* All built-in templates, in DESIGN.md's order; *n_templates receives the count. */
const RapportTemplate *rapport_templates_get     (guint      *n_templates);
/* The template with that id, or NULL. */
const RapportTemplate *rapport_templates_find    (const char *id);
/* The default template for a new database: classic5. */
const RapportTemplate *rapport_templates_default (void);

G_END_DECLS
