/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-relayctl"

/* relayctl timers against relay-sim, checked in the `timers` array the
 * simulator stores (spec §7). Every run has TZ=Asia/Shanghai (UTC+8, no
 * daylight saving), so local times and their UTC forms are fixed: 01:30 on
 * Monday is 17:30 on Sunday in UTC. */

#include <string.h>

#include "relayctl-test-util.h"

#define TIME_ZONE      "Asia/Shanghai"
#define HALL_LIGHT_ID  "1000a1b203" /* UIID 6, one channel, no timers in the demo */
#define KITCHEN_ID     "1000a1b202" /* shared with the guest */
#define AQUARIUM_ID    "1000a1b204" /* 4 channels */
#define DIMMER_ID      "1000a1b208"

/* The device's stored `timers`. (transfer full) */
static JsonArray *
sim_timers (const char *device_id)
{
  g_autoptr(JsonObject) params = sim_params (device_id);

  return json_array_ref (json_object_get_array_member (params, "timers"));
}

/* The stored timer @id, or NULL. (transfer none: valid while @timers lives) */
static JsonObject *
find_timer (JsonArray  *timers,
            const char *id)
{
  for (guint i = 0; i < json_array_get_length (timers); i++)
    {
      JsonObject *timer = json_array_get_object_element (timers, i);

      if (g_strcmp0 (json_object_get_string_member (timer, "mId"), id) == 0)
        return timer;
    }

  return NULL;
}

/* `--json timers … add|edit …` printed {"id", "name", "timer": {…}}: the timer's id. */
static char *
added_timer_id (const Run *run)
{
  g_autoptr(JsonNode) answer = run_parse_json (run);
  JsonObject *timer = json_object_get_object_member (json_node_get_object (answer), "timer");

  return g_strdup (json_object_get_string_member (timer, "id"));
}

static const char *
do_switch (JsonObject *timer,
           const char *member)
{
  return json_object_get_string_member (json_object_get_object_member (timer, member), "switch");
}

/* The line of `timers DEVICE` for @id. (transfer full) */
static char *
list_line (const char *listing,
           const char *id)
{
  g_auto(GStrv) lines = g_strsplit (listing, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], id))
      return g_strdup (lines[i]);

  return NULL;
}

/* Words of @line split by runs of two or more spaces (the table's columns). */
static char **
columns (const char *line)
{
  return g_regex_split_simple ("  +", line, 0, 0);
}

/* add, list, edit, disable, enable, rm: the whole round trip, local times
 * shifted across midnight into UTC and back. */
