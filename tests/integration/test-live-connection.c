/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-live-connection"

#include "ck-backoff.h"
#include "ck-json.h"
#include "api-test-util.h"
#include "fake-network-monitor.h"

/* The live session: handshake, heartbeat and its watchdog, reconnecting
 * with back-off and resync, session taken, the network monitor, pushes. */

static guint
socket_count (ApiFixture *fixture)
{
  g_autoptr(JsonNode) dump = cksim_server_dump_state (fixture->sim);

  return json_array_get_length (json_object_get_array_member (json_node_get_object (dump), "sockets"));
}

static void
test_handshake (ApiFixture    *fixture,
                gconstpointer  data)
{
  g_autoptr(CkClient) client = live_new_demo_client (fixture);
  g_autoptr(JsonNode) dump = cksim_server_dump_state (fixture->sim);
  JsonArray *sockets = json_object_get_array_member (json_node_get_object (dump), "sockets");
  JsonObject *session;

  g_assert_cmpuint (cksim_server_get_handshake_count (fixture->sim), ==, 1);
  g_assert_cmpuint (json_array_get_length (sockets), ==, 1);
  session = json_array_get_object_element (sockets, 0);
  g_assert_cmpstr (json_object_get_string_member (session, "appid"), ==, CKSIM_EXAMPLE_APP_ID);
  g_assert_cmpstr (json_object_get_string_member (session, "apikey"), ==,
                   ck_api_get_tokens (ck_client_get_api (client))->apikey);
  g_assert_false (ck_device_get_stale (live_device (client, KITCHEN_PLUG)));
  g_assert_null (ck_client_get_next_attempt (client));
}

/* Pings every 50 ms keep a socket up that the cloud would close after
 * 250 ms of silence; unanswered pings trip the watchdog and reconnect. */
static void
test_heartbeat (ApiFixture    *fixture,
                gconstpointer  data)
{
  g_autoptr(CkApi) api = live_new_api (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET,
                                       NULL, NULL);
  g_autoptr(CkClient) client = live_new_client (api);
  guint handshakes;

  g_object_set (fixture->sim, "idle-timeout-ms", 250, NULL);
  g_object_set (client, "heartbeat-interval", 50, "pong-timeout", 150, NULL);
  live_connect (client);
  handshakes = cksim_server_get_handshake_count (fixture->sim);

  api_run_for (600);
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_ONLINE);
  g_assert_cmpuint (cksim_server_get_handshake_count (fixture->sim), ==, handshakes);

  /* The cloud stops answering but keeps the socket: only the watchdog can tell. */
  g_object_set (fixture->sim, "idle-timeout-ms", 60000, NULL);
  cksim_server_set_answer_pings (fixture->sim, FALSE);
  api_wait_until (live_is_reconnecting, client, API_TEST_WAIT_MS);
  cksim_server_set_answer_pings (fixture->sim, TRUE);
  api_wait_until (live_is_online, client, API_TEST_WAIT_MS);
  g_assert_cmpuint (cksim_server_get_handshake_count (fixture->sim), >, handshakes);
}

static gboolean
plug_is_on (gpointer device)
{
  return ck_device_get_power (device);
}

/* A change made while disconnected is seen after reconnecting (the list is
 * fetched once), through a fresh dispatch. */
static void
test_drop_reconnect_resync (ApiFixture    *fixture,
                            gconstpointer  data)
{
  g_autoptr(CkClient) client = live_new_demo_client (fixture);
  g_autoptr(JsonObject) report = json_object_new ();
  CkDevice *plug = live_device (client, KITCHEN_PLUG);
  GDateTime *next;

  g_object_set (client, "reconnect-delay", 300, "reconnect-max-delay", 300, NULL);
  g_assert_false (ck_device_get_power (plug));
  g_assert_cmpuint (cksim_server_drop_sockets (fixture->sim, NULL), ==, 1);
  api_wait_until (live_is_reconnecting, client, API_TEST_WAIT_MS);

  next = ck_client_get_next_attempt (client);
  g_assert_nonnull (next);
  g_assert_true (ck_device_get_stale (plug));

  /* Nobody is connected to hear this report. */
  json_object_set_string_member (report, "switch", "on");
  g_assert_true (cksim_server_report_device (fixture->sim, KITCHEN_PLUG, report));
  g_assert_false (ck_device_get_power (plug));

  api_wait_until (live_is_online, client, API_TEST_WAIT_MS);
  g_assert_null (ck_client_get_next_attempt (client));
  api_wait_until (plug_is_on, plug, API_TEST_WAIT_MS);
  g_assert_false (ck_device_get_stale (plug));
  g_assert_cmpuint (socket_count (fixture), ==, 1);
}

