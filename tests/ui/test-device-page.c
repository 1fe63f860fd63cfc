/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-device-page"

#include "config.h"

#include "ck-catalog.h"
#include "ck-command.h"
#include "relay-demo.h"
#include "relay-device-list-view.h"
#include "relay-device-page.h"
#include "relay-test-util.h"
#include "relay-white-light.h"
#include "relay-window.h"

#define LAMP_ID  "1000a1b201"  /* "Desk lamp", B05 RGB + white bulb, UIID 104 */
#define PLUG_ID  "1000a1b202"  /* "Kitchen plug", UIID 1 */
#define FOUR_ID  "1000a1b204"  /* "Aquarium", 4CH Pro, UIID 4 */
#define FAN_ID   "1000a1b207"  /* "Bedroom fan", iFan03, UIID 34 */
#define THROTTLE_MS 40

typedef struct
{
  RelayDemo       *demo;
  CkSimServer     *server;
  RelayWindow     *window;
  CkClient        *client;
  RelayDevicePage *page;
  guint            commands_sent;  /* device updates the app sent */
} Fixture;

/* Every update the app sends is a CkCommand the client starts. */
static void
on_command_started_cb (CkClient  *client,
                       CkCommand *command,
                       Fixture   *fixture)
{
  fixture->commands_sent++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->demo = relay_demo_new (FALSE, &error);
  g_assert_no_error (error);
  fixture->server = relay_demo_get_server (fixture->demo);
  fixture->window = relay_test_open_demo_window (fixture->demo);
  fixture->client = relay_window_get_client (fixture->window);
  fixture->page = RELAY_DEVICE_PAGE (relay_test_find (GTK_WIDGET (fixture->window), RELAY_TYPE_DEVICE_PAGE, NULL));
  relay_device_page_set_throttle_interval (fixture->page, THROTTLE_MS);
  g_signal_connect (fixture->client, "command-started", G_CALLBACK (on_command_started_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (fixture->client, fixture);
  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      g_assert_finalize_object (fixture->window);
    }
  g_clear_object (&fixture->demo);
}

static CkDevice *
open_device (Fixture    *fixture,
             const char *device_id)
{
  CkDevice *device = relay_test_open_device (fixture->window, device_id);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  return device;
}

static JsonObject *
sim_params (Fixture    *fixture,
            const char *device_id)
{
  JsonObject *params = cksim_server_get_device_params (fixture->server, device_id);

  g_assert_nonnull (params);
  return params;
}

static gboolean
device_is_settled (gpointer data)
{
  return !ck_device_get_pending (CK_DEVICE (data));
}

/* ------------------------------------------------------------- channels */

typedef struct
{
  Fixture    *fixture;
  const char *device_id;
  guint       channel;
  gboolean    expected;
} ChannelWait;

static gboolean
sim_channel_is (gpointer data)
{
  ChannelWait *wait = data;
  JsonObject *params = sim_params (wait->fixture, wait->device_id);
  const CkFamily *family = ck_catalog_lookup (4, params);
  gboolean on = !wait->expected;

  return ck_family_decode_channel (family, params, wait->channel, &on) && on == wait->expected;
}

static void
test_channel_two (Fixture       *fixture,
                  gconstpointer  data)
{
  CkDevice *device = open_device (fixture, FOUR_ID);
  const CkFamily *family = ck_catalog_lookup (4, sim_params (fixture, FOUR_ID));
  GtkSwitch *channel2 = GTK_SWITCH (relay_test_page_control (fixture->page, "channel-2"));
  ChannelWait wait = { fixture, FOUR_ID, 1, FALSE };
  gboolean before[4];

  /* A row per channel, named, and nothing else switched. */
  g_assert_nonnull (relay_test_page_control (fixture->page, "channel-4"));
  g_assert_null (relay_device_page_get_control (fixture->page, "channel-5"));
  for (guint i = 0; i < 4; i++)
    g_assert_true (ck_family_decode_channel (family, sim_params (fixture, FOUR_ID), i, &before[i]));
  g_assert_cmpint (gtk_switch_get_active (channel2), ==, before[1]);

  wait.expected = !before[1];
  gtk_switch_set_active (channel2, wait.expected);
  relay_test_wait_until (sim_channel_is, &wait, RELAY_TEST_WAIT_MS, "channel 2 to switch");

  for (guint i = 0; i < 4; i++)
    {
      gboolean on;

      g_assert_true (ck_family_decode_channel (family, sim_params (fixture, FOUR_ID), i, &on));
      g_assert_cmpint (on, ==, i == 1 ? !before[1] : before[i]);
    }
  /* The page follows the device's pushed state. */
  g_assert_cmpint (gtk_switch_get_active (channel2), ==, wait.expected);
  g_assert_cmpuint (fixture->commands_sent, ==, 1);
  g_assert_true (ck_device_get_online (device));
}

/* -------------------------------------------------------------- sliders */

typedef struct
{
  Fixture  *fixture;
  gboolean  temperature;
  gint      expected;
} SliderWait;

static gboolean
sim_slider_is (gpointer data)
{
  SliderWait *wait = data;
  JsonObject *params = sim_params (wait->fixture, LAMP_ID);
  const CkFamily *family = ck_catalog_lookup (104, params);
  gint value = -1;
  gint min, max;

  if (!wait->temperature)
    return ck_family_decode_brightness (family, params, &value) && value == wait->expected;

  /* Kelvin travels as 0-255 on the wire: equal within one wire step. */
  ck_family_get_color_temperature_range (family, &min, &max);
  return ck_family_decode_color_temperature (family, params, &value) &&
         ABS (value - wait->expected) <= (max - min) / 255 + 1;
}

/* A drag: the value changes many times in quick succession on the main
 * loop. The simulator gets the final value and a bounded number of others. */
static void
drag (Fixture    *fixture,
      const char *name,
      gboolean    temperature,
      gint        from,
      gint        to,
      guint       steps)
{
  GtkRange *scale = GTK_RANGE (relay_test_page_control (fixture->page, name));
  SliderWait wait = { fixture, temperature, to };
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed_ms;
  guint sent_before = fixture->commands_sent;
  guint sent;

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (scale)));
  for (guint i = 0; i <= steps; i++)
    {
      gtk_range_set_value (GTK_RANGE (scale), from + (to - from) * (gint) i / (gint) steps);
      /* About 4 ms between motion events, as a pointer drag gives. */
      if (i % 4 == 3)
        relay_test_run_for (16);
      else
        relay_test_drain ();
    }
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;

  relay_test_wait_until (sim_slider_is, &wait, RELAY_TEST_WAIT_MS, "the final slider value");
  relay_test_run_for (2 * THROTTLE_MS);
  sent = fixture->commands_sent - sent_before;
  g_test_message ("%s: %u steps in %" G_GINT64_FORMAT " ms -> %u commands", name, steps, elapsed_ms, sent);

  /* One at once, then at most one per interval, and the final value. */
  g_assert_cmpuint (sent, >=, 2);
  g_assert_cmpuint (sent, <=, 2 + elapsed_ms / THROTTLE_MS);
  g_assert_cmpuint (sent, <, steps);
  g_assert_true (sim_slider_is (&wait));
  /* The slider, idle again, shows what the device confirmed. */
  g_assert_cmpfloat (ABS (gtk_range_get_value (scale) - to), <=, temperature ? 30 : 0);
}

