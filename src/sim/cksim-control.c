/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-control"

#include "cksim-control.h"
#include "cksim-json.h"

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

JsonNode *
cksim_control_dump (CkSimContext *ctx)
{
  JsonNode *root = cksim_state_dump (ctx->state, FALSE);
  JsonObject *o = json_node_get_object (root);

  json_object_set_member (o, "sockets", cksim_ws_dump (ctx->ws));
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
  CkSimDevice *device = cksim_state_find_device (ctx->state, cksim_request_get_string (req, "deviceid"));
  JsonNode *online = json_object_get_member (req->params, "online");

  if (online == NULL || !JSON_NODE_HOLDS_VALUE (online)
      || json_node_get_value_type (online) != G_TYPE_BOOLEAN)
    {
      reply_code (req, SOUP_STATUS_BAD_REQUEST, 400, "needs {\"deviceid\":…,\"online\":true|false}");
      return;
    }
  if (device == NULL)
    {
      reply_code (req, SOUP_STATUS_NOT_FOUND, 404, "no such device");
      return;
    }
  cksim_context_set_device_online (ctx, device, json_node_get_boolean (online));
  reply_code (req, SOUP_STATUS_OK, 0, NULL);
}

static void
handle_clock_advance (CkSimContext *ctx,
                      CkSimRequest *req,
                      CkSimSession *session)
{
  JsonNode *seconds = json_object_get_member (req->params, "seconds");
  g_autoptr(JsonObject) body = NULL;

  if (!cksim_json_is_integer (seconds))
    {
      reply_code (req, SOUP_STATUS_BAD_REQUEST, 400, "needs {\"seconds\":N}");
      return;
    }
  cksim_context_advance_clock (ctx, json_node_get_int (seconds));
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
      CkSimUser *user = cksim_state_find_user (ctx->state, email);

      if (user == NULL)
        {
          reply_code (req, SOUP_STATUS_NOT_FOUND, 404, "no such user");
          return;
        }
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

  if (endpoint == NULL || !cksim_json_is_integer (code) || json_node_get_int (code) == 0)
    {
      reply_code (req, SOUP_STATUS_BAD_REQUEST, 400, "needs {\"endpoint\":…,\"error\":N}");
      return;
    }
  cksim_context_arm_fault (ctx, endpoint, json_node_get_int (code));
  reply_code (req, SOUP_STATUS_OK, 0, NULL);
}

static const CkSimRoute control_routes[] = {
  { "sim-state", "GET", CKSIM_HOST_SIM, "/_sim/state", CKSIM_AUTH_NONE, handle_state },
  { "sim-device-online", "POST", CKSIM_HOST_SIM, "/_sim/device/online", CKSIM_AUTH_NONE, handle_device_online },
  { "sim-clock-advance", "POST", CKSIM_HOST_SIM, "/_sim/clock/advance", CKSIM_AUTH_NONE, handle_clock_advance },
  { "sim-sockets-drop", "POST", CKSIM_HOST_SIM, "/_sim/sockets/drop", CKSIM_AUTH_NONE, handle_sockets_drop },
  { "sim-fault", "POST", CKSIM_HOST_SIM, "/_sim/fault", CKSIM_AUTH_NONE, handle_fault },
};

void
cksim_control_serve (CkSimContext *ctx,
                     CkSimRequest *req)
{
  cksim_router_serve (ctx, control_routes, G_N_ELEMENTS (control_routes), CKSIM_HOST_SIM, req);
}