static void
test_round_trip (void)
{
  g_autoptr(Run) repeat = run_relayctl (NULL, "--json", "timers", "Hall light", "add", "repeat", "01:30", "mon", "on");
  g_autoptr(Run) once = run_relayctl (NULL, "--json", "timers", "Hall light", "add", "once", "2026-12-24T18:00", "off");
  g_autofree char *repeat_id = added_timer_id (repeat);
  g_autofree char *once_id = added_timer_id (once);
  g_autofree char *prefix = g_strndup (repeat_id, 8);
  g_autoptr(JsonArray) stored = sim_timers (HALL_LIGHT_ID);
  JsonObject *timer;
  g_autoptr(Run) listing = NULL;
  g_autoptr(Run) json_listing = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autofree char *line = NULL;
  g_auto(GStrv) cells = NULL;

  g_assert_cmpuint (json_array_get_length (stored), ==, 2);
  timer = find_timer (stored, repeat_id);
  g_assert_nonnull (timer);
  g_assert_cmpstr (json_object_get_string_member (timer, "type"), ==, "repeat");
  g_assert_cmpstr (json_object_get_string_member (timer, "coolkit_timer_type"), ==, "repeat");
  /* 01:30 Monday in UTC+8 is 17:30 Sunday UTC (spec §7.2, "Time-zone trap"). */
  g_assert_cmpstr (json_object_get_string_member (timer, "at"), ==, "30 17 * * 0");
  g_assert_cmpstr (do_switch (timer, "do"), ==, "on");
  g_assert_cmpint (json_object_get_int_member (timer, "enabled"), ==, 1);

  timer = find_timer (stored, once_id);
  g_assert_nonnull (timer);
  g_assert_cmpstr (json_object_get_string_member (timer, "type"), ==, "once");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (timer, "at"), "2026-12-24T10:00:00"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (timer, "at"), "Z"));
  g_assert_cmpstr (do_switch (timer, "do"), ==, "off");

  /* Shown back in local time: id, kind, when, action, enabled. */
  listing = run_relayctl (NULL, "timers", "Hall light");
  g_assert_cmpint (listing->status, ==, 0);
  g_assert_true (g_str_has_prefix (listing->out, "ID "));
  line = list_line (listing->out, repeat_id);
  g_assert_nonnull (line);
  cells = columns (line);
  g_assert_cmpuint (g_strv_length (cells), ==, 5);
  g_assert_cmpstr (cells[1], ==, "repeat");
  g_assert_cmpstr (cells[2], ==, "01:30 mon");
  g_assert_cmpstr (cells[3], ==, "on");
  g_assert_cmpstr (cells[4], ==, "yes");
  g_clear_pointer (&line, g_free);
  g_clear_pointer (&cells, g_strfreev);
  line = list_line (listing->out, once_id);
  cells = columns (line);
  g_assert_cmpstr (cells[1], ==, "once");
  g_assert_cmpstr (cells[2], ==, "2026-12-24 18:00");
  g_assert_cmpstr (cells[3], ==, "off");

  json_listing = run_relayctl (NULL, "timers", HALL_LIGHT_ID, "--json");
  listed = run_parse_json (json_listing);
  {
    JsonArray *timers = json_object_get_array_member (json_node_get_object (listed), "timers");
    JsonObject *first = json_array_get_object_element (timers, 0);

    g_assert_cmpuint (json_array_get_length (timers), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, repeat_id);
    g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "repeat");
    g_assert_cmpstr (json_object_get_string_member (first, "time"), ==, "01:30");
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (first, "days"), 0), ==, "mon");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (timers, 1), "at"),
                     ==, "2026-12-24T18:00:00+08:00");
  }

  /* edit by a unique start of the id: same mId, new rule, still enabled. */
  {
    g_autoptr(Run) edit = run_relayctl (NULL, "timers", "Hall light", "edit", prefix, "repeat", "23:15",
                                        "sat,sun", "off");
    g_autoptr(JsonArray) edited = sim_timers (HALL_LIGHT_ID);
    JsonObject *changed = find_timer (edited, repeat_id);

    g_assert_cmpint (edit->status, ==, 0);
    g_assert_true (g_str_has_prefix (edit->out, "Changed timer "));
    g_assert_cmpuint (json_array_get_length (edited), ==, 2);
    g_assert_nonnull (changed);
    g_assert_cmpstr (json_object_get_string_member (changed, "at"), ==, "15 15 * * 0,6");
    g_assert_cmpstr (do_switch (changed, "do"), ==, "off");
    g_assert_cmpint (json_object_get_int_member (changed, "enabled"), ==, 1);
    g_assert_nonnull (find_timer (edited, once_id));
  }

  /* disable, then enable: only `enabled` moves. */
  {
    g_autoptr(Run) disable = run_relayctl (NULL, "timers", "Hall light", "disable", repeat_id);
    g_autoptr(JsonArray) disabled = sim_timers (HALL_LIGHT_ID);
    g_autoptr(Run) shown = run_relayctl (NULL, "timers", "Hall light");
    g_autofree char *disabled_line = list_line (shown->out, repeat_id);
    g_auto(GStrv) disabled_cells = columns (disabled_line);
    g_autoptr(Run) enable = NULL;
    g_autoptr(JsonArray) enabled = NULL;

    g_assert_cmpint (disable->status, ==, 0);
    g_assert_cmpint (json_object_get_int_member (find_timer (disabled, repeat_id), "enabled"), ==, 0);
    g_assert_cmpstr (json_object_get_string_member (find_timer (disabled, repeat_id), "at"), ==, "15 15 * * 0,6");
    g_assert_cmpint (json_object_get_int_member (find_timer (disabled, once_id), "enabled"), ==, 1);
    g_assert_cmpstr (disabled_cells[2], ==, "23:15 sat,sun");
    g_assert_cmpstr (disabled_cells[4], ==, "no");

    enable = run_relayctl (NULL, "--json", "timers", "Hall light", "enable", repeat_id);
    enabled = sim_timers (HALL_LIGHT_ID);
    g_assert_cmpint (enable->status, ==, 0);
    g_assert_cmpint (json_object_get_int_member (find_timer (enabled, repeat_id), "enabled"), ==, 1);
    {
      g_autoptr(JsonNode) answer = run_parse_json (enable);

      g_assert_true (json_object_get_boolean_member (
        json_object_get_object_member (json_node_get_object (answer), "timer"), "enabled"));
    }
  }

  /* rm: the other stays; an unknown id is "not found". */
  {
    g_autoptr(Run) rm = run_relayctl (NULL, "timers", "Hall light", "rm", repeat_id);
    g_autoptr(JsonArray) left = sim_timers (HALL_LIGHT_ID);
    g_autoptr(Run) again = run_relayctl (NULL, "timers", "Hall light", "rm", repeat_id);
    g_autoptr(JsonArray) still = sim_timers (HALL_LIGHT_ID);

    g_assert_cmpint (rm->status, ==, 0);
    g_assert_cmpuint (json_array_get_length (left), ==, 1);
    g_assert_nonnull (find_timer (left, once_id));
    assert_one_line_error (again, 4);
    g_assert_cmpuint (json_array_get_length (still), ==, 1);
  }
}

