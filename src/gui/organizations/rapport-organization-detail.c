/* rapport-organization-detail.c — one organization: its contacts, deals and won value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fields save as they are edited (rapport-edit.h). The lists are the
 * store's, which follow every change; the won totals are asked again when
 * a deal changes. A list shows its first rows only: a big customer may
 * have thousands of contacts, and a page is not the place to scroll them.
 */

#define G_LOG_DOMAIN "rapport-organization-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-conflict-list.h"
#include "rapport-deal-row.h"
#include "rapport-delete-dialog.h"
#include "rapport-edit.h"
#include "rapport-form.h"
#include "rapport-format.h"
#include "rapport-merge-dialog.h"
#include "rapport-notes-section.h"
#include "rapport-record-extras.h"
#include "rapport-organization-detail.h"

/* Rows made per list at most */
#define MAX_ROWS 50

struct _RapportOrganizationDetail
{
  AdwBin               parent_instance;

  /* Template widgets */
  RapportConflictList *conflict_list;
  GtkLabel            *name_label;
  GtkLabel            *won_total_label;
  GtkLabel            *won_count_label;
  GtkLabel            *open_count_label;
  AdwEntryRow         *name_row;
  GtkLabel            *name_message;
  AdwEntryRow         *website_row;
  GtkLabel            *website_message;
  AdwEntryRow         *phone_row;
  GtkLabel            *phone_message;
  AdwPreferencesGroup *contacts_group;
  GtkLabel            *contacts_count;
  GtkListBox          *contacts_list;
  AdwPreferencesGroup *deals_group;
  GtkLabel            *deals_count;
  GtkListBox          *deals_list;
  AdwBin              *notes_bin;
  AdwEntryRow         *address_row;
  GtkLabel            *address_message;
  AdwEntryRow         *industry_row;
  GtkLabel            *industry_message;
  AdwEntryRow         *size_row;
  GtkLabel            *size_message;
  AdwBin              *extras_bin;

  /* Owned */
  RapportContext      *context;
  RapportStore        *store;   /* the context's */
  RapportOrganization *organization;
  GListModel          *contacts;
  GListModel          *deals;

  gboolean             opened;      /* the focus has been in once */
};

