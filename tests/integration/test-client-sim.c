/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-client-sim"

#include <string.h>

#include "ck-api.h"
#include "ck-client.h"
#include "ck-envelope.h"
#include "ck-request.h"
#include "ck-sign.h"
#include "ck-socket.h"
#include "cksim-server.h"

#include "api-test-util.h"

static void
login (CkApi      *api,
       const char *email,
       const char *password,
       GError    **error)
{
  GAsyncResult *result = NULL;
  g_autoptr(CkTokens) tokens = NULL;

  ck_api_login_async (api, email, password, NULL, api_store_result_cb, &result);
  tokens = ck_api_login_finish (api, api_wait_result (&result), error);
  g_clear_object (&result);
}

static CkClient *
new_connected_client (ApiFixture *fixture,
                      const char *app_id,
                      const char *app_secret)
{
  g_autoptr(CkApi) api = api_new_unsigned (fixture, app_id, app_secret);
  g_autoptr(GError) error = NULL;
  CkClient *client = ck_client_new (api);
  GAsyncResult *result = NULL;

  g_object_set (client, "request-timeout", 1500, NULL);
  api_sign_in (api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  ck_client_connect_async (client, NULL, api_store_result_cb, &result);
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_CONNECTING);
  g_assert_true (ck_client_connect_finish (client, api_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_ONLINE);

  return client;
}

/* ------------------------------------------------------------------------ */
/* Login                                                                     */

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_login_success (ApiFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr(CkApi) api = api_new_unsigned (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET);
  const CkTokens *tokens;
  guint changed = 0;

  g_signal_connect (api, "tokens-changed", G_CALLBACK (count_cb), &changed);
  api_sign_in (api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);

  tokens = ck_api_get_tokens (api);
  g_assert_nonnull (tokens);
  g_assert_cmpuint (strlen (tokens->access_token), ==, 40);
  g_assert_nonnull (tokens->apikey);
  g_assert_cmpstr (tokens->region, ==, CKSIM_DEMO_REGION);
  g_assert_cmpstr (tokens->identity, ==, CKSIM_DEMO_EMAIL);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (cksim_server_get_login_count (fixture->sim), ==, 1);
}

static void
test_login_wrong_password (ApiFixture    *fixture,
                           gconstpointer  data)
{
  g_autoptr(CkApi) api = api_new_unsigned (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET);
  g_autoptr(GError) error = NULL;

  login (api, CKSIM_DEMO_EMAIL, "not-the-password", &error);
  g_assert_error (error, CK_ERROR, CK_ERROR_WRONG_PASSWORD);
  g_assert_nonnull (strstr (error->message, "error 401"));
  g_assert_null (ck_api_get_tokens (api));
}

/* A 301 moves to the account's region and retries once (spec §1.3). */
static void
test_login_wrong_region (ApiFixture    *fixture,
                         gconstpointer  data)
{
  g_autoptr(CkApi) api = api_new_unsigned (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET);

  ck_api_set_region (api, "us");
  api_sign_in (api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_assert_cmpstr (ck_api_get_region (api), ==, CKSIM_DEMO_REGION);
  g_assert_cmpuint (cksim_server_get_login_count (fixture->sim), ==, 1);
}

/* A wrong app secret gives a signature the cloud rejects: 406. */
static void
test_bad_signature (ApiFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr(CkApi) api = api_new_unsigned (fixture, CKSIM_EXAMPLE_APP_ID, "0123456789abcdef0123456789abcdef");
  g_autoptr(GError) error = NULL;

  login (api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD, &error);
  g_assert_error (error, CK_ERROR, CK_ERROR_AUTH_FAILED);
  g_assert_nonnull (strstr (error->message, "error 406"));
}

/* A correctly signed login whose ts is outside the window: 400 (spec §8.2). */
static void
test_stale_ts (ApiFixture    *fixture,
               gconstpointer  data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(JsonObject) params = json_object_new ();
  g_autofree char *nonce = ck_nonce_new ();
  g_autofree char *url = g_strconcat (fixture->template, "/api/user/login", NULL);
  g_autofree char *signature = NULL;
  g_autofree char *authorization = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  const guint8 *data_bytes;
  gsize len = 0;
  char *placeholder;

  /* The template's {region} becomes the demo's region. */
  placeholder = strstr (url, "{region}");
  g_assert_nonnull (placeholder);
  {
    g_autofree char *expanded = ck_api_expand_template (url, CKSIM_DEMO_REGION);

    g_free (url);
    url = g_steal_pointer (&expanded);
  }

  ck_request_add_identity (params, CKSIM_DEMO_EMAIL);
  json_object_set_string_member (params, "password", CKSIM_DEMO_PASSWORD);
  body = ck_request_build_body (params, CKSIM_EXAMPLE_APP_ID, nonce,
                                cksim_server_get_time (fixture->sim) - 3600);
  data_bytes = g_bytes_get_data (body, &len);
  signature = ck_sign (CKSIM_EXAMPLE_APP_SECRET, data_bytes, len);
  authorization = g_strconcat ("Sign ", signature, NULL);

  message = soup_message_new ("POST", url);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", authorization);
  soup_message_set_request_body_from_bytes (message, "application/json", body);
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, api_store_result_cb, &result);
  answer = soup_session_send_and_read_finish (session, api_wait_result (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);

  data_bytes = g_bytes_get_data (answer, &len);
  node = ck_envelope_parse (soup_message_get_status (message), (const char *) data_bytes, len,
                            CK_ENDPOINT_LOGIN, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, CK_ERROR, CK_ERROR_BAD_REQUEST);
  g_assert_nonnull (strstr (error->message, "error 400"));
  g_assert_cmpuint (cksim_server_get_login_count (fixture->sim), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Tokens                                                                    */

static void
test_device_list (ApiFixture    *fixture,
                  gconstpointer  data)
{
  g_autoptr(CkApi) api = api_new_unsigned (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET);
  g_autoptr(JsonArray) devices = NULL;
  g_autoptr(GError) error = NULL;

  api_sign_in (api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  devices = api_list_devices (api, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (devices), >=, 12);
  g_assert_nonnull (api_find_listed (devices, KITCHEN_PLUG));
}

static void
test_not_signed_in (ApiFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr(CkApi) api = api_new_unsigned (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET);
  g_autoptr(JsonArray) devices = NULL;
  g_autoptr(GError) error = NULL;

  devices = api_list_devices (api, &error);
  g_assert_null (devices);
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_SIGNED_IN);
}

static void
test_expired_token (ApiFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr(CkApi) api = api_new_unsigned (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET);
  g_autoptr(JsonArray) devices = NULL;
  g_autoptr(GError) error = NULL;

  /* Both tokens expire: the 402 triggers one refresh, which fails with 402. */
  g_object_set (fixture->sim, "at-ttl", (gint64) 60, "rt-ttl", (gint64) 90, NULL);
  api_sign_in (api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  cksim_server_advance_clock (fixture->sim, 120);

  devices = api_list_devices (api, &error);
  g_assert_null (devices);
  g_assert_error (error, CK_ERROR, CK_ERROR_TOKEN_EXPIRED);
  g_assert_nonnull (strstr (error->message, "error 402"));
}

typedef struct
{
  gboolean  closed;
  GError   *reason;
} Closed;

static void
socket_closed_cb (CkSocket *socket,
                  GError   *reason,
                  Closed   *closed)
{
  closed->closed = TRUE;
  closed->reason = reason ? g_error_copy (reason) : NULL;
}

static gboolean
is_closed (gpointer data)
{
  return ((Closed *) data)->closed;
}

/* A second login with the same app id revokes the first session (spec §5). */
static void
test_second_login_revokes (ApiFixture    *fixture,
                           gconstpointer  data)
{
  g_autoptr(CkApi) first = api_new_unsigned (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET);
  g_autoptr(CkApi) second = api_new_unsigned (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET);
  g_autoptr(CkSocket) socket = NULL;
  g_autoptr(JsonArray) devices = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GAsyncResult *result = NULL;
  Closed closed = { 0 };

  api_sign_in (first, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  ck_api_dispatch_async (first, NULL, api_store_result_cb, &result);
  url = ck_api_dispatch_finish (first, api_wait_result (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (url, "ws://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (url, "/api/ws"));

  socket = ck_socket_new (ck_api_get_session (first), url, CKSIM_EXAMPLE_APP_ID,
                          ck_api_get_tokens (first)->access_token,
                          ck_api_get_tokens (first)->apikey);
  g_signal_connect (socket, "closed", G_CALLBACK (socket_closed_cb), &closed);
  ck_socket_connect_async (socket, NULL, api_store_result_cb, &result);
  g_assert_true (ck_socket_connect_finish (socket, api_wait_result (&result), &error));
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_true (ck_socket_get_connected (socket));

  api_sign_in (second, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);

  api_wait_until (is_closed, &closed, API_TEST_WAIT_MS);
  g_assert_error (closed.reason, CK_ERROR, CK_ERROR_SESSION_TAKEN);
  g_assert_false (ck_socket_get_connected (socket));
  g_clear_error (&closed.reason);

  devices = api_list_devices (first, &error);
  g_assert_null (devices);
  g_assert_error (error, CK_ERROR, CK_ERROR_SESSION_TAKEN);
}

static void
test_client_session_taken (ApiFixture    *fixture,
                           gconstpointer  data)
{
  g_autoptr(CkClient) client = new_connected_client (fixture, CKSIM_EXAMPLE_APP_ID,
                                                     CKSIM_EXAMPLE_APP_SECRET);
  g_autoptr(CkApi) second = api_new_unsigned (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET);

  api_sign_in (second, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  api_wait_until (live_is_session_taken, client, API_TEST_WAIT_MS);
}

/* ------------------------------------------------------------------------ */
/* Commands                                                                  */

typedef struct
{
  guint     count;
  CkDevice *device;
  GError   *error;
} Failed;

static void
command_failed_cb (CkClient *client,
                   CkDevice *device,
                   GError   *error,
                   Failed   *failed)
{
  failed->count++;
  failed->device = device;
  g_clear_error (&failed->error);
  failed->error = g_error_copy (error);
}

static void
test_toggle (ApiFixture    *fixture,
             gconstpointer  data)
{
  g_autoptr(CkClient) client = new_connected_client (fixture, CKSIM_EXAMPLE_APP_ID,
                                                     CKSIM_EXAMPLE_APP_SECRET);
  CkDeviceList *devices = ck_client_get_devices (client);
  CkDevice *plug = ck_device_list_lookup (devices, KITCHEN_PLUG);
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  JsonObject *stored;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (devices)), >=, 12);
  g_assert_nonnull (plug);
  g_assert_true (ck_device_get_has_power (plug));
  g_assert_false (ck_device_get_power (plug));

  ck_client_set_power_async (client, plug, TRUE, NULL, api_store_result_cb, &result);
  /* Shown at once, before the ack. */
  g_assert_true (ck_device_get_pending (plug));
  g_assert_true (ck_device_get_power (plug));

  g_assert_true (ck_client_set_power_finish (client, api_wait_result (&result), &error));
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_false (ck_device_get_pending (plug));
  g_assert_true (ck_device_get_power (plug));

  stored = cksim_server_get_device_params (fixture->sim, KITCHEN_PLUG);
  g_assert_nonnull (stored);
  g_assert_cmpstr (json_object_get_string_member (stored, "switch"), ==, "on");

  /* And back off. */
  ck_client_set_power_async (client, plug, FALSE, NULL, api_store_result_cb, &result);
  g_assert_true (ck_client_set_power_finish (client, api_wait_result (&result), &error));
  g_clear_object (&result);
  g_assert_no_error (error);
  stored = cksim_server_get_device_params (fixture->sim, KITCHEN_PLUG);
  g_assert_cmpstr (json_object_get_string_member (stored, "switch"), ==, "off");
  g_assert_false (ck_device_get_power (plug));
}

static void
test_toggle_multi_channel (ApiFixture    *fixture,
                           gconstpointer  data)
{
  g_autoptr(CkClient) client = new_connected_client (fixture, CKSIM_EXAMPLE_APP_ID,
                                                     CKSIM_EXAMPLE_APP_SECRET);
  CkDevice *aquarium = ck_device_list_find (ck_client_get_devices (client), "Aquarium");
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  JsonArray *switches;

  g_assert_nonnull (aquarium);
  ck_client_set_power_async (client, aquarium, FALSE, NULL, api_store_result_cb, &result);
  g_assert_true (ck_client_set_power_finish (client, api_wait_result (&result), &error));
  g_clear_object (&result);
  g_assert_no_error (error);

  switches = json_object_get_array_member (cksim_server_get_device_params (fixture->sim,
                                                                           ck_device_get_id (aquarium)),
                                           "switches");
  for (guint i = 0; i < json_array_get_length (switches); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (switches, i), "switch"),
                     ==, "off");
  g_assert_false (ck_device_get_power (aquarium));
}

static void
test_toggle_offline (ApiFixture    *fixture,
                     gconstpointer  data)
{
  g_autoptr(CkClient) client = new_connected_client (fixture, CKSIM_EXAMPLE_APP_ID,
                                                     CKSIM_EXAMPLE_APP_SECRET);
  CkDevice *pump = ck_device_list_lookup (ck_client_get_devices (client), GARDEN_PUMP);
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  Failed failed = { 0 };

  g_assert_nonnull (pump);
  g_assert_false (ck_device_get_online (pump));
  g_assert_false (ck_device_get_power (pump));
  g_signal_connect (client, "command-failed", G_CALLBACK (command_failed_cb), &failed);

  ck_client_set_power_async (client, pump, TRUE, NULL, api_store_result_cb, &result);
  g_assert_true (ck_device_get_power (pump));

  g_assert_false (ck_client_set_power_finish (client, api_wait_result (&result), &error));
  g_clear_object (&result);
  g_assert_error (error, CK_ERROR, CK_ERROR_DEVICE_OFFLINE);

  /* Rolled back, and said so. */
  g_assert_false (ck_device_get_pending (pump));
  g_assert_false (ck_device_get_power (pump));
  g_assert_cmpuint (failed.count, ==, 1);
  g_assert_true (failed.device == pump);
  g_assert_error (failed.error, CK_ERROR, CK_ERROR_DEVICE_OFFLINE);
  g_clear_error (&failed.error);

  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (
                       json_object_get_array_member (cksim_server_get_device_params (fixture->sim, GARDEN_PUMP),
                                                     "switches"), 0), "switch"), ==, "off");
}

static gboolean
plug_is_on (gpointer data)
{
  return ck_device_get_power (data);
}

/* A change made by another session of the account reaches us (spec §4.7.2). */
static void
test_relayed_change (ApiFixture    *fixture,
                     gconstpointer  data)
{
  g_autoptr(CkClient) first = new_connected_client (fixture, CKSIM_EXAMPLE_APP_ID,
                                                    CKSIM_EXAMPLE_APP_SECRET);
  g_autoptr(CkClient) second = new_connected_client (fixture, CKSIM_EXAMPLE2_APP_ID,
                                                     CKSIM_EXAMPLE2_APP_SECRET);
  CkDevice *mine = ck_device_list_lookup (ck_client_get_devices (first), KITCHEN_PLUG);
  CkDevice *theirs = ck_device_list_lookup (ck_client_get_devices (second), KITCHEN_PLUG);
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  g_assert_false (ck_device_get_power (mine));
  ck_client_set_power_async (second, theirs, TRUE, NULL, api_store_result_cb, &result);
  g_assert_true (ck_client_set_power_finish (second, api_wait_result (&result), &error));
  g_clear_object (&result);
  g_assert_no_error (error);

  api_wait_until (plug_is_on, mine, API_TEST_WAIT_MS);
  g_assert_false (ck_device_get_pending (mine));
  /* Both sessions stay up: different app ids coexist. */
  g_assert_cmpint (ck_client_get_state (first), ==, CK_CLIENT_STATE_ONLINE);
  g_assert_cmpint (ck_client_get_state (second), ==, CK_CLIENT_STATE_ONLINE);
}

/* The simulator goes away: the client notices and starts reconnecting. */
static void
test_reconnect (ApiFixture    *fixture,
                gconstpointer  data)
{
  g_autoptr(CkClient) client = new_connected_client (fixture, CKSIM_EXAMPLE_APP_ID,
                                                     CKSIM_EXAMPLE_APP_SECRET);

  g_object_set (client, "reconnect-delay", 50, NULL);
  g_assert_cmpuint (cksim_server_drop_sockets (fixture->sim, NULL), >=, 1);
  api_wait_until (live_is_reconnecting, client, API_TEST_WAIT_MS);
  api_wait_until (live_is_online, client, API_TEST_WAIT_MS);
}

/* Heartbeats answered in time keep the session up. */
static gboolean
after_deadline (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

static void
test_heartbeat (ApiFixture    *fixture,
                gconstpointer  data)
{
  g_autoptr(CkClient) client = NULL;
  g_autoptr(CkApi) api = api_new_unsigned (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET);
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  gint64 deadline;

  client = ck_client_new (api);
  g_object_set (client, "heartbeat-interval", 50, "pong-timeout", 200, NULL);
  api_sign_in (api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  ck_client_connect_async (client, NULL, api_store_result_cb, &result);
  g_assert_true (ck_client_connect_finish (client, api_wait_result (&result), &error));
  g_clear_object (&result);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 400 * 1000;
  api_wait_until (after_deadline, &deadline, API_TEST_WAIT_MS);
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_ONLINE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, ApiFixture, NULL, api_fixture_set_up, func, api_fixture_tear_down)

  ADD ("/integration/login/success", test_login_success);
  ADD ("/integration/login/wrong-password", test_login_wrong_password);
  ADD ("/integration/login/wrong-region", test_login_wrong_region);
  ADD ("/integration/login/bad-signature", test_bad_signature);
  ADD ("/integration/login/stale-ts", test_stale_ts);
  ADD ("/integration/devices/list", test_device_list);
  ADD ("/integration/devices/not-signed-in", test_not_signed_in);
  ADD ("/integration/token/expired", test_expired_token);
  ADD ("/integration/token/second-login-revokes", test_second_login_revokes);
  ADD ("/integration/token/client-session-taken", test_client_session_taken);
  ADD ("/integration/command/toggle", test_toggle);
  ADD ("/integration/command/toggle-multi-channel", test_toggle_multi_channel);
  ADD ("/integration/command/toggle-offline", test_toggle_offline);
  ADD ("/integration/command/relayed-change", test_relayed_change);
  ADD ("/integration/session/reconnect", test_reconnect);
  ADD ("/integration/session/heartbeat", test_heartbeat);

#undef ADD

  return g_test_run ();
}
