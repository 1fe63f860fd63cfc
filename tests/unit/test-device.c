/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-device"

#include "ck-device.h"
#include "ck-device-list.h"
#include "ck-error.h"

static JsonObject *
object_from (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonArray *
array_from (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
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

static char *
to_text (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

static void
assert_power_params (CkDevice   *device,
                     gboolean    on,
                     const char *expected)
{
  g_autoptr(JsonObject) params = ck_device_build_power_params (device, on);
  g_autofree char *text = NULL;

  g_assert_nonnull (params);
  text = to_text (params);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_switch (void)
{
  g_autoptr(CkDevice) device = device_from (
    "{\"deviceid\":\"1000000001\",\"name\":\"Plug\",\"apikey\":\"owner\",\"online\":true,"
    "\"extra\":{\"extra\":{\"uiid\":1,\"model\":\"PSF-B01-GL\"}},"
    "\"params\":{\"switch\":\"off\",\"startup\":\"stay\"}}");

  g_assert_cmpstr (ck_device_get_id (device), ==, "1000000001");
  g_assert_cmpstr (ck_device_get_name (device), ==, "Plug");
  g_assert_cmpstr (ck_device_get_owner_apikey (device), ==, "owner");
  g_assert_cmpstr (ck_device_get_model (device), ==, "PSF-B01-GL");
  g_assert_cmpint (ck_device_get_uiid (device), ==, 1);
  g_assert_true (ck_device_get_online (device));
  g_assert_true (ck_device_get_has_power (device));
  g_assert_false (ck_device_get_power (device));
  assert_power_params (device, TRUE, "{\"switch\":\"on\"}");
  assert_power_params (device, FALSE, "{\"switch\":\"off\"}");
}

static void
test_state (void)
{
  const gint uiids[] = { 16, 22, 52, 57 };

  for (guint i = 0; i < G_N_ELEMENTS (uiids); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"deviceid\":\"10000000%02x\",\"uiid\":%d,\"params\":{\"state\":\"on\",\"channel0\":\"128\"}}",
        i, uiids[i]);
      g_autoptr(CkDevice) device = device_from (json);

      g_assert_true (ck_device_get_has_power (device));
      g_assert_true (ck_device_get_power (device));
      assert_power_params (device, FALSE, "{\"state\":\"off\"}");
    }
}

static void
test_switches (void)
{
  g_autoptr(CkDevice) device = device_from (
    "{\"deviceid\":\"1000000004\",\"uiid\":4,\"params\":{\"switches\":["
    "{\"switch\":\"off\",\"outlet\":0},{\"switch\":\"on\",\"outlet\":1},"
    "{\"switch\":\"off\",\"outlet\":2},{\"switch\":\"off\",\"outlet\":3}]}}");

  /* Whole-device power: on when any channel is on; every outlet set. */
  g_assert_true (ck_device_get_power (device));
  assert_power_params (device, TRUE,
                       "{\"switches\":[{\"switch\":\"on\",\"outlet\":0},{\"switch\":\"on\",\"outlet\":1},"
                       "{\"switch\":\"on\",\"outlet\":2},{\"switch\":\"on\",\"outlet\":3}]}");
  assert_power_params (device, FALSE,
                       "{\"switches\":[{\"switch\":\"off\",\"outlet\":0},{\"switch\":\"off\",\"outlet\":1},"
                       "{\"switch\":\"off\",\"outlet\":2},{\"switch\":\"off\",\"outlet\":3}]}");

  /* Building a command never touches the cached state. */
  g_assert_true (ck_device_get_power (device));
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (
                       json_object_get_array_member (ck_device_get_params (device), "switches"), 1),
                     "switch"), ==, "on");
}

static void
test_single_on_multi (void)
{
  g_autoptr(CkDevice) micro = device_from (
    "{\"deviceid\":\"1000000077\",\"uiid\":77,\"params\":{\"switches\":["
    "{\"switch\":\"off\",\"outlet\":0},{\"switch\":\"on\",\"outlet\":1}]}}");
  g_autoptr(CkDevice) ifan = device_from (
    "{\"deviceid\":\"1000000034\",\"uiid\":34,\"params\":{\"switches\":["
    "{\"switch\":\"off\",\"outlet\":0},{\"switch\":\"on\",\"outlet\":1},"
    "{\"switch\":\"on\",\"outlet\":2},{\"switch\":\"off\",\"outlet\":3}]}}");

  /* Only outlet 0 is real: a phantom outlet that is on does not count. */
  g_assert_false (ck_device_get_power (micro));
  /* The iFan light is outlet 0; the fan outlets stay as they are. */
  g_assert_false (ck_device_get_power (ifan));
  assert_power_params (ifan, TRUE,
                       "{\"switches\":[{\"switch\":\"on\",\"outlet\":0},{\"switch\":\"on\",\"outlet\":1},"
                       "{\"switch\":\"on\",\"outlet\":2},{\"switch\":\"off\",\"outlet\":3}]}");
}

static void
test_no_power (void)
{
  const char *entries[] = {
    "{\"deviceid\":\"1000000102\",\"uiid\":102,\"params\":{\"switch\":\"on\",\"battery\":3}}",
    "{\"deviceid\":\"1000000154\",\"uiid\":154,\"params\":{\"switch\":\"off\"}}",
    "{\"deviceid\":\"1000000018\",\"uiid\":18,\"params\":{\"temperature\":25}}",
    "{\"deviceid\":\"1000000099\",\"uiid\":9999,\"params\":{\"mystery\":1}}",
    "{\"deviceid\":\"1000000098\",\"uiid\":1,\"params\":{}}",
    "{\"deviceid\":\"1000000097\",\"params\":\"not an object\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(CkDevice) device = device_from (entries[i]);
      g_autoptr(JsonObject) params = ck_device_build_power_params (device, TRUE);

      g_assert_false (ck_device_get_has_power (device));
      g_assert_null (params);
    }
}

static void
test_unknown_uiid_fallback (void)
{
  g_autoptr(CkDevice) device = device_from (
    "{\"deviceid\":\"1000000123\",\"uiid\":4242,\"params\":{\"switch\":\"on\"}}");

  g_assert_true (ck_device_get_has_power (device));
  g_assert_true (ck_device_get_power (device));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_merge_and_pending (void)
{
  g_autoptr(CkDevice) device = device_from (
    "{\"deviceid\":\"1000000004\",\"uiid\":2,\"params\":{\"switches\":["
    "{\"switch\":\"off\",\"outlet\":0},{\"switch\":\"off\",\"outlet\":1}],\"rssi\":-50}}");
  g_autoptr(JsonObject) change = object_from ("{\"switches\":[{\"switch\":\"on\",\"outlet\":1}],\"rssi\":-60}");
  g_autoptr(JsonObject) off = NULL;
  JsonArray *switches;
  guint power_notifies = 0;
  guint pending_id;

  g_signal_connect (device, "notify::power", G_CALLBACK (count_notify), &power_notifies);

  /* Pushes merge by outlet and keep the other outlets. */
  ck_device_merge_params (device, change);
  switches = json_object_get_array_member (ck_device_get_params (device), "switches");
  g_assert_cmpuint (json_array_get_length (switches), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (switches, 0), "switch"), ==, "off");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (switches, 1), "switch"), ==, "on");
  g_assert_cmpint (json_object_get_int_member (ck_device_get_params (device), "rssi"), ==, -60);
  g_assert_true (ck_device_get_power (device));
  g_assert_cmpuint (power_notifies, ==, 1);
  g_assert_nonnull (ck_device_get_last_updated (device));

  /* Pending shows the new value at once; a rollback restores it. */
  off = ck_device_build_power_params (device, FALSE);
  pending_id = ck_device_begin_pending (device, off);
  g_assert_true (ck_device_get_pending (device));
  g_assert_false (ck_device_get_power (device));
  g_assert_cmpuint (power_notifies, ==, 2);
  ck_device_end_pending (device, pending_id);
  g_assert_false (ck_device_get_pending (device));
  g_assert_true (ck_device_get_power (device));
  g_assert_cmpuint (power_notifies, ==, 3);

  /* Same value again: no notification. */
  ck_device_merge_params (device, change);
  g_assert_cmpuint (power_notifies, ==, 3);
}