G_DEFINE_FINAL_TYPE (RapportOrganizationDetail, rapport_organization_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CONTEXT,
  PROP_ORGANIZATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rapport_organization_detail_bind (RapportOrganizationDetail *self);
static void on_size_save (RapportOrganizationDetail *self);

/* The header and the totals */

static void
on_name_changed (RapportOrganizationDetail *self)
{
  g_assert (RAPPORT_IS_ORGANIZATION_DETAIL (self));

  gtk_label_set_label (self->name_label, rapport_organization_get_name (self->organization));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
update_totals (RapportOrganizationDetail *self)
{
  g_autofree char *total_text = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *open_text = NULL;
  guint n_won = 0;
  guint n_open = 0;
  gint64 total = 0;

  g_assert (RAPPORT_IS_ORGANIZATION_DETAIL (self));

  rapport_store_get_organization_won (self->store,
                                      rapport_record_get_id (RAPPORT_RECORD (self->organization)),
                                      &n_won, &total);

  /* Open deals come first in the list: count until the first closed one. */
  for (guint i = 0; i < g_list_model_get_n_items (self->deals); i++)
    {
      g_autoptr(RapportDeal) deal = g_list_model_get_item (self->deals, i);

      if (rapport_deal_get_status (deal) != RAPPORT_DEAL_STATUS_OPEN)
        break;
      n_open++;
    }

  total_text = rapport_format_money (total, rapport_store_get_default_currency (self->store));
  count_text = g_strdup_printf ("%u", n_won);
  open_text = g_strdup_printf ("%u", n_open);
  gtk_label_set_label (self->won_total_label, total_text);
  gtk_label_set_label (self->won_count_label, count_text);
  gtk_label_set_label (self->open_count_label, open_text);
}

static void
on_deal_notice (RapportOrganizationDetail *self,
                const RapportNotice       *notice,
                RapportStore              *store)
{
  update_totals (self);
}

/* Says how many there are, and when a list shows only the first ones. */
static void
update_group_description (AdwPreferencesGroup *group,
                          GtkLabel            *count,
                          GListModel          *model)
{
  guint n_items = g_list_model_get_n_items (model);
  g_autofree char *description = NULL;

  if (count != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%u", n_items);

      gtk_label_set_label (count, text);
      gtk_widget_set_visible (GTK_WIDGET (count), n_items > 0);
    }

  if (n_items > MAX_ROWS)
    /* Translators: under a list that shows the first %u of %u records */
    description = g_strdup_printf (_("The first %u of %u"), MAX_ROWS, n_items);

  adw_preferences_group_set_description (group, description);
}

static void
on_contacts_changed (RapportOrganizationDetail *self)
{
  update_group_description (self->contacts_group, self->contacts_count, self->contacts);
}

static void
on_deals_changed (RapportOrganizationDetail *self)
{
  update_group_description (self->deals_group, self->deals_count, self->deals);
  update_totals (self);
}

/* Rows */

static GtkWidget *
make_list_row (const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (icon, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
finish_list_row (GtkWidget *row)
{
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
}

/* A row's title and accessible name follow its record's @property. */
static void
sync_row_title (GtkWidget  *row,
                GParamSpec *pspec,
                GObject    *record)
{
  g_autofree char *title = NULL;

  g_object_get (record, pspec->name, &title, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  rapport_form_label_row (row);
}

static void
bind_row_title (GtkWidget  *row,
                GObject    *record,
                const char *property)
{
  g_autofree char *signal = g_strdup_printf ("notify::%s", property);

  g_signal_connect_object (record, signal, G_CALLBACK (sync_row_title), row, G_CONNECT_SWAPPED);
  sync_row_title (row, g_object_class_find_property (G_OBJECT_GET_CLASS (record), property), record);
}

static void
sync_contact_subtitle (GtkWidget      *row,
                       GParamSpec     *pspec,
                       RapportContact *contact)
{
  const char *email = rapport_contact_get_email (contact);

  if (email == NULL || *email == '\0')
    email = rapport_contact_get_phone (contact);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), email ? email : "");
}

static GtkWidget *
create_contact_row (gpointer item,
                    gpointer user_data)
{
  RapportContact *contact = item;
  GtkWidget *row = make_list_row ("avatar-default-symbolic");

  bind_row_title (row, G_OBJECT (contact), "name");
  g_signal_connect_object (contact, "notify::email", G_CALLBACK (sync_contact_subtitle), row,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (contact, "notify::phone", G_CALLBACK (sync_contact_subtitle), row,
                           G_CONNECT_SWAPPED);
  sync_contact_subtitle (row, NULL, contact);
  finish_list_row (row);

  return row;
}

static GtkWidget *
create_deal_row (gpointer item,
                 gpointer user_data)
{
  RapportOrganizationDetail *self = user_data;

  return rapport_deal_row_new (self->context, RAPPORT_DEAL (item));
}

static GtkWidget *
make_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);

  return label;
}

/* Binds @list to the first MAX_ROWS rows of @model. */
static void
bind_list (GtkListBox                 *list,
           GListModel                 *model,
           GtkListBoxCreateWidgetFunc  create,
           RapportOrganizationDetail  *self)
{
  g_autoptr(GtkSliceListModel) slice = gtk_slice_list_model_new (g_object_ref (model), 0, MAX_ROWS);

  gtk_list_box_bind_model (list, G_LIST_MODEL (slice), create, self, NULL);
}

/* Opening what a row shows */

static void
on_contact_activated (RapportOrganizationDetail *self,
                      GtkListBoxRow             *row,
                      GtkListBox                *list)
{
  g_autoptr(RapportRecord) contact = g_list_model_get_item (self->contacts,
                                                            gtk_list_box_row_get_index (row));

  if (contact != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-contact", "x",
                                rapport_record_get_id (contact));
}

/* Notes */

/* Focus */

static void
on_has_focus_changed (RapportOrganizationDetail *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
}

/* The window's stack moves the focus into a page it shows as if by Tab,
 * which would land in the Name field with its text selected: the next
 * key typed (to start a search, say) would replace the name. The first
 * time, the page itself takes the focus instead, with nothing to type
 * into; Tab goes on to the fields. */
static gboolean
rapport_organization_detail_focus (GtkWidget        *widget,
                                   GtkDirectionType  direction)
{
  RapportOrganizationDetail *self = RAPPORT_ORGANIZATION_DETAIL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (!self->opened && root != NULL &&
      direction == GTK_DIR_TAB_FORWARD && gtk_widget_get_focus_child (widget) == NULL)
    {
      self->opened = TRUE;
      gtk_widget_set_focusable (widget, TRUE);
      gtk_root_set_focus (root, widget);
      if (gtk_widget_has_focus (widget))
        return TRUE;
      gtk_widget_set_focusable (widget, FALSE);
    }

  self->opened = TRUE;

  return GTK_WIDGET_CLASS (rapport_organization_detail_parent_class)->focus (widget, direction);
}

static void
rapport_organization_detail_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  RapportOrganizationDetail *self = RAPPORT_ORGANIZATION_DETAIL (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->organization != NULL
                                 ? rapport_organization_get_name (self->organization)
                                 : NULL);
      break;
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_ORGANIZATION:
      g_value_set_object (value, self->organization);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_organization_detail_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  RapportOrganizationDetail *self = RAPPORT_ORGANIZATION_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      self->store = g_object_ref (rapport_context_get_store (self->context));
      break;

    case PROP_ORGANIZATION:
      self->organization = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_organization_detail_constructed (GObject *object)
{
  RapportOrganizationDetail *self = RAPPORT_ORGANIZATION_DETAIL (object);

  G_OBJECT_CLASS (rapport_organization_detail_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_CONTEXT (self->context));
  g_assert (RAPPORT_IS_ORGANIZATION (self->organization));

  rapport_organization_detail_bind (self);
}

static void
rapport_organization_detail_dispose (GObject *object)
{
  RapportOrganizationDetail *self = RAPPORT_ORGANIZATION_DETAIL (object);

  if (self->contacts_list != NULL)
    {
      gtk_list_box_bind_model (self->contacts_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->deals_list, NULL, NULL, NULL, NULL);
    }

  g_clear_object (&self->contacts);
  g_clear_object (&self->deals);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  if (self->organization != NULL)
    g_signal_handlers_disconnect_by_data (self->organization, self);
  g_clear_object (&self->organization);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_ORGANIZATION_DETAIL);

  G_OBJECT_CLASS (rapport_organization_detail_parent_class)->dispose (object);
}

/* Merge With…: the other one is picked, then the merge dialog. */
static void
rapport_organization_detail_merge_with_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *parameter)
{
  RapportOrganizationDetail *self = RAPPORT_ORGANIZATION_DETAIL (widget);

  rapport_merge_dialog_choose (self->context, widget, RAPPORT_ENTITY_ORGANIZATION,
                               rapport_record_get_id (RAPPORT_RECORD (self->organization)));
}

