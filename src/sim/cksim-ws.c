/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-ws"

#include "cksim-ws.h"
#include "cksim-device.h"
#include "cksim-json.h"
#include "cksim-ratelimit.h"
#include "cksim-share.h"
#include "cksim-timers.h"

#include <string.h>

typedef struct
{
  CkSimWs                 *ws;
  SoupWebsocketConnection *conn;
  gboolean                 authenticated;
  gboolean                 closing;
  char                    *apikey;
  char                    *appid;
  char                    *remote_host;
  guint                    timeout_id;
} Session;

/* An answer the device gives after a delay (ack latency or deadline). */
typedef struct
{
  CkSimWs                 *ws;
  SoupWebsocketConnection *conn;      /* the sender */
  char                    *deviceid;
  JsonObject              *accepted;  /* NULL unless the device accepted */
  JsonObject              *reply;
  JsonNode                *sequence;
  CkSimOutcome             outcome;   /* device reports that follow the ack */
  guint                    source_id;
} PendingAck;

struct _CkSimWs
{
  CkSimState        *state;
  CkSimAuth         *auth;
  const CkSimConfig *config;
  GPtrArray         *sessions;  /* Session, owned */
  GPtrArray         *pending;   /* PendingAck, owned */
  CkSimShares       *shares;
  CkSimEmulator     *emulator;  /* not owned; NULL: plain merges */
  CkSimRateLimit    *handshakes_per_host;  /* the flood limit (§8.7.3) */

  /* Test hooks (/_sim/) */
  CkSimAckMode       ack_mode;
  guint              ack_mode_delay_ms;
  gboolean           answer_pings;
  guint              handshakes;  /* userOnline frames received */
};

static void
session_free (Session *session)
{
  g_clear_handle_id (&session->timeout_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (session->conn, session);
  g_clear_object (&session->conn);
  g_free (session->apikey);
  g_free (session->appid);
  g_free (session->remote_host);
  g_free (session);
}

static void
pending_free (PendingAck *pending)
{
  g_clear_handle_id (&pending->source_id, g_source_remove);
  g_clear_object (&pending->conn);
  g_free (pending->deviceid);
  g_clear_pointer (&pending->accepted, json_object_unref);
  g_clear_pointer (&pending->reply, json_object_unref);
  g_clear_pointer (&pending->sequence, json_node_unref);
  cksim_outcome_clear (&pending->outcome);
  g_free (pending);
}

CkSimWs *
cksim_ws_new (CkSimState        *state,
              CkSimAuth         *auth,
              const CkSimConfig *config)
{
  CkSimWs *ws = g_new0 (CkSimWs, 1);

  ws->state = g_object_ref (state);
  ws->auth = auth;
  ws->config = config;
  ws->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) session_free);
  ws->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  ws->shares = cksim_shares_new (state, config);
  ws->handshakes_per_host = cksim_rate_limit_new ();
  ws->answer_pings = TRUE;
  return ws;
}

