/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-rest"

#include "cksim-rest.h"
#include "cksim-device.h"
#include "cksim-json.h"

#include <string.h>

/* Appendix A, as code lists with ranges ("220-244"). */
static const struct
{
  const char *region;
  const char *codes;
} country_regions[] = {
  { "cn", "86" },
  { "us", "1 51 52 53 54 55 56 57 58 61 64 299 501 502 503 504 505 506 507 509 590 591 592 593 "
          "594 595 596 597 598 676 678 679 682 684 685 1242 1246 1264 1671 1758 1809 1868 1876" },
  { "eu", "7 20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 212 213 216 218 220-244 247 "
          "248 249 250 251 253 254 255 256 257 258 260-269 297 298 350-359 370-373 375-378 380 "
          "381 383 385 386 387 389 420 421 423" },
  { "as", "60 62 63 65 66 81 82 84 90 91 92 93 94 95 98 374 382 599 670 673 675 687 689 852 853 "
          "855 856 880 886 960-968 970-977 992-996 998 1268 1340 1345 1441 1473 1649 1664 1767 "
          "1784 1869" },
};

const char *
cksim_region_for_country (const char *country_code)
{
  gint64 code;

  if (country_code == NULL || *country_code == '\0')
    return NULL;
  code = g_ascii_strtoll (country_code, NULL, 10);
  for (guint i = 0; i < G_N_ELEMENTS (country_regions); i++)
    {
      g_auto(GStrv) items = g_strsplit (country_regions[i].codes, " ", -1);

      for (guint j = 0; items[j] != NULL; j++)
        {
          char *dash = strchr (items[j], '-');
          gint64 lo = g_ascii_strtoll (items[j], NULL, 10);
          gint64 hi = dash != NULL ? g_ascii_strtoll (dash + 1, NULL, 10) : lo;

          if (code >= lo && code <= hi)
            return country_regions[i].region;
        }
    }
  return NULL;
}

/* Shapes */

static void
reply_ok (CkSimRequest *req,
          JsonObject   *body)
{
  cksim_reply_json (req->msg, SOUP_STATUS_OK, body);
}

static void
reply_error (CkSimRequest *req,
             int           code,
             const char   *text)
{
  g_autoptr(JsonObject) body = cksim_error_body (code, text);

  reply_ok (req, body);
}

static char *
object_id (const char *seed)
{
  g_autofree char *md5 = g_compute_checksum_for_string (G_CHECKSUM_MD5, seed, -1);

  return g_strndup (md5, 24);
}

static void
set_iso_member (CkSimContext *ctx,
                JsonObject   *o,
                const char   *name,
                gint64        ms)
{
  g_autofree char *iso = cksim_format_iso_ms (ms > 0 ? ms : cksim_clock_get_time_ms (ctx->clock));

  json_object_set_string_member (o, name, iso);
}

static void
set_identity (JsonObject      *o,
              const CkSimUser *user)
{
  json_object_set_string_member (o, cksim_user_is_phone (user) ? "phoneNumber" : "email",
                                 user->identity);
}

/* The user object of login / refresh (spec §3): never a password. */
static JsonObject *
user_to_json (CkSimContext    *ctx,
              const CkSimUser *user,
              const char      *appid)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "_id", user->id);
  set_identity (o, user);
  json_object_set_string_member (o, "appId", appid);
  json_object_set_string_member (o, "lang", "en");
  json_object_set_boolean_member (o, "online", FALSE);
  json_object_set_string_member (o, "nickname", user->nickname);
  set_iso_member (ctx, o, "createdAt", user->created_ms);
  json_object_set_string_member (o, "apikey", user->apikey);
  return o;
}

