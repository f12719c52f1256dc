/* rapport-merge-text.c — how the Duplicates view and the merge dialog name
 * records and say why two look alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-merge"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-contact.h"
#include "rapport-merge-text.h"
#include "rapport-organization.h"

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

static char *
contact_detail (RapportStore   *store,
                RapportContact *contact)
{
  gint64 organization_id = rapport_contact_get_organization_id (contact);
  g_autoptr(RapportOrganization) organization = NULL;

  if (!is_blank (rapport_contact_get_email (contact)))
    return g_strdup (rapport_contact_get_email (contact));
  if (organization_id > 0 &&
      (organization = rapport_store_get_organization (store, organization_id, NULL)) != NULL)
    return g_strdup (rapport_organization_get_name (organization));
  return g_strdup (rapport_contact_get_phone (contact));
}

gboolean
rapport_merge_describe (RapportStore   *store,
                        RapportEntity   entity,
                        gint64          id,
                        char          **name,
                        char          **detail)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  *name = NULL;
  *detail = NULL;
  if (entity == RAPPORT_ENTITY_ORGANIZATION)
    {
      g_autoptr(RapportOrganization) organization = rapport_store_get_organization (store, id, NULL);
      const char *website;

      if (organization == NULL)
        return FALSE;
      website = rapport_organization_get_website (organization);
      *name = g_strdup (rapport_organization_get_name (organization));
      *detail = g_strdup (!is_blank (website) ? website : rapport_organization_get_phone (organization));
      return TRUE;
    }

  {
    g_autoptr(RapportContact) contact = rapport_store_get_contact (store, id, NULL);

    if (contact == NULL)
      return FALSE;
    *name = g_strdup (rapport_contact_get_name (contact));
    *detail = contact_detail (store, contact);
    return TRUE;
  }
}

char *
rapport_merge_isolate (const char *text)
{
  /* FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE: the text's own
   * direction, left to right when it has no letters ("+1 555 0100"). */
  return text != NULL ? g_strdup_printf ("\u2068%s\u2069", text) : NULL;
}

void
rapport_merge_show_record (GtkLabel   *name_label,
                           GtkLabel   *detail_label,
                           const char *name,
                           const char *detail)
{
  g_autofree char *shown = rapport_merge_isolate (detail);

  gtk_label_set_label (name_label, name != NULL ? name : "");
  gtk_label_set_label (detail_label, shown != NULL ? shown : "");
  gtk_widget_set_visible (GTK_WIDGET (detail_label), detail != NULL && *detail != '\0');
}

char *
rapport_merge_reasons_text (RapportEntity           entity,
                            RapportDuplicateReasons reasons)
{
  g_autoptr(GPtrArray) sentences = g_ptr_array_new ();

  if (reasons & RAPPORT_DUPLICATE_EMAIL)
    g_ptr_array_add (sentences, _("Same e-mail address."));
  if (reasons & RAPPORT_DUPLICATE_PHONE)
    g_ptr_array_add (sentences, _("Same phone number."));
  if ((reasons & RAPPORT_DUPLICATE_NAME) && entity == RAPPORT_ENTITY_ORGANIZATION)
    g_ptr_array_add (sentences, _("Same name."));
  else if (reasons & RAPPORT_DUPLICATE_NAME)
    g_ptr_array_add (sentences, _("Same name in the same organization."));
  if (reasons & RAPPORT_DUPLICATE_WEBSITE)
    g_ptr_array_add (sentences, _("Same website."));
  g_ptr_array_add (sentences, NULL);

  /* Translators: between two sentences saying why two records look alike. */
  return g_strjoinv (C_("sentences", " "), (char **) sentences->pdata);
}

GStrv
rapport_merge_moves_sentences (RapportEntity            entity,
                               const RapportMergeMoves *moves,
                               const char              *keep_name)
{
  GPtrArray *sentences = g_ptr_array_new ();

  if (moves->deals > 0)
    g_ptr_array_add (sentences, g_strdup_printf (ngettext ("%u deal will move to “%s”.",
                                                             "%u deals will move to “%s”.", moves->deals),
                                                   moves->deals, keep_name));
  if (moves->activities > 0)
    g_ptr_array_add (sentences, g_strdup_printf (ngettext ("%u activity or follow-up will move to “%s”.",
                                                             "%u activities and follow-ups will move to “%s”.",
                                                             moves->activities),
                                                   moves->activities, keep_name));
  if (moves->notes > 0)
    g_ptr_array_add (sentences, g_strdup_printf (ngettext ("%u note will move to “%s”.",
                                                             "%u notes will move to “%s”.", moves->notes),
                                                   moves->notes, keep_name));
  if (moves->contacts > 0)
    g_ptr_array_add (sentences, g_strdup_printf (ngettext ("%u contact will move to “%s”.",
                                                             "%u contacts will move to “%s”.", moves->contacts),
                                                   moves->contacts, keep_name));
  if (moves->deals == 0 && moves->activities == 0 && moves->notes == 0 && moves->contacts == 0)
    g_ptr_array_add (sentences, g_strdup_printf (_("No deals, activities or notes move to “%s”."), keep_name));

  if (entity == RAPPORT_ENTITY_CONTACT)
    g_ptr_array_add (sentences, g_strdup (_("The e-mail addresses and phone numbers of both are kept.")));
  g_ptr_array_add (sentences, g_strdup_printf (_("A note on “%s” will say what was merged into it."), keep_name));

  g_ptr_array_add (sentences, NULL);
  return (GStrv) g_ptr_array_free (sentences, FALSE);
}
