/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-relayctl"

/* relayctl query, set and status against relay-sim, checked against the
 * simulator's stored params (/_sim/state). */

#include <string.h>

#include <libsoup/soup.h>

#include "relayctl-test-util.h"

#define KITCHEN_ID    "1000a1b202"
#define KITCHEN_NAME  "Kitchen plug"
#define AQUARIUM_ID   "1000a1b204"
#define DIMMER_ID     "1000a1b208"
#define GARDEN_PUMP   "Garden pump" /* offline in the demo */

/* {"id", "name", "params"} of @run for @device_id; returns the params. (transfer full) */
static JsonObject *
parse_params_report (const Run  *run,
                     const char *device_id)
{
  g_autoptr(JsonNode) root = run_parse_json (run);
  JsonObject *object = json_node_get_object (root);

  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, device_id);
  g_assert_true (json_object_has_member (object, "name"));

  return json_object_ref (json_object_get_object_member (object, "params"));
}

/* Every param of @expected is in @actual with the same value, and nothing else. */
static void
assert_same_params (JsonObject *expected,
                    JsonObject *actual)
{
  g_autoptr(GList) names = json_object_get_members (expected);

  g_assert_cmpuint (json_object_get_size (actual), ==, json_object_get_size (expected));
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (actual, l->data);

      g_assert_nonnull (value);
      g_assert_true (json_node_equal (value, json_object_get_member (expected, l->data)));
    }
}

/* @line (with its newline) is one of the lines of @text. */
static gboolean
has_line (const char *text,
          const char *line)
{
  g_autofree char *inner = g_strconcat ("\n", line, NULL);

  return g_str_has_prefix (text, line) || strstr (text, inner) != NULL;
}

static void
test_query_all (void)
{
  g_autoptr(Run) json = run_relayctl (NULL, "query", "--json", KITCHEN_NAME);
  g_autoptr(Run) text = run_relayctl (NULL, "query", KITCHEN_ID);
  g_autoptr(JsonObject) expected = sim_params (KITCHEN_ID);
  g_autoptr(JsonObject) params = parse_params_report (json, KITCHEN_ID);
  g_autofree char *switch_line = g_strdup_printf ("switch=%s\n", json_object_get_string_member (expected, "switch"));

  assert_same_params (expected, params);

  /* KEY=VALUE lines: strings as they are, anything else as JSON. */
  g_assert_cmpint (text->status, ==, 0);
  g_assert_cmpuint (count_lines (text->out), ==, json_object_get_size (expected));
  g_assert_true (has_line (text->out, switch_line));
  g_assert_true (has_line (text->out, "pulseWidth=500\n"));
  g_assert_true (has_line (text->out, "timers=[]\n"));
}

static void
test_query_listed (void)
{
  g_autoptr(Run) json = run_relayctl (NULL, "query", "--json", "Aquarium", "switches", "lock");
  g_autoptr(Run) text = run_relayctl (NULL, "query", "Dimmer", "brightness");
  g_autoptr(JsonObject) expected = sim_params (AQUARIUM_ID);
  g_autoptr(JsonObject) dimmer = sim_params (DIMMER_ID);
  g_autoptr(JsonObject) params = parse_params_report (json, AQUARIUM_ID);
  g_autofree char *brightness = g_strdup_printf ("brightness=%" G_GINT64_FORMAT "\n",
                                                 json_object_get_int_member (dimmer, "brightness"));

  g_assert_cmpuint (json_object_get_size (params), ==, 2);
  g_assert_true (json_node_equal (json_object_get_member (params, "switches"),
                                  json_object_get_member (expected, "switches")));
  g_assert_true (json_node_equal (json_object_get_member (params, "lock"),
                                  json_object_get_member (expected, "lock")));

  g_assert_cmpint (text->status, ==, 0);
  g_assert_cmpstr (text->out, ==, brightness);
}

/* switch=on is a string, 37 a number, [..] an array (per outlet). */
static void
test_set_raw (void)
{
  g_autoptr(Run) plug = run_relayctl (NULL, "set", KITCHEN_NAME, "switch=on");
  g_autoptr(Run) dimmer = run_relayctl (NULL, "set", "--json", "Dimmer", "brightness=37", "switch=on");
  g_autoptr(Run) aquarium = run_relayctl (NULL, "set", "Aquarium",
                                          "switches=[{\"switch\":\"on\",\"outlet\":1}]");
  g_autoptr(JsonObject) plug_params = sim_params (KITCHEN_ID);
  g_autoptr(JsonObject) dimmer_params = sim_params (DIMMER_ID);
  g_autoptr(JsonObject) aquarium_params = sim_params (AQUARIUM_ID);
  g_autoptr(JsonObject) sent = NULL;
  JsonArray *switches;

  g_assert_cmpint (plug->status, ==, 0);
  g_assert_cmpstr (plug->out, ==, KITCHEN_NAME " acknowledged switch=on\n");
  g_assert_cmpstr (json_object_get_string_member (plug_params, "switch"), ==, "on");

  sent = parse_params_report (dimmer, DIMMER_ID);
  g_assert_cmpint (json_object_get_int_member (sent, "brightness"), ==, 37);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (dimmer_params, "brightness")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (dimmer_params, "brightness"), ==, 37);

  g_assert_cmpint (aquarium->status, ==, 0);
  switches = json_object_get_array_member (aquarium_params, "switches");
  for (guint i = 0; i < json_array_get_length (switches); i++)
    {
      JsonObject *outlet = json_array_get_object_element (switches, i);

      if (json_object_get_int_member (outlet, "outlet") == 1)
        g_assert_cmpstr (json_object_get_string_member (outlet, "switch"), ==, "on");
      /* The others stay as the demo has them. */
      if (json_object_get_int_member (outlet, "outlet") == 3)
        g_assert_cmpstr (json_object_get_string_member (outlet, "switch"), ==, "off");
    }
}

