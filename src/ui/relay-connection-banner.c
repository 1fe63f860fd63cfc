/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-connection-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "relay-connection-banner.h"

/**
 * RelayConnectionBanner:
 *
 * Says, under the header bar, when the live connection is not there:
 * connecting, reconnecting in N s (counting down), signed in elsewhere
 * (with a deliberate "Sign In Here Again" button, action
 * `win.sign-in-again`: taking the session back must never happen by
 * itself) and offline. Hidden while online or signed out.
 */
struct _RelayConnectionBanner
{
  AdwBin       parent_instance;

  CkClient    *client;

  GtkRevealer *revealer;
  GtkLabel    *label;
  GtkButton   *button;

  guint        countdown_id;
};

G_DEFINE_FINAL_TYPE (RelayConnectionBanner, relay_connection_banner, ADW_TYPE_BIN)

/* Counts down to CkClient:next-attempt (wall clock). */
static void
show_countdown (RelayConnectionBanner *self)
{
  GDateTime *next = ck_client_get_next_attempt (self->client);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GTimeSpan left = next != NULL ? g_date_time_difference (next, now) : 0;
  guint seconds = left > 0 ? (guint) ((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC) : 0;
  g_autofree char *text = NULL;

  if (seconds == 0)
    text = g_strdup (_("Connection lost. Reconnecting…"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Connection lost. Reconnecting in %u second…",
                                         "Connection lost. Reconnecting in %u seconds…",
                                         seconds),
                            seconds);
  gtk_label_set_text (self->label, text);
}

static gboolean
on_countdown_tick_cb (gpointer user_data)
{
  show_countdown (RELAY_CONNECTION_BANNER (user_data));

  return G_SOURCE_CONTINUE;
}

static void
sync_state (RelayConnectionBanner *self)
{
  CkClientState state = self->client != NULL ? ck_client_get_state (self->client)
                                             : CK_CLIENT_STATE_SIGNED_OUT;
  const char *text = NULL;
  gboolean reconnecting = state == CK_CLIENT_STATE_RECONNECTING;

  gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->button), state == CK_CLIENT_STATE_SESSION_TAKEN);

  switch (state)
    {
    case CK_CLIENT_STATE_CONNECTING:
      text = _("Connecting…");
      break;
    case CK_CLIENT_STATE_SESSION_TAKEN:
      text = _("This account signed in on another device with the same app ID. Changes here are not sent.");
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      break;
    case CK_CLIENT_STATE_OFFLINE:
      text = _("Offline. Devices show their last known state.");
      break;
    case CK_CLIENT_STATE_RECONNECTING:
    case CK_CLIENT_STATE_ONLINE:
    case CK_CLIENT_STATE_SIGNED_OUT:
    default:
      break;
    }

  if (reconnecting && self->countdown_id == 0)
    self->countdown_id = g_timeout_add (250, on_countdown_tick_cb, self);
  else if (!reconnecting)
    {
      g_clear_handle_id (&self->countdown_id, g_source_remove);
    }

  if (reconnecting)
    show_countdown (self);
  else if (text != NULL)
    gtk_label_set_text (self->label, text);

  gtk_revealer_set_reveal_child (self->revealer, reconnecting || text != NULL);
}

static void
relay_connection_banner_dispose (GObject *object)
{
  RelayConnectionBanner *self = RELAY_CONNECTION_BANNER (object);

  relay_connection_banner_set_client (self, NULL);

  G_OBJECT_CLASS (relay_connection_banner_parent_class)->dispose (object);
}

static void
relay_connection_banner_class_init (RelayConnectionBannerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = relay_connection_banner_dispose;
}

static void
relay_connection_banner_init (RelayConnectionBanner *self)
{
  GtkWidget *box;

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0.5);
  gtk_label_set_justify (self->label, GTK_JUSTIFY_CENTER);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);

  self->button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Sign In _Here Again")));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), "win.sign-in-again");
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "pill");

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "connection-banner");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->button));

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->revealer, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->revealer));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Connection"),
                                  -1);
  sync_state (self);
}

GtkWidget *
relay_connection_banner_new (void)
{
  return g_object_new (RELAY_TYPE_CONNECTION_BANNER, NULL);
}

void
relay_connection_banner_set_client (RelayConnectionBanner *self,
                                    CkClient              *client)
{
  g_return_if_fail (RELAY_IS_CONNECTION_BANNER (self));
  g_return_if_fail (client == NULL || CK_IS_CLIENT (client));

  if (self->client == client)
    return;

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  g_set_object (&self->client, client);
  if (client != NULL)
    {
      g_signal_connect_object (client, "notify::state", G_CALLBACK (sync_state), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (client, "notify::next-attempt", G_CALLBACK (sync_state), self, G_CONNECT_SWAPPED);
    }

  sync_state (self);
}

/* Whether the banner is (being) shown. */
gboolean
relay_connection_banner_get_shown (RelayConnectionBanner *self)
{
  g_return_val_if_fail (RELAY_IS_CONNECTION_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

const char *
relay_connection_banner_get_text (RelayConnectionBanner *self)
{
  g_return_val_if_fail (RELAY_IS_CONNECTION_BANNER (self), NULL);

  return gtk_label_get_text (self->label);
}
