/* rapport-vcard-export.c — contacts as vCard 3.0
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written by hand rather than with EVCard: the cards are few lines each,
 * and the reader beside them (src/model/import/rapport-vcard-reader.c)
 * reads them back; the tests also read them with what GNOME Contacts
 * reads them with when libebook-contacts is there.
 */

#define G_LOG_DOMAIN "rapport-export"

#include "config.h"

#include <string.h>

#include "rapport-vcard-export.h"

#define FOLD_AT 75

/* Appends @line folded at FOLD_AT bytes, never inside a UTF-8 sequence,
 * with CR LF. */
static void
append_folded (GString    *out,
               const char *line)
{
  gsize len = strlen (line);
  gsize start = 0;
  gsize width = FOLD_AT;

  while (len - start > width)
    {
      gsize end = start + width;

      while (end > start && ((guchar) line[end] & 0xc0) == 0x80)
        end--;
      g_string_append_len (out, line + start, (gssize) (end - start));
      g_string_append (out, "\r\n ");
      start = end;
      width = FOLD_AT - 1;  /* the space that starts the next line counts */
    }
  g_string_append (out, line + start);
  g_string_append (out, "\r\n");
}

/* Text as RFC 2426 escapes it. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case ',': g_string_append (out, "\\,"); break;
        case ';': g_string_append (out, "\\;"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

static void
add_property (GString    *card,
              const char *head,
              const char *text)
{
  g_autoptr(GString) line = NULL;

  if (text == NULL || *text == '\0')
    return;
  line = g_string_new (head);
  g_string_append_c (line, ':');
  append_escaped (line, text);
  append_folded (card, line->str);
}

/* The address in ADR's street part, its lines kept ("\n"): nothing of it
 * is split into city and code by guessing. */
static void
add_address (GString    *card,
             const char *address)
{
  g_autoptr(GString) line = NULL;

  if (address == NULL || *address == '\0')
    return;
  line = g_string_new ("ADR:;;");
  append_escaped (line, address);
  g_string_append (line, ";;;;");
  append_folded (card, line->str);
}

/* CATEGORIES:a,b — each tag escaped, the commas between them not. */
static void
add_categories (GString            *card,
                const char * const *tags)
{
  g_autoptr(GString) line = NULL;

  if (tags == NULL || tags[0] == NULL)
    return;
  line = g_string_new ("CATEGORIES:");
  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (line, ',');
      append_escaped (line, tags[i]);
    }
  append_folded (card, line->str);
}

/* N from a name written in one field: the last word is the family name,
 * the words before it the given names ("Ada King Lovelace" →
 * "Lovelace;Ada King;;;"). */
static void
add_n (GString    *card,
       const char *name)
{
  g_autoptr(GString) line = g_string_new ("N:");
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  const char *space = strrchr (stripped, ' ');

  if (space == NULL)
    append_escaped (line, stripped);
  else
    {
      g_autofree char *given = g_strndup (stripped, space - stripped);

      append_escaped (line, space + 1);
      g_string_append_c (line, ';');
      append_escaped (line, g_strstrip (given));
    }
  g_string_append (line, space ? ";;;" : ";;;;");
  append_folded (card, line->str);
}

static const char *
vcard_type (const char *label,
            gboolean    is_phone)
{
  if (g_strcmp0 (label, "work") == 0)
    return "WORK";
  if (g_strcmp0 (label, "home") == 0)
    return "HOME";
  if (g_strcmp0 (label, "mobile") == 0)
    return "CELL";
  return is_phone ? "VOICE" : NULL;
}

static void
add_values (GString    *card,
            GPtrArray  *values,
            gboolean    is_phone)
{
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const RapportContactValue *value = values->pdata[i];
      const char *type = vcard_type (value->label, is_phone);
      g_autoptr(GString) head = g_string_new (is_phone ? "TEL;TYPE=" : "EMAIL;TYPE=INTERNET");

      if (type != NULL)
        g_string_append_printf (head, "%s%s", is_phone ? "" : ",", type);
      if (i == 0)
        g_string_append (head, ",PREF");
      add_property (card, head->str, value->value);
    }
}

static void
add_notes (GString    *card,
           GListModel *notes)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (notes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportNote) note = g_list_model_get_item (notes, i);

      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, rapport_note_get_body (note));
    }
  add_property (card, "NOTE", text->str);
}