/* Another login with the same app id signs this session out: the client
 * stops and never tries again. */
static void
test_session_taken (ApiFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr(CkClient) client = live_new_demo_client (fixture);
  g_autoptr(CkApi) other = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  guint handshakes;

  other = live_new_api (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, NULL, NULL);
  api_wait_until (live_is_session_taken, client, API_TEST_WAIT_MS);
  handshakes = cksim_server_get_handshake_count (fixture->sim);

  api_run_for (300);   /* fifteen reconnect delays */
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_SESSION_TAKEN);
  g_assert_cmpuint (cksim_server_get_handshake_count (fixture->sim), ==, handshakes);
  g_assert_null (ck_client_get_next_attempt (client));
  g_assert_true (ck_device_get_stale (live_device (client, KITCHEN_PLUG)));

  /* Commands fail visibly instead of waiting. */
  ck_client_set_power_async (client, live_device (client, KITCHEN_PLUG), TRUE, NULL,
                             api_store_result_cb, &result);
  g_assert_false (ck_client_set_power_finish (client, api_wait_result (&result), &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_SESSION_TAKEN);
  g_clear_object (&result);
}

/* No attempts while the machine is offline; back online, it reconnects. */
static void
test_network_monitor (ApiFixture    *fixture,
                      gconstpointer  data)
{
  g_autoptr(CkApi) api = live_new_api (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET,
                                       NULL, NULL);
  g_autoptr(CkClient) client = live_new_client (api);
  g_autoptr(LiveFakeMonitor) monitor = live_fake_monitor_new (TRUE);
  guint handshakes;

  g_object_set (client, "network-monitor", monitor, NULL);
  live_connect (client);
  handshakes = cksim_server_get_handshake_count (fixture->sim);

  live_fake_monitor_set_available (monitor, FALSE);
  /* The socket still works: losing the default route does not end it. */
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_ONLINE);

  cksim_server_drop_sockets (fixture->sim, NULL);
  api_wait_until (live_is_offline, client, API_TEST_WAIT_MS);
  api_run_for (300);
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_OFFLINE);
  g_assert_cmpuint (cksim_server_get_handshake_count (fixture->sim), ==, handshakes);
  g_assert_null (ck_client_get_next_attempt (client));
  g_assert_true (ck_device_get_stale (live_device (client, KITCHEN_PLUG)));

  live_fake_monitor_set_available (monitor, TRUE);
  api_wait_until (live_is_online, client, API_TEST_WAIT_MS);
  g_assert_cmpuint (cksim_server_get_handshake_count (fixture->sim), ==, handshakes + 1);
}

/* 1, 2, 4 … times the first delay, ±20 % jitter, capped; reset starts over. */
static void
test_backoff (void)
{
  CkBackoff backoff;
  const guint expected[] = { 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000 };

  ck_backoff_init (&backoff, 1000, 60000);
  for (guint round = 0; round < 20; round++)
    {
      ck_backoff_reset (&backoff);
      for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
        {
          guint delay = ck_backoff_next_delay (&backoff);

          g_assert_cmpuint (delay, >=, expected[i] * 8 / 10);
          g_assert_cmpuint (delay, <=, MIN (expected[i] * 12 / 10, 60000));
        }
    }
}

/* The back-off grows while attempts fail and starts over after the
 * reset period online. */
static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static gboolean
at_least_two (gpointer data)
{
  return *(guint *) data >= 2;
}

/* Milliseconds from now to the next attempt. */
static gint64
next_attempt_in (CkClient *client)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDateTime *next = ck_client_get_next_attempt (client);

  g_assert_nonnull (next);
  return g_date_time_difference (next, now) / 1000;
}

