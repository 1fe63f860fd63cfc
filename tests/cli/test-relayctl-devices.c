/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-relayctl"

/* relayctl show, add, add-gsm, rm, rename and channel-names against
 * relay-sim, checked in /_sim/state. The guest account (second example
 * app pair) sees the demo's kitchen plug through a share. */

#include <string.h>

#include "relayctl-test-util.h"

#define DESK_LAMP_ID    "1000a1b201"
#define KITCHEN_PLUG_ID "1000a1b202"
#define HALL_LIGHT_ID   "1000a1b203"
#define AQUARIUM_ID     "1000a1b204"

/* Runs as the demo with RELAY_DEVICE_APIKEY = @apikey (NULL: unset). */
static Run *
run_with_apikey (const char         *apikey,
                 const char         *input,
                 const char * const *args)
{
  g_autofree char *variable = apikey != NULL ? g_strconcat ("RELAY_DEVICE_APIKEY=", apikey, NULL) : NULL;

  return run_relayctl_env (CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, ANY_ARGS (variable), input, args);
}

/* Whether the demo account owns @device_id in the simulator. */
static gboolean
sim_demo_owns (const char *device_id)
{
  g_autoptr(JsonNode) state = sim_get_state ();
  JsonObject *device = sim_find_device (state, device_id);

  return device != NULL
         && g_strcmp0 (json_object_get_string_member_with_default (device, "owner", ""),
                       sim_user_apikey (state, CKSIM_DEMO_EMAIL)) == 0;
}

static char *
sim_device_name (const char *device_id)
{
  g_autoptr(JsonNode) state = sim_get_state ();
  JsonObject *device = sim_find_device (state, device_id);

  g_assert_nonnull (device);

  return g_strdup (json_object_get_string_member (device, "name"));
}

static void
test_show (void)
{
  g_autoptr(Run) text = NULL;
  g_autoptr(Run) json = NULL;
  g_autoptr(Run) offline = NULL;
  g_autoptr(Run) unknown = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) offline_answer = NULL;
  JsonObject *device;

  login_demo ();

  text = run_relayctl (NULL, "show", "Desk lamp");
  g_assert_cmpint (text->status, ==, 0);
  g_assert_true (g_str_has_prefix (text->out, "Desk lamp (" DESK_LAMP_ID ")\n"));
  g_assert_nonnull (strstr (text->out, "UIID 104"));
  g_assert_nonnull (strstr (text->out, "1.6.1"));
  g_assert_nonnull (strstr (text->out, "Online:      yes"));
  g_assert_nonnull (strstr (text->out, "Power:       on"));

  json = run_relayctl (NULL, "show", AQUARIUM_ID, "--json");
  answer = run_parse_json (json);
  device = json_node_get_object (answer);
  g_assert_cmpstr (json_object_get_string_member (device, "id"), ==, AQUARIUM_ID);
  g_assert_cmpstr (json_object_get_string_member (device, "name"), ==, "Aquarium");
  g_assert_cmpint (json_object_get_int_member (device, "uiid"), ==, 4);
  g_assert_true (json_object_get_boolean_member (device, "online"));
  g_assert_cmpstr (json_object_get_string_member (device, "firmware"), ==, "3.4.0");
  g_assert_true (json_object_has_member (device, "groups"));
  g_assert_true (json_object_has_member (device, "channel_names"));
  g_assert_true (json_object_has_member (json_object_get_object_member (device, "params"), "switches"));
  /* Never the device's factory key or the owner's apikey. */
  g_assert_false (json_object_has_member (device, "devicekey"));
  g_assert_false (json_object_has_member (device, "apikey"));

  offline = run_relayctl (NULL, "--json", "show", "Garden pump");
  offline_answer = run_parse_json (offline);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (offline_answer), "online"));

  unknown = run_relayctl (NULL, "show", "No such device here");
  assert_one_line_error (unknown, 4);
  g_assert_nonnull (strstr (unknown->err, "No such device here"));
}