void
cksim_ws_free (CkSimWs *ws)
{
  if (ws == NULL)
    return;
  g_clear_pointer (&ws->pending, g_ptr_array_unref);
  g_clear_pointer (&ws->shares, cksim_shares_free);
  g_clear_pointer (&ws->handshakes_per_host, cksim_rate_limit_free);
  for (guint i = 0; i < ws->sessions->len; i++)
    {
      Session *session = g_ptr_array_index (ws->sessions, i);

      if (soup_websocket_connection_get_state (session->conn) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (session->conn, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
    }
  g_clear_pointer (&ws->sessions, g_ptr_array_unref);
  g_clear_object (&ws->state);
  g_free (ws);
}

/* Nothing goes to a socket that is closing: its peer may have said goodbye
 * while this answer was being made. */
static void
send_text (SoupWebsocketConnection *conn,
           const char              *text)
{
  if (soup_websocket_connection_get_state (conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_send_text (conn, text);
}

static void
send_json (SoupWebsocketConnection *conn,
           JsonObject              *message)
{
  g_autofree char *text = NULL;

  if (soup_websocket_connection_get_state (conn) != SOUP_WEBSOCKET_STATE_OPEN)
    return;
  text = cksim_json_object_to_string (message);
  send_text (conn, text);
}

static void
close_session (Session *session)
{
  if (session->closing)
    return;
  session->closing = TRUE;
  g_clear_handle_id (&session->timeout_id, g_source_remove);
  if (soup_websocket_connection_get_state (session->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (session->conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
}

static gboolean
on_timeout (gpointer user_data)
{
  Session *session = user_data;

  session->timeout_id = 0;
  g_debug ("Closing an idle WebSocket");
  close_session (session);
  return G_SOURCE_REMOVE;
}

/* Re-armed on every frame received: before the handshake the handshake
 * deadline, after it the idle limit of spec §4.4. */
static void
arm_timeout (Session *session)
{
  guint ms = session->authenticated
             ? cksim_config_idle_timeout_ms (session->ws->config)
             : session->ws->config->handshake_timeout_ms;

  g_clear_handle_id (&session->timeout_id, g_source_remove);
  if (!session->closing && ms > 0)
    session->timeout_id = g_timeout_add (ms, on_timeout, session);
}

/* {"error":400,"reason":"Bad Request"[,"sequence":…]} (§8.7.4–6). */
static void
send_bad_request (Session  *session,
                  JsonNode *sequence)
{
  g_autoptr(JsonObject) reply = json_object_new ();

  json_object_set_int_member (reply, "error", 400);
  json_object_set_string_member (reply, "reason", "Bad Request");
  if (sequence != NULL)
    json_object_set_member (reply, "sequence", json_node_copy (sequence));
  send_json (session->conn, reply);
}

static void
send_auth_failed_and_close (Session *session)
{
  g_autoptr(JsonObject) reply = json_object_new ();

  json_object_set_int_member (reply, "error", 406);
  json_object_set_string_member (reply, "reason", "Authentication Failed");
  send_json (session->conn, reply);
  close_session (session);
}

/* A sequence is a string or an integer, echoed exactly (§4.2). */
static JsonNode *
valid_sequence (JsonObject *message)
{
  JsonNode *node = json_object_get_member (message, "sequence");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING && json_node_get_string (node)[0] != '\0')
    return node;
  if (cksim_json_is_integer (node))
    return node;
  return NULL;
}

static void
handshake_reply (Session    *session,
                 int         code,
                 const char *apikey,
                 JsonNode   *sequence)
{
  g_autoptr(JsonObject) reply = json_object_new ();

  json_object_set_int_member (reply, "error", code);
  if (code == 400)
    json_object_set_string_member (reply, "reason", "Bad Request");
  if (apikey != NULL)
    json_object_set_string_member (reply, "apikey", apikey);
  if (code == 0)
    {
      JsonObject *config = json_object_new ();

      json_object_set_int_member (config, "hb", 1);
      json_object_set_int_member (config, "hbInterval", session->ws->config->hb_interval);
      json_object_set_object_member (reply, "config", config);
    }
  if (sequence != NULL)
    json_object_set_member (reply, "sequence", json_node_copy (sequence));
  if (code != 0)
    json_object_set_string_member (reply, "actionName", "userOnline");
  send_json (session->conn, reply);
}

/* §8.7.3 (SIM choice, off by default): more than "flood-limit" handshakes
 * from one IP within a minute of the simulator clock. Refused frames do not
 * count, so a client that backs off gets through again. */
static gboolean
is_flooding (Session *session)
{
  CkSimWs *ws = session->ws;
  gint64 now_ms;

  if (ws->config->flood_limit == 0)
    return FALSE;
  now_ms = cksim_clock_get_time_ms (cksim_state_get_clock (ws->state));
  return !cksim_rate_limit_allow (ws->handshakes_per_host, session->remote_host, now_ms,
                                  0, ws->config->flood_limit, 60 * 1000);
}

static void
handle_user_online (Session    *session,
                    JsonObject *message)
{
  CkSimWs *ws = session->ws;
  const char *at = cksim_json_get_string (message, "at");
  const char *apikey = cksim_json_get_string (message, "apikey");
  const char *appid = cksim_json_get_string (message, "appid");
  JsonNode *sequence = valid_sequence (message);
  CkSimSession *login = NULL;

  ws->handshakes++;
  if (is_flooding (session))
    {
      g_debug ("userOnline flood from %s: closing without an answer", session->remote_host);
      close_session (session);
      return;
    }
  if (at == NULL || apikey == NULL || appid == NULL || sequence == NULL
      || g_strcmp0 (cksim_json_get_string (message, "userAgent"), "app") != 0
      || !cksim_auth_check_common (ws->auth, message, FALSE, FALSE))
    {
      handshake_reply (session, 400, apikey, json_object_get_member (message, "sequence"));
      close_session (session);
      return;
    }

  /* A disabled app's tokens open no socket either (REST answers 403; the
   * handshake documents only 400 and 406). */
  if (cksim_state_lookup_at (ws->state, at, &login) != CKSIM_TOKEN_LIVE
      || !g_str_equal (login->appid, appid) || !g_str_equal (login->user_apikey, apikey)
      || !cksim_state_get_app_enabled (ws->state, appid))
    {
      handshake_reply (session, 406, apikey, sequence);
      close_session (session);
      return;
    }

  /* One socket per (user, appid): the newest replaces the older ones.
   * Backwards, so a synchronous "closed" cannot skip an entry. */
  for (guint i = ws->sessions->len; i-- > 0;)
    {
      Session *other = g_ptr_array_index (ws->sessions, i);

      if (other != session && other->authenticated && !other->closing
          && g_str_equal (other->apikey, apikey) && g_str_equal (other->appid, appid))
        close_session (other);
    }

  session->authenticated = TRUE;
  g_free (session->apikey);
  g_free (session->appid);
  /* (apikey, appid) names the socket's login lineage: a refresh keeps it,
   * a new login, register or reset ends it (cksim_ws_revoke()). */
  session->apikey = g_strdup (apikey);
  session->appid = g_strdup (appid);
  arm_timeout (session);
  handshake_reply (session, 0, apikey, sequence);
}

/* Every other live session whose user can see @device receives @message. */
static void
push_to_watchers (CkSimWs                 *ws,
                  CkSimDevice             *device,
                  JsonObject              *message,
                  SoupWebsocketConnection *except)
{
  for (guint i = 0; i < ws->sessions->len; i++)
    {
      Session *session = g_ptr_array_index (ws->sessions, i);

      if (!session->authenticated || session->closing || session->conn == except)
        continue;
      if (cksim_device_access (device, session->apikey) != CKSIM_ACCESS_NONE)
        send_json (session->conn, message);
    }
}

/* @reason (nullable): why the device refused, like the real cloud's
 * error texts: {"error":400,"reason":"unknown key \"x\"",…}. */
static JsonObject *
device_reply (int         code,
              const char *reason,
              const char *deviceid,
              const char *apikey,
              JsonNode   *sequence)
{
  JsonObject *reply = json_object_new ();

  json_object_set_int_member (reply, "error", code);
  if (reason != NULL)
    json_object_set_string_member (reply, "reason", reason);
  if (deviceid != NULL)
    json_object_set_string_member (reply, "deviceid", deviceid);
  if (apikey != NULL)
    json_object_set_string_member (reply, "apikey", apikey);
  if (sequence != NULL)
    json_object_set_member (reply, "sequence", json_node_copy (sequence));
  return reply;
}

static const char *
self_apikey (JsonObject *message)
{
  /* D20, D19 and D20-zh spell it three ways (§4.6). */
  static const char * const names[] = { "selfApikey", "selfApiKey", "selfApkey" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (cksim_json_get_string (message, names[i]) != NULL)
      return cksim_json_get_string (message, names[i]);
  return NULL;
}

/* Spec §8.5, "WS apikey checks": 0 when allowed, else 403. */
static int
check_device_access (Session     *session,
                     CkSimDevice *device,
                     JsonObject  *message)
{
  const char *apikey = cksim_json_get_string (message, "apikey");

  if (device == NULL || !g_str_equal (apikey, device->owner_apikey))
    return 403;
  if (!g_str_equal (apikey, session->apikey))
    {
      if (g_strcmp0 (self_apikey (message), session->apikey) != 0
          || cksim_device_access (device, session->apikey) != CKSIM_ACCESS_SHAREE)
        return 403;
    }
  return 0;
}

void
cksim_ws_relay_update (CkSimWs                 *ws,
                       CkSimDevice             *device,
                       JsonObject              *params,
                       SoupWebsocketConnection *sender,
                       JsonNode                *sequence)
{
  g_autoptr(JsonObject) relay = json_object_new ();

  json_object_set_string_member (relay, "action", "update");
  json_object_set_string_member (relay, "deviceid", device->deviceid);
  json_object_set_string_member (relay, "apikey", device->owner_apikey);
  json_object_set_string_member (relay, "userAgent", "app");
  if (sequence != NULL)
    json_object_set_member (relay, "sequence", json_node_copy (sequence));
  else
    {
      g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              cksim_clock_get_time_ms (cksim_state_get_clock (ws->state)));

      json_object_set_string_member (relay, "sequence", now);
    }
  json_object_set_int_member (relay, "ts", 0);
  json_object_set_member (relay, "params", cksim_json_object_node (params));
  push_to_watchers (ws, device, relay, sender);
}

static gboolean
on_pending_ack (gpointer user_data)
{
  PendingAck *pending = user_data;
  CkSimWs *ws = pending->ws;
  CkSimDevice *device = cksim_state_find_device (ws->state, pending->deviceid);

  pending->source_id = 0;
  send_json (pending->conn, pending->reply);
  if (pending->accepted != NULL && device != NULL)
    {
      cksim_ws_relay_update (ws, device, pending->accepted, pending->conn, pending->sequence);
      cksim_ws_push_outcome (ws, device, &pending->outcome);
    }

  g_ptr_array_remove (ws->pending, pending);
  return G_SOURCE_REMOVE;
}

static void
answer_later (Session      *session,
              const char   *deviceid,
              JsonObject   *accepted,
              JsonObject   *reply,
              JsonNode     *sequence,
              CkSimOutcome *outcome,
              guint         delay_ms)
{
  PendingAck *pending = g_new0 (PendingAck, 1);

  if (outcome != NULL)
    {
      pending->outcome = *outcome;
      *outcome = (CkSimOutcome) { NULL, NULL };
    }

  pending->ws = session->ws;
  pending->conn = g_object_ref (session->conn);
  pending->deviceid = g_strdup (deviceid);
  pending->accepted = accepted;
  pending->reply = reply;
  pending->sequence = json_node_copy (sequence);
  g_ptr_array_add (session->ws->pending, pending);
  if (delay_ms == 0)
    on_pending_ack (pending);
  else
    pending->source_id = g_timeout_add (delay_ms, on_pending_ack, pending);
}

void
cksim_ws_set_emulator (CkSimWs       *ws,
                       CkSimEmulator *emulator)
{
  ws->emulator = emulator;
}

void
cksim_ws_apply (CkSimWs      *ws,
                CkSimDevice  *device,
                JsonObject   *accepted,
                CkSimOutcome *outcome)
{
  if (ws->emulator != NULL)
    cksim_emulator_apply (ws->emulator, device, accepted, outcome);
  else
    cksim_device_merge (device, accepted);
  cksim_state_changed (ws->state);
}

void
cksim_ws_push_outcome (CkSimWs      *ws,
                       CkSimDevice  *device,
                       CkSimOutcome *outcome)
{
  for (guint i = 0; outcome->reports != NULL && i < outcome->reports->len; i++)
    cksim_ws_push_report (ws, device, g_ptr_array_index (outcome->reports, i));
  g_clear_pointer (&outcome->reports, g_ptr_array_unref);
}

/* The device's answer latency: the configured one unless a test delays it. */
static guint
ack_delay (CkSimWs *ws)
{
  return ws->ack_mode == CKSIM_ACK_DELAY ? ws->ack_mode_delay_ms : ws->config->ack_delay_ms;
}

static void
handle_update (Session    *session,
               JsonObject *message,
               JsonNode   *sequence)
{
  CkSimWs *ws = session->ws;
  const char *deviceid = cksim_json_get_string (message, "deviceid");
  const char *apikey = cksim_json_get_string (message, "apikey");
  JsonNode *params = json_object_get_member (message, "params");
  CkSimDevice *device;
  JsonObject *accepted = NULL;
  JsonObject *reply;
  CkSimOutcome outcome = { NULL, NULL };
  g_autofree char *reason = NULL;
  CkSimDeviceAck ack;
  int code;

  if (deviceid == NULL || params == NULL || !JSON_NODE_HOLDS_OBJECT (params))
    {
      send_bad_request (session, sequence);
      return;
    }

  device = cksim_state_find_device (ws->state, deviceid);
  code = check_device_access (session, device, message);
  /* The cloud's own check: a sharee's timer changes within the permit (§8.5). */
  if (code == 0)
    code = cksim_timers_check_permit (device, session->apikey, json_node_get_object (params));
  if (code == 0 && !device->online)
    code = 503;
  if (code != 0)
    {
      g_autoptr(JsonObject) refusal = device_reply (code, NULL, deviceid, apikey, sequence);

      send_json (session->conn, refusal);
      return;
    }

  /* Test hook: the command vanishes in the cloud, nothing applied or answered. */
  if (ws->ack_mode == CKSIM_ACK_SWALLOW)
    return;
  /* Test hook: a silent device; the cloud gives up after the deadline (§8.6.2). */
  if (ws->ack_mode == CKSIM_ACK_SILENT)
    {
      answer_later (session, deviceid, NULL, device_reply (504, NULL, deviceid, apikey, sequence), sequence,
                    NULL, ws->config->ack_timeout_ms);
      return;
    }

  ack = cksim_device_check_update (device, json_node_get_object (params),
                                   ws->config, &accepted, &reason);
  if (ack != CKSIM_DEVICE_ACK_OK)
    g_debug ("Device %s answers %d: %s", deviceid, ack, reason ? reason : "asleep");

  /* The device decides and switches at once; the delay is the answer's way
   * back. So an answer lost with a dropped socket leaves the change applied,
   * and a query after reconnecting sees it (spec Appendix B, step 9). */
  reply = device_reply (ack, ack == CKSIM_DEVICE_ACK_REJECTED ? reason : NULL, deviceid, apikey, sequence);
  if (accepted != NULL)
    {
      cksim_ws_apply (ws, device, accepted, &outcome);
      if (outcome.config != NULL)
        json_object_set_object_member (reply, "config", json_object_ref (outcome.config));
    }
  answer_later (session, deviceid, accepted, reply, sequence, &outcome,
                ack == CKSIM_DEVICE_ACK_SILENT ? ws->config->ack_timeout_ms : ack_delay (ws));
}

static gboolean
user_is_online (const char *apikey,
                gpointer    user_data)
{
  CkSimWs *ws = user_data;

  for (guint i = 0; i < ws->sessions->len; i++)
    {
      Session *session = g_ptr_array_index (ws->sessions, i);

      if (session->authenticated && !session->closing && g_str_equal (session->apikey, apikey))
        return TRUE;
    }
  return FALSE;
}

/* share, updateShare, cancelShare (spec §4.9): the owner's side. */
static void
handle_share (Session    *session,
              const char *action,
              JsonObject *message,
              JsonNode   *sequence)
{
  CkSimWs *ws = session->ws;
  const char *deviceid = cksim_json_get_string (message, "deviceid");
  const char *apikey = cksim_json_get_string (message, "apikey");
  JsonNode *params = json_object_get_member (message, "params");
  CkSimDevice *device;
  CkSimShareAnswer answer;
  JsonObject *reply;

  if (deviceid == NULL || params == NULL || !JSON_NODE_HOLDS_OBJECT (params))
    {
      send_bad_request (session, sequence);
      return;
    }

  device = cksim_state_find_device (ws->state, deviceid);
  if (check_device_access (session, device, message) != 0)
    answer = (CkSimShareAnswer) { 403, 0, 0 };
  else
    answer = cksim_shares_handle (ws->shares, action, device, session->apikey,
                                  json_node_get_object (params), user_is_online, ws);

  reply = device_reply (answer.error, NULL, deviceid, apikey, sequence);
  if (answer.error == 0)
    json_object_set_int_member (reply, "result", answer.result);
  answer_later (session, deviceid, NULL, reply, sequence, NULL, answer.delay_ms);
}

static void
handle_query (Session    *session,
              JsonObject *message,
              JsonNode   *sequence)
{
  CkSimWs *ws = session->ws;
  const char *deviceid = cksim_json_get_string (message, "deviceid");
  JsonNode *params = json_object_get_member (message, "params");
  g_autoptr(JsonObject) reply = NULL;
  CkSimDevice *device;
  JsonArray *names;
  JsonObject *out;
  int code;

  if (deviceid == NULL || params == NULL || !JSON_NODE_HOLDS_ARRAY (params))
    {
      send_bad_request (session, sequence);
      return;
    }
  names = json_node_get_array (params);
  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      JsonNode *n = json_array_get_element (names, i);

      if (!cksim_json_is_string (n))
        {
          send_bad_request (session, sequence);
          return;
        }
    }

  device = cksim_state_find_device (ws->state, deviceid);
  code = check_device_access (session, device, message);
  reply = device_reply (code, NULL, deviceid, cksim_json_get_string (message, "apikey"), sequence);
  if (code == 0)
    {
      /* From the shadow, online or not (§8.6.6). */
      if (json_array_get_length (names) == 0)
        out = cksim_json_object_copy (device->params);
      else
        {
          out = json_object_new ();
          for (guint i = 0; i < json_array_get_length (names); i++)
            {
              const char *name = json_array_get_string_element (names, i);
              JsonNode *value = json_object_get_member (device->params, name);

              if (value != NULL)
                json_object_set_member (out, name, cksim_json_copy (value));
            }
        }
      json_object_set_object_member (reply, "params", out);
    }
  send_json (session->conn, reply);
}

static void
handle_request (Session    *session,
                JsonObject *message)
{
  const char *action = cksim_json_get_string (message, "action");
  JsonNode *sequence = valid_sequence (message);

  /* §8.7.4: action, sequence, apikey and userAgent "app" on every request. */
  if (action == NULL || sequence == NULL || cksim_json_get_string (message, "apikey") == NULL
      || g_strcmp0 (cksim_json_get_string (message, "userAgent"), "app") != 0)
    {
      send_bad_request (session, json_object_get_member (message, "sequence"));
      return;
    }

  if (g_str_equal (action, "update"))
    handle_update (session, message, sequence);
  else if (g_str_equal (action, "query"))
    handle_query (session, message, sequence);
  else if (g_str_equal (action, "share") || g_str_equal (action, "updateShare")
           || g_str_equal (action, "cancelShare"))
    handle_share (session, action, message, sequence);
  else
    send_bad_request (session, sequence);
}

static void
on_message (SoupWebsocketConnection *conn,
            int                      type,
            GBytes                  *bytes,
            gpointer                 user_data)
{
  Session *session = user_data;
  g_autoptr(JsonNode) root = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (session->closing)
    return;
  /* Frames keep an authenticated socket alive (§4.4); before userOnline the
   * deadline runs from the connection, pings or not (§8.7.1). */
  if (session->authenticated)
    arm_timeout (session);

  if (type == SOUP_WEBSOCKET_DATA_TEXT && len == 4 && memcmp (data, "ping", 4) == 0)
    {
      if (session->ws->answer_pings)
        send_text (conn, "pong");
      return;
    }

  if (type == SOUP_WEBSOCKET_DATA_TEXT && data != NULL)
    root = cksim_json_parse (data, len, NULL);

  if (!session->authenticated)
    {
      /* The first frame must be userOnline (§8.7.1). */
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)
          || g_strcmp0 (cksim_json_get_string (json_node_get_object (root), "action"), "userOnline") != 0)
        send_auth_failed_and_close (session);
      else
        handle_user_online (session, json_node_get_object (root));
      return;
    }

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      send_bad_request (session, NULL);
      return;
    }
  if (g_strcmp0 (cksim_json_get_string (json_node_get_object (root), "action"), "userOnline") == 0)
    handle_user_online (session, json_node_get_object (root));
  else
    handle_request (session, json_node_get_object (root));
}

static void
on_closed (SoupWebsocketConnection *conn,
           gpointer                 user_data)
{
  Session *session = user_data;

  g_ptr_array_remove (session->ws->sessions, session);
}

void
cksim_ws_accept (CkSimWs                 *ws,
                 SoupWebsocketConnection *conn,
                 const char              *remote_host)
{
  Session *session = g_new0 (Session, 1);

  session->ws = ws;
  session->conn = g_object_ref (conn);
  session->remote_host = g_strdup (remote_host != NULL ? remote_host : "");
  g_ptr_array_add (ws->sessions, session);
  g_signal_connect (conn, "message", G_CALLBACK (on_message), session);
  g_signal_connect (conn, "closed", G_CALLBACK (on_closed), session);
  arm_timeout (session);
}

void
cksim_ws_revoke (CkSimWs    *ws,
                 const char *apikey,
                 const char *appid)
{
  for (guint i = ws->sessions->len; i-- > 0;)
    {
      Session *session = g_ptr_array_index (ws->sessions, i);

      if (session->authenticated && !session->closing
          && g_str_equal (session->apikey, apikey) && g_str_equal (session->appid, appid))
        send_auth_failed_and_close (session);
    }
}

guint
cksim_ws_drop (CkSimWs    *ws,
               const char *apikey)
{
  guint count = 0;

  for (guint i = ws->sessions->len; i-- > 0;)
    {
      Session *session = g_ptr_array_index (ws->sessions, i);

      if (session->closing || (apikey != NULL && g_strcmp0 (session->apikey, apikey) != 0))
        continue;
      close_session (session);
      count++;
    }
  return count;
}

void
cksim_ws_push_online (CkSimWs     *ws,
                      CkSimDevice *device)
{
  g_autoptr(JsonObject) message = json_object_new ();
  JsonObject *params = json_object_new ();

  json_object_set_string_member (message, "action", "sysmsg");
  json_object_set_string_member (message, "deviceid", device->deviceid);
  json_object_set_string_member (message, "apikey", device->owner_apikey);
  json_object_set_int_member (message, "ts", 0);
  json_object_set_boolean_member (params, "online", device->online);
  json_object_set_object_member (message, "params", params);
  push_to_watchers (ws, device, message, NULL);
}

JsonNode *
cksim_ws_dump (CkSimWs *ws)
{
  JsonArray *array = json_array_new ();
  JsonNode *node;

  for (guint i = 0; i < ws->sessions->len; i++)
    {
      Session *session = g_ptr_array_index (ws->sessions, i);
      JsonObject *o;

      if (!session->authenticated || session->closing)
        continue;
      o = json_object_new ();
      json_object_set_string_member (o, "apikey", session->apikey);
      json_object_set_string_member (o, "appid", session->appid);
      json_array_add_object_element (array, o);
    }
  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return node;
}

/* Test hooks */

gboolean
cksim_ack_mode_parse (const char   *name,
                      CkSimAckMode *mode)
{
  static const char * const names[] = { "normal", "delay", "swallow", "silent" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *mode = (CkSimAckMode) i;
        return TRUE;
      }
  return FALSE;
}

void
cksim_ws_set_ack_mode (CkSimWs      *ws,
                       CkSimAckMode  mode,
                       guint         delay_ms)
{
  ws->ack_mode = mode;
  ws->ack_mode_delay_ms = mode == CKSIM_ACK_DELAY ? delay_ms : 0;
}

void
cksim_ws_set_answer_pings (CkSimWs  *ws,
                           gboolean  answer)
{
  ws->answer_pings = !!answer;
}

gboolean
cksim_ws_devices_silent (CkSimWs *ws)
{
  return ws->ack_mode == CKSIM_ACK_SILENT;
}

guint
cksim_ws_get_handshake_count (CkSimWs *ws)
{
  return ws->handshakes;
}

void
cksim_ws_set_share_policy (CkSimWs          *ws,
                           const char       *apikey,
                           CkSimSharePolicy  policy)
{
  cksim_shares_set_policy (ws->shares, apikey, policy);
}

void
cksim_ws_push_report (CkSimWs     *ws,
                      CkSimDevice *device,
                      JsonObject  *params)
{
  g_autoptr(JsonObject) report = json_object_new ();

  cksim_device_merge (device, params);
  cksim_state_changed (ws->state);

  json_object_set_string_member (report, "action", "update");
  json_object_set_string_member (report, "deviceid", device->deviceid);
  json_object_set_string_member (report, "apikey", device->owner_apikey);
  json_object_set_string_member (report, "userAgent", "device");
  json_object_set_int_member (report, "ts", 0);
  json_object_set_member (report, "params", cksim_json_object_node (params));
  json_object_set_string_member (report, "from", "device");
  push_to_watchers (ws, device, report, NULL);
  if (ws->emulator != NULL)
    cksim_emulator_after_report (ws->emulator, device, params);
}
