/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-relayctl"

/* relayctl watch against relay-sim: connection states, device reports,
 * online/offline, changes relayed from another session, the ways it ends. */

#include <signal.h>
#include <string.h>

#include <libsoup/soup.h>

#include "relayctl-test-util.h"

#define KITCHEN_ID   "1000a1b202"
#define KITCHEN_NAME "Kitchen plug"

static BackgroundRun *
start_watch (const char * const *args)
{
  return run_relayctl_background (CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, args);
}

/* The next line is {"event":"state","state":@state}; returns it. */
static JsonObject *
expect_state (BackgroundRun *watch,
              const char    *state)
{
  JsonObject *event = background_read_json (watch);

  g_assert_cmpstr (json_object_get_string_member (event, "event"), ==, "state");
  g_assert_cmpstr (json_object_get_string_member (event, "state"), ==, state);
  g_assert_true (json_object_has_member (event, "time"));

  return event;
}

static void
expect_online (BackgroundRun *watch)
{
  g_autoptr(JsonObject) connecting G_GNUC_UNUSED = expect_state (watch, "connecting");
  g_autoptr(JsonObject) online G_GNUC_UNUSED = expect_state (watch, "online");
}

static void
sim_report (const char *device_id,
            const char *params)
{
  g_autofree char *body = g_strdup_printf ("{\"deviceid\":\"%s\",\"params\":%s}", device_id, params);
  g_autoptr(JsonNode) answer G_GNUC_UNUSED = sim_call ("POST", "/_sim/device/report", body, SOUP_STATUS_OK);
}

static void
sim_set_online (const char *device_id,
                gboolean    online)
{
  g_autofree char *body = g_strdup_printf ("{\"deviceid\":\"%s\",\"online\":%s}", device_id,
                                           online ? "true" : "false");
  g_autoptr(JsonNode) answer G_GNUC_UNUSED = sim_call ("POST", "/_sim/device/online", body, SOUP_STATUS_OK);
}

/* A string param of a device in the simulator. */
static char *
sim_dup_param (const char *device_id,
               const char *name)
{
  g_autoptr(JsonNode) state = sim_get_state ();
  JsonObject *device = sim_find_device (state, device_id);

  g_assert_nonnull (device);

  return g_strdup (json_object_get_string_member (json_object_get_object_member (device, "params"), name));
}

/* The next line is a params event of the kitchen plug with exactly switch=@value. */
static void
expect_switch (BackgroundRun *watch,
               const char    *value)
{
  g_autoptr(JsonObject) event = background_read_json (watch);
  JsonObject *params;

  g_assert_cmpstr (json_object_get_string_member (event, "event"), ==, "params");
  g_assert_cmpstr (json_object_get_string_member (event, "id"), ==, KITCHEN_ID);
  g_assert_cmpstr (json_object_get_string_member (event, "name"), ==, KITCHEN_NAME);
  params = json_object_get_object_member (event, "params");
  g_assert_cmpuint (json_object_get_size (params), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (params, "switch"), ==, value);
}

static void
expect_device_online (BackgroundRun *watch,
                      gboolean       online)
{
  g_autoptr(JsonObject) event = background_read_json (watch);

  g_assert_cmpstr (json_object_get_string_member (event, "event"), ==, "online");
  g_assert_cmpstr (json_object_get_string_member (event, "id"), ==, KITCHEN_ID);
  g_assert_cmpint (json_object_get_boolean_member (event, "online"), ==, online);
}

/* A report, offline, online and a change relayed from another session:
 * six events with the two states, then --count ends the watch. */
static void
test_watch_events (void)
{
  BackgroundRun *watch = start_watch ((const char * const[]) { "watch", "--json", "--count", "6",
                                                               "--timeout", "5", NULL });
  g_autoptr(Run) set = NULL;
  g_autoptr(Run) run = NULL;

  expect_online (watch);

  sim_report (KITCHEN_ID, "{\"switch\":\"on\"}");
  expect_switch (watch, "on");

  sim_set_online (KITCHEN_ID, FALSE);
  expect_device_online (watch, FALSE);
  sim_set_online (KITCHEN_ID, TRUE);
  expect_device_online (watch, TRUE);

  /* Not echoed to its sender; relayed to the watcher. */
  set = run_relayctl_second ("set", KITCHEN_NAME, "switch=off");
  g_assert_cmpint (set->status, ==, 0);
  expect_switch (watch, "off");

  run = background_finish (watch, 0);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  /* Exactly the six events. */
  g_assert_cmpuint (count_lines (run->out), ==, 6);
}

static void
test_watch_text (void)
{
  BackgroundRun *watch = start_watch ((const char * const[]) { "watch", "--count", "3", NULL });
  g_autofree char *connecting = background_read_line (watch);
  g_autofree char *online = background_read_line (watch);
  g_autofree char *report = NULL;
  g_autofree char *before = sim_dup_param (KITCHEN_ID, "switch");
  g_autoptr(Run) run = NULL;

  g_assert_true (g_regex_match_simple ("^\\d\\d:\\d\\d:\\d\\d connection: connecting$", connecting, 0, 0));
  g_assert_true (g_regex_match_simple ("^\\d\\d:\\d\\d:\\d\\d connection: online$", online, 0, 0));

  g_assert_cmpstr (before, ==, "off");
  sim_report (KITCHEN_ID, "{\"switch\":\"on\",\"pulseWidth\":700}");
  report = background_read_line (watch);
  /* The changed params, in the device's order. */
  g_assert_true (g_regex_match_simple ("^\\d\\d:\\d\\d:\\d\\d " KITCHEN_NAME " \\(" KITCHEN_ID "\\): "
                                       "(switch=on pulseWidth=700|pulseWidth=700 switch=on)$", report, 0, 0));

  run = background_finish (watch, 0);
  g_assert_cmpint (run->status, ==, 0);
}