static void
test_drag_brightness (Fixture       *fixture,
                      gconstpointer  data)
{
  open_device (fixture, LAMP_ID);
  drag (fixture, "brightness", FALSE, 80, 23, 60);
}

/* Closed mid-drag: the value still waiting in the throttle is sent, not
 * dropped (ARCHITECTURE "Pacing": always ending with the final value). */
static void
test_close_mid_drag (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CkClient) client G_GNUC_UNUSED = g_object_ref (fixture->client);
  SliderWait last = { fixture, FALSE, 31 };
  GtkRange *scale;

  open_device (fixture, LAMP_ID);
  /* A long cool-down: the second value waits in the throttle. */
  relay_device_page_set_throttle_interval (fixture->page, 60000);
  scale = GTK_RANGE (relay_test_page_control (fixture->page, "brightness"));
  gtk_range_set_value (scale, 72);
  relay_test_drain ();
  gtk_range_set_value (scale, 31);
  relay_test_drain ();
  g_assert_false (sim_slider_is (&last));

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  fixture->window = NULL;
  fixture->page = NULL;
  relay_test_wait_until (sim_slider_is, &last, RELAY_TEST_WAIT_MS, "the last slider value");
}

static void
test_drag_color_temperature (Fixture       *fixture,
                             gconstpointer  data)
{
  const CkFamily *family;
  gint min, max;

  open_device (fixture, LAMP_ID);
  family = ck_catalog_lookup (104, sim_params (fixture, LAMP_ID));
  /* Kelvin where the family allows. */
  g_assert_cmpint (ck_family_get_color_temperature_unit (family), ==, CK_COLOR_TEMPERATURE_UNIT_KELVIN);
  ck_family_get_color_temperature_range (family, &min, &max);
  drag (fixture, "color-temperature", TRUE, min, min + (max - min) * 3 / 4, 60);
}