static void
test_backoff_grows (ApiFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr(CkClient) client = live_new_demo_client (fixture);
  guint scheduled = 0;

  g_object_set (client, "reconnect-delay", 100, "reconnect-max-delay", 1000,
                "reconnect-reset-after", 50, NULL);
  g_signal_connect (client, "notify::next-attempt", G_CALLBACK (count_notify), &scheduled);

  /* The first attempt's dispatch fails, so the second waits twice as long. */
  cksim_server_arm_fault (fixture->sim, "dispatch", 500);
  cksim_server_drop_sockets (fixture->sim, NULL);
  api_wait_until (live_is_reconnecting, client, API_TEST_WAIT_MS);
  g_assert_cmpint (next_attempt_in (client), <=, 120);

  scheduled = 0;
  api_wait_until (at_least_two, &scheduled, API_TEST_WAIT_MS);  /* cleared, then set again */
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_RECONNECTING);
  g_assert_cmpint (next_attempt_in (client), >=, 140);

  api_wait_until (live_is_online, client, API_TEST_WAIT_MS);

  /* Online longer than "reconnect-reset-after": the next wait is short again. */
  api_run_for (100);
  cksim_server_drop_sockets (fixture->sim, NULL);
  api_wait_until (live_is_reconnecting, client, API_TEST_WAIT_MS);
  g_assert_cmpint (next_attempt_in (client), <=, 120);
  api_wait_until (live_is_online, client, API_TEST_WAIT_MS);
  g_signal_handlers_disconnect_by_data (client, &scheduled);
}

/* sysmsg and device reports land in CkDevice notifications. */
static gboolean
is_offline_device (gpointer device)
{
  return !ck_device_get_online (device);
}

static gboolean
is_online_device (gpointer device)
{
  return ck_device_get_online (device);
}

static void
test_pushes (ApiFixture    *fixture,
             gconstpointer  data)
{
  g_autoptr(CkClient) client = live_new_demo_client (fixture);
  CkDevice *plug = live_device (client, KITCHEN_PLUG);
  CkDevice *th = live_device (client, "1000a1b205");
  guint online_changes = 0;
  guint power_changes = 0;

  g_signal_connect (plug, "notify::online", G_CALLBACK (count_notify), &online_changes);
  g_signal_connect (plug, "notify::power", G_CALLBACK (count_notify), &power_changes);

  g_assert_true (cksim_server_set_device_online (fixture->sim, KITCHEN_PLUG, FALSE));
  api_wait_until (is_offline_device, plug, API_TEST_WAIT_MS);
  g_assert_true (cksim_server_set_device_online (fixture->sim, KITCHEN_PLUG, TRUE));
  api_wait_until (is_online_device, plug, API_TEST_WAIT_MS);
  g_assert_cmpuint (online_changes, ==, 2);

  /* A button press, through the HTTP test hook. */
  api_sim_post (fixture, "device/report", "{\"deviceid\":\"" KITCHEN_PLUG "\",\"params\":{\"switch\":\"on\"}}");
  api_wait_until (plug_is_on, plug, API_TEST_WAIT_MS);
  g_assert_cmpuint (power_changes, ==, 1);
  g_signal_handlers_disconnect_by_data (plug, &online_changes);
  g_signal_handlers_disconnect_by_data (plug, &power_changes);

  /* A sensor reading: merged key by key. */
  api_sim_post (fixture, "device/report", "{\"deviceid\":\"1000a1b205\",\"params\":{\"currentTemperature\":\"23.5\"}}");
  while (g_strcmp0 (ck_json_get_string (ck_device_get_params (th), "currentTemperature"), "23.5") != 0)
    api_run_for (10);
  g_assert_cmpstr (ck_json_get_string (ck_device_get_params (th), "currentHumidity"), ==, "42");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, ApiFixture, NULL, api_fixture_set_up, func, api_fixture_tear_down)

  g_test_add_func ("/live/connection/backoff", test_backoff);
  ADD ("/live/connection/handshake", test_handshake);
  ADD ("/live/connection/heartbeat", test_heartbeat);
  ADD ("/live/connection/drop-reconnect-resync", test_drop_reconnect_resync);
  ADD ("/live/connection/backoff-after-failure", test_backoff_grows);
  ADD ("/live/connection/session-taken", test_session_taken);
  ADD ("/live/connection/network-monitor", test_network_monitor);
  ADD ("/live/connection/pushes", test_pushes);

#undef ADD

  return g_test_run ();
}
