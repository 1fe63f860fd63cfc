/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-api"

/* CkApi: devices (spec §3.8–3.14, §3.16–3.18). */

#include "ck-api-private.h"

#include <string.h>

#include "ck-json.h"

static const CkApiRoute list_route = {
  "GET", "/api/user/device", CK_API_AUTH_BEARER, CK_ENDPOINT_BEARER, CK_API_CALL_DEFAULT
};
static const CkApiRoute get_route = {
  "GET", "/api/user/device", CK_API_AUTH_BEARER, CK_ENDPOINT_DEVICE_GET, CK_API_CALL_DEFAULT
};
static const CkApiRoute delete_route = {
  "DELETE", "/api/user/device", CK_API_AUTH_BEARER, CK_ENDPOINT_DEVICE_DELETE, CK_API_CALL_DEFAULT
};
static const CkApiRoute rename_route = {
  "POST", "/api/user/device", CK_API_AUTH_BEARER, CK_ENDPOINT_DEVICE_RENAME, CK_API_CALL_DEFAULT
};
static const CkApiRoute add_route = {
  "POST", "/api/user/device/add", CK_API_AUTH_BEARER, CK_ENDPOINT_DEVICE_ADD, CK_API_CALL_DEFAULT
};
static const CkApiRoute add_gsm_route = {
  "POST", "/api/user/device/addGsm", CK_API_AUTH_BEARER, CK_ENDPOINT_DEVICE_ADD_GSM,
  CK_API_CALL_DEFAULT
};
static const CkApiRoute tags_route = {
  "POST", "/api/user/tags", CK_API_AUTH_BEARER, CK_ENDPOINT_TAGS, CK_API_CALL_DEFAULT
};
static const CkApiRoute status_get_route = {
  "GET", "/api/user/device/status", CK_API_AUTH_BEARER, CK_ENDPOINT_STATUS_GET, CK_API_CALL_DEFAULT
};
static const CkApiRoute status_post_route = {
  "POST", "/api/user/device/status", CK_API_AUTH_BEARER, CK_ENDPOINT_STATUS_POST,
  CK_API_CALL_DEFAULT
};
static const CkApiRoute dispatch_route = {
  "POST", "/dispatch/app", CK_API_AUTH_BEARER, CK_ENDPOINT_DISPATCH, CK_API_CALL_DEFAULT
};

/* `deviceid` plus the user's `apikey`: the owner's for owner-only calls. */
static JsonObject *
device_params (CkApi      *self,
               const char *device_id)
{
  JsonObject *params = ck_api_new_user_params (self);

  json_object_set_string_member (params, "deviceid", device_id);
  return params;
}

/* ------------------------------------------------------------------------ */
/* Device list (spec §3.8)                                                   */

/* The object form, or the old bare array. */
static gpointer
answer_device_list (CkApi       *self,
                    JsonNode    *answer,
                    const char  *hint,
                    GError     **error)
{
  if (JSON_NODE_HOLDS_ARRAY (answer))
    return json_array_ref (json_node_get_array (answer));
  return ck_api_answer_array (self, answer, "devicelist", error);
}

void
ck_api_list_devices_async (CkApi               *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  JsonObject *params;

  g_return_if_fail (CK_IS_API (self));

  params = json_object_new ();
  json_object_set_int_member (params, "getTags", 1);
  json_object_set_string_member (params, "lang", "en");
  ck_api_call_async (self, ck_api_list_devices_async, &list_route, NULL, params,
                     answer_device_list, NULL, (GDestroyNotify) json_array_unref,
                     cancellable, callback, user_data);
}

JsonArray *
ck_api_list_devices_finish (CkApi         *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return ck_api_call_finish (self, result, ck_api_list_devices_async, error);
}

/* ------------------------------------------------------------------------ */
/* One device, add, add GSM, delete, rename, tags (spec §3.9–3.14)           */