/* --------------------------------------------------------------- colour */

static gboolean
sim_color_is (gpointer data)
{
  Fixture *fixture = data;
  JsonObject *params = sim_params (fixture, LAMP_ID);
  guint32 rgb = 0;

  return ck_family_decode_color (ck_catalog_lookup (104, params), params, &rgb) && rgb == 0xff8000;
}

static void
test_pick_color (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkColorChooser *button;
  GdkRGBA orange = { 1.0, 128 / 255.0, 0.0, 1.0 };
  GdkRGBA shown;

  CkDevice *lamp = open_device (fixture, LAMP_ID);
  AdwActionRow *row;
  GdkRGBA white;

  button = GTK_COLOR_CHOOSER (relay_test_page_control (fixture->page, "color"));
  g_assert_true (GTK_IS_COLOR_BUTTON (button));
  row = ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW));

  /* The demo lamp is in white mode: the swatch shows the white light's
   * tint, not an empty colour, and the row says it is white light. */
  g_assert_cmpstr (json_object_get_string_member (sim_params (fixture, LAMP_ID), "ltype"), ==, "white");
  relay_white_light_to_rgba (ck_device_get_color_temperature (lamp),
                             ck_device_get_color_temperature_unit (lamp), &white);
  gtk_color_chooser_get_rgba (button, &shown);
  g_assert_true (gdk_rgba_equal (&shown, &white));
  g_assert_cmpfloat (shown.alpha, ==, 1.0);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "White light");

  /* What the colour dialog does when the user picks. */
  gtk_color_chooser_set_rgba (button, &orange);
  g_signal_emit_by_name (button, "color-set");
  relay_test_wait_until (sim_color_is, fixture, RELAY_TEST_WAIT_MS, "the bulb to turn orange");
  relay_test_wait_until (device_is_settled, lamp, RELAY_TEST_WAIT_MS, "the command to end");
  g_assert_cmpuint (fixture->commands_sent, ==, 1);
  /* The pick switched the lamp to colour mode. */
  g_assert_cmpstr (json_object_get_string_member (sim_params (fixture, LAMP_ID), "ltype"), ==, "color");

  gtk_color_chooser_get_rgba (button, &shown);
  g_assert_true (gdk_rgba_equal (&shown, &orange));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "");
}

/* Warm white leans amber, cold white bluish, 6600 K is about white. */
static void
test_white_light_tint (void)
{
  GdkRGBA warm, neutral, cold, percent_warm;

  relay_white_light_kelvin_to_rgba (2700, &warm);
  relay_white_light_kelvin_to_rgba (6600, &neutral);
  relay_white_light_kelvin_to_rgba (10000, &cold);
  g_assert_cmpfloat (warm.red, ==, 1.0);
  g_assert_cmpfloat (warm.green, <, 0.75);
  g_assert_cmpfloat (warm.blue, <, warm.green);
  g_assert_cmpfloat (neutral.red, >, 0.95);
  g_assert_cmpfloat (neutral.green, >, 0.95);
  g_assert_cmpfloat (neutral.blue, >, 0.95);
  g_assert_cmpfloat (cold.blue, ==, 1.0);
  g_assert_cmpfloat (cold.red, <, cold.blue);
  g_assert_cmpfloat (cold.alpha, ==, 1.0);

  /* A percent scale: 0 % is the warmest white. */
  relay_white_light_to_rgba (0, CK_COLOR_TEMPERATURE_UNIT_PERCENT, &percent_warm);
  relay_white_light_kelvin_to_rgba (RELAY_WHITE_LIGHT_WARMEST_K, &warm);
  g_assert_true (gdk_rgba_equal (&percent_warm, &warm));
}