static void
test_add_and_rm (void)
{
  g_autoptr(Run) added = NULL;
  g_autoptr(Run) again = NULL;
  g_autoptr(Run) wrong_key = NULL;
  g_autoptr(Run) no_key = NULL;
  g_autoptr(Run) no_name = NULL;
  g_autoptr(Run) removed = NULL;
  g_autoptr(Run) gone = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *name = NULL;

  login_demo ();
  g_assert_false (sim_demo_owns (CKSIM_FACTORY_DEVICE_ID));

  /* The factory apikey from the environment. */
  added = run_with_apikey (CKSIM_FACTORY_DEVICE_APIKEY, NULL,
                           ANY_ARGS ("add", "--id", CKSIM_FACTORY_DEVICE_ID, "--name", "Porch switch"));
  g_assert_cmpint (added->status, ==, 0);
  g_assert_true (g_str_has_prefix (added->out, "Added Porch switch (" CKSIM_FACTORY_DEVICE_ID ").\n"));
  g_assert_true (sim_demo_owns (CKSIM_FACTORY_DEVICE_ID));
  name = sim_device_name (CKSIM_FACTORY_DEVICE_ID);
  g_assert_cmpstr (name, ==, "Porch switch");

  /* Already added: its own class. */
  again = run_with_apikey (CKSIM_FACTORY_DEVICE_APIKEY, NULL,
                           ANY_ARGS ("add", "--id", CKSIM_FACTORY_DEVICE_ID, "--name", "Porch switch"));
  assert_one_line_error (again, 8);

  /* A wrong factory apikey, from stdin: the cloud refuses it. */
  wrong_key = run_with_apikey (NULL, CKSIM_FACTORY_DEVICE_APIKEY "\n",
                               ANY_ARGS ("add", "--id", CKSIM_FACTORY_DEVICE4_ID, "--name", "Four"));
  assert_one_line_error (wrong_key, 1);
  g_assert_false (sim_demo_owns (CKSIM_FACTORY_DEVICE4_ID));

  no_key = run_with_apikey (NULL, "", ANY_ARGS ("add", "--id", CKSIM_FACTORY_DEVICE4_ID, "--name", "Four"));
  assert_one_line_error (no_key, 2);
  g_assert_nonnull (strstr (no_key->err, "RELAY_DEVICE_APIKEY"));
  no_name = run_with_apikey (CKSIM_FACTORY_DEVICE4_APIKEY, NULL, ANY_ARGS ("add", "--id", CKSIM_FACTORY_DEVICE4_ID));
  assert_one_line_error (no_name, 2);

  /* rm by name; the device leaves the account. */
  removed = run_relayctl (NULL, "--json", "rm", "Porch switch");
  answer = run_parse_json (removed);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "id"), ==,
                   CKSIM_FACTORY_DEVICE_ID);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (answer), "removed"));
  g_assert_false (sim_demo_owns (CKSIM_FACTORY_DEVICE_ID));

  gone = run_relayctl (NULL, "rm", "Porch switch");
  assert_one_line_error (gone, 4);
}

/* Runs add-gsm as the demo with RELAY_GSM_ID = @gsm_id (NULL: unset). */
static Run *
run_with_gsm_id (const char         *gsm_id,
                 const char         *input,
                 const char * const *args)
{
  g_autofree char *variable = gsm_id != NULL ? g_strconcat ("RELAY_GSM_ID=", gsm_id, NULL) : NULL;

  return run_relayctl_env (CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, ANY_ARGS (variable), input, args);
}