static void
test_new_rejects_garbage (void)
{
  g_autoptr(JsonObject) object = object_from ("{\"name\":\"no id\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(CkDevice) device = ck_device_new_from_json (object, &error);

  g_assert_null (device);
  g_assert_error (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE);
}

typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->calls++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
test_list_replace (void)
{
  g_autoptr(CkDeviceList) list = ck_device_list_new ();
  g_autoptr(JsonArray) first = array_from (
    "[{\"deviceid\":\"a\",\"name\":\"A\",\"uiid\":1,\"params\":{\"switch\":\"on\"}},"
    " {\"deviceid\":\"b\",\"name\":\"B\",\"uiid\":1,\"params\":{\"switch\":\"on\"}},"
    " 17, {\"name\":\"no id\"},"
    " {\"deviceid\":\"c\",\"name\":\"C\",\"uiid\":1,\"params\":{\"switch\":\"on\"}}]");
  g_autoptr(JsonArray) second = array_from (
    "[{\"deviceid\":\"a\",\"name\":\"A\",\"uiid\":1,\"params\":{\"switch\":\"off\"}},"
    " {\"deviceid\":\"x\",\"name\":\"X\",\"uiid\":1,\"params\":{}},"
    " {\"deviceid\":\"c\",\"name\":\"C2\",\"uiid\":1,\"params\":{\"switch\":\"on\"}},"
    " {\"deviceid\":\"c\",\"name\":\"dup\"}]");
  ItemsChanged record = { 0 };
  g_autoptr(CkDevice) a = NULL;
  g_autoptr(CkDevice) c = NULL;

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &record);

  ck_device_list_replace_all (list, first);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_cmpuint (record.calls, ==, 1);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, 3);

  a = g_list_model_get_item (G_LIST_MODEL (list), 0);
  c = g_list_model_get_item (G_LIST_MODEL (list), 2);

  /* b replaced by x in the middle: one change at position 1, objects kept. */
  ck_device_list_replace_all (list, second);
  g_assert_cmpuint (record.calls, ==, 2);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_true (ck_device_list_lookup (list, "a") == a);
  g_assert_true (ck_device_list_lookup (list, "c") == c);
  g_assert_null (ck_device_list_lookup (list, "b"));
  g_assert_false (ck_device_get_power (a));
  g_assert_cmpstr (ck_device_get_name (c), ==, "C2");
  g_assert_true (ck_device_list_find (list, "C2") == c);
  g_assert_true (ck_device_list_find (list, "x") != NULL);
  g_assert_null (ck_device_list_find (list, "nobody"));

  /* The same list again: nothing moved, nothing emitted. */
  ck_device_list_replace_all (list, second);
  g_assert_cmpuint (record.calls, ==, 2);

  ck_device_list_clear (list);
  g_assert_cmpuint (record.calls, ==, 3);
  g_assert_cmpuint (record.removed, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

/* fwVersion, rssi and staMac are device info, notified when they change;
 * the MAC falls back to the device list's extra.extra.staMac. */
static void
test_device_info (void)
{
  g_autoptr(CkDevice) device =
    device_from ("{\"deviceid\":\"d1\",\"uiid\":1,\"params\":{\"switch\":\"on\",\"fwVersion\":\"3.4.0\"}}");
  g_autoptr(CkDevice) bare = device_from ("{\"deviceid\":\"d2\",\"uiid\":1,\"params\":{\"switch\":\"on\"}}");
  g_autoptr(JsonObject) upgrade = object_from ("{\"fwVersion\":\"3.5.0\"}");
  g_autoptr(JsonObject) other = object_from ("{\"switch\":\"off\"}");
  guint notified = 0;

  g_assert_cmpstr (ck_device_get_firmware_version (device), ==, "3.4.0");
  g_assert_null (ck_device_get_firmware_version (bare));

  g_signal_connect (device, "notify::firmware-version", G_CALLBACK (count_notify), &notified);
  ck_device_merge_params (device, other);
  g_assert_cmpuint (notified, ==, 0);
  ck_device_merge_params (device, upgrade);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (ck_device_get_firmware_version (device), ==, "3.5.0");

  /* Unknown until reported. */
  g_assert_cmpint (ck_device_get_rssi (device), ==, 0);
  g_assert_cmpint (ck_device_get_signal_strength (device), ==, CK_SIGNAL_STRENGTH_UNKNOWN);
  g_assert_null (ck_device_get_mac (device));
  g_assert_null (ck_device_get_mac (bare));
}

static void
test_device_signal_and_mac (void)
{
  g_autoptr(CkDevice) device =
    device_from ("{\"deviceid\":\"d1\",\"uiid\":1,\"params\":{\"switch\":\"on\",\"rssi\":-50,"
                 "\"staMac\":\"D0:27:00:A1:B2:02\"},\"extra\":{\"extra\":{\"staMac\":\"D0:27:FF:FF:FF:FF\"}}}");
  /* UP's string form; the MAC from extra alone. */
  g_autoptr(CkDevice) listed =
    device_from ("{\"deviceid\":\"d2\",\"uiid\":1,\"params\":{\"switch\":\"on\",\"rssi\":\"-80\"},"
                 "\"extra\":{\"extra\":{\"staMac\":\"D0:27:12:34:56:78\"}}}");
  g_autoptr(JsonObject) weaker = object_from ("{\"rssi\":-55}");
  g_autoptr(JsonObject) weakest = object_from ("{\"rssi\":-95}");
  g_autoptr(JsonObject) relisted =
    object_from ("{\"deviceid\":\"d2\",\"uiid\":1,\"params\":{\"switch\":\"on\",\"rssi\":\"-80\"},"
                 "\"extra\":{\"extra\":{\"staMac\":\"D0:27:AB:CD:EF:01\"}}}");
  guint rssi_notified = 0;
  guint strength_notified = 0;
  guint mac_notified = 0;
  CkSignalStrength strength;
  gint rssi;

  g_assert_cmpint (ck_device_get_rssi (device), ==, -50);
  g_assert_cmpint (ck_device_get_signal_strength (device), ==, CK_SIGNAL_STRENGTH_EXCELLENT);
  g_object_get (device, "rssi", &rssi, "signal-strength", &strength, NULL);
  g_assert_cmpint (rssi, ==, -50);
  g_assert_cmpint (strength, ==, CK_SIGNAL_STRENGTH_EXCELLENT);
  /* The params' own staMac wins over extra's. */
  g_assert_cmpstr (ck_device_get_mac (device), ==, "D0:27:00:A1:B2:02");

  g_signal_connect (device, "notify::rssi", G_CALLBACK (count_notify), &rssi_notified);
  g_signal_connect (device, "notify::signal-strength", G_CALLBACK (count_notify), &strength_notified);
  /* Another value in the same level: only "rssi". */
  ck_device_merge_params (device, weaker);
  g_assert_cmpint (ck_device_get_rssi (device), ==, -55);
  g_assert_cmpuint (rssi_notified, ==, 1);
  g_assert_cmpuint (strength_notified, ==, 0);
  ck_device_merge_params (device, weakest);
  g_assert_cmpint (ck_device_get_signal_strength (device), ==, CK_SIGNAL_STRENGTH_WEAK);
  g_assert_cmpuint (rssi_notified, ==, 2);
  g_assert_cmpuint (strength_notified, ==, 1);
  ck_device_merge_params (device, weakest);
  g_assert_cmpuint (rssi_notified, ==, 2);

  g_assert_cmpint (ck_device_get_rssi (listed), ==, -80);
  g_assert_cmpint (ck_device_get_signal_strength (listed), ==, CK_SIGNAL_STRENGTH_FAIR);
  g_assert_cmpstr (ck_device_get_mac (listed), ==, "D0:27:12:34:56:78");
  /* A list refresh that changes only extra still moves the MAC. */
  g_signal_connect (listed, "notify::mac", G_CALLBACK (count_notify), &mac_notified);
  ck_device_update_from_json (listed, relisted);
  g_assert_cmpuint (mac_notified, ==, 1);
  g_assert_cmpstr (ck_device_get_mac (listed), ==, "D0:27:AB:CD:EF:01");
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

static void
count_any_notify (GObject    *object,
                  GParamSpec *pspec,
                  guint      *count)
{
  (*count)++;
}

/* Refreshing with the same answer changes nothing and says nothing; a push
 * merged afterwards leaves the list's JSON as it was parsed. */
static void
test_list_replace_unchanged (void)
{
  static const char json[] =
    "[{\"deviceid\":\"a\",\"name\":\"A\",\"uiid\":1,\"online\":true,\"params\":{\"switch\":\"on\","
    "\"timers\":[]},\"tags\":{\"ck_channel_name\":{\"0\":\"Lamp\"}},\"groups\":[\"g1\"],"
    "\"sharedTo\":[{\"apikey\":\"k\",\"email\":\"f@x\",\"permit\":1}]}]";
  g_autoptr(CkDeviceList) list = ck_device_list_new ();
  g_autoptr(JsonArray) first = array_from (json);
  g_autoptr(JsonArray) again = array_from (json);
  g_autoptr(JsonObject) push = object_from ("{\"switch\":\"off\"}");
  g_autoptr(GDateTime) updated = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CkDevice *a;
  guint notifies = 0;
  guint params_changed = 0;

  ck_device_list_replace_all (list, first);
  a = ck_device_list_lookup (list, "a");
  g_assert_nonnull (a);
  updated = g_date_time_ref (ck_device_get_last_updated (a));
  g_signal_connect (a, "notify", G_CALLBACK (count_any_notify), &notifies);
  g_signal_connect (a, "params-changed", G_CALLBACK (count_signal), &params_changed);

  ck_device_list_replace_all (list, again);
  g_assert_true (ck_device_list_lookup (list, "a") == a);
  g_assert_cmpuint (notifies, ==, 0);
  g_assert_cmpuint (params_changed, ==, 0);
  g_assert_true (ck_device_get_last_updated (a) == updated);
  g_assert_true (ck_device_get_power (a));

  before = json_to_string (json_array_get_element (again, 0), FALSE);
  ck_device_merge_params (a, push);
  after = json_to_string (json_array_get_element (again, 0), FALSE);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (ck_device_get_power (a));
  g_assert_cmpuint (params_changed, ==, 1);

  /* The same answer once more is a change now: back on. */
  ck_device_list_replace_all (list, again);
  g_assert_true (ck_device_get_power (a));
  g_assert_cmpuint (params_changed, ==, 2);
  g_signal_handlers_disconnect_by_data (a, &notifies);
  g_signal_handlers_disconnect_by_data (a, &params_changed);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/device/power/switch", test_switch);
  g_test_add_func ("/device/power/state", test_state);
  g_test_add_func ("/device/power/switches", test_switches);
  g_test_add_func ("/device/power/single-on-multi", test_single_on_multi);
  g_test_add_func ("/device/power/none", test_no_power);
  g_test_add_func ("/device/power/unknown-uiid", test_unknown_uiid_fallback);
  g_test_add_func ("/device/merge-and-pending", test_merge_and_pending);
  g_test_add_func ("/device/new-rejects-garbage", test_new_rejects_garbage);
  g_test_add_func ("/device/info", test_device_info);
  g_test_add_func ("/device/info-signal-mac", test_device_signal_and_mac);
  g_test_add_func ("/device-list/replace", test_list_replace);
  g_test_add_func ("/device-list/replace-unchanged", test_list_replace_unchanged);

  return g_test_run ();
}