/* ------------------------------------------------------------ device info */

static gboolean
label_is (gpointer data)
{
  GtkLabel *label = data;

  return g_strcmp0 (gtk_label_get_text (label), g_object_get_data (G_OBJECT (label), "expected")) == 0;
}

/* The Device section: firmware, the Wi-Fi signal (bars and dBm, following
 * the device's reports) and the MAC address. */
static void
test_device_info (Fixture       *fixture,
                  gconstpointer  data)
{
  CkDevice *lamp = open_device (fixture, LAMP_ID);
  GtkLabel *signal = GTK_LABEL (relay_test_page_control (fixture->page, "signal"));
  GtkImage *bars = GTK_IMAGE (relay_test_page_control (fixture->page, "signal-icon"));
  g_autoptr(JsonNode) report = json_from_string ("{\"rssi\":-80}", NULL);

  g_assert_cmpint (ck_device_get_rssi (lamp), ==, -52);
  g_assert_cmpstr (gtk_label_get_text (signal), ==, "Excellent · -52 dBm");
  g_assert_cmpstr (gtk_image_get_icon_name (bars), ==, "network-wireless-signal-excellent-symbolic");
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (signal), ADW_TYPE_ACTION_ROW)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (relay_test_page_control (fixture->page, "firmware"))), ==, "1.6.1");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (relay_test_page_control (fixture->page, "mac"))), ==,
                   ck_device_get_mac (lamp) != NULL ? ck_device_get_mac (lamp) : "—");

  /* The device reports a weaker signal: two bars. */
  g_assert_true (cksim_server_report_device (fixture->server, LAMP_ID, json_node_get_object (report)));
  g_object_set_data (G_OBJECT (signal), "expected", (gpointer) "Fair · -80 dBm");
  relay_test_wait_until (label_is, signal, RELAY_TEST_WAIT_MS, "the signal to follow the report");
  g_assert_cmpstr (gtk_image_get_icon_name (bars), ==, "network-wireless-signal-ok-symbolic");

  open_device (fixture, PLUG_ID);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (relay_test_page_control (fixture->page, "mac"))), ==,
                   "D0:27:00:A1:B2:02");
}

/* --------------------------------------------------------------- offline */

/* The plug goes offline just as the user switches it: the command fails,
 * the switch goes back and a toast says why. */
static void
test_offline_rolls_back (Fixture       *fixture,
                         gconstpointer  data)
{
  CkDevice *plug = open_device (fixture, PLUG_ID);
  GtkSwitch *power = GTK_SWITCH (relay_test_page_control (fixture->page, "power"));
  gboolean before = ck_device_get_power (plug);
  const char *sim_before = json_object_get_string_member (sim_params (fixture, PLUG_ID), "switch");
  g_autofree char *sim_before_copy = g_strdup (sim_before);
  const char *expected = "“Kitchen plug” did not change: The device is offline.";

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (power)));
  gtk_switch_set_active (power, !before);
  g_assert_true (cksim_server_set_device_online (fixture->server, PLUG_ID, FALSE));

  relay_test_wait_until (device_is_settled, plug, RELAY_TEST_WAIT_MS, "the command to end");
  /* The toast names the device and says why, in words. */
  g_assert_cmpstr (relay_test_wait_for_label (GTK_WIDGET (fixture->window), expected), ==, expected);
  g_assert_cmpint (ck_device_get_power (plug), ==, before);
  g_assert_cmpint (gtk_switch_get_active (power), ==, before);
  g_assert_cmpint (gtk_switch_get_state (power), ==, before);
  g_assert_cmpstr (json_object_get_string_member (sim_params (fixture, PLUG_ID), "switch"), ==, sim_before_copy);
}

