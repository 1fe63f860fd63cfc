/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-catalog"

#include <locale.h>

#include "ck-catalog.h"

static JsonObject *
object_from (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static char *
to_text (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

/* Same members and values, whatever the order. */
static void
assert_json (JsonObject *actual,
             const char *expected)
{
  g_autoptr(JsonObject) want = object_from (expected);
  g_autoptr(JsonNode) a = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) b = json_node_new (JSON_NODE_OBJECT);

  g_assert_nonnull (actual);
  json_node_set_object (a, actual);
  json_node_set_object (b, want);
  if (!json_node_equal (a, b))
    {
      g_autofree char *text = to_text (actual);

      g_error ("got %s, expected %s", text, expected);
    }
}

/* The device merges what we send: shallow, arrays and objects whole. */
static void
apply (JsonObject *params,
       JsonObject *change)
{
  GList *members = json_object_get_members (change);

  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (params, l->data, json_node_copy (json_object_get_member (change, l->data)));
  g_list_free (members);
}

typedef struct
{
  gint        uiid;
  const char *params;
} Device;

static const CkFamily *
family_of (const Device *device,
           JsonObject  **params)
{
  *params = object_from (device->params);
  return ck_catalog_lookup (device->uiid, *params);
}

/* ------------------------------------------------------------------------ */

static void
test_lookup (void)
{
  static const struct { gint uiid; const char *id; } rows[] = {
    { 1, "relay" }, { 6, "relay" }, { 14, "relay" }, { 24, "relay" }, { 27, "relay" },
    { 2, "multi-relay-2" }, { 7, "multi-relay-2" }, { 29, "multi-relay-2" }, { 82, "multi-relay-2" },
    { 113, "multi-relay-2" }, { 139, "multi-relay-2" }, { 161, "multi-relay-2" }, { 165, "multi-relay-2" },
    { 3, "multi-relay-3" }, { 8, "multi-relay-3" }, { 30, "multi-relay-3" }, { 83, "multi-relay-3" },
    { 114, "multi-relay-3" }, { 140, "multi-relay-3" }, { 162, "multi-relay-3" },
    { 4, "multi-relay-4" }, { 9, "multi-relay-4" }, { 31, "multi-relay-4" }, { 84, "multi-relay-4" },
    { 141, "multi-relay-4" }, { 163, "multi-relay-4" },
    { 77, "relay-outlet" }, { 78, "relay-outlet" }, { 81, "relay-outlet" }, { 107, "relay-outlet" },
    { 112, "relay-outlet" }, { 138, "relay-outlet" }, { 160, "relay-outlet" },
    { 5, "pow" }, { 32, "pow" }, { 190, "pow-x100" }, { 182, "pow-plain" }, { 126, "dualr3" },
    { 15, "th" }, { 181, "th" }, { 34, "ifan" }, { 17, "fan" }, { 25, "diffuser" },
    { 36, "dimmer-king" }, { 44, "dimmer-d1" }, { 57, "mono-bulb" }, { 52, "cct-light" },
    { 16, "cold-warm-light" }, { 22, "b1-bulb" }, { 103, "b02-bulb" }, { 135, "b02-bulb" },
    { 104, "b05-bulb" }, { 136, "b05-bl-bulb" }, { 59, "strip" }, { 137, "strip" }, { 33, "strip-33" },
    { 102, "door" }, { 154, "door-battery" }, { 18, "sc" }, { 11, "curtain" }, { 67, "garage" },
    { 91, "garage" }, { 28, "rf-bridge" }, { 133, "panel" }, { 9999, "generic" }, { 0, "generic" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const CkFamily *family = ck_catalog_lookup (rows[i].uiid, NULL);

      g_assert_nonnull (family);
      g_assert_cmpstr (ck_family_get_id (family), ==, rows[i].id);
    }
}

static void
test_channel_names (void)
{
  g_autoptr(JsonObject) tags = object_from ("{\"ck_channel_name\":{\"0\":\"Lamp\",\"1\":\"\"}}");
  g_autofree char *first = ck_catalog_dup_channel_name (tags, 0);
  g_autofree char *second = ck_catalog_dup_channel_name (tags, 1);
  g_autofree char *none = ck_catalog_dup_channel_name (NULL, 3);

  g_assert_cmpstr (first, ==, "Lamp");
  g_assert_cmpstr (second, ==, "Channel 2");
  g_assert_cmpstr (none, ==, "Channel 4");
}

static void
test_single_relay (void)
{
  static const Device device = { 1, "{\"switch\":\"off\",\"startup\":\"stay\",\"rssi\":-50}" };
  g_autoptr(JsonObject) params = NULL;
  const CkFamily *family = family_of (&device, &params);
  g_autoptr(JsonObject) on = NULL;
  g_autoptr(JsonObject) action = NULL;
  g_autoptr(JsonObject) nothing = NULL;
  g_autoptr(GError) error = NULL;
  gboolean value = TRUE;

  g_assert_cmpint (ck_family_get_capabilities (family, params), ==, CK_CAPABILITY_POWER);
  g_assert_cmpuint (ck_family_get_n_channels (family, params), ==, 1);
  g_assert_true (ck_family_decode_power (family, params, &value));
  g_assert_false (value);
  g_assert_true (ck_family_decode_channel (family, params, 0, &value));
  g_assert_false (ck_family_decode_channel (family, params, 1, &value));

  on = ck_family_encode_power (family, params, TRUE, &error);
  g_assert_no_error (error);
  assert_json (on, "{\"switch\":\"on\"}");
  action = ck_family_encode_timer_action (family, -1, FALSE, &error);
  g_assert_no_error (error);
  assert_json (action, "{\"switch\":\"off\"}");

  nothing = ck_family_encode_brightness (family, params, 40, &error);
  g_assert_null (nothing);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
}

#define FOUR_CH "{\"switches\":[{\"switch\":\"off\",\"outlet\":0},{\"switch\":\"off\",\"outlet\":1}," \
                "{\"switch\":\"on\",\"outlet\":2},{\"switch\":\"off\",\"outlet\":3}],\"lock\":0}"

static void
test_multi_relay (void)
{
  static const Device device = { 4, FOUR_CH };
  g_autoptr(JsonObject) params = NULL;
  const CkFamily *family = family_of (&device, &params);
  g_autoptr(JsonObject) second_on = NULL;
  g_autoptr(JsonObject) all_off = NULL;
  g_autoptr(JsonObject) action = NULL;
  g_autoptr(JsonObject) whole = NULL;
  g_autoptr(GError) error = NULL;
  gboolean value = FALSE;

  g_assert_cmpuint (ck_family_get_n_channels (family, params), ==, 4);
  g_assert_true (ck_family_has_capability (family, params, CK_CAPABILITY_CHANNELS));
  g_assert_true (ck_family_decode_channel (family, params, 2, &value));
  g_assert_true (value);
  g_assert_true (ck_family_decode_channel (family, params, 1, &value));
  g_assert_false (value);
  g_assert_true (ck_family_decode_power (family, params, &value));
  g_assert_true (value);

  /* "Channel 2 on": the whole array copied, outlet 1 changed (devices.md §6.2). */
  second_on = ck_family_encode_channel (family, params, 1, TRUE, &error);
  g_assert_no_error (error);
  assert_json (second_on, "{\"switches\":[{\"switch\":\"off\",\"outlet\":0},{\"switch\":\"on\",\"outlet\":1},"
                          "{\"switch\":\"on\",\"outlet\":2},{\"switch\":\"off\",\"outlet\":3}]}");
  /* The device's params are untouched. */
  g_assert_true (ck_family_decode_channel (family, params, 1, &value));
  g_assert_false (value);

  all_off = ck_family_encode_power (family, params, FALSE, &error);
  g_assert_no_error (error);
  assert_json (all_off, "{\"switches\":[{\"switch\":\"off\",\"outlet\":0},{\"switch\":\"off\",\"outlet\":1},"
                        "{\"switch\":\"off\",\"outlet\":2},{\"switch\":\"off\",\"outlet\":3}]}");

  action = ck_family_encode_timer_action (family, 3, TRUE, &error);
  g_assert_no_error (error);
  assert_json (action, "{\"outlet\":3,\"switch\":\"on\"}");
  whole = ck_family_encode_timer_action (family, -1, TRUE, &error);
  g_assert_null (whole);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_two_channels_four_entries (void)
{
  /* UIID 2 carries a 4-entry array; only 2 channels are real (devices.md §1). */
  static const Device device = { 2, FOUR_CH };
  g_autoptr(JsonObject) params = NULL;
  const CkFamily *family = family_of (&device, &params);
  g_autoptr(JsonObject) phantom = NULL;
  g_autoptr(GError) error = NULL;
  gboolean value = TRUE;

  g_assert_cmpuint (ck_family_get_n_channels (family, params), ==, 2);
  g_assert_false (ck_family_decode_channel (family, params, 2, &value));
  /* Power looks at the real channels only: both are off. */
  g_assert_true (ck_family_decode_power (family, params, &value));
  g_assert_false (value);
  phantom = ck_family_encode_channel (family, params, 2, TRUE, &error);
  g_assert_null (phantom);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_outlet_zero_relay (void)
{
  static const Device device = { 77, FOUR_CH };
  g_autoptr(JsonObject) params = NULL;
  const CkFamily *family = family_of (&device, &params);
  g_autoptr(JsonObject) on = NULL;
  g_autoptr(JsonObject) action = NULL;
  g_autoptr(GError) error = NULL;
  gboolean value = TRUE;

  g_assert_cmpuint (ck_family_get_n_channels (family, params), ==, 1);
  /* Outlet 2 is on, but only outlet 0 is real. */
  g_assert_true (ck_family_decode_power (family, params, &value));
  g_assert_false (value);
  on = ck_family_encode_power (family, params, TRUE, &error);
  g_assert_no_error (error);
  assert_json (on, "{\"switches\":[{\"switch\":\"on\",\"outlet\":0},{\"switch\":\"off\",\"outlet\":1},"
                   "{\"switch\":\"on\",\"outlet\":2},{\"switch\":\"off\",\"outlet\":3}]}");
  action = ck_family_encode_timer_action (family, -1, TRUE, &error);
  g_assert_no_error (error);
  assert_json (action, "{\"outlet\":0,\"switch\":\"on\"}");
}

static void
assert_reading (const CkFamily *family,
                JsonObject     *params,
                CkReading       reading,
                guint           channel,
                gdouble         expected)
{
  gdouble value = -1;

  g_assert_true (ck_family_decode_reading (family, params, reading, channel, &value));
  g_assert_cmpfloat_with_epsilon (value, expected, 0.0001);
}

static void
test_power_metering (void)
{
  static const Device pow_r2 = {
    32, "{\"switch\":\"on\",\"power\":\"12.34\",\"voltage\":\"234.20\",\"current\":\"1.23\",\"alarmType\":\"pcv\"}"
  };
  static const Device powr3 = {
    190, "{\"switches\":[{\"switch\":\"off\",\"outlet\":0}],\"power\":1234,\"voltage\":23420,\"current\":5}"
  };
  static const Device s40 = {
    182, "{\"switches\":[{\"switch\":\"on\",\"outlet\":0}],\"power\":12,\"voltage\":230,\"current\":\"0.5\"}"
  };
  static const Device dual_r3 = {
    126, "{\"workMode\":1,\"switches\":[{\"switch\":\"on\",\"outlet\":0},{\"switch\":\"off\",\"outlet\":1}],"
         "\"actPow_00\":1050,\"actPow_01\":5000,\"voltage_00\":23010,\"current_01\":217}"
  };
  g_autoptr(JsonObject) p32 = NULL, p190 = NULL, p182 = NULL, p126 = NULL;
  const CkFamily *f32 = family_of (&pow_r2, &p32);
  const CkFamily *f190 = family_of (&powr3, &p190);
  const CkFamily *f182 = family_of (&s40, &p182);
  const CkFamily *f126 = family_of (&dual_r3, &p126);
  g_autoptr(JsonObject) on = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gdouble value;

  /* POW R2: 2-decimal strings. */
  assert_reading (f32, p32, CK_READING_POWER, 0, 12.34);
  assert_reading (f32, p32, CK_READING_VOLTAGE, 0, 234.20);
  assert_reading (f32, p32, CK_READING_CURRENT, 0, 1.23);
  g_assert_true (ck_family_has_capability (f32, p32, CK_CAPABILITY_ENERGY));
  g_assert_false (ck_family_decode_reading (f32, p32, CK_READING_TEMPERATURE, 0, &value));
  ck_family_decode_reading (f32, p32, CK_READING_POWER, 0, &value);
  text = ck_reading_format (CK_READING_POWER, value);
  g_assert_cmpstr (text, ==, "12.34 W");

  /* POWR316: integers x100, and operSide with the switch (devices.md §6.4). */
  assert_reading (f190, p190, CK_READING_POWER, 0, 12.34);
  assert_reading (f190, p190, CK_READING_VOLTAGE, 0, 234.20);
  assert_reading (f190, p190, CK_READING_CURRENT, 0, 0.05);
  on = ck_family_encode_power (f190, p190, TRUE, &error);
  g_assert_no_error (error);
  assert_json (on, "{\"switches\":[{\"switch\":\"on\",\"outlet\":0}],\"operSide\":1}");

  /* S40: unscaled. */
  assert_reading (f182, p182, CK_READING_POWER, 0, 12);
  assert_reading (f182, p182, CK_READING_VOLTAGE, 0, 230);
  assert_reading (f182, p182, CK_READING_CURRENT, 0, 0.5);

  /* DualR3: per channel, x100. */
  assert_reading (f126, p126, CK_READING_POWER, 0, 10.50);
  assert_reading (f126, p126, CK_READING_POWER, 1, 50.00);
  assert_reading (f126, p126, CK_READING_VOLTAGE, 0, 230.10);
  assert_reading (f126, p126, CK_READING_CURRENT, 1, 2.17);
  g_assert_false (ck_family_decode_reading (f126, p126, CK_READING_VOLTAGE, 1, &value));
  g_assert_cmpuint (ck_family_get_n_channels (f126, p126), ==, 2);
}

static void
test_dualr3_motor (void)
{
  static const Device device = { 126, "{\"workMode\":2,\"currLocation\":35,\"switches\":[]}" };
  g_autoptr(JsonObject) params = NULL;
  const CkFamily *family = family_of (&device, &params);
  g_autoptr(JsonObject) position = NULL;
  g_autoptr(JsonObject) open = NULL;
  g_autoptr(JsonObject) stop = NULL;
  g_autoptr(GError) error = NULL;
  gint percent = -1;

  g_assert_cmpstr (ck_family_get_id (family), ==, "dualr3-motor");
  g_assert_true (ck_family_has_capability (family, params, CK_CAPABILITY_COVER));
  g_assert_false (ck_family_has_capability (family, params, CK_CAPABILITY_POWER));
  g_assert_true (ck_family_decode_cover_position (family, params, &percent));
  g_assert_cmpint (percent, ==, 35);
  position = ck_family_encode_cover_position (family, params, 80, &error);
  g_assert_no_error (error);
  assert_json (position, "{\"location\":80}");
  open = ck_family_encode_cover_action (family, params, CK_COVER_ACTION_OPEN, &error);
  assert_json (open, "{\"motorTurn\":1}");
  stop = ck_family_encode_cover_action (family, params, CK_COVER_ACTION_STOP, &error);
  assert_json (stop, "{\"motorTurn\":0}");
}

static void
test_covers (void)
{
  static const Device q4 = { 11, "{\"switch\":\"off\",\"setclose\":21}" };
  static const Device garage = { 67, "{\"op\":1,\"per\":100,\"statu\":5}" };
  g_autoptr(JsonObject) p11 = NULL, p67 = NULL;
  const CkFamily *f11 = family_of (&q4, &p11);
  const CkFamily *f67 = family_of (&garage, &p67);
  g_autoptr(JsonObject) position = NULL;
  g_autoptr(JsonObject) pause = NULL;
  g_autoptr(JsonObject) closed = NULL;
  g_autoptr(JsonObject) half = NULL;
  g_autoptr(GError) error = NULL;
  gint percent = -1;

  /* setclose = 100 - percent open. */
  g_assert_true (ck_family_decode_cover_position (f11, p11, &percent));
  g_assert_cmpint (percent, ==, 79);
  position = ck_family_encode_cover_position (f11, p11, 30, &error);
  assert_json (position, "{\"setclose\":70}");
  pause = ck_family_encode_cover_action (f11, p11, CK_COVER_ACTION_STOP, &error);
  assert_json (pause, "{\"switch\":\"pause\"}");
  g_assert_no_error (error);

  g_assert_true (ck_family_decode_cover_position (f67, p67, &percent));
  g_assert_cmpint (percent, ==, 100);
  closed = ck_family_encode_cover_position (f67, p67, 0, &error);
  g_assert_no_error (error);
  assert_json (closed, "{\"op\":3}");
  half = ck_family_encode_cover_position (f67, p67, 50, &error);
  g_assert_null (half);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_th (void)
{
  static const Device device = {
    15, "{\"switch\":\"off\",\"mainSwitch\":\"off\",\"deviceType\":\"normal\",\"currentTemperature\":\"14.6\","
        "\"currentHumidity\":\"unavailable\",\"sensorType\":\"DS18B20\"}"
  };
  static const Device numeric = { 15, "{\"switch\":\"on\",\"temperature\":21.5,\"humidity\":40}" };
  g_autoptr(JsonObject) params = NULL, numeric_params = NULL;
  const CkFamily *family = family_of (&device, &params);
  g_autoptr(JsonObject) on = NULL;
  g_autoptr(JsonObject) action = NULL;
  g_autoptr(GError) error = NULL;
  gdouble value;

  assert_reading (family, params, CK_READING_TEMPERATURE, 0, 14.6);
  /* "unavailable" is no reading (devices.md §6.5). */
  g_assert_false (ck_family_decode_reading (family, params, CK_READING_HUMIDITY, 0, &value));
  g_assert_true (ck_family_has_reading (family, params, CK_READING_HUMIDITY));

  family_of (&numeric, &numeric_params);
  assert_reading (family, numeric_params, CK_READING_TEMPERATURE, 0, 21.5);
  assert_reading (family, numeric_params, CK_READING_HUMIDITY, 0, 40);

  on = ck_family_encode_power (family, params, TRUE, &error);
  g_assert_no_error (error);
  assert_json (on, "{\"switch\":\"on\",\"mainSwitch\":\"on\",\"deviceType\":\"normal\"}");
  action = ck_family_encode_timer_action (family, -1, TRUE, &error);
  assert_json (action, "{\"switch\":\"on\",\"mainSwitch\":\"on\"}");
}

#define IFAN(l, f, b2, b3) \
  "{\"switches\":[{\"switch\":\"" l "\",\"outlet\":0},{\"switch\":\"" f "\",\"outlet\":1}," \
  "{\"switch\":\"" b2 "\",\"outlet\":2},{\"switch\":\"" b3 "\",\"outlet\":3}]}"

static void
test_ifan (void)
{
  static const struct { const char *params; guint level; } decodes[] = {
    { IFAN ("on", "off", "on", "off"), CK_FAN_SPEED_OFF },
    { IFAN ("on", "on", "off", "off"), CK_FAN_SPEED_LOW },
    { IFAN ("off", "on", "on", "off"), CK_FAN_SPEED_MEDIUM },
    { IFAN ("on", "on", "off", "on"), CK_FAN_SPEED_HIGH },
    /* LAN-style keys, only when there is no `switches`. */
    { "{\"fan\":\"on\",\"speed\":2,\"light\":\"off\"}", CK_FAN_SPEED_MEDIUM },
    { "{\"fan\":\"off\",\"speed\":3}", CK_FAN_SPEED_OFF },
  };
  static const struct { guint level; const char *expected; } encodes[] = {
    { CK_FAN_SPEED_LOW, IFAN ("on", "on", "off", "off") },
    { CK_FAN_SPEED_MEDIUM, IFAN ("on", "on", "on", "off") },
    { CK_FAN_SPEED_HIGH, IFAN ("on", "on", "off", "on") },
    /* Off: outlet 1 off, 2/3 unchanged. */
    { CK_FAN_SPEED_OFF, IFAN ("on", "off", "on", "off") },
  };
  const CkFamily *family = ck_catalog_lookup (34, NULL);
  g_autoptr(JsonObject) current = object_from (IFAN ("on", "off", "on", "off"));
  g_autoptr(JsonObject) light_off = NULL;
  g_autoptr(JsonObject) from_nothing = NULL;
  g_autoptr(JsonObject) empty = json_object_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (ck_family_get_fan_levels (family), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (decodes); i++)
    {
      g_autoptr(JsonObject) params = object_from (decodes[i].params);
      guint level = 99;

      g_assert_true (ck_family_decode_fan (family, params, &level));
      g_assert_cmpuint (level, ==, decodes[i].level);
    }

  for (guint i = 0; i < G_N_ELEMENTS (encodes); i++)
    {
      g_autoptr(JsonObject) change = ck_family_encode_fan (family, current, encodes[i].level, &error);
      guint level = 99;

      g_assert_no_error (error);
      assert_json (change, encodes[i].expected);
      /* And back. */
      g_assert_true (ck_family_decode_fan (family, change, &level));
      g_assert_cmpuint (level, ==, encodes[i].level);
    }

  /* The light is outlet 0 alone. */
  light_off = ck_family_encode_power (family, current, FALSE, &error);
  assert_json (light_off, IFAN ("off", "off", "on", "off"));
  /* Missing outlets are created, so the array is always whole. */
  from_nothing = ck_family_encode_fan (family, empty, CK_FAN_SPEED_HIGH, &error);
  assert_json (from_nothing, IFAN ("off", "on", "off", "on"));
  g_assert_null (ck_family_encode_fan (family, current, 4, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_fan17_and_diffuser (void)
{
  const CkFamily *fan = ck_catalog_lookup (17, NULL);
  const CkFamily *diffuser = ck_catalog_lookup (25, NULL);
  g_autoptr(JsonObject) params = object_from ("{\"fan\":\"on\",\"speed\":\"moderate\"}");
  g_autoptr(JsonObject) fast = NULL, off = NULL, mist = NULL, color = NULL;
  g_autoptr(GError) error = NULL;
  guint level = 0;

  g_assert_true (ck_family_decode_fan (fan, params, &level));
  g_assert_cmpuint (level, ==, CK_FAN_SPEED_MEDIUM);
  fast = ck_family_encode_fan (fan, params, CK_FAN_SPEED_HIGH, &error);
  assert_json (fast, "{\"fan\":\"on\",\"speed\":\"fast\"}");
  off = ck_family_encode_power (fan, params, FALSE, &error);
  assert_json (off, "{\"fan\":\"off\"}");

  g_assert_cmpuint (ck_family_get_fan_levels (diffuser), ==, 2);
  mist = ck_family_encode_fan (diffuser, params, 2, &error);
  assert_json (mist, "{\"switch\":\"on\",\"state\":2}");
  color = ck_family_encode_color (diffuser, params, 0x102030, &error);
  assert_json (color, "{\"lightmode\":2,\"lightRcolor\":16,\"lightGcolor\":32,\"lightBcolor\":48}");
  g_assert_no_error (error);
}

static void
assert_brightness (gint        uiid,
                   const char *params_json,
                   gint        percent,
                   const char *expected)
{
  g_autoptr(JsonObject) params = object_from (params_json);
  const CkFamily *family = ck_catalog_lookup (uiid, params);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) change = ck_family_encode_brightness (family, params, percent, &error);

  g_assert_no_error (error);
  assert_json (change, expected);
}

static void
assert_decoded_brightness (gint        uiid,
                           const char *params_json,
                           gint        expected)
{
  g_autoptr(JsonObject) params = object_from (params_json);
  const CkFamily *family = ck_catalog_lookup (uiid, params);
  gint percent = -1;

  g_assert_true (ck_family_decode_brightness (family, params, &percent));
  g_assert_cmpint (percent, ==, expected);
}

static void
test_dimmers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) empty = json_object_new ();
  gint min = -1, max = -1;

  /* D1: 0-100, with switch on and mode 0 in the same message. */
  assert_brightness (44, "{\"switch\":\"on\",\"brightness\":10}", 60,
                     "{\"switch\":\"on\",\"brightness\":60,\"mode\":0}");
  assert_brightness (44, "{}", 0, "{\"switch\":\"on\",\"brightness\":0,\"mode\":0}");
  assert_decoded_brightness (44, "{\"brightness\":0}", 0);
  assert_decoded_brightness (44, "{\"brightness\":100}", 100);
  g_assert_null (ck_family_encode_brightness (ck_catalog_lookup (44, NULL), empty, 101, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (ck_family_encode_brightness (ck_catalog_lookup (44, NULL), empty, -1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  /* KING-M4: bright = round(p*0.9+10), 10-100. */
  assert_brightness (36, "{}", 0, "{\"bright\":10}");
  assert_brightness (36, "{}", 57, "{\"bright\":61}");
  assert_brightness (36, "{}", 50, "{\"bright\":55}");
  assert_brightness (36, "{}", 100, "{\"bright\":100}");
  assert_decoded_brightness (36, "{\"bright\":10}", 0);
  assert_decoded_brightness (36, "{\"bright\":55}", 50);
  assert_decoded_brightness (36, "{\"bright\":100}", 100);
  g_assert_true (ck_family_adjust_needs_power_on (ck_catalog_lookup (36, NULL)));
  g_assert_false (ck_family_adjust_needs_power_on (ck_catalog_lookup (44, NULL)));

  /* UIID 57: channel0 = str(round(25 + p*2.3)), state for power. */
  assert_brightness (57, "{}", 0, "{\"channel0\":\"25\"}");
  assert_brightness (57, "{}", 50, "{\"channel0\":\"140\"}");
  assert_brightness (57, "{}", 87, "{\"channel0\":\"225\"}");
  assert_brightness (57, "{}", 100, "{\"channel0\":\"255\"}");
  assert_decoded_brightness (57, "{\"channel0\":\"140\"}", 50);
  assert_decoded_brightness (57, "{\"channel0\":\"255\"}", 100);
  {
    g_autoptr(JsonObject) params = object_from ("{\"state\":\"on\",\"channel0\":\"25\"}");
    const CkFamily *family = ck_catalog_lookup (57, params);
    g_autoptr(JsonObject) off = ck_family_encode_power (family, params, FALSE, &error);
    g_autoptr(JsonObject) action = ck_family_encode_timer_action (family, -1, TRUE, &error);
    gboolean on = FALSE;

    assert_json (off, "{\"state\":\"off\"}");
    assert_json (action, "{\"state\":\"on\"}");
    g_assert_true (ck_family_decode_power (family, params, &on));
    g_assert_true (on);
  }

  /* L1 1-100 (0 % is raised to 1), mode always included. */
  assert_brightness (59, "{\"mode\":2,\"bright\":100}", 40, "{\"mode\":2,\"bright\":40}");
  assert_brightness (59, "{}", 0, "{\"mode\":1,\"bright\":1}");
  ck_family_get_brightness_range (ck_catalog_lookup (59, NULL), &min, &max);
  g_assert_cmpint (min, ==, 1);
  g_assert_cmpint (max, ==, 100);
  /* UIID 33: 10-100. */
  assert_brightness (33, "{}", 5, "{\"mode\":1,\"bright\":10}");
  assert_brightness (33, "{}", 100, "{\"mode\":1,\"bright\":100}");
  ck_family_get_brightness_range (ck_catalog_lookup (33, NULL), &min, &max);
  g_assert_cmpint (min, ==, 10);
  assert_decoded_brightness (33, "{\"bright\":10}", 10);
}

/* Encoding then decoding gives the value back, for every percent. */
static void
test_brightness_round_trip (void)
{
  static const struct { gint uiid; const char *params; gint tolerance; } rows[] = {
    { 44, "{\"switch\":\"on\",\"brightness\":5}", 0 },
    { 36, "{\"switch\":\"on\",\"bright\":10}", 1 },
    { 57, "{\"state\":\"on\",\"channel0\":\"25\"}", 0 },
    { 52, "{\"state\":\"on\",\"channel0\":\"10\",\"channel1\":\"0\"}", 1 },
    { 59, "{\"switch\":\"on\",\"bright\":1,\"mode\":1}", 0 },
    { 103, "{\"switch\":\"on\",\"ltype\":\"white\",\"white\":{\"br\":50,\"ct\":125}}", 0 },
    { 104, "{\"switch\":\"on\",\"ltype\":\"color\",\"color\":{\"br\":50,\"r\":1,\"g\":2,\"b\":3}}", 0 },
    { 22, "{\"state\":\"on\",\"zyx_mode\":1,\"channel0\":\"159\",\"channel1\":\"0\"}", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(JsonObject) params = object_from (rows[i].params);
      const CkFamily *family = ck_catalog_lookup (rows[i].uiid, params);
      gint min, max;

      ck_family_get_brightness_range (family, &min, &max);
      for (gint percent = 0; percent <= 100; percent++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(JsonObject) change = ck_family_encode_brightness (family, params, percent, &error);
          gint decoded = -1;

          g_assert_no_error (error);
          apply (params, change);
          g_assert_true (ck_family_decode_brightness (family, params, &decoded));
          g_assert_cmpint (ABS (decoded - MAX (percent, min)), <=, rows[i].tolerance);
        }
    }
}

static void
test_b02 (void)
{
  g_autoptr(JsonObject) params =
    object_from ("{\"switch\":\"on\",\"ltype\":\"white\",\"white\":{\"br\":50,\"ct\":125},\"pVer\":\"1\"}");
  const CkFamily *family = ck_catalog_lookup (103, params);
  g_autoptr(JsonObject) cold = NULL, warm = NULL, dim = NULL, too_warm = NULL, from_scene = NULL;
  g_autoptr(JsonObject) scene = object_from ("{\"ltype\":\"read\",\"read\":{\"br\":50,\"ct\":0}}");
  g_autoptr(GError) error = NULL;
  gint value = -1, min, max;

  g_assert_cmpint (ck_family_get_color_temperature_unit (family), ==, CK_COLOR_TEMPERATURE_UNIT_KELVIN);
  ck_family_get_color_temperature_range (family, &min, &max);
  g_assert_cmpint (min, ==, 2200);
  g_assert_cmpint (max, ==, 6500);
  g_assert_true (ck_family_has_capability (family, params, CK_CAPABILITY_COLOR_TEMPERATURE));
  g_assert_false (ck_family_has_capability (family, params, CK_CAPABILITY_COLOR));

  /* ct 125 of 0-255 → 2200 + 125 * 4300 / 255 = 4308 K. */
  g_assert_true (ck_family_decode_color_temperature (family, params, &value));
  g_assert_cmpint (value, ==, 4308);

  /* The whole white object with ltype, br kept. */
  cold = ck_family_encode_color_temperature (family, params, 6500, &error);
  g_assert_no_error (error);
  assert_json (cold, "{\"ltype\":\"white\",\"white\":{\"br\":50,\"ct\":255}}");
  warm = ck_family_encode_color_temperature (family, params, 2200, &error);
  assert_json (warm, "{\"ltype\":\"white\",\"white\":{\"br\":50,\"ct\":0}}");
  dim = ck_family_encode_brightness (family, params, 0, &error);
  assert_json (dim, "{\"ltype\":\"white\",\"white\":{\"br\":1,\"ct\":125}}");
  /* Brightness in a scene resends that scene's object. */
  from_scene = ck_family_encode_brightness (family, scene, 30, &error);
  assert_json (from_scene, "{\"ltype\":\"read\",\"read\":{\"br\":30,\"ct\":0}}");

  too_warm = ck_family_encode_color_temperature (family, params, 2000, &error);
  g_assert_null (too_warm);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_b05 (void)
{
  g_autoptr(JsonObject) white =
    object_from ("{\"switch\":\"on\",\"ltype\":\"white\",\"white\":{\"br\":100,\"ct\":255},"
                 "\"color\":{\"br\":70,\"r\":0,\"g\":0,\"b\":255}}");
  g_autoptr(JsonObject) colour = object_from ("{\"switch\":\"on\",\"ltype\":\"color\","
                                              "\"color\":{\"br\":70,\"r\":255,\"g\":136,\"b\":0}}");
  g_autoptr(JsonObject) bl = object_from ("{\"switch\":\"on\",\"ltype\":\"white\",\"white\":{\"br\":100,\"ct\":100}}");
  const CkFamily *b05 = ck_catalog_lookup (104, white);
  const CkFamily *b05_bl = ck_catalog_lookup (136, bl);
  g_autoptr(JsonObject) orange = NULL, kelvin = NULL, percent = NULL, bright = NULL;
  g_autoptr(GError) error = NULL;
  guint32 rgb = 0;
  gint value = -1, min, max;

  /* B05-B: 2700-6500 K over ct 0-255. */
  ck_family_get_color_temperature_range (b05, &min, &max);
  g_assert_cmpint (min, ==, 2700);
  g_assert_cmpint (max, ==, 6500);
  g_assert_true (ck_family_decode_color_temperature (b05, white, &value));
  g_assert_cmpint (value, ==, 6500);
  g_assert_false (ck_family_decode_color (b05, white, &rgb));
  kelvin = ck_family_encode_color_temperature (b05, white, 4600, &error);
  g_assert_no_error (error);
  assert_json (kelvin, "{\"ltype\":\"white\",\"white\":{\"br\":100,\"ct\":128}}");

  /* Colour: the whole colour object, current br kept. */
  orange = ck_family_encode_color (b05, white, 0xff8800, &error);
  assert_json (orange, "{\"ltype\":\"color\",\"color\":{\"r\":255,\"g\":136,\"b\":0,\"br\":70}}");
  g_assert_true (ck_family_decode_color (b05, colour, &rgb));
  g_assert_cmphex (rgb, ==, 0xff8800);
  g_assert_false (ck_family_decode_color_temperature (b05, colour, &value));
  bright = ck_family_encode_brightness (b05, colour, 40, &error);
  assert_json (bright, "{\"ltype\":\"color\",\"color\":{\"r\":255,\"g\":136,\"b\":0,\"br\":40}}");

  /* B05-BL: ct 0-100 in percent, not 0-255. */
  g_assert_cmpint (ck_family_get_color_temperature_unit (b05_bl), ==, CK_COLOR_TEMPERATURE_UNIT_PERCENT);
  g_assert_true (ck_family_decode_color_temperature (b05_bl, bl, &value));
  g_assert_cmpint (value, ==, 100);
  percent = ck_family_encode_color_temperature (b05_bl, bl, 30, &error);
  assert_json (percent, "{\"ltype\":\"white\",\"white\":{\"br\":100,\"ct\":30}}");
  g_assert_no_error (error);
}

static void
test_b1 (void)
{
  g_autoptr(JsonObject) params =
    object_from ("{\"state\":\"on\",\"zyx_mode\":1,\"type\":\"middle\",\"channel0\":\"159\",\"channel1\":\"159\","
                 "\"channel2\":\"0\",\"channel3\":\"0\",\"channel4\":\"0\"}");
  g_autoptr(JsonObject) colour = object_from ("{\"state\":\"on\",\"zyx_mode\":2,\"channel0\":\"0\",\"channel1\":\"0\","
                                              "\"channel2\":\"207\",\"channel3\":\"56\",\"channel4\":\"3\"}");
  const CkFamily *family = ck_catalog_lookup (22, params);
  g_autoptr(JsonObject) full = NULL, cold = NULL, warm = NULL, party = NULL, off = NULL;
  g_autoptr(GError) error = NULL;
  guint32 rgb = 0;
  gint value = -1;

  /* 159 of 25-255 → 58 %. */
  g_assert_true (ck_family_decode_brightness (family, params, &value));
  g_assert_cmpint (value, ==, 58);
  g_assert_true (ck_family_decode_color_temperature (family, params, &value));
  g_assert_cmpint (value, ==, 50);

  full = ck_family_encode_brightness (family, params, 100, &error);
  g_assert_no_error (error);
  assert_json (full, "{\"channel0\":\"255\",\"channel1\":\"255\",\"channel2\":\"0\",\"channel3\":\"0\","
                     "\"channel4\":\"0\",\"zyx_mode\":1,\"type\":\"middle\"}");
  cold = ck_family_encode_color_temperature (family, params, 100, &error);
  assert_json (cold, "{\"channel0\":\"159\",\"channel1\":\"0\",\"channel2\":\"0\",\"channel3\":\"0\","
                     "\"channel4\":\"0\",\"zyx_mode\":1,\"type\":\"cold\"}");
  warm = ck_family_encode_color_temperature (family, params, 0, &error);
  assert_json (warm, "{\"channel0\":\"0\",\"channel1\":\"159\",\"channel2\":\"0\",\"channel3\":\"0\","
                     "\"channel4\":\"0\",\"zyx_mode\":1,\"type\":\"warm\"}");
  apply (params, warm);
  g_assert_true (ck_family_decode_color_temperature (family, params, &value));
  g_assert_cmpint (value, ==, 0);

  party = ck_family_encode_color (family, params, 0xcf3803, &error);
  assert_json (party, "{\"channel0\":\"0\",\"channel1\":\"0\",\"channel2\":\"207\",\"channel3\":\"56\","
                      "\"channel4\":\"3\",\"zyx_mode\":2,\"type\":\"middle\"}");
  g_assert_true (ck_family_decode_color (family, colour, &rgb));
  g_assert_cmphex (rgb, ==, 0xcf3803);
  /* In colour mode brightness lives in the RGB values. */
  g_assert_false (ck_family_decode_brightness (family, colour, &value));

  off = ck_family_encode_power (family, params, FALSE, &error);
  assert_json (off, "{\"state\":\"off\"}");
}

static void
test_cct_lights (void)
{
  g_autoptr(JsonObject) p52 = object_from ("{\"state\":\"on\",\"channel0\":\"128\",\"channel1\":\"255\"}");
  g_autoptr(JsonObject) p16 = object_from ("{\"state\":\"on\",\"channel0\":\"40\",\"channel1\":\"0\"}");
  const CkFamily *f52 = ck_catalog_lookup (52, p52);
  const CkFamily *f16 = ck_catalog_lookup (16, p16);
  g_autoptr(JsonObject) cold = NULL, middle = NULL;
  g_autoptr(GError) error = NULL;
  gint value = -1;

  /* 52: channel1 higher = warmer; 255 is the warmest = 0 %. */
  g_assert_true (ck_family_decode_color_temperature (f52, p52, &value));
  g_assert_cmpint (value, ==, 0);
  cold = ck_family_encode_color_temperature (f52, p52, 100, &error);
  g_assert_no_error (error);
  assert_json (cold, "{\"channel1\":\"0\"}");

  /* 16: three steps, no RGB channels or zyx_mode. */
  g_assert_true (ck_family_decode_color_temperature (f16, p16, &value));
  g_assert_cmpint (value, ==, 100);
  middle = ck_family_encode_color_temperature (f16, p16, 50, &error);
  assert_json (middle, "{\"channel0\":\"40\",\"channel1\":\"40\",\"type\":\"middle\"}");
}

static void
test_strip_color (void)
{
  g_autoptr(JsonObject) params = object_from ("{\"switch\":\"on\",\"bright\":100,\"colorR\":255,\"colorG\":255,"
                                              "\"colorB\":255,\"mode\":2,\"light_type\":1}");
  const CkFamily *family = ck_catalog_lookup (59, params);
  g_autoptr(JsonObject) orange = NULL;
  g_autoptr(GError) error = NULL;
  guint32 rgb = 0;

  g_assert_true (ck_family_decode_color (family, params, &rgb));
  g_assert_cmphex (rgb, ==, 0xffffff);
  orange = ck_family_encode_color (family, params, 0xff8800, &error);
  g_assert_no_error (error);
  assert_json (orange, "{\"mode\":1,\"colorR\":255,\"colorG\":136,\"colorB\":0,\"light_type\":1}");
  apply (params, orange);
  g_assert_true (ck_family_decode_color (family, params, &rgb));
  g_assert_cmphex (rgb, ==, 0xff8800);
  g_assert_null (ck_family_encode_color (family, params, 0x1000000, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_sensors (void)
{
  g_autoptr(JsonObject) dw2_open = object_from ("{\"switch\":\"on\",\"battery\":2.9,\"type\":2}");
  g_autoptr(JsonObject) dw2_closed = object_from ("{\"switch\":\"off\",\"battery\":\"3\"}");
  g_autoptr(JsonObject) zigbee_door = object_from ("{\"lock\":1,\"battery\":100}");
  g_autoptr(JsonObject) zigbee_th = object_from ("{\"temperature\":\"2096\",\"humidity\":\"6443\",\"battery\":90}");
  g_autoptr(JsonObject) sc = object_from ("{\"humidity\":47,\"temperature\":\"25\",\"light\":9,\"noise\":4,\"dusty\":2}");
  const CkFamily *dw2 = ck_catalog_lookup (102, dw2_open);
  g_autoptr(GError) error = NULL;
  gboolean open = FALSE;

  g_assert_true (ck_family_has_capability (dw2, dw2_open, CK_CAPABILITY_CONTACT | CK_CAPABILITY_READ_ONLY));
  g_assert_true (ck_family_decode_contact (dw2, dw2_open, &open));
  g_assert_true (open);
  g_assert_true (ck_family_decode_contact (dw2, dw2_closed, &open));
  g_assert_false (open);
  g_assert_false (ck_family_decode_power (dw2, dw2_open, &open));
  g_assert_null (ck_family_encode_power (dw2, dw2_open, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  assert_reading (dw2, dw2_open, CK_READING_BATTERY_VOLTAGE, 0, 2.9);
  assert_reading (dw2, dw2_closed, CK_READING_BATTERY_VOLTAGE, 0, 3);

  /* Zigbee: lock 1 = open; TH in hundredths as strings. */
  g_assert_true (ck_family_decode_contact (ck_catalog_lookup (3026, NULL), zigbee_door, &open));
  g_assert_true (open);
  assert_reading (ck_catalog_lookup (1770, NULL), zigbee_th, CK_READING_TEMPERATURE, 0, 20.96);
  assert_reading (ck_catalog_lookup (7014, NULL), zigbee_th, CK_READING_HUMIDITY, 0, 64.43);

  assert_reading (ck_catalog_lookup (18, NULL), sc, CK_READING_TEMPERATURE, 0, 25);
  assert_reading (ck_catalog_lookup (18, NULL), sc, CK_READING_DUST, 0, 2);
}

static gboolean
has_other (GPtrArray  *others,
           const char *key,
           const char *value)
{
  for (guint i = 0; i < others->len; i++)
    {
      CkOtherParam *param = g_ptr_array_index (others, i);

      if (g_str_equal (param->key, key))
        return g_strcmp0 (param->value, value) == 0;
    }
  return FALSE;
}

static void
test_generic (void)
{
  g_autoptr(JsonObject) lamp = object_from ("{\"switch\":\"on\",\"bright\":40,\"foo\":\"bar\",\"nested\":{\"a\":1},"
                                            "\"timers\":[]}");
  g_autoptr(JsonObject) strip = object_from ("{\"switches\":[{\"switch\":\"on\",\"outlet\":0},"
                                             "{\"switch\":\"off\",\"outlet\":1},{\"switch\":\"off\",\"outlet\":2}]}");
  g_autoptr(JsonObject) stateful = object_from ("{\"state\":\"off\",\"colorTemp\":20}");
  g_autoptr(JsonObject) opaque = object_from ("{\"x\":1,\"y\":[1,2]}");
  const CkFamily *family = ck_catalog_lookup (4242, lamp);
  g_autoptr(JsonObject) dim = NULL, second = NULL, on = NULL, warmer = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  gint value = -1;

  g_assert_true (ck_family_is_generic (family));
  g_assert_cmpint (ck_family_get_capabilities (family, lamp), ==, CK_CAPABILITY_POWER | CK_CAPABILITY_BRIGHTNESS);
  g_assert_true (ck_family_decode_brightness (family, lamp, &value));
  g_assert_cmpint (value, ==, 40);
  dim = ck_family_encode_brightness (family, lamp, 60, &error);
  g_assert_no_error (error);
  assert_json (dim, "{\"bright\":60}");

  /* Params nobody understands are listed, never dropped; timers are CkTimer's. */
  others = ck_family_list_other_params (family, lamp);
  g_assert_cmpuint (others->len, ==, 2);
  g_assert_true (has_other (others, "foo", "bar"));
  g_assert_true (has_other (others, "nested", "{\"a\":1}"));
  g_assert_true (json_object_has_member (lamp, "foo"));

  g_assert_cmpuint (ck_family_get_n_channels (family, strip), ==, 3);
  g_assert_true (ck_family_has_capability (family, strip, CK_CAPABILITY_POWER | CK_CAPABILITY_CHANNELS));
  second = ck_family_encode_channel (family, strip, 1, TRUE, &error);
  g_assert_no_error (error);
  assert_json (second, "{\"switches\":[{\"switch\":\"on\",\"outlet\":0},{\"switch\":\"on\",\"outlet\":1},"
                       "{\"switch\":\"off\",\"outlet\":2}]}");

  on = ck_family_encode_power (family, stateful, TRUE, &error);
  assert_json (on, "{\"state\":\"on\"}");
  g_assert_true (ck_family_decode_color_temperature (family, stateful, &value));
  g_assert_cmpint (value, ==, 20);
  warmer = ck_family_encode_color_temperature (family, stateful, 10, &error);
  assert_json (warmer, "{\"colorTemp\":10}");

  g_assert_cmpint (ck_family_get_capabilities (family, opaque), ==, CK_CAPABILITY_READ_ONLY);
  g_assert_null (ck_family_encode_power (family, opaque, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  all = ck_family_list_other_params (family, opaque);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_true (has_other (all, "y", "[1,2]"));
}

/* The keys of @others, space-separated, in their order. */
static char *
other_keys (GPtrArray *others)
{
  GString *keys = g_string_new (NULL);

  for (guint i = 0; i < others->len; i++)
    g_string_append_printf (keys, "%s%s", i > 0 ? " " : "",
                            ((CkOtherParam *) g_ptr_array_index (others, i))->key);
  return g_string_free (keys, FALSE);
}

static void
test_other_params_known_family (void)
{
  g_autoptr(JsonObject) params =
    object_from ("{\"switch\":\"on\",\"power\":\"1.00\",\"alarmType\":\"pcv\",\"fwVersion\":\"3.4.0\","
                 "\"rssi\":-50,\"staMac\":\"AA:BB\",\"timers\":[],\"init\":1}");
  const CkFamily *family = ck_catalog_lookup (32, params);
  g_autoptr(GPtrArray) others = ck_family_list_other_params (family, params);
  g_autofree char *keys = other_keys (others);

  /* Device info (fwVersion, rssi, staMac: devices.md §2) is not "other". */
  g_assert_cmpstr (keys, ==, "alarmType init");
  g_assert_true (has_other (others, "alarmType", "pcv"));
  g_assert_false (has_other (others, "rssi", "-50"));
  g_assert_false (has_other (others, "staMac", "AA:BB"));
  g_assert_true (ck_catalog_is_info_param ("fwVersion"));
  g_assert_true (ck_catalog_is_info_param ("rssi"));
  g_assert_true (ck_catalog_is_info_param ("staMac"));
  g_assert_false (ck_catalog_is_info_param ("rss"));
  g_assert_false (ck_catalog_is_info_param ("mac"));
  g_assert_false (ck_catalog_is_info_param ("fwVersio"));
  g_assert_false (ck_catalog_is_info_param ("fw"));
  g_assert_false (ck_catalog_is_info_param ("alarmType"));
}

/* `rssi` as devices report it (a number) and as UP types it (a string);
 * anything else, 0 or positive is unknown (0). */
static void
test_decode_rssi (void)
{
  static const struct { const char *params; gint rssi; } cases[] = {
    { "{\"rssi\":-50}", -50 },
    { "{\"rssi\":\"-71\"}", -71 },
    { "{\"rssi\":-93.0}", -93 },
    { "{\"rssi\":-55.5}", 0 },
    { "{\"rssi\":\"-55.5\"}", 0 },
    { "{\"rssi\":\"weak\"}", 0 },
    { "{\"rssi\":\"\"}", 0 },
    { "{\"rssi\":0}", 0 },
    { "{\"rssi\":12}", 0 },
    { "{\"rssi\":true}", 0 },
    { "{\"rssi\":-99999999999}", 0 },
    { "{\"switch\":\"on\"}", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) params = object_from (cases[i].params);

      g_test_message ("%s", cases[i].params);
      g_assert_cmpint (ck_catalog_decode_rssi (params), ==, cases[i].rssi);
    }
  g_assert_cmpint (ck_catalog_decode_rssi (NULL), ==, 0);
}

/* devices.md §2's UP levels, bounds included, as 0 (unknown) to 4 bars. */
static void
test_signal_strength (void)
{
  static const struct { gint rssi; CkSignalStrength strength; const char *word; } cases[] = {
    { 0, CK_SIGNAL_STRENGTH_UNKNOWN, "unknown" },
    { 3, CK_SIGNAL_STRENGTH_UNKNOWN, "unknown" },
    { -120, CK_SIGNAL_STRENGTH_WEAK, "weak" },
    { -93, CK_SIGNAL_STRENGTH_WEAK, "weak" },
    { -92, CK_SIGNAL_STRENGTH_FAIR, "fair" },
    { -78, CK_SIGNAL_STRENGTH_FAIR, "fair" },
    { -77, CK_SIGNAL_STRENGTH_GOOD, "good" },
    { -62, CK_SIGNAL_STRENGTH_GOOD, "good" },
    { -61, CK_SIGNAL_STRENGTH_EXCELLENT, "excellent" },
    { -1, CK_SIGNAL_STRENGTH_EXCELLENT, "excellent" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CkSignalStrength strength = ck_signal_strength_from_rssi (cases[i].rssi);

      g_test_message ("%d dBm", cases[i].rssi);
      g_assert_cmpint (strength, ==, cases[i].strength);
      g_assert_cmpstr (ck_signal_strength_to_string (strength), ==, cases[i].word);
    }
  /* The value is the number of bars. */
  g_assert_cmpint (CK_SIGNAL_STRENGTH_WEAK, ==, 1);
  g_assert_cmpint (CK_SIGNAL_STRENGTH_EXCELLENT, ==, 4);
}

/* DualR3 reads per-channel readings (`current_00`, `actPow_01` ...): they are
 * not "other"; the rest comes in the params' order. */
static void
test_other_params_dualr3 (void)
{
  g_autoptr(JsonObject) params =
    object_from ("{\"zeta\":1,\"switches\":[{\"switch\":\"on\",\"outlet\":0},{\"switch\":\"off\",\"outlet\":1}],"
                 "\"current_00\":12,\"actPow_00\":2300,\"voltage_01\":23000,\"actPow_01\":0,"
                 "\"alpha\":\"x\",\"current_0\":5,\"voltage_001\":3,\"workMode\":1,\"mid\":[1],"
                 "\"fwVersion\":\"1.0.0\",\"beta\":true}");
  const CkFamily *family = ck_catalog_lookup (126, params);
  g_autoptr(GPtrArray) others = ck_family_list_other_params (family, params);
  g_autofree char *keys = other_keys (others);

  g_assert_cmpstr (ck_family_get_id (family), ==, "dualr3");
  g_assert_cmpstr (keys, ==, "zeta alpha current_0 voltage_001 mid beta");
  g_assert_true (has_other (others, "mid", "[1]"));
  g_assert_true (has_other (others, "beta", "true"));
}

/* A description that already ends in a model reads well in messages. */
static void
test_error_wording (void)
{
  g_autoptr(JsonObject) params = object_from ("{\"switch\":\"on\",\"brightness\":50}");
  const CkFamily *family = ck_catalog_lookup (44, params);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (ck_family_get_description (family), ==, "Dimmer (D1)");
  g_assert_null (ck_family_encode_fan (family, params, 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==, "Dimmer (D1) has no fan");
}

static void
test_value_parsing (void)
{
  guint32 rgb = 0;
  gint value = 0;
  guint level = 0;
  g_autofree char *hex = ck_color_to_string (0xff8800);
  g_autofree char *kelvin = ck_color_temperature_to_string (3000, CK_COLOR_TEMPERATURE_UNIT_KELVIN);
  g_autofree char *celsius = ck_reading_format (CK_READING_TEMPERATURE, 21.46);

  g_assert_true (ck_color_parse ("#ff8800", &rgb));
  g_assert_cmphex (rgb, ==, 0xff8800);
  g_assert_true (ck_color_parse ("F80", &rgb));
  g_assert_cmphex (rgb, ==, 0xff8800);
  g_assert_false (ck_color_parse ("#gg0000", &rgb));
  g_assert_false (ck_color_parse ("#ff88", &rgb));
  g_assert_cmpstr (hex, ==, "#ff8800");

  g_assert_true (ck_color_temperature_parse ("3000K", CK_COLOR_TEMPERATURE_UNIT_KELVIN, &value));
  g_assert_cmpint (value, ==, 3000);
  g_assert_true (ck_color_temperature_parse (" 2700 k", CK_COLOR_TEMPERATURE_UNIT_KELVIN, &value));
  g_assert_cmpint (value, ==, 2700);
  g_assert_true (ck_color_temperature_parse ("40 %", CK_COLOR_TEMPERATURE_UNIT_PERCENT, &value));
  g_assert_cmpint (value, ==, 40);
  g_assert_false (ck_color_temperature_parse ("40%", CK_COLOR_TEMPERATURE_UNIT_KELVIN, &value));
  g_assert_false (ck_color_temperature_parse ("3000K", CK_COLOR_TEMPERATURE_UNIT_PERCENT, &value));
  g_assert_cmpstr (kelvin, ==, "3000 K");

  g_assert_true (ck_fan_speed_parse ("medium", &level));
  g_assert_cmpuint (level, ==, CK_FAN_SPEED_MEDIUM);
  g_assert_true (ck_fan_speed_parse ("3", &level));
  g_assert_cmpuint (level, ==, CK_FAN_SPEED_HIGH);
  g_assert_false (ck_fan_speed_parse ("4", &level));
  g_assert_cmpstr (ck_fan_speed_to_string (0), ==, "off");

  g_assert_cmpstr (celsius, ==, "21.5 °C");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/lookup", test_lookup);
  g_test_add_func ("/catalog/channel-names", test_channel_names);
  g_test_add_func ("/catalog/single-relay", test_single_relay);
  g_test_add_func ("/catalog/multi-relay", test_multi_relay);
  g_test_add_func ("/catalog/two-channels-four-entries", test_two_channels_four_entries);
  g_test_add_func ("/catalog/outlet-zero-relay", test_outlet_zero_relay);
  g_test_add_func ("/catalog/power-metering", test_power_metering);
  g_test_add_func ("/catalog/dualr3-motor", test_dualr3_motor);
  g_test_add_func ("/catalog/covers", test_covers);
  g_test_add_func ("/catalog/th", test_th);
  g_test_add_func ("/catalog/ifan", test_ifan);
  g_test_add_func ("/catalog/fan17-diffuser", test_fan17_and_diffuser);
  g_test_add_func ("/catalog/dimmers", test_dimmers);
  g_test_add_func ("/catalog/brightness-round-trip", test_brightness_round_trip);
  g_test_add_func ("/catalog/b02", test_b02);
  g_test_add_func ("/catalog/b05", test_b05);
  g_test_add_func ("/catalog/b1", test_b1);
  g_test_add_func ("/catalog/cct-lights", test_cct_lights);
  g_test_add_func ("/catalog/strip-color", test_strip_color);
  g_test_add_func ("/catalog/sensors", test_sensors);
  g_test_add_func ("/catalog/generic", test_generic);
  g_test_add_func ("/catalog/other-params", test_other_params_known_family);
  g_test_add_func ("/catalog/other-params-dualr3", test_other_params_dualr3);
  g_test_add_func ("/catalog/decode-rssi", test_decode_rssi);
  g_test_add_func ("/catalog/signal-strength", test_signal_strength);
  g_test_add_func ("/catalog/error-wording", test_error_wording);
  g_test_add_func ("/catalog/value-parsing", test_value_parsing);

  return g_test_run ();
}
