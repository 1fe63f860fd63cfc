/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "fuzz-device"

/* Device JSON → CkDevice / CkDeviceList, every typed value, and the catalog
 * over the params: every decoder of every family, the other-params listing
 * and the encoders of the device's own family. Input: a device object, a
 * device list (bare array, or {"devicelist":[…]}), optionally with "push"
 * (an object applied to every device as a report, as a WebSocket push is). */

#include "fuzz-common.h"

#include "ck-catalog.h"
#include "ck-device.h"
#include "ck-device-list.h"
#include "ck-json.h"
#include "ck-timer.h"

/* One UIID of every row of the catalog, and some no row has (generic). */
static const gint uiids[] = {
  1, 77, 5, 190, 182, 126, 15, 34, 17, 25, 36, 44, 57, 52, 16, 22, 103, 104, 136, 59, 33,
  1257, 1258, 102, 154, 3026, 1770, 1000, 18, 127, 133, 11, 67, 28, 66, 2, 3, 4, 7, 8, 0, -1,
  G_MAXINT,
};

static const CkReading readings[] = {
  CK_READING_POWER, CK_READING_VOLTAGE, CK_READING_CURRENT, CK_READING_TEMPERATURE,
  CK_READING_HUMIDITY, CK_READING_BATTERY, CK_READING_BATTERY_VOLTAGE, CK_READING_LIGHT,
  CK_READING_NOISE, CK_READING_DUST,
};

/* A failed encode must say why; a successful one gives an object. */
static void
check_encoded (JsonObject *params,
               GError     *error)
{
  if (params == NULL && error == NULL)
    fuzz_fail ("an encoder failed without an error");
  if (params != NULL && error != NULL)
    fuzz_fail ("an encoder gave params and an error");
  g_clear_pointer (&params, json_object_unref);
  g_clear_error (&error);
}

static void
decode_all (const CkFamily *family,
            JsonObject     *params,
            JsonObject     *tags)
{
  guint n_channels = ck_family_get_n_channels (family, params);
  gboolean flag;
  gint value;
  guint level;
  guint32 rgb;
  g_autoptr(GPtrArray) others = NULL;

  (void) ck_family_get_id (family);
  (void) ck_family_get_description (family);
  (void) ck_family_get_capabilities (family, params);
  (void) ck_family_decode_power (family, params, &flag);
  for (guint channel = 0; channel <= MIN (n_channels, 64); channel++)
    {
      g_autofree char *name = ck_catalog_dup_channel_name (tags, channel);

      if (name == NULL)
        fuzz_fail ("no name for channel %u", channel);
      (void) ck_family_decode_channel (family, params, channel, &flag);
    }
  (void) ck_family_decode_brightness (family, params, &value);
  (void) ck_family_decode_color_temperature (family, params, &value);
  (void) ck_family_decode_color (family, params, &rgb);
  (void) ck_family_decode_fan (family, params, &level);
  (void) ck_family_decode_contact (family, params, &flag);
  (void) ck_family_decode_cover_position (family, params, &value);
  for (guint i = 0; i < G_N_ELEMENTS (readings); i++)
    {
      gdouble reading;

      (void) ck_family_has_reading (family, params, readings[i]);
      for (guint channel = 0; channel < 3; channel++)
        if (ck_family_decode_reading (family, params, readings[i], channel, &reading))
          g_free (ck_reading_format (readings[i], reading));
    }

  others = ck_family_list_other_params (family, params);
  for (guint i = 0; i < others->len; i++)
    {
      CkOtherParam *other = g_ptr_array_index (others, i);

      if (other->key == NULL || other->value == NULL)
        fuzz_fail ("an other param without a key or value");
      if (ck_catalog_is_info_param (other->key) || g_str_equal (other->key, "timers"))
        fuzz_fail ("\"%s\" listed among the other params", other->key);
    }
}

static void
encode_all (const CkFamily *family,
            JsonObject     *params)
{
  guint n_channels = ck_family_get_n_channels (family, params);
  gint min, max;
  GError *error = NULL;

  for (gint on = 0; on <= 1; on++)
    {
      check_encoded (ck_family_encode_power (family, params, on, &error), error);
      error = NULL;
      for (guint channel = 0; channel <= MIN (n_channels, 8); channel++)
        {
          check_encoded (ck_family_encode_channel (family, params, channel, on, &error), error);
          error = NULL;
        }
      for (gint channel = -1; channel < 2; channel++)
        {
          check_encoded (ck_family_encode_timer_action (family, channel, on, &error), error);
          error = NULL;
        }
    }

  ck_family_get_brightness_range (family, &min, &max);
  for (gint percent = -1; percent <= 101; percent += 17)
    {
      check_encoded (ck_family_encode_brightness (family, params, percent, &error), error);
      error = NULL;
    }
  check_encoded (ck_family_encode_brightness (family, params, min, &error), error);
  error = NULL;

  ck_family_get_color_temperature_range (family, &min, &max);
  (void) ck_family_get_color_temperature_unit (family);
  for (gint value = min - 1; value <= max + 1; value += MAX (1, (max - min + 2) / 5))
    {
      check_encoded (ck_family_encode_color_temperature (family, params, value, &error), error);
      error = NULL;
    }

  check_encoded (ck_family_encode_color (family, params, 0xff8800, &error), error);
  error = NULL;
  for (guint level = 0; level <= ck_family_get_fan_levels (family) + 1; level++)
    {
      check_encoded (ck_family_encode_fan (family, params, level, &error), error);
      error = NULL;
    }
  for (gint percent = -1; percent <= 101; percent += 51)
    {
      check_encoded (ck_family_encode_cover_position (family, params, percent, &error), error);
      error = NULL;
    }
  for (CkCoverAction action = CK_COVER_ACTION_OPEN; action <= CK_COVER_ACTION_STOP; action++)
    {
      check_encoded (ck_family_encode_cover_action (family, params, action, &error), error);
      error = NULL;
    }
  (void) ck_family_adjust_needs_power_on (family);
}