static JsonObject *
share_party_to_json (CkSimContext *ctx,
                     const char   *apikey,
                     CkSimShare   *share)
{
  JsonObject *o = json_object_new ();
  CkSimUser *user = cksim_state_find_user_by_apikey (ctx->state, apikey);

  json_object_set_string_member (o, "apikey", apikey);
  if (user != NULL)
    {
      set_identity (o, user);
      json_object_set_string_member (o, "nickname", user->nickname);
    }
  json_object_set_int_member (o, "permit", share->permit);
  json_object_set_int_member (o, "shareTime", share->share_time);
  json_object_set_string_member (o, "note", share->note);
  return o;
}

static char *
mac_for (const char *deviceid)
{
  g_autofree char *md5 = g_compute_checksum_for_string (G_CHECKSUM_MD5, deviceid, -1);

  return g_strdup_printf ("d0:27:%.2s:%.2s:%.2s:%.2s", md5, md5 + 2, md5 + 4, md5 + 6);
}

/* A device as the device list shows it to @viewer (spec §3.8). */
static JsonObject *
device_to_json (CkSimContext *ctx,
                CkSimDevice  *device,
                const char   *viewer,
                gboolean      with_tags)
{
  JsonObject *o = json_object_new ();
  JsonObject *extra = json_object_new ();
  JsonObject *inner = json_object_new ();
  JsonObject *settings = json_object_new ();
  g_autofree char *id = object_id (device->deviceid);
  g_autofree char *extra_id = object_id (device->devicekey);
  g_autofree char *mac = mac_for (device->deviceid);
  g_autofree char *upper_mac = g_ascii_strup (mac, -1);
  g_autofree char *brand_seed = g_strdup_printf ("brand-%d", device->uiid);
  g_autofree char *brand_id = object_id ("SONOFF");
  g_autofree char *model_info = object_id (brand_seed);
  JsonArray *shares = json_array_new ();

  json_object_set_string_member (o, "_id", id);
  json_object_set_string_member (o, "name", device->name);
  json_object_set_string_member (o, "type", "10");
  json_object_set_string_member (o, "deviceid", device->deviceid);
  json_object_set_string_member (o, "apikey", device->owner_apikey);

  json_object_set_string_member (inner, "model", device->model != NULL ? device->model : "");
  json_object_set_string_member (inner, "ui", device->ui != NULL ? device->ui : "");
  json_object_set_string_member (inner, "description", device->deviceid);
  json_object_set_string_member (inner, "manufacturer", "SONOFF");
  json_object_set_string_member (inner, "mac", mac);
  json_object_set_string_member (inner, "apmac", mac);
  json_object_set_string_member (inner, "modelInfo", model_info);
  json_object_set_string_member (inner, "brandId", brand_id);
  json_object_set_int_member (inner, "uiid", device->uiid);
  json_object_set_string_member (inner, "staMac", upper_mac);
  json_object_set_string_member (inner, "chipid", device->deviceid + 4);
  json_object_set_string_member (extra, "_id", extra_id);
  json_object_set_object_member (extra, "extra", inner);
  json_object_set_object_member (o, "extra", extra);

  json_object_set_int_member (o, "__v", 0);
  set_iso_member (ctx, o, "onlineTime", device->online_ms);
  set_iso_member (ctx, o, "offlineTime", device->offline_ms > 0 ? device->offline_ms : device->created_ms);
  json_object_set_string_member (o, "ip", "127.0.0.1");
  json_object_set_string_member (o, "location", "");
  for (guint i = 0; i < 7; i++)
    json_object_set_int_member (settings,
                                (const char *[]) { "opsNotify", "opsHistory", "alarmNotify", "wxAlarmNotify",
                                                   "wxOpsNotify", "wxDoorbellNotify", "appDoorbellNotify" }[i],
                                i == 1 || i == 2 || i == 6);
  json_object_set_object_member (o, "settings", settings);
  json_object_set_array_member (o, "devGroups", json_array_new ());
  json_object_set_array_member (o, "groups", json_array_new ());
  json_object_set_string_member (o, "group", "");
  json_object_set_member (o, "params", cksim_json_object_node (device->params));
  json_object_set_boolean_member (o, "online", device->online);
  set_iso_member (ctx, o, "createdAt", device->created_ms);

  if (cksim_device_access (device, viewer) == CKSIM_ACCESS_OWNER)
    {
      for (guint i = 0; i < device->shares->len; i++)
        {
          CkSimShare *share = g_ptr_array_index (device->shares, i);

          json_array_add_object_element (shares, share_party_to_json (ctx, share->user_apikey, share));
        }
      json_object_set_array_member (o, "sharedTo", shares);
      json_object_set_string_member (o, "devicekey", device->devicekey);
    }
  else
    {
      json_array_unref (shares);
      for (guint i = 0; i < device->shares->len; i++)
        {
          CkSimShare *share = g_ptr_array_index (device->shares, i);

          if (g_str_equal (share->user_apikey, viewer))
            json_object_set_object_member (o, "sharedBy",
                                           share_party_to_json (ctx, device->owner_apikey, share));
        }
    }

  json_object_set_string_member (o, "deviceUrl", "");
  json_object_set_string_member (o, "brandName", "SONOFF");
  json_object_set_boolean_member (o, "showBrand", TRUE);
  json_object_set_string_member (o, "brandLogoUrl", "");
  json_object_set_string_member (o, "productModel", device->product_model != NULL ? device->product_model : "");
  json_object_set_object_member (o, "devConfig", json_object_new ());
  json_object_set_string_member (o, "deviceStatus", "");
  if (with_tags)
    json_object_set_member (o, "tags", cksim_json_object_node (device->tags));
  json_object_set_int_member (o, "uiid", device->uiid);
  return o;
}

