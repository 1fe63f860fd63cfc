/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "relay-errors.h"
#include "relay-preferences-window.h"

/**
 * RelayPreferencesWindow:
 *
 * The account of the signed-in session: who is signed in and where, the
 * password change, and signing out. Cloud errors read as sentences under
 * the form they concern.
 */
struct _RelayPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  CkClient             *client;
  GCancellable         *cancellable;

  AdwPasswordEntryRow  *current_row;
  AdwPasswordEntryRow  *new_row;
  GtkButton            *change_button;
  GtkLabel             *result_label;
};

G_DEFINE_FINAL_TYPE (RelayPreferencesWindow, relay_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_change_button (RelayPreferencesWindow *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->change_button),
                            gtk_editable_get_text (GTK_EDITABLE (self->current_row))[0] != '\0' &&
                            gtk_editable_get_text (GTK_EDITABLE (self->new_row))[0] != '\0');
}

static void
show_result (RelayPreferencesWindow *self,
             const char             *sentence,
             gboolean                failed)
{
  gtk_label_set_text (self->result_label, sentence);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), TRUE);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->result_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), "error");
}

static void
change_password_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RelayPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->current_row), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_row), TRUE);
  if (!ck_api_change_password_finish (CK_API (object), result, &error))
    {
      show_result (self, relay_error_describe (error), TRUE);
      update_change_button (self);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->current_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_row), "");
  show_result (self, _("Your password has been changed."), FALSE);
}

static void
on_change_clicked_cb (RelayPreferencesWindow *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->change_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->current_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), FALSE);
  ck_api_change_password_async (ck_client_get_api (self->client),
                                gtk_editable_get_text (GTK_EDITABLE (self->current_row)),
                                gtk_editable_get_text (GTK_EDITABLE (self->new_row)),
                                self->cancellable, change_password_cb, g_object_ref (self));
}

static void
on_sign_out_clicked_cb (RelayPreferencesWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.sign-out", NULL);
  gtk_window_close (GTK_WINDOW (self));
}

static GtkWidget *
value_row (const char *title,
           const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
build (RelayPreferencesWindow *self)
{
  CkApi *api = ck_client_get_api (self->client);
  const CkTokens *tokens = ck_api_get_tokens (api);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group, *box, *button;

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Account"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "system-users-symbolic");

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Signed In"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             value_row (_("Account"), tokens != NULL && tokens->identity != NULL
                                                      ? tokens->identity : "—"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), value_row (_("Region"), ck_api_get_region (api)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), value_row (_("App ID"), ck_api_get_app_id (api)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Change Password"));
  self->current_row = ADW_PASSWORD_ENTRY_ROW (adw_password_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->current_row), _("Current Password"));
  self->new_row = ADW_PASSWORD_ENTRY_ROW (adw_password_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_row), _("New Password"));
  g_signal_connect_object (self->current_row, "changed", G_CALLBACK (update_change_button), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->new_row, "changed", G_CALLBACK (update_change_button), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->current_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->new_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->result_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->result_label, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), FALSE);
  self->change_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Change Password")));
  gtk_widget_set_halign (GTK_WIDGET (self->change_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->change_button), "pill");
  gtk_widget_add_css_class (GTK_WIDGET (self->change_button), "suggested-action");
  gtk_widget_set_name (GTK_WIDGET (self->current_row), "current-password");
  gtk_widget_set_name (GTK_WIDGET (self->new_row), "new-password");
  gtk_widget_set_name (GTK_WIDGET (self->change_button), "change-password");
  gtk_widget_set_name (GTK_WIDGET (self->result_label), "password-result");
  g_signal_connect_object (self->change_button, "clicked", G_CALLBACK (on_change_clicked_cb), self, G_CONNECT_SWAPPED);
  button = gtk_button_new_with_mnemonic (_("_Sign Out"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "destructive-action");
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_sign_out_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->result_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->change_button));
  gtk_box_append (GTK_BOX (box), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  update_change_button (self);
}

static void
relay_preferences_window_dispose (GObject *object)
{
  RelayPreferencesWindow *self = RELAY_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (relay_preferences_window_parent_class)->dispose (object);
}

static void
relay_preferences_window_class_init (RelayPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = relay_preferences_window_dispose;
}

static void
relay_preferences_window_init (RelayPreferencesWindow *self)
{
  self->cancellable = g_cancellable_new ();
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);
}

GtkWidget *
relay_preferences_window_new (GtkWindow *parent,
                              CkClient  *client)
{
  RelayPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CK_IS_CLIENT (client), NULL);

  self = g_object_new (RELAY_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->client = g_object_ref (client);
  build (self);
  return GTK_WIDGET (self);
}