static void
test_add_gsm (void)
{
  g_autoptr(Run) added = NULL;
  g_autoptr(Run) removed = NULL;
  g_autoptr(Run) by_variable = NULL;
  g_autoptr(Run) removed_again = NULL;
  g_autoptr(Run) by_stdin = NULL;
  g_autoptr(Run) removed_third = NULL;
  g_autoptr(Run) on_argv = NULL;
  g_autoptr(Run) unknown = NULL;
  g_autoptr(Run) malformed = NULL;
  g_autoptr(Run) missing = NULL;
  g_autoptr(Run) help = NULL;
  g_autoptr(Run) both = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *upper = g_ascii_strup (CKSIM_FACTORY_GSM_GSMID, -1);

  login_demo ();

  /* --id with the factory apikey on stdin: the gsmId is computed. */
  added = run_with_apikey (NULL, CKSIM_FACTORY_GSM_APIKEY "\n",
                           ANY_ARGS ("--json", "add-gsm", "--id", CKSIM_FACTORY_GSM_ID, "--name", "Barn relay"));
  answer = run_parse_json (added);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "id"), ==, CKSIM_FACTORY_GSM_ID);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "name"), ==, "Barn relay");
  g_assert_true (sim_demo_owns (CKSIM_FACTORY_GSM_ID));

  removed = run_relayctl (NULL, "rm", CKSIM_FACTORY_GSM_ID);
  g_assert_cmpint (removed->status, ==, 0);
  g_assert_false (sim_demo_owns (CKSIM_FACTORY_GSM_ID));

  /* The gsmId as printed on the device (upper case is accepted), from
   * RELAY_GSM_ID: nothing secret on the command line. */
  by_variable = run_with_gsm_id (upper, NULL, ANY_ARGS ("add-gsm", "--name", "Barn relay"));
  g_assert_cmpint (by_variable->status, ==, 0);
  g_assert_true (g_str_has_prefix (by_variable->out, "Added Barn relay (" CKSIM_FACTORY_GSM_ID ").\n"));
  g_assert_true (sim_demo_owns (CKSIM_FACTORY_GSM_ID));
  removed_again = run_relayctl (NULL, "rm", "Barn relay");
  g_assert_cmpint (removed_again->status, ==, 0);
  g_assert_false (sim_demo_owns (CKSIM_FACTORY_GSM_ID));

  /* The same from stdin. */
  by_stdin = run_with_gsm_id (NULL, CKSIM_FACTORY_GSM_GSMID "\n", ANY_ARGS ("add-gsm", "--name", "Barn relay"));
  g_assert_cmpint (by_stdin->status, ==, 0);
  g_assert_true (sim_demo_owns (CKSIM_FACTORY_GSM_ID));
  removed_third = run_relayctl (NULL, "rm", "Barn relay");
  g_assert_cmpint (removed_third->status, ==, 0);

  /* The command line takes no gsmId. */
  on_argv = run_relayctl (NULL, "add-gsm", "--gsm-id", CKSIM_FACTORY_GSM_GSMID, "--name", "Barn relay");
  assert_one_line_error (on_argv, 2);
  g_assert_false (sim_demo_owns (CKSIM_FACTORY_GSM_ID));

  unknown = run_with_gsm_id ("00000000000000000000000000000000", NULL, ANY_ARGS ("add-gsm", "--name", "Nothing"));
  assert_one_line_error (unknown, 4);
  malformed = run_with_gsm_id (NULL, "not-hex\n", ANY_ARGS ("add-gsm", "--name", "Nothing"));
  assert_one_line_error (malformed, 2);
  g_assert_nonnull (strstr (malformed->err, "32 hexadecimal digits"));
  g_assert_null (strstr (malformed->err, "not-hex"));
  missing = run_with_gsm_id (NULL, "", ANY_ARGS ("add-gsm", "--name", "Nothing"));
  assert_one_line_error (missing, 2);
  g_assert_nonnull (strstr (missing->err, "RELAY_GSM_ID"));
  /* Its help names where the gsmId comes from, and no option takes it. */
  help = run_relayctl (NULL, "add-gsm", "--help");
  g_assert_cmpint (help->status, ==, 0);
  g_assert_nonnull (strstr (help->out, "RELAY_GSM_ID"));
  g_assert_null (strstr (help->out, "--gsm-id"));
  both = run_relayctl_env (CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET,
                           ANY_ARGS ("RELAY_DEVICE_APIKEY=" CKSIM_FACTORY_GSM_APIKEY,
                                     "RELAY_GSM_ID=" CKSIM_FACTORY_GSM_GSMID),
                           NULL, ANY_ARGS ("add-gsm", "--id", CKSIM_FACTORY_GSM_ID, "--name", "Nothing"));
  assert_one_line_error (both, 2);
  g_assert_false (sim_demo_owns (CKSIM_FACTORY_GSM_ID));
}

static void
test_rename (void)
{
  g_autoptr(Run) renamed = NULL;
  g_autoptr(Run) back = NULL;
  g_autoptr(Run) unknown = NULL;
  g_autoptr(Run) empty = NULL;
  g_autoptr(Run) not_owner = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *name = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *plug = NULL;

  login_demo ();
  login_guest ();

  renamed = run_relayctl (NULL, "rename", "Hall light", "Hallway light");
  g_assert_cmpint (renamed->status, ==, 0);
  g_assert_cmpstr (renamed->out, ==, "Renamed Hall light to Hallway light.\n");
  name = sim_device_name (HALL_LIGHT_ID);
  g_assert_cmpstr (name, ==, "Hallway light");

  back = run_relayctl (NULL, "--json", "rename", HALL_LIGHT_ID, "Hall light");
  answer = run_parse_json (back);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "name"), ==, "Hall light");
  restored = sim_device_name (HALL_LIGHT_ID);
  g_assert_cmpstr (restored, ==, "Hall light");

  unknown = run_relayctl (NULL, "rename", "No such device here", "Whatever");
  assert_one_line_error (unknown, 4);
  empty = run_relayctl (NULL, "rename", "Hall light", "");
  assert_one_line_error (empty, 2);

  /* The guest sees the kitchen plug through a share, but may not rename it. */
  not_owner = run_relayctl_second ("rename", "Kitchen plug", "Mine now");
  assert_one_line_error (not_owner, 7);
  g_assert_true (g_str_has_prefix (not_owner->err, "relayctl: Kitchen plug: only its owner may do this"));
  plug = sim_device_name (KITCHEN_PLUG_ID);
  g_assert_cmpstr (plug, ==, "Kitchen plug");
}

