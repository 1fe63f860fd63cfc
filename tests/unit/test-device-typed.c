/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-device-typed"

/* CkDevice's typed properties, derived through the catalog from device JSON
 * and kept current by pushes and pending commands. */

#include "ck-device.h"
#include "ck-timer.h"

static JsonObject *
object_from (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static CkDevice *
device_from (const char *json)
{
  g_autoptr(JsonObject) object = object_from (json);
  g_autoptr(GError) error = NULL;
  CkDevice *device = ck_device_new_from_json (object, &error);

  g_assert_no_error (error);
  g_assert_nonnull (device);
  return device;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

static void
push (CkDevice   *device,
      const char *json)
{
  g_autoptr(JsonObject) params = object_from (json);

  ck_device_merge_params (device, params);
}

static void
test_b05_bulb (void)
{
  g_autoptr(CkDevice) lamp = device_from (
    "{\"deviceid\":\"1000a1b201\",\"uiid\":104,\"params\":{\"switch\":\"on\",\"ltype\":\"white\","
    "\"white\":{\"br\":80,\"ct\":255},\"color\":{\"br\":100,\"r\":255,\"g\":140,\"b\":0}}}");
  guint color_notifies = 0;
  guint brightness_notifies = 0;
  gint min = 0;
  gint max = 0;

  g_assert_true (ck_device_has_capability (lamp, CK_CAPABILITY_BRIGHTNESS));
  g_assert_true (ck_device_has_capability (lamp, CK_CAPABILITY_COLOR));
  g_assert_true (ck_device_has_capability (lamp, CK_CAPABILITY_COLOR_TEMPERATURE));
  g_assert_true (ck_device_get_power (lamp));
  g_assert_cmpint (ck_device_get_brightness (lamp), ==, 80);
  g_assert_cmpint (ck_device_get_color_temperature_unit (lamp), ==, CK_COLOR_TEMPERATURE_UNIT_KELVIN);
  ck_device_get_color_temperature_range (lamp, &min, &max);
  g_assert_cmpint (min, ==, 2700);
  g_assert_cmpint (max, ==, 6500);
  /* ct 255 is the coldest end of the B05 scale. */
  g_assert_cmpint (ck_device_get_color_temperature (lamp), ==, 6500);
  /* White mode: no colour shown. */
  g_assert_cmpuint (ck_device_get_color (lamp), ==, CK_DEVICE_COLOR_UNKNOWN);

  g_signal_connect (lamp, "notify::color", G_CALLBACK (count_notify), &color_notifies);
  g_signal_connect (lamp, "notify::brightness", G_CALLBACK (count_notify), &brightness_notifies);

  push (lamp, "{\"ltype\":\"color\",\"color\":{\"br\":100,\"r\":0,\"g\":128,\"b\":255}}");
  g_assert_cmpuint (ck_device_get_color (lamp), ==, 0x0080ff);
  g_assert_cmpuint (color_notifies, ==, 1);
  g_assert_cmpint (ck_device_get_brightness (lamp), ==, 100);
  g_assert_cmpuint (brightness_notifies, ==, 1);

  /* The same report again: no notification. */
  push (lamp, "{\"ltype\":\"color\",\"color\":{\"br\":100,\"r\":0,\"g\":128,\"b\":255}}");
  g_assert_cmpuint (color_notifies, ==, 1);
  g_assert_cmpuint (brightness_notifies, ==, 1);
}

static void
test_dimmer_pending (void)
{
  g_autoptr(CkDevice) dimmer = device_from (
    "{\"deviceid\":\"1000a1b208\",\"uiid\":44,\"params\":{\"switch\":\"on\",\"brightness\":60,\"mode\":0}}");
  g_autoptr(JsonObject) forty = NULL;
  g_autoptr(GError) error = NULL;
  guint notifies = 0;
  guint id;

  g_assert_cmpint (ck_device_get_brightness (dimmer), ==, 60);
  g_signal_connect (dimmer, "notify::brightness", G_CALLBACK (count_notify), &notifies);

  forty = ck_family_encode_brightness (ck_device_get_family (dimmer), ck_device_get_params (dimmer),
                                       40, &error);
  g_assert_no_error (error);

  /* Pending shows the requested value at once; a rollback restores it. */
  id = ck_device_begin_pending (dimmer, forty);
  g_assert_true (ck_device_get_pending (dimmer));
  g_assert_cmpint (ck_device_get_brightness (dimmer), ==, 40);
  g_assert_cmpuint (notifies, ==, 1);
  ck_device_end_pending (dimmer, id);
  g_assert_false (ck_device_get_pending (dimmer));
  g_assert_cmpint (ck_device_get_brightness (dimmer), ==, 60);
  g_assert_cmpuint (notifies, ==, 2);

  /* Confirmation: merged first, then the pending ends without a flicker. */
  id = ck_device_begin_pending (dimmer, forty);
  ck_device_merge_params (dimmer, forty);
  ck_device_end_pending (dimmer, id);
  g_assert_cmpint (ck_device_get_brightness (dimmer), ==, 40);
  g_assert_cmpuint (notifies, ==, 3);
}

static void
test_four_channels (void)
{
  g_autoptr(CkDevice) aquarium = device_from (
    "{\"deviceid\":\"1000a1b204\",\"uiid\":4,\"tags\":{\"ck_channel_name\":{\"0\":\"Light\",\"1\":\"Pump\"}},"
    "\"params\":{\"switches\":[{\"switch\":\"on\",\"outlet\":0},{\"switch\":\"off\",\"outlet\":1},"
    "{\"switch\":\"on\",\"outlet\":2},{\"switch\":\"off\",\"outlet\":3}]}}");
  g_autofree char *first = ck_device_dup_channel_name (aquarium, 0);
  g_autofree char *third = ck_device_dup_channel_name (aquarium, 2);
  guint notifies = 0;

  g_assert_cmpuint (ck_device_get_n_channels (aquarium), ==, 4);
  g_assert_cmpuint (ck_device_get_channels (aquarium), ==, 0x5);
  g_assert_true (ck_device_get_channel (aquarium, 2));
  g_assert_false (ck_device_get_channel (aquarium, 1));
  g_assert_cmpstr (first, ==, "Light");
  g_assert_cmpstr (third, ==, "Channel 3");

  g_signal_connect (aquarium, "notify::channels", G_CALLBACK (count_notify), &notifies);
  push (aquarium, "{\"switches\":[{\"switch\":\"on\",\"outlet\":1}]}");
  g_assert_cmpuint (ck_device_get_channels (aquarium), ==, 0x7);
  g_assert_cmpuint (notifies, ==, 1);
}

static void
test_ifan (void)
{
  g_autoptr(CkDevice) fan = device_from (
    "{\"deviceid\":\"1000a1b207\",\"uiid\":34,\"params\":{\"switches\":[{\"switch\":\"off\",\"outlet\":0},"
    "{\"switch\":\"on\",\"outlet\":1},{\"switch\":\"on\",\"outlet\":2},{\"switch\":\"off\",\"outlet\":3}]}}");
  guint notifies = 0;

  g_assert_true (ck_device_has_capability (fan, CK_CAPABILITY_FAN));
  g_assert_cmpuint (ck_device_get_fan_levels (fan), ==, 3);
  g_assert_cmpint (ck_device_get_fan_speed (fan), ==, CK_FAN_SPEED_MEDIUM);

  g_signal_connect (fan, "notify::fan-speed", G_CALLBACK (count_notify), &notifies);
  push (fan, "{\"switches\":[{\"switch\":\"off\",\"outlet\":1},{\"switch\":\"off\",\"outlet\":2}]}");
  g_assert_cmpint (ck_device_get_fan_speed (fan), ==, CK_FAN_SPEED_OFF);
  g_assert_cmpuint (notifies, ==, 1);
}

static void
test_readings (void)
{
  g_autoptr(CkDevice) pow = device_from (
    "{\"deviceid\":\"1000a1b206\",\"uiid\":32,\"params\":{\"switch\":\"on\",\"power\":\"412.06\","
    "\"voltage\":\"231.40\",\"current\":\"1.78\"}}");
  g_autoptr(CkDevice) th = device_from (
    "{\"deviceid\":\"1000a1b205\",\"uiid\":15,\"params\":{\"switch\":\"off\",\"mainSwitch\":\"off\","
    "\"currentTemperature\":\"21.4\",\"currentHumidity\":\"42\"}}");
  gdouble value = 0;
  guint notifies = 0;

  g_assert_true (ck_device_get_reading (pow, CK_READING_POWER, 0, &value));
  g_assert_cmpfloat_with_epsilon (value, 412.06, 0.001);
  g_assert_true (ck_device_get_reading (pow, CK_READING_VOLTAGE, 0, &value));
  g_assert_cmpfloat_with_epsilon (value, 231.4, 0.001);
  g_assert_false (ck_device_get_reading (pow, CK_READING_HUMIDITY, 0, &value));
  g_assert_true (g_variant_lookup (ck_device_get_readings (pow), "power", "d", &value));
  g_assert_cmpfloat_with_epsilon (value, 412.06, 0.001);

  g_signal_connect (pow, "notify::readings", G_CALLBACK (count_notify), &notifies);
  push (pow, "{\"power\":\"10.50\"}");
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_true (ck_device_get_reading (pow, CK_READING_POWER, 0, &value));
  g_assert_cmpfloat_with_epsilon (value, 10.5, 0.001);
  push (pow, "{\"rssi\":-40}");
  g_assert_cmpuint (notifies, ==, 1);

  g_assert_true (ck_device_get_reading (th, CK_READING_TEMPERATURE, 0, &value));
  g_assert_cmpfloat_with_epsilon (value, 21.4, 0.001);
  g_assert_true (ck_device_get_reading (th, CK_READING_HUMIDITY, 0, &value));
  g_assert_cmpfloat_with_epsilon (value, 42, 0.001);
}

static void
test_contact (void)
{
  g_autoptr(CkDevice) door = device_from (
    "{\"deviceid\":\"1000a1b20b\",\"uiid\":102,\"params\":{\"switch\":\"off\",\"battery\":3}}");
  guint notifies = 0;

  g_assert_true (ck_device_has_capability (door, CK_CAPABILITY_CONTACT));
  g_assert_false (ck_device_get_contact_open (door));
  g_signal_connect (door, "notify::contact-open", G_CALLBACK (count_notify), &notifies);
  push (door, "{\"switch\":\"on\"}");
  g_assert_true (ck_device_get_contact_open (door));
  g_assert_cmpuint (notifies, ==, 1);
}

static void
test_shares_timers_groups (void)
{
  g_autoptr(CkDevice) shared = device_from (
    "{\"deviceid\":\"1000a1b202\",\"uiid\":1,\"groups\":[\"g1\",\"g2\"],"
    "\"sharedBy\":{\"apikey\":\"owner-key\",\"email\":\"demo@relay.example\",\"permit\":3},"
    "\"params\":{\"switch\":\"off\",\"timers\":[{\"mId\":\"0b8f8c6e-3c1a-4f4e-9a0b-6f0d2f1e2a3b\","
    "\"enabled\":1,\"type\":\"repeat\",\"coolkit_timer_type\":\"repeat\",\"at\":\"30 17 * * 0\","
    "\"do\":{\"switch\":\"on\"}}]}}");
  g_autoptr(CkDevice) own = device_from (
    "{\"deviceid\":\"1000a1b203\",\"uiid\":6,\"sharedTo\":[{\"apikey\":\"guest-key\","
    "\"email\":\"guest@relay.example\",\"permit\":15}],\"params\":{\"switch\":\"on\"}}");
  g_autoptr(CkTimer) timer = NULL;
  guint notifies = 0;

  g_assert_nonnull (ck_device_get_shared_by (shared));
  g_assert_cmpint (ck_device_get_permit (shared), ==, CK_PERMIT_ADD_TIMER | CK_PERMIT_EDIT_TIMER);
  g_assert_cmpint (ck_device_get_permit (own), ==, CK_PERMIT_ALL);
  g_assert_null (ck_device_get_shared_by (own));
  g_assert_cmpuint (ck_device_get_shares (own)->len, ==, 1);
  g_assert_cmpstr (ck_share_get_identity (g_ptr_array_index (ck_device_get_shares (own), 0)), ==,
                   "guest@relay.example");

  g_assert_true (ck_device_is_in_group (shared, "g2"));
  g_assert_false (ck_device_is_in_group (shared, "g3"));
  g_assert_true (ck_device_match_group (shared, (gpointer) "g1"));
  g_assert_false (ck_device_match_group (own, (gpointer) "g1"));

  g_assert_cmpuint (g_list_model_get_n_items (ck_device_get_timers (shared)), ==, 1);
  timer = g_list_model_get_item (ck_device_get_timers (shared), 0);
  g_assert_cmpint (ck_timer_get_kind (timer), ==, CK_TIMER_KIND_REPEAT);

  g_signal_connect (ck_device_get_timers (shared), "items-changed", G_CALLBACK (count_items_changed),
                    &notifies);
  push (shared, "{\"switch\":\"on\"}");
  g_assert_cmpuint (notifies, ==, 0);
  push (shared, "{\"timers\":[]}");
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ck_device_get_timers (shared)), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/device-typed/b05-bulb", test_b05_bulb);
  g_test_add_func ("/device-typed/dimmer-pending", test_dimmer_pending);
  g_test_add_func ("/device-typed/four-channels", test_four_channels);
  g_test_add_func ("/device-typed/ifan", test_ifan);
  g_test_add_func ("/device-typed/readings", test_readings);
  g_test_add_func ("/device-typed/contact", test_contact);
  g_test_add_func ("/device-typed/shares-timers-groups", test_shares_timers_groups);

  return g_test_run ();
}
