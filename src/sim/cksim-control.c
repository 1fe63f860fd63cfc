/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-control"

#include "cksim-control.h"
#include "cksim-json.h"
#include "cksim-seed.h"

static void
reply (CkSimRequest *req,
       JsonObject   *body)
{
  cksim_reply_json (req->msg, SOUP_STATUS_OK, body);
}

static void
reply_code (CkSimRequest *req,
            guint         http_status,
            int           code,
            const char   *text)
{
  g_autoptr(JsonObject) body = cksim_error_body (code, text);

  cksim_reply_json (req->msg, http_status, body);
}

/* The user / device the request names, else a 404 answer and NULL. */
static CkSimUser *
user_or_404 (CkSimContext *ctx,
             CkSimRequest *req,
             const char   *identity)
{
  CkSimUser *user = identity != NULL ? cksim_state_find_user (ctx->state, identity) : NULL;

  if (user == NULL)
    reply_code (req, SOUP_STATUS_NOT_FOUND, 404, "no such user");
  return user;
}

static CkSimDevice *
device_or_404 (CkSimContext *ctx,
               CkSimRequest *req)
{
  CkSimDevice *device = cksim_state_find_device (ctx->state, cksim_request_get_string (req, "deviceid"));

  if (device == NULL)
    reply_code (req, SOUP_STATUS_NOT_FOUND, 404, "no such device");
  return device;
}

JsonNode *
cksim_control_dump (CkSimContext *ctx)
{
  JsonNode *root = cksim_state_dump (ctx->state, FALSE);
  JsonObject *o = json_node_get_object (root);

  json_object_set_member (o, "sockets", cksim_ws_dump (ctx->ws));
  json_object_set_int_member (o, "handshakes", cksim_ws_get_handshake_count (ctx->ws));
  json_object_set_boolean_member (o, "compat", ctx->config->compat);
  return root;
}

static void
handle_state (CkSimContext *ctx,
              CkSimRequest *req,
              CkSimSession *session)
{
  g_autoptr(JsonNode) root = cksim_control_dump (ctx);

  reply (req, json_node_get_object (root));
}

static void
handle_device_online (CkSimContext *ctx,
                      CkSimRequest *req,
                      CkSimSession *session)
{
  JsonNode *online = json_object_get_member (req->params, "online");
  CkSimDevice *device;

  if (!cksim_json_is_boolean (online))
    {
      reply_code (req, SOUP_STATUS_BAD_REQUEST, 400, "needs {\"deviceid\":…,\"online\":true|false}");
      return;
    }
  if ((device = device_or_404 (ctx, req)) == NULL)
    return;
  cksim_context_set_device_online (ctx, device, json_node_get_boolean (online));
  reply_code (req, SOUP_STATUS_OK, 0, NULL);
}

static void
handle_clock_advance (CkSimContext *ctx,
                      CkSimRequest *req,
                      CkSimSession *session)
{
  JsonNode *seconds = json_object_get_member (req->params, "seconds");
  JsonNode *ms = json_object_get_member (req->params, "ms");
  g_autoptr(JsonObject) body = NULL;

  if (cksim_json_is_integer (ms) && seconds == NULL)
    {
      /* Sub-second steps, for the rate limiter's 500 ms rule. */
      cksim_clock_advance_ms (ctx->clock, json_node_get_int (ms));
      cksim_state_changed (ctx->state);
    }
  else if (cksim_json_is_integer (seconds) && ms == NULL)
    cksim_context_advance_clock (ctx, json_node_get_int (seconds));
  else
    {
      reply_code (req, SOUP_STATUS_BAD_REQUEST, 400, "needs {\"seconds\":N} or {\"ms\":N}");
      return;
    }
  body = cksim_error_body (0, NULL);
  json_object_set_int_member (body, "now", cksim_clock_get_time (ctx->clock));
  reply (req, body);
}