static void
add_photo (GString    *card,
           GBytes     *photo,
           const char *mime_type)
{
  g_autoptr(GString) line = g_string_new ("PHOTO;ENCODING=b;TYPE=");
  g_autofree char *type = g_ascii_strup (g_str_has_prefix (mime_type, "image/") ? mime_type + 6 : mime_type, -1);
  g_autofree char *base64 = NULL;
  gsize len;
  gconstpointer data = g_bytes_get_data (photo, &len);

  base64 = g_base64_encode (data, len);
  g_string_append_printf (line, "%s:%s", type, base64);
  append_folded (card, line->str);
}

/* The contact's external id (the UID it came with), else one made from
 * what never changes about it: its id and when it was created, hashed
 * into the form of a UUID. */
static char *
stable_uid (RapportContact *contact)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_autofree char *seed = NULL;
  guint8 digest[20];
  gsize len = sizeof digest;

  if (rapport_contact_get_external_id (contact) != NULL)
    return g_strdup (rapport_contact_get_external_id (contact));

  seed = g_strdup_printf ("rapport-contact:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                          rapport_record_get_id (RAPPORT_RECORD (contact)),
                          rapport_contact_get_created_at (contact));
  g_checksum_update (checksum, (const guchar *) seed, -1);
  g_checksum_get_digest (checksum, digest, &len);
  /* A name-based UUID (version 5, RFC 4122 variant). */
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static void
add_rev (GString        *card,
         RapportContact *contact)
{
  gint64 at = rapport_contact_get_updated_at (contact);
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (at ? at : rapport_contact_get_created_at (contact));
  g_autofree char *rev = time ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ") : NULL;

  if (rev != NULL)
    g_string_append_printf (card, "REV:%s\r\n", rev);
}

char *
rapport_vcard_export_contact (RapportStore    *store,
                              RapportContact  *contact,
                              GError         **error)
{
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (contact));
  gint64 organization_id = rapport_contact_get_organization_id (contact);
  g_autoptr(RapportOrganization) organization = NULL;
  g_autoptr(GPtrArray) emails = NULL;
  g_autoptr(GPtrArray) phones = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_auto(GStrv) tags = NULL;
  g_autoptr(GBytes) photo = NULL;
  g_autofree char *photo_type = NULL;
  g_autofree char *uid = stable_uid (contact);
  GError *local_error = NULL;
  GString *card;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (RAPPORT_IS_CONTACT (contact), NULL);

  if ((emails = rapport_store_get_contact_emails (store, id, error)) == NULL ||
      (phones = rapport_store_get_contact_phones (store, id, error)) == NULL)
    return NULL;
  photo = rapport_store_get_contact_photo (store, id, &photo_type, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (organization_id != 0 &&
      (organization = rapport_store_get_organization (store, organization_id, error)) == NULL)
    return NULL;
  notes = rapport_store_get_contact_notes (store, id);
  if ((tags = rapport_store_get_tags (store, RAPPORT_ENTITY_CONTACT, id, error)) == NULL)
    return NULL;

  card = g_string_new ("BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Rapport//Rapport " PACKAGE_VERSION "//EN\r\n");
  add_property (card, "UID", uid);
  add_property (card, "FN", rapport_contact_get_name (contact));
  add_n (card, rapport_contact_get_name (contact));
  if (organization != NULL)
    add_property (card, "ORG", rapport_organization_get_name (organization));
  add_property (card, "TITLE", rapport_contact_get_title (contact));
  add_address (card, rapport_contact_get_address (contact));
  add_property (card, "BDAY", rapport_contact_get_birthday (contact));
  add_categories (card, (const char * const *) tags);
  add_values (card, emails, FALSE);
  add_values (card, phones, TRUE);
  add_notes (card, notes);
  if (photo != NULL)
    add_photo (card, photo, photo_type);
  add_rev (card, contact);
  g_string_append (card, "END:VCARD\r\n");

  return g_string_free (card, FALSE);
}

typedef struct
{
  RapportStore     *store;
  RapportExportSink sink;
  gpointer          user_data;
  guint             n;
} Export;

static gboolean
export_one (gpointer   record,
            gpointer   user_data,
            GError   **error)
{
  Export *export = user_data;
  g_autofree char *card = rapport_vcard_export_contact (export->store, record, error);

  if (card == NULL || !export->sink (card, strlen (card), export->user_data, error))
    return FALSE;
  export->n++;
  return TRUE;
}

gboolean
rapport_vcard_export_contacts (RapportStore      *store,
                               RapportExportSink  sink,
                               gpointer           user_data,
                               guint             *n_contacts,
                               GError           **error)
{
  Export export = { store, sink, user_data, 0 };
  gboolean done;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);

  done = rapport_store_foreach_contact (store, export_one, &export, error);
  if (n_contacts != NULL)
    *n_contacts = export.n;
  return done;
}
