/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-relayctl"

/* relayctl brightness, ct, color, fan, on/off/toggle --channel and the
 * typed state of show against relay-sim, each checked in /_sim/state as
 * spec/devices.md encodes the value for the demo device's family. */

#include <string.h>

#include "relayctl-test-util.h"

#define DESK_LAMP_ID   "1000a1b201" /* B05, UIID 104 */
#define KITCHEN_ID     "1000a1b202" /* plain relay */
#define AQUARIUM_ID    "1000a1b204" /* 4 channels */
#define WASHING_ID     "1000a1b206" /* POW, readings as strings */
#define FAN_ID         "1000a1b207" /* iFan, UIID 34 */
#define DIMMER_ID      "1000a1b208" /* D1, UIID 44 */
#define PORCH_BULB_ID  "1000a1b20a" /* B02, UIID 103, off in the demo */
#define FRONT_DOOR_ID  "1000a1b20b" /* DW2 door sensor */

/* B02-F-A60: `ct` 0 (warmest) to 255 (coldest) spans 2200 K to 6500 K (devices.md §6.8.2). */
#define B02_KELVIN_MIN 2200
#define B02_KELVIN_MAX 6500

static const char *
outlet_state (JsonObject *params,
              gint64      outlet)
{
  JsonArray *switches = json_object_get_array_member (params, "switches");

  for (guint i = 0; i < json_array_get_length (switches); i++)
    {
      JsonObject *entry = json_array_get_object_element (switches, i);

      if (json_object_get_int_member (entry, "outlet") == outlet)
        return json_object_get_string_member (entry, "switch");
    }

  g_assert_not_reached ();
}

static void
assert_params_unchanged (JsonObject *before,
                         const char *device_id)
{
  g_autoptr(JsonObject) after = sim_params (device_id);
  g_autoptr(JsonNode) before_node = json_node_init_object (json_node_alloc (), before);
  g_autoptr(JsonNode) after_node = json_node_init_object (json_node_alloc (), after);

  g_assert_true (json_node_equal (before_node, after_node));
}

/* D1: `brightness` 0-100 with `switch` on (devices.md); "40" and "40%" both read. */
static void
test_brightness (void)
{
  g_autoptr(Run) text = run_relayctl (NULL, "brightness", "Dimmer", "40");
  g_autoptr(JsonObject) params = sim_params (DIMMER_ID);
  g_autoptr(Run) json = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonObject) again = NULL;

  g_assert_cmpint (text->status, ==, 0);
  g_assert_cmpstr (text->out, ==, "Dimmer: brightness 40 %\n");
  g_assert_cmpint (json_object_get_int_member (params, "brightness"), ==, 40);
  g_assert_cmpstr (json_object_get_string_member (params, "switch"), ==, "on");

  json = run_relayctl (NULL, "--json", "brightness", DIMMER_ID, "35%");
  answer = run_parse_json (json);
  again = sim_params (DIMMER_ID);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "id"), ==, DIMMER_ID);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (answer), "brightness"), ==, 35);
  g_assert_cmpint (json_object_get_int_member (again, "brightness"), ==, 35);
}

/* Out of range: refused before anything is sent (exit 2), as is a value that is no number. */
static void
test_out_of_range (void)
{
  g_autoptr(JsonObject) before = sim_params (DIMMER_ID);
  g_autoptr(Run) too_bright = run_relayctl (NULL, "brightness", "Dimmer", "150");
  g_autoptr(Run) not_a_number = run_relayctl (NULL, "brightness", "Dimmer", "bright");
  g_autoptr(Run) bad_fan = run_relayctl (NULL, "fan", "Bedroom fan", "turbo");
  g_autoptr(Run) bad_color = run_relayctl (NULL, "color", "Desk lamp", "#ff88");

  assert_one_line_error (too_bright, 2);
  g_assert_nonnull (strstr (too_bright->err, "Dimmer"));
  g_assert_nonnull (strstr (too_bright->err, "150"));
  assert_one_line_error (not_a_number, 2);
  assert_one_line_error (bad_fan, 2);
  assert_one_line_error (bad_color, 2);
  assert_params_unchanged (before, DIMMER_ID);
}