static void
handle_sockets_drop (CkSimContext *ctx,
                     CkSimRequest *req,
                     CkSimSession *session)
{
  const char *email = cksim_request_get_string (req, "email");
  const char *apikey = cksim_request_get_string (req, "apikey");
  g_autoptr(JsonObject) body = NULL;

  if (email != NULL)
    {
      CkSimUser *user = user_or_404 (ctx, req, email);

      if (user == NULL)
        return;
      apikey = user->apikey;
    }
  body = cksim_error_body (0, NULL);
  json_object_set_int_member (body, "dropped", cksim_ws_drop (ctx->ws, apikey));
  reply (req, body);
}

static void
handle_fault (CkSimContext *ctx,
              CkSimRequest *req,
              CkSimSession *session)
{
  const char *endpoint = cksim_request_get_string (req, "endpoint");
  JsonNode *code = json_object_get_member (req->params, "error");
  JsonNode *http = json_object_get_member (req->params, "http");
  gboolean as_http = cksim_json_is_boolean (http) && json_node_get_boolean (http);

  if (endpoint == NULL || !cksim_json_is_integer (code) || json_node_get_int (code) == 0
      || (as_http && (json_node_get_int (code) < 400 || json_node_get_int (code) > 599)))
    {
      reply_code (req, SOUP_STATUS_BAD_REQUEST, 400,
                  "needs {\"endpoint\":…,\"error\":N[,\"region\":R][,\"http\":true (N 400-599)]}");
      return;
    }
  cksim_context_arm_fault_full (ctx, endpoint, json_node_get_int (code),
                                cksim_request_get_string (req, "region"), as_http);
  reply_code (req, SOUP_STATUS_OK, 0, NULL);
}

/* Live-connection hooks (issue 4) ---------------------------------------- */

/* {"deviceid":…,"params":{…}}: the device reports a change of its own. */
static void
handle_device_report (CkSimContext *ctx,
                      CkSimRequest *req,
                      CkSimSession *session)
{
  JsonNode *params = json_object_get_member (req->params, "params");
  CkSimDevice *device;

  if (params == NULL || !JSON_NODE_HOLDS_OBJECT (params))
    {
      reply_code (req, SOUP_STATUS_BAD_REQUEST, 400, "needs {\"deviceid\":…,\"params\":{…}}");
      return;
    }
  if ((device = device_or_404 (ctx, req)) == NULL)
    return;
  cksim_ws_push_report (ctx->ws, device, json_node_get_object (params));
  reply_code (req, SOUP_STATUS_OK, 0, NULL);
}

/* {"email":…,"device":{…}} or {"email":…,"devices":[{…},…]}: seeds devices
 * into that account (cksim_server_add_device()), answers
 * {"error":0,"deviceids":[…]}. On a bad entry (400, or 409 for a taken id)
 * the entries before it stay. One state save for the whole batch. */
static void
handle_device_add (CkSimContext *ctx,
                   CkSimRequest *req,
                   CkSimSession *session)
{
  JsonObject *one = cksim_json_get_object (req->params, "device");
  JsonArray *many = cksim_json_get_array (req->params, "devices");
  g_autoptr(JsonArray) ids = json_array_new ();
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  CkSimUser *owner;
  guint n = many != NULL ? json_array_get_length (many) : 1;

  if ((one == NULL) == (many == NULL))
    {
      reply_code (req, SOUP_STATUS_BAD_REQUEST, 400,
                  "needs {\"email\":…,\"device\":{…}} or {\"email\":…,\"devices\":[{…},…]}");
      return;
    }
  if ((owner = user_or_404 (ctx, req, cksim_request_get_string (req, "email"))) == NULL)
    return;

  cksim_state_hold_changes (ctx->state);
  for (guint i = 0; i < n && error == NULL; i++)
    {
      JsonNode *item = many != NULL ? json_array_get_element (many, i) : NULL;
      JsonObject *entry = many != NULL ? (JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL) : one;
      CkSimDevice *device;

      if (entry == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "devices must be objects");
      else if ((device = cksim_seed_device (ctx->state, owner->apikey, entry, &error)) != NULL)
        json_array_add_string_element (ids, device->deviceid);
    }
  cksim_state_release_changes (ctx->state);

  if (error != NULL)
    {
      gboolean taken = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS);

      reply_code (req, taken ? SOUP_STATUS_CONFLICT : SOUP_STATUS_BAD_REQUEST, taken ? 409 : 400,
                  error->message);
      return;
    }
  body = cksim_error_body (0, NULL);
  json_object_set_array_member (body, "deviceids", g_steal_pointer (&ids));
  reply (req, body);
}

