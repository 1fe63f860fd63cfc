/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-relayctl"

#include <string.h>

#include "relayctl-test-util.h"

/* The session commands (login, logout, app-secret), the device list and
 * on/off/toggle, help and usage. */

/* An online single-relay device (UIID 1, 6 or 14: one `switch` param). (transfer none) */
static JsonObject *
sim_find_online_relay (GPtrArray *devices)
{
  for (guint i = 0; i < devices->len; i++)
    {
      JsonObject *device = g_ptr_array_index (devices, i);
      gint64 uiid = json_object_get_int_member (device, "uiid");

      if (json_object_get_boolean_member (device, "online") && (uiid == 1 || uiid == 6 || uiid == 14))
        return device;
    }

  return NULL;
}

/* The demo's offline device. (transfer none) */
static JsonObject *
sim_find_offline_device (GPtrArray *devices)
{
  for (guint i = 0; i < devices->len; i++)
    {
      JsonObject *device = g_ptr_array_index (devices, i);

      if (!json_object_get_boolean_member (device, "online"))
        return device;
    }

  return NULL;
}

static char *
sim_get_switch (const char *device_id)
{
  g_autoptr(JsonNode) state = sim_get_state ();
  g_autoptr(GPtrArray) devices = sim_demo_devices (state);

  for (guint i = 0; i < devices->len; i++)
    {
      JsonObject *device = g_ptr_array_index (devices, i);

      if (g_str_equal (json_object_get_string_member (device, "deviceid"), device_id))
        return g_strdup (json_object_get_string_member (json_object_get_object_member (device, "params"),
                                                        "switch"));
    }

  g_error ("device %s is not in the simulator's state", device_id);
}

static void
test_help (void)
{
  g_autoptr(Run) run = run_relayctl (NULL, "--help");
  const char *const global_words[] = { "--server", "--region", "--app-id", "--ca-file", "--json",
                                       "--timeout", "RELAY_PASSWORD", "RELAY_NEW_PASSWORD",
                                       "RELAY_CODE", "RELAY_DEVICE_APIKEY", "RELAY_GSM_ID", "RELAY_APP_SECRET",
                                       "Exit status", "wrong or expired verification code",
                                       "already exists", "not permitted" };
  /* Every command, and every groups subcommand, describes itself. */
  const char *const commands[][2] = {
    { "login", NULL }, { "logout", NULL }, { "app-secret", NULL }, { "region", NULL },
    { "send-code", NULL }, { "register", NULL }, { "reset-password", NULL },
    { "change-password", NULL }, { "refresh", NULL }, { "devices", NULL }, { "show", NULL },
    { "add", NULL }, { "add-gsm", NULL }, { "rm", NULL }, { "rename", NULL },
    { "channel-names", NULL }, { "on", NULL }, { "off", NULL }, { "toggle", NULL },
    { "groups", "ls" }, { "groups", "add" }, { "groups", "rename" }, { "groups", "reorder" },
    { "groups", "rm" }, { "groups", "assign" },
    { "brightness", NULL }, { "ct", NULL }, { "color", NULL }, { "fan", NULL },
  };

  g_assert_cmpint (run->status, ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (global_words); i++)
    g_assert_nonnull (strstr (run->out, global_words[i]));
  /* --ca-file replaces the system's trust store for the API: the help says so. */
  g_assert_nonnull (strstr (run->out, "Trust only the CA certificates in this PEM file"));

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = NULL;
      g_autoptr(Run) help = NULL;

      if (commands[i][1] != NULL)
        help = run_relayctl (NULL, commands[i][0], commands[i][1], "--help");
      else
        help = run_relayctl (NULL, commands[i][0], "--help");
      usage = commands[i][1] != NULL ? g_strdup_printf ("relayctl %s %s", commands[i][0], commands[i][1])
                                     : g_strdup_printf ("relayctl %s", commands[i][0]);

      g_assert_cmpint (help->status, ==, 0);
      g_assert_nonnull (strstr (help->out, usage));
      g_assert_nonnull (strstr (help->out, "--json"));
      /* The top-level list names it too. */
      g_assert_nonnull (strstr (run->out, commands[i][0]));
    }

  {
    g_autoptr(Run) groups = run_relayctl (NULL, "groups", "--help");
    const char *const subcommands[] = { "ls", "add NAME", "rename GROUP NEW-NAME", "reorder GROUP POSITION",
                                        "rm GROUP", "assign DEVICE GROUP" };

    g_assert_cmpint (groups->status, ==, 0);
    for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
      g_assert_nonnull (strstr (groups->out, subcommands[i]));
  }

  /* timers DEVICE SUBCOMMAND: the device comes first, in help as when used. */
  {
    g_autoptr(Run) timers = run_relayctl (NULL, "timers", "--help");
    const char *const subcommands[] = { "list", "add", "edit", "rm", "enable", "disable" };

    g_assert_cmpint (timers->status, ==, 0);
    g_assert_nonnull (strstr (timers->out, "relayctl timers DEVICE SUBCOMMAND"));
    g_assert_nonnull (strstr (run->out, "timers DEVICE"));
    for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
      {
        g_autofree char *usage = g_strdup_printf ("relayctl timers DEVICE %s", subcommands[i]);
        g_autoptr(Run) help = run_relayctl (NULL, "timers", "Any device", subcommands[i], "--help");

        g_assert_nonnull (strstr (timers->out, subcommands[i]));
        g_assert_cmpint (help->status, ==, 0);
        g_assert_nonnull (strstr (help->out, usage));
        g_assert_nonnull (strstr (help->out, "--json"));
      }
  }
}

