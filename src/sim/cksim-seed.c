/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-seed"

#include "cksim-seed.h"
#include "cksim-demo.h"
#include "cksim-json.h"

static gboolean
is_description (JsonObject *o)
{
  static const char * const keys[] = { "deviceid", "uiid", "name", "params" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (json_object_has_member (o, keys[i]))
      return TRUE;
  return FALSE;
}

static gboolean
invalid (GError    **error,
         const char *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "Device description: %s", what);
  return FALSE;
}

/* Fills the defaults into @desc (a copy the caller owns). */
static gboolean
complete_description (CkSimState  *state,
                      JsonObject  *desc,
                      GError     **error)
{
  JsonNode *uiid = json_object_get_member (desc, "uiid");
  JsonNode *params = json_object_get_member (desc, "params");
  const char *deviceid;

  if (uiid == NULL)
    json_object_set_int_member (desc, "uiid", 1);
  else if (!cksim_json_is_integer (uiid) || json_node_get_int (uiid) <= 0
           || json_node_get_int (uiid) > G_MAXINT)
    return invalid (error, "\"uiid\" must be a positive integer");

  if (params == NULL)
    {
      JsonObject *demo = cksim_demo_device_params ((int) json_object_get_int_member (desc, "uiid"));

      json_object_set_object_member (desc, "params", demo != NULL ? demo : json_object_new ());
    }
  else if (!JSON_NODE_HOLDS_OBJECT (params))
    return invalid (error, "\"params\" must be an object");

  if (!json_object_has_member (desc, "deviceid"))
    {
      g_autofree char *id = cksim_state_new_device_id (state);

      if (id == NULL)
        return invalid (error, "no device id left");
      json_object_set_string_member (desc, "deviceid", id);
    }
  deviceid = cksim_json_get_string (desc, "deviceid");
  if (deviceid == NULL || *deviceid == '\0')
    return invalid (error, "\"deviceid\" must be a non-empty string");
  if (cksim_state_device_id_taken (state, deviceid))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "Device %s exists already", deviceid);
      return FALSE;
    }

  if (!json_object_has_member (desc, "name"))
    {
      g_autofree char *name = g_strconcat ("Device ", deviceid, NULL);

      json_object_set_string_member (desc, "name", name);
    }
  else if (cksim_json_get_string (desc, "name") == NULL)
    return invalid (error, "\"name\" must be a string");
  return TRUE;
}

CkSimDevice *
cksim_seed_device (CkSimState  *state,
                   const char  *owner_apikey,
                   JsonObject  *device_or_params,
                   GError     **error)
{
  g_autoptr(JsonObject) desc = NULL;
  CkSimDevice *device;

  g_return_val_if_fail (CKSIM_IS_STATE (state), NULL);
  g_return_val_if_fail (owner_apikey != NULL, NULL);
  g_return_val_if_fail (device_or_params != NULL, NULL);

  if (is_description (device_or_params))
    desc = cksim_json_object_copy (device_or_params);
  else
    {
      desc = json_object_new ();
      json_object_set_object_member (desc, "params", cksim_json_object_copy (device_or_params));
    }
  if (!complete_description (state, desc, error))
    return NULL;
  json_object_set_string_member (desc, "owner", owner_apikey);

  device = cksim_device_new_from_json (desc);
  cksim_state_add_device (state, device);
  return device;
}