/* {"email":…,"policy":"accept"|"refuse"|"timeout"}: how that receiver answers shares. */
static void
handle_share_policy (CkSimContext *ctx,
                     CkSimRequest *req,
                     CkSimSession *session)
{
  CkSimUser *user;
  CkSimSharePolicy policy;

  if (!cksim_share_policy_parse (cksim_request_get_string (req, "policy"), &policy))
    {
      reply_code (req, SOUP_STATUS_BAD_REQUEST, 400,
                  "needs {\"email\":…,\"policy\":\"accept\"|\"refuse\"|\"timeout\"}");
      return;
    }
  if ((user = user_or_404 (ctx, req, cksim_request_get_string (req, "email"))) == NULL)
    return;
  cksim_ws_set_share_policy (ctx->ws, user->apikey, policy);
  reply_code (req, SOUP_STATUS_OK, 0, NULL);
}

/* {"mode":"normal"|"delay"|"swallow"|"silent","delay_ms":N}: what happens to device acks. */
static void
handle_acks (CkSimContext *ctx,
             CkSimRequest *req,
             CkSimSession *session)
{
  JsonNode *delay = json_object_get_member (req->params, "delay_ms");
  gint64 delay_ms = cksim_json_is_integer (delay) ? json_node_get_int (delay) : -1;
  CkSimAckMode mode;

  if (!cksim_ack_mode_parse (cksim_request_get_string (req, "mode"), &mode)
      || (mode == CKSIM_ACK_DELAY && (delay_ms < 0 || delay_ms > G_MAXINT)))
    {
      reply_code (req, SOUP_STATUS_BAD_REQUEST, 400,
                  "needs {\"mode\":\"normal\"|\"delay\"|\"swallow\"|\"silent\",\"delay_ms\":N}");
      return;
    }
  cksim_ws_set_ack_mode (ctx->ws, mode, (guint) MAX (delay_ms, 0));
  reply_code (req, SOUP_STATUS_OK, 0, NULL);
}

/* {"answer":false}: text pings go unanswered (the client's pong watchdog). */
static void
handle_pings (CkSimContext *ctx,
              CkSimRequest *req,
              CkSimSession *session)
{
  JsonNode *answer = json_object_get_member (req->params, "answer");

  if (!cksim_json_is_boolean (answer))
    {
      reply_code (req, SOUP_STATUS_BAD_REQUEST, 400, "needs {\"answer\":true|false}");
      return;
    }
  cksim_ws_set_answer_pings (ctx->ws, json_node_get_boolean (answer));
  reply_code (req, SOUP_STATUS_OK, 0, NULL);
}

static void
handle_codes (CkSimContext *ctx,
              CkSimRequest *req,
              CkSimSession *session)
{
  g_autoptr(JsonObject) body = cksim_error_body (0, NULL);

  json_object_set_member (body, "codes", cksim_codes_dump (ctx->codes));
  reply (req, body);
}

/* GET /_sim/code?identity=E: the live verification code of E. */
static void
handle_code (CkSimContext *ctx,
             CkSimRequest *req,
             CkSimSession *session)
{
  const char *identity = cksim_request_get_string (req, "identity");
  g_autofree char *key = identity != NULL ? cksim_normalize_identity (identity) : NULL;
  const char *code = key != NULL ? cksim_codes_peek (ctx->codes, key) : NULL;
  g_autoptr(JsonObject) body = NULL;

  if (code == NULL)
    {
      reply_code (req, SOUP_STATUS_NOT_FOUND, 404, "no live code for this identity");
      return;
    }
  body = cksim_error_body (0, NULL);
  json_object_set_string_member (body, "identity", key);
  json_object_set_string_member (body, "code", code);
  reply (req, body);
}