static void
test_usage_errors (void)
{
  g_autoptr(Run) unknown = run_relayctl (NULL, "frobnicate");
  g_autoptr(Run) no_identity = run_relayctl (CKSIM_DEMO_PASSWORD, "login");
  g_autoptr(Run) no_device = run_relayctl (NULL, "on");
  g_autoptr(Run) bad_phone = run_relayctl (CKSIM_DEMO_PASSWORD, "login", "--phone", "12345");
  g_autoptr(Run) extra = run_relayctl (NULL, "rename", "Desk lamp", "New", "Extra");
  g_autoptr(Run) unknown_sub = run_relayctl (NULL, "groups", "frobnicate");
  g_autoptr(Run) no_purpose = run_relayctl (NULL, "send-code", "--email", CKSIM_DEMO_EMAIL);

  assert_one_line_error (unknown, 2);
  g_assert_nonnull (strstr (unknown->err, "frobnicate"));
  assert_one_line_error (no_identity, 2);
  assert_one_line_error (no_device, 2);
  assert_one_line_error (bad_phone, 2);
  assert_one_line_error (extra, 2);
  g_assert_nonnull (strstr (extra->err, "relayctl rename DEVICE NEW-NAME"));
  assert_one_line_error (unknown_sub, 2);
  assert_one_line_error (no_purpose, 2);
}

static void
test_login (void)
{
  g_autoptr(Run) run = run_relayctl (CKSIM_DEMO_PASSWORD, "login", "--email", CKSIM_DEMO_EMAIL);
  g_autoptr(Run) from_stdin = run_relayctl_full (CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, NULL,
                                                 CKSIM_DEMO_PASSWORD "\n",
                                                 (const char * const[]) { "--json", "login", "--email",
                                                                          CKSIM_DEMO_EMAIL, NULL });
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_nonnull (strstr (run->out, CKSIM_DEMO_EMAIL));

  g_assert_cmpint (from_stdin->status, ==, 0);
  answer = json_from_string (from_stdin->out, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (answer), "signed_in"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "region"), ==,
                   CKSIM_DEMO_REGION);
}

static void
test_unreachable_server (void)
{
  /* Nothing listens on loopback port 1: a network-class failure. */
  const char *const args[] = { "--server", "http://127.0.0.1:1/{region}", "login", "--email",
                               CKSIM_DEMO_EMAIL, NULL };
  g_autoptr(Run) run = run_relayctl_full (CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET,
                                          CKSIM_DEMO_PASSWORD, NULL, args);

  assert_one_line_error (run, 6);
}

static void
test_login_wrong_password (void)
{
  g_autoptr(Run) run = run_relayctl (WRONG_PASSWORD, "login", "--email", CKSIM_DEMO_EMAIL);

  assert_one_line_error (run, 3);
  g_assert_cmpstr (run->err, ==, "relayctl: wrong e-mail or password\n");
}

