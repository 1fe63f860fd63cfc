/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-rest-devices"

#include "cksim-rest-handlers.h"
#include "cksim-device.h"
#include "cksim-json.h"
#include "cksim-present.h"
#include "cksim-secret.h"
#include "cksim-timers.h"

#include <string.h>

/* Devices: spec §3.8–3.14, §3.17–3.18, with the matrix of §8.5. */

#define CHANNEL_NAME_MAX 64  /* SIM, §3.14 */

/* The {deviceid} of /api/user/device/{deviceid}. */
static const char *
path_device_id (CkSimRequest *req)
{
  return strrchr (req->path, '/') + 1;
}

/* The deviceid parameter repeats the path (§2.2): required when @required,
 * and equal to it when given. */
static gboolean
device_id_param_ok (CkSimRequest *req,
                    gboolean      required)
{
  const char *param = cksim_request_get_string (req, "deviceid");

  if (param == NULL)
    return !required && cksim_member_is_string_or_absent (req->params, "deviceid");
  return g_str_equal (param, path_device_id (req));
}

/* Spec §8.4.6: an apikey, when given, is the caller's or the owner's. */
static gboolean
apikey_allowed (CkSimRequest *req,
                CkSimSession *session,
                CkSimDevice  *device)
{
  const char *apikey = cksim_request_get_string (req, "apikey");

  if (apikey == NULL)
    return cksim_member_is_string_or_absent (req->params, "apikey");
  return g_str_equal (apikey, session->user_apikey) || g_str_equal (apikey, device->owner_apikey);
}

static gboolean
is_hex (const char *s,
        gsize       len,
        gboolean    lower_only)
{
  if (s == NULL || strlen (s) != len)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isxdigit (s[i]) || (lower_only && g_ascii_isupper (s[i])))
      return FALSE;
  return TRUE;
}

static void
reply_device (CkSimContext *ctx,
              CkSimRequest *req,
              CkSimDevice  *device,
              const char   *viewer)
{
  g_autoptr(JsonObject) body = cksim_device_to_json (ctx, device, viewer, TRUE);

  cksim_reply_ok (req, body);
}

/* The device @session may see, or NULL (unknown or a stranger's, §8.5). */
static CkSimDevice *
visible_device (CkSimContext *ctx,
                CkSimSession *session,
                const char   *deviceid)
{
  CkSimDevice *device = cksim_state_find_device (ctx->state, deviceid);

  if (device == NULL || cksim_device_access (device, session->user_apikey) == CKSIM_ACCESS_NONE)
    return NULL;
  return device;
}

void
cksim_handle_device_list (CkSimContext *ctx,
                          CkSimRequest *req,
                          CkSimSession *session)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(GPtrArray) devices = cksim_state_list_devices (ctx->state, session->user_apikey);
  gboolean with_tags = g_strcmp0 (cksim_request_get_string (req, "getTags"), "1") == 0;
  JsonArray *list = json_array_new ();

  for (guint i = 0; i < devices->len; i++)
    json_array_add_object_element (list, cksim_device_to_json (ctx, g_ptr_array_index (devices, i),
                                                               session->user_apikey, with_tags));
  json_object_set_int_member (body, "error", 0);
  json_object_set_array_member (body, "devicelist", list);
  cksim_reply_ok (req, body);
}

void
cksim_handle_device_get (CkSimContext *ctx,
                         CkSimRequest *req,
                         CkSimSession *session)
{
  CkSimDevice *device;

  if (!device_id_param_ok (req, TRUE))
    {
      cksim_reply_error (req, 400, "params incomplete");
      return;
    }
  device = visible_device (ctx, session, path_device_id (req));
  if (device == NULL)
    {
      cksim_reply_error (req, 404, "device does not exist");
      return;
    }
  if (!apikey_allowed (req, session, device))
    {
      cksim_reply_error (req, 403, "no permission");
      return;
    }
  reply_device (ctx, req, device, session->user_apikey);
}

