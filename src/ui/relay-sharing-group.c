/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-sharing-group"

#include "config.h"

#include <glib/gi18n.h>

#include "relay-errors.h"
#include "relay-share-editor.h"
#include "relay-sharing-group.h"

/**
 * RelaySharingGroup:
 *
 * The sharing section of the page of a device we own: the accounts it is
 * shared with and what they may do with its timers, a way to change that
 * or stop sharing, and a button to share it with another account.
 */
struct _RelaySharingGroup
{
  AdwPreferencesGroup  parent_instance;

  CkClient            *client;
  CkDevice            *device;
  GCancellable        *cancellable;
  GPtrArray           *rows;
  guint                rebuild_id;
};

G_DEFINE_FINAL_TYPE (RelaySharingGroup, relay_sharing_group, ADW_TYPE_PREFERENCES_GROUP)

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

static GtkWindow *
parent_window (RelaySharingGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static CkShare *
button_share (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (button), "share");
}

static void
on_share_clicked_cb (RelaySharingGroup *self)
{
  gtk_window_present (GTK_WINDOW (relay_share_editor_new (parent_window (self), self->client,
                                                          self->device, NULL)));
}

static void
on_edit_clicked_cb (RelaySharingGroup *self,
                    GtkButton         *button)
{
  gtk_window_present (GTK_WINDOW (relay_share_editor_new (parent_window (self), self->client,
                                                          self->device, button_share (GTK_WIDGET (button)))));
}

static void
cancelled_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RelaySharingGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (ck_client_cancel_share_finish (CK_CLIENT (object), result, &error))
    {
      ck_client_refresh_async (self->client, NULL, NULL, NULL);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  title = g_markup_printf_escaped (_("Sharing did not stop: %s"), relay_error_describe (error));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", title);
}

static void
on_stop_clicked_cb (RelaySharingGroup *self,
                    GtkButton         *button)
{
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  ck_client_cancel_share_async (self->client, self->device, ck_share_get_apikey (button_share (GTK_WIDGET (button))),
                                self->cancellable, cancelled_cb, g_object_ref (self));
}

static GtkWidget *
share_button (const char *icon_name,
              const char *name,
              const char *label,
              CkShare    *share)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "share", ck_share_ref (share), (GDestroyNotify) ck_share_unref);
  return button;
}

static void
rebuild (RelaySharingGroup *self)
{
  GPtrArray *shares = ck_device_get_shares (self->device);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         shares->len == 0 ? _("Not shared with anyone.") : NULL);
  for (guint i = 0; i < shares->len; i++)
    {
      CkShare *share = g_ptr_array_index (shares, i);
      const char *identity = ck_share_get_identity (share);
      g_autofree char *name = g_strdup_printf ("share-%u", i + 1);
      g_autofree char *permit = relay_permit_describe (ck_share_get_permit (share));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *edit = share_button ("document-edit-symbolic", "edit", _("Change Permissions"), share);
      GtkWidget *stop = share_button ("user-trash-symbolic", "stop", _("Stop Sharing"), share);

      gtk_widget_set_name (row, name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     identity != NULL ? identity
                                     : ck_share_get_nickname (share) != NULL ? ck_share_get_nickname (share)
                                     : ck_share_get_apikey (share));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), permit);
      g_signal_connect_object (edit, "clicked", G_CALLBACK (on_edit_clicked_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (stop, "clicked", G_CALLBACK (on_stop_clicked_cb), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), stop);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

/* Rows are rebuilt from an idle: a change can come from a row's own
 * signal handler (a switch's state-set), which must not lose its widget. */
static gboolean
rebuild_idle_cb (gpointer user_data)
{
  RelaySharingGroup *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (RelaySharingGroup *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

static void
relay_sharing_group_dispose (GObject *object)
{
  RelaySharingGroup *self = RELAY_SHARING_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_object (&self->device);
  g_clear_object (&self->client);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (relay_sharing_group_parent_class)->dispose (object);
}

static void
relay_sharing_group_class_init (RelaySharingGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = relay_sharing_group_dispose;
}

static void
relay_sharing_group_init (RelaySharingGroup *self)
{
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
}

GtkWidget *
relay_sharing_group_new (CkClient *client,
                         CkDevice *device)
{
  RelaySharingGroup *self;
  GtkWidget *share;

  g_return_val_if_fail (CK_IS_CLIENT (client), NULL);
  g_return_val_if_fail (CK_IS_DEVICE (device), NULL);

  self = g_object_new (RELAY_TYPE_SHARING_GROUP, "title", _("Sharing"), NULL);
  self->client = g_object_ref (client);
  self->device = g_object_ref (device);

  share = gtk_button_new_with_mnemonic (_("S_hare…"));
  gtk_widget_set_name (share, "share");
  gtk_widget_add_css_class (share, "flat");
  gtk_widget_set_valign (share, GTK_ALIGN_CENTER);
  g_signal_connect_object (share, "clicked", G_CALLBACK (on_share_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), share);

  g_signal_connect_object (device, "notify::shares", G_CALLBACK (schedule_rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);

  return GTK_WIDGET (self);
}