static void
test_rm_not_owner (void)
{
  g_autoptr(Run) not_owner = NULL;
  g_autoptr(Run) shown = NULL;
  g_autoptr(Run) json = NULL;
  g_autoptr(JsonNode) answer = NULL;

  login_guest ();
  not_owner = run_relayctl_second ("rm", "Kitchen plug");
  assert_one_line_error (not_owner, 7);
  g_assert_cmpstr (not_owner->err, ==, "relayctl: Kitchen plug: only its owner may do this (error 403)\n");
  g_assert_true (sim_demo_owns (KITCHEN_PLUG_ID));

  /* The guest's view names who shared the plug. */
  shown = run_relayctl_second ("show", "Kitchen plug");
  json = run_relayctl_second ("--json", "show", "Kitchen plug");
  answer = run_parse_json (json);
  g_assert_cmpint (shown->status, ==, 0);
  g_assert_nonnull (strstr (shown->out, "\n  Shared by:   " CKSIM_DEMO_EMAIL "\n"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "shared_by"), ==, CKSIM_DEMO_EMAIL);
}

static void
test_channel_names (void)
{
  g_autoptr(Run) named = NULL;
  g_autoptr(Run) shown = NULL;
  g_autoptr(Run) too_many = NULL;
  g_autoptr(Run) not_owner = NULL;
  g_autoptr(Run) no_names = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) state = NULL;
  const char *const expected[] = { "Pump", "Light", "Heater", "Filter" };
  JsonObject *tags;

  login_demo ();
  login_guest ();

  named = run_relayctl (NULL, "--json", "channel-names", "Aquarium", "Pump", "Light", "Heater", "Filter");
  answer = run_parse_json (named);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (answer),
                                                                                 "channel_names"), "1"),
                   ==, "Light");

  state = sim_get_state ();
  tags = json_object_get_object_member (json_object_get_object_member (sim_find_device (state, AQUARIUM_ID),
                                                                       "tags"),
                                        "ck_channel_name");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      char key[4];

      g_snprintf (key, sizeof key, "%u", i);
      g_assert_cmpstr (json_object_get_string_member (tags, key), ==, expected[i]);
    }

  /* Each channel by number, name and state, as the simulator has them. */
  {
    JsonArray *switches = json_object_get_array_member (
      json_object_get_object_member (sim_find_device (state, AQUARIUM_ID), "params"), "switches");
    g_autoptr(GString) line = g_string_new ("Channels:    ");

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      for (guint j = 0; j < json_array_get_length (switches); j++)
        {
          JsonObject *outlet = json_array_get_object_element (switches, j);

          if (json_object_get_int_member (outlet, "outlet") == i)
            g_string_append_printf (line, "%s%u %s %s", i > 0 ? ", " : "", i + 1, expected[i],
                                    json_object_get_string_member (outlet, "switch"));
        }
    g_string_append_c (line, '\n');

    shown = run_relayctl (NULL, "show", "Aquarium");
    g_assert_cmpint (shown->status, ==, 0);
    g_assert_nonnull (strstr (shown->out, line->str));
  }

  /* Five names for four channels: the cloud refuses them. */
  too_many = run_relayctl (NULL, "channel-names", "Aquarium", "A", "B", "C", "D", "E");
  assert_one_line_error (too_many, 1);

  no_names = run_relayctl (NULL, "channel-names", "Aquarium");
  assert_one_line_error (no_names, 2);

  not_owner = run_relayctl_second ("channel-names", "Kitchen plug", "Kettle");
  assert_one_line_error (not_owner, 7);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  sim_start ();

  g_test_add_func ("/cli/devices/show", test_show);
  g_test_add_func ("/cli/devices/add-and-rm", test_add_and_rm);
  g_test_add_func ("/cli/devices/add-gsm", test_add_gsm);
  g_test_add_func ("/cli/devices/rename", test_rename);
  g_test_add_func ("/cli/devices/rm-not-owner", test_rm_not_owner);
  g_test_add_func ("/cli/devices/channel-names", test_channel_names);

  return run_tests_and_stop_sim ();
}