/* B05 colour: ltype color with r/g/b (devices.md §6.8.2); "#ff8800" and "ff8800". */
static void
test_color (void)
{
  g_autoptr(Run) text = run_relayctl (NULL, "color", "Desk lamp", "#ff8800");
  g_autoptr(JsonObject) params = sim_params (DESK_LAMP_ID);
  JsonObject *color = json_object_get_object_member (params, "color");
  g_autoptr(Run) json = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonObject) again = NULL;

  g_assert_cmpint (text->status, ==, 0);
  g_assert_cmpstr (text->out, ==, "Desk lamp: colour #ff8800\n");
  g_assert_cmpstr (json_object_get_string_member (params, "ltype"), ==, "color");
  g_assert_cmpint (json_object_get_int_member (color, "r"), ==, 0xff);
  g_assert_cmpint (json_object_get_int_member (color, "g"), ==, 0x88);
  g_assert_cmpint (json_object_get_int_member (color, "b"), ==, 0x00);

  json = run_relayctl (NULL, "color", "--json", "Desk lamp", "2040c0");
  answer = run_parse_json (json);
  again = sim_params (DESK_LAMP_ID);
  color = json_object_get_object_member (again, "color");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "color"), ==, "#2040c0");
  g_assert_cmpint (json_object_get_int_member (color, "r"), ==, 0x20);
  g_assert_cmpint (json_object_get_int_member (color, "g"), ==, 0x40);
  g_assert_cmpint (json_object_get_int_member (color, "b"), ==, 0xc0);
}

/* B02 in kelvin; the bulb is off in the demo, so it is switched on first
 * (devices.md §0), and a percentage is refused for it with nothing sent. */
static void
test_ct_kelvin (void)
{
  g_autoptr(JsonObject) before = sim_params (PORCH_BULB_ID);
  g_autoptr(Run) run = NULL;
  g_autoptr(Run) percent = NULL;
  g_autoptr(JsonObject) after = NULL;
  JsonObject *white;
  double expected_ct = (3000.0 - B02_KELVIN_MIN) / (B02_KELVIN_MAX - B02_KELVIN_MIN) * 255.0;

  g_assert_cmpstr (json_object_get_string_member (before, "switch"), ==, "off");

  run = run_relayctl (NULL, "ct", "Porch bulb", "3000K");
  after = sim_params (PORCH_BULB_ID);
  white = json_object_get_object_member (after, "white");
  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_str_has_prefix (run->out, "Porch bulb: colour temperature "));
  g_assert_true (g_str_has_suffix (run->out, " K\n"));
  g_assert_cmpstr (json_object_get_string_member (after, "switch"), ==, "on");
  g_assert_cmpstr (json_object_get_string_member (after, "ltype"), ==, "white");
  g_assert_cmpfloat (ABS ((double) json_object_get_int_member (white, "ct") - expected_ct), <=, 1.0);
  /* The brightness stays as it was (br and ct travel together). */
  g_assert_cmpint (json_object_get_int_member (white, "br"), ==,
                   json_object_get_int_member (json_object_get_object_member (before, "white"), "br"));

  percent = run_relayctl (NULL, "ct", "Porch bulb", "30%");
  assert_one_line_error (percent, 2);
  g_assert_nonnull (strstr (percent->err, "kelvin"));
  assert_params_unchanged (after, PORCH_BULB_ID);
}