/* isSub: absent, or the number 0 or 1 (1 names its subDeviceId, §3.10). */
static gboolean
sub_device_ok (CkSimContext *ctx,
               CkSimRequest *req)
{
  gint64 is_sub = 0;

  if (json_object_has_member (req->params, "isSub")
      && (!cksim_auth_get_integer (ctx->auth, req->params, "isSub", req->query_form, &is_sub)
          || (is_sub != 0 && is_sub != 1)))
    return FALSE;
  return is_sub == 0 || cksim_request_get_string (req, "subDeviceId") != NULL;
}

/* Adds @device from the factory for the caller; 409 when someone has it. */
static void
install (CkSimContext *ctx,
         CkSimRequest *req,
         CkSimSession *session,
         CkSimDevice  *device,
         const char   *name)
{
  if (device->owner_apikey != NULL)
    {
      cksim_reply_code_error (req, 409, g_str_equal (device->owner_apikey, session->user_apikey)
                                        ? "Device has already been added!"
                                        : "Device belongs to other user!");
      return;
    }
  device = cksim_state_install_device (ctx->state, device, session->user_apikey, name);
  reply_device (ctx, req, device, session->user_apikey);
}

static CkSimDevice *
find_any_device (CkSimContext *ctx,
                 const char   *deviceid)
{
  CkSimDevice *device = cksim_state_find_device (ctx->state, deviceid);

  return device != NULL ? device : cksim_state_find_factory_device (ctx->state, deviceid);
}

void
cksim_handle_device_add (CkSimContext *ctx,
                         CkSimRequest *req,
                         CkSimSession *session)
{
  const char *deviceid = cksim_request_get_string (req, "deviceid");
  const char *apikey = cksim_request_get_string (req, "apikey");
  const char *name = cksim_request_get_string (req, "name");
  CkSimDevice *device;

  if (deviceid == NULL || apikey == NULL || name == NULL)
    {
      cksim_reply_code_error (req, 400, "Device name, id and apikey must not be empty!");
      return;
    }
  if (!is_hex (deviceid, 10, FALSE) || !sub_device_ok (ctx, req)
      || !cksim_member_is_string_or_absent (req->params, "chipid"))
    {
      cksim_reply_code_error (req, 400, "params is incomplete");
      return;
    }
  /* §8.8.5: the id must be in the factory inventory, with its factory key. */
  device = find_any_device (ctx, deviceid);
  if (device == NULL)
    {
      cksim_reply_code_error (req, 404, "Device does not exist!");
      return;
    }
  if (!cksim_secret_equal (device->devicekey, apikey))
    {
      cksim_reply_code_error (req, 400, "Device apikey is wrong!");
      return;
    }
  install (ctx, req, session, device, name);
}

void
cksim_handle_device_add_gsm (CkSimContext *ctx,
                             CkSimRequest *req,
                             CkSimSession *session)
{
  const char *gsm_id = cksim_request_get_string (req, "id");
  const char *name = cksim_request_get_string (req, "name");
  CkSimDevice *device;

  if (gsm_id == NULL || name == NULL)
    {
      cksim_reply_code_error (req, 400, "Device name, id and apikey must not be empty!");
      return;
    }
  if (!is_hex (gsm_id, 32, TRUE))
    {
      cksim_reply_code_error (req, 401, "Invalid device id format!");
      return;
    }
  /* §8.8.6: md5(deviceid + factory apikey) over the inventory. */
  device = cksim_state_find_by_gsm_id (ctx->state, gsm_id);
  if (device == NULL)
    {
      cksim_reply_code_error (req, 404, "Device does not exist!");
      return;
    }
  install (ctx, req, session, device, name);
}

/* Owner-only operations (§8.5): 404 for strangers, 403 for sharees and a
 * foreign apikey. Replies and returns NULL when refused. */
