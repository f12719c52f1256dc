/* rapport-conflict-list.c — a record's conflicts with the team, to settle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sync keeps a field this desktop changed offline and lists the
 * teammate's value it overwrote (RapportTeamConflict). The record's page
 * says so, one whole sentence a field, with the values as the page writes
 * them, and offers the teammate's value (an edit like any other, pushed at
 * the next sync) or ours (the conflict dismissed). Both go on the undo
 * history. libadwaita 1.2 has no AdwBanner: a strip in a revealer, as
 * RapportReminderBanner.
 */

#define G_LOG_DOMAIN "rapport-conflict-list"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-conflict-list.h"
#include "rapport-contact.h"
#include "rapport-deal.h"
#include "rapport-format.h"
#include "rapport-organization.h"
#include "rapport-stage.h"
#include "rapport-store-change-log.h"

struct _RapportConflictList
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkRevealer    *revealer;
  GtkBox         *rows;

  /* Owned references */
  RapportContext *context;
  RapportRecord  *record;
  GPtrArray      *conflicts;   /* RapportTeamConflict, as the rows show them */

  RapportEntity   entity;
};

G_DEFINE_FINAL_TYPE (RapportConflictList, rapport_conflict_list, GTK_TYPE_WIDGET)

/* What the teammate did, per field: a whole sentence each, for languages
 * that inflect the field's name. A field not listed gets the general one. */
typedef struct
{
  int         entity;   /* RapportEntity, or -1 for any */
  const char *field;
  const char *sentence;
} Sentence;

static const Sentence sentences[] = {
  /* Translators: %1$s is a teammate's name, %2$s their value, %3$s
   * yours, formatted as money. */
  { RAPPORT_ENTITY_DEAL, "value", N_("%1$s changed the value to %2$s while you were offline; your %3$s was kept.") },
  /* Translators: %1$s is a teammate's name, %2$s their title of the deal,
   * %3$s yours. */
  { RAPPORT_ENTITY_DEAL, "title", N_("%1$s renamed the deal to “%2$s” while you were offline; your “%3$s” was kept.") },
  /* Translators: %1$s is a teammate's name, %2$s their currency code,
   * %3$s yours. */
  { RAPPORT_ENTITY_DEAL, "currency", N_("%1$s changed the currency to %2$s while you were offline; your %3$s was kept.") },
  /* Translators: %1$s is a teammate's name, %2$s their expected close
   * date, %3$s yours. */
  { RAPPORT_ENTITY_DEAL, "expected_close", N_("%1$s changed the expected close to %2$s while you were offline; your %3$s was kept.") },
  /* Translators: %1$s is a teammate's name, %2$s the stage they moved
   * the deal to, %3$s yours. */
  { RAPPORT_ENTITY_DEAL, "stage", N_("%1$s moved the deal to %2$s while you were offline; your %3$s was kept.") },
  /* Translators: %1$s is a teammate's name, %2$s their contact of the
   * deal, %3$s yours. */
  { RAPPORT_ENTITY_DEAL, "contact", N_("%1$s changed the contact to %2$s while you were offline; your %3$s was kept.") },
  /* Translators: %1$s is a teammate's name, %2$s their job title of the
   * contact, %3$s yours. */
  { RAPPORT_ENTITY_CONTACT, "title", N_("%1$s changed the job title to %2$s while you were offline; your %3$s was kept.") },
  /* Translators: %1$s is a teammate's name, %2$s their name of the
   * record, %3$s yours. */
  { -1, "name", N_("%1$s changed the name to “%2$s” while you were offline; your “%3$s” was kept.") },
  /* Translators: %1$s is a teammate's name, %2$s their owner of the
   * record, %3$s yours. */
  { -1, "owner", N_("%1$s changed the owner to %2$s while you were offline; your %3$s was kept.") },
  /* Translators: %1$s is a teammate's name, %2$s their organization of
   * the record, %3$s yours. */
  { -1, "organization", N_("%1$s changed the organization to %2$s while you were offline; your %3$s was kept.") },
  /* Translators: %1$s is a teammate's name, %2$s their email address,
   * %3$s yours. */
  { -1, "email", N_("%1$s changed the email address to %2$s while you were offline; your %3$s was kept.") },
  /* Translators: %1$s is a teammate's name, %2$s their phone number,
   * %3$s yours. */
  { -1, "phone", N_("%1$s changed the phone number to %2$s while you were offline; your %3$s was kept.") },
  /* Translators: %1$s is a teammate's name, %2$s their website, %3$s
   * yours. */
  { -1, "website", N_("%1$s changed the website to %2$s while you were offline; your %3$s was kept.") },
  /* Translators: %1$s is a teammate's name, %2$s their source of the
   * contact (where it came from), %3$s yours. */
  { -1, "source", N_("%1$s changed the source to %2$s while you were offline; your %3$s was kept.") },
};

static const char *
sentence_of (RapportEntity  entity,
             const char    *field)
{
  for (gsize i = 0; i < G_N_ELEMENTS (sentences); i++)
    if ((sentences[i].entity == -1 || sentences[i].entity == (int) entity) &&
        g_str_equal (sentences[i].field, field))
      return _(sentences[i].sentence);
  return NULL;
}

