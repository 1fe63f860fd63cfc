/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-present"

#include "cksim-present.h"
#include "cksim-json.h"

void
cksim_reply_code_error (CkSimRequest *req,
                        int           code,
                        const char   *text)
{
  g_autoptr(JsonObject) body = json_object_new ();

  json_object_set_int_member (body, "code", code);
  json_object_set_string_member (body, "error", text);
  cksim_reply_ok (req, body);
}

static JsonObject *
status_error_body (int         code,
                   const char *text)
{
  JsonObject *body = json_object_new ();

  json_object_set_int_member (body, "error", code);
  json_object_set_string_member (body, "errmsg", text);
  return body;
}

void
cksim_reply_status_error (CkSimRequest *req,
                          int           code,
                          const char   *text)
{
  g_autoptr(JsonObject) body = status_error_body (code, text);

  cksim_reply_ok (req, body);
}

void
cksim_reply_device_refusal (CkSimRequest *req,
                            int           code,
                            const char   *reason)
{
  g_autoptr(JsonObject) body = status_error_body (code, reason);

  json_object_set_string_member (body, "msg", reason);
  cksim_reply_ok (req, body);
}

void
cksim_reply_region_moved (CkSimRequest *req,
                          const char   *region)
{
  g_autoptr(JsonObject) body = json_object_new ();

  json_object_set_int_member (body, "error", 301);
  json_object_set_string_member (body, "region", region);
  cksim_reply_ok (req, body);
}

/* The device's groups that belong to @viewer: each user sees his own. */
static JsonArray *
viewer_groups (CkSimContext *ctx,
               CkSimDevice  *device,
               const char   *viewer)
{
  JsonArray *groups = json_array_new ();

  for (guint i = 0; i < device->groups->len; i++)
    {
      CkSimGroup *group = cksim_state_find_group (ctx->state, g_ptr_array_index (device->groups, i));

      if (group != NULL && g_strcmp0 (group->owner_apikey, viewer) == 0)
        json_array_add_string_element (groups, group->id);
    }
  return groups;
}

void
cksim_reply_ok (CkSimRequest *req,
                JsonObject   *body)
{
  cksim_reply_json (req->msg, SOUP_STATUS_OK, body);
}

void
cksim_reply_error (CkSimRequest *req,
                   int           code,
                   const char   *text)
{
  g_autoptr(JsonObject) body = cksim_error_body (code, text);

  cksim_reply_ok (req, body);
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
JsonObject *
cksim_device_to_json (CkSimContext *ctx,
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
  json_object_set_array_member (o, "groups", viewer_groups (ctx, device, viewer));
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

/* {"at","rt","user","region"}: login, and refresh (which closes no socket). */
void
cksim_reply_session (CkSimContext *ctx,
                     CkSimRequest *req,
                     CkSimUser    *user,
                     const char   *appid,
                     gboolean      close_old_sockets)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *at = NULL;
  g_autofree char *rt = NULL;

  cksim_state_open_session (ctx->state, user, appid, ctx->config->at_ttl, ctx->config->rt_ttl,
                            &at, &rt);
  /* Every socket of (user, appid) belongs to the session just replaced,
   * whichever at (refreshed or not) it signed in with. */
  if (close_old_sockets)
    cksim_ws_revoke (ctx->ws, user->apikey, appid);
  cksim_state_changed (ctx->state);

  json_object_set_string_member (body, "at", at);
  json_object_set_string_member (body, "rt", rt);
  json_object_set_object_member (body, "user", user_to_json (ctx, user, appid));
  json_object_set_string_member (body, "region", user->region);
  cksim_reply_ok (req, body);
}

gboolean
cksim_member_is_string_or_absent (JsonObject *o,
                                  const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  return node == NULL || JSON_NODE_HOLDS_NULL (node)
         || cksim_json_is_string (node);
}