static CkSimDevice *
owned_device (CkSimContext *ctx,
              CkSimRequest *req,
              CkSimSession *session,
              const char   *deviceid,
              int           stranger_code)
{
  CkSimDevice *device = visible_device (ctx, session, deviceid);

  if (device == NULL)
    {
      cksim_reply_error (req, stranger_code, stranger_code == 404 ? "device does not exist"
                                                                  : "no permission");
      return NULL;
    }
  if (cksim_device_access (device, session->user_apikey) != CKSIM_ACCESS_OWNER
      || !apikey_allowed (req, session, device))
    {
      cksim_reply_error (req, 403, "no permission");
      return NULL;
    }
  return device;
}

void
cksim_handle_device_delete (CkSimContext *ctx,
                            CkSimRequest *req,
                            CkSimSession *session)
{
  g_autoptr(JsonObject) body = NULL;
  CkSimDevice *device;

  if (!device_id_param_ok (req, TRUE) || !sub_device_ok (ctx, req))
    {
      cksim_reply_error (req, 400, "params incomplete");
      return;
    }
  device = owned_device (ctx, req, session, path_device_id (req), 404);
  if (device == NULL)
    return;

  /* The answer is the device as it was; it then leaves the account, goes
   * offline for everyone who saw it and loses its shares and groups (§3.12). */
  body = cksim_device_to_json (ctx, device, session->user_apikey, TRUE);
  cksim_context_set_device_online (ctx, device, FALSE);
  cksim_state_uninstall_device (ctx->state, device);
  cksim_reply_ok (req, body);
}

void
cksim_handle_device_rename (CkSimContext *ctx,
                            CkSimRequest *req,
                            CkSimSession *session)
{
  const char *name = cksim_request_get_string (req, "name");
  JsonNode *group = json_object_get_member (req->params, "group");
  g_autoptr(JsonObject) body = NULL;
  CkSimDevice *device;

  /* name non-empty (§8.8.4); group the legacy field, required, "" (§3.13). */
  if (!device_id_param_ok (req, FALSE) || name == NULL || !cksim_json_is_string (group))
    {
      cksim_reply_error (req, 400, "params incomplete");
      return;
    }
  device = owned_device (ctx, req, session, path_device_id (req), 404);
  if (device == NULL)
    return;

  g_free (device->name);
  device->name = g_strdup (name);
  cksim_state_changed (ctx->state);

  body = cksim_error_body (0, NULL);
  json_object_set_string_member (body, "deviceid", device->deviceid);
  cksim_reply_ok (req, body);
}

/* §3.14: keys "0".."N-1" within the channel count, names of ≤ 64 characters. */
static gboolean
channel_names_ok (CkSimDevice *device,
                  JsonObject  *names)
{
  guint channels = cksim_device_channel_count (device->uiid);
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  json_object_iter_init (&iter, names);
  while (json_object_iter_next (&iter, &key, &value))
    {
      char *end = NULL;
      guint64 index = g_ascii_strtoull (key, &end, 10);
      g_autofree char *canonical = g_strdup_printf ("%" G_GUINT64_FORMAT, index);

      if (*key == '\0' || *end != '\0' || !g_str_equal (canonical, key) || index >= channels)
        return FALSE;
      if (!cksim_json_is_string (value)
          || g_utf8_strlen (json_node_get_string (value), -1) > CHANNEL_NAME_MAX)
        return FALSE;
    }
  return TRUE;
}

void
cksim_handle_tags (CkSimContext *ctx,
                   CkSimRequest *req,
                   CkSimSession *session)
{
  const char *deviceid = cksim_request_get_string (req, "deviceid");
  JsonObject *names = cksim_json_get_object (req->params, "value");
  g_autoptr(JsonObject) body = NULL;
  CkSimDevice *device;

  if (deviceid == NULL || names == NULL
      || g_strcmp0 (cksim_request_get_string (req, "key"), "ck_channel_name") != 0)
    {
      cksim_reply_error (req, 400, "params incomplete");
      return;
    }
  /* The endpoint documents no 404: a device the caller cannot see is a 403. */
  device = owned_device (ctx, req, session, deviceid, 403);
  if (device == NULL)
    return;
  if (!channel_names_ok (device, names))
    {
      cksim_reply_error (req, 400, "channel names: keys \"0\"..\"N-1\", names of at most 64 characters");
      return;
    }
  /* Replaces ck_channel_name; other tags stay. */
  json_object_set_member (device->tags, "ck_channel_name", cksim_json_object_node (names));
  cksim_state_changed (ctx->state);

  body = cksim_error_body (0, NULL);
  cksim_reply_ok (req, body);
}

