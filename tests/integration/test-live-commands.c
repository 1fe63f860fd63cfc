/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-live-commands"

#include "ck-json.h"
#include "api-test-util.h"
#include "fake-network-monitor.h"

/* Requests on the live session: update (any params), query, their errors,
 * commands across reconnects, and "no command lost". */

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Runs one update to its end; returns TRUE when confirmed. */
static gboolean
update (CkClient    *client,
        const char  *device_id,
        const char  *params_json,
        GError     **error)
{
  g_autoptr(JsonObject) params = parse_object (params_json);
  GAsyncResult *result = NULL;
  gboolean ok;

  ck_client_update_async (client, live_device (client, device_id), params, NULL,
                          api_store_result_cb, &result);
  ok = ck_client_update_finish (client, api_wait_result (&result), error);
  g_clear_object (&result);
  return ok;
}

/* Records every command the client starts, and every state it passes. */
typedef struct
{
  GPtrArray *commands;
  guint      unconfirmed;   /* commands that were unconfirmed at some point */
} Recorder;

static void
command_state_cb (CkCommand  *command,
                  GParamSpec *pspec,
                  Recorder   *recorder)
{
  if (ck_command_get_state (command) == CK_COMMAND_UNCONFIRMED)
    recorder->unconfirmed++;
}

static void
command_started_cb (CkClient  *client,
                    CkCommand *command,
                    Recorder  *recorder)
{
  g_assert_cmpint (ck_command_get_state (command), ==, CK_COMMAND_PENDING);
  g_ptr_array_add (recorder->commands, g_object_ref (command));
  g_signal_connect (command, "notify::state", G_CALLBACK (command_state_cb), recorder);
}

static void
recorder_init (Recorder *recorder,
               CkClient *client)
{
  recorder->commands = g_ptr_array_new_with_free_func (g_object_unref);
  recorder->unconfirmed = 0;
  g_signal_connect (client, "command-started", G_CALLBACK (command_started_cb), recorder);
}

static void
recorder_clear (Recorder *recorder,
                CkClient *client)
{
  g_signal_handlers_disconnect_by_data (client, recorder);
  for (guint i = 0; i < recorder->commands->len; i++)
    g_signal_handlers_disconnect_by_data (recorder->commands->pdata[i], recorder);
  g_ptr_array_unref (recorder->commands);
}

static gboolean
all_settled (gpointer data)
{
  Recorder *recorder = data;

  for (guint i = 0; i < recorder->commands->len; i++)
    if (!ck_command_is_settled (recorder->commands->pdata[i]))
      return FALSE;
  return TRUE;
}

static const char *
outlet_switch (JsonObject *params,
               gint64      outlet)
{
  JsonArray *switches = ck_json_get_array (params, "switches");

  for (guint i = 0; switches != NULL && i < json_array_get_length (switches); i++)
    {
      JsonObject *entry = json_array_get_object_element (switches, i);
      gint64 value;

      if (ck_json_get_int (entry, "outlet", &value) && value == outlet)
        return ck_json_get_string (entry, "switch");
    }
  return NULL;
}

/* ------------------------------------------------------------------------ */