/* countdown: `type` once, `coolkit_timer_type` delay, `period` minutes,
 * `at` = now + period; loop: "ISO P Q" with startDo / endDo. */
static void
test_countdown_and_loop (void)
{
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(Run) countdown = run_relayctl (NULL, "--json", "timers", "Dimmer", "add", "countdown", "30m", "off");
  g_autoptr(GDateTime) after = g_date_time_new_now_utc ();
  g_autoptr(Run) loop = run_relayctl (NULL, "--json", "timers", "Dimmer", "add", "loop", "--start",
                                      "2026-12-24T18:00", "--every", "60", "--for", "30", "on", "off");
  g_autofree char *countdown_id = added_timer_id (countdown);
  g_autofree char *loop_id = added_timer_id (loop);
  g_autoptr(JsonArray) stored = sim_timers (DIMMER_ID);
  JsonObject *timer = find_timer (stored, countdown_id);
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) earliest = g_date_time_add_minutes (before, 30);
  g_autoptr(GDateTime) latest = g_date_time_add_minutes (after, 31);

  g_assert_nonnull (timer);
  g_assert_cmpstr (json_object_get_string_member (timer, "type"), ==, "once");
  g_assert_cmpstr (json_object_get_string_member (timer, "coolkit_timer_type"), ==, "delay");
  g_assert_cmpstr (json_object_get_string_member (timer, "period"), ==, "30");
  g_assert_cmpstr (do_switch (timer, "do"), ==, "off");
  at = g_date_time_new_from_iso8601 (json_object_get_string_member (timer, "at"), NULL);
  g_assert_nonnull (at);
  /* Minute resolution: between now + 30 min (rounded down) and a minute later. */
  g_assert_cmpint (g_date_time_difference (at, earliest), >=, -60 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_difference (latest, at), >=, 0);

  timer = find_timer (stored, loop_id);
  g_assert_nonnull (timer);
  g_assert_cmpstr (json_object_get_string_member (timer, "type"), ==, "duration");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (timer, "at"), "2026-12-24T10:00:00"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (timer, "at"), "Z 60 30"));
  g_assert_cmpstr (do_switch (timer, "startDo"), ==, "on");
  g_assert_cmpstr (do_switch (timer, "endDo"), ==, "off");
}

/* --channel N is 1-based: channel 2 of the 4CH is outlet 1. A multi-channel
 * timer needs a channel (spec §7.3). */
static void
test_channel (void)
{
  g_autoptr(Run) run = run_relayctl (NULL, "--json", "timers", "Aquarium", "add", "--channel", "2",
                                     "once", "2026-12-24 07:05", "on");
  g_autoptr(Run) whole = run_relayctl (NULL, "timers", "Aquarium", "add", "once", "2026-12-24 07:05", "on");
  g_autoptr(Run) no_such = run_relayctl (NULL, "timers", "Aquarium", "add", "--channel", "9", "once",
                                         "2026-12-24 07:05", "on");
  g_autofree char *id = added_timer_id (run);
  g_autoptr(JsonArray) stored = sim_timers (AQUARIUM_ID);
  JsonObject *timer = find_timer (stored, id);
  JsonObject *action = json_object_get_object_member (timer, "do");
  g_autoptr(Run) listing = run_relayctl (NULL, "timers", "Aquarium");
  g_autofree char *line = list_line (listing->out, id);
  g_auto(GStrv) cells = columns (line);

  g_assert_cmpint (json_object_get_int_member (action, "outlet"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (action, "switch"), ==, "on");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (timer, "at"), "2026-12-23T23:05:00"));
  g_assert_cmpstr (cells[3], ==, "channel 2 (Filter) on");
  assert_one_line_error (whole, 2);
  assert_one_line_error (no_such, 2);
  g_assert_cmpuint (json_array_get_length (stored), ==, 1);
}

/* The options of `timers DEVICE add` may stand before DEVICE, after the
 * arguments, or between, with their values attached or separate: a
 * value is never taken for DEVICE. */