/* The name of the record the team knows as @uid. */
static char *
name_of_uid (RapportStore  *store,
             RapportEntity  entity,
             const char    *uid)
{
  gint64 id = rapport_store_id_of_uid (store, entity, uid);
  g_autoptr(RapportStage) stage = NULL;
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(RapportOrganization) organization = NULL;

  if (id == 0)
    return NULL;
  if (entity == RAPPORT_ENTITY_STAGE && (stage = rapport_store_get_stage (store, id, NULL)) != NULL)
    return g_strdup (rapport_stage_get_name (stage));
  if (entity == RAPPORT_ENTITY_CONTACT && (contact = rapport_store_get_contact (store, id, NULL)) != NULL)
    return g_strdup (rapport_contact_get_name (contact));
  if (entity == RAPPORT_ENTITY_ORGANIZATION && (organization = rapport_store_get_organization (store, id, NULL)) != NULL)
    return g_strdup (rapport_organization_get_name (organization));
  return NULL;
}

/* @json (a conflict's value) as the page writes it: money in the deal's
 * currency, a day as the page's dates, a stage or record by its name. */
static char *
format_value (RapportConflictList *self,
              const char          *field,
              const char          *json)
{
  RapportStore *store = rapport_context_get_store (self->context);
  char *text = NULL;
  gint64 number;

  if (json == NULL || *json == '\0')
    /* Translators: a field left empty, in a sentence about a conflict
     * ("changed the owner to nobody"). */
    return g_strdup (C_("conflict value", "nothing"));

  if (RAPPORT_IS_DEAL (self->record) && g_str_equal (field, "value") &&
      g_ascii_string_to_signed (json, 10, 0, G_MAXINT64, &number, NULL))
    text = rapport_format_money (number, rapport_deal_get_currency (RAPPORT_DEAL (self->record)));
  else if (g_str_equal (field, "expected_close"))
    text = rapport_format_day (json, rapport_store_now (store), NULL);
  else if (g_str_equal (field, "stage"))
    text = name_of_uid (store, RAPPORT_ENTITY_STAGE, json);
  else if (g_str_equal (field, "contact"))
    text = name_of_uid (store, RAPPORT_ENTITY_CONTACT, json);
  else if (g_str_equal (field, "organization"))
    text = name_of_uid (store, RAPPORT_ENTITY_ORGANIZATION, json);

  return text != NULL ? text : g_strdup (json);
}

static char *
describe (RapportConflictList       *self,
          const RapportTeamConflict *conflict)
{
  const char *sentence = sentence_of (self->entity, conflict->field);
  const char *author = conflict->author != NULL ? conflict->author : C_("conflict author", "A teammate");
  g_autofree char *theirs = NULL;
  g_autofree char *yours = NULL;

  if (sentence == NULL)
    /* Translators: %s is a teammate's name; the field is one the page
     * does not name (a detail the store keeps). */
    return g_strdup_printf (_("%s changed a detail of this record while you were offline; yours was kept."), author);

  theirs = format_value (self, conflict->field, conflict->theirs);
  yours = format_value (self, conflict->field, conflict->yours);
  /* The sentences are our own table's, each with the same three
   * placeholders: no text from outside is a format. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (sentence, author, theirs, yours);
#pragma GCC diagnostic pop
}

/* Undo: the conflict listed again, with our value written back after
 * the teammate's was taken. */
typedef struct
{
  RapportEntity        entity;
  gint64               id;
  RapportTeamConflict *conflict;
  gboolean             put_yours_back;
} Resolution;

static void
resolution_free (Resolution *resolution)
{
  rapport_team_conflict_free (resolution->conflict);
  g_free (resolution);
}

static gboolean
undo_resolution (RapportStore  *store,
                 gpointer       data,
                 GError       **error)
{
  Resolution *resolution = data;

  return rapport_store_restore_conflict (store, resolution->entity, resolution->id, resolution->conflict,
                                         resolution->put_yours_back, error);
}

static void
resolve (RapportConflictList *self,
         guint                index,
         gboolean             take_theirs)
{
  RapportStore *store = rapport_context_get_store (self->context);
  const RapportTeamConflict *conflict;
  g_autoptr(GError) error = NULL;
  gint64 id = rapport_record_get_id (self->record);
  Resolution *resolution;
  const char *label;
  guint64 step;

  g_assert (RAPPORT_IS_CONFLICT_LIST (self));

  if (self->conflicts == NULL || index >= self->conflicts->len)
    return;
  conflict = self->conflicts->pdata[index];
  resolution = g_new0 (Resolution, 1);
  resolution->entity = self->entity;
  resolution->id = id;
  resolution->conflict = rapport_team_conflict_copy (conflict);
  resolution->put_yours_back = take_theirs;

  /* The store's notice redraws the list, freeing @conflict. */
  if (take_theirs ? !rapport_store_take_theirs (store, self->entity, id, resolution->conflict->field, &error)
                  : !rapport_store_dismiss_conflict (store, self->entity, id, resolution->conflict->field, &error))
    {
      rapport_context_report_error (self->context, error);
      resolution_free (resolution);
      return;
    }

  label = take_theirs ? _("Took the teammate’s value") : _("Kept your value");
  step = rapport_context_push_undo (self->context, label, undo_resolution, resolution,
                                    (GDestroyNotify) resolution_free);
  rapport_context_add_toast (self->context, rapport_context_undo_toast_new (self->context, label, step));
}

static void
on_theirs_clicked (RapportConflictList *self,
                   GtkButton           *button)
{
  resolve (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "conflict-index")), TRUE);
}

