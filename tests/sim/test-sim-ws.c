/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-sim-ws"

#include <string.h>

#include "sim-test-util.h"

#define APP CKSIM_EXAMPLE_APP_ID
#define SECRET CKSIM_EXAMPLE_APP_SECRET
#define APP2 CKSIM_EXAMPLE2_APP_ID
#define SECRET2 CKSIM_EXAMPLE2_APP_SECRET
#define PLUG "1000a1b202"
#define OFFLINE_PUMP "1000a1b20c"


/* A signed-in, handshaken socket of the demo account with @appid. */
static SimWs *
online_session (SimFixture *f,
                const char *appid,
                const char *secret,
                const char *email,
                const char *password)
{
  g_autofree char *at = sim_login (f, appid, secret, email, password);
  SimWs *ws = sim_ws_connect (f);
  g_autoptr(JsonObject) reply = sim_ws_user_online (f, ws, at, f->apikey, appid);

  g_assert_cmpint (sim_error_code (reply), ==, 0);
  return ws;
}

static char *
update_message (const char *apikey,
                const char *self_apikey,
                const char *deviceid,
                const char *params,
                const char *sequence)
{
  return g_strdup_printf ("{\"action\":\"update\",\"apikey\":\"%s\",\"selfApikey\":\"%s\","
                          "\"deviceid\":\"%s\",\"params\":%s,\"userAgent\":\"app\","
                          "\"sequence\":%s,\"ts\":0}",
                          apikey, self_apikey, deviceid, params, sequence);
}