static void
test_option_order (void)
{
  g_autoptr(JsonArray) before = sim_timers (AQUARIUM_ID);
  g_autoptr(Run) first = run_relayctl (NULL, "timers", "--channel", "2", "--json", "Aquarium", "add", "once",
                                       "2026-12-25 07:05", "on");
  g_autoptr(Run) last = run_relayctl (NULL, "timers", "Aquarium", "add", "once", "2026-12-25 07:10", "off",
                                      "--channel=3", "--json");
  g_autoptr(Run) short_option = run_relayctl (NULL, "timers", "-c", "4", "Aquarium", "--json", "add", "countdown", "5", "on");
  g_autofree char *first_id = added_timer_id (first);
  g_autofree char *last_id = added_timer_id (last);
  g_autofree char *short_id = added_timer_id (short_option);
  g_autoptr(JsonArray) stored = sim_timers (AQUARIUM_ID);
  const char *const ids[] = { first_id, last_id, short_id };

  g_assert_cmpuint (json_array_get_length (stored), ==, json_array_get_length (before) + 3);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      JsonObject *timer = find_timer (stored, ids[i]);

      g_assert_nonnull (timer);
      /* Channels 2, 3 and 4 are outlets 1, 2 and 3. */
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (timer, "do"), "outlet"), ==, i + 1);
    }
}

/* Misuse is a one-line usage error and nothing reaches the device. */
static void
test_usage (void)
{
  const char *const *const cases[] = {
    (const char *const[]) { "timers", "Hall light", "add", "weekly", "07:30", "on", NULL },
    (const char *const[]) { "timers", "Hall light", "add", "repeat", "25:00", "on", NULL },
    (const char *const[]) { "timers", "Hall light", "add", "repeat", "07:30", "mon,funday", "on", NULL },
    (const char *const[]) { "timers", "Hall light", "add", "repeat", "07:30", "mon", "dim", NULL },
    (const char *const[]) { "timers", "Hall light", "add", "once", "tomorrow", "on", NULL },
    (const char *const[]) { "timers", "Hall light", "add", "countdown", "0", "on", NULL },
    (const char *const[]) { "timers", "Hall light", "add", "loop", "on", NULL },
    (const char *const[]) { "timers", "Hall light", "add", "loop", "--every", "60", "on", "off", NULL },
    (const char *const[]) { "timers", "Hall light", "add", "once", "--every", "60", "2026-12-24T18:00", "on", NULL },
    (const char *const[]) { "timers", "Hall light", "frobnicate", NULL },
    (const char *const[]) { "timers", NULL },
  };
  g_autoptr(JsonArray) before = sim_timers (HALL_LIGHT_ID);
  g_autoptr(JsonArray) after = NULL;
  g_autoptr(JsonNode) before_node = NULL;
  g_autoptr(JsonNode) after_node = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Run) run = run_relayctl_full (CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, NULL, NULL,
                                              cases[i]);

      assert_one_line_error (run, 2);
    }

  after = sim_timers (HALL_LIGHT_ID);
  before_node = json_node_init_array (json_node_alloc (), before);
  after_node = json_node_init_array (json_node_alloc (), after);
  g_assert_true (json_node_equal (before_node, after_node));
}

/* A sharee acts within the owner's permit bits; a missing bit is refused
 * before anything is sent (exit 7), with the reason. */
static void
test_permit (void)
{
  g_autoptr(Run) allow_add = run_relayctl (NULL, "share-edit", "Kitchen plug", "--to", CKSIM_DEMO_GUEST_EMAIL,
                                           "--permit", "add");
  g_autoptr(Run) added = run_relayctl_second ("--json", "timers", "Kitchen plug", "add", "countdown", "10", "on");
  g_autofree char *id = added_timer_id (added);
  g_autoptr(Run) removed = run_relayctl_second ("timers", "Kitchen plug", "rm", id);
  g_autoptr(Run) disabled = run_relayctl_second ("timers", "Kitchen plug", "disable", id);
  g_autoptr(JsonArray) stored = sim_timers (KITCHEN_ID);

  g_assert_cmpint (allow_add->status, ==, 0);
  g_assert_nonnull (find_timer (stored, id));
  assert_one_line_error (removed, 7);
  g_assert_true (g_str_has_prefix (removed->err, "relayctl: Kitchen plug: "));
  g_assert_nonnull (strstr (removed->err, "delete"));
  assert_one_line_error (disabled, 7);
  g_assert_nonnull (strstr (disabled->err, "enable"));
  g_assert_cmpuint (json_array_get_length (stored), ==, 1);
  g_assert_cmpint (json_object_get_int_member (find_timer (stored, id), "enabled"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  /* Before anything reads the local time zone; relayctl inherits it. */
  g_setenv ("TZ", TIME_ZONE, TRUE);
  g_test_init (&argc, &argv, NULL);

  sim_start ();
  login_demo ();
  login_guest ();

  g_test_add_func ("/cli/timers/round-trip", test_round_trip);
  g_test_add_func ("/cli/timers/countdown-and-loop", test_countdown_and_loop);
  g_test_add_func ("/cli/timers/channel", test_channel);
  g_test_add_func ("/cli/timers/option-order", test_option_order);
  g_test_add_func ("/cli/timers/usage", test_usage);
  g_test_add_func ("/cli/timers/permit", test_permit);

  return run_tests_and_stop_sim ();
}