static void
test_update_single_and_multi (ApiFixture    *fixture,
                              gconstpointer  data)
{
  g_autoptr(CkClient) client = live_new_demo_client (fixture);
  g_autoptr(GError) error = NULL;
  Recorder recorder;
  CkCommand *command;

  recorder_init (&recorder, client);

  g_assert_true (update (client, KITCHEN_PLUG, "{\"switch\":\"on\",\"pulse\":\"on\",\"pulseWidth\":1500}", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ck_json_get_string (cksim_server_get_device_params (fixture->sim, KITCHEN_PLUG), "pulse"), ==, "on");
  g_assert_true (ck_device_get_power (live_device (client, KITCHEN_PLUG)));

  g_assert_true (update (client, AQUARIUM,
                         "{\"switches\":[{\"switch\":\"off\",\"outlet\":0},{\"switch\":\"on\",\"outlet\":3}]}",
                         &error));
  g_assert_no_error (error);
  g_assert_cmpstr (outlet_switch (cksim_server_get_device_params (fixture->sim, AQUARIUM), 0), ==, "off");
  g_assert_cmpstr (outlet_switch (cksim_server_get_device_params (fixture->sim, AQUARIUM), 3), ==, "on");
  g_assert_cmpstr (outlet_switch (ck_device_get_params (live_device (client, AQUARIUM)), 3), ==, "on");
  g_assert_cmpstr (outlet_switch (ck_device_get_params (live_device (client, AQUARIUM)), 2), ==, "on");

  g_assert_cmpuint (recorder.commands->len, ==, 2);
  command = recorder.commands->pdata[1];
  g_assert_cmpint (ck_command_get_state (command), ==, CK_COMMAND_CONFIRMED);
  g_assert_true (ck_command_get_sent (command));
  g_assert_null (ck_command_get_error (command));
  recorder_clear (&recorder, client);
}

static void
test_query (ApiFixture    *fixture,
            gconstpointer  data)
{
  g_autoptr(CkClient) client = live_new_demo_client (fixture);
  const char *keys[] = { "switch", "rssi", "noSuchKey", NULL };
  g_autoptr(JsonObject) some = NULL;
  g_autoptr(JsonObject) all = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  CkDevice *plug = live_device (client, KITCHEN_PLUG);

  ck_client_query_async (client, plug, keys, NULL, api_store_result_cb, &result);
  some = ck_client_query_finish (client, api_wait_result (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpuint (json_object_get_size (some), ==, 2);
  g_assert_cmpstr (ck_json_get_string (some, "switch"), ==, "off");
  g_assert_true (json_object_has_member (some, "rssi"));

  ck_client_query_async (client, plug, NULL, NULL, api_store_result_cb, &result);
  all = ck_client_query_finish (client, api_wait_result (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  {
    g_autoptr(JsonNode) mine = json_node_init_object (json_node_alloc (), all);
    g_autoptr(JsonNode) truth = json_node_init_object (json_node_alloc (),
                                                       cksim_server_get_device_params (fixture->sim, KITCHEN_PLUG));

    g_assert_true (json_node_equal (mine, truth));
  }
}

static void
count_failed_cb (CkClient *client,
                 CkDevice *device,
                 GError   *error,
                 guint    *count)
{
  g_assert_nonnull (error);
  (*count)++;
}

static void
test_offline_device (ApiFixture    *fixture,
                     gconstpointer  data)
{
  g_autoptr(CkClient) client = live_new_demo_client (fixture);
  g_autoptr(GError) error = NULL;
  guint failed = 0;
  Recorder recorder;

  recorder_init (&recorder, client);
  g_signal_connect (client, "command-failed", G_CALLBACK (count_failed_cb), &failed);
  g_assert_false (update (client, GARDEN_PUMP, "{\"switches\":[{\"switch\":\"on\",\"outlet\":0}]}", &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_DEVICE_OFFLINE);
  g_assert_cmpuint (failed, ==, 1);
  g_assert_cmpint (ck_command_get_state (recorder.commands->pdata[0]), ==, CK_COMMAND_ROLLED_BACK);
  g_assert_error (ck_command_get_error (recorder.commands->pdata[0]), CK_ERROR, CK_ERROR_DEVICE_OFFLINE);
  g_assert_cmpstr (outlet_switch (cksim_server_get_device_params (fixture->sim, GARDEN_PUMP), 0), ==, "off");
  g_assert_false (ck_device_get_pending (live_device (client, GARDEN_PUMP)));
  g_signal_handlers_disconnect_by_data (client, &failed);
  recorder_clear (&recorder, client);
}

/* The cloud swallows the command: no answer is a timeout, rolled back. */
static void
test_swallowed_ack (ApiFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr(CkClient) client = live_new_demo_client (fixture);
  g_autoptr(GError) error = NULL;
  CkDevice *plug = live_device (client, KITCHEN_PLUG);

  g_object_set (client, "request-timeout", 200, NULL);
  /* The socket reads the property at dispatch: reconnect to apply it. */
  cksim_server_drop_sockets (fixture->sim, NULL);
  api_wait_until (live_is_reconnecting, client, API_TEST_WAIT_MS);
  api_wait_until (live_is_online, client, API_TEST_WAIT_MS);

  api_sim_post (fixture, "acks", "{\"mode\":\"swallow\"}");
  g_assert_false (update (client, KITCHEN_PLUG, "{\"switch\":\"on\"}", &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_TIMEOUT);
  g_assert_false (ck_device_get_power (plug));
  g_assert_false (ck_device_get_pending (plug));
  g_assert_cmpstr (ck_json_get_string (cksim_server_get_device_params (fixture->sim, KITCHEN_PLUG), "switch"), ==, "off");
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_ONLINE);
}

static gboolean
power_is_on (gpointer device)
{
  return ck_device_get_power (device);
}

static gboolean
power_is_off (gpointer device)
{
  return !ck_device_get_power (device);
}

/* Sessions of one account (the two example app pairs) see each other's changes. */
static void
test_two_sessions (ApiFixture    *fixture,
                   gconstpointer  data)
{
  g_autoptr(CkClient) first = live_new_demo_client (fixture);
  g_autoptr(CkApi) api = live_new_api (fixture, CKSIM_EXAMPLE2_APP_ID, CKSIM_EXAMPLE2_APP_SECRET,
                                       NULL, NULL);
  g_autoptr(CkClient) second = live_new_client (api);
  g_autoptr(GError) error = NULL;

  live_connect (second);
  g_assert_true (update (first, HALL_LIGHT, "{\"switch\":\"off\"}", &error));
  g_assert_no_error (error);
  api_wait_until (power_is_off, live_device (second, HALL_LIGHT), API_TEST_WAIT_MS);

  g_assert_true (update (second, HALL_LIGHT, "{\"switch\":\"on\"}", &error));
  g_assert_no_error (error);
  api_wait_until (power_is_on, live_device (first, HALL_LIGHT), API_TEST_WAIT_MS);
  g_assert_false (ck_device_get_pending (live_device (first, HALL_LIGHT)));
  g_assert_cmpint (ck_client_get_state (first), ==, CK_CLIENT_STATE_ONLINE);
  g_assert_cmpint (ck_client_get_state (second), ==, CK_CLIENT_STATE_ONLINE);
}

/* A command issued while reconnecting waits and is sent once back online;
 * one that cannot be sent before its deadline fails visibly, unsent. */
static void
test_wait_during_reconnect (ApiFixture    *fixture,
                            gconstpointer  data)
{
  g_autoptr(CkApi) api = live_new_api (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET,
                                       NULL, NULL);
  g_autoptr(CkClient) client = live_new_client (api);
  g_autoptr(LiveFakeMonitor) monitor = live_fake_monitor_new (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) on = parse_object ("{\"switch\":\"on\"}");
  GAsyncResult *result = NULL;
  CkDevice *plug;
  Recorder recorder;

  g_object_set (client, "network-monitor", monitor, "reconnect-delay", 200,
                "reconnect-max-delay", 200, NULL);
  live_connect (client);
  plug = live_device (client, KITCHEN_PLUG);
  recorder_init (&recorder, client);

  cksim_server_drop_sockets (fixture->sim, NULL);
  api_wait_until (live_is_reconnecting, client, API_TEST_WAIT_MS);
  ck_client_update_async (client, plug, on, NULL, api_store_result_cb, &result);
  g_assert_true (ck_device_get_pending (plug));
  g_assert_true (ck_device_get_power (plug));   /* shown at once */
  g_assert_false (ck_command_get_sent (recorder.commands->pdata[0]));

  g_assert_true (ck_client_update_finish (client, api_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_ONLINE);
  g_assert_cmpstr (ck_json_get_string (cksim_server_get_device_params (fixture->sim, KITCHEN_PLUG), "switch"), ==, "on");

  /* Offline machine: the command waits its deadline, then fails unsent. */
  g_object_set (client, "command-deadline", 150, NULL);
  live_fake_monitor_set_available (monitor, FALSE);
  cksim_server_drop_sockets (fixture->sim, NULL);
  api_wait_until (live_is_offline, client, API_TEST_WAIT_MS);
  ck_client_set_power_async (client, plug, FALSE, NULL, api_store_result_cb, &result);
  g_assert_false (ck_client_set_power_finish (client, api_wait_result (&result), &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_DISCONNECTED);
  g_clear_object (&result);
  g_assert_false (ck_command_get_sent (recorder.commands->pdata[1]));
  g_assert_cmpint (ck_command_get_state (recorder.commands->pdata[1]), ==, CK_COMMAND_ROLLED_BACK);
  g_assert_true (ck_device_get_power (plug));
  g_assert_false (ck_device_get_pending (plug));

  live_fake_monitor_set_available (monitor, TRUE);
  api_wait_until (live_is_online, client, API_TEST_WAIT_MS);
  recorder_clear (&recorder, client);
}

static gboolean
switch_is_on_in_sim (gpointer data)
{
  ApiFixture *fixture = data;

  return g_strcmp0 (ck_json_get_string (cksim_server_get_device_params (fixture->sim, KITCHEN_PLUG),
                                        "switch"), "on") == 0;
}

static gboolean
is_unconfirmed (gpointer command)
{
  return ck_command_get_state (command) == CK_COMMAND_UNCONFIRMED;
}

/* The answer is lost with the socket: unconfirmed, then settled by the
 * query after reconnecting — applied (confirmed) or not (rolled back). */
static void
test_unconfirmed_settled (ApiFixture    *fixture,
                          gconstpointer  data)
{
  g_autoptr(CkClient) client = live_new_demo_client (fixture);
  g_autoptr(JsonObject) on = parse_object ("{\"switch\":\"on\"}");
  g_autoptr(JsonObject) off = parse_object ("{\"switch\":\"off\"}");
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  CkDevice *plug = live_device (client, KITCHEN_PLUG);
  Recorder recorder;

  g_object_set (client, "reconnect-delay", 100, "reconnect-max-delay", 100, NULL);
  recorder_init (&recorder, client);

  /* Applied: the device switched, the ack was on its way back. */
  cksim_server_set_ack_mode (fixture->sim, "delay", 1000);
  ck_client_update_async (client, plug, on, NULL, api_store_result_cb, &result);
  api_wait_until (switch_is_on_in_sim, fixture, API_TEST_WAIT_MS);
  cksim_server_drop_sockets (fixture->sim, NULL);
  api_wait_until (is_unconfirmed, recorder.commands->pdata[0], API_TEST_WAIT_MS);
  g_assert_true (ck_device_get_pending (plug));
  cksim_server_set_ack_mode (fixture->sim, "normal", 0);
  g_assert_true (ck_client_update_finish (client, api_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (ck_command_get_state (recorder.commands->pdata[0]), ==, CK_COMMAND_CONFIRMED);
  g_assert_true (ck_device_get_power (plug));

  /* Not applied: the cloud lost it before the device. */
  api_wait_until (live_is_online, client, API_TEST_WAIT_MS);
  cksim_server_set_ack_mode (fixture->sim, "swallow", 0);
  ck_client_update_async (client, plug, off, NULL, api_store_result_cb, &result);
  api_run_for (50);
  cksim_server_drop_sockets (fixture->sim, NULL);
  api_wait_until (is_unconfirmed, recorder.commands->pdata[1], API_TEST_WAIT_MS);
  cksim_server_set_ack_mode (fixture->sim, "normal", 0);
  g_assert_false (ck_client_update_finish (client, api_wait_result (&result), &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_DISCONNECTED);
  g_clear_object (&result);
  g_assert_cmpint (ck_command_get_state (recorder.commands->pdata[1]), ==, CK_COMMAND_ROLLED_BACK);
  g_assert_true (ck_device_get_power (plug));
  g_assert_cmpstr (ck_json_get_string (cksim_server_get_device_params (fixture->sim, KITCHEN_PLUG), "switch"), ==, "on");
  g_assert_cmpuint (recorder.unconfirmed, ==, 2);
  recorder_clear (&recorder, client);
}

/* No command lost: 30 commands over 8 devices, acks delayed, the socket
 * dropped while some are in flight, more issued during the reconnect.
 * Every one ends confirmed or rolled back, and the client shows exactly
 * the simulator's state. */
static const char * const lost_devices[] = {
  KITCHEN_PLUG, HALL_LIGHT, AQUARIUM, WASHING_MACHINE, BEDROOM_FAN, DIMMER, TV_STRIP, PORCH_BULB,
};

static void
issue_commands (CkClient *client,
                guint     first,
                guint     count)
{
  for (guint i = first; i < first + count; i++)
    {
      CkDevice *device = live_device (client, lost_devices[i % G_N_ELEMENTS (lost_devices)]);

      /* Alternate on and off per device so most commands change something. */
      ck_client_set_power_async (client, device, (i / G_N_ELEMENTS (lost_devices)) % 2 == 0,
                                 NULL, NULL, NULL);
    }
}

static void
test_no_command_lost (ApiFixture    *fixture,
                      gconstpointer  data)
{
  g_autoptr(CkClient) client = live_new_demo_client (fixture);
  guint confirmed = 0, rolled_back = 0;
  Recorder recorder;

  g_object_set (client, "reconnect-delay", 60, "reconnect-max-delay", 60, NULL);
  recorder_init (&recorder, client);
  cksim_server_set_ack_mode (fixture->sim, "delay", 150);

  issue_commands (client, 0, 12);
  api_run_for (40);            /* in flight: received, acks on their way */
  g_assert_cmpuint (cksim_server_drop_sockets (fixture->sim, NULL), ==, 1);
  api_wait_until (live_is_reconnecting, client, API_TEST_WAIT_MS);
  issue_commands (client, 12, 10);   /* wait for the session */
  api_wait_until (live_is_online, client, API_TEST_WAIT_MS);
  issue_commands (client, 22, 8);

  g_assert_cmpuint (recorder.commands->len, ==, 30);
  api_wait_until (all_settled, &recorder, API_TEST_WAIT_MS);
  api_run_for (200);   /* late relays or acks, if any, arrive */

  for (guint i = 0; i < recorder.commands->len; i++)
    {
      CkCommand *command = recorder.commands->pdata[i];

      g_assert_true (ck_command_get_sent (command) || ck_command_get_state (command) == CK_COMMAND_ROLLED_BACK);
      if (ck_command_get_state (command) == CK_COMMAND_CONFIRMED)
        confirmed++;
      else
        {
          g_assert_cmpint (ck_command_get_state (command), ==, CK_COMMAND_ROLLED_BACK);
          g_assert_nonnull (ck_command_get_error (command));
          rolled_back++;
        }
    }
  g_assert_cmpuint (confirmed + rolled_back, ==, 30);
  g_assert_cmpuint (recorder.unconfirmed, >=, 1);   /* some answers were lost */
  g_test_message ("%u confirmed, %u rolled back, %u went through unconfirmed",
                  confirmed, rolled_back, recorder.unconfirmed);

  for (guint i = 0; i < G_N_ELEMENTS (lost_devices); i++)
    {
      CkDevice *device = live_device (client, lost_devices[i]);
      g_autoptr(JsonNode) mine = json_node_init_object (json_node_alloc (), ck_device_get_params (device));
      g_autoptr(JsonNode) truth = json_node_init_object (json_node_alloc (),
                                                         cksim_server_get_device_params (fixture->sim, lost_devices[i]));

      g_assert_false (ck_device_get_pending (device));
      if (!json_node_equal (mine, truth))
        {
          g_autofree char *a = json_to_string (mine, FALSE);
          g_autofree char *b = json_to_string (truth, FALSE);

          g_test_message ("%s: client %s, simulator %s", lost_devices[i], a, b);
          g_assert_not_reached ();
        }
    }
  recorder_clear (&recorder, client);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, ApiFixture, NULL, api_fixture_set_up, func, api_fixture_tear_down)

  ADD ("/live/commands/update", test_update_single_and_multi);
  ADD ("/live/commands/query", test_query);
  ADD ("/live/commands/offline-device", test_offline_device);
  ADD ("/live/commands/swallowed-ack", test_swallowed_ack);
  ADD ("/live/commands/two-sessions", test_two_sessions);
  ADD ("/live/commands/wait-during-reconnect", test_wait_during_reconnect);
  ADD ("/live/commands/unconfirmed-settled", test_unconfirmed_settled);
  ADD ("/live/commands/no-command-lost", test_no_command_lost);

#undef ADD

  return g_test_run ();
}