static void
rapport_organization_detail_delete_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  RapportOrganizationDetail *self = RAPPORT_ORGANIZATION_DETAIL (widget);

  rapport_delete_dialog_ask (self->context, widget, RAPPORT_ENTITY_ORGANIZATION,
                             rapport_record_get_id (RAPPORT_RECORD (self->organization)),
                             rapport_organization_get_name (self->organization));
}

static void
rapport_organization_detail_class_init (RapportOrganizationDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_organization_detail_dispose;
  object_class->constructed = rapport_organization_detail_constructed;
  object_class->get_property = rapport_organization_detail_get_property;
  object_class->set_property = rapport_organization_detail_set_property;
  widget_class->focus = rapport_organization_detail_focus;

  /**
   * RapportOrganizationDetail:title:
   *
   * The organization's name, for the header bar.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportOrganizationDetail:context:
   *
   * The store, the undo history and the toasts of the window shown in.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RapportOrganizationDetail:organization:
   *
   * The organization shown.
   */
  properties[PROP_ORGANIZATION] =
    g_param_spec_object ("organization", NULL, NULL,
                         RAPPORT_TYPE_ORGANIZATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "organization.merge-with", NULL, rapport_organization_detail_merge_with_action);
  gtk_widget_class_install_action (widget_class, "organization.delete", NULL, rapport_organization_detail_delete_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportcrm/Rapport/ui/organizations/organization-detail.ui");
  g_type_ensure (RAPPORT_TYPE_CONFLICT_LIST);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, conflict_list);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, won_total_label);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, won_count_label);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, open_count_label);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, name_row);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, name_message);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, website_row);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, website_message);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, phone_message);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, contacts_count);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, deals_group);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, deals_count);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, deals_list);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, notes_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, address_row);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, address_message);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, industry_row);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, industry_message);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, size_row);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, size_message);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganizationDetail, extras_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_size_save);
  gtk_widget_class_bind_template_callback (widget_class, on_contact_activated);
}

static void
rapport_organization_detail_init (RapportOrganizationDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::has-focus", G_CALLBACK (on_has_focus_changed), NULL);

  rapport_form_label_row (self->name_row);
  rapport_form_label_row (self->website_row);
  rapport_form_label_row (self->phone_row);
  rapport_form_label_row (self->address_row);
  rapport_form_label_row (self->industry_row);
  rapport_form_label_row (self->size_row);

  gtk_list_box_set_placeholder (self->contacts_list, make_placeholder (_("No contacts")));
  gtk_list_box_set_placeholder (self->deals_list, make_placeholder (_("No deals")));
}