void
ck_api_get_device_async (CkApi               *self,
                         const char          *device_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (device_id != NULL);

  ck_api_call_async (self, ck_api_get_device_async, &get_route, device_id,
                     device_params (self, device_id),
                     ck_api_answer_object, NULL, (GDestroyNotify) json_object_unref,
                     cancellable, callback, user_data);
}

JsonObject *
ck_api_get_device_finish (CkApi         *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return ck_api_call_finish (self, result, ck_api_get_device_async, error);
}

void
ck_api_add_device_async (CkApi               *self,
                         const char          *device_id,
                         const char          *factory_apikey,
                         const char          *name,
                         const char          *chip_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  JsonObject *params;

  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (device_id != NULL && factory_apikey != NULL && name != NULL);

  /* `apikey` is the device's factory key here, not the user's. */
  params = json_object_new ();
  json_object_set_string_member (params, "deviceid", device_id);
  json_object_set_string_member (params, "apikey", factory_apikey);
  json_object_set_string_member (params, "name", name);
  json_object_set_int_member (params, "isSub", 0);
  if (chip_id != NULL)
    json_object_set_string_member (params, "chipid", chip_id);

  ck_api_call_async (self, ck_api_add_device_async, &add_route, NULL, params,
                     ck_api_answer_object, NULL, (GDestroyNotify) json_object_unref,
                     cancellable, callback, user_data);
}

JsonObject *
ck_api_add_device_finish (CkApi         *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return ck_api_call_finish (self, result, ck_api_add_device_async, error);
}

void
ck_api_add_gsm_device_async (CkApi               *self,
                             const char          *gsm_id,
                             const char          *name,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  JsonObject *params;

  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (gsm_id != NULL && name != NULL);

  params = json_object_new ();
  json_object_set_string_member (params, "id", gsm_id);
  json_object_set_string_member (params, "name", name);
  ck_api_call_async (self, ck_api_add_gsm_device_async, &add_gsm_route, NULL, params,
                     ck_api_answer_object, NULL, (GDestroyNotify) json_object_unref,
                     cancellable, callback, user_data);
}

JsonObject *
ck_api_add_gsm_device_finish (CkApi         *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return ck_api_call_finish (self, result, ck_api_add_gsm_device_async, error);
}

void
ck_api_delete_device_async (CkApi               *self,
                            const char          *device_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (device_id != NULL);

  ck_api_call_async (self, ck_api_delete_device_async, &delete_route, device_id,
                     device_params (self, device_id),
                     NULL, NULL, NULL, cancellable, callback, user_data);
}

gboolean
ck_api_delete_device_finish (CkApi         *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return ck_api_call_finish_boolean (self, result, ck_api_delete_device_async, error);
}

void
ck_api_rename_device_async (CkApi               *self,
                            const char          *device_id,
                            const char          *name,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  JsonObject *params;

  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (device_id != NULL && name != NULL);

  params = device_params (self, device_id);
  json_object_set_string_member (params, "name", name);
  /* The legacy single-group field is required and empty (spec §3.13). */
  json_object_set_string_member (params, "group", "");
  ck_api_call_async (self, ck_api_rename_device_async, &rename_route, device_id, params,
                     NULL, NULL, NULL, cancellable, callback, user_data);
}

gboolean
ck_api_rename_device_finish (CkApi         *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return ck_api_call_finish_boolean (self, result, ck_api_rename_device_async, error);
}

void
ck_api_set_channel_names_async (CkApi               *self,
                                const char          *device_id,
                                const char * const  *names,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  JsonObject *params;
  JsonObject *value;

  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (device_id != NULL && names != NULL);

  /* An object keyed by the channel index as a string (spec §3.14). */
  value = json_object_new ();
  for (guint i = 0; names[i] != NULL; i++)
    {
      char key[12];

      g_snprintf (key, sizeof key, "%u", i);
      json_object_set_string_member (value, key, names[i]);
    }

  params = device_params (self, device_id);
  json_object_set_string_member (params, "key", "ck_channel_name");
  json_object_set_object_member (params, "value", value);
  ck_api_call_async (self, ck_api_set_channel_names_async, &tags_route, NULL, params,
                     NULL, NULL, NULL, cancellable, callback, user_data);
}