/* Handlers */

static void
handle_region (CkSimContext *ctx,
               CkSimRequest *req,
               CkSimSession *session)
{
  g_autoptr(JsonObject) body = json_object_new ();
  const char *region = cksim_region_for_country (cksim_request_get_string (req, "country_code"));
  g_autofree char *requestid = g_strdup_printf ("%s-%s", cksim_request_get_string (req, "nonce"),
                                                cksim_request_get_string (req, "ts"));

  json_object_set_string_member (body, "region", region != NULL ? region : ctx->config->default_region);
  json_object_set_int_member (body, "error", 0);
  json_object_set_string_member (body, "requestid", requestid);
  reply_ok (req, body);
}

/* {"at","rt","user","region"}: login, and refresh (which closes no socket). */
static void
reply_session (CkSimContext *ctx,
               CkSimRequest *req,
               CkSimUser    *user,
               const char   *appid,
               gboolean      close_old_sockets)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *at = NULL;
  g_autofree char *rt = NULL;
  g_autofree char *revoked = NULL;

  cksim_state_open_session (ctx->state, user, appid, ctx->config->at_ttl, ctx->config->rt_ttl,
                            &at, &rt, &revoked);
  if (close_old_sockets)
    cksim_ws_revoke (ctx->ws, revoked);
  cksim_state_changed (ctx->state);

  json_object_set_string_member (body, "at", at);
  json_object_set_string_member (body, "rt", rt);
  json_object_set_object_member (body, "user", user_to_json (ctx, user, appid));
  json_object_set_string_member (body, "region", user->region);
  reply_ok (req, body);
}

static gboolean
member_is_string_or_absent (JsonObject *o,
                            const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  return node == NULL || JSON_NODE_HOLDS_NULL (node)
         || (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING);
}

static void
handle_login (CkSimContext *ctx,
              CkSimRequest *req,
              CkSimSession *session)
{
  const char *phone = cksim_request_get_string (req, "phoneNumber");
  const char *email = cksim_request_get_string (req, "email");
  const char *password = cksim_request_get_string (req, "password");
  const char *identity = phone != NULL ? phone : email;  /* phone first (§1.3) */
  CkSimUser *user;

  if (identity == NULL || password == NULL
      || !member_is_string_or_absent (req->params, "phoneNumber")
      || !member_is_string_or_absent (req->params, "email"))
    {
      reply_error (req, 400, "params incomplete");
      return;
    }

  user = cksim_state_find_user (ctx->state, identity);
  if (user == NULL)
    {
      reply_error (req, 404, "user is not exit");
      return;
    }
  if (!g_str_equal (user->region, req->region))
    {
      g_autoptr(JsonObject) body = json_object_new ();

      json_object_set_int_member (body, "error", 301);
      json_object_set_string_member (body, "region", user->region);
      reply_ok (req, body);
      return;
    }
  if (!cksim_user_check_password (user, password))
    {
      reply_error (req, 401, "wrong account or password");
      return;
    }

  cksim_state_count_login (ctx->state);
  reply_session (ctx, req, user, cksim_request_get_string (req, "appid"), TRUE);
}

