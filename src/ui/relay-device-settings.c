/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-device-settings"

#include "config.h"

#include <glib/gi18n.h>

#include "relay-device-panel.h"
#include "relay-device-settings.h"
#include "relay-errors.h"
#include "relay-sharing-group.h"

/**
 * RelayDeviceSettings:
 *
 * The "Manage" section of a device page. Renaming, channel names, the
 * group and removal are calls the owner makes through CkClient, which
 * applies each to the models once the cloud took it, so every view follows.
 * A device shared with us shows who shared it and what they allow, and
 * nothing only the owner may do.
 */
struct _RelayDeviceSettings
{
  RelayDevicePanel     parent_instance;

  GtkWidget           *name_row;
  GPtrArray           *channel_rows;
  AdwComboRow         *group_row;
  GtkStringList       *group_names;
  GPtrArray           *group_ids;    /* index in group_row → id, NULL for none */
  gboolean             syncing;
};

G_DEFINE_FINAL_TYPE (RelayDeviceSettings, relay_device_settings, RELAY_TYPE_DEVICE_PANEL)

/* NULL once the section is disposed. */
#define CLIENT(self)      relay_device_panel_get_client (RELAY_DEVICE_PANEL (self))
#define DEVICE(self)      relay_device_panel_get_device (RELAY_DEVICE_PANEL (self))
#define CANCELLABLE(self) relay_device_panel_get_cancellable (RELAY_DEVICE_PANEL (self))

/* ------------------------------------------------------------------ name */

static void
sync_name (RelayDeviceSettings *self)
{
  if (self->name_row != NULL && DEVICE (self) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), ck_device_get_name (DEVICE (self)));
}

static void
renamed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RelayDeviceSettings) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ck_client_rename_device_finish (CK_CLIENT (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      relay_error_toast (GTK_WIDGET (self), _("The device was not renamed"), error);
      sync_name (self);
    }
}

static void
on_name_apply_cb (RelayDeviceSettings *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  if (name[0] == '\0' || g_str_equal (name, ck_device_get_name (DEVICE (self))))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), ck_device_get_name (DEVICE (self)));
      return;
    }
  ck_client_rename_device_async (CLIENT (self), DEVICE (self), name, CANCELLABLE (self),
                                 renamed_cb, g_object_ref (self));
}

/* --------------------------------------------------------- channel names */

static void
channels_named_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RelayDeviceSettings) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ck_client_set_channel_names_finish (CK_CLIENT (object), result, &error))
    relay_error_toast (GTK_WIDGET (self), _("The channel names were not saved"), error);
}

/* The cloud replaces all names at once: send every row. */
static void
on_channel_name_apply_cb (RelayDeviceSettings *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->channel_rows->len; i++)
    g_ptr_array_add (names, g_strstrip (g_strdup (gtk_editable_get_text (g_ptr_array_index (self->channel_rows, i)))));
  g_ptr_array_add (names, NULL);
  ck_client_set_channel_names_async (CLIENT (self), DEVICE (self), (const char * const *) names->pdata,
                                     CANCELLABLE (self), channels_named_cb, g_object_ref (self));
}

/* ----------------------------------------------------------------- group */

static void
sync_group (RelayDeviceSettings *self)
{
  GListModel *groups;
  guint selected = 0;

  if (self->group_row == NULL || DEVICE (self) == NULL)
    return;

  groups = G_LIST_MODEL (ck_client_get_groups (CLIENT (self)));
  self->syncing = TRUE;
  g_ptr_array_set_size (self->group_ids, 0);
  gtk_string_list_splice (self->group_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->group_names)), NULL);
  gtk_string_list_append (self->group_names, _("None"));
  g_ptr_array_add (self->group_ids, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(CkGroup) group = g_list_model_get_item (groups, i);

      gtk_string_list_append (self->group_names, ck_group_get_name (group));
      g_ptr_array_add (self->group_ids, g_strdup (ck_group_get_id (group)));
      if (selected == 0 && ck_device_is_in_group (DEVICE (self), ck_group_get_id (group)))
        selected = i + 1;
    }
  adw_combo_row_set_selected (self->group_row, selected);
  self->syncing = FALSE;
}

static void
moved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RelayDeviceSettings) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ck_client_move_device_to_group_finish (CK_CLIENT (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      relay_error_toast (GTK_WIDGET (self), _("The device was not moved"), error);
      sync_group (self);
    }
}

static void
on_group_selected_cb (RelayDeviceSettings *self)
{
  guint selected = adw_combo_row_get_selected (self->group_row);
  const char * const *current = ck_device_get_groups (DEVICE (self));
  const char *target;

  if (self->syncing || selected >= self->group_ids->len)
    return;

  target = g_ptr_array_index (self->group_ids, selected);
  if (target == NULL && current[0] == NULL)
    return;
  if (target != NULL && ck_device_is_in_group (DEVICE (self), target))
    return;

  /* One group at a time, as the sidebar shows them. */
  ck_client_move_device_to_group_async (CLIENT (self), DEVICE (self), current[0], target,
                                        target != NULL ? CK_GROUP_MOVE_REPLACE_ALL : CK_GROUP_MOVE_REPLACE_SOURCE,
                                        CANCELLABLE (self), moved_cb, g_object_ref (self));
}