/* A dropped socket shows as reconnecting; SIGTERM and SIGINT end the watch cleanly. */
static void
test_watch_reconnecting_and_signals (void)
{
  const int signals[] = { SIGTERM, SIGINT };

  for (gsize i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      BackgroundRun *watch = start_watch ((const char * const[]) { "watch", "--json", NULL });
      g_autoptr(JsonNode) dropped = NULL;
      g_autoptr(JsonObject) reconnecting = NULL;
      g_autoptr(Run) run = NULL;

      expect_online (watch);
      dropped = sim_call ("POST", "/_sim/sockets/drop", "{\"email\":\"" CKSIM_DEMO_EMAIL "\"}",
                          SOUP_STATUS_OK);
      g_assert_cmpint (json_object_get_int_member (json_node_get_object (dropped), "dropped"), ==, 1);
      reconnecting = expect_state (watch, "reconnecting");
      g_assert_true (json_object_has_member (reconnecting, "next_attempt"));
      g_assert_cmpint (json_object_get_int_member (reconnecting, "in_seconds"), >=, 0);
      g_assert_cmpint (json_object_get_int_member (reconnecting, "in_seconds"), <=, 60);

      run = background_finish (watch, signals[i]);
      g_assert_cmpint (run->status, ==, 0);
      g_assert_cmpstr (run->err, ==, "");
    }
}

static void
test_watch_timeout (void)
{
  g_autoptr(Run) quiet = NULL;
  g_autoptr(Run) short_of_count = NULL;

  /* Without --count, --timeout is simply the watch's length. */
  quiet = background_finish (start_watch ((const char * const[]) { "watch", "--timeout", "0.3", NULL }), 0);
  g_assert_cmpint (quiet->status, ==, 0);
  g_assert_true (strstr (quiet->out, "connection: online\n") != NULL);
  g_assert_cmpstr (quiet->err, ==, "");

  /* With it, missing events are a failure of the timeout class. */
  short_of_count = background_finish (start_watch ((const char * const[]) { "watch", "--count", "100",
                                                                            "--timeout", "0.3", NULL }), 0);
  g_assert_cmpint (short_of_count->status, ==, 6);
  g_assert_true (g_str_has_prefix (short_of_count->err, "relayctl: "));
  g_assert_true (strstr (short_of_count->err, "2 of 100 events") != NULL);
  g_assert_cmpint (strchr (short_of_count->err, '\n') - short_of_count->err, ==,
                   strlen (short_of_count->err) - 1);
}

static void
test_watch_usage (void)
{
  g_autoptr(Run) help = run_relayctl (NULL, "watch", "--help");
  g_autoptr(Run) negative = run_relayctl (NULL, "watch", "--count", "-1");
  g_autoptr(Run) argument = run_relayctl (NULL, "watch", KITCHEN_NAME);

  g_assert_cmpint (help->status, ==, 0);
  g_assert_true (strstr (help->out, "--count") != NULL);
  g_assert_true (strstr (help->out, "--timeout") != NULL);
  g_assert_true (strstr (help->out, "--json") != NULL);
  assert_one_line_error (negative, 2);
  assert_one_line_error (argument, 2);
}

/* A new sign-in with the same app id takes the session: the watch says so and ends (3). */
static void
test_watch_session_taken (void)
{
  BackgroundRun *watch = start_watch ((const char * const[]) { "watch", "--json", NULL });
  g_autoptr(JsonObject) taken = NULL;
  g_autoptr(Run) run = NULL;

  expect_online (watch);
  login_demo ();
  taken = expect_state (watch, "session-taken");

  run = background_finish (watch, 0);
  g_assert_cmpint (run->status, ==, 3);
  g_assert_true (g_str_has_prefix (run->err, "relayctl: "));
  g_assert_cmpint (strchr (run->err, '\n') - run->err, ==, strlen (run->err) - 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  sim_start ();
  login_demo ();
  /* The watcher signs in with the first example pair; a second session of
   * the same account uses the second pair, or it would sign the watcher out. */
  login_second (CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);

  g_test_add_func ("/relayctl/watch/events", test_watch_events);
  g_test_add_func ("/relayctl/watch/text", test_watch_text);
  g_test_add_func ("/relayctl/watch/reconnecting-and-signals", test_watch_reconnecting_and_signals);
  g_test_add_func ("/relayctl/watch/timeout", test_watch_timeout);
  g_test_add_func ("/relayctl/watch/usage", test_watch_usage);
  /* Last: it replaces the stored session. */
  g_test_add_func ("/relayctl/watch/session-taken", test_watch_session_taken);

  return run_tests_and_stop_sim ();
}