static void
handle_refresh (CkSimContext *ctx,
                CkSimRequest *req,
                CkSimSession *session)
{
  const char *rt = cksim_request_get_string (req, "rt");
  CkSimSession *old = NULL;
  CkSimUser *user;

  if (rt == NULL || g_strcmp0 (cksim_request_get_string (req, "grantType"), "refresh") != 0)
    {
      reply_error (req, 400, "params incomplete");
      return;
    }
  switch (cksim_state_lookup_rt (ctx->state, rt, &old))
    {
    case CKSIM_TOKEN_UNKNOWN:
      reply_error (req, 401, "refresh token is invalid");
      return;
    case CKSIM_TOKEN_EXPIRED:
      reply_error (req, 402, "refresh token expired");
      return;
    case CKSIM_TOKEN_LIVE:
    default:
      break;
    }
  user = cksim_state_find_user_by_apikey (ctx->state, old->user_apikey);
  if (user == NULL || !g_str_equal (old->appid, cksim_request_get_string (req, "appid")))
    {
      reply_error (req, 401, "refresh token is invalid");
      return;
    }
  {
    /* Opening the new session frees the old one. */
    g_autofree char *appid = g_strdup (old->appid);

    reply_session (ctx, req, user, appid, FALSE);
  }
}

static void
handle_device_list (CkSimContext *ctx,
                    CkSimRequest *req,
                    CkSimSession *session)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(GPtrArray) devices = cksim_state_list_devices (ctx->state, session->user_apikey);
  gboolean with_tags = g_strcmp0 (cksim_request_get_string (req, "getTags"), "1") == 0;
  JsonArray *list = json_array_new ();

  for (guint i = 0; i < devices->len; i++)
    json_array_add_object_element (list, device_to_json (ctx, g_ptr_array_index (devices, i),
                                                         session->user_apikey, with_tags));
  json_object_set_int_member (body, "error", 0);
  json_object_set_array_member (body, "devicelist", list);
  reply_ok (req, body);
}

static void
handle_dispatch (CkSimContext *ctx,
                 CkSimRequest *req,
                 CkSimSession *session)
{
  g_autoptr(JsonObject) body = json_object_new ();

  if (g_strcmp0 (cksim_request_get_string (req, "accept"), "ws") != 0
      && !(ctx->config->compat && !json_object_has_member (req->params, "accept")))
    {
      reply_error (req, 400, "params incomplete");
      return;
    }
  /* The one loopback port serves the WebSocket for every region (§1.6). */
  json_object_set_int_member (body, "port", ctx->config->port);
  json_object_set_string_member (body, "IP", "127.0.0.1");
  json_object_set_string_member (body, "reason", "ok");
  json_object_set_string_member (body, "domain", "127.0.0.1");
  json_object_set_int_member (body, "error", 0);
  reply_ok (req, body);
}

static void
reply_status_error (CkSimRequest *req,
                    int           code,
                    const char   *text)
{
  g_autoptr(JsonObject) body = json_object_new ();

  json_object_set_int_member (body, "error", code);
  json_object_set_string_member (body, "errmsg", text);
  reply_ok (req, body);
}