/* ---------------------------------------------------------------- remove */

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RelayDeviceSettings) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ck_client_delete_device_finish (CK_CLIENT (object), result, &error))
    {
      relay_error_toast (GTK_WIDGET (self), _("The device was not removed"), error);
      return;
    }
  /* The list has let it go already: leave the page of a device that is gone. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.back", NULL);
}

static void
on_remove_response_cb (RelayDeviceSettings *self,
                       const char          *response)
{
  if (g_strcmp0 (response, "remove") != 0)
    return;
  ck_client_delete_device_async (CLIENT (self), DEVICE (self), CANCELLABLE (self),
                                 removed_cb, g_object_ref (self));
}

static void
on_remove_clicked_cb (RelayDeviceSettings *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (relay_device_panel_get_window (RELAY_DEVICE_PANEL (self)),
                                   _("Remove Device?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” leaves this account and everyone it is shared with. Adding it again needs the eWeLink app."),
                                  ck_device_get_name (DEVICE (self)));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ----------------------------------------------------------------- build */

static GtkWidget *
add_entry_row (RelayDeviceSettings *self,
               const char          *name,
               const char          *title,
               const char          *text,
               GCallback            apply)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect_object (row, "apply", apply, self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  return row;
}

static void
build_shared (RelayDeviceSettings *self,
              CkShare             *sharer)
{
  const char *who = ck_share_get_identity (sharer);
  g_autofree char *title = NULL;
  g_autofree char *permit = relay_permit_describe (ck_device_get_permit (DEVICE (self)));
  GtkWidget *row = adw_action_row_new ();

  if (who == NULL)
    who = ck_share_get_nickname (sharer) != NULL ? ck_share_get_nickname (sharer) : ck_share_get_apikey (sharer);
  /* Translators: %s is the other account's e-mail address or phone number */
  title = g_strdup_printf (_("Shared by %s"), who);
  gtk_widget_set_name (row, "shared-by");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), permit);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
}

static void
build_owned (RelayDeviceSettings *self)
{
  guint n_channels = ck_device_get_n_channels (DEVICE (self));
  GtkWidget *row, *button;

  self->name_row = add_entry_row (self, "rename", _("Name"), ck_device_get_name (DEVICE (self)),
                                  G_CALLBACK (on_name_apply_cb));

  for (guint i = 0; n_channels > 1 && i < n_channels; i++)
    {
      g_autofree char *name = g_strdup_printf ("channel-name-%u", i + 1);
      g_autofree char *title = g_strdup_printf (_("Name of Channel %u"), i + 1);
      g_autofree char *text = ck_device_dup_channel_name (DEVICE (self), i);

      g_ptr_array_add (self->channel_rows,
                       add_entry_row (self, name, title, text, G_CALLBACK (on_channel_name_apply_cb)));
    }

  self->group_names = gtk_string_list_new (NULL);
  self->group_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->group_row), "group");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->group_row), _("Group"));
  adw_combo_row_set_model (self->group_row, G_LIST_MODEL (self->group_names));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->group_row));
  sync_group (self);
  g_signal_connect_object (self->group_row, "notify::selected", G_CALLBACK (on_group_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (ck_client_get_groups (CLIENT (self)), "items-changed", G_CALLBACK (sync_group), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (DEVICE (self), "notify::groups", G_CALLBACK (sync_group), self, G_CONNECT_SWAPPED);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Remove Device"));
  button = gtk_button_new_with_mnemonic (_("_Remove…"));
  gtk_widget_set_name (button, "remove");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
}

/* ---------------------------------------------------------------- GObject */

static void
relay_device_settings_dispose (GObject *object)
{
  RelayDeviceSettings *self = RELAY_DEVICE_SETTINGS (object);

  g_clear_object (&self->group_names);
  g_clear_pointer (&self->group_ids, g_ptr_array_unref);
  g_clear_pointer (&self->channel_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (relay_device_settings_parent_class)->dispose (object);
}

static void
relay_device_settings_class_init (RelayDeviceSettingsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = relay_device_settings_dispose;
}

static void
relay_device_settings_init (RelayDeviceSettings *self)
{
  self->channel_rows = g_ptr_array_new ();
  self->group_ids = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
relay_device_settings_new (CkClient *client,
                           CkDevice *device)
{
  RelayDeviceSettings *self;
  CkShare *sharer;

  g_return_val_if_fail (CK_IS_CLIENT (client), NULL);
  g_return_val_if_fail (CK_IS_DEVICE (device), NULL);

  self = g_object_new (RELAY_TYPE_DEVICE_SETTINGS,
                       "client", client,
                       "device", device,
                       "title", _("Manage"),
                       NULL);

  sharer = ck_device_get_shared_by (device);
  if (sharer != NULL)
    build_shared (self, sharer);
  else
    build_owned (self);
  g_signal_connect_object (device, "notify::name", G_CALLBACK (sync_name), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}