/* Channel 2 of the 4CH is outlet 1: only it changes. */
static void
test_channel (void)
{
  g_autoptr(JsonObject) before = sim_params (AQUARIUM_ID);
  g_autoptr(Run) on = NULL;
  g_autoptr(Run) toggle = NULL;
  g_autoptr(Run) no_such = NULL;
  g_autoptr(JsonObject) after_on = NULL;
  g_autoptr(JsonObject) after_toggle = NULL;
  g_autoptr(JsonNode) answer = NULL;

  g_assert_cmpstr (outlet_state (before, 1), ==, "off");

  on = run_relayctl (NULL, "on", "Aquarium", "--channel", "2");
  after_on = sim_params (AQUARIUM_ID);
  g_assert_cmpint (on->status, ==, 0);
  g_assert_cmpstr (on->out, ==, "Aquarium: channel 2 (Filter) is now on.\n");
  g_assert_cmpstr (outlet_state (after_on, 1), ==, "on");
  for (gint64 outlet = 0; outlet < 4; outlet++)
    if (outlet != 1)
      g_assert_cmpstr (outlet_state (after_on, outlet), ==, outlet_state (before, outlet));

  toggle = run_relayctl (NULL, "toggle", "--json", "--channel", "2", "Aquarium");
  answer = run_parse_json (toggle);
  after_toggle = sim_params (AQUARIUM_ID);
  g_assert_cmpstr (outlet_state (after_toggle, 1), ==, "off");
  g_assert_false (json_object_get_boolean_member (
    json_array_get_object_element (json_object_get_array_member (json_node_get_object (answer), "channels"), 1),
    "on"));
  for (gint64 outlet = 0; outlet < 4; outlet++)
    if (outlet != 1)
      g_assert_cmpstr (outlet_state (after_toggle, outlet), ==, outlet_state (before, outlet));

  no_such = run_relayctl (NULL, "off", "Aquarium", "--channel", "5");
  assert_one_line_error (no_such, 2);
  g_assert_nonnull (strstr (no_such->err, "1 to 4"));
  assert_params_unchanged (after_toggle, AQUARIUM_ID);
}

/* iFan medium: outlet 1 on, 2 on, 3 off, the light (0) as it was (devices.md §6.6). */
static void
test_fan (void)
{
  g_autoptr(JsonObject) before = sim_params (FAN_ID);
  g_autoptr(Run) medium = run_relayctl (NULL, "fan", "Bedroom fan", "medium");
  g_autoptr(JsonObject) after = sim_params (FAN_ID);
  g_autoptr(Run) off = NULL;
  g_autoptr(JsonObject) stopped = NULL;

  g_assert_cmpint (medium->status, ==, 0);
  g_assert_cmpstr (medium->out, ==, "Bedroom fan: fan medium\n");
  g_assert_cmpstr (outlet_state (after, 0), ==, outlet_state (before, 0));
  g_assert_cmpstr (outlet_state (after, 1), ==, "on");
  g_assert_cmpstr (outlet_state (after, 2), ==, "on");
  g_assert_cmpstr (outlet_state (after, 3), ==, "off");

  off = run_relayctl (NULL, "fan", "Bedroom fan", "0");
  stopped = sim_params (FAN_ID);
  g_assert_cmpint (off->status, ==, 0);
  g_assert_cmpstr (off->out, ==, "Bedroom fan: fan off\n");
  g_assert_cmpstr (outlet_state (stopped, 1), ==, "off");
  g_assert_cmpstr (outlet_state (stopped, 0), ==, outlet_state (before, 0));
}

