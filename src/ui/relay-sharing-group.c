/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-sharing-group"

#include "config.h"

#include <glib/gi18n.h>

#include "relay-device-panel.h"
#include "relay-errors.h"
#include "relay-share-editor.h"
#include "relay-sharing-group.h"

/**
 * RelaySharingGroup:
 *
 * The sharing section of the page of a device we own: the accounts it is
 * shared with and what they may do with its timers, a way to change that
 * or stop sharing, and a button to share it with another account. The
 * client keeps the device's "shares" current after each change, and the
 * rows follow them.
 */
struct _RelaySharingGroup
{
  RelayDevicePanel    parent_instance;
};

G_DEFINE_FINAL_TYPE (RelaySharingGroup, relay_sharing_group, RELAY_TYPE_DEVICE_PANEL)

#define PANEL(self) RELAY_DEVICE_PANEL (self)

char *
relay_permit_describe (CkPermit permit)
{
  static const struct { CkPermit bit; const char *word; } words[] = {
    { CK_PERMIT_ADD_TIMER, N_("add") },
    { CK_PERMIT_EDIT_TIMER, N_("edit") },
    { CK_PERMIT_DELETE_TIMER, N_("delete") },
    { CK_PERMIT_ENABLE_TIMER, N_("turn on and off") },
  };
  g_autoptr(GString) list = g_string_new (NULL);

  if (permit == CK_PERMIT_NONE)
    return g_strdup (_("Cannot change timers"));
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (ck_permit_has (permit, words[i].bit))
      {
        if (list->len > 0)
          g_string_append (list, ", ");
        g_string_append (list, _(words[i].word));
      }
  /* Translators: %s is a list such as "add, edit, turn on and off" */
  return g_strdup_printf (_("Timers: may %s"), list->str);
}

static void
open_editor (RelaySharingGroup *self,
             CkShare           *share)
{
  gtk_window_present (GTK_WINDOW (relay_share_editor_new (relay_device_panel_get_window (PANEL (self)),
                                                          relay_device_panel_get_client (PANEL (self)),
                                                          relay_device_panel_get_device (PANEL (self)),
                                                          share)));
}

static void
on_share_clicked_cb (RelaySharingGroup *self)
{
  open_editor (self, NULL);
}

static void
on_edit_clicked_cb (RelaySharingGroup *self,
                    GtkButton         *button)
{
  open_editor (self, relay_row_widget_get_item (GTK_WIDGET (button)));
}

static void
cancelled_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RelaySharingGroup) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ck_client_cancel_share_finish (CK_CLIENT (object), result, &error))
    {
      relay_error_toast (GTK_WIDGET (self), _("Sharing did not stop"), error);
      /* The button can be used again. */
      relay_device_panel_schedule_rebuild (PANEL (self));
    }
}

static void
on_stop_clicked_cb (RelaySharingGroup *self,
                    GtkButton         *button)
{
  CkShare *share = relay_row_widget_get_item (GTK_WIDGET (button));

  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  ck_client_cancel_share_async (relay_device_panel_get_client (PANEL (self)),
                                relay_device_panel_get_device (PANEL (self)),
                                ck_share_get_apikey (share),
                                relay_device_panel_get_cancellable (PANEL (self)),
                                cancelled_cb, g_object_ref (self));
}

static void
relay_sharing_group_rebuild (RelayDevicePanel *section)
{
  GPtrArray *shares = ck_device_get_shares (relay_device_panel_get_device (section));

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (section),
                                         shares->len == 0 ? _("Not shared with anyone.") : NULL);
  for (guint i = 0; i < shares->len; i++)
    {
      CkShare *share = g_ptr_array_index (shares, i);
      const char *identity = ck_share_get_identity (share);
      g_autofree char *name = g_strdup_printf ("share-%u", i + 1);
      g_autofree char *permit = relay_permit_describe (ck_share_get_permit (share));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *edit = relay_row_button_new ("document-edit-symbolic", "edit", _("Change Permissions"), share,
                                              (GBoxedCopyFunc) ck_share_ref, (GDestroyNotify) ck_share_unref);
      GtkWidget *stop = relay_row_button_new ("user-trash-symbolic", "stop", _("Stop Sharing"), share,
                                              (GBoxedCopyFunc) ck_share_ref, (GDestroyNotify) ck_share_unref);

      gtk_widget_set_name (row, name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     identity != NULL ? identity
                                     : ck_share_get_nickname (share) != NULL ? ck_share_get_nickname (share)
                                     : ck_share_get_apikey (share));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), permit);
      g_signal_connect_object (edit, "clicked", G_CALLBACK (on_edit_clicked_cb), section, G_CONNECT_SWAPPED);
      g_signal_connect_object (stop, "clicked", G_CALLBACK (on_stop_clicked_cb), section, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), stop);
      relay_device_panel_add_row (section, row);
    }
}

static void
relay_sharing_group_class_init (RelaySharingGroupClass *klass)
{
  RELAY_DEVICE_PANEL_CLASS (klass)->rebuild = relay_sharing_group_rebuild;
}

static void
relay_sharing_group_init (RelaySharingGroup *self)
{
}

GtkWidget *
relay_sharing_group_new (CkClient *client,
                         CkDevice *device)
{
  RelaySharingGroup *self;
  GtkWidget *share;

  g_return_val_if_fail (CK_IS_CLIENT (client), NULL);
  g_return_val_if_fail (CK_IS_DEVICE (device), NULL);

  self = g_object_new (RELAY_TYPE_SHARING_GROUP,
                       "client", client,
                       "device", device,
                       "title", _("Sharing"),
                       NULL);

  share = gtk_button_new_with_mnemonic (_("S_hare…"));
  gtk_widget_set_name (share, "share");
  gtk_widget_add_css_class (share, "flat");
  gtk_widget_set_valign (share, GTK_ALIGN_CENTER);
  g_signal_connect_object (share, "clicked", G_CALLBACK (on_share_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), share);

  g_signal_connect_object (device, "notify::shares", G_CALLBACK (relay_device_panel_schedule_rebuild), self,
                           G_CONNECT_SWAPPED);
  relay_device_panel_rebuild (PANEL (self));

  return GTK_WIDGET (self);
}