/* Size: a whole number of employees, saved on Enter and when focus
 * leaves; empty for not known. */

static void
show_size_message (RapportOrganizationDetail *self,
                   const char                *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->size_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->size_row), "error");
  gtk_label_set_label (self->size_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->size_message), message != NULL);
}

static void
sync_size (RapportOrganizationDetail *self)
{
  gint64 size = rapport_organization_get_size (self->organization);
  g_autofree char *text = size > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, size) : g_strdup ("");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->size_row)))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->size_row), text);
      rapport_edit_set_synced_text (GTK_WIDGET (self->size_row), text);
    }
}

static void
on_size_save (RapportOrganizationDetail *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->size_row))));
  g_autoptr(GError) error = NULL;
  gint64 size = 0;

  if (*text != '\0' && !rapport_id_parse (text, &size) && g_strcmp0 (text, "0") != 0)
    {
      show_size_message (self, _("A size is a whole number of employees, as in 250."));
      return;
    }
  if (size == rapport_organization_get_size (self->organization))
    {
      show_size_message (self, NULL);
      return;
    }
  if (!rapport_edit_set_int64 (self->context, RAPPORT_RECORD (self->organization), "size", size, &error))
    {
      show_size_message (self, error->message);
      return;
    }
  show_size_message (self, NULL);
}

static void
rapport_organization_detail_bind (RapportOrganizationDetail *self)
{
  GtkEventController *focus;
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (self->organization));

  g_assert (RAPPORT_IS_ORGANIZATION_DETAIL (self));

  rapport_edit_bind_text (self->context, GTK_WIDGET (self->name_row), self->name_message,
                          RAPPORT_RECORD (self->organization), "name");
  rapport_edit_bind_text (self->context, GTK_WIDGET (self->website_row), self->website_message,
                          RAPPORT_RECORD (self->organization), "website");
  rapport_edit_bind_text (self->context, GTK_WIDGET (self->phone_row), self->phone_message,
                          RAPPORT_RECORD (self->organization), "phone");
  rapport_edit_bind_text (self->context, GTK_WIDGET (self->address_row), self->address_message,
                          RAPPORT_RECORD (self->organization), "address");
  rapport_edit_bind_text (self->context, GTK_WIDGET (self->industry_row), self->industry_message,
                          RAPPORT_RECORD (self->organization), "industry");
  rapport_edit_take_undo (self->context, GTK_WIDGET (self->size_row));
  sync_size (self);
  g_signal_connect_object (self->organization, "notify::size", G_CALLBACK (sync_size), self,
                           G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_size_save), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->size_row), focus);
  adw_bin_set_child (self->extras_bin, rapport_record_extras_new (self->context, RAPPORT_RECORD (self->organization)));

  g_signal_connect_object (self->organization, "notify::name", G_CALLBACK (on_name_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_label_set_label (self->name_label, rapport_organization_get_name (self->organization));

  self->contacts = rapport_store_get_organization_contacts (self->store, id);
  self->deals = rapport_store_get_organization_deals (self->store, id);

  bind_list (self->contacts_list, self->contacts, create_contact_row, self);
  bind_list (self->deals_list, self->deals, create_deal_row, self);
  adw_bin_set_child (self->notes_bin,
                     rapport_notes_section_new (self->context, RAPPORT_RECORD (self->organization)));
  rapport_conflict_list_bind (self->conflict_list, self->context, RAPPORT_RECORD (self->organization));

  g_signal_connect_object (self->contacts, "items-changed", G_CALLBACK (on_contacts_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->deals, "items-changed", G_CALLBACK (on_deals_changed), self,
                           G_CONNECT_SWAPPED);
  /* A deal won or lost changes the totals without leaving the list. */
  g_signal_connect_object (self->store, "notice::deal", G_CALLBACK (on_deal_notice), self,
                           G_CONNECT_SWAPPED);

  on_contacts_changed (self);
  on_deals_changed (self);
}

GtkWidget *
rapport_organization_detail_new (RapportContext      *context,
                                 RapportOrganization *organization)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (RAPPORT_IS_ORGANIZATION (organization), NULL);

  return g_object_new (RAPPORT_TYPE_ORGANIZATION_DETAIL,
                       "context", context,
                       "organization", organization,
                       NULL);
}

RapportOrganization *
rapport_organization_detail_get_organization (RapportOrganizationDetail *self)
{
  g_return_val_if_fail (RAPPORT_IS_ORGANIZATION_DETAIL (self), NULL);

  return self->organization;
}