/* A control the family lacks: one clear line naming the device, nothing sent. */
static void
test_unsupported (void)
{
  g_autoptr(JsonObject) kitchen = sim_params (KITCHEN_ID);
  g_autoptr(JsonObject) dimmer = sim_params (DIMMER_ID);
  g_autoptr(Run) color = run_relayctl (NULL, "color", "Kitchen plug", "#ff8800");
  g_autoptr(Run) fan = run_relayctl (NULL, "fan", "Dimmer", "low");
  g_autoptr(Run) channel = run_relayctl (NULL, "on", "Dimmer", "--channel", "2");

  assert_one_line_error (color, 1);
  g_assert_true (g_str_has_prefix (color->err, "relayctl: Kitchen plug: "));
  g_assert_nonnull (strstr (color->err, "colour"));
  assert_one_line_error (fan, 1);
  /* The family by its description, without its catalog id. */
  g_assert_true (g_str_has_prefix (fan->err, "relayctl: Dimmer: Dimmer (D1) has no fan"));
  g_assert_null (strstr (fan->err, "dimmer-d1"));
  assert_one_line_error (channel, 2);
  assert_params_unchanged (kitchen, KITCHEN_ID);
  assert_params_unchanged (dimmer, DIMMER_ID);
}

/* devices.md §2's signal levels (UP), as an oracle independent of the core. */
static const char *
signal_word (gint64 rssi)
{
  if (rssi < -92)
    return "weak";
  if (rssi < -77)
    return "fair";
  return rssi <= -62 ? "good" : "excellent";
}