gboolean
ck_api_set_channel_names_finish (CkApi         *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return ck_api_call_finish_boolean (self, result, ck_api_set_channel_names_async, error);
}

/* ------------------------------------------------------------------------ */
/* Device status over HTTP (spec §3.17, §3.18)                               */

void
ck_api_get_device_status_async (CkApi               *self,
                                const char          *device_id,
                                const char * const  *names,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  JsonObject *params;

  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (device_id != NULL);

  params = json_object_new ();
  json_object_set_string_member (params, "deviceid", device_id);
  /* Joined with '|', which the query builder sends as %7C. */
  if (names != NULL && names[0] != NULL)
    {
      g_autofree char *filter = g_strjoinv ("|", (char **) names);

      json_object_set_string_member (params, "params", filter);
    }

  ck_api_call_async (self, ck_api_get_device_status_async, &status_get_route, NULL, params,
                     ck_api_answer_object, "params", (GDestroyNotify) json_object_unref,
                     cancellable, callback, user_data);
}

JsonObject *
ck_api_get_device_status_finish (CkApi         *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return ck_api_call_finish (self, result, ck_api_get_device_status_async, error);
}

void
ck_api_set_device_status_async (CkApi               *self,
                                const char          *device_id,
                                JsonObject          *params,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  JsonObject *body;
  JsonNode *copy;

  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (device_id != NULL && params != NULL);

  body = json_object_new ();
  json_object_set_string_member (body, "deviceid", device_id);
  copy = json_node_init_object (json_node_alloc (), params);
  json_object_set_member (body, "params", ck_json_node_deep_copy (copy));
  json_node_unref (copy);

  ck_api_call_async (self, ck_api_set_device_status_async, &status_post_route, NULL, body,
                     NULL, NULL, NULL, cancellable, callback, user_data);
}

gboolean
ck_api_set_device_status_finish (CkApi         *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return ck_api_call_finish_boolean (self, result, ck_api_set_device_status_async, error);
}

/* ------------------------------------------------------------------------ */
/* Dispatch (spec §3.16)                                                     */

/* The WebSocket URL; its scheme follows the template's (spec §1.6). */
static gpointer
answer_dispatch (CkApi       *self,
                 JsonNode    *answer,
                 const char  *hint,
                 GError     **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  const char *domain = ck_json_get_string (object, "domain");
  g_autofree char *base = NULL;
  g_autoptr(GUri) base_uri = NULL;
  const char *scheme;
  gint64 port = 0;

  ck_json_get_int (object, "port", &port);
  if (domain == NULL || *domain == '\0' || strpbrk (domain, "/?#@ ") != NULL
      || port <= 0 || port > 65535)
    {
      g_set_error_literal (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                           "The cloud's dispatch answer has no usable host and port");
      return NULL;
    }

  base = ck_api_build_base_url (self, NULL);
  base_uri = g_uri_parse (base, SOUP_HTTP_URI_FLAGS, NULL);
  scheme = base_uri && g_strcmp0 (g_uri_get_scheme (base_uri), "https") == 0 ? "wss" : "ws";

  return g_strdup_printf (strchr (domain, ':') ? "%s://[%s]:%d/api/ws" : "%s://%s:%d/api/ws",
                          scheme, domain, (int) port);
}

void
ck_api_dispatch_async (CkApi               *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  JsonObject *params;

  g_return_if_fail (CK_IS_API (self));

  params = json_object_new ();
  json_object_set_string_member (params, "accept", "ws");
  ck_api_call_async (self, ck_api_dispatch_async, &dispatch_route, NULL, params,
                     answer_dispatch, NULL, g_free, cancellable, callback, user_data);
}

char *
ck_api_dispatch_finish (CkApi         *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return ck_api_call_finish (self, result, ck_api_dispatch_async, error);
}