/* ------------------------------------------------------------------ fan */

typedef struct
{
  Fixture *fixture;
  guint    expected;
} FanWait;

static gboolean
sim_fan_is (gpointer data)
{
  FanWait *wait = data;
  JsonObject *params = sim_params (wait->fixture, FAN_ID);
  guint level = G_MAXUINT;

  return ck_family_decode_fan (ck_catalog_lookup (34, params), params, &level) && level == wait->expected;
}

/* iFan: a speed button changes the simulator's fan outlets, and the
 * buttons follow the device. */
static void
test_fan_speed (Fixture       *fixture,
                gconstpointer  data)
{
  CkDevice *fan = open_device (fixture, FAN_ID);
  JsonObject *params = sim_params (fixture, FAN_ID);
  guint before = G_MAXUINT;
  FanWait wait = { fixture, 0 };
  GtkToggleButton *button;

  g_assert_true (ck_family_decode_fan (ck_catalog_lookup (34, params), params, &before));
  g_assert_cmpuint (ck_device_get_fan_levels (fan), ==, 3);
  wait.expected = before == 2 ? 3 : 2;
  button = GTK_TOGGLE_BUTTON (relay_test_page_control (fixture->page, wait.expected == 2 ? "fan-2" : "fan-3"));
  g_assert_false (gtk_toggle_button_get_active (button));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    relay_test_page_control (fixture->page, before == 0 ? "fan-0" : before == 1 ? "fan-1" : before == 2 ? "fan-2" : "fan-3"))));

  gtk_toggle_button_set_active (button, TRUE);
  relay_test_wait_until (sim_fan_is, &wait, RELAY_TEST_WAIT_MS, "the fan speed to change");
  relay_test_wait_until (device_is_settled, fan, RELAY_TEST_WAIT_MS, "the command to end");
  g_assert_cmpuint (fixture->commands_sent, ==, 1);
  g_assert_cmpint (ck_device_get_fan_speed (fan), ==, (gint) wait.expected);
  g_assert_true (gtk_toggle_button_get_active (button));
}

/* The page is built from capabilities: a plug has no light controls,
 * a bulb has no channels; the details are there. */
static void
test_built_from_capabilities (Fixture       *fixture,
                              gconstpointer  data)
{
  open_device (fixture, PLUG_ID);
  g_assert_nonnull (relay_test_page_control (fixture->page, "power"));
  g_assert_null (relay_device_page_get_control (fixture->page, "brightness"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (relay_test_page_control (fixture->page, "id"))), ==, PLUG_ID);

  open_device (fixture, LAMP_ID);
  g_assert_nonnull (relay_test_page_control (fixture->page, "brightness"));
  g_assert_nonnull (relay_test_page_control (fixture->page, "color-temperature"));
  g_assert_nonnull (relay_test_page_control (fixture->page, "color"));
  g_assert_null (relay_device_page_get_control (fixture->page, "channel-1"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (relay_test_page_control (fixture->page, "model"))), !=, "—");

  /* A metering plug shows its readings with the time of the last update. */
  open_device (fixture, "1000a1b206");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (relay_test_page_control (fixture->page, "reading-power"))), !=, "—");
}

int
main (int   argc,
      char *argv[])
{
  if (!relay_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/device-page/built-from-capabilities", test_built_from_capabilities);
  ADD ("/ui/device-page/channel-two", test_channel_two);
  ADD ("/ui/device-page/drag-brightness", test_drag_brightness);
  ADD ("/ui/device-page/close-mid-drag", test_close_mid_drag);
  ADD ("/ui/device-page/drag-color-temperature", test_drag_color_temperature);
  ADD ("/ui/device-page/pick-color", test_pick_color);
  ADD ("/ui/device-page/offline-rolls-back", test_offline_rolls_back);
  ADD ("/ui/device-page/fan-speed", test_fan_speed);
  ADD ("/ui/device-page/device-info", test_device_info);
#undef ADD
  g_test_add_func ("/ui/device-page/white-light-tint", test_white_light_tint);

  return g_test_run ();
}