/* The device refuses an unknown key: one line naming the device, exit 1,
 * nothing stored; an offline device: exit 5. */
static void
test_set_rejected (void)
{
  g_autoptr(Run) unknown = run_relayctl (NULL, "set", KITCHEN_NAME, "switch=off", "sparkle=1");
  g_autoptr(Run) offline = run_relayctl (NULL, "set", GARDEN_PUMP, "switch=on");
  g_autoptr(JsonObject) params = sim_params (KITCHEN_ID);

  assert_one_line_error (unknown, 1);
  g_assert_true (strstr (unknown->err, KITCHEN_NAME " refused") != NULL);
  g_assert_false (json_object_has_member (params, "sparkle"));
  g_assert_cmpstr (json_object_get_string_member (params, "switch"), ==, "on");

  assert_one_line_error (offline, 5);
  g_assert_true (strstr (offline->err, "offline") != NULL);
}

static void
test_set_http (void)
{
  g_autoptr(Run) run = run_relayctl (NULL, "set", "--http", KITCHEN_NAME, "switch=off", "startup=on");
  g_autoptr(JsonObject) params = sim_params (KITCHEN_ID);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (params, "switch"), ==, "off");
  g_assert_cmpstr (json_object_get_string_member (params, "startup"), ==, "on");
}

static void
test_status (void)
{
  g_autoptr(Run) filtered = run_relayctl (NULL, "status", "--json", KITCHEN_NAME, "switch", "pulseWidth");
  g_autoptr(Run) all = run_relayctl (NULL, "status", "--json", "Aquarium");
  g_autoptr(Run) text = run_relayctl (NULL, "status", KITCHEN_NAME, "pulseWidth");
  g_autoptr(JsonObject) kitchen = sim_params (KITCHEN_ID);
  g_autoptr(JsonObject) aquarium = sim_params (AQUARIUM_ID);
  g_autoptr(JsonObject) params = parse_params_report (filtered, KITCHEN_ID);
  g_autoptr(JsonObject) all_params = parse_params_report (all, AQUARIUM_ID);
  g_autofree char *pulse_width = g_strdup_printf ("pulseWidth=%" G_GINT64_FORMAT "\n",
                                                  json_object_get_int_member (kitchen, "pulseWidth"));

  g_assert_cmpuint (json_object_get_size (params), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (params, "switch"), ==,
                   json_object_get_string_member (kitchen, "switch"));
  g_assert_cmpint (json_object_get_int_member (params, "pulseWidth"), ==,
                   json_object_get_int_member (kitchen, "pulseWidth"));
  assert_same_params (aquarium, all_params);
  g_assert_cmpint (text->status, ==, 0);
  g_assert_cmpstr (text->out, ==, pulse_width);
}

/* A string that would read as JSON shows quoted, as set would take it back
 * (the TH reports its readings as strings, spec/devices.md). */
static void
test_string_values (void)
{
  g_autoptr(Run) run = run_relayctl (NULL, "status", "Living room TH", "currentTemperature", "sensorType");
  g_autoptr(JsonObject) params = sim_params ("1000a1b205");
  g_autofree char *expected = g_strdup_printf ("currentTemperature=\"%s\"\nsensorType=%s\n",
                                               json_object_get_string_member (params, "currentTemperature"),
                                               json_object_get_string_member (params, "sensorType"));

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, expected);
}

static void
test_usage (void)
{
  g_autoptr(Run) no_value = run_relayctl (NULL, "set", KITCHEN_NAME, "switch");
  g_autoptr(Run) no_key = run_relayctl (NULL, "set", KITCHEN_NAME, "=on");
  g_autoptr(Run) twice = run_relayctl (NULL, "set", KITCHEN_NAME, "switch=on", "switch=off");
  g_autoptr(Run) no_params = run_relayctl (NULL, "set", KITCHEN_NAME);
  g_autoptr(Run) no_device = run_relayctl (NULL, "query");
  g_autoptr(Run) unknown = run_relayctl (NULL, "query", "No such lamp");
  g_autoptr(Run) unknown_status = run_relayctl (NULL, "status", "No such lamp");
  const char *const commands[] = { "query", "set", "status" };

  assert_one_line_error (no_value, 2);
  assert_one_line_error (no_key, 2);
  assert_one_line_error (twice, 2);
  assert_one_line_error (no_params, 2);
  assert_one_line_error (no_device, 2);
  assert_one_line_error (unknown, 4);
  assert_one_line_error (unknown_status, 4);

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(Run) help = run_relayctl (NULL, commands[i], "--help");

      g_assert_cmpint (help->status, ==, 0);
      g_assert_true (strstr (help->out, "--json") != NULL);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  sim_start ();
  login_demo ();

  g_test_add_func ("/relayctl/live/query-all", test_query_all);
  g_test_add_func ("/relayctl/live/query-listed", test_query_listed);
  g_test_add_func ("/relayctl/live/set-raw", test_set_raw);
  g_test_add_func ("/relayctl/live/set-rejected", test_set_rejected);
  g_test_add_func ("/relayctl/live/set-http", test_set_http);
  g_test_add_func ("/relayctl/live/status", test_status);
  g_test_add_func ("/relayctl/live/string-values", test_string_values);
  g_test_add_func ("/relayctl/live/usage", test_usage);

  return run_tests_and_stop_sim ();
}
