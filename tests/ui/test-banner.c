/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-banner"

#include "config.h"

#include "relay-connection-banner.h"
#include "relay-demo.h"
#include "relay-device-list-view.h"
#include "relay-fake-network-monitor.h"
#include "relay-test-util.h"
#include "relay-window.h"

static gboolean
client_is_offline (gpointer data)
{
  return ck_client_get_state (CK_CLIENT (data)) == CK_CLIENT_STATE_OFFLINE;
}

/* The machine loses its network while the socket drops: the client waits
 * (no attempts) and the banner says "offline" until the network is back. */
static void
test_offline_banner (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelayDemo) demo = relay_demo_new (FALSE, &error);
  g_autoptr(RelayFakeNetworkMonitor) monitor = relay_fake_network_monitor_new ();
  g_autoptr(CkClient) client = NULL;
  RelayConnectionBanner *banner;
  RelayWindow *window;
  guint handshakes;

  g_assert_no_error (error);
  client = relay_demo_create_client (demo);
  g_object_set (client, "network-monitor", monitor, "reconnect-delay", 50, NULL);
  window = g_object_ref (relay_window_new (NULL, NULL));
  relay_window_sign_in (window, client, relay_demo_get_email (demo), relay_demo_get_password (demo));
  gtk_window_present (GTK_WINDOW (window));
  relay_test_wait_until (relay_test_window_shows_devices, window, RELAY_TEST_WAIT_MS, "the device list");

  banner = RELAY_CONNECTION_BANNER (relay_test_find (GTK_WIDGET (window), RELAY_TYPE_CONNECTION_BANNER, NULL));
  g_assert_false (relay_connection_banner_get_shown (banner));

  relay_fake_network_monitor_set_available (monitor, FALSE);
  g_assert_cmpuint (cksim_server_drop_sockets (relay_demo_get_server (demo), NULL), >, 0);
  relay_test_wait_until (client_is_offline, client, RELAY_TEST_WAIT_MS, "the client to wait offline");
  relay_test_wait_until (relay_test_banner_shown, banner, RELAY_TEST_WAIT_MS, "the offline banner");
  g_assert_cmpstr (relay_connection_banner_get_text (banner), ==,
                   "Offline. Devices show their last known state.");

  /* No reconnect storm while there is no network. */
  handshakes = cksim_server_get_handshake_count (relay_demo_get_server (demo));
  relay_test_run_for (200);
  g_assert_cmpuint (cksim_server_get_handshake_count (relay_demo_get_server (demo)), ==, handshakes);
  g_assert_true (relay_connection_banner_get_shown (banner));

  relay_fake_network_monitor_set_available (monitor, TRUE);
  relay_test_wait_until (relay_test_banner_hidden, banner, RELAY_TEST_WAIT_MS, "the banner to go");
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_ONLINE);
  g_assert_cmpuint (cksim_server_get_handshake_count (relay_demo_get_server (demo)), >, handshakes);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!relay_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/banner/offline", test_offline_banner);

  return g_test_run ();
}