void
cksim_handle_status_get (CkSimContext *ctx,
                         CkSimRequest *req,
                         CkSimSession *session)
{
  g_autoptr(JsonObject) body = json_object_new ();
  CkSimDevice *device = visible_device (ctx, session, cksim_request_get_string (req, "deviceid"));
  const char *filter = cksim_request_get_string (req, "params");
  JsonObject *params;

  /* A stranger's device reads as unknown: 400 (PEER-observed, §8.5). */
  if (device == NULL)
    {
      cksim_reply_status_error (req, 400, "device does not exist");
      return;
    }
  /* "switch|timers", sent raw or as %7C: the query is decoded already. */
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
  cksim_reply_ok (req, body);
}

/* "params": an object, or (per the doc) an array of objects merged in order. */
static JsonObject *
status_params (JsonNode *node)
{
  JsonObject *merged;
  JsonArray *array;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return cksim_json_object_copy (json_node_get_object (node));
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (array = json_node_get_array (node)) == 0)
    return NULL;

  merged = json_object_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          json_object_unref (merged);
          return NULL;
        }
      json_object_iter_init (&iter, json_node_get_object (element));
      while (json_object_iter_next (&iter, &name, &value))
        json_object_set_member (merged, name, cksim_json_copy (value));
    }
  return merged;
}

void
cksim_handle_status_post (CkSimContext *ctx,
                          CkSimRequest *req,
                          CkSimSession *session)
{
  const char *deviceid = cksim_request_get_string (req, "deviceid");
  g_autoptr(JsonObject) params = status_params (json_object_get_member (req->params, "params"));
  CkSimDevice *device = visible_device (ctx, session, deviceid);
  g_autoptr(JsonObject) accepted = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *reason = NULL;
  g_auto(CkSimOutcome) outcome = { NULL, NULL };
  CkSimDeviceAck ack;

  if (deviceid == NULL || params == NULL)
    {
      cksim_reply_status_error (req, 400, "params incomplete");
      return;
    }
  if (device == NULL)
    {
      cksim_reply_status_error (req, 403, "no permission");
      return;
    }
  if (cksim_timers_check_permit (device, session->user_apikey, params) != 0)
    {
      cksim_reply_status_error (req, 403, "no permission for these timer changes");
      return;
    }
  if (!device->online)
    {
      cksim_reply_status_error (req, 503, "device offline");
      return;
    }
  /* A silent device (test hook): HTTP cannot wait, so 504 at once. */
  if (cksim_ws_devices_silent (ctx->ws))
    {
      cksim_reply_status_error (req, 504, "device did not respond");
      return;
    }
  ack = cksim_device_check_update (device, params, ctx->config, &accepted, &reason);
  if (ack != CKSIM_DEVICE_ACK_OK)
    {
      cksim_reply_device_refusal (req, ack, reason != NULL ? reason : "device did not respond");
      return;
    }
  /* As a WebSocket update: stored, relayed to the account's sessions, then
   * whatever the device reports by itself. */
  cksim_ws_apply (ctx->ws, device, accepted, &outcome);
  cksim_ws_relay_update (ctx->ws, device, accepted, NULL, NULL);
  cksim_ws_push_outcome (ctx->ws, device, &outcome);

  body = cksim_error_body (0, NULL);
  json_object_set_string_member (body, "deviceid", deviceid);
  if (outcome.config != NULL)
    json_object_set_object_member (body, "config", g_steal_pointer (&outcome.config));
  cksim_reply_ok (req, body);
}