static void
handle_status_get (CkSimContext *ctx,
                   CkSimRequest *req,
                   CkSimSession *session)
{
  g_autoptr(JsonObject) body = json_object_new ();
  CkSimDevice *device = cksim_state_find_device (ctx->state, cksim_request_get_string (req, "deviceid"));
  const char *filter = cksim_request_get_string (req, "params");
  JsonObject *params;

  /* A stranger's device reads as unknown: 400 (PEER-observed, §8.5). */
  if (device == NULL || cksim_device_access (device, session->user_apikey) == CKSIM_ACCESS_NONE)
    {
      reply_status_error (req, 400, "device does not exist");
      return;
    }
  if (filter == NULL)
    params = cksim_json_object_copy (device->params);
  else
    {
      g_auto(GStrv) names = g_strsplit (filter, "|", -1);

      params = json_object_new ();
      for (guint i = 0; names[i] != NULL; i++)
        if (json_object_has_member (device->params, names[i]))
          json_object_set_member (params, names[i],
                                  cksim_json_copy (json_object_get_member (device->params, names[i])));
    }
  json_object_set_int_member (body, "error", 0);
  json_object_set_object_member (body, "params", params);
  reply_ok (req, body);
}

static void
handle_status_post (CkSimContext *ctx,
                    CkSimRequest *req,
                    CkSimSession *session)
{
  const char *deviceid = cksim_request_get_string (req, "deviceid");
  JsonNode *params = json_object_get_member (req->params, "params");
  CkSimDevice *device = cksim_state_find_device (ctx->state, deviceid);
  g_autoptr(JsonObject) accepted = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *reason = NULL;
  CkSimDeviceAck ack;

  if (deviceid == NULL || params == NULL || !JSON_NODE_HOLDS_OBJECT (params))
    {
      reply_status_error (req, 400, "params incomplete");
      return;
    }
  if (device == NULL || cksim_device_access (device, session->user_apikey) == CKSIM_ACCESS_NONE)
    {
      reply_status_error (req, 403, "no permission");
      return;
    }
  if (!device->online)
    {
      reply_status_error (req, 503, "device offline");
      return;
    }
  ack = cksim_device_check_update (device, json_node_get_object (params), ctx->config->compat,
                                   &accepted, &reason);
  if (ack != CKSIM_DEVICE_ACK_OK)
    {
      reply_status_error (req, ack, reason != NULL ? reason : "device did not respond");
      return;
    }
  cksim_device_merge (device, accepted);
  cksim_state_changed (ctx->state);
  cksim_ws_relay_update (ctx->ws, device, accepted, NULL, NULL);

  body = json_object_new ();
  json_object_set_int_member (body, "error", 0);
  json_object_set_string_member (body, "deviceid", deviceid);
  reply_ok (req, body);
}

static const CkSimRoute rest_routes[] = {
  { "region", "GET", CKSIM_HOST_BARE, "/api/user/region", CKSIM_AUTH_SIGN, handle_region },
  { "login", "POST", CKSIM_HOST_REGION, "/api/user/login", CKSIM_AUTH_SIGN, handle_login },
  { "refresh", "GET", CKSIM_HOST_REGION, "/api/user/refresh", CKSIM_AUTH_SIGN, handle_refresh },
  { "device-list", "GET", CKSIM_HOST_REGION, "/api/user/device", CKSIM_AUTH_BEARER, handle_device_list },
  { "status-get", "GET", CKSIM_HOST_REGION, "/api/user/device/status", CKSIM_AUTH_BEARER, handle_status_get },
  { "status-post", "POST", CKSIM_HOST_REGION, "/api/user/device/status", CKSIM_AUTH_BEARER, handle_status_post },
  { "dispatch", "POST", CKSIM_HOST_REGION, "/dispatch/app", CKSIM_AUTH_BEARER, handle_dispatch },
};

void
cksim_rest_serve (CkSimContext *ctx,
                  CkSimRequest *req)
{
  cksim_router_serve (ctx, rest_routes, G_N_ELEMENTS (rest_routes),
                      req->region != NULL ? CKSIM_HOST_REGION : CKSIM_HOST_BARE, req);
}
