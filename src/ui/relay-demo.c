/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-demo"

#include "config.h"

#include "relay-demo.h"

/**
 * RelayDemo:
 *
 * The embedded default of `relay --demo`: the simulated cloud running in
 * this process on a free loopback port, with the demo account and its
 * devices, and clients that sign in to it with the first example app pair.
 * Nothing of a demo session is stored: no keyring, no settings.
 */
struct _RelayDemo
{
  GObject      parent_instance;

  CkSimServer *server;
  char        *url;
};

G_DEFINE_FINAL_TYPE (RelayDemo, relay_demo, G_TYPE_OBJECT)

static void
relay_demo_finalize (GObject *object)
{
  RelayDemo *self = RELAY_DEMO (object);

  g_clear_object (&self->server);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (relay_demo_parent_class)->finalize (object);
}

static void
relay_demo_class_init (RelayDemoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = relay_demo_finalize;
}

static void
relay_demo_init (RelayDemo *self)
{
}

/**
 * relay_demo_new:
 * @scripted: run the simulator's demo script (devices.md §7.3: readings
 *   drift, loads step, a door opens, a device drops off and comes back) so
 *   the demo looks alive; tests keep it off for a predictable dataset
 *
 * Starts the simulated cloud with its control hooks and the demo data.
 *
 * Returns: (transfer full) (nullable): the running demo, or %NULL when the
 * server could not listen
 */
RelayDemo *
relay_demo_new (gboolean   scripted,
                GError   **error)
{
  g_autoptr(RelayDemo) self = g_object_new (RELAY_TYPE_DEMO, NULL);

  self->server = cksim_server_new (FALSE, TRUE);
  cksim_server_load_demo (self->server);
  g_object_set (self->server, "demo-script", scripted, NULL);
  if (!cksim_server_listen (self->server, 0, error))
    return NULL;

  self->url = cksim_server_get_url (self->server);

  return g_steal_pointer (&self);
}

/* (transfer none) */
CkSimServer *
relay_demo_get_server (RelayDemo *self)
{
  g_return_val_if_fail (RELAY_IS_DEMO (self), NULL);

  return self->server;
}

const char *
relay_demo_get_url (RelayDemo *self)
{
  g_return_val_if_fail (RELAY_IS_DEMO (self), NULL);

  return self->url;
}

const char *
relay_demo_get_email (RelayDemo *self)
{
  g_return_val_if_fail (RELAY_IS_DEMO (self), NULL);

  return CKSIM_DEMO_EMAIL;
}

const char *
relay_demo_get_password (RelayDemo *self)
{
  g_return_val_if_fail (RELAY_IS_DEMO (self), NULL);

  return CKSIM_DEMO_PASSWORD;
}

/**
 * relay_demo_create_client:
 *
 * Returns: (transfer full): a signed-out client for the demo cloud, with
 * its tokens kept in memory only
 */
CkClient *
relay_demo_create_client (RelayDemo *self)
{
  g_autofree char *server_template = NULL;
  g_autoptr(CkApi) api = NULL;

  g_return_val_if_fail (RELAY_IS_DEMO (self), NULL);

  server_template = cksim_server_get_template (self->server);
  api = ck_api_new (server_template, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET);

  return ck_client_new (api);
}

/**
 * relay_demo_open_window:
 * @application: (nullable): the application the window belongs to
 *
 * Opens a window without settings (so nothing is remembered) and signs it in
 * to the demo account. This is exactly what `relay --demo` shows.
 *
 * Returns: (transfer none): the new window, presented
 */
RelayWindow *
relay_demo_open_window (RelayDemo      *self,
                        GtkApplication *application)
{
  g_autoptr(CkClient) client = NULL;
  RelayWindow *window;

  g_return_val_if_fail (RELAY_IS_DEMO (self), NULL);
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  client = relay_demo_create_client (self);
  window = relay_window_new (application, NULL);
  relay_window_sign_in (window, client, relay_demo_get_email (self), relay_demo_get_password (self));
  gtk_window_present (GTK_WINDOW (window));

  return window;
}
