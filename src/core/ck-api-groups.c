/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-api"

/* CkApi: groups (spec §3.15). */

#include "ck-api-private.h"

static const CkApiRoute create_route = {
  "POST", "/api/group", CK_API_AUTH_BEARER, CK_ENDPOINT_GROUP, CK_API_CALL_DEFAULT
};
static const CkApiRoute update_route = {
  "PUT", "/api/group", CK_API_AUTH_BEARER, CK_ENDPOINT_GROUP, CK_API_CALL_DEFAULT
};
static const CkApiRoute delete_route = {
  "DELETE", "/api/group", CK_API_AUTH_BEARER, CK_ENDPOINT_GROUP, CK_API_CALL_DEFAULT
};
static const CkApiRoute list_route = {
  "GET", "/api/group", CK_API_AUTH_BEARER, CK_ENDPOINT_GROUP, CK_API_CALL_DEFAULT
};
static const CkApiRoute add_device_route = {
  "POST", "/api/group/addDevice", CK_API_AUTH_BEARER, CK_ENDPOINT_GROUP, CK_API_CALL_DEFAULT
};

/* Every group call carries the user's apikey and `groupType` 0. */
static JsonObject *
group_params (CkApi *self)
{
  JsonObject *params = ck_api_new_user_params (self);

  json_object_set_int_member (params, "groupType", 0);
  return params;
}

void
ck_api_create_group_async (CkApi               *self,
                           const char          *name,
                           gint                 index,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  JsonObject *params;

  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (name != NULL);

  params = group_params (self);
  json_object_set_string_member (params, "name", name);
  json_object_set_int_member (params, "index", index);
  ck_api_call_async (self, ck_api_create_group_async, &create_route, NULL, params,
                     ck_api_answer_string, "groupid", g_free, cancellable, callback, user_data);
}

char *
ck_api_create_group_finish (CkApi         *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return ck_api_call_finish (self, result, ck_api_create_group_async, error);
}

void
ck_api_update_group_async (CkApi               *self,
                           const char          *group_id,
                           const char          *name,
                           gint                 index,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  JsonObject *params;

  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (group_id != NULL);
  g_return_if_fail (name != NULL || index >= 0);

  params = group_params (self);
  json_object_set_string_member (params, "id", group_id);
  if (name != NULL)
    json_object_set_string_member (params, "name", name);
  if (index >= 0)
    json_object_set_int_member (params, "index", index);
  ck_api_call_async (self, ck_api_update_group_async, &update_route, NULL, params,
                     NULL, NULL, NULL, cancellable, callback, user_data);
}

gboolean
ck_api_update_group_finish (CkApi         *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return ck_api_call_finish_boolean (self, result, ck_api_update_group_async, error);
}

void
ck_api_delete_group_async (CkApi               *self,
                           const char          *group_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  JsonObject *params;

  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (group_id != NULL);

  /* type 0: delete the group only; its devices become ungrouped. */
  params = ck_api_new_user_params (self);
  json_object_set_string_member (params, "id", group_id);
  json_object_set_int_member (params, "type", 0);
  ck_api_call_async (self, ck_api_delete_group_async, &delete_route, NULL, params,
                     NULL, NULL, NULL, cancellable, callback, user_data);
}

gboolean
ck_api_delete_group_finish (CkApi         *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return ck_api_call_finish_boolean (self, result, ck_api_delete_group_async, error);
}

void
ck_api_list_groups_async (CkApi               *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (CK_IS_API (self));

  ck_api_call_async (self, ck_api_list_groups_async, &list_route, NULL, group_params (self),
                     ck_api_answer_array, "groupinfos", (GDestroyNotify) json_array_unref,
                     cancellable, callback, user_data);
}

JsonArray *
ck_api_list_groups_finish (CkApi         *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return ck_api_call_finish (self, result, ck_api_list_groups_async, error);
}

void
ck_api_move_device_to_group_async (CkApi               *self,
                                   const char          *device_id,
                                   const char          *source_id,
                                   const char          *target_id,
                                   CkGroupMove          move,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  JsonObject *params;
  JsonObject *info;
  JsonArray *infos;

  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (device_id != NULL);
  g_return_if_fail (source_id != NULL || target_id != NULL);

  /* An empty source only adds; an empty target only removes. */
  info = json_object_new ();
  json_object_set_string_member (info, "source_id", source_id != NULL ? source_id : "");
  json_object_set_string_member (info, "target_id", target_id != NULL ? target_id : "");
  json_object_set_string_member (info, "deviceid", device_id);
  json_object_set_int_member (info, "type", move == CK_GROUP_MOVE_REPLACE_ALL ? 1 : 0);
  infos = json_array_new ();
  json_array_add_object_element (infos, info);

  params = group_params (self);
  json_object_set_array_member (params, "deviceinfos", infos);
  ck_api_call_async (self, ck_api_move_device_to_group_async, &add_device_route, NULL, params,
                     NULL, NULL, NULL, cancellable, callback, user_data);
}

gboolean
ck_api_move_device_to_group_finish (CkApi         *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return ck_api_call_finish_boolean (self, result, ck_api_move_device_to_group_async, error);
}