static void
test_handshake_ok (SimFixture    *f,
                   gconstpointer  data)
{
  g_autofree char *at = sim_login (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autoptr(SimWs) ws = sim_ws_connect (f);
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonObject) again = NULL;
  JsonObject *config;

  g_object_set (f->server, "hb-interval", 90u, NULL);
  sim_ws_send (ws, "ping");
  text = sim_ws_next_text (ws, 2000);
  g_assert_cmpstr (text, ==, "pong");

  reply = sim_ws_user_online (f, ws, at, f->apikey, APP);
  g_assert_cmpint (sim_error_code (reply), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (reply, "apikey"), ==, f->apikey);
  g_assert_cmpstr (json_object_get_string_member (reply, "sequence"), ==, "1600000000000");
  config = json_object_get_object_member (reply, "config");
  g_assert_cmpint (json_object_get_int_member (config, "hb"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (config, "hbInterval"), ==, 90);

  /* A numeric sequence is echoed as a number. */
  {
    g_autofree char *query = g_strdup_printf ("{\"action\":\"query\",\"apikey\":\"%s\",\"deviceid\":\"%s\","
                                              "\"params\":[\"switch\",\"nothing\"],\"userAgent\":\"app\","
                                              "\"sequence\":1600000000001}", f->apikey, PLUG);
    JsonNode *seq;
    JsonObject *params;

    sim_ws_send (ws, query);
    again = sim_ws_next (ws, 2000);
    g_assert_cmpint (sim_error_code (again), ==, 0);
    seq = json_object_get_member (again, "sequence");
    g_assert_cmpint (json_node_get_value_type (seq), ==, G_TYPE_INT64);
    g_assert_cmpint (json_node_get_int (seq), ==, 1600000000001);
    params = json_object_get_object_member (again, "params");
    g_assert_cmpstr (json_object_get_string_member (params, "switch"), ==, "off");
    g_assert_false (json_object_has_member (params, "nothing"));
  }
}

static void
test_handshake_bad (SimFixture    *f,
                    gconstpointer  data)
{
  g_autofree char *at = sim_login (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autoptr(SimWs) first = sim_ws_connect (f);
  g_autoptr(SimWs) agent = sim_ws_connect (f);
  g_autoptr(SimWs) garbage = sim_ws_connect (f);
  g_autoptr(SimWs) wrong_key = sim_ws_connect (f);
  g_autoptr(JsonObject) reply = NULL;
  g_autofree char *bad_agent = NULL;

  /* Not userOnline first. */
  sim_ws_send (first, "{\"action\":\"query\",\"sequence\":\"1\"}");
  reply = sim_ws_next (first, 2000);
  g_assert_cmpint (sim_error_code (reply), ==, 406);
  g_assert_cmpstr (json_object_get_string_member (reply, "reason"), ==, "Authentication Failed");
  sim_ws_wait_closed (first, 2000);
  g_clear_pointer (&reply, json_object_unref);

  /* Malformed: userAgent is not "app". */
  bad_agent = g_strdup_printf ("{\"action\":\"userOnline\",\"at\":\"%s\",\"apikey\":\"%s\",\"appid\":\"%s\","
                               "\"nonce\":\"Agent001\",\"ts\":%" G_GINT64_FORMAT ",\"userAgent\":\"ewelink-api\","
                               "\"sequence\":\"1600000000000\",\"version\":8}",
                               at, f->apikey, APP, cksim_server_get_time (f->server));
  sim_ws_send (agent, bad_agent);
  reply = sim_ws_next (agent, 2000);
  g_assert_cmpint (sim_error_code (reply), ==, 400);
  g_assert_cmpstr (json_object_get_string_member (reply, "actionName"), ==, "userOnline");
  g_clear_pointer (&reply, json_object_unref);

  /* Unknown token, and a good token with another user's apikey. */
  reply = sim_ws_user_online (f, garbage, "0123456789abcdef0123456789abcdef01234567", f->apikey, APP);
  g_assert_cmpint (sim_error_code (reply), ==, 406);
  g_assert_cmpstr (json_object_get_string_member (reply, "actionName"), ==, "userOnline");
  g_clear_pointer (&reply, json_object_unref);
  reply = sim_ws_user_online (f, wrong_key, at, "95da0fea-5692-469a-c562-4dd5ee9a51f1", APP);
  g_assert_cmpint (sim_error_code (reply), ==, 406);
  sim_ws_wait_closed (wrong_key, 2000);
}

static void
test_update_relayed (SimFixture    *f,
                     gconstpointer  data)
{
  g_autoptr(SimWs) a = online_session (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autofree char *owner = g_strdup (f->apikey);
  g_autoptr(SimWs) b = online_session (f, APP2, SECRET2, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autoptr(SimWs) guest = online_session (f, APP, SECRET, CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD);
  g_autofree char *msg = update_message (owner, owner, PLUG, "{\"switch\":\"on\"}", "\"1600000000007\"");
  g_autoptr(JsonObject) ack = NULL;
  g_autoptr(JsonObject) relay = NULL;
  g_autoptr(JsonObject) guest_relay = NULL;
  JsonObject *params;

  g_object_set (f->server, "ack-delay-ms", 20u, NULL);
  sim_ws_send (a, msg);
  ack = sim_ws_next (a, 2000);
  g_assert_cmpint (sim_error_code (ack), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (ack, "deviceid"), ==, PLUG);
  g_assert_cmpstr (json_object_get_string_member (ack, "apikey"), ==, owner);
  g_assert_cmpstr (json_object_get_string_member (ack, "sequence"), ==, "1600000000007");
  g_assert_false (json_object_has_member (ack, "action"));

  relay = sim_ws_next (b, 2000);
  g_assert_cmpstr (json_object_get_string_member (relay, "action"), ==, "update");
  g_assert_cmpstr (json_object_get_string_member (relay, "userAgent"), ==, "app");
  g_assert_cmpstr (json_object_get_string_member (relay, "sequence"), ==, "1600000000007");
  g_assert_cmpstr (json_object_get_string_member (relay, "apikey"), ==, owner);
  params = json_object_get_object_member (relay, "params");
  g_assert_cmpstr (json_object_get_string_member (params, "switch"), ==, "on");
  /* The sharee sees it too; the sender gets nothing but its ack. */
  guest_relay = sim_ws_next (guest, 2000);
  g_assert_cmpstr (json_object_get_string_member (guest_relay, "deviceid"), ==, PLUG);
  sim_ws_assert_quiet (a);

  g_assert_cmpstr (json_object_get_string_member (cksim_server_get_device_params (f->server, PLUG), "switch"),
                   ==, "on");
}

static void
test_update_errors (SimFixture    *f,
                    gconstpointer  data)
{
  g_autoptr(SimWs) guest = online_session (f, APP, SECRET, CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD);
  g_autofree char *guest_key = g_strdup (f->apikey);
  g_autoptr(SimWs) a = online_session (f, APP2, SECRET2, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autofree char *owner = g_strdup (f->apikey);
  /* reason: the device's own why (a refusal it understands), the cloud's
   * "Bad Request", or none (NULL). */
  struct { SimWs *ws; char *msg; gint64 code; const char *reason; } cases[] = {
    /* Offline device: 503 at once. */
    { a, update_message (owner, owner, OFFLINE_PUMP, "{\"switches\":[{\"switch\":\"on\",\"outlet\":0}]}", "\"1\""),
      503, NULL },
    /* Unknown key, wrong type, out of range: the device says 400, and why. */
    { a, update_message (owner, owner, PLUG, "{\"swtich\":\"on\"}", "\"2\""), 400, "unknown key \"swtich\"" },
    { a, update_message (owner, owner, PLUG, "{\"switch\":1}", "\"3\""), 400, "\"switch\" must be a string" },
    { a, update_message (owner, owner, "1000a1b208", "{\"switch\":\"on\",\"brightness\":101}", "\"4\""), 400,
      "\"brightness\" out of range" },
    { a, update_message (owner, owner, "1000a1b204", "{\"switches\":[{\"switch\":\"on\",\"outlet\":5}]}", "\"5\""),
      400, "outlet 5 out of range" },
    /* params must be an object. */
    { a, update_message (owner, owner, PLUG, "[{\"switch\":\"on\"}]", "\"6\""), 400, "Bad Request" },
    /* Someone else's device, and the owner's key without selfApikey. */
    { guest, update_message (guest_key, guest_key, "1000a1b203", "{\"switch\":\"on\"}", "\"7\""), 403, NULL },
    { guest, update_message (owner, owner, PLUG, "{\"switch\":\"on\"}", "\"8\""), 403, NULL },
    /* Unknown action. */
    { a, g_strdup_printf ("{\"action\":\"explode\",\"apikey\":\"%s\",\"userAgent\":\"app\",\"sequence\":\"10\"}", owner),
      400, "Bad Request" },
    /* The sharee with the owner's apikey and its own selfApikey: fine. */
    { guest, update_message (owner, guest_key, PLUG, "{\"switch\":\"on\"}", "\"9\""), 0, NULL },
  };
  g_autoptr(JsonObject) relay = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) reply = NULL;

      g_test_message ("case %u", i);
      sim_ws_send (cases[i].ws, cases[i].msg);
      reply = sim_ws_next (cases[i].ws, 2000);
      g_assert_cmpint (sim_error_code (reply), ==, cases[i].code);
      g_assert_cmpstr (json_object_get_string_member_with_default (reply, "reason", NULL), ==, cases[i].reason);
      g_free (cases[i].msg);
    }
  /* The owner's session sees the sharee's command. */
  relay = sim_ws_next (a, 2000);
  g_assert_cmpstr (json_object_get_string_member (relay, "action"), ==, "update");
  g_assert_cmpstr (json_object_get_string_member (relay, "sequence"), ==, "9");
  sim_ws_assert_quiet (a);
  g_assert_cmpstr (json_object_get_string_member (cksim_server_get_device_params (f->server, "1000a1b208"),
                                                  "switch"), ==, "on");
  g_assert_cmpint (json_object_get_int_member (cksim_server_get_device_params (f->server, "1000a1b208"),
                                               "brightness"), ==, 60);
}

static void
test_unknown_key_compat (SimFixture    *f,
                         gconstpointer  data)
{
  g_autoptr(SimWs) a = online_session (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autofree char *msg = update_message (f->apikey, f->apikey, PLUG, "{\"partnerThing\":\"x\"}", "\"1\"");
  g_autoptr(JsonObject) reply = NULL;

  sim_ws_send (a, msg);
  reply = sim_ws_next (a, 2000);
  g_assert_cmpint (sim_error_code (reply), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (cksim_server_get_device_params (f->server, PLUG),
                                                  "partnerThing"), ==, "x");
}

static void
test_multichannel_merge (SimFixture    *f,
                         gconstpointer  data)
{
  g_autoptr(SimWs) a = online_session (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autofree char *msg = update_message (f->apikey, f->apikey, "1000a1b204",
                                         "{\"switches\":[{\"switch\":\"on\",\"outlet\":1}]}", "\"1\"");
  g_autoptr(JsonObject) reply = NULL;
  JsonArray *switches;

  sim_ws_send (a, msg);
  reply = sim_ws_next (a, 2000);
  g_assert_cmpint (sim_error_code (reply), ==, 0);
  switches = json_object_get_array_member (cksim_server_get_device_params (f->server, "1000a1b204"), "switches");
  g_assert_cmpuint (json_array_get_length (switches), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *item = json_array_get_object_element (switches, i);
      const char *expected = (const char *[]) { "on", "on", "on", "off" }[json_object_get_int_member (item, "outlet")];

      g_assert_cmpstr (json_object_get_string_member (item, "switch"), ==, expected);
    }
}

static void
test_sysmsg (SimFixture    *f,
             gconstpointer  data)
{
  g_autoptr(SimWs) guest = online_session (f, APP, SECRET, CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD);
  g_autoptr(JsonObject) push = NULL;

  /* Not shared with the guest: no push. The plug: a push. */
  g_assert_true (cksim_server_set_device_online (f->server, "1000a1b203", FALSE));
  g_assert_true (cksim_server_set_device_online (f->server, PLUG, FALSE));
  push = sim_ws_next (guest, 2000);
  g_assert_cmpstr (json_object_get_string_member (push, "action"), ==, "sysmsg");
  g_assert_cmpstr (json_object_get_string_member (push, "deviceid"), ==, PLUG);
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (push, "params"), "online"));
  sim_ws_assert_quiet (guest);
}

static void
test_idle_timeout (SimFixture    *f,
                   gconstpointer  data)
{
  g_autoptr(SimWs) a = NULL;
  g_autoptr(SimWs) silent = NULL;

  g_object_set (f->server, "idle-timeout-ms", 150u, "handshake-timeout-ms", 100u, NULL);
  a = online_session (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  silent = sim_ws_connect (f);
  sim_ws_wait_closed (silent, 1000);
  sim_ws_wait_closed (a, 1000);
  g_assert_true (a->closed);
}

static void
test_replaced_socket (SimFixture    *f,
                      gconstpointer  data)
{
  g_autofree char *at = sim_login (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autoptr(SimWs) old = sim_ws_connect (f);
  g_autoptr(SimWs) fresh = sim_ws_connect (f);
  g_autoptr(JsonObject) r1 = sim_ws_user_online (f, old, at, f->apikey, APP);
  g_autoptr(JsonObject) r2 = sim_ws_user_online (f, fresh, at, f->apikey, APP);

  g_assert_cmpint (sim_error_code (r1), ==, 0);
  g_assert_cmpint (sim_error_code (r2), ==, 0);
  sim_ws_wait_closed (old, 2000);
  sim_ws_assert_quiet (fresh);
  g_assert_cmpuint (cksim_server_drop_sockets (f->server, CKSIM_DEMO_EMAIL), ==, 1);
  sim_ws_wait_closed (fresh, 2000);
}

/* §8.7.3 --flood-limit: beyond N userOnline per IP per minute (simulator
 * clock), the socket is closed without an answer; off by default. */
static void
test_flood_limit (SimFixture    *f,
                  gconstpointer  data)
{
  g_autofree char *at = sim_login (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autoptr(SimWs) flooded = NULL;
  g_autoptr(SimWs) later = NULL;
  g_autoptr(JsonObject) answer = NULL;
  g_autofree char *text = NULL;
  guint limit = 0;

  /* Off: five handshakes in a row are all answered. */
  g_object_get (f->server, "flood-limit", &limit, NULL);
  g_assert_cmpuint (limit, ==, 0);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(SimWs) ws = sim_ws_connect (f);

      sim_assert_error (sim_ws_user_online (f, ws, at, f->apikey, APP), 0);
    }

  /* On at 3 (nothing was counted while off; the clock moves on anyway). */
  g_object_set (f->server, "flood-limit", 3u, NULL);
  cksim_server_advance_clock (f->server, 61);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SimWs) ws = sim_ws_connect (f);

      sim_assert_error (sim_ws_user_online (f, ws, at, f->apikey, APP), 0);
    }
  flooded = sim_ws_connect (f);
  text = sim_user_online_text (f, at, f->apikey, APP);
  sim_ws_send (flooded, text);
  sim_ws_wait_closed (flooded, 2000);
  g_assert_true (g_queue_is_empty (&flooded->messages));
  g_assert_cmpuint (cksim_server_get_handshake_count (f->server), ==, 9);

  /* A minute later the same IP is answered again. */
  cksim_server_advance_clock (f->server, 60);
  later = sim_ws_connect (f);
  answer = sim_ws_user_online (f, later, at, f->apikey, APP);
  g_assert_cmpint (sim_error_code (answer), ==, 0);
  sim_ws_assert_quiet (later);
}

static gboolean
send_ping (gpointer user_data)
{
  SimWs *ws = user_data;

  /* The server's close frame makes the socket "closing" before "closed"
   * fires: send only while it is open. The test removes this source. */
  if (soup_websocket_connection_get_state (ws->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    sim_ws_send (ws, "ping");
  return G_SOURCE_CONTINUE;
}

/* §8.7.1: pings before userOnline are answered but do not extend the
 * handshake deadline. */
static void
test_handshake_deadline (SimFixture    *f,
                         gconstpointer  data)
{
  g_autoptr(SimWs) ws = NULL;
  guint pinger;

  g_object_set (f->server, "handshake-timeout-ms", 300u, NULL);
  ws = sim_ws_connect (f);
  pinger = g_timeout_add (50, send_ping, ws);
  sim_ws_wait_closed (ws, 1500);
  g_source_remove (pinger);
  g_assert_cmpuint (g_queue_get_length (&ws->messages), >=, 2);
  for (GList *l = ws->messages.head; l != NULL; l = l->next)
    g_assert_cmpstr (l->data, ==, "pong");
}

/* §8.6.2 fault "silent device": nothing applied, 504 after the ack deadline. */
static void
test_silent_device (SimFixture    *f,
                    gconstpointer  data)
{
  g_autoptr(SimWs) a = online_session (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autofree char *msg = update_message (f->apikey, f->apikey, PLUG, "{\"switch\":\"on\"}", "\"1\"");
  g_autoptr(JsonObject) reply = NULL;
  g_autofree char *at2 = NULL;

  g_object_set (f->server, "ack-timeout-ms", 200u, NULL);
  sim_assert_error (sim_control (f, "POST", "/_sim/acks", "{\"mode\":\"silent\"}"), 0);
  sim_ws_send (a, msg);
  reply = sim_ws_next (a, 2000);
  g_assert_cmpint (sim_error_code (reply), ==, 504);
  g_assert_cmpstr (json_object_get_string_member (reply, "sequence"), ==, "1");
  g_assert_cmpstr (json_object_get_string_member (cksim_server_get_device_params (f->server, PLUG), "switch"),
                   ==, "off");

  /* Back to normal: the device answers again. */
  g_assert_true (cksim_server_set_ack_mode (f->server, "normal", 0));
  g_free (msg);
  msg = update_message (f->apikey, f->apikey, PLUG, "{\"switch\":\"on\"}", "\"2\"");
  sim_ws_send (a, msg);
  sim_assert_error (sim_ws_next (a, 2000), 0);

  /* HTTP cannot wait for the deadline: 504 at once, nothing applied. */
  g_assert_true (cksim_server_set_ack_mode (f->server, "silent", 0));
  at2 = sim_login (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  sim_assert_error (sim_bearer_body (f, "POST", "/eu/api/user/device/status", at2,
                                     "\"deviceid\":\"" PLUG "\",\"params\":{\"switch\":\"off\"}"), 504);
  g_assert_cmpstr (json_object_get_string_member (cksim_server_get_device_params (f->server, PLUG), "switch"),
                   ==, "on");
}

/* Spec §8.10 relaxes only the ts window: the handshake's ts is still ten
 * digits of seconds under --compat (milliseconds: 400), however old. */
static void
test_handshake_compat_ts (SimFixture    *f,
                          gconstpointer  data)
{
  g_autofree char *at = sim_login (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  gint64 now = cksim_server_get_time (f->server);
#define USER_ONLINE_WITH_TS "{\"action\":\"userOnline\",\"at\":\"%s\",\"apikey\":\"%s\",\"appid\":\"%s\"," \
                            "\"nonce\":\"%s\",\"ts\":%" G_GINT64_FORMAT ",\"userAgent\":\"app\"," \
                            "\"sequence\":\"1600000000000\",\"version\":8}"
  g_autofree char *millis = g_strdup_printf (USER_ONLINE_WITH_TS, at, f->apikey, APP, "Milli001", now * 1000);
  g_autofree char *stale = g_strdup_printf (USER_ONLINE_WITH_TS, at, f->apikey, APP, "Stale001", now - 86400);
#undef USER_ONLINE_WITH_TS
  g_autoptr(SimWs) first = sim_ws_connect (f);
  g_autoptr(SimWs) second = sim_ws_connect (f);
  g_autoptr(JsonObject) reply = NULL;

  sim_ws_send (first, millis);
  reply = sim_ws_next (first, 2000);
  g_assert_cmpint (sim_error_code (reply), ==, 400);
  g_assert_cmpstr (json_object_get_string_member (reply, "actionName"), ==, "userOnline");
  g_clear_pointer (&reply, json_object_unref);

  sim_ws_send (second, stale);
  reply = sim_ws_next (second, 2000);
  g_assert_cmpint (sim_error_code (reply), ==, 0);
}

/* A disabled app's live token opens no socket (REST answers 403). */
static void
test_handshake_app_disabled (SimFixture    *f,
                             gconstpointer  data)
{
  g_autofree char *at = sim_login (f, APP, SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autoptr(SimWs) refused = sim_ws_connect (f);
  g_autoptr(SimWs) accepted = sim_ws_connect (f);
  g_autoptr(JsonObject) reply = NULL;

  g_assert_true (cksim_server_set_app_enabled (f->server, APP, FALSE));
  reply = sim_ws_user_online (f, refused, at, f->apikey, APP);
  g_assert_cmpint (sim_error_code (reply), ==, 406);
  g_assert_cmpstr (json_object_get_string_member (reply, "actionName"), ==, "userOnline");
  sim_ws_wait_closed (refused, 2000);
  g_clear_pointer (&reply, json_object_unref);

  g_assert_true (cksim_server_set_app_enabled (f->server, APP, TRUE));
  reply = sim_ws_user_online (f, accepted, at, f->apikey, APP);
  g_assert_cmpint (sim_error_code (reply), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SIM_TEST_ADD ("/sim/ws/handshake/ok", test_handshake_ok, F_DEFAULT);
  SIM_TEST_ADD ("/sim/ws/handshake/bad", test_handshake_bad, F_DEFAULT);
  SIM_TEST_ADD ("/sim/ws/handshake/compat-ts", test_handshake_compat_ts, F_COMPAT);
  SIM_TEST_ADD ("/sim/ws/handshake/app-disabled", test_handshake_app_disabled, F_DEFAULT);
  SIM_TEST_ADD ("/sim/ws/update/relayed", test_update_relayed, F_DEFAULT);
  SIM_TEST_ADD ("/sim/ws/update/errors", test_update_errors, F_DEFAULT);
  SIM_TEST_ADD ("/sim/ws/update/unknown-key-compat", test_unknown_key_compat, F_COMPAT);
  SIM_TEST_ADD ("/sim/ws/update/multichannel-merge", test_multichannel_merge, F_DEFAULT);
  SIM_TEST_ADD ("/sim/ws/sysmsg", test_sysmsg, F_DEFAULT);
  SIM_TEST_ADD ("/sim/ws/idle-timeout", test_idle_timeout, F_DEFAULT);
  SIM_TEST_ADD ("/sim/ws/replaced-socket", test_replaced_socket, F_DEFAULT);
  SIM_TEST_ADD ("/sim/ws/flood-limit", test_flood_limit, F_DEFAULT);
  SIM_TEST_ADD ("/sim/ws/handshake/deadline", test_handshake_deadline, F_DEFAULT);
  SIM_TEST_ADD ("/sim/ws/update/silent-device", test_silent_device, F_DEFAULT);

  return g_test_run ();
}