static void
on_mine_clicked (RapportConflictList *self,
                 GtkButton           *button)
{
  resolve (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "conflict-index")), FALSE);
}

static GtkWidget *
make_button (RapportConflictList *self,
             const char          *label,
             guint                index,
             GCallback            clicked)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "conflict-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "clicked", clicked, self, G_CONNECT_SWAPPED);
  return button;
}

static GtkWidget *
make_row (RapportConflictList       *self,
          const RapportTeamConflict *conflict,
          guint                      index)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "emblem-synchronizing-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  g_autofree char *text = describe (self, conflict);
  GtkWidget *label = gtk_label_new (text);
  const char *author = conflict->author != NULL ? conflict->author : C_("conflict author", "A teammate");

  gtk_widget_add_css_class (row, "conflict-row");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), label);

  if (rapport_store_conflict_can_take (self->entity, conflict->field))
    {
      /* Translators: a button that takes a teammate's value of a field;
       * %s is the teammate's name. */
      g_autofree char *use = g_strdup_printf (_("Use %s’s"), author);

      gtk_box_append (GTK_BOX (row), make_button (self, use, index, G_CALLBACK (on_theirs_clicked)));
    }
  gtk_box_append (GTK_BOX (row), make_button (self, _("Keep Mine"), index, G_CALLBACK (on_mine_clicked)));
  return row;
}

static void
rapport_conflict_list_update (RapportConflictList *self)
{
  RapportStore *store = rapport_context_get_store (self->context);
  GtkWidget *child;

  g_assert (RAPPORT_IS_CONFLICT_LIST (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows))) != NULL)
    gtk_box_remove (self->rows, child);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  self->conflicts = rapport_store_get_conflicts (store, self->entity, rapport_record_get_id (self->record));

  for (guint i = 0; i < self->conflicts->len; i++)
    gtk_box_append (self->rows, make_row (self, self->conflicts->pdata[i], i));

  if (self->conflicts->len > 0)
    gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, self->conflicts->len > 0);
}

/* Resolved here, or added or resolved by another program's sync (whose
 * commit the store's watch reports as a reload of everything). A stage or
 * record renamed changes how a value reads. */
static void
on_store_notice (RapportConflictList *self,
                 const RapportNotice *notice,
                 RapportStore        *store)
{
  if (notice->change == RAPPORT_CHANGE_RELOAD ||
      (notice->entity == self->entity && notice->id == rapport_record_get_id (self->record)) ||
      notice->entity == RAPPORT_ENTITY_STAGE)
    rapport_conflict_list_update (self);
}

void
rapport_conflict_list_bind (RapportConflictList *self,
                            RapportContext      *context,
                            RapportRecord       *record)
{
  g_return_if_fail (RAPPORT_IS_CONFLICT_LIST (self));
  g_return_if_fail (RAPPORT_IS_CONTEXT (context));
  g_return_if_fail (RAPPORT_IS_DEAL (record) || RAPPORT_IS_CONTACT (record) || RAPPORT_IS_ORGANIZATION (record));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->record = g_object_ref (record);
  self->entity = RAPPORT_IS_DEAL (record) ? RAPPORT_ENTITY_DEAL
               : RAPPORT_IS_CONTACT (record) ? RAPPORT_ENTITY_CONTACT : RAPPORT_ENTITY_ORGANIZATION;
  g_signal_connect_object (rapport_context_get_store (context), "notice", G_CALLBACK (on_store_notice), self,
                           G_CONNECT_SWAPPED);
  rapport_conflict_list_update (self);
}

/* Hidden once slid away: a screen reader no longer finds the rows. */
static void
on_child_revealed (RapportConflictList *self)
{
  if (!gtk_revealer_get_child_revealed (self->revealer) &&
      !gtk_revealer_get_reveal_child (self->revealer))
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
rapport_conflict_list_dispose (GObject *object)
{
  RapportConflictList *self = RAPPORT_CONFLICT_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CONFLICT_LIST);
  g_clear_object (&self->record);
  g_clear_object (&self->context);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_conflict_list_parent_class)->dispose (object);
}

static void
rapport_conflict_list_class_init (RapportConflictListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_conflict_list_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/widgets/conflict-list.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportConflictList, revealer);
  gtk_widget_class_bind_template_child (widget_class, RapportConflictList, rows);
  gtk_widget_class_bind_template_callback (widget_class, on_child_revealed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_conflict_list_init (RapportConflictList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