static void
test_devices (void)
{
  g_autoptr(JsonNode) state = sim_get_state ();
  g_autoptr(GPtrArray) expected = sim_demo_devices (state);
  g_autoptr(Run) json_run = NULL;
  g_autoptr(Run) table_run = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *array;

  login_demo ();
  json_run = run_relayctl (NULL, "devices", "--json");
  table_run = run_relayctl (NULL, "devices");

  /* The demo account has a dozen devices (issue 2). */
  g_assert_cmpuint (expected->len, >=, 10);

  g_assert_cmpint (json_run->status, ==, 0);
  listed = json_from_string (json_run->out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (listed));
  array = json_node_get_array (listed);
  g_assert_cmpuint (json_array_get_length (array), ==, expected->len);

  for (guint i = 0; i < expected->len; i++)
    {
      JsonObject *want = g_ptr_array_index (expected, i);
      JsonObject *got = json_array_get_object_element (array, i);
      JsonObject *params = json_object_get_object_member (want, "params");

      g_assert_cmpstr (json_object_get_string_member (got, "id"), ==,
                       json_object_get_string_member (want, "deviceid"));
      g_assert_cmpstr (json_object_get_string_member (got, "name"), ==,
                       json_object_get_string_member (want, "name"));
      g_assert_cmpint (json_object_get_int_member (got, "uiid"), ==,
                       json_object_get_int_member (want, "uiid"));
      g_assert_cmpint (json_object_get_boolean_member (got, "online"), ==,
                       json_object_get_boolean_member (want, "online"));
      g_assert_true (json_object_has_member (got, "power"));
      g_assert_true (json_object_has_member (got, "model"));
      if (json_object_has_member (params, "switch"))
        g_assert_cmpint (json_object_get_boolean_member (got, "power"), ==,
                         g_str_equal (json_object_get_string_member (params, "switch"), "on"));
    }

  /* The table: a heading and one line per device, each naming it. */
  g_assert_cmpint (table_run->status, ==, 0);
  lines = g_strsplit (g_strchomp (table_run->out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, expected->len + 1);
  g_assert_true (g_str_has_prefix (lines[0], "NAME"));
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (g_str_has_prefix (lines[i + 1],
                                     json_object_get_string_member (g_ptr_array_index (expected, i),
                                                                    "name")));
}

static void
test_on_off (void)
{
  g_autoptr(JsonNode) state = sim_get_state ();
  g_autoptr(GPtrArray) devices = sim_demo_devices (state);
  JsonObject *device = sim_find_online_relay (devices);
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *after_on = NULL;
  g_autofree char *after_off = NULL;
  g_autofree char *after_toggle = NULL;

  g_assert_nonnull (device);
  id = g_strdup (json_object_get_string_member (device, "deviceid"));
  name = g_strdup (json_object_get_string_member (device, "name"));
  login_demo ();

  {
    g_autoptr(Run) on = run_relayctl (NULL, "on", name);

    g_assert_cmpint (on->status, ==, 0);
    g_assert_nonnull (strstr (on->out, name));
    after_on = sim_get_switch (id);
    g_assert_cmpstr (after_on, ==, "on");
  }
  {
    g_autoptr(Run) off = run_relayctl (NULL, "off", name);

    g_assert_cmpint (off->status, ==, 0);
    after_off = sim_get_switch (id);
    g_assert_cmpstr (after_off, ==, "off");
  }
  {
    /* By id this time; toggling from off turns it on. */
    g_autoptr(Run) toggle = run_relayctl (NULL, "--json", "toggle", id);
    g_autoptr(JsonNode) answer = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (toggle->status, ==, 0);
    answer = json_from_string (toggle->out, &error);
    g_assert_no_error (error);
    g_assert_true (json_object_get_boolean_member (json_node_get_object (answer), "power"));
    after_toggle = sim_get_switch (id);
    g_assert_cmpstr (after_toggle, ==, "on");
  }
}

static void
test_offline_device (void)
{
  g_autoptr(JsonNode) state = sim_get_state ();
  g_autoptr(GPtrArray) devices = sim_demo_devices (state);
  JsonObject *device = sim_find_offline_device (devices);
  g_autofree char *expected = NULL;
  g_autoptr(Run) run = NULL;

  g_assert_nonnull (device);
  login_demo ();
  run = run_relayctl (NULL, "toggle", json_object_get_string_member (device, "name"));

  assert_one_line_error (run, 5);
  expected = g_strdup_printf ("relayctl: %s is offline\n", json_object_get_string_member (device, "name"));
  g_assert_cmpstr (run->err, ==, expected);
}

static void
test_unknown_device (void)
{
  g_autoptr(Run) run = NULL;

  login_demo ();
  run = run_relayctl (NULL, "on", "No such device here");

  assert_one_line_error (run, 4);
  g_assert_nonnull (strstr (run->err, "No such device here"));
}

static void
test_logout (void)
{
  g_autoptr(Run) logout = NULL;
  g_autoptr(Run) devices = NULL;

  login_demo ();
  logout = run_relayctl (NULL, "logout");
  devices = run_relayctl (NULL, "devices");

  g_assert_cmpint (logout->status, ==, 0);
  assert_one_line_error (devices, 3);
  g_assert_cmpstr (devices->err, ==, "relayctl: not signed in (run relayctl login)\n");
}

static void
test_app_secret_from_keyring (void)
{
  const char *const store_args[] = { "app-secret", NULL };
  const char *const login_args[] = { "login", "--email", CKSIM_DEMO_EMAIL, NULL };
  g_autofree char *input = g_strconcat (sim.app_secret, "\n", NULL);
  g_autoptr(Run) missing = run_relayctl_full (sim.app_id, NULL, CKSIM_DEMO_PASSWORD, NULL, login_args);
  g_autoptr(Run) store = run_relayctl_full (sim.app_id, NULL, NULL, input, store_args);
  g_autoptr(Run) login = run_relayctl_full (sim.app_id, NULL, CKSIM_DEMO_PASSWORD, NULL, login_args);

  /* Before it is stored: an auth-class failure naming the way out. */
  assert_one_line_error (missing, 3);
  g_assert_nonnull (strstr (missing->err, "RELAY_APP_SECRET"));

  g_assert_cmpint (store->status, ==, 0);
  g_assert_null (strstr (store->out, sim.app_secret));

  /* The secret now comes from the keyring (RELAY_APP_SECRET is unset). */
  g_assert_cmpint (login->status, ==, 0);
  g_assert_null (strstr (login->out, sim.app_secret));
  g_assert_null (strstr (login->err, sim.app_secret));
}

/* Options may follow the command and its arguments, the global ones too,
 * with their values attached or separate; the global values are checked there too. */
static void
test_option_order (void)
{
  g_autoptr(JsonNode) state = sim_get_state ();
  g_autoptr(GPtrArray) devices = sim_demo_devices (state);
  JsonObject *relay = sim_find_online_relay (devices);
  g_autofree char *id = g_strdup (json_object_get_string_member (relay, "deviceid"));
  g_autofree char *name = g_strdup (json_object_get_string_member (relay, "name"));
  g_autoptr(Run) off = NULL;
  g_autoptr(Run) listed = NULL;
  g_autoptr(Run) zero = NULL;
  g_autoptr(Run) region = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *after_off = NULL;

  login_demo ();

  /* relayctl off NAME --json -t 5 --server … --app-id … */
  off = run_relayctl_globals_last (ANY_ARGS ("off", name, "--json", "-t", "5"));
  answer = run_parse_json (off);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "id"), ==, id);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (answer), "power"));
  after_off = sim_get_switch (id);
  g_assert_cmpstr (after_off, ==, "off");

  listed = run_relayctl_globals_last (ANY_ARGS ("devices", "--timeout=5", "--region=" CKSIM_DEMO_REGION));
  g_assert_cmpint (listed->status, ==, 0);
  g_assert_cmpuint (count_lines (listed->out), ==, devices->len + 1);

  zero = run_relayctl (NULL, "devices", "--timeout", "0");
  assert_one_line_error (zero, 2);
  g_assert_nonnull (strstr (zero->err, "--timeout"));
  region = run_relayctl (NULL, "devices", "--region=mars");
  assert_one_line_error (region, 2);
  g_assert_nonnull (strstr (region->err, "mars"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  sim_start ();

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/login", test_login);
  g_test_add_func ("/cli/login-wrong-password", test_login_wrong_password);
  g_test_add_func ("/cli/unreachable-server", test_unreachable_server);
  g_test_add_func ("/cli/devices", test_devices);
  g_test_add_func ("/cli/on-off", test_on_off);
  g_test_add_func ("/cli/offline-device", test_offline_device);
  g_test_add_func ("/cli/unknown-device", test_unknown_device);
  g_test_add_func ("/cli/logout", test_logout);
  g_test_add_func ("/cli/app-secret-from-keyring", test_app_secret_from_keyring);
  g_test_add_func ("/cli/option-order", test_option_order);

  return run_tests_and_stop_sim ();
}