/* A MAC as the cloud writes it: six pairs of hex digits and colons. */
static gboolean
is_mac (const char *text)
{
  if (text == NULL || strlen (text) != 17)
    return FALSE;
  for (guint i = 0; i < 17; i++)
    if (i % 3 == 2 ? text[i] != ':' : !g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* show: the typed state, readings with units, the contact, the firmware,
 * the Wi-Fi signal and the MAC as device info, and the params no codec
 * reads listed read-only; --json carries the same. */
static void
test_show_typed (void)
{
  g_autoptr(JsonObject) washing = sim_params (WASHING_ID);
  g_autoptr(JsonObject) door = sim_params (FRONT_DOOR_ID);
  g_autoptr(JsonObject) aquarium = sim_params (AQUARIUM_ID);
  g_autoptr(JsonObject) kitchen = sim_params (KITCHEN_ID);
  g_autoptr(Run) meter = run_relayctl (NULL, "show", "Washing machine");
  g_autoptr(Run) plug = run_relayctl (NULL, "show", "Kitchen plug");
  g_autoptr(Run) sensor = run_relayctl (NULL, "show", "Front door");
  g_autoptr(Run) json = run_relayctl (NULL, "show", "--json", "Aquarium");
  g_autoptr(Run) lamp = run_relayctl (NULL, "show", "--json", "Dimmer");
  g_autoptr(JsonNode) answer = run_parse_json (json);
  g_autoptr(JsonNode) lamp_answer = run_parse_json (lamp);
  g_autoptr(JsonObject) dimmer = sim_params (DIMMER_ID);
  JsonObject *shown = json_node_get_object (answer);
  JsonArray *channels = json_object_get_array_member (shown, "channels");
  JsonObject *other = json_object_get_object_member (shown, "other_params");
  /* POW readings travel as 2-decimal strings (devices.md §8). */
  g_autofree char *readings = g_strdup_printf ("Readings:    power %s W; voltage %s V; current %s A\n",
                                               json_object_get_string_member (washing, "power"),
                                               json_object_get_string_member (washing, "voltage"),
                                               json_object_get_string_member (washing, "current"));
  /* DW2: `switch` on = open. */
  g_autofree char *contact = g_strdup_printf ("Contact:     %s\n",
                                              g_str_equal (json_object_get_string_member (door, "switch"), "on")
                                              ? "open" : "closed");
  g_autofree char *signal = g_strdup_printf ("\n  Signal:      %" G_GINT64_FORMAT " dBm (%s)\n",
                                             json_object_get_int_member (washing, "rssi"),
                                             signal_word (json_object_get_int_member (washing, "rssi")));
  /* The plug's params carry its staMac; the meter's MAC comes from the list's extra. */
  g_autofree char *mac = g_strdup_printf ("\n  MAC:         %s\n", json_object_get_string_member (kitchen, "staMac"));
  const char *meter_mac = NULL;
  g_autofree char *firmware = g_strdup_printf ("\n  Firmware:    %s\n",
                                               json_object_get_string_member (washing, "fwVersion"));

  g_assert_cmpint (meter->status, ==, 0);
  g_assert_nonnull (strstr (meter->out, readings));
  g_assert_nonnull (strstr (meter->out, "  Other params (read-only):\n"));
  g_assert_nonnull (strstr (meter->out, "    alarmType=pcv\n"));
  g_assert_nonnull (strstr (meter->out, "Family:      "));
  /* fwVersion, rssi and staMac are device info, not among the other params. */
  g_assert_nonnull (strstr (meter->out, firmware));
  g_assert_nonnull (strstr (meter->out, signal));
  g_assert_null (strstr (meter->out, "fwVersion"));
  g_assert_null (strstr (meter->out, "rssi"));
  g_assert_nonnull (meter_mac = strstr (meter->out, "\n  MAC:         "));
  meter_mac += strlen ("\n  MAC:         ");
  g_assert_true (meter_mac[17] == '\n');
  {
    g_autofree char *meter_mac_text = g_strndup (meter_mac, 17);

    g_assert_true (is_mac (meter_mac_text));
  }

  g_assert_cmpint (plug->status, ==, 0);
  g_assert_nonnull (strstr (plug->out, mac));
  g_assert_null (strstr (plug->out, "staMac"));

  g_assert_cmpint (sensor->status, ==, 0);
  g_assert_nonnull (strstr (sensor->out, contact));

  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (shown, "family"), "id"), !=, NULL);
  g_assert_cmpuint (json_array_get_length (channels), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *channel = json_array_get_object_element (channels, i);

      g_assert_cmpint (json_object_get_int_member (channel, "channel"), ==, i + 1);
      g_assert_cmpint (json_object_get_boolean_member (channel, "on"), ==,
                       g_str_equal (outlet_state (aquarium, i), "on"));
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (channels, 1), "name"), ==, "Filter");
  g_assert_true (json_object_has_member (other, "init"));
  g_assert_false (json_object_has_member (other, "rssi"));
  g_assert_false (json_object_has_member (other, "switches"));
  g_assert_false (json_object_has_member (other, "fwVersion"));
  g_assert_cmpstr (json_object_get_string_member (shown, "firmware"), ==,
                   json_object_get_string_member (aquarium, "fwVersion"));
  g_assert_cmpint (json_object_get_int_member (shown, "rssi"), ==, json_object_get_int_member (aquarium, "rssi"));
  g_assert_cmpstr (json_object_get_string_member (shown, "signal"), ==,
                   signal_word (json_object_get_int_member (aquarium, "rssi")));
  g_assert_true (is_mac (json_object_get_string_member (shown, "mac")));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (lamp_answer), "brightness"), ==,
                   json_object_get_int_member (dimmer, "brightness"));
}

static void
test_help (void)
{
  const char *const commands[] = { "brightness", "ct", "color", "fan" };

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(Run) help = run_relayctl (NULL, commands[i], "--help");
      g_autoptr(Run) missing = run_relayctl (NULL, commands[i], "Dimmer");

      g_assert_cmpint (help->status, ==, 0);
      g_assert_nonnull (strstr (help->out, "--json"));
      assert_one_line_error (missing, 2);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  sim_start ();
  login_demo ();

  g_test_add_func ("/cli/control/brightness", test_brightness);
  g_test_add_func ("/cli/control/out-of-range", test_out_of_range);
  g_test_add_func ("/cli/control/color", test_color);
  g_test_add_func ("/cli/control/ct-kelvin", test_ct_kelvin);
  g_test_add_func ("/cli/control/channel", test_channel);
  g_test_add_func ("/cli/control/fan", test_fan);
  g_test_add_func ("/cli/control/unsupported", test_unsupported);
  g_test_add_func ("/cli/control/show-typed", test_show_typed);
  g_test_add_func ("/cli/control/help", test_help);

  return run_tests_and_stop_sim ();
}