static void
read_device (CkDevice *device)
{
  JsonObject *params = ck_device_get_params (device);
  JsonObject *tags = ck_device_get_tags (device);
  guint n_channels = ck_device_get_n_channels (device);
  GListModel *timers = ck_device_get_timers (device);
  gint min, max;
  gdouble value;

  (void) ck_device_get_name (device);
  (void) ck_device_get_uiid (device);
  (void) ck_device_get_online (device);
  (void) ck_device_get_owner_apikey (device);
  (void) ck_device_get_model (device);
  (void) ck_device_get_firmware_version (device);
  (void) ck_device_get_capabilities (device);
  (void) ck_device_get_has_power (device);
  (void) ck_device_get_power (device);
  (void) ck_device_get_channels (device);
  for (guint channel = 0; channel <= MIN (n_channels, 64); channel++)
    {
      g_autofree char *name = ck_device_dup_channel_name (device, channel);

      if (name == NULL)
        fuzz_fail ("no name for channel %u", channel);
      (void) ck_device_get_channel (device, channel);
    }
  (void) ck_device_get_brightness (device);
  ck_device_get_brightness_range (device, &min, &max);
  (void) ck_device_get_color_temperature (device);
  ck_device_get_color_temperature_range (device, &min, &max);
  (void) ck_device_get_color (device);
  (void) ck_device_get_fan_speed (device);
  (void) ck_device_get_contact_open (device);
  (void) ck_device_get_cover_position (device);
  for (guint i = 0; i < G_N_ELEMENTS (readings); i++)
    (void) ck_device_get_reading (device, readings[i], 1, &value);
  (void) ck_device_get_readings (device);
  (void) ck_device_get_shared_by (device);
  (void) ck_device_get_shares (device);
  (void) ck_device_get_permit (device);
  (void) ck_device_get_groups (device);
  for (guint i = 0; i < g_list_model_get_n_items (timers); i++)
    {
      g_autoptr(CkTimer) timer = g_list_model_get_item (timers, i);
      g_autoptr(JsonObject) entry = ck_timer_to_json (timer);

      if (entry == NULL)
        fuzz_fail ("a timer without JSON");
    }
  {
    g_autoptr(JsonObject) on = ck_device_build_power_params (device, TRUE);

    if (on != NULL && ck_device_get_has_power (device) == FALSE && json_object_get_size (on) == 0)
      fuzz_fail ("empty power params");
  }

  if (params == NULL)
    fuzz_fail ("a device without params");
  decode_all (ck_device_get_family (device), params, tags);
  encode_all (ck_device_get_family (device), params);
  for (guint i = 0; i < G_N_ELEMENTS (uiids); i++)
    decode_all (ck_catalog_lookup (uiids[i], params), params, tags);
}

static void
exercise_pending (CkDevice   *device,
                  JsonObject *push)
{
  guint id = ck_device_begin_pending (device, push);

  read_device (device);
  ck_device_end_pending (device, id);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) root = fuzz_parse_json (data, size);
  g_autoptr(CkDeviceList) list = NULL;
  JsonObject *object = NULL;
  JsonArray *devicelist = NULL;
  JsonObject *push = NULL;

  if (root == NULL)
    return 0;
  if (JSON_NODE_HOLDS_ARRAY (root))
    devicelist = json_node_get_array (root);
  else if (JSON_NODE_HOLDS_OBJECT (root))
    {
      object = json_node_get_object (root);
      devicelist = ck_json_get_array (object, "devicelist");
      push = ck_json_get_object (object, "push");
    }
  else
    return 0;

  list = ck_device_list_new ();
  if (devicelist != NULL)
    {
      /* The second time is a refresh: the same objects, updated. */
      ck_device_list_replace_all (list, devicelist);
      ck_device_list_replace_all (list, devicelist);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CkDevice) device = ck_device_new_from_json (object, &error);
      g_autoptr(JsonArray) single = json_array_new ();

      if (device == NULL)
        {
          if (error == NULL)
            fuzz_fail ("a device refused without an error");
          return 0;
        }
      json_array_add_object_element (single, json_object_ref (object));
      ck_device_list_replace_all (list, single);
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(CkDevice) device = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (ck_device_list_lookup (list, ck_device_get_id (device)) != device)
        fuzz_fail ("a listed device is not found by its id");
      read_device (device);
      if (push != NULL)
        {
          exercise_pending (device, push);
          ck_device_apply_report (device, push);
          read_device (device);
          ck_device_merge_params (device, push);
          ck_device_update_sharing_from_json (device, push);
        }
    }
  ck_device_list_clear (list);
  return 0;
}