/* POST {"identity":E,"activated":false}: E's logins answer 402 (§8.8.3). */
static void
handle_user_activated (CkSimContext *ctx,
                       CkSimRequest *req,
                       CkSimSession *session)
{
  const char *identity = cksim_request_get_string (req, "identity");
  JsonNode *activated = json_object_get_member (req->params, "activated");
  CkSimUser *user;

  if (identity == NULL || !cksim_json_is_boolean (activated))
    {
      reply_code (req, SOUP_STATUS_BAD_REQUEST, 400, "needs {\"identity\":…,\"activated\":true|false}");
      return;
    }
  if ((user = user_or_404 (ctx, req, identity)) == NULL)
    return;
  user->not_activated = !json_node_get_boolean (activated);
  cksim_state_changed (ctx->state);
  reply_code (req, SOUP_STATUS_OK, 0, NULL);
}

/* POST {"appid":…,"enabled":false}: that app's REST calls answer 403 (§8.2.1). */
static void
handle_app (CkSimContext *ctx,
            CkSimRequest *req,
            CkSimSession *session)
{
  const char *appid = cksim_request_get_string (req, "appid");
  JsonNode *enabled = json_object_get_member (req->params, "enabled");

  if (appid == NULL || !cksim_json_is_boolean (enabled))
    {
      reply_code (req, SOUP_STATUS_BAD_REQUEST, 400, "needs {\"appid\":…,\"enabled\":true|false}");
      return;
    }
  if (!cksim_state_set_app_enabled (ctx->state, appid, json_node_get_boolean (enabled)))
    {
      reply_code (req, SOUP_STATUS_NOT_FOUND, 404, "no such app");
      return;
    }
  reply_code (req, SOUP_STATUS_OK, 0, NULL);
}

static const CkSimRoute control_routes[] = {
  { "sim-state", "GET", CKSIM_HOST_SIM, "/_sim/state", CKSIM_AUTH_NONE, handle_state },
  { "sim-device-online", "POST", CKSIM_HOST_SIM, "/_sim/device/online", CKSIM_AUTH_NONE, handle_device_online },
  { "sim-clock-advance", "POST", CKSIM_HOST_SIM, "/_sim/clock/advance", CKSIM_AUTH_NONE, handle_clock_advance },
  { "sim-sockets-drop", "POST", CKSIM_HOST_SIM, "/_sim/sockets/drop", CKSIM_AUTH_NONE, handle_sockets_drop },
  { "sim-fault", "POST", CKSIM_HOST_SIM, "/_sim/fault", CKSIM_AUTH_NONE, handle_fault },
  { "sim-codes", "GET", CKSIM_HOST_SIM, "/_sim/codes", CKSIM_AUTH_NONE, handle_codes },
  { "sim-code", "GET", CKSIM_HOST_SIM, "/_sim/code", CKSIM_AUTH_NONE, handle_code },
  { "sim-user-activated", "POST", CKSIM_HOST_SIM, "/_sim/user/activated", CKSIM_AUTH_NONE,
    handle_user_activated },
  { "sim-app", "POST", CKSIM_HOST_SIM, "/_sim/app", CKSIM_AUTH_NONE, handle_app },
  { "sim-device-add", "POST", CKSIM_HOST_SIM, "/_sim/device/add", CKSIM_AUTH_NONE, handle_device_add },
  { "sim-device-report", "POST", CKSIM_HOST_SIM, "/_sim/device/report", CKSIM_AUTH_NONE, handle_device_report },
  { "sim-share-policy", "POST", CKSIM_HOST_SIM, "/_sim/share-policy", CKSIM_AUTH_NONE, handle_share_policy },
  { "sim-acks", "POST", CKSIM_HOST_SIM, "/_sim/acks", CKSIM_AUTH_NONE, handle_acks },
  { "sim-pings", "POST", CKSIM_HOST_SIM, "/_sim/pings", CKSIM_AUTH_NONE, handle_pings },
};

void
cksim_control_serve (CkSimContext *ctx,
                     CkSimRequest *req)
{
  cksim_router_serve (ctx, control_routes, G_N_ELEMENTS (control_routes), CKSIM_HOST_SIM, req);
}
